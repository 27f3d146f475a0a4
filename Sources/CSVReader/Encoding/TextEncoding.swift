/// The text encodings the CSV reader decodes. Everything is transcoded to UTF-8 before parsing.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case utf32LE = "utf-32le"
    case utf32BE = "utf-32be"
    /// What Excel writes on Western Windows systems. 0x80–0x9F are the cp1252 punctuation (€, ’, …);
    /// its five unassigned bytes decode to the C1 control of the same value (as WHATWG does).
    case windows1252 = "windows-1252"
    /// Latin-1 proper: every byte is the code point of the same value.
    case iso88591 = "iso-8859-1"
    /// Cyrillic Windows, detected when non-UTF-8 text is made of whole words of high bytes.
    case windows1251 = "windows-1251"
    /// Japanese (decoded through the C library's iconv).
    case shiftJIS = "shift_jis"
    /// Simplified Chinese: GB18030, the superset of GBK and GB2312 (decoded through iconv).
    case gb18030 = "gb18030"

    /// UTF-16 and UTF-32, whose text is full of zero bytes.
    public var isWide: Bool { [.utf16LE, .utf16BE, .utf32LE, .utf32BE].contains(self) }

    /// Parses a user-given name: `utf-8`, `UTF8`, `utf-16`, `cp1252`, `latin1`, `ansi`…
    public init?(name: String) {
        let n = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch n {
        case "utf8", "utf8bom", "utf8sig", "ascii", "usascii": self = .utf8
        case "utf16le", "utf16", "ucs2", "ucs2le": self = .utf16LE
        case "utf16be", "ucs2be": self = .utf16BE
        case "utf32le", "utf32", "ucs4", "ucs4le": self = .utf32LE
        case "utf32be", "ucs4be": self = .utf32BE
        case "windows1252", "cp1252", "ansi", "win1252": self = .windows1252
        case "iso88591", "latin1", "l1", "iso885915", "latin9": self = .iso88591
        case "windows1251", "cp1251", "win1251": self = .windows1251
        case "shiftjis", "sjis", "shifjis", "cp932", "windows31j", "mskanji": self = .shiftJIS
        case "gb18030", "gbk", "gb2312", "cp936", "euccn": self = .gb18030
        default: return nil
        }
    }

    /// The byte order mark this encoding writes, for recognizing and skipping it.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .utf32LE: return [0xFF, 0xFE, 0, 0]
        case .utf32BE: return [0, 0, 0xFE, 0xFF]
        case .windows1252, .iso88591, .windows1251, .shiftJIS, .gb18030: return []
        }
    }

    /// Bytes per code unit (1 for UTF-8 and the single-byte code pages).
    public var codeUnitSize: Int {
        switch self {
        case .utf16LE, .utf16BE: return 2
        case .utf32LE, .utf32BE: return 4
        default: return 1
        }
    }
}

/// What encoding detection concluded, and why.
public struct DetectedEncoding: Hashable, Sendable {
    public var encoding: TextEncoding
    /// Length of the byte order mark at the start of the file (0 when none).
    public var bomLength: Int
    /// How it was decided: `bom`, `zero-bytes`, `valid-utf8`, `not-utf8`, `override`.
    public var evidence: String

    public init(encoding: TextEncoding, bomLength: Int, evidence: String) {
        self.encoding = encoding; self.bomLength = bomLength; self.evidence = evidence
    }

    /// Whether the file starts with a byte order mark.
    public var hasBOM: Bool { bomLength > 0 }
}
