"""Reconciliation on a Dask cluster: beyond one machine's (or one worker's) memory.

Run ``.venv/bin/python benchmarks/bench_dask.py [sizes ...]`` (default 5,000,000). Each case
runs in its own subprocess (``_harness.py``). Cases:

* ``bytes``: the memory one claim of a war takes while the in-process engine reconciles it:
  ``synthetic.generate_wars(100_000, seed=7)`` (10 wars), peak resident memory during
  ``reconcile_all`` minus the memory before it, per claim of the largest war (the engine
  works war by war); the factor ``karabakh_tolls.distributed.BYTES_PER_CLAIM`` of the worker
  memory check;
* ``pandas 1M``: the in-process engine on ``generate_wars(1_000_000, seed=7, conflicts=100)``
  (one war per 10,000 claims, sizes heavy-tailed) with the same ``--method``, for the ratio;
* ``dask N`` (``--method`` sets ``reconcile_all``'s method, here and in process; the default is
  the library's, ``auto``): ``synthetic.write_wars`` writes ``N`` claims over ``N / 10,000``
  wars (500 wars at 5M) with 100 planted conflicts as Parquet files of up to 125,000 rows; a
  ``distributed.LocalCluster`` of 2 worker processes, one thread each, each with a memory limit (2
  GB by default) reads them lazily (``read_claims(..., engine="dask")``), validates them, and
  reconciles them (``reconcile_all(..., engine="dask").to_parquet(folder)``). Printed: wall seconds
  of validation and of reconciliation with the writing of the result, the peak resident memory of
  each worker process (``VmHWM`` in the workers, via ``client.run``), the rows written,
  set aside against planted, and the ratio of seconds per claim to the in-process engine at 1M. When
  some wars are too large for one worker, the ``WorkerMemoryError`` they raise is reported and the
  rest of the wars are reconciled (``--skip-too-large``, on by default), so that the figure says
  what was and was not run;
* ``ucdp``: the real UCDP GED 19.1 table of ``bench_ucdp.py`` (14,425 claims in 30 wars, one of
  5,556 claims whose provenance has 11.4M support pairs) with provenance, in process and on the
  same cluster, once with ``.compute()`` (Dask joins every partition on one worker first) and
  once with ``.to_parquet(folder)``: wall seconds, worker peaks, workers restarted (new worker
  addresses at the end), and whether each cluster table equals the in-process one row for row.

The machine has 2 cores shared with others: wall seconds are those of a loaded machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import _harness as h
import pandas as pd

import karabakh_tolls as kt
from karabakh_tolls.distributed import BYTES_PER_CLAIM
from karabakh_tolls.errors import WorkerMemoryError
from karabakh_tolls.synthetic import generate_wars, write_wars


def _peak_rss_bytes() -> int:
    """This process's peak resident memory (``VmHWM``: since its start, not inherited).

    ``getrusage``'s ``ru_maxrss`` is kept across ``exec`` on Linux, so a worker started by a
    large process would report that process's peak as its own."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def _rss_bytes() -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def child_bytes(n: int) -> None:
    claims, _ = generate_wars(n, seed=7)
    largest = int(claims.frame["war"].value_counts().max())
    h.reset_peak()
    before = _rss_bytes()
    with h.step() as s:
        table = kt.reconcile_all(claims)
    grew = s.peak_mb * 1024 * 1024 - before
    # the engine holds one war's working data at a time (plus the tables of the wars done):
    # the growth per claim of the largest war is the factor a war's size is estimated by
    h.report(
        seconds=s.seconds,
        claims=len(claims),
        largest_war=largest,
        rows=len(table),
        before_mb=before / 1e6,
        peak_mb=s.peak_mb,
        bytes_per_claim_of_largest_war=grew / largest,
    )


def _cluster(memory: str) -> Any:
    """The benchmark's cluster: 2 worker processes of one thread, each limited to ``memory``."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        memory_limit=memory,
        dashboard_address=":0",
    )


def child_pandas(n: int, method: str) -> None:
    claims, truth = generate_wars(n, seed=7, conflicts=min(100, n // 1_000))
    largest = int(claims.frame["war"].value_counts().max())
    h.reset_peak()
    before = _rss_bytes()
    with h.step() as s:
        table = kt.reconcile_all(claims, method=method)
    aside = h.set_aside_ids(table) or set()
    h.report(
        seconds=s.seconds,
        claims=len(claims),
        largest_war=largest,
        bytes_per_claim_of_largest_war=(s.peak_mb * 1024 * 1024 - before) / largest,
        rows=len(table),
        peak_mb=s.peak_mb,
        set_aside=len(aside),
        planted=len(truth.planted),
        all_planted=aside == set(truth.planted),
    )


def child_dask(n: int, memory: str, skip: bool, method: str) -> None:
    from distributed import Client

    folder = Path(tempfile.mkdtemp(prefix="kt-dask-"))
    try:
        with h.step() as s:
            truth = write_wars(
                folder / "claims",
                n,
                seed=7,
                n_wars=max(1, n // 10_000),
                conflicts=min(100, n // 1_000),
                rows_per_file=max(1_000, min(125_000, n // 8)),
            )
        files = list((folder / "claims").glob("*.parquet"))
        # the memory the claims take as pandas tables (read a file at a time): with pandas's
        # default strings (Arrow-backed since pandas 3) and with Python-object strings
        in_pandas = in_objects = 0
        for f in sorted(files):
            table = pd.read_parquet(f)
            in_pandas += int(table.memory_usage(deep=True).sum())
            strings = [c for c in table.columns if isinstance(table[c].dtype, pd.StringDtype)]
            as_objects = table.astype(dict.fromkeys(strings, object))
            in_objects += int(as_objects.memory_usage(deep=True).sum())
        h.report(
            write_s=s.seconds,
            files=len(files),
            disk_mb=sum(f.stat().st_size for f in files) / 1e6,
            pandas_gb=in_pandas / 1e9,
            object_strings_gb=in_objects / 1e9,
            wars=len(truth.wars),
        )
        with (
            _cluster(memory) as cluster,
            Client(cluster) as client,
        ):
            lazy = kt.read_claims(str(folder / "claims" / "*.parquet"), engine="dask")
            start = time.perf_counter()
            counts = lazy.validate()
            validate_s = time.perf_counter() - start
            h.report(validate_s=validate_s, claims=int(counts.sum()), largest_war=int(counts.max()))
            skipped: list[str] = []
            claims: Any = lazy
            start = time.perf_counter()
            try:
                result = kt.reconcile_all(lazy, engine="dask", method=method)
            except WorkerMemoryError as error:
                skipped = list(error.wars)
                h.report(
                    too_large=", ".join(
                        f"{w} ({c:,} claims, ~{b / 1e9:.1f} GB)"
                        for w, c, b in zip(error.wars, error.claims, error.needed, strict=True)
                    ),
                    usable_gb=error.usable / 1e9,
                )
                if not skip:
                    raise
                claims = lazy.without_wars(*skipped)  # the rest of the wars
                result = kt.reconcile_all(claims, engine="dask", method=method)
            result.to_parquet(folder / "result", write_index=False)
            seconds = time.perf_counter() - start
            peaks = client.run(_peak_rss_bytes)
            written = pd.read_parquet(folder / "result", columns=["set_aside"])
            aside = {c for cell in written["set_aside"].dropna() for c in cell.split(";") if c}
            planted = set(truth.planted)
            kept_planted = {
                c for c in planted if not skipped or not any(c.startswith(f"{w}-") for w in skipped)
            }
            h.report(
                seconds=seconds,
                rows=len(written),
                worker_peak_mb=[round(v / 1e6) for v in peaks.values()],
                skipped=len(skipped),
                set_aside=len(aside),
                planted=len(kept_planted),
                set_aside_is_planted=aside == kept_planted,
                claims_reconciled=int(counts.sum())
                - int(sum(int(counts.get(w, 0)) for w in skipped)),
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


UCDP = (
    Path(__file__).resolve().parent.parent
    / "tests/data/real/ucdp_ged191_subset_myanmar_bangladesh.csv"
)
KEYS = ["war", "outcome", "category", "party", "perpetrator", "region", "as_of"]


def child_ucdp(memory: str) -> None:
    from distributed import Client

    claims = kt.from_ucdp_ged(UCDP, errors="report", release="19.1")
    with h.step() as s:
        expected = kt.reconcile_all(claims)
    expected = expected.sort_values(KEYS, kind="stable").reset_index(drop=True)
    h.report(claims=len(claims), wars=claims.frame["war"].nunique(), in_process_s=s.seconds)
    h.report(in_process_peak_mb=s.peak_mb, rows=len(expected))
    folder = Path(tempfile.mkdtemp(prefix="kt-ucdp-"))
    try:
        for how in ("compute", "parquet"):
            with (
                _cluster(memory) as cluster,
                Client(cluster) as client,
            ):
                first = set(client.scheduler_info()["workers"])
                start = time.perf_counter()
                lazy = kt.reconcile_all(claims, engine="dask")
                if how == "compute":
                    got = lazy.compute()
                else:
                    lazy.to_parquet(folder / "result", write_index=False)
                    got = pd.read_parquet(folder / "result").astype(expected.dtypes.to_dict())
                seconds = time.perf_counter() - start
                peaks = client.run(_peak_rss_bytes)
                restarts = len(set(client.scheduler_info()["workers"]) - first)
            got = got.sort_values(KEYS, kind="stable").reset_index(drop=True)[list(expected)]
            try:
                pd.testing.assert_frame_equal(expected, got)
                equal = True
            except AssertionError:
                equal = False
            h.report(
                **{
                    f"{how}_s": seconds,
                    f"{how}_worker_peak_mb": [round(v / 1e6) for v in peaks.values()],
                    f"{how}_workers_restarted": restarts,
                    f"{how}_equals_in_process": equal,
                }
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def child(case: dict[str, Any]) -> None:
    if case["what"] == "ucdp":
        child_ucdp(str(case["memory"]))
    elif case["what"] == "bytes":
        child_bytes(int(case["n"]))
    elif case["what"] == "pandas":
        child_pandas(int(case["n"]), str(case.get("method", "auto")))
    else:
        child_dask(
            int(case["n"]), str(case["memory"]), bool(case["skip"]), str(case.get("method", "auto"))
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[5_000_000])
    parser.add_argument("--memory", default="2GB", help="memory limit of each worker")
    parser.add_argument("--no-skip", action="store_true", help="stop at a WorkerMemoryError")
    parser.add_argument(
        "--method",
        choices=["auto", "exact", "propagate"],
        default="auto",
        help="reconcile_all's method, on the cluster and in process (for the ratio)",
    )
    parser.add_argument("--bytes", type=int, default=100_000, help="claims of the bytes case")
    parser.add_argument("--pandas", type=int, default=1_000_000, help="claims in process")
    parser.add_argument("--only", choices=["bytes", "pandas", "dask", "ucdp"], nargs="*")
    parser.add_argument("--timeout", type=float, default=1_500)
    parser.add_argument("--memory-mb", type=float, default=12_000)
    args = parser.parse_args()
    only = set(args.only or ["bytes", "pandas", "dask", "ucdp"])
    print(
        f"## Dask engine ({h.machine_note()}; BYTES_PER_CLAIM={BYTES_PER_CLAIM}; "
        f"method on the cluster: {args.method})\n",
        flush=True,
    )
    results: dict[str, h.Outcome] = {}
    if "ucdp" in only:
        out = h.run_case(__file__, {"what": "ucdp", "memory": args.memory}, timeout=args.timeout)
        results["ucdp"] = out
        print("real UCDP table:", out.figures, h.ended_note(out, args.timeout, 8_000), flush=True)
    if "bytes" in only:
        out = h.run_case(__file__, {"what": "bytes", "n": args.bytes}, timeout=args.timeout)
        results["bytes"] = out
        print("bytes per claim:", out.figures, h.ended_note(out, args.timeout, 8_000), flush=True)
    if "pandas" in only:
        out = h.run_case(
            __file__,
            {"what": "pandas", "n": args.pandas, "method": args.method},
            timeout=args.timeout,
            memory_mb=args.memory_mb,
        )
        results["pandas"] = out
        print("in process:", out.figures, h.ended_note(out, args.timeout, 8_000), flush=True)
    per_claim = None
    if "pandas" in results and isinstance(results["pandas"].get("seconds"), float):
        per_claim = results["pandas"].get("seconds") / args.pandas
    rows = []
    for n in args.sizes if "dask" in only else []:
        case = {
            "what": "dask",
            "n": n,
            "memory": args.memory,
            "skip": not args.no_skip,
            "method": args.method,
        }
        out = h.run_case(__file__, case, timeout=args.timeout, memory_mb=args.memory_mb)
        print(f"dask {n:,}:", out.figures, flush=True)
        seconds = out.get("seconds")
        done = out.get("claims_reconciled")
        ratio = (
            f"{(seconds / done) / per_claim:.2f}"
            if isinstance(seconds, float) and done and per_claim
            else "-"
        )
        rows.append(
            [
                f"{n:,} ({h.fmt(out.get('wars'))} wars, {h.fmt(out.get('files'))} files, "
                f"{h.fmt(out.get('pandas_gb'), 1)} GB in pandas, "
                f"{h.fmt(out.get('object_strings_gb'), 1)} GB with object strings)",
                h.fmt(out.get("write_s"), 1),
                h.fmt(out.get("validate_s"), 1),
                h.fmt(seconds, 1),
                h.fmt(done),
                ", ".join(str(v) for v in out.get("worker_peak_mb") or []) or "-",
                h.fmt(out.get("rows")),
                f"{h.fmt(out.get('set_aside'))} / {h.fmt(out.get('planted'))}",
                ratio,
                str(out.get("too_large") or "-"),
                h.ended_note(out, args.timeout, args.memory_mb),
            ]
        )
    if rows:
        h.print_table(
            [
                "claims",
                "write s",
                "validate s",
                "reconcile + write s",
                "claims reconciled",
                "worker peak MB",
                "rows",
                "set aside / planted",
                "s per claim / in process",
                f"too large for one worker ({args.memory})",
                "note",
            ],
            rows,
        )
    print(f"\ncpu count {os.cpu_count()}")


if __name__ == "__main__" and not h.run_child(child):
    main()
