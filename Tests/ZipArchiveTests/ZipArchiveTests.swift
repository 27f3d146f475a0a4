import Testing
@testable import ZipArchive

// Tests for ZipArchive: one file per concern, table-driven with @Test(arguments:).
