"""Synthetic claims with planted conflicts: validation and ``reconcile_all`` at scale.

Run ``.venv/bin/python benchmarks/bench_synthetic.py [sizes ...] [--conflicts K]
[--generator wars|single]``. Default: 100,000 and 1,000,000 claims with 100 planted conflicts
from :func:`karabakh_tolls.synthetic.generate_wars` (many wars of very different sizes; one
per 10,000 claims). ``--generator single`` uses :func:`~karabakh_tolls.synthetic.generate`
(one 45-day war) instead. Each size runs in its own subprocess. Printed per size:

* ``gen s``: drawing the claims (the generator's own validation included);
* ``valid s``: ``ClaimSet.from_frame`` over the raw table (the validation a user pays);
* ``all s``: ``kt.reconcile_all`` with its default method; ``valid+all s`` and its ratio to
  a plain pandas groupby min/max over the same rows in the same process;
* peak memory during validation + ``reconcile_all`` (the claims held included);
* the share of rows with ``method == "exact"`` and the number of components (n/a when the
  table has no such column);
* set aside: how many claims the table sets aside, how many of them are planted, and whether
  the set aside equal the planted claims;
* rows whose range excludes the truth, and how many of those say ``consistent``.

Targets (engine issue): 1M claims with 100 planted conflicts in 15 s and 2 GB (validation +
reconcile_all), 99 % of rows exact, set aside = planted.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import _harness as h
import numpy as np
import pandas as pd

import karabakh_tolls as kt
from karabakh_tolls.synthetic import generate, generate_wars


def truth_figures(table: pd.DataFrame, truth: Any) -> dict[str, Any]:
    """Rows whose [low, high] excludes the hidden truth, and how many say consistent."""
    if not len(table):
        return {}
    keys = table if "war" in table else table.assign(war="")
    value = truth.values(keys)
    low = table["low"].to_numpy(dtype=np.float64, na_value=np.nan)
    high = table["high"].to_numpy(dtype=np.float64, na_value=np.inf)
    outside = (value < low) | (value > high)
    consistent = (table["status"] == "consistent").to_numpy() if "status" in table else outside
    return {
        "outside": int(outside.sum()),
        "outside_consistent": int((outside & consistent).sum()),
    }


def child(case: dict[str, Any]) -> None:
    n, k = int(case["n"]), int(case["conflicts"])
    start = time.perf_counter()
    if case["generator"] == "single":
        claims, truth = generate(n, seed=7, conflicts=k)
    else:
        claims, truth = generate_wars(n, seed=7, conflicts=k)
    gen_s = time.perf_counter() - start
    frame = claims.to_frame()
    wars = claims.wars
    del claims
    baseline = h.groupby_seconds(frame)
    h.report(gen_s=gen_s, wars=len(wars), claims=len(frame), groupby_s=baseline)
    with h.step() as s:
        start = time.perf_counter()
        valid = kt.ClaimSet.from_frame(frame, wars=wars)
        valid_s = time.perf_counter() - start
        h.report(valid_s=valid_s)
        table = kt.reconcile_all(valid)
    h.report(
        all_s=s.seconds - valid_s,
        seconds=s.seconds,
        peak_mb=s.peak_mb,
        **h.table_figures(table),
    )
    aside = h.set_aside_ids(table)
    planted = set(truth.planted)
    if aside is not None:
        h.report(
            aside=len(aside),
            aside_planted=len(aside & planted),
            aside_equal=aside == planted,
            planted=len(planted),
        )
    else:
        h.report(aside="n/a", planted=len(planted))
    h.report(**truth_figures(table, truth))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--conflicts", type=int, default=100)
    parser.add_argument("--generator", choices=["wars", "single"], default="wars")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--memory-mb", type=float, default=8_000)
    args = parser.parse_args()
    print(
        f"## synthetic claims, {args.conflicts} planted conflicts, generator "
        f"{args.generator} ({h.machine_note()})\n"
    )
    rows = []
    for n in args.sizes:
        case = {"n": n, "conflicts": args.conflicts, "generator": args.generator}
        out = h.run_case(__file__, case, timeout=args.timeout, memory_mb=args.memory_mb)
        equal = out.get("aside_equal")
        aside = (
            f"{h.fmt(out.get('aside'))} ({h.fmt(out.get('aside_planted'))} planted); "
            f"= planted: {h.fmt(equal)}"
            if "aside_planted" in out.figures
            else h.fmt(out.get("aside"))
        )
        outside = (
            f"{h.fmt(out.get('outside'))} ({h.fmt(out.get('outside_consistent'))} consistent)"
            if "outside" in out.figures
            else "-"
        )
        rows.append(
            [
                h.fmt(n),
                h.fmt(out.get("wars")),
                h.fmt(out.get("rows")),
                h.fmt(out.get("gen_s"), 1),
                h.fmt(out.get("valid_s"), 1),
                h.fmt(out.get("all_s"), 1),
                h.fmt(out.get("seconds"), 1),
                h.fmt(out.get("groupby_s"), 3),
                h.ratio(out.get("seconds"), out.get("groupby_s")),
                h.fmt(out.get("peak_mb") if out.ended == "done" else out.rss_mb),
                h.fmt(out.get("exact_share")),
                h.fmt(out.get("components")),
                aside,
                outside,
                h.ended_note(out, args.timeout, args.memory_mb),
            ]
        )
    h.print_table(
        [
            "claims",
            "wars",
            "rows",
            "gen s",
            "valid s",
            "all s",
            "valid+all s",
            "groupby s",
            "ratio",
            "peak MB",
            "exact share",
            "components",
            "set aside",
            "rows excluding truth",
            "note",
        ],
        rows,
    )


if __name__ == "__main__" and not h.run_child(child):
    main()
