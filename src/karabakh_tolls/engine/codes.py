"""Integer codes of a war's scope trees, for the columnar engine.

Each dimension tree becomes arrays indexed by a node code: the parent's code (-1 at the root),
the depth, whether the node is exhaustive, and the node's *cells* as one interval
``[cell_lo, cell_hi)`` of a depth-first order. A cell is a leaf, or the remainder of a
non-exhaustive node (the people it counts that none of its children does), so every node is
exactly the cells of its interval and two nodes are comparable exactly when their intervals
meet. Set arithmetic on scopes is then interval arithmetic on integers.

This module imports numpy and the package's ``scopes``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from karabakh_tolls.scopes import DIMENSIONS, ROOT, ScopeTree, ScopeTrees

__all__ = ["IntArray", "TreeCodes", "WarCodes", "sorted_unique", "sorted_unique_in_place"]

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def sorted_unique(values: npt.ArrayLike) -> IntArray:
    """The distinct values of an int64 array, sorted (one sort and a mask: on large arrays
    much faster than ``numpy.unique``, which hashes)."""
    return sorted_unique_in_place(np.array(values, dtype=np.int64).reshape(-1))


def sorted_unique_in_place(keys: IntArray) -> IntArray:
    """:func:`sorted_unique` of a 1-d int64 array that it sorts in place (no second copy of a
    large input; the result may be ``keys`` itself)."""
    keys.sort(kind="stable")
    if len(keys) < 2:
        return keys
    keep = np.empty(len(keys), dtype=bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    if keep.all():
        return keys
    out: IntArray = keys[keep]
    return out


@dataclass(frozen=True, slots=True, eq=False)
class TreeCodes:
    """One dimension tree as integer arrays (see the module docstring).

    Examples
    --------
    >>> from karabakh_tolls.scopes import default_trees
    >>> codes = TreeCodes.of(default_trees()["category"])
    >>> [codes.names[i] for i in range(len(codes.names))]
    ['all', 'civilian', 'military', 'unknown']
    >>> codes.cell_lo.tolist(), codes.cell_hi.tolist()
    ([0, 0, 1, 2], [3, 1, 2, 3])
    """

    dimension: str
    names: tuple[str, ...]
    index: dict[str, int]
    parent: IntArray
    depth: IntArray
    exhaustive: BoolArray
    n_children: IntArray
    cell_lo: IntArray
    cell_hi: IntArray

    @classmethod
    def of(cls, tree: ScopeTree) -> TreeCodes:
        """Codes in depth-first order from the root, children in the tree's order."""
        order: list[str] = []
        lo: dict[str, int] = {}
        hi: dict[str, int] = {}
        cells = 0
        stack: list[tuple[str, bool]] = [(ROOT, False)]
        while stack:
            node, done = stack.pop()
            if done:
                hi[node] = cells
                continue
            order.append(node)
            lo[node] = cells
            kids = tree.children[node]
            if not kids or node not in tree.exhaustive:
                cells += 1  # a leaf, or the remainder of a node its children do not cover
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(kids))
        index = {name: i for i, name in enumerate(order)}
        parent = np.array(
            [-1 if tree.parent[n] is None else index[str(tree.parent[n])] for n in order],
            dtype=np.int64,
        )
        depth = np.zeros(len(order), dtype=np.int64)
        for i in range(1, len(order)):  # parents come before children in depth-first order
            depth[i] = depth[parent[i]] + 1
        return cls(
            tree.dimension,
            tuple(order),
            index,
            parent,
            depth,
            np.array([n in tree.exhaustive for n in order], dtype=bool),
            np.array([len(tree.children[n]) for n in order], dtype=np.int64),
            np.array([lo[n] for n in order], dtype=np.int64),
            np.array([hi[n] for n in order], dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.names)

    @property
    def n_cells(self) -> int:
        """How many cells the tree has (the root's interval)."""
        return int(self.cell_hi[0])

    def codes(self, names: npt.ArrayLike) -> IntArray:
        """The codes of node names (already resolved ids)."""
        values = np.asarray(names, dtype=object)
        uniques, inverse = np.unique(values.astype(str), return_inverse=True)
        lookup = np.array([self.index[u] for u in uniques], dtype=np.int64)
        return lookup[inverse.reshape(-1)].astype(np.int64)

    def ancestors(self, code: int) -> list[int]:
        """The node and its ancestors, up to the root."""
        chain = [code]
        while self.parent[chain[-1]] >= 0:
            chain.append(int(self.parent[chain[-1]]))
        return chain

    def within(self, a: IntArray, b: IntArray) -> BoolArray:
        """Element-wise: every cell of node ``a`` is a cell of node ``b``."""
        return np.asarray(
            (self.cell_lo[b] <= self.cell_lo[a]) & (self.cell_hi[a] <= self.cell_hi[b])
        )

    def meets(self, a: IntArray, b: IntArray) -> BoolArray:
        """Element-wise: nodes ``a`` and ``b`` share a cell (in a tree: one lies within the
        other)."""
        return np.asarray((self.cell_lo[a] < self.cell_hi[b]) & (self.cell_lo[b] < self.cell_hi[a]))


@dataclass(frozen=True, slots=True, eq=False)
class WarCodes:
    """The codes of all five dimensions of one war's trees, in ``DIMENSIONS`` order."""

    trees: ScopeTrees
    dims: tuple[TreeCodes, ...]
    cumulative: BoolArray
    """Per outcome code: whether the outcome's totals never fall."""

    @classmethod
    def of(cls, trees: ScopeTrees) -> WarCodes:
        """Codes of every dimension of ``trees``.

        Examples
        --------
        >>> from karabakh_tolls.scopes import default_trees
        >>> codes = WarCodes.of(default_trees())
        >>> [codes.dims[0].names[i] for i in np.flatnonzero(codes.cumulative)]
        ['killed', 'wounded', 'missing']
        """
        dims = tuple(TreeCodes.of(trees[d]) for d in DIMENSIONS)
        outcome = dims[0]
        cumulative = np.array(
            [n != ROOT and trees.is_cumulative(n) for n in outcome.names], dtype=bool
        )
        return cls(trees, dims, cumulative)
