import Foundation
import TestSupport
import Testing

/// The exit codes of DESIGN.md, seen from outside as a nightly job sees them.
@Suite struct ExitCodeTests {
    @Test func unknownOptionIsAUsageError() throws {
        let result = try CommandRunner.run(["--no-such-option"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("Unknown option"))
    }

    @Test func helpSucceedsOnStdout() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("SUBCOMMANDS"))
    }

    @Test func diffWithoutAStoreIsAUsageError() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["diff", "--out", folder.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("no store"))
    }

    @Test func inspectingAMissingFileIsAnUnreadableSource() throws {
        let result = try CommandRunner.run(["inspect", "/nonexistent/ventas.csv"])
        #expect(result.exitCode == 3)
    }

    /// A folder given where a file goes says so and what to do, for every command that reads files.
    @Test func aFolderIsNoFile() throws {
        let temp = try CommandRunner.temporaryFolder("folder-arg")
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.createDirectory(at: temp.appendingPathComponent("ventas"), withIntermediateDirectories: true)
        for arguments in [["import", "ventas", "--out", "out"], ["inspect", "ventas"], ["map", "ventas"]] {
            let result = try CommandRunner.run(arguments, in: temp)
            #expect(result.exitCode == 3, "\(arguments)")
            #expect(result.stderr.contains("a folder, not a file") && !result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)")
        }
    }

    /// An import that could read none of its files leaves the previous import's files as they
    /// were, as `run` does: a nightly `import` of a corrupt export must not publish empty files.
    @Test func anImportThatReadsNothingKeepsThePreviousOutputs() throws {
        let temp = try CommandRunner.temporaryFolder("import-nothing-read")
        defer { try? FileManager.default.removeItem(at: temp) }
        try Data("Cliente;RIF;Factura;Monto\nAlfa C.A.;J-30123456-1;F1;100,00\n".utf8)
            .write(to: temp.appendingPathComponent("bueno.csv"))
        try Data().write(to: temp.appendingPathComponent("vacio.csv"))
        // A byte-order mark and a line break are no more than nothing.
        try Data([0xEF, 0xBB, 0xBF, 0x0D, 0x0A]).write(to: temp.appendingPathComponent("solo-bom.csv"))
        try Data("not a zip".utf8).write(to: temp.appendingPathComponent("roto.xlsx"))
        #expect(try CommandRunner.run(["import", "bueno.csv", "--out", "out", "--quiet"], in: temp).exitCode == 0)
        let invoices = temp.appendingPathComponent("out/invoices.csv")
        let before = try Data(contentsOf: invoices)
        let result = try CommandRunner.run(["import", "vacio.csv", "solo-bom.csv", "roto.xlsx", "--out", "out"], in: temp)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("nothing written"))
        #expect(result.stderr.contains("solo-bom.csv is empty"))
        #expect(try Data(contentsOf: invoices) == before)
        // One file read is an import: written, with the unreadable one in the summary and exit 3.
        let partly = try CommandRunner.run(["import", "bueno.csv", "roto.xlsx", "--out", "out", "--quiet"], in: temp)
        #expect(partly.exitCode == 3)
        #expect(try String(contentsOf: temp.appendingPathComponent("out/import-summary.json"), encoding: .utf8).contains("roto.xlsx"))
    }

    /// A workbook whose second sheet's data is corrupt: the first sheet's rows are written, the
    /// error is printed even with --quiet (which prints errors), and the import exits 3, as `run` does.
    @Test func aSheetThatBreaksOffIsExitThree() throws {
        let workbook = CommandRunner.packageRoot.appendingPathComponent("Tests/MappingTests/Fixtures/corrupt-second-sheet.xlsx").path
        let temp = try CommandRunner.temporaryFolder("broken-sheet")
        defer { try? FileManager.default.removeItem(at: temp) }
        let result = try CommandRunner.run(["import", workbook, "--out", "out", "--quiet"], in: temp)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("MAP-SHEET-TRUNCATED"), "\(result.stderr)")
        let invoices = try String(contentsOf: temp.appendingPathComponent("out/invoices.csv"), encoding: .utf8)
        #expect(invoices.split(whereSeparator: \.isNewline).count > 1)
    }

    /// A chat or a collector's notebook has no columns to map: `map` says what it is instead of a
    /// mapping of nothing (a notebook's lines made a nonsense invoice table).
    @Test(arguments: ["WhatsApp Chat con Ferreteria El Tornillo.txt", "cuaderno-cobranza.txt"])
    func mappingNotesIsAUsageError(_ name: String) throws {
        let notebook = CommandRunner.packageRoot.appendingPathComponent("Examples/" + name).path
        let result = try CommandRunner.run(["map", notebook])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("needs no mapping") && result.stdout.isEmpty, "\(result.stderr)")
    }

    @Test func aMistakeInTheConfigurationIsAUsageErrorWithoutTheUsageText() throws {
        let folder = try CommandRunner.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("sources:\n  - path: a.csv\nouput: x\n".utf8).write(to: folder.appendingPathComponent("consolida.yaml"))
        let result = try CommandRunner.run(["run", "consolida.yaml"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("unknown key 'ouput'"))
        #expect(!result.stderr.contains("Usage:"))
    }

    /// A mapping file the configuration names is configuration: a typo in it exits 2 and writes
    /// nothing (QA session 22: the source was taken as unreadable, exit 3, and the others published).
    @Test func aMistakeInAConfiguredMappingIsAConfigurationError() throws {
        let folder = try CommandRunner.temporaryFolder("config-mapping")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,Factura,Monto\nAcme,F-1,10.00\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data("version: 1\ncurrncy: USD\n".utf8).write(to: folder.appendingPathComponent("m.yaml"))
        try Data("sources:\n  - path: a.csv\n    mapping: m.yaml\n".utf8).write(to: folder.appendingPathComponent("consolida.yaml"))
        let result = try CommandRunner.run(["run", "consolida.yaml", "-q"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("currncy"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// A mapping applies to the files its `files:` patterns name; the other files a source's glob
    /// matches are mapped automatically, as `consolida import` maps them (QA session 22: `run`
    /// applied an ERP's `header_row: 4` to a customer list and lost its rows).
    @Test func aMappingAppliesOnlyToItsFilesInARun() throws {
        let folder = try CommandRunner.temporaryFolder("config-mapping-files")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Listado\nal 30/06\n\nCliente,Factura,Monto\nAcme,F-1,10.00\n".utf8).write(to: folder.appendingPathComponent("erp.csv"))
        try Data("Cliente,Factura,Monto\nBeta,F-2,20.00\nGama,F-3,30.00\n".utf8).write(to: folder.appendingPathComponent("otra.csv"))
        try Data("version: 1\nfiles: [erp.csv]\ntables:\n  - header_row: 4\n".utf8).write(to: folder.appendingPathComponent("m.yaml"))
        try Data("sources:\n  - path: \"*.csv\"\n    mapping: m.yaml\n".utf8).write(to: folder.appendingPathComponent("consolida.yaml"))
        let result = try CommandRunner.run(["run", "consolida.yaml", "-q"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let invoices = try String(contentsOf: folder.appendingPathComponent("out/invoices.csv"), encoding: .utf8)
        #expect(["F-1", "F-2", "F-3"].allSatisfy { invoices.contains($0) }, "\(invoices)")
    }

    /// With `--log-format json` a mistake in the configuration is one JSON object on stderr, as
    /// every other error a nightly job's log collector reads (QA session 22: it was plain text).
    @Test func aConfigurationMistakeIsLoggedAsJSON() throws {
        let folder = try CommandRunner.temporaryFolder("config-json")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("sources:\n  - path: a.csv\n    priorty: 3\n".utf8).write(to: folder.appendingPathComponent("consolida.yaml"))
        let result = try CommandRunner.run(["run", "consolida.yaml", "--log-format", "json"], in: folder)
        #expect(result.exitCode == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any]
        #expect(object?["level"] as? String == "error")
        #expect((object?["message"] as? String)?.contains("unknown key 'sources[0].priorty'") == true)
    }

    /// QA: typos under a section (`priorty`, `curency`, `promise_grace_dayz`) ran with exit 0.
    @Test(arguments: [
        ("sources:\n  - path: a.csv\n    priorty: 3\n", "unknown key 'sources[0].priorty' (did you mean 'priority'?"),
        ("sources:\n  - path: a.csv\ndefaults:\n  country: CO\n  curency: COP\n",
         "unknown key 'defaults.curency' (did you mean 'currency'?"),
        ("sources:\n  - path: a.csv\ncollections:\n  promise_grace_dayz: 3\n",
         "unknown key 'collections.promise_grace_dayz' (did you mean 'promise_grace_days'?"),
    ])
    func aTypoInsideASectionIsAConfigurationError(yaml: String, message: String) throws {
        let folder = try CommandRunner.temporaryFolder("config-section")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,Factura,Monto\nAcme,F-1,10.00\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("consolida.yaml"))
        let result = try CommandRunner.run(["run", "consolida.yaml", "-q"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test(arguments: [["--country", "XX"], ["--currency", "ZZZ"]])
    func aCodeThatIsNotISOIsAUsageError(_ option: [String]) throws {
        let result = try CommandRunner.run(["import", "ventas.csv", "--out", "/tmp/never-written"] + option)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(option[1]))
    }

    /// A workbook with no sheet, or none holding a value, is as empty as an empty CSV: exit 3 and
    /// nothing written, for `import` and for `run`.
    @Test func aWorkbookWithoutValuesIsAnEmptySource() throws {
        let folder = try CommandRunner.temporaryFolder("empty-book")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try HandWrittenPackage.workbook(sheetData: "")
        try FileManager.default.copyItem(atPath: source, toPath: folder.appendingPathComponent("vacio.xlsx").path)
        let result = try CommandRunner.run(["import", "vacio.xlsx", "--out", "out"], in: folder)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("vacio.xlsx is empty (no sheet holds a value; sheets: Hoja1)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let run = try CommandRunner.run(["run", "vacio.xlsx", "--out", "run-out", "--quiet"], in: folder)
        #expect(run.exitCode == 3)
    }

    /// Rows a workbook hides are imported (nothing is dropped unseen) with one warning naming them.
    @Test func hiddenRowsAreImportedWithAWarning() throws {
        let folder = try CommandRunner.temporaryFolder("hidden-rows")
        defer { try? FileManager.default.removeItem(at: folder) }
        func row(_ n: Int, _ hidden: Bool, _ cells: [String]) -> String {
            let letters = ["A", "B", "C"]
            return "<row r=\"\(n)\"\(hidden ? " hidden=\"1\"" : "")>" + cells.enumerated().map { i, v in
                Double(v) != nil ? "<c r=\"\(letters[i])\(n)\"><v>\(v)</v></c>" : "<c r=\"\(letters[i])\(n)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>"
            }.joined() + "</row>"
        }
        let data = row(1, false, ["Cliente", "Factura", "Monto"]) + row(2, false, ["Alfa", "F-1", "10"])
            + row(3, true, ["Beta", "F-2", "20"]) + row(4, true, []) + row(5, false, ["Gamma", "F-3", "30"])
        try FileManager.default.copyItem(atPath: try HandWrittenPackage.workbook(sheetData: data),
                                         toPath: folder.appendingPathComponent("oculto.xlsx").path)
        let result = try CommandRunner.run(["import", "oculto.xlsx", "--out", "out", "--currency", "USD"], in: folder)
        #expect(result.exitCode == 0)
        #expect(result.stderr.contains("MAP-HIDDEN-ROWS-IMPORTED: the sheet hides 1 row holding values (3)"), "\(result.stderr)")
        let invoices = try String(contentsOf: folder.appendingPathComponent("out/invoices.csv"), encoding: .utf8)
        #expect(invoices.contains(",F-2,"))
    }

    @Test func inspectingAnEmptyFileSaysSo() throws {
        let folder = try CommandRunner.temporaryFolder("empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("vacio.csv"))
        let result = try CommandRunner.run(["inspect", "vacio.csv"], in: folder)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("empty"))
    }
}

/// Bad inputs on the command line give a clear message and exit 3, and the rest is consolidated.
@Suite struct BadInputTests {
    @Test func emptyAndCorruptSourcesAreReportedAndTheOthersConsolidated() throws {
        let folder = try CommandRunner.temporaryFolder("bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data().write(to: input.appendingPathComponent("vacio.csv"))
        try Data([0x50, 0x4B, 0x03, 0x04] + Array("basura".utf8)).write(to: input.appendingPathComponent("roto.xlsx"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
            .write(to: input.appendingPathComponent("antiguo.xls"))
        try Data("Cliente,RIF,Nº Factura,Monto,Saldo\nAna C.A.,J-30123456-1,F-1,100.00,40.00\n".utf8)
            .write(to: input.appendingPathComponent("bueno.csv"))
        let result = try CommandRunner.run(["run", "in", "--out", "out", "--json", "--quiet", "--country", "VE",
                                            "--currency", "USD", "--as-of", "2024-06-30"], in: folder)
        #expect(result.exitCode == 3)
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let sources = summary?["sources"] as? [[String: Any]] ?? []
        let status = Dictionary(uniqueKeysWithValues: sources.map { ($0["path"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(status == ["in/antiguo.xls": "unreadable", "in/bueno.csv": "imported", "in/roto.xlsx": "unreadable",
                           "in/vacio.csv": "unreadable"])
        let errors = sources.compactMap { $0["error"] as? String }.joined(separator: "\n")
        #expect(errors.contains("empty"))
        #expect(errors.contains("truncated"))
        let invoices = try String(contentsOf: folder.appendingPathComponent("out/invoices.csv"), encoding: .utf8)
        #expect(invoices.contains("F-1"))
    }

    @Test func aNamedFileThatIsMissingExitsThree() throws {
        let folder = try CommandRunner.temporaryFolder("missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,RIF,Nº Factura,Monto,Saldo\nAna C.A.,J-30123456-1,F-1,100.00,40.00\n".utf8)
            .write(to: folder.appendingPathComponent("bueno.csv"))
        let result = try CommandRunner.run(["run", "bueno.csv", "falta.xlsx", "--out", "out", "--quiet",
                                            "--as-of", "2024-06-30"], in: folder)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("falta.xlsx"))
        let invoices = try String(contentsOf: folder.appendingPathComponent("out/invoices.csv"), encoding: .utf8)
        #expect(invoices.contains("F-1"))
    }

    /// QA: a configured glob that matched nothing (`ventas-*.xlsx` after the workbook was renamed)
    /// printed `? ventas-*.xlsx: no file matches` and exited 0, even with --strict.
    @Test func aConfiguredSourceThatMatchesNothingExitsThree() throws {
        let folder = try CommandRunner.temporaryFolder("glob-miss")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,RIF,Nº Factura,Monto,Saldo\nAna C.A.,J-30123456-1,F-1,100.00,40.00\n".utf8)
            .write(to: folder.appendingPathComponent("erp.csv"))
        try Data("sources:\n  - path: ventas-*.xlsx\n  - path: erp.csv\nas_of: 2024-06-30\n".utf8)
            .write(to: folder.appendingPathComponent("consolida.yaml"))
        let result = try CommandRunner.run(["run", "consolida.yaml", "--quiet"], in: folder)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("cannot read ventas-*.xlsx: no file matches"), "\(result.stderr)")
        let invoices = folder.appendingPathComponent("out/invoices.csv")
        #expect(try String(contentsOf: invoices, encoding: .utf8).contains("F-1"))

        // --strict stops there and writes nothing: the previous outputs stay.
        try Data("Cliente,RIF,Nº Factura,Monto,Saldo\nLuis S.A.,J-30999888-2,F-2,50.00,50.00\n".utf8)
            .write(to: folder.appendingPathComponent("erp.csv"))
        let strict = try CommandRunner.run(["run", "consolida.yaml", "--quiet", "--strict"], in: folder)
        #expect(strict.exitCode == 3)
        #expect(strict.stderr.contains("ventas-*.xlsx: no file matches (--strict: nothing written)"), "\(strict.stderr)")
        let kept = try String(contentsOf: invoices, encoding: .utf8)
        #expect(kept.contains("F-1") && !kept.contains("F-2"))
    }

    /// QA: `consolida run "dir/*.nada" --out rz` exited 0 and wrote an empty dataset over rz.
    /// With no source read at all, nothing is written and the previous outputs stay.
    @Test func nothingToReadLeavesThePreviousOutputs() throws {
        let folder = try CommandRunner.temporaryFolder("nothing-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,RIF,Nº Factura,Monto,Saldo\nAna C.A.,J-30123456-1,F-1,100.00,40.00\n".utf8)
            .write(to: folder.appendingPathComponent("bueno.csv"))
        try Data().write(to: folder.appendingPathComponent("vacio.csv"))
        #expect(try CommandRunner.run(["run", "bueno.csv", "--out", "rz", "--quiet", "--as-of", "2024-06-30"], in: folder).exitCode == 0)
        let outputs = folder.appendingPathComponent("rz")
        func snapshot() throws -> [String: Data] {
            let names = try FileManager.default.contentsOfDirectory(atPath: outputs.path)
            return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: outputs.appendingPathComponent($0))) })
        }
        let before = try snapshot()
        for inputs in [["dir/*.nada"], ["vacio.csv"], ["dir/*.nada", "vacio.csv"]] {
            let result = try CommandRunner.run(["run"] + inputs + ["--out", "rz", "--quiet", "--as-of", "2024-06-30"], in: folder)
            #expect(result.exitCode == 3)
            #expect(result.stderr.contains("no source could be read"), "\(result.stderr)")
            #expect(try snapshot() == before)
        }
        let fresh = try CommandRunner.run(["run", "dir/*.nada", "--out", "nuevo", "--quiet"], in: folder)
        #expect(fresh.exitCode == 3)
        #expect(fresh.stderr.contains("cannot read dir/*.nada: no file matches"), "\(fresh.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nuevo").path))
    }

    /// Review of c8a1b1d: with no source read at all, `run --json` printed nothing on stdout,
    /// while every other exit-3 run prints its summary, so a nightly job parsing stdout broke on
    /// exactly the night it most needed to know which sources failed.
    @Test func nothingToReadStillPrintsTheJSONSummary() throws {
        let folder = try CommandRunner.temporaryFolder("nothing-read-json")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("vacio.csv"))
        let result = try CommandRunner.run(["run", "dir/*.nada", "vacio.csv", "--out", "rz", "--json", "--as-of", "2024-06-30"],
                                           in: folder)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("no source could be read"), "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary?["exit_code"] as? Int == 3)
        #expect(summary?["output"] as? String == "rz")
        #expect(summary?["files"] == nil)
        #expect(summary?["missing_patterns"] as? [String] == ["dir/*.nada"])
        #expect(summary?["run_id"] == nil)
        let sources = summary?["sources"] as? [[String: Any]] ?? []
        #expect(sources.map { $0["path"] as? String } == ["dir/*.nada", "vacio.csv"])
        #expect(sources.map { $0["status"] as? String } == ["unreadable", "unreadable"])
        #expect(sources.first?["error"] as? String == "no file matches")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rz").path))

        // The text output is unchanged: nothing on stdout, the reasons on stderr.
        let text = try CommandRunner.run(["run", "dir/*.nada", "vacio.csv", "--out", "rz", "--as-of", "2024-06-30"], in: folder)
        #expect(text.exitCode == 3)
        #expect(text.stdout.isEmpty, "\(text.stdout)")
        #expect(text.stderr.contains("cannot read dir/*.nada: no file matches"), "\(text.stderr)")
    }

    /// A run stopped by its configuration (exit 2) or by an output path it may not replace (exit
    /// 4) still prints one JSON object under `--json`, with the exit code and the error.
    /// A run that finished but reached --fail-on exits 1 and says why, even with --quiet (a
    /// nightly log otherwise showed nothing).
    @Test func failOnSaysWhyEvenWhenQuiet() throws {
        let folder = try CommandRunner.temporaryFolder("fail-on")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,RIF,Factura,Monto\nAcme,J-12345678-0,F-1,10\nAcme,J-12345678-0,F-1,20\n".utf8)
            .write(to: folder.appendingPathComponent("a.csv"))
        let run = try CommandRunner.run(["run", "a.csv", "--out", "o", "--fail-on", "info", "--quiet"], in: folder)
        #expect(run.exitCode == 1 && run.stdout.isEmpty)
        #expect(run.stderr.contains("at or above info (--fail-on info)"), "\(run.stderr)")
    }

    @Test func stoppedRunsPrintAJSONError() throws {
        let folder = try CommandRunner.temporaryFolder("json-errors")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,Factura,Monto\nAcme,F-1,10\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("taken"))
        let output = try CommandRunner.run(["run", "a.csv", "--out", "taken", "--json"], in: folder)
        #expect(output.exitCode == 4)
        let four = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(four?["exit_code"] as? Int == 4 && (four?["error"] as? String)?.isEmpty == false)
        try Data("sources: [\n".utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        let config = try CommandRunner.run(["run", "bad.yaml", "--json"], in: folder)
        #expect(config.exitCode == 2)
        let two = try JSONSerialization.jsonObject(with: Data(config.stdout.utf8)) as? [String: Any]
        #expect(two?["exit_code"] as? Int == 2)
        // A usage error too (no --out, an impossible --as-of): its message, not the usage text.
        for arguments in [["run", "a.csv", "--json"], ["run", "a.csv", "--out", "o", "--as-of", "2024-02-30", "--json"]] {
            let usage = try CommandRunner.run(arguments, in: folder)
            #expect(usage.exitCode == 2)
            let object = try JSONSerialization.jsonObject(with: Data(usage.stdout.utf8)) as? [String: Any]
            #expect(object?["exit_code"] as? Int == 2 && (object?["error"] as? String)?.contains("Usage") == false, "\(usage.stdout)")
        }
    }

    /// Review of c8a1b1d: a glob for files delivered only some nights (`extras/*.csv`) made every
    /// other night exit 3, with no way out. `optional: true` makes its absence a note on stderr
    /// (not with --quiet); files it matches that cannot be read are still an error.
    @Test func anOptionalSourceMayBeAbsentButNotBroken() throws {
        let folder = try CommandRunner.temporaryFolder("optional")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,RIF,Nº Factura,Monto,Saldo\nAna C.A.,J-30123456-1,F-1,100.00,40.00\n".utf8)
            .write(to: folder.appendingPathComponent("erp.csv"))
        try Data("sources:\n  - path: erp.csv\n  - path: extras/*.csv\n    optional: true\nas_of: 2024-06-30\n".utf8)
            .write(to: folder.appendingPathComponent("consolida.yaml"))

        let result = try CommandRunner.run(["run", "consolida.yaml"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("extras/*.csv") }
        #expect(notes == ["consolida: notice: optional source extras/*.csv: no file matches; skipped"], "\(result.stderr)")
        #expect(!result.stderr.contains("error"), "\(result.stderr)")
        #expect(result.stdout.contains("Consolidated 1 sources"), "\(result.stdout)")
        #expect(try String(contentsOf: folder.appendingPathComponent("out/invoices.csv"), encoding: .utf8).contains("F-1"))

        let quiet = try CommandRunner.run(["run", "consolida.yaml", "--quiet", "--json"], in: folder)
        #expect(quiet.exitCode == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(quiet.stdout.utf8)) as? [String: Any]
        #expect(summary?["absent_optional_patterns"] as? [String] == ["extras/*.csv"])
        #expect(summary?["missing_patterns"] as? [String] == [])

        // Present but unreadable: exit 3, as for any source.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("extras"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("extras/vacio.csv"))
        let broken = try CommandRunner.run(["run", "consolida.yaml", "--quiet"], in: folder)
        #expect(broken.exitCode == 3)
        #expect(broken.stderr.contains("cannot read extras/vacio.csv"), "\(broken.stderr)")
    }

    /// Every source optional and none there: exit 0 with a note, and nothing written, so the
    /// previous outputs are not replaced by an empty dataset.
    @Test func everySourceOptionalAndNoneThereWritesNothingAndSucceeds() throws {
        let folder = try CommandRunner.temporaryFolder("optional-none")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,RIF,Nº Factura,Monto,Saldo\nAna C.A.,J-30123456-1,F-1,100.00,40.00\n".utf8)
            .write(to: folder.appendingPathComponent("bueno.csv"))
        #expect(try CommandRunner.run(["run", "bueno.csv", "--out", "out", "--quiet", "--as-of", "2024-06-30"], in: folder).exitCode == 0)
        let invoices = folder.appendingPathComponent("out/invoices.csv")
        let before = try Data(contentsOf: invoices)
        try Data("sources:\n  - path: extras/*.csv\n    optional: true\nas_of: 2024-06-30\n".utf8)
            .write(to: folder.appendingPathComponent("consolida.yaml"))

        let result = try CommandRunner.run(["run", "consolida.yaml"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("notice: nothing to import"), "\(result.stderr)")
        #expect(result.stdout.contains("nothing was written"), "\(result.stdout)")
        #expect(!result.stdout.contains("report.html"), "\(result.stdout)")
        #expect(try Data(contentsOf: invoices) == before)

        let json = try CommandRunner.run(["run", "consolida.yaml", "--json", "--quiet"], in: folder)
        #expect(json.exitCode == 0 && json.stderr.isEmpty, "\(json.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(summary?["exit_code"] as? Int == 0)
        #expect(summary?["files"] == nil)
        #expect(summary?["run_id"] == nil)
        #expect(try Data(contentsOf: invoices) == before)
    }

    /// `consolida import` and `consolida run` write rejects.csv with the same columns and cells.
    @Test func importAndRunWriteTheSameRejects() throws {
        let folder = try CommandRunner.temporaryFolder("rejects")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(("Cliente,RIF,Nº Factura,Fecha,Monto,Saldo\nAna C.A.,J-30123456-1,F-1,15/02/2024,100.00,40.00\n"
                  + "Luis S.A.,J-30123456-1,,16/02/2024,100.00,40.00\nPedro,V-12345678-0,F-3,31/02/2024,100.00,40.00\n").utf8)
            .write(to: folder.appendingPathComponent("v.csv"))
        _ = try CommandRunner.run(["import", "v.csv", "--out", "imp", "--quiet"], in: folder)
        _ = try CommandRunner.run(["run", "v.csv", "--out", "run", "--quiet", "--as-of", "2024-06-30"], in: folder)
        func lines(_ path: String) throws -> [String] {
            try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                .split(whereSeparator: \.isNewline).map(String.init)
        }
        let imported = try lines("imp/rejects.csv"), ran = try lines("run/rejects.csv")
        #expect(imported.first == ran.first)
        #expect(imported.first?.contains("source_cell") == true)
        #expect(imported.count == 3 && imported[1].contains(",C3,MAP-NO-DOCUMENT,") && imported[2].contains(",D4,"))
        #expect(imported == ran)
    }

    /// --strict stops on the unreadable source and says so once.
    @Test func strictNamesTheUnreadableSourceOnce() throws {
        let folder = try CommandRunner.temporaryFolder("strict-once")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("vacio.csv"))
        let result = try CommandRunner.run(["run", "vacio.csv", "--out", "out", "--strict"], in: folder)
        #expect(result.exitCode == 3)
        #expect(result.stderr.components(separatedBy: "cannot read vacio.csv").count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--strict: nothing written"))
    }

    @Test func strictWritesNothing() throws {
        let folder = try CommandRunner.temporaryFolder("strict")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("vacio.csv"))
        let result = try CommandRunner.run(["run", "vacio.csv", "--out", "out", "--strict", "--quiet"], in: folder)
        #expect(result.exitCode == 3)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}

/// `--out` never destroys what Consolida did not write: the folder is replaced whole.
@Suite struct OutputFolderSafetyTests {
    @Test func importIntoTheFolderOfItsInputIsRefused() throws {
        let folder = try CommandRunner.temporaryFolder("outsafety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = "Cliente,Nº Factura,Monto\nAcme,F-1,10.00\n"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("ventas.csv"))
        try Data("mine".utf8).write(to: folder.appendingPathComponent("contrato.docx"))
        let result = try CommandRunner.run(["import", "ventas.csv", "--out", ".", "--quiet"], in: folder)
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("will not write to"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["contrato.docx", "ventas.csv"])
        // A file named as the output folder stays a file.
        let file = try CommandRunner.run(["import", "ventas.csv", "--out", "contrato.docx", "--quiet"], in: folder)
        #expect(file.exitCode == 4)
        #expect(try String(contentsOf: folder.appendingPathComponent("contrato.docx"), encoding: .utf8) == "mine")
        // A new folder is fine, and is replaced on the next run.
        for _ in 0..<2 { #expect(try CommandRunner.run(["import", "ventas.csv", "--out", "out", "--quiet"], in: folder).exitCode == 0) }
        // A mapping file inside the output folder is an input too.
        let map = try CommandRunner.run(["map", "ventas.csv", "--write", "out/m.yaml"], in: folder)
        #expect(map.exitCode == 0)
        let mapped = try CommandRunner.run(["import", "ventas.csv", "--mapping", "out/m.yaml", "--out", "out", "--quiet"], in: folder)
        #expect(mapped.exitCode == 4 && mapped.stderr.contains("holds the input out/m.yaml"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/m.yaml").path))
    }

    @Test func runIntoAFolderOfOtherFilesIsRefused() throws {
        let folder = try CommandRunner.temporaryFolder("outsafety-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = folder.appendingPathComponent("cartera")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Data("Cliente,Nº Factura,Monto\nAcme,F-1,10.00\n".utf8).write(to: sources.appendingPathComponent("ventas.csv"))
        let result = try CommandRunner.run(["run", "cartera", "--out", "cartera", "--quiet"], in: folder)
        #expect(result.exitCode == 4)
        #expect(FileManager.default.fileExists(atPath: sources.appendingPathComponent("ventas.csv").path))
    }
}
