import Testing
import TestSupport
@testable import ZipArchive

/// A gzip member written in pieces reads back as the whole: the pieces' sizes do not matter.
@Suite struct GzipWriterTests {
    @Test(arguments: [0, 1, 100, 70_000, 300_000])
    func writtenInPiecesReadsBackWhole(size: Int) throws {
        var random = SeededRandom(state: UInt64(size))
        // Text-like bytes with runs, so deflate has something to find.
        var data: [UInt8] = []
        for i in 0..<size {
            let byte: UInt64 = i % 97 == 0 ? random.next() : UInt64(0x61 + i % 7)
            data.append(UInt8(truncatingIfNeeded: byte))
        }
        let writer = try GzipWriter(level: 1)
        var at = 0
        while at < data.count {
            let piece = min(data.count - at, Int(random.next() % 40_000) + 1)
            try writer.write(Array(data[at..<(at + piece)]))
            at += piece
        }
        let packed = try writer.finish()
        #expect(Gzip.isCompressed(packed))
        #expect(try Gzip.decompress(packed) == data)
        // The one-call form is the same compressor.
        #expect(try Gzip.decompress(Gzip.compress(data)) == data)
    }
}
