#!/usr/bin/env python3
"""Runs `consolida match-bench` (under /usr/bin/time -v) and the Splink peer on the customer
benchmarks and prints one table: pairwise P/R/F1, B-cubed F1, time and peak memory side by side.
Usage: reconcile_bench.py --consolida BIN --python VENV_PY [--peer-max N] NAME=FILE[:SETTINGS] ..."""
import argparse
import json
import re
import subprocess
import sys


def run_consolida(binary, path, settings):
    cmd = ["/usr/bin/time", "-v", binary, "match-bench", path, "--json"] + (["--settings", settings] if settings else [])
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return {"error": p.stderr.strip().splitlines()[-1:]}
    out = json.loads(p.stdout.strip().splitlines()[-1])
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", p.stderr)
    out["process_peak_mib"] = int(rss.group(1)) // 1024 if rss else None
    if wall:
        parts = [float(x) for x in wall.group(1).split(":")]
        out["process_seconds"] = sum(v * 60 ** (len(parts) - 1 - i) for i, v in enumerate(parts))
    return out


def run_peer(python, path):
    p = subprocess.run([python, "Benchmarks/splink_peer.py", path], capture_output=True, text=True)
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": (p.stderr.strip().splitlines() or ["failed"])[-1]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--consolida", required=True)
    ap.add_argument("--python", required=True)
    ap.add_argument("--peer-max", type=int, default=20000, help="run Splink only on inputs up to this many records")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    print("%-10s %-9s %8s %9s %9s %9s %9s %9s %9s" % ("input", "tool", "records", "precision", "recall", "F1",
                                                       "B3 F1", "seconds", "peak MiB"))
    for spec in args.inputs:
        name, rest = spec.split("=", 1)
        path, _, settings = rest.partition(":")
        c = run_consolida(args.consolida, path, settings or None)
        if "error" in c:
            print("%-10s consolida error: %s" % (name, c["error"]))
            continue
        print("%-10s %-9s %8d %9.4f %9.4f %9.4f %9.4f %9.2f %9d" % (
            name, "consolida", c["records"], c["pairwise_precision"], c["pairwise_recall"], c["pairwise_f1"],
            c["bcubed_f1"], c["process_seconds"], c["process_peak_mib"]))
        if c["records"] <= args.peer_max:
            s = run_peer(args.python, path)
            if "error" in s:
                print("%-10s %-9s unavailable: %s" % (name, "splink", s["error"]))
            else:
                print("%-10s %-9s %8d %9.4f %9.4f %9.4f %9.4f %9.2f %9d   (consolida %.1fx faster, F1 %+.4f)" % (
                    name, "splink", s["records"], s["pairwise_precision"], s["pairwise_recall"], s["pairwise_f1"],
                    s["bcubed_f1"], s["seconds"], s["peak_mib"], s["seconds"] / max(c["process_seconds"], 0.01),
                    c["pairwise_f1"] - s["pairwise_f1"]))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
