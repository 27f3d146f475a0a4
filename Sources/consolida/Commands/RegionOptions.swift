import ArgumentParser
import Receivables

/// `--country` and `--currency`: the defaults for values that do not name their own, shared by
/// `run`, `import` and `map` so that all three accept and check them the same way.
struct RegionOptions: ParsableArguments {
    @Option(help: "Default country, ISO 3166-1 alpha-2 (VE, CO, MX, …), for tax IDs, phones and what a bare $ means.")
    var country: String?

    @Option(help: "Default currency, ISO 4217 (USD, VES, COP, …), for amounts that name none.")
    var currency: String?

    func validate() throws {
        if let country, !ISOCodes.isCountry(country) {
            throw ValidationError("--country must be an ISO 3166-1 alpha-2 code such as VE, not \"\(country)\"")
        }
        if let currency, !ISOCodes.isCurrency(currency) {
            throw ValidationError("--currency must be an ISO 4217 code such as USD, not \"\(currency)\"")
        }
    }

    /// The country in upper case, when given.
    var countryCode: String? { country?.uppercased() }
    /// The currency, when given (validated above).
    var currencyCode: Currency? { currency.flatMap { Currency(code: $0) } }
}
