/// "Did you mean …?" for a misspelt settings key. Every settings file Consolida reads refuses a key
/// it does not know (a typo must never silently change a nightly job), and the refusal is easier to
/// act on when it names the key the user most likely meant.
public enum KeySuggestion {
    /// The known key nearest to `key` in edits, when it is near enough to be a slip of the keyboard:
    /// one edit for a key of up to four letters, two for a longer one (`priorty` → `priority`,
    /// `promise_grace_dayz` → `promise_grace_days`). On a tie, the first in sorted order, so the
    /// message is the same on every run. `nil` when nothing known is that close (`moneda`).
    public static func closest(to key: String, among known: some Sequence<String>) -> String? {
        let typed = key.lowercased()
        let limit = typed.count <= 4 ? 1 : 2
        var best: (key: String, distance: Int)?
        for candidate in known.sorted() {
            let distance = Levenshtein.distance(typed, candidate, limit: limit)
            if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.key
    }

    /// The sentence after an unknown key: the suggestion, when there is one, and every key known there.
    public static func hint(for key: String, among known: some Collection<String>) -> String {
        let list = known.sorted().joined(separator: ", ")
        guard let suggestion = closest(to: key, among: known) else { return "known: \(list)" }
        return "did you mean '\(suggestion)'? known: \(list)"
    }
}
