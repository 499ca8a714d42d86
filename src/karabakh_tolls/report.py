"""The rows of the command line's report: which ranges to show, and why each is what it is.

:func:`report_rows` asks :func:`~karabakh_tolls.reconcile.reconcile_all` for every range, keeps
those a reader needs (what a claim speaks about, conflicts, sums of several claims) and, for
small claim sets, asks :func:`~karabakh_tolls.reconcile.reconcile` for each kept row's
derivation; each :class:`Row` carries the sentence to quote and its derivation in plain words.
Rendering is elsewhere (:mod:`karabakh_tolls.terminal` for people, the machine formats in
:mod:`karabakh_tolls.cli`).

This module imports pandas and the package's ``reconcile``, ``cite``, ``claims``,
``policies``, ``reconcile``, ``resolution`` and ``scopes``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd

from karabakh_tolls import cite
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.policies import ALL_SOURCES, TrustPolicy
from karabakh_tolls.reconcile import reconcile, reconcile_all
from karabakh_tolls.resolution import Resolution, Rule
from karabakh_tolls.scopes import DIMENSIONS, Scope

__all__ = ["EXACT_CLAIMS_LIMIT", "Progress", "Row", "no_progress", "report_rows", "select"]

#: Up to this many claims each kept row is recomputed by the exact solver, whose derivations
#: name every claim and rule; above it the rows are those of ``reconcile_all``.
EXACT_CLAIMS_LIMIT: Final = 100


@dataclass(frozen=True)
class Row:
    """One line of the report: a scope at a date, its range, and why."""

    scope: Scope
    as_of: dt.date
    low: int
    high: int | None
    status: str
    n_claims: int
    rules: tuple[str, ...]
    """Names of the rules behind the bounds; ``("claim",)`` alone when a source states it."""
    derivations: tuple[str, ...]
    """One line per bound that no claim about exactly this row states, then any set-aside."""
    sentence: str
    low_support: tuple[str, ...] = ()
    high_support: tuple[str, ...] = ()
    set_aside: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    war: str = ""
    """The id of the war the count belongs to."""

    @property
    def stated(self) -> bool:
        """True when both bounds are a source's own figure for exactly this count and date."""
        return set(self.rules) <= {Rule.CLAIM.value}

    def record(self) -> dict[str, object]:
        """The row as a flat record (the machine formats)."""
        return {
            "war": self.war,
            **self.scope.as_dict(),
            "as_of": self.as_of,
            "low": self.low,
            "high": self.high,
            "status": self.status,
            "n_claims": self.n_claims,
            "low_support": ";".join(sorted(self.low_support)),
            "high_support": ";".join(sorted(self.high_support)),
            "set_aside": ";".join(sorted(self.set_aside)),
            "rules": ";".join(self.rules),
            "sources": "; ".join(self.sources),
            "sentence": self.sentence,
            "derivation": " | ".join(self.derivations),
        }


def _ids(text: object) -> tuple[str, ...]:
    if text is None or text is pd.NA or (isinstance(text, float) and pd.isna(text)):
        return ()
    return tuple(part for part in str(text).split(";") if part)


def select(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a :func:`~karabakh_tolls.reconcile_all` table a reader needs.

    Kept: every row a claim speaks about directly; every row in conflict; and, for each scope
    some claim speaks about, the dates where its range changes and its lower bound adds up
    several claims (a derived figure, such as all civilians killed by a date as the sum of the
    parties' counts). The table is not modified.
    """
    columns = [c for c in ("war", *DIMENSIONS) if c in table.columns]
    keys = table[columns].astype(str).agg("/".join, axis=1)
    spoken = keys.isin(set(keys[table["n_claims"] > 0]))
    shown = table["low"].astype(str) + "," + table["high"].astype(str)
    previous = shown.where(spoken).groupby(keys).shift()
    several = table["low_support"].fillna("").astype(str).str.contains(";", regex=False)
    changed = (shown != previous) & several & (table["low"].fillna(0) > 0)
    keep = (table["n_claims"] > 0) | (table["status"] != "consistent") | (spoken & changed)
    return table.loc[keep.to_numpy(dtype=bool)]


def _from_resolution(r: Resolution) -> Row:
    rules = tuple(
        dict.fromkeys(str(rule) for rule in (*r.low_support.rules, *r.high_support.rules))
    )
    lines: list[str] = []
    if r.low > 0 and Rule.CLAIM not in r.low_support.rules:
        lines.append(cite.derivation("low", r.low, r.low_support.terms, r.low_support.multipliers))
    if r.high is not None and Rule.CLAIM not in r.high_support.rules:
        lines.append(
            cite.derivation("high", r.high, r.high_support.terms, r.high_support.multipliers)
        )
    for conflict in r.conflicts:
        others = [c for c in conflict.claim_ids if c not in conflict.set_aside]
        lines.append(
            f"set aside {cite.join_names(conflict.set_aside)}: it cannot be true together with "
            f"{cite.join_names(others)}"
        )
    names = [n for _, _, n in (*r.low_support.terms, *r.high_support.terms) if n]
    return Row(
        scope=r.scope,
        as_of=r.as_of,
        low=r.low,
        high=r.high,
        status=str(r.status),
        n_claims=r.n_claims,
        rules=rules,
        derivations=tuple(lines),
        sentence=r.cite(),
        low_support=r.low_support.claim_ids,
        high_support=r.high_support.claim_ids if r.high is not None else (),
        set_aside=r.set_aside,
        sources=tuple(sorted(set(names))),
        war=r.war,
    )


def _from_table(record: dict[str, Any], scope: Scope, names: dict[str, str], policy: str) -> Row:
    low = int(record["low"])
    high = None if pd.isna(record["high"]) else int(record["high"])
    lows, highs, aside = (_ids(record[k]) for k in ("low_support", "high_support", "set_aside"))
    lines = []
    for word, ids, bound in (("at least", lows, low), ("at most", highs, high)):
        if bound is not None and ids and (bound > 0 or word == "at most"):
            shown = ", ".join(f"{names.get(c, '')} {c}".strip() for c in ids)
            lines.append(f"{word} {cite.format_count(bound)}, from {shown}")
    if aside:
        lines.append(f"set aside {cite.join_names(aside)} to restore consistency")
    day = pd.Timestamp(record["as_of"]).date()
    return Row(
        scope=scope,
        as_of=day,
        low=low,
        high=high,
        status=str(record["status"]),
        n_claims=int(record["n_claims"]),
        rules=(),
        derivations=tuple(lines),
        sentence=cite.sentence(
            scope,
            day,
            low,
            high,
            low_sources=[names.get(c, c) for c in lows],
            high_sources=[names.get(c, c) for c in highs],
            status=str(record["status"]),
            set_aside=aside,
            policy=policy,
        ),
        low_support=lows,
        high_support=highs,
        set_aside=aside,
        sources=tuple(sorted({names.get(c, c) for c in (*lows, *highs)})),
        war=str(record.get("war", "")),
    )


Progress = Callable[[str, int | None], Callable[[int], None]]
"""``progress(description, total)`` starts a task and returns ``advance(n)``."""


def no_progress(description: str, total: int | None) -> Callable[[int], None]:
    """The progress callback that shows nothing."""
    return lambda n: None


def report_rows(
    claims: ClaimSet,
    *,
    policy: TrustPolicy | None = None,
    full: bool = False,
    progress: Progress = no_progress,
) -> list[Row]:
    """The rows the report shows, in the order of :func:`~karabakh_tolls.reconcile_all`.

    Without ``full`` only the rows :func:`select` keeps are shown. For claim sets of up to
    :data:`EXACT_CLAIMS_LIMIT` claims each kept row is recomputed by
    :func:`~karabakh_tolls.reconcile`, whose derivations name every claim; above it the rows
    are those of :func:`~karabakh_tolls.reconcile_all` with the claims behind each bound.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> rows = report_rows(kt.load_seed_claims())
    >>> row = next(r for r in rows if str(r.scope) == "killed/civilian")
    >>> row.as_of, row.low, row.high, row.rules
    (datetime.date(2020, 10, 6), 48, 101, ('disjoint-sum', 'subscope', 'exhaustive', ...))
    """
    chosen = policy if policy is not None else ALL_SOURCES
    advance = progress(f"Reconciling {len(claims):,} claims", None)
    table = reconcile_all(claims, policy=policy)
    advance(1)
    if not full:
        table = select(table)
    records: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()} for r in table.to_dict("records")
    ]
    frame = claims.frame
    names = dict(zip(frame["claim_id"], frame["source_name"].fillna(""), strict=True))
    exact = len(claims) <= EXACT_CLAIMS_LIMIT
    advance = progress("Explaining each range" if exact else "Listing the rows", len(records))
    rows = []
    for record in records:
        war = claims.war(str(record["war"])) if "war" in record else claims.war()
        scope = Scope(**{d: str(record[d]) for d in DIMENSIONS}, trees=war.trees)
        if exact:
            day = pd.Timestamp(record["as_of"]).date()
            rows.append(_from_resolution(reconcile(claims, scope, day, policy=policy, war=war)))
        else:
            rows.append(_from_table(record, scope, names, chosen.name))
        advance(1)
    return rows
