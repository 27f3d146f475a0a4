import Tabular

/// Where a record or a value came from, down to file, sheet and cell or line.
public struct Provenance: Hashable, Sendable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    /// A human label for the source (`Vendedor Ana`, `ERP`), from the mapping; may be empty.
    public var sourceLabel: String?
    /// The raw text the value was parsed from, when it differs from the value itself.
    public var rawText: String?

    public init(_ location: SourceLocation, sourceLabel: String? = nil, rawText: String? = nil) {
        self.location = location; self.sourceLabel = sourceLabel; self.rawText = rawText
    }

    public var description: String { location.description }
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
