import Receivables
import Reconcile

/// `contacts.csv`: one row per contact event (call, visit, WhatsApp message, email, note).
///
/// `outcome_confidence` is 0…1 with 4 decimals; `mentioned_amounts` lists `amount CUR` joined by
/// `; `, `mentioned_invoices` the invoice numbers named in the text.
public enum ContactsTable {
    public static let fileName = "contacts.csv"
    public static let columns: [OutputColumn] = [
        OutputColumn("contact_id"), OutputColumn("customer_id"), OutputColumn("date", .date), OutputColumn("time"),
        OutputColumn("channel"), OutputColumn("author"), OutputColumn("outcome"),
        OutputColumn("outcome_confidence", .decimal), OutputColumn("text"), OutputColumn("mentioned_amounts"),
        OutputColumn("mentioned_invoices"),
    ] + LocationColumns.columns

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = input.result.contacts.map { c in
            let e = c.event
            return [
                .text(e.id.rawValue), .text(c.customerID), .date(e.date), .text(e.time?.iso), .text(e.channel.rawValue),
                .text(e.author), .text(e.outcome.rawValue), .ratio(e.outcomeConfidence), .text(e.text),
                .text(e.mentionedAmounts.map(\.description).joinedList), .text(e.mentionedInvoices.joinedList),
            ] + LocationColumns.cells(e.provenance.location)
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
            .sorted(byColumns: ["customer_id", "date", "time", "contact_id"])
    }
}
