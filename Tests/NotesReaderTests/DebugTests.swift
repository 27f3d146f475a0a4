import Foundation
import Testing
@testable import NotesReader

@Test func debugExamples() throws {
    let root = Fixture.repositoryRoot.appendingPathComponent("Examples")
    for name in ["cuaderno-cobranza.txt", "WhatsApp Chat con Ferreteria El Tornillo.txt", "Chat de WhatsApp con +58 414-5550199.txt"] {
        let r = try NotesImporter.importFileWithMentions(path: root.appendingPathComponent(name).path, options: NotesImportOptions(defaultCurrency: .usd))
        let b = r.batch
        print("== \(name)")
        for c in b.customers { print("C", c.id, c.name?.value ?? "-", c.phones.map(\.value), c.emails.map(\.value), c.taxID?.value.normalized ?? "-", c.extra) }
        for e in b.contacts { print("E", e.provenance.location.line ?? 0, e.date, e.time?.iso ?? "", e.channel.rawValue, e.author ?? "", e.outcome.rawValue, e.outcomeConfidence, e.mentionedAmounts.map(\.description), e.mentionedInvoices, e.mentionedPhones, "|", e.text.replacingOccurrences(of: "\n", with: "⏎")) }
        for p in b.promises { print("P", p.provenance.location.line ?? 0, p.madeOn, p.promisedDate?.iso ?? "-", p.amount?.description ?? "-", p.invoiceNumbers, p.confidence) }
        for j in b.rejects { print("R", j.location.line ?? 0, j.code, j.rawText) }
        for d in b.diagnostics where d.code != "NOTES-YEAR-INFERRED" { print("D", d) }
        print("A", b.accounting)
    }
}
