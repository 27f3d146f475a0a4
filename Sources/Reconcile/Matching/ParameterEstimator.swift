import Foundation

/// Estimates m and u from the data, as Splink trains them: u from random record pairs (nearly
/// all non-matches), then m and the prior by expectation-maximization over the candidate pairs
/// with u held fixed. Values fixed in the settings are kept as given.
///
/// Small data would make these estimates noise, so each level starts from a weak default
/// (pseudo-counts), which real volumes of data quickly outweigh.
struct ParameterEstimator {
    let settings: MatchSettings
    let evaluator: ComparisonEvaluator

    static let uPseudoCount = 200.0
    static let mPseudoCount = 20.0
    static let priorPseudoCount = 10.0

    func estimate(candidatePatterns: [UInt64]) -> ModelParameters {
        let comparisons = settings.comparisons
        let n = evaluator.features.count
        var u = comparisons.map { c in Self.normalize(c.levels.map { Self.defaultU($0.condition) }) }
        var m = comparisons.map { c in Self.normalize(c.levels.map { Self.defaultM($0.condition) }) }

        // u from random pairs (seeded, so the same data always gives the same model).
        var uCounts = comparisons.map { [Double](repeating: 0, count: $0.levels.count) }
        var drawn = 0
        if n >= 2 {
            let total = n * (n - 1) / 2
            var rng = SeededGenerator(seed: settings.seed)
            if total <= settings.randomPairs {
                for i in 0..<n { for j in (i + 1)..<n { countLevels(i, j, into: &uCounts); drawn += 1 } }
            } else {
                for _ in 0..<settings.randomPairs {
                    let i = Int(rng.next() % UInt64(n))
                    var j = Int(rng.next() % UInt64(n - 1))
                    if j >= i { j += 1 }
                    countLevels(i, j, into: &uCounts); drawn += 1
                }
            }
        }
        for c in comparisons.indices {
            let observed = uCounts[c].reduce(0, +)
            u[c] = u[c].indices.map { k in (uCounts[c][k] + Self.uPseudoCount * u[c][k]) / (observed + Self.uPseudoCount) }
        }

        // Aggregate identical comparison patterns: EM then runs over a few hundred patterns.
        var patternCounts: [UInt64: Double] = [:]
        for p in candidatePatterns { patternCounts[p, default: 0] += 1 }
        let patterns = patternCounts.keys.sorted()
        let counts = patterns.map { patternCounts[$0] ?? 0 }
        let levels: [[Int?]] = patterns.map { p in comparisons.indices.map { ComparisonEvaluator.level(in: p, comparison: $0) } }

        var prior = settings.prior ?? 0.1
        var iterations = 0
        let mInitial = m
        if !patterns.isEmpty {
            for _ in 0..<settings.maxIterations {
                iterations += 1
                var mCounts = comparisons.map { [Double](repeating: 0, count: $0.levels.count) }
                var matchTotal = 0.0, all = 0.0
                let logPrior = log2(prior / (1 - prior))
                for (idx, lv) in levels.enumerated() {
                    var w = logPrior
                    for c in comparisons.indices { if let k = lv[c] { w += log2(max(m[c][k], 1e-9) / max(u[c][k], 1e-9)) } }
                    let posterior = ModelParameters.probability(weight: w) * counts[idx]
                    matchTotal += posterior; all += counts[idx]
                    for c in comparisons.indices { if let k = lv[c] { mCounts[c][k] += posterior } }
                }
                var change = 0.0
                for c in comparisons.indices {
                    let observed = mCounts[c].reduce(0, +)
                    let updated = m[c].indices.map { k in
                        (mCounts[c][k] + Self.mPseudoCount * mInitial[c][k]) / (observed + Self.mPseudoCount)
                    }
                    for k in updated.indices { change = max(change, abs(updated[k] - m[c][k])) }
                    m[c] = updated
                }
                if settings.prior == nil {
                    // A weak pull towards the starting prior keeps tiny inputs from reaching 0 or 1.
                    let updated = min(max((matchTotal + Self.priorPseudoCount * 0.1) / (all + Self.priorPseudoCount), 1e-6), 0.99)
                    change = max(change, abs(updated - prior))
                    prior = updated
                }
                if change < 1e-6 { break }
            }
        }
        // Levels the user fixed win over estimates.
        for (c, comparison) in comparisons.enumerated() {
            for (k, level) in comparison.levels.enumerated() {
                if let fixed = level.m { m[c][k] = fixed }
                if let fixed = level.u { u[c][k] = fixed }
            }
        }
        return ModelParameters(prior: prior, m: m, u: u, iterations: iterations,
                               candidatePairs: candidatePatterns.count, randomPairs: drawn)
    }

    private func countLevels(_ i: Int, _ j: Int, into counts: inout [[Double]]) {
        for c in settings.comparisons.indices {
            if let k = evaluator.level(c, i, j) { counts[c][k] += 1 }
        }
    }

    static func normalize(_ v: [Double]) -> [Double] {
        let s = v.reduce(0, +)
        return s > 0 ? v.map { $0 / s } : v
    }

    /// Starting m: how often true matches land on a level of this kind.
    static func defaultM(_ c: MatchSettings.Condition) -> Double {
        switch c {
        case .exactValid, .exact: 0.6
        case .digitsEqual, .levenshtein, .suffix, .localPart: 0.1
        case .tokenSimilarity, .jaroWinkler: 0.1
        case .domain: 0.05
        case .bothValid: 0.002
        case .else: 0.05
        }
    }

    /// Starting u: how often unrelated records land on a level of this kind.
    static func defaultU(_ c: MatchSettings.Condition) -> Double {
        switch c {
        case .exactValid, .exact: 0.001
        case .digitsEqual, .levenshtein, .suffix, .localPart: 0.002
        case .tokenSimilarity, .jaroWinkler: 0.01
        case .domain: 0.005
        case .bothValid: 0.5
        case .else: 0.5
        }
    }
}
