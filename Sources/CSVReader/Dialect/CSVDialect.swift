/// How a CSV file is written, as detected (or given by the user): separators, quoting, and where
/// the table starts.
public struct CSVDialect: Hashable, Sendable {
    /// The field separator.
    public var delimiter: Unicode.Scalar
    /// The quote character (`"` or `'`), or `nil` when quotes are plain data.
    public var quote: UInt8?
    /// An escape byte inside quoted fields (only when the user asks for one).
    public var escape: UInt8?
    /// Whether the first record of the table is a header.
    public var hasHeader: Bool
    /// Records above the table (titles, export dates, blank lines) that are skipped; 0 when none.
    public var preambleRecords: Int
    /// The physical lines those records span (`nil` when there is no preamble).
    public var preambleLines: ClosedRange<Int>?
    /// The 1-based physical line where the table (its header, when it has one) starts.
    public var tableStartLine: Int
    /// The line break most used in the sample: `LF`, `CRLF` or `CR`.
    public var lineBreak: String
    /// 1 when the file starts with Excel's `sep=;` line, which names the delimiter and which Excel
    /// hides: it is skipped, and row numbers count from the line after it (physical lines do not).
    public var directiveLines = 0

    public init(delimiter: Unicode.Scalar = ",", quote: UInt8? = UInt8(ascii: "\""), escape: UInt8? = nil,
                hasHeader: Bool = true, preambleRecords: Int = 0, preambleLines: ClosedRange<Int>? = nil,
                tableStartLine: Int = 1, lineBreak: String = "LF") {
        self.delimiter = delimiter; self.quote = quote; self.escape = escape; self.hasHeader = hasHeader
        self.preambleRecords = preambleRecords; self.preambleLines = preambleLines
        self.tableStartLine = tableStartLine; self.lineBreak = lineBreak
    }

    /// The settings the state machine reads with.
    public var core: CSVCore.Dialect { CSVCore.Dialect(delimiter: delimiter, quote: quote, escape: escape) }

    /// The delimiter as people name it: `,` `;` `tab` `|` `space`.
    public var delimiterName: String {
        switch delimiter {
        case "\t": return "tab"
        case " ": return "space"
        default: return String(Character(delimiter))
        }
    }

    /// The quote as text, or `nil` for none.
    public var quoteText: String? { quote.map { String(Character(Unicode.Scalar($0))) } }
}

/// What the caller fixes instead of letting the reader detect it. `nil` means detect.
public struct CSVOptions: Hashable, Sendable {
    public enum Quote: Hashable, Sendable {
        case none
        case character(UInt8)
    }

    public var encoding: TextEncoding?
    public var delimiter: Unicode.Scalar?
    public var quote: Quote?
    public var escape: UInt8?
    public var hasHeader: Bool?
    /// Records to skip above the table; `nil` detects titles and export lines.
    public var preambleRecords: Int?
    /// Whether the row stream hands out empty lines as rows without cells (for a caller that
    /// accounts for every row a spreadsheet shows); by default they are skipped and counted.
    public var keepsBlankLines = false
    /// Whether a field written as Excel's text formula, `="000123"` (how a spreadsheet is told to
    /// keep leading zeros), is read as its text, `000123`; by default it is read as written.
    public var unwrapsTextFormulas = false
    /// The sample that detection reads: at most this many bytes…
    public var sampleBytes = 64 << 10
    /// …and at most this many records.
    public var sampleRecords = 200

    public init(encoding: TextEncoding? = nil, delimiter: Unicode.Scalar? = nil, quote: Quote? = nil,
                escape: UInt8? = nil, hasHeader: Bool? = nil, preambleRecords: Int? = nil) {
        self.encoding = encoding; self.delimiter = delimiter; self.quote = quote; self.escape = escape
        self.hasHeader = hasHeader; self.preambleRecords = preambleRecords
    }

    /// Parses command-line spellings: `--delimiter tab|space|;|,`, `--quote none|"|'`, `--encoding NAME`.
    public init(encodingName: String?, delimiterName: String?, quoteName: String?, hasHeader: Bool?) throws {
        self.init(hasHeader: hasHeader)
        if let e = encodingName {
            guard let enc = TextEncoding(name: e) else { throw CSVError.unknownEncoding(e) }
            encoding = enc
        }
        if let d = delimiterName {
            switch d.lowercased() {
            case "tab", "\\t", "\t": delimiter = "\t"
            case "space", " ": delimiter = " "
            case "comma": delimiter = ","
            case "semicolon": delimiter = ";"
            case "pipe": delimiter = "|"
            default:
                guard d.unicodeScalars.count == 1, let s = d.unicodeScalars.first, s != "\n", s != "\r" else {
                    throw CSVError.badOption("--delimiter must be one character, 'tab' or 'space', not '\(d)'")
                }
                delimiter = s
            }
        }
        if let q = quoteName {
            if q.lowercased() == "none" || q.isEmpty { quote = CSVOptions.Quote.none }
            else if q.utf8.count == 1, let b = q.utf8.first { quote = .character(b) }
            else { throw CSVError.badOption("--quote must be one ASCII character or 'none', not '\(q)'") }
        }
    }
}
