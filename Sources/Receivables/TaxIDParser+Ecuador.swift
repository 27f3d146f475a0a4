extension TaxIDParser {
    /// Ecuador's RUC: 13 digits, a province (01–24, 30), a third digit that tells the holder
    /// (0–5 a person: the cédula with a mod-10 check, then an establishment `001`; 6 public
    /// bodies: mod-11 on 8 digits; 9 companies: mod-11 on 9 digits).
    static func ecuador(_ input: TaxIDInput) -> TaxID? {
        guard input.isAllDigits, input.chars.count == 13 else { return nil }
        let d = input.chars.map(\.digitValue)
        let province = d[0] * 10 + d[1]
        guard (1...24).contains(province) || province == 30 || province == 50 else { return nil }
        func make(_ ok: Bool, company: Bool) -> TaxID {
            TaxID(normalized: input.compact, country: "EC", kind: .ruc, isCompany: company,
                  validity: CheckDigits.validity(ok), display: input.display)
        }
        switch d[2] {
        case 0...5:
            guard d[10...].contains(where: { $0 != 0 }) else { return nil }
            return make(cedulaChecks(d), company: false)
        case 6:
            guard d[9...].contains(where: { $0 != 0 }) else { return nil }
            let r = CheckDigits.weightedSum(Array(d[0..<8]), [3, 2, 7, 6, 5, 4, 3, 2]) % 11
            return make((r == 0 ? 0 : 11 - r) == d[8], company: true)
        case 9:
            guard d[10...].contains(where: { $0 != 0 }) else { return nil }
            let r = CheckDigits.weightedSum(Array(d[0..<9]), [4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11
            return make((r == 0 ? 0 : 11 - r) == d[9], company: true)
        default:
            return nil
        }
    }

    /// Ecuador's cédula (a person's ID, the first ten digits of a person's RUC): a province
    /// (01–24, 30), a third digit 0–5, a mod-10 check digit. Read as such only where Ecuador is
    /// configured (``nationalNumber(_:country:)``): ten bare digits are many countries' numbers.
    static func ecuadorCedula(_ input: TaxIDInput) -> TaxID? {
        guard input.isAllDigits, input.chars.count == 10 else { return nil }
        let d = input.chars.map(\.digitValue)
        let province = d[0] * 10 + d[1]
        guard (1...24).contains(province) || province == 30, d[2] <= 5 else { return nil }
        return TaxID(normalized: input.compact, country: "EC", kind: .cedula, isCompany: false,
                     validity: CheckDigits.validity(cedulaChecks(d)), display: input.display)
    }

    /// The cédula's mod-10 check (digits 1–9 weighted 2, 1, 2, …, a product over 9 less 9) on its digit 10.
    private static func cedulaChecks(_ d: [Int]) -> Bool {
        var sum = 0
        for i in 0..<9 {
            let p = d[i] * (i % 2 == 0 ? 2 : 1)
            sum += p > 9 ? p - 9 : p
        }
        return (10 - sum % 10) % 10 == d[9]
    }
}
