import Testing
import Receivables
@testable import Reconcile

@Suite struct KeyerTests {
    /// Abbreviated words of business names key as the words they stand for.
    @Test(arguments: [("Ferretería Hnos. García", "FERRETERIA HERMANOS GARCIA C.A."), ("Farmacia Sta. Ana", "Farmacia Santa Ana"),
                      ("Dist. Los Andes", "Distribuidora Los Andes"), ("Inv. Pérez & Asoc.", "Inversiones Perez y Asociados")])
    func abbreviationsKeyAsTheirWords(_ short: String, _ long: String) {
        #expect(NameKey(short).fingerprint == NameKey(long).fingerprint)
    }

    @Test(arguments: [
        ("Ferretería El Tornillo C.A.", "el ferreteria tornillo", ["ca"]),
        ("FERRETERIA EL TORNILLO", "el ferreteria tornillo", []),
        ("Ferreteria Tornillo, CA", "ferreteria tornillo", ["ca"]),
        ("Comercializadora Norte, S.A. de C.V.", "comercializadora norte", ["sa de cv"]),
        ("Servicios Sur S. de R.L. de C.V.", "servicios sur", ["s de rl de cv"]),
        ("Inversiones Andes Ltda.", "andes inversiones", ["ltda"]),
        ("Constructora Pacífico SpA", "constructora pacifico", ["spa"]),
        ("Transportes Rojas E.I.R.L.", "rojas transportes", ["eirl"]),
        ("Talleres Gómez S.L.U.", "gomez talleres", ["slu"]),
        ("Café Colombia S.A.S.", "cafe colombia", ["sas"]),
        ("Bodega Central Sociedad Anónima", "bodega central", ["sa"]),
        ("Licores Zulia Compañía Anónima", "licores zulia", ["ca"]),
        ("Importadora Sol Limitada", "importadora sol", ["ltda"]),
        ("Acme Widgets, Inc.", "acme widgets", ["inc"]),
        ("Acme Holdings LLC", "acme holdings", ["llc"]),
        ("Papelaria Silva ME", "papelaria silva", ["me"]),
        ("Mercado Bom Preço EPP", "bom mercado preco", ["epp"]),
        ("Limitada", "limitada", []),
        ("Peña & Hijos", "hijos peña y", []),
    ])
    func fingerprintStripsLegalForms(name: String, fingerprint: String, forms: [String]) {
        let k = NameKey(name)
        #expect(k.fingerprint == fingerprint)
        #expect(k.legalForms == forms)
    }

    @Test func enyeIsExactOnlyWithEnyeButSoundsTheSame() {
        #expect(FingerprintKeyer().key("Peña") != FingerprintKeyer().key("Pena"))
        #expect(PhoneticKeyer().key("Peña") == PhoneticKeyer().key("Pena"))
        #expect(PhoneticKeyer().key("Valencia Zapata") == PhoneticKeyer().key("Balensia Sapata"))
    }

    @Test(arguments: ["Ferretería El Tornillo C.A.", "  José  PÉREZ-gómez ", "Peña & Hijos", "J-30.123.456-7",
                      "+58 (412) 555-12-34", "Ventas@Tornillo.COM", "Ÿñø ßtraße Æon"])
    func keyersAreIdempotent(value: String) {
        for keyer in KeyerRegistry.all {
            let once = keyer.key(value)
            #expect(keyer.key(once) == once, "\(keyer.name) is not idempotent on \(value)")
        }
    }

    @Test(arguments: [("J-30123456-7", "J301234567"), ("j.30123456.7", "J301234567"), ("900.123.456-7", "9001234567"),
                      (" 20-12345678-3 ", "20123456783")])
    func taxIDCompact(raw: String, compact: String) {
        #expect(TaxIDKeyer.compact(raw) == compact)
    }

    /// Same digits are one ID only when the letters agree or one side has none.
    @Test(arguments: [("J-30123456-1", "30123456-1", true), ("J-30123456-1", "J301234561", true),
                      ("V-30123456-1", "J-30123456-1", false), ("FEM150312K38", "PSF150312AB3", false),
                      ("J-30123456", "J-30123456-1", true)])
    func sameDigitsNeedAgreeingLetters(a: String, b: String, same: Bool) {
        #expect(ComparisonEvaluator.taxHolds(.digitsEqual, 0, TaxIDKey(raw: a), TaxIDKey(raw: b)) == same)
    }

    /// A letter the parser inferred (a bare cédula read as `V…`, a letterless RIF given the letter
    /// its check digit passes) is not written, so it does not keep the digits apart.
    @Test func inferredLettersAreNoLetters() {
        let written = TaxIDKey(TaxIDParser.parse("J-30123456-1", country: "VE"))
        for bare in ["30123456", "30123456-1"] {
            let inferred = TaxIDKey(TaxIDParser.parse(bare, country: "VE"))
            #expect(inferred.letters.isEmpty, "\(bare)")
            #expect(ComparisonEvaluator.taxHolds(.digitsEqual, 0, written, inferred), "\(bare)")
        }
        #expect(written.letters == "J")
    }

    @Test func phonesShareLineAndSuffix() throws {
        let e164 = try #require(PhoneKey("+584125551234"))
        let national = try #require(PhoneKey("0412-555.12.34"))
        let other = try #require(PhoneKey("0212-555.12.34"))
        #expect(e164.isSameLine(as: national))
        #expect(!other.isSameLine(as: national))
        #expect(other.suffix == national.suffix)
        #expect(PhoneKey("12345") == nil)
    }

    @Test(arguments: [("ana@gmail.com", true), ("x@hotmail.es", true), ("y@yahoo.com.mx", true), ("z@uol.com.br", true),
                      ("pagos@eltornillo.com.ve", false), ("a@mail.empresa.com", false), ("b@protonmail.com", true)])
    func freeMail(address: String, free: Bool) throws {
        #expect(try #require(EmailKey(address)).isFreeMail == free)
    }

    /// Text kept as written because it is no address (a shared placeholder) is no matching evidence.
    @Test(arguments: ["no@tiene", "x@x", "mar@kiosko", "rey at taller.com", "@acme.com", "ana@@acme.com"])
    func onlyValidAddressesAreKeys(_ text: String) {
        #expect(EmailKey(text) == nil)
    }

    @Test(arguments: [("ventas@eltornillo.com.ve", true), ("Facturacion@grupo.mx", true), ("info@x.com", true),
                      ("ana.perez@eltornillo.com.ve", false), ("ventas.ana@eltornillo.com", false), ("jose@gmail.com", false)])
    func roleMailbox(address: String, role: Bool) throws {
        #expect(try #require(EmailKey(address)).isRoleMailbox == role)
    }
}

@Suite struct SimilarityTests {
    @Test(arguments: [("martha", "marhta", 0.961), ("dwayne", "duane", 0.84), ("dixon", "dicksonx", 0.813), ("abc", "abc", 1.0), ("abc", "xyz", 0.0)])
    func jaroWinkler(a: String, b: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.001)
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("flaw", "lawn", 2), ("same", "same", 0)])
    func levenshtein(a: String, b: String, expected: Int) {
        #expect(Levenshtein.distance(a, b) == expected)
        #expect(Levenshtein.distance(a, b, limit: 1) == min(expected, 2))
    }

    @Test(arguments: [("F-0012", "12"), ("FAC 00012", "12"), ("No. 12", "12"), ("Factura Nº 0012", "12"), ("00012", "12"),
                      ("A-0012", "A12"), ("12", "12"), ("0", "0"), ("FAC-NO-0034", "34"), ("INV-2024-001", "2024-1"),
                      // A series stays, the number loses its zeros (QA: F001-105 met 1105, F001-00000105 missed F001-105).
                      ("F001-00000105", "F001-105"), ("F001-105", "F001-105"), ("E001-105", "E001-105"),
                      ("2024/0105", "2024-105"), ("2024/105", "2024-105"), ("0001-00000105", "0001-105"),
                      ("A 0001-00000105", "A0001-105"), ("Nº 2024-105", "2024-105"), ("1105", "1105"),
                      // Invoice words of Colombia (FV, factura de venta) and Argentina (FC) are FAC's kind (QA session 21).
                      ("FV-1204", "1204"), ("FV1250", "1250"), ("FV 0055", "55"), ("FC-00123", "123"), ("FCV-77", "77"),
                      ("FVE-12", "12"), ("Factura de venta 0012", "12"), ("Fact. Vta. 12", "12"), ("Factura Electrónica 12", "12"),
                      // A remisión is a delivery note, not the invoice of its number; a credit note's word stays on an invoice's.
                      ("REM-88", "REM88"), ("NC-5", "NC5"), ("Nota de Crédito 5", "NOTADECREDITO5"),
                      ("FV-1-1204", "1-1204"), ("FC A 0001-00000123", "A0001-123")])
    func invoiceNumbers(raw: String, normalized: String) {
        #expect(InvoiceNumber.normalize(raw) == normalized)
    }

    /// A note's words go from a note's number only: a credit note `NC 5` is `5` among credit notes
    /// (the type is part of a document's key), an invoice's `NC-5` keeps them (QA session 21).
    @Test(arguments: [("NC 5", Invoice.DocumentType.creditNote, "5"), ("NC-0005", .creditNote, "5"), ("N/C-0005", .creditNote, "5"),
                      ("N.C. 5", .creditNote, "5"), ("N/CR 5", .creditNote, "5"), ("Nota de Crédito 5", .creditNote, "5"),
                      ("Nota crédito Nº 0005", .creditNote, "5"), ("5", .creditNote, "5"), ("NC A 0001-00000005", .creditNote, "A0001-5"),
                      ("ND 7", .debitNote, "7"), ("N/D-0007", .debitNote, "7"), ("N/DB 7", .debitNote, "7"),
                      ("Nota de Débito 7", .debitNote, "7"), ("FV-7", .debitNote, "7"),
                      // Another type's word stays: an invoice `NC-5`, a debit note `NC 5`, a credit note `ND 7`.
                      ("NC-5", .invoice, "NC5"), ("NC 5", .debitNote, "NC5"), ("ND 7", .creditNote, "ND7"),
                      ("REM-88", .creditNote, "REM88")])
    func noteNumbers(raw: String, type: Invoice.DocumentType, normalized: String) {
        #expect(InvoiceNumber.normalize(raw, type: type) == normalized)
    }
}
