import Foundation
import Receivables
import Tabular
import Testing
@testable import NotesReader

@Suite struct ExtractionRuleTests {
    static let amounts: [(String, String)] = [
        ("promete pagar 500 el 15/03", "500.00 USD@0.6"),
        ("paga $500", "500.00 USD@0.9"),
        ("paga 500$", "500.00 USD@0.9"),
        ("Bs. 1.234,56 pendientes", "1234.56 VES@0.9"),
        ("debe Bs 1234", "1234.00 VES@0.9"),
        ("USD 200 el lunes", "200.00 USD@0.9"),
        ("500 dólares", "500.00 USD@0.9"),
        ("R$ 300,00 na sexta", "300.00 BRL@0.9"),
        ("$1,250.00 past due", "1250.00 USD@0.9"),
        ("abona 1.500 mañana", "1500.00 USD@0.6"),
        ("300 pesos", "300.00 USD@0.9"),
        ("paga S/ 1.500 el viernes", "1500.00 PEN@0.9"),
        ("abonó S/.250,50", "250.50 PEN@0.9"),
        // The day the payment is for may come between the verb and the number; a promise names one too.
        ("le pago el viernes 300", "300.00 USD@0.6"),
        ("le pago mañana 300", "300.00 USD@0.6"),
        ("le deposito el lunes: 450", "450.00 USD@0.6"),
        ("promete 500 el lunes", "500.00 USD@0.6"),
        ("paga la otra semana 150", "150.00 USD@0.6"),
        ("promete pagar el mes que viene 400", "400.00 USD@0.6"),
        ("promete pagar la quincena 80", "80.00 USD@0.6"),
        ("promete pagar el 25 de abril 900", "900.00 USD@0.6"),
        ("promete pagar el 25/04 900", "900.00 USD@0.6"),
        // Thousands grouped by a space, and Venezuela's BsD.
        ("promete pagar 1 500,00 el 20", "1500.00 USD@0.6"),
        ("promete pagar 1 500 000 el 20", "1500000.00 USD@0.6"),
        // A day before the amount is no thousands group.
        ("dice que paga el 30 200$", "200.00 USD@0.9"),
        ("el viernes 15 500$", "500.00 USD@0.9"),
        ("paga el 28 150 dolares", "150.00 USD@0.9"),
        ("le transfiero el lunes 25 400", "400.00 USD@0.6"),
        // Colombia's `consignar` and `girar` are payment verbs.
        ("le consigno el viernes 500", "500.00 USD@0.6"),
        ("ya consigné 1.200", "1200.00 USD@0.6"),
        ("le giro mañana 300", "300.00 USD@0.6"),
        ("le consigno 2 millones", "2000000.00 USD@0.75"),
        ("paga el 30 200", "200.00 USD@0.6"),
        // Installments name the amount of each; a count of invoices is no amount.
        ("promete pagar 2 cuotas de 300 el viernes", "300.00 USD@0.6"),
        // The bolívar digital and the fuerte are other money than the soberano.
        ("promete BsD 2.000 el lunes", "2000.00 VED@0.9"),
        ("abonó 2.000 BsD", "2000.00 VED@0.9"),
        ("promete Bs.D 2.000 el lunes", "2000.00 VED@0.9"),
        ("debe VED 2.000", "2000.00 VED@0.9"),
        ("debía BsF 2.000", "2000.00 VEF@0.9"),
        // A currency's name after `de` is the amount's currency, as after a multiplier.
        ("promete pagar 3.500.000 de bolívares el viernes", "3500000.00 VES@0.9"),
        ("promete pagar 1.200 de dólares el 10/04", "1200.00 USD@0.9"),
        ("promete pagar 800 de soles", "800.00 PEN@0.9"),
        ("promete pagar 2.000.000 bolívares", "2000000.00 VES@0.9"),
        // A weekday's day is no amount; a number after it that is no day of a month is one.
        ("le transfiero el viernes 21 400 dólares", "400.00 USD@0.9"),
        ("le pago el viernes 50", "50.00 USD@0.6"),
        ("le pago el viernes, 300", "300.00 USD@0.6"),
        // The amount in parentheses.
        ("el resto (380) se lo pago el viernes sin falta", "380.00 USD@0.6"),
        ("se lo pago el viernes (380)", "380.00 USD@0.6"),
    ]

    @Test(arguments: amounts) func amountsWithCurrency(_ text: String, _ expected: String) {
        let found = AmountExtractor.extract(text, defaultCurrency: .usd)
        #expect(found.map { "\($0.money)@\($0.confidence)" } == [expected])
    }

    /// What is owed ranks below what is promised: the promise's amount is the most confident.
    @Test func owedAmountsRankBelowPaidOnes() {
        let found = AmountExtractor.extract("debe 1.200, promete pagar 300 el viernes", defaultCurrency: .usd)
        #expect(found.max { $0.confidence < $1.confidence }?.money == Money(300, .usd))
    }

    @Test(arguments: ["el 15/03", "factura 123", "promete pagar 3 facturas el viernes", "a las 14:30", "tel 0414-555-1234", "el 15 de marzo", "pagó el 15",
                      "dirección s/n", "promete abonar 10% el 15", "paga el 15 de marzo", "le pago el viernes 15/03",
                      "le transfiero el viernes 21 sin falta", "promete pagar el lunes 22", "promete pagar el viernes 20",
                      "paga na sexta 14", "pagó (2) facturas", "pago el 15 de $", "pagó (12/03)"])
    func numbersThatAreNotAmounts(_ text: String) {
        #expect(AmountExtractor.extract(text, defaultCurrency: .usd).isEmpty)
    }

    @Test(arguments: [("1.234,56", "1234.56"), ("1,234.56", "1234.56"), ("300,00", "300"), ("1.234", "1234"),
                      ("12.5", "12.5"), ("1.234.567", "1234567"), ("0,5", "0.5")])
    func numberGrouping(_ text: String, _ expected: String) {
        #expect(AmountExtractor.parseNumber(text) == Decimal(string: expected))
    }

    // Entry written on Tuesday 2024-03-12.
    static let entry = LocalDate(year: 2024, month: 3, day: 12)!
    static let promiseDates: [(String, String)] = [
        ("paga el viernes", "2024-03-15"),
        ("paga mañana", "2024-03-13"),
        ("pasado mañana deposita", "2024-03-14"),
        ("paga hoy", "2024-03-12"),
        ("la próxima semana", "2024-03-18"),
        ("el 15", "2024-03-15"),
        ("el 5", "2024-04-05"),
        ("el 15/03", "2024-03-15"),
        ("el 02/01", "2025-01-02"),
        ("a fin de mes", "2024-03-31"),
        ("na quinta-feira", "2024-03-14"),
        ("next Monday", "2024-03-18"),
        ("el martes", "2024-03-19"),
        ("em 10 dias", "2024-03-22"),
        ("el 20 de abril", "2024-04-20"),
        ("dia 25", "2024-03-25"),
        // A date written after the weekday says which one, whatever the weekday.
        ("promete pagar 400 el viernes 22/03", "2024-03-22"),
        ("promete pagar 400 el viernes 29", "2024-03-29"),
        ("el lunes 25 de marzo", "2024-03-25"),
        ("paga el viernes 50 dólares", "2024-03-15"),
        ("paga el viernes 500", "2024-03-15"),
        ("paga la otra semana", "2024-03-18"),
        ("promete pagar el mes que viene", "2024-04-30"),
        ("paga la quincena", "2024-03-15"),
        ("paga la próxima quincena", "2024-03-31"),
        ("promete pagar 200 el 2024-03-28", "2024-03-28"),
        // `2.5` is an amount, not the 2nd of May; `el 2.5` is a date.
        ("promete pagar 2.5 el 20", "2024-03-20"),
        ("promete pagar el 2.5", "2024-05-02"),
    ]

    @Test(arguments: promiseDates) func promiseDatesResolveAgainstTheEntry(_ text: String, _ expected: String) {
        #expect(PromiseDateResolver.resolve(text, on: Self.entry)?.date.iso == expected)
    }

    @Test func pastDaysAreNotPromiseDates() {
        #expect(PromiseDateResolver.resolve("pagó el lunes pasado", on: Self.entry) == nil)
        #expect(PromiseDateResolver.resolve("pagó ayer", on: Self.entry) == nil)
    }

    @Test func theFirstDateMentionedWins() {
        #expect(PromiseDateResolver.resolve("paga el viernes y el resto a fin de mes", on: Self.entry)?.date.iso == "2024-03-15")
    }

    @Test func monthFirstPromiseDates() {
        #expect(PromiseDateResolver.resolve("on 03/15", on: Self.entry, dayFirst: false)?.date.iso == "2024-03-15")
    }

    static let invoices: [(String, [String])] = [
        ("factura 123", ["123"]), ("factura nº 00123", ["00123"]), ("FAC-00123", ["FAC-00123"]),
        ("la F-123 y la F-124", ["F-123", "F-124"]), ("NF 456", ["456"]), ("nota fiscal 789", ["789"]),
        ("invoice #12", ["12"]), ("fact. 00112", ["00112"]), ("sin número", []),
        // Several after one invoice word.
        ("las facturas 00112 y 00113 el viernes", ["00112", "00113"]), ("fact. 00112/00113", ["00112", "00113"]),
        ("facturas 00112, 00113 y 00114", ["00112", "00113", "00114"]), ("factura 00112 y 5 más", ["00112"]),
    ]

    @Test(arguments: invoices) func invoiceNumbers(_ text: String, _ expected: [String]) {
        #expect(MentionExtractor.invoices(text) == expected)
    }

    /// Document numbers written bare in a notebook or chat, without `factura` before them (QA session 20:
    /// `pagó la FE-1002`, `ya pagó la FE1031` gave no invoice), and what looks like one but is not.
    static let bareInvoices: [(String, [String])] = [
        ("pagó la FE-1002 completa", ["FE-1002"]), ("debe FE1031 y FE1032", ["FE1031", "FE1032"]),
        ("promete pagar el viernes (FE-1002)", ["FE-1002"]), ("¿cómo vamos con la FE-1003?", ["FE-1003"]),
        ("la F-100 está paga", ["F-100"]), ("abonó a la FAC-0023", ["FAC-0023"]), ("le aplicamos la NC-12", ["NC-12"]),
        ("pendiente F001-00012345", ["F001-00012345"]), ("la fe-1002 ya está", ["FE-1002"]),
        ("FV0456 y ND-77", ["FV0456", "ND-77"]), ("factura FE-1002", ["FE-1002"]), ("factura fe1031", ["fe1031"]),
        // Other capitals are a document only where the text speaks of one.
        ("la factura de marzo, la A-00001000", ["A-00001000"]), ("boleta E001-4521 pendiente", ["E001-4521"]),
        ("pagó la A-00001000", []), ("llegó el modelo RX100", []),
        // Identity and tax numbers, amounts, phones, dates, times and words with digits are none.
        ("factura a nombre de RIF J-30123456-7", []), ("factura a nombre de V-12345678", []),
        ("la factura sale con C.I. 12345678", []), ("factura con CI12345678", []), ("factura a V1234567", []),
        ("debe Bs. 1.500 de la factura", []), ("factura por $500", []), ("factura por USD500", []),
        ("factura por BS1500", []), ("llamar al 0414-555-1234 por la factura", []),
        ("factura del 15/05/2024 a las 10:30", []), ("oferta 2x1 y 4x4", []), ("por el COVID19 no pagó", []),
        ("tomaba B12", []), ("la f1 de la fórmula", []),
    ]

    @Test(arguments: bareInvoices) func bareDocumentNumbers(_ text: String, _ expected: [String]) {
        #expect(MentionExtractor.invoices(text) == expected)
    }

    /// A bare document number is no phone and no amount beside it.
    @Test func bareDocumentNumberIsNeitherAmountNorPhone() {
        let facts = EntryExtractor(rules: .builtIn, defaultCurrency: .usd, dollarSign: .usd, pesos: nil)
            .extract("pagó la FE-1002, la F001-00012345 y la boleta E001-4521, promete 300 el viernes", date: Self.entry,
                     defaultChannel: .note, channelFromText: true, dayFirst: true)
        #expect(facts.invoices == ["FE-1002", "F001-00012345", "E001-4521"])
        #expect(facts.phones.isEmpty)
        #expect(facts.amounts.map { "\($0.money)" } == ["300.00 USD"])
    }

    @Test func phonesEmailsAndTaxIDs() {
        #expect(MentionExtractor.phones("llamar al +58 412-555-1234 o 0414-555.12.34") == ["+584125551234", "04145551234"])
        #expect(MentionExtractor.phones("(11) 98765-4321") == ["11987654321"])
        #expect(MentionExtractor.phones("el 12/03/2024 pagó 1.234,56") == [])
        #expect(MentionExtractor.phones("IMG-20240312-WA0007.jpg") == [])
        #expect(MentionExtractor.emails("escribir a Pagos@Empresa.com.ve.") == ["pagos@empresa.com.ve"])
        #expect(MentionExtractor.taxIDs("RIF J-30123456-1, CNPJ 12.345.678/0001-95") == ["J-30123456-1", "12.345.678/0001-95"])
        #expect(MentionExtractor.taxIDs("NIT 900123456-7") == ["900123456-7"])
    }

    static let channels: [(String, ContactEvent.Channel?)] = [
        ("llamé, no contesta", .call), ("Liguei duas vezes", .call), ("visité el local", .visit),
        ("le escribí por whatsapp", .whatsapp), ("mandé correo", .email), ("se envió e-mail", .email),
        ("dice que paga", nil),
    ]

    @Test(arguments: channels) func channelsFromWords(_ text: String, _ expected: ContactEvent.Channel?) {
        #expect(ChannelDetector.detect(WordTokens(text), rules: .builtIn) == expected)
    }

    @Test func tokensKeepNumbersAndSentences() {
        let t = WordTokens("Pagó 1.234,56 el 15/03. ¿Seguro?")
        #expect(t.tokens.map(\.text) == ["pago", "1.234,56", "el", "15", "/", "03", "seguro"])
        #expect(t.questions == [1])
    }
}
