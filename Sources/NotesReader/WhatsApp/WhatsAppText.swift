import Foundation

/// What WhatsApp writes besides people's messages, in Spanish, Portuguese and English: system
/// notices (encryption, group changes, deleted messages) and attachment placeholders.
enum WhatsAppText {
    /// Folded fragments of system notices, matched anywhere in a line without an author (an
    /// authored line is told by ``isAuthoredSystem(_:author:)``).
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

    /// iOS writes WhatsApp's notices under a person's name (the chat's, or the one the notice is
    /// about), so an authored line is a notice only when it is the whole message in WhatsApp's own
    /// words: `Llamada perdida`, `Se eliminó este mensaje.`, the encryption notice, `Tu código de
    /// seguridad con X cambió`, `X cambió su número…`, `X creó el grupo "…"`. A person's message
    /// that merely uses such words (`mi hija cambió su número, se lo pago el viernes`, `el banco me
    /// pide un código de seguridad`, `llamada perdida era yo, le pago 300 mañana`) is the person's.
    static func isAuthoredSystem(_ folded: String, author: String? = nil) -> Bool {
        let text = folded.trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
        return isWholeMessageNotice(text) || isEncryptionNotice(text) || isChangedNumberNotice(text, author: author)
            || [securityCodeNotice, quotedGroupNotice, disappearingNotice].contains { $0.firstMatch(in: text) != nil }
    }

    /// Notices that are the whole message: nothing follows them but punctuation or WhatsApp's own
    /// `Toca para…` / `Tap to…` hint.
    static let wholeMessageNotices: Set<String> = [
        "this message was deleted", "you deleted this message", "se elimino este mensaje", "eliminaste este mensaje",
        "este mensaje fue eliminado", "mensaje eliminado", "mensagem apagada", "essa mensagem foi apagada",
        "esta mensagem foi apagada", "voce apagou esta mensagem", "missed voice call", "missed video call",
        "missed call", "llamada perdida", "llamada de voz perdida", "llamada de video perdida", "videollamada perdida",
        "chamada de voz perdida", "chamada de video perdida", "chamada perdida",
    ]

    private static let noticeHints = ["tap to", "toca para", "toque para", "click to", "haz clic"]

    private static func isWholeMessageNotice(_ text: String) -> Bool {
        var core = Substring(text)
        for hint in noticeHints { if let r = core.range(of: hint) { core = core[..<r.lowerBound] } }
        return wholeMessageNotices.contains(core.trimmingCharacters(in: CharacterSet.alphanumerics.inverted))
    }

    /// The encryption notice says so in its first sentence (`Los mensajes y las llamadas están
    /// cifrados de extremo a extremo. Nadie fuera…`).
    private static func isEncryptionNotice(_ text: String) -> Bool {
        let firstSentence = text.components(separatedBy: ". ").first ?? text
        return ["cifrados de extremo a extremo", "cifrado de extremo a extremo", "end-to-end encrypt",
                "criptografia de ponta a ponta"].contains { firstSentence.contains($0) }
    }

    /// `X cambió su número de teléfono…` under X's own name (or a phone): not `mi hija cambió su número`.
    private static func isChangedNumberNotice(_ text: String, author: String?) -> Bool {
        for fragment in ["cambio su numero", "changed their phone number", "changed their number", "mudou seu numero",
                         "mudou o numero"] {
            guard let r = text.range(of: fragment) else { continue }
            let subject = text[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
            if subject.isEmpty || ChatParty.isPhone(subject)
                || author.map({ ChatParty.same($0, subject, country: nil) }) == true { return true }
        }
        return false
    }

    /// `Tu código de seguridad con X cambió`, `Your security code with X changed`.
    private static let securityCodeNotice = Pattern(
        #"^(?:tu|your|seu|o seu)\s+(?:codigo de seguridad con|security code with|codigo de seguranca com)\b"#)
    /// `X creó el grupo "…"`, `X cambió el asunto de "…" a "…"`: a short name, the notice, a quote.
    private static let quotedGroupNotice = Pattern(
        #"^[^,.;:!?]{0,60}?\b(?:creo el grupo|creaste el grupo|created group|criou o grupo|criou este grupo|cambio el asunto(?: de| a)?|cambiaste el asunto(?: de| a)?|changed the subject(?: from| to)?|mudou o assunto(?: de| para)?|alterou o assunto(?: de| para)?)\s*["“«']"#)
    /// `Los mensajes temporales se activaron.`, `X activó los mensajes temporales.`
    private static let disappearingNotice = Pattern(
        #"^(?:(?:los |as )?(?:mensajes temporales|disappearing messages|mensagens temporarias) (?:se activaron|se desactivaron|were turned on|were turned off|foram ativadas|foram desativadas)|[^,.;:!?]{0,60}?\b(?:activo|desactivo|activaste|desactivaste|turned on|turned off|ativou|desativou) (?:los |as )?(?:mensajes temporales|disappearing messages|mensagens temporarias))\b"#)

    static func isAttachment(_ folded: String) -> Bool {
        attachmentFragments.contains { folded.contains($0) }
    }
}
