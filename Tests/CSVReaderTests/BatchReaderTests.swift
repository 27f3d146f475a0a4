import Testing
@testable import CSVReader

@Suite struct BatchReaderTests {
    /// The batch reader must yield exactly the records the record reader does, across batch borders.
    @Test func batchesMatchTheRecordReader() throws {
        var text = "title only\n\nid,name,note\n"
        for i in 0..<20_000 { text += "\(i),name \(i),\(i % 7 == 0 ? "\"multi\nline\"" : "")\n" }
        let file = try CSVFile.open(bytes: Array(text.utf8))
        #expect(file.detectedDialect.preambleRecords == 2)

        var expected: [([String], Int)] = []
        let reader = try file.records()
        while try reader.next() { expected.append((reader.strings(), reader.line)) }

        var got: [([String], Int)] = []
        var numbers: [Int] = []
        let batches = CSVBatchReader(file: file)
        while let batch = try batches.next() {
            numbers.append(batch.firstRecordNumber)
            batch.withFields { bytes, ends in
                var f = 0
                for r in 0..<batch.count {
                    var fields: [String] = []
                    while f < batch.recordEnds[r] {
                        let start = f == 0 ? 0 : ends[f - 1]
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<ends[f]]), as: UTF8.self))
                        f += 1
                    }
                    got.append((fields, batch.lines[r]))
                }
            }
        }
        #expect(got.count == expected.count)
        #expect(got.map(\.0) == expected.map(\.0))
        #expect(got.map(\.1) == expected.map(\.1))
        #expect(numbers.first == 3)  // the header is the third record of the file
        #expect(numbers.count > 1)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: CSVError.self) { try CSVFile.open(path: "/nonexistent/consolida.csv") }
    }
}
