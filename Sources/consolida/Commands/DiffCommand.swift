import ArgumentParser
import Foundation
import Pipeline
import Store

/// `consolida diff [RUN_A] [RUN_B]`: what changed between two runs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two runs: new, merged and split customers, balance changes.",
        discussion: "Without run IDs compares the last two runs; with one, that run and the latest.")

    @Argument(help: "The earlier run's ID.")
    var runA: Int64?

    @Argument(help: "The later run's ID.")
    var runB: Int64?

    @OptionGroup var location: StoreLocationOptions

    @Flag(help: "Print the changes as JSON.")
    var json = false

    func run() throws {
        let store = try location.open()
        let runs = try store.runs().filter { $0.finishedAt != nil }.map(\.runID).sorted()
        let (a, b): (Int64?, Int64?)
        switch (runA, runB) {
        case let (x?, y?): (a, b) = (x, y)
        case let (x?, nil): (a, b) = (x, runs.last)
        default: (a, b) = (runs.count >= 2 ? runs[runs.count - 2] : nil, runs.last)
        }
        guard let a, let b else { throw ValidationError("the store has fewer than two runs to compare") }
        guard let old = try store.snapshot(runID: a) else { throw ValidationError(Self.missing(a, runs)) }
        guard let new = try store.snapshot(runID: b) else { throw ValidationError(Self.missing(b, runs)) }
        let diff = RunDiff(from: old, to: new)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(diff), as: UTF8.self))
        } else {
            print(diff.text)
        }
    }

    /// Why a run has no snapshot: it never was, or it is older than those the store keeps.
    static func missing(_ run: Int64, _ finished: [Int64]) -> String {
        guard finished.contains(run) else { return "no run \(run) in the store" }
        return "run \(run) is older than the runs whose snapshots the store keeps (keep_runs in consolida.yaml, --keep-runs)"
    }
}
