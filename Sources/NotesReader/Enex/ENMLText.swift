import Foundation

/// ENML (Evernote's XHTML) to text lines: block elements and `<br/>` end lines, other tags are
/// dropped, and character references and the usual HTML entities are decoded. ENML inside an
/// export is a string, not markup of the export, and often carries `&nbsp;` that a strict XML
/// parser without the DTD rejects, so it is converted here by a small tolerant scanner.
enum ENMLText {
    static func lines(_ enml: String) -> [String] {
        var out = ""
        var i = enml.startIndex
        let blocks: Set<String> = ["div", "p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol",
                                   "table", "blockquote", "pre", "hr", "en-todo"]
        while i < enml.endIndex {
            let c = enml[i]
            if c == "<" {
                guard let close = enml[i...].firstIndex(of: ">") else { break }
                let tag = enml[enml.index(after: i)..<close]
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
                if tag.hasPrefix("!") || tag.hasPrefix("?") {
                    // declarations, DOCTYPE, comments
                } else if name == "br" {
                    out += "\n"
                } else if blocks.contains(name), !out.isEmpty, !out.hasSuffix("\n") {
                    out += "\n"
                }
                i = enml.index(after: close)
            } else if c == "&" {
                if let semi = enml[i...].prefix(12).firstIndex(of: ";") {
                    let entity = String(enml[enml.index(after: i)..<semi])
                    if let decoded = decode(entity) { out += decoded; i = enml.index(after: semi); continue }
                }
                out.append(c); i = enml.index(after: i)
            } else {
                out.append(c == "\n" || c == "\r" ? " " : c); i = enml.index(after: i)
            }
        }
        // The whitespace around the XML declaration and DOCTYPE is not a line of the note.
        var lines = NotesText.lines(out).map { NotesText.squeeze(NotesText.clean($0)) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return Array(lines.drop { $0.isEmpty })
    }

    static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default: break
        }
        if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16),
           let u = Unicode.Scalar(v) { return String(Character(u)) }
        if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) { return String(Character(u)) }
        return nil
    }
}
