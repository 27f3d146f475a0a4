import Tabular
@testable import Mapping

/// A table's automatic mapping as the importer makes it: one header row, then rows of cells.
enum AutomaticMapping {
    static func of(_ headers: [String], _ rows: [[CellValue]], country: String? = "VE", title: String? = nil) -> TableMapping {
        let hs = headers.enumerated().map { ColumnHeader(column: $0.offset + 1, text: $0.element) }
        var samples: [Int: [CellValue]] = [:]
        for r in rows { for (i, v) in r.enumerated() where !v.isBlank { samples[i + 1, default: []].append(v) } }
        let aligned = rows.enumerated().map { Row(number: $0.offset + 2, cells: $0.element) }
        return ColumnMapper(settings: .defaults, country: country).map(headers: hs, samples: samples, title: title,
                                                                        rows: aligned[...])
    }

    /// Rows of text cells (an empty string is a blank cell), as a CSV gives them.
    static func of(_ headers: [String], text rows: [[String]], country: String? = "VE", title: String? = nil) -> TableMapping {
        of(headers, rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } }, country: country, title: title)
    }

    /// The field a header names on its own.
    static func field(_ header: String) -> Field? {
        ColumnMapper(settings: .defaults, country: "VE").headerMatch(ColumnHeader(column: 1, text: header))?.0
    }
}

extension TableMapping {
    /// The headers of the columns kept as extras.
    var extraHeaders: [String] { extras.map(\.text) }
}
