import Foundation

/// Folds free text into lowercase ASCII-ish tokens for matching.
///
/// Steps follow OpenRefine's fingerprint keyer: trim, lowercase, strip diacritics, map letters
/// that don't decompose (ß→ss, æ→ae, ø→o, œ→oe), drop punctuation, split on whitespace.
///
/// **`ñ` decision.** `ñ` stays distinct from `n` in folded text, so an *exact* name level needs
/// the same letter ("Peña" ≠ "Pena" exactly, yet they still reach the close Jaro–Winkler level,
/// one letter apart). The phonetic keyer, which only proposes candidate pairs, maps `ñ` to `n`,
/// because keyboards without `ñ` are the usual reason the two differ. So `ñ` matters where it
/// distinguishes words (`año`/`ano`, `Peña`/`Pena` as different families) and costs nothing
/// where it's a typing accident.
///
/// Dots and apostrophes join (`S.A.` → `sa`, `O'Brien` → `obrien`) because legal forms and
/// initials are written with them; every other punctuation mark separates words.
public enum TextFolding {
    /// The folded tokens of `text`, in their original order.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { tokens.append(String(current)); current = String.UnicodeScalarView() }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                switch v {
                case 0x30...0x39, 0x61...0x7A: current.append(scalar)
                case 0x41...0x5A: current.append(Unicode.Scalar(v + 32)!)
                case 0x2E, 0x27, 0x60: continue // . ' ` join
                case 0x26: flush(); tokens.append("y"); // & reads as "y" in Spanish names
                default: flush()
                }
                continue
            }
            switch v {
            case 0xF1, 0xD1: current.append("ñ")
            case 0xDF: current.unicodeScalars_append("ss")
            case 0xE6, 0xC6: current.unicodeScalars_append("ae")
            case 0x153, 0x152: current.unicodeScalars_append("oe")
            case 0xF8, 0xD8: current.append("o")
            case 0x2019, 0x2018, 0xB4: continue // typographic apostrophes join like '
            case 0xAA: current.append("a") // ª in "Cª"
            case 0xBA, 0xB0: current.append("o") // º ° in "Nº"
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    let lower = scalar.properties.lowercaseMapping
                    for s in lower.decomposedStringWithCanonicalMapping.unicodeScalars
                    where s.properties.canonicalCombiningClass == .notReordered
                        && !s.properties.isDiacritic {
                        current.append(s)
                    }
                } else if scalar.properties.isDiacritic || scalar.properties.generalCategory == .nonspacingMark {
                    continue // combining accents of decomposed input
                } else {
                    flush()
                }
            }
        }
        flush()
        return tokens
    }

    /// Tokens joined by one space.
    public static func fold(_ text: String) -> String { tokens(text).joined(separator: " ") }
}

extension String.UnicodeScalarView {
    fileprivate mutating func unicodeScalars_append(_ s: String) { append(contentsOf: s.unicodeScalars) }
}
