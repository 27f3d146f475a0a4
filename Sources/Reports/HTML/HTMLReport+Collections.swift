import Collections
import Foundation
import Receivables
import Reconcile

extension HTMLReport {
    static func aging(_ input: ReportInput, _ h: inout HTMLBuilder) {
        section("aging", "Antigüedad de saldos", &h)
        let metrics = input.collections.metrics
        note("Días de atraso = fecha de corte − vencimiento (o emisión si no hay vencimiento). "
             + "Las notas de crédito restan en el tramo de su fecha.", &h)
        guard !metrics.currencies.isEmpty else {
            note("No hay documentos con saldo.", &h)
            h.close("section")
            return
        }
        h.open("div", ["class": "charts"])
        for m in metrics.currencies {
            h.open("div", ["class": "chart"])
            h.element("h3", "Saldo por tramo — \(m.currency?.code ?? "sin moneda")")
            let bars = AgingBucket.allCases.map { b in
                SVGChart.Bar(label: bucketLabel(b), value: m.buckets[b] ?? 0,
                             valueText: HTMLFormat.amount(m.buckets[b] ?? 0, m.currency), href: nil)
            }
            SVGChart.columns(bars, title: "Antigüedad de saldos en \(m.currency?.code ?? "moneda desconocida")", &h)
            h.close("div")
        }
        h.close("div")
        let headers = ["Moneda"] + AgingBucket.allCases.map(bucketLabel) + ["Sin fecha", "Total", "Vencido"]
        let num = Set(1..<headers.count)
        table(headers, numeric: num, &h)
        for m in metrics.currencies {
            row([m.currency?.code ?? "(sin moneda)"]
                + AgingBucket.allCases.map { HTMLFormat.amount(m.buckets[$0] ?? 0, m.currency) }
                + [HTMLFormat.amount(m.undated, m.currency), HTMLFormat.amount(m.receivables, m.currency),
                   HTMLFormat.amount(m.overdue, m.currency)], numeric: num, &h)
        }
        endTable(&h)
        h.close("section")
    }

    static func bucketLabel(_ b: AgingBucket) -> String {
        switch b {
        case .current: return "Por vencer"
        case .over120: return "Más de 120"
        default: return b.rawValue + " días"
        }
    }

    static func worklist(_ input: ReportInput, _ anchors: CustomerAnchors, _ h: inout HTMLBuilder) {
        section("worklist", "Gestión de cobro: a quién llamar primero", &h)
        let list = input.collections.worklist
        guard !list.isEmpty else {
            note("Ningún cliente tiene saldo vencido.", &h)
            h.close("section")
            return
        }
        // Top debtors per currency (by overdue amount), charted.
        var byCurrency: [Currency?: [WorklistEntry]] = [:]
        for w in list { byCurrency[w.currency, default: []].append(w) }
        let currencies = byCurrency.keys.sorted { a, b in
            switch (a, b) {
            case (nil, _): return b != nil
            case (_, nil): return false
            case let (x?, y?): return x < y
            }
        }
        h.open("div", ["class": "charts"])
        for c in currencies {
            let top = (byCurrency[c] ?? []).sorted {
                $0.overdue != $1.overdue ? $0.overdue > $1.overdue : $0.customerID < $1.customerID
            }.prefix(topDebtors)
            h.open("div", ["class": "chart"])
            h.element("h3", "Mayores deudores vencidos — \(c?.code ?? "sin moneda")")
            SVGChart.rows(top.map { w in
                SVGChart.Bar(label: w.name.isEmpty ? w.customerID : w.name, value: w.overdue,
                             valueText: HTMLFormat.money(w.overdue, w.currency),
                             href: anchors.anchor(w.customerID).map { "#" + $0 })
            }, title: "Mayores deudores vencidos en \(c?.code ?? "moneda desconocida")", &h)
            h.close("div")
        }
        h.close("div")
        let num: Set<Int> = [0, 3, 4, 5]
        table(["#", "Cliente", "Teléfonos", "Vencido", "Días", "Puntaje", "Motivo"], numeric: num, &h)
        for w in list.prefix(maxWorklistShown) {
            h.open("tr")
            h.element("td", String(w.rank), ["class": "num"])
            h.open("td")
            h.element("a", w.name.isEmpty ? w.customerID : w.name,
                      ["href": anchors.anchor(w.customerID).map { "#" + $0 }])
            h.close()
            h.element("td", w.phones.joined(separator: ", "))
            h.element("td", HTMLFormat.money(w.overdue, w.currency), ["class": "num"])
            h.element("td", w.maxDaysOverdue.map(String.init) ?? "", ["class": "num"])
            h.element("td", String(w.score.total), ["class": "num"])
            h.element("td", w.reason)
            h.close()
        }
        endTable(&h)
        truncated(min(maxWorklistShown, list.count), of: list.count, file: WorklistTable.fileName, &h)
        h.close("section")
    }

    static func metrics(_ input: ReportInput, _ h: inout HTMLBuilder) {
        section("metrics", "Indicadores", &h)
        let m = input.collections.metrics
        h.open("div", ["class": "cards"])
        card(HTMLFormat.percent(m.contactCoverage),
             "deudores contactados en los últimos \(m.contactCoverageDays) días "
             + "(\(m.customersWithOverdueContacted) de \(m.customersWithOverdue))", &h)
        card(HTMLFormat.percent(m.brokenPromiseRate),
             "promesas incumplidas (\(m.promisesBroken) de \(m.promisesKept + m.promisesBroken) ya resueltas; "
             + "\(m.promisesPending) pendientes)", &h, tone: m.promisesBroken > 0 ? "warn" : nil)
        card(HTMLFormat.integer(m.unworkedCustomers),
             "deudores sin ninguna gestión (\(m.unworkedInvoices) documentos vencidos)", &h,
             tone: m.unworkedCustomers > 0 ? "bad" : "ok")
        h.close()
        let num: Set<Int> = [1, 2, 3, 4, 5, 6]
        table(["Moneda", "Saldo por cobrar", "Vencido", "% vencido", "Ventas \(m.dsoWindowDays) días",
               "DSO (días)", "Vencido sin gestión"], numeric: num, &h)
        for c in m.currencies {
            row([c.currency?.code ?? "(sin moneda)", HTMLFormat.amount(c.receivables, c.currency),
                 HTMLFormat.amount(c.overdue, c.currency), HTMLFormat.percent(c.overdueShare),
                 HTMLFormat.amount(c.creditSales, c.currency),
                 c.dso.map { Money.plainText($0, minimumScale: 1) } ?? "—",
                 HTMLFormat.amount(c.unworkedOverdue, c.currency)], numeric: num, &h)
        }
        endTable(&h)
        note("DSO = saldo por cobrar ÷ ventas a crédito de los últimos \(m.dsoWindowDays) días × "
             + "\(m.dsoWindowDays). Una promesa se cumple si los pagos desde el día en que se hizo alcanzan el "
             + "monto prometido a más tardar en la fecha prometida (más los días de gracia).", &h)
        h.close("section")
    }

    static func customers(_ input: ReportInput, _ anchors: CustomerAnchors, _ h: inout HTMLBuilder) {
        section("customers", "Clientes y sus registros de origen", &h)
        let customers = input.result.customers.sorted { $0.customerID < $1.customerID }
        for c in customers.prefix(maxCustomersShown) {
            let p = input.collections.position(of: c.customerID)
            h.open("div", ["class": "customer", "id": anchors.anchor(c.customerID)])
            h.open("h3")
            h.text("\(c.name) ")
            h.element("small", "· \(c.customerID)")
            h.close()
            var facts: [String] = []
            if let tax = c.taxID { facts.append("Identificación fiscal: \(tax.display)") }
            if !c.phones.isEmpty { facts.append("Tel.: " + c.phones.joined(separator: ", ")) }
            if !c.emails.isEmpty { facts.append("Correo: " + c.emails.joined(separator: ", ")) }
            if let s = c.salesperson { facts.append("Vendedor: \(s)") }
            if let p {
                for cp in p.allCurrencies where cp.openDocuments > 0 || cp.currency == p.mainCurrency {
                    facts.append("Saldo \(HTMLFormat.money(cp.balance, cp.currency)), vencido "
                                 + HTMLFormat.money(cp.overdue, cp.currency))
                }
                if let last = p.lastContactDate { facts.append("Último contacto: \(last.iso)") }
            }
            h.element("p", facts.joined(separator: " · "))
            let decisions = c.decisions.filter { $0.rule != "only_value" }
                .sorted { ($0.field, $0.value) < ($1.field, $1.value) }
            if !decisions.isEmpty {
                h.open("ul", ["class": "decisions"])
                for d in decisions {
                    var text = "\(d.field): «\(d.value)» — \(HTMLFormat.rule(d.rule))"
                    if let from = d.chosenFrom { text += ", tomado de " + placeText(from.location) }
                    h.element("li", text)
                }
                h.close("ul")
            }
            h.open("div", ["class": "member-list", "id": anchors.anchor(c.customerID).map { $0 + "-registros" }])
            table(["Archivo", "Hoja", "Fila / línea", "Nombre en la fuente", "Id. fiscal en la fuente", "Puntaje",
                   "Regla"], numeric: [5], &h)
            let members = c.members.sorted { a, b in
                let la = a.provenance.location, lb = b.provenance.location
                return (la.file, la.sheet ?? "", la.row ?? 0, la.line ?? 0, a.record.rawValue)
                    < (lb.file, lb.sheet ?? "", lb.row ?? 0, lb.line ?? 0, b.record.rawValue)
            }
            for m in members {
                let place = HTMLFormat.place(m.provenance.location)
                row([place.file, place.sheet, place.cell, m.sourceName ?? "", m.sourceTaxID ?? "",
                     OutputCell.ratio(m.matchScore, scale: 2).plainText, m.matchRule], numeric: [5], &h)
            }
            endTable(&h)
            h.close("div")
            h.close("div")
        }
        truncated(min(maxCustomersShown, customers.count), of: customers.count, file: CustomersTable.fileName, &h)
        h.close("section")
    }
}
