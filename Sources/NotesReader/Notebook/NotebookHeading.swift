import Foundation

/// Recognizes the lines that open a customer section: `# Name`, `## Name`, `== Name ==`,
/// `Cliente: Name`, an UPPER-CASE line, or a line underlined by `===`/`---` (checked by the parser,
/// which sees the next line).
enum NotebookHeading {
    /// The heading's text, or nil when the line is not a heading by itself. An upper-case line is
    /// a weak heading: inside an open paragraph it is the paragraph's text, shouted.
    static func parse(_ line: String) -> (name: String, strong: Bool)? {
        guard let name = name(line) else { return nil }
        let (title, _) = splitIdentifier(line.trimmingCharacters(in: .whitespaces))
        return (splitIdentifier(name).name, !isUpperCaseTitle(title) || line.contains("#") || line.contains("=="))
    }

    /// The tax ID or phone written at the end of a heading (`FERRETERIA LA LLAVE (J-29654321-6)`,
    /// `COMERCIAL DON PEPE 0241-8234567`), taken off its name: the section's field.
    static func identifier(_ line: String) -> (key: SectionField.Key, value: String)? {
        guard let id = splitIdentifier(line.trimmingCharacters(in: .whitespaces)).identifier else { return nil }
        return (id.first.map { $0 == "+" || $0 == "0" || $0 == "(" } == true ? .phone : .taxID, id)
    }

    /// `(name, identifier)`: the identifier the line ends with, if any, and the rest.
    static func splitIdentifier(_ t: String) -> (name: String, identifier: String?) {
        guard let m = trailingIdentifier.firstMatch(in: t), let whole = m.groups[0], let id = m.group(2) else { return (t, nil) }
        let name = String(t[..<whole.lowerBound])
            .trimmingCharacters(in: CharacterSet(charactersIn: " -–,;:"))
        // A date is no identifier (`COBROS 15/03/2024`).
        guard name.filter(\.isLetter).count >= 3, datePattern.firstMatch(in: id) == nil else { return (t, nil) }
        return (name, id)
    }

    private static let datePattern = Pattern(#"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$"#)

    /// A tax ID (`J-29654321-6`, `V12345678`, `20-12345678-9`) or a phone (`0241-8234567`,
    /// `+58 414 555 1234`) at the end of a line, perhaps in brackets or after `RIF`/`Tel`.
    private static let trailingIdentifier = Pattern(
        #"(\s*[-–,;]?\s*[(\[]?\s*(?:(?:rif|nit|ruc|rut|cuit|ci|tel|telf|tlf|cel)\.?:?\s*)?([+]?(?:\b[JVEGPC][-\s.]?)?\(?\d[\d\s.\-/()]{5,}\d)\s*[)\]]?\s*)$"#)

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
        // A capitals name before its ID or phone; but a label and its value (`CNPJ:
        // 12.345.678/0001-95`) is the section's field, not a heading.
        let split = splitIdentifier(t)
        if !t.contains(":"), split.identifier != nil, isUpperCaseTitle(split.name), SectionFieldParser.parse(t, lineNumber: 0) == nil {
            return stripMarkup(t)
        }
        return nil
    }

    /// Whether a capitals line names a business (`COMERCIAL DON PEPE`, `INVERSIONES 2010 C.A.`):
    /// right under an entry and over a dated line, it opens that business's section rather than
    /// shouting the entry's words (`NO CONTESTA`).
    static func namesABusiness(_ name: String) -> Bool {
        let words = NotesText.fold(name).split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.contains { businessWords.contains($0) }
            || NotesText.fold(name).range(of: #"\b(c\.?\s?a|s\.?\s?a|s\.?\s?r\.?\s?l|s\.?\s?a\.?\s?s|ltda|s\.?\s?l)\.?$"#,
                                          options: .regularExpression) != nil
    }

    static let businessWords: Set<String> = [
        "comercial", "comercializadora", "ferreteria", "inversiones", "distribuidora", "distribuciones", "bodega", "abasto",
        "tienda", "farmacia", "panaderia", "grupo", "corporacion", "industrias", "servicios", "taller", "supermercado",
        "restaurant", "restaurante", "constructora", "construcciones", "agropecuaria", "hermanos", "hnos", "importadora",
        "licoreria", "papeleria", "libreria", "mercantil", "almacen", "almacenes", "transporte", "transportes", "clinica",
        "repuestos", "autopartes", "muebleria", "zapateria", "carniceria", "charcuteria", "frigorifico", "minimarket",
    ]

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
