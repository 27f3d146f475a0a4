/// An ISO 4217 currency code such as `USD`, `VES`, `COP`, `EUR`.
public struct Currency: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let code: String
    /// Digits after the decimal point in ordinary use (ISO 4217 minor units): `2` for most, `0` for
    /// `CLP` or `JPY`, `3` for `KWD`. Kept from the code when made: writers of millions of amounts ask.
    public let minorUnits: Int

    /// Accepts three ASCII letters (any case); `nil` otherwise.
    public init?(code: some StringProtocol) {
        let upper = code.uppercased()
        guard upper.utf8.count == 3, upper.utf8.allSatisfy({ (65...90).contains($0) }) else { return nil }
        self.code = upper
        let packed = Self.packed(upper)
        minorUnits = Self.noMinorUnits.contains(packed) ? 0 : Self.threeMinorUnits.contains(packed) ? 3 : 2
    }

    public init(stringLiteral value: String) {
        guard let c = Currency(code: value) else { preconditionFailure("not an ISO 4217 code: \(value)") }
        self = c
    }

    private static func packed(_ code: String) -> UInt32 { code.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    private static let noMinorUnits = ["CLP", "PYG", "JPY", "KRW", "ISK", "UYI", "VND", "XAF", "XOF"].map(packed)
    private static let threeMinorUnits = ["BHD", "KWD", "OMR", "TND", "JOD", "IQD", "LYD"].map(packed)

    public var description: String { code }
    public static func < (a: Currency, b: Currency) -> Bool { a.code < b.code }

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
