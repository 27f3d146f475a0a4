/// An aging bucket: how long an open document has been past its due date on the as-of date.
///
/// The raw values are the labels written to `invoices.csv` (`aging_bucket`) and are part of the
/// output contract, so never rename them.
public enum AgingBucket: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case current = "current"
    case days1to30 = "1-30"
    case days31to60 = "31-60"
    case days61to90 = "61-90"
    case days91to120 = "91-120"
    case over120 = ">120"

    /// The bucket for a number of days past due: zero or negative (not yet due) is `current`.
    public init(daysOverdue days: Int) {
        switch days {
        case ...0: self = .current
        case 1...30: self = .days1to30
        case 31...60: self = .days31to60
        case 61...90: self = .days61to90
        case 91...120: self = .days91to120
        default: self = .over120
        }
    }

    /// Whether money in this bucket is past due.
    public var isOverdue: Bool { self != .current }

    private var rank: Int { AgingBucket.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: AgingBucket, b: AgingBucket) -> Bool { a.rank < b.rank }
}
