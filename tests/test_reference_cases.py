"""SPEC §3: what the seed articles must give."""

from __future__ import annotations

import datetime as dt

import pytest

import karabakh_tolls as kt
from karabakh_tolls.resolution import Role, Rule


@pytest.fixture(scope="module")
def seeds() -> kt.ClaimSet:
    return kt.load_seed_claims()


def test_146_civilians_is_a_subscope_of_more_than_6000(seeds: kt.ClaimSet) -> None:
    day = "2021-01-14"
    everyone = kt.reconcile(seeds, kt.Scope("killed"), day)
    assert everyone.status == "consistent"
    assert everyone.low == 6001 and everyone.high is None
    assert everyone.low_support.claim_ids == ("c08",)
    civilians = kt.reconcile(seeds, kt.Scope("killed", "civilian"), day)
    assert (civilians.low, civilians.high) == (146, 146)
    assert civilians.spread == kt.exact(146)


def test_non_civilian_dead_are_derived(seeds: kt.ClaimSet) -> None:
    rest = kt.reconcile(seeds, kt.Scope("killed", "civilian"), "2021-01-14", complement=True)
    assert rest.low == 5855 and rest.high is None
    assert set(rest.low_support.claim_ids) == {"c07", "c08"}
    assert {cid: v for v, cid, _ in rest.low_support.terms} == {"c08": 6001, "c07": -146}
    assert Rule.EXHAUSTIVE in rest.low_support.rules
    assert "6001 (Amnesty International, c08) - 146 (Amnesty International, c07)" in (
        rest.explain()
    )
    summed = kt.reconcile(
        seeds, [kt.Scope("killed", "military"), kt.Scope("killed", "unknown")], "2021-01-14"
    )
    assert (summed.low, summed.high) == (5855, None)


def test_19_and_27_civilians_add_up_with_the_2_villagers(seeds: kt.ClaimSet) -> None:
    r = kt.reconcile(seeds, kt.Scope("killed", "civilian"), "2020-10-06")
    assert r.status == "consistent"
    assert r.low == 48
    assert set(r.low_support.claim_ids) == {"c09", "c11", "c12"}
    assert Rule.DISJOINT_SUM in r.low_support.rules
    assert r.low_support.sentence.startswith("killed/civilian ≥ 48 on 2020-10-06 = 19 (")
    for cid in ("c09", "c11", "c12"):
        assert r.roles[cid] is Role.USED
    # the figures themselves do not conflict: each is a different party
    for scope, figure in (("nagorno-karabakh", 19), ("azerbaijan", 27)):
        own = kt.reconcile(seeds, kt.Scope("killed", "civilian", party=scope), "2020-10-06")
        assert own.low >= figure


@pytest.mark.parametrize(
    "day", ["2020-10-06", "2020-10-07", "2020-10-15", "2020-10-28", "2020-10-29"]
)
def test_karabakh_military_dead_between_280_and_1166(seeds: kt.ClaimSet, day: str) -> None:
    r = kt.reconcile(seeds, kt.Scope("killed", "military", party="nagorno-karabakh"), day)
    assert 280 <= r.low <= (r.high or 0) <= 1166
    assert r.status == "consistent"
    if day not in ("2020-10-06", "2020-10-29"):
        assert (r.low, r.high) == (280, 1166)
        assert r.low_support.claim_ids == ("c14",) and Rule.MONOTONE in r.low_support.rules
        assert r.high_support.claim_ids == ("c18",)


def test_the_increment_gives_the_previous_report(seeds: kt.ClaimSet) -> None:
    r = kt.reconcile(seeds, "killed/military/party=nagorno-karabakh", "2020-10-05")
    assert (r.low, r.high) == (240, 240)
    assert Rule.INCREMENT in r.low_support.rules


def test_the_genocide_figure_never_enters_a_2020_toll(seeds: kt.ClaimSet) -> None:
    assert not (seeds.frame["low"] == 1_500_000).any()
    assert not (seeds.frame["high"] == 1_500_000).fillna(False).any()
    days = [dt.date(2020, 9, 27) + dt.timedelta(days=k) for k in range(0, 120, 7)]
    for day in days:
        r = kt.reconcile(seeds, kt.Scope("killed"), day)
        assert r.low < 1_500_000 and (r.high is None or r.high <= 5000 or r.high < 1_500_000)
        assert all(abs(v) != 1_500_000 for v, _, _ in r.low_support.terms)


def test_the_seed_set_is_consistent_and_every_claim_is_accounted_for(
    seeds: kt.ClaimSet,
) -> None:
    r = kt.reconcile(
        seeds, kt.Scope("killed", "civilian", party="azerbaijan", region="ganja"), "2020-10-20"
    )
    assert r.status == "consistent" and r.set_aside == ()
    assert r.low == 21  # Amnesty's 21 in the Ganja strike; the family of 4 is among them
    assert set(r.roles) == set(seeds.ids)
    assert r.roles["c16"] is Role.OUT_OF_SCOPE  # displacement is another outcome
