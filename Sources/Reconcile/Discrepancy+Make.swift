import Receivables

extension Discrepancy {
    /// A discrepancy whose ID is derived from kind, entity, entity ID and field (stable across runs).
    static func make(kind: String, severity: Severity, entity: String, entityID: String, field: String,
                     values: [CompetingValue], chosen: String? = nil, rule: String? = nil, message: String) -> Discrepancy {
        Discrepancy(id: id(kind: kind, entity: entity, identity: entityID, field: field),
                    kind: kind, severity: severity, entity: entity, entityID: entityID, field: field,
                    values: values, chosen: chosen, rule: rule, message: message)
    }

    /// `D-` and eight hex digits of what the discrepancy is about: its kind, the entity and its
    /// identity (its ID, or what a payment says: ``InvoiceConsolidator/discrepancyIdentities(_:)``), the field.
    static func id(kind: String, entity: String, identity: String, field: String) -> String {
        "D-" + StableHash.hex8([kind, entity, identity, field].joined(separator: "\u{1F}"))
    }

    /// The discrepancy list in its order: kind, entity, entity ID, field, ID.
    static func sorted(_ list: [Discrepancy]) -> [Discrepancy] {
        let keys = list.map { [$0.kind, $0.entity, $0.entityID, $0.field, $0.id].joined(separator: "\u{0}") }
        return list.indices.sorted { keys[$0] < keys[$1] }.map { list[$0] }
    }
}
