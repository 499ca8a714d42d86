"""The real UCDP cut: UCDP GED 19.1 for Myanmar and Bangladesh (3,194 events).

Run ``.venv/bin/python benchmarks/bench_ucdp.py [--timeout S] [--memory-mb MB]``. The events
are imported with ``kt.from_ucdp_ged`` (each event a total and its split by side and
category; each UCDP conflict a war of its own). Each case runs in its own subprocess:

* ``import``: the import (validation included);
* ``one reconcile``: one ``kt.reconcile`` for one state -- everyone killed in the state with
  the most claims of the war with the most claims, on that war's last event day;
* ``reconcile_all exact`` / ``reconcile_all default``: every touched (war, scope, date);
* each ``reconcile_all`` table is checked against the events: on every day, a war's total
  (killed, every category, party, perpetrator and place) must be at least the sum of the lows
  of its distinct events up to that day (distinct events are distinct people). Printed:
  rows checked, rows below the sum, and the worst one.

Every case prints its ratio to a plain pandas groupby min/max over the same claim rows in the
same process. Targets (engine issue): one reconcile within 2 s and 1 GB; exact reconcile_all
within 60 s; no total below the sum of its events' lows.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import _harness as h
import numpy as np
import pandas as pd

import karabakh_tolls as kt

DATA = Path(__file__).parent.parent / "tests/data/real/ucdp_ged191_subset_myanmar_bangladesh.csv"


def _claims() -> kt.ClaimSet:
    return kt.from_ucdp_ged(DATA, errors="report", release="19.1")


def events_check(claims: kt.ClaimSet, table: pd.DataFrame) -> dict[str, Any]:
    """Root totals against the sum of the lows of the distinct events up to their day."""
    f = claims.frame
    whole = (f[["category", "party", "perpetrator"]] == "all").all(axis=1)
    events = f[(f["kind"] == "incident") & whole & (f["outcome"] == "killed")]
    per_event = events.groupby(["war", "event"]).agg(low=("low", "max"), day=("as_of", "first"))
    root = table[
        (table["outcome"] == "killed")
        & (table[["category", "party", "perpetrator", "region"]] == "all").all(axis=1)
    ]
    checked = below = years = years_below = 0
    worst: tuple[int, str, str, int, int] | None = None
    for war, rows in root.groupby("war"):
        if war not in per_event.index.get_level_values(0):
            continue
        ev = per_event.loc[war].sort_values("day")
        days = ev["day"].to_numpy(dtype="datetime64[s]")
        sums = np.cumsum(ev["low"].to_numpy(dtype=np.int64))
        at = rows["as_of"].to_numpy(dtype="datetime64[s]")
        upto = np.searchsorted(days, at, side="right")
        need = np.where(upto > 0, sums[np.maximum(upto - 1, 0)], 0)
        low = rows["low"].to_numpy(dtype=np.int64)
        short = low < need
        checked += len(rows)
        below += int(short.sum())
        year = pd.DatetimeIndex(at).year.to_numpy()
        last_of_year = np.r_[year[1:] != year[:-1], True] if len(year) else year
        order = np.argsort(at, kind="stable")
        year_sorted = year[order]
        last = np.r_[year_sorted[1:] != year_sorted[:-1], True]
        years += int(last.sum())
        years_below += int(short[order][last].sum())
        del last_of_year
        if short.any():
            gap = need - low
            i = int(np.argmax(gap))
            if worst is None or gap[i] > worst[0]:
                worst = (int(gap[i]), str(war), str(at[i])[:10], int(low[i]), int(need[i]))
    out: dict[str, Any] = {
        "check_rows": checked,
        "check_below": below,
        "check_years": years,
        "check_years_below": years_below,
    }
    if worst is not None:
        out["check_worst"] = (
            f"{worst[1]} on {worst[2]}: says >= {worst[3]:,} where its events' lows sum to "
            f"{worst[4]:,}"
        )
    return out


def child(case: dict[str, Any]) -> None:
    with h.step() as s:
        claims = _claims()
    baseline = h.groupby_seconds(claims.frame)
    h.report(
        claims=len(claims),
        wars=len(claims.wars),
        rejected=len(claims.rejected),
        import_s=s.seconds,
        groupby_s=baseline,
    )
    what = case["what"]
    if what == "import":
        h.report(seconds=s.seconds, peak_mb=s.peak_mb)
        return
    if what == "one":
        sizes = claims.frame.groupby("war").size()
        war = claims.war(str(sizes.idxmax()))
        mine = claims.frame[claims.frame["war"] == war.id]
        state = str(mine.loc[mine["region"] != "all", "region"].value_counts().idxmax())
        day = pd.Timestamp(mine["as_of"].max()).date()
        h.report(query=f"killed in {state} ({war.id}, {len(mine):,} claims) on {day}")
        scope = kt.Scope("killed", region=state, trees=war.trees)
        with h.step() as s:
            r = kt.reconcile(claims, scope, day, war=war.id)
        h.report(seconds=s.seconds, peak_mb=s.peak_mb, answer=f"[{r.low}, {r.high}] {r.status}")
        return
    kwargs = {"method": "exact"} if what == "exact" else {}
    with h.step() as s:
        table = kt.reconcile_all(claims, **kwargs)
    h.report(seconds=s.seconds, peak_mb=s.peak_mb, **h.table_figures(table))
    h.report(**events_check(claims, table))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=150)
    parser.add_argument("--memory-mb", type=float, default=6_000)
    args = parser.parse_args()
    print(f"## UCDP GED 19.1, Myanmar and Bangladesh ({h.machine_note()})\n")
    rows = []
    checks = []
    for what, label in (
        ("import", "import (from_ucdp_ged)"),
        ("one", "one reconcile"),
        ("exact", 'reconcile_all method="exact"'),
        ("default", "reconcile_all default"),
    ):
        out = h.run_case(__file__, {"what": what}, timeout=args.timeout, memory_mb=args.memory_mb)
        note = h.ended_note(out, args.timeout, args.memory_mb)
        extra = out.get("query") or ""
        if out.get("answer"):
            extra += f": {out.get('answer')}"
        rows.append(
            [
                label,
                h.fmt(out.get("claims")),
                h.fmt(out.get("rows")),
                h.fmt(out.get("seconds")),
                h.fmt(out.get("groupby_s"), 4),
                h.ratio(out.get("seconds"), out.get("groupby_s")),
                h.fmt(out.get("peak_mb") if out.ended == "done" else out.rss_mb),
                h.fmt(out.get("exact_share")),
                h.fmt(out.get("components")),
                "; ".join(x for x in (extra, note) if x),
            ]
        )
        if "check_rows" in out.figures:
            checks.append(
                [
                    label,
                    h.fmt(out.get("check_rows")),
                    h.fmt(out.get("check_below")),
                    f"{h.fmt(out.get('check_years_below'))} of {h.fmt(out.get('check_years'))}",
                    str(out.get("check_worst") or "-"),
                ]
            )
    h.print_table(
        [
            "case",
            "claims",
            "rows",
            "s",
            "groupby s",
            "ratio",
            "peak MB",
            "exact share",
            "components",
            "note",
        ],
        rows,
    )
    if checks:
        print("\nTotals against the sum of the lows of their distinct events:\n")
        h.print_table(["table", "root rows", "below the sum", "year-ends below", "worst"], checks)


if __name__ == "__main__" and not h.run_child(child):
    main()
