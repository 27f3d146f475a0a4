import ArgumentParser
import Foundation
import Mapping
import Pipeline
import Tabular

/// `consolida inspect FILE...`: what the readers see in each file.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what the readers see: format, encoding and dialect, sheets, header, columns, problems.",
        discussion: """
            With --json, prints one JSON object per file, each on its own line. With --cells, prints \
            every cell of a workbook in the corpus oracle format (see ../shared/corpus/README.md).
            """)

    @Argument(help: "Files to inspect (CSV/TSV/TXT, XLSX/XLSM/XLTX).")
    var files: [String]

    @Flag(help: "Print machine-readable JSON, one object per file.")
    var json = false

    @Flag(help: "Print every cell as JSON in the corpus oracle format (workbooks).")
    var cells = false

    @Option(help: "Text encoding of delimited files (utf-8, utf-16le, utf-16be, utf-32le, utf-32be, windows-1252, iso-8859-1); detected when omitted.")
    var encoding: String?

    @Option(help: "Field delimiter of delimited files (a single character, or 'tab'); detected when omitted.")
    var delimiter: String?

    @Option(help: "Quote character of delimited files, or 'none'; detected when omitted.")
    var quote: String?

    @Flag(inversion: .prefixedNo, help: "Whether delimited files have a header row; detected when omitted.")
    var header: Bool?

    @Option(help: "A mapping file (YAML) to show the mapping of, for the files its patterns match; else the automatic mapping.")
    var mapping: String?

    /// As `import` takes them: the defaults for values that do not name their own country or currency.
    @OptionGroup var region: RegionOptions

    @Option(help: "Records of each kind shown per table (as import writes them).")
    var samples = 5

    /// Every format Consolida reads, asked in order; the first that recognizes a file inspects it.
    static let inspectors: [any FileInspector.Type] = [
        XLSXInspector.self,
        CSVInspector.self,
        NotesInspector.self,
    ]

    func run() throws {
        let options = InspectOptions(json: json, cells: cells, encoding: encoding, delimiter: delimiter,
                                     quote: quote, hasHeader: header, sampleRows: max(0, samples),
                                     country: region.countryCode, currency: region.currencyCode)
        let mappingFile = try CommandSupport.loadMapping(mapping)
        var failed = false
        for path in files {
            do {
                let prefix = try Self.readPrefix(path)
                // As `run` and `import` say it: an empty file holds nothing to inspect.
                if prefix.isEmpty { throw DefaultImporter.EmptySource(path: path) }
                guard let inspector = Self.inspector(for: path, prefix: prefix) else {
                    throw InspectError.unknownFormat(path)
                }
                var output = try inspector.inspect(path: path, options: options)
                // What the import makes of a table (the corpus oracle format of --cells has no place for it).
                if !cells, inspector.format == "csv" || inspector.format == "xlsx" {
                    addMapping(to: &output, path: path, format: inspector.format == "xlsx" ? .xlsx : .csv, mapping: mappingFile)
                }
                if json || cells {
                    print(try Self.jsonLine(output.json))
                    if cells {
                        // The cells' JSON keeps the oracle format exactly; what the reader noticed goes aside.
                        for p in output.problems where p.severity >= .warning {
                            FileHandle.standardError.write(Data("consolida: \(p.description)\n".utf8))
                        }
                    }
                } else {
                    print(output.text)
                }
            } catch {
                failed = true
                if json || cells {
                    var object: [String: Any] = ["file": path, "ok": false, "error": "\(error)"]
                    if cells {
                        // The corpus oracle format: the file's name, and no sheets.
                        object["file"] = (path as NSString).lastPathComponent
                        object["reader"] = "consolida"
                        object["sheets"] = [Any]()
                    }
                    print((try? Self.jsonLine(object)) ?? "{}")
                } else {
                    FileHandle.standardError.write(Data("consolida: \(path): \(error)\n".utf8))
                }
            }
        }
        if failed { throw ExitCode(3) }
    }

    /// Adds the mapping section (``MappingSection``): the import's own reading of the file, with
    /// this command's country, currency and mapping file.
    func addMapping(to output: inout InspectOutput, path: String, format: SourceFormat, mapping: MappingFile?) {
        let applies = mapping?.applies(to: path) ?? false
        let source: any TabularSource
        let section: MappingSection
        do {
            // A file `import` refuses as empty is said to be refused, not mapped.
            try DefaultImporter.EmptySource.check(path, shownAs: path)
            source = try SourceOpener.open(path, format: format)
            var options = ImportOptions(country: region.countryCode, currency: region.currencyCode)
            if applies { options.mapping = mapping }
            section = MappingSection(source: source, options: options, samples: max(0, samples))
            try DefaultImporter.EmptySource.check(section.preview, of: source, shownAs: path)
        } catch {
            output.text += "\n  mapping: `consolida import` refuses the file: \(error)\n"
            output.json["mapping"] = ["error": "\(error)"]
            return
        }
        var notes: [String] = []
        if let file = self.mapping {
            notes.append(applies ? "mapping file \(file)" : "the files patterns of \(file) do not match this file: automatic mapping shown")
        }
        if [encoding, delimiter, quote].contains(where: { $0 != nil }) || header != nil {
            notes.append("read as `import` reads it: encoding and dialect detected, not as given here")
        }
        output.text += section.text(notes: notes)
        var json = section.json
        json["mapping_file"] = self.mapping.map { $0 as Any } ?? NSNull()
        json["mapping_applies"] = applies
        output.json["mapping"] = json
    }

    /// The inspector for the format `consolida run` would read the file as (so that a WhatsApp
    /// chat or a zipped export is inspected as notes, not as a table), when it accepts the file;
    /// else the first inspector that recognizes it.
    static func inspector(for path: String, prefix: [UInt8]) -> (any FileInspector.Type)? {
        let wanted: String
        switch SourceFormat.detect(path: path) {
        case .csv: wanted = "csv"
        case .xlsx: wanted = "xlsx"
        case .notebook, .whatsapp, .enex, .keep: wanted = "notes"
        }
        if let match = inspectors.first(where: { $0.format == wanted }), match.recognizes(prefix: prefix, path: path) {
            return match
        }
        return inspectors.first { $0.recognizes(prefix: prefix, path: path) }
    }

    /// The first 4 KiB of a file, for format recognition.
    static func readPrefix(_ path: String) throws -> [UInt8] {
        try SourceOpener.requireFile(path)
        guard FileManager.default.isReadableFile(atPath: path) else { throw InspectError.cannotOpen(path) }
        // The sample `run` and `import` judge a file by, so inspect shows what they will see.
        return SourceFormat.readPrefix(path)
    }

    /// Compact JSON with sorted keys, so the same file always prints the same bytes.
    static func jsonLine(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

enum InspectError: Error, CustomStringConvertible {
    case cannotOpen(String)
    case unknownFormat(String)

    var description: String {
        switch self {
        case .cannotOpen(let p): return "cannot open \(p)"
        case .unknownFormat(let p): return "\(p): not a format Consolida reads (CSV, XLSX, notebook text)"
        }
    }
}
