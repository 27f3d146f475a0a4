import Foundation
import Receivables
import Tabular

/// Matches copies of the same document across sources (same consolidated customer, same type,
/// same normalized number), picks each field's value, attaches payments and records every
/// conflict: differing fields, balances that don't add up, overpayments, duplicates inside one
/// source and payments naming unknown documents.
struct InvoiceConsolidator {
    let customerIDByRecord: [RecordID: String]
    /// The date the results are as of, when the run names one: a payment dated after it has not
    /// been received yet and pays no document's balance (it is still listed).
    var asOf: LocalDate?

    struct Output {
        var invoices: [ConsolidatedInvoice] = []
        var payments: [ConsolidatedPayment] = []
        var discrepancies: [Discrepancy] = []
    }

    private struct GroupKey: Hashable, Comparable {
        var customerID: String
        var type: String
        var number: String
        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.customerID, a.type, a.number) < (b.customerID, b.type, b.number) }
    }

    func consolidate(invoices: [Invoice], payments: [Payment]) -> Output {
        var out = Output()
        var groups: [GroupKey: [Invoice]] = [:]
        for inv in invoices {
            let cid = customerIDByRecord[inv.customer] ?? ""
            let number = InvoiceNumber.normalize(inv.number.value, type: inv.type)
            groups[GroupKey(customerID: cid, type: inv.type.rawValue, number: number), default: []].append(inv)
        }
        let keys = groups.keys.sorted()

        // Payments → (customer, number) so each invoice knows what was paid against it.
        var invoiceIndex: [String: [GroupKey]] = [:] // normalized number → keys (any customer)
        for k in keys {
            // Under each number as a payment's is normalized (a note's `ND-7` keeps its word there,
            // so a payment naming `7` pays invoice 7, not debit note `ND-7`, as it did).
            for number in Set((groups[k] ?? []).map { InvoiceNumber.normalize($0.number.value) }).sorted() {
                invoiceIndex[number, default: []].append(k)
            }
        }
        var paidByKey: [GroupKey: [Payment]] = [:]
        // The same transfer in two sources (overlapping bank statements: same date, bank reference
        // and amount), or twice in one, is one payment: counted twice, it paid invoices and kept
        // promises twice.
        var transfers: [String: [Payment]] = [:]
        var bookedByDocument: [String: [Payment]] = [:]
        // The files whose copy each kept payment has absorbed: one transfer is one line per file.
        var absorbed: [RecordID: Set<String>] = [:]
        // The copies that say most first (a document, then a customer): of one transfer in the
        // bank's file and a collector's log, the log's names what was paid and is the one kept.
        let ordered = payments.sorted { a, b in
            let (ra, rb) = (Self.richness(a), Self.richness(b))
            return ra != rb ? ra > rb : a.id < b.id
        }
        for p in ordered {
            if let key = Self.transferKey(p) {
                // In one file too, when the reference is a bank's transaction number (a line pasted
                // twice); a word such as `DEPOSITO` may repeat for two real payments.
                let file = p.provenance.location.file
                let candidates = (transfers[key] ?? []).filter { first in
                    !(absorbed[first.id]?.contains(file) ?? false) && Self.sameTransfer(first, p)
                        && !Self.namesAnotherCustomer(first, p, customerIDByRecord)
                }
                // The same reference before one that only ends alike.
                let earlier = candidates.first { PaymentReference.core($0.reference?.value ?? "") == PaymentReference.core(p.reference?.value ?? "") }
                    ?? candidates.first
                let sameFile = earlier?.provenance.location.file == file
                if let first = earlier {
                    absorbed[first.id, default: []].insert(file)
                    out.discrepancies.append(.make(
                        kind: "duplicate_payment", severity: .warning, entity: "payment", entityID: first.id.rawValue,
                        field: "reference", values: [first, p].map {
                            .init(value: $0.reference?.value ?? "", provenance: $0.reference?.provenance ?? $0.provenance)
                        },
                        message: "payment \(p.amount.value) of \(p.date?.value.iso ?? "") with reference "
                            + "\(p.reference?.value ?? "") is listed "
                            + (sameFile ? "twice in \(p.provenance.location.file)" : "by two sources") + ": counted once"))
                    continue
                }
                transfers[key, default: []].append(p)
            }
            let cid = p.customer.flatMap { customerIDByRecord[$0] }
            // The documents its document cell names (read once for the checks below).
            let pieces = p.invoiceNumber.map { Self.documentPieces($0.value) } ?? []
            // A collector's list that writes the customer's credit note as a payment (`NC-5 |
            // 300,00 | Nota de crédito`): the credit note, which a source lists, already lowers what
            // the customer owes; counted as money received too, it would lower it twice.
            if let cid, let note = Self.creditNoteListedAsPayment(p, customerID: cid, groups: groups) {
                out.discrepancies.append(.make(
                    kind: "credit_note_as_payment", severity: .info, entity: "payment", entityID: p.id.rawValue,
                    field: "reference", values: [.init(value: p.reference?.value ?? "", provenance: p.reference?.provenance ?? p.provenance)],
                    message: "payment \(p.amount.value) of customer \(cid) is credit note \(note), which the sources list: "
                        + "not counted as money received (the credit note already lowers the balance)"))
                out.payments.append(ConsolidatedPayment(customerID: cid, invoiceNumber: p.invoiceNumber?.value, invoiceFound: false,
                                                        payment: p))
                continue
            }
            // The same payment booked by two sources (the bank's line and a salesperson's log of
            // it): one customer, one document, one amount, within a few days, no references that
            // tell them apart. Applied to the balance twice, it would halve a debt that is owed.
            if let cid, let raw = p.invoiceNumber?.value, !raw.isEmpty {
                let key = [cid, Self.documentListKey(raw, pieces: pieces), p.amount.value.plainText, p.amount.value.currency?.code ?? ""]
                    .joined(separator: "|")
                if let first = (bookedByDocument[key] ?? []).first(where: { Self.sameBooking($0, p) }) {
                    out.discrepancies.append(.make(
                        kind: "duplicate_payment", severity: .warning, entity: "payment", entityID: first.id.rawValue,
                        field: "invoice_number", values: [first, p].map {
                            .init(value: $0.amount.value.description, provenance: $0.amount.provenance ?? $0.provenance)
                        },
                        message: "payment \(p.amount.value) to document \(raw) of \(p.date?.value.iso ?? "") is listed by "
                            + "two sources (\(first.provenance.location.file), \(p.provenance.location.file)): counted once"))
                    continue
                }
                bookedByDocument[key, default: []].append(p)
            }
            var found: GroupKey?
            var number: String?
            // One payment of several documents (`00159/00160`, `159 y 160`): shared among them.
            if let raw = p.invoiceNumber?.value,
               let (shares, foreign) = Self.shares(of: p, raw: raw, pieces: pieces, customerID: cid, index: invoiceIndex,
                                                   groups: groups) {
                for (key, share) in shares { paidByKey[key, default: []].append(share) }
                if let cid, !foreign.isEmpty {
                    let applied = shares.reduce(Decimal(0)) { $0 + $1.share.amount.value.amount }
                    let rest = Money(p.amount.value.amount - applied, p.amount.value.currency)
                    let others = foreign.contains { !$0.owners.isEmpty }
                    out.discrepancies.append(.make(
                        kind: others ? "payment_for_other_customer" : "unknown_invoice_payment", severity: .warning,
                        entity: "payment", entityID: p.id.rawValue,
                        field: "invoice_number", values: [.init(value: raw, provenance: p.invoiceNumber?.provenance ?? p.provenance)],
                        message: "payment \(p.amount.value) from customer \(cid) names documents \(raw); "
                            + foreign.map { $0.owners.isEmpty ? "\($0.piece) is listed by no source"
                                : "\($0.piece) is customer \($0.owners.joined(separator: " and "))'s" }.joined(separator: ", ")
                            + ": its own documents took what they were owed, \(rest) was applied to none"))
                }
                out.payments.append(ConsolidatedPayment(customerID: cid ?? shares[0].key.customerID, invoiceNumber: raw,
                                                        invoiceFound: true, payment: p))
                continue
            }
            if let raw = p.invoiceNumber?.value, !raw.isEmpty {
                // (`Facturas F-111`: the number without the words before it.)
                let whole = InvoiceNumber.normalize(raw)
                let n = pieces.count == 1 && Self.payable(whole, in: invoiceIndex).isEmpty ? InvoiceNumber.normalize(pieces[0]) : whole
                number = raw
                let matches = Self.payable(n, in: invoiceIndex)
                if let cid { found = matches.first { $0.customerID == cid } }
                else if matches.count == 1 { found = matches[0] }
                if found == nil, let cid, !matches.isEmpty {
                    // The payer paid a document another customer has (a sister company's invoice).
                    let owners = Set(matches.map { $0.customerID.isEmpty ? "?" : $0.customerID }).sorted()
                    out.discrepancies.append(.make(
                        kind: "payment_for_other_customer", severity: .warning, entity: "payment", entityID: p.id.rawValue,
                        field: "invoice_number", values: [.init(value: raw, provenance: p.invoiceNumber?.provenance ?? p.provenance)],
                        message: "payment \(p.amount.value) from customer \(cid) names document \(raw), which customer "
                            + owners.joined(separator: " and ") + " has: applied to none; if the payer paid another company's "
                            + "document, that document is paid although its balance does not show it"))
                } else if found == nil, cid == nil, matches.count > 1 {
                    let owners = matches.map { $0.customerID.isEmpty ? "?" : $0.customerID }.sorted()
                    out.discrepancies.append(.make(
                        kind: "ambiguous_payment", severity: .warning, entity: "payment", entityID: p.id.rawValue,
                        field: "invoice_number", values: [.init(value: raw, provenance: p.invoiceNumber?.provenance ?? p.provenance)],
                        message: "payment \(p.amount.value) names document \(raw) and no customer; \(matches.count) customers "
                            + "have that document (\(owners.joined(separator: ", "))): applied to none"))
                } else if found == nil {
                    out.discrepancies.append(.make(
                        kind: "unknown_invoice_payment", severity: .warning, entity: "payment", entityID: p.id.rawValue,
                        field: "invoice_number", values: [.init(value: raw, provenance: p.invoiceNumber?.provenance ?? p.provenance)],
                        message: "payment \(p.amount.value) names document \(raw), which no source lists" + (cid.map { " for customer \($0)" } ?? "")))
                }
            }
            // A description naming several of the customer's documents (`PAGO FACTS 00205 Y 00201`):
            // shared as a document cell naming them would be.
            if number == nil, let cid, case let named = InvoiceMention.findAll(
                in: Self.freeTexts(of: p), documents: { Self.payable($0, in: invoiceIndex) }, isCustomers: { $0.customerID == cid }),
               !named.isEmpty,
               case let listed = named.map(\.written).joined(separator: "/"),
               let (shares, _) = Self.shares(of: p, raw: listed, pieces: Self.documentPieces(listed), customerID: cid,
                                             index: invoiceIndex, groups: groups) {
                for (key, share) in shares { paidByKey[key, default: []].append(share) }
                let written = named.map(\.written).joined(separator: ", ")
                out.discrepancies.append(.make(
                    kind: "invoice_from_description", severity: .info, entity: "payment", entityID: p.id.rawValue,
                    field: "invoice_number", values: [.init(value: Self.freeTexts(of: p).joined(separator: " | "), provenance: p.provenance)],
                    message: "payment \(p.amount.value) names no document; its text mentions \(written), "
                        + "so it is shared among those documents"))
                out.payments.append(ConsolidatedPayment(customerID: cid, invoiceNumber: written, invoiceFound: true, payment: p))
                continue
            }
            if number == nil, let mention = mentionedDocument(p, customerID: cid, index: invoiceIndex) {
                number = mention.written
                found = mention.key
                let texts = Self.freeTexts(of: p)
                out.discrepancies.append(.make(
                    kind: "invoice_from_description", severity: .info, entity: "payment", entityID: p.id.rawValue,
                    field: "invoice_number", values: [.init(value: texts.joined(separator: " | "), provenance: p.provenance)],
                    message: "payment \(p.amount.value) names no document; its text mentions \(mention.written), "
                        + "so it is applied to that document"))
            }
            if let found { paidByKey[found, default: []].append(p) }
            if found == nil, cid != nil, number == nil {
                out.discrepancies.append(.make(
                    kind: "unapplied_payment", severity: .warning, entity: "payment", entityID: p.id.rawValue,
                    field: "invoice_number", values: [.init(value: p.amount.value.description, provenance: p.amount.provenance ?? p.provenance)],
                    message: "payment \(p.amount.value) of \(p.date?.value.iso ?? "unknown date") from customer \(cid ?? "") "
                        + "names no document: applied to none, no document's balance reflects it"))
            }
            if found == nil, cid == nil, number == nil {
                // Money received that no balance reflects: an auditor must see it.
                out.discrepancies.append(.make(
                    kind: "unassigned_payment", severity: .warning, entity: "payment", entityID: p.id.rawValue,
                    field: "customer", values: [.init(value: p.amount.value.description, provenance: p.amount.provenance ?? p.provenance)],
                    message: "payment \(p.amount.value) of \(p.date?.value.iso ?? "unknown date")"
                        + (p.reference.map { " (reference \($0.value))" } ?? "")
                        + " names no customer and no document: no balance reflects it"))
            }
            out.payments.append(ConsolidatedPayment(customerID: cid ?? found?.customerID, invoiceNumber: number,
                                                    invoiceFound: found != nil, payment: p))
        }

        for key in keys {
            let copies = (groups[key] ?? []).sorted { $0.id < $1.id }
            out.invoices.append(consolidate(key: key, copies: copies, payments: paidByKey[key] ?? [], into: &out.discrepancies))
        }
        out.discrepancies += Self.documentsUnderSeveralCustomers(out.invoices)
        out.discrepancies += Self.documentsNumberedTwoWays(out.invoices)
        Self.identifyByContent(&out.discrepancies, payments: payments)
        return out
    }

    /// One customer's two documents, each from other files, of one type, amount and issue date,
    /// whose numbers' digits end alike (`FV-1-1204` and `1204`, `A-1001` and `1001`, `FV24-015` and
    /// `2024/015`): most likely one document that two systems number their own way, whose balance
    /// now counts twice. Said for review (`possible_duplicate_document`), not merged: two real
    /// sales of one amount on one day are not rare enough to decide it alone.
    static func documentsNumberedTwoWays(_ invoices: [ConsolidatedInvoice]) -> [Discrepancy] {
        struct Key: Hashable { var customer: String; var type: String; var amount: String; var issued: LocalDate }
        var byKey: [Key: [Int]] = [:]
        for (i, inv) in invoices.enumerated() where !inv.customerID.isEmpty {
            guard let amount = inv.amount, let issued = inv.issueDate else { continue }
            byKey[Key(customer: inv.customerID, type: inv.documentType.rawValue,
                      amount: "\(amount.amount) \(amount.currency?.code ?? "")", issued: issued), default: []].append(i)
        }
        var out: [Discrepancy] = []
        for (key, indices) in byKey where indices.count > 1 {
            for (x, a) in indices.enumerated() {
                for b in indices[(x + 1)...] {
                    let (p, q) = (invoices[a], invoices[b])
                    let files = { (inv: ConsolidatedInvoice) in Set(inv.memberProvenance.map(\.location.file)) }
                    guard files(p).isDisjoint(with: files(q)) else { continue }
                    let (dp, dq) = (p.documentNumber.filter(\.isNumber).drop { $0 == "0" }, q.documentNumber.filter(\.isNumber).drop { $0 == "0" })
                    let (short, long) = dp.count <= dq.count ? (dp, dq) : (dq, dp)
                    guard short.count >= 3, long.hasSuffix(short) else { continue }
                    let pair = [p, q].sorted { $0.documentNumber < $1.documentNumber }
                    out.append(.make(
                        kind: "possible_duplicate_document", severity: .warning, entity: "invoice",
                        entityID: key.customer + "/" + key.type + "/"
                            + InvoiceNumber.normalize(pair[0].documentNumber, type: pair[0].documentType),
                        field: "document_number",
                        values: pair.flatMap { inv in inv.memberProvenance.map { .init(value: inv.documentNumber, provenance: $0) } },
                        message: "documents \(pair[0].documentNumber) and \(pair[1].documentNumber) of customer \(key.customer) "
                            + "have one amount (\(key.amount.trimmingCharacters(in: .whitespaces))) and issue date (\(key.issued.iso)) "
                            + "and numbers ending alike: if they are one document numbered two ways, its balance counts twice"))
                }
            }
        }
        return Discrepancy.sorted(out)
    }

    /// How many days apart two copies of one number, type and amount may be issued and still be
    /// one document (a copy typed a day or two after the original).
    static let sameDocumentDays = 3

    /// One document number, of one type, amount and issue date (``sameDocumentDays`` apart at
    /// most), under two consolidated customers or more: almost surely one customer written two
    /// ways that matching kept apart (`Ferretería Hnos. García` and `FERRETERIA HERMANOS GARCIA
    /// C.A.`), whose debt now counts twice; or a document booked to the wrong customer. Said once
    /// per document, for review (a must_link override joins the customers). Numbers of different
    /// amounts are left alone: several numbering series may well reuse a number.
    static func documentsUnderSeveralCustomers(_ invoices: [ConsolidatedInvoice]) -> [Discrepancy] {
        // The amount as a decimal and a code: `1500` and `1500.00` are one amount.
        struct Key: Hashable { var type: String; var number: String; var amount: String; var issued: LocalDate? }
        var byDocument: [Key: [Int]] = [:]
        for (i, inv) in invoices.enumerated() where !inv.customerID.isEmpty {
            guard let amount = inv.amount else { continue }
            let key = Key(type: inv.documentType.rawValue, number: InvoiceNumber.normalize(inv.documentNumber, type: inv.documentType),
                          amount: "\(amount.amount) \(amount.currency?.code ?? "")", issued: nil)
            byDocument[key, default: []].append(i)
        }
        // Copies issued days apart are different documents; a few days apart, one document typed
        // on another day (a salesperson's sheet a day after the ERP, which matching a customer's
        // copies tolerates too). A copy without a date (a list that does not give it) is the same
        // as the others when they are one.
        var byKey: [Key: [Int]] = [:]
        for (document, indices) in byDocument {
            let dated = indices.filter { invoices[$0].issueDate != nil }
                .sorted { (invoices[$0].issueDate!, $0) < (invoices[$1].issueDate!, $1) }
            var starts: [LocalDate] = []
            func add(_ i: Int, issued: LocalDate?) {
                var key = document
                key.issued = issued
                byKey[key, default: []].append(i)
            }
            for i in dated {
                let day = invoices[i].issueDate!
                if let start = starts.last, day.daysSinceEpoch - start.daysSinceEpoch <= Self.sameDocumentDays {
                    add(i, issued: start)
                } else {
                    starts.append(day)
                    add(i, issued: day)
                }
            }
            for i in indices where invoices[i].issueDate == nil { add(i, issued: starts.count == 1 ? starts[0] : nil) }
        }
        var out: [Discrepancy] = []
        for (key, indices) in byKey where Set(indices.map { invoices[$0].customerID }).count > 1 {
            let copies = indices.map { invoices[$0] }.sorted { $0.customerID < $1.customerID }
            let customers = copies.map(\.customerID)
            let total = copies.compactMap(\.balance).reduce(nil as Money?) { sum, b in
                sum.map { $0.isCompatible(with: b) ? $0 + b : $0 } ?? b
            }
            out.append(.make(
                kind: "document_under_several_customers", severity: .warning, entity: "invoice",
                entityID: key.type + "/" + key.number, field: "customer_id",
                values: copies.flatMap { inv in inv.memberProvenance.map { .init(value: inv.customerID, provenance: $0) } },
                message: "document \(copies[0].documentNumber) (\(copies[0].amount.map(\.description) ?? "")"
                    + (key.issued.map { ", issued \($0.iso)" } ?? "") + ") is listed under customers "
                    + customers.joined(separator: " and ") + "; its balance counts "
                    + "\(copies.count) times\(total.map { " (\($0) in all)" } ?? ""): if they are one customer written two ways, "
                    + "a must_link override joins them"))
        }
        return Discrepancy.sorted(out)
    }

    /// The documents a payment may pay under a normalized number: any type but a credit note.
    private static func payable(_ number: String, in index: [String: [GroupKey]]) -> [GroupKey] {
        (index[number] ?? []).filter { $0.type != Invoice.DocumentType.creditNote.rawValue }
    }

    /// A document's copies, the winning source first (``rankedWithRule(_:)``).
    private static func ranked(_ copies: [Invoice]) -> [Invoice] { rankedWithRule(copies).copies }

    /// The copies of one document, the winning source first, and the rule that put it first:
    /// the higher source priority (`source_priority`); then the figures more copies agree on
    /// (`most_frequent`: the ERP and a salesperson's sheet saying 300.50 against a stale 800.50);
    /// then the later date a file's name carries (`most_recent`: `erp-2024-06.csv` over
    /// `erp-2024-05.csv`); then the record ID (`first_record`), so renaming a file no longer
    /// decides the money unless nothing else can.
    static func rankedWithRule(_ copies: [Invoice]) -> (copies: [Invoice], rule: String) {
        // Most documents have one copy: nothing to rank, and no file name to read (this runs for
        // every document and for every payment naming several).
        guard copies.count > 1 else { return (copies, "first_record") }
        let figures = { (c: Invoice) -> String in
            (c.balance ?? c.amount).map { $0.value.amount.description + " " + ($0.value.currency?.code ?? "") } ?? ""
        }
        let keys = copies.map(figures)
        let agreeing = keys.map { k in k.isEmpty ? 0 : keys.filter { $0 == k }.count }
        let dates = copies.map { FileNameDate.of($0.provenance.location.file) }
        let order = copies.indices.sorted { a, b in
            if copies[a].sourcePriority != copies[b].sourcePriority { return copies[a].sourcePriority > copies[b].sourcePriority }
            if agreeing[a] != agreeing[b] { return agreeing[a] > agreeing[b] }
            if dates[a] != dates[b] { return (dates[a] ?? "") > (dates[b] ?? "") }
            return copies[a].id < copies[b].id
        }
        let rule: String
        if Set(copies.map(\.sourcePriority)).count > 1 { rule = "source_priority" }
        else if Set(agreeing).count > 1 { rule = "most_frequent" }
        else if Set(dates).count > 1 { rule = "most_recent" }
        else { rule = "first_record" }
        return (order.map { copies[$0] }, rule)
    }

    /// A payment naming several documents in one cell (`00159/00160`, `159, 160`, `159 y 160`),
    /// each one of its customer's (or, with no customer, each of one customer only), as one share
    /// per document: in the order written, each takes what its document is owed (its first ranked
    /// source's balance, else its amount), the last what is left. `pieces` are the cell's documents
    /// as written (``documentPieces(_:)``). `nil` when the cell names one document (as a whole, or
    /// one piece), or none of the payer's, or, with no customer, a piece is no single customer's
    /// document (then the payment is handled as one number).
    ///
    /// A piece that is another customer's document (a sister company's), or that no source lists,
    /// is left out, in `foreign` with its owners (none for the latter): the payer's own documents
    /// then take only what they are owed, and the rest is applied to none.
    private static func shares(of p: Payment, raw: String, pieces: [String], customerID: String?, index: [String: [GroupKey]],
                               groups: [GroupKey: [Invoice]])
        -> (shares: [(key: GroupKey, share: Payment)], foreign: [(piece: String, owners: [String])])? {
        // A cell that is one of the customer's documents as a whole (`2024/0105`) names no list.
        guard payable(InvoiceNumber.normalize(raw), in: index).allSatisfy({ customerID != nil && $0.customerID != customerID })
        else { return nil }
        guard pieces.count > 1 else { return nil }
        var keys: [GroupKey] = [], written: [String] = []
        var foreign: [(piece: String, owners: [String])] = []
        for piece in pieces {
            let matches = payable(InvoiceNumber.normalize(piece), in: index)
            let key = customerID.map { cid in matches.first { $0.customerID == cid } } ?? (matches.count == 1 ? matches.first : nil)
            // A piece no source lists, or another customer's: left out, said by the caller.
            if key == nil, customerID != nil {
                foreign.append((piece, Set(matches.map { $0.customerID.isEmpty ? "?" : $0.customerID }).sorted()))
                continue
            }
            guard let key, !keys.contains(key), key.customerID == (customerID ?? keys.first?.customerID ?? key.customerID) else {
                return nil
            }
            keys.append(key); written.append(piece)
        }
        guard !keys.isEmpty else { return nil }
        var left = p.amount.value
        var out: [(key: GroupKey, share: Payment)] = []
        for (i, key) in keys.enumerated() {
            var amount = left
            if i < keys.count - 1 || !foreign.isEmpty {
                let ranked = Self.ranked(groups[key] ?? [])
                let owed = ranked.first(where: { $0.balance != nil })?.balance?.value ?? ranked.first?.amount?.value
                if let owed, owed.isCompatible(with: left), !owed.isNegative, owed.amount < left.amount { amount = owed }
            }
            var share = p
            share.amount = Sourced(Money(amount.amount, p.amount.value.currency), from: p.amount.provenance ?? p.provenance)
            share.invoiceNumber = p.invoiceNumber.map { Sourced(written[i], from: $0.provenance ?? p.provenance) }
            out.append((key, share))
            left = Money(left.amount - amount.amount, left.currency)
        }
        return (out, foreign)
    }

    /// The documents a payment's document cell names, as written: split at `/ ; ,` and at `y`,
    /// `e`, `&`, `+`, and at spaces between pieces that each hold a digit (`F-171 F-172`); words
    /// without digits before them are dropped (`Facturas F-111 y F-112`, `Pago facts. 131 y 132`).
    static func documentPieces(_ raw: String) -> [String] {
        var text = " " + raw + " "
        for word in [" y ", " Y ", " e ", " E ", " & ", " + "] { text = text.replacingOccurrences(of: word, with: "/") }
        return text.split(whereSeparator: { "/;,".contains($0) }).flatMap { part -> [String] in
            var words = part.split(whereSeparator: \.isWhitespace).map(String.init)
            // (Words of four letters or more: a type letter or code, `A 0001-105`, `NC 5`, stays.)
            while let first = words.first, !first.contains(where: \.isNumber), first.count >= 4, words.count > 1 {
                words.removeFirst()
            }
            if words.count == 1, !words[0].contains(where: \.isNumber) { return [] }
            return words.count > 1 && words.allSatisfy({ $0.contains(where: \.isNumber) }) ? words : [words.joined(separator: " ")]
        }.filter { !$0.isEmpty }
    }

    /// The key under which payments of one document list meet, however the list is written
    /// (`F-601 y 602`, `F-601, F-602`): its documents' normalized numbers, in order.
    static func documentListKey(_ raw: String, pieces: [String]? = nil) -> String {
        let pieces = pieces ?? documentPieces(raw)
        guard pieces.count > 1 else { return InvoiceNumber.normalize(raw) }
        return pieces.map { InvoiceNumber.normalize($0) }.sorted().joined(separator: "+")
    }

    /// The credit note of the customer a payment record is (its reference is the note's number, and
    /// its amount the note's or its method names a credit note), if any.
    private static func creditNoteListedAsPayment(_ p: Payment, customerID: String, groups: [GroupKey: [Invoice]]) -> String? {
        guard let reference = p.reference?.value, !reference.isEmpty else { return nil }
        let key = GroupKey(customerID: customerID, type: Invoice.DocumentType.creditNote.rawValue,
                           number: InvoiceNumber.normalize(reference, type: .creditNote))
        guard let copies = groups[key], let note = copies.first else { return nil }
        let method = " " + (p.method.map { TextFolding.fold($0.value) } ?? "") + " "
        let namesCreditNote = ["nota de credito", "nota credito", "credit note", "credit memo", "nc"].contains { method.contains(" " + $0 + " ") }
        let sameAmount = copies.contains { $0.amount.map { abs($0.value.amount) == abs(p.amount.value.amount) } ?? false }
        return namesCreditNote || sameAmount ? note.number.value : nil
    }

    /// Whether two payments to one document, of one amount, are one booking seen by two sources:
    /// other files, dates at most three days apart (a value date against a booking date), and no
    /// two different references of one kind (a collector's receipt `R-001` and the bank's
    /// `11112222` are two numberings of one payment, ``PaymentReference/ofDifferentKinds(_:_:)``).
    static func sameBooking(_ a: Payment, _ b: Payment) -> Bool {
        guard a.provenance.location.file != b.provenance.location.file else { return false }
        if let ra = a.reference?.value, let rb = b.reference?.value, !PaymentReference.core(ra).isEmpty,
           !PaymentReference.core(rb).isEmpty, !PaymentReference.same(ra, rb, partial: true),
           !PaymentReference.ofDifferentKinds(ra, rb) { return false }
        guard let da = a.date?.value, let db = b.date?.value else { return a.date == nil && b.date == nil }
        return abs(da.daysSinceEpoch - db.daysSinceEpoch) <= 3
    }

    /// Gives a payment's discrepancies IDs from what the payment says instead of the row it sits
    /// on: a bank file sorted again, or a line inserted above, kept every customer's ID but
    /// changed its payments' discrepancy IDs, so `consolida diff` showed each as resolved and new.
    static func identifyByContent(_ discrepancies: inout [Discrepancy], payments: [Payment]) {
        let identities = discrepancyIdentities(payments)
        for i in discrepancies.indices where discrepancies[i].entity == "payment" {
            let d = discrepancies[i]
            guard let identity = identities[RecordID(d.entityID)] else { continue }
            discrepancies[i].id = Discrepancy.id(kind: d.kind, entity: d.entity, identity: identity, field: d.field)
        }
    }

    /// Each payment's identity for its discrepancies: its file and sheet, date, currency, amount,
    /// reference, document and payer as written. Payments of one file that say all the same are
    /// told apart by their order in it (the second such line, the third…).
    static func discrepancyIdentities(_ payments: [Payment]) -> [RecordID: String] {
        func content(_ p: Payment) -> String {
            let l = p.provenance.location
            return [l.file, l.sheet ?? "", p.date?.value.iso ?? "", p.amount.value.currency?.code ?? "",
                    p.amount.value.plainText, p.reference?.value ?? "", p.invoiceNumber?.value ?? "",
                    p.extra["customer_tax_id"] ?? "", p.extra["customer_name"] ?? ""].joined(separator: "\u{1F}")
        }
        func place(_ p: Payment) -> (Int, Int) { (p.provenance.location.row ?? 0, p.provenance.location.line ?? 0) }
        var out: [RecordID: String] = [:], seen: [String: Int] = [:]
        for p in payments.sorted(by: { place($0) != place($1) ? place($0) < place($1) : $0.id < $1.id }) {
            let key = content(p)
            let n = seen[key, default: 0]
            seen[key] = n + 1
            out[p.id] = n == 0 ? "payment\u{1F}" + key : "payment\u{1F}\(n)\u{1F}" + key
        }
        return out
    }

    /// The records of one bank transfer share this: its date and amount; `nil` without a date or a
    /// reference (``sameTransfer(_:_:)`` compares the references).
    static func transferKey(_ p: Payment) -> String? {
        guard let date = p.date?.value, let raw = p.reference?.value, !PaymentReference.core(raw).isEmpty else { return nil }
        return "\(date.iso)|\(p.amount.value.amount)|\(p.amount.value.currency?.code ?? "")"
    }

    /// How much a payment record says of what it paid: a document (2), a customer (1).
    static func richness(_ p: Payment) -> Int {
        (p.invoiceNumber.map { !$0.value.isEmpty } == true ? 2 : 0) + (p.customer != nil ? 1 : 0)
    }

    /// Whether two payments name two different customers (then they are two payments, whatever
    /// their references say).
    static func namesAnotherCustomer(_ a: Payment, _ b: Payment, _ idByRecord: [RecordID: String]) -> Bool {
        guard let x = a.customer.flatMap({ idByRecord[$0] }), let y = b.customer.flatMap({ idByRecord[$0] }) else { return false }
        return x != y
    }

    /// Whether two payments of one ``transferKey(_:)`` are one transfer by their references: in two
    /// sources, references written differently (`4567`, `Ref. 4567`, the last six digits or more of
    /// the bank's `15752684567`); in one file, the same bank transaction number (six digits or more) twice.
    static func sameTransfer(_ first: Payment, _ p: Payment) -> Bool {
        guard let a = first.reference?.value, let b = p.reference?.value else { return false }
        if first.provenance.location.file == p.provenance.location.file {
            return PaymentReference.same(a, b, partial: false) && b.filter(\.isNumber).count >= 6
        }
        return PaymentReference.same(a, b, partial: true)
    }

    /// The document a payment without a document number mentions in its texts (``InvoiceMention``).
    private func mentionedDocument(_ p: Payment, customerID: String?,
                                   index: [String: [GroupKey]]) -> (written: String, key: GroupKey)? {
        let texts = Self.freeTexts(of: p)
        guard !texts.isEmpty else { return nil }
        return InvoiceMention.find(in: texts, documents: { number in
            Self.payable(number, in: index)
        }, isCustomers: { $0.customerID == customerID }, customerKnown: customerID != nil)
    }

    /// A payment's texts that may mention a document: the columns no field took (a bank's
    /// description, concept or memo), by header. Not its reference: a bank's reference is a number
    /// of its own that may equal a document's by chance.
    static func freeTexts(of p: Payment) -> [String] {
        p.extra.sorted { $0.key < $1.key }.filter { !["customer_name", "customer_tax_id"].contains($0.key) }.map(\.value)
    }

    private func consolidate(key: GroupKey, copies: [Invoice], payments all: [Payment],
                             into discrepancies: inout [Discrepancy]) -> ConsolidatedInvoice {
        // Payments after the as-of date have not been received yet.
        let payments = asOf.map { cut in all.filter { ($0.date?.value).map { $0 <= cut } ?? true } } ?? all
        let entityID = (key.customerID.isEmpty ? "?" : key.customerID) + "/" + key.type + "/" + key.number
        // Copies ordered by priority, agreement, the export's date, then record ID: the first is
        // the winning source (``rankedWithRule(_:)``).
        let (ranked, baseRule) = Self.rankedWithRule(copies)
        var decisions: [FieldDecision] = []
        var hasConflict = false

        // Duplicates inside one source (same file and sheet).
        var bySource: [String: [Invoice]] = [:]
        for c in copies { bySource[(c.provenance.location.file) + "|" + (c.provenance.location.sheet ?? ""), default: []].append(c) }
        for (source, dupes) in bySource.sorted(by: { $0.key < $1.key }) where dupes.count > 1 {
            discrepancies.append(.make(
                kind: "duplicate_document", severity: .warning, entity: "invoice", entityID: entityID,
                field: "document:" + source,
                values: dupes.map { .init(value: $0.number.value, provenance: $0.number.provenance ?? $0.provenance) },
                message: "document \(dupes[0].number.value) appears \(dupes.count) times in \(dupes[0].provenance.location.file)"))
        }

        func choose<T: Hashable>(_ field: String, severity: Discrepancy.Severity, _ get: (Invoice) -> Sourced<T>?,
                                 text: (T) -> String) -> T? {
            let present = ranked.compactMap { inv in get(inv).map { (inv, $0) } }
            guard let first = present.first else { return nil }
            let distinct = Set(present.map(\.1.value))
            let rule = distinct.count == 1 ? "only_value" : baseRule
            decisions.append(FieldDecision(field: field, value: text(first.1.value),
                                           chosenFrom: first.1.provenance ?? first.0.provenance, rule: rule))
            if distinct.count > 1 {
                hasConflict = true
                discrepancies.append(.make(
                    kind: "invoice_field_conflict", severity: severity, entity: "invoice", entityID: entityID, field: field,
                    values: present.map { .init(value: text($0.1.value), provenance: $0.1.provenance ?? $0.0.provenance) },
                    chosen: text(first.1.value), rule: rule,
                    message: "\(field) of document \(first.0.number.value) differs between sources"))
            }
            return first.1.value
        }

        // A credit note's figures are credits however a source signs them (`-50,00` in the ERP,
        // `50.00` in a sheet whose type column says so): compared and kept negative, or two signs
        // of one credit would be a conflict (``Invoice/DocumentType/signed(_:)-(Money)``, the rule
        // `consolida import` writes them by).
        let isCredit = key.type == Invoice.DocumentType.creditNote.rawValue
        func money(_ field: KeyPath<Invoice, Sourced<Money>?>) -> (Invoice) -> Sourced<Money>? {
            { inv in
                guard isCredit, var m = inv[keyPath: field] else { return inv[keyPath: field] }
                m.value = Invoice.DocumentType.creditNote.signed(m.value)
                return m
            }
        }
        let amount = choose("amount", severity: .error, money(\.amount), text: \.description)
        let issue = choose("issue_date", severity: .warning, \.issueDate, text: \.iso)
        let due = choose("due_date", severity: .warning, \.dueDate, text: \.iso)
        let sourcePaid = choose("paid", severity: .warning, money(\.paid), text: \.description)
        let sourceBalance = choose("balance", severity: .error, money(\.balance), text: \.description)
        let currency = choose("currency", severity: .error, { inv in (inv.currency ?? inv.amount?.value.currency).map { Sourced($0, from: inv.provenance) } },
                              text: \.code)

        // What payment records say was paid against this document, in its currency.
        var paymentsTotal: Money?
        for p in payments {
            guard p.amount.value.currency == nil || currency == nil || p.amount.value.currency == currency else {
                // A USD invoice paid in bolívars (routine in Venezuela): no rate to convert at, so
                // the payment is not applied, and the auditor is told.
                discrepancies.append(.make(
                    kind: "payment_currency_mismatch", severity: .warning, entity: "invoice", entityID: entityID,
                    field: "paid", values: [.init(value: p.amount.value.description, provenance: p.amount.provenance ?? p.provenance)],
                    message: "payment \(p.amount.value) against document \(ranked[0].number.value) in \(currency?.code ?? "?") "
                        + "is in another currency: not applied to its balance"))
                continue
            }
            let m = Money(p.amount.value.amount, p.amount.value.currency ?? currency)
            paymentsTotal = paymentsTotal.map { Money($0.amount + m.amount, $0.currency ?? m.currency) } ?? m
        }
        // The copies whose balance and paid were chosen (``choose`` takes the first ranked with one).
        let balanceFrom = ranked.first(where: { $0.balance != nil }), paidFrom = ranked.first(where: { $0.paid != nil })
        var paid = sourcePaid ?? paymentsTotal
        // The balance is the debt, so paid is what it says was paid when no source states paid
        // (an ERP export with amount and balance only) or when paid comes from another source than
        // the balance and they disagree: `paid 350` of a salesperson's sheet beside the ERP's
        // fresher `balance 500` of a 1200 invoice is 700 paid, not 350. (Payments the balance does
        // not reflect are applied below.)
        var impliedPaid: Money?
        if !isCredit, let amount, !amount.isNegative, let b = sourceBalance,
           b.isCompatible(with: amount) {
            let implied = amount - b
            if let sp = sourcePaid {
                if paidFrom?.id != balanceFrom?.id, sp.amount != implied.amount { impliedPaid = implied }
            } else {
                impliedPaid = implied
            }
        }
        if let impliedPaid {
            paid = impliedPaid
            decisions.removeAll { $0.field == "paid" }
            decisions.append(FieldDecision(field: "paid", value: impliedPaid.description, chosenFrom: nil, rule: "amount_minus_balance"))
        }
        var balance = sourceBalance
        if balance == nil, let amount, let paid, amount.isCompatible(with: paid) { balance = amount - paid }

        // Payment records against the document beyond what its sources say was paid (a transfer
        // the bank shows, made after the sheet was last updated): the sources' balance does not
        // reflect them. The balance is what is left once they are applied, and the auditor is told.
        var paymentsApplied = false
        if !isCredit, let amount, !amount.isNegative, let b = sourceBalance,
           let paymentsTotal, amount.isCompatible(with: paymentsTotal), b.isCompatible(with: amount) {
            // What the chosen balance says was paid (a paid column of another source may be fresher
            // than the balance kept: it is the balance that must reflect the payments).
            let reflected = amount - b
            // Payments that add up to exactly the balance left settle it: the sheet was last updated
            // before them (`Saldo 175.06` after 50 paid, and the bank's 175.06), whatever earlier
            // payments the bank file does not hold. (When what was paid equals what is left too, the
            // payments may be the ones already counted: then nothing is assumed.)
            let settles = b.amount > 0 && paymentsTotal.amount == b.amount && reflected.amount != b.amount
            if paymentsTotal.amount > reflected.amount || settles {
                let newPaid = settles ? amount : paymentsTotal
                let left = amount - newPaid
                paymentsApplied = true
                hasConflict = true
                paid = newPaid; balance = left
                decisions.removeAll { $0.field == "paid" }
                decisions.append(FieldDecision(field: "paid", value: newPaid.description, chosenFrom: nil, rule: "payments_applied"))
                decisions.append(FieldDecision(field: "balance", value: left.description, chosenFrom: nil, rule: "payments_applied"))
                let balanceAt = balanceFrom?.balance?.provenance ?? ranked[0].provenance
                discrepancies.append(.make(
                    kind: "payment_not_reflected", severity: .warning, entity: "invoice", entityID: entityID, field: "balance",
                    values: [.init(value: b.description, provenance: balanceAt)]
                        + payments.map { .init(value: $0.amount.value.description, provenance: $0.amount.provenance ?? $0.provenance) },
                    chosen: left.description, rule: "payments_applied",
                    message: settles
                        ? "payments of \(paymentsTotal) against document \(ranked[0].number.value) equal the balance its sources "
                            + "show (\(b), after \(reflected) paid): taken as settled"
                        : "payments of \(paymentsTotal) against document \(ranked[0].number.value) exceed what its sources "
                            + "say was paid (\(reflected)): balance \(b) taken as \(left)"))
            }
        }

        if !isCredit, let amount, !amount.isNegative {
            // A source's own paid only (payments are no source's figure): one source's figures that
            // do not add up, or, unless the payments settled it, a paid and a balance of two
            // sources that disagree (paid was taken from the balance above), when the paid's source
            // states no balance (if it does, the two balances' conflict says it already). Each
            // value is cited where it was read.
            let sameSource = paidFrom?.id == balanceFrom?.id
            if let b = sourceBalance, let sp = sourcePaid, amount.isCompatible(with: sp), b.isCompatible(with: amount),
               (amount - sp).amount != b.amount, sameSource || (!paymentsApplied && paidFrom?.balance == nil) {
                let balanceAt = balanceFrom?.balance?.provenance ?? ranked[0].provenance
                let paidAt = paidFrom?.paid?.provenance ?? ranked[0].provenance
                discrepancies.append(.make(
                    kind: "balance_mismatch", severity: .warning, entity: "invoice", entityID: entityID, field: "balance",
                    values: [.init(value: b.description, provenance: balanceAt)]
                        + (sameSource ? [] : [.init(value: sp.description, provenance: paidAt)]),
                    chosen: b.description, rule: sameSource ? "source" : "amount_minus_balance",
                    message: "balance \(b) is not amount \(amount) minus paid \(sp) (= \(amount - sp))"
                        + (sameSource ? "" : "; paid, stated by another source, taken as \(amount - b)")))
            }
            let paidCheck = [sourcePaid, paymentsTotal].compactMap { $0 }.filter { $0.isCompatible(with: amount) }
                .max { $0.amount < $1.amount }
            if let over = paidCheck, over.amount > amount.amount {
                discrepancies.append(.make(
                    kind: "overpayment", severity: .warning, entity: "invoice", entityID: entityID, field: "paid",
                    values: payments.map { .init(value: $0.amount.value.description, provenance: $0.amount.provenance ?? $0.provenance) }
                        + (sourcePaid.map { [.init(value: $0.description, provenance: paidFrom?.paid?.provenance ?? ranked[0].provenance)] } ?? []),
                    chosen: over.description, rule: "sum",
                    message: "paid \(over) exceeds the document amount \(amount)"))
            }
        }

        return ConsolidatedInvoice(
            customerID: key.customerID, documentNumber: ranked[0].number.value, documentType: ranked[0].type,
            issueDate: issue, dueDate: due, currency: currency, amount: amount, paid: paid, balance: balance,
            members: copies.map(\.id), memberProvenance: copies.map(\.provenance), hasConflict: hasConflict,
            decisions: decisions)
    }
}
