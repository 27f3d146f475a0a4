import ArgumentParser
import Foundation
import Reconcile
import Store

/// `consolida explain ID`: why records were merged, and where every value came from.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a consolidated customer: its members, match scores per field, the provenance of every value.",
        discussion: """
            ID is a customer ID (C-…), a source record or row ID (file#sheet!row, file#row for a CSV, \
            file#Lline; its customer is explained) or a discrepancy ID (D-…). Reads the latest run in \
            the store.
            """)

    @Argument(help: "A customer, source record or discrepancy ID.")
    var id: String

    @OptionGroup var location: StoreLocationOptions

    func run() throws {
        let store = try location.open()
        guard let snapshot = try store.snapshot() else { throw ValidationError("the store has no finished run yet") }
        let result = snapshot.result
        if let d = result.discrepancies.first(where: { $0.id == id }) {
            print(Self.describe(d))
            return
        }
        // A row of invoices or payments names its customer as `<row ID>/customer`: the row's ID works
        // too, as do the IDs the outputs print for a payment, a contact or a promise.
        let customerID = [id, id + "/customer"].lazy.compactMap { key in
            result.customerIDByRecord.first { $0.key.rawValue == key }?.value
        }.first
            ?? result.payments.first { $0.payment.id.rawValue == id }?.customerID
            ?? result.contacts.first { $0.event.id.rawValue == id }?.customerID
            ?? result.promises.first { $0.promise.id.rawValue == id }?.customerID
            ?? id
        guard result.customers.contains(where: { $0.customerID == customerID }) else {
            FileHandle.standardError.write(Data("consolida: no customer, record or discrepancy \(id) in run \(snapshot.runID)\n".utf8))
            throw ExitCode(2)
        }
        print(explain(customerID: customerID, in: result), terminator: "")
    }

    static func describe(_ d: Discrepancy) -> String {
        var lines = ["Discrepancy \(d.id): \(d.severity.rawValue) \(d.kind)",
                     "  \(d.entity) \(d.entityID), field \(d.field)",
                     "  \(d.message)"]
        for v in d.values { lines.append("    \"\(v.value)\" at \(v.provenance)") }
        if let chosen = d.chosen { lines.append("  chosen: \"\(chosen)\"" + (d.rule.map { " by \($0)" } ?? "")) }
        return lines.joined(separator: "\n")
    }
}
