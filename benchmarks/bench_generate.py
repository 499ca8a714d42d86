"""The synthetic generators themselves: how fast, how much memory.

Run ``.venv/bin/python benchmarks/bench_generate.py [sizes ...] [--write N]``. Each case runs
in its own subprocess. Printed per case: wall seconds, CPU seconds (user + system: what the
case costs on an idle core, however loaded the machine), peak memory, claims per second,
and the claim table's own size in memory:

* ``generate_wars(n)``: draw and validate ``n`` claims over one war per 10,000 claims
  (default sizes 1M and 5M, 100 planted conflicts);
* ``write_wars(n)``: the same claims streamed into a folder of Parquet files (default 5M,
  files of 250,000 rows or more), with the folder's size on disk; the folder is removed after;
* ``peers_workload(n).claims()``: the truth-discovery workload (default 100k objects).

Targets: 1M claims in seconds, 5M within a minute, the writer's memory bounded by a file's
worth of claims rather than by the whole set.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
from pathlib import Path
from typing import Any

import _harness as h

from karabakh_tolls.synthetic import generate_wars, peers_workload, write_wars


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(case: dict[str, Any]) -> None:
    n = int(case["n"])
    cpu = _cpu()
    with h.step() as s:
        if case["what"] == "generate":
            claims, _ = generate_wars(n, seed=7, conflicts=100)
            size_mb = claims.frame.memory_usage(deep=True).sum() / 1e6
            extra: dict[str, Any] = {"table_mb": size_mb, "rows": len(claims)}
        elif case["what"] == "write":
            folder = Path(tempfile.mkdtemp(prefix="kt-wars-"))
            try:
                write_wars(folder, n, seed=7, conflicts=100)
                files = list(folder.glob("*.parquet"))
                disk = sum(f.stat().st_size for f in files) / 1e6
                extra = {"files": len(files), "disk_mb": disk, "rows": n + 100}
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        else:
            workload = peers_workload(n, seed=1, hedged_share=0.3)
            claims = workload.claims()
            extra = {
                "rows": len(claims),
                "table_mb": claims.frame.memory_usage(deep=True).sum() / 1e6,
            }
    h.report(seconds=s.seconds, cpu_s=_cpu() - cpu, peak_mb=s.peak_mb, **extra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 5_000_000])
    parser.add_argument("--write", type=int, nargs="*", default=[5_000_000])
    parser.add_argument("--peers", type=int, nargs="*", default=[100_000])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--memory-mb", type=float, default=12_000)
    args = parser.parse_args()
    print(f"## synthetic generators ({h.machine_note()})\n")
    cases = [("generate", n) for n in args.sizes]
    cases += [("write", n) for n in args.write] + [("peers", n) for n in args.peers]
    rows = []
    for what, n in cases:
        out = h.run_case(
            __file__, {"what": what, "n": n}, timeout=args.timeout, memory_mb=args.memory_mb
        )
        seconds = out.get("seconds")
        label = {
            "generate": "generate_wars",
            "write": "write_wars",
            "peers": "peers_workload(...).claims()",
        }[what]
        rows.append(
            [
                f"{label} {n:,}",
                h.fmt(out.get("rows")),
                h.fmt(seconds, 1),
                h.fmt(out.get("cpu_s"), 1),
                h.fmt(out.get("rows") / seconds if isinstance(seconds, float) else None),
                h.fmt(out.get("peak_mb") if out.ended == "done" else out.rss_mb),
                h.fmt(out.get("table_mb")),
                f"{h.fmt(out.get('files'))} files, {h.fmt(out.get('disk_mb'))} MB"
                if "files" in out.figures
                else "-",
                h.ended_note(out, args.timeout, args.memory_mb),
            ]
        )
    h.print_table(
        ["case", "rows", "wall s", "CPU s", "rows/s", "peak MB", "table MB", "on disk", "note"],
        rows,
    )


if __name__ == "__main__" and not h.run_child(child):
    main()
