"""Claims and claim sets.

A :class:`Claim` is one reported figure: what it says (a :class:`~karabakh_tolls.figures.Figure`),
about what (a :class:`~karabakh_tolls.scopes.Scope`), over which days (``since`` to ``as_of``),
said by whom (a :class:`~karabakh_tolls.sources.Source`), and where it was read (outlet,
document, quote, span). Claims are immutable values.

A :class:`ClaimSet` is a collection of claims held as one pandas DataFrame in the schema of
:mod:`karabakh_tolls.frame`; it is built and read through validation, so it only ever holds
valid claims, and validation names every row it refuses.

This module imports pandas and the package's ``errors``, ``figures``, ``scopes``, ``sources`` and
``frame`` modules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd

from karabakh_tolls.errors import ClaimError, ClaimValidationError, Problem
from karabakh_tolls.figures import Figure, Hedge
from karabakh_tolls.frame import (
    COLUMNS,
    WAR_START,
    ClaimKind,
    Coverage,
    empty_frame,
    validate_frame,
)
from karabakh_tolls.scopes import Scope, ScopeTrees, default_trees
from karabakh_tolls.sources import Source, SourceKind

__all__ = ["Claim", "ClaimSet", "as_date"]


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
    figure's low bound is part of that count.

    Examples
    --------
    >>> from karabakh_tolls.figures import exact
    >>> c = Claim("c1", exact(146), Scope("killed", "civilian"), "2021-01-14",
    ...           Source("amnesty-international", "Amnesty International", "ngo"))
    >>> c.as_of, c.since, c.kind
    (datetime.date(2021, 1, 14), datetime.date(2020, 9, 27), <ClaimKind.CUMULATIVE: 'cumulative'>)
    """

    id: str
    figure: Figure
    scope: Scope
    as_of: dt.date
    source: Source
    since: dt.date = WAR_START
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

    def __post_init__(self) -> None:
        if not str(self.id).strip():
            raise ClaimError("a claim needs an id")
        object.__setattr__(self, "as_of", as_date(self.as_of, "as_of"))
        object.__setattr__(self, "since", as_date(self.since, "since"))
        if self.published is not None:
            object.__setattr__(self, "published", as_date(self.published, "published"))
        object.__setattr__(self, "kind", ClaimKind(self.kind))
        object.__setattr__(self, "coverage", Coverage(self.coverage))
        if self.as_of < self.since:
            raise ClaimError(f"claim {self.id!r}: as_of={self.as_of} is before since={self.since}")
        if self.kind is ClaimKind.INCIDENT and not self.event:
            raise ClaimError(f"claim {self.id!r}: an incident claim needs an event id")
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
        }

    def __str__(self) -> str:
        return f"{self.id}: {self.scope} {self.figure} as of {self.as_of} ({self.source.name})"

    def _repr_html_(self) -> str:
        from karabakh_tolls.display import claim_html

        return claim_html(self)


def _text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    return as_date(value)


class ClaimSet(Sequence[Claim]):
    """An immutable, validated collection of claims backed by a pandas DataFrame.

    Build one from claims, from a frame (:meth:`from_frame`) or a file
    (:func:`karabakh_tolls.read_claims`). Every construction path validates; with
    ``errors="raise"`` (the default) bad rows raise one
    :class:`~karabakh_tolls.errors.ClaimValidationError` listing all of them, with
    ``errors="report"`` the good rows are kept and the refused ones are in :attr:`rejected`.

    Examples
    --------
    >>> from karabakh_tolls.figures import exact
    >>> amnesty = Source("amnesty-international", "Amnesty International", "ngo")
    >>> claims = ClaimSet([Claim("c1", exact(146), Scope("killed", "civilian"), "2021-01-14",
    ...                          amnesty, document="000")])
    >>> len(claims), claims["c1"].figure
    (1, exact(146))
    """

    __slots__ = ("_frame", "_index", "_rejected", "_trees")

    def __init__(
        self,
        claims: Iterable[Claim] = (),
        *,
        trees: ScopeTrees | None = None,
    ) -> None:
        records = [c.to_record() for c in claims]
        frame = pd.DataFrame.from_records(records, columns=list(COLUMNS)) if records else None
        self._trees = trees if trees is not None else default_trees()
        self._rejected: tuple[Problem, ...] = ()
        if frame is None:
            self._frame = empty_frame()
        else:
            good, problems = validate_frame(frame, self._trees)
            if problems:
                raise ClaimValidationError(problems, len(frame))
            self._frame = good
        self._index: dict[str, int] | None = None

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        trees: ScopeTrees | None = None,
        errors: Literal["raise", "report"] = "raise",
    ) -> ClaimSet:
        """Validate a DataFrame (one row a claim) and wrap it; the input is not modified.

        With ``errors="raise"`` any bad row raises one error listing every problem; with
        ``errors="report"`` the good rows are kept and :attr:`rejected` names the others.
        """
        chosen = trees if trees is not None else default_trees()
        good, problems = validate_frame(frame, chosen)
        if problems and errors == "raise":
            raise ClaimValidationError(problems, len(frame))
        result = cls._wrap(good, chosen)
        result._rejected = problems
        return result

    @classmethod
    def _wrap(cls, frame: pd.DataFrame, trees: ScopeTrees) -> ClaimSet:
        """Wrap a frame already in schema form (internal: no validation)."""
        result = cls.__new__(cls)
        result._frame = frame
        result._trees = trees
        result._rejected = ()
        result._index = None
        return result

    # --- access --------------------------------------------------------------------------------
    @property
    def trees(self) -> ScopeTrees:
        """The scope trees the claims were read against."""
        return self._trees

    @property
    def rejected(self) -> tuple[Problem, ...]:
        """Problems of the rows refused when this set was built with ``errors="report"``."""
        return self._rejected

    def rejected_frame(self) -> pd.DataFrame:
        """The refused rows' problems as a table (row, column, reason, value, message)."""
        table: pd.DataFrame = ClaimValidationError(self._rejected).failure_table()
        return table

    def to_frame(self) -> pd.DataFrame:
        """A copy of the claim table (columns and dtypes of ``frame.SCHEMA``)."""
        return self._frame.copy()

    @property
    def frame(self) -> pd.DataFrame:
        """The claim table itself, read-only by convention (use :meth:`to_frame` to edit)."""
        return self._frame

    def __len__(self) -> int:
        return len(self._frame)

    def _claim_at(self, position: int) -> Claim:
        row = self._frame.iloc[position]
        span = None
        if row["span_start"] is not pd.NA and row["span_end"] is not pd.NA:
            span = (int(row["span_start"]), int(row["span_end"]))
        high = None if row["high"] is pd.NA else int(row["high"])
        return Claim(
            id=str(row["claim_id"]),
            figure=Figure(int(row["low"]), high, Hedge(row["hedge"]), _text(row["figure"]) or ""),
            scope=Scope(
                row["outcome"],
                row["category"],
                row["party"],
                row["perpetrator"],
                row["region"],
                trees=self._trees,
            ),
            as_of=as_date(row["as_of"]),
            since=as_date(row["since"]),
            source=Source(
                str(row["source"]),
                _text(row["source_name"]) or "",
                SourceKind(row["source_kind"]),
                row["source_affiliation"],
            ),
            kind=ClaimKind(row["kind"]),
            coverage=Coverage(row["coverage"]),
            event=_text(row["event"]),
            via=_text(row["via"]),
            outlet=_text(row["outlet"]),
            document=_text(row["document"]),
            published=_date(row["published"]),
            quote=_text(row["quote"]),
            span=span,
            note=_text(row["note"]),
        )

    def __getitem__(self, key: Any) -> Any:
        """``claims[i]`` → a Claim; ``claims["c12"]`` → the claim with that id;
        ``claims[i:j]`` or ``claims[mask]`` → a ClaimSet."""
        if isinstance(key, str):
            if self._index is None:
                self._index = {cid: i for i, cid in enumerate(self._frame["claim_id"])}
            try:
                return self._claim_at(self._index[key])
            except KeyError:
                raise KeyError(f"no claim with id {key!r}") from None
        if isinstance(key, int):
            return self._claim_at(range(len(self))[key])
        if isinstance(key, slice):
            return ClaimSet._wrap(self._frame.iloc[key].reset_index(drop=True), self._trees)
        mask = pd.Series(key).to_numpy(dtype=bool)
        return ClaimSet._wrap(self._frame.loc[mask].reset_index(drop=True), self._trees)

    def __iter__(self) -> Iterator[Claim]:
        for position in range(len(self)):
            yield self._claim_at(position)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Claim):
            item = item.id
        return bool((self._frame["claim_id"] == item).any())

    @property
    def ids(self) -> tuple[str, ...]:
        """Claim ids in table order."""
        return tuple(self._frame["claim_id"].tolist())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClaimSet):
            return NotImplemented
        return self._frame.equals(other._frame)

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: ClaimSet) -> ClaimSet:
        """Both sets together; ids must stay unique (checked)."""
        if not isinstance(other, ClaimSet):
            return NotImplemented
        combined = pd.concat([self._frame, other._frame], ignore_index=True)
        return ClaimSet.from_frame(combined, trees=self._trees)

    def filter(self, **terms: str) -> ClaimSet:
        """Claims whose columns equal the given values, e.g. ``filter(outcome="killed")``.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> len(load_seed_claims().filter(outcome="displaced")) >= 1
        True
        """
        mask = pd.Series(True, index=self._frame.index)
        for column, value in terms.items():
            if column not in self._frame.columns:
                raise KeyError(f"no column {column!r}; columns are {list(self._frame.columns)}")
            mask &= (self._frame[column] == value).fillna(False)
        subset: ClaimSet = self[mask.to_numpy()]
        return subset

    def sources(self) -> tuple[Source, ...]:
        """Every distinct source, in order of first appearance."""
        seen = self._frame.drop_duplicates("source")
        return tuple(
            Source(
                str(r.source),
                str(r.source_name),
                SourceKind(str(r.source_kind)),
                str(r.source_affiliation),
            )
            for r in seen.itertuples()
        )

    # --- output --------------------------------------------------------------------------------
    def to_csv(self, path: Any) -> None:
        """Write CSV (dates ISO, open bounds empty); :func:`read_claims` reads it back exactly."""
        from karabakh_tolls import io

        io.write_csv(self._frame, path)

    def to_jsonl(self, path: Any) -> None:
        """Write JSON Lines, one claim an object; missing values are ``null``."""
        from karabakh_tolls import io

        io.write_jsonl(self._frame, path)

    def to_parquet(self, path: Any) -> None:
        """Write Parquet (needs pyarrow, a dependency of the package)."""
        from karabakh_tolls import io

        io.write_parquet(self._frame, path)

    def __repr__(self) -> str:
        sources = self._frame["source"].nunique()
        return f"<ClaimSet: {len(self)} claim(s) from {sources} source(s)>"

    def _repr_html_(self) -> str:
        from karabakh_tolls.display import claims_html

        return claims_html(self._frame, repr(self))
