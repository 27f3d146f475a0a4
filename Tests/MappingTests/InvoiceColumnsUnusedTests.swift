import Tabular
import Testing
@testable import Mapping

/// A table read as customers (no document-number column) whose amounts and dates would be dropped
/// says so once, in the import and in `consolida map` alike.
struct InvoiceColumnsUnusedTests {
    static let code = "MAP-INVOICE-COLUMNS-UNUSED"

    static func importer() -> Importer { Importer(options: ImportOptions(country: "VE", currency: "USD")) }

    /// A customer-level aging summary has balances but no documents: said plainly, since no
    /// document-number column will ever be found in it.
    @Test func customerBalanceSummaryIsSaidNotImported() throws {
        let source = MemorySource(path: "resumen.csv", csv: [
            ["Código", "Cliente", "RIF", "Saldo", "Por vencer", "1-30", "31-60"],
            ["C001", "Abasto Luna", "J-30123456-1", "1.250,50", "", "1.250,50", ""],
        ])
        let batch = Self.importer().importSource(source)
        let d = try #require(batch.diagnostics.first { $0.code == "MAP-INVOICE-COLUMNS-UNUSED" })
        #expect(d.message.contains("balances were NOT imported"), "\(d.message)")
        #expect(batch.invoices.isEmpty)
    }

    /// Documents with dates whose amounts no parser reads: the table is read as customers, and
    /// that is said (`consolida map` too); a customer list with a person's `Documento` is not.
    @Test func documentsWhoseAmountsDoNotReadAreSaid() throws {
        let source = MemorySource(path: "facturas.csv", csv: [
            ["Cliente", "Factura", "Fecha", "Total"],
            ["Ferretería Jalisco", "A-101", "15/03/2024", "mil pesos"],
            ["Abarrotes Don Pepe", "A-102", "16/03/2024", "diez mil"],
        ])
        let batch = Self.importer().importSource(source)
        let d = try #require(batch.diagnostics.first { $0.code == "MAP-DOCUMENTS-WITHOUT-AMOUNTS" })
        #expect(d.message.contains("\"Factura\"") && d.message.contains("\"Total\""), "\(d.message)")
        #expect(Self.importer().analyze(source).diagnostics.contains { $0.code == "MAP-DOCUMENTS-WITHOUT-AMOUNTS" })
        let people = Self.importer().importSource(MemorySource(path: "clientes.csv", csv: [
            ["Nombre", "Documento", "Teléfono"], ["Ana Pérez", "V-12345678", "0412-5551234"]]))
        #expect(!people.diagnostics.contains { $0.code == "MAP-DOCUMENTS-WITHOUT-AMOUNTS" })
    }

    @Test func customerTableWithInvoiceColumnsWarnsOnce() throws {
        let source = MemorySource(path: "saldos.csv", csv: [
            // (A `Referencia` column there would be the documents' numbers: InvoiceListShapesTests.)
            ["Cliente", "RIF", "Centro de Costo", "Fecha", "Vence", "Monto Bs.", "Saldo"],
            ["Abasto Luna", "J-30123456-1", "X-1", "05/03/2024", "04/04/2024", "1.000,00", "500,00"],
            ["Bodega Sol", "J-40123456-9", "X-2", "06/03/2024", "05/04/2024", "2.000,00", "0,00"],
        ])
        let batch = Self.importer().importSource(source)
        #expect(batch.customers.count == 2 && batch.invoices.isEmpty)
        let found = batch.diagnostics.filter { $0.code == Self.code }
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.severity == .warning)
        #expect(d.location?.row == 1)
        for name in ["\"Fecha\" (issue_date)", "\"Vence\" (due_date)", "\"Monto Bs.\" (amount)", "\"Saldo\" (balance)",
                     "no document-number column", "mapping file"] {
            #expect(d.message.contains(name), "\(name) missing from: \(d.message)")
        }
        // The map command raises the same diagnostic from the same table.
        let (_, analyzed) = Self.importer().analyze(source)
        #expect(analyzed.filter { $0.code == Self.code }.map(\.message) == [d.message])
    }

    @Test(arguments: [
        // A customer master: nothing of an invoice to lose.
        [["Cliente", "RIF", "Teléfono"], ["Abasto Luna", "J-30123456-1", "0412-5551234"]],
        // An invoice list: its amounts and dates are imported.
        [["Cliente", "Nº Factura", "Fecha", "Monto", "Saldo"], ["Abasto Luna", "F-1", "05/03/2024", "10,00", "5,00"]],
    ])
    func otherTablesDoNotWarn(_ rows: [[String]]) {
        let source = MemorySource(csv: rows)
        #expect(!Self.importer().importSource(source).diagnostics.contains { $0.code == Self.code })
        #expect(!Self.importer().analyze(source).diagnostics.contains { $0.code == Self.code })
    }

    /// A mapping file that reads an invoice list as customers on purpose is not second-guessed.
    @Test func customersChosenByAMappingFileDoNotWarn() throws {
        let mapping = try MappingFile.parse(yaml: "version: 1\ntables:\n  - kind: customers\n    columns:\n"
            + "      customer_name: Cliente\n      document_number: Factura\n      amount: Monto\n")
        let source = MemorySource(csv: [["Cliente", "Factura", "Monto"], ["Abasto Luna", "F-1", "10,00"]])
        let batch = Importer(options: ImportOptions(mapping: mapping, country: "VE")).importSource(source)
        #expect(batch.customers.count == 1)
        #expect(!batch.diagnostics.contains { $0.code == Self.code })
    }
}
