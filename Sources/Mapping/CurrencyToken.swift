import Receivables

/// Currency marks written next to amounts (`Bs.`, `US$`, `R$`, `S/`, `€`, `COP`) and in headers
/// (`Monto (USD)`, `Saldo Bs`).
enum CurrencyToken {
    /// Marks and what they mean, longest first so `US$` is found before `$`. `nil` stands for a bare
    /// dollar sign, whose currency depends on the country (``dollarSign(country:)``).
    static let marks: [(String, Currency?)] = ([
        ("bs.s.", "VES"), ("bs.f.", "VES"), ("bs.s", "VES"), ("bs.f", "VES"), ("bss", "VES"), ("bsf", "VES"),
        ("bs.", "VES"), ("bs", "VES"), ("ves", "VES"), ("vef", "VES"), ("bolivares", "VES"), ("bolívares", "VES"),
        ("us$", "USD"), ("u$s", "USD"), ("usd", "USD"), ("dolares", "USD"), ("dólares", "USD"), ("dls", "USD"),
        ("r$", "BRL"), ("brl", "BRL"), ("s/.", "PEN"), ("s/", "PEN"), ("pen", "PEN"), ("soles", "PEN"),
        ("€", "EUR"), ("eur", "EUR"), ("euros", "EUR"), ("cop", "COP"), ("col$", "COP"), ("mxn", "MXN"),
        ("mx$", "MXN"), ("clp", "CLP"), ("ars", "ARS"), ("uyu", "UYU"), ("gbp", "GBP"), ("£", "GBP"),
        ("$", nil),
    ] as [(String, Currency?)]).sorted { $0.0.count > $1.0.count }

    /// What a bare `$` means where the data comes from: US dollars in Venezuela and dollarized
    /// economies, the local peso elsewhere.
    static func dollarSign(country: String?) -> Currency? {
        switch country?.uppercased() {
        case "CO": return "COP"
        case "MX": return "MXN"
        case "AR": return "ARS"
        case "CL": return "CLP"
        case "UY": return "UYU"
        case "VE", "EC", "US", "SV", "PA", "PR": return "USD"
        default: return nil
        }
    }

    /// The currency a whole cell names (`USD`, `Bs`, `dólares`), for currency columns.
    static func currency(named text: String, country: String?) -> Currency? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (mark, currency) in marks where t == mark {
            return currency ?? dollarSign(country: country)
        }
        if let c = Currency(code: t) { return c }
        return nil
    }

    /// A currency named as a word in a header (`Monto USD`, `Saldo (Bs.)`).
    static func currency(inHeader folded: String) -> Currency? {
        let words = folded.split(separator: " ")
        for w in words {
            switch w {
            case "usd", "dolares", "us": return "USD"
            case "bs", "ves", "bolivares", "bss", "bsf": return "VES"
            case "cop": return "COP"
            case "eur", "euros": return "EUR"
            case "brl", "reais": return "BRL"
            case "mxn": return "MXN"
            case "pen", "soles": return "PEN"
            case "clp": return "CLP"
            case "ars": return "ARS"
            default: continue
            }
        }
        return nil
    }
}
