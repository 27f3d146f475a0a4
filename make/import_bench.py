#!/usr/bin/env python3
"""`consolida import FILE --out DIR` against reading FILE alone (`consolida read-bench` for CSV,
`consolida xlsx-bench` for XLSX), each process timed by /usr/bin/time -v (wall, peak RSS); medians
of --runs runs. Prints both and the ratio import/read, which the target states as <= 1.5x.

The reads and imports alternate (read, import, read, import, ...): on a shared machine whose load
changes by the minute, runs done in two blocks compared one minute's load with the next one's."""
import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def timed(cmd):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return seconds, rss


def summary(results):
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--consolida", required=True)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    print("%-28s %12s %12s %12s %12s %8s" % ("file", "read s", "read MiB", "import s", "import MiB", "ratio"))
    for f in a.files:
        reader = "xlsx-bench" if f.endswith(".xlsx") else "read-bench"
        out = tempfile.mkdtemp(prefix="import-bench-")
        reads, imports = [], []
        try:
            for _ in range(a.runs):
                reads.append(timed([a.consolida, reader, f]))
                shutil.rmtree(out + "/out", ignore_errors=True)
                imports.append(timed([a.consolida, "import", f, "--out", out + "/out", "--quiet"]))
        finally:
            shutil.rmtree(out, ignore_errors=True)
        (read_s, read_m), (imp_s, imp_m) = summary(reads), summary(imports)
        name = f.split("/")[-1]
        print("%-28s %12.2f %12.0f %12.2f %12.0f %7.2fx" % (name, read_s, read_m, imp_s, imp_m, imp_s / read_s))
    print("target: import <= 1.5x reading alone")


if __name__ == "__main__":
    main()
