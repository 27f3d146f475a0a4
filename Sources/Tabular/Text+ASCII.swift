/// Small text checks every reader and parser needs, kept in one place.
extension Character {
    /// `0`…`9` only (not other scripts' digits, which `isNumber` accepts).
    public var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Whitespace trimmed at both ends without Foundation (hot path: every cell).
    public var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
