import Foundation
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
}
