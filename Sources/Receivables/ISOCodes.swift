import Foundation

/// Whether a code a person typed in a setting (`--country`, `defaults.currency`, a mapping's
/// `country:`) is a real ISO code, so that `XX` or `ZZZ` is refused where it is written instead
/// of silently matching nothing. Values read from data are not checked here.
public enum ISOCodes {
    /// ISO 3166-1 alpha-2 (`VE`, `CO`), in any case.
    public static func isCountry(_ code: String) -> Bool {
        code.utf8.count == 2 && countries.contains(code.uppercased())
    }

    /// ISO 4217 (`USD`, `VES`), in any case.
    public static func isCurrency(_ code: String) -> Bool {
        guard let currency = Currency(code: code) else { return false }
        return currencies.contains(currency.code)
    }

    private static let countries: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.utf8.count == 2 })
    private static let currencies: Set<String> = Set(Locale.Currency.isoCurrencies.map(\.identifier))
}
