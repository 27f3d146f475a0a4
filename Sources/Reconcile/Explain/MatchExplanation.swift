import Receivables

/// Why one record was joined to its customer: the pair it matched and each comparison's part of
/// the match weight (Splink's waterfall).
public struct MatchExplanation: Hashable, Sendable, Codable {
    public struct Contribution: Hashable, Sendable, Codable {
        public var comparison: String
        /// The level's label, or `null` when either side lacks the field.
        public var level: String
        public var log2BayesFactor: Double
        /// The term-frequency adjustment included in `log2BayesFactor` (0 when none).
        public var termFrequencyAdjustment: Double
        public var valueA: String?
        public var valueB: String?
    }

    public var customerID: String
    public var record: RecordID
    public var partner: RecordID
    /// `must_link`, `tax_id`, `score`.
    public var rule: String
    public var log2PriorOdds: Double
    public var contributions: [Contribution]
    /// Prior plus contributions, in bits (`nil` for a must-link or identical copies: no score).
    public var totalWeight: Double?
    public var probability: Double
}

/// The fitted model in readable form: every comparison level with its m, u and weight.
public struct MatchModelSummary: Hashable, Sendable, Codable {
    public struct Level: Hashable, Sendable, Codable {
        public var label: String
        public var m: Double
        public var u: Double
        public var log2BayesFactor: Double
    }

    public struct Comparison: Hashable, Sendable, Codable {
        public var name: String
        public var levels: [Level]
    }

    public var prior: Double
    public var matchThreshold: Double
    public var comparisons: [Comparison]
    public var candidatePairs: Int
    public var randomPairs: Int
    public var iterations: Int
}
