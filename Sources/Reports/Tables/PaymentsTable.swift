import Receivables
import Reconcile

/// `payments.csv`: one row per consolidated payment.
public enum PaymentsTable {
    public static let fileName = "payments.csv"
    public static let columns: [OutputColumn] = [
        OutputColumn("payment_id"), OutputColumn("customer_id"), OutputColumn("date", .date),
        OutputColumn("currency"), OutputColumn("amount", .decimal), OutputColumn("invoice_number"),
        OutputColumn("invoice_found", .boolean), OutputColumn("reference"), OutputColumn("method"),
    ] + LocationColumns.columns

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = input.result.payments.map { p in
            let pay = p.payment
            let currency = pay.amount.value.currency
            return [
                .text(pay.id.rawValue), .text(p.customerID), .date(pay.date?.value), .text(currency?.code),
                .money(pay.amount.value.amount, currency), .text(p.invoiceNumber ?? pay.invoiceNumber?.value),
                .boolean(p.invoiceFound), .text(pay.reference?.value), .text(pay.method?.value),
            ] + LocationColumns.cells(pay.provenance.location)
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
            .sorted(byColumns: ["customer_id", "date", "payment_id"])
    }
}
