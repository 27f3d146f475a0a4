extension Currency {
    /// The currency a bare `$` stands for in each country that writes one: US dollars in Venezuela
    /// and the dollarized economies, the local peso elsewhere.
    static let dollarSignByCountry: [String: Currency] = [
        "CO": "COP", "MX": "MXN", "AR": "ARS", "CL": "CLP", "UY": "UYU",
        "VE": "USD", "EC": "USD", "US": "USD", "SV": "USD", "PA": "USD", "PR": "USD",
    ]

    /// What a bare `$` means where the data comes from (ISO 3166-1 alpha-2 `country`, any case):
    /// `COP` in Colombia, `MXN` in Mexico, `USD` in Venezuela. Without a country, a default
    /// `currency` that is written with `$` somewhere (`COP`, `MXN`, `USD` …) is the one meant;
    /// `nil` when neither tells (a `$` in Brazil, or with no configuration at all), so each reader
    /// keeps its own fallback. Spreadsheet amounts and notes read `$` through this one rule.
    public static func dollarSign(country: String?, currency: Currency? = nil) -> Currency? {
        if let country, let meant = dollarSignByCountry[country.uppercased()] { return meant }
        guard let currency, dollarSignByCountry.values.contains(currency) else { return nil }
        return currency
    }
}
