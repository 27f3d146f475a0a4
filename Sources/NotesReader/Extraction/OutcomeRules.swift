import Foundation
import Receivables
import Yams

/// Keyword rules that classify an entry's outcome and channel, loaded from YAML
/// (`Mappings/outcome-rules.yaml`; the file documents the format). Plain data, so a company can
/// add its collectors' own words without touching code.
public struct OutcomeRules: Sendable {
    /// One phrase: words, `word!` (the word as written, accents counted), `prefix*`, `#` (a number)
    /// and `..` (a gap of up to three words).
    public struct Phrase: Sendable, Hashable {
        enum Part: Sendable, Hashable {
            case word(String), prefix(String), number, gap
            /// A word that must be written exactly so, in any case: `pago!` is not `pagó`. Keeps the
            /// folded form to find where to try it.
            case written(String, folded: String)
        }
        var parts: [Part]
        public var text: String
        public var weight: Double
    }

    public struct Combination: Sendable, Hashable {
        public var lexicons: [String]
        public var weight: Double
    }

    /// Outcomes that no negated statement may have (says_paid): for them a negation reaches a
    /// phrase used as a noun (after one of `determiners`) from anywhere earlier in the clause (`no
    /// ha llegado el pago`) and from `windowAfter` words after it (`el pago todavía no llega`), but
    /// not past a stop word that starts another statement (`ya pagó y no debe nada`). A verb
    /// (`ya le pagué`) is negated only within the plain window or by a doubt (`no sé si ya pagó`).
    public struct WholeClauseNegation: Sendable {
        public var outcomes: Set<ContactEvent.Outcome>
        /// Negation words that also count after the phrase (`no`, not `sin`: `pagó sin problema`).
        public var wordsAfter: Set<String>
        public var windowAfter: Int
        public var stopWords: Set<String>
        /// Words after which a phrase is a noun (`el`, `la`, `o`, `the` …).
        public var determiners: Set<String>
        /// Doubts (`no sé si`): they cancel a phrase anywhere after them in the clause (`no sé si
        /// ya pagó`) but negate nothing said before them (`ya le pagué no sé si le llegó`).
        public var doubts: [Phrase]
    }

    public struct Rule: Sendable {
        public var outcome: ContactEvent.Outcome
        public var phrases: [Phrase]
        public var combinations: [Combination]
    }

    /// Outcome rules in priority order (ties go to the earlier one).
    public var rules: [Rule]
    public var lexicons: [String: [Phrase]]
    public var negationWords: Set<String>
    public var negationWindow: Int
    /// Fixed expressions whose negation word negates nothing (`sin falta`).
    public var notNegating: [Phrase]
    public var wholeClauseNegation: WholeClauseNegation
    public var contrastWords: [Phrase]
    public var contrastFactor: Double
    /// Channel keywords, in the order they are tried.
    public var channels: [(ContactEvent.Channel, [Phrase])]

    public enum LoadError: Error, CustomStringConvertible {
        case notAMapping, unknownOutcome(String), unknownChannel(String), unknownLexicon(String), badPhrase(String)

        public var description: String {
            switch self {
            case .notAMapping: return "outcome rules: the document is not a YAML mapping"
            case .unknownOutcome(let s): return "outcome rules: unknown outcome '\(s)'"
            case .unknownChannel(let s): return "outcome rules: unknown channel '\(s)'"
            case .unknownLexicon(let s): return "outcome rules: a combination names an unknown lexicon '\(s)'"
            case .badPhrase(let s): return "outcome rules: cannot read phrase \(s)"
            }
        }
    }

    public static func load(path: String) throws -> OutcomeRules {
        try load(yaml: String(contentsOfFile: path, encoding: .utf8))
    }

    public static func load(yaml: String) throws -> OutcomeRules {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else { throw LoadError.notAMapping }
        let negation = root["negation"] as? [String: Any] ?? [:]
        let contrast = root["contrast"] as? [String: Any] ?? [:]
        var lexicons: [String: [Phrase]] = [:]
        for (name, list) in root["lexicons"] as? [String: Any] ?? [:] {
            lexicons[name] = try phrases(list)
        }
        let outcomesNode = root["outcomes"] as? [String: Any] ?? [:]
        var order = (root["priority"] as? [Any])?.map { "\($0)" } ?? []
        for key in outcomesNode.keys.sorted() where !order.contains(key) { order.append(key) }
        var rules: [Rule] = []
        for key in order {
            guard let outcome = ContactEvent.Outcome(rawValue: key) else { throw LoadError.unknownOutcome(key) }
            let node = outcomesNode[key] as? [String: Any] ?? [:]
            var combos: [Combination] = []
            for c in node["combinations"] as? [Any] ?? [] {
                let dict = c as? [String: Any]
                let names = ((dict?["lexicons"] ?? c) as? [Any] ?? []).map { "\($0)" }
                for n in names where lexicons[n] == nil { throw LoadError.unknownLexicon(n) }
                combos.append(Combination(lexicons: names, weight: number(dict?["weight"]) ?? 1))
            }
            rules.append(Rule(outcome: outcome, phrases: try phrases(node["phrases"] ?? []), combinations: combos))
        }
        let wholeClause = negation["whole_clause"] as? [String: Any] ?? [:]
        var wholeClauseOutcomes: Set<ContactEvent.Outcome> = []
        for key in ((wholeClause["outcomes"] as? [Any]) ?? []).map({ "\($0)" }) {
            guard let outcome = ContactEvent.Outcome(rawValue: key) else { throw LoadError.unknownOutcome(key) }
            wholeClauseOutcomes.insert(outcome)
        }
        var channels: [(ContactEvent.Channel, [Phrase])] = []
        let channelsNode = root["channels"] as? [String: Any] ?? [:]
        for key in channelsNode.keys.sorted() {
            guard let ch = ContactEvent.Channel(rawValue: key) else { throw LoadError.unknownChannel(key) }
            channels.append((ch, try phrases(channelsNode[key] ?? [])))
        }
        return OutcomeRules(
            rules: rules, lexicons: lexicons,
            negationWords: words(negation["words"]),
            negationWindow: (negation["window"] as? Int) ?? 3,
            notNegating: try phrases(negation["not_negating"] ?? []),
            wholeClauseNegation: WholeClauseNegation(
                outcomes: wholeClauseOutcomes, wordsAfter: words(wholeClause["after"]),
                windowAfter: (wholeClause["after_window"] as? Int) ?? 2, stopWords: words(wholeClause["stop"]),
                determiners: words(wholeClause["determiners"]),
                doubts: try phrases(wholeClause["doubt"] ?? [])),
            contrastWords: try phrases(contrast["words"] ?? []),
            contrastFactor: number(contrast["factor"]) ?? 1,
            channels: channels)
    }

    /// A YAML list of single words, folded as the text is.
    private static func words(_ node: Any?) -> Set<String> {
        Set(((node as? [Any]) ?? []).map { NotesText.fold("\($0)") })
    }

    private static func number(_ any: Any?) -> Double? {
        if let d = any as? Double { return d }
        if let i = any as? Int { return Double(i) }
        if let s = any as? String { return Double(s) }
        return nil
    }

    private static func phrases(_ node: Any) throws -> [Phrase] {
        guard let list = node as? [Any] else { throw LoadError.badPhrase("\(node)") }
        return try list.map { item in
            if let dict = item as? [String: Any], let p = dict["phrase"] {
                return Phrase.parse("\(p)", weight: number(dict["weight"]) ?? 1)
            }
            if item is [Any] || item is [String: Any] { throw LoadError.badPhrase("\(item)") }
            return Phrase.parse("\(item)", weight: 1)
        }
    }
}

extension OutcomeRules.Phrase {
    static func parse(_ text: String, weight: Double) -> Self {
        // The phrase is tokenized like the text, so `segunda-feira` and `e-mail` split the same way.
        var parts: [Part] = []
        for raw in text.split(separator: " ") {
            if raw == ".." { parts.append(.gap); continue }
            if raw == "#" { parts.append(.number); continue }
            if raw == "/" { parts.append(.word("/")); continue }
            if raw.count > 1 && raw.hasSuffix("!") {
                let word = String(raw.dropLast())
                parts.append(.written(word.lowercased(), folded: NotesText.fold(word)))
                continue
            }
            let star = raw.hasSuffix("*")
            let words = WordTokens(String(star ? raw.dropLast() : raw)).tokens.map(\.text)
            for (i, w) in words.enumerated() {
                parts.append(star && i == words.count - 1 ? .prefix(w) : .word(w))
            }
        }
        return Self(parts: parts, text: text, weight: weight)
    }
}
