import Foundation
import Receivables

/// Decides who the customer is in a chat: the other party, not the company's own side.
struct ChatParty: Sendable, Equatable {
    var name: String?
    var phones: [String]
    var customerAuthors: Set<String>
    /// Authors known to be the company's own side (named by the own names): when the customer
    /// never writes, their messages are still ours, unanswered.
    var ownAuthors: Set<String> = []
    /// Set when the choice was a guess.
    var diagnostic: String?

    /// `Chat de WhatsApp con X.txt`, `WhatsApp Chat with X.txt`, `Conversa do WhatsApp com X.txt`,
    /// `WhatsApp Chat - X.zip` → `X`.
    static func nameFromFile(_ path: String) -> String? {
        var base = (path as NSString).lastPathComponent
        for ext in [".txt", ".zip"] where base.lowercased().hasSuffix(ext) { base = String(base.dropLast(ext.count)) }
        base = NotesText.clean(base)
        // A browser's second download of the same export (`… con Comercial Don Pepe (1).txt`).
        if let copy = base.range(of: #"\s*\(\d{1,3}\)$"#, options: .regularExpression) { base.removeSubrange(copy) }
        let folded = NotesText.fold(base)
        guard let m = pattern.firstMatch(in: folded), let r = m.groups[0] else { return nil }
        let name = String(NotesText.suffix(base, folded: folded, from: r.upperBound)).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    static func isPhone(_ author: String) -> Bool {
        let digits = author.filter(\.isNumber).count
        let other = author.filter { !$0.isNumber && !" +-().".contains($0) }.count
        return digits >= 7 && other == 0
    }

    /// `country` reads phone numbers written nationally: with `VE`, the own name `0412-5550000`
    /// is the author `+58 412-555-0000`.
    static func decide(authors: [String], hint: String?, ownNames: [String], country: String? = nil) -> ChatParty {
        var distinct: [String] = []
        for a in authors where !distinct.contains(a) { distinct.append(a) }
        let isOwn = { (a: String) in ownNames.contains { same($0, a, country: country) } }
        let own = Set(distinct.filter(isOwn))
        func party(_ names: [String], name: String?, diagnostic: String? = nil) -> ChatParty {
            var phones = names.filter(isPhone).map(MentionExtractor.normalizePhone)
            // A chat named by a phone number (`Chat de WhatsApp con +58 414-5557070`) whose customer
            // never wrote: the number is still all that tells who the customer is.
            if let name, isPhone(name), !names.contains(where: { same($0, name, country: country) }) {
                phones.insert(MentionExtractor.normalizePhone(name), at: 0)
            }
            let chosen = name ?? names.first(where: { !isPhone($0) })
            return ChatParty(name: chosen.flatMap { isPhone($0) ? nil : $0 },
                             phones: phones, customerAuthors: Set(names), ownAuthors: own, diagnostic: diagnostic)
        }
        if let hint {
            if let a = distinct.first(where: { same($0, hint, country: country) }) { return party([a], name: hint) }
            // A group chat, or a contact shown under another name: everyone not on the company's side.
            let others = distinct.filter { !isOwn($0) }
            if ownNames.isEmpty {
                // No author is named like the chat and the company's side is unknown: a phone-number
                // author is the customer; otherwise every author may speak for the customer.
                let phones = distinct.filter(isPhone)
                return party(phones, name: hint, diagnostic: phones.isEmpty
                             ? "no author matches the chat's name '\(hint)'; all authors read as the customer's side" : nil)
            }
            return party(others, name: hint)
        }
        let others = distinct.filter { !isOwn($0) }
        if !ownNames.isEmpty, !others.isEmpty { return party(others, name: others.count == 1 ? others[0] : nil) }
        if distinct.count == 1 { return party(distinct, name: nil) }
        if let phone = distinct.first(where: isPhone) {
            return party([phone], name: nil, diagnostic: "no file name or own names tell the customer; took the author written as a phone number")
        }
        guard distinct.count >= 2 else { return ChatParty(name: nil, phones: [], customerAuthors: [], diagnostic: "the chat has no messages from people") }
        // The company usually writes first in a collection chat.
        return party([distinct[1]], name: nil,
                     diagnostic: "no file name or own names tell the customer; took the author who did not write first (\(distinct[1]))")
    }

    /// Whether two authors are one party: the same folded name, or the same phone written as
    /// digits or, read for `country`, in E.164 (`0412-5550000` in VE is `+58 412-555-0000`).
    static func same(_ a: String, _ b: String, country: String?) -> Bool {
        guard isPhone(a), isPhone(b) else { return NotesText.squeeze(NotesText.fold(a)) == NotesText.squeeze(NotesText.fold(b)) }
        if a.filter(\.isNumber) == b.filter(\.isNumber) { return true }
        guard let pa = PhoneNumber.parse(a, defaultCountry: country), let pb = PhoneNumber.parse(b, defaultCountry: country) else { return false }
        return pa.e164 == pb.e164
    }

    private static let pattern = Pattern(#"^(?:chat de whatsapp con|chat de whatsapp com|whatsapp chat with|whatsapp chat -|whatsapp chat con|conversa do whatsapp com|conversa de whatsapp com|conversacion de whatsapp con)(\s+)"#)
}
