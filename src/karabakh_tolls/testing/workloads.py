"""The truth-discovery workload: many objects, each with a few disagreeing claims, and the truth.

:func:`disagreement_workload` draws the workload on which truth-discovery methods are usually
compared, with the hidden truth kept for scoring:

* each object's true count is ``round(exp(U(0, 8))) + 1`` (2 to about 3,000);
* there are ``n_sources`` sources (200); each has a bias factor ``exp(N(0, 0.3))`` and a
  log-noise standard deviation ``U(0.05, 0.8)``; ``partisans`` of them (15) carry an extra
  factor of 2.5 or 0.4 (each side with probability one half);
* each object gets between 3 and 8 claims (uniformly) from as many distinct sources, drawn
  without replacement; a claim is ``round(truth * bias * partisan * exp(sd * z))``;
* ``hedged`` turns that share of claims into hedged phrases, as a reporter would write them,
  and reads them back with :meth:`~karabakh_tolls.figures.Figure.parse` (the hedge table):
  "more than N" (N the largest of 1, 2, 5 x 10^k below the claimed number), "up to N" (the
  smallest such number at or above it), or the vague word of the hedge table whose interval
  holds it ("several", "dozens", "scores", "hundreds", "thousands"), chosen with equal
  probability among the forms that apply.

>>> w = disagreement_workload(100, seed=1, hedged=0.3)
>>> sorted(w.table.columns)
['high', 'low', 'object', 'source', 'text', 'value']
>>> bool((w.table.groupby("object").size().between(3, 8)).all())
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from karabakh_tolls.figures import Figure

__all__ = ["Workload", "disagreement_workload"]

_VAGUE: Final = ("several", "dozens", "scores", "hundreds", "thousands")


@dataclass(frozen=True, slots=True, eq=False)
class Workload:
    """A drawn workload.

    Attributes
    ----------
    table:
        One row per claim: ``object``, ``source`` (``"s000"`` ...), ``low``, ``high``
        (nullable integers; ``high`` missing where open), ``value`` (the number the source had in
        mind before hedging) and ``text`` (the phrase, or the number).
    truth:
        The true count of object ``i`` at position ``i``.
    bias, spread:
        Each source's true bias factor (partisan factor included) and log-noise sd.
    """

    table: pd.DataFrame
    truth: npt.NDArray[np.int64]
    bias: npt.NDArray[np.float64]
    spread: npt.NDArray[np.float64]


@cache
def _vague_bounds() -> tuple[tuple[str, int, int], ...]:
    out = []
    for word in _VAGUE:
        f = Figure.parse(word)
        assert f.high is not None
        out.append((word, f.low, f.high))
    return tuple(out)


def _round_numbers() -> npt.NDArray[np.int64]:
    base = np.array([1, 2, 5], dtype=np.int64)
    return np.sort(np.concatenate([base * 10**k for k in range(16)]))


@cache
def _parsed(text: str) -> tuple[int, int | None]:
    f = Figure.parse(text)
    return f.low, f.high


def _hedge(
    rng: np.random.Generator, values: npt.NDArray[np.int64]
) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    rounds = _round_numbers()
    below = np.searchsorted(rounds, values, side="left") - 1  # largest round number < value
    above = np.searchsorted(rounds, values, side="left")  # smallest round number >= value
    vague = _vague_bounds()
    forms = np.zeros((len(values), 2 + len(vague)), dtype=bool)
    forms[:, 0] = below >= 0
    forms[:, 1] = True
    for j, (_, lo, hi) in enumerate(vague):
        forms[:, 2 + j] = (values >= lo) & (values <= hi)
    keys = rng.random(forms.shape)
    choice = np.argmax(np.where(forms, keys, -1.0), axis=1)
    texts: list[str] = []
    lows = np.empty(len(values), np.int64)
    highs = np.empty(len(values), np.int64)
    open_high = np.zeros(len(values), bool)
    for i, (form, v) in enumerate(zip(choice.tolist(), values.tolist(), strict=True)):
        if form == 0:
            text = f"more than {int(rounds[below[i]]):,}"
        elif form == 1:
            text = f"up to {int(rounds[above[i]]):,}" if v > 0 else "up to 1"
        else:
            text = vague[form - 2][0]
        f_low, f_high = _parsed(text)
        texts.append(text)
        lows[i] = f_low
        open_high[i] = f_high is None
        highs[i] = 0 if f_high is None else f_high
    return texts, lows, highs, open_high


def disagreement_workload(
    n_objects: int,
    *,
    seed: int,
    n_sources: int = 200,
    partisans: int = 15,
    claims: tuple[int, int] = (3, 8),
    hedged: float = 0.0,
) -> Workload:
    """Draw the workload described in the module docstring.

    Parameters
    ----------
    n_objects:
        Number of objects (each gets ``claims[0]`` to ``claims[1]`` claims).
    seed:
        Seed of the random generator: the same seed gives the same workload.
    n_sources, partisans:
        Number of sources, and how many of them are partisan.
    claims:
        Least and most claims per object (at most ``n_sources``).
    hedged:
        Share of claims turned into hedged phrases, in ``[0, 1]``.

    Returns
    -------
    Workload

    Examples
    --------
    >>> w = disagreement_workload(50, seed=3)
    >>> len(w.truth), bool((w.table["low"] == w.table["high"]).all())
    (50, True)
    """
    if not 0.0 <= hedged <= 1.0:
        raise ValueError(f"hedged={hedged!r} must lie in [0, 1]")
    lo_k, hi_k = claims
    if not 1 <= lo_k <= hi_k <= n_sources:
        raise ValueError(f"claims={claims!r} must satisfy 1 <= least <= most <= n_sources")
    rng = np.random.default_rng(seed)
    truth = np.rint(np.exp(rng.uniform(0.0, 8.0, n_objects))).astype(np.int64) + 1
    bias = np.exp(rng.normal(0.0, 0.3, n_sources))
    spread = rng.uniform(0.05, 0.8, n_sources)
    chosen = rng.choice(n_sources, size=min(partisans, n_sources), replace=False)
    bias[chosen] *= np.where(rng.random(len(chosen)) < 0.5, 2.5, 0.4)

    k = rng.integers(lo_k, hi_k + 1, n_objects)
    keys = rng.random((n_objects, n_sources))
    picks = np.argpartition(keys, hi_k - 1, axis=1)[:, :hi_k]
    # keep the order of the keys among the picked so the first k are a uniform draw
    order = np.argsort(np.take_along_axis(keys, picks, axis=1), axis=1)
    picks = np.take_along_axis(picks, order, axis=1)
    mask = np.arange(hi_k)[None, :] < k[:, None]
    obj = np.repeat(np.arange(n_objects), k)
    src = picks[mask]
    noise = rng.normal(0.0, 1.0, len(obj))
    value = np.rint(truth[obj] * bias[src] * np.exp(spread[src] * noise)).astype(np.int64)
    value = np.maximum(value, 0)

    low = value.copy()
    high = value.copy()
    open_high = np.zeros(len(obj), bool)
    texts = np.array([f"{v:,}" for v in value.tolist()], dtype=object)
    if hedged > 0:
        hedge_rows = np.flatnonzero(rng.random(len(obj)) < hedged)
        t, lo_h, hi_h, op = _hedge(rng, value[hedge_rows])
        texts[hedge_rows] = t
        low[hedge_rows] = lo_h
        high[hedge_rows] = hi_h
        open_high[hedge_rows] = op
    width = len(str(n_sources - 1))
    names = np.array([f"s{i:0{width}d}" for i in range(n_sources)], dtype=object)
    table = pd.DataFrame(
        {
            "object": obj,
            "source": names[src],
            "low": pd.array(low, dtype="Int64"),
            "high": pd.array(np.where(open_high, 0, high), dtype="Int64"),
            "value": value,
            "text": texts,
        }
    )
    table.loc[open_high, "high"] = pd.NA
    return Workload(table, truth, bias, spread)
