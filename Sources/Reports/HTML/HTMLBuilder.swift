/// Builds XHTML-compatible markup that is well formed by construction: every element opened is
/// closed by ``close()`` in stack order, void elements are self-closed, and all text and attribute
/// values go through ``escape(_:)``.
struct HTMLBuilder {
    private(set) var out = ""
    private var stack: [String] = []

    /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces characters XML forbids (C0 controls other
    /// than tab and newlines, lone surrogates cannot occur in Swift strings) with U+FFFD.
    static func escape(_ text: String) -> String {
        MarkupText.escape(text)
    }

    static func attributes(_ attrs: KeyValuePairs<String, String?>) -> String {
        var s = ""
        for (key, value) in attrs {
            guard let value else { continue }
            s += " " + key + "=\"" + escape(value) + "\""
        }
        return s
    }

    mutating func open(_ tag: String, _ attrs: KeyValuePairs<String, String?> = [:]) {
        out += "<" + tag + HTMLBuilder.attributes(attrs) + ">"
        stack.append(tag)
    }

    mutating func close() {
        guard let tag = stack.popLast() else { return }
        out += "</" + tag + ">"
        if ["tr", "p", "li", "h1", "h2", "h3", "section", "table", "div", "ul", "thead", "tbody", "svg",
            "g", "details", "h4", "header", "footer", "nav", "main", "head", "html", "dl"].contains(tag) {
            out += "\n"
        }
    }

    /// Closes every element down to (and including) the innermost `tag`.
    mutating func close(_ tag: String) {
        while let last = stack.last {
            close()
            if last == tag { break }
        }
    }

    /// An element with escaped text content.
    mutating func element(_ tag: String, _ text: String, _ attrs: KeyValuePairs<String, String?> = [:]) {
        out += "<" + tag + HTMLBuilder.attributes(attrs) + ">" + HTMLBuilder.escape(text) + "</" + tag + ">"
    }

    /// A void element (`<meta/>`, `<br/>`, `<rect/>`), self-closed so the page parses as XML.
    mutating func void(_ tag: String, _ attrs: KeyValuePairs<String, String?> = [:]) {
        out += "<" + tag + HTMLBuilder.attributes(attrs) + "/>"
    }

    mutating func text(_ text: String) { out += HTMLBuilder.escape(text) }

    /// Markup Consolida wrote itself (the style sheet, the doctype); never source data.
    mutating func trusted(_ markup: String) { out += markup }

    /// Closes whatever is still open and returns the page.
    mutating func finish() -> String {
        while !stack.isEmpty { close() }
        return out
    }
}
