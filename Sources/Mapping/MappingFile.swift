import Foundation
import Receivables
import Tabular
import Yams

/// A reviewed, editable mapping for one kind of source, stored as YAML under `Mappings/`
/// (schema: `Mappings/README.md`).
public struct MappingFile: Codable, Sendable, Equatable {
    public var version: Int
    /// A short name for people (`ventas-ana`).
    public var name: String?
    /// File name patterns this mapping applies to (`ventas-*.xlsx`, `*/erp/*.csv`); `*` and `?`.
    public var files: [String]?
    /// A label for records from these files (`Vendedor Ana`, `ERP`), kept in provenance.
    public var sourceLabel: String?
    /// Higher wins when sources disagree (used by survivorship); 0 when unset.
    public var sourcePriority: Int?
    /// Constants: the country (ISO alpha-2) and currency (ISO 4217) of values that do not name theirs.
    public var country: String?
    public var currency: String?
    public var formats: Formats?
    public var tables: [TableSpec]

    public struct Formats: Codable, Sendable, Equatable {
        public var dateOrder: DateOrder?
        /// `","` or `"."`.
        public var decimalSeparator: String?

        public init(dateOrder: DateOrder? = nil, decimalSeparator: String? = nil) {
            self.dateOrder = dateOrder; self.decimalSeparator = decimalSeparator
        }

        enum CodingKeys: String, CodingKey {
            case dateOrder = "date_order", decimalSeparator = "decimal_separator"
        }
    }

    /// One table: which sheet, where its header is, what its rows are, and its columns.
    public struct TableSpec: Codable, Sendable, Equatable {
        /// Sheet name or pattern (`Facturas*`); absent for CSV or to match any sheet.
        public var sheet: String?
        /// The table's title, to pick one of several tables on a sheet.
        public var table: String?
        /// The header's row number as the spreadsheet shows it (absent: found automatically).
        public var headerRow: Int?
        public var kind: RecordKind?
        /// Field name (`customer_name`, `tax_id` …) → where its value is.
        public var columns: [String: ColumnSpec]
        /// Columns to leave out entirely (by header text or letter); everything else unmapped is kept as extra.
        public var ignore: [String]?

        public init(sheet: String? = nil, table: String? = nil, headerRow: Int? = nil, kind: RecordKind? = nil,
                    columns: [String: ColumnSpec] = [:], ignore: [String]? = nil) {
            self.sheet = sheet; self.table = table; self.headerRow = headerRow; self.kind = kind
            self.columns = columns; self.ignore = ignore
        }

        enum CodingKeys: String, CodingKey {
            case sheet, table, headerRow = "header_row", kind, columns, ignore
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(sheet: try c.decodeIfPresent(String.self, forKey: .sheet),
                      table: try c.decodeIfPresent(String.self, forKey: .table),
                      headerRow: try c.decodeIfPresent(Int.self, forKey: .headerRow),
                      kind: try c.decodeIfPresent(RecordKind.self, forKey: .kind),
                      columns: try c.decodeIfPresent([String: ColumnSpec].self, forKey: .columns) ?? [:],
                      ignore: try c.decodeIfPresent([String].self, forKey: .ignore))
        }
    }

    /// Where one field's value is: a header text or a column letter, or several (joined).
    public struct ColumnSpec: Codable, Sendable, Equatable {
        public var header: String?
        public var column: String?
        /// Several columns joined with `separator` (first and last name), by header or letter.
        public var headers: [String]?
        public var columns: [String]?
        public var separator: String?
        /// How sure the automatic mapping was, in percent; written by `consolida map` for review
        /// and ignored when reading.
        public var confidence: Int?

        public init(header: String? = nil, column: String? = nil, headers: [String]? = nil, columns: [String]? = nil,
                    separator: String? = nil, confidence: Int? = nil) {
            self.header = header; self.column = column; self.headers = headers; self.columns = columns
            self.separator = separator; self.confidence = confidence
        }

        /// A bare string is a header text: `customer_name: Cliente`.
        public init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
                self.init(header: text); return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(header: try c.decodeIfPresent(String.self, forKey: .header),
                      column: try c.decodeIfPresent(String.self, forKey: .column),
                      headers: try c.decodeIfPresent([String].self, forKey: .headers),
                      columns: try c.decodeIfPresent([String].self, forKey: .columns),
                      separator: try c.decodeIfPresent(String.self, forKey: .separator),
                      confidence: try c.decodeIfPresent(Int.self, forKey: .confidence))
        }
    }

    public init(version: Int = 1, name: String? = nil, files: [String]? = nil, sourceLabel: String? = nil,
                sourcePriority: Int? = nil, country: String? = nil, currency: String? = nil, formats: Formats? = nil,
                tables: [TableSpec] = []) {
        self.version = version; self.name = name; self.files = files; self.sourceLabel = sourceLabel
        self.sourcePriority = sourcePriority; self.country = country; self.currency = currency
        self.formats = formats; self.tables = tables
    }

    enum CodingKeys: String, CodingKey {
        case version, name, files, sourceLabel = "source_label", sourcePriority = "source_priority", country,
             currency, formats, tables
    }

    /// `tables` may be left out (constants only: the automatic mapping with a label and a currency).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(version: try c.decode(Int.self, forKey: .version),
                  name: try c.decodeIfPresent(String.self, forKey: .name),
                  files: try c.decodeIfPresent([String].self, forKey: .files),
                  sourceLabel: try c.decodeIfPresent(String.self, forKey: .sourceLabel),
                  sourcePriority: try c.decodeIfPresent(Int.self, forKey: .sourcePriority),
                  country: try c.decodeIfPresent(String.self, forKey: .country),
                  currency: try c.decodeIfPresent(String.self, forKey: .currency),
                  formats: try c.decodeIfPresent(Formats.self, forKey: .formats),
                  tables: try c.decodeIfPresent([TableSpec].self, forKey: .tables) ?? [])
    }

    /// Problems that make the file unusable, as readable sentences (unknown fields, bad codes).
    public func validate() -> [String] {
        var problems: [String] = []
        if version != 1 { problems.append("version \(version) is not known: this Consolida reads version 1") }
        if let currency, !ISOCodes.isCurrency(currency) { problems.append("currency \"\(currency)\" is not an ISO 4217 code") }
        if let country, !ISOCodes.isCountry(country) { problems.append("country \"\(country)\" is not an ISO 3166 alpha-2 code") }
        if let sep = formats?.decimalSeparator, sep != ",", sep != "." {
            problems.append("decimal_separator must be \",\" or \".\", not \"\(sep)\"")
        }
        for (i, t) in tables.enumerated() {
            if let row = t.headerRow, row < 1 { problems.append("tables[\(i)].header_row: rows count from 1, not \(row)") }
            for key in t.columns.keys.sorted() where Field(rawValue: key) == nil {
                problems.append("tables[\(i)]: unknown field \"\(key)\" (known: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            for (key, spec) in t.columns where spec.header == nil && spec.column == nil && spec.headers == nil && spec.columns == nil {
                problems.append("tables[\(i)].columns.\(key): give header, column, headers or columns")
            }
            for (key, spec) in t.columns {
                for letters in (spec.columns ?? []) + (spec.column.map { [$0] } ?? []) where CellRef.columnNumber(letters) == nil {
                    problems.append("tables[\(i)].columns.\(key): \"\(letters)\" is not a column letter")
                }
            }
        }
        return problems
    }

    /// Whether this mapping applies to a file (by its path or its name); no patterns: every file.
    public func applies(to path: String) -> Bool {
        guard let files, !files.isEmpty else { return true }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return files.contains { Glob.matches($0, path) || Glob.matches($0, name) }
    }

    /// The table specs for a sheet (by name or pattern; a spec without a sheet matches any).
    func specs(forSheet sheet: String?) -> [TableSpec] {
        tables.filter { spec in
            guard let pattern = spec.sheet else { return true }
            guard let sheet else { return pattern == "*" }
            return Glob.matches(pattern, sheet) || pattern.lowercased() == sheet.lowercased()
        }
    }
}

extension MappingFile {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, problems: [String])

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read the mapping: \(reason)"
            case .invalid(let path, let problems): return "\(path): " + problems.joined(separator: "; ")
            }
        }
    }

    /// Reads and validates a YAML mapping.
    public static func load(path: String) throws -> MappingFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) }
        catch { throw LoadError.unreadable(path: path, reason: "\(error.localizedDescription)") }
        return try parse(yaml: text, path: path)
    }

    public static func parse(yaml: String, path: String = "<mapping>") throws -> MappingFile {
        let file: MappingFile
        let unknown: [String]
        do {
            unknown = try Yams.compose(yaml: yaml).map { unknownKeys($0) } ?? []
            file = try YAMLDecoder().decode(MappingFile.self, from: yaml)
        } catch let error as DecodingError {
            throw LoadError.invalid(path: path, problems: [readable(error)])
        } catch { throw LoadError.unreadable(path: path, reason: "\(error)") }
        let problems = unknown + file.validate()
        guard problems.isEmpty else { throw LoadError.invalid(path: path, problems: problems) }
        return file
    }

    /// A decoding error as a sentence naming the key and what it takes (`tables[0].header_row:
    /// expected a whole number`; `formats.date_order: "dym" is not one of dmy, mdy, ymd`).
    static func readable(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop { $0 == "." }.description
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type: return "a whole number"
            case is String.Type: return "text"
            case is [String].Type: return "a list of texts"
            default: return "a \(type)"
            }
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(place(context.codingPath)): expected \(kind(type))"
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            let key = context.codingPath.last?.stringValue
            let allowed = key == "date_order" ? DateOrder.allCases.map(\.rawValue)
                : key == "kind" ? RecordKind.allCases.map(\.rawValue) : []
            let found = context.debugDescription.split(separator: " ").last.map(String.init) ?? ""
            return allowed.isEmpty ? "\(place(context.codingPath)): \(context.debugDescription)"
                : "\(place(context.codingPath)): \"\(found)\" is not one of \(allowed.joined(separator: ", "))"
        @unknown default:
            return "\(error)"
        }
    }

    // The keys each level of the schema knows. A key the decoder does not know would be skipped
    // without a word, and a mistyped `currncy: EUR` silently leaves the currency unset.
    static let fileKeys: Set<String> = ["version", "name", "files", "source_label", "source_priority", "country",
                                        "currency", "formats", "tables"]
    static let formatKeys: Set<String> = ["date_order", "decimal_separator"]
    static let tableKeys: Set<String> = ["sheet", "table", "header_row", "kind", "columns", "ignore"]
    static let columnKeys: Set<String> = ["header", "column", "headers", "columns", "separator", "confidence"]

    /// Keys the schema does not know, as problems naming where they are and what is known there.
    static func unknownKeys(_ root: Node) -> [String] {
        var problems: [String] = []
        func check(_ node: Node?, _ known: Set<String>, at place: String) {
            guard let mapping = node?.mapping else { return }
            for key in mapping.keys {
                guard let name = key.string, !known.contains(name) else { continue }
                problems.append("\(place.isEmpty ? "" : place + ": ")unknown key \"\(name)\" (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
        check(root, fileKeys, at: "")
        check(root.mapping?["formats"], formatKeys, at: "formats")
        for (i, table) in (root.mapping?["tables"]?.sequence.map(Array.init) ?? []).enumerated() {
            check(table, tableKeys, at: "tables[\(i)]")
            for (field, spec) in table.mapping?["columns"]?.mapping ?? [:] {
                check(spec, columnKeys, at: "tables[\(i)].columns.\(field.string ?? "?")")
            }
        }
        return problems
    }

    /// YAML for people: a comment header, then the mapping with keys in a stable order.
    public func yaml(comment: String? = nil) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        encoder.options.allowUnicode = true
        let body = try encoder.encode(self)
        let head = comment.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n") + "\n" } ?? ""
        return head + body
    }

    /// Writes the YAML to `path` through a temporary file, so a reader never sees half a file.
    public func save(path: String, comment: String? = nil) throws {
        let text = try yaml(comment: comment)
        let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try text.write(toFile: tmp, atomically: false, encoding: .utf8)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
    }
}
