import Foundation
import Receivables
import Tabular

/// One typed value of an output table. The type decides how each writer renders it: CSV writes
/// numbers as plain `.` decimals and dates as ISO text; XLSX writes real numbers and dates.
public enum OutputCell: Hashable, Sendable {
    case empty
    /// Free text from the sources: the only kind that can carry a formula, so the only kind the
    /// CSV writer neutralizes.
    case text(String)
    /// An exact decimal written with at least `minimumScale` fraction digits (money: the
    /// currency's minor units).
    case decimal(Decimal, minimumScale: Int)
    case integer(Int)
    case date(LocalDate)
    case boolean(Bool)

    /// A money amount in its currency's minor units (`1234.50`, `-3.00`).
    public static func money(_ value: Decimal?, _ currency: Currency?) -> OutputCell {
        guard let value else { return .empty }
        return .decimal(value, minimumScale: currency?.minorUnits ?? 2)
    }

    public static func text(_ value: String?) -> OutputCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    public static func integer(_ value: Int?) -> OutputCell { value.map(OutputCell.integer) ?? .empty }
    public static func date(_ value: LocalDate?) -> OutputCell { value.map(OutputCell.date) ?? .empty }

    /// A 0…1 score or confidence with a fixed number of decimals; computed from the double without
    /// locale or exponent so the text is the same everywhere.
    public static func ratio(_ value: Double?, scale: Int = 4) -> OutputCell {
        guard let value, value.isFinite else { return .empty }
        var factor = 1.0
        for _ in 0..<scale { factor *= 10 }
        let product = (value * factor).rounded()
        // Scores and confidences are 0…1; anything beyond Int64 is nonsense, written as unknown.
        guard abs(product) < 9e18 else { return .empty }
        let scaled = Decimal(Int64(product))
        return .decimal(scaled / Decimal(Int64(factor)), minimumScale: scale)
    }

    /// The value as plain text: what CSV writes before quoting (and before neutralizing text).
    public var plainText: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .decimal(let d, let scale): return Money.plainText(d, minimumScale: scale)
        case .integer(let i): return String(i)
        case .date(let d): return d.iso
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    /// Total order used to sort rows: empty first, then numbers by value, dates by day, text by
    /// Unicode scalar order (not locale collation, which could differ between machines).
    static func precedes(_ a: OutputCell, _ b: OutputCell) -> Bool {
        switch (a, b) {
        case (.empty, .empty): return false
        case (.empty, _): return true
        case (_, .empty): return false
        case let (.decimal(x, _), .decimal(y, _)): return x < y
        case let (.integer(x), .integer(y)): return x < y
        case let (.decimal(x, _), .integer(y)): return x < Decimal(y)
        case let (.integer(x), .decimal(y, _)): return Decimal(x) < y
        case let (.date(x), .date(y)): return x < y
        case let (.boolean(x), .boolean(y)): return !x && y
        default: return a.plainText.unicodeScalars.lexicographicallyPrecedes(b.plainText.unicodeScalars)
        }
    }
}
