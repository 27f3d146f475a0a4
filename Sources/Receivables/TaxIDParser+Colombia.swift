extension TaxIDParser {
    /// Colombia's NIT: 6 to 10 digits and a mod-11 check digit with prime weights
    /// (`900.123.456-7`). Companies have 9-digit NITs starting with 8 or 9; people use their
    /// cédula as the NIT body.
    static func colombia(_ input: TaxIDInput) -> TaxID? {
        guard input.isAllDigits, (7...11).contains(input.chars.count) else { return nil }
        if let last = input.lastGroup, last.count != 1 { return nil }
        let all = input.chars.map(\.digitValue)
        let body = Array(all.dropLast()), check = all[all.count - 1]
        let weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]
        let sum = zip(body.reversed(), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let expected = Array("01987654321")[sum % 11].digitValue
        let isCompany = body.count == 9 && (body[0] == 8 || body[0] == 9)
        return TaxID(normalized: input.compact, country: "CO", kind: .nit, isCompany: isCompany,
                     validity: CheckDigits.validity(expected == check), display: input.display)
    }
}
