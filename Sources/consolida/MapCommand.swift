import ArgumentParser
import Foundation
import Mapping
import Pipeline
import Receivables
import Tabular

/// `consolida map FILE --write Mappings/NAME.yaml`: the automatic mapping as a file to review.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Propose a mapping file for review (YAML, see Mappings/README.md).",
        discussion: """
            Finds each table's header, maps its columns automatically and writes the result with the \
            confidence of every column, so a person can check and edit it; then use it with \
            `consolida import FILE --mapping PATH`. Without --write the YAML goes to stdout.
            """)

    @Argument(help: "A CSV or XLSX file.")
    var file: String

    @Option(help: "Where to write the mapping (e.g. Mappings/ventas-ana.yaml).")
    var write: String?

    /// Written into the proposed mapping.
    @OptionGroup var region: RegionOptions

    @Option(help: "The mapping's name (default: the file name without extension).")
    var name: String?

    @Flag(help: "Replace an existing mapping file.")
    var force = false

    @Option(help: ArgumentHelp("Rows of each sheet held for table finding, as `import --window-rows` (to test long sheets on small files).",
                               visibility: .hidden))
    var windowRows: Int?

    static func describe(_ format: SourceFormat) -> String {
        switch format {
        case .whatsapp: return "a WhatsApp chat"
        case .notebook: return "a collector's notebook (text, not a table)"
        case .enex: return "an Evernote export"
        case .keep: return "a Google Keep note"
        case .csv, .xlsx: return "a table"
        }
    }

    func validate() throws {
        if let write, !force, FileManager.default.fileExists(atPath: write) {
            throw ValidationError("\(write) exists; pass --force to replace it")
        }
    }

    func run() throws {
        // A chat, a notebook or a note export has no columns to map: say what the file is instead
        // of a mapping of nothing (the format `consolida import` reads it as).
        if (try? SourceOpener.requireFile(file)) != nil, FileManager.default.fileExists(atPath: file) {
            let format = SourceFormat.detect(path: file)
            if [.whatsapp, .notebook, .enex, .keep].contains(format) {
                CommandSupport.note("error: \(file) reads as \(Self.describe(format)), which needs no mapping: "
                                    + "import it as it is (consolida import \(file) --out DIR)")
                throw ConsolidaExit.usage
            }
        }
        let source: any TabularSource
        do { source = try SourceOpener.open(file) }
        catch {
            CommandSupport.note("error: \(error)")
            throw ConsolidaExit.unreadableSource
        }
        let base = (file.split(separator: "/").last.map(String.init) ?? file).split(separator: ".").first.map(String.init)
        var options = ImportOptions(country: region.countryCode, currency: region.currencyCode)
        if let windowRows { options.windowRows = max(1, windowRows) }
        let (proposal, diagnostics) = Importer(options: options).proposeMapping(source, name: name ?? base)
        CommandSupport.printDiagnostics(diagnostics)
        let comment = Importer.proposalComment(for: file, tables: proposal.tables.count)
        guard let write else {
            print(try proposal.yaml(comment: comment), terminator: "")
            return
        }
        do {
            let dir = URL(fileURLWithPath: write).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try proposal.save(path: write, comment: comment)
        } catch {
            CommandSupport.note("error: cannot write \(write): \(ErrorText.describe(error))")
            throw ConsolidaExit.outputFailed
        }
        print("\(write): \(proposal.tables.count) table(s); review it, then: consolida import \(file) --mapping \(write) --out DIR")
    }
}
