import Testing
@testable import XMLStream

// Tests for XMLStream: one file per concern, table-driven with @Test(arguments:).
