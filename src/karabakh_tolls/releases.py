"""Dataset releases as versions of the same claims, not as new evidence.

UCDP re-releases its event dataset every year (GED 19.1, 20.1, ...) with revised figures for
old events; an ACLED export of one day revises the export of another. Importing a newer
release beside an older one would count each revised event twice. :func:`supersede` combines
them instead: the newer claim replaces the older one, which is kept (marked ``superseded_by``,
and renamed ``<id>@<release>`` when the newer release reuses its id) but left out of what the
engine sees (``ClaimSet.current()``); :func:`diff_releases` lists what changed.

This module imports numpy, pandas and the package's ``claimset``, ``errors``, ``frame``,
``versions`` and ``wars``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import ArgumentTypeError, ClaimValidationError, Problem, Reason
from karabakh_tolls.frame import SCHEMA, coerce_frame, supersession_problems, war_registry
from karabakh_tolls.versions import diff_frames, supersede_frames
from karabakh_tolls.wars import War

__all__ = ["diff_releases", "supersede"]


def _wars(old: ClaimSet, new: ClaimSet) -> list[War]:
    """The wars of both sets; where both name one id, the newer release's war."""
    wars: dict[str, War] = {w.id: w for w in old.registry.wars}
    wars.update({w.id: w for w in new.registry.wars})
    used = [w.id for w in (*new.wars, *old.wars)]
    first = [wars[i] for i in dict.fromkeys(used)]
    return first + [w for i, w in wars.items() if i not in set(used)]


def _claim_set(argument: str, value: object) -> ClaimSet:
    if not isinstance(value, ClaimSet):
        raise ArgumentTypeError.of(argument, "a ClaimSet", value)
    return value


def _same_wars(old: ClaimSet, new: ClaimSet) -> bool:
    """Whether the wars both sets use are equal (then no row needs reading again)."""
    theirs = {w.id: w for w in new.wars}
    return all(theirs.get(w.id, w) == w for w in old.wars)


def _combined(frame: pd.DataFrame, wars: list[War]) -> ClaimSet:
    """Rows already valid for their (unchanged) wars, checked for repeated ids and for
    replacement chains that run in a circle."""
    frame = frame.reset_index(drop=True)
    if any(str(frame[c.name].dtype) != c.dtype for c in SCHEMA):
        frame = coerce_frame(frame)
    ids = frame["claim_id"]
    problems = [
        Problem(
            int(pos),
            "claim_id",
            Reason.DUPLICATE_ID,
            str(ids.iloc[pos]),
            f"id {ids.iloc[pos]!r} is used before",
        )
        for pos in np.flatnonzero(ids.duplicated(keep="first").to_numpy())
    ]
    problems.extend(supersession_problems(ids, frame["superseded_by"]))
    if problems:
        raise ClaimValidationError(sorted(problems, key=lambda p: p.row or 0), len(frame))
    return ClaimSet._wrap(frame, war_registry(wars))


def supersede(old: ClaimSet, new: ClaimSet, *, on: str | Sequence[str] = "claim_id") -> ClaimSet:
    """An older and a newer release of the same claims, the newer replacing the older.

    A current claim of ``old`` and a claim of ``new`` that agree on the ``on`` columns (by
    default the claim id, which the importers derive from the dataset's event id) are two
    versions of one claim:

    * equal in every column: the same claim again, kept once (superseding twice with the same
      release changes nothing);
    * otherwise the newer claim is added and the older one is kept as history: marked
      ``superseded_by`` the newer claim's id and, when the newer release reuses its id, renamed
      ``<id>@<release>`` (claims that pointed to it follow the rename). ``ClaimSet.current()``,
      which the engine works on, leaves it out; ``ClaimSet.superseded()`` and
      ``ClaimSet.release(...)`` select it.

    Every other claim of both sets is kept as it is. A claim the newer release lacks stays
    current: a release that drops an event does not silently retract it
    (:func:`diff_releases` lists it as ``"removed"``; leave it out yourself if the dataset
    withdrew it). The result does not depend on the order of the rows of either set.

    Where both sets name one war with different values (an importer extends a war's trees with
    the parties and places of its table), the newer release's war is used; import the newer
    release with ``wars=old.wars`` so that its trees extend the older ones.

    Parameters
    ----------
    old, new : ClaimSet
        The older and the newer release (each may itself combine several releases).
    on : str or sequence of str
        The columns that identify the same claim in both releases.

    Returns
    -------
    ClaimSet
        Validated; the old claims (some renamed and marked), then the new ones.

    Raises
    ------
    ClaimValidationError
        When ``on`` does not identify claims uniquely in a release, when an id names
        different claims in the two releases, or when the combined claims do not validate.

    Examples
    --------
    >>> import pandas as pd
    >>> import karabakh_tolls as kt
    >>> def ged(best: int, release: str) -> kt.ClaimSet:
    ...     table = pd.DataFrame({"id": [1], "date_start": ["2017-08-25"],
    ...         "date_end": ["2017-08-27"], "country": ["Myanmar (Burma)"],
    ...         "side_a": ["Government of Myanmar (Burma)"], "side_b": ["Civilians"],
    ...         "low": [10], "best": [best], "high": [15], "conflict_new_id": [488],
    ...         "conflict_name": ["Government of Myanmar (Burma) - Civilians"]})
    ...     return kt.from_ucdp_ged(table, split=False, release=release)
    >>> both = kt.supersede(ged(12, "19.1"), ged(13, "20.1"))
    >>> [(c.id, c.release, c.superseded_by) for c in both]
    [('ucdp-1@UCDP GED 19.1', 'UCDP GED 19.1', 'ucdp-1'), ('ucdp-1', 'UCDP GED 20.1', None)]
    >>> both.current().ids, kt.supersede(both, ged(13, "20.1")) == both
    (('ucdp-1',), True)
    """
    old, new = _claim_set("old", old), _claim_set("new", new)
    combined = supersede_frames(old.frame, new.frame, on=on)
    wars = _wars(old, new)
    if _same_wars(old, new):
        # every row is a valid row of its war already: check only what combining can break
        return _combined(combined, wars)
    try:
        return ClaimSet.from_frame(combined, wars=wars)
    except ClaimValidationError as error:
        error.add_note(
            "The older claims are read against the newer release's wars; if a war differs "
            "between the releases, import the newer one with wars=old.wars so that its trees "
            "extend the older ones."
        )
        raise


def diff_releases(
    old: ClaimSet, new: ClaimSet, *, on: str | Sequence[str] = "claim_id"
) -> pd.DataFrame:
    """What changed between two releases: the claims revised, added and removed.

    The current claims of each set are matched by the ``on`` columns. A matched pair is listed
    when what the claim says changed (figure, scope, war, dates, kind, event, coverage or
    source; provenance such as the document is not compared), with ``change`` ``"revised"``
    and ``changed`` naming the columns; a claim only in ``new`` is ``"added"``, one only in
    ``old`` ``"removed"``.

    Returns
    -------
    pandas.DataFrame
        The ``on`` columns, then ``change``, ``changed``, ``old_low``, ``old_high``,
        ``new_low``, ``new_high``, ``old_release``, ``new_release`` (and ``old_claim_id``,
        ``new_claim_id`` when ``on`` does not include the claim id), sorted by the key; an
        open high is missing.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> seeds = kt.load_seed_claims()
    >>> revised = kt.ClaimSet([seeds["c14"].evolve(figure=kt.exact(290))])
    >>> diff_releases(seeds.filter(claim_id="c14"), revised)[
    ...     ["claim_id", "change", "changed", "old_low", "new_low"]]
      claim_id   change changed  old_low  new_low
    0      c14  revised     low,high      280      290
    """
    old, new = _claim_set("old", old), _claim_set("new", new)
    return diff_frames(old.frame, new.frame, on=on)
