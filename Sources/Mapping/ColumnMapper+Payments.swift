import Foundation
import Tabular

extension ColumnMapper {
    /// A bank statement (`Fecha`, `Referencia`, `Descripción`, `Débito`, `Crédito`, `Saldo`) lists
    /// the money into and out of an account. The money in is what customers paid, so the credit
    /// column is the payment amount; the money out (debit) is `money_out`, which tells a debit
    /// line (skipped) from a row missing its amount, and the running balance (`Saldo`, the
    /// account's, no customer's debt) describes no receivable and stays an extra. The table is one when
    /// it has a date, a reference or a description, and a credit column, no document number, and
    /// either a debit column or no other amount (`Monto` beside `Abono` is an invoice and its part
    /// paid).
    func markStatement(headers: [ColumnHeader], profiles: [Int: ColumnProfile], rows: ArraySlice<Row>,
                       byField: inout [Field: MappedField], taken: inout Set<Int>) {
        let folded = headers.map { (column: $0.column, text: TextFolding.fold($0.text)) }
        let debits = folded.filter { Self.isWord($0.text, in: MappingSettings.debitWords) }.map(\.column)
        // A bank numbers its lines (`Folio`, `Nº`): with a description, debits and credits, and
        // nothing of a customer's or a document type, that number is the line's reference.
        if let number = byField[.documentNumber], number.columns.count == 1, byField[.paymentReference] == nil,
           let header = folded.first(where: { $0.column == number.columns[0] }),
           Self.bankLineNumbers.contains(header.text) || MappingSettings.bareNumberMarks.contains(header.text)
            || Self.bankDocumentHeaders.contains(header.text) && Self.creditBeforeDebit(folded, debits: debits),
           !debits.isEmpty, folded.contains(where: { Self.isWord($0.text, in: MappingSettings.descriptionWords) }),
           folded.contains(where: { Self.isWord($0.text, in: MappingSettings.creditWords) }),
           !Self.saysWhoseOrWhat(byField, rows: rows) {
            byField[.documentNumber] = nil
            byField[.paymentReference] = MappedField(field: .paymentReference, columns: number.columns, confidence: number.confidence)
        }
        guard byField[.documentNumber] == nil, byField[.paymentAmount] == nil,
              byField[.issueDate] != nil || byField[.paymentDate] != nil,
              byField[.paymentReference] != nil
                || folded.contains(where: { Self.isWord($0.text, in: MappingSettings.descriptionWords) }),
              !debits.isEmpty || byField[.amount] == nil,
              let credit = folded.first(where: { Self.isWord($0.text, in: MappingSettings.creditWords) })?.column,
              let profile = profiles[credit], profile.fit(.paymentAmount) >= 0.5
        else {
            markSignedStatement(folded: folded, profiles: profiles, rows: rows, byField: &byField, taken: &taken)
            return
        }
        let released = Set(debits + [credit] + (byField[.balance]?.columns ?? []))
        for (field, mapped) in byField where !released.isDisjoint(with: mapped.columns) {
            byField[field] = nil
            taken.subtract(mapped.columns)
        }
        let confidence = settings.headerWeight + (1 - settings.headerWeight) * profile.fit(.paymentAmount)
        byField[.paymentAmount] = MappedField(field: .paymentAmount, columns: [credit], confidence: rounded(confidence))
        taken.insert(credit)
        // The debit column tells the debit lines, which are skipped, from rows missing their amount.
        if let debit = debits.first, let debitProfile = profiles[debit], debitProfile.fit(.paymentAmount) >= 0.5 {
            let confidence = settings.headerWeight + (1 - settings.headerWeight) * debitProfile.fit(.paymentAmount)
            byField[.moneyOut] = MappedField(field: .moneyOut, columns: [debit], confidence: rounded(confidence))
            taken.insert(debit)
        }
    }

    /// A bank statement with one signed amount column (`Fecha`, `Concepto`, `Referencia`, `Monto`,
    /// `Saldo`: deposits positive, withdrawals negative). The amount column is the payment amount
    /// and, mapped to the same column, `money_out`: a line whose amount is below zero is money out
    /// of the account, skipped as a debit line is. The running balance stays an extra. It is one
    /// when a date and a reference or description stand beside an amount column of both signs,
    /// with no document number, customer, debit or credit column, and the balance column runs with
    /// the amounts (``isRunningBalance(_:_:rows:)``): an invoice list's credit notes are negative
    /// too, and `Fecha, Concepto, Referencia, Monto, Saldo` may list invoices, whose `Saldo` is each
    /// one's own.
    private func markSignedStatement(folded: [(column: Int, text: String)], profiles: [Int: ColumnProfile],
                                     rows: ArraySlice<Row>, byField: inout [Field: MappedField], taken: inout Set<Int>) {
        // A bank's number for its lines (`Nro. Documento`, `Folio`) is the line's reference here too.
        let lineNumber = byField[.documentNumber].flatMap { number -> MappedField? in
            guard number.columns.count == 1, byField[.paymentReference] == nil,
                  let header = folded.first(where: { $0.column == number.columns[0] }),
                  Self.bankLineNumbers.contains(header.text) || MappingSettings.bareNumberMarks.contains(header.text),
                  !Self.saysWhoseOrWhat(byField, rows: rows) else { return nil }
            return number
        }
        guard byField[.documentNumber] == nil || lineNumber != nil, byField[.paymentAmount] == nil, byField[.customerName] == nil,
              byField[.taxID] == nil, byField[.issueDate] != nil || byField[.paymentDate] != nil,
              byField[.paymentReference] != nil || lineNumber != nil
                || folded.contains(where: { Self.isWord($0.text, in: MappingSettings.descriptionWords) }),
              !folded.contains(where: { Self.isWord($0.text, in: MappingSettings.debitWords + MappingSettings.creditWords) }),
              let amount = byField[.amount], amount.columns.count == 1, let profile = profiles[amount.columns[0]],
              profile.negatives > 0, profile.positives > 0, profile.fit(.paymentAmount) >= 0.5,
              let balance = byField[.balance], balance.columns.count == 1,
              isRunningBalance(balance.columns[0], amount.columns[0], rows: rows)
        else { return }
        let column = amount.columns[0]
        for field in [Field.amount, .balance] {
            if let mapped = byField.removeValue(forKey: field) { taken.subtract(mapped.columns) }
        }
        if let lineNumber {
            byField[.documentNumber] = nil
            byField[.paymentReference] = MappedField(field: .paymentReference, columns: lineNumber.columns, confidence: lineNumber.confidence)
        }
        byField[.paymentAmount] = MappedField(field: .paymentAmount, columns: [column], confidence: amount.confidence)
        byField[.moneyOut] = MappedField(field: .moneyOut, columns: [column], confidence: amount.confidence)
        taken.insert(column)
    }

    /// Whether a table says whose its lines are or what its documents are: a customer or document
    /// type column, or `Cliente: …` headings among its rows. A customer's statement does; a bank's
    /// does not.
    static func saysWhoseOrWhat(_ byField: [Field: MappedField], rows: ArraySlice<Row>) -> Bool {
        let fields: Set<Field> = [.customerName, .taxID, .firstName, .lastName, .documentType]
        if byField.keys.contains(where: fields.contains) { return true }
        return rows.contains { row in
            guard let (_, text) = CustomerSections.singleText(row) ?? CustomerSections.labelledSplitText(row) else { return false }
            return CustomerSections.startsWithLabel(text)
        }
    }

    /// Whether a title names whose account it is: `Estado de cuenta - Comercial Oriente C.A.`
    /// (``CustomerSections/statementTitleCustomer(_:)``) or `Cliente: Comercial Oriente C.A.`.
    static func titleNamesCustomer(_ title: String) -> Bool {
        CustomerSections.statementTitleCustomer(title) != nil || CustomerSections.startsWithLabel(title)
    }

    /// A title that names a customer's account statement (`Estado de cuenta`, `Cuenta corriente`,
    /// `Extracto de cuenta del cliente`, `Statement of account`).
    static func isAccountStatementTitle(_ title: String?) -> Bool {
        guard let title else { return false }
        let folded = TextFolding.fold(title)
        // A bank's statement of its own account (`Estado de cuenta bancario`) is no customer's.
        guard !["banco", "bancario", "bancaria", "bank"].contains(where: { TextFolding.containsWords(folded, $0) }) else {
            return false
        }
        return ["estado de cuenta", "cuenta corriente", "extracto de cuenta", "statement of account", "account statement",
                "extrato de conta", "mayor de cliente", "mayor del cliente"].contains { folded.contains($0) }
    }

    /// `Documento` alone, under which a bank numbers its lines only when its money in comes before
    /// its money out (`Crédito | Débito`, Itaú's `Entradas | Saídas`): a customer's ledger puts its
    /// charges first (`Debe | Haber`, `Débito | Crédito`), and there `Documento` is its document.
    static let bankDocumentHeaders: Set<String> = ["documento", "docto", "doc"]

    /// Whether the first credit column stands before the first debit column.
    static func creditBeforeDebit(_ folded: [(column: Int, text: String)], debits: [Int]) -> Bool {
        guard let debit = debits.min(),
              let credit = folded.filter({ isWord($0.text, in: MappingSettings.creditWords) }).map(\.column).min() else { return false }
        return credit < debit
    }

    /// Headers a bank gives its statement lines' numbers under.
    static let bankLineNumbers: Set<String> = ["folio", "numero", "nro", "no operacion", "nro operacion", "secuencia",
                                               "consecutivo", "numero de operacion", "nro de operacion",
                                               // A bank's own document number for the line (`Nro. Documento`;
                                               // `Documento` alone is a customer statement's document).
                                               "nro documento", "no documento", "n documento", "numero documento",
                                               "nro de documento", "numero de documento"]

    /// A customer's account statement (`Estado de cuenta`: `Fecha`, `Tipo`, `Número`, `Debe`,
    /// `Haber`, `Saldo`) lists charges and credits with the account's running balance. Each line is
    /// a document: a charge (`Debe`, `Cargos`) an invoice or a debit note of that amount, a credit
    /// (`Haber`, `Abonos`) a credit note or a receipt; `Saldo` is no document's balance but the
    /// running sum of them. The table is one when it has a document number or type, a charge and a
    /// credit column, and a balance column that runs with charges minus credits
    /// (``isRunningBalance(_:charge:credit:rows:)``). The charge column is then the `amount`, the
    /// credit column `credit`, and the balance stays mapped (the opening balance line's amount).
    func markAccountStatement(headers: [ColumnHeader], profiles: [Int: ColumnProfile], rows: ArraySlice<Row>,
                              byField: inout [Field: MappedField], taken: inout Set<Int>, titled: Bool = false,
                              fewLines: Bool = false) {
        guard byField[.documentNumber] != nil || byField[.documentType] != nil, byField[.credit] == nil,
              let balance = byField[.balance], balance.columns.count == 1 else { return }
        // A customer's statement says whose it is, or what its documents are: a customer column, a
        // type column, `Cliente: …` headings, or its title (`Estado de cuenta`). A bank's (`Fecha |
        // Folio | Descripción | Cargos | Abonos | Saldo`) says neither, and its charges are no receivables.
        guard titled || Self.saysWhoseOrWhat(byField, rows: rows) else { return }
        let folded = headers.map { (column: $0.column, text: TextFolding.fold($0.text)) }
        guard let charge = folded.first(where: { Self.isWord($0.text, in: MappingSettings.debitWords) })?.column,
              let credit = folded.first(where: { Self.isWord($0.text, in: MappingSettings.statementCreditWords) })?.column,
              !balance.columns.contains(charge), !balance.columns.contains(credit),
              let chargeProfile = profiles[charge], let creditProfile = profiles[credit],
              chargeProfile.fit(.amount) >= 0.5, creditProfile.fit(.amount) >= 0.5,
              isRunningBalance(balance.columns[0], charge: charge, credit: credit, rows: rows, fewLines: fewLines) else { return }
        mapStatement(charge: (charge, chargeProfile), credit: (credit, creditProfile), byField: &byField, taken: &taken)
    }

    /// Headers of a statement's line description (`Concepto`, `Descripción`, `Detalle`).
    static let conceptWords: Set<String> = ["concepto", "conceptos", "descripcion", "detalle", "glosa", "movimiento",
                                            "concepto del movimiento", "description", "descricao", "historico", "lancamento",
                                            "lancamentos"]

    /// A customer's statement may name its documents only in a concept column (`Fecha | Concepto |
    /// Debe | Haber | Saldo`, lines `Factura F-100`, `Pago recibido`): that column is then the
    /// documents' type (and number, after the type word: ``TableImporter/numberInType(_:)``), so
    /// that ``markAccountStatement(headers:profiles:rows:byField:taken:titled:)`` and
    /// ``markLedger(headers:profiles:rows:byField:taken:titled:)`` read the lines as documents. Only
    /// when the table says whose it is, and at least half of its charge lines name an invoice or a
    /// debit note: a bank's charges (`Comisión`, `Transferencia`, `Cheque`) name none. "Whose": a
    /// customer column, `Cliente: …` headings, or what is above the header (`namesCustomer`: a
    /// title `Estado de cuenta - Comercial Oriente C.A.`, or `Estado de cuenta` over a `Cliente: …`
    /// line); a bare `Estado de cuenta` may be a bank's.
    /// A concept column that the notes took (`Detalle`) is taken from them. Returns whether it did.
    func markConceptAsDocumentType(headers: [ColumnHeader], profiles: [Int: ColumnProfile], rows: ArraySlice<Row>,
                                   byField: inout [Field: MappedField], taken: inout Set<Int>, namesCustomer: Bool) -> Bool {
        guard byField[.documentNumber] == nil, byField[.documentType] == nil, byField[.paymentReference] == nil,
              namesCustomer || Self.saysWhoseOrWhat(byField, rows: rows) else { return false }
        let folded = headers.map { (column: $0.column, text: TextFolding.fold($0.text)) }
        let notes = byField[.notes]?.columns ?? []
        guard let concept = folded.first(where: { (!taken.contains($0.column) || notes == [$0.column]) && Self.conceptWords.contains($0.text) })?.column,
              let charge = folded.first(where: { Self.isWord($0.text, in: MappingSettings.ledgerDebitWords) })?.column,
              let chargeProfile = profiles[charge], chargeProfile.fit(.amount) >= 0.5 else { return false }
        let chargeAmounts = amountProfile(charge, rows)
        var charges = 0, documents = 0
        for row in rows {
            // (A negative charge is a credit: `Nota de crédito NC-5 | -200,00`.)
            guard let c = Self.amount(row, charge, chargeAmounts), c > 0, !Self.isTotalsLine(row),
                  case .text(let text) = row[column: concept] else { continue }
            charges += 1
            let meaning = DocumentTypeWords.meaning(of: text)
            if meaning == .invoice || meaning == .debitNote { documents += 1 }
        }
        guard charges >= 1, documents * 2 >= charges else { return false }
        if notes == [concept] { byField[.notes] = nil }
        byField[.documentType] = MappedField(field: .documentType, columns: [concept],
                                             confidence: rounded(settings.headerWeight * 0.8 + (1 - settings.headerWeight) * Double(documents) / Double(charges)))
        taken.insert(concept)
        return true
    }

    /// A customer's ledger with no running balance (`Fecha | Documento | Concepto | Debe | Haber`) is
    /// a statement too: each line a charge or a credit, read as
    /// ``markAccountStatement(headers:profiles:rows:byField:taken:titled:)`` reads them. Without the
    /// balance to prove it, the lines do: on at least two of them one side only is written, credits
    /// alone among them, and both sides (a sale paid at once) on no more than half of them. An
    /// invoice list's `Cargos | Abonos` (each document's total, and the part paid on some) has no
    /// line of a credit alone. A `Cliente: …` heading or a statement's title says whose it is.
    func markLedger(headers: [ColumnHeader], profiles: [Int: ColumnProfile], rows: ArraySlice<Row>,
                    byField: inout [Field: MappedField], taken: inout Set<Int>, titled: Bool = false) {
        // (A bank's lines name their reference or their payer's amount: no customer's ledger.)
        guard byField[.documentNumber] != nil || byField[.documentType] != nil, byField[.credit] == nil,
              byField[.balance] == nil, byField[.paymentReference] == nil,
              titled || Self.saysWhoseOrWhat(byField, rows: rows) else { return }
        let folded = headers.map { (column: $0.column, text: TextFolding.fold($0.text)) }
        guard let charge = folded.first(where: { Self.isWord($0.text, in: MappingSettings.ledgerDebitWords) })?.column,
              let credit = folded.first(where: { Self.isWord($0.text, in: MappingSettings.ledgerCreditWords) })?.column,
              byField[.amount].map({ $0.columns == [charge] }) ?? true,
              let chargeProfile = profiles[charge], let creditProfile = profiles[credit],
              chargeProfile.fit(.amount) >= 0.5, creditProfile.fit(.amount) >= 0.5 else { return }
        let (chargeAmounts, creditAmounts) = (amountProfile(charge, rows), amountProfile(credit, rows))
        var lines = 0, twoSided = 0, creditsAlone = 0
        for row in rows {
            let c = Self.amount(row, charge, chargeAmounts).flatMap { $0.isZero ? nil : $0 }
            let k = Self.amount(row, credit, creditAmounts).flatMap { $0.isZero ? nil : $0 }
            guard c != nil || k != nil, !Self.isTotalsLine(row) else { continue }
            lines += 1
            if c != nil && k != nil { twoSided += 1 } else if k != nil { creditsAlone += 1 }
        }
        guard lines - twoSided >= 2, creditsAlone >= 1, twoSided * 2 <= lines else { return }
        mapStatement(charge: (charge, chargeProfile), credit: (credit, creditProfile), byField: &byField, taken: &taken)
    }

    /// Maps a statement's charge column as the `amount` and its credit column as `credit`; whatever
    /// else took either (`Abonos` as paid) lets go, and so does another `amount`.
    private func mapStatement(charge: (column: Int, profile: ColumnProfile), credit: (column: Int, profile: ColumnProfile),
                              byField: inout [Field: MappedField], taken: inout Set<Int>) {
        let freed: Set<Int> = [charge.column, credit.column]
        for (field, mapped) in byField where field == .amount || field != .balance && !freed.isDisjoint(with: mapped.columns) {
            byField[field] = nil
            taken.subtract(mapped.columns)
        }
        let confidence = { (p: ColumnProfile) in self.rounded(self.settings.headerWeight + (1 - self.settings.headerWeight) * p.fit(.amount)) }
        byField[.amount] = MappedField(field: .amount, columns: [charge.column], confidence: confidence(charge.profile))
        byField[.credit] = MappedField(field: .credit, columns: [credit.column], confidence: confidence(credit.profile))
        taken.formUnion(freed)
    }

    /// An invoice list's `Debe` (or `Adeuda`) column with no `Haber` beside it is what each document
    /// still owes: its balance (`Cliente | Factura | Total | Debe`). Beside a credit column it is a
    /// statement's charge (``markAccountStatement(headers:profiles:rows:byField:taken:titled:)``), and in
    /// a table with no document number a bank's debit, so it is only read so when neither is so.
    func markOwedColumn(headers: [ColumnHeader], profiles: [Int: ColumnProfile],
                        byField: inout [Field: MappedField], taken: inout Set<Int>) {
        guard byField[.documentNumber] != nil, byField[.balance] == nil, byField[.credit] == nil,
              byField[.paymentAmount] == nil else { return }
        let folded = headers.map { (column: $0.column, text: TextFolding.fold($0.text)) }
        guard !folded.contains(where: { Self.isWord($0.text, in: MappingSettings.creditWords) }),
              let owed = folded.first(where: { !taken.contains($0.column) && Self.isWord($0.text, in: MappingSettings.owedWords) }),
              let profile = profiles[owed.column], profile.fit(.balance) >= 0.5 else { return }
        let confidence = rounded(settings.headerWeight * 0.9 + (1 - settings.headerWeight) * profile.fit(.balance))
        byField[.balance] = MappedField(field: .balance, columns: [owed.column], confidence: confidence)
        taken.insert(owed.column)
    }

    /// An invoice list's `Cargos` (or `Débito`) column, when no column holds the documents' amounts,
    /// is their amount (`Cliente | Factura | Cargos | Abonos`): each document's charge, and what was
    /// paid against it beside (`Abonos` as paid already, or its `Crédito`). A ledger's (credits
    /// alone on some lines) was taken as a statement before
    /// (``markLedger(headers:profiles:rows:byField:taken:titled:)``); a table with no document
    /// number, or that says neither whose its lines are nor what they are, is a bank's.
    func markChargeColumn(headers: [ColumnHeader], profiles: [Int: ColumnProfile], rows: ArraySlice<Row>,
                          byField: inout [Field: MappedField], taken: inout Set<Int>) {
        guard byField[.documentNumber] != nil, byField[.amount] == nil, byField[.credit] == nil,
              byField[.paymentAmount] == nil, Self.saysWhoseOrWhat(byField, rows: rows) else { return }
        let folded = headers.map { (column: $0.column, text: TextFolding.fold($0.text)) }
        guard let charge = folded.first(where: { !taken.contains($0.column) && $0.text != "debe"
                  && Self.isWord($0.text, in: MappingSettings.ledgerDebitWords) }),
              let profile = profiles[charge.column], profile.fit(.amount) >= 0.5 else { return }
        let confidence = rounded(settings.headerWeight * 0.9 + (1 - settings.headerWeight) * profile.fit(.amount))
        byField[.amount] = MappedField(field: .amount, columns: [charge.column], confidence: confidence)
        taken.insert(charge.column)
        // Its other side (`Débito | Crédito`) is what was paid on each document, when nothing else is.
        guard byField[.paid] == nil,
              let credit = folded.first(where: { !taken.contains($0.column) && Self.isWord($0.text, in: MappingSettings.ledgerCreditWords) }),
              let creditProfile = profiles[credit.column], creditProfile.fit(.amount) >= 0.5 else { return }
        let paidConfidence = rounded(settings.headerWeight * 0.9 + (1 - settings.headerWeight) * creditProfile.fit(.amount))
        byField[.paid] = MappedField(field: .paid, columns: [credit.column], confidence: paidConfidence)
        taken.insert(credit.column)
    }

    /// Whether the `balance` column is the account's running balance: from one line to the next it
    /// moves by the line's amount (`Saldo` = previous `Saldo` + `Monto`, or the other way round for
    /// a statement listed newest first), on at least two pairs of lines and two in three of them
    /// (the opening and closing balance lines break the run).
    func isRunningBalance(_ balance: Int, _ amount: Int, rows: ArraySlice<Row>) -> Bool {
        let (balanceProfile, amountProfile) = (amountProfile(balance, rows), amountProfile(amount, rows))
        let lines = rows.compactMap { row -> (amount: Decimal, balance: Decimal)? in
            guard let a = Self.amount(row, amount, amountProfile), let b = Self.amount(row, balance, balanceProfile) else { return nil }
            return (a, b)
        }
        return Self.runs([lines])
    }

    /// ``isRunningBalance(_:_:rows:)`` of a statement with a charge and a credit column: a line
    /// moves the balance by its charge minus its credit (a blank one is zero). A statement of
    /// several customers starts each one's balance again: a row with neither (a `Cliente: …`
    /// heading) or a totals row (`Total cliente`) ends a run, and the pairs are counted within runs;
    /// an opening balance line (`Saldo inicial`) starts one. A statement's line is a charge or a
    /// credit: an invoice list's `Cargos | Abonos | Saldo`, both on most lines (each document's
    /// total and part paid), is none, even where its balances happen to add up.
    /// `fewLines`: a statement of one or two lines, too few to show its balance running, is one
    /// when nothing it shows says otherwise (for a statement the concept and title already tell).
    func isRunningBalance(_ balance: Int, charge: Int, credit: Int, rows: ArraySlice<Row>, fewLines: Bool = false) -> Bool {
        let profiles = (amountProfile(balance, rows), amountProfile(charge, rows), amountProfile(credit, rows))
        var runs: [[(amount: Decimal, balance: Decimal)]] = [[]]
        var lines = 0, twoSided = 0
        for row in rows {
            let c = Self.amount(row, charge, profiles.1), k = Self.amount(row, credit, profiles.2)
            let isTotals = Self.isTotalsLine(row)
            let b = Self.amount(row, balance, profiles.0)
            if c == nil, k == nil, let b, let line = TableImporter.balanceLineColumn(row),
               TableImporter.isOpeningBalance(row.shownText(column: line)) {
                runs.append([(b, b)])
                continue
            }
            guard c != nil || k != nil, !isTotals, let b else {
                if !(runs.last?.isEmpty ?? true) { runs.append([]) }
                continue
            }
            lines += 1
            if let c, let k, !c.isZero, !k.isZero { twoSided += 1 }
            runs[runs.count - 1].append(((c ?? 0) - (k ?? 0), b))
        }
        guard twoSided * 3 <= lines, lines >= 1 else { return false }
        return Self.runs(runs, fewLines: fewLines)
    }

    /// A statement's totals line (`Total`, `Subtotal cliente`), which sums lines rather than being one.
    private static func isTotalsLine(_ row: Row) -> Bool {
        row.cells.contains { cell in
            guard case .text(let t) = cell else { return false }
            let folded = TextFolding.fold(t.prefix(12))
            return folded.hasPrefix("total") || folded.hasPrefix("subtotal")
        }
    }

    private func amountProfile(_ column: Int, _ rows: ArraySlice<Row>) -> AmountColumnProfile {
        AmountColumnProfile.profile(rows.map { $0[column: column] }, configured: nil, country: country)
    }

    private static func amount(_ row: Row, _ column: Int, _ profile: AmountColumnProfile) -> Decimal? {
        guard case .success(let parsed) = AmountParser.parse(row[column: column], profile: profile) else { return nil }
        return parsed.amount
    }

    /// Whether balances run with amounts, forward or backward, on two pairs and two in three (pairs
    /// of consecutive lines within each run).
    ///
    /// A balance mistyped on one line (`1.005,00` for `1.050,00`) breaks two pairs, its own and the
    /// next line's, which still runs from the true balance: a pair also runs when the line runs from
    /// the one before its neighbour (its balance is that one's plus both lines' amounts), so that
    /// one typo costs one pair, as one wrong sum carried forward does.
    private static func runs(_ runs: [[(amount: Decimal, balance: Decimal)]], fewLines: Bool = false) -> Bool {
        var forward = 0, backward = 0, pairs = 0
        for lines in runs where lines.count >= 2 {
            // A line that moves nothing says nothing about the balance.
            for i in 1..<lines.count where !lines[i].amount.isZero {
                pairs += 1
                if lines[i].balance == lines[i - 1].balance + lines[i].amount
                    || i >= 2 && lines[i].balance == lines[i - 2].balance + lines[i - 1].amount + lines[i].amount {
                    forward += 1
                }
                if lines[i - 1].balance == lines[i].balance + lines[i - 1].amount
                    || i >= 2 && lines[i - 2].balance == lines[i].balance + lines[i - 2].amount + lines[i - 1].amount {
                    backward += 1
                }
            }
        }
        let best = max(forward, backward)
        if fewLines && pairs < 2 { return best == pairs }
        return pairs >= 2 && best >= 2 && best * 3 >= pairs * 2
    }

    /// In a payments table, the payer (`Ordenante`, `Depositante`, `Remitente`, `Titular`) is the
    /// customer who paid: a column named so, that no field took, is the customer name when no
    /// column is (`RIF Ordenante` stays the tax ID: its header names the field). Elsewhere these
    /// words name someone else (a customer list's `Titular` of a bank account), so they are no
    /// synonyms.
    func namePayer(headers: [ColumnHeader], profiles: [Int: ColumnProfile],
                   byField: inout [Field: MappedField], taken: inout Set<Int>) {
        guard byField[.customerName] == nil else { return }
        for h in headers where !taken.contains(h.column) {
            let folded = TextFolding.fold(h.text)
            guard MappingSettings.payerWords.contains(where: { TextFolding.containsWords(folded, $0) }),
                  let profile = profiles[h.column] else { continue }
            let headerScore = MappingSettings.payerWords.contains(folded) ? 1 : 0.8
            let confidence = settings.headerWeight * headerScore + (1 - settings.headerWeight) * profile.fit(.customerName)
            guard confidence >= settings.minimumConfidence else { continue }
            byField[.customerName] = MappedField(field: .customerName, columns: [h.column], confidence: rounded(confidence))
            taken.insert(h.column)
            return
        }
    }

    /// Whether a folded header is one of `words`, alone or followed by a currency (`Crédito Bs.`,
    /// `Abonos (USD)`).
    static func isWord(_ folded: String, in words: [String]) -> Bool {
        words.contains { word in
            guard folded != word else { return true }
            guard folded.hasPrefix(word + " ") else { return false }
            let rest = String(folded.dropFirst(word.count + 1))
            // Also a currency's sign, which folding leaves a letter of: Peru's `(S/)`, Brazil's `(R$)`.
            return rest.split(separator: " ").count <= 2 && (CurrencyToken.currency(inHeader: rest) != nil || ["s", "r"].contains(rest))
        }
    }
}
