extension TaxIDParser {
    /// Spain's NIF for people (DNI: 8 digits and a control letter; K, L, M + 7 digits), NIE for
    /// foreigners (X, Y, Z + 7 digits + letter) and CIF for organizations (a type letter, 7 digits
    /// and a control digit or letter).
    ///
    /// The same IDs with the `ES` of their EU VAT number in front (`ESB12345674`, `ES-B-12345674`)
    /// are read without it: one company, one normalized ID.
    static func spain(_ input: TaxIDInput) -> TaxID? {
        let c = input.chars
        if c.count == 11, c[0] == "E", c[1] == "S" {
            var id = spain(TaxIDInput(String(input.compact.dropFirst(2))))
            id?.display = input.display
            return id
        }
        guard c.count == 9, let first = c.first, let last = c.last,
              c[1..<8].allSatisfy(\.isASCIIDigit) else { return nil }
        let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE")
        let middle = c[1..<8].reduce(0) { $0 * 10 + $1.digitValue }
        func make(_ kind: TaxID.Kind, _ ok: Bool, company: Bool) -> TaxID {
            TaxID(normalized: input.compact, country: "ES", kind: kind, isCompany: company,
                  validity: CheckDigits.validity(ok), display: input.display)
        }
        if first.isASCIIDigit, last.isLetter {
            let n = first.digitValue * 10_000_000 + middle
            return make(.nif, letters[n % 23] == last, company: false)
        }
        if let prefix = "XYZ".firstIndex(of: first), last.isLetter {
            let n = "XYZ".distance(from: "XYZ".startIndex, to: prefix) * 10_000_000 + middle
            return make(.nie, letters[n % 23] == last, company: false)
        }
        if "KLM".contains(first), last.isLetter {
            return make(.nif, letters[middle % 23] == last, company: false)
        }
        if "ABCDEFGHJNPQRSUVW".contains(first), last.isASCIILetterOrDigit {
            // Luhn-style: odd positions doubled (digits of the product summed), even positions added.
            var sum = 0
            for (i, ch) in c[1..<8].enumerated() {
                let v = ch.digitValue
                if i % 2 == 0 { let p = v * 2; sum += p / 10 + p % 10 } else { sum += v }
            }
            let control = (10 - sum % 10) % 10
            let ok = last == Character(String(control)) || last == Array("JABCDEFGHI")[control]
            return make(.cif, ok, company: true)
        }
        return nil
    }
}
