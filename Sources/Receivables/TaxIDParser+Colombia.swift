extension TaxIDParser {
    /// Colombia's NIT: 6 to 10 digits and a mod-11 check digit with prime weights
    /// (`900.123.456-7`). Companies have 9-digit NITs starting with 8 or 9; people use their
    /// cédula as the NIT body.
    ///
    /// Colombian records often leave the check digit (the DV) out, or keep it in a column of its
    /// own: nine bare digits starting with 8 or 9 (`900123456`) whose last digit does not check as
    /// a DV are a company's NIT without it. The DV is then computed, so that `900123456` and
    /// `900.123.456-8` are one normalized ID (`9001234568`), and the ID is `unchecked`: nothing
    /// the source wrote was verified. (When the ninth digit does check, the number is read as
    /// written: an eight-digit body and its DV.)
    ///
    /// Under a cédula label (`C.C. 71.234.567`, `Cédula: …`) a number without a DV written apart
    /// is a person's cédula, whole (6 to 10 digits): its DV is computed, never taken from its
    /// last digit, and it is no company's.
    static func colombia(_ input: TaxIDInput) -> TaxID? {
        if input.cedulaLabel, input.lastGroup == nil, input.isAllDigits, (6...10).contains(input.chars.count) {
            let all = input.chars.map(\.digitValue)
            return TaxID(normalized: input.compact + String(nitCheckDigit(all)), country: "CO", kind: .nit,
                         isCompany: false, validity: .unchecked, display: input.display)
        }
        guard input.isAllDigits, (7...11).contains(input.chars.count) else { return nil }
        if let last = input.lastGroup, last.count != 1 { return nil }
        let all = input.chars.map(\.digitValue)
        let body = Array(all.dropLast()), check = all[all.count - 1]
        // Nine digits from 8 or 9 are a company's NIT body (a DV that seems to check is chance:
        // Bancolombia's 890903938 is such a body); ten from 1 a ten-digit cédula (no nine-digit
        // cédula exists); seven or eight a cédula whose last digit does not check as a DV.
        if input.lastGroup == nil {
            let companyBody = all.count == 9 && (all[0] == 8 || all[0] == 9)
            let cedula = all.count == 10 && all[0] == 1 || (7...8).contains(all.count) && nitCheckDigit(body) != check
            if companyBody || cedula {
                return TaxID(normalized: input.compact + String(nitCheckDigit(all)), country: "CO", kind: .nit,
                             isCompany: companyBody, validity: .unchecked, display: input.display)
            }
        }
        let isCompany = body.count == 9 && (body[0] == 8 || body[0] == 9)
        return TaxID(normalized: input.compact, country: "CO", kind: .nit, isCompany: isCompany,
                     validity: CheckDigits.validity(nitCheckDigit(body) == check), display: input.display)
    }

    /// The DV of a NIT's body: weights 3, 7, 13, 17… from the right, the sum mod 11 mapped to a digit.
    static func nitCheckDigit(_ body: [Int]) -> Int {
        let weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]
        let sum = zip(body.reversed(), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("01987654321")[sum % 11].digitValue
    }
}
