"""Columnar interval bound propagation over the (scope, date) grid.

This is the fast path of reconciliation: every (scope, date) a claim touches, plus every
ancestor scope at that date, becomes one *key* of a grid held in numpy arrays, and each key
carries an integer interval ``[low, high]`` for the true count. Claims set the first intervals;
the rules of SPEC §2 then tighten them, all keys at once, until nothing changes (a fixpoint):

* claims: a complete claim bounds its key from both sides, a partial claim from below;
* sub-scopes and disjoint children (per dimension, so party x category x region all hold):
  ``parent.low >= Σ children.low``, ``child.high <= parent.high - Σ siblings.low``, and for
  exhaustive nodes (e.g. category ``all`` = civilian + military + unknown), when every child is
  on the grid, ``parent.high <= Σ children.high`` and
  ``child.low >= parent.low - Σ siblings.high``;
* time: cumulative outcomes never fall (grouped running max of lows forward in time, running
  min of highs backward);
* increments tie two dates: ``x(as_of) - x(since - 1 day)`` lies in the claim's interval;
* incidents: an event's toll is a lower bound on its scope's count that day (for cumulative
  outcomes, a lower bound on the growth of the count over that day).

Every rule is implied by the model (non-negative counts per cell and day), so the result is
**sound**: each range contains every value the exact linear program allows. On tree-shaped
systems (one date, one non-trivial dimension) it is also exact; elsewhere it can be looser.
Each bound keeps a pointer to what last tightened it (a claim, or a rule and a source key), from
which :meth:`Propagation.support` lists the claims and rules behind it.

Loops run over rule kinds, tree dimensions and iterations, never over rows.

>>> from karabakh_tolls import load_seed_claims
>>> grid = propagate(load_seed_claims())
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

from karabakh_tolls.claims import ClaimSet, as_date
from karabakh_tolls.figures import Hedge
from karabakh_tolls.frame import WAR_START, ClaimKind, Coverage
from karabakh_tolls.scopes import DIMENSIONS, Scope, ScopeTrees

__all__ = ["INF", "Bound", "Propagation", "Step", "propagate"]

INF: Final = 1 << 40
"""The open upper bound, as an integer larger than any count (2**40)."""

Bound = Literal["low", "high"]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_TREE_DIMS: Final = DIMENSIONS[1:]
_DAY_BITS: Final = 16
_DAY_OFFSET: Final = 1 << 15
_EPOCH: Final = np.datetime64(WAR_START, "D")


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
class _Codes:
    """Integer codes of one dimension's tree nodes."""

    names: tuple[str, ...]
    index: dict[str, int]
    parent: IntArray  # code of the parent, -1 for the root
    n_children: IntArray
    exhaustive: BoolArray

    @classmethod
    def of(cls, trees: ScopeTrees, dimension: str) -> _Codes:
        tree = trees[dimension]
        names = tree.nodes
        index = {name: i for i, name in enumerate(names)}
        parent = np.array(
            [-1 if tree.parent[n] is None else index[str(tree.parent[n])] for n in names],
            dtype=np.int64,
        )
        n_children = np.array([len(tree.children[n]) for n in names], dtype=np.int64)
        exhaustive = np.array([n in tree.exhaustive for n in names], dtype=bool)
        return cls(names, index, parent, n_children, exhaustive)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Mixed-radix packing of (outcome, category, party, perpetrator, region, day) into int64."""

    codes: tuple[_Codes, ...]  # one per DIMENSIONS entry
    radix: tuple[int, ...]

    @classmethod
    def of(cls, trees: ScopeTrees) -> _Layout:
        codes = tuple(_Codes.of(trees, d) for d in DIMENSIONS)
        radix = (*(len(c.names) for c in codes), 1 << _DAY_BITS)
        total = float(np.prod([float(r) for r in radix]))
        if total >= 2.0**62:
            raise ValueError(f"scope trees too large to pack into int64 keys ({total:.3g} keys)")
        return cls(codes, radix)

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


def _days(values: pd.Series) -> IntArray:
    days = values.to_numpy(dtype="datetime64[s]").astype("datetime64[D]") - _EPOCH
    return days.astype(np.int64)


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
        out["as_of"] = (_EPOCH + days.astype("timedelta64[D]")).astype("datetime64[s]")
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
        day = (np.datetime64(as_date(as_of, "as_of"), "D") - _EPOCH).astype(np.int64)
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

    def support_columns(self, rows: Iterable[int] | None = None) -> tuple[list[str], list[str]]:
        """``;``-joined claim ids behind the low and the high of each row (all rows by default).

        Supports are computed once per (row, bound) and shared along the pointers, so a whole
        grid costs about one pass over its pointer graph.
        """
        chosen = range(len(self)) if rows is None else list(rows)
        memo: dict[tuple[int, Bound], frozenset[int]] = {}

        def closure(start: tuple[int, Bound]) -> frozenset[int]:
            # iterative post-order over the pointer graph; cycles (ties) are cut at the repeat
            if start in memo:
                return memo[start]
            stack: list[tuple[tuple[int, Bound], bool]] = [(start, False)]
            on_path: set[tuple[int, Bound]] = set()
            while stack:
                item, expanded = stack.pop()
                if item in memo:
                    continue
                _, claim, used = self._sources(*item)
                if not expanded:
                    on_path.add(item)
                    stack.append((item, True))
                    stack.extend((u, False) for u in used if u not in memo and u not in on_path)
                    continue
                found: set[int] = {claim} if claim >= 0 else set()
                for u in used:
                    found |= memo.get(u, frozenset())
                memo[item] = frozenset(found)
                on_path.discard(item)
            return memo[start]

        ids = self.claim_ids
        lows = [";".join(sorted(str(ids[c]) for c in closure((r, "low")))) for r in chosen]
        highs = [
            ";".join(sorted(str(ids[c]) for c in closure((r, "high"))))
            if self.high[r] < INF
            else ""
            for r in chosen
        ]
        return lows, highs

    def step_name(self, row: int, bound: Bound) -> str:
        """The rule that last tightened one bound ('' when it is the default 0 / open)."""
        step = Step(self.low_step[row] if bound == "low" else self.high_step[row])
        return "" if step is Step.NONE else _RULE_NAMES[step]

    def explain(self, row: int, bound: Bound) -> str:
        """One line saying how one bound of one row was derived (one step deep).

        >>> from karabakh_tolls import load_seed_claims
        >>> grid = propagate(load_seed_claims())
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


# --- building the grid ---------------------------------------------------------------------


def _claim_parts(frame: pd.DataFrame, layout: _Layout) -> tuple[list[IntArray], IntArray, IntArray]:
    """Scope codes of every claim, and its as_of day and 'before' day (since - 1; -1 = none)."""
    parts = []
    for position, dimension in enumerate(DIMENSIONS):
        index = layout.codes[position].index
        column = frame[dimension].astype(object).to_numpy()
        uniques, inverse = np.unique(column.astype(str), return_inverse=True)  # few, small
        lookup = np.array([index[u] for u in uniques], dtype=np.int64)
        parts.append(lookup[inverse].astype(np.int64))
    as_of = _days(frame["as_of"])
    since = _days(frame["since"])
    return parts, as_of, since


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
    claims: ClaimSet,
    *,
    exclude: npt.ArrayLike | None = None,
    max_iterations: int = 200,
    stop_on_conflict: bool = False,
) -> Propagation:
    """Propagate the claims' bounds over the (scope, date) grid to a fixpoint.

    Parameters
    ----------
    claims:
        The claims (their trees give the dimensions).
    exclude:
        Optional boolean mask over the claim rows: claims set aside (they still add their keys
        to the grid, so rows do not vanish when a claim is set aside).
    max_iterations:
        Safety cap on full sweeps. Consistent claims reach a fixpoint in a few sweeps; claims in
        conflict may keep pushing bounds apart, and are reported either way.
    stop_on_conflict:
        Stop at the first sweep that leaves some key with ``low > high``, so the conflict is
        found where it arises, before it spreads over the grid (used to choose claims to set
        aside; the bounds are then not final).

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
    >>> grid = propagate(load_seed_claims())
    >>> row = grid.find("killed/military/party=nagorno-karabakh", "2020-10-05")
    >>> int(grid.low[row]), int(grid.high[row])  # 280 on 10-06 minus "40 more" that day
    (240, 240)
    """
    trees = claims.trees
    layout = _Layout.of(trees)
    n_claims = len(claims)
    keep = np.ones(n_claims, dtype=bool)
    if exclude is not None:
        mask = np.asarray(exclude, dtype=bool)
        if mask.shape != (n_claims,):
            raise ValueError(
                f"exclude has shape {mask.shape}; it must be a boolean mask of {n_claims} claims"
            )
        keep = ~mask
    # work in claim-id order, so ties between equal bounds never depend on the input order
    order = np.argsort(claims.frame["claim_id"].to_numpy(dtype=str), kind="stable")
    frame = claims.frame.iloc[order].reset_index(drop=True)
    keep = keep[order]

    parts, as_of, since = _claim_parts(frame, layout)
    kind = frame["kind"].to_numpy(dtype=object)
    coverage = frame["coverage"].to_numpy(dtype=object)
    low = frame["low"].to_numpy(dtype=np.int64, na_value=0)
    high_na = frame["high"].isna().to_numpy()
    high = np.where(high_na, INF, frame["high"].to_numpy(dtype=np.int64, na_value=0))
    outcome_names = layout.codes[0].names
    cumulative_codes = np.array(
        [trees.is_cumulative(o) if o != "all" else False for o in outcome_names], dtype=bool
    )
    is_cumulative = cumulative_codes[parts[0]]
    is_incident = kind == ClaimKind.INCIDENT.value
    is_increment = kind == ClaimKind.INCREMENT.value
    # a partial claim, and an implicit count ("his daughter and three of her children"), lists
    # part of its scope: a lower bound only (the exact solver reads them the same way)
    partial = (coverage == Coverage.PARTIAL.value) | (
        frame["hedge"].to_numpy(dtype=object) == Hedge.IMPLICIT.value
    )

    # 'before' day of a difference claim; -1 means "before the war": the count there is zero
    before = np.full(n_claims, -1, dtype=np.int64)
    # (a stock outcome's claim, whatever its kind, is the stock at as_of)
    diff_kind = is_cumulative & (is_increment | ((since > 0) & ~is_incident))
    before[diff_kind] = since[diff_kind] - 1
    incident_diff = is_incident & is_cumulative
    before[incident_diff] = as_of[incident_diff] - 1
    is_diff = (diff_kind | incident_diff) & (before >= 0)
    before[~is_diff] = -1

    key_a = layout.pack([*parts, as_of + _DAY_OFFSET])
    key_b = layout.pack([*parts, before + _DAY_OFFSET])
    grid_keys = _close_ancestors(np.concatenate([key_a, key_b[is_diff]]), layout)
    trees_by_dim = tuple(_build_tree(grid_keys, layout, p) for p in range(1, len(DIMENSIONS)))
    result = Propagation(layout, trees_by_dim, grid_keys, frame["claim_id"].to_numpy(dtype=object))
    n = len(grid_keys)
    row_a = np.searchsorted(grid_keys, key_a)

    # spread and n_claims: the plain envelope of the cumulative claims made about exactly a key
    direct = (kind == ClaimKind.CUMULATIVE.value) & keep
    rows = row_a[direct]
    result.n_claims = np.bincount(rows, minlength=n).astype(np.int64)
    has = result.n_claims > 0
    spread_low = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(spread_low, rows, low[direct])
    spread_high = np.full(n, -1, dtype=np.int64)
    np.maximum.at(spread_high, rows, high[direct])
    result.spread_low = np.where(has, spread_low, -1)
    result.spread_high = np.where(has, spread_high, -1)

    # direct bounds: X(a) in [lo, hi]
    bound_rows = keep & ~is_diff
    claim_index = np.arange(n_claims, dtype=np.int64)
    step_of_claim = np.where(
        is_incident, Step.INCIDENT, np.where(partial, Step.PARTIAL, Step.CLAIM)
    ).astype(np.int8)
    lower_only = partial | is_incident
    b_rows, b_claims = row_a[bound_rows], claim_index[bound_rows]
    t, v, pos = _best(b_rows, low[bound_rows], n, largest=True)
    improve = v > result.low[t]
    result.low[t[improve]] = v[improve]
    result.low_step[t[improve]] = step_of_claim[b_claims[pos[improve]]]
    result.low_claim[t[improve]] = b_claims[pos[improve]]
    upper = bound_rows & ~lower_only
    t, v, pos = _best(row_a[upper], high[upper], n, largest=False)
    improve = v < result.high[t]
    result.high[t[improve]] = v[improve]
    result.high_step[t[improve]] = Step.CLAIM
    result.high_claim[t[improve]] = claim_index[upper][pos[improve]]

    # difference claims hold for their scope; their lows also hold for every ancestor scope
    # (counts per cell never fall, so a scope grows at least as much as any part of it)
    diff_sel = np.flatnonzero(keep & is_diff & ((low > 0) | ~lower_only))
    anc_a, anc_b, origin = _with_ancestors(key_a[diff_sel], key_b[diff_sel], layout)
    own = np.arange(len(anc_a)) < len(diff_sel)
    claim_of = diff_sel[origin]
    diffs = _Diff(
        a=np.searchsorted(grid_keys, anc_a),
        b=np.searchsorted(grid_keys, anc_b),
        lo=low[claim_of],
        hi=np.where(own & ~lower_only[claim_of], high[claim_of], INF),
        claim=claim_of,
        step=np.where(is_incident[claim_of], Step.INCIDENT, Step.INCREMENT).astype(np.int8),
    )

    # time order: keys are sorted by scope then day; groups are runs of one scope
    scope_id = grid_keys >> _DAY_BITS
    key_outcome = (grid_keys // layout.stride(0)) % layout.radix[0]
    monotone = cumulative_codes[key_outcome]
    group_start = np.ones(n, dtype=bool)
    group_start[1:] = scope_id[1:] != scope_id[:-1]
    group = np.cumsum(group_start) - 1
    if len(group) and int(group[-1]) >= (1 << 21):
        raise ValueError(
            f"{int(group[-1]) + 1} distinct scopes: more than the 2**21 the time sweep packs"
        )

    result.event_conflicts = tuple(
        (ids, int(np.searchsorted(grid_keys, k)))
        for ids, k in _event_conflicts(
            frame, keep & is_incident, key_a, low, np.where(partial, INF, high)
        )
    )

    iterations = 0
    changed = not (stop_on_conflict and bool(result.conflict.any()))
    while changed and iterations < max_iterations:
        iterations += 1
        before_low, before_high = result.low.copy(), result.high.copy()
        for stage in range(len(trees_by_dim) + 2):
            if stage == 0:
                _sweep_time(result, group, monotone)
            elif stage <= len(trees_by_dim):
                _sweep_tree(result, trees_by_dim[stage - 1])
            else:
                _sweep_diffs(result, diffs)
            np.minimum(result.low, INF, out=result.low)
            np.maximum(result.high, 0, out=result.high)
            if stop_on_conflict and result.conflict.any():
                break
        changed = bool(np.any(before_low != result.low) or np.any(before_high != result.high))
        if stop_on_conflict and result.conflict.any():
            break
    result.iterations = iterations
    result.converged = not changed
    return result


def _event_conflicts(
    frame: pd.DataFrame, selected: BoolArray, key: IntArray, low: IntArray, high: IntArray
) -> list[tuple[tuple[str, ...], int]]:
    """Claims about one event and one scope that cannot agree (one's low above another's high),
    each group with its grid key."""
    rows = np.flatnonzero(selected)
    if len(rows) == 0:
        return []
    table = pd.DataFrame(
        {
            "event": frame["event"].to_numpy(dtype=object)[rows],
            "key": key[rows],
            "low": low[rows],
            "high": high[rows],
            "id": frame["claim_id"].to_numpy(dtype=object)[rows],
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
        result.low[target] = values[better]
        result.low_step[target] = steps[better]
        result.low_src[target] = src[better]
        result.low_claim[target] = -1 if claim is None else claim[better]
    else:
        values = np.minimum(values, INF)
        better = values < result.high[rows]
        target = rows[better]
        result.high[target] = values[better]
        result.high_step[target] = steps[better]
        result.high_src[target] = src[better]
        result.high_claim[target] = -1 if claim is None else claim[better]


def _grouped_cummax(values: IntArray, group: IntArray) -> IntArray:
    """Running max within runs of equal ``group`` (sorted), for values in ``[0, INF]``.

    Each run is lifted above the previous ones by ``group * 2 * INF`` so one plain running max
    serves all runs (no per-call factorising of the groups).
    """
    lift = group.astype(np.int64) * (2 * INF)
    return np.maximum.accumulate(values + lift) - lift


def _sweep_time(result: Propagation, group: IntArray, monotone: BoolArray) -> None:
    """Cumulative counts never fall: running max of lows forward, running min of highs back."""
    rows = np.flatnonzero(monotone)
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


def _sweep_tree(result: Propagation, tree: _Tree) -> None:
    """Children vs parent in one dimension (all parents at once, from the current bounds)."""
    if len(tree.parents) == 0:
        return
    low, high = result.low, result.high
    kids = tree.child_order
    starts = tree.child_ptr[tree.parents]
    parent_of_kid = tree.parent[kids]
    kid_low, kid_high = low[kids], high[kids]
    kid_open = kid_high >= INF
    sum_low: IntArray = np.asarray(np.add.reduceat(kid_low, starts), dtype=np.int64)
    kid_finite: IntArray = np.where(kid_open, 0, kid_high).astype(np.int64)
    sum_high: IntArray = np.asarray(np.add.reduceat(kid_finite, starts), dtype=np.int64)
    n_open = np.add.reduceat(kid_open.astype(np.int64), starts)
    slot = tree.slot  # per kid, its parent's position among the parents
    dim = np.int64(tree.dim)

    # every candidate is computed from the bounds as they were before this sweep
    up_low = sum_low
    complete = tree.complete[tree.parents] & (n_open == 0)
    bounded = high[parent_of_kid] < INF
    cap: IntArray = high[parent_of_kid] - (sum_low[slot] - kid_low)
    ok = tree.complete[parent_of_kid] & (n_open[slot] - kid_open.astype(np.int64) == 0)
    floor = low[parent_of_kid] - (sum_high[slot] - kid_finite)

    # parent.low >= sum of children's lows
    _set(result, "low", tree.parents, up_low, Step.CHILD_SUM, dim)
    # exhaustive parent with every child on the grid: parent.high <= sum of children's highs
    _set(result, "high", tree.parents[complete], sum_high[complete], Step.CHILD_HIGH_SUM, dim)
    # child.high <= parent.high - siblings' lows
    _set(result, "high", kids[bounded], cap[bounded], Step.PARENT_REST, dim)
    # exhaustive parent: child.low >= parent.low - siblings' highs
    _set(result, "low", kids[ok], floor[ok], Step.EXHAUSTIVE_REST, dim)


def _sweep_diffs(result: Propagation, d: _Diff) -> None:
    """Increments: x[a] - x[b] in [lo, hi], in all four directions."""
    if len(d.a) == 0:
        return
    n = len(result.low)
    low, high = result.low.copy(), result.high.copy()
    # x[a] >= lo + low[b];  x[b] >= low[a] - hi
    cand_rows = np.concatenate([d.a, d.b])
    cand_low = np.concatenate(
        [d.lo + low[d.b], np.where(d.hi >= INF, -1, low[d.a] - np.minimum(d.hi, INF))]
    )
    cand_src = np.concatenate([d.b, d.a])
    cand_claim = np.concatenate([d.claim, d.claim])
    cand_step = np.concatenate([d.step, d.step])
    t, v, pos = _best(cand_rows, cand_low, n, largest=True)
    _set(result, "low", t, v, cand_step[pos], cand_src[pos], cand_claim[pos])
    # x[a] <= hi + high[b];  x[b] <= high[a] - lo
    up_a = np.where((d.hi >= INF) | (high[d.b] >= INF), INF, d.hi + high[d.b])
    up_b = np.where(high[d.a] >= INF, INF, high[d.a] - d.lo)
    t, v, pos = _best(cand_rows, np.concatenate([up_a, up_b]), n, largest=False)
    _set(result, "high", t, v, cand_step[pos], cand_src[pos], cand_claim[pos])
