import Foundation

/// A file-system error as a sentence a user can act on. On Linux, Foundation describes its file
/// errors as `The operation could not be completed. (NSCocoaErrorDomain error 640.)`, which says
/// nothing to whoever must free some space.
public enum ErrorText {
    public static func describe(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let sentence = sentence(for: cocoa.code) {
            return cocoa.filePath.map { "\($0): \(sentence)" } ?? sentence
        }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, let sentence = sentence(for: CocoaError.Code(rawValue: ns.code)) {
            return sentence
        }
        if ns.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(ns.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        return "\(error)"
    }

    private static func sentence(for code: CocoaError.Code) -> String? {
        switch code {
        case .fileWriteOutOfSpace: return "no space left on the disk"
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileWriteVolumeReadOnly: return "the disk is read-only"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "the file name is not valid here"
        case .fileWriteFileExists: return "a file of that name is in the way"
        case .fileReadTooLarge: return "the file is too large to read"
        case .fileReadCorruptFile: return "the file is corrupt"
        default: return nil
        }
    }
}
