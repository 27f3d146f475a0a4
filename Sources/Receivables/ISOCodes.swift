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

    /// The platform's regions, without the codes ISO reserves for groups and private use (`EU`,
    /// `UN`, `QO`, `XA`…); `XK` (Kosovo) stays, as every country list has it.
    private static let countries: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter { code in
        code.utf8.count == 2 && !["EU", "EZ", "UN", "QO", "ZZ", "AA"].contains(code) && !code.hasPrefix("Q")
            && !(code.hasPrefix("X") && code != "XK")
    })
    /// The platform's currencies, without the ISO 4217 codes that are no money a customer owes:
    /// precious metals, fund and settlement units, test and "no currency" codes.
    private static let currencies: Set<String> = Set(Locale.Currency.isoCurrencies.map(\.identifier)).subtracting([
        "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA", "XTS", "XXX", "XFO", "XFU",
    ])
}
