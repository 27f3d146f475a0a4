import Receivables

/// Classifies an entry's outcome with ``OutcomeRules``: every non-negated phrase adds its weight
/// to its outcome; the highest total wins.
struct OutcomeClassifier: Sendable {
    var rules: OutcomeRules

    struct Result: Sendable, Equatable {
        var outcome: ContactEvent.Outcome
        /// 0…1: how clearly the winner beat the runner-up.
        var confidence: Double
        /// The phrases that counted for the winner, as written in the rules.
        var evidence: [String]
    }

    func classify(_ text: String) -> Result {
        let words = markContrast(WordTokens(text))
        var scores: [ContactEvent.Outcome: Double] = [:]
        var evidence: [ContactEvent.Outcome: [String]] = [:]
        for rule in rules.rules {
            for phrase in rule.phrases {
                if let w = weight(of: phrase, in: words) {
                    scores[rule.outcome, default: 0] += w * phrase.weight
                    evidence[rule.outcome, default: []].append(phrase.text)
                }
            }
            for combo in rule.combinations {
                if let w = combinationWeight(combo, in: words) {
                    scores[rule.outcome, default: 0] += w * combo.weight
                    evidence[rule.outcome, default: []].append(combo.lexicons.joined(separator: "+"))
                }
            }
        }
        var best: ContactEvent.Outcome = .other, bestScore = 0.0, second = 0.0
        for rule in rules.rules {
            let s = scores[rule.outcome] ?? 0
            if s > bestScore { second = bestScore; bestScore = s; best = rule.outcome }
            else if s > second { second = s }
        }
        guard bestScore > 0 else { return Result(outcome: .other, confidence: 0.3, evidence: []) }
        let confidence = min(0.95, bestScore / (bestScore + second + 0.5))
        return Result(outcome: best, confidence: (confidence * 100).rounded() / 100, evidence: evidence[best] ?? [])
    }

    /// The phrase's weight factor for its best match (contrast applied), or nil when every match
    /// is negated or sits in a question.
    func weight(of phrase: OutcomeRules.Phrase, in words: WordTokens) -> Double? {
        var best: Double?
        for m in PhraseMatcher.matches(phrase, in: words) where !isNegated(m.lowerBound, words) {
            let tok = words.tokens[m.lowerBound]
            if words.questions.contains(tok.sentence) { continue }
            let w = tok.afterContrast ? rules.contrastFactor : 1
            best = max(best ?? 0, w)
        }
        return best
    }

    private func combinationWeight(_ combo: OutcomeRules.Combination, in words: WordTokens) -> Double? {
        // Every lexicon must match in one sentence; only the first lexicon's match may not be negated.
        var bySentence: [Int: (count: Int, factor: Double)] = [:]
        for (k, name) in combo.lexicons.enumerated() {
            var sentences: [Int: Double] = [:]
            for phrase in rules.lexicons[name] ?? [] {
                for m in PhraseMatcher.matches(phrase, in: words) {
                    if k == 0 && isNegated(m.lowerBound, words) { continue }
                    let tok = words.tokens[m.lowerBound]
                    if words.questions.contains(tok.sentence) { continue }
                    let f = tok.afterContrast ? rules.contrastFactor : 1
                    sentences[tok.sentence] = max(sentences[tok.sentence] ?? 0, f)
                }
            }
            for (s, f) in sentences {
                let prev = bySentence[s] ?? (0, 1)
                if prev.count == k { bySentence[s] = (k + 1, max(prev.factor, f)) }
            }
        }
        return bySentence.values.filter { $0.count == combo.lexicons.count }.map(\.factor).max()
    }

    private func isNegated(_ index: Int, _ words: WordTokens) -> Bool {
        let t = words.tokens
        guard index < t.count else { return false }
        var j = index - 1, seen = 0
        while j >= 0 && seen < rules.negationWindow && t[j].clause == t[index].clause {
            if rules.negationWords.contains(t[j].text) { return true }
            j -= 1; seen += 1
        }
        return false
    }

    private func markContrast(_ words: WordTokens) -> WordTokens {
        var w = words
        for phrase in rules.contrastWords {
            for m in PhraseMatcher.matches(phrase, in: w) {
                let s = w.tokens[m.lowerBound].sentence
                var j = m.upperBound
                // The contrast word also opens a new clause: negation before it does not reach past it.
                while j < w.tokens.count && w.tokens[j].sentence == s {
                    w.tokens[j].afterContrast = true; w.tokens[j].clause += 10_000; j += 1
                }
            }
        }
        return w
    }
}
