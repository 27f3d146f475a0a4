import Receivables

/// An import's records plus every fact extracted from the entries, each with its confidence.
public struct NotesImportResult: Sendable {
    public var batch: ImportBatch
    public var mentions: [ExtractedMention]

    public init(batch: ImportBatch, mentions: [ExtractedMention]) {
        self.batch = batch; self.mentions = mentions
    }
}
