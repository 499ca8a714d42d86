"""Solve a war's constraints: every component exactly where it fits, the rest by propagation.

For one (war, outcome) group of :mod:`~karabakh_tolls.engine.constraints`:

1. split the constraints into independent components (:mod:`~karabakh_tolls.engine.components`);
2. build each component's program (:mod:`~karabakh_tolls.engine.exact`); a component above the
   size limit, or with counts a floating-point solver cannot hold exactly, is *propagated*;
3. per exact component, decide whether its claims can all hold, and if not set aside the
   minimum-weight set of claims (:mod:`~karabakh_tolls.engine.conflicts`) and solve the rest;
4. bound any box of scopes over the days ``0..day``: each component it meets contributes its
   own least and greatest count of the box, and the box's people no claim counts (a cell and
   day outside every component) can be any number, so they add 0 to the least and make the
   greatest open. Summing over components is exact because components share no variable.

A bound that depends on a propagated component comes from the interval propagation of the whole
group instead (sound: never narrower than the exact range), and says so (``exact = False``).

This module imports numpy and the package's ``engine`` modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt

from karabakh_tolls.engine.codes import IntArray
from karabakh_tolls.engine.components import components
from karabakh_tolls.engine.conflicts import Analysis, analyse
from karabakh_tolls.engine.constraints import OPEN, Constraints
from karabakh_tolls.engine.exact import Answer, ComponentModel, TooLarge
from karabakh_tolls.engine.propagate import INF, Prepared, Propagation, prepare

__all__ = ["DEFAULT_MAX_VARIABLES", "Bound", "GroupSolver", "Table", "solver", "table"]

DEFAULT_MAX_VARIABLES: Final = 20_000
"""Largest component (merged variables) the exact program solves; larger ones are propagated."""

BoolArray = npt.NDArray[np.bool_]


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
    low_terms: tuple[tuple[int, str, float], ...]
    high_terms: tuple[tuple[int, str, float], ...]
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
    members: IntArray
    model: ComponentModel | None
    analysis: Analysis
    boxes: IntArray
    first_day: int
    days: IntArray


@dataclass(eq=False)
class GroupSolver:
    """Everything solved once for a group; :meth:`bound` answers any box and day."""

    group: Constraints
    labels: IntArray
    parts: list[_Component]
    excluded: BoolArray
    """Per constraint: set aside (by an exact component's analysis, or by propagation)."""
    max_variables: int
    _propagation: Propagation | None = field(default=None)
    _prepared: Prepared | None = field(default=None)
    _aside_by_propagation: tuple[int, ...] = ()

    # --- components --------------------------------------------------------------------------
    @property
    def exact(self) -> BoolArray:
        """Per component: solved exactly."""
        return np.array([p.model is not None for p in self.parts], dtype=bool)

    def meeting(self, box: IntArray, day: int) -> list[int]:
        """The components whose claims share a cell and a day with a box over ``0..day``."""
        dims = self.group.codes.dims[1:]
        found = []
        for c, part in enumerate(self.parts):
            if self.group.cumulative:
                if day < part.first_day:
                    continue
            elif day not in part.days:
                continue
            hit = np.ones(len(part.boxes), dtype=bool)
            for d in range(4):
                hit &= dims[d].meets(part.boxes[:, d], np.full(len(part.boxes), box[d]))
            if hit.any():
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

    @property
    def aside_by_propagation(self) -> tuple[int, ...]:
        """Constraints set aside by the greedy repair of propagated components."""
        self.propagation()
        return self._aside_by_propagation

    # --- bounds -----------------------------------------------------------------------------
    def bound(self, box: IntArray, day: int) -> Bound:
        """The exact range of one box (node codes) over days ``0..day`` (or its propagated
        range when it meets a propagated component)."""
        met = self.meeting(box, day)
        if any(self.parts[c].model is None for c in met):
            return self._propagated(box, day, met)
        low, high = 0, 0
        high_open = False
        low_terms: list[tuple[int, str, float]] = []
        high_terms: list[tuple[int, str, float]] = []
        covered = 0
        integral = True
        opt_low, opt_high = 0.0, 0.0
        aside: list[int] = []
        for c in met:
            part = self.parts[c]
            assert part.model is not None
            question = part.model.question(box, day)
            lo: Answer = part.model.low(question)
            hi: Answer = part.model.high(question)
            assert lo.value is not None
            low += lo.value
            low_terms += lo.multipliers
            opt_low += lo.optimum or 0.0
            integral &= lo.integral and hi.integral
            if hi.value is None:
                high_open = True
            else:
                high += hi.value
                high_terms += hi.multipliers
                opt_high += hi.optimum or 0.0
            covered += question.covered
            aside.extend(part.analysis.set_aside)
        free = covered < self._measure(box, day)
        open_high = high_open or free
        return Bound(
            low,
            None if open_high else high,
            tuple(sorted(low_terms)),
            () if open_high else tuple(sorted(high_terms)),
            True,
            integral,
            opt_low,
            None if open_high else opt_high,
            tuple(met),
            tuple(sorted(aside)),
            free,
        )

    def bound_signed(self, boxes: IntArray, coefficients: IntArray, day: int) -> Bound:
        """The exact range of ``sum(coefficient x count(box))`` (a complement ``all - part`` or
        a sum of disjoint boxes) over days ``0..day``: each component met is solved with atoms
        and slots refined by the boxes and the day."""
        met = sorted({c for box in boxes for c in self.meeting(box, day)})
        if any(self.parts[c].model is None for c in met):
            raise TooLarge("a signed question meets a propagated component")
        low, high, covered = 0, 0, 0
        high_open = False
        low_terms: list[tuple[int, str, float]] = []
        high_terms: list[tuple[int, str, float]] = []
        opt_low, opt_high, integral = 0.0, 0.0, True
        aside: list[int] = []
        for c in met:
            part = self.parts[c]
            kept = np.setdiff1d(part.members, np.array(part.analysis.set_aside, dtype=np.int64))
            model = ComponentModel(
                self.group,
                kept,
                max_variables=self.max_variables,
                extra_boxes=boxes,
                extra_days=np.array([day], dtype=np.int64),
            )
            lo, hi, cov = model.signed(boxes, coefficients, day)
            assert lo.value is not None
            low += lo.value
            low_terms += lo.multipliers
            opt_low += lo.optimum or 0.0
            integral &= lo.integral and hi.integral
            if hi.value is None:
                high_open = True
            else:
                high += hi.value
                high_terms += hi.multipliers
                opt_high += hi.optimum or 0.0
            covered += cov
            aside.extend(part.analysis.set_aside)
        measure = sum(
            int(k) * self._measure(np.asarray(b, dtype=np.int64), day)
            for b, k in zip(boxes, coefficients.tolist(), strict=True)
        )
        free = covered < measure
        open_high = high_open or free
        return Bound(
            low,
            None if open_high else high,
            tuple(sorted(low_terms)),
            () if open_high else tuple(sorted(high_terms)),
            True,
            integral,
            opt_low,
            None if open_high else opt_high,
            tuple(met),
            tuple(sorted(aside)),
            free,
        )

    def _measure(self, box: IntArray, day: int) -> int:
        """(cell, day) pairs of a box over days ``0..day`` (for a stock: cells on that day)."""
        dims = self.group.codes.dims[1:]
        cells = 1
        for d in range(4):
            cells *= int(dims[d].cell_hi[box[d]] - dims[d].cell_lo[box[d]])
        return cells * (day + 1) if self.group.cumulative else cells

    def _propagated(self, box: IntArray, day: int, met: list[int]) -> Bound:
        grid = self.propagation()
        prepared = self.prepared()
        nodes, days = prepared.rows()
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
            {
                *self.aside_by_propagation,
                *(a for c in met for a in self.parts[c].analysis.set_aside),
            }
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


@dataclass(frozen=True, eq=False)
class Table:
    """The bounds of every grid row of a group (the keys of its propagation grid).

    Arrays are aligned with the rows (``nodes``: an ``(n, 4)`` array of node codes, ``days``:
    days from the war's start); ``high == OPEN`` means open above. ``pairs_low``/``pairs_high``
    are ``(row, constraint position)`` pairs: the claims behind each row's low and high.
    """

    nodes: IntArray
    days: IntArray
    low: IntArray
    high: IntArray
    exact: BoolArray
    components: list[tuple[int, ...]]
    set_aside: list[tuple[int, ...]]
    pairs_low: IntArray
    pairs_high: IntArray


def _met_rows(solver: GroupSolver, part: _Component, nodes: IntArray, days: IntArray) -> IntArray:
    """Rows (of ``nodes``/``days``) whose box and days meet a component."""
    dims = solver.group.codes.dims[1:]
    when = days >= part.first_day if solver.group.cumulative else np.isin(days, part.days)
    hit = np.zeros(len(nodes), dtype=bool)
    candidates = np.flatnonzero(when)
    for box in part.boxes.tolist():
        ok = np.ones(len(candidates), dtype=bool)
        for d in range(4):
            ok &= dims[d].meets(nodes[candidates, d], np.full(len(candidates), box[d]))
        hit[candidates[ok]] = True
    return np.flatnonzero(hit)


def _answers(model: ComponentModel, columns: BoolArray, sign: int) -> tuple[list[Answer], IntArray]:
    """One answer per distinct objective among the rows of ``columns``, and each row's one."""
    distinct, inverse = np.unique(columns, axis=0, return_inverse=True)
    answers = [model.solve_columns(row, sign) for row in distinct]
    return answers, inverse.reshape(-1)


def table(solver: GroupSolver) -> Table:
    """Every grid row's bounds: each exact component contributes to the rows it meets (its
    distinct objectives solved once each), contributions are summed per row, and rows that
    meet a propagated component take the propagated bounds."""
    nodes, days = solver.prepared().rows()
    n = len(days)
    low = np.zeros(n, dtype=np.int64)
    high = np.zeros(n, dtype=np.int64)
    open_high = np.zeros(n, dtype=bool)
    covered = np.zeros(n, dtype=np.int64)
    propagated = np.zeros(n, dtype=bool)
    met_lists: list[list[int]] = [[] for _ in range(n)]
    pairs_low: list[IntArray] = []
    pairs_high: list[IntArray] = []
    for c, part in enumerate(solver.parts):
        rows = _met_rows(solver, part, nodes, days)
        for r in rows.tolist():
            met_lists[r].append(c)
        if part.model is None:
            propagated[rows] = True
            continue
        if len(rows) == 0:
            continue
        low_cols, high_cols, cov = part.model.questions(nodes[rows], days[rows])
        covered[rows] += cov
        for columns, sign in ((low_cols, 1), (high_cols, -1)):
            answers, which = _answers(part.model, columns, sign)
            values = np.array(
                [-1 if a.value is None else a.value for a in answers], dtype=np.int64
            )[which]
            if sign > 0:
                low[rows] += values
            else:
                unbounded = values < 0
                open_high[rows[unbounded]] = True
                high[rows[~unbounded]] += values[~unbounded]
            for k, answer in enumerate(answers):
                if not answer.multipliers:
                    continue
                at = rows[which == k]
                claims = np.unique(np.array([p for p, _, _ in answer.multipliers], dtype=np.int64))
                pair = np.stack([np.repeat(at, len(claims)), np.tile(claims, len(at))], axis=1)
                (pairs_low if sign > 0 else pairs_high).append(pair)
    dims = solver.group.codes.dims[1:]
    cells = np.ones(n, dtype=np.int64)
    for d in range(4):
        cells *= dims[d].cell_hi[nodes[:, d]] - dims[d].cell_lo[nodes[:, d]]
    measure = cells * (days + 1) if solver.group.cumulative else cells
    open_high |= covered < measure
    high = np.where(open_high, OPEN, high)
    exact = ~propagated
    pl = np.concatenate(pairs_low) if pairs_low else np.zeros((0, 2), dtype=np.int64)
    ph = np.concatenate(pairs_high) if pairs_high else np.zeros((0, 2), dtype=np.int64)
    ph = ph[~open_high[ph[:, 0]]] if len(ph) else ph
    aside_of = [p.analysis.set_aside for p in solver.parts]
    set_aside = [tuple(sorted({a for c in met for a in aside_of[c]})) for met in met_lists]
    if propagated.any():
        grid = solver.propagation()
        rows = np.flatnonzero(propagated)
        low[rows] = grid.low[rows]
        high[rows] = np.where(grid.high[rows] >= INF, OPEN, grid.high[rows])
        position = {str(i): p for p, i in enumerate(solver.group.ids.tolist())}
        lows, highs = grid.support_columns(rows)
        keep = ~np.isin(pl[:, 0], rows) if len(pl) else np.zeros(0, dtype=bool)
        pl = pl[keep] if len(pl) else pl
        keep = ~np.isin(ph[:, 0], rows) if len(ph) else np.zeros(0, dtype=bool)
        ph = ph[keep] if len(ph) else ph
        extra_low = [
            (r, position[i])
            for r, ids in zip(rows.tolist(), lows, strict=True)
            for i in ids.split(";")
            if i
        ]
        extra_high = [
            (r, position[i])
            for r, ids in zip(rows.tolist(), highs, strict=True)
            for i in ids.split(";")
            if i
        ]
        if extra_low:
            pl = np.concatenate([pl, np.array(extra_low, dtype=np.int64)])
        if extra_high:
            ph = np.concatenate([ph, np.array(extra_high, dtype=np.int64)])
        greedy = solver.aside_by_propagation
        for r in rows.tolist():
            set_aside[r] = tuple(sorted({*set_aside[r], *greedy}))
    return Table(
        nodes,
        days,
        low,
        high,
        exact,
        [tuple(m) for m in met_lists],
        set_aside,
        np.unique(pl, axis=0) if len(pl) else pl,
        np.unique(ph, axis=0) if len(ph) else ph,
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
            aside.append(position[pick])
            excluded[position[pick]] = True
            pending = [f for f in pending if pick not in f]
        result = prepared.propagate(excluded, stop_on_conflict=True)
    if result.conflict.any():
        result = prepared.propagate(excluded)
    return result, tuple(sorted(aside))


def _component(group: Constraints, members: IntArray, max_variables: int) -> _Component:
    boxes = np.unique(group.nodes[members], axis=0)
    first = int(group.since[members].min())
    days = np.unique(group.as_of[members])
    try:
        model: ComponentModel | None = ComponentModel(group, members, max_variables=max_variables)
    except TooLarge:
        model = None
    if model is not None and (not model.representable or model.A.shape[1] > max_variables):
        model = None
    if model is None:
        return _Component(members, None, Analysis(True), boxes, first, days)
    analysis = analyse(model)
    if not analysis.feasible:
        kept = np.setdiff1d(members, np.array(analysis.set_aside, dtype=np.int64))
        model = ComponentModel(group, kept, max_variables=max_variables)
    return _Component(members, model, analysis, boxes, first, days)


def solver(group: Constraints, *, max_variables: int = DEFAULT_MAX_VARIABLES) -> GroupSolver:
    """The solved group (built once per group and size limit, then kept in its cache).

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
    parts = []
    excluded = ~group.used
    for c in range(int(labels.max()) + 1 if len(labels) else 0):
        members = np.flatnonzero(labels == c)
        part = _component(group, members, max_variables)
        excluded[list(part.analysis.set_aside)] = True
        parts.append(part)
    built = GroupSolver(group, labels, parts, excluded, max_variables)
    group.cache[key] = built
    return built
