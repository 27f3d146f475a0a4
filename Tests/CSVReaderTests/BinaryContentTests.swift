import Testing
@testable import CSVReader

/// A file that is no text is refused when opened, with what it looks like; text in any encoding,
/// even with a stray control byte or two, is read.
@Suite struct BinaryContentTests {
    /// Bytes of a fixed pseudo-random sequence (an LCG: the test needs no generator of quality).
    static func noise(_ count: Int, seed: UInt32 = 12345) -> [UInt8] {
        var x = seed
        return (0..<count).map { _ in x = x &* 1_103_515_245 &+ 12345; return UInt8(truncatingIfNeeded: x >> 16) }
    }

    static func refusal(_ bytes: [UInt8]) -> String? {
        do { _ = try CSVFile.open(bytes: bytes, name: "ventas.csv") } catch let CSVError.notText(_, what) { return what } catch {
            return "other error: \(error)"
        }
        return nil
    }

    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04] + noise(200), "zip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + noise(200), "old Excel (.xls)"),
        (Array("%PDF-1.7\n".utf8) + noise(200), "PDF"),
        (noise(4096), "binary content"),
    ] as [([UInt8], String)])
    func notTextIsRefused(bytes: [UInt8], what: String) {
        #expect(Self.refusal(bytes)?.contains(what) == true)
    }

    @Test func textIsRead() {
        let text = "Cliente;Monto\nJosé;1,00\n"
        let latin1 = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        // An export padded with a few NULs and a form feed is still text.
        let padded: [UInt8] = Array(String(repeating: "Acme S.A.;1234,56\n", count: 40).utf8) + [0, 0, 0, 0x0C, 0x1A]
        let samples: [[UInt8]] = [Array(text.utf8), latin1, utf16, padded, []]
        for bytes in samples { #expect(Self.refusal(bytes) == nil) }
    }

    @Test func theErrorNamesTheFile() {
        do { _ = try CSVFile.open(bytes: Self.noise(1000), name: "cartera.csv") } catch {
            #expect("\(error)".hasPrefix("cartera.csv is not a text file: binary content"))
            return
        }
        Issue.record("random bytes were read as text")
    }
}
