"""The exact reference solver: claims as linear constraints over true counts, solved by HiGHS.

Function API (what other modules call)
--------------------------------------
- :func:`constraints_from_frame` ``(frame) -> tuple[Constraint, ...]``: claim table rows (the
  schema of :mod:`karabakh_tolls.frame`) as solver constraints, sorted by claim id.
- :meth:`Target.of` ``(scope, as_of, *, minus=(), plus=())``: what to bound, a signed sum of
  scopes (a single scope, a complement ``all - civilian``, a union of disjoint scopes).
- :func:`solve` ``(constraints, target, trees) -> Solution``: the tightest integer ``low`` and
  ``high`` of the target over every assignment of true counts that satisfies every constraint
  and rule, with the LP dual multipliers of each bound (its provenance). ``Solution.feasible`` is
  ``False`` when the constraints cannot all hold.
- :func:`feasible` ``(constraints, trees) -> bool``.
- :func:`min_set_aside` ``(constraints, trees, weights) -> tuple[str, ...]``: a minimum-weight
  set of constraint ids whose removal makes the rest feasible (a MILP).
- :func:`irreducible_subset` ``(constraints, trees, culprit) -> tuple[str, ...]``: an
  irreducible infeasible subset containing ``culprit`` (deletion filter).

The model
---------
Truth is a nonnegative integer count per *cell* (a leaf of the product of the category x party x
perpetrator x region trees, a non-exhaustive node having an implicit "other" leaf) per day,
separately for every outcome (outcomes never add up). For one outcome, the dimension nodes the
constraints and the target name, closed under ancestors, cut each tree into *atoms* (a used node
minus its used children; empty when the node is exhaustive and every child is used). Every scope
is exactly a union of product atoms. Time is cut at every window's edges. For a cumulative
outcome a variable is the count of one product atom over one time interval; for a stock outcome
(displaced, captured) it is the count of one product atom on one date. Then

- a complete claim bounds its sum: ``low <= sum <= high``; a partial claim gives ``>= low`` only;
- an incident's toll is a variable of its own per atom, ``z[e, a]``, with
  ``sum_e z[e, a] <= x[a, interval of the event's day]`` (distinct events are distinct people),
  so every claim about one event speaks of the same people and sits inside every total;
- the target is minimised and maximised by ``scipy.optimize.linprog(method="highs")``. When
  the optimal vertex is not integral, the bound is recomputed with integrality
  (``scipy.optimize.milp``), so bounds are exact for integer counts. Feasibility is integer
  feasibility as well.

The dual multipliers of the optimal LP say which claims produce a bound and how:
``bound = sum(multiplier x claim bound)`` (a lower bound used with ``+``, an upper one with ``-``
for ``low``; the reverse for ``high``).

>>> import datetime as dt
>>> from karabakh_tolls.scopes import default_trees
>>> day = dt.date(2021, 1, 14)
>>> war = dt.date(2020, 9, 27)
>>> cs = (Constraint("c07", "killed", ("civilian", "all", "all", "all"), 146, 146, war, day),
...       Constraint("c08", "killed", ("all", "all", "all", "all"), 6001, None, war, day))
>>> sol = solve(cs, Target.of(("all", "all", "all", "all"), day, since=war, outcome="killed",
...             minus=[("civilian", "all", "all", "all")]), default_trees())
>>> sol.low.value, sol.high.value, sol.low.multipliers
(5855, None, (('c07', 'high', 1.0), ('c08', 'low', 1.0)))
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from karabakh_tolls.errors import ReconciliationError
from karabakh_tolls.scopes import ROOT, ScopeTrees

__all__ = [
    "CONFLICTS",
    "TERM_DIMENSIONS",
    "Bound",
    "CacheInfo",
    "ConflictAnalysis",
    "ConflictCache",
    "Constraint",
    "Kind",
    "Solution",
    "Target",
    "Terms",
    "analyse_conflicts",
    "constraints_from_frame",
    "feasible",
    "irreducible_subset",
    "min_set_aside",
    "solve",
]

TERM_DIMENSIONS: Final = ("category", "party", "perpetrator", "region")
Terms = tuple[str, str, str, str]
"""A scope without its outcome: (category, party, perpetrator, region) node ids."""

_TOL: Final = 1e-6
_linprog: Any = linprog  # the stubs do not accept sparse matrices, HiGHS does
_ALL: Final[Terms] = (ROOT, ROOT, ROOT, ROOT)


class Kind(enum.StrEnum):
    """How a constraint relates to time (the values of ``frame.ClaimKind``)."""

    CUMULATIVE = "cumulative"
    INCREMENT = "increment"
    INCIDENT = "incident"


@dataclass(frozen=True, slots=True)
class Constraint:
    """One claim as the solver sees it: ``low <= count(terms, since..as_of) <= high``.

    ``high=None`` leaves the count open above; ``partial=True`` keeps only ``low``. An incident
    (``kind="incident"``) counts the people of ``event`` on the day ``as_of``.
    """

    id: str
    outcome: str
    terms: Terms
    low: int
    high: int | None
    since: dt.date
    as_of: dt.date
    kind: Kind = Kind.CUMULATIVE
    partial: bool = False
    event: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))
        if len(self.terms) != 4:
            raise ReconciliationError(
                f"constraint {self.id!r}: terms={self.terms!r} must name 4 dimensions"
            )
        if self.low < 0 or (self.high is not None and self.high < self.low):
            raise ReconciliationError(
                f"constraint {self.id!r}: low={self.low}, high={self.high} is not an interval"
            )
        if self.as_of < self.since:
            raise ReconciliationError(
                f"constraint {self.id!r}: as_of={self.as_of} is before since={self.since}"
            )
        if self.kind is Kind.INCIDENT and not self.event:
            raise ReconciliationError(f"constraint {self.id!r}: an incident needs an event id")


@dataclass(frozen=True, slots=True)
class Target:
    """What to bound: ``sum(coefficient x count(terms))`` of one outcome at ``as_of``.

    For a cumulative outcome the counts run over ``since..as_of``; for a stock outcome they are
    the stock on ``as_of``. Build it with :meth:`of`.
    """

    outcome: str
    boxes: tuple[tuple[int, Terms], ...]
    as_of: dt.date
    since: dt.date

    @classmethod
    def of(
        cls,
        terms: Terms,
        as_of: dt.date,
        *,
        since: dt.date,
        outcome: str = "killed",
        minus: Iterable[Terms] = (),
        plus: Iterable[Terms] = (),
    ) -> Target:
        """``count(terms) + sum(count(plus)) - sum(count(minus))`` over ``since..as_of``.

        >>> import datetime as dt
        >>> Target.of(("civilian", "all", "all", "all"), dt.date(2020, 10, 6),
        ...           since=dt.date(2020, 9, 27)).boxes
        ((1, ('civilian', 'all', 'all', 'all')),)
        """
        boxes = [(1, tuple(terms))] + [(1, tuple(t)) for t in plus]
        boxes += [(-1, tuple(t)) for t in minus]
        return cls(outcome, tuple(boxes), as_of, since)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Bound:
    """One optimised bound: its integer value and the dual multipliers behind it.

    ``value`` is ``None`` for an unbounded maximum. ``optimum`` is the LP optimum; ``multipliers``
    are ``(constraint id, side, y)`` with ``side`` ``"low"`` or ``"high"`` (which of the claim's
    bounds) and ``y > 0``. ``integral`` is False when the LP vertex was fractional and the value
    comes from the integer program (the multipliers then bound the LP, not the integer value).
    """

    value: int | None
    optimum: float | None = None
    multipliers: tuple[tuple[str, str, float], ...] = ()
    integral: bool = True


@dataclass(frozen=True, slots=True)
class Solution:
    """The bounds of a target under a set of constraints (see :func:`solve`)."""

    feasible: bool
    low: Bound
    high: Bound
    constraint_ids: tuple[str, ...] = ()
    n_variables: int = 0
    stats: Mapping[str, int] = field(default_factory=dict)


# --- building the program ----------------------------------------------------------------------


def _closed(trees: ScopeTrees, dimension: str, terms: Iterable[str]) -> list[str]:
    tree = trees[dimension]
    used: set[str] = set()
    for term in terms:
        used.update(tree.ancestors(term))
    return sorted(used, key=lambda n: (tree.depth(n), n))


class _Program:
    """The LP of one outcome: variables, one row block per constraint, structural rows."""

    def __init__(
        self, constraints: Sequence[Constraint], target: Target | None, trees: ScopeTrees
    ) -> None:
        self.trees = trees
        self.constraints = tuple(sorted(constraints, key=lambda c: c.id))
        outcome = target.outcome if target is not None else None
        if outcome is None and self.constraints:
            outcome = self.constraints[0].outcome
        for c in self.constraints:
            if c.outcome != outcome:
                raise ReconciliationError(
                    f"constraint {c.id!r} is about {c.outcome!r}, not {outcome!r}: "
                    "outcomes never add up, solve them separately"
                )
        self.outcome = outcome or "killed"
        self.cumulative = trees.is_cumulative(self.outcome)
        if not self.cumulative:
            for c in self.constraints:
                if c.kind is Kind.INCREMENT:
                    raise ReconciliationError(
                        f"constraint {c.id!r}: an increment of the stock outcome "
                        f"{self.outcome!r} is not modelled (a stock may fall)"
                    )
        boxes = [c.terms for c in self.constraints]
        if target is not None:
            boxes += [t for _, t in target.boxes]
        boxes.append(_ALL)
        self._atoms(boxes)
        self._time(target)
        self._variables()
        self._rows()
        self.target = target

    # atoms: per dimension, used nodes minus their used children --------------------------------
    def _atoms(self, boxes: Sequence[Terms]) -> None:
        self.dim_atoms: list[list[str]] = []
        for i, dimension in enumerate(TERM_DIMENSIONS):
            tree = self.trees[dimension]
            used = _closed(self.trees, dimension, (b[i] for b in boxes))
            used_set = set(used)
            atoms = [
                n
                for n in used
                if not (
                    n in tree.exhaustive
                    and tree.children[n]
                    and all(child in used_set for child in tree.children[n])
                )
            ]
            self.dim_atoms.append(atoms)
        self.shape = tuple(len(a) for a in self.dim_atoms)
        self.n_atoms = int(np.prod(self.shape))
        self._box_cache: dict[Terms, np.ndarray] = {}

    def box(self, terms: Terms) -> np.ndarray:
        """Flat indices of the product atoms inside a scope."""
        key = terms
        if key not in self._box_cache:
            masks = []
            for i, dimension in enumerate(TERM_DIMENSIONS):
                tree = self.trees[dimension]
                term = tree.resolve(key[i])
                masks.append(
                    np.array([tree.is_within(a, term) for a in self.dim_atoms[i]], dtype=bool)
                )
            grid = masks[0]
            for mask in masks[1:]:
                grid = np.logical_and.outer(grid, mask)
            self._box_cache[key] = np.flatnonzero(grid.reshape(-1))
        return self._box_cache[key]

    # time: intervals between breakpoints (cumulative) or dates (stock) -------------------------
    def _time(self, target: Target | None) -> None:
        points: set[int] = set()
        if self.cumulative:
            windows = [
                (c.as_of, c.as_of) if c.kind is Kind.INCIDENT else (c.since, c.as_of)
                for c in self.constraints
            ]
            if target is not None:
                windows.append((target.since, target.as_of))
            for start, end in windows:
                points.add(start.toordinal() - 1)
                points.add(end.toordinal())
            self.points = sorted(points)
            self.n_slots = max(len(self.points) - 1, 0)
        else:
            days = {c.as_of.toordinal() for c in self.constraints}
            if target is not None:
                days.add(target.as_of.toordinal())
            self.points = sorted(days)
            self.n_slots = len(self.points)
        self._point_index = {p: i for i, p in enumerate(self.points)}

    def slots(self, since: dt.date, as_of: dt.date) -> np.ndarray:
        """The time slots a window covers."""
        if not self.cumulative:
            return np.array([self._point_index[as_of.toordinal()]], dtype=np.int64)
        first = self._point_index[since.toordinal() - 1]
        last = self._point_index[as_of.toordinal()]
        return np.arange(first, last, dtype=np.int64)

    def x_vars(self, terms: Terms, since: dt.date, as_of: dt.date) -> np.ndarray:
        atoms = self.box(terms)
        slots = self.slots(since, as_of)
        flat: np.ndarray = (atoms[:, None] * self.n_slots + slots[None, :]).reshape(-1)
        return flat

    # incident variables ------------------------------------------------------------------------
    def _variables(self) -> None:
        self.n_x = self.n_atoms * self.n_slots
        events: dict[str, list[Constraint]] = {}
        for c in self.constraints:
            if c.kind is Kind.INCIDENT:
                events.setdefault(str(c.event), []).append(c)
        self.z_index: dict[tuple[str, int], int] = {}
        self.event_slot: dict[str, int] = {}
        self.link: dict[int, list[int]] = {}  # x variable -> z variables it must cover
        offset = self.n_x
        for event in sorted(events):
            members = events[event]
            days = {c.as_of for c in members}
            if len(days) > 1:
                raise ReconciliationError(
                    f"event {event!r} has claims on different days "
                    f"{sorted(str(d) for d in days)}: " + ", ".join(c.id for c in members)
                )
            day = members[0].as_of
            slot = int(self.slots(day, day)[0])
            self.event_slot[event] = slot
            atoms = np.unique(np.concatenate([self.box(c.terms) for c in members]))
            for atom in atoms.tolist():
                self.z_index[(event, atom)] = offset
                self.link.setdefault(atom * self.n_slots + slot, []).append(offset)
                offset += 1
        self.n_vars = offset

    def claim_vars(self, c: Constraint) -> np.ndarray:
        if c.kind is Kind.INCIDENT:
            event = str(c.event)
            return np.array(
                [self.z_index[(event, a)] for a in self.box(c.terms).tolist()], dtype=np.int64
            )
        return self.x_vars(c.terms, c.since, c.as_of)

    # rows ----------------------------------------------------------------------------------------
    def _rows(self) -> None:
        """Claim rows as ``A v <= b`` (a lower bound is ``-sum <= -low``), then link rows."""
        rows: list[np.ndarray] = []
        signs: list[float] = []
        rhs: list[float] = []
        self.row_owner: list[tuple[str, str]] = []  # (constraint id, "low"/"high")
        self.rows_of: dict[str, list[int]] = {}
        for c in self.constraints:
            variables = self.claim_vars(c)
            if c.low > 0:
                self.rows_of.setdefault(c.id, []).append(len(rows))
                rows.append(variables)
                signs.append(-1.0)
                rhs.append(-float(c.low))
                self.row_owner.append((c.id, "low"))
            if c.high is not None and not c.partial:
                self.rows_of.setdefault(c.id, []).append(len(rows))
                rows.append(variables)
                signs.append(1.0)
                rhs.append(float(c.high))
                self.row_owner.append((c.id, "high"))
            self.rows_of.setdefault(c.id, [])
        self.n_claim_rows = len(rows)
        data: list[np.ndarray] = [np.full(len(r), s) for r, s in zip(rows, signs, strict=True)]
        cols: list[np.ndarray] = list(rows)
        row_ids: list[np.ndarray] = [np.full(len(r), i) for i, r in enumerate(rows)]
        row = len(rows)
        for x_var in sorted(self.link):
            zs = self.link[x_var]
            cols.append(np.array([*zs, x_var], dtype=np.int64))
            data.append(np.array([1.0] * len(zs) + [-1.0]))
            row_ids.append(np.full(len(zs) + 1, row))
            rhs.append(0.0)
            row += 1
        self.n_rows = row
        if row:
            self.A = sparse.csr_array(
                (np.concatenate(data), (np.concatenate(row_ids), np.concatenate(cols))),
                shape=(row, max(self.n_vars, 1)),
            )
        else:
            self.A = sparse.csr_array((0, max(self.n_vars, 1)))
        self.b = np.array(rhs, dtype=float)
        lows = [c.low for c in self.constraints]
        # Every feasible integer program has a solution with each variable <= sum of the lows
        # (the componentwise-minimal one: each positive variable sits in a tight lower row or
        # under a tight incident link), which makes the big-M of min_set_aside sound.
        self.cap = float(sum(lows)) + 1.0

    def objective(self) -> np.ndarray:
        c = np.zeros(max(self.n_vars, 1))
        assert self.target is not None
        for coefficient, terms in self.target.boxes:
            np.add.at(c, self.x_vars(terms, self.target.since, self.target.as_of), coefficient)
        return c


# --- solving -----------------------------------------------------------------------------------


def _milp(
    program: _Program,
    objective: np.ndarray,
    relax: np.ndarray | None = None,
    set_aside_cost: np.ndarray | None = None,
    rows: _RowSet | None = None,
) -> Any:
    """The integer program over the same rows (or the subset ``rows``); with ``set_aside_cost``
    each claim gets a binary indicator that relaxes its rows by a sound big-M."""
    n = max(program.n_vars, 1)
    A = program.A if rows is None else rows.A
    b = program.b if rows is None else rows.b
    upper = np.full(n, program.cap if rows is None else rows.cap)
    lower = np.zeros(n)
    integrality = np.ones(n, dtype=np.int64)
    c = objective
    if set_aside_cost is not None:
        assert relax is not None
        k = len(set_aside_cost)
        A = sparse.hstack([A, sparse.csr_array(relax)], format="csr")
        c = np.concatenate([objective, set_aside_cost])
        upper = np.concatenate([upper, np.ones(k)])
        lower = np.concatenate([lower, np.zeros(k)])
        integrality = np.concatenate([integrality, np.ones(k, dtype=np.int64)])
    constraints = [LinearConstraint(A, -np.inf, b)] if A.shape[0] else []
    return milp(
        c,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(lower, upper),
        options={"mip_rel_gap": 0.0},
    )


def _optimise(program: _Program, objective: np.ndarray, sign: int) -> tuple[str, Bound]:
    """Minimise ``sign * objective``; return status and the bound of ``objective``."""
    c = sign * objective
    result = _linprog(
        c,
        A_ub=program.A if program.n_rows else None,
        b_ub=program.b if program.n_rows else None,
        bounds=(0, None),
        method="highs",
    )
    if result.status == 2:
        return "infeasible", Bound(None)
    if result.status == 3:
        return "unbounded", Bound(None)
    if result.status != 0:  # pragma: no cover - numerical trouble is reported, not hidden
        raise ReconciliationError(f"the LP solver failed: {result.message}")
    optimum = float(sign * result.fun)
    marginals = np.asarray(result.ineqlin.marginals) if program.n_rows else np.zeros(0)
    multipliers = tuple(
        (program.row_owner[i][0], program.row_owner[i][1], round(float(-marginals[i]), 9))
        for i in range(program.n_claim_rows)
        if -marginals[i] > _TOL
    )
    x = np.asarray(result.x)
    integral = bool(np.all(np.abs(x - np.round(x)) < _TOL))
    if integral:
        # an integral optimal vertex is an integer optimum
        value = math.ceil(optimum - 1e-7) if sign > 0 else math.floor(optimum + 1e-7)
    else:
        exact = _milp(program, c)
        if exact.status == 2 or exact.x is None:
            return "infeasible", Bound(None)
        value = round(float(sign * exact.fun))
    return "optimal", Bound(int(value), optimum, multipliers, integral)


def _integer_feasible(program: _Program) -> bool:
    if program.n_rows == 0:
        return True
    result = _milp(program, np.zeros(max(program.n_vars, 1)))
    return bool(result.status == 0)


def solve(constraints: Sequence[Constraint], target: Target, trees: ScopeTrees) -> Solution:
    """The tightest integer bounds of ``target`` under ``constraints`` and the rules.

    ``low``/``high`` are the least and greatest value of the target over every assignment of
    nonnegative integer counts (per atom and time slot) satisfying every constraint; ``high``
    is ``None`` when nothing bounds it. ``feasible`` is False when no assignment exists (then
    both bounds are ``None``). Constraints of other outcomes are refused (outcomes never add up).

    >>> import datetime as dt
    >>> from karabakh_tolls.scopes import default_trees
    >>> day, war = dt.date(2020, 10, 6), dt.date(2020, 9, 27)
    >>> civ = lambda party: ("civilian", party, "all", "all")
    >>> cs = [Constraint("c09", "killed", civ("nagorno-karabakh"), 19, 19, war, day),
    ...       Constraint("c12", "killed", civ("azerbaijan"), 27, 27, war, day)]
    >>> solve(cs, Target.of(civ("all"), day, since=war), default_trees()).low.value
    46
    """
    program = _Program(constraints, target, trees)
    objective = program.objective()
    stats = {"atoms": program.n_atoms, "slots": program.n_slots, "rows": program.n_rows}
    ids = tuple(c.id for c in program.constraints)
    status_low, low = _optimise(program, objective, 1)
    if status_low == "infeasible" or (
        low.value is not None and not low.integral and not _integer_feasible(program)
    ):
        return Solution(False, Bound(None), Bound(None), ids, program.n_vars, stats)
    status_high, high = _optimise(program, objective, -1)
    if status_high == "infeasible":
        return Solution(False, Bound(None), Bound(None), ids, program.n_vars, stats)
    return Solution(True, low, high, ids, program.n_vars, stats)


def feasible(constraints: Sequence[Constraint], trees: ScopeTrees) -> bool:
    """True when some assignment of nonnegative integer counts satisfies every constraint."""
    if not constraints:
        return True
    program = _Program(constraints, None, trees)
    ok, _ = _feasibility(program, [c.id for c in program.constraints])
    return ok


# --- conflicts: feasibility with certificates, minimum set-aside, irreducible subsets -----------


@dataclass(frozen=True, slots=True)
class _RowSet:
    """The rows of some of a program's constraints, with every incident link row."""

    A: Any
    b: np.ndarray
    cap: float
    owners: tuple[str, ...]
    """The constraint id of each claim row (the link rows follow them)."""


def _row_set(program: _Program, ids: Iterable[str]) -> _RowSet:
    chosen = set(ids)
    claim_rows = [i for i, (cid, _) in enumerate(program.row_owner) if cid in chosen]
    rows = np.array([*claim_rows, *range(program.n_claim_rows, program.n_rows)], dtype=np.int64)
    lows = sum(c.low for c in program.constraints if c.id in chosen)
    return _RowSet(
        program.A[rows] if rows.size else sparse.csr_array((0, program.A.shape[1])),
        program.b[rows],
        float(lows) + 1.0,
        tuple(program.row_owner[i][0] for i in claim_rows),
    )


def _feasibility(program: _Program, ids: Sequence[str]) -> tuple[bool, frozenset[str] | None]:
    """Whether the constraints ``ids`` of ``program`` can all hold, in whole counts.

    Solves the *elastic* LP ``min sum(s)`` subject to ``A x - s <= b`` (a slack per claim row,
    none on incident links). Its optimum is 0 exactly when the LP is feasible; then an integral
    vertex is an integer solution (checked exactly), and otherwise the integer program decides.
    When the optimum is positive, the dual multipliers ``y`` of the claim rows are a Farkas
    certificate: ``y'A x >= sum(min(y'A, 0)) x cap`` for every ``0 <= x <= cap`` while
    ``y'b`` is smaller, so no integer solution exists (one would exist below ``cap``, see
    :func:`min_set_aside`), and the constraints owning the rows with ``y > 0`` already cannot
    all hold. Returns ``(feasible, certificate)``; the certificate (a subset of ``ids`` that
    is infeasible by itself) is ``None`` when feasible or when the integer program decided.
    """
    rows = _row_set(program, ids)
    m = len(rows.owners)
    if m == 0:
        return True, None  # incident links alone hold at zero
    n = rows.A.shape[1]
    slack = sparse.csr_array(
        (-np.ones(m), (np.arange(m), np.arange(m))), shape=(rows.A.shape[0], m)
    )
    cost = np.concatenate([np.zeros(n), np.ones(m)])
    result = _linprog(
        cost,
        A_ub=sparse.hstack([rows.A, slack], format="csr"),
        b_ub=rows.b,
        bounds=(0, None),
        method="highs",
    )
    if result.status != 0:  # pragma: no cover - the elastic LP is always feasible and bounded
        raise ReconciliationError(f"the feasibility LP failed: {result.message}")
    if float(result.fun) <= _TOL:
        x = np.asarray(result.x)[:n]
        whole = np.round(x)
        if np.all(np.abs(x - whole) < _TOL) and np.all(rows.A @ whole <= rows.b + 1e-9):
            return True, None  # an integral point satisfying every row exactly
    else:
        y = -np.asarray(result.ineqlin.marginals, dtype=float)
        y[y < 1e-9] = 0.0
        reduced = rows.A.T @ y
        floor = float(np.minimum(reduced, 0.0).sum()) * rows.cap
        if float(rows.b @ y) < floor - 1e-7:
            return False, frozenset(rows.owners[i] for i in range(m) if y[i] > 0)
    exact = _milp(program, np.zeros(max(program.n_vars, 1)), rows=rows)
    return bool(exact.status == 0), None


def _set_aside(program: _Program, weights: Mapping[str, float] | None) -> tuple[str, ...]:
    """The minimum-weight set-aside MILP of an infeasible program (see :func:`min_set_aside`)."""
    ordered = program.constraints
    k = len(ordered)
    w = np.array([float((weights or {}).get(c.id, 1.0)) for c in ordered])
    if np.any(w <= 0) or not np.all(np.isfinite(w)):
        raise ReconciliationError(f"trust weights must be positive and finite, got {w.tolist()}")
    tie = 1e-3 * float(w.min()) / (k + 1)
    cost = w + tie * (k - np.arange(k)) / k
    relax = np.zeros((program.n_rows, k))
    nnz = np.diff(program.A.indptr) if program.n_rows else np.zeros(0, dtype=np.int64)
    for j, c in enumerate(ordered):
        for row in program.rows_of[c.id]:
            side = program.row_owner[row][1]
            relax[row, j] = -(float(c.low) if side == "low" else float(nnz[row]) * program.cap)
    result = _milp(program, np.zeros(max(program.n_vars, 1)), relax, cost)
    if result.status != 0 or result.x is None:  # pragma: no cover - dropping all is feasible
        raise ReconciliationError(f"finding claims to set aside failed: {result.message}")
    chosen = np.asarray(result.x)[max(program.n_vars, 1) :] > 0.5
    return tuple(c.id for c, flag in zip(ordered, chosen, strict=True) if flag)


def _deletion_filter(program: _Program, ids: Sequence[str], culprit: str) -> tuple[str, ...]:
    """The deletion filter over ``sorted(ids)``, skipping the solves a certificate answers.

    The filter visits the constraints in id order and drops each one whose removal leaves the
    rest infeasible. Whenever the current set is known to contain an infeasible certificate
    ``T``, a constraint outside ``T`` is dropped without solving (the rest still contains
    ``T``); only members of ``T`` are tested. The answer is the plain deletion filter's.
    """
    keep = sorted(ids)
    ok, certificate = _feasibility(program, keep)
    if ok:
        return ()
    core: frozenset[str] = certificate if certificate is not None else frozenset(keep)
    for cid in list(keep):
        if cid == culprit:
            continue
        trial = [d for d in keep if d != cid]
        if cid not in core:
            keep = trial
            continue
        ok, certificate = _feasibility(program, trial)
        if not ok:
            keep = trial
            core = certificate if certificate is not None else frozenset(trial)
    return tuple(keep)


def min_set_aside(
    constraints: Sequence[Constraint],
    trees: ScopeTrees,
    weights: Mapping[str, float] | None = None,
) -> tuple[str, ...]:
    """A minimum-weight set of constraint ids whose removal leaves the rest feasible.

    Each constraint gets a binary indicator that relaxes all its rows; the relaxation is
    sound because a feasible program always has a solution with every variable at most
    ``sum(lows) + 1`` (bounded in the MILP), so a relaxed upper row needs ``M = nnz x cap`` and a
    relaxed lower row ``M = low``. Weights default to 1; ties are broken by claim id (the
    later id is set aside first), so the answer does not depend on input order.

    >>> import datetime as dt
    >>> from karabakh_tolls.scopes import default_trees
    >>> day = dt.date(2020, 10, 6)
    >>> cs = [Constraint(i, "killed", ("all",) * 4, n, n, day, day) for i, n in
    ...       (("a", 5), ("b", 7))]
    >>> min_set_aside(cs, default_trees())
    ('b',)
    """
    program = _Program(constraints, None, trees)
    if _feasibility(program, [c.id for c in program.constraints])[0]:
        return ()
    return _set_aside(program, weights)


def irreducible_subset(
    constraints: Sequence[Constraint], trees: ScopeTrees, culprit: str
) -> tuple[str, ...]:
    """An irreducible infeasible subset of ``constraints`` that contains ``culprit``.

    ``constraints`` without ``culprit`` must be feasible and with it infeasible. The deletion
    filter (in id order) drops every other constraint whose removal keeps the set infeasible,
    so no claim of the answer can be removed without the rest becoming consistent. Ids are
    sorted; ``()`` when ``constraints`` are feasible.

    >>> import datetime as dt
    >>> from karabakh_tolls.scopes import default_trees
    >>> day = dt.date(2020, 10, 6)
    >>> cs = [Constraint(i, "killed", t, n, n, day, day) for i, t, n in
    ...       (("a", ("all",) * 4, 5), ("b", ("all",) * 4, 7),
    ...        ("c", ("civilian", "all", "all", "all"), 3))]
    >>> irreducible_subset(cs, default_trees(), "b")
    ('a', 'b')
    """
    program = _Program(constraints, None, trees)
    return _deletion_filter(program, [c.id for c in program.constraints], culprit)


@dataclass(frozen=True, slots=True)
class ConflictAnalysis:
    """What makes a set of constraints inconsistent, and what to set aside.

    ``set_aside`` is :func:`min_set_aside`'s answer (empty when the constraints are
    consistent); ``cores[i]`` is the irreducible infeasible subset (:func:`irreducible_subset`)
    that ``set_aside[i]`` forms with the constraints kept.
    """

    feasible: bool
    set_aside: tuple[str, ...] = ()
    cores: tuple[tuple[str, ...], ...] = ()


def analyse_conflicts(
    constraints: Sequence[Constraint],
    trees: ScopeTrees,
    weights: Mapping[str, float] | None = None,
) -> ConflictAnalysis:
    """Feasibility, the minimum-weight set-aside and one irreducible core per claim set aside.

    The same answers as :func:`feasible`, :func:`min_set_aside` and :func:`irreducible_subset`
    (on the kept constraints plus each one set aside), from one program built once. It depends
    only on the constraints, their weights and the trees, never on a query: see
    :class:`ConflictCache` to reuse it across queries.

    >>> import datetime as dt
    >>> from karabakh_tolls.scopes import default_trees
    >>> day = dt.date(2020, 10, 6)
    >>> cs = [Constraint(i, "killed", ("all",) * 4, n, n, day, day) for i, n in
    ...       (("a", 5), ("b", 7))]
    >>> analyse_conflicts(cs, default_trees())
    ConflictAnalysis(feasible=False, set_aside=('b',), cores=(('a', 'b'),))
    """
    if not constraints:
        return ConflictAnalysis(True)
    program = _Program(constraints, None, trees)
    ids = [c.id for c in program.constraints]
    if _feasibility(program, ids)[0]:
        return ConflictAnalysis(True)
    aside = _set_aside(program, weights)
    kept = [cid for cid in ids if cid not in aside]
    cores = tuple(_deletion_filter(program, [*kept, cid], cid) for cid in aside)
    return ConflictAnalysis(False, aside, cores)


class _Same:
    """A key part that compares by identity (scope trees hold dicts and are not hashable).

    The cache entry keeps the object alive, so its ``id`` cannot be reused while cached.
    """

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


class CacheInfo(NamedTuple):
    """Counters of a :class:`ConflictCache` (the shape of ``functools.lru_cache``'s)."""

    hits: int
    misses: int
    maxsize: int
    currsize: int


class ConflictCache:
    """A small least-recently-used cache of :func:`analyse_conflicts` results.

    The key is the value of everything the analysis depends on: the constraints (immutable
    values, in id order), the weight of each, and the identity of the scope trees. A
    query's scope and date are not part of it, so every query about one claim set and
    outcome reuses one analysis; an entry can never go stale, and at most ``maxsize`` are
    kept. Safe to share between threads.

    >>> import datetime as dt
    >>> from karabakh_tolls.scopes import default_trees
    >>> day = dt.date(2020, 10, 6)
    >>> cs = [Constraint(i, "killed", ("all",) * 4, n, n, day, day) for i, n in
    ...       (("a", 5), ("b", 7))]
    >>> cache = ConflictCache(maxsize=4)
    >>> cache.analyse(cs, default_trees()).set_aside, cache.analyse(cs[::-1], default_trees())
    (('b',), ConflictAnalysis(feasible=False, set_aside=('b',), cores=(('a', 'b'),)))
    >>> cache.info()
    CacheInfo(hits=1, misses=1, maxsize=4, currsize=1)
    """

    def __init__(self, maxsize: int = 32) -> None:
        if maxsize < 1:
            raise ValueError(f"maxsize={maxsize!r} must be at least 1")
        self.maxsize = maxsize
        self._entries: OrderedDict[Hashable, ConflictAnalysis] = OrderedDict()
        self._lock = threading.Lock()
        self._hits = 0
        self._misses = 0

    @staticmethod
    def _key(
        constraints: Sequence[Constraint],
        trees: ScopeTrees,
        weights: Mapping[str, float] | None,
    ) -> Hashable:
        ordered = tuple(sorted(constraints, key=lambda c: c.id))
        w = tuple(float((weights or {}).get(c.id, 1.0)) for c in ordered)
        return (_Same(trees), ordered, w)

    def lookup(
        self,
        constraints: Sequence[Constraint],
        trees: ScopeTrees,
        weights: Mapping[str, float] | None = None,
    ) -> ConflictAnalysis | None:
        """The cached analysis, or ``None`` (counted as a miss) when there is none."""
        key = self._key(constraints, trees, weights)
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self._misses += 1
            else:
                self._hits += 1
                self._entries.move_to_end(key)
            return found

    def store(
        self,
        constraints: Sequence[Constraint],
        trees: ScopeTrees,
        weights: Mapping[str, float] | None,
        analysis: ConflictAnalysis,
    ) -> None:
        """Remember ``analysis`` (e.g. ``ConflictAnalysis(True)`` once a solve was feasible)."""
        key = self._key(constraints, trees, weights)
        with self._lock:
            self._entries[key] = analysis
            self._entries.move_to_end(key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)

    def analyse(
        self,
        constraints: Sequence[Constraint],
        trees: ScopeTrees,
        weights: Mapping[str, float] | None = None,
    ) -> ConflictAnalysis:
        """:func:`analyse_conflicts`, computed once per distinct key."""
        found = self.lookup(constraints, trees, weights)
        if found is None:
            found = analyse_conflicts(constraints, trees, weights)
            self.store(constraints, trees, weights, found)
        return found

    def info(self) -> CacheInfo:
        """Hits, misses, capacity and current size."""
        with self._lock:
            return CacheInfo(self._hits, self._misses, self.maxsize, len(self._entries))

    def clear(self) -> None:
        """Forget every entry and reset the counters."""
        with self._lock:
            self._entries.clear()
            self._hits = self._misses = 0


CONFLICTS: Final = ConflictCache()
"""The cache :func:`karabakh_tolls.reconcile` uses (32 entries)."""


def _day(value: Any) -> dt.date:
    return pd.Timestamp(value).date()


def constraints_from_frame(frame: pd.DataFrame) -> tuple[Constraint, ...]:
    """The rows of a claim table (schema of :mod:`karabakh_tolls.frame`) as constraints.

    The frame is not modified; the result is sorted by claim id. A claim with partial coverage
    is a lower bound only; so is an *implicit* count (hedge ``implicit``: "his daughter and
    three of her children"), which enumerates people it names rather than totalling its scope.

    >>> from karabakh_tolls import load_seed_claims
    >>> cs = constraints_from_frame(load_seed_claims().frame)
    >>> cs[6].id, cs[6].terms, cs[6].low, cs[6].high
    ('c07', ('civilian', 'all', 'all', 'all'), 146, 146)
    """
    out = []
    columns = [
        "claim_id",
        "outcome",
        *TERM_DIMENSIONS,
        "low",
        "high",
        "since",
        "as_of",
        "kind",
        "coverage",
        "event",
        "hedge",
    ]
    records: list[dict[Any, Any]] = frame[columns].astype(object).to_dict("records")
    for row in records:
        high = None if pd.isna(row["high"]) else int(row["high"])
        event = None if pd.isna(row["event"]) else str(row["event"])
        out.append(
            Constraint(
                str(row["claim_id"]),
                str(row["outcome"]),
                (
                    str(row["category"]),
                    str(row["party"]),
                    str(row["perpetrator"]),
                    str(row["region"]),
                ),
                int(row["low"]),
                high,
                _day(row["since"]),
                _day(row["as_of"]),
                Kind(str(row["kind"])),
                str(row["coverage"]) == "partial" or str(row["hedge"]) == "implicit",
                event,
            )
        )
    return tuple(sorted(out, key=lambda c: c.id))


def terms_of(scope: Any) -> Terms:
    """The four dimension terms of a :class:`~karabakh_tolls.scopes.Scope`."""
    category, party, perpetrator, region = (str(getattr(scope, d)) for d in TERM_DIMENSIONS)
    return (category, party, perpetrator, region)
