import Receivables
import Tabular

/// What two sources of notes say twice: one WhatsApp chat exported twice (a month's export and
/// the next, overlapping), or a promise the collector wrote in the notebook that the customer made
/// in the chat. Counted twice, a chat's messages would double its contacts, and of two records of
/// one promise the payment keeps one and leaves the other broken.
enum NoteRepeats {
    /// The contacts and promises without the later copies from another file, and a
    /// `duplicate_promise` note for each promise left out. Within one file nothing is dropped: a
    /// collector may call twice the same day and write the same words.
    static func dropRepeats(contacts: [ReconciliationResult.AttachedContact], promises: [ReconciliationResult.AttachedPromise])
        -> ([ReconciliationResult.AttachedContact], [ReconciliationResult.AttachedPromise], [Discrepancy]) {
        // A chat message: the same customer, day, minute, author and words.
        var firstFile: [String: String] = [:]
        var keptContacts: [ReconciliationResult.AttachedContact] = []
        var droppedMessages = Set<RecordID>()
        for c in contacts {
            let e = c.event
            guard let id = c.customerID, let time = e.time, let author = e.author else { keptContacts.append(c); continue }
            let key = [id, e.date.iso, time.iso, author, e.text].joined(separator: "\u{1F}")
            if let file = firstFile[key], file != e.provenance.location.file {
                droppedMessages.insert(e.id)
                continue
            }
            firstFile[key] = firstFile[key] ?? e.provenance.location.file
            keptContacts.append(c)
        }
        // A promise: the copy of a dropped message; or the same customer, amount and date promised,
        // made within three days, in another file.
        var kept: [ReconciliationResult.AttachedPromise] = []
        // The kept promises by customer and date promised (a chat of a year holds thousands).
        var keptByTerms: [String: [ReconciliationResult.AttachedPromise]] = [:]
        var notes: [Discrepancy] = []
        for p in promises {
            let messageID = RecordID(p.promise.provenance.location)
            if droppedMessages.contains(messageID) { continue }
            let terms = p.customerID.flatMap { id in p.promise.promisedDate.map { id + "\u{1F}" + $0.iso } }
            if let terms, let amount = p.promise.amount, let due = p.promise.promisedDate,
               let first = keptByTerms[terms]?.first(where: { k in
                   k.promise.amount == amount && k.promise.provenance.location.file != p.promise.provenance.location.file
                       && abs(k.promise.madeOn.daysSinceEpoch - p.promise.madeOn.daysSinceEpoch) <= 3
               }) {
                notes.append(.make(
                    kind: "duplicate_promise", severity: .info, entity: "promise", entityID: first.promise.id.rawValue,
                    field: "promise", values: [first, p].map { .init(value: $0.promise.text, provenance: $0.promise.provenance) },
                    message: "the promise of \(amount) by \(due.iso) is written in \(first.promise.provenance.location.file) "
                        + "and \(p.promise.provenance.location.file): counted once"))
                continue
            }
            kept.append(p)
            if let terms { keptByTerms[terms, default: []].append(p) }
        }
        return (keptContacts, kept, notes)
    }
}
