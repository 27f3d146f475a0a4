import Foundation
import Receivables
import Tabular

/// A statement that starts without its opening balance line: a month's extract whose first line
/// already carries what the customer owed before it (`Factura F-100 | 1.000,00 | | 3.500,00`: 2.500
/// from before). Its lines sum to less than its balance; imported as lines alone, the 2.500 the
/// customer owes would be nowhere. That balance is imported as the opening balance line would have
/// been (a document named `Saldo anterior` and the line's date), and said
/// (`MAP-OPENING-BALANCE-IMPLIED`).
///
/// Only where the balance is known to run down the rows (``statementRunsForward``): in a statement
/// written newest first, the first line in the table is the last one in time.
///
/// Whether the current customer's statement has had its first line is carried from row to row:
/// by the chunk's worker (``advanceStatement(past:from:)``), and from chunk to chunk by the
/// ``ChunkFeed`` with the same function, so that a statement reads the same however it is cut.
extension TableImporter {
    /// Whether `row` is the first line of its customer's statement, and what waiting for one is
    /// after it: a customer heading starts a statement, an opening balance line or any line with a
    /// charge or a credit is its first.
    func advanceStatement(past row: Row, from awaiting: Bool) -> (awaiting: Bool, firstLine: Bool) {
        guard let classifier, classifier.classify(row) == .data else { return (awaiting, false) }
        if let sections, sections.heading(row, parsed: parsed) != nil { return (true, false) }
        if isUnlabeledTotals(row) { return (awaiting, false) }
        if let c = statusColumn, VoidedRows.isVoided(row.shownText(column: c)) { return (awaiting, false) }
        if let line = Self.balanceLineColumn(row) {
            // An opening balance line is the first line; a closing one is none.
            return Self.isOpeningBalance(row.shownText(column: line)) ? (false, false) : (awaiting, false)
        }
        guard statementFigures(row) != nil else { return (awaiting, false) }
        return (false, awaiting)
    }

    /// ``advanceStatement(past:from:)`` over a chunk's rows (its `Row`s, then its rows read as bytes).
    func advanceStatement(past rows: [Row], _ text: TextRows, from awaiting: Bool) -> Bool {
        var awaiting = awaiting
        for row in rows { awaiting = advanceStatement(past: row, from: awaiting).awaiting }
        for r in 0..<text.count { awaiting = advanceStatement(past: text.row(r), from: awaiting).awaiting }
        return awaiting
    }

    /// A statement line's move (its charge less its credit) and its balance; `nil` when it has
    /// neither a charge nor a credit other than zero, or no balance.
    func statementFigures(_ row: Row) -> (moved: Money, balance: Money)? {
        let rowCurrency = Self.currencyText(row, column: columns(.currency).first).flatMap { parsed.currency($0.0, country: country) }
        func figure(_ field: Field) -> Money? { (try? moneyValue(field, row, rowCurrency)).flatMap { $0?.0 } }
        let charge = figure(.amount).flatMap { $0.amount.isZero ? nil : $0 }
        let credit = figure(.credit).flatMap { $0.amount.isZero ? nil : $0 }
        guard charge != nil || credit != nil, let balance = figure(.balance) else { return nil }
        let moved: Money
        switch (charge, credit) {
        case let (charge?, credit?):
            guard charge.isCompatible(with: credit) else { return nil }
            moved = charge - credit
        case let (charge?, nil): moved = charge
        case let (nil, credit?): moved = -credit
        case (nil, nil): return nil
        }
        guard moved.isCompatible(with: balance) else { return nil }
        return (moved, balance)
    }

    /// Whether the balance of the table's statement lines runs down the rows: of the pairs of
    /// consecutive lines in one customer's statement, more have the lower line's balance equal to
    /// the upper one's plus the lower line's move than the other way round (a statement written
    /// newest first). Decided once, from the rows the table was found in.
    static func runsForward(_ importer: TableImporter, rows: ArraySlice<Row>) -> Bool {
        guard importer.isStatement, importer.mapping.kind == .invoices, !importer.columns(.balance).isEmpty else { return false }
        var forward = 0, backward = 0
        var previous: (moved: Money, balance: Money)?
        for row in rows {
            guard let classifier = importer.classifier, classifier.classify(row) == .data else { continue }
            if let sections = importer.sections, sections.heading(row, parsed: importer.parsed) != nil { previous = nil; continue }
            if let line = balanceLineColumn(row) {
                previous = nil
                // An opening balance is the balance the next line moves.
                if isOpeningBalance(row.shownText(column: line)) {
                    let rowCurrency = currencyText(row, column: importer.columns(.currency).first)
                        .flatMap { importer.parsed.currency($0.0, country: importer.country) }
                    if let balance = (try? importer.moneyValue(.balance, row, rowCurrency)).flatMap({ $0?.0 }) {
                        previous = (Money(0, balance.currency), balance)
                    }
                }
                continue
            }
            guard let line = importer.statementFigures(row) else { continue }
            if let p = previous, p.balance.isCompatible(with: line.balance) {
                if line.balance.amount == p.balance.amount + line.moved.amount { forward += 1 }
                if p.balance.amount == line.balance.amount + p.moved.amount { backward += 1 }
            }
            previous = line
        }
        return forward > backward
    }

    /// The balance a statement's first line carries from before it (its balance less its move),
    /// as a document: `nil` when there is none (zero), or the line has no such figures.
    func impliedOpening(_ row: Row, _ origin: Provenance, customer: borrowing Customer,
                        issued: Result<Sourced<LocalDate>?, any Error>, into batch: inout ImportBatch) -> Invoice? {
        guard let (moved, balance) = statementFigures(row), let column = columns(.balance).first else { return nil }
        let before = balance - moved
        guard !before.amount.isZero else { return nil }
        let written = row.shownText(column: column)
        let at = origin.at(column: column, rawText: written)
        let date = (try? issued.get())??.value
        let number = Sourced("Saldo anterior" + (date.map { " " + $0.iso } ?? ""), from: at)
        note(.warning, "MAP-OPENING-BALANCE-IMPLIED",
             "the statement's first line carries \(before) from before it (its balance \(balance) less its own \(moved)), "
                + "with no opening balance line: imported as one document, as that line would be; the documents it sums are not listed",
             at: location(row, column: column), found: written, into: &batch)
        return Invoice(id: recordID(origin.location, suffix: "opening"), customer: customer.id, number: number, type: .invoice,
                       issueDate: (try? issued.get()) ?? nil, dueDate: nil, amount: Sourced(before, from: at), paid: nil,
                       balance: Sourced(before, from: at), currency: before.currency ?? fallbackCurrency,
                       salesperson: customer.salesperson, notes: nil, extra: [:], provenance: origin, sourcePriority: priority)
    }
}
