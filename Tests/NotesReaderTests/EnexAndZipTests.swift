import Foundation
import Receivables
import Tabular
import Testing
import ZipArchive
@testable import NotesReader

@Suite struct EnexImportTests {
    @Test func eachNoteIsASection() throws {
        let b = try NotesImporter.importFile(path: Fixture.path("cobranza.enex"), options: NotesImportOptions(defaultCurrency: .usd))
        #expect(b.customers.map { $0.name?.value } == ["Depósito de Materiales San José", "María Alejandra Salazar"])
        let c = b.customers[0]
        #expect(c.provenance.location.line == 4) // the <note> element
        #expect(c.taxID?.value.normalized == "J307894563")
        #expect(c.phones.map(\.value) == ["02415557788"])
        #expect(c.extra["contact"] == "cobranza, Ana")
        #expect(b.contacts.map { "\($0.provenance.location.sheet ?? "-") \($0.provenance.location.line ?? 0) \($0.date) \($0.outcome.rawValue)" } == [
            "note 1 4 2024-03-12 promise_to_pay",
            "note 1 5 2024-03-20 no_answer",
            "note 1 6 2024-04-05 says_paid",
            "note 2 1 2024-06-10 dispute",
        ])
        #expect(b.contacts[2].text == "visita: dice que ya pagó, pide copia de la factura 00131 & estado de cuenta")
        #expect(b.contacts[3].text == "La señora dice que el número de la factura está equivocado y no la reconoce.\nRevisar con Ana.")
        #expect(b.contacts[3].time?.iso == "15:05:00")
        #expect(b.promises.map { "\($0.promisedDate?.iso ?? "-") \($0.amount?.description ?? "-") \($0.invoiceNumbers)" }
                == ["2024-03-15 450.00 USD [\"00131\"]"])
        #expect(b.accounting.count == 2)
        #expect(b.accounting.allSatisfy { $0.balances })
        #expect(b.accounting.map(\.sheet) == ["note 1", "note 2"])
    }

    @Test func detectedByContentAndExtension() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("cobranza.enex")))
        #expect(NotesKind.detect(prefix: Array(data.prefix(4096)), path: "export.xml") == .enex)
    }

    @Test func brokenXMLIsAFileLevelError() {
        #expect(throws: NotesError.self) { try NotesImporter.importFile(path: Fixture.path("broken.enex")) }
    }

    @Test(arguments: [("20240312T143000Z", "2024-03-12T14:30:00"), ("20240312", "2024-03-12T00:00:00")])
    func timestamps(_ s: String, _ iso: String) throws {
        let t = try #require(EnexNote.timestamp(s))
        #expect("\(t.date.iso)T\(t.time.iso)" == iso)
        #expect(EnexNote.timestamp("yesterday") == nil)
    }

    @Test func enmlToLines() {
        #expect(ENMLText.lines("<en-note><div>a&nbsp;b</div><div><br/></div><ul><li>c &#233; &#x41;</li></ul></en-note>")
                == ["a b", "", "c é A"])
    }
}

@Suite struct WhatsAppZipTests {
    /// Zips a chat fixture the way WhatsApp does (`_chat.txt` plus media) into a temporary folder.
    static func makeZip(named name: String, chat: String, entry: String = "_chat.txt") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("notes-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        let w = try ZipWriter(path: path)
        try w.addEntry(named: entry, contents: Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.path(chat)))))
        try w.addEntry(named: "00000012-PHOTO-2024-03-12-14-31-10.jpg", contents: [0xFF, 0xD8, 0xFF, 0xD9], compress: false)
        try w.finish()
        return path
    }

    @Test func iOSZipWithChatTxt() throws {
        let path = try Self.makeZip(named: "WhatsApp Chat - Padaria Pão Quente.zip",
                                    chat: "Conversa do WhatsApp com Padaria Pão Quente.txt")
        let b = try NotesImporter.importFile(path: path)
        #expect(b.customers.first?.name?.value == "Padaria Pão Quente")
        #expect(b.contacts.count == 6)
        #expect(b.contacts.allSatisfy { $0.provenance.location.sheet == "_chat.txt" })
        #expect(b.contacts.first?.id.rawValue == path + "#_chat.txt!L2")
        #expect(b.accounting.first?.balances == true)
        #expect(b.promises.count == 1)
    }

    @Test func androidZipWithNamedTxt() throws {
        let path = try Self.makeZip(named: "Chat de WhatsApp con Acme Hardware.zip",
                                    chat: "WhatsApp Chat with Acme Hardware.txt", entry: "WhatsApp Chat with Acme Hardware.txt")
        let b = try NotesImporter.importFile(path: path)
        #expect(b.contacts.count == 7)
        #expect(b.contacts[0].date.iso == "2024-03-12")
    }

    @Test func aZipWithoutAChatIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("notes-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("fotos.zip").path
        let w = try ZipWriter(path: path)
        try w.addEntry(named: "a.jpg", contents: [1, 2, 3])
        try w.finish()
        #expect(throws: NotesError.self) { try NotesImporter.importFile(path: path) }
        #expect(throws: NotesError.self) { try NotesImporter.importFile(path: path, kind: .notebook) }
    }
}
