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

from karabakh_tolls.claims import ClaimSet
from karabakh_tolls.errors import KarabakhTollsError
from karabakh_tolls.io import load_seed_claims, read_claims

__all__ = ["main"]


def _load(path: str | None) -> ClaimSet:
    return load_seed_claims() if path is None else read_claims(path)


def _reconcile_table(claims: ClaimSet) -> pd.DataFrame:
    """One row per (scope, date) that a claim speaks about directly."""
    from karabakh_tolls.reconcile import reconcile

    frame = claims.frame
    keys = frame.drop_duplicates(["outcome", "category", "party", "perpetrator", "region", "as_of"])
    rows = []
    for claim_id in keys["claim_id"]:
        claim = claims[str(claim_id)]
        result = reconcile(claims, claim.scope, claim.as_of)
        names = frame.loc[frame["claim_id"].isin(result.direct), "source_name"].unique()
        rows.append(
            {
                "scope": str(claim.scope),
                "as_of": str(result.as_of),
                "low": result.low,
                "high": "open" if result.high is None else result.high,
                "status": result.status,
                "sources": "; ".join(sorted(str(n) for n in names)),
            }
        )
    return pd.DataFrame(rows)


def _cmd_reconcile(args: argparse.Namespace) -> int:
    claims = _load(args.claims)
    table = _reconcile_table(claims)
    with pd.option_context(
        "display.max_rows", None, "display.width", 200, "display.max_colwidth", 60
    ):
        print(table.to_string(index=False))
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
    rec.set_defaults(func=_cmd_reconcile)
    ext = sub.add_parser("extract", help="extract candidate claims from an article (CSV out)")
    ext.add_argument("article", help="a UTF-8 text file")
    ext.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    ext.add_argument("--document", help="document id (default: the file name before '_')")
    ext.add_argument("--outlet", help="publisher id; source of unattributed statements")
    ext.add_argument("-o", "--output", help="write the CSV here instead of stdout")
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
