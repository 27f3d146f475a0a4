extension TaxIDParser {
    /// Argentina's CUIT/CUIL: 11 digits, a 2-digit type (20, 23, 24, 27 people; 30, 33, 34
    /// companies), the DNI or company number, and a mod-11 check digit (`30-71168316-6`).
    static func argentina(_ input: TaxIDInput) -> TaxID? {
        guard input.isAllDigits, input.chars.count == 11 else { return nil }
        let d = input.chars.map(\.digitValue)
        let prefix = d[0] * 10 + d[1]
        guard [20, 23, 24, 27, 30, 33, 34].contains(prefix) else { return nil }
        let sum = CheckDigits.weightedSum(Array(d[0..<10]), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        let expected = Array("012345678990")[11 - sum % 11].digitValue
        let isCompany = prefix >= 30
        let kind: TaxID.Kind = input.kindHint == .cuil ? .cuil : .cuit
        return TaxID(normalized: input.compact, country: "AR", kind: kind, isCompany: isCompany,
                     validity: CheckDigits.validity(expected == d[10]), display: input.display)
    }
}
