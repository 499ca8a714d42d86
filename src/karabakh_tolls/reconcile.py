"""The query layer: :func:`reconcile`, :func:`reconcile_all` and :func:`sensitivity`.

Every question is answered from one constraint stage per claim set and trust policy
(:mod:`karabakh_tolls.engine.constraints`), split into independent components and solved
exactly where a component fits the exact program (:mod:`karabakh_tolls.engine`):

- :func:`reconcile` — the tightest range of one scope (or a complement, or a sum of disjoint
  scopes) on one date, with the claims and rules behind each bound, the conflicts found and
  what became of every claim;
- :func:`reconcile_all` — the same for every (scope, date) a claim touches and all their
  ancestor scopes, as one table with the method of every row (``exact``, or ``propagated``
  for rows that meet a component too large for the exact program);
- :func:`sensitivity` — leave-one-source-out: how each source moves a range.

With ``engine="dask"``, :func:`reconcile_all` runs the same in-process function on every war
of a claim set (in memory, or lazy in its files) as one Dask computation
(:mod:`karabakh_tolls.distributed`).

This module imports numpy, pandas and the package's ``claims``, ``claimset``, ``distributed``,
``errors``, ``estimates``, ``figures``, ``policies``, ``resolution``, ``scopes``, ``wars`` and
``engine`` modules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import Any, Final, Literal, overload

import numpy as np
import pandas as pd

from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.distributed import Engine, LazyClaims, check_engine, reconcile_partitions
from karabakh_tolls.engine.constraints import INCIDENT, INCREMENT, Constraints, Stage, policy_stage
from karabakh_tolls.engine.exact import SolverFailure, TooLarge
from karabakh_tolls.engine.solve import (
    DEFAULT_MAX_VARIABLES,
    Bound,
    GroupSolver,
    Pairs,
    solver,
    table,
)
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ConflictError,
    OptionError,
    ScopeError,
    SolverError,
    WarError,
)
from karabakh_tolls.estimates import estimate_level, estimate_stage, with_estimates
from karabakh_tolls.figures import Figure
from karabakh_tolls.policies import ALL_SOURCES, TrustPolicy
from karabakh_tolls.resolution import Conflict, Resolution, Role, Rule, Support, left_out_roles
from karabakh_tolls.scopes import DIMENSIONS, Scope
from karabakh_tolls.wars import War

__all__ = ["COLUMNS", "Method", "reconcile", "reconcile_all", "sensitivity"]

ScopeLike = Scope | str
Method = Literal["auto", "exact", "propagate"]

COLUMNS: Final = (
    "war",
    *DIMENSIONS,
    "as_of",
    "low",
    "high",
    "spread_low",
    "spread_high",
    "status",
    "n_claims",
    "low_support",
    "high_support",
    "set_aside",
    "method",
    "component",
    "n_components",
)
"""Columns of :func:`reconcile_all`, in order.

``war`` is the row's war (claims of different wars never bear on each other's rows);
``low``/``high`` are ``Int64`` (``high`` missing = open above); ``spread_low``/``spread_high``
are the min of the lows and max of the highs of the claims made directly about the row's scope
and date (missing when there are none; ``spread_high`` also when one of them is open);
``status`` is ``"consistent"`` or ``"conflict"``; ``n_claims`` counts the direct claims;
``low_support``/``high_support``/``set_aside`` are claim ids joined by ``";"``, sorted (empty
when none); ``method`` is ``"exact"`` or ``"propagated"``; ``n_components`` counts the
independent components of the war and outcome whose bounds the row adds up, and
``component`` is the one component when there is exactly one (missing otherwise).
"""


# --- the stage of a claim set under a policy ------------------------------------------------


def _solver(group: Constraints, max_variables: int) -> GroupSolver:
    try:
        return solver(group, max_variables=max_variables)
    except SolverFailure as error:  # pragma: no cover - numerical trouble is reported
        raise SolverError(
            f"the solver failed on {group.war.id}/{group.outcome}: {error}",
            stage="bounds",
            status=str(error),
        ) from None


def _check_claims(claims: object) -> ClaimSet:
    if not isinstance(claims, ClaimSet):
        raise ArgumentTypeError.of("claims", "a ClaimSet (kt.read_claims, kt.ClaimSet)", claims)
    return claims


# --- scopes -------------------------------------------------------------------------------------


def _in_trees(scope: Scope, war: War) -> Scope:
    """The scope, checked against the war's trees (a Scope is read against default trees)."""
    for dimension in DIMENSIONS:
        term = getattr(scope, dimension)
        if term not in war.trees[dimension]:
            raise ScopeError(
                f"{dimension} {term!r} of scope {scope} is not in the trees of war {war.id!r}"
            )
    return scope


def _scopes(
    war: War, scope: ScopeLike | Sequence[ScopeLike], complement: bool
) -> tuple[Scope, tuple[tuple[int, Scope], ...], str]:
    """The base scope, the signed boxes of the target and its label."""
    trees = war.trees
    if isinstance(scope, Scope | str):
        given: list[Scope | str] = [scope]
    elif isinstance(scope, Sequence):
        given = list(scope)
    else:
        raise ArgumentTypeError.of("scope", "a Scope, its text, or a sequence of them", scope)
    for item in given:
        if not isinstance(item, Scope | str):
            raise ArgumentTypeError.of("scope", "a Scope or its text", item)
    if not given:
        raise ScopeError("scope=[] names nothing to reconcile")
    parsed = [_in_trees(s, war) if isinstance(s, Scope) else Scope.parse(s, trees) for s in given]
    outcomes = {s.outcome for s in parsed}
    if len(outcomes) > 1:
        raise ScopeError(f"scopes {[str(s) for s in parsed]} mix outcomes; outcomes never add up")
    for i, a in enumerate(parsed):
        for b in parsed[i + 1 :]:
            if not a.disjoint(b, trees):
                raise ScopeError(f"scopes {a} and {b} overlap: a sum of scopes must be disjoint")
    if complement:
        if len(parsed) != 1:
            raise ScopeError("complement=True takes a single scope")
        whole = Scope(parsed[0].outcome, trees=trees)
        label = f"{whole} except {parsed[0]}"
        if parsed[0] == whole:
            raise ScopeError(f"the complement of {whole} is empty")
        return whole, ((1, whole), (-1, parsed[0])), label
    label = "" if len(parsed) == 1 else " + ".join(str(s) for s in parsed)
    return parsed[0], tuple((1, s) for s in parsed), label


def _box(group: Constraints, scope: Scope) -> np.ndarray:
    dims = group.codes.dims
    return np.array(
        [dims[i].index[getattr(scope, d)] for i, d in enumerate(DIMENSIONS) if i], dtype=np.int64
    )


# --- provenance -------------------------------------------------------------------------------


def _number(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}".replace(",", "")
    return f"{value:.4g}"


def _rules(
    group: Constraints,
    terms: tuple[tuple[int, str, float], ...],
    own_side: str,
    boxes: tuple[tuple[int, np.ndarray], ...],
    day: int,
) -> tuple[Rule, ...]:
    """Name the rules that link each supporting claim to the query."""
    dims = group.codes.dims[1:]
    positive = [b for c, b in boxes if c > 0]

    def within(a: np.ndarray, b: np.ndarray) -> bool:
        return all(bool(dims[d].within(a[d : d + 1], b[d : d + 1])[0]) for d in range(4))

    rules: set[Rule] = set()
    inside = sum(
        1
        for p, side, _ in terms
        if side == own_side
        and any(
            not np.array_equal(group.nodes[p], b) and within(group.nodes[p], b) for b in positive
        )
    )
    for p, side, _ in terms:
        box = group.nodes[p]
        if group.lower_only[p] and group.kind[p] != INCIDENT:
            rules.add(Rule.PARTIAL)
        if group.kind[p] == INCIDENT:
            rules.add(Rule.INCIDENT)
        elif group.kind[p] == INCREMENT or (group.cumulative and group.since[p] > 0):
            rules.add(Rule.INCREMENT)
        elif group.as_of[p] != day:
            rules.add(Rule.MONOTONE)
        if side != own_side:
            rules.add(Rule.EXHAUSTIVE)  # subtracted: the rest of an exhaustive whole
        elif any(np.array_equal(box, b) for b in positive):
            window = group.kind[p] == INCREMENT or (group.cumulative and group.since[p] > 0)
            if (
                group.kind[p] != INCIDENT
                and not window
                and group.as_of[p] == day
                and not group.lower_only[p]
            ):
                rules.add(Rule.CLAIM)
        elif any(within(box, b) for b in positive):
            rules.add(Rule.DISJOINT_SUM if inside > 1 else Rule.SUBSCOPE)
        elif any(within(b, box) for b in positive):
            rules.add(Rule.SUBSCOPE)
        else:
            rules.add(Rule.EXHAUSTIVE)
    return tuple(sorted(rules, key=list(Rule).index))


def _support(
    group: Constraints | None,
    bound: Bound,
    which: str,
    label: str,
    day: dt.date,
    boxes: tuple[tuple[int, np.ndarray], ...],
    day_number: int,
) -> Support:
    """The provenance of one bound, from its multipliers (or, propagated, its claims)."""
    sign = "≥" if which == "low" else "≤"
    value = bound.low if which == "low" else bound.high
    if value is None:
        reason = (
            "part of it is counted by no claim" if bound.free else "no claim bounds it from above"
        )
        return Support(None, sentence=f"{label} has no upper bound on {day}: {reason}")
    terms_in = bound.low_terms if which == "low" else bound.high_terms
    if group is None or not terms_in:
        reason = "no claim raises it" if which == "low" else "no claim lowers it"
        return Support(value, sentence=f"{label} {sign} {value} on {day}: {reason}")
    own_side = "low" if which == "low" else "high"
    ids = group.ids
    names = group.source_names
    if not bound.exact:
        claim_ids = tuple(sorted({str(ids[p]) for p, _, _ in terms_in}))
        shown = ", ".join(f"{names[p]} ({ids[p]})" for p in sorted({p for p, _, _ in terms_in}))
        return Support(
            value,
            claim_ids,
            (),
            (),
            f"{label} {sign} {value} on {day}, from {shown} (not certified tight: the claims "
            "are too many for the exact program, or its search for whole counts ran out of "
            "time; the range is sound but may be wide)",
        )
    terms: list[tuple[float, str, str]] = []
    multipliers: list[float] = []
    windows: list[str] = []
    for p, side, y in terms_in:
        windows.append(_window(group, p))
        base = float(group.low[p] if side == "low" else group.high[p])
        signed = y * base if side == own_side else -y * base
        amount = round(signed) if abs(signed - round(signed)) < 1e-9 else signed
        terms.append((amount, str(ids[p]), str(names[p])))
        multipliers.append(y)
    order = sorted(range(len(terms)), key=lambda i: (terms[i][0] < 0, terms[i][1]))
    terms = [terms[i] for i in order]
    multipliers = [multipliers[i] for i in order]
    windows = [windows[i] for i in order]
    pieces = []
    for k, ((amount, cid, name), y, window) in enumerate(
        zip(terms, multipliers, windows, strict=True)
    ):
        magnitude = abs(amount)
        scale = "" if abs(y - 1) < 1e-9 else f"{_number(y)} * "
        base = magnitude / y if y else magnitude
        text = (
            f"{scale}{_number(base)} ({name}, {cid}{window})"
            if scale
            else f"{_number(magnitude)} ({name}, {cid}{window})"
        )
        pieces.append(text if k == 0 and amount >= 0 else ("- " if amount < 0 else "+ ") + text)
    rules = _rules(group, terms_in, own_side, boxes, day_number)
    sentence = f"{label} {sign} {value} on {day} = {' '.join(pieces)}"
    total = sum(v for v, _, _ in terms)
    optimum = bound.optimum_low if which == "low" else bound.optimum_high
    if optimum is not None and abs(total - value) > 1e-6:
        sentence += f" (= {_number(total)}, rounded to whole people"
        sentence += "" if bound.integral else " by the integer program"
        sentence += ")"
    sentence += f" [{', '.join(r.value for r in rules)}]"
    return Support(
        value,
        tuple(t[1] for t in terms),
        rules,
        tuple(terms),
        sentence,
        tuple(multipliers),
    )


def _window(group: Constraints, p: int) -> str:
    """``", counted from <day>"`` for a count over a window that starts after the war's start
    (an increment or a count since a later day), else nothing."""
    if group.kind[p] == INCREMENT or (
        group.cumulative and group.kind[p] != INCIDENT and group.since[p] > 0
    ):
        since = group.war.start + dt.timedelta(days=int(group.since[p]))
        return f", counted from {since}"
    return ""


def _describe(group: Constraints, p: int) -> str:
    low, high = int(group.low[p]), int(group.high[p])
    figure = str(low) if high == low else f"[{low}, {'open' if high < 0 else high}]"
    start = group.war.start
    as_of = start + dt.timedelta(days=int(group.as_of[p]))
    if group.kind[p] == INCREMENT or (group.cumulative and group.since[p] > 0):
        since = start + dt.timedelta(days=int(group.since[p]))
        return f"{figure} on {since}..{as_of}"
    return f"{figure} on {as_of}"


# --- reconcile ----------------------------------------------------------------------------------


def reconcile(
    claims: ClaimSet,
    scope: ScopeLike | Sequence[ScopeLike],
    as_of: dt.date | str,
    *,
    complement: bool = False,
    policy: TrustPolicy | None = None,
    strict: bool = False,
    war: War | str | None = None,
    max_variables: int = DEFAULT_MAX_VARIABLES,
    known_on: dt.date | str | None = None,
) -> Resolution:
    """The tightest range of ``scope`` on ``as_of`` that all claims and the rules imply.

    ``low``/``high`` are the least and greatest count over every assignment of whole,
    nonnegative true counts (per cell of the scope trees and per day) that satisfies every kept
    claim and rule: the range always contains every count consistent with the claims, and no
    narrower range does. For a cumulative outcome the count runs from the war's start to
    ``as_of`` and claims at every date bear on it (a later total bounds an earlier one from
    above); for a stock outcome (displaced, captured) only claims on ``as_of`` do. The claims
    split into independent components (claims sharing no cell on any common day never
    interact); each component the scope meets is solved exactly and their bounds add up.

    Parameters
    ----------
    claims:
        The claim set.
    scope:
        A :class:`~karabakh_tolls.scopes.Scope` or its text form, or a sequence of pairwise
        disjoint scopes of one outcome, whose counts are added (``[military, unknown]``).
    as_of:
        The date (``datetime.date`` or ISO string).
    complement:
        Bound everyone of the scope's outcome *outside* ``scope`` instead (the complement of
        ``killed/civilian`` is every non-civilian killed).
    policy:
        Which sources to use and how much to trust them (default: all, equal trust). Claims it
        leaves out get the role ``excluded-by-policy``.
    strict:
        Raise :class:`~karabakh_tolls.errors.ConflictError` when the claims conflict,
        instead of setting claims aside.
    war:
        Which war the query is about (a :class:`~karabakh_tolls.wars.War` or its id). Needed
        only when the claims are about several wars; claims of other wars never bear on it.
        The count runs from the war's start; ``as_of`` before it is an error.
    max_variables:
        Largest component the exact program solves; a scope that meets a larger one gets the
        propagated range (sound, possibly wider), and its support sentence says so.
    known_on:
        Use only what had been published by this day (``ClaimSet.known_on``): the range as it
        could have been stated then. Claims published later (or undated) get the role
        ``not-yet-published``. Claims a newer release replaced (``superseded_by``) are always
        left out, with the role ``superseded``.

    Returns
    -------
    Resolution
        With ``status`` ``"conflict"`` when the claims bearing on the scope could not all be
        true; then ``set_aside`` names the claims of least total trust weight whose removal
        restores consistency (ties: the later claim id), ``conflicts`` has one record per
        set-aside claim with an irreducible set of claims that cannot all hold, and the range
        is that of the remaining claims. ``roles`` accounts for every input claim.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> claims = kt.load_seed_claims()
    >>> r = kt.reconcile(claims, kt.Scope("killed", "civilian"), "2020-10-06")
    >>> r.low, r.high, r.low_support.claim_ids
    (48, 101, ('c09', 'c11', 'c12'))
    >>> r = kt.reconcile(claims, "killed/civilian", "2021-01-14", complement=True)
    >>> print(r.low_support.sentence)  # doctest: +NORMALIZE_WHITESPACE
    killed except killed/civilian ≥ 5855 on 2021-01-14 = 6001 (Amnesty International, c08)
    - 146 (Amnesty International, c07) [claim, exhaustive]
    """
    given = _check_claims(claims)
    if policy is not None and not isinstance(policy, TrustPolicy):
        raise ArgumentTypeError.of("policy", "a TrustPolicy", policy)
    claims = given.current(known_on=known_on)
    chosen_war = claims.war(war)
    day = as_date(as_of, "as_of")
    if day < chosen_war.start:
        raise WarError(
            f"as_of={day} is before the start of war {chosen_war.id!r} ({chosen_war.start}): "
            "no count of that war holds then"
        )
    base, boxes, query = _scopes(chosen_war, scope, complement)
    label = query or str(base)
    chosen = policy if policy is not None else ALL_SOURCES
    st = policy_stage(claims, chosen)
    group = st.group(chosen_war.id, base.outcome)
    day_number = (day - chosen_war.start).days
    conflicts: list[Conflict] = []
    set_aside_all: set[int] = set()
    met_members: set[int] = set()
    code_boxes: tuple[tuple[int, np.ndarray], ...] = ()
    if group is None:
        bound = Bound(0, None, (), (), True, True, 0.0, None, (), (), True)
    else:
        s = _solver(group, max_variables)
        code_boxes = tuple((c, _box(group, sc)) for c, sc in boxes)
        if len(code_boxes) == 1:
            bound = s.bound(code_boxes[0][1], day_number)
        else:
            try:
                bound = s.bound_signed(
                    np.stack([b for _, b in code_boxes]),
                    np.array([c for c, _ in code_boxes], dtype=np.int64),
                    day_number,
                )
            except TooLarge:
                raise SolverError(
                    f"{label}: a complement or a sum of scopes needs the exact program, and "
                    f"the claims of {chosen_war.id}/{base.outcome} are too many for it "
                    f"(raise max_variables, or ask for each scope on its own)",
                    stage="bounds",
                    status="too large",
                ) from None
        set_aside_all.update(bound.set_aside)
        met_members = {int(p) for c in bound.components for p in s.parts[c].members.tolist()}
        for c in bound.components:
            analysis = s.analysis(c)
            for culprit, core in zip(analysis.set_aside, analysis.cores, strict=True):
                cid = str(group.ids[culprit])
                described = ", ".join(
                    f"{group.ids[k]} ({group.source_names[k]}: {_describe(group, k)})" for k in core
                )
                conflicts.append(
                    Conflict(
                        "infeasible",
                        tuple(str(group.ids[k]) for k in core),
                        (cid,),
                        f"conflict: {described} cannot all be true; set aside {cid}",
                    )
                )
    aside_here = tuple(sorted(str(group.ids[p]) for p in bound.set_aside)) if group else ()
    if strict and aside_here:
        raise ConflictError(
            f"claims conflict for {label} on {day}: " + "; ".join(c.message for c in conflicts),
            scope=label,
            as_of=day.isoformat(),
            conflicts=[c.claim_ids for c in conflicts],
            set_aside=aside_here,
        )
    low_support = _support(group, bound, "low", label, day, code_boxes, day_number)
    high_support = _support(group, bound, "high", label, day, code_boxes, day_number)
    roles, direct = _roles(
        claims,
        st,
        group,
        chosen_war,
        base,
        day,
        day_number,
        low_support,
        high_support,
        set_aside_all,
        met_members,
        bool(query),
    )
    if claims is not given:
        roles = {**roles, **left_out_roles(claims.left_out, set(given.ids))}
    return Resolution(
        base,
        day,
        bound.low,
        bound.high,
        "conflict" if aside_here else "consistent",
        _spread(group, direct),
        low_support,
        high_support,
        direct=tuple(sorted(str(group.ids[p]) for p in direct)) if group else (),
        conflicts=tuple(conflicts),
        set_aside=aside_here,
        roles=roles,
        policy=chosen.name,
        query=query,
        war=chosen_war.id,
        method="exact" if bound.exact else "propagated",
        components=bound.components,
    )


def _direct_positions(
    group: Constraints, box: np.ndarray, day_number: int, excluded: set[int]
) -> list[int]:
    """Complete counts since the war's start (for a stock: on the day) made about exactly the
    box on the day, not set aside."""
    same = np.all(group.nodes == box[None, :], axis=1)
    mask = (
        same
        & (group.as_of == day_number)
        & ~group.lower_only
        & (group.kind != INCIDENT)
        & (group.kind != INCREMENT)
    )
    if group.cumulative:
        mask &= group.since == 0
    return [p for p in np.flatnonzero(mask).tolist() if p not in excluded]


def _spread(group: Constraints | None, direct: list[int]) -> Figure | None:
    if group is None or not direct:
        return None
    highs = group.high[direct]
    high = None if np.any(highs < 0) else int(highs.max())
    return Figure(int(group.low[direct].min()), high)


def _roles(
    claims: ClaimSet,
    st: Stage,
    group: Constraints | None,
    war: War,
    base: Scope,
    day: dt.date,
    day_number: int,
    low_support: Support,
    high_support: Support,
    set_aside: set[int],
    met: set[int],
    compound: bool,
) -> tuple[dict[str, Role], list[int]]:
    """What became of every claim, and the positions of the direct claims. A claim of a
    component the query does not meet cannot affect it: it is out of scope."""
    frame = claims.frame
    used = set(low_support.claim_ids) | set(high_support.claim_ids)
    aside_ids = {str(group.ids[p]) for p in set_aside} if group is not None else set()
    in_group = {str(group.ids[p]) for p in met} if group is not None else set()
    roles: dict[str, Role] = {}
    for row, (cid, war_id, outcome) in enumerate(
        zip(frame["claim_id"], frame["war"], frame["outcome"], strict=True)
    ):
        reason = st.left_out.get(row)
        if reason == "excluded-by-policy":
            roles[cid] = Role.EXCLUDED
        elif (
            war_id != war.id or outcome != base.outcome or reason is not None or cid not in in_group
        ):
            roles[cid] = Role.OUT_OF_SCOPE
        elif cid in aside_ids:
            roles[cid] = Role.SET_ASIDE
        elif cid in used:
            roles[cid] = Role.USED
        else:
            roles[cid] = Role.REDUNDANT
    if group is not None and not group.cumulative:
        for p in np.flatnonzero(group.as_of != day_number).tolist():
            cid = str(group.ids[p])
            if roles[cid] is not Role.SET_ASIDE:
                roles[cid] = Role.OUT_OF_SCOPE
    direct: list[int] = []
    if group is not None and not compound:
        direct = _direct_positions(group, _box(group, base), day_number, set_aside)
    return roles, direct


# --- reconcile_all ------------------------------------------------------------------------------


def _int_column(values: np.ndarray, missing: np.ndarray) -> pd.arrays.IntegerArray:
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64), missing.copy())


_JOIN_PAIRS: Final = 1 << 20
"""Pairs turned into Python values at a time while joining support ids (bounds the memory)."""


def _joined(n: int, support: Pairs, ids: np.ndarray) -> list[str]:
    """Per row, the claim ids of its support pairs, in id order, joined by ';' (positions are
    in claim-id order already: the stage sorts them). Read in slices of whole rows of about
    :data:`_JOIN_PAIRS` pairs, so no list of every pair is ever built."""
    out = [""] * n
    keys = support.keys
    if len(keys) == 0:
        return out
    names = [str(i) for i in ids.tolist()]
    width = support.width
    starts = np.searchsorted(keys, np.arange(n + 1, dtype=np.int64) * width).tolist()
    row = 0
    while row < n:
        last = int(np.searchsorted(starts, starts[row] + _JOIN_PAIRS, side="right")) - 1
        last = min(max(last, row + 1), n)
        a, b = starts[row], starts[last]
        if b > a:
            positions = (keys[a:b] % width).tolist()
            for r in range(row, last):
                lo, hi = starts[r] - a, starts[r + 1] - a
                if hi > lo:
                    out[r] = ";".join([names[p] for p in positions[lo:hi]])
        row = last
    return out


def _group_table(group: Constraints, s: GroupSolver, supports: bool) -> pd.DataFrame:
    t = table(s, supports=supports)
    n = len(t.days)
    names = [group.codes.dims[d].names for d in range(5)]
    out: dict[str, object] = {"war": np.full(n, group.war.id, dtype=object)}
    out["outcome"] = np.full(n, group.outcome, dtype=object)
    for d in range(4):
        out[DIMENSIONS[d + 1]] = np.array(names[d + 1], dtype=object)[t.nodes[:, d]]
    start = np.datetime64(group.war.start, "D")
    out["as_of"] = (start + t.days.astype("timedelta64[D]")).astype("datetime64[s]")
    out["low"] = pd.array(t.low, dtype="Int64")
    out["high"] = _int_column(t.high, t.high < 0)
    # direct claims: complete counts since the war's start about exactly the row's key and day
    excluded = set(s.excluded.nonzero()[0].tolist()) | set(
        s.aside_by_propagation if not t.exact.all() else ()
    )
    direct = ~group.lower_only & (group.kind != INCIDENT) & (group.kind != INCREMENT)
    if group.cumulative:
        direct &= group.since == 0
    direct &= ~np.isin(np.arange(len(group)), list(excluded))
    keys = pd.DataFrame(
        {
            "r": np.arange(n),
            "a": t.nodes[:, 0],
            "b": t.nodes[:, 1],
            "c": t.nodes[:, 2],
            "d": t.nodes[:, 3],
            "day": t.days,
        }
    )
    pos = np.flatnonzero(direct)
    claims_at = pd.DataFrame(
        {
            "a": group.nodes[pos, 0],
            "b": group.nodes[pos, 1],
            "c": group.nodes[pos, 2],
            "d": group.nodes[pos, 3],
            "day": group.as_of[pos],
            "low": group.low[pos],
            "high": np.where(group.high[pos] < 0, np.iinfo(np.int64).max, group.high[pos]),
        }
    )
    agg = (
        keys.merge(claims_at, on=["a", "b", "c", "d", "day"], how="inner")
        .groupby("r")
        .agg(n=("low", "size"), lo=("low", "min"), hi=("high", "max"))
    )
    n_claims = np.zeros(n, dtype=np.int64)
    spread_low = np.zeros(n, dtype=np.int64)
    spread_high = np.zeros(n, dtype=np.int64)
    rows = agg.index.to_numpy(dtype=np.int64)
    n_claims[rows] = agg["n"].to_numpy()
    spread_low[rows] = agg["lo"].to_numpy()
    spread_high[rows] = agg["hi"].to_numpy()
    none = n_claims == 0
    out["spread_low"] = _int_column(spread_low, none)
    out["spread_high"] = _int_column(spread_high, none | (spread_high == np.iinfo(np.int64).max))
    aside = _joined(n, t.aside, group.ids)
    out["status"] = np.where([bool(a) for a in aside], "conflict", "consistent").astype(object)
    out["n_claims"] = n_claims
    if supports:
        out["low_support"] = _joined(n, t.low_support, group.ids)
        out["high_support"] = _joined(n, t.high_support, group.ids)
    else:
        out["low_support"] = pd.Series(pd.NA, index=range(n), dtype="string")
        out["high_support"] = pd.Series(pd.NA, index=range(n), dtype="string")
    out["set_aside"] = aside
    out["method"] = np.where(t.exact, "exact", "propagated").astype(object)
    out["component"] = _int_column(t.component, t.component < 0)
    out["n_components"] = pd.array(t.n_components, dtype="Int64")
    return pd.DataFrame(out)


def _empty() -> pd.DataFrame:
    """The table of no claims: every column, no row."""
    out = pd.DataFrame({name: pd.Series([], dtype=object) for name in COLUMNS})
    for column in ("low", "high", "spread_low", "spread_high", "n_claims"):
        out[column] = pd.array([], dtype="Int64")
    out["as_of"] = pd.Series([], dtype="datetime64[s]")
    return out


def _meta(supports: bool) -> pd.DataFrame:
    """The table of no rows with the dtypes of a table of rows (the meta of the Dask result)."""
    text = pd.Series([], dtype=str).dtype
    out = _empty()
    for column in COLUMNS:
        if out[column].dtype == object:
            out[column] = out[column].astype(text)
    out["n_claims"] = pd.Series([], dtype=np.int64)
    out["component"] = pd.array([], dtype="Int64")
    out["n_components"] = pd.array([], dtype="Int64")
    if not supports:
        out["low_support"] = pd.Series([], dtype="string")
        out["high_support"] = pd.Series([], dtype="string")
    return out


@overload
def reconcile_all(
    claims: ClaimSet,
    *,
    policy: TrustPolicy | None = ...,
    method: Method = ...,
    max_variables: int = ...,
    supports: bool = ...,
    estimate: bool | float = ...,
    known_on: dt.date | str | None = ...,
    engine: Literal["pandas"] = ...,
) -> pd.DataFrame: ...


@overload
def reconcile_all(
    claims: ClaimSet | LazyClaims,
    *,
    policy: TrustPolicy | None = ...,
    method: Method = ...,
    max_variables: int = ...,
    supports: bool = ...,
    estimate: bool | float = ...,
    known_on: dt.date | str | None = ...,
    engine: Literal["dask"],
) -> Any: ...


def reconcile_all(
    claims: ClaimSet | LazyClaims,
    *,
    policy: TrustPolicy | None = None,
    method: Method = "auto",
    max_variables: int = DEFAULT_MAX_VARIABLES,
    supports: bool = True,
    estimate: bool | float = False,
    known_on: dt.date | str | None = None,
    engine: Engine = "pandas",
) -> Any:
    """The range of every (scope, date) touched by a claim, and of all their ancestor scopes.

    Every war and outcome is split into independent components; each component that fits the
    exact program (``max_variables``) is solved exactly, once, for all the rows it meets, and a
    row's range adds up its components. Rows that meet a larger component take the interval
    propagation of their war and outcome instead (``method == "propagated"``): sound, never
    narrower than the exact range, exact on tree-shaped systems.

    Parameters
    ----------
    claims:
        The claims to reconcile (not modified).
    policy:
        A :class:`~karabakh_tolls.policies.TrustPolicy` (default: every source, equal trust).
        Claims of weight 0 are left out; in a conflict the least trusted are set aside first.
    method:
        ``"auto"`` (exact where it fits, the default), ``"exact"`` (the same, but a component
        too large for the exact program is an error rather than a propagated row) or
        ``"propagate"`` (propagation for every row: fastest, sound).
    max_variables:
        Largest component (variables of its merged program) solved exactly.
    supports:
        With ``False`` the support columns are left missing (``<NA>``: not computed).
    estimate:
        ``True`` (or a credible level strictly between 0 and 1; ``True`` is 0.9) adds the
        best estimates (:mod:`karabakh_tolls.estimates`): columns ``best``, ``best_low``,
        ``best_high`` and ``judged_off``, and a status of ``consistent``, ``contested`` or
        ``conflict``. The ranges then come from claims weighed by their sources' learned
        reliability times the policy's trust (echoes once), so that conflicts set aside the
        least reliable claims first. Not with ``engine="dask"`` (an ``OptionError``): the
        reliabilities are learned from every war at once, which one war per worker cannot do.
    known_on:
        Use only what had been published by this day (see :func:`reconcile`). Claims a newer
        release replaced are always left out. ``attrs["left_out"]`` names every claim left out
        (a tuple of ``(claim id, reason)``).
    engine:
        ``"pandas"`` (the default): in this process. ``"dask"`` (the optional extra ``dask``):
        ``claims`` may also be a lazy claim set (``read_claims("claims/*.parquet",
        engine="dask")``); the claims are shuffled on their war, so that each war lands whole
        on one worker (the shuffle key is the war because components are nested in wars:
        claims of different wars never interact), and each war is reconciled alone by this
        same function. The files are read and validated first (every bad row is named with its
        file and row), and with a ``distributed.Client`` active whose workers have a memory
        limit, a war too large for one worker is named in a ``WorkerMemoryError`` before
        anything is sent. The result is a lazy Dask DataFrame with the columns and dtypes of
        the in-process table and the same rows; each war's rows are in the in-process order,
        wars in no set order, and ``attrs["set_aside"]`` is not kept. Compute it
        (``.compute()``) or write it (``.to_parquet(folder)``); it runs on the active
        ``distributed.Client`` if there is one, else on dask's default scheduler.

    Returns
    -------
    pandas.DataFrame
        One row per key, columns :data:`COLUMNS`, rows by war, outcome, then in tree order
        (roots first) and date. Guarantee: every exact row equals
        ``reconcile(claims, scope, as_of, war=war)``; every propagated row contains it. With
        ``engine="dask"``, a ``dask.dataframe.DataFrame`` of the same rows.

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> table = reconcile_all(load_seed_claims())
    >>> row = table[(table.category == "civilian") & (table.party == "all")
    ...             & (table.perpetrator == "all") & (table.region == "all")
    ...             & (table.as_of == "2020-10-06") & (table.outcome == "killed")]
    >>> int(row.low.iloc[0]), int(row.high.iloc[0]), row.status.iloc[0], row.method.iloc[0]
    (48, 101, 'consistent', 'exact')
    >>> row.low_support.iloc[0]
    'c09;c11;c12'

    The same table from Dask (here its synchronous scheduler; with a ``distributed.Client``
    active, on the cluster):

    >>> import dask
    >>> with dask.config.set(scheduler="synchronous"):
    ...     lazy = reconcile_all(load_seed_claims(), engine="dask")
    ...     again = lazy.compute()
    >>> len(again) == len(table), list(again.columns) == list(COLUMNS)
    (True, True)
    """
    if method not in ("auto", "exact", "propagate"):
        raise OptionError("method", method, ("auto", "exact", "propagate"))
    if check_engine(engine) == "dask":
        if estimate is not False:
            estimate_level(estimate)  # a bad level is named as such
            raise OptionError(
                "estimate",
                estimate,
                (),
                "best estimates learn each source's reliability from every war at once, and "
                "engine='dask' reconciles each war alone: use engine='pandas' for estimates",
            )
        if policy is not None and not isinstance(policy, TrustPolicy):
            raise ArgumentTypeError.of("policy", "a TrustPolicy or None", policy)
        if not isinstance(supports, bool):
            raise ArgumentTypeError.of("supports", "True or False", supports)
        if isinstance(max_variables, bool) or not isinstance(max_variables, int):
            raise ArgumentTypeError.of("max_variables", "an int", max_variables)
        per_war = partial(
            reconcile_all,
            policy=policy,
            method=method,
            max_variables=max_variables,
            supports=supports,
            known_on=known_on,
        )
        return reconcile_partitions(claims, per_war, _meta(supports))
    if isinstance(claims, LazyClaims):
        raise ArgumentTypeError.of(
            "claims",
            "a ClaimSet (a lazy claim set of read_claims(..., engine='dask') needs engine='dask')",
            claims,
        )
    given = _check_claims(claims)
    claims = given.current(known_on=known_on)
    left_out = tuple(sorted(left_out_roles(claims.left_out, set(given.ids)).items()))
    chosen = policy if policy is not None else ALL_SOURCES
    # --- best estimates: the stage under learned trust (karabakh_tolls.estimates) ---
    level = estimate_level(estimate)
    st = policy_stage(claims, chosen) if level is None else estimate_stage(claims, chosen)
    limit = 0 if method == "propagate" else max_variables
    tables = [
        _group_table(group, _solver(group, limit), supports)
        for war in claims.wars
        for group in (g for g in st if g.war.id == war.id)
    ]
    if not tables:
        empty = _empty() if level is None else with_estimates(_empty(), claims, chosen, level)
        empty.attrs["set_aside"] = ()
        empty.attrs["left_out"] = tuple((c, str(r)) for c, r in left_out)
        return empty
    out = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    out = out.loc[:, list(COLUMNS)].reset_index(drop=True)
    if method == "exact" and (out["method"] != "exact").any():
        wide = out.loc[out["method"] != "exact", ["war", "outcome", "component"]].drop_duplicates()
        listed = "; ".join(f"{w}/{o} component {c}" for w, o, c in wide.itertuples(index=False))
        raise SolverError(
            f"method='exact': these components are too large for the exact program "
            f"(max_variables={max_variables}): {listed[:500]}",
            stage="bounds",
            status="too large",
        )
    out.attrs["set_aside"] = tuple(
        sorted({c for cell in out["set_aside"] for c in str(cell).split(";") if c})
    )
    out.attrs["left_out"] = tuple((c, str(r)) for c, r in left_out)
    if level is not None:  # --- best estimates: their columns and the three-way status ---
        out = with_estimates(out, claims, chosen, level)
    return out


# --- sensitivity --------------------------------------------------------------------------------


def sensitivity(
    claims: ClaimSet,
    scope: Scope | str | Sequence[Scope | str],
    as_of: dt.date | str,
    *,
    policy: TrustPolicy | None = None,
    complement: bool = False,
    war: War | str | None = None,
) -> pd.DataFrame:
    """Leave-one-source-out: how the range of ``scope`` on ``as_of`` moves without each source.

    One row per source of the claims (in order of first appearance): ``source``,
    ``source_name``, ``n_claims`` (how many claims it makes), ``low``, ``high`` (the range
    without it; ``high`` is NA when open), ``delta_low``, ``delta_high`` (change against the
    range with every source; NA when either high is open) and ``status``. The baseline is in
    ``frame.attrs["baseline"]``.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> table = sensitivity(kt.load_seed_claims(), kt.Scope("killed", "civilian"),
    ...                     "2020-10-06")
    >>> row = table.set_index("source").loc["azerbaijani-authorities"]
    >>> int(row["low"]), int(row["delta_low"])
    (21, -27)
    """
    base = reconcile(claims, scope, as_of, policy=policy, complement=complement, war=war)
    claims = _check_claims(claims)
    frame = claims.frame
    chosen_war = claims.war(war)
    rows = []
    for source, group in frame.groupby("source", sort=False):
        rest = claims._subset(frame.loc[frame["source"] != source])
        r = (
            reconcile(rest, scope, as_of, policy=policy, complement=complement, war=chosen_war)
            if len(rest) and chosen_war.id in {w.id for w in rest.wars}
            else None
        )
        low = 0 if r is None else r.low
        high = None if r is None else r.high
        rows.append(
            {
                "source": str(source),
                "source_name": str(group["source_name"].iloc[0]),
                "n_claims": len(group),
                "low": low,
                "high": high,
                "delta_low": low - base.low,
                "delta_high": None if high is None or base.high is None else high - base.high,
                "status": "consistent" if r is None else r.status,
            }
        )
    table_out = pd.DataFrame(
        rows,
        columns=[
            "source",
            "source_name",
            "n_claims",
            "low",
            "high",
            "delta_low",
            "delta_high",
            "status",
        ],
    )
    for column in ("n_claims", "low", "high", "delta_low", "delta_high"):
        table_out[column] = pd.array(table_out[column].tolist(), dtype="Int64")
    for column in ("source", "source_name", "status"):
        table_out[column] = table_out[column].astype("string")
    table_out.attrs["baseline"] = {"low": base.low, "high": base.high, "status": base.status}
    return table_out
