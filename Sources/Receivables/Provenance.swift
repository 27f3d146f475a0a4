import Tabular

/// Where a record or a value came from, down to file, sheet and cell or line.
///
/// A record and its ten or so values come from one row: they share one immutable box with the
/// row's place (file, sheet, row, line) and source label, and each value keeps its own column
/// inline. Deriving a value's provenance from its row's (``at(column:rawText:)``) allocates nothing
/// unless the value has raw text, which lives in a small box of its own beside a reference to the
/// row's. The struct is 16 bytes (one reference and the column), so the copies reconciliation makes
/// stay small. The public API and the Codable form are those of a plain struct with three fields.
public struct Provenance: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The place without its column, and the source label: shared by every value of a row.
    private final class Origin: Sendable {
        let place: SourceLocation
        let sourceLabel: String?

        init(_ place: SourceLocation, _ sourceLabel: String?) {
            self.place = place; self.sourceLabel = sourceLabel
        }
    }

    /// A value's raw text, with its row's origin.
    private final class RawText: Sendable {
        let origin: Origin
        let text: String

        init(_ origin: Origin, _ text: String) {
            self.origin = origin; self.text = text
        }
    }

    /// One reference either way (the enum packs its case into the pointer's spare bits).
    private enum Box: Sendable {
        case plain(Origin)
        case withRawText(RawText)

        init(_ origin: Origin, rawText: String?) {
            if let rawText { self = .withRawText(RawText(origin, rawText)) } else { self = .plain(origin) }
        }

        var origin: Origin {
            switch self {
            case .plain(let o): return o
            case .withRawText(let r): return r.origin
            }
        }

        var rawText: String? {
            if case .withRawText(let r) = self { return r.text }
            return nil
        }
    }

    private var box: Box
    /// The 1-based column, or 0 for none (an `Int32` keeps the struct at 16 bytes).
    private var columnNumber: Int32

    public var location: SourceLocation {
        get {
            var l = box.origin.place
            if columnNumber > 0 { l.column = Int(columnNumber) }
            return l
        }
        set {
            let (origin, number) = Self.split(newValue, sourceLabel)
            box = Box(origin, rawText: rawText); columnNumber = number
        }
    }
    /// A human label for the source (`Vendedor Ana`, `ERP`), from the mapping; may be empty.
    public var sourceLabel: String? {
        get { box.origin.sourceLabel }
        set { box = Box(Origin(box.origin.place, newValue), rawText: rawText) }
    }
    /// The raw text the value was parsed from, when it differs from the value itself.
    public var rawText: String? {
        get { box.rawText }
        set { box = Box(box.origin, rawText: newValue) }
    }

    public init(_ location: SourceLocation, sourceLabel: String? = nil, rawText: String? = nil) {
        let (origin, number) = Self.split(location, sourceLabel)
        box = Box(origin, rawText: rawText); columnNumber = number
    }

    /// The provenance of one value of the same record: its column and raw text, sharing the rest.
    public func at(column: Int?, rawText: String? = nil) -> Provenance {
        var origin = box.origin
        // A record built at an odd column (0, negative) keeps it in its place: the value's own column replaces it.
        if origin.place.column != nil {
            var place = origin.place
            place.column = nil
            origin = Origin(place, origin.sourceLabel)
        }
        var copy = self
        copy.columnNumber = Self.columnNumber(column)
        copy.box = Box(origin, rawText: rawText)
        return copy
    }

    private static func split(_ location: SourceLocation, _ sourceLabel: String?) -> (Origin, Int32) {
        let number = columnNumber(location.column)
        var place = location
        // A column that does not fit the inline number (never a real one) stays in the shared place.
        if number > 0 || location.column == nil { place.column = nil }
        return (Origin(place, sourceLabel), number)
    }

    private static func columnNumber(_ column: Int?) -> Int32 {
        guard let column, column > 0, column <= Int(Int32.max) else { return 0 }
        return Int32(column)
    }

    public var description: String { location.description }

    public static func == (a: Provenance, b: Provenance) -> Bool {
        let (x, y) = (a.box.origin, b.box.origin)
        return a.columnNumber == b.columnNumber && a.rawText == b.rawText
            && (x === y || (x.place == y.place && x.sourceLabel == y.sourceLabel))
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
        self.init(try c.decode(SourceLocation.self, forKey: .location),
                  sourceLabel: try c.decodeIfPresent(String.self, forKey: .sourceLabel),
                  rawText: try c.decodeIfPresent(String.self, forKey: .rawText))
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
        // Built in one buffer: an import makes one or two of these per row.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(location.file.utf8.count + (location.sheet?.utf8.count ?? 0) + 24)
        Self.appendSheetPart(file: location.file, sheet: location.sheet, to: &bytes)
        Self.appendPlacePart(row: location.row, line: location.line, suffix: suffix, to: &bytes)
        rawValue = String(decoding: bytes, as: UTF8.self)
    }

    /// The start every record of a sheet shares: `file#sheet!` (`file#` for a file without sheets).
    public static func sheetPart(file: String, sheet: String?) -> String {
        var bytes: [UInt8] = []
        appendSheetPart(file: file, sheet: sheet, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendSheetPart(file: String, sheet: String?, to bytes: inout [UInt8]) {
        bytes.appendUTF8(file); bytes.append(UInt8(ascii: "#"))
        if let sheet { bytes.appendUTF8(sheet); bytes.append(UInt8(ascii: "!")) }
    }

    /// The record's own part, after ``sheetPart(file:sheet:)``: its row, else `L` and its line, and
    /// `/suffix`. Only digits, `L`, `/` and the suffix: a writer can append it to a shared start.
    public static func appendPlacePart(row: Int?, line: Int?, suffix: String?, to bytes: inout [UInt8]) {
        if let row {
            bytes.appendDecimal(row)
        } else if let line {
            bytes.append(UInt8(ascii: "L")); bytes.appendDecimal(line)
        }
        if let suffix { bytes.append(UInt8(ascii: "/")); bytes.appendUTF8(suffix) }
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
