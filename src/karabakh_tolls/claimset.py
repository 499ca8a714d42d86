"""Claim sets: a validated collection of claims backed by one DataFrame.

A :class:`ClaimSet` holds claims as one pandas DataFrame in the schema of
:mod:`karabakh_tolls.frame`; it is built and read through validation, so it only ever holds
valid claims, and validation names every row it refuses. A set may hold claims of several wars
(:attr:`ClaimSet.wars`); each row is read against its own war.

This module imports pandas and the package's ``claims``, ``errors``, ``figures``, ``frame``,
``scopes``, ``sources`` and ``wars`` modules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

import pandas as pd

from karabakh_tolls.claims import Claim, ClaimKind, Coverage, as_date
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimValidationError,
    Problem,
    ScopeError,
    WarError,
)
from karabakh_tolls.figures import Figure, Hedge
from karabakh_tolls.frame import (
    COLUMNS,
    WarRegistry,
    empty_frame,
    validate_frame,
    war_registry,
)
from karabakh_tolls.scopes import Scope, ScopeTrees
from karabakh_tolls.sources import Source, SourceKind
from karabakh_tolls.wars import War, resolve_wars
from karabakh_tolls.writers import write_csv, write_excel, write_jsonl, write_parquet

__all__ = ["ClaimSet"]


def _text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _as_list(wars: Iterable[War | str] | War | str | None) -> list[War | str]:
    if wars is None:
        return []
    if isinstance(wars, War | str):
        return [wars]
    return list(wars)


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

    __slots__ = ("_cache", "_frame", "_index", "_registry", "_rejected", "_wars")

    def __init__(
        self,
        claims: Iterable[Claim] = (),
        *,
        wars: Iterable[War | str] | War | str | None = None,
        trees: ScopeTrees | None = None,
    ) -> None:
        if isinstance(claims, str | bytes | pd.DataFrame) or not isinstance(claims, Iterable):
            raise ArgumentTypeError.of(
                "claims",
                "an iterable of Claim values (for a table use ClaimSet.from_frame)",
                claims,
            )
        items = list(claims)
        for item in items:
            if not isinstance(item, Claim):
                raise ArgumentTypeError.of("claims", "an iterable of Claim values", item)
        of_claims: dict[str, War] = {}
        for claim in items:
            of_claims.setdefault(claim.war.id, claim.war)
        given = resolve_wars([*_as_list(wars), *of_claims.values()]) or None
        self._setup(empty_frame(), war_registry(given, trees))
        if items:
            # one object column per field, so that counts beyond 2**53 are never floats
            records = [c.to_record() for c in items]
            frame = pd.DataFrame(
                {name: pd.Series([r.get(name) for r in records], dtype=object) for name in COLUMNS}
            )
            good, problems = validate_frame(frame, trees, wars=given)
            if problems:
                raise ClaimValidationError(problems, len(frame))
            self._setup(good, self._registry)

    def _setup(self, frame: pd.DataFrame, registry: WarRegistry) -> None:
        self._frame = frame
        self._registry = registry
        self._rejected: tuple[Problem, ...] = ()
        self._index: dict[str, int] | None = None
        self._cache: dict[Any, Any] = {}
        order: list[str] = [str(i) for i in pd.unique(frame["war"].to_numpy(dtype=object))]
        self._wars = tuple(w for w in (registry.get(i) for i in order) if w is not None)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        wars: Iterable[War | str] | War | str | None = None,
        trees: ScopeTrees | None = None,
        errors: Literal["raise", "report"] = "raise",
    ) -> ClaimSet:
        """Validate a DataFrame (one row a claim) and wrap it; the input is not modified.

        The ``war`` column names each row's war (a war of ``wars`` or a bundled one); a frame
        without it belongs to the one war given (by default the bundled 2020 war). With
        ``errors="raise"`` any bad row raises one error listing every problem; with
        ``errors="report"`` the good rows are kept and :attr:`rejected` names the others.
        """
        registry = war_registry(wars, trees)
        good, problems = validate_frame(frame, trees, wars=wars)
        if problems and errors == "raise":
            raise ClaimValidationError(problems, len(frame))
        result = cls._wrap(good, registry)
        result._rejected = problems
        return result

    @classmethod
    def _wrap(cls, frame: pd.DataFrame, registry: WarRegistry) -> ClaimSet:
        """Wrap a frame already in schema form (internal: no validation)."""
        result = cls.__new__(cls)
        result._setup(frame, registry)
        return result

    def _subset(self, frame: pd.DataFrame) -> ClaimSet:
        """A set of some of these rows (already valid), with the same wars."""
        return ClaimSet._wrap(frame.reset_index(drop=True), self._registry)

    # --- access --------------------------------------------------------------------------------
    @property
    def wars(self) -> tuple[War, ...]:
        """The wars the claims are about, in order of first appearance.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> [w.id for w in load_seed_claims().wars]
        ['karabakh-2020']
        """
        return self._wars

    def war(self, war: War | str | None = None) -> War:
        """One war of this set: by id or value, or the only one when ``war`` is None.

        Raises :class:`~karabakh_tolls.errors.WarError` when the set holds several wars and none
        is named (the message lists them), or when the named war is not in the set.
        """
        if war is None:
            if len(self._wars) == 1:
                return self._wars[0]
            if not self._wars:
                default = self._registry.default
                if default is not None:
                    return default
                raise WarError("this claim set holds no claims, so it has no war; name one")
            listed = ", ".join(w.id for w in self._wars)
            raise WarError(f"the claims are about {len(self._wars)} wars ({listed}): pass war=")
        key = war.id if isinstance(war, War) else str(war).strip().lower()
        for known in self._wars:
            if known.id == key:
                if isinstance(war, War) and war != known:
                    raise WarError(f"war {key!r} of this claim set differs from the one given")
                return known
        found = self._registry.get(key)
        if found is not None and not isinstance(war, War):
            return found
        if isinstance(war, War) and found is None:
            return war
        listed = ", ".join(w.id for w in self._wars) or "none"
        raise WarError(f"no war {key!r} in this claim set (its wars: {listed})")

    def for_war(self, war: War | str | None = None) -> ClaimSet:
        """The claims of one war (see :meth:`war`), as a claim set of their own."""
        chosen = self.war(war)
        mask = (self._frame["war"] == chosen.id).to_numpy(dtype=bool, na_value=False)
        if bool(mask.all()):
            return self
        return self._subset(self._frame.loc[mask])

    @property
    def trees(self) -> ScopeTrees:
        """The scope trees the claims were read against (the one war's trees).

        Raises :class:`~karabakh_tolls.errors.ScopeError` when the set holds wars with different
        trees: then ask ``claims.war(id).trees``.
        """
        wars = self._wars or tuple(w for w in (self._registry.default,) if w is not None)
        distinct = {id(w.trees): w.trees for w in wars}
        if not distinct:
            return self._registry.wars[0].trees
        if len(distinct) > 1:
            listed = ", ".join(w.id for w in wars)
            raise ScopeError(
                f"the claims are about wars with different scope trees ({listed}): "
                "use claims.war(war_id).trees"
            )
        return next(iter(distinct.values()))

    @property
    def registry(self) -> WarRegistry:
        """Every war this set may hold (given and bundled), for building related sets."""
        return self._registry

    @property
    def cache(self) -> dict[Any, Any]:
        """Derived data computed once per claim set (internal: the engine's constraint stage).

        A claim set is immutable, so what is derived from it never goes stale.
        """
        return self._cache

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
        war = self._registry.get(str(row["war"]))
        assert war is not None  # validation only keeps rows of known wars
        return Claim(
            id=str(row["claim_id"]),
            figure=Figure(int(row["low"]), high, Hedge(row["hedge"]), _text(row["figure"]) or ""),
            scope=Scope(
                row["outcome"],
                row["category"],
                row["party"],
                row["perpetrator"],
                row["region"],
                trees=war.trees,
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
            war=war,
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
            return self._subset(self._frame.iloc[key])
        mask = pd.Series(key).to_numpy(dtype=bool)
        return self._subset(self._frame.loc[mask])

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
        wars = resolve_wars([*self._registry.wars, *other._registry.wars])
        return ClaimSet.from_frame(combined, wars=wars)

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
    def to_csv(self, path: Any, *, spreadsheet: bool = False) -> None:
        """Write CSV (dates ISO, open bounds empty); :func:`read_claims` reads it back exactly.

        ``spreadsheet=True`` neutralises cells a spreadsheet would run as formulas (see
        :func:`~karabakh_tolls.writers.write_csv`); read such a file back with
        ``read_claims(path, spreadsheet=True)``.
        """
        write_csv(self._frame, path, spreadsheet=spreadsheet)

    def to_jsonl(self, path: Any) -> None:
        """Write JSON Lines, one claim an object; missing values are ``null``."""
        write_jsonl(self._frame, path)

    def to_parquet(self, path: Any) -> None:
        """Write Parquet (needs pyarrow, a dependency of the package)."""
        write_parquet(self._frame, path)

    def to_excel(self, path: Any) -> None:
        """Write an Excel workbook (``.xlsx``; the optional extra ``excel``). No cell is ever a
        formula, and :func:`read_claims` reads the file back exactly."""
        write_excel(self._frame, path)

    def __repr__(self) -> str:
        sources = self._frame["source"].nunique()
        return f"<ClaimSet: {len(self)} claim(s) from {sources} source(s)>"

    def _repr_html_(self) -> str:
        from karabakh_tolls.display import claims_html

        return claims_html(self._frame, repr(self))
