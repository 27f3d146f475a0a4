import Receivables

extension Overrides.Selector {
    /// The suffix an importer gives the customer record it reads from an invoice or payment row
    /// (`ventas.xlsx#Cartera!5/customer`), beside the row's own record (`…!5`, the invoice).
    static let rowCustomerSuffix = "/customer"

    /// The indices of the records this selector picks out (sorted).
    ///
    /// A record selector names a row as people see it (`ventas.xlsx#Cartera!5`, `erp.csv#45`):
    /// it picks the customer records of that row, which are the row's own record when the row is a
    /// customer (a customer sheet, a notebook section) and its `/customer` record when the row is
    /// an invoice or a payment. Nearly every customer comes from an invoice row, so an exact
    /// record ID alone would select almost nothing; an exact ID with the suffix still works.
    func resolve(in customers: CustomerView, features: FeatureSet, index: [RecordID: Int]) -> [Int] {
        switch self {
        case .record(let id):
            let rowCustomer = RecordID(id.rawValue + Self.rowCustomerSuffix)
            return Array(Set([index[id], index[rowCustomer]].compactMap { $0 })).sorted()
        case .taxID(let t, _):
            return features.records.indices.filter { features.records[$0].taxID?.normalized == t }
        case .name(let fp, _):
            return features.records.indices.filter { features.fingerprintText($0) == fp }
        }
    }
}
