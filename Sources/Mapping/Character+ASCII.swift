extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Whitespace trimmed at both ends without Foundation (hot path: every cell).
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Whitespace trimmed and runs of whitespace collapsed to one space (names, addresses).
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
