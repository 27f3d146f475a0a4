/// Recovers from stray text between the XML declaration and the root element
/// (`<?xml …?>foo<worksheet …>`), which some writers and hand-edited parts contain and which
/// libxml2 treats as fatal ("Start tag expected"). Lenient readers (calamine) skip such text; so
/// do we, with a warning rather than losing the whole part.
///
/// The filter looks only at the prolog: from the start of the document (an optional UTF-8 BOM,
/// then `<`) up to the root element's first name character. There it replaces every byte of
/// character data that is not whitespace with a space, keeping newlines, so libxml2 sees a
/// well-formed prolog and reports any later error at the same line and byte as before. Markup is
/// never changed: the XML declaration, processing instructions and comments pass as they are.
/// Anything it does not understand stops it and is handed to libxml2 untouched: a document not
/// starting with `<` (UTF-16, UCS-4, EBCDIC, leading whitespace), a DOCTYPE or CDATA section, or
/// more stray text than ``maxStray`` (so a part that is not XML at all is still reported
/// malformed). It adds no markup, so libxml2's safety options are unaffected.
struct XMLPrologFilter {
    private enum State {
        /// At the start; `bom` bytes of the UTF-8 BOM `EF BB BF` matched so far.
        case start(bom: Int)
        /// Between markup in the prolog, where only whitespace belongs.
        case text
        /// Just after `<`.
        case open
        /// Inside `<? … ?>`; whether the last byte was `?`.
        case instruction(question: Bool)
        /// After `<!` and after `<!-`.
        case bang, bangDash
        /// Inside `<!-- … -->`; how many `-` just preceded.
        case comment(dashes: Int)
        /// The root element has started, or the filter gave up: everything passes untouched.
        case done
    }

    /// Beyond this many stray bytes the part is not taken for XML with a stray word in it.
    static let maxStray = 4096
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var state = State.start(bom: 0)
    private var line = 1
    /// The line of the first stray byte, and the stray bytes (whitespace runs kept, up to 64).
    private(set) var strayLine = 0
    private(set) var stray: [UInt8] = []
    private(set) var strayCount = 0
    /// Whether the filter stopped because there was too much stray text.
    private(set) var gaveUp = false

    var isDone: Bool { if case .done = state { return true } else { return false } }

    /// Scans `input` from the start. Returns how many bytes belong to the prolog (the rest starts
    /// the root element, or follows after the filter stopped), and, when some of them were stray
    /// text, those bytes with the stray ones blanked. `nil` means the prolog bytes pass as they are.
    mutating func filter(_ input: UnsafeRawBufferPointer) -> (prolog: Int, blanked: [UInt8]?) {
        var out: [UInt8]?
        var i = 0
        while i < input.count {
            let b = input[i]
            var isStray = false
            switch state {
            case .done:
                return (i, out)
            case .start(let bom):
                if bom < 3, b == Self.bom[bom] { state = .start(bom: bom + 1) }
                else if b == UInt8(ascii: "<"), bom == 0 || bom == 3 { state = .open }
                else { state = .done; return (i, out) }
            case .text:
                switch b {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    if strayCount > 0, strayCount < Self.maxStray, stray.count < 64 { stray.append(b) }
                case UInt8(ascii: "<"): state = .open
                default:
                    if strayCount >= Self.maxStray { gaveUp = true; state = .done; return (i, out) }
                    isStray = true
                }
            case .open:
                switch b {
                case UInt8(ascii: "?"): state = .instruction(question: false)
                case UInt8(ascii: "!"): state = .bang
                // The root element's name (or something libxml2 will judge): hand over.
                default: state = .done; return (i, out)
                }
            case .instruction(let question):
                state = question && b == UInt8(ascii: ">") ? .text : .instruction(question: b == UInt8(ascii: "?"))
            case .bang:
                if b == UInt8(ascii: "-") { state = .bangDash } else { state = .done; return (i, out) }
            case .bangDash:
                if b == UInt8(ascii: "-") { state = .comment(dashes: 0) } else { state = .done; return (i, out) }
            case .comment(let dashes):
                if b == UInt8(ascii: ">"), dashes >= 2 { state = .text }
                else { state = .comment(dashes: b == UInt8(ascii: "-") ? min(dashes + 1, 2) : 0) }
            }
            if b == UInt8(ascii: "\n") { line += 1 }
            if isStray {
                if strayCount == 0 { strayLine = line }
                strayCount += 1
                if stray.count < 64 { stray.append(b) }
                if out == nil { out = Array(UnsafeRawBufferPointer(rebasing: input[0..<i])) }
                out?.append(UInt8(ascii: " "))
            } else {
                out?.append(b)
            }
            i += 1
        }
        return (i, out)
    }

    /// The stray text for messages: whitespace at its ends trimmed, invalid UTF-8 replaced.
    var strayText: String {
        let text = String(decoding: stray, as: UTF8.self)
        return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
