import Foundation

/// One scored candidate pair.
struct ScoredPair: Sendable {
    var i: Int32
    var j: Int32
    var pattern: UInt64
    /// Match weight in bits (prior + every comparison + term-frequency adjustment).
    var weight: Double
    var probability: Double { ModelParameters.probability(weight: weight) }
}

/// Turns comparison patterns into match weights with the fitted parameters.
struct PairScorer: Sendable {
    let settings: MatchSettings
    let evaluator: ComparisonEvaluator
    let parameters: ModelParameters
    /// Below this many records, value frequencies are noise and no term-frequency adjustment applies.
    static let termFrequencyMinRecords = 1_000

    func weight(_ i: Int, _ j: Int, pattern: UInt64) -> Double {
        var w = parameters.log2PriorOdds
        for c in settings.comparisons.indices {
            let level = ComparisonEvaluator.level(in: pattern, comparison: c)
            w += parameters.log2BayesFactor(c, level)
            w += termFrequencyAdjustment(c, level, i)
        }
        return w
    }

    /// Splink's term-frequency adjustment on the exact level: log2(u_exact / frequency of the value),
    /// so agreeing on a rare name says more than agreeing on a common one. Clamped to ±8 bits.
    func termFrequencyAdjustment(_ c: Int, _ level: Int?, _ i: Int) -> Double {
        Self.termFrequencyAdjustment(settings: settings, c, level, fingerprintCount: Int(evaluator.features.fingerprintCount[i]),
                                     records: evaluator.features.count, reference: evaluator.features.fingerprintReferenceFrequency)
    }

    /// The adjustment from the counts alone (explanations are written after the features are released).
    ///
    /// The frequency is measured against the average frequency of the names that agreeing pairs
    /// share (`reference`), not against u: a name's count includes the customer's own copies
    /// (about two per customer), so against u nearly every exact name would lose bits, and the
    /// exact level's weight from EM already says what an average agreement is worth.
    static func termFrequencyAdjustment(settings: MatchSettings, _ c: Int, _ level: Int?,
                                        fingerprintCount: Int, records: Int, reference: Double) -> Double {
        let comparison = settings.comparisons[c]
        guard comparison.termFrequency, let level, comparison.levels[level].condition == .exact,
              comparison.field == .name, records >= termFrequencyMinRecords else { return 0 }
        let frequency = Double(fingerprintCount) / Double(records)
        let adjustment = log2(max(reference, 1e-12) / frequency)
        return min(8, max(-8, adjustment))
    }

    /// Whether a veto of the settings forbids linking a pair with these levels.
    func isVetoed(_ pattern: UInt64) -> Bool {
        let comparisons = settings.comparisons
        for v in settings.vetoes {
            guard let c = comparisons.firstIndex(where: { $0.name == v.comparison }),
                  let level = ComparisonEvaluator.level(in: pattern, comparison: c),
                  v.levels.contains(comparisons[c].levels[level].label) else { continue }
            let excepted = v.unless.contains { e in
                guard let u = comparisons.firstIndex(where: { $0.name == e.comparison }),
                      let ul = ComparisonEvaluator.level(in: pattern, comparison: u) else { return false }
                return e.levels.contains(comparisons[u].levels[ul].label)
            }
            if excepted { continue }
            return true
        }
        return false
    }

    func score(_ i: Int, _ j: Int) -> ScoredPair {
        let p = evaluator.pattern(i, j)
        return ScoredPair(i: Int32(i), j: Int32(j), pattern: p, weight: weight(i, j, pattern: p))
    }
}
