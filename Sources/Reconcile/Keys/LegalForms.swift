/// Company legal forms of Latin America, Spain and the US, recognized at the end of a folded name
/// (`Ferretería El Tornillo, C.A.` → name `ferreteria el tornillo`, form `ca`).
///
/// A form is stripped only when words remain, so a company literally called "Limitada" keeps its
/// name. Forms are matched on folded tokens, so `S.A.`, `S. A.`, `SA` and `s.a` are one form.
public enum LegalForms {
    /// Canonical form → the token sequences that spell it. Longest sequences are tried first.
    static let spellings: [(canonical: String, tokens: [String])] = {
        let table: [(String, [String])] = [
            ("sa de cv", ["sa de cv", "s a de c v", "sociedad anonima de capital variable"]),
            ("sapi de cv", ["sapi de cv", "s a p i de c v"]),
            ("s de rl de cv", ["s de rl de cv", "s de r l de c v", "srl de cv"]),
            ("s de rl", ["s de rl", "s de r l"]),
            ("sab de cv", ["sab de cv"]),
            ("sc de rl", ["sc de rl"]),
            ("sa", ["sa", "s a", "sociedad anonima"]),
            ("sas", ["sas", "s a s", "sociedad por acciones simplificada"]),
            ("srl", ["srl", "s r l", "sociedad de responsabilidad limitada"]),
            ("ca", ["ca", "c a", "compañia anonima", "compania anonima", "cia anonima"]),
            ("ltda", ["ltda", "limitada", "cia ltda", "y cia ltda", "cia limitada"]),
            ("spa", ["spa", "s p a"]),
            ("eirl", ["eirl", "e i r l", "empresa individual de responsabilidad limitada"]),
            ("sl", ["sl", "s l", "sociedad limitada"]),
            ("slu", ["slu", "s l u"]),
            ("sau", ["sau", "s a u"]),
            ("scs", ["scs", "s en cs", "s en c s"]),
            ("sca", ["sca", "s en c a"]),
            ("sc", ["sc", "s c", "s en c"]),
            ("ac", ["ac", "a c"]),
            ("cia", ["cia", "y cia", "compañia", "compania"]),
            ("inc", ["inc", "incorporated"]),
            ("llc", ["llc", "l l c"]),
            ("ltd", ["ltd", "limited"]),
            ("corp", ["corp", "corporation"]),
            ("me", ["me"]),
            ("epp", ["epp"]),
            ("eireli", ["eireli"]),
            ("sacifi", ["sacifi"]),
            ("saci", ["saci"]),
            ("sac", ["sac", "s a c"]),
            ("saa", ["saa", "s a a"]),
            ("ssa", ["ssa"]),
            ("fp", ["fp", "f p"]),
        ]
        var out: [(String, [String])] = []
        for (canonical, spellings) in table {
            for s in spellings { out.append((canonical, s.split(separator: " ").map(String.init))) }
        }
        return out.sorted { $0.1.count != $1.1.count ? $0.1.count > $1.1.count : $0.1.lexicographicallyPrecedes($1.1) }
    }()

    /// Whether the tokens are exactly one or more legal forms (`["s", "a"]`, `["ltda"]`).
    static func isLegalForm(_ tokens: [String]) -> Bool {
        strip(["x"] + tokens).name == ["x"]
    }

    /// Every word a legal form can end with: most names end with none, and skip the table.
    static let lastWords: Set<String> = Set(spellings.compactMap(\.tokens.last))

    /// Splits folded tokens into the name proper and the legal forms found at its end
    /// (`["tornillo", "s", "a", "de", "c", "v"]` → `(["tornillo"], ["sa de cv"])`).
    public static func strip(_ tokens: [String]) -> (name: [String], forms: [String]) {
        guard let last = tokens.last, lastWords.contains(last) else { return (tokens, []) }
        var name = tokens[...]
        var forms: [String] = []
        var changed = true
        while changed {
            changed = false
            guard let last = name.last, lastWords.contains(last) else { break }
            for (canonical, spelling) in spellings where spelling.count < name.count {
                if name.suffix(spelling.count).elementsEqual(spelling) {
                    name = name.dropLast(spelling.count)
                    forms.insert(canonical, at: 0)
                    changed = true
                    break
                }
            }
        }
        return (Array(name), forms)
    }
}
