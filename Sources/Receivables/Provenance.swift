import Tabular

/// Where a record or a value came from, down to file, sheet and cell or line.
///
/// Every value of a record usually shares one provenance, and a record has about ten values: the
/// fields live in one shared, immutable box (copy-on-write), so a copy costs a pointer instead of
/// ~130 bytes. The public API and the Codable form are those of a plain struct with three fields.
public struct Provenance: Hashable, Sendable, Codable, CustomStringConvertible {
    private final class Storage: Sendable {
        let location: SourceLocation
        let sourceLabel: String?
        let rawText: String?

        init(_ location: SourceLocation, _ sourceLabel: String?, _ rawText: String?) {
            self.location = location; self.sourceLabel = sourceLabel; self.rawText = rawText
        }
    }

    private var storage: Storage

    public var location: SourceLocation {
        get { storage.location }
        set { storage = Storage(newValue, storage.sourceLabel, storage.rawText) }
    }
    /// A human label for the source (`Vendedor Ana`, `ERP`), from the mapping; may be empty.
    public var sourceLabel: String? {
        get { storage.sourceLabel }
        set { storage = Storage(storage.location, newValue, storage.rawText) }
    }
    /// The raw text the value was parsed from, when it differs from the value itself.
    public var rawText: String? {
        get { storage.rawText }
        set { storage = Storage(storage.location, storage.sourceLabel, newValue) }
    }

    public init(_ location: SourceLocation, sourceLabel: String? = nil, rawText: String? = nil) {
        storage = Storage(location, sourceLabel, rawText)
    }

    public var description: String { location.description }

    public static func == (a: Provenance, b: Provenance) -> Bool {
        a.storage === b.storage
            || (a.location == b.location && a.sourceLabel == b.sourceLabel && a.rawText == b.rawText)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(sourceLabel)
        hasher.combine(rawText)
    }

    // The same keys, calls and order as the synthesized conformance, so the output is unchanged.
    private enum CodingKeys: String, CodingKey { case location, sourceLabel, rawText }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        storage = Storage(try c.decode(SourceLocation.self, forKey: .location),
                          try c.decodeIfPresent(String.self, forKey: .sourceLabel),
                          try c.decodeIfPresent(String.self, forKey: .rawText))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(location, forKey: .location)
        try c.encodeIfPresent(sourceLabel, forKey: .sourceLabel)
        try c.encodeIfPresent(rawText, forKey: .rawText)
    }
}

/// A value together with the place it was read from.
public struct Sourced<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var provenance: Provenance?

    public init(_ value: Value, from provenance: Provenance? = nil) {
        self.value = value; self.provenance = provenance
    }
}

extension Sourced: Codable where Value: Codable {}

/// Identifies one source record (a row or a notebook entry): stable across runs because it is
/// derived from the location, e.g. `ventas-ana.xlsx#Clientes!12` or `notas.txt#L40`.
public struct RecordID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The canonical ID of the record at a location: file, sheet, row, else line.
    public init(_ location: SourceLocation, suffix: String? = nil) {
        var s = location.file + "#"
        if let sheet = location.sheet { s += sheet + "!" }
        if let row = location.row { s += String(row) }
        else if let line = location.line { s += "L" + String(line) }
        if let suffix { s += "/" + suffix }
        rawValue = s
    }

    public var description: String { rawValue }
    public static func < (a: RecordID, b: RecordID) -> Bool { a.rawValue < b.rawValue }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
}
