/// Header and keyword comparison ignores case, accents and punctuation: `Nº Factura`,
/// `N° factura`, `# Factura` and `no. FACTURA` all fold to `no factura`.
enum TextFolding {
    /// Lower-cased, accents removed, anything but letters and digits turned into single spaces.
    /// The number sign `#` is the word `no`, as `Nº` and `N°` are (`º` and `°` fold to `o`), so
    /// `Inv #` and `Inv. No.` are the same header.
    static func fold(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return joinInitials(foldASCII(text.utf8)) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var mapped: String
            if let m = accentMap[scalar] {
                mapped = m
            } else if scalar == "#" {
                // A word of its own: `Factura#1` → `factura no 1`.
                if !out.isEmpty { out += " " }
                out += numberWord; pendingSpace = true; continue
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

    /// ``fold(_:)`` for ASCII text, on bytes.
    static func foldASCII(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for b in bytes {
            let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(lower)
            } else if b == 0x23 {  // `#`: the word `no` (see ``fold(_:)``)
                if !out.isEmpty { out.append(0x20) }
                out += numberWord.utf8; pendingSpace = true
            } else {
                pendingSpace = !out.isEmpty
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``fold(_:)`` with words written together in camelCase told apart (`NumeroFactura`,
    /// `InvoiceID` → `numero factura`, `invoice id`); `nil` when the text has no such joint. A
    /// header is matched this way only when its plain fold names nothing: `WhatsApp` is a word.
    static func foldCamelCase(_ text: some StringProtocol) -> String? {
        var spaced = "", previousLower = false, split = false
        for ch in text {
            if ch.isUppercase && previousLower { spaced.append(" "); split = true }
            spaced.append(ch)
            previousLower = ch.isLowercase
        }
        return split ? fold(spaced) : nil
    }

    /// What `#` folds to: the number mark spelled as `Nº` folds.
    static let numberWord = "no"

    /// A cheap necessary condition for `fold(text) == folded`: the first letter or digit agrees
    /// (accented first letters are let through to the full comparison; so is `#`, which folds to a word).
    static func mayFoldTo(_ text: some Sequence<UInt8>, _ folded: String) -> Bool {
        mayFoldTo(text, first: folded.utf8.first)
    }

    /// ``mayFoldTo(_:_:)`` given the folded text's first byte (`nil`: the text is empty), for a
    /// check repeated on every row.
    static func mayFoldTo(_ text: some Sequence<UInt8>, first folded: UInt8?) -> Bool {
        guard let first = text.first(where: { $0 >= 0x80 || $0 == 0x23 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) })
        else { return folded == nil }
        if first >= 0x80 || first == 0x23 { return true }
        let lower = (first >= 0x41 && first <= 0x5A) ? first | 0x20 : first
        return folded == lower
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
