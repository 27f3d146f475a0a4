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
        #expect(diff.removedCustomers == ["C-B"])
        #expect(diff.merges == [.init(customerID: "C-A", from: ["C-A", "C-B"])])
        #expect(diff.splits == [.init(customerID: "C-C", into: ["C-C", "C-D"])])
        #expect(diff.balanceChanges.contains(.init(entity: "invoice", id: "C-A/invoice/F-1", currency: "USD", before: "10.00", after: "7.00")))
        #expect(diff.balanceChanges.contains(.init(entity: "customer", id: "C-A", currency: "USD", before: "10.00", after: "7.00")))
    }

    @Test func identicalRunsHaveNoChanges() {
        let a = snapshot(1, ["r1": "C-A"], balances: ["C-A": "10"])
        let b = snapshot(2, ["r1": "C-A"], balances: ["C-A": "10.00"])
        #expect(RunDiff(from: a, to: b).isEmpty)
        #expect(RunDiff(from: a, to: b).text.contains("no changes"))
    }
}
