"""The constraint stage: the one translation of claims into constraints.

A claim set becomes, per (war, outcome), a :class:`Constraints` table of numpy arrays with one
entry per claim the solvers see. This is the only place that decides what a claim means to the
engine; every solver (the exact program, the propagation, the conflict search) reads these
arrays and nothing else of the claim table:

- a claim counts the people of its scope (a node code per dimension: category, party,
  perpetrator, region) over the days ``since..as_of`` of its war, numbered from the war's start
  (day 0); a running total covers ``since = 0``;
- ``low <= count``; ``count <= high`` unless the claim is open above (``high == -1``) or counts
  only part of its scope (``lower_only``: partial coverage, or an implicit count such as "his
  daughter and three of her children", which enumerates people rather than totalling them);
- an increment ("40 more") is the count over its own window ``since..as_of``; for an outcome
  whose totals may fall (displaced, captured) an increment is not modelled, and the claim is
  left out with the reason ``stock-increment``;
- an incident is the toll of one ``event`` on the day ``as_of``: people of one event are the
  same people in every claim about it, and distinct events are distinct people; for a stock
  outcome an incident only says the stock that day is at least its low;
- each claim carries its trust weight (the query layer's policy; weight 0 leaves it out).

The stage of a claim set is built once per trust weighting and kept in the claim set's cache,
so every query about the set reuses it. Rule names (:class:`~karabakh_tolls.resolution.Rule`)
are the one vocabulary the solvers use to say why a bound holds.

This module imports numpy, pandas and the package's ``claims``, ``claimset``, ``figures``,
``scopes``, ``wars`` and ``engine.codes``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from karabakh_tolls.claims import ClaimKind, Coverage
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.engine.codes import IntArray, WarCodes
from karabakh_tolls.figures import Hedge
from karabakh_tolls.policies import ALL_SOURCES, TrustPolicy
from karabakh_tolls.scopes import DIMENSIONS
from karabakh_tolls.wars import War

__all__ = [
    "CUMULATIVE",
    "INCIDENT",
    "INCREMENT",
    "OPEN",
    "Constraints",
    "Stage",
    "policy_stage",
    "stage",
]

CUMULATIVE: Final = 0
INCREMENT: Final = 1
INCIDENT: Final = 2
_KIND_CODES: Final = {
    ClaimKind.CUMULATIVE.value: CUMULATIVE,
    ClaimKind.INCREMENT.value: INCREMENT,
    ClaimKind.INCIDENT.value: INCIDENT,
}
OPEN: Final = -1
"""``high`` of a claim open above."""

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
ObjArray = npt.NDArray[np.object_]
TERM_DIMS: Final = DIMENSIONS[1:]


@dataclass(frozen=True, eq=False)
class Constraints:
    """The constraints of one war and one outcome, one entry per claim the solvers see.

    Arrays are aligned; entries are sorted by claim id, so nothing downstream depends on the
    order of the input rows. ``row`` is each claim's position in the claim set's frame.
    """

    war: War
    outcome: str
    codes: WarCodes
    cumulative: bool
    row: IntArray
    ids: ObjArray
    nodes: IntArray
    """Shape ``(n, 4)``: the node code of category, party, perpetrator and region."""
    since: IntArray
    as_of: IntArray
    low: IntArray
    high: IntArray
    lower_only: BoolArray
    kind: npt.NDArray[np.int8]
    event: IntArray
    weight: FloatArray
    source_names: ObjArray
    evidence: IntArray
    """Per entry: its evidence group as a code (entries carrying one statement share it; see
    :mod:`karabakh_tolls.evidence`): a group is kept or set aside as a whole and weighs once."""
    _cache: dict[Hashable, object] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def used(self) -> BoolArray:
        """Which entries the solvers use (weight above 0)."""
        return np.asarray(self.weight > 0)

    @property
    def upper(self) -> IntArray:
        """The upper bound each entry imposes (``OPEN`` when none: open or lower-only)."""
        return np.where(self.lower_only, OPEN, self.high)

    def take(self, positions: npt.ArrayLike) -> Constraints:
        """The constraints at ``positions`` (in that order), as a table of their own."""
        at = np.asarray(positions, dtype=np.int64)
        return Constraints(
            self.war,
            self.outcome,
            self.codes,
            self.cumulative,
            self.row[at],
            self.ids[at],
            self.nodes[at],
            self.since[at],
            self.as_of[at],
            self.low[at],
            self.high[at],
            self.lower_only[at],
            self.kind[at],
            self.event[at],
            self.weight[at],
            self.source_names[at],
            self.evidence[at],
        )

    @property
    def cache(self) -> dict[Hashable, object]:
        """What the solvers derive from these constraints (components, models), kept once."""
        return self._cache


@dataclass(frozen=True, eq=False)
class Stage:
    """The constraints of a whole claim set under one trust weighting.

    ``groups`` maps (war id, outcome) to its :class:`Constraints`; ``left_out`` maps the frame
    row of every claim the solvers do not use to why: ``"excluded-by-policy"`` (weight 0: it
    stays in its group, so the rows it speaks about stay on the grid, but no solver uses it) or
    ``"stock-increment"`` (an increment of a stock outcome, which is not modelled).
    """

    claims: ClaimSet
    weights: FloatArray
    groups: dict[tuple[str, str], Constraints]
    left_out: dict[int, str]
    codes: dict[str, WarCodes]

    def group(self, war: str, outcome: str) -> Constraints | None:
        """The constraints of one war and outcome (``None`` when no claim bears on them)."""
        return self.groups.get((war, outcome))

    def __iter__(self) -> Iterator[Constraints]:
        return iter(self.groups.values())


def _days(values: pd.Series, start: np.datetime64) -> IntArray:
    days = values.to_numpy(dtype="datetime64[s]").astype("datetime64[D]") - start
    return days.astype(np.int64)


def _build(claims: ClaimSet, weights: FloatArray) -> Stage:
    frame = claims.frame
    order = np.argsort(frame["claim_id"].to_numpy(dtype=str), kind="stable")
    left_out: dict[int, str] = {}
    for row in np.flatnonzero(weights[order] <= 0).tolist():
        left_out[int(order[row])] = "excluded-by-policy"
    groups: dict[tuple[str, str], Constraints] = {}
    codes_by_war: dict[str, WarCodes] = {}
    war_column = frame["war"].to_numpy(dtype=object)
    evidence = pd.factorize(claims.evidence_groups.to_numpy(dtype=object), sort=True)[0]
    outcome_column = frame["outcome"].to_numpy(dtype=object)
    kinds = frame["kind"].to_numpy(dtype=object)
    partial = (frame["coverage"].to_numpy(dtype=object) == Coverage.PARTIAL.value) | (
        frame["hedge"].to_numpy(dtype=object) == Hedge.IMPLICIT.value
    )
    # claims left out by the policy stay in their group with weight 0: the solvers skip them,
    # but the rows they speak about stay on the grid
    kept = order
    for war in claims.wars:
        codes = WarCodes.of(war.trees)
        codes_by_war[war.id] = codes
        start = np.datetime64(war.start, "D")
        of_war = kept[war_column[kept] == war.id]
        outcome_order = codes.dims[0].index
        for outcome in sorted(
            {str(o) for o in outcome_column[of_war]}, key=outcome_order.__getitem__
        ):
            rows = of_war[outcome_column[of_war] == outcome]
            cumulative = war.trees.is_cumulative(outcome)
            kind = np.array([_KIND_CODES[str(k)] for k in kinds[rows]], dtype=np.int8)
            if not cumulative:
                stock_increment = kind == INCREMENT
                for row in rows[stock_increment].tolist():
                    left_out[int(row)] = "stock-increment"
                rows, kind = rows[~stock_increment], kind[~stock_increment]
            if len(rows) == 0:
                continue
            sub = frame.iloc[rows]
            nodes = np.stack(
                [codes.dims[DIMENSIONS.index(d)].codes(sub[d].to_numpy()) for d in TERM_DIMS],
                axis=1,
            )
            as_of = _days(sub["as_of"], start)
            since = _days(sub["since"], start)
            lower_only = partial[rows].copy()
            if cumulative:
                since = np.where(kind == INCIDENT, as_of, since)
            else:
                # a stock is counted on a day: every claim is about the stock on its as_of, and
                # an incident only says that stock is at least its toll
                since = as_of.copy()
                lower_only |= kind == INCIDENT
                kind = np.zeros(len(rows), dtype=np.int8)
            events = sub["event"].astype(object).where(kind == INCIDENT, None).to_numpy()
            event_code = np.full(len(rows), -1, dtype=np.int64)
            has_event = np.array([e is not None and e is not pd.NA for e in events], dtype=bool)
            if has_event.any():
                _, inverse = np.unique(events[has_event].astype(str), return_inverse=True)
                event_code[has_event] = inverse
            high = sub["high"].to_numpy(dtype=np.int64, na_value=OPEN)
            groups[(war.id, outcome)] = Constraints(
                war,
                outcome,
                codes,
                cumulative,
                rows.astype(np.int64),
                sub["claim_id"].to_numpy(dtype=object),
                nodes,
                since,
                as_of,
                sub["low"].to_numpy(dtype=np.int64),
                high,
                lower_only,
                kind,
                event_code,
                weights[rows].astype(np.float64),
                sub["source_name"].fillna("").to_numpy(dtype=object),
                evidence[rows].astype(np.int64),
            )
    return Stage(claims, weights, groups, left_out, codes_by_war)


def stage(claims: ClaimSet, weights: FloatArray | None = None, key: Hashable = None) -> Stage:
    """The constraint stage of ``claims`` under per-row trust ``weights`` (default: 1 each).

    ``key`` names the weighting (e.g. the trust policy) for the claim set's cache: the stage is
    built once per claim set and key and reused by every later query.

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> seeds = load_seed_claims()
    >>> killed = stage(seeds).group("karabakh-2020", "killed")
    >>> len(killed), killed.ids[:3].tolist(), int(killed.since.min())
    (19, ['c01', 'c02', 'c03'], 0)
    >>> stage(seeds) is stage(seeds)
    True
    """
    cache_key = ("constraint-stage", key)
    found = claims.cache.get(cache_key)
    if isinstance(found, Stage):
        return found
    chosen = np.ones(len(claims), dtype=np.float64) if weights is None else weights
    if chosen.shape != (len(claims),):
        raise ValueError(f"weights has shape {chosen.shape}; the claims are {len(claims)}")
    built = _build(claims, np.asarray(chosen, dtype=np.float64))
    claims.cache[cache_key] = built
    return built


def policy_stage(claims: ClaimSet, policy: TrustPolicy) -> Stage:
    """The constraint stage of ``claims`` under a trust policy, built once per claim set and
    policy (equal trust shares the default stage). Each row's weight is asked of the policy
    once per distinct source, kind and affiliation.

    Examples
    --------
    >>> from karabakh_tolls import INDEPENDENT_ONLY, load_seed_claims
    >>> seeds = load_seed_claims()
    >>> policy_stage(seeds, INDEPENDENT_ONLY) is policy_stage(seeds, INDEPENDENT_ONLY)
    True
    """
    if policy == ALL_SOURCES:
        return stage(claims)
    cached = claims.cache.get(("constraint-stage", policy))
    if isinstance(cached, Stage):
        return cached
    columns = ["source", "source_kind", "source_affiliation"]
    frame = claims.frame[columns]
    distinct = frame.drop_duplicates()
    distinct = distinct.assign(weight=policy.weigh(distinct).to_numpy(dtype=float))
    merged = frame.merge(distinct, on=columns, how="left")
    weights = np.asarray(merged["weight"].to_numpy(dtype=float), dtype=np.float64)
    return stage(claims, weights, key=policy)
