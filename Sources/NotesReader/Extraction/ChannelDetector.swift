import Receivables

/// The channel an entry names (`llamé`, `visité`, `por whatsapp`, `correo`): the earliest
/// mention wins, because a note starts with what the collector did.
enum ChannelDetector {
    static func detect(_ words: WordTokens, rules: OutcomeRules) -> ContactEvent.Channel? {
        var best: (Int, ContactEvent.Channel)?
        for (channel, phrases) in rules.channels {
            for p in phrases {
                if let m = PhraseMatcher.matches(p, in: words).first, m.lowerBound < (best?.0 ?? Int.max) {
                    best = (m.lowerBound, channel)
                }
            }
        }
        return best?.1
    }
}
