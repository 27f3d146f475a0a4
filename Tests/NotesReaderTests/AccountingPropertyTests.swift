import Foundation
import Receivables
import Testing
@testable import NotesReader
import TestSupport

/// Random documents built from real-looking pieces (and garbage): whatever the input, nothing
/// crashes, every line is accounted for, and every record points at a line that exists.
@Suite struct AccountingPropertyTests {
    static let notebookPieces = [
        "# Ferretería X", "== Bodega ==", "Cliente: Juan", "BODEGA LA ESQUINA", "-----", "=====", "RIF: J-30123456-1",
        "Tel: 0414-555.12.34", "Debe: Bs. 1.234,56", "12/03/2024 promete pagar 500 el viernes", "14/03 no contesta",
        "lunes 18/3 ya pagó", "2024-03-20 pide copia de la factura 123", "31/02/2024 fecha imposible", "Marzo 2024",
        "12/03", "texto sin fecha", "  y sigue el párrafo", "", "", "\u{200E}\u{202F}", "13/13/13 raro", "# ", "##",
        "1. 12/03 lista", "[ ] 05/04 tarea", "25/12/2023 navidad", "02/01 año nuevo",
    ]

    static let chatPieces = [
        "12/03/24 14:30 - Juan: hola", "12/3/24, 2:30\u{202F}p. m. - Ana: paga el viernes 500",
        "[12/03/24, 14:30:15] Juan: ya pagué", "\u{200E}[13/03/24, 9:00:00] +58 412-555-1234: \u{200E}<adjunto: a.jpg>",
        "12/03/24 14:31 - Los mensajes y las llamadas están cifrados de extremo a extremo.", "continuación", "",
        "31/02/24 10:00 - Juan: fecha imposible", "3/25/24, 9:05 AM - Ann: hi", "<Multimedia omitido>", "::::",
    ]

    static func document(_ pieces: [String], _ rng: inout SeededRandom) -> Data {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            if Int.random(in: 0..<12, using: &rng) == 0 {
                // Garbage: random bytes, some invalid UTF-8.
                lines.append(String(decoding: (0..<Int.random(in: 0...20, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, as: UTF8.self))
            } else {
                lines.append(pieces[Int.random(in: 0..<pieces.count, using: &rng)])
            }
        }
        let newline = ["\n", "\r\n", "\r"][Int.random(in: 0..<3, using: &rng)]
        return Data(lines.joined(separator: newline).utf8)
    }

    @Test(arguments: [NotesKind.notebook, .whatsapp])
    func everyLineIsAccountedFor(_ kind: NotesKind) throws {
        var rng = SeededRandom(state: kind == .notebook ? 42 : 4242)
        for _ in 0..<300 {
            let data = Self.document(kind == .notebook ? Self.notebookPieces : Self.chatPieces, &rng)
            let b = try NotesImporter.importData(data, path: "random.txt", kind: kind).batch
            let a = try #require(b.accounting.first)
            #expect(a.balances, "\(a)")
            #expect(a.rowsRead == NotesText.lines(NotesText.decode(data).text).count)
            #expect(a.imported == b.contacts.count)
            #expect(a.rejected == b.rejects.count)
            #expect(b.contacts.allSatisfy { (1...max(1, a.rowsRead)).contains($0.provenance.location.line ?? 0) })
            #expect(b.rejects.allSatisfy { (1...max(1, a.rowsRead)).contains($0.location.line ?? 0) })
            let ids = b.contacts.map(\.id) + b.customers.map(\.id) + b.promises.map(\.id)
            #expect(Set(ids).count == ids.count, "record IDs are unique")
            #expect(b.contacts.allSatisfy { c in c.customer == nil || b.customers.contains { $0.id == c.customer } })
        }
    }

    @Test func sameInputSameOutput() throws {
        var rng = SeededRandom(state: 7)
        let data = Self.document(Self.notebookPieces, &rng)
        let a = try NotesImporter.importData(data, path: "x.txt", kind: .notebook).batch
        let b = try NotesImporter.importData(data, path: "x.txt", kind: .notebook).batch
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        #expect(try enc.encode(a) == enc.encode(b))
    }
}
