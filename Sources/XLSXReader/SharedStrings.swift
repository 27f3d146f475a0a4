import XMLStream

/// The shared-string table, stored as one byte buffer plus end offsets (far smaller than an
/// array of `String` for the million-entry tables of big workbooks).
public struct SharedStrings: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []

    public var count: Int { ends.count }

    /// The string at a 0-based index, or `nil` when out of range.
    public func string(at index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[index]]), as: UTF8.self) }
    }
}

/// Reads `sharedStrings.xml`: each `<si>` is plain `<t>` text or rich-text runs (`<r><t>`), whose
/// texts are concatenated; phonetic runs (`<rPh>`) are left out; `_xHHHH_` escapes are decoded.
final class SharedStringsHandler: XMLStreamHandler {
    var table = SharedStrings()
    private var inItem = false, inText = false, phoneticDepth = 0
    private var itemStart = 0

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        switch localName.count {
        case 1 where localName == "t":
            inText = inItem && phoneticDepth == 0
        case 2 where localName == "si":
            inItem = true
            itemStart = table.bytes.count
        case 3 where localName == "rPh":
            phoneticDepth += 1
        case 3 where localName == "sst":
            if let n = attributes.value("uniqueCount").flatMap({ Int($0.string) }), n > 0 {
                table.ends.reserveCapacity(min(n, 4_000_000))
            }
        default:
            break
        }
    }

    func endElement(localName: XMLBytes, namespace: XMLBytes) {
        switch localName.count {
        case 1 where localName == "t":
            inText = false
        case 2 where localName == "si":
            inItem = false
            EscapedText.decode(&table.bytes, from: itemStart)
            table.ends.append(table.bytes.count)
        case 3 where localName == "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        default:
            break
        }
    }

    func characters(_ text: XMLBytes) {
        if inText { table.bytes.append(contentsOf: text.buffer) }
    }
}
