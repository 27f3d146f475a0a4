#!/usr/bin/env python3
"""Side-by-side CSV read benchmark: `consolida read-bench` (streaming, typed conversion) against
polars.read_csv (read_bench.py polars_csv), each process measured by /usr/bin/time -v (wall, peak
RSS). Medians of --runs runs. Prints the table and the ratios the targets are stated in:
consolida/polars (no slower), Spanish/plain (<= 1.2x), peak memory (< 100 MiB)."""
import argparse
import json
import re
import statistics
import subprocess
import sys


def timed(cmd):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    cpu = sum(float(re.search(r"%s time \(seconds\): (\S+)" % k, p.stderr).group(1)) for k in ("User", "System"))
    return seconds, rss, p.stdout.strip(), cpu


def measure(cmd, runs):
    results = [timed(cmd) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2],
            statistics.median(r[3] for r in results))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--consolida", required=True)
    ap.add_argument("--python", required=True)
    ap.add_argument("--peer", required=True)
    ap.add_argument("plain")
    ap.add_argument("spanish")
    a = ap.parse_args()

    rows = {}
    for label, path in (("plain", a.plain), ("spanish", a.spanish)):
        c_wall, c_rss, c_out, c_cpu = measure([a.consolida, "read-bench", path], a.runs)
        try:
            p_wall, p_rss, p_out, _ = measure([a.python, a.peer, "polars_csv", path], a.runs)
            p_json = json.loads(p_out.splitlines()[-1])
            p_read, p_cpu = p_json["t_read"], p_json["cpu_read"]
        except SystemExit as e:
            print("polars could not run (%s); its columns are missing" % e, file=sys.stderr)
            p_wall = p_rss = p_read = p_cpu = None
        rows[label] = (c_wall, c_rss, p_wall, p_rss, p_read, c_out, c_cpu, p_cpu)

    print("CSV read, 1M receivables rows, median of %d runs (wall s / peak RSS MiB, /usr/bin/time -v)" % a.runs)
    print("%-8s %18s %18s %14s %16s %16s" % ("file", "consolida", "polars (process)", "polars t_read",
                                             "vs polars proc", "vs polars read"))
    for label, (cw, cr, pw, pr, pt, _, _, _) in rows.items():
        if pw is None:
            print("%-8s %9.2f s %5.0f MiB %18s" % (label, cw, cr, "n/a"))
            continue
        print("%-8s %9.2f s %5.0f MiB %9.2f s %5.0f MiB %12.2f s %15.2fx %15.2fx"
              % (label, cw, cr, pw, pr, pt, cw / pw, cw / pt))
    print("CPU s (user+sys; steadier than wall on a busy machine): consolida whole process vs polars read only")
    for label, r in rows.items():
        if r[7] is not None:
            print("%-8s consolida %.2f s   polars %.2f s   ratio %.2fx" % (label, r[6], r[7], r[6] / r[7]))
    cw_plain, cw_es = rows["plain"][0], rows["spanish"][0]
    print("spanish/plain (consolida): %.2fx wall, %.2fx CPU (target <= 1.2x)"
          % (cw_es / cw_plain, rows["spanish"][6] / rows["plain"][6]))
    print("peak memory (consolida): %.0f MiB (target < 100 MiB)" % max(r[1] for r in rows.values()))
    for label, r in rows.items():
        print("consolida %s: %s" % (label, r[5]))


if __name__ == "__main__":
    main()
