extension String {
    /// Whitespace trimmed and runs of whitespace collapsed to one space (names, addresses).
    var collapsingWhitespace: String {
        // Most cells have single inner spaces and no edges to trim: check the bytes first.
        if Self.hasCollapsedWhitespace(utf8) { return self }
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
    private static func hasCollapsedWhitespace(_ bytes: some Sequence<UInt8>) -> Bool {
        var previousSpace = true
        for b in bytes {
            if b == 0x20 { if previousSpace { return false }; previousSpace = true }
            else if b >= 0x09 && b <= 0x0D || b >= 0x80 && mayStartWhitespace[Int(b & 0x7F)] { return false }
            else { previousSpace = false }
        }
        return !previousSpace
    }

    /// The lead bytes (less 0x80) of every non-ASCII whitespace: U+0085 and U+00A0 (0xC2), U+1680
    /// (0xE1), U+2000…U+205F (0xE2), U+3000 (0xE3). Accented letters (0xC3) are not among them.
    private static let mayStartWhitespace: [Bool] = (0..<128).map { [0x42, 0x61, 0x62, 0x63].contains($0) }
}
