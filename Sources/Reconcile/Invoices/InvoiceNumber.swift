/// Normalizes document numbers so copies from different sources meet: `F-0012`, `FAC 12`,
/// `No. 00012`, `Factura Nº 12` → `12`; a series letter stays (`A-0012` → `A12`).
public enum InvoiceNumber {
    /// Prefixes that name the document kind or "number", not the number itself (longest first).
    static let prefixes = ["FACTURA", "FACT", "FAC", "FTRA", "FRA", "FCT", "FE", "FA", "FT", "F", "NUMERO", "NUM", "NRO", "NO", "N",
                           "INVOICE", "INV", "DOC"]

    public static func normalize(_ raw: String) -> String {
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
