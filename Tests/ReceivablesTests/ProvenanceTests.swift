import Foundation
import Tabular
import Testing
@testable import Receivables

/// A provenance behaves as a plain struct of location, label and raw text, however its parts are
/// shared, and stays one reference and a column wide.
struct ProvenanceTests {
    let row = Provenance(SourceLocation(file: "ventas.xlsx", sheet: "Facturas", row: 12), sourceLabel: "Ana")

    @Test func isSixteenBytes() {
        #expect(MemoryLayout<Provenance>.stride <= 16)
    }

    @Test func aValueOfTheRowHasItsColumnAndRawText() {
        let value = row.at(column: 3, rawText: "J-30123456-1")
        #expect(value.location == SourceLocation(file: "ventas.xlsx", sheet: "Facturas", row: 12, column: 3))
        #expect(value.location.cell?.a1 == "C12")
        #expect(value.sourceLabel == "Ana")
        #expect(value.rawText == "J-30123456-1")
        #expect(row.rawText == nil && row.location.column == nil)
        #expect(row.at(column: 3).rawText == nil)
    }

    @Test func equalityAndHashIgnoreSharing() {
        let shared = row.at(column: 2, rawText: "1.234,56")
        let separate = Provenance(SourceLocation(file: "ventas.xlsx", sheet: "Facturas", row: 12, column: 2),
                                  sourceLabel: "Ana", rawText: "1.234,56")
        #expect(shared == separate)
        #expect(shared.hashValue == separate.hashValue)
        #expect(shared != row.at(column: 2, rawText: "1.234,57"))
        #expect(shared != row.at(column: 4, rawText: "1.234,56"))
        #expect(row.at(column: 2) != row.at(column: 2, rawText: ""))
    }

    @Test func settersChangeOnlyTheirField() {
        var p = row.at(column: 5, rawText: "15/03/2024")
        p.sourceLabel = "ERP"
        #expect(p.sourceLabel == "ERP" && p.rawText == "15/03/2024" && p.location.column == 5)
        p.rawText = nil
        #expect(p.rawText == nil && p.sourceLabel == "ERP" && p.location.column == 5)
        p.location = SourceLocation(file: "erp.csv", row: 7, column: 1, line: 8)
        #expect(p.location == SourceLocation(file: "erp.csv", row: 7, column: 1, line: 8) && p.sourceLabel == "ERP")
        #expect(row.sourceLabel == "Ana")  // the row's own provenance is untouched
    }

    /// A record placed at an odd column (0) keeps it, and its values still have their own column.
    @Test func aValueReplacesAnOddRecordColumn() {
        let odd = Provenance(SourceLocation(file: "a.csv", row: 2, column: 0))
        #expect(odd.location.column == 0)
        #expect(odd.at(column: nil).location.column == nil)
        #expect(odd.at(column: 4) == Provenance(SourceLocation(file: "a.csv", row: 2, column: 4)))
    }

    @Test func codableRoundTripKeepsEveryField() throws {
        for p in [row, row.at(column: 3, rawText: "x"), Provenance(SourceLocation(file: "n.txt", line: 4))] {
            let back = try JSONDecoder().decode(Provenance.self, from: JSONEncoder().encode(p))
            #expect(back == p)
        }
    }
}
