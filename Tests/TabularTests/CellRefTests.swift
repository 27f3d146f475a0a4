import Testing
@testable import Tabular

@Suite struct CellRefTests {
    @Test(arguments: [("A1", 1, 1), ("Z9", 9, 26), ("AA10", 10, 27), ("AZ1", 1, 52), ("BA1", 1, 53),
                      ("XFD1048576", 1_048_576, 16_384), ("c17", 17, 3), ("$B$2", 2, 2)])
    func parsesA1(text: String, row: Int, column: Int) {
        let ref = CellRef(text)
        #expect(ref == CellRef(row: row, column: column))
    }

    @Test(arguments: ["", "A", "1", "A0", "1A", "XFE1", "A1048577", "A-1", "Ñ1"])
    func rejectsInvalid(text: String) {
        #expect(CellRef(text) == nil)
    }

    @Test func roundTripsEveryColumn() {
        for column in 1...CellRef.maxColumn {
            let letters = CellRef.columnLetters(column)
            #expect(CellRef.columnNumber(letters) == column)
            #expect(CellRef(letters + "7") == CellRef(row: 7, column: column))
        }
    }

    @Test func rangeNormalizesCorners() {
        let r = CellRange("C3:A1")
        #expect(r?.description == "A1:C3")
        #expect(r?.contains(CellRef(row: 2, column: 2)) == true)
        #expect(r?.contains(CellRef(row: 4, column: 2)) == false)
    }
}
