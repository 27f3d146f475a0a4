import Foundation
import Receivables

/// Remembers the tax IDs and phones a table has already parsed, by raw text and country.
///
/// An invoice list repeats its customer's RIF and phone on every row, so parsing each distinct text
/// once saves most of that work on large sheets. The memory is bounded: past `limit` entries a table
/// of mostly distinct values starts over rather than growing without end.
///
/// One memo serves all the chunks of a table, on every worker thread: its tables are guarded by a
/// lock held only to look up and to store, never while parsing (parsing is a pure function of the
/// text, so two threads parsing the same text at once store the same value).
final class ParseMemo: @unchecked Sendable {
    // @unchecked: the four tables are read and written under `lock` only.
    private let lock = NSLock()
    struct Key: Hashable {
        var text: String
        var country: String?
    }

    private var taxIDs: [Key: TaxID] = [:]
    private var phones: [Key: (phones: [PhoneNumber], unparsed: [String])] = [:]
    private var currencies: [Key: Currency?] = [:]
    private var emails: [Key: (emails: [String], invalid: [String])] = [:]
    private let limit: Int

    init(limit: Int = 100_000) { self.limit = limit }

    func taxID(_ raw: String, country: String?) -> TaxID {
        remembered(Key(text: raw, country: country), in: &taxIDs) { TaxIDParser.parse(raw, country: country) }
    }

    func currency(_ raw: String, country: String?) -> Currency? {
        remembered(Key(text: raw, country: country), in: &currencies) { CurrencyToken.currency(named: raw, country: country) }
    }

    func emails(_ raw: String) -> (emails: [String], invalid: [String]) {
        remembered(Key(text: raw, country: nil), in: &emails) { EmailAddress.parseAll(raw) }
    }

    func phones(_ raw: String, country: String?) -> (phones: [PhoneNumber], unparsed: [String]) {
        remembered(Key(text: raw, country: country), in: &phones) { PhoneNumber.parseAll(raw, defaultCountry: country) }
    }

    /// The value remembered for `key`, else `parse()`'s, remembered (a full table starts over).
    private func remembered<Value>(_ key: Key, in table: inout [Key: Value], _ parse: () -> Value) -> Value {
        lock.lock()
        let known = table[key]
        lock.unlock()
        if let known { return known }
        let value = parse()
        lock.lock()
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        table[key] = value
        lock.unlock()
        return value
    }
}
