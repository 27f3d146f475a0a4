import Testing
import Tabular
@testable import Receivables

@Suite struct RecordIDTests {
    @Test func derivedFromLocation() {
        #expect(RecordID(SourceLocation(file: "a.xlsx", sheet: "Clientes", row: 12)).rawValue == "a.xlsx#Clientes!12")
        #expect(RecordID(SourceLocation(file: "notas.txt", line: 40)).rawValue == "notas.txt#L40")
        #expect(RecordID(SourceLocation(file: "b.csv", row: 3), suffix: "customer").rawValue == "b.csv#3/customer")
        #expect(RecordID(SourceLocation(file: "c.csv"), suffix: "x").rawValue == "c.csv#/x")
        #expect(RecordID.sheetPart(file: "a.xlsx", sheet: "Hoja 1") == "a.xlsx#Hoja 1!")
    }

    @Test func accountingBalances() {
        var a = SourceAccounting(file: "x.csv")
        a.rowsRead = 10; a.imported = 6; a.rejected = 1; a.blank = 1; a.totalsSkipped = 1; a.headerRows = 1
        #expect(a.balances)
        a.imported = 5
        #expect(!a.balances)
    }
}
