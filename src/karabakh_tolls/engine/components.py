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
from itertools import product

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from karabakh_tolls.engine.codes import IntArray
from karabakh_tolls.engine.constraints import Constraints

__all__ = ["components"]


@cache
def _pieces() -> IntArray:
    """For every set ``P`` of present lift masks (a 16-bit pattern) and every mask ``m``, the
    piece of ``m`` in the graph on ``P`` whose edges join disjoint masks (-1: ``m`` meets no
    other present mask). With the empty mask present every mask joins it."""
    table = np.full((1 << 16, 16), -1, dtype=np.int64)
    for pattern in range(1, 1 << 16):
        present = [m for m in range(16) if pattern >> m & 1]
        if 0 in present:
            table[pattern, present] = 0
            continue
        label = {m: m for m in present}

        def find(m: int, label: dict[int, int] = label) -> int:
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
            table[pattern, m] = find(m)
    return table


def _time_groups(since: IntArray, as_of: IntArray) -> IntArray:
    """Connected groups of overlapping windows ``[since, as_of]`` (inclusive days)."""
    order = np.lexsort((as_of, since))
    reach = np.maximum.accumulate(as_of[order])
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = since[order][1:] > reach[:-1]
    group = np.empty(len(order), dtype=np.int64)
    group[order] = np.cumsum(starts) - 1
    return group


def _lifts(codes: Constraints, boxes: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """Every lift of every distinct box: (box index, mask, lifted box as 4 codes)."""
    dims = codes.codes.dims[1:]
    chains = [
        [dims[d].ancestors(int(c)) for c in np.unique(boxes[:, d]).tolist()] for d in range(4)
    ]
    by_code = [{chain[0]: chain for chain in per_dim} for per_dim in chains]
    owner: list[int] = []
    masks: list[int] = []
    lifted: list[tuple[int, int, int, int]] = []
    for i, box in enumerate(boxes.tolist()):
        options = [by_code[d][box[d]] for d in range(4)]
        for choice in product(*(range(len(o)) for o in options)):
            mask = sum(1 << d for d in range(4) if choice[d] > 0)
            owner.append(i)
            masks.append(mask)
            lifted.append(
                (
                    options[0][choice[0]],
                    options[1][choice[1]],
                    options[2][choice[2]],
                    options[3][choice[3]],
                )
            )
    return (
        np.array(owner, dtype=np.int64),
        np.array(masks, dtype=np.int64),
        np.array(lifted, dtype=np.int64).reshape(-1, 4),
    )


def _box_edges(group: Constraints, boxes: IntArray) -> tuple[IntArray, IntArray]:
    """Pairs of distinct boxes that share a cell (not all pairs: enough to connect them)."""
    owner, masks, lifted = _lifts(group, boxes)
    if len(owner) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    _, j_group = np.unique(lifted, axis=0, return_inverse=True)
    j_group = j_group.reshape(-1).astype(np.int64)
    pattern = np.zeros(int(j_group.max()) + 1, dtype=np.int64)
    np.bitwise_or.at(pattern, j_group, np.left_shift(1, masks))
    piece = _pieces()[pattern[j_group], masks]
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
