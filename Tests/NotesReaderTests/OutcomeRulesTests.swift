import Foundation
import Receivables
import Testing
@testable import NotesReader

@Suite struct OutcomeRulesTests {
    @Test func builtInRulesAreTheMappingsFile() throws {
        let file = Fixture.repositoryRoot.appendingPathComponent("Mappings/outcome-rules.yaml").path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // Regenerate with Scripts/embed-outcome-rules.sh after editing the YAML.
        #expect(text == OutcomeRules.builtInYAML + "\n")
        #expect(try OutcomeRules.load(path: file).rules.map(\.outcome) == OutcomeRules.builtIn.rules.map(\.outcome))
    }

    @Test func priorityFollowsTheFile() {
        #expect(OutcomeRules.builtIn.rules.map(\.outcome) == [.promiseToPay, .dispute, .wrongNumber,
                                                              .requestsInvoiceCopy, .saysPaid, .noAnswer, .other])
        #expect(OutcomeRules.builtIn.negationWords.contains("no"), "YAML 1.1 reads a bare no as false")
    }

    static let cases: [(String, ContactEvent.Outcome)] = [
        ("ya pagó la factura", .saysPaid),
        ("no ha pagado", .other),
        ("todavía no ha pagado nada", .other),
        ("não pagou", .other),
        ("has not paid", .other),
        ("no pagó pero promete pagar el lunes", .promiseToPay),
        ("promete pagar el viernes", .promiseToPay),
        ("no promete nada", .other),
        ("¿cuándo va a pagar?", .other),
        ("no contesta", .noAnswer),
        ("número equivocado", .wrongNumber),
        ("pide copia de la factura", .requestsInvoiceCopy),
        ("no reconoce la factura", .dispute),
        ("paga mañana", .promiseToPay),
        ("paga", .other),
        ("called, promised to pay next Monday", .promiseToPay),
    ]

    @Test(arguments: cases) func classifies(_ text: String, _ expected: ContactEvent.Outcome) {
        #expect(OutcomeClassifier(rules: .builtIn).classify(text).outcome == expected)
    }

    @Test func customRulesLoadFromYAML() throws {
        let yaml = """
            priority: [says_paid]
            negation: {window: 3, words: ["no"]}
            outcomes:
              says_paid:
                phrases: ["zelle*", {phrase: "pago movil", weight: 2}]
            channels:
              call: ["llam*"]
            """
        let rules = try OutcomeRules.load(yaml: yaml)
        let c = OutcomeClassifier(rules: rules)
        #expect(c.classify("mandó el zelle").outcome == .saysPaid)
        #expect(c.classify("no mandó el zelle").outcome == .other)
        #expect(c.classify("no, ya mandó el zelle").outcome == .saysPaid) // a comma ends the negation's clause
        #expect(c.classify("hizo pago movil").evidence == ["pago movil"])
    }

    @Test func badRulesAreReportedNotCrashed() {
        #expect(throws: OutcomeRules.LoadError.self) { try OutcomeRules.load(yaml: "outcomes: {paid_maybe: {phrases: [x]}}") }
        #expect(throws: OutcomeRules.LoadError.self) {
            try OutcomeRules.load(yaml: "lexicons: {}\noutcomes: {other: {combinations: [[missing]]}}")
        }
        #expect(throws: (any Error).self) { try OutcomeRules.load(yaml: "- just a list") }
    }

    @Test func confidenceGrowsWithEvidence() {
        let c = OutcomeClassifier(rules: .builtIn)
        let weak = c.classify("pagó")
        let strong = c.classify("ya pagó, mandó el comprobante")
        #expect(weak.outcome == .saysPaid && strong.outcome == .saysPaid)
        #expect(strong.confidence > weak.confidence)
        #expect(c.classify("saludos").confidence < weak.confidence)
    }
}
