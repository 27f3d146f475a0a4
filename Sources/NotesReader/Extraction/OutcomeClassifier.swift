import Receivables

/// Classifies an entry's outcome with ``OutcomeRules``: every non-negated phrase adds its weight
/// to its outcome; the highest total wins. How far a negation reaches depends on the outcome
/// (``OutcomeRules/WholeClauseNegation``): nobody who writes `no ha llegado el pago` says they paid.
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
        let words = markNotNegating(markContrast(WordTokens(text)))
        var scores: [ContactEvent.Outcome: Double] = [:]
        var evidence: [ContactEvent.Outcome: [String]] = [:]
        for rule in rules.rules {
            let wholeClause = rules.wholeClauseNegation.outcomes.contains(rule.outcome)
            for phrase in rule.phrases {
                if let w = weight(of: phrase, in: words, wholeClause: wholeClause) {
                    scores[rule.outcome, default: 0] += w * phrase.weight
                    evidence[rule.outcome, default: []].append(phrase.text)
                }
            }
            for combo in rule.combinations {
                if let w = combinationWeight(combo, in: words, wholeClause: wholeClause) {
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
    /// is negated (over the whole clause with `wholeClause`) or sits in a question.
    func weight(of phrase: OutcomeRules.Phrase, in words: WordTokens, wholeClause: Bool = false) -> Double? {
        var best: Double?
        for m in PhraseMatcher.matches(phrase, in: words) where !isNegated(m, words, wholeClause: wholeClause) {
            let tok = words.tokens[m.lowerBound]
            if words.questions.contains(tok.sentence) { continue }
            let w = tok.afterContrast ? rules.contrastFactor : 1
            best = max(best ?? 0, w)
        }
        return best
    }

    private func combinationWeight(_ combo: OutcomeRules.Combination, in words: WordTokens, wholeClause: Bool) -> Double? {
        // Every lexicon must match in one sentence; only the first lexicon's match may not be negated.
        var bySentence: [Int: (count: Int, factor: Double)] = [:]
        for (k, name) in combo.lexicons.enumerated() {
            var sentences: [Int: Double] = [:]
            for phrase in rules.lexicons[name] ?? [] {
                for m in PhraseMatcher.matches(phrase, in: words) {
                    if k == 0 && isNegated(m, words, wholeClause: wholeClause) { continue }
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

    /// Whether a negation cancels the phrase matched at `match`: a negation word within the
    /// rules' window before it in its clause. With `wholeClause`, a phrase used as a noun (after a
    /// determiner: `el pago`, `el comprobante`) is also cancelled by one anywhere earlier in the
    /// clause or just after it, short of a stop word (``OutcomeRules/WholeClauseNegation``); any
    /// says_paid phrase is cancelled by a doubt earlier in its clause (`no sé si ya pagó`). A
    /// payment that arrives or appears has no subject of its own, so its `no` may sit anywhere
    /// (`no ha llegado el pago`, `el pago no ha llegado`). A verb (`ya le pagué`) has a subject that
    /// negates it just before it; chat replies have no commas, so reaching further cancelled
    /// `no se preocupe ya le pagué`.
    private func isNegated(_ match: Range<Int>, _ words: WordTokens, wholeClause: Bool) -> Bool {
        let scope = rules.wholeClauseNegation
        if negatedBefore(match.lowerBound, words, reach: rules.negationWindow) { return true }
        guard wholeClause else { return false }
        if doubtedBefore(match.lowerBound, words) { return true }
        guard isNoun(match, words) else { return false }
        return negatedBefore(match.lowerBound, words, reach: .max, stopAt: scope.stopWords)
            || negatedAfter(match.upperBound, words)
    }

    /// Whether a doubt (`no sé si`) opens the phrase's clause before `index`, short of a stop word:
    /// `no sé si ya pagó` states no payment, however far the payment is from the `no`.
    private func doubtedBefore(_ index: Int, _ words: WordTokens) -> Bool {
        let t = words.tokens, stopWords = rules.wholeClauseNegation.stopWords
        guard index < t.count else { return false }
        var j = index - 1
        while j >= 0 && t[j].clause == t[index].clause && !stopWords.contains(t[j].text) {
            if t[j].inDoubt { return true }
            j -= 1
        }
        return false
    }

    /// Whether the phrase matched at `match` follows a determiner (`el pago`, `o comprovante`).
    private func isNoun(_ match: Range<Int>, _ words: WordTokens) -> Bool {
        match.lowerBound > 0 && rules.wholeClauseNegation.determiners.contains(words.tokens[match.lowerBound - 1].text)
    }

    /// Whether a negation word comes within `reach` words before `index` in its clause, without a
    /// `stopAt` word in between.
    private func negatedBefore(_ index: Int, _ words: WordTokens, reach: Int, stopAt: Set<String> = []) -> Bool {
        let t = words.tokens
        guard index < t.count else { return false }
        var j = index - 1, seen = 0
        while j >= 0 && seen < reach && t[j].clause == t[index].clause && !stopAt.contains(t[j].text) {
            if rules.negationWords.contains(t[j].text) && !t[j].inNotNegating { return true }
            j -= 1; seen += 1
        }
        return false
    }

    /// Whether one of the whole-clause `wordsAfter` comes within its window after a phrase that
    /// ends before `end`, in the phrase's clause and without a stop word in between (`el pago no
    /// ha llegado`).
    private func negatedAfter(_ end: Int, _ words: WordTokens) -> Bool {
        let t = words.tokens, scope = rules.wholeClauseNegation
        guard end > 0, end <= t.count else { return false }
        var j = end
        while j < t.count && j - end < scope.windowAfter && t[j].clause == t[end - 1].clause
                && !scope.stopWords.contains(t[j].text) {
            if scope.wordsAfter.contains(t[j].text) && !t[j].inNotNegating && !t[j].inDoubt { return true }
            j += 1
        }
        return false
    }

    /// Marks the words of fixed expressions that hold a negation word but negate nothing
    /// (`mañana sin falta le deposito`), so that word cancels no phrase, and of doubts, which cancel
    /// what follows them but nothing said before (`ya mandé el comprobante no sé si le llegó`).
    private func markNotNegating(_ words: WordTokens) -> WordTokens {
        var w = words
        for phrase in rules.notNegating {
            for m in PhraseMatcher.matches(phrase, in: w) {
                for i in m { w.tokens[i].inNotNegating = true }
            }
        }
        for phrase in rules.wholeClauseNegation.doubts {
            for m in PhraseMatcher.matches(phrase, in: w) {
                for i in m { w.tokens[i].inDoubt = true }
            }
        }
        return w
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
