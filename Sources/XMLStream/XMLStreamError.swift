import Tabular

/// Why an XML part could not be parsed. Carries the file, the part (zip entry) and the line.
public struct XMLStreamError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var part: String
    public var line: Int
    public var column: Int
    /// libxml2's message, without its trailing newline.
    public var message: String
    /// libxml2's error code (an `xmlParserErrors` value).
    public var code: Int

    public var description: String {
        "\(file) › \(part) line \(line)\(column > 0 ? ", column \(column)" : ""): malformed XML: \(message)"
    }

    /// The same problem as a diagnostic (for callers that collect instead of throwing).
    public var diagnostic: Diagnostic {
        Diagnostic(.error, code: "XML-MALFORMED", "\(part): \(message)", at: SourceLocation(file: file, line: line))
    }
}
