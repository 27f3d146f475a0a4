import Foundation

/// What WhatsApp writes besides people's messages, in Spanish, Portuguese and English: system
/// notices (encryption, group changes, deleted messages) and attachment placeholders.
enum WhatsAppText {
    /// Folded fragments of system notices. Matched anywhere in a line without an author, and at the
    /// start of an authored one (iOS puts the author on system lines too).
    static let systemFragments = [
        "cifrados de extremo a extremo", "estan cifrados", "end-to-end encrypted", "criptografia de ponta",
        "protegidas com a criptografia", "as mensagens e ligacoes", "as mensagens e as chamadas",
        "los mensajes y las llamadas", "messages and calls are", "created group", "creo el grupo", "criou o grupo",
        "creaste el grupo", "you created group", "criou este grupo", "added", "anadio", "agrego a", "adicionou",
        "joined using", "se unio", "entrou usando", "left", "salio del grupo", "salio", "saiu", "removed", "elimino a",
        "removeu", "changed the subject", "cambio el asunto", "cambio el nombre", "mudou o nome", "alterou o nome",
        "changed this group", "cambio el icono", "cambio la descripcion", "mudou a imagem", "changed their phone number",
        "changed to", "cambio su numero", "cambio a", "mudou seu numero", "mudou o numero", "security code",
        "codigo de seguridad", "codigo de seguranca", "this message was deleted", "you deleted this message",
        "se elimino este mensaje", "eliminaste este mensaje", "mensaje eliminado", "mensagem apagada",
        "essa mensagem foi apagada", "voce apagou esta mensagem", "missed voice call", "missed video call",
        "llamada perdida", "videollamada perdida", "chamada de voz perdida", "chamada de video perdida",
        "is a contact", "es un contacto", "e um contato", "disappearing messages", "mensajes temporales",
        "mensagens temporarias", "tap to learn more", "toca para obtener mas informacion", "toque para saber mais",
        "now an admin", "ahora es admin", "agora e admin", "business account", "cuenta comercial", "conta comercial",
        "bloqueaste", "you blocked", "voce bloqueou", "desbloqueaste", "you unblocked",
    ]

    /// Fragments that mark a whole message as an attachment placeholder.
    static let attachmentFragments = [
        "<multimedia omitido>", "<media omitted>", "<midia oculta>", "<arquivo de midia oculto>", "<attached:",
        "<adjunto:", "<anexado:", "(archivo adjunto)", "(file attached)", "(arquivo anexado)", "imagen omitida",
        "image omitted", "imagem ocultada", "imagem omitida", "audio omitido", "audio omitted", "audio ocultado",
        "video omitido", "video omitted", "video ocultado", "sticker omitido", "sticker omitted",
        "figurinha omitida", "gif omitido", "gif omitted", "documento omitido", "document omitted",
        "contact card omitted", "tarjeta de contacto omitida", "cartao de contato omitido", "<archivo omitido>",
        "ubicacion:", "location:", "localizacao:",
    ]

    /// The editing marker WhatsApp appends to a changed message; dropped from the text.
    static let editedMarkers = ["<se edito este mensaje.>", "<this message was edited>", "<esta mensagem foi editada>",
                                "<mensagem editada>"]

    /// Whether an authorless body (Android) is a system line: every authorless line is, but the
    /// check keeps a stray `Name text` from being taken for a message.
    static func isSystem(_ folded: String) -> Bool {
        systemFragments.contains { folded.contains($0) }
    }

    /// iOS writes the encryption notice and similar lines under the chat's name: only the notices
    /// that cannot be a person's words count there.
    /// A call or deleted-message notice is the whole message (`Llamada de voz perdida`): a person
    /// writing `Disculpe la llamada perdida, mañana le deposito 200` is no notice.
    static func isAuthoredSystem(_ folded: String) -> Bool {
        let strict = ["cifrados de extremo a extremo", "end-to-end encrypted", "criptografia de ponta",
                      "security code", "codigo de seguridad", "codigo de seguranca", "created group",
                      "creo el grupo", "criou o grupo", "disappearing messages", "mensajes temporales",
                      "mensagens temporarias", "changed their phone number", "cambio su numero"]
        let wholeMessage = ["this message was deleted", "you deleted this message", "se elimino este mensaje",
                            "eliminaste este mensaje", "mensaje eliminado", "mensagem apagada", "essa mensagem foi apagada",
                            "voce apagou esta mensagem", "missed voice call", "missed video call", "llamada perdida",
                            "llamada de voz perdida", "llamada de video perdida", "videollamada perdida",
                            "chamada de voz perdida", "chamada de video perdida"]
        let text = folded.trimmingCharacters(in: .whitespaces)
        if wholeMessage.contains(where: { text.hasPrefix($0) }) && text.count < 80 { return true }
        return strict.contains { folded.contains($0) } && folded.count < 300
    }

    static func isAttachment(_ folded: String) -> Bool {
        attachmentFragments.contains { folded.contains($0) }
    }
}
