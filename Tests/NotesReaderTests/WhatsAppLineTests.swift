import Testing
@testable import NotesReader

@Suite struct WhatsAppLineTests {
    static let cases: [(String, String, String?, String)] = [
        // line, "a/b/c h:m:s", author, text
        ("12/03/24 14:30 - Juan: hola", "12/3/24 14:30:0", "Juan", "hola"),
        ("12/3/24, 2:30 p. m. - Juan Pérez: ok", "12/3/24 14:30:0", "Juan Pérez", "ok"),
        ("12/3/24, 2:30\u{202F}p.\u{00A0}m. - Juan: ok", "12/3/24 14:30:0", "Juan", "ok"),
        ("3/12/24, 12:05 AM - Ann: hi", "3/12/24 0:5:0", "Ann", "hi"),
        ("3/12/24, 12:05 PM - Ann: hi", "3/12/24 12:5:0", "Ann", "hi"),
        ("[12/03/24, 14:30:15] Juan: hola", "12/3/24 14:30:15", "Juan", "hola"),
        ("\u{200E}[12/03/2024, 9:05:01 a. m.] \u{200E}+58 412-555-1234: pago", "12/3/2024 9:5:1", "+58 412-555-1234", "pago"),
        ("12.03.24, 14:30 - Juan: punto", "12/3/24 14:30:0", "Juan", "punto"),
        ("2024-03-12, 14:30 - Juan: iso", "2024/3/12 14:30:0", "Juan", "iso"),
        ("12/03/24 14:30 - Juan creó el grupo", "12/3/24 14:30:0", nil, "Juan creó el grupo"),
    ]

    @Test(arguments: cases) func parses(_ line: String, _ stamp: String, _ author: String?, _ text: String) throws {
        let w = try #require(WhatsAppLine.parse(NotesText.clean(line)))
        let t = try #require(w.time)
        #expect("\(w.a)/\(w.b)/\(w.c) \(t.hour):\(t.minute):\(t.second)" == stamp)
        let (a, body) = WhatsAppParser.splitAuthor(w.body)
        #expect(a == author)
        #expect(body == text)
    }

    @Test(arguments: ["hola 12/03/24", "12/03/24 25:30 - x: y", "13:30 - x: y", "[12/03/24] x: y",
                      "12/03/24, 13:30 p. m. - x: y", "Cliente: Juan"])
    func rejects(_ line: String) {
        #expect(WhatsAppLine.parse(NotesText.clean(line)) == nil)
    }

    @Test(arguments: [
        ("Chat de WhatsApp con Ferretería X.txt", "Ferretería X"),
        ("WhatsApp Chat with Acme.txt", "Acme"),
        ("Conversa do WhatsApp com Padaria.txt", "Padaria"),
        ("/tmp/x/WhatsApp Chat - Bodega.zip", "Bodega"),
    ])
    func nameFromFile(_ path: String, _ name: String) {
        #expect(ChatParty.nameFromFile(path) == name)
    }

    @Test func noNameInAnOrdinaryFileName() {
        #expect(ChatParty.nameFromFile("_chat.txt") == nil)
    }

    @Test func phoneAuthors() {
        #expect(ChatParty.isPhone("+58 412-555-1234"))
        #expect(ChatParty.isPhone("(0414) 555.12.34"))
        #expect(!ChatParty.isPhone("Juan 2"))
    }

    @Test func partyFromOwnNames() {
        let p = ChatParty.decide(authors: ["Cobranzas", "Juan", "Cobranzas"], hint: nil, ownNames: ["COBRANZAS"])
        #expect(p.name == "Juan" && p.customerAuthors == ["Juan"] && p.diagnostic == nil)
    }
}
