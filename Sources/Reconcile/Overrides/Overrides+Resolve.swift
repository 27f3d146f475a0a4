import Receivables

extension Overrides.Selector {
    /// The indices of the records this selector picks out (sorted).
    func resolve(in customers: CustomerView, features: FeatureSet, index: [RecordID: Int]) -> [Int] {
        switch self {
        case .record(let id):
            return index[id].map { [$0] } ?? []
        case .taxID(let t):
            return features.records.indices.filter { features.records[$0].taxID?.normalized == t }
        case .name(let fp):
            return features.records.indices.filter { features.records[$0].fingerprintText == fp }
        }
    }
}
