import Foundation
import Testing
@testable import NotesReader
import TestSupport

/// Hostile input never crashes the notes readers: seeded random corruptions of the fixtures
/// (Evernote XML, Keep JSON, a zipped WhatsApp export, notebooks and chats as text, with flipped
/// bytes and truncations) either import, with every line accounted for, or fail with an error.
struct NotesMutationRobustnessTests {
    static let inputs: [(file: String, kind: NotesKind?)] = [
        ("cobranza.enex", .enex), ("keep/Ferretería La Llave.json", .keep), ("cuaderno-ana.md", .notebook),
        ("WhatsApp Chat with Acme Hardware.txt", .whatsapp), ("cuaderno-mes-primero.txt", nil),
    ]

    @Test(arguments: 0..<inputs.count)
    func corruptedNotesImportOrFailCleanly(_ index: Int) throws {
        let (name, kind) = Self.inputs[index]
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.path(name))))
        var rng = SeededRandom(state: UInt64(index) &* 7919 &+ 3)
        let ext = (name as NSString).pathExtension
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(UUID().uuidString).\(ext)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for round in 0..<200 {
            let bytes = mutated(original, round: round, using: &rng)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            if let batch = try? NotesImporter.importFile(path: path, kind: kind, options: NotesImportOptions()) {
                #expect(batch.accounting.allSatisfy { $0.balances }, "round \(round)")
            }
        }
    }

    @Test func corruptedWhatsAppZipsImportOrFailCleanly() throws {
        let zip = try WhatsAppZipTests.makeZip(named: "WhatsApp Chat - Acme.zip",
                                               chat: "WhatsApp Chat with Acme Hardware.txt")
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: zip)))
        var rng = SeededRandom(state: 42)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for round in 0..<200 {
            let bytes = mutated(original, round: round, using: &rng)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            if let batch = try? NotesImporter.importFile(path: path, kind: .whatsapp, options: NotesImportOptions()) {
                #expect(batch.accounting.allSatisfy { $0.balances }, "round \(round)")
            }
        }
    }

    /// One token of 160,000 characters is read in linear time (it took minutes), and the entry keeps it.
    @Test(arguments: ["x", "1", "-", "9.", "a@"]) func aHugeTokenIsReadQuickly(_ unit: String) throws {
        let blob = String(repeating: unit, count: 160_000 / unit.count)
        let text = "## Cliente Grande\n01/03/2024 promete pagar 500 el viernes \(blob)\n"
        let start = Date()
        let r = try NotesImporter.importData(Data(text.utf8), path: "x.txt", kind: .notebook)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(r.batch.promises.first?.amount?.amount == 500)
        #expect(r.batch.contacts.first?.text.count ?? 0 > 160_000)
    }

    /// Only runs longer than ``EntryExtractor/longestToken`` are left out of what the extractors read.
    static let tokens: [(String, String)] = [
        ("pago 500 a pagos@x.com", "pago 500 a pagos@x.com"),
        (String(repeating: "y", count: 256) + " 500", String(repeating: "y", count: 256) + " 500"),
        (String(repeating: "x", count: 257) + " le pago 500\n" + String(repeating: "1", count: 400), "  le pago 500\n "),
    ]

    @Test(arguments: tokens) func overlongTokensAreLeftOutOfExtraction(_ text: String, _ read: String) {
        #expect(EntryExtractor.withoutOverlongTokens(text) == read)
    }
}
