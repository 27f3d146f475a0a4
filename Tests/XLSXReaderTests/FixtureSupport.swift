import Foundation
import Tabular
@testable import XLSXReader

/// The path of a committed fixture (see Fixtures/make_fixtures.py).
func fixture(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil) else {
        throw FixtureMissing(name: name)
    }
    return url.path
}

struct FixtureMissing: Error { let name: String }

/// Every row of a sheet, read through the public streaming API.
func allRows(_ book: XLSXWorkbook, sheet: Int = 0) throws -> [Row] {
    var stream = try book.rowStream(ofSheet: sheet)
    var rows: [Row] = []
    while let row = try stream.nextRow() { rows.append(row) }
    return rows
}

func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }
func time(_ h: Int, _ m: Int, _ s: Int = 0, _ us: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m, second: s, microsecond: us)! }
