import Tabular

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
            else if b.mayStartWhitespace { return false }
            else { previousSpace = false }
        }
        return !previousSpace
    }
}
