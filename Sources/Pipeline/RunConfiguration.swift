import Foundation
import Receivables
import Tabular
import Yams

/// `consolida.yaml`: what `consolida run` reads, where it writes, and the rules it applies.
///
/// Every relative path is resolved against the folder that holds the configuration file (or the
/// current directory when the run is configured from the command line). See the commented example
/// in `Examples/consolida.yaml` and the schema in README.md.
public struct RunConfiguration: Sendable, Equatable {
    /// One input: a file, a folder (read recursively) or a glob, with how to read it.
    public struct Source: Sendable, Equatable, Codable {
        public var path: String
        /// A mapping file for tabular sources (YAML under `Mappings/`); automatic when omitted.
        public var mapping: String?
        /// `auto` (by content), `csv`, `xlsx`, `notebook`, `whatsapp`, `enex`, `keep`.
        public var kind: SourceKind
        /// A human label shown in reports (`ERP`, `Vendedora Ana`).
        public var label: String?
        /// Survivorship priority: higher wins when sources disagree.
        public var priority: Int
        /// Files that are there only some nights (`extras/*.csv`): matching nothing is a note, not
        /// an unreadable source (exit 3). Files it matches that cannot be read are still errors:
        /// optional means "may be absent", not "may be broken".
        public var isOptional: Bool

        public init(path: String, mapping: String? = nil, kind: SourceKind = .auto, label: String? = nil, priority: Int = 0,
                    isOptional: Bool = false) {
            self.path = path; self.mapping = mapping; self.kind = kind; self.label = label; self.priority = priority
            self.isOptional = isOptional
        }

        /// Every key a source may have (``RunConfiguration/unknownKeys(in:)`` refuses any other).
        enum CodingKeys: String, CodingKey, CaseIterable {
            case path, mapping, kind, label, priority, isOptional = "optional"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            path = try c.decode(String.self, forKey: .path)
            mapping = try c.decodeIfPresent(String.self, forKey: .mapping)
            kind = try c.decodeIfPresent(SourceKind.self, forKey: .kind) ?? .auto
            label = try c.decodeIfPresent(String.self, forKey: .label)
            priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? 0
            isOptional = try c.decodeIfPresent(Bool.self, forKey: .isOptional) ?? false
        }
    }

    public var sources: [Source]
    /// Country (ISO 3166-1 alpha-2) for phones and tax IDs that do not name their own.
    public var country: String?
    /// Currency for amounts that do not name their own.
    public var currency: Currency?
    /// The date overdue figures are computed at; today when omitted.
    public var asOf: LocalDate?
    /// The output folder.
    public var output: String
    /// The SQLite store; `<output>/consolida.sqlite` when omitted.
    public var store: String?
    /// Exit with code 1 when a discrepancy at or above this severity is found (`never` by default).
    public var failOn: FailThreshold
    /// Stop at the first unreadable source instead of going on with the others.
    public var strict: Bool
    /// The company's own people in chats (`own_names: [Ana Cobranza, Ramón Torres]`, names or
    /// phones): every other author is the customer, and only the customer's words promise.
    public var ownNames: [String] = []
    /// How many of the latest runs keep their full snapshot in the store (what `report --run N`
    /// and `diff` read); older runs keep their summary only. A snapshot holds every record a run
    /// read, so a nightly job keeping them all grew the store by the size of its sheets each night.
    public var keepRuns: Int
    /// ``keepRuns`` when the configuration does not say: a month of nightly runs.
    public static let defaultKeepRuns = 30
    /// Matching settings (`Mappings/matching.yaml` shape); built-in defaults when omitted.
    public var matching: String?
    /// Must-link / cannot-link pairs and field decisions (`Mappings/overrides.yaml` shape).
    public var overrides: String?
    /// How the collections view judges promises, DSO and contact coverage.
    public var collections: CollectionsOptions
    /// The folder relative paths are resolved against.
    public var baseDirectory: String

    /// The `collections:` block; each value falls back to the Collections module's default.
    public struct CollectionsOptions: Sendable, Equatable, Decodable {
        /// Days after the promised date a payment still keeps the promise.
        public var promiseGraceDays: Int?
        /// A promise with no date is judged this many days after it was made.
        public var undatedPromiseDays: Int?
        /// The sales window of DSO, in days.
        public var dsoWindowDays: Int?
        /// A debtor counts as contacted when reached within this many days before the as-of date.
        public var contactCoverageDays: Int?

        public init(promiseGraceDays: Int? = nil, undatedPromiseDays: Int? = nil, dsoWindowDays: Int? = nil,
                    contactCoverageDays: Int? = nil) {
            self.promiseGraceDays = promiseGraceDays; self.undatedPromiseDays = undatedPromiseDays
            self.dsoWindowDays = dsoWindowDays; self.contactCoverageDays = contactCoverageDays
        }

        /// Every key the block may have (``RunConfiguration/unknownKeys(in:)`` refuses any other).
        enum CodingKeys: String, CodingKey, CaseIterable {
            case promiseGraceDays = "promise_grace_days", undatedPromiseDays = "undated_promise_days"
            case dsoWindowDays = "dso_window_days", contactCoverageDays = "contact_coverage_days"
        }
    }

    public init(sources: [Source], country: String? = nil, currency: Currency? = nil, asOf: LocalDate? = nil,
                output: String = "out", store: String? = nil, failOn: FailThreshold = .never, strict: Bool = false,
                keepRuns: Int = RunConfiguration.defaultKeepRuns, matching: String? = nil, overrides: String? = nil,
                collections: CollectionsOptions = .init(), baseDirectory: String = ".") {
        self.sources = sources; self.country = country; self.currency = currency; self.asOf = asOf
        self.output = output; self.store = store; self.failOn = failOn; self.strict = strict; self.keepRuns = keepRuns
        self.matching = matching; self.overrides = overrides; self.collections = collections
        self.baseDirectory = baseDirectory
    }

    /// A path from the configuration, resolved against ``baseDirectory``.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || baseDirectory == "." || baseDirectory.isEmpty { return path }
        return (baseDirectory as NSString).appendingPathComponent(path)
    }

    public var outputPath: String { resolve(output) }
    public var storePath: String? { store.map(resolve) }
}

/// How a source is read.
public enum SourceKind: String, Sendable, Equatable, Codable, CaseIterable {
    case auto, csv, xlsx, notebook, whatsapp, enex, keep
}

/// The severity at which a run exits with code 1.
public enum FailThreshold: String, Sendable, Equatable, Codable, CaseIterable {
    case never, info, warning, error
}

/// A configuration that cannot be used, with what to fix. The CLI exits with code 2.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { "\(file): \(message)" }
}

extension RunConfiguration {
    /// The YAML document as written by people. Its coding keys, and those of the sections it
    /// embeds, are the keys ``unknownKeys(in:)`` knows.
    struct Document: Decodable {
        struct Defaults: Decodable {
            var country: String?; var currency: String?
            enum CodingKeys: String, CodingKey, CaseIterable { case country, currency }
        }
        enum CodingKeys: String, CodingKey, CaseIterable {
            case sources, defaults, as_of, output, store, fail_on, strict, keep_runs, matching, overrides, collections, own_names
        }
        var sources: [Source]?
        var defaults: Defaults?
        var as_of: String?
        var output: String?
        var store: String?
        var fail_on: String?
        var strict: Bool?
        var keep_runs: Int?
        var matching: String?
        var overrides: String?
        var collections: CollectionsOptions?
        var own_names: [String]?
    }

    /// Loads and validates `consolida.yaml`. Unknown keys are errors, so a typo never silently
    /// changes a nightly job.
    public static func load(path: String) throws -> RunConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, message: "cannot read the configuration (\(error.localizedDescription))")
        }
        return try parse(yaml: text, file: path, baseDirectory: (path as NSString).deletingLastPathComponent)
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(yaml text: String, file: String, baseDirectory: String) throws -> RunConfiguration {
        let document: Document
        do {
            if let node = try Yams.compose(yaml: text), node.mapping != nil {
                // Checked before decoding: the decoder skips a key it does not read without a word.
                let unknown = unknownKeys(in: node)
                guard unknown.isEmpty else {
                    throw ConfigurationError(file: file, message: unknown.joined(separator: "; "))
                }
            } else {
                throw ConfigurationError(file: file, message: "expected a YAML mapping with a 'sources' list")
            }
            document = try YAMLDecoder().decode(Document.self, from: text)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: file, message: "not valid configuration YAML: \(error)")
        }
        guard let sources = document.sources, !sources.isEmpty else {
            throw ConfigurationError(file: file, message: "'sources' must list at least one path or glob")
        }
        var config = RunConfiguration(sources: sources, baseDirectory: baseDirectory.isEmpty ? "." : baseDirectory)
        if let country = document.defaults?.country {
            guard ISOCodes.isCountry(country) else {
                throw ConfigurationError(file: file, message: "defaults.country must be an ISO 3166 code like VE or CO, found '\(country)'")
            }
            config.country = country.uppercased()
        }
        if let currency = document.defaults?.currency {
            guard ISOCodes.isCurrency(currency), let c = Currency(code: currency) else {
                throw ConfigurationError(file: file, message: "defaults.currency must be an ISO 4217 code like USD, found '\(currency)'")
            }
            config.currency = c
        }
        if let asOf = document.as_of {
            guard let d = LocalDate(iso: asOf) else {
                throw ConfigurationError(file: file, message: "as_of must be a date YYYY-MM-DD, found '\(asOf)'")
            }
            config.asOf = d
        }
        if let output = document.output { config.output = output }
        config.store = document.store
        if let failOn = document.fail_on {
            guard let t = FailThreshold(rawValue: failOn) else {
                throw ConfigurationError(file: file, message: "fail_on must be one of never, info, warning, error; found '\(failOn)'")
            }
            config.failOn = t
        }
        config.strict = document.strict ?? false
        config.ownNames = (document.own_names ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let keep = document.keep_runs {
            guard keep >= 1 else {
                throw ConfigurationError(file: file, message: "keep_runs must be at least 1 (the runs whose snapshots the store keeps), found \(keep)")
            }
            config.keepRuns = keep
        }
        config.matching = document.matching
        config.overrides = document.overrides
        if let c = document.collections {
            let values = [("promise_grace_days", c.promiseGraceDays), ("undated_promise_days", c.undatedPromiseDays),
                          ("dso_window_days", c.dsoWindowDays), ("contact_coverage_days", c.contactCoverageDays)]
            for (key, value) in values {
                if let value, value < 0 || (key == "dso_window_days" && value == 0) {
                    throw ConfigurationError(file: file, message: "collections.\(key) must be a positive number of days, found \(value)")
                }
            }
            config.collections = c
        }
        return config
    }
}
