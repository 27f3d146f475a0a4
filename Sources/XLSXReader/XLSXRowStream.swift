import Tabular
import XMLStream
import ZipArchive

/// Rows of one sheet, read on demand: each `next()` inflates and parses only as much of the
/// sheet's XML as it takes to finish the next row (fed to libxml2 in 16 KiB slices).
public struct XLSXRowStream: RowStream {
    private let engine: Engine

    init(workbook: XLSXWorkbook, sheet: Int, readsCells: Bool) throws(XLSXError) {
        engine = try Engine(workbook: workbook, sheet: sheet, readsCells: readsCells)
    }

    /// Continues a read already under way (rows read ahead while the workbook opened).
    init(engine: Engine) {
        self.engine = engine
    }

    /// The next row with at least one value, or `nil` at the end of the sheet.
    public mutating func next() throws -> Row? { try engine.next() }

    /// Like ``next()``, with the error type spelled out.
    public mutating func nextRow() throws(XLSXError) -> Row? { try engine.next() }

    public mutating func drainDiagnostics() -> [Diagnostic] { engine.drainDiagnostics() }

    /// Merged ranges and hidden rows/columns seen so far (all of them once the stream has ended;
    /// merged ranges come after the cells in a sheet's XML).
    public var layout: XLSXSheetLayout {
        XLSXSheetLayout(mergedRanges: engine.handler.mergedRanges, hiddenRows: engine.handler.hiddenRows,
                        hiddenColumns: engine.handler.hiddenColumns)
    }

    /// Hidden rows that hold values, read so far.
    public var hiddenRowsWithValues: [Int] { engine.handler.hiddenRowsWithValues }

    /// The columns the sheet hides (its `<cols>` come before its cells: known from the first row on).
    public var hiddenColumns: [ClosedRange<Int>] { engine.handler.hiddenColumns }

    /// The widest row's column count so far.
    public var maxColumn: Int { engine.handler.maxColumnSeen }

    final class Engine {
        let handler: SheetHandler
        private let parser: XMLPushParser?
        private let reader: ZipPrefetchingReader?
        private var chunk: UnsafeRawBufferPointer?
        private var offset = 0
        private var done = false
        private var parserDiagnosticsTaken = 0
        static let slice = 16 << 10

        convenience init(workbook: XLSXWorkbook, sheet: Int, readsCells: Bool) throws(XLSXError) {
            try self.init(zip: workbook.zip, part: workbook.sheetParts[sheet],
                          context: workbook.handlerContext(sheet: sheet), readsCells: readsCells)
        }

        init(zip: ZipArchive, part: String?, context: SheetHandler.Context, readsCells: Bool) throws(XLSXError) {
            handler = SheetHandler(context: context, readsCells: readsCells)
            guard let part, let entry = zip.entry(named: part) else {
                parser = nil; reader = nil; done = true
                return
            }
            do { reader = try zip.prefetchingReader(for: entry) } catch { throw .container(error) }
            parser = XMLPushParser(file: zip.path, part: entry.name, handler: handler)
        }

        /// Parses one more slice without handing rows out; `false` once the sheet has ended.
        func advanceAhead() throws(XLSXError) -> Bool {
            if done { return false }
            try advance()
            return !done
        }

        func next() throws(XLSXError) -> Row? {
            while true {
                if handler.pendingHead < handler.pending.count {
                    let row = handler.pending[handler.pendingHead]
                    handler.pendingHead += 1
                    if handler.pendingHead == handler.pending.count {
                        handler.pending.removeAll(keepingCapacity: true)
                        handler.pendingHead = 0
                    }
                    return row
                }
                if done { return nil }
                try advance()
            }
        }

        /// Feeds the parser one more slice (reading the next inflated chunk when needed).
        private func advance() throws(XLSXError) {
            guard let parser, let reader else { done = true; return }
            if let c = chunk, offset < c.count {
                let n = min(Self.slice, c.count - offset)
                let piece = UnsafeRawBufferPointer(rebasing: c[offset..<offset + n])
                offset += n
                do { try parser.feed(piece) } catch {
                    done = true
                    throw .malformedPart(error)
                }
                return
            }
            do { chunk = try reader.next() } catch {
                done = true
                throw .container(error)
            }
            offset = 0
            if chunk == nil {
                done = true
                do { try parser.finish() } catch { throw .malformedPart(error) }
            }
        }

        func drainDiagnostics() -> [Diagnostic] {
            var out = handler.diagnostics
            handler.diagnostics.removeAll()
            if let parser, parser.diagnostics.count > parserDiagnosticsTaken {
                out += parser.diagnostics[parserDiagnosticsTaken...]
                parserDiagnosticsTaken = parser.diagnostics.count
            }
            return out
        }
    }
}
