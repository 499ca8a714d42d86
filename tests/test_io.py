"""Reading and writing claim tables, and the bundled seed set."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import karabakh_tolls as kt
from karabakh_tolls.errors import ClaimValidationError, Reason
from karabakh_tolls.io import seed_article, seed_documents
from karabakh_tolls.testing.tables import claim_frames

FORMATS = ("csv", "jsonl", "parquet")


def test_seed_claims_load_and_every_quote_sits_at_its_span() -> None:
    claims = kt.load_seed_claims()
    assert len(claims) >= 20
    for claim in claims:
        assert claim.document is not None and claim.span is not None and claim.quote
        text = seed_article(claim.document)
        start, end = claim.span
        assert text[start:end] == claim.quote, claim.id
        if claim.figure.text:
            assert claim.figure.text in claim.quote


def test_seed_figures_agree_with_the_parser() -> None:
    for claim in kt.load_seed_claims():
        if claim.figure.hedge is kt.Hedge.IMPLICIT:
            continue
        parsed = kt.Figure.parse(claim.figure.text)
        assert (parsed.low, parsed.high) == (claim.low, claim.high), claim.id


def test_the_genocide_toll_is_not_a_seed_claim() -> None:
    frame = kt.load_seed_claims().to_frame()
    assert not (frame["low"] >= 1_000_000).any()
    assert (frame["as_of"] >= pd.Timestamp("2020-09-27")).all()


def test_seed_documents_are_the_five_articles() -> None:
    assert sorted(seed_documents()) == ["000", "001", "002", "003", "004"]
    with pytest.raises(KeyError, match="known"):
        seed_article("999")


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_set_round_trips_exactly(tmp_path: Path, fmt: str) -> None:
    claims = kt.load_seed_claims()
    path = tmp_path / f"claims.{fmt}"
    getattr(claims, f"to_{fmt}")(path)
    again = kt.read_claims(path)
    pd.testing.assert_frame_equal(again.to_frame(), claims.to_frame())
    assert again == claims


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(claim_frames(max_rows=6))
def test_every_format_round_trips_any_valid_table(tmp_path: Path, raw: pd.DataFrame) -> None:
    claims = kt.ClaimSet.from_frame(raw)
    for fmt in FORMATS:
        path = tmp_path / f"t.{fmt}"
        getattr(claims, f"to_{fmt}")(path)
        again = kt.read_claims(path)
        pd.testing.assert_frame_equal(again.to_frame(), claims.to_frame(), obj=fmt)


def test_bad_csv_names_row_column_and_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "claim_id,low,high,outcome,as_of,source,document\n"
        "a,5,3,killed,2020-10-06,x,d\n"
        "b,1,1,kiled,2020-10-06,x,d\n"
        "c,1,1,killed,2020-10-06,x,d\n",
        encoding="utf-8",
    )
    with pytest.raises(ClaimValidationError) as info:
        kt.read_claims(path)
    problems = {(p.row, p.column, p.reason) for p in info.value.problems}
    assert problems == {(0, "high", Reason.LOW_ABOVE_HIGH), (1, "outcome", Reason.UNKNOWN_TERM)}
    assert "did you mean 'killed'" in str(info.value)
    report = kt.read_claims(path, errors="report")
    assert report.ids == ("c",) and len(report.rejected) == 2


def test_bad_jsonl_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"claim_id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ClaimValidationError, match="row 1"):
        kt.read_claims(path)


def test_unknown_suffix_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"claims\.xlsx"):
        kt.read_claims(tmp_path / "claims.xlsx")
