import Testing
@testable import CSVReader

// Tests for CSVReader: one file per concern, table-driven with @Test(arguments:).
