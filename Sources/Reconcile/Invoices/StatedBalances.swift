import Receivables

/// What a source says a customer owes in all (a collector's `Debe: $ 3.003,15`) against what the
/// customer's documents say: a stated balance that differs from the sum of the consolidated
/// documents' balances in its currency is a `stated_balance_mismatch`, citing the line that
/// states it and each document. The collector may be working from an old figure, or the ERP may
/// miss a document: either way, someone should look.
enum StatedBalances {
    /// `currencyOf`: each consolidated customer's main currency, for a stated amount that names none.
    static func check(customers: [Customer], idByRecord: [RecordID: String], invoices: [ConsolidatedInvoice],
                      currencyOf: [String: Currency]) -> [Discrepancy] {
        var byCustomer: [String: [ConsolidatedInvoice]] = [:]
        for inv in invoices where inv.balance != nil { byCustomer[inv.customerID, default: []].append(inv) }
        var out: [Discrepancy] = []
        for c in customers {
            guard let stated = c.statedBalance, let customerID = idByRecord[c.id] else { continue }
            let currency = stated.value.currency ?? currencyOf[customerID]
            let documents = byCustomer[customerID] ?? []
            let counted = documents.filter { $0.balance?.currency == currency }
            // Documents only in other currencies say nothing about this figure.
            if counted.isEmpty && !documents.isEmpty { continue }
            let total = counted.compactMap(\.balance).reduce(Money.zero(currency), +)
            if total.amount == stated.value.amount { continue }
            let statedText = Money(stated.value.amount, currency).description
            let values = [Discrepancy.CompetingValue(value: statedText, provenance: stated.provenance ?? c.provenance)]
                + counted.map { inv in
                    .init(value: "\(inv.documentNumber): \(inv.balance!.description)",
                          provenance: inv.memberProvenance.first ?? c.provenance)
                }
            out.append(.make(
                kind: "stated_balance_mismatch", severity: counted.isEmpty ? .info : .warning, entity: "customer",
                entityID: customerID, field: "balance", values: values, chosen: total.description, rule: "documents_balance",
                message: counted.isEmpty
                    ? "a source says the customer owes \(statedText), but no source lists a document of theirs"
                    : "a source says the customer owes \(statedText); the balances of their \(counted.count) "
                        + "document\(counted.count == 1 ? "" : "s") in \(currency?.code ?? "no currency") add up to \(total.description)"))
        }
        return out
    }
}
