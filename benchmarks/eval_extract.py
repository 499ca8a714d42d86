"""Evaluate ``karabakh_tolls.extract`` on the seed articles and on the held-out wire set.

Usage: ``.venv/bin/python benchmarks/eval_extract.py`` (from the repository root).

Reference: ``seeds/claims.csv`` for the five seed articles, ``tests/data/wire/claims.csv`` for
the eight held-out wire texts (written before the rules were tuned, never used to tune them).
Prints precision and recall of figure detection and the accuracy of each scope field over the
matched claims, then the misses and spurious claims of each set.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from karabakh_tolls import read_claims
from karabakh_tolls.extract import extract
from karabakh_tolls.extract._evaluate import Score, score

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WIRE = ROOT / "tests" / "data" / "wire"


def evaluate_set(folder: Path, pattern: str) -> tuple[Score, float]:
    """Extract every text of ``folder`` and score it against ``folder/claims.csv``."""
    reference = read_claims(folder / "claims.csv").to_frame()
    frames = []
    elapsed = 0.0
    for path in sorted(folder.glob(pattern)):
        document = path.name[:3]
        rows = reference[reference["document"] == document]
        published = rows["published"].iloc[0].date().isoformat()
        outlet = str(rows["outlet"].iloc[0])
        text = path.read_text(encoding="utf-8")
        began = time.perf_counter()
        claims = extract(text, published=published, document=document, outlet=outlet)
        elapsed += time.perf_counter() - began
        frames.append(claims.to_frame())
    extracted = pd.concat(frames, ignore_index=True)
    return score(extracted, reference), elapsed


def main() -> None:
    """Print the evaluation of both sets."""
    for name, folder, pattern in (
        ("seeds (5 articles)", SEEDS, "[0-9][0-9][0-9]_*.txt"),
        ("wire, held out (8 texts)", WIRE, "w[0-9][0-9].txt"),
    ):
        result, elapsed = evaluate_set(folder, pattern)
        print(
            f"== {name}: {result.n_reference} reference, {result.n_extracted} extracted, "
            f"{result.n_matched} matched ({elapsed * 1000:.0f} ms)"
        )
        print(result.table().to_string(index=False, float_format=lambda v: f"{v:.2f}"))
        print(f"missed: {', '.join(result.misses) or '-'}")
        print(f"spurious: {', '.join(result.spurious) or '-'}")
        print()


if __name__ == "__main__":
    main()
