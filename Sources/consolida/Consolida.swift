import ArgumentParser
import Foundation

/// The `consolida` command. Each subcommand lives in its own file; this is the only module that
/// prints, bootstraps logging or exits (DESIGN.md "Modules").
@main
struct Consolida: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consolida",
        abstract: "Turn scattered accounts-receivable records into one trustworthy source.",
        discussion: """
            Reads CSV, XLSX and notebook-style text (collectors' notebooks, WhatsApp chats), \
            normalizes them into one receivables model, reconciles duplicates, and writes a \
            consolidated dataset with a discrepancy report.
            """,
        version: "0.1.0",
        subcommands: [
            InspectCommand.self,
            RunCommand.self,
            ReportCommand.self,
            DiffCommand.self,
            ExplainCommand.self,
            ReadBenchCommand.self,
            XLSXBenchCommand.self,
            ImportCommand.self,
            MapCommand.self,
            MatchBenchCommand.self,
        ]
    )

    /// Whether the command line is `run … --json`.
    private static var wantsJSONRun: Bool {
        let arguments = CommandLine.arguments.dropFirst()
        return arguments.first == "run" && arguments.contains("--json")
    }

    /// Runs the command, mapping argument-parser's usage exit code (64) to DESIGN.md's `2`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            let exit = code == .validationFailure ? ConsolidaExit.usage.rawValue : code.rawValue
            // `run --json` promises JSON on stdout whatever stops it: a usage error too (a bad flag,
            // a missing --out), with its message alone, not the usage text.
            // (An ExitCode is the command's own stop, which printed its JSON already.)
            if exit == ConsolidaExit.usage.rawValue, !(error is ExitCode), wantsJSONRun {
                RunCommand.printJSONError(Self.message(for: error), exitCode: exit)
            }
            Foundation.exit(exit)
        }
    }
}
