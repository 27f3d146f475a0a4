import Receivables
import Tabular

extension TableImporter {
    /// The fields a customer is read from (``buildCustomer(_:_:id:into:listAll:)``).
    static let customerFields: [Field] = [.customerName, .firstName, .lastName, .taxID, .phone, .email, .address, .city,
                                          .salesperson, .country]

    /// The columns a customer of this table is read from, in order.
    static func customerColumns(_ fieldColumns: [[Int]]) -> [Int] {
        Array(Set(customerFields.flatMap { fieldColumns[$0.ordinal] })).sorted()
    }

    /// The row as a ``PlainInvoiceRow``, its customer's warnings added to `batch`; or `nil` when
    /// the row is rejected or its currency cell or its amounts (``InvoiceAmountCheck``) call for a
    /// warning (then ``importRow(_:kind:into:)`` imports it as records and says why). The values come from the functions that build the
    /// records, so both paths agree.
    /// `known` is the customer the memo already knows for the row's customer cells, if looked up.
    mutating func plainInvoice(_ row: Row, known: CustomerValues? = nil, into batch: inout ImportBatch) -> PlainInvoiceRow? {
        guard let rowCurrency = recentRowCurrency(row) else { return nil }
        if known == nil {
            customerKey.removeAll(keepingCapacity: true)
            CustomerKey.append(row, columns: customers.columns, to: &customerKey)
        }
        guard let p = plainValues(row, known: known, rowCurrency: rowCurrency, customersBefore: batch.customers.count,
                                  invoicesBefore: batch.invoices.count) else { return nil }
        noteCustomer(p.customer, row: p.row, line: p.line, into: &batch)
        return p
    }

    /// ``plainInvoice(_:known:into:)``'s values, its customer `known` or its key in ``customerKey``. (Apart from the
    /// mutating caller: a mutating method calling the importer's non-mutating ones copies the whole
    /// importer, hundreds of bytes, for each call; this makes it one copy a row.)
    private func plainValues(_ row: Row, known: CustomerValues?, rowCurrency: Currency?, customersBefore: Int,
                             invoicesBefore: Int) -> PlainInvoiceRow? {
        // An aging report's balance is its buckets' sum: the record path's (``bucketBalance``).
        // Instalments (several paid columns) may raise a warning: the record path's (``instalments``).
        // Extra attributes: the record path keeps them (a plain row has none).
        guard columns(.agingBucket).isEmpty, columns(.paid).count <= 1, !hasExtras(row),
              let (number, _) = textValue(.documentNumber, row) else { return nil }
        do {
            guard let amount = try plainAmount(.amount, row, rowCurrency), let paid = try plainAmount(.paid, row, rowCurrency),
                  let balance = try plainAmount(.balance, row, rowCurrency), amount != nil || balance != nil else { return nil }
            let issued = try dateValue(.issueDate, row)?.0, due = try dateValue(.dueDate, row)?.0
            // A receipt or an unknown type is said about (``noteWrittenType(_:_:into:)``): the record path's.
            if let (meaning, _) = writtenType(row), meaning == .receipt || meaning == .unknown { return nil }
            let type = documentType(row, number: number)
            // The record path raises the warning (checked before the customer is memoized).
            if InvoiceAmountCheck(type: type, amount: amount, paid: paid, balance: balance).callsForWarning { return nil }
            let currency = amount?.currency ?? balance?.currency ?? paid?.currency
                ?? rowCurrency ?? fallbackCurrency
            return PlainInvoiceRow(row: row.number, line: row.line, customer: known ?? plainCustomer { row }, number: number,
                                   type: type, issueDate: issued, dueDate: due,
                                   currency: currency, amount: amount, paid: paid, balance: balance,
                                   notes: textValue(.notes, row)?.0,
                                   customersBefore: customersBefore, invoicesBefore: invoicesBefore)
        } catch {
            return nil
        }
    }

    /// Whether the customers of a chunk's rows (read as ``Row``s) are looked up together before the
    /// rows are consumed (``CustomerMemo/known(_:)-CustomerKeys``): rows that may become plain
    /// invoices, their customer cells as read (no customer filled down from a row above).
    var looksUpRowCustomersTogether: Bool {
        plainRows && mapping.kind == .invoices && sections == nil && !isStatement && fillDown == nil
    }

    /// ``moneyValue(_:_:_:)`` as a ``PlainAmount``: `.some(nil)` for none, `nil` when its value does
    /// not fit one (the row is then imported as records).
    private func plainAmount(_ field: Field, _ row: Row, _ rowCurrency: Currency?) throws -> PlainAmount?? {
        // A workbook's number cell: its digits go straight into parts, without a `Decimal` built
        // and taken apart again; its currency as ``moneyValue(column:_:_:_:)`` decides it.
        if let c = columns(field).first, case .number(let d) = row[column: c],
           let (negative, significand, exponent) = CellValue.decimalDigits(d), significand != 0 || !negative {
            let own = rowCurrency == nil ? row.currencies?[c].flatMap { parsed.currency($0, country: country) } : nil
            let currency = own ?? rowCurrency ?? headerCurrency[c] ?? amountProfiles[c]?.currency ?? fallbackCurrency
            return .some(PlainAmount(DecimalParts.normalized(negative: negative, significand: significand, exponent: exponent),
                                     currency))
        }
        guard let (money, _) = try moneyValue(field, row, rowCurrency) else { return .some(nil) }
        return PlainAmount(money).map { .some($0) }
    }

    /// The warnings of a plain row's customer, raised again at the row's place.
    mutating func noteCustomer(_ customer: CustomerValues, row: Int, line: Int?, into batch: inout ImportBatch) {
        let notes = customer.notes
        for i in notes.indices {
            if let k = countOnly.firstIndex(of: notes[i].code) { countOnlyTally[k] += 1; continue }
            // Read in place: past the listing limit only the code is needed.
            note(notes[i].severity, notes[i].code, notes[i].message,
                 at: SourceLocation(file: path, sheet: sheet.name, row: row, column: notes[i].location?.column, line: line),
                 found: notes[i].found, into: &batch)
        }
    }

    /// The row's currency cell as ``currencyCell(_:into:)`` reads it, remembered for the chunk:
    /// `.some(nil)` when there is none or it is blank, `nil` when it names no currency (a warning
    /// the record path gives).
    mutating func recentRowCurrency(_ row: Row) -> Currency?? {
        guard let (text, _) = Self.currencyText(row, column: fieldColumns[Field.currency.ordinal].first) else {
            return .some(nil)
        }
        if let known = recentCurrencies.first(where: { $0.text.hasSameBytes(as: text) }) { return known.currency }
        return currency(named: text)
    }

    /// A currency cell's text as ``currencyCell(_:into:)`` reads it, remembered for the chunk.
    mutating func currency(named text: String) -> Currency?? {
        guard let currency = parsed.currency(text, country: country) else { return nil }
        if recentCurrencies.count < 16 { recentCurrencies.append((text, currency)) }
        return currency
    }

    private static let unkeptID = RecordID("")

    /// The customer of the row whose cells' key is in ``customerKey``, from the table's memo, built
    /// from `row()` on first sight. (`row` builds the row only then, and captures no importer: a
    /// closure capturing `self` copied the whole importer on every row.)
    func plainCustomer(row: () -> Row) -> CustomerValues {
        customers.known(customerKey) ?? newPlainCustomer(row(), key: customerKey)
    }

    /// A plain row's customer, the first time its cells (their `key`) are seen, kept in the memo.
    func newPlainCustomer(_ row: Row, key: [UInt8]) -> CustomerValues {
        // Every note in full, whatever this chunk only counts: the customer serves every chunk.
        // Its ID is not kept (each row has its own), so none is built.
        var notes = ImportBatch()
        let customer = buildCustomer(row, Provenance(location(row), sourceLabel: label), id: Self.unkeptID,
                                     into: &notes, listAll: true)
        // Raised after the customer's own notes, as the record path raises it once the invoice is built.
        noteNoCustomer(customer, row, into: &notes, listAll: true)
        let values = CustomerValues(encoded: encodeCustomerValues(customer), notes: notes.diagnostics)
        customers.remember(values, for: key)
        return values
    }
}
