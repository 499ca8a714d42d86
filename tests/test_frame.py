"""The claim table's count columns: exact integers from 0 to 2**63 - 1, whatever the cell type.

(Validation of whole tables -- every bad row at once, no row lost -- is tested with claim sets
in ``test_claims.py``; this file tests how one count cell is read.)
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from karabakh_tolls.errors import Reason
from karabakh_tolls.figures import MAX_COUNT
from karabakh_tolls.frame import read_count, validate_frame

COUNTS = st.integers(0, MAX_COUNT)


def _spellings(n: int) -> list[object]:
    return [
        n,
        np.int64(n),
        np.uint64(n),
        str(n),
        f"{n:,}",
        f"+{n}",
        f" {n} ",
        Decimal(n),
        Fraction(n),
        f"{n}.000",
    ]


@given(COUNTS)
def test_every_spelling_of_a_count_reads_as_exactly_that_count(n: int) -> None:
    for spelling in _spellings(n):
        assert read_count(spelling) == n, spelling


@given(st.integers(MAX_COUNT + 1, 10**40))
def test_every_count_above_the_largest_is_too_large(n: int) -> None:
    for spelling in (n, str(n), f"{n:,}", Decimal(n), f"{n}e0"):
        verdict = read_count(spelling)
        assert isinstance(verdict, tuple) and verdict[0] is Reason.TOO_LARGE, spelling


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("inf", Reason.NOT_A_NUMBER),
        ("-Infinity", Reason.NOT_A_NUMBER),
        ("NaN", Reason.NOT_A_NUMBER),
        (float("inf"), Reason.NOT_A_NUMBER),
        ("1e400", Reason.TOO_LARGE),
        ("1e20", Reason.TOO_LARGE),
        (1e20, Reason.INEXACT),
        (float(2**53), Reason.INEXACT),
        ("2^63", Reason.NOT_A_NUMBER),
        ("3.0000000000000001", Reason.NOT_INTEGER),
        (2.5, Reason.NOT_INTEGER),
        (Fraction(1, 3), Reason.NOT_INTEGER),
        ("1e-999999999", Reason.NOT_INTEGER),
        ("-1", Reason.NEGATIVE),
        (-1, Reason.NEGATIVE),
        (True, Reason.BAD_TYPE),
        ([1], Reason.BAD_TYPE),
        ("1,2,3", Reason.NOT_A_NUMBER),
        ("1 000", Reason.NOT_A_NUMBER),
    ],
    ids=repr,
)
def test_a_cell_that_is_no_count_says_why(cell: object, reason: Reason) -> None:
    verdict = read_count(cell)
    assert isinstance(verdict, tuple) and verdict[0] is reason


@pytest.mark.parametrize("cell", [None, "", "  ", float("nan"), pd.NA])
def test_an_empty_cell_is_missing(cell: object) -> None:
    assert read_count(cell) is None


def _table(low: pd.Series) -> pd.DataFrame:
    n = len(low)
    return pd.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(n)],
            "low": low,
            "outcome": "killed",
            "as_of": "2020-10-06",
            "source": "x",
            "document": "d",
        }
    )


@given(st.lists(st.one_of(COUNTS, st.integers(MAX_COUNT + 1, 2**64 - 1)), max_size=8))
@pytest.mark.parametrize("dtype", ["object", "string", "uint64"])
def test_a_count_column_of_any_dtype_is_exact_and_never_wraps(dtype: str, ns: list[int]) -> None:
    values = [str(n) for n in ns] if dtype == "string" else ns
    good, problems = validate_frame(_table(pd.Series(values, dtype=dtype)))
    kept = [n for n in ns if n <= MAX_COUNT]
    assert good["low"].tolist() == kept
    assert [p.row for p in problems] == [i for i, n in enumerate(ns) if n > MAX_COUNT]
    assert all(p.reason is Reason.TOO_LARGE for p in problems)


def test_float_columns_are_taken_only_while_exact() -> None:
    good, problems = validate_frame(_table(pd.Series([1.0, 2.0**53, np.nan, 2.5, np.inf])))
    assert good["low"].tolist() == [1]
    found = {p.row: p.reason for p in problems}
    assert found == {
        1: Reason.INEXACT,
        2: Reason.MISSING_VALUE,
        3: Reason.NOT_INTEGER,
        4: Reason.NOT_A_NUMBER,
    }


def test_a_long_cell_is_abridged_in_its_problem() -> None:
    _, problems = validate_frame(_table(pd.Series(["9" * 10_000], dtype="string")))
    (problem,) = problems
    assert problem.reason is Reason.TOO_LARGE and len(problem.value) < 100


# --- a table that gives its figures as phrases only ------------------------------------------


def _phrases(figures: list[object], **columns: object) -> pd.DataFrame:
    table = _table(pd.Series([None] * len(figures), dtype=object)).drop(columns="low")
    return table.assign(figure=figures, **columns)


@pytest.mark.parametrize(
    ("phrase", "low", "high", "hedge"),
    [
        ("146", 146, 146, "exact"),
        ("more than 6,000", 6001, None, "more-than"),
        ("at least 120 civilians", 120, None, "at-least"),
        ("between 100 and 150", 100, 150, "range"),
        ("up to 5,000", 0, 5000, "at-most"),
        ("9,223,372,036,854,775,807", MAX_COUNT, MAX_COUNT, "exact"),
    ],
)
def test_a_row_without_bounds_takes_them_from_its_figure_phrase(
    phrase: str, low: int, high: int | None, hedge: str
) -> None:
    good, problems = validate_frame(_phrases([phrase]))
    assert problems == ()
    row = good.iloc[0]
    assert int(row["low"]) == low
    assert (None if pd.isna(row["high"]) else int(row["high"])) == high
    assert row["hedge"] == hedge


@given(COUNTS)
def test_a_phrase_count_is_read_exactly(n: int) -> None:
    good, _ = validate_frame(_phrases([f"at least {n:,} people"]))
    assert good["low"].tolist() == [n] and good["high"].isna().all()


def test_given_bounds_and_hedge_win_over_the_phrase() -> None:
    table = _phrases(["more than 6,000", "about 40"], hedge=[None, "range"]).assign(
        low=[5000, None], high=[None, None]
    )
    good, problems = validate_frame(table)
    assert problems == ()
    assert good["low"].tolist() == [5000, 36]  # the first row's own low is kept
    assert good["hedge"].tolist() == ["at-least", "range"]


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [("the year 1994", Reason.YEAR), ("50 percent", Reason.NOT_PEOPLE), ("many", None)],
)
def test_a_phrase_that_gives_no_count_is_its_rows_problem(phrase: str, reason: Reason) -> None:
    good, problems = validate_frame(_phrases(["12", phrase]))
    assert good["claim_id"].tolist() == ["c0"]
    mine = [p for p in problems if p.column == "figure"]
    assert [p.row for p in mine] == [1] and mine[0].value == phrase
    if reason is not None:
        assert mine[0].reason is reason


def test_without_a_figure_column_low_is_still_required() -> None:
    _, problems = validate_frame(_table(pd.Series([1])).drop(columns="low"))
    assert [(p.column, p.reason) for p in problems] == [("low", Reason.MISSING_COLUMN)]
