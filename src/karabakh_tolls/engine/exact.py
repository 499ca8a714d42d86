"""One component as a linear program, built once and re-solved for every question about it.

**Variables.** Truth is a whole, nonnegative count per cell of the scope trees per day. The nodes
a component's claims name cut each dimension tree into *atoms*: a named node minus the named
nodes just below it (cells no claim can tell apart). Time is cut at every window's edges into
*slots* (for an outcome that accumulates; for a stock, the days the claims speak of). A variable
``x`` is the count of one product atom over one slot, kept only where some claim of the
component counts it, so two components never share a variable. An incident adds a variable
``z`` per (event, atom): the event's people, counted inside every total covering them
(``sum_events z <= x`` where a total covers that atom and day).

**Rows.** Each claim is one ranged row ``low <= sum <= high`` (no upper side for a claim open
above or counting only part of its scope).

**Questions.** The count of a box of scopes over the days ``0..t`` is a sum of variables. An
atom or slot only partly inside the box can put its people inside or outside at will (no claim
tells its parts apart), so it counts for the maximum and not for the minimum. The minimum and
maximum are found by HiGHS on the same model, changing only the objective (the model and its
basis are kept, so each re-solve starts warm); when the optimal vertex is fractional the bound
is recomputed with integrality, so bounds are exact for whole people. The dual values of the
claim rows are the provenance: ``bound = sum(multiplier x claim bound)``.

Counts above 2**52 cannot be represented exactly by a floating-point solver; such a component
reports ``representable = False`` and the caller uses the integer propagation instead.

This module imports numpy, scipy, highspy and the package's ``engine.codes`` and
``engine.constraints``.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, Final

import highspy
import numpy as np
import numpy.typing as npt
from scipy import sparse

from karabakh_tolls.engine.codes import IntArray, TreeCodes
from karabakh_tolls.engine.constraints import INCIDENT, OPEN, Constraints

__all__ = ["MAX_EXACT", "Answer", "ComponentModel", "DimAtoms", "Question", "TooLarge"]

INTEGER_NODES: Final = 500
"""Branch-and-bound nodes one integer search (when an LP vertex is fractional) may explore. A
bound whose search stops there is the search's proven bound, sound but not certified tight (its
row is not exact). Limits are counted in work, not seconds, so that one input gives one answer
on any machine and under any load."""

INTEGER_SEARCHES: Final = 20
"""Integer searches over the whole program one component may run. Past them, a fractional LP
optimum is rounded inwards (sound, not certified tight: its row is not exact)."""

SEARCH_SECONDS: Final = 20.0
"""A guard on the wall-clock time of one integer search, far above what :data:`INTEGER_NODES`
and :data:`NEAR_NODES` take on a loaded two-core machine; only a pathological search meets it
(its bound is then sound, not exact, and may differ between runs)."""

QUESTION_CELLS: Final = 2_000_000
"""Largest (box, variable) block :meth:`ComponentModel.questions` works on at once (its dense
intermediates take about 30 bytes a pair, so about 60 MB)."""

MAX_CELLS: Final = 2_000_000
"""Most (product atom, slot) cells a component's program is built from; a larger component is
too large for the exact program (building its columns takes about 60 bytes a cell)."""

MAX_EXACT: Final = 1 << 52
"""Largest count the floating-point program represents exactly."""
_TOL: Final = 1e-6
_NEAR_COLUMNS: Final = 2_000
"""Most columns the search near a fractional vertex frees (see ``_near_vertex``)."""
NEAR_SEARCHES: Final = 2_000
"""Searches near fractional vertices one component may run."""
NEAR_NODES: Final = 100
"""Branch-and-bound nodes of one search near a fractional vertex."""
_DUAL_TOL: Final = 1e-9
"""How far a kept dual may miss feasibility for a new objective (columns of cost 0 or 1)."""
_INF: Final = highspy.kHighsInf
_STOPPED: Final = (highspy.HighsModelStatus.kSolutionLimit, highspy.HighsModelStatus.kTimeLimit)
"""How an integer search ends at its node limit (or its guard)."""

CERTIFICATES = True
"""Whether answers may come from certificates instead of solves: a component's kept dual
solutions and whole-number assignments (:meth:`ComponentModel._certified`), and the witness
certificates of :func:`karabakh_tolls.engine.solve.table`. With ``False`` every question is
solved by the program; the table is the same in every column (tested), only slower. A switch
for tests and measurements, not a setting of the method."""

BoolArray = npt.NDArray[np.bool_]


class TooLarge(Exception):
    """The component has more variables than the exact program is allowed."""


@dataclass(frozen=True, slots=True, eq=False)
class DimAtoms:
    """The atoms of one dimension: each a named node minus the named nodes just below it."""

    tree: TreeCodes
    node: IntArray
    size: IntArray
    ex_ptr: IntArray
    ex_node: IntArray
    position: dict[int, int]
    """Named node code -> its atom (absent when the atom is empty)."""

    @classmethod
    def of(cls, tree: TreeCodes, named: IntArray) -> DimAtoms:
        used = np.unique(named)
        used_set = set(used.tolist())
        below: dict[int, list[int]] = {int(u): [] for u in used.tolist()}
        for v in used.tolist():
            p = int(tree.parent[v])
            while p >= 0 and p not in used_set:
                p = int(tree.parent[p])
            if p >= 0:
                below[p].append(int(v))
        nodes, sizes, ptr, ex = [], [], [0], []
        for u in used.tolist():
            kids = below[int(u)]
            size = int(tree.cell_hi[u] - tree.cell_lo[u]) - sum(
                int(tree.cell_hi[k] - tree.cell_lo[k]) for k in kids
            )
            if size <= 0:
                continue
            nodes.append(int(u))
            sizes.append(size)
            ex.extend(kids)
            ptr.append(len(ex))
        node = np.array(nodes, dtype=np.int64)
        return cls(
            tree,
            node,
            np.array(sizes, dtype=np.int64),
            np.array(ptr, dtype=np.int64),
            np.array(ex, dtype=np.int64),
            {n: i for i, n in enumerate(nodes)},
        )

    def __len__(self) -> int:
        return len(self.node)

    def inside(self, node: int) -> BoolArray:
        """Which atoms lie inside a named node (for a named node an atom is inside or apart)."""
        return self.tree.within(self.node, np.full(len(self.node), node, dtype=np.int64))

    def overlap(self, node: int) -> IntArray:
        """How many cells of each atom lie inside any node of the tree."""
        lo, hi = self.tree.cell_lo[node], self.tree.cell_hi[node]
        own = np.clip(
            np.minimum(self.tree.cell_hi[self.node], hi)
            - np.maximum(self.tree.cell_lo[self.node], lo),
            0,
            None,
        )
        if len(self.ex_node) == 0:
            return np.asarray(own, dtype=np.int64)
        cut = np.clip(
            np.minimum(self.tree.cell_hi[self.ex_node], hi)
            - np.maximum(self.tree.cell_lo[self.ex_node], lo),
            0,
            None,
        )
        removed = np.add.reduceat(np.append(cut, 0), self.ex_ptr[:-1]) * (np.diff(self.ex_ptr) > 0)
        return np.asarray(own - removed, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Question:
    """What to bound: the count of a box (a node code per dimension) over the days ``0..day``.

    ``low_vars``/``high_vars`` are the variables that count for the minimum and the maximum;
    ``covered`` is how many (cell, day) pairs of the box and days the component's variables
    cover (an uncovered pair is free: nothing bounds it from above).
    """

    low_vars: IntArray
    high_vars: IntArray
    covered: int

    def key(self) -> Hashable:
        return (self.low_vars.tobytes(), self.high_vars.tobytes())


@dataclass(frozen=True, slots=True)
class Answer:
    """One bound: its whole-number value (``None``: no upper bound), the LP optimum, whether
    the LP vertex was integral, and the multipliers ``(claim position, side, y)`` of the
    claim rows that produce it (side ``"low"`` or ``"high"``: which bound of the claim)."""

    value: int | None
    optimum: float | None
    integral: bool
    multipliers: tuple[tuple[int, str, float], ...]
    exact: bool = True
    """``False`` when the integer search hit :data:`INTEGER_NODES`: ``value`` is then the
    search's proven bound (sound, possibly not attained)."""
    canonical: bool = True
    """``True`` when ``multipliers`` are those of the question's own solve from the model's
    starting basis (:meth:`ComponentModel.canonical`: the same whatever was solved before);
    ``False`` for an answer a kept certificate gave, whose multipliers are a kept dual's."""


def _multipliers(
    y: npt.NDArray[np.float64], members: IntArray, sign: int
) -> tuple[tuple[int, str, float], ...]:
    """The claim rows of a dual solution (its first ``len(members)`` entries): ``(claim
    position, side, |y|)``, the side being the claim bound the row's dual multiplies (a
    positive dual on a minimum multiplies the low, on a maximum the high)."""
    out = []
    for i in np.flatnonzero(np.abs(y[: len(members)]) > _TOL).tolist():
        v = float(y[i])
        side = ("low" if v > 0 else "high") if sign > 0 else "high" if v > 0 else "low"
        out.append((int(members[i]), side, round(abs(v), 9)))
    return tuple(out)


_KEPT: Final = 8
"""Dual solutions and whole-number assignments a model keeps for certificates."""


@dataclass(frozen=True, eq=False)
class _Dual:
    """A dual solution of one sense: ``A^T y``, the bound it proves and its claim rows.

    For ``min cost @ x`` over ``lower <= A x <= upper, x >= 0``, any ``y`` with
    ``A^T y <= cost`` proves ``cost @ x >= sum(y+ * lower) - sum(y- * upper)``; for a maximum,
    ``A^T y >= cost`` proves ``cost @ x <= sum(y+ * upper) - sum(y- * lower)``."""

    reduced: npt.NDArray[np.float64]
    bound: float
    sign: int
    multipliers: tuple[tuple[int, str, float], ...]

    @classmethod
    def of(
        cls,
        y: npt.NDArray[np.float64],
        a: Any,
        lower: npt.NDArray[np.float64],
        upper: npt.NDArray[np.float64],
        sign: int,
        members: IntArray,
    ) -> _Dual | None:
        y = np.where(np.abs(y) > _TOL, y, 0.0)
        pos, neg = y > 0, y < 0
        first, second = (lower, upper) if sign > 0 else (upper, lower)
        if not (np.all(np.isfinite(first[pos])) and np.all(np.isfinite(second[neg]))):
            return None
        bound = float(y[pos] @ first[pos] + y[neg] @ second[neg])
        reduced = np.asarray(a.T @ y, dtype=np.float64)
        return cls(reduced, bound, sign, _multipliers(y, members, sign))

    def bounds(self, cost: npt.NDArray[np.float64]) -> bool:
        """Whether this dual is feasible for ``cost`` (so its bound holds for it)."""
        if self.sign > 0:
            return bool(np.all(self.reduced <= cost + _DUAL_TOL))
        return bool(np.all(self.reduced >= cost - _DUAL_TOL))


@dataclass(eq=False)
class _Cells:
    """The (product atom, slot) cells some counted claim covers, merged into columns.

    A cell's column is the set of claims covering it (cells covered by the same claims are one
    column; a cell carrying an incident's people is a column of its own). Signatures are found
    without listing any claim's cells: per atom, each claim adds a random 64-bit weight at its
    first slot and takes it off past its last, so a running sum over the slots is the sum of
    the weights of the claims covering each cell (two such sums, 128 bits in all; a collision
    is checked against the number of covering claims). Per column, its *pieces* are its atoms,
    each with the first and last slot the column holds there: a column lies wholly inside a
    box over ``0..day`` when all its atoms do and its last slot ends by ``day``, and meets it
    when one of its atoms meets the box at a slot that starts before ``day``.
    """

    model: ComponentModel
    cover: IntArray
    """Per cell (atom-major), how many counted claims cover it."""
    hashes: tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]
    n_columns: int = 0
    used: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    column_of_used: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    first: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """Per column, its first cell (ascending: columns are numbered in the order of their cells)."""
    piece_atom: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    piece_first: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    piece_last: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    column_start: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    column_last: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    days_before: IntArray = field(default_factory=lambda: np.zeros((0, 1), dtype=np.int64))
    """Per atom and slot ``s``: the days of its covered slots before ``s``."""
    covered_at: BoolArray = field(default_factory=lambda: np.zeros((0, 0), dtype=bool))

    @classmethod
    def of(
        cls,
        model: ComponentModel,
        pair_member: IntArray,
        pair_atom: IntArray,
        slot_lo: IntArray,
        slot_hi: IntArray,
        counted: BoolArray,
        weights: npt.NDArray[np.uint64],
        limit: int,
    ) -> _Cells:
        ns, na = model.n_slots, model.n_atoms
        width = ns + 1
        chosen = np.flatnonzero(counted[pair_member])
        member, atom = pair_member[chosen], pair_atom[chosen]
        if na * ns > 4 * limit:
            _Cells._refuse_early(member, atom, slot_lo, slot_hi, ns, na, weights[0], limit)
        opens = atom * width + slot_lo[member]
        closes = atom * width + slot_hi[member]
        size = na * width
        # every claim opens and closes within its atom's row, so each row sums to zero and one
        # running sum over the whole grid is the running sum of every row
        keep = (np.arange(size) % width) < ns
        cover = np.cumsum(np.bincount(opens, minlength=size) - np.bincount(closes, minlength=size))
        hashes = []
        for k in range(2):
            running = np.zeros(size, dtype=np.uint64)
            np.add.at(running, opens, weights[k][member])
            np.subtract.at(running, closes, weights[k][member])
            hashes.append(np.cumsum(running)[keep])
        return cls(model, cover[keep].astype(np.int64), (hashes[0], hashes[1]))

    @staticmethod
    def _refuse_early(
        member: IntArray,
        atom: IntArray,
        slot_lo: IntArray,
        slot_hi: IntArray,
        ns: int,
        na: int,
        weight: npt.NDArray[np.uint64],
        limit: int,
    ) -> None:
        """:class:`TooLarge` when the cells of an evenly spaced sample of atoms (about
        ``4 * limit`` cells) already hold more than ``limit`` distinct signatures: the columns
        of a part are never more than those of the whole, so the refusal is sound, and it costs
        a fraction of building every column of a component far past the limit."""
        if limit < 1:
            if len(member):
                raise TooLarge(f"more than {limit} variables")
            return
        stride = max(1, (na * ns) // (4 * limit))
        sampled = atom % stride == 0
        member, row = member[sampled], atom[sampled] // stride
        rows, width = (na + stride - 1) // stride, ns + 1
        running = np.zeros(rows * width, dtype=np.uint64)
        cover = np.zeros(rows * width, dtype=np.int64)
        np.add.at(running, row * width + slot_lo[member], weight[member])
        np.subtract.at(running, row * width + slot_hi[member], weight[member])
        np.add.at(cover, row * width + slot_lo[member], 1)
        np.subtract.at(cover, row * width + slot_hi[member], 1)
        keys = np.sort(np.cumsum(running)[np.cumsum(cover) > 0])
        if len(keys) and int(np.count_nonzero(np.diff(keys))) + 1 > limit:
            raise TooLarge(f"more than {limit} variables (in a sample of its cells)")

    def merge(self, carriers: IntArray, rng: np.random.Generator, limit: int) -> None:
        """Merge the cells into columns, every cell in ``carriers`` a column of its own
        (:class:`TooLarge` past ``limit`` columns)."""
        h1, h2 = self.hashes
        if len(carriers):
            bump = rng.integers(1, 2**62, size=(2, len(carriers)), dtype=np.int64)
            h1[carriers] += bump[0].astype(np.uint64)
            h2[carriers] += bump[1].astype(np.uint64)
        used = np.flatnonzero(self.cover > 0).astype(np.int64)
        ns, na = self.model.n_slots, self.model.n_atoms
        if len(used) == 0:
            self.used = used
            self.days_before = np.zeros((na, ns + 1), dtype=np.int64)
            self.covered_at = np.zeros((na, ns), dtype=bool)
            self.hashes = (h1[:0], h2[:0])
            return
        # group by the first sum (a fast one-dimensional sort), then check the second sum and
        # the cover within each group; a mismatch (a 64-bit collision) groups by both
        keys = h1[used]
        distinct = np.sort(keys)
        if int(np.count_nonzero(np.diff(distinct))) + 1 > limit:  # fewer than the true count
            raise TooLarge(f"more than {limit} variables")
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        inverse = inverse.reshape(-1)
        if not np.array_equal(h2[used], h2[used[first[inverse]]]):  # pragma: no cover
            keys = np.stack([h1[used], h2[used]], axis=1)
            _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty(len(first), dtype=np.int64)
        rank[order] = np.arange(len(first), dtype=np.int64)
        column = rank[inverse.reshape(-1)]
        self.first = used[first[order]]
        if not np.array_equal(self.cover[used], self.cover[self.first[column]]):
            raise SolverFailure(  # pragma: no cover - a 128-bit collision
                "cell signatures collided; cannot merge variables safely"
            )
        self.used, self.column_of_used, self.n_columns = used, column, len(first)
        self.hashes = (h1[:0], h2[:0])  # not needed any more
        # pieces: (column, atom) with the first and last slot of the column at that atom
        atom, slot = used // ns, used % ns
        key = column * na + atom
        by_key = np.argsort(key, kind="stable")
        key, slot = key[by_key], slot[by_key]
        heads = np.flatnonzero(np.diff(key, prepend=-1))
        self.piece_atom = (key[heads] % na).astype(np.int64)
        self.piece_first = np.minimum.reduceat(slot, heads).astype(np.int64)
        self.piece_last = np.maximum.reduceat(slot, heads).astype(np.int64)
        piece_column = key[heads] // na
        self.column_start = np.searchsorted(piece_column, np.arange(self.n_columns)).astype(
            np.int64
        )
        self.column_last = np.maximum.reduceat(self.piece_last, self.column_start)
        covered_at = (self.cover > 0).reshape(na, ns)
        if self.model.cumulative:
            lengths = np.diff(self.model.points)
        else:
            lengths = np.ones(ns, dtype=np.int64)
        self.days_before = np.concatenate(
            [np.zeros((na, 1), dtype=np.int64), np.cumsum(covered_at * lengths[None, :], axis=1)],
            axis=1,
        )
        self.covered_at = covered_at
        self.cover = self.cover[:0]

    def column_of(self, cells: IntArray) -> IntArray:
        """The column of each used cell."""
        return self.column_of_used[np.searchsorted(self.used, cells)]

    def _slots_of(self, days: IntArray) -> tuple[IntArray, IntArray]:
        """Per day, for a running total: the slots ending by it (``k_in``: slots ``< k_in``
        lie wholly in ``0..day``) and those starting before it (``k_meet``); for a stock, the
        day's slot twice (``-1`` when no claim speaks of that day)."""
        points = self.model.points
        if self.model.cumulative:
            k_in = np.searchsorted(points[1:], days, side="right").astype(np.int64)
            k_meet = np.searchsorted(points[:-1], days, side="left").astype(np.int64)
            return k_in, k_meet
        at = np.searchsorted(points, days).astype(np.int64)
        hit = (at < len(points)) & (points[np.minimum(at, len(points) - 1)] == days)
        at = np.where(hit, at, -1)
        return at, at

    def relation(
        self, atom_in: BoolArray, atom_meets: BoolArray, atom_cells: IntArray, days: IntArray
    ) -> tuple[BoolArray, BoolArray, IntArray]:
        """Per box (over ``0..day``) and column: wholly inside, meeting; and per box the
        (cell, day) pairs the columns cover."""
        n, ns = len(days), self.model.n_slots
        k_in, k_meet = self._slots_of(days)
        if self.model.cumulative:
            full = self.days_before[:, np.minimum(k_in, ns)].T  # (boxes, atoms)
            partial = np.zeros_like(full)
            has = k_in < ns
            if np.any(has):
                start = self.model.points[np.minimum(k_in, ns - 1)]
                extra = np.clip(days - start, 0, None) * has
                partial = self.covered_at[:, np.minimum(k_in, ns - 1)].T * extra[:, None]
            per_atom = full + partial
        else:
            safe = np.maximum(k_in, 0)
            per_atom = (self.covered_at[:, safe].T & (k_in >= 0)[:, None]).astype(np.int64)
        covered = (atom_cells * per_atom).sum(axis=1).astype(np.int64)
        if self.n_columns == 0:
            empty = np.zeros((n, 0), dtype=bool)
            return empty, empty.copy(), covered
        starts = self.column_start
        inside = np.logical_and.reduceat(atom_in[:, self.piece_atom], starts, axis=1)
        meets_at = atom_meets[:, self.piece_atom]
        if self.model.cumulative:
            inside &= self.column_last[None, :] < k_in[:, None]
            meets_at &= self.piece_first[None, :] < k_meet[:, None]
        else:  # a stock's column holds one slot (its claims speak of one day)
            inside &= self.column_last[None, :] == k_in[:, None]
            meets_at &= self.piece_first[None, :] == k_meet[:, None]
        return inside, np.logical_or.reduceat(meets_at, starts, axis=1), covered

    def costs(
        self, per_atom: npt.NDArray[np.float64], day: int
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Per column, the least and greatest of what one of its people adds to a signed
        question over ``0..day`` (``per_atom``: what one person of each atom adds when the
        slot lies in the days)."""
        if self.n_columns == 0:
            return np.zeros(0), np.zeros(0)
        k_in, _ = self._slots_of(np.array([day], dtype=np.int64))
        value = per_atom[self.piece_atom]
        if self.model.cumulative:
            has_in = self.piece_first < k_in[0]
            has_out = self.piece_last >= k_in[0]
        else:
            has_in = self.piece_first == k_in[0]
            has_out = ~has_in
        low = np.minimum(np.where(has_in, value, np.inf), np.where(has_out, 0.0, np.inf))
        high = np.maximum(np.where(has_in, value, -np.inf), np.where(has_out, 0.0, -np.inf))
        starts = self.column_start
        return np.minimum.reduceat(low, starts), np.maximum.reduceat(high, starts)


@dataclass(eq=False)
class _Events:
    """The incident variables: one per (event, atom an incident claim of the event names),
    merged where no row tells them apart. An event's people are counted inside the running
    totals that cover them through a link row ``sum z <= x`` on the cell of its atom and day
    (its *carrier*; an event whose cell no total covers is free)."""

    model: ComponentModel
    event: IntArray
    atom: IntArray
    day: IntArray
    carrier_cell: IntArray
    """Per variable, the flat cell carrying it (``-1``: free)."""
    carrier_cells: IntArray
    """The distinct carrier cells, ascending: one link row each."""
    raw: Any
    merged: Any = None
    column_of: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    order: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    starts: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    carrier_columns: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def n_columns(self) -> int:
        return len(self.starts)

    @classmethod
    def of(
        cls,
        model: ComponentModel,
        pair_member: IntArray,
        pair_atom: IntArray,
        incident: BoolArray,
        cover: IntArray,
    ) -> _Events:
        g, m = model.group, model.members
        chosen = np.flatnonzero(incident[pair_member])
        member, atom = pair_member[chosen], pair_atom[chosen]
        event = g.event[m[member]].astype(np.int64)
        na = max(model.n_atoms, 1)
        _, first, var = np.unique(event * na + atom, return_index=True, return_inverse=True)
        var = var.reshape(-1)
        z_event, z_atom = event[first], atom[first]
        # an event's day: that of its last incident claim
        members = np.flatnonzero(incident)
        events_of = g.event[m[members]].astype(np.int64)
        names, last = np.unique(events_of[::-1], return_index=True)
        day_of = g.as_of[m[members]][::-1][last]
        z_day = day_of[np.searchsorted(names, z_event)] if len(z_event) else z_event.copy()
        ns = model.n_slots
        z_slot = np.searchsorted(model.points, z_day) - (1 if model.cumulative else 0)
        cell = z_atom * ns + np.clip(z_slot, 0, max(ns - 1, 0))
        ok = (z_slot >= 0) & (z_slot < ns)
        ok[ok] = cover[cell[ok]] > 0
        carrier = np.where(ok, cell, -1).astype(np.int64)
        carrier_cells = np.unique(carrier[carrier >= 0])
        link = np.searchsorted(carrier_cells, carrier[ok])
        n_members, n_z = len(m), len(z_event)
        rows = np.concatenate([member, n_members + link])
        cols = np.concatenate([var, np.flatnonzero(ok)])
        raw = sparse.csr_array(
            (np.ones(len(rows)), (rows, cols)),
            shape=(n_members + len(carrier_cells), max(n_z, 0)),
        )
        return cls(model, z_event, z_atom, z_day.astype(np.int64), carrier, carrier_cells, raw)

    def link(self, cells: _Cells) -> None:
        """Merge the variables and name each link row's carrier column (after the cells are
        merged)."""
        if len(self.event):
            column_of, _, self.merged = _merge_columns(self.raw)
        else:
            column_of, self.merged = np.zeros(0, dtype=np.int64), sparse.csr_array(self.raw)
        self.column_of = column_of
        self.order = np.argsort(column_of, kind="stable")
        self.starts = np.flatnonzero(np.diff(column_of[self.order], prepend=-1)).astype(np.int64)
        self.carrier_columns = cells.column_of(self.carrier_cells)
        self.raw = None

    def _counted(self, days: IntArray) -> BoolArray:
        free = (self.carrier_cell < 0)[None, :]
        if self.model.cumulative:
            on_time: BoolArray = self.day[None, :] <= days[:, None]
        else:
            on_time = self.day[None, :] == days[:, None]
        return free & on_time

    def relation(
        self, atom_in: BoolArray, atom_meets: BoolArray, days: IntArray
    ) -> tuple[BoolArray, BoolArray]:
        """Per box (over ``0..day``) and column: wholly inside, meeting."""
        n = len(days)
        if self.n_columns == 0:
            empty = np.zeros((n, 0), dtype=bool)
            return empty, empty.copy()
        counted = self._counted(days)[:, self.order]
        atoms = self.atom[self.order]
        inside = np.logical_and.reduceat(counted & atom_in[:, atoms], self.starts, axis=1)
        meets = np.logical_or.reduceat(counted & atom_meets[:, atoms], self.starts, axis=1)
        return inside, meets

    def costs(
        self, per_atom: npt.NDArray[np.float64], day: int
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Per column, the least and greatest of what one of its people adds."""
        if self.n_columns == 0:
            return np.zeros(0), np.zeros(0)
        counted = self._counted(np.array([day], dtype=np.int64))[0][self.order]
        value = np.where(counted, per_atom[self.atom[self.order]], 0.0)
        return np.minimum.reduceat(value, self.starts), np.maximum.reduceat(value, self.starts)


class ComponentModel:
    """The linear program of one component (see the module docstring).

    Build it from a group's constraints and the positions of the component's members; ask
    :meth:`question` for a box and a day, then :meth:`low` and :meth:`high`. Answers are
    memoised per distinct question.

    Every question's program is solved from one starting basis (the vertex of the program
    with no objective, solved cold on first need), not from the basis the previous question
    left: where a bound has several optimal dual solutions, the multipliers reported are
    then the same whatever was asked before, in whatever order.
    """

    _start: Any = None
    """The starting basis of every question's solve (see :meth:`_from_start`)."""

    def __init__(
        self,
        group: Constraints,
        members: npt.ArrayLike,
        *,
        max_variables: int = 200_000,
        extra_boxes: IntArray | None = None,
        extra_days: IntArray | None = None,
    ) -> None:
        self.group = group
        self.members = np.sort(np.asarray(members, dtype=np.int64))
        m = self.members
        dims = group.codes.dims[1:]
        # extra boxes and days refine the atoms and slots, so that every atom and slot lies
        # wholly inside or outside each of those boxes and windows (exact signed questions)
        named = group.nodes[m]
        if extra_boxes is not None and len(extra_boxes):
            named = np.concatenate([named, np.asarray(extra_boxes, dtype=np.int64)])
        self.atoms = tuple(DimAtoms.of(dims[d], named[:, d]) for d in range(4))
        self.shape = tuple(len(a) for a in self.atoms)
        self.n_atoms = int(np.prod(self.shape)) if all(self.shape) else 0
        self.cumulative = group.cumulative
        incident = group.kind[m] == INCIDENT
        since, as_of = group.since[m], group.as_of[m]
        # time: slots (p[k], p[k+1]] for a cumulative outcome, the claim days for a stock
        if self.cumulative:
            extra = np.zeros(0, dtype=np.int64) if extra_days is None else np.asarray(extra_days)
            self.points = np.unique(np.concatenate([since - 1, as_of, extra[extra >= since.min()]]))
            self.n_slots = max(len(self.points) - 1, 0)
        else:
            self.points = np.unique(as_of)
            self.n_slots = len(self.points)
        if self.n_atoms * self.n_slots > MAX_CELLS:
            raise TooLarge(f"{self.n_atoms} atoms x {self.n_slots} slots")
        self.representable = bool(
            np.all(group.low[m] < MAX_EXACT) & np.all(group.high[m] < MAX_EXACT)
        )
        pair_member, pair_atom = self._pairs()
        slot_lo, slot_hi = self._slots(since, as_of)
        rng = np.random.default_rng(20201006)
        weights = rng.integers(1, 2**62, size=(2, len(m) + 1), dtype=np.int64).astype(np.uint64)
        cells = _Cells.of(
            self, pair_member, pair_atom, slot_lo, slot_hi, ~incident, weights, max_variables
        )
        events = _Events.of(self, pair_member, pair_atom, incident, cells.cover)
        cells.merge(events.carrier_cells, rng, max_variables)
        events.link(cells)
        self.n_vars = cells.n_columns + events.n_columns
        if self.n_vars > max_variables:
            raise TooLarge(f"{self.n_vars} variables")
        self._cells, self._events = cells, events
        self._build(cells, events, pair_member, pair_atom, slot_lo, slot_hi, ~incident)
        self._memo: dict[tuple[Hashable, int], Answer] = {}
        # certificates kept from earlier solves (see _certified): whole-number assignments
        # every row allows, and per sense dual solutions with their A^T y and bound
        self._points: list[npt.NDArray[np.float64]] = []
        self._duals: dict[int, list[_Dual]] = {1: [], -1: []}
        self.certified = 0
        """Questions answered by a kept certificate instead of a solve."""
        self._integer_runs = 0
        self._near_runs = 0

    # --- building -------------------------------------------------------------------------------
    def _pairs(self) -> tuple[IntArray, IntArray]:
        """Every (member, product atom inside its box) pair, member-major, atoms ascending."""
        m = self.members
        if len(m) == 0 or self.n_atoms == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty.copy()
        boxes, inverse = np.unique(self.group.nodes[m], axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        inside = []
        for d, atoms in enumerate(self.atoms):
            nodes, back = np.unique(boxes[:, d], return_inverse=True)
            table = np.stack([atoms.inside(int(u)) for u in nodes.tolist()])
            inside.append(table[back.reshape(-1)])
        per_box = []
        for b in range(len(boxes)):
            grid = inside[0][b]
            for mask in inside[1:]:
                grid = np.logical_and.outer(grid, mask[b])
            per_box.append(np.flatnonzero(np.asarray(grid).reshape(-1)))
        counts = np.array([len(p) for p in per_box], dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        flat = np.concatenate(per_box).astype(np.int64)
        reps = counts[inverse]
        pair_member = np.repeat(np.arange(len(m), dtype=np.int64), reps)
        offset = np.arange(int(reps.sum()), dtype=np.int64) - np.repeat(
            np.cumsum(reps) - reps, reps
        )
        return pair_member, flat[starts[inverse][pair_member] + offset]

    def _slots(self, since: IntArray, as_of: IntArray) -> tuple[IntArray, IntArray]:
        """Each member's slots ``[lo, hi)``."""
        if self.cumulative:
            lo = np.searchsorted(self.points, since - 1)
            hi = np.searchsorted(self.points, as_of)
            return lo.astype(np.int64), hi.astype(np.int64)
        at = np.searchsorted(self.points, as_of)
        return at.astype(np.int64), (at + 1).astype(np.int64)

    def _build(
        self,
        cells: _Cells,
        events: _Events,
        pair_member: IntArray,
        pair_atom: IntArray,
        slot_lo: IntArray,
        slot_hi: IntArray,
        counted: BoolArray,
    ) -> None:
        g, m = self.group, self.members
        n_members, n_x = len(m), cells.n_columns
        # claim rows over the cell columns: the columns whose first cell lies in the claim's
        # atoms and slots (a column's cells all sit in the same claims)
        x_pairs = np.flatnonzero(counted[pair_member])
        ns = self.n_slots
        starts = np.searchsorted(
            cells.first, pair_atom[x_pairs] * ns + slot_lo[pair_member[x_pairs]]
        )
        stops = np.searchsorted(
            cells.first, pair_atom[x_pairs] * ns + slot_hi[pair_member[x_pairs]]
        )
        runs = stops - starts
        x_rows = np.repeat(pair_member[x_pairs], runs)
        x_cols = np.repeat(starts, runs) + (
            np.arange(int(runs.sum()), dtype=np.int64) - np.repeat(np.cumsum(runs) - runs, runs)
        )
        z = events.merged  # rows: members, then one link row per carrier cell
        z_coo = sparse.coo_array(z)
        n_links = z.shape[0] - n_members
        link_rows = n_members + np.arange(n_links, dtype=np.int64)
        rows = np.concatenate([x_rows, z_coo.row.astype(np.int64), link_rows])
        cols = np.concatenate([x_cols, n_x + z_coo.col.astype(np.int64), events.carrier_columns])
        values = np.concatenate(
            [np.ones(len(x_rows)), z_coo.data.astype(np.float64), -np.ones(n_links)]
        )
        n_rows = n_members + n_links
        self.A = sparse.csr_array((values, (rows, cols)), shape=(n_rows, max(self.n_vars, 1)))
        self.A.sum_duplicates()
        self.A.sort_indices()
        self.n_claim_rows = n_members
        self._csc: Any = None  # A by columns, made on the first search near a vertex
        lower = g.low[m].astype(np.float64)
        upper = np.where(g.upper[m] == OPEN, _INF, g.upper[m].astype(np.float64))
        self.row_lower = np.concatenate([lower, np.full(n_links, -_INF)])
        self.row_upper = np.concatenate([upper, np.zeros(n_links)])
        h = _new_highs()
        lp = highspy.HighsLp()
        n = self.A.shape[1]
        lp.num_col_ = n
        lp.num_row_ = n_rows
        lp.col_cost_ = np.zeros(n)
        lp.col_lower_ = np.zeros(n)
        lp.col_upper_ = np.full(n, _INF)
        lp.row_lower_ = self.row_lower
        lp.row_upper_ = self.row_upper
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = self.A.indptr.astype(np.int32)
        lp.a_matrix_.index_ = self.A.indices.astype(np.int32)
        lp.a_matrix_.value_ = self.A.data.astype(np.float64)
        h.passModel(lp)
        self.highs = h
        self._n_cols = n

    # --- questions ------------------------------------------------------------------------------
    def question(self, box: IntArray, day: int) -> Question:
        """The variables a box over days ``0..day`` counts, for the minimum and the maximum."""
        low, high, covered = self.questions(
            np.asarray(box, dtype=np.int64)[None, :], np.array([day], dtype=np.int64)
        )
        return Question(
            np.flatnonzero(low[0]).astype(np.int64),
            np.flatnonzero(high[0]).astype(np.int64),
            int(covered[0]),
        )

    def _atom_relation(self, boxes: IntArray) -> tuple[BoolArray, BoolArray, IntArray]:
        """Per box and product atom: wholly inside, meeting, and the cells it shares."""
        n = len(boxes)
        inside = np.ones((n, 1), dtype=bool)
        meets = np.ones((n, 1), dtype=bool)
        shared = np.ones((n, 1), dtype=np.int64)
        for d, atoms in enumerate(self.atoms):
            nodes, inverse = np.unique(boxes[:, d], return_inverse=True)
            share = np.stack([atoms.overlap(int(u)) for u in nodes.tolist()])[inverse.reshape(-1)]
            inside = (inside[:, :, None] & (share == atoms.size[None, :])[:, None, :]).reshape(
                n, -1
            )
            meets = (meets[:, :, None] & (share > 0)[:, None, :]).reshape(n, -1)
            shared = (shared[:, :, None] * share[:, None, :]).reshape(n, -1)
        return inside, meets, shared

    def questions(self, boxes: IntArray, days: IntArray) -> tuple[BoolArray, BoolArray, IntArray]:
        """:meth:`question` for many boxes at once: per box, the merged columns that count for
        the minimum and for the maximum (boolean matrices, one row a box) and the covered
        (cell, day) pairs.

        The work is dense in (box, atom) and (box, column piece), so boxes go in chunks of at
        most :data:`QUESTION_CELLS` such pairs: memory stays bounded whatever the number of
        rows.
        """
        n = len(boxes)
        n_cols = self._n_cols
        if n == 0 or self.n_vars == 0:
            empty = np.zeros((n, n_cols), dtype=bool)
            return empty, empty.copy(), np.zeros(n, dtype=np.int64)
        width = max(self.n_atoms, len(self._cells.piece_atom), len(self._events.atom), 1)
        step = max(1, QUESTION_CELLS // width)
        if n > step:
            parts = [
                self.questions(boxes[i : i + step], days[i : i + step]) for i in range(0, n, step)
            ]
            return (
                np.concatenate([p[0] for p in parts]),
                np.concatenate([p[1] for p in parts]),
                np.concatenate([p[2] for p in parts]),
            )
        atom_in, atom_meets, atom_cells = self._atom_relation(np.asarray(boxes, dtype=np.int64))
        days = np.asarray(days, dtype=np.int64)
        x_low, x_high, covered = self._cells.relation(atom_in, atom_meets, atom_cells, days)
        z_low, z_high = self._events.relation(atom_in, atom_meets, days)
        return (
            np.concatenate([x_low, z_low], axis=1),
            np.concatenate([x_high, z_high], axis=1),
            covered,
        )

    def solve_columns(self, columns: BoolArray, sign: int) -> Answer:
        """The bound whose objective counts the given merged columns (memoised)."""
        return self._solve(np.flatnonzero(columns).astype(np.int64), sign)

    def signed(
        self, boxes: IntArray, coefficients: IntArray, day: int
    ) -> tuple[Answer, Answer, int]:
        """The least and greatest of ``sum(coefficient x count(box))`` over days ``0..day``,
        and the signed count of covered (cell, day) pairs. The model must have been built with
        these boxes and this day as ``extra_boxes``/``extra_days``, so that every atom lies
        wholly inside or outside each box and every slot wholly inside or outside the days."""
        boxes = np.asarray(boxes, dtype=np.int64).reshape(-1, 4)
        weights = np.asarray(coefficients, dtype=np.float64)
        atom_in, _, atom_cells = self._atom_relation(boxes)
        days = np.full(len(boxes), day, dtype=np.int64)
        per_atom = weights @ atom_in.astype(np.float64)  # what one person of an atom adds
        x_low, x_high = self._cells.costs(per_atom, day)
        z_low, z_high = self._events.costs(per_atom, day)
        covered = self._cells.relation(atom_in, atom_in, atom_cells, days)[2]
        signed_covered = int(np.asarray(coefficients, dtype=np.int64) @ covered)
        return (
            self._solve_costs(np.concatenate([x_low, z_low]), 1),
            self._solve_costs(np.concatenate([x_high, z_high]), -1),
            signed_covered,
        )

    def _solve_costs(self, cost: npt.NDArray[np.float64], sign: int) -> Answer:
        key = (cost.tobytes(), sign)
        found = self._memo.get(key)
        if found is not None:
            return found
        answer = Answer(0, 0.0, True, ()) if not np.any(cost) else self._optimise_cost(cost, sign)
        self._memo[key] = answer
        return answer

    def low(self, question: Question) -> Answer:
        """The least count of the question over every assignment the claims allow, with the
        multipliers of its own solve (:meth:`canonical`)."""
        return self._canonical(question.low_vars, 1)

    def high(self, question: Question) -> Answer:
        """The greatest count (``value=None``: unbounded), as :meth:`low`."""
        return self._canonical(question.high_vars, -1)

    def _solve(self, variables: IntArray, sign: int) -> Answer:
        key = (variables.tobytes(), sign)
        found = self._memo.get(key)
        if found is not None:
            return found
        if len(variables) == 0 or (sign > 0 and self.n_claim_rows == 0):
            answer = Answer(0, 0.0, True, ())
        else:
            answer = self._optimise(variables, sign)
        self._memo[key] = answer
        return answer

    def whole_feasible(self) -> bool:
        """Whether the program itself, solved with no objective (warm for the questions that
        follow), finds a whole-number assignment of the merged columns that every row allows.
        ``False`` when its vertex is fractional or the claims cannot all hold: the caller then
        decides with the exact feasibility test."""
        h = self.highs
        self._objective(np.zeros(self._n_cols), 1)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return False
        x = np.asarray(h.getSolution().col_value, dtype=np.float64)
        whole = np.round(x)
        if bool(np.all(np.abs(x - whole) <= _TOL)) and self._allowed(whole):
            self._keep_point(whole)
            return True
        return False

    @property
    def kept_points(self) -> list[npt.NDArray[np.float64]]:
        """The whole-number assignments (of the merged columns) kept from earlier solves,
        each checked against every row: witnesses that certify bounds (see
        :meth:`point`)."""
        return list(self._points)

    def bounded_columns(self) -> BoolArray:
        """Per merged column: whether some row bounds it from above (a claim row with a finite
        upper side counts it, or an incident link ties it to such a column). A maximum over
        these columns alone is finite."""
        n_claims = self.n_claim_rows
        finite = np.isfinite(self.row_upper[:n_claims])
        claim_rows = sparse.csr_array(self.A[:n_claims])
        bounded = np.zeros(self._n_cols, dtype=bool)
        hit = claim_rows[np.flatnonzero(finite)].tocoo()
        bounded[hit.col[hit.data > 0]] = True
        links = sparse.csr_array(self.A[n_claims:]).tocoo()
        if links.nnz:
            carrier = np.full(self.A.shape[0] - n_claims, -1, dtype=np.int64)
            carrier[links.row[links.data < 0]] = links.col[links.data < 0]
            held = links.data > 0
            ok = bounded[carrier[links.row[held]]] & (carrier[links.row[held]] >= 0)
            bounded[links.col[held][ok]] = True
        return bounded

    def point(self, cost: npt.NDArray[np.float64], sign: int) -> npt.NDArray[np.float64] | None:
        """A whole-number assignment every row allows, found by optimising ``cost`` (a least
        one for ``sign > 0``, a greatest for ``sign < 0``): the LP vertex, or a rounding of it
        that every row allows; kept for later certificates. ``None`` when the program ends
        without an optimum or no rounding of its vertex is allowed.

        The point is a *witness*: the count it gives a question is attained by an assignment
        the claims allow, so the least count is at most it and the greatest at least it."""
        h = self.highs
        self._objective(cost, sign)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        x = np.asarray(h.getSolution().col_value, dtype=np.float64)
        for candidate in (np.round(x), np.floor(x + _TOL), np.ceil(x - _TOL)):
            if self._allowed(candidate):
                self._keep_point(candidate)
                return candidate
        return None

    def _allowed(self, counts: npt.NDArray[np.float64]) -> bool:
        """Whether nonnegative ``counts`` of the merged columns keep every row in its range."""
        if np.any(counts < 0):
            return False
        activity = self.A @ counts
        return bool(
            np.all(activity >= self.row_lower - 1e-9) and np.all(activity <= self.row_upper + 1e-9)
        )

    def _optimise(self, variables: IntArray, sign: int) -> Answer:
        cost = np.zeros(self._n_cols)
        cost[variables] = 1.0
        return self._optimise_cost(cost, sign)

    def _optimise_cost(self, cost: npt.NDArray[np.float64], sign: int) -> Answer:
        certified = self._certified(cost, sign)
        if certified is not None:
            self.certified += 1
            return certified
        h = self._warm(cost, sign)
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kUnbounded:
            return Answer(None, None, True, ())
        if status != highspy.HighsModelStatus.kOptimal:
            raise SolverFailure(f"the linear program ended with {status}")
        optimum = float(h.getInfo().objective_function_value)
        solution = h.getSolution()
        x = np.asarray(solution.col_value)
        duals = np.asarray(solution.row_dual)[: self.n_claim_rows]
        multipliers = _multipliers(duals, self.members, sign)
        integral = bool(np.all(np.abs(x - np.round(x)) < _TOL))
        certain = True
        rounded = _inwards(optimum, sign)
        self._keep_dual(np.asarray(solution.row_dual, dtype=np.float64), cost, sign, optimum)
        if integral:
            self._keep_point(np.round(x))
            value = rounded
        elif self._attains(x, cost, rounded) or self._kept_attains(cost, rounded):
            # a whole-number assignment the claims allow (a rounding of the vertex, or one
            # kept from an earlier solve) reaches the LP bound rounded inwards, which no
            # whole-number assignment can beat: it is the integer optimum
            value = rounded
        elif self._near_runs < NEAR_SEARCHES and self._near(x, cost, sign, rounded):
            value = rounded  # the same near the vertex (a small integer program)
        elif self._integer_runs < INTEGER_SEARCHES:
            self._integer_runs += 1
            value, certain = self._integer(sign, optimum)
        else:  # the component's budget for integer searches is spent: the LP bound, rounded
            value = rounded
            certain = False
        return Answer(int(value), optimum, integral, multipliers, certain, canonical=False)

    def _objective(self, cost: npt.NDArray[np.float64], sign: int) -> None:
        """Set the program's objective to ``cost`` on every column, least for ``sign > 0``."""
        n = self._n_cols
        self.highs.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
        self.highs.changeObjectiveSense(
            highspy.ObjSense.kMinimize if sign > 0 else highspy.ObjSense.kMaximize
        )

    def _warm(self, cost: npt.NDArray[np.float64], sign: int) -> Any:
        """The program solved for ``cost`` (least for ``sign > 0``) from the basis the last solve
        ended at (a warm primal simplex: changing the objective keeps it feasible). Its vertex
        and multipliers depend on the solves before it, so its answer is not canonical; the
        bound does not."""
        h = self.highs
        n = self._n_cols
        if self._start is None:
            self._from_start(np.zeros(n), 1)
        self._objective(cost, sign)
        h.run()
        return h

    def _from_start(self, cost: npt.NDArray[np.float64], sign: int) -> Any:
        """The program solved for ``cost`` (least for ``sign > 0``) from the starting basis.

        The starting basis is that of the program with no objective, solved cold on the first
        call (so it depends on the component's claims only); every later solve starts from it
        again (a warm primal simplex: changing the objective keeps it feasible). Solves from
        one basis with one objective end at one vertex and one dual solution, so a question's
        multipliers do not depend on the questions solved before it."""
        h = self.highs
        n = self._n_cols
        if self._start is None:
            # from the slack basis (every count 0, every row basic), whatever came before
            slack = highspy.HighsBasis()
            slack.col_status = [highspy.HighsBasisStatus.kLower] * n
            slack.row_status = [highspy.HighsBasisStatus.kBasic] * self.A.shape[0]
            slack.valid = True
            h.clearSolver()
            h.setBasis(slack)
            self._objective(np.zeros(n), 1)
            h.run()
            basis = h.getBasis()
            self._start = basis if basis.valid else False
        h.clearSolver()  # nothing of the solves before (their pricing weights) stays
        if self._start is not False:
            h.setBasis(self._start)
        else:  # pragma: no cover - the program without objective ended without a basis
            h.clearSolver()
        self._objective(cost, sign)
        h.run()
        return h

    def canonical(self, columns: BoolArray, sign: int) -> Answer:
        """:meth:`solve_columns` with the multipliers of the question's own solve from the
        starting basis (an answer a kept certificate gave is solved again for them; its
        value, a proven one, stays)."""
        return self._canonical(np.flatnonzero(columns).astype(np.int64), sign)

    def _canonical(self, variables: IntArray, sign: int) -> Answer:
        found = self._solve(variables, sign)
        if found.canonical:
            return found
        cost = np.zeros(self._n_cols)
        cost[variables] = 1.0
        h = self._from_start(cost, sign)
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise SolverFailure(f"the linear program ended with {h.getModelStatus()}")
        duals = np.asarray(h.getSolution().row_dual)[: self.n_claim_rows]
        answer = Answer(
            found.value,
            found.optimum,
            found.integral,
            _multipliers(duals, self.members, sign),
            found.exact,
        )
        self._memo[(variables.tobytes(), sign)] = answer
        return answer

    def _keep_point(self, x: npt.NDArray[np.float64]) -> None:
        """Keep a whole-number assignment for later certificates, if every row allows it."""
        if self._allowed(x):
            self._points.append(x)
            del self._points[:-_KEPT]

    def _keep_dual(
        self, y: npt.NDArray[np.float64], cost: npt.NDArray[np.float64], sign: int, optimum: float
    ) -> None:
        """Keep the dual solution of a solve when it checks out as a certificate of its own
        optimum (feasible for its objective, its bound equal to the optimum)."""
        dual = _Dual.of(y, self.A, self.row_lower, self.row_upper, sign, self.members)
        if (
            dual is not None
            and dual.bounds(cost)
            and abs(dual.bound - optimum) <= _TOL * max(1.0, abs(optimum))
        ):
            kept = self._duals[sign]
            kept.append(dual)
            del kept[:-_KEPT]

    def _certified(self, cost: npt.NDArray[np.float64], sign: int) -> Answer | None:
        """The answer, without a solve, when a kept dual solution is feasible for this
        objective and a kept whole-number assignment attains its bound.

        For a minimum, a dual ``y`` with ``A^T y <= cost`` proves ``cost @ x >= bound(y)`` for
        every assignment (``x >= 0``); an assignment every row allows with ``cost @ x`` equal
        to that bound is then a least one (for a maximum, ``A^T y >= cost`` and the reverse).
        Only whole-number bounds are certified, so the LP optimum and the integer optimum
        are that bound, and the dual's claim rows are the bound's multipliers."""
        if not CERTIFICATES or not self._points:
            return None
        values = np.array([float(cost @ x) for x in self._points])
        best = float(values.min() if sign > 0 else values.max())
        for dual in reversed(self._duals[sign]):
            if abs(dual.bound - best) <= _TOL * max(1.0, abs(best)) and dual.bounds(cost):
                value = round(best)
                return Answer(value, float(value), True, dual.multipliers, canonical=False)
        return None

    def _near(
        self, x: npt.NDArray[np.float64], cost: npt.NDArray[np.float64], sign: int, target: int
    ) -> bool:
        self._near_runs += 1
        return self._near_vertex(x, cost, sign, target)

    def _near_vertex(
        self, x: npt.NDArray[np.float64], cost: npt.NDArray[np.float64], sign: int, target: int
    ) -> bool:
        """Whether a whole-number assignment near the fractional vertex ``x`` reaches
        ``target`` (kept if so).

        The columns that are whole at ``x`` keep their values, first all of them, then all but
        those that share a row with a fractional column; the rest are solved as a small integer
        program over the rows they touch (every other row keeps its activity at ``x``, which it
        allows). An answer found is checked against every row before it counts."""
        whole_at = np.abs(x - np.round(x)) <= _TOL
        free = ~whole_at
        if self._csc is None:
            self._csc = sparse.csc_array(self.A)
        a_csc = self._csc
        for _ in range(2):
            cols = np.flatnonzero(free)
            if len(cols) == 0 or len(cols) > _NEAR_COLUMNS:
                return False
            rows = np.unique(a_csc[:, cols].tocoo().row).astype(np.int64)
            candidate = self._sub_integer(np.where(free, 0.0, np.round(x)), cols, rows, cost, sign)
            if candidate is not None and abs(float(cost @ candidate) - target) <= 1e-6:
                self._keep_point(candidate)
                return True
            # one layer out: every column sharing a row with the free ones
            free = np.zeros_like(free)
            free[np.unique(self.A[rows].tocoo().col)] = True
        return False

    def _sub_integer(
        self,
        fixed: npt.NDArray[np.float64],
        cols: IntArray,
        rows: IntArray,
        cost: npt.NDArray[np.float64],
        sign: int,
    ) -> npt.NDArray[np.float64] | None:
        """The best whole-number values of ``cols`` with every other column at ``fixed``
        under ``rows`` (shifted by the fixed columns' activity), or ``None``; the result is
        a full assignment every row allows."""
        touched = self.A[rows]
        sub = sparse.csr_array(touched[:, cols])
        base = touched @ fixed
        lp = highspy.HighsLp()
        n = len(cols)
        lp.num_col_ = n
        lp.num_row_ = len(rows)
        lp.col_cost_ = cost[cols].astype(np.float64)
        lp.col_lower_ = np.zeros(n)
        lp.col_upper_ = np.full(n, _INF)
        lp.row_lower_ = self.row_lower[rows] - base
        lp.row_upper_ = self.row_upper[rows] - base
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = sub.indptr.astype(np.int32)
        lp.a_matrix_.index_ = sub.indices.astype(np.int32)
        lp.a_matrix_.value_ = sub.data.astype(np.float64)
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
        lp.sense_ = highspy.ObjSense.kMinimize if sign > 0 else highspy.ObjSense.kMaximize
        h = _new_highs()
        h.setOptionValue("solver", "choose")
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_max_nodes", NEAR_NODES)
        h.setOptionValue("time_limit", SEARCH_SECONDS)
        h.passModel(lp)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        candidate = fixed.copy()
        candidate[cols] = np.round(np.asarray(h.getSolution().col_value, dtype=np.float64))
        return candidate if self._allowed(candidate) else None

    def _kept_attains(self, cost: npt.NDArray[np.float64], target: int) -> bool:
        """Whether a kept whole-number assignment (every row allows it) has objective
        ``target``."""
        return CERTIFICATES and any(abs(float(cost @ x) - target) <= 1e-6 for x in self._points)

    def _attains(
        self, x: npt.NDArray[np.float64], cost: npt.NDArray[np.float64], target: int
    ) -> bool:
        """Whether a rounding of the fractional vertex ``x`` (to nearest, down, up) is a
        whole-number assignment every row allows whose objective is ``target``."""
        return any(
            abs(float(cost @ candidate) - target) <= 1e-6 and self._allowed(candidate)
            for candidate in (np.round(x), np.floor(x + _TOL), np.ceil(x - _TOL))
        )

    def _integer(self, sign: int, relaxed: float) -> tuple[int, bool]:
        """The bound with integrality on every variable (the LP vertex was fractional), under
        the objective and sense the LP was just solved with, and whether it is exact.

        The search runs on a fresh HiGHS instance holding a copy of the model: a branch and
        bound run on the instance that had been re-solved many times with changed objectives
        was seen to report an optimum its own solution does not have (below the LP bound).
        The answer is checked against the LP relaxation, which no whole-number assignment can
        beat, and against the objective of the solution found; a disagreement keeps the LP
        bound, rounded inwards (sound, not certified attained).

        The search stops after :data:`INTEGER_NODES` nodes; its proven bound (the best of the
        search's dual bound and the LP optimum, rounded inwards) is then sound but not
        certified attained."""
        lp = self.highs.getLp()
        cost = np.asarray(lp.col_cost_, dtype=np.float64)
        n = self._n_cols
        h = _new_highs()
        h.setOptionValue("solver", "choose")
        h.passModel(lp)
        h.changeObjectiveSense(
            highspy.ObjSense.kMinimize if sign > 0 else highspy.ObjSense.kMaximize
        )
        h.changeColsIntegrality(
            n, np.arange(n, dtype=np.int32), np.full(n, highspy.HighsVarType.kInteger)
        )
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_max_nodes", INTEGER_NODES)
        h.setOptionValue("time_limit", SEARCH_SECONDS)
        rounded = _inwards(relaxed, sign)
        h.run()
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            reported = float(h.getInfo().objective_function_value)
            x = np.asarray(h.getSolution().col_value, dtype=np.float64)
            attained = float(cost @ np.round(x))
            value = round(reported)
            beats_relaxation = value < rounded if sign > 0 else value > rounded
            whole = bool(np.all(np.abs(x - np.round(x)) < _TOL))
            if beats_relaxation or not whole or abs(attained - reported) > 1e-6:
                return rounded, False
            self._keep_point(np.round(x))
            return value, True
        if status not in _STOPPED:
            raise SolverFailure(f"the integer program ended with {status}")
        proven = float(h.getInfo().mip_dual_bound)
        if not math.isfinite(proven):
            proven = relaxed
        return _inwards(max(proven, relaxed) if sign > 0 else min(proven, relaxed), sign), False


def _inwards(bound: float, sign: int) -> int:
    """A floating-point bound rounded inwards to whole people: up for a minimum (``sign > 0``),
    down for a maximum, forgiving the solver's tolerance."""
    return math.ceil(bound - 1e-7) if sign > 0 else math.floor(bound + 1e-7)


def _merge_columns(raw: Any) -> tuple[IntArray, IntArray, Any]:
    """Merge variables that sit in exactly the same rows with the same coefficients.

    No row tells such variables apart, so one column standing for their sum gives the same
    feasible counts and the same bounds (a question's minimum puts the people where they
    count least, its maximum where they count most). Returns each variable's merged column,
    each column's number of variables, and the merged matrix.
    """
    n_rows, n_vars = raw.shape
    csc = sparse.csc_array(raw)
    rng = np.random.default_rng(20201006)
    keys = []
    for _ in range(2):
        weight = rng.integers(1, 2**62, size=n_rows, dtype=np.int64).astype(np.uint64)
        code = (weight[csc.indices] * (csc.data + 3).astype(np.uint64)).astype(np.uint64)
        nnz = np.diff(csc.indptr)
        summed = np.zeros(n_vars, dtype=np.uint64)
        has = nnz > 0
        if code.size:
            summed[has] = np.add.reduceat(code, csc.indptr[:-1][has])
        keys.append(summed)
    keys.append(np.diff(csc.indptr).astype(np.uint64))
    table = np.stack(keys, axis=1)
    _, first, column_of = np.unique(table, axis=0, return_index=True, return_inverse=True)
    column_of = column_of.reshape(-1).astype(np.int64)
    # the hashes could collide: check every variable's rows against its column's first one
    ref = first[column_of]
    for j in np.flatnonzero(ref != np.arange(n_vars)).tolist():
        a = slice(csc.indptr[j], csc.indptr[j + 1])
        b = slice(csc.indptr[ref[j]], csc.indptr[ref[j] + 1])
        if not (
            np.array_equal(csc.indices[a], csc.indices[b])
            and np.array_equal(csc.data[a], csc.data[b])
        ):  # pragma: no cover - a 128-bit collision
            raise SolverFailure("column signatures collided; cannot merge variables safely")
    size = np.bincount(column_of, minlength=len(first)).astype(np.int64)
    merged = sparse.csr_array(csc[:, first])
    return column_of, size, merged


def _new_highs() -> Any:
    """A silent HiGHS instance. The plain binding is used where it exists: the wrapper class
    installs callbacks (slower re-solves) and prints a banner on its first construction."""
    raw = getattr(highspy, "_Highs", None)
    h = raw() if raw is not None else highspy.Highs()  # type: ignore[no-untyped-call]
    h.setOptionValue("output_flag", False)
    # a changed objective keeps the basis primal feasible: primal simplex re-solves warm in a
    # few iterations, where the dual simplex would start over
    h.setOptionValue("solver", "simplex")
    h.setOptionValue("simplex_strategy", 4)
    return h


class SolverFailure(Exception):
    """HiGHS ended without an optimum where one must exist."""
