"""Scoring extracted claims against hand-annotated reference claims.

A reference claim is *found* when an extracted claim of the same document covers the position of
its figure in the text (figures are located through the reference's quote and span); pairs are
matched one to one, preferring the same party (so the two rows of "dozens on both sides" pair
up). Precision is matched extracted claims over all extracted claims, recall matched reference
claims over all reference claims; each field's accuracy is over the matched pairs.

:func:`annotation_wars` reads the wars an annotation is written against (a TOML file of war ids,
names, starts and the party and region trees that replace the bundled ones).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from karabakh_tolls.scopes import ScopeTree, default_trees
from karabakh_tolls.wars import War

__all__ = ["FIELDS", "SCOPE_FIELDS", "Score", "annotation_wars", "same_source", "score"]


def annotation_wars(path: Path) -> dict[str, War]:
    """The wars of an annotation's TOML file by id, each with the bundled trees, its own
    ``party`` and ``region`` trees (and their ``*_aliases``) replacing them where it gives any,
    and its ``territory`` table (region -> party) where it gives one."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    wars = {}
    for ident, spec in data.items():
        trees = default_trees()
        for dimension in ("party", "region"):
            if dimension in spec:
                tree = ScopeTree.from_mapping(
                    dimension, spec[dimension], aliases=spec.get(f"{dimension}_aliases", {})
                )
                trees = trees.replace(dimension, tree)
        if "territory" in spec:
            trees = trees.with_territory(spec["territory"])
        wars[ident] = War(ident, spec["name"], start=spec["start"], trees=trees)
    return wars


FIELDS = (
    "interval",
    "outcome",
    "category",
    "party",
    "perpetrator",
    "region",
    "source",
    "as_of",
    "kind",
    "scope",
)
SCOPE_FIELDS = ("outcome", "category", "party", "perpetrator", "region")


@dataclass(frozen=True, slots=True)
class Score:
    """Detection precision/recall and per-field accuracy of one evaluation."""

    n_reference: int
    n_extracted: int
    n_matched: int
    accuracy: Mapping[str, float]
    misses: tuple[str, ...]
    spurious: tuple[str, ...]
    pairs: tuple[tuple[pd.Series, pd.Series], ...] = field(default=(), compare=False, repr=False)
    """The matched (reference row, extracted row) pairs, in reference order."""

    @property
    def precision(self) -> float:
        """Share of extracted claims that match a reference claim (1.0 when none extracted)."""
        return self.n_matched / self.n_extracted if self.n_extracted else 1.0

    @property
    def recall(self) -> float:
        """Share of reference claims found (1.0 when there are none)."""
        return self.n_matched / self.n_reference if self.n_reference else 1.0

    def table(self) -> pd.DataFrame:
        """One row per measure: precision, recall, then each field's accuracy."""
        rows = [("precision", self.precision), ("recall", self.recall)]
        rows += [(f"accuracy: {name}", value) for name, value in self.accuracy.items()]
        return pd.DataFrame(rows, columns=["measure", "value"])


def _figure_position(row: pd.Series) -> tuple[int, int]:
    if "figure_start" in row.index and not pd.isna(row["figure_start"]):
        return int(row["figure_start"]), int(row["figure_end"])
    quote = str(row["quote"])
    offset = quote.find(str(row["figure"]))
    start = int(row["span_start"]) + max(offset, 0)
    return start, start + len(str(row["figure"]))


def _speaker_key(name: object) -> str:
    text = "" if name is None or (isinstance(name, float) and name != name) else str(name)
    text = "" if text in ("<NA>", "nan") else text.lower()
    text = re.sub(r"['\u2019]s?\b", "", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip())
    return re.sub(r"[^\w]+", " ", text).strip()


def same_source(ref: pd.Series, ext: pd.Series) -> bool:
    """Same source id; or, for a speaker the source table does not know (kind ``other``), the
    speaker phrases overlap (one contains the other, articles and possessives dropped)."""
    if str(ref["source"]) == str(ext["source"]):
        return True
    if "source_kind" not in ref.index or str(ref["source_kind"]) != "other":
        return False
    a, b = _speaker_key(ref.get("source_name")), _speaker_key(ext.get("source_name"))
    return bool(a and b and (a in b or b in a))


def _value(row: pd.Series, name: str) -> str:
    if name == "interval":
        high = row["high"]
        return f"{int(row['low'])}..{'' if pd.isna(high) else int(high)}"
    value = row[name]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return "" if pd.isna(value) else str(value)


def score(extracted: pd.DataFrame, reference: pd.DataFrame) -> Score:
    """Compare extracted claims (with ``figure_start``/``figure_end``) to reference claims.

    Both frames are claim tables (``ClaimSet.to_frame()``); neither is modified.

    >>> ref = pd.DataFrame({"document": ["d"], "figure": ["5"], "quote": ["5 died"],
    ...                     "span_start": [0], "claim_id": ["r1"], "party": ["all"]})
    >>> out = pd.DataFrame({"document": ["d"], "figure_start": [0], "figure_end": [1],
    ...                     "claim_id": ["x1"], "party": ["all"]})
    >>> s = score(out, ref)
    >>> s.precision, s.recall
    (1.0, 1.0)
    """
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    misses = []
    for r_pos, (_, ref) in enumerate(reference.iterrows()):
        start, end = _figure_position(ref)
        options = [
            i
            for i, (_, ext) in enumerate(extracted.iterrows())
            if i not in used
            and ext["document"] == ref["document"]
            and int(ext["figure_start"]) < end
            and start < int(ext["figure_end"])
        ]
        if not options:
            misses.append(str(ref["claim_id"]))
            continue
        same_party = [i for i in options if extracted.iloc[i]["party"] == ref["party"]]
        chosen = (same_party or options)[0]
        used.add(chosen)
        pairs.append((r_pos, chosen))
    accuracy = {}
    for name in FIELDS:
        if not pairs or (name not in ("interval", "scope") and name not in reference.columns):
            continue
        if name == "interval" and "low" not in reference.columns:
            continue
        if name == "scope" and not all(
            d in reference.columns and d in extracted.columns for d in SCOPE_FIELDS
        ):
            continue
        if name == "scope":
            hits = sum(
                all(
                    _value(reference.iloc[r], d) == _value(extracted.iloc[e], d)
                    for d in SCOPE_FIELDS
                )
                for r, e in pairs
            )
        elif name == "source":
            hits = sum(same_source(reference.iloc[r], extracted.iloc[e]) for r, e in pairs)
        else:
            hits = sum(
                _value(reference.iloc[r], name) == _value(extracted.iloc[e], name) for r, e in pairs
            )
        accuracy[name] = hits / len(pairs)
    spurious = tuple(
        str(extracted.iloc[i]["claim_id"]) for i in range(len(extracted)) if i not in used
    )
    matched = tuple((reference.iloc[r], extracted.iloc[e]) for r, e in pairs)
    return Score(
        len(reference), len(extracted), len(pairs), accuracy, tuple(misses), spurious, matched
    )
