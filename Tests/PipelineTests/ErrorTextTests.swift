import Foundation
import Testing
@testable import Pipeline

/// File-system errors read as sentences, not as Foundation's error numbers.
struct ErrorTextTests {
    @Test func fileErrorsAreSentences() {
        #expect(ErrorText.describe(CocoaError(.fileWriteOutOfSpace)) == "no space left on the disk")
        #expect(ErrorText.describe(CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/salidas/customers.csv"]))
                == "/salidas/customers.csv: permission denied")
        #expect(ErrorText.describe(NSError(domain: NSCocoaErrorDomain, code: 640)) == "no space left on the disk")
        #expect(ErrorText.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))) == "no space left on device")
        struct Other: Error, CustomStringConvertible { var description: String { "something else" } }
        #expect(ErrorText.describe(Other()) == "something else")
    }
}
