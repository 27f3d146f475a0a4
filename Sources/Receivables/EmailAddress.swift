/// Email addresses read from a cell: validated, lower-cased and split when a cell holds several.
public enum EmailAddress {
    /// Every address in `text` (`Ana <ANA@Acme.com>; pagos@acme.com`), lower-cased; pieces that
    /// are not addresses come back in `invalid`, as written.
    public static func parseAll(_ text: String) -> (emails: [String], invalid: [String]) {
        var emails: [String] = [], invalid: [String] = []
        let pieces = text.split(whereSeparator: { $0.isWhitespace || ";,|/<>\"'()[]".contains($0) })
        for raw in pieces {
            var piece = Substring(raw)
            if piece.lowercased().hasPrefix("mailto:") { piece = piece.dropFirst(7) }
            while let l = piece.last, l == "." || l == ":" { piece = piece.dropLast() }
            guard !piece.isEmpty else { continue }
            if let email = normalize(String(piece)) {
                if !emails.contains(email) { emails.append(email) }
            } else if piece.contains("@") || pieces.count == 1 {
                // Words around addresses (`Ana`, `Sra.`) are not addresses and not errors.
                invalid.append(String(piece))
            }
        }
        return (emails, invalid)
    }

    /// The lower-cased address when `text` is one valid address, else `nil`.
    public static func normalize(_ text: String) -> String? {
        let s = text.trimmingWhitespace.lowercased()
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64, domain.count <= 253,
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return nil }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
        guard local.allSatisfy({ localAllowed.contains($0) }) else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) else { return nil }
        }
        guard let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return nil }
        return s
    }
}
