"""Conflicts in one component: can its claims all hold, and if not, what to set aside.

Read from a :class:`~karabakh_tolls.engine.exact.ComponentModel` (the component's program):

- :func:`analyse` decides whether some assignment of whole counts satisfies every claim of the
  component. If none does, it finds a set of claims of least total trust weight whose removal
  restores consistency (a mixed-integer program with one binary "set aside" indicator per
  evidence group, so that the claims carrying one statement go together and weigh once; ties:
  the later claim id goes first), and for each claim set aside an *irreducible*
  conflicting subset containing it (no member can be dropped without the rest becoming
  consistent).

The indicator relaxes its claim's rows by a sound big-M: a consistent program always has a
solution with every variable at most ``sum(lows) + 1`` (its componentwise-minimal solution:
each positive variable sits in a tight lower row or under a tight incident link), which the
program imposes, so a relaxed upper row needs ``nnz x cap`` and a relaxed lower row its low.
Feasibility is tested with an *elastic* LP (a slack per claim row): when it is infeasible, its
duals are a Farkas certificate naming claims that already cannot all hold, and the deletion
filter drops every claim outside the current certificate without a solve.

This module imports numpy, scipy and the package's ``engine.exact``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from karabakh_tolls.engine.exact import ComponentModel, SolverFailure

__all__ = ["Analysis", "analyse", "group_costs"]

_TOL: Final = 1e-6
_linprog: Any = linprog  # the stubs do not accept sparse matrices; HiGHS does


@dataclass(frozen=True, slots=True)
class Analysis:
    """Whether a component's claims can all hold; if not, what was set aside and why.

    ``set_aside`` and ``cores`` hold positions of the group's constraints: ``cores[i]`` is the
    irreducible conflicting subset that ``set_aside[i]`` forms with the claims kept.
    """

    feasible: bool
    set_aside: tuple[int, ...] = ()
    cores: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class _Rows:
    """The component's rows as ``A x <= b``: a claim's lower side is ``-a x <= -low``."""

    A: Any
    b: np.ndarray
    owner: np.ndarray
    """Per row: the member index (0-based within the component) or -1 for a link row."""
    side: np.ndarray
    """Per row: 0 lower side, 1 upper side, -1 link."""
    cap: float
    n_vars: int


def _rows(model: ComponentModel, keep: np.ndarray | None = None) -> _Rows:
    """The rows of the kept members (every member by default), with every link row."""
    k = model.n_claim_rows
    chosen = np.ones(k, dtype=bool) if keep is None else keep
    A = sparse.csr_array(model.A)
    lows = model.group.low[model.members].astype(np.float64)
    blocks, rhs, owner, side = [], [], [], []
    lower_rows = np.flatnonzero(chosen & (model.row_lower[:k] > 0))
    upper_rows = np.flatnonzero(
        chosen & np.isfinite(model.row_upper[:k]) & (model.row_upper[:k] < 1e20)
    )
    if len(lower_rows):
        blocks.append(-A[lower_rows])
        rhs.append(-model.row_lower[lower_rows])
        owner.append(lower_rows)
        side.append(np.zeros(len(lower_rows), dtype=np.int64))
    if len(upper_rows):
        blocks.append(A[upper_rows])
        rhs.append(model.row_upper[upper_rows])
        owner.append(upper_rows)
        side.append(np.ones(len(upper_rows), dtype=np.int64))
    links = np.arange(k, A.shape[0])
    if len(links):
        blocks.append(A[links])
        rhs.append(model.row_upper[links])
        owner.append(np.full(len(links), -1, dtype=np.int64))
        side.append(np.full(len(links), -1, dtype=np.int64))
    n = A.shape[1]
    stacked = sparse.vstack(blocks, format="csr") if blocks else sparse.csr_array((0, n))
    return _Rows(
        stacked,
        np.concatenate(rhs) if rhs else np.zeros(0),
        np.concatenate(owner) if owner else np.zeros(0, dtype=np.int64),
        np.concatenate(side) if side else np.zeros(0, dtype=np.int64),
        float(lows[chosen].sum()) + 1.0,
        n,
    )


def _milp(rows: _Rows, cost: np.ndarray | None = None, relax: Any = None) -> Any:
    n = rows.n_vars
    A, c = rows.A, np.zeros(n)
    upper = np.full(n, rows.cap)
    lower = np.zeros(n)
    integrality = np.ones(n, dtype=np.int64)
    if cost is not None:
        k = len(cost)
        A = sparse.hstack([A, relax], format="csr")
        c = np.concatenate([c, cost])
        upper = np.concatenate([upper, np.ones(k)])
        lower = np.concatenate([lower, np.zeros(k)])
        integrality = np.concatenate([integrality, np.ones(k, dtype=np.int64)])
    constraints = [LinearConstraint(A, -np.inf, rows.b)] if A.shape[0] else []
    return milp(
        c,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(lower, upper),
        options={"mip_rel_gap": 0.0},
    )


def _feasible(model: ComponentModel, keep: np.ndarray) -> tuple[bool, frozenset[int] | None]:
    """Whether the kept members can all hold in whole counts, with a Farkas certificate (a set
    of member indices infeasible on its own) when the LP already proves they cannot."""
    rows = _rows(model, keep)
    claim_rows = np.flatnonzero(rows.owner >= 0)
    m = len(claim_rows)
    if m == 0:
        return True, None
    n = rows.n_vars
    slack = sparse.csr_array((-np.ones(m), (claim_rows, np.arange(m))), shape=(rows.A.shape[0], m))
    result = _linprog(
        np.concatenate([np.zeros(n), np.ones(m)]),
        A_ub=sparse.hstack([rows.A, slack], format="csr"),
        b_ub=rows.b,
        bounds=(0, None),
        method="highs",
    )
    if result.status != 0:  # pragma: no cover - the elastic LP is always feasible and bounded
        raise SolverFailure(f"the feasibility LP failed: {result.message}")
    if float(result.fun) <= _TOL:
        x = np.asarray(result.x)[:n]
        whole = np.round(x)
        if np.all(np.abs(x - whole) < _TOL) and np.all(rows.A @ whole <= rows.b + 1e-9):
            return True, None
    else:
        y = -np.asarray(result.ineqlin.marginals, dtype=float)
        y[y < 1e-9] = 0.0
        reduced = rows.A.T @ y
        floor = float(np.minimum(reduced, 0.0).sum()) * rows.cap
        if float(rows.b @ y) < floor - 1e-7:
            return False, frozenset(
                int(rows.owner[i]) for i in np.flatnonzero(y > 0) if rows.owner[i] >= 0
            )
    exact = _milp(rows)
    return bool(exact.status == 0), None


def group_costs(
    weights: np.ndarray, ids: Sequence[str] | np.ndarray, evidence: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each member's evidence group (0-based) and each group's cost of being set aside.

    A group goes as a whole and costs the largest trust weight of its members, once, plus a
    tie-break far below any weight difference: of equal weights, the group whose smallest claim
    id comes later costs less, so it goes first.
    """
    k = len(weights)
    group_of = np.unique(evidence, return_inverse=True)[1].reshape(-1)
    g = int(group_of.max()) + 1 if k else 0
    rank = np.empty(k, dtype=np.float64)
    rank[np.argsort(np.asarray(ids, dtype=str), kind="stable")] = np.arange(k)
    group_weight = np.zeros(g)
    np.maximum.at(group_weight, group_of, weights)
    group_rank = np.full(g, np.inf)
    np.minimum.at(group_rank, group_of, rank)  # a group is named by its smallest claim id
    tie = 1e-3 * float(weights.min()) / (k + 1) if k else 0.0
    return group_of, group_weight + tie * (k - group_rank) / max(k, 1)


def _set_aside(
    model: ComponentModel, weights: np.ndarray, ids: Sequence[str], evidence: np.ndarray
) -> tuple[int, ...]:
    """The minimum-weight set-aside (member indices), ties broken by claim id (later first).

    One indicator per evidence group (``evidence``: a code per member): the members that carry
    one statement are set aside together, and the group costs the largest weight of its
    members once, so an echo through a second outlet never outvotes an independent claim.
    """
    rows = _rows(model)
    group_of, cost = group_costs(weights, ids, evidence)
    g = len(cost)
    nnz = np.diff(rows.A.indptr)
    relax = np.zeros((rows.A.shape[0], g))
    lows = model.group.low[model.members].astype(np.float64)
    for r in np.flatnonzero(rows.owner >= 0).tolist():
        j = int(rows.owner[r])
        relax[r, group_of[j]] = -(lows[j] if rows.side[r] == 0 else float(nnz[r]) * rows.cap)
    result = _milp(rows, cost, sparse.csr_array(relax))
    if result.status != 0 or result.x is None:  # pragma: no cover - dropping all is feasible
        raise SolverFailure(f"finding claims to set aside failed: {result.message}")
    chosen = np.asarray(result.x)[rows.n_vars :] > 0.5
    return tuple(int(i) for i in np.flatnonzero(chosen[group_of]))


def _core(
    model: ComponentModel, keep: np.ndarray, culprit: int, ids: Sequence[str]
) -> tuple[int, ...]:
    """The deletion filter, in claim-id order, skipping solves a certificate answers."""
    current = keep.copy()
    ok, certificate = _feasible(model, current)
    if ok:
        return ()
    core = certificate if certificate is not None else frozenset(np.flatnonzero(current).tolist())
    for j in sorted(np.flatnonzero(current).tolist(), key=lambda i: ids[i]):
        if j == culprit:
            continue
        trial = current.copy()
        trial[j] = False
        if j not in core:
            current = trial
            continue
        ok, certificate = _feasible(model, trial)
        if not ok:
            current = trial
            core = (
                certificate
                if certificate is not None
                else frozenset(np.flatnonzero(trial).tolist())
            )
    return tuple(int(i) for i in np.flatnonzero(current))


def analyse(model: ComponentModel, weights: Mapping[int, float] | None = None) -> Analysis:
    """Feasibility, the minimum-weight set-aside and one irreducible core per claim set aside.

    Positions in the answer are positions of the group's constraints (``model.members``).
    """
    k = model.n_claim_rows
    if k == 0:
        return Analysis(True)
    everyone = np.ones(k, dtype=bool)
    if model.whole_feasible() or _feasible(model, everyone)[0]:
        return Analysis(True)
    group = model.group
    ids = [str(group.ids[p]) for p in model.members.tolist()]
    w = np.array(
        [float((weights or {}).get(int(p), group.weight[p])) for p in model.members.tolist()]
    )
    aside = _set_aside(model, w, ids, group.evidence[model.members])
    kept = everyone.copy()
    kept[list(aside)] = False
    cores = []
    for j in aside:
        trial = kept.copy()
        trial[j] = True
        cores.append(tuple(int(model.members[i]) for i in _core(model, trial, j, ids)))
    return Analysis(
        False,
        tuple(int(model.members[j]) for j in aside),
        tuple(cores),
    )
