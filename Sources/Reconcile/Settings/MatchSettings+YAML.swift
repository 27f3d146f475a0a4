import Foundation
import Receivables
import Yams

/// A settings file that can't be used, with the path inside the file (`comparisons[2].levels[0]`).
public struct SettingsError: Error, Equatable, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension MatchSettings {
    /// Reads and validates settings from a YAML file.
    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) }
        catch { throw SettingsError(path: url.path, message: "cannot read settings file: \(error.localizedDescription)") }
        try self.init(yaml: text)
    }

    /// Parses and validates settings; every problem names the key path and what was expected.
    public init(yaml: String) throws {
        let root: Any?
        do { root = try Yams.load(yaml: yaml) }
        catch { throw SettingsError(path: "", message: "not valid YAML: \(error)") }
        let r = try YAMLNode(root, path: "")
        try r.allowKeys(["version", "prior", "match_threshold", "cluster_min_support", "support_check_max_size",
                         "review_below", "cannot_link_different_valid_tax_ids", "cannot_link_different_tax_id_numbers", "link_same_valid_tax_ids", "keep_previous_links", "estimation", "blocking", "comparisons", "vetoes",
                         "survivorship", "severity", "explanations"])
        if let v = r["version"], try v.int() != 1 { throw v.error("only version 1 is known") }
        if let p = r["prior"], !p.isString("auto") {
            let value = try p.double()
            guard value > 0, value < 1 else { throw p.error("expected a probability strictly between 0 and 1, or auto") }
            prior = value
        } else { prior = nil }
        matchThreshold = try r["match_threshold"]?.probability() ?? 0.95
        clusterMinSupport = try r["cluster_min_support"]?.probability() ?? 0.5
        reviewBelow = try r["review_below"]?.probability() ?? 0
        supportCheckMaxSize = try r["support_check_max_size"]?.int(min: 2) ?? 60
        cannotLinkDifferentValidTaxIDs = try r["cannot_link_different_valid_tax_ids"]?.bool() ?? true
        cannotLinkDifferentTaxIDNumbers = try r["cannot_link_different_tax_id_numbers"]?.bool() ?? true
        linkSameValidTaxIDs = try r["link_same_valid_tax_ids"]?.bool() ?? true
        keepPreviousLinks = try r["keep_previous_links"]?.bool() ?? true
        explanations = try r["explanations"]?.bool() ?? true

        let est = try r["estimation"] ?? YAMLNode([String: Any](), path: "estimation")
        try est.allowKeys(["max_iterations", "random_pairs", "seed"])
        maxIterations = try est["max_iterations"]?.int(min: 0) ?? 30
        randomPairs = try est["random_pairs"]?.int(min: 100) ?? 100_000
        seed = UInt64(try est["seed"]?.int(min: 0) ?? 20_240_611)

        guard let b = r["blocking"] else { throw SettingsError(path: "blocking", message: "missing") }
        try b.allowKeys(["keys", "max_block_size", "window", "rare_token_max_frequency"])
        maxBlockSize = try b["max_block_size"]?.int(min: 2) ?? 60
        window = try b["window"]?.int(min: 1) ?? 8
        rareTokenMaxFrequency = try b["rare_token_max_frequency"]?.int(min: 1) ?? 30
        guard let keys = b["keys"] else { throw SettingsError(path: "blocking.keys", message: "missing") }
        blockingKeys = []
        blockingExtras = []
        for k in try keys.list() {
            let s = try k.string()
            if s.hasPrefix("extra."), s.count > 6 { blockingExtras.append(String(s.dropFirst(6))); continue }
            guard let key = BlockingKey(rawValue: s) else {
                throw k.error("unknown blocking key \"\(s)\"; known: " + BlockingKey.allCases.map(\.rawValue).joined(separator: ", ")
                              + ", extra.<column>")
            }
            blockingKeys.append(key)
        }
        guard !blockingKeys.isEmpty || !blockingExtras.isEmpty else { throw keys.error("at least one blocking key is needed") }

        guard let cs = r["comparisons"] else { throw SettingsError(path: "comparisons", message: "missing") }
        comparisons = try cs.list().map(Self.comparison)
        guard !comparisons.isEmpty else { throw cs.error("at least one comparison is needed") }
        guard comparisons.count <= 15 else { throw cs.error("at most 15 comparisons") }
        var names = Set<String>()
        for (i, c) in comparisons.enumerated() where !names.insert(c.name).inserted {
            throw SettingsError(path: "comparisons[\(i)].name", message: "duplicate comparison name \"\(c.name)\"")
        }

        vetoes = try r["vetoes"]?.list().map { node in
            try node.allowKeys(["comparison", "levels", "unless"])
            guard let c = node["comparison"], let ls = node["levels"] else { throw node.error("a veto needs comparison and levels") }
            let name = try c.string()
            let levels = try ls.list().map { try $0.string() }
            // `unless:` is one exception or a list of them.
            var exceptions: [Veto.Exception] = []
            if let u = node["unless"] {
                let items = (u.value is [Any]) ? try u.list() : [u]
                for item in items {
                    try item.allowKeys(["comparison", "levels"])
                    guard let uc = item["comparison"], let ul = item["levels"] else { throw item.error("unless needs comparison and levels") }
                    exceptions.append(.init(comparison: try uc.string(), levels: try ul.list().map { try $0.string() }))
                }
            }
            return Veto(comparison: name, levels: levels, unless: exceptions)
        } ?? []
        for (i, v) in vetoes.enumerated() {
            for (name, labels) in [(v.comparison, v.levels)] + v.unless.map({ ($0.comparison, $0.levels) }) {
                guard let c = comparisons.first(where: { $0.name == name }) else {
                    throw SettingsError(path: "vetoes[\(i)]", message: "no comparison named \"\(name)\"")
                }
                for l in labels where !c.levels.contains(where: { $0.label == l }) {
                    throw SettingsError(path: "vetoes[\(i)]", message: "comparison \(name) has no level labelled \"\(l)\"")
                }
            }
        }

        if let s = r["survivorship"] {
            try s.allowKeys(["order"])
            guard let order = s["order"] else { throw SettingsError(path: "survivorship.order", message: "missing") }
            survivorship = try order.list().map { n in
                let t = try n.string()
                guard let rule = SurvivorshipRule(rawValue: t) else {
                    throw n.error("unknown rule \"\(t)\"; known: " + SurvivorshipRule.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return rule
            }
        } else { survivorship = SurvivorshipRule.allCases }

        severity = [:]
        if let s = r["severity"] {
            // Only a field survivorship decides can conflict: any other key (`tax_idd`) is a typo
            // that would leave the field's conflicts at `info` without a word.
            try s.allowKeys(CustomerConsolidator.decidedFields)
            for (key, node) in try s.dictionary() {
                let t = try node.string()
                guard let level = Discrepancy.Severity(rawValue: t) else { throw node.error("expected info, warning or error") }
                severity[key] = level
            }
        }
    }

    private static func comparison(_ node: YAMLNode) throws -> Comparison {
        try node.allowKeys(["name", "field", "levels", "term_frequency"])
        guard let f = node["field"] else { throw node.error("missing field") }
        let fieldText = try f.string()
        guard let field = Field(fieldText) else {
            throw f.error("unknown field \"\(fieldText)\"; known: name, tax_id, phone, email, address, city, extra.<column>")
        }
        let name = try node["name"]?.string() ?? fieldText
        guard let ls = node["levels"] else { throw node.error("missing levels") }
        let levelNodes = try ls.list()
        guard levelNodes.count >= 2 else { throw ls.error("at least two levels are needed (one of them `else`)") }
        guard levelNodes.count <= 14 else { throw ls.error("at most 14 levels") }
        var levels: [Level] = []
        for (i, l) in levelNodes.enumerated() {
            try l.allowKeys(["label", "when", "threshold", "m", "u"])
            guard let w = l["when"] else { throw l.error("missing when") }
            let wt = try w.string()
            guard let condition = Condition(rawValue: wt) else {
                throw w.error("unknown condition \"\(wt)\"; known: " + Condition.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard field.allowedConditions.contains(condition) else {
                throw w.error("condition \(wt) does not apply to field \(field)")
            }
            let threshold = try l["threshold"]?.double()
            if condition.needsThreshold {
                guard let threshold else { throw l.error("\(wt) needs a threshold") }
                if condition == .levenshtein {
                    guard threshold >= 0, threshold == threshold.rounded() else { throw l.error("levenshtein threshold is a whole number of edits") }
                } else if !(0...1).contains(threshold) {
                    throw l.error("threshold must be between 0 and 1")
                }
            }
            if (condition == .else) != (i == levelNodes.count - 1) {
                throw w.error(condition == .else ? "`else` must be the last level" : "the last level must be `else`")
            }
            levels.append(Level(label: try l["label"]?.string() ?? wt, condition: condition, threshold: threshold,
                                m: try l["m"]?.probability(), u: try l["u"]?.probability()))
        }
        return Comparison(name: name, field: field, levels: levels, termFrequency: try node["term_frequency"]?.bool() ?? false)
    }
}

/// A parsed YAML value with its path, for error messages that point at the offending key.
struct YAMLNode {
    let value: Any
    let path: String

    init(_ value: Any?, path: String) throws {
        guard let value else { throw SettingsError(path: path, message: "empty document") }
        self.value = value; self.path = path
    }

    func error(_ message: String) -> SettingsError { SettingsError(path: path, message: message) }

    subscript(key: String) -> YAMLNode? {
        guard let d = value as? [String: Any], let v = d[key], !(v is NSNull) else { return nil }
        return try? YAMLNode(v, path: path.isEmpty ? key : path + "." + key)
    }

    func allowKeys(_ keys: Set<String>) throws {
        guard let d = value as? [String: Any] else { throw error("expected a mapping") }
        for k in d.keys.sorted() where !keys.contains(k) {
            throw SettingsError(path: path.isEmpty ? k : path + "." + k,
                                message: "unknown key (\(KeySuggestion.hint(for: k, among: keys)))")
        }
    }

    func dictionary() throws -> [(String, YAMLNode)] {
        guard let d = value as? [String: Any] else { throw error("expected a mapping") }
        return try d.keys.sorted().map { k in (k, try YAMLNode(d[k], path: path + "." + k)) }
    }

    func list() throws -> [YAMLNode] {
        guard let a = value as? [Any] else { throw error("expected a list") }
        return try a.enumerated().map { i, v in try YAMLNode(v, path: "\(path)[\(i)]") }
    }

    func string() throws -> String {
        if let s = value as? String { return s }
        if let i = value as? Int { return String(i) }
        if let d = value as? Double { return String(d) }
        throw error("expected text")
    }

    func isString(_ s: String) -> Bool { (value as? String) == s }

    func double() throws -> Double {
        if let d = value as? Double { return d }
        if let i = value as? Int { return Double(i) }
        throw error("expected a number")
    }

    func probability() throws -> Double {
        let d = try double()
        guard (0...1).contains(d) else { throw error("expected a probability between 0 and 1") }
        return d
    }

    func int(min: Int? = nil) throws -> Int {
        guard let i = value as? Int else { throw error("expected a whole number") }
        if let min, i < min { throw error("expected at least \(min)") }
        return i
    }

    func bool() throws -> Bool {
        guard let b = value as? Bool else { throw error("expected true or false") }
        return b
    }
}
