"""Reconciliation: from claims to a range for one scope at one date.

This first version returns the plain envelope of the claims made directly about the scope and
date (the full constraint engine replaces it).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from karabakh_tolls.claims import ClaimSet, as_date
from karabakh_tolls.figures import Figure, Hedge
from karabakh_tolls.resolution import Resolution, Role, Rule, Support
from karabakh_tolls.scopes import DIMENSIONS, Scope

__all__ = ["reconcile"]


def _direct_mask(frame: pd.DataFrame, scope: Scope, day: dt.date) -> pd.Series:
    mask = frame["as_of"] == pd.Timestamp(day)
    for dimension in DIMENSIONS:
        mask &= frame[dimension] == getattr(scope, dimension)
    mask &= frame["kind"] == "cumulative"
    return mask.fillna(False)


def reconcile(claims: ClaimSet, scope: Scope | str, as_of: dt.date | str) -> Resolution:
    """The range of the claims made directly about ``scope`` on ``as_of``."""
    if isinstance(scope, str):
        scope = Scope.parse(scope, claims.trees)
    day = as_date(as_of, "as_of")
    frame = claims.frame
    direct = frame.loc[_direct_mask(frame, scope, day)]
    ids = tuple(direct["claim_id"].tolist())
    roles = {cid: (Role.USED if cid in ids else Role.OUT_OF_SCOPE) for cid in claims.ids}
    if direct.empty:
        return Resolution(
            scope, day, 0, None, "consistent", None, Support(0), Support(None), roles=roles
        )
    low = int(direct["low"].min())
    high = None if direct["high"].isna().any() else int(direct["high"].max())
    spread = Figure(low, high, Hedge.RANGE if high != low else Hedge.EXACT)
    low_ids = tuple(direct.loc[direct["low"] == low, "claim_id"])
    high_ids = ids if high is None else tuple(direct.loc[direct["high"] == high, "claim_id"])
    return Resolution(
        scope,
        day,
        low,
        high,
        "consistent",
        spread,
        Support(low, low_ids, (Rule.CLAIM,)),
        Support(high, high_ids, (Rule.CLAIM,)),
        direct=ids,
        roles=roles,
    )
