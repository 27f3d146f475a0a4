#!/usr/bin/env python3
"""The peer: Splink (DuckDB backend) on the same benchmark CSV as `consolida match-bench`, with
comparable comparisons and blocking, scored with the same pairwise and B-cubed metrics.
Prints one JSON line. Usage: splink_peer.py FILE.csv"""
import json
import resource
import sys
import time
from collections import Counter

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on


def metrics(pred, truth):
    both = Counter(zip(pred, truth))
    ps, ts = Counter(pred), Counter(truth)
    pairs = lambda n: n * (n - 1) / 2
    tp = sum(pairs(n) for n in both.values())
    pp, tt = sum(pairs(n) for n in ps.values()), sum(pairs(n) for n in ts.values())
    p = tp / pp if pp else 1.0
    r = tp / tt if tt else 1.0
    bp = sum(n * n / ps[k[0]] for k, n in both.items()) / len(pred)
    br = sum(n * n / ts[k[1]] for k, n in both.items()) / len(pred)
    f = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0
    return p, r, f(p, r), bp, br, f(bp, br)


def main():
    path = sys.argv[1]
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df = df.replace({"": None})
    df["unique_id"] = df["rec_id"]
    df["tax_key"] = df["tax_id"].str.replace(r"[^0-9A-Za-z]", "", regex=True).str.upper()
    df["phone_key"] = df["phone"].str.replace(r"[^0-9]", "", regex=True).str[-7:]
    df["name_key"] = df["name"].str.lower()
    start = time.time()
    comparisons = [
        cl.ExactMatch("tax_key"),
        cl.JaroWinklerAtThresholds("name_key", [0.95, 0.88]),
        cl.ExactMatch("phone_key"),
        cl.EmailComparison("email"),
        cl.JaroWinklerAtThresholds("address", [0.9]),
        cl.ExactMatch("city"),
    ]
    blocking = [block_on("tax_key"), block_on("phone_key"), block_on("email"), block_on("name_key"),
                block_on("substr(name_key, 1, 6)", "city")]
    # The same extra columns consolida's FEBRL settings compare, when the input has them.
    if "date_of_birth" in df.columns:
        comparisons += [cl.LevenshteinAtThresholds("date_of_birth", [1, 2]), cl.LevenshteinAtThresholds("postcode", [1]),
                        cl.ExactMatch("state")]
        blocking += [block_on("date_of_birth"), block_on("postcode")]
    settings = SettingsCreator(link_type="dedupe_only", comparisons=comparisons,
                               blocking_rules_to_generate_predictions=blocking)
    db = DuckDBAPI()
    linker = Linker(db.register(df), settings)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    # EM sessions on the identifiers the data has (FEBRL has no phones or emails).
    for column in ["tax_key", "phone_key", "name_key"]:
        if df[column].notna().sum() > 1 and column != "name_key" or column == "name_key" and df["phone_key"].isna().all():
            linker.training.estimate_parameters_using_expectation_maximisation(block_on(column))
    pred = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.5).as_pandas_dataframe()
    seconds = time.time() - start
    cid = dict(zip(clusters["unique_id"], clusters["cluster_id"]))
    pred_ids = [cid.get(u, u) for u in df["unique_id"]]
    p, r, f1, bp, br, bf = metrics(pred_ids, list(df["truth"]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps({"tool": "splink", "file": path, "records": len(df), "pairwise_precision": round(p, 4),
                      "pairwise_recall": round(r, 4), "pairwise_f1": round(f1, 4), "bcubed_f1": round(bf, 4),
                      "seconds": round(seconds, 2), "peak_mib": peak}))


if __name__ == "__main__":
    main()
