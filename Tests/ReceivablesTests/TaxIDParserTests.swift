import Testing
@testable import Receivables

/// Valid identifiers published by the issuing authorities or collected by python-stdnum's test
/// suites (SII, SENIAT, DIAN, AFIP, SUNAT, SRI, Receita Federal), with the country and kind each
/// must be read as when no country is configured.
struct TaxIDParserTests {
    struct Case: CustomStringConvertible, Sendable {
        let text: String, country: String?, normalized: String, expectedCountry: String
        let kind: TaxID.Kind, company: Bool?
        var description: String { text }
    }

    static let valid: [Case] = [
        // Venezuela: RIF
        Case(text: "V-11470283-4", country: nil, normalized: "V114702834", expectedCountry: "VE", kind: .rif, company: false),
        Case(text: "J-00020200-1", country: nil, normalized: "J000202001", expectedCountry: "VE", kind: .rif, company: true),
        Case(text: "V018491490", country: nil, normalized: "V018491490", expectedCountry: "VE", kind: .rif, company: false),
        // Chile: RUT
        Case(text: "76.014.309-K", country: nil, normalized: "76014309K", expectedCountry: "CL", kind: .rut, company: true),
        Case(text: "10075381-2", country: nil, normalized: "100753812", expectedCountry: "CL", kind: .rut, company: false),
        Case(text: "RUT 96.919.970-k", country: nil, normalized: "96919970K", expectedCountry: "CL", kind: .rut, company: true),
        // Argentina: CUIT / CUIL
        Case(text: "20-05536168-2", country: nil, normalized: "20055361682", expectedCountry: "AR", kind: .cuit, company: false),
        Case(text: "30-71168316-6", country: nil, normalized: "30711683166", expectedCountry: "AR", kind: .cuit, company: true),
        Case(text: "CUIL 27-10345678-4", country: nil, normalized: "27103456784", expectedCountry: "AR", kind: .cuil, company: false),
        // Colombia: NIT
        Case(text: "900.206.480-2", country: nil, normalized: "9002064802", expectedCountry: "CO", kind: .nit, company: true),
        Case(text: "800.003.122-6", country: nil, normalized: "8000031226", expectedCountry: "CO", kind: .nit, company: true),
        Case(text: "860 001 986-1", country: "CO", normalized: "8600019861", expectedCountry: "CO", kind: .nit, company: true),
        // Peru: RUC
        Case(text: "20512333797", country: "PE", normalized: "20512333797", expectedCountry: "PE", kind: .ruc, company: true),
        Case(text: "10054148289", country: nil, normalized: "10054148289", expectedCountry: "PE", kind: .ruc, company: false),
        // Ecuador: RUC (natural, public, juridical)
        Case(text: "1710034065001", country: nil, normalized: "1710034065001", expectedCountry: "EC", kind: .ruc, company: false),
        Case(text: "0160000510001", country: nil, normalized: "0160000510001", expectedCountry: "EC", kind: .ruc, company: true),
        Case(text: "1790011674001", country: nil, normalized: "1790011674001", expectedCountry: "EC", kind: .ruc, company: true),
        // Brazil: CPF, CNPJ and the alphanumeric CNPJ (SERPRO's example)
        Case(text: "390.533.447-05", country: nil, normalized: "39053344705", expectedCountry: "BR", kind: .cpf, company: false),
        Case(text: "11.017.153/0001-68", country: nil, normalized: "11017153000168", expectedCountry: "BR", kind: .cnpj, company: true),
        Case(text: "61882613000194", country: nil, normalized: "61882613000194", expectedCountry: "BR", kind: .cnpj, company: true),
        Case(text: "12.ABC.345/01DE-35", country: nil, normalized: "12ABC34501DE35", expectedCountry: "BR", kind: .cnpj, company: true),
        // Spain: NIF (DNI), NIE, CIF
        Case(text: "54362315-K", country: "ES", normalized: "54362315K", expectedCountry: "ES", kind: .nif, company: false),
        Case(text: "X2482300W", country: nil, normalized: "X2482300W", expectedCountry: "ES", kind: .nie, company: false),
        Case(text: "J99216582", country: nil, normalized: "J99216582", expectedCountry: "ES", kind: .cif, company: true),
        Case(text: "A13 585 625", country: nil, normalized: "A13585625", expectedCountry: "ES", kind: .cif, company: true),
    ]

    @Test(arguments: valid)
    func validIdentifiers(_ c: Case) {
        let id = TaxIDParser.parse(c.text, country: c.country)
        #expect(id.validity == .valid)
        #expect(id.normalized == c.normalized)
        #expect(id.country == c.expectedCountry)
        #expect(id.kind == c.kind)
        #expect(id.isCompany == c.company)
        #expect(id.display == c.text)
    }

    /// One wrong character each: the format is recognized, the check digit is not.
    static let wrongCheckDigit: [(String, String)] = [
        ("V-11470283-3", "VE"), ("76.014.309-5", "CL"), ("30-71168316-7", "AR"), ("900.206.480-3", "CO"),
        ("20512333798", "PE"), ("0190115799001", "EC"), ("390.533.447-06", "BR"), ("11.017.153/0001-69", "BR"),
        ("12.ABC.345/01DE-36", "BR"), ("54362315-Z", "ES"), ("X2482300A", "ES"), ("J99216583", "ES"),
    ]

    @Test(arguments: wrongCheckDigit)
    func wrongCheckDigits(_ text: String, _ country: String) {
        let id = TaxIDParser.parse(text, country: country)
        #expect(id.validity == .checkDigitMismatch)
        #expect(id.country == country)
    }

    @Test(arguments: ["hello", "12", "", "J-ABCDEFGH-1", "99-05536168-8x", "0000000"])
    func malformed(_ text: String) {
        let id = TaxIDParser.parse(text)
        #expect(id.validity == .malformed)
        #expect(id.kind == .unknown)
    }

    // Text without a digit is no tax ID of any kind, whatever country is configured or labelled
    // (the column profiler skips such text on that ground).
    @Test(arguments: ["Cardona S.L.U.", "RIF J-ABCDEFGH", "RUT: K", "XAXX", "CUIT", "Ñandú & Cía", "ABCDEFGHIJKLM",
                      "V-", "CI. ", "NIF X-ABC", "pendiente", "K", "XEXX-ABCDEF-XXX"])
    func withoutDigitsIsNoTaxID(_ text: String) {
        for country in [nil] + TaxIDParser.countries {
            let id = TaxIDParser.parse(text, country: country)
            #expect(id.kind == .unknown && id.validity != .valid, "\(text) in \(country ?? "no country")")
        }
    }

    @Test func rfcCheckDigitOnlyWarns() {
        // Both shapes are read as RFCs; VACE-460910-SX6 is a real RFC that fails the check digit.
        let company = TaxIDParser.parse("MAB-930714-8T4", country: "MX")
        #expect(company.kind == .rfc && company.isCompany == true && company.normalized == "MAB9307148T4")
        let person = TaxIDParser.parse("VACE-460910-SX6", country: "MX")
        #expect(person.kind == .rfc && person.isCompany == false)
        #expect(person.validity == .checkDigitMismatch)
        #expect(TaxIDParser.parse("GODE 561231 GR8").country == "MX")
        #expect(TaxIDParser.parse("GODE561399GR8", country: "MX").kind == .unknown)  // month 13
        // The generic RFCs are nobody's: no check digit to fail.
        for text in ["XAXX010101000", "XEXX-010101-000"] {
            let generic = TaxIDParser.parse(text, country: "MX")
            #expect(generic.kind == .rfc && generic.country == "MX" && generic.validity == .unchecked)
        }
    }

    @Test func configuredCountryWinsWhenBothValid() {
        // A CUIT and a Peruvian RUC share weights; prefix 20 fits both.
        let asAR = TaxIDParser.parse("20512333797", country: "AR")
        let asPE = TaxIDParser.parse("20512333797", country: "PE")
        #expect(asPE.country == "PE")
        #expect(asAR.country == "AR" || asAR.validity == .valid)
    }

    /// A cédula is a person's RIF without its check digit: the digit is computed, so both forms
    /// are one normalized ID; nothing written was verified, so it is `unchecked`.
    @Test func venezuelanCedulaWithoutCheckDigitGetsIt() {
        let id = TaxIDParser.parse("V-12345678")
        #expect(id.country == "VE" && id.validity == .unchecked && id.normalized == "V123456781")
        #expect(id.display == "V-12345678")
        #expect(TaxIDParser.parse("V-12345678-1").normalized == id.normalized)
        #expect(TaxIDParser.parse("E-8123456").normalized == "E081234569")
    }

    /// A company's RIF without its check digit, all eight body digits there: the digit is
    /// computed, and where Venezuela is configured it is never read as a Spanish CIF (`J` is a
    /// CIF letter too). Seven body digits may have lost a zero or the check digit: not guessed.
    @Test func venezuelanCompanyRIFWithoutCheckDigitGetsIt() {
        let id = TaxIDParser.parse("J-30123456", country: "VE")
        #expect(id.country == "VE" && id.kind == .rif && id.isCompany == true)
        #expect(id.normalized == "J301234561" && id.validity == .unchecked)
        #expect(TaxIDParser.parse("J-30123456-1", country: "VE").normalized == id.normalized)
        #expect(TaxIDParser.parse("J-3012345", country: "VE").normalized != "J030123458")
    }

    /// A Colombian company's NIT without its DV (nine digits from 8 or 9 whose last does not
    /// check): the DV is computed. Whose last digit checks is read as written.
    @Test(arguments: [("900123456", "9001234568"), ("800.197.268", "8001972684"), ("860034313", "8600343137")])
    func colombianNITWithoutDVGetsIt(_ text: String, _ normalized: String) {
        let id = TaxIDParser.parse(text, country: "CO")
        #expect(id.country == "CO" && id.kind == .nit && id.isCompany == true)
        #expect(id.normalized == normalized && id.validity == .unchecked && id.display == text)
        let written = TaxIDParser.parse(String(normalized.dropLast()) + "-" + String(normalized.last!), country: "CO")
        #expect(written.normalized == normalized && written.validity == .valid)
    }

    /// Nine digits from 8 or 9 are a company's NIT body even when their last digit checks
    /// (Bancolombia's 890903938); ten from 1 a cédula; seven or eight a cédula when the last does
    /// not check, else read as written (a body and its DV: which, nobody can tell).
    @Test(arguments: [("890903938", "8909039388", Bool?.some(true)), ("1020304001", "10203040017", false),
                      ("79345600", "793456008", false), ("52345606", "52345606", false)])
    func colombianBareNumbers(_ text: String, _ normalized: String, _ company: Bool?) {
        let id = TaxIDParser.parse(text, country: "CO")
        #expect(id.normalized == normalized && id.isCompany == company)
    }

    @Test func aDVWrittenApartIsADV() {
        let dashed = TaxIDParser.parse("90012345-6", country: "CO")
        #expect(dashed.normalized == "900123456" && dashed.validity == .checkDigitMismatch)
    }

    /// An EU VAT number's `ES` in front of a Spanish ID is no part of it.
    @Test(arguments: ["ESB12345674", "ES-B-12345674", "ES B12345674"])
    func spanishVATPrefixIsDropped(_ text: String) {
        let id = TaxIDParser.parse(text)
        #expect(id.country == "ES" && id.kind == .cif && id.normalized == "B12345674" && id.display == text)
        #expect(id.validity == TaxIDParser.parse("B12345674").validity)
    }
}
