"""The exact solver (karabakh_tolls.model): worked examples and properties against a hidden
truth and a brute-force enumeration."""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import ReconciliationError
from karabakh_tolls.model import (
    ConflictAnalysis,
    Constraint,
    Kind,
    Target,
    analyse_conflicts,
    feasible,
    irreducible_subset,
    min_set_aside,
    solve,
)
from karabakh_tolls.scopes import ScopeTrees, default_trees
from karabakh_tolls.testing.instances import (
    Instance,
    brute_force_bounds,
    instances,
    small_trees,
    tiny_trees,
    to_frame,
)

# Eight cells, every node exhaustive: category x party x perpetrator, each binary.
CUBE = ScopeTrees.from_dict(
    {
        "outcome": {"cumulative": ["killed"], "nodes": {"all": {"children": ["killed"]}}},
        "category": {"nodes": {"all": {"children": ["civilian", "military"], "exhaustive": True}}},
        "party": {"nodes": {"all": {"children": ["a", "b"], "exhaustive": True}}},
        "perpetrator": {"nodes": {"all": {"children": ["p", "q"], "exhaustive": True}}},
        "region": {"nodes": {}},
    }
)

ALL = ("all", "all", "all", "all")
CIV = ("civilian", "all", "all", "all")
D1, D2, D3 = dt.date(2020, 10, 1), dt.date(2020, 10, 6), dt.date(2020, 10, 29)

WAR_START = dt.date(2020, 9, 27)  # the first day of the seed claims' war


def examples(n: int) -> int:
    """Modest locally, four times more under the "ci" hypothesis profile."""
    return n * 4 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else n


def total(
    cid: str,
    terms: tuple[str, str, str, str],
    low: int,
    high: int | None,
    as_of: dt.date,
    since: dt.date = WAR_START,
    **kw: object,
) -> Constraint:
    return Constraint(cid, "killed", terms, low, high, since, as_of, **kw)  # type: ignore[arg-type]


def test_subscope_bounds_the_scope_and_the_complement_is_derived() -> None:
    cs = [total("a", CIV, 146, 146, D3), total("b", ALL, 6001, None, D3)]
    trees = default_trees()
    assert solve(cs, Target.of(CIV, D3, since=WAR_START), trees).high.value == 146
    rest = solve(cs, Target.of(ALL, D3, minus=[CIV], since=WAR_START), trees)
    assert (rest.low.value, rest.high.value) == (5855, None)
    assert rest.low.multipliers == (("a", "high", 1.0), ("b", "low", 1.0))


def test_monotone_totals_bound_the_dates_between() -> None:
    nk = ("military", "nagorno-karabakh", "all", "all")
    cs = [total("a", nk, 280, 280, D2), total("b", nk, 1166, 1166, D3)]
    for day in (D2, dt.date(2020, 10, 15), D3):
        sol = solve(cs, Target.of(nk, day, since=WAR_START), default_trees())
        assert 280 <= sol.low.value <= sol.high.value <= 1166  # type: ignore[operator]
    before = solve(cs, Target.of(nk, D1, since=WAR_START), default_trees())
    assert (before.low.value, before.high.value) == (0, 280)


def test_increment_ties_two_dates() -> None:
    nk = ("military", "nagorno-karabakh", "all", "all")
    cs = [
        total("a", nk, 280, 280, D2),
        Constraint("b", "killed", nk, 40, 40, D2, D2, Kind.INCREMENT),
    ]
    sol = solve(cs, Target.of(nk, D2 - dt.timedelta(days=1), since=WAR_START), default_trees())
    assert (sol.low.value, sol.high.value) == (240, 240)


def test_incident_claims_about_one_event_speak_of_the_same_people() -> None:
    ganja = ("civilian", "azerbaijan", "all", "ganja")
    day = dt.date(2020, 10, 17)
    strike = [
        Constraint("a", "killed", ganja, 21, 21, day, day, Kind.INCIDENT, event="g"),
        Constraint("f", "killed", ganja, 4, None, day, day, Kind.INCIDENT, True, "g"),
    ]
    trees = default_trees()
    sol = solve(strike, Target.of(ganja, D3, since=WAR_START), trees)
    assert (sol.low.value, sol.high.value) == (21, None)
    assert (
        solve(
            strike, Target.of(ganja, day - dt.timedelta(days=1), since=WAR_START), trees
        ).high.value
        is None
    )
    assert (
        solve(
            strike, Target.of(ganja, day - dt.timedelta(days=1), since=WAR_START), trees
        ).low.value
        == 0
    )
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
            Target.of(ALL, D2, since=WAR_START),
            default_trees(),
        )
    with pytest.raises(ReconciliationError, match="low=5, high=2"):
        total("x", ALL, 5, 2, D2)
    with pytest.raises(ReconciliationError, match="event"):
        Constraint("x", "killed", ALL, 1, 1, D2, D2, Kind.INCIDENT)


def test_stock_outcomes_have_no_time_relation() -> None:
    trees = default_trees()
    cs = [Constraint("d", "displaced", ALL, 100, 200, D2, D2)]
    at = solve(cs, Target.of(ALL, D2, outcome="displaced", since=WAR_START), trees)
    assert (at.low.value, at.high.value) == (100, 200)
    later = solve(cs, Target.of(ALL, D3, outcome="displaced", since=WAR_START), trees)
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
    target = Target.of(query, instance.days[day], since=instance.start)
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
    cap = total("zz-cap", ALL, 0, 3, instance.days[-1], since=instance.start)
    cs = [*instance.constraints, cap]
    target = Target.of(query, instance.days[day], since=instance.start)
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


# --- fractional LP relaxations: the integer fallback --------------------------------------------


def cube(cid: str, terms: tuple[str, str, str], low: int, high: int | None) -> Constraint:
    return total(cid, (*terms, "all"), low, high, D2)


def odd_cycle(low: int, high: int | None) -> list[Constraint]:
    """Civilians, party a and perpetrator p each bounded; the cells in exactly one of the
    three (and the one in none) are empty, so u = (civ, b, p), v = (civ, a, q) and
    w = (mil, a, p) form an odd cycle: u + v, v + w and u + w are the three sums."""
    empty = [("civilian", "b", "q"), ("military", "a", "q"), ("military", "b", "p")]
    empty.append(("military", "b", "q"))
    out = [cube(f"z{i}", t, 0, 0) for i, t in enumerate(empty)]
    out += [
        cube("b1", ("civilian", "all", "all"), low, high),
        cube("b2", ("all", "a", "all"), low, high),
        cube("b3", ("all", "all", "p"), low, high),
    ]
    return out


def test_a_fractional_lp_maximum_is_recomputed_as_an_integer_program() -> None:
    # Fails if the MILP fallback is missing or wrong: the LP maximum of twice the total is 3
    # (each odd-cycle cell at 1/2), which rounding would keep; in whole people at most one of
    # u, v, w (or the cell in all three) is 1, so it is 2.
    cs = odd_cycle(0, 1)
    twice = Target.of(ALL, D2, plus=[ALL], since=WAR_START)
    sol = solve(cs, twice, CUBE)
    assert sol.high.optimum == pytest.approx(3.0) and not sol.high.integral
    assert (sol.low.value, sol.high.value) == brute_force_bounds(CUBE, [D2], cs, twice, 1)
    assert (sol.low.value, sol.high.value) == (0, 2)
    once = solve(cs, Target.of(ALL, D2, since=WAR_START), CUBE)
    assert once.high.optimum == pytest.approx(1.5) and once.high.value == 1


def test_a_fractional_lp_minimum_is_recomputed_as_an_integer_program() -> None:
    # Fails if a fractional minimum is rounded up instead of solved: the LP minimum of twice
    # the total is 3 (u = v = w = 1/2 covers every face); whole people need two of them: 4.
    cs = [*odd_cycle(1, None), cube("t", ("civilian", "a", "p"), 0, 0)]
    cs.append(cube("cap", ("all", "all", "all"), 0, 2))
    twice = Target.of(ALL, D2, plus=[ALL], since=WAR_START)
    sol = solve(cs, twice, CUBE)
    assert sol.low.optimum == pytest.approx(3.0) and not sol.low.integral
    assert (sol.low.value, sol.high.value) == brute_force_bounds(CUBE, [D2], cs, twice, 2)
    assert sol.low.value == 4
    # the bound's sentence says the integer program rounded it
    cells = Instance(CUBE, (WAR_START,), np.zeros((8, 1), dtype=np.int64))
    claims = kt.ClaimSet.from_frame(to_frame(cells, cs), wars=[cells.war])
    r = kt.reconcile(claims, kt.Scope("killed", trees=CUBE), D2)
    assert (r.low, r.high) == brute_force_bounds(
        CUBE, [D2], cs, Target.of(ALL, D2, since=WAR_START), 2
    )
    assert "rounded to whole people by the integer program" in r.low_support.sentence


def test_lp_feasible_but_integer_infeasible_claims_conflict() -> None:
    # Fails if feasibility were LP feasibility: u + v = v + w = u + w = 1 holds at 1/2 each
    # but in no whole count. Then the conflict analysis must still find a set-aside and an
    # irreducible core, which the brute force confirms.
    cs = [*odd_cycle(1, 1), cube("t", ("civilian", "a", "p"), 0, 0)]
    target = Target.of(ALL, D2, since=WAR_START)
    assert brute_force_bounds(CUBE, [D2], cs, target, 1) is None
    assert not solve(cs, target, CUBE).feasible
    assert not feasible(cs, CUBE)
    analysis = analyse_conflicts(cs, CUBE)
    assert not analysis.feasible and len(analysis.set_aside) == 1
    assert analysis.set_aside == min_set_aside(cs, CUBE)
    (aside,) = analysis.set_aside
    kept = [c for c in cs if c.id != aside]
    assert brute_force_bounds(CUBE, [D2], kept, target, 3) is not None
    (core,) = analysis.cores
    assert core == irreducible_subset(cs, CUBE, aside) and aside in core
    members = [c for c in cs if c.id in core]
    assert brute_force_bounds(CUBE, [D2], members, target, 3) is None
    for c in members:
        rest = [m for m in members if m is not c]
        assert brute_force_bounds(CUBE, [D2], [*rest, cube("cap", ALL[:3], 0, 3)], target, 3)


def plain_deletion_filter(
    constraints: list[Constraint], trees: ScopeTrees, culprit: str
) -> tuple[str, ...]:
    """The textbook deletion filter, one feasibility test per constraint (the reference)."""
    keep = sorted(constraints, key=lambda c: c.id)
    if feasible(keep, trees):
        return ()
    for c in list(keep):
        if c.id != culprit:
            trial = [d for d in keep if d.id != c.id]
            if not feasible(trial, trees):
                keep = trial
    return tuple(c.id for c in keep)


@settings(max_examples=examples(25))
@given(instances(max_claims=7, lies=True), st.randoms())
def test_conflict_analysis_equals_the_plain_deletion_filter(
    instance: Instance, rng: object
) -> None:
    # Fails if skipping the solves a Farkas certificate answers changes the core (e.g. a
    # certificate that is not infeasible on its own), or if the analysis depends on order.
    trees = small_trees()
    cs = list(instance.constraints)
    analysis = analyse_conflicts(cs, trees)
    rng.shuffle(cs)  # type: ignore[attr-defined]
    assert analyse_conflicts(cs, trees) == analysis
    assert analysis.set_aside == min_set_aside(cs, trees)
    assert analysis.feasible == feasible(cs, trees) == (not analysis.set_aside)
    kept = [c for c in cs if c.id not in analysis.set_aside]
    for cid, core in zip(analysis.set_aside, analysis.cores, strict=True):
        culprit = next(c for c in cs if c.id == cid)
        assert core == plain_deletion_filter([*kept, culprit], trees, cid)
    if analysis.feasible:
        assert analysis == ConflictAnalysis(True)
