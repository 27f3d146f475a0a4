import ArgumentParser

/// The exit codes of DESIGN.md ("The command line"): a contract for nightly jobs.
enum ConsolidaExit {
    /// Finished, but discrepancies at or above `--fail-on` were found.
    static let discrepancies = ExitCode(1)
    /// Usage or configuration error.
    static let usage = ExitCode(2)
    /// A source could not be read at all.
    static let unreadableSource = ExitCode(3)
    /// Output could not be written (nothing is left half-written).
    static let outputFailed = ExitCode(4)
}
