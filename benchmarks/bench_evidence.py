"""Benchmark the claim-set side of evidence over time on synthetic claim sets.

Run ``.venv/bin/python benchmarks/bench_evidence.py [sizes...]`` (default 100000). For each
size: ``ClaimSet.from_frame`` validation with the replacement columns filled (a tenth of the
claims replaced by another), ``evidence_groups`` (no hand-given cells, then a tenth given),
``current()`` and ``known_on()``, and ``supersede`` of the set by a copy of itself as a newer
release. Times in seconds, one process per run.
"""

from __future__ import annotations

import sys
import time

import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.evidence import evidence_groups
from karabakh_tolls.releases import supersede
from karabakh_tolls.synthetic import generate


def _timed(what: str, action: object) -> object:
    start = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"  {what:<28} {time.perf_counter() - start:6.2f} s")
    return result


def run(n: int) -> None:
    claims, _ = generate(n, seed=7)
    frame = claims.to_frame()
    ids = frame["claim_id"]
    replaced = pd.Series(pd.NA, index=frame.index, dtype="string")
    replaced.iloc[: n // 2 : 5] = ids.iloc[1 : n // 2 + 1 : 5].to_numpy()
    print(f"{n:,} claims")
    _timed("from_frame (plain)", lambda: ClaimSet.from_frame(frame, trees=claims.trees))
    with_pointers = frame.assign(superseded_by=replaced, release="r1")
    full = _timed(
        "from_frame (replacements)",
        lambda: ClaimSet.from_frame(with_pointers, trees=claims.trees),
    )
    assert isinstance(full, ClaimSet)
    _timed("evidence_groups", lambda: evidence_groups(full.frame))
    labelled = full.frame.assign(evidence=ids.where(ids.index % 10 == 0).str.slice(0, 4))
    _timed("evidence_groups (labels)", lambda: evidence_groups(labelled))
    _timed("current()", full.current)
    _timed("known_on(day)", lambda: full.known_on("2020-10-20"))
    newer = ClaimSet.from_frame(frame.assign(release="r2"), trees=claims.trees)
    _timed("supersede(set, newer)", lambda: supersede(claims, newer))


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [100_000]:
        run(size)
