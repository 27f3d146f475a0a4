import Foundation
import ZipArchive

/// Encodes a value as JSON bytes written as the value is walked, with no tree in between.
///
/// A run's snapshot holds every record it read and made: about 3.5 KB of JSON per input row.
/// Foundation's `JSONEncoder` first builds a tree of every value and then serializes it; at a
/// hundred thousand rows that took twenty seconds and gigabytes of memory. This writes each value
/// where it is met, so the cost is the bytes themselves.
///
/// What it writes is what `JSONDecoder` reads back into the same values: the special cases of
/// `JSONEncoder`'s default strategies are kept (`Decimal` as a number, `Date` as seconds since
/// 2001, `Data` as Base64, `URL` as its string). Keys come in the order each type encodes them,
/// except a dictionary's, which are sorted (keys and key-value lists alike) so the same value
/// always gives the same bytes.
/// Non-finite floating-point numbers are refused, as `JSONEncoder` refuses them.
///
/// Containers are closed lazily: the `Encoder` protocol never says when a container is finished,
/// so a container's closing bracket is written once the next value of an enclosing container (or
/// the end of the whole value) shows it is finished.
public enum StreamingJSONEncoder {
    /// The JSON of `value`.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = JSONStreamWriter()
        try writer.value(value, level: 0)
        writer.close(deeperThan: 0)
        return writer.bytes
    }

    /// The JSON of `value` as a gzip member (``GzipWriter``, at `level`), compressed a megabyte at
    /// a time as it is written: the JSON is never held whole, however large.
    public static func encodeGzipped<T: Encodable>(_ value: T, level: Int32 = 6) throws -> [UInt8] {
        let gzip = try GzipWriter(level: level)
        let writer = JSONStreamWriter(flushingEvery: 1 << 20) { try gzip.write($0) }
        try writer.value(value, level: 0)
        writer.close(deeperThan: 0)
        try writer.flush()
        return try gzip.finish()
    }
}

/// The bytes written so far and the containers still open.
final class JSONStreamWriter {
    var bytes: [UInt8] = []
    /// The open containers, outermost first: the byte that closes each and whether it has an element.
    private var open: [(close: UInt8, hasElement: Bool)] = []
    /// Where the bytes go once there are `flushSize` of them, if anywhere.
    private let sink: (([UInt8]) throws -> Void)?
    private let flushSize: Int

    init() {
        sink = nil; flushSize = .max
        bytes.reserveCapacity(1 << 16)
    }

    init(flushingEvery size: Int, into sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink; flushSize = size
        bytes.reserveCapacity(size + (64 << 10))
    }

    /// Hands the bytes written so far to the sink.
    func flush() throws {
        guard let sink, !bytes.isEmpty else { return }
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Closes the containers opened below `level` (those of values already finished).
    func close(deeperThan level: Int) {
        while open.count > level { bytes.append(open.removeLast().close) }
    }

    /// Opens a container for the value at `level`, unless that value opened it already (a type may
    /// ask its encoder for the same container twice).
    func openContainer(at level: Int, opening: UInt8, closing: UInt8) {
        close(deeperThan: level + 1)
        if open.count == level + 1 { return }
        bytes.append(opening)
        open.append((closing, false))
    }

    /// Starts the next element of the container at `index` (0 is the outermost): closes what the
    /// element before it left open and writes the separator.
    /// Hands the bytes to the sink once there are enough (called between elements, by the
    /// throwing calls: opening a nested container cannot throw).
    func flushIfFull() throws {
        if bytes.count >= flushSize { try flush() }
    }

    func startElement(inContainer index: Int) {
        close(deeperThan: index + 1)
        if open[index].hasElement { bytes.append(UInt8(ascii: ",")) } else { open[index].hasElement = true }
    }

    /// Starts the element `key` of the keyed container at `index`.
    func startElement(inContainer index: Int, key: String) {
        startElement(inContainer: index)
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Values

    /// Writes any value as the value at `level` (the number of containers around it).
    func value<T: Encodable>(_ value: T, level: Int) throws {
        close(deeperThan: level)
        // Types compared first (a pointer compare each), cast only once known: a dynamic cast of
        // every value to every special type cost more than the writing.
        if T.self == String.self { string(value as! String); return }
        if T.self == Int.self { integer(value as! Int); return }
        if T.self == Bool.self { literal(value as! Bool ? "true" : "false"); return }
        if T.self == Double.self { try double(value as! Double); return }
        if T.self == Decimal.self {
            let v = value as! Decimal
            guard v.isFinite else { throw Self.invalid(v, "a non-finite Decimal") }
            literal(v.description)
            return
        }
        if T.self == Data.self { string((value as! Data).base64EncodedString()); return }
        if T.self == URL.self { string((value as! URL).absoluteString); return }
        if let dictionary = value as? any SortedDictionary {
            try dictionary.encodeSorted(to: self, level: level)
            return
        }
        let start = bytes.count
        try value.encode(to: StreamingEncoder(writer: self, level: level))
        // A value that wrote nothing at all is an empty object, as JSONEncoder makes it.
        if bytes.count == start && open.count == level { literal("{}") }
    }

    func literal(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    func integer<I: BinaryInteger>(_ n: I) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    func double(_ d: Double) throws {
        guard d.isFinite else { throw Self.invalid(d, "a non-finite number") }
        // Integral values without `.0`, as JSONEncoder writes them; else the shortest round-trip text.
        if d == d.rounded(), abs(d) < 1e15 { integer(Int64(d)) } else { literal("\(d)") }
    }

    func string(_ s: String) {
        var s = s
        s.withUTF8 { u in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            for i in u.indices {
                let b = u[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): literal("\\\"")
                case UInt8(ascii: "\\"): literal("\\\\")
                case 0x0A: literal("\\n")
                case 0x0D: literal("\\r")
                case 0x09: literal("\\t")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    literal("\\u00"); bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    static func invalid(_ value: Any, _ what: String) -> EncodingError {
        EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "cannot write \(what) as JSON"))
    }
}

/// A dictionary, written with its keys sorted (a dictionary's own order changes from one process
/// to the next): as an object when its keys are JSON keys (strings, integers, any
/// `CodingKeyRepresentable`), else as a list of key, value, key, value…, as `Dictionary`'s own
/// encoding does.
protocol SortedDictionary {
    func encodeSorted(to writer: JSONStreamWriter, level: Int) throws
}

extension Dictionary: SortedDictionary where Key: Encodable & Comparable, Value: Encodable {
    func encodeSorted(to writer: JSONStreamWriter, level: Int) throws {
        let keyed = Key.self is any CodingKeyRepresentable.Type
        writer.openContainer(at: level, opening: UInt8(ascii: keyed ? "{" : "["), closing: UInt8(ascii: keyed ? "}" : "]"))
        for key in keys.sorted() {
            try writer.flushIfFull()
            if let name = (key as? any CodingKeyRepresentable)?.codingKey.stringValue {
                writer.startElement(inContainer: level, key: name)
            } else {
                writer.startElement(inContainer: level)
                try writer.value(key, level: level + 1)
                writer.startElement(inContainer: level)
            }
            try writer.value(self[key]!, level: level + 1)
        }
    }
}

/// The `Encoder` a value at one level is handed.
struct StreamingEncoder: Encoder {
    let writer: JSONStreamWriter
    let level: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.openContainer(at: level, opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}"))
        return KeyedEncodingContainer(StreamingKeyedContainer<Key>(writer: writer, index: level))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.openContainer(at: level, opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"))
        return StreamingUnkeyedContainer(writer: writer, index: level)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { StreamingSingleValue(writer: writer, level: level) }
}

/// A JSON object, the container at `index` of the writer's open ones.
struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        try writer.flushIfFull()
        writer.startElement(inContainer: index, key: key.stringValue)
        writer.literal("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.flushIfFull()
        writer.startElement(inContainer: index, key: key.stringValue)
        try writer.value(value, level: index + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.startElement(inContainer: index, key: key.stringValue)
        return StreamingEncoder(writer: writer, level: index + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.startElement(inContainer: index, key: key.stringValue)
        return StreamingEncoder(writer: writer, level: index + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.startElement(inContainer: index, key: "super")
        return StreamingEncoder(writer: writer, level: index + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.startElement(inContainer: index, key: key.stringValue)
        return StreamingEncoder(writer: writer, level: index + 1)
    }
}

/// A JSON array, the container at `index` of the writer's open ones.
struct StreamingUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: JSONStreamWriter, index: Int) { self.writer = writer; self.index = index }

    mutating func encodeNil() throws {
        try writer.flushIfFull()
        writer.startElement(inContainer: index); count += 1
        writer.literal("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.flushIfFull()
        writer.startElement(inContainer: index); count += 1
        try writer.value(value, level: index + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.startElement(inContainer: index); count += 1
        return StreamingEncoder(writer: writer, level: index + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.startElement(inContainer: index); count += 1
        return StreamingEncoder(writer: writer, level: index + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.startElement(inContainer: index); count += 1
        return StreamingEncoder(writer: writer, level: index + 1)
    }
}

/// One value written in place of the encoder's own.
struct StreamingSingleValue: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let level: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.close(deeperThan: level); writer.literal("null") }
    mutating func encode(_ value: Bool) throws { try writer.value(value, level: level) }
    mutating func encode(_ value: String) throws { try writer.value(value, level: level) }
    mutating func encode(_ value: Double) throws { writer.close(deeperThan: level); try writer.double(value) }
    mutating func encode(_ value: Float) throws { writer.close(deeperThan: level); try writer.double(Double(value)) }
    mutating func encode(_ value: Int) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: Int8) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: Int16) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: Int32) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: Int64) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: UInt) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { writer.close(deeperThan: level); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.value(value, level: level) }
}
