import Foundation
import Testing
import TestSupport
import ZipArchive
@testable import Store

/// ``StreamingJSONEncoder`` writes what `JSONDecoder` reads back into the same values, whatever
/// the shape: each case is decoded and compared with the value, and with `JSONEncoder`'s bytes.
@Suite struct StreamingJSONEncoderTests {
    struct Empty: Codable, Equatable {}

    struct Leaf: Codable, Equatable {
        var text: String
        var amount: Decimal
        var ratio: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var present: Int?
    }

    struct Tree: Codable, Equatable {
        var leaves: [Leaf]
        var nested: [[Int]]
        var byName: [String: Leaf]
        var byNumber: [Int: String]
        var empty: Empty
        var emptyList: [String]
        var when: Date
        var bytes: Data
        var link: URL
        var optionals: [Int?]
    }

    /// A value written with a nested container and a super encoder, as hand-written conformances may.
    struct Handwritten: Codable, Equatable {
        var a: Int, b: [String], c: String
        enum Keys: String, CodingKey { case a, inner, c }
        enum Inner: String, CodingKey { case b }

        init(a: Int, b: [String], c: String) { self.a = a; self.b = b; self.c = c }

        func encode(to encoder: any Encoder) throws {
            var top = encoder.container(keyedBy: Keys.self)
            try top.encode(a, forKey: .a)
            var inner = top.nestedContainer(keyedBy: Inner.self, forKey: .inner)
            var list = inner.nestedUnkeyedContainer(forKey: .b)
            for s in b { try list.encode(s) }
            var single = top.superEncoder().singleValueContainer()
            try single.encode(c)
        }

        init(from decoder: any Decoder) throws {
            let top = try decoder.container(keyedBy: Keys.self)
            a = try top.decode(Int.self, forKey: .a)
            b = try top.nestedContainer(keyedBy: Inner.self, forKey: .inner).decode([String].self, forKey: .b)
            c = try top.superDecoder().singleValueContainer().decode(String.self)
        }
    }

    func roundTrip<T: Codable & Equatable>(_ value: T) throws {
        let bytes = try StreamingJSONEncoder.encode(value)
        // Valid JSON to any reader, not only to JSONDecoder.
        _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        #expect(try JSONDecoder().decode(T.self, from: Data(bytes)) == value)
    }

    static let leaf = Leaf(text: "Ferretería \"O'Brien\"\\ C.A.\n\t\r\u{1}\u{1F}€ 😀", amount: Decimal(string: "-1234567.89")!,
                           ratio: 0.1, count: -42, flag: true, missing: nil, present: 7)

    @Test func writesEveryKindOfValueSoItReadsBack() throws {
        try roundTrip(Self.leaf)
        try roundTrip(Empty())
        try roundTrip([Self.leaf, Self.leaf])
        let tree = Tree(leaves: [Self.leaf], nested: [[], [1, 2], [Int.min, Int.max]],
                        byName: ["b": Self.leaf, "a": Self.leaf, "ñ": Self.leaf], byNumber: [3: "three", -1: "minus"],
                        empty: Empty(), emptyList: [], when: Date(timeIntervalSinceReferenceDate: 752_025_600.125),
                        bytes: Data([0, 1, 2, 255]), link: URL(string: "https://example.com/a?b=c")!,
                        optionals: [1, nil, 3])
        try roundTrip(tree)
        try roundTrip(Handwritten(a: 1, b: ["x", "y"], c: "z"))
        try roundTrip("just a string")
        try roundTrip(Decimal(string: "0.000001")!)
        try roundTrip([Decimal(string: "99999999999999999999999999999999999999")!, Decimal(0), Decimal(string: "-0.5")!])
    }

    @Test func decodesToWhatJSONEncoderWouldHaveWritten() throws {
        let tree = Tree(leaves: [Self.leaf], nested: [[1]], byName: ["x": Self.leaf], byNumber: [1: "one"],
                        empty: Empty(), emptyList: [], when: Date(timeIntervalSinceReferenceDate: 1.5),
                        bytes: Data("hola".utf8), link: URL(fileURLWithPath: "/tmp/a b.csv"), optionals: [nil])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let back = try JSONDecoder().decode(Tree.self, from: Data(StreamingJSONEncoder.encode(tree)))
        #expect(try encoder.encode(back) == encoder.encode(tree))
    }

    @Test func aDictionaryIsWrittenInKeyOrder() throws {
        let names = (0..<200).map { "clave-\($0)" }
        let dictionary = Dictionary(uniqueKeysWithValues: names.map { ($0, 1) })
        let text = String(decoding: try StreamingJSONEncoder.encode(dictionary), as: UTF8.self)
        let expected = "{" + names.sorted().map { "\"\($0)\":1" }.joined(separator: ",") + "}"
        #expect(text == expected)
    }

    @Test func everyStringReadsBackAsWritten() throws {
        // Random text from every plane, controls and quotes included (a property: any string).
        var random = SeededRandom(state: 2024)
        for _ in 0..<300 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 40) {
                let pick = random.next() % 4
                let value: UInt32 = pick == 0 ? UInt32(random.next() % 0x80)
                    : pick == 1 ? UInt32(random.next() % 0x800) : pick == 2 ? 0x22 + UInt32(random.next() % 0x3B)
                    : 0x10000 + UInt32(random.next() % 0x1000)
                if let scalar = Unicode.Scalar(value) { s.append(scalar) }
            }
            try roundTrip([String(s)])
        }
    }

    /// Compressed as it is written, a megabyte at a time: several megabytes read back whole.
    @Test func writesGzipAsItGoes() throws {
        let leaves = (0..<30_000).map { i in
            var leaf = Self.leaf
            leaf.count = i; leaf.text = "cliente \(i) " + leaf.text
            return leaf
        }
        let plain = try StreamingJSONEncoder.encode(leaves)
        #expect(plain.count > 3 << 20)
        let packed = try StreamingJSONEncoder.encodeGzipped(leaves)
        #expect(try Gzip.decompress(packed) == plain)
        #expect(try JSONDecoder().decode([Leaf].self, from: Data(Gzip.decompress(packed))) == leaves)
    }

    @Test func refusesNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode(Double.infinity) }
    }

}
