"""Hypothesis strategies for figures, reusable by anyone testing code built on karabakh_tolls.

>>> from hypothesis import given
>>> from karabakh_tolls.testing.strategies import figures
>>> @given(figures())
... def test_round_trip(figure):
...     assert Figure.parse(figure.format()) == figure
>>> test_round_trip()
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from karabakh_tolls.figures import (
    Figure,
    Hedge,
    Share,
    at_least,
    at_most,
    between,
    exact,
    fewer_than,
    more_than,
)

__all__ = ["CANONICAL_HEDGES", "figures", "share_figures", "shares"]

CANONICAL_HEDGES: tuple[Hedge, ...] = (
    Hedge.EXACT,
    Hedge.AT_LEAST,
    Hedge.MORE_THAN,
    Hedge.AT_MOST,
    Hedge.FEWER_THAN,
    Hedge.RANGE,
)
"""Hedges whose figures :meth:`Figure.format` writes and :meth:`Figure.parse` reads back equal."""


@st.composite
def figures(
    draw: st.DrawFn,
    *,
    max_value: int = 10_000_000,
    canonical: bool = True,
    allow_open: bool = True,
) -> Figure:
    """Count figures (never shares) with bounds in ``[0, max_value]``.

    With ``canonical=True`` (the default) each figure is built by a factory (``exact``,
    ``at_least``, ``more_than``, ``at_most``, ``fewer_than``, ``between``), so its hedge fits its
    shape and ``Figure.parse(f.format()) == f``. With ``canonical=False`` the hedge is any
    count hedge, whatever the shape (as a claims table may hold).

    >>> from hypothesis import find
    >>> find(figures(), lambda f: f.is_open).is_open
    True
    """
    low = draw(st.integers(0, max_value))
    if not canonical:
        is_open = allow_open and draw(st.booleans())
        high = None if is_open else draw(st.integers(low, max_value))
        hedge = draw(st.sampled_from([h for h in Hedge if h is not Hedge.SHARE]))
        return Figure(low, high, hedge)
    hedges = [
        h for h in CANONICAL_HEDGES if allow_open or h not in (Hedge.AT_LEAST, Hedge.MORE_THAN)
    ]
    hedge = draw(st.sampled_from(hedges))
    if hedge is Hedge.EXACT:
        return exact(low)
    if hedge is Hedge.AT_LEAST:
        return at_least(low)
    if hedge is Hedge.MORE_THAN:
        return more_than(min(low, max_value - 1))
    if hedge is Hedge.AT_MOST:
        return at_most(low)
    if hedge is Hedge.FEWER_THAN:
        return fewer_than(max(low, 1))
    return between(low, draw(st.integers(low, max_value)))


@st.composite
def shares(draw: st.DrawFn, *, max_denominator: int = 1000) -> Share:
    """Shares ``[low, high]`` of fractions with denominators up to ``max_denominator``.

    >>> from hypothesis import find
    >>> share = find(shares(), lambda s: s.low < s.high)
    >>> 0 <= share.low < share.high <= 1
    True
    """
    fractions = st.fractions(min_value=0, max_value=1, max_denominator=max_denominator)
    a, b = draw(fractions), draw(fractions)
    return Share(Fraction(min(a, b)), Fraction(max(a, b)))


def share_figures(*, max_denominator: int = 1000) -> st.SearchStrategy[Figure]:
    """Share figures: ``Figure(0, None, hedge=share, share=...)``.

    >>> from hypothesis import find
    >>> find(share_figures(), lambda f: True).hedge
    <Hedge.SHARE: 'share'>
    """
    return shares(max_denominator=max_denominator).map(
        lambda share: Figure(0, None, Hedge.SHARE, share=share)
    )
