import Foundation
import Testing

/// A nightly job killed midway must leave the previous outputs readable and complete, and a
/// second run started while one is going must be refused.
@Suite(.serialized) struct InterruptedRunTests {
    /// A copy of the example plus a large generated ERP export, so a run takes long enough to be
    /// caught midway.
    func workspace() throws -> URL {
        let root = try CommandRunner.temporaryFolder("killed")
        let examples = CommandRunner.packageRoot.appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path)
        where !["out", "expected"].contains(name) && !name.hasPrefix(".") {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return root
    }

    func addLargeSource(to root: URL, rows: Int) throws {
        var text = "Cliente,RIF,Nº Factura,Fecha,Vencimiento,Monto,Saldo,Moneda\n"
        text.reserveCapacity(rows * 90)
        for i in 0..<rows {
            text += "Cliente Grande \(i % 5000) C.A.,J-\(30_000_000 + i % 5000)-0,G-\(i),2024-01-\(10 + i % 18),2024-02-\(10 + i % 18),\(100 + i % 900).50,\(i % 100).25,USD\n"
        }
        try Data(text.utf8).write(to: root.appendingPathComponent("erp-grande.csv"))
        let config = try String(contentsOf: root.appendingPathComponent("consolida.yaml"), encoding: .utf8)
        try Data((config + "\n").replacingOccurrences(of: "sources:\n", with: "sources:\n  - path: erp-grande.csv\n").utf8)
            .write(to: root.appendingPathComponent("consolida.yaml"))
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func killedRunLeavesPreviousOutputsAndASecondRunIsRefused() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("consolida.yaml").path
        #expect(try CommandRunner.run(["run", config, "-q"]).exitCode == 0)
        let out = root.appendingPathComponent("out")
        let before = try snapshot(out)
        #expect(before["customers.csv"] != nil && before["report.html"] != nil)

        try addLargeSource(to: root, rows: 150_000)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["run", config, "-q"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run holds the lock and is working in its staging folder.
        let deadline = Date().addingTimeInterval(20)
        var staging = false
        while Date() < deadline && process.isRunning {
            staging = (try FileManager.default.contentsOfDirectory(atPath: root.path)).contains { $0.hasPrefix(".out.tmp-") }
            if staging { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(staging, "the long run never started staging")

        let second = try CommandRunner.run(["run", config, "-q"])
        #expect(second.exitCode == 4)
        #expect(second.stderr.contains("another consolida run"))

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try snapshot(out) == before, "a killed run changed the previous outputs")

        // The next run cleans up after the killed one and completes.
        try FileManager.default.removeItem(at: root.appendingPathComponent("erp-grande.csv"))
        let cleanConfig = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "  - path: erp-grande.csv\n", with: "")
        try Data(cleanConfig.utf8).write(to: URL(fileURLWithPath: config))
        #expect(try CommandRunner.run(["run", config, "-q"]).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".out.") }.isEmpty)
        let after = try snapshot(out)
        #expect(after["customers.csv"] == before["customers.csv"])
    }
}
