/// Why one cell's value could not be read; becomes a reject or a diagnostic with the cell's place.
public struct ValueError: Error, Hashable, Sendable {
    /// Stable code such as `MAP-AMOUNT-AMBIGUOUS`.
    public var code: String
    public var message: String
    public var expected: String?

    public init(_ code: String, _ message: String, expected: String? = nil) {
        self.code = code; self.message = message; self.expected = expected
    }
}
