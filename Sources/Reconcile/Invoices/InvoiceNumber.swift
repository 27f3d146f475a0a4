/// Normalizes document numbers so copies from different sources meet: `F-0012`, `FAC 12`,
/// `No. 00012`, `Factura Nº 12` → `12`; a series letter stays (`A-0012` → `A12`).
public enum InvoiceNumber {
    /// Prefixes that name the document kind or "number", not the number itself (longest first).
    static let prefixes = ["FACTURA", "FACT", "FAC", "FTRA", "FRA", "FCT", "FE", "FA", "FT", "F", "NUMERO", "NUM", "NRO", "NO", "N",
                           "INVOICE", "INV", "DOC"]

    /// A number written after a series (`F001-105` in Peru, `2024/0105` in Spain, `A 0001-00000105`
    /// in Argentina) keeps its series, and only the number loses its zeros: `F001-00000105` meets
    /// `F001-105`, never `1105` nor `E001-105` nor `0001-105`.
    public static func normalize(_ raw: String) -> String {
        if let (series, number) = seriesAndNumber(raw) { return series + "-" + plain(number) }
        return plain(raw)
    }

    /// The series and the number of `raw` when its last separator splits digits from a part that
    /// ends in a token with digits (`F001`, `2024`, `0001`, after a type letter `A`).
    static func seriesAndNumber(_ raw: String) -> (String, String)? {
        func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        let chars = Array(raw.uppercased())
        guard let cut = chars.lastIndex(where: { !isAlphanumeric($0) }) else { return nil }
        let number = chars[(cut + 1)...]
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let tokens = chars[..<cut].split(whereSeparator: { !isAlphanumeric($0) }).map { String($0) }
        guard let last = tokens.last, last.contains(where: \.isNumber) else { return nil }
        var series = last
        // A type letter before a point of sale (`A 0001-…`); not `N` (`Nº 2024-105` is a number sign).
        if tokens.count >= 2, let letter = tokens[tokens.count - 2].first, tokens[tokens.count - 2].count == 1,
           letter.isLetter, letter != "N" {
            series = String(letter) + series
        }
        // A series glued to a document word (`FAC2024`) is the year or point of sale alone.
        if series.first?.isLetter == true, series.count > 5 { return nil }
        return (series, String(number))
    }

    static func plain(_ raw: String) -> String {
        var s = ""
        for c in raw.uppercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { s.append(c) }
            else if c == "º" || c == "°" { continue }
        }
        // Drop known prefixes, repeatedly (`FAC NO 12`), but only when digits follow.
        var changed = true
        while changed {
            changed = false
            for p in prefixes where s.hasPrefix(p) {
                let rest = s.dropFirst(p.count)
                let digitsFollow = rest.first?.isNumber == true
                let prefixFollows = prefixes.contains { rest.hasPrefix($0) && rest.dropFirst($0.count).first?.isNumber == true }
                if digitsFollow || prefixFollows { s = String(rest); changed = true; break }
            }
        }
        // Strip leading zeros of the first digit run: `A0012` → `A12`, `00012` → `12`, `000` → `0`.
        let chars = Array(s)
        guard let start = chars.firstIndex(where: \.isNumber) else { return s }
        var end = start
        while end < chars.count && chars[end].isNumber { end += 1 }
        var z = start
        while z < end - 1 && chars[z] == "0" { z += 1 }
        return String(chars[..<start]) + String(chars[z...])
    }
}
