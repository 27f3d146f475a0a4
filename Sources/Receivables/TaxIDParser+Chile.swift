extension TaxIDParser {
    /// Chile's RUT: 7–8 digits and a mod-11 check character, 0–9 or K (`76.014.309-K`).
    /// Numbers from 50 000 000 up are assigned to companies.
    static func chile(_ input: TaxIDInput) -> TaxID? {
        let c = input.chars
        guard (8...9).contains(c.count), c.dropLast().allSatisfy(\.isASCIIDigit),
              let last = c.last, last.isASCIIDigit || last == "K" else { return nil }
        let body = c.dropLast().map(\.digitValue)
        let r = 11 - CheckDigits.cyclicSum(body, maxWeight: 7) % 11
        let expected: Character = r == 11 ? "0" : r == 10 ? "K" : Character(String(r))
        let number = body.reduce(0) { $0 * 10 + $1 }
        return TaxID(normalized: input.compact, country: "CL", kind: .rut, isCompany: number >= 50_000_000,
                     validity: CheckDigits.validity(expected == last), display: input.display)
    }
}
