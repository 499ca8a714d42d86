"""The history of a range as knowledge grew: what the claims implied after each publication.

A count holds on one day, but what can be said about it changes as claims are published: the
range of the Karabakh military dead on 29 October was open on 6 October (only 280 by then),
and closed at 1,166 once the count of that day was published. :func:`range_history`
reconciles one scope and day once per publication date, with only the claims published by
then, through the public :func:`karabakh_tolls.reconcile`.

This module imports numpy, pandas and the package's ``claims``, ``claimset``, ``errors``,
``policies``, ``reconcile``, ``scopes``, ``versions`` and ``wars``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd

from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import ArgumentTypeError, OptionError
from karabakh_tolls.policies import TrustPolicy
from karabakh_tolls.reconcile import reconcile
from karabakh_tolls.scopes import Scope
from karabakh_tolls.versions import Undated
from karabakh_tolls.wars import War

__all__ = ["HISTORY_COLUMNS", "range_history"]

HISTORY_COLUMNS: Final = ("published", "low", "high", "status", "n_claims", "new_claims")
"""Columns of :func:`range_history`."""


def range_history(
    claims: ClaimSet,
    scope: Scope | str | Sequence[Scope | str],
    as_of: dt.date | str,
    *,
    war: War | str | None = None,
    policy: TrustPolicy | None = None,
    undated: Undated = "exclude",
) -> pd.DataFrame:
    """The range of ``scope`` on ``as_of`` after each publication date of the war's claims.

    For every distinct publication date ``D`` of the war's claims, in order, the scope is
    reconciled with ``claims.current(known_on=D)``: the claims published by ``D``, without those
    a release published by then replaced. Claims published after ``as_of`` count too: a later
    total bounds an earlier one from above. Without a publication date a claim enters no row
    (``undated="exclude"``) except the last: when the war has undated claims, a final row with
    a missing ``published`` date gives the range with every current claim. With
    ``undated="earliest"`` an undated claim enters on its ``as_of`` day instead.

    Parameters
    ----------
    claims : ClaimSet
        The claims (all releases; superseded claims are handled as described).
    scope, as_of, war, policy
        As for :func:`karabakh_tolls.reconcile`.
    undated : {"exclude", "earliest"}
        What to do with claims that have no publication date (see ``ClaimSet.known_on``).

    Returns
    -------
    pandas.DataFrame
        One row per date (:data:`HISTORY_COLUMNS`): ``published``, ``low``, ``high`` (missing:
        open), ``status``, ``n_claims`` (the war's claims known and current by then) and
        ``new_claims`` (a tuple of the ids first published that day).

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> history = range_history(kt.load_seed_claims(),
    ...     kt.Scope("killed", "military", party="nagorno-karabakh"), "2020-10-29")
    >>> history[["published", "low", "high", "n_claims"]]
       published   low  high  n_claims
    0 2020-10-06   280  <NA>         8
    1 2020-10-30  1166  1166        15
    2 2021-01-14  1166  1166        23
    """
    if not isinstance(claims, ClaimSet):
        raise ArgumentTypeError.of("claims", "a ClaimSet", claims)
    if not _scope_like(scope):
        raise ArgumentTypeError.of("scope", "a Scope, its text, or a list of them", scope)
    if policy is not None and not isinstance(policy, TrustPolicy):
        raise ArgumentTypeError.of("policy", "a TrustPolicy", policy)
    if undated not in ("exclude", "earliest"):
        raise OptionError("undated", undated, ("exclude", "earliest"))
    chosen = claims.war(war)
    day = as_date(as_of, "as_of")
    frame = claims.frame
    of_war = (frame["war"] == chosen.id).to_numpy(dtype=bool, na_value=False)
    published = frame["published"]
    if undated == "earliest":
        published = published.fillna(frame["as_of"])
    dated = published.notna().to_numpy()
    dates = np.unique(published[of_war & dated].to_numpy(dtype="datetime64[s]"))
    ids = frame["claim_id"].astype(str).to_numpy()
    rows: list[dict[str, object]] = []
    for when in dates:
        view = claims.current(known_on=pd.Timestamp(when).date(), undated=undated)
        first_known = of_war & (published == pd.Timestamp(when)).to_numpy(
            dtype=bool, na_value=False
        )
        rows.append(_row(view, scope, day, chosen, policy, pd.Timestamp(when), ids[first_known]))
    if undated == "exclude" and bool((of_war & ~dated).any()):
        rows.append(
            _row(claims.current(), scope, day, chosen, policy, pd.NaT, ids[of_war & ~dated])
        )
    table = pd.DataFrame(rows, columns=list(HISTORY_COLUMNS))
    table["published"] = pd.to_datetime(table["published"]).astype("datetime64[s]")
    table["low"] = table["low"].astype("Int64")
    table["high"] = table["high"].astype("Int64")
    table["n_claims"] = table["n_claims"].astype("int64")
    return table


def _scope_like(scope: object) -> bool:
    if isinstance(scope, Scope | str):
        return True
    return (
        isinstance(scope, list | tuple)
        and bool(scope)
        and all(isinstance(s, Scope | str) for s in scope)
    )


def _row(
    view: ClaimSet,
    scope: Scope | str | Sequence[Scope | str],
    day: dt.date,
    war: War,
    policy: TrustPolicy | None,
    published: pd.Timestamp | object,
    new_ids: np.ndarray,
) -> dict[str, object]:
    """One row of the history: the range with the claims of ``view``."""
    result = reconcile(view, scope, day, war=war.id, policy=policy)
    in_view = (view.frame["war"] == war.id).to_numpy(dtype=bool, na_value=False)
    return {
        "published": published,
        "low": result.low,
        "high": result.high,
        "status": result.status,
        "n_claims": int(in_view.sum()),
        "new_claims": tuple(sorted(str(i) for i in new_ids)),
    }
