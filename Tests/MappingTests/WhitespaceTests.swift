import Testing
@testable import Mapping

/// `collapsingWhitespace` returns a clean text as it is without splitting it; that shortcut must
/// give what splitting gives, for every whitespace Unicode knows.
struct WhitespaceTests {
    /// Every White_Space scalar (what `Character.isWhitespace` tells apart), and a few that are not.
    static let spaces: [Unicode.Scalar] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2003,
                                           0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000].compactMap(Unicode.Scalar.init)
    static let others: [Unicode.Scalar] = [0x1C, 0x200B, 0xE1, 0x2010, 0x3001, 0xC0].compactMap(Unicode.Scalar.init)

    static func bySplitting(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func everyWhitespaceIsCollapsed() {
        for space in Self.spaces {
            for text in ["Ana\(space)Pérez", "\(space)Ana", "Ana\(space)", "Ana \(space)Pérez", "\(space)"] {
                #expect(text.collapsingWhitespace == Self.bySplitting(text), "U+\(String(space.value, radix: 16))")
            }
        }
    }

    @Test func otherCharactersAreKept() {
        for other in Self.others {
            let text = "Ana\(other)Pérez"
            #expect(text.collapsingWhitespace == text)
            #expect(text.collapsingWhitespace == Self.bySplitting(text))
        }
        #expect("  Distribuidora   Ñandú  C.A. ".collapsingWhitespace == "Distribuidora Ñandú C.A.")
    }
}
