import Foundation
import Receivables
import Reconcile

/// The real reconciliation stage: matching settings and overrides from the configuration (built-in
/// defaults when it names none), and the store's ID map so customers keep their IDs.
public struct DefaultReconciler: Reconciling {
    public init() {}

    public func reconcile(_ batch: ImportBatch, previous: IDMap?,
                          configuration: RunConfiguration) throws -> ReconciliationResult {
        let settings = try configuration.matching.map { path in
            do { return try MatchSettings(contentsOf: URL(fileURLWithPath: configuration.resolve(path))) }
            catch { throw ConfigurationError(file: configuration.resolve(path), message: "\(error)") }
        } ?? .default
        let overrides = try configuration.overrides.map { path in
            do { return try Overrides(contentsOf: URL(fileURLWithPath: configuration.resolve(path))) }
            catch { throw ConfigurationError(file: configuration.resolve(path), message: "\(error)") }
        } ?? Overrides.none
        let previous = previous.flatMap { $0.customerIDByRecord.isEmpty && $0.customerIDByIdentity.isEmpty ? nil : $0 }
        var reconciler = Reconciler(settings: settings, overrides: overrides, previous: previous)
        reconciler.asOf = configuration.asOf
        return reconciler.reconcile(batch)
    }
}
