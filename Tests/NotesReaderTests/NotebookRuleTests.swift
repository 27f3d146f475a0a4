import Foundation
import Testing
@testable import NotesReader

@Suite struct NotebookRuleTests {
    static let headings: [(String, String?, Bool)] = [
        ("# Ferretería X", "Ferretería X", true), ("## **Bodega Y**", "Bodega Y", true),
        ("== Comercial Z ==", "Comercial Z", true), ("Cliente: Panadería", "Panadería", true),
        ("CLIENTE - Panadería", "Panadería", true), ("FERRETERÍA EL TORNILLO, C.A.", "FERRETERÍA EL TORNILLO, C.A.", false),
        ("llamé al cliente", nil, false), ("RIF: J-123", nil, false), ("500 USD", nil, false), ("#", nil, false),
    ]

    @Test(arguments: headings) func headingsOpenSections(_ line: String, _ name: String?, _ strong: Bool) {
        let h = NotebookHeading.parse(line)
        #expect(h?.name == name)
        if name != nil { #expect(h?.strong == strong) }
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
        // Without the colon when the value's shape says what it is; words after `Debe` need it.
        ("RIF J-40876123-8", .taxID, "J-40876123-8"), ("Tel 0414-1234567", .phone, "0414-1234567"),
        ("Cel. +58 414 123 4567", .phone, "+58 414 123 4567"), ("Correo ana@x.com", .email, "ana@x.com"),
        ("Debe 500 desde marzo", nil, nil), ("Tel dice que llamemos mañana", nil, nil),
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
        #expect(NotesText.fold("Já Pagó ÑANDÚ") == "ja pago nandu")
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
