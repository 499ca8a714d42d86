"""The sentence a journalist can quote: plain words, the sources of each bound, honest bounds."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls import cite

SEEDS = kt.load_seed_claims()
JARGON = re.compile(r"subscope|disjoint|exhaustive|monotone|\[|\]|killed/|party=|≥|≤|None")


def _r(scope: str, day: str, **options: object) -> kt.Resolution:
    return kt.reconcile(SEEDS, scope, day, **options)  # type: ignore[arg-type]


def test_seed_civilians_name_the_sources_of_each_bound() -> None:
    assert _r("killed/civilian", "2020-10-06").cite() == (
        "Between 48 and 101 civilians were killed by 6 October 2020, according to "
        "Artak Beglaryan (Nagorno-Karabakh human rights ombudsman) and Azatutyun "
        "(RFE/RL Armenian Service) (lower bound), Amnesty International (upper bound) and the "
        "Azerbaijani authorities in Baku (both bounds)."
    )


@pytest.mark.parametrize(
    ("scope", "day", "options", "expected"),
    [
        (
            "killed",
            "2021-01-14",
            {},
            "At least 6,001 people were killed by 14 January 2021, according to Amnesty "
            "International; no source gives an upper bound.",
        ),
        (
            "killed/military/party=nagorno-karabakh",
            "2020-10-29",
            {},
            "1,166 soldiers from Nagorno-Karabakh were killed by 29 October 2020, according "
            "to the Nagorno-Karabakh Defense Ministry.",
        ),
        (
            "killed/civilian",
            "2021-01-14",
            {"complement": True},
            "At least 5,855 people other than civilians were killed by 14 January 2021, "
            "according to Amnesty International; no source gives an upper bound.",
        ),
        (
            "displaced/party=nagorno-karabakh/region=nagorno-karabakh",
            "2020-10-06",
            {},
            "Between 70,000 and 75,000 people from Nagorno-Karabakh were displaced in "
            "Nagorno-Karabakh on 6 October 2020, according to Artak Beglaryan (Nagorno-Karabakh "
            "human rights ombudsman).",
        ),
        (
            "killed/civilian/party=azerbaijan/perpetrator=armenian-side/region=azerbaijan",
            "2020-11-10",
            {},
            "Between 72 and 122 civilians from Azerbaijan were killed by the Armenian side in "
            "Azerbaijan by 10 November 2020, according to Antiwar.com (news.antiwar.com) "
            "(upper bound) and Amnesty International (both bounds).",
        ),
        (
            "captured",
            "2020-10-01",
            {},
            "No source gives a figure for the people captured on 1 October 2020.",
        ),
    ],
)
def test_seed_sentences(scope: str, day: str, options: dict[str, object], expected: str) -> None:
    assert _r(scope, day, **options).cite() == expected


def test_policy_is_named_when_not_the_default() -> None:
    text = _r("killed/civilian", "2020-10-06", policy=kt.INDEPENDENT_ONLY).cite()
    assert text.endswith("Sources counted: independent sources only.")
    assert "Azerbaijani authorities" not in text


def test_conflict_names_what_was_set_aside(contested_ganja: kt.ClaimSet) -> None:
    claims = SEEDS + contested_ganja
    r = kt.reconcile(claims, "killed/civilian/region=ganja", "2020-10-17")
    assert r.status == "conflict"
    text = r.cite()
    assert "Some figures contradict each other: claim c90 was set aside" in text
    assert "cannot be true together with c06" in text
    assert "leaves it out" in text


def test_no_jargon_in_any_seed_sentence() -> None:
    table = kt.reconcile_all(SEEDS)
    keys = table.loc[table["n_claims"] > 0, [*kt.Scope().as_dict(), "as_of"]]
    for record in keys.drop_duplicates().to_dict("records"):
        day = pd.Timestamp(record.pop("as_of")).date()
        text = kt.reconcile(SEEDS, kt.Scope(**record), day).cite()
        assert not JARGON.search(text), text
        assert text.endswith(".") and (text[0].isupper() or text[0].isdigit())


def test_open_upper_bound_and_missing_lower_bound_are_said() -> None:
    day = dt.date(1995, 5, 1)
    scope = kt.Scope("killed", "military")
    assert cite.sentence(scope, day, 0, 5000, high_sources=["Russian government"]) == (
        "At most 5,000 soldiers were killed by 1 May 1995, according to the Russian "
        "government; no source gives a lower bound."
    )
    one = cite.sentence(scope, day, 1, None, low_sources=["A witness"])
    assert one.startswith("At least 1 soldier was killed by 1 May 1995")


def test_another_war_reads_in_its_own_terms() -> None:
    """Claims of another war, with trees of its own: the words follow the trees and dates."""
    trees = (
        kt.default_trees()
        .with_node("party", "myanmar")
        .with_node("party", "insurgent-side")
        .with_node("region", "rakhine")
    )
    war = kt.War("hypo-2015", "A hypothetical war", start="2015-01-01", trees=trees)
    source = kt.Source("monitor", "Conflict Monitor, field team", "ngo")

    def claim(cid: str, text: str, scope: kt.Scope) -> kt.Claim:
        return kt.Claim(
            cid, kt.Figure.parse(text), scope, "2015-10-15", source, document="r1", war=war
        )

    state = kt.Scope("killed", "civilian", party="myanmar", trees=trees)
    rebels = kt.Scope("killed", "civilian", party="insurgent-side", region="rakhine", trees=trees)
    claims = kt.ClaimSet([claim("m1", "more than 300", state), claim("m2", "up to 40", rebels)])
    r = kt.reconcile(claims, state, "2015-10-15")
    assert r.cite() == (
        "At least 301 civilians from Myanmar were killed by 15 October 2015, according to "
        "Conflict Monitor (field team); no source gives an upper bound."
    )
    r = kt.reconcile(claims, rebels, "2015-10-15")
    assert r.cite() == (
        "At most 40 civilians on the Insurgent side were killed in Rakhine by 15 October 2015, "
        "according to Conflict Monitor (field team); no source gives a lower bound."
    )
    assert r.to_frame()["war"][0] == "hypo-2015"


def test_source_phrases() -> None:
    assert cite.source_phrase("Office of the Ombudsman") == "the Office of the Ombudsman"
    assert cite.source_phrase("The Ministry of Health") == "The Ministry of Health"
    assert cite.source_phrase("Azatutyun (RFE/RL Armenian Service)") == (
        "Azatutyun (RFE/RL Armenian Service)"
    )
    kept = "Ramiz Gahramanov, Ganja resident (witness, relative of victims)"
    assert cite.source_phrase(kept) == kept
    # a source known only by its id keeps it bare ("according to the ministry-z" reads wrong)
    assert cite.source_phrase("ministry-z") == "ministry-z"
    assert cite.source_phrase("health_ministry") == "health_ministry"
    assert cite.source_phrase("Health Ministry") == "the Health Ministry"
    assert cite.join_names(["A", "B", "A", "C"]) == "A, B and C"


def test_legend_covers_every_rule() -> None:
    assert set(cite.RULES) == {rule.value for rule in kt.Rule}
    assert all(not JARGON.search(words) for words in cite.RULES.values())


@given(
    low=st.integers(0, 2**63 - 1),
    span=st.one_of(st.none(), st.integers(0, 2**40)),
    day=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    sources=st.lists(st.sampled_from(["Amnesty International", "Russian government", "X"])),
)
def test_sentence_states_the_range_it_is_given(
    low: int, span: int | None, day: dt.date, sources: list[str]
) -> None:
    high = None if span is None else low + span
    text = cite.sentence(kt.Scope(), day, low, high, low_sources=sources, high_sources=sources)
    if low > 0 or sources:
        assert cite.format_count(low) in text or (high is not None and low == 0)
    if high is not None and (low > 0 or sources):
        assert cite.format_count(high) in text
    if high is None:
        assert "no source gives an upper bound" in text or text.startswith("No source")
    assert cite.format_date(day) in text
    for name in sources:
        assert cite.source_phrase(name) in text


def test_to_frame_is_one_row_of_the_table() -> None:
    r = _r("killed/civilian", "2020-10-06")
    row = r.to_frame()
    assert len(row) == 1
    table = kt.reconcile_all(SEEDS)
    shared = list(table.columns)
    assert list(row.columns[: len(shared)]) == shared
    assert dict(row.dtypes[shared]) == dict(table.dtypes[shared])
    assert (int(row.low[0]), int(row.high[0])) == (48, 101)
    assert row.sentence[0] == r.cite() and row.explanation[0] == r.explain()
    both = pd.concat([table.iloc[:1], row], ignore_index=True)
    assert len(both) == 2
    open_row = _r("killed", "2021-01-14").to_frame()
    assert open_row.high.isna()[0] and open_row.high_support[0] == ""
