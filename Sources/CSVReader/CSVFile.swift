import Tabular

/// A CSV (or TSV, or any delimited text) file opened for streaming: one nameless sheet.
///
/// Opening reads a bounded sample (256 KiB for the encoding, 64 KiB / 200 records for the dialect)
/// and never the whole file; ``rows(ofSheet:)`` then streams the file with constant memory.
///
/// **Row numbers** are what a spreadsheet shows when it opens the file: row = record index + 1,
/// counting every record from the top of the file, preamble records and blank lines included, and a
/// record with quoted line breaks is one row. So the header is row 1 when it is the first line, and
/// a header below a two-line title is row 3. ``Row/line`` is the physical line where the record starts.
public final class CSVFile: TabularSource, Sendable {
    public let path: String
    public let input: ByteInput
    public let detectedEncoding: DetectedEncoding
    public let detectedDialect: CSVDialect
    public let openingDiagnostics: [Diagnostic]
    public let options: CSVOptions

    /// Bytes read for encoding detection.
    public static let encodingSampleBytes = 256 << 10

    public var sheets: [SheetInfo] { [SheetInfo(name: nil, index: 0)] }

    /// Opens a file on disk and detects what the options leave open.
    public static func open(path: String, options: CSVOptions = CSVOptions()) throws -> CSVFile {
        try CSVFile(path: path, input: .file(path), options: options)
    }

    /// Opens bytes already in memory (tests, uploads); `name` is used in locations.
    public static func open(bytes: [UInt8], name: String = "<memory>", options: CSVOptions = CSVOptions()) throws -> CSVFile {
        try CSVFile(path: name, input: .bytes(bytes), options: options)
    }

    private init(path: String, input: ByteInput, options: CSVOptions) throws {
        self.path = path
        self.input = input
        self.options = options
        let (prefix, whole) = try ChunkReader.prefix(of: input, limit: CSVFile.encodingSampleBytes)
        var notes: [Diagnostic] = []
        let encoding: DetectedEncoding
        if let forced = options.encoding {
            let bom = forced.byteOrderMark
            let hasBOM = !bom.isEmpty && prefix.count >= bom.count && Array(prefix.prefix(bom.count)) == bom
            encoding = DetectedEncoding(encoding: forced, bomLength: hasBOM ? bom.count : 0, evidence: "override")
        } else {
            encoding = prefix.withUnsafeBufferPointer { EncodingDetector.detect($0, isWholeFile: whole) }
            if encoding.evidence == "not-utf8" {
                notes.append(Diagnostic(.info, code: "CSV-ENCODING-GUESSED",
                                        "the file is not valid UTF-8; read as \(encoding.encoding.rawValue)",
                                        at: SourceLocation(file: path)))
            }
        }
        detectedEncoding = encoding
        if let what = prefix.withUnsafeBufferPointer({ BinaryContent.describe($0, wideText: encoding.encoding.isWide) }) {
            throw CSVError.notText(path: path, what: what)
        }

        // The dialect sample: the first `sampleBytes` bytes after the BOM, decoded to UTF-8.
        let end = min(prefix.count, encoding.bomLength + options.sampleBytes)
        let sampleIsWhole = whole && end == prefix.count
        var transcoder = Transcoder(encoding: encoding.encoding)
        let raw = Array(prefix[min(encoding.bomLength, end)..<end])
        var sample = [UInt8](repeating: 0, count: Transcoder.maxOutput(forInput: raw.count))
        let n = raw.withUnsafeBufferPointer { r in
            sample.withUnsafeMutableBufferPointer { transcoder.transcode(r, into: $0.baseAddress!, isLast: sampleIsWhole) }
        }
        sample.removeSubrange(n...)
        var dialect: CSVDialect
        if let (delimiter, length) = Self.separatorDirective(sample) {
            // Excel's `sep=;`: the rest is sniffed as the file Excel shows, with that delimiter.
            var told = options
            if told.delimiter == nil { told.delimiter = delimiter }
            dialect = DialectSniffer.detect(Array(sample[length...]), isWholeFile: sampleIsWhole, options: told)
            dialect.directiveLines = 1
            dialect.tableStartLine += 1
            dialect.preambleLines = dialect.preambleLines.map { ($0.lowerBound + 1)...($0.upperBound + 1) }
        } else {
            dialect = DialectSniffer.detect(sample, isWholeFile: sampleIsWhole, options: options)
        }
        detectedDialect = dialect
        if let lines = dialect.preambleLines, options.preambleRecords == nil {
            notes.append(Diagnostic(.info, code: "CSV-PREAMBLE-SKIPPED",
                                    "lines \(lines.lowerBound)–\(lines.upperBound) above the table (titles, export notes) were skipped; the table starts at line \(dialect.tableStartLine)",
                                    at: SourceLocation(file: path, line: lines.lowerBound)))
        }
        openingDiagnostics = notes
    }

    /// A fresh stream of the table's rows (preamble skipped, blank lines skipped but counted).
    public func rows(ofSheet index: Int = 0) throws -> any RowStream { try rowStream() }

    /// The concrete stream, for callers that want its extra counters.
    public func rowStream() throws -> CSVRowStream {
        CSVRowStream(file: self, reader: try records())
    }

    /// A low-level record reader positioned at the first record of the table (the header when there
    /// is one), for hot loops that read field bytes directly.
    public func records(chunkSize: Int = 1 << 20) throws -> CSVRecordReader {
        let reader = try CSVRecordReader(input: input, encoding: detectedEncoding, dialect: detectedDialect.core,
                                         chunkSize: chunkSize)
        for _ in 0..<(detectedDialect.directiveLines + detectedDialect.preambleRecords) where try reader.next() == false { break }
        return reader
    }

    /// Excel's first line `sep=X` (UTF-8 sample, after any BOM): the delimiter it names and the
    /// line's length with its line break; `nil` when the file does not start so.
    static func separatorDirective(_ sample: [UInt8]) -> (Unicode.Scalar, Int)? {
        // A second byte order mark, left in the text (a UTF-8 file with one converted to UTF-16).
        if sample.starts(with: [0xEF, 0xBB, 0xBF]), let (d, n) = separatorDirective(Array(sample.dropFirst(3))) {
            return (d, n + 3)
        }
        let prefix = Array("sep=".utf8)
        guard sample.count >= prefix.count + 1,
              zip(sample, prefix).allSatisfy({ $0 | 0x20 == $1 | 0x20 || $0 == $1 }) else { return nil }
        let delimiter = sample[prefix.count]
        guard delimiter != 0x0A, delimiter != 0x0D, delimiter < 0x80 else { return nil }
        var end = prefix.count + 1
        if end < sample.count, sample[end] == 0x0D { end += 1 }
        if end < sample.count, sample[end] == 0x0A { end += 1 }
        // The line holds nothing else (a column called `sep=x` in a header row is no directive).
        guard end == sample.count || end > prefix.count + 1 else { return nil }
        return (Unicode.Scalar(delimiter), end)
    }
}
