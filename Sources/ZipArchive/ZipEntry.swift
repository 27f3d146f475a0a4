/// One file inside a zip archive, as its central directory describes it.
public struct ZipEntry: Hashable, Sendable {
    /// The name exactly as stored (it may use `\` or odd case; see ``normalizedName``).
    public var name: String
    /// The name with `\` turned into `/`, a leading `/` removed, and lowercased: the lookup key.
    public var normalizedName: String
    /// 0 = stored, 8 = deflate.
    public var method: UInt16
    public var crc32: UInt32
    public var compressedSize: UInt64
    public var uncompressedSize: UInt64
    /// Offset of the entry's local header from the start of the file.
    public var localHeaderOffset: UInt64
    /// General-purpose flags (bit 0: encrypted, bit 3: data descriptor follows the data).
    public var flags: UInt16

    public var isDirectory: Bool { name.hasSuffix("/") || name.hasSuffix("\\") }
    public var isEncrypted: Bool { flags & 1 != 0 }
    public var hasDataDescriptor: Bool { flags & 8 != 0 }

    /// The lookup key for a name: `\` → `/`, no leading `/`, lowercased.
    public static func normalize(_ name: String) -> String {
        var s = name.replacingBackslashes()
        while s.hasPrefix("/") { s.removeFirst() }
        return s.lowercased()
    }
}

extension String {
    func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
