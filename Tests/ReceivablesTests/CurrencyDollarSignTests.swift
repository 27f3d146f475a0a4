import Testing
@testable import Receivables

/// A bare `$` names the peso where pesos are written with it and US dollars where dollars are.
@Suite struct CurrencyDollarSignTests {
    static let byCountry: [(String, String)] = [
        ("CO", "COP"), ("co", "COP"), ("MX", "MXN"), ("AR", "ARS"), ("CL", "CLP"), ("UY", "UYU"),
        ("VE", "USD"), ("EC", "USD"), ("US", "USD"), ("SV", "USD"), ("PA", "USD"), ("PR", "USD"),
    ]

    @Test(arguments: byCountry) func theCountryDecides(_ country: String, _ expected: String) {
        #expect(Currency.dollarSign(country: country)?.code == expected)
        // The country wins over a default currency of another kind (a Colombian file priced in USD).
        #expect(Currency.dollarSign(country: country, currency: .eur)?.code == expected)
    }

    /// Without a country, a default currency that is written with `$` is the one meant; any other
    /// (bolívars, reais) says nothing about `$`.
    @Test func withoutACountryADollarWrittenDefaultCurrencyDecides() {
        #expect(Currency.dollarSign(country: nil, currency: .cop) == .cop)
        #expect(Currency.dollarSign(country: nil, currency: .mxn) == .mxn)
        #expect(Currency.dollarSign(country: nil, currency: .usd) == .usd)
        #expect(Currency.dollarSign(country: nil, currency: .ves) == nil)
        #expect(Currency.dollarSign(country: "BR", currency: "BRL") == nil)
        #expect(Currency.dollarSign(country: nil) == nil)
    }
}
