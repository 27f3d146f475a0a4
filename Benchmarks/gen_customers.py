#!/usr/bin/env python3
"""Seeded generator of messy customer masters with the truth, for `consolida match-bench`.

Each real customer (a company or a person from VE, CO, MX, ES, CL or AR) appears 1 to 4 times
across sources (ERP, salespeople's sheets, the collections notebook), each copy damaged the way
real masters are: typos, dropped accents, upper/lower case, legal-form variants (C.A. / CA /
Compañía Anónima / none), dropped words and second surnames, tax-ID and phone formats, missing
fields, customers that moved (new address and city, often a new landline), and mistyped tax IDs and emails.
Hard negatives are generated on purpose: sister companies sharing a phone and an address, and
relatives (same surnames) living at one address with one home phone.

Output: plain comma CSV (RFC 4180 quoting), one row per source record:
rec_id,truth,source,name,tax_id,tax_validity,phone,email,address,city,country,source_priority,as_of

Usage: gen_customers.py RECORDS [--seed N] > out.csv
Same seed and size give byte-identical files.
"""
import argparse
import csv
import random
import sys
import unicodedata

COUNTRIES = {
    # code: (phone country code, cities, company legal forms with spelling variants)
    "VE": ("58", ["Caracas", "Valencia", "Maracaibo", "Barquisimeto", "Maracay", "Mérida", "San Cristóbal", "Puerto La Cruz"],
           [["C.A.", "CA", "C. A.", "Compañía Anónima"], ["S.A.", "SA", "Sociedad Anónima"], ["S.R.L.", "SRL"]]),
    "CO": ("57", ["Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Bucaramanga", "Pereira", "Cúcuta"],
           [["S.A.S.", "SAS", "S.A.S"], ["Ltda.", "LTDA", "Limitada"], ["S.A.", "SA"]]),
    "MX": ("52", ["Ciudad de México", "Guadalajara", "Monterrey", "Puebla", "Querétaro", "Mérida", "Tijuana", "León"],
           [["S.A. de C.V.", "SA de CV", "S.A. DE C.V."], ["S. de R.L. de C.V.", "S de RL de CV"], ["S.C.", "SC"]]),
    "ES": ("34", ["Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Bilbao", "Murcia"],
           [["S.L.", "SL", "S.L"], ["S.A.", "SA"], ["S.L.U.", "SLU"]]),
    "CL": ("56", ["Santiago", "Valparaíso", "Concepción", "Antofagasta", "Temuco", "La Serena", "Rancagua", "Talca"],
           [["SpA", "SPA", "S.p.A."], ["Ltda.", "Limitada", "LTDA"], ["E.I.R.L.", "EIRL"]]),
    "AR": ("54", ["Buenos Aires", "Córdoba", "Rosario", "Mendoza", "La Plata", "Tucumán", "Mar del Plata", "Salta"],
           [["S.A.", "SA", "Sociedad Anónima"], ["S.R.L.", "SRL"], ["S.A.S.", "SAS"]]),
}

BUSINESS = ["Ferretería", "Distribuidora", "Inversiones", "Comercial", "Inmobiliaria", "Transportes", "Constructora",
            "Farmacia", "Panadería", "Supermercado", "Servicios", "Grupo", "Importadora", "Agropecuaria", "Textiles",
            "Tecnología", "Consultores", "Laboratorios", "Licorería", "Papelería", "Repuestos", "Auto Partes",
            "Clínica", "Librería", "Muebles", "Carnicería", "Frigorífico", "Suministros", "Metalúrgica", "Ópticas",
            "Editorial", "Hotel", "Restaurante", "Cafetería", "Joyería", "Zapatería", "Droguería", "Agencia",
            "Estudio", "Centro Médico", "Almacenes", "Plásticos", "Químicos", "Alimentos", "Bebidas", "Lácteos"]
CORE = ["El Tornillo", "La Candelaria", "San José", "Los Andes", "del Sur", "del Norte", "La Esperanza", "El Progreso",
        "Santa Rosa", "La Victoria", "El Sol", "La Estrella", "Bolívar", "Miranda", "Sucre", "Páez", "Libertador",
        "Oriente", "Occidente", "Central", "Continental", "Nacional", "Universal", "Moderna", "Los Pinos",
        "El Roble", "La Ceiba", "Las Palmas", "El Caribe", "Pacífico", "Atlántico", "Cordillera", "Horizonte",
        "Génesis", "Aurora", "Fénix", "Delta", "Omega", "Alfa", "Cóndor", "Jaguar", "Tucán", "Colibrí", "Ñandú",
        "Araucaria", "Magallanes", "Patagonia", "Pampa", "Altiplano", "Sierra Nevada", "Montaña", "Valle Verde",
        "Río Claro", "Puerto Azul", "Costa Brava", "Nueva Era", "Siglo XXI", "2000", "Express", "Plus", "Total",
        "Integral", "Global", "Premium", "Real", "Imperial", "Dorada", "Azul", "Hermanos", "e Hijos", "Familiar"]
FIRST_M = ["José", "Juan", "Luis", "Carlos", "Jorge", "Pedro", "Miguel", "Antonio", "Francisco", "Manuel", "Rafael",
           "Alejandro", "Fernando", "Ricardo", "Eduardo", "Andrés", "Javier", "Diego", "Sergio", "Pablo", "Raúl",
           "Ramón", "Héctor", "Víctor", "Óscar", "Rubén", "Tomás", "Ignacio", "Gonzalo", "Martín", "Nicolás",
           "Sebastián", "Mateo", "Santiago", "Gabriel", "Daniel", "David", "Alberto", "Enrique", "Gustavo", "Julio",
           "César", "Arturo", "Mauricio", "Rodrigo", "Felipe", "Hugo", "Iván", "Emilio", "Joaquín", "Agustín"]
FIRST_F = ["María", "Ana", "Carmen", "Rosa", "Isabel", "Laura", "Elena", "Lucía", "Patricia", "Marta", "Gabriela",
           "Andrea", "Daniela", "Valentina", "Camila", "Sofía", "Paula", "Claudia", "Mónica", "Sandra", "Verónica",
           "Beatriz", "Adriana", "Carolina", "Natalia", "Alejandra", "Fernanda", "Victoria", "Julia", "Teresa",
           "Silvia", "Raquel", "Inés", "Lorena", "Ximena", "Yolanda", "Gloria", "Esperanza", "Pilar", "Begoña",
           "Catalina", "Florencia", "Antonella", "Martina", "Renata", "Luciana", "Josefina", "Milagros", "Noelia"]
SURNAMES = ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
            "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
            "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Suárez",
            "Molina", "Morales", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias",
            "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez",
            "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores", "Cabrera", "Campos",
            "Vega", "Fuentes", "Carrasco", "Diez", "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Santana",
            "Herrero", "Montero", "Lorenzo", "Hidalgo", "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago", "Benítez",
            "Mora", "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román", "Pastor", "Soto", "Sáez", "Velasco",
            "Moya", "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas", "Contreras", "Salazar", "Quintero",
            "Mendoza", "Rivas", "Zambrano", "Acosta", "Villalobos", "Urdaneta", "Briceño", "Chacón", "Colmenares",
            "Araujo", "Pacheco", "Carrillo", "Montilla", "Valero", "Escalona", "Bermúdez", "Sequera", "Figueroa",
            "Espinoza", "Tapia", "Valenzuela", "Fuenzalida", "Ibarra", "Zúñiga", "Echeverría", "Ocampo", "Cárdenas",
            "Londoño", "Restrepo", "Arango", "Betancur", "Osorio", "Quiroga", "Villegas", "Pineda", "Sepúlveda"]
STREETS = ["Av. Bolívar", "Calle Real", "Av. Principal", "Calle 5", "Carrera 7", "Av. Libertador", "Calle Sucre",
           "Av. Las Américas", "Calle Comercio", "Av. Universidad", "Calle Miranda", "Av. Independencia",
           "Calle del Carmen", "Av. San Martín", "Calle Mayor", "Av. Reforma", "Calle Hidalgo", "Av. Providencia",
           "Calle Alameda", "Av. Corrientes", "Calle Florida", "Av. Colón", "Calle Junín", "Av. 4 de Mayo"]
FREE_MAIL = ["gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "icloud.com", "live.com", "hotmail.es",
             "yahoo.com.mx", "gmail.es", "protonmail.com"]
SOURCES = [("erp", 3), ("ventas_ana", 1), ("ventas_luis", 1), ("cobranza", 2), ("libreta", 0)]


def strip_accents(s):
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.category(ch) == "Mn":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def typo(rng, s):
    """One keyboard slip: substitute, delete, insert or swap a letter (not the first)."""
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    k = rng.random()
    letters = "abcdefghijklmnopqrstuvwxyz"
    if k < 0.3:
        return s[:i] + rng.choice(letters) + s[i + 1:]
    if k < 0.55:
        return s[:i] + s[i + 1:]
    if k < 0.8:
        return s[:i] + rng.choice(letters) + s[i:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


class Entity:
    pass


def tax_number(rng, country, company):
    if country == "VE":
        letter = "J" if company else rng.choice("VVVE")
        body = rng.randrange(10_000_000, 49_999_999) if company else rng.randrange(3_000_000, 30_000_000)
        return (letter, str(body), str(rng.randrange(10)))
    if country == "CO":
        body = rng.randrange(800_000_000, 999_999_999) if company else rng.randrange(10_000_000, 1_199_999_999)
        return ("", str(body), str(rng.randrange(10)) if company else "")
    if country == "MX":
        letters = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVXYZ") for _ in range(3 if company else 4))
        return (letters, "%02d%02d%02d" % (rng.randrange(60, 99), rng.randrange(1, 13), rng.randrange(1, 29)),
                "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(3)))
    if country == "ES":
        if company:
            return (rng.choice("ABG"), "%08d" % rng.randrange(10_000_000, 99_999_999), "")
        return ("", "%08d" % rng.randrange(10_000_000, 99_999_999), rng.choice("TRWAGMYFPDXBNJZSQVHLCKE"))
    if country == "CL":
        body = rng.randrange(76_000_000, 77_999_999) if company else rng.randrange(5_000_000, 25_000_000)
        return ("", str(body), rng.choice("0123456789K"))
    body = rng.randrange(10_000_000, 45_000_000)
    return ("30" if company else rng.choice(["20", "27"]), str(body), str(rng.randrange(10)))


def tax_display(rng, country, parts):
    """A tax ID as one source writes it: with or without separators, prefix and dots."""
    letter, body, check = parts
    style = rng.random()
    if country == "VE":
        if style < 0.4:
            return "%s-%s-%s" % (letter, body, check), "valid"
        if style < 0.7:
            return "%s%s%s" % (letter, body, check), "valid"
        if style < 0.85:
            return "%s-%s.%s.%s-%s" % (letter, body[:-6], body[-6:-3], body[-3:], check), "valid"
        return "%s%s" % (body, check), "unchecked"
    if country == "CO":
        dotted = "{:,}".format(int(body)).replace(",", ".")
        if check:
            return (dotted + "-" + check, "valid") if style < 0.6 else (body + check, "valid")
        return (dotted if style < 0.5 else body), "unchecked"
    if country == "MX":
        return (letter + body + check if style < 0.7 else "%s-%s-%s" % (letter, body, check)), "valid"
    if country == "ES":
        return (letter + body + check if style < 0.7 else "%s-%s%s" % (letter, body, check)), ("valid" if (letter or check) else "unchecked")
    if country == "CL":
        dotted = "{:,}".format(int(body)).replace(",", ".")
        return (dotted + "-" + check if style < 0.6 else body + "-" + check), "valid"
    return ("%s-%s-%s" % (letter, body, check) if style < 0.6 else letter + body + check), "valid"


def street_address(rng):
    """A street, a number and often a local (office, apartment): real masters rarely repeat one."""
    street = rng.choice(STREETS)
    if rng.random() < 0.4:
        street = street + " " + rng.choice(SURNAMES + CORE)
    addr = "%s %d" % (street, rng.randrange(1, 2000))
    if rng.random() < 0.5:
        addr += rng.choice([", Local %d", ", Piso %d", ", Apto %d", ", Of. %d"]) % rng.randrange(1, 40)
    return addr


def phone_number(rng):
    return "%d%07d" % (rng.choice([212, 241, 261, 412, 414, 416, 424, 300, 310, 315, 320, 55, 33, 81, 91, 93, 2, 11, 351]),
                       rng.randrange(1_000_000, 9_999_999))


def phone_display(rng, cc, national):
    s = rng.random()
    if s < 0.35:
        return "+" + cc + national
    if s < 0.55:
        return "0" + national[:-7] + "-" + national[-7:-4] + "." + national[-4:-2] + "." + national[-2:]
    if s < 0.75:
        return "(" + national[:-7] + ") " + national[-7:-4] + " " + national[-4:]
    if s < 0.9:
        return "+" + cc + " " + national[:-7] + " " + national[-7:]
    return "0" + national


def slug(s):
    return "".join(ch for ch in strip_accents(s).lower() if ch.isalnum())


def make_company(rng, country, used_names):
    while True:
        core = rng.choice(CORE)
        extra = rng.choice(SURNAMES + CORE) if rng.random() < 0.75 else ""
        name = " ".join(x for x in [rng.choice(BUSINESS), core, extra] if x)
        if name not in used_names:
            used_names.add(name)
            return name


def make_person(rng, surnames=None, female=None):
    female = rng.random() < 0.5 if female is None else female
    firsts = FIRST_F if female else FIRST_M
    first = rng.choice(firsts)
    second = rng.choice(firsts) if rng.random() < 0.5 else ""
    if second == first:
        second = ""
    s1, s2 = surnames or (rng.choice(SURNAMES), rng.choice(SURNAMES))
    return (first, second, s1, s2)


def new_entity(rng, eid, used_names, kind=None, template=None):
    e = Entity()
    e.id = eid
    e.country = template.country if template else rng.choice(list(COUNTRIES))
    cc, cities, forms = COUNTRIES[e.country]
    e.company = (rng.random() < 0.6) if kind is None else (kind == "company")
    e.city = template.city if template else rng.choice(cities)
    e.address = template.address if template else street_address(rng)
    e.phone = template.phone if template else phone_number(rng)
    e.tax = tax_number(rng, e.country, e.company)
    if e.company:
        if template:  # sister company: same family name, different business line or suffix
            words = template.base.split(" ")
            e.base = " ".join([rng.choice([b for b in BUSINESS if b != words[0]])] + words[1:])
        else:
            e.base = make_company(rng, e.country, used_names)
        e.form = rng.choice(forms)
        e.domain = slug(e.base)[:18] + rng.choice([".com", ".net", "." + e.country.lower(), ".com." + e.country.lower()])
        e.email = rng.choice(["ventas", "admin", "pagos", "contacto", "info", "facturacion"]) + "@" + e.domain
    else:
        if template:  # relative: same surnames (a sibling) or the first surname (a child/spouse)
            e.person = make_person(rng, surnames=(template.person[2], template.person[3] if rng.random() < 0.7 else rng.choice(SURNAMES)))
        else:
            e.person = make_person(rng)
        first, second, s1, s2 = e.person
        e.form = None
        e.email = slug(first) + rng.choice([".", "_", ""]) + slug(s1) + (str(rng.randrange(10, 99)) if rng.random() < 0.5 else "") + "@" + rng.choice(FREE_MAIL)
    return e


def render_name(rng, e):
    if e.company:
        parts = e.base.split(" ")
        if len(parts) > 2 and rng.random() < 0.08:  # a word dropped ("Ferretería Tornillo")
            del parts[rng.randrange(1, len(parts))]
        name = " ".join(parts)
        r = rng.random()
        if r < 0.65:
            name += (", " if rng.random() < 0.3 else " ") + rng.choice(e.form)
    else:
        first, second, s1, s2 = e.person
        r = rng.random()
        if r < 0.5:
            words = [first, second, s1, s2]
        elif r < 0.75:
            words = [first, s1, s2]
        elif r < 0.9:
            words = [first, second, s1]
        else:
            words = [s1, s2 + ",", first, second]  # "García Pérez, José"
        name = " ".join(w for w in words if w)
    if rng.random() < 0.5:
        name = strip_accents(name)
    r = rng.random()
    if r < 0.3:
        name = name.upper()
    elif r < 0.35:
        name = name.lower()
    if rng.random() < 0.15:
        name = typo(rng, name)
    return name


def records_for(rng, e, copies):
    cc = COUNTRIES[e.country][0]
    sources = rng.sample(SOURCES, copies)
    moved = rng.random() < 0.1 and copies > 1
    out = []
    for k, (source, priority) in enumerate(sources):
        phone, address, city = e.phone, e.address, e.city
        if moved and k == copies - 1:  # an older or newer copy from before/after a move
            if rng.random() < 0.5:  # a landline changes with the address; a mobile moves along
                phone = phone_number(rng)
            address = street_address(rng)
            city = rng.choice(COUNTRIES[e.country][1])
        tax, validity = tax_display(rng, e.country, e.tax)
        if rng.random() < 0.03:  # mistyped tax ID: caught by the check digit when there is one
            chars = list(tax)
            digits = [i for i, c in enumerate(chars) if c.isdigit()]
            i = rng.choice(digits)
            chars[i] = str((int(chars[i]) + rng.randrange(1, 10)) % 10)
            tax = "".join(chars)
            # A mod-11 check digit catches every single-digit slip.
            validity = "invalid" if validity == "valid" else validity
        email = e.email
        if rng.random() < 0.05:
            email = typo(rng, email.split("@")[0]) + "@" + email.split("@")[1]
        fields = {
            "name": render_name(rng, e),
            "tax_id": tax if rng.random() < 0.65 else "",
            "phone": phone_display(rng, cc, phone) if rng.random() < 0.75 else "",
            "email": email if rng.random() < 0.55 else "",
            "address": (address if rng.random() < 0.5 else strip_accents(address).upper()) if rng.random() < 0.7 else "",
            "city": (city if rng.random() < 0.6 else strip_accents(city)) if rng.random() < 0.6 else "",
        }
        if not (fields["tax_id"] or fields["phone"] or fields["email"]):
            # Every customer row carries some way to reach or identify the customer.
            pick = rng.choice(["tax_id", "phone", "email"])
            fields[pick] = {"tax_id": tax, "phone": phone_display(rng, cc, phone), "email": email}[pick]
        fields["tax_validity"] = validity if fields["tax_id"] else ""
        fields["source"] = source
        fields["source_priority"] = priority
        fields["as_of"] = "2025-%02d-%02d" % (rng.randrange(1, 13), rng.randrange(1, 29))
        fields["country"] = e.country
        out.append(fields)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=int)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    used = set()
    rows = []
    eid = 0
    while len(rows) < args.records:
        e = new_entity(rng, eid, used)
        eid += 1
        group = [e]
        if rng.random() < 0.06:  # a hard negative: sister company or relative at the same address/phone
            group.append(new_entity(rng, eid, used, kind="company" if e.company else "person", template=e))
            eid += 1
        for g in group:
            copies = rng.choices([1, 2, 3, 4], weights=[35, 30, 22, 13])[0]
            for fields in records_for(rng, g, copies):
                fields["truth"] = "E%d" % g.id
                rows.append(fields)
    rows = rows[:args.records]
    rng.shuffle(rows)
    counters = {}
    w = csv.writer(sys.stdout, lineterminator="\n")
    cols = ["rec_id", "truth", "source", "name", "tax_id", "tax_validity", "phone", "email", "address", "city", "country",
            "source_priority", "as_of"]
    w.writerow(cols)
    for r in rows:
        counters[r["source"]] = counters.get(r["source"], 0) + 1
        r["rec_id"] = "%s.csv#%d" % (r["source"], counters[r["source"]] + 1)
        w.writerow([r[c] for c in cols])


if __name__ == "__main__":
    main()
