#!/usr/bin/env python3
"""Generate the Consolida example data set (Distribuidora Ferrecentro C.A., Valencia, Carabobo).

One fictional company, its receivables scattered over seven kinds of files the way they are in
real life. Everything comes from one master list of customers, invoices and payments below, so
the sources agree with each other except where this script makes them disagree on purpose; those
places are listed in README.md ("What's in here"), which this script also rewrites between the
`facts:begin` / `facts:end` markers with the exact file, sheet, cell and line of every fact.

Deterministic: a fixed seed, no clock, no locale. Run it from anywhere:

    python3 -m venv .venv-bench && .venv-bench/bin/pip install xlsxwriter
    .venv-bench/bin/python Examples/make_examples.py

The workbooks are byte-identical on every run: `set_properties` gets a fixed `created` date and
xlsxwriter stamps every zip entry with a fixed 1980 date (checked with xlsxwriter 3.2).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
SEED = 20240630
AS_OF = dt.date(2024, 6, 30)
# Nothing happens after this day: every workbook was exported on or after it, so every
# source saw every invoice and every payment (except the one stale balance, on purpose).
LAST_ACTIVITY = dt.date(2024, 6, 26)
CENT = Decimal("0.01")

rng = random.Random(SEED)


# --------------------------------------------------------------------------------------------
# RIF (Registro de Información Fiscal): letter, 8 digits, check digit.
# Check digit as SENIAT computes it (same as python-stdnum's stdnum.ve.rif): the letter counts
# V=1, E=2, J=3, P=4, G=5 and is weighted 4; the 8 digits are weighted 3,2,7,6,5,4,3,2;
# r = sum mod 11; digit = 11 - r, or 0 when r is 0 or 1.  Known-good: V-11470283-4.
# --------------------------------------------------------------------------------------------
RIF_LETTER = {"V": 1, "E": 2, "J": 3, "P": 4, "G": 5}


def rif_check_digit(letter: str, body: str) -> int:
    assert len(body) == 8 and body.isdigit(), body
    total = RIF_LETTER[letter] * 4 + sum(w * int(d) for w, d in zip((3, 2, 7, 6, 5, 4, 3, 2), body))
    r = total % 11
    return 0 if r < 2 else 11 - r


def rif(letter: str, body: str) -> str:
    """Canonical compact RIF with a valid check digit, e.g. J301234561."""
    return f"{letter}{body}{rif_check_digit(letter, body)}"


def rif_dashed(compact: str) -> str:
    return f"{compact[0]}-{compact[1:9]}-{compact[9]}"


def rif_is_valid(text: str) -> bool:
    s = re.sub(r"[\s.\-]", "", text.upper())
    return bool(re.fullmatch(r"[VEJPG]\d{9}", s)) and int(s[9]) == rif_check_digit(s[0], s[1:9])


assert rif("V", "11470283") == "V114702834"  # published example (python-stdnum doctest)


# --------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------
def money(x) -> Decimal:
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


def es_amount(d: Decimal, thousands: bool = True) -> str:
    """1234.5 -> '1.234,50' (thousands=True) or '1234,50'."""
    sign = "-" if d < 0 else ""
    whole, frac = f"{abs(d):.2f}".split(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{frac}"


def dmy(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def a1(row0: int, col0: int) -> str:
    return f"{col_letter(col0)}{row0 + 1}"


def weekday_on_or_after(d: dt.date) -> dt.date:
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


# --------------------------------------------------------------------------------------------
# Master data
# --------------------------------------------------------------------------------------------
COMPANY = "Distribuidora Ferrecentro C.A."
COMPANY_RIF = rif("J", "31456789")
COMPANY_ADDRESS = "Zona Industrial Municipal Norte, Av. Henry Ford, Galpón 7, Valencia, Carabobo"

SALESPEOPLE = {"A": "Ana Rodríguez", "C": "Carlos Méndez", "L": "Luisa Fernández", "O": "Oficina"}
ERP_SELLER = {"A": "ANA R.", "C": "CARLOS M.", "L": "LUISA F.", "O": "OFICINA"}


@dataclass
class Customer:
    code: str            # ERP customer code
    name: str            # legal name, as the company writes it
    rif: str             # compact, valid
    seller: str          # A / C / L / O
    phone: str           # canonical 11-digit national number, '' if none
    email: str = ""
    address: str = ""
    zone: str = ""
    terms: int = 30
    currency: str = "USD"  # USD, VES, or MIX (alternating)
    erp_name: str = ""   # how the ERP spells it (defaults to name)
    invoices: list = field(default_factory=list)


@dataclass
class Payment:
    date: dt.date
    amount: Decimal
    channel: str         # bank, cash, zelle
    bank_ref: str = ""


@dataclass
class Invoice:
    customer: Customer
    issue: dt.date
    amount: Decimal
    currency: str
    terms: int
    payments: list = field(default_factory=list)
    number: str = ""     # assigned later, 5 digits: "00123"
    tag: str = ""        # special role in the story

    @property
    def due(self) -> dt.date:
        return self.issue + dt.timedelta(days=self.terms)

    @property
    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal("0.00"))

    @property
    def balance(self) -> Decimal:
        return self.amount - self.paid

    @property
    def num_int(self) -> int:
        return int(self.number)


C = Customer
CUSTOMERS = [
    # --- Ana Rodríguez: Valencia norte y centro ---------------------------------------------
    C("CL-0001", "Ferretería El Tornillo C.A.", rif("J", "30123456"), "A", "04145550123",
      "eltornillo@gmail.com", "Av. Bolívar Norte, Local 12, Valencia", "Valencia Norte",
      erp_name="FERRETERIA EL TORNILLO"),
    C("CL-0002", "Ferretería La Llave C.A.", rif("J", "29654321"), "A", "02418245510",
      "ventas@ferrelallave.com.ve", "Av. Cedeño, Edif. Don Luis, PB, Valencia", "Centro"),
    C("CL-0003", "Pinturas y Acabados Prebo C.A.", rif("J", "40123987"), "A", "04245553344",
      "pinturasprebo@hotmail.com", "Av. Monseñor Adams, Prebo, Valencia", "Prebo", terms=15),
    C("CL-0004", "María Alejandra Salazar", rif("V", "15678234"), "A", "04125558899",
      "mariasalazar.obras@gmail.com", "Urb. El Viñedo, Calle 137, Valencia", "El Viñedo", terms=15),
    C("CL-0005", "Electro Ferretería Camoruco C.A.", rif("J", "31098765"), "A", "02418221133",
      "admin@camoruco-electro.com", "Av. Andrés Eloy Blanco, Camoruco, Valencia", "Camoruco"),
    C("CL-0006", "Depósito de Materiales San José C.A.", rif("J", "30789456"), "A", "04165557788",
      "depsanjose@gmail.com", "Calle Colombia, Centro, Valencia", "Centro"),
    C("CL-0007", "Construcciones Rivas & Asociados C.A.", rif("J", "40876123"), "A", "04145552211",
      "crivas.asociados@gmail.com", "Av. Las Ferias, Edif. Rivas, piso 2, Valencia", "Las Ferias"),
    C("CL-0008", "Tornillería Industrial Carabobo C.A.", rif("J", "30456123"), "A", "02418335566",
      "tic@tornilleriaindustrial.com.ve", "Zona Industrial Castillito, San Diego", "Castillito"),
    C("CL-0009", "Ferretería Guaparo C.A.", rif("J", "41002345"), "A", "04245550987",
      "ferreguaparo@gmail.com", "Av. Principal de Guaparo, Local 5, Valencia", "Guaparo", terms=15),
    # --- Carlos Méndez: Michelena, Los Guayos, Guacara, Puerto Cabello ---------------------
    C("CL-0010", "Inversiones Hermanos Pérez C.A.", rif("J", "40512345"), "C", "02418571234",
      "compras@hnosperez.com", "Av. Michelena, C.C. Michelena Plaza, Local 3, Valencia", "Michelena"),
    C("CL-0011", "Comercial Hermanos Pérez 2010 C.A.", rif("J", "41234567"), "C", "02418571234",
      "administracion@hnosperez.com", "Av. Michelena, C.C. Michelena Plaza, Local 4, Valencia", "Michelena"),
    C("CL-0012", "Ferretería y Materiales Guacara C.A.", rif("J", "30998877"), "C", "02455551020",
      "ferreguacara@hotmail.com", "Calle Sucre, Nº 45, Guacara", "Guacara"),
    C("CL-0013", "Materiales El Puerto C.A.", rif("J", "31555666"), "C", "02425553610",
      "materialeselpuerto@gmail.com", "Av. Juan José Flores, Puerto Cabello", "Puerto Cabello"),
    C("CL-0014", "Compañía Anónima Ferretera Carabobo", rif("J", "07012345"), "C", "02418743322",
      "cafeca@cafeca.com.ve", "Av. Lara, Edif. Cafeca, Valencia", "Centro"),
    C("CL-0015", "Constructora Tacarigua C.A.", rif("J", "40321654"), "C", "04125556677",
      "obras@tacarigua.com.ve", "Carretera Nacional Los Guayos, Galpón 3", "Los Guayos"),
    C("CL-0016", "Ferretería Los Guayos C.A.", rif("J", "29345678"), "C", "04145554455",
      "ferrelosguayos@gmail.com", "Calle Páez, Nº 12, Los Guayos", "Los Guayos", terms=15),
    C("CL-0017", "Herrajes y Cerraduras Mariara C.A.", rif("J", "30665544"), "C", "02435552299",
      "herrajesmariara@gmail.com", "Av. Bolívar, Mariara", "Mariara"),
    C("CL-0018", "Vidriería y Aluminios Flor Amarillo C.A.", rif("J", "40998123"), "C", "04245557001",
      "aluminiosflor@gmail.com", "Av. Principal de Flor Amarillo, Valencia", "Flor Amarillo"),
    # --- Luisa Fernández: San Diego, Naguanagua, Tocuyito; small customers, some in Bs. -------
    C("CL-0019", "Materiales La Candelaria C.A.", rif("J", "29876543"), "L", "04125551234",
      "", "Calle Rondón, La Candelaria, Valencia", "La Candelaria"),
    C("CL-0020", "José Gregorio Hernández", rif("V", "11223344"), "L", "04165553030",
      "", "Urb. La Granja, Naguanagua", "Naguanagua", terms=15, currency="VES"),
    C("CL-0021", "Pedro Luis Mendoza", rif("V", "13579246"), "L", "04145550199",
      "", "Sector Las Palmas, Tocuyito", "Tocuyito", terms=15, currency="MIX"),
    C("CL-0022", "Ferretería San Diego Center C.A.", rif("J", "40234567"), "L", "02418710044",
      "", "Av. Don Julio Centeno, San Diego", "San Diego"),
    C("CL-0023", "Multiservicios Naguanagua C.A.", rif("J", "31234987"), "L", "04245558123",
      "", "Av. Universidad, Naguanagua", "Naguanagua"),
    C("CL-0024", "Ferretería Tocuyito C.A.", rif("J", "30345987"), "L", "04125554040",
      "", "Calle Real de Tocuyito", "Tocuyito", currency="MIX"),
    C("CL-0025", "Cerámicas y Pisos El Trigal C.A.", rif("J", "40678345"), "L", "02418429090",
      "", "Av. Río Orinoco, El Trigal, Valencia", "El Trigal"),
    C("CL-0026", "Plomería y Electricidad Los Sauces C.A.", rif("J", "41345678"), "L", "04165551818",
      "", "Urb. Los Sauces, Naguanagua", "Naguanagua"),
    C("CL-0027", "Carmen Teresa Oropeza", rif("V", "17890123"), "L", "04245556060",
      "", "Urb. Valle de Oro, San Diego", "San Diego", terms=15, currency="VES"),
    # --- Oficina (ERP only) -----------------------------------------------------------------
    C("CL-0028", "Agropecuaria Los Guayos C.A.", rif("J", "30112233"), "O", "", "", "", ""),
    C("CL-0029", "Consorcio Vial Carabobo 2024", rif("J", "50123456"), "O", "", "", "", ""),
    C("CL-0030", "Inversiones D'Amico C.A.", rif("J", "31777888"), "O", "", "", "", ""),
]
BY_CODE = {c.code: c for c in CUSTOMERS}
for c in CUSTOMERS:
    c.erp_name = c.erp_name or c.name
# ERP spellings that differ from the legal name (as the data-entry clerk typed them).
BY_CODE["CL-0008"].erp_name = "Tornilleria Industrial Carabobo, C.A."
BY_CODE["CL-0014"].erp_name = "Compañía Anónima Ferretera Carabobo (CAFECA)"
BY_CODE["CL-0019"].erp_name = "MATERIALES LA CANDELARIA, C.A."
BY_CODE["CL-0021"].erp_name = "Mendoza Pedro Luis (Herrería Mendoza)"
# A typographic apostrophe (0x92 in Windows-1252, not in ISO-8859-1), pasted from a document.
BY_CODE["CL-0030"].erp_name = "Inversiones D\u2019Amico C.A."

TORNILLO, LLAVE, RIVAS, GUAPARO = (BY_CODE[k] for k in ("CL-0001", "CL-0002", "CL-0007", "CL-0009"))
PEREZ_INV, PEREZ_COM = BY_CODE["CL-0010"], BY_CODE["CL-0011"]
CANDELARIA, MENDOZA, NAGUANAGUA = BY_CODE["CL-0019"], BY_CODE["CL-0021"], BY_CODE["CL-0023"]
AGRO = BY_CODE["CL-0028"]


# BCV reference rate (Bs. per USD), a smooth fictional path close to the 2024 figures.
def bcv_rate(d: dt.date) -> Decimal:
    days = (d - dt.date(2024, 1, 1)).days
    return money(Decimal("35.95") + Decimal(days) * Decimal("0.0030"))


# --------------------------------------------------------------------------------------------
# Invoices and payments
# --------------------------------------------------------------------------------------------
D = dt.date
INVOICES: list[Invoice] = []


def add(cust, issue, amount, payments=(), currency="USD", tag="", terms=None):
    inv = Invoice(cust, issue, money(amount), currency, terms or cust.terms,
                  [Payment(d, money(a), ch) for d, a, ch in payments], tag=tag)
    cust.invoices.append(inv)
    INVOICES.append(inv)
    return inv


# Hand-written stories ------------------------------------------------------------------------
# El Tornillo: the stale balance (Ana never recorded the second 350), a WhatsApp promise kept.
T_STALE = add(TORNILLO, D(2024, 1, 15), "1200.00",
              [(D(2024, 2, 20), "350.00", "cash"), (D(2024, 3, 19), "350.00", "bank")], tag="stale")
add(TORNILLO, D(2024, 2, 5), "845.30", [(D(2024, 3, 8), "845.30", "bank")])
T_PROMISE = add(TORNILLO, D(2024, 4, 10), "960.00", [(D(2024, 6, 21), "400.00", "bank")], tag="wa-promise")
add(TORNILLO, D(2024, 5, 22), "1530.75")
add(TORNILLO, D(2024, 6, 17), "412.40")
# Construcciones Rivas: a promise in the notebook that was broken, then a pending one.
R_MAIN = add(RIVAS, D(2024, 1, 22), "2150.00", [(D(2024, 4, 26), "800.00", "bank")], tag="nb-promise")
add(RIVAS, D(2024, 3, 4), "780.50")
add(RIVAS, D(2024, 5, 13), "1320.00")
# Hermanos Pérez (sister companies): the collector mixed their invoices up once.
add(PEREZ_INV, D(2024, 1, 10), "1875.00", [(D(2024, 2, 9), "1875.00", "bank")])
add(PEREZ_INV, D(2024, 3, 12), "2240.60", [(D(2024, 4, 30), "1000.00", "bank")])
add(PEREZ_INV, D(2024, 5, 6), "1190.00")
add(PEREZ_INV, D(2024, 6, 10), "655.25")
P_COM_MIXUP = add(PEREZ_COM, D(2024, 2, 19), "980.00", tag="perez-mixup")
add(PEREZ_COM, D(2024, 4, 3), "1430.90", [(D(2024, 5, 3), "1430.90", "zelle")])
add(PEREZ_COM, D(2024, 6, 3), "720.00")
# Pedro Luis Mendoza: the iOS chat (a pago móvil in Bs., then a USD invoice he cannot pay yet).
M_VES = add(MENDOZA, D(2024, 3, 25), money(Decimal("500.00") * bcv_rate(D(2024, 3, 25))),
            [(D(2024, 4, 8), money(Decimal("500.00") * bcv_rate(D(2024, 3, 25))), "bank")],
            currency="VES", tag="ios-paid")
M_USD = add(MENDOZA, D(2024, 5, 10), "320.00", tag="ios-owed")
# Agropecuaria Los Guayos: overdue since February, nobody has ever called.
for d_, a_ in ((D(2024, 1, 29), "3150.00"), (D(2024, 2, 26), "1480.40"), (D(2024, 3, 18), "2275.00")):
    add(AGRO, d_, a_, tag="no-contact")

HANDMADE = {TORNILLO.code, RIVAS.code, PEREZ_INV.code, PEREZ_COM.code, MENDOZA.code, AGRO.code}


def random_payments(inv: Invoice):
    """A plausible payment history, decided by how long the invoice has been due."""
    due = inv.due
    x = rng.random()
    if due <= D(2024, 4, 30):
        kind = "full" if x < 0.60 else "part" if x < 0.80 else "none"
    elif due <= LAST_ACTIVITY:
        kind = "full" if x < 0.35 else "part" if x < 0.55 else "none"
    else:
        kind = "full" if x < 0.10 else "part" if x < 0.20 else "none"
    if kind == "full" and inv.customer.seller == "O":
        kind = "part"   # the ERP lists open items only: a paid office invoice would be in no file
    if kind == "none":
        return
    lo = inv.issue + dt.timedelta(days=2)
    when = due + dt.timedelta(days=rng.randint(-10, 25))
    when = weekday_on_or_after(min(max(when, lo), LAST_ACTIVITY))
    if when > LAST_ACTIVITY:
        when = LAST_ACTIVITY
    if inv.currency == "VES":
        channel = "bank" if rng.random() < 0.85 else "cash"
    else:
        y = rng.random()
        channel = "bank" if y < 0.60 else "cash" if y < 0.80 else "zelle"
    if kind == "full":
        amt = inv.amount
    else:
        step = Decimal("50") if inv.currency == "USD" else Decimal("1000")
        amt = (inv.amount * Decimal(rng.choice([30, 40, 50, 60])) / 100 / step).to_integral_value() * step
        amt = money(max(amt, step))
        if amt >= inv.amount:
            amt = money(inv.amount / 2)
    inv.payments.append(Payment(when, amt, channel))


START = D(2024, 1, 8)
for cust in CUSTOMERS:
    if cust.code in HANDMADE:
        continue
    n = rng.choice([3, 4, 4, 4, 5])
    days = sorted(rng.sample(range(0, (LAST_ACTIVITY - START).days + 1), n))
    for k, off in enumerate(days):
        issue = weekday_on_or_after(START + dt.timedelta(days=off))
        if issue > LAST_ACTIVITY:
            issue = LAST_ACTIVITY - dt.timedelta(days=2)
        usd = Decimal(rng.randint(9000, 240000)) / 100
        if cust.code in ("CL-0028", "CL-0029", "CL-0030"):
            usd = usd * 2
        cur = cust.currency
        if cur == "MIX":
            cur = "VES" if k % 2 == 0 else "USD"
        amount = money(usd * bcv_rate(issue)) if cur == "VES" else money(usd)
        inv = add(cust, issue, amount, currency=cur)
        random_payments(inv)

# Números de factura: one series for the whole company, in order of issue.
INVOICES.sort(key=lambda i: (i.issue, i.customer.code, i.amount))
for n, inv in enumerate(INVOICES, start=101):
    inv.number = f"{n:05d}"
for cust in CUSTOMERS:
    cust.invoices.sort(key=lambda i: (i.issue, i.number))

# The credit note (ERP only): merchandise returned by Ferretería La Llave.
CREDIT_NOTE = dict(number="NC-00004", customer=LLAVE, date=D(2024, 4, 15), amount=money("-185.00"))

# The payment for an invoice nobody has: Ferretería Guaparo pays "FAC 00999".
UNKNOWN_INVOICE = "00999"

# Bank references, deterministic.
for inv in INVOICES:
    for p in inv.payments:
        if p.channel == "bank":
            p.bank_ref = str(rng.randint(10**10, 10**11 - 1))

# Checks on the story itself.
assert T_STALE.balance == Decimal("500.00")
assert not any(p.date <= D(2024, 4, 25) and p.date >= D(2024, 3, 12) for i in RIVAS.invoices for p in i.payments)
assert all(p.date <= LAST_ACTIVITY for i in INVOICES for p in i.payments)
assert all(i.issue <= LAST_ACTIVITY for i in INVOICES)
assert all(i.balance >= 0 for i in INVOICES)
assert all(rif_is_valid(c.rif) for c in CUSTOMERS) and rif_is_valid(COMPANY_RIF)
assert PEREZ_INV.rif != PEREZ_COM.rif and PEREZ_INV.phone == PEREZ_COM.phone

FACTS: list[str] = []
LOC: dict[str, str] = {}   # named locations used in the facts text


# --------------------------------------------------------------------------------------------
# Phone spellings
# --------------------------------------------------------------------------------------------
def ph_dash(p):       # 0414-5550123
    return f"{p[:4]}-{p[4:]}" if p else ""


def ph_paren(p):      # (0414) 555-0123
    return f"({p[:4]}) {p[4:7]}-{p[7:]}" if p else ""


def ph_dots(p):       # 0412-555.12.34
    return f"{p[:4]}-{p[4:7]}.{p[7:9]}.{p[9:]}" if p else ""


def ph_intl(p):       # +58 414-5550199
    return f"+58 {p[1:4]}-{p[4:]}" if p else ""


def ph_spaces(p):     # 0414 555 0123
    return f"{p[:4]} {p[4:7]} {p[7:]}" if p else ""


# --------------------------------------------------------------------------------------------
# 1a. ventas-ana.xlsx — title, export date, blank row, header, TOTAL row, hidden "Tasas" sheet
# --------------------------------------------------------------------------------------------
FIXED_CREATED = dt.datetime(2024, 6, 28, 8, 15, 0)


def workbook(path: Path, author: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    wb.set_properties({"author": author, "company": COMPANY, "created": FIXED_CREATED})
    wb.set_calc_mode("auto")
    return wb


def write_ana():
    path = HERE / "ventas-ana.xlsx"
    wb = workbook(path, "Ana Rodríguez")
    ws = wb.add_worksheet("Cartera")
    title = wb.add_format({"bold": True, "font_size": 14})
    bold = wb.add_format({"bold": True})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    datef = wb.add_format({"num_format": "dd/mm/yyyy"})
    usd = wb.add_format({"num_format": '"$"#,##0.00'})
    usd_b = wb.add_format({"num_format": '"$"#,##0.00', "bold": True, "top": 1})
    tot_label = wb.add_format({"bold": True, "top": 1})

    ws.write_string(0, 0, "Cuentas por cobrar — Ana Rodríguez", title)
    ws.write_string(1, 0, "Fecha de corte:", bold)
    ws.write_datetime(1, 1, dt.datetime(2024, 6, 28), datef)
    headers = ["Cliente", "RIF", "Nº Factura", "Fecha Emisión", "Fecha Vencimiento", "Monto",
               "Abonado", "Saldo", "Teléfono", "Correo"]
    HR = 3
    for j, h in enumerate(headers):
        ws.write_string(HR, j, h, head)
    r = HR + 1
    first = r
    ana_amounts, ana_paid = [], []
    for cust in CUSTOMERS:
        if cust.seller != "A":
            continue
        for inv in cust.invoices:
            paid = inv.paid
            if inv.tag == "stale":   # Ana never recorded the transfer of 19/03
                paid = sum((p.amount for p in inv.payments if p.channel != "bank"), Decimal("0.00"))
                LOC["ana_stale_row"] = r + 1
            bal = inv.amount - paid
            ana_amounts.append(inv.amount)
            ana_paid.append(paid)
            phone = ph_paren(cust.phone) if cust is TORNILLO else ph_dash(cust.phone)
            ws.write_string(r, 0, cust.name)
            ws.write_string(r, 1, rif_dashed(cust.rif))
            ws.write_string(r, 2, inv.number)
            ws.write_datetime(r, 3, dt.datetime.combine(inv.issue, dt.time()), datef)
            ws.write_datetime(r, 4, dt.datetime.combine(inv.due, dt.time()), datef)
            ws.write_number(r, 5, float(inv.amount), usd)
            ws.write_number(r, 6, float(paid), usd)
            # Saldo is a formula, as Ana typed it; the cached value is what Excel showed.
            ws.write_formula(r, 7, f"=F{r + 1}-G{r + 1}", usd, float(bal))
            if phone:
                ws.write_string(r, 8, phone)
            if cust.email:
                ws.write_string(r, 9, cust.email)
            if cust is TORNILLO:
                LOC.setdefault("ana_tornillo_row", r + 1)
            r += 1
    last = r - 1
    tot_row = r
    ws.write_string(tot_row, 0, "TOTAL", tot_label)
    t_amount = sum(ana_amounts, Decimal(0))
    t_paid = sum(ana_paid, Decimal(0))
    t_bal = t_amount - t_paid
    for j, col, v in ((5, "F", t_amount), (6, "G", t_paid), (7, "H", t_bal)):
        ws.write_formula(tot_row, j, f"=SUM({col}{first + 1}:{col}{last + 1})", usd_b, float(v))
    ws.set_column(0, 0, 38)
    ws.set_column(1, 1, 14)
    ws.set_column(2, 2, 11)
    ws.set_column(3, 4, 13)
    ws.set_column(5, 7, 13)
    ws.set_column(8, 8, 16)
    ws.set_column(9, 9, 32)
    ws.freeze_panes(HR + 1, 1)
    ws.autofilter(HR, 0, last, len(headers) - 1)

    # Hidden sheet: BCV reference rates Ana uses to quote in bolívares. Not receivables.
    tasas = wb.add_worksheet("Tasas")
    tasas.write_string(0, 0, "Fecha", bold)
    tasas.write_string(0, 1, "Tasa BCV (Bs./USD)", bold)
    ratef = wb.add_format({"num_format": "#,##0.00"})
    d = D(2024, 1, 1)
    rr = 1
    while d <= D(2024, 6, 28):
        if d.weekday() == 0:
            tasas.write_datetime(rr, 0, dt.datetime.combine(d, dt.time()), datef)
            tasas.write_number(rr, 1, float(bcv_rate(d)), ratef)
            rr += 1
        d += dt.timedelta(days=1)
    tasas.set_column(0, 1, 18)
    tasas.hide()
    wb.close()
    LOC.update(ana_header_row=HR + 1, ana_first=first + 1, ana_last=last + 1, ana_total_row=tot_row + 1,
               ana_total_amount=str(t_amount), ana_total_paid=str(t_paid), ana_total_bal=str(t_bal),
               ana_tasas_rows=rr - 1)


# --------------------------------------------------------------------------------------------
# 1b. ventas-carlos.xlsx — merged two-row header, Subtotal per customer, Total general
# --------------------------------------------------------------------------------------------
def write_carlos():
    path = HERE / "ventas-carlos.xlsx"
    wb = workbook(path, "Carlos Méndez")
    ws = wb.add_worksheet("Cartera Carlos")
    head = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "bg_color": "#FCE4D6",
                          "border": 1, "text_wrap": True})
    datef = wb.add_format({"num_format": "dd/mm/yy"})
    numf = wb.add_format({"num_format": "00000"})
    amt = wb.add_format({"num_format": "#,##0.00"})
    sub_l = wb.add_format({"bold": True, "italic": True})
    sub_a = wb.add_format({"bold": True, "italic": True, "num_format": "#,##0.00", "top": 1})
    tot_l = wb.add_format({"bold": True, "bg_color": "#F8CBAD"})
    tot_a = wb.add_format({"bold": True, "bg_color": "#F8CBAD", "num_format": "#,##0.00", "top": 6})

    ws.merge_range(0, 0, 1, 0, "Razón social", head)
    ws.merge_range(0, 1, 1, 1, "R.I.F.", head)
    ws.merge_range(0, 2, 0, 4, "Documento", head)
    ws.merge_range(0, 5, 0, 7, "Importes (USD)", head)
    ws.merge_range(0, 8, 1, 8, "Teléfono", head)
    ws.merge_range(0, 9, 1, 9, "Dirección", head)
    for j, h in ((2, "Número"), (3, "Emisión"), (4, "Vence"), (5, "Total"), (6, "Pagado"), (7, "Pendiente")):
        ws.write_string(1, j, h, head)
    r = 2
    first_data = r
    rows_by_customer = {}
    sub_rows = []
    g_amount = g_paid = Decimal(0)
    for cust in CUSTOMERS:
        if cust.seller != "C":
            continue
        start = r
        s_amount = s_paid = Decimal(0)
        for inv in cust.invoices:
            ws.write_string(r, 0, cust.name)
            ws.write_string(r, 1, rif_dashed(cust.rif))
            ws.write_number(r, 2, inv.num_int, numf)
            ws.write_datetime(r, 3, dt.datetime.combine(inv.issue, dt.time()), datef)
            ws.write_datetime(r, 4, dt.datetime.combine(inv.due, dt.time()), datef)
            ws.write_number(r, 5, float(inv.amount), amt)
            ws.write_number(r, 6, float(inv.paid), amt)
            ws.write_formula(r, 7, f"=F{r + 1}-G{r + 1}", amt, float(inv.balance))
            ws.write_string(r, 8, ph_dash(cust.phone))
            ws.write_string(r, 9, cust.address)
            s_amount += inv.amount
            s_paid += inv.paid
            if inv is P_COM_MIXUP:
                LOC["carlos_mixup_row"] = r + 1
            r += 1
        rows_by_customer[cust.code] = (start + 1, r)
        ws.write_string(r, 0, "Subtotal", sub_l)
        for j, col, v in ((5, "F", s_amount), (6, "G", s_paid), (7, "H", s_amount - s_paid)):
            ws.write_formula(r, j, f"=SUBTOTAL(9,{col}{start + 1}:{col}{r})", sub_a, float(v))
        sub_rows.append(r + 1)
        g_amount += s_amount
        g_paid += s_paid
        r += 1
    tot = r
    ws.write_string(tot, 0, "Total general", tot_l)
    for j, col, v in ((5, "F", g_amount), (6, "G", g_paid), (7, "H", g_amount - g_paid)):
        ws.write_formula(tot, j, f"=SUBTOTAL(9,{col}{first_data + 1}:{col}{tot})", tot_a, float(v))
    ws.set_column(0, 0, 40)
    ws.set_column(1, 1, 14)
    ws.set_column(2, 4, 10)
    ws.set_column(5, 7, 12)
    ws.set_column(8, 8, 14)
    ws.set_column(9, 9, 50)
    ws.freeze_panes(2, 0)
    wb.close()
    LOC.update(carlos_rows=rows_by_customer, carlos_sub_rows=sub_rows, carlos_total_row=tot + 1,
               carlos_total=(str(g_amount), str(g_paid), str(g_amount - g_paid)))


# --------------------------------------------------------------------------------------------
# 1c. ventas-luisa.xlsx — text dates dd/mm/yyyy, "1.234,56" text amounts, dotted phones,
#     an unmapped "Zona" column, blank rows in the middle, one row pasted twice, a bad RIF
# --------------------------------------------------------------------------------------------
BAD_RIF_LUISA = ""


def write_luisa():
    global BAD_RIF_LUISA
    path = HERE / "ventas-luisa.xlsx"
    wb = workbook(path, "Luisa Fernández")
    ws = wb.add_worksheet("Hoja1")
    bold = wb.add_format({"bold": True})
    textf = wb.add_format({"num_format": "@"})
    amt = wb.add_format({"num_format": "#,##0.00"})
    headers = ["Cliente", "RIF", "Teléfono", "Zona", "Factura", "Fecha", "Vence", "Monto", "Abonado",
               "Saldo", "Moneda"]
    for j, h in enumerate(headers):
        ws.write_string(0, j, h, bold)
    r = 1
    blank_rows = []
    data_rows = 0
    dup_inv = NAGUANAGUA.invoices[1]
    good = CANDELARIA.rif
    BAD_RIF_LUISA = f"{good[0]}-{good[1:9]}-{(int(good[9]) + 3) % 10}"
    assert not rif_is_valid(BAD_RIF_LUISA)
    luisa = [c for c in CUSTOMERS if c.seller == "L"]

    def row(cust, inv):
        nonlocal r, data_rows
        rif_text = BAD_RIF_LUISA if cust is CANDELARIA else rif_dashed(cust.rif)
        ws.write_string(r, 0, cust.name if cust is not MENDOZA else "Pedro Luis Mendoza (Herrería Mendoza)")
        ws.write_string(r, 1, rif_text, textf)
        ws.write_string(r, 2, ph_dots(cust.phone), textf)
        ws.write_string(r, 3, cust.zone, textf)
        ws.write_string(r, 4, str(inv.num_int), textf)
        ws.write_string(r, 5, dmy(inv.issue), textf)
        ws.write_string(r, 6, dmy(inv.due), textf)
        ws.write_string(r, 7, es_amount(inv.amount), textf)
        ws.write_number(r, 8, float(inv.paid), amt)
        ws.write_number(r, 9, float(inv.balance), amt)
        ws.write_string(r, 10, "Bs." if inv.currency == "VES" else "USD", textf)
        if cust is CANDELARIA and "luisa_badrif_row" not in LOC:
            LOC["luisa_badrif_row"] = r + 1
        if cust is MENDOZA and "luisa_mendoza_row" not in LOC:
            LOC["luisa_mendoza_row"] = r + 1
        data_rows += 1
        r += 1

    for k, cust in enumerate(luisa):
        for inv in cust.invoices:
            row(cust, inv)
            if inv is dup_inv:
                LOC["luisa_dup_first"] = r
        if k == 3:                       # two blank rows after the 4th customer
            blank_rows += [r + 1, r + 2]
            r += 2
        if k == 6:                       # one blank row, then the row pasted again by mistake
            blank_rows.append(r + 1)
            r += 1
            row(NAGUANAGUA, dup_inv)
            LOC["luisa_dup_second"] = r
    ws.set_column(0, 0, 40)
    ws.set_column(1, 3, 16)
    ws.set_column(4, 10, 12)
    wb.close()
    LOC.update(luisa_blank_rows=blank_rows, luisa_last_row=r, luisa_data_rows=data_rows,
               luisa_dup_number=dup_inv.number)


# --------------------------------------------------------------------------------------------
# 2. erp-export.csv — Windows-1252, ';', decimal comma, dd/mm/yyyy, CRLF; open documents only
# --------------------------------------------------------------------------------------------
def write_erp():
    lines = ["Código Cliente;Razón Social;RIF;Nº Documento;Tipo;Fecha;Vencimiento;Monto;Saldo;Moneda;Vendedor"]
    docs = []
    for inv in INVOICES:
        if inv.balance > 0:
            docs.append((inv.customer.code, inv.issue, inv.number, inv))
    docs.append((CREDIT_NOTE["customer"].code, CREDIT_NOTE["date"], CREDIT_NOTE["number"], None))
    docs.sort(key=lambda t: (t[0], t[1], t[2]))
    open_usd = open_ves = Decimal(0)
    for code, _, _, inv in docs:
        cust = BY_CODE[code]
        if inv is None:
            nc = CREDIT_NOTE
            cells = [code, cust.erp_name, cust.rif, nc["number"], "NC", dmy(nc["date"]), dmy(nc["date"]),
                     es_amount(nc["amount"], False), es_amount(nc["amount"], False), "USD", ERP_SELLER[cust.seller]]
            LOC["erp_nc_line"] = len(lines) + 1
            open_usd += nc["amount"]
        else:
            cells = [code, cust.erp_name, cust.rif, inv.number, "FAC", dmy(inv.issue), dmy(inv.due),
                     es_amount(inv.amount, False), es_amount(inv.balance, False), inv.currency,
                     ERP_SELLER[cust.seller]]
            if inv.currency == "USD":
                open_usd += inv.balance
            else:
                open_ves += inv.balance
            if inv.tag == "stale":
                LOC["erp_stale_line"] = len(lines) + 1
            if cust is TORNILLO and "erp_tornillo_line" not in LOC:
                LOC["erp_tornillo_line"] = len(lines) + 1
            if cust is CANDELARIA and "erp_candelaria_line" not in LOC:
                LOC["erp_candelaria_line"] = len(lines) + 1
            if cust is AGRO:
                LOC.setdefault("erp_agro_lines", []).append(len(lines) + 1)
            if cust in (PEREZ_INV, PEREZ_COM):
                LOC.setdefault(f"erp_{cust.code}_lines", []).append(len(lines) + 1)
        lines.append(";".join(cells))
    data = ("\r\n".join(lines) + "\r\n").encode("cp1252")
    (HERE / "erp-export.csv").write_bytes(data)
    LOC.update(erp_lines=len(lines), erp_docs=len(docs), erp_open_usd=str(open_usd), erp_open_ves=str(open_ves))


# --------------------------------------------------------------------------------------------
# 3. banco-pagos.csv — UTF-8 with BOM, ',', ISO dates, '.' decimals, LF
# --------------------------------------------------------------------------------------------
def strip_accents(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def csv_field(s: str) -> str:
    return f'"{s.replace(chr(34), chr(34) * 2)}"' if any(ch in s for ch in ',"\n') else s


def write_bank():
    rows = []
    for inv in INVOICES:
        for p in inv.payments:
            if p.channel == "bank":
                rows.append((p.date, p.bank_ref, inv.customer, p.amount, inv.currency, inv.number, inv))
    rows.append((D(2024, 5, 30), str(rng.randint(10**10, 10**11 - 1)), GUAPARO, money("275.00"), "USD",
                 UNKNOWN_INVOICE, None))
    rows.sort(key=lambda t: (t[0], t[1]))
    out = ["Fecha,Referencia,Descripción,RIF ordenante,Monto,Moneda,Factura"]
    no_factura_lines = []
    for date, ref, cust, amount, cur, number, inv in rows:
        style = rng.random()
        if cur == "VES":
            desc = f"PAGO MOVIL {cust.phone} REF {ref[-6:]}, FACT {int(number)}"
        elif style < 0.55:
            desc = f"TRANSF {cust.rif} PAGO FAC {number}"
        elif style < 0.8:
            desc = f"TRANSF RECIBIDA {strip_accents(cust.erp_name).upper()[:28].strip()} FACT {number}"
        else:
            desc = f"ABONO A FACTURA {number} {cust.rif}"
        fact = number
        # One transfer in five carries the invoice only in the description.
        if inv is not None and rng.random() < 0.2:
            fact = ""
            no_factura_lines.append(len(out) + 1)
        line = ",".join([date.isoformat(), ref, csv_field(desc), cust.rif, f"{amount:.2f}", cur, fact])
        if inv is None:
            LOC["bank_unknown_line"] = len(out) + 1
        if inv is T_STALE:
            LOC["bank_stale_line"] = len(out) + 1
        if inv is T_PROMISE:
            LOC["bank_promise_line"] = len(out) + 1
        if inv is M_VES:
            LOC["bank_mendoza_line"] = len(out) + 1
        out.append(line)
    (HERE / "banco-pagos.csv").write_bytes(("\ufeff" + "\n".join(out) + "\n").encode("utf-8"))
    LOC.update(bank_rows=len(rows), bank_no_factura_lines=no_factura_lines)


# --------------------------------------------------------------------------------------------
# 4. cuaderno-cobranza.txt — the collector's notebook, typed up
# --------------------------------------------------------------------------------------------
def open_balance(cust, cur="USD") -> Decimal:
    total = sum((i.balance for i in cust.invoices if i.currency == cur), Decimal(0))
    if cust is LLAVE and cur == "USD":
        total += CREDIT_NOTE["amount"]
    return total


def write_notebook():
    t_stale = T_STALE.number
    perez_n = P_COM_MIXUP.number
    cand = CANDELARIA.invoices
    cand_open = [i for i in cand if i.balance > 0]
    cand_ref = (cand_open or cand)[0].number
    L = []

    def mark(key):
        LOC[key] = len(L)   # the line just appended (1-based)

    L += ["CUADERNO DE COBRANZA 2024 — Ramón Torres (cobrador)",
          "Distribuidora Ferrecentro C.A. — zona Valencia / San Diego / Los Guayos",
          "(pasado a la computadora por Yelitza, junio 2024)",
          ""]
    # Section style 1: "CLIENTE: ..." — El Tornillo, no RIF, the email with a typo.
    L.append("CLIENTE: Ferreteria Tornillo, CA"); mark("nb_tornillo_header")
    L.append(f"Tel: {ph_spaces(TORNILLO.phone)} / 0241-8234567")
    L.append("Correo: eltornilo@gmail.com"); mark("nb_tornillo_email")
    L.append("Dir: Av. Bolívar Norte, Local 12 (al lado de la panadería)")
    L.append(f"Debe: $ {es_amount(open_balance(TORNILLO))}"); mark("nb_tornillo_debe")
    L.append("14/03/2024 llamé al fijo, no contestan")
    L.append(f"lunes 18/3 dice que ya pagó, pide copia de la factura {t_stale}"); mark("nb_tornillo_paid_claim")
    L.append("20/03 le mandé la copia por correo (rebotó, se la pasé por whatsapp)")
    L.append("10/06/2024 visita, dejé estado de cuenta con el Sr. Ramírez")
    L.append("")
    # Section style 2: "## ..." — Construcciones Rivas, the broken promise and a pending one.
    L.append("## Construcciones Rivas & Asociados"); mark("nb_rivas_header")
    L.append(f"RIF: {rif_dashed(RIVAS.rif)}")
    L.append(f"Tel: {ph_dash(RIVAS.phone)}")
    L.append(f"Debe: {es_amount(open_balance(RIVAS))} $"); mark("nb_rivas_debe")
    L.append(f"12/03/2024 Llamé, promete pagar 500 el viernes (fact. {R_MAIN.number})"); mark("nb_promise_broken")
    L.append("15/03 visita, no estaba el encargado")
    L.append("22/03 llamé otra vez, que la semana que viene")
    L.append("26/04 por fin transfirió 800")
    L.append("27/06/2024 dice que paga 200 el 05/07"); mark("nb_promise_pending")
    L.append("")
    # Section style 3: an upper-case line — Inversiones Hermanos Pérez (the sister-company mix-up).
    L.append("INVERSIONES HERMANOS PEREZ"); mark("nb_perez_header")
    L.append(f"RIF: {PEREZ_INV.rif}")
    L.append(f"Tel: {ph_dots(PEREZ_INV.phone)}  (es el mismo de Comercial Hnos. Pérez 2010, OJO son 2 empresas)")
    L.append(f"05/04/2024 hablé con el Sr. Pérez, dice que la factura {perez_n} es de Comercial Hnos. Pérez 2010, no de Inversiones"); mark("nb_perez_mixup")
    L.append("06/05 pasé por el local, pagan a fin de mes")
    L.append("")
    L.append("CLIENTE: Materiales La Candelaria"); mark("nb_candelaria_header")
    L.append(f"Tel: {ph_dots(CANDELARIA.phone)}")
    L.append(f"03/05/2024 llamé por la factura {cand_ref}, la Sra. Candelaria está de vacaciones")
    L.append("20/05 llamé, dicen que el pago está en proceso")
    L.append("")
    L.append("## Ferretería Los Guayos")
    L.append(f"Tel: {ph_spaces(BY_CODE['CL-0016'].phone)}")
    L.append("Correo: ferrelosguayos@gmail.com")
    L.append("08/04/2024 visita, la encargada dice que revisan el estado de cuenta")
    L.append("13/06 llamé, no contestan")
    L.append("")
    L.append("PENDIENTE: pedirle a Luisa los teléfonos nuevos de San Diego")
    text = "\n".join(L) + "\n"
    (HERE / "cuaderno-cobranza.txt").write_text(text, encoding="utf-8")
    LOC["nb_lines"] = len(L)


# --------------------------------------------------------------------------------------------
# 5. WhatsApp exports
# --------------------------------------------------------------------------------------------
NNBSP, LRM = "\u202f", "\u200e"


def android_time(d: dt.date, h: int, m: int) -> str:
    h12 = h % 12 or 12
    ampm = "a. m." if h < 12 else "p. m."
    return f"{d.strftime('%d/%m/%y')}, {h12}:{m:02d}{NNBSP}{ampm}"


def write_android():
    who_a, who_c = "Ana Rodríguez", "Ferreteria El Tornillo"
    t1, t3 = T_STALE, T_PROMISE
    L = []

    def msg(d, h, m, who, text):
        lines = text.split("\n")
        L.append(f"{android_time(d, h, m)} - {who}: {lines[0]}")
        L.extend(lines[1:])
        return len(L) - len(lines) + 1

    L.append(f"{android_time(D(2024, 3, 12), 9, 15)} - Los mensajes y las llamadas están cifrados de extremo "
             "a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos. "
             "Toca para obtener más información.")
    msg(D(2024, 3, 12), 9, 15, who_a, f"Buenos días Sr. Ramírez, le escribe Ana de Ferrecentro. Le recuerdo la "
        f"factura {t1.number} por ${es_amount(t1.amount)}, vencida desde el {dmy(t1.due)}")
    msg(D(2024, 3, 12), 11, 42, who_c, "Buenos días Ana. En febrero le dimos 350 en efectivo al cobrador")
    msg(D(2024, 3, 12), 11, 43, who_c, "<Multimedia omitido>")
    msg(D(2024, 3, 12), 14, 30, who_a, f"Recibido, gracias. Quedan pendientes ${es_amount(t1.amount - 350)} de esa factura")
    LOC["wa_multiline"] = msg(D(2024, 3, 18), 16, 5, who_c,
                              "Ana buenas tardes, hoy hicimos la transferencia de otros 350\n"
                              f"Por favor envíenos copia de la factura {t1.number}\n"
                              "y el estado de cuenta actualizado")
    msg(D(2024, 3, 18), 16, 20, who_a, "Perfecto, se lo paso a administración")
    msg(D(2024, 5, 22), 10, 2, who_a, "Sr. Ramírez ya salió el pedido de hoy, va con la guía de despacho")
    msg(D(2024, 5, 22), 10, 3, who_a, "<Multimedia omitido>")
    msg(D(2024, 6, 18), 10, 10, who_a, f"Buen día, ¿cómo vamos con la factura {t3.number}? Tiene saldo de "
        f"${es_amount(t3.amount)} y venció el {dmy(t3.due)}")
    LOC["wa_promise"] = msg(D(2024, 6, 18), 10, 32, who_c, "El viernes 21 le transfiero 400 de esa factura")
    msg(D(2024, 6, 18), 10, 33, who_a, "Muy bien, quedo atenta 🙏")
    msg(D(2024, 6, 21), 17, 47, who_c, "Listo, transferidos los 400")
    msg(D(2024, 6, 21), 17, 47, who_c, "<Multimedia omitido>")
    msg(D(2024, 6, 21), 18, 2, who_a, "Recibido, muchas gracias!")
    (HERE / "WhatsApp Chat con Ferreteria El Tornillo.txt").write_text("\n".join(L) + "\n", encoding="utf-8")
    LOC["wa_lines"] = len(L)


def write_ios():
    who_l, who_p = "Luisa Fernández", ph_intl(MENDOZA.phone)
    L = []

    def msg(d, hh, mm, ss, who, text, attachment=False):
        stamp = f"[{d.strftime('%d/%m/%y')}, {hh:02d}:{mm:02d}:{ss:02d}]"
        if attachment:
            L.append(f"{LRM}{stamp} {who}: {LRM}{text}")
        else:
            L.append(f"{stamp} {who}: {text}")
        return len(L)

    L.append(f"[08/04/24, 09:12:03] {who_p}: {LRM}Los mensajes y las llamadas están cifrados de extremo a "
             "extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.")
    msg(D(2024, 4, 8), 9, 12, 3, who_l, f"Buenos días Sr. Pedro, le escribe Luisa de Ferrecentro. Le recuerdo la "
        f"factura {int(M_VES.number)} por Bs. {es_amount(M_VES.amount)}")
    msg(D(2024, 4, 8), 10, 45, 51, who_p, "buenas, ya le hice el pago movil")
    LOC["ios_attachment"] = msg(D(2024, 4, 8), 10, 46, 20, who_p,
                                "<adjunto: 00000012-PHOTO-2024-04-08-10-46-20.jpg>", attachment=True)
    msg(D(2024, 4, 8), 11, 2, 37, who_l, "Recibido, gracias. Ya lo paso a administración")
    msg(D(2024, 6, 3), 15, 20, 8, who_l, f"Sr. Pedro buenas tardes, tiene pendiente la factura {int(M_USD.number)} "
        f"por ${es_amount(M_USD.amount)}, vencida el {dmy(M_USD.due)}")
    msg(D(2024, 6, 3), 18, 41, 55, who_p, "esta semana no puedo, estoy esperando que me paguen una obra")
    msg(D(2024, 6, 3), 18, 42, 10, who_p, "apenas cobre le aviso")
    (HERE / "Chat de WhatsApp con +58 414-5550199.txt").write_text("\n".join(L) + "\n", encoding="utf-8")
    LOC["ios_lines"] = len(L)


# --------------------------------------------------------------------------------------------
# README facts
# --------------------------------------------------------------------------------------------
def facts_markdown() -> str:
    inv_total = len(INVOICES)
    ves = [i for i in INVOICES if i.currency == "VES"]
    open_usd = sum((i.balance for i in INVOICES if i.currency == "USD"), Decimal(0)) + CREDIT_NOTE["amount"]
    open_ves = sum((i.balance for i in INVOICES if i.currency == "VES"), Decimal(0))
    overdue_usd = sum((i.balance for i in INVOICES if i.currency == "USD" and i.due < AS_OF), Decimal(0))
    persons = [c for c in CUSTOMERS if c.rif[0] == "V"]
    cr = LOC["carlos_rows"]
    pi, pc = cr[PEREZ_INV.code], cr[PEREZ_COM.code]
    F = []
    a = F.append
    a(f"Seller: **{COMPANY}**, RIF `{rif_dashed(COMPANY_RIF)}`, {COMPANY_ADDRESS}. As-of date **{AS_OF}**. "
      f"No invoice or payment is dated after {LAST_ACTIVITY}.")
    a(f"**{len(CUSTOMERS)} real customers** ({len(CUSTOMERS) - len(persons)} companies with J- RIFs, "
      f"{len(persons)} persons with V- RIFs: {', '.join(c.name for c in persons)}); table below.")
    a(f"**{inv_total} distinct invoices**, numbered `00101`–`{INVOICES[-1].number}` in one series in order of "
      f"issue, plus **1 credit note** (`{CREDIT_NOTE['number']}`). Invoice 123, for instance, is written `00123` (text) in "
      "ventas-ana.xlsx and erp-export.csv, as the number 123 shown with format `00000` in ventas-carlos.xlsx, "
      "as the text `123` in ventas-luisa.xlsx, and `00123`/`FACT 123` in banco-pagos.csv: compare numbers "
      "without leading zeros.")
    a(f"{len(ves)} invoices are in bolívares (VES; `Bs.` in ventas-luisa.xlsx column K, `VES` in erp-export.csv "
      "and banco-pagos.csv), all of Luisa's customers; every other amount is USD.")
    a(f"Open balance at {AS_OF} (truth): **USD {open_usd:.2f}** (invoices {open_usd - CREDIT_NOTE['amount']:.2f} "
      f"minus the credit note 185.00) and **VES {open_ves:.2f}**; USD past due: {overdue_usd:.2f} in invoices, "
      f"{overdue_usd + CREDIT_NOTE['amount']:.2f} once the credit note is applied to its customer's oldest overdue debt "
      "(the collections view's overdue, Sources/Collections/README.md). "
      f"erp-export.csv sums to exactly these (USD {LOC['erp_open_usd']}, VES {LOC['erp_open_ves']}).")
    a(f"**Duplicated customer written differently — Ferretería El Tornillo:** ventas-ana.xlsx `Cartera` "
      f"A{LOC['ana_tornillo_row']} `Ferretería El Tornillo C.A.`, B `{rif_dashed(TORNILLO.rif)}`, "
      f"I `{ph_paren(TORNILLO.phone)}`, J `eltornillo@gmail.com`; erp-export.csv line {LOC['erp_tornillo_line']} "
      f"`FERRETERIA EL TORNILLO`, `{TORNILLO.rif}`; cuaderno-cobranza.txt line {LOC['nb_tornillo_header']} "
      f"`CLIENTE: Ferreteria Tornillo, CA` with no RIF, phone `{ph_spaces(TORNILLO.phone)}`; "
      f"`WhatsApp Chat con Ferreteria El Tornillo.txt` (author `Ferreteria El Tornillo`); banco-pagos.csv "
      f"RIF ordenante `{TORNILLO.rif}`. All one customer. (The brief's example RIF J-30123456-7 has a wrong "
      f"check digit; the valid one is `{rif_dashed(TORNILLO.rif)}`.)")
    a(f"**Email typo:** cuaderno-cobranza.txt line {LOC['nb_tornillo_email']} `eltornilo@gmail.com` vs "
      f"ventas-ana.xlsx `Cartera` J{LOC['ana_tornillo_row']} `eltornillo@gmail.com` (same customer).")
    a(f"**Sister companies, must NOT merge:** `{PEREZ_INV.name}` `{rif_dashed(PEREZ_INV.rif)}` "
      f"(ventas-carlos.xlsx rows {pi[0]}–{pi[1]}, erp-export.csv lines "
      f"{', '.join(map(str, LOC['erp_' + PEREZ_INV.code + '_lines']))}; cuaderno-cobranza.txt line "
      f"{LOC['nb_perez_header']}) and `{PEREZ_COM.name}` `{rif_dashed(PEREZ_COM.rif)}` (ventas-carlos.xlsx rows "
      f"{pc[0]}–{pc[1]}, erp-export.csv lines {', '.join(map(str, LOC['erp_' + PEREZ_COM.code + '_lines']))}): "
      f"both RIFs valid, same phone `{ph_dash(PEREZ_INV.phone)}` (column I), neighbouring addresses, similar "
      f"names. cuaderno-cobranza.txt line {LOC['nb_perez_mixup']} says invoice {P_COM_MIXUP.number} belongs to "
      f"the other company (it does: ventas-carlos.xlsx row {LOC['carlos_mixup_row']}).")
    a(f"**Similar name, different customer:** `Tornillería Industrial Carabobo C.A.` "
      f"`{rif_dashed(BY_CODE['CL-0008'].rif)}` (Ana; ERP `Tornilleria Industrial Carabobo, C.A.`) is not "
      "El Tornillo.")
    a(f"**One invoice, two balances:** invoice `{T_STALE.number}` (El Tornillo, amount 1200.00 USD): "
      f"ventas-ana.xlsx `Cartera` row {LOC['ana_stale_row']}: G (Abonado) 350.00, H (Saldo) **850.00**; "
      f"erp-export.csv line {LOC['erp_stale_line']}: Saldo **500,00**. The ERP is right: banco-pagos.csv line "
      f"{LOC['bank_stale_line']} is the second 350.00 (2024-03-19) that Ana never recorded. With the priorities "
      "in consolida.yaml (ERP 3 > Vendedores 2) the chosen balance is 500.00. This is the only balance "
      "conflict between any two files.")
    a(f"Because of it, ventas-ana.xlsx TOTAL row {LOC['ana_total_row']} (formulas `=SUM(F{LOC['ana_first']}:F"
      f"{LOC['ana_last']})` etc., cached values {LOC['ana_total_amount']} / {LOC['ana_total_paid']} / "
      f"{LOC['ana_total_bal']}) overstates Ana's open balance by 350.00.")
    a(f"**Invoice duplicated inside one source:** ventas-luisa.xlsx `Hoja1` rows {LOC['luisa_dup_first']} and "
      f"{LOC['luisa_dup_second']} are the same invoice `{LOC['luisa_dup_number']}` "
      f"(Multiservicios Naguanagua), identical cells (pasted twice). One invoice, not two.")
    a(f"**Invalid RIF:** ventas-luisa.xlsx `Hoja1` B{LOC['luisa_badrif_row']} `{BAD_RIF_LUISA}` (Materiales La "
      f"Candelaria, every row of that customer): check digit wrong, the valid RIF is "
      f"`{rif_dashed(CANDELARIA.rif)}` as in erp-export.csv line {LOC['erp_candelaria_line']} "
      f"(`MATERIALES LA CANDELARIA, C.A.`). It is the only invalid RIF in the data set.")
    a(f"**Payment for an unknown invoice:** banco-pagos.csv line {LOC['bank_unknown_line']}: 275.00 USD on "
      f"2024-05-30 from RIF `{GUAPARO.rif}` (Ferretería Guaparo, a known customer) for `FAC {UNKNOWN_INVOICE}`, "
      "which exists in no file. Every other bank line names an invoice that exists, for that invoice's "
      "customer and currency, and the amount is at most what the invoice shows as paid (Abonado/Pagado in a "
      "workbook, Monto − Saldo in the ERP export).")
    a(f"banco-pagos.csv has {LOC['bank_rows']} payments; on lines "
      f"{', '.join(map(str, LOC['bank_no_factura_lines']))} the Factura column is empty and the invoice number "
      "is only in Descripción. Pago móvil lines (VES) name the payer's phone, not the RIF, in Descripción.")
    a(f"**Credit note:** erp-export.csv line {LOC['erp_nc_line']}: Tipo `NC`, `{CREDIT_NOTE['number']}`, "
      f"Ferretería La Llave, 15/04/2024, Monto and Saldo `-185,00` USD (returned goods); it applies to the "
      "customer, not to one invoice, and appears in no other file.")
    a(f"**Promise in the notebook, broken:** cuaderno-cobranza.txt line {LOC['nb_promise_broken']} "
      f"(2024-03-12, Construcciones Rivas): 500 USD \"el viernes\" = 2024-03-15; no payment until 800.00 on "
      f"2024-04-26 (bank). **Pending:** line {LOC['nb_promise_pending']} (2024-06-27): 200 on 2024-07-05, after "
      "the as-of date.")
    a(f"**Promise in WhatsApp, kept:** `WhatsApp Chat con Ferreteria El Tornillo.txt` line {LOC['wa_promise']} "
      f"(2024-06-18): 400 \"el viernes 21\" = 2024-06-21 for invoice {T_PROMISE.number}; paid 400.00 on "
      f"2024-06-21 (banco-pagos.csv line {LOC['bank_promise_line']}).")
    a(f"**Overdue, no contact at all:** `{AGRO.name}` `{rif_dashed(AGRO.rif)}` appears only in erp-export.csv "
      f"(lines {', '.join(map(str, LOC['erp_agro_lines']))}), {sum(i.balance for i in AGRO.invoices):.2f} USD "
      "overdue since February/March, no phone, no email, no notebook or chat entry, no payment. "
      "The other two ERP-only customers (Consorcio Vial Carabobo 2024, Inversiones D'Amico C.A.) have no "
      "contact data either.")
    a(f"**iOS chat author is a phone number:** `Chat de WhatsApp con +58 414-5550199.txt`: author "
      f"`+58 414-5550199` = ventas-luisa.xlsx `Hoja1` C{LOC['luisa_mendoza_row']} `{ph_dots(MENDOZA.phone)}` "
      f"(Pedro Luis Mendoza). The pago móvil whose receipt photo is chat line {LOC['ios_attachment']} is banco-pagos.csv line "
      f"{LOC['bank_mendoza_line']} (VES, invoice {M_VES.number}). No promise in this chat.")
    a(f"Notebook `Debe:` lines equal the customer's open balance at the as-of date: line "
      f"{LOC['nb_tornillo_debe']} (El Tornillo, {open_balance(TORNILLO):.2f}), line {LOC['nb_rivas_debe']} "
      f"(Rivas, {open_balance(RIVAS):.2f}).")
    a(f"**Not receivables:** ventas-ana.xlsx rows 1–3 (title, `Fecha de corte:` with a real date in B2, blank), "
      f"TOTAL row {LOC['ana_total_row']}, and the hidden sheet `Tasas` ({LOC['ana_tasas_rows']} weekly BCV rates); "
      f"ventas-carlos.xlsx `Subtotal` rows {', '.join(map(str, LOC['carlos_sub_rows']))} and `Total general` row "
      f"{LOC['carlos_total_row']} (SUBTOTAL formulas with cached values); ventas-luisa.xlsx blank rows "
      f"{', '.join(map(str, LOC['luisa_blank_rows']))} and the unmapped column D `Zona`.")
    a("Row accounting: ventas-ana.xlsx `Cartera`: header row "
      f"{LOC['ana_header_row']}, invoice rows {LOC['ana_first']}–{LOC['ana_last']} "
      f"({LOC['ana_last'] - LOC['ana_first'] + 1}), TOTAL row {LOC['ana_total_row']}. ventas-carlos.xlsx "
      f"`Cartera Carlos`: header rows 1–2 (A1:A2, B1:B2, C1:E1, F1:H1, I1:I2, J1:J2 merged), "
      f"{sum(len(c.invoices) for c in CUSTOMERS if c.seller == 'C')} invoice rows, "
      f"{len(LOC['carlos_sub_rows'])} subtotal rows, 1 total row. ventas-luisa.xlsx `Hoja1`: header row 1, "
      f"rows 2–{LOC['luisa_last_row']}: {LOC['luisa_data_rows']} data rows (one duplicate) and "
      f"{len(LOC['luisa_blank_rows'])} blank rows. erp-export.csv: header + {LOC['erp_docs']} documents "
      f"({LOC['erp_docs'] - 1} open invoices + 1 NC). banco-pagos.csv: header + {LOC['bank_rows']} payments. "
      f"Fully paid invoices appear only in the salespeople's workbooks (and the bank); the ERP export lists "
      "open documents only.")
    out = "\n".join(f"{n}. {t}" for n, t in enumerate(F, 1))

    # customer table
    rows = ["", "| ERP code | customer (legal name) | RIF | salesperson | invoices | open USD | open VES | also written as |",
            "|---|---|---|---|---|---|---|---|"]
    aliases = {
        "CL-0001": "`FERRETERIA EL TORNILLO` (ERP), `Ferreteria Tornillo, CA` (notebook), `Ferreteria El Tornillo` (WhatsApp)",
        "CL-0007": "`Construcciones Rivas & Asociados` (notebook)",
        "CL-0008": "`Tornilleria Industrial Carabobo, C.A.` (ERP)",
        "CL-0010": "`INVERSIONES HERMANOS PEREZ` (notebook)",
        "CL-0014": "`Compañía Anónima Ferretera Carabobo (CAFECA)` (ERP)",
        "CL-0016": "`Ferretería Los Guayos` (notebook)",
        "CL-0019": f"`MATERIALES LA CANDELARIA, C.A.` (ERP), `Materiales La Candelaria` (notebook); RIF `{BAD_RIF_LUISA}` in Luisa's sheet",
        "CL-0030": "`Inversiones D\u2019Amico C.A.` (ERP, typographic apostrophe: byte 0x92 in Windows-1252)",
        "CL-0021": "`Pedro Luis Mendoza (Herrería Mendoza)` (Luisa), `Mendoza Pedro Luis (Herrería Mendoza)` (ERP), `+58 414-5550199` (iOS chat)",
    }
    for c in CUSTOMERS:
        rows.append(f"| {c.code} | {c.name} | `{rif_dashed(c.rif)}` | {SALESPEOPLE[c.seller]} | {len(c.invoices)} | "
                    f"{open_balance(c, 'USD'):.2f} | {open_balance(c, 'VES'):.2f} | {aliases.get(c.code, '')} |")
    return out + "\n" + "\n".join(rows) + "\n"


def update_readme():
    path = HERE / "README.md"
    text = path.read_text(encoding="utf-8")
    begin, end = "<!-- facts:begin (generated by make_examples.py) -->", "<!-- facts:end -->"
    i, j = text.index(begin) + len(begin), text.index(end)
    path.write_text(text[:i] + "\n" + facts_markdown() + text[j:], encoding="utf-8")


def main() -> int:
    write_ana()
    write_carlos()
    write_luisa()
    write_erp()
    write_bank()
    write_notebook()
    write_android()
    write_ios()
    update_readme()
    print(f"{len(CUSTOMERS)} customers, {len(INVOICES)} invoices, written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
