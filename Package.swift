// swift-tools-version: 6.2
// Consolida: one trustworthy source of accounts receivable from scattered CSV, XLSX and notes.
// Module layout and dependency direction: see DESIGN.md ("Modules"). Dependencies point down only:
// readers → Receivables → Mapping/NotesReader → Reconcile → Store/Reports → Pipeline → consolida.
import PackageDescription

let package = Package(
    name: "Consolida",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "consolida", targets: ["consolida"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // C boundary: only ZipArchive imports CZlib, only XMLStream imports CLibXML2.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),

        // Cells, locations, diagnostics and the row streams every reader yields.
        .target(name: "Tabular"),
        // Readers.
        .target(name: "ZipArchive", dependencies: ["Tabular", "CZlib"]),
        .target(name: "XMLStream", dependencies: ["Tabular", "CLibXML2"]),
        .target(name: "CSVReader", dependencies: ["Tabular"]),
        .target(name: "XLSXReader", dependencies: ["Tabular", "ZipArchive", "XMLStream"]),
        // The normalized receivables model.
        .target(name: "Receivables", dependencies: ["Tabular"]),
        // Sheets and notes → receivables records.
        .target(name: "Mapping", dependencies: ["Tabular", "Receivables", "Yams"], exclude: ["README.md"]),
        .target(name: "NotesReader", dependencies: ["Tabular", "Receivables", "XMLStream", "ZipArchive", "Yams"],
                exclude: ["README.md"]),
        // Records → consolidated customers, invoices and discrepancies.
        .target(name: "Reconcile", dependencies: ["Receivables", "Yams"]),
        // Aging, worklist and metrics; then every output file of DESIGN.md "Output folder".
        .target(name: "Collections", dependencies: ["Receivables", "Reconcile"], exclude: ["README.md"]),
        .target(name: "Reports", dependencies: ["Tabular", "Receivables", "Reconcile", "Collections", "ZipArchive"],
                exclude: ["README.md"]),
        // The consolidated store: SQLite through GRDB, versioned migrations, run history (with the
        // collections settings each run's outputs were written with, so `report` writes them alike;
        // snapshots gzipped through ZipArchive's zlib wrapper).
        .target(name: "Store", dependencies: [
            "Receivables", "Reconcile", "Collections", "ZipArchive", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The whole job: configuration, source discovery, import, reconcile, store, outputs.
        .target(name: "Pipeline", dependencies: [
            "Tabular", "CSVReader", "XLSXReader", "Receivables", "Mapping", "NotesReader", "Reconcile", "Store",
            "Collections", "Reports", "Yams", .product(name: "Logging", package: "swift-log"),
        ]),
        // The command line.
        .executableTarget(name: "consolida", dependencies: [
            "Tabular", "CSVReader", "XLSXReader", "Receivables", "Mapping", "NotesReader", "Reconcile", "Collections",
            "Store", "Pipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Seeded randomness and file corruption shared by the property and mutation tests.
        .target(name: "TestSupport", dependencies: ["ZipArchive"], path: "Tests/TestSupport"),
        .testTarget(name: "TabularTests", dependencies: ["Tabular"]),
        .testTarget(name: "ReceivablesTests", dependencies: ["Receivables", "TestSupport"]),
        .testTarget(name: "ZipArchiveTests", dependencies: ["ZipArchive", "TestSupport"]),
        .testTarget(name: "XMLStreamTests", dependencies: ["XMLStream"]),
        .testTarget(name: "CSVReaderTests", dependencies: ["CSVReader"], resources: [.copy("Fixtures")]),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "ZipArchive", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MappingTests", dependencies: ["Mapping", "CSVReader", "XLSXReader", "ZipArchive", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotesReaderTests", dependencies: ["NotesReader", "ZipArchive", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReconcileTests", dependencies: ["Reconcile"]),
        .testTarget(name: "CollectionsTests", dependencies: ["Collections"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "XLSXReader"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "ZipArchive", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Store"]),
        // Runs the built `consolida` binary, as a user would (argument-parser's example tests).
        .testTarget(name: "EndToEndTests", dependencies: ["consolida", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
