import Reconcile
import Yams

extension RunConfiguration {
    /// The keys `consolida.yaml` knows at its top level and in each section, taken from the coding
    /// keys of the types that decode them, so a key added to a decoder is known here too.
    static let topLevelKeys = Set(Document.CodingKeys.allCases.map(\.rawValue))
    static let sourceKeys = Set(Source.CodingKeys.allCases.map(\.rawValue))
    static let defaultsKeys = Set(Document.Defaults.CodingKeys.allCases.map(\.rawValue))
    static let collectionsKeys = Set(CollectionsOptions.CodingKeys.allCases.map(\.rawValue))

    /// Every key of the document that its place does not know, as a sentence naming where it is
    /// (`sources[1].priorty`), the known key it most likely meant, and the keys known there: the
    /// top level first, then section by section, each in document order. A decoder skips a key it does not read without a word, so a typo under a
    /// section (`curency: COP`) would otherwise silently change a nightly job.
    static func unknownKeys(in root: Node) -> [String] {
        var problems: [String] = []
        func check(_ node: Node?, known: Set<String>, at place: String) {
            guard let mapping = node?.mapping else { return }  // not a mapping: the decoder says so
            for key in mapping.keys {
                let name = key.string ?? "\(key)"
                guard !known.contains(name) else { continue }
                let path = place.isEmpty ? name : "\(place).\(name)"
                problems.append("unknown key '\(path)' (\(KeySuggestion.hint(for: name, among: known)))")
            }
        }
        check(root, known: topLevelKeys, at: "")
        for (index, source) in (root.mapping?["sources"]?.sequence.map(Array.init) ?? []).enumerated() {
            check(source, known: sourceKeys, at: "sources[\(index)]")
        }
        check(root.mapping?["defaults"], known: defaultsKeys, at: "defaults")
        check(root.mapping?["collections"], known: collectionsKeys, at: "collections")
        return problems
    }
}
