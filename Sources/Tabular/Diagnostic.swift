/// A problem found while reading or mapping, with a stable code and the exact place.
///
/// Cell-level problems are collected as diagnostics and the run goes on; file-level problems
/// (corrupt zip, password, wrong format) are thrown as errors by the reader instead.
///
/// Rendered as: `acme.xlsx › Facturas!C17 error AR-IMP-012: amount: expected decimal, found "12,5O"`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// A stable identifier such as `CSV-STRAY-QUOTE`; tests and users match on it, so never reword it.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var expected: String?
    public var found: String?

    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation? = nil,
                expected: String? = nil, found: String? = nil) {
        self.severity = severity; self.code = code; self.message = message
        self.location = location; self.expected = expected; self.found = found
    }

    public var description: String {
        var s = ""
        if let location { s += location.description + " " }
        s += "\(severity.rawValue) \(code): \(message)"
        if let expected, let found { s += ": expected \(expected), found \"\(found)\"" }
        else if let found { s += ": found \"\(found)\"" }
        return s
    }
}
