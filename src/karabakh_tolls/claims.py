"""Claims: one reported figure, as a value.

A :class:`Claim` is one reported figure: what it says (a :class:`~karabakh_tolls.figures.Figure`),
about what (a :class:`~karabakh_tolls.scopes.Scope`), in which war (a
:class:`~karabakh_tolls.wars.War`), over which days (``since`` to ``as_of``), said by whom (a
:class:`~karabakh_tolls.sources.Source`), and where it was read (outlet, document, quote, span).
Claims are immutable values. :class:`ClaimKind` and :class:`Coverage` say how a claim's count
relates to time and to its scope.

A collection of claims is a :class:`~karabakh_tolls.claimset.ClaimSet`.

This module imports pandas and the package's ``errors``, ``figures``, ``scopes``, ``sources`` and
``wars`` modules.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from karabakh_tolls.errors import ArgumentTypeError, ClaimError, unknown_member
from karabakh_tolls.figures import Figure
from karabakh_tolls.scopes import DIMENSIONS, Scope
from karabakh_tolls.sources import Source
from karabakh_tolls.wars import War, default_war

__all__ = ["Claim", "ClaimKind", "Coverage", "as_date"]


class ClaimKind(enum.StrEnum):
    """How a claim's count relates to time (the ``kind`` column).

    Examples
    --------
    >>> ClaimKind("incident") is ClaimKind.INCIDENT
    True
    """

    CUMULATIVE = "cumulative"
    """A running total over ``[since, as_of]`` (since defaults to the war's start)."""
    INCREMENT = "increment"
    """The change over ``[since, as_of]``: "40 more servicemen"."""
    INCIDENT = "incident"
    """The toll of one ``event`` on the day ``as_of``: part of every total covering it."""

    @classmethod
    def _missing_(cls, value: object) -> ClaimKind:
        raise unknown_member(cls, value)


class Coverage(enum.StrEnum):
    """Whether a figure counts its whole scope or only part of it (the ``coverage`` column).

    Examples
    --------
    >>> Coverage("partial") is Coverage.PARTIAL
    True
    """

    COMPLETE = "complete"
    """The figure counts its whole scope (the default)."""
    PARTIAL = "partial"
    """Only part of the scope was counted (e.g. the strikes a study analysed): a lower bound."""

    @classmethod
    def _missing_(cls, value: object) -> Coverage:
        raise unknown_member(cls, value)


def as_date(value: object, name: str = "date") -> dt.date:
    """Read a ``datetime.date``, ``datetime``, pandas Timestamp or ISO string as a date.

    Examples
    --------
    >>> as_date("2020-10-06")
    datetime.date(2020, 10, 6)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ClaimError(f"{name}={value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise ClaimError(f"{name}={value!r} is not a date")


@dataclass(frozen=True, slots=True)
class Claim:
    """One reported figure about one scope over a span of days, with its provenance.

    The count of ``scope`` over the days ``since`` to ``as_of`` (both included) lies in
    ``figure``'s interval — or, for a ``partial`` claim or an ``incident``, at least the
    figure's low bound is part of that count. ``since`` defaults to the start of ``war`` (by
    default the bundled 2020 Nagorno-Karabakh war); a claim dated before its war's start, or
    whose counted days all fall after its end, is refused.

    Examples
    --------
    >>> from karabakh_tolls.figures import exact
    >>> c = Claim("c1", exact(146), Scope("killed", "civilian"), "2021-01-14",
    ...           Source("amnesty-international", "Amnesty International", "ngo"))
    >>> str(c.as_of), str(c.since), c.kind.value, c.war.id
    ('2021-01-14', '2020-09-27', 'cumulative', 'karabakh-2020')
    >>> hypo = War("hypo-2015", "A hypothetical war", start="2015-01-01")
    >>> Claim("h1", exact(20), Scope(), "2015-10-15", c.source, war=hypo).since
    datetime.date(2015, 1, 1)
    """

    id: str
    figure: Figure
    scope: Scope
    as_of: dt.date
    source: Source
    since: dt.date = None  # type: ignore[assignment]  # None: the war's start
    kind: ClaimKind = ClaimKind.CUMULATIVE
    coverage: Coverage = Coverage.COMPLETE
    event: str | None = None
    via: str | None = None
    outlet: str | None = None
    document: str | None = None
    published: dt.date | None = None
    quote: str | None = None
    span: tuple[int, int] | None = None
    note: str | None = field(default=None, compare=False)
    war: War = None  # type: ignore[assignment]  # None: the bundled default war
    evidence: str | None = None
    """The claim's evidence group when given by hand (claims of one value carry one statement);
    ``None``: detected from the claim's content (see :mod:`karabakh_tolls.evidence`)."""
    release: str | None = None
    """The dataset release the claim was imported from (``"UCDP GED 19.1"``), if any."""
    superseded_by: str | None = None
    """The id of the claim of a newer release that replaces this one; ``None``: current."""

    def __post_init__(self) -> None:
        if not str(self.id).strip():
            raise ClaimError("a claim needs an id")
        for name, kind in (("figure", Figure), ("scope", Scope), ("source", Source)):
            if not isinstance(getattr(self, name), kind):
                raise ArgumentTypeError.of(name, f"a {kind.__name__}", getattr(self, name))
        if self.war is None:
            object.__setattr__(self, "war", default_war())
        elif not isinstance(self.war, War):
            raise ClaimError(f"claim {self.id!r}: war={self.war!r} is not a War")
        war = self.war
        object.__setattr__(self, "as_of", as_date(self.as_of, "as_of"))
        since = war.start if self.since is None else as_date(self.since, "since")
        object.__setattr__(self, "since", since)
        if self.published is not None:
            object.__setattr__(self, "published", as_date(self.published, "published"))
        object.__setattr__(self, "kind", ClaimKind(self.kind))
        object.__setattr__(self, "coverage", Coverage(self.coverage))
        if self.as_of < self.since:
            raise ClaimError(f"claim {self.id!r}: as_of={self.as_of} is before since={self.since}")
        if self.since < war.start:
            raise ClaimError(
                f"claim {self.id!r}: since={self.since} is before the start of {war.id} "
                f"({war.start})"
            )
        if self.kind is ClaimKind.INCIDENT and not self.event:
            raise ClaimError(f"claim {self.id!r}: an incident claim needs an event id")
        last_counted = self.as_of if self.kind is ClaimKind.INCIDENT else self.since
        if war.end is not None and last_counted > war.end:
            raise ClaimError(
                f"claim {self.id!r}: it counts days after the end of {war.id} ({war.end})"
            )
        for dimension in DIMENSIONS:
            term = getattr(self.scope, dimension)
            if term not in war.trees[dimension]:
                raise ClaimError(
                    f"claim {self.id!r}: {dimension} {term!r} is not in the trees of {war.id}"
                )
        if self.superseded_by is not None and self.superseded_by == self.id:
            raise ClaimError(f"claim {self.id!r}: a claim cannot supersede itself")
        if self.span is not None:
            start, end = (int(x) for x in self.span)
            if not 0 <= start < end:
                raise ClaimError(f"claim {self.id!r}: span={self.span!r} is not start < end")
            object.__setattr__(self, "span", (start, end))

    @property
    def low(self) -> int:
        """The figure's lower bound."""
        return self.figure.low

    @property
    def high(self) -> int | None:
        """The figure's upper bound (``None``: open)."""
        return self.figure.high

    def evolve(self, **changes: Any) -> Claim:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def to_record(self) -> dict[str, object]:
        """The claim as one row of the claim table (schema of :mod:`karabakh_tolls.frame`)."""
        return {
            "claim_id": self.id,
            "war": self.war.id,
            "figure": self.figure.text or None,
            "low": self.figure.low,
            "high": self.figure.high,
            "hedge": self.figure.hedge.value,
            **self.scope.as_dict(),
            "kind": self.kind.value,
            "since": self.since,
            "as_of": self.as_of,
            "event": self.event,
            "coverage": self.coverage.value,
            "source": self.source.id,
            "source_name": self.source.name,
            "source_kind": self.source.kind.value,
            "source_affiliation": self.source.affiliation,
            "via": self.via,
            "outlet": self.outlet,
            "document": self.document,
            "published": self.published,
            "quote": self.quote,
            "span_start": self.span[0] if self.span else None,
            "span_end": self.span[1] if self.span else None,
            "note": self.note,
            "evidence": self.evidence,
            "release": self.release,
            "superseded_by": self.superseded_by,
        }

    def __str__(self) -> str:
        return f"{self.id}: {self.scope} {self.figure} as of {self.as_of} ({self.source.name})"

    def _repr_html_(self) -> str:
        from karabakh_tolls.display import claim_html

        return claim_html(self)
