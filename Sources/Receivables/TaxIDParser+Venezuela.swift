extension TaxIDParser {
    /// Venezuela's RIF: a type letter, 8 digits and a mod-11 check digit (`J-30123456-7`).
    /// V (Venezuelan) and E (foreign) are people, P passports; J companies, G government and
    /// C communal councils are organizations. A cédula written as a RIF without the check digit
    /// (`V12345678`) is accepted as unchecked.
    static func venezuela(_ input: TaxIDInput) -> TaxID? {
        let c = input.chars
        guard c.count >= 7, c.count <= 10, let letter = c.first, let letterValue = rifLetterValues[letter],
              c.dropFirst().allSatisfy(\.isASCIIDigit) else { return nil }
        var digits = c.dropFirst().map(\.digitValue)
        let isCompany = "JGC".contains(letter)
        // A short body with a separate check group means the writer dropped leading zeros (`J-3012345-6`).
        if let last = input.lastGroup, last.count == 1, digits.count < 9 {
            digits = Array(repeating: 0, count: 9 - digits.count) + digits
        }
        if digits.count < 9 {
            guard !isCompany else { return nil }
            let body = String(repeating: "0", count: 8 - digits.count) + digits.map(String.init).joined()
            return TaxID(normalized: String(letter) + body, country: "VE", kind: .rif, isCompany: false,
                         validity: .unchecked, display: input.display)
        }
        guard digits.count == 9 else { return nil }
        let sum = letterValue + CheckDigits.weightedSum(Array(digits[0..<8]), [3, 2, 7, 6, 5, 4, 3, 2])
        let expected = Array("00987654321")[sum % 11].digitValue
        return TaxID(normalized: String(letter) + digits.map(String.init).joined(), country: "VE", kind: .rif,
                     isCompany: isCompany, validity: CheckDigits.validity(expected == digits[8]),
                     display: input.display)
    }

    /// The type letter's term in the RIF check sum (its value times the weight 4). C (communal
    /// councils, issued from 2010) is reckoned like J: SENIAT issues them from the same series.
    static let rifLetterValues: [Character: Int] = ["V": 4, "E": 8, "J": 12, "P": 16, "G": 20, "C": 12]
}
