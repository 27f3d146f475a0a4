import Collections
import Receivables
import Reconcile

/// `invoices.csv`: one row per consolidated document (columns fixed by DESIGN.md).
///
/// Credit notes are negative in `amount` and `balance`; `balance` is the open amount the aging
/// uses, so a customer's rows sum to its balance per currency. `days_overdue` is as-of − due date
/// (issue date when no due date), negative when not yet due, empty when the document is settled
/// or undated; `aging_bucket` is empty in the same cases.
public enum InvoicesTable {
    public static let fileName = "invoices.csv"
    public static let columns: [OutputColumn] = [
        OutputColumn("customer_id"), OutputColumn("document_number"), OutputColumn("document_type"),
        OutputColumn("issue_date", .date), OutputColumn("due_date", .date), OutputColumn("currency"),
        OutputColumn("amount", .decimal), OutputColumn("paid", .decimal), OutputColumn("balance", .decimal),
        OutputColumn("days_overdue", .integer), OutputColumn("aging_bucket"), OutputColumn("source_count", .integer),
        OutputColumn("has_conflict", .boolean),
    ]

    public static func table(_ input: ReportInput) -> OutputTable {
        let aging = input.collections.invoices
        let rows: [[OutputCell]] = input.result.invoices.enumerated().map { i, inv in
            let a = i < aging.count ? aging[i] : nil
            let currency = a?.currency ?? inv.currency
            return [
                .text(inv.customerID), .text(inv.documentNumber), .text(inv.documentType.rawValue),
                .date(inv.issueDate), .date(inv.dueDate), .text(currency?.code),
                .money(a?.amount ?? inv.amount?.amount, currency), .money(inv.paid?.amount, currency),
                .money(a?.openAmount ?? inv.balance?.amount, currency), .integer(a?.daysOverdue),
                .text(a?.bucket?.rawValue), .integer(inv.sourceCount), .boolean(inv.hasConflict),
            ]
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
            .sorted(byColumns: ["customer_id", "document_number", "document_type", "issue_date"])
    }
}
