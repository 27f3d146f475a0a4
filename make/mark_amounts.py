#!/usr/bin/env python3
"""Writes a copy of the Spanish benchmark CSV (cp1252, `;`, `1.234,56`) whose amounts carry their
currency's mark, as many Latin American sheets write them (`Bs. 1.234,56`, `898,91 €`,
`$ 292,39`, `S/ 10,00`): such amounts take other import paths than bare ones.

  python3 make/mark_amounts.py IN.csv OUT.csv"""
import csv
import os
import sys

MARKS = {"VES": "Bs. {}", "USD": "$ {}", "EUR": "{} €", "COP": "$ {}", "MXN": "$ {}", "CLP": "$ {}",
         "PEN": "S/ {}", "ARS": "$ {}"}


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="cp1252", newline="") as f_in, \
            open(target + ".part", "w", encoding="cp1252", newline="") as f_out:
        rows = csv.reader(f_in, delimiter=";")
        out = csv.writer(f_out, delimiter=";", lineterminator="\r\n")
        header = next(rows)
        out.writerow(header)
        amounts = [header.index(h) for h in ("Monto", "Abonado", "Saldo")]
        currency = header.index("Moneda")
        for row in rows:
            mark = MARKS.get(row[currency], "{}")
            for j in amounts:
                if row[j]:
                    row[j] = mark.format(row[j])
            out.writerow(row)
    os.replace(target + ".part", target)


if __name__ == "__main__":
    main()
