"""Figures: what a text says about a number of people, as an integer interval.

A :class:`Figure` is ``[low, high]`` (``high=None``: open above) plus the :class:`Hedge` that
produced it and the phrase it was read from. :meth:`Figure.parse` reads the English figure
phrases of the press ("more than 6,000", "some 70,000-75,000 people", "dozens of civilians",
"1.5 million", "90 percent of women") using the hedge table in ``data/hedges.toml``; the code
here is only the reader of that table (see ``docs/hedges.md``). Anything that is not a count of
people -- a calibre, a distance, a duration, money, a year, an ordinal -- raises
:class:`~karabakh_tolls.errors.FigureParseError` naming the text and a
:class:`~karabakh_tolls.errors.Reason`.

Figures are immutable values: the constructor normalises (an open bound is always ``None``,
numpy integers become ``int``, ``hedge="exact"`` on a non-degenerate interval becomes
``range``/``at-least``) and validates (whole numbers, ``0 <= low <= high``). Equality compares
``(low, high, hedge, share)`` -- never the text; :meth:`Figure.same_interval` compares the
interval alone.

>>> Figure.parse("more than 6,000 people")
more_than(6000)
>>> Figure.parse("some 70,000-75,000 people")
between(70000, 75000)
>>> Figure.parse("an estimated 1.5 million")
between(1350000, 1650000, hedge=Hedge.APPROXIMATE)
>>> print(exact(146) + Figure.parse("dozens of civilians"))
[170, 245]

This module imports pint (through :mod:`karabakh_tolls.units`, only when a unit must be
checked), numpy (to recognise numpy scalars) and :mod:`karabakh_tolls.errors`.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import operator
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from numbers import Rational, Real
from pathlib import Path
from typing import Any, Final, TypeVar

import numpy as np

from karabakh_tolls.errors import FigureParseError, Reason

__all__ = [
    "DEFAULT_TOLERANCE",
    "HEDGE_TABLE",
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
    phrase:
        The phrase as matched (lower case), e.g. ``"more than"``, ``"dozens of"``, ``"half"``.
    hedge:
        The :class:`Hedge` the phrase produces.
    kind:
        ``"prefix"`` or ``"suffix"`` (a hedge word before/after the number), ``"vague"`` (a
        quantifier standing for a number) or ``"share"`` (a part of a population).
    rule:
        The interval it gives, e.g. ``"[N+1, open)"`` or ``"[24, 99]"``.
    example:
        A phrase using it.
    why:
        The reasoning behind the bounds.

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


@dataclass(frozen=True, slots=True)
class _Vague:
    low: int
    high: int | None
    scalable: bool


def _fraction_pair(value: str) -> tuple[Fraction, Fraction]:
    low, _, high = value.partition("..")
    return Fraction(low), Fraction(high or low)


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

_NEARLY: Final = Fraction(str(_table()["settings"]["nearly_factor"]))


# ----------------------------------------------------------------------------------------------
# Validation helpers
# ----------------------------------------------------------------------------------------------


def _as_count(name: str, value: object, *, allow_inf: bool = False) -> int | None:
    """``value`` as a non-negative ``int`` (``None`` for +inf when ``allow_inf``)."""
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be a whole number of people, got the bool {value!r}")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        if not isinstance(value, Real | Decimal):
            raise TypeError(
                f"{name} must be a whole number of people, got {type(value).__name__} {value!r}"
            ) from None
        as_float = float(value)
        if allow_inf and as_float == math.inf:
            return None
        if not (math.isfinite(as_float) and as_float.is_integer()):
            raise FigureParseError(
                str(value), Reason.NOT_INTEGER, f"{name}={value} is not a whole number of people"
            ) from None
        number = int(as_float)
    if number < 0:
        raise FigureParseError(str(value), Reason.NEGATIVE, f"{name}={number} is negative")
    return number


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
        raise TypeError(f"{name} must be a fraction between 0 and 1, got the bool {value!r}")
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
    raise TypeError(f"{name} must be a fraction between 0 and 1, got {type(value).__name__}")


@dataclass(frozen=True, slots=True)
class Share:
    """A part of a population, as a closed interval of fractions ``0 <= low <= high <= 1``.

    A share alone implies nothing about a count; :meth:`of` turns it into one given the base.
    ``Share(p)`` is the exact share ``[p, p]``. Inputs may be ``Fraction``, ``int``, ``str``
    (``"1/3"``) or ``float`` (read through its decimal text, so ``0.1`` is ``1/10``).

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
        """The count this share is of ``base``: ``[floor(low * base.low), ceil(high *
        base.high)]`` (open when the base is open and the share is not zero).

        The result always contains the share of every count in ``base``.

        >>> Share(Fraction(9, 10)).of(at_least(1000))
        at_least(900)
        """
        if not isinstance(base, Figure):
            raise TypeError(f"base must be a Figure, got {type(base).__name__}")
        if base.share is not None:
            raise TypeError(f"base must be a count, not a share: {base!r}")
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

    Parameters
    ----------
    low:
        Least count consistent with the text (``>= 0``).
    high:
        Greatest count, or ``None`` when nothing bounds it above (never ``inf``: an infinite
        float is normalised to ``None``).
    hedge:
        The hedge that produced the interval. ``"exact"`` (the default) on an interval wider
        than one point is normalised to ``range`` (closed) or ``at-least`` (open).
    text:
        The phrase it was read from; not part of equality.
    share:
        For a share ("50 percent"), the fraction; a share figure is ``[0, open)`` with hedge
        ``share`` (a share alone says nothing about a count).

    Bounds must be whole numbers: ``int`` and numpy integers are taken, floats and decimals
    only when integral (``146.0``); ``2.5`` raises
    :class:`~karabakh_tolls.errors.FigureParseError` (``Reason.NOT_INTEGER``), a negative bound
    ``Reason.NEGATIVE`` and ``high < low`` ``Reason.LOW_ABOVE_HIGH`` ("high=90 is below
    low=120"); a bool, a string or ``None`` for ``low`` raises ``TypeError``. All are
    ``ValueError``/``TypeError`` subclasses as usual.

    Equality and hashing use ``(low, high, hedge, share)``; ``bool(figure)`` raises
    ``TypeError`` (is ``[0, 5]`` true?).

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
            raise TypeError(f"share must be a Share or None, got {type(self.share).__name__}")
        if not isinstance(self.text, str):
            raise TypeError(f"text must be a str, got {type(self.text).__name__}")
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
        text:
            The phrase.
        tolerance:
            Relative tolerance ``t`` of approximate hedges, ``0 <= t <= 1``: "about N" gives
            ``[floor(N(1-t)), ceil(N(1+t))]``. Applies also to approximate shares.

        Raises
        ------
        FigureParseError
            With ``Reason.EMPTY`` (blank text), ``NOT_A_NUMBER`` (no count, an ordinal, a list
            of figures), ``NOT_PEOPLE`` (a unit other than people: "300mm", "100 km", "six
            weeks", money), ``YEAR`` ("1915", "in 1994", "1915-1923"), ``NOT_INTEGER`` ("2.5",
            "1.2345 thousand"), ``LOW_ABOVE_HIGH`` ("120-90") or ``NEGATIVE``.

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
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        return _Parser(text, _tolerance(tolerance)).parse()

    def format(self) -> str:
        """A canonical English phrase for this figure, read back by :meth:`parse`.

        ``Figure.parse(f.format())`` has the same interval as ``f`` for every figure, and
        equals ``f`` whenever the hedge is the canonical one for its shape -- ``exact``
        (``"146"``), ``at-least`` (``"at least 6,001"``), ``more-than`` (``"more than
        6,000"``), ``at-most`` (``"up to 5,000"``), ``fewer-than`` (``"fewer than 10"``),
        ``range`` (``"between 3 and 5"``) -- which is what the factories and :meth:`parse`
        produce. Other hedges (approximate, nearly, vague, implicit) come back as ``range``
        or ``at-least``. Shares come back as shares ("50 percent", "1 in 3").

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

        >>> exact(146).is_exact, at_least(6001).is_exact
        (True, False)
        """
        return self.low == self.high

    @property
    def is_open(self) -> bool:
        """True when nothing bounds the count above (``high is None``).

        >>> at_least(6001).is_open
        True
        """
        return self.high is None

    @property
    def width(self) -> int | None:
        """``high - low``, or ``None`` when open (an exact figure has width 0).

        >>> between(70000, 75000).width
        5000
        """
        return None if self.high is None else self.high - self.low

    def contains(self, x: int | Figure) -> bool:
        """Whether the count ``x`` (or every count of the figure ``x``) lies in this interval.

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

        >>> Figure.parse("between 3 and 5").same_interval(Figure.parse("3 to 5"))
        True
        """
        return (self.low, self.high) == (other.low, other.high)

    def intersection(self, other: Figure) -> Figure | None:
        """The counts both figures allow, or ``None`` when they are disjoint (also ``a & b``).

        The hedge of the result is the plain one of its shape (exact, range or at-least).

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
        raise TypeError(
            "the truth value of a Figure is ambiguous; use .is_exact, .is_open, "
            ".contains(x) or compare .low and .high"
        )

    def evolve(self, **changes: Any) -> Figure:
        """A copy with some fields changed (validated and normalised like a new figure).

        >>> exact(146).evolve(high=200)
        between(146, 200)
        """
        return dataclasses.replace(self, **changes)

    def to_quantity(self) -> tuple[Any, Any | None]:
        """The bounds as pint quantities of people: ``(low, high)``, ``high`` ``None`` if open.

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
        raise TypeError(f"cannot {verb} a share; turn it into a count with share.of(base) first")


def _format_share(p: Fraction) -> str:
    percent = _decimal(p * 100)
    if percent is not None:
        return f"{percent} percent"
    return f"{p.numerator:,} in {p.denominator:,}"


def _tolerance(tolerance: object) -> Fraction:
    if isinstance(tolerance, bool) or not isinstance(tolerance, Real | Decimal):
        raise TypeError(f"tolerance must be a number between 0 and 1, got {tolerance!r}")
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

    >>> exact(146)
    exact(146)
    >>> exact(4, hedge=Hedge.IMPLICIT)
    exact(4, hedge=Hedge.IMPLICIT)
    """
    return Figure(n, n, Hedge(hedge), text)


def at_least(n: int, *, hedge: Hedge | str = Hedge.AT_LEAST, text: str = "") -> Figure:
    """At least ``n`` people: ``[n, open)``.

    >>> at_least(6001)
    at_least(6001)
    """
    return Figure(n, None, Hedge(hedge), text)


def more_than(n: int, *, text: str = "") -> Figure:
    """More than ``n`` people: ``[n + 1, open)``.

    >>> more_than(6000).low
    6001
    """
    count = _as_count("n", n)
    assert count is not None
    return Figure(count + 1, None, Hedge.MORE_THAN, text)


def at_most(n: int, *, text: str = "") -> Figure:
    """At most ``n`` people ("up to", "as high as"): ``[0, n]``.

    >>> print(at_most(5000))
    [0, 5000]
    """
    return Figure(0, n, Hedge.AT_MOST, text)


def fewer_than(n: int, *, text: str = "") -> Figure:
    """Fewer than ``n`` people: ``[0, n - 1]`` (``n >= 1``).

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

    >>> between(70000, 75000)
    between(70000, 75000)
    """
    return Figure(a, b, Hedge(hedge), text)


# ----------------------------------------------------------------------------------------------
# The parser
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The hedge table, compiled for the parser."""

    prefixes: tuple[tuple[str, Hedge], ...]  # longest first
    suffixes: tuple[tuple[re.Pattern[str], Hedge], ...]
    vague: tuple[tuple[str, _Vague], ...]  # longest first
    shares: tuple[tuple[str, tuple[Fraction, Fraction]], ...]  # longest first
    percent: re.Pattern[str]
    units: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, int]
    suffix_scales: Mapping[str, int]
    ordinals: frozenset[str]
    year_context: tuple[str, ...]
    people_nouns: frozenset[str]
    money: frozenset[str]
    not_units: frozenset[str]


_T = TypeVar("_T")


def _longest_first(pairs: Iterable[tuple[str, _T]]) -> tuple[tuple[str, _T], ...]:
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = _table()
    prefixes = []
    suffixes = []
    for entry in data["hedge"]:
        hedge = Hedge(entry["hedge"])
        for phrase in entry["phrases"]:
            if entry["position"] == "prefix":
                prefixes.append((phrase, hedge))
            else:
                word = phrase.strip()
                tail = r"\b" if word[-1].isalnum() else ""
                suffixes.append((word, (re.compile(r"\s*" + re.escape(word) + tail), hedge)))
    vague = [
        (phrase, _Vague(entry["low"], entry.get("high"), entry["scalable"]))
        for entry in data["vague"]
        for phrase in entry["phrases"]
    ]
    shares = []
    percent: tuple[str, ...] = ()
    for entry in data["share"]:
        if entry["value"] == "n/100":
            percent = tuple(entry["phrases"])
        elif entry["value"] != "n/m":
            shares += [(phrase, _fraction_pair(entry["value"])) for phrase in entry["phrases"]]
    numbers, words = data["numbers"], data["words"]
    return _Lexicon(
        prefixes=_longest_first(prefixes),
        suffixes=tuple(pattern for _, pattern in _longest_first(suffixes)),
        vague=_longest_first(vague),
        shares=_longest_first(shares),
        percent=re.compile(
            r"\s*(?:"
            + "|".join(
                re.escape(p) + (r"\b" if p[-1].isalpha() else "")
                for p in sorted(percent, key=len, reverse=True)
            )
            + ")"
        ),
        units=numbers["units"],
        tens=numbers["tens"],
        scales=numbers["scales"],
        suffix_scales=numbers["suffixes"],
        ordinals=frozenset(words["ordinals"]),
        year_context=tuple(sorted(words["year_context"], key=len, reverse=True)),
        people_nouns=frozenset(words["people_nouns"]),
        money=frozenset(words["money"]),
        not_units=frozenset(words["not_units"]),
    )


@lru_cache(maxsize=512)
def _unit_dimension(word: str) -> str | None:
    """The pint dimensionality of ``word`` if it is a unit, else ``None``."""
    from karabakh_tolls.units import registry

    try:
        unit = registry().parse_units(word)
    except Exception:  # any failure means "not a unit"
        return None
    return str(unit.dimensionality) if unit.dimensionality else "dimensionless"


_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u200a\u202f]+")
_GLUED_THOUSANDS = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3}(?!\d))")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_NUMERAL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_WORD = re.compile(r"[a-z]+")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_YEARLIKE = re.compile(r"\d{4}")
_HALF_A = re.compile(r"half an? (dozen|hundred|thousand|million|billion)\b")
_SCALED = re.compile(r"(dozen|hundred|thousand|million|billion)s?\b(?: of\b)?")
_JOINED = re.compile(r"\s*(?:(?:and|or|to|plus)\b|&|-)\s*")


def _normalise(text: str) -> str:
    s = _GLUED_THOUSANDS.sub("", text)
    s = _DASHES.sub("-", s).replace("\u2019", "'").replace("\u2018", "'")
    s = _SPACES.sub(" ", s).strip().lower()
    s = s.strip("\"'()[]\u201c\u201d").strip()
    s = re.sub(r"[.,;:!?]+$", "", s).strip()
    return re.sub(r"\bper cent\b", "percent", s)


@dataclass(frozen=True, slots=True)
class _Amount:
    """One quantity read from the text, before hedging."""

    kind: str  # "count", "share" or "vague"
    low: Fraction
    high: Fraction | None
    end: int
    yearlike: bool = False
    scale: int = 1  # scale word applied to a single numeral ("1.5 million" -> 10**6)
    unscaled: Fraction | None = None  # the numeral itself, for "1.5-2 million"
    bare: bool = False  # a plain numeral with no unit: can take its partner's unit/scale
    percent: bool = False


class _Parser:
    """Recursive descent over one normalised phrase (an internal helper of Figure.parse)."""

    def __init__(self, text: str, tolerance: Fraction) -> None:
        self.text = text
        self.s = _normalise(text)
        self.t = tolerance
        self.lex = _lexicon()

    # -- errors --------------------------------------------------------------------------------

    def fail(self, reason: Reason, detail: str) -> FigureParseError:
        return FigureParseError(self.text, reason, detail)

    # -- top level -----------------------------------------------------------------------------

    def parse(self) -> Figure:
        s, lex = self.s, self.lex
        if not s:
            raise self.fail(Reason.EMPTY, "there is no text")
        if re.match(r"-\s*\d", s):
            raise self.fail(Reason.NEGATIVE, "a count of people is never negative")
        pos = 0
        prefix: Hedge | None = None
        year_word = False
        for phrase, hedge in lex.prefixes:
            end = self.match_phrase(phrase, pos)
            if end is not None:
                prefix, pos = hedge, end
                year_word = phrase in lex.year_context
                break
        connector: str | None = None
        for word, needs in (("between", "and"), ("from", "to")):
            end = self.match_phrase(word, pos)
            if end is not None:
                connector, pos = needs, end
                break
        if prefix is None and connector is None:
            for phrase in lex.year_context:
                end = self.match_phrase(phrase, pos)
                if end is not None and self.read_amount(end) is not None:
                    year_word, pos = True, end
                    break
        if s[pos : pos + 1] in lex.money or self.word_at(pos) in lex.money:
            raise self.fail(Reason.NOT_PEOPLE, "money is not a count of people")
        amount, is_range = self.read_quantity(pos, connector)
        pos = amount.end
        suffix: Hedge | None = None
        for pattern, hedge in lex.suffixes:
            match = pattern.match(s, pos)
            if match and self.read_amount(self.skip(match.end())) is None:
                suffix, pos = hedge, match.end()
                break
        if prefix is not None and suffix is not None:
            raise self.fail(Reason.BAD_VALUE, "two hedges on one figure")
        chosen = prefix or suffix
        if is_range and chosen is Hedge.APPROXIMATE:
            chosen = None  # "some 70,000-75,000": the speaker's range is the estimate
        people = self.check_tail(pos, amount)
        if amount.yearlike and not people and (chosen is None or year_word):
            raise self.fail(Reason.YEAR, "a four-digit number without a comma reads as a year")
        if year_word and prefix is None:
            raise self.fail(Reason.NOT_A_NUMBER, "a date phrase, not a count")
        return self.build(amount, is_range, chosen)

    def build(self, amount: _Amount, is_range: bool, hedge: Hedge | None) -> Figure:
        low, high = amount.low, amount.high
        if amount.kind == "share":
            assert high is not None
            share_low, share_high = self.apply_to_share(hedge, low, high)
            return Figure(0, None, Hedge.SHARE, self.text, Share(share_low, share_high))
        for bound in (low, high):
            if bound is not None and bound.denominator != 1:
                raise self.fail(
                    Reason.NOT_INTEGER, f"{_decimal(bound) or bound} is not a whole number"
                )
        lo, hi = self.apply_to_count(hedge, int(low), None if high is None else int(high))
        if hedge is None:
            hedge = Hedge.VAGUE if amount.kind == "vague" else None
            hedge = hedge or (Hedge.RANGE if is_range else _shape_hedge(lo, hi))
        return Figure(lo, hi, hedge, self.text)

    def apply_to_count(
        self, hedge: Hedge | None, low: int, high: int | None
    ) -> tuple[int, int | None]:
        t = self.t
        match hedge:
            case Hedge.MORE_THAN:
                return low + 1, None
            case Hedge.AT_LEAST:
                return low, None
            case Hedge.FEWER_THAN:
                if high == 0:
                    raise self.fail(Reason.NEGATIVE, "no count of people is fewer than 0")
                return 0, None if high is None else high - 1
            case Hedge.AT_MOST:
                return 0, high
            case Hedge.NEARLY:
                return math.ceil(_NEARLY * low), high
            case Hedge.APPROXIMATE:
                return math.floor(low * (1 - t)), None if high is None else math.ceil(
                    high * (1 + t)
                )
        return low, high

    def apply_to_share(
        self, hedge: Hedge | None, low: Fraction, high: Fraction
    ) -> tuple[Fraction, Fraction]:
        one = Fraction(1)
        match hedge:
            case Hedge.MORE_THAN | Hedge.AT_LEAST:
                return low, one
            case Hedge.FEWER_THAN | Hedge.AT_MOST:
                return Fraction(0), high
            case Hedge.NEARLY:
                return _NEARLY * low, high
            case Hedge.APPROXIMATE:
                return low * (1 - self.t), min(one, high * (1 + self.t))
        return low, high

    # -- pieces --------------------------------------------------------------------------------

    def match_phrase(self, phrase: str, pos: int) -> int | None:
        """End of ``phrase`` at ``pos`` as whole words (plus following spaces), or None."""
        s = self.s
        if not s.startswith(phrase, pos):
            return None
        end = pos + len(phrase)
        if phrase[-1].isalnum() and end < len(s) and (s[end].isalnum() or s[end] == "-"):
            return None
        while end < len(s) and s[end] == " ":
            end += 1
        return end

    def word_at(self, pos: int) -> str:
        match = _WORD.match(self.s, pos)
        return match.group() if match else ""

    def read_quantity(self, pos: int, connector: str | None) -> tuple[_Amount, bool]:
        first = self.read_amount(pos, allow_and=connector != "and")
        if first is None:
            raise self.no_number(pos)
        joiners: tuple[str, ...] = ("-", "to", "or")
        if connector == "and":
            joiners = ("and",)
        elif connector == "to":
            joiners = ("to", "-")
        for joiner in joiners:
            match = re.compile(
                r"\s*" + re.escape(joiner) + (r"\b\s*" if joiner.isalpha() else r"\s*")
            )
            found = match.match(self.s, first.end)
            if not found:
                continue
            second = self.read_amount(found.end())
            if second is not None:
                return self.combine(first, second), True
        if connector is not None:
            if first.yearlike:
                raise self.fail(Reason.YEAR, "a four-digit number without a comma reads as a year")
            raise self.fail(Reason.NOT_A_NUMBER, f"a range needs '{connector}' and a second number")
        return first, False

    def combine(self, first: _Amount, second: _Amount) -> _Amount:
        if second.percent and first.bare:
            first = dataclasses.replace(
                first, kind="share", low=first.low / 100, high=first.low / 100, yearlike=False
            )
            self.check_share(first.low)
        if second.scale > 1 and first.bare and first.low <= (second.unscaled or 0):
            value = first.low * second.scale
            first = dataclasses.replace(first, low=value, high=value, yearlike=False)
        kinds = {first.kind, second.kind}
        if "share" in kinds and len(kinds) > 1:
            raise self.fail(Reason.NOT_A_NUMBER, "a range cannot join a share and a count")
        if first.low > second.low:
            raise self.fail(
                Reason.LOW_ABOVE_HIGH,
                f"high={_decimal(second.low) or second.low} is below "
                f"low={_decimal(first.low) or first.low}",
            )
        return _Amount(
            kind="count" if first.kind != second.kind else first.kind,
            low=first.low,
            high=second.high,
            end=second.end,
            yearlike=first.yearlike and second.yearlike,
        )

    def check_share(self, value: Fraction) -> None:
        if value > 1:
            raise self.fail(Reason.BAD_VALUE, "a share cannot exceed 100 percent")

    def read_amount(self, pos: int, *, allow_and: bool = True) -> _Amount | None:
        s, lex = self.s, self.lex
        if _HALF_A.match(s, pos):  # "half a million" is a count, "half" alone a share
            return self.read_number(pos, allow_and=allow_and)
        for phrase, (share_low, share_high) in lex.shares:
            end = self.match_phrase(phrase, pos)
            if end is not None:
                return _Amount("share", share_low, share_high, end=self.rstrip(end))
        for phrase, vague in lex.vague:
            end = self.match_phrase(phrase, pos)
            if end is None:
                continue
            low = Fraction(vague.low)
            high = None if vague.high is None else Fraction(vague.high)
            match = _SCALED.match(s, end)
            if vague.scalable and high is not None and match:
                scale = lex.scales[match.group(1)]
                low, high = low * scale, (high + 1) * scale - 1
                end = match.end()
            return _Amount("vague", low, high, end=self.rstrip(end))
        number = self.read_number(pos, allow_and=allow_and)
        if number is None:
            return None
        percent = lex.percent.match(s, number.end)
        if percent and number.scale == 1:
            value = number.low / 100
            self.check_share(value)
            return _Amount("share", value, value, end=percent.end(), percent=True)
        of = re.compile(r"\s+in\s+").match(s, number.end)
        if of and number.scale == 1:
            base = self.read_number(of.end())
            if base is not None and not base.yearlike and base.low > 0 and number.low <= base.low:
                value = number.low / base.low
                return _Amount("share", value, value, end=base.end)
        return number

    def rstrip(self, end: int) -> int:
        while end > 0 and self.s[end - 1] == " ":
            end -= 1
        return end

    def read_number(self, pos: int, *, allow_and: bool = True) -> _Amount | None:
        s, lex = self.s, self.lex
        half = _HALF_A.match(s, pos)
        if half:
            value = Fraction(lex.scales[half.group(1)], 2)
            return _Amount("count", value, value, end=half.end())
        numeral = _NUMERAL.match(s, pos)
        if numeral:
            return self.read_numeral(numeral)
        return self.read_words(pos, allow_and=allow_and)

    def read_numeral(self, numeral: re.Match[str]) -> _Amount:
        s, lex = self.s, self.lex
        raw, end = numeral.group(), numeral.end()
        if re.match(r",\d|\.\d|\d", s[end:]):
            token = re.compile(r"[\d,.]+").match(s, numeral.start())
            shown = token.group() if token else raw
            raise self.fail(Reason.NOT_A_NUMBER, f"{shown!r} is not a well-formed number")
        if _ORDINAL_SUFFIX.match(s, end):
            raise self.fail(Reason.NOT_A_NUMBER, "an ordinal is a rank, not a count")
        value = Fraction(raw.replace(",", ""))
        yearlike = bool(_YEARLIKE.fullmatch(raw)) and 1800 <= value <= 2099
        scale = 1
        glued = re.compile(r"(k|mn|bn|m)\b").match(s, end)
        if glued and (
            glued.group(1) != "m" or self.is_people_word(self.word_at(self.skip(glued.end())))
        ):
            scale, end = lex.suffix_scales[glued.group(1)], glued.end()
        else:
            scale_words = re.compile(r"\s*(hundred|thousand|million|billion|dozen)\b")
            while match := scale_words.match(s, end):
                scale, end = scale * lex.scales[match.group(1)], match.end()
        return _Amount(
            "count",
            value * scale,
            value * scale,
            end=end,
            yearlike=yearlike and scale == 1,
            scale=scale,
            unscaled=value,
            bare=scale == 1,
        )

    def skip(self, pos: int) -> int:
        while pos < len(self.s) and self.s[pos] == " ":
            pos += 1
        return pos

    def read_words(self, pos: int, *, allow_and: bool) -> _Amount | None:
        """Cardinal number words: "twenty-one", "one hundred and forty-six", "a dozen"."""
        s, lex = self.s, self.lex
        total, group, last, end = 0, 0, "", pos
        big = math.inf  # the last thousand/million/billion, which must decrease
        cursor = pos
        while True:
            match = _WORD.match(s, cursor)
            if not match:
                break
            word = match.group()
            if word in lex.ordinals:
                if last not in ("", "a"):
                    raise self.fail(Reason.NOT_A_NUMBER, "an ordinal is a rank, not a count")
                break
            if word in ("a", "an") and not last:
                following = _WORD.match(s, self.skip(match.end()))
                if not following or following.group() not in lex.scales:
                    break
                group, last = 1, "a"
            elif word in lex.units and last in ("", "hundred", "scale", "and", "tens"):
                if last == "tens" and not 0 < lex.units[word] < 10:
                    break
                group, last = group + lex.units[word], "unit"
            elif word in lex.tens and last in ("", "hundred", "scale", "and"):
                group, last = group + lex.tens[word], "tens"
            elif word == "hundred" and last in ("a", "unit", "tens") and group < 100:
                group, last = group * 100, "hundred"
            elif word == "dozen" and last in ("a", "unit", "tens"):
                group, last = group * 12, "scale"
            elif word in lex.scales and last in ("a", "unit", "tens", "hundred", "scale"):
                scale = lex.scales[word]
                if scale >= big or scale < 1000:
                    break
                total, group, big, last = total + group * scale, 0, scale, "scale"
            elif word == "and" and allow_and and last in ("hundred", "scale"):
                following = _WORD.match(s, self.skip(match.end()))
                if not following or (
                    following.group() not in lex.units and following.group() not in lex.tens
                ):
                    break
                last = "and"
            else:
                break
            if last != "and":
                end = match.end()
            cursor = match.end()
            if cursor < len(s) and s[cursor] in " -":
                cursor += 1
        if last in ("", "a") or end == pos:
            return None
        value = Fraction(total + group)
        return _Amount("count", value, value, end=end, bare=False)

    def is_people_word(self, word: str) -> bool:
        if not word:
            return False
        if word in self.lex.people_nouns:
            return True
        return _unit_dimension(word) == "[people]"

    def check_tail(self, pos: int, amount: _Amount) -> bool:
        """Refuse a unit that is not people after the number; True if a people noun follows."""
        s, lex = self.s, self.lex
        tail = s[pos:].lstrip(" -")
        if not tail:
            return False
        joined = _JOINED.match(s, pos)
        if joined:
            other = self.read_amount(joined.end())
            if other is not None:
                if amount.yearlike and other.yearlike:
                    raise self.fail(Reason.YEAR, "two years, not a count")
                raise self.fail(Reason.NOT_A_NUMBER, "several figures: parse each one")
        if tail[0] in lex.money:
            raise self.fail(Reason.NOT_PEOPLE, "money is not a count of people")
        word = self.word_at(len(s) - len(tail))
        if not word:
            return False
        if word in lex.money:
            raise self.fail(Reason.NOT_PEOPLE, f"{word!r} is money, not people")
        if word in lex.ordinals:
            return False
        people = self.is_people_word(word)
        if amount.kind != "share" and not people and word not in lex.not_units:
            dimension = _unit_dimension(word)
            if dimension is not None:
                raise self.fail(Reason.NOT_PEOPLE, f"{word!r} measures {dimension}, not people")
        return people

    def no_number(self, pos: int) -> FigureParseError:
        s = self.s[pos:]
        if re.search(r"\d(?:st|nd|rd|th)\b", s) or any(
            w in self.lex.ordinals for w in _WORD.findall(s)
        ):
            return self.fail(Reason.NOT_A_NUMBER, "an ordinal is a rank, not a count")
        return self.fail(Reason.NOT_A_NUMBER, "no number of people found")
