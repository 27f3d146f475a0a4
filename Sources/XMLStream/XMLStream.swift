// XMLStream: a thin streaming SAX2 wrapper over libxml2. The only module that imports CLibXML2.
// See DESIGN.md "Modules". Implementation arrives with issue #3.
