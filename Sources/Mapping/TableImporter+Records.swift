import Foundation
import Receivables
import Tabular

/// A row that cannot become a record: the reason and the cell that caused it.
struct RowRejection: Error {
    var code: String
    var reason: String
    var column: Int?
}

extension TableImporter {
    /// Builds the row's records; a rejected row becomes a ``Reject``. Returns whether it was imported.
    /// `moneyOut` is a bank's debit column, for a debit line that takes a payment back (``saysReversal(_:)``).
    /// `asWritten`: the row as the file has it, when a customer was filled down into `row` (a
    /// reject's raw text is what the file says).
    func importRow(_ row: Row, kind: RecordKind, moneyOut: Int? = nil, asWritten: Row? = nil,
                   into batch: inout ImportBatch) -> Bool {
        // One provenance for the row; each value's shares it (``Provenance/at(column:rawText:)``).
        let place = location(row)
        let origin = Provenance(place, sourceLabel: label)
        do {
            switch kind {
            case .invoices:
                // The issue date serves both records: it says how recent the customer's data is.
                let issued = Result { try date(.issueDate, row, origin) }
                var customer = buildCustomer(row, origin, id: recordID(place, suffix: "customer"), into: &batch)
                customer.asOf = (try? issued.get())??.value
                let invoice = try buildInvoice(row, origin, id: recordID(place), customer: customer, issued: issued,
                                               into: &batch)
                noteNoCustomer(customer, row, into: &batch)
                batch.customers.append(customer); batch.invoices.append(invoice)
            case .customers:
                let customer = buildCustomer(row, origin, id: recordID(place), into: &batch)
                guard customer.name != nil || customer.taxID != nil else {
                    throw RowRejection(code: "MAP-NO-CUSTOMER", reason: "no customer name or tax ID in the row")
                }
                batch.customers.append(customer)
            case .payments:
                var payment = try buildPayment(row, origin, id: recordID(place), amountColumn: moneyOut, into: &batch)
                if moneyOut != nil || saysReversal(row) { payment = try reversal(of: payment, row, moneyOut: moneyOut, into: &batch) }
                // The payer named in the row (a bank's "RIF ordenante") is a customer record of its
                // own, so reconciliation ties the payment to the real customer by its evidence.
                let payer = buildCustomer(row, origin, id: recordID(place, suffix: "customer"), into: &batch)
                if payer.name != nil || payer.taxID != nil {
                    payment.customer = payer.id
                    batch.customers.append(payer)
                }
                batch.payments.append(payment)
            }
            return true
        } catch let r as RowRejection {
            batch.rejects.append(Reject(location: location(row, column: r.column), code: r.code, reason: r.reason,
                                        rawText: rawText(asWritten ?? row)))
            return false
        } catch {
            batch.rejects.append(Reject(location: location(row), code: "MAP-ROW", reason: "\(error)",
                                        rawText: rawText(asWritten ?? row)))
            return false
        }
    }

    // MARK: Records

    /// `listAll` lists every warning, even of codes the chunk only counts by now (for a customer
    /// that plain rows of other chunks will share: ``plainCustomer(row:)``).
    func buildCustomer(_ row: Row, _ origin: Provenance, id: RecordID, into batch: inout ImportBatch,
                       listAll: Bool = false) -> Customer {
        var customer = Customer(id: id, provenance: origin)
        customer.sourcePriority = priority
        noteErrorCells(Self.customerFields, row, into: &batch, listAll: listAll)
        customer.name = text(.customerName, row, origin) ?? joinedName(row, origin)
        // Read whole: a mapping may build it from two columns (`NIT` and its `DV`).
        if let (raw, c) = textValue(.taxID, row) {
            let id = parsed.taxID(raw, country: country)
            customer.taxID = Sourced(id, from: origin.at(column: c, rawText: raw))
            noteValidity(of: id, found: raw, at: location(row, column: c), into: &batch, listAll: listAll)
        }
        if sections != nil {
            if let heading = currentSections.customer { take(heading, into: &customer) }
            if let heading = currentSections.salesperson { take(heading, into: &customer) }
        }
        customer.country = customer.taxID?.value.country ?? country
        let countryColumn = text(.country, row, origin)?.value.uppercased()
        if let countryColumn, countryColumn.count == 2 { customer.country = countryColumn }
        // Phones follow the row's country column, else the country a tax ID proves (its check
        // digit right: a Venezuelan RIF in a Colombian company's list), else the configured one,
        // else a tax ID's guessed country. A guess from a bare number's shape never beats the
        // configuration: a cédula read as a Chilean RUT must not make a Venezuelan mobile Chilean.
        let proven = customer.taxID.flatMap { $0.value.validity == .valid ? $0.value.country : nil }
        let phoneCountry = (countryColumn?.count == 2 ? countryColumn : nil) ?? proven ?? country ?? customer.country
        for c in columns(.phone) where row[column: c].holdsValue {
            let raw = row.shownText(column: c)
            let (phones, unparsed) = parsed.phones(raw, country: phoneCountry)
            let at = origin.at(column: c, rawText: raw)
            customer.phones.reserveCapacity(customer.phones.count + phones.count + unparsed.count)
            for phone in phones { customer.phones.append(Sourced(phone.description, from: at)) }
            for piece in unparsed {
                customer.phones.append(Sourced(piece, from: at))
                note(.warning, "MAP-PHONE-FORMAT", "phone kept as written: not a number for \(phoneCountry ?? "any country")",
                     at: location(row, column: c), found: piece, into: &batch, listAll: listAll)
            }
        }
        for c in columns(.email) where row[column: c].holdsValue {
            let raw = row.shownText(column: c)
            let (emails, invalid) = parsed.emails(raw)
            let at = origin.at(column: c, rawText: raw)
            customer.emails.reserveCapacity(customer.emails.count + emails.count + invalid.count)
            for email in emails { customer.emails.append(Sourced(email, from: at)) }
            // Kept as written, as phones are: a mistyped address still tells who the customer is,
            // and dropping it would lose the cell from every output.
            for piece in invalid {
                customer.emails.append(Sourced(piece, from: at))
                note(.warning, "MAP-EMAIL-FORMAT", "email kept as written: not an email address", at: location(row, column: c),
                     found: piece, into: &batch, listAll: listAll)
            }
        }
        customer.address = text(.address, row, origin)
        customer.city = text(.city, row, origin)
        customer.salesperson = text(.salesperson, row, origin) ?? customer.salesperson  // (a heading's, if any)
        if mapping.kind == .customers { customer.extra.merge(extras(row)) { a, _ in a } }
        return customer
    }

    /// The warning a tax ID's validity calls for, if any: its check digit fails, or it fits no format.
    func noteValidity(of id: TaxID, found raw: String?, at place: SourceLocation, into batch: inout ImportBatch,
                      listAll: Bool = false) {
        switch id.validity {
        case .valid, .unchecked: break
        case .checkDigitMismatch:
            note(.warning, "MAP-TAXID-CHECK-DIGIT", "tax ID check digit does not match (\(id.kind.rawValue.uppercased()))",
                 at: place, found: raw, into: &batch, listAll: listAll)
        case .malformed:
            note(.warning, "MAP-TAXID-FORMAT", "tax ID fits no known format", at: place, found: raw, into: &batch, listAll: listAll)
        }
    }

    /// First and last name joined (`Ana María` `Pérez`), when no column holds the whole name.
    func joinedName(_ row: Row, _ origin: Provenance) -> Sourced<String>? {
        let parts = [Field.firstName, .lastName].compactMap { textValue($0, row) }
        guard let first = parts.first else { return nil }
        return Sourced(parts.map(\.0).joined(separator: " "), from: origin.at(column: first.column))
    }

    /// The name and tax ID of the customer heading an invoice row is under (``CustomerSections``),
    /// each with the heading's cell as its provenance. (Its tax ID's warning was raised once, at
    /// the heading.)
    func take(_ heading: CustomerSections.Heading, into customer: inout Customer) {
        let at = Provenance(SourceLocation(file: path, sheet: sheet.name, row: heading.row, column: heading.column,
                                           line: heading.line),
                            sourceLabel: label, rawText: heading.text)
        if heading.kind == .salesperson {
            if customer.salesperson == nil, let name = heading.name { customer.salesperson = Sourced(name, from: at) }
            return
        }
        if customer.name == nil, let name = heading.name { customer.name = Sourced(name, from: at) }
        if customer.taxID == nil, let id = heading.taxID { customer.taxID = Sourced(id, from: at) }
    }

    /// An invoice whose row names no customer (no name, no tax ID, no heading above it) is imported,
    /// but said: nobody can be asked to pay it.
    func noteNoCustomer(_ customer: borrowing Customer, _ row: Row, into batch: inout ImportBatch, listAll: Bool = false) {
        guard customer.name == nil, customer.taxID == nil else { return }
        note(.warning, "MAP-INVOICE-NO-CUSTOMER", "invoice row names no customer (no name or tax ID): imported without one",
             at: location(row), into: &batch, listAll: listAll)
    }

    /// The invoice of a row whose customer is already built; `issued` is the row's issue date, read once.
    func buildInvoice(_ row: Row, _ origin: Provenance, id: RecordID, customer: borrowing Customer,
                      issued: Result<Sourced<LocalDate>?, any Error>, into batch: inout ImportBatch) throws -> Invoice {
        if isStatement {
            return try buildStatementLine(row, origin, id: id, customer: customer, issued: issued, into: &batch)
        }
        let written = text(.documentNumber, row, origin)
        let receipt = written == nil ? writtenType(row).flatMap { $0.0 == .receipt ? $0.1 : nil } : nil
        guard written != nil || receipt != nil else {
            let column = mapping[.documentNumber]?.columns.first
            if let column, let error = row[column: column].spreadsheetError {
                // Two invoices numbered `#N/A` would read as one document, and one amount be lost.
                throw RowRejection(code: "MAP-NO-DOCUMENT", reason: "the document number is the spreadsheet error \(error)",
                                   column: column)
            }
            throw RowRejection(code: "MAP-NO-DOCUMENT", reason: "no document number", column: column)
        }
        let rowCurrency = currencyCell(row, into: &batch)
        let amount = try money(.amount, row, rowCurrency, origin)
        var paid = try columns(.paid).count > 1 ? instalments(row, rowCurrency, origin, into: &batch)
            : money(.paid, row, rowCurrency, origin)
        var balance = try money(.balance, row, rowCurrency, origin) ?? bucketBalance(row, rowCurrency, origin)
        // A figure whose cell names another currency than the document's cell does (a bolívar
        // invoice's `Abonado` in dollars) cannot stand beside its others: no rate converts it.
        // Left out, said at its cell. (A currency only inferred, from the configuration or a
        // header, is no such statement: `Saldo (USD)` beside `Monto` in euros stays as written.)
        // (Looked at only when the figures' currencies differ: the rare row.)
        let documentField: Field = amount != nil ? .amount : .balance
        if InvoiceAmountCheck(type: .invoice, amount: amount?.value, paid: paid?.value, balance: balance?.value).mixedCurrencies,
           let documentCurrency = cellCurrency(documentField, row, rowCurrency) {
            for (field, value) in [(Field.balance, balance), (.paid, paid)] where field != documentField {
                guard let value, let other = cellCurrency(field, row, rowCurrency), other != documentCurrency else { continue }
                let c = columns(field).first
                note(.warning, "MAP-CURRENCY-MISMATCH",
                     "\(field.rawValue) \(value.value) is in another currency than the document's (\(documentCurrency.code)): not imported",
                     at: location(row, column: c), found: c.map { row.shownText(column: $0) }, into: &batch)
                if field == .balance { balance = nil } else { paid = nil }
            }
        }
        guard amount != nil || balance != nil else {
            throw RowRejection(code: "MAP-NO-AMOUNT", reason: "no amount or balance",
                               column: (mapping[.amount] ?? mapping[.balance])?.columns.first)
        }
        // A receipt listed without a number (QuickBooks' unapplied `Pago`) is still money the
        // customer holds: named by its type, date and amount, and said.
        let number = written ?? nameWithoutNumber(row, origin, type: receipt ?? "", issued: issued, value: amount ?? balance,
                                                into: &batch)
        var invoice = Invoice(id: id, customer: customer.id, number: number,
                              type: documentType(row, number: number.value),
                              issueDate: try issued.get(), dueDate: dueDate(row, origin, into: &batch),
                              amount: amount, paid: paid, balance: balance,
                              currency: amount?.value.currency ?? balance?.value.currency ?? paid?.value.currency,
                              salesperson: customer.salesperson, notes: text(.notes, row, origin),
                              extra: extras(row), provenance: origin, sourcePriority: priority)
        if invoice.currency == nil { invoice.currency = rowCurrency ?? fallbackCurrency }
        noteWrittenType(&invoice, row, into: &batch)
        noteAmounts(invoice, row, into: &batch)
        return invoice
    }

    /// The currency a money field's cell itself names: a mark in its text (`USD 50,00`; a bare `$`
    /// as the row's currency reads it) or its number format (`"Bs." #,##0.00`).
    func cellCurrency(_ field: Field, _ row: Row, _ rowCurrency: Currency?) -> Currency? {
        guard let c = columns(field).first, !row[column: c].isBlank,
              case .success(var p) = AmountParser.parse(row[column: c], profile: amountProfile(c)) else { return nil }
        p.currency = writtenCurrency(p, row[column: c], rowCurrency)
        return ownCurrency(p, column: c, row)
    }

    /// The currency a parsed amount's text names, a bare `$` yielding to the row's currency
    /// (``CurrencyToken/resolvingBareDollar(_:written:rowCurrency:)``).
    func writtenCurrency(_ p: AmountParser.Parsed, _ cell: CellValue, _ rowCurrency: Currency?) -> Currency? {
        guard case .text(let text) = cell else { return p.currency }
        return CurrencyToken.resolvingBareDollar(p.currency, written: text.utf8, rowCurrency: rowCurrency)
    }

    /// A parsed amount's own currency: the mark written in its cell, else the one its number format
    /// shows (`"Bs." #,##0.00`, `[$USD]`), as a mark written in its text would be.
    func ownCurrency(_ p: AmountParser.Parsed, column c: Int, _ row: Row) -> Currency? {
        p.currency ?? row.currencies?[c].flatMap { parsed.currency($0, country: country) }
    }

    /// The name of a receipt listed without a number (its number in the records): its type, date, amount and row (`Pago
    /// 2026-11-20 -2000.00 fila 12`; two alike on one day stay two), said at its type's cell. With
    /// `charge`, of a statement's charge written without one (`Cargo por flete`): imported as an
    /// invoice so named, and said so.
    func nameWithoutNumber(_ row: Row, _ origin: Provenance, type: String, issued: Result<Sourced<LocalDate>?, any Error>,
                       value: Sourced<Money>?, charge: Bool = false, into batch: inout ImportBatch) -> Sourced<String> {
        let date = (try? issued.get())??.value.iso
        let made = [type, date ?? "", value?.value.plainText ?? "", "fila \(row.number)"].filter { !$0.isEmpty }
            .joined(separator: " ")
        let c = columns(.documentType).first
        note(.warning, charge ? "MAP-CHARGE-NO-NUMBER" : "MAP-RECEIPT-NO-NUMBER",
             "a \(charge ? "charge" : "receipt") with no document number: imported as \(charge ? "an invoice" : "a credit") named \"\(made)\" from its type, date, amount and row",
             at: location(row, column: c), found: type, into: &batch)
        return Sourced(made, from: origin.at(column: c ?? 1, rawText: type))
    }

    /// The document number a type cell writes after its type word (`Factura F-100` → `F-100`,
    /// `Fact. # 00123` → `00123`): its first later word with a digit, unless that word is a year, a
    /// period, a date or an ordinal (`Factura marzo 2024`, `Retención IVA 2024-03`, `Factura
    /// 15-03-2024`, `Factura 2do trimestre` name no document). A type glued to its number in one
    /// word (`FACT-001`, `NC-9`, `Factura#461`) is that number as written: other sources' copies
    /// meet it once numbers are normalized (``InvoiceNumber`` drops `FACT`).
    static func numberInType(_ written: String) -> String? {
        let words = written.split(whereSeparator: \.isWhitespace)
        if words.count == 1, let word = words.first, word.first?.isLetter == true {
            var w = word[...]
            while let l = w.last, ",;:.)".contains(l) { w = w.dropLast() }
            // The type's letters, its separators, then digits: `Fact-Mar24` and `F-03/24` are periods.
            let number = w.drop(while: \.isLetter).drop { "-#.º°/_".contains($0) }
            guard number.first?.isASCIIDigit == true, !isPeriodOrDate(number), !isMonthOfShortYear(number) else { return nil }
            return String(w)
        }
        for word in words.dropFirst() {
            var w = word[...]
            while let f = w.first, "#:º°(".contains(f) { w = w.dropFirst() }
            while let l = w.last, ",;:.)".contains(l) { w = w.dropLast() }
            guard w.contains(where: \.isASCIIDigit) else { continue }
            return isPeriodOrDate(w) ? nil : String(w)
        }
        return nil
    }

    /// A month and a two-digit year (`03/24`, `3-24`), as a period is glued to a type (`F-03/24`).
    private static func isMonthOfShortYear(_ w: Substring) -> Bool {
        let groups = w.split(omittingEmptySubsequences: false, whereSeparator: { "-./".contains($0) })
        guard groups.count == 2, (1...2).contains(groups[0].count), groups[1].count == 2,
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let month = Int(groups[0]) else { return false }
        return (1...12).contains(month)
    }

    /// A year (`2024`), a month of one (`2024-03`, `03/2024`), a date (`15-03-2024`, `15.03.24`,
    /// `15-mar-2024`, `2024-03-15`) or an ordinal (`2do`, `1er`, `3ª`).
    private static func isPeriodOrDate(_ w: Substring) -> Bool {
        func isYear(_ s: Substring) -> Bool {
            s.count == 4 && s.allSatisfy(\.isASCIIDigit) && (s.hasPrefix("19") || s.hasPrefix("20"))
        }
        if isYear(w) { return true }
        let digits = w.prefix(while: \.isASCIIDigit)
        if (1...2).contains(digits.count), ["do", "er", "ro", "to", "vo", "no", "mo", "o", "a", "ª", "º", "°"].contains(String(w.dropFirst(digits.count)).lowercased()) {
            return true
        }
        let groups = w.split(omittingEmptySubsequences: false, whereSeparator: { "-./".contains($0) })
        let numeric = groups.map { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
        if groups.count == 2, numeric[0], numeric[1] {
            return (isYear(groups[0]) && groups[1].count <= 2) || (isYear(groups[1]) && groups[0].count <= 2)
        }
        if groups.count == 3, numeric[0], numeric[2] {
            return numeric[1] || groups[1].allSatisfy(\.isLetter)
        }
        return false
    }

    /// A balance or paid amount larger than the document's total (``InvoiceAmountCheck``): imported
    /// as written, said at its cell.
    func noteAmounts(_ invoice: borrowing Invoice, _ row: Row, into batch: inout ImportBatch) {
        let amount = invoice.amount?.value, paid = invoice.paid?.value, balance = invoice.balance?.value
        let check = InvoiceAmountCheck(type: invoice.type, amount: amount, paid: paid, balance: balance)
        guard check.callsForWarning, let amount else { return }
        if check.balanceExceedsAmount, let balance {
            let c = columns(.balance).first
            note(.warning, "MAP-BALANCE-EXCEEDS-AMOUNT",
                 "balance \(balance) exceeds the document amount \(amount): imported as written",
                 at: location(row, column: c), found: c.map { row.shownText(column: $0) }, into: &batch)
        }
        if check.paidExceedsAmount, let paid {
            let c = columns(.paid).first
            note(.warning, "MAP-PAID-EXCEEDS-AMOUNT",
                 "paid \(paid) exceeds the document amount \(amount): imported as written",
                 at: location(row, column: c), found: c.map { row.shownText(column: $0) }, into: &batch)
        }
    }

    /// `amountColumn`: read the amount from this column's field instead (a bank's debit column).
    func buildPayment(_ row: Row, _ origin: Provenance, id: RecordID, amountColumn: Int? = nil,
                      into batch: inout ImportBatch) throws -> Payment {
        let rowCurrency = currencyCell(row, into: &batch)
        let amountField = amountColumn != nil ? Field.moneyOut
            : [Field.paymentAmount, .amount, .paid].first { mapping.has($0) && !isBlank($0, row) }
        guard let amountField, let amount = try money(amountField, row, rowCurrency, origin) else {
            throw RowRejection(code: "MAP-NO-AMOUNT", reason: "no payment amount",
                               column: (mapping[.paymentAmount] ?? mapping[.amount] ?? mapping[.paid])?.columns.first)
        }
        let dateField: Field = mapping.has(.paymentDate) ? .paymentDate : .issueDate
        // A blank date where the table has its column: imported (the money was received), and said,
        // since an undated payment meets no transfer in another source and keeps no promise.
        if let c = columns(dateField).first, row[column: c].isBlank {
            note(.warning, "MAP-PAYMENT-NO-DATE", "payment without a date: imported undated", at: location(row, column: c),
                 into: &batch)
        }
        var extra = extras(row)
        // Customer columns of a payment row stay with it, so reconciliation can tie it to a customer.
        if let name = text(.customerName, row, origin) ?? joinedName(row, origin) { extra["customer_name"] = name.value }
        if let (raw, _) = textValue(.taxID, row) {
            extra["customer_tax_id"] = parsed.taxID(raw, country: country).normalized
        }
        return Payment(id: id, customer: nil, invoiceNumber: text(.documentNumber, row, origin),
                       date: try date(dateField, row, origin), amount: amount, reference: text(.paymentReference, row, origin),
                       method: text(.paymentMethod, row, origin), notes: text(.notes, row, origin), extra: extra,
                       provenance: origin)
    }

    // MARK: Values

    /// A per-row diagnostic; once the table has listed enough of its code it is only counted, and
    /// not even built (a warning on each of a million rows would cost more than the rows).
    func note(_ severity: Diagnostic.Severity, _ code: String, _ message: @autoclosure () -> String,
              at location: @autoclosure () -> SourceLocation, found: @autoclosure () -> String? = nil,
              into batch: inout ImportBatch, listAll: Bool = false) {
        if !listAll && countOnly.contains(code) { batch.diagnosticsNotListed[code, default: 0] += 1; return }
        batch.diagnostics.append(Diagnostic(severity, code: code, message(), at: location(), found: found()))
    }

    /// The column of a bank statement row's money out when the row is a debit line: a debit that
    /// is not zero, and no payment amount (blank or zero). `nil` for any other row.
    func moneyOutColumn(_ row: Row) -> Int? {
        func nonZero(_ c: Int) -> Bool { row.shownText(column: c).utf8.contains { (0x31...0x39).contains($0) } }
        // A statement's one signed column (``ColumnMapper/markSignedStatement``): money out is below zero.
        if let signed = columns(.moneyOut).first, columns(.paymentAmount) == [signed] {
            guard case .success(let p) = AmountParser.parse(row[column: signed], profile: amountProfile(signed)),
                  p.amount < 0 else { return nil }
            return signed
        }
        guard let debit = columns(.moneyOut).first, nonZero(debit),
              columns(.paymentAmount).allSatisfy({ !nonZero($0) }) else { return nil }
        return debit
    }

    func isBlank(_ field: Field, _ row: Row) -> Bool {
        columns(field).allSatisfy { row[column: $0].isBlank }
    }

    /// Display text as written: whitespace trimmed and collapsed; several columns joined.
    func text(_ field: Field, _ row: Row, _ origin: Provenance) -> Sourced<String>? {
        guard let (value, column) = textValue(field, row) else { return nil }
        return Sourced(value, from: origin.at(column: column))
    }

    /// ``text(_:_:_:)`` without provenance, and the first column it came from. A cell holding a
    /// spreadsheet error (`#N/A`, ``SpreadsheetError``) has no text: ``noteErrorCells(_:_:into:listAll:)`` says so.
    func textValue(_ field: Field, _ row: Row) -> (String, column: Int)? {
        let columns = columns(field)
        if columns.count == 1 {
            let cell = row[column: columns[0]]
            guard cell.holdsValue else { return nil }
            return (row.shownText(column: columns[0]).collapsingWhitespace, columns[0])
        }
        let kept = columns.filter { row[column: $0].holdsValue }
        guard let first = kept.first else { return nil }
        let parts = kept.map { row.shownText(column: $0).collapsingWhitespace }
        return (Self.join(parts, separator: fieldSeparators[field.ordinal] ?? " "), first)
    }

    /// A warning at each cell of `fields` holding a spreadsheet error: read as no value (a customer
    /// `#N/A` would gather every failed lookup of the sheet).
    func noteErrorCells(_ fields: [Field], _ row: Row, into batch: inout ImportBatch, listAll: Bool = false) {
        for field in fields {
            for c in columns(field) {
                guard let error = row[column: c].spreadsheetError else { continue }
                note(.warning, "MAP-CELL-ERROR", "the cell holds the spreadsheet error \(error), not a \(field.rawValue): read as none",
                     at: location(row, column: c), found: error, into: &batch, listAll: listAll)
            }
        }
    }

    /// Parts joined by `separator`, except where a part already ends (or the next begins) with it:
    /// a series written `A-` and its folio `103` are `A-103`, not `A--103`.
    static func join(_ parts: [String], separator: String) -> String {
        var out = ""
        for part in parts {
            if !out.isEmpty && !out.hasSuffix(separator) && !part.hasPrefix(separator) { out += separator }
            out += part
        }
        return out
    }

    func date(_ field: Field, _ row: Row, _ origin: Provenance) throws -> Sourced<LocalDate>? {
        guard let (date, c) = try dateValue(field, row) else { return nil }
        return Sourced(date, from: origin.at(column: c, rawText: rawIfText(row[column: c])))
    }

    /// ``date(_:_:_:)`` without provenance, and the column it came from.
    func dateValue(_ field: Field, _ row: Row) throws -> (LocalDate, column: Int)? {
        guard let c = columns(field).first else { return nil }
        let cell = row[column: c]
        guard !cell.isBlank else { return nil }
        switch DateParser.parse(cell, profile: dateProfile(c)) {
        case .success(let d): return (d, c)
        case .failure(let e):
            throw RowRejection(code: e.code, reason: "\(headerNames[c] ?? field.rawValue): \(e.message): \"\(cell.displayText)\"", column: c)
        }
    }

    /// The invoice's due date. One that cannot be read (`15/3`, `15 de abril` without a year, `31/02`)
    /// is left out with a warning at its cell: the debt is still owed, and aging falls back to the
    /// issue date. (An unreadable issue date still rejects the row: nothing dates the debt then.)
    func dueDate(_ row: Row, _ origin: Provenance, into batch: inout ImportBatch) -> Sourced<LocalDate>? {
        do {
            return try date(.dueDate, row, origin)
        } catch let r as RowRejection {
            note(.warning, "MAP-DUE-DATE-UNREADABLE", r.reason + ": the invoice is imported without a due date",
                 at: location(row, column: r.column), found: r.column.map { row[column: $0].displayText }, into: &batch)
            return nil
        } catch {
            return nil
        }
    }

    func money(_ field: Field, _ row: Row, _ rowCurrency: Currency?, _ origin: Provenance) throws -> Sourced<Money>? {
        guard let (money, c) = try moneyValue(field, row, rowCurrency) else { return nil }
        return Sourced(money, from: origin.at(column: c, rawText: rawIfText(row[column: c])))
    }

    /// An aging report's balance: the sum of the row's filled buckets (``AgingBuckets``), at the
    /// first one's cell; `nil` when all are blank. Buckets in two currencies are no sum: rejected.
    func bucketBalance(_ row: Row, _ rowCurrency: Currency?, _ origin: Provenance) throws -> Sourced<Money>? {
        var sum: Money?, first: Int?
        for c in columns(.agingBucket) {
            guard let m = try moneyValue(column: c, .agingBucket, row, rowCurrency) else { continue }
            if let s = sum {
                guard s.isCompatible(with: m) else {
                    throw RowRejection(code: "MAP-AMOUNT-FORMAT", reason: "aging buckets in two currencies", column: c)
                }
                sum = s + m
            } else {
                sum = m; first = c
            }
        }
        guard let sum, let first else { return nil }
        return Sourced(sum, from: origin.at(column: first, rawText: rawIfText(row[column: first])))
    }

    /// What a document paid in instalments, a column each (`Abono 1 | Abono 2`,
    /// ``ColumnMapper/joinNumberedPayments(headers:byField:taken:)``), was paid: the sum of its filled
    /// cells, at the first one's. A cell in another currency than the first is no part of the sum
    /// and is said (`MAP-CURRENCY-MISMATCH`); the document stands.
    func instalments(_ row: Row, _ rowCurrency: Currency?, _ origin: Provenance,
                     into batch: inout ImportBatch) throws -> Sourced<Money>? {
        var sum: Money?, first: Int?
        for c in columns(.paid) {
            guard let m = try moneyValue(column: c, .paid, row, rowCurrency) else { continue }
            guard let s = sum else { sum = m; first = c; continue }
            if s.isCompatible(with: m) {
                sum = s + m
            } else {
                note(.warning, "MAP-CURRENCY-MISMATCH",
                     "payment \(m) is in another currency than the first instalment's (\(s.currency?.code ?? "")): not added",
                     at: location(row, column: c), found: row.shownText(column: c), into: &batch)
            }
        }
        guard let sum, let first else { return nil }
        return Sourced(sum, from: origin.at(column: first, rawText: rawIfText(row[column: first])))
    }

    /// ``money(_:_:_:_:)`` without provenance, and the column it came from.
    func moneyValue(_ field: Field, _ row: Row, _ rowCurrency: Currency?) throws -> (Money, column: Int)? {
        guard let c = columns(field).first, let m = try moneyValue(column: c, field, row, rowCurrency) else { return nil }
        return (m, c)
    }

    /// The amount in column `c` of the row (`nil` when blank), as a field's column is read.
    func moneyValue(column c: Int, _ field: Field, _ row: Row, _ rowCurrency: Currency?) throws -> Money? {
        let cell = row[column: c]
        guard !cell.isBlank else { return nil }
        switch AmountParser.parse(cell, profile: amountProfile(c)) {
        case .success(var p):
            // A currency the cell's text names is the cell's own (but a bare `$`, only the sign);
            // one its number format shows is the template's, and yields to the row's currency cell
            // (`USD` beside a cell formatted `"Bs." #,##0.00`, copied down from a bolívar row).
            p.currency = writtenCurrency(p, cell, rowCurrency) ?? (rowCurrency == nil ? ownCurrency(p, column: c, row) : nil)
            return money(p, column: c, rowCurrency)
        case .failure(let e):
            throw RowRejection(code: e.code, reason: "\(headerNames[c] ?? field.rawValue): \(e.message): \"\(cell.displayText)\"", column: c)
        }
    }

    func dateProfile(_ column: Int) -> DateColumnProfile {
        dateProfiles[column] ?? DateColumnProfile(order: .dmy)
    }

    func amountProfile(_ column: Int) -> AmountColumnProfile {
        amountProfiles[column] ?? AmountColumnProfile(country: country)
    }

    /// An amount read from `column` with its currency: the cell's, the row's currency column, the
    /// column header, the one the column's marked values all name, the mapping, the configuration,
    /// in that order.
    func money(_ p: AmountParser.Parsed, column: Int, _ rowCurrency: Currency?) -> Money {
        Money(p.amount, p.currency ?? rowCurrency ?? headerCurrency[column] ?? amountProfiles[column]?.currency
                  ?? fallbackCurrency)
    }

    func currencyCell(_ row: Row, into batch: inout ImportBatch) -> Currency? {
        guard let (text, c) = Self.currencyText(row, column: columns(.currency).first) else { return nil }
        if let currency = parsed.currency(text, country: country) { return currency }
        note(.warning, "MAP-CURRENCY-UNKNOWN", "not a currency code or mark", at: location(row, column: c), found: text,
             into: &batch)
        return nil
    }

    /// The text of the row's currency cell (in `column`, the table's currency column) and its column;
    /// `nil` when there is none or it is blank. Static: both import paths read it, the plain one from
    /// a mutating method that would copy the importer for an instance method.
    static func currencyText(_ row: Row, column: Int?) -> (String, column: Int)? {
        guard let c = column, !row[column: c].isBlank else { return nil }
        return (row.shownText(column: c), c)
    }

    func rawIfText(_ cell: CellValue) -> String? {
        if case .text(let s) = cell { return s }
        return nil
    }

    func documentType(_ row: Row, number: String) -> Invoice.DocumentType {
        guard let (meaning, _) = writtenType(row) else { return Self.documentType(number: number) }
        switch meaning {
        case .creditNote, .receipt: return .creditNote
        case .debitNote: return .debitNote
        case .invoice, .unknown: return .invoice
        }
    }

    /// What the row's document-type cell says (``DocumentTypeWords``), and the cell's text; `nil`
    /// when the table has no type column or the cell is blank.
    func writtenType(_ row: Row) -> (DocumentTypeWords.Meaning, String)? {
        guard let (t, _) = textValue(.documentType, row) else { return nil }
        return (DocumentTypeWords.meaning(of: t), t)
    }

    /// A receipt imported as a credit, or a type nobody knows imported as an invoice: said at the
    /// type's cell, and the type as written kept on the record.
    func noteWrittenType(_ invoice: inout Invoice, _ row: Row, into batch: inout ImportBatch) {
        guard let (meaning, written) = writtenType(row), meaning == .receipt || meaning == .unknown else { return }
        invoice.extra["document_type_written"] = written
        let c = columns(.documentType).first
        if meaning == .receipt {
            note(.info, "MAP-RECEIPT-AS-CREDIT",
                 "\"\(written)\" is a receipt or an advance: imported as a credit the customer holds (credit_note)",
                 at: location(row, column: c), found: written, into: &batch)
        } else if invoice.type == .creditNote {
            // A statement's credit line: its side says what it is.
            note(.warning, "MAP-DOCUMENT-TYPE-UNKNOWN",
                 "document type \"\(written)\" is not known: imported as a credit (the statement's credit side)",
                 at: location(row, column: c), found: written, into: &batch)
        } else {
            note(.warning, "MAP-DOCUMENT-TYPE-UNKNOWN",
                 "document type \"\(written)\" is not known: imported as an invoice (a debt)",
                 at: location(row, column: c), found: written, into: &batch)
        }
    }

    /// The document type a number says (`NC-0012` is a credit note), for rows with no type column.
    static func documentType(number: String) -> Invoice.DocumentType {
        // Only a number starting with `nc`/`nd` (any case or punctuation: `N/C-0005` folds to `nc
        // 0005`) or a note's words (`Nota de crédito 5`, `N/CR 5`, `NDB-7`) names a credit or debit note.
        // (The ASCII letters and digits are the ASCII characters that are letters or numbers.)
        if let first = number.utf8.first, first != UInt8(ascii: "n"), first != UInt8(ascii: "N"),
           RowClassifier.isASCIILetter(first) || first >= 0x30 && first <= 0x39 { return .invoice }
        let f = TextFolding.fold(number)
        if f.hasPrefix("nc ") || f == "nc" || f.hasPrefix("nc") && f.dropFirst(2).first?.isNumber == true { return .creditNote }
        if f.hasPrefix("nd ") || f.hasPrefix("nd") && f.dropFirst(2).first?.isNumber == true { return .debitNote }
        for (words, type) in noteWords where f == words || f.hasPrefix(words + " ") { return type }
        return .invoice
    }

    /// A note's words at the start of its number, as ``TextFolding/fold(_:)`` writes them.
    private static let noteWords: [(String, Invoice.DocumentType)] = [
        ("nota de credito", .creditNote), ("nota credito", .creditNote), ("n cr", .creditNote), ("ncr", .creditNote),
        ("nota de debito", .debitNote), ("nota debito", .debitNote), ("n db", .debitNote), ("ndb", .debitNote),
    ]

    /// Unmapped columns as `header → value`, so nothing is silently dropped.
    func extras(_ row: Row) -> [String: String] {
        guard hasExtras(row) else { return [:] }
        var out: [String: String] = [:]
        for h in mapping.extras {
            let cell = row[column: h.column]
            guard !cell.isBlank else { continue }
            out[headerNames[h.column] ?? h.letter] = row.shownText(column: h.column)
        }
        // Cells beyond the header's last column would otherwise vanish (but for one a mapping
        // reads by its letter: a field's, not an extra).
        let width = table.region.headers.last?.column ?? 0
        if row.cells.count > width {
            for c in (width + 1)...row.cells.count where !row[column: c].isBlank && !fieldColumns.contains(where: { $0.contains(c) }) {
                out[CellRef.columnLetters(c)] = row.shownText(column: c)
            }
        }
        return out
    }

    /// Whether the row has a cell ``extras(_:)`` keeps: in a column no field took, or beyond the header.
    func hasExtras(_ row: Row) -> Bool {
        if mapping.extras.contains(where: { !row[column: $0.column].isBlank }) { return true }
        let width = table.region.headers.last?.column ?? 0
        return row.cells.count > width && ((width + 1)...row.cells.count).contains { !row[column: $0].isBlank }
    }
}
