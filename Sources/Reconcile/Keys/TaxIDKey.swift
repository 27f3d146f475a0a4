import Receivables

/// The matching form of a tax ID: the normalized text, its digits, and whether it was validated.
public struct TaxIDKey: Hashable, Sendable {
    /// Upper-case letters and digits only (`J-30123456-7` → `J301234567`).
    public var normalized: String
    /// Digits only (`301234567`), which survive a missing letter prefix.
    public var digits: String
    /// The letters, in order (`J`; `FEMK` of the RFC `FEM150312K38`), empty when the source wrote
    /// none (a letter the parser inferred, `30123456-1` read as `J301234561`, is no evidence).
    public var letters: String
    public var validity: TaxID.Validity
    /// Whether the source wrote the check digit apart (`900.123.456-8`, `76.086.428-5`): then a
    /// valid one is the writer's, not a bare number's last digit that checks by chance (1 in 11).
    public var checkDigitWrittenApart = false
    /// Whether the ID fits some country's format (a RIF, a NIT…), checked or not: text that fits
    /// none may be a code or a note in the tax-ID column.
    public var fitsAFormat = true
    /// Whether the ID is one anybody carries (Mexico's generic RFC for walk-in customers).
    public var isGeneric = false

    public init(_ taxID: TaxID) {
        self.init(compact: TaxIDKeyer.compact(taxID.normalized.isEmpty ? taxID.display : taxID.normalized),
                  validity: taxID.validity)
        let written = Set(TaxIDKeyer.compact(taxID.display))
        if !letters.allSatisfy(written.contains) { letters = "" }
        let shown = Array(taxID.display.trimmingWhitespace)
        checkDigitWrittenApart = shown.count >= 2 && "-/".contains(shown[shown.count - 2])
        fitsAFormat = taxID.validity != .malformed
        isGeneric = TaxID.genericRFCs.contains(normalized)
    }

    /// A valid ID that names one legal entity beyond chance: its type letters written (`J-…`, an
    /// RFC), its check digit written apart, or ten digits and more (CUIT, CNPJ, RUC).
    public var isSurelyValid: Bool {
        isValid && (!letters.isEmpty || checkDigitWrittenApart || digits.count >= 10)
    }

    public init(raw: String) {
        self.init(compact: TaxIDKeyer.compact(raw), validity: .unchecked)
    }

    private init(compact: String, validity: TaxID.Validity) {
        normalized = compact
        digits = String(decoding: compact.utf8.filter { (0x30...0x39).contains($0) }, as: UTF8.self)
        letters = String(decoding: compact.utf8.filter { !(0x30...0x39).contains($0) }, as: UTF8.self)
        self.validity = validity
    }

    /// The ID's number without its check digit, the last character (a digit, or Chile's `K`):
    /// `76928916K` → `76928916`, `J301234567` → `30123456`. The same number written bare is this ID
    /// with its check digit left out.
    public var numberWithoutCheckDigit: String { String(normalized.dropLast().filter(\.isNumber)) }

    /// Whether the two could be one ID written with and without its letters: the same letters, or
    /// none on one side. `V-30123456-1` (a person) and `J-30123456-1` (a company) are two IDs, and
    /// two RFCs with one date (`FEM150312K38`, `PSF150312AB3`) are two companies.
    public func lettersAgree(with other: TaxIDKey) -> Bool {
        letters.isEmpty || other.letters.isEmpty || letters == other.letters
    }

    /// Whether the ID's number tells its holder from another's (``isAnotherNumber(than:)``): not
    /// an ID that fits no format, a generic one, or one of fewer than six digits (a code more
    /// likely than a tax ID).
    public var tellsHoldersApart: Bool { fitsAFormat && !isGeneric && digits.count >= 6 }

    /// Whether this ID and `other` are two different numbers (``numbersDiffer(_:_:typos:)``), so
    /// two holders, whatever else their records share; `false` when either tells no one apart.
    /// An ID whose check digit fails holds a typo, which the check caught: two such IDs may each
    /// be one typo off the real one, two apart.
    public func isAnotherNumber(than other: TaxIDKey) -> Bool {
        guard tellsHoldersApart, other.tellsHoldersApart else { return false }
        let typos = validity == .checkDigitMismatch && other.validity == .checkDigitMismatch ? 2 : 1
        return Self.numbersDiffer(digits, other.digits, typos: typos)
    }

    public var isValid: Bool { validity == .valid }
    /// Invalid means a check failed; `unchecked` is neutral (no check was possible or made).
    public var isInvalid: Bool { validity == .checkDigitMismatch || validity == .malformed }
}

extension TaxIDKey {
    /// Whether two tax IDs' digits are two different numbers, not one written two ways: neither
    /// holds the other (a check digit left out, `29111222` in `291112225`; a person's document
    /// number inside the tax ID made of it, a DNI in its CUIT, a cédula in Ecuador's RUC), and
    /// their bodies, each with and without its last digit (which may be a check digit), are not
    /// `typos` apart: one typo is a digit wrong, missing or extra, or two neighbours swapped; two
    /// are two edits. Letters do not count: `V-` and `J-` of one number are that number.
    public static func numbersDiffer(_ a: String, _ b: String, typos: Int = 1) -> Bool {
        if a == b { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if long.contains(short) || long.contains(short.dropLast()) { return false }
        for x in [Substring(a), a.dropLast()] {
            for y in [Substring(b), b.dropLast()] {
                if oneTypoApart(x, y) || typos >= 2 && Levenshtein.distance(String(x), String(y), limit: typos) <= typos {
                    return false
                }
            }
        }
        return true
    }

    /// Whether `x` and `y` are equal or one typo apart: one character wrong, missing or extra, or
    /// two neighbouring characters swapped.
    static func oneTypoApart(_ x: Substring, _ y: Substring) -> Bool {
        let (a, b) = (Array(x.utf8), Array(y.utf8))
        if a.count == b.count {
            let differing = a.indices.filter { a[$0] != b[$0] }
            if differing.count <= 1 { return true }
            guard differing.count == 2, let i = differing.first, differing[1] == i + 1 else { return false }
            return a[i] == b[i + 1] && a[i + 1] == b[i]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        // The first difference is the character `long` has more; the rest must agree.
        let i = short.indices.first { short[$0] != long[$0] } ?? short.count
        return short[i...].elementsEqual(long[(i + 1)...])
    }
}

/// Normalizes raw tax-ID text by removing separators and upper-casing.
public struct TaxIDKeyer: Keyer {
    public init() {}
    public var name: String { "tax_id" }
    public func key(_ value: String) -> String { Self.compact(value) }

    /// `j-30.123.456-7` → `J301234567`; letters and digits only.
    public static func compact(_ raw: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for b in raw.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A: bytes.append(b)
            case 0x61...0x7A: bytes.append(b - 32)
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
