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
          # Currency codes and marks that are no currency or a different bolivar, emails that are no address.
          b"XYZ", b"VEF", b"Bs.F.", b" Bs.", b"VED 3,50", b"bad@", b"rey at taller.com", b"#",
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


def valid_utf8(b):
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def line(rng, valid=False):
    """A line of labels, blanks and numbers: a totals row, a label row or a data row, by chance."""
    labels = [l for l in LABELS if valid_utf8(l)] if valid else LABELS
    label = rng.choice(labels)
    # Half are shaped like a totals row: the label first, then mostly blanks, the label again, numbers.
    shaped = rng.random() < 0.5
    fields = [label] if shaped else []
    for _ in range(rng.randint(3, 12)):
        r = rng.random()
        if shaped:
            fields.append(b"" if r < 0.55 else label if r < 0.75 else str(rng.randint(0, 99999)).encode())
        else:
            fields.append(b"" if r < 0.5 else label if r < 0.7 else rng.choice(labels) if r < 0.8
                          else str(rng.randint(0, 99999)).encode() + rng.choice([b"", b".50", b",5"]))
    return b",".join(fields)


def mutate(rng, data):
    # Half the inputs are long. Half their changes land past the encoding sample, where anything
    # goes and the file is still read as UTF-8; the others anywhere (the window's rows too), with
    # only valid UTF-8 before the sample.
    long = rng.random() < 0.5
    data = bytearray(lengthen(data) if long else data)
    for _ in range(rng.randint(1, 25)):
        late = long and len(data) > SAMPLE and rng.random() < 0.5
        pos = rng.randrange(SAMPLE if late else 0, len(data) + 1)
        early = long and pos < SAMPLE
        op = rng.random()
        if op < 0.3:
            data[pos:pos] = b"\n" + line(rng, valid=early) + b"\n"
        elif op < 0.6:
            data[pos:pos] = rng.choice([p for p in PIECES if not early or valid_utf8(p)])
        elif op < 0.8:
            del data[pos:pos + rng.randint(1, 8)]
        else:  # the line around pos, twice
            start, end = data.rfind(b"\n", 0, pos) + 1, data.find(b"\n", pos)
            if end > start:
                data[end:end] = b"\n" + data[start:end]
    return bytes(data)


def run(consolida, folder, out, window, country, extra):
    """Exit code and stderr (not quiet: the warnings printed, in order and with their places, are
    compared too); a run past the time limit is reported as exit code None."""
    try:
        p = subprocess.run([consolida, "import", "in.csv", "--out", out, "--window-rows", str(window),
                            "--country", country] + extra, cwd=folder, capture_output=True, timeout=120)
        return p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        return None, b""


def files(root):
    """Every file under `root` by relative path, with its bytes."""
    out = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            path = os.path.join(dirpath, n)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = f.read()
    return out


def same_outputs(folder):
    a, b = os.path.join(folder, "a"), os.path.join(folder, "b")
    return os.path.isdir(a) == os.path.isdir(b) and files(a) == files(b)


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
    shutil.rmtree(a.keep, ignore_errors=True)  # only this run's cases
    with tempfile.TemporaryDirectory(prefix="import-fuzz-") as work:
        for i in range(a.runs):
            folder = os.path.join(work, str(i))
            os.makedirs(folder)
            with open(os.path.join(folder, "in.csv"), "wb") as f:
                f.write(mutate(rng, rng.choice(inputs)))
            window, country = rng.choice([1, 2, 3, 5, 9]), rng.choice(["VE", "ES", "MX", "CO"])
            (plain, plain_err), (records, records_err) = (run(consolida, folder, "a", window, country, []),
                                                          run(consolida, folder, "b", window, country, ["--record-path"]))
            # A signal (negative code) or the time limit is a crash; 0-4 are the documented exit codes.
            crashed = any(code is None or code < 0 or code > 4 for code in (plain, records))
            same = plain == records and plain_err == records_err and same_outputs(folder)
            if crashed or not same:
                bad += 1
                kept = os.path.join(a.keep, "case-%d" % i)
                shutil.copytree(folder, kept)
                print("%s: window %d, country %s, exit %s/%s, kept in %s" % (
                    "CRASH" if crashed else "MISMATCH", window, country, plain, records, kept))
            shutil.rmtree(folder, ignore_errors=True)
    print("%d inputs, %d mismatches or crashes" % (a.runs, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
