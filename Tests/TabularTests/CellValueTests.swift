import Testing
@testable import Tabular

@Suite struct CellValueTests {
    @Test(arguments: [(1234.56, "1234.56"), (3, "3"), (-3, "-3"), (0.1, "0.1"), (1.5e-5, "0.000015"),
                      (1e20, "100000000000000000000"), (-2.5e-7, "-0.00000025")])
    func shortestText(value: Double, text: String) {
        #expect(CellValue.shortestText(value) == text)
    }

    /// Hundredths are written without formatting (``CellValue/centsText(_:)``), exactly as Swift's
    /// shortest round-trip form writes them.
    @Test func hundredthsAreWrittenAsTheShortestFormWould() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0.01, -0.01, 0.1, 0.5, 898.91, 1e13 - 0.01, -9_999_999_999_999.99, 0.3 + 0.2, 0.1 + 0.2,
                                123_456.78, 5e-3, 1.005, 2.675]
        for _ in 0..<20_000 {
            let cents = Int64.random(in: -1_000_000_000_000_000...1_000_000_000_000_000, using: &generator)
            values.append(Double(cents) / 100)
            values.append(Double.random(in: -1e6...1e6, using: &generator))
        }
        for d in values where d != d.rounded() {
            let reference = "\(d)"
            if reference.contains("e") { continue }  // exponent forms are expanded by the slow path
            #expect(CellValue.shortestText(d) == reference, "\(d)")
        }
    }

    @Test func blankness() {
        #expect(CellValue.empty.isBlank)
        #expect(CellValue.text("  \t").isBlank)
        #expect(!CellValue.text("x").isBlank)
        #expect(!CellValue.number(0).isBlank)
    }

    /// A text is blank when every character is whitespace; the first byte decides most texts
    /// without that scan, and must decide as the scan does: every whitespace Unicode knows, alone,
    /// around a letter or an accented one, and bytes that are no UTF-8.
    @Test func blanknessFromTheFirstByte() {
        let spaces: [Unicode.Scalar] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2007, 0x200A,
                                        0x2028, 0x2029, 0x202F, 0x205F, 0x3000].compactMap(Unicode.Scalar.init)
        var fields: [[UInt8]] = [[], [0xFF], [0xC3], [0x80, 0x20], [0xC2, 0x20], [0xE2, 0x80], [0xCC, 0x81, 0x20]]
        for space in spaces {
            for text in ["\(space)", "\(space)\(space)", "\(space)x", "x\(space)", "Á\(space)", "\(space)Ñ", "\u{301}\(space)"] {
                fields.append(Array(text.utf8))
            }
        }
        for text in ["Álvarez", "ñ", "€ 5", "\u{200B}", "\u{180E}", "日本", "x"] { fields.append(Array(text.utf8)) }
        for field in fields {
            let text = String(decoding: field, as: UTF8.self)
            let scanned = text.allSatisfy(\.isWhitespace)
            #expect(CellValue.text(text).isBlank == scanned, "\(field)")
            #expect(field.withUnsafeBufferPointer { TextCell.isBlank($0) } == scanned, "\(field)")
        }
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
