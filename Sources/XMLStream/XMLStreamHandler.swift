/// Receives SAX events from an ``XMLPushParser``. Every argument is borrowed for the call only.
public protocol XMLStreamHandler: AnyObject {
    /// A start tag: local name (no prefix), namespace URI (empty when none) and attributes.
    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes)
    /// An end tag.
    func endElement(localName: XMLBytes, namespace: XMLBytes)
    /// Character data, CDATA included. One text node may arrive in several pieces.
    func characters(_ text: XMLBytes)
}
