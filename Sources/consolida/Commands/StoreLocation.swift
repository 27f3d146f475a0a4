import ArgumentParser
import Foundation
import Pipeline
import Store

/// Options that say which store a command reads: `--store`, else `--out`'s store, else the
/// configuration's, else `./out/consolida.sqlite`.
struct StoreLocationOptions: ParsableArguments {
    @Option(help: "The SQLite store to read.")
    var store: String?

    @Option(help: "An output folder of `consolida run` (its consolida.sqlite is read).")
    var out: String?

    @Option(help: "A consolida.yaml whose output folder or store is read.")
    var config: String?

    func resolvedPath() throws -> String {
        if let store { return store }
        if let out { return (out as NSString).appendingPathComponent("consolida.sqlite") }
        let configPath = config ?? (FileManager.default.fileExists(atPath: "consolida.yaml") ? "consolida.yaml" : nil)
        if let configPath {
            do {
                let configuration = try RunConfiguration.load(path: configPath)
                return configuration.storePath ?? (configuration.outputPath as NSString).appendingPathComponent("consolida.sqlite")
            } catch {
                throw ValidationError("\(error)")
            }
        }
        return "out/consolida.sqlite"
    }

    /// Opens the store, refusing to create one where none exists.
    func open() throws -> ConsolidaStore {
        let path = try resolvedPath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no store at \(path): run `consolida run` first, or pass --store / --out")
        }
        return try ConsolidaStore(path: path)
    }
}
