import Foundation
import Receivables
import Tabular
import Testing
@testable import NotesReader

@Suite struct NotebookImportTests {
    static func load(_ name: String, _ options: NotesImportOptions = NotesImportOptions(defaultCurrency: .usd)) throws -> ImportBatch {
        try NotesImporter.importFile(path: Fixture.path(name), options: options)
    }

    /// With a default country, phones become E.164 (so `0414…` and `+58414…` are one number) and
    /// tax IDs are read and checked as a table's are.
    @Test func theDefaultCountryNormalizesPhonesAndTaxIDs() throws {
        let b = try Self.load("cuaderno-ana.md", NotesImportOptions(defaultCurrency: .usd, defaultCountry: "VE"))
        let c = b.customers[0]
        #expect(c.phones.map(\.value) == ["+584145551234", "+582125559876"])
        #expect(c.taxID?.value.normalized == "J301234567")
        #expect(c.taxID?.value.country == "VE")
        #expect(c.taxID?.value.kind == .rif)
        #expect(c.taxID?.value.validity != .unchecked)
        #expect(b.customers[1].phones.map(\.value) == ["+584125551234"])
    }

    /// Without a default country a phone stays as written (`4145551234` could be any country's), and
    /// a tax ID that fits only another country's shape stays unchecked with its label's kind.
    @Test func phonesAndTaxIDsAreNotGuessedIntoAnotherCountry() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cuaderno-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("""
            # Bodega La Esquina
            Cédula: 12.345.678
            Tel: 414-555.12.34 / +58 212 555 9876

            12/03/2024 Llamé, promete pagar 500 el 15/03
            """.utf8).write(to: file)
        let plain = try NotesImporter.importFile(path: file.path, options: NotesImportOptions(defaultCurrency: .usd))
        #expect(plain.customers.first?.phones.map(\.value) == ["4145551234", "+582125559876"])
        let venezuelan = try NotesImporter.importFile(path: file.path,
                                                      options: NotesImportOptions(defaultCurrency: .usd, defaultCountry: "VE"))
        let id = try #require(venezuelan.customers.first?.taxID?.value)
        // A bare cédula where Venezuela is configured is a Venezuelan person's ID (`V`), unchecked.
        #expect(id.country == "VE" && id.validity == .unchecked)
        #expect(id.normalized == "V12345678")
        #expect(venezuelan.customers.first?.phones.map(\.value) == ["+584145551234", "+582125559876"])
    }

    @Test func sectionsBecomeCustomersWithTheirKeyValueLines() throws {
        let b = try Self.load("cuaderno-ana.md")
        #expect(b.customers.map { $0.name?.value } == ["Ferretería El Tornillo, C.A.", "Inversiones Marisol",
                                                         "Comercial Los Andes", "BODEGA LA ESQUINA"])
        let c = b.customers[0]
        #expect(c.id == RecordID(SourceLocation(file: Fixture.path("cuaderno-ana.md"), line: 3)))
        #expect(c.taxID?.value.normalized == "J301234567")
        #expect(c.taxID?.value.kind == .rif)
        #expect(c.phones.map(\.value) == ["04145551234", "02125559876"])
        #expect(c.emails.map(\.value) == ["pagos@eltornillo.com"])
        #expect(c.address?.value == "Av. Bolívar, local 3, Valencia")
        #expect(c.address?.provenance?.location.line == 7)
        #expect(c.extra["balance"] == "Bs. 12.500,00")
        #expect(b.customers[1].phones.map(\.value) == ["+584125551234"])
        #expect(b.customers[3].extra["contact"] == "Sr. Ramón (dueño)")
    }

    @Test func entriesCarryDateChannelOutcomeAndLine() throws {
        let b = try Self.load("cuaderno-ana.md")
        let rows = b.contacts.map { "\($0.provenance.location.line ?? 0) \($0.date) \($0.channel.rawValue) \($0.outcome.rawValue)" }
        #expect(rows == [
            "10 2024-03-12 call promise_to_pay",
            "11 2024-03-14 call no_answer",
            "12 2024-03-18 visit says_paid",
            "17 2024-03-20 email other",
            "18 2024-03-21 note requests_invoice_copy",
            "19 2024-03-22 note wrong_number",
            "24 2024-03-25 note dispute",
            "25 2024-03-28 note promise_to_pay",
            "29 2024-04-02 note promise_to_pay",
        ])
        let paid = b.contacts[2]
        #expect(paid.text == "visité el local, dice que ya pagó la factura 123 por transferencia\ny que manda el comprobante por whatsapp.")
        #expect(paid.mentionedInvoices == ["123"])
        #expect(paid.customer == b.customers[0].id)
        #expect(b.contacts[4].mentionedInvoices == ["FAC-00123"])
        #expect(b.contacts.allSatisfy { $0.id == RecordID($0.provenance.location) })
    }

    @Test func promisesCarryAmountCurrencyDateAndLine() throws {
        let b = try Self.load("cuaderno-ana.md")
        let p = b.promises.map { "\($0.provenance.location.line ?? 0) \($0.promisedDate?.iso ?? "-") \($0.amount?.description ?? "-")" }
        // Line 10 writes a bare 500: the section's `Debe: Bs. 12.500,00` makes it bolívares, not the default USD.
        #expect(p == ["10 2024-03-15 500.00 VES", "25 2024-03-29 200.00 USD", "29 2024-04-03 1234.56 VES"])
        #expect(b.promises[0].id.rawValue.hasSuffix("#L10/promise"))
        #expect(b.promises[0].madeOn == LocalDate(year: 2024, month: 3, day: 12))
        #expect(b.promises[0].text == "Llamé, promete pagar 500 el 15/03")
        // The section's `Debe:` is the customer's stated balance, with its line, for reconciliation to check.
        #expect(b.customers[0].statedBalance?.value == Money(12_500, .ves))
        #expect(b.customers[0].statedBalance?.provenance?.location.line != nil)
    }

    @Test func everyLineIsAccountedFor() throws {
        for name in ["cuaderno-ana.md", "cuaderno-sin-ano.txt", "cuaderno-mes-primero.txt", "cuaderno-setext.txt"] {
            let b = try Self.load(name)
            let a = try #require(b.accounting.first)
            let lines = NotesText.lines(try Fixture.text(name)).count
            #expect(a.rowsRead == lines, "\(name)")
            #expect(a.balances, "\(name): \(a)")
            #expect(a.imported == b.contacts.count)
            #expect(a.rejected == b.rejects.count)
        }
        let a = try #require(try Self.load("cuaderno-ana.md").accounting.first)
        #expect((a.imported, a.rejected, a.blank, a.headerRows, a.otherSkipped) == (9, 1, 6, 12, 1))
    }

    @Test func linesThatCannotBePlacedAreRejectedByLine() throws {
        let b = try Self.load("cuaderno-ana.md")
        #expect(b.rejects.map { "\($0.location.line ?? 0) \($0.code)" } == ["21 NOTES-NO-DATE"])
        #expect(b.rejects[0].rawText == "nota suelta sin fecha")
        let s = try Self.load("cuaderno-setext.txt")
        #expect(s.rejects.map { "\($0.location.line ?? 0) \($0.code)" } == ["12 NOTES-NO-DATE", "13 NOTES-NO-DATE"])
    }

    /// A line opening with a date no calendar has is rejected as such; before, it was glued to
    /// the entry above, whose outcome and promise it then changed.
    @Test func anImpossibleDateIsRejectedNotGluedToTheEntryAbove() throws {
        let text = """
            # Cliente Uno
            15/03/2024 No contesta
            31/02/2024 promete pagar 100 el 20/03
            45-50 cajas pendientes de entrega
            29/02/2023 llamada
            30 de febrero: visita

            2024-13-01 otra vez
            """
        let b = try NotesImporter.importData(Data(text.utf8), path: "n.txt", kind: .notebook).batch
        #expect(b.contacts.map(\.text) == ["No contesta"])
        #expect(b.promises.isEmpty)
        #expect(b.rejects.map { "\($0.location.line ?? 0) \($0.code)" }
                == ["3 NOTES-BAD-DATE", "4 NOTES-NO-DATE", "5 NOTES-BAD-DATE", "6 NOTES-BAD-DATE", "8 NOTES-BAD-DATE"])
        #expect(try #require(b.accounting.first).balances)
    }

    /// An upper-case title over the first customer's heading is the file's title (its year dates
    /// the entries), not a customer with nothing in it.
    @Test func anUpperCaseTitleOverTheFirstHeadingIsNoCustomer() throws {
        let text = """
            CUADERNO DE COBRANZA 2024

            # Ferretería Ñandú, C.A.
            15/03 llamé, promete pagar el viernes

            FERRETERÍA EL TORNILLO
            16/03 no contesta
            """
        let b = try NotesImporter.importData(Data(text.utf8), path: "n.txt", kind: .notebook).batch
        #expect(b.customers.map { $0.name?.value } == ["Ferretería Ñandú, C.A.", "FERRETERÍA EL TORNILLO"])
        #expect(b.contacts.map(\.date.year) == [2024, 2024])
        #expect(try #require(b.accounting.first).balances)
    }

    /// A capitals line naming the notebook (`CUADERNO DE COBROS - MARZO 2024`) is its title even
    /// when other lines come before the first customer; entries with no customer above them are
    /// rejected saying what to add, not filed under the title as a customer.
    @Test func aNotebooksTitleIsNoCustomerEvenWithoutAHeadingBelow() throws {
        let text = """
            CUADERNO DE COBROS - MARZO 2024
            Cobrador: José Luis

            15-mar Llamé a Ferretería X, promete pagar el viernes 300

            FERRETERÍA EL TORNILLO
            16-mar no contesta
            1. 18/03/2024 promete pagar 200 el 20
            """
        let b = try NotesImporter.importData(Data(text.utf8), path: "n.txt", kind: .notebook).batch
        #expect(b.customers.map { $0.name?.value } == ["FERRETERÍA EL TORNILLO"])
        #expect(b.contacts.map(\.date) == [LocalDate(year: 2024, month: 3, day: 16), LocalDate(year: 2024, month: 3, day: 18)])
        #expect(b.rejects.map(\.code) == ["NOTES-NO-SECTION"] && b.rejects.first?.location.line == 4)
        #expect(b.promises.map { $0.amount?.amount } == [200])
        #expect(try #require(b.accounting.first).balances)
        #expect(NotebookParser.namesTheNotebook("COBRANZAS ABRIL") && NotebookParser.namesTheNotebook("NOTAS MARZO 2024"))
        #expect(!NotebookParser.namesTheNotebook("FERRETERÍA EL TORNILLO") && !NotebookParser.namesTheNotebook("INVERSIONES 2024 C.A."))
    }

    /// A `Tel:` line that is no number of the country's is kept as written and said at its line,
    /// as a sheet's phone cell is; a short one (`+58 414`) is no longer dropped.
    @Test func phoneLinesThatAreNoNumbersAreKeptAndSaid() throws {
        let text = "CLIENTE: Uno\nTel: 0414-555\n15/03/2024 llamé\n\nCLIENTE: Dos\nTel: +58 414\n15/03/2024 llamé\n\n"
            + "CLIENTE: Tres\nTel: 0414-555.01.23\n15/03/2024 llamé\n"
        var options = NotesImportOptions()
        options.defaultCountry = "VE"
        let b = try NotesImporter.importData(Data(text.utf8), path: "n.txt", kind: .notebook, options: options).batch
        #expect(b.customers.map { $0.phones.map(\.value) } == [["0414555"], ["+58414"], ["+584145550123"]])
        let said = b.diagnostics.filter { $0.code == "NOTES-PHONE-FORMAT" }
        #expect(said.map { $0.location?.line } == [2, 6])
    }

    @Test func missingYearComesFromTheFileWithADiagnostic() throws {
        let b = try Self.load("cuaderno-ana.md")
        let inferred = b.diagnostics.filter { $0.code == "NOTES-YEAR-INFERRED" }.compactMap(\.location?.line)
        #expect(inferred == [11, 12, 18, 19, 25, 29])
        let s = try Self.load("cuaderno-setext.txt")
        #expect(s.customers.map { $0.name?.value } == ["Distribuidora Oriente"])
        #expect(s.contacts.map(\.date.iso) == ["2024-03-12", "2024-12-30"])
        #expect(s.customers[0].taxID?.value.normalized == "12345678000195")
    }

    @Test func noYearAnywhereRejectsUnlessTheOptionsGiveOne() throws {
        let b = try Self.load("cuaderno-sin-ano.txt")
        #expect(b.contacts.isEmpty)
        #expect(b.rejects.map(\.code) == ["NOTES-NO-YEAR", "NOTES-NO-YEAR", "NOTES-NO-YEAR"])
        let withYear = try Self.load("cuaderno-sin-ano.txt", NotesImportOptions(defaultYear: 2023))
        #expect(withYear.contacts.map(\.date.iso) == ["2023-03-12", "2023-03-15", "2023-04-05"])
        #expect(withYear.promises.first?.promisedDate?.iso == "2023-03-17")
        // The run's as-of date: each date the latest such day not after it.
        var options = NotesImportOptions()
        options.asOf = LocalDate(iso: "2024-03-31")
        #expect(try Self.load("cuaderno-sin-ano.txt", options).contacts.map(\.date.iso) == ["2024-03-12", "2024-03-15", "2024-04-05"])
        options.asOf = LocalDate(iso: "2024-03-13")
        #expect(try Self.load("cuaderno-sin-ano.txt", options).contacts.map(\.date.iso) == ["2024-03-12", "2024-03-15", "2024-04-05"])
        options.asOf = LocalDate(iso: "2024-03-01")
        #expect(try Self.load("cuaderno-sin-ano.txt", options).contacts.map(\.date.iso) == ["2023-03-12", "2023-03-15", "2023-04-05"])
    }

    @Test func monthFirstFilesAreRecognizedFromUnambiguousDates() throws {
        let b = try Self.load("cuaderno-mes-primero.txt")
        #expect(b.contacts.map(\.date.iso) == ["2024-03-15", "2024-03-20", "2024-04-02"])
        #expect(b.contacts.map(\.outcome) == [.promiseToPay, .noAnswer, .saysPaid])
        #expect(b.promises.first?.promisedDate?.iso == "2024-03-18")
        #expect(b.promises.first?.amount == Money(300, .usd))
    }

    @Test func yearWrapsWhenDatesPassDecember() throws {
        let text = "Cliente: X\n20/12/2023 llamé\n03/01 no contesta\n"
        let r = try NotesImporter.importData(Data(text.utf8), path: "x.txt")
        #expect(r.batch.contacts.map(\.date.iso) == ["2023-12-20", "2024-01-03"])
    }

    /// A notebook whose entries carry a time, as a chat's stamps do, is still a notebook: its lines
    /// have no author.
    @Test func timedNotebookEntriesAreNoChat() throws {
        let text = "FERRETERIA LA LLAVE\n15/03/24 10:30 - llamé, no contestó\n16/03/24 09:15 - llamé, dice que paga el viernes 300\n\n"
            + "COMERCIAL DON PEPE\n19/03/24 10:00 - llamé, promete pagar 200 el lunes\n"
        #expect(NotesKind.detect(prefix: Array(text.utf8), path: "cuaderno.txt") == .notebook)
        let r = try NotesImporter.importData(Data(text.utf8), path: "cuaderno.txt")
        #expect(r.batch.contacts.count == 3 && r.batch.promises.count == 2)
        #expect(r.batch.customers.map { $0.name?.value } == ["FERRETERIA LA LLAVE", "COMERCIAL DON PEPE"])
    }

    /// A business's capitals heading right under an entry opens its section; a Markdown title
    /// naming the notebook over the first customer's heading is the file's title.
    @Test func headingsUnderAnEntryAndMarkdownTitles() throws {
        let text = "CLIENTE: Ferreteria La Llave\n15/03/2024 llamé, no contestó\nCOMERCIAL DON PEPE\n"
            + "22/03/2024 dice que paga el viernes 500$\n23/03/2024 llamé\nNO CONTESTA\n24/03/2024 llamé otra vez\n"
        let r = try NotesImporter.importData(Data(text.utf8), path: "x.txt")
        #expect(r.batch.customers.map { $0.name?.value } == ["Ferreteria La Llave", "COMERCIAL DON PEPE"])
        #expect(r.batch.promises.first?.customer == r.batch.customers.last?.id)
        let md = try NotesImporter.importData(Data("# Cobranzas 2024\n\n## Ferreteria La Llave\n12/03 llamé, no contesta\n".utf8), path: "c.md")
        #expect(md.batch.customers.map { $0.name?.value } == ["Ferreteria La Llave"])
        #expect(md.batch.contacts.map(\.date.iso) == ["2024-03-12"])
    }

    /// An entry under a line read as the notebook's title names that line in its reject.
    @Test func anEntryUnderTheTitleSaysWhatTheTitleWas() throws {
        let r = try NotesImporter.importData(Data("Ferretería La Llave\n15/03/2024 llamé, no contestó\n".utf8), path: "t.txt", kind: .notebook)
        #expect(r.batch.rejects.first?.code == "NOTES-NO-SECTION")
        #expect(r.batch.rejects.first?.reason.contains("Cliente: Ferretería La Llave") == true)
    }

    /// A notebook kept by customer runs through the months once per customer: the next customer's
    /// January is the title's year, not the year after the previous customer's August.
    @Test func eachCustomerStartsFromTheNotebooksYear() throws {
        let text = "CUADERNO DE COBRANZA 2024\n\nCLIENTE: Ferreteria La Llave\n10/01 llamé, no contesta\n20/08 visita\n\n"
            + "CLIENTE: Comercial Don Pepe\n15/01 llamé, promete pagar 200 el 20/01\n05/03 numero equivocado\n"
            + "CLIENTE: Bodega Sur\n20/12 llamé\n03/01 no contesta\n"
        let r = try NotesImporter.importData(Data(text.utf8), path: "x.txt")
        #expect(r.batch.contacts.map(\.date.iso) == ["2024-01-10", "2024-08-20", "2024-01-15", "2024-03-05", "2024-12-20", "2025-01-03"])
        #expect(r.batch.promises.first?.promisedDate?.iso == "2024-01-20")
        // A year written stands for the sections after it.
        let later = "Cliente: A\n10/05/2023 llamé\nCliente: B\n10/06/2024 llamé\nCliente: C\n12/06 llamé, promete pagar 300 el 20/06\n"
        let l = try NotesImporter.importData(Data(later.utf8), path: "y.txt")
        #expect(l.batch.contacts.map(\.date.iso) == ["2023-05-10", "2024-06-10", "2024-06-12"])
    }

    /// `lunes 4` under a 01/03/2024 entry is Monday 4 March: its own entry, not more text of the
    /// entry above. A weekday and day that fit no date within a month after the entry above stay
    /// what they were (text continuing the entry, or rejected).
    static let weekdayDayLines: [(String, [String], [String])] = [
        // previous entry + the line → dates of the entries, outcomes
        ("01/03/2024 llamé, no contesta\nlunes 4 llamé de nuevo, promete pagar el miércoles",
         ["2024-03-01", "2024-03-04"], ["no_answer", "promise_to_pay"]),
        ("07/02/2024 promete pagar el saldo el viernes\nlunes 12 no contestó", ["2024-02-07", "2024-02-12"],
         ["promise_to_pay", "no_answer"]),
        ("- 28/02/2024 llamé\n- vie. 1: no contesta", ["2024-02-28", "2024-03-01"], ["other", "no_answer"]),
        ("04/03/2024 visité el local\nlunes 4 no contesta", ["2024-03-04", "2024-03-04"], ["other", "no_answer"]),
        // Negative: no Monday the 5th near 01/03/2024 (it is a Tuesday), and `lunes 4/3` is a full date read as before.
        ("01/03/2024 llamé, no contesta\nlunes 5 llamé de nuevo", ["2024-03-01"], ["no_answer"]),
        ("01/03/2024 llamé\nlunes 4/3 no contesta", ["2024-03-01", "2024-03-04"], ["other", "no_answer"]),
    ]

    @Test(arguments: weekdayDayLines)
    func aWeekdayAndDayStartAnEntryNearTheOneAbove(_ lines: String, _ dates: [String], _ outcomes: [String]) throws {
        let r = try NotesImporter.importData(Data("CLIENTE: Taller Ruiz\n\(lines)\n".utf8), path: "x.txt", kind: .notebook)
        #expect(r.batch.contacts.map(\.date.iso) == dates)
        #expect(r.batch.contacts.map(\.outcome.rawValue) == outcomes)
    }

    @Test func aWeekdayAndDayWithoutAnEntryAboveIsNoDate() throws {
        let r = try NotesImporter.importData(Data("CLIENTE: Taller Ruiz\nlunes 4 llamé\n".utf8), path: "x.txt", kind: .notebook)
        #expect(r.batch.contacts.isEmpty)
        #expect(r.batch.rejects.map(\.code) == ["NOTES-NO-DATE"])
    }

    /// The first year written anywhere in the file, in a date heading too, dates entries above it.
    static let laterYears: [(String, [String], [String])] = [
        ("## Ferretería El Perú\n12/03 llamé, promete pagar 100 el viernes\n\n## Marzo 2024\n## Bodega Lima\n14/03 no contesta\n",
         ["2024-03-12", "2024-03-14"], []),
        ("## Inversiones 2024 C.A.\n12/03 llamé\n\n## 20/03/2025\nllamé, dice que ya transfirió\n",
         ["2025-03-12", "2025-03-20"], []),
        ("## Ferretería El Perú\n12/03 llamé\n## Bodega Lima\n14/03/2023 no contesta\n", ["2023-03-12", "2023-03-14"], []),
        // Negative: a year in a customer's name is no year of the file.
        ("## Inversiones 2024 C.A.\n12/03 llamé\n", [], ["NOTES-NO-YEAR"]),
    ]

    @Test(arguments: laterYears) func aYearWrittenLaterDatesTheEntriesAbove(_ text: String, _ dates: [String], _ rejects: [String]) throws {
        let r = try NotesImporter.importData(Data(text.utf8), path: "x.md", kind: .notebook)
        #expect(r.batch.contacts.map(\.date.iso) == dates)
        #expect(r.batch.rejects.map(\.code) == rejects)
    }
}
