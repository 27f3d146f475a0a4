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
        // A `: ` inside a quoted group name divides no author from a message.
        ("12/03/24 09:01 - Marta creó el grupo \"Pagos: Ñandú\"", "12/3/24 9:1:0", nil, "Marta creó el grupo \"Pagos: Ñandú\""),
        ("12/03/24 09:02 - Marta cambió el asunto de \"A: B\" a \"C: D\"", "12/3/24 9:2:0", nil,
         "Marta cambió el asunto de \"A: B\" a \"C: D\""),
        ("[12/03/24, 09:01:00] Marta created group “Pagos: Ñandú”", "12/3/24 9:1:0", nil, "Marta created group “Pagos: Ñandú”"),
        // Quotes closed before the colon are a name's.
        ("12/03/24 09:05 - Juan \"el Flaco\": le pago mañana", "12/3/24 9:5:0", "Juan \"el Flaco\"", "le pago mañana"),
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

    /// Our own phone is ours however it is written, read for the configured country.
    static let sameParties: [(String, String, String?, Bool)] = [
        ("0412-5550000", "+58 412-555-0000", "VE", true),
        ("04125550000", "+58 412-555-0000", "VE", true),
        ("+58 412-555-0000", "+58 412 5550000", nil, true),
        ("584125550000", "+58 412-555-0000", nil, true),
        ("COBRANZAS", "Cobranzas", nil, true),
        // Negative: another number, or a national number without the country to read it.
        ("0412-5550000", "+58 414-555-8899", "VE", false),
        ("0412-5550000", "+58 412-555-0000", nil, false),
        ("Cobranzas", "+58 412-555-0000", "VE", false),
    ]

    @Test(arguments: sameParties) func ownPhonesInAnyFormat(_ a: String, _ b: String, _ country: String?, _ same: Bool) {
        #expect(ChatParty.same(a, b, country: country) == same)
    }

    @Test func ourPhoneInNationalFormIsNotTheCustomers() {
        let p = ChatParty.decide(authors: ["+58 412-555-0000", "+58 414-555-8899"], hint: nil, ownNames: ["0412-5550000"],
                                 country: "VE")
        #expect(p.phones == ["+584145558899"] && p.customerAuthors == ["+58 414-555-8899"])
    }

    /// WhatsApp's notices under a person's name are the whole message in WhatsApp's words; a
    /// message that only uses such words is the person's.
    static let authoredTexts: [(String, Bool)] = [
        ("Llamada perdida", true),
        ("Llamada de voz perdida", true),
        ("Missed voice call, Tap to call back", true),
        ("Se eliminó este mensaje.", true),
        ("Este mensaje fue eliminado", true),
        ("Eliminaste este mensaje.", true),
        ("Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat puede leerlos.", true),
        ("Tu código de seguridad con Cliente Z cambió. Toca para obtener más información.", true),
        ("Your security code with Ann changed. Tap to learn more.", true),
        ("Cliente Z cambió su número de teléfono a un nuevo número.", true),
        ("Marta Cobros creó el grupo \"Pagos: Ñandú\"", true),
        ("Los mensajes temporales se activaron. Los mensajes nuevos desaparecerán de este chat 7 días después.", true),
        ("mi hija cambió su número, el pago de la factura 00321 se lo hago el viernes", false),
        ("el banco me pide un código de seguridad para la transferencia, le pago 640 apenas me llegue", false),
        ("llamada perdida era yo, le pago 300 mañana", false),
        ("se eliminó este mensaje por error, le decía que pago 200 mañana", false),
        ("Llamada perdida, le devuelvo la llamada y le confirmo el pago", false),
        ("Disculpe la llamada perdida, mañana sin falta le deposito 200", false),
        ("Los mensajes y las llamadas están cifrados, así que mándeme el número de cuenta por aquí", false),
        ("ya salió el grupo de pagos, le deposito mañana", false),
    ]

    @Test(arguments: authoredTexts) func authoredNotices(_ text: String, _ notice: Bool) {
        #expect(WhatsAppText.isAuthoredSystem(NotesText.fold(text), author: "Cliente Z") == notice)
    }
}
