import Foundation
import Receivables
import Tabular

/// The files `consolida import` writes: normalized records as CSV with their source locations,
/// rejects, and an import summary with the row accounting per source, sheet and table.
enum ImportOutput {
    static let locationColumns = ["source_file", "source_sheet", "source_row", "source_line"]

    static func location(_ l: SourceLocation) -> [String] {
        [l.file, l.sheet ?? "", l.row.map(String.init) ?? "", l.line.map(String.init) ?? ""]
    }

    static func customers(_ batch: ImportBatch) -> String {
        var w = CSVTextWriter(header: ["customer_id", "name", "tax_id", "tax_id_country", "tax_id_valid", "phones",
                                       "emails", "address", "city", "salesperson"] + locationColumns)
        for c in batch.customers {
            w.row([c.id.rawValue, c.name?.value ?? "", c.taxID?.value.normalized ?? "", c.taxID?.value.country ?? "",
                   c.taxID.map { $0.value.validity.rawValue } ?? "", c.phones.map(\.value).joined(separator: "; "),
                   c.emails.map(\.value).joined(separator: "; "), c.address?.value ?? "", c.city?.value ?? "",
                   c.salesperson?.value ?? ""] + location(c.provenance.location))
        }
        return w.text
    }

    static func invoices(_ batch: ImportBatch) -> String {
        var w = CSVTextWriter(header: ["customer_id", "document_number", "document_type", "issue_date", "due_date",
                                       "currency", "amount", "paid", "balance"] + locationColumns)
        for i in batch.invoices {
            w.row([i.customer.rawValue, i.number.value, i.type.rawValue, i.issueDate?.value.iso ?? "",
                   i.dueDate?.value.iso ?? "", i.currency?.code ?? "", i.amount?.value.plainText ?? "",
                   i.paid?.value.plainText ?? "", i.balance?.value.plainText ?? ""] + location(i.provenance.location))
        }
        return w.text
    }

    static func payments(_ batch: ImportBatch) -> String {
        var w = CSVTextWriter(header: ["payment_id", "date", "currency", "amount", "invoice_number", "reference",
                                       "method", "customer_tax_id", "customer_name"] + locationColumns)
        for p in batch.payments {
            w.row([p.id.rawValue, p.date?.value.iso ?? "", p.amount.value.currency?.code ?? "", p.amount.value.plainText,
                   p.invoiceNumber?.value ?? "", p.reference?.value ?? "", p.method?.value ?? "",
                   p.extra["customer_tax_id"] ?? "", p.extra["customer_name"] ?? ""] + location(p.provenance.location))
        }
        return w.text
    }

    static func rejects(_ batch: ImportBatch) -> String {
        var w = CSVTextWriter(header: locationColumns + ["source_column", "code", "reason", "raw_text"])
        for r in batch.rejects {
            w.row(location(r.location) + [r.location.column.map { CellRef.columnLetters($0) } ?? "", r.code, r.reason, r.rawText])
        }
        return w.text
    }

    static func contacts(_ batch: ImportBatch) -> String {
        var w = CSVTextWriter(header: ["contact_id", "customer_record", "date", "time", "channel", "author", "outcome",
                                       "outcome_confidence", "text"] + locationColumns)
        for c in batch.contacts {
            w.row([c.id.rawValue, c.customer?.rawValue ?? "", c.date.iso, c.time?.iso ?? "", c.channel.rawValue,
                   c.author ?? "", c.outcome.rawValue, String(format: "%.2f", c.outcomeConfidence), c.text]
                  + location(c.provenance.location))
        }
        return w.text
    }

    static func promises(_ batch: ImportBatch) -> String {
        var w = CSVTextWriter(header: ["promise_id", "customer_record", "made_on", "promised_date", "currency", "amount",
                                       "invoice_numbers", "confidence", "text"] + locationColumns)
        for p in batch.promises {
            w.row([p.id.rawValue, p.customer?.rawValue ?? "", p.madeOn.iso, p.promisedDate?.iso ?? "",
                   p.amount?.currency?.code ?? "", p.amount?.plainText ?? "", p.invoiceNumbers.joined(separator: "; "),
                   String(format: "%.2f", p.confidence), p.text] + location(p.provenance.location))
        }
        return w.text
    }
}

/// RFC 4180 text with formula neutralization: a text cell starting with `=`, `+`, `-`, `@`, tab or
/// CR is prefixed with `'` so a spreadsheet shows it instead of evaluating it (CSV injection). Plain
/// decimals the importer wrote itself (`-185.00`) are numbers, not formulas, and stay as they are.
struct CSVTextWriter {
    private(set) var text = ""

    init(header: [String]) { row(header) }

    mutating func row(_ cells: [String]) {
        text += cells.map(Self.field).joined(separator: ",") + "\r\n"
    }

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
