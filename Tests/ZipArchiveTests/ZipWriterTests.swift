import Foundation
import Testing
@testable import ZipArchive

@Suite struct ZipWriterTests {
    @Test func roundTripsDeflatedAndStoredEntries() throws {
        let path = NSTemporaryDirectory() + "consolida-writer-\(UUID().uuidString).zip"
        let big = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251 &* 7) }
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "[Content_Types].xml", contents: Array("<Types/>".utf8))
        try writer.addEntry(named: "stored.bin", contents: [9, 8, 7], compress: false)
        try writer.writeEntry(named: "xl/big.bin") { (sink) throws(ZipError) in
            try sink.write(Array(big[..<100_000]))
            try sink.write(Array(big[100_000...]))
        }
        #expect(!FileManager.default.fileExists(atPath: path), "nothing at the final path before finish()")
        try writer.finish()

        let zip = try ZipArchive(path: path)
        #expect(zip.entries.map(\.name) == ["[Content_Types].xml", "stored.bin", "xl/big.bin"])
        #expect(try zip.contents(ofEntryNamed: "stored.bin") == [9, 8, 7])
        #expect(try zip.contents(ofEntryNamed: "[content_types].xml") == Array("<Types/>".utf8))
        let entry = try #require(zip.entry(named: "xl/big.bin"))
        #expect(entry.method == 8 && entry.compressedSize < entry.uncompressedSize)
        // Streaming never hands out more than the chunk size.
        let reader = try zip.reader(for: entry, chunkSize: 64 << 10)
        var all: [UInt8] = [], chunks = 0
        while let chunk = try reader.next() {
            #expect(chunk.count <= 64 << 10)
            all.append(contentsOf: chunk); chunks += 1
        }
        #expect(all == big)
        #expect(chunks >= 5)
    }

    @Test func sameContentGivesSameBytes() throws {
        func write() throws -> Data {
            let path = NSTemporaryDirectory() + "consolida-writer-\(UUID().uuidString).zip"
            let w = try ZipWriter(path: path)
            try w.addEntry(named: "a.xml", contents: Array("<a>1</a>".utf8))
            try w.finish()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        #expect(try write() == write())
    }

    @Test func compressionRatioGuardStopsBombs() throws {
        let path = NSTemporaryDirectory() + "consolida-bomb-\(UUID().uuidString).zip"
        let w = try ZipWriter(path: path)
        try w.addEntry(named: "zeros", contents: [UInt8](repeating: 0, count: 2 << 20))
        try w.finish()
        let limits = ZipLimits(maxRatio: 50, ratioThreshold: 1 << 20)
        #expect {
            _ = try ZipArchive(path: path, limits: limits)
        } throws: { error in
            guard case .limitExceeded(_, "zeros", .ratio, _, 50) = error as? ZipError else { return false }
            return true
        }
    }
}

@Suite struct GzipTests {
    /// `printf 'hello gzip\n' | gzip -9n | xxd -i`
    static let helloGz: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57,
        0x48, 0xaf, 0xca, 0x2c, 0xe0, 0x02, 0x00, 0x39, 0x7c, 0x63, 0x56, 0x0b, 0x00, 0x00, 0x00,
    ]

    @Test func decompressesGzip() throws {
        #expect(try Gzip.decompress(Self.helloGz) == Array("hello gzip\n".utf8))
    }

    /// What ``Gzip/compress(_:level:)`` writes, ``Gzip/decompress(_:maximumSize:)`` reads back, as a
    /// gzip member (the store keeps run snapshots so).
    @Test(arguments: [0, 1, 11, 70_000, 300_000])
    func compressedDataComesBack(size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        // Half repetitive text, half noise: both kinds of deflate block.
        let data = (0..<size).map { i in i % 2 == 0 ? UInt8(truncatingIfNeeded: i / 7) : UInt8.random(in: 0...255, using: &generator) }
        let packed = try Gzip.compress(data)
        #expect(Gzip.isCompressed(packed))
        #expect(try Gzip.decompress(packed) == data)
    }

    @Test func rejectsTruncatedGzip() {
        #expect(throws: Gzip.Failure.self) { _ = try Gzip.decompress(Array(Self.helloGz.prefix(15))) }
    }
}
