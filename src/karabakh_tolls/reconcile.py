"""Reconciliation: the tightest range all claims imply for one scope at one date.

:func:`reconcile` turns a :class:`~karabakh_tolls.claims.ClaimSet` into a
:class:`~karabakh_tolls.resolution.Resolution`: the least and greatest count of the queried
scope over every assignment of true counts consistent with every claim and the rules of
SPEC §2 (sub-scopes, disjoint sums, exhaustive trees, monotone cumulative totals, incidents
inside totals, partial claims as lower bounds, increments), computed exactly by the linear
program of :mod:`karabakh_tolls.model`. Each bound carries its provenance, read from the LP's
dual multipliers. When the claims cannot all be true, the least-trusted smallest set of claims
is set aside, each with an irreducible set of claims it conflicts with, and a range is still
returned.

This module imports pandas and the package's ``claims``, ``figures``, ``model``, ``policies``,
``resolution`` and ``scopes``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import ReconciliationError, ScopeError, WarError
from karabakh_tolls.figures import Figure
from karabakh_tolls.model import (
    CONFLICTS,
    Bound,
    ConflictAnalysis,
    Constraint,
    Kind,
    Solution,
    Target,
    analyse_conflicts,
    constraints_from_frame,
    solve,
    terms_of,
)
from karabakh_tolls.policies import ALL_SOURCES, TrustPolicy
from karabakh_tolls.resolution import Conflict, Resolution, Role, Rule, Support
from karabakh_tolls.scopes import DIMENSIONS, Scope, ScopeTrees
from karabakh_tolls.wars import War

__all__ = ["reconcile"]

ScopeLike = Scope | str


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
    given = [scope] if isinstance(scope, Scope | str) else list(scope)
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


def _relevant(frame: pd.DataFrame, outcome: str, day: dt.date, trees: ScopeTrees) -> pd.Series:
    """Claims that can bear on ``outcome`` at ``day``."""
    mask = frame["outcome"] == outcome
    if not trees.is_cumulative(outcome):
        mask &= (frame["as_of"] == pd.Timestamp(day)) & (frame["kind"] != Kind.INCREMENT.value)
    return mask.fillna(False).astype(bool)


def _direct(frame: pd.DataFrame, scope: Scope, day: dt.date, start: dt.date) -> pd.DataFrame:
    """Complete running totals since the war's ``start`` made about exactly ``scope`` on ``day``."""
    mask = (frame["as_of"] == pd.Timestamp(day)) & (frame["coverage"] == "complete")
    for dimension in DIMENSIONS:
        mask &= frame[dimension] == getattr(scope, dimension)
    mask &= frame["kind"] == Kind.CUMULATIVE.value
    mask &= frame["since"] == pd.Timestamp(start)
    return frame.loc[mask.fillna(False).astype(bool)]


def _spread(direct: pd.DataFrame) -> Figure | None:
    if direct.empty:
        return None
    high = None if direct["high"].isna().any() else int(direct["high"].max())
    return Figure(int(direct["low"].min()), high)


def _number(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}".replace(",", "")
    return f"{value:.4g}"


def _rules(
    bound: Bound,
    side_of_bound: str,
    by_id: dict[str, Constraint],
    boxes: tuple[tuple[int, Scope], ...],
    day: dt.date,
    trees: ScopeTrees,
) -> tuple[Rule, ...]:
    """Name the rules that link each supporting claim to the query."""
    rules: set[Rule] = set()
    positive = [b for c, b in boxes if c > 0]
    inside = 0
    for cid, side, _ in bound.multipliers:
        if side == side_of_bound:
            c = by_id[cid]
            scope = Scope(c.outcome, *c.terms, trees=trees)
            if any(scope != b and b.contains(scope, trees) for b in positive):
                inside += 1
    for cid, side, _ in bound.multipliers:
        c = by_id[cid]
        scope = Scope(c.outcome, *c.terms, trees=trees)
        if c.partial:
            rules.add(Rule.PARTIAL)
        if c.kind is Kind.INCIDENT:
            rules.add(Rule.INCIDENT)
        elif c.kind is Kind.INCREMENT:
            rules.add(Rule.INCREMENT)
        elif c.as_of != day:
            rules.add(Rule.MONOTONE)
        if side != side_of_bound:
            rules.add(Rule.EXHAUSTIVE)  # subtracted: the rest of an exhaustive whole
        elif scope in positive:
            if c.kind is Kind.CUMULATIVE and c.as_of == day and not c.partial:
                rules.add(Rule.CLAIM)
        elif any(b.contains(scope, trees) for b in positive):
            rules.add(Rule.DISJOINT_SUM if inside > 1 else Rule.SUBSCOPE)
        elif any(scope.contains(b, trees) for b in positive):
            rules.add(Rule.SUBSCOPE)
        else:
            rules.add(Rule.EXHAUSTIVE)
    return tuple(sorted(rules, key=list(Rule).index))


def _support(
    bound: Bound,
    which: str,
    label: str,
    day: dt.date,
    by_id: dict[str, Constraint],
    names: dict[str, str],
    boxes: tuple[tuple[int, Scope], ...],
    trees: ScopeTrees,
) -> Support:
    """The provenance of one bound, from its dual multipliers."""
    sign = "≥" if which == "low" else "≤"
    if bound.value is None:
        return Support(
            None, sentence=f"{label} has no upper bound on {day}: no claim bounds it from above"
        )
    own_side = "low" if which == "low" else "high"
    terms: list[tuple[float, str, str]] = []
    multipliers: list[float] = []
    for cid, side, y in bound.multipliers:
        c = by_id[cid]
        value = float(c.low if side == "low" else (c.high or 0))
        signed = y * value if side == own_side else -y * value
        shown = round(signed) if abs(signed - round(signed)) < 1e-9 else signed
        terms.append((shown, cid, names.get(cid, "")))
        multipliers.append(y)
    if not terms:
        reason = "no claim raises it" if which == "low" else "no claim lowers it"
        return Support(bound.value, sentence=f"{label} {sign} {bound.value} on {day}: {reason}")
    order = sorted(range(len(terms)), key=lambda i: (terms[i][0] < 0, terms[i][1]))
    terms = [terms[i] for i in order]
    multipliers = [multipliers[i] for i in order]
    pieces = []
    for k, ((value, cid, name), y) in enumerate(zip(terms, multipliers, strict=True)):
        magnitude = abs(value)
        scale = "" if abs(y - 1) < 1e-9 else f"{_number(y)} * "
        base = magnitude / y if y else magnitude
        text = (
            f"{scale}{_number(base)} ({name}, {cid})"
            if scale
            else (f"{_number(magnitude)} ({name}, {cid})")
        )
        if k == 0:
            pieces.append(("- " if value < 0 else "") + text)
        else:
            pieces.append(("- " if value < 0 else "+ ") + text)
    rules = _rules(bound, own_side, by_id, boxes, day, trees)
    sentence = f"{label} {sign} {bound.value} on {day} = {' '.join(pieces)}"
    total = sum(v for v, _, _ in terms)
    if bound.optimum is not None and abs(total - bound.value) > 1e-6:
        sentence += f" (= {_number(total)}, rounded to whole people"
        sentence += "" if bound.integral else " by the integer program"
        sentence += ")"
    sentence += f" [{', '.join(r.value for r in rules)}]"
    return Support(
        bound.value,
        tuple(t[1] for t in terms),
        rules,
        tuple(terms),
        sentence,
        tuple(multipliers),
    )


def reconcile(
    claims: ClaimSet,
    scope: ScopeLike | Sequence[ScopeLike],
    as_of: dt.date | str,
    *,
    complement: bool = False,
    policy: TrustPolicy | None = None,
    strict: bool = False,
    war: War | str | None = None,
) -> Resolution:
    """The tightest range of ``scope`` on ``as_of`` that all claims and the rules imply.

    ``low``/``high`` are the least and greatest count over every assignment of whole,
    nonnegative true counts (per cell of the scope trees and per day) that satisfies every kept
    claim and rule: the range always contains every count consistent with the claims, and no
    narrower range does. For a cumulative outcome the count runs from the war's start to
    ``as_of`` and claims at every date bear on it (a later total bounds an earlier one from
    above); for a stock outcome (displaced, captured) only claims on ``as_of`` do.

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
        Raise :class:`~karabakh_tolls.errors.ReconciliationError` when the claims conflict,
        instead of setting claims aside.
    war:
        Which war the query is about (a :class:`~karabakh_tolls.wars.War` or its id). Needed
        only when the claims are about several wars; claims of other wars never bear on it.
        The count runs from the war's start; ``as_of`` before it is an error.

    Returns
    -------
    Resolution
        With ``status`` ``"conflict"`` when the kept claims could not all be true; then
        ``set_aside`` names the claims of least total trust weight whose removal restores
        consistency (ties: the later claim id), ``conflicts`` has one record per set-aside claim
        with an irreducible set of claims that cannot all hold, and the range is that of the
        remaining claims. ``roles`` accounts for every input claim.

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
    chosen_war = claims.war(war)
    trees = chosen_war.trees
    day = as_date(as_of, "as_of")
    if day < chosen_war.start:
        raise WarError(
            f"as_of={day} is before the start of war {chosen_war.id!r} ({chosen_war.start}): "
            "no count of that war holds then"
        )
    base, boxes, query = _scopes(chosen_war, scope, complement)
    label = query or str(base)
    chosen = policy if policy is not None else ALL_SOURCES
    frame = claims.frame
    of_war = (frame["war"] == chosen_war.id).to_numpy(dtype=bool, na_value=False)
    weights = chosen.weigh(frame)
    kept_by_policy = (weights > 0).to_numpy()
    relevant = _relevant(frame, base.outcome, day, trees).to_numpy() & of_war
    used_frame = frame.loc[relevant & kept_by_policy]
    constraints = constraints_from_frame(used_frame)
    by_id = {c.id: c for c in constraints}
    names = dict(zip(frame["claim_id"], frame["source_name"].fillna(""), strict=True))
    weight_of = dict(zip(frame["claim_id"], weights, strict=True))
    target = Target(base.outcome, tuple((c, terms_of(s)) for c, s in boxes), day, chosen_war.start)

    # Which claims conflict depends on the claims, their weights and the trees, never on the
    # query: it is computed once and reused (model.CONFLICTS, a small LRU cache).
    trust = {c.id: float(weight_of[c.id]) for c in constraints}
    analysis = CONFLICTS.lookup(constraints, trees, trust)
    solution: Solution | None = None
    if analysis is None:
        solution = solve(constraints, target, trees)
        if solution.feasible:
            analysis = ConflictAnalysis(True)
        else:
            analysis = analyse_conflicts(constraints, trees, trust)
        CONFLICTS.store(constraints, trees, trust, analysis)
    conflicts: list[Conflict] = []
    set_aside = analysis.set_aside
    if set_aside:
        kept = [c for c in constraints if c.id not in set_aside]
        for cid, core in zip(set_aside, analysis.cores, strict=True):
            described = ", ".join(f"{k} ({names.get(k, '')}: {_describe(by_id[k])})" for k in core)
            conflicts.append(
                Conflict(
                    "infeasible",
                    core,
                    (cid,),
                    f"conflict: {described} cannot all be true; set aside {cid}",
                )
            )
        if strict:
            raise ReconciliationError(
                f"claims conflict for {label} on {day}: " + "; ".join(c.message for c in conflicts)
            )
        solution = solve(kept, target, trees)
        if not solution.feasible:  # pragma: no cover - min_set_aside guarantees feasibility
            raise ReconciliationError(f"setting aside {set_aside} did not restore consistency")
    elif solution is None:
        solution = solve(constraints, target, trees)
    if not solution.feasible:  # pragma: no cover - the analysis found these claims consistent
        raise ReconciliationError(f"claims for {label} on {day} are inconsistent")

    low_support = _support(solution.low, "low", label, day, by_id, names, boxes, trees)
    high_support = _support(solution.high, "high", label, day, by_id, names, boxes, trees)
    supporting = set(low_support.claim_ids) | set(high_support.claim_ids)
    roles: dict[str, Role] = {}
    for cid, in_policy, is_relevant in zip(
        frame["claim_id"], kept_by_policy, relevant, strict=True
    ):
        if not in_policy:
            roles[cid] = Role.EXCLUDED
        elif not is_relevant:
            roles[cid] = Role.OUT_OF_SCOPE
        elif cid in set_aside:
            roles[cid] = Role.SET_ASIDE
        elif cid in supporting:
            roles[cid] = Role.USED
        else:
            roles[cid] = Role.REDUNDANT
    direct = _direct(used_frame, base, day, chosen_war.start) if not query else used_frame.iloc[0:0]
    direct = direct.loc[~direct["claim_id"].isin(set_aside)]
    assert solution.low.value is not None
    return Resolution(
        base,
        day,
        solution.low.value,
        solution.high.value,
        "conflict" if set_aside else "consistent",
        _spread(direct),
        low_support,
        high_support,
        direct=tuple(sorted(direct["claim_id"].tolist())),
        conflicts=tuple(conflicts),
        set_aside=set_aside,
        roles=roles,
        policy=chosen.name,
        query=query,
        war=chosen_war.id,
    )


def _describe(c: Constraint) -> str:
    high = "" if c.high is None else str(c.high)
    figure = str(c.low) if c.high == c.low else f"[{c.low}, {high or 'open'}]"
    when = f"{c.since}..{c.as_of}" if c.kind is Kind.INCREMENT else str(c.as_of)
    return f"{figure} on {when}"
