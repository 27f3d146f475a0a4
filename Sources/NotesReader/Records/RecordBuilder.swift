import Foundation
import Receivables
import Tabular

/// Turns parsed sections and entries into customers, contact events and promises, each with its
/// provenance and a stable ID derived from its location.
struct RecordBuilder {
    var file: String
    var options: NotesImportOptions
    /// Chats: the section's customer record ID gets a suffix, because its line also holds a message.
    var customerSuffix: String?
    /// Whether the text may override the default channel (notebooks: yes; chats: no).
    var channelFromText: Bool

    func build(_ parsed: ParsedNotes) -> NotesImportResult {
        var batch = ImportBatch()
        var mentions: [ExtractedMention] = []
        var customerIDs: [RecordID] = []
        var lastDate: [Int: LocalDate] = [:]
        for e in parsed.entries { if let s = e.section { lastDate[s] = max(lastDate[s] ?? e.date, e.date) } }
        for (i, section) in parsed.sections.enumerated() {
            let c = customer(section, asOf: lastDate[i])
            customerIDs.append(c.id)
            batch.customers.append(c)
        }
        let extractor = EntryExtractor(rules: options.rules, defaultCurrency: options.defaultCurrency,
                                       dollarSign: options.dollarSign, pesos: options.pesos)
        // A section whose balance line names a currency (`Debe: 3.450,50 $`) lends it to the
        // amounts its entries write bare (`promete pagar 500`).
        let sectionCurrency: [Currency?] = parsed.sections.map { s in
            s.fields.lazy.filter { $0.key == .balance }
                .compactMap { f in
                    AmountExtractor.extract(f.value, defaultCurrency: nil, dollarSign: options.dollarSign,
                                           pesos: options.pesos)
                        .first { $0.confidence >= 0.9 }?.money.currency
                }
                .first
        }
        // The customer's last message in each chat: ours after it went unanswered.
        var lastCustomerMessage: [Int: Int] = [:]
        for (k, e) in parsed.entries.enumerated() where e.author != nil && isCustomerSide(e, parsed) {
            if let s = e.section { lastCustomerMessage[s] = k }
        }
        for (k, entry) in parsed.entries.enumerated() {
            let loc = SourceLocation(file: file, sheet: entry.part, line: entry.line)
            let prov = Provenance(loc, sourceLabel: options.sourceLabel)
            let customerID = entry.section.map { customerIDs[$0] }
            let facts = extractor.extract(entry.text, date: entry.date, defaultChannel: entry.defaultChannel,
                                          channelFromText: channelFromText, dayFirst: parsed.dayFirst,
                                          currency: entry.section.flatMap { sectionCurrency[$0] })
            // (Ours on the day of the customer's last message is that conversation's: `Recibido, gracias`.)
            let answered = entry.section.flatMap { lastCustomerMessage[$0] }
                .map { k < $0 || entry.date <= parsed.entries[$0].date } ?? false
            let outcome = chatOutcome(facts.outcome.outcome, entry, parsed, answered: answered)
            let event = ContactEvent(
                id: RecordID(loc), customer: customerID, date: entry.date, time: entry.time, channel: facts.channel,
                author: entry.author, outcome: outcome, outcomeConfidence: facts.outcome.confidence,
                text: entry.text, mentionedAmounts: facts.amounts.map(\.money), mentionedInvoices: facts.invoices,
                mentionedPhones: facts.phones, mentionedEmails: facts.emails, mentionedTaxIDs: facts.taxIDs,
                provenance: prov)
            batch.contacts.append(event)
            mentions.append(ExtractedMention(kind: .outcome, value: outcome.rawValue,
                                             confidence: facts.outcome.confidence, location: loc))
            mentions += facts.amounts.map { ExtractedMention(kind: .amount, value: $0.money.description, confidence: $0.confidence, location: loc) }
            mentions += facts.invoices.map { ExtractedMention(kind: .invoice, value: $0, confidence: 0.8, location: loc) }
            mentions += facts.phones.map { ExtractedMention(kind: .phone, value: $0, confidence: 0.8, location: loc) }
            mentions += facts.emails.map { ExtractedMention(kind: .email, value: $0, confidence: 0.95, location: loc) }
            mentions += facts.taxIDs.map { ExtractedMention(kind: .taxID, value: $0, confidence: 0.85, location: loc) }
            if let p = facts.promiseDate {
                mentions.append(ExtractedMention(kind: .promiseDate, value: p.date.iso, confidence: p.confidence, location: loc))
            }
            guard facts.outcome.outcome == .promiseToPay, isCustomerSide(entry, parsed) else { continue }
            // The most confident amount; `max(by:)` keeps the first of equals, the first written.
            let amount = facts.amounts.max { $0.confidence < $1.confidence }?.money
            var confidence = facts.outcome.confidence
            if facts.promiseDate == nil { confidence *= 0.8 }
            batch.promises.append(PromiseToPay(
                id: RecordID(loc, suffix: "promise"), customer: customerID, madeOn: entry.date,
                promisedDate: facts.promiseDate?.date, amount: amount, invoiceNumbers: facts.invoices,
                confidence: (confidence * 100).rounded() / 100, text: entry.text, provenance: prov))
        }
        batch.rejects = parsed.rejects
        batch.diagnostics = parsed.diagnostics + phoneWarnings(batch.customers)
        batch.accounting = [parsed.accounting]
        return NotesImportResult(batch: batch, mentions: mentions)
    }

    /// A chat message's outcome by who wrote it: the customer's own message reached us, whatever it
    /// says of a call (`no contesté porque estaba manejando`), so it is no unanswered attempt; and
    /// only the customer promises or says it paid (the collector's `no hemos recibido la
    /// transferencia del viernes` is neither). Our messages on days after the customer's last one
    /// (`answered` false) reached nobody yet: unanswered attempts, as a call nobody took, so three
    /// reminders without a reply do not make the debt look worked. A notebook line keeps its outcome.
    private func chatOutcome(_ outcome: ContactEvent.Outcome, _ entry: NoteEntry, _ parsed: ParsedNotes,
                             answered: Bool) -> ContactEvent.Outcome {
        // Sides are known when the chat names its customer's authors, or ours (a chat the customer
        // never wrote in: our reminders are still unanswered).
        guard let author = entry.author, let s = entry.section,
              !parsed.sections[s].customerAuthors.isEmpty || parsed.sections[s].ownAuthors.contains(author) else { return outcome }
        if isCustomerSide(entry, parsed) {
            // (A `número equivocado` from the other side stays: whoever has the number is not the customer.)
            return outcome == .noAnswer ? .other : outcome
        }
        let ours = outcome == .promiseToPay || outcome == .saysPaid ? .other : outcome
        return ours == .other && !answered && !Self.isAcknowledgement(entry.text) ? .noAnswer : ours
    }

    /// A short thanks or receipt (`Recibido, gracias`, `Perfecto`, `Ok`): it closes a conversation,
    /// it asks nothing, so no reply is owed and none missing.
    static func isAcknowledgement(_ text: String) -> Bool {
        let words = NotesText.fold(text).split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard !words.isEmpty, words.count <= 6 else { return false }
        return words.contains { acknowledgementWords.contains($0) }
    }

    static let acknowledgementWords: Set<String> = [
        "recibido", "recibida", "recibi", "gracias", "perfecto", "ok", "okey", "listo", "confirmado", "confirmada",
        "excelente", "entendido", "vale", "dale", "thanks", "received", "obrigado", "obrigada", "recebido",
    ]

    /// In a chat, only the customer's own messages make promises; a notebook line is the collector
    /// reporting what the customer said.
    private func isCustomerSide(_ entry: NoteEntry, _ parsed: ParsedNotes) -> Bool {
        guard let author = entry.author, let s = entry.section else { return true }
        let authors = parsed.sections[s].customerAuthors
        if parsed.sections[s].ownAuthors.contains(author) { return false }
        return authors.isEmpty || authors.contains(author)
    }

    /// A phone kept as written where the default country (or its `+`) says how numbers are
    /// written and it is none (`0414-555`, `+58 414`): said at its line, as a sheet's are.
    private func phoneWarnings(_ customers: [Customer]) -> [Diagnostic] {
        customers.flatMap { c in
            c.phones.filter { p in
                (options.defaultCountry != nil || p.value.hasPrefix("+"))
                    && PhoneNumber.parse(p.value, defaultCountry: options.defaultCountry) == nil
            }.map { p in
                Diagnostic(.warning, code: "NOTES-PHONE-FORMAT", "not a phone number of the country's; kept as written",
                           at: p.provenance?.location ?? c.provenance.location, found: p.value)
            }
        }
    }

    /// A phone in E.164 when the default country (or its own `+`) tells how; else as written
    /// (without a country, `4145551234` could be any country's).
    private func e164(_ phone: String) -> String {
        guard options.defaultCountry != nil || phone.hasPrefix("+") else { return phone }
        return PhoneNumber.parse(phone, defaultCountry: options.defaultCountry)?.description ?? phone
    }

    /// The tax ID a `RIF:`/`Cédula:` line gives, read as a table's tax ID column is when the reading
    /// is trustworthy: a verified check digit, or the default country's or the label's own kind of
    /// number. Otherwise it is kept as written, unchecked, with the label's kind (a Venezuelan
    /// cédula must not become a Chilean RUT with a bad check digit).
    private func taxID(_ f: SectionField) -> TaxID {
        var labelKind = TaxID.Kind(rawValue: NotesText.fold(f.label).filter(\.isLetter)) ?? .unknown
        // `Cédula` names what many countries call their people's IDs: the configured country reads it.
        if labelKind == .cedula { labelKind = .unknown }
        // A known label (`RIF`, `RUT`, `NIT` …) in front of the number tells the parser which kind it is.
        let text = labelKind == .unknown ? f.value : labelKind.rawValue.uppercased() + " " + f.value
        var parsed = TaxIDParser.parse(text, country: options.defaultCountry)
        parsed.display = f.value
        let sameCountry = parsed.country != nil && parsed.country == options.defaultCountry
        if parsed.validity == .valid || parsed.validity != .malformed && (sameCountry || parsed.kind == labelKind) {
            return parsed
        }
        return TaxID(normalized: f.value.uppercased().filter { $0.isLetter || $0.isNumber }, country: nil,
                     kind: labelKind, validity: .unchecked, display: f.value)
    }

    private func customer(_ s: NoteSection, asOf: LocalDate?) -> Customer {
        let loc = SourceLocation(file: file, sheet: s.part, line: s.line)
        let prov = Provenance(loc, sourceLabel: options.sourceLabel)
        func sourced(_ f: SectionField) -> Provenance {
            Provenance(SourceLocation(file: file, sheet: s.part, line: f.line), sourceLabel: options.sourceLabel,
                       rawText: f.label + ": " + f.value)
        }
        var c = Customer(id: RecordID(loc, suffix: customerSuffix), name: s.name.map { Sourced($0, from: prov) },
                         provenance: prov, asOf: asOf)
        for p in s.authorPhones.map(e164) where !c.phones.contains(where: { $0.value == p }) {
            c.phones.append(Sourced(p, from: prov))
        }
        for f in s.fields {
            switch f.key {
            case .taxID:
                if c.taxID == nil { c.taxID = Sourced(taxID(f), from: sourced(f)) }
            case .phone:
                // Phone lines carry notes too (`0241-857.12.34 (es el mismo de …)`): take the phones only.
                var found = MentionExtractor.phones(f.value)
                // A line with digits but no number to recognize is kept as written (and said, in `build`).
                if found.isEmpty, f.value.contains(where: \.isNumber) { found = [MentionExtractor.normalizePhone(f.value)] }
                for p in found.map(e164) where !c.phones.contains(where: { $0.value == p }) {
                    c.phones.append(Sourced(p, from: sourced(f)))
                }
            case .email:
                for e in MentionExtractor.emails(f.value) { c.emails.append(Sourced(e, from: sourced(f))) }
            case .address: c.address = c.address ?? Sourced(f.value, from: sourced(f))
            case .city: c.city = c.city ?? Sourced(f.value, from: sourced(f))
            case .salesperson: c.salesperson = c.salesperson ?? Sourced(f.value, from: sourced(f))
            case .balance:
                c.extra["balance"] = f.value
                // The amount it states, when the line is one (a currency it does not name is the default's).
                if c.statedBalance == nil,
                   let amount = AmountExtractor.extract(f.value, defaultCurrency: options.defaultCurrency,
                                                        dollarSign: options.dollarSign, pesos: options.pesos).first {
                    c.statedBalance = Sourced(amount.money, from: sourced(f))
                }
            case .contact: c.extra["contact"] = f.value
            }
        }
        return c
    }
}
