import Foundation

/// A stable fingerprint of a file's bytes (FNV-1a, 64 bits, hex), read in chunks so any size
/// works. It detects changed sources between nightly runs; it is not a security hash.
enum ContentHash {
    static func of(path: String) throws -> (hash: String, size: Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var size: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            size += Int64(chunk.count)
            chunk.withUnsafeBytes { raw in
                for byte in raw {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                }
            }
        }
        let hex = String(hash, radix: 16)
        return ("fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex, size)
    }
}
