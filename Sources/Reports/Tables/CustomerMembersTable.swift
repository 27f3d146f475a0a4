import Reconcile

/// `customer_members.csv`: one row per source customer record and the customer it joined.
///
/// `match_score` is the match probability with 4 decimals (empty for the record a cluster grew
/// from); `match_rule` names the evidence (`seed`, `tax_id`, `score`, `must_link`, …).
public enum CustomerMembersTable {
    public static let fileName = "customer_members.csv"
    public static let columns: [OutputColumn] = [OutputColumn("customer_id")] + LocationColumns.columns + [
        OutputColumn("source_name"), OutputColumn("source_tax_id"), OutputColumn("match_score", .decimal),
        OutputColumn("match_rule"),
    ]

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = input.result.customers.flatMap { c in
            c.members.map { m in
                [.text(m.customerID.isEmpty ? c.customerID : m.customerID)]
                    + LocationColumns.cells(m.provenance.location)
                    + [.text(m.sourceName), .text(m.sourceTaxID), .ratio(m.matchScore), .text(m.matchRule)]
            }
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
            .sorted(byColumns: ["customer_id", "source_file", "source_sheet", "source_row", "source_line"])
    }
}
