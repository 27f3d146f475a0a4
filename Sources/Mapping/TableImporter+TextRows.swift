import Receivables
import Tabular

extension TableImporter {
    /// Whether rows read as bytes (``TextRows``) may become plain invoice rows without a ``Row``
    /// being built for them: an invoice table taking plain rows, its document number in one column
    /// and its document type in one column at most (several are joined), and at most one paid
    /// column (several are summed).
    var readsPlainRowsInPlace: Bool {
        plainRows && mapping.kind == .invoices && classifier != nil && columns(.documentNumber).count == 1
            && columns(.documentType).count <= 1 && sections == nil && !isStatement && columns(.agingBucket).isEmpty
            && columns(.paid).count <= 1 && columns(.notes).count <= 1
    }

    /// Row `r` of `rows`: a plain invoice row read in place when its bytes clearly make one (with
    /// `inPlace`, from ``readsPlainRowsInPlace``), else built as a ``Row`` and consumed as any other.
    /// Both give the same values: the bytes go through the parsers the row's cells go through.
    /// `known` is the customer the memo already knows for the row's customer cells, if looked up.
    mutating func consume(_ rows: TextRows, _ r: Int, inPlace: Bool, known: CustomerValues? = nil,
                          into batch: inout ImportBatch, plain: inout PlainInvoiceRows) {
        if inPlace, rows.withRow(r, { plainInvoice($0, of: rows, r, known: known, into: &batch, plain: &plain) }) {
            accounting.rowsRead += 1; accounting.imported += 1
            if fillDown != nil { fillSource = .text(r) }
            return
        }
        // A row under a customer read in place takes that row's cells: built now, when needed.
        if let fillDown, case .text(let source) = fillSource, !rows.withRow(r, { fillDown.namesCustomer($0) }) {
            fillSource = .row(rows.row(source))
        }
        consume(rows.row(r), into: &batch, plain: &plain)
    }

    /// ``plainInvoice(_:into:)`` of a row read as bytes, appended to `plain` (built there, not
    /// copied: the row is large); `false` (with nothing added) when the row is no surely plain data
    /// row, for the caller to build the row and decide.
    ///
    /// Its values are read through ``bytesReader``, not the importer's own methods: this method is
    /// mutating, and one calling a non-mutating method of the importer hands it a copy of the whole
    /// importer (hundreds of bytes), several times a row.
    private mutating func plainInvoice(_ row: TextRowView, of rows: TextRows, _ r: Int, known: CustomerValues?,
                                       into batch: inout ImportBatch, plain: inout PlainInvoiceRows) -> Bool {
        guard let reader = bytesReader, reader.classifier.isSurelyData(row), !reader.hasExtras(row) else { return false }
        // A row with no customer may take the one above it (``CustomerFillDown``): the row path decides.
        if let fillDown, !fillDown.namesCustomer(row) { return false }
        // A status that may say voided: the row path decides (``VoidedRows``).
        if let status = statusColumn, VoidedRows.mayBeVoided(row[status]) { return false }
        let numberField = row[reader.numberColumn]
        // (A number that is a spreadsheet error: the row path rejects the row and says why.)
        guard !TextCell.isBlank(numberField), !SpreadsheetError.isError(bytes: numberField),
              let rowCurrency = recentRowCurrency(row, column: reader.currencyColumn),
              let (amount, paid, balance, issued, due) = reader.values(row, rowCurrency), amount != nil || balance != nil
        else { return false }
        let number = String.collapsingWhitespace(bytes: numberField)
        guard let type = documentType(row, typeColumn: reader.typeColumn, number: number) else { return false }
        // A row whose amounts call for a warning is built and imported as records, which raise it.
        if InvoiceAmountCheck(type: type, amount: amount, paid: paid, balance: balance).callsForWarning { return false }
        let customer: CustomerValues
        if let known {
            customer = known
        } else {
            customerKey.removeAll(keepingCapacity: true)
            CustomerKey.append(row, columns: customers.columns, to: &customerKey)
            customer = customers.known(customerKey) ?? newPlainCustomer(rows.row(r), key: customerKey)
        }
        plain.rows.append(PlainInvoiceRow(row: row.number, line: row.line, customer: customer,
                                number: number, type: type, issueDate: issued, dueDate: due,
                                currency: amount?.currency ?? balance?.currency ?? paid?.currency
                                    ?? rowCurrency ?? reader.fallbackCurrency,
                                amount: amount, paid: paid, balance: balance, notes: reader.notes(row),
                                customersBefore: batch.customers.count, invoicesBefore: batch.invoices.count))
        noteCustomer(customer, row: row.number, line: row.line, into: &batch)
        return true
    }

    /// ``documentType(_:number:)`` of a row read as bytes, its type cell in `column`; `nil` when the
    /// cell names a receipt or a type nobody knows: the row path imports it and says so
    /// (``noteWrittenType(_:_:into:)``).
    private mutating func documentType(_ row: TextRowView, typeColumn column: Int?, number: String) -> Invoice.DocumentType? {
        guard let column, !TextCell.isBlank(row[column]) else { return Self.documentType(number: number) }
        let field = row[column]
        if let known = recentTypes.first(where: { $0.text.hasSameBytes(as: field) }) { return known.type }
        let written = String.collapsingWhitespace(bytes: field)
        let type: Invoice.DocumentType?
        switch DocumentTypeWords.meaning(of: written) {
        case .creditNote: type = .creditNote
        case .debitNote: type = .debitNote
        case .invoice: type = .invoice
        case .receipt, .unknown: type = nil
        }
        if recentTypes.count < 16 { recentTypes.append((String(decoding: field, as: UTF8.self), type)) }
        return type
    }

    /// ``recentRowCurrency(_:)`` of a row read as bytes, its currency cell in `column`.
    private mutating func recentRowCurrency(_ row: TextRowView, column: Int?) -> Currency?? {
        guard let column else { return .some(nil) }
        let field = row[column]
        if TextCell.isBlank(field) { return .some(nil) }
        if let known = recentCurrencies.first(where: { $0.text.hasSameBytes(as: field) }) { return known.currency }
        return currency(named: String(decoding: field, as: UTF8.self))
    }
}

/// What reading a plain invoice row's values from its bytes takes, gathered once per table when
/// its columns' conventions are decided (``TableImporter/begin(into:)``): each value column with
/// its profile, read as ``TableImporter/moneyValue(_:_:_:)`` and ``TableImporter/dateValue(_:_:)``
/// read the row's cells.
final class PlainBytesReader: Sendable {
    /// A class, not a struct: the reader hands a column to ``money(_:_:_:)`` three times a row, and
    /// a struct's copy retained and released each of its profile's strings every time (about 4% of
    /// a large import).
    ///
    /// `@unchecked Sendable`: ``affixes`` changes as rows are read, by one thread only, since each
    /// chunk's worker reads with a reader of its own (``init(copying:)``), which starts it anew.
    final class AmountColumn: @unchecked Sendable {
        let column: Int
        let profile: AmountColumnProfile
        /// The currency the column's header names (`Monto USD`).
        let headerCurrency: Currency?
        /// What the currency marks beside the column's digits were read as.
        var affixes = AmountAffixes()

        init(column: Int, profile: AmountColumnProfile, headerCurrency: Currency?) {
            self.column = column; self.profile = profile; self.headerCurrency = headerCurrency
        }
    }

    struct DateColumn: Sendable {
        let column: Int
        let order: DateOrder
    }

    let classifier: RowClassifier
    let numberColumn: Int
    /// The document type's column, if the table has one.
    let typeColumn: Int?
    let currencyColumn: Int?
    let amount, paid, balance: AmountColumn?
    let issueDate, dueDate: DateColumn?
    /// The mapping's currency, else the configuration's.
    let fallbackCurrency: Currency?
    /// The notes column; the columns kept as extra attributes, and the header's last column (cells
    /// beyond it are kept too): a row with any of those is imported as records.
    let notesColumn: Int?
    let extraColumns: [Int]
    let width: Int

    /// The reader of `importer`'s table; `nil` unless its rows may be read in place
    /// (``TableImporter/readsPlainRowsInPlace``).
    init?(_ importer: TableImporter) {
        guard importer.readsPlainRowsInPlace, let classifier = importer.classifier else { return nil }
        self.classifier = classifier
        numberColumn = importer.columns(.documentNumber)[0]
        typeColumn = importer.columns(.documentType).first
        currencyColumn = importer.columns(.currency).first
        func amountColumn(_ field: Field) -> AmountColumn? {
            importer.columns(field).first.map {
                AmountColumn(column: $0, profile: importer.amountProfile($0), headerCurrency: importer.headerCurrency[$0])
            }
        }
        func dateColumn(_ field: Field) -> DateColumn? {
            importer.columns(field).first.map { DateColumn(column: $0, order: importer.dateProfile($0).order) }
        }
        amount = amountColumn(.amount); paid = amountColumn(.paid); balance = amountColumn(.balance)
        issueDate = dateColumn(.issueDate); dueDate = dateColumn(.dueDate)
        fallbackCurrency = importer.fallbackCurrency
        notesColumn = importer.columns(.notes).first
        extraColumns = importer.mapping.extras.map(\.column)
        width = importer.table.region.headers.last?.column ?? 0
    }

    /// A reader of the same columns, of its own: each chunk's worker takes one
    /// (``TableImporter/startChunk(countOnly:)``). Reading a row retains and releases the reader and
    /// its amount columns; on objects that both workers share, every one of those counts moved the
    /// object's memory from one core to the other (about 5% of a large import).
    init(copying other: PlainBytesReader) {
        func copy(_ a: AmountColumn?) -> AmountColumn? {
            a.map { AmountColumn(column: $0.column, profile: $0.profile, headerCurrency: $0.headerCurrency) }
        }
        classifier = other.classifier
        numberColumn = other.numberColumn; typeColumn = other.typeColumn; currencyColumn = other.currencyColumn
        amount = copy(other.amount); paid = copy(other.paid); balance = copy(other.balance)
        issueDate = other.issueDate; dueDate = other.dueDate
        fallbackCurrency = other.fallbackCurrency
        notesColumn = other.notesColumn; extraColumns = other.extraColumns; width = other.width
    }

    /// ``TableImporter/hasExtras(_:)`` of a row read as bytes.
    func hasExtras(_ row: TextRowView) -> Bool {
        if extraColumns.contains(where: { !TextCell.isBlank(row[$0]) }) { return true }
        return row.count > width && ((width + 1)...row.count).contains { !TextCell.isBlank(row[$0]) }
    }

    /// The row's notes as ``TableImporter/textValue(_:_:)`` reads them from its cell.
    func notes(_ row: TextRowView) -> String? {
        guard let notesColumn, !TextCell.isBlank(row[notesColumn]), !SpreadsheetError.isError(bytes: row[notesColumn])
        else { return nil }
        return String.collapsingWhitespace(bytes: row[notesColumn])
    }

    /// A row's amount, paid and balance (``money(_:_:_:)``), and issue and due dates
    /// (``date(_:_:)``); `nil` when the row is rejected for any of them. (Read here rather than
    /// column by column by the caller: each column it handed over was retained and released.)
    func values(_ row: TextRowView, _ rowCurrency: Currency?)
        -> (amount: PlainAmount?, paid: PlainAmount?, balance: PlainAmount?, issued: LocalDate?, due: LocalDate?)? {
        guard let a = money(amount, row, rowCurrency), let p = money(paid, row, rowCurrency),
              let b = money(balance, row, rowCurrency),
              let issued = date(issueDate, row), let due = date(dueDate, row) else { return nil }
        return (a, p, b, issued, due)
    }

    /// An amount read from the row's bytes: `.some(nil)` for none (no column, or a blank cell),
    /// `nil` when the row is rejected for it.
    func money(_ a: AmountColumn?, _ row: TextRowView, _ rowCurrency: Currency?) -> PlainAmount?? {
        guard let a else { return .some(nil) }
        let bytes = row[a.column]
        if TextCell.isBlank(bytes) { return .some(nil) }
        guard let (value, currency) = AmountParser.parts(bytes: bytes, profile: a.profile, affixes: &a.affixes) else { return nil }
        let written = CurrencyToken.resolvingBareDollar(currency, written: bytes, rowCurrency: rowCurrency)
        return PlainAmount(value, written ?? rowCurrency ?? a.headerCurrency ?? a.profile.currency ?? fallbackCurrency)
    }

    /// A date read from the row's bytes, as ``money(_:_:_:)`` reads an amount.
    func date(_ d: DateColumn?, _ row: TextRowView) -> LocalDate?? {
        guard let d else { return .some(nil) }
        let bytes = row[d.column]
        if TextCell.isBlank(bytes) { return .some(nil) }
        guard case .success(let date) = DateParser.parse(bytes: bytes, order: d.order) else { return nil }
        return date
    }
}
