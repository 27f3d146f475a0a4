/// Finds a rules phrase in tokenized text. A match stays within one sentence; `..` skips up to
/// three words of the same clause (so `no pagó, pero promete` does not read as `no pag* .. promet*`).
enum PhraseMatcher {
    static let maxGap = 3

    /// Start and end (exclusive) token indices of every match.
    static func matches(_ phrase: OutcomeRules.Phrase, in words: WordTokens) -> [Range<Int>] {
        guard !phrase.parts.isEmpty else { return [] }
        var out: [Range<Int>] = []
        let t = words.tokens
        let first: String? = switch phrase.parts[0] {
        case .word(let w): w
        case .written(_, let folded): folded
        default: nil
        }
        if let first {
            // Most phrases start with a plain word: try only where it occurs.
            var next = 0
            for i in words.positions[first] ?? [] where i >= next {
                if let end = match(phrase.parts[...], t, at: i, sentence: t[i].sentence) {
                    out.append(i..<end)
                    next = end
                }
            }
            return out
        }
        var i = 0
        while i < t.count {
            if let end = match(phrase.parts[...], t, at: i, sentence: t[i].sentence) {
                out.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    private static func match(_ parts: ArraySlice<OutcomeRules.Phrase.Part>, _ t: [WordTokens.Token], at i: Int,
                              sentence: Int) -> Int? {
        guard let part = parts.first else { return i }
        let rest = parts.dropFirst()
        if case .gap = part {
            for skip in 0...maxGap {
                let j = i + skip
                guard j <= t.count else { break }
                if j > i && (t[j - 1].sentence != sentence || (i > 0 && t[j - 1].clause != t[i - 1].clause)) { break }
                if let end = match(rest, t, at: j, sentence: sentence) { return end }
            }
            return nil
        }
        guard i < t.count, t[i].sentence == sentence else { return nil }
        let ok: Bool
        switch part {
        case .word(let w): ok = t[i].text == w
        case .written(let w, _): ok = t[i].written == w
        case .prefix(let p): ok = t[i].text.hasPrefix(p) && !t[i].isNumber
        case .number: ok = t[i].isNumber
        case .gap: ok = false
        }
        return ok ? match(rest, t, at: i + 1, sentence: sentence) : nil
    }
}
