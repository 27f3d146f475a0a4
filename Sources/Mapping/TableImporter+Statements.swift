import Receivables
import Tabular

/// A customer's account statement (``ColumnMapper/markAccountStatement(headers:profiles:rows:byField:taken:)``):
/// each line a document of its charge or its credit, the running balance no document's.
extension TableImporter {
    /// Whether the table is an account statement: a `credit` column beside the charges.
    var isStatement: Bool { !columns(.credit).isEmpty }

    /// A statement line as a document:
    /// - a charge is an invoice (a debit note when its type says so) of that amount, owed in full:
    ///   what was paid against it is the credits', which the account's balance sums;
    /// - a credit is a credit note of that amount (a receipt too: ``DocumentTypeWords``);
    /// - the opening balance line (`Saldo inicial`, `Saldo anterior`) is a document of the balance
    ///   it brings forward, named by its text and date, and said (``MAP-OPENING-BALANCE``): the
    ///   documents it sums are not listed.
    /// The running balance is kept on the record (`running_balance`).
    func buildStatementLine(_ row: Row, _ origin: Provenance, id: RecordID, customer: borrowing Customer,
                            issued: Result<Sourced<LocalDate>?, any Error>, into batch: inout ImportBatch) throws -> Invoice {
        let rowCurrency = currencyCell(row, into: &batch)
        var charge = try money(.amount, row, rowCurrency, origin).flatMap { $0.value.isZero ? nil : $0 }
        var credit = try money(.credit, row, rowCurrency, origin).flatMap { $0.value.isZero ? nil : $0 }
        // A charge written negative is a credit (a credit note entered in the debit column with a
        // minus), and a negative credit a charge: the balance moves the same, the document is the other.
        if let c = charge, c.value.isNegative, credit == nil {
            credit = Sourced(-c.value, from: c.provenance); charge = nil
        } else if let k = credit, k.value.isNegative, charge == nil {
            charge = Sourced(-k.value, from: k.provenance); credit = nil
        }
        var number = text(.documentNumber, row, origin)
        let issueDate = try issued.get()
        let value: Sourced<Money>
        let type: Invoice.DocumentType
        let openingLine = Self.balanceLineColumn(row).flatMap { Self.isOpeningBalance(row.shownText(column: $0)) ? $0 : nil }
        let openingValue = openingLine == nil ? nil
            : try charge ?? credit.map({ Sourced(-$0.value, from: $0.provenance) }) ?? money(.balance, row, rowCurrency, origin)
        if let line = openingLine, number == nil, let opening = openingValue {
            // The opening balance, written in the balance column or as the line's charge.
            value = opening
            type = .invoice
            let written = row.shownText(column: line).collapsingWhitespace
            number = Sourced(written + (issueDate.map { " " + $0.value.iso } ?? ""), from: origin.at(column: line, rawText: written))
            note(.warning, "MAP-OPENING-BALANCE",
                 "a statement's opening balance (\(opening.value)) imported as one document: the documents it sums are not listed",
                 at: location(row, column: line), found: written, into: &batch)
        } else if let charge {
            value = charge
            // A statement that names its documents only in a concept (`Factura F-100`): the number
            // it writes after the type word, else a name made of the line's values, said.
            if number == nil, let (_, written) = writtenType(row) {
                number = numberFromType(row, origin, written: written, issued: issued, value: charge, charge: true, into: &batch)
            }
            type = documentType(row, number: number?.value ?? "") == .debitNote ? .debitNote : .invoice
        } else if let credit {
            value = credit
            type = .creditNote
            // A credit with no number (a transfer, an advance) is still money the customer holds;
            // one its concept numbers (`Nota de crédito NC-9`) is that document.
            if number == nil {
                if let (_, written) = writtenType(row) {
                    number = numberFromType(row, origin, written: written, issued: issued, value: credit, charge: false, into: &batch)
                } else {
                    let named = text(.notes, row, origin)?.value ?? "Abono"
                    number = nameWithoutNumber(row, origin, type: named, issued: issued, value: credit, into: &batch)
                }
            }
        } else {
            throw RowRejection(code: "MAP-NO-AMOUNT", reason: "no charge or credit", column: columns(.amount).first)
        }
        guard let number else {
            throw RowRejection(code: "MAP-NO-DOCUMENT", reason: "no document number", column: columns(.documentNumber).first)
        }
        var extra = extras(row)
        if let c = columns(.balance).first, !row[column: c].isBlank, charge != nil || credit != nil {
            extra["running_balance"] = row.shownText(column: c)
        }
        // A charge with its credit on the same line (an invoice paid at once): paid, its balance what is left.
        let paidOnLine = type != .creditNote && openingLine == nil ? credit.flatMap { $0.value.isCompatible(with: value.value) ? $0 : nil } : nil
        let balance = paidOnLine.map { Sourced(value.value - $0.value, from: $0.provenance) } ?? value
        var invoice = Invoice(id: id, customer: customer.id, number: number, type: type, issueDate: issueDate,
                              dueDate: dueDate(row, origin, into: &batch), amount: value, paid: paidOnLine, balance: balance,
                              currency: value.value.currency ?? rowCurrency ?? fallbackCurrency,
                              salesperson: customer.salesperson, notes: text(.notes, row, origin),
                              extra: extra, provenance: origin, sourcePriority: priority)
        noteWrittenType(&invoice, row, into: &batch)
        return invoice
    }

    /// A statement line's number when no column gives one: the number its type cell writes after
    /// the type word (``numberInType(_:)``), else a name made of its values, said
    /// (``nameWithoutNumber(_:_:type:issued:value:charge:into:)``).
    private func numberFromType(_ row: Row, _ origin: Provenance, written: String,
                                issued: Result<Sourced<LocalDate>?, any Error>, value: Sourced<Money>, charge: Bool,
                                into batch: inout ImportBatch) -> Sourced<String> {
        if let inType = Self.numberInType(written) {
            return Sourced(inType, from: origin.at(column: columns(.documentType).first ?? 1, rawText: written))
        }
        return nameWithoutNumber(row, origin, type: written, issued: issued, value: value, charge: charge, into: &batch)
    }

    /// Whether a balance line's text brings a balance forward (`Saldo inicial`, `Saldo anterior`,
    /// `Saldo de apertura`) rather than closing the statement (`Saldo final`, `Saldo al …`).
    static func isOpeningBalance(_ text: String) -> Bool {
        let folded = TextFolding.fold(text)
        return ["saldo inicial", "saldo anterior", "saldo de apertura"].contains { folded == $0 || folded.hasPrefix($0 + " ") }
    }
}
