import Foundation
import Testing
@testable import ZipArchive

@Suite struct ZipArchiveReadTests {
    let hello = Array("hello, workbook".utf8)

    @Test func readsStoredEntryAfterTrailingComment() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "a.txt", data: hello)]
        b.comment = Array("a comment that even contains PK\u{5}\u{6} bytes".utf8)
        let zip = try ZipArchive(path: try temporaryFile(b.build()))
        #expect(zip.entries.map(\.name) == ["a.txt"])
        #expect(try zip.contents(ofEntryNamed: "a.txt") == hello)
    }

    @Test func readsDataDescriptorEntries() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "x.xml", data: hello, dataDescriptor: true), .init(name: "y.xml", data: [1, 2, 3], dataDescriptor: true)]
        let zip = try ZipArchive(path: try temporaryFile(b.build()))
        #expect(zip.entries.allSatisfy { $0.hasDataDescriptor })
        #expect(try zip.contents(ofEntryNamed: "y.xml") == [1, 2, 3])
        #expect(try zip.contents(ofEntryNamed: "x.xml") == hello)
    }

    @Test func readsZip64Records() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "big.xml", data: hello, zip64: true)]
        b.zip64EOCD = true
        let zip = try ZipArchive(path: try temporaryFile(b.build()))
        let e = try #require(zip.entry(named: "big.xml"))
        #expect(e.uncompressedSize == UInt64(hello.count))
        #expect(try zip.contents(of: e) == hello)
    }

    @Test(arguments: ["XL/Worksheets/Sheet1.xml", "xl\\worksheets\\sheet1.xml", "/xl/worksheets/sheet1.xml"])
    func looksUpNamesWithoutCaseOrBackslashes(_ stored: String) throws {
        var b = ZipBuilder()
        b.items = [.init(name: stored, data: hello)]
        let zip = try ZipArchive(path: try temporaryFile(b.build()))
        #expect(zip.entry(named: "xl/worksheets/sheet1.xml")?.name == stored)
        #expect(zip.entry(named: "/XL/WORKSHEETS/SHEET1.XML") != nil)
    }

    @Test func skipsPrependedStub() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "a", data: hello)]
        b.prefix = Array(repeating: 0x50, count: 100)  // not "PK\3\4"…, but starts with P
        b.prefix[1] = 0x4b
        let zip = try ZipArchive(path: try temporaryFile(b.build()))
        #expect(try zip.contents(ofEntryNamed: "a") == hello)
    }

    @Test func rejectsBadChecksum() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "a", data: hello, badCRC: true)]
        let zip = try ZipArchive(path: try temporaryFile(b.build()))
        #expect {
            _ = try zip.contents(ofEntryNamed: "a")
        } throws: { error in
            guard case .checksumMismatch(_, "a", _, _) = error as? ZipError else { return false }
            return true
        }
    }

    /// A pass that only searches an entry may skip its CRC; sizes are still checked.
    @Test func aReaderMaySkipTheChecksum() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "a", data: hello, badCRC: true)]
        let zip = try ZipArchive(path: try temporaryFile(b.build()))
        let reader = try zip.reader(for: try #require(zip.entry(named: "a")), checksCRC: false)
        var read: [UInt8] = []
        while let chunk = try reader.next() { read += chunk }
        #expect(read == hello)
    }

    @Test func rejectsTruncatedArchive() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "a", data: Array(repeating: 7, count: 5000))]
        let bytes = b.build()
        let path = try temporaryFile(Array(bytes.prefix(2000)))
        #expect {
            _ = try ZipArchive(path: path)
        } throws: { error in
            guard case .truncated = error as? ZipError else { return false }
            return true
        }
    }

    @Test func rejectsEntryCutShortInsideTheDirectory() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "a", data: Array(repeating: 7, count: 100))]
        var bytes = b.build()
        // Claim a compressed size bigger than the file: the directory points past the end.
        let cd = bytes.count - 22 - 46 - 1
        bytes[cd + 20] = 0xFF; bytes[cd + 24] = 0xFF; bytes[cd + 21] = 0x7F; bytes[cd + 25] = 0x7F
        let zip = try ZipArchive(path: try temporaryFile(bytes))
        #expect(throws: ZipError.self) { _ = try zip.contents(ofEntryNamed: "a") }
    }

    @Test(arguments: [
        ([UInt8](), "empty"),
        (Array("<?xml version=\"1.0\"?><Workbook/>".utf8), "XML"),
        (Array("id,name\n1,x\n".utf8), "starts with bytes"),
    ])
    func rejectsFilesThatAreNotZips(_ bytes: [UInt8], _ phrase: String) throws {
        let path = try temporaryFile(bytes)
        #expect {
            _ = try ZipArchive(path: path)
        } throws: { error in
            guard case .notAZip(_, let found) = error as? ZipError else { return false }
            return found.contains(phrase) && "\(error)".contains(path)
        }
    }

    @Test(arguments: [
        (["EncryptionInfo", "EncryptedPackage"], CompoundFileKind.encryptedWorkbook),
        (["Workbook", "\u{5}SummaryInformation"], .legacyExcel),
        (["WordDocument"], .unknown),
    ])
    func recognizesCompoundFiles(_ streams: [String], _ kind: CompoundFileKind) throws {
        let path = try temporaryFile(compoundFile(streams: streams), suffix: ".xlsx")
        #expect(throws: ZipError.compoundFile(path: path, kind: kind)) { _ = try ZipArchive(path: path) }
    }

    @Test func enforcesDeclaredSizeLimits() throws {
        var b = ZipBuilder()
        b.items = [.init(name: "a", data: Array(repeating: 0, count: 4096))]
        let path = try temporaryFile(b.build())
        #expect {
            _ = try ZipArchive(path: path, limits: ZipLimits(maxEntrySize: 1024))
        } throws: { error in
            guard case .limitExceeded(_, "a", .entrySize, 4096, 1024) = error as? ZipError else { return false }
            return true
        }
        #expect(throws: ZipError.self) { _ = try ZipArchive(path: path, limits: ZipLimits(maxTotalSize: 100)) }
    }

    @Test func missingFileIsAnIOErrorNamingTheCall() {
        #expect(throws: ZipError.io(path: "/nonexistent/x.xlsx", call: "open", errno: 2)) {
            _ = try ZipArchive(path: "/nonexistent/x.xlsx")
        }
    }
}
