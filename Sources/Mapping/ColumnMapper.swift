import Receivables
import Tabular

/// Maps a table's columns to model fields automatically: header synonyms (any case, accents or
/// punctuation) confirmed by what the values look like, with a column of valid tax IDs or emails
/// mapped by its values alone. Each field takes one column (phones, emails and notes may take
/// several); the rest are kept as extras.
struct ColumnMapper {
    let settings: MappingSettings
    let finder: TableFinder
    let country: String?
    /// The configured currency: a table with no balance column that states its sums in two
    /// currencies reads them in this one (``alignCurrencies(_:headers:byField:taken:)``).
    var currency: Currency?

    /// A header candidate at least this sure names its column clearly: values alone may not take
    /// the column for another field with fewer than ``minimumValueEvidence`` values, nor by a tie.
    static let clearHeader = 0.8
    /// Values needed before they may outvote a clear header: one or two reference numbers can pass
    /// some country's tax-ID check digit by chance.
    static let minimumValueEvidence = 3

    init(settings: MappingSettings, country: String?) {
        self.settings = settings; self.country = country
        finder = TableFinder(settings: settings)
    }

    /// One column's claim on a field, from its header (confirmed by its values) or its values alone.
    struct Candidate {
        var column: Int
        var field: Field
        var confidence: Double
    }

    /// `samples[column]` are the column's first non-blank data cells; `hidden`, the columns the
    /// sheet hides; `rows`, the first data rows; `preamble`, the lines between the table's title
    /// and its header (a `Cliente: …` line). Header candidates (confirmed by the values) and value candidates are assigned
    /// surest first, visible columns before hidden ones; then a bank statement's credit
    /// column becomes the payment amount, first and last name are joined, the record kind is decided,
    /// and the kind settles the rest: a payer column names a payment's customer, and an invoice's
    /// payment amount is its `paid`.
    func map(headers: [ColumnHeader], samples: [Int: [CellValue]], title: String?, hidden: Set<Int> = [],
             rows: ArraySlice<Row> = [], preamble: ArraySlice<Row> = []) -> TableMapping {
        var profiles: [Int: ColumnProfile] = [:]
        for h in headers { profiles[h.column] = ColumnProfile(samples[h.column] ?? [], country: country) }
        let named = headers.map { (header: $0, match: headerMatch($0)) }
        // Beside a surname column, a bare `Nombre` is the first name (the two make the whole name).
        let hasSurname = named.contains { $0.match?.0 == .lastName }
        var candidates: [Candidate] = []
        for (h, match) in named {
            let profile = profiles[h.column] ?? ColumnProfile([], country: country)
            var fromHeader: Candidate?
            if let (headerField, headerScore) = match {
                var field = headerField
                if field == .customerName, hasSurname,
                   MappingSettings.givenNameHeaders.contains(TextFolding.fold(h.text)) {
                    field = .firstName
                }
                var fit = profile.fit(field)
                if field == .documentNumber || field == .customerName {
                    // A "Documento" column full of valid RIFs holds tax IDs, not invoice numbers.
                    fit *= 1 - 0.8 * profile.share(profile.validTaxIDs)
                }
                var confidence = settings.headerWeight * headerScore + (1 - settings.headerWeight) * fit
                if field.valueKind != .text && profile.count > 0 && fit < 0.3 { confidence *= 0.5 }
                fromHeader = Candidate(column: h.column, field: field, confidence: confidence)
            }
            candidates += [fromHeader].compactMap { $0 } + valueCandidates(h.column, profile, header: fromHeader)
        }
        var (byField, taken) = assign(candidates, hidden: hidden)
        alignCurrencies(candidates, headers: headers, byField: &byField, taken: &taken)
        // A customer's statement naming its documents in a concept column has a bank statement's
        // columns (`Fecha | Concepto | Debe | Haber | Saldo`): told apart first, and kept only when
        // its lines then read as a statement's (else the table is read as before); one or two
        // lines, too few to show the balance running, do unless they contradict it.
        var conceptMapped = (byField, taken)
        if markConceptAsDocumentType(headers: headers, profiles: profiles, rows: rows, byField: &conceptMapped.0,
                                     taken: &conceptMapped.1,
                                     namesCustomer: title.map(Self.titleNamesCustomer) == true
                                        || Self.isAccountStatementTitle(title) && Self.saysWhoseOrWhat([:], rows: preamble)) {
            markAccountStatement(headers: headers, profiles: profiles, rows: rows, byField: &conceptMapped.0,
                                 taken: &conceptMapped.1, titled: true, fewLines: true)
            markLedger(headers: headers, profiles: profiles, rows: rows, byField: &conceptMapped.0, taken: &conceptMapped.1,
                       titled: true)
        }
        if conceptMapped.0[.credit] != nil {
            (byField, taken) = conceptMapped
        } else {
            markStatement(headers: headers, profiles: profiles, rows: rows, byField: &byField, taken: &taken)
        }
        markAccountStatement(headers: headers, profiles: profiles, rows: rows, byField: &byField, taken: &taken,
                             titled: Self.isAccountStatementTitle(title))
        markLedger(headers: headers, profiles: profiles, rows: rows, byField: &byField, taken: &taken,
                   titled: Self.isAccountStatementTitle(title) || title.map(CustomerSections.startsWithLabel) == true)
        markOwedColumn(headers: headers, profiles: profiles, byField: &byField, taken: &taken)
        markChargeColumn(headers: headers, profiles: profiles, rows: rows, byField: &byField, taken: &taken)
        joinNames(&byField, taken: &taken)
        joinCheckDigit(headers: headers, profiles: profiles, samples: samples, byField: &byField, taken: &taken)
        takeNumberBesideTypeWords(headers: headers, samples: samples, byField: &byField, taken: &taken)
        joinSeries(headers: headers, samples: samples, byField: &byField, taken: &taken)
        joinInstalment(headers: headers, samples: samples, byField: &byField, taken: &taken)
        takeTypeColumnByValues(headers: headers, samples: samples, byField: &byField, taken: &taken)
        mapAgingBuckets(headers: headers, profiles: profiles, byField: &byField, taken: &taken)
        readReferenceAsDocument(&byField)
        // (Neither step below changes the kind: payments do not depend on the customer's name, and
        // a payment amount in an invoice table did not make it payments.)
        let kind = TableMapping.decideKind(Set(byField.keys), paymentHint: isPaymentTitle(title))
        if kind == .payments { namePayer(headers: headers, profiles: profiles, byField: &byField, taken: &taken) }
        if kind == .invoices {
            readPaymentAsPaid(&byField, taken: &taken)
            keepPaymentDetailsAsExtras(&byField, taken: &taken)
            joinNumberedPayments(headers: headers, byField: &byField, taken: &taken)
        }
        let fields = byField.values.sorted { $0.field < $1.field }
        let extras = headers.filter { !taken.contains($0.column) && !($0.displayName.isEmpty && (samples[$0.column] ?? []).isEmpty) }
        return TableMapping(kind: kind, fields: fields, extras: extras)
    }

    /// A column of valid tax IDs or of emails claims that field by its values alone, whatever its
    /// header; but a header that clearly names another field (`Referencia`) is not outvoted by one
    /// or two values, nor by values only as sure as it is.
    func valueCandidates(_ column: Int, _ profile: ColumnProfile, header: Candidate?) -> [Candidate] {
        guard profile.count > 0 else { return [] }
        var out: [Candidate] = []
        for (field, matching) in [(Field.taxID, profile.validTaxIDs), (.email, profile.emails)] {
            let share = profile.share(matching)
            guard share >= settings.valueOnlyShare else { continue }
            let confidence = 0.55 + 0.45 * share
            if let header, header.field != field, header.confidence >= Self.clearHeader,
               profile.count < Self.minimumValueEvidence || confidence <= header.confidence {
                continue
            }
            out.append(Candidate(column: column, field: field, confidence: confidence))
        }
        return out
    }

    /// The surest candidates first, each column to one field and each field to one column (phones,
    /// emails and notes to several); candidates below the minimum confidence are dropped.
    ///
    /// A column the sheet hides (`hidden`) claims a field only after the visible ones: a hidden
    /// `Saldo` beside a visible `Saldo actualizado` is most often the stale copy someone hid, so
    /// the visible column takes the balance even with a weaker header match.
    func assign(_ candidates: [Candidate], hidden: Set<Int> = []) -> ([Field: MappedField], Set<Int>) {
        let sorted = candidates.sorted {
            (hidden.contains($0.column) ? 0 : 1, $0.confidence, -$0.column, $1.field)
                > (hidden.contains($1.column) ? 0 : 1, $1.confidence, -$1.column, $0.field)
        }
        var byField: [Field: MappedField] = [:]
        var taken = Set<Int>()
        for c in sorted where c.confidence >= settings.minimumConfidence && !taken.contains(c.column) {
            if var existing = byField[c.field] {
                guard c.field.allowsSeveralColumns else { continue }
                existing.columns.append(c.column); existing.columns.sort()
                existing.confidence = min(existing.confidence, c.confidence)
                byField[c.field] = existing
            } else {
                byField[c.field] = MappedField(field: c.field, columns: [c.column], confidence: rounded(c.confidence))
            }
            taken.insert(c.column)
        }
        return (byField, taken)
    }

    /// First and last name make the customer name when no column holds it whole (first name
    /// first, whichever column comes first); beside a whole-name column they stay extras.
    func joinNames(_ byField: inout [Field: MappedField], taken: inout Set<Int>) {
        if byField[.customerName] == nil, let first = byField[.firstName] {
            let last = byField[.lastName]
            byField[.customerName] = MappedField(field: .customerName, columns: first.columns + (last?.columns ?? []),
                                                 confidence: min(first.confidence, last?.confidence ?? 1))
            byField[.firstName] = nil; byField[.lastName] = nil
        } else {
            for f in [Field.firstName, .lastName] {
                if let m = byField[f] { taken.subtract(m.columns); byField[f] = nil }
            }
        }
    }

    /// A check-digit column right after the tax ID's (`NIT | DV`, a Colombian export's habit),
    /// holding single digits, is part of the tax ID: the two are read as `900123456-8`, so the
    /// digit is checked rather than left out (or computed) and the column is no extra.
    func joinCheckDigit(headers: [ColumnHeader], profiles: [Int: ColumnProfile], samples: [Int: [CellValue]],
                        byField: inout [Field: MappedField], taken: inout Set<Int>) {
        guard var taxID = byField[.taxID], taxID.columns.count == 1, let column = taxID.columns.first,
              !taken.contains(column + 1),
              // IDs that already end in their digit (`900123456-8`) take no second one.
              !(samples[column] ?? []).contains(where: { $0.displayText.contains("-") }),
              let header = headers.first(where: { $0.column == column + 1 }),
              MappingSettings.checkDigitHeaders.contains(TextFolding.fold(header.text)),
              let profile = profiles[column + 1], profile.count > 0, profile.singleDigits == profile.count else { return }
        taxID.columns.append(column + 1); taxID.separator = "-"
        byField[.taxID] = taxID
        taken.insert(column + 1)
    }

    /// An aging report's bucket columns (``AgingBuckets``), two or more holding amounts, when no
    /// column is the balance: together they give each document's balance.
    func mapAgingBuckets(headers: [ColumnHeader], profiles: [Int: ColumnProfile], byField: inout [Field: MappedField],
                         taken: inout Set<Int>) {
        guard byField[.balance] == nil else { return }
        // A date field's words in a bucket's header (`1 - 30 days past due`) do not make its
        // amounts dates: such a column is a bucket too.
        let dateFields = [Field.dueDate, .issueDate].filter { f in
            byField[f]?.columns.allSatisfy { c in
                headers.contains { $0.column == c && AgingBuckets.isBucketHeader($0.text) } && (profiles[c]?.fit(.amount) ?? 0) >= 0.5
            } == true
        }
        let lent = Set(dateFields.flatMap { byField[$0]?.columns ?? [] })
        let buckets = headers.filter { h in
            (!taken.contains(h.column) || lent.contains(h.column)) && AgingBuckets.isBucketHeader(h.text)
                && (profiles[h.column].map { $0.count == 0 || $0.fit(.amount) >= 0.5 } ?? true)
        }.map(\.column)
        guard buckets.count >= 2 else { return }
        for f in dateFields { byField[f] = nil }
        byField[.agingBucket] = MappedField(field: .agingBucket, columns: buckets, confidence: settings.headerWeight)
        taken.formUnion(buckets)
    }

    /// A table stating its amounts in two currencies, a column each (`Monto Bs.`, `Monto USD`,
    /// `Saldo USD`, a common Venezuelan layout): an invoice's amount and balance must be in one
    /// currency, the balance's (the debt). A money field read in another currency takes the column
    /// its header also names in the balance's currency, else lets go (an extra): mixed, `1.234.567,89
    /// Bs.` would stand as the amount of a 12,027.11 USD debt.
    func alignCurrencies(_ candidates: [Candidate], headers: [ColumnHeader], byField: inout [Field: MappedField],
                         taken: inout Set<Int>) {
        let headerOf = Dictionary(headers.map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
        func currency(_ column: Int) -> Currency? {
            headerOf[column].flatMap { CurrencyToken.currency(inHeaderText: $0.displayName, country: country) }
        }
        // The balance's currency, the debt's; with no balance column, the configured currency
        // when a money column names it (`Monto Bs. | Tasa BCV | Monto USD` in a dollar book).
        let balanceCurrency = byField[.balance]?.columns.first.flatMap(currency)
        let configured = self.currency.flatMap { c in
            byField[.balance] == nil && candidates.contains { Self.moneyFields.contains($0.field) && currency($0.column) == c } ? c : nil
        }
        guard let target = balanceCurrency ?? configured else { return }
        for field in balanceCurrency != nil ? [Field.amount, .paid] : [Field.amount, .paid, .paymentAmount] {
            guard let mapped = byField[field], let column = mapped.columns.first, let other = currency(column),
                  other != target else { continue }
            let alternative = candidates.filter {
                $0.field == field && !taken.contains($0.column) && currency($0.column) == target
                    && $0.confidence >= settings.minimumConfidence
            }.max { ($0.confidence, -$0.column) < ($1.confidence, -$1.column) }
            byField[field] = nil
            taken.subtract(mapped.columns)
            if let alternative {
                byField[field] = MappedField(field: field, columns: [alternative.column], confidence: rounded(alternative.confidence))
                taken.insert(alternative.column)
            }
        }
    }

    /// A document-number header over type words (`Comprobante`: `FA`, `NCA`; `Documento`: `Factura
    /// Electrónica`) beside another number header over numbers (`Número`: `0001-00001000`): the
    /// values say which is which. The words are the document type, the numbers the document
    /// number; read the other way round, every document would be named `FA`.
    func takeNumberBesideTypeWords(headers: [ColumnHeader], samples: [Int: [CellValue]], byField: inout [Field: MappedField],
                                   taken: inout Set<Int>) {
        guard let mapped = byField[.documentNumber], mapped.columns.count == 1, let wordsColumn = mapped.columns.first,
              byField[.documentType] == nil, Self.holdsTypeWords(samples[wordsColumn] ?? []),
              let numbers = headers.first(where: { h in
                  !taken.contains(h.column) && headerMatch(h)?.0 == .documentNumber
                      && Self.share(Self.texts(samples[h.column] ?? []), where: { $0.contains(where: \.isNumber) }) >= 0.9
              }) else { return }
        byField[.documentType] = MappedField(field: .documentType, columns: [wordsColumn], confidence: mapped.confidence)
        byField[.documentNumber] = MappedField(field: .documentNumber, columns: [numbers.column], confidence: mapped.confidence)
        taken.insert(numbers.column)
    }

    /// A column no header claimed whose values are all document types, some of them invoices
    /// (`T.Comp.`, `Concepto`, `Clase de documento` over `FAC`, `N/C`, `REC`): the document type,
    /// whatever its header says, as a column of valid RIFs is the tax ID. Read as invoices, its
    /// credit notes and receipts would count as debt. (Every value must be a known type and one an
    /// invoice: a payment-terms column `Crédito | Contado` is none. Asked after the series and
    /// instalment columns took theirs: a `Serie` of `F` and `NC` is the number's.)
    func takeTypeColumnByValues(headers: [ColumnHeader], samples: [Int: [CellValue]],
                                byField: inout [Field: MappedField], taken: inout Set<Int>) {
        guard byField[.documentNumber] != nil, byField[.documentType] == nil else { return }
        for h in headers where !taken.contains(h.column) {
            // A report's other rows lend the column a customer code (`CL0001`) or a `Total cliente:`:
            // left out, as long as the words are most of the column.
            let texts = Self.texts(samples[h.column] ?? [])
            let words = texts.filter { !$0.contains(where: \.isNumber) && !TextFolding.fold($0).hasPrefix("total") }
            // Types repeat (`FAC` on most rows), or are codes (`N/C`, `REC`); a few notes that start
            // like one (`Abono parcial`, `Factura en revisión`) are notes.
            let distinct = Set(words.map(TextFolding.fold))
            guard words.count >= Self.minimumValueEvidence, words.count * 2 >= texts.count, distinct.count <= 12,
                  distinct.count * 2 <= words.count || distinct.allSatisfy(DocumentTypeWords.isCode) else { continue }
            let meanings = Set(words.map(DocumentTypeWords.meaning(of:)))
            guard !meanings.contains(.unknown), meanings.contains(.invoice), meanings.count > 1 else { continue }
            byField[.documentType] = MappedField(field: .documentType, columns: [h.column], confidence: 0.7)
            taken.insert(h.column)
            return
        }
    }

    /// Whether a column's values are document types: words without digits, few of them repeated.
    static func holdsTypeWords(_ values: [CellValue]) -> Bool {
        let texts = texts(values)
        guard texts.count >= 2, share(texts, where: { !$0.contains(where: \.isNumber) }) >= 0.9 else { return false }
        let distinct = Set(texts.map(TextFolding.fold))
        return distinct.count * 2 <= texts.count || distinct.allSatisfy { DocumentTypeWords.meaning(of: $0) != .unknown }
    }

    /// A column's non-blank values as text, trimmed.
    static func texts(_ values: [CellValue]) -> [String] {
        values.map { $0.displayText.trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// The share of `texts` that satisfy `test`.
    static func share(_ texts: [String], where test: (String) -> Bool) -> Double {
        texts.isEmpty ? 0 : Double(texts.filter(test).count) / Double(texts.count)
    }

    /// A series column right before the document number's (`Serie | Folio` in Mexico, `Serie |
    /// Número` in Peru, `Prefijo | Número` in Colombia), holding short codes, is part of the
    /// number: `A | 100` and `B | 100` are the documents `A-100` and `B-100`, not one document 100.
    func joinSeries(headers: [ColumnHeader], samples: [Int: [CellValue]], byField: inout [Field: MappedField],
                    taken: inout Set<Int>) {
        guard var number = byField[.documentNumber], number.columns.count == 1, let column = number.columns.first,
              column > 1, !taken.contains(column - 1),
              let header = headers.first(where: { $0.column == column - 1 }),
              MappingSettings.seriesHeaders.contains(TextFolding.fold(header.text)),
              let values = samples[column - 1], !values.isEmpty,
              // (Most: a customer heading spread over the cells lends the column its name; the
              // header has said what the column is.)
              Self.share(values.map { $0.displayText.trimmingWhitespace }, where: { text in
                  !text.isEmpty && text.count <= 8 && !text.contains(" ")
              }) >= 0.5 else { return }
        // Numbers that already carry their series (`A | A-101`) keep it once.
        let numbers = samples[column] ?? []
        let carried = zip(values, numbers).filter { series, number in
            TextFolding.fold(number.displayText).hasPrefix(TextFolding.fold(series.displayText))
        }.count
        guard carried * 2 < max(1, min(values.count, numbers.count)) else { return }
        number.columns.insert(column - 1, at: 0); number.separator = "-"
        byField[.documentNumber] = number
        taken.insert(column - 1)
    }

    /// An instalment column (`Parcela`: `1/3`, `2/3`; `Cuota`: `1`, `2`), as Brazil's duplicatas and
    /// credit sales list each instalment of one invoice on a row of its own: part of the number,
    /// so the three instalments of nota fiscal 1234 are three documents (`1234-1/3` …), not one
    /// document listed three times (two of them then lost as copies).
    func joinInstalment(headers: [ColumnHeader], samples: [Int: [CellValue]], byField: inout [Field: MappedField],
                        taken: inout Set<Int>) {
        guard var number = byField[.documentNumber], !number.columns.isEmpty,
              let header = headers.first(where: { h in
                  !taken.contains(h.column) && MappingSettings.instalmentHeaders.contains(TextFolding.fold(h.text))
              }),
              // A document in one payment leaves its instalment blank (Protheus' `Parcela`).
              let values = samples[header.column]?.filter({ !$0.isBlank }), !values.isEmpty,
              values.allSatisfy({ Self.isInstalment($0.displayText.trimmingWhitespace) }) else { return }
        if number.columns.count == 1 { number.separator = "-" }
        number.columns.append(header.column)
        byField[.documentNumber] = number
        taken.insert(header.column)
    }

    /// An instalment's number: `2/3` (of at most 99), or a bare `2` (at most 60: a larger number
    /// under `Cuota` is a sum, not which instalment), or a letter (`A`, `B`: Brazil's Protheus).
    static func isInstalment(_ text: String) -> Bool {
        if text.count == 1, let letter = text.first, letter.isASCII, letter.isLetter { return true }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let n = Int(parts[0]) else { return false }
        if parts.count == 2, let of = Int(parts[1]) { return n >= 1 && n <= of }
        return n >= 1 && n <= 60
    }

    /// Payments in instalments, a column each (`Abono 1 | Abono 2 | Abono 3`, `Pago 1 | Pago 2`):
    /// the paid column's numbered siblings join it, and the row's paid amount is their sum. Before,
    /// only the first counted and the others were extras, so a document paid twice owed the second.
    func joinNumberedPayments(headers: [ColumnHeader], byField: inout [Field: MappedField], taken: inout Set<Int>) {
        guard var paid = byField[.paid], paid.columns.count == 1, let column = paid.columns.first,
              let header = headers.first(where: { $0.column == column }),
              let (word, number) = Self.numberedPayment(header.text) else { return }
        let siblings = headers.filter { h in
            guard !taken.contains(h.column), let (w, n) = Self.numberedPayment(h.text) else { return false }
            return w == word && n != number
        }.map(\.column)
        guard !siblings.isEmpty else { return }
        paid.columns = (paid.columns + siblings).sorted()
        byField[.paid] = paid
        taken.formUnion(siblings)
    }

    /// A payment header with its instalment's number (`Abono 1`, `Pago #2`, `Abono Nº 3`, `Cuota2`):
    /// its word and number. A currency after the number (`Abono 1 USD`) stays with the word, so
    /// only instalments in one currency join; the bare word (`Abono` before `Abono 2`) is the first.
    static func numberedPayment(_ header: String) -> (word: String, number: Int)? {
        var folded = TextFolding.fold(header), currency = ""
        if let space = folded.lastIndex(of: " "),
           let named = CurrencyToken.currency(inHeader: String(folded[folded.index(after: space)...])) {
            currency = " " + named.code
            folded = String(folded[..<space])
        }
        if MappingSettings.instalmentWords.contains(folded) { return (folded + currency, 1) }
        // An ordinal in front (`1er Abono`, `2do Abono`, `Segundo pago`).
        let words = folded.split(separator: " ").map(String.init)
        if words.count == 2, let number = Self.ordinals[words[0]], MappingSettings.instalmentWords.contains(words[1]) {
            return (words[1] + currency, number)
        }
        let digits = folded.reversed().prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count <= 2, let number = Int(String(digits.reversed())) else { return nil }
        var word = String(folded.dropLast(digits.count)).trimmingWhitespace
        for mark in [" no", " nro", " n"] where word.hasSuffix(mark) { word = String(word.dropLast(mark.count)); break }
        guard MappingSettings.instalmentWords.contains(word) else { return nil }
        return (word + currency, number)
    }

    /// Spanish ordinals as written before an instalment (`1er`, `2do`, `3ro`, `Segundo`).
    static let ordinals: [String: Int] = [
        "1er": 1, "1ro": 1, "1o": 1, "primer": 1, "primero": 1, "2do": 2, "2o": 2, "segundo": 2,
        "3er": 3, "3ro": 3, "3o": 3, "tercer": 3, "tercero": 3, "4to": 4, "4o": 4, "cuarto": 4,
        "5to": 5, "5o": 5, "quinto": 5, "6to": 6, "6o": 6, "sexto": 6,
    ]

    /// An invoice row's amount paid (`Monto Abonado` beside `Monto Total`) is its `paid`: the
    /// payment-amount synonyms name it too, but an invoice has no payment amount.
    func readPaymentAsPaid(_ byField: inout [Field: MappedField], taken: inout Set<Int>) {
        guard var payment = byField.removeValue(forKey: .paymentAmount) else { return }
        if byField[.paid] == nil {
            payment.field = .paid
            byField[.paid] = payment
        } else {
            taken.subtract(payment.columns)
        }
    }

    /// A document's table that names its documents under `Reference` alone (Xero's aged
    /// receivables: `Date | Transaction | Reference | Due Date | … | Total`, `INV-7489` under
    /// `Reference`): with a due date and an amount, or aging buckets, and no other document
    /// number nor a payment date, the reference is the document number. (A payment has neither.)
    func readReferenceAsDocument(_ byField: inout [Field: MappedField]) {
        guard byField[.documentNumber] == nil, byField[.paymentDate] == nil, var reference = byField[.paymentReference],
              byField[.dueDate] != nil && byField[.amount] != nil || byField[.agingBucket] != nil else { return }
        byField[.paymentReference] = nil
        reference.field = .documentNumber
        byField[.documentNumber] = reference
    }

    /// An invoice list's `Referencia` (the customer's order number) or `Forma de pago` is no
    /// payment's: an invoice has neither field, so the columns are kept as extra attributes
    /// rather than mapped to fields no invoice reads (and lost).
    func keepPaymentDetailsAsExtras(_ byField: inout [Field: MappedField], taken: inout Set<Int>) {
        for field in [Field.paymentReference, .paymentMethod] {
            if let m = byField.removeValue(forKey: field) { taken.subtract(m.columns) }
        }
    }

    func isPaymentTitle(_ title: String?) -> Bool {
        guard let title else { return false }
        let folded = TextFolding.fold(title)
        return settings.paymentWords.contains { TextFolding.containsWords(folded, TextFolding.fold($0)) }
    }

    func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
