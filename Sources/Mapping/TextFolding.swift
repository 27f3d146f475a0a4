/// Header and keyword comparison ignores case, accents and punctuation: `Nº Factura`,
/// `N° factura` and `no. FACTURA` all fold to `n factura` / `no factura`.
enum TextFolding {
    /// Lower-cased, accents removed, anything but letters and digits turned into single spaces.
    static func fold(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var mapped: String
            if let m = accentMap[scalar] {
                mapped = m
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                mapped = String(scalar).lowercased()
            } else {
                pendingSpace = !out.isEmpty; continue
            }
            if pendingSpace { out += " "; pendingSpace = false }
            if mapped.isEmpty { continue }
            out += mapped
        }
        return out
    }

    /// Letters with diacritics that appear in Spanish, Portuguese, French and German headers.
    static let accentMap: [Unicode.Scalar: String] = {
        var m: [Unicode.Scalar: String] = [:]
        let pairs: [(String, String)] = [
            ("áàâäãåÁÀÂÄÃÅª", "a"), ("éèêëÉÈÊË", "e"), ("íìîïÍÌÎÏ", "i"), ("óòôöõÓÒÔÖÕº°", "o"),
            ("úùûüÚÙÛÜ", "u"), ("ñÑ", "n"), ("çÇ", "c"), ("ýÿÝ", "y"),
        ]
        for (chars, base) in pairs { for s in chars.unicodeScalars { m[s] = base } }
        m["ß"] = "ss"; m["æ"] = "ae"; m["Æ"] = "ae"; m["ø"] = "o"; m["Ø"] = "o"
        // Combining marks (from decomposed text) vanish.
        for v in 0x300...0x36F { if let s = Unicode.Scalar(v) { m[s] = "" } }
        return m
    }()

    /// Whether `folded` contains `word` (also folded) as whole words.
    static func containsWords(_ folded: String, _ word: String) -> Bool {
        if folded == word { return true }
        return (" " + folded + " ").contains(" " + word + " ")
    }
}
