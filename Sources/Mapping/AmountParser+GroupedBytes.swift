import Receivables

extension AmountParser {
    /// An amount written as digits with digit groups and a decimal comma or point and nothing else
    /// (`1.234,56`, `-898,91`, `12,500.00`, `0,00`: how Spanish invoice lists write every amount),
    /// read from its bytes to the parts ``parseMarked(text:profile:)`` reads from its text; `nil` for
    /// anything else (a sign after it, a currency mark, spaces), for anything that reading rejects
    /// or finds ambiguous, and past 19 digits: the text is then read as before.
    ///
    /// Those amounts went through the text path (Characters, trimming, mark and sign rules), about
    /// 9 µs each, three a row: most of a Spanish list's import.
    static func groupedParts(bytes: UnsafeBufferPointer<UInt8>, profile: AmountColumnProfile) -> DecimalParts? {
        guard let (negative, evidence) = AmountText.groupedEvidence(bytes: bytes),
              let separator = decimalSeparator(evidence, profile) else { return nil }
        return digitsAndPoint(UnsafeBufferPointer(rebasing: bytes[(negative ? 1 : 0)...]), separator: separator,
                              negative: negative)
    }

    /// The byte that is the decimal separator, as ``parseWritten(_:profile:)`` decides it from a
    /// value's evidence: the value's own, else the column's; `nil` when neither decides (or the
    /// column's is neither `.` nor `,`), for the text path to say so.
    static func decimalSeparator(_ evidence: AmountText.Evidence, _ profile: AmountColumnProfile) -> UInt8? {
        let dot = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        switch evidence {
        case .none: return dot
        case .decimal(let c): return c == "." ? dot : comma
        case .ambiguous:
            switch profile.decimalSeparator {
            case "."?: return dot
            case ","?: return comma
            default: return nil
            }
        }
    }

    /// ``AmountText/decimal(separator:)`` of the body: the other mark groups the integer digits in
    /// threes after a first group of one to three; written as plain digits and a point, then parsed
    /// as plain digits are.
    static func digitsAndPoint(_ body: UnsafeBufferPointer<UInt8>, separator: UInt8,
                                       negative: Bool) -> DecimalParts? {
        // At most 19 digits fit the parts: a sign, the digits, a point, and a leading `0`.
        guard body.count <= 40 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: body.count + 3) { out in
            var n = 0
            if negative { out[n] = UInt8(ascii: "-"); n += 1 }
            var seenPoint = false, groups = 0, current = 0, firstGroup = 0, badGroup = false
            for b in body {
                if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                    if !seenPoint { current += 1 }
                    out[n] = b; n += 1
                } else if b == separator {
                    guard !seenPoint else { return nil }
                    seenPoint = true
                    // `.5` is `0.5`.
                    if n == (negative ? 1 : 0) { out[n] = UInt8(ascii: "0"); n += 1 }
                    out[n] = UInt8(ascii: "."); n += 1
                } else {
                    guard !seenPoint else { return nil }
                    if groups == 0 { firstGroup = current } else if current != 3 { badGroup = true }
                    groups += 1; current = 0
                }
            }
            if groups > 0 && (badGroup || current != 3 || !(1...3).contains(firstGroup)) { return nil }
            // A point with nothing after it ends the number (`5.` is `5`).
            if n > 0 && out[n - 1] == UInt8(ascii: ".") { n -= 1 }
            return DecimalParts.parse(plain: UnsafeBufferPointer(rebasing: out[..<n]))
        }
    }
}

extension AmountText {
    /// The sign and the separator evidence (``separatorEvidence``) of an amount written as digits,
    /// points and commas only, a minus before them or not (no mark, space or trailing sign): what
    /// ``init(_:country:)`` and ``separatorEvidence`` make of its text, read from its bytes; `nil`
    /// for any other text.
    static func groupedEvidence(bytes: UnsafeBufferPointer<UInt8>) -> (negative: Bool, evidence: Evidence)? {
        let negative = bytes.first == UInt8(ascii: "-")
        let body = UnsafeBufferPointer(rebasing: bytes[(negative ? 1 : 0)...])
        var dots = 0, commas = 0, digits = 0, lastDot = -1, lastComma = -1
        for (i, b) in body.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1; lastDot = i
            case UInt8(ascii: ","): commas += 1; lastComma = i
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        if dots > 0 && commas > 0 { return (negative, .decimal(lastDot > lastComma ? "." : ",")) }
        if dots == 0 && commas == 0 { return (negative, .none) }
        let mark: Character = dots > 0 ? "." : ","
        if dots + commas > 1 { return (negative, .decimal(mark == "." ? "," : ".")) }
        // One separator: three digits after it and one to three before (not a lone `0`) is either.
        let at = dots > 0 ? lastDot : lastComma
        let after = body.count - 1 - at, before = at
        if after == 3 && before >= 1 && before <= 3 && !(before == 1 && body[0] == UInt8(ascii: "0")) {
            return (negative, .ambiguous(mark))
        }
        return (negative, .decimal(mark))
    }

    /// ``groupedEvidence(bytes:)`` of a text.
    static func groupedEvidence(_ text: String) -> (negative: Bool, evidence: Evidence)? {
        text.utf8.withContiguousStorageIfAvailable { groupedEvidence(bytes: $0) } ?? nil
    }
}
