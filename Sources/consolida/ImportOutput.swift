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
        var customers: RowBytes, invoices: RowBytes
        var customerCount = 0, invoiceCount = 0

        /// Room for about this many rows of each.
        init(customerCount: Int, invoiceCount: Int) {
            self.customerCount = customerCount; self.invoiceCount = invoiceCount
            // About 200 bytes a row: one allocation per chunk instead of a dozen doublings.
            customers = RowBytes(capacity: customerCount * 200); invoices = RowBytes(capacity: invoiceCount * 160)
        }
    }

    /// The columns of customers.csv, invoices.csv and payments.csv (`consolida inspect` shows its
    /// sample records by them too).
    // `notes` is the row's notes column; `extra` its columns no field took (``ExtraAttributesText``).
    static let customerColumns = ["customer_id", "name", "tax_id", "tax_id_country", "tax_id_valid", "phones", "emails",
                                  "address", "city", "salesperson", "extra"] + locationColumns
    static let invoiceColumns = ["customer_id", "document_number", "document_type", "issue_date", "due_date", "currency",
                                 "amount", "paid", "balance", "notes", "extra"] + locationColumns
    static let paymentColumns = ["payment_id", "date", "currency", "amount", "invoice_number", "reference", "method",
                                 "customer_tax_id", "customer_name", "notes", "extra"] + locationColumns

    init(folder: OutputFolder) throws {
        customers = try StreamedCSVFile(folder.staged("customers.csv"), header: Self.customerColumns)
        invoices = try StreamedCSVFile(folder.staged("invoices.csv"), header: Self.invoiceColumns)
        payments = try StreamedCSVFile(folder.staged("payments.csv"), header: Self.paymentColumns)
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
        let rendered = [RowRenderer().encode(&batch, plain: PlainInvoiceRows(file: "", sheet: nil))] + rendered
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
        for p in records.payments { try payments.row { Self.render(payment: p, into: &$0) } }
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
        for r in records.rejects { try rejects.row { Self.render(reject: r, into: &$0) } }
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

    /// Whole rows rendered elsewhere (``ImportOutput/RowRenderer``). A chunk's rows, hundreds of
    /// kilobytes, are written as they are rather than copied into the buffer first.
    func append(rows: RowBytes) throws {
        guard rows.count < Self.bufferLimit / 4 else {
            try drain()
            try handle.write(contentsOf: rows.bytes)
            return
        }
        buffer.bytes.append(contentsOf: rows.bytes)
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
