import Foundation
import ZipArchive

/// A WhatsApp export zip (`WhatsApp Chat - X.zip`): the chat is `_chat.txt` (iOS) or the one
/// `.txt` inside (Android); the media beside it are not read.
enum WhatsAppZip {
    static func chatText(path: String) throws -> (entry: String, data: Data) {
        let archive: ZipArchive
        do { archive = try ZipArchive(path: path) }
        catch { throw NotesError.cannotRead(path: path, reason: "\(error)") }
        let texts = archive.entries.filter { !$0.isDirectory && $0.name.lowercased().hasSuffix(".txt") }
        let chosen = texts.first { ($0.name as NSString).lastPathComponent == "_chat.txt" }
            ?? texts.first { ChatParty.nameFromFile($0.name) != nil }
            ?? (texts.count == 1 ? texts.first : nil)
        guard let entry = chosen else {
            throw NotesError.unsupported(path: path, reason: texts.isEmpty
                ? "the zip holds no chat (.txt) file" : "the zip holds several .txt files and none is the chat")
        }
        do { return (entry.name, Data(try archive.contents(of: entry))) }
        catch { throw NotesError.cannotRead(path: path, reason: "\(entry.name): \(error)") }
    }
}
