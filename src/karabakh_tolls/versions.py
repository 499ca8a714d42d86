"""Claims over time: what had been published on a date, and which release of a claim holds.

A claim has two times: the day its count holds (``as_of``) and the day it became known
(``published``). And a dataset is re-released with revised figures: a claim of the newer
release *replaces* (``superseded_by``) the older claim about the same events; the older one is
kept, as history, but it is no longer evidence. This module holds the pure table functions
behind ``ClaimSet.known_on``, ``ClaimSet.current`` and :func:`karabakh_tolls.supersede`; none
of them modifies the frames it is given.

**Knowledge dates.** :func:`known_on_frame` keeps the claims published on or before a day.
A claim without a ``published`` date cannot be shown to have been known on any day, so by
default it is left out (``undated="exclude"``), and said so; ``undated="earliest"`` instead
takes it to have been published on its ``as_of`` day, the earliest it could have been (which
may credit the past with knowledge it did not yet have). On that day a claim whose replacement
was not yet published was still current, so its ``superseded_by`` is cleared in the result.

**Current claims.** :func:`current_frame` leaves out every claim whose ``superseded_by`` names
a replacement, whether or not the replacement is in the table: a table cut from a larger one
never counts two versions of one figure. A replacement chain (19.1 replaced by 20.1, replaced
by 21.1) is followed to its end.

**Left out, never dropped silently.** Both functions return, beside the kept rows, a table of
the rows they left out (:data:`LEFT_OUT_COLUMNS`): the claim id, the reason (an
:class:`Omission`) and a sentence.

This module imports numpy, pandas and the package's ``errors`` and ``frame``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Final, Literal

import numpy as np
import pandas as pd

from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimValidationError,
    OptionError,
    Problem,
    Reason,
)
from karabakh_tolls.frame import COLUMNS

__all__ = [
    "COMPARED_COLUMNS",
    "DIFF_COLUMNS",
    "LEFT_OUT_COLUMNS",
    "Omission",
    "Undated",
    "current_frame",
    "diff_frames",
    "known_on_frame",
    "left_out_frame",
    "release_frame",
    "supersede_frames",
]

Undated = Literal["exclude", "earliest"]
"""What a knowledge date does with a claim that has no ``published`` date."""


class Omission(enum.StrEnum):
    """Why a view of a claim set left a claim out (the ``reason`` of its left-out table).

    Examples
    --------
    >>> Omission("superseded") is Omission.SUPERSEDED
    True
    """

    PUBLISHED_LATER = "published-later"
    """It was published after the knowledge date (or, undated, holds only after it)."""
    UNDATED = "undated"
    """It has no publication date, so nobody can say it was known by the knowledge date."""
    SUPERSEDED = "superseded"
    """A claim of a newer release replaces it."""


LEFT_OUT_COLUMNS: Final = ("claim_id", "reason", "detail")
"""Columns of a left-out table: the claim id, the :class:`Omission` value and a sentence."""

_NONE: Final = -1  # no successor
_OUTSIDE: Final = -2  # the successor is not in the table


def left_out_frame(
    ids: pd.Series | Sequence[str] = (), reason: Omission | None = None, detail: object = ()
) -> pd.DataFrame:
    """A left-out table (:data:`LEFT_OUT_COLUMNS`); empty when called without arguments.

    Examples
    --------
    >>> list(left_out_frame().columns)
    ['claim_id', 'reason', 'detail']
    """
    values = pd.Series(ids, dtype="string").reset_index(drop=True)
    return pd.DataFrame(
        {
            "claim_id": values,
            "reason": pd.Series(
                [None if reason is None else reason.value] * len(values), dtype="string"
            ),
            "detail": pd.Series(detail, dtype="string").reset_index(drop=True)
            if len(values)
            else pd.Series([], dtype="string"),
        }
    )


def _successors(frame: pd.DataFrame) -> np.ndarray:
    """Row position of each claim's replacement, ``_NONE`` or ``_OUTSIDE`` (not in the table)."""
    successor = frame["superseded_by"]
    named = successor.notna().to_numpy()
    out = np.full(len(frame), _NONE, dtype=np.int64)
    if named.any():
        found = pd.Index(frame["claim_id"].to_numpy(dtype=object)).get_indexer(
            successor.to_numpy(dtype=object)[named]
        )
        out[np.flatnonzero(named)] = np.where(found >= 0, found, _OUTSIDE)
    return out


def _day(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day)


def known_on_frame(
    frame: pd.DataFrame, day: dt.date, *, undated: Undated = "exclude"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The claims known on ``day``, and a table of the ones left out and why.

    Kept: the claims published on or before ``day`` (with ``undated="earliest"``, also the
    undated claims whose ``as_of`` is on or before it). A kept claim whose replacement chain
    holds no kept claim was still current on ``day``: its ``superseded_by`` is cleared.

    Parameters
    ----------
    frame : pandas.DataFrame
        A valid claim table in schema form.
    day : datetime.date
        The knowledge date.
    undated : {"exclude", "earliest"}
        What to do with a claim without a publication date (see the module documentation).

    Returns
    -------
    kept : pandas.DataFrame
        The rows kept, in order, with a fresh index.
    left_out : pandas.DataFrame
        One row per claim left out (:data:`LEFT_OUT_COLUMNS`), in table order.

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> kept, left_out = known_on_frame(load_seed_claims().frame, dt.date(2020, 10, 10))
    >>> sorted(set(kept["document"])), len(left_out), left_out["reason"].iloc[0]
    (['001', '002', '003'], 15, 'published-later')
    """
    if undated not in ("exclude", "earliest"):
        raise OptionError("undated", undated, ("exclude", "earliest"))
    when = _day(day)
    published = frame["published"]
    dated = published.notna().to_numpy()
    later = dated & (published > when).to_numpy(dtype=bool, na_value=False)
    holds_later = (frame["as_of"] > when).to_numpy(dtype=bool, na_value=False)
    if undated == "exclude":
        undated_out = ~dated
        undated_later = np.zeros(len(frame), dtype=bool)
    else:
        undated_out = np.zeros(len(frame), dtype=bool)
        undated_later = ~dated & holds_later
    known = ~(later | undated_out | undated_later)

    successor = _successors(frame)
    still_replaced = np.zeros(len(frame), dtype=bool)
    step = successor.copy()
    for _ in range(len(frame)):  # chains end (validation refuses cycles): few steps in practice
        inside = step >= 0
        if not (inside | (step == _OUTSIDE)).any():
            break
        still_replaced |= (step == _OUTSIDE) | (inside & known[np.maximum(step, 0)])
        step = np.where(inside, successor[np.maximum(step, 0)], _NONE)
    revived = known & (successor != _NONE) & ~still_replaced

    kept = frame.loc[known].copy()
    if revived.any():
        kept.loc[revived[known], "superseded_by"] = pd.NA
    kept = kept.reset_index(drop=True)

    shown = when.strftime("%Y-%m-%d")
    ids = frame["claim_id"]
    parts = [
        left_out_frame(
            ids[later],
            Omission.PUBLISHED_LATER,
            "published " + published[later].dt.strftime("%Y-%m-%d") + f", after {shown}",
        ),
        left_out_frame(
            ids[undated_later],
            Omission.PUBLISHED_LATER,
            "no publication date, and its count holds only from "
            + frame["as_of"][undated_later].dt.strftime("%Y-%m-%d")
            + f", after {shown}",
        ),
        left_out_frame(
            ids[undated_out],
            Omission.UNDATED,
            pd.Series(
                [f"no publication date: not known to have been published by {shown}"]
                * int(undated_out.sum()),
                dtype="string",
            ),
        ),
    ]
    order = np.concatenate(
        [np.flatnonzero(later), np.flatnonzero(undated_later), np.flatnonzero(undated_out)]
    )
    left = pd.concat(parts, ignore_index=True)
    left = left.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)
    return kept, left


def current_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The current claims (no ``superseded_by``), and a table of the superseded ones.

    Examples
    --------
    >>> frame = pd.DataFrame({"claim_id": ["a@19.1", "a"], "superseded_by": ["a", None],
    ...                       "release": ["19.1", "20.1"]})
    >>> kept, left_out = current_frame(frame)
    >>> list(kept["claim_id"]), left_out["detail"].tolist()
    (['a'], ['superseded by a (release 20.1)'])
    """
    successor = frame["superseded_by"]
    replaced = successor.notna().to_numpy()
    kept = frame.loc[~replaced].reset_index(drop=True)
    if not replaced.any():
        return kept, left_out_frame()
    releases = pd.Series(
        frame["release"].to_numpy(dtype=object), index=frame["claim_id"].to_numpy(dtype=object)
    )
    releases = releases[~releases.index.duplicated()]
    names = successor[replaced]
    of_successor = pd.Series(
        releases.reindex(names.to_numpy(dtype=object)).to_numpy(), dtype="string", index=names.index
    )
    detail = ("superseded by " + names).where(
        of_successor.isna(), "superseded by " + names + " (release " + of_successor + ")"
    )
    return kept, left_out_frame(frame["claim_id"][replaced], Omission.SUPERSEDED, detail)


def release_frame(frame: pd.DataFrame, release: str) -> pd.DataFrame:
    """The claims of one release as that release stated them: replacements by claims outside
    it are forgotten (``superseded_by`` cleared), so its claims are current again.

    Examples
    --------
    >>> frame = pd.DataFrame({"claim_id": ["a@19.1", "a"], "superseded_by": ["a", None],
    ...                       "release": ["19.1", "20.1"]})
    >>> release_frame(frame, "19.1")["superseded_by"].isna().tolist()
    [True]
    """
    rows = frame.loc[(frame["release"] == release).to_numpy(dtype=bool, na_value=False)].copy()
    inside = rows["superseded_by"].isin(set(rows["claim_id"])).to_numpy(dtype=bool)
    rows.loc[~inside, "superseded_by"] = pd.NA
    return rows.reset_index(drop=True)


# --- releases ----------------------------------------------------------------------------------

COMPARED_COLUMNS: Final[tuple[str, ...]] = (
    "war",
    "low",
    "high",
    "outcome",
    "category",
    "party",
    "perpetrator",
    "region",
    "kind",
    "since",
    "as_of",
    "event",
    "coverage",
    "source",
)
"""What a claim says: the columns whose change between releases :func:`diff_frames` lists
(provenance such as document, note or release is not compared)."""

DIFF_COLUMNS: Final[tuple[str, ...]] = (
    "change",
    "changed",
    "old_claim_id",
    "new_claim_id",
    "old_low",
    "old_high",
    "new_low",
    "new_high",
    "old_release",
    "new_release",
)
"""Columns of a release diff, after the matching key columns."""


def _keys(on: object) -> list[str]:
    """The matching columns named by ``on``: one column name or a sequence of them."""
    if isinstance(on, str):
        keys = [on]
    elif isinstance(on, list | tuple) and all(isinstance(k, str) for k in on):
        keys = list(on)
    else:
        raise ArgumentTypeError.of("on", "a column name or a list of column names", on)
    if not keys:
        raise OptionError("on", on, (), "it names no column to match the releases' claims by")
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown:
        raise OptionError("on", unknown[0], COLUMNS, "not a column of the claim table")
    return keys


def _unique_keys(frame: pd.DataFrame, keys: list[str], which: str) -> None:
    repeated = frame.duplicated(keys, keep="first").to_numpy()
    if repeated.any():
        problems = [
            Problem(
                int(pos),
                ",".join(keys),
                Reason.DUPLICATE_ID,
                "|".join(str(frame[k].iloc[pos]) for k in keys),
                f"claim {frame['claim_id'].iloc[pos]!r} of the {which} release has the same "
                f"{'/'.join(keys)} as an earlier claim: which one it replaces is ambiguous",
            )
            for pos in np.flatnonzero(repeated)
        ]
        raise ClaimValidationError(problems, len(frame))


def _same(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Elementwise equality with missing equal to missing."""
    left, right = a.reset_index(drop=True), b.reset_index(drop=True)
    both_missing = (left.isna() & right.isna()).to_numpy()
    equal = (left == right).to_numpy(dtype=bool, na_value=False)
    return both_missing | equal


def _held(old: pd.DataFrame, new: pd.DataFrame, shared: list[str]) -> np.ndarray:
    """Which rows of ``new`` the old table holds already: same id, equal in every column."""
    position = pd.Index(old["claim_id"].to_numpy(dtype=object)).get_indexer(
        new["claim_id"].to_numpy(dtype=object)
    )
    found = np.flatnonzero(position >= 0)
    held = np.zeros(len(new), dtype=bool)
    if len(found):
        equal = np.ones(len(found), dtype=bool)
        for column in shared:
            equal &= _same(old[column].iloc[position[found]], new[column].iloc[found])
        held[found[equal]] = True
    return held


def _matches(
    old: pd.DataFrame, new: pd.DataFrame, keys: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Positions ``(i_old, i_new)`` of the current old claims and new claims sharing a key."""
    current = np.flatnonzero(old["superseded_by"].isna().to_numpy())
    left = old.iloc[current][keys].assign(_old=current)
    right = new[keys].assign(_new=np.arange(len(new)))
    merged = left.merge(right, on=keys, how="inner", sort=False)
    order = np.argsort(merged["_new"].to_numpy(), kind="stable")
    return (
        merged["_old"].to_numpy(dtype=np.int64)[order],
        merged["_new"].to_numpy(dtype=np.int64)[order],
    )


def supersede_frames(
    old: pd.DataFrame, new: pd.DataFrame, *, on: str | Sequence[str] = "claim_id"
) -> pd.DataFrame:
    """The claims of an older and a newer release together, the older ones replaced.

    A current claim of ``old`` and a claim of ``new`` with equal ``on`` columns are two versions
    of one claim. When they are equal in every column, the newer one is the same claim again
    and is not added (so superseding is idempotent). Otherwise the old one is kept, marked
    ``superseded_by`` the new claim's id, and, when the new release uses its id, renamed
    ``<id>@<its release>`` (``<id>@superseded`` without a release; ``~2``, ``~3`` ... added
    should that name be taken); claims that pointed to it follow the rename. Every other claim
    of both tables is kept as it is: a claim the newer release lacks stays current.

    The result is not validated (the caller builds a claim set from it). Rows: the old table's,
    then the new claims that were added, each in its own order.

    Examples
    --------
    >>> old = pd.DataFrame({"claim_id": ["e1", "e2"], "low": [10, 5], "release": "19.1",
    ...                     "superseded_by": None})
    >>> new = pd.DataFrame({"claim_id": ["e1", "e2"], "low": [12, 5], "release": "20.1",
    ...                     "superseded_by": None})
    >>> supersede_frames(old, new)[["claim_id", "low", "superseded_by"]].values.tolist()
    [['e1@19.1', 10, 'e1'], ['e2@19.1', 5, 'e2'], ['e1', 12, None], ['e2', 5, None]]
    """
    keys = _keys(on)
    old = old.reset_index(drop=True)
    new = new.reset_index(drop=True)
    shared = [c for c in old.columns if c in new.columns]
    # a claim the older table already holds, equal in every column, is not added again
    held = _held(old, new, shared)
    keep_new = ~held
    current_new = keep_new & new["superseded_by"].isna().to_numpy()
    _unique_keys(old.loc[old["superseded_by"].isna()], keys, "older")
    _unique_keys(new.loc[current_new], keys, "newer")
    i_old, i_new = _matches(old, new.loc[current_new], keys)
    i_new = np.flatnonzero(current_new)[i_new]
    same = np.ones(len(i_old), dtype=bool)
    for column in shared:
        if column != "superseded_by":
            same &= _same(old[column].iloc[i_old], new[column].iloc[i_new])
    replaced_old, replacing_new = i_old[~same], i_new[~same]
    keep_new[i_new[same]] = False  # the same claim under another key: already held

    out_old = old.copy()
    new_ids = set(new["claim_id"][keep_new].astype(str))
    out_old.loc[replaced_old, "superseded_by"] = new["claim_id"].to_numpy(dtype=object)[
        replacing_new
    ]

    # an old claim whose id the newer release uses takes a versioned name
    ids = out_old["claim_id"].to_numpy(dtype=object)
    new_index = pd.Index(sorted(new_ids))
    clash = new_index.get_indexer(pd.Index(ids)) >= 0
    unreplaced = clash & out_old["superseded_by"].isna().to_numpy()
    if unreplaced.any():
        shown = ", ".join(sorted(str(i) for i in ids[unreplaced])[:10])
        raise ClaimValidationError(
            [
                Problem(
                    int(pos),
                    "claim_id",
                    Reason.DUPLICATE_ID,
                    str(ids[pos]),
                    f"claim id {ids[pos]!r} names different claims in the two releases "
                    f"({shown}): match them with on= or rename one",
                )
                for pos in np.flatnonzero(unreplaced)
            ],
            len(old),
        )
    if clash.any():
        renames = _versioned_names(out_old, clash, new_index)
        out_old["claim_id"] = pd.Series(
            pd.Series(ids).map(renames).fillna(pd.Series(ids)).to_numpy(), dtype="string"
        )
        pointers = out_old["superseded_by"].to_numpy(dtype=object)
        follows = pd.Index(renames.index).get_indexer(pointers) >= 0
        follows[replaced_old] = False
        out_old.loc[follows, "superseded_by"] = renames.loc[pointers[follows]].to_numpy()
    added = new.loc[keep_new]
    return pd.concat([out_old, added], ignore_index=True)


def _versioned_names(frame: pd.DataFrame, clash: np.ndarray, taken_new: pd.Index) -> pd.Series:
    """New names ``<id>@<release>`` for the rows in ``clash``, unique in both tables; a name
    already taken gets ``~2``, ``~3`` ..., given in claim-id order (not row order)."""
    ids = frame["claim_id"].to_numpy(dtype=object)
    release = frame["release"].astype("string").fillna("superseded").to_numpy(dtype=object)
    positions = np.flatnonzero(clash)
    positions = positions[np.argsort(ids[positions].astype(str), kind="stable")]
    base = pd.Series(ids[positions]).astype(str) + "@" + pd.Series(release[positions]).astype(str)
    taken = pd.Index(ids).append(taken_new).unique()
    collide = (taken.get_indexer(base.to_numpy(dtype=object)) >= 0) | base.duplicated(
        keep=False
    ).to_numpy()
    names = base.to_numpy(dtype=object)
    if collide.any():
        used = set(taken) | set(base)
        for k in np.flatnonzero(collide):
            candidate, n = names[k], 2
            while candidate in used:
                candidate, n = f"{base.iloc[k]}~{n}", n + 1
            used.add(candidate)
            names[k] = candidate
    return pd.Series(names, index=ids[positions])


def diff_frames(
    old: pd.DataFrame, new: pd.DataFrame, *, on: str | Sequence[str] = "claim_id"
) -> pd.DataFrame:
    """What changed between two releases: one row per claim revised, added or removed.

    The current claims of each table are matched by the ``on`` columns. A matched pair is
    listed when any of :data:`COMPARED_COLUMNS` differs (``change`` ``"revised"``, ``changed``
    naming those columns); a claim only in ``new`` is ``"added"``, only in ``old``
    ``"removed"``. Unchanged claims are not listed. Rows are sorted by the key.

    Returns
    -------
    pandas.DataFrame
        The key columns, then :data:`DIFF_COLUMNS`.

    Examples
    --------
    >>> old = pd.DataFrame({"claim_id": ["e1", "e2"], "low": [10, 5], "high": [15, 5],
    ...                     "release": "19.1", "superseded_by": None})
    >>> new = pd.DataFrame({"claim_id": ["e1", "e3"], "low": [12, 1], "high": [15, 1],
    ...                     "release": "20.1", "superseded_by": None})
    >>> diff_frames(old, new)[["claim_id", "change", "changed", "old_low", "new_low"]]
      claim_id   change changed  old_low  new_low
    0       e1  revised     low       10       12
    1       e2  removed              5     <NA>
    2       e3    added           <NA>        1
    """
    keys = _keys(on)
    left = old.loc[old["superseded_by"].isna()].reset_index(drop=True)
    right = new.loc[new["superseded_by"].isna()].reset_index(drop=True)
    _unique_keys(left, keys, "older")
    _unique_keys(right, keys, "newer")
    compared = [c for c in COMPARED_COLUMNS if c in left.columns and c in right.columns]
    carried = sorted({*compared, "claim_id", "release"} - set(keys))
    merged = left[[*keys, *[c for c in carried if c in left.columns]]].merge(
        right[[*keys, *[c for c in carried if c in right.columns]]],
        on=keys,
        how="outer",
        suffixes=("_old", "_new"),
        indicator=True,
        sort=False,
    )

    def side(column: str, which: str) -> pd.Series:
        if column in keys:
            return merged[column]
        name = f"{column}_{which}"
        if name in merged.columns:
            return merged[name]
        return pd.Series(pd.NA, index=merged.index)

    changed = pd.Series("", index=merged.index, dtype="string")
    both = (merged["_merge"] == "both").to_numpy()
    for column in compared:
        if column in keys:
            continue
        differs = both & ~_same(side(column, "old"), side(column, "new"))
        changed = changed.mask(
            differs, changed.where(changed == "", changed + ",").astype("string") + column
        )
    change = np.where(
        merged["_merge"] == "left_only",
        "removed",
        np.where(merged["_merge"] == "right_only", "added", "revised"),
    )
    out = merged[keys].copy()
    out["change"] = pd.Series(change, dtype="string")
    out["changed"] = changed
    for column, source, which in (
        ("old_claim_id", "claim_id", "old"),
        ("new_claim_id", "claim_id", "new"),
        ("old_low", "low", "old"),
        ("old_high", "high", "old"),
        ("new_low", "low", "new"),
        ("new_high", "high", "new"),
        ("old_release", "release", "old"),
        ("new_release", "release", "new"),
    ):
        values = side(source, which)
        out[column] = (
            values.astype("Int64") if source in ("low", "high") else values.astype("string")
        )
    listed = (out["change"] != "revised") | (out["changed"] != "")
    out = out.loc[listed.to_numpy(dtype=bool)]
    out = out.sort_values(keys, kind="stable").reset_index(drop=True)
    if "claim_id" in keys:
        out = out.drop(columns=["old_claim_id", "new_claim_id"])
    return out
