import Foundation

/// The fitted Fellegi–Sunter model: the prior and each level's m and u probabilities.
public struct ModelParameters: Sendable, Codable, Equatable {
    /// Probability that a blocked candidate pair is a match, before evidence.
    public var prior: Double
    /// `m[c][k]`, `u[c][k]`: comparison `c`, level `k`.
    public var m: [[Double]]
    public var u: [[Double]]
    /// EM iterations run and the number of candidate pairs and random pairs used.
    public var iterations: Int
    public var candidatePairs: Int
    public var randomPairs: Int

    /// log2 of the Bayes factor m/u of one level (0 for a null level).
    public func log2BayesFactor(_ c: Int, _ level: Int?) -> Double {
        guard let level else { return 0 }
        return log2(max(m[c][level], 1e-9) / max(u[c][level], 1e-9))
    }

    public var log2PriorOdds: Double { log2(prior / (1 - prior)) }

    /// Probability from a match weight in bits.
    public static func probability(weight: Double) -> Double { 1 / (1 + exp2(-weight)) }
}
