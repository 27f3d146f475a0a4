extension TaxIDParser {
    /// Peru's RUC: 11 digits, a type (10 people with a DNI, 15 and 17 other people, 20 companies)
    /// and a mod-11 check digit (`20512333797`).
    static func peru(_ input: TaxIDInput) -> TaxID? {
        guard input.isAllDigits, input.chars.count == 11 else { return nil }
        let d = input.chars.map(\.digitValue)
        let prefix = d[0] * 10 + d[1]
        guard [10, 15, 17, 20].contains(prefix) else { return nil }
        let sum = CheckDigits.weightedSum(Array(d[0..<10]), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        let expected = (11 - sum % 11) % 10
        return TaxID(normalized: input.compact, country: "PE", kind: .ruc, isCompany: prefix == 20,
                     validity: CheckDigits.validity(expected == d[10]), display: input.display)
    }
}
