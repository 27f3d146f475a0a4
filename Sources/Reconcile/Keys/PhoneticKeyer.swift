/// A Spanish phonetic key for names (in the spirit of Soundex/Metaphone, tuned to Spanish
/// spelling), used only to propose candidate pairs: words that sound alike share a key.
///
/// Rules: `ñ`→`n`, silent `h` dropped, `v`→`b`, `z`/`ce`/`ci`→`s`, `ll`/`y`→`y`, `qu`/`k`/`ca`→`k`,
/// `ge`/`gi`/`j`→`j`, `ch`→`x`, doubled letters collapsed, vowels after the first letter dropped.
/// Every code letter maps to itself, so the keyer is idempotent.
public struct PhoneticKeyer: Keyer {
    public init() {}
    public var name: String { "phonetic_es" }

    public func key(_ value: String) -> String {
        let tokens = LegalForms.strip(TextFolding.tokens(value)).name
        return Array(Set(tokens.map(Self.word))).sorted().joined(separator: " ")
    }

    /// The phonetic code of one folded word.
    static func word(_ w: String) -> String {
        let chars = Array(w.unicodeScalars).map { $0 == "ñ" ? Character("n") : Character($0) }
        var out: [Character] = []
        var i = 0
        func next(_ k: Int) -> Character? { i + k < chars.count ? chars[i + k] : nil }
        while i < chars.count {
            let c = chars[i]
            var code: Character? = c
            var skip = 1
            switch c {
            case "h": code = nil
            case "v", "w": code = "b"
            case "z": code = "s"
            case "c":
                if let n = next(1), n == "e" || n == "i" { code = "s" }
                else if next(1) == "h" { code = "x"; skip = 2 }
                else { code = "k" }
            case "q": code = "k"; if next(1) == "u" { skip = 2 }
            case "g": if let n = next(1), n == "e" || n == "i" { code = "j" }
            case "l": if next(1) == "l" { code = "y"; skip = 2 }
            default: break
            }
            if let code {
                let isVowel = "aeiou".contains(code)
                if !(isVowel && !out.isEmpty) && out.last != code { out.append(code) }
            }
            i += skip
        }
        return String(out)
    }
}
