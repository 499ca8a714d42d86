"""Hypothesis strategies for claim tables: valid rows, and rows with one planted defect.

Users can reuse them to test their own pipelines:

>>> from hypothesis import given
>>> from karabakh_tolls.testing.tables import claim_frames
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from hypothesis import strategies as st

from karabakh_tolls.claims import ClaimKind, Coverage
from karabakh_tolls.scopes import default_trees
from karabakh_tolls.sources import SourceKind
from karabakh_tolls.wars import default_war

__all__ = ["BAD_ROW_KINDS", "bad_records", "claim_frames", "claim_records"]

_TREES = default_trees()
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() == s and s != "")


@st.composite
def claim_records(draw: st.DrawFn, claim_id: str | None = None) -> dict[str, Any]:
    """One valid claim row as a plain dict (dates as ``datetime.date``)."""
    low = draw(st.integers(0, 10_000_000))
    high = draw(st.one_of(st.none(), st.integers(low, low + 1_000_000)))
    war = default_war()
    since = war.start + dt.timedelta(days=draw(st.integers(0, 30)))
    kind = draw(st.sampled_from([k.value for k in ClaimKind]))
    last = 60 if kind != ClaimKind.INCIDENT or war.end is None else (war.end - since).days
    as_of = since + dt.timedelta(days=draw(st.integers(0, last)))
    quote = draw(st.one_of(st.none(), _TEXT))
    start = draw(st.integers(0, 10_000))
    record: dict[str, Any] = {
        "claim_id": claim_id or draw(_TEXT),
        "figure": draw(st.one_of(st.none(), _TEXT)),
        "low": low,
        "high": high,
        "hedge": "exact" if high == low else ("at-least" if high is None else "range"),
        "outcome": draw(st.sampled_from(_TREES["outcome"].nodes[1:])),
        "category": draw(st.sampled_from(_TREES["category"].nodes)),
        "party": draw(st.sampled_from(_TREES["party"].nodes)),
        "perpetrator": draw(st.sampled_from(_TREES["perpetrator"].nodes)),
        "region": draw(st.sampled_from(_TREES["region"].nodes)),
        "kind": kind,
        "since": since,
        "as_of": as_of,
        "event": draw(_TEXT) if kind == ClaimKind.INCIDENT else draw(st.one_of(st.none(), _TEXT)),
        "coverage": draw(st.sampled_from([c.value for c in Coverage])),
        "source": draw(_TEXT),
        "source_name": draw(_TEXT),
        "source_kind": draw(st.sampled_from([k.value for k in SourceKind])),
        "source_affiliation": draw(st.sampled_from(["independent", "armenia", "azerbaijan"])),
        "via": draw(st.one_of(st.none(), _TEXT)),
        "outlet": draw(st.one_of(st.none(), _TEXT)),
        "document": draw(_TEXT),
        "published": draw(st.one_of(st.none(), st.just(as_of + dt.timedelta(days=1)))),
        "quote": quote,
        "span_start": None if quote is None else start,
        "span_end": None if quote is None else start + len(quote),
        "note": draw(st.one_of(st.none(), _TEXT)),
    }
    return record


BAD_ROW_KINDS = (
    "negative",
    "inverted",
    "fraction",
    "unknown-term",
    "bad-date",
    "date-order",
    "no-source",
    "not-a-number",
)


@st.composite
def bad_records(draw: st.DrawFn, claim_id: str) -> tuple[dict[str, Any], str]:
    """A claim row with one planted defect, and the defect's name (one of BAD_ROW_KINDS)."""
    record = draw(claim_records(claim_id))
    defect = draw(st.sampled_from(BAD_ROW_KINDS))
    if defect == "negative":
        record["low"] = -draw(st.integers(1, 1000))
    elif defect == "inverted":
        record["low"], record["high"] = 10, draw(st.integers(0, 9))
    elif defect == "fraction":
        record["low"] = draw(st.integers(0, 100)) + 0.5
    elif defect == "unknown-term":
        record["region"] = "atlantis"
    elif defect == "bad-date":
        record["as_of"] = draw(st.sampled_from(["2020-02-30", "yesterday", "2020-13-01"]))
    elif defect == "date-order":
        record["since"], record["as_of"] = dt.date(2020, 10, 5), dt.date(2020, 10, 1)
    elif defect == "no-source":
        record["source"] = None
    else:
        record["low"] = "many"
    return record, defect


@st.composite
def claim_frames(draw: st.DrawFn, max_rows: int = 8) -> pd.DataFrame:
    """A valid claim table with unique ids."""
    n = draw(st.integers(0, max_rows))
    records = [draw(claim_records(f"c{i}")) for i in range(n)]
    columns = list(draw(claim_records("x")).keys())
    return pd.DataFrame.from_records(records, columns=columns)
