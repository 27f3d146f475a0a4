import Foundation
import Receivables

/// Amounts mentioned in an entry: `$500`, `500$`, `Bs. 1.234,56`, `USD 200`, `500 dólares`,
/// `R$ 300,00`, `S/ 1.500`, spoken amounts (`500 mil`, `1,5 millones de bolívares`, `2k`: ``SpokenMultiplier``),
/// and a bare number right after a payment word (`pagar 500`).
///
/// A bare `$` is the currency `dollarSign` names (``NotesImportOptions/dollarSign``: the
/// configured country's, as for spreadsheet amounts); `US$`, `USD` and `dólares` are always USD;
/// `pesos` (and the slang `lucas`, `palos`) are `pesos` (``NotesImportOptions/pesos``), else the
/// default currency.
enum AmountExtractor {
    struct Found: Sendable, Equatable {
        var money: Money
        var confidence: Double
        var range: Range<String.Index>
    }

    /// The amounts in `text`, in order: those with a currency mark (confidence 0.9), spoken ones
    /// with a multiplier word but no mark right after a payment word (0.75), bare ones after a
    /// payment word and spoken ones anywhere else (0.6). Those without a mark take
    /// `defaultCurrency`. A number without a mark inside an invoice mention (`factura 4521 mil`,
    /// `F-500 mil`) is none.
    ///
    /// A spoken amount away from any payment word ranks no higher than a bare one next to a
    /// payment word, because ``RecordBuilder`` takes the most confident amount as the promise's:
    /// `le pago 300 el viernes por los 5 mil tornillos` promises 300, not 5,000 (ties go to the
    /// first amount written).
    static func extract(_ text: String, defaultCurrency: Currency?, dollarSign: Currency = .usd,
                        pesos: Currency? = nil, dayFirst: Bool = true) -> [Found] {
        let folded = NotesText.fold(text)
        var out: [Found] = []
        var taken: [Range<String.Index>] = []
        // The invoice patterns ignore case, so they find in `folded` what they find in `text`; all but
        // the one for other capitals (`A-00001000`), whose digits follow a letter or dash no amount does.
        let invoices = MentionExtractor.invoiceRanges(folded)
        let afterPaymentWord = bare.matches(in: folded).compactMap { $0.groups[1] }
        for m in marked.matches(in: folded) {
            let multiplier = m.group(3).flatMap(SpokenMultiplier.init(folded:))
            let symbol = m.group(1) ?? m.group(4) ?? m.group(5)
            if symbol == nil && (multiplier?.needsCurrency == true || invoices.contains { $0.overlaps(m.range) }) {
                taken.append(m.range) // `12 mm` is a size, `factura 4521` an invoice: no amount, spoken or bare
                continue
            }
            guard symbol != nil || multiplier != nil,
                  let numText = m.group(2), let number = parseNumber(numText) else { continue }
            var currency = defaultCurrency
            var confidence = afterPaymentWord.contains { $0.overlaps(m.range) } ? 0.75 : 0.6
            if let symbol {
                guard let named = self.currency(symbol, dollarSign: dollarSign, pesos: pesos) else { continue }
                currency = named ?? defaultCurrency
                confidence = 0.9
            } else if multiplier?.namesPesos == true {
                currency = pesos ?? defaultCurrency
            }
            let value = number * (multiplier?.factor ?? 1)
            out.append(Found(money: Money(value, currency), confidence: confidence, range: m.range))
            taken.append(m.range)
        }
        for m in bare.matches(in: folded) {
            guard let r = m.groups[1], !taken.contains(where: { $0.overlaps(r) }), !invoices.contains(where: { $0.overlaps(r) }),
                  let numText = m.group(2), let value = parseNumber(numText), value > 0,
                  !isDayAfterWeekday(numText, before: folded[..<r.lowerBound]) else { continue }
            // What is owed (`debe 1.200, promete pagar 300`) is no payment: below the promised amount.
            let owed = Self.debtWords.contains { folded[m.range].hasPrefix($0) }
            out.append(Found(money: Money(value, defaultCurrency), confidence: owed ? 0.5 : 0.6, range: r))
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `el viernes 21`: a day of the month after a weekday is the date the payment is for (as
    /// ``PromiseDateResolver`` reads it), not an amount. `el viernes 50`, `el viernes 300` are amounts.
    static func isDayAfterWeekday(_ number: String, before: Substring) -> Bool {
        guard number.count <= 2, let day = Int(number), (1...31).contains(day),
              let word = before.split(whereSeparator: { $0.isWhitespace || $0 == "," }).last else { return false }
        return Lexicon.weekday(named: String(word)) != nil
    }

    /// `1.234,56` and `1,234.56` → 1234.56; `300,00` → 300; `1.234` (three digits after a single
    /// separator) → 1234 — grouping, because money is rarely written with three decimals.
    static func parseNumber(_ s: String) -> Decimal? {
        let t = s.filter { $0 != " " }
        let dots = t.filter { $0 == "." }.count, commas = t.filter { $0 == "," }.count
        var plain: String
        if dots > 0 && commas > 0 {
            let lastDot = t.lastIndex(of: ".")!, lastComma = t.lastIndex(of: ",")!
            if lastComma > lastDot { plain = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") }
            else { plain = t.replacingOccurrences(of: ",", with: "") }
        } else if dots + commas == 0 {
            plain = t
        } else {
            let sep: Character = dots > 0 ? "." : ","
            let groups = t.split(separator: sep, omittingEmptySubsequences: false)
            if groups.count > 2 || (groups.count == 2 && groups[1].count == 3) {
                plain = t.filter { $0 != sep }
            } else {
                plain = t.replacingOccurrences(of: String(sep), with: ".")
            }
        }
        return Money.parsePlainDecimal(plain)
    }

    /// The currency a mark names: `.some(nil)` for a mark that names none by itself (`pesos` when
    /// `pesos` is nil: the default currency's), `nil` for text that is no mark.
    static func currency(_ symbol: String, dollarSign: Currency = .usd, pesos: Currency? = nil) -> Currency?? {
        let s = NotesText.squeeze(symbol).replacingOccurrences(of: " ", with: "")
        switch s {
        case "$": return .some(dollarSign)
        case "us$", "usd", "u$s", "dolares", "dolar", "dollars", "dollar", "dls", "usd$", "verdes": return .some(.usd)
        case "bs", "bs.", "bs.s", "bs.s.", "bss", "bolivares", "ves": return .some(.ves)
        // The bolívar digital (2021, 1 VED = 1,000,000 VES) and the fuerte (withdrawn 2018): other money.
        case "bsd", "bs.d", "bsd.", "bs.d.", "ved": return .some(Currency(code: "VED"))
        case "bsf", "bs.f", "bsf.", "bs.f.", "vef": return .some(Currency(code: "VEF"))
        case "r$", "brl", "reais", "real", "reales": return .some(Currency(code: "BRL"))
        case "pen", "soles", "s/", "s/.": return .some(Currency(code: "PEN"))
        case "€", "eur", "euros": return .some(.eur)
        case "cop", "col$": return .some(.cop)
        case "mxn": return .some(.mxn)
        case "pesos": return .some(pesos)
        default: return nil
        }
    }

    /// Words before a bare number that say what is owed, not paid.
    static let debtWords = ["debe", "deve", "saldo", "total", "monto"]

    // Thousands grouped by `.`, `,` or a space (`1 500,00`, as the RAE writes them). Grouped by a
    // space, the number needs its decimals or two groups (`1 500,00`, `1 500 000`): a day before
    // an amount is written the same way (`paga el 30 200$`, `el viernes 15 500$`).
    static let spaceGrouped = #"\d{1,3}(?: \d{3})+[.,]\d{1,2}|\d{1,3}(?: \d{3}){2,}"#
    private static let number = #"(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|"# + spaceGrouped + #"|\d+(?:[.,]\d{1,2})?)"#
    // `S/` and `S/.` are Peru's soles (`S/ 1.500`).
    private static let prefixSymbols = #"(r\$|us\$|u\$s|col\$|\$|€|s/\.?|bs\.?\s?s\.?|bs\.?[fd]?\.?|usd|brl|eur|ves|ved|vef|cop|mxn|pen)"#
    private static let suffixSymbols = #"(\$|€|usd|brl|eur|ves|ved|vef|cop|mxn|pen|bs\.?[fd]?\.?|bolivares|dolares|dolar|dollars|dls|reais|reales|euros|pesos|soles|verdes)"#
    // Groups: 1 prefix mark, 2 number, 3 multiplier word, 4 mark after the multiplier (`millones
    // de bolívares`), 5 mark right after the number. A number glued to another by `/ . , : -` is
    // part of a date, time or phone (`14/05`, `0414-500`), whatever follows it; one after letters
    // and a hyphen is a document's (`F-500`, `OC-500`).
    private static let marked = Pattern(
        #"(?<![\p{L}\d])(?:"# + prefixSymbols + #"\s?)?(?<!\d[:/.,\-])(?<!\p{L}[\-–])"# + number
        + #"(?:\s?("# + SpokenMultiplier.alternation + #")(?:\s?(?:de\s)?"# + suffixSymbols + #")?|\s?"# + currencyWordAfterDe
        + suffixSymbols + #")?(?![\p{L}\d])"#)
    // `3.500.000 de bolívares`, `1.200 de dólares`: a currency's name may follow `de`, as it does
    // after a multiplier (`2 millones de bolívares`); a mark (`de $`) does not.
    private static let currencyWordAfterDe = #"(?:de\s(?=(?:bolivares|dolares|dolar|dollars|reais|reales|euros|pesos|soles|verdes)\b))?"#
    // A number right after a payment verb or noun (or a promise), perhaps after the day it is for
    // (`le pago el viernes 300`, `le pago mañana: 300`, `le transfiero el lunes 25 400`, `paga el
    // 30 200`), not a date, time, percentage or invoice number. Colombia's `consignar` and `girar`
    // are payment verbs too (`le consigno el viernes 500`, `le giro 300`). A note may put the
    // amount in parentheses (`el resto (380) se lo pago`).
    private static let bare = Pattern(
        #"\b(?:pag\w*|abon\w*|deposit\w*|transf\w*|consign\w*|gir[eo]|cancel\w*|promet\w*|monto|saldo|debe|deve|total|quit\w*|pix|cuota|parcela|resto)"#
        + #"(?:\s+(?:(?:el|la|este|esta|esta\s+semana\s+el)\s+)?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|hoy|pasado\s+manana)(?:\s+\d{1,2}(?=\s+\d))?[,:]?"#
        + #"|\s+el\s+\d{1,2}(?=\s+\d)"#
        + #"|\s+(?:la\s+otra\s+semana|la\s+semana\s+que\s+viene|la\s+proxima\s+semana|el\s+mes\s+que\s+viene|el\s+proximo\s+mes"#
        + #"|(?:a\s+|para\s+)?fin\s+de\s+mes|(?:la|esta)\s+(?:proxima\s+)?quincena"#
        + #"|el\s+\d{1,2}\s+de\s+(?:"# + Lexicon.monthAlternation + #")|el\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?)[,:]?)?"#
        + #"(?:\s+\d{1,2}\s+(?:cuotas|pagos|partes|parcelas|abonos)\s+de)?"#
        + #"(?:\s+(?:de|do|da|un|uma|una|con|com|los|las|os|as))?\s+(?:\((?=[\d.,]+\)))?("#
        + #"(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|"# + spaceGrouped + #"|\d+(?:[.,]\d{1,2})?))(?![\d/:\-%]|\s?%|\)?\s+(?:cuotas?|facturas?|dias|meses|semanas|partes|pagos|veces|quincenas|parcelas|abonos|documentos)\b|\s?(?:de\s)?(?:"# + Lexicon.monthAlternation + #")\b|[.,]\d)"#)
}
