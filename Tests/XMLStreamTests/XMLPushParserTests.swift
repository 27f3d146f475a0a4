import Testing
import Tabular
@testable import XMLStream

/// Records events as text lines, so tests compare whole traces.
final class Recorder: XMLStreamHandler {
    var events: [String] = []
    var text = ""

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        flush()
        let attrs = attributes.map { "\($0.localName.string)=\($0.value.string)" }.joined(separator: ",")
        events.append("<\(localName.string)|\(namespace.string)|\(attrs)")
    }
    func endElement(localName: XMLBytes, namespace: XMLBytes) {
        flush()
        events.append(">\(localName.string)")
    }
    func characters(_ text: XMLBytes) { self.text += text.string }
    func flush() {
        if !text.isEmpty { events.append("'\(text)'"); text = "" }
    }
}

func parse(_ xml: String, pieceSize: Int = 7) throws -> (Recorder, XMLPushParser) {
    let r = Recorder()
    let p = XMLPushParser(file: "book.xlsx", part: "xl/sheet.xml", handler: r)
    let bytes = Array(xml.utf8)
    var i = 0
    while i < bytes.count {
        let end = min(bytes.count, i + pieceSize)
        try bytes[i..<end].withUnsafeBytes { try p.feed($0) }
        i = end
    }
    try p.finish()
    return (r, p)
}

/// A hostile document is either refused with an `XMLStreamError` or read without `forbidden`
/// appearing in what the handler saw (an entity left unexpanded).
func expectRefusedOrRead(_ xml: String, without forbidden: String) {
    do {
        let (r, _) = try parse(xml)
        #expect(!r.events.joined().contains(forbidden))
    } catch {
        #expect(error is XMLStreamError)
    }
}

@Suite struct XMLPushParserTests {
    @Test(arguments: [1, 7, 4096])
    func deliversNamesNamespacesAttributesAndTextAcrossPieces(_ pieceSize: Int) throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:worksheet xmlns:x="http://main" xmlns:r="http://rel"><x:c r="A1" t="s" r:id="rId1"><x:v>1&amp;2 &#233;</x:v></x:c><t xml:space="preserve">  </t></x:worksheet>
            """
        let (r, _) = try parse(xml, pieceSize: pieceSize)
        #expect(r.events == [
            "<worksheet|http://main|",
            "<c|http://main|r=A1,t=s,id=rId1",
            "<v|http://main|", "'1&2 é'", ">v", ">c",
            "<t||space=preserve", "'  '", ">t",
            ">worksheet",
        ])
    }

    @Test func attributeLookupByLocalName() throws {
        final class Probe: XMLStreamHandler {
            var found: [String] = []
            func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
                found.append(attributes.value("r")?.string ?? "-")
                found.append(attributes.value("id", namespaceSuffix: "/relationships")?.string ?? "-")
                found.append(localName == "c" ? "is-c" : "not-c")
            }
            func endElement(localName: XMLBytes, namespace: XMLBytes) {}
            func characters(_ text: XMLBytes) {}
        }
        let probe = Probe()
        let p = XMLPushParser(file: "f", part: "p", handler: probe)
        let xml = Array(#"<c xmlns:r="http://x/relationships" rr="no" r="B2" r:id="rId9"/>"#.utf8)
        try xml.withUnsafeBytes { try p.feed($0) }
        try p.finish()
        #expect(probe.found == ["B2", "rId9", "is-c"])
    }

    @Test func malformedXMLThrowsWithPartAndLine() {
        #expect {
            _ = try parse("<a>\n<b>\n</a>")
        } throws: { error in
            guard let e = error as? XMLStreamError else { return false }
            return e.part == "xl/sheet.xml" && e.line == 3 && e.file == "book.xlsx" && !e.message.isEmpty
        }
    }

    @Test func unfinishedDocumentIsAnError() {
        #expect(throws: XMLStreamError.self) { _ = try parse("<a><b>text") }
    }

    @Test func entitiesAreNeverExpanded() {
        // A billion-laughs style document: declared entities are not substituted; using one fails.
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <a>&lol2;</a>
            """
        expectRefusedOrRead(xml, without: "lol")
    }

    @Test func externalEntitiesAreNotLoaded() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <a>&xxe;</a>
            """
        expectRefusedOrRead(xml, without: "root:")
    }
}
