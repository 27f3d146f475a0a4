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
        return joinInitials(out)
    }

    /// `r i f` (from `R.I.F.`) → `rif`: runs of two or more single letters are one abbreviation.
    static func joinInitials(_ folded: String) -> String {
        let words = folded.split(separator: " ")
        guard words.count >= 2, words.contains(where: { $0.count == 1 }) else { return folded }
        var out: [String] = [], run = ""
        func flush() {
            if run.count == 1 { out.append(run) } else if !run.isEmpty { out.append(run) }
            run = ""
        }
        for (i, w) in words.enumerated() {
            let single = w.count == 1
            let neighbourSingle = (i > 0 && words[i - 1].count == 1) || (i + 1 < words.count && words[i + 1].count == 1)
            if single && neighbourSingle { run += w } else { flush(); out.append(String(w)) }
        }
        flush()
        return out.joined(separator: " ")
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
