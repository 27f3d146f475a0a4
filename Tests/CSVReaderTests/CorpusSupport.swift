import Foundation
@testable import CSVReader

/// The shared corpus (`../shared/corpus` from the package root); tests skip when it is absent.
enum Corpus {
    static let root: URL = {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        if let env = ProcessInfo.processInfo.environment["CONSOLIDA_CORPUS"] { return URL(fileURLWithPath: env) }
        return package.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("MANIFEST.tsv").path) }

    static let absentMessage = "corpus not found at \(root.path) (set CONSOLIDA_CORPUS); skipped"

    static func files(in folder: String) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }
    }

    /// MANIFEST.tsv rows as column → value.
    static func manifest() throws -> [[String: String]] {
        let text = try String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        return lines.map { row in
            var d: [String: String] = [:]
            for (k, name) in header.enumerated() where k < row.count { d[name] = row[k] }
            return d
        }
    }
}

/// One annotated file's expected dialect (only the parts the annotation states).
struct DialectTruth {
    var file: String
    var encodings: Set<String>?
    var delimiter: Unicode.Scalar?
    var quote: UInt8??

    /// Parses `encoding=utf8;delimiter=comma;quote=doublequote;…`. Encoding names are mapped to
    /// the set of names that read the bytes the same: `ascii` is UTF-8, `ansi` is Windows-1252 (which
    /// ISO-8859-1 equals outside 0x80–0x9F), `utf16` without a byte order either way, `gb2312`
    /// is read by its superset GB18030.
    init?(file: String, annotation: String) {
        self.file = file
        var parts: [String: String] = [:]
        for p in annotation.split(separator: ";") {
            let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { parts[kv[0].trimmingCharacters(in: .whitespaces)] = kv[1].trimmingCharacters(in: .whitespaces).lowercased() }
        }
        if let e = parts["encoding"] {
            switch e {
            case "utf8", "utf-8", "ascii": encodings = ["utf-8"]
            case "ansi", "windows-1252", "iso-8859-1", "latin1": encodings = ["windows-1252", "iso-8859-1"]
            case "utf16", "utf-16": encodings = ["utf-16le", "utf-16be"]
            case "utf32", "utf-32": encodings = ["utf-32le", "utf-32be"]
            // GB18030 is a superset of GB2312 and decodes its bytes identically; `shif-jis` is a typo.
            case "gb2312", "gbk", "gb18030": encodings = ["gb18030"]
            case "shif-jis", "shift-jis", "shift_jis", "sjis": encodings = ["shift_jis"]
            default: encodings = [e]
            }
        }
        if let d = parts["delimiter"] {
            let names: [String: Unicode.Scalar] = ["comma": ",", "semicolon": ";", "tab": "\t", "vslash": "|", "pipe": "|",
                                                   "nsign": "#", "space": " ", "colon": ":", "section": "§"]
            delimiter = names[d]
        }
        if let q = parts["quote"] {
            switch q {
            case "doublequote": quote = .some(UInt8(ascii: "\""))
            case "singlequote": quote = .some(UInt8(ascii: "'"))
            case "none", "": quote = .some(nil)
            default: quote = nil
            }
        }
        if encodings == nil && delimiter == nil && quote == nil { return nil }
    }

    /// What detection got wrong, empty when it is all right.
    func misses(encoding: String, delimiter d: Unicode.Scalar, quote q: UInt8?) -> [String] {
        var out: [String] = []
        if let encodings, !encodings.contains(encoding) { out.append("encoding \(encoding) ≠ \(encodings.sorted().joined(separator: "|"))") }
        if let delimiter, delimiter != d { out.append("delimiter \(d.escaped(asASCII: true)) ≠ \(delimiter.escaped(asASCII: true))") }
        if let quote, quote != q {
            func show(_ x: UInt8?) -> String { x.map { String(Character(Unicode.Scalar($0))) } ?? "none" }
            out.append("quote \(show(q)) ≠ \(show(quote))")
        }
        return out
    }
}
