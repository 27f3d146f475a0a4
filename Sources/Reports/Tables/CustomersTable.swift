import Collections
import Receivables
import Reconcile

/// `customers.csv`: one row per consolidated customer (columns fixed by DESIGN.md).
///
/// `balance` and `overdue_balance` are in the customer's main currency (`currency`); money owed in
/// other currencies is in `customer_balances.csv`, never added here.
public enum CustomersTable {
    public static let fileName = "customers.csv"
    public static let columns: [OutputColumn] = [
        OutputColumn("customer_id"), OutputColumn("name"), OutputColumn("tax_id"), OutputColumn("tax_id_country"),
        OutputColumn("phones"), OutputColumn("emails"), OutputColumn("address"), OutputColumn("salesperson"),
        OutputColumn("currency"), OutputColumn("balance", .decimal), OutputColumn("overdue_balance", .decimal),
        OutputColumn("oldest_due_date", .date), OutputColumn("last_contact_date", .date),
        OutputColumn("member_count", .integer),
    ]

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = input.result.customers.map { c in
            let p = input.collections.position(of: c.customerID)
            let currency = p?.mainCurrency ?? c.currency
            return [
                .text(c.customerID), .text(c.name), .text(c.taxID?.normalized), .text(c.taxID?.country),
                .text(c.phones.joinedList), .text(c.emails.joinedList), .text(c.address), .text(c.salesperson),
                .text(currency?.code), .money(p?.main.balance ?? 0, currency), .money(p?.main.overdue ?? 0, currency),
                .date(p?.oldestDueDate), .date(p?.lastContactDate), .integer(c.members.count),
            ]
        }
        return OutputTable(fileName: fileName, columns: columns, rows: rows).sorted(byColumns: ["customer_id"])
    }
}
