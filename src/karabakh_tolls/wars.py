"""Wars: the frame every count lives in.

A :class:`War` is a value: an id (``"karabakh-2020"``), a name, a start date, an end date when
known, and the scope trees (categories, parties, perpetrators and the gazetteer) its claims are
read against. Cumulative counts run from the war's start. Claims of different wars never add up
or constrain each other, whatever their dates.

Wars are data. The bundled ones live in ``data/wars/*.toml`` and load with :func:`load_war`;
users build their own with ``War(...)`` or read one from a TOML file of the same shape with
:meth:`War.from_toml`. The bundled 2020 Nagorno-Karabakh war is the default of the bundled data
and nothing more: a claim of 1995 about another war reconciles exactly like one of 2020.

What the dates mean:

* ``start`` is the first day counted. A claim's ``since`` defaults to it; a claim whose ``since``
  or ``as_of`` falls before it is refused by validation, never counted as a silent zero.
* ``end`` (optional) is the last day of the war. A claim whose counted days all fall after it
  (an incident after the end, or a window whose ``since`` is after the end) is refused. A
  running total may hold at a later date (``as_of`` after the end): tolls are revised long after
  wars end, and the engine makes no assumption that nobody dies after ``end``.

This module imports the standard library and the package's ``errors`` and ``scopes``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final

from karabakh_tolls.errors import WarError
from karabakh_tolls.scopes import ScopeTrees, default_trees

__all__ = ["DEFAULT_WAR_ID", "War", "bundled_wars", "default_war", "load_war", "resolve_wars"]

DEFAULT_WAR_ID: Final = "karabakh-2020"
"""The id of the bundled default war: a claim table without a ``war`` column belongs to it."""

_ID_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.:")


def _date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise WarError(f"{what}={value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise WarError(f"{what}={value!r} is not a date")


@dataclass(frozen=True, slots=True)
class War:
    """One war: the frame that its claims' dates and scopes are read in.

    Parameters
    ----------
    id : str
        A short, stable key (lower case letters, digits, ``-``, ``_``, ``.``, ``:``), e.g.
        ``"karabakh-2020"`` or ``"ucdp-13646"``; the ``war`` column of a claim table names it.
    name : str
        A human name, e.g. ``"2020 Nagorno-Karabakh war"``.
    start : datetime.date or str
        The first day counted (ISO string accepted).
    end : datetime.date or str, optional
        The last day of the war, when known.
    trees : ScopeTrees, optional
        The scope trees and gazetteer; by default the bundled trees.
    description : str
        Free text (sources of the dates, notes).

    Examples
    --------
    >>> w = War("hypo-2015", "A hypothetical war", start="2015-01-01")
    >>> w.start, w.end, w.trees is default_trees()
    (datetime.date(2015, 1, 1), None, True)
    >>> w.contains("2014-12-31"), w.contains("2016-06-01")
    (False, True)
    """

    id: str
    name: str
    start: dt.date
    end: dt.date | None = None
    trees: ScopeTrees = field(default=None, repr=False)  # type: ignore[assignment]
    description: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        key = str(self.id).strip().lower()
        if not key or not set(key) <= _ID_CHARS:
            raise WarError(
                f"war id {self.id!r} must be non-empty and use only letters, digits, '-', '_', "
                "'.' or ':'"
            )
        object.__setattr__(self, "id", key)
        object.__setattr__(self, "name", str(self.name).strip() or key)
        object.__setattr__(self, "start", _date(self.start, f"war {key!r}: start"))
        if self.end is not None:
            object.__setattr__(self, "end", _date(self.end, f"war {key!r}: end"))
            assert self.end is not None
            if self.end < self.start:
                raise WarError(f"war {key!r}: end={self.end} is before start={self.start}")
        if self.trees is None:
            object.__setattr__(self, "trees", default_trees())
        elif not isinstance(self.trees, ScopeTrees):
            raise WarError(
                f"war {key!r}: trees must be a ScopeTrees, got {type(self.trees).__name__}"
            )

    def __hash__(self) -> int:
        # Scope trees hold mappings; equal wars have equal ids and dates, so this is sound.
        return hash((self.id, self.name, self.start, self.end))

    def contains(self, day: dt.date | str) -> bool:
        """True when ``day`` is on or after the start and, if the war has an end, on or before it.

        Examples
        --------
        >>> load_war("karabakh-2020").contains("2020-10-06")
        True
        """
        when = _date(day, "day")
        return when >= self.start and (self.end is None or when <= self.end)

    def evolve(self, **changes: Any) -> War:
        """A copy with some fields changed, e.g. ``war.evolve(trees=other_trees)``."""
        return replace(self, **changes)

    def __str__(self) -> str:
        end = "" if self.end is None else str(self.end)
        return f"{self.name} ({self.id}, {self.start}..{end})"

    # --- files ---------------------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, folder: Path | Traversable | None = None) -> War:
        """Build a war from the mapping shape of a war TOML file.

        Keys: ``id``, ``name``, ``start``, optional ``end`` and ``description``, and ``trees``:
        absent or ``"default"`` for the bundled trees, a file name (read relative to ``folder``)
        of a scope-tree TOML file, or an inline table of the same shape as that file; optional
        ``territory``, a table of region -> party (whose people a place's dead are when a text
        names only the place, :meth:`ScopeTrees.with_territory`).
        """
        missing = [k for k in ("id", "name", "start") if k not in data]
        if missing:
            raise WarError(f"a war needs {missing}; got keys {sorted(data)}")
        raw_trees = data.get("trees", "default")
        trees: ScopeTrees
        if raw_trees == "default":
            trees = default_trees()
        elif isinstance(raw_trees, str):
            if folder is None:
                raise WarError(f"war {data['id']!r}: trees={raw_trees!r} needs a folder to read")
            trees = ScopeTrees.from_dict(tomllib.loads(folder.joinpath(raw_trees).read_text()))
        elif isinstance(raw_trees, Mapping):
            trees = ScopeTrees.from_dict(raw_trees)
        else:
            raise WarError(f"war {data['id']!r}: trees={raw_trees!r} is not a file or a table")
        territory = data.get("territory", {})
        if not isinstance(territory, Mapping):
            raise WarError(f"war {data['id']!r}: territory={territory!r} is not a table")
        if territory:
            try:
                trees = trees.with_territory(territory)
            except (KeyError, ValueError, TypeError) as error:
                raise WarError(f"war {data['id']!r}: bad territory table: {error}") from error
        return cls(
            str(data["id"]),
            str(data["name"]),
            data["start"],
            data.get("end"),
            trees,
            str(data.get("description", "")),
        )

    @classmethod
    def from_toml(cls, path: str | Path) -> War:
        """Read a war from a TOML file (see the bundled ``data/wars/karabakh-2020.toml``).

        A ``trees`` file name is read relative to the war file's folder.
        """
        location = Path(path)
        try:
            data = tomllib.loads(location.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise WarError(f"cannot read war file {str(location)!r}: {error}") from None
        return cls.from_dict(data, folder=location.parent)


def _wars_folder() -> Traversable:
    return resources.files("karabakh_tolls").joinpath("data/wars")


@cache
def bundled_wars() -> tuple[War, ...]:
    """Every war bundled with the package, sorted by start date.

    Examples
    --------
    >>> [w.id for w in bundled_wars()]
    ['karabakh-1988', 'karabakh-2020', 'karabakh-2023']
    """
    folder = _wars_folder()
    wars = [
        War.from_dict(tomllib.loads(entry.read_text(encoding="utf-8")), folder=folder)
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    ]
    return tuple(sorted(wars, key=lambda w: (w.start, w.id)))


def load_war(war_id: str) -> War:
    """A bundled war by id.

    Raises :class:`~karabakh_tolls.errors.WarError` naming the bundled ids when there is none.

    Examples
    --------
    >>> w = load_war("karabakh-2020")
    >>> w.name, str(w.start), str(w.end)
    ('2020 Nagorno-Karabakh war', '2020-09-27', '2020-11-10')
    """
    key = str(war_id).strip().lower()
    for war in bundled_wars():
        if war.id == key:
            return war
    known = ", ".join(w.id for w in bundled_wars())
    raise WarError(f"no bundled war {war_id!r} (bundled: {known}); build one with kt.War(...)")


def default_war() -> War:
    """The bundled 2020 Nagorno-Karabakh war, the default of the bundled data."""
    return load_war(DEFAULT_WAR_ID)


def resolve_wars(wars: Iterable[War | str] | War | str | None) -> tuple[War, ...]:
    """Wars given as War values or bundled ids, checked for clashing ids; order kept.

    Examples
    --------
    >>> [w.id for w in resolve_wars(["karabakh-2020", War("x", "X", "2001-01-01")])]
    ['karabakh-2020', 'x']
    """
    if wars is None:
        return ()
    items: Iterable[War | str] = [wars] if isinstance(wars, War | str) else wars
    out: dict[str, War] = {}
    for item in items:
        if isinstance(item, str):
            war = load_war(item)
        elif isinstance(item, War):
            war = item
        else:
            raise WarError(f"wars must be War values or bundled war ids, got {item!r}")
        if war.id in out and out[war.id] != war:
            raise WarError(f"two different wars share the id {war.id!r}")
        out[war.id] = war
    return tuple(out.values())
