import Testing
@testable import Receivables

struct EmailAddressTests {
    @Test(arguments: [
        ("Ana.Perez@Acme.COM", "ana.perez@acme.com"),
        ("  pagos+ve@mi-empresa.com.ve ", "pagos+ve@mi-empresa.com.ve"),
        ("cobranza@acme.co", "cobranza@acme.co"),
    ])
    func valid(_ text: String, _ normalized: String) {
        #expect(EmailAddress.normalize(text) == normalized)
    }

    @Test(arguments: ["ana@", "@acme.com", "ana@acme", "ana..p@acme.com", "ana@acme.c", "ana@-acme.com",
                      "ana perez@acme.com", "ana@acme.com.", "a@b@c.com"])
    func invalid(_ text: String) {
        #expect(EmailAddress.normalize(text) == nil)
    }

    @Test func splitsAndKeepsInvalidPieces() {
        let r = EmailAddress.parseAll("Ana <ANA@Acme.com>; pagos@acme.com, pagos@ACME.com / malo@")
        #expect(r.emails == ["ana@acme.com", "pagos@acme.com"])
        #expect(r.invalid == ["malo@"])
        #expect(EmailAddress.parseAll("mailto:x@y.org").emails == ["x@y.org"])
        #expect(EmailAddress.parseAll("sincorreo").invalid == ["sincorreo"])
    }

    /// Nothing of an email cell is dropped unseen: every piece with an `@` that is no address is
    /// invalid, and a cell with no address and no `@` is invalid whole. Words beside an `@` piece
    /// name its holder.
    @Test(arguments: [
        ("bad-email@", [String](), ["bad-email@"]),
        ("mar@kiosko", [], ["mar@kiosko"]),
        ("juan.soto@gmail", [], ["juan.soto@gmail"]),
        ("rey at taller.com", [], ["rey at taller.com"]),
        ("no tiene", [], ["no tiene"]),
        ("  n/a ", [], ["n/a"]),
        ("Sra. Ana <ana@kiosko>", [], ["ana@kiosko"]),
        ("ana@acme.com; bad@", ["ana@acme.com"], ["bad@"]),
        ("Ana Pérez ana@acme.com", ["ana@acme.com"], []),
        ("   ", [], []),
    ])
    func invalidPiecesAreNeverDropped(_ text: String, _ emails: [String], _ invalid: [String]) {
        let r = EmailAddress.parseAll(text)
        #expect(r.emails == emails)
        #expect(r.invalid == invalid)
    }

    /// Markup glued to an `@` is one invalid piece, kept as written: splitting at its brackets and
    /// spaces must not cut out a fragment (`@x.mx`) or a valid-looking address (`a@x.mx`).
    @Test(arguments: [
        ("<img src=x onerror=alert(2)>@x.mx", [String](), ["<img src=x onerror=alert(2)>@x.mx"]),
        ("<img src=x onerror=alert(2)>a@x.mx", [], ["<img src=x onerror=alert(2)>a@x.mx"]),
        ("<b>a@x.mx</b>", [], ["<b>a@x.mx</b>"]),
        ("<img src=x><a@x.mx>", [], ["<img src=x><a@x.mx>"]),
        ("x>a@x.mx", [], ["x>a@x.mx"]),
        ("(2)@x.mx", [], ["(2)@x.mx"]),
        ("ana@acme.com; <img src=x onerror=alert(2)>@x.mx", ["ana@acme.com"], ["<img src=x onerror=alert(2)>@x.mx"]),
        ("@x.mx", [], ["@x.mx"]),
        ("pagos@x.mx @x.mx", ["pagos@x.mx"], ["@x.mx"]),
    ])
    func junkNeverYieldsAnAddress(_ text: String, _ emails: [String], _ invalid: [String]) {
        let r = EmailAddress.parseAll(text)
        #expect(r.emails == emails)
        #expect(r.invalid == invalid)
    }

    /// The ways one address is really wrapped still read as that address.
    @Test(arguments: [
        ("Ana <ANA@Acme.com>", "ana@acme.com"), ("Ana<ana@acme.com>", "ana@acme.com"),
        ("<mailto:ana@acme.com>", "ana@acme.com"), ("(ana@acme.com).", "ana@acme.com"),
        ("(ana@acme.com", "ana@acme.com"), ("\"ana@acme.com\"", "ana@acme.com"), ("'ana@acme.com'", "ana@acme.com"),
        ("[ana@acme.com]", "ana@acme.com"), ("\"Pérez, Ana\" <ana@acme.com>", "ana@acme.com"),
        ("o'brien@acme.com", "o'brien@acme.com"), ("Escribir a: ana@acme.com.", "ana@acme.com"),
    ])
    func wrappedAddressesAreRead(_ text: String, _ email: String) {
        let r = EmailAddress.parseAll(text)
        #expect(r.emails == [email])
        #expect(r.invalid.isEmpty)
    }

    /// No address has an empty local part or domain, whatever surrounds it.
    @Test(arguments: ["@x.mx", " @x.mx", "@@x.mx", "@.mx", "ana@", ">@x.mx"])
    func emptyPartsAreNeverValid(_ text: String) {
        #expect(EmailAddress.normalize(text) == nil)
        #expect(EmailAddress.parseAll(text).emails.isEmpty)
    }
}
