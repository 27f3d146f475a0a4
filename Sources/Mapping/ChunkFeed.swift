import Receivables
import Tabular

/// Feeds a table's data rows to worker threads in chunks: each chunk is imported by its own copy of
/// the ``TableImporter`` into a batch of its own, its records encoded there (``ChunkEncoding``),
/// and the batches come back in row order, are appended to the caller's batch and handed to
/// `flush` with their encoded records. The result is the same as importing the rows one after the
/// other on one thread.
struct ChunkFeed<Encoding: ChunkEncoding> {
    /// A chunk's batch and what the encoding made of its records.
    struct Done: Sendable {
        var batch: ImportBatch
        var encoded: Encoding.Encoded
        /// A statement's lines, for its running balance check (``RunningBalanceCheck``).
        var balanceSteps: [RunningBalanceCheck.Step] = []
    }

    private let importer: TableImporter
    private let encoding: Encoding
    private let size: Int
    private var chunk: [Row] = []
    /// Rows of the current chunk read as bytes (``readTextRows(_:)``), after those in `chunk`.
    private var text = TextRows()
    /// Diagnostics met while filling the current chunk, and those of chunks handed out, in order.
    private var notes: [Diagnostic] = []
    private var notesInFlight: [[Diagnostic]] = []
    private let work: OrderedChunkWork<Done>
    private var accounting: SourceAccounting
    /// Diagnostics of each code seen in this table so far (past the limit they are only counted).
    private var seenPerCode: [String: Int] = [:]
    /// While the rows after a window stream in, what tells another table's start
    /// (``watchForNextTable(_:)``), how many rows of the chunk it has judged, and the first of the
    /// chunk's last rows that may be that table's preamble (held back from the workers meanwhile).
    /// A row's place in the chunk counts its Rows (`chunk`), then its rows read as bytes (`text`).
    private var watch: TableStartWatch?
    private var judged = 0
    private var preambleStart: Int?
    /// The last row judged, when it was labels only (a possible group row), and the preamble run
    /// right above it.
    private var labelsAt: Int?
    private var labelsPreambleStart: Int?
    /// A header found right under a possible group row: whether that row opens the next table
    /// waits for the row under the header (a sub-header row makes those two the header instead,
    /// as the finder decides inside a window).
    private var pendingHeader: Int?
    /// The first row held back: the next table would start there if a header came now.
    private var heldFrom: Int? { labelsAt.map { labelsPreambleStart ?? $0 } ?? preambleStart }
    /// Where another table starts in the chunk (its first preamble row) and its header row, once
    /// found (``takeNextTable()``).
    private(set) var nextTableStart: Int?
    private var nextTableHeader = 0
    /// The customer heading the next chunk's first row is under (``CustomerSections``): a chunk's
    /// worker starts from it, since the chunks before are imported on other threads meanwhile.
    private var section = CustomerSections.Current()
    /// The row whose customer the next chunk's first rows take when they name none
    /// (``CustomerFillDown``), for the same reason.
    private var fillSource: Row?
    /// Where a statement stands after the rows submitted (``TableImporter/advanceStatement(past:_:headings:from:)``),
    /// for the same reason.
    private var statementStart: TableImporter.StatementStart
    /// A statement's running balance, checked as its chunks come back in order.
    private var balanceCheck: RunningBalanceCheck?

    /// The balances the table's statement blocks ended on, the last one's included: a statement
    /// continued in the next table of the sheet (its next page) starts from one of them.
    var statementClosings: Set<String> { importer.closings(statementStart) }

    /// With `readerBound`, the reading thread is the import's critical path (a workbook's): the
    /// workers yield to it further (``HelperThreadPriority/belowBoundReader``).
    init(importer: TableImporter, encoding: Encoding, size: Int, readerBound: Bool = false) {
        work = OrderedChunkWork(nice: readerBound ? HelperThreadPriority.belowBoundReader : HelperThreadPriority.step)
        var importer = importer
        // Tables side by side on a header row share their rows, and their records' IDs name the
        // table's first column besides the row (``TableImporter/recordID(_:suffix:)``), which a
        // plain row's consumer does not know: their rows come as records.
        importer.plainRows = Encoding.takesPlainRows && importer.options.plainRows && importer.table.region.columns == nil
        importer.encodeCustomerValues = { encoding.encodeValues(of: $0) }
        self.importer = importer; self.encoding = encoding; self.size = max(1, size)
        statementStart = importer.statementStart
        if importer.checksRunningBalance { balanceCheck = RunningBalanceCheck() }
        // The customer the table's title names (``CustomerSections/titleCustomer(_:parsed:)``) heads its first rows.
        section = importer.currentSections
        accounting = SourceAccounting(file: importer.path, sheet: importer.sheet.name, table: importer.table.name)
        chunk.reserveCapacity(self.size)
    }

    /// Whether the rows added now were in memory already (a window's, rows read ahead): their
    /// chunks do not hold the reading thread back (``OrderedChunkWork/submit(inMemory:_:)``).
    var rowsInMemory = false

    /// Diagnostics that belong with the rows added so far (the reader's, met while reading them).
    mutating func attach(_ diagnostics: [Diagnostic]) { notes += diagnostics }

    /// Adds a row; with `asText`, as bytes when its cells allow (``TextRows/append(_:)``), so that
    /// the workers read it as they read the rows after it (``readTextRows(_:)``).
    mutating func add(_ row: Row, asText: Bool = false, into batch: inout ImportBatch,
                      flush: (inout ImportBatch, [Encoding.Encoded]) -> Void) {
        // A worker takes a chunk's Rows before its bytes: a row goes to the bytes only while no Row
        // waits, and a Row after bytes starts a chunk of its own.
        if asText && chunk.isEmpty && text.append(row) {
            judgeNewRows()
            submitIfFull(into: &batch, flush: flush)
            return
        }
        if !text.isEmpty { submit(into: &batch, flush: flush) }
        chunk.append(row)
        judgeNewRows()
        submitIfFull(into: &batch, flush: flush)
    }

    /// Whether rows are best fed as bytes (``readTextRows(_:)``): the workers then read plain
    /// invoice rows in place, and build a ``Row`` only for the others. Only plain rows gain from it.
    var takesTextRows: Bool { importer.plainRows }

    /// Lets `read` append up to the given number of rows to the current chunk, as bytes; returns
    /// what `read` returns. Call ``submitIfFull(into:flush:)`` after it. A chunk that is full but
    /// not handed out yet (its last rows may belong to the next table) grows a row at a time.
    mutating func readTextRows(_ read: (inout TextRows, _ limit: Int) -> Bool) -> Bool {
        let more = read(&text, max(1, size - chunk.count - text.count))
        judgeNewRows()
        return more
    }

    /// Hands the current chunk to a worker when it holds `size` rows, but not another table's
    /// first rows (once found, they wait for ``takeNextTable()``) nor its last rows that may be such
    /// a table's preamble (they stay, to start the next chunk).
    mutating func submitIfFull(into batch: inout ImportBatch, flush: (inout ImportBatch, [Encoding.Encoded]) -> Void) {
        guard chunk.count + text.count >= size, nextTableStart == nil else { return }
        guard let held = heldFrom else { submit(into: &batch, flush: flush); return }
        // The held rows move to the next chunk: only once they are no more than the rows handed out
        // (a long run of them would otherwise move again with every row; the chunk grows meanwhile,
        // to at most twice ``TableStartWatch/preambleLimit`` rows).
        guard held > 0, held >= chunk.count + text.count - held else { return }
        let heldRows = held < chunk.count ? Array(chunk[held...]) : []
        let heldText = text.splitOff(from: max(0, held - chunk.count))
        if held < chunk.count { chunk.removeSubrange(held...) }
        let (run, labels, labelsRun, pending) = (preambleStart, labelsAt, labelsPreambleStart, pendingHeader)
        submit(into: &batch, flush: flush)
        chunk = heldRows; text = heldText
        judged = chunk.count + text.count
        // The held rows now open the chunk.
        preambleStart = run.map { $0 - held }; labelsAt = labels.map { $0 - held }
        labelsPreambleStart = labelsRun.map { $0 - held }; pendingHeader = pending.map { $0 - held }
    }

    // MARK: Watching for the next table

    /// Whether rows were read after the one that decided another table's start (its header, or the
    /// row under it): the reader's notes met with them belong after this table, where reading row
    /// by row would have met them.
    var readPastNextTable: Bool { nextTableStart != nil && judged < chunk.count + text.count }

    /// Watches the rows added from now on for another table's start (the rows after a window;
    /// those before were judged by the ``TableFinder``).
    mutating func watchForNextTable(_ watch: TableStartWatch) {
        self.watch = watch
        judged = chunk.count + text.count
        forgetHeldRows()
    }

    private mutating func forgetHeldRows() {
        preambleStart = nil; labelsAt = nil; labelsPreambleStart = nil; pendingHeader = nil
    }

    /// The rows from where another table starts to the last one added, taken out of the chunk,
    /// and where its header is among them; `nil` when no table starts.
    mutating func takeNextTable() -> (rows: [Row], header: Int)? {
        if nextTableStart == nil, let h = pendingHeader { decideTableStart(header: h, under: nil) }  // the sheet's last row
        guard let start = nextTableStart else { return nil }
        nextTableStart = nil
        var rows: [Row]
        if start < chunk.count {
            rows = Array(chunk[start...]) + text.removeRows(from: 0)
            chunk.removeSubrange(start...)
        } else {
            rows = text.removeRows(from: start - chunk.count)
        }
        judged = chunk.count + text.count
        forgetHeldRows()
        return (rows, nextTableHeader - start)
    }

    /// The row at a place in the chunk.
    private func row(at p: Int) -> Row { p < chunk.count ? chunk[p] : text.row(p - chunk.count) }

    /// Judges the rows added since the last call: a header of another table ends the reading
    /// (with its group row and the preamble rows right above, that table's first rows).
    private mutating func judgeNewRows() {
        guard let watch, nextTableStart == nil else { return }
        while judged < chunk.count + text.count {
            let p = judged
            judged += 1
            if let h = pendingHeader {
                decideTableStart(header: h, under: row(at: p))
                return
            }
            var verdict: TableStartWatch.Verdict
            if p < chunk.count {
                verdict = watch.judge(chunk[p])
            } else {
                let r = p - chunk.count
                switch text.withRow(r, watch.judge) {
                case .decided(let decided): verdict = decided
                case .open(let shape): verdict = watch.judge(text.row(r), shape: shape)
                }
            }
            if verdict == .repeatedHeader {
                // Under a section title of its own, the header opens another table; else it is a
                // page break's (skipped by the importer), and a row of labels like any other.
                if let start = preambleStart, watch.opensSection(under: (start..<p).map(row(at:))) {
                    verdict = .startsTable
                } else {
                    verdict = watch.isPreamble(row(at: p)) ? .preamble : .labels
                }
            }
            switch verdict {
            case .repeatedHeader:
                break  // decided above
            case .startsTable:
                if let g = labelsAt, g == p - 1, watch.isGroupRow(row(at: g), over: row(at: p)) {
                    pendingHeader = p  // the rows from `g` stay held meanwhile
                    continue
                }
                nextTableStart = preambleStart ?? p
                nextTableHeader = p
                return
            case .preamble:
                labelsAt = nil; labelsPreambleStart = nil
                if preambleStart == nil { preambleStart = p }
                // Past the limit only the last rows of the run stay held (whatever the chunks).
                if p - preambleStart! >= TableStartWatch.preambleLimit { preambleStart = p - TableStartWatch.preambleLimit + 1 }
            case .labels:
                labelsPreambleStart = preambleStart; labelsAt = p
                preambleStart = nil
            case .data:
                forgetHeldRows()
            }
        }
    }

    /// Where the table whose header is `h`, right under a possible group row, starts: at the header
    /// when the row under it is a sub-header row, else at the group row and the preamble above it.
    private mutating func decideTableStart(header h: Int, under: Row?) {
        if let under, let watch, watch.isSubHeader(under, under: row(at: h)) {
            nextTableStart = h
        } else {
            nextTableStart = labelsPreambleStart ?? (h - 1)
        }
        nextTableHeader = h
        pendingHeader = nil
    }

    /// Waits for the last chunks; returns the accounting of every row fed.
    mutating func finish(into batch: inout ImportBatch, flush: (inout ImportBatch, [Encoding.Encoded]) -> Void) -> SourceAccounting {
        if !chunk.isEmpty || !text.isEmpty || !notes.isEmpty { submit(into: &batch, flush: flush) }
        deliver(work.finish(), into: &batch, flush: flush)
        if let said = balanceCheck?.finish() { list(said, into: &batch) }
        // A statement's last block whose first line still waits for a next one: said now.
        if let first = statementStart.pending { importer.noteUnconfirmedOpening(first, into: &batch) }
        return accounting
    }

    private mutating func submit(into batch: inout ImportBatch, flush: (inout ImportBatch, [Encoding.Encoded]) -> Void) {
        let rows = chunk, textRows = text, template = importer, encoding = encoding
        // Codes already full in the rows delivered so far stay full: later rows only count them, and
        // which diagnostics are listed does not depend on how the workers were scheduled.
        let full = Set(seenPerCode.filter { $0.value >= ImportBatch.listedPerCode }.keys)
        chunk.removeAll(keepingCapacity: true)
        text = TextRows(reservingLike: textRows)
        judged = 0
        forgetHeldRows()
        notesInFlight.append(notes)
        notes = []
        let startSection = section, startFill = fillSource, startStatement = statementStart
        var headings = Set<Int>()
        if template.sections != nil { section = template.sections(after: rows, textRows, from: section, headings: &headings) }
        let checksBalance = balanceCheck != nil, chunkHeadings = headings
        if template.statementRunsForward {
            statementStart = template.advanceStatement(past: rows, textRows, headings: headings, from: statementStart)
        }
        if template.fillDown != nil { fillSource = template.fillSource(after: rows, textRows, from: fillSource) }
        let ready = work.submit(inMemory: rowsInMemory) {
            // A copy of the importer per chunk; the copies share only the table's parse memo.
            var worker = template
            worker.startChunk(countOnly: full)
            worker.currentSections = startSection
            worker.fillSource = startFill.map { .row($0) }
            worker.statementStart = startStatement
            var out = ImportBatch(), plain = PlainInvoiceRows(file: worker.path, sheet: worker.sheet.name)
            if worker.plainRows { plain.rows.reserveCapacity(rows.count + textRows.count) }
            // The rows' customers, looked up together (``CustomerMemo/known(_:)-CustomerKeys``).
            let knownForRows = worker.looksUpRowCustomersTogether && !rows.isEmpty
                ? worker.customers.known(CustomerKeys(rows, columns: worker.customers.columns)) : []
            for i in rows.indices {
                worker.consume(rows[i], known: knownForRows.isEmpty ? nil : knownForRows[i], into: &out, plain: &plain)
            }
            let inPlace = worker.readsPlainRowsInPlace
            // The rows' customers, looked up together (``CustomerMemo/known(_:)-CustomerKeys``).
            let known = inPlace ? worker.customers.known(CustomerKeys(textRows, columns: worker.customers.columns)) : []
            for r in 0..<textRows.count {
                worker.consume(textRows, r, inPlace: inPlace, known: inPlace ? known[r] : nil, into: &out, plain: &plain)
            }
            worker.finishChunk(into: &out)
            let encoded = encoding.encode(&out, plain: plain)
            let steps = checksBalance ? worker.runningBalanceSteps(past: rows, textRows, headings: chunkHeadings) : []
            return Done(batch: out, encoded: encoded, balanceSteps: steps)
        }
        deliver(ready, into: &batch, flush: flush)
    }

    private mutating func deliver(_ results: [Done], into batch: inout ImportBatch, flush: (inout ImportBatch, [Encoding.Encoded]) -> Void) {
        for done in results {
            let r = done.batch
            batch.diagnostics += notesInFlight.removeFirst()
            Self.move(r.customers, onto: &batch.customers); Self.move(r.invoices, onto: &batch.invoices)
            Self.move(r.payments, onto: &batch.payments); Self.move(r.rejects, onto: &batch.rejects)
            for (code, n) in r.diagnosticsNotListed {
                seenPerCode[code, default: 0] += n
                batch.diagnosticsNotListed[code, default: 0] += n
            }
            list(r.diagnostics, into: &batch)
            if !done.balanceSteps.isEmpty, let said = balanceCheck?.take(done.balanceSteps) { list(said, into: &batch) }
            for a in r.accounting { accounting.add(a) }
            flush(&batch, [done.encoded])
        }
    }
}

extension ChunkFeed {
    /// Adds diagnostics to the batch, each code listed up to ``ImportBatch/listedPerCode`` times
    /// in the table and only counted past that.
    private mutating func list(_ diagnostics: [Diagnostic], into batch: inout ImportBatch) {
        for d in diagnostics {
            let seen = seenPerCode[d.code, default: 0] + 1
            seenPerCode[d.code] = seen
            if seen <= ImportBatch.listedPerCode { batch.diagnostics.append(d) }
            else { batch.diagnosticsNotListed[d.code, default: 0] += 1 }
        }
    }

    /// Appends, or takes the array whole when there is nothing to append to (the usual case in a
    /// streaming import, whose consumer empties the batch after each chunk): no element is copied.
    fileprivate static func move<T>(_ items: [T], onto list: inout [T]) {
        if list.isEmpty { list = items } else { list += items }
    }
}

extension SourceAccounting {
    /// Adds another count of the same table's rows.
    mutating func add(_ other: SourceAccounting) {
        rowsRead += other.rowsRead; imported += other.imported; rejected += other.rejected; blank += other.blank
        totalsSkipped += other.totalsSkipped; headerRows += other.headerRows; otherSkipped += other.otherSkipped
    }
}
