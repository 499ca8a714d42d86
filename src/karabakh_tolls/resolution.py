"""The result of reconciling claims: a :class:`Resolution` and its parts.

A Resolution is a value: the queried scope and date, the tightest ``low``/``high`` the claims
imply, the ``spread`` of the claims made directly about that scope and date, a ``status``, the
:class:`Support` of each bound (claim ids, rules and a derivation), the :class:`Conflict` records
found, and an accounting of every input claim (used, redundant, set aside, out of scope).
Conflicts are results, not exceptions.

This module imports only the standard library and ``figures``, ``scopes``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from karabakh_tolls.figures import Figure
from karabakh_tolls.scopes import Scope

__all__ = ["Conflict", "Resolution", "Role", "Rule", "Status", "Support"]

Status = Literal["consistent", "conflict"]


class Rule(enum.StrEnum):
    """The reasoning steps a bound can rest on (SPEC §2)."""

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

    def __str__(self) -> str:
        high = "open" if self.high is None else str(self.high)
        return f"{self.label} on {self.as_of}: [{self.low}, {high}] ({self.status})"

    def _repr_html_(self) -> str:
        from karabakh_tolls.display import resolution_html

        return resolution_html(self)
