"""Honest status on the project's own synthetic claims with planted false claims.

For each size, ``karabakh_tolls.synthetic.generate(n, seed=7, conflicts=n // 1000)`` draws true
claims about a hidden truth plus planted false ones (each beside a true exact claim of the same
scope and date). The table of ``reconcile_all`` is built with equal trust (the default) and with
``estimate=True`` (ranges under learned trust, best estimates, three-way status), and scored
against the truth:

* ``cons. excl.`` — rows whose status is ``consistent`` while their range excludes the truth
  (the figure that must be 0); ``excl.`` — all rows whose range excludes it;
* ``aside`` — claims set aside, ``planted`` — how many of them are planted false claims, of all
  planted (with equal trust the tie-break by claim id decides; under learned trust the least
  reliable source goes first);
* ``judged off`` — claims the model judges off that some row rests on, and how many are planted;
* ``cover`` — share of rows with a best estimate whose credible interval (90 %) holds the truth,
  ``err`` — median ``|log((best + 1) / (truth + 1))|`` over rows with a claim about them, and
  ``err all`` — the same over every row with a best estimate.

Usage::

    .venv/bin/python benchmarks/bench_estimate.py                  # 10,000 and 100,000 claims
    .venv/bin/python benchmarks/bench_estimate.py --sizes 10000 --methods auto propagate
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import karabakh_tolls as kt
from karabakh_tolls.synthetic import generate


def score(table: pd.DataFrame, truth_values: np.ndarray, planted: set[str]) -> dict[str, object]:
    low = table["low"].to_numpy(dtype=float)
    high = table["high"].to_numpy(dtype=float, na_value=np.inf)
    excludes = (low > truth_values) | (high < truth_values)
    status = table["status"].to_numpy(dtype=object)
    aside = set(table.attrs["set_aside"])
    out: dict[str, object] = {
        "rows": len(table),
        "consistent": int((status == "consistent").sum()),
        "contested": int((status == "contested").sum()),
        "conflict": int((status == "conflict").sum()),
        "cons. excl.": int((excludes & (status == "consistent")).sum()),
        "excl.": int(excludes.sum()),
        "aside": len(aside),
        "planted aside": f"{len(aside & planted)} of {len(planted)}",
    }
    if "best" in table:
        judged = {c for cell in table["judged_off"] for c in str(cell).split(";") if c}
        best = table["best"].to_numpy(dtype=float, na_value=np.nan)
        has = ~np.isnan(best)
        b_low = table["best_low"].to_numpy(dtype=float)
        b_high = table["best_high"].to_numpy(dtype=float, na_value=np.inf)
        holds = (b_low <= truth_values) & (truth_values <= b_high)
        direct = has & (table["n_claims"].to_numpy() > 0)
        err = np.abs(np.log((best[direct] + 1) / (truth_values[direct] + 1)))
        err_all = np.abs(np.log((best[has] + 1) / (truth_values[has] + 1)))
        out["judged off"] = f"{len(judged)} ({len(judged & planted)} planted)"
        out["cover"] = f"{holds[has].mean():.1%}"
        out["err"] = f"{np.median(err):.3f}" if len(err) else "-"
        out["err all"] = f"{np.median(err_all):.3f}" if len(err_all) else "-"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--methods", nargs="+", default=["propagate"])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        claims, truth = generate(n, seed=args.seed, conflicts=max(n // 1000, 1))
        planted = set(truth.planted)
        for method in args.methods:
            for estimate in (False, True):
                start = time.perf_counter()
                table = kt.reconcile_all(claims, method=method, estimate=estimate)
                seconds = time.perf_counter() - start
                values = truth.values(table)
                row = {
                    "claims": f"{len(claims):,}",
                    "method": method,
                    "mode": "estimate=True" if estimate else "equal trust",
                    "time s": f"{seconds:.1f}",
                    **score(table, values, planted),
                }
                rows.append(row)
                print(row, flush=True)
    frame = pd.DataFrame(rows).fillna("-").astype(str)
    print()
    print("| " + " | ".join(frame.columns) + " |")
    print("|" + "|".join("---" for _ in frame.columns) + "|")
    for values in frame.itertuples(index=False):
        print("| " + " | ".join(values) + " |")


if __name__ == "__main__":
    main()
