"""Random reconciliation instances with a hidden ground truth, for property tests.

An :class:`Instance` holds small scope trees, a hidden truth (a count per cell and day, plus
disjoint incidents carved out of it) and claims about it. :func:`instances` draws claims that
are *true* intervals around the truth (so a sound engine must return ranges containing it and
find no conflict); ``lies=True`` adds false claims too. :func:`brute_force_bounds` enumerates
every assignment of a tiny instance, the independent reference the LP is checked against.

A *cell* is a leaf of the product of the four dimension trees, where a non-exhaustive node also
has a leaf of its own (the people of the node in none of its children).

>>> from hypothesis import given, settings
>>> @settings(max_examples=3, database=None)
... @given(instances())
... def check(instance):
...     assert all(c.low <= instance.value(c) for c in instance.constraints)
>>> check()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from typing import Any, Final

import numpy as np
import pandas as pd
from hypothesis import strategies as st

from karabakh_tolls.claims import ClaimKind as Kind
from karabakh_tolls.errors import OptionError
from karabakh_tolls.scopes import ScopeTrees
from karabakh_tolls.wars import War

__all__ = [
    "TERM_DIMENSIONS",
    "Constraint",
    "Instance",
    "Target",
    "Terms",
    "brute_force_bounds",
    "cells_of",
    "instances",
    "small_trees",
    "tiny_trees",
    "to_frame",
]


TERM_DIMENSIONS: Final = ("category", "party", "perpetrator", "region")
Terms = tuple[str, str, str, str]
"""A scope without its outcome: (category, party, perpetrator, region) node ids."""


@dataclass(frozen=True, slots=True)
class Constraint:
    """One drawn claim, as a plain record: ``low <= count(terms, since..as_of) <= high``
    (``high=None``: open; ``partial``: only the low holds; an incident counts ``event``'s
    people on ``as_of``)."""

    id: str
    outcome: str
    terms: Terms
    low: int
    high: int | None
    since: dt.date
    as_of: dt.date
    kind: Kind = Kind.CUMULATIVE
    partial: bool = False
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """What to bound, as a plain record: ``sum(coefficient x count(terms))`` over
    ``since..as_of``."""

    outcome: str
    boxes: tuple[tuple[int, Terms], ...]
    as_of: dt.date
    since: dt.date

    @classmethod
    def of(
        cls,
        terms: Terms,
        as_of: dt.date,
        *,
        since: dt.date,
        outcome: str = "killed",
        minus: Sequence[Terms] = (),
        plus: Sequence[Terms] = (),
    ) -> Target:
        """``count(terms) + sum(count(plus)) - sum(count(minus))``."""
        boxes = [
            (1, tuple(terms)),
            *((1, tuple(t)) for t in plus),
            *((-1, tuple(t)) for t in minus),
        ]
        return cls(outcome, tuple(boxes), as_of, since)  # type: ignore[arg-type]


@cache
def small_trees() -> ScopeTrees:
    """Trees small enough for thousands of examples, with exhaustive and open nodes.

    category: all = civilian + military (exhaustive); party: all = east + west (exhaustive),
    east ⊃ e1, e2 (not exhaustive); region: all ⊃ north, south (not exhaustive); perpetrator:
    only all. Outcomes killed (cumulative) and displaced (a stock).
    """
    return ScopeTrees.from_dict(
        {
            "outcome": {
                "cumulative": ["killed"],
                "nodes": {"all": {"children": ["killed", "displaced"]}},
            },
            "category": {
                "nodes": {"all": {"children": ["civilian", "military"], "exhaustive": True}}
            },
            "party": {
                "nodes": {
                    "all": {"children": ["east", "west"], "exhaustive": True},
                    "east": {"children": ["e1", "e2"]},
                }
            },
            "perpetrator": {"nodes": {}},
            "region": {"nodes": {"all": {"children": ["north", "south"]}}},
        }
    )


@cache
def tiny_trees() -> ScopeTrees:
    """Four cells: category all = civilian + military; party all ⊃ a (not exhaustive)."""
    return ScopeTrees.from_dict(
        {
            "outcome": {"cumulative": ["killed"], "nodes": {"all": {"children": ["killed"]}}},
            "category": {
                "nodes": {"all": {"children": ["civilian", "military"], "exhaustive": True}}
            },
            "party": {"nodes": {"all": {"children": ["a"]}}},
            "perpetrator": {"nodes": {}},
            "region": {"nodes": {}},
        }
    )


def cells_of(trees: ScopeTrees) -> list[Terms]:
    """Every cell: per dimension a leaf, or a non-exhaustive node standing for its remainder."""
    per_dimension = []
    for dimension in TERM_DIMENSIONS:
        tree = trees[dimension]
        per_dimension.append(
            [n for n in tree.nodes if not tree.children[n] or n not in tree.exhaustive]
        )
    return [tuple(cell) for cell in product(*per_dimension)]  # type: ignore[misc]


def _nodes(trees: ScopeTrees) -> list[Terms]:
    return [
        tuple(combo)  # type: ignore[misc]
        for combo in product(*(trees[d].nodes for d in TERM_DIMENSIONS))
    ]


@dataclass(frozen=True)
class Instance:
    """Trees, a hidden truth and claims about it (see the module docstring)."""

    trees: ScopeTrees
    days: tuple[dt.date, ...]
    truth: np.ndarray
    """Count per (cell, day) of the cumulative outcome ``killed``."""
    events: dict[str, tuple[int, np.ndarray]] = field(default_factory=dict)
    """Per event: the day index and its people per cell (a part of ``truth`` on that day)."""
    constraints: tuple[Constraint, ...] = ()
    lies: tuple[str, ...] = ()
    """Ids of claims drawn false on purpose."""

    @property
    def cells(self) -> list[Terms]:
        return cells_of(self.trees)

    @property
    def start(self) -> dt.date:
        """The first day of the instance's war."""
        return self.days[0]

    @property
    def war(self) -> War:
        """The instance's war: it starts on the first day and reads the instance's trees."""
        return War(
            f"instance-{self.start.isoformat()}", "A random war", self.start, trees=self.trees
        )

    def inside(self, terms: Terms) -> np.ndarray:
        """Which cells lie inside a scope."""
        return np.array(
            [
                all(
                    self.trees[d].is_within(cell[i], terms[i])
                    for i, d in enumerate(TERM_DIMENSIONS)
                )
                for cell in self.cells
            ],
            dtype=bool,
        )

    def count(self, terms: Terms, since: dt.date, as_of: dt.date) -> int:
        """The true count of a scope over the days ``since..as_of``."""
        days = np.array([since <= d <= as_of for d in self.days], dtype=bool)
        return int(self.truth[np.ix_(self.inside(terms), days)].sum())

    def value(self, c: Constraint) -> int:
        """The true value of what a constraint speaks about."""
        if c.kind is Kind.INCIDENT:
            _, people = self.events[str(c.event)]
            return int(people[self.inside(c.terms)].sum())
        return self.count(c.terms, c.since, c.as_of)

    def target_value(self, target: Target) -> int:
        """The true value of a target."""
        return sum(
            coefficient * self.count(terms, target.since, target.as_of)
            for coefficient, terms in target.boxes
        )


def to_frame(instance: Instance, constraints: Sequence[Constraint] | None = None) -> pd.DataFrame:
    """The constraints as a claim table of the instance's war (for
    ``ClaimSet.from_frame(..., wars=[instance.war])``)."""
    rows = []
    for c in instance.constraints if constraints is None else constraints:
        rows.append(
            {
                "claim_id": c.id,
                "war": instance.war.id,
                "low": c.low,
                "high": c.high,
                "outcome": c.outcome,
                **dict(zip(TERM_DIMENSIONS, c.terms, strict=True)),
                "kind": c.kind.value,
                "since": c.since.isoformat(),
                "as_of": c.as_of.isoformat(),
                "event": c.event,
                "coverage": "partial" if c.partial else "complete",
                "source": f"s-{c.id}",
                "source_name": f"Source {c.id}",
                "document": "synthetic",
            }
        )
    return pd.DataFrame(rows)


@st.composite
def _truth(draw: Any, trees: ScopeTrees, n_days: int, max_count: int) -> np.ndarray:
    n_cells = len(cells_of(trees))
    values = draw(
        st.lists(st.integers(0, max_count), min_size=n_cells * n_days, max_size=n_cells * n_days)
    )
    return np.array(values, dtype=np.int64).reshape(n_cells, n_days)


@st.composite
def instances(
    draw: Any,
    trees: ScopeTrees | None = None,
    *,
    n_days: int = 4,
    max_claims: int = 8,
    max_count: int = 3,
    incidents: bool = True,
    lies: bool = False,
    start: dt.date | None = None,
) -> Instance:
    """An :class:`Instance` whose claims are true intervals around a hidden truth.

    Kinds drawn: cumulative totals (since the war's start), increments, partial totals (lower
    bounds) and, with ``incidents=True``, incident tolls of disjoint events carved from the
    truth. With ``lies=True`` some claims are false intervals (their ids in ``Instance.lies``).
    The war starts on ``start``, by default a random day between 1900 and 2030, so nothing
    can lean on one war's dates.
    """
    chosen = trees if trees is not None else small_trees()
    first = (
        start
        if start is not None
        else draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31)))
    )
    days = tuple(first + dt.timedelta(days=i) for i in range(n_days))
    truth = draw(_truth(chosen, n_days, max_count))
    nodes = _nodes(chosen)
    instance = Instance(chosen, days, truth)
    # incidents: disjoint parts of one day's counts
    events: dict[str, tuple[int, np.ndarray]] = {}
    if incidents:
        remaining = truth.copy()
        for e in range(draw(st.integers(0, 2))):
            day = draw(st.integers(0, n_days - 1))
            share = np.array(
                [draw(st.integers(0, int(v))) for v in remaining[:, day]], dtype=np.int64
            )
            remaining[:, day] -= share
            events[f"e{e}"] = (day, share)
    instance = Instance(chosen, days, truth, events)
    out: list[Constraint] = []
    false_ids: list[str] = []
    for k in range(draw(st.integers(1, max_claims))):
        cid = f"k{k:02d}"
        terms = draw(st.sampled_from(nodes))
        kind = draw(
            st.sampled_from(
                [Kind.CUMULATIVE, Kind.CUMULATIVE, Kind.INCREMENT]
                + ([Kind.INCIDENT] if events else [])
            )
        )
        end = draw(st.integers(0, n_days - 1))
        since, event = first, None
        if kind is Kind.INCREMENT:
            since = days[draw(st.integers(0, end))]
        if kind is Kind.INCIDENT:
            event = draw(st.sampled_from(sorted(events)))
            end = events[event][0]
            since = days[end]
        c = Constraint(cid, "killed", terms, 0, None, since, days[end], kind, False, event)
        true = instance.value(c)
        partial = draw(st.booleans()) and kind is not Kind.INCIDENT
        below = draw(st.integers(0, 2))
        above = draw(st.one_of(st.none(), st.integers(0, 2)))
        low, high = max(true - below, 0), (None if above is None else true + above)
        if partial:
            # a partial count sees only part of the scope
            low, high = draw(st.integers(0, true)), None
        if lies and draw(st.integers(0, 5)) == 0:
            low = true + draw(st.integers(1, 3))
            high = low + draw(st.integers(0, 2))
            partial = False
            false_ids.append(cid)
        out.append(
            Constraint(cid, "killed", terms, low, high, since, days[end], kind, partial, event)
        )
    return Instance(chosen, days, truth, events, tuple(out), tuple(false_ids))


@cache
def _grid(cap: int, n: int) -> np.ndarray:
    """Every vector of ``n`` counts in ``0..cap`` (one row each)."""
    axes = np.meshgrid(*([np.arange(cap + 1, dtype=np.int64)] * n), indexing="ij")
    return np.stack([a.reshape(-1) for a in axes], axis=1)


def brute_force_bounds(
    trees: ScopeTrees,
    days: Sequence[dt.date],
    constraints: Sequence[Constraint],
    target: Target,
    cap: int,
) -> tuple[int, int] | None:
    """Least and greatest target over every truth with counts ``0..cap`` per cell and day.

    Exact for the model when every count is at most ``cap`` anyway (e.g. a claim bounds the
    grand total by ``cap``). Cumulative, increment and partial claims only (no incidents).
    ``None`` when no assignment satisfies every claim.
    """
    cells = cells_of(trees)
    n = len(cells) * len(days)
    grid = _grid(cap, n)
    probe = Instance(trees, tuple(days), np.zeros((len(cells), len(days)), dtype=np.int64))

    def vector(terms: Terms, since: dt.date, as_of: dt.date) -> np.ndarray:
        cells_in = probe.inside(terms)
        days_in = np.array([since <= d <= as_of for d in days], dtype=bool)
        return np.outer(cells_in, days_in).reshape(-1).astype(np.int64)

    ok = np.ones(len(grid), dtype=bool)
    for c in constraints:
        if c.kind is Kind.INCIDENT:
            raise OptionError(
                "constraints", c.id, (), "brute_force_bounds does not model incidents"
            )
        sums = grid @ vector(c.terms, c.since, c.as_of)
        ok &= sums >= c.low
        if c.high is not None and not c.partial:
            ok &= sums <= c.high
    if not ok.any():
        return None
    objective = sum(
        coefficient * vector(terms, target.since, target.as_of)
        for coefficient, terms in target.boxes
    )
    values = grid[ok] @ np.asarray(objective)
    return int(values.min()), int(values.max())
