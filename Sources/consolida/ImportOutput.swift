import Foundation
import Mapping
import Pipeline
import Receivables
import Reports
import Tabular

/// The files `consolida import` writes, as the records arrive: normalized records as CSV with their
/// source locations, and rejects. Records are written and dropped batch by batch on a writer thread
/// of their own, so an import of millions of rows holds only a few batches at once and formatting
/// the output overlaps with reading and normalizing the input.
///
/// `@unchecked Sendable`: the files and `failure` are touched only on `queue` (and after `close()`
/// has drained it); `counts` only on the caller's thread.
final class ImportOutput: @unchecked Sendable {
    static let locationColumns = ["source_file", "source_sheet", "source_row", "source_line"]

    private let customers, invoices, payments, contacts, promises, rejects: StreamedCSVFile
    private let queue = DispatchQueue(label: "consolida.import-output")
    /// Batches handed over but not yet written: the reader waits when the writer falls behind.
    private let inFlight = DispatchSemaphore(value: 4)
    /// The first write failure; later batches are dropped and the caller discards the folder.
    private var failure: (any Error)?
    private(set) var counts = (customers: 0, invoices: 0, payments: 0, contacts: 0, promises: 0, rejects: 0)

    private struct Records: Sendable {
        var payments: [Payment], contacts: [ContactEvent], promises: [PromiseToPay], rejects: [Reject]
        /// Customers and invoices, rendered as rows (on the import's worker threads, or by ``take``
        /// for records that come without), in row order.
        var rendered: [RenderedRows]
    }

    /// Customer and invoice rows rendered as CSV bytes where they were built (``RowRenderer``).
    struct RenderedRows: Sendable {
        var customers = CSVRowBuffer(), invoices = CSVRowBuffer()
        var customerCount = 0, invoiceCount = 0
    }

    /// Renders customers and invoices as rows: a chunk's on the worker thread that built them (see
    /// ``ChunkEncoding``), other records in ``take``. Payments, rejects and the rest reach the writer
    /// as records.
    /// Plain invoice rows (``PlainInvoiceRow``) are rendered from their values, in row order among
    /// the records.
    struct RowRenderer: ChunkEncoding {
        static var takesPlainRows: Bool { true }

        func encode(_ batch: inout ImportBatch, plain: [PlainInvoiceRow]) -> RenderedRows {
            var out = RenderedRows(customerCount: batch.customers.count + plain.count,
                                   invoiceCount: batch.invoices.count + plain.count)
            // About 200 bytes a row: one allocation per chunk instead of a dozen doublings.
            out.customers.bytes.reserveCapacity(out.customerCount * 200)
            out.invoices.bytes.reserveCapacity(out.invoiceCount * 160)
            var c = 0, i = 0
            for p in plain {
                while c < p.customersBefore { ImportOutput.render(customer: batch.customers[c], into: &out.customers); c += 1 }
                while i < p.invoicesBefore { ImportOutput.render(invoice: batch.invoices[i], into: &out.invoices); i += 1 }
                let customerID = p.customerID.rawValue
                out.customers.field(customerID); out.customers.fields(rendered: p.customer.encoded)
                out.customers.location(p.location); out.customers.endRow()
                ImportOutput.renderInvoice(customer: customerID, number: p.number, type: p.type, issued: p.issueDate,
                                           due: p.dueDate, currency: p.currency, amount: p.amount, paid: p.paid,
                                           balance: p.balance, at: p.location, into: &out.invoices)
            }
            while c < batch.customers.count { ImportOutput.render(customer: batch.customers[c], into: &out.customers); c += 1 }
            while i < batch.invoices.count { ImportOutput.render(invoice: batch.invoices[i], into: &out.invoices); i += 1 }
            batch.customers = []; batch.invoices = []
            return out
        }

        /// A customer's fields from its name to its salesperson.
        func encodeValues(of customer: Customer) -> [UInt8] {
            var row = CSVRowBuffer()
            ImportOutput.renderValues(customer: customer, into: &row)
            return row.bytes
        }
    }

    init(folder: OutputFolder) throws {
        customers = try StreamedCSVFile(folder.staged("customers.csv"), header: ["customer_id", "name", "tax_id",
            "tax_id_country", "tax_id_valid", "phones", "emails", "address", "city", "salesperson"] + Self.locationColumns)
        invoices = try StreamedCSVFile(folder.staged("invoices.csv"), header: ["customer_id", "document_number",
            "document_type", "issue_date", "due_date", "currency", "amount", "paid", "balance"] + Self.locationColumns)
        payments = try StreamedCSVFile(folder.staged("payments.csv"), header: ["payment_id", "date", "currency", "amount",
            "invoice_number", "reference", "method", "customer_tax_id", "customer_name"] + Self.locationColumns)
        contacts = try StreamedCSVFile(folder.staged("contacts.csv"), header: ["contact_id", "customer_record", "date",
            "time", "channel", "author", "outcome", "outcome_confidence", "text"] + Self.locationColumns)
        promises = try StreamedCSVFile(folder.staged("promises.csv"), header: ["promise_id", "customer_record", "made_on",
            "promised_date", "currency", "amount", "invoice_numbers", "confidence", "text"] + Self.locationColumns)
        // The same columns as `consolida run`'s rejects.csv.
        rejects = try StreamedCSVFile(folder.staged(RejectsTable.fileName), header: RejectsTable.columns.map(\.name))
    }

    /// Hands the batch's records, then the rows `rendered` from later records, to the writer and
    /// removes the records from the batch; accounting and diagnostics stay.
    func take(_ batch: inout ImportBatch, rendered: [RenderedRows] = []) {
        // The batch's own customers and invoices (notes, or an importer without a renderer) come first.
        let rendered = [RowRenderer().encode(&batch, plain: [])] + rendered
        counts.customers += rendered.reduce(0) { $0 + $1.customerCount }
        counts.invoices += rendered.reduce(0) { $0 + $1.invoiceCount }
        counts.payments += batch.payments.count; counts.contacts += batch.contacts.count
        counts.promises += batch.promises.count; counts.rejects += batch.rejects.count
        let records = Records(payments: batch.payments, contacts: batch.contacts, promises: batch.promises,
                              rejects: batch.rejects, rendered: rendered)
        batch.payments = []; batch.contacts = []; batch.promises = []; batch.rejects = []
        inFlight.wait()
        queue.async {
            defer { self.inFlight.signal() }
            guard self.failure == nil else { return }
            do { try self.write(records) } catch { self.failure = error }
        }
    }

    /// Waits for the writer, then flushes and closes every file; throws the first failure.
    func close() throws {
        try queue.sync {
            for file in [customers, invoices, payments, contacts, promises, rejects] {
                do { try file.close() } catch { if failure == nil { failure = error } }
            }
            if let failure { throw failure }
        }
    }

    private func write(_ records: Records) throws {
        for r in records.rendered {
            try customers.append(rows: r.customers); try invoices.append(rows: r.invoices)
        }
        for p in records.payments {
            try payments.row {
                $0.field(p.id.rawValue); $0.field(p.date?.value); $0.field(p.amount.value.currency?.code)
                $0.field(p.amount.value.plainText); $0.field(p.invoiceNumber?.value); $0.field(p.reference?.value)
                $0.field(p.method?.value); $0.field(p.extra["customer_tax_id"]); $0.field(p.extra["customer_name"])
                $0.location(p.provenance.location)
            }
        }
        for c in records.contacts {
            try contacts.row {
                $0.field(c.id.rawValue); $0.field(c.customer?.rawValue); $0.field(c.date); $0.field(c.time?.iso)
                $0.field(c.channel.rawValue); $0.field(c.author); $0.field(c.outcome.rawValue)
                $0.field(String(format: "%.2f", c.outcomeConfidence)); $0.field(c.text)
                $0.location(c.provenance.location)
            }
        }
        for p in records.promises {
            try promises.row {
                $0.field(p.id.rawValue); $0.field(p.customer?.rawValue); $0.field(p.madeOn); $0.field(p.promisedDate)
                $0.field(p.amount?.currency?.code); $0.field(p.amount?.plainText); $0.field(p.invoiceNumbers.joined(separator: "; "))
                $0.field(String(format: "%.2f", p.confidence)); $0.field(p.text)
                $0.location(p.provenance.location)
            }
        }
        for r in records.rejects {
            try rejects.row {
                $0.location(r.location)
                $0.field(r.location.cell?.a1); $0.field(r.code); $0.field(r.reason)
                $0.field(r.rawText)
            }
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
        renderInvoice(customer: i.customer.rawValue, number: i.number.value, type: i.type, issued: i.issueDate?.value,
                      due: i.dueDate?.value, currency: i.currency, amount: i.amount?.value, paid: i.paid?.value,
                      balance: i.balance?.value, at: i.provenance.location, into: &row)
    }

    /// An invoice's values as a row of invoices.csv (from an ``Invoice`` or a ``PlainInvoiceRow``).
    static func renderInvoice(customer: String, number: String, type: Invoice.DocumentType, issued: LocalDate?,
                              due: LocalDate?, currency: Currency?, amount: Money?, paid: Money?, balance: Money?,
                              at location: SourceLocation, into row: inout CSVRowBuffer) {
        row.field(customer); row.field(number); row.field(type.rawValue)
        row.field(issued); row.field(due); row.field(currency?.code)
        row.field(amount); row.field(paid); row.field(balance)
        row.location(location)
        row.endRow()
    }
}

/// One CSV file written through a buffer of about a mebibyte.
final class StreamedCSVFile {
    private let handle: FileHandle
    private var buffer = CSVRowBuffer()
    private static let bufferLimit = 1 << 20

    init(_ url: URL, header: [String]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.bytes.reserveCapacity(Self.bufferLimit + 64 * 1024)
        try row { for h in header { $0.field(h) } }
    }

    /// One record: `fill` writes its fields in order.
    func row(_ fill: (inout CSVRowBuffer) -> Void) throws {
        fill(&buffer)
        buffer.endRow()
        if buffer.bytes.count >= Self.bufferLimit { try drain() }
    }

    /// Whole rows rendered elsewhere (``ImportOutput/RowRenderer``).
    func append(rows: CSVRowBuffer) throws {
        buffer.bytes += rows.bytes
        if buffer.bytes.count >= Self.bufferLimit { try drain() }
    }

    func close() throws {
        try drain()
        try handle.close()
    }

    private func drain() throws {
        guard !buffer.bytes.isEmpty else { return }
        try handle.write(contentsOf: buffer.bytes)
        buffer.bytes.removeAll(keepingCapacity: true)
    }
}

/// RFC 4180 bytes (CRLF) with formula neutralization: a text field starting with `=`, `+`, `-`,
/// `@`, tab or CR is prefixed with `'` so a spreadsheet shows it instead of evaluating it (CSV
/// injection). Plain decimals the importer wrote itself (`-185.00`) are numbers, not formulas, and
/// stay as they are.
struct CSVRowBuffer {
    var bytes: [UInt8] = []
    private var atRowStart = true

    mutating func field(_ text: String?) {
        separate()
        guard var text, !text.isEmpty else { return }
        text.withUTF8 { append($0) }
    }

    /// Several values in one field, separated by `; ` (a customer's phones or emails).
    mutating func joined(_ values: [Sourced<String>]) {
        if values.count <= 1 { field(values.first?.value); return }
        field(values.map(\.value).joined(separator: "; "))
    }

    /// Fields rendered before by another buffer (from the start of its row).
    mutating func fields(rendered: [UInt8]) {
        separate()
        bytes.append(contentsOf: rendered)
    }

    /// An amount as plain decimal text (``Money/plainText``), digits written directly: a plain
    /// number is never taken for a formula, nor quoted.
    mutating func field(_ money: Money?) {
        separate()
        money?.appendPlainText(to: &bytes)
    }

    /// A date as `YYYY-MM-DD`, digits written directly.
    mutating func field(_ date: LocalDate?) {
        separate()
        guard let date else { return }
        digits(date.year, 4); bytes.append(UInt8(ascii: "-")); digits(date.month, 2)
        bytes.append(UInt8(ascii: "-")); digits(date.day, 2)
    }

    /// Source file, sheet, row and line.
    mutating func location(_ l: SourceLocation) {
        field(l.file); field(l.sheet)
        separate(); if let row = l.row { number(row) }
        separate(); if let line = l.line { number(line) }
    }

    mutating func endRow() {
        bytes.append(0x0D); bytes.append(0x0A)
        atRowStart = true
    }

    private mutating func separate() {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
    }

    private mutating func append(_ u: UnsafeBufferPointer<UInt8>) {
        guard let first = u.first else { return }
        let formula = Self.isFormulaStart[Int(first)] && !Self.isPlainNumber(u)
        // Every byte that calls for quotes (`,` `"` LF CR) is at most 0x2C: one compare for most bytes.
        let quoted = u.contains(where: Self.needsQuotes)
        if !quoted {
            if formula { bytes.append(0x27) }
            bytes.append(contentsOf: u)
            return
        }
        bytes.append(0x22)
        if formula { bytes.append(0x27) }
        for b in u {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }

    @inline(__always)
    private static func needsQuotes(_ b: UInt8) -> Bool {
        guard b <= 0x2C else { return false }
        return b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D
    }

    /// ``FormulaGuard/formulaStartBytes`` by byte value.
    private static let isFormulaStart: [Bool] = (0..<256).map { FormulaGuard.formulaStartBytes.contains(UInt8($0)) }

    private mutating func number(_ n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var v = n.magnitude, width = 1
        while v >= 10 { v /= 10; width += 1 }
        digits(Int(n.magnitude), width)
    }

    private mutating func digits(_ n: Int, _ width: Int) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, 1)))
        var v = n.magnitude, i = bytes.count
        while v > 0, i > start { i -= 1; bytes[i] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
    }

    /// `-12`, `3.50`: an optional minus, digits, at most one point with digits on both sides.
    static func isPlainNumber(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var body = u[...]
        if body.first == UInt8(ascii: "-") { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        var sawPoint = false, digitsBefore = 0, digitsAfter = 0
        for b in body {
            if b == UInt8(ascii: ".") {
                if sawPoint { return false }
                sawPoint = true
            } else if b >= 0x30 && b <= 0x39 {
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            } else {
                return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }
}
