import Collections
import Foundation
import Receivables
import Reconcile
import Tabular

/// `report.html`: one self-contained page for a finance reader (no scripts, no network, no
/// external files; inline CSS and inline SVG charts). Markup is XHTML-compatible so that it can
/// be checked with an XML parser. Sections (by `id`): `summary`, `imports`, `consolidation`,
/// `overrides`, `discrepancies`, `aging`, `worklist`, `metrics`, `customers`.
///
/// Long lists are capped (the CSV files have everything) so a book of millions of documents still
/// gives a page a browser can open; each cap says how many rows were left out.
public enum HTMLReport {
    public static let fileName = "report.html"
    public static let sectionIDs = ["summary", "imports", "consolidation", "overrides", "discrepancies", "aging",
                                    "worklist", "metrics", "customers"]

    /// Row limits per list.
    static let maxRejectsShown = 200
    static let maxDiscrepanciesPerKind = 100
    static let maxWorklistShown = 200
    static let maxCustomersShown = 2000
    static let topDebtors = 10

    public static func render(_ input: ReportInput) -> String {
        var h = HTMLBuilder()
        let anchors = CustomerAnchors(input.result.customers.map(\.customerID))
        h.trusted("<!DOCTYPE html>\n")
        h.open("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "es", "xml:lang": "es"])
        h.open("head")
        h.void("meta", ["charset": "utf-8"])
        h.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        h.element("title", "Consolida — cuentas por cobrar al \(input.asOf.iso)")
        h.open("style")
        h.trusted(styleSheet)
        h.close()
        h.close()  // head
        h.open("body")
        h.open("header")
        h.element("h1", "Cuentas por cobrar consolidadas")
        h.open("p", ["class": "lead"])
        h.text("Fecha de corte: \(input.asOf.iso). Cifras exactas por moneda; nunca se suman monedas distintas.")
        h.close()
        h.open("nav")
        let titles = ["Resumen", "Lo importado", "Consolidación", "Decisiones manuales", "Discrepancias", "Antigüedad",
                      "Gestión de cobro", "Indicadores", "Clientes"]
        for (id, title) in zip(sectionIDs, titles) { h.element("a", title, ["href": "#" + id]) }
        h.close()
        h.close()  // header
        h.open("main")
        summary(input, &h)
        imports(input, &h)
        consolidation(input, anchors, &h)
        overrides(input, anchors, &h)
        discrepancies(input, anchors, &h)
        aging(input, &h)
        worklist(input, anchors, &h)
        metrics(input, &h)
        customers(input, anchors, &h)
        h.close()  // main
        h.open("footer")
        h.text("Generado por Consolida. Los archivos CSV de esta carpeta contienen todas las filas; "
               + "este informe resume y limita las listas largas.")
        h.close()
        return h.finish()
    }

    // MARK: helpers shared by the sections

    static func section(_ id: String, _ title: String, _ h: inout HTMLBuilder) {
        h.open("section", ["id": id])
        h.element("h2", title)
    }

    static func table(_ headers: [String], numeric: Set<Int> = [], _ h: inout HTMLBuilder) {
        h.open("table")
        h.open("thead")
        h.open("tr")
        for (i, title) in headers.enumerated() { h.element("th", title, ["class": numeric.contains(i) ? "num" : nil]) }
        h.close()
        h.close()
        h.open("tbody")
    }

    static func endTable(_ h: inout HTMLBuilder) {
        h.close("tbody")
        h.close("table")
    }

    static func row(_ cells: [String], numeric: Set<Int> = [], _ h: inout HTMLBuilder) {
        h.open("tr")
        for (i, c) in cells.enumerated() { h.element("td", c, ["class": numeric.contains(i) ? "num" : nil]) }
        h.close()
    }

    static func note(_ text: String, _ h: inout HTMLBuilder) {
        h.element("p", text, ["class": "note"])
    }

    static func truncated(_ shown: Int, of total: Int, file: String, _ h: inout HTMLBuilder) {
        guard total > shown else { return }
        note("Se muestran \(shown) de \(total); la lista completa está en \(file).", &h)
    }

    static func card(_ value: String, _ label: String, _ h: inout HTMLBuilder, tone: String? = nil) {
        h.open("div", ["class": tone.map { "card " + $0 } ?? "card"])
        h.element("div", value, ["class": "value"])
        h.element("div", label, ["class": "label"])
        h.close()
    }

    static let styleSheet = """

        :root { --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --soft: #f4f6f9; --accent: #1f5fa8;
                --bad: #b3261e; --warn: #9a6700; --ok: #1e7a3c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
               background: #fff; }
        header { background: var(--soft); border-bottom: 1px solid var(--line); padding: 20px 32px 12px; }
        h1 { margin: 0 0 4px; font-size: 24px; }
        h2 { font-size: 19px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 15px; margin: 20px 0 8px; }
        h4 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .04em; }
        h4.error { color: var(--bad); } h4.warning { color: var(--warn); } h4.info { color: var(--muted); }
        .lead { margin: 0 0 10px; color: var(--muted); }
        nav a { display: inline-block; margin: 0 14px 4px 0; color: var(--accent); text-decoration: none;
                font-weight: 600; }
        main { padding: 8px 32px 32px; max-width: 1400px; }
        section { margin-top: 28px; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: var(--soft); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 8px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 170px; }
        .card .value { font-size: 20px; font-weight: 700; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card.bad .value { color: var(--bad); }
        .card.warn .value { color: var(--warn); }
        .card.ok .value { color: var(--ok); }
        .note { color: var(--muted); font-size: 12px; }
        .sev { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11px; font-weight: 700;
               color: #fff; }
        .sev.error { background: var(--bad); } .sev.warning { background: var(--warn); }
        .sev.info { background: var(--muted); }
        td { overflow-wrap: break-word; }
        svg { max-width: 100%; height: auto; }
        .disc { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 8px 0; overflow-x: auto; }
        .disc table { margin: 6px 0; }
        .disc th { width: 130px; }
        .chosen { background: #e6f4ea; font-weight: 600; }
        .why { color: var(--muted); margin: 2px 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 24px; }
        .chart { flex: 1 1 520px; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
        .ok-text { color: var(--ok); } .bad-text { color: var(--bad); font-weight: 600; }
        .member-list { margin: 4px 0 14px; }
        .customer { border-top: 1px solid var(--line); padding-top: 6px; }
        .customer:target { background: #fff8d6; }
        ul.plain { list-style: none; margin: 0; padding: 0; }
        footer { color: var(--muted); font-size: 12px; padding: 16px 32px; border-top: 1px solid var(--line); }

        """
}

/// HTML ids for customers: `cliente-` + the ID with anything but letters, digits, `-` and `_`
/// replaced, made unique with a numeric suffix when two IDs clean up the same way.
struct CustomerAnchors {
    private var ids: [String: String] = [:]

    init(_ customerIDs: [String]) {
        var used: Set<String> = []
        for id in customerIDs.sorted() where ids[id] == nil {
            let clean = String(id.unicodeScalars.map { s -> Character in
                (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || s == "-" || s == "_"
                    ? Character(s) : "_"
            })
            var anchor = "cliente-" + clean, n = 2
            while used.contains(anchor) { anchor = "cliente-\(clean)-\(n)"; n += 1 }
            used.insert(anchor)
            ids[id] = anchor
        }
    }

    func anchor(_ customerID: String) -> String? { ids[customerID] }
}
