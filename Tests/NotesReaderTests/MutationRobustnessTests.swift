import Foundation
import Testing
@testable import NotesReader

/// Hostile input never crashes the notes readers: seeded random corruptions of the fixtures
/// (Evernote XML, Keep JSON, a zipped WhatsApp export, notebooks and chats as text, with flipped
/// bytes and truncations) either import, with every line accounted for, or fail with an error.
struct NotesMutationRobustnessTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let inputs: [(file: String, kind: NotesKind?)] = [
        ("cobranza.enex", .enex), ("keep/Ferretería La Llave.json", .keep), ("cuaderno-ana.md", .notebook),
        ("WhatsApp Chat with Acme Hardware.txt", .whatsapp), ("cuaderno-mes-primero.txt", nil),
    ]

    @Test(arguments: 0..<inputs.count)
    func corruptedNotesImportOrFailCleanly(_ index: Int) throws {
        let (name, kind) = Self.inputs[index]
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.path(name))))
        var rng = SplitMix(state: UInt64(index) &* 7919 &+ 3)
        let ext = (name as NSString).pathExtension
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(UUID().uuidString).\(ext)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for round in 0..<200 {
            var bytes = original
            if round % 10 == 9 {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            } else {
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
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
        var rng = SplitMix(state: 42)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for round in 0..<200 {
            var bytes = original
            if round % 10 == 9 {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            } else {
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            if let batch = try? NotesImporter.importFile(path: path, kind: .whatsapp, options: NotesImportOptions()) {
                #expect(batch.accounting.allSatisfy { $0.balances }, "round \(round)")
            }
        }
    }
}
