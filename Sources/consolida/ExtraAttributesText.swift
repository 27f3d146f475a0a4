import Reports

/// A record's extra attributes (columns no field took, kept by header) as the one `extra` field of
/// an import file: a JSON object, keys in order, so that a spreadsheet user reads it and a program
/// parses it, and the same record always gives the same bytes.
enum ExtraAttributesText {
    /// `{"Zona":"Norte","Código":"C-7"}`; `nil` when there is nothing to say (`leaving` out keys
    /// the file already has columns for).
    static func json(_ extra: [String: String], leaving: Set<String> = []) -> String? {
        let keys = extra.keys.filter { !leaving.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !keys.isEmpty else { return nil }
        var out = "{"
        for (i, key) in keys.enumerated() {
            if i > 0 { out += "," }
            JSONValue.appendQuoted(key, to: &out)
            out += ":"
            JSONValue.appendQuoted(extra[key] ?? "", to: &out)
        }
        return out + "}"
    }
}
