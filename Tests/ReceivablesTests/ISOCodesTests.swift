import Testing
@testable import Receivables

struct ISOCodesTests {
    @Test(arguments: ["VE", "ve", "CO", "MX", "BR", "ES", "US", "PT"])
    func realCountries(_ code: String) { #expect(ISOCodes.isCountry(code)) }

    @Test(arguments: ["XX", "QQ", "VEN", "V", "", "Ve1", "EU", "QO", "UN"])
    func notCountries(_ code: String) { #expect(!ISOCodes.isCountry(code)) }

    @Test(arguments: ["USD", "usd", "VES", "COP", "EUR", "BRL", "CLP", "XAF", "XOF"])
    func realCurrencies(_ code: String) { #expect(ISOCodes.isCurrency(code)) }

    @Test(arguments: ["ZZZ", "US$", "DOLLARS", "", "Bs", "XXX", "XTS", "XAU"])
    func notCurrencies(_ code: String) { #expect(!ISOCodes.isCurrency(code)) }
}
