"""The exact solver (karabakh_tolls.model): worked examples and properties against a hidden
truth and a brute-force enumeration."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_tolls.errors import ReconciliationError
from karabakh_tolls.frame import WAR_START
from karabakh_tolls.model import (
    Constraint,
    Kind,
    Target,
    feasible,
    irreducible_subset,
    min_set_aside,
    solve,
)
from karabakh_tolls.scopes import default_trees
from karabakh_tolls.testing.instances import (
    Instance,
    brute_force_bounds,
    instances,
    small_trees,
    tiny_trees,
)

ALL = ("all", "all", "all", "all")
CIV = ("civilian", "all", "all", "all")
D1, D2, D3 = dt.date(2020, 10, 1), dt.date(2020, 10, 6), dt.date(2020, 10, 29)


def examples(n: int) -> int:
    """Modest locally, four times more under the "ci" hypothesis profile."""
    return n * 4 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else n


def total(
    cid: str,
    terms: tuple[str, str, str, str],
    low: int,
    high: int | None,
    as_of: dt.date,
    **kw: object,
) -> Constraint:
    return Constraint(cid, "killed", terms, low, high, WAR_START, as_of, **kw)  # type: ignore[arg-type]


def test_subscope_bounds_the_scope_and_the_complement_is_derived() -> None:
    cs = [total("a", CIV, 146, 146, D3), total("b", ALL, 6001, None, D3)]
    trees = default_trees()
    assert solve(cs, Target.of(CIV, D3), trees).high.value == 146
    rest = solve(cs, Target.of(ALL, D3, minus=[CIV]), trees)
    assert (rest.low.value, rest.high.value) == (5855, None)
    assert rest.low.multipliers == (("a", "high", 1.0), ("b", "low", 1.0))


def test_monotone_totals_bound_the_dates_between() -> None:
    nk = ("military", "nagorno-karabakh", "all", "all")
    cs = [total("a", nk, 280, 280, D2), total("b", nk, 1166, 1166, D3)]
    for day in (D2, dt.date(2020, 10, 15), D3):
        sol = solve(cs, Target.of(nk, day), default_trees())
        assert 280 <= sol.low.value <= sol.high.value <= 1166  # type: ignore[operator]
    before = solve(cs, Target.of(nk, D1), default_trees())
    assert (before.low.value, before.high.value) == (0, 280)


def test_increment_ties_two_dates() -> None:
    nk = ("military", "nagorno-karabakh", "all", "all")
    cs = [
        total("a", nk, 280, 280, D2),
        Constraint("b", "killed", nk, 40, 40, D2, D2, Kind.INCREMENT),
    ]
    sol = solve(cs, Target.of(nk, D2 - dt.timedelta(days=1)), default_trees())
    assert (sol.low.value, sol.high.value) == (240, 240)


def test_incident_claims_about_one_event_speak_of_the_same_people() -> None:
    ganja = ("civilian", "azerbaijan", "all", "ganja")
    day = dt.date(2020, 10, 17)
    strike = [
        Constraint("a", "killed", ganja, 21, 21, day, day, Kind.INCIDENT, event="g"),
        Constraint("f", "killed", ganja, 4, None, day, day, Kind.INCIDENT, True, "g"),
    ]
    trees = default_trees()
    sol = solve(strike, Target.of(ganja, D3), trees)
    assert (sol.low.value, sol.high.value) == (21, None)
    assert solve(strike, Target.of(ganja, day - dt.timedelta(days=1)), trees).high.value is None
    assert solve(strike, Target.of(ganja, day - dt.timedelta(days=1)), trees).low.value == 0
    # two complete claims about one event must agree
    clash = [*strike, Constraint("b", "killed", ganja, 4, 4, day, day, Kind.INCIDENT, event="g")]
    assert not feasible(clash, trees)
    # the family stays inside the event: with a 10-strong total the event cannot be 21
    assert not feasible([*strike, total("t", ALL, 0, 10, D3)], trees)


def test_conflict_sets_aside_the_fewest_and_names_an_irreducible_core() -> None:
    cs = [total("a", ALL, 5, 5, D2), total("b", ALL, 7, 7, D2), total("c", CIV, 3, 3, D2)]
    trees = default_trees()
    assert not feasible(cs, trees)
    assert min_set_aside(cs, trees) == ("b",)
    assert min_set_aside(cs, trees, {"a": 1.0, "b": 5.0}) == ("a",)
    assert irreducible_subset([cs[0], cs[2], cs[1]], trees, "b") == ("a", "b")
    with pytest.raises(ReconciliationError, match="weights"):
        min_set_aside(cs, trees, {"a": 0.0})


def test_outcomes_never_add_up_and_bad_constraints_are_named() -> None:
    with pytest.raises(ReconciliationError, match=r"'w'.*wounded"):
        solve(
            [Constraint("w", "wounded", ALL, 1, 1, WAR_START, D2)],
            Target.of(ALL, D2),
            default_trees(),
        )
    with pytest.raises(ReconciliationError, match="low=5, high=2"):
        total("x", ALL, 5, 2, D2)
    with pytest.raises(ReconciliationError, match="event"):
        Constraint("x", "killed", ALL, 1, 1, D2, D2, Kind.INCIDENT)


def test_stock_outcomes_have_no_time_relation() -> None:
    trees = default_trees()
    cs = [Constraint("d", "displaced", ALL, 100, 200, D2, D2)]
    at = solve(cs, Target.of(ALL, D2, outcome="displaced"), trees)
    assert (at.low.value, at.high.value) == (100, 200)
    later = solve(cs, Target.of(ALL, D3, outcome="displaced"), trees)
    assert (later.low.value, later.high.value) == (0, None)


# --- properties ----------------------------------------------------------------------------------
QUERIES = [
    ALL,
    CIV,
    ("military", "east", "all", "north"),
    ("all", "e1", "all", "all"),
    ("civilian", "west", "all", "south"),
]


@settings(max_examples=examples(60))
@given(instances(max_claims=8), st.sampled_from(QUERIES), st.integers(0, 3))
def test_soundness_every_range_contains_the_truth(
    instance: Instance, query: tuple[str, str, str, str], day: int
) -> None:
    # Fails if any rule is unsound (e.g. incidents not inside totals, a wrong exhaustive
    # remainder, wrong time windows): the hidden truth would fall outside, or the true claims
    # would be reported infeasible.
    target = Target.of(query, instance.days[day])
    sol = solve(instance.constraints, target, instance.trees)
    assert sol.feasible
    truth = instance.target_value(target)
    assert sol.low.value is not None and sol.low.value <= truth
    assert sol.high.value is None or truth <= sol.high.value


TINY_QUERIES = [ALL, CIV, ("military", "a", "all", "all"), ("all", "a", "all", "all")]


@settings(max_examples=examples(80))
@given(
    instances(tiny_trees(), n_days=2, max_claims=5, incidents=False, lies=True),
    st.sampled_from(TINY_QUERIES),
    st.integers(0, 1),
)
def test_tightness_equals_brute_force(
    instance: Instance, query: tuple[str, str, str, str], day: int
) -> None:
    # Fails if the LP is loose (a rule missing, e.g. exhaustive remainders not fixed to zero)
    # or too tight (a spurious rule), or if an LP bound is fractional and wrongly rounded:
    # the brute force enumerates every integer truth with counts 0..3.
    cap = total("zz-cap", ALL, 0, 3, instance.days[-1])
    cs = [*instance.constraints, cap]
    target = Target.of(query, instance.days[day])
    expected = brute_force_bounds(instance.trees, instance.days, cs, target, 3)
    sol = solve(cs, target, instance.trees)
    if expected is None:
        assert not sol.feasible
    else:
        assert sol.feasible
        assert (sol.low.value, sol.high.value) == expected
        assert sol.low.integral and sol.high.integral  # the LP vertex was already integral


@settings(max_examples=examples(40))
@given(instances(max_claims=6, lies=True))
def test_set_aside_is_minimal_and_restores_consistency(instance: Instance) -> None:
    # Fails if the big-M is too small (a claim set aside without need), or the MILP misses
    # a cheaper set: removing the answer must be feasible and no single claim fewer must be.
    trees = small_trees()
    aside = min_set_aside(instance.constraints, trees)
    kept = [c for c in instance.constraints if c.id not in aside]
    assert feasible(kept, trees)
    assert len(aside) <= len(instance.lies)  # dropping every lie restores the truth
    for cid in aside:
        core = irreducible_subset(
            [*kept, *(c for c in instance.constraints if c.id == cid)], trees, cid
        )
        assert cid in core
        members = [c for c in instance.constraints if c.id in core]
        assert not feasible(members, trees)
        for c in members:
            assert feasible([m for m in members if m is not c], trees)
