import Foundation
import Testing
@testable import Pipeline

@Suite struct SourceDiscoveryTests {
    func makeTree() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("consolida-disc-\(UUID().uuidString)").path
        for file in ["ventas-ana.xlsx", "ventas-luis.xlsx", "erp.csv", "notas/cuaderno.txt", "notas/foto.jpg",
                     ".oculto.csv", "out/customers.csv"] {
            let path = (root as NSString).appendingPathComponent(file)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }

    @Test func expandsGlobsFoldersAndFiles() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = RunConfiguration(sources: [.init(path: "ventas-*.xlsx"), .init(path: "notas"),
                                                .init(path: "erp.csv"), .init(path: "erp.csv"), .init(path: "nada-*.csv")],
                                      baseDirectory: root)
        let (sources, misses) = SourceDiscovery.discover(config, excluding: [(root as NSString).appendingPathComponent("out")])
        #expect(sources.map(\.displayPath) == ["ventas-ana.xlsx", "ventas-luis.xlsx", "notas/cuaderno.txt", "erp.csv"])
        #expect(misses.map(\.pattern) == ["nada-*.csv"])
    }

    /// A folder that cannot be listed is a source of its own, which then fails to open with the
    /// reason (exit 3), never a salesperson's folder left out without a word; a link to nothing
    /// is no source. (Root reads any folder: the permission half runs as another user only.)
    @Test func unreadableFoldersAreListedAndDanglingLinksAreNot() throws {
        let root = try makeTree()
        defer {
            chmod((root as NSString).appendingPathComponent("notas"), 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }
        try FileManager.default.createSymbolicLink(atPath: (root as NSString).appendingPathComponent("perdido.csv"),
                                                   withDestinationPath: "/nonexistent/perdido.csv")
        let config = RunConfiguration(sources: [.init(path: "."), .init(path: "**/*.txt")], baseDirectory: root)
        let excluded = [(root as NSString).appendingPathComponent("out")]
        #expect(!SourceDiscovery.discover(config, excluding: excluded).sources.map(\.displayPath).contains("perdido.csv"))
        guard getuid() != 0 else { return }
        chmod((root as NSString).appendingPathComponent("notas"), 0o000)
        let (sources, misses) = SourceDiscovery.discover(config, excluding: excluded)
        #expect(sources.map(\.displayPath) == ["erp.csv", "notas", "ventas-ana.xlsx", "ventas-luis.xlsx"])
        #expect(misses.isEmpty)
    }

    @Test func folderWalkSkipsTheOutputFolder() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = RunConfiguration(sources: [.init(path: ".")], baseDirectory: root)
        let (sources, _) = SourceDiscovery.discover(config, excluding: [(root as NSString).appendingPathComponent("out")])
        #expect(sources.map(\.displayPath).sorted() == ["erp.csv", "notas/cuaderno.txt", "ventas-ana.xlsx", "ventas-luis.xlsx"])
    }

    /// An earlier run's output folder copied beside the sources (it carries the marker) is no data.
    @Test func folderWalkSkipsCopiesOfOutputFolders() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let copy = (root as NSString).appendingPathComponent("out_ayer")
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: (copy as NSString).appendingPathComponent("customers.csv")))
        try Data().write(to: URL(fileURLWithPath: (copy as NSString).appendingPathComponent(OutputFolder.markerName)))
        let config = RunConfiguration(sources: [.init(path: ".")], baseDirectory: root)
        let (sources, _) = SourceDiscovery.discover(config, excluding: [(root as NSString).appendingPathComponent("out")])
        #expect(!sources.contains { $0.displayPath.hasPrefix("out_ayer/") })
        #expect(sources.count == 4)
    }

    @Test(arguments: [("**/*.csv", "a/b/c.csv", true), ("**/*.csv", "c.csv", true), ("*.csv", "a/c.csv", false),
                      ("ventas-[ab]*.xlsx", "ventas-ana.xlsx", true)])
    func globRules(glob: String, path: String, expected: Bool) {
        #expect(SourceDiscovery.matches(glob: glob, path: path) == expected)
    }
}
