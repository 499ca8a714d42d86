"""Integrity checks for the hand annotations in seeds/claims.csv.

Plain pytest + csv/pathlib only: this file must not import the package, so that the
annotations can be checked independently of the code that consumes them.
"""

import csv
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CLAIMS = SEEDS / "claims.csv"

COLUMNS = [
    "claim_id",
    "figure",
    "low",
    "high",
    "hedge",
    "outcome",
    "category",
    "party",
    "perpetrator",
    "region",
    "kind",
    "since",
    "as_of",
    "event",
    "coverage",
    "source",
    "source_name",
    "source_kind",
    "source_affiliation",
    "via",
    "outlet",
    "document",
    "published",
    "quote",
    "span_start",
    "span_end",
    "note",
]
HEDGES = {
    "exact",
    "more-than",
    "at-least",
    "fewer-than",
    "at-most",
    "nearly",
    "approximate",
    "range",
    "vague",
    "implicit",
}
OUTCOMES = {"killed", "wounded", "displaced", "missing", "captured"}
CATEGORIES = {"all", "civilian", "military", "unknown"}
KINDS = {"cumulative", "increment", "incident"}
SOURCE_KINDS = {
    "ngo",
    "government",
    "de-facto-authority",
    "media",
    "intergovernmental",
    "individual",
}


def _read_rows():
    with CLAIMS.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def _articles():
    texts = {}
    for path in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")):
        texts[path.name[:3]] = path.read_text(encoding="utf-8")
    return texts


HEADER, ROWS = _read_rows()
ARTICLES = _articles()


def _ids(rows):
    return [r["claim_id"] for r in rows]


def _is_iso_date(value):
    parts = value.split("-")
    return (
        len(value) == 10
        and len(parts) == 3
        and [len(p) for p in parts] == [4, 2, 2]
        and all(p.isdigit() for p in parts)
        and 1 <= int(parts[1]) <= 12
        and 1 <= int(parts[2]) <= 31
    )


def test_header_is_exactly_the_documented_columns():
    assert HEADER == COLUMNS


def test_there_are_rows_for_every_seed_article():
    assert len(ARTICLES) == 5
    assert {r["document"] for r in ROWS} == set(ARTICLES)


def test_claim_ids_are_unique_and_sequential():
    ids = _ids(ROWS)
    assert len(ids) == len(set(ids))
    assert ids == [f"c{i:02d}" for i in range(1, len(ids) + 1)]


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_quote_sits_exactly_at_its_span(row):
    text = ARTICLES[row["document"]]
    start, end = int(row["span_start"]), int(row["span_end"])
    assert 0 <= start < end <= len(text)
    assert text[start:end] == row["quote"]
    assert "\n" not in row["quote"]


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_figure_is_a_substring_of_quote(row):
    assert row["figure"]
    assert row["figure"] in row["quote"]


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_interval_and_vocabulary(row):
    low = int(row["low"])
    assert low >= 0
    if row["high"] != "":
        assert low <= int(row["high"])
    assert row["hedge"] in HEDGES
    assert row["outcome"] in OUTCOMES
    assert row["category"] in CATEGORIES
    assert row["kind"] in KINDS
    assert row["coverage"] in {"complete", "partial"}
    assert row["source_kind"] in SOURCE_KINDS
    assert row["source"] and row["outlet"]


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_dates_are_iso_and_ordered(row):
    for col in ("since", "as_of", "published"):
        assert _is_iso_date(row[col]), (col, row[col])
    assert row["since"] <= row["as_of"]
    assert row["as_of"] <= row["published"]
    assert row["since"] >= "2020-09-27"
    if row["kind"] == "incident":
        assert row["event"] and row["since"] == row["as_of"]
    else:
        assert row["event"] == ""


def test_the_1915_genocide_toll_is_not_a_claim():
    text = ARTICLES["003"]
    start = text.index("1.5 million")
    end = start + len("1.5 million")
    for row in ROWS:
        assert "1.5 million" not in row["figure"]
        assert "million" not in row["figure"].lower()
        assert 1_500_000 not in {int(row["low"]), int(row["high"] or 0)}
        if row["document"] == "003":
            s, e = int(row["span_start"]), int(row["span_end"])
            assert e <= start or s >= end, row["claim_id"]


def test_non_count_figures_are_not_claims():
    figures = {r["figure"].lower() for r in ROWS}
    for phrase in (
        "64-year-old",
        "300mm",
        "100 km",
        "six weeks",
        "two weeks",
        "50 percent",
        "90 percent",
        "half",
    ):
        assert not any(phrase in f for f in figures), phrase
