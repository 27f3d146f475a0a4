import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input file found by expanding the configuration's sources.
public struct DiscoveredSource: Sendable, Equatable {
    /// The path as it will be shown in every location (relative to the configuration's folder
    /// when the configuration names it relatively).
    public var displayPath: String
    /// The path to open.
    public var path: String
    public var spec: RunConfiguration.Source
}

/// Expands files, folders and globs into a sorted, duplicate-free list of input files.
public enum SourceDiscovery {
    /// File endings read when a folder is named (files given by name or glob are always read).
    // Legacy .xls and binary .xlsb are listed so that they are reported (with what to do), never skipped silently.
    public static let readableExtensions: Set<String> = ["csv", "tsv", "txt", "tab", "psv", "xlsx", "xlsm", "xltx", "xltm", "xls", "xlsb",
                                                         "md", "markdown", "enex", "json", "zip"]

    /// A path or glob that matched nothing: a source that cannot be read, never silently ignored.
    public struct Miss: Sendable, Hashable {
        public var pattern: String
        /// A file named without wildcards that does not exist (`no such file`), rather than a glob
        /// or a folder with nothing readable in it (`no file matches`).
        public var isMissingFile = false
        /// Every source configured with this path is `optional`: its absence is only a note.
        public var isOptional = false
    }

    public static func discover(_ config: RunConfiguration, excluding excluded: [String] = []) -> (sources: [DiscoveredSource], misses: [Miss]) {
        var found: [DiscoveredSource] = [], seen: Set<String> = [], misses: [Miss] = []
        let excludedPaths = Set(excluded.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for spec in config.sources {
            let matches = expand(spec.path, base: config.baseDirectory).filter { match in
                let full = URL(fileURLWithPath: match.path).standardizedFileURL.path
                return !excludedPaths.contains { full.hasPrefix($0 + "/") }
            }
            if matches.isEmpty {
                // A path named twice is one source, missing or not; required if either entry is.
                if let earlier = misses.firstIndex(where: { $0.pattern == spec.path }) {
                    misses[earlier].isOptional = misses[earlier].isOptional && spec.isOptional
                    continue
                }
                let resolved = resolve(spec.path, base: config.baseDirectory)
                misses.append(Miss(pattern: spec.path,
                                   isMissingFile: !hasWildcard(spec.path) && !FileManager.default.fileExists(atPath: resolved),
                                   isOptional: spec.isOptional))
            }
            for m in matches where seen.insert(URL(fileURLWithPath: m.path).standardizedFileURL.path).inserted {
                found.append(DiscoveredSource(displayPath: m.display, path: m.path, spec: spec))
            }
        }
        return (found, misses)
    }

    /// Expands one entry: a file, a folder (recursively, readable endings only) or a glob
    /// (`*`, `?`, `[...]` in the last component; `**/` for any depth).
    static func expand(_ pattern: String, base: String) -> [(display: String, path: String)] {
        let resolved = resolve(pattern, base: base)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !hasWildcard(pattern) {
            guard fm.fileExists(atPath: resolved, isDirectory: &isDir) else { return [] }
            if !isDir.boolValue { return [(pattern, resolved)] }
            let shown = pattern == "." || pattern == "./" ? "" : (pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern)
            return walk(folder: resolved, display: shown, includeAll: false)
        }
        // Wildcards: walk from the deepest folder without wildcards.
        var fixed: [String] = [], rest: [String] = []
        for component in pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if rest.isEmpty && !hasWildcard(component) { fixed.append(component) } else { rest.append(component) }
        }
        let displayRoot = fixed.joined(separator: "/")
        let root = displayRoot.isEmpty ? base : resolve(displayRoot, base: base)
        let files = walk(folder: root, display: displayRoot.isEmpty ? "" : displayRoot, includeAll: true)
        let glob = rest.joined(separator: "/")
        return files.filter { file in
            // A folder that could not be listed may hold matching files: kept, to be reported.
            if isFolder(file.path) { return true }
            let relative = displayRoot.isEmpty ? file.display : String(file.display.dropFirst(displayRoot.count + 1))
            return matches(glob: glob, path: relative)
        }
    }

    /// A configured path as the file system sees it: relative paths are relative to the configuration.
    static func resolve(_ path: String, base: String) -> String {
        path.hasPrefix("/") || base == "." ? path : (base as NSString).appendingPathComponent(path)
    }

    static func hasWildcard(_ s: String) -> Bool { s.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// `fnmatch` with `**/` meaning any number of folders.
    static func matches(glob: String, path: String) -> Bool {
        if glob.hasPrefix("**/") {
            let tail = String(glob.dropFirst(3))
            var candidate = Substring(path)
            while true {
                if fnmatch(tail, String(candidate), FNM_PATHNAME) == 0 { return true }
                guard let slash = candidate.firstIndex(of: "/") else { return false }
                candidate = candidate[candidate.index(after: slash)...]
            }
        }
        return fnmatch(glob, path, FNM_PATHNAME) == 0
    }

    /// Every regular file below a folder, sorted, skipping hidden files and folders, and folders
    /// Consolida wrote (``OutputFolder/markerName``: an earlier run's output copied beside the
    /// sources is its own results, not data; its JSON would even fail as a notes export).
    ///
    /// A folder that cannot be listed, or an entry that cannot be looked at (no permission), is
    /// listed itself: opening it then fails with the reason, and the run reports it as a source it
    /// could not read, instead of a salesperson's folder missing from the book without a word.
    static func walk(folder: String, display: String, includeAll: Bool) -> [(display: String, path: String)] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return [(display.isEmpty ? folder : display, folder)] }
        var out: [(display: String, path: String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder == "." ? name : (folder as NSString).appendingPathComponent(name)
            let shown = display.isEmpty ? name : display + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                // Not even looked at (a folder without search permission): reported, unless a
                // link to nothing (`lstat` sees it) or of an ending no folder walk reads.
                if !isDanglingLink(path), includeAll || readableExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    out.append((shown, path))
                }
                continue
            }
            if isDir.boolValue {
                if fm.fileExists(atPath: (path as NSString).appendingPathComponent(OutputFolder.markerName)) { continue }
                out += walk(folder: path, display: shown, includeAll: includeAll)
            } else if includeAll || readableExtensions.contains((name as NSString).pathExtension.lowercased()) {
                out.append((shown, path))
            }
        }
        return out
    }

    /// Whether `path` is a folder (one that could not be listed, in ``walk(folder:display:includeAll:)``'s output).
    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// A symbolic link whose target does not exist (as opposed to one that cannot be looked at).
    static func isDanglingLink(_ path: String) -> Bool {
        var link = stat(), target = stat()
        return lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK && stat(path, &target) != 0 && errno == ENOENT
    }
}
