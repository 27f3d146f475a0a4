extension TaxIDParser {
    /// Brazil's CPF (people, 11 digits) and CNPJ (companies, 14 characters), both with two mod-11
    /// check digits. From July 2026 the first 12 CNPJ characters may be letters: each character
    /// counts as its ASCII code minus 48 (digits keep their value, A = 17 … Z = 42), so existing
    /// numeric CNPJs keep their check digits (Receita Federal, Nota Técnica COCAD/SUARA/RFB nº 49/2024).
    static func brazil(_ input: TaxIDInput) -> TaxID? {
        let c = input.chars
        if c.count == 11, input.isAllDigits {
            let d = c.map(\.digitValue)
            guard Set(d).count > 1 else { return nil }
            let ok = mod11Digit(Array(d[0..<9]), firstWeight: 10) == d[9]
                && mod11Digit(Array(d[0..<10]), firstWeight: 11) == d[10]
            return TaxID(normalized: input.compact, country: "BR", kind: .cpf, isCompany: false,
                         validity: CheckDigits.validity(ok), display: input.display)
        }
        guard c.count == 14, c[12].isASCIIDigit, c[13].isASCIIDigit,
              c[0..<12].allSatisfy({ $0.isASCIIDigit || ($0.isASCII && $0.isUppercase) }) else { return nil }
        let values = c.map { Int($0.asciiValue ?? 48) - 48 }
        guard Set(values).count > 1 else { return nil }
        let dv1 = cnpjDigit(Array(values[0..<12]))
        let dv2 = cnpjDigit(Array(values[0..<12]) + [dv1])
        return TaxID(normalized: input.compact, country: "BR", kind: .cnpj, isCompany: true,
                     validity: CheckDigits.validity(dv1 == values[12] && dv2 == values[13]), display: input.display)
    }

    /// A CPF or CNPJ that lost its leading zeros (a number cell, a sheet that dropped them:
    /// `1234567000195` for `01234567000195`), read padded back when that reading's check digits
    /// hold. As written it is no Brazilian ID, and another country's shape would take it. Only
    /// where Brazil is configured (``nationalNumber(_:country:)``): elsewhere two check digits
    /// passing by chance, one number in a hundred, would make another country's ID a CPF.
    static func brazilWithoutLeadingZeros(_ input: TaxIDInput) -> TaxID? {
        let count = input.chars.count
        guard input.isAllDigits, [9, 10, 12, 13].contains(count) else { return nil }
        let padded = TaxIDInput(String(repeating: "0", count: (count <= 10 ? 11 : 14) - count) + input.compact)
        guard var id = brazil(padded), id.validity == .valid else { return nil }
        id.display = input.display
        return id
    }

    /// CPF digits: weights descending from `firstWeight` to 2; remainder < 2 gives 0.
    private static func mod11Digit(_ d: [Int], firstWeight: Int) -> Int {
        let weights = Array(stride(from: firstWeight, through: 2, by: -1))
        let r = CheckDigits.weightedSum(d, weights) % 11
        return r < 2 ? 0 : 11 - r
    }

    /// CNPJ digits: weights 2…9 repeating from the right; remainder < 2 gives 0.
    private static func cnpjDigit(_ values: [Int]) -> Int {
        let r = CheckDigits.cyclicSum(values, maxWeight: 9) % 11
        return r < 2 ? 0 : 11 - r
    }
}
