"""Independent components of a war's constraints.

Two claims interact only when they count some common person on some common day: their scopes
share a cell of every dimension tree and their windows ``since..as_of`` share a day (claims
about one event always interact). Claims linked by a chain of such overlaps form a component;
distinct components share no variable of the model, so each is solved on its own and a query
that spans several adds their answers up.

The split is exact in scopes and coarse only in time (claims whose windows are chained by
overlaps are put in one time group before their scopes are compared), which can merge
components but never separates claims that interact.

Scopes are compared without comparing every pair. Two boxes (a node per dimension) share a cell
exactly when, in every dimension, one node lies within the other. Lift each box to every box
``J`` obtained by moving some set ``m`` of its dimensions to strict ancestors: two boxes meet
exactly when they lift to one ``J`` with disjoint lifted sets. Grouping the lifts by ``J`` and
joining classes of disjoint lifted sets finds every meeting pair with one sort.

This module imports numpy, scipy and the package's ``engine.codes`` and ``engine.constraints``.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from karabakh_tolls.engine.codes import IntArray, TreeCodes
from karabakh_tolls.engine.constraints import Constraints

__all__ = ["components", "lifts", "meeting_pairs"]


@cache
def _pieces(pattern: int) -> tuple[int, ...]:
    """For a set of present lift masks (a 16-bit pattern), the piece of each mask in the graph
    on the present masks whose edges join disjoint masks (-1: the mask meets no other present
    mask). With the empty mask present every mask joins it."""
    present = [m for m in range(16) if pattern >> m & 1]
    out = [-1] * 16
    if 0 in present:
        for m in present:
            out[m] = 0
        return tuple(out)
    label = {m: m for m in present}

    def find(m: int) -> int:
        while label[m] != m:
            m = label[m]
        return m

    linked: set[int] = set()
    for i, a in enumerate(present):
        for b in present[i + 1 :]:
            if a & b == 0:
                label[find(a)] = find(b)
                linked.update((a, b))
    for m in linked:
        out[m] = find(m)
    return tuple(out)


def _piece_table(patterns: IntArray) -> tuple[IntArray, IntArray]:
    """The distinct patterns present and their piece rows (one per distinct pattern)."""
    distinct, inverse = np.unique(patterns, return_inverse=True)
    table = np.array([_pieces(int(p)) for p in distinct.tolist()], dtype=np.int64).reshape(-1, 16)
    return table, inverse.reshape(-1)


def _time_groups(since: IntArray, as_of: IntArray) -> IntArray:
    """Connected groups of overlapping windows ``[since, as_of]`` (inclusive days)."""
    order = np.lexsort((as_of, since))
    reach = np.maximum.accumulate(as_of[order])
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = since[order][1:] > reach[:-1]
    group = np.empty(len(order), dtype=np.int64)
    group[order] = np.cumsum(starts) - 1
    return group


def lifts(dims: tuple[TreeCodes, ...], boxes: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """Every lift of every box (a row of 4 node codes): (box index, mask, lifted box).

    A lift moves each dimension of the set ``mask`` (bit ``d`` for dimension ``d``) to one of
    its strict ancestors; the empty mask is the box itself. Vectorised: boxes with chains of
    lengths ``L_d`` have ``prod(L_d)`` lifts, enumerated in mixed radix.
    """
    n = len(boxes)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros((0, 4), dtype=np.int64)
    tables, lengths = [], []
    for d in range(4):
        tree = dims[d]
        depth = tree.depth
        chain = np.full((len(tree), int(depth.max()) + 1), -1, dtype=np.int64)
        chain[:, 0] = np.arange(len(tree))
        for k in range(1, chain.shape[1]):
            prev = chain[:, k - 1]
            chain[:, k] = np.where(prev >= 0, tree.parent[np.maximum(prev, 0)], -1)
            chain[prev < 0, k] = -1
        tables.append(chain)
        lengths.append(depth[boxes[:, d]] + 1)
    per_box = lengths[0] * lengths[1] * lengths[2] * lengths[3]
    owner = np.repeat(np.arange(n, dtype=np.int64), per_box)
    start = np.cumsum(per_box) - per_box
    index = np.arange(int(per_box.sum()), dtype=np.int64) - start[owner]
    masks = np.zeros(len(owner), dtype=np.int64)
    lifted = np.empty((len(owner), 4), dtype=np.int64)
    for d in range(4):
        length = lengths[d][owner]
        choice = index % length
        index //= length
        masks |= (choice > 0).astype(np.int64) << d
        lifted[:, d] = tables[d][boxes[owner, d], choice]
    return owner, masks, lifted


def _pack(boxes: IntArray, dims: tuple[TreeCodes, ...]) -> IntArray:
    """One int64 per box (mixed radix over the tree sizes)."""
    key = np.zeros(len(boxes), dtype=np.int64)
    for d in range(4):
        key = key * len(dims[d]) + boxes[:, d]
    return key


def meeting_pairs(
    dims: tuple[TreeCodes, ...], first: IntArray, second: IntArray
) -> tuple[IntArray, IntArray]:
    """Every pair (i, j) of a box of ``first`` and a box of ``second`` that share a cell.

    Two boxes meet exactly when they lift to one box with disjoint lifted sets, which is then
    their join; each meeting pair is found once, by one join per pair of disjoint masks.
    """
    oa, ma, la = lifts(dims, first)
    ob, mb, lb = lifts(dims, second)
    ka, kb = _pack(la, dims), _pack(lb, dims)
    out_i: list[IntArray] = []
    out_j: list[IntArray] = []
    for m1 in range(16):
        sa = ma == m1
        if not sa.any():
            continue
        keys_a, own_a = ka[sa], oa[sa]
        order = np.argsort(keys_a, kind="stable")
        keys_a, own_a = keys_a[order], own_a[order]
        for m2 in range(16):
            if m1 & m2:
                continue
            sb = mb == m2
            if not sb.any():
                continue
            keys_b, own_b = kb[sb], ob[sb]
            lo = np.searchsorted(keys_a, keys_b, side="left")
            hi = np.searchsorted(keys_a, keys_b, side="right")
            count = hi - lo
            has = count > 0
            if not has.any():
                continue
            reps = count[has]
            j = np.repeat(own_b[has], reps)
            base = np.repeat(lo[has] - (np.cumsum(reps) - reps), reps)
            i = own_a[base + np.arange(int(reps.sum()), dtype=np.int64)]
            out_i.append(i)
            out_j.append(j)
    if not out_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(out_i), np.concatenate(out_j)


def _box_edges(group: Constraints, boxes: IntArray) -> tuple[IntArray, IntArray]:
    """Pairs of distinct boxes that share a cell (not all pairs: enough to connect them)."""
    owner, masks, lifted = lifts(group.codes.dims[1:], boxes)
    if len(owner) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    _, j_group = np.unique(lifted, axis=0, return_inverse=True)
    j_group = j_group.reshape(-1).astype(np.int64)
    pattern = np.zeros(int(j_group.max()) + 1, dtype=np.int64)
    np.bitwise_or.at(pattern, j_group, np.left_shift(1, masks))
    table, row_of = _piece_table(pattern)
    piece = table[row_of[j_group], masks]
    linked = piece >= 0
    key = j_group[linked] * 16 + piece[linked]
    members = owner[linked]
    order = np.argsort(key, kind="stable")
    key, members = key[order], members[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    hub = members[np.maximum.accumulate(np.where(first, np.arange(len(key)), 0))]
    return members, hub


def components(group: Constraints) -> IntArray:
    """The component of every constraint of a group: labels ``0..k-1``, numbered by the first
    constraint (in claim-id order) of each component; -1 for a constraint the solvers do not
    use (weight 0).

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> from karabakh_tolls.engine.constraints import stage
    >>> killed = stage(load_seed_claims()).group("karabakh-2020", "killed")
    >>> int(components(killed).max()) + 1  # "more than 6,000 killed" ties every cell together
    1
    """
    cached = group.cache.get("components")
    if isinstance(cached, np.ndarray):
        return cached
    used = np.flatnonzero(group.used)
    result = np.full(len(group), -1, dtype=np.int64)
    if len(used):
        result[used] = _labels(group.take(used))
    group.cache["components"] = result
    return result


def _labels(group: Constraints) -> IntArray:
    """Component labels of every constraint of ``group`` (all used)."""
    n = len(group)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    time_group = _time_groups(group.since, group.as_of)
    nodes = np.concatenate([time_group[:, None], group.nodes], axis=1)
    distinct, node_of = np.unique(nodes, axis=0, return_inverse=True)
    node_of = node_of.reshape(-1).astype(np.int64)
    frm: list[IntArray] = [np.arange(n, dtype=np.int64)]
    to: list[IntArray] = [n + node_of]
    for tg in np.unique(distinct[:, 0]).tolist():
        at = np.flatnonzero(distinct[:, 0] == tg)
        a, b = _box_edges(group, distinct[at, 1:])
        frm.append(n + at[a])
        to.append(n + at[b])
    incident = np.flatnonzero(group.event >= 0)
    if len(incident):
        events = group.event[incident]
        order = np.argsort(events, kind="stable")
        first = np.ones(len(order), dtype=bool)
        first[1:] = events[order][1:] != events[order][:-1]
        head = incident[order][np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))]
        frm.append(incident[order])
        to.append(head)
    size = n + len(distinct)
    graph = sparse.coo_matrix(
        (
            np.ones(sum(len(f) for f in frm), dtype=np.int8),
            (np.concatenate(frm), np.concatenate(to)),
        ),
        shape=(size, size),
    )
    _, labels = csgraph.connected_components(graph, directed=False)
    raw = labels[:n].astype(np.int64)
    # number components by their first constraint, so labels do not depend on scipy's order
    _, first_seen = np.unique(raw, return_index=True)
    rank = np.empty(int(raw.max()) + 1, dtype=np.int64)
    rank[raw[np.sort(first_seen)]] = np.arange(len(first_seen), dtype=np.int64)
    return rank[raw]
