/// Tells a file that is no text at all (a workbook, a PDF, an image, random bytes) from text in any
/// encoding, by its first bytes, so that it is refused with a reason instead of being read as
/// rows of mojibake and rejected line by line.
///
/// Two kinds of evidence: a known format's signature at the start, and control bytes no text
/// holds. Tab, line feed, carriage return, vertical tab, form feed and the old end-of-file mark
/// (0x1A) are text; the other C0 bytes are not, and a text file has next to none of them, while
/// random bytes are one in nine. UTF-16 and UTF-32 text has zero bytes everywhere, so only
/// signatures count for it.
public enum BinaryContent {
    /// What the bytes are, when surely not text; `nil` when they may be text. `wideText`: the bytes
    /// are read as UTF-16 or UTF-32, whose zero bytes are text.
    public static func describe(_ prefix: UnsafeBufferPointer<UInt8>, wideText: Bool) -> String? {
        if let known = signature(prefix) { return known }
        if wideText { return nil }
        let sample = UnsafeBufferPointer(rebasing: prefix.prefix(64 << 10))
        var controls = 0
        for b in sample where b < 0x20 && !isTextControl[Int(b)] { controls += 1 }
        // 3%: far above any text (an ERP's stray NUL padding is a handful), far below random bytes.
        guard controls >= 16, controls * 100 > sample.count * 3 else { return nil }
        return "binary content (\(controls) control bytes in its first \(sample.count) bytes)"
    }

    private static let isTextControl: [Bool] = (0..<32).map { [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A].contains($0) }

    /// Formats a receivables user is likely to have misnamed, by their first bytes.
    private static let signatures: [(bytes: [UInt8], what: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive (an .xlsx workbook? give it its real extension)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty zip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Excel (.xls) or other OLE2 file: save it as .xlsx or CSV"),
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x1F, 0x8B], "a gzip archive"),
        (Array("SQLite format 3".utf8), "an SQLite database"),
    ]

    private static func signature(_ prefix: UnsafeBufferPointer<UInt8>) -> String? {
        signatures.first { prefix.count >= $0.bytes.count && zip($0.bytes, prefix).allSatisfy { $0 == $1 } }?.what
    }
}
