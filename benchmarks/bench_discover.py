"""Benchmark ``kt.discover`` against truth-discovery peers on their own workload, side by side.

Run ``make bench-peers`` (it builds ``.venv-bench`` with the peers of
``benchmarks/requirements-peers.txt``, which are never dependencies of the package) or, in an
environment that has them, ``python benchmarks/bench_discover.py [--sizes 10000 100000]``.
Without the peers installed the script still runs and marks them "not installed".

The workload is :func:`karabakh_tolls.testing.workloads.disagreement_workload` (objects with
3-8 claims each from 200 sources; truth ``round(exp(U(0, 8))) + 1``; each source a bias
``exp(N(0, 0.3))`` and a log-noise sd ``U(0.05, 0.8)``; 15 partisan sources with an extra
x2.5 or x0.4), exact (``points``) and with 30 % of claims turned into hedged phrases read back
by the hedge table (``hedged``). Seeds are fixed; the workload is drawn once per size and
variant and every method gets the same rows.

Methods and what they get:

* ``pandas median``: ``groupby(object).median()`` of each claim's midpoint.
* ``RASA`` (crowd-kit): each claim's midpoint as a one-dimensional embedding ``log(mid + 1)``
  (the log scale is the favourable choice for it: on raw counts the large objects dominate its
  reliabilities); the estimate is ``exp(aggregated embedding) - 1``.
* ``TruthFinder`` (truthdiscovery): the midpoints as values, with the implication
  ``exp(-|log(x + 1) - log(y + 1)| / 0.25) - 0.5`` between two values of one object (close
  figures support each other, distant ones count against); the estimate is the most believed
  value.
* ``kt.discover``: the claims' intervals as they are; ``best`` is the estimate and ``[low,
  high]`` the 90 % credible interval.

A midpoint is ``(low + high) / 2``, or ``low`` for an open claim ("more than N"). Peers accept
no intervals, so they get no calibration figure. Times are wall-clock seconds of the method's
own call on input already in its format (building TruthFinder's dataset, a Python loop over
claim pairs, is reported apart as ``prep``); ``kt.discover`` is timed end to end from the
table, validation included.

Printed per method: ``error`` = median over objects of ``|log((est + 1) / (truth + 1))|``,
``cover`` = share of objects whose 90 % interval holds the truth, ``time``, each with its ratio
to the pandas baseline and to RASA. An object for which ``discover`` gives no best value
(nothing caps its count) is scored with the largest low among its claims, as a peer would see
it; their number is printed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

import karabakh_tolls as kt
from karabakh_tolls.testing.workloads import Workload, disagreement_workload

SEED = 20240611
LEVEL = 0.9


@dataclass
class Row:
    method: str
    objects: int
    variant: str
    error: float | None
    cover: float | None
    seconds: float | None
    prep: float | None = None
    note: str = ""


def _midpoints(table: pd.DataFrame) -> np.ndarray:
    low = table["low"].to_numpy(np.float64)
    high = table["high"].to_numpy(np.float64, na_value=np.nan)
    return np.where(np.isnan(high), low, (low + np.nan_to_num(high)) / 2.0)


def _error(est: np.ndarray, truth: np.ndarray) -> float:
    return float(np.median(np.abs(np.log((est + 1.0) / (truth + 1.0)))))


def run_pandas(w: Workload, variant: str) -> Row:
    frame = pd.DataFrame({"object": w.table["object"], "mid": _midpoints(w.table)})
    start = time.perf_counter()
    est = frame.groupby("object")["mid"].median()
    seconds = time.perf_counter() - start
    est_arr = est.reindex(range(len(w.truth))).to_numpy()
    return Row("pandas median", len(w.truth), variant, _error(est_arr, w.truth), None, seconds)


def run_rasa(w: Workload, variant: str) -> Row:
    if importlib.util.find_spec("crowdkit") is None:
        return Row("crowd-kit RASA", len(w.truth), variant, None, None, None, note="not installed")
    from crowdkit.aggregation import RASA

    log_mid = np.log1p(_midpoints(w.table))
    data = pd.DataFrame(
        {
            "task": w.table["object"].to_numpy(),
            "worker": w.table["source"].to_numpy(),
            "output": log_mid,
            "embedding": [np.array([v]) for v in log_mid],
        }
    )
    start = time.perf_counter()
    model = RASA().fit(data)
    seconds = time.perf_counter() - start
    agg = model.aggregated_embeddings_
    est = np.expm1(np.array([agg[i][0] for i in range(len(w.truth))], dtype=np.float64))
    return Row("crowd-kit RASA", len(w.truth), variant, _error(est, w.truth), None, seconds)


def _implication(_var: object, x: float, y: float) -> float:
    return float(np.exp(-abs(np.log1p(x) - np.log1p(y)) / 0.25) - 0.5)


def run_truthfinder(w: Workload, variant: str) -> Row:
    if importlib.util.find_spec("truthdiscovery") is None:
        return Row(
            "truthdiscovery TruthFinder",
            len(w.truth),
            variant,
            None,
            None,
            None,
            note="not installed",
        )
    from truthdiscovery import Dataset, TruthFinder

    mid = _midpoints(w.table)
    triples = zip(w.table["source"].tolist(), w.table["object"].tolist(), mid.tolist(), strict=True)
    start = time.perf_counter()
    data = Dataset(triples, implication_function=_implication)
    prep = time.perf_counter() - start
    start = time.perf_counter()
    result = TruthFinder().run(data)
    seconds = time.perf_counter() - start
    est = np.empty(len(w.truth))
    for obj in range(len(w.truth)):
        beliefs = result.belief[obj]
        est[obj] = max(beliefs.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    return Row(
        "truthdiscovery TruthFinder",
        len(w.truth),
        variant,
        _error(est, w.truth),
        None,
        seconds,
        prep=prep,
    )


def run_discover(w: Workload, variant: str) -> Row:
    table = w.table[["object", "source", "low", "high"]]
    start = time.perf_counter()
    d = kt.discover(table, level=LEVEL)
    seconds = time.perf_counter() - start
    e = d.estimates.set_index("object").reindex(range(len(w.truth)))
    best = e["best"].to_numpy(np.float64, na_value=np.nan)
    missing = np.isnan(best)
    if missing.any():
        top_low = w.table.groupby("object")["low"].max().reindex(range(len(w.truth)))
        best = np.where(missing, top_low.to_numpy(np.float64), best)
    low = e["low"].to_numpy(np.float64)
    high = e["high"].to_numpy(np.float64, na_value=np.inf)
    cover = float(np.mean((low <= w.truth) & (w.truth <= high)))
    c = d.convergence
    note = f"{c.iterations} iterations, {'converged' if c.converged else 'NOT converged'}"
    if c.warm_iterations:
        note += f" (after {c.warm_iterations} on a subset of objects)"
    if missing.any():
        note += f"; {int(missing.sum())} objects with no best (open above)"
    return Row(
        "kt.discover", len(w.truth), variant, _error(best, w.truth), cover, seconds, note=note
    )


METHODS: dict[str, Callable[[Workload, str], Row]] = {
    "pandas": run_pandas,
    "rasa": run_rasa,
    "truthfinder": run_truthfinder,
    "discover": run_discover,
}


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.3g}"


def _print(rows: list[Row]) -> None:
    head = (
        "| method | objects | claims | error | /pandas | /RASA | 90 % cover | time s | /pandas "
        "| /RASA | note |"
    )
    print(head)
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        base = next(
            x
            for x in rows
            if x.method == "pandas median" and x.objects == r.objects and x.variant == r.variant
        )
        rasa = next(
            x
            for x in rows
            if x.method == "crowd-kit RASA" and x.objects == r.objects and x.variant == r.variant
        )
        err = "-" if r.error is None else f"{r.error:.4f}"
        cov = "-" if r.cover is None else f"{100 * r.cover:.1f} %"
        sec = "-" if r.seconds is None else f"{r.seconds:.3g}"
        note = r.note + (f"; prep {r.prep:.3g} s" if r.prep is not None else "")
        print(
            f"| {r.method} | {r.objects:,} | {r.variant} | {err} | {_ratio(r.error, base.error)} "
            f"| {_ratio(r.error, rasa.error)} | {cov} | {sec} | {_ratio(r.seconds, base.seconds)} "
            f"| {_ratio(r.seconds, rasa.seconds)} | {note} |"
        )


def _verdict(rows: list[Row]) -> None:
    print("\nTargets:")
    for r in rows:
        if r.method != "kt.discover":
            continue
        same = [x for x in rows if x.objects == r.objects and x.variant == r.variant]
        rasa = next(x for x in same if x.method == "crowd-kit RASA")
        tag = f"{r.objects:,} {r.variant}"
        if rasa.error is not None and r.error is not None:
            ok = r.error <= rasa.error
            verdict = "met" if ok else "NOT met"
            print(f"  {tag}: error {r.error:.4f} <= RASA {rasa.error:.4f}: {verdict}")
        if rasa.seconds is not None and r.seconds is not None:
            ok = r.seconds <= rasa.seconds / 20
            print(
                f"  {tag}: time {r.seconds:.3g} s <= RASA/20 = {rasa.seconds / 20:.3g} s: "
                f"{'met' if ok else 'NOT met'}"
            )
        if r.cover is not None:
            ok = 0.85 <= r.cover <= 0.95
            print(
                f"  {tag}: 90 % intervals hold the truth for {100 * r.cover:.1f} %: "
                f"{'met' if ok else 'NOT met'} (target 85-95 %)"
            )
        if r.variant == "hedged":
            peers = [x.error for x in same if x.method != "kt.discover" and x.error is not None]
            if peers and r.error is not None:
                ok = r.error < min(peers)
                print(
                    f"  {tag}: error {r.error:.4f} < best peer on midpoints {min(peers):.4f}: "
                    f"{'met' if ok else 'NOT met'}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--variants", nargs="+", default=["points", "hedged"], choices=["points", "hedged"]
    )
    parser.add_argument("--methods", nargs="+", default=list(METHODS), choices=list(METHODS))
    parser.add_argument("--json", help="also write the rows to this JSON file")
    args = parser.parse_args(argv)
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"karabakh_tolls {kt.__version__}; {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.2f}\n"
    )
    rows: list[Row] = []
    for n in args.sizes:
        for variant in args.variants:
            w = disagreement_workload(n, seed=SEED + n, hedged=0.3 if variant == "hedged" else 0.0)
            for name in (
                "pandas",
                "rasa",
                *[m for m in args.methods if m not in ("pandas", "rasa")],
            ):
                if name not in args.methods and name not in ("pandas", "rasa"):
                    continue
                row = METHODS[name](w, variant)
                print(
                    f"  {row.method:28s} {n:>8,} {variant:7s} error={row.error} "
                    f"cover={row.cover} time={row.seconds}",
                    file=sys.stderr,
                    flush=True,
                )
                rows.append(row)
    print()
    _print(rows)
    _verdict(rows)
    if args.json:
        with open(args.json, "w") as handle:
            json.dump([r.__dict__ for r in rows], handle, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
