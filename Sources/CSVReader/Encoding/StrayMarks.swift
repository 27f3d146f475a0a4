#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NUL bytes and byte-order marks inside a file's text. Two UTF-8 exports joined into one leave
/// the second one's mark in a cell (`\u{FEFF}Otro`: invisible, yet another name to every key); a
/// NUL cuts the text short in C tools and databases. Neither is text anybody wrote: removed from
/// the cell, and said at it (`CSV-STRAY-MARK`). The file's own mark, at its start, is the
/// decoder's.
enum StrayMarks {
    /// Whether `bytes` hold a NUL or a UTF-8 byte-order mark (EF BB BF).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        if memchr(base, 0, bytes.count) != nil { return true }
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, 0xEF, bytes.count - from) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true }
            from = i + 1
        }
        return false
    }

    /// Removes the NULs and byte-order marks from `bytes[start...]`, in place.
    static func remove(from bytes: inout [UInt8], startingAt start: Int) {
        var write = start, read = start
        while read < bytes.count {
            let b = bytes[read]
            if b == 0 { read += 1; continue }
            if b == 0xEF, read + 2 < bytes.count, bytes[read + 1] == 0xBB, bytes[read + 2] == 0xBF { read += 3; continue }
            bytes[write] = b
            write += 1; read += 1
        }
        bytes.removeLast(bytes.count - write)
    }
}
