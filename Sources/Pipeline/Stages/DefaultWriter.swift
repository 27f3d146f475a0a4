import Collections
import Foundation
import Receivables
import Reconcile
import Reports

/// The real output stage: every file of DESIGN.md "Output folder" but the store. `consolida run`
/// and `consolida report` both write through it, with the same settings (the run's, kept in the
/// store), so both write the same bytes.
public struct DefaultWriter: OutputWriting {
    public init() {}

    public func write(result: ReconciliationResult, batch: ImportBatch, settings: CollectionsSettings,
                      to folder: URL) throws -> [String] {
        try OutputWriter.write(result: result, batch: batch, settings: settings, to: folder)
    }
}

extension PipelineStages {
    /// The stages `consolida run` uses.
    public static func standard(for configuration: RunConfiguration) -> PipelineStages {
        PipelineStages(importer: DefaultImporter(), reconciler: DefaultReconciler(), writer: DefaultWriter())
    }
}
