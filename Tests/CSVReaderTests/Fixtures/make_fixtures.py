#!/usr/bin/env python3
"""Writes the CSVReader fixtures: small files named for the rule each one tests.
Run from this folder: python3 make_fixtures.py (the output is committed; rerun after changing it)."""

FIXTURES = {
    # An ERP export as Excel writes it on a Spanish Windows: cp1252, ';', decimal comma,
    # dd/mm/yyyy, CRLF, a title and an export date above the table.
    "preamble-cp1252-semicolon-crlf.csv": (
        "cp1252",
        "Cuentas por cobrar al 31/01/2024\r\nGenerado por: Administración\r\n\r\n"
        "Cliente;Nº Factura;Fecha;Monto;Observación\r\n"
        "Ferretería Núñez;F-001;05/01/2024;1.234,56;pagó 50%\r\n"
        "José Pérez;F-002;13/01/2024;80,00;\r\n"
        "Distribuidora “La Llave”;F-003;20/01/2024;12.500,00;cheque €\r\n",
    ),
    # Excel's "Unicode text": UTF-16LE with BOM, tab-separated.
    "utf16le-bom-tab.txt": (
        "utf-16",
        "Cliente\tMonto\tFecha\r\nAna\t10.5\t2024-01-02\r\nLuis\t3\t2024-01-05\r\n",
    ),
    # Hand-edited file: quoted newlines, a stray quote, a ragged row, no final newline.
    "stray-quotes-ragged-no-final-newline.csv": (
        "utf-8",
        'id,name,note\n1,"Smith, John","two\nlines"\n2,5" screen,ok\n3,short\n4,"x",y,extra',
    ),
}

for name, (encoding, text) in FIXTURES.items():
    with open(name, "wb") as f:
        f.write(text.encode(encoding))
