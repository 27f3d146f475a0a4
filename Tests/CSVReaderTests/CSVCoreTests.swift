import Testing
@testable import CSVReader

/// One rule of the state machine per case: input text and the records it must yield.
struct CoreCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var expected: [[String]]
    var testDescription: String { name }
}

@Suite struct CSVCoreTests {
    static let cases: [CoreCase] = [
        CoreCase(name: "simple LF", text: "a,b\nc,d\n", expected: [["a", "b"], ["c", "d"]]),
        CoreCase(name: "CRLF", text: "a,b\r\nc,d\r\n", expected: [["a", "b"], ["c", "d"]]),
        CoreCase(name: "lone CR", text: "a,b\rc,d\r", expected: [["a", "b"], ["c", "d"]]),
        CoreCase(name: "missing final newline", text: "a,b\nc,d", expected: [["a", "b"], ["c", "d"]]),
        CoreCase(name: "empty fields", text: ",,\n", expected: [["", "", ""]]),
        CoreCase(name: "trailing delimiter at EOF", text: "a,", expected: [["a", ""]]),
        CoreCase(name: "delimiter in quotes", text: "\"a,b\",c\n", expected: [["a,b", "c"]]),
        CoreCase(name: "newline in quotes", text: "\"a\nb\",c\n", expected: [["a\nb", "c"]]),
        CoreCase(name: "CRLF in quotes kept", text: "\"a\r\nb\",c\r\n", expected: [["a\r\nb", "c"]]),
        CoreCase(name: "doubled quote", text: "\"say \"\"hi\"\"\",x\n", expected: [["say \"hi\"", "x"]]),
        CoreCase(name: "empty quoted field", text: "\"\",x\n", expected: [["", "x"]]),
        CoreCase(name: "stray quote in unquoted field is data", text: "ab\"c,d\n", expected: [["ab\"c", "d"]]),
        CoreCase(name: "text after closing quote is appended", text: "\"ab\"c,d\n", expected: [["abc", "d"]]),
        CoreCase(name: "NUL bytes are data", text: "a\u{0}b,c\n", expected: [["a\u{0}b", "c"]]),
        CoreCase(name: "unterminated quote takes the rest", text: "a,\"bc\nd", expected: [["a", "bc\nd"]]),
        CoreCase(name: "ragged rows kept", text: "a,b,c\nd\ne,f,g,h\n", expected: [["a", "b", "c"], ["d"], ["e", "f", "g", "h"]]),
        CoreCase(name: "blank line is a record without fields", text: "a\n\nb\n", expected: [["a"], [], ["b"]]),
        CoreCase(name: "blank CRLF line", text: "a\r\n\r\nb\r\n", expected: [["a"], [], ["b"]]),
        CoreCase(name: "UTF-8 passes through", text: "José,Müller\n", expected: [["José", "Müller"]]),
    ]

    @Test(arguments: cases)
    func parsesTo(_ c: CoreCase) throws {
        #expect(fields(try parse(c.text)) == c.expected)
    }

    @Test func linesCountLFCRLFAndLoneCR() throws {
        let records = try parse("a\r\nb\rc\nd\n\"e\r\nf\"\ng")
        #expect(records.map(\.line) == [1, 2, 3, 4, 5, 7])
    }

    @Test func strayQuotesAreCounted() throws {
        let records = try parse("ok\nab\"c\n\"x\"y\n")
        #expect(records.map(\.strayQuotes) == [0, 1, 1])
    }

    @Test func unterminatedQuoteIsFlagged() throws {
        let records = try parse("a\n\"b,c\n")
        #expect(records.map(\.unterminated) == [false, true])
        #expect(records.last?.fields == ["b,c\n"])
    }

    @Test func semicolonAndTabDelimiters() throws {
        #expect(fields(try parse("a;b\n", delimiter: ";")) == [["a", "b"]])
        #expect(fields(try parse("a\tb c\n", delimiter: "\t")) == [["a", "b c"]])
    }

    @Test func multiByteDelimiter() throws {
        // `§` is C2 A7 in UTF-8; `ç` (C3 A7) shares its last byte and must stay data.
        #expect(fields(try parse("aç§b§\"c\"§d\n", delimiter: "§")) == [["aç", "b", "c", "d"]])
    }

    @Test func singleQuoteAndNoQuote() throws {
        #expect(fields(try parse("'a,b',c\n", quote: UInt8(ascii: "'"))) == [["a,b", "c"]])
        #expect(fields(try parse("\"a,b\"\n", quote: nil)) == [["\"a", "b\""]])
    }

    @Test func backslashEscapeWhenAsked() throws {
        #expect(fields(try parse("\"a\\\"b\",c\n", escape: UInt8(ascii: "\\"))) == [["a\"b", "c"]])
    }

    @Test func recordByteOffsets() throws {
        let reader = try CSVRecordReader(input: .bytes(Array("ab,c\nd\n".utf8)),
                                         encoding: DetectedEncoding(encoding: .utf8, bomLength: 0, evidence: "test"),
                                         dialect: CSVCore.Dialect())
        var offsets: [Int] = []
        while try reader.next() { offsets.append(reader.byteOffset) }
        #expect(offsets == [0, 5])
    }

    @Test func hugeFieldGrowsTheBuffer() throws {
        let big = String(repeating: "x", count: 200_000)
        #expect(fields(try parse("\(big),y\n", chunkSizes: [4096, 1 << 20])) == [[big, "y"]])
    }
}
