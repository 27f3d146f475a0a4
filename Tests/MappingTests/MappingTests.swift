import Testing
@testable import Mapping

// Tests for Mapping: one file per concern, table-driven with @Test(arguments:).
