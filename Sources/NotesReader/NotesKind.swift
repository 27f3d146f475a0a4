import Foundation

/// The kinds of notes files Consolida reads.
public enum NotesKind: String, Sendable, CaseIterable, Codable {
    case notebook, whatsapp, enex, keep

    /// Detects the kind from the first bytes (at most a few KiB) and the path: an ENEX root
    /// element, a Keep JSON note, a chat whose first messages carry WhatsApp's date stamps, or a
    /// zip (a WhatsApp export); anything else textual is a notebook.
    public static func detect(prefix: [UInt8], path: String) -> NotesKind {
        let lower = path.lowercased()
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .whatsapp }
        if lower.hasSuffix(".enex") { return .enex }
        let text = NotesText.clean(NotesText.decode(Data(prefix)).text)
        if text.contains("<en-export") { return .enex }
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "{" && (text.contains("\"textContent\"") || text.contains("\"listContent\"")
                                    || text.contains("\"createdTimestampUsec\"") || text.contains("\"userEditedTimestampUsec\"")) {
            return .keep
        }
        if lower.hasSuffix(".json") { return .keep }
        let lines = NotesText.lines(text).prefix(20).filter { !NotesText.isBlank($0) }
        let parsed = lines.compactMap { WhatsAppLine.parse($0) }
        // A chat's lines are mostly messages with an author (`Name: text`); a notebook whose
        // entries carry a time (`15/03/24 10:30 - llamé, no contestó`) has the stamps but no authors.
        let authored = parsed.filter { WhatsAppParser.splitAuthor($0.body).0 != nil }.count
        if !lines.isEmpty && parsed.count * 2 >= min(lines.count, 10) && authored >= 1 && authored * 2 >= parsed.count {
            return .whatsapp
        }
        // A chat of WhatsApp's own notices only (the encryption line): a chat still, if an empty one.
        if !parsed.isEmpty, parsed.count == lines.count, parsed.allSatisfy({ WhatsAppText.isSystem(NotesText.fold($0.body)) }) {
            return .whatsapp
        }
        return .notebook
    }
}
