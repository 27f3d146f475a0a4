extension String {
    /// Whitespace trimmed and runs of whitespace collapsed to one space (names, addresses).
    var collapsingWhitespace: String {
        // Most cells have single inner spaces and no edges to trim: check the bytes first.
        var previousSpace = true, clean = true
        for b in utf8 {
            if b == 0x20 { if previousSpace { clean = false; break }; previousSpace = true }
            else if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C || b >= 0x80 && b == 0xC2 { clean = false; break }
            else { previousSpace = false }
        }
        if clean && !previousSpace { return self }
        return split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
