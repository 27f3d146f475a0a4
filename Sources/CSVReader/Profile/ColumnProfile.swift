/// The kind of values a column holds, as `inspect` reports it and typed reading uses it.
public enum ColumnType: Hashable, Sendable, CustomStringConvertible {
    case empty
    case text
    case integer(NumberFormat)
    case decimal(NumberFormat)
    /// Numeric dates in `order`; `alternatives` are other orders every value also fits (all days ≤ 12).
    case date(order: DateOrder, alternatives: [DateOrder], hasTime: Bool)

    /// The short name used in JSON: `empty`, `text`, `integer`, `decimal`, `date`.
    public var name: String {
        switch self {
        case .empty: return "empty"
        case .text: return "text"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .date(_, _, let t): return t ? "datetime" : "date"
        }
    }

    public var description: String {
        switch self {
        case .empty, .text: return name
        case .integer(let f): return f.groupSeparator == nil ? "integer" : "integer (\(f))"
        case .decimal(let f): return "decimal (\(f))"
        case .date(let o, let alt, let t):
            let ambiguity = alt.isEmpty ? "" : ", also fits " + alt.map(\.rawValue).joined(separator: "/")
            return (t ? "datetime" : "date") + " (\(o.rawValue)\(ambiguity))"
        }
    }
}

/// Accumulates what one column's values look like, one value at a time, in constant memory.
///
/// A column is numeric or a date when at least ``typedShare`` of its non-empty values are, so one
/// stray `N/A` in a million amounts does not turn the column into text (the stray values are counted
/// in ``outliers`` and the mapping stage rejects them one by one).
public struct ColumnProfile: Hashable, Sendable {
    public static let typedShare = 0.95

    public private(set) var empties = 0
    public private(set) var nonEmpty = 0
    private var numbers = 0
    private var numberMask = NumberFormat.allMask
    private var fractionMask: UInt8 = 0
    private var dates = 0
    private var dateMask: UInt8 = 7
    private var hasTime = false

    public init() {}

    /// Adds one value given as UTF-8 bytes.
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard NumberParser.trimmedBounds(bytes) != nil else { empties += 1; return }
        nonEmpty += 1
        let (mask, fraction) = NumberParser.formatMask(bytes)
        if mask != 0 {
            numbers += 1; numberMask &= mask; fractionMask |= fraction
            return
        }
        let (orders, time) = DateParser.orderMask(bytes)
        if orders != 0 {
            dates += 1; dateMask &= orders; hasTime = hasTime || time
        }
    }

    /// Adds one value given as text.
    public mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add($0) }
    }

    /// Values that do not fit the column's type.
    public var outliers: Int {
        switch type {
        case .integer, .decimal: return nonEmpty - numbers
        case .date: return nonEmpty - dates
        case .empty, .text: return 0
        }
    }

    /// The column's type from the values seen so far.
    public var type: ColumnType {
        if nonEmpty == 0 { return .empty }
        let need = Double(nonEmpty) * ColumnProfile.typedShare
        if Double(numbers) >= need, let f = NumberFormat.preferred(in: numberMask) {
            let k = NumberFormat.candidates.firstIndex(of: f) ?? 0
            return fractionMask & (1 << k) != 0 ? .decimal(f) : .integer(f)
        }
        if Double(dates) >= need {
            let orders = DateOrder.orders(in: dateMask)
            if let first = orders.first {
                return .date(order: first, alternatives: Array(orders.dropFirst()), hasTime: hasTime)
            }
        }
        return .text
    }
}
