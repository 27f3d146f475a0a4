import Foundation
import Pipeline
import Receivables
import Tabular

/// The files `consolida import` writes, as the records arrive: normalized records as CSV with their
/// source locations, and rejects. Records are written and dropped batch by batch, so an import of
/// millions of rows holds only a few thousand of them at once.
final class ImportOutput {
    static let locationColumns = ["source_file", "source_sheet", "source_row", "source_line"]

    private let customers, invoices, payments, contacts, promises, rejects: StreamedCSVFile
    /// The first write failure; later batches are dropped and the caller discards the folder.
    private(set) var failure: (any Error)?
    private(set) var counts = (customers: 0, invoices: 0, payments: 0, contacts: 0, promises: 0, rejects: 0)

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
        rejects = try StreamedCSVFile(folder.staged("rejects.csv"),
                                      header: Self.locationColumns + ["source_column", "code", "reason", "raw_text"])
    }

    /// Writes the batch's records and removes them from it; accounting and diagnostics stay.
    func take(_ batch: inout ImportBatch) {
        counts.customers += batch.customers.count; counts.invoices += batch.invoices.count
        counts.payments += batch.payments.count; counts.contacts += batch.contacts.count
        counts.promises += batch.promises.count; counts.rejects += batch.rejects.count
        if failure == nil {
            do { try write(batch) } catch { failure = error }
        }
        batch.customers.removeAll(keepingCapacity: true); batch.invoices.removeAll(keepingCapacity: true)
        batch.payments.removeAll(keepingCapacity: true); batch.contacts.removeAll(keepingCapacity: true)
        batch.promises.removeAll(keepingCapacity: true); batch.rejects.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes every file; throws the first failure met on the way.
    func close() throws {
        for file in [customers, invoices, payments, contacts, promises, rejects] {
            do { try file.close() } catch { if failure == nil { failure = error } }
        }
        if let failure { throw failure }
    }

    private func write(_ batch: ImportBatch) throws {
        for c in batch.customers {
            try customers.row([c.id.rawValue, c.name?.value ?? "", c.taxID?.value.normalized ?? "", c.taxID?.value.country ?? "",
                               c.taxID.map { $0.value.validity.rawValue } ?? "", c.phones.map(\.value).joined(separator: "; "),
                               c.emails.map(\.value).joined(separator: "; "), c.address?.value ?? "", c.city?.value ?? "",
                               c.salesperson?.value ?? ""], c.provenance.location)
        }
        for i in batch.invoices {
            try invoices.row([i.customer.rawValue, i.number.value, i.type.rawValue, i.issueDate?.value.iso ?? "",
                              i.dueDate?.value.iso ?? "", i.currency?.code ?? "", i.amount?.value.plainText ?? "",
                              i.paid?.value.plainText ?? "", i.balance?.value.plainText ?? ""], i.provenance.location)
        }
        for p in batch.payments {
            try payments.row([p.id.rawValue, p.date?.value.iso ?? "", p.amount.value.currency?.code ?? "", p.amount.value.plainText,
                              p.invoiceNumber?.value ?? "", p.reference?.value ?? "", p.method?.value ?? "",
                              p.extra["customer_tax_id"] ?? "", p.extra["customer_name"] ?? ""], p.provenance.location)
        }
        for c in batch.contacts {
            try contacts.row([c.id.rawValue, c.customer?.rawValue ?? "", c.date.iso, c.time?.iso ?? "", c.channel.rawValue,
                              c.author ?? "", c.outcome.rawValue, String(format: "%.2f", c.outcomeConfidence), c.text],
                             c.provenance.location)
        }
        for p in batch.promises {
            try promises.row([p.id.rawValue, p.customer?.rawValue ?? "", p.madeOn.iso, p.promisedDate?.iso ?? "",
                              p.amount?.currency?.code ?? "", p.amount?.plainText ?? "", p.invoiceNumbers.joined(separator: "; "),
                              String(format: "%.2f", p.confidence), p.text], p.provenance.location)
        }
        for r in batch.rejects {
            try rejects.row(locationCells(r.location) + [r.location.column.map { CellRef.columnLetters($0) } ?? "", r.code,
                                                         r.reason, r.rawText])
        }
    }

    private func locationCells(_ l: SourceLocation) -> [String] {
        [l.file, l.sheet ?? "", l.row.map(String.init) ?? "", l.line.map(String.init) ?? ""]
    }
}

/// One CSV file written through a buffer of about a mebibyte.
final class StreamedCSVFile {
    private let handle: FileHandle
    private var buffer = ""
    private static let bufferLimit = 1 << 20

    init(_ url: URL, header: [String]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(Self.bufferLimit + 4096)
        try row(header)
    }

    /// A record, then its source file, sheet, row and line.
    func row(_ cells: [String], _ location: SourceLocation) throws {
        for c in cells { append(c); buffer.append(",") }
        append(location.file); buffer.append(",")
        append(location.sheet ?? ""); buffer.append(",")
        if let row = location.row { buffer.append(String(row)) }
        buffer.append(",")
        if let line = location.line { buffer.append(String(line)) }
        try endRow()
    }

    func row(_ cells: [String]) throws {
        for (i, c) in cells.enumerated() {
            if i > 0 { buffer.append(",") }
            append(c)
        }
        try endRow()
    }

    func close() throws {
        try drain()
        try handle.close()
    }

    private func append(_ field: String) { buffer.append(CSVTextWriter.field(field)) }

    private func endRow() throws {
        buffer.append("\r\n")
        if buffer.utf8.count >= Self.bufferLimit { try drain() }
    }

    private func drain() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// RFC 4180 text with formula neutralization: a text cell starting with `=`, `+`, `-`, `@`, tab or
/// CR is prefixed with `'` so a spreadsheet shows it instead of evaluating it (CSV injection). Plain
/// decimals the importer wrote itself (`-185.00`) are numbers, not formulas, and stay as they are.
enum CSVTextWriter {
    static func field(_ raw: String) -> String {
        // Most fields need nothing: no leading formula character and nothing to quote.
        if let f = raw.utf8.first, !"=+-@\t\r".utf8.contains(f),
           !raw.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) { return raw }
        if raw.isEmpty { return raw }
        var s = raw
        if let f = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), !isPlainNumber(s) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func isPlainNumber(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitChar) }
    }
}

extension Character {
    fileprivate var isASCIIDigitChar: Bool { isASCII && isNumber }
}
