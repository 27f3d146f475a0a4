import Foundation
import Receivables

/// Where the readings of the text around amounts' digits are kept (``AmountAffixes``, one
/// column's in one chunk; ``SharedAmountAffixes``, every thread's).
protocol AffixReadings {
    /// The reading of `prefix` and `suffix` around an amount's digits (``AmountAffixes/read(prefix:suffix:country:)``).
    mutating func reading(prefix: UnsafeBufferPointer<UInt8>, suffix: UnsafeBufferPointer<UInt8>,
                          country: String?) -> AmountAffixes.Reading?
}

/// What the text path (``AmountText``) makes of the text around an amount's digits: `Bs. ` before
/// `1.234,56`, ` €` after `898,91`, `US$ ` before `12.50`. Learned once per distinct text, by
/// reading it around a lone `1`, and kept for the rest of a chunk's rows. One memo serves one
/// column, so one country (the readings depend on it: a bare `$`).
///
/// Amounts written with a currency mark went through the text path whole (Characters, trimming,
/// seventy marks tried at each end), about 9 µs each: a marked list imported three to four times
/// slower than the same list unmarked.
struct AmountAffixes: AffixReadings {
    /// What the text around the digits says: the sign, the currency it names, and whether it
    /// named one (``AmountText/sawCurrencyMark``, which settles `1.500 €` as thousands).
    struct Reading: Equatable {
        let negative: Bool
        let currency: Currency?
        let sawMark: Bool
    }

    private var known: [(prefix: [UInt8], suffix: [UInt8], reading: Reading?)] = []
    /// A column's rows use a handful of marks; past this many distinct ones, new ones are read
    /// each time rather than kept.
    private static let limit = 16
    /// Longer texts beside the digits are read each time: a mark is a few bytes, and a hostile
    /// file's long cells must not fill the memory.
    static let keptLength = 32

    /// The reading of `prefix` and `suffix` around an amount's digits; `nil` when the text path
    /// leaves more than the digits (a stray letter, a separator beside a mark), rejects the text,
    /// or may read the digits differently because of it (see ``AmountParser/markedParts(bytes:profile:affixes:)``).
    mutating func reading(prefix: UnsafeBufferPointer<UInt8>, suffix: UnsafeBufferPointer<UInt8>,
                          country: String?) -> Reading? {
        for k in known where k.prefix.elementsEqual(prefix) && k.suffix.elementsEqual(suffix) { return k.reading }
        let reading = Self.read(prefix: prefix, suffix: suffix, country: country)
        if known.count < Self.limit, prefix.count + suffix.count <= Self.keptLength {
            known.append((Array(prefix), Array(suffix), reading))
        }
        return reading
    }

    /// The text path's reading of the text around a lone `1`: what it takes off either side
    /// depends only on that text, never on which digits stand between (see
    /// ``AmountParser/markedParts(bytes:profile:affixes:)``), so whatever it leaves of `P1S` but
    /// the `1` it would leave around any digits.
    static func read(prefix: UnsafeBufferPointer<UInt8>, suffix: UnsafeBufferPointer<UInt8>, country: String?) -> Reading? {
        var bytes = Array(prefix)
        bytes.append(UInt8(ascii: "1"))
        bytes.append(contentsOf: suffix)
        guard let text = AmountText(String(decoding: bytes, as: UTF8.self), country: country), text.body == ["1"] else {
            return nil
        }
        return Reading(negative: text.negative, currency: text.currency, sawMark: text.sawCurrencyMark)
    }
}

/// ``AmountAffixes`` that every thread reads and fills at once, for amounts read outside a
/// chunk's plain-row reader (rows read as cells: a workbook's text cells, lists with a document
/// type column): one lock, taken for a lookup far cheaper than the text path it saves.
final class SharedAmountAffixes: AffixReadings, @unchecked Sendable {
    // @unchecked: `known` is read and written under `lock` only.
    static let shared = SharedAmountAffixes()

    private struct Key: Hashable {
        let prefix: [UInt8], suffix: [UInt8], country: String?
    }

    private let lock = NSLock()
    private var known: [Key: AmountAffixes.Reading?] = [:]
    /// Distinct texts kept, at most ``AmountAffixes/keptLength`` bytes each; past this many, new
    /// ones are read each time.
    private static let limit = 1_024

    func reading(prefix: UnsafeBufferPointer<UInt8>, suffix: UnsafeBufferPointer<UInt8>,
                 country: String?) -> AmountAffixes.Reading? {
        guard prefix.count + suffix.count <= AmountAffixes.keptLength else {
            return AmountAffixes.read(prefix: prefix, suffix: suffix, country: country)
        }
        let key = Key(prefix: Array(prefix), suffix: Array(suffix), country: country)
        lock.lock()
        let kept = known[key]
        lock.unlock()
        if let kept { return kept }
        let reading = AmountAffixes.read(prefix: prefix, suffix: suffix, country: country)
        lock.lock()
        if known.count < Self.limit { known[key] = reading }
        lock.unlock()
        return reading
    }
}

extension AmountParser {
    /// An amount whose digits (digits, points and commas, from its first digit to its last) have a
    /// currency mark, a code or other text beside them (`Bs. 1.234,56`, `898,91 €`, `$ 12.000`,
    /// `USD 10`), read from its bytes to the parts and currency ``parseMarked(text:profile:)``
    /// reads from its text; `nil` for anything else, for anything that reading rejects or finds
    /// ambiguous, and past 19 digits: the text is then read as before.
    ///
    /// Why the text around the digits can be read once (``AmountAffixes``): with no sign, dash
    /// or parenthesis in it, every step of ``AmountText/init(_:country:)`` that looks at the
    /// text's ends (trimming, a ledger's `CR`, a trailing minus, a code or mark at either end)
    /// sees the same characters whatever digits stand between, since the digits begin and end
    /// with a digit, which no mark, code or sign contains. If what is left of `P1S` is the `1`
    /// alone, what is left of `P…S` is its digits alone, with the same sign and currency; and
    /// ``dashZero(_:country:)`` finds no dash. The digits are then read as ``groupedParts(bytes:profile:)``
    /// reads them, with the text path's one rule that a mark adds: a currency of two decimals or
    /// fewer writes `1.500` as thousands.
    static func markedParts(bytes: UnsafeBufferPointer<UInt8>, profile: AmountColumnProfile,
                            affixes: inout some AffixReadings) -> (DecimalParts, Currency?)? {
        guard let (body, reading, evidence) = AmountText.marked(bytes: bytes, country: profile.country, affixes: &affixes),
              let separator = decimalSeparator(evidence, profile),
              let value = digitsAndPoint(body, separator: separator, negative: reading.negative) else { return nil }
        return (value, reading.currency)
    }
}

extension AmountText {
    /// What ``init(_:country:)`` and ``separatorEvidence`` make of an amount whose digits have
    /// text beside them (see ``AmountParser/markedParts(bytes:profile:affixes:)``), read from its
    /// bytes: the digits (``body``, as bytes), the sign and currency of the text around them, and
    /// the separator evidence; `nil` when the bytes are no such amount, and the text path decides.
    static func marked(bytes: UnsafeBufferPointer<UInt8>, country: String?, affixes: inout some AffixReadings)
        -> (body: UnsafeBufferPointer<UInt8>, reading: AmountAffixes.Reading, evidence: Evidence)? {
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard let first = bytes.firstIndex(where: isDigit), let last = bytes.lastIndex(where: isDigit) else { return nil }
        let prefix = UnsafeBufferPointer(rebasing: bytes[..<first]), suffix = UnsafeBufferPointer(rebasing: bytes[(last + 1)...])
        let body = UnsafeBufferPointer(rebasing: bytes[first...last])
        guard !prefix.isEmpty || !suffix.isEmpty, !mayHoldSign(prefix), !mayHoldSign(suffix),
              let reading = affixes.reading(prefix: prefix, suffix: suffix, country: country),
              let (_, written) = groupedEvidence(bytes: body) else { return nil }
        // As ``separatorEvidence``: beside a currency of two decimals or fewer, `1.500 €` and
        // `$ 12.000` are thousands.
        if case .ambiguous(let c) = written, reading.sawMark, (reading.currency?.minorUnits ?? 2) < 3 {
            return (body, reading, .decimal(c == "." ? "," : "."))
        }
        return (body, reading, written)
    }

    /// Whether the text around an amount's digits may hold a sign or a dash (`-`, `+`, `(`, `)`,
    /// `−`, `–`, `—`): those take the text path.
    private static func mayHoldSign(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"): return true
            // U+2212 (E2 88 92), U+2013 and U+2014 (E2 80 93, E2 80 94); `€` (E2 82 AC) is none.
            case 0xE2: if i + 1 < bytes.count, bytes[i + 1] != 0x82 { return true }
            default: continue
            }
        }
        return false
    }
}
