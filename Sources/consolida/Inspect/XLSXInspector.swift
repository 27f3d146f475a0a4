import Foundation
import Tabular
import XLSXReader

/// `consolida inspect` for workbooks: sheets with their visibility, size, merged ranges, a
/// header-row guess and first rows, plus problems; or, with `--cells`, every cell in the corpus
/// oracle format.
struct XLSXInspector: FileInspector {
    static let format = "xlsx"

    /// Zip files (`PK`), and any file with a workbook extension, so an encrypted `.xlsx`, a
    /// legacy `.xls` or an empty or damaged workbook gets the workbook reader's clear rejection
    /// rather than "unknown format".
    static func recognizes(prefix: [UInt8], path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["xlsx", "xlsm", "xltx", "xltm", "xlsb", "xls"].contains(ext) { return true }
        return prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    static func inspect(path: String, options: InspectOptions) throws -> InspectOutput {
        let book = try XLSXWorkbook(path: path)
        return options.cells ? try cells(book, path: path) : try summary(book, path: path, options: options)
    }

    // MARK: --cells

    /// The grid as Excel displays it: values stored in merged cells other than a range's top-left
    /// one are blanked (the oracles' model too), each range that hid values noted in `problems`.
    static func cells(_ book: XLSXWorkbook, path: String) throws -> InspectOutput {
        var sheets: [[String: Any]] = []
        var problems = book.openingDiagnostics
        for info in book.sheets {
            var rows: [Row] = []
            var merged: [CellRange] = []
            var sheetError: Any = NSNull()
            do {
                var stream = try book.rowStream(ofSheet: info.index)
                while let row = try stream.nextRow() { rows.append(row) }
                problems += stream.drainDiagnostics()
                merged = stream.layout.mergedRanges  // known only once the sheet has been read
            } catch {
                sheetError = "\(error)"
            }
            let shown = MergedCellMask.apply(to: rows, mergedRanges: merged, file: path, sheet: info.name)
            problems += shown.diagnostics
            var grid: [[Any]] = []
            for row in shown.rows {
                let index = row.number - 1
                if index >= grid.count { grid.append(contentsOf: repeatElement([], count: index + 1 - grid.count)) }
                grid[index] = row.cells.map(OracleCells.encode)
            }
            while let last = grid.last, last.isEmpty { grid.removeLast() }
            sheets.append([
                "name": info.name ?? "", "visibility": info.visibility.rawValue, "type": info.kind.rawValue,
                "error": sheetError, "n_rows": grid.count, "n_cols": grid.map(\.count).max() ?? 0, "rows": grid,
            ])
        }
        // Exactly the oracle format; the problems go to standard error (see InspectCommand).
        let json: [String: Any] = ["file": (path as NSString).lastPathComponent, "reader": "consolida", "ok": true,
                                   "error": NSNull(), "sheets": sheets]
        return InspectOutput(text: "", json: json, problems: problems)
    }

    // MARK: Summary

    struct SheetSummary {
        var info: SheetInfo
        var rows = 0
        var lastRow = 0
        var columns = 0
        var sample: [Row] = []
        var layout = XLSXSheetLayout()
        var headerRow: Int?
        var error: String?
    }

    static func summary(_ book: XLSXWorkbook, path: String, options: InspectOptions) throws -> InspectOutput {
        var problems = book.openingDiagnostics
        var summaries: [SheetSummary] = []
        for info in book.sheets {
            var s = SheetSummary(info: info)
            do {
                var stream = try book.rowStream(ofSheet: info.index)
                while let row = try stream.nextRow() {
                    s.rows += 1
                    s.lastRow = max(s.lastRow, row.number)
                    s.columns = max(s.columns, row.cells.count)
                    if s.sample.count < max(options.sampleRows, 10) + 1 { s.sample.append(row) }
                }
                s.layout = stream.layout
                problems += stream.drainDiagnostics()
                if !s.layout.mergedRanges.isEmpty {
                    problems += try hiddenMergedValues(book, info, s.layout.mergedRanges, path: path)
                    s.sample = MergedCellMask.apply(to: s.sample, mergedRanges: s.layout.mergedRanges,
                                                    file: path, sheet: info.name).rows
                }
            } catch {
                s.error = "\(error)"
                problems.append(Diagnostic(.error, code: "XLSX-SHEET-UNREADABLE", "\(error)",
                                           at: SourceLocation(file: path, sheet: info.name)))
            }
            s.headerRow = HeaderGuess.headerRow(s.sample)
            summaries.append(s)
        }
        return InspectOutput(text: text(book, path: path, summaries, problems, options),
                             json: json(book, path: path, summaries, problems, options), problems: problems)
    }

    /// Values stored under merged ranges outside their top-left cell, which Excel does not show.
    /// The ranges come after the cells in a sheet's XML, so this is a second pass, which stops
    /// after the last merged row (merges are mostly headers near the top).
    static func hiddenMergedValues(_ book: XLSXWorkbook, _ info: SheetInfo, _ merged: [CellRange],
                                   path: String) throws -> [Diagnostic] {
        var mask = MergedCellMask(mergedRanges: merged, file: path, sheet: info.name)
        let lastMergedRow = merged.map(\.last.row).max() ?? 0
        var stream = try book.rowStream(ofSheet: info.index)
        while let row = try stream.nextRow(), row.number <= lastMergedRow { _ = mask.apply(to: row) }
        return mask.diagnostics
    }

    static func text(_ book: XLSXWorkbook, path: String, _ sheets: [SheetSummary], _ problems: [Diagnostic],
                     _ options: InspectOptions) -> String {
        var out = "\(path): XLSX workbook, \(sheets.count) sheet\(sheets.count == 1 ? "" : "s")"
        out += book.date1904 ? ", 1904 date system" : ""
        out += book.definedNames.isEmpty ? "" : ", \(book.definedNames.count) defined name\(book.definedNames.count == 1 ? "" : "s")"
        out += "\n"
        for s in sheets {
            out += "\n  [\(s.info.index + 1)] \(s.info.name ?? "")"
            if s.info.kind != .worksheet { out += " (\(s.info.kind.rawValue))" }
            if s.info.visibility != .visible { out += " [\(s.info.visibility.rawValue)]" }
            out += ": \(s.rows) row\(s.rows == 1 ? "" : "s") with values, up to row \(s.lastRow), \(s.columns) column\(s.columns == 1 ? "" : "s")"
            if s.columns > 0 { out += " (A:\(CellRef.columnLetters(s.columns)))" }
            out += "\n"
            if !s.layout.mergedRanges.isEmpty {
                let shown = s.layout.mergedRanges.prefix(8).map { (r: CellRange) in r.description }.joined(separator: ", ")
                out += "      merged: \(shown)\(s.layout.mergedRanges.count > 8 ? " … (\(s.layout.mergedRanges.count))" : "")\n"
            }
            if !s.layout.hiddenRows.isEmpty || !s.layout.hiddenColumns.isEmpty {
                out += "      hidden: \(s.layout.hiddenRows.count) rows, \(s.layout.hiddenColumns.reduce(0) { $0 + $1.count }) columns\n"
            }
            if let h = s.headerRow { out += "      header row (guess): \(h)\n" }
            for row in s.sample.prefix(options.sampleRows) {
                let cells = row.cells.map { $0.isBlank ? "·" : String($0.displayText.prefix(24)) }
                out += "      \(row.number): " + cells.joined(separator: " | ") + "\n"
            }
            if let e = s.error { out += "      error: \(e)\n" }
        }
        if !problems.isEmpty {
            out += "\n  problems (\(problems.count)):\n"
            for p in problems.prefix(20) { out += "    \(p)\n" }
        }
        return out
    }

    static func json(_ book: XLSXWorkbook, path: String, _ sheets: [SheetSummary], _ problems: [Diagnostic],
                     _ options: InspectOptions) -> [String: Any] {
        var sheetObjects: [[String: Any]] = []
        for s in sheets {
            var o: [String: Any] = [:]
            o["name"] = s.info.name ?? ""
            o["index"] = s.info.index
            o["kind"] = s.info.kind.rawValue
            o["visibility"] = s.info.visibility.rawValue
            o["rows"] = s.rows
            o["last_row"] = s.lastRow
            o["columns"] = s.columns
            o["merged_ranges"] = s.layout.mergedRanges.map { (r: CellRange) in r.description }
            o["hidden_rows"] = s.layout.hiddenRows
            o["hidden_columns"] = s.layout.hiddenColumns.map { (r: ClosedRange<Int>) -> String in
                CellRef.columnLetters(r.lowerBound) + ":" + CellRef.columnLetters(r.upperBound)
            }
            o["header_row"] = s.headerRow.map { $0 as Any } ?? NSNull()
            o["sample"] = s.sample.prefix(options.sampleRows).map { (r: Row) -> [String: Any] in
                ["row": r.number, "cells": r.cells.map(OracleCells.encode)]
            }
            o["error"] = s.error.map { $0 as Any } ?? NSNull()
            sheetObjects.append(o)
        }
        return [
            "file": path, "format": "xlsx", "workbook_part": book.workbookPart, "date1904": book.date1904,
            "defined_names": book.definedNames.map { ["name": $0.name, "formula": $0.formula] },
            "sheets": sheetObjects,
            "problems": problems.map { (p: Diagnostic) in p.description },
        ]
    }
}

/// Guesses which row holds column headers: the first of the first rows whose cells are all text,
/// at least two of them, covering at least half the width of the rows that follow it.
enum HeaderGuess {
    static func headerRow(_ rows: [Row]) -> Int? {
        let width = rows.map { $0.cells.filter { !$0.isBlank }.count }.max() ?? 0
        guard width >= 2 else { return nil }
        for (i, row) in rows.prefix(10).enumerated() {
            let filled = row.cells.filter { !$0.isBlank }
            guard filled.count >= 2, filled.count * 2 >= width,
                  filled.allSatisfy({ $0.textValue != nil }) else { continue }
            // A header is followed by something (rows below it that are not all text, or any row).
            if i + 1 < rows.count { return row.number }
        }
        return nil
    }
}
