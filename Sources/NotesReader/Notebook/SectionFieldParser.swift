import Foundation

/// Key-value lines under a customer heading: `RIF:`, `Tel:`/`Teléfono:`, `Correo:`/`Email:`,
/// `Dirección:`, `Debe:`/`Saldo:` and their Portuguese and English forms.
enum SectionFieldParser {
    static func parse(_ line: String, lineNumber: Int) -> SectionField? {
        let folded = NotesText.fold(line)
        guard let m = pattern.firstMatch(in: folded) ?? bareLabel.firstMatch(in: folded) ?? bareBalance.firstMatch(in: folded),
              let keyText = m.group(2),
              let labelRange = m.groups[0], let keyRange = m.groups[1] else { return nil }
        let key = NotesText.squeeze(keyText.replacingOccurrences(of: ".", with: ""))
        guard let k = keys[key] else { return nil }
        let value = String(NotesText.suffix(line, folded: folded, from: labelRange.upperBound))
            .trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        let label = String(NotesText.slice(line, folded: folded, keyRange))
        return SectionField(key: k, label: label, value: value, line: lineNumber)
    }

    static let keys: [String: SectionField.Key] = [
        "rif": .taxID, "nit": .taxID, "ruc": .taxID, "rut": .taxID, "cuit": .taxID, "cpf": .taxID,
        "cnpj": .taxID, "rfc": .taxID, "cedula": .taxID, "ci": .taxID, "nif": .taxID, "nie": .taxID, "cif": .taxID, "tax id": .taxID, "cpf/cnpj": .taxID,
        "tel": .phone, "telf": .phone, "telefono": .phone, "telefonos": .phone, "tlf": .phone, "cel": .phone,
        "celular": .phone, "movil": .phone, "whatsapp": .phone, "fone": .phone, "fono": .phone, "telefone": .phone, "phone": .phone,
        "correo": .email, "email": .email, "e-mail": .email, "mail": .email,
        "direccion": .address, "endereco": .address, "address": .address, "dir": .address,
        "ciudad": .city, "cidade": .city, "city": .city,
        "debe": .balance, "saldo": .balance, "deuda": .balance, "balance": .balance, "deve": .balance,
        "divida": .balance, "owes": .balance,
        "contacto": .contact, "contato": .contact, "contact": .contact, "encargado": .contact,
        "vendedor": .salesperson, "vendedora": .salesperson, "salesperson": .salesperson,
    ]

    private static let pattern = Pattern(#"^\s*(?:[-*•]\s*)?(([a-z][a-z./\-]*(?:\s[a-z]+)?)\s*[:=]\s*)\S"#)
    /// A tax ID, phone or email label written without its colon, when the value's shape says what
    /// it is (`RIF J-40876123-8`, `Tel 0414-1234567`, `Correo ana@x.com`): a line of words after
    /// `Debe` may be an entry's, so amounts and the rest need the colon.
    /// `Debe $ 500`, `Saldo Bs. 1.234,56`: a balance label without its colon when the rest of the
    /// line is an amount and nothing else (`Debe 500 desde marzo` may be an entry's words).
    private static let bareBalance = Pattern(
        #"^\s*(?:[-*•]\s*)?((debe|saldo|deuda|deve)\s+)(?=(?:\$|us\$|usd|€|bs\.?\s?[sfd]?\.?|s/\.?|r\$)?\s*\d[\d.,]*\s*(?:\$|usd|€|bs\.?|dolares|bolivares|pesos|soles|reais)?\s*$)"#)
    private static let bareLabel = Pattern(
        #"^\s*(?:[-*•]\s*)?((rif|nit|ruc|rut|cuit|cpf|cnpj|rfc|cedula|ci|tel|telf|telefono|tlf|cel|celular|movil|whatsapp|fone|telefone|correo|email|e-mail|mail)\.?\s+)(?=[+(]?\d|[vejgpc]-?\d|\S+@\S)"#)
}
