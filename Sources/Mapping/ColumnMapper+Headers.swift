import Tabular

extension ColumnMapper {
    /// The fields whose values are sums of money.
    static let moneyFields: Set<Field> = [.amount, .paid, .balance, .paymentAmount]

    /// The most words a header naming the whole name has (`Apellidos y Nombres del Cliente`); a longer
    /// text that mentions a name and a surname is a sentence, not a header.
    static let longestNameHeader = 6

    /// ``MappingSettings/customerNouns`` and ``MappingSettings/customerQualifiers`` padded with spaces,
    /// as ``TableFinder/padded`` keeps synonyms.
    static let paddedCustomerNouns = Set(MappingSettings.customerNouns.map { " " + $0 + " " })
    static let paddedQualifiers = Set(MappingSettings.customerQualifiers.map { " " + $0 + " " })

    /// The field a header names, and how surely: its own text first, then with its group
    /// (`Importes (USD) / Pagado`), then the group alone (a vertically merged header). A percentage
    /// (`Pagado %`, `% Cobrado`, `Porcentaje pagado`) is no sum of money, whatever else it says.
    func headerMatch(_ h: ColumnHeader) -> (Field, Double)? {
        let excluded = isPercentage(h) ? Self.moneyFields : []
        let text = TextFolding.fold(h.text)
        if let m = field(named: text, excluding: excluded) { return m }
        // Words written together (`NumeroFactura`, `FechaEmision`, `InvoiceId`).
        if let camel = TextFolding.foldCamelCase(h.text), let m = field(named: camel, excluding: excluded) { return m }
        if let g = h.group {
            let group = TextFolding.fold(g)
            if let m = field(named: group + " " + text, excluding: excluded) { return (m.0, m.1 * 0.95) }
            if let m = field(named: group, excluding: excluded) { return (m.0, m.1 * 0.85) }
        }
        return nil
    }

    /// The field a folded header names: 1 for an exact synonym, 0.8 for synonyms found inside it as
    /// whole words. Of several found, the one that names the value wins, not the longest alone:
    /// - a customer noun only says whose the value is (`Teléfono del cliente`, `Saldo cliente`), and
    ///   with a code or a kind word it is the customer's code or kind (`Cód. Cliente`, `Tipo de
    ///   cliente`), which no field holds;
    /// - a generic amount word gives way to a more specific money word (`Importe cobrado` is paid,
    ///   `Saldo total` the balance);
    /// - a given name and a surname together are the whole name (`Apellidos y Nombres`).
    /// Then the longest synonym wins (`fecha de vencimiento` over `fecha`).
    func field(named folded: String, excluding excluded: Set<Field> = []) -> (Field, Double)? {
        guard !folded.isEmpty, !Self.isExchangeRate(folded) else { return nil }
        if MappingSettings.bareNumberMarks.contains(folded) { return (.documentNumber, MappingSettings.bareNumberMarkScore) }
        if MappingSettings.deliveryDocumentHeaders.contains(folded) { return (.documentNumber, MappingSettings.deliveryDocumentScore) }
        if MappingSettings.abbreviatedDocumentHeaders.contains(folded) { return (.documentNumber, 1) }
        if let field = finder.exact[folded], !excluded.contains(field) { return (field, 1) }
        let text = " " + folded + " "
        // Longest first, as ``TableFinder/padded`` keeps them.
        var found = finder.padded.filter { !excluded.contains($0.0) && text.containsASCII($0.1) }
        guard !found.isEmpty else { return nil }
        let isOwner = { (m: (Field, String)) in m.0 == .customerName && Self.paddedCustomerNouns.contains(m.1) }
        if found.contains(where: isOwner) {
            // (`nro` and `tipo` are also synonyms of the document's number and type: beside a
            // customer noun they are the customer's.)
            if found.allSatisfy({ isOwner($0) || Self.paddedQualifiers.contains($0.1) }),
               MappingSettings.customerQualifiers.contains(where: { TextFolding.containsWords(folded, $0) }) {
                return nil
            }
            if !found.allSatisfy(isOwner) { found.removeAll(where: isOwner) }
        }
        if found.contains(where: { $0.0 != .amount && Self.moneyFields.contains($0.0) }) {
            found.removeAll { $0.0 == .amount }
        }
        let nameFields: Set<Field> = [.customerName, .firstName, .lastName]
        if found.allSatisfy({ nameFields.contains($0.0) }), folded.split(separator: " ").count <= Self.longestNameHeader,
           MappingSettings.givenNameWords.contains(where: { TextFolding.containsWords(folded, $0) }),
           MappingSettings.surnameWords.contains(where: { TextFolding.containsWords(folded, $0) }) {
            return (.customerName, 0.8)
        }
        return found.first.map { ($0.0, 0.8) }
    }

    /// An exchange rate's headers (a CFDI export's `Tipo de Cambio` beside its `Moneda`): no field's,
    /// whatever their words say (`tipo` names a document's type), so the column stays an extra.
    static let exchangeRateHeaders: Set<String> = [
        "tipo de cambio", "tipo cambio", "t c", "tc", "tasa de cambio", "tasa cambio", "tasa", "exchange rate", "fx rate",
        "taxa de cambio", "taxa cambial", "cotizacion", "cotacao", "paridad", "factor de cambio",
    ]

    /// Whether a folded header names an exchange rate: one of ``exchangeRateHeaders``, or one of
    /// them with what it is of (`Tasa BCV`, `Tipo de cambio USD`, `Tasa del día`).
    static func isExchangeRate(_ folded: String) -> Bool {
        exchangeRateHeaders.contains(folded) || exchangeRateHeaders.contains { folded.hasPrefix($0 + " ") && $0.count >= 4 }
    }

    /// Whether a header (or its group) names a percentage: a `%` sign, or a percent word.
    func isPercentage(_ h: ColumnHeader) -> Bool {
        [h.text, h.group ?? ""].contains { raw in
            let folded = TextFolding.fold(raw)
            return raw.contains("%") || MappingSettings.percentWords.contains { TextFolding.containsWords(folded, $0) }
        }
    }
}
