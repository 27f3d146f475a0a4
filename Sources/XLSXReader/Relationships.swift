import XMLStream

/// One `<Relationship>` of a `.rels` part.
struct Relationship: Hashable, Sendable {
    var id: String
    /// The relationship type URI; compare by its last segment (`worksheet`, `officeDocument`),
    /// which transitional and strict OOXML share.
    var type: String
    var target: String
    var external: Bool

    var kind: Substring { type.split(separator: "/").last ?? "" }
}

/// Collects `<Relationship Id Type Target TargetMode>` elements.
final class RelationshipsHandler: XMLStreamHandler {
    var relationships: [Relationship] = []

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        guard localName == "Relationship" else { return }
        relationships.append(Relationship(
            id: attributes.value("Id")?.string ?? "",
            type: attributes.value("Type")?.string ?? "",
            target: attributes.value("Target")?.string ?? "",
            external: attributes.value("TargetMode")?.string.lowercased() == "external"))
    }
    func endElement(localName: XMLBytes, namespace: XMLBytes) {}
    func characters(_ text: XMLBytes) {}
}

/// Collects `[Content_Types].xml` overrides (part name → content type).
final class ContentTypesHandler: XMLStreamHandler {
    var overrides: [(part: String, type: String)] = []

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        guard localName == "Override", let part = attributes.value("PartName")?.string,
              let type = attributes.value("ContentType")?.string else { return }
        overrides.append((PackagePath.resolve(part, from: ""), type))
    }
    func endElement(localName: XMLBytes, namespace: XMLBytes) {}
    func characters(_ text: XMLBytes) {}
}
