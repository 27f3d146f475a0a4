import Foundation
import Testing
@testable import NotesReader

@Suite struct NotebookRuleTests {
    static let headings: [(String, String?, Bool)] = [
        ("# Ferretería X", "Ferretería X", true), ("## **Bodega Y**", "Bodega Y", true),
        ("== Comercial Z ==", "Comercial Z", true), ("Cliente: Panadería", "Panadería", true),
        ("CLIENTE - Panadería", "Panadería", true), ("FERRETERÍA EL TORNILLO, C.A.", "FERRETERÍA EL TORNILLO, C.A.", false),
        ("llamé al cliente", nil, false), ("RIF: J-123", nil, false), ("500 USD", nil, false), ("#", nil, false),
        // A tax ID or phone after the name is the section's, not the name's.
        ("FERRETERIA LA LLAVE (J-29654321-6)", "FERRETERIA LA LLAVE", false),
        ("COMERCIAL DON PEPE 0241-8234567", "COMERCIAL DON PEPE", false),
        ("Cliente: Bodega Sur - RIF J-30123456-1", "Bodega Sur", true),
        ("COBROS 15/03/2024", nil, false),
    ]

    @Test(arguments: headings) func headingsOpenSections(_ line: String, _ name: String?, _ strong: Bool) {
        let h = NotebookHeading.parse(line)
        #expect(h?.name == name)
        if name != nil { #expect(h?.strong == strong) }
    }

    @Test func identifiersAfterTheNameAreTheSections() {
        #expect(NotebookHeading.identifier("FERRETERIA LA LLAVE (J-29654321-6)")?.key == .taxID)
        #expect(NotebookHeading.identifier("COMERCIAL DON PEPE 0241-8234567")?.key == .phone)
        #expect(NotebookHeading.identifier("FERRETERIA LA LLAVE") == nil)
    }

    @Test(arguments: ["===", "-----", "  ***  "]) func underlines(_ line: String) {
        #expect(NotebookHeading.isUnderline(line))
    }

    static let fields: [(String, SectionField.Key?, String?)] = [
        ("RIF: J-30123456-1", .taxID, "J-30123456-1"), ("Teléfono: 0414", .phone, "0414"),
        ("Tel.: 0414", .phone, "0414"), ("Correo: a@b.co", .email, "a@b.co"), ("E-mail: a@b.co", .email, "a@b.co"),
        ("Dirección: Av. 1", .address, "Av. 1"), ("Debe: $ 3.003,15", .balance, "$ 3.003,15"),
        ("Saldo = 100", .balance, "100"), ("CNPJ: 12.345.678/0001-95", .taxID, "12.345.678/0001-95"),
        ("Nota: algo", nil, nil), ("12/03 llamé", nil, nil),
        // Chile's `Fono`; Spain's NIF, NIE and CIF.
        ("Fono: +56 9 5555 9999", .phone, "+56 9 5555 9999"), ("NIF: 12345678Z", .taxID, "12345678Z"),
        ("CIF: B27565574", .taxID, "B27565574"), ("NIE: X1234567L", .taxID, "X1234567L"),
        // Without the colon when the value's shape says what it is; words after `Debe` need it.
        ("RIF J-40876123-8", .taxID, "J-40876123-8"), ("Tel 0414-1234567", .phone, "0414-1234567"),
        ("Cel. +58 414 123 4567", .phone, "+58 414 123 4567"), ("Correo ana@x.com", .email, "ana@x.com"),
        ("Debe 500 desde marzo", nil, nil), ("Tel dice que llamemos mañana", nil, nil),
        // A balance label without its colon when the rest is an amount and nothing else.
        ("Debe $ 500", .balance, "$ 500"), ("Saldo Bs. 1.234,56", .balance, "Bs. 1.234,56"), ("Debe 3.450,50 $", .balance, "3.450,50 $"),
    ]

    @Test(arguments: fields) func keyValueLines(_ line: String, _ key: SectionField.Key?, _ value: String?) {
        let f = SectionFieldParser.parse(line, lineNumber: 1)
        #expect(f?.key == key)
        #expect(f?.value == value)
    }

    @Test func decodingAndLines() {
        #expect(NotesText.lines("a\r\nb\rc\n\nd\n") == ["a", "b", "c", "", "d"])
        #expect(NotesText.decode(Data([0xEF, 0xBB, 0xBF, 0x61])).text == "a")
        #expect(NotesText.decode(Data([0x4C, 0x6C, 0x61, 0x6D, 0xE9])).text == "Llamé") // Windows-1252
        #expect(NotesText.clean("\u{200E}[12/03]\u{202F}p.\u{00A0}m.\u{2068}x\u{2069}") == "[12/03] p. m.x")
        // NUL padding and control characters are no text (before a heading they hid it).
        #expect(NotesText.clean("\u{0}\u{0}CLIENTE: Otro\u{7F}") == "CLIENTE: Otro")
        #expect(NotesText.clean("a\nb\r\nc") == "a\nb\r\nc")
        #expect(NotesText.fold("Já Pagó ÑANDÚ") == "ja pago nandu")
    }

    /// A notebook kept for years mixes encodings: each line is read in its own, UTF-8 where it is
    /// valid UTF-8, else Windows-1252.
    @Test func linesOfMixedEncodingsAreEachDecoded() {
        let bytes = Array("Llamé a Ñaña\n".utf8) + [0x50, 0x61, 0x67, 0xF3, 0x20, 0x31, 0x30, 0x30, 0x0A] + Array("Promesa del Sr. Peña\n".utf8)
        let decoded = NotesText.decode(Data(bytes))
        #expect(decoded.text == "Llamé a Ñaña\nPagó 100\nPromesa del Sr. Peña\n")
        #expect(decoded.encoding == "windows-1252 with utf-8 lines")
    }

    /// UTF-16 without a byte-order mark (what some Windows editors save) is told by its zero bytes.
    @Test(arguments: [false, true]) func utf16WithoutAByteOrderMarkIsRead(bigEndian: Bool) {
        let text = "12/03/2024 Llamé a Ferretería Ñaña, promete pagar 300 el viernes\n"
        let bytes = text.utf16.flatMap { u in bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let decoded = NotesText.decode(Data(bytes))
        #expect(decoded.text == text)
        #expect(decoded.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(NotesText.isWideText(bytes))
    }

    /// A picture, a PDF or random bytes named `.txt` is no notebook of nothing: it is refused, as
    /// the CSV reader refuses them.
    @Test func binaryFilesAreRefused() {
        var x: UInt32 = 7
        let noise = (0..<4000).map { _ in x = x &* 1_103_515_245 &+ 12345; return UInt8(truncatingIfNeeded: x >> 16) }
        for bytes in [noise, [0x89, 0x50, 0x4E, 0x47] + noise, Array("%PDF-1.4\n".utf8) + noise] {
            for kind: NotesKind? in [nil, .notebook, .whatsapp] {
                #expect(throws: NotesError.self) { try NotesImporter.importData(Data(bytes), path: "cuaderno.txt", kind: kind) }
            }
        }
    }

    @Test func emptyAndGarbageFilesDoNotCrash() throws {
        for bytes: [UInt8] in [[], [0x00, 0xFF, 0xFE], Array("\n\n\n".utf8), Array("# \n== ==\n12/99/99\n".utf8)] {
            let r = try NotesImporter.importData(Data(bytes), path: "x.txt", kind: .notebook)
            #expect(r.batch.accounting.first?.balances == true)
        }
        for bytes: [UInt8] in [[], Array("[1/1/24, 1:00:00] :\n".utf8), Array("1/1/24 1:00 - \n".utf8)] {
            let r = try NotesImporter.importData(Data(bytes), path: "x.txt", kind: .whatsapp)
            #expect(r.batch.accounting.first?.balances == true)
        }
    }
}
