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
import time
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Final

import highspy
import numpy as np
import numpy.typing as npt
from scipy import sparse

from karabakh_tolls.engine.codes import IntArray, TreeCodes
from karabakh_tolls.engine.constraints import INCIDENT, OPEN, Constraints

__all__ = ["MAX_EXACT", "Answer", "ComponentModel", "DimAtoms", "Question", "TooLarge"]

INTEGER_SECONDS: Final = 0.5
"""Time limit of one integer search (when an LP vertex is fractional). A bound whose search
hits it is the search's proven bound, sound but not certified tight (its row is not exact)."""

INTEGER_BUDGET: Final = 10.0
"""Seconds one component may spend in integer searches in all (near a fractional vertex and
over the whole program). Past it, a fractional LP
optimum is rounded inwards (sound, not certified tight: its row is not exact)."""

QUESTION_CELLS: Final = 2_000_000
"""Largest (box, variable) block :meth:`ComponentModel.questions` works on at once (its dense
intermediates take about 30 bytes a pair, so about 60 MB)."""

MAX_EXACT: Final = 1 << 52
"""Largest count the floating-point program represents exactly."""
_TOL: Final = 1e-6
_NEAR_COLUMNS: Final = 2_000
"""Most columns the search near a fractional vertex frees (see ``_near_vertex``)."""
NEAR_BUDGET: Final = 10.0
"""Seconds one component may spend searching near fractional vertices in all."""
NEAR_SECONDS: Final = 0.2
"""Time limit of one search near a fractional vertex."""
_DUAL_TOL: Final = 1e-9
"""How far a kept dual may miss feasibility for a new objective (columns of cost 0 or 1)."""
_INF: Final = highspy.kHighsInf

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
    """``False`` when the integer search hit :data:`INTEGER_SECONDS`: ``value`` is then the
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
        self._incident = incident
        since, as_of = group.since[m], group.as_of[m]
        # time: slots (p[k], p[k+1]] for a cumulative outcome, the claim days for a stock
        if self.cumulative:
            extra = np.zeros(0, dtype=np.int64) if extra_days is None else np.asarray(extra_days)
            self.points = np.unique(np.concatenate([since - 1, as_of, extra[extra >= since.min()]]))
            self.n_slots = max(len(self.points) - 1, 0)
        else:
            self.points = np.unique(as_of)
            self.n_slots = len(self.points)
        if self.n_atoms * self.n_slots > max_variables * 8:
            raise TooLarge(f"{self.n_atoms} atoms x {self.n_slots} slots")
        self.representable = bool(
            np.all(group.low[m] < MAX_EXACT) & np.all(group.high[m] < MAX_EXACT)
        )
        box_atoms = [self._box_atoms(int(p)) for p in m.tolist()]
        slot_lo, slot_hi = self._slots(since, as_of)
        # x variables: (atom, slot) cells counted by some claim that is not an incident
        grid = np.full(self.n_atoms * max(self.n_slots, 1), -1, dtype=np.int64)
        for i in np.flatnonzero(~incident).tolist():
            cells = (
                box_atoms[i][:, None] * self.n_slots + np.arange(slot_lo[i], slot_hi[i])
            ).ravel()
            grid[cells] = 0
        x_cells = np.flatnonzero(grid >= 0)
        grid[x_cells] = np.arange(len(x_cells), dtype=np.int64)
        self.n_x = len(x_cells)
        self.x_atom = x_cells // max(self.n_slots, 1)
        self.x_slot = x_cells % max(self.n_slots, 1)
        self._grid = grid
        # z variables: (event, atom) for every atom an incident claim of the event names
        z_event: list[int] = []
        z_atom: list[int] = []
        z_index: dict[tuple[int, int], int] = {}
        for i in np.flatnonzero(incident).tolist():
            e = int(group.event[m[i]])
            for a in box_atoms[i].tolist():
                if (e, a) not in z_index:
                    z_index[(e, a)] = self.n_x + len(z_event)
                    z_event.append(e)
                    z_atom.append(a)
        self.z_event = np.array(z_event, dtype=np.int64)
        self.z_atom = np.array(z_atom, dtype=np.int64)
        self.n_vars = self.n_x + len(z_event)
        if self.n_vars > max_variables:
            raise TooLarge(f"{self.n_vars} variables")
        event_day = {
            int(group.event[m[i]]): int(as_of[i]) for i in np.flatnonzero(incident).tolist()
        }
        self.z_day = np.array([event_day[e] for e in z_event], dtype=np.int64)
        self.z_slot = (
            np.searchsorted(self.points, self.z_day) - (1 if self.cumulative else 0)
        ).astype(np.int64)
        # rows: one ranged row per claim, then incident links sum(z) - x <= 0
        rows: list[IntArray] = []
        for i in range(len(m)):
            if incident[i]:
                e = int(group.event[m[i]])
                rows.append(
                    np.array([z_index[(e, a)] for a in box_atoms[i].tolist()], dtype=np.int64)
                )
            else:
                cells = (
                    box_atoms[i][:, None] * self.n_slots + np.arange(slot_lo[i], slot_hi[i])
                ).ravel()
                rows.append(grid[cells])
        self.row_vars = rows
        carrier = np.full(len(z_event), -1, dtype=np.int64)
        if len(z_event):
            cells = self.z_atom * max(self.n_slots, 1) + np.clip(self.z_slot, 0, None)
            ok = (self.z_slot >= 0) & (self.z_slot < self.n_slots)
            carrier[ok] = grid[cells[ok]]
        self.z_carrier = carrier
        self._build(rows, carrier)
        self._memo: dict[tuple[Hashable, int], Answer] = {}
        # certificates kept from earlier solves (see _certified): whole-number assignments
        # every row allows, and per sense dual solutions with their A^T y and bound
        self._points: list[npt.NDArray[np.float64]] = []
        self._duals: dict[int, list[_Dual]] = {1: [], -1: []}
        self.certified = 0
        """Questions answered by a kept certificate instead of a solve."""
        self._integer_spent = 0.0
        self._near_spent = 0.0
        self._last_raw = np.zeros(0, dtype=np.int64)

    # --- building -------------------------------------------------------------------------------
    def _box_atoms(self, position: int) -> IntArray:
        """Flat product-atom indices inside the box of one constraint."""
        masks = [a.inside(int(self.group.nodes[position, d])) for d, a in enumerate(self.atoms)]
        grid = masks[0]
        for mask in masks[1:]:
            grid = np.logical_and.outer(grid, mask)
        return np.flatnonzero(np.asarray(grid).reshape(-1)).astype(np.int64)

    def _slots(self, since: IntArray, as_of: IntArray) -> tuple[IntArray, IntArray]:
        """Each member's slots ``[lo, hi)``."""
        if self.cumulative:
            lo = np.searchsorted(self.points, since - 1)
            hi = np.searchsorted(self.points, as_of)
            return lo.astype(np.int64), hi.astype(np.int64)
        at = np.searchsorted(self.points, as_of)
        return at.astype(np.int64), (at + 1).astype(np.int64)

    def _build(self, rows: list[IntArray], carrier: IntArray) -> None:
        g, m = self.group, self.members
        linked = np.flatnonzero(carrier >= 0)
        n_rows = len(rows) + (len(np.unique(carrier[linked])) if len(linked) else 0)
        lower = g.low[m].astype(np.float64)
        upper = np.where(g.upper[m] == OPEN, _INF, g.upper[m].astype(np.float64))
        indptr = [0]
        indices: list[IntArray] = []
        values: list[npt.NDArray[np.float64]] = []
        for r in rows:
            indices.append(r)
            values.append(np.ones(len(r)))
            indptr.append(indptr[-1] + len(r))
        link_lower: list[float] = []
        link_upper: list[float] = []
        if len(linked):
            by_carrier = linked[np.argsort(carrier[linked], kind="stable")]
            heads = np.flatnonzero(np.diff(carrier[by_carrier], prepend=-1))
            for start, stop in zip(
                heads.tolist(), [*heads[1:].tolist(), len(by_carrier)], strict=True
            ):
                zs = self.n_x + by_carrier[start:stop]
                x = carrier[by_carrier[start]]
                indices.append(np.append(zs, x))
                values.append(np.append(np.ones(len(zs)), -1.0))
                indptr.append(indptr[-1] + len(zs) + 1)
                link_lower.append(-_INF)
                link_upper.append(0.0)
        self.n_claim_rows = len(rows)
        raw = sparse.csr_array(
            (
                np.concatenate(values) if values else np.zeros(0),
                np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
                np.array(indptr, dtype=np.int64),
            ),
            shape=(n_rows, max(self.n_vars, 1)),
        )
        self.column_of, self.column_size, self.A = _merge_columns(raw)
        self._csc: Any = None  # A by columns, made on the first search near a vertex
        self.row_lower = np.concatenate([lower, np.array(link_lower)])
        self.row_upper = np.concatenate([upper, np.array(link_upper)])
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
        inside, meets, cells = [], [], []
        for d, atoms in enumerate(self.atoms):
            share = atoms.overlap(int(box[d]))
            inside.append(share == atoms.size)
            meets.append(share > 0)
            cells.append(share)

        def outer(parts: list[Any]) -> Any:
            out = parts[0]
            for p in parts[1:]:
                out = np.multiply.outer(out, p)
            return np.asarray(out).reshape(-1)

        atom_in = outer(inside).astype(bool)
        atom_meets = outer(meets).astype(bool)
        atom_cells = outer(cells).astype(np.int64)
        if self.cumulative:
            lo, hi = self.points[:-1], self.points[1:]
            slot_in = hi <= day
            slot_meets = lo < day
            slot_days = np.clip(np.minimum(hi, day) - np.maximum(lo, -1), 0, None)
        else:
            slot_in = self.points == day
            slot_meets = slot_in
            slot_days = slot_in.astype(np.int64)
        xa, xs = self.x_atom, self.x_slot
        low_x = np.flatnonzero(atom_in[xa] & slot_in[xs])
        high_x = np.flatnonzero(atom_meets[xa] & slot_meets[xs])
        covered = int(np.sum(atom_cells[xa] * slot_days[xs]))
        free_z = self.z_carrier < 0
        on_time = self.z_day <= day if self.cumulative else self.z_day == day
        low_z = self.n_x + np.flatnonzero(free_z & on_time & atom_in[self.z_atom])
        high_z = self.n_x + np.flatnonzero(free_z & on_time & atom_meets[self.z_atom])
        low_raw = np.concatenate([low_x, low_z]).astype(np.int64)
        high_raw = np.concatenate([high_x, high_z]).astype(np.int64)
        self._last_raw = low_raw
        # a merged column counts for the minimum only when all its variables do (its people
        # can sit in any of them), and for the maximum when any does
        n_cols = len(self.column_size)
        low_count = np.bincount(self.column_of[low_raw], minlength=n_cols)
        high_count = np.bincount(self.column_of[high_raw], minlength=n_cols)
        return Question(
            np.flatnonzero(low_count == self.column_size).astype(np.int64)
            if len(low_raw)
            else np.zeros(0, dtype=np.int64),
            np.flatnonzero(high_count > 0).astype(np.int64),
            covered,
        )

    def questions(self, boxes: IntArray, days: IntArray) -> tuple[BoolArray, BoolArray, IntArray]:
        """:meth:`question` for many boxes at once: per box, the merged columns that count for
        the minimum and for the maximum (boolean matrices, one row a box) and the covered
        (cell, day) pairs.

        The work is dense in (box, variable), so boxes go in chunks of at most
        :data:`QUESTION_CELLS` such pairs: memory stays bounded whatever the number of rows.
        """
        n = len(boxes)
        n_cols = len(self.column_size)
        if n == 0 or self.n_vars == 0:
            empty = np.zeros((n, n_cols), dtype=bool)
            return empty, empty.copy(), np.zeros(n, dtype=np.int64)
        step = max(1, QUESTION_CELLS // max(self.n_vars, 1))
        if n > step:
            parts = [
                self.questions(boxes[i : i + step], days[i : i + step]) for i in range(0, n, step)
            ]
            return (
                np.concatenate([p[0] for p in parts]),
                np.concatenate([p[1] for p in parts]),
                np.concatenate([p[2] for p in parts]),
            )
        per_dim = []
        for d, atoms in enumerate(self.atoms):
            nodes, inverse = np.unique(boxes[:, d], return_inverse=True)
            share = np.stack([atoms.overlap(int(u)) for u in nodes.tolist()], axis=1)
            per_dim.append((share == atoms.size[:, None], share > 0, share, inverse.reshape(-1)))
        # per variable and box: its atom's relation to the box (product over dimensions)
        strides = np.cumprod([1, *self.shape[::-1]])[::-1][1:]
        x_parts = [(self.x_atom // strides[d]) % self.shape[d] for d in range(4)]
        z_parts = [(self.z_atom // strides[d]) % self.shape[d] for d in range(4)]

        def relation(parts: list[IntArray]) -> tuple[BoolArray, BoolArray, IntArray]:
            inside = np.ones((n, len(parts[0])), dtype=bool)
            meets = np.ones((n, len(parts[0])), dtype=bool)
            cells = np.ones((n, len(parts[0])), dtype=np.int64)
            for d, (ins, met, share, inv) in enumerate(per_dim):
                inside &= ins[parts[d]][:, inv].T
                meets &= met[parts[d]][:, inv].T
                cells *= share[parts[d]][:, inv].T
            return inside, meets, cells

        x_in, x_meets, x_cells = relation(x_parts)
        day = days[:, None]
        if self.cumulative:
            lo, hi = self.points[:-1][self.x_slot], self.points[1:][self.x_slot]
            slot_in = hi[None, :] <= day
            slot_meets = lo[None, :] < day
            slot_days = np.clip(np.minimum(hi[None, :], day) - np.maximum(lo[None, :], -1), 0, None)
        else:
            at = self.points[self.x_slot][None, :]
            slot_in = at == day
            slot_meets = slot_in
            slot_days = slot_in.astype(np.int64)
        low_raw = np.zeros((n, self.n_vars), dtype=bool)
        high_raw = np.zeros((n, self.n_vars), dtype=bool)
        low_raw[:, : self.n_x] = x_in & slot_in
        high_raw[:, : self.n_x] = x_meets & slot_meets
        covered = (x_cells * slot_days).sum(axis=1).astype(np.int64)
        if len(self.z_event):
            z_in, z_meets, _ = relation(z_parts)
            free = (self.z_carrier < 0)[None, :]
            on_time = self.z_day[None, :] <= day if self.cumulative else self.z_day[None, :] == day
            low_raw[:, self.n_x :] = free & on_time & z_in
            high_raw[:, self.n_x :] = free & on_time & z_meets
        membership = sparse.csr_array(
            (np.ones(self.n_vars), (np.arange(self.n_vars), self.column_of)),
            shape=(self.n_vars, n_cols),
        )
        by_column = membership.T  # sparse (columns x variables) times dense stays dense
        low_count = np.asarray(by_column @ low_raw.T.astype(np.float64)).T
        high_count = np.asarray(by_column @ high_raw.T.astype(np.float64)).T
        low_cols = np.asarray(low_count == self.column_size[None, :])
        high_cols = np.asarray(high_count > 0)
        return low_cols, high_cols, covered

    def solve_columns(self, columns: BoolArray, sign: int) -> Answer:
        """The bound whose objective counts the given merged columns (memoised)."""
        return self._solve(np.flatnonzero(columns).astype(np.int64), sign)

    def signed(
        self, boxes: IntArray, coefficients: IntArray, day: int
    ) -> tuple[Answer, Answer, int]:
        """The least and greatest of ``sum(coefficient x count(box))`` over days ``0..day``,
        and the signed count of covered (cell, day) pairs. The model must have been built with
        these boxes and this day as ``extra_boxes``/``extra_days``, so that every variable lies
        wholly inside or outside each box and window."""
        cost = np.zeros(self.n_vars)
        covered = 0
        for box, coefficient in zip(boxes, coefficients.tolist(), strict=True):
            q = self.question(np.asarray(box, dtype=np.int64), day)
            cost[self._last_raw] += coefficient
            covered += coefficient * q.covered
        n_cols = len(self.column_size)
        low_cost = np.full(n_cols, np.inf)
        high_cost = np.full(n_cols, -np.inf)
        np.minimum.at(low_cost, self.column_of, cost)
        np.maximum.at(high_cost, self.column_of, cost)
        return self._solve_costs(low_cost, 1), self._solve_costs(high_cost, -1), covered

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
        h.changeColsCost(
            self._n_cols, np.arange(self._n_cols, dtype=np.int32), np.zeros(self._n_cols)
        )
        h.changeObjectiveSense(highspy.ObjSense.kMinimize)
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
        h.changeColsCost(self._n_cols, np.arange(self._n_cols, dtype=np.int32), cost)
        h.changeObjectiveSense(
            highspy.ObjSense.kMinimize if sign > 0 else highspy.ObjSense.kMaximize
        )
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
        h = self._from_start(cost, sign)
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
        elif self._near_spent < NEAR_BUDGET and self._near(x, cost, sign, rounded):
            value = rounded  # the same near the vertex (a small integer program)
        elif self._integer_spent < INTEGER_BUDGET:
            started = time.perf_counter()
            value, certain = self._integer(sign, optimum)
            self._integer_spent += time.perf_counter() - started
        else:  # the component's budget for integer searches is spent: the LP bound, rounded
            value = rounded
            certain = False
        return Answer(int(value), optimum, integral, multipliers, certain)

    def _from_start(self, cost: npt.NDArray[np.float64], sign: int) -> Any:
        """The program solved for ``cost`` (least for ``sign > 0``) from the starting basis.

        The starting basis is that of the program with no objective, solved cold on the first
        call (so it depends on the component's claims only); every later solve starts from it
        again (a warm primal simplex: changing the objective keeps it feasible). Solves from
        one basis with one objective end at one vertex and one dual solution, so a question's
        multipliers do not depend on the questions solved before it."""
        h = self.highs
        n = self._n_cols
        columns = np.arange(n, dtype=np.int32)
        if self._start is None:
            # from the slack basis (every count 0, every row basic), whatever came before
            slack = highspy.HighsBasis()
            slack.col_status = [highspy.HighsBasisStatus.kLower] * n
            slack.row_status = [highspy.HighsBasisStatus.kBasic] * self.A.shape[0]
            slack.valid = True
            h.clearSolver()
            h.setBasis(slack)
            h.changeColsCost(n, columns, np.zeros(n))
            h.changeObjectiveSense(highspy.ObjSense.kMinimize)
            h.run()
            basis = h.getBasis()
            self._start = basis if basis.valid else False
        h.clearSolver()  # nothing of the solves before (their pricing weights) stays
        if self._start is not False:
            h.setBasis(self._start)
        else:  # pragma: no cover - the program without objective ended without a basis
            h.clearSolver()
        h.changeColsCost(n, columns, cost)
        h.changeObjectiveSense(
            highspy.ObjSense.kMinimize if sign > 0 else highspy.ObjSense.kMaximize
        )
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
        started = time.perf_counter()
        try:
            return self._near_vertex(x, cost, sign, target)
        finally:
            self._near_spent += time.perf_counter() - started

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
        h.setOptionValue("time_limit", NEAR_SECONDS)
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

        The search stops after :data:`INTEGER_SECONDS`; its proven bound (the best of the
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
        h.setOptionValue("time_limit", INTEGER_SECONDS)
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
        if status != highspy.HighsModelStatus.kTimeLimit:
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
