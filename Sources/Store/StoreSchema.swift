import GRDB

/// The store's tables, created by versioned migrations. A migration is never edited once it has
/// shipped: a schema change is a new migration appended here, so old stores upgrade in place.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, runs, consolidated tables, id map") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    as_of TEXT,
                    inputs_json TEXT NOT NULL,
                    counts_json TEXT,
                    exit_code INTEGER
                );
                CREATE TABLE sources (
                    run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    label TEXT,
                    content_hash TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    imported_at TEXT NOT NULL,
                    error TEXT,
                    PRIMARY KEY (run_id, path)
                );
                CREATE TABLE source_accounting (
                    run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    file TEXT NOT NULL,
                    sheet TEXT,
                    table_name TEXT,
                    rows_read INTEGER NOT NULL,
                    imported INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    blank INTEGER NOT NULL,
                    totals_skipped INTEGER NOT NULL,
                    header_rows INTEGER NOT NULL,
                    other_skipped INTEGER NOT NULL
                );
                CREATE TABLE customers (
                    customer_id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    tax_id TEXT,
                    tax_id_country TEXT,
                    tax_id_validity TEXT,
                    phones TEXT NOT NULL,
                    emails TEXT NOT NULL,
                    address TEXT,
                    city TEXT,
                    country TEXT,
                    salesperson TEXT,
                    currency TEXT,
                    member_count INTEGER NOT NULL
                );
                CREATE TABLE customer_members (
                    customer_id TEXT NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,
                    record_id TEXT NOT NULL PRIMARY KEY,
                    source_file TEXT NOT NULL,
                    source_sheet TEXT,
                    source_row INTEGER,
                    source_line INTEGER,
                    source_name TEXT,
                    source_tax_id TEXT,
                    match_score REAL,
                    match_rule TEXT NOT NULL
                );
                CREATE TABLE invoices (
                    invoice_key TEXT PRIMARY KEY,
                    customer_id TEXT NOT NULL,
                    document_number TEXT NOT NULL,
                    document_type TEXT NOT NULL,
                    issue_date TEXT,
                    due_date TEXT,
                    currency TEXT,
                    amount TEXT,
                    paid TEXT,
                    balance TEXT,
                    source_count INTEGER NOT NULL,
                    has_conflict INTEGER NOT NULL
                );
                CREATE TABLE invoice_members (
                    invoice_key TEXT NOT NULL REFERENCES invoices(invoice_key) ON DELETE CASCADE,
                    record_id TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_sheet TEXT,
                    source_row INTEGER,
                    source_line INTEGER
                );
                CREATE TABLE payments (
                    record_id TEXT PRIMARY KEY,
                    customer_id TEXT,
                    invoice_number TEXT,
                    invoice_found INTEGER NOT NULL,
                    date TEXT,
                    amount TEXT NOT NULL,
                    currency TEXT,
                    reference TEXT,
                    method TEXT,
                    source_file TEXT NOT NULL,
                    source_sheet TEXT,
                    source_row INTEGER,
                    source_line INTEGER
                );
                CREATE TABLE contacts (
                    record_id TEXT PRIMARY KEY,
                    customer_id TEXT,
                    date TEXT NOT NULL,
                    time TEXT,
                    channel TEXT NOT NULL,
                    author TEXT,
                    outcome TEXT NOT NULL,
                    text TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_line INTEGER
                );
                CREATE TABLE promises (
                    record_id TEXT PRIMARY KEY,
                    customer_id TEXT,
                    made_on TEXT NOT NULL,
                    promised_date TEXT,
                    amount TEXT,
                    currency TEXT,
                    status TEXT NOT NULL,
                    text TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_line INTEGER
                );
                CREATE TABLE discrepancies (
                    discrepancy_id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    field TEXT NOT NULL,
                    chosen TEXT,
                    rule TEXT,
                    message TEXT NOT NULL
                );
                CREATE TABLE discrepancy_values (
                    discrepancy_id TEXT NOT NULL REFERENCES discrepancies(discrepancy_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    source_sheet TEXT,
                    source_row INTEGER,
                    source_column INTEGER,
                    source_line INTEGER,
                    PRIMARY KEY (discrepancy_id, position)
                );
                CREATE TABLE rejects (
                    source_file TEXT NOT NULL,
                    source_sheet TEXT,
                    source_row INTEGER,
                    source_column INTEGER,
                    source_line INTEGER,
                    code TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    raw_text TEXT NOT NULL
                );
                -- The ID map that keeps customer IDs stable across runs: never cleared.
                CREATE TABLE id_map (
                    record_id TEXT PRIMARY KEY,
                    customer_id TEXT NOT NULL,
                    first_run_id INTEGER NOT NULL,
                    last_run_id INTEGER NOT NULL
                );
                -- Everything a run produced, as JSON, so `consolida report` can rewrite outputs and
                -- `consolida diff` can compare runs without re-importing.
                CREATE TABLE run_snapshots (
                    run_id INTEGER PRIMARY KEY REFERENCES runs(run_id) ON DELETE CASCADE,
                    result_json BLOB NOT NULL,
                    batch_json BLOB NOT NULL
                );
                CREATE INDEX customer_members_by_customer ON customer_members(customer_id);
                CREATE INDEX invoices_by_customer ON invoices(customer_id);
                CREATE INDEX id_map_by_customer ON id_map(customer_id);
                """)
        }
        migrator.registerMigration("v2: each run's import summary") { db in
            // import-summary.json as the run wrote it, so `consolida report --run N` writes it too.
            try db.execute(sql: "ALTER TABLE run_snapshots ADD COLUMN import_summary_json BLOB")
        }
        migrator.registerMigration("v3: the ID map by record identity") { db in
            // Records followed by what they say (RecordIdentity), so a customer keeps its ID when
            // its rows move or its file is renamed; never cleared, as id_map.
            try db.execute(sql: """
                CREATE TABLE id_map_identity (
                    identity TEXT PRIMARY KEY,
                    customer_id TEXT NOT NULL,
                    first_run_id INTEGER NOT NULL,
                    last_run_id INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4: each run's collections settings") { db in
            // The settings the run's outputs were computed with (as-of date, default currency, the
            // `collections:` block), so `consolida report` writes the same bytes without the
            // configuration file: a customer with only a payment takes the default currency.
            // (A store a development build wrote may have the column under an earlier migration name.)
            guard try !db.columns(in: "run_snapshots").contains(where: { $0.name == "collections_settings_json" }) else { return }
            try db.execute(sql: "ALTER TABLE run_snapshots ADD COLUMN collections_settings_json BLOB")
        }
        migrator.registerMigration("v5: the collections view") { db in
            // What customers.csv, invoices.csv, customer_balances.csv and worklist.csv add to the
            // consolidated records (DESIGN.md: the store holds every table of the output folder).
            // Money as plain decimal text, as the other amounts; `balance` of a customer is in its
            // main currency (`currency`), as customers.csv has it.
            try db.execute(sql: """
                ALTER TABLE customers ADD COLUMN balance TEXT;
                ALTER TABLE customers ADD COLUMN overdue_balance TEXT;
                ALTER TABLE customers ADD COLUMN oldest_due_date TEXT;
                ALTER TABLE customers ADD COLUMN last_contact_date TEXT;
                ALTER TABLE invoices ADD COLUMN open_amount TEXT;
                ALTER TABLE invoices ADD COLUMN days_overdue INTEGER;
                ALTER TABLE invoices ADD COLUMN aging_bucket TEXT;
                CREATE TABLE customer_balances (
                    customer_id TEXT NOT NULL,
                    currency TEXT,
                    is_main_currency INTEGER NOT NULL,
                    balance TEXT NOT NULL,
                    overdue_balance TEXT NOT NULL,
                    open_documents INTEGER NOT NULL,
                    overdue_documents INTEGER NOT NULL,
                    bucket_current TEXT NOT NULL,
                    bucket_1_30 TEXT NOT NULL,
                    bucket_31_60 TEXT NOT NULL,
                    bucket_61_90 TEXT NOT NULL,
                    bucket_91_120 TEXT NOT NULL,
                    bucket_over_120 TEXT NOT NULL,
                    undated TEXT NOT NULL
                );
                CREATE TABLE worklist (
                    rank INTEGER PRIMARY KEY,
                    customer_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    score INTEGER NOT NULL,
                    currency TEXT,
                    overdue_balance TEXT NOT NULL,
                    overdue_documents INTEGER NOT NULL,
                    max_days_overdue INTEGER,
                    oldest_due_date TEXT,
                    other_overdue TEXT NOT NULL,
                    broken_promises INTEGER NOT NULL,
                    pending_promises INTEGER NOT NULL,
                    next_promise_date TEXT,
                    last_contact_date TEXT,
                    days_since_contact INTEGER,
                    phones TEXT NOT NULL,
                    salesperson TEXT,
                    reason TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v6: the worklist's score detail") { db in
            try db.execute(sql: "ALTER TABLE worklist ADD COLUMN score_detail TEXT")
        }
        migrator.registerMigration("v7: promises as the collections view judged them") { db in
            try db.execute(sql: """
                ALTER TABLE promises ADD COLUMN deadline TEXT;
                ALTER TABLE promises ADD COLUMN paid_in_window TEXT;
                """)
        }
        return migrator
    }
}
