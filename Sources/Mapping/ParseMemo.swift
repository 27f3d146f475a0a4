import Foundation
import Receivables

/// Remembers the tax IDs and phones a table has already parsed, by raw text and country.
///
/// An invoice list repeats its customer's RIF and phone on every row, so parsing each distinct text
/// once saves most of that work on large sheets. The memory is bounded: past `limit` entries a table
/// of mostly distinct values starts over rather than growing without end.
///
/// `@unchecked Sendable`: a chunk of an import borrows a memo from a ``ParseMemo/Pool`` for as long
/// as it runs, so one is never used by two threads at once.
final class ParseMemo: @unchecked Sendable {
    struct Key: Hashable {
        var text: String
        var country: String?
    }

    private var taxIDs: [Key: TaxID] = [:]
    private var phones: [Key: (phones: [PhoneNumber], unparsed: [String])] = [:]
    private var currencies: [Key: Currency?] = [:]
    private var emails: [String: (emails: [String], invalid: [String])] = [:]
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    func taxID(_ raw: String, country: String?) -> TaxID {
        let key = Key(text: raw, country: country)
        if let known = taxIDs[key] { return known }
        let id = TaxIDParser.parse(raw, country: country)
        if taxIDs.count >= limit { taxIDs.removeAll(keepingCapacity: true) }
        taxIDs[key] = id
        return id
    }

    func currency(_ raw: String, country: String?) -> Currency? {
        let key = Key(text: raw, country: country)
        if let known = currencies[key] { return known }
        let currency = CurrencyToken.currency(named: raw, country: country)
        if currencies.count >= limit { currencies.removeAll(keepingCapacity: true) }
        currencies[key] = currency
        return currency
    }

    func emails(_ raw: String) -> (emails: [String], invalid: [String]) {
        if let known = emails[raw] { return known }
        let parsed = EmailAddress.parseAll(raw)
        if emails.count >= limit { emails.removeAll(keepingCapacity: true) }
        emails[raw] = parsed
        return parsed
    }

    func phones(_ raw: String, country: String?) -> (phones: [PhoneNumber], unparsed: [String]) {
        let key = Key(text: raw, country: country)
        if let known = phones[key] { return known }
        let parsed = PhoneNumber.parseAll(raw, defaultCountry: country)
        if phones.count >= limit { phones.removeAll(keepingCapacity: true) }
        phones[key] = parsed
        return parsed
    }
}

extension ParseMemo {
    /// Memos lent to the chunks of one table: as many as chunks run at once, each kept warm from
    /// chunk to chunk (parsing is a pure function of the text, so which memo a chunk gets never
    /// changes a result).
    final class Pool: @unchecked Sendable {
        // @unchecked: `idle` is guarded by `lock`.
        private let lock = NSLock()
        private var idle: [ParseMemo] = []

        func borrow() -> ParseMemo {
            lock.lock(); defer { lock.unlock() }
            return idle.popLast() ?? ParseMemo()
        }

        func giveBack(_ memo: ParseMemo) {
            lock.lock(); defer { lock.unlock() }
            idle.append(memo)
        }
    }
}
