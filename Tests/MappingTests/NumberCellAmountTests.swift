import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A workbook's amounts are number cells, read into a plain row's parts without a `Decimal`
/// (``TableImporter/plainAmount``). The plain rows must carry what the records of the same rows
/// carry: the same value, the same currency (the row's currency cell, the cell's number format,
/// the header, the configuration, in that order), the same rows left to the record path.
@Suite struct NumberCellAmountTests {
    static let values: [Double] = [
        898.9, 1_190_000, 0.5, 12.34, -50.5, 0, -0.0, 0.1 + 0.2, 115.99999999999999, 1e14, 999_999_999_999.99,
        123_456_789_012.34, 1e-7, 3.005, 7e15, 42, 100.1, 2.25, -1_000_000, 0.01,
    ]

    static func rows(currencyColumn: Bool) -> [Row] {
        var header: [CellValue] = [.text("Cliente"), .text("Factura"), .text("Monto"), .text("Saldo")]
        if currencyColumn { header.append(.text("Moneda")) }
        var rows = [Row(number: 1, cells: header)]
        for (i, v) in values.enumerated() {
            let n = i + 2
            var cells: [CellValue] = [.text("Cliente \(i % 4)"), .text("F-\(n)"), .number(v), .number(abs(v) / 2)]
            if currencyColumn { cells.append(i % 3 == 0 ? .text("USD") : .empty) }
            // Some cells show a currency by their number format (`"Bs." #,##0.00`, `[$€-C0A]`).
            let formats: [Int: String]? = i % 4 == 1 ? [3: "Bs."] : i % 4 == 2 ? [3: "€", 4: "€"] : nil
            rows.append(Row(number: n, cells: cells, currencies: formats))
        }
        return rows
    }

    static func run(_ rows: [Row], plainRows: Bool) -> (PlainRowTests.Outcome, plain: Int) {
        PlainRowTests.run(MemorySource(path: "libro.xlsx", sheets: [MemorySource.Sheet(name: "Hoja1", rows: rows)]),
                          plainRows: plainRows, flush: 5, window: 8)
    }

    @Test(arguments: [false, true])
    func plainRowsCarryWhatRecordsCarry(currencyColumn: Bool) {
        let rows = Self.rows(currencyColumn: currencyColumn)
        let (plain, plainCount) = Self.run(rows, plainRows: true)
        let records = Self.run(rows, plainRows: false).0
        #expect(plain == records)
        #expect(plainCount >= Self.values.count - 4)
        #expect(records.invoices.count == Self.values.count)
        // The formula's binary noise reads as Excel shows it; the cell formatted in bolívares says
        // so; a currency cell comes before the cell's format.
        #expect(records.invoices.contains { $0.contains(" F-10 ") && $0.contains(" 116.00 VES ") })
        #expect(records.invoices.contains { $0.contains(" F-3 ") && $0.contains(" 1190000.00 VES ") })
        #expect(records.invoices.contains { $0.contains(" F-8 ") && $0.contains(currencyColumn ? " 0.00 USD " : " 0.00 EUR ") })
    }
}
