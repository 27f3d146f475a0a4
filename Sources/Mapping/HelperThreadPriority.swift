import Foundation

/// Helper threads (chunk workers, the merged-range lookup) run below the thread that reads the
/// source: that thread alone cannot be split, so whenever it can run, it should. On two cores with
/// the reader, two workers and the zip inflater all busy, a fair share left the reader waiting for
/// a core: the million-row workbook's import took about 5% longer (medians of four runs, 6.8 s
/// against 6.5 s). A CSV import, where the workers are the bottleneck, is unchanged.
enum HelperThreadPriority {
    /// How much nicer a helper thread is than the thread that starts it (nice 0 → 5).
    static let step: Int32 = 5

    /// How much nicer a chunk worker is when the reader is the import's critical path (a
    /// workbook's, whose XML parsing takes longer than the workers' share). Five steps still gave
    /// the two workers a third of the reader's weight each, about a quarter of a core taken from
    /// it: the million-row workbook's import took 14.2 s at nice 5 and 12.3 s at nice 10 (medians
    /// of three alternating runs, reading alone 9.7 s); nice 15 was no faster. A CSV file's reader
    /// is not the critical path, and its workers stay at ``step``.
    static let belowBoundReader: Int32 = 10

    /// Lowers the calling thread's priority by `step` from what it is (a process started with
    /// `nice -n 10` gets helpers at 15, never higher than its reader; 19 at most). Linux keeps a
    /// nice value per thread, and `setpriority(PRIO_PROCESS, 0, …)` sets the calling thread's;
    /// elsewhere (and where the C library spells it otherwise) this does nothing.
    static func lowerCurrentThread(by step: Int32 = step) {
        #if os(Linux) && canImport(Glibc)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        let current = getpriority(which, 0)
        guard errno == 0 else { return }
        _ = setpriority(which, 0, min(current + step, 19))
        #endif
    }
}
