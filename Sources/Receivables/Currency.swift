/// An ISO 4217 currency code such as `USD`, `VES`, `COP`, `EUR`.
///
/// Plain bits (the code's three letters packed in an integer), not a `String`: amounts and invoice
/// rows carry a currency each, and a million rows' copies retained and released a string each time.
public struct Currency: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The code's three uppercase ASCII letters, the first in the high byte: ordering the packed
    /// values orders the codes.
    let packed: UInt32
    /// Digits after the decimal point in ordinary use (ISO 4217 minor units): `2` for most, `0` for
    /// `CLP` or `JPY`, `3` for `KWD`. Kept from the code when made: writers of millions of amounts ask.
    public let minorUnits: Int

    /// The three-letter code.
    public var code: String {
        String(unsafeUninitializedCapacity: 3) { buffer in
            buffer[0] = UInt8(truncatingIfNeeded: packed >> 16)
            buffer[1] = UInt8(truncatingIfNeeded: packed >> 8)
            buffer[2] = UInt8(truncatingIfNeeded: packed)
            return 3
        }
    }

    /// Accepts three ASCII letters (any case); `nil` otherwise.
    public init?(code: some StringProtocol) {
        var packed: UInt32 = 0, count = 0
        for byte in code.utf8 {
            count += 1
            guard count <= 3 else { return nil }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): packed = packed << 8 | UInt32(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): packed = packed << 8 | UInt32(byte - 32)
            default: return nil
            }
        }
        guard count == 3 else { return nil }
        self.packed = packed
        minorUnits = Self.noMinorUnits.contains(packed) ? 0 : Self.threeMinorUnits.contains(packed) ? 3 : 2
    }

    public init(stringLiteral value: String) {
        guard let c = Currency(code: value) else { preconditionFailure("not an ISO 4217 code: \(value)") }
        self = c
    }

    /// Calls `body` with the code's three bytes (for writers that copy them, without a `String`).
    public func withCodeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var bytes = (UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
                     UInt8(truncatingIfNeeded: packed))
        return try withUnsafeBytes(of: &bytes) { try body($0.assumingMemoryBound(to: UInt8.self)) }
    }

    private static func packed(_ code: String) -> UInt32 { code.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    private static let noMinorUnits = ["CLP", "PYG", "JPY", "KRW", "ISK", "UYI", "VND", "XAF", "XOF"].map(packed)
    private static let threeMinorUnits = ["BHD", "KWD", "OMR", "TND", "JOD", "IQD", "LYD"].map(packed)

    public var description: String { code }
    public static func < (a: Currency, b: Currency) -> Bool { a.packed < b.packed }

    public static let usd: Currency = "USD"
    public static let ves: Currency = "VES"
    public static let cop: Currency = "COP"
    public static let eur: Currency = "EUR"
    public static let mxn: Currency = "MXN"

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = Currency(code: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 4217 code: \(s)")
        }
        self = v
    }
}
