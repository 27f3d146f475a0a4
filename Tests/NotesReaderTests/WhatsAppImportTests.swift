import Foundation
import Receivables
import Tabular
import Testing
@testable import NotesReader

@Suite struct WhatsAppImportTests {
    static func load(_ name: String, _ options: NotesImportOptions = NotesImportOptions(defaultCurrency: .usd)) throws -> ImportBatch {
        try NotesImporter.importFile(path: Fixture.path(name), options: options)
    }

    /// Imports `text` written to a chat file called `name` (in a folder of its own, removed after).
    static func importChat(_ name: String, _ text: String,
                           _ options: NotesImportOptions = NotesImportOptions(defaultCurrency: .usd)) throws -> ImportBatch {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try NotesImporter.importFile(path: file.path, options: options)
    }

    /// `line date time author outcome` for each event.
    static func rows(_ b: ImportBatch) -> [String] {
        b.contacts.map { "\($0.provenance.location.line ?? 0) \($0.date) \($0.time?.iso ?? "-") \($0.author ?? "-") \($0.outcome.rawValue)" }
    }

    /// Who wrote a message says what it can be: the customer's own message reached us whatever it
    /// says of a call, and only the customer promises.
    @Test func outcomesFollowWhoWrote() throws {
        let b = try Self.importChat("WhatsApp Chat con Omicron C.A..txt", """
            20/09/24, 9:00 a. m. - Ana Cobranza: Buenos días, lo llamé y no contesta
            20/09/24, 10:00 a. m. - Omicron C.A.: Disculpe, no contesté porque estaba manejando, le llamo luego
            21/09/24, 10:00 a. m. - Ana Cobranza: no hemos recibido la transferencia del viernes
            """)
        // The last, ours after the customer's last message, went unanswered.
        #expect(b.contacts.map(\.outcome) == [.noAnswer, .other, .noAnswer])
        #expect(b.promises.isEmpty)
        // A thanks asks nothing: no reply is missing.
        #expect(RecordBuilder.isAcknowledgement("Perfecto, recibido. Gracias!") && !RecordBuilder.isAcknowledgement("le recuerdo la factura 00123"))
    }

    /// A chat the customer never answered: our reminders, our side known by the own name, are
    /// unanswered attempts (the debt stays unworked), not contacts; and a chat named by the
    /// customer's number keeps that number, the only thing telling who the customer is.
    @Test func remindersTheCustomerNeverAnsweredAreNoAnswers() throws {
        let text = """
            10/06/24, 9:15 a. m. - Ana Cobranza: Buenos días, le recuerdo la factura S-701 vencida
            17/06/24, 9:15 a. m. - Ana Cobranza: Por favor confirme el pago de la S-701
            24/06/24, 9:15 a. m. - Ana Cobranza: Le escribo de nuevo por la S-701, espero su respuesta
            """
        var options = NotesImportOptions(defaultCurrency: .usd, defaultCountry: "VE")
        options.ownNames = ["Ana Cobranza"]
        let named = try Self.importChat("WhatsApp Chat con Ferretería Siete C.A..txt", text, options)
        #expect(named.contacts.map(\.outcome) == [.noAnswer, .noAnswer, .noAnswer])
        #expect(named.customers.first?.name?.value == "Ferretería Siete C.A.")
        let byPhone = try Self.importChat("Chat de WhatsApp con +58 414-5557070.txt", text, options)
        #expect(byPhone.contacts.map(\.outcome) == [.noAnswer, .noAnswer, .noAnswer])
        #expect(byPhone.customers.first?.phones.map(\.value) == ["+584145557070"])
    }

    /// A chat of WhatsApp's notices only is a chat still.
    @Test func aChatOfNoticesOnlyIsAChat() {
        let text = "15/03/24 10:00 - Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat puede leerlos.\n"
        #expect(NotesKind.detect(prefix: Array(text.utf8), path: "Chat de WhatsApp con Solo Sistema.txt") == .whatsapp)
    }

    /// A customer's words about a missed call are a message; a phone author written with a
    /// no-break hyphen (`+58 414‑5552211`) is a phone.
    @Test func missedCallWordsAndNoBreakHyphens() throws {
        let b = try Self.importChat("WhatsApp Chat con +58 414-5552211.txt", """
            15/3/24 14:05 - Ana Cobranza: Buenas tardes, le recuerdo la factura 00123
            15/3/24 14:07 - +58 414\u{2011}5552211: Llamada de voz perdida
            15/3/24 14:10 - +58 414\u{2011}5552211: Disculpe la llamada perdida, mañana sin falta le deposito 200 😊
            """, NotesImportOptions(defaultCurrency: .usd, defaultCountry: "VE"))
        #expect(b.customers.first?.phones.map(\.value) == ["+584145552211"])
        #expect(b.contacts.map { $0.provenance.location.line } == [1, 3])
        #expect(b.promises.first?.amount == Money(200, .usd))
    }

    /// A customer's message that uses a notice's words is imported with its promise; the notice
    /// itself, said by WhatsApp, is skipped and counted.
    @Test func customersMessagesWithNoticeWordsAreTheirs() throws {
        let b = try Self.importChat("wa-drops.txt", """
            12/03/24, 10:00 - Ana Cobros: Buenos días, le recuerdo la factura 00321 por $ 640,00
            12/03/24, 10:10 - Cliente Z: el banco me pide un código de seguridad para la transferencia, le pago 640 apenas me llegue
            12/03/24, 10:11 - Cliente Z: mi hija cambió su número, el pago de la factura 00321 se lo hago el viernes
            12/03/24, 10:12 - Cliente Z: llamada perdida era yo, le pago 300 mañana
            12/03/24, 10:13 - Cliente Z: Llamada perdida
            12/03/24, 10:14 - Marta creó el grupo "Pagos: Cliente Z"
            """, NotesImportOptions(defaultCurrency: .usd, defaultCountry: "VE", ownNames: ["Ana Cobros"]))
        #expect(b.contacts.map { $0.provenance.location.line } == [1, 2, 3, 4])
        #expect(b.contacts.map(\.author) == ["Ana Cobros", "Cliente Z", "Cliente Z", "Cliente Z"])
        #expect(b.promises.map { $0.provenance.location.line } == [2, 4])
        #expect(b.contacts[2].mentionedInvoices == ["00321"])
        let counted = try #require(b.accounting.first)
        #expect(counted.imported == 4 && counted.otherSkipped == 2 && counted.rowsRead == 6)
    }

    /// A group notice whose quoted name holds `: ` invents no author, so our collector is not
    /// guessed as the customer.
    @Test func aGroupNoticeWithAColonInItsNameIsNoAuthor() throws {
        let b = try Self.importChat("chat-ñandu.txt", """
            12/03/2024, 09:01 - Marta Cobros creó el grupo "Cobranza: Ferretería Ñandú"
            12/03/2024, 09:05 - Marta Cobros: Buenos días, le recuerdo la factura 3321
            12/03/2024, 09:30 - Don Ñandú: Mañana le deposito 500 dólares
            """)
        #expect(b.customers.first?.name?.value == "Don Ñandú")
        #expect(b.promises.first?.amount == Money(500, .usd))
    }

    /// With `VE`, our phone written nationally is the author `+58 412-555-0000`: not the customer's.
    @Test(arguments: ["0412-5550000", "04125550000", "+58 412-555-0000"]) func ourPhoneInAnyForm(_ own: String) throws {
        let b = try Self.importChat("chat-phones.txt", """
            [12/03/24, 10:00:00] +58 412-555-0000: Buenos días, le recuerdo la factura 00321
            [12/03/24, 10:10:00] +58 414-555-8899: le pago 640 dólares el viernes
            """, NotesImportOptions(defaultCurrency: .usd, defaultCountry: "VE", ownNames: [own]))
        #expect(b.customers.first?.phones.map(\.value) == ["+584145558899"])
    }

    /// An English export read month-first for a day-first country says so; a date that settles the
    /// order, or a month-first country, says nothing.
    static let englishExports: [(String, String?, Bool)] = [
        ("05/03/24, 9:15 AM - Ana: hola\n06/03/24, 10:02 AM - Llanos: el viernes le transfiero 300\n", "VE", true),
        ("05/03/24, 9:15 AM - Ana: hola\n06/03/24, 10:02 AM - Llanos: el viernes le transfiero 300\n", "US", false),
        ("05/03/24, 9:15 AM - Ana: hola\n06/03/24, 10:02 AM - Llanos: el viernes le transfiero 300\n", nil, false),
        ("05/03/24, 9:15 AM - Ana: hola\n25/03/24, 10:02 AM - Llanos: el viernes le transfiero 300\n", "VE", false),
    ]

    @Test(arguments: englishExports) func monthFirstAssumedIsSaid(_ text: String, _ country: String?, _ said: Bool) throws {
        let b = try Self.importChat("WhatsApp Chat with Distribuidora Llanos.txt", text,
                                    NotesImportOptions(defaultCurrency: .usd, defaultCountry: country, ownNames: ["Ana"]))
        #expect(b.diagnostics.contains { $0.code == "WA-DATE-ORDER-ASSUMED" } == said)
    }

    @Test func androidEnglishTwelveHourMonthFirst() throws {
        let b = try Self.load("WhatsApp Chat with Acme Hardware.txt")
        #expect(Self.rows(b) == [
            "2 2024-03-12 09:06:00 Consolida Collections other",
            "3 2024-03-12 09:06:00 Consolida Collections other",
            "4 2024-03-12 13:47:00 Acme Hardware dispute",
            "5 2024-03-12 13:48:00 Acme Hardware other",
            "6 2024-03-25 12:15:00 Acme Hardware promise_to_pay",
            "12 2024-04-02 10:00:00 Acme Hardware other",
            "13 2024-04-02 00:00:00 Acme Hardware says_paid",
        ])
        #expect(b.contacts.allSatisfy { $0.channel == .whatsapp })
        #expect(b.contacts[4].text == "OK we will pay $200 next Monday\nand the rest when the credit note arrives\n\nthanks")
        #expect(b.contacts[6].mentionedEmails == ["billing@acme.example"])
        #expect(b.contacts[0].mentionedInvoices == ["INV-1041"])
        #expect(b.contacts[0].mentionedAmounts == [Money(1250, .usd)])
        let p = try #require(b.promises.first)
        #expect(b.promises.count == 1)
        #expect((p.promisedDate?.iso, p.amount, p.provenance.location.line) == ("2024-04-01", Money(200, .usd), 6))
        #expect(b.customers.map { $0.name?.value } == ["Acme Hardware"])
        #expect(b.contacts.allSatisfy { $0.customer == b.customers[0].id })
        let a = try #require(b.accounting.first)
        #expect((a.rowsRead, a.imported, a.blank, a.otherSkipped, a.rejected) == (13, 7, 1, 5, 0))
        #expect(a.balances)
    }

    @Test func androidSpanishGroupChatWithSystemLinesAndCRLF() throws {
        let b = try Self.load("Chat de WhatsApp con Comercial Los Andes.txt")
        #expect(Self.rows(b) == [
            "4 2024-03-02 08:05:00 Cobranzas Ferrecentro other",
            "5 2024-03-02 09:30:00 Pedro Andes other",
            "6 2024-03-02 09:31:00 Pedro Andes other",
            "7 2024-03-02 09:32:00 Pedro Andes dispute",
            "8 2024-03-05 10:15:00 María Los Andes promise_to_pay",
            "12 2024-03-07 17:40:00 Cobranzas Ferrecentro other",
            "14 2024-03-08 11:00:00 María Los Andes other",
        ])
        #expect(b.contacts[0].mentionedAmounts == [Money(Decimal(string: "1234.56")!, .ves)])
        #expect(b.contacts[0].mentionedInvoices == ["F-123"])
        #expect(b.contacts[2].mentionedInvoices == ["123"])
        #expect(b.contacts[4].text == "Buenos días\nle pago el viernes 500 dólares\nsin falta")
        #expect(b.promises.map { "\($0.promisedDate?.iso ?? "-") \($0.amount?.description ?? "-")" } == ["2024-03-08 500.00 USD"])
        // The group is named after the customer, no author is: a warning says so.
        #expect(b.customers.map { $0.name?.value } == ["Comercial Los Andes"])
        #expect(b.diagnostics.map(\.code) == ["WA-CUSTOMER-GUESSED"])
        let a = try #require(b.accounting.first)
        #expect((a.rowsRead, a.imported, a.otherSkipped) == (14, 7, 7))
        #expect(a.balances)
    }

    @Test func ownNamesKeepTheCompanysQuestionsOutOfPromises() throws {
        let opts = NotesImportOptions(defaultCurrency: .usd, ownNames: ["cobranzas ferrecentro"])
        let b = try Self.load("Chat de WhatsApp con Comercial Los Andes.txt", opts)
        #expect(b.diagnostics.isEmpty)
        #expect(b.promises.count == 1)
    }

    /// Our side named (`--own-name`, `own_names:`) in a group chat: the other author is the
    /// customer whatever the file is called, and a browser's `(1)` is no part of a name.
    @Test func ownNamesInAGroupChatAndACopysSuffix() throws {
        let name = "Chat de WhatsApp con Comercial Don Pepe (1).txt"
        let text = """
            15/3/24 10:00 - Ramón Torres: Buenos días, quedó en pagar 400 el viernes
            15/3/24 10:05 - Pepe: sí, el viernes le pago 400
            """
        let plain = try Self.importChat(name, text)
        #expect(plain.customers.first?.name?.value == "Comercial Don Pepe")
        var options = NotesImportOptions(defaultCurrency: .usd)
        options.ownNames = ["Ramón Torres"]
        let named = try Self.importChat(name, text, options)
        #expect(named.promises.map(\.text) == ["sí, el viernes le pago 400"])
    }

    @Test func iOSPortugueseTwentyFourHour() throws {
        let b = try Self.load("Conversa do WhatsApp com Padaria Pão Quente.txt")
        #expect(Self.rows(b) == [
            "2 2024-03-12 14:31:02 Financeiro Ferrecentro other",
            "3 2024-03-12 14:31:10 Financeiro Ferrecentro other",
            "4 2024-03-13 09:02:44 Padaria Pão Quente promise_to_pay",
            "6 2024-03-13 09:03:01 Padaria Pão Quente other",
            "7 2024-03-15 18:20:00 Padaria Pão Quente says_paid",
            "8 2024-03-15 18:25:12 Financeiro Ferrecentro other",
        ])
        // The invisible mark before the attachment is gone from the text.
        #expect(b.contacts[1].text == "<anexado: 00000012-PHOTO-2024-03-12-14-31-10.jpg>")
        #expect(b.contacts[1].mentionedPhones.isEmpty)
        #expect(b.contacts[0].mentionedInvoices == ["456"])
        let p = try #require(b.promises.first)
        #expect((p.promisedDate?.iso, p.amount) == ("2024-03-15", Money(300, Currency(code: "BRL"))))
        #expect(b.customers[0].name?.value == "Padaria Pão Quente")
    }

    @Test func iOSSpanishTwelveHourPhoneAuthorIsTheCustomer() throws {
        let b = try Self.load("chat-ios-es-12h.txt")
        #expect(Self.rows(b) == [
            "1 2024-03-04 09:15:02 Cobranzas Ferrecentro other",
            "2 2024-03-04 14:30:15 +57 310 555 1234 requests_invoice_copy",
            "3 2024-03-14 12:05:00 +57 310 555 1234 other",
        ])
        #expect(b.customers[0].phones.map(\.value) == ["+573105551234"])
        #expect(b.customers[0].name == nil)
        #expect(b.contacts[1].mentionedEmails == ["pagos@losandes.example"])
        #expect(b.diagnostics.map(\.code) == ["WA-CUSTOMER-GUESSED"])
        #expect(b.accounting.first?.balances == true)
    }

    @Test func aLineBeforeTheFirstMessageIsRejected() throws {
        let b = try Self.load("whatsapp-android-es-ampm.txt")
        #expect(Self.rows(b) == [
            "2 2024-03-13 09:05:00 Ana Rodríguez other",
            "3 2024-03-13 12:40:00 Ferreteria Guaparo wrong_number",
            "4 2024-03-13 00:00:00 Ana Rodríguez other",
        ])
        #expect(b.rejects.map { "\($0.location.line ?? 0) \($0.code)" } == ["1 WA-NO-STAMP"])
        #expect(b.customers[0].name?.value == "Ferreteria Guaparo")
        #expect(b.accounting.first?.balances == true)
    }

    @Test func everyFixtureIsDetectedAsWhatsApp() throws {
        for name in ["WhatsApp Chat with Acme Hardware.txt", "Chat de WhatsApp con Comercial Los Andes.txt",
                     "Conversa do WhatsApp com Padaria Pão Quente.txt", "chat-ios-es-12h.txt",
                     "whatsapp-android-es-ampm.txt"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path(name)))
            #expect(NotesKind.detect(prefix: Array(data.prefix(4096)), path: name) == .whatsapp, "\(name)")
        }
        for name in ["cuaderno-ana.md", "cuaderno-sin-ano.txt", "cuaderno-setext.txt"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path(name)))
            #expect(NotesKind.detect(prefix: Array(data.prefix(4096)), path: name) == .notebook, "\(name)")
        }
    }

    /// iOS names an English export `WhatsApp Chat - …`: its `AM`/`PM` stamps are month-first
    /// (a US phone) when nothing in the dates decides; Spanish `a. m.` stamps stay day-first.
    @Test(arguments: [("WhatsApp Chat - Tienda Norte.txt", "9:05:12 AM", "2024-01-02"),
                      ("WhatsApp Chat - Tienda Norte.txt", "9:05:12 a. m.", "2024-02-01"),
                      ("Chat de WhatsApp con Tienda Norte.txt", "9:05:12 AM", "2024-02-01")])
    func englishTwelveHourStampsAreMonthFirst(_ name: String, _ time: String, _ first: String) throws {
        let b = try Self.importChat(name, """
            [1/2/24, \(time)] Tienda Norte: le pago mañana
            [1/3/24, \(time)] Cobros: ok
            [1/5/24, \(time)] Tienda Norte: ya le pagué
            """)
        #expect(b.contacts.first?.date.iso == first)
    }

    @Test func forcedDayOrderWins() throws {
        let b = try Self.load("Chat de WhatsApp con Comercial Los Andes.txt", NotesImportOptions(dayFirst: false))
        #expect(b.contacts.first?.date.iso == "2024-02-03")
    }
}
