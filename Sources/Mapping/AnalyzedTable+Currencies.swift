import Receivables
import Tabular

extension AnalyzedTable {
    /// Money words a header of an amount column holds (folded), to tell an amount column that no
    /// field took.
    static let moneyHeaderWords = ["monto", "montos", "saldo", "saldos", "importe", "total", "abonado", "abono", "pagado",
                                   "valor", "deuda", "pendiente", "amount", "balance", "paid", "valor pago"]

    /// The warning for a table that states its amounts in two currencies, a column each (`Monto
    /// Bs.`, `Monto USD`, `Saldo Bs.`, `Saldo USD`: a common Venezuelan layout). A field takes one
    /// column, so the other currency's columns are kept as extras: said once, naming both, so the
    /// user can map the other currency in a mapping file if that is the one to keep.
    /// A header's bare `$` means what it means where the data comes from (`country`, `configured`),
    /// as when the columns were mapped (``ColumnMapper/alignCurrencies(_:headers:byField:taken:)``).
    func amountsInAnotherCurrency(at tableAt: SourceLocation, country: String?, currency configured: Currency?) -> Diagnostic? {
        let moneyFields: Set<Field> = [.amount, .paid, .balance, .paymentAmount]
        let mapped = mapping.fields.filter { moneyFields.contains($0.field) }
        let taken = Set(mapping.fields.flatMap(\.columns))
        let headers = Dictionary(region.headers.map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
        func currency(_ column: Int) -> Currency? {
            headers[column].flatMap { CurrencyToken.currency(inHeaderText: $0.displayName, country: country, currency: configured) }
        }
        let readIn = Set(mapped.flatMap(\.columns).compactMap(currency))
        guard !readIn.isEmpty else { return nil }
        if readIn.count > 1 {
            // The worst case: one invoice's amount and balance read in two currencies.
            let read = mapped.map { f in "\(f.field.rawValue) from " + f.columns.compactMap { headers[$0].map { "\"\($0.displayName)\"" } }.joined(separator: ", ") }
            return Diagnostic(.warning, code: "MAP-AMOUNTS-IN-TWO-CURRENCIES",
                "the table's amounts are read in two currencies (\(readIn.map(\.code).sorted().joined(separator: ", ")): \(read.joined(separator: "; "))); an invoice's amount and balance then differ in currency: name one currency's columns in a mapping file (consolida map FILE --write Mappings/NAME.yaml)",
                at: tableAt)
        }
        let others = region.headers.filter { h in
            guard !taken.contains(h.column), let c = currency(h.column), !readIn.contains(c) else { return false }
            let folded = TextFolding.fold(h.displayName)
            return Self.moneyHeaderWords.contains { TextFolding.containsWords(folded, $0) }
        }
        guard !others.isEmpty else { return nil }
        let kept = others.map { "\"\($0.displayName)\"" }.joined(separator: ", ")
        let read = mapped.flatMap(\.columns).compactMap { headers[$0].map { "\"\($0.displayName)\"" } }.joined(separator: ", ")
        return Diagnostic(.warning, code: "MAP-AMOUNTS-IN-TWO-CURRENCIES",
            "the table states its amounts in two currencies: they are read from \(read) (\(readIn.map(\.code).sorted().joined(separator: ", "))); \(kept) are kept as extras; to read the other currency, name its columns in a mapping file (consolida map FILE --write Mappings/NAME.yaml)",
            at: tableAt)
    }
}
