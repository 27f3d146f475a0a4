#!/usr/bin/env python3
"""Side-by-side XLSX read benchmark, in one run: `consolida xlsx-bench` (streams every cell of the
first sheet to its typed value) against fastexcel and python-calamine (../shared/bench/read_bench.py,
which loads the first sheet whole). Each process runs under /usr/bin/time -v for wall time and peak
RSS; `read` is each tool's own timing of the read (no interpreter start-up or imports).
Prints the table, the ratios to fastexcel and the targets: read time <= 0.8x fastexcel's,
peak memory <= 250 MiB at 1M rows. Medians over --runs runs."""
import argparse, json, os, re, statistics, subprocess, sys


def timed(cmd):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("%s: %s" % (" ".join(cmd), p.stderr.strip().splitlines()[-1:] or "failed"))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    user = float(re.search(r"User time \(seconds\): (\S+)", p.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", p.stderr).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    out = json.loads(p.stdout.strip().splitlines()[-1])
    return {"wall": seconds, "cpu": user + system, "rss": rss, "read": out.get("t_read"), "rows": out.get("rows")}


def measure(cmd, runs):
    rs = [timed(cmd) for _ in range(runs)]
    return {k: (statistics.median(r[k] for r in rs) if k != "rss" else max(r[k] for r in rs)) for k in ("wall", "cpu", "read", "rss")} | {"rows": rs[-1]["rows"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--consolida", required=True)
    ap.add_argument("--read-bench", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    tools = [("consolida", [a.consolida, "xlsx-bench"]),
             ("fastexcel", [a.python, a.read_bench, "fastexcel"]),
             ("calamine", [a.python, a.read_bench, "calamine"])]
    print(f"{'file':<22} {'tool':<10} {'rows':>8} {'read s':>8} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'read/fastexcel':>15}")
    verdicts = []
    for path in a.files:
        res = {}
        for name, cmd in tools:
            try:
                res[name] = measure(cmd + [path], a.runs)
            except Exception as e:  # a peer missing from the venv: its row says so
                print(f"{os.path.basename(path):<22} {name:<10} could not run: {e}")
        base = res.get("fastexcel", {}).get("read")
        for name, r in res.items():
            ratio = f"{r['read'] / base:.2f}x" if base else "-"
            print(f"{os.path.basename(path):<22} {name:<10} {r['rows'] or 0:>8} {r['read']:>8.2f} {r['wall']:>8.2f} {r['cpu']:>8.2f} {r['rss']:>9.0f} {ratio:>15}")
        c = res.get("consolida")
        if c and base:
            verdicts.append(f"{os.path.basename(path)}: consolida read {c['read'] / base:.2f}x fastexcel (target <= 0.80x), "
                            f"wall {c['wall'] / res['fastexcel']['wall']:.2f}x, peak {c['rss']:.0f} MiB"
                            + (f" vs fastexcel {res['fastexcel']['rss']:.0f} MiB" if "fastexcel" in res else "")
                            + (f", calamine {res['calamine']['rss']:.0f} MiB" if "calamine" in res else ""))
    print()
    for v in verdicts:
        print(v)


if __name__ == "__main__":
    main()
