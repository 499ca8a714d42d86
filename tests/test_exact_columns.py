"""The exact program's columns, built from running sums of claim weights, against a reference
that lists every (atom, slot) cell and the claims covering it.

A column must be exactly the cells covered by one set of claims (a cell carrying an incident's
people a column of its own), each claim row must hold exactly the columns of its cells, and a
question's columns and covered pairs must be those the cells give one by one.
"""

from __future__ import annotations

from random import Random

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.engine.constraints import INCIDENT, Constraints, stage
from karabakh_tolls.engine.exact import ComponentModel
from karabakh_tolls.engine.solve import solver
from karabakh_tolls.synthetic import generate_wars
from karabakh_tolls.testing.instances import Instance, instances, small_trees, to_frame


def _box_cells(model: ComponentModel, position: int) -> np.ndarray:
    """The product atoms inside a constraint's box, listed one dimension at a time."""
    masks = [a.inside(int(model.group.nodes[position, d])) for d, a in enumerate(model.atoms)]
    grid = masks[0]
    for mask in masks[1:]:
        grid = np.logical_and.outer(grid, mask)
    return np.flatnonzero(np.asarray(grid).reshape(-1))


def _reference(model: ComponentModel) -> dict[int, frozenset[int]]:
    """Per covered cell (atom-major flat index): the members (positions) counting it."""
    g, ns = model.group, model.n_slots
    covering: dict[int, set[int]] = {}
    for i, p in enumerate(model.members.tolist()):
        if g.kind[p] == INCIDENT:
            continue
        if model.cumulative:
            lo = int(np.searchsorted(model.points, g.since[p] - 1))
            hi = int(np.searchsorted(model.points, g.as_of[p]))
        else:
            lo = int(np.searchsorted(model.points, g.as_of[p]))
            hi = lo + 1
        for a in _box_cells(model, p).tolist():
            for s in range(lo, hi):
                covering.setdefault(a * ns + s, set()).add(i)
    return {c: frozenset(v) for c, v in covering.items()}


def _models(group: Constraints) -> list[ComponentModel]:
    s = solver(group)
    return [
        ComponentModel(group, part.members, max_variables=10**7)
        for part in s.parts
        if not part.single
    ]


def _check(model: ComponentModel, rng: np.random.Generator) -> None:
    reference = _reference(model)
    cells = model._cells
    assert sorted(reference) == cells.used.tolist()
    column = dict(zip(cells.used.tolist(), cells.column_of_used.tolist(), strict=True))
    carriers = set(model._events.carrier_cells.tolist())
    # cells share a column exactly when the same claims cover them (carriers stand alone)
    by_set: dict[object, set[int]] = {}
    for c, members in reference.items():
        key = ("carrier", c) if c in carriers else members
        by_set.setdefault(key, set()).add(column[c])
    assert all(len(cols) == 1 for cols in by_set.values())
    assert len(by_set) == cells.n_columns
    # each claim row holds the columns of its cells, with coefficient 1
    a = model.A.tocsr()
    for i in range(model.n_claim_rows):
        if model.group.kind[model.members[i]] == INCIDENT:
            continue
        row = a[[i]]
        expected = {column[c] for c, members in reference.items() if i in members}
        assert set(row.indices.tolist()) == expected
        assert np.all(row.data == 1.0)
    # questions: a column counts for the least when all its cells lie inside, for the
    # greatest when one meets; covered pairs cell by cell
    n_slots = model.n_slots
    boxes = model.group.nodes[rng.choice(model.members, size=6)]
    days = rng.integers(int(model.points.min()) - 1, int(model.points.max()) + 2, size=6)
    low, high, covered = model.questions(boxes, days)
    inside, meets, shared = model._atom_relation(boxes)
    for b in range(len(boxes)):
        day = int(days[b])
        col_in: dict[int, bool] = {}
        col_meets: dict[int, bool] = {}
        total = 0
        for c in reference:
            atom, slot = divmod(c, n_slots)
            if model.cumulative:
                lo, hi = int(model.points[slot]), int(model.points[slot + 1])
                slot_in, slot_meets = hi <= day, lo < day
                days_in = max(min(hi, day) - max(lo, -1), 0)
            else:
                slot_in = slot_meets = int(model.points[slot]) == day
                days_in = int(slot_in)
            k = column[c]
            col_in[k] = col_in.get(k, True) and bool(inside[b, atom]) and slot_in
            col_meets[k] = col_meets.get(k, False) or (bool(meets[b, atom]) and slot_meets)
            total += int(shared[b, atom]) * days_in
        n_x = cells.n_columns
        assert [k for k in range(n_x) if low[b, k]] == [k for k in range(n_x) if col_in[k]]
        assert [k for k in range(n_x) if high[b, k]] == [k for k in range(n_x) if col_meets[k]]
        assert int(covered[b]) == total


@given(instances(small_trees(), max_claims=8), st.randoms(use_true_random=False))
def test_columns_are_the_cells_grouped_by_the_claims_covering_them(
    instance: Instance, random: Random
) -> None:
    claims = kt.ClaimSet.from_frame(to_frame(instance), wars=[instance.war])
    rng = np.random.default_rng(random.randint(0, 2**32 - 1))
    for group in stage(claims):
        for model in _models(group):
            _check(model, rng)


def test_the_seed_killed_claims_need_38_columns_and_match_the_reference() -> None:
    killed = stage(kt.load_seed_claims()).group("karabakh-2020", "killed")
    assert killed is not None
    (model,) = [m for m in _models(killed) if m.n_claim_rows > 1]
    assert model.A.shape == (28, 38)
    _check(model, np.random.default_rng(1))


def test_a_component_with_more_cells_than_columns_allowed_is_exact() -> None:
    # the limit is on merged columns, not on the cells they merge: a war whose claims span
    # many more (atom, slot) cells than max_variables, in few distinct claim sets, is exact
    drawn, _ = generate_wars(1000, seed=3, conflicts=0)
    frame = drawn.to_frame()
    one_war = frame[(frame["war"] == "syn-0000") & (frame["outcome"] == "missing")]
    claims = kt.ClaimSet.from_frame(one_war.reset_index(drop=True), wars=drawn.wars)
    group = stage(claims).group("syn-0000", "missing")
    assert group is not None
    biggest = max(_models(group), key=lambda m: m.A.shape[1])
    columns = biggest.A.shape[1]
    cells = biggest.n_atoms * biggest.n_slots
    assert cells > 10 * columns
    _check(biggest, np.random.default_rng(2))
    # the program is built at that limit (and not one column below it) ...
    component = [i for i, part in enumerate(solver(group).parts) if not part.single]
    assert not any(solver(group, max_variables=columns).propagated(c) for c in component)
    assert any(solver(group, max_variables=columns - 1).propagated(c) for c in component)
    # ... and its ranges lie inside the propagated ones, row by row
    keys = ["category", "party", "perpetrator", "region", "as_of"]
    solved = kt.reconcile_all(claims, max_variables=columns).set_index(keys)
    spread = kt.reconcile_all(claims, max_variables=columns - 1).set_index(keys)
    assert len(solved) > 100 and solved.index.equals(spread.index)
    assert (solved["low"] >= spread["low"]).all()
    upper = spread["high"].astype("Float64").fillna(np.inf)
    assert (solved["high"].astype("Float64").fillna(np.inf) <= upper).all()
    assert (solved["method"] == "exact").sum() > (spread["method"] == "exact").sum()
