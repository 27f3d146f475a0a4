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
    private var emails: [Key: (emails: [String], invalid: [String])] = [:]
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

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
        if let known = table[key] { return known }
        let value = parse()
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        table[key] = value
        return value
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
