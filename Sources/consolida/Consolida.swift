import ArgumentParser

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
            XLSXBenchCommand.self,
        ]
    )
}
