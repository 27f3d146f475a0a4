import Foundation

/// Whether a code a person typed in a setting (`--country`, `defaults.currency`, a mapping's
/// `country:`) is a real ISO code, so that `XX` or `ZZZ` is refused where it is written instead
/// of silently matching nothing. (Currency cells in data are checked against the same list:
/// ``Currency/isKnown``.)
public enum ISOCodes {
    /// ISO 3166-1 alpha-2 (`VE`, `CO`), in any case.
    public static func isCountry(_ code: String) -> Bool {
        code.utf8.count == 2 && countries.contains(code.uppercased())
    }

    /// ISO 4217 (`USD`, `VES`), in any case: the codes data is read with (``Currency/isKnown``),
    /// so a setting accepts what a currency cell would.
    public static func isCurrency(_ code: String) -> Bool {
        Currency(knownCode: code) != nil
    }

    /// The platform's regions, without the codes ISO reserves for groups and private use (`EU`,
    /// `UN`, `QO`, `XA`…); `XK` (Kosovo) stays, as every country list has it.
    private static let countries: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter { code in
        code.utf8.count == 2 && !["EU", "EZ", "UN", "QO", "ZZ", "AA"].contains(code) && !code.hasPrefix("Q")
            && !(code.hasPrefix("X") && code != "XK")
    })
}
