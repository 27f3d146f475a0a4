#!/bin/bash
# Two builds' `consolida import` of one file, run in turn so both see the same machine load:
# prints the minimum and median CPU (user + sys) and wall seconds of each, and whether their
# customers.csv and invoices.csv are byte-identical. On a shared machine compare these, not
# lone timings.
#   make/import_ab.sh OLD_BINARY NEW_BINARY FILE [RUNS]
set -euo pipefail
old=$1 new=$2 file=$3 runs=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$runs"); do
  for side in old new; do
    binary=$old; [ "$side" = new ] && binary=$new
    rm -rf "$work/$side"
    /usr/bin/time -f "$side %e %U %S" -a -o "$work/times" "$binary" import "$file" --out "$work/$side" --quiet
  done
done
python3 - "$work/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for side in ("old", "new"):
    cpu = [float(r[2]) + float(r[3]) for r in rows if r[0] == side]
    wall = [float(r[1]) for r in rows if r[0] == side]
    print("%s cpu min %.2f median %.2f   wall min %.2f median %.2f"
          % (side, min(cpu), statistics.median(cpu), min(wall), statistics.median(wall)))
PY
if cmp -s "$work/old/customers.csv" "$work/new/customers.csv" && cmp -s "$work/old/invoices.csv" "$work/new/invoices.csv"; then
  echo "customers.csv and invoices.csv: identical"
else
  echo "customers.csv or invoices.csv: DIFFERENT"
fi
