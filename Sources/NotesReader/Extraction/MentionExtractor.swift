import Foundation

/// Invoice numbers, phones, emails and tax IDs mentioned in an entry's text.
enum MentionExtractor {
    /// `factura 123`, `factura nº 123`, `FAC-00123`, `F-123`, `NF 456`, `nota fiscal 456`, `invoice #12`,
    /// and document numbers written bare (`pagó la FE-1002`, `debe FE1031 y FE1032`, `F001-00012345`).
    static func invoices(_ text: String) -> [String] {
        let announced = keywordNumbers(text)
        var out = announced.map(\.number)
        // `factura FE-1002` is read once, as written after the word.
        for r in bareCodeRanges(text) where !announced.contains(where: { $0.range.overlaps(r) }) {
            out.append(text[r].uppercased())
        }
        return unique(out)
    }

    /// Where `invoices(_:)` finds each invoice number in `text` (`123` of `factura 123`, all of
    /// `FAC-00123`), so no other extractor reads it as something else.
    static func invoiceRanges(_ text: String) -> [Range<String.Index>] {
        keywordNumbers(text).map(\.range) + bareCodeRanges(text)
    }

    /// Document numbers written without an invoice word before them. A known document prefix
    /// (`FE-1002`, `FE1031`, `NC-12`, `F001-00012345`) is one anywhere; other capitals
    /// (`A-00001000`) only where the text speaks of a document (`la factura … la A-00001000`),
    /// and never a tax or identity number (`J-30123456-7`, `V-12345678`, `CI12345678`) nor an
    /// amount with its currency code (`USD500`).
    static func bareCodeRanges(_ text: String) -> [Range<String.Index>] {
        var out = codeInvoice.matches(in: text).map(\.range)
        guard documentWord.firstMatch(in: text) != nil else { return out }
        let ids = rif.matches(in: text).map(\.range)
        for m in otherCode.matches(in: text) {
            guard let letters = m.group(1), let digits = m.group(2),
                  !out.contains(where: { $0.overlaps(m.range) }), !ids.contains(where: { $0.overlaps(m.range) }),
                  !notDocumentPrefixes.contains(letters),
                  // A Venezuelan cédula or RIF may be written without its check digit (`V-1234567`).
                  !(letters.count == 1 && "VJEGP".contains(letters) && digits.count >= 6) else { continue }
            out.append(m.range)
        }
        return out
    }

    /// The numbers an invoice word announces, with where each is: the first (`factura 00112`) and
    /// those listed after it (`facturas 00112 y 00113`, `fact. 00112/00113`, `00112, 00113 y 00114`).
    static func keywordNumbers(_ text: String) -> [(number: String, range: Range<String.Index>)] {
        var out: [(String, Range<String.Index>)] = []
        for m in keywordInvoice.matches(in: text) {
            guard let r = m.groups[0], let n = m.group(1) else { continue }
            out.append((n, r))
            var end = r.upperBound
            while let next = listedInvoice.firstMatch(in: String(text[end...])), let nr = next.groups[0], let number = next.group(1) {
                let tail = text[end...]
                let lower = tail.index(tail.startIndex, offsetBy: next.source.distance(from: next.source.startIndex, to: nr.lowerBound))
                let upper = tail.index(lower, offsetBy: number.count)
                out.append((number, lower..<upper))
                end = upper
            }
        }
        return out
    }

    /// Phones with at least 7 digits: `+58 412-555-1234`, `0414-555.12.34`, `(11) 98765-4321`.
    static func phones(_ text: String) -> [String] {
        var out: [String] = []
        for m in phone.matches(in: text) {
            let raw = m.text.trimmingCharacters(in: .whitespaces)
            let digits = raw.filter(\.isNumber)
            guard (7...15).contains(digits.count) else { continue }
            // Dates and plain amounts are not phones: require a + prefix, a leading 0, a bracket,
            // or a separator between digit groups.
            guard raw.hasPrefix("+") || raw.hasPrefix("0") || raw.hasPrefix("(") || raw.contains("-") || raw.contains(" ") else { continue }
            out.append(normalizePhone(raw))
        }
        return unique(out)
    }

    static func emails(_ text: String) -> [String] {
        unique(email.matches(in: text).map { $0.text.lowercased() })
    }

    /// RIF (`J-12345678-9`), CNPJ (`12.345.678/0001-95`), CPF (`123.456.789-09`), and IDs after a
    /// label (`NIT 900123456-7`, `RUC 20123456789`).
    static func taxIDs(_ text: String) -> [String] {
        var out: [String] = []
        for m in rif.matches(in: text) { out.append(m.text.uppercased()) }
        for m in cnpjCpf.matches(in: text) { out.append(m.text) }
        for m in labelled.matches(in: text) { if let v = m.group(1) { out.append(v.uppercased()) } }
        return unique(out)
    }

    /// `+58 412-555-1234` → `+584125551234`; numbers without `+` keep their digits only.
    static func normalizePhone(_ raw: String) -> String {
        let digits = raw.filter(\.isNumber)
        return raw.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? "+" + digits : digits
    }

    private static func unique(_ a: [String]) -> [String] {
        var seen = Set<String>()
        return a.filter { seen.insert($0).inserted }
    }

    private static let keywordInvoice = Pattern(
        #"\b(?:facturas?|fact\.?|fac\.?|fatura|faturas|nota fiscal|notas fiscais|nf-?e?|invoices?|inv\.?|boleto|recibo)\s*(?:n[º°o.]?\.?\s*|nro\.?\s*|n[uú]mero\s*|#\s*)?:?\s*((?:[A-Z]{1,4}-?)?\d[\d\-]*)\b"#)
    /// Another number right after an announced one: `/00113`, `, 00113`, ` y 00113` (three digits at least).
    private static let listedInvoice = Pattern(#"^\s*(?:/|,|y|e|and|&)\s*((?:[A-Z]{1,4}-?)?\d{3}[\d\-]*)\b"#)
    /// A known document prefix and its number: after a dash any length (`F-123`), joined to it two
    /// digits at least (`FE1031`, not `F1`), then perhaps a dashed part (`F001-00012345`). `B` is
    /// taken with its dash only (`B12` is a vitamin before it is a receipt).
    private static let codeInvoice = Pattern(
        #"\b(?:(?:FAC|FACT|FT|FV|FE|FC|INV|NF|F|B|NC|ND)-\d{1,10}|(?:FAC|FACT|FT|FV|FE|FC|INV|NF|F|NC|ND)\d{2,10})(?:-\d{1,10})?\b"#)
    /// Any other one to four capitals before a number of two digits at least (`A-00001000`,
    /// `E001-00012345`), read only beside a ``documentWord``: capitals, so `bs1500` is not one.
    private static let otherCode = Pattern(#"\b([A-Z]{1,4})-?(\d{2,12})(?:-\d{1,10})?\b"#, caseInsensitive: false)
    /// Words that say the text is about documents.
    private static let documentWord = Pattern(
        #"\b(?:facturas?|fact|fac|faturas?|notas? fiscal|notas? fiscais|notas? de (?:cr[eé]dito|d[eé]bito)|comprobantes?|documentos?|boletas?|recibos?|remisi[oó]n|remisiones|invoices?)\b"#)
    /// Capitals before digits that name an identity or tax number or a currency, not a document.
    private static let notDocumentPrefixes: Set<String> = [
        "CI", "CC", "CE", "TI", "DNI", "RIF", "NIT", "RUC", "RUT", "CUIT", "CUIL", "RFC", "CPF", "CNPJ",
        "BS", "BSS", "BSD", "BSF", "VES", "VED", "VEF", "USD", "US", "COP", "PEN", "BRL", "ARS", "MXN", "CLP", "EUR",
    ]
    // Not inside a file name or a code (`PHOTO-2024-04-08-10-46`): no word, `-` or `/` around it.
    private static let phone = Pattern(#"(?<![\w/.,\-])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)\s?)?\d{2,5}(?:[\s.\-]\d{2,8}){1,4}(?![\w/\-]|\.\w)|(?<![\w/.,])\+\d{8,15}\b|(?<![\w/.,\-])0\d{9,11}(?![\w/\-])"#)
    // Starts only where a run of its characters starts: tried at every letter of a long token
    // without `@`, it would read the rest of the token each time.
    private static let email = Pattern(#"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#)
    private static let rif = Pattern(#"\b[VJEGP]-?\d{7,9}-?\d\b"#)
    private static let cnpjCpf = Pattern(#"\b\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}\b|\b\d{3}\.\d{3}\.\d{3}-\d{2}\b"#)
    private static let labelled = Pattern(#"\b(?:rif|nit|ruc|rut|cuit|rfc|cpf|cnpj)\s*[:.#]?\s*([A-Z]?-?[\d.\-/]{6,20}\d)"#)
}
