import Collections
import Foundation
import Receivables
import Reconcile
import Tabular

extension HTMLReport {
    static func summary(_ input: ReportInput, _ h: inout HTMLBuilder) {
        section("summary", "Resumen", &h)
        let acc = input.batch.accounting
        let files = Set(acc.map(\.file)).count
        let read = acc.reduce(0) { $0 + $1.rowsRead }, imported = acc.reduce(0) { $0 + $1.imported }
        let rejected = acc.reduce(0) { $0 + $1.rejected }
        let memberCount = input.result.customers.reduce(0) { $0 + $1.members.count }
        let copies = input.result.invoices.reduce(0) { $0 + $1.sourceCount }
        let errors = input.result.discrepancies.filter { $0.severity == .error }.count
        let warnings = input.result.discrepancies.filter { $0.severity == .warning }.count
        h.open("div", ["class": "cards"])
        card(HTMLFormat.integer(files), "archivos leídos", &h)
        card(HTMLFormat.integer(read), "filas leídas", &h)
        card(HTMLFormat.integer(imported), "filas importadas", &h, tone: "ok")
        card(HTMLFormat.integer(rejected), "filas rechazadas (con motivo)", &h, tone: rejected > 0 ? "warn" : nil)
        card("\(HTMLFormat.integer(memberCount)) → \(HTMLFormat.integer(input.result.customers.count))",
             "registros de cliente → clientes", &h)
        card("\(HTMLFormat.integer(copies)) → \(HTMLFormat.integer(input.result.invoices.count))",
             "copias de documentos → documentos", &h)
        card(HTMLFormat.integer(errors), "discrepancias graves", &h, tone: errors > 0 ? "bad" : "ok")
        card(HTMLFormat.integer(warnings), "advertencias", &h, tone: warnings > 0 ? "warn" : nil)
        h.close()
        h.open("div", ["class": "cards"])
        for m in input.collections.metrics.currencies {
            card(HTMLFormat.money(m.receivables, m.currency), "saldo por cobrar", &h)
            card(HTMLFormat.money(m.overdue, m.currency), "vencido (\(HTMLFormat.percent(m.overdueShare)))", &h,
                 tone: m.overdue > 0 ? "bad" : "ok")
        }
        h.close()
        let unbalanced = acc.filter { !$0.balances }
        if unbalanced.isEmpty {
            h.element("p", "Cada fila leída quedó importada, rechazada con su motivo u omitida con su causa.",
                      ["class": "ok-text"])
        } else {
            h.element("p", "Atención: en \(unbalanced.count) tabla(s) las filas leídas no cuadran con las "
                      + "importadas, rechazadas y omitidas (ver «Lo importado»).", ["class": "bad-text"])
        }
        h.close("section")
    }

    static func imports(_ input: ReportInput, _ h: inout HTMLBuilder) {
        section("imports", "Lo importado", &h)
        let acc = input.batch.accounting.sorted {
            ($0.file, $0.sheet ?? "", $0.table ?? "") < ($1.file, $1.sheet ?? "", $1.table ?? "")
        }
        h.element("h3", "Filas por fuente")
        let num: Set<Int> = [2, 3, 4, 5, 6, 7, 8]
        table(["Archivo", "Hoja / tabla", "Leídas", "Importadas", "Rechazadas", "En blanco", "Totales", "Encabezados",
               "Otras omitidas", "Cuadra"], numeric: num, &h)
        for a in acc {
            let where_ = [a.sheet, a.table].compactMap { $0 }.joined(separator: " / ")
            row([a.file, where_, String(a.rowsRead), String(a.imported), String(a.rejected), String(a.blank),
                 String(a.totalsSkipped), String(a.headerRows), String(a.otherSkipped), a.balances ? "sí" : "NO"],
                numeric: num, &h)
        }
        endTable(&h)
        if acc.isEmpty { note("No se importó ninguna fuente.", &h) }

        let rejects = RejectsTable.ordered(input)
        h.element("h3", "Motivos de rechazo")
        if input.batch.rejects.isEmpty {
            note("Ninguna fila fue rechazada.", &h)
        } else {
            struct Key: Hashable, Comparable {
                var file: String, sheet: String, code: String
                static func < (a: Key, b: Key) -> Bool { (a.file, a.sheet, a.code) < (b.file, b.sheet, b.code) }
            }
            var groups: [Key: [Reject]] = [:]
            for r in input.batch.rejects {
                groups[Key(file: r.location.file, sheet: r.location.sheet ?? "", code: r.code), default: []].append(r)
            }
            table(["Archivo", "Hoja", "Código", "Filas", "Motivo (ejemplo)", "Primera ubicación"], numeric: [3], &h)
            for key in groups.keys.sorted() {
                let list = (groups[key] ?? []).sorted { a, b in
                    ((a.location.row ?? a.location.line ?? 0), a.reason) < ((b.location.row ?? b.location.line ?? 0), b.reason)
                }
                let first = list.first
                row([key.file, key.sheet, key.code, String(list.count), first?.reason ?? "",
                     first.map { placeText($0.location) } ?? ""], numeric: [3], &h)
            }
            endTable(&h)
            h.element("h3", "Filas rechazadas")
            table(["Archivo", "Hoja", "Celda / fila", "Código", "Motivo", "Texto original"], &h)
            for r in rejects.prefix(maxRejectsShown) {
                let p = HTMLFormat.place(r.location)
                row([p.file, p.sheet, p.cell, r.code, r.reason, r.rawText], &h)
            }
            endTable(&h)
            truncated(min(maxRejectsShown, rejects.count), of: rejects.count, file: RejectsTable.fileName, &h)
        }

        let diagnostics = input.batch.diagnostics.filter { $0.severity >= .warning }
        if !diagnostics.isEmpty {
            h.element("h3", "Avisos de lectura")
            var byCode: [String: [Diagnostic]] = [:]
            for d in diagnostics { byCode[d.severity.rawValue + " " + d.code, default: []].append(d) }
            table(["Código", "Gravedad", "Veces", "Ejemplo"], numeric: [2], &h)
            for key in byCode.keys.sorted() {
                let list = byCode[key] ?? []
                let example = list.map(\.description).min() ?? ""
                let times = list.count + (input.batch.diagnosticsNotListed[list[0].code] ?? 0)
                row([list[0].code, list[0].severity == .error ? "error" : "advertencia", String(times), example],
                    numeric: [2], &h)
            }
            endTable(&h)
        }
        h.close("section")
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String {
        n == 1 ? "1 " + one : "\(n) " + many
    }

    /// `ventas.xlsx › Clientes!C17` style, in Spanish words for rows and lines.
    static func placeText(_ l: SourceLocation) -> String {
        let p = HTMLFormat.place(l)
        return [p.file, p.sheet, p.cell].filter { !$0.isEmpty }.joined(separator: " › ")
    }

    static func consolidation(_ input: ReportInput, _ anchors: CustomerAnchors, _ h: inout HTMLBuilder) {
        section("consolidation", "Consolidación", &h)
        let customers = input.result.customers
        let members = customers.reduce(0) { $0 + $1.members.count }
        let merged = customers.filter { $0.members.count > 1 }.sorted {
            $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.customerID < $1.customerID
        }
        let copies = input.result.invoices.reduce(0) { $0 + $1.sourceCount }
        h.open("p")
        let conflicts = input.result.invoices.filter(\.hasConflict).count
        h.text(plural(members, "registro de cliente", "registros de cliente") + " de todas las fuentes "
               + (members == 1 ? "quedó en " : "se consolidaron en ")
               + plural(customers.count, "cliente", "clientes") + "; "
               + (merged.count == 1 ? "1 cliente reúne" : "\(merged.count) clientes reúnen") + " más de un registro. "
               + plural(copies, "copia de documento", "copias de documentos") + (copies == 1 ? " quedó en " : " quedaron en ")
               + plural(input.result.invoices.count, "documento", "documentos") + ", "
               + (conflicts == 1 ? "1 con datos en conflicto." : "\(conflicts) con datos en conflicto."))
        h.close()
        if !merged.isEmpty {
            h.element("h3", "Clientes formados por varios registros")
            table(["Cliente", "Nombre consolidado", "Registros", "Nombres en las fuentes"], numeric: [2], &h)
            for c in merged.prefix(maxCustomersShown) {
                h.open("tr")
                h.open("td")
                h.element("a", c.customerID, ["href": anchors.anchor(c.customerID).map { "#" + $0 }])
                h.close()
                h.element("td", c.name)
                h.element("td", String(c.members.count), ["class": "num"])
                let names = Array(Set(c.members.compactMap(\.sourceName))).sorted()
                h.element("td", names.joined(separator: " · "))
                h.close()
            }
            endTable(&h)
            truncated(min(maxCustomersShown, merged.count), of: merged.count, file: CustomerMembersTable.fileName, &h)
        }
        h.close("section")
    }
}
