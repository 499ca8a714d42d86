"""The ``karabakh-tolls`` command line.

``karabakh-tolls`` (or ``karabakh-tolls reconcile``) reconciles the bundled seed claims, or a
claims file, and prints a table of ranges with their sources.

This module imports the package's public functions and argparse; it holds no logic of its own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import KarabakhTollsError
from karabakh_tolls.io import load_seed_claims, read_claims
from karabakh_tolls.resolution import Rule

__all__ = ["main"]


def _load(path: str | None) -> ClaimSet:
    return load_seed_claims() if path is None else read_claims(path)


#: Up to this many claims the demo recomputes each printed row with the exact solver.
EXACT_ROWS_LIMIT = 2_000


def _reconcile_table(claims: ClaimSet, *, full: bool = False) -> pd.DataFrame:
    """The ``reconcile_all`` table, compact: scope, date, range, status, sources, and a
    one-line explanation for each bound not given by a claim about exactly that row.

    Rows are chosen from the propagated table: without ``full`` only rows a claim speaks about
    directly, conflicts, and rows whose low bound is a sum of several claims (a derived figure)
    are kept. For claim sets of up to ``EXACT_ROWS_LIMIT`` claims every kept row is then
    recomputed by the exact solver (``reconcile``), whose explanation names sources and claims.
    """
    from karabakh_tolls.batch import reconcile_all
    from karabakh_tolls.propagate import propagate
    from karabakh_tolls.reconcile import reconcile
    from karabakh_tolls.scopes import DIMENSIONS, Scope

    table = reconcile_all(claims, method="propagate")
    frame = claims.frame
    aside = frame["claim_id"].isin(table.attrs["set_aside"]).to_numpy()
    grid = propagate(claims, exclude=aside)
    names = dict(zip(frame["claim_id"], frame["source_name"], strict=True))
    exact = len(claims) <= EXACT_ROWS_LIMIT
    rows = []
    for row, record in enumerate(table.to_dict("records")):
        low_support, high_support = str(record["low_support"]), str(record["high_support"])
        derived_low = grid.step_name(row, "low") not in ("", "claim", "partial", "incident")
        derived_high = grid.step_name(row, "high") not in ("", "claim")
        several = len(low_support.split(";")) > 1
        if (
            not full
            and record["n_claims"] == 0
            and record["status"] != "conflict"
            and not (derived_low and several and grid.step_name(row, "low") == "disjoint-sum")
        ):
            continue
        scope = Scope(**{d: str(record[d]) for d in DIMENSIONS}, trees=claims.trees)
        day = pd.Timestamp(record["as_of"]).date()
        lines: list[str] = []
        if exact:
            result = reconcile(claims, scope, day)
            low, high, status = result.low, result.high, str(result.status)
            support = [*result.low_support.claim_ids, *result.high_support.claim_ids]
            if low > 0 and Rule.CLAIM not in result.low_support.rules:
                lines.append(result.low_support.sentence)
            if high is not None and Rule.CLAIM not in result.high_support.rules:
                lines.append(result.high_support.sentence)
            lines.extend(f"set aside to restore consistency: {c}" for c in result.set_aside)
        else:
            low = int(record["low"])
            high = None if pd.isna(record["high"]) else int(record["high"])
            status = str(record["status"])
            support = [c for c in f"{low_support};{high_support}".split(";") if c]
            if derived_low and low > 0:
                lines.append(grid.explain(row, "low"))
            if derived_high and high is not None:
                lines.append(grid.explain(row, "high"))
            if record["set_aside"]:
                lines.append(f"set aside to restore consistency: {record['set_aside']}")
        rows.append(
            {
                "scope": str(scope),
                "as_of": str(day),
                "low": low,
                "high": "open" if high is None else high,
                "status": status,
                "sources": "; ".join(sorted({str(names[c]) for c in support if c in names})),
                "why": " | ".join(line for line in lines if line),
            }
        )
    return pd.DataFrame(rows)


def _cmd_reconcile(args: argparse.Namespace) -> int:
    claims = _load(args.claims)
    table = _reconcile_table(claims, full=getattr(args, "all", False))
    for line in table.to_dict("records"):
        print(
            f"{line['scope']:<58} {line['as_of']}  [{line['low']}, {line['high']}]  "
            f"{line['status']}  <- {line['sources']}"
        )
        if line["why"]:
            print(f"    {line['why']}")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    """Extract candidate claims from an article; write a claims CSV (stdout or ``-o``)."""
    from pathlib import Path

    from karabakh_tolls.extract import extract

    path = Path(args.article)
    try:
        text = path.read_bytes()
    except OSError as error:
        print(f"karabakh-tolls: cannot read {args.article!r}: {error.strerror}", file=sys.stderr)
        return 2
    document = args.document or path.name.split("_", 1)[0].removesuffix(".txt")
    claims = extract(text, published=args.published, document=document, outlet=args.outlet)
    if getattr(args, "review", False):
        from karabakh_tolls.extract import review

        if not args.output:
            print("karabakh-tolls: --review needs -o FILE for the reviewed claims", file=sys.stderr)
            return 2
        result = review(claims, text.decode("utf-8"), input=sys.stdin, output=sys.stderr)
        result.claims.to_csv(args.output)
        rejected = Path(args.output).with_suffix(".rejected.csv")
        result.rejected.to_csv(rejected)
        print(
            f"{len(result.claims)} claim(s) kept in {args.output}, {len(result.rejected)} "
            f"rejected in {rejected}, {result.unreviewed} left unreviewed",
            file=sys.stderr,
        )
        return 0
    if args.output:
        claims.to_csv(args.output)
        print(f"{len(claims)} claim(s) written to {args.output}", file=sys.stderr)
    else:
        claims.to_csv(sys.stdout)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    parser = argparse.ArgumentParser(
        prog="karabakh-tolls",
        description="Reconcile contradictory casualty claims into ranges with provenance.",
    )
    sub = parser.add_subparsers(dest="command")
    rec = sub.add_parser("reconcile", help="reconcile claims (default: the bundled seed set)")
    rec.add_argument("claims", nargs="?", help="a claims file (.csv, .jsonl, .parquet)")
    rec.add_argument("--all", action="store_true", help="every row, ancestors included")
    rec.set_defaults(func=_cmd_reconcile)
    ext = sub.add_parser("extract", help="extract candidate claims from an article (CSV out)")
    ext.add_argument("article", help="a UTF-8 text file")
    ext.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    ext.add_argument("--document", help="document id (default: the file name before '_')")
    ext.add_argument("--outlet", help="publisher id; source of unattributed statements")
    ext.add_argument("-o", "--output", help="write the CSV here instead of stdout")
    ext.add_argument(
        "--review",
        action="store_true",
        help="accept, correct or reject each candidate interactively (needs -o)",
    )
    ext.set_defaults(func=_cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["reconcile", *(argv or [])])
    try:
        return int(args.func(args))
    except KarabakhTollsError as error:
        print(f"karabakh-tolls: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
