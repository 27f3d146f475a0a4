import Foundation

/// Recognizes the lines that open a customer section: `# Name`, `## Name`, `== Name ==`,
/// `Cliente: Name`, an UPPER-CASE line, or a line underlined by `===`/`---` (checked by the parser,
/// which sees the next line).
enum NotebookHeading {
    /// The heading's text, or nil when the line is not a heading by itself. An upper-case line is
    /// a weak heading: inside an open paragraph it is the paragraph's text, shouted.
    static func parse(_ line: String) -> (name: String, strong: Bool)? {
        guard let name = name(line) else { return nil }
        return (name, !isUpperCaseTitle(line.trimmingCharacters(in: .whitespaces)) || line.contains("#") || line.contains("=="))
    }

    private static func name(_ line: String) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("#") {
            let name = t.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : stripMarkup(name)
        }
        if t.hasPrefix("=="), t.count > 4 {
            let name = t.trimmingCharacters(in: CharacterSet(charactersIn: "= "))
            return name.isEmpty ? nil : stripMarkup(name)
        }
        let folded = NotesText.fold(t)
        if let m = customerLabel.firstMatch(in: folded), let r = m.groups[0] {
            let name = String(NotesText.suffix(t, folded: folded, from: r.upperBound)).trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : stripMarkup(name)
        }
        if isUpperCaseTitle(t) { return stripMarkup(t) }
        return nil
    }

    /// `===`, `---`, `***` or `___` alone (Setext underline or a rule).
    static func isUnderline(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.count >= 3, let c = t.first, "=-_*".contains(c) else { return false }
        return t.allSatisfy { $0 == c }
    }

    /// A line written in capitals (`FERRETERÍA EL TORNILLO, C.A.`): at least three letters, no
    /// lower-case letter, and mostly letters, so `RIF: J-123` or `500 USD` are not titles.
    static func isUpperCaseTitle(_ t: String) -> Bool {
        guard t.count <= 80, !t.contains(":") else { return false }
        let letters = t.filter(\.isLetter)
        guard letters.count >= 3, letters.allSatisfy({ !$0.isLowercase }) else { return false }
        let digits = t.filter(\.isNumber).count
        return letters.count > digits * 2
    }

    private static func stripMarkup(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet(charactersIn: "*_`# ")).trimmingCharacters(in: .whitespaces)
    }

    private static let customerLabel = Pattern(#"^(?:[-*•]\s*)?((?:\*\*)?(?:cliente|client|customer|deudor)(?:\*\*)?\s*[:\-–]\s*)"#)
}
