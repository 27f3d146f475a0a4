import Receivables
import Tabular

/// Everything read from one entry's text.
struct EntryFacts: Sendable {
    var channel: ContactEvent.Channel
    var outcome: OutcomeClassifier.Result
    var amounts: [AmountExtractor.Found]
    var promiseDate: PromiseDateResolver.Found?
    var invoices: [String]
    var phones: [String]
    var emails: [String]
    var taxIDs: [String]
}

/// Runs every extractor over an entry.
struct EntryExtractor: Sendable {
    var rules: OutcomeRules
    var defaultCurrency: Currency?
    /// What a bare `$` means (``NotesImportOptions/dollarSign``).
    var dollarSign: Currency
    /// What `pesos` means (``NotesImportOptions/pesos``).
    var pesos: Currency?

    func extract(_ fullText: String, date: LocalDate, defaultChannel: ContactEvent.Channel, channelFromText: Bool,
                 dayFirst: Bool, currency: Currency? = nil) -> EntryFacts {
        let text = Self.withoutOverlongTokens(fullText)
        let words = WordTokens(text)
        let outcome = OutcomeClassifier(rules: rules).classify(text)
        var channel = defaultChannel
        if channelFromText, let c = ChannelDetector.detect(words, rules: rules) { channel = c }
        let promise = outcome.outcome == .promiseToPay
            ? PromiseDateResolver.resolve(text, on: date, dayFirst: dayFirst) : nil
        let taxIDs = MentionExtractor.taxIDs(text)
        let invoices = MentionExtractor.invoices(text)
        // A tax ID or invoice number is not also a phone.
        let phones = MentionExtractor.phones(text).filter { p in
            !taxIDs.contains { $0.filter(\.isNumber) == p.filter(\.isNumber) }
                && !invoices.contains { $0.filter(\.isNumber) == p.filter(\.isNumber) }
        }
        let amounts = AmountExtractor.extract(text, defaultCurrency: currency ?? defaultCurrency, dollarSign: dollarSign,
                                              pesos: pesos, dayFirst: dayFirst)
        return EntryFacts(channel: channel, outcome: outcome, amounts: amounts, promiseDate: promise,
                          invoices: invoices, phones: phones, emails: MentionExtractor.emails(text), taxIDs: taxIDs)
    }

    /// The longest run of characters without white space the extractors read. No amount, date,
    /// phone, email, tax ID or invoice number comes near it; a pasted base64 blob or a corrupted
    /// export line does, and the patterns would take time growing with its square.
    static let longestToken = 256

    /// `text` with every longer run replaced by one space: the event keeps its text as written,
    /// the facts are read from the rest.
    static func withoutOverlongTokens(_ text: String) -> String {
        guard text.utf8.count > longestToken else { return text }
        var out = "", run = ""
        func flush() { out += run.count > longestToken ? " " : run; run = "" }
        for ch in text {
            if ch.isWhitespace { flush(); out.append(ch) } else { run.append(ch) }
        }
        flush()
        return out
    }
}
