import Receivables

/// Everything that decides how customer records are matched, as data (Splink's settings):
/// which fields are compared, the ordered levels of each comparison, the blocking keys, the
/// thresholds and the survivorship order. Loaded from `Mappings/matching.yaml`; the defaults are
/// that file's text, embedded (``MatchSettings/defaultYAML``).
public struct MatchSettings: Sendable, Equatable {
    /// Where a comparison reads its values.
    public enum Field: Sendable, Equatable, CustomStringConvertible {
        case name, taxID, phone, email, address, city, country
        /// The legal form found at the end of the name (`ca`, `sa de cv`).
        case legalForm
        /// A column no model field claimed (`Customer.extra[header]`), compared as text.
        case extra(String)

        public init?(_ text: String) {
            switch text {
            case "name": self = .name
            case "tax_id": self = .taxID
            case "phone": self = .phone
            case "email": self = .email
            case "address": self = .address
            case "city": self = .city
            case "country": self = .country
            case "legal_form": self = .legalForm
            default:
                guard text.hasPrefix("extra."), text.count > 6 else { return nil }
                self = .extra(String(text.dropFirst(6)))
            }
        }

        public var description: String {
            switch self {
            case .name: "name"
            case .taxID: "tax_id"
            case .phone: "phone"
            case .email: "email"
            case .address: "address"
            case .city: "city"
            case .country: "country"
            case .legalForm: "legal_form"
            case .extra(let h): "extra." + h
            }
        }

        /// The conditions that make sense for this field.
        var allowedConditions: Set<Condition> {
            switch self {
            case .name: [.exact, .jaroWinkler, .tokenSimilarity, .tokenMatch, .tokenSubset, .allButOneWord, .levenshtein, .else]
            case .taxID: [.exact, .exactValid, .digitsEqual, .levenshtein, .bothValid, .else]
            case .phone: [.exact, .suffix, .else]
            case .email: [.exactRole, .exact, .levenshtein, .localPart, .domain, .else]
            case .country, .legalForm: [.exact, .else]
            case .address, .city, .extra: [.exact, .jaroWinkler, .tokenSimilarity, .tokenMatch, .tokenSubset, .levenshtein, .else]
            }
        }
    }

    /// The test a comparison level applies to a pair of values.
    public enum Condition: String, Sendable, Equatable, CaseIterable {
        /// Same key (names: same fingerprint; phones/emails: any value in common).
        case exact
        /// Tax IDs equal and both passed their check digit.
        case exactValid = "exact_valid"
        /// Tax IDs with the same digits, or one lacking only the other's check digit, whose letters
        /// agree or are missing on one side (`V-` and `J-` are two IDs; so are two RFCs of one date).
        case digitsEqual = "digits_equal"
        /// Jaro–Winkler similarity ≥ `threshold` (0…1).
        case jaroWinkler = "jaro_winkler"
        /// Frequency-weighted token overlap ≥ `threshold` (0…1): common words count less.
        case tokenSimilarity = "token_similarity"
        /// The same words, one-to-one, allowing typos and abbreviations.
        case tokenMatch = "token_match"
        /// Every word of the shorter value (at least two) found in the longer one.
        case tokenSubset = "token_subset"
        /// The first words agree and all words of the shorter value but one (at least two words)
        /// are in the longer one, which has at most two more: `Gabriela Quintero Molina` ~
        /// `Gabriela Renata Quintero` (a second given name against a second surname).
        case allButOneWord = "all_but_one_word"
        /// At most `threshold` edits.
        case levenshtein
        /// Phones sharing their last 7 digits.
        case suffix
        /// Emails with the same local part (before `@`).
        case localPart = "local_part"
        /// Emails in common that are a role mailbox (`ventas@`, `info@`, `facturacion@`): shared
        /// by everyone at a company, or by a group of companies on one domain.
        case exactRole = "exact_role"
        /// Emails on the same domain, unless it is a free-mail domain.
        case domain
        /// Tax IDs that both passed their check digit yet differ.
        case bothValid = "both_valid"
        /// Anything else (the last level of every comparison).
        case `else`

        var needsThreshold: Bool { self == .jaroWinkler || self == .tokenSimilarity || self == .levenshtein }
    }

    public struct Level: Sendable, Equatable {
        public var label: String
        public var condition: Condition
        public var threshold: Double?
        /// Fixed m/u probabilities; `nil` = estimated from the data.
        public var m: Double?
        public var u: Double?
    }

    public struct Comparison: Sendable, Equatable {
        public var name: String
        public var field: Field
        public var levels: [Level]
        /// Adjust the exact level by how common the value is (a rare name agreeing says more).
        public var termFrequency: Bool
    }

    /// A pair landing on one of `levels` of `comparison` is never linked by score, unless it
    /// also lands on one of the levels of any `unless` exception (e.g. names that disagree link
    /// only on a matching tax ID or email: relatives share a phone and an address, not a name).
    public struct Veto: Sendable, Equatable {
        public struct Exception: Sendable, Equatable {
            public var comparison: String
            public var levels: [String]
        }
        public var comparison: String
        public var levels: [String]
        public var unless: [Exception]
    }

    public enum BlockingKey: String, Sendable, Equatable, CaseIterable {
        case taxID = "tax_id"
        case nameFingerprint = "name_fingerprint"
        case namePrefix = "name_prefix"
        case nameTokenPair = "name_token_pair"
        case nameRareTokens = "name_rare_tokens"
        case namePhonetic = "name_phonetic"
        case phoneSuffix = "phone_suffix"
        case email
        case address
    }

    public enum SurvivorshipRule: String, Sendable, Equatable, CaseIterable {
        case sourcePriority = "source_priority"
        case mostRecent = "most_recent"
        case mostComplete = "most_complete"
        case mostFrequent = "most_frequent"
    }

    /// Prior probability that two random records match; `nil` = estimated by EM.
    public var prior: Double?
    public var matchThreshold: Double
    public var clusterMinSupport: Double
    /// A member joined by a scored match below this probability is said for review (`uncertain_match`).
    public var reviewBelow: Double = 0
    /// Clusters larger than this skip the all-pairs support check (they are reported instead).
    public var supportCheckMaxSize: Int
    public var cannotLinkDifferentValidTaxIDs: Bool
    /// Two tax IDs of different numbers (``TaxIDKey/isAnotherNumber(than:)``: not one typo, a
    /// left-out check digit or a document number inside its tax ID apart) never merge, checked or
    /// not: a name written alike outweighed one ID written without its check digit.
    public var cannotLinkDifferentTaxIDNumbers = true
    /// Two records with the same tax ID, valid on both, are one customer whatever their names
    /// (a trade name beside the legal one): the legal entity is the debtor.
    public var linkSameValidTaxIDs: Bool
    /// Records that were one customer in the previous run, and have not changed since (their
    /// ``RecordIdentity`` key is the same), stay one customer: a nightly run re-estimates the
    /// model on the data it has, and a name-only match near the threshold must not come and go
    /// as unrelated files are added. Cannot-links and two different valid tax IDs still part them.
    public var keepPreviousLinks = true
    public var maxIterations: Int
    public var randomPairs: Int
    public var seed: UInt64
    public var blockingKeys: [BlockingKey]
    /// Extra columns whose exact (folded) value is also a blocking key (`extra.postcode`).
    public var blockingExtras: [String]
    public var maxBlockSize: Int
    public var window: Int
    public var rareTokenMaxFrequency: Int
    public var comparisons: [Comparison]
    public var vetoes: [Veto]
    public var survivorship: [SurvivorshipRule]
    /// Discrepancy severity for a conflicting customer field; unknown fields are `info`.
    public var severity: [String: Discrepancy.Severity]
    /// Keep per-pair explanations in the result (turn off to save memory on huge runs).
    public var explanations: Bool

    /// The embedded defaults (the text of `Mappings/matching.yaml`).
    public static let `default`: MatchSettings = {
        do { return try MatchSettings(yaml: defaultYAML) }
        catch { preconditionFailure("embedded matching settings are invalid: \(error)") }
    }()

    public func severity(for field: String) -> Discrepancy.Severity { severity[field] ?? .info }
}
