"""Sources: who asserts a figure, what kind of body it is, and whose side it is on.

A :class:`Source` is an immutable record: a stable ``id``, a human ``name``, a :class:`SourceKind`
and an ``affiliation`` (a party of the war, or ``"independent"``). Affiliation is recorded, never
judged: it lets users compare what partisan and independent sources say, and trust policies weigh
sources as the user decides.

This module imports only the standard library and :mod:`karabakh_tolls.errors`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Any, Final

from karabakh_tolls.errors import ClaimError, Reason, unknown_member

__all__ = ["INDEPENDENT", "Source", "SourceKind"]

INDEPENDENT: Final = "independent"


class SourceKind(enum.StrEnum):
    """What kind of body a source is."""

    NGO = "ngo"
    GOVERNMENT = "government"
    DE_FACTO_AUTHORITY = "de-facto-authority"
    MEDIA = "media"
    INTERGOVERNMENTAL = "intergovernmental"
    INDIVIDUAL = "individual"
    ACADEMIC = "academic"
    DATASET = "dataset"
    OTHER = "other"

    @classmethod
    def _missing_(cls, value: object) -> SourceKind:
        raise unknown_member(cls, value)


@dataclass(frozen=True, slots=True)
class Source:
    """Who asserts a figure.

    Examples
    --------
    >>> amnesty = Source("amnesty-international", "Amnesty International", "ngo")
    >>> amnesty  # doctest: +NORMALIZE_WHITESPACE
    Source(id='amnesty-international', name='Amnesty International', kind='ngo',
           affiliation='independent')
    >>> amnesty.independent
    True
    """

    id: str
    name: str = ""
    kind: SourceKind = SourceKind.OTHER
    affiliation: str = INDEPENDENT

    def __post_init__(self) -> None:
        ident = str(self.id).strip()
        if not ident:
            raise ClaimError(f"a source needs an id ({Reason.MISSING_VALUE.value})", field="id")
        object.__setattr__(self, "id", ident)
        object.__setattr__(self, "name", str(self.name).strip() or ident)
        try:
            object.__setattr__(self, "kind", SourceKind(str(self.kind).strip().lower()))
        except ValueError:
            known = ", ".join(k.value for k in SourceKind)
            raise ClaimError(
                f"source {ident!r}: kind={self.kind!r} is not one of {known}",
                field="kind",
                value=str(self.kind),
                claim_id=ident,
            ) from None
        affiliation = str(self.affiliation).strip().lower() or INDEPENDENT
        object.__setattr__(self, "affiliation", affiliation)

    def __repr__(self) -> str:
        return (
            f"Source(id={self.id!r}, name={self.name!r}, kind={self.kind.value!r}, "
            f"affiliation={self.affiliation!r})"
        )

    @property
    def independent(self) -> bool:
        """True when the source belongs to no party of the war."""
        return self.affiliation == INDEPENDENT

    def evolve(self, **changes: Any) -> Source:
        """A copy with some fields changed."""
        return replace(self, **changes)
