"""Scopes: what a figure counts, as a point in five trees.

A :class:`Scope` names an ``outcome`` (killed, wounded, displaced, missing, captured) and four
dimensions, each a node of a tree whose root is ``"all"``: ``category`` (civilian, military,
unknown), ``party`` (whose dead), ``perpetrator`` (who caused them; the same tree as party) and
``region`` (where; a gazetteer). Trees are data: the default for the 2020 war is read from the
package file ``data/scopes.toml``, and users load, extend or re-parent trees without touching code.

A :class:`ScopeTree` is one dimension's tree; :class:`ScopeTrees` holds all five plus the list of
cumulative outcomes (those whose totals never fall over time).

This module imports only the standard library and :mod:`karabakh_tolls.errors`.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import InitVar, dataclass, field
from functools import cache
from importlib import resources
from itertools import product
from pathlib import Path
from typing import Any, Final, Literal

from karabakh_tolls.errors import ArgumentTypeError, ScopeError, UnknownTermError

__all__ = [
    "DIMENSIONS",
    "ROOT",
    "Dimension",
    "Scope",
    "ScopeTree",
    "ScopeTrees",
    "default_trees",
    "generic_trees",
    "normalise_term",
]

ROOT: Final = "all"
Dimension = Literal["outcome", "category", "party", "perpetrator", "region"]
DIMENSIONS: Final[tuple[Dimension, ...]] = (
    "outcome",
    "category",
    "party",
    "perpetrator",
    "region",
)

_SEPARATORS = re.compile(r"[\s_]+")


def normalise_term(term: str) -> str:
    """Lower-case a term and join its words with hyphens.

    Examples
    --------
    >>> normalise_term("  Nagorno Karabakh ")
    'nagorno-karabakh'
    """
    return _SEPARATORS.sub("-", term.strip().lower())


@dataclass(frozen=True, slots=True)
class ScopeTree:
    """One dimension's tree: nodes, their children, which nodes are exhaustive, and aliases.

    Build it with :meth:`from_mapping`; every method returns a new tree.

    Examples
    --------
    >>> tree = ScopeTree.from_mapping("category", {"all": ["civilian", "military"]})
    >>> tree.ancestors("civilian")
    ('civilian', 'all')
    """

    dimension: str
    children: Mapping[str, tuple[str, ...]]
    parent: Mapping[str, str | None]
    exhaustive: frozenset[str] = frozenset()
    aliases: Mapping[str, str] = field(default_factory=dict)
    description: str = ""

    @classmethod
    def from_mapping(
        cls,
        dimension: str,
        children: Mapping[str, Iterable[str]],
        *,
        exhaustive: Iterable[str] = (),
        aliases: Mapping[str, str] | None = None,
        description: str = "",
    ) -> ScopeTree:
        """Build a tree from ``{node: [child, ...]}``; the root is ``"all"``.

        Raises :class:`~karabakh_tolls.errors.ScopeError` when a node has two parents, the
        graph has a cycle, a node is unreachable from the root, or an alias points nowhere.
        """
        kids: dict[str, tuple[str, ...]] = {}
        parent: dict[str, str | None] = {ROOT: None}
        for node, node_children in children.items():
            node_id = normalise_term(node)
            kids[node_id] = tuple(normalise_term(c) for c in node_children)
        for node_id, node_children in kids.items():
            for child in node_children:
                if child == ROOT:
                    raise ScopeError(
                        f"{dimension}: the root {ROOT!r} cannot be a child",
                        dimension=dimension,
                        term=ROOT,
                    )
                if child in parent and parent[child] is not None:
                    raise ScopeError(
                        f"{dimension}: node {child!r} has two parents, "
                        f"{parent[child]!r} and {node_id!r}",
                        dimension=dimension,
                        term=child,
                    )
                parent[child] = node_id
        for node_id in kids:
            parent.setdefault(node_id, None)
        for node_id in parent:
            kids.setdefault(node_id, ())
        # every node must reach the root without a cycle
        for node_id in parent:
            seen: set[str] = set()
            current: str | None = node_id
            while current is not None:
                if current in seen:
                    raise ScopeError(
                        f"{dimension}: cycle through {current!r}", dimension=dimension, term=current
                    )
                seen.add(current)
                current = parent[current]
            if ROOT not in seen:
                raise ScopeError(
                    f"{dimension}: node {node_id!r} is not under {ROOT!r}",
                    dimension=dimension,
                    term=node_id,
                )
        alias_map = {normalise_term(k): normalise_term(v) for k, v in (aliases or {}).items()}
        for alias, target in alias_map.items():
            if target not in parent:
                raise ScopeError(
                    f"{dimension}: alias {alias!r} points to unknown {target!r}",
                    dimension=dimension,
                    term=alias,
                )
        exhaustive_ids = frozenset(normalise_term(n) for n in exhaustive)
        for node_id in exhaustive_ids:
            if node_id not in parent:
                raise ScopeError(
                    f"{dimension}: exhaustive node {node_id!r} is not in the tree",
                    dimension=dimension,
                    term=node_id,
                )
        return cls(dimension, kids, parent, exhaustive_ids, alias_map, description)

    # --- queries -------------------------------------------------------------------------------
    @property
    def nodes(self) -> tuple[str, ...]:
        """All node ids, root first, then in breadth-first order."""
        order = [ROOT]
        for node in order:
            order.extend(self.children[node])
        return tuple(order)

    def __contains__(self, term: object) -> bool:
        if not isinstance(term, str):
            return False
        key = normalise_term(term)
        return key in self.parent or key in self.aliases

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.parent)

    def resolve(self, term: str) -> str:
        """The node id a term names (case, spacing and aliases forgiven).

        Raises :class:`~karabakh_tolls.errors.UnknownTermError` listing the known terms and a
        close match.

        Examples
        --------
        >>> default_trees()["region"].resolve("Khankendi")
        'stepanakert'
        """
        if not isinstance(term, str):
            raise UnknownTermError(self.dimension, repr(term), self.nodes)
        key = normalise_term(term)
        if key in self.parent:
            return key
        if key in self.aliases:
            return self.aliases[key]
        vocabulary = [*self.parent, *self.aliases]
        close = difflib.get_close_matches(key, vocabulary, n=1, cutoff=0.6)
        suggestion = None
        if close:
            suggestion = self.aliases.get(close[0], close[0])
        raise UnknownTermError(self.dimension, term, self.nodes, suggestion)

    def ancestors(self, node: str) -> tuple[str, ...]:
        """The node and every node above it, up to and including the root."""
        chain = []
        current: str | None = self.resolve(node)
        while current is not None:
            chain.append(current)
            current = self.parent[current]
        return tuple(chain)

    def descendants(self, node: str) -> tuple[str, ...]:
        """The node and every node below it."""
        order = [self.resolve(node)]
        for current in order:
            order.extend(self.children[current])
        return tuple(order)

    def is_within(self, node: str, other: str) -> bool:
        """True when ``node`` equals ``other`` or lies below it."""
        return self.resolve(other) in self.ancestors(node)

    def disjoint(self, a: str, b: str) -> bool:
        """True when neither node lies within the other (their counts never overlap)."""
        return not (self.is_within(a, b) or self.is_within(b, a))

    def depth(self, node: str) -> int:
        """Distance from the root (the root has depth 0)."""
        return len(self.ancestors(node)) - 1

    def is_exhaustive(self, node: str) -> bool:
        """True when the node's children cover it completely."""
        return self.resolve(node) in self.exhaustive

    # --- changes -------------------------------------------------------------------------------
    def _mapping(self) -> dict[str, list[str]]:
        return {node: list(kids) for node, kids in self.children.items()}

    def with_node(
        self,
        node: str,
        parent: str = ROOT,
        *,
        aliases: Iterable[str] = (),
        exhaustive: bool = False,
    ) -> ScopeTree:
        """A copy with ``node`` added under ``parent`` (and optional aliases).

        Examples
        --------
        >>> tree = default_trees()["region"].with_node("tovuz", "azerbaijan")
        >>> tree.ancestors("tovuz")
        ('tovuz', 'azerbaijan', 'all')
        """
        node_id, parent_id = normalise_term(node), self.resolve(parent)
        if node_id in self.parent:
            raise ScopeError(
                f"{self.dimension}: node {node_id!r} already exists",
                dimension=self.dimension,
                term=node_id,
            )
        mapping = self._mapping()
        mapping[parent_id].append(node_id)
        alias_map = dict(self.aliases) | {normalise_term(a): node_id for a in aliases}
        marked = self.exhaustive | ({node_id} if exhaustive else set())
        return ScopeTree.from_mapping(
            self.dimension,
            mapping,
            exhaustive=marked,
            aliases=alias_map,
            description=self.description,
        )

    def reparent(self, node: str, new_parent: str) -> ScopeTree:
        """A copy in which ``node`` (with its subtree) hangs under ``new_parent``.

        Examples
        --------
        >>> tree = default_trees()["region"].reparent("nagorno-karabakh", "azerbaijan")
        >>> tree.ancestors("stepanakert")
        ('stepanakert', 'nagorno-karabakh', 'azerbaijan', 'all')
        """
        node_id, parent_id = self.resolve(node), self.resolve(new_parent)
        if node_id == ROOT:
            raise ScopeError(
                f"{self.dimension}: the root cannot be moved", dimension=self.dimension, term=ROOT
            )
        if parent_id in self.descendants(node_id):
            raise ScopeError(
                f"{self.dimension}: cannot move {node_id!r} under its own descendant {parent_id!r}",
                dimension=self.dimension,
                term=node_id,
            )
        mapping = self._mapping()
        old_parent = self.parent[node_id]
        assert old_parent is not None
        mapping[old_parent].remove(node_id)
        mapping[parent_id].append(node_id)
        return ScopeTree.from_mapping(
            self.dimension,
            mapping,
            exhaustive=self.exhaustive,
            aliases=self.aliases,
            description=self.description,
        )

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping, the shape of one dimension in a scope-tree TOML file."""
        return {
            "description": self.description,
            "nodes": {
                node: {"children": list(kids), "exhaustive": node in self.exhaustive}
                for node, kids in self.children.items()
                if kids
            },
            "aliases": dict(self.aliases),
        }


@dataclass(frozen=True, slots=True)
class ScopeTrees:
    """The five dimension trees used to read and relate scopes.

    ``ScopeTrees.default()`` is the bundled tree set for the 2020 Nagorno-Karabakh war.
    ``perpetrator`` shares the party tree unless a file gives it one of its own.

    Examples
    --------
    >>> trees = ScopeTrees.default()
    >>> trees["party"].ancestors("nagorno-karabakh")
    ('nagorno-karabakh', 'armenian-side', 'all')
    >>> sorted(trees.cumulative_outcomes)
    ['killed', 'missing', 'wounded']
    """

    trees: Mapping[str, ScopeTree]
    cumulative_outcomes: frozenset[str] = frozenset({"killed", "wounded", "missing"})
    territory: Mapping[str, str] = field(default_factory=dict)
    """Region node -> the party whose people a place's dead are when a text names only the
    place (a war's data: see :meth:`with_territory` and :meth:`territory_of`)."""

    def __post_init__(self) -> None:
        if not isinstance(self.trees, Mapping):
            raise ArgumentTypeError.of("trees", "a mapping of dimension to ScopeTree", self.trees)
        for dimension, tree in self.trees.items():
            if not isinstance(tree, ScopeTree):
                raise ArgumentTypeError.of(f"trees[{dimension!r}]", "a ScopeTree", tree)
        if not isinstance(self.cumulative_outcomes, frozenset | set | tuple | list) or not all(
            isinstance(o, str) for o in self.cumulative_outcomes
        ):
            raise ArgumentTypeError.of(
                "cumulative_outcomes", "a set of outcome names", self.cumulative_outcomes
            )
        object.__setattr__(self, "cumulative_outcomes", frozenset(self.cumulative_outcomes))
        missing = [d for d in DIMENSIONS if d not in self.trees]
        if missing:
            raise ScopeError(f"scope trees lack the dimension(s) {missing}", dimension=missing[0])
        if not isinstance(self.territory, Mapping):
            raise ArgumentTypeError.of("territory", "a mapping of region to party", self.territory)
        region, party = self.trees["region"], self.trees["party"]
        table: dict[str, str] = {}
        for place, owner in self.territory.items():
            if not isinstance(place, str) or not isinstance(owner, str):
                raise ArgumentTypeError.of("territory", "a mapping of region to party", place)
            table[region.resolve(place)] = party.resolve(owner)
        object.__setattr__(self, "territory", table)

    def __getitem__(self, dimension: str) -> ScopeTree:
        try:
            return self.trees[dimension]
        except KeyError:
            raise UnknownTermError("dimension", dimension, DIMENSIONS) from None

    @classmethod
    def default(cls) -> ScopeTrees:
        """The bundled trees for the 2020 war (read once from package data)."""
        return default_trees()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScopeTrees:
        """Build from the mapping shape of a scope-tree TOML file (see ``data/scopes.toml``)."""
        trees: dict[str, ScopeTree] = {}
        cumulative: frozenset[str] = frozenset({"killed", "wounded", "missing"})
        pending_same: dict[str, str] = {}
        for dimension in DIMENSIONS:
            spec = data.get(dimension)
            if spec is None:
                raise ScopeError(
                    f"scope trees lack the dimension {dimension!r}", dimension=dimension
                )
            if "same_as" in spec:
                pending_same[dimension] = spec["same_as"]
                continue
            nodes = spec.get("nodes", {})
            children = {name: node.get("children", []) for name, node in nodes.items()}
            exhaustive = [name for name, node in nodes.items() if node.get("exhaustive", False)]
            trees[dimension] = ScopeTree.from_mapping(
                dimension,
                children,
                exhaustive=exhaustive,
                aliases=spec.get("aliases", {}),
                description=spec.get("description", ""),
            )
            if dimension == "outcome" and "cumulative" in spec:
                cumulative = frozenset(normalise_term(o) for o in spec["cumulative"])
        for shared, other in pending_same.items():
            if other not in trees:
                raise ScopeError(
                    f"{shared}: same_as names unknown dimension {other!r}",
                    dimension=shared,
                    term=str(other),
                )
            base = trees[other]
            trees[shared] = ScopeTree(
                shared,
                base.children,
                base.parent,
                base.exhaustive,
                base.aliases,
                data[shared].get("description", base.description),
            )
        for outcome in cumulative:
            trees["outcome"].resolve(outcome)
        return cls(trees, cumulative, dict(data.get("territory", {})))

    @classmethod
    def from_toml(cls, path: str | Path) -> ScopeTrees:
        """Read trees from a TOML file of the same shape as the bundled ``scopes.toml``."""
        with open(path, "rb") as handle:
            return cls.from_dict(tomllib.load(handle))

    def replace(self, dimension: str, tree: ScopeTree) -> ScopeTrees:
        """A copy with one dimension's tree replaced (perpetrator follows party if shared)."""
        trees = dict(self.trees)
        shared = self.trees["perpetrator"].children is self.trees["party"].children
        trees[dimension] = tree
        if dimension == "party" and shared:
            trees["perpetrator"] = ScopeTree(
                "perpetrator",
                tree.children,
                tree.parent,
                tree.exhaustive,
                tree.aliases,
                self.trees["perpetrator"].description,
            )
        # the territory table keeps the entries whose region and party the new trees still know
        kept = {
            place: owner
            for place, owner in self.territory.items()
            if place in trees["region"] and owner in trees["party"]
        }
        return ScopeTrees(trees, self.cumulative_outcomes, kept)

    def with_territory(self, table: Mapping[str, str]) -> ScopeTrees:
        """A copy whose territory table also maps each region of ``table`` to its party.

        The table says whose people a place's dead are when a text names only the place (in
        Sarajevo under siege, the government side's): a war's data, which users may change.
        Names resolve through the region and party trees (aliases too); an entry for a region
        already in the table replaces it.

        >>> trees = ScopeTrees.default().with_territory({"stepanakert": "nagorno-karabakh"})
        >>> trees.territory_of("stepanakert"), trees.territory_of("ganja")
        ('nagorno-karabakh', None)
        """
        return ScopeTrees(self.trees, self.cumulative_outcomes, {**self.territory, **dict(table)})

    def territory_of(self, region: str) -> str | None:
        """The party the territory table gives ``region`` or its nearest ancestor that has one;
        ``None`` when the table says nothing for it (or names no region of the tree)."""
        if not self.territory:
            return None
        tree = self.trees["region"]
        try:
            chain = tree.ancestors(tree.resolve(region))
        except (ScopeError, UnknownTermError):
            return None
        return next((self.territory[node] for node in chain if node in self.territory), None)

    def with_node(self, dimension: str, node: str, parent: str = ROOT, **kw: Any) -> ScopeTrees:
        """A copy with a node added to one dimension (see :meth:`ScopeTree.with_node`)."""
        return self.replace(dimension, self[dimension].with_node(node, parent, **kw))

    def reparent(self, dimension: str, node: str, new_parent: str) -> ScopeTrees:
        """A copy with a node moved in one dimension (see :meth:`ScopeTree.reparent`)."""
        return self.replace(dimension, self[dimension].reparent(node, new_parent))

    def is_cumulative(self, outcome: str) -> bool:
        """True when totals of ``outcome`` never fall over time (killed, wounded, missing)."""
        return self["outcome"].resolve(outcome) in self.cumulative_outcomes


@cache
def default_trees() -> ScopeTrees:
    """The bundled scope trees for the 2020 Nagorno-Karabakh war."""
    text = resources.files("karabakh_tolls").joinpath("data/scopes.toml").read_text("utf-8")
    return ScopeTrees.from_dict(tomllib.loads(text))


@cache
def generic_trees() -> ScopeTrees:
    """Trees that name no party and no place: the start of a war made from a dataset.

    The outcome and category trees are the bundled ones; party, perpetrator and region are a
    bare root, to which importers add the actors and places their table names.

    Examples
    --------
    >>> trees = generic_trees()
    >>> trees["region"].nodes, trees["category"].nodes
    (('all',), ('all', 'civilian', 'military', 'unknown'))
    """
    base = default_trees()
    bare: dict[str, list[str]] = {"all": []}
    party = ScopeTree.from_mapping("party", bare, description=base["party"].description)
    region = ScopeTree.from_mapping("region", bare, description=base["region"].description)
    return base.replace("party", party).replace("region", region)


@dataclass(frozen=True, slots=True)
class Scope:
    """What a figure counts: an outcome and a node in each of four dimension trees.

    Omitted dimensions are ``"all"``; the outcome defaults to ``"killed"``. Terms are normalised
    (case, spaces, aliases), so equal meanings are equal scopes, and unknown terms raise
    :class:`~karabakh_tolls.errors.UnknownTermError` with a did-you-mean. Pass ``trees=`` to
    read terms against trees of your own.

    Examples
    --------
    >>> Scope(outcome="killed", category="civilian", party="Azerbaijani")
    Scope(outcome='killed', category='civilian', party='azerbaijan')
    >>> str(Scope("killed", "civilian", region="Ganja"))
    'killed/civilian/region=ganja'
    >>> Scope("killed", "civilian").contains(Scope("killed", "civilian", party="armenia"))
    True
    """

    outcome: str = "killed"
    category: str = ROOT
    party: str = ROOT
    perpetrator: str = ROOT
    region: str = ROOT
    trees: InitVar[ScopeTrees | None] = None

    def __post_init__(self, trees: ScopeTrees | None) -> None:
        chosen = trees if trees is not None else default_trees()
        for dimension in DIMENSIONS:
            object.__setattr__(self, dimension, chosen[dimension].resolve(getattr(self, dimension)))

    @classmethod
    def parse(cls, text: str, trees: ScopeTrees | None = None) -> Scope:
        """Read ``"killed/civilian/party=azerbaijan/region=ganja"``.

        Parts are separated by ``/``; a bare part is the outcome if it names one, otherwise the
        category; ``dimension=term`` names any dimension. This is the form ``str(scope)`` writes.

        Examples
        --------
        >>> Scope.parse("wounded/civilian/party=nagorno-karabakh")
        Scope(outcome='wounded', category='civilian', party='nagorno-karabakh')
        >>> Scope.parse("killed") == Scope()
        True
        """
        chosen = trees if trees is not None else default_trees()
        values: dict[str, str] = {}
        dimension: str
        for raw in str(text).split("/"):
            part = raw.strip()
            if not part:
                continue
            if "=" in part:
                key, _, term = part.partition("=")
                dimension = normalise_term(key)
                if dimension not in DIMENSIONS:
                    raise UnknownTermError("dimension", key.strip(), DIMENSIONS)
            elif "outcome" not in values and part in chosen["outcome"]:
                dimension, term = "outcome", part
            elif "category" not in values:
                dimension, term = "category", part
            else:
                raise ScopeError(
                    f"cannot place {part!r} in scope {text!r}: write it as dimension=term",
                    term=part,
                )
            if dimension in values:
                raise ScopeError(
                    f"scope {text!r} names {dimension!r} twice", dimension=dimension, term=text
                )
            values[dimension] = term
        return cls(**values, trees=chosen)

    def __str__(self) -> str:
        parts = [self.outcome]
        if self.category != ROOT:
            parts.append(self.category)
        parts.extend(
            f"{d}={getattr(self, d)}"
            for d in ("party", "perpetrator", "region")
            if getattr(self, d) != ROOT
        )
        return "/".join(parts)

    def __repr__(self) -> str:
        shown = [f"outcome={self.outcome!r}"]
        shown.extend(
            f"{d}={getattr(self, d)!r}" for d in DIMENSIONS[1:] if getattr(self, d) != ROOT
        )
        return f"Scope({', '.join(shown)})"

    def as_dict(self) -> dict[str, str]:
        """The five terms, keyed by dimension."""
        return {d: getattr(self, d) for d in DIMENSIONS}

    def evolve(self, trees: ScopeTrees | None = None, **changes: str) -> Scope:
        """A copy with some terms changed.

        Examples
        --------
        >>> Scope(category="civilian").evolve(region="barda")
        Scope(outcome='killed', category='civilian', region='barda')
        """
        return Scope(**(self.as_dict() | changes), trees=trees)

    def contains(self, other: Scope, trees: ScopeTrees | None = None) -> bool:
        """True when every person ``other`` counts is also counted by this scope."""
        chosen = trees if trees is not None else default_trees()
        return all(chosen[d].is_within(getattr(other, d), getattr(self, d)) for d in DIMENSIONS)

    def is_within(self, other: Scope, trees: ScopeTrees | None = None) -> bool:
        """True when this scope is ``other`` or a sub-scope of it."""
        return other.contains(self, trees)

    def disjoint(self, other: Scope, trees: ScopeTrees | None = None) -> bool:
        """True when no person can be counted by both scopes.

        Two scopes are disjoint when, in some dimension, neither term lies within the other
        (civilians of Azerbaijan and civilians of Nagorno-Karabakh; killed and wounded).
        """
        chosen = trees if trees is not None else default_trees()
        return any(chosen[d].disjoint(getattr(self, d), getattr(other, d)) for d in DIMENSIONS)

    def ancestors(self, trees: ScopeTrees | None = None) -> tuple[Scope, ...]:
        """Every scope of the same outcome that contains this one (itself first), in every
        combination of dimension ancestors. Outcomes are never added up, so the outcome stays.

        Examples
        --------
        >>> len(Scope("killed", "civilian", party="azerbaijan").ancestors())
        6
        """
        chosen = trees if trees is not None else default_trees()
        chains: list[tuple[str, ...]] = [(self.outcome,)]
        chains += [chosen[d].ancestors(getattr(self, d)) for d in DIMENSIONS[1:]]
        return tuple(
            Scope(**dict(zip(DIMENSIONS, combo, strict=True)), trees=chosen)
            for combo in product(*chains)
        )
