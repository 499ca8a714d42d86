"""Source policies: whose claims to use and how much to trust them when they conflict.

A :class:`TrustPolicy` is a value. It selects claims (``independent_only``; a trust weight of 0
leaves a source out) and weighs them: when claims cannot all be true, the engine sets aside the
set of least total weight. A claim's weight is the product of its source's weight, its source
kind's weight and its affiliation's weight (each 1.0 unless the policy says otherwise). Weights
are the user's judgement, never the library's: the defaults trust every source equally.

:func:`sensitivity` answers "how much does each source move the range?" by leaving one source
out at a time.

This module imports pandas, numpy and the package's ``sources``, ``claims`` and ``errors``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from karabakh_tolls.errors import ReconciliationError
from karabakh_tolls.sources import INDEPENDENT

if TYPE_CHECKING:
    from karabakh_tolls.claimset import ClaimSet
    from karabakh_tolls.scopes import Scope

__all__ = ["ALL_SOURCES", "INDEPENDENT_ONLY", "TrustPolicy", "Weights", "sensitivity"]


class Weights(Mapping[str, float]):
    """An immutable, hashable mapping of names to nonnegative finite weights.

    Examples
    --------
    >>> Weights({"b": 2, "a": 0.5})
    Weights({'a': 0.5, 'b': 2.0})
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, float] | None = None) -> None:
        pairs = []
        for key, value in (items or {}).items():
            weight = float(value)
            if not np.isfinite(weight) or weight < 0:
                raise ReconciliationError(
                    f"trust weight for {key!r} is {value!r}: weights are finite and >= 0"
                )
            pairs.append((str(key), weight))
        self._items: tuple[tuple[str, float], ...] = tuple(sorted(pairs))

    def __getitem__(self, key: str) -> float:
        for name, weight in self._items:
            if name == key:
                return weight
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Weights):
            return self._items == other._items
        return NotImplemented

    def __repr__(self) -> str:
        return f"Weights({dict(self._items)!r})"


def _weights(value: Mapping[str, float] | None) -> Weights:
    return value if isinstance(value, Weights) else Weights(value)


@dataclass(frozen=True, slots=True)
class TrustPolicy:
    """Which claims to use and how much each source is trusted in a conflict.

    Parameters
    ----------
    name:
        Shown in results (``Resolution.policy``).
    sources, kinds, affiliations:
        Weights by source id, by source kind (``"government"``, ``"ngo"``...) and by
        affiliation (a party id or ``"independent"``); missing entries weigh 1.0. A claim's
        weight is the product of the three; weight 0 leaves the claim out.
    independent_only:
        Use only claims of sources affiliated with no party.

    Examples
    --------
    >>> p = TrustPolicy("NGOs first", kinds={"ngo": 3.0}, affiliations={"russia": 0})
    >>> p.weight("amnesty-international", "ngo", "independent")
    3.0
    >>> p.weight("russian-government", "government", "russia")
    0.0
    >>> INDEPENDENT_ONLY.weight("x", "government", "azerbaijan")
    0.0
    """

    name: str = "all sources, equal trust"
    sources: Mapping[str, float] = field(default_factory=Weights)
    kinds: Mapping[str, float] = field(default_factory=Weights)
    affiliations: Mapping[str, float] = field(default_factory=Weights)
    independent_only: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", _weights(self.sources))
        object.__setattr__(self, "kinds", _weights(self.kinds))
        object.__setattr__(self, "affiliations", _weights(self.affiliations))
        object.__setattr__(self, "independent_only", bool(self.independent_only))

    def weight(self, source: str, kind: str = "other", affiliation: str = INDEPENDENT) -> float:
        """The trust weight of a claim by ``source`` (0 means: leave it out)."""
        if self.independent_only and affiliation != INDEPENDENT:
            return 0.0
        return (
            self.sources.get(source, 1.0)
            * self.kinds.get(kind, 1.0)
            * self.affiliations.get(affiliation, 1.0)
        )

    def weigh(self, frame: pd.DataFrame) -> pd.Series:
        """The weight of every row of a claim table (index and order kept; input unchanged).

        Examples
        --------
        >>> from karabakh_tolls import load_seed_claims
        >>> w = INDEPENDENT_ONLY.weigh(load_seed_claims().frame)
        >>> int((w > 0).sum())
        11
        """
        values = [
            self.weight(str(s), str(k), str(a))
            for s, k, a in zip(
                frame["source"], frame["source_kind"], frame["source_affiliation"], strict=True
            )
        ]
        return pd.Series(values, index=frame.index, dtype="float64", name="weight")


ALL_SOURCES: Final = TrustPolicy()
"""Every source, equal trust (the default)."""

INDEPENDENT_ONLY: Final = TrustPolicy("independent sources only", independent_only=True)
"""Only sources affiliated with no party of the war."""


def sensitivity(
    claims: ClaimSet,
    scope: Scope | str | Sequence[Scope | str],
    as_of: dt.date | str,
    *,
    policy: TrustPolicy | None = None,
    complement: bool = False,
) -> pd.DataFrame:
    """Leave-one-source-out: how the range of ``scope`` on ``as_of`` moves without each source.

    One row per source of the claims (in order of first appearance): ``source``,
    ``source_name``, ``n_claims`` (how many claims it makes), ``low``, ``high`` (the range
    without it; ``high`` is NA when open), ``delta_low``, ``delta_high`` (change against the
    range with every source; NA when either high is open) and ``status``. The baseline is in
    ``frame.attrs["baseline"]``.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> table = sensitivity(kt.load_seed_claims(), kt.Scope("killed", "civilian"),
    ...                     "2020-10-06")
    >>> row = table.set_index("source").loc["azerbaijani-authorities"]
    >>> int(row["low"]), int(row["delta_low"])
    (21, -27)
    """
    from karabakh_tolls.reconcile import reconcile

    base = reconcile(claims, scope, as_of, policy=policy, complement=complement)
    frame = claims.frame
    rows = []
    for source, group in frame.groupby("source", sort=False):
        rest = claims._subset(frame.loc[frame["source"] != source])
        r = reconcile(rest, scope, as_of, policy=policy, complement=complement)
        rows.append(
            {
                "source": str(source),
                "source_name": str(group["source_name"].iloc[0]),
                "n_claims": len(group),
                "low": r.low,
                "high": r.high,
                "delta_low": r.low - base.low,
                "delta_high": None if r.high is None or base.high is None else r.high - base.high,
                "status": r.status,
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "source",
            "source_name",
            "n_claims",
            "low",
            "high",
            "delta_low",
            "delta_high",
            "status",
        ],
    )
    for column in ("n_claims", "low", "high", "delta_low", "delta_high"):
        table[column] = pd.array(table[column].tolist(), dtype="Int64")
    for column in ("source", "source_name", "status"):
        table[column] = table[column].astype("string")
    table.attrs["baseline"] = {"low": base.low, "high": base.high, "status": base.status}
    return table
