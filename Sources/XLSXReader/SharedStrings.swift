import XMLStream

/// The shared-string table. Strings are built once when the table is read, so a cell that
/// names one only retains it (the hot path of string-heavy sheets makes no string at all).
public struct SharedStrings: Sendable {
    var strings: [String] = []

    public var count: Int { strings.count }

    /// The string at a 0-based index, or `nil` when out of range.
    @inline(__always)
    public func string(at index: Int) -> String? {
        guard index >= 0, index < strings.count else { return nil }
        return strings[index]
    }
}

/// Reads `sharedStrings.xml`: each `<si>` is plain `<t>` text or rich-text runs (`<r><t>`), whose
/// texts are concatenated; phonetic runs (`<rPh>`) are left out; `_xHHHH_` escapes are decoded.
final class SharedStringsHandler: XMLStreamHandler {
    var table = SharedStrings()
    private var inItem = false, inText = false, phoneticDepth = 0
    private var item: [UInt8] = []

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        switch localName.count {
        case 1 where localName == "t":
            inText = inItem && phoneticDepth == 0
        case 2 where localName == "si":
            inItem = true
            item.removeAll(keepingCapacity: true)
        case 3 where localName == "rPh":
            phoneticDepth += 1
        case 3 where localName == "sst":
            if let n = attributes.value("uniqueCount").flatMap({ Int($0.string) }), n > 0 {
                table.strings.reserveCapacity(min(n, 4_000_000))
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
            EscapedText.decode(&item)
            table.strings.append(String(decoding: item, as: UTF8.self))
        case 3 where localName == "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        default:
            break
        }
    }

    func characters(_ text: XMLBytes) {
        if inText { item.append(contentsOf: text.buffer) }
    }
}
