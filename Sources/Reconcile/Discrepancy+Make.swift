import Receivables

extension Discrepancy {
    /// A discrepancy whose ID is derived from kind, entity, entity ID and field (stable across runs).
    static func make(kind: String, severity: Severity, entity: String, entityID: String, field: String,
                     values: [CompetingValue], chosen: String? = nil, rule: String? = nil, message: String) -> Discrepancy {
        Discrepancy(id: "D-" + StableHash.hex8([kind, entity, entityID, field].joined(separator: "\u{1F}")),
                    kind: kind, severity: severity, entity: entity, entityID: entityID, field: field,
                    values: values, chosen: chosen, rule: rule, message: message)
    }

    /// Sort order of the discrepancy list.
    static func ordered(_ a: Discrepancy, _ b: Discrepancy) -> Bool {
        (a.kind, a.entity, a.entityID, a.field, a.id) < (b.kind, b.entity, b.entityID, b.field, b.id)
    }
}
