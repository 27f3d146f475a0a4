import Foundation

/// Helper threads (chunk workers, the merged-range lookup) run a little below the thread that
/// reads the source: that thread alone cannot be split, so whenever it can run, it should. On two
/// cores with the reader, two workers and the zip inflater all busy, a fair share left the reader
/// waiting for a core: the million-row workbook's import took about 5% longer (medians of four
/// runs, 6.8 s against 6.5 s). A CSV import, where the workers are the bottleneck, is unchanged.
enum HelperThreadPriority {
    /// The nice value a helper thread takes (0 is the default, 19 the lowest).
    static let niceness: Int32 = 5

    /// Lowers the calling thread's priority. Linux keeps a nice value per thread, and
    /// `setpriority(PRIO_PROCESS, 0, …)` sets the calling thread's; elsewhere this does nothing.
    static func lowerCurrentThread() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }
}
