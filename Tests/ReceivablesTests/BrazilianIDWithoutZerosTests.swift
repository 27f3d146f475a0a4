import Testing
@testable import Receivables

/// Where Brazil is configured, a CPF or CNPJ that lost its leading zeros (a number cell, a sheet
/// that dropped them) is read padded back when its check digits then hold; elsewhere, and when
/// they do not hold, the number is read as before.
struct BrazilianIDWithoutZerosTests {
    @Test(arguments: [("1234567000195", "01234567000195", TaxID.Kind.cnpj), ("112233000186", "00112233000186", .cnpj),
                      ("1234567890", "01234567890", .cpf), ("345678958", "00345678958", .cpf)])
    func paddedBack(_ text: String, _ normalized: String, _ kind: TaxID.Kind) {
        let id = TaxIDParser.parse(text, country: "BR")
        #expect(id.country == "BR" && id.kind == kind && id.normalized == normalized && id.validity == .valid)
        #expect(id.display == text)
        // The padded number is the same ID as written whole.
        #expect(TaxIDParser.parse(normalized, country: "BR").normalized == normalized)
    }

    @Test func onlyWhereBrazilIsConfigured() {
        #expect(TaxIDParser.parse("1234567000195").country != "BR")
        #expect(TaxIDParser.parse("1234567890", country: "CO").country != "BR")
    }

    /// A number whose padded reading fails its check digits is no Brazilian ID found.
    @Test func paddingThatDoesNotCheckIsNotKept() {
        let id = TaxIDParser.parse("1234567000196", country: "BR")
        #expect(!(id.country == "BR" && id.validity == .valid))
        #expect(id.normalized != "01234567000196" || id.validity != .valid)
    }
}
