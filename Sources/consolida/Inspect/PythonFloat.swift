/// Python's `repr(float)`, which the corpus oracles use for numbers (`1.0`, `1e-05`, `1.5e+16`).
///
/// Swift's `description` prints the same shortest round-trip digits and the same exponent style,
/// except that it switches to exponent form from 2^53 while Python waits until 1e16.
enum PythonFloat {
    static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let s = d.description
        guard abs(d) < 1e16, let e = s.firstIndex(of: "e") else { return s }
        let exponent = Int(s[s.index(after: e)...]) ?? 0
        guard exponent >= 0 else { return s }
        let negative = s.hasPrefix("-")
        let mantissa = s[s.index(s.startIndex, offsetBy: negative ? 1 : 0)..<e]
        var digits = mantissa.filter { $0 != "." }
        let point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        if digits.count < point { digits += String(repeating: "0", count: point - digits.count) }
        let whole = digits.prefix(point), fraction = digits.dropFirst(point)
        return (negative ? "-" : "") + whole + "." + (fraction.isEmpty ? "0" : fraction)
    }
}
