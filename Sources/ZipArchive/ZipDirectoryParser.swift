/// Finds the end-of-central-directory record (searching back past an archive comment), follows
/// it (and its zip64 form) to the central directory, and reads every entry's header.
struct ZipDirectoryParser {
    let file: RandomAccessFile
    let limits: ZipLimits
    var path: String { file.path }

    static let eocdSignature: UInt32 = 0x0605_4b50
    static let eocd64Signature: UInt32 = 0x0606_4b50
    static let eocd64LocatorSignature: UInt32 = 0x0706_4b50
    static let centralSignature: UInt32 = 0x0201_4b50
    static let localSignature: UInt32 = 0x0403_4b50

    func parse() throws(ZipError) -> [ZipEntry] {
        let head = try file.bytes(at: 0, count: 8)
        try FileSniffer(file: file).rejectIfNotZip(head: head)
        // The EOCD is 22 bytes plus a comment of at most 65,535 bytes.
        let tailCount = Int(min(file.size, 22 + 65_535))
        let tailStart = file.size - UInt64(tailCount)
        let tail = try file.bytes(at: tailStart, count: tailCount)
        guard let eocdAt = Self.findEOCD(tail) else {
            if head.starts(with: [0x50, 0x4b, 0x03, 0x04]) {
                throw .truncated(path: path, detail: "no end-of-central-directory record")
            }
            throw .notAZip(path: path, found: "no end-of-central-directory record")
        }
        let eocdOffset = tailStart + UInt64(eocdAt)
        var count = UInt64(tail.u16(eocdAt + 10))
        var cdSize = UInt64(tail.u32(eocdAt + 12))
        var cdOffset = UInt64(tail.u32(eocdAt + 16))
        var cdEnd = eocdOffset
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF, eocdAt >= 20,
           tail.u32(eocdAt - 20) == Self.eocd64LocatorSignature {
            let eocd64Offset = tail.u64(eocdAt - 20 + 8)
            let rec = try file.bytes(at: eocd64Offset, count: 56)
            guard rec.count == 56, rec.u32(0) == Self.eocd64Signature else {
                throw .corrupt(path: path, entry: nil, detail: "zip64 end-of-central-directory record missing")
            }
            count = rec.u64(32); cdSize = rec.u64(40); cdOffset = rec.u64(48)
            cdEnd = eocd64Offset
        }
        guard count <= UInt64(limits.maxEntries) else {
            throw .limitExceeded(path: path, entry: nil, limit: .entryCount, value: count, maximum: UInt64(limits.maxEntries))
        }
        // Offsets and sizes are untrusted (a zip64 record holds any 64-bit value): no sum may wrap.
        let (directoryEnd, wrapped) = cdOffset.addingReportingOverflow(cdSize)
        guard !wrapped else {
            throw .corrupt(path: path, entry: nil, detail: "central directory offset \(cdOffset) and size \(cdSize) are impossible")
        }
        // Data prepended to the archive (a self-extractor stub) shifts every offset by the same amount.
        var shift: UInt64 = 0
        if directoryEnd < cdEnd { shift = cdEnd - directoryEnd }
        guard directoryEnd + shift <= file.size, cdSize <= 512 << 20 else {
            throw .truncated(path: path, detail: "central directory at \(cdOffset) runs past the end of the file (\(file.size) bytes)")
        }
        var cd = try file.bytes(at: cdOffset + shift, count: Int(cdSize))
        if shift != 0, cd.count >= 4, cd.u32(0) != Self.centralSignature {
            // The stated offset was right after all (extra bytes sit between directory and EOCD).
            shift = 0
            cd = try file.bytes(at: cdOffset, count: Int(cdSize))
        }
        return try parseEntries(cd, count: Int(count), shift: shift)
    }

    static func findEOCD(_ tail: [UInt8]) -> Int? {
        guard tail.count >= 22 else { return nil }
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4b, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                // A real record's comment length reaches exactly (or, leniently, within) the file end.
                let commentLength = Int(tail.u16(i + 20))
                if i + 22 + commentLength <= tail.count { return i }
            }
            i -= 1
        }
        return nil
    }

    private func parseEntries(_ cd: [UInt8], count: Int, shift: UInt64) throws(ZipError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(min(count, 10_000))
        var p = 0
        var total: UInt64 = 0
        // Trust the directory's own records over the count (some writers get the count wrong).
        while p + 46 <= cd.count, cd.u32(p) == Self.centralSignature {
            let flags = cd.u16(p + 8), method = cd.u16(p + 10)
            let crc = cd.u32(p + 16)
            var csize = UInt64(cd.u32(p + 20)), usize = UInt64(cd.u32(p + 24))
            let nameLength = Int(cd.u16(p + 28)), extraLength = Int(cd.u16(p + 30)), commentLength = Int(cd.u16(p + 32))
            var offset = UInt64(cd.u32(p + 42))
            let nameStart = p + 46
            let end = nameStart + nameLength + extraLength + commentLength
            guard end <= cd.count else {
                throw .corrupt(path: path, entry: nil, detail: "central directory record \(entries.count + 1) runs past the directory")
            }
            let name = Self.decodeName(cd[nameStart..<nameStart + nameLength], utf8Flag: flags & 0x800 != 0)
            // zip64 extended information: only the fields saturated in the record are present, in order.
            var x = nameStart + nameLength
            let extraEnd = x + extraLength
            while x + 4 <= extraEnd {
                let id = cd.u16(x), size = Int(cd.u16(x + 2))
                let body = x + 4
                guard body + size <= extraEnd else { break }
                if id == 0x0001 {
                    var f = body
                    if usize == 0xFFFF_FFFF, f + 8 <= body + size { usize = cd.u64(f); f += 8 }
                    if csize == 0xFFFF_FFFF, f + 8 <= body + size { csize = cd.u64(f); f += 8 }
                    if offset == 0xFFFF_FFFF, f + 8 <= body + size { offset = cd.u64(f); f += 8 }
                }
                x = body + size
            }
            let (localHeaderOffset, wrapped) = offset.addingReportingOverflow(shift)
            guard !wrapped else {
                throw .corrupt(path: path, entry: name, detail: "local header offset \(offset) is impossible")
            }
            let entry = ZipEntry(name: name, normalizedName: ZipEntry.normalize(name), method: method, crc32: crc,
                                 compressedSize: csize, uncompressedSize: usize,
                                 localHeaderOffset: localHeaderOffset, flags: flags)
            try check(entry, runningTotal: &total)
            entries.append(entry)
            p = end
        }
        if entries.count < count, p < cd.count {
            throw .corrupt(path: path, entry: nil, detail: "central directory record \(entries.count + 1) has a bad signature")
        }
        return entries
    }

    private func check(_ e: ZipEntry, runningTotal total: inout UInt64) throws(ZipError) {
        guard e.uncompressedSize <= limits.maxEntrySize else {
            throw .limitExceeded(path: path, entry: e.name, limit: .entrySize, value: e.uncompressedSize, maximum: limits.maxEntrySize)
        }
        total &+= e.uncompressedSize
        guard total <= limits.maxTotalSize else {
            throw .limitExceeded(path: path, entry: e.name, limit: .totalSize, value: total, maximum: limits.maxTotalSize)
        }
        if e.uncompressedSize > limits.ratioThreshold {
            let ratio = e.uncompressedSize / max(e.compressedSize, 1)
            guard ratio <= limits.maxRatio else {
                throw .limitExceeded(path: path, entry: e.name, limit: .ratio, value: ratio, maximum: limits.maxRatio)
            }
        }
        guard e.localHeaderOffset < file.size else {
            throw .truncated(path: path, detail: "entry \(e.name) starts at \(e.localHeaderOffset), past the end of the file (\(file.size) bytes)")
        }
    }

    /// UTF-8 when flagged or valid; otherwise each byte as Latin-1 (close to CP437 for ASCII names).
    static func decodeName(_ bytes: ArraySlice<UInt8>, utf8Flag: Bool) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
