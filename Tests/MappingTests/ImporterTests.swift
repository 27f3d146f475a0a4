import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

struct ImporterTests {
    /// A messy receivables sheet: titles, a blank row, Spanish headers, mixed conventions, a bad
    /// date, a totals row, a repeated header, a note line and an extra column.
    static let messy: [[String]] = [
        ["Cartera de clientes - Vendedora Ana"],                                                   // 1 title
        ["Fecha de corte:", "30/06/2024"],                                                         // 2 note
        [],                                                                                        // 3 blank
        ["Cliente", "R.I.F.", "Nº Factura", "Emisión", "Vence", "Monto", "Abonado", "Saldo", "Teléfono", "Correo", "Zona"], // 4
        ["Ferretería El Tornillo C.A.", "J-30123456-1", "00105", "15/01/2024", "14/02/2024", "Bs. 1.200,00", "350,00", "850,00",
         "(0414) 555-0123", "ElTornillo@Gmail.com", "Norte"],                                     // 5
        ["Tornillería Industrial Carabobo C.A.", "J-30456123-7", "00110", "20/01/2024", "19/02/2024", "$ 2.500", "0", "2.500",
         "0241-555.12.34 / 0414-5551111", "", "Sur"],                                             // 6
        [],                                                                                        // 7 blank
        ["Cliente", "R.I.F.", "Nº Factura", "Emisión", "Vence", "Monto", "Abonado", "Saldo", "Teléfono", "Correo", "Zona"], // 8 repeat
        ["Materiales La Candelaria", "J-29876543-0", "00120", "31/02/2024", "01/03/2024", "100,00", "0", "100,00", "", "", ""], // 9 bad date
        ["Sin número", "J-30123456-1", "", "01/03/2024", "", "5,00", "", "5,00", "", "", ""],      // 10 no doc
        ["TOTAL", "", "", "", "", "3.805,00", "350,00", "3.455,00", "", "", ""],                    // 11 totals
    ]

    static func importMessy(country: String = "VE") -> ImportBatch {
        let source = MemorySource(path: "ventas-ana.csv", csv: messy)
        return Importer(options: ImportOptions(country: country, currency: "USD")).importSource(source)
    }

    @Test func recordsFromAMessySheet() throws {
        let batch = Self.importMessy()
        #expect(batch.invoices.count == 2)
        #expect(batch.customers.count == 2)
        let inv = try #require(batch.invoices.first)
        #expect(inv.number.value == "00105")
        #expect(inv.id.rawValue == "ventas-ana.csv#5")
        #expect(inv.customer.rawValue == "ventas-ana.csv#5/customer")
        #expect(inv.issueDate?.value.iso == "2024-01-15")
        #expect(inv.amount?.value == Money(1200, "VES"))          // the cell names Bs.
        #expect(inv.balance?.value == Money(850, "USD"))          // configuration currency
        #expect(inv.extra == ["Zona": "Norte"])
        #expect(inv.amount?.provenance?.location.column == 6)
        #expect(inv.amount?.provenance?.rawText == "Bs. 1.200,00")
        let c = try #require(batch.customers.first)
        #expect(c.name?.value == "Ferretería El Tornillo C.A.")
        #expect(c.taxID?.value.normalized == "J301234561" && c.taxID?.value.isValid == true)
        #expect(c.phones.map(\.value) == ["+584145550123"])
        #expect(c.emails.map(\.value) == ["eltornillo@gmail.com"])
        #expect(c.country == "VE")
        // `$ 2.500` is 2500: the column's `1.200,00` proves the comma is decimal. `$` is USD in VE.
        #expect(batch.invoices[1].amount?.value == Money(2500, "USD"))
        #expect(batch.customers[1].phones.map(\.value) == ["+582415551234", "+584145551111"])
    }

    @Test func everyRowAccountedFor() throws {
        let batch = Self.importMessy()
        let acc = try #require(batch.accounting.first)
        #expect(batch.accounting.count == 1)
        #expect(acc.rowsRead == 11)
        #expect(acc.imported == 2)
        #expect(acc.rejected == 2)
        #expect(acc.blank == 2)
        #expect(acc.totalsSkipped == 1)
        #expect(acc.headerRows == 4)  // title, note, header, repeated header
        #expect(acc.balances)
    }

    @Test func rejectsCarryCellAndRawText() throws {
        let batch = Self.importMessy()
        let badDate = try #require(batch.rejects.first { $0.code == "MAP-DATE-IMPOSSIBLE" })
        #expect(badDate.location.row == 9 && badDate.location.column == 4)
        #expect(badDate.rawText.hasPrefix("Materiales La Candelaria | J-29876543-0 | 00120 | 31/02/2024"))
        #expect(badDate.reason.contains("Emisión"))
        let noDoc = try #require(batch.rejects.first { $0.code == "MAP-NO-DOCUMENT" })
        #expect(noDoc.location.row == 10)
        #expect(batch.diagnostics.contains { $0.code == "MAP-TOTALS-ROW" && $0.location?.row == 11 })
        #expect(batch.diagnostics.contains { $0.code == "MAP-REPEATED-HEADER" && $0.location?.row == 8 })
    }

    @Test func invalidTaxIDKeptWithWarning() {
        let source = MemorySource(csv: [["Cliente", "RIF", "Factura", "Saldo"], ["Candelaria", "J-29876543-0", "F1", "10"]])
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(source)
        #expect(batch.customers.first?.taxID?.value.validity == .checkDigitMismatch)
        #expect(batch.diagnostics.contains { $0.code == "MAP-TAXID-CHECK-DIGIT" })
    }

    @Test func customerMasterAndPayments() {
        let source = MemorySource(sheets: [
            .init(name: "Clientes", rows: ArrayRowStream.rows([
                ["Razón social", "RIF", "Teléfono", "Email", "Ciudad"],
                ["Acme C.A.", "J-30123456-1", "0212-5551234", "a@acme.com; cobros@acme.com", "Valencia"],
            ], line: false)),
            .init(name: "Banco", rows: ArrayRowStream.rows([
                ["Fecha", "Referencia", "RIF ordenante", "Monto", "Moneda", "Factura"],
                ["2024-02-09", "786425", "J301234561", "1875.00", "USD", "00102"],
                ["2024-02-13", "157526", "V112233446", "75444.37", "VES", ""],
            ], line: false)),
        ])
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(source)
        // The master's customer, then one payer record per payment row that names its payer.
        #expect(batch.customers.map(\.id.rawValue) == ["test.xlsx#Clientes!2", "test.xlsx#Banco!2/customer", "test.xlsx#Banco!3/customer"])
        #expect(batch.payments.map(\.customer?.rawValue) == ["test.xlsx#Banco!2/customer", "test.xlsx#Banco!3/customer"])
        #expect(batch.customers[1].taxID?.value.normalized == "J301234561")
        #expect(batch.customers[0].emails.map(\.value) == ["a@acme.com", "cobros@acme.com"])
        #expect(batch.payments.count == 2)
        #expect(batch.payments[0].amount.value == Money(Decimal(string: "1875.00")!, "USD"))
        #expect(batch.payments[0].invoiceNumber?.value == "00102")
        #expect(batch.payments[0].reference?.value == "786425")
        #expect(batch.payments[0].date?.value.iso == "2024-02-09")
        #expect(batch.payments[1].amount.value.currency == "VES")
        #expect(batch.payments[0].extra["customer_tax_id"] == "J301234561")
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    @Test func numericAndDateCellsFromWorkbooks() throws {
        let d = LocalDate(year: 2024, month: 1, day: 15)!
        let rows = [
            Row(number: 1, cells: [.text("Cliente"), .text("Factura"), .text("Fecha"), .text("Vence"), .text("Total")]),
            Row(number: 2, cells: [.text("Acme"), .number(123), .date(d), .number(45366), .number(1234.56)]),
        ]
        let batch = Importer().importSource(MemorySource(sheets: [.init(name: "Hoja1", rows: rows)]))
        let inv = try #require(batch.invoices.first)
        #expect(inv.number.value == "123")
        #expect(inv.issueDate?.value == d)
        #expect(inv.dueDate?.value.iso == "2024-03-15")
        #expect(inv.amount?.value.amount == Decimal(string: "1234.56"))
    }

    @Test func sheetWithoutHeaderRejectsEveryRow() {
        let batch = Importer().importSource(MemorySource(csv: [["a", "b"], [], ["1", "2"]]))
        #expect(batch.rejects.count == 2)
        #expect(batch.accounting.first?.blank == 1)
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    @Test func severalTablesAccountedSeparately() {
        let rows = ArrayRowStream.rows([
            ["Facturas pendientes"],
            ["Cliente", "Factura", "Fecha", "Saldo"],
            ["Acme", "F-1", "01/02/2024", "10"],
            [],
            ["Pagos recibidos"],
            ["Fecha de pago", "Cliente", "Referencia", "Monto"],
            ["03/02/2024", "Acme", "REF-9", "5"],
            ["Total", "", "", "5"],
        ])
        let batch = Importer().importSource(MemorySource(sheets: [.init(name: "Resumen", rows: rows)]))
        #expect(batch.accounting.map(\.table) == ["Facturas pendientes", "Pagos recibidos"])
        #expect(batch.accounting.map(\.rowsRead) == [3, 5])
        #expect(batch.accounting.allSatisfy { $0.balances })
        #expect(batch.invoices.count == 1 && batch.payments.count == 1)
        #expect(batch.accounting[1].totalsSkipped == 1)
    }
}

struct HiddenSheetTests {
    @Test func hiddenSheetWithoutTableIsSkippedNotRejected() {
        struct Hidden: TabularSource {
            var path = "libro.xlsx"
            var sheets: [SheetInfo] { [SheetInfo(name: "Tasas", index: 0, visibility: .hidden)] }
            func rows(ofSheet index: Int) throws -> any RowStream {
                ArrayRowStream(ArrayRowStream.rows([["Fecha", "Tasa BCV"], ["2024-01-02", "36,1"]]))
            }
        }
        let batch = Importer().importSource(Hidden())
        #expect(batch.rejects.isEmpty)
        #expect(batch.accounting.first?.otherSkipped == 2)
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// A hidden sheet holding a table is imported, nothing dropped, with a warning naming the sheet.
    @Test func hiddenSheetWithTableIsImportedAndReported() {
        struct Hidden: TabularSource {
            var path = "libro.xlsx"
            var sheets: [SheetInfo] {
                [SheetInfo(name: "Cartera", index: 0), SheetInfo(name: "Vieja", index: 1, visibility: .veryHidden)]
            }
            func rows(ofSheet index: Int) throws -> any RowStream {
                ArrayRowStream(ArrayRowStream.rows([["Cliente", "Nº Factura", "Monto"], ["Acme", "F-\(index)", "10,00"]]))
            }
        }
        let batch = Importer().importSource(Hidden())
        #expect(batch.invoices.map(\.number.value) == ["F-0", "F-1"])
        let warnings = batch.diagnostics.filter { $0.code == "MAP-HIDDEN-SHEET-IMPORTED" }
        #expect(warnings.count == 1 && warnings.first?.location?.sheet == "Vieja")
        #expect(warnings.first?.message.contains("very hidden") == true)
    }
}

struct SourceLabelTests {
    /// The configuration's label names the source (in every record and value); the mapping's
    /// label serves when the configuration gives none; the mapping's priority wins.
    @Test func labelFromTheConfigurationPriorityFromTheMapping() throws {
        let source = MemorySource(csv: [["Cliente", "Factura", "Saldo"], ["Acme", "F1", "10"]])
        let batch = Importer(options: ImportOptions(sourceLabel: "ERP", sourcePriority: 3)).importSource(source)
        #expect(batch.invoices.first?.provenance.sourceLabel == "ERP" && batch.invoices.first?.sourcePriority == 3)
        #expect(batch.invoices.first?.balance?.provenance?.sourceLabel == "ERP")
        #expect(batch.customers.first?.name?.provenance?.sourceLabel == "ERP")
        #expect(batch.customers.first?.sourcePriority == 3)
        let mapping = MappingFile(sourceLabel: "Ana", sourcePriority: 2)
        let mapped = Importer(options: ImportOptions(mapping: mapping, sourceLabel: "ERP", sourcePriority: 3)).importSource(source)
        #expect(mapped.invoices.first?.provenance.sourceLabel == "ERP" && mapped.invoices.first?.sourcePriority == 2)
        let mappingOnly = Importer(options: ImportOptions(mapping: mapping)).importSource(source)
        #expect(mappingOnly.invoices.first?.balance?.provenance?.sourceLabel == "Ana")
    }
}

/// A workbook's number format showing a currency (`"Bs." #,##0.00`) names the cell's currency, as a
/// mark written in a CSV cell does; a mark that names no currency leaves the usual order.
struct FormatCurrencyTests {
    @Test func aCellsFormatNamesItsCurrency() {
        var rows = ArrayRowStream.rows([["Factura", "Cliente", "Monto", "Saldo"]])
        rows.append(Row(number: 2, cells: [.text("F-1"), .text("Acme"), .number(1234.5), .number(1000)],
                        currencies: [3: "Bs.", 4: "Bs."]))
        rows.append(Row(number: 3, cells: [.text("F-2"), .text("Beta"), .number(12), .number(12)], currencies: [3: "[$x]"]))
        rows.append(Row(number: 4, cells: [.text("F-3"), .text("Gama"), .number(5), .number(5)]))
        let source = MemorySource(path: "cartera.xlsx", sheets: [.init(name: "Hoja1", rows: rows)])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(source)
        #expect(batch.invoices.map { $0.amount?.value.currency?.code } == ["VES", "USD", "USD"])
        #expect(batch.invoices.map { $0.currency?.code } == ["VES", "USD", "USD"])
    }

    /// The row's currency cell beats the template's format (`USD` beside a cell formatted
    /// `"Bs." #,##0.00`, copied down from a bolívar row); a mark typed in the cell is its own.
    @Test func theRowsCurrencyBeatsTheFormats() {
        var rows = ArrayRowStream.rows([["Factura", "Moneda", "Cliente", "Monto"]])
        rows.append(Row(number: 2, cells: [.text("F-1"), .text("USD"), .text("Acme"), .number(1000)], currencies: [4: "Bs."]))
        rows.append(Row(number: 3, cells: [.text("F-2"), .empty, .text("Beta"), .number(1000)], currencies: [4: "Bs."]))
        let source = MemorySource(path: "cartera.xlsx", sheets: [.init(name: "Hoja1", rows: rows)])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "EUR")).importSource(source)
        #expect(batch.invoices.map { $0.amount?.value.currency?.code } == ["USD", "VES"])
    }
}

/// A number a zero-padding format shows padded (`00102`, a cédula `01234567`) is read as shown.
struct ShownTextTests {
    @Test func paddedNumbersAreReadAsShown() {
        var rows = ArrayRowStream.rows([["Factura", "Cliente", "RIF", "Monto"]])
        rows.append(Row(number: 2, cells: [.number(102), .text("Acme"), .number(1234567), .number(10)],
                        shown: [1: "00102", 3: "V01234567"]))
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(
            MemorySource(path: "cartera.xlsx", sheets: [.init(name: "Hoja1", rows: rows)]))
        #expect(batch.invoices.first?.number.value == "00102")
        // The letter shown is written: the check digit it calls for is computed (V-01234567-0).
        #expect(batch.customers.first?.taxID?.value.normalized == "V012345670")
    }
}

/// A phone's country: the row's country column, else the country a valid tax ID proves, else the
/// configured one; a tax ID only guessed from a bare number's shape never beats the configuration.
struct PhoneCountryTests {
    @Test func provenTaxIDsAndCountryColumnsWin() {
        let rows: [[String]] = [["Cliente", "NIT/RIF", "Teléfono", "País"],
                                        ["Comercial Acme C.A.", "J-30123456-1", "0412-5551234", ""],
                                        ["Ferretería Andina", "", "310 555 1234", ""],
                                        ["Bodega Sol", "", "0414-5551234", "VE"]]
        let batch = Importer(options: ImportOptions(country: "CO", currency: "COP")).importSource(MemorySource(csv: rows))
        #expect(batch.customers.map { $0.phones.map(\.value) } == [["+584125551234"], ["+573105551234"], ["+584145551234"]])
    }
}
