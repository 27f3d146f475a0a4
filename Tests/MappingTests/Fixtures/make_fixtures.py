#!/usr/bin/env python3
"""Writes the messy-sheet fixtures of MappingTests twice: as CSV (text, the way an export spells
values) and as XLSX (real numbers, dates and merged cells, the way a person keeps the workbook).
Both forms must import to identical records (MappingTests/FixtureEquivalenceTests.swift).

    .venv-bench/bin/python Tests/MappingTests/Fixtures/make_fixtures.py

Deterministic: the same script writes byte-identical CSV; XLSX differ only in zip timestamps,
which xlsxwriter fixes with `set_properties` + a constant `created` date.
"""
import csv
import datetime as dt
import os

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date


def es_amount(x):
    """1234.5 -> '1.234,50'."""
    s = f"{abs(x):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if x < 0 else "") + s


def us_amount(x):
    return f"{x:,.2f}"


# 1. Venezuelan salesperson's sheet: titles, notes, blank row, accented Spanish headers, a
#    repeated header, a totals row, an impossible date, tax IDs with and without separators.
FACTURAS_HEADER = ["Cliente", "R.I.F.", "Nº Factura", "Emisión", "Vencimiento", "Monto", "Abonado", "Saldo",
                   "Moneda", "Teléfono", "Correo", "Zona"]
FACTURAS = [
    ["Ferretería El Tornillo C.A.", "J-30123456-1", "00105", D(2024, 1, 15), D(2024, 2, 14), 1200.00, 350.00, 850.00,
     "USD", "(0414) 555-0123", "ElTornillo@gmail.com", "Norte"],
    ["Tornillería Industrial Carabobo C.A.", "J304561237", "00110", D(2024, 1, 20), D(2024, 2, 19), 2500.00, 0.00,
     2500.00, "USD", "0241-555.12.34 / 0414-5551111", "", "Sur"],
    ["María Alejandra Salazar", "V-15678234-0", "00177", D(2024, 4, 29), D(2024, 5, 14), 1708.78, 700.00, 1008.78,
     "Bs.", "0412 555 7788", "malesalazar@hotmail.com", "Centro"],
    None,  # repeated header
    ["Materiales La Candelaria", "J-29876543-0", "00120", "31/02/2024", D(2024, 3, 1), 100.00, 0.00, 100.00, "USD",
     "", "", ""],
    ["Pinturas y Acabados Prebo C.A.", "J-40123987-0", "00209", D(2024, 6, 10), D(2024, 6, 25), 203.99, 0.00, 203.99,
     "USD", "0241-5559090 ext. 12", "cobros@prebo.com.ve; admin@prebo.com.ve", "Norte"],
]

# 2. A Colombian and regional portfolio: a two-row merged header, US number and date conventions,
#    subtotal rows per salesperson, a "Total general" row, tax IDs of several countries.
CARTERA_GROUPS = [("Cliente", 0, 1), ("Documento", 2, 4), ("Importes (USD)", 5, 7)]
CARTERA_SUB = ["Razón social", "NIT / RUT / CUIT", "Número", "Fecha", "Vence", "Total", "Pagado", "Pendiente", "Vendedor"]
CARTERA = [
    ["Construcciones Andinas S.A.S.", "900.206.480-2", 501, D(2024, 3, 5), D(2024, 4, 4), 15300.50, 5000.00, 10300.50, "Juan"],
    ["Importadora del Sur SpA", "76.014.309-K", 502, D(2024, 3, 12), D(2024, 4, 11), 1234.56, 0.00, 1234.56, "Juan"],
    ("Subtotal Juan", 16535.06, 5000.00, 11535.06),
    ["Distribuidora Pampa S.R.L.", "30-71168316-6", 503, D(2024, 12, 20), D(2025, 1, 19), 980.00, 980.00, 0.00, "Paula"],
    ["Comercializadora Azteca S.A. de C.V.", "MAB-930714-8T4", 504, D(2024, 2, 1), D(2024, 3, 2), 45000.00, 0.00, 45000.00, "Paula"],
    ["Comercial Lima S.A.C.", "20512333797", 505, D(2024, 5, 9), D(2024, 6, 8), 310.00, 10.00, 300.00, "Paula"],
    ("Subtotal Paula", 46290.00, 990.00, 45300.00),
    ("Total general", 62825.06, 5990.00, 56835.06),
]

# 3. One sheet, two tables: a customer master list and the payments received, each under a title.
CLIENTES_HEADER = ["Razón social", "RIF", "Teléfono", "Email", "Ciudad"]
CLIENTES = [
    ["Ferretería El Tornillo C.A.", "J-30123456-1", "0414-5550123", "eltornillo@gmail.com", "Valencia"],
    ["Distribuidora Iberia S.L.", "B-12345674", "+34 912 345 678", "pagos@iberia.es", "Madrid"],
    ["Comércio Paulista Ltda.", "11.017.153/0001-68", "+55 (11) 91234-5678", "financeiro@paulista.com.br", "São Paulo"],
]
PAGOS_HEADER = ["Fecha de pago", "Referencia", "RIF ordenante", "Monto", "Factura"]
PAGOS = [
    [D(2024, 2, 9), "786425", "J301234561", 350.00, "00105"],
    [D(2024, 3, 19), "157526", "J301234561", 350.00, "00105"],
    [D(2024, 5, 30), "998877", "J410023457", 275.00, "FAC 00999"],
]


def cell_text(v, style):
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y") if style == "es" else v.strftime("%m/%d/%Y")
    if isinstance(v, float):
        return es_amount(v) if style == "es" else us_amount(v)
    return str(v)


def write_csv(name, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in rows:
            w.writerow(r)


def facturas_rows(style="es"):
    rows = [["Cartera de clientes — Vendedora Ana"], ["Fecha de corte:", "30/06/2024"], [], FACTURAS_HEADER]
    for r in FACTURAS:
        rows.append(FACTURAS_HEADER if r is None else [cell_text(v, style) for v in r])
    rows.append(["TOTAL", "", "", "", "", es_amount(5712.77), es_amount(1050.00), es_amount(4662.77)])
    return rows


def cartera_rows():
    group = [""] * 9
    for label, a, _ in CARTERA_GROUPS:
        group[a] = label
    rows = [["Cartera regional al 06/30/2024"], group, CARTERA_SUB]
    for r in CARTERA:
        if isinstance(r, tuple):
            rows.append([r[0], "", "", "", "", us_amount(r[1]), us_amount(r[2]), us_amount(r[3]), ""])
        else:
            rows.append([cell_text(v, "us") for v in r])
    return rows


def clientes_pagos_rows():
    rows = [["Clientes"], CLIENTES_HEADER] + CLIENTES + [[], ["Pagos recibidos"], PAGOS_HEADER]
    rows += [[cell_text(v, "es") for v in r] for r in PAGOS]
    return rows


def write_xlsx():
    wb = xlsxwriter.Workbook(os.path.join(HERE, "messy.xlsx"))
    wb.set_properties({"created": dt.datetime(2024, 6, 30)})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    us_date = wb.add_format({"num_format": "mm/dd/yyyy"})
    money = wb.add_format({"num_format": "#,##0.00"})
    bold = wb.add_format({"bold": True, "align": "center"})

    def put(ws, r, c, v, dfmt):
        if isinstance(v, dt.date):
            ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), dfmt)
        elif isinstance(v, float):
            ws.write_number(r, c, v, money)
        elif isinstance(v, int):
            ws.write_number(r, c, v)
        elif v is not None and v != "":
            ws.write_string(r, c, v)

    ws = wb.add_worksheet("Facturas")
    for r, row in enumerate(facturas_rows("es")):
        src = None
        if r >= 4 and r - 4 < len(FACTURAS):
            src = FACTURAS[r - 4]
        for c, v in enumerate(row):
            typed = src[c] if src is not None else v
            put(ws, r, c, typed, date_fmt)
    # the totals row holds numbers in the workbook
    last = 4 + len(FACTURAS)
    for c, v in ((5, 5712.77), (6, 1050.00), (7, 4662.77)):
        ws.write_number(last, c, v, money)

    ws = wb.add_worksheet("Cartera")
    ws.write_string(0, 0, "Cartera regional al 06/30/2024")
    for label, a, b in CARTERA_GROUPS:
        ws.merge_range(1, a, 1, b, label, bold)
    for c, v in enumerate(CARTERA_SUB):
        ws.write_string(2, c, v, bold)
    for i, r in enumerate(CARTERA):
        row = 3 + i
        if isinstance(r, tuple):
            ws.write_string(row, 0, r[0])
            for c, v in ((5, r[1]), (6, r[2]), (7, r[3])):
                ws.write_number(row, c, v, money)
        else:
            for c, v in enumerate(r):
                put(ws, row, c, v, us_date)

    ws = wb.add_worksheet("Clientes y pagos")
    for r, row in enumerate(clientes_pagos_rows()):
        src = None
        if r >= len(CLIENTES) + 5:
            src = PAGOS[r - len(CLIENTES) - 5]
        for c, v in enumerate(row):
            put(ws, r, c, src[c] if src is not None else v, date_fmt)
    wb.close()


if __name__ == "__main__":
    write_csv("facturas-ve.csv", facturas_rows("es"))
    write_csv("cartera-regional.csv", cartera_rows())
    write_csv("clientes-pagos.csv", clientes_pagos_rows())
    write_xlsx()
