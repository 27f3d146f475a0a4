import Collections
import Foundation
import GRDB
import Testing
import Receivables
import Reconcile
import Tabular
@testable import Store

@Suite struct StoreTests {
    static func sampleResult() -> ReconciliationResult {
        let location = SourceLocation(file: "ventas.xlsx", sheet: "CxC", row: 5, column: 1)
        let provenance = Provenance(location)
        let record = RecordID(location, suffix: "customer")
        let member = CustomerMember(customerID: "C-00000001", record: record, provenance: provenance,
                                    sourceName: "Ferretería O'Brien; DROP TABLE customers", sourceTaxID: "J301234567",
                                    matchScore: nil, matchRule: "seed")
        let customer = ConsolidatedCustomer(customerID: "C-00000001", name: "Ferretería O'Brien; DROP TABLE customers",
                                            phones: ["+584125551234"], currency: .usd, members: [member])
        let invoice = ConsolidatedInvoice(customerID: "C-00000001", documentNumber: "F-001", documentType: .invoice,
                                          issueDate: LocalDate(year: 2024, month: 3, day: 1), dueDate: nil,
                                          currency: .usd, amount: Money("100.10", .usd), paid: nil,
                                          balance: Money("100.10", .usd), members: [RecordID(location)],
                                          memberProvenance: [provenance], hasConflict: false)
        let discrepancy = Discrepancy(id: "D-1", kind: "invoice_field_conflict", severity: .warning, entity: "invoice",
                                      entityID: "F-001", field: "balance",
                                      values: [.init(value: "100.10", provenance: provenance),
                                               .init(value: "90.00", provenance: Provenance(SourceLocation(file: "erp.csv", row: 9)))],
                                      chosen: "100.10", rule: "source_priority", message: "balances differ")
        return ReconciliationResult(customers: [customer], invoices: [invoice], payments: [], contacts: [], promises: [],
                                    discrepancies: [discrepancy], customerIDByRecord: [record: "C-00000001"])
    }

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("consolida-store-\(UUID().uuidString).sqlite").path
    }

    @Test func savesARunAndReadsItBack() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ConsolidaStore(path: path)
        let run = try store.beginRun(startedAt: Date(), asOf: LocalDate(year: 2024, month: 6, day: 30), inputs: ["ventas.xlsx"])
        var batch = ImportBatch()
        var accounting = SourceAccounting(file: "ventas.xlsx", sheet: "CxC")
        accounting.rowsRead = 2; accounting.imported = 1; accounting.headerRows = 1
        batch.accounting = [accounting]
        batch.rejects = [Reject(location: SourceLocation(file: "ventas.xlsx", sheet: "CxC", row: 7, column: 6),
                                code: "MAP-BAD-AMOUNT", reason: "amount", rawText: "12,5O")]
        try store.saveRun(run, importedAt: Date(), sources: [SourceRecord(path: "ventas.xlsx", kind: "xlsx", label: nil,
                                                                          contentHash: "abc", size: 10, error: nil)],
                          batch: batch, result: Self.sampleResult())
        try store.finishRun(run, finishedAt: Date(), exitCode: 0, counts: ["customers": 1])

        let snapshot = try #require(try store.snapshot())
        #expect(snapshot.runID == run)
        #expect(snapshot.result.customers.first?.name == "Ferretería O'Brien; DROP TABLE customers")
        #expect(snapshot.batch.rejects.count == 1)
        #expect(try store.idMap().customerIDByRecord == ["ventas.xlsx#CxC!5/customer": "C-00000001"])
        #expect(try store.lastSourceHashes() == ["ventas.xlsx": "abc"])
        let runs = try store.runs()
        #expect(runs.count == 1 && runs[0].exitCode == 0 && runs[0].counts == ["customers": 1])
    }

    @Test func secondRunReplacesTablesButKeepsIDMapHistory() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ConsolidaStore(path: path)
        for _ in 0..<2 {
            let run = try store.beginRun(startedAt: Date(), asOf: nil, inputs: [])
            try store.saveRun(run, importedAt: Date(), sources: [], batch: ImportBatch(), result: Self.sampleResult())
        }
        let reopened = try ConsolidaStore(path: path)
        #expect(try reopened.runs().count == 2)
        #expect(try reopened.idMap().customerIDByRecord.count == 1)
        #expect(try reopened.snapshot()?.result.invoices.count == 1)
    }

    /// The settings a run's outputs were written with come back as saved (`consolida report`
    /// writes with them); a run saved without them has none.
    @Test func keepsEachRunsCollectionsSettings() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ConsolidaStore(path: path)
        let asOf = try #require(LocalDate(year: 2024, month: 6, day: 30))
        let settings = CollectionsSettings(asOf: asOf, promiseGraceDays: 3, dsoWindowDays: 60, defaultCurrency: Currency(code: "COP"))
        let first = try store.beginRun(startedAt: Date(), asOf: asOf, inputs: [])
        try store.saveRun(first, importedAt: Date(), sources: [], batch: ImportBatch(), result: Self.sampleResult(),
                          collectionsSettings: settings)
        let second = try store.beginRun(startedAt: Date(), asOf: asOf, inputs: [])
        try store.saveRun(second, importedAt: Date(), sources: [], batch: ImportBatch(), result: Self.sampleResult())
        #expect(try store.snapshot(runID: first)?.collectionsSettings == settings)
        #expect(try store.snapshot(runID: second)?.collectionsSettings == nil)
    }

    /// The store holds the collections view the output files show (DESIGN.md: every table of the
    /// output folder): a customer's balance, a document's aging, customer_balances and worklist.
    @Test func keepsTheCollectionsView() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ConsolidaStore(path: path)
        let asOf = try #require(LocalDate(year: 2024, month: 6, day: 30))
        let run = try store.beginRun(startedAt: Date(), asOf: asOf, inputs: [])
        try store.saveRun(run, importedAt: Date(), sources: [], batch: ImportBatch(), result: Self.sampleResult(),
                          collectionsSettings: CollectionsSettings(asOf: asOf))
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let customer = try #require(try Row.fetchOne(db, sql: "SELECT * FROM customers"))
            #expect(customer["balance"] as String? == "100.10" && customer["overdue_balance"] as String? == "100.10")
            #expect(customer["oldest_due_date"] as String? == "2024-03-01" && customer["currency"] as String? == "USD")
            let invoice = try #require(try Row.fetchOne(db, sql: "SELECT * FROM invoices"))
            #expect(invoice["open_amount"] as String? == "100.10" && invoice["days_overdue"] as Int? == 121)
            #expect(invoice["aging_bucket"] as String? == ">120")
            let balances = try Row.fetchAll(db, sql: "SELECT * FROM customer_balances")
            #expect(balances.count == 1 && balances[0]["bucket_over_120"] as String? == "100.10")
            let worklist = try Row.fetchAll(db, sql: "SELECT * FROM worklist")
            #expect(worklist.count == 1 && worklist[0]["customer_id"] as String? == "C-00000001")
            #expect(worklist[0]["overdue_balance"] as String? == "100.10")
            #expect((worklist[0]["score_detail"] as String?)?.hasPrefix("amount ") == true)
        }
    }

    /// Promises are stored as promises.csv shows them: the status the collections view decided
    /// (a promise whose date passed unpaid is broken), with its deadline and what was paid in it.
    @Test func keepsPromisesAsJudged() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ConsolidaStore(path: path)
        let asOf = try #require(LocalDate(year: 2024, month: 6, day: 30))
        var result = Self.sampleResult()
        result.promises = [.init(customerID: "C-00000001", promise: PromiseToPay(
            id: RecordID("notas.txt#L3/promise"), customer: nil, madeOn: try #require(LocalDate(year: 2024, month: 6, day: 1)),
            promisedDate: LocalDate(year: 2024, month: 6, day: 10), amount: Money("50.00", .usd), text: "paga el 10",
            provenance: Provenance(SourceLocation(file: "notas.txt", line: 3))))]
        let run = try store.beginRun(startedAt: Date(), asOf: asOf, inputs: [])
        try store.saveRun(run, importedAt: Date(), sources: [], batch: ImportBatch(), result: result,
                          collectionsSettings: CollectionsSettings(asOf: asOf))
        try DatabaseQueue(path: path).read { db in
            let promise = try #require(try Row.fetchOne(db, sql: "SELECT * FROM promises"))
            #expect(promise["status"] as String? == "broken")
            #expect(promise["deadline"] as String? == "2024-06-10")
            #expect(promise["paid_in_window"] as String? == "0.00" && promise["amount"] as String? == "50.00")
        }
    }

    /// Snapshots are stored gzipped; one an earlier version stored as plain JSON still reads.
    @Test func storesSnapshotsCompressedAndReadsPlainOnes() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ConsolidaStore(path: path)
        let run = try store.beginRun(startedAt: Date(), asOf: nil, inputs: [])
        try store.saveRun(run, importedAt: Date(), sources: [], batch: ImportBatch(), result: Self.sampleResult())
        let queue = try DatabaseQueue(path: path)
        let stored = try queue.read { db in try Data.fetchOne(db, sql: "SELECT result_json FROM run_snapshots") }
        #expect(stored.map { Array($0.prefix(2)) } == [0x1F, 0x8B])
        // As an earlier version stored it.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let plain = try encoder.encode(Self.sampleResult())
        try queue.write { db in try db.execute(sql: "UPDATE run_snapshots SET result_json = ?", arguments: [plain]) }
        #expect(try ConsolidaStore(path: path).snapshot()?.result.invoices.first?.documentNumber == "F-001")
    }

    /// With `keepSnapshots`, older runs lose their snapshot (not their record).
    @Test func keepsTheLatestSnapshotsOnly() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ConsolidaStore(path: path)
        var runs: [Int64] = []
        for _ in 0..<4 {
            let run = try store.beginRun(startedAt: Date(), asOf: nil, inputs: [])
            try store.saveRun(run, importedAt: Date(), sources: [], batch: ImportBatch(), result: Self.sampleResult(),
                              keepSnapshots: 2)
            try store.finishRun(run, finishedAt: Date(), exitCode: 0, counts: [:])
            runs.append(run)
        }
        #expect(try runs.map { try store.snapshot(runID: $0) != nil } == [false, false, true, true])
        #expect(try store.runs().count == 4)
        #expect(try store.snapshot()?.runID == runs.last)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("not sqlite at all, just text that is long enough to be a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try ConsolidaStore(path: path) }
    }
}
