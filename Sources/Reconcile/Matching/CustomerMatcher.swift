import Receivables

/// Customer records → clusters: features, blocking, model estimation, scoring, clustering.
struct CustomerMatcher {
    let settings: MatchSettings
    let overrides: Overrides
    var observer: (@Sendable (String) -> Void)?
    /// Pairs of records (indices) that were one customer in the previous run and are unchanged
    /// (``MatchSettings/keepPreviousLinks``).
    var previousLinks: [(Int, Int)] = []

    /// What reconciliation reads after matching. The features (the bulk of the matcher's memory)
    /// are not kept: explanations need only each record's fingerprint count and legal form.
    struct Output: Sendable {
        var outcome: ClusteringOutcome
        var parameters: ModelParameters
        var fingerprintCount: [Int32]
        var fingerprintReferenceFrequency: Double
        var legalForms: [String?]
        /// The records each override entry's selectors select, in the order of the file.
        var overrideSelections: OverrideSelections
        var discrepancies: [Discrepancy]
        var modelSummary: MatchModelSummary
        let settings: MatchSettings
    }

    /// `customers` must already be sorted (``Reconciler/sortedCustomers(_:)``).
    func match(_ customers: CustomerView) -> Output {
        observer?("match keys")
        let features = FeatureSet(customers: customers, settings: settings)
        observer?("blocking")
        let evaluator = ComparisonEvaluator(settings: settings, features: features)
        let pairs = Blocker(settings: settings, features: features).candidatePairs()
        observer?("compare \(pairs.count) candidate pairs")
        let patterns = Parallel.map(count: pairs.count, minimumChunk: 4096) { k in
            evaluator.pattern(Int(pairs[k] >> 32), Int(pairs[k] & 0xFFFF_FFFF))
        }
        observer?("estimate m and u")
        // Copies would make random pairs agree far more often than unrelated customers do, so u is
        // measured on one representative of each identical group.
        var firstOfContent: [String: Int] = [:]
        var representatives: [Int] = []
        var identicalPairs: [(Int, Int)] = []
        for i in 0..<features.count {
            guard let key = features.contentKey(i) else { representatives.append(i); continue }
            if let first = firstOfContent[key] { identicalPairs.append((first, i)) } else { firstOfContent[key] = i; representatives.append(i) }
        }
        // The model (prior, m, u) is fitted on distinct records: pairs between representatives.
        var isRepresentative = [Bool](repeating: false, count: features.count)
        for i in representatives { isRepresentative[i] = true }
        var fitted: [UInt64] = []
        fitted.reserveCapacity(patterns.count)
        for (k, p) in pairs.enumerated() where isRepresentative[Int(p >> 32)] && isRepresentative[Int(p & 0xFFFF_FFFF)] {
            fitted.append(patterns[k])
        }
        let parameters = ParameterEstimator(settings: settings, evaluator: evaluator)
            .estimate(candidatePatterns: fitted, representatives: representatives)
        let scorer = PairScorer(settings: settings, evaluator: evaluator, parameters: parameters)

        observer?("score")
        let validTaxIDs = Self.cannotLinkTaxIDs(features.records.map(\.taxID))
        // Only a surely valid ID links by itself (``TaxIDKey/isSurelyValid``).
        let linkingTaxIDs = features.records.map { r -> String? in r.taxID.flatMap { $0.isSurelyValid ? $0.normalized : nil } }
        var edges: [ScoredPair] = []
        for (k, p) in pairs.enumerated() {
            let i = Int(p >> 32), j = Int(p & 0xFFFF_FFFF)
            let w = scorer.weight(i, j, pattern: patterns[k])
            let sameTaxID = settings.linkSameValidTaxIDs && linkingTaxIDs[i] != nil && linkingTaxIDs[i] == linkingTaxIDs[j]
            if sameTaxID || ModelParameters.probability(weight: w) >= settings.matchThreshold && !scorer.isVetoed(patterns[k]) {
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
        // Records whose matching content is identical are one customer (an ERP repeats the
        // customer's columns on every invoice row); they join as `identical`.
        var identical = Set<UInt64>()
        for (a, b) in identicalPairs {
            mustLinks.append((a, b)); identical.insert(Clusterer.key(a, b))
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
        var selections = OverrideSelections()
        for pair in overrides.mustLink {
            let a = resolve(pair.a, "must_link"), b = resolve(pair.b, "must_link")
            selections.mustLink.append([a, b])
            let all = (a + b).sorted()
            if let first = all.first { for x in all.dropFirst() where x != first { mustLinks.append((first, x)) } }
        }
        var cannot = Set<UInt64>()
        for pair in overrides.cannotLink {
            // Both sides resolved once: each unmatched side is warned about once, even when the other is too.
            let a = resolve(pair.a, "cannot_link"), b = resolve(pair.b, "cannot_link")
            selections.cannotLink.append([a, b])
            for x in a { for y in b where x != y { cannot.insert(Clusterer.key(x, y)) } }
        }
        // Father and son are two customers, whatever record (a chat known by its phone) links them.
        var clusterer = Clusterer(settings: settings, scorePair: { scorer.score($0, $1) }, validTaxIDs: validTaxIDs, mustLinks: mustLinks,
                                  cannotLinks: cannot.union(Lineage.apart(features)))
        clusterer.linkingTaxIDs = linkingTaxIDs
        if settings.cannotLinkDifferentTaxIDNumbers {
            clusterer.taxNumbers = features.records.map { r in r.taxID.flatMap { $0.tellsHoldersApart ? $0 : nil } }
        }
        clusterer.isVetoed = { scorer.isVetoed($0) }
        clusterer.identical = identical
        clusterer.keptLinks = previousLinks
        observer?("cluster")
        let outcome = clusterer.cluster(count: customers.count, edges: edges)

        let summary = MatchModelSummary(
            prior: parameters.prior, matchThreshold: settings.matchThreshold,
            comparisons: settings.comparisons.enumerated().map { c, comparison in
                .init(name: comparison.name, levels: comparison.levels.enumerated().map { k, level in
                    .init(label: level.label, m: parameters.m[c][k], u: parameters.u[c][k], log2BayesFactor: parameters.log2BayesFactor(c, k))
                })
            },
            candidatePairs: pairs.count, randomPairs: parameters.randomPairs, iterations: parameters.iterations)
        // A field decision that selects nothing is as worth a warning as a link that does.
        selections.fields = overrides.fields.map { resolve($0.customer, "fields") }
        return Output(outcome: outcome, parameters: parameters, fingerprintCount: features.fingerprintCount,
                      fingerprintReferenceFrequency: features.fingerprintReferenceFrequency,
                      legalForms: features.records.map(\.legalForm), overrideSelections: selections,
                      discrepancies: discrepancies, modelSummary: summary, settings: settings)
    }

    /// The valid tax IDs two records must not carry, differing, in one customer (each record's, or
    /// `nil`). A bare number valid only by chance (not ``TaxIDKey/isSurelyValid``: `43100012`, whose
    /// last digit checks as a Colombian NIT's one time in eleven) that another record writes with
    /// one digit more (`43.100.012-4`) is that ID without its check digit, not another ID: it
    /// refuses no merge, and the pair is scored as any other (its digits agree).
    static func cannotLinkTaxIDs(_ keys: [TaxIDKey?]) -> [String?] {
        var extended = Set<Substring>()
        for case let key? in keys where key.isValid && key.digits.count >= 6 {
            extended.insert(Substring(key.numberWithoutCheckDigit))
        }
        return keys.map { key in
            guard let key, key.isValid else { return nil }
            if !key.isSurelyValid && extended.contains(Substring(key.digits)) { return nil }
            return key.normalized
        }
    }
}

extension CustomerMatcher.Output {
    /// The waterfall of one member's link to its partner.
    func explain(customerID: String, _ member: Int, _ link: MemberLink, _ customers: CustomerView) -> MatchExplanation {
        var contributions: [MatchExplanation.Contribution] = []
        contributions.reserveCapacity(settings.comparisons.count)
        if let pattern = link.pattern {
            for (c, comparison) in settings.comparisons.enumerated() {
                let level = ComparisonEvaluator.level(in: pattern, comparison: c)
                let tf = PairScorer.termFrequencyAdjustment(settings: settings, c, level, fingerprintCount: Int(fingerprintCount[member]),
                                                            records: fingerprintCount.count, reference: fingerprintReferenceFrequency)
                contributions.append(.init(
                    comparison: comparison.name, level: level.map { comparison.levels[$0].label } ?? "null",
                    log2BayesFactor: parameters.log2BayesFactor(c, level) + tf, termFrequencyAdjustment: tf,
                    valueA: display(comparison.field, member, customers), valueB: display(comparison.field, link.partner, customers)))
            }
        }
        return MatchExplanation(customerID: customerID, record: customers[member].id, partner: customers[link.partner].id,
                                rule: link.rule, log2PriorOdds: parameters.log2PriorOdds, contributions: contributions,
                                totalWeight: link.weight.isFinite ? link.weight : nil, probability: link.probability)
    }

    func display(_ field: MatchSettings.Field, _ index: Int, _ customers: CustomerView) -> String? {
        let c = customers[index]
        return switch field {
        case .name: c.name?.value
        case .taxID: c.taxID.map { $0.value.display.isEmpty ? $0.value.normalized : $0.value.display }
        case .phone: c.phones.isEmpty ? nil : c.phones.map(\.value).joined(separator: ", ")
        case .email: c.emails.isEmpty ? nil : c.emails.map(\.value).joined(separator: ", ")
        case .address: c.address?.value
        case .city: c.city?.value
        case .country: c.country
        case .legalForm: legalForms[index]
        case .extra(let h): c.extra[h]
        }
    }

    /// Each pair of customers a match would have joined but for their tax IDs of different numbers,
    /// once (its strongest match), citing the two IDs: a name written alike, as it was, is the
    /// usual reason two companies score as one, and a person may want to see why they did not.
    func taxNumberDiscrepancies(customers: CustomerView, idByRecord: [RecordID: String]) -> [Discrepancy] {
        var said = Set<String>()
        var out: [Discrepancy] = []
        for r in outcome.taxNumberRefusals {
            let ids = [r.i, r.j].map { idByRecord[customers[$0].id] ?? customers[$0].id.rawValue }.sorted()
            guard ids[0] != ids[1], said.insert(ids.joined(separator: "+")).inserted else { continue }
            let taxIDs: [Discrepancy.CompetingValue] = [r.x, r.y].map { x in
                .init(value: customers[x].taxID?.value.display ?? "", provenance: customers[x].taxID?.provenance ?? customers[x].provenance)
            }
            out.append(.make(
                kind: "tax_id_numbers_differ", severity: .info, entity: "customer", entityID: ids.joined(separator: "+"),
                field: "tax_id", values: taxIDs, rule: "cannot_link_different_tax_id_numbers",
                message: "records \(customers[r.i].id.rawValue) and \(customers[r.j].id.rawValue) match with probability "
                    + "\(String(format: "%.3f", r.probability)), but tax IDs \(taxIDs[0].value) and \(taxIDs[1].value) are different numbers "
                    + "(not one typo or a left-out check digit apart): two customers, \(ids.joined(separator: " and ")), kept apart; "
                    + "if one ID is mistyped, a must_link override joins them"))
        }
        return out
    }

    /// Each member joined by a scored match less sure than ``MatchSettings/reviewBelow``: merged,
    /// since it is more likely one customer than two, and said, since it is nearly a coin's toss
    /// (two people of a common name with different phones): `consolida explain` shows why.
    func uncertainMatches(customers: CustomerView, idByRecord: [RecordID: String],
                          values: ([Int]) -> [Discrepancy.CompetingValue]) -> [Discrepancy] {
        guard settings.reviewBelow > 0 else { return [] }
        var out: [Discrepancy] = []
        for cluster in outcome.clusters where cluster.members.count > 1 {
            // A member whose valid tax ID another member has is tied by it, whatever link drew it in.
            let validIDs = cluster.members.compactMap { m in customers[m].taxID.flatMap { $0.value.validity == .valid ? $0.value.normalized : nil } }
            let shared = Set(Dictionary(validIDs.map { ($0, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }.keys)
            for member in cluster.members {
                guard let link = cluster.links[member], link.rule == "score", link.probability < settings.reviewBelow else { continue }
                if let id = customers[member].taxID?.value, id.validity == .valid, shared.contains(id.normalized) { continue }
                let id = idByRecord[customers[member].id] ?? "", record = customers[member].id.rawValue
                let probability = String(format: "%.3f", link.probability)
                let message = "\(record) joined \(id) on a match of probability \(probability) < \(settings.reviewBelow): "
                    + "please confirm (a cannot_link override keeps them apart)"
                out.append(.make(kind: "uncertain_match", severity: .warning, entity: "customer", entityID: id + "+" + record,
                                 field: "members", values: values([link.partner, member]), chosen: id, rule: "review_below",
                                 message: message))
            }
        }
        return out
    }

    /// Splits, override conflicts, ambiguous matches and clusters too big to check, as discrepancies for review.
    func clusterDiscrepancies(customers: CustomerView, idByRecord: [RecordID: String]) -> [Discrepancy] {
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
        for match in outcome.ambiguous {
            let id = idByRecord[customers[match.members[0]].id] ?? ""
            // Each candidate customer named once (several of its records may have matched), in ID order.
            let candidateIDs = Set(match.candidates.map { idByRecord[customers[$0].id] ?? customers[$0].id.rawValue }).sorted()
            out.append(.make(kind: "ambiguous_match", severity: .warning, entity: "customer", entityID: id,
                             field: "members", values: values(match.members + match.candidates), chosen: id, rule: "ambiguous_match",
                             message: "matches \(candidateIDs.joined(separator: " and ")) equally well (match weight "
                                + "\(String(format: "%.2f", match.weight)) bits), which cannot be one customer; kept apart, "
                                + "a must_link override says which it belongs to"))
        }
        out += taxNumberDiscrepancies(customers: customers, idByRecord: idByRecord)
        out += uncertainMatches(customers: customers, idByRecord: idByRecord, values: values)
        for members in outcome.unchecked {
            out.append(.make(kind: "large_cluster", severity: .warning, entity: "customer", entityID: idByRecord[customers[members[0]].id] ?? "",
                             field: "members", values: values(members),
                             message: "\(members.count) records form one customer; too many to check pair by pair, please review"))
        }
        return out
    }
}

import Foundation
