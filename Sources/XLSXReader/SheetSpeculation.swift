#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Reads the first rows of a sheet on a second thread while the opening workbook parses its
/// shared-string table (half a second at a million rows), so the two overlap.
///
/// Shared-string cells cannot be resolved yet: each is left as an empty text placeholder and its
/// index recorded; ``adopt(strings:)`` fills them in once the table exists. Whatever could make
/// the result differ from a plain read (an index out of range, a cell written twice, a parse
/// error) abandons the speculation, and the sheet is then read from the start as usual. The
/// rows read ahead are capped, so memory stays bounded whatever the sheet's size.
final class SheetSpeculation: @unchecked Sendable {
    static let rowCap = 65_536
    private let engine: XLSXRowStream.Engine
    private let stop = Atomic<Bool>(false)
    private var failed = false
    private var thread: pthread_t?

    /// Starts reading ahead; `nil` when the sheet has no part or no thread could be started.
    init?(engine: XLSXRowStream.Engine) {
        self.engine = engine
        engine.handler.defersSharedStrings = true
        var tid = pthread_t()
        let context = Unmanaged.passUnretained(self).toOpaque()
        let rc = pthread_create(&tid, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<SheetSpeculation>.fromOpaque(raw).takeUnretainedValue().run()
            return nil
        }, context)
        guard rc == 0 else { return nil }
        thread = tid
    }

    deinit { join() }

    private func run() {
        do {
            while !stop.load(ordering: .relaxed), engine.handler.pending.count < Self.rowCap,
                  !engine.handler.speculationFailed, try engine.advanceAhead() {}
        } catch {
            // The plain read from the start meets the same error at the right row.
            failed = true
        }
    }

    private func join() {
        stop.store(true, ordering: .relaxed)
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    /// Stops reading ahead and resolves the recorded cells; the engine, positioned as if it had
    /// read those rows with the table at hand, or `nil` when the sheet must be read afresh.
    func adopt(strings: SharedStrings) -> XLSXRowStream.Engine? {
        join()
        let handler = engine.handler
        guard !failed, !handler.speculationFailed, handler.resolveDeferred(with: strings) else { return nil }
        return engine
    }
}
