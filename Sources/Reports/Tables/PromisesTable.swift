import Collections
import Receivables
import Reconcile

/// `promises.csv`: one row per promise to pay, with the status the collections stage decided.
///
/// `deadline` is the promised date plus grace days (or the made-on date plus the undated window);
/// `paid_in_window` is what the customer paid between `made_on` and the deadline in the promise's
/// currency; `status` is `kept`, `broken` or `pending` (rules in Sources/Collections/README.md).
public enum PromisesTable {
    public static let fileName = "promises.csv"
    public static let columns: [OutputColumn] = [
        OutputColumn("promise_id"), OutputColumn("customer_id"), OutputColumn("made_on", .date),
        OutputColumn("promised_date", .date), OutputColumn("deadline", .date), OutputColumn("currency"),
        OutputColumn("amount", .decimal), OutputColumn("paid_in_window", .decimal), OutputColumn("status"),
        OutputColumn("invoice_numbers"), OutputColumn("confidence", .decimal), OutputColumn("text"),
    ] + LocationColumns.columns

    public static func table(_ input: ReportInput) -> OutputTable {
        let evaluations = input.collections.promises
        let rows: [[OutputCell]] = input.result.promises.enumerated().map { i, attached in
            let p = attached.promise
            let e = i < evaluations.count ? evaluations[i] : nil
            let currency = e?.currency ?? p.amount?.currency
            return [
                .text(p.id.rawValue), .text(attached.customerID), .date(p.madeOn), .date(p.promisedDate),
                .date(e?.deadline), .text(currency?.code), .money(e?.promisedAmount ?? p.amount?.amount, currency),
                .money(e?.paidInWindow, currency), .text((e?.status ?? p.status).rawValue),
                .text(p.invoiceNumbers.joinedList), .ratio(p.confidence), .text(p.text),
            ] + LocationColumns.cells(p.provenance.location)
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
            .sorted(byColumns: ["customer_id", "made_on", "promise_id"])
    }
}
