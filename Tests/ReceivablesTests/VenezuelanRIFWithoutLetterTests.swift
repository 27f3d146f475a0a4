import Testing
@testable import Receivables

/// Where Venezuela is configured, nine digits with a check digit (`30123456-1`, `301234561`) are a
/// RIF whose letter was left out, not the Chilean RUT their shape also fits: the letter is the one
/// whose check digit they pass. That letter is a guess (about a third of mistyped numbers pass
/// one letter's check), so the ID stays `unchecked`, never `valid`: a typo must not become a second
/// valid ID that forbids its customer's merge. Without a country they are read by shape, as before.
struct VenezuelanRIFWithoutLetterTests {
    struct Case: CustomStringConvertible, Sendable {
        let text: String
        let normalized: String, validity: TaxID.Validity, isCompany: Bool?
        var description: String { text }
    }

    /// Check digits from the project's own RIF algorithm (`J-30123456-1`, `G-30123456-4` … are valid).
    static let cases: [Case] = [
        Case(text: "30123456-1", normalized: "J301234561", validity: .unchecked, isCompany: true),
        Case(text: "301234561", normalized: "J301234561", validity: .unchecked, isCompany: true),
        Case(text: "30.123.456-1", normalized: "J301234561", validity: .unchecked, isCompany: true),
        Case(text: "30123456-4", normalized: "G301234564", validity: .unchecked, isCompany: true),
        Case(text: "40123456-9", normalized: "J401234569", validity: .unchecked, isCompany: true),
        Case(text: "12345678-1", normalized: "V123456781", validity: .unchecked, isCompany: false),
        Case(text: "12345678-8", normalized: "E123456788", validity: .unchecked, isCompany: false),
        Case(text: "12345678-0", normalized: "P123456780", validity: .unchecked, isCompany: false),
        // Leading zeros are part of an old company's RIF when a dash shows the check digit.
        Case(text: "00002961-0", normalized: "J000029610", validity: .unchecked, isCompany: true),
        // Both E and G pass (check digit 0): which one is meant is unknown.
        Case(text: "29876543-0", normalized: "298765430", validity: .unchecked, isCompany: nil),
        // No letter passes, nor any other country's check: a RIF with a wrong check digit.
        Case(text: "30123456-3", normalized: "301234563", validity: .checkDigitMismatch, isCompany: nil),
        // `RIF` in front settles it even when the digits pass a Chilean RUT's check (30123456-2).
        Case(text: "RIF 30123456-2", normalized: "301234562", validity: .checkDigitMismatch, isCompany: nil),
    ]

    @Test(arguments: cases)
    func readAsARIFWhereVenezuelaIsConfigured(_ c: Case) {
        let id = TaxIDParser.parse(c.text, country: "VE")
        #expect(id.country == "VE")
        #expect(id.kind == .rif)
        #expect(id.normalized == c.normalized)
        #expect(id.validity == c.validity)
        #expect(id.isCompany == c.isCompany)
        #expect(id.display == c.text)
    }

    /// Every body and letter: the check digit that makes the lettered RIF valid makes the
    /// letterless one that RIF too, unless another letter passes as well.
    @Test(arguments: ["30123456", "12345678", "40987654", "20000001"])
    func theLetterWhoseCheckDigitPassesIsChosen(_ body: String) throws {
        for letter in TaxIDParser.rifLettersByCheckTerm {
            let digit = try #require((0...9).first { TaxIDParser.parse("\(letter)-\(body)-\($0)").isValid })
            let passing = TaxIDParser.rifLettersByCheckTerm.filter { TaxIDParser.parse("\($0)-\(body)-\(digit)").isValid }
            let id = TaxIDParser.parse("\(body)-\(digit)", country: "VE")
            if passing.count == 1 {
                #expect(id.normalized == "\(letter)\(body)\(digit)" && id.validity == .unchecked)
            } else {
                #expect(id.normalized == "\(body)\(digit)" && id.validity == .unchecked)
            }
        }
    }

    /// C (communal councils) shares J's check term, so a missing letter that fits both is J.
    @Test func aCompanyOrCommunalCouncilIsReadAsJ() {
        #expect(TaxIDParser.parse("C-30123456-1").isValid)
        #expect(TaxIDParser.parse("30123456-1", country: "VE").normalized == "J301234561")
    }

    @Test func withoutACountryTheShapeDecidesAsBefore() {
        let id = TaxIDParser.parse("30123456-1")
        #expect(id.country == "CL" && id.kind == .rut && id.validity == .checkDigitMismatch)
        #expect(TaxIDParser.parse("301234561", country: "CL").country == "CL")
    }

    @Test func otherNumbersAreNotRIFs() {
        // A verified Chilean RUT that no RIF letter passes stays a RUT (see VenezuelanCedulaTests).
        #expect(TaxIDParser.parse("76.086.428-5", country: "VE").country == "CL")
        // Nine bare digits with a leading zero are a code, not a RIF.
        #expect(TaxIDParser.parse("012345678", country: "VE").kind != .rif)
        // Seven or eight digits stay cédulas; ten digits are no RIF.
        #expect(TaxIDParser.parse("14567890", country: "VE").normalized == "V14567890")
        #expect(TaxIDParser.parse("3012345612", country: "VE").kind != .rif)
        #expect(TaxIDParser.parse("000000000", country: "VE").validity == .malformed)
    }
}
