import Receivables
import Tabular

/// The customer headings of a report that names each customer once, above its invoices: the aging
/// report an ERP prints, where a row `Cliente: J-30123456-1 ABASTO LUNA C.A.` opens the customer's
/// section, its invoice rows follow (with no customer column), and `Total cliente` closes it.
///
/// In an invoice table that maps no customer column, such a heading's customer is the customer of
/// every invoice row under it, down to the next heading. A heading is a data-area row with a single
/// non-blank cell of text, in no free-text column (`Cliente pagó en efectivo` in the notes is a
/// note), that starts with a customer label (`Cliente:`, `Razón social`, `RIF`…), or, outside the
/// amount and date columns, holds a tax ID whose check digit is right. A lone word (`ANULADA`), a
/// document number or a stray number is no heading, so a stray cell never names the customers
/// below it: such rows stay data rows (and are rejected).
///
/// Reports grouped by salesperson head each group the same way (`Vendedor: 01 JUAN PEREZ`, then
/// its customers' headings): such a heading, which needs its label, names the salesperson of the
/// customers under it, down to the next one, and closes the customer section above it.
struct CustomerSections: Sendable {
    /// A heading: where it is, what it heads, and the name and tax ID it gives.
    struct Heading: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case customer, salesperson }
        var kind: Kind = .customer
        var row: Int
        var line: Int?
        var column: Int
        /// The cell's text, as written.
        var text: String
        var name: String?
        /// The tax ID as written in the heading, and as parsed.
        var taxIDText: String?
        var taxID: TaxID?
        /// Whether a label opened it (`Cliente:`, `RIF:`): only such a line above a table's header
        /// names the table's customer (the issuer's own name heads many reports).
        var labelled = false
    }

    let country: String?
    /// Columns of free text (notes, address, salesperson, phones, emails): no heading is there, a
    /// `Cliente pagó en efectivo` in the notes is a note.
    var textColumns: Set<Int>
    /// Columns of amounts and dates: a heading is there only after its label (`Cliente: …` in the
    /// date column of an ERP report); a bare number there is a stray value, whatever it spells.
    let valueColumns: Set<Int>
    /// The table's title lines, folded: repeated at a page break, they are no heading (the seller's
    /// own name above every page of an ERP report ends in its legal form too).
    var titleLines: Set<String> = []
    /// Whether a bare name heads a section (``closedByTheirTotals(_:classifier:)``): in reports
    /// whose sections each end with a total naming their customer (QuickBooks' `Total for Amy's
    /// Bird Sanctuary`, Xero's `Total Bayside Club`), a lone name is a heading without a label,
    /// tax ID or legal form.
    var bareNames = false

    /// Folded words that label a customer heading (the first word, or first two, of the cell).
    static let labels: Set<String> = [
        "cliente", "clientes", "customer", "client", "cliente proveedor", "razon social", "deudor", "cuenta", "cta",
        "nombre", "socio", "comprador", "rif", "nit", "rut", "cuit", "ruc", "rfc", "cnpj", "cpf", "nif", "cif",
    ]

    /// Folded words that label a tax ID written after a name.
    static let taxIDLabels: Set<String> = [
        "rif", "nit", "rut", "cuit", "cuil", "ruc", "rfc", "cnpj", "cpf", "nif", "cif", "nie", "ci", "cc", "dni", "tax id",
        "id", "cedula", "rut no", "nit no", "rif no",
    ]

    /// Folded words that label a salesperson heading.
    static let salespersonLabels: Set<String> = [
        "vendedor", "vendedora", "cobrador", "cobradora", "asesor", "asesora", "ejecutivo", "ejecutiva", "agente",
        "representante", "promotor", "promotora", "vendedor asignado", "salesperson", "sales rep", "vendedor cobrador",
    ]

    /// The headings in effect after some rows: the salesperson's, and the customer's under it.
    struct Current: Sendable, Equatable {
        var customer: Heading?
        var salesperson: Heading?

        /// After a totals row (`Total cliente`): the invoices below it are no longer that customer's.
        mutating func closeCustomer() { customer = nil }

        /// After `heading`: a salesperson's closes the customer section above it.
        mutating func enter(_ heading: Heading) {
            switch heading.kind {
            case .customer: customer = heading
            case .salesperson: salesperson = heading; customer = nil
            }
        }
    }

    /// Whether a row read as bytes may be a heading: exactly one non-blank field. (The cheap test
    /// before its ``Row`` is built and ``heading(_:parsed:)`` decides.)
    static func mayBeHeading(_ row: TextRowView) -> Bool {
        var filled = 0
        for c in 0..<row.count where !TextCell.isBlank(row[c + 1]) {
            filled += 1
            if filled > 1 { return false }
        }
        return filled == 1
    }

    /// The heading `row` is, if it is one (the caller has told it is no blank, repeated header or
    /// totals row).
    func heading(_ row: Row, parsed: ParseMemo) -> Heading? {
        guard let (column, text) = Self.singleText(row) ?? Self.labelledSplitText(row) ?? Self.unlabelledSplitText(row),
              !textColumns.contains(column),
              !titleLines.contains(TextFolding.fold(text)) else {
            return nil
        }
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var labelled = false, taxIDLabelled = false
        for n in [2, 1] where words.count >= n {
            let head = TextFolding.fold(words.prefix(n).joined(separator: " "))
            if Self.salespersonLabels.contains(head) {
                words.removeFirst(n)
                while let first = words.first, first.allSatisfy(Self.isSeparator) { words.removeFirst() }
                let name = words.joined(separator: " ").trimmingSeparators.collapsingWhitespace
                guard !name.isEmpty else { return nil }
                return Heading(kind: .salesperson, row: row.number, line: row.line, column: column, text: text, name: name)
            }
            if Self.labels.contains(head) {
                words.removeFirst(n); labelled = true
                taxIDLabelled = Self.taxIDLabels.contains(head)
                break
            }
        }
        // A label's own punctuation (`Cliente:`, `Cliente -`) is no part of what follows.
        while let first = words.first, first.allSatisfy(Self.isSeparator) { words.removeFirst() }
        var taxIDText: String?, taxID: TaxID?
        for (i, word) in words.enumerated() {
            let token = String(word.drop(while: Self.isSeparator).reversed().drop(while: Self.isSeparator).reversed())
            guard token.filter(\.isASCIIDigit).count >= 6 else { continue }
            let id = parsed.taxID(token, country: country)
            // A check digit that proves it, or (after a label) an ID with its type letter (`J-…`,
            // its check digit warned about): never a bare run of digits, which an ERP's customer
            // code (`Cliente: 001234 ACME`) also is.
            // After a tax ID's own label (`NIT: 900123456`, its check digit left out) it is one whatever it proves.
            guard id.validity == .valid || labelled && id.validity != .malformed && token.first?.isLetter == true
                    || taxIDLabelled && i == 0 else {
                continue
            }
            taxIDText = token; taxID = id
            words.remove(at: i)
            // Its label is no part of the name (`ALFA SAS (NIT 900123456-8)`, `Alfa SAS - RIF J-…`).
            if i > 0, Self.taxIDLabels.contains(TextFolding.fold(words[i - 1])) { words.remove(at: i - 1) }
            break
        }
        // (Where bare names head sections, a name is one in any column: Xero writes it in `Date`.)
        guard labelled || bareNames && words.contains(where: { $0.contains(where: \.isLetter) })
                || !valueColumns.contains(column) && (taxID != nil || Self.isCompanyName(words)) else { return nil }
        // After a label, the ERP's customer code before the name (`Cliente: 00012 REFACCIONARIA…`)
        // is no part of it: digits with a leading zero, or five or more (a name may start with a
        // number: `7 Eleven`, `100 Montaditos`).
        if labelled, words.count >= 2, let code = words.first, code.allSatisfy(\.isASCIIDigit),
           code.hasPrefix("0") || code.count >= 5 {
            words.removeFirst()
        }
        let name = words.joined(separator: " ").trimmingSeparators
        return Heading(row: row.number, line: row.line, column: column, text: text,
                       name: name.isEmpty ? nil : name.collapsingWhitespace, taxIDText: taxIDText, taxID: taxID,
                       labelled: labelled)
    }

    /// The customer a table's title lines name with labels (a statement's `Cliente: FERRETERIA EL
    /// TORNILLO, C.A.` and `RIF: J-29876543-7` on lines of their own): the customer of every row
    /// until a heading in the data says otherwise. A name and, on the next lines, its tax ID are one
    /// customer.
    /// A CSV line split at the comma of its name (`Cliente: FERRETERIA EL TORNILLO`, ` C.A.`) is read
    /// whole again.
    func titleCustomer(_ titleRows: ArraySlice<Row>, parsed: ParseMemo) -> Heading? {
        var titles = self
        titles.titleLines = []
        titles.textColumns = []
        var found: Heading?
        for row in titleRows {
            var texts: [String] = []
            for cell in row.cells where !cell.isBlank {
                guard case .text(let t) = cell else { texts = []; break }
                texts.append(t.trimmingWhitespace)
            }
            guard !texts.isEmpty else { continue }
            var text = texts.joined(separator: ", ")
            if let named = Self.statementTitleCustomer(text) { text = "Cliente: " + named }
            let line = Row(number: row.number, line: row.line, cells: [.text(text)])
            guard let h = titles.heading(line, parsed: parsed), h.kind == .customer, h.labelled else { continue }
            // A tax ID alone (`RIF: J-…`) is the customer's only under its name: above it, it is the
            // issuer's own (the seller's letterhead: `DISTRIBUIDORA XYZ C.A.`, `RIF: J-…`).
            guard var customer = found else {
                if h.name != nil { found = h }
                continue
            }
            if customer.taxID == nil, h.name == nil { customer.taxID = h.taxID; customer.taxIDText = h.taxIDText }
            else if h.name != nil { customer = h }
            found = customer
        }
        return found
    }

    /// The customer a statement's title names after a dash or a colon (`Estado de cuenta - Comercial
    /// Oriente C.A.`, `Cuenta corriente: Ferretería Sur`); `nil` for a title that names a period
    /// or a date there (`Estado de cuenta - al 31/03/2024`, `- Marzo 2024`) or nothing.
    static func statementTitleCustomer(_ text: String) -> String? {
        guard ColumnMapper.isAccountStatementTitle(text),
              let separator = text.firstIndex(where: { "-–—:".contains($0) }) else { return nil }
        let rest = String(text[text.index(after: separator)...]).trimmingWhitespace
        let words = rest.split(whereSeparator: { $0.isWhitespace }).map { TextFolding.fold(String($0)) }
        guard let first = words.first, first.contains(where: { $0.isLetter }), !first.contains(where: { $0.isNumber }),
              !["al", "a", "del", "de", "desde", "hasta", "periodo", "corte", "mes", "ano", "fecha", "as", "from", "to"].contains(first),
              !MonthNames.full.contains(first) else { return nil }
        return rest
    }

    /// The column (1-based) and text of a row's only filled cell, when it is text: a heading, a
    /// title line or a page line is such a row.
    static func singleText(_ row: Row) -> (column: Int, text: String)? {
        var only: (column: Int, text: String)?
        for (i, cell) in row.cells.enumerated() where !cell.isBlank {
            guard only == nil, case .text(let text) = cell else { return nil }
            only = (i + 1, text)
        }
        return only
    }

    /// A row's filled cells with their columns, trimmed, when all of them are text and there are
    /// at most `limit` (a heading's few cells); `nil` otherwise.
    static func textCells(_ row: Row, atMost limit: Int) -> [(column: Int, text: String)]? {
        var cells: [(column: Int, text: String)] = []
        for (i, cell) in row.cells.enumerated() where !cell.isBlank {
            guard case .text(let raw) = cell, cells.count < limit else { return nil }
            cells.append((i + 1, raw.trimmingWhitespace))
        }
        return cells
    }

    /// A heading a report spread over cells (`Cliente: | 00012 | REFACCIONARIA LÓPEZ SA DE CV`):
    /// text cells only, the first a customer label, each other one with letters or a code with a
    /// leading zero (`Cliente: Acme | 10` is a row with an amount); read as one text from the
    /// first one's column.
    static func labelledSplitText(_ row: Row) -> (column: Int, text: String)? {
        // (Every label starts with a letter: a line's date or amount is no heading.)
        guard let cells = textCells(row, atMost: 4), cells.count >= 2, let first = cells.first,
              first.text.first?.isLetter == true, startsWithLabel(first.text),
              cells.dropFirst().allSatisfy({ c in
                  c.text.contains(where: \.isLetter) || c.text.hasPrefix("0") && c.text.allSatisfy(\.isASCIIDigit)
              }) else { return nil }
        return (first.column, cells.map(\.text).joined(separator: " "))
    }

    /// A heading a report spread over cells with no label first (CONTPAQi, Aspel, Profit:
    /// `CL0001 | ABARROTES LA PROVIDENCIA SA DE CV | RFC: | APR0102031AA`): text cells only, two to
    /// five, an optional customer code first (one word with digits, left out), then cells with
    /// letters, but for the value after a tax ID's label; read as one text from the name's column.
    /// (``heading(_:parsed:)`` then takes it only for a company's name or a proven tax ID.)
    static func unlabelledSplitText(_ row: Row) -> (column: Int, text: String)? {
        guard var cells = textCells(row, atMost: 5), cells.count >= 2 else { return nil }
        if let code = cells.first?.text, !code.contains(" "), code.contains(where: \.isNumber), code.count <= 12 {
            cells.removeFirst()
        }
        for (k, cell) in cells.enumerated() where !cell.text.contains(where: \.isLetter) {
            guard k > 0, taxIDLabels.contains(TextFolding.fold(cells[k - 1].text)) else { return nil }
        }
        guard let first = cells.first, first.text.contains(where: \.isLetter) else { return nil }
        return (first.column, cells.map(\.text).joined(separator: " "))
    }

    /// Whether the lone texts among a table's first rows head sections that a totals row naming
    /// them closes (`Bayside Club` … `Total Bayside Club`): two of them at least, and most. Then
    /// a bare name is a heading in that table (``bareNames``).
    static func closedByTheirTotals(_ rows: ArraySlice<Row>, classifier: RowClassifier) -> Bool {
        var open: [String] = [], closed = 0, lone = 0
        for row in rows {
            switch classifier.classify(row) {
            case .totals:
                guard let text = row.cells.lazy.compactMap({ cell -> String? in
                    if case .text(let t) = cell { return t } else { return nil }
                }).first else { continue }
                let folded = TextFolding.fold(text)
                if let i = open.firstIndex(where: { folded.hasSuffix(" " + $0) }) {
                    closed += 1
                    open.remove(at: i)
                }
            case .data:
                guard let (_, text) = singleText(row) else { continue }
                let folded = TextFolding.fold(text)
                guard folded.contains(where: \.isLetter) else { continue }
                lone += 1
                open.append(folded)
            case .blank, .repeatedHeader:
                continue
            }
        }
        return closed >= 2 && closed * 3 >= lone * 2
    }

    /// Whether a text opens with a customer label (`Cliente:`, `Razón social`, `RIF`).
    static func startsWithLabel(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        return [2, 1].contains { n in
            words.count >= n && labels.contains(TextFolding.fold(words.prefix(n).joined(separator: " ")))
        }
    }

    static func isSeparator(_ c: Character) -> Bool { ":-–—|/()[].,;#".contains(c) }

    /// Whether words end with a company's legal form (`Alfa SAS`, `ABASTO LUNA C.A.`, `Beta Ltda`,
    /// `Comercial S.A. de C.V.`): a heading then needs no label. (A person's bare name, or a note
    /// such as `Observaciones del cliente`, does.) The common endings of Reconcile's `LegalForms`.
    static func isCompanyName(_ words: [String]) -> Bool {
        guard (2...12).contains(words.count) else { return false }
        let folded = TextFolding.fold(words.joined(separator: " ")).split(separator: " ")
        guard folded.count >= 2, let last = folded.last else { return false }
        return legalFormEndings.contains(String(last))
    }

    static let legalFormEndings: Set<String> = [
        "sa", "sas", "ca", "ltda", "limitada", "srl", "sl", "slu", "sau", "sac", "saa", "eirl", "spa", "cv", "rl",
        "inc", "llc", "ltd", "corp", "eireli", "saci", "sacifi",
    ]
}

private extension String {
    /// Without the separators and spaces around it (`- ABASTO LUNA (` → `ABASTO LUNA`).
    var trimmingSeparators: String {
        let isEdge: (Character) -> Bool = { $0.isWhitespace || ($0 != "." && CustomerSections.isSeparator($0)) }
        return String(drop(while: isEdge).reversed().drop(while: isEdge).reversed())
    }
}

extension TableImporter {
    /// The headings in effect after rows that are about to be imported one after the other (a
    /// chunk's Rows, then its rows read as bytes), starting from `current`, as
    /// ``consume(_:into:plain:)`` changes them row by row: a heading enters, a totals row (labeled
    /// or not) closes the customer's section. The numbers of the rows that are headings go to
    /// `headings` (for ``advanceStatement(past:_:headings:from:)``, which then need not read them again).
    func sections(after rows: [Row], _ text: TextRows, from current: CustomerSections.Current,
                  headings: inout Set<Int>) -> CustomerSections.Current {
        guard let sections, let classifier else { return current }
        var result = current
        func apply(_ row: Row) {
            switch classifier.classify(row) {
            case .totals:
                result.closeCustomer()
            case .data:
                if let h = sections.heading(row, parsed: parsed) { result.enter(h); headings.insert(row.number) }
                else if !isRepeatedTitle(row), !Self.isPageLine(row), isUnlabeledTotals(row) { result.closeCustomer() }
            case .blank, .repeatedHeader:
                break
            }
        }
        for row in rows { apply(row) }
        let document = columns(.documentNumber).first
        for r in 0..<text.count where text.withRow(r, { view in
            // Surely plain data with a document number changes nothing: no Row is built for it.
            CustomerSections.mayBeHeading(view) || !classifier.isSurelyData(view)
                || document.map { Self.mayBeCount(view[$0]) } ?? true
        }) {
            apply(text.row(r))
        }
        return result
    }

    /// Whether a document field's bytes may be blank or a count of documents (`3`, `(3)`, `3 facturas`).
    static func mayBeCount(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = field.first(where: { $0 != 0x20 }) else { return true }
        return first == UInt8(ascii: "(") || (first >= 0x31 && first <= 0x39 && field.count <= 20)
    }
}
