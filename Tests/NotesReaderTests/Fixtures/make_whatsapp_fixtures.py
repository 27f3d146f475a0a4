#!/usr/bin/env python3
"""Writes the WhatsApp chat fixtures. They hold invisible characters (U+200E, U+202F, U+00A0,
U+2068/U+2069) and CRLF line ends on purpose, as real exports do, so they are generated here
rather than typed. Run from this folder: python3 make_whatsapp_fixtures.py"""
LRM = '\u200e'; NNBSP = '\u202f'; NBSP = '\u00a0'; FSI = '\u2068'; PDI = '\u2069'
files = {}
# 1. Android, English, 12-hour, month-first (3/25 disambiguates), narrow nbsp before AM/PM.
files['WhatsApp Chat with Acme Hardware.txt'] = "\n".join([
 f"3/12/24, 9:05{NNBSP}AM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.",
 f"3/12/24, 9:06{NNBSP}AM - Consolida Collections: Good morning, invoice INV-1041 for $1,250.00 is past due.",
 f"3/12/24, 9:06{NNBSP}AM - Consolida Collections: <Media omitted>",
 f"3/12/24, 1:47{NNBSP}PM - Acme Hardware: We never received the second pallet, we dispute that invoice",
 f"3/12/24, 1:48{NNBSP}PM - Acme Hardware: IMG-20240312-WA0007.jpg (file attached)",
 f"3/25/24, 12:15{NNBSP}PM - Acme Hardware: OK we will pay $200 next Monday",
 "and the rest when the credit note arrives",
 "",
 "thanks",
 f"3/25/24, 12:20{NNBSP}PM - Consolida Collections: This message was deleted",
 f"3/25/24, 12:21{NNBSP}PM - Acme Hardware changed their phone number to a new number. Tap to message or add the new number.",
 f"4/2/24, 10:00{NNBSP}AM - Acme Hardware: sticker omitted",
 f"4/2/24, 12:00{NNBSP}AM - Acme Hardware: Already paid, sent the receipt to billing@acme.example",
]) + "\n"
# 2. Android, Spanish, 24-hour, group chat, CRLF, every date ambiguous (day-first by default).
files['Chat de WhatsApp con Comercial Los Andes.txt'] = "\r\n".join([
 "02/03/24 08:00 - Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos. Toca para obtener más información.",
 f"02/03/24 08:00 - Cobranzas Ferrecentro creó el grupo \"{FSI}Comercial Los Andes{PDI}\"",
 f"02/03/24 08:01 - Cobranzas Ferrecentro añadió a {FSI}Pedro Andes{PDI}",
 "02/03/24 08:05 - Cobranzas Ferrecentro: Buenos días, les recuerdo la factura F-123 por Bs. 1.234,56",
 "02/03/24 09:30 - Pedro Andes: <Multimedia omitido>",
 "02/03/24 09:31 - Pedro Andes: Factura 123.pdf (archivo adjunto)",
 "02/03/24 09:32 - Pedro Andes: Esa factura no la reconocemos, el precio no es el acordado",
 "05/03/24 10:15 - María Los Andes: Buenos días",
 "le pago el viernes 500 dólares",
 "sin falta",
 "05/03/24 10:16 - María Los Andes: Se eliminó este mensaje",
 "07/03/24 17:40 - Cobranzas Ferrecentro: ¿Cuándo va a pagar el resto?",
 "07/03/24 17:45 - Pedro Andes salió del grupo",
 "08/03/24 11:00 - María Los Andes: audio omitido",
]) + "\r\n"
# 3. iOS, Portuguese, 24-hour with seconds, 4-digit years, LRM before attachments.
files['Conversa do WhatsApp com Padaria Pão Quente.txt'] = "\n".join([
 f"[12/03/2024, 14:30:15] Padaria Pão Quente: {LRM}As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta e ficam somente entre você e os participantes desta conversa.",
 "[12/03/2024, 14:31:02] Financeiro Ferrecentro: Boa tarde! Segue o boleto da NF 456, vencido desde 01/03.",
 f"{LRM}[12/03/2024, 14:31:10] Financeiro Ferrecentro: {LRM}<anexado: 00000012-PHOTO-2024-03-12-14-31-10.jpg>",
 "[13/03/2024, 09:02:44] Padaria Pão Quente: Bom dia, vou pagar R$ 300,00 na sexta-feira",
 "o resto no fim do mês",
 f"[13/03/2024, 09:03:01] Padaria Pão Quente: {LRM}imagem ocultada",
 f"[15/03/2024, 18:20:00] Padaria Pão Quente: Já fiz o pix, segue comprovante {LRM}<anexado: 00000015-PHOTO-2024-03-15-18-20-00.jpg>",
 "[15/03/2024, 18:25:12] Financeiro Ferrecentro: Recebido, obrigado",
]) + "\n"
# 4. iOS, Spanish, 12-hour with narrow nbsp and `p. m.`, no name in the file name: the phone author is the customer.
files['chat-ios-es-12h.txt'] = "\n".join([
 f"[4/3/24, 9:15:02{NNBSP}a.{NBSP}m.] Cobranzas Ferrecentro: Buen día, tiene pendiente la factura FAC-00099",
 f"[4/3/24, 2:30:15{NNBSP}p.{NBSP}m.] {LRM}+57 310 555 1234: pide que le reenvíen la factura al correo pagos@losandes.example",
 f"[14/3/24, 12:05:00{NNBSP}p.{NBSP}m.] {LRM}+57 310 555 1234: {LRM}documento omitido",
 f"[14/3/24, 12:06:30{NNBSP}p.{NBSP}m.] Cobranzas Ferrecentro: {LRM}Llamada perdida",
]) + "\n"
# 5. Android, Spanish, 12-hour `a.m.`/`p.m.` without spaces, and a line before the first message.
files['whatsapp-android-es-ampm.txt'] = "\n".join([
 "Exportado desde el teléfono de Ana",
 "13/3/24, 9:05 a.m. - Ana Rodríguez: Buenos días, ¿recibió la factura?",
 "13/3/24, 12:40 p.m. - Ferreteria Guaparo: número equivocado, aquí no es Guaparo",
 "13/3/24, 12:00 a.m. - Ana Rodríguez: disculpe",
]) + "\n"
for name, text in files.items():
    with open(name, 'w', encoding='utf-8', newline='') as f:
        f.write(text)
