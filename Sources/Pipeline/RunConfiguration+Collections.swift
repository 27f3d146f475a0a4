import Collections
import Tabular

extension RunConfiguration {
    /// The settings a run's outputs are written with: the `collections:` block over the Collections
    /// module's defaults, the configured currency for documents and customers that name none (a
    /// customer with only a payment), and the as-of date. The run keeps them in the store, so
    /// `consolida report` writes the same files without the configuration.
    public func collectionsSettings(asOf: LocalDate) -> CollectionsSettings {
        let defaults = CollectionsSettings(asOf: asOf)
        return CollectionsSettings(asOf: asOf,
                                   promiseGraceDays: collections.promiseGraceDays ?? defaults.promiseGraceDays,
                                   undatedPromiseDays: collections.undatedPromiseDays ?? defaults.undatedPromiseDays,
                                   dsoWindowDays: collections.dsoWindowDays ?? defaults.dsoWindowDays,
                                   contactCoverageDays: collections.contactCoverageDays ?? defaults.contactCoverageDays,
                                   defaultCurrency: currency)
    }
}
