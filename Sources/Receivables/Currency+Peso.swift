extension Currency {
    /// The peso of each country that has one.
    static let pesoByCountry: [String: Currency] = [
        "AR": "ARS", "CL": "CLP", "CO": "COP", "CU": "CUP", "DO": "DOP", "MX": "MXN", "PH": "PHP", "UY": "UYU",
    ]

    /// What the word `pesos` names where the data comes from (ISO 3166-1 alpha-2 `country`, any
    /// case): `COP` in Colombia, `MXN` in Mexico; `nil` for a country without a peso or no country,
    /// so the reader falls back to its default currency instead of guessing a country.
    public static func peso(country: String?) -> Currency? {
        country.flatMap { pesoByCountry[$0.uppercased()] }
    }
}
