"""Benchmark ``reconcile_all`` (columnar propagation) on synthetic claim sets.

Run ``.venv/bin/python benchmarks/bench_reconcile_all.py [sizes...] [--looseness N]``.
Each size runs in a fresh subprocess so its peak memory (``ru_maxrss``) is its own. For each
size it prints: generation time, ``ClaimSet.from_frame`` validation time, ``reconcile_all``
time with supports, the same without the per-row support closure (grid + propagation +
conflict repair only), a plain pandas ``groupby`` min/max over the same rows, claims per
second and peak memory. ``--looseness N`` also compares propagation with the exact LP on ``N``
small random instances and prints how often and by how much propagation is looser.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def _child(n: int, supports: bool) -> dict[str, float]:
    from karabakh_tolls.batch import reconcile_all
    from karabakh_tolls.propagate import propagate

    from karabakh_tolls.claimset import ClaimSet
    from karabakh_tolls.synthetic import generate

    out: dict[str, float] = {"n": n}
    start = time.perf_counter()
    claims, truth = generate(n, seed=7, conflicts=max(1, n // 10_000))
    out["generate_s"] = time.perf_counter() - start
    frame = claims.to_frame()
    start = time.perf_counter()
    ClaimSet.from_frame(frame, trees=claims.trees)
    out["validate_s"] = time.perf_counter() - start
    start = time.perf_counter()
    keys = ["outcome", "category", "party", "perpetrator", "region", "as_of"]
    frame.groupby(keys, sort=False).agg(low=("low", "min"), high=("high", "max"))
    out["groupby_s"] = time.perf_counter() - start
    start = time.perf_counter()
    grid = propagate(claims)
    out["propagate_s"] = time.perf_counter() - start
    out["keys"] = len(grid)
    out["iterations"] = grid.iterations
    del grid
    start = time.perf_counter()
    table = reconcile_all(claims, method="propagate", supports=supports)
    out["reconcile_all_s"] = time.perf_counter() - start
    out["rows"] = len(table)
    out["set_aside"] = len(table.attrs["set_aside"])
    out["planted"] = len(truth.planted)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _looseness(instances: int) -> None:
    import numpy as np
    from karabakh_tolls.propagate import INF, propagate

    from karabakh_tolls import model
    from karabakh_tolls.synthetic import generate

    keys = looser = opened = 0
    gaps: list[int] = []
    for seed in range(instances):
        claims, _ = generate(12, seed=seed, scale=1.0)
        grid = propagate(claims)
        table = grid.keys()
        constraints = model.constraints_from_frame(claims.frame)
        for row in table.itertuples():
            chosen = [c for c in constraints if c.outcome == row.outcome]
            target = model.Target.of(
                (row.category, row.party, row.perpetrator, row.region),
                row.as_of.date(),
                outcome=row.outcome,
            )
            solution = model.solve(chosen, target, claims.trees)
            if not solution.feasible or solution.low.value is None:
                continue
            keys += 1
            low, high = int(grid.low[row.Index]), int(grid.high[row.Index])
            exact_high = INF if solution.high.value is None else solution.high.value
            extra = (solution.low.value - low) + (high - exact_high)
            if extra > 0:
                looser += 1
                if high >= INF:
                    opened += 1
                else:
                    gaps.append(extra)
    share = looser / max(keys, 1)
    print(
        f"looseness on {instances} random 12-claim instances: {looser} of {keys} keys "
        f"({share:.1%}) wider than the exact LP; {opened} of them open above where the LP is "
        f"bounded; the others wider by median {np.median(gaps) if gaps else 0:.0f}, "
        f"max {max(gaps, default=0)} people"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--no-supports", action="store_true")
    parser.add_argument("--looseness", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(_child(args.child, not args.no_supports)))
        return
    print(
        f"{'claims':>9} {'keys':>9} {'gen s':>7} {'valid s':>8} {'groupby s':>9} "
        f"{'prop s':>7} {'all s':>7} {'claims/s':>9} {'peak MB':>8} {'aside':>6} "
        f"{'planted':>7}  supports={not args.no_supports}"
    )
    for n in args.sizes:
        command = [sys.executable, __file__, "--child", str(n)]
        if args.no_supports:
            command.append("--no-supports")
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=args.timeout, check=True
            )
        except subprocess.TimeoutExpired:
            print(f"{n:>9} timed out after {args.timeout:.0f} s")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        total = r["reconcile_all_s"]
        print(
            f"{n:>9} {int(r['keys']):>9} {r['generate_s']:>7.1f} {r['validate_s']:>8.1f} "
            f"{r['groupby_s']:>9.2f} {r['propagate_s']:>7.1f} {total:>7.1f} "
            f"{n / total:>9.0f} {r['peak_rss_mb']:>8.0f} {int(r['set_aside']):>6} "
            f"{int(r['planted']):>7}",
            flush=True,
        )
    if args.looseness:
        _looseness(args.looseness)


if __name__ == "__main__":
    main()
