extension String {
    /// Whitespace trimmed and runs of whitespace collapsed to one space (names, addresses).
    var collapsingWhitespace: String {
        // Most cells have single inner spaces and no edges to trim: check the bytes first.
        var previousSpace = true, clean = true
        for b in utf8 {
            if b == 0x20 { if previousSpace { clean = false; break }; previousSpace = true }
            else if b >= 0x09 && b <= 0x0D || b >= 0x80 && Self.mayStartWhitespace[Int(b & 0x7F)] { clean = false; break }
            else { previousSpace = false }
        }
        if clean && !previousSpace { return self }
        return split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The lead bytes (less 0x80) of every non-ASCII whitespace: U+0085 and U+00A0 (0xC2), U+1680
    /// (0xE1), U+2000…U+205F (0xE2), U+3000 (0xE3). Accented letters (0xC3) are not among them.
    private static let mayStartWhitespace: [Bool] = (0..<128).map { [0x42, 0x61, 0x62, 0x63].contains($0) }
}
