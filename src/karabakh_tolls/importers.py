"""Importers: tables of other conflict datasets turned into claims.

Three readers, each returning a validated :class:`~karabakh_tolls.claims.ClaimSet`:

:func:`from_ucdp_ged`
    UCDP's Georeferenced Event Dataset (one row an event with ``low``/``best``/``high`` and the
    split ``deaths_a``/``deaths_b``/``deaths_civilians``/``deaths_unknown``).
:func:`from_acled`
    ACLED event exports (one row an event with ``fatalities``).
:func:`from_source_ranges`
    The per-war JSON of the 81-conflict source-range compilation (``casualty-source-aggregation``):
    only the figures it names for the 2020 Nagorno-Karabakh war become claims.

Every importer maps the dataset's side, actor and place columns onto scope trees, extending the
trees it is given (the bundled Karabakh trees by default) with the parties and places the table
names, and returns those trees with the claims (``claims.trees``) so that the claims validate.
No row is dropped silently: a row that cannot be mapped, or only partly, is named with its
0-based row number and a reason; ``errors="raise"`` (the default) raises one
:class:`~karabakh_tolls.errors.ClaimValidationError` listing all of them, ``errors="report"``
keeps what could be mapped and lists the rest in ``ClaimSet.rejected``. Inputs are never
modified.

This module imports pandas, the standard library and the package's ``claimset``, ``errors``,
``figures``, ``frame``, ``io``, ``scopes``, ``sources`` and ``wars`` modules.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimFileError,
    ClaimFileNotFoundError,
    ClaimValidationError,
    FigureParseError,
    OptionError,
    Problem,
    Reason,
    WarError,
)
from karabakh_tolls.figures import MAX_COUNT, Figure, Hedge
from karabakh_tolls.frame import COLUMNS, read_count, validate_frame, war_registry
from karabakh_tolls.io import read_csv_table
from karabakh_tolls.scopes import ROOT, ScopeTree, ScopeTrees, generic_trees, normalise_term
from karabakh_tolls.sources import Source, SourceKind
from karabakh_tolls.wars import War, bundled_wars, resolve_wars

__all__ = [
    "ACLED_COLUMNS",
    "UCDP_GED_COLUMNS",
    "from_acled",
    "from_source_ranges",
    "from_ucdp_ged",
]

Errors = Literal["raise", "report"]
TableLike = pd.DataFrame | str | os.PathLike[str]

UCDP_GED_COLUMNS: tuple[str, ...] = (
    "id",
    "date_start",
    "date_end",
    "country",
    "side_a",
    "side_b",
    "low",
    "best",
    "high",
)
"""Columns a UCDP GED table must have; ``adm_1``, ``type_of_violence``, ``deaths_a``,
``deaths_b``, ``deaths_civilians``, ``deaths_unknown``, ``source_office`` and
``source_article`` are read when present."""

ACLED_COLUMNS: tuple[str, ...] = ("event_id_cnty", "event_date", "country", "fatalities")
"""Columns an ACLED table must have; ``actor1``, ``actor2``, ``admin1``, ``event_type``,
``civilian_targeting``, ``source`` and ``notes`` are read when present."""

UCDP_SOURCE = Source("ucdp-ged", "UCDP Georeferenced Event Dataset", SourceKind.DATASET)
ACLED_SOURCE = Source("acled", "Armed Conflict Location & Event Data (ACLED)", SourceKind.DATASET)
CSA81_SOURCE = Source(
    "csa81",
    "Casualty source aggregation, 81 conflicts (D. H. Silver)",
    SourceKind.ACADEMIC,
)

_SLUG = re.compile(r"[^0-9a-z]+")


def _slug(name: str) -> str:
    """A node id from a free-text name: lower case, runs of other characters become '-'.

    Examples
    --------
    >>> _slug("Government of Myanmar (Burma)")
    'government-of-myanmar-burma'
    """
    return _SLUG.sub("-", name.lower()).strip("-")


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: object) -> str | None:
    return None if _missing(value) else str(value).strip()


def _count(value: object) -> int | None:
    """A whole count from 0 to 2**63 - 1 in a cell, read exactly; None when it is not one
    (empty, ``nan``, ``inf``, a fraction, negative, too large, not a number)."""
    if _missing(value):
        return None
    number = read_count(value)
    return number if isinstance(number, int) else None


def _day(value: object) -> dt.date | None:
    """A date from an ISO cell ('2015-05-11', '2015-05-11 00:00:00.000') or ACLED's
    '11 May 2015'; None when it is not a real date."""
    if _missing(value):
        return None
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(
                text[:10] if pattern == "%Y-%m-%d" else text, pattern
            ).date()
        except ValueError:
            continue
    return None


def _read_table(table: TableLike, what: str) -> pd.DataFrame:
    if isinstance(table, pd.DataFrame):
        return table
    if isinstance(table, str | os.PathLike):
        return read_csv_table(table)
    raise ArgumentTypeError.of(f"{what}: table", "a DataFrame or a path to a CSV file", table)


def _load_json(path: object) -> Any:
    """A JSON file's value; a file that cannot be read is a ClaimFileError naming it."""
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError.of("data", "a mapping or a path to a JSON file", path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ClaimFileNotFoundError(path, Reason.NOT_FOUND, str(error.strerror)) from None
    except UnicodeDecodeError as error:
        raise ClaimFileError(
            path, Reason.BAD_ENCODING, f"byte {error.start} is not UTF-8 text"
        ) from None
    except OSError as error:
        raise ClaimFileError(path, Reason.UNREADABLE, str(error.strerror or error)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ClaimFileError(
            path, Reason.BAD_FORMAT, f"not JSON: {error.msg}", line=error.lineno
        ) from None
    except RecursionError:
        raise ClaimFileError(path, Reason.TOO_DEEP, "the JSON is nested too deeply") from None


def _urls(value: object, position: int, where: str, problems: list[Problem]) -> list[str]:
    """The URL strings of a ``sources`` list; each entry that is not a string is a problem."""
    if _missing(value):
        return []
    entries = value if isinstance(value, list | tuple) else [value]
    urls = []
    for entry in entries:
        if isinstance(entry, str):
            urls.append(entry)
        else:
            problems.append(
                Problem(
                    position,
                    f"{where}.sources",
                    Reason.BAD_TYPE,
                    repr(entry)[:80],
                    f"a source entry is a {type(entry).__name__}, not a URL string",
                )
            )
    return urls


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        problems = [
            Problem(None, c, Reason.MISSING_COLUMN, "", f"{what} table lacks column {c!r}")
            for c in missing
        ]
        raise ClaimValidationError(problems, len(frame))


# --- scope trees for an imported table ---------------------------------------------------------


@dataclass
class _TreeBuilder:
    """Adds the nodes a table names to one dimension's tree, reusing nodes already there."""

    tree: ScopeTree
    children: dict[str, list[str]] = field(init=False)
    aliases: dict[str, str] = field(init=False)
    parent: dict[str, str | None] = field(init=False)

    def __post_init__(self) -> None:
        self.children = {node: list(kids) for node, kids in self.tree.children.items()}
        self.aliases = dict(self.tree.aliases)
        self.parent = dict(self.tree.parent)

    def known(self, name: str) -> str | None:
        key = normalise_term(name)
        if key in self.parent:
            return key
        if key in self.aliases:
            return self.aliases[key]
        slug = _slug(name)
        return slug if slug in self.parent else None

    def node(self, name: str, parent: str = ROOT) -> str:
        """The node id for ``name`` under ``parent``, added when the tree lacks it."""
        found = self.known(name)
        if found is not None and (found == parent or parent in self._ancestors(found)):
            return found
        slug = _slug(name) or "unnamed"
        ident = slug if slug not in self.parent else f"{slug}-{parent}"
        if ident not in self.parent:
            self.parent[ident] = parent
            self.children.setdefault(parent, []).append(ident)
            self.children.setdefault(ident, [])
            key = normalise_term(name)
            if key != ident and key not in self.parent and key not in self.aliases:
                self.aliases[key] = ident
        return ident

    def _ancestors(self, node: str) -> list[str]:
        chain: list[str] = []
        current = self.parent.get(node)
        while current is not None:
            chain.append(current)
            current = self.parent.get(current)
        return chain

    def build(self) -> ScopeTree:
        if len(self.parent) == len(self.tree.parent):
            return self.tree
        return ScopeTree.from_mapping(
            self.tree.dimension,
            self.children,
            exhaustive=self.tree.exhaustive,
            aliases=self.aliases,
            description=self.tree.description,
        )


def _with_trees(trees: ScopeTrees, party: _TreeBuilder, region: _TreeBuilder) -> ScopeTrees:
    return trees.replace("party", party.build()).replace("region", region.build())


# --- releases ----------------------------------------------------------------------------------


def _release_stamp(label: str | None, published: object) -> dict[str, object]:
    """The ``release`` and ``published`` cells every claim of one imported release carries."""
    day = None
    if published is not None:
        if not isinstance(published, str | dt.date):
            raise ArgumentTypeError.of("published", "a date or an ISO date string", published)
        day = _day(published)
        if day is None:
            raise OptionError("published", published, (), "not a date (write YYYY-MM-DD)")
    return {"release": label, "published": None if day is None else pd.Timestamp(day)}


def _release_label(release: object) -> str | None:
    """A release label: text, stripped; ``None`` when not given or blank."""
    if release is None:
        return None
    if not isinstance(release, str):
        raise ArgumentTypeError.of("release", "a release label (str)", release)
    return release.strip() or None


def _acled_stamp(release: object, published: object) -> dict[str, object]:
    """An ACLED export: a date names it ("ACLED export 2024-03-01") and dates it."""
    if release is None:
        return _release_stamp(None, published)
    if isinstance(release, dt.date):
        day: dt.date | None = _day(release)
    else:
        day = _iso_day(_release_label(release) or "")
    if day is None:
        return _release_stamp(_release_label(release), published)
    return _release_stamp(
        f"ACLED export {day.isoformat()}", day if published is None else published
    )


def _iso_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


# --- assembling the claim set ------------------------------------------------------------------


def _record(
    claim_id: str,
    figure: Figure,
    *,
    war: str,
    outcome: str = "killed",
    category: str = ROOT,
    party: str = ROOT,
    perpetrator: str = ROOT,
    region: str = ROOT,
    kind: str = "incident",
    since: dt.date,
    as_of: dt.date,
    event: str | None,
    source: Source,
    outlet: str | None,
    document: str | None,
    note: str | None,
    quote: str | None = None,
    **extra: object,
) -> dict[str, object]:
    return {
        "claim_id": claim_id,
        "war": war,
        "figure": figure.text or None,
        "low": figure.low,
        "high": figure.high,
        "hedge": figure.hedge.value,
        "outcome": outcome,
        "category": category,
        "party": party,
        "perpetrator": perpetrator,
        "region": region,
        "kind": kind,
        "since": pd.Timestamp(since),
        "as_of": pd.Timestamp(as_of),
        "event": event,
        "coverage": "complete",
        "source": source.id,
        "source_name": source.name,
        "source_kind": source.kind.value,
        "source_affiliation": source.affiliation,
        "outlet": outlet,
        "document": document,
        "quote": quote,
        "note": note,
        **extra,
    }


def _assemble(
    records: list[dict[str, object]],
    rows: list[int],
    problems: list[Problem],
    wars: Sequence[War],
    n_rows: int,
    errors: Errors,
) -> ClaimSet:
    """Validate the built records, name input rows in every problem, raise or report."""
    if errors not in ("raise", "report"):
        raise OptionError("errors", errors, ("raise", "report"))
    extras = sorted({k for r in records for k in r} - set(COLUMNS))
    frame = pd.DataFrame.from_records(records, columns=[*COLUMNS, *extras])
    good, found = validate_frame(frame, wars=list(wars))
    for problem in found:
        row = None if problem.row is None else rows[problem.row]
        claim = "" if problem.row is None else f"claim {records[problem.row]['claim_id']}: "
        problems.append(
            Problem(row, problem.column, problem.reason, problem.value, claim + problem.message)
        )
    problems.sort(key=lambda p: -1 if p.row is None else p.row)
    if problems and errors == "raise":
        raise ClaimValidationError(problems, n_rows)
    result = ClaimSet._wrap(good, war_registry(list(wars)))
    result._rejected = tuple(problems)
    return result


class _Wars:
    """The wars of an imported table: the caller's, or new ones made from the table.

    A new war takes its id and name from the table, starts on the first day of its rows, has
    no end, and reads its scopes against ``base`` trees (by default trees naming no party or
    place); every war's party and region trees are extended with what its rows name.
    """

    def __init__(self, given: Sequence[War], base: ScopeTrees) -> None:
        self.given = {w.id: w for w in given}
        self.base = base
        self.names: dict[str, str] = {}
        self.first: dict[str, dt.date] = {}
        self.builders: dict[int, tuple[ScopeTrees, _TreeBuilder, _TreeBuilder]] = {}

    def _trees_of(self, war_id: str) -> ScopeTrees:
        war = self.given.get(war_id)
        return war.trees if war is not None else self.base

    def use(self, war_id: str, name: str, day: dt.date) -> tuple[_TreeBuilder, _TreeBuilder]:
        """Note a row of ``war_id`` dated ``day``; the party and region builders of its trees."""
        self.names.setdefault(war_id, name)
        if war_id not in self.first or day < self.first[war_id]:
            self.first[war_id] = day
        trees = self._trees_of(war_id)
        if id(trees) not in self.builders:
            self.builders[id(trees)] = (
                trees,
                _TreeBuilder(trees["party"]),
                _TreeBuilder(trees["region"]),
            )
        _, party, region = self.builders[id(trees)]
        return party, region

    def wars(self) -> list[War]:
        built = {key: _with_trees(t, p, r) for key, (t, p, r) in self.builders.items()}
        out = []
        for war_id, name in self.names.items():
            given = self.given.get(war_id)
            trees = built[id(self._trees_of(war_id))]
            if given is not None:
                out.append(given if given.trees is trees else given.evolve(trees=trees))
            else:
                out.append(War(war_id, name, self.first[war_id], trees=trees))
        return out


# --- UCDP GED ----------------------------------------------------------------------------------


def from_ucdp_ged(
    table: TableLike,
    *,
    wars: Sequence[War] | War | None = None,
    trees: ScopeTrees | None = None,
    split: bool = True,
    release: str | None = None,
    published: dt.date | str | None = None,
    errors: Errors = "raise",
) -> ClaimSet:
    """Claims from a UCDP Georeferenced Event Dataset table (a DataFrame or a CSV path).

    Each event (row) becomes incident claims, ``event = "ucdp-ged-<id>"``, counted from
    ``date_start`` (``since``) to ``date_end`` (``as_of``), in the region ``country`` ⊃
    ``adm_1``, said by the source ``ucdp-ged`` (a dataset), with ``source_office`` as outlet and
    the cited ``source_article`` list in the note:

    * ``<id>``: everyone killed, figure ``[low, high]``. UCDP's ``best`` estimate is not a
      bound, so it is kept beside the interval: in the figure text ("best 12 (10-15)"), the
      note, and the extra column ``best``.
    * with ``split=True``, the best-estimate breakdown: ``<id>-a`` killed/military/party=side_a,
      ``<id>-b`` killed/military/party=side_b (not for one-sided violence,
      ``type_of_violence == 3``, where side_b is the civilians), ``<id>-civ``
      killed/civilian (with perpetrator=side_a for one-sided violence) and ``<id>-unk``
      killed/unknown. UCDP splits only its best estimate; a part ``d`` gets the interval
      ``[max(0, d - (best - low)), d + (high - best)]`` — as far as the total's own range lets
      it move — and ``best = d`` in the extra column. When ``low <= best <= high`` fails the
      split is not imported and the row is reported (the total still is).

    Each UCDP conflict is a war of its own: ``ucdp-<conflict_new_id>``, named by
    ``conflict_name``, starting on the first day of its events in the table (no end), unless
    ``wars`` gives a war of that id. Events of different conflicts never add up. A table
    without ``conflict_new_id`` needs exactly one war in ``wars``.

    Parties (``side_a``, ``side_b``) and places (``country``, ``adm_1``) that a war's trees lack
    are added: parties under the party root, countries under the region root, ``adm_1`` under
    its country. The wars of the returned set carry these trees.

    Parameters
    ----------
    table:
        The GED table; it is not modified. Columns: :data:`UCDP_GED_COLUMNS` are required.
    wars:
        Wars to use instead of making them, by id ``ucdp-<conflict_new_id>`` (or one war for
        a table without conflict ids).
    trees:
        Trees that new wars start from; default
        :func:`~karabakh_tolls.scopes.generic_trees` (no party, no place).
    split:
        Also import the breakdown by side and category.
    release:
        GED release (e.g. ``"19.1"``): each claim's ``release`` is ``"UCDP GED 19.1"`` and its
        ``document`` ``"ucdp-ged-19.1:<id>"``. Combine an older and a newer release with
        :func:`karabakh_tolls.supersede`, so that revised events are not counted twice.
    published:
        The day the release was published, written into each claim's ``published`` (the
        knowledge date ``ClaimSet.known_on`` reads); by default unknown.
    errors:
        ``"raise"`` one error naming every unmappable row, or ``"report"`` them in
        ``ClaimSet.rejected`` and keep the rest.

    Examples
    --------
    >>> import pandas as pd
    >>> ged = pd.DataFrame({"id": [1], "date_start": ["2017-08-25"], "date_end": ["2017-08-27"],
    ...     "country": ["Myanmar (Burma)"], "adm_1": ["Rakhine State"], "type_of_violence": [3],
    ...     "side_a": ["Government of Myanmar (Burma)"], "side_b": ["Civilians"],
    ...     "deaths_a": [0], "deaths_b": [0], "deaths_civilians": [12], "deaths_unknown": [0],
    ...     "low": [10], "best": [12], "high": [15]})
    >>> claims = from_ucdp_ged(ged.assign(conflict_new_id=488,
    ...     conflict_name="Government of Myanmar (Burma) - Civilians"))
    >>> [(c.id, c.low, c.high) for c in claims]
    [('ucdp-1', 10, 15), ('ucdp-1-a', 0, 3), ('ucdp-1-civ', 10, 15), ('ucdp-1-unk', 0, 3)]
    >>> [(w.id, w.name, str(w.start)) for w in claims.wars]
    [('ucdp-488', 'Government of Myanmar (Burma) - Civilians', '2017-08-25')]
    >>> str(claims["ucdp-1-civ"].scope)
    'killed/civilian/perpetrator=government-of-myanmar-burma/region=rakhine-state'
    """
    frame = _read_table(table, "from_ucdp_ged")
    _require(frame, UCDP_GED_COLUMNS, "UCDP GED")
    given = resolve_wars(wars)
    if "conflict_new_id" not in frame.columns and len(given) != 1:
        missing = Problem(
            None,
            "conflict_new_id",
            Reason.MISSING_COLUMN,
            "",
            "the table has no conflict_new_id, so the events' wars are unknown: pass the one "
            "war of the table with wars=kt.War(...)",
        )
        raise ClaimValidationError([missing], len(frame))
    made = _Wars(given, trees if trees is not None else generic_trees())
    label = _release_label(release)
    document_prefix = f"ucdp-ged-{label}" if label else "ucdp-ged"
    stamp: dict[str, Any] = _release_stamp(f"UCDP GED {label}" if label else None, published)
    records: list[dict[str, object]] = []
    rows: list[int] = []
    problems: list[Problem] = []

    def problem(row: int, column: str | None, reason: Reason, value: object, msg: str) -> None:
        problems.append(Problem(row, column, reason, "" if _missing(value) else str(value), msg))

    for row, item in enumerate(frame.to_dict("records")):
        event_id = _text(item.get("id"))
        if event_id is None:
            problem(row, "id", Reason.MISSING_VALUE, None, "event id is empty")
            continue
        counts = {name: _count(item.get(name)) for name in ("low", "best", "high")}
        bad = [name for name, value in counts.items() if value is None]
        for name in bad:
            problem(
                row,
                name,
                Reason.NOT_A_NUMBER,
                item.get(name),
                f"event {event_id}: {name}={item.get(name)!r} is not a whole count >= 0",
            )
        start, end = _day(item.get("date_start")), _day(item.get("date_end"))
        for name, day in (("date_start", start), ("date_end", end)):
            if day is None:
                problem(
                    row,
                    name,
                    Reason.BAD_DATE,
                    item.get(name),
                    f"event {event_id}: {name} is not a date",
                )
        country = _text(item.get("country"))
        if country is None:
            problem(row, "country", Reason.MISSING_VALUE, None, f"event {event_id}: no country")
        if bad or start is None or end is None or country is None:
            continue
        if end < start:
            problem(
                row,
                "date_end",
                Reason.DATE_ORDER,
                item.get("date_end"),
                f"event {event_id}: date_end is before date_start",
            )
            continue
        low, best, high = counts["low"], counts["best"], counts["high"]
        assert low is not None
        assert best is not None
        assert high is not None
        if low > high:
            problem(
                row,
                "high",
                Reason.LOW_ABOVE_HIGH,
                f"{low}..{high}",
                f"event {event_id}: high={high} is below low={low}",
            )
            continue
        conflict = _text(item.get("conflict_new_id"))
        if conflict is not None:
            war_id = f"ucdp-{_slug(conflict)}"
            war_name = _text(item.get("conflict_name")) or f"UCDP conflict {conflict}"
        elif len(given) == 1:
            war_id, war_name = given[0].id, given[0].name
        else:
            problem(
                row,
                "conflict_new_id",
                Reason.MISSING_VALUE,
                None,
                f"event {event_id}: no conflict_new_id, so its war is unknown; pass one war in "
                "wars= for a table of one conflict",
            )
            continue
        party, region = made.use(war_id, war_name, start)
        place = region.node(country)
        adm_1 = _text(item.get("adm_1"))
        if adm_1 is not None:
            place = region.node(adm_1, place)
        articles = _text(item.get("source_article")) or ""
        common: dict[str, Any] = {
            "war": war_id,
            "since": start,
            "as_of": end,
            "event": f"ucdp-ged-{event_id}",
            "region": place,
            "source": UCDP_SOURCE,
            "outlet": _text(item.get("source_office")),
            "document": f"{document_prefix}:{event_id}",
            **stamp,
        }
        text = f"best {best} ({low}-{high})" if low != high else str(best)
        total = Figure(low, high, Hedge.RANGE if low != high else Hedge.EXACT, text)
        records.append(
            _record(
                f"ucdp-{event_id}",
                total,
                best=best,
                note=f"UCDP GED event {event_id}; best estimate {best}; articles: {articles}",
                **common,
            )
        )
        rows.append(row)
        if not split:
            continue
        if not low <= best <= high:
            problem(
                row,
                "best",
                Reason.BAD_VALUE,
                best,
                f"event {event_id}: best={best} lies outside low..high={low}..{high}; the "
                "total is imported, the split by side and category is not",
            )
            continue
        one_sided = _count(item.get("type_of_violence")) == 3
        side_a, side_b = _text(item.get("side_a")), _text(item.get("side_b"))
        parts: list[tuple[str, str, dict[str, Any]]] = []
        if side_a is not None:
            actor_a = party.node(side_a)
            parts.append(("deaths_a", "a", {"category": "military", "party": actor_a}))
        if side_b is not None and not one_sided:
            parts.append(("deaths_b", "b", {"category": "military", "party": party.node(side_b)}))
        civilians: dict[str, Any] = {"category": "civilian"}
        if one_sided and side_a is not None:
            civilians["perpetrator"] = party.node(side_a)
        parts.append(("deaths_civilians", "civ", civilians))
        parts.append(("deaths_unknown", "unk", {"category": "unknown"}))
        for column, suffix, scope in parts:
            if column not in frame.columns:
                continue
            value = _count(item.get(column))
            if value is None:
                problem(
                    row,
                    column,
                    Reason.NOT_A_NUMBER,
                    item.get(column),
                    f"event {event_id}: {column}={item.get(column)!r} is not a whole count",
                )
                continue
            if value + (high - best) > MAX_COUNT:
                problem(
                    row,
                    column,
                    Reason.TOO_LARGE,
                    item.get(column),
                    f"event {event_id}: {column}={value} widened by the total's room "
                    f"({high - best}) passes the largest count, {MAX_COUNT}",
                )
                continue
            part = Figure(
                max(0, value - (best - low)),
                value + (high - best),
                Hedge.RANGE if low != high else Hedge.EXACT,
                f"best {value}" if low != high else str(value),
            )
            records.append(
                _record(
                    f"ucdp-{event_id}-{suffix}",
                    part,
                    best=value,
                    note=f"UCDP GED event {event_id}: {column} (best-estimate breakdown)",
                    **common,
                    **scope,
                )
            )
            rows.append(row)
    return _assemble(records, rows, problems, made.wars(), len(frame), errors)


# --- ACLED -------------------------------------------------------------------------------------


def from_acled(
    table: TableLike,
    *,
    war: War | None = None,
    trees: ScopeTrees | None = None,
    fatalities: Literal["at-least", "exact"] = "at-least",
    release: dt.date | str | None = None,
    published: dt.date | str | None = None,
    errors: Errors = "raise",
) -> ClaimSet:
    """Claims from an ACLED event table (a DataFrame or a CSV path), one claim per event.

    Each row becomes an incident claim ``acled-<event_id_cnty>`` (``event`` the same id) about
    everyone killed on ``event_date`` in the region ``country`` ⊃ ``admin1``, said by the source
    ``acled`` (a dataset) with ACLED's ``source`` column as outlet and its ``notes`` as note.

    * ``fatalities`` is read as a lower bound by default: ACLED's codebook says that where
      reports differ it codes the most conservative estimate, and vague words low ("dozens" →
      12). Pass ``fatalities="exact"`` to read it as ``[n, n]``.
    * Violence against civilians (``event_type == "Violence against civilians"``, or
      ``civilian_targeting == "Civilian targeting"``) is category civilian with
      ``perpetrator = actor1``; other events count all categories and name no perpetrator,
      since ACLED does not attribute its fatalities to a side.
    * ``event_date`` may be ISO (``2020-10-17``) or ACLED's ``17 October 2020``.

    ACLED has no numbered releases: an export is known by the day it was downloaded. Pass
    that day as ``release`` (a date or ISO string): each claim's ``release`` is then
    ``"ACLED export <day>"`` and its ``published`` that day, unless ``published`` says
    otherwise; any other text is used as the release label as it is. Combine an older and a
    newer export with :func:`karabakh_tolls.supersede`, so that revised events are not counted
    twice.

    Every event belongs to ``war`` when one is given; otherwise each country's events make a
    war of their own, ``acled-<country>`` (named "Political violence in <country> (ACLED
    events)", starting on the country's first event in the table, no end), so events of
    different countries never add up. New wars start from ``trees`` (default: trees that name
    no party and no place). Actors and places that a war's trees lack are added (actors under
    the party root, countries under the region root, ``admin1`` under its country).

    Examples
    --------
    >>> import pandas as pd
    >>> acled = pd.DataFrame({"event_id_cnty": ["AZE1"], "event_date": ["17 October 2020"],
    ...     "event_type": ["Explosions/Remote violence"], "actor1": ["Military Forces of Armenia"],
    ...     "country": ["Azerbaijan"], "admin1": ["Ganja-Gazakh"], "fatalities": [13],
    ...     "source": ["Trend News Agency"]})
    >>> claims = from_acled(acled)
    >>> claim = claims[0]
    >>> claim.figure, str(claim.scope), claim.as_of, claims.wars[0].id
    (at_least(13), 'killed/region=ganja-gazakh', datetime.date(2020, 10, 17), 'acled-azerbaijan')
    """
    if fatalities not in ("at-least", "exact"):
        raise OptionError("fatalities", fatalities, ("at-least", "exact"))
    frame = _read_table(table, "from_acled")
    _require(frame, ACLED_COLUMNS, "ACLED")
    given = resolve_wars(war)
    made = _Wars(given, trees if trees is not None else generic_trees())
    stamp: dict[str, Any] = _acled_stamp(release, published)
    records: list[dict[str, object]] = []
    rows: list[int] = []
    problems: list[Problem] = []
    for row, item in enumerate(frame.to_dict("records")):
        event_id = _text(item.get("event_id_cnty"))
        here: list[Problem] = []
        if event_id is None:
            here.append(Problem(row, "event_id_cnty", Reason.MISSING_VALUE, "", "empty id"))
        count = _count(item.get("fatalities"))
        if count is None:
            shown = "" if _missing(item.get("fatalities")) else str(item.get("fatalities"))
            here.append(
                Problem(
                    row,
                    "fatalities",
                    Reason.NOT_A_NUMBER,
                    shown,
                    f"fatalities={shown!r} is not a whole count >= 0",
                )
            )
        day = _day(item.get("event_date"))
        if day is None:
            shown = "" if _missing(item.get("event_date")) else str(item.get("event_date"))
            here.append(
                Problem(
                    row, "event_date", Reason.BAD_DATE, shown, f"event_date={shown!r} is not a date"
                )
            )
        country = _text(item.get("country"))
        if country is None:
            here.append(Problem(row, "country", Reason.MISSING_VALUE, "", "no country"))
        if here:
            problems.extend(here)
            continue
        assert event_id is not None
        assert count is not None
        assert day is not None
        assert country is not None
        if given:
            war_id, war_name = given[0].id, given[0].name
        else:
            war_id = f"acled-{_slug(country) or 'unnamed'}"
            war_name = f"Political violence in {country} (ACLED events)"
        party, region = made.use(war_id, war_name, day)
        place = region.node(country)
        admin1 = _text(item.get("admin1"))
        if admin1 is not None:
            place = region.node(admin1, place)
        against_civilians = (
            _text(item.get("event_type")) == "Violence against civilians"
            or _text(item.get("civilian_targeting")) == "Civilian targeting"
        )
        scope: dict[str, str] = {"region": place}
        if against_civilians:
            scope["category"] = "civilian"
            actor1 = _text(item.get("actor1"))
            if actor1 is not None:
                scope["perpetrator"] = party.node(actor1)
        figure = (
            Figure(count, None, Hedge.AT_LEAST, f"{count} (ACLED, conservative)")
            if fatalities == "at-least"
            else Figure(count, count, Hedge.EXACT, str(count))
        )
        records.append(
            _record(
                f"acled-{event_id}",
                figure,
                war=war_id,
                since=day,
                as_of=day,
                event=event_id,
                source=ACLED_SOURCE,
                outlet=_text(item.get("source")),
                document=f"acled:{event_id}",
                note=_text(item.get("notes")),
                **scope,
                **stamp,
            )
        )
        rows.append(row)
    return _assemble(records, rows, problems, made.wars(), len(frame), errors)


# --- the 81-conflict source-range compilation --------------------------------------------------


@cache
def _source_names() -> tuple[tuple[tuple[str, ...], Source], ...]:
    text = resources.files("karabakh_tolls").joinpath("data/source_names.toml").read_text("utf-8")
    entries = tomllib.loads(text)["source"]
    return tuple(
        (
            tuple(p.lower() for p in entry["phrases"]),
            Source(entry["id"], entry["name"], entry["kind"], entry["affiliation"]),
        )
        for entry in entries
    )


_FIGURE = re.compile(
    r"(?:(?:at least|more than|over|some|about|around|roughly|nearly|almost|up to|"
    r"an estimated|approximately)\s+)?\d{1,3}(?:,\d{3})+(?:\s*-\s*\d{1,3}(?:,\d{3})*)?"
    r"|(?:(?:at least|more than|over|some|about|around|roughly|nearly|almost|up to|"
    r"an estimated|approximately)\s+)?\d+(?:\s*-\s*\d+)?",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r";\s+|\.\s+|,\s+(?:and\s+|plus\s+)?|\s+and\s+|\s+plus\s+")


def _clauses(notes: str) -> list[str]:
    return [c.strip() for c in _CLAUSES.split(notes) if c.strip()]


def _figures_in(clause: str) -> list[tuple[Figure, tuple[int, ...]]]:
    """Every figure phrase in a clause, with the numbers written in it (years are skipped)."""
    found = []
    for match in _FIGURE.finditer(clause):
        phrase = match.group(0)
        try:
            figure = Figure.parse(phrase)
        except FigureParseError:
            continue  # a year, a date or a span of years: not a count
        written = tuple(int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", phrase))
        found.append((figure, written))
    return found


def _sentences(notes: str) -> list[str]:
    """Sentences, and the halves of a sentence joined by a semicolon (they name different
    speakers: "Amnesty reports 94; Azerbaijani officials report 100")."""
    return [part for part in re.split(r"(?<=\.)\s+|;\s+", notes) if part.strip()]


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?:\s*[-\u2013]\s*(\d{2,4}))?(?!\d)")


def _years(text: str) -> set[int]:
    """The years a text names ("in 2020", "1988-94", "1988-1994" names both ends)."""
    found: set[int] = set()
    for match in _YEAR.finditer(text):
        first = int(match.group(1))
        found.add(first)
        if match.group(2):
            tail = match.group(2)
            last = int(tail) if len(tail) == 4 else int(str(first)[: 4 - len(tail)] + tail)
            if first <= last <= first + 30:
                found.add(last)
    return found


def _war_named(text: str, wars: Sequence[War]) -> War | None:
    """The one war whose years cover every year ``text`` names, or None (none or several)."""
    years = _years(text)
    if not years:
        return None
    matching = [
        w for w in wars if all(w.start.year <= y <= (w.end or dt.date.max).year for y in years)
    ]
    return matching[0] if len(matching) == 1 else None


def _figures_by_war(notes: str, wars: Sequence[War]) -> Iterator[tuple[War, Figure, str, str]]:
    """Each figure in a clause of ``notes`` that names the years of one war, with that war,
    its clause and its sentence."""
    for sentence in _sentences(notes):
        for clause in _clauses(sentence):
            war = _war_named(clause, wars)
            if war is not None:
                for figure, _ in _figures_in(clause):
                    yield war, figure, clause, sentence


def _side_party(name: str) -> str | None:
    lowered = name.lower()
    if "armenia" in lowered or "artsakh" in lowered:
        return "armenian-side"
    if "azerbaijan" in lowered:
        return "azerbaijani-side"
    return None


def _places(text: str, tree: ScopeTree) -> str:
    found = {
        tree.resolve(word)
        for word in re.findall(r"[A-Za-z][A-Za-z-]+", text)
        if word in tree and tree.resolve(word) != ROOT
    }
    return found.pop() if len(found) == 1 else ROOT


def from_source_ranges(
    data: Mapping[str, Any] | str | os.PathLike[str],
    *,
    wars: Sequence[War] | None = None,
    as_of: dt.date | Mapping[str, dt.date] | None = None,
    errors: Errors = "raise",
) -> ClaimSet:
    """Claims from a per-war JSON of the source-range compilation, one war per period it covers.

    The compilation (``silverdavi/casualty-source-aggregation``, ``data/per_war/*.json``) gives,
    per side, low-high ranges whose ends are competing published figures named in prose notes,
    often over several wars at once ("5,856 Armenian military deaths in 1988-1994, 3,712
    Armenian servicemen in 2020"). A range is a spread, not a claim, so it is not imported as
    one; its ends are, each as said by whom the notes name, in the war whose years its clause
    names. ``wars`` are the candidate wars (default: the bundled Nagorno-Karabakh wars of
    1988-94, 2020 and 2023); a clause that names no year, or years of several wars, is not read.

    * ``sides[].military_killed.notes``: every figure in a clause that names one war's years
      ("3,712 Armenian servicemen in 2020", "6,000 for 1988-1994") → killed/military/party=the
      side.
    * ``sides[].civilians_killed_directly.breakdown`` entries whose text names one war, and
      ``key_atrocities`` of a year inside one war: the entry's ``low`` and ``high`` →
      killed/civilian, perpetrator = the side (for atrocities, the named perpetrator), party =
      the other side, region = the one gazetteer place the entry names (else all). The figure
      is read with its hedge from the clause of the notes that states it ("at least 94" →
      ``at_least(94)``).
    * ``totals.notes``: figures in a clause naming one war → killed (all).
    * ``deaths_from_actions`` and key atrocities whose perpetrator is marked indirect (deaths
      that no side inflicted directly, some after the wars) are not read.

    Each figure's source is, in order: a cited source whose title contains the number (e.g.
    Hetq's "3,712 Armenian Soldiers, ..."); else the first body named in its clause, then in
    its sentence (the table ``data/source_names.toml``); else the compilation itself
    (``csa81``). All claims are cumulative from their war's start to ``as_of`` (a date, a
    mapping of war id to date, or by default each war's end); identical (war, scope, figure,
    source) tuples are kept once.

    Examples
    --------
    >>> data = {"war_id": "w", "sides": [{"name": "Armenian / Artsakh side",
    ...     "military_killed": {"notes": "Low uses 3,712 servicemen in 2020 and 5,856 in "
    ...                          "1988-1994. High uses 3,825 for 2020.", "sources": []}}]}
    >>> [(c.war.id, c.figure, str(c.as_of)) for c in from_source_ranges(data)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('karabakh-2020', exact(3712), '2020-11-10'), ('karabakh-1988', exact(5856), '1994-05-12'),
     ('karabakh-2020', exact(3825), '2020-11-10')]
    """
    if isinstance(data, Mapping):
        document = data
        origin = "csa81"
    else:
        document = _load_json(data)
        origin = f"csa81:{Path(data).name}"
    if not isinstance(document, Mapping):
        raise ArgumentTypeError.of("from_source_ranges: data", "a JSON object", document)
    _check_ranges_shape(document)
    candidates = resolve_wars(wars) if wars is not None else _karabakh_wars()

    def day_of(war: War) -> dt.date:
        if isinstance(as_of, dt.date):
            return as_of
        if isinstance(as_of, Mapping) and war.id in as_of:
            return as_of[war.id]
        if war.end is None:
            raise WarError(
                f"war {war.id!r} has no end: pass as_of= (a date, or a mapping of war id to date)"
            )
        return war.end

    compilation = str(document.get("war_id", "unknown-war"))
    cited: list[Mapping[str, Any]] = [
        s for s in document.get("sources", []) if isinstance(s, Mapping)
    ]
    records: list[dict[str, object]] = []
    rows: list[int] = []
    problems: list[Problem] = []
    seen: set[tuple[object, ...]] = set()
    used: dict[str, War] = {}

    def source_of(figure: Figure, clause: str, sentence: str) -> tuple[Source, str]:
        """Who states ``figure``, and the cited URL that shows it (if one does)."""
        number = f"{figure.low:,}"
        for entry in cited:
            title = str(entry.get("title", ""))
            if number in title and entry.get("publisher"):
                publisher = str(entry["publisher"])
                return Source(_slug(publisher), publisher, SourceKind.MEDIA), str(entry["url"])
        for text in (clause, sentence):
            lowered = text.lower()
            for phrases, source in _source_names():
                if any(p in lowered for p in phrases):
                    return source, ""
        return CSA81_SOURCE, ""

    def add(
        war: War,
        figure: Figure,
        scope: dict[str, str],
        clause: str,
        sentence: str,
        urls: Sequence[str],
        where: str,
        position: int,
    ) -> None:
        source, url = source_of(figure, clause, sentence)
        key = (war.id, tuple(sorted(scope.items())), figure.low, figure.high, source.id)
        if key in seen:
            return
        seen.add(key)
        used[war.id] = war
        cites = url or "; ".join(urls)
        records.append(
            _record(
                f"csa81-{len(records) + 1:02d}",
                figure,
                war=war.id,
                kind="cumulative",
                since=war.start,
                as_of=day_of(war),
                event=None,
                source=source,
                outlet="casualty-source-aggregation",
                document=origin,
                quote=clause,
                note=f"{compilation}, {where}: "
                f"{sentence or 'the notes do not say who gave this figure'}"
                + (f" Cited: {cites}" if cites else ""),
                **scope,
            )
        )
        rows.append(position)

    for position, side in enumerate(document.get("sides", [])):
        side_name = str(side.get("name", ""))
        own = _side_party(side_name)
        if own is None:
            problems.append(
                Problem(
                    position,
                    "sides.name",
                    Reason.UNKNOWN_TERM,
                    side_name,
                    f"side {side_name!r} names neither Armenia nor Azerbaijan",
                )
            )
            continue
        other = "azerbaijani-side" if own == "armenian-side" else "armenian-side"
        military = side.get("military_killed") or {}
        notes = str(military.get("notes") or "")
        for war, figure, clause, sentence in _figures_by_war(notes, candidates):
            add(
                war,
                figure,
                {"category": "military", "party": own},
                clause,
                sentence,
                _urls(military.get("sources"), position, "military_killed", problems),
                f"{side_name}: military_killed",
                position,
            )
        civilians = side.get("civilians_killed_directly") or {}
        for entry in civilians.get("breakdown", []) or []:
            text = f"{entry.get('victims_group', '')} {entry.get('notes', '')}"
            war_of_entry = _war_named(text, candidates)
            if war_of_entry is None:
                continue
            scope = {
                "category": "civilian",
                "party": other,
                "perpetrator": own,
                "region": _places(
                    str(entry.get("victims_group", "")), war_of_entry.trees["region"]
                ),
            }
            _add_ends(
                entry,
                scope,
                lambda *a, w=war_of_entry: add(w, *a),
                f"{side_name}: {entry.get('victims_group')}",
                position,
            )
    for position, atrocity in enumerate(document.get("key_atrocities", []) or []):
        if "indirect" in str(atrocity.get("perpetrator", "")).lower():
            continue  # not a killing by a side (e.g. an explosion during an exodus): not read
        year = atrocity.get("year")
        war_of_atrocity = _war_named(str(year), candidates) if isinstance(year, int) else None
        if war_of_atrocity is None:
            continue
        perpetrator = _side_party(str(atrocity.get("perpetrator", "")))
        if perpetrator is None:
            problems.append(
                Problem(
                    position,
                    "key_atrocities.perpetrator",
                    Reason.UNKNOWN_TERM,
                    str(atrocity.get("perpetrator")),
                    "perpetrator names no side",
                )
            )
            continue
        other = "azerbaijani-side" if perpetrator == "armenian-side" else "armenian-side"
        place = _places(
            f"{atrocity.get('name', '')} {atrocity.get('victims_group', '')}",
            war_of_atrocity.trees["region"],
        )
        scope = {
            "category": "civilian",
            "party": other,
            "perpetrator": perpetrator,
            "region": place,
        }
        _add_ends(
            atrocity,
            scope,
            lambda *a, w=war_of_atrocity: add(w, *a),
            f"key atrocity {atrocity.get('name')}",
            position,
        )
    totals = document.get("totals") or {}
    notes = str(totals.get("notes") or "")
    for war, figure, clause, sentence in _figures_by_war(notes, candidates):
        add(war, figure, {}, clause, sentence, [], "totals", 0)
    chosen = list(used.values()) or list(candidates[:1])
    return _assemble(records, rows, problems, chosen, len(records), errors)


def _karabakh_wars() -> tuple[War, ...]:
    """The bundled Nagorno-Karabakh wars, the default candidates of :func:`from_source_ranges`."""
    return tuple(w for w in bundled_wars() if w.id.startswith("karabakh-"))


def _check_ranges_shape(document: Mapping[str, Any]) -> None:
    """Refuse a source-range document whose parts do not have the shape the reader walks.

    Every misplaced part is one problem (its ``column`` is the path, e.g.
    ``sides[1].military_killed``; its ``row`` the position of the side or atrocity), all raised
    together as one :class:`~karabakh_tolls.errors.ClaimValidationError`.
    """
    problems: list[Problem] = []

    def expect(
        value: object,
        kinds: type | tuple[type, ...],
        path: str,
        row: int | None,
        *,
        nullable: bool = True,
    ) -> bool:
        if (value is None and nullable) or isinstance(value, kinds):
            return value is not None
        kind = "a list" if kinds is list else "an object"
        problems.append(
            Problem(row, path, Reason.BAD_TYPE, repr(value)[:80], f"{path} must be {kind}")
        )
        return False

    def ends(entry: Mapping[str, Any], path: str, row: int) -> None:
        for key in ("low", "high"):
            end = entry.get(key)
            if isinstance(end, bool) or (isinstance(end, int) and not 0 <= end <= MAX_COUNT):
                problems.append(
                    Problem(
                        row,
                        f"{path}.{key}",
                        Reason.BAD_VALUE,
                        repr(end)[:80],
                        f"{path}.{key} is not a count from 0 to 2**63 - 1",
                    )
                )
        expect(entry.get("sources"), list, f"{path}.sources", row)

    if "sources" in document and expect(document["sources"], list, "sources", None, nullable=False):
        for number, entry in enumerate(document["sources"]):
            if isinstance(entry, Mapping) and entry.get("publisher") and "url" not in entry:
                problems.append(
                    Problem(None, f"sources[{number}]", Reason.MISSING_VALUE, "", "no url")
                )
    if "sides" in document and expect(document["sides"], list, "sides", None, nullable=False):
        for row, side in enumerate(document["sides"]):
            if not expect(side, Mapping, f"sides[{row}]", row, nullable=False):
                continue
            expect(side.get("military_killed"), Mapping, f"sides[{row}].military_killed", row)
            path = f"sides[{row}].civilians_killed_directly"
            if expect(side.get("civilians_killed_directly"), Mapping, path, row):
                breakdown = side["civilians_killed_directly"].get("breakdown")
                if expect(breakdown, list, f"{path}.breakdown", row):
                    for number, entry in enumerate(breakdown):
                        where = f"{path}.breakdown[{number}]"
                        if expect(entry, Mapping, where, row, nullable=False):
                            ends(entry, f"{path}.breakdown[{number}]", row)
    if expect(document.get("key_atrocities"), list, "key_atrocities", None):
        for row, atrocity in enumerate(document["key_atrocities"]):
            if expect(atrocity, Mapping, f"key_atrocities[{row}]", row, nullable=False):
                ends(atrocity, f"key_atrocities[{row}]", row)
    expect(document.get("totals"), Mapping, "totals", None)
    if problems:
        raise ClaimValidationError(problems)


def _add_ends(
    entry: Mapping[str, Any], scope: dict[str, str], add: Any, where: str, position: int
) -> None:
    """Import an entry's low and high, each with the hedge and source of the clause stating it."""
    notes = str(entry.get("notes") or "")
    urls = [str(u) for u in entry.get("sources", []) or []]
    ends = [e for e in (entry.get("low"), entry.get("high")) if isinstance(e, int)]
    for end in dict.fromkeys(ends):
        stated = None
        for sentence in _sentences(notes):
            for clause in _clauses(sentence):
                for figure, written in _figures_in(clause):
                    if end in written and stated is None:
                        stated = (figure, clause, sentence)
        if stated is None:
            add(Figure(end, end, Hedge.EXACT, f"{end:,}"), scope, "", "", urls, where, position)
        else:
            figure, clause, sentence = stated
            add(figure, scope, clause, sentence, urls, where, position)
