"""Claim sets: a validated collection of claims backed by one DataFrame.

A :class:`ClaimSet` holds claims as one pandas DataFrame in the schema of
:mod:`karabakh_tolls.frame`; it is built and read through validation, so it only ever holds
valid claims, and validation names every row it refuses. A set may hold claims of several wars
(:attr:`ClaimSet.wars`); each row is read against its own war.

Claims change over time, and a set says how: :attr:`ClaimSet.evidence_groups` tells which
claims carry one statement (echoes of it through other outlets), :meth:`ClaimSet.known_on`
keeps what had been published by a date, and :meth:`ClaimSet.current` leaves out the claims
that a newer release of a dataset replaced. Views such as these record what they left out, and
why, in :attr:`ClaimSet.left_out`.

This module imports pandas and the package's ``claims``, ``errors``, ``evidence``, ``figures``,
``frame``, ``scopes``, ``sources``, ``versions`` and ``wars`` modules.
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
    NotFoundError,
    Problem,
    ScopeError,
    WarError,
)
from karabakh_tolls.evidence import evidence_groups, evidence_table
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
from karabakh_tolls.versions import (
    Undated,
    current_frame,
    known_on_frame,
    left_out_frame,
    release_frame,
)
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


_VIEWS_KEPT = 8


def _remember(views: dict[Any, ClaimSet], key: object, view: ClaimSet) -> None:
    """Keep a view for reuse; only the latest few, so a history over many dates stays small."""
    while len(views) >= _VIEWS_KEPT:
        del views[next(iter(views))]
    views[key] = view


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

    __slots__ = ("_cache", "_frame", "_index", "_left_out", "_registry", "_rejected", "_wars")

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
        self._left_out: pd.DataFrame | None = None
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

    def _view(self, frame: pd.DataFrame, left_out: pd.DataFrame) -> ClaimSet:
        """Some of these rows (already valid) as a set of the same wars, recording what was
        left out (on top of what this set had left out)."""
        result = ClaimSet._wrap(frame.reset_index(drop=True), self._registry)
        result._wars = self._wars  # an empty view still belongs to the wars it was cut from
        result._left_out = (
            left_out
            if self._left_out is None or self._left_out.empty
            else pd.concat([self._left_out, left_out], ignore_index=True)
        )
        return result

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

        A claim set is immutable, so what is derived from it never goes stale. The set itself
        keeps its evidence groups under ``"evidence"`` and its latest few ``known_on`` and
        ``current`` views under ``"views"``.
        """
        return self._cache

    @property
    def rejected(self) -> tuple[Problem, ...]:
        """Problems of the rows refused when this set was built with ``errors="report"``."""
        return self._rejected

    @property
    def left_out(self) -> pd.DataFrame:
        """The claims of the set this one was cut from that a view left out, and why.

        :meth:`known_on` and :meth:`current` never drop a claim silently: each claim they leave
        out is a row here, with columns ``claim_id``, ``reason`` (``"published-later"``,
        ``"undated"`` or ``"superseded"``) and ``detail`` (a sentence), in table order. Empty for
        a set that is not such a view.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> view = load_seed_claims().known_on("2020-10-10")
        >>> view.left_out.iloc[0].tolist()
        ['c01', 'published-later', 'published 2021-01-14, after 2020-10-10']
        """
        if self._left_out is None:
            return left_out_frame()
        return self._left_out.copy()

    # --- evidence over time --------------------------------------------------------------------
    @property
    def evidence_groups(self) -> pd.Series:
        """The evidence group of each claim, aligned with :attr:`frame` (computed once).

        Claims that carry one statement (same originating source, war, scope, figure, kind,
        dates and event, through any outlet or ``via`` chain) share a group, named by their
        smallest claim id; an ``evidence`` cell overrides the detection for its row. See
        :mod:`karabakh_tolls.evidence` for the rules and for how the engine counts a group once.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> seeds = load_seed_claims()
        >>> echo = seeds["c12"].evolve(id="c90", outlet="trend-az", document="t1")
        >>> both = seeds + ClaimSet([echo])
        >>> both.evidence_groups.iloc[-1], both.evidence_groups.nunique()
        ('c12', 23)
        """
        groups = self._cache.get("evidence")
        if groups is None:
            groups = evidence_groups(self._frame)
            self._cache["evidence"] = groups
        return groups.copy()

    def evidence_table(self) -> pd.DataFrame:
        """One row per evidence group: ``evidence``, ``n_claims``, ``claim_ids``, ``sources``,
        ``outlets`` (and ``via`` intermediaries) and ``documents``, sorted by group id."""
        groups = self._cache.get("evidence")
        return evidence_table(self._frame, groups)

    def known_on(self, day: dt.date | str, *, undated: Undated = "exclude") -> ClaimSet:
        """The claims that had been published on ``day``: what anyone could have known then.

        Kept are the claims published on or before ``day``. A claim without a ``published``
        date is left out by default (``undated="exclude"``): nothing shows it was known by
        then, and counting it would lend the past knowledge it may not have had. With
        ``undated="earliest"`` such a claim is taken to be published on its ``as_of`` day, the
        earliest it could have been. A claim whose replacement (``superseded_by``) had not been
        published by ``day`` was still current then, and is current in the result.

        The result belongs to the same wars as this set, even when it holds no claim, and
        :attr:`left_out` names every claim left out, with the reason (``"published-later"`` or
        ``"undated"``).

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> view = load_seed_claims().known_on("2020-10-10")
        >>> sorted(set(view.frame["document"])), len(view), len(view.left_out)
        (['001', '002', '003'], 8, 15)
        >>> len(load_seed_claims().known_on("2020-01-01")), [w.id for w in view.wars]
        (0, ['karabakh-2020'])
        """
        when = as_date(day, "known_on")
        key = ("known_on", when, undated)
        views: dict[Any, ClaimSet] = self._cache.setdefault("views", {})
        if key not in views:
            kept, left_out = known_on_frame(self._frame, when, undated=undated)
            _remember(views, key, self._view(kept, left_out))
        return views[key]

    def current(
        self, *, known_on: dt.date | str | None = None, undated: Undated = "exclude"
    ) -> ClaimSet:
        """The claims that are evidence: without the ones a newer release replaced.

        This is the set the reconciliation engine works on. A claim whose ``superseded_by``
        names a replacement is left out, whether or not the replacement is in this set, so a
        figure is never counted twice by re-importing a revised release. With ``known_on``,
        first only what had been published by that day is kept (see :meth:`known_on`): a claim
        whose replacement came out later is current on that day.

        :attr:`left_out` names every claim left out, with the reason (``"superseded"``,
        ``"published-later"`` or ``"undated"``). Select the superseded claims with
        :meth:`superseded`, or one release as it was published with :meth:`release`.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> seeds = load_seed_claims()
        >>> old = seeds["c14"].evolve(id="c14@draft", figure=seeds["c14"].figure.evolve(low=270,
        ...                           high=270), superseded_by="c14")
        >>> claims = seeds + ClaimSet([old])
        >>> len(claims), len(claims.current()), claims.current().left_out["reason"].tolist()
        (24, 23, ['superseded'])
        """
        day = None if known_on is None else as_date(known_on, "known_on")
        key = ("current", day, undated)
        views: dict[Any, ClaimSet] = self._cache.setdefault("views", {})
        if key not in views:
            base = self if day is None else self.known_on(day, undated=undated)
            kept, left_out = current_frame(base._frame)
            if left_out.empty and day is None:
                _remember(views, key, self)
            else:
                _remember(views, key, base._view(kept, left_out))
        return views[key]

    def superseded(self) -> ClaimSet:
        """The claims a newer release replaced (those :meth:`current` leaves out), as they are.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> len(load_seed_claims().superseded())
        0
        """
        mask = self._frame["superseded_by"].notna().to_numpy()
        return self._subset(self._frame.loc[mask])

    @property
    def releases(self) -> tuple[str, ...]:
        """The dataset releases the claims come from, in order of first appearance.

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> load_seed_claims().releases
        ()
        """
        values = self._frame["release"].dropna().unique()
        return tuple(str(v) for v in values)

    def release(self, release: str) -> ClaimSet:
        """The claims of one release as that release stated them, all current.

        A claim of the release that a newer one replaced is current here again, so
        ``kt.reconcile(claims.release("UCDP GED 19.1"), ...)`` answers as release 19.1 did.
        Raises :class:`~karabakh_tolls.errors.NotFoundError` (a :class:`KeyError`) naming the
        releases when there is no such release.
        """
        if release not in self.releases:
            raise NotFoundError("release", str(release), self.releases)
        return self._view(release_frame(self._frame, release), left_out_frame())

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
            evidence=_text(row["evidence"]),
            release=_text(row["release"]),
            superseded_by=_text(row["superseded_by"]),
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
