"""Synthetic claim sets with a known truth, for tests and benchmarks.

Three generators, each deterministic per seed:

* :func:`generate`: one war of 45 days (the bundled 2020 war by default);
* :func:`generate_wars`: many wars of very different sizes, as in a global conflict dataset,
  and :func:`write_wars`, which streams such a set into a folder of Parquet files;
* :func:`peers_workload`: the workload that truth-discovery methods are compared on (objects
  with a few disagreeing claims each), as a plain table and as a claim set.

:func:`generate` draws a hidden ground truth that obeys the model of the reconciliation engine
(a non-negative count per leaf cell of category x party x perpetrator x region and per day of a
45-day war, separately per outcome; killed, wounded and missing accumulate, displaced is a
stock), then claims about it from sources of several kinds and affiliations: exact figures,
"at least", "up to", ranges and partial counts, all **true** (each interval contains the true
count of its scope and date), plus incidents and increments. ``conflicts=k`` plants ``k`` false
claims, each beside a true exact claim about the same scope and date, so that each planted claim
provably conflicts; their ids are in ``Truth.planted``.

Everything is built column by column with numpy and validated once by
:meth:`~karabakh_tolls.claims.ClaimSet.from_frame`, so a million claims take seconds.

>>> claims, truth = generate(200, seed=1, conflicts=2)
>>> len(claims), len(truth.planted)
(202, 2)
>>> int((~truth.contains(claims.frame)).sum())  # only the planted claims are false
2
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import FolderNotEmptyError, GeneratorError, UnknownTermError, WarError
from karabakh_tolls.figures import Figure
from karabakh_tolls.scopes import (
    DIMENSIONS,
    ROOT,
    Scope,
    ScopeTree,
    ScopeTrees,
    default_trees,
    generic_trees,
)
from karabakh_tolls.testing.workloads import disagreement_workload
from karabakh_tolls.wars import War, default_war

__all__ = [
    "FIRST_DAY",
    "HORIZON",
    "PEERS_WAR",
    "PeersWorkload",
    "Truth",
    "WarsTruth",
    "gazetteer",
    "generate",
    "generate_wars",
    "peers_workload",
    "read_wars",
    "write_wars",
]

WAR_DAYS: Final = 45
_TERM_DIMS: Final = DIMENSIONS[1:]
_OUTCOMES: Final = ("killed", "wounded", "missing", "displaced")
_OUTCOME_P: Final = (0.6, 0.25, 0.05, 0.10)
_SOURCES: Final = (
    # id, name, kind, affiliation
    ("az-mod", "Azerbaijan Ministry of Defence", "government", "azerbaijan"),
    ("az-prosecutor", "Prosecutor General of Azerbaijan", "government", "azerbaijan"),
    ("az-ombudsman", "Azerbaijan Ombudsman", "government", "azerbaijan"),
    ("am-mod", "Armenia Ministry of Defence", "government", "armenia"),
    ("nk-mod", "Nagorno-Karabakh Defence Army", "de-facto-authority", "nagorno-karabakh"),
    ("nk-ombudsman", "Nagorno-Karabakh Ombudsman", "de-facto-authority", "nagorno-karabakh"),
    ("ru-gov", "Russian government", "government", "russia"),
    ("tr-gov", "Turkish government", "government", "turkey"),
    ("amnesty", "Amnesty International", "ngo", "independent"),
    ("hrw", "Human Rights Watch", "ngo", "independent"),
    ("icrc", "ICRC", "intergovernmental", "independent"),
    ("unhcr", "UNHCR", "intergovernmental", "independent"),
    ("reuters", "Reuters", "media", "independent"),
    ("afp", "AFP", "media", "independent"),
    ("bbc", "BBC", "media", "independent"),
    ("eurasianet", "Eurasianet", "media", "independent"),
)


def gazetteer(trees: ScopeTrees | None = None, *, extra_regions: int = 0) -> ScopeTrees:
    """The default trees, with ``extra_regions`` generated places spread under the countries.

    >>> len(gazetteer(extra_regions=100)["region"]) - len(default_trees()["region"])
    100
    """
    chosen = trees if trees is not None else default_trees()
    if extra_regions <= 0:
        return chosen
    region = chosen["region"]
    mapping = {node: list(kids) for node, kids in region.children.items()}
    countries = list(region.children[ROOT])
    for i in range(extra_regions):
        parent = countries[i % len(countries)]
        mapping[parent].append(f"place-{i:05d}")
    tree = type(region).from_mapping(
        "region",
        mapping,
        exhaustive=region.exhaustive,
        aliases=region.aliases,
        description=region.description,
    )
    return chosen.replace("region", tree)


@dataclass(frozen=True, slots=True)
class _Dim:
    nodes: tuple[str, ...]
    leaves: npt.NDArray[np.int64]  # node indices that are leaves
    member: npt.NDArray[np.float64]  # nodes x leaves: 1 when the leaf lies under the node
    depth: npt.NDArray[np.int64]


def _dim(trees: ScopeTrees, dimension: str) -> _Dim:
    tree = trees[dimension]
    nodes = tree.nodes
    leaves = [i for i, n in enumerate(nodes) if not tree.children[n]]
    member = np.zeros((len(nodes), len(leaves)))
    for j, leaf in enumerate(leaves):
        for anc in tree.ancestors(nodes[leaf]):
            member[nodes.index(anc), j] = 1.0
    depth = np.array([tree.depth(n) for n in nodes], dtype=np.int64)
    return _Dim(nodes, np.array(leaves, dtype=np.int64), member, depth)


@dataclass(frozen=True)
class Truth:
    """The hidden ground truth behind a synthetic claim set.

    ``counts[outcome]`` is an integer array indexed ``[category, party, perpetrator, region,
    day]`` by node position in each tree (``trees[d].nodes``) and day since the war's start:
    the cumulative count (killed, wounded, missing) or the stock (displaced) of that scope on
    that day. ``planted`` names the claims made false on purpose; ``claim_truth`` maps every
    claim id to the true value of what it counts.
    """

    trees: ScopeTrees
    counts: dict[str, npt.NDArray[np.int64]]
    planted: tuple[str, ...]
    claim_truth: pd.Series
    start: dt.date
    """The war's start: day 0 of ``counts``."""

    def value(
        self,
        outcome: str,
        category: str,
        party: str,
        perpetrator: str,
        region: str,
        as_of: dt.date | str,
    ) -> int:
        """The true count of one scope on one day (0 before the war).

        >>> claims, truth = generate(50, seed=3)
        >>> truth.value("killed", "all", "all", "all", "all", "2020-11-10") >= 0
        True
        """
        day = (pd.Timestamp(as_of).date() - self.start).days
        if day < 0:
            return 0
        day = min(day, next(iter(self.counts.values())).shape[-1] - 1)
        index = [
            self.trees[d].nodes.index(self.trees[d].resolve(t))
            for d, t in zip(_TERM_DIMS, (category, party, perpetrator, region), strict=True)
        ]
        return int(self.counts[outcome][(*index, day)])

    def values(self, keys: pd.DataFrame) -> npt.NDArray[np.int64]:
        """True counts for a frame of keys (columns outcome, the four dimensions, as_of)."""
        out = np.zeros(len(keys), dtype=np.int64)
        day = (
            keys["as_of"].to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
            - np.datetime64(self.start, "D")
        ).astype(np.int64)
        clipped = np.clip(day, 0, next(iter(self.counts.values())).shape[-1] - 1)
        index = []
        for d in _TERM_DIMS:
            lookup = {n: i for i, n in enumerate(self.trees[d].nodes)}
            index.append(keys[d].map(lookup).to_numpy(dtype=np.int64))
        for outcome, counts in self.counts.items():
            mask = (keys["outcome"] == outcome).to_numpy(dtype=bool)
            picked = counts[(*tuple(i[mask] for i in index), clipped[mask])]
            out[mask] = np.where(day[mask] < 0, 0, picked)
        return out

    def contains(self, frame: pd.DataFrame) -> pd.Series:
        """Whether each claim of a claim table contains the truth of what it counts."""
        value = self.claim_truth.reindex(frame["claim_id"].to_numpy()).to_numpy()
        low = frame["low"].to_numpy(dtype=np.int64)
        high = frame["high"].to_numpy(dtype=np.float64, na_value=np.inf)
        partial = (frame["coverage"] == "partial").to_numpy(dtype=bool)
        incident = (frame["kind"] == "incident").to_numpy(dtype=bool)
        ok = (low <= value) & ((value <= high) | partial | incident)
        return pd.Series(ok, index=frame.index, name="contains_truth")


def _truth(
    rng: np.random.Generator, dims: list[_Dim], scale: float, n_days: int
) -> tuple[dict[str, npt.NDArray[np.int64]], dict[str, npt.NDArray[np.int64]]]:
    """Daily counts per leaf cell, aggregated to every node combination and day.

    Returns (per outcome: totals by node and day; per outcome: daily counts by node and day).
    """
    shape = tuple(len(d.leaves) for d in dims)
    totals: dict[str, npt.NDArray[np.int64]] = {}
    daily: dict[str, npt.NDArray[np.int64]] = {}
    intensity = np.sin(np.linspace(0.3, np.pi - 0.3, n_days)) + 0.2
    for outcome, rate in zip(_OUTCOMES, (1.0, 2.5, 0.1, 40.0), strict=True):
        hot = rng.random(shape) < 0.08  # most cells see nothing
        base = rng.gamma(0.6, scale * rate, size=shape) * hot
        cells = rng.poisson(base[..., None] * intensity[None, None, None, None, :])
        if outcome == "displaced":
            flow = cells.astype(np.int64) - rng.poisson(0.3 * cells)
            cells = np.maximum(np.cumsum(flow, axis=-1), 0)
        agg = cells.astype(np.float64)
        for axis, d in enumerate(dims):
            agg = np.moveaxis(np.tensordot(d.member, agg, axes=([1], [axis])), 0, axis)
        day_counts = np.rint(agg).astype(np.int64)
        daily[outcome] = day_counts
        totals[outcome] = day_counts if outcome == "displaced" else np.cumsum(day_counts, -1)
    return totals, daily


def _pick_nodes(rng: np.random.Generator, d: _Dim, n: int, deep: float) -> npt.NDArray[np.int64]:
    """Node positions, shallow nodes more likely than deep ones (``deep`` tilts the other way)."""
    weight = np.exp(deep * d.depth.astype(float)) / np.bincount(d.depth)[d.depth]
    return rng.choice(len(d.nodes), size=n, p=weight / weight.sum())


def generate(
    n_claims: int,
    *,
    seed: int,
    conflicts: int = 0,
    trees: ScopeTrees | None = None,
    war: War | None = None,
    extra_regions: int = 0,
    incident_share: float = 0.05,
    increment_share: float = 0.05,
    scale: float = 3.0,
) -> tuple[ClaimSet, Truth]:
    """A claim set of ``n_claims`` true claims plus ``conflicts`` planted false ones.

    Parameters
    ----------
    n_claims:
        Number of true claims (the set holds ``n_claims + conflicts`` rows).
    seed:
        Seed of the random generator: equal arguments give equal claim sets.
    conflicts:
        Number of planted false claims, each next to a true exact claim of the same scope and
        date that it contradicts (``Truth.planted`` names them).
    trees, extra_regions:
        Scope trees (default: the war's), optionally with a larger generated gazetteer.
    war:
        The war the claims are about (default: the bundled 2020 war); its start is day 0.
    incident_share, increment_share:
        Shares of the true claims that are incidents (one event per region and day, its toll
        at most that place's count that day) and increments.
    scale:
        Mean daily count of an active cell.

    Returns
    -------
    (ClaimSet, Truth)
    """
    if n_claims < 1:
        raise GeneratorError(f"n_claims={n_claims} must be at least 1")
    if conflicts < 0 or conflicts > n_claims:
        raise GeneratorError(f"conflicts={conflicts} must be between 0 and n_claims={n_claims}")
    if not 0 <= incident_share + increment_share <= 1:
        raise GeneratorError(
            f"incident_share={incident_share} + increment_share={increment_share} must be in [0, 1]"
        )
    rng = np.random.default_rng(seed)
    base_war = war if war is not None else default_war()
    chosen = gazetteer(trees if trees is not None else base_war.trees, extra_regions=extra_regions)
    the_war = base_war if chosen is base_war.trees else base_war.evolve(trees=chosen)
    start = np.datetime64(the_war.start, "D")
    span_days = WAR_DAYS if the_war.end is None else (the_war.end - the_war.start).days + 1
    n_days = min(WAR_DAYS, span_days)
    dims = [_dim(chosen, d) for d in _TERM_DIMS]
    totals, daily = _truth(rng, dims, scale, n_days)

    n = n_claims
    outcome_i = rng.choice(len(_OUTCOMES), size=n, p=_OUTCOME_P)
    nodes = [
        _pick_nodes(rng, d, n, deep) for d, deep in zip(dims, (0.5, 0.5, 0.0, 1.0), strict=True)
    ]
    day = rng.integers(0, n_days, size=n)
    kind = np.full(n, "cumulative", dtype=object)
    roll = rng.random(n)
    stock = outcome_i == _OUTCOMES.index("displaced")
    is_incident = (roll < incident_share) & ~stock
    is_increment = (
        (roll >= incident_share) & (roll < incident_share + increment_share) & ~stock & (day >= 1)
    )
    kind[is_incident] = "incident"
    kind[is_increment] = "increment"
    since_day = np.zeros(n, dtype=np.int64)
    span = rng.integers(1, 8, size=n)
    since_day[is_increment] = np.maximum(day[is_increment] - span[is_increment] + 1, 1)
    since_day[is_incident] = day[is_incident]

    value = np.zeros(n, dtype=np.int64)
    for o, outcome in enumerate(_OUTCOMES):
        sel = outcome_i == o
        idx = tuple(k[sel] for k in nodes)
        value[sel] = totals[outcome][(*idx, day[sel])]
        inc = sel & is_increment
        idx_inc = tuple(k[inc] for k in nodes)
        value[inc] = (
            totals[outcome][(*idx_inc, day[inc])] - totals[outcome][(*idx_inc, since_day[inc] - 1)]
        )
    # incidents: one event per (outcome, region leaf, day); scope = that place, every party
    event = np.full(n, None, dtype=object)
    if is_incident.any():
        region = dims[3]
        leaf = region.leaves[rng.integers(0, len(region.leaves), size=int(is_incident.sum()))]
        rows = np.flatnonzero(is_incident)
        for k in range(3):
            nodes[k][rows] = 0
        nodes[3][rows] = leaf
        toll = np.zeros(len(rows), dtype=np.int64)
        for o, outcome in enumerate(_OUTCOMES):
            sel = outcome_i[rows] == o
            toll[sel] = daily[outcome][0, 0, 0, leaf[sel], day[rows][sel]]
        value[rows] = toll
        names = np.array(region.nodes, dtype=object)[leaf]
        dates = (start + day[rows]).astype(str)
        outcomes = np.array(_OUTCOMES, dtype=object)[outcome_i[rows]]
        event[rows] = outcomes + "-" + names + "-" + dates.astype(object)

    # hedged intervals that contain the truth
    low = value.copy()
    high = value.astype(np.float64)
    hedge = np.full(n, "exact", dtype=object)
    coverage = np.full(n, "complete", dtype=object)
    h = rng.random(n)
    at_least = (h >= 0.35) & (h < 0.55)
    low[at_least] = (value[at_least] * rng.uniform(0.6, 1.0, int(at_least.sum()))).astype(np.int64)
    high[at_least] = np.nan
    hedge[at_least] = "at-least"
    at_most = (h >= 0.55) & (h < 0.65) & ~is_incident
    low[at_most] = 0
    high[at_most] = np.ceil(value[at_most] * rng.uniform(1.0, 1.6, int(at_most.sum())))
    hedge[at_most] = "at-most"
    ranged = (h >= 0.65) & (h < 0.92) & ~is_incident
    width = rng.uniform(0.0, 0.2, n)
    low[ranged] = np.floor(value[ranged] * (1 - width[ranged])).astype(np.int64)
    high[ranged] = np.ceil(value[ranged] * (1 + width[ranged]))
    hedge[ranged] = "range"
    partial = (h >= 0.92) & ~is_incident
    low[partial] = (value[partial] * rng.uniform(0.2, 1.0, int(partial.sum()))).astype(np.int64)
    high[partial] = low[partial]
    coverage[partial] = "partial"
    if is_incident.any():  # incidents: exact or "at least"
        ex = is_incident & ~at_least
        high[ex] = value[ex]
        hedge[ex] = "exact"
    hedge[(hedge == "range") & (low.astype(float) == high)] = "exact"

    # sources: partisan ones speak mostly about their own side
    source_i = rng.integers(0, len(_SOURCES), size=n)
    truth_value = value

    # planted conflicts: a true exact claim and a false one about the same scope and date
    planted_rows = np.zeros(0, dtype=np.int64)
    if conflicts:
        candidates = np.flatnonzero((kind == "cumulative") & (coverage == "complete"))
        planted_rows = rng.choice(candidates, size=min(conflicts, len(candidates)), replace=False)
        low[planted_rows] = value[planted_rows]
        high[planted_rows] = value[planted_rows]
        hedge[planted_rows] = "exact"

    ids = np.char.add("s", np.char.zfill(np.arange(n).astype(str), 7)).astype(object)
    frame = pd.DataFrame(
        {
            "claim_id": ids,
            "low": low,
            "high": pd.array(np.where(np.isnan(high), 0, high).astype(np.int64), dtype="Int64"),
            "hedge": hedge,
            "outcome": np.array(_OUTCOMES, dtype=object)[outcome_i],
        }
    )
    frame.loc[np.isnan(high), "high"] = pd.NA
    for k, d in enumerate(_TERM_DIMS):
        frame[d] = np.array(dims[k].nodes, dtype=object)[nodes[k]]
    epoch = start
    frame["war"] = the_war.id
    frame["kind"] = kind
    frame["since"] = (epoch + since_day).astype("datetime64[s]")
    frame["as_of"] = (epoch + day).astype("datetime64[s]")
    frame["event"] = event
    frame["coverage"] = coverage
    src = np.array(_SOURCES, dtype=object)
    frame["source"] = src[source_i, 0]
    frame["source_name"] = src[source_i, 1]
    frame["source_kind"] = src[source_i, 2]
    frame["source_affiliation"] = src[source_i, 3]
    frame["document"] = np.char.add("doc-", (np.arange(n) // 7).astype(str)).astype(object)
    frame["published"] = (epoch + day + rng.integers(0, 4, size=n)).astype("datetime64[s]")
    claim_truth = pd.Series(truth_value, index=ids, name="truth")

    planted_ids: list[str] = []
    if len(planted_rows):
        fake = frame.iloc[planted_rows].copy()
        wrong = np.where(value[planted_rows] > 3, value[planted_rows] // 2, value[planted_rows] + 5)
        fake["low"] = pd.array(wrong, dtype="Int64")
        fake["high"] = pd.array(wrong, dtype="Int64")
        fake["claim_id"] = [f"p{i:07d}" for i in range(len(planted_rows))]
        fake["source"] = "partisan-fabricator"
        fake["source_name"] = "A partisan outlet"
        fake["source_kind"] = "media"
        fake["source_affiliation"] = np.where(
            frame["party"].iloc[planted_rows].str.contains("azerbaijan").to_numpy(),
            "armenia",
            "azerbaijan",
        )
        planted_ids = list(fake["claim_id"])
        claim_truth = pd.concat(
            [claim_truth, pd.Series(value[planted_rows], index=planted_ids, name="truth")]
        )
        frame = pd.concat([frame, fake], ignore_index=True)
    claims = ClaimSet.from_frame(frame, wars=[the_war])
    return claims, Truth(chosen, totals, tuple(planted_ids), claim_truth, the_war.start)


# ==============================================================================================
# Many wars: generate_wars, write_wars, read_wars
# ==============================================================================================

FIRST_DAY: Final = dt.date(1946, 1, 1)
"""No war of :func:`generate_wars` starts before this day."""
HORIZON: Final = dt.date(2025, 12, 31)
"""No claim of :func:`generate_wars` holds or is published after this day."""

_WAR_OUTCOMES: Final = ("killed", "wounded", "missing", "displaced", "captured")
_WAR_OUTCOME_P: Final = (0.58, 0.2, 0.05, 0.12, 0.05)
_STOCKS: Final = frozenset({"displaced", "captured"})
_OUTCOME_SCALE: Final = (1.0, 2.2, 0.12, 25.0, 0.15)  # each outcome's total per person killed
_PHASES: Final = 4  # time profiles per outcome and war (fronts, offensives)
_MIN_WAR_CLAIMS: Final = 8
_CLAIM_DIGITS: Final = 7

_INDEPENDENT_SOURCES: Final = (
    # id, name, kind; affiliation "independent"; the same bodies speak about every war
    ("rights-monitor", "A human-rights monitor (synthetic)", "ngo"),
    ("relief-ngo", "A medical relief NGO (synthetic)", "ngo"),
    ("un-office", "A UN office (synthetic)", "intergovernmental"),
    ("refugee-agency", "A refugee agency (synthetic)", "intergovernmental"),
    ("wire-1", "A wire service (synthetic)", "media"),
    ("wire-2", "Another wire service (synthetic)", "media"),
    ("broadcaster", "An international broadcaster (synthetic)", "media"),
    ("event-dataset", "A conflict event dataset (synthetic)", "dataset"),
    ("survey-team", "A university survey team (synthetic)", "academic"),
)
_SIDE_PARTIES: Final = {
    "side-a": ("a-government", "a-army", "a-militia", "a-allies"),
    "side-b": ("b-rebels", "b-front", "b-militia", "b-allies"),
    "third-parties": ("peacekeepers", "foreign-forces"),
}
_STATE_WORDS: Final = ("government", "army", "peacekeepers", "foreign-forces")

# hedge vocabulary of generated figures, in the order of the codes used below
_H_EXACT, _H_AT_LEAST, _H_MORE, _H_AT_MOST, _H_FEWER, _H_NEARLY, _H_ABOUT, _H_RANGE, _H_VAGUE = (
    range(9)
)
_HEDGE_NAMES: Final = (
    "exact",
    "at-least",
    "more-than",
    "at-most",
    "fewer-than",
    "nearly",
    "approximate",
    "range",
    "vague",
)
_HEDGE_PREFIX: Final = ("", "at least ", "more than ", "up to ", "fewer than ", "nearly ", "about ")
_VAGUE_WORDS: Final = (
    "several",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
)
_MIX_TOTAL: Final = (0.30, 0.12, 0.06, 0.10, 0.03, 0.04, 0.10, 0.20, 0.05)
_MIX_INCIDENT: Final = (0.55, 0.20, 0.05, 0.0, 0.0, 0.0, 0.10, 0.10, 0.0)
_MIX_INCREMENT: Final = (0.50, 0.15, 0.10, 0.0, 0.0, 0.0, 0.10, 0.15, 0.0)


@cache
def _hedge_constants() -> tuple[Fraction, Fraction, tuple[tuple[str, int, int], ...]]:
    """The approximate tolerance, the "nearly" factor and the vague words' bounds, as the hedge
    table reads them (so generated text always parses back to the generated interval)."""
    million = 1_000_000
    about = Figure.parse(f"about {million}")
    nearly = Figure.parse(f"nearly {million}")
    tolerance = Fraction(million - about.low, million)
    factor = Fraction(nearly.low, million)
    vague = []
    for word in _VAGUE_WORDS:
        figure = Figure.parse(word)
        if figure.high is not None:
            vague.append((word, figure.low, figure.high))
    return tolerance, factor, tuple(vague)


@dataclass(frozen=True, slots=True, eq=False)
class _Grid:
    """One dimension of one war: its nodes and the hidden cells under each node.

    The cells are the tree's leaves plus one "rest" cell under every non-exhaustive inner node
    (the people of that node that none of its children names).
    """

    nodes: tuple[str, ...]
    member: npt.NDArray[np.float64]  # nodes x cells: 1 when the cell lies under the node
    depth: npt.NDArray[np.int64]
    parent: npt.NDArray[np.int64]  # node position of each node's parent, -1 for the root
    leaves: npt.NDArray[np.int64]  # node positions of the tree's leaves
    top: npt.NDArray[np.int64]  # per cell: its ancestor at depth 1 (-1 for the root's rest)

    @property
    def n_cells(self) -> int:
        return int(self.member.shape[1])


def _grid(tree: ScopeTree) -> _Grid:
    nodes = tree.nodes
    pos = {n: i for i, n in enumerate(nodes)}
    cells = [n for n in nodes if not tree.children[n] or n not in tree.exhaustive]
    member = np.zeros((len(nodes), len(cells)))
    top = np.full(len(cells), -1, dtype=np.int64)
    for j, node in enumerate(cells):
        chain = tree.ancestors(node)
        for anc in chain:
            member[pos[anc], j] = 1.0
        if len(chain) >= 2:
            top[j] = pos[chain[-2]]
    parent = np.array(
        [-1 if tree.parent[n] is None else pos[str(tree.parent[n])] for n in nodes], dtype=np.int64
    )
    depth = np.array([tree.depth(n) for n in nodes], dtype=np.int64)
    leaves = np.array([pos[n] for n in nodes if not tree.children[n]], dtype=np.int64)
    return _Grid(nodes, member, depth, parent, leaves, top)


@dataclass(frozen=True, slots=True, eq=False)
class _WarModel:
    """The hidden truth of one war.

    Per outcome, ``amounts[o]`` (cells of category x party x perpetrator x region x phase) and
    ``profiles[o]`` (phase x day, integers): the count of a cell on day ``t`` is
    ``sum_k amounts[cell, k] * profiles[k, t]`` -- cumulative (never falling) for killed,
    wounded and missing, a stock for displaced and captured. Days run from the war's start;
    after the last fighting day every count stays where it is.
    """

    war: War
    days: int
    grids: tuple[_Grid, _Grid, _Grid, _Grid]
    amounts: tuple[npt.NDArray[np.int64], ...]
    profiles: tuple[npt.NDArray[np.int64], ...]
    memo: dict[int, npt.NDArray[np.int64]] = field(default_factory=dict)

    def aggregate(self, outcome: int) -> npt.NDArray[np.int64]:
        """Per node combination (flat index) and phase: the amount of every cell under it.

        Kept in ``memo`` until :meth:`forget` (the generator forgets once a war is drawn).
        """
        if outcome in self.memo:
            return self.memo[outcome]
        agg = self.amounts[outcome].astype(np.float64)
        for axis, grid in enumerate(self.grids):
            agg = np.moveaxis(np.tensordot(grid.member, agg, axes=([1], [axis])), 0, axis)
        out: npt.NDArray[np.int64] = np.rint(agg).astype(np.int64).reshape(-1, _PHASES)
        self.memo[outcome] = out
        return out

    def forget(self) -> None:
        self.memo.clear()

    def flat(self, nodes: Sequence[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
        shape = tuple(len(g.nodes) for g in self.grids)
        out: npt.NDArray[np.int64] = np.ravel_multi_index(tuple(nodes), shape)
        return out

    def counts(
        self,
        outcome: int,
        combo: npt.NDArray[np.int64],
        first: npt.NDArray[np.int64],
        last: npt.NDArray[np.int64],
        aggregated: npt.NDArray[np.int64] | None = None,
    ) -> npt.NDArray[np.int64]:
        """The true count of each (node combination, window ``[first, last]`` in days).

        For a stock outcome only ``last`` matters (the stock on that day).
        """
        agg = self.aggregate(outcome) if aggregated is None else aggregated
        profile = self.profiles[outcome]
        end = np.minimum(last, self.days - 1)
        high = np.where(last[None, :] >= 0, profile[:, np.maximum(end, 0)], 0)
        if _WAR_OUTCOMES[outcome] in _STOCKS:
            span = high
        else:
            before = first - 1
            low = np.where(
                before[None, :] >= 0,
                profile[:, np.clip(np.minimum(before, self.days - 1), 0, None)],
                0,
            )
            span = high - low
        out: npt.NDArray[np.int64] = (agg[combo] * span.T).sum(axis=1)
        return out


def _war_trees(rng: np.random.Generator, places: int) -> ScopeTrees:
    """A small party tree and a gazetteer of ``places`` places; the generic category tree."""
    sides = ["side-a", "side-b"] + (["third-parties"] if rng.random() < 0.3 else [])
    mapping: dict[str, list[str]] = {ROOT: sides}
    exhaustive = [ROOT] if rng.random() < 0.5 else []
    for side in sides:
        pool = _SIDE_PARTIES[side]
        mapping[side] = list(pool[: int(rng.integers(1, len(pool) + 1))])
        if rng.random() < 0.5:
            exhaustive.append(side)
    party = ScopeTree.from_mapping(
        "party",
        mapping,
        exhaustive=exhaustive,
        description="Whose dead: the sides of a synthetic war and their parties.",
    )
    n_countries = 1 + int(rng.random() < 0.35) + int(rng.random() < 0.1)
    countries = [f"land-{'abc'[i]}" for i in range(n_countries)]
    share = rng.dirichlet(np.full(n_countries, 2.0))
    counts = np.maximum(2, np.floor(share * places).astype(int))
    regions: dict[str, list[str]] = {ROOT: countries}
    region_exhaustive: list[str] = []
    for country, count in zip(countries, counts.tolist(), strict=True):
        if rng.random() < 0.3:
            region_exhaustive.append(country)
        if count <= 10:
            regions[country] = [f"{country}-{t:02d}" for t in range(1, count + 1)]
            continue
        provinces = [f"{country}-province-{p}" for p in range(1, -(-count // 6) + 1)]
        regions[country] = provinces
        for p, province in enumerate(provinces):
            size = min(6, count - 6 * p)
            regions[province] = [f"{country}-{p + 1}-{t:02d}" for t in range(1, size + 1)]
            if rng.random() < 0.5:
                region_exhaustive.append(province)
    region = ScopeTree.from_mapping(
        "region",
        regions,
        exhaustive=region_exhaustive,
        description="Where: the gazetteer of a synthetic war.",
    )
    return generic_trees().replace("party", party).replace("region", region)


def _war_model(war: War, rng: np.random.Generator, days: int, killed: float) -> _WarModel:
    """Draw the hidden truth of one war (see :class:`_WarModel`)."""
    grids = (
        _grid(war.trees["category"]),
        _grid(war.trees["party"]),
        _grid(war.trees["perpetrator"]),
        _grid(war.trees["region"]),
    )
    shape = tuple(g.n_cells for g in grids)
    heat = rng.gamma(0.8, 1.0, shape[3])  # some places see most of the war
    front = rng.integers(0, _PHASES, shape[3])  # the phase in which each place burns
    cross = grids[1].top[:, None] != grids[2].top[None, :]  # the other side killed them
    pair = np.where(cross, 1.0, 0.15)
    category = np.array([1.0, 1.2, 0.4])[: shape[0]]
    base = category[:, None, None, None] * pair[None, :, :, None] * heat[None, None, None, :]
    active = rng.random(shape) < np.minimum(1.0, 0.3 * base)
    phase_of = np.where(np.arange(_PHASES)[None, :] == front[:, None], 3.0, 0.4)  # place x k
    amounts: list[npt.NDArray[np.int64]] = []
    profiles: list[npt.NDArray[np.int64]] = []
    weight = (base * active)[..., None] * phase_of[None, None, None, :, :]  # cells x phase
    flat_weight = weight.reshape(-1, _PHASES)
    hottest = int(np.argmax(base.reshape(-1)))
    for o, outcome in enumerate(_WAR_OUTCOMES):
        total = max(1.0, killed * _OUTCOME_SCALE[o] * rng.uniform(0.5, 1.5))
        phase_total = total * rng.dirichlet(np.ones(_PHASES))
        # the count of phase k is units (spread over the cells) x height (steps of the time
        # profile): more units than steps, so that many cells and places see someone
        height = np.maximum(1, np.rint(phase_total**0.4)).astype(np.int64)
        units = np.maximum(1, np.rint(phase_total / height)).astype(np.int64)
        amount = np.zeros(flat_weight.shape, dtype=np.int64)
        for k in range(_PHASES):
            w = flat_weight[:, k]
            if w.sum() <= 0:
                amount[hottest, k] = units[k]
            else:
                amount[:, k] = rng.multinomial(int(units[k]), w / w.sum())
        amounts.append(amount.reshape((*shape, _PHASES)))
        profiles.append(_profile(rng, days, height, stock=outcome in _STOCKS))
    return _WarModel(war, days, grids, tuple(amounts), tuple(profiles))


def _profile(
    rng: np.random.Generator, days: int, height: npt.NDArray[np.int64], *, stock: bool
) -> npt.NDArray[np.int64]:
    """Integer time profiles, one per phase: cumulative ones rise from 0 to ``height``
    (offensives and lulls), stocks wander between 0 and ``height``."""
    out = np.zeros((_PHASES, days), dtype=np.int64)
    day = np.arange(days, dtype=np.float64)
    for k in range(_PHASES):
        knots = int(np.clip(days // 20, 1, 24))
        xs = np.concatenate([[0.0], np.sort(rng.uniform(0, max(days - 1, 1), knots - 1))])
        xs = np.concatenate([xs, [float(max(days - 1, 1))]])
        if stock:
            ys = rng.uniform(0.0, 1.0, knots + 1)
            ys[0] = 0.0
            out[k] = np.rint(height[k] * np.interp(day, xs, ys)).astype(np.int64)
        else:
            ys = np.concatenate([[0.0], np.cumsum(rng.dirichlet(np.full(knots, 0.6)))])
            ys[-1] = 1.0
            out[k] = np.floor(height[k] * np.interp(day, xs, ys)).astype(np.int64)
            out[k, -1] = height[k]
    return out


def _pick(
    rng: np.random.Generator, depth: npt.NDArray[np.int64], n: int, deep: float
) -> npt.NDArray[np.int64]:
    """Node positions: each depth level about equally likely, ``deep`` tilting toward leaves."""
    weight = np.exp(deep * depth.astype(float)) / np.bincount(depth)[depth]
    out: npt.NDArray[np.int64] = rng.choice(len(depth), size=n, p=weight / weight.sum())
    return out


@dataclass(frozen=True, slots=True)
class _Layout:
    """How a multi-war set is laid out: war sizes, dates and planted claims, and war seeds."""

    sizes: npt.NDArray[np.int64]
    planted: npt.NDArray[np.int64]
    starts: tuple[dt.date, ...]
    days: npt.NDArray[np.int64]
    ends: tuple[dt.date | None, ...]
    seeds: tuple[np.random.SeedSequence, ...]

    @property
    def n_wars(self) -> int:
        return len(self.sizes)


def _layout(n_claims: int, seed: int, n_wars: int, conflicts: int) -> _Layout:
    root = np.random.SeedSequence(seed)
    first, *rest = root.spawn(n_wars + 1)
    rng = np.random.default_rng(first)
    # war sizes: heavy-tailed (a few huge wars, most small), at least _MIN_WAR_CLAIMS each
    weight = rng.lognormal(0.0, 1.8, n_wars)
    spare = n_claims - _MIN_WAR_CLAIMS * n_wars
    exact_share = spare * weight / weight.sum()
    sizes = np.floor(exact_share).astype(np.int64)
    left = spare - int(sizes.sum())
    order = np.argsort(-(exact_share - sizes), kind="stable")
    sizes[order[:left]] += 1
    sizes += _MIN_WAR_CLAIMS
    # dates: starts spread over 1946-2025, durations from a week to decades
    horizon = (HORIZON - FIRST_DAY).days
    offsets = np.sort(rng.integers(0, horizon - 30, n_wars))
    length = np.clip(np.rint(rng.lognormal(np.log(200.0), 1.3, n_wars)), 14, 25 * 365)
    starts = tuple(FIRST_DAY + dt.timedelta(days=int(o)) for o in offsets.tolist())
    days = np.minimum(length.astype(np.int64), horizon - offsets + 1)
    known = rng.random(n_wars) < 0.9
    ends = tuple(
        None if (not k or int(o) + int(d) > horizon) else s + dt.timedelta(days=int(d) - 1)
        for s, o, d, k in zip(starts, offsets.tolist(), days.tolist(), known.tolist(), strict=True)
    )
    planted = _share_out(conflicts, sizes)
    return _Layout(sizes, planted, starts, days, ends, tuple(rest))


def _share_out(conflicts: int, sizes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Planted claims per war, in proportion to war size; each needs two witnesses of its war,
    so a war holds at most a quarter of its claims as planted ones."""
    capacity = np.where(sizes >= 40, sizes // 4, 0)
    if conflicts > int(capacity.sum()):
        raise GeneratorError(
            f"conflicts={conflicts} is too many: these wars have room for {int(capacity.sum())} "
            "planted claims (each needs two true witnesses in a war of at least 40 claims)"
        )
    out = np.zeros(len(sizes), dtype=np.int64)
    if conflicts == 0:
        return out
    quota = conflicts * np.where(capacity > 0, sizes, 0) / max(int(sizes[capacity > 0].sum()), 1)
    out = np.minimum(np.floor(quota).astype(np.int64), capacity)
    for i in np.argsort(-sizes, kind="stable").tolist():  # the rest to the largest wars first
        if int(out.sum()) == conflicts:
            break
        out[i] += min(int(capacity[i] - out[i]), conflicts - int(out.sum()))
    return out


def _war(layout: _Layout, i: int) -> tuple[_WarModel, np.random.Generator]:
    """War ``i`` of a layout, its hidden truth, and the generator its claims are drawn with."""
    rng = np.random.default_rng(layout.seeds[i])
    size = int(layout.sizes[i])
    places = int(np.clip(round(5 + 4 * np.log1p(size / 200)), 5, 48))
    trees = _war_trees(rng, places)
    start, end = layout.starts[i], layout.ends[i]
    width = max(4, len(str(layout.n_wars)))
    war_id = f"syn-{i:0{width}d}"
    until = "" if end is None else str(end.year)
    war = War(
        war_id,
        f"Synthetic war {i} ({start.year}-{until})",
        start,
        end,
        trees,
        description="A war drawn by karabakh_tolls.synthetic.generate_wars; no real events.",
    )
    killed = 50.0 + rng.lognormal(np.log(400.0) + 0.6 * np.log1p(size / 1000), 1.2)
    return _war_model(war, rng, int(layout.days[i]), killed), rng


def _format(values: npt.NDArray[np.int64]) -> pa.Array:
    """Counts as English numerals with thousands separators ("1,166")."""
    v = np.asarray(values, dtype=np.int64)
    plain = pc.cast(pa.array(v), pa.string())
    ones = pc.utf8_lpad(pc.cast(pa.array(v % 1000), pa.string()), 3, "0")
    thousands = pc.utf8_lpad(pc.cast(pa.array((v // 1000) % 1000), pa.string()), 3, "0")
    k = pc.binary_join_element_wise(pc.cast(pa.array(v // 1000), pa.string()), ones, ",")
    m = pc.binary_join_element_wise(
        pc.cast(pa.array(v // 1_000_000), pa.string()), thousands, ones, ","
    )
    big = pa.array((v >= 1_000_000) & (v < 1_000_000_000))
    out: pa.Array = pc.if_else(big, m, pc.if_else(pa.array(v >= 1000), k, plain))
    return out


def _hedged(
    rng: np.random.Generator, value: npt.NDArray[np.int64], mix: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], pa.Array]:
    """Figures that contain ``value``: (low, high with -1 = open, hedge code, text).

    ``mix`` is one row of hedge probabilities per claim (columns in ``_HEDGE_NAMES`` order).
    """
    n = len(value)
    tolerance, factor, vague = _hedge_constants()
    cum = np.cumsum(mix, axis=1)
    code = (rng.random(n)[:, None] > cum / cum[:, -1:]).sum(axis=1).astype(np.int64)
    code = np.minimum(code, _H_VAGUE)
    code[(code == _H_MORE) & (value < 1)] = _H_EXACT
    code[(code == _H_ABOUT) & (value < 10)] = _H_EXACT
    code[(code == _H_NEARLY) & (value < 1)] = _H_EXACT
    fits = np.array([(value >= lo) & (value <= hi) for _, lo, hi in vague]).reshape(-1, n)
    code[(code == _H_VAGUE) & ~fits.any(axis=0)] = _H_RANGE
    u = rng.random(n)
    first = value.copy()  # the number written first
    second = value.copy()  # the number written after "-" (ranges)
    low = value.copy()
    high = value.copy()
    at_least = code == _H_AT_LEAST
    first[at_least] = np.floor(value[at_least] * (0.5 + 0.5 * u[at_least])).astype(np.int64)
    low[at_least], high[at_least] = first[at_least], -1
    more = code == _H_MORE
    first[more] = np.floor((value[more] - 1) * (0.5 + 0.5 * u[more])).astype(np.int64)
    low[more], high[more] = first[more] + 1, -1
    at_most = code == _H_AT_MOST
    first[at_most] = np.ceil(value[at_most] * (1.0 + 0.6 * u[at_most])).astype(np.int64)
    low[at_most], high[at_most] = 0, first[at_most]
    fewer = code == _H_FEWER
    first[fewer] = np.ceil(value[fewer] * (1.0 + 0.6 * u[fewer])).astype(np.int64) + 1
    low[fewer], high[fewer] = 0, first[fewer] - 1
    nearly = code == _H_NEARLY
    top = (value[nearly] * factor.denominator) // factor.numerator  # largest N with fN <= value
    pick = value[nearly] + np.floor(u[nearly] * (top - value[nearly] + 1)).astype(np.int64)
    first[nearly] = np.minimum(pick, top)
    low[nearly] = -((-first[nearly] * factor.numerator) // factor.denominator)
    high[nearly] = first[nearly]
    about = code == _H_ABOUT
    guess = np.rint(value[about] * (0.94 + 0.12 * u[about])).astype(np.int64)
    num, den = tolerance.numerator, tolerance.denominator
    lo = (guess * (den - num)) // den
    hi = -((-guess * (den + num)) // den)
    miss = (lo > value[about]) | (hi < value[about])
    guess[miss] = value[about][miss]
    first[about] = guess
    low[about] = (guess * (den - num)) // den
    high[about] = -((-guess * (den + num)) // den)
    ranged = code == _H_RANGE
    width = 0.25 * rng.random(n)
    low[ranged] = np.floor(value[ranged] * (1 - width[ranged])).astype(np.int64)
    high[ranged] = np.ceil(value[ranged] * (1 + width[ranged])).astype(np.int64)
    collapsed = ranged & (low == high)
    code[collapsed] = _H_EXACT
    ranged &= ~collapsed
    first[ranged], second[ranged] = low[ranged], high[ranged]
    word = np.full(n, -1, dtype=np.int64)
    is_vague = code == _H_VAGUE
    if is_vague.any():
        keys = np.where(fits[:, is_vague], rng.random((len(vague), int(is_vague.sum()))), -1.0)
        word[is_vague] = np.argmax(keys, axis=0)
        bounds = np.array([(lo_, hi_) for _, lo_, hi_ in vague], dtype=np.int64)
        low[is_vague] = bounds[word[is_vague], 0]
        high[is_vague] = bounds[word[is_vague], 1]
    prefix = pc.take(pa.array(list(_HEDGE_PREFIX) + [""] * 2), pa.array(code))
    text = pc.binary_join_element_wise(prefix, _format(first), "")
    text = pc.if_else(
        pa.array(code == _H_RANGE),
        pc.binary_join_element_wise(text, _format(second), "-"),
        text,
    )
    if is_vague.any():
        words = pc.take(pa.array([w for w, _, _ in vague]), pa.array(np.maximum(word, 0)))
        text = pc.if_else(pa.array(is_vague), words, text)
    return low, high, code, text


def _take(names: Sequence[str], codes: npt.NDArray[np.int64]) -> pa.Array:
    """``names[codes]`` as an Arrow string array; a negative code is a missing value."""
    codes = np.asarray(codes, dtype=np.int64)
    index = pa.array(np.maximum(codes, 0), mask=codes < 0)
    out: pa.Array = pc.take(pa.array(list(names), pa.string()), index)
    return out


def _dates(start: dt.date, days: npt.NDArray[np.int64]) -> pa.Array:
    stamps = (np.datetime64(start, "D") + days).astype("datetime64[s]")
    return pa.array(stamps, pa.timestamp("s"))


@dataclass(frozen=True, slots=True, eq=False)
class _Rows:
    """Claims of one war, as integer codes and numbers, before they become columns."""

    outcome: npt.NDArray[np.int64]
    nodes: tuple[npt.NDArray[np.int64], ...]  # category, party, perpetrator, region positions
    kind: npt.NDArray[np.int64]  # 0 cumulative, 1 increment, 2 incident
    since: npt.NDArray[np.int64]  # days from the war's start
    as_of: npt.NDArray[np.int64]
    coverage: npt.NDArray[np.int64]  # 0 complete, 1 partial
    value: npt.NDArray[np.int64]  # the true count of what the claim counts

    def __len__(self) -> int:
        return len(self.outcome)

    @staticmethod
    def join(parts: Sequence[_Rows]) -> _Rows:
        def cat(name: str) -> npt.NDArray[np.int64]:
            return np.concatenate([getattr(p, name) for p in parts]).astype(np.int64)

        nodes = tuple(np.concatenate([p.nodes[d] for p in parts]) for d in range(4))
        return _Rows(
            cat("outcome"),
            nodes,
            cat("kind"),
            cat("since"),
            cat("as_of"),
            cat("coverage"),
            cat("value"),
        )


_KINDS: Final = ("cumulative", "increment", "incident")
_COVERAGES: Final = ("complete", "partial")


def _true_rows(
    model: _WarModel,
    rng: np.random.Generator,
    n: int,
    outcomes: Sequence[int],
    shares: tuple[float, float, float, float],
    horizon_day: int,
) -> _Rows:
    """``n`` true claims of one war (before hedging): kinds, scopes, days and true values.

    Sources mostly report what happened: a scope and date whose count is 0 is drawn again (up
    to three times), so few claims say "0" of a scope nobody died in.
    """
    incident_share, increment_share, partial_share, whole_war_share = shares
    days = model.days
    grids = model.grids
    p = np.array([_WAR_OUTCOME_P[o] for o in outcomes])
    outcome = np.asarray(outcomes, dtype=np.int64)[rng.choice(len(outcomes), n, p=p / p.sum())]
    stock = np.isin(outcome, [_WAR_OUTCOMES.index(s) for s in _STOCKS])
    roll = rng.random(n)
    kind = np.zeros(n, dtype=np.int64)
    kind[(roll < incident_share) & ~stock] = 2
    if days >= 2:
        kind[(roll >= incident_share) & (roll < incident_share + increment_share) & ~stock] = 1
    cumulative = kind == 0
    whole = cumulative & (rng.random(n) < whole_war_share)  # claims about the whole war
    if whole_war_share > 0 and cumulative.any() and not whole.any():
        whole[np.flatnonzero(cumulative)[0]] = True  # every war has its overall toll said
    # totals after the war (revised figures): only for wars whose end is known and passed
    reach = min(5 * 365, horizon_day - (days - 1))
    later = cumulative & (rng.random(n) < 0.06) & (model.war.end is not None) & (reach > 0)
    nodes = [np.zeros(n, dtype=np.int64) for _ in range(4)]
    as_of = np.zeros(n, dtype=np.int64)
    since = np.zeros(n, dtype=np.int64)
    value = np.zeros(n, dtype=np.int64)
    pending = kind != 2
    aggregated = {o: model.aggregate(o) for o in np.unique(outcome).tolist()}
    for _ in range(4):
        rows = np.flatnonzero(pending)
        if not len(rows):
            break
        m = len(rows)
        for d, (g, deep) in enumerate(zip(grids, (0.3, 0.3, -0.5, 0.8), strict=True)):
            nodes[d][rows] = np.where(whole[rows], 0, _pick(rng, g.depth, m, deep))
        day = rng.integers(0, days, m)
        if reach > 0:
            day = np.where(later[rows], days - 1 + rng.integers(1, max(reach, 1) + 1, m), day)
        day = np.where(whole[rows], np.maximum(day, days - 1), day)
        inc = kind[rows] == 1
        if days >= 2:
            day = np.where(inc, rng.integers(1, days, m), day)
        as_of[rows] = day
        since[rows] = np.where(inc, np.maximum(day - rng.integers(0, 60, m), 1), 0)
        for o, agg in aggregated.items():
            sel = rows[outcome[rows] == o]
            combo = model.flat(tuple(x[sel] for x in nodes))
            value[sel] = model.counts(o, combo, since[sel], as_of[sel], agg)
        pending &= value == 0
    coverage = np.where(cumulative & ~whole & (rng.random(n) < partial_share), 1, 0)
    incident = np.flatnonzero(kind == 2)
    region = grids[3]
    if len(incident):  # one event = one place on one day on which someone there was counted
        nodes[3][incident] = region.leaves[rng.integers(0, len(region.leaves), len(incident))]
        as_of[incident] = rng.integers(0, days, len(incident))
        zeros = np.zeros(len(region.leaves), dtype=np.int64)
        leaf_rows = model.flat((zeros, zeros, zeros, region.leaves))
        for o in np.unique(outcome[incident]).tolist():
            sel = incident[outcome[incident] == o]
            steps = np.diff(model.profiles[o], axis=1, prepend=0) > 0  # phase x day
            places = aggregated[o][leaf_rows] > 0  # leaf x phase
            usable = [k for k in range(_PHASES) if steps[k].any() and places[:, k].any()]
            if not usable:
                continue
            phase = np.asarray(usable)[rng.integers(0, len(usable), len(sel))]
            for k in usable:
                at = sel[phase == k]
                on = np.flatnonzero(steps[k])
                where = region.leaves[np.flatnonzero(places[:, k])]
                as_of[at] = on[rng.integers(0, len(on), len(at))]
                nodes[3][at] = where[rng.integers(0, len(where), len(at))]
        since[incident] = as_of[incident]
        wide = rng.random((3, len(incident)))
        party = grids[1].leaves[rng.integers(0, len(grids[1].leaves), len(incident))]
        category = grids[0].leaves[rng.integers(0, len(grids[0].leaves), len(incident))]
        nodes[0][incident] = np.where(wide[0] < 0.65, 0, category)
        nodes[1][incident] = np.where(wide[1] < 0.6, 0, party)
        nodes[2][incident] = 0
        for o in np.unique(outcome[incident]).tolist():
            sel = incident[outcome[incident] == o]
            combo = model.flat(tuple(x[sel] for x in nodes))
            value[sel] = model.counts(o, combo, since[sel], as_of[sel], aggregated[o])
    return _Rows(outcome, tuple(nodes), kind, since, as_of, coverage, value)


@dataclass(frozen=True, slots=True)
class _Planted:
    """Planted claims of one war and their witnesses (rows of ``_Rows`` with figures)."""

    rows: _Rows
    low: npt.NDArray[np.int64]
    high: npt.NDArray[np.int64]
    hedge: npt.NDArray[np.int64]
    role: npt.NDArray[np.int64]  # 0 planted, 1 first witness, 2 second witness


def _plant(model: _WarModel, rng: np.random.Generator, k: int, horizon_day: int) -> _Planted:
    """``k`` false claims, each contradicted on its own by each of two true witnesses.

    Half the planted claims are a wrong exact figure beside an exact true figure and a true
    range about the same scope and date (direct clash). The others say "at least L" of a scope
    where L exceeds both the true total of the same scope at a later date (cumulative tolls
    never fall) and the true total of a larger scope on the same date (a part never exceeds
    its whole): each witness alone rules the planted claim out, and the witnesses agree.
    """
    grids = model.grids
    killed, wounded = _WAR_OUTCOMES.index("killed"), _WAR_OUTCOMES.index("wounded")
    drawn = 64 * k
    outcome = np.where(rng.random(drawn) < 0.75, killed, wounded)
    nodes = [
        _pick(rng, g.depth, drawn, deep)
        for g, deep in zip(grids, (0.3, 0.3, -0.5, 0.5), strict=True)
    ]
    day = rng.integers(0, model.days, drawn)
    # fallback candidates, after the drawn ones: the whole war's toll on each day
    every_day = np.arange(model.days, dtype=np.int64)
    outcome = np.concatenate([outcome, np.full(model.days, killed), np.full(model.days, wounded)])
    nodes = [np.concatenate([x, np.zeros(2 * model.days, dtype=np.int64)]) for x in nodes]
    day = np.concatenate([day, every_day, every_day])
    m = len(day)
    later = np.minimum(day + rng.integers(1, 31, m), horizon_day)
    indirect = rng.random(m) < 0.5
    nonroot = np.array([x > 0 for x in nodes])  # 4 x m
    indirect &= nonroot.any(axis=0) & (later > day)
    # the larger scope of an indirect plant: one non-root dimension moved to its parent
    keys = np.where(nonroot, rng.random((4, m)), -1.0)
    lift = np.argmax(keys, axis=0)
    parent_nodes = [x.copy() for x in nodes]
    for d in range(4):
        sel = indirect & (lift == d)
        parent_nodes[d][sel] = grids[d].parent[nodes[d][sel]]
    value = np.zeros(m, dtype=np.int64)
    at_later = np.zeros(m, dtype=np.int64)
    of_parent = np.zeros(m, dtype=np.int64)
    zero = np.zeros(m, dtype=np.int64)
    for o in (killed, wounded):
        sel = outcome == o
        agg = model.aggregate(o)
        combo = model.flat(tuple(x[sel] for x in nodes))
        value[sel] = model.counts(o, combo, zero[sel], day[sel], agg)
        at_later[sel] = model.counts(o, combo, zero[sel], later[sel], agg)
        parent_combo = model.flat(tuple(x[sel] for x in parent_nodes))
        of_parent[sel] = model.counts(o, parent_combo, zero[sel], day[sel], agg)
    # distinct keys with room for a false figure; the war's whole toll at its end as a fallback
    key = model.flat(nodes) * 4 * (model.days + 1) + outcome * (model.days + 1) + day
    chosen: list[int] = []
    seen: set[int] = set()
    for threshold in (10, 3, 1):
        for i in np.flatnonzero(value >= threshold).tolist():
            if len(chosen) == k:
                break
            if int(key[i]) not in seen:
                seen.add(int(key[i]))
                chosen.append(i)
    if len(chosen) < k:
        raise GeneratorError(
            f"war {model.war.id!r} has too few people counted to plant {k} false claims"
        )
    pick = np.array(chosen, dtype=np.int64)
    v, v_later, v_parent = value[pick], at_later[pick], of_parent[pick]
    ind = indirect[pick]
    up = rng.random(k) < 0.5
    r = v // 10
    # planted figures
    p_low = np.where(up, v + r + 1 + np.maximum(1, v // 2), (v - r - 1) // 2)
    p_high = p_low.copy()
    bound = np.maximum(v_later, v_parent)
    p_low = np.where(ind, bound + 1 + np.maximum(1, bound // 3), p_low)
    p_high = np.where(ind, -1, p_high)
    p_hedge = np.where(ind, _H_AT_LEAST, _H_EXACT)
    # witnesses: direct -> exact v and the range [v - r, v + r]; indirect -> the later total
    # of the same scope and the same-day total of the larger scope, both exact
    w1_day = np.where(ind, later[pick], day[pick])
    w1_val = np.where(ind, v_later, v)
    w2_nodes = [np.where(ind, parent_nodes[d][pick], nodes[d][pick]) for d in range(4)]
    w2_low = np.where(ind, v_parent, v - r)
    w2_high = np.where(ind, v_parent, v + r)
    w2_hedge = np.where(w2_low == w2_high, _H_EXACT, _H_RANGE)
    outcome_k = outcome[pick]
    all_nodes = tuple(
        np.concatenate([nodes[d][pick], nodes[d][pick], w2_nodes[d]]) for d in range(4)
    )
    rows = _Rows(
        np.tile(outcome_k, 3),
        all_nodes,
        np.zeros(3 * k, dtype=np.int64),
        np.zeros(3 * k, dtype=np.int64),
        np.concatenate([day[pick], w1_day, day[pick]]),
        np.zeros(3 * k, dtype=np.int64),
        np.concatenate([v, w1_val, np.where(ind, v_parent, v)]),
    )
    return _Planted(
        rows,
        np.concatenate([p_low, w1_val, w2_low]),
        np.concatenate([p_high, w1_val, w2_high]),
        np.concatenate([p_hedge, np.full(k, _H_EXACT), w2_hedge]),
        np.repeat(np.arange(3), k),
    )


def _sources(war: War) -> tuple[list[tuple[str, str, str, str]], int]:
    """The sources speaking about one war (independent ones first) and how many are
    independent. Each party's authorities and each side's press speak for their side."""
    out = [(s, name, kind, "independent") for s, name, kind in _INDEPENDENT_SOURCES]
    independent = len(out)
    party = war.trees["party"]
    for side in party.children[ROOT]:
        for member in party.children[side]:
            kind = "government" if any(w in member for w in _STATE_WORDS) else "de-facto-authority"
            out.append((f"{war.id}:{member}", f"Authorities of {member} ({war.id})", kind, member))
        out.append((f"{war.id}:{side}-press", f"Press close to {side} ({war.id})", "media", side))
    return out, independent


def _war_table(
    model: _WarModel,
    rng: np.random.Generator,
    n: int,
    k: int,
    outcomes: Sequence[int],
    shares: tuple[float, float, float, float],
    echo_share: float,
) -> tuple[pa.Table, npt.NDArray[np.int64], list[str], dict[str, tuple[str, str]]]:
    """One war's claims as an Arrow table, their true values, planted ids and witnesses."""
    war = model.war
    horizon_day = (HORIZON - war.start).days
    regular = n - 2 * k
    echoes = round(echo_share * regular) if regular > 20 else 0
    rows = _true_rows(model, rng, regular - echoes, outcomes, shares, horizon_day)
    mix = np.where(
        (rows.kind == 2)[:, None],
        np.array(_MIX_INCIDENT)[None, :],
        np.where((rows.kind == 1)[:, None], np.array(_MIX_INCREMENT), np.array(_MIX_TOTAL)),
    )
    low, high, hedge, text = _hedged(rng, rows.value, mix)
    partial = rows.coverage == 1
    if partial.any():  # a count of part of the scope: a lower bound for the whole
        part = np.floor(rows.value[partial] * rng.uniform(0.2, 1.0, int(partial.sum())))
        low[partial] = part.astype(np.int64)
        high[partial] = low[partial]
        hedge[partial] = _H_EXACT
        text = pc.if_else(pa.array(partial), _format(low), text)
    sources, independent = _sources(war)
    m = len(rows)
    partisan = rng.random(m) < 0.55
    source = np.where(
        partisan & (len(sources) > independent),
        rng.integers(independent, max(len(sources), independent + 1), m),
        rng.integers(0, independent, m),
    )
    lag = rng.geometric(0.25, m) - 1
    lag = np.where(rows.as_of >= model.days - 1, lag + rng.integers(0, 3 * 365, m), lag)
    published = np.minimum(rows.as_of + lag, horizon_day)
    # echoes: the same statement carried again by another outlet
    origin = rng.integers(0, m, echoes)
    media = [i for i, s in enumerate(sources) if s[2] == "media"]
    carrier = np.full(m + echoes, -1, dtype=np.int64)
    carrier[m:] = np.asarray(media)[rng.integers(0, len(media), echoes)]
    take = np.concatenate([np.arange(m), origin])
    rows = _Rows.join([rows, _Rows(*_select(rows, origin))])
    low, high, hedge = low[take], high[take], hedge[take]
    text = pc.take(text, pa.array(take))
    source = source[take]
    published = np.concatenate(
        [published, np.minimum(published[origin] + rng.integers(0, 5, echoes), horizon_day)]
    )
    role = np.full(len(rows), -1, dtype=np.int64)
    if k:
        planted = _plant(model, rng, k, horizon_day)
        p_text = _figure_text(planted.low, planted.high, planted.hedge)
        rows = _Rows.join([rows, planted.rows])
        low = np.concatenate([low, planted.low])
        high = np.concatenate([high, planted.high])
        hedge = np.concatenate([hedge, planted.hedge])
        text = pa.concat_arrays([text, p_text])
        picks = np.stack([rng.permutation(independent)[:2] for _ in range(k)])  # two witnesses
        fabricator = len(sources)
        source = np.concatenate([source, np.full(k, fabricator), picks[:, 0], picks[:, 1]])
        sides = war.trees["party"].children[ROOT]
        sources = [
            *sources,
            (f"{war.id}:fabricator", "A fabricating outlet (synthetic)", "media", sides[0]),
        ]
        lagged = planted.rows.as_of + rng.integers(0, 10, 3 * k)
        published = np.concatenate([published, np.minimum(lagged, horizon_day)])
        role = np.concatenate([role, planted.role])
        carrier = np.concatenate([carrier, np.full(3 * k, -1)])
    count = len(rows)
    index = np.arange(count, dtype=np.int64)
    number = np.where(role == 0, np.cumsum(role == 0) - 1, index - np.cumsum(role == 0))
    pad = pc.utf8_lpad(pc.cast(pa.array(number), pa.string()), _CLAIM_DIGITS, "0")
    prefix = pa.array(np.where(role == 0, f"{war.id}-p", f"{war.id}-"), pa.string())
    ids = pc.binary_join_element_wise(prefix, pad, "")
    src_ids = [s[0] for s in sources]
    outlet_names = [s[1] for s in sources]
    outlet = np.where(carrier >= 0, carrier, source)
    published_at = _dates(war.start, published)
    document = pc.binary_join_element_wise(
        _take(src_ids, outlet), pc.cast(pc.cast(published_at, pa.date32()), pa.string()), "@"
    )
    event = pc.if_else(
        pa.array(rows.kind == 2),
        pc.binary_join_element_wise(
            pa.array(np.full(count, war.id), pa.string()),
            _take(model.grids[3].nodes, rows.nodes[3]),
            pc.cast(pc.cast(_dates(war.start, rows.as_of), pa.date32()), pa.string()),
            ":",
        ),
        pa.nulls(count, pa.string()),
    )
    since = np.where(rows.kind == 0, 0, rows.since)
    table = pa.table(
        {
            "claim_id": ids,
            "war": pa.array(np.full(count, war.id), pa.string()),
            "figure": text,
            "low": pa.array(low),
            "high": pa.array(np.maximum(high, 0), mask=high < 0),
            "hedge": _take(_HEDGE_NAMES, hedge),
            "outcome": _take(_WAR_OUTCOMES, rows.outcome),
            "category": _take(model.grids[0].nodes, rows.nodes[0]),
            "party": _take(model.grids[1].nodes, rows.nodes[1]),
            "perpetrator": _take(model.grids[2].nodes, rows.nodes[2]),
            "region": _take(model.grids[3].nodes, rows.nodes[3]),
            "kind": _take(_KINDS, rows.kind),
            "since": _dates(war.start, since),
            "as_of": _dates(war.start, rows.as_of),
            "event": event,
            "coverage": _take(_COVERAGES, rows.coverage),
            "source": _take(src_ids, source),
            "source_name": _take([s[1] for s in sources], source),
            "source_kind": _take([s[2] for s in sources], source),
            "source_affiliation": _take([s[3] for s in sources], source),
            "via": _take(src_ids, carrier),
            "outlet": _take(outlet_names, outlet),
            "document": document,
            "published": published_at,
        }
    )
    planted_ids: list[str] = []
    witnesses: dict[str, tuple[str, str]] = {}
    if k:
        id_list = ids.to_pylist()
        first = count - 3 * k
        planted_ids = [str(x) for x in id_list[first : first + k]]
        for j, pid in enumerate(planted_ids):
            witnesses[pid] = (str(id_list[first + k + j]), str(id_list[first + 2 * k + j]))
    return table, rows.value, planted_ids, witnesses


def _select(rows: _Rows, at: npt.NDArray[np.int64]) -> tuple[Any, ...]:
    return (
        rows.outcome[at],
        tuple(x[at] for x in rows.nodes),
        rows.kind[at],
        rows.since[at],
        rows.as_of[at],
        rows.coverage[at],
        rows.value[at],
    )


def _figure_text(
    low: npt.NDArray[np.int64], high: npt.NDArray[np.int64], hedge: npt.NDArray[np.int64]
) -> pa.Array:
    """Text of exact figures, "at least N" and "A-B" ranges (the planted claims' forms)."""
    text = _format(low)
    text = pc.if_else(
        pa.array(hedge == _H_AT_LEAST), pc.binary_join_element_wise("at least ", text, ""), text
    )
    ranged = hedge == _H_RANGE
    out: pa.Array = pc.if_else(
        pa.array(ranged), pc.binary_join_element_wise(text, _format(np.maximum(high, 0)), "-"), text
    )
    return out


class WarsTruth:
    """The hidden ground truth behind a claim set of :func:`generate_wars`, for every war.

    Each war has a true count per cell (a leaf of the category x party x perpetrator x region
    trees, plus an unnamed "rest" cell under every non-exhaustive node) and per day, separately
    per outcome: cumulative for killed, wounded and missing (it never falls), a stock for
    displaced and captured. Counts run from the war's start and stay put after its last day of
    fighting. An incident (one event) is everyone of its place counted on its day.

    Attributes
    ----------
    wars : tuple of War
        The wars, in the order of the claim table.
    planted : tuple of str
        Ids of the claims made false on purpose.
    witnesses : Mapping[str, tuple[str, str]]
        For each planted claim, the two true claims that each contradict it on their own.

    Examples
    --------
    >>> claims, truth = generate_wars(2_000, seed=1, n_wars=5, conflicts=2)
    >>> ok = truth.contains(claims.frame)
    >>> sorted(claims.frame.loc[~ok.to_numpy(), "claim_id"]) == sorted(truth.planted)
    True
    >>> war = truth.wars[0]
    >>> (war.id, str(war.start), str(war.end))
    ('syn-0000', '1958-01-25', '1960-02-21')
    >>> truth.value(war.id, "killed", "1960-02-21"), truth.value(war.id, "killed", "1959-01-01")
    (49, 16)
    """

    __slots__ = ("_models", "planted", "wars", "witnesses")

    def __init__(
        self,
        models: Sequence[_WarModel],
        planted: Sequence[str],
        witnesses: Mapping[str, tuple[str, str]],
    ) -> None:
        self._models = {m.war.id: m for m in models}
        self.wars: tuple[War, ...] = tuple(m.war for m in models)
        self.planted: tuple[str, ...] = tuple(planted)
        self.witnesses: Mapping[str, tuple[str, str]] = MappingProxyType(dict(witnesses))

    def __repr__(self) -> str:
        return f"<WarsTruth: {len(self.wars)} wars, {len(self.planted)} planted claims>"

    def _model(self, war: War | str) -> _WarModel:
        key = war.id if isinstance(war, War) else str(war)
        try:
            return self._models[key]
        except KeyError:
            raise WarError(f"no war {key!r} in this truth ({len(self._models)} wars)") from None

    def value(
        self,
        war: War | str,
        scope: Scope | str,
        as_of: dt.date | str,
        *,
        since: dt.date | str | None = None,
    ) -> int:
        """The true count of one scope of one war on ``as_of`` (0 before the war).

        ``scope`` is a :class:`~karabakh_tolls.scopes.Scope` or its text form read against the
        war's trees (``"killed/civilian/region=land-a"``). For a cumulative outcome the count
        runs from ``since`` (default: the war's start) to ``as_of``.

        Examples
        --------
        >>> _, truth = generate_wars(200, seed=2, n_wars=2)
        >>> war = truth.wars[1]
        >>> all_killed = truth.value(war, "killed", "2025-12-31")
        >>> civilians = truth.value(war, "killed/civilian", "2025-12-31")
        >>> 0 <= civilians <= all_killed
        True
        """
        model = self._model(war)
        trees = model.war.trees
        chosen = scope if isinstance(scope, Scope) else Scope.parse(scope, trees)
        start = model.war.start
        last = (pd.Timestamp(as_of).date() - start).days
        first = 0 if since is None else max((pd.Timestamp(since).date() - start).days, 0)
        o = _WAR_OUTCOMES.index(chosen.outcome)
        nodes = [
            np.array([g.nodes.index(getattr(chosen, d))], dtype=np.int64)
            for g, d in zip(model.grids, _TERM_DIMS, strict=True)
        ]
        count = model.counts(
            o, model.flat(nodes), np.array([first]), np.array([last], dtype=np.int64)
        )
        return int(count[0])

    def values(self, frame: pd.DataFrame) -> npt.NDArray[np.int64]:
        """The true count of what each row of a table counts.

        ``frame`` has the columns ``war``, ``outcome``, the four dimensions and ``as_of`` (a
        claim table, or a ``reconcile_all`` table); with ``kind`` and ``since`` an increment
        counts from ``since`` and an incident its place on its day, otherwise a row counts
        from the war's start (cumulative outcomes) or on ``as_of`` (stocks).

        Examples
        --------
        >>> claims, truth = generate_wars(300, seed=6, n_wars=1)
        >>> values = truth.values(claims.frame)
        >>> bool((claims.frame["low"].to_numpy() <= values).all())  # no planted claims here
        True
        """
        n = len(frame)
        out = np.zeros(n, dtype=np.int64)
        if n == 0:
            return out
        codes, uniques = pd.factorize(frame["war"])
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
        as_of = frame["as_of"].to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
        kinds = frame["kind"].to_numpy(dtype=object) if "kind" in frame else None
        since = (
            frame["since"].to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
            if "since" in frame
            else None
        )
        # each column factorised once: a war maps only the distinct terms
        columns: dict[str, tuple[npt.NDArray[np.intp], list[str]]] = {}
        for name in (*_TERM_DIMS, "outcome"):
            coded, terms = pd.factorize(frame[name])
            columns[name] = (np.asarray(coded), [str(t) for t in terms])
        known = {o: i for i, o in enumerate(_WAR_OUTCOMES)}
        outcome_codes, outcome_terms = columns["outcome"]
        outcome_lookup = np.array([known.get(t, -1) for t in outcome_terms] + [-1], dtype=np.int64)
        for g, war_id in enumerate(uniques):
            pos = order[bounds[g] : bounds[g + 1]]
            model = self._model(str(war_id))
            start = np.datetime64(model.war.start, "D")
            last = (as_of[pos] - start).astype(np.int64)
            first = np.zeros(len(pos), dtype=np.int64)
            if kinds is not None and since is not None:
                kind = kinds[pos]
                inc = kind == "increment"
                first[inc] = (since[pos][inc] - start).astype(np.int64)
                one_day = kind == "incident"
                first[one_day] = last[one_day]
            nodes = []
            for grid, d in zip(model.grids, _TERM_DIMS, strict=True):
                column_codes, column_terms = columns[d]
                here = {node: i for i, node in enumerate(grid.nodes)}
                lookup = np.array([here.get(t, -1) for t in column_terms] + [-1], dtype=np.int64)
                found = lookup[column_codes[pos]]
                if (found < 0).any():
                    bad = int(column_codes[pos][found < 0][0])
                    term = column_terms[bad] if bad >= 0 else ""
                    raise UnknownTermError(d, term, grid.nodes)
                nodes.append(found)
            outcome = outcome_lookup[outcome_codes[pos]]
            combo = model.flat(nodes)
            for o in np.unique(outcome).tolist():
                if o < 0:
                    raise UnknownTermError("outcome", "?", _WAR_OUTCOMES)
                sel = outcome == o
                out[pos[sel]] = model.counts(o, combo[sel], first[sel], last[sel])
        return out

    def contains(self, frame: pd.DataFrame) -> pd.Series:
        """Whether each claim of a claim table holds the truth of what it counts.

        A partial claim (``coverage == "partial"``) holds it when its low is at most the
        truth; an open ``high`` bounds nothing.

        Examples
        --------
        >>> claims, truth = generate_wars(300, seed=6, n_wars=1, conflicts=1)
        >>> ok = truth.contains(claims.frame)
        >>> int((~ok).sum()), claims.frame.loc[~ok.to_numpy(), "claim_id"].tolist() == list(
        ...     truth.planted)
        (1, True)
        """
        value = self.values(frame)
        low = frame["low"].to_numpy(dtype=np.int64)
        high = frame["high"].to_numpy(dtype=np.float64, na_value=np.inf)
        partial = (
            (frame["coverage"] == "partial").to_numpy(dtype=bool, na_value=False)
            if "coverage" in frame
            else np.zeros(len(frame), dtype=bool)
        )
        ok = (low <= value) & (partial | (value <= high))
        return pd.Series(ok, index=frame.index, name="contains_truth")

    def summary(self) -> pd.DataFrame:
        """One row per war: id, start, end, fighting days and the true whole-war tolls.

        Examples
        --------
        >>> _, truth = generate_wars(500, seed=3, n_wars=4)
        >>> list(truth.summary().columns)[:4]
        ['war', 'start', 'end', 'days']
        """
        rows = []
        for model in self._models.values():
            row: dict[str, Any] = {
                "war": model.war.id,
                "start": model.war.start,
                "end": model.war.end,
                "days": model.days,
            }
            for o, outcome in enumerate(_WAR_OUTCOMES):
                profile = model.profiles[o]
                row[outcome] = int(model.aggregate(o)[0] @ profile[:, -1])
            rows.append(row)
        return pd.DataFrame(rows)


def _check_wars_args(
    n_claims: int,
    n_wars: int | None,
    conflicts: int,
    outcomes: Sequence[str] | None,
    shares: tuple[float, float, float, float],
    echo_share: float,
) -> tuple[int, tuple[int, ...]]:
    if n_claims < 1:
        raise GeneratorError(f"n_claims={n_claims} must be at least 1")
    wars = int(np.clip(round(n_claims / 10_000), 1, 500)) if n_wars is None else n_wars
    if wars < 1:
        raise GeneratorError(f"n_wars={n_wars} must be at least 1")
    if n_claims < _MIN_WAR_CLAIMS * wars:
        raise GeneratorError(
            f"n_claims={n_claims} is too few for n_wars={wars}: "
            f"each war gets at least {_MIN_WAR_CLAIMS} claims"
        )
    if conflicts < 0:
        raise GeneratorError(f"conflicts={conflicts} must be at least 0")
    chosen = _WAR_OUTCOMES if outcomes is None else tuple(outcomes)
    unknown = [o for o in chosen if o not in _WAR_OUTCOMES]
    if unknown or not chosen:
        raise GeneratorError(f"outcomes={outcomes!r} must be a non-empty subset of {_WAR_OUTCOMES}")
    names = ("incident_share", "increment_share", "partial_share", "whole_war_share")
    for name, share in (*zip(names, shares, strict=True), ("echo_share", echo_share)):
        if not 0.0 <= share <= 1.0:
            raise GeneratorError(f"{name}={share} must lie in [0, 1]")
    if shares[0] + shares[1] > 1.0:
        raise GeneratorError(
            f"incident_share={shares[0]} + increment_share={shares[1]} must be at most 1"
        )
    if conflicts and "killed" not in chosen and "wounded" not in chosen:
        pass  # planted claims are about killed or wounded whatever the outcomes of the rest
    return wars, tuple(_WAR_OUTCOMES.index(o) for o in chosen)


def _frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow claim table as a pandas frame in the claim schema's dtypes."""

    def mapper(kind: pa.DataType) -> Any:
        if kind == pa.string():
            return pd.StringDtype("pyarrow")
        if kind == pa.int64():
            return pd.Int64Dtype()
        return None

    frame: pd.DataFrame = table.to_pandas(types_mapper=mapper)
    return frame


def _iter_wars(
    n_claims: int,
    seed: int,
    n_wars: int | None,
    conflicts: int,
    outcomes: Sequence[str] | None,
    shares: tuple[float, float, float, float],
    echo_share: float,
) -> Iterator[tuple[_WarModel, pa.Table, list[str], dict[str, tuple[str, str]]]]:
    """Each war of the set in turn: its truth, its claims and its planted claims."""
    wars, outcome_codes = _check_wars_args(
        n_claims, n_wars, conflicts, outcomes, shares, echo_share
    )
    layout = _layout(n_claims, seed, wars, conflicts)
    for i in range(layout.n_wars):
        model, rng = _war(layout, i)
        table, _, planted, witnesses = _war_table(
            model,
            rng,
            int(layout.sizes[i]),
            int(layout.planted[i]),
            outcome_codes,
            shares,
            echo_share,
        )
        model.forget()
        yield model, table, planted, witnesses


def generate_wars(
    n_claims: int,
    *,
    seed: int,
    n_wars: int | None = None,
    conflicts: int = 0,
    outcomes: Sequence[str] | None = None,
    incident_share: float = 0.10,
    increment_share: float = 0.08,
    partial_share: float = 0.05,
    whole_war_share: float = 0.02,
    echo_share: float = 0.03,
) -> tuple[ClaimSet, WarsTruth]:
    """Claims about many wars of very different sizes, with a hidden truth for every war.

    The layout mimics a global conflict dataset: war sizes are heavy-tailed (a few wars hold a
    large share of the claims, most hold a few hundred or fewer), each war starts on its own
    day between 1946 and 2025 and lasts from two weeks to decades (most end; some are ongoing
    or have no known end), and each has its own small party tree (two or three sides with one
    to four parties each) and a gazetteer of 5 to 48 places (countries, sometimes provinces,
    towns); the category tree is the generic one. Claims are about killed, wounded, missing
    (cumulative), displaced and captured (stocks), from independent sources (NGOs, UN bodies,
    wire services, a dataset, a survey team) and partisan ones (each party's authorities, each
    side's press). They are cumulative totals at many dates (some about the whole war, some
    revised years after its end), incidents (one place on one day), increments over up to 60
    days, partial counts, and figures exact, "at least", "more than", "up to", "fewer than",
    "nearly", "about", ranges and vague words, each written as text in the ``figure`` column
    that :meth:`~karabakh_tolls.figures.Figure.parse` reads back to the claim's interval.
    Some claims are echoes: the same statement carried by another outlet (``via``).

    Every true claim holds the truth of what it counts. ``conflicts`` planted claims are false:
    each is contradicted, on its own, by each of two true claims of its war (its witnesses),
    and the true claims contradict nothing else, so with equal weights the only smallest set
    of claims whose removal leaves the rest consistent is the planted set.

    Parameters
    ----------
    n_claims:
        Number of true claims; the set holds ``n_claims + conflicts`` rows.
    seed:
        Seed: equal arguments give equal claim sets. Each war draws from its own stream, so
        :func:`write_wars` writes exactly these claims, in this order, in pieces.
    n_wars:
        Number of wars (default: one per 10,000 claims, between 1 and 500). Each war gets at
        least 8 claims.
    conflicts:
        Number of planted false claims, spread over wars of 40 claims or more in proportion
        to their size.
    outcomes:
        Outcomes of the true claims (default all five).
    incident_share, increment_share, partial_share, whole_war_share, echo_share:
        Shares of incidents, increments, partial counts, claims about the whole war and
        echoes among the true claims. With ``whole_war_share > 0`` every war has at least one
        claim about its whole toll (which ties all its claims of that outcome together).

    Returns
    -------
    (ClaimSet, WarsTruth)
        The claims, validated once, and their truth.

    Examples
    --------
    >>> claims, truth = generate_wars(3_000, seed=4, n_wars=6, conflicts=3)
    >>> len(claims), len(claims.wars), len(truth.planted)
    (3003, 6, 3)
    >>> sorted(set(claims.frame["kind"]))
    ['cumulative', 'incident', 'increment']
    """
    shares = (incident_share, increment_share, partial_share, whole_war_share)
    tables: list[pa.Table] = []
    models: list[_WarModel] = []
    planted: list[str] = []
    witnesses: dict[str, tuple[str, str]] = {}
    for model, table, found, seen in _iter_wars(
        n_claims, seed, n_wars, conflicts, outcomes, shares, echo_share
    ):
        models.append(model)
        tables.append(table)
        planted.extend(found)
        witnesses.update(seen)
    frame = _frame(pa.concat_tables(tables))
    del tables
    claims = ClaimSet.from_frame(frame, wars=[m.war for m in models])
    return claims, WarsTruth(models, planted, witnesses)


_WARS_FILE: Final = "wars.json"


def _trees_dict(trees: ScopeTrees) -> dict[str, Any]:
    """Scope trees in the mapping shape :meth:`ScopeTrees.from_dict` reads."""
    out: dict[str, Any] = {}
    for dimension in DIMENSIONS:
        tree = trees[dimension]
        if dimension == "perpetrator" and tree.children is trees["party"].children:
            out[dimension] = {"same_as": "party", "description": tree.description}
            continue
        body = tree.to_dict()
        if dimension == "outcome":
            body["cumulative"] = sorted(trees.cumulative_outcomes)
        out[dimension] = body
    return out


def _war_dict(war: War) -> dict[str, Any]:
    return {
        "id": war.id,
        "name": war.name,
        "start": war.start.isoformat(),
        "end": None if war.end is None else war.end.isoformat(),
        "description": war.description,
        "trees": _trees_dict(war.trees),
    }


def write_wars(
    folder: str | os.PathLike[str],
    n_claims: int,
    *,
    seed: int,
    n_wars: int | None = None,
    conflicts: int = 0,
    rows_per_file: int = 250_000,
    outcomes: Sequence[str] | None = None,
    incident_share: float = 0.10,
    increment_share: float = 0.08,
    partial_share: float = 0.05,
    whole_war_share: float = 0.02,
    echo_share: float = 0.03,
) -> WarsTruth:
    """Write the claims of :func:`generate_wars` into a folder of Parquet files, piece by piece.

    Whole wars are gathered until a piece holds at least ``rows_per_file`` rows; each piece is
    validated (:meth:`ClaimSet.from_frame`) and written as ``part-00000.parquet``,
    ``part-00001.parquet``, ... so that at most one piece (plus the largest war) is in memory
    at once. Every war lies whole in one file. ``wars.json`` describes every war (id, name,
    dates, trees) for :func:`read_wars`. Reading the files in name order gives exactly the
    table of ``generate_wars`` with the same arguments.

    Parameters
    ----------
    folder:
        Where to write; created if absent. It must not already hold Parquet files.
    n_claims, seed, n_wars, conflicts, outcomes, incident_share, increment_share,
    partial_share, whole_war_share, echo_share:
        As for :func:`generate_wars`.
    rows_per_file:
        Least number of rows per file (the last file may hold fewer).

    Returns
    -------
    WarsTruth
        The truth of every war written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     truth = write_wars(tmp, 2_000, seed=5, n_wars=8, conflicts=2, rows_per_file=600)
    ...     files = sorted(p.name for p in pathlib.Path(tmp).iterdir())
    ...     wars = read_wars(tmp)
    >>> files[0], files[-1], len(wars) == len(truth.wars)
    ('part-00000.parquet', 'wars.json', True)
    """
    if rows_per_file < 1:
        raise GeneratorError(f"rows_per_file={rows_per_file} must be at least 1")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    if any(target.glob("*.parquet")):
        raise FolderNotEmptyError(
            f"{str(target)!r} already holds Parquet files; choose an empty folder"
        )
    shares = (incident_share, increment_share, partial_share, whole_war_share)
    models: list[_WarModel] = []
    planted: list[str] = []
    witnesses: dict[str, tuple[str, str]] = {}
    pending: list[pa.Table] = []
    pending_wars: list[War] = []
    written = 0

    def flush() -> None:
        nonlocal written
        frame = _frame(pa.concat_tables(pending))
        claims = ClaimSet.from_frame(frame, wars=pending_wars)
        table = pa.Table.from_pandas(claims.frame, preserve_index=False)
        pq.write_table(table, target / f"part-{written:05d}.parquet")
        written += 1
        pending.clear()
        pending_wars.clear()

    for model, table, found, seen in _iter_wars(
        n_claims, seed, n_wars, conflicts, outcomes, shares, echo_share
    ):
        models.append(model)
        planted.extend(found)
        witnesses.update(seen)
        pending.append(table)
        pending_wars.append(model.war)
        if sum(t.num_rows for t in pending) >= rows_per_file:
            flush()
    if pending:
        flush()
    manifest = {
        "generator": "karabakh_tolls.synthetic.write_wars",
        "arguments": {
            "n_claims": n_claims,
            "seed": seed,
            "n_wars": len(models),
            "conflicts": conflicts,
            "outcomes": list(outcomes) if outcomes is not None else None,
            "incident_share": incident_share,
            "increment_share": increment_share,
            "partial_share": partial_share,
            "whole_war_share": whole_war_share,
            "echo_share": echo_share,
        },
        "files": written,
        "wars": [_war_dict(m.war) for m in models],
    }
    (target / _WARS_FILE).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return WarsTruth(models, planted, witnesses)


def read_wars(folder: str | os.PathLike[str]) -> tuple[War, ...]:
    """The wars of a folder written by :func:`write_wars` (read from its ``wars.json``).

    Pass them to :func:`karabakh_tolls.read_claims` to read the folder's files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from karabakh_tolls import read_claims
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_wars(tmp, 400, seed=2, n_wars=3)
    ...     wars = read_wars(tmp)
    ...     part = read_claims(pathlib.Path(tmp) / "part-00000.parquet", wars=wars)
    >>> len(wars), len(part)
    (3, 400)
    """
    path = Path(folder) / _WARS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise WarError(
            f"cannot read the wars of {str(folder)!r} from {_WARS_FILE}: {error}"
        ) from None
    return tuple(War.from_dict(entry) for entry in data["wars"])


# ==============================================================================================
# The truth-discovery peers' workload
# ==============================================================================================

PEERS_WAR: Final = War(
    "peers-workload",
    "The truth-discovery workload (synthetic)",
    dt.date(2000, 1, 1),
    dt.date(2000, 12, 31),
    description="Each object is a place of its own; every claim is its total on 2000-12-31.",
)
"""The war of :meth:`PeersWorkload.claims` (its trees gain one place per object)."""

_PEERS_DAY: Final = dt.date(2000, 12, 31)
_PEERS_PUBLISHED: Final = dt.date(2001, 1, 15)


@dataclass(frozen=True, slots=True, eq=False)
class PeersWorkload:
    """The workload truth-discovery methods are compared on, with its hidden truth.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per claim: ``object`` (0 to n_objects - 1), ``source`` (``"s000"`` ...),
        ``low``, ``high`` (``Int64``; ``high`` missing when open: "more than N"), ``value``
        (the number the source had in mind) and ``text`` (the figure as written: ``"1,166"``,
        ``"more than 500"``, ``"dozens"``).
    truth : numpy.ndarray
        The true count of object ``i`` at position ``i``.
    bias, spread : numpy.ndarray
        Each source's multiplicative bias (its partisan factor included) and log-noise sd.
    """

    table: pd.DataFrame
    truth: npt.NDArray[np.int64]
    bias: npt.NDArray[np.float64]
    spread: npt.NDArray[np.float64]

    def claims(self) -> ClaimSet:
        """The same claims as a claim set, as a user of this library would enter them.

        Every object is a place of its own (``region = "object-000042"``, a child of the
        gazetteer's root) in one war, :data:`PEERS_WAR`; every claim is the total killed there
        on 2000-12-31 (cumulative, complete coverage) said by its source (kind ``media``,
        independent) in a document of its own. Objects share no cell of any scope tree, so
        they never bear on each other; the root's count is at least the sum of theirs. The
        returned set's war is :data:`PEERS_WAR` with that gazetteer (``claims.wars[0]``).

        Examples
        --------
        >>> w = peers_workload(20, seed=1)
        >>> claims = w.claims()
        >>> len(claims) == len(w.table), claims.frame["region"].iloc[0]
        (True, 'object-000000')
        """
        n_objects = len(self.truth)
        width = max(6, len(str(max(n_objects - 1, 0))))
        places = [f"object-{i:0{width}d}" for i in range(n_objects)]
        region = ScopeTree.from_mapping(
            "region",
            {ROOT: places},
            description="One place per object of the truth-discovery workload.",
        )
        war = PEERS_WAR.evolve(trees=generic_trees().replace("region", region))
        t = self.table
        n = len(t)
        objects = t["object"].to_numpy(dtype=np.int64)
        sources = pa.array(t["source"].to_numpy(dtype=object), pa.string())
        region_names = _take(places, objects)
        ids = pc.binary_join_element_wise(
            "peer-",
            pc.utf8_lpad(pc.cast(pa.array(np.arange(n)), pa.string()), 8, "0"),
            "",
        )
        figures = pa.array(t["text"].to_numpy(dtype=object), pa.string())
        low = t["low"].to_numpy(dtype=np.int64)
        high = t["high"].to_numpy(dtype=np.float64, na_value=np.nan)
        hedges = [str(Figure.parse(x).hedge.value) for x in pd.unique(t["text"]).tolist()]
        hedge_of = dict(zip(pd.unique(t["text"]).tolist(), hedges, strict=True))
        table = pa.table(
            {
                "claim_id": ids,
                "war": pa.array(np.full(n, war.id), pa.string()),
                "figure": figures,
                "low": pa.array(low),
                "high": pa.array(np.nan_to_num(high).astype(np.int64), mask=np.isnan(high)),
                "hedge": pa.array(t["text"].map(hedge_of).to_numpy(dtype=object), pa.string()),
                "outcome": pa.array(np.full(n, "killed"), pa.string()),
                "region": region_names,
                "as_of": _dates(_PEERS_DAY, np.zeros(n, dtype=np.int64)),
                "source": sources,
                "source_kind": pa.array(np.full(n, "media"), pa.string()),
                "document": pc.binary_join_element_wise(sources, region_names, ":"),
                "published": _dates(_PEERS_PUBLISHED, np.zeros(n, dtype=np.int64)),
            }
        )
        return ClaimSet.from_frame(_frame(table), wars=[war])


def peers_workload(
    n_objects: int,
    *,
    seed: int,
    hedged_share: float = 0.0,
    n_sources: int = 200,
    partisans: int = 15,
    claims_per_object: tuple[int, int] = (3, 8),
) -> PeersWorkload:
    """Draw the workload that truth-discovery methods are usually compared on.

    * each object's true count is ``round(exp(U(0, 8))) + 1`` (2 to about 3,000);
    * each of ``n_sources`` sources has a bias factor ``exp(N(0, 0.3))`` and a log-noise
      standard deviation ``U(0.05, 0.8)``; ``partisans`` of them have an extra factor of 2.5
      or 0.4 (equally likely);
    * each object gets ``claims_per_object`` claims (3 to 8, uniformly) from as many distinct
      sources drawn without replacement; a claim says ``round(truth x bias x exp(sd x z))``
      with ``z`` standard normal;
    * ``hedged_share`` of the claims are written as hedged phrases instead and read back with
      the bundled hedge table: "more than N" (N the largest 1, 2 or 5 x 10^k below the number),
      "up to N" (the smallest at or above it) or a vague word whose interval holds it
      ("several", "dozens", "scores", "hundreds", "thousands").

    The draw is :func:`karabakh_tolls.testing.workloads.disagreement_workload` (the one the
    best-estimate benchmark uses), so both benchmarks see the same claims for the same seed;
    this adds the claim set a user of the engine would build from it
    (:meth:`PeersWorkload.claims`).

    Parameters
    ----------
    n_objects:
        Number of objects.
    seed:
        Seed: equal arguments give an equal workload.
    hedged_share:
        Share of claims turned into hedged phrases, in ``[0, 1]``.
    n_sources, partisans, claims_per_object:
        Number of sources, how many are partisan, least and most claims per object.

    Returns
    -------
    PeersWorkload
        ``.table`` for truth-discovery methods, ``.claims()`` for this library's engine.

    Examples
    --------
    >>> w = peers_workload(100, seed=1, hedged_share=0.3)
    >>> list(w.table.columns)
    ['object', 'source', 'low', 'high', 'value', 'text']
    >>> bool(w.table.groupby("object").size().between(3, 8).all()), len(w.truth)
    (True, 100)
    >>> bool(w.table["high"].isna().any())  # "more than N" is open above
    True
    """
    if n_objects < 1:
        raise GeneratorError(f"n_objects={n_objects} must be at least 1")
    if not 0 <= partisans <= n_sources:
        raise GeneratorError(f"partisans={partisans} must lie between 0 and n_sources={n_sources}")
    try:
        drawn = disagreement_workload(
            n_objects,
            seed=seed,
            n_sources=n_sources,
            partisans=partisans,
            claims=claims_per_object,
            hedged=hedged_share,
        )
    except ValueError as error:  # its messages name the argument by its own name
        message = (
            str(error).replace("hedged=", "hedged_share=").replace("claims=", "claims_per_object=")
        )
        raise GeneratorError(message) from None
    table = drawn.table.copy()
    table["source"] = table["source"].astype("string")
    table["text"] = table["text"].astype("string")
    return PeersWorkload(table, drawn.truth, drawn.bias, drawn.spread)
