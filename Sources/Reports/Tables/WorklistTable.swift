import Collections
import Receivables

/// `worklist.csv`: customers in the order a collector should call them, with the reason.
///
/// `overdue_balance` is in `currency` (the main currency, unless the customer only owes overdue
/// money in another one); `other_overdue` lists overdue money in other currencies (`700.00 VES`,
/// joined by `; `), never added. `score` is 0…100 and `score_detail` shows its parts (see
/// Sources/Collections/README.md); `reason` says the same in words (Spanish).
public enum WorklistTable {
    public static let fileName = "worklist.csv"
    public static let columns: [OutputColumn] = [
        OutputColumn("rank", .integer), OutputColumn("customer_id"), OutputColumn("name"), OutputColumn("score", .integer),
        OutputColumn("currency"), OutputColumn("overdue_balance", .decimal), OutputColumn("overdue_documents", .integer),
        OutputColumn("max_days_overdue", .integer), OutputColumn("oldest_due_date", .date), OutputColumn("other_overdue"),
        OutputColumn("broken_promises", .integer), OutputColumn("pending_promises", .integer),
        OutputColumn("next_promise_date", .date), OutputColumn("last_contact_date", .date),
        OutputColumn("days_since_contact", .integer), OutputColumn("phones"), OutputColumn("salesperson"),
        OutputColumn("reason"), OutputColumn("score_detail"),
    ]

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = input.collections.worklist.map { w in
            [.integer(w.rank), .text(w.customerID), .text(w.name), .integer(w.score.total), .text(w.currency?.code),
             .money(w.overdue, w.currency), .integer(w.overdueDocuments), .integer(w.maxDaysOverdue),
             .date(w.oldestDueDate), .text(w.otherOverdue.map(\.description).joinedList), .integer(w.brokenPromises),
             .integer(w.pendingPromises), .date(w.nextPromiseDeadline), .date(w.lastContactDate),
             .integer(w.daysSinceContact), .text(w.phones.joinedList), .text(w.salesperson), .text(w.reason),
             .text(w.score.detail)]
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows).sorted(byColumns: ["rank"])
    }
}
