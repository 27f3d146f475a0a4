import Testing
@testable import Reconcile

// Tests for Reconcile: one file per concern, table-driven with @Test(arguments:).
