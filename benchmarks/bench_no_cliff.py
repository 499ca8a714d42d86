"""No cliff: time against claim count for one component of 50 ... 5,000 claims.

Run ``.venv/bin/python benchmarks/bench_no_cliff.py [sizes ...]``. Each size is one synthetic
war of :func:`karabakh_tolls.synthetic.generate_wars` with killed claims only (totals at many
dates, incidents, increments, partial counts, every hedge) and at least one claim about the
whole war, which ties every claim into one component. Each size runs in its own subprocess;
printed per size: one ``kt.reconcile`` (everyone killed, on the war's last claimed day) and
``kt.reconcile_all`` (default method), each with seconds and its ratio to a plain pandas
groupby min/max over the same rows in the same process, the growth of the time against the
previous size (time ratio / size ratio: 1 is linear), the share of rows with
``method == "exact"`` and the number of components (n/a when absent).

Target (engine issue): time grows smoothly with the claim count (no jump between sizes).
"""

from __future__ import annotations

import argparse
from typing import Any

import _harness as h
import pandas as pd

import karabakh_tolls as kt
from karabakh_tolls.synthetic import generate_wars


def child(case: dict[str, Any]) -> None:
    n = int(case["n"])
    claims, _ = generate_wars(n, seed=31, n_wars=1, outcomes=["killed"], whole_war_share=0.02)
    war = claims.wars[0]
    baseline = h.groupby_seconds(claims.frame)
    day = pd.Timestamp(claims.frame["as_of"].max()).date()
    h.report(claims=len(claims), groupby_s=baseline)
    with h.step() as s:
        r = kt.reconcile(claims, kt.Scope("killed", trees=war.trees), day, war=war.id)
    h.report(one_s=s.seconds, one_mb=s.peak_mb, answer=f"[{r.low}, {r.high}] {r.status}")
    with h.step() as s:
        table = kt.reconcile_all(claims)
    h.report(all_s=s.seconds, all_mb=s.peak_mb, **h.table_figures(table))


def growth(previous: tuple[int, Any] | None, n: int, seconds: Any) -> str:
    if previous is None or not isinstance(seconds, float) or not isinstance(previous[1], float):
        return "-"
    if previous[1] <= 0:
        return "-"
    return f"{(seconds / previous[1]) / (n / previous[0]):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "sizes", nargs="*", type=int, default=[50, 100, 200, 500, 1_000, 2_000, 5_000]
    )
    parser.add_argument("--timeout", type=float, default=90)
    parser.add_argument("--memory-mb", type=float, default=6_000)
    args = parser.parse_args()
    print(f"## no cliff: one component of n claims ({h.machine_note()})\n")
    rows = []
    last_one: tuple[int, Any] | None = None
    last_all: tuple[int, Any] | None = None
    for n in args.sizes:
        out = h.run_case(__file__, {"n": n}, timeout=args.timeout, memory_mb=args.memory_mb)
        one, every = out.get("one_s"), out.get("all_s")
        rows.append(
            [
                h.fmt(out.get("claims", n)),
                h.fmt(one),
                h.ratio(one, out.get("groupby_s")),
                growth(last_one, n, one),
                h.fmt(every),
                h.ratio(every, out.get("groupby_s")),
                growth(last_all, n, every),
                h.fmt(out.get("rows")),
                h.fmt(max(out.get("one_mb", 0), out.get("all_mb", 0)) or out.rss_mb),
                h.fmt(out.get("exact_share")),
                h.fmt(out.get("components")),
                "; ".join(
                    x
                    for x in (
                        str(out.get("answer") or ""),
                        h.ended_note(out, args.timeout, args.memory_mb),
                    )
                    if x
                ),
            ]
        )
        last_one, last_all = (n, one), (n, every)
    h.print_table(
        [
            "claims",
            "one reconcile s",
            "ratio",
            "growth",
            "reconcile_all s",
            "ratio",
            "growth",
            "rows",
            "peak MB",
            "exact share",
            "components",
            "note",
        ],
        rows,
    )


if __name__ == "__main__" and not h.run_child(child):
    main()
