"""Rules for the perpetrator and the region on real reporting: each a table of real-looking
phrasings, with cases each rule must leave alone. The wars are those of the evaluation
(`tests/data/real_text/wars.toml`), so the trees and aliases are the ones the rules meet there."""

from __future__ import annotations

import tomllib
import warnings
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

import karabakh_tolls as kt
from karabakh_tolls.extract import extract

WARS_TOML = Path(__file__).resolve().parent / "data" / "real_text" / "wars.toml"


@cache
def _wars() -> dict[str, kt.War]:
    data = tomllib.loads(WARS_TOML.read_text(encoding="utf-8"))
    wars = {}
    for ident, spec in data.items():
        trees = kt.default_trees()
        for dimension in ("party", "region"):
            if dimension in spec:
                tree = kt.ScopeTree.from_mapping(
                    dimension, spec[dimension], aliases=spec.get(f"{dimension}_aliases", {})
                )
                trees = trees.replace(dimension, tree)
        wars[ident] = kt.War(ident, spec["name"], start=spec["start"], trees=trees)
    return wars


def _row(war: str, text: str, figure: str, published: str) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(text, published=published, document="t", war=_wars()[war]).to_frame()
    rows = frame[frame["figure"] == figure]
    assert len(rows) == 1, frame[["figure", "note"]]
    return rows.iloc[0]


def _check(war: str, text: str, published: str, figure: str, expected: Mapping[str, str]) -> None:
    row = _row(war, text, figure, published)
    assert {k: row[k] for k in expected} == dict(expected), row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # the group's dead in a raid: the state's doing
            "mali-2012",
            "Twelve jihadists were killed in the raids, according to government figures.",
            "2019-10-03",
            "Twelve",
            {"party": "jihadist-groups", "perpetrator": "mali"},
        ),
        (  # "as the security forces destroyed the house"
            "kashmir-1988",
            "All the three militants were also killed as the security forces destroyed the "
            "house they were holed up in.",
            "2020-02-13",
            "three",
            {"party": "militants", "perpetrator": "india"},
        ),
        (  # a group's bodies found after the fighting
            "pakistan-kp-2004",
            "When the firing stopped, the police searched the site and found the bodies of five "
            "terrorists.",
            "2023-04-20",
            "five",
            {"perpetrator": "pakistan"},
        ),
        (  # left alone: the sentence names the group as the attacker of its own dead
            "somalia-2006",
            "The Shebab have claimed responsibility for the attack, in which three of their "
            "gunmen were also killed.",
            "2023-06-10",
            "three",
            {"party": "al-shabaab", "perpetrator": "all"},
        ),
        (  # left alone: a count of a calendar period counts what both sides did
            "kashmir-1988",
            "The report said 257 terrorists were killed in Jammu and Kashmir last year.",
            "2019-10-26",
            "257",
            {"party": "militants", "perpetrator": "all"},
        ),
        (  # left alone: a count of the whole war
            "sri-lanka-1983",
            "More than 20,000 Tamil Tiger rebels have been killed in the war, the ministry said.",
            "2009-04-05",
            "More than 20,000",
            {"perpetrator": "all"},
        ),
        (  # left alone: the state's own dead take no killer from this rule
            "mali-2012",
            "Twelve soldiers were killed in the raids, according to government figures.",
            "2019-10-03",
            "Twelve",
            {"perpetrator": "all"},
        ),
        (  # left alone: a war of several armed groups names no other side
            "drc-adf-1996",
            "Five rebels were killed in the raid, the army said.",
            "2021-10-01",
            "Five",
            {"perpetrator": "all"},
        ),
    ],
)
def test_an_armed_groups_dead_fall_to_the_state(
    war: str, text: str, published: str, figure: str, expected: dict[str, str]
) -> None:
    # Fails without `_group_dead_to_state` (the first three keep perpetrator `all`) or if it
    # reaches the group's own attack, a period's or the whole war's count, the state's own dead
    # or a war of several armed groups.
    _check(war, text, published, figure, expected)


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # the group that claimed the attack is its attacker
            "mozambique-2017",
            "Insurgents claimed responsibility for the attack, in which 12 villagers were killed.",
            "2021-04-01",
            "12",
            {"perpetrator": "insurgents"},
        ),
        (  # left alone: a denied claim names no one
            "kashmir-1988",
            "So far, no militant group claimed responsibility for the attack, in which four "
            "policemen were killed.",
            "2019-09-21",
            "four",
            {"perpetrator": "all"},
        ),
    ],
)
def test_a_claim_of_responsibility_names_the_attacker(
    war: str, text: str, published: str, figure: str, expected: dict[str, str]
) -> None:
    # Fails without "claimed responsibility" among the lexicon's subject verbs (the first keeps
    # `all`) or without the denial check (the second reads `militants`).
    _check(war, text, published, figure, expected)
