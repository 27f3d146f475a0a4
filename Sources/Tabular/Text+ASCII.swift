/// Small text checks every reader and parser needs, kept in one place.
extension Character {
    /// `0`…`9` only (not other scripts' digits, which `isNumber` accepts).
    public var isASCIIDigit: Bool { isASCII && isNumber }
}

extension UInt8 {
    /// Whether a UTF-8 byte may begin a whitespace character: ASCII's (tab to carriage return,
    /// space), or the lead byte of U+0085 and U+00A0 (0xC2), U+1680 (0xE1), U+2000…U+205F (0xE2)
    /// or U+3000 (0xE3). Any other byte begins a character that is no whitespace (accented letters
    /// start 0xC3; invalid bytes are read as U+FFFD), which decides most texts from their first byte.
    public var mayStartWhitespace: Bool {
        self == 0x20 || (self >= 0x09 && self <= 0x0D) || self == 0xC2 || (self >= 0xE1 && self <= 0xE3)
    }

    /// Whether a UTF-8 byte surely begins a character that is no whitespace: a visible one (not a
    /// control character, nor a lead byte ``mayStartWhitespace`` leaves open). The check that
    /// decides most texts from one byte, for blanks, trimming and dates.
    public var startsVisibleCharacter: Bool { self > 0x20 && !mayStartWhitespace }
}

extension String {
    /// Whitespace trimmed at both ends without Foundation (hot path: every cell).
    public var trimmingWhitespace: String {
        // Most texts start with a byte that begins no whitespace and end with an ASCII byte that is
        // none: nothing to trim, told from two bytes. (No character ending in an ASCII scalar
        // other than `\r\n` holds more than that scalar.)
        if let first = utf8.first, let last = utf8.last, first.startsVisibleCharacter, last > 0x20, last < 0x80 {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
