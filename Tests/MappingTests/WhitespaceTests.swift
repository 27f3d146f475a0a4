import Testing
@testable import Mapping

/// `collapsingWhitespace` returns a clean text as it is without splitting it; that shortcut must
/// give what splitting gives, for every whitespace Unicode knows.
struct WhitespaceTests {
    /// Every White_Space scalar (what `Character.isWhitespace` tells apart), and a few that are not.
    static let spaces: [Unicode.Scalar] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2003,
                                           0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000].compactMap(Unicode.Scalar.init)
    // Also characters whose first UTF-8 byte whitespace shares: `º` (C2 BA), `€` (E2 82 AC), U+1681, U+3001.
    static let others: [Unicode.Scalar] = [0x1C, 0x200B, 0xE1, 0x2010, 0x3001, 0xC0, 0xBA, 0xA9, 0x20AC, 0x1681, 0x2030,
                                           0x205E, 0x3002].compactMap(Unicode.Scalar.init)

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

    /// A field's bytes are checked before a `String` is made of them: the same text, invalid
    /// UTF-8 included (repaired, never taken for whitespace).
    @Test func bytesGiveWhatTheTextGives() {
        var fields: [[UInt8]] = [[], [0x20], Array("A-0001".utf8), Array("A 0001".utf8), Array("A  0001".utf8),
                                 Array(" A".utf8), Array("A ".utf8), [0x41, 0xFF, 0x42], [0x41, 0xC2], [0xC2, 0xA0, 0x41],
                                 [0x41, 0xE2, 0x80], [0x41, 0x20, 0xC3, 0xA9]]
        for space in Self.spaces + Self.others { fields.append(Array("Ana\(space)Pérez".utf8)) }
        for field in fields {
            let text = String(decoding: field, as: UTF8.self)
            #expect(field.withUnsafeBufferPointer { String.collapsingWhitespace(bytes: $0) } == text.collapsingWhitespace, "\(field)")
        }
    }
}
