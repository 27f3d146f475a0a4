import Foundation
import Receivables
import Tabular

/// Reads a WhatsApp chat export (`.txt`): messages with their author, date and time; multi-line
/// messages; system notices skipped and counted; the other party becomes the chat's customer.
struct WhatsAppParser {
    var file: String
    var options: NotesImportOptions
    /// The name used for the file-name hint (`Chat de WhatsApp con X.txt`); defaults to `file`.
    var hintName: String?
    /// The chat's entry name inside a zip (`_chat.txt`); line numbers count within it.
    var part: String?

    private struct Message {
        var line: Int
        var stamp: WhatsAppLine
        var author: String?
        var text: String
        var system: Bool
    }

    func parse(lines raw: [String]) -> ParsedNotes {
        var out = ParsedNotes(file: file)
        out.accounting.sheet = part
        out.accounting.rowsRead = raw.count
        let lines = raw.map(NotesText.clean)
        var messages: [Message] = []
        for (i, line) in lines.enumerated() {
            let n = i + 1
            if let stamp = WhatsAppLine.parse(line) {
                let (author, text) = Self.splitAuthor(stamp.body)
                let folded = NotesText.fold(text)
                let system = author.map { WhatsAppText.isAuthoredSystem(folded, author: $0) } ?? true
                messages.append(Message(line: n, stamp: stamp, author: author, text: text, system: system))
                continue
            }
            if NotesText.isBlank(line) {
                // A blank line inside a message is part of it; before any message it is just blank.
                if let last = messages.indices.last, !messages[last].system {
                    messages[last].text += "\n"
                }
                out.accounting.blank += 1
                continue
            }
            if let last = messages.indices.last {
                messages[last].text += "\n" + line
                out.accounting.otherSkipped += 1 // continuation of a multi-line message
            } else {
                out.reject(file, line: n, code: "WA-NO-STAMP", "line before the first dated message", raw: raw[i], part: part)
            }
        }

        let order = options.dayFirst.map { DateOrder(dayFirst: $0, reason: "forced") }
            ?? DateOrder.decide(messages.map(\.stamp.partialDate), chronological: true,
                                defaultDayFirst: defaultDayFirst(messages.map(\.stamp)))
        out.dayFirst = order.dayFirst
        if let assumed = monthFirstAssumed(order) { out.diagnostics.append(assumed) }
        if order.reason == "conflict" {
            out.diagnostics.append(Diagnostic(.warning, code: "WA-DATE-ORDER-CONFLICT",
                "dates read both day-first and month-first; read as \(order.dayFirst ? "day-first" : "month-first")",
                at: SourceLocation(file: file)))
        }

        let people = messages.filter { !$0.system && $0.author != nil }
        let party = ChatParty.decide(authors: people.compactMap(\.author), hint: ChatParty.nameFromFile(hintName ?? file),
                                     ownNames: options.ownNames, country: options.defaultCountry)
        if let d = party.diagnostic {
            out.diagnostics.append(Diagnostic(.warning, code: "WA-CUSTOMER-GUESSED", d, at: SourceLocation(file: file)))
        }
        let firstLine = messages.first?.line ?? 1
        out.sections.append(NoteSection(line: firstLine, name: party.name, authorPhones: party.phones,
                                        customerAuthors: party.customerAuthors, ownAuthors: party.ownAuthors, part: part))

        for m in messages {
            if m.system { out.accounting.otherSkipped += 1; continue }
            let p = m.stamp.partialDate
            guard let date = p.resolve(dayFirst: order.dayFirst, year: p.year) else {
                out.reject(file, line: m.line, code: "WA-BAD-DATE", "the message's date does not exist", raw: raw[m.line - 1],
                           part: part)
                continue
            }
            var text = m.text
            while text.hasSuffix("\n") { text.removeLast() }
            for marker in WhatsAppText.editedMarkers {
                if let r = NotesText.fold(text).range(of: marker) {
                    let lo = NotesText.fold(text).distance(from: NotesText.fold(text).startIndex, to: r.lowerBound)
                    text = String(text.prefix(lo)).trimmingCharacters(in: .whitespaces)
                }
            }
            out.entries.append(NoteEntry(line: m.line, section: 0, date: date, time: m.stamp.time, author: m.author,
                                         text: text, defaultChannel: .whatsapp, part: part))
            out.accounting.imported += 1
        }
        return out
    }

    /// `Name: text`; nil author for a system line. Names are short, never start with `<` and
    /// leave no quote open: the `: ` of `X creó el grupo "Pagos: Ñandú"` is inside the group's name.
    static func splitAuthor(_ body: String) -> (String?, String) {
        guard let r = body.range(of: ": ") ?? (body.hasSuffix(":") ? body.range(of: ":", options: .backwards) : nil)
        else { return (nil, body) }
        let name = body[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 60, !name.hasPrefix("<"), !leavesAQuoteOpen(name) else { return (nil, body) }
        return (name, String(body[r.upperBound...]))
    }

    private static func leavesAQuoteOpen(_ text: String) -> Bool {
        let straight = text.filter { $0 == "\"" }.count
        let opened = text.filter { "“«".contains($0) }.count, closed = text.filter { "”»".contains($0) }.count
        return straight % 2 == 1 || opened > closed
    }

    /// An English export (AM/PM clocks) is read month-first when no date settles the order; for a
    /// configured country that writes the day first (`--country VE`) that is a guess every date
    /// hangs on, so it is said.
    private func monthFirstAssumed(_ order: DateOrder) -> Diagnostic? {
        guard order.reason == "default", !order.dayFirst, options.dayFirst == nil, options.defaultDayFirst,
              let country = options.defaultCountry, !Self.monthFirstCountries.contains(country) else { return nil }
        return Diagnostic(.warning, code: "WA-DATE-ORDER-ASSUMED",
            "no date in the chat tells day from month; read month-first, as English exports with AM/PM clocks write them, "
                + "although \(country) writes the day first", at: SourceLocation(file: file, sheet: part))
    }

    /// Countries that write the month before the day.
    static let monthFirstCountries: Set<String> = ["US", "PR", "PH", "CA", "FM", "MH", "PW", "GU", "AS", "VI", "UM"]

    /// 12-hour stamps with AM/PM and no Spanish/Portuguese words suggest a US export (month-first);
    /// otherwise the configured default (day-first). Android names an English export `WhatsApp
    /// Chat with …`, iOS `WhatsApp Chat - …` (or `_chat.txt` in its zip): the English `AM`/`PM`
    /// (not `a. m.`) says the phone's language where the name does not.
    private func defaultDayFirst(_ stamps: [WhatsAppLine]) -> Bool {
        let name = NotesText.fold(hintName ?? file)
        if name.contains("whatsapp chat with") && stamps.contains(where: { $0.meridiem != nil }) { return false }
        let localized = ["chat de whatsapp", "conversa do whatsapp", "conversacion de whatsapp"].contains { name.contains($0) }
        if !localized, !stamps.isEmpty, stamps.allSatisfy({ $0.meridiem == nil || $0.englishMeridiem }),
           stamps.contains(where: \.englishMeridiem) { return false }
        return options.defaultDayFirst
    }
}
