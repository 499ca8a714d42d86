"""Tests of karabakh_tolls.figures: real phrasings, refusals, and algebra/round-trip laws."""

from __future__ import annotations

import math
import pickle
import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from karabakh_tolls.errors import FigureParseError, KarabakhTollsError, OptionError, Reason
from karabakh_tolls.figures import (
    DEFAULT_TOLERANCE,
    HEDGE_TABLE,
    Figure,
    Hedge,
    HedgeRule,
    Share,
    at_least,
    at_most,
    between,
    exact,
    fewer_than,
    more_than,
)
from karabakh_tolls.testing.strategies import figures, share_figures, shares
from karabakh_tolls.units import is_people

DOCS = Path(__file__).resolve().parents[1] / "docs" / "hedges.md"
TOML = Path(__file__).resolve().parents[1] / "src" / "karabakh_tolls" / "data" / "hedges.toml"

# ----------------------------------------------------------------------------------------------
# Table-driven parsing: (phrase, low, high, hedge)
# ----------------------------------------------------------------------------------------------

EXACT = [
    ("146", 146),
    ("1,166", 1166),
    ("1,166 of its soldiers", 1166),  # seed 004
    ("19 Karabakh civilians", 19),  # seed 001
    ("146 civilians", 146),  # seed 000
    ("21 civilians", 21),
    ("five", 5),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("three of her children", 3),  # seed 000
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("one hundred", 100),
    ("a hundred", 100),
    ("one hundred and forty-six", 146),
    ("two thousand", 2000),
    ("a thousand", 1000),
    ("two million three hundred thousand", 2_300_000),
    ("twelve hundred", 1200),
    ("zero", 0),
    ("0", 0),
    ("1.5 million", 1_500_000),  # seed 003
    ("2 thousand", 2000),
    ("half a million", 500_000),
    ("70k", 70_000),
    ("2bn", 2_000_000_000),
    ("1.2m people", 1_200_000),
    ("1,500,000", 1_500_000),
    ("1994 people", 1994),
    ("70\u202f000 people", 70_000),  # narrow no-break space as thousands separator
    ("  146\u00a0civilians. ", 146),
    ("FIVE", 5),
]


@pytest.mark.parametrize(("text", "n"), EXACT)
def test_exact(text: str, n: int) -> None:
    figure = Figure.parse(text)
    assert figure == exact(n)
    assert figure.hedge is Hedge.EXACT
    assert figure.text == text


BOUNDED = [
    # comparatives
    ("more than 6,000 people", 6001, None, Hedge.MORE_THAN),  # seed 000
    ("more than 6,000", 6001, None, Hedge.MORE_THAN),
    ("over 2,000", 2001, None, Hedge.MORE_THAN),
    ("6,000+", 6001, None, Hedge.MORE_THAN),
    ("6,000-plus", 6001, None, Hedge.MORE_THAN),
    ("in excess of 6,000", 6001, None, Hedge.MORE_THAN),
    ("more than a dozen", 13, None, Hedge.MORE_THAN),
    ("more than 100,000 people", 100_001, None, Hedge.MORE_THAN),  # seed 002
    ("more than 1994", 1995, None, Hedge.MORE_THAN),  # a comparative makes it a count
    ("at least 6,000", 6000, None, Hedge.AT_LEAST),
    ("6,000 or more", 6000, None, Hedge.AT_LEAST),
    ("no fewer than 50", 50, None, Hedge.AT_LEAST),
    ("fewer than 10", 0, 9, Hedge.FEWER_THAN),
    ("less than 10", 0, 9, Hedge.FEWER_THAN),
    ("under 10", 0, 9, Hedge.FEWER_THAN),
    ("fewer than 1", 0, 0, Hedge.FEWER_THAN),
    ("up to 5,000", 0, 5000, Hedge.AT_MOST),
    ("as high as 5,000", 0, 5000, Hedge.AT_MOST),
    ("as many as 5,000", 0, 5000, Hedge.AT_MOST),
    ("no more than 5", 0, 5, Hedge.AT_MOST),
    ("at most 5", 0, 5, Hedge.AT_MOST),
    ("100 or fewer", 0, 100, Hedge.AT_MOST),
    # nearly
    ("nearly 1,000", 900, 1000, Hedge.NEARLY),
    ("almost 100", 90, 100, Hedge.NEARLY),
    ("nearly 15", 14, 15, Hedge.NEARLY),  # ceil(13.5)
    ("nearly 1", 1, 1, Hedge.NEARLY),
    ("nearly 0", 0, 0, Hedge.NEARLY),
    # approximate (default tolerance 0.1)
    ("about 100", 90, 110, Hedge.APPROXIMATE),
    ("some 100", 90, 110, Hedge.APPROXIMATE),
    ("around 100", 90, 110, Hedge.APPROXIMATE),
    ("roughly 100", 90, 110, Hedge.APPROXIMATE),
    ("approximately 100", 90, 110, Hedge.APPROXIMATE),
    ("an estimated 100", 90, 110, Hedge.APPROXIMATE),
    ("estimated 100", 90, 110, Hedge.APPROXIMATE),
    ("close to 100", 90, 110, Hedge.APPROXIMATE),
    ("100 or so", 90, 110, Hedge.APPROXIMATE),
    ("about 15", 13, 17, Hedge.APPROXIMATE),  # floor(13.5), ceil(16.5)
    ("about a dozen", 10, 14, Hedge.APPROXIMATE),
    ("an estimated 1.5 million", 1_350_000, 1_650_000, Hedge.APPROXIMATE),
    ("some 70,000-75,000 people", 70_000, 75_000, Hedge.RANGE),  # seed 003: range absorbs "some"
    ("about 40-50", 40, 50, Hedge.RANGE),
    ("nearly 70-80", 63, 80, Hedge.NEARLY),
    ("more than 70-80", 71, None, Hedge.MORE_THAN),
    # ranges
    ("70,000-75,000", 70_000, 75_000, Hedge.RANGE),
    ("70,000\u201375,000", 70_000, 75_000, Hedge.RANGE),  # en dash
    ("70,000 - 75,000 people", 70_000, 75_000, Hedge.RANGE),
    ("between 3 and 5", 3, 5, Hedge.RANGE),
    ("between three and five civilians", 3, 5, Hedge.RANGE),
    ("from 3 to 5", 3, 5, Hedge.RANGE),
    ("3 to 5", 3, 5, Hedge.RANGE),
    ("two or three", 2, 3, Hedge.RANGE),
    ("1.5-2 million", 1_500_000, 2_000_000, Hedge.RANGE),
    ("between 1.5 and 2 million", 1_500_000, 2_000_000, Hedge.RANGE),
    ("1.5 million to 2 million", 1_500_000, 2_000_000, Hedge.RANGE),
    ("500-2,000", 500, 2000, Hedge.RANGE),
    ("1500-2000 people", 1500, 2000, Hedge.RANGE),
    ("twenty-thirty", 20, 30, Hedge.RANGE),
    ("5-5", 5, 5, Hedge.RANGE),
    # vague quantifiers
    ("several", 3, 9, Hedge.VAGUE),
    ("a few", 2, 9, Hedge.VAGUE),
    ("a handful of residents", 2, 9, Hedge.VAGUE),
    ("a couple of civilians", 2, 3, Hedge.VAGUE),
    ("dozens", 24, 99, Hedge.VAGUE),
    ("dozens of civilians", 24, 99, Hedge.VAGUE),  # seed 000 ("dozens of strike sites")
    ("Dozens of civilians", 24, 99, Hedge.VAGUE),
    ("tens of people", 20, 99, Hedge.VAGUE),
    ("scores", 40, 199, Hedge.VAGUE),
    ("hundreds", 200, 999, Hedge.VAGUE),
    ("hundreds of radicals", 200, 999, Hedge.VAGUE),  # seed 003
    ("thousands of radicals", 2000, 99_999, Hedge.VAGUE),  # seed 003
    ("tens of thousands of people", 20_000, 99_999, Hedge.VAGUE),
    ("hundreds of thousands", 200_000, 999_999, Hedge.VAGUE),
    ("millions", 2_000_000, None, Hedge.VAGUE),
    ("several hundred", 300, 999, Hedge.VAGUE),
    ("a few thousand", 2000, 9999, Hedge.VAGUE),
    ("several dozen", 36, 119, Hedge.VAGUE),
    ("a couple of hundred", 200, 399, Hedge.VAGUE),
    ("more than several", 4, None, Hedge.MORE_THAN),
    ("dozens to hundreds", 24, 999, Hedge.VAGUE),
]


@pytest.mark.parametrize(("text", "low", "high", "hedge"), BOUNDED)
def test_bounded(text: str, low: int, high: int | None, hedge: Hedge) -> None:
    figure = Figure.parse(text)
    assert (figure.low, figure.high, figure.hedge) == (low, high, hedge)


def test_tolerance_is_a_parameter() -> None:
    assert DEFAULT_TOLERANCE == 0.1
    assert Figure.parse("about 100", tolerance=0.2) == between(80, 120, hedge=Hedge.APPROXIMATE)
    assert Figure.parse("about 100", tolerance=0) == between(100, 100, hedge=Hedge.APPROXIMATE)
    quarter = Figure.parse("about 100", tolerance=Fraction(1, 4))  # type: ignore[arg-type]
    assert quarter.same_interval(between(75, 125))
    # tolerance does not touch "nearly"
    assert Figure.parse("nearly 100", tolerance=0.5) == Figure.parse("nearly 100")


@pytest.mark.parametrize("tolerance", [-0.1, 1.5, math.nan, math.inf])
def test_bad_tolerance(tolerance: float) -> None:
    with pytest.raises(FigureParseError, match="tolerance"):
        Figure.parse("about 100", tolerance=tolerance)


def test_tolerance_type() -> None:
    with pytest.raises(TypeError, match="tolerance"):
        Figure.parse("about 100", tolerance="0.1")  # type: ignore[arg-type]


SHARES = [
    ("50 percent", Fraction(1, 2), Fraction(1, 2)),
    ("50%", Fraction(1, 2), Fraction(1, 2)),
    ("50 per cent", Fraction(1, 2), Fraction(1, 2)),
    ("fifty percent", Fraction(1, 2), Fraction(1, 2)),
    ("half", Fraction(1, 2), Fraction(1, 2)),
    ("half of the population", Fraction(1, 2), Fraction(1, 2)),
    ("a third", Fraction(1, 3), Fraction(1, 3)),
    ("two-thirds", Fraction(2, 3), Fraction(2, 3)),
    ("three quarters", Fraction(3, 4), Fraction(3, 4)),
    ("one in five", Fraction(1, 5), Fraction(1, 5)),
    ("1 in 3", Fraction(1, 3), Fraction(1, 3)),
    ("12.5%", Fraction(1, 8), Fraction(1, 8)),
    ("90 percent of women and children", Fraction(9, 10), Fraction(9, 10)),  # seed 003
    ("some 50 percent of Karabakh's population", Fraction(9, 20), Fraction(11, 20)),  # seed 003
    ("nearly half", Fraction(9, 20), Fraction(1, 2)),
    ("more than half", Fraction(1, 2), Fraction(1)),
    ("up to 30 percent", Fraction(0), Fraction(3, 10)),
    ("40-50%", Fraction(2, 5), Fraction(1, 2)),
    ("40-50 percent", Fraction(2, 5), Fraction(1, 2)),
    ("between 45 percent and 55 percent", Fraction(9, 20), Fraction(11, 20)),
    ("about 95 percent", Fraction(171, 200), Fraction(1)),  # capped at 100%
    ("most of the victims", Fraction(1, 2), Fraction(1)),
    ("0%", Fraction(0), Fraction(0)),
    ("100 percent", Fraction(1), Fraction(1)),
]


@pytest.mark.parametrize(("text", "low", "high"), SHARES)
def test_shares(text: str, low: Fraction, high: Fraction) -> None:
    figure = Figure.parse(text)
    assert figure.hedge is Hedge.SHARE
    assert (figure.low, figure.high) == (0, None)  # a share alone says nothing about a count
    assert figure.share == Share(low, high)


def test_share_of_a_base() -> None:
    share = Figure.parse("some 50 percent").share
    assert share is not None
    population = between(140_000, 150_000)
    assert share.of(population) == between(63_000, 82_500)
    assert Share(Fraction(1, 3)).of(exact(10)) == between(3, 4)
    assert Share(Fraction(1, 2)).of(exact(146)) == exact(73)
    assert Share(Fraction(0)).of(at_least(5)) == exact(0)
    assert Share(Fraction(1, 10)).of(at_least(5)) == at_least(0)
    with pytest.raises(TypeError, match="share"):
        share.of(Figure.parse("half"))
    with pytest.raises(TypeError, match="Figure"):
        share.of(146)  # type: ignore[arg-type]


def test_share_constructor() -> None:
    assert Share(Fraction(1, 2)) == Share(Fraction(1, 2), Fraction(1, 2))
    assert Share(0.1) == Share(Fraction(1, 10))  # type: ignore[arg-type]
    assert Share("1/3").low == Fraction(1, 3)  # type: ignore[arg-type]
    assert Share(1) == Share(Fraction(1))  # type: ignore[arg-type]
    for low, high in [(Fraction(1, 2), Fraction(1, 3)), (Fraction(-1, 2), 0), (0, 2)]:
        with pytest.raises(FigureParseError) as info:
            Share(low, high)  # type: ignore[arg-type]
        assert info.value.reason is Reason.BAD_VALUE
    with pytest.raises(TypeError):
        Share(True)  # type: ignore[arg-type]
    assert str(Share(Fraction(9, 20), Fraction(11, 20))) == "45%-55%"
    assert str(Share(Fraction(1, 3))) == "1/3"


# ----------------------------------------------------------------------------------------------
# Refusals: not a count of people
# ----------------------------------------------------------------------------------------------

REFUSED = [
    ("", Reason.EMPTY),
    ("   ", Reason.EMPTY),
    ("\u00a0", Reason.EMPTY),
    ("banana", Reason.NOT_A_NUMBER),
    ("some", Reason.NOT_A_NUMBER),
    ("some civilians", Reason.NOT_A_NUMBER),
    ("a", Reason.NOT_A_NUMBER),
    ("the", Reason.NOT_A_NUMBER),
    ("27th", Reason.NOT_A_NUMBER),
    ("September 27th", Reason.NOT_A_NUMBER),
    ("the first day", Reason.NOT_A_NUMBER),
    ("first", Reason.NOT_A_NUMBER),
    ("twenty-first", Reason.NOT_A_NUMBER),
    ("1,16", Reason.NOT_A_NUMBER),
    ("19 and 27", Reason.NOT_A_NUMBER),  # a list of figures: parse each one
    ("between 3", Reason.NOT_A_NUMBER),
    ("300mm", Reason.NOT_PEOPLE),  # seed 002: 300mm rockets
    ("300 mm", Reason.NOT_PEOPLE),
    ("300m", Reason.NOT_PEOPLE),  # metres; "1.2m people" is a million
    ("100 km", Reason.NOT_PEOPLE),  # seed 002
    ("more than 100 km", Reason.NOT_PEOPLE),
    ("100km", Reason.NOT_PEOPLE),
    ("six weeks", Reason.NOT_PEOPLE),  # seed 000
    ("two weeks", Reason.NOT_PEOPLE),  # seed 002
    ("2 hours", Reason.NOT_PEOPLE),
    ("5 kg", Reason.NOT_PEOPLE),
    ("several weeks", Reason.NOT_PEOPLE),
    ("64-year-old", Reason.NOT_PEOPLE),  # seed 000: an age
    ("$2 million", Reason.NOT_PEOPLE),
    ("2 million dollars", Reason.NOT_PEOPLE),
    ("1915", Reason.YEAR),
    ("in 1994", Reason.YEAR),  # seed 004: "since 1994"
    ("since 1994", Reason.YEAR),
    ("about 1994", Reason.YEAR),
    ("from 1994", Reason.YEAR),
    ("1915\u20131923", Reason.YEAR),  # seed 003
    ("1915-1923", Reason.YEAR),
    ("between 1915 and 1923", Reason.YEAR),  # seed 003
    ("from 1915 to 1923", Reason.YEAR),
    ("1915 and 1923", Reason.YEAR),
    ("2.5", Reason.NOT_INTEGER),
    ("2.5 people", Reason.NOT_INTEGER),
    ("1.2345 thousand", Reason.NOT_INTEGER),
    ("120-90", Reason.LOW_ABOVE_HIGH),
    ("between 5 and 3", Reason.LOW_ABOVE_HIGH),
    ("-5", Reason.NEGATIVE),
    ("fewer than 0", Reason.NEGATIVE),
    ("150 percent", Reason.BAD_VALUE),
    ("about 6,000+", Reason.BAD_VALUE),  # two hedges
]


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_refused(text: str, reason: Reason) -> None:
    with pytest.raises(FigureParseError) as info:
        Figure.parse(text)
    assert info.value.reason is reason
    assert info.value.text == text
    assert repr(text) in str(info.value)  # the message names the text
    assert isinstance(info.value, ValueError | KarabakhTollsError)


def test_parse_error_pickles() -> None:
    with pytest.raises(FigureParseError) as info:
        Figure.parse("300mm")
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.text, again.reason, str(again)) == ("300mm", Reason.NOT_PEOPLE, str(info.value))


def test_parse_needs_a_string() -> None:
    with pytest.raises(TypeError, match="str"):
        Figure.parse(146)  # type: ignore[arg-type]


def test_percent_is_never_a_count() -> None:
    figure = Figure.parse("50 percent")
    assert figure.is_open
    assert figure.low == 0
    assert not is_people("50 percent")


# ----------------------------------------------------------------------------------------------
# The value: constructor, repr, str, bool
# ----------------------------------------------------------------------------------------------


def test_constructor_normalises() -> None:
    assert Figure(np.int64(5), np.int32(7)) == between(5, 7)  # type: ignore[arg-type]
    assert type(Figure(np.int64(5), None).low) is int  # type: ignore[arg-type]
    assert Figure(146.0, 146.0) == exact(146)  # type: ignore[arg-type]
    assert Figure(Decimal(3), Decimal("4.0")) == between(3, 4)  # type: ignore[arg-type]
    assert Figure(6001, math.inf) == at_least(6001)  # type: ignore[arg-type]
    assert Figure(6001, None).hedge is Hedge.AT_LEAST  # "exact" on an interval
    assert Figure(3, 5).hedge is Hedge.RANGE
    assert Figure(3, 5, "vague") == between(3, 5, hedge=Hedge.VAGUE)  # type: ignore[arg-type]
    assert Figure(0, None, share=Share(Fraction(1, 2))).hedge is Hedge.SHARE


@pytest.mark.parametrize(
    ("low", "high", "reason", "words"),
    [
        (120, 90, Reason.LOW_ABOVE_HIGH, "high=90 is below low=120"),
        (-1, 5, Reason.NEGATIVE, "low=-1 is negative"),
        (0, -1, Reason.NEGATIVE, "high=-1"),
        (2.5, 3, Reason.NOT_INTEGER, "low=2.5"),
        (2, 3.5, Reason.NOT_INTEGER, "high=3.5"),
        (math.nan, 3, Reason.NOT_INTEGER, "low=nan"),
        (math.inf, None, Reason.NOT_INTEGER, "low=inf"),
        (np.float64(2.5), 3, Reason.NOT_INTEGER, "low=2.5"),
    ],
)
def test_constructor_refuses(low: object, high: object, reason: Reason, words: str) -> None:
    with pytest.raises(FigureParseError, match=words) as info:
        Figure(low, high)  # type: ignore[arg-type]
    assert info.value.reason is reason


@pytest.mark.parametrize("bad", [True, np.True_, "5", None, [5]])
def test_constructor_type_errors(bad: object) -> None:
    with pytest.raises(TypeError, match="low"):
        Figure(bad, 10)  # type: ignore[arg-type]


def test_constructor_other_fields() -> None:
    with pytest.raises(FigureParseError, match="hedge='sort of'"):
        Figure(1, 2, "sort of")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="share"):
        Figure(0, None, Hedge.SHARE, share=0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text"):
        Figure(1, 1, text=None)  # type: ignore[arg-type]


def test_factories() -> None:
    assert (exact(146).low, exact(146).high) == (146, 146)
    assert (at_least(6001).low, at_least(6001).high) == (6001, None)
    assert (more_than(6000).low, more_than(6000).hedge) == (6001, Hedge.MORE_THAN)
    assert (at_most(5000).low, at_most(5000).high) == (0, 5000)
    assert (fewer_than(10).low, fewer_than(10).high) == (0, 9)
    assert between(3, 5).hedge is Hedge.RANGE
    assert exact(4, hedge="implicit").hedge is Hedge.IMPLICIT
    assert exact(5, text="five").text == "five"
    with pytest.raises(FigureParseError) as info:
        fewer_than(0)
    assert info.value.reason is Reason.NEGATIVE
    with pytest.raises(FigureParseError):
        more_than(-1)
    with pytest.raises(FigureParseError, match="high=3 is below low=5"):
        between(5, 3)


REPRS = [
    (exact(146), "exact(146)"),
    (at_least(6001), "at_least(6001)"),
    (more_than(6000), "more_than(6000)"),
    (at_most(5000), "at_most(5000)"),
    (fewer_than(10), "fewer_than(10)"),
    (between(70000, 75000), "between(70000, 75000)"),
    (between(3, 3), "between(3, 3)"),
    (Figure.parse("about 100"), "between(90, 110, hedge=Hedge.APPROXIMATE)"),
    (Figure.parse("nearly 1"), "exact(1, hedge=Hedge.NEARLY)"),
    (Figure.parse("millions"), "at_least(2000000, hedge=Hedge.VAGUE)"),
    (Figure(0, 5, Hedge.AT_LEAST), "between(0, 5, hedge=Hedge.AT_LEAST)"),
    (Figure(0, None, Hedge.MORE_THAN), "at_least(0, hedge=Hedge.MORE_THAN)"),
]


@pytest.mark.parametrize(("figure", "text"), REPRS)
def test_repr_is_the_factory_call(figure: Figure, text: str) -> None:
    assert repr(figure) == text
    namespace = {
        "exact": exact,
        "at_least": at_least,
        "more_than": more_than,
        "at_most": at_most,
        "fewer_than": fewer_than,
        "between": between,
        "Hedge": Hedge,
    }
    assert eval(text, namespace) == figure


def test_share_repr_evaluates() -> None:
    figure = Figure.parse("a third")
    namespace = {"Figure": Figure, "Hedge": Hedge, "Share": Share, "Fraction": Fraction}
    assert eval(repr(figure), namespace) == figure


def test_str() -> None:
    assert str(at_least(6001)) == "[6001, open)"
    assert str(exact(146)) == "[146, 146]"
    assert str(Figure.parse("50 percent")) == "share 50%"


def test_bool_is_ambiguous() -> None:
    with pytest.raises(TypeError, match="ambiguous"):
        bool(exact(0))
    with pytest.raises(TypeError):
        not at_least(1)


def test_text_is_not_compared_and_hash_agrees() -> None:
    a, b = Figure.parse("more than 6,000"), Figure.parse("over 6,000")
    assert a == b
    assert hash(a) == hash(b)
    assert a.text != b.text
    assert Figure.parse("6,000+") == more_than(6000)
    assert len({exact(1), exact(1, text="one"), between(1, 1)}) == 2


def test_interval_helpers() -> None:
    f = between(70000, 75000)
    assert f.width == 5000
    assert not f.is_open
    assert not f.is_exact
    assert at_least(5).width is None
    assert at_least(5).is_open
    assert exact(146).is_exact
    assert exact(146).width == 0
    assert 72000 in f
    assert 76000 not in f
    assert -1 not in f
    assert "x" not in f
    assert True not in f
    assert np.int64(72000) in f
    assert between(71000, 72000) in f
    assert f.contains(exact(70000))
    assert not f.contains(at_least(70000))
    assert at_least(5).contains(at_least(6))
    assert not at_least(6).contains(at_least(5))
    assert f.evolve(high=80000) == between(70000, 80000)
    assert f.evolve(hedge=Hedge.APPROXIMATE).hedge is Hedge.APPROXIMATE
    with pytest.raises(FigureParseError):
        f.evolve(high=1)
    low, high = f.to_quantity()
    assert is_people(low)
    assert low.magnitude == 70000
    assert high is not None
    assert high.magnitude == 75000
    assert at_least(1).to_quantity()[1] is None


def test_reference_case_civilians_inside_total() -> None:
    """SPEC §3: 146 civilians vs more than 6,000 dead; the seed's "19 + 27 + 2" sum."""
    total = Figure.parse("more than 6,000 people")
    civilians = Figure.parse("146")
    assert civilians & total is None  # disjoint as intervals: civilians is a sub-scope
    parts = [Figure.parse("19 Karabakh civilians"), Figure.parse("27"), Figure.parse("two")]
    assert sum(parts) == exact(48)


def test_arithmetic_edges() -> None:
    assert exact(1) + 2 == exact(3)
    assert 0 + Figure.parse("about 100") == Figure.parse("about 100")  # 0 is neutral
    assert sum([Figure.parse("dozens")]) == Figure.parse("dozens")
    assert exact(1) + at_least(5) == at_least(6)
    assert between(1, 2) & between(2, 3) == exact(2)
    with pytest.raises(TypeError):
        exact(1) + "x"
    with pytest.raises(TypeError):
        exact(1) + True
    with pytest.raises(TypeError, match="share"):
        exact(1) + Figure.parse("half")
    with pytest.raises(TypeError, match="share"):
        exact(1) & Figure.parse("half")
    assert exact(1).__and__(5) is NotImplemented


# ----------------------------------------------------------------------------------------------
# Format and round trips
# ----------------------------------------------------------------------------------------------

FORMATS = [
    (exact(146), "146"),
    (exact(6001), "6,001"),
    (at_least(6001), "at least 6,001"),
    (more_than(6000), "more than 6,000"),
    (at_most(5000), "up to 5,000"),
    (fewer_than(10), "fewer than 10"),
    (between(70000, 75000), "between 70,000 and 75,000"),
    (exact(1994), "1,994"),  # the comma keeps it from reading as a year
    (Figure.parse("about 100"), "between 90 and 110"),
    (Figure.parse("millions"), "at least 2,000,000"),
    (Figure.parse("nearly 1"), "1"),
    (Figure.parse("50 percent"), "50 percent"),
    (Figure.parse("a third"), "1 in 3"),
    (Figure.parse("some 50 percent"), "between 45 percent and 55 percent"),
]


@pytest.mark.parametrize(("figure", "text"), FORMATS)
def test_format(figure: Figure, text: str) -> None:
    assert figure.format() == text
    assert Figure.parse(text).same_interval(figure)
    assert Figure.parse(text).share == figure.share


@given(figures())
def test_round_trip(figure: Figure) -> None:
    assert Figure.parse(figure.format()) == figure


@given(figures(canonical=False))
def test_round_trip_keeps_the_interval(figure: Figure) -> None:
    again = Figure.parse(figure.format())
    assert again.same_interval(figure)
    assert again.hedge in (
        Hedge.EXACT,
        Hedge.RANGE,
        Hedge.AT_LEAST,
        Hedge.MORE_THAN,
        Hedge.AT_MOST,
        Hedge.FEWER_THAN,
    )


@given(share_figures())
def test_share_round_trip(figure: Figure) -> None:
    assert Figure.parse(figure.format()) == figure


@given(figures(canonical=False) | share_figures())
def test_pickle_round_trip(figure: Figure) -> None:
    again = pickle.loads(pickle.dumps(figure))
    assert again == figure
    assert again.text == figure.text
    assert repr(again) == repr(figure)


@given(figures(canonical=False))
def test_repr_round_trip(figure: Figure) -> None:
    namespace = {
        "exact": exact,
        "at_least": at_least,
        "more_than": more_than,
        "at_most": at_most,
        "fewer_than": fewer_than,
        "between": between,
        "Hedge": Hedge,
    }
    assert eval(repr(figure), namespace) == figure


# ----------------------------------------------------------------------------------------------
# Generated phrases: hedge word x number
# ----------------------------------------------------------------------------------------------

PREFIXES = [r for r in HEDGE_TABLE if r.kind == "prefix"]
SUFFIXES = [r for r in HEDGE_TABLE if r.kind == "suffix"]


def _spell(n: int, style: int) -> str:
    return [f"{n:,}", f"{n:,} people", f"{n:,} of the civilians"][style]


@given(
    st.sampled_from(PREFIXES + SUFFIXES),
    st.integers(1, 10**8),
    st.integers(0, 2),
    st.floats(0, 1),
)
def test_hedged_phrases(rule: HedgeRule, n: int, style: int, tolerance: float) -> None:
    number = _spell(n, style)
    if rule.kind == "prefix":
        text = f"{rule.phrase} {number}"
    else:
        text = f"{n:,}{rule.phrase if rule.phrase in ('+', '-plus') else ' ' + rule.phrase}"
    figure = Figure.parse(text, tolerance=tolerance)
    assert figure.hedge is rule.hedge
    assert figure.high is None or figure.low <= figure.high
    if rule.hedge in (Hedge.APPROXIMATE, Hedge.NEARLY, Hedge.AT_LEAST, Hedge.AT_MOST):
        assert n in figure
    if rule.hedge in (Hedge.MORE_THAN, Hedge.FEWER_THAN):
        assert n not in figure
    if rule.hedge is Hedge.NEARLY:
        assert figure.low == math.ceil(Fraction(9, 10) * n)


@given(st.sampled_from(PREFIXES), st.integers(0, 10**6), st.integers(0, 10**6))
def test_hedged_ranges(rule: HedgeRule, a: int, b: int) -> None:
    a, b = min(a, b), max(a, b)
    assume(not (rule.hedge is Hedge.FEWER_THAN and b == 0))
    figure = Figure.parse(f"{rule.phrase} {a:,}-{b:,} people")
    assert figure.high is None or figure.low <= figure.high
    if rule.hedge in (Hedge.APPROXIMATE, Hedge.AT_LEAST):
        assert figure.contains(a)
        assert figure.contains(b)


@given(st.integers(0, 999_999))
def test_number_words_match_numerals(n: int) -> None:
    assert Figure.parse(_words(n)) == exact(n)


def _words(n: int) -> str:
    units = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def below_thousand(k: int) -> str:
        parts = []
        if k >= 100:
            parts.append(f"{units[k // 100]} hundred")
            k %= 100
            if k:
                parts.append("and")
        if k >= 20:
            parts.append(tens[k // 10] + (f"-{units[k % 10]}" if k % 10 else ""))
        elif k or not parts:
            parts.append(units[k])
        return " ".join(parts)

    if n < 1000:
        return below_thousand(n)
    rest = n % 1000
    head = f"{below_thousand(n // 1000)} thousand"
    return head if not rest else f"{head} {'and ' if rest < 100 else ''}{below_thousand(rest)}"


# ----------------------------------------------------------------------------------------------
# Algebra laws
# ----------------------------------------------------------------------------------------------


@given(figures(canonical=False), figures(canonical=False))
def test_sum_commutes(a: Figure, b: Figure) -> None:
    assert a + b == b + a


@given(figures(canonical=False), figures(canonical=False), figures(canonical=False))
def test_sum_associates(a: Figure, b: Figure, c: Figure) -> None:
    assert (a + b) + c == a + (b + c)
    assert sum([a, b, c]) == a + b + c


@given(figures(canonical=False), figures(canonical=False), st.integers(0, 10**7))
def test_sum_contains_sums(a: Figure, b: Figure, offset: int) -> None:
    x = a.low + (0 if a.high is None else min(offset, a.width or 0))
    y = b.high if b.high is not None else b.low + offset
    assert x + y in a + b


@given(figures(canonical=False, max_value=200), figures(canonical=False, max_value=200))
def test_intersection_laws(a: Figure, b: Figure) -> None:
    both = a & b
    assert both == (b & a)
    for x in range(0, 260):
        assert (x in a and x in b) == (both is not None and x in both)
    if both is not None:
        assert a.contains(both)
        assert b.contains(both)
        assert both == a.intersection(b)


@given(figures(canonical=False))
def test_intersection_with_itself(a: Figure) -> None:
    same = a & a
    assert same is not None
    assert same.same_interval(a)


@given(shares(), figures())
def test_share_of_contains_every_share(share: Share, base: Figure) -> None:
    count = share.of(base)
    for n in (base.low, base.high if base.high is not None else base.low * 2 + 7):
        for p in (share.low, share.high):
            assert count.low <= p * n
            assert count.high is None or p * n <= count.high


# ----------------------------------------------------------------------------------------------
# The table: data in TOML, documented
# ----------------------------------------------------------------------------------------------


def test_hedge_table_is_the_toml() -> None:
    data = tomllib.loads(TOML.read_text(encoding="utf-8"))
    phrases = {
        p.strip()
        for section in ("hedge", "vague", "share")
        for e in data[section]
        for p in e["phrases"]
    }
    assert {r.phrase for r in HEDGE_TABLE} == phrases
    assert all(r.why and r.example and r.rule for r in HEDGE_TABLE)
    assert {r.kind for r in HEDGE_TABLE} == {"prefix", "suffix", "vague", "share"}
    dozens = next(r for r in HEDGE_TABLE if r.phrase == "dozens")
    assert dozens.rule == "[24, 99]"  # fixed by SPEC §1
    assert data["settings"]["default_tolerance"] == DEFAULT_TOLERANCE


def test_hedge_table_examples_parse() -> None:
    for rule in HEDGE_TABLE:
        figure = Figure.parse(rule.example)
        assert figure.hedge in (rule.hedge, Hedge.SHARE) or rule.kind == "share", rule


def test_docs_list_every_phrase() -> None:
    assert DOCS.exists(), "docs/hedges.md documents the hedge table"
    text = DOCS.read_text(encoding="utf-8").lower()
    missing = [r.phrase for r in HEDGE_TABLE if r.phrase not in text]
    assert not missing


# --- counts are exact up to 2**63 - 1, and reading is linear on pathological text -------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9223372036854775808", Reason.TOO_LARGE),
        ("9,223,372,036,854,775,808 people", Reason.TOO_LARGE),
        ("1" * 25, Reason.TOO_LARGE),
        ("1" * 100_000, Reason.TOO_LARGE),  # refused before Python builds the integer
        ("10 billion billion", Reason.TOO_LARGE),
        ("1" + " thousand" * 20_000, Reason.TOO_LARGE),
        ("more than 9223372036854775807", Reason.TOO_LARGE),
        ("1." + "5" * 5000, Reason.NOT_INTEGER),
    ],
    ids=lambda v: v[:30] if isinstance(v, str) else str(v),
)
def test_a_figure_beyond_the_largest_count_is_refused_with_a_reason(
    text: str, reason: Reason
) -> None:
    with pytest.raises(FigureParseError) as info:
        Figure.parse(text)
    assert info.value.reason is reason
    assert len(str(info.value)) < 500


@given(st.integers(0, 2**63 - 1))
def test_every_count_up_to_the_largest_is_read_exactly(n: int) -> None:
    assert Figure.parse(f"{n:,}").low == n
    assert Figure.parse(f"{n} people").low == n  # a bare 1800 would read as a year
    assert Figure(n, n).high == n


@given(st.integers(2**63, 2**80))
def test_no_count_beyond_the_largest_is_ever_built(n: int) -> None:
    for build in (lambda: Figure(n, None), lambda: Figure(0, n), lambda: exact(n)):
        with pytest.raises(FigureParseError) as info:
            build()
        assert info.value.reason is Reason.TOO_LARGE
    with pytest.raises(FigureParseError):
        Figure.parse(str(n))


def test_floats_from_two_to_the_53_are_inexact_and_integers_are_not() -> None:
    with pytest.raises(FigureParseError) as info:
        Figure(float(2**53), None)
    assert info.value.reason is Reason.INEXACT
    assert Figure(2**53 + 1, None).low == 2**53 + 1
    assert Figure(np.int64(2**62), None).low == 2**62
    assert Figure(Fraction(10, 2), None).low == 5
    assert Figure(Decimal("5.000"), None).low == 5
    with pytest.raises(FigureParseError) as info:
        Figure(Decimal("1e400"), None)
    assert info.value.reason is Reason.TOO_LARGE


@pytest.mark.parametrize("n", [10, 1_000, 100_000])
def test_pathological_runs_of_marks_read_the_number_before_them(n: int) -> None:
    # "1,,,,...,a" once backtracked for minutes (a regex over the run of marks at every start)
    assert Figure.parse("1" + "," * n + "a").low == 1
    assert Figure.parse("more than 6,000" + "." * n).low == 6001
    assert Figure.parse("(" * n + "146" + ")" * n).low == 146


def test_an_unknown_hedge_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="not one of") as info:
        Hedge("roughly-ish")
    assert isinstance(info.value, ValueError) and "exact" in info.value.allowed
