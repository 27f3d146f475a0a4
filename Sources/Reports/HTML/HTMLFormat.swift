import Foundation
import Receivables
import Reconcile
import Tabular

/// How the report writes numbers and names things for a Spanish-speaking finance reader.
///
/// Amounts keep `.` as the decimal mark (like every output file) and group thousands with a
/// narrow no-break space, which reads the same to `1.234,50` and `1,234.50` readers.
enum HTMLFormat {
    static func amount(_ value: Decimal, _ currency: Currency?) -> String {
        let plain = Money.plainText(value, minimumScale: currency?.minorUnits ?? 2)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = Array(parts[0])
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped += "\u{202F}" }
            grouped.append(ch)
        }
        if parts.count > 1 { grouped += "." + parts[1] }
        return (negative ? "−" : "") + grouped
    }

    static func money(_ value: Decimal, _ currency: Currency?) -> String {
        amount(value, currency) + " " + (currency?.code ?? "(sin moneda)")
    }

    static func integer(_ n: Int) -> String { amount(Decimal(n), nil).replacingOccurrences(of: ".00", with: "") }

    /// `0.4123` → `41.2 %`.
    static func percent(_ ratio: Decimal?) -> String {
        guard let ratio else { return "—" }
        var value = ratio * 100, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 1, .bankers)
        return Money.plainText(rounded, minimumScale: 1) + " %"
    }

    static func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

    static func kind(_ kind: String) -> String {
        switch kind {
        case "customer_field_conflict": return "Dato de cliente en conflicto"
        case "invoice_amount_conflict": return "Monto de documento distinto entre fuentes"
        case "invoice_field_conflict": return "Dato de documento en conflicto"
        case "balance_mismatch": return "Saldo que no cuadra"
        case "overpayment": return "Pago en exceso"
        case "duplicate_document": return "Documento duplicado"
        case "unknown_invoice_payment": return "Pago a un documento desconocido"
        case "ambiguous_payment": return "Pago a un documento de varios clientes"
        case "unassigned_payment": return "Pago sin cliente ni documento"
        case "payment_not_reflected": return "Pago no reflejado en el saldo"
        case "duplicate_payment": return "Pago listado dos veces"
        case "credit_note_as_payment": return "Nota de crédito anotada como pago"
        case "duplicate_promise": return "Promesa anotada dos veces"
        case "possible_duplicate_document": return "Posible documento numerado de dos formas"
        case "unapplied_payment": return "Pago de un cliente sin documento"
        case "payment_currency_mismatch": return "Pago en otra moneda que el documento"
        case "invoice_from_description": return "Documento tomado de la descripción del pago"
        case "invalid_tax_id": return "Identificación fiscal inválida"
        case "two_tax_ids": return "Cliente con dos identificaciones fiscales"
        case "shared_tax_id": return "Identificación fiscal compartida"
        case "cluster_split": return "Grupo de clientes separado"
        case "ambiguous_match": return "Registro que coincide con dos clientes"
        case "tax_id_numbers_differ": return "Clientes separados por su identificación fiscal"
        case "uncertain_match": return "Unión dudosa de registros, por confirmar"
        case "document_under_several_customers": return "Documento bajo varios clientes"
        case "large_cluster": return "Grupo de clientes muy grande"
        case "override_conflict": return "Decisiones manuales en conflicto"
        case "override_unmatched": return "Decisión manual sin registros"
        case "payment_for_other_customer": return "Pago a un documento de otro cliente"
        case "stated_balance_mismatch": return "Deuda anotada distinta de la de los documentos"
        case "unknown_customer": return "Documento de un cliente no importado"
        default: return kind.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func severity(_ s: Discrepancy.Severity) -> String {
        switch s {
        case .error: return "Error"
        case .warning: return "Advertencia"
        case .info: return "Información"
        }
    }

    static func severityPlural(_ s: Discrepancy.Severity) -> String {
        switch s {
        case .error: return "Errores"
        case .warning: return "Advertencias"
        case .info: return "Información"
        }
    }

    static func rule(_ rule: String?) -> String {
        guard let rule, !rule.isEmpty else { return "sin regla" }
        let words: String
        switch rule {
        case "source_priority": words = "la fuente de mayor prioridad"
        case "most_recent": words = "el dato más reciente"
        case "most_complete": words = "el dato más completo"
        case "most_frequent": words = "el valor más frecuente"
        case "override": words = "decisión manual (overrides.yaml)"
        case "only_value": words = "único valor disponible"
        case "valid_tax_id": words = "la identificación fiscal válida"
        case "recorded_name": words = "el nombre de una hoja o exportación, no el de un chat o cuaderno"
        default: return rule
        }
        return words + " (" + rule + ")"
    }

    static func place(_ location: SourceLocation?) -> (file: String, sheet: String, cell: String) {
        guard let l = location else { return ("", "", "") }
        var cell = ""
        if let c = l.cell { cell = c.a1 } else if let row = l.row { cell = "fila \(row)" }
        if let line = l.line { cell += cell.isEmpty ? "línea \(line)" : " (línea \(line))" }
        return (l.file, l.sheet ?? "", cell)
    }
}
