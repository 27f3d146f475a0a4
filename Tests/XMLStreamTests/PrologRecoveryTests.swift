import Testing
import Tabular
@testable import XMLStream

/// Stray text between the XML declaration and the root element is skipped with a warning; the
/// rest of the document is parsed, and errors elsewhere are still errors.
@Suite struct PrologRecoveryTests {
    static let strayWord = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        foo
        <a><b>1</b>
        </a>
        """

    @Test(arguments: [1, 2, 7, 4096])
    func textBeforeTheRootIsSkippedWithAWarning(_ pieceSize: Int) throws {
        let (r, p) = try parse(Self.strayWord, pieceSize: pieceSize)
        #expect(r.events == ["<a||", "<b||", "'1'", ">b", "'\n'", ">a"])
        let warning = try #require(p.diagnostics.first)
        #expect(p.diagnostics.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.code == "XML-TEXT-BEFORE-ROOT")
        #expect(warning.message == "xl/sheet.xml: text before the root element ignored")
        #expect(warning.location == SourceLocation(file: "book.xlsx", line: 2))
        #expect(warning.found == "foo")
    }

    @Test(arguments: [
        "\u{FEFF}<?xml version=\"1.0\"?>\nstray <!-- note --> more\n<a>x</a>",
        "<!-- c -->stray<?pi data?>\n<a>x</a>",
        "<?xml version=\"1.0\"?>stray<a>x</a>",
    ])
    func afterABOMCommentsAndInstructions(_ xml: String) throws {
        let (r, p) = try parse(xml, pieceSize: 3)
        #expect(r.events == ["<a||", "'x'", ">a"])
        #expect(p.diagnostics.map(\.code) == ["XML-TEXT-BEFORE-ROOT"])
    }

    @Test func aCleanPrologGivesNoWarning() throws {
        let (r, p) = try parse("<?xml version=\"1.0\"?>\n  <!-- c -->\n<a>x</a>", pieceSize: 5)
        #expect(r.events == ["<a||", "'x'", ">a"])
        #expect(p.diagnostics.isEmpty)
    }

    @Test func laterErrorsKeepTheirLine() {
        // Blanking keeps newlines, so libxml2 still reports the bad end tag on line 4.
        #expect {
            _ = try parse("<?xml version=\"1.0\"?>\nfoo\n<a>\n</b>", pieceSize: 4)
        } throws: { error in
            (error as? XMLStreamError)?.line == 4
        }
    }

    @Test(arguments: [
        "stray<a>x</a>",                               // no declaration to recover after
        " <?xml version=\"1.0\"?><a>x</a>",            // a declaration not at the start
        "<?xml version=\"1.0\"?>stray",                // no root element at all
        "<?xml version=\"1.0\"?><a>x</a>trailing",     // text after the root
        "<?xml version=\"1.0\"?><!DOCTYPE a>stray<a>x</a>",  // DOCTYPE: handed to libxml2 as is
    ])
    func otherMalformedDocumentsStillFail(_ xml: String) {
        #expect(throws: XMLStreamError.self) { _ = try parse(xml, pieceSize: 4) }
    }

    @Test func aPartThatIsNotXMLIsNotRecovered() {
        let junk = "<?xml version=\"1.0\"?>" + String(repeating: "not xml at all ", count: 400) + "<a>x</a>"
        #expect(throws: XMLStreamError.self) { _ = try parse(junk, pieceSize: 1000) }
    }

    @Test func entitiesStayUnexpandedAfterRecovery() {
        let xml = """
            <?xml version="1.0"?>
            foo
            <!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <a>&xxe;</a>
            """
        expectRefusedOrRead(xml, without: "root:")
    }
}
