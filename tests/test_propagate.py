"""Columnar bound propagation: seed reference cases, soundness and exactness against the exact
program."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.engine.constraints import Constraints, stage
from karabakh_tolls.engine.propagate import INF, Prepared, Propagation, prepare
from karabakh_tolls.engine.propagate import propagate as propagate_group
from karabakh_tolls.engine.solve import solver
from karabakh_tolls.synthetic import generate

DAY = dt.date(2020, 10, 6)


def killed(claims: ClaimSet, outcome: str = "killed") -> Constraints:
    group = stage(claims).group(claims.war().id, outcome)
    assert group is not None
    return group


def propagate(claims: ClaimSet, outcome: str = "killed", **options: object) -> Propagation:
    return propagate_group(killed(claims, outcome), **options)  # type: ignore[arg-type]


def groups(claims: ClaimSet) -> list[Constraints]:
    return list(stage(claims))


@pytest.fixture(scope="module")
def seeds() -> ClaimSet:
    return kt.load_seed_claims()


def _range(grid: object, scope: str, day: str) -> tuple[int, int | None]:
    row = grid.find(scope, day)  # type: ignore[attr-defined]
    high = int(grid.high[row])  # type: ignore[attr-defined]
    return int(grid.low[row]), None if high >= INF else high  # type: ignore[attr-defined]


def test_civilians_on_10_06_sum_three_parties(seeds: ClaimSet) -> None:
    grid = propagate(seeds)
    row = grid.find("killed/civilian", "2020-10-06")
    assert grid.low[row] == 48
    assert grid.support(row, "low") == (("c09", "c11", "c12"), ("claim", "disjoint-sum"))


def test_sub_scope_is_no_conflict_and_military_brackets(seeds: ClaimSet) -> None:
    grid = propagate(seeds)
    assert not grid.conflict.any()
    assert _range(grid, "killed/civilian", "2021-01-14") == (146, 146)
    assert _range(grid, "killed", "2021-01-14") == (6001, None)
    nk = "killed/military/party=nagorno-karabakh"
    assert _range(grid, nk, "2020-10-06") == (280, 280)
    assert _range(grid, nk, "2020-10-29") == (1166, 1166)
    assert _range(grid, nk, "2020-10-05") == (240, 240)  # 280 minus "40 more" that day


def test_no_key_before_the_war(seeds: ClaimSet) -> None:
    days = pd.concat([propagate_group(g).keys()["as_of"] for g in groups(seeds)])
    assert days.min() >= pd.Timestamp(kt.load_war("karabakh-2020").start) - pd.Timedelta(days=1)


def test_disagreeing_claims_about_one_event_are_reported(
    seeds: ClaimSet, contested_ganja: ClaimSet
) -> None:
    assert propagate(seeds).event_conflicts == ()  # the family of four lies inside the 21
    contested = seeds + contested_ganja
    assert [ids for ids, _ in propagate(contested).event_conflicts] == [("c06", "c90")]


def test_exclude_must_match_the_claims(seeds: ClaimSet) -> None:
    with pytest.raises(ValueError, match="exclude"):
        propagate(seeds, exclude=[True])


def test_counts_up_to_2_63_saturate_instead_of_wrapping() -> None:
    # Fails if a sum of children's lows wraps around int64 (two halves of 2**63 would give a
    # negative parent) or if 2**40 is taken for "open", as it once was.
    seeds = kt.load_seed_claims().frame
    frame = seeds[seeds["claim_id"].isin(["c09", "c12"])].copy()  # civilians of NK, Azerbaijan
    frame["claim_id"] = ["a", "b"]
    half = 2**62
    frame["low"] = pd.array([half, half], dtype="Int64")
    frame["high"] = pd.array([half, half], dtype="Int64")
    grid = propagate(ClaimSet.from_frame(frame))
    row = grid.find("killed/civilian", "2020-10-06")
    assert int(grid.low[row]) == INF == 2**63 - 1
    one = frame.iloc[[0]].assign(
        low=pd.array([10**15], dtype="Int64"), high=pd.array([10**15], dtype="Int64")
    )
    grid = propagate(ClaimSet.from_frame(one))
    assert not grid.conflict.any()
    assert (
        int(grid.high[grid.find("killed/civilian/party=nagorno-karabakh", "2020-10-06")]) == 10**15
    )


def test_conflict_is_low_above_high() -> None:
    frame = kt.load_seed_claims().frame.iloc[[8]].copy()
    frame["claim_id"] = "a"
    other = frame.copy()
    other["claim_id"], other["low"], other["high"] = "b", 30, 30
    grid = propagate(ClaimSet.from_frame(pd.concat([frame, other])))
    assert grid.conflict.any()


def _exact_range(group: Constraints, grid: Propagation, row: int) -> tuple[int, int] | None:
    """The exact program's range of one grid row (None when the claims conflict)."""
    s = solver(group)
    if any(not p.analysis.feasible for p in s.parts):
        return None
    nodes, days = grid_rows(group)
    b = s.bound(nodes[row], int(days[row]))
    assert b.exact
    return b.low, INF if b.high is None else b.high


def grid_rows(group: Constraints) -> tuple[np.ndarray, np.ndarray]:
    return Prepared(group).rows()


@given(st.integers(0, 10_000), st.integers(5, 400))
def test_sound_against_the_hidden_truth(seed: int, n: int) -> None:
    claims, truth = generate(n, seed=seed)
    for group in groups(claims):
        grid = propagate_group(group)
        value = truth.values(grid.keys())
        assert not grid.conflict.any()
        assert np.all(grid.low <= value) and np.all(value <= grid.high)


@given(st.integers(0, 10_000), st.data())
def test_sound_against_the_exact_program(seed: int, data: st.DataObject) -> None:
    claims, _ = generate(12, seed=seed, scale=1.0)
    group = data.draw(st.sampled_from(groups(claims)))
    grid = propagate_group(group)
    rows = data.draw(st.lists(st.integers(0, len(grid) - 1), min_size=1, max_size=4))
    for row in rows:
        exact = _exact_range(group, grid, row)
        assert exact is not None
        assert grid.low[row] <= exact[0] and exact[1] <= grid.high[row]


PARTY_NODES = kt.default_trees()["party"].nodes


@st.composite
def tree_instances(draw: st.DrawFn) -> ClaimSet:
    """One date, one non-trivial dimension (party): claims are true intervals around a hidden
    count per party leaf; a Berge-acyclic system, where propagation must be exact."""
    tree = kt.default_trees()["party"]
    leaves = [n for n in tree.nodes if not tree.children[n]]
    truth = {leaf: draw(st.integers(0, 30)) for leaf in leaves}
    extra = {n: draw(st.integers(0, 5)) for n in tree.nodes if tree.children[n]}

    def value(node: str) -> int:
        kids = tree.children[node]
        if not kids:
            return truth[node]
        slack = 0 if tree.is_exhaustive(node) else extra[node]
        return sum(value(k) for k in kids) + slack

    rows = []
    for i in range(draw(st.integers(1, 7))):
        node = draw(st.sampled_from(PARTY_NODES))
        v = value(node)
        low = draw(st.integers(0, v))
        high = draw(st.one_of(st.none(), st.integers(v, v + 20)))
        partial = draw(st.booleans()) and high is not None and draw(st.booleans())
        rows.append(
            {
                "claim_id": f"c{i}",
                "low": low,
                "high": high,
                "outcome": "killed",
                "party": node,
                "as_of": DAY,
                "source": "s",
                "document": "d",
                "coverage": "partial" if partial else "complete",
            }
        )
    return ClaimSet.from_frame(pd.DataFrame(rows))


@given(tree_instances())
def test_exact_on_tree_shaped_instances(claims: ClaimSet) -> None:
    group = killed(claims)
    grid = propagate_group(group)
    keys = grid.keys()
    for row in range(len(keys)):
        exact = _exact_range(group, grid, row)
        assert exact is not None
        assert (int(grid.low[row]), int(grid.high[row])) == exact, keys.iloc[row].to_dict()


@given(st.integers(0, 1000), st.randoms(use_true_random=False))
def test_order_invariance(seed: int, rnd: object) -> None:
    claims, _ = generate(60, seed=seed, conflicts=1)
    frame = claims.to_frame()
    order = list(range(len(frame)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    shuffled = ClaimSet.from_frame(frame.iloc[order], wars=claims.wars)
    for ga, gb in zip(groups(claims), groups(shuffled), strict=True):
        a, b = propagate_group(ga), propagate_group(gb)
        assert np.array_equal(a.low, b.low) and np.array_equal(a.high, b.high)
        assert a.support_columns() == b.support_columns()


@given(st.integers(0, 10_000), st.integers(20, 300), st.integers(0, 3))
def test_support_columns_follow_every_pointer(seed: int, n: int, conflicts: int) -> None:
    """The vectorised closure lists, per bound, exactly the claims support() reaches."""
    claims, _ = generate(n, seed=seed, conflicts=conflicts)
    grid = propagate(claims)
    lows, highs = grid.support_columns()
    for row in range(len(grid)):
        assert lows[row] == ";".join(grid.support(row, "low")[0])
        high = ";".join(grid.support(row, "high")[0]) if grid.high[row] < INF else ""
        assert highs[row] == high
    some = [len(grid) - 1, 0]
    assert grid.support_columns(some) == ([lows[-1], lows[0]], [highs[-1], highs[0]])


@given(st.integers(0, 10_000), st.data())
def test_prepared_grid_propagates_like_a_fresh_one(seed: int, data: st.DataObject) -> None:
    """One grid built once and propagated under several exclusions equals fresh runs."""
    claims, _ = generate(150, seed=seed, conflicts=2)
    group = killed(claims)
    prepared = prepare(group)
    for _ in range(3):
        mask = np.array(
            data.draw(st.lists(st.booleans(), min_size=len(group), max_size=len(group)))
        )
        stop = data.draw(st.booleans())
        a = prepared.propagate(mask, stop_on_conflict=stop)
        b = propagate_group(group, exclude=mask, stop_on_conflict=stop)
        for name in ("low", "high", "low_claim", "high_claim", "low_src", "high_src"):
            assert np.array_equal(getattr(a, name), getattr(b, name)), name
        assert a.iterations == b.iterations and a.event_conflicts == b.event_conflicts


def test_clashes_pair_claims_about_one_key(seeds: ClaimSet) -> None:
    frame = seeds.frame.iloc[[8]].copy()
    frame["claim_id"] = "a"
    low_one, high_one = frame.copy(), frame.copy()
    low_one["claim_id"], low_one["low"], low_one["high"] = "b", 30, 30
    high_one["claim_id"], high_one["low"], high_one["high"] = "c", 1, 1
    claims = ClaimSet.from_frame(pd.concat([frame, low_one, high_one]))
    prepared = prepare(killed(claims))
    grid = prepared.propagate()
    rows = np.flatnonzero(grid.conflict)
    assert len(rows) > 0
    found = {pair for _, pair in prepared.clashes(np.zeros(3, dtype=bool), rows)}
    value = int(frame["low"].iloc[0])
    expected = (
        {("b", "c")}
        | ({("a", "c")} if value > 1 else set())
        | ({("a", "b")} if value != 30 else set())
    )
    assert found == expected
    assert prepared.clashes(np.array([False, False, True]), rows) == [
        (r, p) for r, p in prepared.clashes(np.zeros(3, dtype=bool), rows) if "c" not in p
    ]
