import Foundation
import Testing
@testable import Reconcile

@Suite struct SettingsTests {
    @Test func mappingsFileIsTheEmbeddedDefault() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Mappings/matching.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == MatchSettings.defaultYAML)
        #expect(try MatchSettings(contentsOf: url) == MatchSettings.default)
    }

    @Test func defaultsAreReadable() {
        let s = MatchSettings.default
        #expect(s.comparisons.map(\.name) == ["tax_id", "name", "phone", "email", "address", "city", "legal_form", "country"])
        #expect(s.comparisons[1].termFrequency)
        #expect(s.survivorship == [.sourcePriority, .mostRecent, .mostComplete, .mostFrequent])
        #expect(s.severity(for: "tax_id") == .error)
    }

    static let base = MatchSettings.defaultYAML

    @Test(arguments: [
        ("match_treshold: 0.9\n", "match_treshold"),
        ("prior: 2\n", "prior"),
        ("blocking:\n  keys: [tax_id, zip]\n", "blocking.keys[1]"),
    ])
    func topLevelErrorsNamePath(extra: String, path: String) {
        var yaml = Self.base
        if extra.hasPrefix("blocking") {
            yaml = yaml.replacingOccurrences(of: "  keys: [tax_id, name_fingerprint, name_token_pair, name_rare_tokens, name_phonetic, phone_suffix, email, address]",
                                             with: "  keys: [tax_id, zip]")
        } else if extra.hasPrefix("prior") {
            yaml = yaml.replacingOccurrences(of: "prior: auto\n", with: extra)
        } else {
            yaml += extra
        }
        #expect { try MatchSettings(yaml: yaml) } throws: { ($0 as? SettingsError)?.path == path }
    }

    /// An unknown key names the known one it most likely meant; a `severity:` entry for no field
    /// survivorship decides is refused, not silently left at `info`.
    @Test(arguments: [
        ("match_treshold: 0.9\n", "match_treshold: unknown key (did you mean 'match_threshold'?"),
        ("severity:\n  tax_idd: warning\n", "severity.tax_idd: unknown key (did you mean 'tax_id'?"),
        ("severity:\n  phone: error\n", "severity.phone: unknown key (known: address, city, country, name, salesperson, tax_id)"),
    ])
    func unknownKeysSuggestTheKnownOne(extra: String, message: String) {
        // The defaults' own `severity:` block is replaced, so a key appears once.
        let base = Self.base.components(separatedBy: "\nseverity:")[0] + "\n"
        #expect { try MatchSettings(yaml: base + extra) } throws: { "\($0)".contains(message) }
    }

    @Test func levelErrors() {
        let noElse = """
            blocking: { keys: [tax_id] }
            comparisons:
              - field: name
                levels:
                  - { when: exact }
                  - { when: jaro_winkler, threshold: 0.9 }
            """
        #expect { try MatchSettings(yaml: noElse) } throws: { "\($0)".contains("comparisons[0].levels[1].when: the last level must be `else`") }
        let noThreshold = """
            blocking: { keys: [tax_id] }
            comparisons:
              - field: name
                levels: [{ when: jaro_winkler }, { when: else }]
            """
        #expect { try MatchSettings(yaml: noThreshold) } throws: { "\($0)".contains("needs a threshold") }
        let wrongField = """
            blocking: { keys: [tax_id] }
            comparisons:
              - field: phone
                levels: [{ when: jaro_winkler, threshold: 0.9 }, { when: else }]
            """
        #expect { try MatchSettings(yaml: wrongField) } throws: { "\($0)".contains("does not apply to field phone") }
        #expect(throws: SettingsError.self) { try MatchSettings(yaml: "comparisons: [") }
    }

    @Test func extraFieldsAndFixedProbabilities() throws {
        let s = try MatchSettings(yaml: """
            blocking: { keys: [name_fingerprint] }
            comparisons:
              - field: extra.date_of_birth
                levels: [{ when: exact, m: 0.9, u: 0.01 }, { when: else }]
            """)
        #expect(s.comparisons[0].field == .extra("date_of_birth"))
        #expect(s.comparisons[0].levels[0].m == 0.9)
    }
}
