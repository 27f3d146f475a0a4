/// A phone as digits (E.164 without `+`, or national without its trunk `0`) and its last 7
/// digits, which survive different country/area-code writing (`0412-555.12.34`, `+58 412 5551234`).
public struct PhoneKey: Hashable, Sendable {
    public var digits: String
    public var suffix: String

    /// The same line: one number ends with the other (a country code or trunk prefix more or
    /// less) and the shorter still has 8 digits, enough to be a whole national number.
    public func isSameLine(as other: PhoneKey) -> Bool {
        let (short, long) = digits.count <= other.digits.count ? (digits, other.digits) : (other.digits, digits)
        return short.count >= 8 && long.hasSuffix(short)
    }

    public init?(_ raw: String) {
        let d = PhoneKeyer().key(raw)
        guard d.count >= 7 else { return nil }
        digits = d
        suffix = String(d.suffix(7))
    }
}

/// Keeps the digits of a phone and drops a national trunk `0` prefix, so `+584125551234` and
/// `04125551234` share their last digits and compare as close.
public struct PhoneKeyer: Keyer {
    public init() {}
    public var name: String { "phone" }
    public func key(_ value: String) -> String {
        var d = String(value.filter(\.isASCIIDigit))
        while d.hasPrefix("0") { d.removeFirst() } // international `00` and national trunk `0`
        return d
    }
}
