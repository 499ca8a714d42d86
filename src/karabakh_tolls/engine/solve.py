"""Solve a war's constraints: every component exactly where it fits, the rest by propagation.

For one (war, outcome) group of :mod:`~karabakh_tolls.engine.constraints`:

1. split the constraints into independent components (:mod:`~karabakh_tolls.engine.components`);
2. a component whose claims all count one box over one window (a *single-key* component, as
   when several sources give a figure for the same scope and date) is solved in closed form:
   its count lies in ``[max(lows), min(highs)]``, and when the claims cannot all hold the
   claims set aside are the least-weight set whose removal leaves a common point (interval
   stabbing), the same answer as the general program's;
3. any other component gets its linear program (:mod:`~karabakh_tolls.engine.exact`), its
   conflicts analysed (:mod:`~karabakh_tolls.engine.conflicts`), built on first use; a component
   above the size limit, or with counts a floating-point solver cannot hold exactly, is
   *propagated*;
4. any box of scopes over the days ``0..day`` is bounded by adding up, over the components it
   meets, each one's least and greatest count of the box; the box's people that no claim counts
   (a cell and day outside every component) can be any number, so they add 0 to the least and
   make the greatest open. Summing is exact because components share no variable.

The table of every grid row (:func:`table`) is a map over components (each solves the distinct
objectives of the rows it meets, found by lifting boxes as in the component split) and a reduce
per row; that is the shape a cluster distributes. A row that meets a propagated component takes
the interval propagation of the whole group instead (sound: never narrower than the exact
range), and says so (``exact = False``).

This module imports numpy and the package's ``engine`` modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from scipy import sparse

from karabakh_tolls.engine import exact
from karabakh_tolls.engine.codes import IntArray, sorted_unique, sorted_unique_in_place
from karabakh_tolls.engine.components import components, meeting_pairs
from karabakh_tolls.engine.conflicts import Analysis, analyse, group_costs
from karabakh_tolls.engine.constraints import INCIDENT, OPEN, Constraints
from karabakh_tolls.engine.exact import Answer, ComponentModel, TooLarge
from karabakh_tolls.engine.propagate import INF, Prepared, Propagation, prepare

__all__ = [
    "DEFAULT_MAX_VARIABLES",
    "PAIR_BYTES",
    "Bound",
    "GroupSolver",
    "Pairs",
    "SupportTooLarge",
    "Table",
    "solver",
    "support_budget",
    "table",
]

DEFAULT_MAX_VARIABLES: Final = 5_000
"""Largest component (merged variables) the exact program solves; larger ones are propagated."""

PAIR_BYTES: Final = 96
"""Bytes one ``(row, claim)`` support pair takes from its key to its id in a joined column
(measured: 82 bytes a pair on the real UCDP war ucdp-488, 11.4M pairs; rounded up)."""

_SUPPORT_BUDGET: ContextVar[int | None] = ContextVar("support_budget", default=None)

BoolArray = npt.NDArray[np.bool_]
Block = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]
"""Rows and constraint positions: every row with every position."""
Terms = tuple[tuple[int, str, float], ...]


@dataclass(frozen=True, slots=True)
class Bound:
    """The range of one box over days ``0..day``, and where it comes from.

    ``low_terms``/``high_terms`` are ``(constraint position, side, multiplier)`` of the claim
    bounds behind each end (``bound = sum(multiplier x claim bound)``, a claim's lower side
    added and its upper side subtracted for the low; the reverse for the high). ``exact`` is
    False when the range comes from propagation; ``components`` are the components met.
    """

    low: int
    high: int | None
    low_terms: Terms
    high_terms: Terms
    exact: bool
    integral: bool
    optimum_low: float | None
    optimum_high: float | None
    components: tuple[int, ...]
    set_aside: tuple[int, ...]
    free: bool
    """True when some of the box's people are counted by no claim (so no upper bound)."""


@dataclass(eq=False)
class _Component:
    """One component: its members, their distinct boxes and days; solved on first use."""

    members: IntArray
    boxes: IntArray
    first_day: int
    last_day: int
    days: IntArray
    single: bool
    """All members count one box over one window (no incident): solved in closed form."""
    _model: ComponentModel | None = None
    _analysis: Analysis | None = None
    _built: bool = False
    # the closed form of a single-key component
    low: int = 0
    high: int = OPEN
    low_claim: int = -1
    high_claim: int = -1


def _single_key(group: Constraints, part: _Component) -> Analysis:
    """The closed form of a single-key component (see the module docstring)."""
    m = part.members
    low = group.low[m]
    upper = group.upper[m]
    top = np.where(upper == OPEN, INF, upper)
    ids = group.ids[m].astype(str)
    if int(low.max()) <= int(top.min()):
        aside: list[int] = []
        analysis = Analysis(True)
    else:
        # keep the claims that share a point, of greatest total weight; ties as the program
        # breaks them (set the later claim id aside first)
        # an evidence group goes as a whole and costs its largest weight once
        group_of, cost = group_costs(group.weight[m], ids, group.evidence[m])
        best, best_cost = None, np.inf
        for point in np.unique(low).tolist():
            out_groups = np.unique(group_of[(low > point) | (top < point)])
            total = float(cost[out_groups].sum())
            if total < best_cost - 1e-12:
                best, best_cost = np.isin(group_of, out_groups), total
        assert best is not None
        aside = np.flatnonzero(best).tolist()
        kept = ~best
        cores = []
        for j in aside:
            disjoint = kept & ((low > top[j]) | (top < low[j]))
            partner = max(np.flatnonzero(disjoint).tolist(), key=lambda i: ids[i])
            cores.append(tuple(sorted((int(m[j]), int(m[partner])))))
        analysis = Analysis(False, tuple(int(m[j]) for j in aside), tuple(cores))
    keep = np.ones(len(m), dtype=bool)
    keep[aside] = False
    kept_pos = np.flatnonzero(keep)
    lows = low[kept_pos]
    part.low = int(lows.max())
    part.low_claim = int(m[kept_pos[np.argmax(lows)]])
    tops = top[kept_pos]
    if int(tops.min()) < INF:
        part.high = int(tops.min())
        part.high_claim = int(m[kept_pos[np.argmin(tops)]])
    return analysis


@dataclass
class _BoundSum:
    """The answers of the components one question meets, added up into a :class:`Bound`
    (components share no variable, so their least and greatest counts add)."""

    low: int = 0
    high: int = 0
    high_open: bool = False
    low_terms: list[tuple[int, str, float]] = field(default_factory=list)
    high_terms: list[tuple[int, str, float]] = field(default_factory=list)
    covered: int = 0
    integral: bool = True
    certain: bool = True
    opt_low: float = 0.0
    opt_high: float = 0.0
    aside: list[int] = field(default_factory=list)

    def add(self, low: Answer, high: Answer, covered: int) -> None:
        """One component's solved minimum and maximum and the (cell, day) pairs it covers."""
        assert low.value is not None
        self.low += low.value
        self.low_terms += low.multipliers
        self.opt_low += low.optimum or 0.0
        self.integral &= low.integral and high.integral
        self.certain &= low.exact and high.exact
        if high.value is None:
            self.high_open = True
        else:
            self.high += high.value
            self.high_terms += high.multipliers
            self.opt_high += high.optimum or 0.0
        self.covered += covered

    def add_single(self, low: int, high: int, covered: int, part: _Component) -> None:
        """One single-key component's closed form (its one low and one high claim)."""
        self.low += low
        self.covered += covered
        if low > 0:
            self.low_terms.append((part.low_claim, "low", 1.0))
            self.opt_low += float(low)
        if high == OPEN:
            self.high_open = True
        else:
            self.high += high
            self.opt_high += float(high)
            self.high_terms.append((part.high_claim, "high", 1.0))

    def bound(self, measure: int, met: list[int]) -> Bound:
        """The range, open above when the components cover fewer than ``measure`` pairs."""
        free = self.covered < measure
        open_high = self.high_open or free
        return Bound(
            self.low,
            None if open_high else self.high,
            tuple(sorted(self.low_terms)),
            () if open_high else tuple(sorted(self.high_terms)),
            self.certain,
            self.integral,
            self.opt_low,
            None if open_high else self.opt_high,
            tuple(met),
            tuple(sorted(self.aside)),
            free,
        )


@dataclass(eq=False)
class GroupSolver:
    """One group's components; :meth:`bound` answers any box and day, building only the
    components it meets."""

    group: Constraints
    labels: IntArray
    parts: list[_Component]
    max_variables: int
    _propagation: Propagation | None = field(default=None)
    _prepared: Prepared | None = field(default=None)
    _aside_by_propagation: tuple[int, ...] = ()
    _witnessed: Propagation | None = field(default=None)
    _witnessed_done: bool = False

    # --- components --------------------------------------------------------------------------
    def _build(self, c: int) -> _Component:
        part = self.parts[c]
        if part._built:
            return part
        part._built = True
        if part.single:
            part._analysis = _single_key(self.group, part)
            return part
        try:
            model: ComponentModel | None = ComponentModel(
                self.group, part.members, max_variables=self.max_variables
            )
        except TooLarge:
            model = None
        if model is not None and (not model.representable or model.A.shape[1] > self.max_variables):
            model = None
        if model is None:
            part._analysis = Analysis(True)
            return part
        analysis = analyse(model)
        if not analysis.feasible:
            kept = np.setdiff1d(part.members, np.array(analysis.set_aside, dtype=np.int64))
            model = ComponentModel(self.group, kept, max_variables=self.max_variables)
        part._model, part._analysis = model, analysis
        return part

    def model(self, c: int) -> ComponentModel | None:
        """The exact program of component ``c`` (``None`` for single-key or propagated)."""
        return self._build(c)._model

    def analysis(self, c: int) -> Analysis:
        """Component ``c``'s conflict analysis."""
        part = self._build(c)
        assert part._analysis is not None
        return part._analysis

    def propagated(self, c: int) -> bool:
        """Whether component ``c`` is too large for the exact program."""
        part = self._build(c)
        return not part.single and part._model is None

    @property
    def excluded(self) -> BoolArray:
        """Per constraint: unused (weight 0) or set aside by its component's analysis (every
        component is analysed)."""
        out = ~self.group.used
        for c in range(len(self.parts)):
            out[list(self.analysis(c).set_aside)] = True
        return out

    def meeting(self, box: IntArray, day: int) -> list[int]:
        """The components whose claims share a cell and a day with a box over ``0..day``."""
        if not self.parts:
            return []
        dims = self.group.codes.dims[1:]
        boxes = np.concatenate([p.boxes for p in self.parts])
        owner = np.repeat(np.arange(len(self.parts)), [len(p.boxes) for p in self.parts])
        _, j = meeting_pairs(dims, np.asarray(box, dtype=np.int64)[None, :], boxes)
        found = []
        for c in sorted(set(owner[j].tolist())):
            part = self.parts[c]
            if self.group.cumulative and day < part.first_day:
                continue
            if not self.group.cumulative and day not in part.days:
                continue
            found.append(c)
        return found

    # --- the propagated part -----------------------------------------------------------------
    def prepared(self) -> Prepared:
        """The propagation grid of the whole group (built on first use)."""
        if self._prepared is None:
            self._prepared = prepare(self.group)
        return self._prepared

    def propagation(self) -> Propagation:
        """The group propagated without the claims set aside, conflicts repaired greedily."""
        if self._propagation is None:
            self._propagation, aside = _repair(self.prepared(), self.excluded, self.group)
            self._aside_by_propagation = aside
        return self._propagation

    def witnessed(self) -> Propagation | None:
        """The group propagated with only the claims of the components solved exactly (closed
        form or program), less the claims their analyses set aside: a system every claim of
        which can hold at once (each such component was shown feasible, and components share
        no variable), so its propagated bounds are sound outer bounds of the exact ranges of
        the rows those components meet. ``None`` when that propagation still finds a conflict
        (it cannot, short of a fault; nothing is then certified from it)."""
        if not self._witnessed_done:
            self._witnessed_done = True
            excluded = self.excluded.copy()
            for c, part in enumerate(self.parts):
                if self.propagated(c):
                    excluded[part.members] = True
            grid = self.prepared().propagate(excluded)
            if not grid.conflict.any() and not grid.event_conflicts:
                self._witnessed = grid
        return self._witnessed

    @property
    def aside_by_propagation(self) -> tuple[int, ...]:
        """Constraints set aside by the greedy repair of propagated components."""
        if self._propagation is None:
            return ()
        return self._aside_by_propagation

    # --- bounds -----------------------------------------------------------------------------
    def bound(self, box: IntArray, day: int) -> Bound:
        """The exact range of one box (node codes) over days ``0..day`` (or its propagated
        range when it meets a propagated component)."""
        met = self.meeting(box, day)
        if any(self.propagated(c) for c in met):
            return self._propagated(box, day, met)
        total = _BoundSum()
        for c in met:
            part = self._build(c)
            total.aside.extend(self.analysis(c).set_aside)
            if part.single:
                lo, hi, cov = _single_contribution(self.group, part, box[None, :], np.array([day]))
                total.add_single(int(lo[0]), int(hi[0]), int(cov[0]), part)
                continue
            model = part._model
            assert model is not None
            question = model.question(box, day)
            total.add(model.low(question), model.high(question), question.covered)
        return total.bound(self._measure(box, day), met)

    def bound_signed(self, boxes: IntArray, coefficients: IntArray, day: int) -> Bound:
        """The exact range of ``sum(coefficient x count(box))`` (a complement ``all - part`` or
        a sum of disjoint boxes) over days ``0..day``: each component met is solved with atoms
        and slots refined by the boxes and the day."""
        met = sorted({c for box in boxes for c in self.meeting(box, day)})
        if any(self.propagated(c) for c in met):
            raise TooLarge("a signed question meets a propagated component")
        total = _BoundSum()
        for c in met:
            part = self.parts[c]
            analysis = self.analysis(c)
            kept = np.setdiff1d(part.members, np.array(analysis.set_aside, dtype=np.int64))
            model = ComponentModel(
                self.group,
                kept,
                max_variables=self.max_variables,
                extra_boxes=boxes,
                extra_days=np.array([day], dtype=np.int64),
            )
            total.add(*model.signed(boxes, coefficients, day))
            total.aside.extend(analysis.set_aside)
        measure = sum(
            int(k) * self._measure(np.asarray(b, dtype=np.int64), day)
            for b, k in zip(boxes, coefficients.tolist(), strict=True)
        )
        return total.bound(measure, met)

    def _measure(self, box: IntArray, day: int) -> int:
        """(cell, day) pairs of a box over days ``0..day`` (for a stock: cells on that day)."""
        return int(_measures(self.group, np.asarray(box)[None, :], np.array([day]))[0])

    def _propagated(self, box: IntArray, day: int, met: list[int]) -> Bound:
        grid = self.propagation()
        nodes, days = self.prepared().rows()
        hit = np.flatnonzero((days == day) & np.all(nodes == box[None, :], axis=1))
        if len(hit):
            row = int(hit[0])
            low, high = int(grid.low[row]), int(grid.high[row])
            lows, _ = grid.support(row, "low")
            highs, _ = grid.support(row, "high")
        else:
            # a box off the grid: the propagated bounds of the grid do not name it; say only
            # what is certain (no count below zero, nothing bounds it that we checked)
            low, high, lows, highs = 0, INF, (), ()
        position = {str(i): p for p, i in enumerate(self.group.ids.tolist())}
        aside = sorted(
            {*self.aside_by_propagation, *(a for c in met for a in self.analysis(c).set_aside)}
        )
        return Bound(
            low,
            None if high >= INF else high,
            tuple((position[i], "low", 1.0) for i in lows),
            () if high >= INF else tuple((position[i], "high", 1.0) for i in highs),
            False,
            True,
            None,
            None,
            tuple(met),
            tuple(aside),
            False,
        )


def _measures(group: Constraints, boxes: IntArray, days: IntArray) -> IntArray:
    """(cell, day) pairs of each box over days ``0..day`` (for a stock: its cells)."""
    dims = group.codes.dims[1:]
    cells = np.ones(len(boxes), dtype=np.int64)
    for d in range(4):
        cells *= dims[d].cell_hi[boxes[:, d]] - dims[d].cell_lo[boxes[:, d]]
    return cells * (days + 1) if group.cumulative else cells


def _single_contribution(
    group: Constraints, part: _Component, boxes: IntArray, days: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    """A single-key component's least and greatest count of each box over ``0..day`` (OPEN:
    unbounded) and the (cell, day) pairs it covers there. The boxes meet the component."""
    return _singles(group, [part] * len(boxes), boxes, days)


def _singles(
    group: Constraints, parts: list[_Component], boxes: IntArray, days: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    """:func:`_single_contribution` for many (part, box, day) triples at once."""
    dims = group.codes.dims[1:]
    key = np.stack([p.boxes[0] for p in parts]) if parts else np.zeros((0, 4), dtype=np.int64)
    start = np.array([int(group.since[p.members[0]]) for p in parts], dtype=np.int64)
    end = np.array([int(group.as_of[p.members[0]]) for p in parts], dtype=np.int64)
    low = np.array([p.low for p in parts], dtype=np.int64)
    high = np.array([p.high for p in parts], dtype=np.int64)
    inside = np.ones(len(parts), dtype=bool)
    cells = np.ones(len(parts), dtype=np.int64)
    for d in range(4):
        t = dims[d]
        lo = np.maximum(t.cell_lo[key[:, d]], t.cell_lo[boxes[:, d]])
        hi = np.minimum(t.cell_hi[key[:, d]], t.cell_hi[boxes[:, d]])
        share = np.clip(hi - lo, 0, None)
        inside &= share == t.cell_hi[key[:, d]] - t.cell_lo[key[:, d]]
        cells *= share
    if group.cumulative:
        inside &= end <= days
        counted = np.clip(np.minimum(end, days) - start + 1, 0, None)
    else:
        counted = (end == days).astype(np.int64)
    return np.where(inside, low, 0), high, cells * counted


@dataclass(frozen=True, eq=False)
class Pairs:
    """``(row, constraint position)`` pairs kept as one distinct, sorted int64 key each,
    ``row * width + position`` (half the memory of a pair array, sorted by row then position).

    Built from *blocks*: ``(rows, positions)`` meaning every row with every position, so the
    pairs of rows that are dropped are never made.

    >>> s = Pairs.of([(np.array([2, 0]), np.array([1, 2])), (np.array([0]), np.array([2]))], 3)
    >>> s.pairs().tolist()
    [[0, 1], [0, 2], [2, 1], [2, 2]]
    """

    keys: IntArray
    width: int

    @staticmethod
    def kept(blocks: list[Block], drop: BoolArray | None) -> list[Block]:
        """The blocks without the rows where ``drop`` is true (and without empty blocks)."""
        out = []
        for rows, positions in blocks:
            if drop is not None:
                rows = rows[~drop[rows]]
            if len(rows) and len(positions):
                out.append((rows, positions))
        return out

    @staticmethod
    def size(blocks: list[Block]) -> int:
        """How many pairs the blocks make (repeats counted)."""
        return sum(len(rows) * len(positions) for rows, positions in blocks)

    @classmethod
    def of(cls, blocks: list[Block], width: int, drop: BoolArray | None = None) -> Pairs:
        """The distinct pairs of ``blocks``, without those of the rows where ``drop`` is true.

        Only the pairs kept are made, one block at a time into one array: the memory needed
        is the pairs kept plus one block's."""
        chosen = cls.kept(blocks, drop)
        keys = np.empty(cls.size(chosen), dtype=np.int64)
        at = 0
        for rows, positions in chosen:
            n = len(rows) * len(positions)
            block = keys[at : at + n].reshape(len(rows), len(positions))
            block[:] = rows.astype(np.int64)[:, None] * width
            block += positions.astype(np.int64)[None, :]
            at += n
        return cls(sorted_unique_in_place(keys), width)

    def __len__(self) -> int:
        return len(self.keys)

    def rows(self) -> IntArray:
        """The row of every pair."""
        out: IntArray = self.keys // self.width
        return out

    def pairs(self) -> IntArray:
        """An ``(n, 2)`` array of ``(row, position)``."""
        return np.stack([self.keys // self.width, self.keys % self.width], axis=1)


@dataclass(frozen=True, eq=False)
class Table:
    """The bounds of every grid row of a group (the keys of its propagation grid).

    Arrays are aligned with the rows (``nodes``: an ``(n, 4)`` array of node codes, ``days``:
    days from the war's start); ``high == OPEN`` means open above. ``component`` is the one
    component a row meets (-1 when it meets none or several; ``n_components`` says how many).
    ``aside``, ``low_support`` and ``high_support`` are :class:`Pairs` of
    ``(row, constraint position)``: the claims set aside in the components a row meets, and the
    claims behind its low and high.
    """

    nodes: IntArray
    days: IntArray
    low: IntArray
    high: IntArray
    exact: BoolArray
    component: IntArray
    n_components: IntArray
    aside: Pairs
    low_support: Pairs
    high_support: Pairs


class SupportTooLarge(Exception):
    """A table's support pairs would need more than the budget of :func:`support_budget`.

    ``pairs`` are the pairs the table would make (counted before any is made) and ``needed``
    their bytes at :data:`PAIR_BYTES` each."""

    def __init__(self, pairs: int, needed: int, budget: int) -> None:
        self.pairs = pairs
        self.needed = needed
        self.budget = budget
        super().__init__(f"{pairs:,} support pairs need {needed:,} bytes > {budget:,}")


@contextmanager
def support_budget(budget: int | None) -> Iterator[None]:
    """Within the block, :func:`table` raises :class:`SupportTooLarge`, before making any
    support pair, when its pairs would need more than ``budget`` bytes (``None``: no limit,
    the default).

    >>> from karabakh_tolls import load_seed_claims
    >>> from karabakh_tolls.engine.constraints import stage
    >>> group = stage(load_seed_claims()).group("karabakh-2020", "killed")
    >>> with support_budget(1_000):
    ...     table(solver(group))
    Traceback (most recent call last):
    ...
    karabakh_tolls.engine.solve.SupportTooLarge: ... support pairs need ...
    """
    token = _SUPPORT_BUDGET.set(budget)
    try:
        yield
    finally:
        _SUPPORT_BUDGET.reset(token)


def _distinct_rows(columns: BoolArray) -> tuple[BoolArray, IntArray]:
    """The distinct rows of a boolean matrix and each row's index among them (fast: rows are
    packed to bytes and compared as one value each)."""
    if len(columns) == 0:
        return columns, np.zeros(0, dtype=np.int64)
    packed = np.packbits(columns, axis=1)
    view = np.ascontiguousarray(packed).view(np.dtype((np.void, packed.shape[1])))
    _, first, inverse = np.unique(view.reshape(-1), return_index=True, return_inverse=True)
    return columns[first], inverse.reshape(-1).astype(np.int64)


@dataclass(eq=False)
class _Sums:
    """Per-row sums in the order of rows sorted by (box, day), built from two kinds of
    contribution: at one row, or from one row to the end of its box's run of dates (a
    component's count stops changing after its last day, so one entry serves every later
    date)."""

    n: int
    ends: IntArray
    """Per sorted row: the end of its box's run."""
    at: dict[str, IntArray] = field(default_factory=dict)
    run: dict[str, IntArray] = field(default_factory=dict)

    def add(self, name: str, rows: IntArray, values: IntArray) -> None:
        """Add ``values`` at sorted rows ``rows``."""
        target = self.at.setdefault(name, np.zeros(self.n, dtype=np.int64))
        np.add.at(target, rows, values)

    def add_from(self, name: str, starts: IntArray, values: IntArray) -> None:
        """Add ``values`` from sorted row ``starts`` to the end of each one's box run."""
        target = self.run.setdefault(name, np.zeros(self.n + 1, dtype=np.int64))
        np.add.at(target, starts, values)
        np.add.at(target, self.ends[np.minimum(starts, self.n - 1)], -values)

    def total(self, name: str) -> IntArray:
        out = self.at.get(name, np.zeros(self.n, dtype=np.int64)).copy()
        if name in self.run:
            out += np.cumsum(self.run[name])[: self.n]
        return out


@dataclass(eq=False)
class _Entry:
    """Rows a component meets: single rows (``rows``/``days`` as sorted positions and days),
    and runs that start at ``run_starts`` for boxes ``run_boxes`` at the component's last day."""

    rows: IntArray
    run_starts: IntArray
    run_boxes: IntArray


def _entries(
    solver: GroupSolver, row_boxes: IntArray, box_of_sorted: IntArray, day_sorted: IntArray
) -> dict[int, _Entry]:
    """For every component, the rows it meets, split into rows before its last day (each its
    own question) and the run of rows from its last day on (one question per box)."""
    parts = solver.parts
    if not parts:
        return {}
    dims = solver.group.codes.dims[1:]
    n = len(day_sorted)
    part_boxes = np.concatenate([p.boxes for p in parts])
    owner = np.repeat(np.arange(len(parts), dtype=np.int64), [len(p.boxes) for p in parts])
    rb, pb = meeting_pairs(dims, row_boxes, part_boxes)
    pair = sorted_unique(rb * len(parts) + owner[pb])
    rb, pc = pair // len(parts), pair % len(parts)
    first = np.array([p.first_day for p in parts], dtype=np.int64)
    last = np.array([p.last_day for p in parts], dtype=np.int64)
    # days are keyed within a box: the span holds every row's day and every component's (the
    # rows asked need not include a component's last day)
    span = max(int(day_sorted.max()) if n else 0, int(last.max()), int(first.max())) + 2
    keys = box_of_sorted * span + day_sorted
    box_end = np.searchsorted(keys, (rb + 1) * span - 1, side="right")
    out: dict[int, _Entry] = {}
    if solver.group.cumulative:
        start = np.searchsorted(keys, rb * span + first[pc], side="left")
        cut = np.searchsorted(keys, rb * span + last[pc], side="left")
        count = cut - start
        single_rows = np.repeat(start - (np.cumsum(count) - count), count) + np.arange(
            int(count.sum()), dtype=np.int64
        )
        single_part = np.repeat(pc, count)
        has_run = cut < box_end
        run_part, run_start, run_box = pc[has_run], cut[has_run], rb[has_run]
    else:
        # every (box, component) pair asks for the rows of that box on the component's days:
        # look each (box, day) up among the sorted row keys at once
        part_days = [np.unique(p.days) for p in parts]
        lens = np.array([len(d) for d in part_days], dtype=np.int64)
        flat = np.concatenate(part_days).astype(np.int64) if part_days else lens
        offsets = np.cumsum(lens) - lens
        count = lens[pc]
        total = int(count.sum())
        at = np.repeat(offsets[pc] - (np.cumsum(count) - count), count) + np.arange(
            total, dtype=np.int64
        )
        asked_day = flat[at]
        asked_part = np.repeat(pc, count)
        asked = np.repeat(rb, count) * span + asked_day
        pos = np.searchsorted(keys, asked, side="left")
        hit = (asked_day >= 0) & (asked_day <= span - 2) & (pos < n)
        hit[hit] = keys[pos[hit]] == asked[hit]
        single_rows = pos[hit]
        single_part = asked_part[hit]
        run_part = run_start = run_box = np.zeros(0, dtype=np.int64)
    order = np.argsort(single_part, kind="stable")
    single_rows, single_part = single_rows[order], single_part[order]
    order = np.argsort(run_part, kind="stable")
    run_part, run_start, run_box = run_part[order], run_start[order], run_box[order]
    a_cuts = np.searchsorted(single_part, np.arange(len(parts) + 1))
    b_cuts = np.searchsorted(run_part, np.arange(len(parts) + 1))
    for c in range(len(parts)):
        rows = single_rows[a_cuts[c] : a_cuts[c + 1]]
        starts = run_start[b_cuts[c] : b_cuts[c + 1]]
        if len(rows) or len(starts):
            out[c] = _Entry(rows, starts, run_box[b_cuts[c] : b_cuts[c + 1]])
    return out


_OPEN_ANSWER: Final = Answer(None, None, True, ())
"""What a maximum that need not be solved stands for: its rows are open whatever it is."""

QUESTION_BYTES: Final = 64 << 20
"""Largest total size of the components' question matrices :func:`table` keeps between its
coverage pass and its solves (past it, a component's questions are asked again)."""


@dataclass(eq=False)
class _Asked:
    """A component's questions for the rows it meets (single rows, then one per run): their
    boxes and days, the (cell, day) pairs it covers of each, and either a single-key
    component's closed-form least and greatest counts (``single``) or the program's question
    matrices (``low_cols``/``high_cols``, ``None`` when too large to keep, or for a propagated
    component, which covers nothing: its rows take the propagated bounds whole)."""

    boxes: IntArray
    days: IntArray
    covered: IntArray
    single: tuple[IntArray, IntArray] | None = None
    low_cols: BoolArray | None = None
    high_cols: BoolArray | None = None

    def columns(self, model: ComponentModel) -> tuple[BoolArray, BoolArray]:
        """The program's question matrices: those kept, or asked again when not kept."""
        if self.low_cols is None or self.high_cols is None:
            low_cols, high_cols, _ = model.questions(self.boxes, self.days)
            return low_cols, high_cols
        return self.low_cols, self.high_cols


def _asked(
    solver: GroupSolver,
    entries: dict[int, _Entry],
    nodes_sorted: IntArray,
    row_boxes: IntArray,
    day_sorted: IntArray,
) -> dict[int, _Asked]:
    """Per component met: its questions (see :class:`_Asked`)."""
    out: dict[int, _Asked] = {}
    kept = 0
    group = solver.group
    for c, entry in entries.items():
        part = solver._build(c)
        boxes = np.concatenate([nodes_sorted[entry.rows], row_boxes[entry.run_boxes]])
        at_days = np.concatenate(
            [day_sorted[entry.rows], np.full(len(entry.run_starts), part.last_day, dtype=np.int64)]
        )
        if part.single:
            lo, hi, cov = _singles(group, [part] * len(boxes), boxes, at_days)
            out[c] = _Asked(boxes, at_days, cov, single=(lo, hi))
        elif part._model is None:
            out[c] = _Asked(boxes, at_days, np.zeros(len(boxes), dtype=np.int64))
        else:
            low_cols, high_cols, cov = part._model.questions(boxes, at_days)
            size = low_cols.nbytes + high_cols.nbytes
            if kept + size <= QUESTION_BYTES:
                kept += size
                out[c] = _Asked(boxes, at_days, cov, low_cols=low_cols, high_cols=high_cols)
            else:
                out[c] = _Asked(boxes, at_days, cov)
    return out


WITNESS_ROUNDS: Final = 4
"""Most rounds of witness search per table (see :func:`_witness`): each round solves, per
component with rows still uncertified, one program for their lows and one for their highs."""


@dataclass(eq=False)
class _Witness:
    """What :func:`_witness` certifies, per sorted row (``low``/``high``: the propagated bound
    is attained by witnesses, so it is the exact one) and per component and question (the
    witnesses' least and greatest count: that component's exact share of a certified row)."""

    grid: Propagation | None
    low: BoolArray
    high: BoolArray
    low_values: dict[int, IntArray] = field(default_factory=dict)
    high_values: dict[int, IntArray] = field(default_factory=dict)


def _any_rows(flag: BoolArray, entry: _Entry, ends: IntArray) -> BoolArray:
    """Per question of a component (its single rows, then its runs): whether ``flag`` holds
    at some sorted row the question answers."""
    return ~_whole_rows(~flag, entry, ends)


def _whole_rows(flag: BoolArray, entry: _Entry, ends: IntArray) -> BoolArray:
    """Per question of a component (its single rows, then its runs): whether ``flag`` holds
    at every sorted row the question answers."""
    misses = np.concatenate([[0], np.cumsum(~flag)])
    runs = misses[ends[entry.run_starts]] == misses[entry.run_starts]
    return np.concatenate([flag[entry.rows], runs])


def _witness(
    solver: GroupSolver,
    entries: dict[int, _Entry],
    asked: dict[int, _Asked],
    grid_rows: IntArray,
    ends: IntArray,
    bounded: BoolArray,
) -> _Witness:
    """Certify rows exact without asking the program about each one.

    The propagation of the exactly solved components (:meth:`GroupSolver.witnessed`) gives
    every row a sound outer range ``[p_low, p_high]``: no assignment the claims allow counts
    fewer than ``p_low``. A *witness* is a whole-number assignment of one component that every
    row of its program allows (:meth:`ComponentModel.point`). Components share no variable,
    so adding up, over the components a row meets, the least count any witness of each gives
    the row (a single-key component: its closed form) is a count some allowed assignment
    attains. When that sum equals ``p_low``, the exact least count is ``p_low`` (it can be
    neither below the propagated bound nor above an attained count), and each component's
    share of it is its witnesses' least count; the same for the greatest count and ``p_high``
    on rows that every component covers.

    Witnesses come from the programs' earlier solves and from rounds of one least and one
    greatest solve per component, whose objective adds up the questions still uncertified.
    Rows left uncertified are solved one question at a time, as before."""
    n = len(grid_rows)
    none = _Witness(None, np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))
    models: dict[int, ComponentModel] = {}
    for c in entries:
        program = solver.parts[c]._model
        if program is not None:
            models[c] = program
    if not models:
        return none
    grid = solver.witnessed()
    if grid is None:
        return none
    target_low = grid.low[grid_rows]
    target_high = grid.high[grid_rows]
    matrices: dict[int, tuple[Any, Any, BoolArray]] = {}
    points: dict[int, list[npt.NDArray[np.float64]]] = {}
    for c, model in models.items():
        low_cols, high_cols = asked[c].columns(model)
        matrices[c] = (
            sparse.csr_array(low_cols.astype(np.float64)),
            sparse.csr_array(high_cols.astype(np.float64)),
            model.bounded_columns(),
        )
        points[c] = model.kept_points
    cert = none
    for round_ in range(WITNESS_ROUNDS + 1):
        sums = _Sums(n, ends)
        low_values: dict[int, IntArray] = {}
        high_values: dict[int, IntArray] = {}
        for c, entry in entries.items():
            part = solver.parts[c]
            question = asked[c]
            k = len(entry.rows)
            if question.single is not None:
                lo, hi = question.single
                values_low, values_high = lo, np.where(hi == OPEN, 0, hi)
                sums.add("open", entry.rows, (hi[:k] == OPEN).astype(np.int64))
                sums.add_from("open", entry.run_starts, (hi[k:] == OPEN).astype(np.int64))
            elif part._model is None or not points[c]:
                # propagated, or no witness yet: nothing certified where it counts
                ones = np.ones(len(question.boxes), dtype=np.int64)
                sums.add("missing", entry.rows, ones[:k])
                sums.add_from("missing", entry.run_starts, ones[k:])
                continue
            else:
                low_m, high_m, _ = matrices[c]
                stacked = np.stack(points[c], axis=1)
                values_low = np.rint(np.asarray(low_m @ stacked).min(axis=1)).astype(np.int64)
                values_high = np.rint(np.asarray(high_m @ stacked).max(axis=1)).astype(np.int64)
                low_values[c], high_values[c] = values_low, values_high
            sums.add("low", entry.rows, values_low[:k])
            sums.add_from("low", entry.run_starts, values_low[k:])
            sums.add("high", entry.rows, values_high[:k])
            sums.add_from("high", entry.run_starts, values_high[k:])
        whole = sums.total("missing") == 0
        cert = _Witness(
            grid,
            whole & (sums.total("low") == target_low),
            whole
            & bounded
            & (sums.total("open") == 0)
            & (target_high < INF)
            & (sums.total("high") == target_high),
            low_values,
            high_values,
        )
        if round_ == WITNESS_ROUNDS or (cert.low.all() and (cert.high | ~bounded).all()):
            break
        found = False
        for c, model in models.items():
            entry = entries[c]
            low_m, high_m, bounded_cols = matrices[c]
            need_low = ~_whole_rows(cert.low, entry, ends)
            need_high = ~_whole_rows(cert.high | ~bounded, entry, ends)
            for need, matrix, sign in ((need_low, low_m, 1), (need_high, high_m, -1)):
                if not need.any():
                    continue
                cost = np.asarray(need.astype(np.float64) @ matrix, dtype=np.float64)
                if sign < 0:
                    cost = np.where(bounded_cols, cost, 0.0)
                if not np.any(cost):
                    continue
                witness = model.point(cost, sign)
                if witness is not None:
                    points[c].append(witness)
                    found = True
        if not found:
            break
    return cert


def _supports_by_grid(
    solver: GroupSolver,
    picked: IntArray,
    low: IntArray,
    high: IntArray,
    solved: BoolArray,
    open_high: BoolArray,
) -> tuple[BoolArray, BoolArray]:
    """Per table row (grid positions ``picked``): whether its low (high) takes the support of
    its propagated derivation rather than its program's multipliers.

    That is the rows ``solved`` (they meet a component solved by its program, and no
    propagated component) whose bound equals the bound of the group's propagation without the
    claims set aside and without the propagated components (:meth:`GroupSolver.witnessed`).
    The rule reads only the row's own bound and that propagation (one for the whole group,
    computed the same way whatever is asked), so it does not depend on which rows were asked
    with it, nor on which of them witnesses certified: every row a witness certifies is such a
    row (its bound is the propagated one), and so is every row the program solves to the same
    bound. The derivation proves the bound from its claims alone."""
    none = np.zeros(len(picked), dtype=bool)
    if not solved.any():
        return none, none
    grid = solver.witnessed()
    if grid is None:
        return none, none
    by_low = solved & (low == grid.low[picked])
    by_high = solved & ~open_high & (grid.high[picked] < INF) & (high == grid.high[picked])
    return by_low, by_high


def table(
    solver: GroupSolver, *, supports: bool = True, rows: npt.ArrayLike | None = None
) -> Table:
    """Every grid row's bounds: a map over components (each answers the rows it meets: rows
    before its last day one by one, later rows once per box since its count no longer changes)
    and a sum per row; rows that meet a propagated component take the propagated bounds.

    ``rows`` (positions in the grid of :meth:`Prepared.rows`, default all, in that order) asks
    only those rows, in the order given. Every column of a row is the same whichever rows are
    asked with it, in whatever order or slices, and whatever the solver was asked before
    (tested): certificates decide only *that* a bound is exact and spare its solve, never
    which claims support it (see :func:`_supports_by_grid`)."""
    group = solver.group
    grid_nodes, grid_days = solver.prepared().rows()
    picked = (
        np.arange(len(grid_days), dtype=np.int64)
        if rows is None
        else np.asarray(rows, dtype=np.int64).reshape(-1)
    )
    nodes, days = grid_nodes[picked], grid_days[picked]
    n = len(days)
    row_boxes, box_of = np.unique(nodes, axis=0, return_inverse=True)
    box_of = box_of.reshape(-1).astype(np.int64)
    order = np.lexsort((days, box_of))
    box_sorted, day_sorted = box_of[order], days[order]
    nodes_sorted = nodes[order]
    ends = np.searchsorted(box_sorted, box_sorted, side="right").astype(np.int64)
    sums = _Sums(n, ends)
    entries = _entries(solver, row_boxes, box_sorted, day_sorted)

    width = max(len(group), 1)
    low_pairs: list[Block] = []
    high_pairs: list[Block] = []
    aside_pairs: list[Block] = []

    def support(kind: list[Block], rows: IntArray, claims: IntArray, runs: bool) -> None:
        """Add a block: the sorted rows (each one's run to the end of its box's dates, with
        ``runs``) in the grid's row order, with every claim."""
        if len(claims) == 0 or len(rows) == 0:
            return
        if runs:
            lengths = ends[rows] - rows
            rows = np.repeat(rows, lengths) + (
                np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            )
        kind.append((order[rows], claims.astype(np.int64)))

    asked = _asked(solver, entries, nodes_sorted, row_boxes, day_sorted)
    # per (program component, sense): each question's distinct objective and its answer,
    # whose multipliers are the support of rows that do not take their propagated derivation
    solved_by: dict[tuple[int, int], tuple[IntArray, list[Answer]]] = {}
    # a row with (cell, day) pairs that no component counts has no upper bound whatever the
    # components say: its maximum need not be solved (one need per question, a run's question
    # serving every row of its run)
    for c, entry in entries.items():
        cov = asked[c].covered
        sums.add("covered", entry.rows, cov[: len(entry.rows)])
        sums.add_from("covered", entry.run_starts, cov[len(entry.rows) :])
    bounded = sums.total("covered") >= _measures(group, nodes_sorted, day_sorted)
    bounded_before = np.concatenate([[0], np.cumsum(bounded)])
    if exact.CERTIFICATES:
        witness = _witness(solver, entries, asked, picked[order], ends, bounded)
    else:
        witness = _Witness(None, np.zeros(n, dtype=bool), np.zeros(n, dtype=bool))

    for c, entry in entries.items():
        part = solver._build(c)
        n_rows, n_runs = len(entry.rows), len(entry.run_starts)
        sums.add("components", entry.rows, np.ones(n_rows, dtype=np.int64))
        sums.add_from("components", entry.run_starts, np.ones(n_runs, dtype=np.int64))
        sums.add("component_ids", entry.rows, np.full(n_rows, c, dtype=np.int64))
        sums.add_from("component_ids", entry.run_starts, np.full(n_runs, c, dtype=np.int64))
        aside = np.array(solver.analysis(c).set_aside, dtype=np.int64)
        if len(aside):
            for rows, runs in ((entry.rows, False), (entry.run_starts, True)):
                support(aside_pairs, rows, aside, runs)
        question = asked[c]
        if part._model is not None:
            sums.add("programs", entry.rows, np.ones(n_rows, dtype=np.int64))
            sums.add_from("programs", entry.run_starts, np.ones(n_runs, dtype=np.int64))
        if not part.single and part._model is None:
            sums.add("propagated", entry.rows, np.ones(n_rows, dtype=np.int64))
            sums.add_from("propagated", entry.run_starts, np.ones(n_runs, dtype=np.int64))
            continue
        if question.single is not None:
            lo, hi = question.single
            low_values, high_values = lo, hi
            low_claims = [part.low_claim] if part.low_claim >= 0 else []
            high_claims = [part.high_claim] if part.high_claim >= 0 else []
            low_groups = [(np.flatnonzero(lo > 0), np.array(low_claims, dtype=np.int64))]
            high_groups = [(np.flatnonzero(hi != OPEN), np.array(high_claims, dtype=np.int64))]
        else:
            model = part._model
            assert model is not None
            low_cols, high_cols = question.columns(model)
            needs_high = np.concatenate(
                [
                    bounded[entry.rows],
                    bounded_before[ends[entry.run_starts]] > bounded_before[entry.run_starts],
                ]
            )
            values: dict[int, IntArray] = {}
            uncertain: dict[int, IntArray] = {}
            for columns, sign in ((low_cols, 1), (high_cols, -1)):
                # a question whose every row is certified by witnesses takes the witnesses'
                # count (its exact share of those rows) and is not solved
                shown = _whole_rows(witness.low if sign > 0 else witness.high, entry, ends)
                shown &= c in (witness.low_values if sign > 0 else witness.high_values)
                distinct, which = _distinct_rows(columns)
                needed = np.zeros(len(distinct), dtype=bool)
                needed[which[~shown if sign > 0 else needs_high & ~shown]] = True
                answers = [
                    model.solve_columns(row, sign) if need else _OPEN_ANSWER
                    for row, need in zip(distinct, needed.tolist(), strict=True)
                ]
                unsure = np.array([not a.exact for a in answers], dtype=np.int64)[which]
                uncertain[sign] = np.where(shown, 0, unsure)
                solved = np.array(
                    [OPEN if ans.value is None else ans.value for ans in answers], dtype=np.int64
                )[which]
                if shown.any():
                    seen = (witness.low_values if sign > 0 else witness.high_values)[c]
                    solved = np.where(shown, seen, solved)
                values[sign] = solved
                if supports:
                    solved_by[c, sign] = (which, answers)
            low_values, high_values = values[1], values[-1]
            low_groups, high_groups = [], []
            for sign, name in ((1, "uncertain_low"), (-1, "uncertain_high")):
                if uncertain[sign].any():
                    sums.add(name, entry.rows, uncertain[sign][: len(entry.rows)])
                    sums.add_from(name, entry.run_starts, uncertain[sign][len(entry.rows) :])
        head, tail = slice(0, n_rows), slice(n_rows, None)
        sums.add("low", entry.rows, low_values[head])
        sums.add_from("low", entry.run_starts, low_values[tail])
        unbounded = high_values == OPEN
        finite = np.where(unbounded, 0, high_values)
        sums.add("high", entry.rows, finite[head])
        sums.add_from("high", entry.run_starts, finite[tail])
        sums.add("open", entry.rows, unbounded[head].astype(np.int64))
        sums.add_from("open", entry.run_starts, unbounded[tail].astype(np.int64))
        for kind, chosen in ((low_pairs, low_groups), (high_pairs, high_groups)):
            for local, claims in chosen if supports else ():
                support(kind, entry.rows[local[local < n_rows]], claims, False)
                support(kind, entry.run_starts[local[local >= n_rows] - n_rows], claims, True)
    # back to the grid's row order
    unsort = np.empty(n, dtype=np.int64)
    unsort[order] = np.arange(n, dtype=np.int64)

    def total(name: str) -> IntArray:
        return sums.total(name)[unsort]

    low = total("low")
    high = total("high")
    open_high = (total("open") > 0) | ~bounded[unsort]
    high = np.where(open_high, OPEN, high)
    n_components = total("components")
    component = np.where(n_components == 1, total("component_ids"), -1)
    propagated = total("propagated") > 0

    position = {str(i): p for p, i in enumerate(group.ids.tolist())}

    def keyed(grid: Propagation, rows: IntArray, side: int) -> IntArray:
        """The support pairs of the table's rows ``rows`` from the grid's derivation of their
        low (``side == 0``) or high."""
        column = grid.support_columns(picked[rows])[side]
        return np.array(
            [
                r * width + position[i]
                for r, ids in zip(rows.tolist(), column, strict=True)
                for i in ids.split(";")
                if i
            ],
            dtype=np.int64,
        )

    extra_low: list[IntArray] = []
    extra_high: list[IntArray] = []
    if propagated.any():
        grid = solver.propagation()
        chosen_rows = np.flatnonzero(propagated)
        at = picked[chosen_rows]
        low[chosen_rows] = grid.low[at]
        high[chosen_rows] = np.where(grid.high[at] >= INF, OPEN, grid.high[at])
        if supports:
            extra_low.append(keyed(grid, chosen_rows, 0))
            extra_high.append(keyed(grid, chosen_rows, 1))
        greedy = np.array(solver.aside_by_propagation, dtype=np.int64)
        if len(greedy):
            aside_pairs.append((chosen_rows, greedy))
    # rows certified by witnesses: the propagated bound is attained, so it is the exact one
    cert_low = witness.low[unsort] & ~propagated
    cert_high = witness.high[unsort] & ~propagated & ~open_high
    if witness.grid is not None:
        wg = witness.grid
        low[cert_low] = wg.low[picked[cert_low]]
        high[cert_high] = wg.high[picked[cert_high]]
    # the support of a row: its propagated derivation where that proves the row's bound, else
    # its own program's multipliers (never decided by which rows the witnesses certified)
    by_grid_low, by_grid_high = _supports_by_grid(
        solver, picked, low, high, ~propagated & (total("programs") > 0), open_high
    )
    if supports and (by_grid_low.any() or by_grid_high.any()):
        derivation = solver.witnessed()
        assert derivation is not None
        extra_low.append(keyed(derivation, np.flatnonzero(by_grid_low), 0))
        extra_high.append(keyed(derivation, np.flatnonzero(by_grid_high), 1))
    # the multipliers of the programs' answers, for the rows that take them: every such
    # answer is the question's own solve from its program's starting basis
    if supports:
        takes_low = (~(propagated | by_grid_low))[order]
        takes_high = (~(propagated | by_grid_high | open_high))[order]
        for (c, sign), (which, answers) in solved_by.items():
            entry = entries[c]
            n_rows = len(entry.rows)
            takes = _any_rows(takes_low if sign > 0 else takes_high, entry, ends)
            wanted = np.zeros(len(answers), dtype=bool)
            wanted[which[takes]] = True
            redo = [k for k, ans in enumerate(answers) if wanted[k] and not ans.canonical]
            if redo:
                model = solver.parts[c]._model
                assert model is not None
                low_cols, high_cols = asked[c].columns(model)
                distinct, _ = _distinct_rows(low_cols if sign > 0 else high_cols)
                for k in redo:
                    answers[k] = model.canonical(distinct[k], sign)
            kind = low_pairs if sign > 0 else high_pairs
            for k in np.flatnonzero(wanted).tolist():
                claims = sorted_unique([p for p, _, _ in answers[k].multipliers])
                local = np.flatnonzero((which == k) & takes)
                support(kind, entry.rows[local[local < n_rows]], claims, False)
                support(kind, entry.run_starts[local[local >= n_rows] - n_rows], claims, True)
    exact_rows = (
        ~propagated
        & (cert_low | (total("uncertain_low") == 0))
        & (cert_high | (total("uncertain_high") == 0))
    )
    aside_pairs = Pairs.kept(aside_pairs, None)
    low_pairs = Pairs.kept(low_pairs, propagated | by_grid_low)
    high_pairs = Pairs.kept(high_pairs, open_high | propagated | by_grid_high)
    # the pairs are counted before they are made: past the budget, stop here
    budget = _SUPPORT_BUDGET.get()
    made = Pairs.size(aside_pairs) + Pairs.size(low_pairs) + Pairs.size(high_pairs)
    made += sum(len(e) for e in extra_low) + sum(len(e) for e in extra_high)
    if budget is not None and made and made * PAIR_BYTES > budget:
        raise SupportTooLarge(made, made * PAIR_BYTES, budget)
    pa = Pairs.of(aside_pairs, width)
    pl = Pairs.of(low_pairs, width)
    ph = Pairs.of(high_pairs, width)
    if extra_low or extra_high:
        pl = Pairs(sorted_unique_in_place(np.concatenate([pl.keys, *extra_low])), width)
        ph = Pairs(sorted_unique_in_place(np.concatenate([ph.keys, *extra_high])), width)
    return Table(
        nodes,
        days,
        low,
        high,
        exact_rows,
        component,
        n_components,
        pa,
        pl,
        ph,
    )


def _repair(
    prepared: Prepared, excluded: BoolArray, group: Constraints
) -> tuple[Propagation, tuple[int, ...]]:
    """Propagate; while rows conflict, set aside the least-trusted claims behind them."""
    excluded = excluded.copy()
    weights = group.weight
    ids = group.ids
    position = {str(cid): i for i, cid in enumerate(ids.tolist())}
    aside: list[int] = []
    result = prepared.propagate(excluded, stop_on_conflict=True)
    for _ in range(100):
        rows = np.flatnonzero(result.conflict)
        groups: list[set[str]] = []
        for row in rows.tolist():
            low_ids, _ = result.support(row, "low")
            high_ids, _ = result.support(row, "high")
            groups.append(set(low_ids) | set(high_ids))
        groups += [set(event) for event, _ in result.event_conflicts]
        groups += [set(pair) for _, pair in prepared.clashes(excluded, rows)]
        groups = [g for g in groups if g]
        if not groups:
            break
        pending = groups
        while pending:
            hits: dict[str, int] = {}
            for found in pending:
                for cid in found:
                    hits[cid] = hits.get(cid, 0) + 1
            pick = min(hits, key=lambda c: (weights[position[c]], -hits[c], [-ord(x) for x in c]))
            # the claims carrying the picked one's statement go with it
            echoes = np.flatnonzero(group.evidence == group.evidence[position[pick]])
            aside.extend(int(e) for e in echoes if not excluded[e])
            excluded[echoes] = True
            gone = {str(ids[e]) for e in echoes}
            pending = [f for f in pending if not (f & gone)]
        result = prepared.propagate(excluded, stop_on_conflict=True)
    if result.conflict.any():
        result = prepared.propagate(excluded)
    return result, tuple(sorted(aside))


def _parts(group: Constraints, labels: IntArray) -> list[_Component]:
    """The components of a group, described cheaply (nothing solved yet)."""
    used = np.flatnonzero(labels >= 0)
    if len(used) == 0:
        return []
    order = used[np.argsort(labels[used], kind="stable")]
    cuts = np.flatnonzero(np.diff(labels[order], prepend=-1, append=-1))
    parts = []
    for a, b in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        members = np.sort(order[a:b])
        boxes = np.unique(group.nodes[members], axis=0)
        since, as_of = group.since[members], group.as_of[members]
        single = (
            len(boxes) == 1
            and len(np.unique(since)) == 1
            and len(np.unique(as_of)) == 1
            and not np.any(group.kind[members] == INCIDENT)
        )
        parts.append(
            _Component(
                members,
                boxes,
                int(since.min()),
                int(as_of.max()),
                np.unique(as_of),
                bool(single),
            )
        )
    return parts


def solver(group: Constraints, *, max_variables: int = DEFAULT_MAX_VARIABLES) -> GroupSolver:
    """The solver of a group (built once per group and size limit, kept in its cache).

    Components are described at once and solved on first use.

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> from karabakh_tolls.engine.constraints import stage
    >>> killed = stage(load_seed_claims()).group("karabakh-2020", "killed")
    >>> s = solver(killed)
    >>> civilian = killed.codes.dims[1].index["civilian"]
    >>> b = s.bound(np.array([civilian, 0, 0, 0]), 9)  # 6 October 2020 is day 9
    >>> b.low, b.high, b.exact
    (48, 101, True)
    """
    key = ("solver", max_variables)
    cached = group.cache.get(key)
    if isinstance(cached, GroupSolver):
        return cached
    labels = components(group)
    built = GroupSolver(group, labels, _parts(group, labels), max_variables)
    group.cache[key] = built
    return built
