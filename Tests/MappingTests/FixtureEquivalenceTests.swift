import CSVReader
import Foundation
import Receivables
import Tabular
import Testing
import XLSXReader
@testable import Mapping

/// The messy fixtures (made by `Fixtures/make_fixtures.py`) as CSV text and as an XLSX workbook
/// with real numbers, dates and merged header cells import to the same records.
struct FixtureEquivalenceTests {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return url.path
    }

    /// What a record says, without where it was read from (file, sheet and raw text differ by form).
    struct InvoiceValues: Hashable, CustomStringConvertible {
        var number: String, type: Invoice.DocumentType, issue: LocalDate?, due: LocalDate?
        var amount: Money?, paid: Money?, balance: Money?, currency: Currency?, salesperson: String?
        var customer: String?, taxID: String?, taxValid: TaxID.Validity?, phones: [String], emails: [String]
        var row: Int?
        var description: String { "\(number) \(amount?.description ?? "-") row \(row ?? 0)" }
    }

    static func invoices(_ batch: ImportBatch) -> [InvoiceValues] {
        let customers = Dictionary(uniqueKeysWithValues: batch.customers.map { ($0.id, $0) })
        return batch.invoices.map { i in
            let c = customers[i.customer]
            return InvoiceValues(number: i.number.value, type: i.type, issue: i.issueDate?.value, due: i.dueDate?.value,
                                 amount: i.amount?.value, paid: i.paid?.value, balance: i.balance?.value,
                                 currency: i.currency, salesperson: i.salesperson?.value, customer: c?.name?.value,
                                 taxID: c?.taxID?.value.normalized, taxValid: c?.taxID?.value.validity,
                                 phones: c?.phones.map(\.value) ?? [], emails: c?.emails.map(\.value) ?? [],
                                 row: i.provenance.location.row)
        }
    }

    static func summary(_ batch: ImportBatch) -> [[Int]] {
        batch.accounting.map { [$0.rowsRead, $0.imported, $0.rejected, $0.blank, $0.totalsSkipped, $0.headerRows] }
    }

    static func importCSV(_ name: String) throws -> ImportBatch {
        var csv = CSVOptions()
        csv.preambleRecords = 0  // the mapping stage finds the header below titles itself (as `consolida import` does)
        csv.keepsBlankLines = true  // empty lines are blank rows, as a workbook's rows it does not store are
        return Importer(options: ImportOptions(country: "VE", currency: "USD"))
            .importSource(try CSVFile.open(path: try fixture(name), options: csv))
    }

    static func importSheet(_ sheet: String) throws -> ImportBatch {
        let workbook = try XLSXWorkbook(path: try fixture("messy.xlsx"))
        struct OneSheet: TabularSource {
            let book: XLSXWorkbook, index: Int
            var path: String { book.path }
            var sheets: [SheetInfo] { [book.sheets[index]] }
            func rows(ofSheet i: Int) throws -> any RowStream { try book.rows(ofSheet: index) }
            func mergedRanges(ofSheet i: Int) throws -> [CellRange] { try book.mergedRanges(ofSheet: index) }
        }
        let index = try #require(workbook.sheets.firstIndex { $0.name == sheet })
        return Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(OneSheet(book: workbook, index: index))
    }

    @Test(arguments: [("facturas-ve.csv", "Facturas"), ("cartera-regional.csv", "Cartera"),
                      ("clientes-pagos.csv", "Clientes y pagos")])
    func csvAndXLSXImportAlike(_ csv: String, _ sheet: String) throws {
        let a = try Self.importCSV(csv), b = try Self.importSheet(sheet)
        #expect(Self.invoices(a) == Self.invoices(b))
        #expect(a.customers.map { $0.name?.value } == b.customers.map { $0.name?.value })
        #expect(a.customers.map { $0.taxID?.value.normalized } == b.customers.map { $0.taxID?.value.normalized })
        #expect(a.payments.map { [$0.amount.value.description, $0.date?.value.iso ?? "", $0.invoiceNumber?.value ?? ""] }
                == b.payments.map { [$0.amount.value.description, $0.date?.value.iso ?? "", $0.invoiceNumber?.value ?? ""] })
        #expect(a.rejects.map { [$0.code, String($0.location.row ?? 0)] } == b.rejects.map { [$0.code, String($0.location.row ?? 0)] })
        #expect(Self.summary(a) == Self.summary(b))
        #expect(a.accounting.allSatisfy { $0.balances } && b.accounting.allSatisfy { $0.balances })
    }

    @Test func venezuelanSheet() throws {
        let batch = try Self.importCSV("facturas-ve.csv")
        let inv = Self.invoices(batch)
        #expect(inv.map(\.number) == ["00105", "00110", "00177", "00209"])
        #expect(inv[2].currency?.code == "VES" && inv[2].amount == Money(Decimal(string: "1708.78")!, "VES"))
        #expect(inv[3].phones == ["+582415559090;ext=12"])
        #expect(inv[3].emails == ["cobros@prebo.com.ve", "admin@prebo.com.ve"])
        #expect(inv[1].taxID == "J304561237" && inv[1].taxValid == .valid)
        #expect(batch.rejects.map(\.code) == ["MAP-DATE-IMPOSSIBLE"])
        #expect(batch.accounting.first?.totalsSkipped == 1)
    }

    @Test func regionalSheetWithMergedHeaderAndSubtotals() throws {
        let batch = try Self.importSheet("Cartera")
        let inv = Self.invoices(batch)
        #expect(inv.count == 5)
        #expect(inv.map(\.taxID) == ["9002064802", "76014309K", "30711683166", "MAB9307148T4", "20512333797"])
        #expect(inv.compactMap(\.taxValid).allSatisfy { $0 == .valid || $0 == .checkDigitMismatch })
        #expect(inv[0].amount == Money(Decimal(string: "15300.50")!, "USD"))   // currency from the group header
        #expect(inv[2].issue?.iso == "2024-12-20")
        #expect(batch.accounting.first?.totalsSkipped == 3)
        let csv = try Self.importCSV("cartera-regional.csv")
        #expect(Self.invoices(csv).map { $0.issue?.iso } == inv.map { $0.issue?.iso })  // 03/05/2024 read month-first
    }

    @Test func customersAndPaymentsOnOneSheet() throws {
        let batch = try Self.importSheet("Clientes y pagos")
        #expect(batch.accounting.map(\.table) == ["Clientes", "Pagos recibidos"])
        let master = batch.customers.filter { !$0.id.rawValue.hasSuffix("/customer") }
        #expect(master.map { $0.taxID?.value.country } == ["VE", "ES", "BR"])
        #expect(master.map { $0.phones.map(\.value) } == [["+584145550123"], ["+34912345678"], ["+5511912345678"]])
        #expect(batch.payments.count == 3)
        // Each payment's payer is a customer record of its own, tied to the payment.
        #expect(batch.payments.allSatisfy { p in batch.customers.contains { $0.id == p.customer } })
        #expect(batch.payments.last?.invoiceNumber?.value == "FAC 00999")
    }
}

/// `map` then `import --mapping` on a workbook with a merged two-row header and subtotals.
struct FixtureMappingRoundTripTests {
    @Test func proposedMappingOfAWorkbookReproducesTheImport() throws {
        let workbook = try XLSXWorkbook(path: try FixtureEquivalenceTests.fixture("messy.xlsx"))
        let options = ImportOptions(country: "VE", currency: "USD")
        let automatic = Importer(options: options).importSource(workbook)
        let (proposal, _) = Importer(options: options).proposeMapping(workbook, name: "messy")
        let yaml = try proposal.yaml(comment: nil)
        #expect(yaml.contains("Importes (USD) / Pendiente"))
        let reread = try MappingFile.parse(yaml: yaml)
        #expect(reread.tables.map(\.sheet) == ["Facturas", "Cartera", "Clientes y pagos", "Clientes y pagos"])
        var mappedOptions = options
        mappedOptions.mapping = reread
        let mapped = Importer(options: mappedOptions).importSource(workbook)
        #expect(mapped.invoices == automatic.invoices)
        #expect(mapped.customers == automatic.customers)
        #expect(mapped.payments == automatic.payments)
        #expect(mapped.rejects == automatic.rejects)
        #expect(mapped.accounting == automatic.accounting)
    }
}
