import Foundation
import Receivables
import Reconcile
import Reports
import Tabular

/// The real output stage: every file of DESIGN.md "Output folder" but the store.
public struct DefaultWriter: OutputWriting {
    public init() {}

    public func write(result: ReconciliationResult, batch: ImportBatch, asOf: LocalDate, to folder: URL) throws -> [String] {
        try OutputWriter.write(result: result, batch: batch, asOf: asOf, to: folder)
    }
}

extension PipelineStages {
    /// The stages `consolida run` uses.
    public static var standard: PipelineStages {
        PipelineStages(importer: DefaultImporter(), reconciler: DefaultReconciler(), writer: DefaultWriter())
    }
}
