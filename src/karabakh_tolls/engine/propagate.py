"""Columnar interval bound propagation over the (scope, date) grid of one war and outcome.

The sound fallback of the engine, for components too large for the exact program: every
(scope, date) a constraint touches, plus every ancestor scope at that date, becomes one *key*
of a grid held in numpy arrays, and each key carries an integer interval ``[low, high]`` for
the true count. Constraints (read from :class:`~karabakh_tolls.engine.constraints.Constraints`,
never from the claim table) set the first intervals; the rules then tighten them, all keys at
once, until nothing changes (a fixpoint):

* claims: a complete claim bounds its key from both sides, a lower-only one from below;
* sub-scopes and disjoint children (per dimension, so party x category x region all hold):
  ``parent.low >= sum(children.low)``, ``child.high <= parent.high - sum(siblings.low)``, and
  for exhaustive nodes (e.g. category ``all`` = civilian + military + unknown), when every child
  is on the grid, ``parent.high <= sum(children.high)`` and
  ``child.low >= parent.low - sum(siblings.high)``;
* time: cumulative outcomes never fall (grouped running max of lows forward in time, running
  min of highs backward);
* windows that do not start at the war's start (increments, counts over a phase) tie two
  dates: ``x(as_of) - x(since - 1 day)`` lies in the claim's interval;
* incidents: an event's toll is a lower bound on the growth of its scope's count that day.

Every rule is implied by the model (non-negative counts per cell and day), so the result is
**sound**: each range contains every value the exact program allows. On tree-shaped systems
(one date, one non-trivial dimension) it is also exact; elsewhere it can be looser. Each bound
keeps a pointer to what last tightened it (a claim, or a rule and a source key), from which
:meth:`Propagation.support` lists the claims and rules behind it.

Loops run over rule kinds, tree dimensions and iterations, never over rows.

This module imports numpy, pandas, scipy and the package's ``claims``, ``scopes``,
``engine.codes`` and ``engine.constraints``.

>>> from karabakh_tolls import load_seed_claims
>>> from karabakh_tolls.engine.constraints import stage
>>> grid = propagate(stage(load_seed_claims()).group("karabakh-2020", "killed"))
>>> row = grid.find("killed/civilian", "2020-10-06")
>>> int(grid.low[row]), grid.support(row, "low")[0]
(48, ('c09', 'c11', 'c12'))
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from karabakh_tolls.claims import as_date
from karabakh_tolls.engine.codes import TreeCodes, WarCodes
from karabakh_tolls.engine.constraints import INCIDENT, INCREMENT, OPEN, Constraints
from karabakh_tolls.scopes import DIMENSIONS, Scope, ScopeTrees

__all__ = ["INF", "Bound", "Prepared", "Propagation", "Step", "prepare", "propagate"]

INF: Final = int(np.iinfo(np.int64).max)
"""The open upper bound, ``2**63 - 1``: no count is larger (counts are int64), so a bound of
``INF`` says nothing. Sums saturate at ``INF`` instead of wrapping around."""

Bound = Literal["low", "high"]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_TREE_DIMS: Final = DIMENSIONS[1:]
_DAY_BITS: Final = 16
_DAY_OFFSET: Final = 1 << 15


class Step(enum.IntEnum):
    """What last tightened a bound (the pointer kept for every bound)."""

    NONE = 0
    """Nothing: the bound is the default 0 or open."""
    CLAIM = 1
    """A complete claim about exactly this scope and date."""
    PARTIAL = 2
    """A partial-coverage claim: a lower bound."""
    INCIDENT = 3
    """An incident's toll (a lower bound)."""
    MONOTONE = 4
    """The same scope at an earlier (low) or later (high) date: cumulative counts never fall."""
    CHILD_SUM = 5
    """low: the sum of the children's lows in one dimension."""
    PARENT_REST = 6
    """high: the parent's high minus the siblings' lows."""
    CHILD_HIGH_SUM = 7
    """high: the sum of the children's highs (exhaustive node, every child on the grid)."""
    EXHAUSTIVE_REST = 8
    """low: the parent's low minus the siblings' highs (exhaustive parent)."""
    INCREMENT = 9
    """An increment claim tying this date to another date of the same scope."""


_RULE_NAMES: Final = {
    Step.CLAIM: "claim",
    Step.PARTIAL: "partial",
    Step.INCIDENT: "incident",
    Step.MONOTONE: "monotone",
    Step.CHILD_SUM: "disjoint-sum",
    Step.PARENT_REST: "subscope",
    Step.CHILD_HIGH_SUM: "exhaustive",
    Step.EXHAUSTIVE_REST: "exhaustive",
    Step.INCREMENT: "increment",
}


@dataclass(frozen=True, slots=True)
class _Layout:
    """Mixed-radix packing of (outcome, category, party, perpetrator, region, day) into int64."""

    codes: tuple[TreeCodes, ...]  # one per DIMENSIONS entry
    radix: tuple[int, ...]
    epoch: np.datetime64  # day 0: the war's start

    @classmethod
    def of(cls, war_codes: WarCodes, start: dt.date) -> _Layout:
        codes = war_codes.dims
        radix = (*(len(c.names) for c in codes), 1 << _DAY_BITS)
        total = float(np.prod([float(r) for r in radix]))
        if total >= 2.0**62:
            raise ValueError(f"scope trees too large to pack into int64 keys ({total:.3g} keys)")
        return cls(codes, radix, np.datetime64(start, "D"))

    def pack(self, parts: list[IntArray]) -> IntArray:
        key = np.zeros(len(parts[0]), dtype=np.int64)
        for part, base in zip(parts, self.radix, strict=True):
            key = key * base + part
        return key

    def unpack(self, keys: IntArray) -> list[IntArray]:
        parts: list[IntArray] = []
        rest = keys.copy()
        for base in reversed(self.radix):
            parts.append(rest % base)
            rest = rest // base
        return parts[::-1]

    def stride(self, position: int) -> int:
        return int(np.prod(self.radix[position + 1 :], dtype=np.int64))


def _best(
    target: IntArray, value: IntArray, n: int, *, largest: bool
) -> tuple[IntArray, IntArray, IntArray]:
    """Per target, the best candidate value and its position: (targets, values, positions)."""
    if len(target) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    order = np.lexsort((-value if largest else value, target))
    first = np.ones(len(order), dtype=bool)
    first[1:] = target[order][1:] != target[order][:-1]
    chosen = order[first]
    return target[chosen], value[chosen], chosen


@dataclass(frozen=True, slots=True)
class _Tree:
    """Parent links of the grid keys in one dimension."""

    dim: int
    parent: IntArray  # key index of the parent key, -1 at the root
    has_parent: BoolArray
    complete: BoolArray  # per key: exhaustive node whose children are all on the grid
    child_order: IntArray  # key indices sorted by parent (children only)
    child_ptr: IntArray  # CSR pointer into child_order, per key
    parents: IntArray  # key indices that have at least one child on the grid
    slot: IntArray  # per entry of child_order: position of its parent in ``parents``


@dataclass(frozen=True, slots=True)
class _Diff:
    """Difference constraints ``x[a] - x[b]`` in ``[lo, hi]`` (b on the grid)."""

    a: IntArray
    b: IntArray
    lo: IntArray
    hi: IntArray
    claim: IntArray
    step: IntArray


class Propagation:
    """The propagated grid: one interval per (scope, date) key, with pointers to their causes.

    Attributes are numpy arrays aligned with :attr:`keys` (a DataFrame with the columns
    outcome, category, party, perpetrator, region, as_of). ``high == INF`` means open.
    Build it with :func:`propagate`.
    """

    __slots__ = (
        "_layout",
        "_log",
        "_trees_by_dim",
        "claim_ids",
        "converged",
        "event_conflicts",
        "high",
        "high_claim",
        "high_src",
        "high_step",
        "iterations",
        "key",
        "low",
        "low_claim",
        "low_src",
        "low_step",
        "n_claims",
        "spread_high",
        "spread_low",
        "values",
    )

    def __init__(
        self,
        layout: _Layout,
        trees_by_dim: tuple[_Tree, ...],
        key: IntArray,
        claim_ids: npt.NDArray[np.object_],
    ) -> None:
        n = len(key)
        self._layout = layout
        self._trees_by_dim = trees_by_dim
        self._log: list[tuple[IntArray, IntArray, bool]] = []  # (rows, old values, is low)
        self.key = key
        self.claim_ids = claim_ids
        self.low = np.zeros(n, dtype=np.int64)
        self.high = np.full(n, INF, dtype=np.int64)
        self.low_step = np.zeros(n, dtype=np.int8)
        self.high_step = np.zeros(n, dtype=np.int8)
        self.low_src = np.full(n, -1, dtype=np.int64)
        self.high_src = np.full(n, -1, dtype=np.int64)
        self.low_claim = np.full(n, -1, dtype=np.int64)
        self.high_claim = np.full(n, -1, dtype=np.int64)
        self.spread_low = np.full(n, -1, dtype=np.int64)
        self.spread_high = np.full(n, -1, dtype=np.int64)
        self.n_claims = np.zeros(n, dtype=np.int64)
        self.iterations = 0
        self.converged = True
        self.event_conflicts: tuple[tuple[tuple[str, ...], int], ...] = ()
        """Incident claims about one event and scope that disagree, with their grid row."""
        self.values: dict[str, IntArray] = {}

    def __len__(self) -> int:
        return len(self.key)

    def __repr__(self) -> str:
        return (
            f"<Propagation: {len(self)} key(s), {int(self.conflict.sum())} in conflict, "
            f"{self.iterations} iteration(s)>"
        )

    # --- views ---------------------------------------------------------------------------------
    @property
    def conflict(self) -> BoolArray:
        """True where the propagated low exceeds the high: the claims cannot all hold."""
        return np.asarray(self.low > self.high)

    def keys(self) -> pd.DataFrame:
        """The grid keys as columns outcome, category, party, perpetrator, region, as_of."""
        parts = self._layout.unpack(self.key)
        out: dict[str, object] = {}
        for position, dimension in enumerate(DIMENSIONS):
            names = np.array(self._layout.codes[position].names, dtype=object)
            out[dimension] = pd.Categorical.from_codes(
                parts[position], categories=pd.Index(names, dtype=object)
            ).astype(object)
        days = parts[-1] - _DAY_OFFSET
        epoch = self._layout.epoch
        out["as_of"] = (epoch + days.astype("timedelta64[D]")).astype("datetime64[s]")
        return pd.DataFrame(out)

    def find(
        self, scope: Scope | str, as_of: dt.date | str, trees: ScopeTrees | None = None
    ) -> int:
        """The row of ``scope`` at ``as_of``; raises KeyError when the key is not on the grid."""
        if isinstance(scope, str):
            scope = Scope.parse(scope, trees)
        parts = [
            np.array([self._layout.codes[i].index[getattr(scope, d)]], dtype=np.int64)
            for i, d in enumerate(DIMENSIONS)
        ]
        day = (np.datetime64(as_date(as_of, "as_of"), "D") - self._layout.epoch).astype(np.int64)
        parts.append(np.array([day + _DAY_OFFSET], dtype=np.int64))
        wanted = self._layout.pack(parts)[0]
        row = int(np.searchsorted(self.key, wanted))
        if row >= len(self.key) or self.key[row] != wanted:
            raise KeyError(f"{scope} on {as_of} is not on the grid")
        return row

    def children(self, row: int, dim: int) -> IntArray:
        """Grid rows of the children of ``row`` in tree dimension ``dim`` (0 = category)."""
        tree = self._trees_by_dim[dim]
        return tree.child_order[tree.child_ptr[row] : tree.child_ptr[row + 1]]

    def parent(self, row: int, dim: int) -> int:
        """Grid row of the parent of ``row`` in tree dimension ``dim`` (-1 at the root)."""
        return int(self._trees_by_dim[dim].parent[row])

    # --- provenance ----------------------------------------------------------------------------
    def _sources(self, row: int, bound: Bound) -> tuple[Step, int, list[tuple[int, Bound]]]:
        """What tightened one bound: its step, its claim (or -1) and the (row, bound) it used."""
        if bound == "low":
            step, src, claim = (
                Step(self.low_step[row]),
                int(self.low_src[row]),
                int(self.low_claim[row]),
            )
        else:
            step, src, claim = (
                Step(self.high_step[row]),
                int(self.high_src[row]),
                int(self.high_claim[row]),
            )
        used: list[tuple[int, Bound]] = []
        if step in (Step.MONOTONE, Step.INCREMENT, Step.INCIDENT) and src >= 0:
            used.append((src, bound))
        elif step is Step.CHILD_SUM:
            used += [(int(c), "low") for c in self.children(row, src) if self.low[c] > 0]
        elif step is Step.CHILD_HIGH_SUM:
            used += [(int(c), "high") for c in self.children(row, src)]
        elif step is Step.PARENT_REST:
            parent = self.parent(row, src)
            used.append((parent, "high"))
            used += [
                (int(c), "low") for c in self.children(parent, src) if c != row and self.low[c] > 0
            ]
        elif step is Step.EXHAUSTIVE_REST:
            parent = self.parent(row, src)
            used.append((parent, "low"))
            used += [(int(c), "high") for c in self.children(parent, src) if c != row]
        return step, claim, used

    def support(self, row: int, bound: Bound) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The claim ids and rule names behind one bound of one row, each sorted and unique.

        The claims are every claim reached by following the pointers from the bound back to
        the claims that started it; the rules are the steps taken on the way.
        """
        claims: set[int] = set()
        rules: set[str] = set()
        seen: set[tuple[int, Bound]] = set()
        stack: list[tuple[int, Bound]] = [(row, bound)]
        while stack:
            item = stack.pop()
            if item in seen:
                continue
            seen.add(item)
            step, claim, used = self._sources(*item)
            if step is not Step.NONE:
                rules.add(_RULE_NAMES[step])
            if claim >= 0:
                claims.add(claim)
            stack.extend(u for u in used if u not in seen)
        ids = sorted(str(self.claim_ids[c]) for c in claims)
        return tuple(ids), tuple(sorted(rules))

    def _pointer_edges(self) -> tuple[IntArray, IntArray, IntArray]:
        """The pointer graph over bound nodes ``2 * row + (0 low | 1 high)``, vectorised.

        Returns the edges (from, to), each bound's node pointing at the bounds it used (the
        same ones as :meth:`_sources`), and the claim of each node (-1 for none).
        """
        n = len(self)
        steps = (self.low_step.astype(np.int64), self.high_step.astype(np.int64))
        srcs = (self.low_src, self.high_src)
        rows = np.arange(n, dtype=np.int64)
        frm: list[IntArray] = []
        to: list[IntArray] = []
        for b in (0, 1):
            step, src = steps[b], srcs[b]
            single = np.isin(step, (Step.MONOTONE, Step.INCREMENT, Step.INCIDENT)) & (src >= 0)
            frm.append(2 * rows[single] + b)
            to.append(2 * src[single] + b)
        low_positive = self.low > 0
        for tree in self._trees_by_dim:
            dim = tree.dim
            # parent bound from the sum of its children's bounds
            for b, kind in ((0, Step.CHILD_SUM), (1, Step.CHILD_HIGH_SUM)):
                owners = np.flatnonzero((steps[b] == kind) & (srcs[b] == dim))
                who, kids = _expand(tree, owners, owners)
                if b == 0:
                    keep = low_positive[kids]
                    who, kids = who[keep], kids[keep]
                frm.append(2 * who + b)
                to.append(2 * kids + b)
            # child bound from its parent's same bound and its siblings' other bounds
            for b, kind in ((1, Step.PARENT_REST), (0, Step.EXHAUSTIVE_REST)):
                owners = np.flatnonzero((steps[b] == kind) & (srcs[b] == dim))
                parent = tree.parent[owners]
                frm.append(2 * owners + b)
                to.append(2 * parent + b)
                who, sibs = _expand(tree, owners, parent)
                keep = sibs != who
                if b == 1:
                    keep &= low_positive[sibs]
                frm.append(2 * who[keep] + b)
                to.append(2 * sibs[keep] + (1 - b))
        claim = np.empty(2 * n, dtype=np.int64)
        claim[0::2], claim[1::2] = self.low_claim, self.high_claim
        return np.concatenate(frm), np.concatenate(to), claim

    def _closure(self) -> tuple[IntArray, IntArray]:
        """Every bound node's claims, all reachable along the pointers: (start, flat) such
        that the claims of node ``v`` are ``flat[start[v]:start[v + 1]]``, sorted.

        Nodes on a pointer cycle (ties) reach the same claims. The strongly connected
        components are condensed and processed leaves first, one level of the condensed graph
        at a time, each level with a few numpy passes.
        """
        frm, to, claim = self._pointer_edges()
        n_nodes = len(claim)
        n_claims = max(len(self.claim_ids), 1)
        graph = sparse.csr_matrix(
            (np.ones(len(frm), dtype=np.int8), (frm, to)), shape=(n_nodes, n_nodes)
        )
        n_comp, labels = csgraph.connected_components(graph, directed=True, connection="strong")
        label = labels.astype(np.int64)
        # condensed edges (component -> component), distinct, sorted by source
        cf, ct = label[frm], label[to]
        cross = cf != ct
        ekey = _sorted_unique(cf[cross] * n_comp + ct[cross])
        esrc, edst = ekey // n_comp, ekey % n_comp
        eptr = np.zeros(n_comp + 1, dtype=np.int64)
        eptr[1:] = np.cumsum(np.bincount(esrc, minlength=n_comp))
        # own claims of each component, sorted and distinct
        has = claim >= 0
        okey = _sorted_unique(label[has] * n_claims + claim[has])
        own_comp, own_claim = okey // n_claims, okey % n_claims
        optr = np.zeros(n_comp + 1, dtype=np.int64)
        optr[1:] = np.cumsum(np.bincount(own_comp, minlength=n_comp))
        # reverse edges, to find the components freed once a level is done
        by_dst = np.argsort(edst, kind="stable")
        rptr = np.zeros(n_comp + 1, dtype=np.int64)
        rptr[1:] = np.cumsum(np.bincount(edst, minlength=n_comp))
        pending = np.diff(eptr)
        start = np.zeros(n_comp, dtype=np.int64)
        length = np.zeros(n_comp, dtype=np.int64)
        store = np.zeros(max(1024, n_comp), dtype=np.int64)
        used = 0
        level = np.flatnonzero(pending == 0)
        while len(level):
            # gather: own claims, and the claims of every successor (all already done)
            own_v, own_pos = _segments(optr, level)
            succ_v, succ_pos = _segments(eptr, level)
            succ = edst[succ_pos]
            sizes = length[succ]
            got_v = np.repeat(succ_v, sizes)
            offsets = np.repeat(start[succ] - np.cumsum(sizes) + sizes, sizes)
            got = store[offsets + np.arange(len(got_v), dtype=np.int64)]
            merged = _sorted_unique(
                np.concatenate([own_v * n_claims + own_claim[own_pos], got_v * n_claims + got])
            )
            counts = np.bincount(merged // n_claims, minlength=len(level))
            if used + len(merged) > len(store):
                store = np.resize(store, max(2 * len(store), used + len(merged)))
            store[used : used + len(merged)] = merged % n_claims
            start[level] = used + np.cumsum(counts) - counts
            length[level] = counts
            used += len(merged)
            # predecessors whose last successor was in this level come next
            _, pred_pos = _segments(rptr, level)
            preds = np.sort(esrc[by_dst[pred_pos]])
            heads = np.flatnonzero(np.diff(preds, prepend=-1))
            pred, hits = preds[heads], np.diff(np.append(heads, len(preds)))
            pending[pred] -= hits
            level = pred[pending[pred] == 0]
        node_len = length[label]
        node_start = np.zeros(n_nodes + 1, dtype=np.int64)
        node_start[1:] = np.cumsum(node_len)
        flat = store[
            np.repeat(start[label] - node_start[:-1], node_len)
            + np.arange(int(node_start[-1]), dtype=np.int64)
        ]
        return node_start, flat

    def support_columns(self, rows: Iterable[int] | None = None) -> tuple[list[str], list[str]]:
        """``;``-joined claim ids behind the low and the high of each row (all rows by default).

        The same claims as :meth:`support` (every claim reached by following the pointers),
        found for the whole grid at once with array passes over the pointer graph.

        >>> from karabakh_tolls import load_seed_claims
        >>> from karabakh_tolls.engine.constraints import stage
        >>> grid = propagate(stage(load_seed_claims()).group("karabakh-2020", "killed"))
        >>> row = grid.find("killed/civilian", "2020-10-06")
        >>> lows, highs = grid.support_columns([row])
        >>> lows
        ['c09;c11;c12']
        """
        chosen = (
            np.arange(len(self), dtype=np.int64)
            if rows is None
            else np.fromiter(rows, dtype=np.int64)
        )
        start, flat = self._closure()
        names: list[str] = [str(c) for c in self.claim_ids.tolist()]
        words = [names[c] for c in flat.tolist()]
        bounds = start.tolist()
        open_high = (self.high >= INF).tolist()
        lows = [";".join(words[bounds[2 * r] : bounds[2 * r + 1]]) for r in chosen.tolist()]
        highs = [
            "" if open_high[r] else ";".join(words[bounds[2 * r + 1] : bounds[2 * r + 2]])
            for r in chosen.tolist()
        ]
        return lows, highs

    def step_name(self, row: int, bound: Bound) -> str:
        """The rule that last tightened one bound ('' when it is the default 0 / open)."""
        step = Step(self.low_step[row] if bound == "low" else self.high_step[row])
        return "" if step is Step.NONE else _RULE_NAMES[step]

    def explain(self, row: int, bound: Bound) -> str:
        """One line saying how one bound of one row was derived (one step deep).

        >>> from karabakh_tolls import load_seed_claims
        >>> from karabakh_tolls.engine.constraints import stage
        >>> grid = propagate(stage(load_seed_claims()).group("karabakh-2020", "killed"))
        >>> print(grid.explain(grid.find("killed/civilian", "2020-10-06"), "low"))
        ... # doctest: +NORMALIZE_WHITESPACE
        killed/civilian on 2020-10-06 >= 48 = 21 (killed/civilian/party=armenian-side)
        + 27 (killed/civilian/party=azerbaijani-side)
        """
        keys = self.keys().iloc[[row]]
        step, claim, used = self._sources(row, bound)
        value = int(self.low[row] if bound == "low" else self.high[row])
        sign = ">=" if bound == "low" else "<="
        head = f"{self._label(row)} on {_day(keys['as_of'].iloc[0])} {sign} "
        if bound == "high" and value >= INF:
            return head + "open (no claim bounds it from above)"
        head += str(value)
        if step is Step.NONE:
            return head
        cid = str(self.claim_ids[claim]) if claim >= 0 else ""
        if step in (Step.CLAIM, Step.PARTIAL, Step.INCIDENT):
            return f"{head} ({_RULE_NAMES[step]} {cid})"
        if step is Step.MONOTONE:
            src = used[0][0]
            when = _day(self.keys().iloc[src]["as_of"])
            return f"{head} (same scope on {when}: cumulative counts never fall)"
        if step is Step.INCREMENT:
            src = used[0][0]
            when = _day(self.keys().iloc[src]["as_of"])
            return f"{head} (increment {cid} from the count on {when})"
        terms = [(self._value(r, b), self._label(r), b) for r, b in used]
        if step in (Step.CHILD_SUM, Step.CHILD_HIGH_SUM):
            return head + " = " + " + ".join(f"{v} ({lab})" for v, lab, _ in terms)
        first, *rest = terms
        minus = "".join(f" - {v} ({lab})" for v, lab, _ in rest)
        return f"{head} = {first[0]} ({first[1]}){minus}"

    def _value(self, row: int, bound: Bound) -> str:
        value = int(self.low[row] if bound == "low" else self.high[row])
        return "open" if value >= INF else str(value)

    def _label(self, row: int) -> str:
        parts = self._layout.unpack(self.key[row : row + 1])
        terms = [self._layout.codes[i].names[int(parts[i][0])] for i in range(len(DIMENSIONS))]
        out = [terms[0]]
        if terms[1] != "all":
            out.append(terms[1])
        out += [f"{d}={t}" for d, t in zip(DIMENSIONS[2:], terms[2:], strict=True) if t != "all"]
        return "/".join(out)


def _day(value: object) -> str:
    return str(pd.Timestamp(value).date())  # type: ignore[arg-type]


def _segments(ptr: IntArray, owners: IntArray) -> tuple[IntArray, IntArray]:
    """CSR expansion: for each entry of segments ``ptr[o]:ptr[o + 1]`` of ``owners``, the
    position of its owner in ``owners`` and its own position."""
    counts = ptr[owners + 1] - ptr[owners]
    who = np.repeat(np.arange(len(owners), dtype=np.int64), counts)
    first = np.repeat(ptr[owners] - np.cumsum(counts) + counts, counts)
    return who, first + np.arange(len(who), dtype=np.int64)


def _first_kept(order: IntArray, row: IntArray, keep: BoolArray) -> tuple[IntArray, IntArray]:
    """The first kept claim of each row along ``order`` (claims sorted by row, best first):
    (rows, claims), rows sorted."""
    chosen = order[keep[order]]
    if len(chosen) == 0:
        return chosen, chosen
    rows = row[chosen]
    first = np.ones(len(chosen), dtype=bool)
    first[1:] = rows[1:] != rows[:-1]
    return rows[first], chosen[first]


def _expand(tree: _Tree, owners: IntArray, parents: IntArray) -> tuple[IntArray, IntArray]:
    """(owner, child) pairs: every grid child of ``parents[i]`` paired with ``owners[i]``."""
    who, pos = _segments(tree.child_ptr, parents)
    return owners[who], tree.child_order[pos]


# --- building the grid ---------------------------------------------------------------------


def _sorted_unique(values: IntArray) -> IntArray:
    """Sorted distinct values (a sort and a mask: faster than hashing for int64 keys)."""
    ordered = np.sort(values, kind="stable")
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _close_ancestors(keys: IntArray, layout: _Layout) -> IntArray:
    """The keys plus every key obtained by moving any tree dimension up to an ancestor."""
    keys = _sorted_unique(keys)
    for position in range(1, len(DIMENSIONS)):
        codes = layout.codes[position]
        stride = layout.stride(position)
        found = [keys]
        frontier = keys
        while len(frontier):
            code = (frontier // stride) % layout.radix[position]
            up = codes.parent[code]
            has = up >= 0
            frontier = _sorted_unique(frontier[has] + (up[has] - code[has]) * stride)
            found.append(frontier)
        keys = _sorted_unique(np.concatenate(found))
    return keys


def _with_ancestors(
    key_a: IntArray, key_b: IntArray, layout: _Layout
) -> tuple[IntArray, IntArray, IntArray]:
    """Every (ancestor at a, same ancestor at b) pair of each (a, b) pair, with its origin."""
    origin = np.arange(len(key_a), dtype=np.int64)
    a, b, o = key_a, key_b, origin
    for position in range(1, len(DIMENSIONS)):
        codes = layout.codes[position]
        stride = layout.stride(position)
        frontier_a, frontier_b, frontier_o = a, b, o
        while len(frontier_a):
            code = (frontier_a // stride) % layout.radix[position]
            up = codes.parent[code]
            has = up >= 0
            shift = (up[has] - code[has]) * stride
            frontier_a, frontier_b = frontier_a[has] + shift, frontier_b[has] + shift
            frontier_o = frontier_o[has]
            a = np.concatenate([a, frontier_a])
            b = np.concatenate([b, frontier_b])
            o = np.concatenate([o, frontier_o])
    return a, b, o


def _build_tree(key: IntArray, layout: _Layout, position: int) -> _Tree:
    codes = layout.codes[position]
    stride = layout.stride(position)
    code = (key // stride) % layout.radix[position]
    up = codes.parent[code]
    has_parent = up >= 0
    parent = np.full(len(key), -1, dtype=np.int64)
    parent_key = key[has_parent] + (up[has_parent] - code[has_parent]) * stride
    parent[has_parent] = np.searchsorted(key, parent_key)
    present = np.bincount(parent[has_parent], minlength=len(key))
    complete = codes.exhaustive[code] & (present == codes.n_children[code]) & (present > 0)
    children = np.flatnonzero(has_parent)
    order = children[np.argsort(parent[children], kind="stable")]
    ptr = np.zeros(len(key) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum(present)
    parents = np.flatnonzero(present > 0)
    slot = np.repeat(np.arange(len(parents), dtype=np.int64), present[parents])
    return _Tree(position - 1, parent, has_parent, complete, order, ptr, parents, slot)


def propagate(
    group: Constraints,
    *,
    exclude: npt.ArrayLike | None = None,
    max_iterations: int = 200,
    stop_on_conflict: bool = False,
) -> Propagation:
    """Propagate a group's constraints over its (scope, date) grid to a fixpoint.

    Parameters
    ----------
    group:
        The constraints of one war and outcome (see :mod:`karabakh_tolls.engine.constraints`).
    exclude:
        Optional boolean mask over the constraints: claims set aside (they still add their keys
        to the grid, so rows do not vanish when a claim is set aside).
    max_iterations:
        Safety cap on full sweeps. Consistent claims reach a fixpoint in a few sweeps; claims in
        conflict may keep pushing bounds apart, and are reported either way.
    stop_on_conflict:
        Stop at the first sweep that leaves some key with ``low > high``, so the conflict is
        found where it arises, before it spreads over the grid.

    Returns
    -------
    Propagation
        Intervals, spreads, claim counts and provenance pointers, one per grid key, keys sorted
        by scope then date.

    Notes
    -----
    Guarantee: for every key, ``[low, high]`` contains the exact range (the min and max over
    all non-negative integer counts per cell and day that satisfy every kept claim). Where the
    claims cannot all hold, some keys end with ``low > high`` (see :attr:`Propagation.conflict`).

    >>> from karabakh_tolls import load_seed_claims
    >>> from karabakh_tolls.engine.constraints import stage
    >>> grid = propagate(stage(load_seed_claims()).group("karabakh-2020", "killed"))
    >>> row = grid.find("killed/military/party=nagorno-karabakh", "2020-10-05")
    >>> int(grid.low[row]), int(grid.high[row])  # 280 on 10-06 minus "40 more" that day
    (240, 240)
    """
    return prepare(group).propagate(
        exclude, max_iterations=max_iterations, stop_on_conflict=stop_on_conflict
    )


class Prepared:
    """The grid of one claim set, built once, ready to propagate under any exclusion mask.

    Everything that does not depend on which claims are kept (the grid keys, the tree links,
    the time runs, every claim's row and the ancestors of difference claims) is computed here,
    so propagating again after setting claims aside only redoes the bounds. Build it with
    :func:`prepare`.
    """

    __slots__ = (
        "_claim_ids",
        "_diff_all",
        "_event",
        "_event_high",
        "_group",
        "_high",
        "_high_order",
        "_is_cumulative_claim",
        "_is_diff",
        "_is_incident",
        "_key_a",
        "_layout",
        "_low",
        "_low_order",
        "_lower_only",
        "_monotone",
        "_order",
        "_row_a",
        "_spread_high_order",
        "_spread_low_order",
        "_step_of_claim",
        "_trees_by_dim",
        "_unused",
        "keys",
        "n_claims",
    )

    def __init__(self, group: Constraints) -> None:
        layout = _Layout.of(group.codes, group.war.start)
        n_claims = len(group)
        # the stage sorts its constraints by claim id, so ties between equal bounds never
        # depend on the input order
        order = np.arange(n_claims, dtype=np.int64)
        outcome = layout.codes[0].index[group.outcome]
        parts = [np.full(n_claims, outcome, dtype=np.int64)] + [
            group.nodes[:, d].astype(np.int64) for d in range(4)
        ]
        as_of, since = group.as_of, group.since
        low = group.low.astype(np.int64)
        high = np.where(group.high == OPEN, INF, np.minimum(group.high, INF)).astype(np.int64)
        is_cumulative = np.full(n_claims, group.cumulative, dtype=bool)
        cumulative_codes = np.zeros(len(layout.codes[0].names), dtype=bool)
        cumulative_codes[outcome] = group.cumulative
        is_incident = group.kind == INCIDENT
        is_increment = group.kind == INCREMENT
        partial = group.lower_only & ~is_incident

        # 'before' day of a difference claim; -1 means "before the war": the count there is 0.
        # A window that does not start at the war's start ties two dates.
        before = np.full(n_claims, -1, dtype=np.int64)
        diff_kind = is_cumulative & (is_increment | ((since > 0) & ~is_incident))
        before[diff_kind] = since[diff_kind] - 1
        incident_diff = is_incident & is_cumulative
        before[incident_diff] = as_of[incident_diff] - 1
        is_diff = (diff_kind | incident_diff) & (before >= 0)
        before[~is_diff] = -1
        kind = np.where(is_incident, "incident", np.where(is_increment, "increment", "cumulative"))
        frame_ids = group.ids
        event = np.array([None if e < 0 else str(e) for e in group.event.tolist()], dtype=object)

        key_a = layout.pack([*parts, as_of + _DAY_OFFSET])
        key_b = layout.pack([*parts, before + _DAY_OFFSET])
        grid_keys = _close_ancestors(np.concatenate([key_a, key_b[is_diff]]), layout)
        self._trees_by_dim = tuple(
            _build_tree(grid_keys, layout, p) for p in range(1, len(DIMENSIONS))
        )
        self._layout = layout
        self.keys = grid_keys
        self.n_claims = n_claims
        self._unused = ~group.used  # weight 0: on the grid, never used
        self._order = order
        self._claim_ids = frame_ids
        self._event = event
        self._row_a = np.searchsorted(grid_keys, key_a)
        self._key_a = key_a
        self._low, self._high = low, high
        self._is_diff, self._is_incident = is_diff, is_incident
        # the claims made directly about a key: complete counts since the war's start (for a
        # stock: on the day)
        self._is_cumulative_claim = (
            (kind == "cumulative") & ((since == 0) | ~is_cumulative) & ~group.lower_only
        )
        self._step_of_claim = np.where(
            is_incident, Step.INCIDENT, np.where(partial, Step.PARTIAL, Step.CLAIM)
        ).astype(np.int8)
        lower_only = partial | is_incident
        self._lower_only = lower_only
        self._event_high = np.where(group.lower_only, INF, high)

        # difference claims hold for their scope; their lows also hold for every ancestor
        # scope (counts per cell never fall, so a scope grows at least as much as any part);
        # built for every candidate once, filtered by the kept claims at each propagation
        diff_sel = np.flatnonzero(is_diff & ((low > 0) | ~lower_only))
        anc_a, anc_b, origin = _with_ancestors(key_a[diff_sel], key_b[diff_sel], layout)
        own = np.arange(len(anc_a)) < len(diff_sel)
        claim_of = diff_sel[origin]
        self._diff_all = _Diff(
            a=np.searchsorted(grid_keys, anc_a),
            b=np.searchsorted(grid_keys, anc_b),
            lo=low[claim_of],
            hi=np.where(own & ~lower_only[claim_of], high[claim_of], INF),
            claim=claim_of,
            step=np.where(is_incident[claim_of], Step.INCIDENT, Step.INCREMENT).astype(np.int8),
        )
        # per grid row, the claims in the order that picks the best one first (ties: the
        # first claim id), sorted once; each propagation keeps the first kept claim per row
        row_a = self._row_a
        bounds = np.flatnonzero(~is_diff)
        self._low_order = bounds[np.lexsort((-low[bounds], row_a[bounds]))]
        uppers = np.flatnonzero(~is_diff & ~lower_only)
        self._high_order = uppers[np.lexsort((high[uppers], row_a[uppers]))]
        cumulative = np.flatnonzero(self._is_cumulative_claim)
        self._spread_low_order = cumulative[np.lexsort((low[cumulative], row_a[cumulative]))]
        self._spread_high_order = cumulative[np.lexsort((-high[cumulative], row_a[cumulative]))]

        # time order: keys are sorted by scope then day; groups are runs of one scope
        n = len(grid_keys)
        scope_id = grid_keys >> _DAY_BITS
        key_outcome = (grid_keys // layout.stride(0)) % layout.radix[0]
        self._monotone = cumulative_codes[key_outcome]
        group_start = np.ones(n, dtype=bool)
        group_start[1:] = scope_id[1:] != scope_id[:-1]
        time_group = np.cumsum(group_start) - 1
        self._group = time_group

    def __len__(self) -> int:
        return len(self.keys)

    def __repr__(self) -> str:
        return f"<Prepared: {self.n_claims} claim(s), {len(self)} key(s)>"

    def rows(self) -> tuple[IntArray, IntArray]:
        """Per grid key, in key order: its node codes (category, party, perpetrator, region)
        as an ``(n, 4)`` array, and its day (days from the war's start)."""
        parts = self._layout.unpack(self.keys)
        return np.stack(parts[1:5], axis=1), parts[5] - _DAY_OFFSET

    def propagate(
        self,
        exclude: npt.ArrayLike | None = None,
        *,
        max_iterations: int = 200,
        stop_on_conflict: bool = False,
    ) -> Propagation:
        """Propagate the kept claims to a fixpoint: the same result as :func:`propagate`.

        >>> from karabakh_tolls import load_seed_claims
        >>> from karabakh_tolls.engine.constraints import stage
        >>> prepared = prepare(stage(load_seed_claims()).group("karabakh-2020", "killed"))
        >>> grid = prepared.propagate()
        >>> int(grid.low[grid.find("killed/civilian", "2020-10-06")])
        48
        """
        n_claims = self.n_claims
        keep = ~self._unused
        if exclude is not None:
            mask = np.asarray(exclude, dtype=bool)
            if mask.shape != (n_claims,):
                raise ValueError(
                    f"exclude has shape {mask.shape}; it must be a boolean mask of "
                    f"{n_claims} claims"
                )
            keep = ~mask[self._order] & ~self._unused
        grid_keys = self.keys
        result = Propagation(self._layout, self._trees_by_dim, grid_keys, self._claim_ids)
        n = len(grid_keys)
        row_a, low, high = self._row_a, self._low, self._high

        # spread and n_claims: the plain envelope of the cumulative claims made about a key
        direct = self._is_cumulative_claim & keep
        result.n_claims = np.bincount(row_a[direct], minlength=n).astype(np.int64)
        result.spread_low = np.full(n, -1, dtype=np.int64)
        result.spread_high = np.full(n, -1, dtype=np.int64)
        t, c = _first_kept(self._spread_low_order, row_a, direct)
        result.spread_low[t] = low[c]
        t, c = _first_kept(self._spread_high_order, row_a, direct)
        result.spread_high[t] = high[c]

        # direct bounds: X(a) in [lo, hi] (the orders were sorted once, in __init__)
        t, c = _first_kept(self._low_order, row_a, keep)
        improve = low[c] > result.low[t]
        t, c = t[improve], c[improve]
        result.low[t] = low[c]
        result.low_step[t] = self._step_of_claim[c]
        result.low_claim[t] = c
        t, c = _first_kept(self._high_order, row_a, keep)
        improve = high[c] < result.high[t]
        t, c = t[improve], c[improve]
        result.high[t] = high[c]
        result.high_step[t] = Step.CLAIM
        result.high_claim[t] = c

        every = self._diff_all
        kept = keep[every.claim]
        diffs = _Diff(
            every.a[kept],
            every.b[kept],
            every.lo[kept],
            every.hi[kept],
            every.claim[kept],
            every.step[kept],
        )
        result.event_conflicts = tuple(
            (ids, int(np.searchsorted(grid_keys, k)))
            for ids, k in _event_conflicts(
                self._event,
                self._claim_ids,
                keep & self._is_incident,
                self._key_a,
                low,
                self._event_high,
            )
        )
        _fixpoint(
            result,
            self._group,
            self._monotone,
            diffs,
            max_iterations=max_iterations,
            stop_on_conflict=stop_on_conflict,
        )
        return result

    def clashes(
        self, exclude: npt.ArrayLike, rows: npt.ArrayLike
    ) -> list[tuple[int, tuple[str, str]]]:
        """Pairs of kept claims about exactly one of ``rows`` that cannot both hold: one's low
        above the other's (complete) high. Each pair, with its row, ids sorted.

        >>> from karabakh_tolls import load_seed_claims
        >>> from karabakh_tolls.engine.constraints import stage
        >>> prepared = prepare(stage(load_seed_claims()).group("karabakh-2020", "killed"))
        >>> prepared.clashes(np.zeros(prepared.n_claims, dtype=bool), [0, 1, 2])
        []
        """
        keep = ~np.asarray(exclude, dtype=bool)[self._order] & ~self._unused
        wanted = np.unique(np.asarray(rows, dtype=np.int64))
        chosen = np.flatnonzero(keep & ~self._is_diff & np.isin(self._row_a, wanted))
        chosen = chosen[np.argsort(self._row_a[chosen], kind="stable")]
        upper = np.where(self._lower_only[chosen], INF, self._high[chosen])
        out: list[tuple[int, tuple[str, str]]] = []
        bounds = np.flatnonzero(np.diff(self._row_a[chosen], prepend=-1, append=-1))
        for start, stop in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            lows, highs = self._low[chosen[start:stop]], upper[start:stop]
            for i, j in zip(*np.nonzero(lows[:, None] > highs[None, :]), strict=True):
                pair = sorted(
                    (
                        str(self._claim_ids[chosen[start + i]]),
                        str(self._claim_ids[chosen[start + j]]),
                    )
                )
                out.append((int(self._row_a[chosen[start]]), (pair[0], pair[1])))
        return out


def prepare(group: Constraints) -> Prepared:
    """Build the grid of a group's constraints once, to propagate it under several masks.

    >>> from karabakh_tolls import load_seed_claims
    >>> from karabakh_tolls.engine.constraints import stage
    >>> prepare(stage(load_seed_claims()).group("karabakh-2020", "killed"))
    ... # doctest: +ELLIPSIS
    <Prepared: 19 claim(s), ... key(s)>
    """
    return Prepared(group)


def _fixpoint(
    result: Propagation,
    group: IntArray,
    monotone: BoolArray,
    diffs: _Diff,
    *,
    max_iterations: int,
    stop_on_conflict: bool,
) -> None:
    """Sweep every rule until nothing changes (or the first conflict, or the cap).

    Each sweep after the first looks only at the rows whose inputs changed since that sweep
    last ran (a worklist kept as a per-row stamp of the stage that last moved it): the result
    is the same as sweeping every row, for a cost that follows the changes.
    """
    trees_by_dim = result._trees_by_dim
    n = len(result)
    n_stages = len(trees_by_dim) + 2
    stamp = np.zeros(n, dtype=np.int64)  # the tick of the stage that last moved each row
    last_run = [-1] * n_stages  # the tick each stage last started at (-1: never, all dirty)
    n_groups = int(group[-1]) + 1 if n else 0
    monotone_rows = np.flatnonzero(monotone)
    tick = 0
    iterations = 0
    changed = not (stop_on_conflict and bool(result.conflict.any()))
    conflict = False
    while changed and iterations < max_iterations:
        iterations += 1
        first_tick = tick + 1
        for stage in range(n_stages):
            tick += 1
            full = last_run[stage] < 0
            dirty = None if full else stamp >= last_run[stage]
            last_run[stage] = tick
            if dirty is not None and not dirty.any():
                continue
            result._log = []
            if stage == 0:
                rows = monotone_rows
                if dirty is not None:
                    hit = np.zeros(n_groups, dtype=bool)
                    hit[group[dirty & monotone]] = True
                    rows = monotone_rows[hit[group[monotone_rows]]]
                _sweep_time(result, group, rows)
            elif stage <= len(trees_by_dim):
                _sweep_tree(result, trees_by_dim[stage - 1], dirty)
            else:
                chosen = diffs
                if dirty is not None:
                    sel = dirty[diffs.a] | dirty[diffs.b]
                    chosen = _Diff(
                        diffs.a[sel],
                        diffs.b[sel],
                        diffs.lo[sel],
                        diffs.hi[sel],
                        diffs.claim[sel],
                        diffs.step[sel],
                    )
                _sweep_diffs(result, chosen)
            if full:
                np.minimum(result.low, INF, out=result.low)
                np.maximum(result.high, 0, out=result.high)
            moved = _settle(result)
            stamp[moved] = tick
            if stop_on_conflict and bool(np.any(result.low[moved] > result.high[moved])):
                conflict = True
                break
        changed = bool(np.any(stamp >= first_tick))
        if conflict:
            break
    result.iterations = iterations
    result.converged = not changed


def _settle(result: Propagation) -> IntArray:
    """Clamp the bounds this stage set to ``[0, INF]`` and return the rows whose low or high
    now differs from before the stage (read from the log kept by :func:`_set`)."""
    moved: list[IntArray] = []
    for is_low in (True, False):
        entries = [(rows, old) for rows, old, low in result._log if low is is_low]
        if not entries:
            continue
        rows = np.concatenate([r for r, _ in entries])
        olds = np.concatenate([o for _, o in entries])
        # the first write of a row holds its value from before the stage
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        head = np.ones(len(ordered), dtype=bool)
        head[1:] = ordered[1:] != ordered[:-1]
        touched, first = ordered[head], order[head]
        bound = result.low if is_low else result.high
        if is_low:
            bound[touched] = np.minimum(bound[touched], INF)
        else:
            bound[touched] = np.maximum(bound[touched], 0)
        moved.append(touched[bound[touched] != olds[first]])
    result._log = []
    if not moved:
        return np.zeros(0, dtype=np.int64)
    return _sorted_unique(np.concatenate(moved))


def _event_conflicts(
    event: npt.NDArray[np.object_],
    claim_ids: npt.NDArray[np.object_],
    selected: BoolArray,
    key: IntArray,
    low: IntArray,
    high: IntArray,
) -> list[tuple[tuple[str, ...], int]]:
    """Claims about one event and one scope that cannot agree (one's low above another's high),
    each group with its grid key."""
    rows = np.flatnonzero(selected)
    if len(rows) == 0:
        return []
    table = pd.DataFrame(
        {
            "event": event[rows],
            "key": key[rows],
            "low": low[rows],
            "high": high[rows],
            "id": claim_ids[rows],
        }
    )
    grouped = table.groupby(["event", "key"], sort=True)
    span = grouped.agg(top=("low", "max"), bottom=("high", "min"))
    bad = span.index[(span["top"] > span["bottom"]).to_numpy()]
    out = []
    for event, key_value in bad:
        members = table[(table["event"] == event) & (table["key"] == key_value)]
        top, bottom = members["low"].max(), members["high"].min()
        clash = members[(members["low"] > bottom) | (members["high"] < top)]
        out.append((tuple(sorted(str(i) for i in clash["id"])), int(key_value)))
    return out


# --- one sweep of each rule ----------------------------------------------------------------


def _set(
    result: Propagation,
    bound: Bound,
    rows: IntArray,
    values: IntArray,
    step: Step | npt.NDArray[np.int8],
    src: IntArray | np.int64,
    claim: IntArray | None = None,
) -> None:
    """Tighten one bound at ``rows`` where ``values`` improve it, recording the pointer."""
    steps = np.broadcast_to(np.asarray(step, dtype=np.int8), rows.shape)
    src = np.broadcast_to(np.asarray(src, dtype=np.int64), rows.shape)
    if bound == "low":
        better = values > result.low[rows]
        target = rows[better]
        result._log.append((target, result.low[target], True))
        result.low[target] = values[better]
        result.low_step[target] = steps[better]
        result.low_src[target] = src[better]
        result.low_claim[target] = -1 if claim is None else claim[better]
    else:
        values = np.minimum(values, INF)
        better = values < result.high[rows]
        target = rows[better]
        result._log.append((target, result.high[target], False))
        result.high[target] = values[better]
        result.high_step[target] = steps[better]
        result.high_src[target] = src[better]
        result.high_claim[target] = -1 if claim is None else claim[better]


def _grouped_cummax(values: IntArray, group: IntArray) -> IntArray:
    """Running max within runs of equal ``group`` (sorted), for values in ``[0, INF]``."""
    out: IntArray = pd.Series(values).groupby(group, sort=False).cummax().to_numpy(dtype=np.int64)
    return out


def _sat_add(a: IntArray, b: IntArray) -> IntArray:
    """``a + b`` for counts in ``[0, INF]``, saturating at ``INF`` instead of wrapping."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    a, b = np.broadcast_arrays(a, b)
    over = a > INF - b
    out = np.full(a.shape, INF, dtype=np.int64)
    np.add(a, b, out=out, where=~over)
    return out


def _sat_segments(values: IntArray, starts: IntArray) -> IntArray:
    """Sums of the segments of ``values`` starting at ``starts`` (counts in ``[0, INF]``),
    exact, saturating at ``INF``."""
    sums = np.asarray(np.add.reduceat(values, starts), dtype=np.int64)
    approx = np.add.reduceat(values.astype(np.float64), starts)
    risky = np.flatnonzero(approx >= 2.0**62)  # near or past 2**63: add exactly
    if len(risky):
        ends = np.append(starts[1:], len(values))
        for i in risky.tolist():
            total = sum(int(v) for v in values[starts[i] : ends[i]].tolist())
            sums[i] = min(total, INF)
    return sums


def _sweep_time(result: Propagation, group: IntArray, rows: IntArray) -> None:
    """Cumulative counts never fall: running max of lows forward, running min of highs back.

    ``rows`` are the cumulative rows of whole time runs (groups), in key order.
    """
    if len(rows) == 0:
        return
    g = group[rows]
    g = g - g[0]
    positions = np.arange(len(rows), dtype=np.int64)
    low = result.low[rows]
    running_low = _grouped_cummax(low, g)
    # the latest earlier row holding the running max (the first row of a group always does)
    source = np.maximum.accumulate(np.where(running_low == low, positions, 0))
    better = running_low > low
    _set(result, "low", rows[better], running_low[better], Step.MONOTONE, rows[source[better]])

    high = result.high[rows]
    back = slice(None, None, -1)
    flipped = INF - high[back]  # a running max of INF - high is a running min of high
    running_high = (INF - _grouped_cummax(flipped, g[-1] - g[back]))[back]
    last = len(rows) - 1
    record = np.where(running_high == high, last - positions, 0)[back]
    source_high = (last - np.maximum.accumulate(record))[back]
    better = running_high < high
    _set(
        result,
        "high",
        rows[better],
        running_high[better],
        Step.MONOTONE,
        rows[source_high[better]],
    )


def _sweep_tree(result: Propagation, tree: _Tree, dirty: BoolArray | None) -> None:
    """Children vs parent in one dimension, from the current bounds.

    All families at once, or (with ``dirty``) only the families (a parent and its children)
    where some bound changed since this sweep last ran: elsewhere every candidate equals one
    already applied, so it could not tighten anything.
    """
    if len(tree.parents) == 0:
        return
    low, high = result.low, result.high
    if dirty is None:
        parents = tree.parents
        kids = tree.child_order
        starts = tree.child_ptr[parents]
        slot = tree.slot  # per kid, its parent's position among the parents
    else:
        changed = np.flatnonzero(dirty)
        up = tree.parent[changed]
        touched = _sorted_unique(np.concatenate([changed, up[up >= 0]]))
        parents = touched[tree.child_ptr[touched + 1] > tree.child_ptr[touched]]
        if len(parents) == 0:
            return
        slot, pos = _segments(tree.child_ptr, parents)
        kids = tree.child_order[pos]
        counts = tree.child_ptr[parents + 1] - tree.child_ptr[parents]
        starts = np.cumsum(counts) - counts
    parent_of_kid = parents[slot]
    kid_low, kid_high = low[kids], high[kids]
    kid_open = kid_high >= INF
    sum_low = _sat_segments(kid_low, starts)
    kid_finite: IntArray = np.where(kid_open, 0, kid_high).astype(np.int64)
    sum_high = _sat_segments(kid_finite, starts)
    n_open = np.add.reduceat(kid_open.astype(np.int64), starts)
    dim = np.int64(tree.dim)

    # every candidate is computed from the bounds as they were before this sweep
    up_low = sum_low
    complete = tree.complete[parents] & (n_open == 0)
    bounded = high[parent_of_kid] < INF
    cap: IntArray = high[parent_of_kid] - (sum_low[slot] - kid_low)
    ok = tree.complete[parent_of_kid] & (n_open[slot] - kid_open.astype(np.int64) == 0)
    floor = low[parent_of_kid] - (sum_high[slot] - kid_finite)

    # parent.low >= sum of children's lows
    _set(result, "low", parents, up_low, Step.CHILD_SUM, dim)
    # exhaustive parent with every child on the grid: parent.high <= sum of children's highs
    _set(result, "high", parents[complete], sum_high[complete], Step.CHILD_HIGH_SUM, dim)
    # child.high <= parent.high - siblings' lows
    _set(result, "high", kids[bounded], cap[bounded], Step.PARENT_REST, dim)
    # exhaustive parent: child.low >= parent.low - siblings' highs
    _set(result, "low", kids[ok], floor[ok], Step.EXHAUSTIVE_REST, dim)


def _sweep_diffs(result: Propagation, d: _Diff) -> None:
    """Increments: x[a] - x[b] in [lo, hi], in all four directions."""
    if len(d.a) == 0:
        return
    n = len(result.low)
    low, high = result.low, result.high  # high is read before the highs are set
    # x[a] >= lo + low[b];  x[b] >= low[a] - hi
    cand_rows = np.concatenate([d.a, d.b])
    cand_low = np.concatenate(
        [_sat_add(d.lo, low[d.b]), np.where(d.hi >= INF, -1, low[d.a] - np.minimum(d.hi, INF))]
    )
    cand_src = np.concatenate([d.b, d.a])
    cand_claim = np.concatenate([d.claim, d.claim])
    cand_step = np.concatenate([d.step, d.step])
    t, v, pos = _best(cand_rows, cand_low, n, largest=True)
    _set(result, "low", t, v, cand_step[pos], cand_src[pos], cand_claim[pos])
    # x[a] <= hi + high[b];  x[b] <= high[a] - lo
    up_a = np.where((d.hi >= INF) | (high[d.b] >= INF), INF, _sat_add(d.hi, high[d.b]))
    up_b = np.where(high[d.a] >= INF, INF, high[d.a] - d.lo)
    t, v, pos = _best(cand_rows, np.concatenate([up_a, up_b]), n, largest=False)
    _set(result, "high", t, v, cand_step[pos], cand_src[pos], cand_claim[pos])
