/// The byte-level CSV state machine, modelled on rust-csv's `csv-core`: the caller supplies the
/// input and the output buffers and the machine never allocates, so the same loop serves a 64 KiB
/// detection sample and a 10 GB file.
///
/// Input is UTF-8 (the decoding layer transcodes everything else first). Rules, in the way
/// spreadsheet programs read files:
/// - RFC 4180 quoting: delimiters, quotes and line breaks inside a quoted field are data; a doubled
///   quote inside a quoted field is one quote.
/// - Records end at LF, CRLF or a lone CR. A blank line is a record with no fields (`fieldCount == 0`).
/// - A quote inside an unquoted field is data (`ab"c` reads `ab"c`), and text after a closing
///   quote is appended (`"ab"c` reads `abc`); both are counted in ``strayQuotes``.
/// - A quote left open at the end of the input takes the rest of the input (``unterminatedQuote``).
/// - NUL bytes are data. A missing final line break still ends the last record.
/// - Non-ASCII delimiters (`§`) are matched on their last UTF-8 byte after checking the bytes
///   before it, so the hot loop compares one byte either way.
///
/// Positions: ``line`` is 1-based and counts LF, CRLF and lone CR; ``byteOffset`` is the 0-based
/// count of input bytes consumed so far.
public struct CSVCore: Sendable {
    /// What one call to ``readRecord(input:output:ends:)`` stopped on.
    public enum Result: Sendable, Equatable {
        /// All input was consumed inside a record; call again with more input (or an empty buffer at the end).
        case inputEmpty
        /// The output buffer is full: grow it (keeping its contents) and call again.
        case outputFull
        /// The field-ends buffer is full: grow it (keeping its contents) and call again.
        case endsFull
        /// A record is complete: ``fieldCount`` fields whose ends are in `ends`, ``recordLength`` bytes.
        case record
        /// The input is exhausted and no record is pending.
        case end
    }

    // Byte classes of the lookup table.
    @usableFromInline static let plain: UInt8 = 0, delim: UInt8 = 1, quoteClass: UInt8 = 2, lf: UInt8 = 3,
                                  cr: UInt8 = 4, escapeClass: UInt8 = 5

    // States.
    @usableFromInline enum State: UInt8, Sendable {
        case startRecord, startField, inField, inQuoted, quoteInQuoted, escapeInQuoted
    }

    public let dialect: Dialect
    private var table: [UInt8]
    /// The UTF-8 bytes of a non-ASCII delimiter before its last byte (empty for ASCII).
    private let delimiterPrefix: [UInt8]

    /// Each byte broadcast to eight lanes: the bytes that end a run of plain bytes in an unquoted
    /// field (delimiter, quote, LF, CR) and in a quoted one (quote, escape, LF, CR).
    private let fieldSpecials: (UInt64, UInt64, UInt64, UInt64)
    private let quotedSpecials: (UInt64, UInt64, UInt64, UInt64)

    private var state: State = .startRecord
    private var lastWasCR = false
    private var endedOnCR = false
    private var atEnd = false

    /// The current 1-based physical line.
    public private(set) var line = 1
    /// Input bytes consumed since the start.
    public private(set) var byteOffset = 0
    /// The line where the current (or last completed) record starts.
    public private(set) var recordLine = 1
    /// The byte offset where the current (or last completed) record starts.
    public private(set) var recordByteOffset = 0
    /// Bytes written for the current record.
    public private(set) var recordLength = 0
    /// Fields completed in the current record.
    public private(set) var fieldCount = 0
    /// Stray quotes seen in the current record (quote inside an unquoted field, or text after a closing quote).
    public private(set) var strayQuotes = 0
    /// The line of the first stray quote of the current record.
    public private(set) var strayQuoteLine = 0
    /// Whether the current record ended inside a quoted field at the end of the input.
    public private(set) var unterminatedQuote = false
    /// Quoted fields in the current record (dialect detection weighs them).
    public private(set) var quotedFields = 0

    /// The quoting and separators the machine reads with.
    public struct Dialect: Hashable, Sendable {
        /// The field separator, any Unicode scalar except quote, CR and LF.
        public var delimiter: Unicode.Scalar
        /// The quote byte (`"` or `'`), or `nil` to read quotes as data.
        public var quote: UInt8?
        /// A backslash-style escape inside quoted fields, or `nil` (the spreadsheet way: doubled quotes).
        public var escape: UInt8?

        public init(delimiter: Unicode.Scalar = ",", quote: UInt8? = UInt8(ascii: "\""), escape: UInt8? = nil) {
            self.delimiter = delimiter; self.quote = quote; self.escape = escape
        }
    }

    public init(dialect: Dialect) {
        self.dialect = dialect
        var t = [UInt8](repeating: CSVCore.plain, count: 256)
        let utf8 = Array(String(Character(dialect.delimiter)).utf8)
        delimiterPrefix = Array(utf8.dropLast())
        if let last = utf8.last { t[Int(last)] = CSVCore.delim }
        if let q = dialect.quote { t[Int(q)] = CSVCore.quoteClass }
        if let e = dialect.escape, e != dialect.quote { t[Int(e)] = CSVCore.escapeClass }
        t[10] = CSVCore.lf
        t[13] = CSVCore.cr
        table = t
        let lanes: UInt64 = 0x0101_0101_0101_0101
        let d = UInt64(utf8.last ?? 10) * lanes
        let q = dialect.quote.map { UInt64($0) * lanes } ?? d
        let e = dialect.escape.map { UInt64($0) * lanes } ?? q
        fieldSpecials = (d, q, 10 * lanes, 13 * lanes)
        quotedSpecials = (q, e, 10 * lanes, 13 * lanes)
    }

    /// Non-zero when some byte of `w` equals the byte broadcast in `pattern`; the lowest set bit
    /// marks the first such byte (bits above it may be false alarms, which callers never read).
    @inline(__always)
    static func hasByte(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Copies plain bytes eight at a time, up to the first byte that matches one of `specials` (each
    /// a byte repeated in every lane), and returns how many bytes were copied. The caller handles
    /// that byte, and the tail shorter than a word, one byte at a time.
    @inline(__always)
    static func copyPlainWords(from input: UnsafePointer<UInt8>, count: Int, to output: UnsafeMutablePointer<UInt8>,
                               capacity: Int, stoppingAt specials: (UInt64, UInt64, UInt64, UInt64)) -> Int {
        var k = 0
        while k + 8 <= count && k + 8 <= capacity {
            let w = UnsafeRawPointer(input + k).loadUnaligned(as: UInt64.self)
            let m = hasByte(w, specials.0) | hasByte(w, specials.1) | hasByte(w, specials.2) | hasByte(w, specials.3)
            UnsafeMutableRawPointer(output + k).storeBytes(of: w, as: UInt64.self)
            if m == 0 { k += 8; continue }
            return k + (m.trailingZeroBitCount >> 3)
        }
        return k
    }

    /// Reads bytes from `input` until a record ends, the input runs out or a buffer fills.
    ///
    /// `output` and `ends` are the whole record buffers: the machine writes at ``recordLength`` and
    /// ``fieldCount`` and resets both when a new record starts. Pass an empty `input` to signal the end.
    /// Returns what stopped it and how many input bytes it consumed.
    public mutating func readRecord(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>,
                                    ends: UnsafeMutableBufferPointer<Int>) -> (Result, Int) {
        if input.isEmpty { return finish(output: output, ends: ends) }
        guard let inBase = input.baseAddress, let outBase = output.baseAddress, let endsBase = ends.baseAddress,
              output.count > 0, ends.count > 0
        else { return (output.count == 0 ? .outputFull : .endsFull, 0) }
        atEnd = false
        let n = input.count, outCap = output.count, endsCap = ends.count
        var i = 0, o = recordLength, f = fieldCount
        var state = self.state
        let result: Result
        let delimiterIsMultiByte = !delimiterPrefix.isEmpty
        let fieldSpecials = self.fieldSpecials, quotedSpecials = self.quotedSpecials

        // Saves the locals and returns; every exit of the loop goes through it.
        func leave(_ r: Result) -> (Result, Int) {
            self.state = state; recordLength = o; fieldCount = f
            byteOffset += i
            if i > 0 { lastWasCR = inBase[i - 1] == 13 }
            return (r, i)
        }

        result = table.withUnsafeBufferPointer { tb -> Result in
            let cls = tb.baseAddress!  // non-empty by construction (256 entries)
            while i < n {
                switch state {
                case .startRecord:
                    let b = inBase[i]
                    if b == 10, i == 0 ? lastWasCR : inBase[i - 1] == 13, endedOnCR {
                        // The LF of a CRLF whose CR ended the previous record.
                        endedOnCR = false; i += 1; continue
                    }
                    endedOnCR = false
                    recordLine = line; recordByteOffset = byteOffset + i
                    o = 0; f = 0; strayQuotes = 0; strayQuoteLine = 0; unterminatedQuote = false; quotedFields = 0
                    let c = cls[Int(b)]
                    if c == CSVCore.lf || c == CSVCore.cr {
                        // A blank line: a record with no fields.
                        i += 1; line += 1
                        endedOnCR = c == CSVCore.cr
                        state = .startRecord
                        return .record
                    }
                    state = .startField
                case .startField:
                    let b = inBase[i]
                    if cls[Int(b)] == CSVCore.quoteClass {
                        quotedFields += 1
                        i += 1; state = .inQuoted
                    } else {
                        state = .inField
                    }
                case .inField:
                    // Hot loop: copy plain bytes until a special one, eight at a time where possible.
                    while i < n {
                        let copied = CSVCore.copyPlainWords(from: inBase + i, count: n - i, to: outBase + o,
                                                            capacity: outCap - o, stoppingAt: fieldSpecials)
                        i += copied; o += copied
                        if i == n { break }
                        let b = inBase[i]
                        let c = cls[Int(b)]
                        if c == CSVCore.plain || c == CSVCore.escapeClass {
                            if o == outCap { return .outputFull }
                            outBase[o] = b; o += 1; i += 1
                            continue
                        }
                        if c == CSVCore.delim {
                            if delimiterIsMultiByte && !endsWithPrefix(outBase, o) {
                                if o == outCap { return .outputFull }
                                outBase[o] = b; o += 1; i += 1
                                continue
                            }
                            if f == endsCap { return .endsFull }
                            if delimiterIsMultiByte { o -= delimiterPrefix.count }
                            endsBase[f] = o; f += 1; i += 1
                            state = .startField
                            break
                        }
                        if c == CSVCore.quoteClass {
                            if o == outCap { return .outputFull }
                            noteStrayQuote()
                            outBase[o] = b; o += 1; i += 1
                            continue
                        }
                        // LF or CR: the record ends.
                        if f == endsCap { return .endsFull }
                        endsBase[f] = o; f += 1; i += 1; line += 1
                        endedOnCR = c == CSVCore.cr
                        state = .startRecord
                        return .record
                    }
                case .inQuoted:
                    while i < n {
                        let copied = CSVCore.copyPlainWords(from: inBase + i, count: n - i, to: outBase + o,
                                                            capacity: outCap - o, stoppingAt: quotedSpecials)
                        i += copied; o += copied
                        if i == n { break }
                        let b = inBase[i]
                        let c = cls[Int(b)]
                        if c == CSVCore.quoteClass { i += 1; state = .quoteInQuoted; break }
                        if c == CSVCore.escapeClass { i += 1; state = .escapeInQuoted; break }
                        if o == outCap { return .outputFull }
                        if c == CSVCore.lf {
                            if !(i == 0 ? lastWasCR : inBase[i - 1] == 13) { line += 1 }
                        } else if c == CSVCore.cr {
                            line += 1
                        }
                        outBase[o] = b; o += 1; i += 1
                    }
                case .escapeInQuoted:
                    if o == outCap { return .outputFull }
                    let b = inBase[i]
                    if b == 10 { if !(i == 0 ? lastWasCR : inBase[i - 1] == 13) { line += 1 } }
                    else if b == 13 { line += 1 }
                    outBase[o] = b; o += 1; i += 1
                    state = .inQuoted
                case .quoteInQuoted:
                    let b = inBase[i]
                    let c = cls[Int(b)]
                    if c == CSVCore.quoteClass {
                        // A doubled quote: one quote of data.
                        if o == outCap { return .outputFull }
                        outBase[o] = b; o += 1; i += 1
                        state = .inQuoted
                    } else if c == CSVCore.delim && (!delimiterIsMultiByte || endsWithPrefix(outBase, o)) {
                        if f == endsCap { return .endsFull }
                        if delimiterIsMultiByte { o -= delimiterPrefix.count }
                        endsBase[f] = o; f += 1; i += 1
                        state = .startField
                    } else if c == CSVCore.lf || c == CSVCore.cr {
                        if f == endsCap { return .endsFull }
                        endsBase[f] = o; f += 1; i += 1; line += 1
                        endedOnCR = c == CSVCore.cr
                        state = .startRecord
                        return .record
                    } else {
                        // Text after the closing quote: kept, as spreadsheet programs do.
                        noteStrayQuote()
                        state = .inField
                    }
                }
            }
            return .inputEmpty
        }
        return leave(result)
    }

    @inline(__always)
    private func endsWithPrefix(_ out: UnsafeMutablePointer<UInt8>, _ o: Int) -> Bool {
        let p = delimiterPrefix.count
        guard o >= p else { return false }
        for k in 0..<p where out[o - p + k] != delimiterPrefix[k] { return false }
        return true
    }

    private mutating func noteStrayQuote() {
        if strayQuotes == 0 { strayQuoteLine = line }
        strayQuotes += 1
    }

    /// The end of the input: completes a pending record, then reports `.end`.
    private mutating func finish(output: UnsafeMutableBufferPointer<UInt8>,
                                 ends: UnsafeMutableBufferPointer<Int>) -> (Result, Int) {
        switch state {
        case .startRecord:
            atEnd = true
            return (.end, 0)
        case .inQuoted, .escapeInQuoted:
            unterminatedQuote = true
        case .startField, .inField, .quoteInQuoted:
            break
        }
        guard fieldCount < ends.count else { return (.endsFull, 0) }
        ends[fieldCount] = recordLength
        fieldCount += 1
        state = .startRecord
        endedOnCR = false
        return (.record, 0)
    }

    /// Whether ``readRecord(input:output:ends:)`` has reported `.end`.
    public var isAtEnd: Bool { atEnd }
}
