import Receivables

/// Currency marks written next to amounts (`Bs.`, `US$`, `R$`, `S/`, `€`, `COP`) and in headers
/// (`Monto (USD)`, `Saldo Bs`).
enum CurrencyToken {
    /// Marks and what they mean, longest first so `US$` is found before `$`. `nil` stands for a bare
    /// dollar sign, whose currency depends on the country
    /// (`Currency.dollarSign(country:currency:)`, the rule the notes reader follows too).
    ///
    /// Venezuela's three bolívars are three currencies: `Bs.F` the bolívar fuerte (VEF, to 2018),
    /// `Bs.S` the bolívar soberano (VES, 1 VES = 100,000 VEF) and `Bs.D` the bolívar digital (VED,
    /// from 2021); a bare `Bs.` is read as the one in use when ISO named it, VES.
    static let marks: [(String, Currency?)] = ([
        ("bs.s.", "VES"), ("bs.s", "VES"), ("bss.", "VES"), ("bss", "VES"), ("bs.", "VES"), ("bs", "VES"),
        ("ves", "VES"), ("bolivares", "VES"), ("bolívares", "VES"),
        ("bs.f.", "VEF"), ("bs.f", "VEF"), ("bsf.", "VEF"), ("bsf", "VEF"), ("vef", "VEF"),
        ("bs.d.", "VED"), ("bs.d", "VED"), ("bsd.", "VED"), ("bsd", "VED"), ("ved", "VED"),
        ("bs. digitales", "VED"), ("bs digitales", "VED"), ("bolivares digitales", "VED"), ("bolívares digitales", "VED"),
        ("us$", "USD"), ("u$s", "USD"), ("usd", "USD"), ("dolares", "USD"), ("dólares", "USD"), ("dls", "USD"),
        ("dolar", "USD"), ("dólar", "USD"), ("u.s.d.", "USD"), ("u.s.d", "USD"), ("euro", "EUR"),
        ("r$", "BRL"), ("brl", "BRL"), ("s/.", "PEN"), ("s/", "PEN"), ("pen", "PEN"), ("soles", "PEN"),
        ("€", "EUR"), ("eur", "EUR"), ("euros", "EUR"), ("cop", "COP"), ("col$", "COP"), ("mxn", "MXN"),
        ("mx$", "MXN"), ("clp", "CLP"), ("ars", "ARS"), ("uyu", "UYU"), ("gbp", "GBP"), ("£", "GBP"),
        // Central America and the Caribbean: quetzal, colón, córdoba, balboa, Dominican peso; guaraní.
        // The quetzal's `Q` only with its point or a space after it: `Q1` is a quarter, not an amount.
        ("q.", "GTQ"), ("q ", "GTQ"), ("₡", "CRC"), ("c$", "NIO"), ("b/.", "PAB"), ("rd$", "DOP"),
        ("₲", "PYG"), ("gs.", "PYG"), ("$u", "UYU"), ("ar$", "ARS"), ("¢", "CRC"), ("bs.b", "BOB"),
        ("$", nil),
    ] as [(String, Currency?)]).sorted { $0.0.count > $1.0.count }

    /// The currency a whole cell names (`USD`, `Bs`, `dólares`), for currency columns: a mark, or an
    /// ISO 4217 code (``Currency/isKnown``; three letters alone, `XYZ`, name nothing).
    static func currency(named text: String, country: String?) -> Currency? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let one = currency(namedBy: t, country: country) { return one }
        // A dollar sign beside a code, or two names of one currency (`$ USD`, `USD $`, `US$ USD`).
        let words = t.split(separator: " ").map(String.init)
        guard words.count == 2, let a = currency(namedBy: words[0], country: country),
              let b = currency(namedBy: words[1], country: country) else { return nil }
        if a == b { return a }
        return words[0] == "$" ? b : words[1] == "$" ? a : nil
    }

    /// A lowercased cell that is one mark or code.
    private static func currency(namedBy t: String, country: String?) -> Currency? {
        for (mark, currency) in marks where t == mark {
            return currency.map { local($0, mark: mark, country: country) } ?? Currency.dollarSign(country: country)
        }
        if let country, let meant = nationalOrForeign(t, country: country) { return meant }
        return Currency(knownCode: t)
    }

    /// The currencies of the countries whose books write `MN` (moneda nacional) in a currency
    /// column: Peru's Concar and SUNAT books, Mexico's `M.N.`.
    static let nationalCurrencies: [String: Currency] = [
        "PE": "PEN", "MX": "MXN", "CO": "COP", "AR": "ARS", "CL": "CLP", "BO": "BOB", "GT": "GTQ", "HN": "HNL",
        "NI": "NIO", "CR": "CRC", "DO": "DOP", "PY": "PYG", "UY": "UYU", "VE": "VES",
    ]

    /// `MN`/`M.N.` where the country tells what is national; `MXP`, the peso's code before 1993,
    /// which SAP Business One in Mexico still writes. (`ME`, moneda extranjera, names no currency:
    /// Concar writes it beside amounts in soles, the dollars in a column of their own.)
    static func nationalOrForeign(_ t: String, country: String) -> Currency? {
        switch t {
        case "mn", "m.n.", "m.n", "moneda nacional": return nationalCurrencies[country.uppercased()]
        case "mxp": return country.uppercased() == "MX" ? "MXN" : nil
        default: return nil
        }
    }

    /// What a mark means where the data comes from: Bolivia writes its boliviano `Bs.` as
    /// Venezuela writes its bolívar, so a bare `Bs.` in Bolivian data is BOB (`Bs.S`, `VES` and
    /// `bolívares` still name the bolívar).
    static func local(_ currency: Currency, mark: String, country: String?) -> Currency {
        country?.uppercased() == "BO" && ["bs", "bs."].contains(mark) ? "BOB" : currency
    }

    /// An ISO 4217 code (``Currency/isKnown``) written as a word before or after an amount's
    /// digits (`JPY 1200`, `1.200 CHF`, `VED 3,50`): the code and the text without it. `BsD` is
    /// the bolívar digital's mark (VED, in ``marks``), not the Bahamian dollar's code: receivables
    /// written in Spanish mean the one, never the other.
    static func code(around text: String) -> (Currency, rest: Substring)? {
        let letters = { (s: Substring) in
            s.utf8.count == 3 && s.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } && s.lowercased() != "bsd"
        }
        let head = text.prefix(3), tail = text.suffix(3)
        // Only as a word of its own: `ABC1` or `1ABC` could be anything.
        if letters(head), text.dropFirst(3).first.map({ $0 == " " || $0.isASCIIDigit }) ?? false,
           let c = Currency(knownCode: head) {
            return (c, text.dropFirst(3))
        }
        if letters(tail), text.dropLast(3).last.map({ $0 == " " || $0.isASCIIDigit }) ?? false,
           let c = Currency(knownCode: tail) {
            return (c, text.dropLast(3))
        }
        return nil
    }

    /// A currency a header names (`Monto USD`, `Saldo (Bs.)`), or marks with a sign folding drops:
    /// `R$` is BRL, `US$` USD, and a bare `$` what it means where the data comes from
    /// (``Currency/dollarSign(country:currency:)``: USD in Venezuela, COP in Colombia).
    static func currency(inHeaderText raw: String, country: String?, currency configured: Currency? = nil) -> Currency? {
        if let named = currency(inHeader: TextFolding.fold(raw)) {
            let bare = TextFolding.fold(raw).split(separator: " ").contains("bs") && !TextFolding.fold(raw).contains("bs s")
            return bare && named == "VES" ? local(named, mark: "bs", country: country) : named
        }
        guard raw.contains("$") else { return nil }
        let upper = raw.uppercased()
        if upper.contains("R$") { return "BRL" }
        if upper.contains("US$") || upper.contains("U$S") { return "USD" }
        return Currency.dollarSign(country: country, currency: configured)
    }

    /// A currency named as a word in a header (`Monto USD`, `Saldo (Bs.)`, `Monto Bs.F.`).
    static func currency(inHeader folded: String) -> Currency? {
        let words = folded.split(separator: " ")
        for (i, w) in words.enumerated() {
            switch w {
            case "usd", "dolares", "us": return "USD"
            case "bs":
                // `Bs.F.` and `Bs.D.` fold to `bs f` and `bs d`: the letter names the bolívar.
                let next = i + 1 < words.count ? words[i + 1] : ""
                return next == "f" ? "VEF" : next == "d" ? "VED" : "VES"
            case "ves", "bolivares", "bss": return "VES"
            case "bsd", "ved": return "VED"
            case "bsf", "vef": return "VEF"
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

    /// The currency of an amount whose cell reads as `read` (``AmountParser/Parsed/currency``) in a
    /// row whose currency column names `rowCurrency`: a bare dollar sign (`$ 2.320,00`, `$ -`) is
    /// only the generic sign, which the country reads when nothing else names the currency, so the
    /// row's `USD` or `Dólares` wins over the `MXN` or `ARS` the country made of it (as it wins
    /// over a workbook's `"$"` number format, and as the sign means nothing without a country). A
    /// mark of its own (`US$`, `MXN`, `R$`) stays the cell's.
    static func resolvingBareDollar(_ read: Currency?, written: some Sequence<UInt8>, rowCurrency: Currency?) -> Currency? {
        guard let read, let rowCurrency, read != rowCurrency, isBareDollar(written) else { return read }
        return rowCurrency
    }

    /// Whether an amount's text names its currency by a lone `$` and nothing else: besides it only
    /// digits, separators, signs, parentheses and spaces (`$ 1.234,56`, `-$1,234.56`, `(1.500 $)`,
    /// `$ -`). Any other byte (a letter of `US$`, `MX$`, `$U`, `CR`; any non-ASCII) leaves the
    /// reading as it was.
    static func isBareDollar(_ written: some Sequence<UInt8>) -> Bool {
        var dollars = 0
        for b in written {
            switch b {
            case UInt8(ascii: "$"): dollars += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " "),
                 UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"), 0x09:
                continue
            default: return false
            }
        }
        return dollars == 1
    }
}
