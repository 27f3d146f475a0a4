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
/// Only when the statement shows it beyond doubt:
/// - its customer comes from a title or headings (``CustomerSections``), not a column, whose
///   balance may run across customers;
/// - its balance runs down the rows (``runsForward(_:rows:)``): in a statement written newest
///   first, the first line in the table is the last in time;
/// - the next line's balance runs on from the first one's: a typo in the first balance is no debt;
/// - the balance carried is not where an earlier block of the sheet ended: a statement continued on
///   another page (a table of its own, under its title and header again), under the same customer
///   again or in one balance across customers carries nothing new.
///
/// The state is carried from row to row by the chunk's worker (``advanceStatement(past:isHeading:_:)``)
/// and from chunk to chunk by the ``ChunkFeed`` with the same function, so that a statement reads
/// the same however it is cut.
extension TableImporter {
    /// Where a statement's block (the table, or a customer under a heading) stands.
    struct StatementStart: Sendable {
        /// No line of the block yet.
        var awaiting = true
        /// The block's first line, carrying a balance from before it, until the next line confirms it.
        var pending: FirstLine?
        /// The current block's last line (a row whose charge or credit is not blank), whose balance
        /// is read only when the block ends: reading every line's figures cost the reading thread
        /// more than the rest of a large statement's import.
        var lastLine: Row?
        /// The balances the earlier blocks ended on (``key(_:)``).
        var closingBalances: Set<String> = []

        /// A money's key among ``closingBalances``: its currency and its plain text.
        static func key(_ m: Money) -> String { (m.currency?.code ?? "") + " " + m.plainText }
    }

    /// The balances the blocks of `state` ended on, the current one's included.
    func closings(_ state: StatementStart) -> Set<String> {
        guard let key = closingKey(state) else { return state.closingBalances }
        return state.closingBalances.union([key])
    }

    /// The key (``StatementStart/key(_:)``) of the balance the current block ends on, if its last
    /// line has one.
    func closingKey(_ state: StatementStart) -> String? {
        state.lastLine.flatMap { statementFigure(.balance, $0) }.map(StatementStart.key)
    }

    /// A statement's first line and what it carries from before it.
    struct FirstLine: Sendable {
        let row: Row
        let balance: Money
        let before: Money
    }

    /// What a row makes of a first line that carries a balance: the next line bears it out, or
    /// the block goes on (or ends) without that.
    enum FirstLineOutcome { case confirmed(FirstLine), unconfirmed(FirstLine) }

    /// Moves `state` past `row`; returns what the row made of a first line waiting for it. (The
    /// state is changed in place: its set of closing balances grows with every customer, and a
    /// copy changed would copy the whole set, each time.)
    /// `row` is a data row (``RowClassifier/classify(_:)``) and `isHeading` says whether it is a
    /// customer heading (``CustomerSections/heading(_:parsed:)``): the caller has read both already.
    func advanceStatement(past row: Row, isHeading: Bool, _ state: inout StatementStart) -> FirstLineOutcome? {
        // A first line still waiting when its block ends, or another opening line comes, is left unconfirmed.
        let unconfirmed = state.pending.map(FirstLineOutcome.unconfirmed)
        switch statementRow(row, isHeading: isHeading) {
        case .heading:
            if let key = closingKey(state) { state.closingBalances.insert(key) }
            state.awaiting = true; state.pending = nil; state.lastLine = nil
            return unconfirmed
        case .noLine, .closingBalance:
            return nil
        case .openingBalance:
            // An opening balance line is the block's first line.
            state.awaiting = false; state.pending = nil
            state.lastLine = row
            return unconfirmed
        case .line:
            break
        }
        // Past the block's first two lines only its last one matters: no figure is read.
        if !state.awaiting, state.pending == nil {
            if [Field.amount, .credit].contains(where: { columns($0).first.map { !row[column: $0].isBlank } == true }) {
                state.lastLine = row
            }
            return nil
        }
        guard let moved = statementMove(row) else { return nil }
        let balance = statementFigure(.balance, row).flatMap { $0.isCompatible(with: moved) ? $0 : nil }
        var outcome: FirstLineOutcome?
        if state.awaiting {
            state.awaiting = false
            if let balance {
                let before = balance - moved
                let continues = state.closingBalances.contains(StatementStart.key(before))
                state.pending = before.isZero || continues ? nil : FirstLine(row: row, balance: balance, before: before)
            }
        } else if let first = state.pending {
            let bears = balance.map { first.balance.isCompatible(with: $0) && $0.amount == first.balance.amount + moved.amount }
            outcome = bears == true ? .confirmed(first) : .unconfirmed(first)
            state.pending = nil
        }
        state.lastLine = row
        return outcome
    }

    /// What a data row of a statement is, told without reading its figures.
    enum StatementRow { case heading, noLine, openingBalance, closingBalance, line }

    /// What a data row of a statement is (``StatementRow``): a customer heading (`isHeading`, as
    /// the caller read it), no line (a totals row without its label, a voided document), the
    /// opening or closing balance line (`Saldo anterior`, `Saldo final`), or a line.
    func statementRow(_ row: Row, isHeading: Bool) -> StatementRow {
        if isHeading { return .heading }
        if isUnlabeledTotals(row) { return .noLine }
        if let c = statusColumn, VoidedRows.isVoided(row.shownText(column: c)) { return .noLine }
        if let line = Self.balanceLineColumn(row) {
            return Self.isOpeningBalance(row.shownText(column: line)) ? .openingBalance : .closingBalance
        }
        return .line
    }

    /// ``advanceStatement(past:isHeading:_:)`` over a chunk's rows (its `Row`s, then its rows read
    /// as bytes), whose headings are the rows numbered in `headings` (``sections(after:_:from:headings:)``).
    func advanceStatement(past rows: [Row], _ text: TextRows, headings: Set<Int>, from state: StatementStart) -> StatementStart {
        guard let classifier else { return state }
        var state = state
        func advance(_ row: Row) {
            guard classifier.classify(row) == .data else { return }
            _ = advanceStatement(past: row, isHeading: headings.contains(row.number), &state)
        }
        for row in rows { advance(row) }
        for r in 0..<text.count { advance(text.row(r)) }
        return state
    }

    /// An amount of a statement line, read as its record reads it (`nil`: blank or unreadable).
    func statementFigure(_ field: Field, _ row: Row) -> Money? {
        let rowCurrency = Self.currencyText(row, column: columns(.currency).first).flatMap { parsed.currency($0.0, country: country) }
        return (try? moneyValue(field, row, rowCurrency)).flatMap { $0?.0 }
    }

    /// A statement line's move, its charge less its credit; `nil` when it has neither (other than zero).
    func statementMove(_ row: Row) -> Money? {
        let charge = statementFigure(.amount, row).flatMap { $0.isZero ? nil : $0 }
        let credit = statementFigure(.credit, row).flatMap { $0.isZero ? nil : $0 }
        switch (charge, credit) {
        case let (charge?, credit?): return charge.isCompatible(with: credit) ? charge - credit : nil
        case let (charge?, nil): return charge
        case let (nil, credit?): return -credit
        case (nil, nil): return nil
        }
    }

    /// Whether the balance of the table's statement lines runs down the rows: of the pairs of
    /// consecutive lines in one block, more have the lower line's balance equal to the upper one's
    /// plus the lower line's move than the other way round (a statement written newest first), or
    /// no block has two lines.
    /// Decided once, from the first rows the table was found in; `false` for any other table, and for a
    /// statement whose customer is a column's (see the type's comment).
    static func runsForward(_ importer: TableImporter, rows: ArraySlice<Row>) -> Bool {
        guard importer.isStatement, importer.mapping.kind == .invoices, importer.sections != nil,
              !importer.columns(.balance).isEmpty, let classifier = importer.classifier else { return false }
        var forward = 0, backward = 0
        var previous: (moved: Money, balance: Money)?
        // (Its first rows tell: reading the figures of a whole window took as long as importing it.)
        for row in rows.prefix(2_000) {
            guard classifier.classify(row) == .data else { continue }
            if let sections = importer.sections, sections.heading(row, parsed: importer.parsed) != nil { previous = nil; continue }
            if let line = balanceLineColumn(row) {
                previous = nil
                // An opening balance is the balance the next line moves.
                if isOpeningBalance(row.shownText(column: line)), let balance = importer.statementFigure(.balance, row) {
                    previous = (Money(0, balance.currency), balance)
                }
                continue
            }
            guard let moved = importer.statementMove(row), let balance = importer.statementFigure(.balance, row),
                  moved.isCompatible(with: balance) else { continue }
            if let p = previous, p.balance.isCompatible(with: balance) {
                if balance.amount == p.balance.amount + moved.amount { forward += 1 }
                if p.balance.amount == balance.amount + p.moved.amount { backward += 1 }
            }
            previous = (moved, balance)
        }
        // (No pairs at all: blocks of one line each, whose first line is their only one.)
        return forward > backward || forward + backward == 0
    }

    /// A first line's balance from before it that no next line bore out: not imported, said at its
    /// balance cell, so that nobody takes the statement's documents for all it says is owed.
    func noteUnconfirmedOpening(_ first: FirstLine, into batch: inout ImportBatch) {
        guard let column = columns(.balance).first else { return }
        note(.warning, "MAP-OPENING-BALANCE-UNCONFIRMED",
             "the statement's first line carries \(first.before) from before it (its balance \(first.balance) less its own "
                + "charge or credit), but no next line runs on from that balance: not imported; the statement may owe it",
             at: location(first.row, column: column), found: first.row.shownText(column: column), into: &batch)
    }

    /// The balance a statement's first line carries from before it, as a document of its own
    /// (named `Saldo anterior` and the line's date, at the line's balance cell), said; added when
    /// the next line has confirmed it, with the line's customer as a record of its own (the line
    /// itself may have been rejected, its customer then never written).
    func appendImpliedOpening(_ first: FirstLine, into batch: inout ImportBatch) {
        let row = first.row, place = location(row)
        let origin = Provenance(place, sourceLabel: label)
        guard let column = columns(.balance).first else { return }
        // The customer's warnings were said at the line: not again.
        var scratch = ImportBatch()
        let customer = buildCustomer(row, origin, id: recordID(place, suffix: "opening-customer"), into: &scratch)
        let written = row.shownText(column: column)
        let at = origin.at(column: column, rawText: written)
        let issued = (try? date(.issueDate, row, origin)) ?? nil
        let number = Sourced("Saldo anterior" + (issued.map { " " + $0.value.iso } ?? ""), from: at)
        note(.warning, "MAP-OPENING-BALANCE-IMPLIED",
             "the statement's first line carries \(first.before) from before it (its balance \(first.balance) less its own "
                + "charge or credit), with no opening balance line: imported as one document, as that line would be; "
                + "the documents it sums are not listed",
             at: location(row, column: column), found: written, into: &batch)
        batch.customers.append(customer)
        batch.invoices.append(Invoice(id: recordID(place, suffix: "opening"), customer: customer.id, number: number,
                                      type: .invoice, issueDate: issued, amount: Sourced(first.before, from: at),
                                      balance: Sourced(first.before, from: at),
                                      currency: first.before.currency ?? fallbackCurrency,
                                      salesperson: customer.salesperson, provenance: origin, sourcePriority: priority))
    }
}
