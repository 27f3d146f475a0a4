/// Decides whether a file writes numeric dates day-first (`12/03/24`) or month-first (`03/12/24`).
///
/// Unambiguous dates decide (a first number above 12 means day-first). When none are, dates in a
/// chronological source (a chat) are tried both ways and the reading with fewer steps backwards in
/// time wins; otherwise the language default applies (day-first for Spanish and Portuguese).
struct DateOrder: Sendable {
    var dayFirst: Bool
    /// Why: `evidence`, `chronology`, `default`, `forced`, or `conflict`.
    var reason: String

    static func decide(_ dates: [PartialDate], chronological: Bool, defaultDayFirst: Bool) -> DateOrder {
        var dayFirstVotes = 0, monthFirstVotes = 0
        for d in dates {
            switch d.orderEvidence {
            case true?: dayFirstVotes += 1
            case false?: monthFirstVotes += 1
            case nil: break
            }
        }
        if dayFirstVotes > 0 && monthFirstVotes == 0 { return DateOrder(dayFirst: true, reason: "evidence") }
        if monthFirstVotes > 0 && dayFirstVotes == 0 { return DateOrder(dayFirst: false, reason: "evidence") }
        if dayFirstVotes > 0 && monthFirstVotes > 0 {
            return DateOrder(dayFirst: dayFirstVotes >= monthFirstVotes ? true : false, reason: "conflict")
        }
        if chronological {
            let a = backwardSteps(dates, dayFirst: true), b = backwardSteps(dates, dayFirst: false)
            if a != b { return DateOrder(dayFirst: a < b, reason: "chronology") }
        }
        return DateOrder(dayFirst: defaultDayFirst, reason: "default")
    }

    private static func backwardSteps(_ dates: [PartialDate], dayFirst: Bool) -> Int {
        var steps = 0
        var previous: (Int, Int, Int)?
        for d in dates where d.numeric {
            let (day, month) = d.dayMonth(dayFirst: dayFirst)
            let key = (d.year ?? 0, month, day)
            if let p = previous, key < p { steps += 1 }
            previous = key
        }
        return steps
    }
}
