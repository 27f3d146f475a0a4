import Receivables
import Reconcile

extension HTMLReport {
    /// Records shown per selector; a `name:` or `tax_id:` selector may pick many.
    static let maxOverrideRecordsShown = 10

    /// Every entry of `overrides.yaml` and what it did: decisions a person forced on the data are
    /// shown beside it, the ones that selected nothing or were overruled included.
    static func overrides(_ input: ReportInput, _ anchors: CustomerAnchors, _ h: inout HTMLBuilder) {
        section("overrides", "Decisiones manuales", &h)
        let list = input.result.overrides
        guard !list.isEmpty else {
            note("Ninguna decisión manual (overrides.yaml) en esta ejecución.", &h)
            h.close("section")
            return
        }
        let applied = list.filter { $0.status == .applied }.count
        h.element("p", plural(list.count, "decisión de overrides.yaml", "decisiones de overrides.yaml") + ": "
                  + "\(applied) aplicada(s), \(list.filter { $0.status == .unmatched }.count) sin efecto, "
                  + "\(list.filter { $0.status == .overruled }.count) no aplicada(s).")
        table(["Decisión", "Selector", "Registros seleccionados", "Clientes", "Resultado"], &h)
        for o in list {
            h.open("tr")
            h.element("td", overrideTitle(o))
            cellList(o.selectors, &h)
            cellList(o.records.map(recordList), &h)
            h.open("td")
            h.open("ul", ["class": "plain"])
            for ids in o.customerIDs {
                h.open("li")
                if ids.isEmpty { h.text("—") }
                for (k, id) in ids.enumerated() {
                    if k > 0 { h.text(", ") }
                    h.element("a", id, ["href": anchors.anchor(id).map { "#" + $0 }])
                }
                h.close()
            }
            h.close("ul")
            h.close()
            h.element("td", overrideResult(o), ["class": o.status == .applied ? nil : "bad-text"])
            h.close()
        }
        endTable(&h)
        h.close("section")
    }

    /// A table cell holding one line per selector.
    static func cellList(_ lines: [String], _ h: inout HTMLBuilder) {
        h.open("td")
        h.open("ul", ["class": "plain"])
        for line in lines { h.element("li", line.isEmpty ? "—" : line) }
        h.close("ul")
        h.close()
    }

    static func recordList(_ records: [RecordID]) -> String {
        let shown = records.prefix(maxOverrideRecordsShown).map(\.rawValue).joined(separator: ", ")
        let more = records.count - maxOverrideRecordsShown
        return more > 0 ? shown + " y \(more) más" : shown
    }

    /// `Unir (must_link) n.º 2`, as a person finds the entry in the file.
    static func overrideTitle(_ o: OverrideOutcome) -> String {
        switch o.kind {
        case .mustLink: return "Unir (must_link) n.º \(o.position)"
        case .cannotLink: return "Separar (cannot_link) n.º \(o.position)"
        case .field: return "Valor (fields) n.º \(o.position): \(o.field ?? "") = «\(o.value ?? "")»"
        }
    }

    /// What the entry did, in a sentence.
    static func overrideResult(_ o: OverrideOutcome) -> String {
        switch (o.kind, o.status) {
        case (_, .unmatched):
            return "Sin efecto: un selector no selecciona ningún registro (override_unmatched)."
        case (.mustLink, .applied): return "Aplicada: los registros forman un solo cliente."
        case (.mustLink, .overruled):
            return "No aplicada: una decisión de separar (cannot_link) la contradice y prevalece (override_conflict)."
        case (.cannotLink, .applied): return "Aplicada: ningún cliente reúne registros de los dos lados."
        case (.cannotLink, .overruled): return "No aplicada: los dos lados seleccionan el mismo registro."
        case (.field, .applied): return "Aplicada: \(o.field ?? "") del cliente es «\(o.value ?? "")»."
        case (.field, .overruled):
            return "Reemplazada: una decisión posterior fija otro valor de \(o.field ?? "") para el mismo cliente."
        }
    }
}
