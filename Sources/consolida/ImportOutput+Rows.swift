import Mapping
import Receivables
import Tabular

extension ImportOutput {
    /// Renders customers and invoices as rows: a chunk's on the worker thread that built them (see
    /// ``ChunkEncoding``), other records in ``take``. Payments, rejects and the rest reach the writer
    /// as records.
    /// Plain invoice rows (``PlainInvoiceRow``) are rendered from their values, in row order among
    /// the records.
    struct RowRenderer: ChunkEncoding {
        static var takesPlainRows: Bool { true }

        func encode(_ batch: inout ImportBatch, plain: PlainInvoiceRows) -> RenderedRows {
            let out = RenderedRows(customerCount: batch.customers.count + plain.rows.count,
                                   invoiceCount: batch.invoices.count + plain.rows.count)
            var scratch = Scratch()
            var c = 0, i = 0
            if !plain.rows.isEmpty {
                // The rows' file and sheet, rendered once for the chunk.
                let place = PlacePrefix(file: plain.file, sheet: plain.sheet)
                // Rows read in place (a buffer's elements are borrowed): copying each would retain
                // and release its customer and number.
                plain.rows.withUnsafeBufferPointer { rows in
                    for k in rows.indices {
                        while c < rows[k].customersBefore { scratch.append(customer: batch.customers[c], to: out.customers); c += 1 }
                        while i < rows[k].invoicesBefore { scratch.append(invoice: batch.invoices[i], to: out.invoices); i += 1 }
                        Self.render(rows[k], of: plain, place, scratch: &scratch, into: out)
                    }
                }
            }
            while c < batch.customers.count { scratch.append(customer: batch.customers[c], to: out.customers); c += 1 }
            while i < batch.invoices.count { scratch.append(invoice: batch.invoices[i], to: out.invoices); i += 1 }
            batch.customers = []; batch.invoices = []
            return out
        }

        /// The buffer one chunk's rendering reuses for a record's row.
        struct Scratch {
            var row = CSVRowBuffer()

            mutating func append(customer c: borrowing Customer, to rows: RowBytes) {
                row.bytes.removeAll(keepingCapacity: true)
                ImportOutput.render(customer: c, into: &row)
                rows.append(row)
            }

            mutating func append(invoice i: borrowing Invoice, to rows: RowBytes) {
                row.bytes.removeAll(keepingCapacity: true)
                ImportOutput.render(invoice: i, into: &row)
                rows.append(row)
            }
        }

        private static let comma = UInt8(ascii: ","), customerSuffix = Array("/customer".utf8)

        /// A row's number and line as digits, written once (``ByteCursor/put(number:)``'s bytes;
        /// none for no line).
        struct RowDigits {
            private var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
            private var rowCount = 0, lineCount = 0

            init(row: Int, line: Int?) {
                withUnsafeMutableBytes(of: &bytes) { raw in
                    let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    var w = ByteCursor(base)
                    w.put(number: row)
                    rowCount = w.position - base
                    w.put(number: line)
                    lineCount = w.position - base - rowCount
                }
            }

            /// Calls `body` with the row's digits and the line's.
            mutating func use<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
                let (rowCount, lineCount) = (rowCount, lineCount)
                return withUnsafeBytes(of: &bytes) { raw in
                    let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    return body(UnsafeBufferPointer(start: base, count: rowCount),
                                UnsafeBufferPointer(start: base + rowCount, count: lineCount))
                }
            }
        }

        /// A plain row's customer and invoice, written through a cursor into room bounded for each
        /// row: the same bytes as ``ImportOutput/render(customer:into:)`` and
        /// ``ImportOutput/render(invoice:into:)`` write for its records (`consolida import
        /// --record-path` checks that), at a fraction of the cost.
        static func render(_ p: borrowing PlainInvoiceRow, of rows: PlainInvoiceRows, _ place: PlacePrefix,
                           scratch: inout Scratch, into out: RenderedRows) {
            guard let start = place.idStart else {
                renderQuoted(p, of: rows, place, scratch: &scratch, into: out)
                return
            }
            // The row and line numbers, each written twice in each row, made into digits once.
            var digits = RowDigits(row: p.row, line: p.line)
            digits.use { row, line in
                let encoded = p.customer.encoded
                // `,file,sheet,row,line` and the line's end; the ID (start, row, suffix).
                let placeBound = 3 + place.fields.count + row.count + line.count + 2
                let idBound = start.count + row.count + customerSuffix.count
                out.customers.write(maxLength: idBound + 1 + encoded.count + placeBound) { w in
                    w.put(start); w.put(row); w.put(customerSuffix)
                    w.put(comma); w.put(encoded)
                    putPlace(place, row, line, into: &w)
                }
                var number = p.number, type = p.type.rawValue, notes = p.notes ?? ""
                // A credit note's figures below zero, as ``ImportOutput/render(invoice:into:)`` writes a record's.
                let amount = p.amount?.signed(as: p.type), paid = p.paid?.signed(as: p.type),
                    balance = p.balance?.signed(as: p.type)
                let amountsBound = 3 + (amount?.textBound ?? 0) + (paid?.textBound ?? 0) + (balance?.textBound ?? 0)
                number.withUTF8 { number in notes.withUTF8 { notes in
                    let bound = idBound + 1 + CSVRowBuffer.fieldBound(number) + 1 + type.utf8.count
                        + 2 * (1 + ByteCursor.dateBound) + 1 + 3 + amountsBound + 2 + CSVRowBuffer.fieldBound(notes) + placeBound
                    out.invoices.write(maxLength: bound) { w in
                        w.put(start); w.put(row); w.put(customerSuffix)
                        w.put(comma); CSVRowBuffer.put(field: number, into: &w)
                        w.put(comma); w.put(type)
                        w.put(comma); w.put(date: p.issueDate)
                        w.put(comma); w.put(date: p.dueDate)
                        w.put(comma); w.put(currency: p.currency)
                        w.put(comma); w.put(amount: amount)
                        w.put(comma); w.put(amount: paid)
                        w.put(comma); w.put(amount: balance)
                        // Its notes; its extra attributes are none (a row with some is imported as records).
                        w.put(comma); CSVRowBuffer.put(field: notes, into: &w)
                        w.put(comma)
                        putPlace(place, row, line, into: &w)
                    }
                } }
            }
        }

        /// `,file,sheet,row,line` and the line's end (``CSVRowBuffer/location(_:row:line:)``,
        /// ``CSVRowBuffer/endRow()``).
        private static func putPlace(_ place: PlacePrefix, _ row: UnsafeBufferPointer<UInt8>,
                                     _ line: UnsafeBufferPointer<UInt8>, into w: inout ByteCursor) {
            w.put(comma); w.put(place.fields)
            w.put(comma); w.put(row)
            w.put(comma); w.put(line)
            w.put(0x0D); w.put(0x0A)
        }

        /// A plain row of a sheet whose record IDs need quotes (a comma in the file name): written
        /// field by field, its ID built whole.
        private static func renderQuoted(_ p: borrowing PlainInvoiceRow, of rows: PlainInvoiceRows, _ place: PlacePrefix,
                                         scratch: inout Scratch, into out: RenderedRows) {
            let id = rows.customerID(of: p).rawValue
            scratch.row.bytes.removeAll(keepingCapacity: true)
            scratch.row.field(id)
            scratch.row.fields(rendered: p.customer.encoded)
            scratch.row.location(place, row: p.row, line: p.line)
            scratch.row.endRow()
            out.customers.append(scratch.row)
            scratch.row.bytes.removeAll(keepingCapacity: true)
            scratch.row.field(id)
            ImportOutput.renderDocumentValues(number: p.number, type: p.type, issued: p.issueDate, due: p.dueDate,
                                              currency: p.currency, into: &scratch.row)
            scratch.row.field(p.amount?.signed(as: p.type)); scratch.row.field(p.paid?.signed(as: p.type))
            scratch.row.field(p.balance?.signed(as: p.type))
            scratch.row.field(p.notes); scratch.row.field(nil as String?)
            scratch.row.location(place, row: p.row, line: p.line)
            scratch.row.endRow()
            out.invoices.append(scratch.row)
        }

        /// A customer's fields from its name to its salesperson.
        func encodeValues(of customer: Customer) -> [UInt8] {
            var row = CSVRowBuffer()
            ImportOutput.renderValues(customer: customer, into: &row)
            return row.bytes
        }
    }
}

extension ImportOutput {
    /// One customer as a row of customers.csv (records are read in place: `borrowing`, since a copy
    /// would retain and release its twenty-odd references for nothing).
    static func render(customer c: borrowing Customer, into row: inout CSVRowBuffer) {
        row.field(c.id.rawValue)
        renderValues(customer: c, into: &row)
        row.location(c.provenance.location)
        row.endRow()
    }

    /// The fields of a customer row that come from its values, from the name to the salesperson
    /// (rendered once per distinct customer of plain rows: ``RowRenderer/encodeValues(of:)``).
    static func renderValues(customer c: borrowing Customer, into row: inout CSVRowBuffer) {
        row.field(c.name?.value); row.field(c.taxID?.value.normalized)
        row.field(c.taxID?.value.country); row.field(c.taxID?.value.validity.rawValue)
        row.joined(c.phones); row.joined(c.emails)
        row.field(c.address?.value); row.field(c.city?.value); row.field(c.salesperson?.value)
        row.field(ExtraAttributesText.json(c.extra))
    }

    /// One invoice as a row of invoices.csv: a credit note's figures below zero however its source
    /// signed them (``Invoice/DocumentType/signed(_:)-(Money)``, as reconciliation keeps them).
    static func render(invoice i: borrowing Invoice, into row: inout CSVRowBuffer) {
        row.field(i.customer.rawValue)
        renderDocumentValues(number: i.number.value, type: i.type, issued: i.issueDate?.value, due: i.dueDate?.value,
                             currency: i.currency, into: &row)
        let type = i.type
        row.field(i.amount.map { type.signed($0.value) }); row.field(i.paid.map { type.signed($0.value) })
        row.field(i.balance.map { type.signed($0.value) })
        row.field(i.notes?.value); row.field(ExtraAttributesText.json(i.extra))
        row.location(i.provenance.location)
        row.endRow()
    }

    /// One payment's fields in payments.csv (the row is ended by the caller).
    static func render(payment p: borrowing Payment, into row: inout CSVRowBuffer) {
        row.field(p.id.rawValue); row.field(p.date?.value); row.field(p.amount.value.currency?.code)
        row.field(p.amount.value.plainText); row.field(p.invoiceNumber?.value); row.field(p.reference?.value)
        row.field(p.method?.value); row.field(p.extra["customer_tax_id"]); row.field(p.extra["customer_name"])
        row.field(p.notes?.value); row.field(ExtraAttributesText.json(p.extra, leaving: ["customer_tax_id", "customer_name"]))
        row.location(p.provenance.location)
    }

    /// One reject's fields in rejects.csv (the row is ended by the caller).
    static func render(reject r: Reject, into row: inout CSVRowBuffer) {
        row.location(r.location)
        row.field(r.location.cell?.a1); row.field(r.code); row.field(r.reason)
        row.field(r.rawText)
    }

    /// The fields of an invoice row between its customer ID and its amounts (from an ``Invoice`` or a
    /// ``PlainInvoiceRow``).
    static func renderDocumentValues(number: String, type: Invoice.DocumentType, issued: LocalDate?, due: LocalDate?,
                                     currency: Currency?, into row: inout CSVRowBuffer) {
        row.field(number); row.field(type.rawValue)
        row.field(issued); row.field(due); row.field(currency?.code)
    }
}

