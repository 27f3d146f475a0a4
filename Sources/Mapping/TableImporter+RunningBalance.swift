import Receivables
import Tabular

/// The lines a customer statement's running balance is checked on (``RunningBalanceCheck``): read by
/// each chunk's worker from its rows, checked in row order by the ``ChunkFeed``.
extension TableImporter {
    /// Whether the table is a customer statement with a balance column, whose balance is checked.
    var checksRunningBalance: Bool {
        isStatement && mapping.kind == .invoices && !columns(.balance).isEmpty && classifier != nil
    }

    /// The steps of a chunk's rows (its `Row`s, then its rows read as bytes), whose customer
    /// headings are the rows numbered in `headings`.
    func runningBalanceSteps(past rows: [Row], _ text: TextRows, headings: Set<Int>) -> [RunningBalanceCheck.Step] {
        var steps: [RunningBalanceCheck.Step] = []
        for row in rows { if let step = runningBalanceStep(row, isHeading: headings.contains(row.number)) { steps.append(step) } }
        for r in 0..<text.count {
            let row = text.row(r)
            if let step = runningBalanceStep(row, isHeading: headings.contains(row.number)) { steps.append(step) }
        }
        return steps
    }

    /// What a row is to the check: a line, an opening balance, the end of a customer's lines, or
    /// nothing (`nil`: a blank or repeated header row, a voided line, a line that moves nothing).
    func runningBalanceStep(_ row: Row, isHeading: Bool) -> RunningBalanceCheck.Step? {
        guard let classifier, let balanceColumn = columns(.balance).first else { return nil }
        switch classifier.classify(row) {
        case .blank, .repeatedHeader: return nil
        case .totals: return RunningBalanceCheck.Step(kind: .blockEnd)
        case .data: break
        }
        let kind = statementRow(row, isHeading: isHeading)
        switch kind {
        case .heading: return RunningBalanceCheck.Step(kind: .blockEnd)
        // A closing balance line (`Saldo final`) moves nothing; an opening one starts the block.
        case .noLine, .closingBalance: return nil
        case .openingBalance, .line: break
        }
        let at = location(row, column: balanceColumn)
        let found = row[column: balanceColumn].isBlank ? nil : row.shownText(column: balanceColumn)
        let balance = statementFigure(.balance, row)
        if kind == .openingBalance {
            guard let opening = balance ?? statementMove(row) else { return RunningBalanceCheck.Step(kind: .blockEnd) }
            return RunningBalanceCheck.Step(kind: .opening(balance: opening), customer: customerText(row), location: at, found: found)
        }
        guard let move = statementMove(row) else { return nil }
        return RunningBalanceCheck.Step(kind: .line(move: move, balance: balance), customer: customerText(row),
                                        location: at, found: found)
    }

    /// The row's customer cells as written, when the customer is a column's (empty when they are
    /// blank: the customer written above goes on).
    private func customerText(_ row: Row) -> String {
        guard sections == nil else { return "" }
        return [Field.customerName, .taxID].flatMap(columns).map { row.shownText(column: $0).collapsingWhitespace }
            .filter { !$0.isEmpty }.joined(separator: " | ")
    }
}
