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
            var out = RenderedRows(customerCount: batch.customers.count + plain.rows.count,
                                   invoiceCount: batch.invoices.count + plain.rows.count)
            // About 200 bytes a row: one allocation per chunk instead of a dozen doublings.
            out.customers.bytes.reserveCapacity(out.customerCount * 200)
            out.invoices.bytes.reserveCapacity(out.invoiceCount * 160)
            var c = 0, i = 0
            if !plain.rows.isEmpty {
                // The rows' file and sheet, rendered once for the chunk.
                let place = PlacePrefix(file: plain.file, sheet: plain.sheet)
                // Rows read in place (a buffer's elements are borrowed): copying each would retain
                // and release its customer and number.
                plain.rows.withUnsafeBufferPointer { rows in
                    for k in rows.indices {
                        while c < rows[k].customersBefore { ImportOutput.render(customer: batch.customers[c], into: &out.customers); c += 1 }
                        while i < rows[k].invoicesBefore { ImportOutput.render(invoice: batch.invoices[i], into: &out.invoices); i += 1 }
                        Self.render(rows[k], of: plain, place, into: &out)
                    }
                }
            }
            while c < batch.customers.count { ImportOutput.render(customer: batch.customers[c], into: &out.customers); c += 1 }
            while i < batch.invoices.count { ImportOutput.render(invoice: batch.invoices[i], into: &out.invoices); i += 1 }
            batch.customers = []; batch.invoices = []
            return out
        }

        /// A plain row's customer and invoice, their IDs and locations written from the sheet's
        /// shared start.
        static func render(_ p: borrowing PlainInvoiceRow, of rows: PlainInvoiceRows, _ place: PlacePrefix,
                           into out: inout RenderedRows) {
            if let start = place.idStart {
                out.customers.recordID(start: start, row: p.row, line: p.line, suffix: "customer")
                out.invoices.recordID(start: start, row: p.row, line: p.line, suffix: "customer")
            } else {
                let id = rows.customerID(of: p).rawValue
                out.customers.field(id); out.invoices.field(id)
            }
            out.customers.fields(rendered: p.customer.encoded)
            out.customers.location(place, row: p.row, line: p.line)
            out.customers.endRow()
            ImportOutput.renderDocumentValues(number: p.number, type: p.type, issued: p.issueDate, due: p.dueDate,
                                              currency: p.currency, into: &out.invoices)
            out.invoices.field(p.amount); out.invoices.field(p.paid); out.invoices.field(p.balance)
            out.invoices.location(place, row: p.row, line: p.line)
            out.invoices.endRow()
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
    }

    /// One invoice as a row of invoices.csv.
    static func render(invoice i: borrowing Invoice, into row: inout CSVRowBuffer) {
        row.field(i.customer.rawValue)
        renderDocumentValues(number: i.number.value, type: i.type, issued: i.issueDate?.value, due: i.dueDate?.value,
                             currency: i.currency, into: &row)
        row.field(i.amount?.value); row.field(i.paid?.value); row.field(i.balance?.value)
        row.location(i.provenance.location)
        row.endRow()
    }

    /// One payment's fields in payments.csv (the row is ended by the caller).
    static func render(payment p: borrowing Payment, into row: inout CSVRowBuffer) {
        row.field(p.id.rawValue); row.field(p.date?.value); row.field(p.amount.value.currency?.code)
        row.field(p.amount.value.plainText); row.field(p.invoiceNumber?.value); row.field(p.reference?.value)
        row.field(p.method?.value); row.field(p.extra["customer_tax_id"]); row.field(p.extra["customer_name"])
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

