import Foundation

/// A word that multiplies the number before it, as amounts are said and typed in chats:
/// `500 mil`, `1,5 millones`, `2 MM`, `2k`, `2 milhões`, `500 thousand`, and Colombian slang
/// `50 lucas` (thousands of pesos) and `2 palos` (millions of pesos).
///
/// Only read right after a number: on its own `palo` is a stick and `mil gracias` is no amount.
/// `mil` before `gracias`, `disculpas`, `veces` or `perdones` is an idiom, not a thousand
/// (`le mandé el comprobante de la 4521 mil gracias`).
struct SpokenMultiplier: Sendable, Equatable {
    var factor: Decimal
    /// Whether the word itself means pesos (`lucas`, `palos`), as `pesos` after a number does.
    var namesPesos: Bool
    /// Whether the word counts only with a currency next to it: `MM` is also millimetres, which
    /// hardware stores write all the time (`cabillas de 12 mm`), so only `2 MM de bolívares` or
    /// `Bs. 2 MM` are millions.
    var needsCurrency = false

    /// The multiplier a folded word (``NotesText/fold(_:)``) stands for, or nil.
    init?(folded word: String) {
        guard let known = Self.words[word] else { return nil }
        self = known
    }

    private init(factor: Decimal, namesPesos: Bool, needsCurrency: Bool = false) {
        self.factor = factor; self.namesPesos = namesPesos; self.needsCurrency = needsCurrency
    }

    private static let thousand = SpokenMultiplier(factor: 1_000, namesPesos: false)
    private static let million = SpokenMultiplier(factor: 1_000_000, namesPesos: false)

    private static let words: [String: SpokenMultiplier] = [
        "mil": thousand, "k": thousand, "thousand": thousand,
        "luca": SpokenMultiplier(factor: 1_000, namesPesos: true), "lucas": SpokenMultiplier(factor: 1_000, namesPesos: true),
        "millon": million, "millones": million,
        "mm": SpokenMultiplier(factor: 1_000_000, namesPesos: false, needsCurrency: true), "milhao": million, "milhoes": million,
        "million": million, "millions": million,
        "palo": SpokenMultiplier(factor: 1_000_000, namesPesos: true), "palos": SpokenMultiplier(factor: 1_000_000, namesPesos: true),
    ]

    /// Words after which `mil` is an idiom (`mil gracias`, `mil veces`), not a thousand.
    static let idiomsAfterMil = ["gracias", "disculpas", "veces", "perdones"]

    /// Every word as a regex alternation, longest first so that `millones` is not cut at `mil`;
    /// `mil` only when no idiom word follows it.
    static let alternation: String = words.keys
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        .map { $0 == "mil" ? #"mil(?!\s+(?:"# + idiomsAfterMil.joined(separator: "|") + #")\b)"# : $0 }
        .joined(separator: "|")
}
