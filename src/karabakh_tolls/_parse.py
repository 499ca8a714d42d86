"""The figure phrase reader behind :meth:`karabakh_tolls.figures.Figure.parse` (private).

One job: turn an English figure phrase into a :class:`~karabakh_tolls.figures.Figure`. It
normalises the text (spaces, dashes, quotes, "per cent"), tokenises numerals and number words
("1,166", "twenty-one", "a dozen"), applies scale words ("1.5 million", "70k"), reads ranges,
vague quantifiers and shares, refuses what is not a count of people (units through pint, money,
years, ordinals) and finally applies the hedge of the hedge table ``data/hedges.toml``, compiled
once into a lexicon.

Nothing here is public: call :meth:`Figure.parse <karabakh_tolls.figures.Figure.parse>`, which
validates the tolerance and calls :func:`parse_figure`. This module imports
:mod:`karabakh_tolls.figures` (the values it builds and the hedge table),
:mod:`karabakh_tolls.errors` and, lazily, :mod:`karabakh_tolls.units` when a word might be a
unit. ``figures`` imports this module only inside ``Figure.parse``, so loading either module
never needs the other half-loaded.

>>> from fractions import Fraction
>>> parse_figure("nearly 1,000 people", Fraction(1, 10))
between(900, 1000, hedge=Hedge.NEARLY)
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Final, TypeVar

from karabakh_tolls.errors import FigureParseError, Reason
from karabakh_tolls.figures import (
    MAX_COUNT,
    Figure,
    Hedge,
    Share,
    _decimal,
    _shape_hedge,
    _short,
    _table,
)

__all__ = ["parse_figure"]


def parse_figure(text: str, tolerance: Fraction) -> Figure:
    """Read the phrase ``text`` as a :class:`~karabakh_tolls.figures.Figure`.

    The reader of :meth:`Figure.parse <karabakh_tolls.figures.Figure.parse>`, which documents
    the phrases read and the errors raised; it checks the argument types first.

    Parameters
    ----------
    text : str
        The phrase.
    tolerance : Fraction
        Relative tolerance of approximate hedges, already checked to be in ``[0, 1]``.

    Returns
    -------
    Figure
        The interval the phrase allows, with its hedge and ``text``.

    Raises
    ------
    FigureParseError
        When the phrase is not a count of people (see ``Figure.parse``).

    Examples
    --------
    >>> parse_figure("some 70,000-75,000 people", Fraction(1, 10))
    between(70000, 75000)
    """
    return _Parser(text, tolerance).parse()


# ----------------------------------------------------------------------------------------------
# The hedge table, compiled
# ----------------------------------------------------------------------------------------------

_NEARLY: Final = Fraction(str(_table()["settings"]["nearly_factor"]))


@dataclass(frozen=True, slots=True)
class _Vague:
    low: int
    high: int | None
    scalable: bool


def _fraction_pair(value: str) -> tuple[Fraction, Fraction]:
    low, _, high = value.partition("..")
    return Fraction(low), Fraction(high or low)


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
_MALFORMED_TAIL = re.compile(r",\d|\.\d|\d")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_YEARLIKE = re.compile(r"\d{4}")
_HALF_A = re.compile(r"half an? (dozen|hundred|thousand|million|billion)\b")
_SCALED = re.compile(r"(dozen|hundred|thousand|million|billion)s?\b(?: of\b)?")
_PER_CENT = re.compile(r"\bper cent\b")
_MAX_DIGITS: Final = len(str(MAX_COUNT))  # 19: a longer whole part is surely too large
_MAX_DECIMALS: Final = 1000
_JOINED = re.compile(r"\s*(?:(?:and|or|to|plus)\b|&|-)\s*")


def _normalise(text: str) -> str:
    s = _GLUED_THOUSANDS.sub("", text)
    s = _DASHES.sub("-", s).replace("\u2019", "'").replace("\u2018", "'")
    s = _SPACES.sub(" ", s).strip().lower()
    s = s.strip("\"'()[]\u201c\u201d").strip()
    s = s.rstrip(".,;:!?").strip()  # str methods, not a regex: linear on any run of marks
    return _PER_CENT.sub("percent", s)


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
        if _MALFORMED_TAIL.match(s, end):
            token = re.compile(r"[\d,.]+").match(s, numeral.start())
            shown = token.group() if token else raw
            raise self.fail(Reason.NOT_A_NUMBER, f"{shown!r} is not a well-formed number")
        if _ORDINAL_SUFFIX.match(s, end):
            raise self.fail(Reason.NOT_A_NUMBER, "an ordinal is a rank, not a count")
        value = self.exact_numeral(raw)
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
                self.check_size(value * scale)
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

    def exact_numeral(self, raw: str) -> Fraction:
        """The exact value of a numeral ("1,166", "1.5"), refusing one above MAX_COUNT before
        building a huge integer."""
        whole, _, decimals = raw.replace(",", "").partition(".")
        whole = whole.lstrip("0")
        if len(whole) > _MAX_DIGITS:
            raise self.fail(
                Reason.TOO_LARGE,
                f"{_short(whole)} is above the largest count held exactly, 2**63 - 1",
            )
        decimals = decimals.rstrip("0")
        if len(decimals) > _MAX_DECIMALS:  # a bound on the work, far past any real figure
            raise self.fail(Reason.NOT_INTEGER, f"{_short(raw)} is not a whole number")
        value = Fraction(int(whole or "0"))
        if decimals:
            value += Fraction(int(decimals), 10 ** len(decimals))
        self.check_size(value)
        return value

    def check_size(self, value: Fraction) -> None:
        if value > MAX_COUNT:
            raise self.fail(
                Reason.TOO_LARGE,
                f"{_decimal(value) or value} is above the largest count held exactly, 2**63 - 1",
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
