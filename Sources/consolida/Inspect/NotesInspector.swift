import Foundation
import NotesReader
import Receivables
import Tabular

/// `consolida inspect` for notes: a collector's notebook, a WhatsApp chat, a Keep note or an
/// Evernote export. Shows the kind detected, the customers (sections), sample entries with what
/// was extracted, the line accounting and every problem with its line.
struct NotesInspector: FileInspector {
    static let format = "notes"

    static func recognizes(prefix: [UInt8], path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["enex", "md", "markdown", "txt", "text", "note", "notes"].contains(ext) { return true }
        if ext == "json" { return NotesKind.detect(prefix: prefix, path: path) == .keep }
        if ext == "zip" { return ChatName.looksLikeChat(path) }
        return false
    }

    static func inspect(path: String, options: InspectOptions) throws -> InspectOutput {
        let prefix = try InspectCommand.readPrefix(path)
        let kind = NotesKind.detect(prefix: prefix, path: path)
        // Read as `import` reads it, with the same default country and currency.
        var importOptions = NotesImportOptions()
        importOptions.defaultCountry = options.country
        importOptions.defaultCurrency = options.currency
        let result = try NotesImporter.importFileWithMentions(path: path, kind: kind, options: importOptions)
        let b = result.batch
        var problems = b.diagnostics
        problems += b.rejects.map { Diagnostic(.warning, code: $0.code, $0.reason, at: $0.location, found: $0.rawText) }

        var text = "\(path)\n  format: notes (\(kind.rawValue))\n"
        for a in b.accounting {
            text += "  lines\(a.sheet.map { " [\($0)]" } ?? ""): \(a.rowsRead) read = \(a.imported) entries + \(a.rejected) rejected"
                + " + \(a.blank) blank + \(a.headerRows) headings/fields + \(a.otherSkipped) other"
                + (a.balances ? "" : "  (DOES NOT BALANCE)") + "\n"
        }
        text += "  customers: \(b.customers.count)\n"
        for c in b.customers.prefix(20) {
            var parts = [c.name?.value ?? "(unnamed)"]
            if let t = c.taxID?.value.display { parts.append("tax ID \(t)") }
            if !c.phones.isEmpty { parts.append("phones " + c.phones.map(\.value).joined(separator: ", ")) }
            if !c.emails.isEmpty { parts.append("emails " + c.emails.map(\.value).joined(separator: ", ")) }
            text += "    \(c.provenance.location.line.map { "line \($0): " } ?? "")\(parts.joined(separator: "; "))\n"
        }
        text += "  entries: \(b.contacts.count), promises: \(b.promises.count)\n"
        for e in b.contacts.prefix(options.sampleRows) {
            text += "    line \(e.provenance.location.line ?? 0): \(e.date.iso)\(e.time.map { " " + $0.iso } ?? "") \(e.channel.rawValue)"
                + " \(e.outcome.rawValue) (\(e.outcomeConfidence))\(e.author.map { " by " + $0 } ?? ""): "
                + String(e.text.replacingOccurrences(of: "\n", with: " ⏎ ").prefix(80)) + "\n"
        }
        for p in b.promises.prefix(options.sampleRows) {
            text += "    promise line \(p.provenance.location.line ?? 0): \(p.amount?.description ?? "amount?") by "
                + "\(p.promisedDate?.iso ?? "date?") (made \(p.madeOn.iso), confidence \(p.confidence))\n"
        }
        if !problems.isEmpty {
            text += "  problems: \(problems.count)\n"
            for d in problems.prefix(50) { text += "    \(d)\n" }
        }

        var json: [String: Any] = ["file": path, "ok": true, "format": format, "kind": kind.rawValue]
        json["accounting"] = b.accounting.map { a in
            ["part": a.sheet ?? "", "lines_read": a.rowsRead, "entries": a.imported, "rejected": a.rejected,
             "blank": a.blank, "headings": a.headerRows, "other": a.otherSkipped, "balances": a.balances] as [String: Any]
        }
        json["customers"] = b.customers.map { c in
            ["id": c.id.rawValue, "name": c.name?.value ?? NSNull(), "tax_id": c.taxID?.value.normalized ?? NSNull(),
             "phones": c.phones.map(\.value), "emails": c.emails.map(\.value)] as [String: Any]
        }
        json["entries"] = b.contacts.prefix(options.sampleRows).map { e in
            ["line": e.provenance.location.line ?? 0, "date": e.date.iso, "time": e.time?.iso ?? NSNull(),
             "channel": e.channel.rawValue, "outcome": e.outcome.rawValue, "confidence": e.outcomeConfidence,
             "author": e.author ?? NSNull(), "text": e.text] as [String: Any]
        }
        json["entry_count"] = b.contacts.count
        json["promises"] = b.promises.map { p in
            ["line": p.provenance.location.line ?? 0, "made_on": p.madeOn.iso, "date": p.promisedDate?.iso ?? NSNull(),
             "amount": p.amount?.plainText ?? NSNull(), "currency": p.amount?.currency?.code ?? NSNull(),
             "confidence": p.confidence] as [String: Any]
        }
        json["problems"] = problems.map { d in
            ["severity": d.severity.rawValue, "code": d.code, "message": d.message,
             "line": d.location?.line ?? NSNull()] as [String: Any]
        }
        return InspectOutput(text: text, json: json, problems: problems.filter { $0.severity == .error })
    }
}

/// WhatsApp names its zip exports after the chat.
private enum ChatName {
    static func looksLikeChat(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return name.contains("whatsapp")
    }
}
