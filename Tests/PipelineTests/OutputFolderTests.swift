import Foundation
import Testing
@testable import Pipeline

/// An output folder is replaced whole, so only a folder that is surely Consolida's is replaced.
struct OutputFolderTests {
    private static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("consolida-outfolder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static func write(_ name: String, in folder: URL, _ text: String = "x") throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// Prepares, writes one output file and commits, as a run does.
    private static func writeOutputs(to path: URL, inputs: [String] = []) throws {
        let folder = OutputFolder(path: path.path)
        try folder.prepare(inputs: inputs)
        try Data("customer_id\n".utf8).write(to: folder.staged("customers.csv"))
        try folder.commit()
    }

    private static func refusal(_ body: () throws -> Void) -> String? {
        do { try body() } catch let OutputError.notAnOutputFolder(_, reason) { return reason } catch { return "other: \(error)" }
        return nil
    }

    @Test func aNewOrEmptyFolderIsWrittenAndMarked() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        for out in [root.appendingPathComponent("new"), root.appendingPathComponent("empty")] {
            if out.lastPathComponent == "empty" { try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true) }
            try Self.writeOutputs(to: out)
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(names == [OutputFolder.markerName, "customers.csv"])
            // A marked folder is replaced again, whatever else a run wrote in it.
            try Self.write("notes.txt", in: out)
            try Self.writeOutputs(to: out)
        }
    }

    /// An output path that is a link to a folder (published on a share) updates the folder it points
    /// to, and stays a link; a run through the link and one through the folder take one lock.
    @Test func aLinkedOutputFolderIsUpdatedThroughTheLink() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("real"), link = root.appendingPathComponent("link")
        try Self.writeOutputs(to: real)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let folder = OutputFolder(path: link.path)
        try folder.prepare()
        try Data("customer_id\nC-1\n".utf8).write(to: folder.staged("customers.csv"))
        try folder.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real.appendingPathComponent("customers.csv"), encoding: .utf8) == "customer_id\nC-1\n")
        let lock = try RunLock(outputFolder: link.path)
        #expect(throws: RunLock.Busy.self) { _ = try RunLock(outputFolder: real.path) }
        withExtendedLifetime(lock) {}
    }

    /// A folder its owner made read-only is not replaced (root may write anywhere: checked as
    /// another user only).
    @Test func aReadOnlyFolderIsNotReplaced() throws {
        guard getuid() != 0 else { return }
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try Self.writeOutputs(to: out)
        chmod(out.path, 0o555)
        defer { chmod(out.path, 0o755) }
        #expect(throws: OutputError.self) { try Self.writeOutputs(to: out) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }

    @Test func aFolderOfOtherFilesIsLeftAlone() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write("ventas.csv", in: root, "Cliente,Monto\nA,1\n")
        try Self.write("contrato.docx", in: root)
        let reason = Self.refusal { try Self.writeOutputs(to: root) }
        #expect(reason?.contains("contrato.docx and 1 more") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["contrato.docx", "ventas.csv"])
    }

    @Test func aFileIsNotAnOutputFolder() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write("victim.csv", in: root, "keep me")
        let victim = root.appendingPathComponent("victim.csv")
        #expect(Self.refusal { try Self.writeOutputs(to: victim) } == "it is a file, not a folder")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
    }

    @Test func anInputInsideTheFolderIsProtected() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try Self.writeOutputs(to: out)
        // Even named like an output, in a folder Consolida wrote: it is this run's input.
        let input = out.appendingPathComponent("customers.csv").path
        #expect(Self.refusal { try Self.writeOutputs(to: out, inputs: [input]) }?.contains("holds the input") == true)
        #expect(Self.refusal { try Self.writeOutputs(to: out, inputs: [out.path + "/"]) }?.contains("holds the input") == true)
        // An input beside the folder, or in a folder whose name merely starts alike, is no concern.
        try Self.writeOutputs(to: out, inputs: [root.appendingPathComponent("out-2024/a.csv").path, root.path])
    }

    /// Output names alone could be anybody's files: without the marker, one only Consolida
    /// writes must be there too.
    @Test func outputNamesAloneAreNotEnough() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write("customers.csv", in: root, "mine")
        try Self.write("invoices.csv", in: root, "mine")
        #expect(Self.refusal { try Self.writeOutputs(to: root) }?.contains("no import-summary.json") == true)
        #expect(try String(contentsOf: root.appendingPathComponent("customers.csv"), encoding: .utf8) == "mine")
    }

    @Test func aFolderWrittenBeforeTheMarkerIsReplaced() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["customers.csv", "invoices.csv", "import-summary.json", "report.html", "consolida.sqlite"] {
            try Self.write(name, in: root)
        }
        try Self.writeOutputs(to: root)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(OutputFolder.markerName).path))
    }
}
