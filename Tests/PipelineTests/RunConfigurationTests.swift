import Testing
@testable import Pipeline

@Suite struct RunConfigurationTests {
    @Test func parsesTheDocumentedShape() throws {
        let yaml = """
            sources:
              - path: ventas-*.xlsx
                label: Vendedores
                priority: 2
              - path: cuaderno.txt
                kind: notebook
            defaults:
              country: ve
              currency: USD
            as_of: 2024-06-30
            output: out
            fail_on: warning
            collections:
              promise_grace_days: 3
              dso_window_days: 60
            """
        let config = try RunConfiguration.parse(yaml: yaml, file: "consolida.yaml", baseDirectory: "Examples")
        #expect(config.sources.count == 2)
        #expect(config.sources[0].priority == 2 && config.sources[0].kind == .auto)
        #expect(config.sources[1].kind == .notebook)
        #expect(config.country == "VE" && config.currency?.code == "USD")
        #expect(config.asOf?.iso == "2024-06-30")
        #expect(config.failOn == .warning)
        #expect(config.outputPath == "Examples/out")
        #expect(config.collections == .init(promiseGraceDays: 3, dsoWindowDays: 60))
        let settings = DefaultWriter(collections: config.collections).settings(asOf: config.asOf!)
        #expect(settings.promiseGraceDays == 3 && settings.dsoWindowDays == 60 && settings.undatedPromiseDays == 7)
    }

    @Test(arguments: [
        ("sources: []", "at least one"),
        ("sources:\n  - path: a.csv\nouput: x", "unknown key 'ouput'"),
        ("sources:\n  - path: a.csv\nas_of: 30/06/2024", "as_of must be a date"),
        ("sources:\n  - path: a.csv\nfail_on: sometimes", "fail_on must be one of"),
        ("sources:\n  - path: a.csv\ndefaults:\n  currency: dollars", "ISO 4217"),
        ("sources:\n  - path: a.csv\n    kind: pdf", "not valid configuration"),
        ("- just a list", "expected a YAML mapping"),
        ("sources:\n  - path: a.csv\ncollections:\n  promise_grace_days: -2", "positive number of days"),
    ])
    func rejectsWithAClearMessage(yaml: String, fragment: String) {
        do {
            _ = try RunConfiguration.parse(yaml: yaml, file: "c.yaml", baseDirectory: ".")
            Issue.record("expected an error containing \(fragment)")
        } catch let error as ConfigurationError {
            #expect(error.description.contains(fragment), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
