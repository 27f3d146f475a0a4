extension Currency {
    /// Whether the code names money a customer can owe: an active ISO 4217 code, or `VEF`. Three
    /// letters alone (`XYZ`, `ABC`) are no currency.
    public var isKnown: Bool { Self.knownPacked.contains(packed) }

    /// The currency of a known code (``isKnown``), any case; `nil` for any other text.
    public init?(knownCode: some StringProtocol) {
        guard let currency = Currency(code: knownCode), currency.isKnown else { return nil }
        self = currency
    }

    /// ISO 4217 List One (active codes, 2025), without the codes that are no money a customer owes
    /// (precious metals `XAU`…, SDR and settlement units `XDR`, `XSU`, `XUA`, bond-market units
    /// `XBA`…`XBD`, test and "no currency" codes `XTS`, `XXX`); fund codes such as Chile's `CLF`
    /// (Unidad de Fomento) stay, debts are written in them.
    ///
    /// Plus `VEF`, the bolívar fuerte: withdrawn in 2018 (1 VES = 100,000 VEF) but still in old
    /// receivables, and a different amount from the same digits in `VES` or `VED` (the 2021 bolívar
    /// digital, 1 VED = 1,000,000 VES). A fixed list, not the platform's, so every machine reads
    /// the same file the same way.
    static let knownCodes: Set<String> = [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
        "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF",
        "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP",
        "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL",
        "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF",
        "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
        "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
        "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
        "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU",
        "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW",
        "ZWG",
        "VEF",
    ]

    /// ``knownCodes`` as ``packed`` values, as ``isKnown`` asks.
    private static let knownPacked = Set(knownCodes.compactMap { Currency(code: $0)?.packed })
}
