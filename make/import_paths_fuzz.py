#!/usr/bin/env python3
"""Differential fuzzing of `consolida import`: mutates seed CSVs (quotes, delimiters, line breaks,
invalid and partial UTF-8, accents, totals labels, odd amounts and dates, formulas, repeated lines),
imports each with a small window so that rows reach the workers as bytes, and checks that the
default import and `--record-path` write the same files, the same stderr and the same exit code,
and that nothing crashes. Mismatches are kept in --keep for a look. Exits 1 on any.

    python3 make/import_paths_fuzz.py --consolida .build/release/consolida --runs 500 SEED.csv...
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

PIECES = [b",", b"\"", b"\n", b"\r\n", b"\xc3", b"\xc3\xa1", b"\xe2\x80", b"\xf0\x9f\x98", b"Total", b"TOTAL",
          b"Subtotal", b"T\xc3\xb3tal", b"Su\xc3\xa1rez", b" ", b"\t", b"\xc2\xa0", b"1.234,56", b"(12)", b"-",
          b"2024-02-30", b"31/12/2024", b"NC-1", b"nd 2", b"USD", b"Bs.", b"=1+1", b"\x00", b"\xef\xbb\xbf",
          b"Cliente,RIF,N\xc2\xba Factura,Monto",
          # Whole lines that are, or nearly are, totals rows, blank rows and repeated headers.
          b"\nTOTAL,,,,,,100\n", b"\n\xc3Total,,,,,,100\n", b"\n\xc3\xa1Total,,,,,,100\n", b"\nT\xc3\xb3tal general,,,,,9\n",
          b"\nSu\xc3\xa1rez,,,,,,1\n", b"\n,,,,,,\n", b"\n \xc2\xa0 ,,\n", b"\n\xc3\x28Sumas,,,,,,5\n",
          b"\n\xc3Total,TOTAL,TOTAL,TOTAL,100,100,100\n", b"\nTotal,Total,Total,Total,1,2,3\n"]


# Past this many bytes the encoding is no longer sniffed: invalid UTF-8 there stays in a UTF-8 read.
SAMPLE = 256 * 1024


def lengthen(data):
    """The seed's data lines repeated past the encoding sample, under its first line."""
    head, _, body = data.partition(b"\n")
    body = body if body.endswith(b"\n") else body + b"\n"
    out = bytearray(head + b"\n")
    while len(out) < SAMPLE + 16 * 1024 and body.strip():
        out += body
    return bytes(out)


LABELS = [b"Total", b"TOTAL", b"\xc3Total", b"\xc3\xa1Total", b"\xc3\x28Sumas", b"T\xc3\xb3tal general", b"Subtotal",
          b"Su\xc3\xa1rez", b"Gran total", b"\xc3\x97Total", b"\xe2\x80Total", b" Total ", b"Total:", b"Nota"]


def line(rng):
    """A line of labels, blanks and numbers: a totals row, a label row or a data row, by chance."""
    label = rng.choice(LABELS)
    fields = []
    for _ in range(rng.randint(3, 12)):
        r = rng.random()
        fields.append(b"" if r < 0.5 else label if r < 0.7 else rng.choice(LABELS) if r < 0.8
                      else str(rng.randint(0, 99999)).encode() + rng.choice([b"", b".50", b",5"]))
    return b",".join(fields)


def mutate(rng, data):
    # Half the inputs are long, mutated only past the sample (so read as UTF-8 whatever follows).
    long = rng.random() < 0.5
    data = bytearray(lengthen(data) if long else data)
    low = SAMPLE if long and len(data) > SAMPLE else 0
    for _ in range(rng.randint(1, 25)):
        pos = rng.randrange(low, len(data) + 1)
        op = rng.random()
        if op < 0.15:
            data[pos:pos] = b"\n" + line(rng) + b"\n"
        elif op < 0.6:
            data[pos:pos] = rng.choice(PIECES)
        elif op < 0.8:
            del data[pos:pos + rng.randint(1, 8)]
        else:  # the line around pos, twice
            start, end = data.rfind(b"\n", 0, pos) + 1, data.find(b"\n", pos)
            if end > start:
                data[end:end] = b"\n" + data[start:end]
    return bytes(data)


def run(consolida, folder, out, window, country, extra):
    return subprocess.run([consolida, "import", "in.csv", "--out", out, "--quiet", "--window-rows", str(window),
                           "--country", country] + extra, cwd=folder, capture_output=True, timeout=120)


def same_outputs(folder):
    a, b = os.path.join(folder, "a"), os.path.join(folder, "b")
    if os.path.isdir(a) != os.path.isdir(b):
        return False
    if not os.path.isdir(a):
        return True
    names = sorted(os.listdir(a))
    return names == sorted(os.listdir(b)) and all(
        open(os.path.join(a, n), "rb").read() == open(os.path.join(b, n), "rb").read() for n in names)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--consolida", required=True)
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default="fuzz-mismatches")
    ap.add_argument("seeds", nargs="+")
    a = ap.parse_args()
    consolida = os.path.abspath(a.consolida)
    inputs = [open(p, "rb").read() for p in a.seeds]
    rng = random.Random(a.seed)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="import-fuzz-") as work:
        for i in range(a.runs):
            folder = os.path.join(work, str(i))
            os.makedirs(folder)
            open(os.path.join(folder, "in.csv"), "wb").write(mutate(rng, rng.choice(inputs)))
            window, country = rng.choice([1, 2, 3, 5, 9, 20]), rng.choice(["VE", "ES", "MX", "CO"])
            plain = run(consolida, folder, "a", window, country, [])
            records = run(consolida, folder, "b", window, country, ["--record-path"])
            crashed = plain.returncode > 3 or records.returncode > 3 or plain.returncode < 0 or records.returncode < 0
            same = (plain.returncode == records.returncode and plain.stderr == records.stderr
                    and same_outputs(folder))
            if crashed or not same:
                bad += 1
                kept = os.path.join(a.keep, "case-%d" % i)
                shutil.rmtree(kept, ignore_errors=True)
                shutil.copytree(folder, kept)
                print("%s: window %d, country %s, exit %d/%d, kept in %s" % (
                    "CRASH" if crashed else "MISMATCH", window, country, plain.returncode, records.returncode, kept))
            shutil.rmtree(folder, ignore_errors=True)
    print("%d inputs, %d mismatches or crashes" % (a.runs, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
