/// The records of a detection sample parsed with one candidate dialect.
struct SampleRecord {
    var fields: [[UInt8]]
    var line: Int
    var strayQuotes: Int

    var isBlank: Bool { fields.isEmpty }
    /// Cells with something other than spaces.
    var nonEmptyCount: Int { fields.reduce(0) { $0 + ($1.contains { $0 != 32 } ? 1 : 0) } }
}

extension SampleRecord {
    /// Parses a UTF-8 sample. When the sample is a cut of a longer file its last record may be
    /// cut too, so it is dropped (unless it is the only one).
    static func parse(_ sample: [UInt8], dialect: CSVCore.Dialect, isWholeFile: Bool, maxRecords: Int) -> [SampleRecord] {
        var core = CSVCore(dialect: dialect)
        var records: [SampleRecord] = []
        var output = [UInt8](repeating: 0, count: max(sample.count, 16))
        var ends = [Int](repeating: 0, count: 64)
        var position = 0
        var ended = false
        sample.withUnsafeBufferPointer { input in
            while records.count < maxRecords + 1 {
                let rest = UnsafeBufferPointer(rebasing: input[position...])
                let (result, used) = output.withUnsafeMutableBufferPointer { out in
                    ends.withUnsafeMutableBufferPointer { e in core.readRecord(input: rest, output: out, ends: e) }
                }
                position += used
                switch result {
                case .record:
                    var fields: [[UInt8]] = []
                    fields.reserveCapacity(core.fieldCount)
                    var start = 0
                    for k in 0..<core.fieldCount {
                        fields.append(Array(output[start..<ends[k]])); start = ends[k]
                    }
                    records.append(SampleRecord(fields: fields, line: core.recordLine, strayQuotes: core.strayQuotes))
                case .end:
                    ended = true; return
                case .inputEmpty:
                    if rest.isEmpty { ended = true; return }
                case .endsFull:
                    ends += [Int](repeating: 0, count: ends.count)
                case .outputFull:
                    output += [UInt8](repeating: 0, count: output.count)
                }
            }
        }
        if records.count > maxRecords { records.removeLast(records.count - maxRecords) }
        else if !isWholeFile && ended && records.count > 1 { records.removeLast() }
        return records
    }
}
