/// A cell address in A1 notation, from `A1` to `XFD1048576` (Excel's limits).
///
/// Rows and columns are 1-based, as a spreadsheet shows them.
public struct CellRef: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384  // XFD

    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        precondition(row >= 1 && column >= 1, "CellRef is 1-based")
        self.row = row; self.column = column
    }

    /// Parses `C17`, `$C$17` or `xfd1048576`; `nil` for anything else or beyond Excel's limits.
    public init?(_ text: some StringProtocol) {
        var col = 0, row = 0, sawLetter = false, sawDigit = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                col = col * 26 + Int((b | 0x20) - UInt8(ascii: "a") + 1)
                sawLetter = true
                if col > CellRef.maxColumn { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawLetter else { return nil }
                row = row * 10 + Int(b - UInt8(ascii: "0"))
                sawDigit = true
                if row > CellRef.maxRow { return nil }
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1 else { return nil }
        self.row = row; self.column = col
    }

    /// Column letters for a 1-based column number: 1 → `A`, 28 → `AB`, 16384 → `XFD`.
    public static func columnLetters(_ column: Int) -> String {
        var n = column, letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The 1-based column number for letters such as `AB`; `nil` when not letters or too large.
    public static func columnNumber(_ letters: some StringProtocol) -> Int? {
        var col = 0
        for b in letters.utf8 {
            let lower = b | 0x20
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) else { return nil }
            col = col * 26 + Int((b | 0x20) - UInt8(ascii: "a") + 1)
            if col > maxColumn { return nil }
        }
        return col == 0 ? nil : col
    }

    public var a1: String { CellRef.columnLetters(column) + String(row) }
    public var description: String { a1 }

    public static func < (a: CellRef, b: CellRef) -> Bool { (a.row, a.column) < (b.row, b.column) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(a1)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let r = CellRef(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an A1 reference: \(s)")
        }
        self = r
    }
}

/// A rectangular range such as `A1:C3` (merged cells, dimensions).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellRef
    public var last: CellRef

    public init(first: CellRef, last: CellRef) { self.first = first; self.last = last }

    /// Parses `A1:C3` or a single `B2`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 1 || parts.count == 2, let a = CellRef(parts[0]) else { return nil }
        let b = parts.count == 2 ? CellRef(parts[1]) : a
        guard let b else { return nil }
        first = CellRef(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellRef(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    public func contains(_ ref: CellRef) -> Bool {
        (first.row...last.row).contains(ref.row) && (first.column...last.column).contains(ref.column)
    }

    public var description: String { first == last ? first.a1 : first.a1 + ":" + last.a1 }
}
