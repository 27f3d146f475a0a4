import Foundation
import Receivables

/// Remembers the tax IDs, phones and currencies a table has already parsed, by raw text (and
/// country); emails are checked each time (``emails(_:)``).
///
/// An invoice list repeats its customer's RIF and phone on every row, so parsing each distinct text
/// once saves most of that work on large sheets. One memo serves every chunk of a table on every
/// worker thread; its memory is bounded (``SharedMemo``).
final class ParseMemo: Sendable {
    /// A text and a country, equal only when their bytes are: `==` on strings would take `é` and
    /// `e` + combining accent as the same text, and values keep the bytes they were written with.
    struct Key: Hashable, Sendable {
        let text: String
        let country: String?
        private let hash: Int

        init(text: String, country: String?) {
            self.text = text; self.country = country
            var hasher = Hasher()
            hasher.combine(text); hasher.combine(country)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: Key, b: Key) -> Bool {
            a.hash == b.hash && a.country == b.country && a.text.hasSameBytes(as: b.text)
        }
    }

    private let taxIDs: SharedMemo<Key, TaxID>
    private let phones: SharedMemo<Key, (phones: [PhoneNumber], unparsed: [String])>
    private let currencies: SharedMemo<Key, Currency?>

    init(limit: Int = 50_000) {
        taxIDs = SharedMemo(limit: limit); phones = SharedMemo(limit: limit)
        currencies = SharedMemo(limit: limit)
    }

    func taxID(_ raw: String, country: String?) -> TaxID {
        taxIDs.value(for: Key(text: raw, country: country)) { TaxIDParser.parse(raw, country: country) }
    }

    func currency(_ raw: String, country: String?) -> Currency? {
        currencies.value(for: Key(text: raw, country: country)) { CurrencyToken.currency(named: raw, country: country) }
    }

    /// Not remembered: a single address is checked in fewer steps than a lookup takes.
    func emails(_ raw: String) -> (emails: [String], invalid: [String]) {
        EmailAddress.parseAll(raw)
    }

    func phones(_ raw: String, country: String?) -> (phones: [PhoneNumber], unparsed: [String]) {
        phones.value(for: Key(text: raw, country: country)) { PhoneNumber.parseAll(raw, defaultCountry: country) }
    }
}
