import Receivables

/// Customer records → clusters: features, blocking, model estimation, scoring, clustering.
struct CustomerMatcher {
    let settings: MatchSettings
    let overrides: Overrides

    struct Output {
        var features: FeatureSet
        var index: [RecordID: Int]
        var evaluator: ComparisonEvaluator
        var scorer: PairScorer
        var outcome: ClusteringOutcome
        var discrepancies: [Discrepancy]
        var modelSummary: MatchModelSummary
        let settings: MatchSettings
    }

    /// `customers` must already be sorted (``Reconciler/customerOrder``).
    func match(_ customers: [Customer]) -> Output {
        let features = FeatureSet(customers: customers, settings: settings)
        let evaluator = ComparisonEvaluator(settings: settings, features: features)
        let pairs = Blocker(settings: settings, features: features).candidatePairs()
        var patterns: [UInt64] = []
        patterns.reserveCapacity(pairs.count)
        for p in pairs { patterns.append(evaluator.pattern(Int(p >> 32), Int(p & 0xFFFF_FFFF))) }
        let parameters = ParameterEstimator(settings: settings, evaluator: evaluator).estimate(candidatePatterns: patterns)
        let scorer = PairScorer(settings: settings, evaluator: evaluator, parameters: parameters)

        var edges: [ScoredPair] = []
        for (k, p) in pairs.enumerated() {
            let i = Int(p >> 32), j = Int(p & 0xFFFF_FFFF)
            let w = scorer.weight(i, j, pattern: patterns[k])
            if ModelParameters.probability(weight: w) >= settings.matchThreshold {
                edges.append(ScoredPair(i: Int32(i), j: Int32(j), pattern: patterns[k], weight: w))
            }
        }
        edges.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.i, $0.j) < ($1.i, $1.j) }

        var index: [RecordID: Int] = [:]
        var mustLinks: [(Int, Int)] = []
        for (i, c) in customers.enumerated() {
            // The same record twice (a careless export) is one record.
            if let j = index[c.id] { mustLinks.append((j, i)) } else { index[c.id] = i }
        }
        var discrepancies: [Discrepancy] = []
        func resolve(_ s: Overrides.Selector, _ kind: String) -> [Int] {
            let r = s.resolve(in: customers, features: features, index: index)
            if r.isEmpty {
                discrepancies.append(.make(kind: "override_unmatched", severity: .warning, entity: "override", entityID: kind + ":" + s.description,
                                           field: kind, values: [], message: "\(kind) override \(s) selects no record"))
            }
            return r
        }
        for pair in overrides.mustLink {
            let a = resolve(pair.a, "must_link"), b = resolve(pair.b, "must_link")
            let all = (a + b).sorted()
            if let first = all.first { for x in all.dropFirst() where x != first { mustLinks.append((first, x)) } }
        }
        var cannot = Set<UInt64>()
        for pair in overrides.cannotLink {
            for x in resolve(pair.a, "cannot_link") { for y in resolve(pair.b, "cannot_link") where x != y { cannot.insert(Clusterer.key(x, y)) } }
        }
        let validTaxIDs = features.records.map { r -> String? in r.taxID.flatMap { $0.isValid ? $0.normalized : nil } }
        let outcome = Clusterer(settings: settings, scorePair: { scorer.score($0, $1) }, validTaxIDs: validTaxIDs, mustLinks: mustLinks,
                                cannotLinks: cannot).cluster(count: customers.count, edges: edges)

        let summary = MatchModelSummary(
            prior: parameters.prior, matchThreshold: settings.matchThreshold,
            comparisons: settings.comparisons.enumerated().map { c, comparison in
                .init(name: comparison.name, levels: comparison.levels.enumerated().map { k, level in
                    .init(label: level.label, m: parameters.m[c][k], u: parameters.u[c][k], log2BayesFactor: parameters.log2BayesFactor(c, k))
                })
            },
            candidatePairs: pairs.count, randomPairs: parameters.randomPairs, iterations: parameters.iterations)
        return Output(features: features, index: index, evaluator: evaluator, scorer: scorer, outcome: outcome,
                      discrepancies: discrepancies, modelSummary: summary, settings: settings)
    }
}

extension CustomerMatcher.Output {
    /// The waterfall of one member's link to its partner.
    func explain(customerID: String, _ member: Int, _ link: MemberLink, _ customers: [Customer]) -> MatchExplanation {
        var contributions: [MatchExplanation.Contribution] = []
        if let pattern = link.pattern {
            for (c, comparison) in settings.comparisons.enumerated() {
                let level = ComparisonEvaluator.level(in: pattern, comparison: c)
                let tf = scorer.termFrequencyAdjustment(c, level, member)
                contributions.append(.init(
                    comparison: comparison.name, level: level.map { comparison.levels[$0].label } ?? "null",
                    log2BayesFactor: scorer.parameters.log2BayesFactor(c, level) + tf, termFrequencyAdjustment: tf,
                    valueA: Self.display(comparison.field, customers[member]), valueB: Self.display(comparison.field, customers[link.partner])))
            }
        }
        return MatchExplanation(customerID: customerID, record: customers[member].id, partner: customers[link.partner].id,
                                rule: link.rule, log2PriorOdds: scorer.parameters.log2PriorOdds, contributions: contributions,
                                totalWeight: link.weight, probability: link.probability)
    }

    static func display(_ field: MatchSettings.Field, _ c: Customer) -> String? {
        switch field {
        case .name: c.name?.value
        case .taxID: c.taxID.map { $0.value.display.isEmpty ? $0.value.normalized : $0.value.display }
        case .phone: c.phones.isEmpty ? nil : c.phones.map(\.value).joined(separator: ", ")
        case .email: c.emails.isEmpty ? nil : c.emails.map(\.value).joined(separator: ", ")
        case .address: c.address?.value
        case .city: c.city?.value
        case .extra(let h): c.extra[h]
        }
    }

    /// Splits, override conflicts and clusters too big to check, as discrepancies for review.
    func clusterDiscrepancies(customers: [Customer], idByRecord: [RecordID: String]) -> [Discrepancy] {
        var out: [Discrepancy] = []
        func values(_ records: [Int]) -> [Discrepancy.CompetingValue] {
            records.map { .init(value: customers[$0].name?.value ?? customers[$0].id.rawValue, provenance: customers[$0].provenance) }
        }
        for split in outcome.splits {
            let partIDs = split.parts.map { idByRecord[customers[$0[0]].id] ?? "" }
            out.append(.make(kind: "cluster_split", severity: .warning, entity: "customer", entityID: partIDs.joined(separator: "+"),
                             field: "members", values: values(split.parts.flatMap { $0 }), chosen: partIDs.joined(separator: ", "),
                             rule: "cluster_min_support",
                             message: "records linked through a weak chain were kept as \(split.parts.count) customers (\(partIDs.joined(separator: ", "))); "
                                + "average match probability between them \(String(format: "%.3f", split.crossSupport)) < \(settings.clusterMinSupport)"))
        }
        for (a, b) in outcome.overrideConflicts {
            out.append(.make(kind: "override_conflict", severity: .error, entity: "customer",
                             entityID: customers[a].id.rawValue + "+" + customers[b].id.rawValue, field: "members",
                             values: values([a, b]), rule: "cannot_link",
                             message: "a must-link and a cannot-link override contradict each other; the cannot-link was applied"))
        }
        for members in outcome.unchecked {
            out.append(.make(kind: "large_cluster", severity: .warning, entity: "customer", entityID: idByRecord[customers[members[0]].id] ?? "",
                             field: "members", values: values(members),
                             message: "\(members.count) records form one customer; too many to check pair by pair, please review"))
        }
        return out
    }
}

import Foundation
