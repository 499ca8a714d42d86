"""Rules written on the tenth holdout's misses of figures, outcomes and kinds.

Each table holds real-looking phrasings (written for these tests, not copied from the holdout)
and cases that each rule must leave alone; every test fails without its rule.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import karabakh_tolls as kt
from karabakh_tolls.extract import extract

# A small war of two states, with places on both sides, for the tables below.
WAR = kt.War(
    "border-war-test",
    "a border war (test trees)",
    start="1998-05-06",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party",
            {"all": ["northland", "southland"]},
            aliases={"northern": "northland", "southern": "southland"},
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region",
            {"all": ["northland", "southland"], "northland": ["avon"], "southland": ["bree"]},
        ),
    ),
)
PUBLISHED = "1999-03-18"


def _frame(text: str, published: str = PUBLISHED) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract(text, published=published, document="t", war=WAR).to_frame()


def _claims(text: str, published: str = PUBLISHED) -> dict[str, dict[str, object]]:
    """Each claim's figure phrase -> its low, high, outcome and kind."""
    frame = _frame(text, published)
    out: dict[str, dict[str, object]] = {}
    for _, row in frame.iterrows():
        assert row["figure"] not in out, frame[["figure", "note"]]
        high = row["high"]
        out[str(row["figure"])] = {
            "low": int(row["low"]),
            "high": None if pd.isna(high) else int(high),
            "outcome": row["outcome"],
            "kind": row["kind"],
        }
    return out


def _check(text: str, expected: dict[str, dict[str, object] | None]) -> None:
    """Every expected figure is a claim with those fields (``None``: no claim of that figure)."""
    got = _claims(text)
    for figure, fields in expected.items():
        if fields is None:
            assert figure not in got, got
            continue
        assert figure in got, got
        assert {k: got[figure][k] for k in fields} == fields, got


# --- number phrases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a tens word and a units word written apart are one number
            "Thirty four soldiers were killed and sixty one wounded in the assault.",
            {
                "Thirty four": {"low": 34, "high": 34, "outcome": "killed"},
                "sixty one": {"low": 61, "high": 61, "outcome": "wounded"},
            },
        ),
        (  # "a million", "half a million" are numbers like "a thousand"
            "About half a million people have fled the fighting, the agency said.",
            {"About half a million": {"low": 450000, "high": 550000, "outcome": "displaced"}},
        ),
        (
            "The war has displaced over a million people.",
            {"over a million": {"low": 1000001, "high": None, "outcome": "displaced"}},
        ),
        (  # left alone: two numbers that are no tens and units stay two
            "Twenty people and two children died.",
            {"Twenty": {"low": 20}, "two": {"low": 2}},
        ),
        (  # left alone: a hyphenated number is read as before
            "Forty-two civilians were wounded.",
            {"Forty-two": {"low": 42, "outcome": "wounded"}},
        ),
    ],
)
def test_number_words_written_apart_and_millions_are_figures(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)
