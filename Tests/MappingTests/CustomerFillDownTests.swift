import CSVReader
import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A customer written once above its invoices, its cells blank below (``CustomerFillDown``).
struct CustomerFillDownTests {
    static let rows: [[String]] = [
        ["Cliente", "NIT", "Factura", "Fecha", "Monto"],
        ["Alfa SAS", "900123456-8", "FV-1", "05/01/2024", "1000"],
        ["", "", "FV-2", "06/01/2024", "500"],
        ["", "", "FV-3", "06/01/2024", "250"],
        ["Beta Ltda", "800197268-4", "FV-4", "07/01/2024", "200"],
        ["", "", "FV-5", "07/01/2024", "100"],
        ["TOTAL", "", "", "", "2050"],
        ["", "", "FV-6", "08/01/2024", "50"],      // under a totals row: no customer
        ["Gamma SA", "", "FV-7", "08/01/2024", "70"],
        [],
        ["", "", "FV-8", "09/01/2024", "80"],      // under a blank row: no customer
        ["", "", "FV-9", "09/01/2024", "90"],
    ]

    static let expected: [String: String?] = [
        "FV-1": "Alfa SAS", "FV-2": "Alfa SAS", "FV-3": "Alfa SAS", "FV-4": "Beta Ltda", "FV-5": "Beta Ltda",
        "FV-6": nil, "FV-7": "Gamma SA", "FV-8": nil, "FV-9": nil,
    ]

    /// Through a real CSV file, so rows reach the workers as bytes and plain rows are read in
    /// place; chunks of one, two, three rows cross every group boundary.
    @Test(arguments: [1, 2, 3, 100])
    func invoicesTakeTheCustomerAbove(flush: Int) throws {
        let csv = Self.rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        var csvOptions = CSVOptions()
        csvOptions.preambleRecords = 0; csvOptions.keepsBlankLines = true
        let file = try CSVFile.open(bytes: Array(csv.utf8), name: "cartera.csv", options: csvOptions)
        var options = ImportOptions(country: "CO", currency: "COP")
        options.flushRows = flush; options.windowRows = 4
        var batch = ImportBatch(), names: [String: String?] = [:]
        Importer(options: options).importSource(file, encoding: PlainRowTests.Flattened(), into: &batch) { b, encoded in
            var all = PlainRowTests.Flattened().encode(&b, plain: PlainInvoiceRows(file: "", sheet: nil)).invoices
            for e in encoded { all += e.invoices }
            // "<customer id> <number> …": the customer's name is looked up below.
            for line in all { names[String(line.split(separator: " ")[1])] = String(line.split(separator: " ")[0]) }
        }
        #expect(Set(names.keys) == Set(Self.expected.keys))
        let filled = batch.diagnostics.filter { $0.code == "MAP-CUSTOMER-FILLED-DOWN" }.compactMap(\.location?.row)
        #expect(filled == [3, 4, 6])
        let orphans = batch.diagnostics.filter { $0.code == "MAP-INVOICE-NO-CUSTOMER" }.compactMap(\.location?.row)
        #expect(orphans == [8, 11, 12])
        #expect(batch.accounting.allSatisfy { $0.balances })
    }

    /// Records, and the customers they name.
    @Test(arguments: [1, 2, 100])
    func recordsNameTheFilledCustomer(flush: Int) throws {
        var options = ImportOptions(country: "CO", currency: "COP")
        options.flushRows = flush
        let batch = Importer(options: options).importSource(MemorySource(csv: Self.rows))
        let customers = Dictionary(uniqueKeysWithValues: batch.customers.map { ($0.id, $0) })
        for invoice in batch.invoices {
            let name = customers[invoice.customer]?.name?.value
            #expect(name == Self.expected[invoice.number.value] ?? nil, "\(invoice.number.value)")
        }
        #expect(batch.invoices.count == 9)
    }

    /// A row under a customer that is rejected keeps its own cells as its raw text, not the
    /// customer filled down into it: the user finds the row as the file has it.
    @Test func aRejectedFilledRowShowsItsOwnCells() {
        let rows = [["Cliente", "NIT", "Factura", "Fecha", "Monto"], ["Alfa SAS", "900123456-8", "FV-1", "05/01/2024", "1000"],
                    ["", "", "FV-2", "06/01/2024", ""]]
        let batch = Importer(options: ImportOptions(country: "CO", currency: "COP")).importSource(MemorySource(csv: rows))
        #expect(batch.rejects.map(\.rawText) == [" |  | FV-2 | 06/01/2024"])
    }

    /// Plain rows and records agree on filled rows too.
    @Test(arguments: [1, 3, 100])
    func plainRowsAgree(flush: Int) {
        let rows = [["Cartera"]] + Self.rows
        let (plain, _) = PlainRowTests.run(rows, plainRows: true, flush: flush)
        let (records, _) = PlainRowTests.run(rows, plainRows: false, flush: flush)
        #expect(plain == records)
    }

    /// In a list where every row names its customer, the one row that does not is a mistake, not
    /// the customer above's: it stays without one, and is warned about.
    @Test func aRareRowWithoutCustomerInAFlatListIsNotFilled() throws {
        var rows = [["Cliente", "NIT", "Factura", "Fecha", "Monto"]]
        for i in 1...20 { rows.append(["Cliente \(i) SAS", "", "FV-\(i)", "05/01/2024", "\(i)00"]) }
        rows[10][0] = ""
        let batch = Importer(options: ImportOptions(country: "CO", currency: "COP")).importSource(MemorySource(csv: rows))
        #expect(!batch.diagnostics.contains { $0.code == "MAP-CUSTOMER-FILLED-DOWN" })
        #expect(batch.diagnostics.filter { $0.code == "MAP-INVOICE-NO-CUSTOMER" }.map(\.location?.row) == [11])
    }

    /// A page break inside a group (its page line and repeated header) does not end it, whatever
    /// the chunks; an unlabeled sum does.
    @Test(arguments: [1, 2, 3, 100])
    func aPageBreakInsideAGroupKeepsItsCustomer(flush: Int) throws {
        let rows: [[String]] = [
            ["Cliente", "NIT", "Factura", "Fecha", "Monto"],
            ["Alfa SAS", "900123456-8", "FV-1", "05/01/2024", "1000"],
            ["", "", "FV-2", "06/01/2024", "500"],
            ["Página 1 de 2", "", "", "", ""],
            ["Cliente", "NIT", "Factura", "Fecha", "Monto"],
            ["", "", "FV-3", "06/01/2024", "250"],
            ["", "", "", "", "1750"],
            ["", "", "FV-4", "07/01/2024", "100"],
        ]
        var options = ImportOptions(country: "CO", currency: "COP")
        options.flushRows = flush
        let batch = Importer(options: options).importSource(MemorySource(csv: rows))
        let customers = Dictionary(uniqueKeysWithValues: batch.customers.map { ($0.id, $0) })
        let names = batch.invoices.map { customers[$0.customer]?.name?.value ?? "-" }
        #expect(names == ["Alfa SAS", "Alfa SAS", "Alfa SAS", "-"])
    }
}
