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
            if itemCut { itemCut = false; itemsCut += 1; CellTextLimit.cut(&item) }
            EscapedText.decode(&item)
            table.strings.append(String(decoding: item, as: UTF8.self))
        case 3 where localName == "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        default:
            break
        }
    }

    func characters(_ text: XMLBytes) {
        guard inText else { return }
        let room = CellTextLimit.bytes - item.count
        if text.buffer.count > room { itemCut = true }
        item.append(contentsOf: text.buffer.prefix(max(0, room)))
    }

    /// The current item went past ``CellTextLimit``; how many items did.
    private var itemCut = false
    private(set) var itemsCut = 0
}

/// The most text a cell keeps: Excel holds at most 32,767 characters in a cell, at most four UTF-8
/// bytes each. A hostile workbook's cell of megabytes (a few hundred KB zipped, under any
/// compression-ratio limit) would otherwise be held, parsed and written whole, for minutes.
enum CellTextLimit {
    static let bytes = 32_767 * 4

    /// Drops a character cut in two at the end.
    static func cut(_ bytes: inout [UInt8]) {
        var end = bytes.count
        while end > 0, bytes[end - 1] & 0xC0 == 0x80 { end -= 1 }
        // `end - 1` now starts the last character: kept only if all its bytes are there.
        if end > 0, bytes[end - 1] >= 0xC0 {
            let lead = bytes[end - 1]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if bytes.count - (end - 1) < length { bytes.removeSubrange((end - 1)...) }
        }
    }
}
