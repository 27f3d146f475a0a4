import Foundation
import Testing
@testable import Reports

@Suite struct CSVWriterTests {
    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
                      ("two\nlines", "\"two\nlines\""), ("cr\rhere", "\"cr\rhere\""), ("", ""),
                      ("ñandú €", "ñandú €")])
    func quotesOnlyWhenNeeded(field: String, written: String) {
        #expect(CSVWriter.quoted(field) == written)
    }

    @Test(arguments: [("=1+2", "'=1+2"), ("+58412", "'+58412"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), (" =x", " =x"), ("'=x", "'=x"),
                      ("Ferretería", "Ferretería"),
                      // International phones as Consolida writes them hold nothing to run: kept bare.
                      ("+584145550123", "+584145550123"), ("+584125551234; +582125550000", "+584125551234; +582125550000"),
                      ("+58414555012a", "'+58414555012a"), ("+1+1", "'+1+1"), ("+584145550123;", "'+584145550123;"),
                      ("+584145550123; =1", "'+584145550123; =1"), ("-584145550123", "'-584145550123"),
                      // Their extension form (`;ext=` and digits) too, alone or in a list (QA session 20).
                      ("+582415551238;ext=204", "+582415551238;ext=204"),
                      ("+584145550123; +582125554567;ext=12", "+584145550123; +582125554567;ext=12"),
                      ("+582125554567;ext=12; +584145550123", "+582125554567;ext=12; +584145550123"),
                      ("+582125554567;ext=", "'+582125554567;ext="), ("+582125554567;ext=1a", "'+582125554567;ext=1a"),
                      ("+582125554567;ext=12;", "'+582125554567;ext=12;"), ("+582125554567;ex=12", "'+582125554567;ex=12"),
                      ("+582125554567;ext=12;ext=3", "'+582125554567;ext=12;ext=3"),
                      ("+582125554567; ext=12", "'+582125554567; ext=12"), ("+582125554567;EXT=12", "'+582125554567;EXT=12"),
                      ("+582125554567;ext=12 =1", "'+582125554567;ext=12 =1")])
    func textCellsAreNeutralized(text: String, field: String) {
        #expect(CSVWriter.field(.text(text)) == field)
    }

    @Test func numbersAndDatesAreWrittenAsIs() {
        #expect(CSVWriter.field(.decimal(Decimal(string: "-120.5")!, minimumScale: 2)) == "-120.50")
        #expect(CSVWriter.field(.integer(-3)) == "-3")
        #expect(CSVWriter.field(.date(LocalDateFixture.d)) == "2026-03-31")
        #expect(CSVWriter.field(.boolean(true)) == "true")
        #expect(CSVWriter.field(.empty) == "")
        #expect(CSVWriter.field(.ratio(0.98765)) == "0.9877")
        #expect(CSVWriter.field(.ratio(1)) == "1.0000")
        #expect(CSVWriter.field(.ratio(.infinity)) == "")
        #expect(CSVWriter.field(.ratio(1e300)) == "")
    }

    @Test func rendersHeaderAndLFLineEnds() {
        let table = OutputTable(fileName: "t.csv", columns: [OutputColumn("a"), OutputColumn("b", .decimal)],
                                rows: [[.text("x,y"), .decimal(-1, minimumScale: 2)], [.text("=z"), .empty]])
        #expect(CSVWriter.render(table) == "a,b\n\"x,y\",-1.00\n'=z,\n")
    }

    @Test func aNeutralizedCellWithCarriageReturnIsAlsoQuoted() {
        #expect(CSVWriter.quoted(CSVWriter.field(.text("\rcmd"))) == "\"'\rcmd\"")
    }

    @Test func rowsSortByKeyThenEveryColumn() {
        let table = OutputTable(fileName: "t.csv", columns: [OutputColumn("k"), OutputColumn("n", .integer)],
                                rows: [[.text("b"), .integer(10)], [.text("a"), .integer(9)], [.text("b"), .integer(2)],
                                       [.empty, .integer(1)]])
        let sorted = table.sorted(byColumns: ["k"])
        #expect(sorted.rows.map { $0.map(\.plainText) } == [["", "1"], ["a", "9"], ["b", "2"], ["b", "10"]])
    }
}

enum LocalDateFixture {
    static let d = Sample.date("2026-03-31")
}
