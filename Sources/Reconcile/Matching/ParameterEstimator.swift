import Foundation

/// Estimates m and u from the data, as Splink trains them: u from random record pairs (nearly
/// all non-matches), then m and the prior by expectation-maximization with u held fixed.
///
/// The prior is the probability that two records *picked at random* match, the same population
/// u is measured on, so the model stays consistent: EM runs over all pairs, taking the pairs that
/// blocking never proposed as non-matches (they contribute to the prior's denominator only).
/// Using the match rate among blocked pairs with u from random pairs would count the blocking
/// key's agreement twice. Values fixed in the settings are kept as given.
///
/// Small data would make these estimates noise, so each level starts from a weak default
/// (pseudo-counts), which real volumes of data quickly outweigh.
struct ParameterEstimator {
    let settings: MatchSettings
    let evaluator: ComparisonEvaluator

    static let uPseudoCount = 200.0
    static let mPseudoCount = 20.0
    static let priorPseudoCount = 10.0

    /// `representatives`: the records u is sampled from (one per group of identical copies);
    /// all records when nil.
    func estimate(candidatePatterns: [UInt64], representatives: [Int]? = nil) -> ModelParameters {
        let comparisons = settings.comparisons
        let n = evaluator.features.count
        var u = comparisons.map { c in Self.normalize(c.levels.map { Self.defaultU($0.condition) }) }
        var m = comparisons.map { c in Self.normalize(c.levels.map { Self.defaultM($0.condition) }) }

        // u from random pairs (seeded, so the same data always gives the same model).
        let pool = representatives ?? Array(0..<n)
        let r = pool.count
        var sample: [(Int, Int)] = []
        if r >= 2 {
            let total = r * (r - 1) / 2
            var rng = SeededGenerator(seed: settings.seed)
            if total <= settings.randomPairs {
                for i in 0..<r { for j in (i + 1)..<r { sample.append((pool[i], pool[j])) } }
            } else {
                sample.reserveCapacity(settings.randomPairs)
                for _ in 0..<settings.randomPairs {
                    let i = Int(rng.next() % UInt64(r))
                    var j = Int(rng.next() % UInt64(r - 1))
                    if j >= i { j += 1 }
                    sample.append((pool[i], pool[j]))
                }
            }
        }
        let drawn = sample.count
        let pairs = sample
        let samplePatterns = Parallel.map(count: pairs.count, minimumChunk: 4096) { k in evaluator.pattern(pairs[k].0, pairs[k].1) }
        var uCounts = comparisons.map { [Double](repeating: 0, count: $0.levels.count) }
        for p in samplePatterns {
            for c in comparisons.indices { if let k = ComparisonEvaluator.level(in: p, comparison: c) { uCounts[c][k] += 1 } }
        }
        for c in comparisons.indices {
            let observed = uCounts[c].reduce(0, +)
            // The default weighs no more than the pairs seen: in a batch of four records, all from
            // one country, six pairs that agree are not outvoted by a default "countries rarely agree".
            let pseudo = min(Self.uPseudoCount, max(observed, 1))
            u[c] = u[c].indices.map { k in (uCounts[c][k] + pseudo * u[c][k]) / (observed + pseudo) }
        }

        // Random pairs are a mixture too: a share `prior` of them match. In big data that share is
        // negligible; in a small batch it is not (a customer written four ways makes six of the
        // few hundred random pairs agree on the name), so u is corrected inside EM:
        // u = (u_observed − prior·m) / (1 − prior).
        let uObserved = u
        // Aggregate identical comparison patterns: EM then runs over a few hundred patterns.
        var patternCounts: [UInt64: Double] = [:]
        for p in candidatePatterns { patternCounts[p, default: 0] += 1 }
        let patterns = patternCounts.keys.sorted()
        let counts = patterns.map { patternCounts[$0] ?? 0 }
        let levels: [[Int?]] = patterns.map { p in comparisons.indices.map { ComparisonEvaluator.level(in: p, comparison: $0) } }

        // Start from "each record has about one duplicate".
        let allPairs = Double(max(r * (r - 1) / 2, 1))
        let startPrior = min(0.5, Double(max(r, 1)) / 2 / allPairs)
        var prior = settings.prior ?? startPrior
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
                    // Over all pairs; a weak pull towards the start keeps tiny inputs from 0 or 1.
                    _ = all
                    let updated = min(max((matchTotal + Self.priorPseudoCount * startPrior) / (allPairs + Self.priorPseudoCount), 1e-12), 0.5)
                    change = max(change, abs(updated - prior))
                    prior = updated
                }
                for c in comparisons.indices {
                    // At most a quarter of what random pairs showed is put down to matches: when the
                    // prior and m claim more agreement than was seen (a few records that all share
                    // a country or a legal form), the estimates are noise, not evidence, and u near
                    // zero would make the agreement worth twenty bits.
                    let corrected = u[c].indices.map { k in
                        max((uObserved[c][k] - prior * m[c][k]) / (1 - prior), uObserved[c][k] / 4, 1e-6)
                    }
                    let total = corrected.reduce(0, +)
                    let updated = corrected.map { $0 / total }
                    for k in updated.indices { change = max(change, abs(updated[k] - u[c][k])) }
                    u[c] = updated
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

    static func normalize(_ v: [Double]) -> [Double] {
        let s = v.reduce(0, +)
        return s > 0 ? v.map { $0 / s } : v
    }

    /// Starting m: how often true matches land on a level of this kind.
    static func defaultM(_ c: MatchSettings.Condition) -> Double {
        switch c {
        case .exactValid, .exact, .exactRole: 0.6
        case .digitsEqual, .levenshtein, .suffix, .localPart: 0.1
        case .tokenSimilarity, .jaroWinkler, .tokenMatch, .tokenSubset, .allButOneWord: 0.1
        case .domain: 0.05
        case .bothValid: 0.002
        case .else: 0.05
        }
    }

    /// Starting u: how often unrelated records land on a level of this kind.
    static func defaultU(_ c: MatchSettings.Condition) -> Double {
        switch c {
        case .exactValid, .exact, .exactRole: 0.001
        case .digitsEqual, .levenshtein, .suffix, .localPart: 0.002
        case .tokenSimilarity, .jaroWinkler, .tokenMatch, .tokenSubset, .allButOneWord: 0.01
        case .domain: 0.005
        case .bothValid: 0.5
        case .else: 0.5
        }
    }
}
