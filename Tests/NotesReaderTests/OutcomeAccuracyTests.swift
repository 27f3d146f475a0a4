import Foundation
import Receivables
import Testing
@testable import NotesReader

/// Measures the outcome rules on a hand-labelled set of collection-log entries (Spanish and
/// Portuguese), written before the rules were tuned. Prints accuracy per outcome.
@Suite struct OutcomeAccuracyTests {
    struct Case { var text: String; var expected: ContactEvent.Outcome }

    static func labelled(_ file: String = "outcomes-labelled.tsv") throws -> [Case] {
        try Fixture.text(file).split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let cols = line.split(separator: "\t")
            guard cols.count == 2, let o = ContactEvent.Outcome(rawValue: String(cols[1])) else { return nil }
            return Case(text: String(cols[0]), expected: o)
        }
    }

    @Test func labelledSetIsLargeAndCoversEveryOutcome() throws {
        let cases = try Self.labelled()
        #expect(cases.count >= 200)
        #expect(Set(cases.map(\.expected)) == Set(ContactEvent.Outcome.allCases))
    }

    @Test func accuracyPerOutcome() throws {
        let overall = try Self.measure("outcomes-labelled.tsv")
        #expect(overall.all >= 0.90, "overall accuracy \(overall.all)")
        for (o, acc) in overall.per { #expect(acc >= 0.75, "\(o.rawValue) accuracy \(acc)") }
    }

    /// Entries written after the rules and never used to tune them: the estimate for unseen notes.
    @Test func accuracyOnHeldOutEntries() throws {
        let cases = try Self.labelled("outcomes-heldout.tsv")
        #expect(cases.count >= 60)
        let overall = try Self.measure("outcomes-heldout.tsv")
        #expect(overall.all >= 0.60, "held-out accuracy \(overall.all)")
    }

    static func measure(_ file: String) throws -> (all: Double, per: [(ContactEvent.Outcome, Double)]) {
        let cases = try Self.labelled(file)
        let classifier = OutcomeClassifier(rules: .builtIn)
        var total: [ContactEvent.Outcome: Int] = [:], right: [ContactEvent.Outcome: Int] = [:]
        var misses: [String] = []
        for c in cases {
            let got = classifier.classify(c.text).outcome
            total[c.expected, default: 0] += 1
            if got == c.expected { right[c.expected, default: 0] += 1 }
            else { misses.append("  \(c.expected.rawValue) ← \(got.rawValue): \(c.text)") }
        }
        var report = "Outcome accuracy on \(cases.count) labelled entries (\(file)):\n"
        for o in ContactEvent.Outcome.allCases {
            let t = total[o] ?? 0, r = right[o] ?? 0
            report += "  \(o.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) \(r)/\(t) = \(String(format: "%.1f", t == 0 ? 0 : 100 * Double(r) / Double(t)))%\n"
        }
        let overall = Double(right.values.reduce(0, +)) / Double(cases.count)
        report += "  overall                \(String(format: "%.1f", 100 * overall))%\n"
        if ProcessInfo.processInfo.environment["SHOW_MISSES"] != nil { report += "misses:\n" + misses.joined(separator: "\n") }
        print(report)
        let per = ContactEvent.Outcome.allCases.map { o in (o, Double(right[o] ?? 0) / Double(max(1, total[o] ?? 0))) }
        return (overall, per)
    }
}
