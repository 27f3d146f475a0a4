extension TaxIDParser {
    /// Mexico's RFC: 3 letters (companies) or 4 (people), a YYMMDD date and a 3-character
    /// homoclave whose last character is a mod-11 check. Around 1.5% of RFCs in real use fail the
    /// check, so a mismatch is only `.checkDigitMismatch`, which callers treat as a warning.
    static func mexico(_ input: TaxIDInput) -> TaxID? {
        let c = input.chars
        guard c.count == 12 || c.count == 13 else { return nil }
        let nameLength = c.count - 9
        let isNameChar: (Character) -> Bool = { ($0.isASCII && $0.isUppercase) || $0 == "&" || $0 == "Ñ" }
        guard c[0..<nameLength].allSatisfy(isNameChar),
              c[nameLength..<(nameLength + 6)].allSatisfy(\.isASCIIDigit),
              c[(nameLength + 6)...].allSatisfy({ $0.isASCIILetterOrDigit }) else { return nil }
        let date = c[nameLength..<(nameLength + 6)].map(\.digitValue)
        let month = date[2] * 10 + date[3], day = date[4] * 10 + date[5]
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let alphabet = Array("0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ")
        let padded = Array(repeating: Character(" "), count: 12 - (c.count - 1)) + c.dropLast()
        var sum = 0
        for (i, ch) in padded.enumerated() {
            sum += (alphabet.firstIndex(of: ch) ?? 0) * (13 - i)
        }
        let expected = alphabet[((11 - sum) % 11 + 11) % 11]
        // The SAT's generic RFCs carry no check digit worth checking: not a wrong ID, no ID.
        let generic = TaxID.genericRFCs.contains(input.compact)
        return TaxID(normalized: input.compact, country: "MX", kind: .rfc, isCompany: c.count == 12,
                     validity: generic ? .unchecked : CheckDigits.validity(expected == c[c.count - 1]),
                     display: input.display)
    }
}

extension TaxID {
    /// Mexico's generic RFCs, which invoices to walk-in customers (`XAXX010101000`) and to
    /// foreigners (`XEXX010101000`) carry: the same text for anyone. `unchecked`, they are no
    /// "invalid tax ID" and, unchecked, never link two customers by themselves; nor, naming no
    /// one, do they tell two customers apart.
    public static let genericRFCs: Set<String> = ["XAXX010101000", "XEXX010101000"]
}
