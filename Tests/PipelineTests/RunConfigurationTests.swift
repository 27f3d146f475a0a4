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
        let settings = config.collectionsSettings(asOf: config.asOf!)
        #expect(settings.promiseGraceDays == 3 && settings.dsoWindowDays == 60 && settings.undatedPromiseDays == 7)
        #expect(settings.defaultCurrency?.code == "USD")
    }

    /// A typo in any section is refused, naming where it is and the key it most likely meant
    /// (QA: `priorty`, `curency` and `promise_grace_dayz` were silently ignored).
    @Test(arguments: [
        ("sources:\n  - path: a.csv\n    priorty: 3", "unknown key 'sources[0].priorty' (did you mean 'priority'?"),
        ("sources:\n  - path: a.csv\n  - path: b.csv\n    labl: ERP", "unknown key 'sources[1].labl' (did you mean 'label'?"),
        ("sources:\n  - path: a.csv\n    mappping: m.yaml", "unknown key 'sources[0].mappping' (did you mean 'mapping'?"),
        ("sources:\n  - path: a.csv\n    optinal: true", "unknown key 'sources[0].optinal' (did you mean 'optional'?"),
        ("sources:\n  - path: a.csv\ndefaults:\n  curency: COP", "unknown key 'defaults.curency' (did you mean 'currency'?"),
        ("sources:\n  - path: a.csv\ndefaults:\n  contry: CO", "unknown key 'defaults.contry' (did you mean 'country'?"),
        ("sources:\n  - path: a.csv\ndefaults:\n  country: CO\n  moneda: USD",
         "unknown key 'defaults.moneda' (known: country, currency)"),
        ("sources:\n  - path: a.csv\ncollections:\n  promise_grace_dayz: 3",
         "unknown key 'collections.promise_grace_dayz' (did you mean 'promise_grace_days'?"),
        ("sources:\n  - path: a.csv\ncollections:\n  dso_window: 60", "unknown key 'collections.dso_window' (known: "),
        ("sources:\n  - path: a.csv\noutpt: out", "unknown key 'outpt' (did you mean 'output'?"),
        ("sources:\n  - path: a.csv\nfailon: error", "unknown key 'failon' (did you mean 'fail_on'?"),
    ])
    func refusesAnUnknownKeyInAnySection(yaml: String, fragment: String) {
        Self.expectRefusal(yaml, saying: fragment)
    }

    /// Every unknown key is listed at once, so one edit fixes the file.
    @Test func listsEveryUnknownKey() {
        let yaml = "sources:\n  - path: a.csv\n    labl: ERP\noutpt: out3\ncollections:\n  promise_grace_dayz: 3\n"
        do {
            _ = try RunConfiguration.parse(yaml: yaml, file: "c.yaml", baseDirectory: ".")
            Issue.record("expected an error")
        } catch {
            let text = "\(error)"
            for key in ["'outpt'", "'sources[0].labl'", "'collections.promise_grace_dayz'"] {
                #expect(text.contains("unknown key \(key)"), "\(text)")
            }
        }
    }

    /// The known keys are the decoders' own: the documented shape has none unknown.
    @Test func theDocumentedKeysAreKnown() throws {
        let yaml = """
            sources:
              - { path: a.csv, mapping: m.yaml, kind: csv, label: ERP, priority: 2 }
              - { path: extras/*.csv, optional: true }
            defaults: { country: CO, currency: COP }
            as_of: 2024-06-30
            output: out
            store: out/consolida.sqlite
            fail_on: never
            strict: false
            keep_runs: 7
            matching: matching.yaml
            overrides: overrides.yaml
            collections: { promise_grace_days: 0, undated_promise_days: 7, dso_window_days: 90, contact_coverage_days: 30 }
            own_names: [Ana Cobranza, "+58 412 5550000"]
            """
        let config = try RunConfiguration.parse(yaml: yaml, file: "c.yaml", baseDirectory: ".")
        #expect(config.ownNames == ["Ana Cobranza", "+58 412 5550000"])
        #expect(config.sources[0].label == "ERP" && config.currency?.code == "COP" && config.collections.dsoWindowDays == 90)
        // A source must be there unless it says it may be absent.
        #expect(config.sources.map(\.isOptional) == [false, true])
        #expect(config.keepRuns == 7)
        #expect(try RunConfiguration.parse(yaml: "sources:\n  - path: a.csv", file: "c.yaml", baseDirectory: ".").keepRuns
                == RunConfiguration.defaultKeepRuns)
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
        ("sources:\n  - path: a.csv\nkeep_runs: 0", "keep_runs must be at least 1"),
    ])
    func rejectsWithAClearMessage(yaml: String, fragment: String) {
        Self.expectRefusal(yaml, saying: fragment)
    }

    /// The configuration is refused with a ``ConfigurationError`` whose text holds `fragment`.
    static func expectRefusal(_ yaml: String, saying fragment: String) {
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
