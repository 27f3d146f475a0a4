import Testing
import Tabular

/// ``Swift/String/trimmingWhitespace`` decides most texts from their first and last bytes: it
/// trims what trimming Character by Character trims.
struct TrimmingTests {
    private static func trimmedByCharacters(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    @Test func trimsWhatCharactersTrim() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{2003}", "\u{85}", "a", "Z", "é", "e\u{301}",
                      " \u{301}", "\u{301}", "\u{1}", "5", "\u{600}5", "€", ".", "-", "\u{7F}", "ñ", "😀", "\u{200D}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.trimmingWhitespace == Self.trimmedByCharacters(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
