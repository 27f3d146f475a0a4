// CSVReader: byte-level CSV state machine, dialect and encoding detection, streaming.
// See DESIGN.md "Modules". Implementation arrives with issue #2.
