#!/usr/bin/env python3
"""Checks a `consolida run` over the corpus: every source imported or unreadable with a reason,
and every table's row accounting balanced. Prints the figures; exits 1 on any failure."""
import json, sys, os

root = sys.argv[1]
summary = json.load(open(os.path.join(root, "summary.json")))
imports = json.load(open(os.path.join(root, "out", "import-summary.json")))
sources = summary["sources"]
unreadable = [s for s in sources if s["status"] != "imported"]
silent = [s for s in unreadable if not s.get("error")]
tables = [(s["file"], t) for s in imports["sources"] for t in s["tables"]]
unbalanced = [(f, t) for f, t in tables if not t["balances"]]
rows = sum(t["rows_read"] for _, t in tables)
print(f"{len(sources)} files: {len(sources) - len(unreadable)} read, {len(unreadable)} unreadable with a reason")
print(f"{len(tables)} tables, {rows} rows read, {len(unbalanced)} tables whose accounting does not balance")
print("counts:", json.dumps(summary["counts"], sort_keys=True))
for f, t in unbalanced[:20]:
    print("UNBALANCED", f, t)
for s in silent:
    print("NO REASON", s["path"])
sys.exit(1 if unbalanced or silent else 0)
