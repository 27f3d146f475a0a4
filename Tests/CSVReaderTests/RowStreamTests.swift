import Testing
import Tabular
@testable import CSVReader

@Suite struct RowStreamTests {
    static func rows(_ text: String, options: CSVOptions = CSVOptions()) throws -> ([Row], [Diagnostic]) {
        let file = try CSVFile.open(bytes: Array(text.utf8), name: "t.csv", options: options)
        var stream = try file.rowStream()
        var rows: [Row] = []
        var diagnostics: [Diagnostic] = []
        while let r = try stream.next() { rows.append(r); diagnostics += stream.drainDiagnostics() }
        return (rows, diagnostics + stream.drainDiagnostics())
    }

    @Test func rowNumbersCountRecordsAndBlankLines() throws {
        let (rows, _) = try Self.rows("a,b\n1,\"x\ny\"\n\n2,z\n")
        #expect(rows.map(\.number) == [1, 2, 4])
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(rows[1].cells == [.text("1"), .text("x\ny")])
    }

    /// Excel's `sep=;` first line names the delimiter and is hidden: not a row, no ragged rows,
    /// rows numbered from the line after it (lines stay physical).
    @Test(arguments: ["sep=;\r\n", "\u{FEFF}sep=;\n", "SEP=;\n"])
    func excelSeparatorLineIsADirective(_ directive: String) throws {
        let file = try CSVFile.open(bytes: Array((directive + "Cliente;Monto\nAlfa;1.000,50\nBeta;2,5\n").utf8), name: "t.csv")
        #expect(file.detectedDialect.delimiter == ";" && file.detectedDialect.directiveLines == 1)
        let (rows, diagnostics) = try Self.rows(directive + "Cliente;Monto\nAlfa;1.000,50\nBeta;2,5\n")
        #expect(rows.map(\.number) == [1, 2, 3] && rows.map(\.line) == [2, 3, 4])
        #expect(rows[1].cells == [.text("Alfa"), .text("1.000,50")])
        #expect(diagnostics.isEmpty)
    }

    /// In UTF-16 too, and after a second byte order mark left in the text.
    @Test func excelSeparatorLineInUTF16() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "\u{FEFF}sep=;\r\nCliente;Monto\r\nAlfa;1.000,50\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let file = try CSVFile.open(bytes: bytes, name: "t.csv")
        #expect(file.detectedDialect.directiveLines == 1)
        var stream = try file.rowStream()
        var rows: [Row] = []
        while let r = try stream.next() { rows.append(r) }
        #expect(rows.map(\.number) == [1, 2] && rows[1].cells == [.text("Alfa"), .text("1.000,50")])
        #expect(stream.drainDiagnostics().isEmpty)
    }

    /// A header that starts with `sep=` is no directive.
    @Test func aHeaderStartingWithSepIsAHeader() throws {
        let (rows, _) = try Self.rows("sep=x,b\n1,2\n")
        #expect(rows.map(\.number) == [1, 2] && rows[0].cells == [.text("sep=x"), .text("b")])
    }

    @Test func emptyFieldsAreEmptyCells() throws {
        let (rows, _) = try Self.rows("a,b,c\n1,,3\n")
        #expect(rows[1].cells == [.text("1"), .empty, .text("3")])
    }

    @Test func raggedRowsAreKeptAndReported() throws {
        let (rows, diagnostics) = try Self.rows("a,b,c\n1,2\n3,4,5,6\n")
        #expect(rows.map(\.cells.count) == [3, 2, 4])
        let ragged = diagnostics.filter { $0.code == "CSV-RAGGED-ROW" }
        #expect(ragged.map { $0.location?.line } == [2, 3])
        #expect(ragged.first?.expected == "3 fields")
        #expect(ragged.first?.found == "2 fields")
    }

    /// Title lines of one field above a table (kept when the preamble is read) set no width: the
    /// table's first row does, and only rows unlike it are ragged.
    @Test func titleLinesSetNoWidth() throws {
        let text = "AGING REPORT\nEmitido: 30/06/2024\nDoc;Monto;Saldo\nF1;1;1\nCliente: Acme;;\nF2;2\n"
        let file = try CSVFile.open(bytes: Array(text.utf8), name: "t.csv", options: CSVOptions(preambleRecords: 0))
        var stream = try file.rowStream()
        var diagnostics: [Diagnostic] = []
        while try stream.next() != nil { diagnostics += stream.drainDiagnostics() }
        let ragged = diagnostics.filter { $0.code == "CSV-RAGGED-ROW" }
        #expect(ragged.map { $0.location?.line } == [6])
        #expect(stream.expectedWidth == 3)
        // A file of one column stays one: nothing is ragged in it.
        let (_, single) = try Self.rows("Cliente\nAcme\nBeta\n")
        #expect(single.isEmpty)
    }

    @Test func strayQuoteIsReportedWithItsLine() throws {
        let (rows, diagnostics) = try Self.rows("a,b\n1,5\" screen\n")
        #expect(rows[1].cells[1] == .text("5\" screen"))
        #expect(diagnostics.map(\.code) == ["CSV-STRAY-QUOTE"])
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.location?.row == 2)
    }

    /// `="000123"` tells a spreadsheet to keep the zeros: read as `000123` when asked (the import
    /// does; `inspect --cells` shows the cell as written), both as cells and as bytes.
    @Test func textFormulasAreUnwrappedWhenAsked() throws {
        let text = "Cliente;Factura;Monto\nA;=\"000123\";=\"1.234,56\"\nB;'000124;1.000,00\nC;=\"a\"b\";5\n"
        var options = CSVOptions()
        options.unwrapsTextFormulas = true
        let (rows, diagnostics) = try Self.rows(text, options: options)
        #expect(rows[1].cells == [.text("A"), .text("000123"), .text("1.234,56")])
        #expect(rows[2].cells[1] == .text("'000124"))
        #expect(rows[3].cells[1] == .text("=\"a\"b\""))
        #expect(diagnostics.map { $0.location?.line } == [4])
        let (raw, _) = try Self.rows(text)
        #expect(raw[1].cells[1] == .text("=\"000123\""))
        let file = try CSVFile.open(bytes: Array(text.utf8), name: "t.csv", options: options)
        var stream = try file.rowStream()
        var textRows = TextRows()
        _ = try stream.next(into: &textRows, limit: 10)
        #expect(textRows.row(1).cells == rows[1].cells)
    }

    @Test func unterminatedQuoteIsReported() throws {
        let (rows, diagnostics) = try Self.rows("a,b\n1,\"open\n2,3\n")
        #expect(rows.count == 2)
        #expect(diagnostics.map(\.code).contains("CSV-UNTERMINATED-QUOTE"))
    }

    @Test func tabularSourceShape() throws {
        let file = try CSVFile.open(bytes: Array("a\n1\n".utf8), name: "x.csv")
        #expect(file.sheets == [SheetInfo(name: nil, index: 0)])
        #expect(try file.mergedRanges(ofSheet: 0).isEmpty)
        var stream = try file.rows(ofSheet: 0)
        #expect(try stream.next()?.number == 1)
    }

    @Test func invalidUTF8AfterACleanSampleIsReported() throws {
        // The sample (first 256 KiB) is clean UTF-8; a Latin-1 "é" appears only at the end.
        var bytes = Array("name,n\n".utf8)
        for i in 0..<30_000 { bytes += Array("row\(i),\(i)\n".utf8) }
        bytes += [0x4A, 0x6F, 0x73, 0xE9, 0x2C, 0x31, 0x0A]  // "Jos\xE9,1"
        let file = try CSVFile.open(bytes: bytes, name: "late.csv")
        #expect(file.detectedEncoding.encoding == .utf8)
        var stream = try file.rowStream()
        var last: Row?
        var diagnostics: [Diagnostic] = []
        while let r = try stream.next() { last = r; diagnostics += stream.drainDiagnostics() }
        // Read as Windows-1252: the row was typed in the old code page.
        #expect(last?.cells.first == .text("José"))
        #expect(diagnostics.map(\.code) == ["CSV-INVALID-UTF8"])
        #expect(diagnostics.first?.location?.column == 1)
        #expect(diagnostics.first?.location?.line == 30_002)
    }

    /// Rows read as bytes (``CSVRowStream/next(into:limit:)``) are the rows `next()` returns, with
    /// the same diagnostics, whatever the number asked for at a time.
    @Test(arguments: [1, 2, 7, 4096])
    func rowsReadAsBytesAreTheRowsNextReturns(limit: Int) throws {
        var late = Array("name,n\n".utf8)
        for i in 0..<30_000 { late += Array("row\(i),\(i)\n".utf8) }
        late += [0x4A, 0x6F, 0x73, 0xE9, 0x2C, 0x31, 0x0A]  // "Jos\xE9,1"
        late += [0x61, 0xC3, 0x2C, 0xA9, 0x62, 0x0A]  // a sequence split by a delimiter: both fields invalid
        late += [0x78, 0xF0, 0x9F, 0x98, 0x2C, 0x32, 0x0A]  // a cut 4-byte sequence, its bytes read as Windows-1252
        let inputs: [[UInt8]] = [
            Array("a,b\n1,\"x\ny\"\n\n2,z\n,,\n".utf8), Array("a,b,c\n1,2\n3,4,5,6\n".utf8),
            Array("a,b\n1,5\" screen\n2,3\n".utf8), Array("a,b\n1,\"open\n2,3\n".utf8), late,
            Array("a,b\nx\u{0}y,1\n\u{FEFF}Otro,2\n\u{FEFF},3\n".utf8),
        ]
        for bytes in inputs {
            let file = try CSVFile.open(bytes: bytes, name: "t.csv")
            var stream = try file.rowStream()
            var expected: [Row] = [], expectedNotes: [Diagnostic] = []
            while let r = try stream.next() { expected.append(r) }
            expectedNotes = stream.drainDiagnostics()
            var text = try file.rowStream()
            var rows = TextRows()
            while try text.next(into: &rows, limit: limit) {}
            #expect((0..<rows.count).map(rows.row) == expected)
            #expect(text.drainDiagnostics() == expectedNotes)
        }
    }

    /// A NUL byte, or the byte-order mark of a second export joined to the first, is no text
    /// anybody wrote: removed from its cell, and said at it.
    @Test func strayMarksAreRemovedAndSaid() throws {
        let bytes = Array("Cliente,Monto\nComercial\u{0}Pérez,1\n\u{FEFF}Otro,2\nSin marcas,3\n".utf8)
        let file = try CSVFile.open(bytes: bytes, name: "joined.csv")
        var stream = try file.rowStream()
        var rows: [Row] = []
        while let r = try stream.next() { rows.append(r) }
        #expect(rows.map(\.cells.first) == [.text("Cliente"), .text("ComercialPérez"), .text("Otro"), .text("Sin marcas")])
        let notes = stream.drainDiagnostics()
        #expect(notes.map(\.code) == ["CSV-STRAY-MARK", "CSV-STRAY-MARK"])
        #expect(notes.map { $0.location?.row } == [2, 3] && notes.allSatisfy { $0.location?.column == 1 })
    }

    @Test func aCutSequenceRepairedToOneCharacterIsReported() throws {
        var bytes = Array("name,n\n".utf8)
        for i in 0..<30_000 { bytes += Array("row\(i),\(i)\n".utf8) }
        bytes += [0x78, 0xF0, 0x9F, 0x98, 0x2C, 0x32, 0x0A]  // "x" and three bytes of a four-byte sequence
        let file = try CSVFile.open(bytes: bytes, name: "cut.csv")
        var stream = try file.rowStream()
        var diagnostics: [Diagnostic] = []
        while try stream.next() != nil { diagnostics += stream.drainDiagnostics() }
        #expect(diagnostics.map(\.code) == ["CSV-INVALID-UTF8"])
    }

    /// A UTF-8 file with a row typed in Windows-1252 is read as UTF-8, that row's stray bytes as
    /// Windows-1252 and reported; read whole as cp1252 its header would turn to mojibake.
    @Test func aUTF8FileWithACP1252RowReadsBoth() throws {
        let bytes = Array("Código,Razón Social\nC-1,Ferretería Ñaña\n".utf8) + [0x43, 0x2D, 0x32, 0x2C, 0x50, 0x65, 0xF1, 0x61, 0x0A]
            + Array("C-3,Distribuidora Acuña\n".utf8)
        let file = try CSVFile.open(bytes: bytes, name: "mixed.csv")
        #expect(file.detectedEncoding.encoding == .utf8)
        var stream = try file.rowStream()
        var rows: [Row] = []
        while let r = try stream.next() { rows.append(r) }
        #expect(rows.map { $0.cells.last } == [.text("Razón Social"), .text("Ferretería Ñaña"), .text("Peña"), .text("Distribuidora Acuña")])
        let notes = stream.drainDiagnostics()
        #expect(notes.map(\.code) == ["CSV-INVALID-UTF8"] && notes.first?.location?.row == 3 && notes.first?.location?.column == 2)
    }

    /// A Windows-1252 file with a row pasted from a UTF-8 source reads both.
    @Test func aCP1252FileWithAUTF8RowReadsBoth() throws {
        let bytes: [UInt8] = [0x4E, 0x6F, 0x6D, 0x62, 0x72, 0x65, 0x2C, 0x4E, 0xBA, 0x0A]  // "Nombre,Nº"
            + [0x50, 0x65, 0xF1, 0x61, 0x2C, 0x31, 0x0A, 0x4D, 0xE9, 0x6E, 0x64, 0x65, 0x7A, 0x2C, 0x32, 0x0A]  // "Peña,1" "Méndez,2"
            + Array("Acuña,3\n".utf8)
        let file = try CSVFile.open(bytes: bytes, name: "mixed.csv")
        #expect(file.detectedEncoding.encoding == .windows1252)
        var stream = try file.rowStream()
        var names: [CellValue?] = []
        while let r = try stream.next() { names.append(r.cells.first) }
        #expect(names == [.text("Nombre"), .text("Peña"), .text("Méndez"), .text("Acuña")])
    }

    @Test func byteOffsetsInLocations() throws {
        let (_, diagnostics) = try Self.rows("a,b\n1\n")
        #expect(diagnostics.first?.location?.byteOffset == 4)
    }
}
