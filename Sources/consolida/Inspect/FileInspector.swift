import Foundation
import Receivables
import Tabular

/// Options shared by every format's inspection (`consolida inspect`).
struct InspectOptions: Sendable {
    /// Print machine-readable JSON instead of text.
    var json = false
    /// Print every cell in the corpus oracle format (workbooks).
    var cells = false
    /// Overrides for delimited text; `nil` means detect.
    var encoding: String?
    var delimiter: String?
    var quote: String?
    var hasHeader: Bool?
    /// How many sample rows to show in text output.
    var sampleRows = 5
    /// As `import` takes them: the defaults for values that name no country or currency.
    var country: String?
    var currency: Currency?
}

/// What inspecting one file produced: text for people, or a JSON object for machines.
struct InspectOutput {
    /// Human-readable report.
    var text: String
    /// The JSON object printed with `--json` (or `--cells`); keys sorted when printed.
    var json: [String: Any]
    /// Problems found; any error-severity one makes the command exit non-zero.
    var problems: [Diagnostic]
}

/// One file format's inspector. `InspectCommand` asks each in turn whether it recognizes the
/// file's first bytes, so adding a format is one line in `InspectCommand.inspectors`.
protocol FileInspector: Sendable {
    /// A short name such as `csv` or `xlsx`.
    static var format: String { get }
    /// Whether this inspector reads a file that starts with `prefix` (at most 4 KiB) and has `path`.
    static func recognizes(prefix: [UInt8], path: String) -> Bool
    /// Inspects the file. Throws for a file it cannot read at all (corrupt, encrypted, wrong format).
    static func inspect(path: String, options: InspectOptions) throws -> InspectOutput
}
