import Collections
import Foundation
import Receivables
import Reconcile
import Reports
import Tabular

/// The real output stage: every file of DESIGN.md "Output folder" but the store.
public struct DefaultWriter: OutputWriting {
    /// The configuration's `collections:` block and default currency.
    public var collections: RunConfiguration.CollectionsOptions
    public var defaultCurrency: Currency?

    public init(collections: RunConfiguration.CollectionsOptions = .init(), defaultCurrency: Currency? = nil) {
        self.collections = collections; self.defaultCurrency = defaultCurrency
    }

    public func write(result: ReconciliationResult, batch: ImportBatch, asOf: LocalDate, to folder: URL) throws -> [String] {
        try OutputWriter.write(result: result, batch: batch, asOf: asOf, settings: settings(asOf: asOf), to: folder)
    }

    /// The collections settings: the configuration's values over the module's defaults.
    public func settings(asOf: LocalDate) -> CollectionsSettings {
        let defaults = CollectionsSettings(asOf: asOf)
        return CollectionsSettings(asOf: asOf,
                                   promiseGraceDays: collections.promiseGraceDays ?? defaults.promiseGraceDays,
                                   undatedPromiseDays: collections.undatedPromiseDays ?? defaults.undatedPromiseDays,
                                   dsoWindowDays: collections.dsoWindowDays ?? defaults.dsoWindowDays,
                                   contactCoverageDays: collections.contactCoverageDays ?? defaults.contactCoverageDays,
                                   defaultCurrency: defaultCurrency)
    }
}

extension PipelineStages {
    /// The stages `consolida run` uses, with the configuration's collections settings.
    public static func standard(for configuration: RunConfiguration) -> PipelineStages {
        PipelineStages(importer: DefaultImporter(), reconciler: DefaultReconciler(),
                       writer: DefaultWriter(collections: configuration.collections, defaultCurrency: configuration.currency))
    }
}
