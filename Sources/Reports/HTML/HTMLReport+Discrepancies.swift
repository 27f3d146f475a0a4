import Reconcile
import Tabular

extension HTMLReport {
    /// Discrepancies grouped by kind (most severe kinds first), then by severity; each one shows
    /// its competing values side by side with file, sheet and cell, and the value chosen and why.
    static func discrepancies(_ input: ReportInput, _ anchors: CustomerAnchors, _ h: inout HTMLBuilder) {
        section("discrepancies", "Discrepancias", &h)
        let all = DiscrepanciesTable.ordered(input)
        guard !all.isEmpty else {
            note("No se encontraron discrepancias entre las fuentes.", &h)
            h.close("section")
            return
        }
        var byKind: [String: [Discrepancy]] = [:]
        for d in all { byKind[d.kind, default: []].append(d) }
        let kinds = byKind.keys.sorted { a, b in
            let sa = byKind[a]?.map(\.severity).max() ?? .info, sb = byKind[b]?.map(\.severity).max() ?? .info
            return sa != sb ? sa > sb : a < b
        }
        // Overview table: kind × severity counts.
        table(["Tipo", "Errores", "Advertencias", "Información"], numeric: [1, 2, 3], &h)
        for kind in kinds {
            let list = byKind[kind] ?? []
            h.open("tr")
            h.open("td")
            h.element("a", HTMLFormat.kind(kind), ["href": "#disc-" + kindAnchor(kind)])
            h.close()
            for s in [Discrepancy.Severity.error, .warning, .info] {
                h.element("td", String(list.filter { $0.severity == s }.count), ["class": "num"])
            }
            h.close()
        }
        endTable(&h)

        for kind in kinds {
            let list = byKind[kind] ?? []
            h.open("div", ["id": "disc-" + kindAnchor(kind)])
            h.element("h3", "\(HTMLFormat.kind(kind)) (\(list.count))")
            for severity in [Discrepancy.Severity.error, .warning, .info] {
                let group = list.filter { $0.severity == severity }
                guard !group.isEmpty else { continue }
                h.element("h4", "\(HTMLFormat.severityPlural(severity)) (\(group.count))",
                          ["class": "sev-title " + severity.rawValue])
                for d in group.prefix(maxDiscrepanciesPerKind) { discrepancy(d, anchors, &h) }
                truncated(min(maxDiscrepanciesPerKind, group.count), of: group.count,
                          file: DiscrepanciesTable.fileName, &h)
            }
            h.close("div")
        }
        h.close("section")
    }

    static func discrepancy(_ d: Discrepancy, _ anchors: CustomerAnchors, _ h: inout HTMLBuilder) {
        h.open("div", ["class": "disc", "id": "d-" + kindAnchor(d.id)])
        h.open("p")
        h.element("span", HTMLFormat.severity(d.severity), ["class": "sev " + d.severity.rawValue])
        h.text(" ")
        h.text(d.entity == "customer" ? "Cliente " : d.entity == "invoice" ? "Documento " :
               d.entity == "payment" ? "Pago " : d.entity + " ")
        if d.entity == "customer", let anchor = anchors.anchor(d.entityID) {
            h.element("a", d.entityID, ["href": "#" + anchor])
        } else {
            h.element("strong", d.entityID)
        }
        if !d.field.isEmpty { h.text(" · campo «\(d.field)»") }
        h.text(" · \(d.id)")
        h.close()
        if !d.values.isEmpty {
            // One column per distinct value (copies of the same value from several rows are
            // grouped, so ten identical tax IDs and one different one read as two columns).
            var order: [String] = [], places: [String: [Discrepancy.CompetingValue]] = [:]
            for v in d.values {
                if places[v.value] == nil { order.append(v.value) }
                places[v.value, default: []].append(v)
            }
            let isChosen = order.map { d.chosen != nil && $0 == d.chosen }
            func distinct(_ items: [String], cap: Int = 6) -> String {
                var seen: [String] = []
                for i in items where !i.isEmpty && !seen.contains(i) { seen.append(i) }
                let shown = seen.prefix(cap).joined(separator: ", ")
                return seen.count > cap ? shown + " y \(seen.count - cap) más" : shown
            }
            h.open("table")
            h.open("tbody")
            func line(_ title: String, _ cells: [String]) {
                h.open("tr")
                h.element("th", title)
                for (i, c) in cells.enumerated() { h.element("td", c, ["class": isChosen[i] ? "chosen" : nil]) }
                h.close()
            }
            let groups = order.map { places[$0] ?? [] }
            line("Valor", order)
            if groups.contains(where: { $0.count > 1 }) { line("Veces", groups.map { String($0.count) }) }
            line("Archivo", groups.map { distinct($0.map { HTMLFormat.place($0.provenance.location).file }) })
            line("Hoja", groups.map { distinct($0.map { HTMLFormat.place($0.provenance.location).sheet }) })
            line("Celda / línea", groups.map { distinct($0.map { HTMLFormat.place($0.provenance.location).cell }) })
            if d.values.contains(where: { $0.provenance.sourceLabel != nil }) {
                line("Fuente", groups.map { distinct($0.map { $0.provenance.sourceLabel ?? "" }) })
            }
            h.close("table")
        }
        h.open("p", ["class": "why"])
        if let chosen = d.chosen {
            h.text("Valor elegido: ")
            h.element("strong", chosen)
            h.text(" — por \(HTMLFormat.rule(d.rule)). ")
        } else {
            h.text("Sin valor elegido: requiere revisión. ")
        }
        h.text(d.message)
        h.close()
        h.close("div")
    }

    /// Letters, digits and `-` only, so the text can be part of an id and a fragment link.
    static func kindAnchor(_ text: String) -> String {
        String(text.unicodeScalars.map { s -> Character in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))) || s == "-" ? Character(s) : "-"
        })
    }
}
