import Foundation
import Receivables
import Tabular
import Testing
@testable import NotesReader

@Suite struct KeepImportTests {
    static func load(_ name: String, _ options: NotesImportOptions = NotesImportOptions(defaultCurrency: .usd)) throws -> ImportBatch {
        try NotesImporter.importFile(path: Fixture.path("keep/" + name), options: options)
    }

    @Test func aNoteIsASectionWithDatedEntries() throws {
        let b = try Self.load("Ferretería La Llave.json")
        #expect(b.customers.map { $0.name?.value } == ["Ferretería La Llave"])
        let c = b.customers[0]
        #expect(c.id.rawValue.hasSuffix("Ferretería La Llave.json#title!L1"))
        #expect(c.taxID?.value.normalized == "J296543216")
        #expect(c.phones.map(\.value) == ["02415553322"])
        #expect(c.extra["contact"] == "Cobranza, Ana")
        #expect(b.contacts.map { "\($0.provenance.location.sheet ?? "-") \($0.provenance.location.line ?? 0) \($0.date) \($0.outcome.rawValue)" } == [
            "textContent 4 2024-03-12 promise_to_pay",
            "textContent 5 2024-03-15 no_answer",
            "textContent 7 2024-03-20 says_paid",
        ])
        #expect(b.contacts[1].text == "no contesta\nrecordar llevar estado de cuenta")
        #expect(b.contacts[2].mentionedInvoices == ["00107"])
        #expect(b.promises.map { "\($0.promisedDate?.iso ?? "-") \($0.amount?.description ?? "-")" } == ["2024-03-15 300.00 USD"])
        let a = try #require(b.accounting.first)
        #expect((a.rowsRead, a.imported, a.blank, a.headerRows, a.otherSkipped) == (7, 3, 1, 2, 1))
        #expect(a.balances)
    }

    @Test func aNoteWithoutDatesIsOneEntryAsOfItsLastEdit() throws {
        let b = try Self.load("undated-note.json")
        #expect(b.contacts.count == 1)
        let e = try #require(b.contacts.first)
        #expect((e.date.iso, e.time?.iso) == ("2024-06-15", "12:30:00"))
        #expect(e.text == "Dice que paga mañana 200 dólares\nque le mandemos la factura 00155")
        #expect(e.outcome == .promiseToPay)
        #expect(b.promises.first?.promisedDate?.iso == "2024-06-16")
        #expect(b.promises.first?.amount == Money(200, .usd))
        #expect(b.rejects.isEmpty)
        #expect(b.accounting.first?.balances == true)
    }

    @Test func listNotesReadTheirItems() throws {
        let b = try Self.load("list-note.json")
        #expect(b.contacts.map(\.outcome) == [.noAnswer, .requestsInvoiceCopy])
        #expect(b.contacts.map(\.date.iso) == ["2024-06-05", "2024-06-06"])
    }

    @Test func trashedNotesAreSkippedAndCounted() throws {
        let b = try Self.load("trashed.json")
        #expect(b.contacts.isEmpty && b.customers.isEmpty)
        #expect(b.diagnostics.map(\.code) == ["KEEP-TRASHED"])
        #expect(b.accounting.first?.balances == true)
        let kept = try Self.load("trashed.json", NotesImportOptions(includeTrashed: true))
        #expect(kept.contacts.count == 1)
    }

    @Test func brokenJSONIsAFileLevelError() {
        #expect(throws: NotesError.self) { try Self.load("broken.json") }
    }

    @Test func detectedAsKeep() throws {
        for name in ["Ferretería La Llave.json", "list-note.json"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("keep/" + name)))
            #expect(NotesKind.detect(prefix: Array(data.prefix(4096)), path: name) == .keep)
        }
    }

    @Test func microsecondsAreUTCDates() {
        let d = KeepReader.date(fromMicroseconds: 1_711_046_400_000_000)
        #expect((d.date.iso, d.time.iso) == ("2024-03-21", "18:40:00"))
    }
}
