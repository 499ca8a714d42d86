"""No cliff: time against claim count for one component of 50 ... 5,000 claims.

Run ``.venv/bin/python benchmarks/bench_no_cliff.py [sizes ...]``. Each size is one synthetic
war of :func:`karabakh_tolls.synthetic.generate_wars` with killed claims only (totals at many
dates, incidents, increments, partial counts, every hedge) and at least one claim about the
whole war, which ties every claim into one component. Printed per size, each in its own
subprocess: one ``kt.reconcile`` (everyone killed, on the war's last claimed day) and
``kt.reconcile_all`` (default method), each with seconds, its ratio to a plain pandas groupby
min/max over the same rows in the same process, the growth of the time against the previous
size (time ratio / size ratio: 1 is linear) and peak memory; the rows, the share of rows with
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
    if case["what"] == "one":
        with h.step() as s:
            r = kt.reconcile(claims, kt.Scope("killed", trees=war.trees), day, war=war.id)
        h.report(seconds=s.seconds, peak_mb=s.peak_mb, answer=f"[{r.low}, {r.high}] {r.status}")
    else:
        with h.step() as s:
            table = kt.reconcile_all(claims)
        h.report(seconds=s.seconds, peak_mb=s.peak_mb, **h.table_figures(table))


def growth(previous: tuple[int, Any] | None, n: int, seconds: Any) -> str:
    """(time ratio) / (size ratio) against the previous size: 1.0 is linear."""
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
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--memory-mb", type=float, default=6_000)
    args = parser.parse_args()
    print(f"## no cliff: one component of n claims ({h.machine_note()})\n")
    rows = []
    last: dict[str, tuple[int, Any] | None] = {"one": None, "all": None}
    for n in args.sizes:
        runs = {
            what: h.run_case(
                __file__, {"n": n, "what": what}, timeout=args.timeout, memory_mb=args.memory_mb
            )
            for what in ("one", "all")
        }
        cells = [h.fmt(runs["all"].get("claims", n))]
        notes = []
        for what in ("one", "all"):
            out = runs[what]
            seconds = out.get("seconds")
            cells += [
                h.fmt(seconds),
                h.ratio(seconds, out.get("groupby_s")),
                growth(last[what], n, seconds),
                h.fmt(out.get("peak_mb") if out.ended == "done" else out.rss_mb),
            ]
            if out.get("answer"):
                notes.append(f"root {out.get('answer')}")
            note = h.ended_note(out, args.timeout, args.memory_mb)
            if note:
                notes.append(f"{what}: {note}")
            last[what] = (n, seconds)
        every = runs["all"]
        cells += [
            h.fmt(every.get("rows")),
            h.fmt(every.get("exact_share")),
            h.fmt(every.get("components")),
            "; ".join(notes),
        ]
        rows.append(cells)
    header = ["claims", "one reconcile s", "ratio", "growth", "peak MB"]
    header += ["reconcile_all s", "ratio", "growth", "peak MB"]
    header += ["rows", "exact share", "components", "note"]
    h.print_table(header, rows)


if __name__ == "__main__" and not h.run_child(child):
    main()
