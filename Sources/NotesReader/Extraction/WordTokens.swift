/// A text folded and split into words for keyword rules: numbers become `#`-matchable tokens,
/// `/` between numbers is kept (`15/03` → `15`, `/`, `03`), and punctuation marks sentence and
/// clause ends (not the dot of an abbreviation: ``abbreviations``).
struct WordTokens: Sendable {
    struct Token: Sendable, Equatable {
        /// The word folded: lower case, no accents.
        var text: String
        /// The word in lower case as written, accents kept: folding makes `pagó` (paid) `pago`, and
        /// a phrase word marked `pago!` tells the present from the past by it.
        var written: String
        var isNumber: Bool
        var sentence: Int
        var clause: Int
        /// Whether a contrast word (`pero`, `mas`) came earlier in the sentence.
        var afterContrast = false
        /// Whether the word is part of a fixed expression that negates nothing (`sin falta`).
        var inNotNegating = false
        /// Whether the word is part of a doubt (`no sé si`), which cancels a payment after it in
        /// its clause but nothing said before (`ya le mandé el comprobante no sé si le llegó`).
        var inDoubt = false
    }

    var tokens: [Token] = []
    /// Sentences that end with `?`.
    var questions: Set<Int> = []
    /// Where each word occurs, so a phrase is only tried where its first word is.
    var positions: [String: [Int]] = [:]

    init(_ text: String) {
        let folded = NotesText.fold(text)
        var sentence = 0, clause = 0
        var word = "", writtenWord = ""
        var wordIsNumber = true
        func flush() {
            guard !word.isEmpty else { return }
            tokens.append(Token(text: word, written: writtenWord.lowercased(), isNumber: wordIsNumber,
                                sentence: sentence, clause: clause))
            word = ""; writtenWord = ""; wordIsNumber = true
        }
        var previous: Character = " "
        let chars = Array(folded)
        // Folding maps each character to one, so the written one sits at the same offset; should a
        // folded character ever join its neighbour, the folded text stands in for the written.
        let originals = Array(text)
        let writtenChars = originals.count == chars.count ? originals : chars
        for (i, c) in chars.enumerated() {
            if c.isLetter || c.isNumber {
                word.append(c); writtenWord.append(writtenChars[i])
                if !c.isNumber { wordIsNumber = false }
            } else if c == "'" || c == "’" {
                continue // didn't → didnt
            } else if (c == "." || c == ",") && previous.isNumber && i + 1 < chars.count && chars[i + 1].isNumber {
                word.append(c); writtenWord.append(c) // 1.234,56 stays one number
            } else {
                let shortened = c == "." && Self.dotShortens(word.isEmpty ? (previous == "°" ? tokens.last?.text : nil) : word)
                flush()
                switch c {
                case "." where shortened: break // `Bs.`, `Sr.`, `N°.`: an abbreviation, not the sentence's end
                case ".", "!", ";", "\n", "\r", "…": sentence += 1; clause += 1
                case "?": questions.insert(sentence); sentence += 1; clause += 1
                case ",", ":", "(", ")", "-", "–", "—":
                    clause += 1
                case "/" where previous.isNumber:
                    tokens.append(Token(text: "/", written: "/", isNumber: false, sentence: sentence, clause: clause))
                default: break
                }
            }
            previous = c
        }
        flush()
        for (i, t) in tokens.enumerated() { positions[t.text, default: []].append(i) }
    }
}
