import Foundation
import Testing
import Collections
import Receivables
import Reconcile
@testable import Reports

/// A large synthetic book, run only when `CONSOLIDA_SCALE_ROWS` is set (it is slow in debug
/// builds): checks that every row reaches the CSV and that the HTML stays capped.
@Suite struct ScaleTests {
    static let rows = Int(ProcessInfo.processInfo.environment["CONSOLIDA_SCALE_ROWS"] ?? "") ?? 0

    @Test(.enabled(if: rows > 0))
    func largeBookRendersEveryRow() {
        let n = Self.rows, customersCount = max(1, n / 4)
        let customers = (0..<customersCount).map { i in
            ConsolidatedCustomer(customerID: String(format: "C-%08d", i), name: "Cliente \(i)", currency: i % 5 == 0 ? .ves : .usd,
                                 members: [CustomerMember(customerID: String(format: "C-%08d", i), record: RecordID("erp.csv#\(i + 2)"),
                                                          provenance: Sample.csv(i + 2), sourceName: "Cliente \(i)",
                                                          sourceTaxID: nil, matchScore: nil, matchRule: "seed")])
        }
        let invoices = (0..<n).map { i in
            ConsolidatedInvoice(customerID: String(format: "C-%08d", i % customersCount), documentNumber: "F-\(i)",
                                documentType: .invoice, issueDate: Sample.asOf.adding(days: -(i % 300)),
                                dueDate: Sample.asOf.adding(days: 30 - (i % 300)), currency: nil,
                                amount: Money(Decimal(i % 997) + Decimal(string: "0.25")!, nil), paid: nil, balance: nil,
                                members: [RecordID("erp.csv#\(i)")], memberProvenance: [Sample.csv(i + 2)], hasConflict: false)
        }
        let result = ReconciliationResult(customers: customers, invoices: invoices, payments: [], contacts: [],
                                          promises: [], discrepancies: [], customerIDByRecord: [:])
        let collections = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Sample.asOf))
        let files = OutputWriter.render(ReportInput(result: result, batch: ImportBatch(), collections: collections))
        let invoicesCSV = files.first { $0.name == "invoices.csv" }
        #expect(invoicesCSV.map { $0.bytes.filter { $0 == 10 }.count } == n + 1)
        let html = files.first { $0.name == "report.html" }
        #expect((html?.bytes.count ?? 0) < 20_000_000)
    }
}
