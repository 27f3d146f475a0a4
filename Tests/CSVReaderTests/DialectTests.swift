import Testing
@testable import CSVReader

@Suite struct DialectTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var delimiter: Unicode.Scalar
        var quote: UInt8? = UInt8(ascii: "\"")
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "comma", text: "id,name,amount\n1,Ana,10.5\n2,Luis,3\n3,Eva,7\n", delimiter: ","),
        Case(name: "semicolon with decimal commas", text: "id;name;amount\n1;Ana;10,5\n2;Luis;3,25\n3;Eva;7,00\n", delimiter: ";"),
        Case(name: "tab", text: "id\tname\tamount\n1\tAna, Eva\t10.5\n2\tLuis\t3\n", delimiter: "\t"),
        Case(name: "pipe", text: "id|name|amount\n1|Ana|10.5\n2|Luis|3\n3|Eva|7\n", delimiter: "|"),
        Case(name: "quoted commas inside semicolon file", text: "a;b\n\"x, y\";1\n\"z, w\";2\n\"q, r\";3\n", delimiter: ";"),
        Case(name: "single quotes", text: "id,name\n1,'Smith, John'\n2,'Doe, Jane'\n3,'Roe, Rick'\n", delimiter: ",",
             quote: UInt8(ascii: "'")),
        Case(name: "colon", text: "a:b:c\n1:2:3\n4:5:6\n7:8:9\n", delimiter: ":"),
        Case(name: "space-aligned columns", text: "id   carat  cut\n1    0.23   Ideal\n2    0.21   Premium\n3    0.23   Good\n",
             delimiter: " "),
    ]

    @Test(arguments: cases)
    func detectsDelimiterAndQuote(_ c: Case) throws {
        let file = try CSVFile.open(bytes: Array(c.text.utf8))
        #expect(file.detectedDialect.delimiter == c.delimiter)
        #expect(file.detectedDialect.quote == c.quote)
    }

    @Test func oneColumnFileFallsBackToComma() throws {
        let file = try CSVFile.open(bytes: Array("name\nAna María\nLuis: jefe\nEva; Sr.\n".utf8))
        #expect(file.detectedDialect.delimiter == ",")
    }

    @Test func preambleIsSkippedAndReported() throws {
        let text = "Reporte de cartera\nExportado el 01/02/2024\n\nCliente,Monto,Fecha\nAna,10.50,2024-01-02\nLuis,3.00,2024-01-05\nEva,7.25,2024-01-09\n"
        let file = try CSVFile.open(bytes: Array(text.utf8))
        #expect(file.detectedDialect.preambleRecords == 3)
        #expect(file.detectedDialect.preambleLines == 1...3)
        #expect(file.detectedDialect.tableStartLine == 4)
        #expect(file.openingDiagnostics.map(\.code).contains("CSV-PREAMBLE-SKIPPED"))
        var stream = try file.rowStream()
        let header = try stream.next()
        // Rows are numbered as a spreadsheet shows them: the header below three lines is row 4.
        #expect(header?.number == 4)
        #expect(header?.cells.first?.textValue == "Cliente")
    }

    @Test func excelTitleRowWithTrailingDelimitersIsPreamble() throws {
        let text = "Cuentas por cobrar,,,\nCliente,Factura,Monto,Fecha\nAna,F-1,10.50,2024-01-02\nLuis,F-2,3.00,2024-01-05\nEva,F-3,7.25,2024-01-09\n"
        let file = try CSVFile.open(bytes: Array(text.utf8))
        #expect(file.detectedDialect.preambleRecords == 1)
        #expect(file.detectedDialect.hasHeader)
    }

    @Test func noPreambleWhenTheTableStartsAtTheTop() throws {
        let file = try CSVFile.open(bytes: Array("a,b,c\n1,2,3\n4,5,6\n".utf8))
        #expect(file.detectedDialect.preambleRecords == 0)
        #expect(file.detectedDialect.preambleLines == nil)
    }

    @Test func headerDetection() throws {
        let withHeader = try CSVFile.open(bytes: Array("name,amount\nAna,10\nLuis,20\nEva,30\n".utf8))
        #expect(withHeader.detectedDialect.hasHeader)
        let without = try CSVFile.open(bytes: Array("Ana,10\nLuis,20\nEva,30\n".utf8))
        #expect(!without.detectedDialect.hasHeader)
    }

    @Test func overridesWin() throws {
        let options = try CSVOptions(encodingName: nil, delimiterName: "tab", quoteName: "none", hasHeader: false)
        let file = try CSVFile.open(bytes: Array("a,b\n1,2\n".utf8), options: options)
        #expect(file.detectedDialect.delimiter == "\t")
        #expect(file.detectedDialect.quote == nil)
        #expect(!file.detectedDialect.hasHeader)
        #expect(throws: CSVError.self) { try CSVOptions(encodingName: nil, delimiterName: "ab", quoteName: nil, hasHeader: nil) }
    }

    @Test func lineBreakStyle() {
        #expect(DialectSniffer.lineBreak(Array("a\r\nb\r\n".utf8)) == "CRLF")
        #expect(DialectSniffer.lineBreak(Array("a\rb\r".utf8)) == "CR")
        #expect(DialectSniffer.lineBreak(Array("a\nb\n".utf8)) == "LF")
    }
}
