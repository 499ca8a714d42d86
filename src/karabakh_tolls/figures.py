"""Figures: what a text says about a number of people, as an integer interval.

A :class:`Figure` is ``[low, high]`` (``high=None``: open above) plus the :class:`Hedge` that
produced it and the phrase it was read from. :meth:`Figure.parse` reads the English figure
phrases of the press ("more than 6,000", "some 70,000-75,000 people", "dozens of civilians",
"1.5 million", "90 percent of women") using the hedge table in ``data/hedges.toml`` (see
``docs/hedges.md``); the phrase reader itself lives in the private module
``karabakh_tolls._parse``. Anything that is not a count of people -- a calibre, a distance, a
duration, money, a year, an ordinal -- raises :class:`~karabakh_tolls.errors.FigureParseError`
naming the text and a :class:`~karabakh_tolls.errors.Reason`.

Figures are immutable values: the constructor normalises (an open bound is always ``None``,
numpy integers become ``int``, ``hedge="exact"`` on a non-degenerate interval becomes
``range``/``at-least``) and validates (whole numbers, ``0 <= low <= high``). Equality compares
``(low, high, hedge, share)`` -- never the text; :meth:`Figure.same_interval` compares the
interval alone.

This module imports numpy (to recognise numpy scalars) and :mod:`karabakh_tolls.errors`; it
loads ``karabakh_tolls._parse`` on the first :meth:`Figure.parse` and pint (through
:mod:`karabakh_tolls.units`) only in :meth:`Figure.to_quantity`.

Examples
--------
>>> Figure.parse("more than 6,000 people")
more_than(6000)
>>> Figure.parse("some 70,000-75,000 people")
between(70000, 75000)
>>> Figure.parse("an estimated 1.5 million")
between(1350000, 1650000, hedge=Hedge.APPROXIMATE)
>>> print(exact(146) + Figure.parse("dozens of civilians"))
[170, 245]
"""

from __future__ import annotations

import dataclasses
import enum
import math
import operator
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from numbers import Rational, Real
from pathlib import Path
from typing import Any, Final

import numpy as np

from karabakh_tolls.errors import ArgumentTypeError, FigureParseError, Reason, unknown_member

__all__ = [
    "DEFAULT_TOLERANCE",
    "HEDGE_TABLE",
    "MAX_COUNT",
    "Figure",
    "Hedge",
    "HedgeRule",
    "Share",
    "at_least",
    "at_most",
    "between",
    "exact",
    "fewer_than",
    "more_than",
]


class Hedge(enum.StrEnum):
    """How a figure phrase qualifies its number; a closed vocabulary.

    Examples
    --------
    >>> Hedge("more-than") is Hedge.MORE_THAN
    True
    """

    EXACT = "exact"
    """A plain number: ``146``, ``three of her children``, ``a dozen``."""
    MORE_THAN = "more-than"
    """``more than N``, ``over N``, ``N+``: ``[N+1, open)``."""
    AT_LEAST = "at-least"
    """``at least N``, ``N or more``: ``[N, open)``."""
    FEWER_THAN = "fewer-than"
    """``fewer than N``, ``less than N``, ``under N``: ``[0, N-1]``."""
    AT_MOST = "at-most"
    """``up to N``, ``as high as N``, ``as many as N``, ``no more than N``: ``[0, N]``."""
    NEARLY = "nearly"
    """``nearly N``, ``almost N``: ``[ceil(0.9 N), N]``."""
    APPROXIMATE = "approximate"
    """``about``, ``some``, ``around``, ``roughly``, ``an estimated N``: ``N`` +/- tolerance."""
    RANGE = "range"
    """``70,000-75,000``, ``between 3 and 5``: the range itself."""
    VAGUE = "vague"
    """A quantifier without a number: ``several``, ``dozens``, ``thousands``."""
    SHARE = "share"
    """A part of a population (``50 percent``, ``half``): no count without a base."""
    IMPLICIT = "implicit"
    """A count the reader infers ("his daughter and three of her children" -> 4)."""

    @classmethod
    def _missing_(cls, value: object) -> Hedge:
        raise unknown_member(cls, value)


# ----------------------------------------------------------------------------------------------
# The hedge table (data/hedges.toml)
# ----------------------------------------------------------------------------------------------

_TABLE_PATH: Final = Path(__file__).with_name("data") / "hedges.toml"


@lru_cache(maxsize=1)
def _table() -> Mapping[str, Any]:
    with _TABLE_PATH.open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True, slots=True)
class HedgeRule:
    """One phrase form of the hedge table (``data/hedges.toml``), for docs and notebooks.

    Attributes
    ----------
    phrase : str
        The phrase as matched (lower case), e.g. ``"more than"``, ``"dozens of"``, ``"half"``.
    hedge : Hedge
        The :class:`Hedge` the phrase produces.
    kind : str
        ``"prefix"`` or ``"suffix"`` (a hedge word before/after the number), ``"vague"`` (a
        quantifier standing for a number) or ``"share"`` (a part of a population).
    rule : str
        The interval it gives, e.g. ``"[N+1, open)"`` or ``"[24, 99]"``.
    example : str
        A phrase using it.
    why : str
        The reasoning behind the bounds.

    Examples
    --------
    >>> rule = next(r for r in HEDGE_TABLE if r.phrase == "dozens")
    >>> rule.hedge, rule.rule
    (<Hedge.VAGUE: 'vague'>, '[24, 99]')
    """

    phrase: str
    hedge: Hedge
    kind: str
    rule: str
    example: str
    why: str


def _build_table() -> tuple[HedgeRule, ...]:
    data = _table()
    rows: list[HedgeRule] = []
    for entry in data["hedge"]:
        for phrase in entry["phrases"]:
            rows.append(
                HedgeRule(
                    phrase.strip(),
                    Hedge(entry["hedge"]),
                    entry["position"],
                    entry["rule"],
                    entry["example"],
                    entry["why"],
                )
            )
    for entry in data["vague"]:
        high = entry.get("high")
        rule = f"[{entry['low']}, {'open)' if high is None else f'{high}]'}"
        if entry["scalable"]:
            rule += "; before a scale S: [low*S, (high+1)*S - 1]"
        for phrase in entry["phrases"]:
            rows.append(
                HedgeRule(phrase, Hedge.VAGUE, "vague", rule, entry["example"], entry["why"])
            )
    for entry in data["share"]:
        for phrase in entry["phrases"]:
            rows.append(
                HedgeRule(
                    phrase,
                    Hedge.SHARE,
                    "share",
                    f"share {entry['value']}",
                    entry["example"],
                    entry["why"],
                )
            )
    return tuple(rows)


HEDGE_TABLE: Final[tuple[HedgeRule, ...]] = _build_table()
"""Every phrase form of ``data/hedges.toml`` as a :class:`HedgeRule`, in table order."""

DEFAULT_TOLERANCE: Final[float] = float(_table()["settings"]["default_tolerance"])
"""Relative tolerance of approximate hedges: ``about N`` -> ``[floor(0.9 N), ceil(1.1 N)]``."""


# ----------------------------------------------------------------------------------------------
# Validation helpers
# ----------------------------------------------------------------------------------------------


MAX_COUNT: Final = 2**63 - 1
"""The largest count the library holds exactly (the largest 64-bit signed integer).

Every count -- a figure's bounds, a table's ``low`` and ``high`` -- is an exact integer from 0
to ``MAX_COUNT``; a larger one is refused with ``Reason.TOO_LARGE``, never wrapped or rounded.
"""

_FLOAT_EXACT: Final = 2**53  # above this, a float no longer holds every integer


def _as_count(name: str, value: object, *, allow_inf: bool = False) -> int | None:
    """``value`` as an ``int`` in ``[0, MAX_COUNT]`` (``None`` for +inf when ``allow_inf``).

    Integers (Python or numpy), integral fractions and decimals are read exactly; an integral
    float is taken only below 2**53, from where floats stop holding every integer (``INEXACT``).
    """
    what = "a whole number of people"
    if isinstance(value, bool | np.bool_):
        raise ArgumentTypeError.of(name, what, value)
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        if isinstance(value, Decimal):
            counted = _decimal_count(name, value, allow_inf=allow_inf)
            if counted is None:
                return None
            number = counted
        elif isinstance(value, Rational):
            if value.denominator != 1:
                raise FigureParseError(
                    str(value), Reason.NOT_INTEGER, f"{name}={value} is not a whole number"
                ) from None
            number = int(value.numerator)
        elif isinstance(value, Real):
            as_float = float(value)
            if allow_inf and as_float == math.inf:
                return None
            if not (math.isfinite(as_float) and as_float.is_integer()):
                raise FigureParseError(
                    str(value),
                    Reason.NOT_INTEGER,
                    f"{name}={value} is not a whole number of people",
                ) from None
            if abs(as_float) >= _FLOAT_EXACT:
                raise FigureParseError(
                    str(value),
                    Reason.INEXACT,
                    f"{name}={value!r} is a float of 2**53 or more, which may have been rounded; "
                    "pass the count as an int",
                ) from None
            number = int(as_float)
        else:
            raise ArgumentTypeError.of(name, what, value) from None
    if number < 0:
        raise FigureParseError(str(value), Reason.NEGATIVE, f"{name}={number} is negative")
    if number > MAX_COUNT:
        raise FigureParseError(
            _short(number), Reason.TOO_LARGE, f"{name} is above 2**63 - 1 = {MAX_COUNT}"
        )
    return number


def _decimal_count(name: str, value: Decimal, *, allow_inf: bool) -> int | None:
    """A decimal as an exact count, checked before any big conversion."""
    if value.is_nan():
        raise FigureParseError(str(value), Reason.NOT_INTEGER, f"{name}={value} is not a number")
    if value.is_infinite():
        if allow_inf and value > 0:
            return None
        raise FigureParseError(str(value), Reason.NOT_INTEGER, f"{name}={value} is not finite")
    if value.is_zero():
        return 0
    if value.adjusted() >= 19:  # |value| >= 10**19 > MAX_COUNT: do not build the integer
        reason = Reason.NEGATIVE if value < 0 else Reason.TOO_LARGE
        raise FigureParseError(_short(value), reason, f"{name} is outside 0..2**63 - 1")
    if value.adjusted() < 0 or value != value.to_integral_value():
        raise FigureParseError(str(value), Reason.NOT_INTEGER, f"{name}={value} is not whole")
    return int(value)


def _short(value: object) -> str:
    """A number's text, abridged in the middle when it is very long."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} characters)"


def _shape_hedge(low: int, high: int | None) -> Hedge:
    """The plain hedge of an interval: exact point, closed range or open floor."""
    if high is None:
        return Hedge.AT_LEAST
    return Hedge.EXACT if low == high else Hedge.RANGE


# ----------------------------------------------------------------------------------------------
# Share
# ----------------------------------------------------------------------------------------------

_SAME: Final = Fraction(-1)  # sentinel: Share(p) means Share(p, p)


def _as_fraction(name: str, value: object) -> Fraction:
    if isinstance(value, bool | np.bool_):
        raise ArgumentTypeError.of(name, "a fraction between 0 and 1", value)
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise FigureParseError(str(value), Reason.BAD_VALUE, f"{name}={value!r} is not finite")
        return Fraction(str(value))  # 0.1 -> 1/10, not the binary float
    if isinstance(value, Rational | Decimal | str | int):
        try:
            return Fraction(value)
        except ValueError:
            raise FigureParseError(
                str(value), Reason.BAD_VALUE, f"{name}={value!r} is not a fraction"
            ) from None
    raise ArgumentTypeError.of(name, "a fraction between 0 and 1", value)


@dataclass(frozen=True, slots=True)
class Share:
    """A part of a population, as a closed interval of fractions ``0 <= low <= high <= 1``.

    A share alone implies nothing about a count; :meth:`of` turns it into one given the base.
    ``Share(p)`` is the exact share ``[p, p]``. Inputs may be ``Fraction``, ``int``, ``str``
    (``"1/3"``) or ``float`` (read through its decimal text, so ``0.1`` is ``1/10``).

    Parameters
    ----------
    low : Fraction
        The least share.
    high : Fraction, optional
        The greatest share; by default ``low`` (an exact share).

    Raises
    ------
    FigureParseError
        Unless ``0 <= low <= high <= 1``, or for a value that is not a fraction (``"x"``,
        ``nan``); ``Reason.BAD_VALUE``. It is a ``ValueError``.
    ArgumentTypeError
        For a bool or a value of another type (it is a ``TypeError``).

    Examples
    --------
    >>> Share(Fraction(1, 2)).of(exact(146))
    exact(73)
    >>> Share(Fraction(45, 100), Fraction(55, 100)).of(between(70000, 75000))
    between(31500, 41250)
    >>> print(Share(Fraction(1, 3)))
    1/3
    """

    low: Fraction
    high: Fraction = _SAME

    def __post_init__(self) -> None:
        low = _as_fraction("low", self.low)
        high = low if self.high is _SAME else _as_fraction("high", self.high)
        if not 0 <= low <= high <= 1:
            raise FigureParseError(
                f"{low}..{high}",
                Reason.BAD_VALUE,
                f"a share needs 0 <= low <= high <= 1, got low={low}, high={high}",
            )
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    def of(self, base: Figure) -> Figure:
        """The count this share is of ``base``.

        The count is ``[floor(low * base.low), ceil(high * base.high)]``, open when the base is
        open and the share is not zero; it always contains the share of every count in ``base``.

        Parameters
        ----------
        base : Figure
            A count (not a share), e.g. the people of a place.

        Returns
        -------
        Figure
            The count, with the plain hedge of its shape (exact, range or at-least).

        Raises
        ------
        ArgumentTypeError
            If ``base`` is not a :class:`Figure` or is itself a share (a ``TypeError``).

        Examples
        --------
        >>> Share(Fraction(9, 10)).of(at_least(1000))
        at_least(900)
        """
        if not isinstance(base, Figure):
            raise ArgumentTypeError.of("base", "a Figure", base)
        if base.share is not None:
            raise ArgumentTypeError.of("base", "a count, not a share", base)
        low = math.floor(self.low * base.low)
        if base.high is None:
            high = 0 if self.high == 0 else None
        else:
            high = math.ceil(self.high * base.high)
        return Figure(low, high, _shape_hedge(low, high))

    def __str__(self) -> str:
        def one(p: Fraction) -> str:
            text = _decimal(p * 100)
            return f"{text}%" if text is not None else str(p)

        return one(self.low) if self.low == self.high else f"{one(self.low)}-{one(self.high)}"


def _decimal(value: Fraction) -> str | None:
    """``value`` as a finite decimal string, or ``None`` if it has none."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return None
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# ----------------------------------------------------------------------------------------------
# Figure
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """What a text says about a number of people: the integer interval ``[low, high]``.

    Equality and hashing use ``(low, high, hedge, share)``; ``bool(figure)`` raises
    ``TypeError`` (is ``[0, 5]`` true?).

    Parameters
    ----------
    low : int
        Least count consistent with the text (``>= 0``).
    high : int or None
        Greatest count, or ``None`` when nothing bounds it above (never ``inf``: an infinite
        float is normalised to ``None``).
    hedge : Hedge or str, default Hedge.EXACT
        The hedge that produced the interval. ``"exact"`` (the default) on an interval wider
        than one point is normalised to ``range`` (closed) or ``at-least`` (open).
    text : str, default ""
        The phrase it was read from; not part of equality.
    share : Share or None, default None
        For a share ("50 percent"), the fraction; a share figure is ``[0, open)`` with hedge
        ``share`` (a share alone says nothing about a count).

    Raises
    ------
    FigureParseError
        A bound that is not whole (``2.5``: ``Reason.NOT_INTEGER``; ``int``, numpy integers
        and integral floats or decimals such as ``146.0`` are taken), a negative bound
        (``Reason.NEGATIVE``), a bound above :data:`MAX_COUNT` (``Reason.TOO_LARGE``), an
        integral float of 2**53 or more, which may have been rounded (``Reason.INEXACT``: pass an
        ``int``), ``high < low`` (``Reason.LOW_ABOVE_HIGH``: "high=90 is below low=120") or an
        unknown hedge (``Reason.UNKNOWN_TERM``). It is a ``ValueError``.
    ArgumentTypeError
        A bool, a string or ``None`` for ``low``; a ``share`` that is not a :class:`Share`; a
        ``text`` that is not a string. It is a ``TypeError``.

    Examples
    --------
    >>> Figure(6001, None)
    at_least(6001)
    >>> print(Figure(146, 146))
    [146, 146]
    >>> Figure(120, 90)
    Traceback (most recent call last):
    ...
    karabakh_tolls.errors.FigureParseError: cannot read '[120, 90]' ...: high=90 is below low=120
    """

    low: int
    high: int | None
    hedge: Hedge = Hedge.EXACT
    text: str = field(default="", compare=False)
    share: Share | None = None

    def __post_init__(self) -> None:
        low = _as_count("low", self.low)
        if low is None:  # pragma: no cover - allow_inf is False
            raise AssertionError
        high = None if self.high is None else _as_count("high", self.high, allow_inf=True)
        if high is not None and high < low:
            raise FigureParseError(
                f"[{low}, {high}]", Reason.LOW_ABOVE_HIGH, f"high={high} is below low={low}"
            )
        try:
            hedge = Hedge(self.hedge)
        except ValueError:
            raise FigureParseError(
                str(self.hedge),
                Reason.UNKNOWN_TERM,
                f"hedge={self.hedge!r} is not one of {[h.value for h in Hedge]}",
            ) from None
        if self.share is not None and not isinstance(self.share, Share):
            raise ArgumentTypeError.of("share", "a Share or None", self.share)
        if not isinstance(self.text, str):
            raise ArgumentTypeError.of("text", "a str", self.text)
        if hedge is Hedge.EXACT:
            hedge = Hedge.SHARE if self.share is not None else _shape_hedge(low, high)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        object.__setattr__(self, "hedge", hedge)

    # -- reading and writing -------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, *, tolerance: float = DEFAULT_TOLERANCE) -> Figure:
        """Read an English figure phrase as a :class:`Figure`.

        Reads every form of the hedge table (``docs/hedges.md``): plain numbers in digits or
        words ("146", "1,166", "twenty-one", "a dozen"), scale words ("1.5 million", "70k"),
        comparatives ("more than 6,000", "6,000+", "up to 5,000", "fewer than 10"),
        "nearly/almost N", approximations ("about", "some", "an estimated"...), ranges
        ("70,000-75,000", "between 3 and 5", "1.5-2 million"), vague quantifiers ("several",
        "dozens", "thousands", "several hundred") and shares ("50 percent", "half",
        "one in five"). A trailing noun phrase ("people", "of her children") is allowed.
        Case, surrounding whitespace, non-breaking spaces and en dashes are tolerated.

        Parameters
        ----------
        text : str
            The phrase.
        tolerance : float, default DEFAULT_TOLERANCE
            Relative tolerance ``t`` of approximate hedges, ``0 <= t <= 1``: "about N" gives
            ``[floor(N(1-t)), ceil(N(1+t))]``. Applies also to approximate shares.

        Returns
        -------
        Figure
            The interval the phrase allows, its hedge, and ``text`` as given.

        Raises
        ------
        ArgumentTypeError
            If ``text`` is not a string or ``tolerance`` not a number (a ``TypeError``).
        FigureParseError
            With ``Reason.EMPTY`` (blank text), ``NOT_A_NUMBER`` (no count, an ordinal, a list
            of figures), ``NOT_PEOPLE`` (a unit other than people: "300mm", "100 km", "six
            weeks", money), ``YEAR`` ("1915", "in 1994", "1915-1923"), ``NOT_INTEGER`` ("2.5",
            "1.2345 thousand"), ``LOW_ABOVE_HIGH`` ("120-90"), ``NEGATIVE``; ``BAD_VALUE`` for a
            ``tolerance`` outside ``[0, 1]``. It is a ``ValueError``.

        Examples
        --------
        >>> Figure.parse("1,166 of its soldiers")
        exact(1166)
        >>> Figure.parse("about 100", tolerance=0.2)
        between(80, 120, hedge=Hedge.APPROXIMATE)
        >>> Figure.parse("nearly 1,000").low
        900
        >>> Figure.parse("90 percent of women").share
        Share(low=Fraction(9, 10), high=Fraction(9, 10))
        >>> Figure.parse("300mm")
        Traceback (most recent call last):
        ...
        karabakh_tolls.errors.FigureParseError: cannot read '300mm' ...: 'mm' measures [length], ...
        """
        if not isinstance(text, str):
            raise ArgumentTypeError.of("text", "a str", text)
        from karabakh_tolls._parse import parse_figure  # the reader; imports this module

        return parse_figure(text, _tolerance(tolerance))

    def format(self) -> str:
        """A canonical English phrase for this figure, read back by :meth:`parse`.

        ``Figure.parse(f.format())`` has the same interval as ``f`` for every figure, and
        equals ``f`` whenever the hedge is the canonical one for its shape -- ``exact``
        (``"146"``), ``at-least`` (``"at least 6,001"``), ``more-than`` (``"more than
        6,000"``), ``at-most`` (``"up to 5,000"``), ``fewer-than`` (``"fewer than 10"``),
        ``range`` (``"between 3 and 5"``) -- which is what the factories and :meth:`parse`
        produce. Other hedges (approximate, nearly, vague, implicit) come back as ``range``
        or ``at-least``. Shares come back as shares ("50 percent", "1 in 3").

        Examples
        --------
        >>> more_than(6000).format()
        'more than 6,000'
        >>> Figure.parse(between(70000, 75000).format())
        between(70000, 75000)
        """
        if self.share is not None:
            share = self.share
            if share.low == share.high:
                return _format_share(share.low)
            return f"between {_format_share(share.low)} and {_format_share(share.high)}"
        low, high, hedge = self.low, self.high, self.hedge
        if high is None:
            if hedge is Hedge.MORE_THAN and low >= 1:
                return f"more than {low - 1:,}"
            return f"at least {low:,}"
        if low == high and hedge is Hedge.EXACT:
            return f"{low:,}"
        if low == 0 and hedge is Hedge.AT_MOST:
            return f"up to {high:,}"
        if low == 0 and hedge is Hedge.FEWER_THAN:
            return f"fewer than {high + 1:,}"
        if low == high and hedge is not Hedge.RANGE:
            return f"{low:,}"
        return f"between {low:,} and {high:,}"

    # -- the interval --------------------------------------------------------------------------

    @property
    def is_exact(self) -> bool:
        """True when the interval is one count (``low == high``).

        Examples
        --------
        >>> exact(146).is_exact, at_least(6001).is_exact
        (True, False)
        """
        return self.low == self.high

    @property
    def is_open(self) -> bool:
        """True when nothing bounds the count above (``high is None``).

        Examples
        --------
        >>> at_least(6001).is_open
        True
        """
        return self.high is None

    @property
    def width(self) -> int | None:
        """``high - low``, or ``None`` when open (an exact figure has width 0).

        Examples
        --------
        >>> between(70000, 75000).width
        5000
        """
        return None if self.high is None else self.high - self.low

    def contains(self, x: int | Figure) -> bool:
        """Whether the count ``x`` (or every count of the figure ``x``) lies in this interval.

        Examples
        --------
        >>> at_least(6001).contains(146), at_least(100).contains(between(200, 300))
        (False, True)
        """
        if isinstance(x, Figure):
            if x.low < self.low:
                return False
            if self.high is None:
                return True
            return x.high is not None and x.high <= self.high
        count = _as_count("x", x)
        assert count is not None
        return self.low <= count and (self.high is None or count <= self.high)

    def __contains__(self, x: object) -> bool:
        if isinstance(x, Figure | int | np.integer) and not isinstance(x, bool):
            try:
                return self.contains(x)  # type: ignore[arg-type]
            except FigureParseError:  # a negative count is in no figure
                return False
        return False

    def same_interval(self, other: Figure) -> bool:
        """Whether ``other`` has the same ``(low, high)``, whatever the hedges.

        Examples
        --------
        >>> Figure.parse("between 3 and 5").same_interval(Figure.parse("3 to 5"))
        True
        """
        return (self.low, self.high) == (other.low, other.high)

    def intersection(self, other: Figure) -> Figure | None:
        """The counts both figures allow, or ``None`` when they are disjoint (also ``a & b``).

        The hedge of the result is the plain one of its shape (exact, range or at-least).

        Examples
        --------
        >>> at_least(6001) & between(5000, 7000)
        between(6001, 7000)
        >>> exact(146) & at_least(6001) is None
        True
        """
        _check_counts(self, other, "intersect")
        low = max(self.low, other.low)
        highs = [h for h in (self.high, other.high) if h is not None]
        high = min(highs) if highs else None
        if high is not None and high < low:
            return None
        return Figure(low, high, _shape_hedge(low, high))

    def __and__(self, other: object) -> Figure | None:
        if not isinstance(other, Figure):
            return NotImplemented
        return self.intersection(other)

    def __add__(self, other: object) -> Figure:
        """The interval of the sum: ``[a.low + b.low, a.high + b.high]`` (open if either is).

        Adding ``0`` returns the figure unchanged, so ``sum(figures)`` works; any other ``int``
        is added as an exact count. The hedge of a sum is the plain one of its shape.

        Examples
        --------
        >>> exact(19) + exact(27) + between(2, 3)
        between(48, 49)
        >>> sum([exact(19), at_least(27)])
        at_least(46)
        """
        if isinstance(other, int | np.integer) and not isinstance(other, bool):
            if other == 0:
                return self
            other = exact(int(other))
        if not isinstance(other, Figure):
            return NotImplemented
        _check_counts(self, other, "add")
        low = self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Figure(low, high, _shape_hedge(low, high))

    def __radd__(self, other: object) -> Figure:
        return self.__add__(other)

    def __bool__(self) -> bool:
        raise ArgumentTypeError(
            "a Figure",
            "",
            "",
            "the truth value of a Figure is ambiguous; use .is_exact, .is_open, "
            ".contains(x) or compare .low and .high",
        )

    def evolve(self, **changes: Any) -> Figure:
        """A copy with some fields changed (validated and normalised like a new figure).

        Examples
        --------
        >>> exact(146).evolve(high=200)
        between(146, 200)
        """
        return dataclasses.replace(self, **changes)

    def to_quantity(self) -> tuple[Any, Any | None]:
        """The bounds as pint quantities of people: ``(low, high)``, ``high`` ``None`` if open.

        Examples
        --------
        >>> low, high = at_least(6001).to_quantity()
        >>> low, high
        (<Quantity(6001, 'person')>, None)
        """
        from karabakh_tolls.units import people

        return people(self.low), None if self.high is None else people(self.high)

    # -- display -------------------------------------------------------------------------------

    def __repr__(self) -> str:
        low, high, hedge = self.low, self.high, self.hedge
        if self.share is not None:
            return f"Figure(low={low}, high={high}, hedge=Hedge.{hedge.name}, share={self.share!r})"
        if high is None:
            if hedge is Hedge.MORE_THAN and low >= 1:
                return f"more_than({low - 1})"
            call, kind = f"at_least({low}", Hedge.AT_LEAST
        elif low == high and hedge is Hedge.EXACT:
            return f"exact({low})"
        elif low == 0 and hedge is Hedge.AT_MOST:
            return f"at_most({high})"
        elif low == 0 and hedge is Hedge.FEWER_THAN:
            return f"fewer_than({high + 1})"
        elif low == high and hedge is not Hedge.RANGE:
            call, kind = f"exact({low}", Hedge.EXACT
        else:
            call, kind = f"between({low}, {high}", Hedge.RANGE
        return f"{call})" if hedge is kind else f"{call}, hedge=Hedge.{hedge.name})"

    def __str__(self) -> str:
        if self.share is not None:
            return f"share {self.share}"
        return f"[{self.low}, {'open)' if self.high is None else f'{self.high}]'}"


def _check_counts(a: Figure, b: Figure, verb: str) -> None:
    if a.share is not None or b.share is not None:
        raise ArgumentTypeError(
            "a figure",
            "",
            "",
            f"cannot {verb} a share; turn it into a count with share.of(base) first",
        )


def _format_share(p: Fraction) -> str:
    percent = _decimal(p * 100)
    if percent is not None:
        return f"{percent} percent"
    return f"{p.numerator:,} in {p.denominator:,}"


def _tolerance(tolerance: object) -> Fraction:
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real | Decimal):
        raise ArgumentTypeError.of("tolerance", "a number between 0 and 1", tolerance)
    t = _as_fraction("tolerance", tolerance)
    if not 0 <= t <= 1:
        raise FigureParseError(
            str(tolerance), Reason.BAD_VALUE, f"tolerance={tolerance!r} is not between 0 and 1"
        )
    return t


# ----------------------------------------------------------------------------------------------
# Factories
# ----------------------------------------------------------------------------------------------


def exact(n: int, *, hedge: Hedge | str = Hedge.EXACT, text: str = "") -> Figure:
    """Exactly ``n`` people: ``[n, n]``.

    Parameters
    ----------
    n : int
        The count (``>= 0``).
    hedge : Hedge or str, default Hedge.EXACT
        The hedge to record, e.g. ``Hedge.IMPLICIT`` for an inferred count.
    text : str, default ""
        The phrase the figure was read from (not part of equality).

    Examples
    --------
    >>> exact(146)
    exact(146)
    >>> exact(4, hedge=Hedge.IMPLICIT)
    exact(4, hedge=Hedge.IMPLICIT)
    """
    return Figure(n, n, Hedge(hedge), text)


def at_least(n: int, *, hedge: Hedge | str = Hedge.AT_LEAST, text: str = "") -> Figure:
    """At least ``n`` people: ``[n, open)``.

    Parameters
    ----------
    n : int
        The least count (``>= 0``).
    hedge : Hedge or str, default Hedge.AT_LEAST
        The hedge to record, e.g. ``Hedge.IMPLICIT`` for an inferred count.
    text : str, default ""
        The phrase the figure was read from (not part of equality).

    Examples
    --------
    >>> at_least(6001)
    at_least(6001)
    """
    return Figure(n, None, Hedge(hedge), text)


def more_than(n: int, *, text: str = "") -> Figure:
    """More than ``n`` people: ``[n + 1, open)``.

    Parameters
    ----------
    n : int
        The count exceeded (``>= 0``).
    text : str, default ""
        The phrase the figure was read from (not part of equality).

    Examples
    --------
    >>> more_than(6000).low
    6001
    """
    count = _as_count("n", n)
    assert count is not None
    return Figure(count + 1, None, Hedge.MORE_THAN, text)


def at_most(n: int, *, text: str = "") -> Figure:
    """At most ``n`` people ("up to", "as high as"): ``[0, n]``.

    Parameters
    ----------
    n : int
        The greatest count (``>= 0``).
    text : str, default ""
        The phrase the figure was read from (not part of equality).

    Examples
    --------
    >>> print(at_most(5000))
    [0, 5000]
    """
    return Figure(0, n, Hedge.AT_MOST, text)


def fewer_than(n: int, *, text: str = "") -> Figure:
    """Fewer than ``n`` people: ``[0, n - 1]`` (``n >= 1``).

    Parameters
    ----------
    n : int
        The count not reached (``>= 1``: ``fewer_than(0)`` raises ``FigureParseError``).
    text : str, default ""
        The phrase the figure was read from (not part of equality).

    Examples
    --------
    >>> print(fewer_than(10))
    [0, 9]
    """
    count = _as_count("n", n)
    assert count is not None
    if count == 0:
        raise FigureParseError(
            "fewer than 0", Reason.NEGATIVE, "fewer_than(0): no count of people is below 0"
        )
    return Figure(0, count - 1, Hedge.FEWER_THAN, text)


def between(a: int, b: int, *, hedge: Hedge | str = Hedge.RANGE, text: str = "") -> Figure:
    """Between ``a`` and ``b`` people, both included: ``[a, b]``.

    Parameters
    ----------
    a : int
        The least count (``>= 0``).
    b : int
        The greatest count (``>= a``).
    hedge : Hedge or str, default Hedge.RANGE
        The hedge to record, e.g. ``Hedge.IMPLICIT`` for an inferred count.
    text : str, default ""
        The phrase the figure was read from (not part of equality).

    Examples
    --------
    >>> between(70000, 75000)
    between(70000, 75000)
    """
    return Figure(a, b, Hedge(hedge), text)
