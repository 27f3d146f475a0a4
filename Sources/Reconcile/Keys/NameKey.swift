/// The matching keys of one name: folded tokens without legal form, the sorted fingerprint and
/// the legal form kept aside (it is evidence of a company, not part of the name).
public struct NameKey: Hashable, Sendable {
    /// Folded tokens in written order, legal form removed.
    public var tokens: [String]
    /// Sorted, deduplicated tokens joined by a space (OpenRefine fingerprint, minus legal form).
    public var fingerprint: String
    /// Canonical legal forms found at the end (`sa de cv`), in order.
    public var legalForms: [String]

    public init(_ name: String) {
        let (stripped, forms) = LegalForms.strip(TextFolding.tokens(NameKey.uncommaed(name)))
        let tokens = stripped.map { Self.abbreviations[$0] ?? $0 }
        self.tokens = tokens
        self.fingerprint = Array(Set(tokens)).sorted().joined(separator: " ")
        self.legalForms = forms
    }

    public var isEmpty: Bool { tokens.isEmpty }

    /// Words business names abbreviate, folded, and what they stand for: `Ferretería Hnos. García`
    /// is `FERRETERIA HERMANOS GARCIA`, `Farmacia Sta. Ana` is `Farmacia Santa Ana`. Only
    /// abbreviations that mean one word in a name (not `com`, `.com` or `comercial`).
    static let abbreviations: [String: String] = [
        "hnos": "hermanos", "hnas": "hermanas", "hno": "hermano", "sta": "santa", "sto": "santo", "sn": "san",
        "dist": "distribuidora", "distrib": "distribuidora", "distr": "distribuidora", "inv": "inversiones",
        "invs": "inversiones", "ferr": "ferreteria", "ferret": "ferreteria", "farm": "farmacia", "gral": "general",
        "nal": "nacional", "intl": "internacional", "cial": "comercial", "prods": "productos", "prod": "productos",
        "serv": "servicios", "servs": "servicios", "sum": "suministros", "sumin": "suministros", "soc": "sociedad",
        "assoc": "asociados", "asoc": "asociados", "emp": "empresa", "corp": "corporacion",
    ]

    /// `García Pérez, José` → `José García Pérez`: one comma followed by something that is not a
    /// legal form (`Tornillo, C.A.` stays) marks the "surnames, given names" order of ledgers.
    static func uncommaed(_ name: String) -> String {
        // Most names have no comma: skip the (grapheme-by-grapheme) split.
        guard name.utf8.contains(UInt8(ascii: ",")) else { return name }
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return name }
        let tail = TextFolding.tokens(String(parts[1]))
        guard !tail.isEmpty, !LegalForms.isLegalForm(tail) else { return name }
        return String(parts[1]) + " " + String(parts[0])
    }
}

/// OpenRefine's fingerprint keyer, with legal forms removed.
public struct FingerprintKeyer: Keyer {
    public init() {}
    public var name: String { "fingerprint" }
    public func key(_ value: String) -> String { NameKey(value).fingerprint }
}
