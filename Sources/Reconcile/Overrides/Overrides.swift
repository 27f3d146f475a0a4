import Foundation
import Receivables
import Yams

/// A user's decisions that beat the matcher, applied on every run (`Mappings/overrides.yaml`):
/// records that must or must not be one customer, and values a customer must have.
public struct Overrides: Sendable, Equatable {
    /// Which records an override is about.
    public enum Selector: Sendable, Hashable, CustomStringConvertible {
        /// One source row or record: `ventas.xlsx#Clientes!12`, `erp.csv#45`, `notas.txt#L40`; a row
        /// selects its customer records (the row's own, or its `/customer` record, see
        /// ``resolve(in:features:index:)``).
        case record(RecordID)
        /// Every record with this tax ID (compared without separators): `tax_id:J-30123456-7`.
        case taxID(String, written: String)
        /// Every record whose name has this fingerprint: `name:Ferretería El Tornillo`.
        case name(String, written: String)

        public init?(_ text: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("tax_id:") {
                let written = String(t.dropFirst(7)).trimmingCharacters(in: .whitespaces)
                let v = TaxIDKeyer.compact(written)
                guard !v.isEmpty else { return nil }
                self = .taxID(v, written: written)
            } else if t.hasPrefix("name:") {
                let written = String(t.dropFirst(5)).trimmingCharacters(in: .whitespaces)
                let v = NameKey(written).fingerprint
                guard !v.isEmpty else { return nil }
                self = .name(v, written: written)
            } else if t.contains("#") {
                self = .record(RecordID(t))
            } else {
                return nil
            }
        }

        /// As the overrides file writes it, so that a person finds the entry the report names.
        public var description: String {
            switch self {
            case .record(let r): r.rawValue
            case .taxID(_, let written): "tax_id:" + written
            case .name(_, let written): "name:" + written
            }
        }

        /// What the selector selects by: two spellings of one tax ID or name are one selector.
        private var key: String {
            switch self {
            case .record(let r): "#" + r.rawValue
            case .taxID(let t, _): "tax_id:" + t
            case .name(let n, _): "name:" + n
            }
        }

        public static func == (a: Selector, b: Selector) -> Bool { a.key == b.key }
        public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    }

    public struct Pair: Sendable, Hashable {
        public var a: Selector
        public var b: Selector
        public init(_ a: Selector, _ b: Selector) { self.a = a; self.b = b }
    }

    /// "Customer X's `field` is `value`", where X is the cluster holding the selected records.
    public struct FieldDecision: Sendable, Hashable {
        public var customer: Selector
        public var field: String
        public var value: String
        public init(customer: Selector, field: String, value: String) {
            self.customer = customer; self.field = field; self.value = value
        }
    }

    public var mustLink: [Pair]
    public var cannotLink: [Pair]
    public var fields: [FieldDecision]

    public init(mustLink: [Pair] = [], cannotLink: [Pair] = [], fields: [FieldDecision] = []) {
        self.mustLink = mustLink; self.cannotLink = cannotLink; self.fields = fields
    }

    public static let none = Overrides()
    static let overridableFields = CustomerConsolidator.decidedFields

    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) }
        catch { throw SettingsError(path: url.path, message: "cannot read overrides file: \(error.localizedDescription)") }
        try self.init(yaml: text)
    }

    public init(yaml: String) throws {
        let loaded: Any?
        do { loaded = try Yams.load(yaml: yaml) }
        catch { throw SettingsError(path: "", message: "not valid YAML: \(error)") }
        self.init()
        guard let loaded else { return } // an empty file overrides nothing
        let root = try YAMLNode(loaded, path: "")
        try root.allowKeys(["version", "must_link", "cannot_link", "fields"])
        // As strict as the matching file: a later format read as this one would apply other decisions.
        if let v = root["version"], try v.int() != 1 { throw v.error("only version 1 is known") }
        mustLink = try root["must_link"]?.list().map(Self.pair) ?? []
        cannotLink = try root["cannot_link"]?.list().map(Self.pair) ?? []
        fields = try root["fields"]?.list().map { node in
            try node.allowKeys(["customer", "field", "value"])
            guard let c = node["customer"], let f = node["field"], let v = node["value"] else {
                throw node.error("a field decision needs customer, field and value")
            }
            let field = try f.string()
            guard Self.overridableFields.contains(field) else {
                throw f.error("field \"\(field)\" cannot be overridden; use one of: " + Self.overridableFields.sorted().joined(separator: ", "))
            }
            return FieldDecision(customer: try Self.selector(c), field: field, value: try v.string())
        } ?? []
    }

    private static func pair(_ node: YAMLNode) throws -> Pair {
        let items = try node.list()
        guard items.count == 2 else { throw node.error("expected a pair: [selector, selector]") }
        return Pair(try selector(items[0]), try selector(items[1]))
    }

    private static func selector(_ node: YAMLNode) throws -> Selector {
        let text = try node.string()
        guard let s = Selector(text) else {
            throw node.error("\"\(text)\" is not a selector: use a record (file#Sheet!row), tax_id:… or name:…")
        }
        return s
    }
}
