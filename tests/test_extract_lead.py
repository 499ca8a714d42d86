"""The lead's day and the territory of wars' places: real phrasings, each a row of a table."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from karabakh_tolls.extract import extract
from karabakh_tolls.extract._evaluate import annotation_wars

REAL = Path(__file__).resolve().parent / "data" / "real_text"
WARS = annotation_wars(REAL / "wars.toml")


def _claims(text: str, published: str, war: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract(text, published=published, document="t", war=WARS[war]).to_frame()


def _day(frame: pd.DataFrame, figure: str) -> str:
    rows = frame[frame["figure"] == figure]
    assert len(rows) == 1, (figure, frame["figure"].tolist())
    return pd.Timestamp(rows["as_of"].iloc[0]).date().isoformat()


@pytest.mark.parametrize(
    ("text", "published", "war", "figure", "day"),
    [
        (  # a weekday of the lead: later counts with no day of their own hold on it
            "The Russian military hurled rockets and shells at this tiny village, then stormed "
            "in for fierce house-to-house fighting Monday.\n"
            "Nine hostages were freed. Dozens of rebels were killed and two Russian soldiers "
            "also died.",
            "1996-01-16",
            "chechnya-1994",
            "two",
            "1996-01-15",
        ),
        (  # "yesterday" in the lead, no figure there
            "Eritrea and Ethiopia unleashed bombing raids against each other yesterday.\n"
            "Eritrean aircraft bombed the northern Ethiopian town of Mekele twice, witnesses "
            "said, killing dozens of people.",
            "1998-06-06",
            "ethiopia-eritrea-1998",
            "dozens",
            "1998-06-05",
        ),
        (  # the lead's day is a speaker's day: another speaker's count holds on publication
            "STEPANAKERT - The defense ministry of Nagorno-Karabakh said on Wednesday that 29 "
            "more of its soldiers had been killed, bringing the military death toll to 633.\n"
            "Separately, Karabakh's human rights ombudsman said 36 civilians had died.",
            "2020-10-15",
            "karabakh-2020",
            "36",
            "2020-10-15",
        ),
        (  # a running total "since" is held on the day it is told, not the lead's
            "Suspected militants killed five soldiers in two roadside attacks Sunday in "
            "Thailand's southern provinces, police said.\n"
            "More than 5,000 people have been killed in Thailand's three southernmost "
            "provinces since an Islamic insurgency erupted in 2004.",
            "2013-02-11",
            "thai-south-2004",
            "More than 5,000",
            "2013-02-11",
        ),
        (  # a possessive weekday names a past event, not the lead's day
            "Authorities say the death toll in Friday's militant attacks has risen to 89.\n"
            "At least 11 policemen were killed when the militants attacked police stations.",
            "2017-08-26",
            "rakhine-2017",
            "At least 11",
            "2017-08-26",
        ),
    ],
)
def test_the_leads_day(text: str, published: str, war: str, figure: str, day: str) -> None:
    assert _day(_claims(text, published, war), figure) == day


@pytest.mark.parametrize(
    ("text", "published", "figure", "day"),
    [
        (  # "yesterday" beside the outcome verb, no speech verb: the day of the deaths
            "Three civilians were killed in Martuni yesterday, the ombudsman said.",
            "2020-10-06",
            "Three",
            "2020-10-05",
        ),
        (  # the lead is two sentences: a weekday further on in a one-line text is no lead's day
            "Three civilians were killed in Martuni, the ombudsman said. Officials gave no other "
            "figure. The town's market was shut. A convoy left for Goris on Sunday.",
            "2020-10-06",
            "Three",
            "2020-10-06",
        ),
        (  # "last week" is no one day: not the day of the count
            "Three civilians were killed in Martuni last week, the ombudsman said.",
            "2020-10-06",
            "Three",
            "2020-10-06",
        ),
    ],
)
def test_yesterday_is_a_day_of_the_count(text: str, published: str, figure: str, day: str) -> None:
    assert _day(_claims(text, published, "karabakh-2020"), figure) == day


def test_territory_table_api() -> None:
    from karabakh_tolls.errors import KarabakhTollsError
    from karabakh_tolls.scopes import ScopeTrees

    trees = WARS["bosnia-1992"].trees
    assert trees.territory_of("sarajevo") == "bosnia"
    assert trees.territory_of("nedzarici") == "bosnian-serbs"  # its own entry, not the city's
    assert trees.territory_of("bosnia") is None  # the alias of the country: no entry above it
    changed = trees.with_territory({"sarajevo": "bosnian-serbs"})  # users may change the data
    assert changed.territory_of("sarajevo") == "bosnian-serbs"
    assert trees.territory_of("sarajevo") == "bosnia"  # a copy: the original is unchanged
    assert ScopeTrees.default().territory_of("stepanakert") is None
    with pytest.raises(KarabakhTollsError):
        trees.with_territory({"atlantis": "bosnia"})
    # replacing a tree keeps the entries it still knows
    assert trees.replace("region", trees["region"]).territory_of("ilidza") == "bosnian-serbs"


def test_a_war_file_reads_its_territory() -> None:
    from karabakh_tolls.wars import War

    war = War.from_dict(
        {
            "id": "karabakh-x",
            "name": "test",
            "start": "2020-09-27",
            "territory": {"ganja": "azerbaijan", "stepanakert": "nagorno-karabakh"},
        }
    )
    assert war.trees.territory_of("ganja") == "azerbaijan"
    assert war.trees.territory_of("stepanakert") == "nagorno-karabakh"


def _party(frame: pd.DataFrame, figure: str) -> str:
    rows = frame[frame["figure"] == figure]
    assert len(rows) == 1, (figure, frame["figure"].tolist())
    return str(rows["party"].iloc[0])


@pytest.mark.parametrize(
    ("text", "published", "war", "figure", "party"),
    [
        (  # a city under siege: its dead are the government side's (the table says so)
            "Three people were killed in Sarajevo, including a 16-year-old boy killed by a "
            "shell, hospital officials said.",
            "1995-06-26",
            "bosnia-1992",
            "Three",
            "bosnia",
        ),
        (  # a Serb-held suburb of the city: its own entry wins over the city's
            "Bosnian Serb officials said a shell killed 10 people at a hospital in Nedzarici.",
            "1995-09-09",
            "bosnia-1992",
            "10",
            "bosnian-serbs",
        ),
        (  # a place the table leaves contested names no party
            "Fighting in Kosovo has killed up to 2,000 people, officials said.",
            "1999-01-16",
            "kosovo-1998",
            "up to 2,000",
            "all",
        ),
        (  # each state's cities its own in the war of the cities
            "A missile slammed into a residential area of Dezful, killing 12 people, "
            "officials said.",
            "1987-01-15",
            "iran-iraq-1980",
            "12",
            "iran",
        ),
        (  # a party word in the text still wins over the table
            "Two Russian soldiers were killed in Sarajevo, officials said.",
            "1995-06-26",
            "bosnia-1992",
            "Two",
            "all",
        ),
    ],
)
def test_the_party_of_a_place_from_the_territory_table(
    text: str, published: str, war: str, figure: str, party: str
) -> None:
    assert _party(_claims(text, published, war), figure) == party
