"""Source policies: whose claims to use and how much to trust them when they conflict.

A :class:`TrustPolicy` is a value. It selects claims (``independent_only``; a trust weight of 0
leaves a source out) and weighs them: when claims cannot all be true, the engine sets aside the
set of least total weight. A claim's weight is the product of its source's weight, its source
kind's weight and its affiliation's weight (each 1.0 unless the policy says otherwise). Weights
are the user's judgement, never the library's: the defaults trust every source equally.

Leave-one-source-out sensitivity (how much each source moves a range) is
:func:`karabakh_tolls.reconcile.sensitivity`.

This module imports pandas, numpy and the package's ``sources`` and ``errors``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import pandas as pd

from karabakh_tolls.errors import ArgumentTypeError, OptionError
from karabakh_tolls.sources import INDEPENDENT

__all__ = ["ALL_SOURCES", "INDEPENDENT_ONLY", "TrustPolicy", "Weights"]


class Weights(Mapping[str, float]):
    """An immutable, hashable mapping of names to nonnegative finite weights.

    Examples
    --------
    >>> Weights({"b": 2, "a": 0.5})
    Weights({'a': 0.5, 'b': 2.0})
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, float] | None = None) -> None:
        if items is not None and not isinstance(items, Mapping):
            raise ArgumentTypeError.of("weights", "a mapping of names to weights", items)
        pairs = []
        for key, value in (items or {}).items():
            try:
                weight = float(value)
            except (TypeError, ValueError):
                raise ArgumentTypeError.of(f"trust weight for {key!r}", "a number", value) from None
            if not np.isfinite(weight) or weight < 0:
                raise OptionError(
                    f"trust weight for {key!r}",
                    value,
                    detail="weights are finite and >= 0",
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
