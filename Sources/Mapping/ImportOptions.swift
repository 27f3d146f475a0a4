import Receivables

/// What an import needs besides the file: an optional reviewed mapping and the defaults for values
/// that do not name their own country or currency.
public struct ImportOptions: Sendable {
    public var mapping: MappingFile?
    /// ISO 3166-1 alpha-2; the mapping's country wins over it.
    public var country: String?
    /// The currency of amounts that name none (after the cell, the column and the mapping).
    public var currency: Currency?
    public var settings: MappingSettings
    /// The source's label from the run configuration, which wins over a mapping file's (it names
    /// the source in reports); the source priority, which a mapping file's overrides.
    public var sourceLabel: String?
    public var sourcePriority: Int
    /// Rows of each sheet held in memory for table finding and column profiling: a table that fits
    /// is profiled from all its values; a longer one from its first `windowRows` rows, the rest
    /// streamed through one at a time.
    public var windowRows = 50_000
    /// Rows between hand-overs of finished records to a streaming import's consumer: also the
    /// size of the chunks that worker threads import. Small enough that a chunk's rows and records
    /// stay in the core's cache while they are built, handed over and freed (at 4,096 rows, a chunk
    /// took 15% more CPU time); large enough that handing over costs little.
    public var flushRows = 256
    /// Whether a consumer that takes them (``ChunkEncoding/takesPlainRows``) gets plain invoice rows
    /// as ``PlainInvoiceRow``s; off, every row is built into records (to check that both agree).
    public var plainRows = true

    public init(mapping: MappingFile? = nil, country: String? = nil, currency: Currency? = nil,
                settings: MappingSettings = .defaults, sourceLabel: String? = nil, sourcePriority: Int = 0) {
        self.mapping = mapping; self.country = country?.uppercased(); self.currency = currency
        self.settings = settings; self.sourceLabel = sourceLabel; self.sourcePriority = sourcePriority
    }

    var effectiveCountry: String? { mapping?.country?.uppercased() ?? country }
    var mappingCurrency: Currency? { mapping?.currency.flatMap { Currency(code: $0) } }
    var decimalSeparator: Character? { mapping?.formats?.decimalSeparator?.first }
    var dateOrder: DateOrder? { mapping?.formats?.dateOrder }
}
