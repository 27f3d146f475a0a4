import Testing
@testable import XLSXReader

// Tests for XLSXReader: one file per concern, table-driven with @Test(arguments:).
