"""Evaluate ``karabakh_tolls.extract`` on the seeds, the wire set and the real sets.

Usage: ``.venv/bin/python benchmarks/eval_extract.py`` (from the repository root).

- seeds: the five seed articles, reference ``seeds/claims.csv`` (the rules were developed on
  them: fitted figures);
- wire: ``tests/data/wire/`` (eight synthetic wire texts written by the developers);
- real: ``tests/data/real_text/`` (real reporting, annotated before any tuning), reported for
  its ``dev`` part (22 passages' first ten: tuned on), its ``holdout`` part (never tuned on),
  its ``holdout2`` part (14 passages added later, annotated before the extractor ever ran on
  them; tuned on since its first run), its ``holdout3`` part (17 passages added after that,
  annotated and committed before the extractor ever ran on them; tuned on since its first run),
  its ``holdout4`` part (16 passages added after that, annotated and committed before the
  extractor ever ran on them; tuned on since its first run), its ``holdout5`` part (17 passages
  added after that, annotated and committed before the extractor ever ran on them; tuned on
  since its first run), its ``holdout6`` part (17 passages added after that, annotated and
  committed before the extractor ever ran on them; tuned on since its first run), its
  ``holdout7`` part (17 passages added after that, annotated and committed before the extractor
  ever ran on them; tuned on since its first run), its ``holdout8`` part (19 passages added after
  that, annotated and committed before the extractor ever ran on them; tuned on since its first
  run), its ``holdout9`` part (16 passages added after that, annotated and committed before the
  extractor ever ran on them; tuned on since its first run), its ``holdout10`` part (18 passages
  added after that, annotated and committed before the extractor ever ran on them; tuned on
  since its first run), its ``holdout11`` part (17 passages added after that, annotated and
  committed before the extractor ever ran on them; tuned on since its first run), the first two
  together (the set of the first evaluation) and all twelve together.

Options: ``--sets=seeds,wire`` evaluates only the named sets; ``--details=NAME`` (e.g.
``--details="real dev"``) also prints, for that set, each field where a matched claim differs
from its reference; ``--markdown`` prints the table as Markdown.

Prints, per set: figure detection precision and recall, then over the matched figures the
accuracy of the value (low, high), of each scope field, of the source and of the as-of date; then
the misses and the spurious claims. Each war of the real set is extracted with its own start and
trees (``tests/data/real_text/wars.toml``).
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from karabakh_tolls import read_claims
from karabakh_tolls.extract import extract
from karabakh_tolls.extract._evaluate import Score, annotation_wars, same_source, score
from karabakh_tolls.frame import validate_frame
from karabakh_tolls.wars import War as KtWar

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WIRE = ROOT / "tests" / "data" / "wire"
REAL = ROOT / "tests" / "data" / "real_text"
MEASURES = (
    ("precision", "figure detection precision"),
    ("recall", "figure detection recall"),
    ("interval", "figure value (low, high)"),
    ("outcome", "scope: outcome"),
    ("category", "scope: category"),
    ("party", "scope: party"),
    ("perpetrator", "scope: perpetrator"),
    ("region", "scope: region"),
    ("scope", "scope: all five fields"),
    ("source", "source attribution"),
    ("as_of", "as-of date"),
    ("kind", "kind (cumulative / increment / incident)"),
)


def real_wars() -> dict[str, KtWar]:
    """The wars of ``wars.toml``, each with its trees (bundled ones where it gives none)."""
    return annotation_wars(REAL / "wars.toml")


def _extract(text: str, rows: pd.DataFrame, document: str, war: KtWar | None) -> pd.DataFrame:
    published = pd.Timestamp(rows["published"].iloc[0]).date().isoformat()
    outlet = str(rows["outlet"].iloc[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = extract(text, published=published, document=document, outlet=outlet, war=war)
    return claims.to_frame()


def evaluate_set(folder: Path, pattern: str) -> tuple[Score, float]:
    """Extract every text of ``folder`` and score it against ``folder/claims.csv``."""
    reference = read_claims(folder / "claims.csv").to_frame()
    frames = []
    began = time.perf_counter()
    for path in sorted(folder.glob(pattern)):
        document = path.name[:3]
        rows = reference[reference["document"] == document]
        frames.append(_extract(path.read_text(encoding="utf-8"), rows, document, None))
    elapsed = time.perf_counter() - began
    return score(pd.concat(frames, ignore_index=True), reference), elapsed


def evaluate_real(parts: tuple[str, ...]) -> tuple[Score, float]:
    """Score the real set's ``parts`` (``dev``, ``holdout``), each war with its own trees."""
    wars = real_wars()
    raw = pd.read_csv(REAL / "claims.csv", dtype=str, keep_default_na=False)
    raw = raw[raw["part"].isin(parts)]
    references, frames = [], []
    began = time.perf_counter()
    for document, rows in raw.groupby("document", sort=True):
        real = wars[rows["war"].iloc[0]]
        good, problems = validate_frame(rows, real.trees, wars=[real])
        if problems:
            raise SystemExit(f"{document}: bad reference rows: {problems[0]}")
        references.append(good)
        text = (REAL / rows["part"].iloc[0] / f"{document}.txt").read_text(encoding="utf-8")
        frames.append(_extract(text, good, str(document), real))
    elapsed = time.perf_counter() - began
    reference = pd.concat(references, ignore_index=True)
    return score(pd.concat(frames, ignore_index=True), reference), elapsed


DETAIL_FIELDS = (
    "low",
    "high",
    "outcome",
    "category",
    "party",
    "perpetrator",
    "region",
    "source",
    "as_of",
    "kind",
)


def details(result: Score) -> list[str]:
    """One line per matched pair and field where the extracted claim differs from the reference."""
    lines = []
    for ref, ext in result.pairs:
        for name in DETAIL_FIELDS:
            if name not in ref.index or name not in ext.index:
                continue
            a, b = ref[name], ext[name]
            if isinstance(a, pd.Timestamp):
                a = a.date().isoformat()
            if isinstance(b, pd.Timestamp):
                b = b.date().isoformat()
            if name == "source":
                if same_source(ref, ext):
                    continue
                a, b = f"{a} ({ref.get('source_name')})", f"{b} ({ext.get('source_name')})"
            if str(a) != str(b):
                lines.append(
                    f"{ref['claim_id']} {name}: reference {a} / extracted {b} ({ext['claim_id']})"
                )
    return lines


def table(results: dict[str, Score]) -> pd.DataFrame:
    """One row per measure, one column per evaluated set."""
    rows = []
    for key, label in MEASURES:
        row = {"measure": label}
        for name, result in results.items():
            values = {"precision": result.precision, "recall": result.recall}
            values |= dict(result.accuracy)
            row[name] = values.get(key, float("nan"))
        rows.append(row)
    counts = {"measure": "claims: reference / extracted / matched"}
    for name, result in results.items():
        counts[name] = f"{result.n_reference} / {result.n_extracted} / {result.n_matched}"
    return pd.DataFrame([counts, *rows])


def main() -> None:
    """Print the table of every set, then each set's misses and spurious claims."""
    results: dict[str, Score] = {}
    timing: dict[str, float] = {}
    runs = {
        "seeds": lambda: evaluate_set(SEEDS, "[0-9][0-9][0-9]_*.txt"),
        "wire": lambda: evaluate_set(WIRE, "w[0-9][0-9].txt"),
        "real dev": lambda: evaluate_real(("dev",)),
        "real holdout": lambda: evaluate_real(("holdout",)),
        "real holdout 2": lambda: evaluate_real(("holdout2",)),
        "real holdout 3": lambda: evaluate_real(("holdout3",)),
        "real holdout 4": lambda: evaluate_real(("holdout4",)),
        "real holdout 5": lambda: evaluate_real(("holdout5",)),
        "real holdout 6": lambda: evaluate_real(("holdout6",)),
        "real holdout 7": lambda: evaluate_real(("holdout7",)),
        "real holdout 8": lambda: evaluate_real(("holdout8",)),
        "real holdout 9": lambda: evaluate_real(("holdout9",)),
        "real holdout 10": lambda: evaluate_real(("holdout10",)),
        "real holdout 11": lambda: evaluate_real(("holdout11",)),
        "real dev+holdout": lambda: evaluate_real(("dev", "holdout")),
        "real all": lambda: evaluate_real(
            (
                "dev",
                "holdout",
                "holdout2",
                "holdout3",
                "holdout4",
                "holdout5",
                "holdout6",
                "holdout7",
                "holdout8",
                "holdout9",
                "holdout10",
                "holdout11",
            )
        ),
    }
    chosen = [a.removeprefix("--sets=").split(",") for a in sys.argv if a.startswith("--sets=")]
    for name, run in runs.items():
        if chosen and name not in chosen[0]:
            continue
        results[name], timing[name] = run()
    frame = table(results)
    if "--markdown" in sys.argv:
        print(frame.to_markdown(index=False, floatfmt=".2f"))
    else:
        print(frame.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    print()
    shown = {a.removeprefix("--details=") for a in sys.argv if a.startswith("--details=")}
    for name, result in results.items():
        print(f"== {name} ({timing[name] * 1000:.0f} ms)")
        print(f"missed: {', '.join(result.misses) or '-'}")
        print(f"spurious: {', '.join(result.spurious) or '-'}")
        if name in shown:
            print("\n".join(details(result)) or "no field differs")


if __name__ == "__main__":
    main()
