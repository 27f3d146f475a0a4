/// Text made safe for XML and XHTML, shared by the HTML report and the XLSX export so that both
/// escape (and replace forbidden characters) the same way.
enum MarkupText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, keeps tab and newline, writes CR as `&#13;` (so it survives
    /// attribute normalization), and replaces characters XML 1.0 forbids (other C0 controls,
    /// U+FFFE, U+FFFF) with U+FFFD.
    static func escape(_ text: String) -> String {
        var s = ""
        s.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&#39;"
            case "\t", "\n": s.unicodeScalars.append(scalar)
            case "\r": s += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                s += "\u{FFFD}"
            default: s.unicodeScalars.append(scalar)
            }
        }
        return s
    }
}
