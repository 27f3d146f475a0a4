import Receivables
import Tabular

/// The knobs of the collections view. Defaults are what a small distributor's finance team uses;
/// the pipeline fills them from `consolida.yaml`.
public struct CollectionsSettings: Hashable, Sendable, Codable {
    /// The day overdue figures are computed for (the run's `--as-of`).
    public var asOf: LocalDate
    /// Days after the promised date during which a payment still counts as keeping the promise.
    public var promiseGraceDays: Int
    /// A promise that names no date is judged as if it promised this many days after it was made.
    public var undatedPromiseDays: Int
    /// The sales window of DSO: receivables ÷ credit sales of the last N days × N.
    public var dsoWindowDays: Int
    /// A debtor counts as covered when contacted within this many days before the as-of date.
    public var contactCoverageDays: Int
    /// The currency for documents that name none and whose customer has none either.
    public var defaultCurrency: Currency?

    public init(asOf: LocalDate, promiseGraceDays: Int = 0, undatedPromiseDays: Int = 7,
                dsoWindowDays: Int = 90, contactCoverageDays: Int = 30, defaultCurrency: Currency? = nil) {
        self.asOf = asOf; self.promiseGraceDays = max(0, promiseGraceDays)
        self.undatedPromiseDays = max(0, undatedPromiseDays); self.dsoWindowDays = max(1, dsoWindowDays)
        self.contactCoverageDays = max(0, contactCoverageDays); self.defaultCurrency = defaultCurrency
    }
}
