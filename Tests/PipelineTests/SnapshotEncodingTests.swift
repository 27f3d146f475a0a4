import Foundation
import Receivables
import Reconcile
import Store
import Testing
@testable import Pipeline

/// The store's snapshot encoder (``StreamingJSONEncoder``) on a whole real run: the example's
/// records and their reconciliation decode to exactly the values `JSONEncoder` would have stored.
@Suite struct SnapshotEncodingTests {
    /// The example folder, from this file's place in the package.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples").path

    /// Canonical bytes of a value: what `JSONEncoder` with sorted keys writes.
    func canonical<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    @Test func theExampleRunDecodesToTheSameValues() throws {
        let config = try RunConfiguration.load(path: Self.examples + "/consolida.yaml")
        var batch = ImportBatch()
        let importer = DefaultImporter()
        for source in SourceDiscovery.discover(config).sources {
            let context = ImportContext(country: config.country, currency: config.currency,
                                        mappingPath: source.spec.mapping.map(config.resolve), kind: source.spec.kind,
                                        label: source.spec.label, priority: source.spec.priority)
            batch.append(try importer.importSource(source, context: context))
        }
        #expect(batch.customers.count > 10 && batch.payments.count > 0 && batch.contacts.count > 0)
        let result = try DefaultReconciler().reconcile(batch, previous: nil, configuration: config)
        #expect(!result.discrepancies.isEmpty)

        let decoder = JSONDecoder()
        let batchBack = try decoder.decode(ImportBatch.self, from: Data(StreamingJSONEncoder.encode(batch)))
        let resultBack = try decoder.decode(ReconciliationResult.self, from: Data(StreamingJSONEncoder.encode(result)))
        #expect(try canonical(batchBack) == canonical(batch))
        // A dictionary keyed by record IDs is a list of pairs in its own (hash) order to JSONEncoder:
        // compared as a dictionary, the rest as JSONEncoder's bytes.
        #expect(resultBack.customerIDByRecord == result.customerIDByRecord)
        var (withoutMap, backWithoutMap) = (result, resultBack)
        withoutMap.customerIDByRecord = [:]; backWithoutMap.customerIDByRecord = [:]
        #expect(try canonical(backWithoutMap) == canonical(withoutMap))
        // The same value, the same bytes (the pairs sorted by key).
        #expect(try StreamingJSONEncoder.encode(result) == StreamingJSONEncoder.encode(resultBack))
    }
}
