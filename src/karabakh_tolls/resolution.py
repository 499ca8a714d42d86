"""The result of reconciling claims: a :class:`Resolution` and its parts.

A Resolution is a value: the queried scope and date, the tightest ``low``/``high`` the claims
imply, the ``spread`` of the claims made directly about that scope and date, a ``status``, the
:class:`Support` of each bound (claim ids, rules and a derivation), the :class:`Conflict` records
found, and an accounting of every input claim (used, redundant, set aside, out of scope).
Conflicts are results, not exceptions.

This module imports the standard library, pandas and the package's ``cite``, ``figures`` and
``scopes``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from karabakh_tolls import cite as _cite
from karabakh_tolls.errors import KarabakhTollsError, unknown_member
from karabakh_tolls.figures import Figure
from karabakh_tolls.scopes import DIMENSIONS, Scope

__all__ = ["Conflict", "Resolution", "Role", "Rule", "Status", "Support"]

Status = Literal["consistent", "conflict"]


class Rule(enum.StrEnum):
    """The reasoning steps a bound can rest on.

    Each value's meaning in plain words is :data:`karabakh_tolls.cite.RULES`.
    """

    CLAIM = "claim"
    """A claim about exactly this scope and date."""
    SUBSCOPE = "subscope"
    """1. A sub-scope never exceeds its scope."""
    DISJOINT_SUM = "disjoint-sum"
    """2. Disjoint children together never exceed their parent."""
    EXHAUSTIVE = "exhaustive"
    """2'. An exhaustive node equals the sum of its children."""
    MONOTONE = "monotone"
    """3. Cumulative outcomes never fall over time."""
    INCIDENT = "incident"
    """4. An incident's toll is part of every cumulative count covering it."""
    PARTIAL = "partial"
    """5. A partial-coverage claim is a lower bound."""
    INCREMENT = "increment"
    """5'. An increment relates the counts at two dates."""

    @classmethod
    def _missing_(cls, value: object) -> Rule:
        raise unknown_member(cls, value)


class Role(enum.StrEnum):
    """What became of an input claim in a resolution."""

    USED = "used"
    """It supports the low or the high bound."""
    REDUNDANT = "redundant"
    """It is consistent with the result but implied by the others."""
    SET_ASIDE = "set-aside"
    """It was part of a conflict and was set aside to restore consistency."""
    OUT_OF_SCOPE = "out-of-scope"
    """It cannot affect the queried scope and date (another outcome; for a stock outcome such
    as displaced, another date; an increment of a stock, which is not modelled)."""
    EXCLUDED = "excluded-by-policy"
    """The source policy left it out (e.g. not independent, or trust weight 0)."""
    SUPERSEDED = "superseded"
    """A newer release of the same figure replaced it (its ``superseded_by``)."""
    UNPUBLISHED = "not-yet-published"
    """It was not published by the query's ``known_on`` day (or it has no publication date)."""

    @classmethod
    def _missing_(cls, value: object) -> Role:
        raise unknown_member(cls, value)


@dataclass(frozen=True, slots=True)
class Support:
    """Why a bound is what it is: the claims and rules that produce it.

    ``terms`` are the addends of the derivation, each ``(value, claim id, source name)``: the
    claim's bound times its dual multiplier, negative when the claim is subtracted (an upper
    bound used for a low, as in ``non-civilian >= 6001 - 146``); ``multipliers`` are those dual
    multipliers (usually 1). ``sentence`` renders it, e.g.
    "killed/civilian >= 48 on 2020-10-06 = 19 (...) + 27 (...) + 2 (...)".
    """

    bound: int | None
    claim_ids: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    terms: tuple[tuple[float, str, str], ...] = ()
    sentence: str = ""
    multipliers: tuple[float, ...] = ()

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.claim_ids)

    def __len__(self) -> int:
        return len(self.claim_ids)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self.claim_ids


@dataclass(frozen=True, slots=True)
class Conflict:
    """A smallest set of claims that cannot all be true, and what was done about it."""

    reason: str
    claim_ids: tuple[str, ...]
    set_aside: tuple[str, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """The range a set of claims implies for one scope at one date.

    ``low``/``high`` are the tightest bounds implied by all (kept) claims and the rules;
    ``high is None`` means no claim bounds the count from above. ``spread`` is the plain
    envelope of the claims made directly about this scope and date (``None`` if there are none).
    """

    scope: Scope
    as_of: dt.date
    low: int
    high: int | None
    status: Status
    spread: Figure | None
    low_support: Support
    high_support: Support
    direct: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    set_aside: tuple[str, ...] = ()
    roles: Mapping[str, Role] = field(default_factory=dict)
    policy: str = "all sources, equal trust"
    query: str = ""
    """What was bounded, when it is not simply ``scope`` (a complement or a sum of scopes)."""
    war: str = ""
    """The id of the war the count belongs to."""
    method: str = "exact"
    """``"exact"``, or ``"propagated"`` when the range meets a component too large for the exact
    program (then it is sound but may be wider than the exact range)."""
    components: tuple[int, ...] = ()
    """The independent components of the war and outcome whose bounds the range adds up."""

    @property
    def label(self) -> str:
        """The queried quantity as text: the scope, or the complement or sum asked for."""
        return self.query or str(self.scope)

    @property
    def figure(self) -> Figure:
        """The resolved range as a Figure."""
        return Figure(self.low, self.high, text=f"resolved {self.scope} {self.as_of}")

    @property
    def n_claims(self) -> int:
        """How many claims speak directly about this scope and date."""
        return len(self.direct)

    def explain(self) -> str:
        """One readable sentence per bound, then any conflict.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims, reconcile, Scope
        >>> r = reconcile(load_seed_claims(), Scope("killed", "military",
        ...               party="nagorno-karabakh"), "2020-10-29")
        >>> print(r.explain().splitlines()[0])  # doctest: +ELLIPSIS
        killed/military/party=nagorno-karabakh on 2020-10-29: [1166, 1166] ...
        """
        lines = [
            f"{self.label} on {self.as_of}: [{self.low}, "
            f"{'open' if self.high is None else self.high}] ({self.status})"
        ]
        lines.append(self.low_support.sentence or f"low = {self.low}: no claim raises it")
        lines.append(
            self.high_support.sentence
            or (
                "high is open: no claim bounds it from above"
                if self.high is None
                else f"high = {self.high}"
            )
        )
        lines.extend(c.message for c in self.conflicts)
        return "\n".join(lines)

    def cite(self) -> str:
        """One plain sentence a journalist can quote, naming the sources of each bound.

        It says the range in words ("between 48 and 101", "at least 6,001"; an open bound is
        said to be open), what was counted and by when, which sources give the lower and which
        the upper bound, which claims were set aside when figures contradict each other, and
        the source policy when it is not the default.

        Examples
        --------
        >>> import karabakh_tolls as kt
        >>> r = kt.reconcile(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh",
        ...                  "2020-10-29")
        >>> print(r.cite())
        1,166 soldiers from Nagorno-Karabakh were killed by 29 October 2020, according to the Nagorno-Karabakh Defense Ministry.
        """  # noqa: E501
        return _cite.sentence(
            self.scope,
            self.as_of,
            self.low,
            self.high,
            low_sources=[name for _, _, name in self.low_support.terms],
            high_sources=[name for _, _, name in self.high_support.terms]
            if self.high is not None
            else [],
            status=str(self.status),
            set_aside=self.set_aside,
            conflicting=[cid for c in self.conflicts for cid in c.claim_ids],
            policy=self.policy,
            what=_query_words(self.query, self.scope) if self.query else None,
        )

    def to_frame(self) -> pd.DataFrame:
        """The resolution as a one-row DataFrame.

        The columns are those of :func:`~karabakh_tolls.reconcile.reconcile_all` (``war``, the
        five scope terms, ``as_of``, ``low``, ``high``, ``spread_low``, ``spread_high``,
        ``status``, ``n_claims``, ``low_support``, ``high_support``, ``set_aside`` (claim ids
        joined by ``";"``, sorted), ``method``, ``component``, ``n_components``), so that
        resolutions and tables concatenate, then ``query`` (the quantity bounded when it is not
        simply the scope, else empty), ``policy``, ``explanation`` (:meth:`explain`) and
        ``sentence`` (:meth:`cite`).

        Examples
        --------
        >>> import karabakh_tolls as kt
        >>> r = kt.reconcile(kt.load_seed_claims(), "killed/civilian", "2020-10-06")
        >>> row = r.to_frame()
        >>> len(row), int(row.low[0]), int(row.high[0]), row.low_support[0]
        (1, 48, 101, 'c09;c11;c12')
        """
        spread = self.spread
        record: dict[str, object] = {"war": self.war}
        record.update({d: getattr(self.scope, d) for d in DIMENSIONS})
        record["as_of"] = pd.Timestamp(self.as_of)
        frame = pd.DataFrame([record])
        frame["as_of"] = frame["as_of"].astype("datetime64[s]")
        for column, value in (
            ("low", self.low),
            ("high", self.high),
            ("spread_low", None if spread is None else spread.low),
            ("spread_high", None if spread is None else spread.high),
        ):
            frame[column] = pd.array([value], dtype="Int64")
        frame["status"] = str(self.status)
        frame["n_claims"] = self.n_claims
        frame["low_support"] = ";".join(sorted(self.low_support.claim_ids))
        frame["high_support"] = (
            ";".join(sorted(self.high_support.claim_ids)) if self.high is not None else ""
        )
        frame["set_aside"] = ";".join(sorted(self.set_aside))
        frame["method"] = self.method
        one = self.components[0] if len(self.components) == 1 else None
        frame["component"] = pd.array([one], dtype="Int64")
        frame["n_components"] = pd.array([len(self.components)], dtype="Int64")
        frame["query"] = self.query
        frame["policy"] = self.policy
        frame["explanation"] = self.explain()
        frame["sentence"] = self.cite()
        return frame

    def __str__(self) -> str:
        high = "open" if self.high is None else str(self.high)
        return f"{self.label} on {self.as_of}: [{self.low}, {high}] ({self.status})"

    def _repr_html_(self) -> str:
        from karabakh_tolls.display import resolution_html

        return resolution_html(self)


def _query_words(query: str, scope: Scope) -> str:
    """Words for a complement ("people other than civilians") or a sum of scopes."""
    whole, sep, part = query.partition(" except ")
    try:
        if sep:
            inner = Scope.parse(part)
            return f"{_cite.describe(Scope.parse(whole), outcome=False)} other than " + (
                _cite.describe(inner, outcome=False)
            )
        pieces = [Scope.parse(p.strip()) for p in query.split(" + ")]
    except KarabakhTollsError:
        return f"people counted as {query}"
    return _cite.join_names(_cite.describe(p, outcome=False) for p in pieces)


def left_out_roles(left_out: pd.DataFrame, ids: Collection[str]) -> dict[str, Role]:
    """The roles of the claims ``ids`` that a claim set's evidence view left out (its
    ``left_out`` table, from ``ClaimSet.current``): superseded, or not yet published."""
    return {
        str(cid): Role.SUPERSEDED if reason == "superseded" else Role.UNPUBLISHED
        for cid, reason in zip(left_out["claim_id"], left_out["reason"], strict=True)
        if cid in ids
    }
