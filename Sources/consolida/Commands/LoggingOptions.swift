import ArgumentParser
import Foundation
import Logging

/// How a command talks on stderr: human text or JSON lines, and how much.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors on stderr, and no progress.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print debugging detail on stderr.")
    var verbose = false

    @Option(help: "Format of log lines on stderr: text or json (one object per line, for log collectors).")
    var logFormat: LogFormat = .text

    var level: Logger.Level { quiet ? .error : (verbose ? .debug : .info) }

    /// Installs the log handler once for the process; the CLI is the only place that does.
    func bootstrap() -> Logger {
        let format = logFormat, level = level
        LoggingBootstrap.once {
            LoggingSystem.bootstrap { label in
                var handler: any LogHandler = format == .json ? JSONLogHandler(label: label) : TextLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
        var logger = Logger(label: "consolida")
        logger.logLevel = level
        return logger
    }

    /// Whether to draw progress: only on a terminal, and not when quiet or logging JSON.
    var showsProgress: Bool { !quiet && logFormat == .text && isatty(STDERR_FILENO) == 1 }
}

/// `LoggingSystem.bootstrap` may run only once per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false
    private static let lock = NSLock()

    static func once(_ body: () -> Void) {
        lock.lock(); defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}

/// `consolida: warning: message key=value` lines on stderr.
struct TextLogHandler: LogHandler {
    var label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        var line = "consolida: \(event.level): \(event.message)"
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// One JSON object per line on stderr: `{"level":"info","message":"…","time":"…", …metadata}`.
struct JSONLogHandler: LogHandler {
    var label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { object[key] = "\(value)" }
        object["level"] = event.level.rawValue
        object["message"] = "\(event.message)"
        object["logger"] = label
        object["time"] = ISO8601DateFormatter().string(from: Date())
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
