import ArgumentParser
import Foundation
import Tabular
import XLSXReader

/// `consolida xlsx-bench FILE`: streams every cell of a workbook's sheets to its typed value and
/// prints one JSON line (rows, cells by type, seconds). Hidden: it exists for `make bench`.
struct XLSXBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xlsx-bench", abstract: "Time a full typed read of a workbook (for make bench).",
        shouldDisplay: false)

    @Argument(help: "The workbook to read.")
    var file: String

    @Flag(help: "Read every sheet, not only the first.")
    var allSheets = false

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let book = try XLSXWorkbook(path: file)
        let opened = DispatchTime.now().uptimeNanoseconds
        var rows = 0, cells = 0, numbers = 0, texts = 0, dates = 0, other = 0
        for sheet in book.sheets.prefix(allSheets ? book.sheets.count : 1) {
            var stream = try book.rowStream(ofSheet: sheet.index)
            while let row = try stream.nextRow() {
                rows += 1
                for cell in row.cells {
                    switch cell {
                    case .empty: continue
                    case .number: numbers += 1
                    case .text: texts += 1
                    case .date, .dateTime, .time: dates += 1
                    default: other += 1
                    }
                    cells += 1
                }
            }
        }
        let end = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(end - start) / 1e9
        print("{\"tool\":\"consolida\",\"rows\":\(rows),\"cells\":\(cells),\"numbers\":\(numbers),\"texts\":\(texts),"
              + "\"dates\":\(dates),\"other\":\(other),\"t_open\":\(Double(opened - start) / 1e9),\"t_read\":\(seconds)}")
    }
}
