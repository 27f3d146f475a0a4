import Foundation
import Collections
import Receivables

/// `customer_balances.csv` (beyond DESIGN's list): one row per customer and currency it has open
/// documents in, plus its main currency, so money in several currencies is shown without ever
/// being added. `is_main_currency` marks the row `customers.csv` shows; bucket columns hold the
/// open amount per aging bucket and `undated` the open amount of documents without a date.
public enum CustomerBalancesTable {
    public static let fileName = "customer_balances.csv"
    public static let columns: [OutputColumn] = [
        OutputColumn("customer_id"), OutputColumn("currency"), OutputColumn("is_main_currency", .boolean),
        OutputColumn("balance", .decimal), OutputColumn("overdue_balance", .decimal),
        OutputColumn("open_documents", .integer), OutputColumn("overdue_documents", .integer),
    ] + AgingBucket.allCases.map { OutputColumn(columnName($0), .decimal) } + [OutputColumn("undated", .decimal)]

    /// `bucket_current`, `bucket_1_30`, …, `bucket_over_120`.
    static func columnName(_ bucket: AgingBucket) -> String {
        bucket == .over120 ? "bucket_over_120" : "bucket_" + bucket.rawValue.replacingOccurrences(of: "-", with: "_")
    }

    public static func table(_ input: ReportInput) -> OutputTable {
        let rows: [[OutputCell]] = input.collections.customers.flatMap { p in
            p.allCurrencies.enumerated().map { i, c in
                [.text(p.customerID), .text(c.currency?.code), .boolean(i == 0), .money(c.balance, c.currency),
                 .money(c.overdue, c.currency), .integer(c.openDocuments), .integer(c.overdueDocuments)]
                    + AgingBucket.allCases.map { OutputCell.money(c.amount(in: $0), c.currency) }
                    + [.money(c.undated, c.currency)]
            }
        }
        // Positions are already ordered by customer ID, main currency first, then by code.
        return OutputTable(fileName: fileName, columns: columns, rows: rows)
    }
}
