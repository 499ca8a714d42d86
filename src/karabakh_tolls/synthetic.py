"""Synthetic claim sets with a known truth, for tests and benchmarks.

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
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.scopes import DIMENSIONS, ROOT, ScopeTrees, default_trees
from karabakh_tolls.wars import War, default_war

__all__ = ["Truth", "gazetteer", "generate"]

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
        raise ValueError(f"n_claims={n_claims} must be at least 1")
    if conflicts < 0 or conflicts > n_claims:
        raise ValueError(f"conflicts={conflicts} must be between 0 and n_claims={n_claims}")
    if not 0 <= incident_share + increment_share <= 1:
        raise ValueError(
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
