import Foundation

/// Invoice numbers, phones, emails and tax IDs mentioned in an entry's text.
enum MentionExtractor {
    /// `factura 123`, `factura nº 123`, `FAC-00123`, `F-123`, `NF 456`, `nota fiscal 456`, `invoice #12`.
    static func invoices(_ text: String) -> [String] {
        var out: [String] = []
        for (number, _) in keywordNumbers(text) { out.append(number) }
        for m in codeInvoice.matches(in: text) {
            out.append(m.text.uppercased())
        }
        return unique(out)
    }

    /// Where `invoices(_:)` finds each invoice number in `text` (`123` of `factura 123`, all of
    /// `FAC-00123`), so no other extractor reads it as something else.
    static func invoiceRanges(_ text: String) -> [Range<String.Index>] {
        keywordNumbers(text).map(\.range) + codeInvoice.matches(in: text).map(\.range)
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
    private static let codeInvoice = Pattern(#"\b(?:FAC|FACT|FT|FV|INV|NF|F|B|NC|ND)-\d{1,10}\b"#)
    // Not inside a file name or a code (`PHOTO-2024-04-08-10-46`): no word, `-` or `/` around it.
    private static let phone = Pattern(#"(?<![\w/.,\-])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)\s?)?\d{2,5}(?:[\s.\-]\d{2,8}){1,4}(?![\w/\-]|\.\w)|(?<![\w/.,])\+\d{8,15}\b|(?<![\w/.,\-])0\d{9,11}(?![\w/\-])"#)
    private static let email = Pattern(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#)
    private static let rif = Pattern(#"\b[VJEGP]-?\d{7,9}-?\d\b"#)
    private static let cnpjCpf = Pattern(#"\b\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}\b|\b\d{3}\.\d{3}\.\d{3}-\d{2}\b"#)
    private static let labelled = Pattern(#"\b(?:rif|nit|ruc|rut|cuit|rfc|cpf|cnpj)\s*[:.#]?\s*([A-Z]?-?[\d.\-/]{6,20}\d)"#)
}
