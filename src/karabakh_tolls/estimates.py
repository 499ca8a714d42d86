"""Best estimates of reconciliation: :func:`estimate`, learned trust, and the estimate columns.

Reconciliation says what the claims *imply* (a hard range); this module adds what is *most
likely*, with the model of disagreement of :mod:`karabakh_tolls.disagreement`:

1. **Readings.** From the one constraint stage (:mod:`karabakh_tolls.engine.constraints`) of
   the claim set under the user's trust policy, every claim that states a count of its own
   scope on its own date is a *reading* of that key (war, outcome, scope box, date): a complete
   running total or stock is an interval reading ``[low, high]``; a partial or implicit count
   (lower-only) is censored below, ``[low, open)``. Incidents, increments and counts over a
   window after the war's start (phases) are not readings of any key: they enter the estimate
   only through the hard ranges. Claims the policy weighs 0 are left out. Rows that carry one
   statement count once: the rows of one ``evidence`` group when the table has that column,
   otherwise the rows by one source of one figure about one key (one statement through several
   outlets).
2. **Reliability.** One fit of the model to every reading of the set (all wars and outcomes at
   once: a source is one source whatever it speaks about) learns each source's bias and spread.
3. **Learned trust.** A source's *trust* is the probability that one of its readings lies
   within :data:`TOLERANCE` (10 %) of the truth, ``P(|b + sigma z| <= log 1.1)``: 1 for a source
   that always tells the truth, near 0 for one that halves every count. The trust weight of a
   claim is that trust times the user's policy weight, divided by the number of rows that carry
   its statement; the hard ranges of the estimates come from the constraint stage under these
   weights, so that in a conflict the engine sets aside the least reliable claims first (then
   the least trusted by the user; claim ids only break exact ties).
4. **Estimates.** Each key's posterior is truncated to its hard range; a key with readings
   gets the posterior median of its readings, a key without any gets the median of the learned
   prior of counts truncated to its hard range. The best values are then made to respect the
   order of keys (a sub-scope never above its scope, a running total never falling over time):
   over the keys with readings, each best becomes the mean of the largest best at or below it
   and the smallest best at or above it (both monotone, so their mean is), and a key without
   readings is clamped between the bests of the keys with readings below and above it. Every
   value is finally clipped to the key's hard range. The credible interval is the posterior's
   equal-tailed interval at ``level``, widened to hold the best where the order moved it.
   The hard range assumes every kept claim true, so an interval inside it would present one
   surviving claim as a certainty: a key with readings gets the hull of that interval and the
   interval its readings alone give (which allows for each source's learned error), on each
   side its readings speak to (the low where one states a floor, the high where one states a
   ceiling), and a key
   in conflict (its kept claims are the engine's least-weight choice, not a fact) gets the best
   and interval of its readings alone, which may lie outside the hard range.
5. **Status.** A claim is *judged off* when its stated interval misses the credible interval
   that the readings alone (without the hard range) give its key. A row is ``conflict`` when
   claims were set aside for it, else ``contested`` when a claim it rests on is judged off (a
   reading of its key, or a claim behind its low or high), else ``consistent``.

This module imports numpy, pandas, scipy and the package's ``cite``, ``claims``, ``claimset``,
``disagreement``, ``errors``, ``policies``, ``resolution``, ``scopes``, ``wars`` and ``engine``
modules.

Examples
--------
>>> import karabakh_tolls as kt
>>> e = kt.estimate(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh",
...                 "2020-10-29")
>>> e.best, e.low, e.high, e.hard_low, e.hard_high  # one source's figure: not a certainty
(1166, 493, 2644, 1166, 1166)
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import special

from karabakh_tolls import cite as _cite
from karabakh_tolls import disagreement
from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.engine.constraints import (
    INCIDENT,
    INCREMENT,
    OPEN,
    Constraints,
    Stage,
    policy_stage,
    stage,
)
from karabakh_tolls.engine.exact import SolverFailure
from karabakh_tolls.engine.solve import DEFAULT_MAX_VARIABLES, Bound, GroupSolver, solver, table
from karabakh_tolls.errors import (
    ArgumentTypeError,
    EstimationError,
    ReconciliationError,
    ScopeError,
    WarError,
)
from karabakh_tolls.policies import ALL_SOURCES, TrustPolicy
from karabakh_tolls.resolution import left_out_roles
from karabakh_tolls.scopes import DIMENSIONS, Scope
from karabakh_tolls.wars import War

__all__ = [
    "ESTIMATE_COLUMNS",
    "TOLERANCE",
    "Estimate",
    "Reading",
    "estimate",
    "estimate_level",
    "estimate_stage",
    "learned_trust",
    "reliability",
    "with_estimates",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

TOLERANCE: Final = 0.1
"""A reading within this relative distance of the truth (10 %) counts as right for trust."""
TRUST_FLOOR: Final = 1e-4
"""The least trust a source gets: a trust weight of 0 would leave its claims out altogether."""
MAX_COUNT: Final = disagreement.MAX_COUNT  # the largest count held exactly, 2**63 - 1
_NONE: Final = -1  # no value below (for maxima)
_PRIOR_CELLS: Final = 4096

ESTIMATE_COLUMNS: Final = ("best", "best_low", "best_high", "judged_off")
"""Columns that ``reconcile_all(..., estimate=True)`` adds.

``best`` is the most likely count (``Int64``; missing where no claim and no hard bound puts a
ceiling on it); ``best_low``/``best_high`` bound the credible interval at the table's level
(where there is no best, ``best_low`` is the hard low and ``best_high`` is missing);
``judged_off`` lists, joined by ``";"``, the claims the
row rests on that the model judges off (with ``supports=False``, only the claims about the
row's own scope and date). ``status`` then reads ``consistent``, ``contested`` or ``conflict``.
"""


# ---------------------------------------------------------------------------------------------
# The model learned once per claim set and policy
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _GroupReadings:
    """The readings of one (war, outcome) group: positions in its constraints and objects."""

    positions: IntArray  # constraint positions of the readings
    obj: IntArray  # global object index of each reading
    src: IntArray  # source index of each reading
    low: FloatArray
    high: FloatArray  # inf: open (or lower-only)
    evidence: IntArray  # echo group (-1: none)
    obj_nodes: IntArray  # (k, 4): the group's objects, in global order
    obj_days: IntArray
    obj_global: IntArray  # global index of each of the group's objects


@dataclass(eq=False)
class _Model:
    policy: TrustPolicy
    tolerance: float
    base: Stage
    learned: Stage
    sources: tuple[str, ...]
    names: tuple[str, ...]
    fit: disagreement.Fit | None
    trust: FloatArray
    n_readings: IntArray  # per source: readings (rows, echoes included)
    readings: dict[tuple[str, str], _GroupReadings]
    free: dict[float, disagreement.Summary] = field(default_factory=dict)
    results: dict[tuple[str, str, float], _Rows] = field(default_factory=dict)

    def free_summary(self, level: float) -> disagreement.Summary | None:
        """Per global object: the credible interval of its readings alone (no hard range)."""
        if self.fit is None:
            return None
        if level not in self.free:
            self.free[level] = disagreement.summarise(self.fit.posterior, level=level)
        return self.free[level]


def _reading_mask(group: Constraints) -> BoolArray:
    """Which constraints are readings of their own key (see the module docstring)."""
    mask = (group.weight > 0) & (group.kind != INCIDENT) & (group.kind != INCREMENT)
    if group.cumulative:
        mask &= group.since == 0
    return np.asarray(mask)


def _evidence_codes(frame: pd.DataFrame) -> IntArray:
    """Per frame row: its evidence group as a code (-1 when the table has none for it)."""
    if "evidence" not in frame.columns:
        return np.full(len(frame), -1, dtype=np.int64)
    values = frame["evidence"].astype("string")
    present = values.notna().to_numpy(dtype=bool)
    out = np.full(len(frame), -1, dtype=np.int64)
    if present.any():
        _, inverse = np.unique(values[present].to_numpy(dtype=str), return_inverse=True)
        out[present] = inverse.reshape(-1)
    return out


def _echo_sizes(frame: pd.DataFrame, evidence: IntArray) -> FloatArray:
    """Per frame row: how many rows carry its statement (its evidence group, or the same
    source, figure, scope, dates, kind and event)."""
    if len(frame) == 0:
        return np.zeros(0)
    keys = [
        "war",
        *DIMENSIONS,
        "kind",
        "since",
        "as_of",
        "event",
        "coverage",
        "hedge",
        "low",
        "high",
        "source",
    ]
    parts = frame[keys].astype("string").fillna("\x00")
    plain = parts.groupby(keys, sort=False, dropna=False)["source"].transform("size")
    sizes = plain.to_numpy(dtype=np.float64)
    grouped = evidence >= 0
    if grouped.any():
        ev = pd.DataFrame({"war": parts["war"], "outcome": parts["outcome"], "ev": evidence})
        by_ev = ev.groupby(["war", "outcome", "ev"], sort=False)["ev"].transform("size")
        sizes = np.where(grouped, by_ev.to_numpy(dtype=np.float64), sizes)
    return np.asarray(sizes, dtype=np.float64)


def _trust(bias: FloatArray, spread: FloatArray, tolerance: float) -> FloatArray:
    """``P(|b + sigma z| <= log(1 + tolerance))`` per source, floored at :data:`TRUST_FLOOR`."""
    delta = math.log1p(tolerance)
    sd = np.maximum(spread, 1e-12)
    p = special.ndtr((delta - bias) / sd) - special.ndtr((-delta - bias) / sd)
    return np.asarray(np.maximum(p, TRUST_FLOOR), dtype=np.float64)


def _checked(claims: object, policy: object) -> tuple[ClaimSet, TrustPolicy]:
    """The claim set and the policy (default: every source, equal trust), type-checked."""
    if not isinstance(claims, ClaimSet):
        raise ArgumentTypeError.of("claims", "a ClaimSet (kt.read_claims, kt.ClaimSet)", claims)
    if policy is not None and not isinstance(policy, TrustPolicy):
        raise ArgumentTypeError.of("policy", "a TrustPolicy", policy)
    return claims, policy if policy is not None else ALL_SOURCES


def _learn(claims: ClaimSet, policy: TrustPolicy, tolerance: float) -> _Model:
    key = ("estimates", policy, tolerance)
    found = claims.cache.get(key)
    if isinstance(found, _Model):
        return found
    frame = claims.frame
    base = policy_stage(claims, policy)
    sources_col = frame["source"].astype("string").fillna("").to_numpy(dtype=str)
    sources, src_of_row = np.unique(sources_col, return_inverse=True)
    src_of_row = src_of_row.reshape(-1).astype(np.int64)
    names_col = frame["source_name"].astype("string").to_numpy(dtype=object)
    names = []
    for s in range(len(sources)):
        first = int(np.argmax(src_of_row == s))
        name = names_col[first]
        names.append(str(sources[s]) if name is None or name is pd.NA else str(name))
    evidence = _evidence_codes(frame)

    # readings of every group, objects numbered over the whole set
    groups = list(base)
    per_group: list[IntArray] = []
    keys: list[IntArray] = []
    for gi, group in enumerate(groups):
        positions = np.flatnonzero(_reading_mask(group)).astype(np.int64)
        per_group.append(positions)
        keys.append(
            np.column_stack(
                [
                    np.full(len(positions), gi, dtype=np.int64),
                    group.nodes[positions],
                    group.as_of[positions],
                ]
            )
        )
    stacked = np.concatenate(keys) if keys else np.zeros((0, 6), dtype=np.int64)
    if len(stacked):
        unique_keys, obj_all = np.unique(stacked, axis=0, return_inverse=True)
        obj_all = obj_all.reshape(-1).astype(np.int64)
    else:
        unique_keys, obj_all = np.zeros((0, 6), dtype=np.int64), np.zeros(0, dtype=np.int64)
    readings: dict[tuple[str, str], _GroupReadings] = {}
    all_src, all_low, all_high, all_ev = [], [], [], []
    offset = 0
    for gi, (positions, group) in enumerate(zip(per_group, groups, strict=True)):
        gkey = (group.war.id, group.outcome)
        rows = group.row[positions]
        obj = obj_all[offset : offset + len(positions)]
        offset += len(positions)
        high = np.where(
            (group.high[positions] == OPEN) | group.lower_only[positions],
            np.inf,
            group.high[positions].astype(np.float64),
        )
        mine = np.flatnonzero(unique_keys[:, 0] == gi)
        readings[gkey] = _GroupReadings(
            positions,
            obj,
            src_of_row[rows],
            group.low[positions].astype(np.float64),
            high,
            evidence[rows],
            unique_keys[mine, 1:5],
            unique_keys[mine, 5],
            mine.astype(np.int64),
        )
        all_src.append(src_of_row[rows])
        all_low.append(group.low[positions].astype(np.float64))
        all_high.append(high)
        all_ev.append(evidence[rows])
    n_sources = len(sources)
    n_readings = np.zeros(n_sources, dtype=np.int64)
    fit: disagreement.Fit | None = None
    if len(obj_all):
        src = np.concatenate(all_src)
        n_readings = np.bincount(src, minlength=n_sources).astype(np.int64)
        prepared = disagreement.prepare(
            obj_all,
            src,
            np.concatenate(all_low),
            np.concatenate(all_high),
            group=np.concatenate(all_ev),
            n_objects=len(unique_keys),
            n_sources=n_sources,
        )
        fit = disagreement.fit(prepared)
        trust = _trust(fit.reliability.bias, fit.reliability.spread, tolerance)
    else:
        trust = np.ones(n_sources)

    policy_w = np.asarray(base.weights, dtype=np.float64)
    weights = policy_w * trust[src_of_row] / _echo_sizes(frame, evidence)
    weights = np.where(policy_w > 0, weights, 0.0)
    learned = stage(claims, weights, key=("estimates", policy, tolerance))
    model = _Model(
        policy,
        tolerance,
        base,
        learned,
        tuple(str(s) for s in sources),
        tuple(names),
        fit,
        trust,
        n_readings,
        readings,
    )
    claims.cache[key] = model
    return model


def estimate_stage(claims: ClaimSet, policy: TrustPolicy | None = None) -> Stage:
    """The constraint stage under learned trust: what ``reconcile_all(..., estimate=True)``
    and :func:`estimate` solve (every claim weighed by its source's learned trust times the
    policy's weight, echoes once).

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> st = estimate_stage(load_seed_claims())
    >>> bool((st.group("karabakh-2020", "killed").weight > 0).all())
    True
    """
    chosen_claims, chosen = _checked(claims, policy)
    return _learn(chosen_claims, chosen, TOLERANCE).learned


def learned_trust(
    claims: ClaimSet, policy: TrustPolicy | None = None, *, tolerance: float = TOLERANCE
) -> TrustPolicy:
    """A trust policy from the reliability the model learns of every source.

    Each source's weight is the policy's weight for it times its *trust*: the probability that
    one of its readings lies within ``tolerance`` (relative) of the truth, given its learned bias
    and spread (at least :data:`TRUST_FLOOR`). Kinds, affiliations and ``independent_only`` are
    the policy's. Use it with :func:`~karabakh_tolls.reconcile.reconcile` so that conflicts
    set aside the least reliable sources first. (``reconcile_all(..., estimate=True)`` and
    :func:`estimate` do this already, and also count echoes of one statement once.)

    Parameters
    ----------
    claims:
        The claim set the reliability is learned from.
    policy:
        The user's trust (default: every source, equal trust).
    tolerance:
        How far (relative) a reading may be from the truth and still count as right.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> p = learned_trust(kt.load_seed_claims())
    >>> p.name
    'learned reliability, all sources, equal trust'
    >>> 0 < p.sources["amnesty-international"] <= 1
    True
    """
    claims, chosen = _checked(claims, policy)
    if isinstance(tolerance, bool) or not (
        isinstance(tolerance, int | float) and math.isfinite(tolerance) and tolerance > 0
    ):
        raise EstimationError(f"tolerance={tolerance!r} must be a positive finite number")
    model = _learn(claims, chosen, float(tolerance))
    weights = {
        s: chosen.sources.get(s, 1.0) * float(t)
        for s, t in zip(model.sources, model.trust, strict=True)
    }
    return TrustPolicy(
        f"learned reliability, {chosen.name}",
        sources=weights,
        kinds=chosen.kinds,
        affiliations=chosen.affiliations,
        independent_only=chosen.independent_only,
    )


def reliability(claims: ClaimSet, policy: TrustPolicy | None = None) -> pd.DataFrame:
    """What the model learns of every source of a claim set.

    One row per source (sorted by id): ``source``, ``source_name``, ``bias`` (the factor by
    which it states counts relative to the typical source: 1 unbiased, 2 doubles), ``spread``
    (the standard deviation of its readings on the ``log(count + 1)`` scale, about its relative
    error), ``trust`` (the probability that a reading of it lies within 10 % of the truth) and
    ``n_readings`` (its claims that are readings of a key; echoes included).

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> table = reliability(kt.load_seed_claims())
    >>> list(table.columns)
    ['source', 'source_name', 'bias', 'spread', 'trust', 'n_readings']
    """
    checked, chosen = _checked(claims, policy)
    model = _learn(checked, chosen, TOLERANCE)
    n = len(model.sources)
    if model.fit is not None:
        bias = np.exp(model.fit.reliability.bias)
        spread = model.fit.reliability.spread
    else:
        bias, spread = np.ones(n), np.full(n, np.nan)
    return pd.DataFrame(
        {
            "source": pd.array(model.sources, dtype="string"),
            "source_name": pd.array(model.names, dtype="string"),
            "bias": bias,
            "spread": spread,
            "trust": model.trust,
            "n_readings": pd.array(model.n_readings, dtype="Int64"),
        }
    )


# ---------------------------------------------------------------------------------------------
# Estimates of the rows of one group
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Rows:
    """Estimates of the grid rows of one group (arrays aligned with ``nodes``/``days``)."""

    nodes: IntArray
    days: IntArray
    hard_low: IntArray
    hard_high: IntArray
    open_high: BoolArray
    best: IntArray
    has_best: BoolArray
    low: IntArray
    high: IntArray
    obj: IntArray  # local object (-1: no readings)
    judged: list[tuple[int, ...]]  # constraint positions judged off that each row rests on
    status: npt.NDArray[np.object_]
    reading_rows: BoolArray  # rows whose best comes from their readings
    free_low: IntArray  # per row with readings: the readings' own credible interval
    free_high: IntArray
    free_open: BoolArray
    judged_reading: BoolArray  # per reading (model.readings order): judged off
    shares: FloatArray  # per reading: its share of its key's weight


def _index(nodes: IntArray, days: IntArray) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([nodes[:, 0], nodes[:, 1], nodes[:, 2], nodes[:, 3], days])


def _links(group: Constraints, nodes: IntArray, days: IntArray) -> list[IntArray]:
    """Per dimension: the row of each row's parent in that dimension, same day (-1: none)."""
    index = _index(nodes, days)
    out = []
    for d in range(4):
        parents = group.codes.dims[d + 1].parent[nodes[:, d]]
        has = parents >= 0
        lifted = nodes.copy()
        lifted[has, d] = parents[has]
        found = index.get_indexer(_index(lifted, days)).astype(np.int64)
        found[~has] = -1
        out.append(found)
    return out


def _time_order(nodes: IntArray, days: IntArray) -> tuple[IntArray, IntArray]:
    """Rows sorted by box then day, and the box of each sorted row."""
    _, box = np.unique(nodes, axis=0, return_inverse=True)
    box = box.reshape(-1).astype(np.int64)
    order = np.lexsort((days, box)).astype(np.int64)
    return order, box[order]


def _up(
    values: IntArray, links: list[IntArray], time: tuple[IntArray, IntArray] | None
) -> IntArray:
    """Per row, the largest value at or below it (sub-scopes on its day, then earlier days)."""
    v = values.copy()
    for _ in range(64):
        before = v.copy()
        for link in links:
            ok = link >= 0
            np.maximum.at(v, link[ok], v[ok])
        if np.array_equal(before, v):
            break
    if time is not None:
        order, box = time
        run = pd.Series(v[order]).groupby(box).cummax().to_numpy(dtype=np.int64)
        v[order] = run
    return v


def _down(
    values: IntArray, links: list[IntArray], time: tuple[IntArray, IntArray] | None
) -> IntArray:
    """Per row, the smallest value at or above it (later days, then enclosing scopes)."""
    v = values.copy()
    if time is not None:
        order, box = time
        back = order[::-1]
        run = pd.Series(v[back]).groupby(box[::-1]).cummin().to_numpy(dtype=np.int64)
        v[back] = run
    for _ in range(64):
        before = v.copy()
        for link in links:
            ok = link >= 0
            v[ok] = np.minimum(v[ok], v[link[ok]])
        if np.array_equal(before, v):
            break
    return v


def _echoes_within(gr: _GroupReadings, local: IntArray) -> FloatArray:
    """Per reading: how many readings of its key carry its statement."""
    keys = pd.DataFrame(
        {
            "o": local,
            "s": np.where(gr.evidence >= 0, -1, gr.src),
            "e": gr.evidence,
            "lo": np.where(gr.evidence >= 0, 0.0, gr.low),
            "hi": np.where(gr.evidence >= 0, 0.0, gr.high),
        }
    )
    sizes = keys.groupby(["o", "s", "e", "lo", "hi"], sort=False)["o"].transform("size")
    return np.asarray(sizes.to_numpy(dtype=np.float64), dtype=np.float64)


def _midpoint(a: IntArray, b: IntArray) -> IntArray:
    """``floor((a + b) / 2)`` without overflow (monotone in both)."""
    return np.asarray(a // 2 + b // 2 + ((a % 2) + (b % 2)) // 2, dtype=np.int64)


def _prior_summary(
    prior: disagreement.Prior | None,
    hard_low: IntArray,
    hard_high: IntArray,
    open_high: BoolArray,
    level: float,
) -> tuple[IntArray, IntArray, IntArray]:
    """Median and equal-tailed interval of the learned prior truncated to each hard range
    (a key without readings); a key open above gets its hard low as its interval's low."""
    n = len(hard_low)
    lo_c = hard_low.astype(np.float64)
    hi_c = np.where(open_high, lo_c, hard_high.astype(np.float64))
    t_lo = np.log1p(lo_c)
    t_hi = np.log1p(hi_c)
    if prior is None or n == 0:
        q = np.stack([t_lo + f * (t_hi - t_lo) for f in (0.5, (1 - level) / 2, (1 + level) / 2)])
    else:
        top = max(prior.top, float(t_hi.max(initial=0.0))) * (1 + 1e-9) + 1e-9
        edges = np.linspace(0.0, top, _PRIOR_CELLS + 1)
        centres = 0.5 * (edges[1:] + edges[:-1])
        log_density = prior.log_pdf(centres)
        mass = np.exp(log_density - log_density.max())
        cdf = np.concatenate([[0.0], np.cumsum(mass)])
        cdf /= cdf[-1]
        f_lo = np.interp(t_lo, edges, cdf)
        f_hi = np.interp(t_hi, edges, cdf)
        found: list[FloatArray] = []
        for f in (0.5, (1 - level) / 2, (1 + level) / 2):
            target = f_lo + f * (f_hi - f_lo)
            theta = np.interp(target, cdf, edges)
            flat = (f_hi - f_lo) <= 1e-12
            theta = np.where(flat, t_lo + f * (t_hi - t_lo), theta)
            found.append(np.clip(theta, t_lo, t_hi))
        q = np.stack(found)
    counts = np.clip(np.rint(np.expm1(q)), lo_c, hi_c)
    big = counts >= float(MAX_COUNT)
    whole = np.where(big, 0, counts).astype(np.int64)
    whole = np.where(big, MAX_COUNT, whole)
    whole = np.clip(whole, hard_low, np.where(open_high, MAX_COUNT, hard_high))
    best, low, high = whole[0], whole[1], whole[2]
    low = np.where(open_high, hard_low, low)
    return best, low, high


def _within_all(group: Constraints, inner: IntArray, outer: IntArray) -> BoolArray:
    """Element-wise (broadcast rows): every dimension of ``inner`` lies within ``outer``."""
    ok = np.ones(np.broadcast_shapes(inner.shape[:-1], outer.shape[:-1]), dtype=bool)
    for d in range(4):
        ok &= group.codes.dims[d + 1].within(inner[..., d], outer[..., d])
    return ok


def _rows_estimates(
    model: _Model,
    group: Constraints,
    nodes: IntArray,
    days: IntArray,
    hard_low: IntArray,
    hard_high: IntArray,
    open_high: BoolArray,
    pairs: IntArray,
    conflict: BoolArray,
    level: float,
) -> _Rows:
    """Best values, credible intervals and statuses of a group's grid rows."""
    n = len(days)
    gr = model.readings.get((group.war.id, group.outcome))
    fit = model.fit
    hh = np.where(open_high, MAX_COUNT, hard_high)

    # the keys with readings, on the grid
    obj_row = np.full(0, -1, dtype=np.int64)
    row_obj = np.full(n, -1, dtype=np.int64)
    k = 0 if gr is None else len(gr.obj_days)
    if gr is not None and k:
        obj_row = _index(nodes, days).get_indexer(_index(gr.obj_nodes, gr.obj_days))
        obj_row = obj_row.astype(np.int64)
        on = obj_row >= 0
        row_obj[obj_row[on]] = np.flatnonzero(on)
    best = np.zeros(n, dtype=np.int64)
    has_best = np.zeros(n, dtype=bool)
    low = hard_low.copy()
    high = hh.copy()
    reading_rows = row_obj >= 0
    free_low = np.zeros(n, dtype=np.int64)
    free_high = np.zeros(n, dtype=np.int64)
    free_open = np.ones(n, dtype=bool)
    loose = np.zeros(n, dtype=bool)  # keys whose estimate is their readings' alone
    n_read = 0 if gr is None else len(gr.positions)
    judged_reading = np.zeros(n_read, dtype=bool)
    shares = np.zeros(n_read)
    local = np.zeros(0, dtype=np.int64) if gr is None else np.searchsorted(gr.obj_global, gr.obj)
    if gr is not None and k and fit is not None:
        on = obj_row >= 0
        rows = obj_row[on]
        # what the readings alone say (no hard range): the hard range assumes every kept claim
        # true, and an interval inside it would present a lone surviving claim as certain
        free = model.free_summary(level)
        assert free is not None
        f_best = free.best[gr.obj_global]
        f_has = free.has_best[gr.obj_global]
        f_low = free.low[gr.obj_global]
        f_high = np.where(f_has, free.high[gr.obj_global], MAX_COUNT)
        # the posterior within the hard range (whose ceiling may come from the structure)
        b_low = np.zeros(k, dtype=np.int64)
        b_high = np.full(k, MAX_COUNT, dtype=np.int64)
        b_open = np.ones(k, dtype=bool)
        b_low[on] = hard_low[rows]
        b_high[on] = hh[rows]
        b_open[on] = open_high[rows]
        bounds = disagreement.Bounds(b_low, b_high, b_open)
        prepared = disagreement.prepare(
            local,
            gr.src,
            gr.low,
            gr.high,
            group=gr.evidence,
            n_objects=k,
            n_sources=len(model.sources),
        )
        post = disagreement.posterior(prepared, fit.reliability, fit.prior, bounds=bounds)
        held = disagreement.summarise(post, level=level, bounds=bounds)
        # a row in conflict: the kept claims are the engine's least-weight choice, not a fact,
        # so its estimate is what the readings alone say; elsewhere the best stays within the
        # hard range and the interval also holds what the readings alone allow
        use_free = f_has[on] & conflict[rows]
        loose[rows] = use_free
        held_has = held.has_best[on]
        best[rows] = np.where(use_free, f_best[on], held.best[on])
        has_best[rows] = use_free | held_has
        # what the readings alone allow widens only a side they speak to: a floor ("at least",
        # an exact figure) for the low, a ceiling for the high. A key read only as "as high as
        # 5,000" has a readings-alone low that is the prior's, not evidence, and the floor the
        # structure gives it (the sum of its parts) is kept
        speaks_low = np.bincount(local[gr.low > 0], minlength=k)[on] > 0
        speaks_high = np.bincount(local[np.isfinite(gr.high)], minlength=k)[on] > 0
        widen_low = held_has & f_has[on] & speaks_low
        widen_high = held_has & f_has[on] & speaks_high
        # without a ceiling the interval's low would come from the prior's arbitrary top
        held_low = np.where(held_has, held.low[on], hard_low[rows])
        held_high = np.where(held_has, held.high[on], MAX_COUNT)
        low[rows] = np.where(
            use_free, f_low[on], np.where(widen_low, np.minimum(held_low, f_low[on]), held_low)
        )
        high[rows] = np.where(
            use_free,
            f_high[on],
            np.where(widen_high, np.maximum(held_high, f_high[on]), held_high),
        )
        free_low[rows] = f_low[on]
        free_high[rows] = f_high[on]
        free_open[rows] = ~f_has[on]
        r_low = free.low[gr.obj]
        r_high = np.where(free.has_best[gr.obj], free.high[gr.obj], MAX_COUNT)
        claim_high = np.where(np.isfinite(gr.high), gr.high, np.inf)
        judged_reading = (claim_high < r_low) | (gr.low > r_high)
        sd = fit.reliability.spread[gr.src]
        w = 1.0 / (sd * sd + 1.0 / (12.0 * (gr.low + 1.0) ** 2)) / _echoes_within(gr, local)
        totals = np.bincount(local, weights=w, minlength=k)
        shares = w / totals[local]
    # keys without readings: the learned prior within the hard range
    others = ~reading_rows
    if others.any():
        p_best, p_low, p_high = _prior_summary(
            None if fit is None else fit.prior,
            hard_low[others],
            hard_high[others],
            open_high[others],
            level,
        )
        best[others] = p_best
        has_best[others] = ~open_high[others]
        low[others] = p_low
        high[others] = np.where(open_high[others], MAX_COUNT, p_high)

    # the order of keys: sub-scopes and earlier days never above
    links = _links(group, nodes, days)
    time = _time_order(nodes, days) if group.cumulative else None
    core = reading_rows & has_best
    up = _up(np.where(core, best, _NONE), links, time)
    down = _down(np.where(core, best, MAX_COUNT), links, time)
    f = np.where(core, _midpoint(up, down), 0)
    below = _up(np.where(core, f, _NONE), links, time)
    above = _down(np.where(core, f, MAX_COUNT), links, time)
    free_keys = ~core & has_best
    lifted = np.where(below >= 0, np.maximum(best, below), best)
    moved = np.where(free_keys, np.minimum(lifted, above), f)
    best = np.where(core | free_keys, moved, best)
    # a safety net where hard ranges are not monotone (propagated rows), then the hard range
    if has_best.any():
        up2 = _up(np.where(has_best, best, _NONE), links, time)
        down2 = _down(np.where(has_best, best, MAX_COUNT), links, time)
        best = np.where(has_best, _midpoint(up2, down2), best)
    # the hard range last, except in a conflict (where the estimate may lie outside what the
    # kept claims imply)
    best = np.where(loose, best, np.clip(best, hard_low, hh))
    low = np.minimum(low, np.where(has_best, best, low))
    high = np.where(has_best, np.maximum(high, best), high)

    # judged off, and the status
    judged_positions = np.zeros(0, dtype=np.int64) if gr is None else gr.positions[judged_reading]
    judged_set = set(judged_positions.tolist())
    judged: list[set[int]] = [set() for _ in range(n)]
    if gr is not None and judged_reading.any():
        rows_of = obj_row[local[judged_reading]]
        for r, p in zip(rows_of.tolist(), judged_positions.tolist(), strict=True):
            if r >= 0:
                judged[r].add(p)
    if judged_set and len(pairs):
        hit = np.isin(pairs[:, 1], judged_positions)
        for r, p in pairs[hit].tolist():
            judged[r].add(p)
    status = np.where(
        conflict,
        "conflict",
        np.where(np.array([bool(j) for j in judged], dtype=bool), "contested", "consistent"),
    ).astype(object)
    return _Rows(
        nodes,
        days,
        hard_low,
        hard_high,
        open_high,
        best,
        has_best,
        low,
        high,
        row_obj,
        [tuple(sorted(j)) for j in judged],
        status,
        reading_rows,
        free_low,
        free_high,
        free_open,
        judged_reading,
        shares,
    )


def _solver(group: Constraints) -> GroupSolver:
    try:
        return solver(group, max_variables=DEFAULT_MAX_VARIABLES)
    except SolverFailure as error:  # pragma: no cover - numerical trouble is reported
        raise ReconciliationError(
            f"the solver failed on {group.war.id}/{group.outcome}: {error}"
        ) from None


def _group_rows(model: _Model, group: Constraints, level: float) -> _Rows:
    """The estimates of every grid row of a group (solved once, then kept)."""
    key = (group.war.id, group.outcome, level)
    if key in model.results:
        return model.results[key]
    t = table(_solver(group))
    open_high = t.high == OPEN
    pairs = np.concatenate([t.low_support.pairs(), t.high_support.pairs()])
    rows = _rows_estimates(
        model,
        group,
        t.nodes,
        t.days,
        t.low,
        np.where(open_high, 0, t.high),
        open_high,
        pairs.astype(np.int64),
        np.bincount(t.aside.rows(), minlength=len(t.days)) > 0,
        level,
    )
    model.results[key] = rows
    return rows


# ---------------------------------------------------------------------------------------------
# reconcile_all(..., estimate=True)
# ---------------------------------------------------------------------------------------------


def _check_level(level: object, name: str = "level") -> float:
    if isinstance(level, bool) or not (
        isinstance(level, int | float) and math.isfinite(level) and 0.0 < level < 1.0
    ):
        raise EstimationError(f"{name}={level!r} must lie strictly between 0 and 1")
    return float(level)


def estimate_level(estimate: object) -> float | None:
    """The credible level that ``reconcile_all(..., estimate=...)`` asks for: ``None`` for
    ``False`` (no estimates), 0.9 for ``True``, or a level strictly between 0 and 1.

    Examples
    --------
    >>> estimate_level(False), estimate_level(True), estimate_level(0.5)
    (None, 0.9, 0.5)
    """
    if estimate is False:
        return None
    if estimate is True:
        return 0.9
    return _check_level(estimate, "estimate")


def with_estimates(
    frame: pd.DataFrame, claims: ClaimSet, policy: TrustPolicy | None = None, level: float = 0.9
) -> pd.DataFrame:
    """A ``reconcile_all`` table of :func:`estimate_stage` with the estimate columns added.

    ``frame`` must be the table ``reconcile_all`` builds from :func:`estimate_stage` (its
    ``low``/``high`` are the hard ranges the estimates stay inside). Adds
    :data:`ESTIMATE_COLUMNS` and rewrites ``status`` as ``consistent``, ``contested`` or
    ``conflict``; the input frame is not modified.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> table = kt.reconcile_all(kt.load_seed_claims(), estimate=True)
    >>> sorted(set(table["status"]))
    ['consistent']
    >>> row = table[(table.category == "military") & (table.party == "nagorno-karabakh")
    ...             & (table.as_of == "2020-10-06") & (table.region == "all")]
    >>> int(row.best.iloc[0]), int(row.low.iloc[0]), int(row.high.iloc[0])
    (280, 280, 280)
    """
    claims, chosen = _checked(claims, policy)
    level = _check_level(level)
    model = _learn(claims, chosen, TOLERANCE)
    out = frame.copy()
    n = len(out)
    best = np.zeros(n, dtype=np.int64)
    has_best = np.zeros(n, dtype=bool)
    low = np.zeros(n, dtype=np.int64)
    high = np.zeros(n, dtype=np.int64)
    open_high = np.ones(n, dtype=bool)
    judged = np.full(n, "", dtype=object)
    status = out["status"].to_numpy(dtype=object).copy()
    if n:
        keys = out["war"].astype(str) + "\x00" + out["outcome"].astype(str)
        for key, at in keys.groupby(keys, sort=False).indices.items():
            war_id, _, outcome = str(key).partition("\x00")
            group = model.learned.group(war_id, outcome)
            if group is None:
                continue
            part = out.iloc[at]
            codes = group.codes
            nodes = np.column_stack(
                [
                    codes.dims[DIMENSIONS.index(d)].codes(part[d].to_numpy(dtype=str))
                    for d in DIMENSIONS[1:]
                ]
            ).astype(np.int64)
            start = np.datetime64(group.war.start, "D")
            days = (
                part["as_of"].to_numpy(dtype="datetime64[s]").astype("datetime64[D]") - start
            ).astype(np.int64)
            h_low = part["low"].to_numpy(dtype=np.int64)
            h_open = part["high"].isna().to_numpy(dtype=bool)
            h_high = part["high"].to_numpy(dtype=np.float64, na_value=0).astype(np.int64)
            h_high = np.where(h_open, 0, part["high"].fillna(0).to_numpy(dtype=np.int64))
            position = {str(c): i for i, c in enumerate(group.ids.tolist())}
            pair_rows: list[int] = []
            pair_pos: list[int] = []
            for column in ("low_support", "high_support"):
                values = part[column]
                if values.isna().all():
                    continue
                for r, text in enumerate(values.fillna("").astype(str).tolist()):
                    for cid in text.split(";"):
                        if cid in position:
                            pair_rows.append(r)
                            pair_pos.append(position[cid])
            pairs = np.column_stack(
                [np.array(pair_rows, dtype=np.int64), np.array(pair_pos, dtype=np.int64)]
            ).reshape(-1, 2)
            conflict = part["status"].to_numpy(dtype=object) == "conflict"
            rows = _rows_estimates(
                model, group, nodes, days, h_low, h_high, h_open, pairs, conflict, level
            )
            best[at] = rows.best
            has_best[at] = rows.has_best
            low[at] = rows.low
            high[at] = rows.high
            open_high[at] = ~rows.has_best
            judged[at] = [";".join(sorted(str(group.ids[p]) for p in j)) for j in rows.judged]
            status[at] = rows.status
    out["best"] = pd.arrays.IntegerArray(np.where(has_best, best, 0), ~has_best)
    out["best_low"] = pd.array(low, dtype="Int64")
    out["best_high"] = pd.arrays.IntegerArray(np.where(open_high, 0, high), open_high.copy())
    out["judged_off"] = judged
    out["status"] = status
    out.attrs["estimate_level"] = level
    return out


# ---------------------------------------------------------------------------------------------
# estimate(): one scope on one date
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """A claim about exactly the estimated scope and date, as the model reads it.

    ``share`` is its part of the weight of the estimate's readings (by its source's learned
    precision, echoes once); ``judged_off`` says that its stated interval misses what the
    readings together suggest.
    """

    claim_id: str
    source: str
    source_name: str
    low: int
    high: int | None
    share: float
    judged_off: bool
    bias: float
    """The factor by which its source states counts relative to the typical source."""
    spread: float
    trust: float


@dataclass(frozen=True, slots=True)
class Estimate:
    """The most likely count of one scope on one date, inside the range the claims imply.

    Attributes
    ----------
    scope, as_of, war:
        What is estimated.
    best:
        The most likely count (``None`` when nothing puts a ceiling on it: only "more than"
        claims and no upper bound).
    low, high:
        The credible interval at :attr:`level`; without a best, ``low`` is the hard low and
        ``high`` is ``None``.
    level:
        The credible level.
    hard_low, hard_high:
        The range the kept claims imply (the engine's exact range under learned trust, the
        same as the ``low``/``high`` of ``reconcile_all(..., estimate=True)``).
    status:
        ``"consistent"``, ``"contested"`` (the estimate or the range rests on a claim the model
        judges off) or ``"conflict"`` (claims were set aside).
    readings:
        The claims about exactly this scope and date that the model reads.
    judged_off:
        Ids of claims the estimate rests on that the model judges off.
    set_aside:
        Ids of claims set aside in a conflict for this range.
    low_support, high_support:
        Ids of the claims behind ``hard_low`` and ``hard_high``.
    readings_low, readings_high:
        The credible interval the readings alone give (no hard range; ``None`` without
        readings, ``readings_high`` also when open).
    policy:
        The user's trust policy, by name.
    """

    scope: Scope
    as_of: dt.date
    war: str
    best: int | None
    low: int
    high: int | None
    level: float
    hard_low: int
    hard_high: int | None
    status: str
    readings: tuple[Reading, ...]
    judged_off: tuple[str, ...]
    set_aside: tuple[str, ...]
    low_support: tuple[str, ...]
    high_support: tuple[str, ...]
    readings_low: int | None
    readings_high: int | None
    policy: str
    cumulative: bool = True
    source_names: tuple[tuple[str, str], ...] = ()
    """Claim id and source name of every claim named above."""
    left_out: tuple[tuple[str, str], ...] = ()
    """Claims left out before estimating, with the reason: ``superseded`` (a newer release
    replaced it) or ``not-yet-published`` (after the ``known_on`` day, or undated)."""

    def _name(self, claim_id: str) -> str:
        for cid, name in self.source_names:
            if cid == claim_id:
                return name
        return ""

    def _noun(self) -> str:
        text = _cite.describe(self.scope)
        return text[:1].upper() + text[1:]

    def cite(self) -> str:
        """One plain sentence: "between X and Y, most likely Z", and the range it lies in.

        Examples
        --------
        >>> import karabakh_tolls as kt
        >>> e = kt.estimate(kt.load_seed_claims(), "killed", "2021-01-14")
        >>> print(e.cite())  # doctest: +NORMALIZE_WHITESPACE
        People killed by 14 January 2021: at least 6,001; no claim puts a ceiling on the count,
        so there is no most likely figure.
        """
        when = f"{'by' if self.cumulative else 'on'} {_cite.format_date(self.as_of)}"
        head = f"{self._noun()} {when}: "
        fc = _cite.format_count
        if self.best is None or self.high is None:
            text = (
                head + f"at least {fc(self.low)}; no claim puts a ceiling on the count, "
                "so there is no most likely figure."
            )
        else:
            pct = f"{self.level * 100:g} %"
            if self.low == self.high:
                text = head + f"{fc(self.best)}"
            else:
                text = head + (
                    f"between {fc(self.low)} and {fc(self.high)}, most likely {fc(self.best)} "
                    f"({pct} credible interval)"
                )
            top = [r for r in sorted(self.readings, key=lambda r: -r.share) if r.share >= 0.25]
            if top:
                names = _cite.join_names(_cite.source_phrase(r.source_name) for r in top)
                text += f", mostly on figures from {names}"
            if self.hard_high is not None and self.hard_low == self.hard_high:
                text += (
                    ", as the claims imply."
                    if self.low == self.high
                    else f"; the claims imply exactly {fc(self.hard_low)}."
                )
            elif self.hard_high is None:
                text += f"; the claims imply at least {fc(self.hard_low)}."
            else:
                text += f"; the claims imply {fc(self.hard_low)} to {fc(self.hard_high)}."
        if self.judged_off:
            text += f" The model judges off {_cite.join_names(self.judged_off)}."
        if self.set_aside:
            text += f" Set aside as contradicting others: {_cite.join_names(self.set_aside)}."
        return text

    def explain(self) -> str:
        """Several lines: the estimate, the readings and the sources that weigh most, the
        claims judged off, the hard range and what bounds it.

        Examples
        --------
        >>> import karabakh_tolls as kt
        >>> e = kt.estimate(kt.load_seed_claims(), "killed/civilian", "2021-01-14")
        >>> print(e.explain().splitlines()[0])
        killed/civilian on 2021-01-14: best 146, 90 % credible interval [62, 318] (it allows for the sources' errors), hard range [146, 146] (if every kept claim is true); status consistent
        """  # noqa: E501
        pct = f"{self.level * 100:g} %"
        shown_high = "open" if self.high is None else str(self.high)
        hard_high = "open" if self.hard_high is None else str(self.hard_high)
        best = "none (no ceiling)" if self.best is None else str(self.best)
        lines = [
            f"{self.scope} on {self.as_of}: best {best}, {pct} credible interval "
            f"[{self.low}, {shown_high}] (it allows for the sources' errors), hard range "
            f"[{self.hard_low}, {hard_high}] (if every kept claim is true); status {self.status}"
        ]
        if self.readings:
            lines.append("readings (claims about exactly this scope and date), heaviest first:")
            for r in sorted(self.readings, key=lambda r: (-r.share, r.claim_id)):
                figure = f"{r.low}" if r.high == r.low else f"[{r.low}, {r.high or 'open'}]"
                flag = "; judged off" if r.judged_off else ""
                lines.append(
                    f"  {r.claim_id} {figure} by {r.source_name}: weight {r.share:.0%}; its "
                    f"source states x{r.bias:.2f} the typical source, spread {r.spread:.2f}, "
                    f"trust {r.trust:.2f}{flag}"
                )
            if self.readings_low is not None:
                high = "open" if self.readings_high is None else str(self.readings_high)
                lines.append(
                    f"the readings alone, without the hard range: {pct} credible interval "
                    f"[{self.readings_low}, {high}]"
                )
        else:
            lines.append(
                "no claim is about exactly this scope and date: the estimate is the learned "
                "prior of counts within the hard range, kept between the estimates of the "
                "scopes and dates it contains and those that contain it"
            )
        if self.judged_off:
            named = ", ".join(f"{c} ({self._name(c)})" for c in self.judged_off)
            lines.append(f"judged off (its figure misses what the readings suggest): {named}")
        else:
            lines.append("judged off: none")
        low_ids = ", ".join(self.low_support) or "none"
        high_ids = ", ".join(self.high_support) or "none"
        lines.append(
            f"hard low {self.hard_low} from {low_ids}; hard high {hard_high} from {high_ids}"
        )
        if self.set_aside:
            lines.append(f"set aside in a conflict: {', '.join(self.set_aside)}")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """The estimate as a one-row DataFrame, in the columns of ``reconcile_all(...,
        estimate=True)`` where they exist (``low``/``high`` are the hard range), then
        ``level``, ``n_readings`` and ``sentence``.

        Examples
        --------
        >>> import karabakh_tolls as kt
        >>> e = kt.estimate(kt.load_seed_claims(), "killed/civilian", "2021-01-14")
        >>> e.to_frame()[["low", "high", "best", "best_low", "best_high", "status"]]
           low  high  best  best_low  best_high      status
        0  146   146   146        62        318  consistent
        """
        row: dict[str, object] = {"war": self.war}
        for d in DIMENSIONS:
            row[d] = getattr(self.scope, d)
        row["as_of"] = pd.Timestamp(self.as_of)
        row["low"] = self.hard_low
        row["high"] = self.hard_high
        row["status"] = self.status
        row["set_aside"] = ";".join(self.set_aside)
        row["best"] = self.best
        row["best_low"] = self.low
        row["best_high"] = self.high
        row["judged_off"] = ";".join(self.judged_off)
        row["level"] = self.level
        row["n_readings"] = len(self.readings)
        row["sentence"] = self.cite()
        out = pd.DataFrame([row])
        for column in ("low", "high", "best", "best_low", "best_high", "n_readings"):
            value = row[column]
            out[column] = pd.array([value if isinstance(value, int) else None], dtype="Int64")
        out["as_of"] = out["as_of"].astype("datetime64[s]")
        return out

    def __str__(self) -> str:
        return self.cite()


def _scope_of(war: War, scope: Scope | str) -> Scope:
    if isinstance(scope, Scope):
        for dimension in DIMENSIONS:
            term = getattr(scope, dimension)
            if term not in war.trees[dimension]:
                raise ScopeError(
                    f"{dimension} {term!r} of scope {scope} is not in the trees of war {war.id!r}"
                )
        return scope
    if isinstance(scope, str):
        return Scope.parse(scope, war.trees)
    raise ArgumentTypeError.of("scope", "a Scope or its text", scope)


def estimate(
    claims: ClaimSet,
    scope: Scope | str,
    as_of: dt.date | str,
    level: float = 0.9,
    *,
    war: War | str | None = None,
    policy: TrustPolicy | None = None,
    known_on: dt.date | str | None = None,
) -> Estimate:
    """The most likely count of ``scope`` on ``as_of``, with a credible interval, beside the
    range the claims imply.

    Every claim about a scope and date is read as a noisy, possibly censored reading by its
    source, whose bias and spread are learned from all its claims; echoes of one statement
    count once. The best lies inside the hard range of the kept claims, except in a conflict
    (where the least reliable claims are set aside first, and the best and interval are those
    of every reading, bias-corrected); the credible interval also holds what the readings alone
    allow, so a lone claim is never presented as a certainty. A sub-scope's best never exceeds
    its scope's, and a running total's best never falls over time. The method and its limits
    are in the documentation's *Best estimates* page; a best estimate is a statement about what
    is likely, not a count of named dead.

    Parameters
    ----------
    claims:
        The claim set.
    scope:
        A :class:`~karabakh_tolls.scopes.Scope` or its text form.
    as_of:
        The date (``datetime.date`` or ISO string).
    level:
        Credible level of ``low``/``high``, strictly between 0 and 1.
    war:
        The war (needed only when the claims are about several).
    policy:
        The user's trust (default: every source, equal trust); it multiplies the learned trust,
        and a weight of 0 leaves a source out.
    known_on:
        Use only what had been published by this day (sources are learned from those claims
        too). Claims a newer release replaced are always left out; ``left_out`` names both.

    Returns
    -------
    Estimate

    Raises
    ------
    EstimationError
        For a level outside (0, 1).
    ScopeError, WarError
        For a scope not in the war's trees, or a date before the war's start.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> claims = kt.load_seed_claims()
    >>> e = kt.estimate(claims, "killed/civilian", "2020-10-06")
    >>> e.hard_low, e.hard_high
    (48, 101)
    >>> e.hard_low <= e.low <= e.best <= e.high <= e.hard_high
    True
    """
    given, chosen = _checked(claims, policy)
    claims = given.current(known_on=known_on)
    left_out = tuple(
        (cid, str(role))
        for cid, role in sorted(left_out_roles(claims.left_out, set(given.ids)).items())
    )
    return replace(_estimate(claims, scope, as_of, level, war, chosen), left_out=left_out)


def _estimate(
    claims: ClaimSet,
    scope: Scope | str,
    as_of: dt.date | str,
    level: float,
    war: War | str | None,
    chosen: TrustPolicy,
) -> Estimate:
    level = _check_level(level)
    chosen_war = claims.war(war)
    day = as_date(as_of, "as_of")
    if day < chosen_war.start:
        raise WarError(
            f"as_of={day} is before the start of war {chosen_war.id!r} ({chosen_war.start}): "
            "no count of that war holds then"
        )
    target = _scope_of(chosen_war, scope)
    model = _learn(claims, chosen, TOLERANCE)
    group = model.learned.group(chosen_war.id, target.outcome)
    cumulative = chosen_war.trees.is_cumulative(target.outcome)
    if group is None:
        return Estimate(
            target,
            day,
            chosen_war.id,
            None,
            0,
            None,
            level,
            0,
            None,
            "consistent",
            (),
            (),
            (),
            (),
            (),
            None,
            None,
            chosen.name,
            cumulative,
        )
    day_number = (day - chosen_war.start).days
    box = np.array(
        [group.codes.dims[i].index[getattr(target, d)] for i, d in enumerate(DIMENSIONS) if i],
        dtype=np.int64,
    )
    rows = _group_rows(model, group, level)
    s = _solver(group)
    bound: Bound = s.bound(box, day_number)
    at = np.flatnonzero((rows.days == day_number) & np.all(rows.nodes == box[None, :], axis=1))
    if len(at):
        r = int(at[0])
        best: int | None = int(rows.best[r]) if rows.has_best[r] else None
        low = int(rows.low[r])
        high = int(rows.high[r]) if rows.has_best[r] else None
        status = str(rows.status[r])
        judged = rows.judged[r]
        hard_low = int(rows.hard_low[r])
        hard_high = None if rows.open_high[r] else int(rows.hard_high[r])
        obj = int(rows.obj[r])
        free = (
            (int(rows.free_low[r]), None if rows.free_open[r] else int(rows.free_high[r]))
            if rows.reading_rows[r]
            else (None, None)
        )
    else:
        best, low, high, status, judged, hard_low, hard_high = _off_grid(
            model, group, rows, bound, box, day_number, level
        )
        obj = -1
        free = (None, None)
    ids = group.ids
    names = group.source_names
    readings: list[Reading] = []
    gr = model.readings.get((chosen_war.id, target.outcome))
    if gr is not None and obj >= 0 and model.fit is not None:
        local = np.searchsorted(gr.obj_global, gr.obj)
        mine = np.flatnonzero(local == obj)
        rel = model.fit.reliability
        for i in mine.tolist():
            p = int(gr.positions[i])
            s_i = int(gr.src[i])
            readings.append(
                Reading(
                    str(ids[p]),
                    model.sources[s_i],
                    str(names[p]) or model.names[s_i],
                    int(gr.low[i]),
                    None if not np.isfinite(gr.high[i]) else int(gr.high[i]),
                    float(rows.shares[i]),
                    bool(rows.judged_reading[i]),
                    float(np.exp(rel.bias[s_i])),
                    float(rel.spread[s_i]),
                    float(model.trust[s_i]),
                )
            )
    readings.sort(key=lambda x: x.claim_id)
    judged_ids = tuple(sorted(str(ids[p]) for p in judged))
    low_ids = tuple(sorted({str(ids[p]) for p, _, _ in bound.low_terms}))
    high_ids = tuple(sorted({str(ids[p]) for p, _, _ in bound.high_terms}))
    aside = tuple(sorted(str(ids[p]) for p in bound.set_aside))
    named = {*judged_ids, *aside, *low_ids, *high_ids}
    position = {str(c): i for i, c in enumerate(ids.tolist())}
    return Estimate(
        target,
        day,
        chosen_war.id,
        best,
        low,
        high,
        level,
        hard_low,
        hard_high,
        status,
        tuple(readings),
        judged_ids,
        aside,
        low_ids,
        high_ids,
        free[0],
        free[1],
        chosen.name,
        cumulative,
        tuple(sorted((c, str(names[position[c]])) for c in named if c in position)),
    )


def _off_grid(
    model: _Model,
    group: Constraints,
    rows: _Rows,
    bound: Bound,
    box: IntArray,
    day: int,
    level: float,
) -> tuple[int | None, int, int | None, str, tuple[int, ...], int, int | None]:
    """A key no claim touches: its hard range from the engine, the learned prior within it,
    kept between the bests of the keys with readings below and above it."""
    hard_low = int(bound.low)
    open_high = bound.high is None
    hard_high = 0 if bound.high is None else int(bound.high)
    fit = model.fit
    p_best, p_low, p_high = _prior_summary(
        None if fit is None else fit.prior,
        np.array([hard_low], dtype=np.int64),
        np.array([hard_high], dtype=np.int64),
        np.array([open_high]),
        level,
    )
    status = "conflict" if bound.set_aside else "consistent"
    if open_high:
        return None, int(p_low[0]), None, status, (), hard_low, None
    core = rows.reading_rows & rows.has_best
    if group.cumulative:
        below_day = rows.days <= day
        above_day = rows.days >= day
    else:
        below_day = above_day = rows.days == day
    below = core & below_day & _within_all(group, rows.nodes, box[None, :])
    above = core & above_day & _within_all(group, box[None, :], rows.nodes)
    best = int(p_best[0])
    if below.any():
        best = max(best, int(rows.best[below].max()))
    if above.any():
        best = min(best, int(rows.best[above].min()))
    best = min(max(best, hard_low), hard_high)
    low = min(int(p_low[0]), best)
    high = max(int(p_high[0]), best)
    judged: set[int] = set()
    if len(rows.judged_reading):
        gr = model.readings[(group.war.id, group.outcome)]
        off = set(gr.positions[rows.judged_reading].tolist())
        support = {p for p, _, _ in (*bound.low_terms, *bound.high_terms)}
        judged = off & support
    if status == "consistent" and judged:
        status = "contested"
    return best, low, high, status, tuple(sorted(judged)), hard_low, hard_high
