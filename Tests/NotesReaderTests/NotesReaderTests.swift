import Testing
@testable import NotesReader

// Tests for NotesReader: one file per concern, table-driven with @Test(arguments:).
