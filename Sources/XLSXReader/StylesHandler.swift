import XMLStream

/// Reads `styles.xml`: custom number formats (`<numFmts>`) and the cell formats (`<cellXfs>`)
/// whose index a cell's `s` attribute names. Only what decides a value's type is kept.
final class StylesHandler: XMLStreamHandler {
    private var customFormats: [Int: String] = [:]
    private var xfFormatIDs: [Int] = []
    private var inCellXfs = false

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        if localName == "numFmt" {
            if let id = attributes.value("numFmtId").flatMap({ Int($0.string) }) {
                customFormats[id] = attributes.value("formatCode")?.string ?? ""
            }
        } else if localName == "cellXfs" {
            inCellXfs = true
        } else if inCellXfs, localName == "xf" {
            xfFormatIDs.append(attributes.value("numFmtId").flatMap { Int($0.string) } ?? 0)
        }
    }

    func endElement(localName: XMLBytes, namespace: XMLBytes) {
        if localName == "cellXfs" { inCellXfs = false }
    }

    func characters(_ text: XMLBytes) {}

    /// What each cell format shows beside its numbers (a currency mark, a zero padding), indexed as
    /// ``formatKinds``; built-in formats show nothing the file names (their `$` is the reading
    /// machine's locale).
    var formatExtras: [NumberFormatExtras?] {
        xfFormatIDs.map { id in customFormats[id].flatMap { NumberFormatExtras(code: $0) } }
    }

    /// The kind of each cell format, indexed by a cell's `s` attribute.
    var formatKinds: [NumberFormatKind] {
        xfFormatIDs.map { id in
            if let code = customFormats[id] { return NumberFormatKind.classify(code) }
            return NumberFormatKind.builtIn(id)
        }
    }
}
