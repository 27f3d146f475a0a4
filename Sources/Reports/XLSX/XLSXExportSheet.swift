import Foundation
import Tabular

/// One worksheet's XML: a bold, frozen, auto-filtered header row, then typed cells.
enum XLSXExportSheet {
    static func xml(columns: [OutputColumn], rows: ArraySlice<[OutputCell]>) -> String {
        var s = head(columns: columns, rows: rows)
        var number = 2
        for row in rows {
            s += self.row(row, number: number)
            number += 1
        }
        return s + tail(columns: columns, rowCount: rows.count)
    }

    /// Everything before the first data row: dimension, frozen header, widths, header row.
    static func head(columns: [OutputColumn], rows: ArraySlice<[OutputCell]>) -> String {
        let lastColumn = CellRef.columnLetters(max(1, columns.count))
        var s = XLSXExport.xmlHeader
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<dimension ref=\"A1:\(lastColumn)\(rows.count + 1)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
            + "state=\"frozen\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/>"
        s += "<cols>"
        for (i, width) in widths(columns: columns, rows: rows).enumerated() {
            s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        s += "</cols><sheetData>"
        s += "<row r=\"1\">"
        for (i, c) in columns.enumerated() {
            s += "<c r=\"\(CellRef.columnLetters(i + 1))1\" s=\"\(XLSXExport.Style.header.rawValue)\" t=\"inlineStr\">"
                + "<is><t>\(escape(c.name))</t></is></c>"
        }
        return s + "</row>"
    }

    /// One data row, numbered as the spreadsheet shows it.
    static func row(_ row: [OutputCell], number: Int) -> String {
        var s = "<row r=\"\(number)\">"
        for (i, cell) in row.enumerated() {
            s += self.cell(cell, ref: CellRef.columnLetters(i + 1) + String(number))
        }
        return s + "</row>"
    }

    static func tail(columns: [OutputColumn], rowCount: Int) -> String {
        var s = "</sheetData>"
        if !columns.isEmpty {
            s += "<autoFilter ref=\"A1:\(CellRef.columnLetters(columns.count))\(rowCount + 1)\"/>"
        }
        return s + "</worksheet>"
    }

    /// One `<c>`: numbers and dates as values with a number format, text as an inline string,
    /// booleans as `t="b"`; empty cells are left out.
    static func cell(_ cell: OutputCell, ref: String) -> String {
        switch cell {
        case .empty:
            return ""
        case .text(let text) where text.isEmpty:
            return ""
        case .text(let text):
            var t = text
            if t.count > XLSXExport.maxCellCharacters {
                // Excel refuses longer cells; the CSV keeps the whole text.
                t = String(t.prefix(XLSXExport.maxCellCharacters - 1)) + "…"
            }
            let style = FormulaGuard.isDangerous(t) ? " s=\"\(XLSXExport.Style.quotedText.rawValue)\"" : ""
            return "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(t))</t></is></c>"
        case .decimal(let d, let scale):
            let style: XLSXExport.Style = switch scale {
            case ...0: .integer
            case 1: .decimal1
            case 2: .decimal2
            case 3: .decimal3
            default: .decimal4
            }
            return "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(OutputCell.decimal(d, minimumScale: 0).plainText)</v></c>"
        case .integer(let i):
            return "<c r=\"\(ref)\"><v>\(i)</v></c>"
        case .date(let d):
            // Serial day in the 1900 date system: 1970-01-01 is 25569 (Excel's fictitious
            // 1900-02-29 is only before March 1900, which no receivable is).
            return "<c r=\"\(ref)\" s=\"\(XLSXExport.Style.date.rawValue)\"><v>\(d.daysSinceEpoch + 25_569)</v></c>"
        case .boolean(let b):
            return "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
        }
    }

    /// Column widths from the header and the first rows (characters, between 8 and 60).
    static func widths(columns: [OutputColumn], rows: ArraySlice<[OutputCell]>) -> [Int] {
        var widths = columns.map { max(8, $0.name.count + 2) }
        for row in rows.prefix(500) {
            for (i, cell) in row.enumerated() where i < widths.count {
                let n: Int
                switch cell {
                case .date: n = 10
                default: n = cell.plainText.count
                }
                widths[i] = min(60, max(widths[i], n + 2))
            }
        }
        return widths
    }

    /// XML text escaping; characters XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        MarkupText.escape(text)
    }
}
