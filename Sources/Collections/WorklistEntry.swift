import Foundation
import Receivables
import Tabular

/// One customer in the order a collector should call, with the reason in words.
public struct WorklistEntry: Hashable, Sendable {
    /// 1-based position in the worklist.
    public var rank: Int
    public var customerID: String
    public var name: String
    /// 0…100; higher means call sooner. The parts are in ``WorklistScore``.
    public var score: WorklistScore
    /// The currency the overdue figure below is in (the main one when it has overdue money there).
    public var currency: Currency?
    public var overdue: Decimal
    public var overdueDocuments: Int
    /// Overdue money in other currencies, listed but never added to `overdue`.
    public var otherOverdue: [Money]
    public var maxDaysOverdue: Int?
    public var oldestDueDate: LocalDate?
    public var brokenPromises: Int
    public var pendingPromises: Int
    public var nextPromiseDeadline: LocalDate?
    public var lastContactDate: LocalDate?
    public var daysSinceContact: Int?
    public var phones: [String]
    public var salesperson: String?
    /// Why this customer is where it is, in Spanish (the users' language).
    public var reason: String
}

/// The integer parts of a worklist score, so a collector (and a test) can see how it was made.
///
/// - amount (0…35): the customer's overdue amount ranked among the debtors owing in the same
///   currency (percentile), so bolívares and dollars are never compared by face value;
/// - age (0…25): the oldest overdue debt's days past due, capped at 180;
/// - broken promises (0…15): 5 per broken promise, at most 3;
/// - contact (0…15): days since the last contact, capped at 60 (15 when never contacted);
/// - never contacted (0 or 10): overdue debt nobody has ever worked;
/// - waiting (0 or −20): a promise is pending and not yet due, so calling now would be early.
public struct WorklistScore: Hashable, Sendable {
    public var amount: Int
    public var age: Int
    public var brokenPromises: Int
    public var contact: Int
    public var neverContacted: Int
    public var waiting: Int

    /// The total, clamped to 0…100.
    public var total: Int {
        min(100, max(0, amount + age + brokenPromises + contact + neverContacted + waiting))
    }

    /// Its parts as worklist.csv's `score_detail` writes them (`amount 30; age 25; …`).
    public var detail: String {
        "amount \(amount); age \(age); broken_promises \(brokenPromises); contact \(contact); "
            + "never_contacted \(neverContacted); waiting \(waiting)"
    }
}
