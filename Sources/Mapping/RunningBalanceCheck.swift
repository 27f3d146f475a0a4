import Foundation
import Receivables
import Tabular

/// Checks a customer statement's running balance line by line: each line's balance should be the
/// line before's plus its charge less its credit (or, in a statement written newest first, the line
/// below's plus the line's own). A line whose balance does not follow is said at its balance cell
/// (`MAP-RUNNING-BALANCE`): a mistyped balance, a line missing between two, a sum carried wrong.
/// The lines are imported as they are either way; the warning tells an auditor where to look.
///
/// One fault costs one warning. A mistyped balance breaks two pairs of lines, its own and the next
/// one's, which still runs from the true balance: when the line after runs on from the line before
/// the mistyped one, only the mistyped line is said. A break (a missing line, a wrong sum carried
/// forward) breaks one pair: the later line in time is said.
///
/// The steps arrive in row order, a chunk at a time, from the ``ChunkFeed``, which imports chunks on
/// worker threads and hands them back in order: the check carries its state from chunk to chunk.
/// Which way the balance runs is decided by the first pair of lines that runs one way only; the
/// lines before it wait (at most ``undecidedLimit``; past that the table is not checked).
struct RunningBalanceCheck: Sendable {
    /// A statement line as the check sees it.
    struct Step: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// A line that moves the balance: its charge less its credit, and its balance if written.
            case line(move: Money, balance: Money?)
            /// An opening balance line (`Saldo anterior`): the block starts from its balance.
            case opening(balance: Money)
            /// Another customer's lines start (a heading, a totals row closing a customer).
            case blockEnd
        }

        var kind: Kind
        /// The customer whose lines these are, for statements with a customer column: when it
        /// changes, so does the balance (empty when the customer comes from a title or heading,
        /// or its cells are blank: the one before goes on).
        var customer: String = ""
        /// The line's balance cell, and its text as written.
        var location: SourceLocation?
        var found: String?
    }

    enum Direction: Sendable { case forward, backward }

    static let code = "MAP-RUNNING-BALANCE"
    /// Steps kept while no pair of lines has told which way the balance runs.
    static let undecidedLimit = 2_000

    private(set) var direction: Direction?
    private var undecided: [Step] = []
    private var givenUp = false
    /// The last line with a balance in the current block.
    private var last: Anchor?
    /// The current block's customer (``Step/customer``) and currency (the first one its figures name).
    private var customer: String?
    private var currency: Currency?
    /// A pair that did not run, waiting for the next line to tell a mistyped balance from a break.
    private var suspect: Pair?

    /// A line with a balance, and what the lines after it without one moved.
    private struct Anchor: Sendable {
        var balance: Money
        var move: Decimal
        var location: SourceLocation?
        var found: String?
        var movedSince: Decimal = 0
    }

    /// Two lines with balances in a row of the block, and what the lines between them moved.
    private struct Pair: Sendable {
        var before: Anchor
        var after: Anchor
        var between: Decimal
    }

    init() {}

    /// Takes the next steps; returns the warnings they settle.
    mutating func take(_ steps: [Step]) -> [Diagnostic] {
        var said: [Diagnostic] = []
        for step in steps { take(step, into: &said) }
        return said
    }

    /// The warnings still waiting at the end of the table.
    mutating func finish() -> [Diagnostic] {
        var said: [Diagnostic] = []
        endBlock(into: &said)
        return said
    }

    private mutating func take(_ step: Step, into said: inout [Diagnostic]) {
        guard !givenUp else { return }
        if let direction {
            check(step, direction, into: &said)
            return
        }
        // Until a pair runs one way only, the steps wait; then they are checked from the first.
        undecided.append(step)
        if let pair = advance(step) {
            let forward = Self.runs(.forward, pair), backward = Self.runs(.backward, pair)
            if forward != backward {
                direction = forward ? .forward : .backward
                let waiting = undecided
                undecided = []; last = nil; customer = nil; currency = nil
                for s in waiting { check(s, direction!, into: &said) }
                return
            }
        }
        if undecided.count > Self.undecidedLimit { givenUp = true; undecided = [] }
    }

    private mutating func check(_ step: Step, _ direction: Direction, into said: inout [Diagnostic]) {
        if case .line = step.kind {} else { endBlock(into: &said) }
        guard let pair = advance(step, into: &said) else { return }
        guard let s = suspect else {
            if !Self.runs(direction, pair) { suspect = pair }
            return
        }
        suspect = nil
        if Self.runs(direction, pair) {
            said.append(Self.warning(atLaterLineOf: s, direction))
            return
        }
        // The line between the two pairs runs from neither side while its neighbours run from each
        // other: its balance was mistyped.
        let bridge = Pair(before: s.before, after: pair.after, between: s.between + s.after.move + pair.between)
        if Self.runs(direction, bridge) {
            said.append(Self.warning(atLaterLineOf: direction == .forward ? s : pair, direction))
        } else {
            said.append(Self.warning(atLaterLineOf: s, direction))
            suspect = pair
        }
    }

    /// Moves past `step`; returns the pair it closes (the last line with a balance and this one), if any.
    private mutating func advance(_ step: Step) -> Pair? {
        var ignored: [Diagnostic] = []
        return advance(step, into: &ignored)
    }

    private mutating func advance(_ step: Step, into said: inout [Diagnostic]) -> Pair? {
        if !step.customer.isEmpty && step.customer != customer { endBlock(into: &said); customer = step.customer }
        let figures: [Money]
        switch step.kind {
        case .blockEnd: figures = []
        case .opening(let balance): figures = [balance]
        case .line(let move, let balance): figures = [move] + (balance.map { [$0] } ?? [])
        }
        // A figure in another currency than the block's starts a block of its own: no rate converts it.
        for money in figures {
            guard let c = money.currency else { continue }
            if let current = currency, current != c { endBlock(into: &said) }
            currency = c
        }
        switch step.kind {
        case .blockEnd:
            last = nil
            return nil
        case .opening(let balance):
            last = Anchor(balance: balance, move: 0, location: step.location, found: step.found)
            return nil
        case .line(let move, let balance):
            guard var previous = last else {
                if let balance { last = Anchor(balance: balance, move: move.amount, location: step.location, found: step.found) }
                return nil
            }
            guard let balance else {
                // No balance written: the next one runs from the last one written, this line's move included.
                previous.movedSince += move.amount
                last = previous
                return nil
            }
            last = Anchor(balance: balance, move: move.amount, location: step.location, found: step.found)
            let between = previous.movedSince
            previous.movedSince = 0
            return Pair(before: previous, after: last!, between: between)
        }
    }

    private mutating func endBlock(into said: inout [Diagnostic]) {
        if let s = suspect { said.append(Self.warning(atLaterLineOf: s, direction ?? .forward)) }
        suspect = nil; last = nil; currency = nil
    }

    /// Whether the pair's later line in time shows the balance the other one and the moves give it.
    private static func runs(_ direction: Direction, _ pair: Pair) -> Bool {
        expected(direction, pair) == later(direction, pair).balance.amount
    }

    /// The lower line in a forward statement, the upper one in a statement written newest first.
    private static func later(_ direction: Direction, _ pair: Pair) -> Anchor {
        direction == .forward ? pair.after : pair.before
    }

    /// The balance the pair's later line in time should show: the earlier one's plus the moves
    /// after it (the lines between and the later line's own).
    private static func expected(_ direction: Direction, _ pair: Pair) -> Decimal {
        switch direction {
        case .forward: return pair.before.balance.amount + pair.between + pair.after.move
        case .backward: return pair.after.balance.amount + pair.between + pair.before.move
        }
    }

    /// The warning for a pair that does not run: at its later line in time, with the balance the
    /// other line and the moves give it. (A break is said at the pair that breaks; a mistyped
    /// balance at the pair whose earlier line is its neighbour before it in time.)
    private static func warning(atLaterLineOf pair: Pair, _ direction: Direction) -> Diagnostic {
        let line = later(direction, pair), balance = line.balance
        let neighbour = direction == .forward ? "the line before it" : "the line below it"
        let shown = Money(expected(direction, pair), balance.currency)
        return Diagnostic(.warning, code: code,
                          "running balance \(balance) does not follow from \(neighbour) and the charges and credits since "
                            + "(\(shown)): a balance mistyped, a line missing or a sum carried wrong; the lines are imported as written",
                          at: line.location, expected: shown.plainText, found: line.found)
    }
}
