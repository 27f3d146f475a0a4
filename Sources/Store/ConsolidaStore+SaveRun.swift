import Collections
import Foundation
import GRDB
import Receivables
import Reconcile
import Tabular
import ZipArchive

extension ConsolidaStore {
    /// Writes everything a run produced in one transaction: the consolidated tables are replaced,
    /// the history (sources, accounting, ID map, snapshot with the run's `import-summary.json` and
    /// the collections settings its outputs were written with) is appended. SQL only through bound
    /// parameters. With `keepSnapshots`, only that many of the latest runs keep their snapshot
    /// (older runs keep their summary, sources and accounting; SQLite reuses the pages freed).
    public func saveRun(_ runID: Int64, importedAt: Date, sources: [SourceRecord], batch: ImportBatch,
                        result: ReconciliationResult, importSummary: Data? = nil,
                        collectionsSettings: CollectionsSettings? = nil, keepSnapshots: Int? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let resultJSON: Data, batchJSON: Data, settingsJSON: Data?
        do {
            // The two large parts at once, on two threads, each compressed as it is written.
            let packed = try Self.packedSnapshot(result, batch)
            resultJSON = packed.result; batchJSON = packed.batch
            settingsJSON = try collectionsSettings.map(encoder.encode)
        } catch {
            throw StoreError.writeFailed(path: path, reason: "cannot encode run snapshot: \(error)")
        }
        let stamp = Self.timestamp(importedAt)
        try write { db in
            for table in ["discrepancy_values", "discrepancies", "customer_members", "invoice_members",
                          "invoices", "customers", "payments", "contacts", "promises", "rejects",
                          "customer_balances", "worklist"] {
                try db.execute(sql: "DELETE FROM \(table)")  // table names are constants, not input
            }
            for s in sources {
                try db.execute(sql: """
                    INSERT INTO sources (run_id, path, kind, label, content_hash, size, imported_at, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [runID, s.path, s.kind, s.label, s.contentHash, s.size, stamp, s.error])
            }
            let accounting = try db.cachedStatement(sql: """
                INSERT INTO source_accounting (run_id, file, sheet, table_name, rows_read, imported, rejected,
                    blank, totals_skipped, header_rows, other_skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for a in batch.accounting {
                try accounting.execute(arguments: [runID, a.file, a.sheet, a.table, a.rowsRead, a.imported,
                                                   a.rejected, a.blank, a.totalsSkipped, a.headerRows, a.otherSkipped])
            }
            // The collections view the run's outputs show, with the settings they were written with.
            let collections = collectionsSettings.map { CollectionsReport(result: result, settings: $0) }
            try insertCustomers(db, result.customers, collections)
            try insertInvoices(db, result.invoices, collections?.invoices ?? [])
            if let collections { try insertCollections(db, collections) }
            try insertPayments(db, result.payments)
            try insertContactsAndPromises(db, result, collections?.promises ?? [])
            try insertDiscrepancies(db, result.discrepancies)
            try insertRejects(db, batch.rejects)
            let idMap = try db.cachedStatement(sql: """
                INSERT INTO id_map (record_id, customer_id, first_run_id, last_run_id) VALUES (?, ?, ?, ?)
                ON CONFLICT(record_id) DO UPDATE SET customer_id = excluded.customer_id, last_run_id = excluded.last_run_id
                """)
            for (record, customerID) in result.customerIDByRecord.sorted(by: { $0.key < $1.key }) {
                try idMap.execute(arguments: [record.rawValue, customerID, runID, runID])
            }
            let idMapByIdentity = try db.cachedStatement(sql: """
                INSERT INTO id_map_identity (identity, customer_id, first_run_id, last_run_id) VALUES (?, ?, ?, ?)
                ON CONFLICT(identity) DO UPDATE SET customer_id = excluded.customer_id, last_run_id = excluded.last_run_id
                """)
            let byIdentity = IDMap.idsByIdentity(batch.customers, ids: result.customerIDByRecord)
            for (identity, customerID) in byIdentity.sorted(by: { $0.key < $1.key }) {
                try idMapByIdentity.execute(arguments: [identity, customerID, runID, runID])
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO run_snapshots (run_id, result_json, batch_json, import_summary_json,
                    collections_settings_json)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [runID, resultJSON, batchJSON, importSummary, settingsJSON])
            if let keepSnapshots {
                try db.execute(sql: """
                    DELETE FROM run_snapshots WHERE run_id NOT IN
                        (SELECT run_id FROM run_snapshots ORDER BY run_id DESC LIMIT ?)
                    """, arguments: [max(1, keepSnapshots)])
            }
        }
    }

    /// Customers with their balance in their main currency, as customers.csv shows them.
    private func insertCustomers(_ db: Database, _ customers: [ConsolidatedCustomer], _ collections: CollectionsReport?) throws {
        let customer = try db.cachedStatement(sql: """
            INSERT INTO customers (customer_id, name, tax_id, tax_id_country, tax_id_validity, phones, emails,
                address, city, country, salesperson, currency, member_count, balance, overdue_balance,
                oldest_due_date, last_contact_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let member = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO customer_members (customer_id, record_id, source_file, source_sheet, source_row,
                source_line, source_name, source_tax_id, match_score, match_rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in customers {
            let p = collections?.position(of: c.customerID)
            let currency = p?.mainCurrency ?? c.currency
            try customer.execute(arguments: [
                c.customerID, c.name, c.taxID?.normalized, c.taxID?.country, c.taxID?.validity.rawValue,
                c.phones.joined(separator: "; "), c.emails.joined(separator: "; "), c.address, c.city,
                c.country, c.salesperson, currency?.code, c.members.count,
                collections.map { _ in Self.money(p?.main.balance ?? 0, currency) },
                collections.map { _ in Self.money(p?.main.overdue ?? 0, currency) },
                p?.oldestDueDate?.iso, p?.lastContactDate?.iso,
            ])
            for m in c.members {
                let l = m.provenance.location
                try member.execute(arguments: [c.customerID, m.record.rawValue, l.file, l.sheet, l.row, l.line,
                                               m.sourceName, m.sourceTaxID, m.matchScore, m.matchRule])
            }
        }
    }

    /// Documents with their aging (`aging`, by the documents' order, as invoices.csv reads it):
    /// the open amount (credit notes negative), days overdue and bucket.
    private func insertInvoices(_ db: Database, _ invoices: [ConsolidatedInvoice], _ aging: [InvoiceAging]) throws {
        let invoice = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO invoices (invoice_key, customer_id, document_number, document_type, issue_date,
                due_date, currency, amount, paid, balance, source_count, has_conflict, open_amount, days_overdue,
                aging_bucket)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let member = try db.cachedStatement(sql: """
            INSERT INTO invoice_members (invoice_key, record_id, source_file, source_sheet, source_row, source_line)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (n, i) in invoices.enumerated() {
            let key = Self.invoiceKey(i)
            let a = n < aging.count ? aging[n] : nil
            try invoice.execute(arguments: [
                key, i.customerID, i.documentNumber, i.documentType.rawValue, i.issueDate?.iso, i.dueDate?.iso,
                i.currency?.code, i.amount?.plainText, i.paid?.plainText, i.balance?.plainText, i.sourceCount,
                i.hasConflict, a.map { Self.money($0.openAmount, $0.currency ?? i.currency) }, a?.daysOverdue,
                a?.bucket?.rawValue,
            ])
            for (record, provenance) in zip(i.members, i.memberProvenance) {
                let l = provenance.location
                try member.execute(arguments: [key, record.rawValue, l.file, l.sheet, l.row, l.line])
            }
        }
    }

    /// The store's key of a consolidated document: customer, type and number.
    static func invoiceKey(_ i: ConsolidatedInvoice) -> String {
        "\(i.customerID)|\(i.documentType.rawValue)|\(i.documentNumber)"
    }

    private func insertPayments(_ db: Database, _ payments: [ConsolidatedPayment]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO payments (record_id, customer_id, invoice_number, invoice_found, date, amount,
                currency, reference, method, source_file, source_sheet, source_row, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for p in payments {
            let l = p.payment.provenance.location
            try statement.execute(arguments: [
                p.payment.id.rawValue, p.customerID, p.invoiceNumber, p.invoiceFound, p.payment.date?.value.iso,
                p.payment.amount.value.plainText, p.payment.amount.value.currency?.code,
                p.payment.reference?.value, p.payment.method?.value, l.file, l.sheet, l.row, l.line,
            ])
        }
    }

    /// customer_balances.csv and worklist.csv as tables.
    private func insertCollections(_ db: Database, _ collections: CollectionsReport) throws {
        let balance = try db.cachedStatement(sql: """
            INSERT INTO customer_balances (customer_id, currency, is_main_currency, balance, overdue_balance,
                open_documents, overdue_documents, bucket_current, bucket_1_30, bucket_31_60, bucket_61_90,
                bucket_91_120, bucket_over_120, undated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for p in collections.customers {
            for (n, c) in p.allCurrencies.enumerated() {
                let buckets: [(any DatabaseValueConvertible)?] = AgingBucket.allCases.map { Self.money(c.amount(in: $0), c.currency) }
                try balance.execute(arguments: StatementArguments([
                    p.customerID, c.currency?.code, n == 0, Self.money(c.balance, c.currency),
                    Self.money(c.overdue, c.currency), c.openDocuments, c.overdueDocuments,
                ] + buckets + [Self.money(c.undated, c.currency)]))
            }
        }
        let entry = try db.cachedStatement(sql: """
            INSERT INTO worklist (rank, customer_id, name, score, currency, overdue_balance, overdue_documents,
                max_days_overdue, oldest_due_date, other_overdue, broken_promises, pending_promises,
                next_promise_date, last_contact_date, days_since_contact, phones, salesperson, reason, score_detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for w in collections.worklist {
            try entry.execute(arguments: [
                w.rank, w.customerID, w.name, w.score.total, w.currency?.code, Self.money(w.overdue, w.currency),
                w.overdueDocuments, w.maxDaysOverdue, w.oldestDueDate?.iso,
                w.otherOverdue.map(\.description).joined(separator: "; "), w.brokenPromises, w.pendingPromises,
                w.nextPromiseDeadline?.iso, w.lastContactDate?.iso, w.daysSinceContact,
                w.phones.joined(separator: "; "), w.salesperson, w.reason, w.score.detail,
            ])
        }
    }

    /// Money as plain decimal text in its currency's minor units (as the output files write it).
    private static func money(_ value: Decimal, _ currency: Currency?) -> String {
        Money(value, currency).plainText
    }

    /// Contacts, and promises with the status the collections view decided (as promises.csv shows
    /// them; `evaluations` parallel to the result's promises, empty when the run kept no settings).
    private func insertContactsAndPromises(_ db: Database, _ result: ReconciliationResult,
                                           _ evaluations: [PromiseEvaluation]) throws {
        let contact = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO contacts (record_id, customer_id, date, time, channel, author, outcome, text,
                source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in result.contacts {
            let e = c.event, l = e.provenance.location
            try contact.execute(arguments: [e.id.rawValue, c.customerID, e.date.iso, e.time?.iso, e.channel.rawValue,
                                            e.author, e.outcome.rawValue, e.text, l.file, l.line])
        }
        let promise = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO promises (record_id, customer_id, made_on, promised_date, amount, currency, status,
                text, source_file, source_line, deadline, paid_in_window) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, p) in result.promises.enumerated() {
            let v = p.promise, l = v.provenance.location
            let e = i < evaluations.count ? evaluations[i] : nil
            let currency = e?.currency ?? v.amount?.currency
            try promise.execute(arguments: [v.id.rawValue, p.customerID, v.madeOn.iso, v.promisedDate?.iso,
                                            (e?.promisedAmount ?? v.amount?.amount).map { Self.money($0, currency) },
                                            currency?.code, (e?.status ?? v.status).rawValue, v.text, l.file, l.line,
                                            e?.deadline.iso, e.map { Self.money($0.paidInWindow, currency) }])
        }
    }

    private func insertDiscrepancies(_ db: Database, _ discrepancies: [Discrepancy]) throws {
        let discrepancy = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO discrepancies (discrepancy_id, kind, severity, entity, entity_id, field, chosen,
                rule, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let value = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO discrepancy_values (discrepancy_id, position, value, source_file, source_sheet,
                source_row, source_column, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for d in discrepancies {
            try discrepancy.execute(arguments: [d.id, d.kind, d.severity.rawValue, d.entity, d.entityID, d.field,
                                                d.chosen, d.rule, d.message])
            for (position, v) in d.values.enumerated() {
                let l = v.provenance.location
                try value.execute(arguments: [d.id, position, v.value, l.file, l.sheet, l.row, l.column, l.line])
            }
        }
    }

    private func insertRejects(_ db: Database, _ rejects: [Reject]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO rejects (source_file, source_sheet, source_row, source_column, source_line, code, reason,
                raw_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for r in rejects {
            let l = r.location
            try statement.execute(arguments: [l.file, l.sheet, l.row, l.column, l.line, r.code, r.reason, r.rawText])
        }
    }
}

extension ConsolidaStore {
    /// A snapshot's JSON as stored: gzipped. A run's snapshot holds every record it read and made
    /// (about 3.5 KB per input row as JSON); kept for every nightly run, the store grew by the
    /// size of all the company's sheets each night. Gzip keeps about a tenth of it.
    static func packedSnapshot(_ result: ReconciliationResult, _ batch: ImportBatch) throws -> (result: Data, batch: Data) {
        final class Parts: @unchecked Sendable {
            // @unchecked: each property is written by one thread only, and read after both are done.
            var result: Result<[UInt8], any Error> = .success([])
            var batch: Result<[UInt8], any Error> = .success([])
        }
        let parts = Parts()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                parts.result = Result { try StreamingJSONEncoder.encodeGzipped(result) }
            } else {
                parts.batch = Result { try StreamingJSONEncoder.encodeGzipped(batch) }
            }
        }
        return (Data(try parts.result.get()), Data(try parts.batch.get()))
    }

    /// A stored snapshot's JSON: gunzipped, or as it is when an earlier version stored it plain
    /// (JSON starts with `{`, never with gzip's magic bytes).
    static func unpacked(_ stored: Data) throws -> Data {
        guard Gzip.isCompressed(stored) else { return stored }
        // The store is this program's own file, not an input: no cap below what it wrote.
        return Data(try Gzip.decompress(Array(stored), maximumSize: .max))
    }
}
