import Testing
@testable import CSVReader

@Suite struct EncodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var encoding: TextEncoding
        var bom: Int
        var testDescription: String { name }
    }

    static let text = "Año,Monto\nJosé,1\n"
    static func utf16LE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    static func utf16BE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
    static func utf32LE(_ s: String) -> [UInt8] { s.unicodeScalars.flatMap { v in (0..<4).map { UInt8((v.value >> (8 * $0)) & 0xFF) } } }
    static func utf32BE(_ s: String) -> [UInt8] { utf32LE(s).chunked4Reversed() }
    static func cp1252(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { $0 == "€" ? 0x80 : $0 == "’" ? 0x92 : UInt8(truncatingIfNeeded: $0.value) }
    }

    static let cases: [Case] = [
        Case(name: "UTF-8 without BOM", bytes: Array(text.utf8), encoding: .utf8, bom: 0),
        Case(name: "UTF-8 with BOM", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), encoding: .utf8, bom: 3),
        Case(name: "UTF-16LE BOM", bytes: [0xFF, 0xFE] + utf16LE(text), encoding: .utf16LE, bom: 2),
        Case(name: "UTF-16BE BOM", bytes: [0xFE, 0xFF] + utf16BE(text), encoding: .utf16BE, bom: 2),
        Case(name: "UTF-16LE without BOM", bytes: utf16LE(text), encoding: .utf16LE, bom: 0),
        Case(name: "UTF-16BE without BOM", bytes: utf16BE(text), encoding: .utf16BE, bom: 0),
        Case(name: "UTF-32LE BOM", bytes: [0xFF, 0xFE, 0, 0] + utf32LE(text), encoding: .utf32LE, bom: 4),
        Case(name: "UTF-32BE BOM", bytes: [0, 0, 0xFE, 0xFF] + utf32BE(text), encoding: .utf32BE, bom: 4),
        Case(name: "UTF-32LE without BOM", bytes: utf32LE(text), encoding: .utf32LE, bom: 0),
        Case(name: "UTF-32BE without BOM", bytes: utf32BE(text), encoding: .utf32BE, bom: 0),
        Case(name: "Windows-1252", bytes: cp1252("Año,Monto\nJosé,1 €\n"), encoding: .windows1252, bom: 0),
    ]

    @Test(arguments: cases)
    func detectsAndDecodes(_ c: Case) throws {
        let detected = EncodingDetector.detect(c.bytes)
        #expect(detected.encoding == c.encoding)
        #expect(detected.bomLength == c.bom)
        let file = try CSVFile.open(bytes: c.bytes)
        var stream = try file.rowStream()
        var rows: [[String]] = []
        while let r = try stream.next() { rows.append(r.cells.map(\.displayText)) }
        #expect(rows.first == ["Año", "Monto"])
        #expect(rows.last?.first == "José")
    }

    @Test func cp1252HighRangeIsNotLatin1() throws {
        // 0x80 is € and 0x92 is ’ in Windows-1252; ISO-8859-1 would give C1 controls.
        let file = try CSVFile.open(bytes: [0x80, 0x2C, 0x92, 0x2C, 0xE9, 0x0A, 0x61, 0x2C, 0x62, 0x2C, 0x63, 0x0A])
        var stream = try file.rowStream()
        let row = try stream.next()
        #expect(row?.cells.map(\.displayText) == ["€", "’", "é"])
    }

    @Test func overrideWins() throws {
        let file = try CSVFile.open(bytes: Array("a,b\nc,d\n".utf8), options: CSVOptions(encoding: .iso88591))
        #expect(file.detectedEncoding.encoding == .iso88591)
        #expect(file.detectedEncoding.evidence == "override")
    }

    @Test func surrogatePairsAndSplitUnitsAcrossChunks() throws {
        let text = "😀,b\n"
        let bytes = Self.utf16LE(text)
        for chunk in [1, 3, 5] {
            let records = try parse("", encoding: .utf16LE, bytes: bytes, chunkSizes: [chunk])
            #expect(fields(records) == [["😀", "b"]])
        }
    }

    /// In a Windows-1252 file, a UTF-8 sequence split between two chunks is still read as UTF-8.
    @Test func aUTF8SequenceInCP1252AcrossChunks() throws {
        let bytes: [UInt8] = [0x50, 0x65, 0xF1, 0x61, 0x2C] + Array("Acuña\n".utf8)
        for chunk in [1, 2, 3, 5, 8] {
            let records = try parse("", encoding: .windows1252, bytes: bytes, chunkSizes: [chunk])
            #expect(fields(records) == [["Peña", "Acuña"]], "chunk \(chunk)")
        }
    }

    @Test func unpairedSurrogateBecomesReplacement() throws {
        let records = try parse("", encoding: .utf16LE, bytes: [0x00, 0xD8, 0x61, 0x00, 0x0A, 0x00])
        #expect(fields(records) == [["\u{FFFD}a"]])
    }

    @Test func encodingNames() {
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "latin1") == .iso88591)
        #expect(TextEncoding(name: "utf-16") == .utf16LE)
        #expect(TextEncoding(name: "klingon") == nil)
    }

    @Test func shiftJISAndGB18030AreDetectedAndDecoded() throws {
        // "日本語,テスト" in Shift_JIS and "中文,测试" in GB2312, each line repeated.
        let sjisLine: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x2C, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0A]
        let gbLine: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0x2C, 0xB2, 0xE2, 0xCA, 0xD4, 0x0A]
        for (line, encoding, first) in [(sjisLine, TextEncoding.shiftJIS, ["日本語", "テスト"]), (gbLine, .gb18030, ["中文", "测试"])] {
            let bytes = Array(Array(repeating: line, count: 6).joined())
            #expect(EncodingDetector.detect(bytes).encoding == encoding)
            let records = try parse("", encoding: encoding, bytes: bytes, chunkSizes: [1, 5, 1 << 16])
            #expect(records.first?.fields == first)
            #expect(records.count == 6)
        }
    }

    /// Spanish accented letters written in a row pair up as Cyrillic does: they are still Latin.
    @Test func spanishAccentsInARowAreLatin() {
        let line = "ÁÉÍÓÚáéíóúñÑüÜ Ltda;Teléfono;0414-5550001\n"
        let bytes = Array(repeating: Array(line.unicodeScalars.map { UInt8($0.value) }), count: 20).flatMap { $0 }
        #expect(EncodingDetector.detect(bytes).encoding == .windows1252)
    }

    @Test func cyrillicWindows1251() {
        // "Привет мир, это тест кодировки" in cp1251, repeated.
        let word: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0xEC, 0xE8, 0xF0, 0x0A]
        let bytes = Array(Array(repeating: word, count: 10).joined())
        #expect(EncodingDetector.detect(bytes).encoding == .windows1251)
    }
}

extension Array where Element == UInt8 {
    /// Reverses each group of four bytes (UTF-32LE ↔ UTF-32BE).
    func chunked4Reversed() -> [UInt8] {
        stride(from: 0, to: count, by: 4).flatMap { self[$0..<Swift.min($0 + 4, count)].reversed() }
    }
}
