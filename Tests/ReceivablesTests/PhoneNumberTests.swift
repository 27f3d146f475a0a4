import Testing
@testable import Receivables

struct PhoneNumberTests {
    static let cases: [(String, String, String)] = [
        ("0412-5551234", "VE", "+584125551234"),
        ("(0212) 555.12.34", "VE", "+582125551234"),
        ("+58 412 555 1234", "CO", "+584125551234"),
        ("0058 412 555 1234", "US", "+584125551234"),
        ("58 412 5551234", "VE", "+584125551234"),
        ("310 555 1234", "CO", "+573105551234"),
        ("(601) 555 1234", "CO", "+576015551234"),
        ("1 5551234", "CO", "+576015551234"),
        ("55 1234 5678", "MX", "+525512345678"),
        ("044 55 1234 5678", "MX", "+525512345678"),
        ("+52 1 55 1234 5678", "VE", "+525512345678"),
        ("011 4321-5678", "AR", "+541143215678"),
        ("011 15 4321-5678", "AR", "+5491143215678"),
        ("+54 9 11 4321 5678", "VE", "+5491143215678"),
        ("9 8765 4321", "CL", "+56987654321"),
        ("+56 2 2345 6789", "VE", "+56223456789"),
        ("987 654 321", "PE", "+51987654321"),
        ("(01) 234 5678", "PE", "+5112345678"),
        ("099 123 4567", "EC", "+593991234567"),
        ("02 234 5678", "EC", "+59322345678"),
        ("912 345 678", "ES", "+34912345678"),
        ("(11) 91234-5678", "BR", "+5511912345678"),
        ("(212) 555-0123", "US", "+12125550123"),
        ("1-212-555-0123", "US", "+12125550123"),
    ]

    @Test(arguments: cases)
    func nationalAndInternationalForms(_ text: String, _ country: String, _ e164: String) {
        #expect(PhoneNumber.parse(text, defaultCountry: country)?.e164 == e164)
    }

    /// A label says what line it is; the number is read without it.
    @Test(arguments: ["Cel. 0412-5551234", "Cel.0412-5551234", "Telf: 0412-5551234", "TLF 0412 5551234",
                      "Teléfono: 0412-5551234", "0412-5551234 (cel)", "0412-5551234 (WhatsApp)", "0412-555-1234 (Sra. María)",
                      "0412-5551234 cel", "Móvil 0412-5551234", "WhatsApp: +58 412 555 1234"])
    func labelledNumbers(_ text: String) {
        #expect(PhoneNumber.parse(text, defaultCountry: "VE")?.e164 == "+584125551234", "\(text)")
    }

    @Test func labelsInAListAndWithAnExtension() {
        let (phones, unparsed) = PhoneNumber.parseAll("Cel. 0412-5551234 / Tel. 0212-5551234 ext. 12", defaultCountry: "VE")
        #expect(phones.map(\.description) == ["+584125551234", "+582125551234;ext=12"] && unparsed.isEmpty)
        #expect(PhoneNumber.parse("Celia 0412-5551234", defaultCountry: "VE") == nil)
    }

    // A known country's calling code with too few or too many digits after it is no number.
    @Test(arguments: ["12345", "F-0012345", "0412-55512", "", "abc", "+58 414 555", "+58 414 555 12345 67", "+57 300 12"])
    func notPhones(_ text: String) {
        #expect(PhoneNumber.parse(text, defaultCountry: "VE") == nil)
    }

    @Test func extensions() {
        let p = PhoneNumber.parse("(0212) 555.12.34 ext. 204", defaultCountry: "VE")
        #expect(p?.e164 == "+582125551234")
        #expect(p?.ext == "204")
        #expect(p?.description == "+582125551234;ext=204")
        #expect(PhoneNumber.parse("0212-5551234 x12", defaultCountry: "VE")?.ext == "12")
        #expect(PhoneNumber.parse("01 234 5678 anexo 3", defaultCountry: "PE")?.ext == "3")
    }

    // Fewer than seven digits in the whole cell: no piece is read, and the result is what reading
    // each piece gives (names, notes, short codes, labels and extensions alone).
    @Test(arguments: ["Cardona S.L.U.", "Abono del 22/12/2025", "ver anexo 12", "Cel. 0412", "x204", "Tel: 555-12",
                      "no tiene / pendiente; y otro", "Saldo a favor de COP 547, aplicar", "", "  ", "Ñandú 1 y 2",
                      "12345 o 67", "0412-55\u{301}", "(WhatsApp) 123456"])
    func fewDigitsReadAsEveryPieceIs(_ text: String) {
        for country in ["VE", "CO", nil] as [String?] {
            let quick = PhoneNumber.parseAll(text, defaultCountry: country)
            let slow = PhoneNumber.parseEachPiece(text, defaultCountry: country)
            #expect(quick.phones == slow.phones && quick.unparsed == slow.unparsed)
        }
    }

    /// A WhatsApp click-to-chat link is the number it carries, international without its `+`,
    /// and no junk pieces from its scheme, host or query (QA session 20, ct1_clientes_contactos.csv).
    @Test(arguments: [
        ("https://wa.me/584145550125", ["+584145550125"], []),
        ("wa.me/584145550125", ["+584145550125"], []),
        ("http://wa.me/+584145550125?text=Hola", ["+584145550125"], []),
        ("HTTPS://WA.ME/573105550144", ["+573105550144"], []),
        ("https://api.whatsapp.com/send?phone=584145550126&text=Hola", ["+584145550126"], []),
        ("api.whatsapp.com/send?text=Hola&phone=%2B584145550126", ["+584145550126"], []),
        ("https://web.whatsapp.com/send?phone=584145550127", ["+584145550127"], []),
        ("WhatsApp: https://wa.me/584145550125", ["+584145550125"], []),
        ("https://wa.me/584145550125 (cel)", ["+584145550125"], []),
        ("0212-5551234 / https://wa.me/584145550125", ["+582125551234", "+584145550125"], []),
        ("https://api.whatsapp.com/send?phone=584145550126, https://wa.me/584145550125",
         ["+584145550126", "+584145550125"], []),
        ("0212-5551234 https://wa.me/584145550125", ["+582125551234", "+584145550125"], []),
        // A link without a number (or with a national one) is kept whole, as written.
        ("https://wa.me/message/AB12CD", [], ["https://wa.me/message/AB12CD"]),
        ("https://api.whatsapp.com/send?text=Hola", [], ["https://api.whatsapp.com/send?text=Hola"]),
        ("https://wa.me/04145550125", [], ["https://wa.me/04145550125"]),
        ("0414-5550125; https://wa.me/message/AB12CD", ["+584145550125"], ["https://wa.me/message/AB12CD"]),
        // Not a WhatsApp host: read as before.
        ("java.me/04145550125", ["+584145550125"], ["java.me"]),
    ] as [(String, [String], [String])])
    func whatsAppLinks(_ text: String, _ phones: [String], _ unparsed: [String]) {
        let read = PhoneNumber.parseAll(text, defaultCountry: "VE")
        #expect(read.phones.map(\.description) == phones, "\(text)")
        #expect(read.unparsed == unparsed, "\(text)")
    }

    /// Several numbers in a cell told apart by line labels or by a dash with spaces around it
    /// (QA session 20, ct1_clientes_contactos.csv), and pieces that must stay as they were read.
    @Test(arguments: [
        ("Tel: 0212-5551234 Cel: 0414-5551235", ["+582125551234", "+584145551235"], []),
        ("Tel:0212-5551234 Cel.0414-5551235", ["+582125551234", "+584145551235"], []),
        ("Teléfono 0212-5551234 Móvil 0414-5551235 WhatsApp 0424-5551236",
         ["+582125551234", "+584145551235", "+584245551236"], []),
        ("0414 555 1240 - 0414 555 1241 - 0414 555 1242", ["+584145551240", "+584145551241", "+584145551242"], []),
        ("0414-5551240 – 0212-5551241", ["+584145551240", "+582125551241"], []),
        ("0212-555.12.36 (oficina) - 0412-555.12.37 (celular)", ["+582125551236", "+584125551237"], []),
        ("0212-555.12.36 (oficina) - 0412-555.12.37 (Sra. María)", ["+582125551236", "+584125551237"], []),
        ("0212-555.12.36 (oficina) 0412-555.12.37 (casa)", ["+582125551236", "+584125551237"], []),
        ("(oficina) 0212-5551236 (celular) 0412-5551237", ["+582125551236", "+584125551237"], []),
        ("0212-5551234 oficina 0414-5551235 cel", ["+582125551234", "+584145551235"], []),
        ("Tel. 0212-5551234 ext. 12 Cel: 0414-5551235", ["+582125551234;ext=12", "+584145551235"], []),
        ("(oficina) 0212-5551236", ["+582125551236"], []),
        // One number with a dash in it, or with words that are no label: as before.
        ("0212-5551234", ["+582125551234"], []),
        ("(0212) 555-1234", ["+582125551234"], []),
        ("+1-212-555-0123", ["+12125550123"], []),
        ("0212 - 5551234", ["+582125551234"], []),
        ("Celia 0412-5551234", [], ["Celia 0412-5551234"]),
        ("0414-5551234 - no contesta", [], ["0414-5551234 - no contesta"]),
        ("Tel: 0212-5551234 Cel: 0414", [], ["Tel: 0212-5551234 Cel: 0414"]),
    ] as [(String, [String], [String])])
    func labelsAndDashesBetweenNumbers(_ text: String, _ phones: [String], _ unparsed: [String]) {
        let read = PhoneNumber.parseAll(text, defaultCountry: "VE")
        #expect(read.phones.map(\.description) == phones, "\(text)")
        #expect(read.unparsed == unparsed, "\(text)")
    }

    @Test func severalInOneCell() {
        let (phones, unparsed) = PhoneNumber.parseAll("0412-5551234 / 0414 111.22.33; no tiene", defaultCountry: "VE")
        #expect(phones.map(\.e164) == ["+584125551234", "+584141112233"])
        #expect(unparsed == ["no tiene"])
        let spaced = PhoneNumber.parseAll("04125551234 04141112233", defaultCountry: "VE")
        #expect(spaced.phones.count == 2)
        let words = PhoneNumber.parseAll("0412-5551234 y 0212-5551234", defaultCountry: "VE")
        #expect(words.phones.count == 2)
    }
}
