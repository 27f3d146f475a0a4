import Foundation
import Testing

/// `consolida import` reads notes too: contact events and promises, with the line they came from.
@Suite struct ImportNotesTests {
    @Test func notebookAndChatBecomeContactsAndPromises() throws {
        let temp = try CommandRunner.temporaryFolder("import-notes")
        defer { try? FileManager.default.removeItem(at: temp) }
        let examples = CommandRunner.packageRoot.appendingPathComponent("Examples")
        let chat = examples.appendingPathComponent("WhatsApp Chat con Ferreteria El Tornillo.txt").path
        let notebook = examples.appendingPathComponent("cuaderno-cobranza.txt").path
        let out = temp.appendingPathComponent("out")
        let result = try CommandRunner.run(["import", chat, notebook, "--currency", "USD", "--out", out.path, "-q"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let promises = try CSVTable(url: out.appendingPathComponent("promises.csv"))
        let fromChat = try #require(promises.rows.first { $0["source_file"] == chat })
        #expect(fromChat["amount"] == "400.00" && fromChat["currency"] == "USD")
        #expect(fromChat["promised_date"] == "2024-06-21" && fromChat["source_line"] == "13")
        let contacts = try CSVTable(url: out.appendingPathComponent("contacts.csv"))
        #expect(contacts.rows.contains { $0["source_file"] == notebook && $0["channel"] == "call" })

        // Forcing the kind: the notebook read as a WhatsApp chat finds no messages to place.
        let forced = try CommandRunner.run(["import", notebook, "--kind", "whatsapp", "--out", temp.appendingPathComponent("f").path, "-q"])
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: temp.appendingPathComponent("f/import-summary.json"))) as? [String: Any]
        let source = (summary?["sources"] as? [[String: Any]])?.first
        #expect(forced.exitCode == 0 && source?["format"] as? String == "whatsapp")
    }
}
