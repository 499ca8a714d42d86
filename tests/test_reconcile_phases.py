"""Counting phases: a running total over its own window (``since`` after the war's start).

A ministry that restarts its count at a new escalation says "50 killed since 1 June": a count
of the days 1 June .. as_of, not of the whole war. These tests check, through the public
``kt.reconcile`` and ``kt.reconcile_all``, that such windows are reconciled as what they are.
Expected ranges are worked out by hand in each test; the properties check the windows against
a hidden truth (``karabakh_tolls.testing.instances``, whose increments have later windows).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.testing.instances import Instance, instances, small_trees, to_frame

SMALL = small_trees()
TERMS = [
    ("all", "all", "all", "all"),
    ("civilian", "all", "all", "all"),
    ("all", "east", "all", "all"),
    ("military", "e1", "all", "north"),
]


def war(start: str) -> kt.War:
    return kt.War(f"phases-{start[:4]}", "A war with two phases", start=start)


def claims_of(w: kt.War, *rows: dict[str, object]) -> kt.ClaimSet:
    base = {"outcome": "killed", "source": "ministry", "document": "d"}
    return kt.ClaimSet.from_frame(pd.DataFrame([base | r for r in rows]), wars=[w])


def on(w: kt.War, month: int, day: int) -> str:
    return dt.date(w.start.year, month, day).isoformat()


def restarted(w: kt.War) -> kt.ClaimSet:
    """100 killed by 31 May since the war's start; then, counted afresh, 50 from 1 June."""
    return claims_of(
        w,
        {"claim_id": "a", "low": 100, "high": 100, "as_of": on(w, 5, 31)},
        {
            "claim_id": "b",
            "low": 50,
            "high": 50,
            "since": on(w, 6, 1),
            "as_of": on(w, 7, 1),
        },
    )


WARS = [war("1991-01-01"), war("2015-01-01")]


@pytest.mark.parametrize("w", WARS, ids=lambda w: w.id)
@pytest.mark.parametrize(
    ("month", "day", "expected"),
    [
        (5, 31, (100, 100)),  # a alone
        (6, 15, (100, 150)),  # at least a; at most a + b (the count never falls)
        (7, 1, (150, 150)),  # a + b: the two phases add up
        (8, 1, (150, None)),  # at least a + b; nothing bounds it later
    ],
)
def test_a_restarted_count_adds_to_the_first_phase(
    w: kt.War, month: int, day: int, expected: tuple[int, int | None]
) -> None:
    r = kt.reconcile(restarted(w), "killed", on(w, month, day))
    assert (r.low, r.high) == expected
    assert r.status == "consistent"


@pytest.mark.parametrize("w", WARS, ids=lambda w: w.id)
def test_a_phase_inside_a_total_fixes_the_first_phase(w: kt.War) -> None:
    # 120 since the start by 20 June, 30 of them since 1 June: 90 by 31 May, exactly
    claims = claims_of(
        w,
        {"claim_id": "total", "low": 120, "high": 120, "as_of": on(w, 6, 20)},
        {"claim_id": "phase", "low": 30, "high": 30, "since": on(w, 6, 1), "as_of": on(w, 6, 20)},
    )
    r = kt.reconcile(claims, "killed", on(w, 5, 31))
    assert (r.low, r.high) == (90, 90)
    assert set(r.low_support.claim_ids) == {"total", "phase"}
    mid = kt.reconcile(claims, "killed", on(w, 6, 10))
    assert (mid.low, mid.high) == (90, 120)


def test_a_phase_of_a_sub_scope_bounds_the_rest() -> None:
    # civilians: 10 by 31 May, 20 more from 1 June to 1 July; everyone: 150 by 1 July.
    # So 30 civilians by 1 July, and the non-civilians are 150 - 30 = 120.
    w = WARS[1]
    claims = claims_of(
        w,
        {"claim_id": "civ1", "low": 10, "high": 10, "category": "civilian", "as_of": "2015-05-31"},
        {
            "claim_id": "civ2",
            "low": 20,
            "high": 20,
            "category": "civilian",
            "since": "2015-06-01",
            "as_of": "2015-07-01",
        },
        {"claim_id": "all", "low": 150, "high": 150, "as_of": "2015-07-01"},
    )
    civilians = kt.reconcile(claims, "killed/civilian", "2015-07-01")
    assert (civilians.low, civilians.high) == (30, 30)
    rest = kt.reconcile(claims, "killed/civilian", "2015-07-01", complement=True)
    assert (rest.low, rest.high) == (120, 120)


def test_a_phase_larger_than_the_whole_war_is_a_conflict() -> None:
    w = WARS[1]
    claims = claims_of(
        w,
        {"claim_id": "total", "low": 120, "high": 120, "as_of": "2015-06-20", "source": "x"},
        {
            "claim_id": "phase",
            "low": 150,
            "high": 150,
            "since": "2015-06-01",
            "as_of": "2015-06-20",
            "source": "y",
        },
    )
    r = kt.reconcile(claims, "killed", "2015-06-20")
    assert r.status == "conflict" and len(r.set_aside) == 1


def test_both_engines_give_the_exact_ranges_of_a_restarted_count() -> None:
    claims = restarted(WARS[1])
    exact = kt.reconcile_all(claims, method="exact")
    fast = kt.reconcile_all(claims, method="propagate")
    columns = ["as_of", "low", "high"]
    pd.testing.assert_frame_equal(exact[columns], fast[columns])
    row = exact.loc[exact["as_of"] == pd.Timestamp("2015-07-01")].iloc[0]
    assert (row.low, row.high) == (150, 150)
    # b counts June only: no claim speaks of the whole war's total on 1 July
    assert pd.isna(row.spread_low) and row.n_claims == 0


def test_the_fast_engine_keeps_window_counts_out_of_the_spread() -> None:
    fast = kt.reconcile_all(restarted(WARS[1]), method="propagate")
    row = fast.loc[fast["as_of"] == pd.Timestamp("2015-07-01")].iloc[0]
    assert pd.isna(row.spread_low) and row.n_claims == 0


def test_explain_says_a_count_runs_over_its_window() -> None:
    r = kt.reconcile(restarted(WARS[1]), "killed", "2015-07-01")
    assert "2015-06-01" in r.explain()
    assert kt.Rule.CLAIM not in r.low_support.rules


# --- properties against a hidden truth ---------------------------------------------------------


def windowed(instance: Instance) -> pd.DataFrame:
    """The instance's claims with every increment written as a cumulative count over its own
    window (``kind`` cumulative, ``since`` kept): the same statement in another form."""
    frame = to_frame(instance)
    frame["kind"] = frame["kind"].replace({"increment": "cumulative"})
    return frame


def truth_of(instance: Instance, terms: tuple[str, str, str, str], day: dt.date) -> int:
    return instance.count(terms, instance.start, day)


@given(instances(SMALL, max_claims=6), st.sampled_from(TERMS), st.data())
def test_window_counts_are_sound_and_mean_what_increments_mean(
    instance: Instance, terms: tuple[str, str, str, str], data: st.DataObject
) -> None:
    # Fails if a count over its own window is read as running from the war's start (the
    # truth would fall outside, or true claims would conflict), or differs from the same
    # window written as an increment.
    day = data.draw(st.sampled_from(instance.days))
    scope = kt.Scope("killed", *terms, trees=SMALL)
    as_window = kt.ClaimSet.from_frame(windowed(instance), wars=[instance.war])
    as_increment = kt.ClaimSet.from_frame(to_frame(instance), wars=[instance.war])
    r = kt.reconcile(as_window, scope, day)
    truth = truth_of(instance, terms, day)
    assert r.status == "consistent"
    assert r.low <= truth and (r.high is None or truth <= r.high)
    s = kt.reconcile(as_increment, scope, day)
    assert (r.low, r.high) == (s.low, s.high)


@given(instances(SMALL, max_claims=6))
def test_the_fast_engine_holds_the_truth_with_window_counts(instance: Instance) -> None:
    # Fails if propagation reads a window count as a whole-war total: some row's range would
    # exclude the hidden truth.
    claims = kt.ClaimSet.from_frame(windowed(instance), wars=[instance.war])
    table = kt.reconcile_all(claims, method="propagate")
    for row in table.itertuples():
        terms = (row.category, row.party, row.perpetrator, row.region)
        truth = truth_of(instance, terms, row.as_of.date())
        assert row.low <= truth, row
        assert pd.isna(row.high) or truth <= row.high, row
