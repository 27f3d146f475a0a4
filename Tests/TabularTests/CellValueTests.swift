import Testing
@testable import Tabular

@Suite struct CellValueTests {
    @Test(arguments: [(1234.56, "1234.56"), (3, "3"), (-3, "-3"), (0.1, "0.1"), (1.5e-5, "0.000015"),
                      (1e20, "100000000000000000000"), (-2.5e-7, "-0.00000025")])
    func shortestText(value: Double, text: String) {
        #expect(CellValue.shortestText(value) == text)
    }

    @Test func blankness() {
        #expect(CellValue.empty.isBlank)
        #expect(CellValue.text("  \t").isBlank)
        #expect(!CellValue.text("x").isBlank)
        #expect(!CellValue.number(0).isBlank)
    }

    @Test func locationDescriptions() {
        let cell = SourceLocation(file: "acme.xlsx", sheet: "Facturas", row: 17, column: 3)
        #expect(cell.description == "acme.xlsx › Facturas!C17")
        let csv = SourceLocation(file: "erp.csv", row: 12, line: 14)
        #expect(csv.description == "erp.csv › row 12 (line 14)")
        let d = Diagnostic(.error, code: "AR-IMP-012", "amount", at: cell, expected: "decimal", found: "12,5O")
        #expect(d.description == "acme.xlsx › Facturas!C17 error AR-IMP-012: amount: expected decimal, found \"12,5O\"")
    }
}
