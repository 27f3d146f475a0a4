import Foundation
import Receivables
import Tabular
import Testing
import XLSXReader
@testable import Mapping

/// A column someone hid is often the stale copy (`Saldo` hidden beside `Saldo actualizado`): of two
/// columns that could take one field the visible one does, and a hidden column read at all is said.
struct HiddenColumnTests {
    /// The QA workbook `oculta.xlsx`: column F, `Saldo`, is hidden.
    static let cartera: [[String]] = [
        ["Cliente", "RIF", "Factura", "Fecha", "Monto", "Saldo", "Saldo actualizado"],
        ["Alfa C.A.", "J-31000001-8", "H-1", "02/05/2024", "1000", "1000", "300"],
        ["Beta C.A.", "J-31000002-6", "H-2", "03/05/2024", "2000", "2000", "0"],
    ]

    static let options = ImportOptions(country: "VE", currency: "USD")

    static func source(hidden: [ClosedRange<Int>], rows: [[String]] = cartera) -> MemorySource {
        MemorySource(path: "oculta.xlsx", sheets: [.init(name: "Cartera", rows: ArrayRowStream.rows(rows, line: false), hiddenColumns: hidden)])
    }

    static func hiddenMapped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code == "MAP-HIDDEN-COLUMN-MAPPED" }
    }

    /// Visible, `Saldo` names the balance better than `Saldo actualizado`; hidden, it gives way.
    @Test func aVisibleColumnWinsOverAHiddenOneForTheSameField() throws {
        let shown = Importer(options: Self.options).importSource(Self.source(hidden: []))
        #expect(shown.invoices.map { $0.balance?.provenance?.location.column } == [6, 6])
        let batch = Importer(options: Self.options).importSource(Self.source(hidden: [6...6]))
        #expect(batch.invoices.map { $0.balance?.value.amount } == [Decimal(300), Decimal(0)])
        #expect(batch.invoices.map { $0.balance?.provenance?.location.column } == [7, 7])
        #expect(Self.hiddenMapped(batch.diagnostics).isEmpty)
    }

    /// The same through the XLSX reader: the workbook's `<cols hidden>` reach the mapping.
    @Test func aWorkbooksHiddenColumnGivesWay() throws {
        let path = try TestWorkbook.write(named: "oculta", sheet: "Cartera", rows: Self.cartera, hiddenColumns: [6...6])
        let batch = Importer(options: Self.options).importSource(try XLSXWorkbook(path: path))
        #expect(batch.invoices.map { $0.balance?.value.amount } == [Decimal(300), Decimal(0)])
        #expect(Self.hiddenMapped(batch.diagnostics).isEmpty)
    }

    /// A hidden column that no visible one competes with is still read, and said, by `import` and `map`.
    @Test func aHiddenColumnReadAtAllIsSaid() throws {
        let rows = Self.cartera.map { Array($0.prefix(6)) }
        let source = Self.source(hidden: [6...6], rows: rows)
        let batch = Importer(options: Self.options).importSource(source)
        #expect(batch.invoices.map { $0.balance?.value.amount } == [Decimal(1000), Decimal(2000)])
        let warning = try #require(Self.hiddenMapped(batch.diagnostics).first)
        #expect(Self.hiddenMapped(batch.diagnostics).count == 1)
        #expect(warning.severity == .warning && warning.location?.column == 6 && warning.location?.row == 1)
        #expect(warning.message.contains("column F (\"Saldo\") is hidden") && warning.message.contains("balance"))
        let (_, proposed) = Importer(options: Self.options).proposeMapping(source)
        #expect(Self.hiddenMapped(proposed).map(\.message) == [warning.message])
    }

    /// A mapping file that names a hidden column is followed, and the user told.
    @Test func aMappingFileNamingAHiddenColumnIsSaid() {
        var options = Self.options
        options.mapping = MappingFile(tables: [MappingFile.TableSpec(columns: [
            "document_number": .init(header: "Factura"), "amount": .init(header: "Monto"), "balance": .init(header: "Saldo"),
        ])])
        let batch = Importer(options: options).importSource(Self.source(hidden: [6...6]))
        #expect(batch.invoices.map { $0.balance?.provenance?.location.column } == [6, 6])
        #expect(Self.hiddenMapped(batch.diagnostics).map { $0.location?.column } == [6])
    }
}
