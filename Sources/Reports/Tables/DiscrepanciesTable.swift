import Reconcile
import Tabular

/// `discrepancies.csv` and `discrepancies.json`: one entry per conflict.
///
/// CSV flattens the competing values into `values`: each as `value @ location` (location as
/// `file › Sheet!C17`, `file › row 12` or `file › line 7`), joined by ` | ` in the order
/// reconciliation listed them; `value_count` says how many there are. The JSON keeps the full
/// structure (each value with file, sheet, row, column, cell, line and source label).
/// Order: severity (error, warning, info), then kind, entity, entity ID, field and ID.
public enum DiscrepanciesTable {
    public static let fileName = "discrepancies.csv"
    public static let jsonFileName = "discrepancies.json"
    public static let columns: [OutputColumn] = [
        OutputColumn("id"), OutputColumn("kind"), OutputColumn("severity"), OutputColumn("entity"),
        OutputColumn("entity_id"), OutputColumn("field"), OutputColumn("values"), OutputColumn("value_count", .integer),
        OutputColumn("chosen"), OutputColumn("rule"), OutputColumn("message"),
    ]

    /// The discrepancies in output order.
    public static func ordered(_ input: ReportInput) -> [Discrepancy] {
        // Keys computed once per discrepancy, not once per comparison.
        let keyed = input.result.discrepancies.map { d in
            (d, [d.kind, d.entity, d.entityID, d.field, d.id, flattened(d.values), d.chosen ?? "", d.rule ?? "",
                 d.message])
        }
        return keyed.sorted { a, b in
            if a.0.severity != b.0.severity { return a.0.severity > b.0.severity }
            for (x, y) in zip(a.1, b.1) where x != y {
                return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            }
            return false
        }.map(\.0)
    }

    public static func flattened(_ values: [Discrepancy.CompetingValue]) -> String {
        values.map { "\($0.value) @ \($0.provenance.location.description)" }.joined(separator: " | ")
    }

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = ordered(input).map { d in
            [.text(d.id), .text(d.kind), .text(d.severity.rawValue), .text(d.entity), .text(d.entityID),
             .text(d.field), .text(flattened(d.values)), .integer(d.values.count), .text(d.chosen), .text(d.rule),
             .text(d.message)]
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
    }

    /// A JSON array, one object per discrepancy, keys in a fixed order; absent values are `null`.
    public static func json(_ input: ReportInput) -> JSONValue {
        .array(ordered(input).map { d in
            .object([
                ("id", .string(d.id)), ("kind", .string(d.kind)), ("severity", .string(d.severity.rawValue)),
                ("entity", .string(d.entity)), ("entity_id", .string(d.entityID)), ("field", .string(d.field)),
                ("values", .array(d.values.map(competing))), ("chosen", .string(d.chosen)),
                ("rule", .string(d.rule)), ("message", .string(d.message)),
            ])
        })
    }

    static func competing(_ v: Discrepancy.CompetingValue) -> JSONValue {
        let l = v.provenance.location
        return .object([
            ("value", .string(v.value)), ("source_file", .string(l.file)), ("source_sheet", .string(l.sheet)),
            ("source_row", .int(l.row)), ("source_column", .int(l.column)), ("source_cell", .string(l.cell?.a1)),
            ("source_line", .int(l.line)), ("source_label", .string(v.provenance.sourceLabel)),
            ("location", .string(l.description)),
        ])
    }
}
