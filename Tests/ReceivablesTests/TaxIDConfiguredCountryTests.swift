import Testing
@testable import Receivables

/// A configured country decides the reading of every value in its shape: a mistyped ID of that
/// country stays its ID with a wrong check digit, even when the digits happen to pass another
/// country's check. Only a value in none of its shapes is read by its own shape.
struct TaxIDConfiguredCountryTests {
    struct Case: CustomStringConvertible, Sendable {
        let text: String, configured: String
        let country: String, kind: TaxID.Kind, validity: TaxID.Validity
        /// How the value reads with no country configured (the look-alike the configuration overrides).
        let unconfiguredCountry: String?
        var description: String { "\(text) in \(configured)" }
    }

    static let cases: [Case] = [
        // A Chilean RUT with its last digit mistyped (…-5 is right) passes Colombia's NIT check.
        Case(text: "76.086.428-4", configured: "CL", country: "CL", kind: .rut, validity: .checkDigitMismatch,
             unconfiguredCountry: "CO"),
        Case(text: "76.086.428-5", configured: "CL", country: "CL", kind: .rut, validity: .valid, unconfiguredCountry: "CL"),
        // A Peruvian RUC (valid) fails the CUIT check: in an Argentine file it is a CUIT typed wrong.
        Case(text: "20100070970", configured: "AR", country: "AR", kind: .cuit, validity: .checkDigitMismatch,
             unconfiguredCountry: "PE"),
        Case(text: "20100070970", configured: "PE", country: "PE", kind: .ruc, validity: .valid, unconfiguredCountry: "PE"),
        // A Chilean RUT written as digits only fits Colombia's NIT shape.
        Case(text: "10075381-2", configured: "CO", country: "CO", kind: .nit, validity: .checkDigitMismatch,
             unconfiguredCountry: "CL"),
        // Ten bare digits in Ecuador are a cédula (mod-10), not a Colombian number missing its digit.
        Case(text: "1710034065", configured: "EC", country: "EC", kind: .cedula, validity: .valid,
             unconfiguredCountry: "CO"),
        Case(text: "1710034064", configured: "EC", country: "EC", kind: .cedula, validity: .checkDigitMismatch,
             unconfiguredCountry: "CO"),
        Case(text: "1710034065001", configured: "EC", country: "EC", kind: .ruc, validity: .valid, unconfiguredCountry: "EC"),
        // Values in none of the configured country's shapes are read by their own.
        Case(text: "J-30123456-1", configured: "CL", country: "VE", kind: .rif, validity: .valid, unconfiguredCountry: "VE"),
        Case(text: "30-71168316-6", configured: "CL", country: "AR", kind: .cuit, validity: .valid, unconfiguredCountry: "AR"),
        Case(text: "76.014.309-K", configured: "CO", country: "CL", kind: .rut, validity: .valid, unconfiguredCountry: "CL"),
        Case(text: "390.533.447-05", configured: "VE", country: "BR", kind: .cpf, validity: .valid, unconfiguredCountry: "BR"),
        // A label naming another country's kind outranks the configuration.
        Case(text: "CUIT 30-71168316-6", configured: "CO", country: "AR", kind: .cuit, validity: .valid,
             unconfiguredCountry: "AR"),
        // A configuration with no tax-ID rules of its own changes nothing.
        Case(text: "76.086.428-5", configured: "US", country: "CL", kind: .rut, validity: .valid, unconfiguredCountry: "CL"),
    ]

    @Test(arguments: cases)
    func configuredCountryReadsItsShapes(_ c: Case) {
        let id = TaxIDParser.parse(c.text, country: c.configured)
        #expect(id.country == c.country)
        #expect(id.kind == c.kind)
        #expect(id.validity == c.validity)
        #expect(TaxIDParser.parse(c.text).country == c.unconfiguredCountry)
    }

    @Test(arguments: ["CL", "co", "VE"])
    func placeholdersStayMalformed(_ country: String) {
        let id = TaxIDParser.parse("00000000", country: country)
        #expect(id.validity == .malformed)
        #expect(id.kind == .unknown)
    }
}

/// Where Venezuela is configured, a bare number of six to eight digits is a cédula (`V`), never the
/// Chilean RUT or Colombian NIT its digits happen to spell; without a country it stays a guess.
struct VenezuelanCedulaTests {
    @Test(arguments: [("14567890", "V14567890"), ("9876543", "V09876543"), ("14.567.890", "V14567890")])
    func bareNumbersAreCedulas(_ text: String, _ normalized: String) {
        let id = TaxIDParser.parse(text, country: "VE")
        #expect(id.country == "VE" && id.kind == .rif && id.normalized == normalized && id.validity == .unchecked)
    }

    /// Under a cédula label the number is a person's: `C.I. 12.345.678` is `V-12.345.678`.
    @Test(arguments: ["C.I. 12.345.678", "CI: 12345678", "Cédula 12.345.678", "C.I. V-12.345.678", "V-12.345.678"])
    func cedulaLabels(_ text: String) {
        let id = TaxIDParser.parse(text, country: "VE")
        #expect(id.country == "VE" && id.normalized == "V123456781", "\(text): \(id.normalized)")
    }

    @Test func otherShapesAreUntouched() {
        #expect(TaxIDParser.parse("J-30123456-1", country: "VE").validity == .valid)
        #expect(TaxIDParser.parse("76.086.428-5", country: "VE").country == "CL")  // a RUT's dash and check digit
        #expect(TaxIDParser.parse("14567890", country: "CL").country != "VE")
        #expect(TaxIDParser.parse("14567890").country != "VE")
        #expect(TaxIDParser.parse("12345", country: "VE").validity == .malformed)
        // Six digits, or a leading zero, is a code, not a cédula.
        for code in ["123456", "0123456"] { #expect(TaxIDParser.parse(code, country: "VE").kind != .rif) }
    }
}

/// `C.C.` (cédula de ciudadanía) names a Colombian person's ID: the whole number is the cédula,
/// its DV computed, whatever country is configured (QA session 20: `C.C. 71.234.567` fitted no format).
struct ColombianCedulaLabelTests {
    @Test(arguments: [
        ("C.C. 71.234.567", "712345677"), ("CC 71234567", "712345677"), ("C.C 71.234.567", "712345677"),
        ("cc: 71.234.567", "712345677"), ("CC. 71234567", "712345677"), ("Cédula de ciudadanía 71.234.567", "712345677"),
        ("CEDULA DE CIUDADANIA: 71234567", "712345677"), ("C.C. 1.020.304.001", "10203040017"),
        // Eight digits whose last checks as a DV: under the label still a cédula, not a body and its DV.
        ("C.C. 52.345.606", "523456063"),
    ] as [(String, String)], [nil, "CO", "VE", "CL"] as [String?])
    func readAsAColombianCedula(_ label: (String, String), _ configured: String?) {
        let (text, normalized) = label
        let id = TaxIDParser.parse(text, country: configured)
        #expect(id.country == "CO" && id.kind == .nit && id.isCompany == false, "\(text): \(id)")
        #expect(id.normalized == normalized && id.validity == .unchecked && id.display == text, "\(text): \(id)")
    }

    /// `CC` is a label only in front of the number, followed by a point, colon or space.
    @Test func ccElsewhereChangesNothing() {
        for text in ["CCB 71234567", "Comercial CC 71234567", "71234567 CC", "CC"] {
            #expect(TaxIDParser.parse(text, country: "CO").kind == .unknown, "\(text)")
        }
        // Without a label the bare number reads as before (seven or eight digits checking as a DV: a body and its DV).
        #expect(TaxIDParser.parse("52345606", country: "CO").normalized == "52345606")
        #expect(TaxIDParser.parse("C.I. 12.345.678", country: "VE").normalized == "V123456781")
    }
}
