// ZipArchive: the zip container (read and write). The only module that imports CZlib.
// See DESIGN.md "Modules". Implementation arrives with issue #3.
