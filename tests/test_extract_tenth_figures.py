"""Rules written on the tenth holdout's misses of figures, outcomes and kinds.

Each table holds real-looking phrasings (written for these tests, not copied from the holdout)
and cases that each rule must leave alone; every test fails without its rule.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import karabakh_tolls as kt
from karabakh_tolls.extract import extract

# A small war of two states, with places on both sides, for the tables below.
WAR = kt.War(
    "border-war-test",
    "a border war (test trees)",
    start="1998-05-06",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party",
            {"all": ["northland", "southland"]},
            aliases={"northern": "northland", "southern": "southland"},
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region",
            {"all": ["northland", "southland"], "northland": ["avon"], "southland": ["bree"]},
        ),
    ),
)
PUBLISHED = "1999-03-18"


def _frame(text: str, published: str = PUBLISHED) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract(text, published=published, document="t", war=WAR).to_frame()


def _claims(text: str, published: str = PUBLISHED) -> dict[str, dict[str, object]]:
    """Each claim's figure phrase -> its low, high, outcome and kind."""
    frame = _frame(text, published)
    out: dict[str, dict[str, object]] = {}
    for _, row in frame.iterrows():
        assert row["figure"] not in out, frame[["figure", "note"]]
        high = row["high"]
        out[str(row["figure"])] = {
            "low": int(row["low"]),
            "high": None if pd.isna(high) else int(high),
            "outcome": row["outcome"],
            "kind": row["kind"],
        }
    return out


def _check(text: str, expected: dict[str, dict[str, object] | None]) -> None:
    """Every expected figure is a claim with those fields (``None``: no claim of that figure)."""
    got = _claims(text)
    for figure, fields in expected.items():
        if fields is None:
            assert figure not in got, got
            continue
        assert figure in got, got
        assert {k: got[figure][k] for k in fields} == fields, got


# --- number phrases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a tens word and a units word written apart are one number
            "Thirty four soldiers were killed and sixty one wounded in the assault.",
            {
                "Thirty four": {"low": 34, "high": 34, "outcome": "killed"},
                "sixty one": {"low": 61, "high": 61, "outcome": "wounded"},
            },
        ),
        (  # "a million", "half a million" are numbers like "a thousand"
            "About half a million people have fled the fighting, the agency said.",
            {"About half a million": {"low": 450000, "high": 550000, "outcome": "displaced"}},
        ),
        (
            "The war has displaced over a million people.",
            {"over a million": {"low": 1000001, "high": None, "outcome": "displaced"}},
        ),
        (  # left alone: two numbers that are no tens and units stay two
            "Twenty people and two children died.",
            {"Twenty": {"low": 20}, "two": {"low": 2}},
        ),
        (  # left alone: a hyphenated number is read as before
            "Forty-two civilians were wounded.",
            {"Forty-two": {"low": 42, "outcome": "wounded"}},
        ),
    ],
)
def test_number_words_written_apart_and_millions_are_figures(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


# --- verbs of outcome -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # murdered and maimed: killed and wounded
            "At least 14 villagers were murdered and 30 others were maimed, the governor said.",
            {"At least 14": {"outcome": "killed"}, "30": {"outcome": "wounded"}},
        ),
        (  # a transitive verb of killing
            "Government troops massacred some 200 civilians in the valley.",
            {"some 200": {"outcome": "killed"}},
        ),
        (  # disabled: wounded
            "Of the survivors, 45 were disabled for life, the report said.",
            {"45": {"outcome": "wounded"}},
        ),
        (  # people driven from their homes or made homeless are displaced
            "Some 40,000 people have been driven from their homes by the shelling.",
            {"Some 40,000": {"outcome": "displaced"}},
        ),
        (
            "About 3,000 residents were left homeless after the raids.",
            {"About 3,000": {"outcome": "displaced"}},
        ),
        (  # kidnapped and abducted people are captured
            "Gunmen abducted 12 aid workers on the road to the camp.",
            {"12": {"outcome": "captured"}},
        ),
        (
            "Four engineers were kidnapped near the border, police said.",
            {"Four": {"outcome": "captured"}},
        ),
        (  # persons whose fate or whereabouts are unknown are missing
            "The whereabouts of 23 fishermen remain unknown.",
            {"23": {"outcome": "missing"}},
        ),
        (  # left alone: a fate not said to be unknown is no count of the missing
            "The tribunal will rule on the fate of 40 detainees next week.",
            {"40": None},
        ),
        (  # left alone: things disabled are no casualties
            "Five tanks were disabled in the fighting.",
            {"Five": None},
        ),
    ],
)
def test_verbs_of_murder_maiming_displacement_abduction_and_unknown_fate(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a figure with a verb of its own that is no casualty cue takes none from before
            "Nine people were killed and 14 were arrested after the clashes.",
            {"Nine": {"outcome": "killed"}, "14": None},
        ),
        (  # ... nor does a list that ends in such a verb
            "Rebels abducted 60 people, and 22 women and five girls were raped.",
            {"60": {"outcome": "captured"}, "22": None, "five": None},
        ),
        (  # left alone: an elliptic figure after a verb still shares it
            "Nine people were killed and 14 injured after the clashes.",
            {"Nine": {"outcome": "killed"}, "14": {"outcome": "wounded"}},
        ),
        (  # left alone: a part set off by commas keeps the verb before
            "The shelling killed 12 people, five of them children, in the market.",
            {"12": {"outcome": "killed"}, "five": {"outcome": "killed"}},
        ),
        (  # left alone: a noun after "were" is no verb
            "The strike killed 15 people. Of them, six were children.",
            {"six": {"outcome": "killed"}},
        ),
        (  # left alone: the verb of another figure after the part is not the part's
            "Eleven people were wounded in the blasts, two of them critically, and one suspect "
            "was detained.",
            {"two": {"outcome": "wounded"}},
        ),
    ],
)
def test_a_figure_with_a_verb_of_its_own_takes_no_casualty_verb_from_before(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


# --- bodies -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a count of bodies is a count of the dead
            "Villagers buried 17 bodies on Sunday, a priest said.",
            {"17": {"outcome": "killed"}},
        ),
        (
            "At least 30 bodies lay in the square after the raid.",
            {"At least 30": {"outcome": "killed"}},
        ),
        (  # a verb of its own that is no casualty cue does not undo it
            "Nine corpses were pulled from the river.",
            {"Nine": {"outcome": "killed"}},
        ),
        (  # "bodies of" persons: their category
            "Troops recovered 12 bodies of suspected rebels near the pass.",
            {"12": {"outcome": "killed"}},
        ),
        (  # left alone: bodies that are organisations are no dead
            "Representatives of 12 aid bodies met in the capital.",
            {"12": None},
        ),
    ],
)
def test_a_count_of_bodies_is_a_count_of_the_dead(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


def test_bodies_of_fighters_are_military() -> None:
    frame = _frame("Troops recovered 12 bodies of suspected rebels near the pass.")
    assert frame.loc[frame["figure"] == "12", "category"].tolist() == ["military"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (  # a day after "was launched" starts the count: no incident of that day
            "The death toll in the siege of Avon, which was launched May 23, has risen to 300.",
            "cumulative",
        ),
        (  # left alone: an incident's own day still makes an incident
            "Shelling killed 12 people in Avon on May 23.",
            "incident",
        ),
    ],
)
def test_a_day_a_campaign_was_launched_is_its_start(text: str, kind: str) -> None:
    frame = _frame(text, published="1999-06-30")
    assert frame["kind"].tolist() == [kind], frame[["figure", "kind", "note"]]


# --- hostages, the released and lives risked --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a count of hostages taken is of people captured
            "The gunmen seized about 200 hostages at the hospital.",
            {"about 200": {"outcome": "captured"}},
        ),
        (  # a noun phrase held hostage: captured, whatever verb comes later in the clause
            "The militia is holding three engineers hostage after an ambush that killed 9 guards.",
            {"three": {"outcome": "captured"}, "9": {"outcome": "killed"}},
        ),
        (  # lives put at risk are no lives lost
            "Endangering the lives of some 50 hostages, the troops opened fire on the school.",
            {"some 50": {"outcome": "captured"}},
        ),
        (
            "Surgeons saved the lives of 30 people at the field hospital.",
            {"30": None},
        ),
        (  # people freed, rescued or found alive are held or missing no longer
            "Eleven hostages were released on Monday.",
            {"Eleven": None},
        ),
        (
            "Commandos rescued 14 hostages from the compound.",
            {"14": None},
        ),
        (
            "Officials said 20 missing soldiers had been found alive.",
            {"20": None},
        ),
        (  # left alone: hostages killed are dead
            "Four hostages were killed when the building collapsed.",
            {"Four": {"outcome": "killed"}},
        ),
        (  # left alone: a verb of release after another figure is that figure's
            "Six soldiers are missing and two others were freed.",
            {"Six": {"outcome": "missing"}},
        ),
        (  # left alone: the lives claimed are lost
            "The blast claimed the lives of 12 people.",
            {"12": {"outcome": "killed"}},
        ),
    ],
)
def test_hostages_are_captured_and_the_released_and_saved_are_no_casualties(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


# --- outcome words that are no verbs of the figure --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an outcome word as a noun of other people is no outcome of the figure
            "Hundreds of residents queued at the hospital to give blood for the wounded.",
            {"Hundreds": None},
        ),
        (  # an adjective of the counted noun gives way to a verb of killing after it
            "Some 40 wounded soldiers later died in the field hospital.",
            {"Some 40": {"outcome": "killed"}},
        ),
        (  # ... but not to another verb
            "Some 40 wounded soldiers were evacuated by helicopter.",
            {"Some 40": {"outcome": "wounded"}},
        ),
        (  # an adjective of the figure before is no verb of a part of it
            "The strike killed at least 30 displaced villagers, including 11 children.",
            {"at least 30": {"outcome": "killed"}, "11": {"outcome": "killed"}},
        ),
        (  # a part set off by commas: the verb after it is the whole's
            "Four civilians were killed, and 21 others, 8 of them women and 3 children, were "
            "seriously wounded.",
            {
                "Four": {"outcome": "killed"},
                "21": {"outcome": "wounded"},
                "8": {"outcome": "wounded"},
            },
        ),
        (  # left alone: "among the wounded" names the figure's outcome
            "Five children were among the wounded.",
            {"Five": {"outcome": "wounded"}},
        ),
        (  # left alone: an adjective of a noun phrase without a number of its own
            "The number of injured people rose to more than 900.",
            {"more than 900": {"outcome": "wounded"}},
        ),
        (  # people receiving treatment are wounded
            "Officials said 14 soldiers were receiving treatment at the base.",
            {"14": {"outcome": "wounded"}},
        ),
    ],
)
def test_outcome_words_used_as_nouns_or_adjectives_and_parts_set_off_by_commas(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


# --- one count of several outcomes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # outcome words of several outcomes before the figure: one lumped count
            "The army said it had killed, wounded or captured 2,500 enemy troops.",
            {"2,500": None},
        ),
        (  # ... also with "and" and words between that the outcome search skips
            "The number of dead and wounded has reached 640, the ministry said.",
            {"640": None},
        ),
        (  # ... and after the figure, before the next figure
            "Some 900 soldiers were killed, wounded or taken captive.",
            {"Some 900": None},
        ),
        (  # left alone: two words of one outcome are that outcome
            "Five people were wounded or injured in the stampede.",
            {"Five": {"outcome": "wounded"}},
        ),
        (  # left alone: separate counts of each outcome
            "Twelve people were killed and 30 wounded in the raid.",
            {"Twelve": {"outcome": "killed"}, "30": {"outcome": "wounded"}},
        ),
    ],
)
def test_one_count_of_several_outcomes_is_refused(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


# --- a person phrase that is a number's noun --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "a dozen" is a number: its noun is no second count of one
            "About a dozen soldiers were killed when the truck was hit.",
            {"About a dozen": {"low": 10, "high": 14}, "a dozen soldiers": None},
        ),
        (  # the persons after "N of" are counted by N
            "The army said three of its soldiers were killed.",
            {"three": {"low": 3}, "its soldiers": None},
        ),
        (  # left alone: a person with a determiner is a count of one
            "Gunmen killed a farmer and his son near the village.",
            {"a farmer and his son": {"low": 2}},
        ),
        (  # left alone: a number inside a person phrase is a part of it
            "He lost his wife and two of his children in the shelling.",
            {"his wife and two of his children": {"low": 3}},
        ),
    ],
)
def test_a_person_phrase_that_is_a_numbers_noun_is_no_count_of_one(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


# --- counts of one ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a person named as a later item of a list of figures shares its verb
            "The raids killed 14 villagers and a local fighter on Tuesday.",
            {"14": {"outcome": "killed"}, "a local fighter": {"low": 1, "outcome": "killed"}},
        ),
        (  # ... also before a verb that follows the list
            "Six farmers and a nurse were wounded by the shell.",
            {"a nurse": {"low": 1, "outcome": "wounded"}},
        ),
        (  # ... and between two figures, which stay one list
            "The dead included two farmers, a policeman and 12 soldiers, officials said.",
            {"a policeman": {"outcome": "killed"}, "12": {"outcome": "killed"}},
        ),
        (  # persons named as parts: one claim each
            "Three civilians died, including a girl and an old man.",
            {"a girl": {"low": 1, "outcome": "killed"}, "an old man": {"low": 1}},
        ),
        (  # an aside between the auxiliary and the verb
            "A shepherd was, witnesses said, shot near the village and killed.",
            {"A shepherd": None},
        ),
        (
            "A shepherd was, according to the mayor, killed near the village.",
            {"A shepherd": {"low": 1, "outcome": "killed"}},
        ),
        (  # a person named by title and name
            "Officials said rebel commander Ruslan Gelayev had reportedly been killed.",
            {"rebel commander Ruslan Gelayev": {"low": 1, "outcome": "killed"}},
        ),
        (  # left alone: a person after the list with a verb of its own is not the list's
            "Gunmen killed 5 guards and a journalist was freed later.",
            {"5": {"outcome": "killed"}, "a journalist": None},
        ),
        (  # left alone: a title's letters inside a name are no person
            "Many Armenians living in the former Ottoman Empire were killed.",
            {"man Empire": None},
        ),
    ],
)
def test_counts_of_one_in_lists_parts_asides_and_by_name(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


def test_a_breakdown_of_persons_by_age_is_one_category() -> None:
    frame = _frame("Two civilians were killed, including an old person and a child.")
    got = dict(zip(frame["figure"], frame["category"], strict=True))
    assert got["an old person"] == got["a child"] == "civilian", got


# --- a breakdown by place ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the second figure of a pair by place shares the first's verb
            "The war has killed at least 900 people in Northland and 45 in Southland.",
            {"at least 900": {"outcome": "killed"}, "45": {"low": 45, "outcome": "killed"}},
        ),
        (  # ... and so do the later items of a longer breakdown
            "Officials said 12 civilians had died in Avon, three in Bree and one in Southland.",
            {"three": {"outcome": "killed"}, "one": {"outcome": "killed"}},
        ),
        (  # left alone: a figure of its own noun is no item of the breakdown
            "Shelling killed 12 people in Avon and 3 tanks in Bree were destroyed.",
            {"12": {"outcome": "killed"}, "3": None},
        ),
    ],
)
def test_the_items_of_a_breakdown_by_place_share_its_verb(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)


def test_each_item_of_a_breakdown_has_its_own_place_and_what_follows_has_theirs() -> None:
    frame = _frame(
        "Officials said 12 civilians had died in Avon, three in Bree and one in Bree. "
        "At least 17 others were wounded."
    )
    got = dict(zip(frame["figure"], frame["region"], strict=True))
    assert got == {"12": "avon", "three": "bree", "one": "bree", "At least 17": "all"}, got


# --- an outcome told by the sentences around a figure ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # casualties counted beside a count of the wounded are the dead
            "The number of casualties of the shelling of Avon has reached 9; and more than 30 "
            "residents have been wounded, the governor said.",
            {"9": {"outcome": "killed"}, "more than 30": {"outcome": "wounded"}},
        ),
        (  # ... also when the wounded are counted in the speaker's next sentence
            "The ombudsman said there were 14 civilian victims so far. He said 52 people had "
            "been wounded.",
            {"14": {"outcome": "killed"}},
        ),
        (  # casualties of the number told before as the dead are that count again
            "Southland said its army killed at least 2,000 Northland troops. Officials put "
            "Northland casualties in the battle at 2,000 or more.",
            {"2,000 or more": {"low": 2000, "high": None, "outcome": "killed"}},
        ),
        (  # people counted without an outcome, then all of them with one
            "The bus was carrying about 30 people. All of the passengers were killed.",
            {"about 30": {"outcome": "killed"}},
        ),
        (  # left alone: casualties broken down into the dead and the wounded stay no claim
            "The shelling caused 120 civilian casualties. Of these, 40 people were killed, while "
            "80 others were injured.",
            {"120": None, "40": {"outcome": "killed"}},
        ),
        (  # left alone: casualties alone say nothing of the dead
            "The army reported 35 casualties after the battle.",
            {"35": None},
        ),
        (  # left alone: a sentence on all of them with no outcome gives none
            "The bus was carrying about 30 people. All of them were pilgrims.",
            {"about 30": None},
        ),
    ],
)
def test_an_outcome_told_by_the_sentences_around_a_figure(
    text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    _check(text, expected)
