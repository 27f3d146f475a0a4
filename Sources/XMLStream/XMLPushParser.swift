internal import CLibXML2
import Tabular

/// libxml2 must be initialized once, before parsers are created from any thread.
private let libxml2Initialized: Bool = {
    xmlInitParser()
    return true
}()

/// A SAX2 push parser: feed it bytes as they arrive (say, inflated 64 KiB at a time) and it calls
/// the handler for each element and text run, keeping nothing but its own small state.
///
/// Hostile input is parsed safely: no network access, no external DTD loading, no entity
/// substitution (only the five predefined entities and character references are decoded), and
/// libxml2's default size limits stay on. Errors never reach stderr: fatal ones are thrown as
/// ``XMLStreamError`` with the part name and line; warnings are collected as ``diagnostics``.
///
/// Stray text before the root element (`<?xml …?>foo<worksheet>`) is the one recovery: it is
/// skipped with an `XML-TEXT-BEFORE-ROOT` warning (see `XMLPrologFilter`).
public final class XMLPushParser {
    public let file: String
    public let part: String
    /// Warnings and recoverable errors, as diagnostics with the part and line.
    public private(set) var diagnostics: [Diagnostic] = []
    private let context: Context
    private let handler: any XMLStreamHandler
    private var ctxt: xmlParserCtxtPtr?
    private var finished = false
    /// Skips stray text before the root element (see ``XMLPrologFilter``); idle once the root starts.
    private var prolog = XMLPrologFilter()
    private var prologScanned = false

    /// What the C callbacks reach through libxml2's user-data pointer.
    final class Context {
        /// A strong `let`: reached through a guaranteed reference it is borrowed, so the hot callbacks
        /// do no reference counting (an `unowned(unsafe)` one was retained on every load). No cycle:
        /// the context is owned by the parser, never by the handler.
        let handler: any XMLStreamHandler
        var fatal: XMLStreamError?
        var warnings: [(line: Int, message: String)] = []
        let file: String, part: String
        init(handler: any XMLStreamHandler, file: String, part: String) {
            self.handler = handler; self.file = file; self.part = part
        }
    }

    /// - Parameters:
    ///   - file: the file the part came from (for messages).
    ///   - part: the part's name inside the file, such as `xl/worksheets/sheet1.xml`.
    public init(file: String, part: String, handler: any XMLStreamHandler) {
        _ = libxml2Initialized
        self.file = file
        self.part = part
        self.handler = handler
        context = Context(handler: handler, file: file, part: part)
        var sax = xmlSAXHandler()
        // Only the namespace-aware SAX2 callbacks are set, so no DOM and no DTD are ever built.
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            guard let ctx else { return }
            let attrs = XMLAttributes(raw: UnsafeRawPointer(attributes)?.assumingMemoryBound(to: UnsafePointer<UInt8>?.self),
                                      count: Int(nbAttributes))
            Unmanaged<Context>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.handler.startElement(localName: XMLBytes(cString: localname), namespace: XMLBytes(cString: uri), attributes: attrs)
            }
        }
        sax.endElementNs = { ctx, localname, _, uri in
            guard let ctx else { return }
            Unmanaged<Context>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.handler.endElement(localName: XMLBytes(cString: localname), namespace: XMLBytes(cString: uri))
            }
        }
        let characters: charactersSAXFunc = { ctx, ch, len in
            guard let ctx, len > 0 else { return }
            Unmanaged<Context>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.handler.characters(XMLBytes(start: ch, count: Int(len)))
            }
        }
        sax.characters = characters
        // Whitespace-only text is still text in a cell (`<t xml:space="preserve"> </t>`).
        sax.ignorableWhitespace = characters
        sax.cdataBlock = { ctx, ch, len in
            guard let ctx, len > 0 else { return }
            let c = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            c.handler.characters(XMLBytes(start: ch, count: Int(len)))
        }
        // A structured error handler per parser: libxml2 hands it this parser's user data.
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            let c = Unmanaged<Context>.fromOpaque(ctx).takeUnretainedValue()
            let e = error.pointee
            var message = e.message.map { String(cString: $0) } ?? "error \(e.code)"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            if e.level == XML_ERR_FATAL {
                if c.fatal == nil {
                    c.fatal = XMLStreamError(file: c.file, part: c.part, line: Int(e.line), column: Int(e.int2),
                                             message: message, code: Int(e.code))
                }
            } else if c.warnings.count < 100 {
                c.warnings.append((Int(e.line), message))
            }
        }
        let user = Unmanaged.passUnretained(context).toOpaque()
        ctxt = xmlCreatePushParserCtxt(&sax, user, nil, 0, part)
        if let ctxt {
            let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
            xmlCtxtUseOptions(ctxt, options)
        }
    }

    deinit {
        if let ctxt {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            xmlFreeParserCtxt(ctxt)
        }
    }

    /// The line libxml2 has reached (1-based).
    public var line: Int { ctxt.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    /// Parses the next piece of the document; handler callbacks run before this returns.
    public func feed(_ bytes: UnsafeRawBufferPointer) throws(XMLStreamError) {
        if !prologScanned { return try feedProlog(bytes) }
        try parse(bytes.baseAddress, count: bytes.count, terminate: false)
    }

    /// Feeds bytes while the prolog lasts: stray text in it is blanked (newlines kept, so lines
    /// stay right) and reported once, when the root element starts.
    private func feedProlog(_ bytes: UnsafeRawBufferPointer) throws(XMLStreamError) {
        let (prologEnd, blanked) = prolog.filter(bytes)
        if prolog.isDone {
            prologScanned = true
            reportStrayText()
        }
        guard let blanked else {
            return try parse(bytes.baseAddress, count: bytes.count, terminate: false)
        }
        let failure = blanked.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> XMLStreamError? in
            do throws(XMLStreamError) { try parse(b.baseAddress, count: b.count, terminate: false) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        if prologEnd < bytes.count {
            try parse(bytes.baseAddress.map { $0 + prologEnd }, count: bytes.count - prologEnd, terminate: false)
        }
    }

    private func reportStrayText() {
        guard prolog.strayCount > 0, !prolog.gaveUp else { return }
        diagnostics.append(Diagnostic(.warning, code: "XML-TEXT-BEFORE-ROOT",
                                      "\(part): text before the root element ignored",
                                      at: SourceLocation(file: file, line: prolog.strayLine), found: prolog.strayText))
    }

    /// Tells the parser the document is complete, and reports an unfinished document.
    public func finish() throws(XMLStreamError) {
        guard !finished else { return }
        finished = true
        if !prologScanned {
            prologScanned = true
            reportStrayText()
        }
        try parse(nil, count: 0, terminate: true)
    }

    /// Stops parsing from inside a callback (the rest of the input is ignored).
    public func stop() {
        if let ctxt { xmlStopParser(ctxt) }
        finished = true
    }

    private func parse(_ base: UnsafeRawPointer?, count: Int, terminate: Bool) throws(XMLStreamError) {
        guard let ctxt else {
            throw XMLStreamError(file: file, part: part, line: 0, column: 0, message: "libxml2 could not create a parser", code: -1)
        }
        var offset = 0
        repeat {
            // xmlParseChunk takes an Int32 length.
            let n = min(count - offset, 1 << 30)
            let rc = xmlParseChunk(ctxt, base.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }, Int32(n),
                                   terminate && offset + n == count ? 1 : 0)
            offset += n
            collectWarnings()
            if let fatal = context.fatal { throw fatal }
            if rc != 0, rc != Int32(XML_ERR_USER_STOP.rawValue) {
                throw XMLStreamError(file: file, part: part, line: line, column: 0, message: "parse error \(rc)", code: Int(rc))
            }
        } while offset < count
    }

    private func collectWarnings() {
        guard !context.warnings.isEmpty else { return }
        for w in context.warnings {
            diagnostics.append(Diagnostic(.warning, code: "XML-WARNING", "\(part): \(w.message)",
                                          at: SourceLocation(file: file, line: w.line)))
        }
        context.warnings.removeAll()
    }
}
