import Testing
@testable import Receivables

/// `pesos` names the peso of the country the data comes from, and nothing where there is none.
@Suite struct CurrencyPesoTests {
    static let byCountry: [(String?, String?)] = [
        ("CO", "COP"), ("co", "COP"), ("MX", "MXN"), ("AR", "ARS"), ("CL", "CLP"), ("UY", "UYU"), ("DO", "DOP"),
        ("VE", nil), ("BR", nil), ("US", nil), (nil, nil),
    ]

    @Test(arguments: byCountry) func theCountryDecides(_ country: String?, _ expected: String?) {
        #expect(Currency.peso(country: country)?.code == expected)
    }
}
