import Tabular

/// The bucket columns of an aging report (`Por vencer`, `1-30`, `31-60`, `61-90`, `Más de 90`):
/// each row's open balance stands in the bucket its age falls in. A report with such columns and
/// no balance column of its own gives each document's balance as the sum of its buckets (in
/// practice, the one that is filled).
enum AgingBuckets {
    /// Whether a header names an aging bucket: a range of days (`1-30`, `31 - 60 días`, `De 31 a
    /// 60`), an open end (`+90`, `> 90`, `Más de 90`, `91 o más`, `120+`), or the not-yet-due
    /// bucket (`Por vencer`, `Corriente`, `Vigente`, `No vencido`, `Current`), in Spanish, English
    /// and Portuguese (`91 and over`, `Acima de 90 dias`, Xero's `1 Month` and `Older`).
    static func isBucketHeader(_ text: String) -> Bool {
        let raw = text.trimmingWhitespace
        if let first = raw.first, "+><≥".contains(first), Self.isDays(raw.dropFirst()) { return true }
        if raw.hasSuffix("+"), Self.isDays(raw.dropLast()) { return true }
        let folded = TextFolding.fold(raw)
        if currentWords.contains(folded) || oldestWords.contains(folded) { return true }
        // (Digits and letters apart: folding joins single characters, `1 a 30` into `1a 30`.)
        let tokens = tokensOf(folded).filter { !noiseWords.contains($0) }
        let numbers = tokens.filter { $0.allSatisfy(\.isASCIIDigit) && (1...4).contains($0.count) }
        let words = tokens.filter { !$0.allSatisfy(\.isASCIIDigit) }
        switch (numbers.count, words) {
        case (2, []): return true                                     // 1-30, De 31 a 60 días
        case (1, let w) where w.count == 1 && openWords.contains(w[0]): return true  // Más de 90, 91 o más
        // 30 días, 60 días; Vencido 30, Vencido +90 (a lone number of days past due).
        case (1, []) where tokensOf(folded).contains(where: { dayWords.contains($0) || overdueWords.contains($0) }): return true
        default: return false
        }
    }

    private static func isDays(_ s: Substring) -> Bool {
        let t = s.trimmingCharacters(in: " ")
        let digits = t.prefix(while: \.isASCIIDigit)
        guard (1...4).contains(digits.count) else { return false }
        let rest = TextFolding.fold(String(t.dropFirst(digits.count)))
        return rest.isEmpty || noiseWords.contains(rest)
    }

    static let currentWords: Set<String> = [
        "por vencer", "corriente", "vigente", "no vencido", "no vencida", "sin vencer", "a vencer", "al dia", "current",
        "not due", "not yet due", "0 dias", "a vencer 0 dias", "dentro del plazo", "en plazo", "actual",
    ]
    /// Words around the numbers that say nothing more: `días`, `vencidos`, `de`, `a`.
    static let noiseWords: Set<String> = [
        "dias", "dia", "days", "d", "vencidos", "vencido", "vencidas", "vencida", "de", "a", "to", "atraso", "mora",
        "overdue", "past", "due", "entre", "y", "o", "or", "atrasados", "and", "e", "ate", "month", "months", "mes", "meses",
        "atrasado", "atrasadas",
    ]
    /// Words that make a lone number the days a bucket is past due (`Vencido 30`, `Atraso 60`).
    static let overdueWords: Set<String> = ["vencido", "vencidos", "vencida", "vencidas", "atraso", "atrasado", "atrasados",
                                            "atrasadas", "mora", "overdue", "past"]
    /// Words that make a lone number a number of days (or months: Xero's `1 Month`, `2 Months`).
    static let dayWords: Set<String> = ["dias", "dia", "days", "month", "months", "mes", "meses"]
    private static func tokensOf(_ folded: String) -> [String] {
        folded.split(separator: " ").flatMap { word -> [String] in
            var parts: [String] = [], current = ""
            for c in word {
                if let last = current.last, last.isASCIIDigit != c.isASCIIDigit { parts.append(current); current = "" }
                current.append(c)
            }
            return parts + [current]
        }
    }
    static let openWords: Set<String> = ["mas", "mayor", "over", "more", "superior", "plus", "older", "arriba", "acima",
                                         "mais", "above", "beyond"]
    /// The oldest bucket named without its days (Xero's `Older`).
    static let oldestWords: Set<String> = ["older", "mas antiguo", "mas antiguos", "mais antigo", "mais antigos"]
}

private extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
