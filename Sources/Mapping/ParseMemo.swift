import Foundation
import Receivables

/// Remembers the tax IDs, phones, emails and currencies a table has already parsed, by raw text
/// (and country).
///
/// An invoice list repeats its customer's RIF and phone on every row, so parsing each distinct text
/// once saves most of that work on large sheets. One memo serves every chunk of a table on every
/// worker thread. The memory is bounded: past `limit` entries a table of mostly distinct values
/// starts over rather than growing without end.
final class ParseMemo: Sendable {
    struct Key: Hashable, Sendable {
        var text: String
        var country: String?
    }

    private let taxIDs: Table<TaxID>
    private let phones: Table<(phones: [PhoneNumber], unparsed: [String])>
    private let currencies: Table<Currency?>
    private let emails: Table<(emails: [String], invalid: [String])>

    init(limit: Int = 100_000) {
        taxIDs = Table(limit: limit); phones = Table(limit: limit)
        currencies = Table(limit: limit); emails = Table(limit: limit)
    }

    func taxID(_ raw: String, country: String?) -> TaxID {
        taxIDs.value(for: Key(text: raw, country: country)) { TaxIDParser.parse(raw, country: country) }
    }

    func currency(_ raw: String, country: String?) -> Currency? {
        currencies.value(for: Key(text: raw, country: country)) { CurrencyToken.currency(named: raw, country: country) }
    }

    func emails(_ raw: String) -> (emails: [String], invalid: [String]) {
        emails.value(for: Key(text: raw, country: nil)) { EmailAddress.parseAll(raw) }
    }

    func phones(_ raw: String, country: String?) -> (phones: [PhoneNumber], unparsed: [String]) {
        phones.value(for: Key(text: raw, country: country)) { PhoneNumber.parseAll(raw, defaultCountry: country) }
    }

    /// One kind of parsed value by text. The dictionary is touched only under the lock; parsing
    /// happens outside it (it is a pure function of the text, so two threads parsing the same text
    /// at once store the same value).
    final class Table<Value>: @unchecked Sendable {
        // @unchecked: `values` is read and written under `lock` only.
        private let lock = NSLock()
        private var values: [Key: Value] = [:]
        private let limit: Int

        init(limit: Int) { self.limit = limit }

        func value(for key: Key, parse: () -> Value) -> Value {
            lock.lock()
            let known = values[key]
            lock.unlock()
            if let known { return known }
            let value = parse()
            lock.lock()
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = value
            lock.unlock()
            return value
        }
    }
}
