import Tabular

extension String {
    /// Whitespace trimmed and runs of whitespace collapsed to one space (names, addresses).
    var collapsingWhitespace: String {
        // Most cells have single inner spaces and no edges to trim: check the bytes first.
        var text = self
        if text.withUTF8({ Self.hasCollapsedWhitespace($0) }) { return self }
        return split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// ``collapsingWhitespace`` of a field's UTF-8 bytes (invalid ones repaired), checked before
    /// any `String` is made of them.
    static func collapsingWhitespace(bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return hasCollapsedWhitespace(bytes) ? text : text.collapsingWhitespace
    }

    /// Whether the bytes have no whitespace but single inner spaces (and are not empty): then the
    /// text is its own ``collapsingWhitespace``. (Invalid bytes are ≥ 0x80 and are never whitespace
    /// once repaired, so the answer holds for the repaired text too.)
    /// A lead byte that may start whitespace is read with the bytes after it: `º` (`C2 BA`, `Nº
    /// 123`) or `€` (`E2 82 AC`) is no whitespace, and a text holding one takes no split-and-join.
    private static func hasCollapsedWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        for i in bytes.indices {
            let b = bytes[i]
            if b == 0x20 { if previousSpace { return false }; previousSpace = true }
            else if b.mayStartWhitespace && (b < 0x80 || startsWhitespace(bytes, at: i)) { return false }
            else { previousSpace = false }
        }
        return !previousSpace
    }

    /// Whether the character at `i` (a lead byte ``UInt8/mayStartWhitespace`` flags) is Unicode
    /// white space: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    private static func startsWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        func at(_ k: Int) -> UInt8 { i + k < bytes.count ? bytes[i + k] : 0 }
        switch bytes[i] {
        case 0xC2: return at(1) == 0x85 || at(1) == 0xA0
        case 0xE1: return at(1) == 0x9A && at(2) == 0x80
        case 0xE2: return at(1) == 0x80 && ((0x80...0x8A).contains(at(2)) || [0xA8, 0xA9, 0xAF].contains(at(2)))
            || at(1) == 0x81 && at(2) == 0x9F
        case 0xE3: return at(1) == 0x80 && at(2) == 0x80
        default: return true
        }
    }
}
