"""Seeds: ``reconcile_all`` on the 23 bundled seed claims, exact and by default.

Run ``.venv/bin/python benchmarks/bench_seeds.py [--timeout S]``. Each method runs in its own
subprocess; printed per method: rows, seconds, the plain pandas groupby min/max over the same
claim rows in the same process and the ratio of the two, peak memory, and the share of rows
the table marks ``method == "exact"`` (n/a when the table has no such column).
Target (engine issue): exact ``reconcile_all`` within 1 s.
"""

from __future__ import annotations

import argparse
from typing import Any

import _harness as h

import karabakh_tolls as kt


def child(case: dict[str, Any]) -> None:
    claims = kt.load_seed_claims()
    baseline = h.groupby_seconds(claims.frame)
    kwargs = {} if case["method"] == "default" else {"method": case["method"]}
    with h.step() as s:
        table = kt.reconcile_all(claims, **kwargs)
    h.report(
        claims=len(claims),
        seconds=s.seconds,
        peak_mb=s.peak_mb,
        groupby_s=baseline,
        **h.table_figures(table),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--memory-mb", type=float, default=6_000)
    args = parser.parse_args()
    print(f"## seeds: reconcile_all on the seed claims ({h.machine_note()})\n")
    rows = []
    for method in ("exact", "default"):
        out = h.run_case(
            __file__, {"method": method}, timeout=args.timeout, memory_mb=args.memory_mb
        )
        rows.append(
            [
                f'method="{method}"' if method != "default" else "default method",
                h.fmt(out.get("claims")),
                h.fmt(out.get("rows")),
                h.fmt(out.get("seconds")),
                h.fmt(out.get("groupby_s"), 4),
                h.ratio(out.get("seconds"), out.get("groupby_s")),
                h.fmt(out.get("peak_mb")),
                h.fmt(out.get("exact_share")),
                h.fmt(out.get("components")),
                h.ended_note(out, args.timeout, args.memory_mb),
            ]
        )
    h.print_table(
        [
            "run",
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


if __name__ == "__main__" and not h.run_child(child):
    main()
