extension TaxIDParser {
    /// Venezuela's RIF: a type letter, 8 digits and a mod-11 check digit (`J-30123456-7`).
    /// V (Venezuelan) and E (foreign) are people, P passports; J companies, G government and
    /// C communal councils are organizations.
    ///
    /// A RIF written without its check digit (a cédula `V12345678` or `V-9876543`, or a company's
    /// `J-30123456`) gets the digit computed: a person's RIF is by definition the cédula and that
    /// digit, so `V12345678` and `V-12345678-1` are one normalized ID (`V123456781`), as the
    /// company's with and without it are. Such an ID is `unchecked` (nothing written was verified)
    /// and keeps its text as written in `display`. A company needs all eight body digits for this:
    /// `J-3012345` may have lost a leading zero or its check digit. The digit depends on the
    /// letter, so a letter the caller inferred (`letterWritten: false`, a bare cédula) gets none:
    /// `30123456` may be `J-30123456-1` as well as a cédula.
    static func venezuela(_ input: TaxIDInput, letterWritten: Bool = true) -> TaxID? {
        let c = input.chars
        guard c.count >= 7, c.count <= 10, let letter = c.first, rifLetterValues[letter] != nil,
              c.dropFirst().allSatisfy(\.isASCIIDigit) else { return nil }
        var digits = c.dropFirst().map(\.digitValue)
        let isCompany = "JGC".contains(letter)
        // A short body with a separate check group means the writer dropped leading zeros (`J-3012345-6`).
        if let last = input.lastGroup, last.count == 1, digits.count < 9 {
            digits = Array(repeating: 0, count: 9 - digits.count) + digits
        }
        if digits.count < 9 {
            guard !isCompany || digits.count == 8 && input.lastGroup?.count != 1 else { return nil }
            let body = Array(repeating: 0, count: 8 - digits.count) + digits
            let check = letterWritten ? rifCheckDigit(letter, body).map { [$0] } ?? [] : []
            return TaxID(normalized: String(letter) + (body + check).map(String.init).joined(), country: "VE",
                         kind: .rif, isCompany: isCompany, validity: .unchecked, display: input.display)
        }
        guard digits.count == 9 else { return nil }
        return TaxID(normalized: String(letter) + digits.map(String.init).joined(), country: "VE", kind: .rif,
                     isCompany: isCompany, validity: CheckDigits.validity(rifCheckDigit(letter, digits) == digits[8]),
                     display: input.display)
    }

    /// A RIF written without its type letter (`30123456-1`, `301234561`), for where Venezuela is
    /// configured: the letter is the one whose check digit the number passes (`J301234561`,
    /// valid). When no letter passes, or several do, it stays a Venezuelan RIF of unknown letter,
    /// its digits only: a failed check digit when none passes, unchecked when several might be
    /// meant. Nine bare digits with a leading zero are a code (an ERP's `012345678`), not a RIF; a
    /// dash before the last digit says a check digit follows, so `00002961-0` is one.
    static func venezuelaWithoutLetter(_ input: TaxIDInput) -> TaxID? {
        guard input.chars.count == 9, input.isAllDigits,
              input.lastGroup.map({ $0.count == 1 }) ?? (input.chars.first != "0") else { return nil }
        let digits = input.chars.map(\.digitValue)
        let fitting = rifLettersByCheckTerm.filter { rifCheckDigit($0, digits) == digits[8] }
        if fitting.count == 1, let letter = fitting.first {
            // The letter is a guess that about a third of mistyped numbers would pass too: not
            // `valid`, which would make a typo a second valid ID that forbids its customer's merge.
            return TaxID(normalized: String(letter) + input.compact, country: "VE", kind: .rif,
                         isCompany: "JGC".contains(letter), validity: .unchecked, display: input.display)
        }
        return TaxID(normalized: input.compact, country: "VE", kind: .rif,
                     validity: fitting.isEmpty ? .checkDigitMismatch : .unchecked, display: input.display)
    }

    /// The check digit a RIF of type `letter` and the eight-digit body `digits[0..<8]` must end in.
    static func rifCheckDigit(_ letter: Character, _ digits: [Int]) -> Int? {
        guard let letterValue = rifLetterValues[letter], digits.count >= 8 else { return nil }
        let sum = letterValue + CheckDigits.weightedSum(Array(digits[0..<8]), [3, 2, 7, 6, 5, 4, 3, 2])
        return Array("00987654321")[sum % 11].digitValue
    }

    /// The type letter's term in the RIF check sum (its value times the weight 4). C (communal
    /// councils, issued from 2010) is reckoned like J: SENIAT issues them from the same series.
    static let rifLetterValues: [Character: Int] = ["V": 4, "E": 8, "J": 12, "P": 16, "G": 20, "C": 12]

    /// The letters a missing one is chosen from, one per check term. C is left out: its term is
    /// J's, so no check digit tells a communal council from a company, and companies (J) are by
    /// far the more common.
    static let rifLettersByCheckTerm: [Character] = ["J", "G", "V", "E", "P"]
}
