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

    public init(_ taxID: TaxID) {
        self.init(compact: TaxIDKeyer.compact(taxID.normalized.isEmpty ? taxID.display : taxID.normalized),
                  validity: taxID.validity)
        let written = Set(TaxIDKeyer.compact(taxID.display))
        if !letters.allSatisfy(written.contains) { letters = "" }
        let shown = Array(taxID.display.trimmingWhitespace)
        checkDigitWrittenApart = shown.count >= 2 && "-/".contains(shown[shown.count - 2])
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

    /// Whether the two could be one ID written with and without its letters: the same letters, or
    /// none on one side. `V-30123456-1` (a person) and `J-30123456-1` (a company) are two IDs, and
    /// two RFCs with one date (`FEM150312K38`, `PSF150312AB3`) are two companies.
    public func lettersAgree(with other: TaxIDKey) -> Bool {
        letters.isEmpty || other.letters.isEmpty || letters == other.letters
    }

    public var isValid: Bool { validity == .valid }
    /// Invalid means a check failed; `unchecked` is neutral (no check was possible or made).
    public var isInvalid: Bool { validity == .checkDigitMismatch || validity == .malformed }
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
