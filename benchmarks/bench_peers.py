"""The truth-discovery peers' workload through ``reconcile_all``.

Run ``.venv/bin/python benchmarks/bench_peers.py [sizes ...] [--hedged SHARE]``. Default:
1,000 and 10,000 objects from :func:`karabakh_tolls.synthetic.peers_workload` (3-8
disagreeing exact claims per object from 200 sources), entered as
:meth:`~karabakh_tolls.synthetic.PeersWorkload.claims` does (each object a place of its own in
one war, one date). Each size runs in its own subprocess. Printed per size: claims, rows,
seconds of ``kt.reconcile_all`` (default method), its ratio to a plain pandas groupby min/max
over the same rows in the same process, seconds per object, peak memory, the share of rows
with ``method == "exact"`` and the number of components (n/a when absent), how many claims are
set aside, and for how many objects the row of the object holds the truth.

Target (engine issue): 10k objects (each its own component) within 10 s, time linear in the
number of components.
"""

from __future__ import annotations

import argparse
from typing import Any

import _harness as h
import numpy as np

import karabakh_tolls as kt
from karabakh_tolls.synthetic import peers_workload


def child(case: dict[str, Any]) -> None:
    n = int(case["n"])
    workload = peers_workload(n, seed=20240611, hedged_share=float(case["hedged"]))
    claims = workload.claims()
    baseline = h.groupby_seconds(claims.frame)
    h.report(claims=len(claims), groupby_s=baseline)
    with h.step() as s:
        table = kt.reconcile_all(claims)
    h.report(seconds=s.seconds, peak_mb=s.peak_mb, **h.table_figures(table))
    aside = h.set_aside_ids(table)
    h.report(aside=len(aside) if aside is not None else "n/a")
    rows = table[table["region"].str.startswith("object-")]
    obj = rows["region"].str.removeprefix("object-").astype(int).to_numpy()
    truth = workload.truth[obj]
    low = rows["low"].to_numpy(dtype=np.float64, na_value=np.nan)
    high = rows["high"].to_numpy(dtype=np.float64, na_value=np.inf)
    inside = (low <= truth) & (truth <= high)
    zero_width = low == high
    h.report(
        truth_inside=float(inside.mean()) if len(inside) else "n/a",
        zero_width=float(zero_width.mean()) if len(zero_width) else "n/a",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000])
    parser.add_argument("--hedged", type=float, default=0.0)
    parser.add_argument("--timeout", type=float, default=240)
    parser.add_argument("--memory-mb", type=float, default=6_000)
    args = parser.parse_args()
    print(f"## peers' workload, hedged share {args.hedged} ({h.machine_note()})\n")
    rows = []
    for n in args.sizes:
        out = h.run_case(
            __file__,
            {"n": n, "hedged": args.hedged},
            timeout=args.timeout,
            memory_mb=args.memory_mb,
        )
        seconds = out.get("seconds")
        rows.append(
            [
                h.fmt(n),
                h.fmt(out.get("claims")),
                h.fmt(out.get("rows")),
                h.fmt(seconds, 1),
                h.fmt(out.get("groupby_s"), 4),
                h.ratio(seconds, out.get("groupby_s")),
                h.fmt(seconds / n * 1000, 2) if isinstance(seconds, float) else "-",
                h.fmt(out.get("peak_mb") if out.ended == "done" else out.rss_mb),
                h.fmt(out.get("exact_share")),
                h.fmt(out.get("components")),
                h.fmt(out.get("aside")),
                h.fmt(out.get("truth_inside")),
                h.fmt(out.get("zero_width")),
                h.ended_note(out, args.timeout, args.memory_mb),
            ]
        )
    h.print_table(
        [
            "objects",
            "claims",
            "rows",
            "s",
            "groupby s",
            "ratio",
            "ms/object",
            "peak MB",
            "exact share",
            "components",
            "set aside",
            "truth inside",
            "zero-width",
            "note",
        ],
        rows,
    )


if __name__ == "__main__" and not h.run_child(child):
    main()
