import Receivables
import Tabular

extension TableImporter {
    /// Whether rows read as bytes (``TextRows``) may become plain invoice rows without a ``Row``
    /// being built for them: an invoice table taking plain rows, its document number in one column
    /// and no document type column (those rows need the row's joined or folded texts).
    var readsPlainRowsInPlace: Bool {
        plainRows && mapping.kind == .invoices && classifier != nil && columns(.documentNumber).count == 1
            && columns(.documentType).isEmpty
    }

    /// Row `r` of `rows`: a plain invoice row read in place when its bytes clearly make one (with
    /// `inPlace`, from ``readsPlainRowsInPlace``), else built as a ``Row`` and consumed as any other.
    /// Both give the same values: the bytes go through the parsers the row's cells go through.
    mutating func consume(_ rows: TextRows, _ r: Int, inPlace: Bool, into batch: inout ImportBatch,
                          plain: inout PlainInvoiceRows) {
        if inPlace, rows.withRow(r, { plainInvoice($0, of: rows, r, into: &batch, plain: &plain) }) {
            accounting.rowsRead += 1; accounting.imported += 1
            return
        }
        consume(rows.row(r), into: &batch, plain: &plain)
    }

    /// ``plainInvoice(_:into:)`` of a row read as bytes, appended to `plain` (built there, not
    /// copied: the row is large); `false` (with nothing added) when the row is no surely plain data
    /// row, for the caller to build the row and decide.
    private mutating func plainInvoice(_ row: TextRowView, of rows: TextRows, _ r: Int,
                                       into batch: inout ImportBatch, plain: inout PlainInvoiceRows) -> Bool {
        guard let classifier, classifier.isSurelyData(row) else { return false }
        let numberField = row[fieldColumns[Field.documentNumber.ordinal][0]]
        guard !TextCell.isBlank(numberField), let rowCurrency = recentRowCurrency(row),
              let amount = moneyValue(.amount, row, rowCurrency), let paid = moneyValue(.paid, row, rowCurrency),
              let balance = moneyValue(.balance, row, rowCurrency), amount != nil || balance != nil,
              let issued = dateValue(.issueDate, row), let due = dateValue(.dueDate, row) else { return false }
        let number = String(decoding: numberField, as: UTF8.self).collapsingWhitespace
        customerKey.removeAll(keepingCapacity: true)
        CustomerKey.append(row, columns: customers.columns, to: &customerKey)
        let customer = plainCustomer { rows.row(r) }
        plain.rows.append(PlainInvoiceRow(row: row.number, line: row.line, customer: customer,
                                number: number, type: documentType(number: number), issueDate: issued, dueDate: due,
                                currency: amount?.currency ?? balance?.currency ?? paid?.currency
                                    ?? rowCurrency ?? options.mappingCurrency ?? options.currency,
                                amount: amount, paid: paid, balance: balance,
                                customersBefore: batch.customers.count, invoicesBefore: batch.invoices.count))
        noteCustomer(customer, row: row.number, line: row.line, into: &batch)
        return true
    }

    /// ``recentRowCurrency(_:)`` of a row read as bytes.
    private mutating func recentRowCurrency(_ row: TextRowView) -> Currency?? {
        guard let c = columns(.currency).first else { return .some(nil) }
        let field = row[c]
        if TextCell.isBlank(field) { return .some(nil) }
        if let known = recentCurrencies.first(where: { $0.text.utf8.elementsEqual(field) }) { return known.currency }
        return currency(named: String(decoding: field, as: UTF8.self))
    }

    /// ``moneyValue(_:_:_:)`` of a row read as bytes: `.some(nil)` for no amount, `nil` when the
    /// row is rejected for it.
    private func moneyValue(_ field: Field, _ row: TextRowView, _ rowCurrency: Currency?) -> Money?? {
        guard let c = columns(field).first else { return .some(nil) }
        let bytes = row[c]
        if TextCell.isBlank(bytes) { return .some(nil) }
        guard case .success(let p) = AmountParser.parse(bytes: bytes, profile: amountProfile(c)) else { return nil }
        return money(p, column: c, rowCurrency)
    }

    /// ``dateValue(_:_:)`` of a row read as bytes, as ``moneyValue(_:_:_:)`` of one.
    private func dateValue(_ field: Field, _ row: TextRowView) -> LocalDate?? {
        guard let c = columns(field).first else { return .some(nil) }
        let bytes = row[c]
        if TextCell.isBlank(bytes) { return .some(nil) }
        guard case .success(let d) = DateParser.parse(bytes: bytes, order: dateProfile(c).order) else { return nil }
        return d
    }
}
