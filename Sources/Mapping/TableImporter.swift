import Foundation
import Receivables
import Tabular

/// Imports the rows of one table: accounts for every row, decides each amount and date column's
/// conventions from all its values, and builds records (or rejects) row by row.
struct TableImporter: Sendable {
    let path: String
    let sheet: SheetInfo
    let table: AnalyzedTable
    let rows: [Row]
    let options: ImportOptions
    let country: String?
    let label: String?
    let priority: Int
    var amountProfiles: [Int: AmountColumnProfile] = [:]
    var dateProfiles: [Int: DateColumnProfile] = [:]
    var headerCurrency: [Int: Currency] = [:]
    var headerNames: [Int: String] = [:]
    /// Each field's columns and separator, by ``Field/ordinal``.
    let fieldColumns: [[Int]]
    let fieldSeparators: [String?]
    var accounting = SourceAccounting(file: "")
    var classifier: RowClassifier?
    /// Tax IDs, phones and currencies already parsed, shared by every chunk of the table.
    let parsed = ParseMemo()
    /// Customers of plain invoice rows by their cells, shared like ``parsed``.
    let customers: CustomerMemo
    /// The current row's customer key (``CustomerKey``), written here so no row allocates one.
    var customerKey: [UInt8] = []
    /// Whether data rows of an invoice table may come out as ``PlainInvoiceRow``s (set by the
    /// ``ChunkFeed`` when its encoding takes them).
    var plainRows = false {
        didSet { if classifier != nil { bytesReader = PlainBytesReader(self) } }
    }
    /// How plain rows are read in place from their bytes, once the columns' conventions are decided.
    var bytesReader: PlainBytesReader?
    /// The consumer's encoding of a plain row's customer values (``ChunkEncoding/encodeValues(of:)``).
    var encodeCustomerValues: @Sendable (Customer) -> [UInt8] = { _ in [] }
    /// Codes this table has listed ``ImportBatch/listedPerCode`` times already: only counted now.
    /// (A handful at most: a list, compared before any hashing; the codes are literals, so `==`
    /// usually decides on their storage alone.)
    var countOnly: [String] = []
    /// How often this chunk's plain rows raised each of `countOnly` again (``noteCustomer(_:row:line:into:)``),
    /// added to the batch by ``finishChunk(into:)``: counted here, not hashed into the batch per row.
    var countOnlyTally: [Int] = []
    /// The currency cells this chunk has read, and what they name: a list has a handful of
    /// distinct ones, found here without the table's shared memo.
    var recentCurrencies: [(text: String, currency: Currency)] = []
    /// The document-type cells this chunk has read in place, and the type each gives (`nil`: one
    /// the row path imports, a receipt or an unknown type, which it says about).
    var recentTypes: [(text: String, type: Invoice.DocumentType?)] = []
    /// For an invoice table that maps no customer column, its customer headings (an ERP's aging
    /// report: ``CustomerSections``), and the heading the current row is under (set by the
    /// ``ChunkFeed`` at each chunk's start).
    var sections: CustomerSections?
    var currentSections = CustomerSections.Current()
    /// An invoice table's status column that no field took (`Estado`, `Estatus`): a row it marks
    /// voided (``VoidedRows``) is skipped.
    var statusColumn: Int?
    /// For an invoice table with customer columns, how a customer written once above its invoices
    /// fills the rows under it (``CustomerFillDown``), and the row it comes from for the next row
    /// (set by the ``ChunkFeed`` at each chunk's start).
    var fillDown: CustomerFillDown?
    var fillSource: CustomerFillDown.Source?
    /// ``amountColumns(_:)`` of the table, its date columns, and whether its first document
    /// numbers are bare numbers (``isUnlabeledTotals(_:)``).
    let amountColumns: [Bool]
    let dateColumns: [Int]
    var documentsAreBareNumbers = true
    /// The folded single-cell lines of the table's preamble (title, report date), which a printed
    /// report repeats at each page break (``isRepeatedTitle(_:)``).
    var titleLines: Set<String> = []
    /// The currency the table's preamble states for all its amounts (`Moneda: USD`, `Expresado en
    /// dólares`): after the cell's and the column's, before the mapping's and the configuration's.
    var titleCurrency: Currency?
    /// A statement whose running balance runs down the rows (``runsForward(_:rows:)``): its first
    /// line may carry a balance from before it (``appendImpliedOpening(_:into:)``). Where the
    /// statement stands is set by the ``ChunkFeed`` at each chunk's start.
    var statementRunsForward = false
    var statementStart = StatementStart()

    /// The currency of an amount that names none, nor its column: the preamble's, the mapping's,
    /// else the configured one.
    var fallbackCurrency: Currency? { titleCurrency ?? options.mappingCurrency ?? options.currency }

    init(path: String, sheet: SheetInfo, table: AnalyzedTable, rows: [Row], options: ImportOptions) {
        self.path = path; self.sheet = sheet; self.table = table; self.rows = rows; self.options = options
        country = options.effectiveCountry
        label = options.sourceLabel ?? options.mapping?.sourceLabel
        priority = options.mapping?.sourcePriority ?? options.sourcePriority
        var columns = [[Int]](repeating: [], count: Field.allCases.count)
        var separators = [String?](repeating: nil, count: Field.allCases.count)
        for f in table.mapping.fields.reversed() {  // the first mapping of a field wins
            columns[f.field.ordinal] = f.columns; separators[f.field.ordinal] = f.separator
        }
        fieldColumns = columns; fieldSeparators = separators
        amountColumns = Self.amountColumns(columns)
        dateColumns = [Field.issueDate, .dueDate, .paymentDate].flatMap { columns[$0.ordinal] }
        customers = CustomerMemo(columns: Self.customerColumns(columns))
        let mapped = Set(columns.joined())
        for h in table.region.headers {
            headerNames[h.column] = h.displayName.isEmpty ? h.letter : h.displayName
            if let c = CurrencyToken.currency(inHeaderText: h.displayName, country: country, currency: options.currency) {
                headerCurrency[h.column] = c
            }
            if statusColumn == nil, !mapped.contains(h.column), VoidedRows.isStatusHeader(h.displayName) { statusColumn = h.column }
        }
    }

    var mapping: TableMapping { table.mapping }

    /// The mapped field's columns, looked up once per table instead of once per value.
    func columns(_ field: Field) -> [Int] { fieldColumns[field.ordinal] }

    /// Accounts for the title and header rows and decides the columns' conventions from the data
    /// rows at hand (the whole table, or the first window of a sheet too large to hold).
    mutating func begin(into batch: inout ImportBatch) {
        let region = table.region
        accounting = SourceAccounting(file: path, sheet: sheet.name, table: table.name)
        for i in region.startIndex..<region.dataStartIndex {
            accounting.rowsRead += 1
            if rows[i].isBlank { accounting.blank += 1 } else { accounting.headerRows += 1 }
        }
        let tableAt = SourceLocation(file: path, sheet: sheet.name, row: table.headerRowNumber)
        batch.diagnostics += table.mappingDiagnostics(path: path, country: country, currency: options.currency)
        guard let kind = mapping.kind else { return }
        profileColumns(kind: kind, at: tableAt, into: &batch)
        classifier = RowClassifier(settings: options.settings, headerRow: rows[region.dataStartIndex - 1],
                                   keyColumns: keyColumns(kind),
                                   dateColumns: dateColumns,
                                   documentColumns: kind == .customers ? [] : keyColumns(kind),
                                   checkFirst: Array(amountProfiles.keys.sorted() + dateProfiles.keys.sorted()))
        let dataRows = rows[region.dataStartIndex..<region.endIndex]
        documentsAreBareNumbers = Self.documentsAreBareNumbers(dataRows.prefix(1000), documentColumns: columns(.documentNumber))
        titleLines = Set(rows[region.startIndex..<region.headerIndex].compactMap { CustomerSections.singleText($0).map { TextFolding.fold($0.text) } })
        titleCurrency = Self.statedCurrency(rows[region.startIndex..<region.headerIndex])
        if kind == .invoices, [Field.customerName, .firstName, .lastName, .taxID].allSatisfy({ columns($0).isEmpty }) {
            let text: Set<Field> = [.notes, .address, .city, .salesperson, .phone, .email, .paymentReference, .paymentMethod]
            let textColumns = mapping.fields.filter { text.contains($0.field) }.flatMap(\.columns)
            let valueColumns = mapping.fields.filter { [ValueKind.amount, .date].contains($0.field.valueKind) }.flatMap(\.columns)
            sections = CustomerSections(country: country, textColumns: Set(textColumns), valueColumns: Set(valueColumns),
                                        titleLines: titleLines)
            if let classifier { sections?.bareNames = CustomerSections.closedByTheirTotals(dataRows.prefix(2_000), classifier: classifier) }
            if let customer = sections?.titleCustomer(rows[region.startIndex..<region.headerIndex], parsed: parsed) {
                currentSections.enter(customer)
            }
        }
        if let candidate = CustomerFillDown(kind: kind, fieldColumns: fieldColumns),
           candidate.isLayout(of: dataRows, documentColumns: columns(.documentNumber)) {
            fillDown = candidate
        }
        bytesReader = PlainBytesReader(self)
        statementRunsForward = Self.runsForward(self, rows: dataRows)
    }

    /// One row of the data area: imported (as records in `batch`, or when ``plainRows`` allows, as
    /// a plain row in `plain`), rejected, or counted as blank, header or totals. `known` is the
    /// customer the memo already knows for the row's customer cells, if looked up
    /// (``looksUpRowCustomersTogether``).
    mutating func consume(_ row: Row, known: CustomerValues? = nil, into batch: inout ImportBatch,
                          plain: inout PlainInvoiceRows) {
        accounting.rowsRead += 1
        guard let kind = mapping.kind, let classifier else {
            if row.isBlank { accounting.blank += 1; return }
            accounting.rejected += 1
            batch.rejects.append(Reject(location: location(row), code: "MAP-NO-RECORD-KIND",
                                        reason: "the table has no columns for invoices, customers or payments",
                                        rawText: rawText(row)))
            return
        }
        var row = row
        switch classifier.classify(row) {
        case .blank:
            accounting.blank += 1
            fillSource = nil
        case .repeatedHeader:
            accounting.headerRows += 1
            note(.info, "MAP-REPEATED-HEADER", "header row repeated inside the data: skipped", at: location(row), into: &batch)
        case .totals:
            accounting.totalsSkipped += 1
            fillSource = nil
            currentSections.closeCustomer()
            note(.info, "MAP-TOTALS-ROW", "totals row left out", at: location(row), found: rawText(row), into: &batch)
        case .data:
            let heading = sections.flatMap { $0.heading(row, parsed: parsed) }
            if statementRunsForward {
                // Taken out while it moves, so that it is the only copy and grows in place.
                var state = statementStart
                statementStart = StatementStart()
                let outcome = advanceStatement(past: row, isHeading: heading != nil, &state)
                statementStart = state
                switch outcome {
                case .confirmed(let first): appendImpliedOpening(first, into: &batch)
                case .unconfirmed(let first): noteUnconfirmedOpening(first, into: &batch)
                case nil: break
                }
            }
            if let heading {
                enterSection(heading, into: &batch)
                return
            }
            // The row's only text, if it has one and nothing else: several checks below look at it.
            let single = CustomerSections.singleText(row)
            if isRepeatedTitle(single: single) {
                accounting.headerRows += 1
                note(.info, "MAP-REPEATED-HEADER", "a title line of the table repeated at a page break: skipped",
                     at: location(row), into: &batch)
                return
            }
            // An aging report grouped by bucket heads each group with it (`Actual`, `1 - 30 días
            // vencidos`): a label, no document.
            if kind == .invoices, let (column, text) = single, AgingBuckets.isBucketHeader(text) {
                accounting.headerRows += 1
                note(.info, "MAP-SECTION-LABEL", "an aging report's group label: skipped", at: location(row, column: column),
                     found: text, into: &batch)
                return
            }
            // A remark on the report (`Nota: montos en USD`, `Elaborado por: Ana Pérez`, `Firma`),
            // alone on its row, most often under the totals: no record, and no reject either.
            if let (column, text) = single ?? Self.remarkWithItsDate(row), Self.isReportRemark(text) {
                skip(row, for: column, "MAP-REMARK-ROW", "a remark on the report (who made it, a note): no record", into: &batch)
                return
            }
            // A row of dashes under every column (`- | - | -`): a rule drawn across the table.
            if let first = Self.dashesOnly(row) {
                skip(row, for: first, "MAP-SEPARATOR-ROW", "a row of dashes: a rule across the table, no record", into: &batch)
                return
            }
            if Self.isPageLine(single: single) {
                accounting.headerRows += 1
                note(.info, "MAP-PAGE-LINE", "a printed report's page line: skipped", at: location(row),
                     found: rawText(row), into: &batch)
                return
            }
            if isUnlabeledTotals(row) {
                accounting.totalsSkipped += 1
                fillSource = nil
                currentSections.closeCustomer()
                note(.info, "MAP-TOTALS-ROW", "totals row left out (amounts only: no label, document or customer)",
                     at: location(row), found: rawText(row), into: &batch)
                return
            }
            // The row as the file has it, for a reject's raw text (not the customer filled down into it).
            var asWritten: Row?
            if let fillDown {
                if fillDown.namesCustomer(row) {
                    fillSource = .row(row)
                } else if case .row(let source) = fillSource {
                    asWritten = row
                    row = fillDown.filled(row, from: source)
                    note(.info, "MAP-CUSTOMER-FILLED-DOWN",
                         "no customer in the row: the customer written above it (row \(source.number)), whose invoices follow it",
                         at: location(row), found: fillDown.identityColumns.map { source.shownText(column: $0) }
                            .filter { !$0.isEmpty }.joined(separator: " | "), into: &batch)
                }
            }
            if kind == .invoices, let c = statusColumn, VoidedRows.isVoided(row.shownText(column: c)) {
                skip(row, for: c, "MAP-VOIDED-ROW", "a voided document (its status says so): no debt, skipped", into: &batch)
                return
            }
            if kind == .invoices, isStatement, let line = Self.balanceLineColumn(row),
               !Self.isOpeningBalance(row.shownText(column: line)) {
                skip(row, for: line, "MAP-BALANCE-LINE", "a statement's closing balance: the sum of its lines, no document",
                     into: &batch)
                return
            }
            if kind == .payments, let line = Self.balanceLineColumn(row) {
                skip(row, for: line, "MAP-BALANCE-LINE", "a statement's opening or closing balance: no customer's payment",
                     into: &batch)
                return
            }
            // A debit line is money out of the account, but a bounced cheque's takes back the
            // payment it made (``saysReversal(_:)``): imported from the debit column, below zero.
            var reversedDebit: Int?
            if kind == .payments, let debit = moneyOutColumn(row) {
                guard saysReversal(row) else {
                    skip(row, for: debit, "MAP-MONEY-OUT-LINE", "a debit line: money out of the account, no customer's payment",
                         into: &batch)
                    return
                }
                reversedDebit = debit
            }
            if plainRows, kind == .invoices, sections == nil, !isStatement, let p = plainInvoice(row, known: known, into: &batch) {
                plain.rows.append(p)
                accounting.imported += 1
            } else if importRow(row, kind: kind, moneyOut: reversedDebit, asWritten: asWritten, into: &batch) {
                accounting.imported += 1
            } else {
                accounting.rejected += 1
            }
        }
    }

    /// The first column of a row whose every non-blank cell is dashes alone (`-`, `---`, `–`), at
    /// least two of them; `nil` for any other row.
    static func dashesOnly(_ row: Row) -> Int? {
        var first: Int?, count = 0
        for (i, cell) in row.cells.enumerated() where !cell.isBlank {
            guard case .text(let t) = cell, isDashes(t) else { return nil }
            first = first ?? i + 1; count += 1
        }
        return count >= 2 ? first : nil
    }

    /// Whether a text is dashes (`-`, `–`, `—`, `_`) among whitespace, at least one of them.
    /// Nearly every cell of a data row begins with a letter or digit: its first byte tells, without
    /// a Unicode scan; a non-ASCII byte takes the scan.
    static func isDashes(_ t: String) -> Bool {
        var dash = false
        for b in t.utf8 {
            switch b {
            case UInt8(ascii: "-"), UInt8(ascii: "_"): dash = true
            case 0x09...0x0D, UInt8(ascii: " "): continue
            case 0x80...: return t.contains(where: { !$0.isWhitespace }) && t.allSatisfy({ $0.isWhitespace || "-–—_".contains($0) })
            default: return false
            }
        }
        return dash
    }

    /// Words that open a remark on a report rather than a record: a note, who made, checked or
    /// approved it, where its figures come from, a signature line.
    static let remarkWords: Set<String> = [
        "nota", "notas", "note", "notes", "observacion", "observaciones", "elaborado", "preparado", "revisado",
        "aprobado", "autorizado", "fuente", "firma", "firmas", "prepared", "approved", "source", "signature",
    ]

    /// Whether a row's only text is a remark (``remarkWords`` as its first word, alone or before
    /// `:`/`por`): `Nota: montos en USD`, `Elaborado por: Ana`, `Firma: ________`.
    static func isReportRemark(_ text: String) -> Bool {
        let folded = TextFolding.fold(text)
        guard let first = folded.split(separator: " ").first.map(String.init), remarkWords.contains(first) else { return false }
        let rest = folded.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        let next = rest.split(separator: " ").first
        return rest.isEmpty || text.contains(":") || next == "por" || next == "by"
    }

    /// A sign-off with its date (`Revisado por: Gerencia | 01/07/2024`): the row's first text and,
    /// besides it, one date only; `nil` for any other row.
    static func remarkWithItsDate(_ row: Row) -> (column: Int, text: String)? {
        let filled = row.cells.indices.filter { !row.cells[$0].isBlank }
        guard filled.count == 2 else { return nil }
        let (first, second) = (row.cells[filled[0]], row.cells[filled[1]])
        guard case .text(let text) = first else { return nil }
        switch second {
        case .date, .dateTime: break
        case .text(let t): guard case .success = DateParser.parse(text: t.trimmingWhitespace, order: .dmy) else { return nil }
        default: return nil
        }
        return (filled[0] + 1, text)
    }

    /// A data row that holds no record, for what its cell in `column` says: counted with the other
    /// rows skipped, and said at that cell.
    mutating func skip(_ row: Row, for column: Int, _ code: String, _ message: String, into batch: inout ImportBatch) {
        accounting.otherSkipped += 1
        note(.info, code, message, at: location(row, column: column), found: row.shownText(column: column), into: &batch)
    }

    /// A customer heading: the invoice rows under it are its customer's; a salesperson heading: the
    /// customers under it are that salesperson's. Counted with the header rows, said once (with
    /// its tax ID's warning, if any), not on every invoice under it.
    mutating func enterSection(_ heading: CustomerSections.Heading, into batch: inout ImportBatch) {
        currentSections.enter(heading)
        accounting.headerRows += 1
        let at = SourceLocation(file: path, sheet: sheet.name, row: heading.row, column: heading.column, line: heading.line)
        switch heading.kind {
        case .customer:
            note(.info, "MAP-CUSTOMER-SECTION", "customer heading: the invoice rows under it are this customer's",
                 at: at, found: heading.text, into: &batch)
        case .salesperson:
            note(.info, "MAP-SALESPERSON-SECTION", "salesperson heading: the customers under it are this salesperson's",
                 at: at, found: heading.text, into: &batch)
        }
        if let id = heading.taxID { noteValidity(of: id, found: heading.taxIDText, at: at, into: &batch) }
    }

    /// Prepares this copy to import one chunk of rows on a worker thread: zero counts, and the codes
    /// whose diagnostics are only counted by now.
    mutating func startChunk(countOnly: Set<String>) {
        self.countOnly = Array(countOnly)
        countOnlyTally = Array(repeating: 0, count: countOnly.count)
        recentCurrencies = []
        recentTypes = []
        accounting = SourceAccounting(file: path, sheet: sheet.name, table: table.name)
        bytesReader = bytesReader.map(PlainBytesReader.init(copying:))
    }

    /// Ends the chunk begun by ``startChunk(countOnly:)``: its counts go to the batch.
    mutating func finishChunk(into batch: inout ImportBatch) {
        for (code, n) in zip(countOnly, countOnlyTally) where n > 0 { batch.diagnosticsNotListed[code, default: 0] += n }
        countOnlyTally = Array(repeating: 0, count: countOnly.count)
        batch.accounting = [accounting]
    }

    /// Hands the table's row accounting to the batch.
    func finish(into batch: inout ImportBatch) {
        batch.accounting.append(accounting)
    }

    /// Decides each amount and date column's conventions from all its data values.
    mutating func profileColumns(kind: RecordKind, at tableAt: SourceLocation, into batch: inout ImportBatch) {
        let region = table.region
        let data = rows[region.dataStartIndex..<region.endIndex]
        for f in mapping.fields {
            for c in f.columns {
                switch f.field.valueKind {
                case .amount:
                    let (parsed, country) = (parsed, country)
                    let cells = data.lazy.map { row in
                        (row[column: c], row.currencies?[c].flatMap { parsed.currency($0, country: country) })
                    }
                    let p = AmountColumnProfile.profile(cells, configured: options.decimalSeparator, country: country)
                    amountProfiles[c] = p
                    if p.commaVotes > 0 && p.dotVotes > 0 {
                        batch.diagnostics.append(Diagnostic(.warning, code: "MAP-AMOUNT-MIXED-SEPARATORS",
                            "column \(headerNames[c] ?? "") mixes decimal commas (\(p.commaVotes)) and points (\(p.dotVotes)); values that fit neither reading are rejected",
                            at: tableAt.withColumn(c)))
                    }
                    if let currency = p.currency, p.markedValues < p.values {
                        batch.diagnostics.append(Diagnostic(.info, code: "MAP-AMOUNT-COLUMN-CURRENCY",
                            "column \(headerNames[c] ?? ""): \(p.markedValues) of \(p.values) values name \(currency.code), and no other currency; the others are read as \(currency.code) unless their row or header names one",
                            at: tableAt.withColumn(c)))
                    }
                    if p.decidedByCountry, let sep = p.decimalSeparator {
                        batch.diagnostics.append(Diagnostic(.info, code: "MAP-AMOUNT-SEPARATOR-BY-COUNTRY",
                            "column \(headerNames[c] ?? ""): \(p.ambiguousValues) values like 1.234 read with \"\(sep)\" as the decimal separator, as \(country ?? "") writes amounts (no value settled it; decimal_separator in a mapping decides otherwise)",
                            at: tableAt.withColumn(c)))
                    }
                case .date:
                    let p = DateColumnProfile.profile(data.lazy.map { $0[column: c] }, configured: options.dateOrder,
                                                      country: country)
                    dateProfiles[c] = p
                    if p.dmyVotes > 0 && p.mdyVotes > 0 {
                        batch.diagnostics.append(Diagnostic(.warning, code: "MAP-DATE-MIXED-ORDER",
                            "column \(headerNames[c] ?? "") has day-first (\(p.dmyVotes)) and month-first (\(p.mdyVotes)) dates; read as \(p.order.rawValue)",
                            at: tableAt.withColumn(c)))
                    }
                default:
                    break
                }
            }
        }
        adoptProvenDateOrder(at: tableAt, into: &batch)
        adoptProvenSeparator(at: tableAt, into: &batch)
    }

    /// A table writes its amounts one way: a column whose values leave the decimal separator open
    /// (`500.000`, `1.000`) reads them as the table's other amount columns prove (`1.190.000` groups
    /// by points, `1.500,50` has a decimal comma), rather than rejecting them as ambiguous or
    /// reading them by the country. Said once per column. (A configured separator wins; columns
    /// proving different separators are left as they are.)
    mutating func adoptProvenSeparator(at tableAt: SourceLocation, into batch: inout ImportBatch) {
        guard options.decimalSeparator == nil else { return }
        let proven = Set(amountProfiles.values.filter { ($0.commaVotes > 0) != ($0.dotVotes > 0) }.compactMap(\.decimalSeparator))
        guard proven.count == 1, let sep = proven.first else { return }
        for (c, p) in amountProfiles.sorted(by: { $0.key < $1.key })
        where p.commaVotes == 0 && p.dotVotes == 0 && p.ambiguousValues > 0 && p.decimalSeparator != sep {
            amountProfiles[c]?.decimalSeparator = sep
            amountProfiles[c]?.decidedByCountry = false
            // (What the country would have decided is no longer so.)
            let at = tableAt.withColumn(c)
            batch.diagnostics.removeAll { $0.code == "MAP-AMOUNT-SEPARATOR-BY-COUNTRY" && $0.location == at }
            batch.diagnostics.append(Diagnostic(.info, code: "MAP-AMOUNT-SEPARATOR-FROM-COLUMN",
                "column \(headerNames[c] ?? ""): \(p.ambiguousValues) values like 1.234 read with \"\(sep)\" as the decimal separator, as the table's other amount columns write it",
                at: tableAt.withColumn(c)))
        }
    }

    /// A table writes its dates one way: a date column whose values leave the day and month order
    /// open (`03/01/2024`) reads them as the table's other date columns prove (`04/14/2024` in the
    /// due dates is month-first), rather than by the country, which read the issue dates of a US
    /// export day-first beside month-first due dates. Said once per column. (A configured order
    /// wins; columns proving different orders are left as they are.)
    mutating func adoptProvenDateOrder(at tableAt: SourceLocation, into batch: inout ImportBatch) {
        guard options.dateOrder == nil else { return }
        let proven = Set(dateProfiles.values.filter(\.decidedByValues).map(\.order))
        if proven.isEmpty { noteAssumedDateOrder(at: tableAt, into: &batch) }
        guard proven.count == 1, let order = proven.first else { return }
        let dated = dateProfiles.keys.sorted()
        let by = dated.filter { dateProfiles[$0]!.decidedByValues }.map { headerNames[$0] ?? CellRef.columnLetters($0) }
        for c in dated where !dateProfiles[c]!.decidedByValues && dateProfiles[c]!.order != order {
            dateProfiles[c]!.order = order
            batch.diagnostics.append(Diagnostic(.info, code: "MAP-DATE-ORDER-FROM-COLUMN",
                "column \(headerNames[c] ?? CellRef.columnLetters(c)): no value settles the day and month order; read as \(order.rawValue), as the dates of \(by.joined(separator: ", ")) prove",
                at: tableAt.withColumn(c)))
        }
    }

    /// No date of the table settles the day and month order, and some read both ways (`03/04/2024`):
    /// they are read as the country writes dates (month first in the US only), or day first with
    /// no country, and said per column, so that nobody takes a guess for a reading. (A warning
    /// without a country: then nothing but the default decided.)
    func noteAssumedDateOrder(at tableAt: SourceLocation, into batch: inout ImportBatch) {
        for c in dateProfiles.keys.sorted() {
            guard let p = dateProfiles[c], p.openValues > 0 else { continue }
            let reading = p.order == .dmy ? "day first" : "month first"
            let why = country.map { "as \($0) writes dates" } ?? "the default with no country configured"
            batch.diagnostics.append(Diagnostic(country == nil ? .warning : .info, code: "MAP-DATE-ORDER-ASSUMED",
                "column \(headerNames[c] ?? CellRef.columnLetters(c)): \(p.openValues) dates like 03/04/2024 read \(reading) (\(why)); "
                    + "no date settles it (date_order in a mapping decides otherwise)",
                at: tableAt.withColumn(c)))
        }
    }

    /// Columns whose values make a row a real record; a totals row has none of them.
    func keyColumns(_ kind: RecordKind) -> [Int] {
        let fields: [Field]
        switch kind {
        case .invoices: fields = [.documentNumber]
        case .payments: fields = [.documentNumber, .paymentReference]
        case .customers: fields = [.taxID, .email, .phone]
        }
        return fields.flatMap { columns($0) }
    }

    func location(_ row: Row, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, sheet: sheet.name, row: row.number, column: column, line: row.line)
    }

    /// A row's cells as text, joined by ` | ` (rejects' raw text), from `firstColumn` on.
    static func rawText(_ row: Row, fromColumn firstColumn: Int = 1) -> String {
        var cells = row.cells.dropFirst(firstColumn - 1).map(\.displayText)
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        return cells.joined(separator: " | ")
    }

    /// The row's raw text in this table: from its first column, for a table beside another on its
    /// header row (the columns before it are the other table's, blank here).
    func rawText(_ row: Row) -> String {
        Self.rawText(row, fromColumn: table.region.firstColumnBesideAnother ?? 1)
    }

    /// A record's ID from its row's place; for a table beside another on its header row, with the
    /// table's first column too (`file#sheet!I2`), so that the rows they share give each table's
    /// records IDs of their own.
    func recordID(_ place: SourceLocation, suffix: String? = nil) -> RecordID {
        guard let column = table.region.firstColumnBesideAnother, let row = place.row else {
            return RecordID(place, suffix: suffix)
        }
        var id = RecordID.sheetPart(file: place.file, sheet: place.sheet) + CellRef.columnLetters(column) + String(row)
        if let suffix { id += "/" + suffix }
        return RecordID(id)
    }
}
