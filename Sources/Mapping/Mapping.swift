// Mapping: header rows, column → field mapping, value parsers, rows → records. See issue #4.
