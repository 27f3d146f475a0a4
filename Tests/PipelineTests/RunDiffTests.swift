import Foundation
import Testing
import Receivables
import Reconcile
import Store
import Tabular
@testable import Pipeline

@Suite struct RunDiffTests {
    func snapshot(_ id: Int64, _ members: [String: String], balances: [String: String]) -> RunSnapshot {
        let customers = Set(members.values).sorted().map { ConsolidatedCustomer(customerID: $0, name: $0) }
        let invoices = balances.sorted { $0.key < $1.key }.map { customer, balance in
            ConsolidatedInvoice(customerID: customer, documentNumber: "F-1", documentType: .invoice, issueDate: nil,
                                dueDate: nil, currency: .usd, amount: nil, paid: nil, balance: Money(balance, .usd),
                                members: [], memberProvenance: [], hasConflict: false)
        }
        let result = ReconciliationResult(customers: customers, invoices: invoices, payments: [], contacts: [], promises: [],
                                          discrepancies: [],
                                          customerIDByRecord: Dictionary(uniqueKeysWithValues: members.map { (RecordID($0.key), $0.value) }))
        return RunSnapshot(runID: id, asOf: nil, result: result, batch: ImportBatch())
    }

    @Test func findsMergesSplitsAndBalanceChanges() {
        let old = snapshot(1, ["r1": "C-A", "r2": "C-B", "r3": "C-C", "r4": "C-C"], balances: ["C-A": "10", "C-C": "5"])
        let new = snapshot(2, ["r1": "C-A", "r2": "C-A", "r3": "C-C", "r4": "C-D", "r5": "C-E"], balances: ["C-A": "7", "C-C": "5"])
        let diff = RunDiff(from: old, to: new)
        #expect(diff.addedCustomers == ["C-D", "C-E"])
        // C-B is not gone: it merged (said once, as the merge).
        #expect(diff.removedCustomers.isEmpty)
        #expect(diff.merges == [.init(customerID: "C-A", from: ["C-A", "C-B"])])
        #expect(diff.splits == [.init(customerID: "C-C", into: ["C-C", "C-D"])])
        #expect(diff.balanceChanges.contains(.init(entity: "invoice", id: "C-A/invoice/F-1", currency: "USD", before: "10.00", after: "7.00")))
        #expect(diff.balanceChanges.contains(.init(entity: "customer", id: "C-A", currency: "USD", before: "10.00", after: "7.00")))
    }

    /// What an auditor relies on beyond customers and balances: a source the later run could not
    /// read (what it held shows as gone, unsettled), renamed customers, payments, discrepancies.
    @Test func findsUnreadSourcesRenamesPaymentsAndDiscrepancies() throws {
        var old = snapshot(1, ["r1": "C-A"], balances: ["C-A": "10"])
        var new = snapshot(2, ["r1": "C-A"], balances: ["C-A": "10"])
        new.result.customers[0].name = "Distribuidora Duaca"
        let place = Provenance(SourceLocation(file: "banco.csv", row: 2))
        let payment = Payment(id: RecordID("banco.csv#2"), date: Sourced(LocalDate(year: 2024, month: 9, day: 27)!, from: place),
                              amount: Sourced(Money(4200, .usd), from: place), reference: Sourced("1000004", from: place),
                              provenance: place)
        new.result.payments = [ConsolidatedPayment(customerID: "C-A", invoiceNumber: nil, invoiceFound: false, payment: payment)]
        old.result.discrepancies = [Discrepancy(id: "D-OLD", kind: "balance_mismatch", severity: .warning, entity: "invoice",
                                                entityID: "C-A/invoice/F-1", field: "balance", values: [], chosen: nil, rule: nil,
                                                message: "")]
        new.importSummary = try JSONEncoder().encode(ImportSummary(sources: [
            (file: "ventas-maria.xlsx", format: "xlsx", error: "the sheet broke off at row 40", batch: ImportBatch()),
            (file: "banco.csv", format: "csv", error: nil, batch: ImportBatch()),
        ]))
        let diff = RunDiff(from: old, to: new)
        #expect(diff.unreadSources == [.init(file: "ventas-maria.xlsx", error: "the sheet broke off at row 40")])
        #expect(diff.renamedCustomers == [.init(customerID: "C-A", before: "C-A", after: "Distribuidora Duaca")])
        #expect(diff.addedPayments == ["C-A/2024-09-27/4200.00/USD/1000004"] && diff.removedPayments.isEmpty)
        #expect(diff.resolvedDiscrepancies == ["D-OLD balance_mismatch"] && diff.newDiscrepancies.isEmpty)
        #expect(diff.text.contains("could not read ventas-maria.xlsx"))
        // Two alike payments (no reference) then one: one is gone.
        var twice = new
        twice.result.payments = [new.result.payments[0], new.result.payments[0]]
        #expect(RunDiff(from: twice, to: new).removedPayments == ["C-A/2024-09-27/4200.00/USD/1000004 (2)"])
        #expect(diff.text.contains("renamed \"C-A\" → \"Distribuidora Duaca\""))
    }

    /// Balances as the outputs state them: a document with no balance written is owed whole, or
    /// its amount less what was paid, and a credit note subtracts (an invoice list without a
    /// `Saldo` column, paid by separate payment lists, showed no change at all).
    @Test func balancesAsTheOutputsStateThem() {
        func run(_ id: Int64, paid: [Decimal?]) -> RunSnapshot {
            var s = snapshot(id, ["r1": "C-A"], balances: [:])
            let documents: [(String, Invoice.DocumentType, Decimal)] = [("F-1", .invoice, 1000), ("F-2", .invoice, 500), ("NC-1", .creditNote, 100)]
            s.result.invoices = zip(documents, paid).map { document, paid in
                ConsolidatedInvoice(customerID: "C-A", documentNumber: document.0, documentType: document.1, issueDate: nil,
                                    dueDate: nil, currency: .usd, amount: Money(document.2, .usd), paid: paid.map { Money($0, .usd) },
                                    balance: nil, members: [], memberProvenance: [], hasConflict: false)
            }
            return s
        }
        let diff = RunDiff(from: run(1, paid: [nil, nil, nil]), to: run(2, paid: [1000, 200, nil]))
        #expect(diff.balanceChanges == [
            .init(entity: "customer", id: "C-A", currency: "USD", before: "1400.00", after: "200.00"),
            .init(entity: "invoice", id: "C-A/invoice/F-1", currency: "USD", before: "1000.00", after: "0.00"),
            .init(entity: "invoice", id: "C-A/invoice/F-2", currency: "USD", before: "500.00", after: "300.00"),
        ])
    }

    /// Documents of a customer that merged into another, or was corrected at the source, moved:
    /// neither gone nor new (QA session 22: every merge listed its documents gone and new again).
    @Test(arguments: [true, false])
    func documentsOfAMergedCustomerMove(recordKept: Bool) {
        func run(_ id: Int64, _ members: [String: String], _ documents: [(String, String, String)]) -> RunSnapshot {
            var s = snapshot(id, members, balances: [:])
            s.result.invoices = documents.map { customer, number, balance in
                ConsolidatedInvoice(customerID: customer, documentNumber: number, documentType: .invoice, issueDate: nil,
                                    dueDate: nil, currency: .usd, amount: nil, paid: nil, balance: Money(balance, .usd),
                                    members: [], memberProvenance: [], hasConflict: false)
            }
            return s
        }
        let old = run(1, ["r1": "C-A", "r2": "C-B"], [("C-A", "F-1", "10"), ("C-B", "F-2", "5")])
        // Merged by an override (the record is known in both runs), or its name corrected at the
        // source (the record now says something else).
        let new = run(2, ["r1": "C-A", recordKept ? "r2" : "r2-corrected": "C-A"], [("C-A", "F-1", "10"), ("C-A", "F-2", "4")])
        let diff = RunDiff(from: old, to: new)
        #expect(diff.merges == [.init(customerID: "C-A", from: ["C-A", "C-B"])])
        #expect(diff.removedCustomers.isEmpty && diff.addedCustomers.isEmpty)
        #expect(diff.addedInvoices.isEmpty && diff.removedInvoices.isEmpty)
        #expect(diff.movedInvoices == [.init(from: "C-B/invoice/F-2", to: "C-A/invoice/F-2")])
        #expect(diff.balanceChanges.contains(.init(entity: "invoice", id: "C-A/invoice/F-2", currency: "USD", before: "5.00", after: "4.00")))
        #expect(diff.text.contains("documents now under another customer (1): C-B/invoice/F-2 → C-A"))
    }

    @Test func identicalRunsHaveNoChanges() {
        let a = snapshot(1, ["r1": "C-A"], balances: ["C-A": "10"])
        let b = snapshot(2, ["r1": "C-A"], balances: ["C-A": "10.00"])
        #expect(RunDiff(from: a, to: b).isEmpty)
        #expect(RunDiff(from: a, to: b).text.contains("no changes"))
    }
}
