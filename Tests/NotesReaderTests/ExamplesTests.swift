import Foundation
import Receivables
import Tabular
import Testing
@testable import NotesReader

/// The facts `Examples/README.md` lists for the notes files of the example company.
@Suite struct ExamplesTests {
    static func load(_ name: String) throws -> ImportBatch {
        let path = Fixture.repositoryRoot.appendingPathComponent("Examples").appendingPathComponent(name).path
        return try NotesImporter.importFile(path: path, options: NotesImportOptions(defaultCurrency: .usd))
    }

    @Test func notebookPromisesAndCustomers() throws {
        let b = try Self.load("cuaderno-cobranza.txt")
        // Fact 17: line 19, 2024-03-12, 500 USD "el viernes" = 2024-03-15; line 23: 200 on 2024-07-05.
        let p = b.promises.filter { [19, 23].contains($0.provenance.location.line ?? 0) }
        #expect(p.map { "\($0.provenance.location.line ?? 0) \($0.madeOn) \($0.promisedDate?.iso ?? "-") \($0.amount?.description ?? "-")" }
                == ["19 2024-03-12 2024-03-15 500.00 USD", "23 2024-06-27 2024-07-05 200.00 USD"])
        // Fact 6: line 5 `CLIENTE: Ferreteria Tornillo, CA`, phone 0414 555 0123; fact 7: the email typo kept as written.
        let tornillo = try #require(b.customers.first)
        #expect(tornillo.provenance.location.line == 5)
        #expect(tornillo.name?.value == "Ferreteria Tornillo, CA")
        #expect(tornillo.phones.first?.value == "04145550123")
        #expect(tornillo.emails.map(\.value) == ["eltornilo@gmail.com"])
        // Fact 21: the Debe lines are kept.
        #expect(b.customers.map { $0.extra["balance"] ?? "" }.prefix(2) == ["$ 3.003,15", "3.450,50 $"])
        // Fact 8: line 25 is Inversiones Hermanos Pérez, with its RIF; line 28 names invoice 00129.
        #expect(b.customers[2].provenance.location.line == 25)
        #expect(b.customers[2].taxID?.value.normalized == "J405123451")
        #expect(b.contacts.first { $0.provenance.location.line == 28 }?.mentionedInvoices == ["00129"])
        #expect(b.accounting.first?.balances == true)
    }

    @Test func androidChatPromiseKept() throws {
        let b = try Self.load("WhatsApp Chat con Ferreteria El Tornillo.txt")
        // Fact 18: line 13 (2024-06-18): 400 "el viernes 21" = 2024-06-21.
        let p = try #require(b.promises.first)
        #expect(b.promises.count == 1)
        #expect((p.provenance.location.line, p.madeOn.iso, p.promisedDate?.iso, p.amount) == (13, "2024-06-18", "2024-06-21", Money(400, .usd)))
        #expect(b.customers.first?.name?.value == "Ferreteria El Tornillo")
        #expect(b.contacts.count == 14)
        #expect(b.accounting.first?.balances == true)
    }

    @Test func iOSChatAuthorIsAPhone() throws {
        let b = try Self.load("Chat de WhatsApp con +58 414-5550199.txt")
        // Fact 20: the author +58 414-5550199 is the customer; line 4 is the receipt photo; no promise.
        #expect(b.customers.first?.phones.map(\.value) == ["+584145550199"])
        #expect(b.promises.isEmpty)
        #expect(b.contacts.first { $0.provenance.location.line == 4 }?.text == "<adjunto: 00000012-PHOTO-2024-04-08-10-46-20.jpg>")
        #expect(b.contacts.first { $0.provenance.location.line == 3 }?.outcome == .saysPaid)
    }
}
