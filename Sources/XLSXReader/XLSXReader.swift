// XLSXReader: OOXML parts → streamed typed cells. See DESIGN.md "Modules" and issue #3.
