import Receivables
import Tabular

/// How to read notes files. Every field has a sensible default; the CLI sets them from flags and
/// the configuration.
public struct NotesImportOptions: Sendable {
    /// Currency for amounts that do not name one (`paga 500`).
    public var defaultCurrency: Currency?
    /// ISO 3166-1 alpha-2 country for phones and tax IDs that do not name theirs (`0414-555.12.34`).
    public var defaultCountry: String?
    /// Force day-first (`true`) or month-first (`false`) numeric dates; `nil` decides per file.
    public var dayFirst: Bool?
    /// The order used when a file gives no evidence either way (Spanish and Portuguese: day-first).
    public var defaultDayFirst: Bool
    /// Year for dates without one when neither the section nor the file gives one.
    public var defaultYear: Int?
    /// The run's as-of date: when nothing else gives a date its year, the date on or before it
    /// (`12/03` read on 2024-06-30 is 2024-03-12; `15/12` is 2023-12-15). A notebook kept without
    /// years was rejected line by line.
    public var asOf: LocalDate?
    /// Names (or phone numbers) of the company's own side in chats; the other party is the customer.
    public var ownNames: [String]
    /// Outcome and channel keyword rules; the built-in Spanish/Portuguese/English set by default.
    public var rules: OutcomeRules
    /// The file name to record in provenance (defaults to the path as given).
    public var displayName: String?
    /// Label for the source in provenance (`Cobrador Ana`).
    public var sourceLabel: String?
    /// Import notes that Keep marks as trashed (skipped by default).
    public var includeTrashed: Bool

    /// What a bare `$` means in these notes: the rule spreadsheet amounts follow
    /// (`Currency.dollarSign(country:currency:)`: `COP` for CO, `MXN` for MX, `USD` for VE, or a
    /// default currency written with `$`), else US dollars, as notes without a configured country
    /// have always been read.
    public var dollarSign: Currency {
        Currency.dollarSign(country: defaultCountry, currency: defaultCurrency) ?? .usd
    }

    /// What `pesos` (and the slang `lucas`, `palos`) means in these notes: the configured country's
    /// peso (`CO` → COP, `MX` → MXN); `nil` (the default currency) for other countries or none.
    public var pesos: Currency? { Currency.peso(country: defaultCountry) }

    public init(defaultCurrency: Currency? = nil, defaultCountry: String? = nil, dayFirst: Bool? = nil, defaultDayFirst: Bool = true,
                defaultYear: Int? = nil, ownNames: [String] = [], rules: OutcomeRules = .builtIn,
                displayName: String? = nil, sourceLabel: String? = nil, includeTrashed: Bool = false) {
        self.defaultCurrency = defaultCurrency; self.defaultCountry = defaultCountry?.uppercased(); self.dayFirst = dayFirst; self.defaultDayFirst = defaultDayFirst
        self.defaultYear = defaultYear; self.ownNames = ownNames; self.rules = rules
        self.displayName = displayName; self.sourceLabel = sourceLabel; self.includeTrashed = includeTrashed
    }
}
