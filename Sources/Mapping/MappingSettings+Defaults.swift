extension MappingSettings {
    /// The built-in settings.
    public static let defaults = MappingSettings(
        synonyms: [
            .customerName: ["cliente", "clientes", "nombre cliente", "nombre del cliente", "razon social", "nombre",
                            "nombre o razon social", "customer", "customer name", "client", "client name", "name",
                            "company", "empresa", "deudor", "comprador", "nome", "nome do cliente", "razao social",
                            "sacado", "denominacion", "account name", "debtor", "nombre completo", "nome completo",
                            "full name", "nombre y apellido", "nombres y apellidos", "apellido y nombre",
                            "apellidos y nombres", "nome e sobrenome",
                            // Colombian accounting exports (Siigo, World Office) call the customer the
                            // third party.
                            "tercero", "nombre tercero", "nombre del tercero", "razon social tercero"],
            .firstName: ["nombres", "primer nombre", "first name", "given name", "primeiro nome", "nome proprio"],
            .lastName: ["apellido", "apellidos", "last name", "surname", "family name", "sobrenome"],
            .taxID: ["rif", "rut", "nit", "cuit", "cuil", "rfc", "ruc", "cnpj", "cpf", "nif", "nie", "cif",
                     "tax id", "taxid", "tax number", "vat", "vat number", "cedula", "ci", "cedula rif", "ci rif",
                     "rif ci", "documento de identidad", "id fiscal", "identificacion", "identificacion fiscal",
                     "nro documento identidad", "cnpj cpf", "cpf cnpj", "dni", "numero fiscal", "doc identidad",
                     "doc de identidad", "documento identidad", "nit tercero", "identificacion tercero",
                     "id tercero", "documento tercero", "nit cc", "cc nit", "nit cedula", "cedula nit"],
            .documentNumber: ["factura", "n factura", "no factura", "nro factura", "num factura", "numero factura",
                              "numero de factura", "n de factura", "nro de factura", "documento", "nro documento",
                              "n documento", "numero documento", "no documento", "comprobante", "nro comprobante",
                              "invoice", "invoice number", "invoice no", "invoice n", "inv no", "doc no", "document",
                              "document number", "nota fiscal", "nf", "numero nf", "numero da nota", "fatura",
                              "numero fatura", "folio", "numero", "nro", "n", "nfe", "nf e",
                              // A Brazilian receivable is a título (its duplicata); Chile and Colombia
                              // number documents by a correlative after their series or prefix.
                              "titulo", "n titulo", "no titulo", "numero titulo", "numero do titulo", "duplicata",
                              "n duplicata", "numero duplicata", "correlativo", "consecutivo", "nro correlativo",

                              // A payment's column of the documents it pays (not the plural alone: `Facturas`
                              // is as often a title above a table).
                              "facturas pagadas", "factura pagada", "facturas canceladas", "factura cancelada",
                              "documentos pagados", "faturas pagas"] + numberedDocuments,
            .documentType: ["tipo", "tipo documento", "tipo de documento", "tipo doc", "document type", "doc type",
                            "type", "tipo comprobante", "clase", "tipo de comprobante", "tipo de cfdi", "tipo cfdi",
                            "tipo dte", "tipo de dte", "transaction type", "tipo de transaccion", "tipo transaccion",
                            // Peru's SUNAT reports head the document's code `TD`.
                            "td", "t doc",
                            // Tango's `T.Comp.`, Protheus' `Tp`, SAP's `Clase de documento`, Argentina's `Cpbte`.
                            "t comp", "tipo comp", "tp", "clase de documento", "clase documento", "clase doc", "cpbte",
                            "tipo cpbte", "tipo de cpbte"],
            .issueDate: ["fecha", "fecha emision", "fecha de emision", "emision", "fecha factura", "fecha de factura",
                         "fecha documento", "issue date", "invoice date", "date", "data", "data emissao",
                         "data de emissao", "emissao", "fecha doc", "f emision", "creacion", "fecha de creacion",
                         "fecha creacion", "fecha de expedicion", "fecha expedicion", "expedicion",
                         "fecha de elaboracion", "fecha elaboracion", "elaboracion", "emitida", "emitido",
                         "fecha emitida", "issued", "issued on"] + datedDocuments,
            .dueDate: ["vencimiento", "fecha vencimiento", "fecha de vencimiento", "vence", "fecha vence",
                       "due date", "due", "data vencimento", "data de vencimento", "vencimento", "f venc", "fecha venc",
                       "venc"] + datedDueWords,
            .amount: ["monto", "montos", "importes", "monto total", "importe", "importe total", "total", "total factura", "valor",
                      "valor total", "amount", "invoice amount", "total amount", "monto factura", "valor factura",
                      "valor da nota", "valor nf", "monto original", "neto a pagar", "total a pagar",
                      // Brazil's net value (after withholdings) is what the customer pays, not the gross `Valor Bruto`.
                      "valor liquido", "liquido", "valor liquido a receber",
                      // Brazil's ERPs (Protheus, TOTVS): the título's value.
                      "vlr titulo", "valor titulo", "valor do titulo", "vlr original", "valor original"],
            .paid: ["abonado", "abono", "abonos", "pagado", "monto pagado", "importe pagado", "cobrado", "paid",
                    "amount paid", "pago", "pagos", "pago parcial", "valor pago", "recebido",
                    // Peru's and Spain's word for what was paid of a document (Concar, Contasis).
                    "amortizado", "amortizacion", "amortizaciones", "monto amortizado", "importe amortizado"],
            .balance: ["saldo", "saldos", "saldo pendiente", "pendiente", "por cobrar", "saldo por cobrar", "balance",
                       "outstanding", "amount due", "balance due", "open amount", "deuda", "saldo deudor",
                       "em aberto", "saldo devedor", "valor em aberto", "resta", "adeudado", "importe adeudado",
                       "monto adeudado", "total adeudado", "saldo adeudado", "valor adeudado", "adeudo", "importe residual",
                       "saldo abierto", "importe pendiente", "monto pendiente", "valor pendiente",
                       "saldo actual", "saldo insoluto", "pendiente de pago", "open balance", "amount residual",
                       "remaining balance"],
            .currency: ["moneda", "divisa", "currency", "moeda", "mon", "cur", "ccy"],
            .phone: ["telefono", "telefonos", "tel", "tlf", "tlf.", "celular", "cel", "movil", "whatsapp", "wsp",
                     "phone", "phone number", "mobile", "cell", "telefone", "contacto telefonico", "fono",
                     "numero de telefono", "telf"],
            .email: ["correo", "correo electronico", "email", "e mail", "mail", "correos", "emails", "e-mail",
                     // An address word after (or before) the mail word qualifies it: the value is an email.
                     "email address", "e mail address", "mail address", "email addresses", "direccion de correo",
                     "direccion de correo electronico", "direccion electronica", "direccion de email",
                     "direccion email", "endereco de email", "endereco de e mail", "endereco eletronico"],
            .address: ["direccion", "domicilio", "direccion fiscal", "address", "street", "endereco", "calle"],
            .city: ["ciudad", "localidad", "municipio", "city", "town", "cidade", "poblacion", "comuna"],
            .country: ["pais", "country"],
            .salesperson: ["vendedor", "vendedora", "asesor", "ejecutivo", "cobrador", "gestor", "salesperson",
                           "sales rep", "seller", "collector", "account manager", "vendedor responsavel",
                           "representante", "agente"],
            .notes: ["observaciones", "observacion", "notas", "nota", "comentarios", "comentario", "notes",
                     "note", "comments", "remarks", "observacoes", "detalle", "gestion"],
            .paymentDate: ["fecha de pago", "fecha pago", "fecha del pago", "payment date", "paid on",
                           "data pagamento", "data do pagamento", "fecha cobro", "fecha de cobro", "fecha abono",
                           // A bank statement's line date (`Fecha Operación`, `F. Valor`, `Fecha Transacción`).
                           "fecha operacion", "fecha de operacion", "f operacion", "fecha valor", "f valor",
                           "fecha transaccion", "fecha de transaccion", "fecha movimiento", "fecha de movimiento",
                           "fecha contable", "data operacao", "data da operacao", "data movimento", "transaction date",
                           "value date", "posting date"],
            .paymentAmount: ["monto pagado", "monto del pago", "importe del pago", "payment amount",
                             "valor do pagamento", "monto abonado", "monto cobrado", "monto recibido"],
            .paymentReference: ["referencia", "ref", "nro referencia", "referencia bancaria", "reference",
                                "payment reference", "nro operacion", "numero de operacion", "operacion",
                                "transaccion", "comprobante de pago", "recibo", "nro recibo", "referencia pago"],
            .paymentMethod: ["forma de pago", "metodo de pago", "medio de pago", "metodo", "payment method",
                             "method", "forma pago", "forma de pagamento", "banco", "instrumento"],
        ],
        totalsWords: ["total", "totales", "total general", "subtotal", "subtotales", "sub total", "gran total",
                      "sumas", "suma", "totals", "grand total", "total geral", "saldo total", "importe total",
                      "monto total", "valor total", "suma y sigue", "van", "vienen"],
        paymentWords: ["pago", "pagos", "cobro", "cobros", "cobranza", "abonos", "payment", "payments",
                       "recaudo", "recaudos", "pagamento", "pagamentos", "recibos", "depositos"],
        headerWeight: 0.6,
        minimumConfidence: 0.45,
        valueOnlyShare: 0.8
    )

    /// Nouns for a sales document as headers abbreviate them (Spanish, Portuguese, English).
    static let documentNouns = ["factura", "fact", "fac", "fra", "fatura", "documento", "doc", "comprobante", "cbte", "boleta",
                                "nota", "nota fiscal", "nf", "nfe", "nf e", "folio", "invoice", "inv", "document"]

    /// Delivery documents invoiced as such (`Albarán`, `Remisión`, `Nota de entrega`, `Guía de
    /// despacho`), alone or numbered: the document number when nothing else is, but less surely
    /// than `Factura` (``deliveryDocumentScore``): a sheet listing both numbers owes by the invoice.
    static let deliveryDocumentHeaders: Set<String> = Set(["albaran", "remision", "nota de entrega", "guia", "guia de despacho",
                                                           "nota de venta"].flatMap { noun in
        [noun] + numberMarks.flatMap { numbered(noun, by: $0) }
    })
    static let deliveryDocumentScore = 0.85

    /// Abbreviations that name the document number only as the whole header (`Fact.`, Spain's
    /// `Fra.`): inside a longer header they are other words (`Mfg/Fac`). Not `Doc.`, Argentina's
    /// identity document.
    static let abbreviatedDocumentHeaders: Set<String> = ["fact", "fac", "fra"]
    /// Marks that say "number" (folded: `Nº`, `N°`, `No.` and `#` all become `no`).
    static let numberMarks = ["n", "no", "nro", "nr", "num", "numero", "number", "nbr"]

    /// A number mark alone (`Núm.`, `Nº`, `No.`, QuickBooks' `Num`) names the document number, but
    /// less surely than a document noun does: a first column `Nº` is often the row's count, and a
    /// `Factura` column beside it is the number.
    static let bareNumberMarkScore = 0.9
    /// The marks that are a sign or an abbreviation (`Nº`, `#`, `No.`, `Núm.`): `Número` and
    /// `Nro.` spelled out name the number as surely as `Factura` does.
    static let bareNumberMarks: Set<String> = ["n", "no", "nr", "num", "nbr"]

    /// The document number written as a number mark and a document noun, in either order and with
    /// or without a preposition: `Nº Doc`, `Nro. de Factura`, `Nº da Nota`, `Inv #`, `Factura Nº`.
    /// Spelled out rather than matched loosely, so that `Notas` alone stays notes while `Nº da Nota`
    /// (a Brazilian nota fiscal number) is the document number.
    static let numberedDocuments: [String] = documentNouns.flatMap { noun in
        numberMarks.flatMap { mark in numbered(noun, by: mark) }
    }

    /// `Nº Doc`, `Nº de Doc` (and `del`, `da`, `do`), `Doc Nº` for one noun and mark.
    private static func numbered(_ noun: String, by mark: String) -> [String] {
        var out = [mark + " " + noun, noun + " " + mark]
        for preposition in ["de", "del", "da", "do"] { out.append(mark + " " + preposition + " " + noun) }
        return out
    }

    /// Words that say "date of" before a noun (`Fecha`, `F.`, `Data`), with their prepositions.
    static let dateWords = ["fecha", "fecha de", "fecha del", "f", "f de", "data", "data de", "data da", "data do"]

    /// The issue date written as a date word and a document noun (`Fecha Comprobante`, `Data da
    /// Nota`, `F. Factura`): spelled out because the noun alone is the document number's synonym.
    static let datedDocuments: [String] = documentNouns.flatMap { noun in dateWords.map { (date: String) in date + " " + noun } }

    /// Abbreviations of "due" (vencimiento / vencimento) as headers write them.
    static let dueWords = ["vencimiento", "vencimento", "vence", "venc", "vencto", "vcto", "vto", "vcmto", "vencim"]

    /// The due date written as a due word alone or after a date word (`Vto.`, `Fecha Vto.`,
    /// `F. Venc.`, `Data de Vencimento`). Spelled out because `Fecha Vto.` holds `fecha`, the
    /// issue date's synonym, as a whole word: only an exact synonym beats that.
    static let datedDueWords: [String] = dueWords.flatMap { (word: String) -> [String] in
        [word] + dateWords.map { (date: String) in date + " " + word } + dueOfDocument(word)
    }

    /// `Vto. Fact.`, `Venc. Factura`, `Fecha Vto. Doc.`: the due date of the document.
    private static func dueOfDocument(_ word: String) -> [String] {
        var out: [String] = []
        for noun in ["fact", "factura", "doc", "documento", "fra"] {
            out.append(word + " " + noun)
            out.append(word + " de " + noun)
            out.append(word + " de la " + noun)
            for date in dateWords { out.append(date + " " + word + " " + noun) }
        }
        return out
    }
}

// MARK: Words that qualify what a header names (``ColumnMapper``)

extension MappingSettings {
    /// A bare given name (`Nombre`, `Nome`, `Name`): the customer's whole name alone, the first name
    /// beside a surname column (`Nombre` + `Apellido`).
    static let givenNameHeaders = ["nombre", "nombres", "nome", "nomes", "name", "names", "first name"]

    /// Headers of an instalment's number beside the document's
    /// (``ColumnMapper/joinInstalment(headers:samples:byField:taken:)``), folded.
    static let instalmentHeaders: Set<String> = [
        "parcela", "parc", "n parcela", "no parcela", "numero parcela", "numero da parcela", "cuota", "n cuota",
        "no cuota", "nro cuota", "numero de cuota", "numero cuota", "installment", "instalment", "installment no",
    ]

    /// Folded headers of a column holding a document's series apart from its number (`Serie |
    /// Folio`, `Prefijo | Número`): right before the document number it is read as part of it.
    static let seriesHeaders: Set<String> = [
        "serie", "series", "serie doc", "serie documento", "serie comprobante", "serie factura", "prefijo",
        "prefijo factura", "prefix", "serie cfdi", "punto de venta", "pto vta", "pto de venta", "establecimiento",
    ]

    /// Folded headers of a column holding a tax ID's check digit apart from its number (Colombian
    /// exports: `NIT | DV`): right after the tax ID column it is read as part of it.
    static let checkDigitHeaders: Set<String> = [
        "dv", "d v", "digito", "digito de verificacion", "digito verificacion", "dig verificacion", "dig verif",
        "dig ver", "digito verif", "dv nit", "nit dv", "verificacion", "cod verificacion", "check digit",
    ]

    /// Words of a header that names the first name and the surname together (`Nombre y Apellido`,
    /// `Apellidos y Nombres`, `Nome e Sobrenome`): the whole name.
    static let givenNameWords = ["nombre", "nombres", "nome", "nomes", "name", "names", "first name", "given name"]
    static let surnameWords = ["apellido", "apellidos", "sobrenome", "sobrenomes", "surname", "last name", "family name"]

    /// Nouns that say whose a value is (`Teléfono del cliente`, `Saldo cliente`, `Email empresa`):
    /// alone they name the customer; beside another field's synonym they only say whose it is.
    static let customerNouns = ["cliente", "clientes", "customer", "client", "company", "empresa", "deudor",
                                "comprador", "sacado", "debtor"]

    /// Words that make a customer noun the customer's code or kind (`Cód. Cliente`, `ID cliente`,
    /// `Nº de cliente`, `Tipo de cliente`, `Estado cliente`), which is no name and no field.
    static let customerQualifiers = ["cod", "codigo", "code", "id", "no", "nro", "n", "num", "numero", "number", "nr",
                                     "tipo", "type", "clase", "class", "categoria", "category", "segmento", "segment",
                                     "grupo", "group", "estado", "estatus", "status"]

    /// Words that make a header a percentage (`Porcentaje pagado`, `Pct. cobrado`); a `%` in the raw
    /// header says it too (folding drops it).
    static let percentWords = ["porcentaje", "porcentajes", "porcentual", "porc", "pct", "pcto", "percent", "percentage",
                               "percentual", "porcentagem", "por ciento"]

    /// A bank statement's money in (`Crédito`, `Abono`, `Depósito`, `Ingreso`), the payments received.
    static let creditWords = ["credito", "creditos", "abono", "abonos", "deposito", "depositos", "ingreso",
                              "ingresos", "haber", "credit", "credits", "deposit", "deposits", "entrada", "entradas"]
    /// A customer statement's credits: the bank's words, and the payments it lists (`Pagos`, `Cobros`).
    static let statementCreditWords = creditWords + ["pagos", "pago", "cobros"]
    /// A bank statement's money out (`Débito`, `Cargo`, `Retiro`, `Egreso`).
    static let debitWords = ["debito", "debitos", "cargo", "cargos", "retiro", "retiros", "egreso", "egresos", "debe",
                             "debit", "debits", "withdrawal", "withdrawals", "saida", "saidas", "salida", "salidas"]
    /// A customer ledger's sides (`Debe` and `Haber`, `Cargos` and `Abonos`): a bank's own words
    /// (`Retiro`, `Depósito`) are left out, since without a running balance nothing else tells a
    /// bank's lines from a customer's.
    static let ledgerDebitWords = ["debe", "cargo", "cargos", "debito", "debitos", "debit", "debits"]
    static let ledgerCreditWords = ["haber", "abono", "abonos", "credito", "creditos", "credit", "credits", "pago", "pagos",
                                    "cobro", "cobros"]
    /// Words a numbered payment column starts with (`Abono 1`, `Pago 2`, `Cuota 3`).
    static let instalmentWords: Set<String> = ["abono", "abonos", "abonado", "pago", "pagos", "pagado", "cuota", "cobro",
                                               "cobrado", "payment", "paid", "pagamento", "parcela"]
    /// What a customer still owes on a document, in an invoice list without a credit column (`Debe`).
    static let owedWords = ["debe", "adeuda", "debe cliente", "cliente debe"]
    /// What a statement line is (`Descripción`, `Concepto`, `Detalle`, Brazil's `Histórico`).
    static let descriptionWords = ["descripcion", "concepto", "detalle", "description", "details", "memo", "glosa",
                                   "historico", "descricao", "movimiento", "lancamento", "lancamentos"]

    /// Who paid, as a payments table or a bank names them (`Ordenante`, `Depositante`, `Titular`).
    static let payerWords = ["ordenante", "pagador", "depositante", "remitente", "titular", "payer",
                             "sender", "depositor", "remetente"]
}
