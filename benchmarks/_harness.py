"""Shared machinery of the benchmark scripts: one subprocess per case, limits, figures, tables.

Every case runs in a fresh Python process (``script --child CASE``) so that its peak memory is
its own. The parent watches the child: it stops it when it runs past its time limit or its
resident memory passes the memory limit, and keeps every figure the child reported before
that. A child reports with :func:`report` (one JSON line per step, flushed), so a case whose
last step is too slow still shows the steps that finished.

Peak memory of a step is the process's peak resident set size during that step
(``resource.getrusage(...).ru_maxrss`` after resetting the high-water mark through
``/proc/self/clear_refs`` at the step's start, on Linux); it includes the data the process
already holds (the claims), not the memory of earlier steps.

The engine is called only through public names (``kt.reconcile_all``, ``kt.reconcile``,
``ClaimSet.from_frame``), and the output columns that the engine is still changing
(``method``, ``component``) are read only when present: otherwise the figure is "n/a".
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

KEYS = ["war", "outcome", "category", "party", "perpetrator", "region", "as_of"]
RESULT = "RESULT "


# --- in the child --------------------------------------------------------------------------------


def report(**figures: Any) -> None:
    """Send figures of one finished step to the parent (one JSON line)."""
    print(RESULT + json.dumps(figures, default=str), flush=True)


def reset_peak() -> None:
    """Reset the peak resident set size of this process (Linux); elsewhere a no-op."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass


def peak_mb() -> float:
    """Peak resident set size since the last :func:`reset_peak`, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Step:
    """What :func:`step` measured."""

    seconds: float = 0.0
    peak_mb: float = 0.0


@contextmanager
def step() -> Iterator[Step]:
    """Time a block and take its peak memory: ``with step() as s: ...; s.seconds``."""
    out = Step()
    reset_peak()
    start = time.perf_counter()
    try:
        yield out
    finally:
        out.seconds = time.perf_counter() - start
        out.peak_mb = peak_mb()


def groupby_seconds(frame: pd.DataFrame, repeat: int = 3) -> float:
    """Best time of a plain pandas ``groupby(scope, date).agg(min low, max high)``."""
    keys = [k for k in KEYS if k in frame.columns]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        frame.groupby(keys, sort=False, observed=True).agg(low=("low", "min"), high=("high", "max"))
        best = min(best, time.perf_counter() - start)
    return best


def table_figures(table: pd.DataFrame) -> dict[str, Any]:
    """Figures of a ``reconcile_all`` table that do not depend on the engine's internals."""
    out: dict[str, Any] = {"rows": len(table)}
    if "method" in table.columns:
        counts = table["method"].astype(str).value_counts()
        out["exact_share"] = float(counts.get("exact", 0)) / max(len(table), 1)
        out["methods"] = {str(k): int(v) for k, v in counts.items()}
    else:
        out["exact_share"] = "n/a"
    out["components"] = components(table)
    out["conflict_rows"] = (
        int((table["status"] == "conflict").sum()) if "status" in table else "n/a"
    )
    return out


def components(table: pd.DataFrame) -> int | str:
    """Distinct components the table's rows add up ("n/a" without a ``component`` column).

    A row's ``component`` cell lists the ids (per war and outcome) of the components its
    range adds up, joined by ";".
    """
    if "component" not in table.columns:
        return "n/a"
    keys = [k for k in ("war", "outcome") if k in table.columns]
    found: set[tuple[str, ...]] = set()
    for row in table[[*keys, "component"]].drop_duplicates().itertuples(index=False):
        *where, cell = (str(x) for x in row)
        found.update((*where, token) for token in cell.split(";") if token and token != "<NA>")
    return len(found)


def set_aside_ids(table: pd.DataFrame) -> set[str] | None:
    """The claims a table says were set aside (its ``attrs`` or its ``set_aside`` column)."""
    if "set_aside" in table.attrs:
        return {str(c) for c in table.attrs["set_aside"]}
    if "set_aside" in table.columns:
        ids: set[str] = set()
        for cell in table["set_aside"].dropna().astype(str):
            ids.update(c for c in cell.split(";") if c)
        return ids
    return None


def child_case() -> dict[str, Any] | None:
    """The case this process must run, when it was started as a child."""
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        case: dict[str, Any] = json.loads(sys.argv[2])
        return case
    return None


def run_child(body: Callable[[dict[str, Any]], None]) -> bool:
    """Run ``body(case)`` when this process is a child; say whether it was one."""
    case = child_case()
    if case is None:
        return False
    try:
        body(case)
    except Exception as error:  # report what failed, as a figure
        report(error=f"{type(error).__name__}: {str(error)[:300]}")
    return True


# --- in the parent -------------------------------------------------------------------------------


@dataclass
class Outcome:
    """Everything one child reported, and how it ended."""

    figures: dict[str, Any] = field(default_factory=dict)
    ended: str = "done"  # done | timeout | memory | failed
    seconds: float = 0.0
    rss_mb: float = 0.0  # largest resident set seen by the parent's watch

    def get(self, key: str, default: Any = None) -> Any:
        return self.figures.get(key, default)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_case(
    script: str, case: dict[str, Any], *, timeout: float, memory_mb: float = 8_000
) -> Outcome:
    """Run one case of ``script`` in a subprocess, within a time and a memory limit."""
    out = Outcome()
    start = time.perf_counter()
    lines: list[str] = []
    errors: list[str] = []
    with subprocess.Popen(
        [sys.executable, script, "--child", json.dumps(case)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        readers = [
            threading.Thread(target=_drain, args=(child.stdout, lines), daemon=True),
            threading.Thread(target=_drain, args=(child.stderr, errors), daemon=True),
        ]
        for reader in readers:
            reader.start()
        while child.poll() is None:
            out.rss_mb = max(out.rss_mb, _rss_mb(child.pid))
            if time.perf_counter() - start > timeout:
                out.ended = "timeout"
                child.kill()
                break
            if out.rss_mb > memory_mb:
                out.ended = "memory"
                child.kill()
                break
            time.sleep(0.2)
        child.wait()
        for reader in readers:
            reader.join(timeout=5)
    for line in lines:
        if line.startswith(RESULT):
            out.figures.update(json.loads(line[len(RESULT) :]))
    if out.ended == "done" and child.returncode != 0:
        out.ended = "failed"
        out.figures.setdefault("error", (errors[-1:] or ["?"])[0].strip())
    out.seconds = time.perf_counter() - start
    return out


def _drain(stream: Any, into: list[str]) -> None:
    for line in stream:
        into.append(line)


def ended_note(outcome: Outcome, limit: float, memory_mb: float) -> str:
    """A short note on how a case ended, for the table."""
    if outcome.ended == "timeout":
        return f"stopped at the {limit:.0f} s limit"
    if outcome.ended == "memory":
        return f"stopped at {memory_mb / 1024:.0f} GB resident after {outcome.seconds:.0f} s"
    if outcome.ended == "failed" or "error" in outcome.figures:
        return f"error: {outcome.get('error')}"
    return ""


# --- printing -----------------------------------------------------------------------------------


def fmt(value: Any, digits: int = 2) -> str:
    """A figure for a table cell: numbers rounded, missing ones as "-"."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        return f"{value:.{digits}f}"
    return str(value)


def ratio(seconds: Any, baseline: Any) -> str:
    """``seconds / baseline`` as "x123" (or "-" when either is missing)."""
    if not isinstance(seconds, int | float) or not isinstance(baseline, int | float):
        return "-"
    if baseline <= 0:
        return "-"
    return f"x{seconds / baseline:,.0f}"


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A Markdown table."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" if i else "---" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |", flush=True)


def machine_note() -> str:
    """Cores and load, to read the timings by."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    return f"{os.cpu_count()} cores, load average {load:.1f} at start"
