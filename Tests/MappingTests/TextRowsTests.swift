import Testing
import Tabular
@testable import Mapping

/// Rows read as bytes (``TextRows``): the row each makes, and the classifier's shortcut on them.
@Suite struct TextRowsTests {
    static func textRows(_ rows: [[String]]) -> TextRows { textRows(bytes: rows.map { $0.map { Array($0.utf8) } }) }

    static func textRows(bytes rows: [[[UInt8]]]) -> TextRows {
        var out = TextRows()
        for (i, fields) in rows.enumerated() {
            var bytes: [UInt8] = [], ends: [Int] = []
            for f in fields { bytes += f; ends.append(bytes.count) }
            bytes.withUnsafeBufferPointer { b in
                ends.withUnsafeBufferPointer { e in out.append(number: i + 2, line: i + 2, record: b, ends: e) }
            }
        }
        return out
    }

    @Test func eachRowIsTheRowAReaderDelivers() {
        let rows = Self.textRows([["a", "", "c"], [""], ["Jose\u{301}", " x "]])
        #expect(rows.count == 3)
        #expect(rows.row(0) == Row(number: 2, line: 2, cells: [.text("a"), .empty, .text("c")]))
        #expect(rows.row(1) == Row(number: 3, line: 3, cells: [.empty]))
        #expect(rows.row(2).cells == [.text("Jose\u{301}"), .text(" x ")])
        rows.withRow(0) { view in
            #expect(Array(view[3]) == Array("c".utf8))
            #expect(view[4].isEmpty && view[0].isEmpty)  // beyond the row's end, as `.empty`
        }
    }

    /// A row of text cells goes in as bytes and comes back the same row; any other stays out.
    @Test func rowsOfTextRoundTrip() {
        var rows = TextRows()
        let text = Row(number: 7, line: 9, cells: [.text("Ñandú, C.A."), .empty, .text("Jose\u{301}"), .text(" ")])
        let added = [rows.append(text), rows.append(Row(number: 8, line: 10, cells: [])),
                     rows.append(Row(number: 9, line: 11, cells: [.text("a"), .number(1)])),
                     rows.append(Row(number: 9, line: 11, cells: [.text("")])),  // would come back `.empty`
                     rows.append(Row(number: 9, cells: [.text("a")]))]  // no line: not from a text file
        #expect(added == [true, true, false, false, false])
        #expect(rows.count == 2)
        #expect(rows.row(0) == text)
        #expect(rows.row(1) == Row(number: 8, line: 10, cells: []))
    }

    @Test func blankFieldsAreBlankCells() {
        for text in ["", " ", "\t", "\u{A0}", "\u{3000}", " a", "\u{A0}b", "x"] {
            let rows = Self.textRows([[text]])
            rows.withRow(0) { #expect(TextCell.isBlank($0[1]) == CellValue.text(text).isBlank, "\(text)") }
        }
    }

    /// The shortcut says "surely data" only for rows ``RowClassifier/classify(_:)`` calls data, and
    /// says it for the usual invoice rows.
    @Test func surelyDataRowsAreData() {
        let header = Row(number: 1, cells: ["Cliente", "RIF", "Nº Factura", "Fecha", "Monto"].map { .text($0) })
        let classifier = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [2, 3, 4], checkFirst: [5, 4])
        let labels = ["González & Cía", "Suárez Hnos.", "Ángel Pérez", "Total Distribuciones", "Tótal", "Gran total",
                      "  Sub  total ", "Ñandú", "Subway", "×Signo", "Sumas", "TOTAL", "Tota\u{301}l", "", " ", "123",
                      "Cliente", "cliente", "Nº Factura", "\u{A0}Total", "ÁTotal", "Sub-total", "1 Total", "(Total)",
                      "Sánchez", "TÓTAL", "Grän total", "Sußtotal", "S×Total", "Gómez"]
        let numbers = ["F-1", "", "Nº Factura", "TOTAL"]
        let dates = ["2024-01-02", "", "Fecha"]
        let amounts = ["10.5", "", "Monto", "1.234,56"]
        var surely = 0, rows: [[String]] = []
        for l in labels { for n in numbers { for d in dates { for a in amounts { rows.append([l, "", n, d, a]) } } } }
        rows += [["Cliente", "RIF", "Nº Factura", "Fecha", "Monto"], ["cliente", "rif", "n factura", "fecha", ""]]
        let text = Self.textRows(rows)
        for r in 0..<text.count {
            let row = text.row(r)
            if text.withRow(r, { classifier.isSurelyData($0) }) {
                surely += 1
                #expect(classifier.classify(row) == .data, "\(row.cells)")
            }
        }
        #expect(text.withRow(0) { classifier.isSurelyData($0) })  // González & Cía, F-1, 2024-01-02, 10.5
        #expect(surely > rows.count / 3)

        // Invalid UTF-8 is read as U+FFFD: `\xC3Total` is the totals label `\u{FFFD}Total`.
        let broken: [[[UInt8]]] = [[[0xC3] + Array("Total".utf8), [], [], [], Array("100".utf8)],
                                   [[0xC3, 0x28] + Array("Total".utf8), [], [], [], Array("100".utf8)],
                                   [[0xC3, 0xA1], [], Array("F-1".utf8), [], Array("100".utf8)]]
        let brokenRows = Self.textRows(bytes: broken)
        for r in 0..<brokenRows.count where brokenRows.withRow(r, { classifier.isSurelyData($0) }) {
            #expect(classifier.classify(brokenRows.row(r)) == .data, "\(brokenRows.row(r).cells)")
        }
        #expect(classifier.classify(brokenRows.row(0)) == .totals)
    }
}
