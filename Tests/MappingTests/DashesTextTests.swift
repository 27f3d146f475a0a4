import Testing
@testable import Mapping

/// ``TableImporter/isDashes(_:)`` reads bytes where it can; it must say what the Unicode rule says
/// (dashes `-–—_` among whitespace, at least one).
@Suite struct DashesTextTests {
    static func reference(_ t: String) -> Bool {
        t.contains(where: { !$0.isWhitespace }) && t.allSatisfy({ $0.isWhitespace || "-–—_".contains($0) })
    }

    @Test(arguments: [
        ("-", true), ("---", true), ("  -  ", true), ("_____", true), ("–", true), ("—", true), (" – ", true),
        ("-\u{00A0}-", true), ("\t-\r\n", true), ("\u{2003}—\u{2003}", true), ("- _ –", true),
        ("", false), ("   ", false), ("\u{00A0}", false), ("A-1", false), ("-1", false), ("1-", false),
        ("-‐", false), ("−", false), ("~", false), ("- x", false), ("Ñ", false), ("-é", false), ("é-", false),
        ("\u{1C}-", false), ("=-", false),
    ])
    func asTheUnicodeRuleSays(text: String, dashes: Bool) {
        #expect(TableImporter.isDashes(text) == dashes)
        #expect(Self.reference(text) == dashes)
    }

    @Test func agreesOnEveryShortMix() {
        let pieces = ["-", "_", "–", "—", " ", "\t", "\u{00A0}", "a", "1", "é", "\r\n", "−"]
        var texts = [""]
        for _ in 0..<3 { texts = texts.flatMap { t in pieces.map { t + $0 } } }
        for t in texts { #expect(TableImporter.isDashes(t) == Self.reference(t), "\(t.debugDescription)") }
    }
}
