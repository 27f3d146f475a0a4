import Foundation
import Receivables
import Tabular
@testable import Reconcile

/// Small hand-written customer records for the reconciler tests.
enum Fixture {
    static func rif(_ display: String, valid: Bool = true) -> TaxID {
        TaxID(normalized: TaxIDKeyer.compact(display), country: "VE", kind: .rif, isCompany: true,
              validity: valid ? .valid : .checkDigitMismatch, display: display)
    }

    static func customer(_ file: String, _ row: Int, name: String?, tax: TaxID? = nil, phones: [String] = [],
                         emails: [String] = [], address: String? = nil, city: String? = nil,
                         priority: Int = 0, asOf: LocalDate? = nil) -> Customer {
        let loc = SourceLocation(file: file, sheet: file.hasSuffix(".xlsx") ? "Clientes" : nil, row: row)
        let p = Provenance(loc)
        return Customer(id: RecordID(loc), name: name.map { Sourced($0, from: Provenance(loc.withColumn(1))) },
                        taxID: tax.map { Sourced($0, from: Provenance(loc.withColumn(2))) },
                        phones: phones.map { Sourced($0, from: p) }, emails: emails.map { Sourced($0, from: p) },
                        address: address.map { Sourced($0, from: p) }, city: city.map { Sourced($0, from: p) },
                        country: "VE", provenance: p, sourcePriority: priority, asOf: asOf)
    }

    /// The issue's example: three copies of Ferretería El Tornillo, plus unrelated customers.
    static var tornillo: [Customer] {
        [
            customer("ventas.xlsx", 2, name: "Ferretería El Tornillo C.A.", tax: rif("J-30123456-7"),
                     phones: ["+584125551234"], emails: ["ventas@eltornillo.com.ve"], address: "Av. Bolívar 12, Valencia", priority: 1),
            customer("erp.csv", 7, name: "FERRETERIA EL TORNILLO", tax: rif("J301234567"),
                     phones: ["0412-555.12.34"], emails: ["ventas@eltornilo.com.ve"], address: "AV BOLIVAR 12 VALENCIA"),
            customer("cobranza.xlsx", 5, name: "Ferreteria Tornillo, CA", phones: ["0412 5551234"], address: "Av Bolivar 12"),
        ] + others
    }

    static var others: [Customer] {
        [
            customer("erp.csv", 8, name: "Distribuidora La Candelaria S.A.", tax: rif("J-29876543-1"), phones: ["+582129998877"]),
            customer("erp.csv", 9, name: "Panadería San José", tax: rif("V-12345678-9"), phones: ["+584141112233"]),
            customer("erp.csv", 10, name: "Agropecuaria Los Llanos C.A.", tax: rif("J-31112223-4"), phones: ["+582432223344"]),
            customer("ventas.xlsx", 3, name: "Distribuidora La Candelaria", phones: ["0212-999.88.77"], priority: 1),
            customer("erp.csv", 11, name: "Comercial Oriente 2000 C.A.", tax: rif("J-30999888-2"), emails: ["pagos@oriente2000.com"]),
            customer("erp.csv", 12, name: "Textiles Maracay S.R.L.", tax: rif("J-40123123-0"), phones: ["+582435556677"]),
        ]
    }

    static func batch(_ customers: [Customer], invoices: [Invoice] = [], payments: [Payment] = []) -> ImportBatch {
        var b = ImportBatch()
        b.customers = customers; b.invoices = invoices; b.payments = payments
        return b
    }

    static func invoice(_ file: String, _ row: Int, customer: Customer, number: String, amount: Decimal?,
                        paid: Decimal? = nil, balance: Decimal? = nil, issue: LocalDate? = nil, priority: Int = 0) -> Invoice {
        let loc = SourceLocation(file: file, sheet: "Facturas", row: row)
        let p = Provenance(loc)
        return Invoice(id: RecordID(loc), customer: customer.id, number: Sourced(number, from: p),
                       issueDate: issue.map { Sourced($0, from: p) },
                       amount: amount.map { Sourced(Money($0, .usd), from: p) }, paid: paid.map { Sourced(Money($0, .usd), from: p) },
                       balance: balance.map { Sourced(Money($0, .usd), from: p) }, currency: .usd, provenance: p, sourcePriority: priority)
    }

    static func payment(_ file: String, _ row: Int, customer: Customer?, invoice: String?, amount: Decimal) -> Payment {
        let loc = SourceLocation(file: file, row: row)
        let p = Provenance(loc)
        return Payment(id: RecordID(loc), customer: customer?.id, invoiceNumber: invoice.map { Sourced($0, from: p) },
                       amount: Sourced(Money(amount, .usd), from: p), provenance: p)
    }

    static func customerID(of record: Customer, in result: ReconciliationResult) -> String? {
        result.customerIDByRecord[record.id]
    }
}
