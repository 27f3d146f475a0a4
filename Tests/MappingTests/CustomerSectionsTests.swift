import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// An ERP's aging report names each customer once, in a heading above its invoices; the invoices
/// under a heading are its customer's, on any chunking of the rows.
struct CustomerSectionsTests {
    static let report: [[String]] = [
        ["ANTIGÜEDAD DE SALDOS POR CLIENTE"],
        ["Emitido: 30/06/2024 10:15"],
        ["Documento", "Fecha", "Vencimiento", "Días", "Monto", "Saldo"],
        ["Cliente: J-30123456-1 ABASTO LUNA C.A.", "", "", "", "", ""],
        ["FAC-0001", "01/05/2024", "31/05/2024", "30", "1.000,00", "1.000,00"],
        ["FAC-0002", "10/05/2024", "09/06/2024", "21", "250,00", "250,00"],
        ["Total cliente", "", "", "", "1.250,00", "1.250,00"],
        ["J-40123456-9 - BODEGA SOL", "", "", "", "", ""],
        ["FAC-0003", "02/04/2024", "02/05/2024", "59", "3.000,00", "1.500,00"],
        ["NC-0001", "05/04/2024", "", "", "-500,00", "-500,00"],
        ["Cliente: DISTRIBUIDORA  EL SOL (J-30123456-0)", "", "", "", "", ""],
        ["FAC-0004", "03/04/2024", "03/05/2024", "58", "10,00", "10,00"],
        ["ANULADA", "", "", "", "", ""],
        ["FAC-0005", "04/04/2024", "04/05/2024", "57", "20,00", "20,00"],
        ["Total general", "", "", "", "3.780,00", "2.280,00"],
    ]

    static func run(_ rows: [[String]], flush: Int) -> ImportBatch {
        var options = ImportOptions(country: "VE", currency: "VES")
        options.flushRows = flush
        return Importer(options: options).importSource(MemorySource(csv: rows))
    }

    /// A report grouped by salesperson: each group's heading names the salesperson of the customers
    /// under it, and closes the customer section above it (an invoice right under it has none).
    @Test(arguments: [1, 2, 100])
    func salespersonHeadingsHeadTheirCustomers(flush: Int) throws {
        let rows: [[String]] = [
            ["Documento", "Fecha", "Vencimiento", "Días", "Monto", "Saldo"],
            ["Vendedor: 01 JUAN PÉREZ", "", "", "", "", ""],
            ["Cliente: J-30123456-1 ABASTO LUNA C.A.", "", "", "", "", ""],
            ["FAC-0001", "01/03/2024", "31/03/2024", "91", "100,00", "100,00"],
            ["Vendedor -", "", "", "", "", ""],
            ["Vendedor: 02 ANA ROJAS", "", "", "", "", ""],
            ["FAC-0002", "02/03/2024", "01/04/2024", "90", "200,00", "200,00"],
            ["Cliente: J-40123456-9 BODEGA SOL", "", "", "", "", ""],
            ["FAC-0003", "03/03/2024", "02/04/2024", "89", "300,00", "300,00"],
        ]
        let batch = Self.run(rows, flush: flush)
        #expect(batch.invoices.map(\.number.value) == ["FAC-0001", "FAC-0002", "FAC-0003"])
        #expect(batch.customers.map { $0.salesperson?.value } == ["01 JUAN PÉREZ", "02 ANA ROJAS", "02 ANA ROJAS"])
        #expect(batch.customers.map { $0.name?.value } == ["ABASTO LUNA C.A.", nil, "BODEGA SOL"])
        #expect(batch.diagnostics.filter { $0.code == "MAP-SALESPERSON-SECTION" }.map { $0.location?.row } == [2, 6])
        // A label with no name heads nothing: a row without amounts, rejected.
        #expect(batch.rejects.map(\.location.row) == [5])
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    @Test(arguments: [1, 2, 3, 5, 100])
    func invoicesTakeTheirHeadingsCustomer(flush: Int) throws {
        let batch = Self.run(Self.report, flush: flush)
        #expect(batch.invoices.map(\.number.value) == ["FAC-0001", "FAC-0002", "FAC-0003", "NC-0001", "FAC-0004", "FAC-0005"])
        #expect(batch.customers.map { $0.name?.value } == ["ABASTO LUNA C.A.", "ABASTO LUNA C.A.", "BODEGA SOL", "BODEGA SOL",
                                                          "DISTRIBUIDORA EL SOL", "DISTRIBUIDORA EL SOL"])
        #expect(batch.customers.map { $0.taxID?.value.normalized } == ["J301234561", "J301234561", "J401234569", "J401234569",
                                                                      "J301234560", "J301234560"])
        // Each value's provenance is the heading's cell.
        let name = try #require(batch.customers[2].name?.provenance?.location)
        #expect(name.row == 8 && name.column == 1)
        // `ANULADA` alone is no heading: a row without a document amount, rejected with its reason.
        #expect(batch.rejects.map(\.location.row) == [13])
        let accounting = try #require(batch.accounting.first)
        #expect(accounting.headerRows == 3 + 3 && accounting.totalsSkipped == 2 && accounting.imported == 6)
        #expect(accounting.balances)
        let headings = batch.diagnostics.filter { $0.code == "MAP-CUSTOMER-SECTION" }
        #expect(headings.map { $0.location?.row } == [4, 8, 11])
        // The third heading's RIF fails its check digit: said once, at the heading.
        #expect(batch.diagnostics.filter { $0.code == "MAP-TAXID-CHECK-DIGIT" }.map { $0.location?.row } == [11])
        #expect(!batch.diagnostics.contains { $0.code == "MAP-INVOICE-NO-CUSTOMER" })
    }

    @Test(arguments: [
        ("Cliente: J-30123456-1 ABASTO LUNA C.A.", "ABASTO LUNA C.A.", "J301234561"),
        ("RIF: J-30123456-1", nil, "J301234561"),
        ("Razón social: Ferretería Ñandú", "Ferretería Ñandú", nil),
        ("(J-30123456-1) ABASTO", "ABASTO", "J301234561"),
        // The tax ID's own label is no part of the name.
        ("Cliente: ABASTO LUNA C.A. - RIF J-30123456-1", "ABASTO LUNA C.A.", "J301234561"),
        ("Cliente: ABASTO LUNA C.A. RIF: J-30123456-1", "ABASTO LUNA C.A.", "J301234561"),
        ("ABASTO LUNA C.A. (RIF J-30123456-1)", "ABASTO LUNA C.A.", "J301234561"),
        // A company's legal form needs no label.
        ("Alfa SAS", "Alfa SAS", nil),
        ("Comercial del Norte S.A. de C.V.", "Comercial del Norte S.A. de C.V.", nil),
    ] as [(String, String?, String?)])
    func headings(_ text: String, _ name: String?, _ taxID: String?) throws {
        let sections = CustomerSections(country: "VE", textColumns: [], valueColumns: [])
        let h = try #require(sections.heading(Row(number: 1, cells: [.text(text), .empty]), parsed: ParseMemo()))
        #expect(h.name == name && h.taxID?.normalized == taxID)
    }

    /// After a tax ID's own label the value is the tax ID, its check digit left out or not: it was
    /// taken for the customer's name, and the name above it lost.
    @Test func aLabelledTaxIDWithoutItsCheckDigitIsATaxID() throws {
        let sections = CustomerSections(country: "CO", textColumns: [], valueColumns: [])
        let h = try #require(sections.heading(Row(number: 1, cells: [.text("NIT: 900123456"), .empty]), parsed: ParseMemo()))
        #expect(h.name == nil && h.taxID?.normalized.hasPrefix("900123456") == true)
    }

    @Test(arguments: ["ANULADA", "FAC-0009", "Observaciones del cliente", "12345", "30123456", "J-30123456-0 Acme", "María Pérez", "SA"])
    func noHeadings(_ text: String) {
        let sections = CustomerSections(country: "VE", textColumns: [3], valueColumns: [4])
        #expect(sections.heading(Row(number: 1, cells: [.text(text)]), parsed: ParseMemo()) == nil)
        // Nor is a row of two cells, nor a cell in a free-text column (notes), nor, without its
        // label, a tax ID in an amount or date column.
        #expect(sections.heading(Row(number: 1, cells: [.text("Cliente: Acme"), .text("10")]), parsed: ParseMemo()) == nil)
        #expect(sections.heading(Row(number: 1, cells: [.empty, .empty, .text("Cliente: Acme")]), parsed: ParseMemo()) == nil)
        #expect(sections.heading(Row(number: 1, cells: [.empty, .empty, .empty, .text("J-30123456-1")]), parsed: ParseMemo()) == nil)
        #expect(sections.heading(Row(number: 1, cells: [.empty, .empty, .empty, .text("Cliente: Acme")]), parsed: ParseMemo()) != nil)
        #expect(sections.heading(Row(number: 1, cells: [.empty, .text("Cliente: Acme")]), parsed: ParseMemo()) != nil)
    }

    /// A heading spread over cells (Aspel, Contpaqi): the label, the customer's code, its name.
    @Test func aHeadingSpreadOverCells() throws {
        let sections = CustomerSections(country: "MX", textColumns: [], valueColumns: [])
        let h = try #require(sections.heading(Row(number: 1, cells: [.text("Cliente:"), .text("00012"),
                                                                     .text("REFACCIONARIA LÓPEZ SA DE CV")]), parsed: ParseMemo()))
        #expect(h.name == "REFACCIONARIA LÓPEZ SA DE CV" && h.column == 1)
        // A name may start with a number.
        let seven = try #require(sections.heading(Row(number: 1, cells: [.text("Cliente: 7 Eleven")]), parsed: ParseMemo()))
        #expect(seven.name == "7 Eleven")
    }

    /// A heading spread over cells with no label (CONTPAQi, Aspel, Profit: code, name, `RFC:`, RFC)
    /// heads its section, its code left out; the series and type columns still read as such
    /// (QA session 22: the headings were rejected, every invoice lost its customer, and a credit
    /// note counted as debt).
    @Test(arguments: [1, 3, 100])
    func anUnlabelledHeadingSpreadOverCells(flush: Int) throws {
        let rows = [["Antigüedad de Saldos de Clientes"],
                    ["Concepto", "Serie", "Folio", "Fecha", "Vencimiento", "Importe", "Saldo"],
                    ["CL0001", "ABARROTES LA PROVIDENCIA SA DE CV", "", "RFC:", "APR0102031AA", "", ""],
                    ["Factura", "A", "5019", "09/02/2024", "10/03/2024", "$13,694.53", "$3,423.63"],
                    ["Factura", "A", "5038", "11/06/2024", "11/07/2024", "$58,123.56", "$14,530.89"],
                    ["Total Cliente:", "", "", "", "", "", "$17,954.52"],
                    ["CL0002", "FERRETERA DEL NORTE S DE RL DE CV", "", "RFC:", "FNO150607KJ0", "", ""],
                    ["Factura", "A", "5065", "27/02/2024", "28/03/2024", "$38,632.08", "$19,316.04"],
                    ["Nota de Crédito", "NC", "101", "18/06/2024", "18/06/2024", "$2,320.31", "$2,320.31"],
                    ["Total Cliente:", "", "", "", "", "", "$16,995.73"]]
        var options = ImportOptions(country: "MX", currency: "MXN")
        options.flushRows = flush
        let batch = Importer(options: options).importSource(MemorySource(csv: rows))
        let names = Dictionary(uniqueKeysWithValues: batch.customers.map { ($0.id, $0.name?.value ?? "") })
        #expect(batch.invoices.map(\.number.value) == ["A-5019", "A-5038", "A-5065", "NC-101"])
        #expect(batch.invoices.map(\.type) == [.invoice, .invoice, .invoice, .creditNote])
        #expect(batch.invoices.map { names[$0.customer] ?? "" } == ["ABARROTES LA PROVIDENCIA SA DE CV", "ABARROTES LA PROVIDENCIA SA DE CV",
                                                                    "FERRETERA DEL NORTE S DE RL DE CV", "FERRETERA DEL NORTE S DE RL DE CV"])
        #expect(batch.rejects.isEmpty && batch.accounting.allSatisfy { $0.balances })
    }

    /// An ERP writes its headings in the first column, whatever that column holds below (here the
    /// date); a customer code after the label is no tax ID.
    @Test func headingsInTheDateColumnAndCustomerCodes() {
        let rows = [["Fecha", "Factura", "Vence", "Monto", "Saldo"],
                    ["Cliente: COMERCIAL ACME C.A. J-30123456-1", "", "", "", ""],
                    ["01/06/2024", "FAC-0101", "01/07/2024", "1.000,00", "1.000,00"],
                    ["Cliente: 001234 BODEGA SOL", "", "", "", ""],
                    ["02/06/2024", "FAC-0102", "02/07/2024", "500,00", "500,00"]]
        let batch = Self.run(rows, flush: 100)
        // The customer code is no part of the name.
        #expect(batch.customers.map { $0.name?.value } == ["COMERCIAL ACME C.A.", "BODEGA SOL"])
        #expect(batch.customers.map { $0.taxID?.value.normalized } == ["J301234561", nil])
        #expect(batch.rejects.isEmpty)
    }

    /// A note in the notes column and a stray total in the amount column stay rows (the note
    /// rejected, the total left out as a totals row, which closes the customer's section as
    /// `Total cliente` does).
    @Test func strayCellsInValueColumnsAreNoHeadings() {
        let rows = [["Documento", "Fecha", "Monto", "Observaciones"],
                    ["Cliente: J-30123456-1 ABASTO LUNA C.A.", "", "", ""],
                    ["F-1", "01/05/2024", "10,00", ""],
                    ["", "", "", "Cliente pagó en efectivo el resto"],
                    ["", "", "1734560", ""],
                    ["F-2", "01/05/2024", "20,00", ""]]
        let batch = Self.run(rows, flush: 100)
        #expect(batch.customers.map { $0.name?.value } == ["ABASTO LUNA C.A.", nil])
        #expect(batch.rejects.map(\.location.row) == [4])
        #expect(batch.accounting.first?.totalsSkipped == 1)
    }

    /// A printed report repeats its title lines at each page break: the seller's own name (ending
    /// in its legal form) is no customer heading there, and the invoices after the break stay with
    /// the customer above; a `Total cliente` row closes the customer's section.
    @Test(arguments: [1, 2, 100])
    func pageBreaksRepeatTitlesAndTotalsCloseSections(flush: Int) {
        let rows = [["DISTRIBUIDORA FERRECENTRO C.A."], ["Reporte de cuentas por cobrar al 30/06/2024"],
                    ["Documento", "Fecha", "Vence", "Monto", "Saldo"],
                    ["Cliente: J-30123456-1 ABASTO LUNA C.A."],
                    ["FAC-001", "01/03/2024", "31/03/2024", "1.000,00", "1.000,00"],
                    ["DISTRIBUIDORA FERRECENTRO C.A."], ["Reporte de cuentas por cobrar al 30/06/2024"], ["Página 2"],
                    ["Documento", "Fecha", "Vence", "Monto", "Saldo"],
                    ["FAC-002", "02/03/2024", "01/04/2024", "300,00", "300,00"],
                    ["Total cliente", "", "", "1.300,00", "1.300,00"],
                    ["Juan Pérez"],
                    ["FAC-003", "03/03/2024", "02/04/2024", "200,00", "200,00"]]
        let batch = Self.run(rows, flush: flush)
        #expect(batch.customers.map { $0.name?.value } == ["ABASTO LUNA C.A.", "ABASTO LUNA C.A.", nil])
        #expect(batch.rejects.map(\.location.row) == [12])  // `Juan Pérez`: no heading without a label
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// A table with customer columns has no headings: a lone `Cliente: …` cell there stays a row.
    @Test func tablesWithCustomerColumnsHaveNone() {
        let rows = [["Cliente", "Factura", "Monto"], ["Acme", "F-1", "10,00"], ["Cliente: Beta", "", ""], ["Gama", "F-2", "5,00"]]
        let batch = Self.run(rows, flush: 100)
        #expect(batch.customers.map { $0.name?.value } == ["Acme", "Gama"])
        #expect(batch.rejects.count == 1)
    }
}

/// An invoice whose row names no customer is imported with a warning, on both paths.
struct InvoiceWithoutCustomerTests {
    @Test func isImportedAndSaid() {
        // F1 has no customer above it to take (``CustomerFillDown``); F3 takes Ana's.
        let rows = [["Factura", "Cliente", "Monto"], ["F1", "", "10"], ["F2", "Ana", "20"], ["F3", "", "30"], ["F4", "Luis", ""]]
        let (plain, plainCount) = PlainRowTests.run(rows, plainRows: true)
        let records = PlainRowTests.run(rows, plainRows: false).0
        #expect(plain == records)
        #expect(plainCount == 3)
        #expect(records.invoices.count == 3 && records.rejects.count == 1)
        // Said for F1; F4 is rejected (no amount), and says only that.
        #expect(records.diagnostics.filter { $0.code == "MAP-INVOICE-NO-CUSTOMER" }.map { $0.location?.row } == [2])
        #expect(records.diagnostics.filter { $0.code == "MAP-CUSTOMER-FILLED-DOWN" }.map { $0.location?.row } == [4])
    }
}
