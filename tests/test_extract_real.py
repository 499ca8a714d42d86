"""Real phrasings that extraction got wrong, each a row of a table; the review loop; the dev set."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.cli import main
from karabakh_tolls.extract import (
    ExtractionError,
    MissingExtraError,
    extract,
    extract_debug,
    review,
)
from karabakh_tolls.extract._evaluate import annotation_wars, score

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real_text"


def _frame(text: str, published: str = "2020-10-18") -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract(text, published=published, document="t").to_frame()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # attribution from "X said", a description resolved through the source table
            "The defense ministry of the Nagorno-Karabakh region said on Sunday it had recorded "
            "another 40 casualties among its military, pushing the military death toll to 673.",
            [
                ("40", "increment", "military", "nk-defense-ministry"),
                ("673", "cumulative", "military", "nk-defense-ministry"),
            ],
        ),
        (  # a speaker the table does not know is kept as text (and Monday's shelling is an
            # incident of that day, not the war's running total)
            "Russian shelling killed five people on Monday, the regional governor said.",
            [("five", "incident", "all", "regional-governor")],
        ),
        (  # "N more" as an increment
            "Military authorities in the breakaway region of Nagorno-Karabakh say 11 more soldiers "
            "have died.",
            [("11", "increment", "military", "nk-defense-ministry")],
        ),
        (  # "rose to N" is a total
            "The Health Ministry in Gaza said the death toll rose to 23,210.",
            [("23,210", "cumulative", "all", "gaza-health-ministry")],
        ),
    ],
)
def test_real_phrasings(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    frame = _frame(text)
    got = list(zip(frame["figure"], frame["kind"], frame["category"], frame["source"], strict=True))
    assert got == expected, frame[["figure", "kind", "category", "source", "note"]]


def test_no_implicit_count_inside_a_word() -> None:
    frame = _frame("Armenian servicemen were killed and more than 200 people were wounded.")
    assert list(frame["figure"]) == ["more than 200"]


def test_a_verb_hedge_opens_the_interval() -> None:
    row = _frame("The death toll exceeded 40, the ministry said.").iloc[0]
    assert (row["low"], row["hedge"]) == (41, "more-than") and pd.isna(row["high"])


def test_a_list_is_split_into_its_parts() -> None:
    text = "At least 95 girls, 98 boys, 985 women and 1,519 men were killed, OHCHR said."
    frame = _frame(text)
    assert list(frame["low"]) == [95, 98, 985, 1519]
    assert set(frame["outcome"]) == {"killed"} and set(frame["source"]) == {"ohchr"}
    assert frame["note"].str.contains("sum to 2,697").all()


def test_a_family_is_counted_with_its_head() -> None:
    text = "As a result of the explosion, Mr. Gurbanov and 4 members of his family were killed."
    row = _frame(text).iloc[0]
    assert (row["low"], row["hedge"], row["outcome"]) == (5, "implicit", "killed")


def test_history_before_the_war_is_not_a_claim() -> None:
    text = "The fighting is the worst since the 1990s, when some 30,000 people were killed."
    result = extract_debug(text, "2020-10-18")
    assert len(result.claims) == 0
    assert result.rejected.set_index("text").loc["some 30,000", "reason"] == "history"


@pytest.mark.parametrize(
    ("text", "published", "as_of"),
    [
        ("The ministry said on Monday that 5 soldiers died.", "2020-10-06", "2020-10-05"),
        ("The ministry said yesterday that 5 soldiers died.", "2020-10-06", "2020-10-05"),
        ("The ministry said last week that 5 soldiers died.", "2020-10-06", "2020-09-29"),
        ("As of Thursday, 5 soldiers had died, the ministry said.", "2020-10-30", "2020-10-29"),
    ],
)
def test_relative_dates_resolve_against_publication(text: str, published: str, as_of: str) -> None:
    assert _frame(text, published)["as_of"].iloc[0].date() == dt.date.fromisoformat(as_of)


def test_negation() -> None:
    denied = extract_debug("Baku denied that 40 soldiers died.", "2020-10-06")
    assert len(denied.claims) == 0 and list(denied.rejected["reason"]) == ["negated"]
    zero = _frame("No one was killed in the strike, the mayor said.").iloc[0]
    assert (zero["low"], zero["high"], zero["outcome"]) == (0, 0, "killed")


def test_war_keyword_sets_the_start_and_refuses_unknown_ids() -> None:
    frame = _frame("5 soldiers died.")
    assert frame["since"].iloc[0].date() == kt.load_war("karabakh-2020").start
    assert frame["war"].iloc[0] == "karabakh-2020"
    later = extract("5 soldiers died.", "2023-09-20", war="karabakh-2023").to_frame()
    assert later["since"].iloc[0].date() == kt.load_war("karabakh-2023").start
    with pytest.raises(ExtractionError, match="unknown-war"):
        extract("5 soldiers died.", "2020-10-06", war="no-such-war")


def test_missing_extra_names_the_extra() -> None:
    error = MissingExtraError("dateparser")
    assert "karabakh_tolls[extract]" in str(error) and isinstance(error, ImportError)


# --- review ------------------------------------------------------------------------------------


def test_review_accepts_corrects_and_rejects(tmp_path: Path) -> None:
    text = "Amnesty said 146 civilians died, 12 soldiers were wounded and 3 people went missing."
    found = extract(text, published="2021-01-14", document="d")
    answers = io.StringIO("a\nc\nparty=armenia; low=13; high=13\nr\n")
    out = io.StringIO()
    result = review(found, text, input=answers, output=out)
    assert ">>146<<" in out.getvalue()
    kept = result.claims.to_frame()
    assert list(kept["reviewed"]) == ["accepted", "corrected"]
    assert list(kept["low"]) == [146, 13] and kept["party"].iloc[1] == "armenia"
    assert list(result.rejected.to_frame()["reviewed"]) == ["rejected"]
    path = tmp_path / "reviewed.csv"
    result.claims.to_csv(path)
    assert list(kt.read_claims(path).to_frame()["reviewed"]) == ["accepted", "corrected"]


def test_review_refuses_an_invalid_correction_and_asks_again() -> None:
    text = "Amnesty said 146 civilians died."
    found = extract(text, published="2021-01-14", document="d")
    out = io.StringIO()
    result = review(
        found, text, input=io.StringIO("c\nparty=atlantis\nc\nlow=150; high=150\n"), output=out
    )
    assert "not a valid claim" in out.getvalue()
    assert list(result.claims.to_frame()["low"]) == [150]


def test_review_quit_leaves_the_rest_unreviewed() -> None:
    text = "Amnesty said 146 civilians died and 12 soldiers were wounded."
    found = extract(text, published="2021-01-14", document="d")
    result = review(found, text, input=io.StringIO("q\n"), output=io.StringIO())
    assert (len(result.claims), len(result.rejected), result.unreviewed) == (0, 0, 2)


def test_reviewed_column_is_validated() -> None:
    raw = pd.DataFrame(
        {
            "claim_id": ["a"],
            "low": [3],
            "outcome": "killed",
            "as_of": "2020-10-06",
            "source": "x",
            "document": "d",
            "reviewed": ["maybe"],
        }
    )
    with pytest.raises(kt.ClaimValidationError, match="reviewed"):
        kt.ClaimSet.from_frame(raw)


def test_cli_review_writes_a_reviewed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Amnesty said 146 civilians died and 12 soldiers were wounded.", "utf-8")
    target = tmp_path / "out.csv"
    monkeypatch.setattr("sys.stdin", io.StringIO("a\nr\n"))
    code = main(
        ["extract", str(article), "--published", "2021-01-14", "--review", "-o", str(target)]
    )
    assert code == 0
    assert list(kt.read_claims(target).to_frame()["reviewed"]) == ["accepted"]
    assert "1 rejected" in capsys.readouterr().err


# --- the real development set ------------------------------------------------------------------


def test_real_set_reference_is_well_formed() -> None:
    frame = pd.read_csv(REAL / "claims.csv", dtype=str, keep_default_na=False)
    assert frame["document"].nunique() >= 15 and len(frame) >= 60
    parts = {f"holdout{n}" for n in range(2, 12)} | {"dev", "holdout"}
    assert set(frame["part"]) == parts
    assert frame["war"].nunique() >= 4
    for row in frame.itertuples():
        text = (REAL / row.part / f"{row.document}.txt").read_text(encoding="utf-8")
        assert text[int(row.span_start) : int(row.span_end)] == row.quote
        assert text[int(row.figure_start) : int(row.figure_end)] == row.figure


def _real_wars() -> dict[str, kt.War]:
    return annotation_wars(REAL / "wars.toml")


# Measured on the part the rules were tuned on (benchmarks/results/eval_extract.txt); a floor
# keeps them from sliding back. The holdout parts have no floor here: they are never tuned on.
REAL_DEV_FLOORS = {
    "precision": 1.0,
    "recall": 1.0,
    "interval": 1.0,
    "scope": 0.92,
    "source": 1.0,
    "as_of": 1.0,
}


def test_real_dev_part_meets_its_floor() -> None:
    wars = _real_wars()
    raw = pd.read_csv(REAL / "claims.csv", dtype=str, keep_default_na=False)
    raw = raw[raw["part"] == "dev"]
    references, frames = [], []
    for document, rows in raw.groupby("document", sort=True):
        war = wars[rows["war"].iloc[0]]
        reference = kt.ClaimSet.from_frame(rows, wars=[war], trees=war.trees).to_frame()
        references.append(reference)
        text = (REAL / "dev" / f"{document}.txt").read_text(encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = extract(
                text,
                published=str(rows["published"].iloc[0]),
                document=str(document),
                outlet=str(rows["outlet"].iloc[0]),
                war=war,
            )
        frames.append(found.to_frame())
    result = score(pd.concat(frames, ignore_index=True), pd.concat(references, ignore_index=True))
    values = {"precision": result.precision, "recall": result.recall, **result.accuracy}
    for name, floor in REAL_DEV_FLOORS.items():
        assert values[name] >= floor, (name, values[name])


# --- document context: what a sentence leaves to its neighbours --------------------------------
# Each row is a short text in the style of wire copy (written for these tests, not taken from
# the evaluation sets), the war it is read in, and what the named figure must get.

UKRAINE = kt.War(
    "ukraine-test",
    "Russian invasion of Ukraine (test trees)",
    start="2022-02-24",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party", {"all": ["ukraine", "russia"]}, aliases={"ukrainian": "ukraine"}
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region",
            {"all": ["ukraine", "russia"], "ukraine": ["kharkiv", "kyiv"], "kyiv": ["bucha"]},
        ),
    ),
)
GAZA = kt.War(
    "gaza-test",
    "Israel-Hamas war (test trees)",
    start="2023-10-07",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party",
            {"all": ["palestine", "israel"]},
            aliases={"palestinian": "palestine", "palestinians": "palestine", "israeli": "israel"},
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region",
            {"all": ["palestine", "israel"], "palestine": ["gaza-strip"]},
            aliases={"gaza": "gaza-strip"},
        ),
    ),
)
SYRIA = kt.War(
    "syria-test",
    "Syrian civil war (test trees)",
    start="2011-03-15",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party",
            {"all": ["government-side", "opposition"], "government-side": ["syrian-government"]},
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region", {"all": ["syria"], "syria": ["idlib"], "idlib": ["saraqeb", "ehsim"]}
        ),
    ),
)
WARS = {
    "ukraine": UKRAINE,
    "gaza": GAZA,
    "syria": SYRIA,
    "karabakh": kt.load_war("karabakh-2020"),
    # the 2023 offensive without its end (the depot blast of 2023-09-25 came after it)
    "karabakh23": kt.War("karabakh-2023-test", "2023 offensive", start="2023-09-19"),
}


def _row(war: str, text: str, figure: str, published: str) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(text, published=published, document="t", war=WARS[war]).to_frame()
    rows = frame[frame["figure"] == figure]
    assert len(rows) == 1, frame[["figure", "note"]]
    return rows.iloc[0]


def _fields(row: pd.Series, expected: Mapping[str, object]) -> dict[str, object]:
    """The row's values of the expected keys, a date as its ISO day."""
    return {
        k: (row[k].date().isoformat() if isinstance(row[k], pd.Timestamp) else row[k])
        for k in expected
    }


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        (  # the lede's place is the document's subject: later figures naming none are there
            "ukraine",
            "Russian strikes hit cities in Ukraine overnight. Later, 12 civilians were killed, the "
            "UN said.",
            "12",
            "2022-06-28",
            {"region": "ukraine", "party": "ukraine"},
        ),
        (  # ... but not a party's military toll (soldiers fall wherever the front runs)
            "ukraine",
            "Russian strikes hit cities in Ukraine overnight. Later, 12 soldiers were killed, the "
            "army said.",
            "12",
            "2022-06-28",
            {"region": "all"},
        ),
        (  # ... nor a figure whose own words name its party
            "karabakh",
            "Shells fell on Stepanakert. Separately, 19 Karabakh civilians have been killed.",
            "19",
            "2020-10-06",
            {"region": "all", "party": "nagorno-karabakh"},
        ),
        (  # ... and a text whose first sentence names no place has no subject place
            "ukraine",
            "The UN spoke on Monday. In one attack on Kharkiv, a man was killed. Nearly 5,000 "
            "people have died in the war, Putin said.",
            "Nearly 5,000",
            "2022-06-28",
            {"region": "all"},
        ),
        (  # a continued statement ("added") keeps its place, party and day
            "gaza",
            "The Palestinian death toll in Gaza climbed to 23,210, the ministry said Tuesday. "
            "Some 126 people were killed in the previous 24 hours, the ministry added.",
            "Some 126",
            "2024-01-10",
            {"region": "gaza-strip", "party": "palestine", "as_of": "2024-01-09"},
        ),
        (  # the same speaker saying something new in another paragraph continues nothing
            "karabakh",
            "Amnesty said 21 civilians were killed in Ganja on October 17.\n"
            "Amnesty said that 146 civilians died in the conflict.",
            "146",
            "2021-01-14",
            {"region": "all", "party": "all", "as_of": "2021-01-14"},
        ),
        (  # the next sentence of an unattributed statement: the day and party carry on
            "karabakh",
            "As of September 29, 2020, 10 Azerbaijani civilians were killed. 30 civilians were "
            "injured.",
            "30",
            "2020-09-30",
            {"party": "azerbaijan", "as_of": "2020-09-29"},
        ),
        (  # "Of these ...": a part of the figure before, even one that is no claim (casualties)
            "ukraine",
            "Russia's armed attack against Ukraine has caused 10,631 civilian casualties, OHCHR "
            "said. Of these 4,731 people were killed during the war.",
            "4,731",
            "2022-06-30",
            {
                "category": "civilian",
                "party": "ukraine",
                "region": "ukraine",
                "perpetrator": "russia",
                "source": "ohchr",
            },
        ),
        (  # "Of them, 330 were children": the outcome of the figure before
            "ukraine",
            "As of June 26, the UN had recorded 4,731 civilian deaths in Ukraine. Of them, 330 "
            "were children.",
            "330",
            "2022-06-28",
            {"outcome": "killed", "category": "civilian", "as_of": "2022-06-26"},
        ),
        (  # "The dead included ...": the scope and the speaker of the figure before
            "gaza",
            "Israeli air strikes killed at least 40 Palestinians in Gaza, medics said. The dead "
            "included 12 children.",
            "12",
            "2023-12-10",
            {"category": "civilian", "perpetrator": "israel", "source": "medics"},
        ),
        (  # a breakdown of one population by sex and age is of one category
            "ukraine",
            "At least 95 girls, 98 boys, 985 women and 1,519 men were killed, OHCHR said.",
            "1,519",
            "2022-06-30",
            {"category": "civilian"},
        ),
        (  # each figure of a clause takes the place it is told with
            "syria",
            "The air raids killed 19 people, including six children, outside the city of "
            "Saraqeb, and another 23 people, among them 10 children, in the town of Ehsim.",
            "23",
            "2014-09-22",
            {"region": "ehsim", "outcome": "killed", "kind": "cumulative"},
        ),
        (  # a party adjective before a place noun places the figure ...
            "karabakh",
            "The fighting has also left two residents of Armenian villages dead.",
            "two",
            "2020-10-06",
            {"region": "armenia", "party": "armenia"},
        ),
        (  # ... but a named place of the figure wins ("the Armenian city of Martuni")
            "karabakh",
            "Missile strikes on the Armenian city of Martuni killed 3 civilians.",
            "3",
            "2020-10-06",
            {"region": "martuni", "party": "nagorno-karabakh"},
        ),
        (  # "killed there": the last place the text named, even in a speaker's title
            "karabakh23",
            "An official in the breakaway region of Nagorno-Karabakh said 25 people had been "
            "killed there.",
            "25",
            "2023-09-20",
            {"region": "nagorno-karabakh"},
        ),
        (  # "as a result": the place and day of the sentence before make an incident
            "karabakh",
            "On 27 September 2020 a shell fired by the armed forces of Armenia hit a house in "
            "the village of Gashalty, Naftalan district. As a result, Mr. Gurbanov and 4 "
            "members of his family were killed.",
            "Mr. Gurbanov and 4 members of his family",
            "2020-09-30",
            {
                "region": "naftalan",
                "perpetrator": "armenia",
                "kind": "incident",
                "as_of": "2020-09-27",
            },
        ),
    ],
)
def test_document_context(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        (  # a force named in a "since ..." phrase says who fought, not who killed
            "karabakh",
            "The ministry recorded 673 military deaths since fighting with Azeri forces erupted.",
            "673",
            "2020-10-18",
            "all",
        ),
        (  # "Azerbaijani forces" are Azerbaijan's (the war's party aliases read it so)
            "karabakh",
            "11 more soldiers have died in fighting with Azerbaijani forces.",
            "11",
            "2020-11-02",
            "azerbaijan",
        ),
        (
            "ukraine",
            "Russia's armed attack has killed 4,731 people.",
            "4,731",
            "2022-06-30",
            "russia",
        ),
        (  # "its forces": the speaker's own side
            "ukraine",
            "Russia's defence ministry said its forces had killed 200 Ukrainian soldiers.",
            "200",
            "2022-06-28",
            "russia",
        ),
        (  # "The air raids ...": the incident told before keeps its perpetrator
            "syria",
            "Syrian government air strikes killed at least 42 people in Idlib, the monitor said "
            "on Monday. The air raids on Sunday killed 19 people outside the city of Saraqeb.",
            "19",
            "2014-09-22",
            "syrian-government",
        ),
    ],
)
def test_perpetrators_in_context(
    war: str, text: str, figure: str, published: str, expected: str
) -> None:
    assert _row(war, text, figure, published)["perpetrator"] == expected


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "source"),
    [
        (  # a bare body resolved by whose dead it counts, when the text names them
            "gaza",
            "The Palestinian death toll in Gaza climbed to 23,210, the Health Ministry said.",
            "23,210",
            "2024-01-09",
            "gaza-health-ministry",
        ),
        (  # ... never from nothing: no party named, the phrase stays as written
            "gaza",
            "The death toll climbed to 23,210, the Health Ministry said.",
            "23,210",
            "2024-01-09",
            "health-ministry",
        ),
        (  # ... nor for a military toll (ministries count their enemies' soldiers too)
            "karabakh",
            "The defense ministry said 200 Armenian soldiers had been killed.",
            "200",
            "2020-10-06",
            "defense-ministry",
        ),
        (  # a title before a name
            "ukraine",
            "Russian shelling killed five civilians, regional governor Oleh Synehubov said.",
            "five",
            "2022-06-28",
            "regional-governor-oleh-synehubov",
        ),
        (  # a name and its apposition before the verb
            "ukraine",
            "Oleh Synehubov, the governor of the Kharkiv region, said shelling killed 5 people.",
            "5",
            "2022-06-28",
            "oleh-synehubov-the-governor-of-the-kharkiv-region",
        ),
        (  # a party's name speaking is its government
            "ukraine",
            "Ukraine says 10,000 of its soldiers have died.",
            "10,000",
            "2022-06-28",
            "ukraine-government",
        ),
        (  # "the mayor" is not the officials who spoke before
            "ukraine",
            "At least 1,000 civilians died in Kyiv, Ukrainian officials said. Another 300 died in "
            "Bucha, the mayor said.",
            "300",
            "2022-04-10",
            "mayor",
        ),
        (  # an earlier estimate told by a possessive speaker: the incident's side
            "karabakh23",
            "At least 170 people died in an explosion at a fuel depot in Nagorno-Karabakh on "
            "Monday. The announcement marks a rise from the authorities' previous estimate of "
            "68 deaths.",
            "68",
            "2023-09-29",
            "nk-authorities",
        ),
    ],
)
def test_speakers_in_context(war: str, text: str, figure: str, published: str, source: str) -> None:
    assert _row(war, text, figure, published)["source"] == source


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        (  # the day the text gives when no day of the statement is given
            "karabakh23",
            "An official said 25 people had been killed on Tuesday.",
            "25",
            "2023-09-20",
            ("cumulative", "2023-09-19"),
        ),
        (  # a sentence-initial day before the speaker
            "ukraine",
            "On Sunday, the doctors announced that the death toll had risen to 56.",
            "56",
            "2022-06-28",
            ("cumulative", "2022-06-26"),
        ),
        (  # the dateline's day holds for undated statements
            "gaza",
            "GAZA, Jan 14 (Reuters) - Medics said 10 people were killed in the strikes.",
            "10",
            "2024-01-15",
            ("cumulative", "2024-01-14"),
        ),
        (  # "injured in the blast": the incident told before, its day
            "karabakh23",
            "At least 170 people died in an explosion at a fuel depot in Nagorno-Karabakh on "
            "Monday.\nHospitals treated the 290 people injured in the blast.",
            "290",
            "2023-09-29",
            ("incident", "2023-09-25"),
        ),
        (  # the day of the incident told in the next sentence
            "syria",
            "Air strikes killed at least 42 people in Idlib, the monitor said on Monday. The air "
            "raids on Sunday killed 19 people outside the city of Saraqeb.",
            "at least 42",
            "2014-09-22",
            ("incident", "2014-09-21"),
        ),
        (  # a range "between X and Y" holds at its end
            "ukraine",
            "The UN has verified 4,700 civilian deaths between February 24 and June 26.",
            "4,700",
            "2022-06-29",
            ("cumulative", "2022-06-26"),
        ),
        (  # "Another 5,800 were injured": a second count, not an increment
            "ukraine",
            "The UN said on Tuesday that 4,700 civilians had been killed. Another 5,800 were "
            "injured, it said.",
            "5,800",
            "2022-06-29",
            ("cumulative", "2022-06-28"),
        ),
        (  # "N more of its soldiers" is an increment
            "karabakh",
            "The ministry said on Wednesday that 29 more of its soldiers had been killed.",
            "29",
            "2020-10-15",
            ("increment", "2020-10-14"),
        ),
    ],
)
def test_dates_in_context(
    war: str, text: str, figure: str, published: str, expected: tuple[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert (row["kind"], row["as_of"].date().isoformat()) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (  # an outcome told after an inserted part ("including N,")
            "Stepanyan added that 138 people, including 29 civilians, had been wounded.",
            {"138": "wounded", "29": "wounded"},
        ),
        (  # a population between a figure and its outcome is passed over
            "Armenia says 88,780 of the territory's estimated 120,000 ethnic Armenians have fled.",
            {"88,780": "displaced"},
        ),
        (  # ", and another 23 people": the verb of the first object
            "The raids killed 19 people outside the city, and another 23 people in the town.",
            {"19": "killed", "23": "killed"},
        ),
        (  # the persons after "29 more of" are counted by 29, not once more
            "The ministry said 29 more of its soldiers had been killed.",
            {"29": "killed"},
        ),
    ],
)
def test_outcomes_across_insertions(text: str, figures: dict[str, str]) -> None:
    frame = _frame(text, "2020-10-18")
    assert dict(zip(frame["figure"], frame["outcome"], strict=True)) == figures


def test_a_count_outside_the_war_is_refused_with_a_reason() -> None:
    text = "Israel's military said 300 soldiers had been killed since October 7."
    result = extract(text, published="2022-06-28", war=UKRAINE, debug=True)
    assert len(result.claims) == 0
    rejected = result.rejected.set_index("text")
    assert rejected.loc["300", "reason"] == "outside-war"
    assert "before the start" in rejected.loc["300", "detail"]


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        ("GAZA, Jan 14 (Reuters) - The toll rose.", "GAZA", "2009-01-14"),
        ("BEIRUT, Oct 22 (KUNA) -- The ministry said.", "BEIRUT", "2009-10-22"),
        ("BAKU, October 11. /TASS/. A total of 41 died.", "BAKU", "2009-10-11"),
        ("SANAA, Yemen (AP) — An official said.", "SANAA", None),
        ("KYIV (Reuters) - Five died.", "KYIV", None),
        ("Jerusalem: As many as 266 people died.", "Jerusalem", None),
    ],
)
def test_datelines(text: str, place: str, day: str | None) -> None:
    from karabakh_tolls.extract._text import dateline

    published = dt.date(2009, 11, 1) if "Oct" in text else dt.date(2009, 1, 14)
    if "October" in text:
        published = dt.date(2009, 10, 11)
    line = dateline(text, published)
    assert line is not None and line.place == place
    assert (line.date.isoformat() if line.date else None) == day


@pytest.mark.parametrize(
    "text",
    [
        "Authorities in Baku said on Tuesday that 27 civilians died.",
        "At least 23 people were killed.",
        "Russia's armed attack killed 5.",
        "On 27 September 2020, a shell hit a house.",
    ],
)
def test_no_dateline_in_an_ordinary_sentence(text: str) -> None:
    from karabakh_tolls.extract._text import dateline

    assert dateline(text, dt.date(2020, 10, 6)) is None


_PLACES = ["Kharkiv", "Kyiv", "Bucha", "Ukraine", "Russia"]
_TEMPLATES = [
    "{n} civilians were killed in {place} on {day}, the governor said.",
    "Russian shelling of {place} killed {n} people.",
    "{n} more were wounded, he added.",
    "Of them, {n} were children.",
    "The attack wounded {n} others.",
    "The death toll rose to {n}, officials said.",
    "Separately, {n} soldiers died.",
    "The dead included {n} women.",
    "Another {n} people were killed there, the ministry added.",
    "As a result, {n} residents were injured.",
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_TEMPLATES),
            st.integers(min_value=1, max_value=5000),
            st.sampled_from(_PLACES),
            st.sampled_from(["Monday", "Tuesday", "Sunday"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_context_never_invents_a_place_or_a_day(
    parts: list[tuple[str, int, str, str, bool]],
) -> None:
    """Whatever the neighbours carry, a claim's place is one the text names (or an ancestor of
    one, or the root), and its days lie in the war, on or before publication."""
    text = ""
    for template, n, place, day, new_paragraph in parts:
        text += ("\n" if new_paragraph and text else " ") + template.format(
            n=n, place=place, day=day
        )
    published = dt.date(2022, 6, 29)
    tree = UKRAINE.trees["region"]
    named = {tree.resolve(p.lower()) for p in _PLACES if p in text}
    allowed = {a for node in named for a in tree.ancestors(node)} | {"all"}
    frame = extract(text, published=published, document="p", war=UKRAINE).to_frame()
    for row in frame.itertuples():
        assert row.region in allowed, (text, row.figure, row.region)
        assert UKRAINE.start <= row.since.date() <= row.as_of.date() <= published


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The fatalities brought up to 881 the number of people killed.", 881, 881),
        ("The death toll went up to 50, officials said.", 50, 50),
        ("Up to 50 people may have been killed, officials said.", 0, 50),
    ],
)
def test_up_to_after_a_verb_of_rising_is_the_total_reached(text: str, low: int, high: int) -> None:
    row = _frame(text).iloc[0]
    assert (row["low"], row["high"]) == (low, high)


def test_a_pronoun_is_never_a_speakers_name() -> None:
    row = _frame("He reports 23 civilians dead.").iloc[0]
    assert row["source"] != "he" and row["source_kind"] != "individual"


def test_a_start_in_russian_is_a_start_not_the_day_of_the_count() -> None:
    text = "Общее число погибших военных с 27 сентября достигло 158 человек."
    row = _frame(text, "2020-10-02").iloc[0]
    assert (row["since"].date(), row["as_of"].date()) == (
        dt.date(2020, 9, 27),
        dt.date(2020, 10, 2),
    )


# --- real phrasings behind the second holdout's misses ------------------------------------------
# The second holdout became a development set when these rules were written: each row is a real
# phrasing of the kind it missed (some are its own sentences, some are shortened or rephrased),
# read in a small war of the right trees, and the field its figure must get.

YEMEN = kt.War(
    "yemen-test",
    "Saudi-led intervention in Yemen (test trees)",
    start="2015-03-26",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party",
            {"all": ["houthis", "yemeni-government", "saudi-led-coalition"]},
            aliases={"saudi-led": "saudi-led-coalition", "houthi": "houthis"},
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region", {"all": ["yemen"], "yemen": ["saada", "omran"]}, aliases={"amran": "omran"}
        ),
    ),
)
SUDAN = kt.War(
    "sudan-test",
    "War in Sudan (test trees)",
    start="2023-04-15",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party",
            {"all": ["sudanese-armed-forces", "rapid-support-forces"]},
            aliases={"rsf": "rapid-support-forces"},
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region",
            {
                "all": ["sudan"],
                "sudan": ["darfur", "khartoum"],
                "darfur": ["north-darfur"],
                "north-darfur": ["el-fasher"],
            },
        ),
    ),
)
MYANMAR = kt.War(
    "myanmar-test",
    "Myanmar civil war (test trees)",
    start="2021-02-01",
    trees=kt.default_trees()
    .replace("party", kt.ScopeTree.from_mapping("party", {"all": ["junta", "resistance"]}))
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region",
            {
                "all": ["myanmar"],
                "myanmar": ["sagaing"],
                "sagaing": ["pale-township"],
                "pale-township": ["nyaung-kone"],
            },
            aliases={"pale": "pale-township"},
        ),
    ),
)
LEBANON = kt.War(
    "lebanon-test",
    "Israel-Hezbollah conflict (test trees)",
    start="2023-10-07",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party",
            {"all": ["lebanon", "israel"], "lebanon": ["hezbollah"]},
            aliases={"israeli": "israel", "lebanese": "lebanon"},
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region", {"all": ["lebanon", "israel"], "lebanon": ["southern-lebanon"]}
        ),
    ),
)
UKRAINE_REGIONS = kt.War(
    "ukraine-regions-test",
    "Russian invasion of Ukraine (test trees with oblasts)",
    start="2022-02-24",
    trees=kt.default_trees()
    .replace(
        "party",
        kt.ScopeTree.from_mapping(
            "party", {"all": ["ukraine", "russia"]}, aliases={"russian": "russia"}
        ),
    )
    .replace(
        "region",
        kt.ScopeTree.from_mapping(
            "region",
            {"all": ["ukraine", "russia"], "ukraine": ["kirovohrad", "zaporizhzhia"]},
        ),
    ),
)
WARS.update(yemen=YEMEN, sudan=SUDAN, myanmar=MYANMAR, lebanon=LEBANON, ukraine2=UKRAINE_REGIONS)


@pytest.mark.parametrize(
    ("war", "text", "published", "figures"),
    [
        (  # the outcome word far before the figure, past a number glued into a compound
            "gaza",
            "The number of Palestinians killed in a 19-day-old Israeli offensive in the Gaza "
            "Strip reached at least 1,000 on Wednesday, officials said.",
            "2023-10-26",
            {"at least 1,000": "killed"},
        ),
        (  # a second object after a transitive verb
            "lebanon",
            "The attacks have killed 316 children and 790 women, Abiad added.",
            "2024-12-04",
            {"316": "killed", "790": "killed"},
        ),
        (  # "These included" opens on parts of the figure before
            "gaza",
            "The rights group said 673 civilians had died. These included 225 children and 69 "
            "women.",
            "2023-10-26",
            {"673": "killed", "225": "killed", "69": "killed"},
        ),
        (  # "Among the victims were", then the list
            "sudan",
            "Among the victims were 4 women and 10 children, with 17 others injured.",
            "2025-04-12",
            {"4": "killed", "10": "killed", "17": "wounded"},
        ),
        (  # "lives have been lost"
            "sudan",
            "Over 29,683 lives have been lost in the conflict, the monitor said.",
            "2025-04-12",
            {"Over 29,683": "killed"},
        ),
        (  # fighters governed by a casualty verb are casualties; a count of fighters is not
            "gaza",
            "At least 10 people, including at least four militants, were killed on Wednesday, "
            "medics said. The group has 3,000 fighters.",
            "2023-10-26",
            {"At least 10": "killed", "at least four": "killed"},
        ),
        (  # a number word inside the noun phrase ("from one family") blocks no outcome
            "yemen",
            "The Houthi movement said five civilians from one family were killed in air strikes.",
            "2019-09-23",
            {"five": "killed"},
        ),
        (  # implicit persons: with modifiers and a place, and after "including"
            "myanmar",
            "Three women and seven men, including a monk, were killed by the airstrike. A "
            "female Kyar Si villager in Pale Township was killed in another airstrike.",
            "2023-06-28",
            {
                "Three": "killed",
                "seven": "killed",
                "a monk": "killed",
                "A female Kyar Si villager": "killed",
            },
        ),
    ],
)
def test_recall_on_real_structures(
    war: str, text: str, published: str, figures: dict[str, str]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(text, published=published, document="t", war=WARS[war]).to_frame()
    assert dict(zip(frame["figure"], frame["outcome"], strict=True)) == figures, frame[
        ["figure", "outcome", "note"]
    ]


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        (  # a party whose name is a force, after "by" and an adjective
            "sudan",
            "At least 32 civilians were killed in an attack by the paramilitary Rapid Support "
            "Forces [RSF] in El Fasher, the capital of North Darfur State, according to the "
            "Sudanese army.",
            "At least 32",
            "2025-04-12",
            {"perpetrator": "rapid-support-forces", "region": "el-fasher"},
        ),
        (  # a coalition, hyphenated, after "by the"; "in Omran province in Yemen"
            "yemen",
            "Five civilians were killed in air strikes by the Saudi-led coalition in Omran "
            "province in Yemen, the Houthi movement said.",
            "Five",
            "2019-09-23",
            {"perpetrator": "saudi-led-coalition", "region": "omran"},
        ),
        (  # singular force word after a hyphenated party word and a filler
            "yemen",
            "A Yemeni health official says a suspected Saudi-led coalition airstrike has killed "
            "at least 26 people.",
            "at least 26",
            "2017-11-01",
            {"perpetrator": "saudi-led-coalition", "source": "yemeni-health-official"},
        ),
        (  # a possessive force word; a two-word place before its adjective reading
            "lebanon",
            "The Lebanese Ministry of health announced on Tuesday an updated toll from the "
            "Israeli occupation's airstrike near a hospital in southern Lebanon, which increased "
            "to at least 13 dead.",
            "at least 13",
            "2024-10-22",
            {"perpetrator": "israel", "region": "southern-lebanon"},
        ),
        (  # a party word that names an armed actor by itself, after "by"
            "myanmar",
            "Eleven villagers were killed by the junta in Pale Township, Sagaing Region.",
            "Eleven",
            "2023-06-28",
            {"perpetrator": "junta", "region": "pale-township"},
        ),
        (  # the lede's chain of places gives the narrowest one to later figures; the lede's
            # incident gives them its perpetrator
            "ukraine2",
            "Three people were killed when 13 Russian missiles hit a military airfield in "
            "Ukraine's central region of Kirovohrad on Saturday, the regional governor said.\n"
            "Two security guards were killed at an electricity substation, Governor Andriy "
            "Raikovych said on television.",
            "Two",
            "2022-07-23",
            {"perpetrator": "russia", "region": "kirovohrad"},
        ),
        (  # a verbless "All civilians" after the figures; the same count told again
            "ukraine2",
            "At least 23 people were killed and 28 wounded in a Russian missile strike near the "
            "city of Zaporizhzhia on Friday, the regional governor said.\n"
            '"So far, 23 dead and 28 wounded. All civilians," Oleksandr Starukh, the '
            "Zaporizhzhia regional governor, wrote on the Telegram messaging app.",
            "At least 23",
            "2022-09-30",
            {"category": "civilian", "perpetrator": "russia", "region": "zaporizhzhia"},
        ),
        (  # the repeated count in the quotation gets the lede's scope and day
            "gaza",
            "As many as 266 people died in the Gaza Strip as a result of the Israeli shelling, "
            "Gaza Health Ministry spokesman Ashraf Al-Qudra said on Sunday.\n"
            "\u201cIsraeli occupiers carried out 24 massacres, killing 266 people,\u201d "
            "Al-Qudra told a press conference.",
            "266",
            "2023-10-23",
            {"perpetrator": "israel", "as_of": "2023-10-22", "source": "gaza-health-ministry"},
        ),
        (  # a later sentence on the same incident ("Wednesday's airstrike") names its place
            "yemen",
            "A Yemeni health official says a suspected Saudi-led coalition airstrike has killed "
            "at least 26 people.\nAbdellah al-Ezi says that Wednesday's airstrike wounded nine "
            "others after it struck a small hotel in northern Saada province.",
            "at least 26",
            "2017-11-01",
            {"region": "saada"},
        ),
        (  # the lede's incident day goes to later undated parts of it
            "myanmar",
            "At least 11 civilians were killed on Tuesday in two junta airstrikes in Pale "
            "Township.\nA jet shot at houses in Nyaung Kone village, killing 10 villagers, "
            "according to a Pale Township people's administration spokesman.",
            "10",
            "2023-06-28",
            {
                "perpetrator": "junta",
                "region": "nyaung-kone",
                "as_of": "2023-06-27",
                # a body's spokesman speaks for the body (the spokesman is in the note)
                "source": "pale-township-people-s-administration",
            },
        ),
    ],
)
def test_scope_from_real_context(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        (  # a running total opens the text: no incident, so no perpetrator for later figures
            "gaza",
            "The Palestinian death toll in Gaza climbed to 23,210 in Israeli strikes since Oct. "
            "7, the Health Ministry said Tuesday.\nSome 126 Palestinians were killed in the "
            "previous 24 hours, the ministry added.",
            "Some 126",
            "2024-01-09",
            {"perpetrator": "all"},
        ),
        (  # a count of the whole war keeps no incident's perpetrator
            "yemen",
            "A suspected Saudi-led coalition airstrike has killed at least 26 people.\nThe "
            "stalemated war has killed more than 10,000 civilians.",
            "more than 10,000",
            "2017-11-01",
            {"perpetrator": "all"},
        ),
        (  # an unattributed lede stays the outlet's even when a speaker repeats its count
            "sudan",
            "Almost 100 civilians have been killed in Sudan.\nThe doctors' committee put the "
            "number of civilian deaths at almost 100, the group said.",
            "Almost 100",
            "2023-04-17",
            {"source": "unattributed"},
        ),
        (  # "an updated toll" is no speech verb: the ministry is the speaker
            "lebanon",
            "The Lebanese Ministry of Health announced on Tuesday an updated toll of 13 dead.",
            "13",
            "2024-10-22",
            {"source": "lebanese-ministry-of-health"},
        ),
        (  # a leading "while" is no part of the speaker
            "sudan",
            "Over 29,683 lives have been lost, while the International Organization for "
            "Migration reports that more than 15 million people have been displaced.",
            "more than 15 million",
            "2025-04-12",
            {"source": "international-organization-for-migration"},
        ),
    ],
)
def test_context_says_less_where_the_text_does(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


def test_two_speakers_with_the_same_number_are_two_counts() -> None:
    text = (
        "23 civilians were killed by Russia's strike on Zaporizhzhia, Oleksandr Starukh said.\n"
        "Vladimir Rogov claims that 23 civilians died and 34 were wounded."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(text, published="2022-09-30", document="t", war=UKRAINE_REGIONS)
    rows = frame.to_frame()
    rows = rows[rows["figure"] == "23"]
    assert list(rows["source"]) == ["oleksandr-starukh", "vladimir-rogov"]
    assert list(rows["perpetrator"]) == ["russia", "all"], rows["note"].tolist()


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        (  # an outcome cue that introduces the next figure is not this one's
            "The death toll from the clashes has risen to 16, the number of injured to 34, a "
            "spokesman said.",
            "16",
            {"outcome": "killed"},
        ),
        (  # the outcome after a part-of phrase, not the noun of the phrase
            "One of the wounded, a 28-year-old woman, died in hospital, the ministry said.",
            "One",
            {"outcome": "killed"},
        ),
        (  # a statement phrase before the speaker is no part of the speaker
            "The Health Ministry said 5 people were killed. In statement the ministry said the "
            "city hospital received 4 dead.",
            "4",
            {"source": "health-ministry"},
        ),
    ],
)
def test_bugs_the_third_holdout_showed(text: str, figure: str, expected: dict[str, str]) -> None:
    row = _frame(text).set_index("figure").loc[figure]
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [
        ("Correspondents speak of 12 or 13 people killed.", "12 or 13", 12, 13),
        ("Two or three civilians were killed in the shelling, police said.", "Two or three", 2, 3),
        ("Between 40 and 50 people were killed, the ministry said.", "Between 40 and 50", 40, 50),
    ],
)
def test_a_figure_of_two_alternatives_is_their_range(
    text: str, figure: str, low: int, high: int
) -> None:
    # Fails if "12 or 13" is read as its last number (13: a wrong value given calmly), as the
    # fourth holdout's first run showed.
    row = _frame(text).set_index("figure").loc[figure]
    assert (row["low"], row["high"]) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Gang violence has killed or injured at least 234 people in Cite Soleil, according to "
        "the United Nations.",
        "Five soldiers were killed or wounded in the ambush, the army said.",
        "Dozens of people were wounded or killed when the market was shelled.",
    ],
)
def test_one_count_of_killed_or_injured_is_no_claim(text: str) -> None:
    # Fails if a count of two outcomes together is read as a count of the dead.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = extract_debug(text, published="2022-07-16", document="t")
    assert len(found.claims) == 0
    assert "mixed-outcome" in set(found.rejected["reason"])


def _test_war(
    ident: str,
    start: str,
    parties: dict[str, list[str]],
    regions: dict[str, list[str]],
    aliases: dict[str, str] | None = None,
) -> kt.War:
    """A small war of test trees (party and region), with aliases of party words."""
    return kt.War(
        ident,
        f"{ident} (test trees)",
        start=start,
        trees=kt.default_trees()
        .replace(
            "party",
            kt.ScopeTree.from_mapping("party", parties, aliases=aliases or {}),
        )
        .replace("region", kt.ScopeTree.from_mapping("region", regions)),
    )


WARS.update(
    nigeria=_test_war(
        "nigeria-test",
        "2009-07-26",
        {"all": ["nigeria", "boko-haram"]},
        {"all": ["nigeria"], "nigeria": ["borno"], "borno": ["damboa"]},
        aliases={"nigerian": "nigeria"},
    ),
    drc=_test_war(
        "drc-test",
        "2021-11-07",
        {"all": ["drc-government-side", "m23"]},
        {"all": ["drc"], "drc": ["north-kivu"], "north-kivu": ["rutshuru"]},
    ),
    afghanistan=_test_war(
        "afghanistan-test",
        "2001-10-07",
        {"all": ["afghanistan", "united-states", "islamic-state"]},
        {"all": ["afghanistan"], "afghanistan": ["kabul"]},
        aliases={"u-s": "united-states", "afghan": "afghanistan", "afghans": "afghanistan"},
    ),
    kyrgyz=_test_war(
        "kyrgyz-test",
        "2022-09-14",
        {"all": ["kyrgyzstan", "tajikistan"]},
        {"all": ["kyrgyzstan", "tajikistan"], "kyrgyzstan": ["batken"]},
        aliases={"kyrgyz": "kyrgyzstan", "tajik": "tajikistan"},
    ),
    burkina=_test_war(
        "burkina-test",
        "2015-08-23",
        {"all": ["burkina-faso", "jihadist-groups"]},
        {"all": ["burkina-faso"], "burkina-faso": ["yirgou"]},
        aliases={"extremists": "jihadist-groups", "jihadists": "jihadist-groups"},
    ),
    ukraine3=_test_war(
        "ukraine-test",
        "2022-02-24",
        {"all": ["ukraine", "russia"]},
        {"all": ["ukraine", "russia"], "ukraine": ["kramatorsk"]},
        aliases={"russian": "russia"},
    ),
    karabakh2=_test_war(
        "karabakh-test",
        "2020-09-27",
        {"all": ["armenia", "azerbaijan"]},
        {"all": ["armenia", "azerbaijan"], "azerbaijan": ["ganja", "barda"]},
        aliases={"armenian": "armenia", "azerbaijani": "azerbaijan"},
    ),
)


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        # --- perpetrators: an armed group as the subject of the outcome verb
        (
            "drc",
            "In eastern Congo last week, M23 rebels killed at least 131 civilians, a UN "
            "spokesman said.",
            "at least 131",
            "2022-12-09",
            {"perpetrator": "m23"},
        ),
        (
            "nigeria",
            "Boko Haram has so far killed more than 13,000 people in various armed attacks in "
            "Nigeria.",
            "more than 13,000",
            "2015-03-06",
            {"perpetrator": "boko-haram"},
        ),
        (
            "nigeria",
            "On February 20, at least 21 people were killed as suspected Boko Haram fighters "
            "carried out armed attacks on three villages in Borno State.",
            "at least 21",
            "2015-03-06",
            {"perpetrator": "boko-haram"},
        ),
        (  # a group that holds no territory is an actor after "by" with no force noun
            "nigeria",
            "At least 47 villagers were killed in the latest attack by Boko Haram in Borno, a "
            "local security source said.",
            "At least 47",
            "2015-03-06",
            {"perpetrator": "boko-haram", "region": "borno"},
        ),
        (
            "burkina",
            "Fourteen Burkina Faso soldiers were killed on Monday by extremists at the Yirgou "
            "military barracks, according to a government statement.",
            "Fourteen",
            "2021-10-08",
            {
                "perpetrator": "jihadist-groups",
                "party": "burkina-faso",
                "source": "government-statement",
            },
        ),
        (  # the group counted is no perpetrator of its own dead (the state is, by the rule
            # that an armed group's dead fall to the state: tests/test_extract_scope.py)
            "nigeria",
            "Five Boko Haram fighters killed in the raid were buried in Borno, the army said.",
            "Five",
            "2015-03-06",
            {"perpetrator": "nigeria"},
        ),
        # --- perpetrators named with the incident in a later sentence (bounded look-ahead)
        (
            "afghanistan",
            "An Afghan official says at least 60 Afghans were killed and 143 wounded. A U.S. "
            "official said the complex attack was believed to have been carried out by the "
            "Islamic State group.",
            "at least 60",
            "2021-08-26",
            {"perpetrator": "islamic-state", "party": "afghanistan"},
        ),
        (
            "ukraine3",
            "At least 50 people were killed in a missile attack on eastern Ukraine's Kramatorsk "
            "railway station.\nThe number of victims after the strike of Russian occupation "
            "troops at the station keeps rising, the governor wrote.",
            "At least 50",
            "2022-04-08",
            {"perpetrator": "russia", "region": "kramatorsk"},
        ),
        (  # a running total in the same paragraph keeps no incident's perpetrator
            "afghanistan",
            "The war has so far killed 2,400 U.S. service members. A U.S. official said the "
            "complex attack was carried out by the Islamic State group.",
            "2,400",
            "2021-08-26",
            {"perpetrator": "all", "party": "united-states", "category": "military"},
        ),
        # --- places without a preposition, and sentences naming both countries
        (
            "karabakh2",
            "The death toll of the missile strike on Azerbaijan's Ganja city by Armenia has "
            "reached 10 people, Trend reports with reference to the Azerbaijani General "
            "Prosecutor's Office.",
            "10",
            "2020-10-12",
            {
                "perpetrator": "armenia",
                "region": "ganja",
                "source": "azerbaijan-prosecutor",
                "via": "trend",
            },
        ),
        (
            "karabakh2",
            "After the new aggression of Armenia against Azerbaijan, this was the third major "
            "attack on Ganja, which resulted in the death of a significant number of civilians - "
            "12 people, including two children, were killed, says the report.",
            "12",
            "2020-10-17",
            {"perpetrator": "armenia", "region": "ganja"},
        ),
        (  # a possessive of a party's country names whose actor, not where
            "afghanistan",
            "Afghanistan's Taliban rulers said 5 people were killed in Kabul.",
            "5",
            "2021-08-26",
            {"region": "kabul"},
        ),
        # --- speakers
        (  # a body's spokesman speaks for the body
            "drc",
            '"An additional 8 people were shot and wounded," said Stephane Dujarric, the Chief '
            "Spokesman for UN Secretary-General Antonio Guterres, on Thursday.",
            "8",
            "2022-12-09",
            {"source": "united-nations"},
        ),
        (
            "drc",
            "M23 rebels killed at least 131 civilians, a UN spokesman said.",
            "at least 131",
            "2022-12-09",
            {"source": "united-nations"},
        ),
        (  # "It also said" at a sentence's start, after a sentence with no figure
            "ukraine2",
            "Children trying to flee have been shot dead, the UN human rights office said on "
            "Thursday. It also said it was investigating reports that 50 to 80 people had died "
            "in an air strike.",
            "50 to 80",
            "2022-06-08",
            {"source": "ohchr"},
        ),
        (  # a time before the speaker is no part of it
            "ukraine2",
            "Last week Ukrainian police said at least seven civilians had been killed.",
            "at least seven",
            "2022-06-08",
            {"source": "ukrainian-police"},
        ),
        (  # a ministry counts its own country's dead when the count names no party or place
            "kyrgyz",
            "Tajikistan's foreign ministry said at least 35 people died during recent clashes.",
            "at least 35",
            "2022-09-18",
            {"party": "tajikistan"},
        ),
        (  # but not the dead of a whole war
            "kyrgyz",
            "Kyrgyzstan's foreign ministry said 100 people had died in the conflict overall.",
            "100",
            "2022-09-18",
            {"party": "all"},
        ),
    ],
)
def test_rules_written_on_the_third_holdouts_misses(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Agency spokesman Mahmud Bassal announced 33 deaths while a medical source at the "
            "Al-Awda hospital told AFP earlier that it had registered 22 dead.",
            "medical source at the Al-Awda hospital",
        ),
        (
            "A security source in Maiduguri said 12 people were killed.",
            "security source in Maiduguri",
        ),
    ],
)
def test_an_unnamed_situated_source_is_kept_as_text(text: str, name: str) -> None:
    rows = _frame(text)
    assert name in set(rows["source_name"]), rows[["figure", "source_name"]]


def test_a_spokesman_named_after_the_body_speaks_for_it() -> None:
    text = (
        "Gaza's civil defence agency said an Israeli strike killed 33 people.\n"
        'Agency spokesman Mahmud Bassal announced "33 deaths and dozens of wounded".'
    )
    rows = _frame(text, published="2024-10-19")
    assert set(rows["source"]) == {"gaza-s-civil-defence-agency"}, rows["note"].tolist()
    assert any("Mahmud Bassal" in note for note in rows["note"])


WARS.update(
    mali=_test_war(
        "mali-test",
        "2012-01-17",
        {"all": ["mali", "jihadist-groups"], "jihadist-groups": ["isgs"]},
        {"all": ["mali", "burkina-faso"], "mali": ["mopti"], "mopti": ["djiguibombo"]},
        aliases={"malian": "mali", "jihadists": "jihadist-groups", "terrorists": "jihadist-groups"},
    ),
    somalia=_test_war(
        "somalia-test",
        "2006-12-20",
        {"all": ["somali-government-side", "al-shabaab"]},
        {"all": ["somalia"], "somalia": ["mogadishu"]},
        aliases={"shebab": "al-shabaab", "shabaab": "al-shabaab"},
    ),
    mozambique=_test_war(
        "mozambique-test",
        "2017-10-05",
        {"all": ["mozambique", "insurgents"]},
        {"all": ["mozambique"], "mozambique": ["cabo-delgado"], "cabo-delgado": ["mbau"]},
    ),
    haiti=_test_war(
        "haiti-test",
        "2021-07-07",
        {"all": ["haiti", "gangs"]},
        {"all": ["haiti"], "haiti": ["port-au-prince"]},
    ),
    iran=_test_war(
        "israel-iran-test",
        "2025-06-13",
        {"all": ["israel", "iran"]},
        {"all": ["israel", "iran"], "iran": ["tehran"]},
        aliases={"israeli": "israel", "iranian": "iran"},
    ),
    south_sudan=_test_war(
        "south-sudan-test",
        "2013-12-15",
        {"all": ["south-sudan-government-side", "opposition", "communities"]},
        {"all": ["south-sudan"], "south-sudan": ["jonglei", "eastern-lakes"],
         "jonglei": ["bor-south"]},
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        # --- perpetrators read from structures, whatever the actor's name
        (  # "blamed on X"
            "mali",
            "An attack blamed on jihadists in central Mali killed more than 20 civilians on "
            "Monday, two officials from the provincial authority said.",
            "more than 20",
            "2024-07-03",
            {"perpetrator": "jihadist-groups"},
        ),
        (  # "attacks launched by X" with no force noun after X
            "iran",
            '"224 Iranian citizens were martyred and more than a thousand others were injured as '
            'a result of the attacks launched by the Israeli entity on sites inside the country," '
            "the semi-official Mehr News Agency quoted the ministry as saying.",
            "224",
            "2025-06-16",
            {"perpetrator": "israel", "outcome": "killed", "via": "semi-official-mehr-news-agency"},
        ),
        (  # "attacks and aggressions by X"
            "iran",
            'The minister described the "most horrific attacks and aggressions" by Israel, '
            "resulting in 104 deaths.",
            "104",
            "2025-06-24",
            {"perpetrator": "israel"},
        ),
        (  # a party named in the plural used as a noun adjunct ("gangs" -> "Gang violence")
            "haiti",
            "Gang violence in Haiti has killed over 1,500 people so far this year, the U.N. human "
            "rights office said on Thursday.",
            "over 1,500",
            "2024-03-28",
            {"perpetrator": "gangs", "source": "ohchr"},
        ),
        (  # a generic armed actor is the war's one party that holds no territory
            "mozambique",
            "A terrorist gang attacked the administrative post of Mbau, in the northern province "
            "of Cabo Delgado on Monday night, killing at least 10 people.",
            "at least 10",
            "2019-09-24",
            {"perpetrator": "insurgents", "region": "mbau", "party": "all"},
        ),
        (  # a name's parenthesised abbreviation
            "mali",
            "Seven soldiers were killed in an attack by the Islamic State in the Greater Sahara "
            "(ISGS) group, the army said.",
            "Seven",
            "2022-08-09",
            {"perpetrator": "isgs", "category": "military"},
        ),
        (  # a force in the speaker's name speaks; it is not who killed
            "mali",
            "At least 17 soldiers and four civilians were killed Sunday in an attack in a border "
            "zone between Mali, Burkina Faso, and Niger, Mali's army said.",
            "At least 17",
            "2022-08-09",
            {"perpetrator": "all"},
        ),
        # --- the party of counted attackers; civilians of an insurgency are no side
        (
            "somalia",
            "The Al-Qaeda-linked Shebab have claimed responsibility for the attack, in which four "
            "of their gunmen were also killed.",
            "four",
            "2016-01-22",
            {
                "party": "al-shabaab",
                "category": "military",
                "source": "unattributed",
                "perpetrator": "all",
            },
        ),
        (
            "haiti",
            "The UN said 531 people were killed in the capital, Port-au-Prince.",
            "531",
            "2023-03-21",
            {"party": "all", "region": "port-au-prince"},
        ),
        (  # "mainly in X": not only there
            "haiti",
            "A total of 531 people were killed in gang-related incidents that took place mainly "
            "in the capital, Port-au-Prince, the UN said.",
            "531",
            "2023-03-21",
            {"region": "all"},
        ),
        (  # "near the X border": the border area, not X
            "mali",
            "Attacks on Malian military camps near the Burkina Faso border killed 38 soldiers.",
            "38",
            "2019-10-03",
            {"region": "all"},
        ),
        # --- speakers from reporting structures
        (  # "Correspondents for X speak of"
            "mozambique",
            'Correspondents for the "Mozambique Political Process Bulletin" (published by the '
            "anti-corruption NGO, the Centre for Public Integrity, CIP) speak of 12 or 13 people "
            "killed.",
            "12 or 13",
            "2019-09-24",
            {"source": "mozambique-political-process-bulletin"},
        ),
        (  # a quoted name, its gloss and its apposition; "puts the death toll at"
            "mozambique",
            '"Sala da Paz" ("Peace Room"), a coalition of election observation bodies, puts the '
            "death toll at 15.",
            "15",
            "2019-09-24",
            {"source": "sala-da-paz"},
        ),
        (  # the UN rights office named without "UN"; a spokesperson of the body named before
            "haiti",
            "According to the statement released by the Office of the High Commissioner for Human "
            "Rights, spokesperson Marta Hurtado said a total of 531 people were killed.",
            "531",
            "2023-03-21",
            {"source": "ohchr"},
        ),
        (  # "X quoted Y as saying" -> Y, via X
            "iran",
            'Iran\'s Health Ministry announced the toll. "At least 224 people were killed," the '
            "semi-official Mehr News Agency quoted the ministry as saying.",
            "At least 224",
            "2025-06-16",
            {"source": "iran-s-health-ministry", "via": "semi-official-mehr-news-agency"},
        ),
        # --- days, places and periods told elsewhere in the text
        (  # the incident's day in a later sentence without figures
            "somalia",
            "Shebab militants killed at least 19 people when five gunmen detonated a bomb before "
            "storming a restaurant in the capital Mogadishu, police said Friday.\nAfter a huge "
            "explosion, gunmen burst into the restaurant on Thursday evening.",
            "at least 19",
            "2016-01-22",
            {"as_of": "2016-01-21", "kind": "incident", "source": "police"},
        ),
        (  # the day of a statement is no day of the incident
            "mali",
            "At least 22 troops were injured in the attack, the army said late Monday.\nThe army "
            "had blamed the attack on terrorists in an earlier announcement late Sunday.",
            "At least 22",
            "2022-08-09",
            {"as_of": "2022-08-08", "kind": "cumulative"},
        ),
        (  # the place of the incident in the next sentence
            "south_sudan",
            "December 31, 2017 (JUBA) - At least 22 people were killed in inter-clan clashes that "
            "occurred in war-torn South Sudan, an official said.\nThe fighting, the latest in a "
            "series of attacks between rival communities, occurred in Bor South, which is located "
            "in Jonglei state.",
            "At least 22",
            "2018-01-01",
            {"region": "bor-south"},
        ),
        (  # not a place of the speaker's title; and the day its sentence gives: an incident
            "south_sudan",
            "At least 11 people were killed in South Sudan on Sunday during tribal clashes, an "
            "official said.\nThe Nyang county commissioner, John Malith Tiop told dpa that "
            "clashes between the Nuer and Dinka clans took place in Eastern Lakes State.",
            "At least 11",
            "2019-09-23",
            {"region": "eastern-lakes", "kind": "incident", "as_of": "2019-09-22"},
        ),
        (  # a period of months holds at its end
            "haiti",
            "For the six months from January to June, the UN human rights office put the death "
            "toll at 934.",
            "934",
            "2022-07-16",
            {"as_of": "2022-06-30", "kind": "cumulative", "source": "ohchr"},
        ),
        (  # "the past 24 hours" anywhere in the clause: an increment
            "iran",
            "Zafarghandi described the past 24 hours as witnessing heavy attacks, resulting in "
            "104 deaths and 1,342 injuries.",
            "104",
            "2025-06-24",
            {"kind": "increment", "source": "zafarghandi"},
        ),
        # --- recall: durations and counts of attacks block no outcome word
        (
            "iran",
            "The death toll from Israeli strikes across Iran over the past 12 days has reached "
            "606, Iran's Health Minister Mohammad-Reza Zafarghandi said on Tuesday.",
            "606",
            "2025-06-24",
            {"outcome": "killed", "perpetrator": "israel", "party": "iran"},
        ),
        (
            "mali",
            "The death toll in two jihadist attacks this week on Malian military camps has risen "
            "to 38 soldiers, the defence minister said on Thursday.",
            "38",
            "2019-10-03",
            {"outcome": "killed", "category": "military"},
        ),
        (
            "haiti",
            "Gang violence has killed over 1,500 people while dozens have been lynched by "
            "so-called self-defence brigades.",
            "dozens",
            "2024-03-28",
            {"outcome": "killed"},
        ),
        (
            "ukraine3",
            "Pavlo Kyrylenko wrote on Telegram that seven more people remained under the rubble.",
            "seven",
            "2023-04-14",
            {"outcome": "missing"},
        ),
    ],
)
def test_rules_written_on_the_fourth_holdouts_misses(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    "text",
    [
        "The Al-Qaeda-linked Shebab have claimed responsibility for the attack, in which 20 "
        "people were killed.",
        "The militants claimed responsibility for the bombing that killed 20 people.",
    ],
)
def test_claiming_responsibility_is_no_statement_of_a_count(text: str) -> None:
    row = _row("somalia", text, "20", "2016-01-22")
    assert row["source"] == "unattributed", row["note"]


def test_a_day_told_later_makes_no_incident_without_a_place() -> None:
    # the fifth holdout's first run crashed here: an incident with no place has no event id
    text = (
        "At least 19 people were killed when gunmen stormed a restaurant, police said Friday.\n"
        "After a huge explosion, gunmen burst into the restaurant on Thursday evening."
    )
    rows = _frame(text, published="2020-10-16")
    assert list(rows["kind"]) == ["cumulative"], rows["note"].tolist()


# --- wrong values the fifth holdout's first run gave calmly (fixed after it, as bugs) ---------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "The Public Health Ministry has revised the death toll in border clashes with "
            "Cambodia across four provinces to 12 deaths and 31 injuries.",
            {"12": "killed", "31": "wounded"},  # "four provinces" counts places, not people
        ),
        (
            "Clashes between militants and security forces have claimed more than 6,000 lives "
            "and displaced around a million people, according to the International Crisis "
            "Group (ICG).",
            {"more than 6,000": "killed"},  # lives are the dead, not the displaced
        ),
        ("Fighting in 14 counties has killed 200 civilians.", {"200": "killed"}),
        ("The war has cost 12,000 lives, the UN said.", {"12,000": "killed"}),
        ("Rescue teams saved 300 lives in the flooded villages, officials said.", {}),
    ],
)
def test_counts_of_places_and_of_lives_saved_are_no_tolls_and_lives_lost_are_dead(
    text: str, figures: dict[str, str]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = extract_debug(text, published="2025-07-26", document="t")
    rows = found.claims.to_frame()
    got = dict(zip(rows["figure"], rows["outcome"], strict=True))
    assert {f: got.get(f) for f in figures} == figures, rows["note"]
    assert "four" not in got
    if not figures:
        assert got == {}
        assert list(found.rejected["reason"]) == ["saved"]


# --- real phrasings behind the fifth holdout's misses ------------------------------------------
# The fifth holdout became a development set when these rules were written: each row is a real
# phrasing of a structure it missed (most from its passages, some from other reporting of the
# same kind), read in a small test war.

WARS.update(
    colombia=_test_war(
        "colombia-test",
        "1964-05-27",
        {"all": ["colombia", "eln"]},
        {
            "all": ["colombia", "venezuela"],
            "colombia": ["norte-de-santander"],
            "norte-de-santander": ["catatumbo", "tibu", "salazar-de-las-palmas"],
            "catatumbo": ["el-carmen"],
        },
        aliases={"colombian": "colombia"},
    ),
    cameroon=_test_war(
        "cameroon-test",
        "2017-09-09",
        {"all": ["cameroon", "ambazonian-separatists"]},
        {
            "all": ["cameroon", "nigeria"],
            "cameroon": ["west-region", "southwest-region"],
            "southwest-region": ["obonyi-ii", "mamfe"],
            "mamfe": ["egbekaw"],
        },
        aliases={"separatists": "ambazonian-separatists"},
    ),
    niger=_test_war(
        "niger-test",
        "2015-02-06",
        {"all": ["niger", "jihadist-groups"]},
        {"all": ["niger", "mali", "burkina-faso"], "niger": ["tillaberi", "tahoua"],
         "tillaberi": ["kandadji"]},
        aliases={"nigerien": "niger", "terrorists": "jihadist-groups"},
    ),
    balochistan=_test_war(
        "balochistan-test",
        "2004-01-01",
        {"all": ["pakistan", "militant-groups"]},
        {"all": ["pakistan"], "pakistan": ["balochistan"], "balochistan": ["kalat"]},
        aliases={"militants": "militant-groups", "terrorists": "militant-groups"},
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        # --- a place told with the incident after the figures: by an attack verb too
        (
            "cameroon",
            "Anglophone separatists have killed at least 20 people, and injured another 10, in a "
            "dawn raid in western Cameroon.\nThe gunmen attacked the village of Egbekaw, a "
            "neighbourhood in the town of Mamfe, setting houses on fire, local government "
            "official Viang Mekala told journalists on Monday.",
            "at least 20",
            "2023-11-06",
            {"region": "egbekaw"},
        ),
        (  # "The incident occurred in X", two sentences on, past neighbours "bordered by"
            "niger",
            "The defense ministry reported on Saturday that at least ten soldiers were killed in "
            "an ambush in southwest Niger.\nAccording to a ministry statement, 13 soldiers were "
            "hurt in the attack on Friday.\nThe incident occurred in Tillaberi, a huge territory "
            "in western Niger that is bordered by the jihadist-invaded nations of Burkina Faso "
            "and Mali.",
            "at least ten",
            "2023-02-12",
            {"region": "tillaberi", "party": "niger"},
        ),
        (  # ... and to the figures after it that point back ("The toll is ...")
            "cameroon",
            "Twenty-four civilians have been killed in an attack by separatist gunmen in a "
            "troubled anglophone region of Cameroon.\nSeparatists on Sunday attacked the village "
            "of Obonyi II in the Southwest Region near the border with Nigeria, mayor Ekwalle "
            'Martin said on Tuesday.\n"The toll is 24 dead and at least 62 wounded," he said.',
            "at least 62",
            "2022-05-31",
            {"region": "obonyi-ii", "outcome": "wounded"},
        ),
        (  # the two ends of a stretch are no place of the incident; the place holding them is
            "colombia",
            "At least five Colombian soldiers were killed early on Tuesday in a bomb attack near "
            "the border with Venezuela, the army said.\nDuring the attack, the guerrillas bombed "
            "military vehicles on the road between the towns of Tibu and Salazar de las Palmas "
            "in Norte de Santander province.",
            "At least five",
            "2018-02-27",
            {"region": "norte-de-santander", "party": "colombia"},
        ),
        (  # a later sentence with a figure of its own names the place below the one told
            "colombia",
            "ELN guerrillas killed at least nine soldiers in an attack on an army base in "
            "northeast Colombia, according to the military.\nAnother nine soldiers were injured "
            "in the attack that took place in the rural part of El Carmen, a municipality in the "
            "Catatumbo region.",
            "at least nine",
            "2023-03-29",
            {"region": "el-carmen", "party": "colombia", "perpetrator": "eln"},
        ),
        (  # ... but not a sentence that tells another event beside it
            "somalia",
            "Fighters from al-Shabaab have killed at least 19 civilians in a night-time attack "
            "in central Somalia, clan chiefs said on Saturday.\nThe attack comes two weeks after "
            "al-Shabaab besieged a hotel in the capital Mogadishu for 30 hours, leaving 21 "
            "people dead.",
            "at least 19",
            "2022-09-03",
            {"region": "somalia"},
        ),
        # --- days
        (  # the day of an inverted speaker ("said the military on Sunday") is the statement's,
            # the dateline's is no day of the sentence, and a later sentence gives the attack's
            "balochistan",
            "ISLAMABAD, Nov 17 (KUNA) -- The attack on a paramilitary checkpoint in Pakistan's "
            "southwestern Balochistan province killed seven troops and six militants, said the "
            "military on Sunday.\nThe attack took place on Saturday when terrorists attempted to "
            "attack a security forces' post in Kalat District, said the military's media wing.",
            "seven",
            "2024-11-17",
            {"kind": "incident", "as_of": "2024-11-16", "region": "kalat", "party": "pakistan"},
        ),
        # --- party and perpetrator
        (  # the state's soldiers, named by no adjective, in a war of one armed group
            "niger",
            "Seven soldiers were killed in an attack by suspected jihadists, the ministry said.",
            "Seven",
            "2023-09-29",
            {"party": "niger", "category": "military"},
        ),
        (  # police too ("Eight police officers were killed ... in a single weekend")
            "colombia",
            "Eight police officers were killed and more than 40 people wounded in a single "
            "weekend last month.",
            "Eight",
            "2018-02-27",
            {"party": "colombia"},
        ),
        (  # ... never another army the war's tree does not name
            "mali",
            "Two French soldiers were killed when their armoured vehicle hit a mine, the army "
            "said.",
            "Two",
            "2020-01-05",
            {"party": "all"},
        ),
        (  # "guerrillas" as the subject of a casualty verb
            "colombia",
            "ELN guerrillas killed at least nine soldiers in an attack on an army base.",
            "at least nine",
            "2023-03-29",
            {"perpetrator": "eln"},
        ),
        (  # a time between the actor and its verb
            "cameroon",
            "Armed anglophone separatists early Tuesday killed nine villagers in western "
            "Cameroon, the scene of seven years of unrest, officials said.",
            "nine",
            "2023-11-21",
            {"perpetrator": "ambazonian-separatists", "category": "civilian"},
        ),
        (  # a hedge word and a quotation mark before the attacker's word
            "niger",
            "The defense ministry reported on Saturday that at least ten soldiers were killed in "
            "an ambush by some \u201carmed terrorists\u201d in southwest Niger.",
            "at least ten",
            "2023-02-12",
            {"perpetrator": "jihadist-groups"},
        ),
        # --- recall
        (  # the second item of a list shares the verb of the first
            "balochistan",
            "The attack on a paramilitary checkpoint in Balochistan province killed seven troops "
            "and six militants, said the military on Sunday.",
            "six",
            "2024-11-17",
            {"outcome": "killed", "category": "military"},
        ),
        (  # "the dead included a woman": a part of the dead
            "cameroon",
            "Cameroon's state television said the dead included a woman, adding that two "
            "security guards were wounded in a gunbattle.",
            "a woman",
            "2023-11-21",
            {"outcome": "killed"},
        ),
        (  # "including an octogenarian"
            "cameroon",
            "A local association said three shopkeepers, including an octogenarian, were killed.",
            "an octogenarian",
            "2023-11-21",
            {"outcome": "killed"},
        ),
    ],
)
def test_rules_written_on_the_fifth_holdouts_misses(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


# --- wrong values the sixth holdout's first run gave calmly (fixed after it, as bugs) ---------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (  # motorbikes and houses are no people
            "\u201cThere we had four people killed, seven motorbikes and several houses "
            "torched,\u201d said Kinos Katuo, the head of a civil society body.",
            {"four": (4, "killed")},
        ),
        (  # firearms and ammunition are no people
            "Of the weapons that have been lost, 1,359 firearms and 15,050 ammunition were "
            "recovered, Muivah said on Thursday.",
            {},
        ),
        (  # "between July 4 and 10": the end of a range of days
            "At least seven more people have been killed between July 4 and 10, according to "
            "reports from officials.",
            {"At least seven": (7, "killed")},
        ),
        (  # "the five-day war": a duration glued by a hyphen
            'Previous official reports said the death toll in the "five-day war" was 64 '
            "Russian military personnel.",
            {"64": (64, "killed")},
        ),
        (  # a person along with N others counts N + 1
            '"Deputy Superintendent of Police Iqbal Mohmand along with three other police '
            'personnel have been martyred," said Rana Sanaullah in a statement.',
            {"Mohmand along with three other police personnel": (4, "killed")},
        ),
        (  # "several armed groups" counts groups
            "An estimated 485 civilians were killed in Ituri, a province plagued with violence "
            "due to several armed groups operating there.",
            {"An estimated 485": (436, "killed")},
        ),
    ],
)
def test_counts_of_things_days_and_companions_the_sixth_holdout_misread(
    text: str, figures: dict[str, tuple[int, str]]
) -> None:
    war = kt.War("test-war", "a war of 2020", start="2008-08-07")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = extract(text, published="2023-07-11", document="t", war=war).to_frame()
    triples = zip(rows["figure"], rows["low"], rows["outcome"], strict=True)
    got = {f: (int(low), o) for f, low, o in triples}
    assert got == figures, rows["note"].tolist()


# --- wrong values the seventh holdout's first run gave calmly (fixed after it, as bugs) -------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (  # "killed and wounded several soldiers": one count of two outcomes
            "\u201cExplosives reportedly planted by PKK terrorists on a road in the southeastern "
            "Hakkari province on Sunday have killed and wounded several soldiers,\u201d AA "
            "reported.",
            {},
        ),
        (  # a part of a count of vehicles is vehicles (not a part of the dead before)
            "Al-Rifai added that the forces were killing 18 of them. "
            "A spokesman for the armed forces confirmed: \u201cThe destruction of four vehicles, "
            "three of them booby-trapped,\u201d and \u201cthe death of two armed forces and the "
            "injury of four others while performing their national duty.\u201d",
            # since the eighth holdout's rules, "the death of two", "the injury of four" count
            {"18": (18, "killed"), "two": (2, "killed"), "four": (4, "wounded")},
        ),
    ],
)
def test_mixed_counts_and_parts_the_seventh_holdout_misread(
    text: str, figures: dict[str, tuple[int, str]]
) -> None:
    war = kt.War("test-war", "a war of 2015", start="2011-02-05")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = extract(text, published="2020-07-24", document="t", war=war).to_frame()
    triples = zip(rows["figure"], rows["low"], rows["outcome"], strict=True)
    got = {f: (int(low), o) for f, low, o in triples}
    assert got == figures, rows["note"].tolist()


# --- rules written on the sixth holdout's misses ---------------------------------------------

WARS.update(
    khyber=_test_war(
        "khyber-test",
        "2004-03-16",
        {"all": ["pakistan", "militant-groups"]},
        {"all": ["pakistan"], "pakistan": ["khyber-pakhtunkhwa"],
         "khyber-pakhtunkhwa": ["lakki-marwat", "bannu"]},
        aliases={"militants": "militant-groups", "terrorists": "militant-groups"},
    ),
)  # fmt: skip

_LAST_NIGHT = (
    "At least four policemen, including a senior officer, were killed in a terrorist attack in "
    "Pakistan's northwestern Khyber Pakhtunkhwa province, the country's interior minister "
    "confirmed on Thursday.\n\n"
    "Last night, a group of terrorists attacked a police station with heavy fire in the Lakki "
    "Marwat district and later targeted a police van through an improvised explosive device.\n\n"
    "According to local police, six police personnel also got injured in the attack."
)


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        # --- days: a relative day heading the sentence that tells the incident
        (  # the toll told before it is an incident of last night
            "khyber",
            _LAST_NIGHT,
            "At least four",
            "2023-03-30",
            {"kind": "incident", "as_of": "2023-03-29"},
        ),
        (  # ... and so is the figure after it that points back to the attack
            "khyber",
            _LAST_NIGHT,
            "six",
            "2023-03-30",
            {"kind": "incident", "as_of": "2023-03-29"},
        ),
        (  # a relative day inside the sentence, next to its speaker, dates no incident
            "khyber",
            "At least four policemen were killed in a terrorist attack in Khyber Pakhtunkhwa "
            "province, the country's interior minister said. The attack on a police station in "
            "the Lakki Marwat district was condemned by the minister last night.",
            "At least four",
            "2023-03-30",
            {"kind": "cumulative", "as_of": "2023-03-30"},
        ),
    ],
)
def test_rules_written_on_the_sixth_holdouts_misses(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


# --- rules written on the seventh holdout's misses -------------------------------------------

WARS.update(
    turkey=_test_war(
        "turkey-test",
        "1984-08-15",
        {"all": ["turkey", "pkk"]},
        {"all": ["turkey"], "turkey": ["hakkari"]},
        aliases={"hpg": "pkk", "turkish": "turkey"},
    ),
    sinai=_test_war(
        "sinai-test",
        "2011-02-05",
        {"all": ["egypt", "sinai-province"]},
        {"all": ["egypt"], "egypt": ["north-sinai"]},
        aliases={"isis": "sinai-province", "egyptian": "egypt"},
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        # --- a bare body named with the counted party's adjective, a place noun's possessive
        # or one of its documents is the source table's body of that party
        (
            "gaza",
            "The death toll from the ongoing Israeli attacks in the Gaza Strip has risen to 65, "
            "including 16 children and 5 women, the Palestinian Health Ministry said on "
            "Wednesday.",
            "65",
            "2023-10-25",
            {"source": "gaza-health-ministry"},
        ),
        (
            "gaza",
            "The Gaza Strip's death toll from Israeli airstrikes climbed by 13 on Friday to 122, "
            "the enclave's health ministry spokesman said.",
            "13",
            "2023-10-27",
            {"source": "gaza-health-ministry"},
        ),
        (
            "gaza",
            "The death toll in the Gaza Strip has risen to 65, the Palestinian Health Ministry "
            "said on Wednesday.\n\nA ministry statement said a total of 365 people were injured.",
            "365",
            "2023-10-25",
            {"source": "gaza-health-ministry"},
        ),
        # --- ", however," between a speaker and its verb is no clause boundary
        (
            "turkey",
            "PKK's armed wing the Peoples Defence Force (HPG) however, said in a statement that "
            "the roadside bomb killed 15 Turkish soldiers.",
            "15",
            "2015-09-07",
            {"source_name": "PKK's armed wing the Peoples Defence Force"},
        ),
        # --- an armed group's acronym (its party's alias) speaks, and gives a military toll
        # no side of its own
        (
            "turkey",
            "\u201cGuerrillas conducted an action against Turkish soldiers in Hakkari today, "
            "which left 15 soldiers dead,\u201d said the HPG.",
            "15",
            "2015-09-07",
            {"source": "hpg", "source_kind": "other", "party": "turkey"},
        ),
        (
            "sinai",
            "ISIS said it killed more than 20 Egyptian soldiers in the attack.",
            "more than 20",
            "2016-10-14",
            {"source": "isis", "party": "egypt"},
        ),
    ],
)
def test_rules_written_on_the_seventh_holdouts_misses(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


# --- the eighth holdout: wrong values its first run gave calmly (fixed after it, as bugs) ----

WARS.update(
    kashmir=_test_war(
        "kashmir-test",
        "1988-07-31",
        {"all": ["india", "militants"], "militants": ["let"]},
        {"all": ["india"], "india": ["jammu-and-kashmir"],
         "jammu-and-kashmir": ["srinagar", "tral", "shopian"]},
        aliases={"indian": "india", "terrorists": "militants"},
    ),
    lanka=_test_war(
        "lanka-test",
        "1983-07-23",
        {"all": ["sri-lanka", "ltte"]},
        {"all": ["sri-lanka"], "sri-lanka": ["mullaittivu"]},
        aliases={"sri lankan": "sri-lanka", "tamil tiger": "ltte", "tigers": "ltte"},
    ),
    mexico=_test_war(
        "mexico-test",
        "2006-12-11",
        {"all": ["mexico", "cartels"]},
        {"all": ["mexico"], "mexico": ["nuevo-leon"]},
        aliases={"mexican": "mexico"},
    ),
    cambodia=_test_war(
        "cambodia-test",
        "2025-07-24",
        {"all": ["thailand", "cambodia"]},
        {"all": ["thailand", "cambodia"]},
        aliases={"thai": "thailand", "cambodian": "cambodia"},
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("war", "text", "published", "figures"),
    [
        (  # a count of encounters is no count of the dead
            "kashmir",
            "Four militants and a paramilitary central reserve police force (CRPF) trooper were "
            "killed on Sunday in two encounters across the valley.",
            "2008-06-22",
            {"Four": (4, "killed")},
        ),
        (  # "close to one of the main bridges": a part of a count of bridges
            "kashmir",
            "Four people were killed and 18 wounded in the almost simultaneous blast nearby in an "
            "area close to one of the main bridges over the Tigris to the heavily fortified Green "
            "Zone.",
            "2007-07-23",
            {"Four": (4, "killed"), "18": (18, "wounded")},
        ),
        (  # "two of them" after "their vehicles": vehicles
            "mexico",
            "Security forces dispatched to the scene found officers slain and injured with bullet "
            "wounds, their vehicles shot up and two of them on fire, the statement said.",
            "2019-10-15",
            {},
        ),
        (  # the verb after a part with no commas is the whole's verb, not the killed before it
            "kashmir",
            "At least three civilians were killed and 30 others including seven paramilitary "
            "troopers wounded Thursday in a grenade attack in restive Indian-controlled Kashmir, "
            "officials said.",
            "2017-09-21",
            {"At least three": (3, "killed"), "30": (30, "wounded"), "seven": (7, "wounded")},
        ),
        (  # ... and so is a person's part with its own modifiers
            "kashmir",
            "The cordoning troops came under heavy fire from the holed militants, resulting in "
            "the death of a CRPF constable identified as K.C.Sahu while four others including a "
            "sub-inspector of the police sustained injuries, a senior police officer said.",
            "2008-06-22",
            {
                "a CRPF constable": (1, "killed"),
                "four": (4, "wounded"),
                "a sub-inspector": (1, "wounded"),
            },
        ),
        (  # "Several dozen" is one figure, not "Several" (3 to 9)
            "kashmir",
            "Several dozen people were killed in the valley, officials said.",
            "2017-09-21",
            {"Several dozen": (36, "killed")},
        ),
        (  # dated only by a month before the war's start: an earlier event, outside the war
            "cambodia",
            "It comes after months of heightened tensions between the neighbours, following the "
            "death of a Cambodian soldier in a border skirmish in May.",
            "2025-07-24",
            {},
        ),
    ],
)
def test_wrong_values_the_eighth_holdout_gave_calmly(
    war: str, text: str, published: str, figures: dict[str, tuple[int, str]]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = extract(text, published=published, document="t", war=WARS[war]).to_frame()
    triples = zip(rows["figure"], rows["low"], rows["outcome"], strict=True)
    got = {f: (int(low), o) for f, low, o in triples}
    assert got == figures, rows["note"].tolist()


@pytest.mark.parametrize(
    ("war", "text", "figure", "published", "expected"),
    [
        (  # a day after "said" is no speaker
            "kashmir",
            "Militants rampaged through two towns, killing at least six soldiers, reports from "
            "both sides of the conflict said Thursday.",
            "at least six",
            "2000-07-20",
            {"source": "outlet"},
        ),
        (  # "Capt." ends no sentence: the captain speaks for the police
            "kashmir",
            "Meanwhile, three people were killed as they tried to defuse a roadside bomb, said "
            "Capt. Muthanna Ahmed, a police spokesman.",
            "three",
            "2008-12-28",
            {"source": "muthanna-ahmed"},
        ),
        (  # the paramilitary troopers are military, not the civilians of the clause
            "kashmir",
            "At least three civilians were killed and 30 others including seven paramilitary "
            "troopers wounded Thursday in a grenade attack, officials said.",
            "seven",
            "2017-09-21",
            {"category": "military"},
        ),
        (  # police are no soldiers: no category
            "mexico",
            "Six police officers were killed and four others were wounded Sunday in the northern "
            "Mexico border state of Nuevo Le\u00f3n.",
            "Six",
            "2022-06-27",
            {"category": "all", "party": "mexico"},
        ),
        (  # "LTTE terrorists killed in fighting": a participle; the LTTE killed none of its own
            "lanka",
            "\u201cIn subsequent search operation conducted in the area, troops have found 35 "
            "bodies of LTTE terrorists killed in fighting along with LTTE military hardware,\u201d "
            "the ministry said in a statement.",
            "35",
            "2009-05-09",
            {"party": "ltte", "perpetrator": "all", "outcome": "killed"},
        ),
    ],
)
def test_fields_the_eighth_holdout_gave_wrong_calmly(
    war: str, text: str, figure: str, published: str, expected: dict[str, str]
) -> None:
    row = _row(war, text, figure, published)
    if expected.get("source") == "outlet":
        assert row["source"] in ("unattributed", "outlet") or row["source_kind"] == "media"
        expected = {k: v for k, v in expected.items() if k != "source"}
    assert _fields(row, expected) == expected, row["note"]


# --- rules written on the eighth holdout's misses (and the seventh's, where they recur) ------


@pytest.mark.parametrize(
    ("war", "text", "published", "figures"),
    [
        # --- a list whose verb follows its last item: every item shares it
        (
            "kashmir",
            "The governor, two bodyguards and two suspected assailants died in the incident.",
            "2004-07-15",
            {"two": (2, "killed")},  # two items of the same phrase: one row each below
        ),
        (
            "mexico",
            "MEXICO CITY (AP) \u2014 Eight state police officers and five prosecution "
            "investigators are dead in central Mexico after gunmen ambushed their convoy.",
            "2021-03-19",
            {"Eight": (8, "killed"), "five": (5, "killed")},
        ),
        (  # fighters too, when the list's verb counts them as dead
            "kashmir",
            "The report of the ministry for 2018-19 made available on Friday said 257 terrorists "
            "and 91 security personnel were killed in Jammu and Kashmir last year.",
            "2019-10-26",
            {"257": (257, "killed"), "91": (91, "killed")},
        ),
        (  # the seventh holdout's
            "kashmir",
            "Three policemen and three civilians were injured.",
            "2019-01-25",
            {"Three": (3, "wounded"), "three": (3, "wounded")},
        ),
        # --- a noun of death or injury before "of N" ("the death of two soldiers")
        (
            "kashmir",
            "As the security forces demanded to surrender after encircling the house, the "
            "militants started firing indiscriminately resulting in the death of two soldiers "
            "and injuring four others.",
            "2016-02-13",
            {"two": (2, "killed"), "four": (4, "wounded")},
        ),
        (  # the seventh holdout's
            "kashmir",
            "The army confirmed the death of two armed forces and the injury of four others.",
            "2020-07-24",
            {"two": (2, "killed"), "four": (4, "wounded")},
        ),
        # --- persons of the security forces and of the state as implicit counts
        (  # the seventh holdout's
            "kashmir",
            "A paramilitary ranger was killed and six more rangers were wounded.",
            "2015-07-14",
            {"A paramilitary ranger": (1, "killed"), "six": (6, "wounded")},
        ),
        (
            "kashmir",
            "Also, unknown gunmen shot dead a director-general of Iraq's Industry Ministry.",
            "2004-07-15",
            {"a director-general": (1, "killed")},
        ),
        # --- the wounded as hospitals report them, the dead as brought in
        (
            "kashmir",
            "\u201cThree civilians were brought dead and 30 others were provided treatment at the "
            "hospital,\u201d medical superintendent at Tral hospital told local media.",
            "2017-09-21",
            {"Three": (3, "killed"), "30": (30, "wounded")},
        ),
    ],
)
def test_rules_written_on_the_eighth_holdouts_misses(
    war: str, text: str, published: str, figures: dict[str, tuple[int, str]]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = extract(text, published=published, document="t", war=WARS[war]).to_frame()
    triples = list(zip(rows["figure"], rows["low"], rows["outcome"], strict=True))
    got = {f: (int(low), o) for f, low, o in triples}
    assert got == figures, rows["note"].tolist()
    if "The governor" in text:  # both items of "two ... and two ...", each a row
        assert [f for f, _, _ in triples] == ["two", "two"]


def test_a_soldiers_category_reaches_an_implicit_person() -> None:
    row = _row("kashmir", "A paramilitary ranger was killed on Friday.", "A paramilitary ranger",
               "2023-05-12")  # fmt: skip
    assert row["category"] == "military"


# --- rules written on the eighth holdout's misses, second round ---------------------------------

WARS.update(
    iraq=_test_war(
        "iraq-test",
        "2003-03-20",
        {"all": ["iraq", "insurgents", "multinational-force"]},
        {"all": ["iraq"], "iraq": ["baghdad", "babil"], "baghdad": ["karrada"]},
        aliases={"iraqi": "iraq", "guerrillas": "insurgents"},
    ),
    kashmir2=_test_war(
        "kashmir2-test",
        "1988-07-31",
        {"all": ["india", "militants"], "militants": ["let"]},
        {"all": ["india"], "india": ["indian-controlled-kashmir"],
         "indian-controlled-kashmir": ["srinagar", "pulwama", "kupwara"], "pulwama": ["tral"],
         "kupwara": ["chowkibal"]},
        aliases={"indian": "india", "extremists": "militants"},
    ),
    mexico2=_test_war(
        "mexico2-test",
        "2006-12-11",
        {"all": ["mexico", "cartels"]},
        {"all": ["mexico"], "mexico": ["durango", "michoacan"], "durango": ["el-mezquital"]},
        aliases={"mexican": "mexico"},
    ),
    chechnya=_test_war(
        "chechnya-test",
        "1999-08-07",
        {"all": ["russia", "chechen-rebels"]},
        {"all": ["russia"], "russia": ["chechnya"], "chechnya": ["grozny"]},
        aliases={"russian": "russia", "russians": "russia", "rebels": "chechen-rebels"},
    ),
)  # fmt: skip

_TRAL = (
    "SRINAGAR, Indian-controlled Kashmir, Sept. 21 (Xinhua) \u2014 At least three civilians were "
    "killed and 30 others including seven paramilitary troopers wounded Thursday in a grenade "
    "attack in restive Indian-controlled Kashmir, officials said.\n\n"
    "The grenade attack was carried out in Tral town of Pulwama district, about 41 km south of "
    "Srinagar city.\n\n"
    "\u201cSuspected militants threw a grenade and then resorted to indiscriminate firing in Tral "
    "town near bus terminal,\u201d a police official said.\n\n"
    "Health officials said three civilians were killed and 30 others brought to hospital in "
    "wounded condition."
)


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # a war inside one state (one root party holds land): a place names no party
            "iraq",
            "At least 17 people were killed and dozens wounded by a wave of car bombings in "
            "central Baghdad on Monday, police and witnesses said.",
            "2007-07-23",
            "At least 17",
            {"party": "all", "region": "baghdad"},
        ),
        (  # a party adjective inside an implicit person
            "iraq",
            "Other violence in Iraq on Sunday included a mortar round that exploded inside "
            "Iraq's Interior Ministry compound about 8 a.m., authorities said. The attack killed "
            "an Iraqi police officer and wounded another.",
            "2008-05-04",
            "an Iraqi police officer",
            {"party": "iraq"},
        ),
        (  # a generic actor of a relative clause, in a war of one landless party
            "mexico2",
            "Authorities in northwest Mexico are searching for gunmen who ambushed a convoy "
            "carrying security forces, killing six police officers.",
            "2020-10-03",
            "six",
            {"perpetrator": "cartels"},
        ),
        (  # "fire from the holed militants"
            "kashmir2",
            "The cordoning troops came under heavy fire from the holed militants, resulting in "
            "the death of a CRPF constable identified as K.C.Sahu while four others including a "
            "sub-inspector of the police sustained injuries, a senior police officer said.",
            "2009-10-18",
            "a CRPF constable",
            {"perpetrator": "militants"},
        ),
        (  # a side's dead in an exchange of fire fell to the other side
            "kashmir2",
            "NEW DELHI, Feb 13 (KUNA) -- Two soldiers and four militants were killed in an "
            "exchange of fire between extremists and Indian security forces in Chowkibal area "
            "of Kupwara district in the state of Jammu and Kashmir, local media reported.",
            "2021-02-13",
            "Two",
            {"party": "india", "perpetrator": "militants", "source_name": "local media"},
        ),
        (
            "kashmir2",
            "NEW DELHI, Feb 13 (KUNA) -- Two soldiers and four militants were killed in an "
            "exchange of fire between extremists and Indian security forces in Chowkibal area "
            "of Kupwara district in the state of Jammu and Kashmir, local media reported.",
            "2021-02-13",
            "four",
            {"party": "militants", "perpetrator": "india"},
        ),
        (  # ... and in a gunfight
            "chechnya",
            "Six Russian soldiers and at least six Chechen rebels were killed on Monday during a "
            "gunfight in the mountainous south of the breakaway province.",
            "2003-07-21",
            "at least six",
            {"party": "chechen-rebels", "perpetrator": "russia"},
        ),
        (  # the incident's place told after, past a landmark measured from
            "kashmir2",
            _TRAL,
            "2006-09-21",
            "At least three",
            {"region": "tral"},
        ),
        (  # ... carried to a later figure that had only the document's subject place
            "kashmir2",
            _TRAL,
            "2006-09-21",
            "three",
            {"region": "tral"},
        ),
        (  # "last year": the count holds at the year's end
            "kashmir2",
            "The report of the ministry for 2018-19 made available on Friday said 257 "
            "terrorists and 91 security personnel were killed in Jammu and Kashmir last year, "
            "the highest number of casualties in the state in the last five years.",
            "2019-10-26",
            "91",
            {"as_of": "2018-12-31", "since": "2018-01-01", "kind": "cumulative"},
        ),
        (  # "over the weekend": at the weekend's end
            "chechnya",
            "Over the weekend, Moscow\u2019s defence ministry said two other soldiers were killed "
            "and four wounded in separate fighting.",
            "2003-07-21",
            "four",
            {"as_of": "2003-07-20", "since": "2003-07-19"},
        ),
        (  # "the past week": it starts a week back and holds on the day of the statement
            "chechnya",
            "Guerrillas fighting Moscow's armed forces in the region on Russia's southern rim "
            "have markedly stepped up activity the past week, killing 25 Russians and wounding "
            "74, said Valery Manilov, first deputy head of Russia's general staff.",
            "2000-07-20",
            "25",
            {"as_of": "2000-07-20", "since": "2000-07-13"},
        ),
        (  # "this year": from January 1, on the day of the text
            "iraq",
            "BAGHDAD, Dec. 27 -- Between 8,300 and 9,000 people were killed in Iraq this year "
            "-- or about 25 per day -- according to the group's data.",
            "2008-12-28",
            "Between 8,300 and 9,000",
            {"as_of": "2008-12-27", "since": "2008-01-01"},
        ),
    ],
)
def test_rules_written_on_the_eighth_holdouts_misses_second_round(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


def test_a_period_of_another_figure_or_a_months_year_is_not_the_figures() -> None:
    # "six lives over the weekend" past a comma: the ranger's day is the text's
    text = (
        "NARATHIWAT \u2014 A paramilitary ranger was killed and six more rangers were severely "
        "injured by a bomb in southern Thailand, the latest in a spate of attacks that claimed "
        "six lives over the weekend."
    )
    row = _row("iraq", text, "A paramilitary ranger", "2015-07-14")
    assert row["as_of"].date().isoformat() == "2015-07-14"
    # "in August last year" dates a month, it is no period of the count
    text = (
        "Russia's top investigation committee announced that the number of Russian soldiers "
        "killed during the war with Georgia in August last year now stands at 67."
    )
    row = _row("chechnya", text, "67", "2009-08-07")
    assert row["as_of"].date().isoformat() == "2009-08-07"


_ALLAWI = (
    "Ten Iraqis were killed and at least 40 wounded in a suicide car bomb attack in central "
    "Baghdad Wednesday, Prime Minister Iyad Allawi said.\n"
    "A US military officer at the scene gave a different death toll to Allawi's, saying he "
    "believed seven people were killed in the attack, including three National Guardsmen. He "
    "said 23 people were wounded, including a US soldier."
)
_MULLAITTIVU = (
    "More than 100 Tamil Tiger rebels have been killed in two days of fighting in Sri Lanka as "
    "they tried to break a military stranglehold, the defence ministry said on Sunday.\n\n"
    "\u201cAs the Mullaittivu battle reached its last phase, the LTTE terrorists made several "
    "desperate attempts in vain to infiltrate the military forward defences,\u201d the defence "
    "ministry statement said.\n\n"
    "\u201cOver 100 terrorists were killed and as many injured since Friday.\u201d\n\n"
    "Concern over the danger to non-combatants has mounted as government troops fight to wipe "
    "out the remnant rebels, with the International Committee of the Red Cross saying hundreds "
    "of civilians have been killed in crossfire."
)
_IBC = (
    "BAGHDAD, Dec. 27 -- The attacks occurred on a day that Iraq Body Count, a group that has "
    "sought to track the number of violent deaths in Iraq since the 2003 U.S.-led invasion, "
    "issued a report showing that the number of casualties dropped noticeably this year.\n\n"
    "Between 8,300 and 9,000 people were killed in Iraq this year -- or about 25 per day -- "
    "compared with more than 25,000 in 2006 and 22,000 in 2007, according to the group's data, "
    "culled from media reports and other sources."
)
_MICHOACAN = (
    "Mexico's security ministry condemned the attack and offered \"human and technological "
    'resources" to bring the perpetrators to justice.\n\n'
    "The ministry initially tweeted that 14 officers had been killed, but the Michoacan state "
    "security ministry later confirmed that the death toll was in fact 13, reported CNN en "
    "Espa\u00f1ol."
)
_HOME_MINISTRY = (
    "Pakistan-based terrorist groups made 328 bids to sneak into Jammu and Kashmir from across "
    "the border in 2018, according to the Home Ministry's annual report.\n\n"
    "The report of the ministry for 2018-19 made available on Friday said 257 terrorists and 91 "
    "security personnel were killed in Jammu and Kashmir last year."
)
_QIDRA = (
    "GAZA CITY (Sputnik) The Gaza Strip's death toll from Israeli airstrikes climbed by 13 on "
    "Friday to 122, the enclave's health ministry spokesman said.\n\n"
    '"Today, the bodies of 13 Palestinians have been delivered to hospitals in the enclave, '
    "bringing the total death toll from Israeli airstrikes on the Gaza Strip to 122, including "
    "31 children and 20 women.\n\n"
    'Another 900 were injured," Ashraf Qidra said in a statement.'
)


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # an outlet named after its kind noun speaks
            "kashmir2",
            "Indian news agency ANI said that two soldiers were martyred and four others "
            "injured while four militants were neutralized in the encounter in Chowkibal area of "
            "Kupwara.",
            "2016-02-13",
            "two",
            {"source_name": "Indian news agency ANI"},
        ),
        (  # a participle of speech after a comma: the subject opening the clause
            "iraq",
            _ALLAWI,
            "2004-07-15",
            "seven",
            {"source_name": "US military officer"},
        ),
        (  # ... and "He said" that follows is his
            "iraq",
            _ALLAWI,
            "2004-07-15",
            "23",
            {"source_name": "US military officer"},
        ),
        (  # a paragraph that is one quotation goes on with the speaker of the one before
            "lanka",
            _MULLAITTIVU,
            "2009-03-08",
            "Over 100",
            {"source": "defence-ministry"},
        ),
        (  # "with X saying"
            "lanka",
            _MULLAITTIVU,
            "2009-03-08",
            "hundreds",
            {"source": "icrc"},
        ),
        (  # "the group's data": the body named with its apposition "a group that"
            "iraq",
            _IBC,
            "2008-12-28",
            "Between 8,300 and 9,000",
            {"source_name": "Iraq Body Count"},
        ),
        (  # an adverb between speaker and verb; "The ministry" is the ministry named before
            "mexico2",
            _MICHOACAN,
            "2019-10-15",
            "14",
            {"source_name": "Mexico's security ministry"},
        ),
        (
            "mexico2",
            _MICHOACAN,
            "2019-10-15",
            "13",
            {"source_name": "Michoacan state security ministry"},
        ),
        (  # a capital's name owning a body: the body speaks, for its state
            "chechnya",
            "Over the weekend, Moscow\u2019s defence ministry said two other soldiers were killed "
            "and four wounded in separate fighting.",
            "2003-07-21",
            "two",
            {"source_name": "Moscow's defence ministry", "source_affiliation": "russia"},
        ),
        (  # a body's document speaks for the body, "the ministry" the one named before
            "kashmir2",
            _HOME_MINISTRY,
            "2019-10-26",
            "91",
            {"source_name": "Home Ministry"},
        ),
        (  # a quotation left open at a paragraph's end: the speaker after its close
            "gaza",
            _QIDRA,
            "2023-11-14",
            "31",
            {"source_name": "Ashraf Qidra"},
        ),
        (  # ... and the figure of the paragraph that closes it
            "gaza",
            _QIDRA,
            "2023-11-14",
            "900",
            {"source_name": "Ashraf Qidra"},
        ),
        (  # "officer" is a speaker head, past a long sentence
            "kashmir2",
            "The cordoning troops came under heavy fire from the holed militants, resulting in "
            "the death of a CRPF constable identified as K.C.Sahu while four others including a "
            "sub-inspector of the police sustained injuries, a senior police officer said.",
            "2008-06-22",
            "a CRPF constable",
            {"source_name": "senior police officer"},
        ),
        (  # the incident's day told again with its own figure ("the 13 ... Thursday")
            "mexico2",
            "MEXICO CITY (AP) \u2014 Eight state police officers and five prosecution "
            "investigators are dead in central Mexico after gunmen ambushed their convoy.\n\n"
            "The killing of the 13 law enforcement officers Thursday sparked a huge search for "
            "the killers in a rural, gang-plagued area southwest of Mexico City.",
            "2021-03-19",
            "Eight",
            {"as_of": "2021-03-18", "kind": "incident"},
        ),
    ],
)
def test_rules_written_on_the_eighth_holdouts_misses_third_round(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # "quoted ... as saying": the participle names no speaker of its own
            "iraq",
            "The semi-official agency quoted the ministry as saying 12 people were killed in "
            "Baghdad.",
            "2008-05-04",
            "12",
            {"source": "ministry"},
        ),
        (  # "adding up official figures puts them at": a clause, no body's document
            "chechnya",
            "Manilov declined to give total Russian losses for the war, but adding up official "
            "figures puts them at more than 2,500 killed.",
            "2000-07-20",
            "more than 2,500",
            {"source": "outlet"},
        ),
        (  # "the TV report" of a TV the text never named: no speaker
            "iraq",
            "Two children from the same family are missing in Baghdad, the TV report said.",
            "2008-05-04",
            "Two",
            {"source": "outlet"},
        ),
        (  # a body's possessive that is no state's name stays that body
            "iraq",
            "The UN's peacekeeping mission said 12 people were killed in Baghdad.",
            "2008-05-04",
            "12",
            {"source": "united-nations"},
        ),
        (  # another incident told with its own day dates nothing before it
            "mexico2",
            "Eight state police officers are dead in central Mexico after gunmen ambushed their "
            "convoy.\n\nIn a separate attack, gunmen killed three officers Thursday in Durango.",
            "2021-03-19",
            "Eight",
            {"kind": "cumulative"},
        ),
    ],
)
def test_what_the_third_rounds_speaker_rules_leave_alone(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(
            text, published=published, document="t", outlet="outlet", war=WARS[war]
        ).to_frame()
    rows = frame[frame["figure"] == figure]
    assert len(rows) == 1, frame[["figure", "note"]]
    row = rows.iloc[0]
    assert _fields(row, expected) == expected, row["note"]


# --- the ninth holdout (Libya 2011, Rakhine 2017, Karabakh 2016, Donbas) ----------------------
WARS.update(
    libya11=_test_war(
        "libya-2011-test",
        "2011-02-15",
        {"all": ["loyalists", "rebels", "nato"]},
        {"all": ["libya"], "libya": ["misrata", "brega", "ajdabiya"], "misrata": ["dafniya"]},
        aliases={"gaddafi": "loyalists", "gadhafi": "loyalists", "kadafi": "loyalists"},
    ),
    rakhine=_test_war(
        "rakhine-2017-test",
        "2017-08-25",
        {"all": ["myanmar", "arsa"]},
        {"all": ["myanmar"], "myanmar": ["rakhine"], "rakhine": ["maungdaw", "buthidaung"]},
        aliases={"militants": "arsa", "insurgents": "arsa"},
    ),
    karabakh16=_test_war(
        "karabakh-2016-test",
        "2016-04-02",
        {"all": ["armenia", "azerbaijan", "nagorno-karabakh"]},
        {"all": ["armenia", "azerbaijan", "nagorno-karabakh"]},
        aliases={"armenian": "armenia", "azerbaijani": "azerbaijan", "azeri": "azerbaijan"},
    ),
)


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "reason"),
    [
        (  # a time of day is no count of the wounded of the sentence
            "libya11",
            "He said at least 61 people were wounded in the attacks which began about 10 a.m. "
            "local time.",
            "2011-06-10",
            "about 10",
            "time",
        ),
        (  # "from one ... to the next": going round, no count
            "libya11",
            "Dr. Mohammed Abdulkarim, rushing from one wounded rebel to the next, keeps the "
            "casualty figures in his head.",
            "2011-07-19",
            "one",
            "idiom",
        ),
        (  # "two dozen" is one number, and border posts are places
            "rakhine",
            "At least 71 people were killed when militants staged attacks on more than two dozen "
            "border posts in northern Rakhine State, officials said Friday.",
            "2017-08-25",
            "more than two dozen",
            "sites",
        ),
        (  # "last October" before the war's start: an earlier event's toll
            "rakhine",
            "It was the deadliest single-day toll since fighting erupted last October, killing "
            "nine policemen and setting off a counter-insurgency campaign by the authorities.",
            "2017-08-25",
            "nine",
            "history",
        ),
        (  # townships counted
            "rakhine",
            "Many insurgents were found dead in fields around the zone of attack that encompassed "
            "three townships - Maung Taw, Buthidaung and Rathedaung.",
            "2017-08-26",
            "three",
            "sites",
        ),
        (  # police stations counted, after the dead
            "rakhine",
            "At least 11 policemen and 1 soldier were killed when the militants attacked 19 "
            "police stations and outposts.",
            "2017-08-26",
            "19",
            "sites",
        ),
        (  # helicopters and drones after "killed ... troops"
            "karabakh16",
            "The Armenian side's photo and video materials show dozens of killed Azerbaijani "
            "troops, 1 helicopter and 3 UAVs.",
            "2016-04-08",
            "1",
            "munitions",
        ),
    ],
)
def test_the_ninth_holdouts_wrong_values_are_not_claims(
    war: str, text: str, published: str, figure: str, reason: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = extract_debug(text, published=published, document="t", war=WARS[war])
    claims = found.claims.to_frame()
    assert claims.empty or figure not in set(claims["figure"])
    rejected = found.rejected[found.rejected["text"] == figure]
    assert reason in set(rejected["reason"]), found.rejected


@pytest.mark.parametrize(
    ("war", "text", "published", "figure"),
    [
        (  # a month of the war's own time keeps its figures
            "rakhine",
            "Since the attacks of last August, 400 people have been killed, officials said.",
            "2017-10-02",
            "400",
        ),
        (  # a number before "a.m." ends no sentence's count when it is people ("10 amputees")
            "libya11",
            "Shelling wounded 10 amputees in Misrata on Sunday.",
            "2011-04-18",
            "10",
        ),
        (  # "one" without "to the next" is a count
            "libya11",
            "Doctors said the shelling from one tank killed one child in Misrata.",
            "2011-04-18",
            "one",
        ),
    ],
)
def test_what_the_ninth_holdouts_bug_fixes_leave_alone(
    war: str, text: str, published: str, figure: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(text, published=published, document="t", war=WARS[war]).to_frame()
    assert figure in set(frame["figure"]), frame[["figure", "note"]]


WARS.update(
    donbas=_test_war(
        "donbas-2014-test",
        "2014-04-14",
        {"all": ["ukraine", "separatists"]},
        {"all": ["ukraine"], "ukraine": ["donbas", "kyiv"], "donbas": ["donetsk-oblast"]},
        aliases={"ukrainian": "ukraine"},
    ),
)


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # the place of a press briefing is the speaker's, not the casualties'
            "donbas",
            "One Ukrainian serviceman was killed in Donbas, spokesman Andriy Lysenko said at a "
            "press briefing in Kyiv on Friday.",
            "2016-09-09",
            "One",
            {"region": "donbas"},
        ),
        (  # "told reporters in": the same
            "donbas",
            "Two soldiers were wounded, the spokesman told reporters in Kyiv.",
            "2016-09-09",
            "Two",
            {"region": "all"},
        ),
        (  # a later item of a casualty list shares its outcome, fighters too
            "rakhine",
            "Among the dead were 10 policemen and 59 militants, officials said.",
            "2017-08-25",
            "59",
            {"outcome": "killed", "category": "military", "party": "arsa"},
        ),
        (  # a two-word noun ends after its second word, so the list goes on
            "rakhine",
            "Among the dead were one security staffer, 10 policemen and a deputy township "
            "officer, officials said.",
            "2017-08-25",
            "10",
            {"outcome": "killed", "party": "myanmar"},
        ),
        (  # a part after "in the attacks" counts the people before, not the attacks
            "rakhine",
            "Eleven people were injured in the attacks, three of them seriously, officials said.",
            "2017-08-25",
            "three",
            {"outcome": "wounded"},
        ),
        (  # a weekday right after each figure of a list is that figure's day
            "libya11",
            "\u201cOne dead Thursday, 10 Friday,\u201d he said.",
            "2011-07-19",
            "10",
            {"as_of": "2011-07-15"},
        ),
        (  # the deaths' day the outcome verb gives, before the day of the statement
            "karabakh16",
            "Nagorno-Karabakh\u2019s defense ministry said on Friday that one of its soldiers died "
            "late on Thursday after he was hit by gunfire from Azerbaijan\u2019s forces.",
            "2016-04-15",
            "one",
            {"as_of": "2016-04-14"},
        ),
        (  # a country's possessive of an office names whose office, not where
            "rakhine",
            "Among the dead were 10 policemen, according to a statement issued by the office of "
            "Myanmar's de-facto leader Aung San Suu Kyi.",
            "2017-08-25",
            "10",
            {"region": "all"},
        ),
        (  # "the loss of 31 fighters": a toll
            "karabakh16",
            "The Azerbaijani side has admitted the loss of 31 fighters.",
            "2016-04-08",
            "31",
            {"outcome": "killed", "category": "military"},
        ),
    ],
)
def test_rules_written_on_the_ninth_holdouts_misses(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # a place after "in" that is no briefing's stays the casualties'
            "donbas",
            "Two soldiers were wounded in Kyiv, the spokesman said at a briefing.",
            "2016-09-09",
            "Two",
            {"region": "kyiv"},
        ),
        (  # a possessive of a place, not of an office, still places the dead
            "rakhine",
            "Ten people were killed in Myanmar's west, officials said.",
            "2017-08-25",
            "Ten",
            {"region": "myanmar"},
        ),
        (  # things counted after people stay things: a part of vehicles is vehicles
            "rakhine",
            "Eleven people were killed and four vehicles destroyed, three of them trucks.",
            "2017-08-25",
            "Eleven",
            {"outcome": "killed"},
        ),
        (  # a day after the statement's verb, not after the figure, stays the statement's
            "karabakh16",
            "Two soldiers were killed, the ministry said on Friday.",
            "2016-04-15",
            "Two",
            {"as_of": "2016-04-15"},
        ),
    ],
)
def test_what_the_ninth_holdouts_rules_leave_alone(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "published", "expected", "by_rule"),
    [
        (  # holdout 9, w07: the attacks began about 1 a.m. on the war's first day (a Friday)
            "YANGON —Muslim militant attacks on 31 police and military targets in Maungdaw, "
            "Buthidaung, and Rathedaung townships in northern Rakhine on Thursday night and "
            "Friday left at least 71 dead, according to a State Counselor's Office statement "
            "released Friday afternoon.",
            "2017-08-25",
            {"at least 71": ("2017-08-25", "2017-08-25")},
            True,
        ),
        (  # "overnight into Friday" is already read as Friday: the rule has nothing to do
            "Attacks on police posts in Maungdaw overnight into Friday killed 12 officers, the "
            "police said on Friday.",
            "2017-08-25",
            {"12": ("2017-08-25", "2017-08-25")},
            False,
        ),
    ],
)
def test_the_night_before_a_wars_first_day_is_read_as_that_day(
    text: str, published: str, expected: dict[str, tuple[str, str]], by_rule: bool
) -> None:
    # Fails if a count told as a night that crosses into the war's first day is refused as
    # starting before the war (every figure of w07 was), or keeps the eve as its day.
    war = _real_wars()["rakhine-2017"]
    frame = extract(text, published=published, war=war).to_frame()
    got = {
        f: (str(pd.Timestamp(s).date()), str(pd.Timestamp(a).date()))
        for f, s, a in zip(frame["figure"], frame["since"], frame["as_of"], strict=True)
    }
    for figure, days in expected.items():
        assert got[figure] == days
        note = frame.loc[frame["figure"] == figure, "note"].iloc[0]
        assert ("the night before" in note) == by_rule


def test_a_count_on_the_eve_of_a_war_without_a_night_is_still_refused() -> None:
    # Fails if the eve rule takes any count of the day before the war: only a night that
    # crosses into the first day is read as that day.
    war = _real_wars()["rakhine-2017"]
    text = "Police said on Thursday that 12 officers had been killed in Maungdaw on Thursday."
    result = extract(text, published="2017-08-24", war=war, debug=True)
    assert len(result.claims) == 0
    assert "outside-war" in set(result.rejected["reason"])


# --- an incident in a war whose places the extractor does not know -----------------------------

_UNKNOWN_PLACES = kt.War("hypo-2015", "A hypothetical war", start="2015-01-01")


@pytest.mark.parametrize(
    ("text", "kind", "as_of"),
    [
        (  # the day's attack, its place unknown to the war's trees: an incident of that day
            "Fourteen civilians were killed in an air strike on a market in the town of Kalin "
            "on Sunday, the regional governor said.",
            "incident",
            "2015-03-01",
        ),
        (  # a projectile's hit is one incident ("when shells hit")
            "Fourteen civilians were killed when shells hit a market on Sunday, the governor said.",
            "incident",
            "2015-03-01",
        ),
        (
            "A rocket slammed into a bus station on Sunday, killing fourteen people, police said.",
            "incident",
            "2015-03-01",
        ),
        (  # left alone: a running total, told on Sunday
            "Fourteen civilians have been killed since the fighting began, the governor said "
            "on Sunday.",
            "cumulative",
            "2015-03-01",
        ),
    ],
)
def test_an_incident_whose_place_is_unknown_is_no_running_total_of_the_war(
    text: str, kind: str, as_of: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(text, published="2015-03-03", document="t", war=_UNKNOWN_PLACES).to_frame()
    (row,) = (r for _, r in frame.iterrows())
    assert (row["kind"], row["as_of"].date().isoformat()) == (kind, as_of), row["note"]
    if kind == "incident":
        assert row["since"] == row["as_of"] and isinstance(row["event"], str)


@pytest.mark.parametrize(
    ("text", "since"),
    [
        (  # a bare day's toll: a count of that day (it was the war's running total held Sunday)
            "Fourteen civilians were killed on Sunday, the regional governor said.",
            "2015-03-01",
        ),
        (  # the eleventh holdout's Sarajevo day, told without an incident word
            "Nine people, including four children who had ventured outdoors to play, were "
            "killed Sunday, the government said.",
            "2015-03-01",
        ),
        (
            "Five people died on Friday, police said.",
            "2015-02-27",
        ),
        (  # left alone: a toll that rose that day is the running total it reached
            "The death toll rose to 40 on Sunday, the governor said.",
            "2015-01-01",
        ),
        (  # left alone: a count of a period ending that day
            "Fourteen civilians were killed in the past three days, the governor said on Sunday.",
            "2015-01-01",
        ),
    ],
)
def test_a_bare_days_toll_is_a_count_of_that_day(text: str, since: str) -> None:
    # Fails without the day-count rule: "Fourteen civilians were killed on Sunday" ran from the
    # war's first day (2015-01-01), a complete running total of the whole war held that Sunday.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract(text, published="2015-03-03", document="t", war=_UNKNOWN_PLACES).to_frame()
    row = frame.iloc[0]
    assert row["since"].date().isoformat() == since, row["note"]


# --- the ninth holdout's misses, second round (speakers, detection, days) ---------------------
@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # one person who treated or saw the dead speaks ("a hospital physician said")
            "libya11",
            "Government forces pounded the outskirts of Misrata on Friday, killing at least 22 "
            "people, a hospital physician said.",
            "2011-06-10",
            "at least 22",
            {"source": "hospital-physician"},
        ),
        (  # "a resident said", and "said the resident" after it refers back to the resident
            "libya11",
            'The shelling killed at least one person, a resident said.\n"We have one confirmed '
            'dead," said the resident, speaking by telephone.',
            "2011-04-03",
            "one",
            {"source": "resident"},
        ),
        (  # a relative clause set off by commas describes the speaker: "The commander" refers
            "libya11",
            "Rebels killed 57 soldiers, a rebel military commander said. The commander, whose "
            "claim could not immediately be verified, also said two rebels were killed.",
            "2011-05-09",
            "two",
            {"source": "rebel-military-commander"},
        ),
        (  # "where" opens a clause: its subject speaks, not the whole sentence before it
            "libya11",
            "Forces shelled a building in Misrata, the city where a doctor says hundreds have "
            "been killed.",
            "2011-04-03",
            "hundreds",
            {"source": "doctor"},
        ),
        (  # a speaker noun phrase with its relative clause right before the verb
            "libya11",
            "A doctor who gave his name as Ramadan told Reuters by telephone that 160 people had "
            "been killed in Misrata.",
            "2011-04-03",
            "160",
            {"source": "a-doctor-who-gave-his-name-as-ramadan"},
        ),
        (  # a lede told through an unnamed witness: a later speaker goes on telling its incident
            "libya11",
            "Gaddafi forces shelled a building in Misrata on Friday, killing at least 22 people, "
            "a hospital physician said.\nThe shelling in Misrata hit a clinic and killed at least "
            "one person, a resident said.",
            "2011-06-10",
            "at least one",
            {"source": "resident", "perpetrator": "loyalists", "kind": "incident"},
        ),
    ],
)
def test_speakers_written_on_the_ninth_holdouts_misses_second_round(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # a relative clause whose subject is no speaker head makes no speaker
            "libya11",
            "The man who survived the blast said 12 people were killed in Brega.",
            "2011-06-10",
            "12",
            {"source": "unattributed"},
        ),
        (  # the clause's own verb speaks: no speaker of the phrase before "who"
            "libya11",
            "A doctor who said he had treated the wounded told the agency 30 people died.",
            "2011-06-10",
            "30",
            {"source": "unattributed"},
        ),
        (  # a named person's apposition is still kept with the name
            "libya11",
            "Hamed al-Hafi, the rebel commander, said 57 soldiers were killed.",
            "2011-05-09",
            "57",
            {"source": "hamed-al-hafi-the-rebel-commander"},
        ),
    ],
)
def test_what_the_second_rounds_speaker_rules_leave_alone(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # a document issued by a body named after it: the body speaks
            "rakhine",
            "Among the dead were 10 policemen, according to a statement issued by the office of "
            "Myanmar's de-facto leader Aung San Suu Kyi.",
            "2017-08-25",
            "10",
            {"source": "office-of-myanmar-s-de-facto-leader-aung-san-suu-kyi"},
        ),
        (  # ... a body that speaks for itself too ("the police")
            "rakhine",
            "Four people were killed, according to a statement released by the police.",
            "2017-08-25",
            "Four",
            {"source": "police"},
        ),
        (  # "a <Name> statement": the article goes with the document, the named body speaks;
            # "released Friday afternoon" tells when, not who
            "rakhine",
            "Attacks on Friday left at least 71 dead, according to a State Counselor's Office "
            "statement released Friday afternoon.",
            "2017-08-25",
            "at least 71",
            {"source": "state-counselor-s-office"},
        ),
        (  # a document posted on someone's page: whose page it is
            "rakhine",
            "The bodies of six suspected attackers were found, according to a statement on the "
            "Facebook page of the Commander-in-Chief Min Aung Hlaing.",
            "2017-08-25",
            "six",
            {"source": "commander-in-chief-min-aung-hlaing"},
        ),
    ],
)
def test_documents_written_on_the_ninth_holdouts_misses_second_round(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # an unnamed body's document keeps its own unnamed source
            "rakhine",
            "Nine people were killed, according to a government statement.",
            "2017-08-25",
            "Nine",
            {"source": "government-statement"},
        ),
        (  # a bare document names no one: the outlet speaks
            "rakhine",
            "Seven people were killed, according to a statement.",
            "2017-08-25",
            "Seven",
            {"source": "unattributed"},
        ),
        (  # "the TV report said" with no TV named before makes no speaker
            "rakhine",
            "Seven people were killed in Maungdaw, the TV report said.",
            "2017-08-25",
            "Seven",
            {"source": "unattributed"},
        ),
    ],
)
def test_what_the_second_rounds_document_rules_leave_alone(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # a named spokesman of a body neither the table nor the text knows: the person
            "donbas",
            "One Ukrainian serviceman was killed in Donbas in the past 24 hours, Ukrainian "
            "presidential administration spokesman Andriy Lysenko said.",
            "2016-09-09",
            "One",
            {"source": "ukrainian-presidential-administration-spokesman-andriy-lysenko"},
        ),
        (  # ... after an inverted verb too
            "donbas",
            "Two soldiers were killed near the town, said African Union mission spokesman Eloi "
            "Yao.",
            "2016-09-09",
            "Two",
            {"source": "african-union-mission-spokesman-eloi-yao"},
        ),
        (  # a body the table knows speaks through its named spokesman
            "gaza",
            "Gaza Health Ministry spokesman Ashraf al-Qudra said 20 people were killed.",
            "2024-01-14",
            "20",
            {"source": "gaza-health-ministry"},
        ),
        (  # ... and so does a body the text named before
            "gaza",
            "The civil defence agency said 12 people were killed. Agency spokesman Mahmud Bassal "
            "said 33 people died.",
            "2024-01-14",
            "33",
            {"source": "civil-defence-agency"},
        ),
        (  # an unnamed spokesman speaks for the body
            "donbas",
            "Three soldiers were wounded, a regional military administration spokesman said.",
            "2016-09-09",
            "Three",
            {"source": "regional-military-administration"},
        ),
    ],
)
def test_a_named_spokesman_of_a_body_nobody_names_is_the_person(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


_ABDULKARIM = (
    "Dr. Mohammed Abdulkarim, rushing from ward to ward, keeps the casualty figures in his "
    "head. He rattled them off as he strode the hallways.\n"
    "\u201cOne dead Thursday, 10 Friday,\u201d he said. And the daily wounded: 14, 86. The "
    "totals: 24 dead and 246 wounded in four days.\n"
)


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # "he said" with no speaker before: the person named opening a sentence before
            "libya11",
            _ABDULKARIM,
            "2011-07-19",
            "One",
            {"source": "dr-mohammed-abdulkarim"},
        ),
        (  # a verbless heading and a colon go on with the statement before, in its paragraph
            "libya11",
            _ABDULKARIM,
            "2011-07-19",
            "14",
            {"source": "dr-mohammed-abdulkarim"},
        ),
        (  # ... and so does the next one
            "libya11",
            _ABDULKARIM,
            "2011-07-19",
            "246",
            {"source": "dr-mohammed-abdulkarim"},
        ),
        (  # a name and its apposition opening a sentence, without an honorific
            "libya11",
            "Ahmed Salem, a nurse at the clinic, walked the halls.\n\u201cSeven died,\u201d she "
            "said.",
            "2011-07-19",
            "Seven",
            {"source": "ahmed-salem"},
        ),
    ],
)
def test_a_person_named_before_he_said_speaks(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # a place opening a sentence is nobody "he" refers to
            "libya11",
            "Port Brega, a key oil town, fell quiet on Sunday.\n\u201cFour people died,\u201d he "
            "said.",
            "2011-07-19",
            "Four",
            {"source": "unattributed"},
        ),
        (  # a heading in another paragraph starts a statement of its own
            "libya11",
            "\u201cOne dead Thursday,\u201d said the ministry.\nThe totals: 24 dead in four days.",
            "2011-07-19",
            "24",
            {"source": "unattributed"},
        ),
    ],
)
def test_what_the_person_and_heading_rules_leave_alone(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


_DAYS = "\u201cOne dead Thursday, 10 Friday, nine Saturday, four Sunday,\u201d he said. "


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        (  # an item with no noun after a figure with none shares its outcome, its day its own
            _DAYS,
            "nine",
            {"outcome": "killed", "as_of": "2011-07-16"},
        ),
        (
            _DAYS,
            "four",
            {"outcome": "killed", "as_of": "2011-07-17"},
        ),
        (  # bare counts after a heading: the heading's outcome; "daily" after a list of days:
            # each count the day of its place
            _DAYS + "And the daily wounded: 14, 86, 83, 63.",
            "86",
            {"outcome": "wounded", "as_of": "2011-07-15"},
        ),
        (
            _DAYS + "And the daily wounded: 14, 86, 83, 63.",
            "14",
            {"outcome": "wounded", "as_of": "2011-07-14"},
        ),
    ],
)
def test_bare_day_by_day_counts(text: str, figure: str, expected: dict[str, object]) -> None:
    row = _row("libya11", text, figure, "2011-07-19")
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        (  # without "daily" the counts are not days of the list: the statement's day goes on
            _DAYS + "And the wounded: 14, 86, 83, 63.",
            "14",
            {"as_of": "2011-07-17"},
        ),
        (  # a daily list of another length is not aligned with the days
            _DAYS + "And the daily wounded: 14, 86.",
            "14",
            {"as_of": "2011-07-17"},
        ),
        (  # an item with a noun of its own keeps its own reading
            "One dead Thursday, 10 soldiers wounded Friday.",
            "10",
            {"outcome": "wounded", "category": "military"},
        ),
    ],
)
def test_what_the_day_by_day_rules_leave_alone(
    text: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row("libya11", text, figure, "2011-07-19")
    assert _fields(row, expected) == expected, row["note"]


def test_a_year_after_a_quotation_dates_none_of_its_figures() -> None:
    # Fails if the reporter's year after the quotation ("who emerged as a force in 2016") dates
    # the speaker's figures as an earlier event's.
    text = (
        "\u201cCurrently five police officers have been killed,\u201d it added, using a "
        "government description for the militants who emerged as a force in 2016."
    )
    row = _row("rakhine", text, "five", "2017-08-25")
    assert _fields(row, {"outcome": "killed"}) == {"outcome": "killed"}


@pytest.mark.parametrize(
    "text",
    [
        # the year inside the quotation dates the quoted figure
        "\u201cSome 40 people were killed in Maungdaw in 2016,\u201d he said.",
        # no quotation: the sentence is about 2016
        "Militants killed 40 people in Maungdaw in 2016, officials said.",
    ],
)
def test_a_year_with_the_figure_still_dates_it(text: str) -> None:
    result = extract(text, published="2017-08-25", war=WARS["rakhine"], debug=True)
    assert len(result.claims) == 0
    assert "history" in set(result.rejected["reason"])


@pytest.mark.parametrize(
    ("war", "text", "published", "figure", "expected"),
    [
        (  # the narrator's past perfect tells of a time before the tolls: not their day
            "libya11",
            "At least 61 people were wounded in the attacks on Misrata, a doctor said.\n"
            "Gaddafi forces had renewed their shelling near Misrata on Wednesday.",
            "2011-06-10",
            "At least 61",
            {"as_of": "2011-06-10", "kind": "cumulative"},
        ),
        (  # ... in a speaker's words it is reported speech: the incident's day
            "libya11",
            "At least 61 people were wounded in the attacks on Misrata, a doctor said.\n"
            "Police said Gaddafi forces had renewed their shelling near Misrata on Wednesday.",
            "2011-06-10",
            "At least 61",
            {"as_of": "2011-06-08", "kind": "incident"},
        ),
        (  # a simple past tells the incident and its day, as before
            "libya11",
            "At least 61 people were wounded in the attacks on Misrata, a doctor said.\n"
            "Gaddafi forces renewed their shelling near Misrata on Wednesday.",
            "2011-06-10",
            "At least 61",
            {"as_of": "2011-06-08", "kind": "incident"},
        ),
        (  # a count told with its own period ("earlier this month") takes no later day; it
            # starts with the month (here the war's start) and holds on the day of the text
            "karabakh16",
            "Dozens died in clashes in Nagorno-Karabakh earlier this month.\n"
            "A ceasefire halted four days of fierce fighting on April 5.",
            "2016-04-15",
            "Dozens",
            {"as_of": "2016-04-15", "since": "2016-04-02", "kind": "cumulative"},
        ),
        (  # without a period of its own, the incident's day told after is its day
            "karabakh16",
            "Dozens died in clashes in Nagorno-Karabakh.\n"
            "A ceasefire halted four days of fierce fighting on April 5.",
            "2016-04-15",
            "Dozens",
            {"as_of": "2016-04-05", "kind": "incident"},
        ),
        (  # "earlier this week": from the week's Monday
            "karabakh16",
            "Twelve soldiers were killed earlier this week, the ministry said.",
            "2016-04-08",
            "Twelve",
            {"as_of": "2016-04-08", "since": "2016-04-04"},
        ),
    ],
)
def test_days_a_later_sentence_does_not_give(
    war: str, text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row(war, text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "reported in mid-April": the month's 15th is the day of the statement
        (
            "The UN human rights office reported in mid-April that 6,116 people had been killed.",
            {"as_of": "2015-04-15"},
        ),
        # "mid-May" with a year
        (
            "The UN human rights office said in mid-May 2015 that 6,116 people had died.",
            {"as_of": "2015-05-15"},
        ),
        # "amid" is no "mid": no day
        ("Fighting amid May rains killed 6,116 people, the UN said.", {"as_of": "2015-06-01"}),
        # a place after "said in" is no day
        ("The UN said in Kyiv that 6,116 people had been killed.", {"as_of": "2015-06-01"}),
    ],
)
def test_mid_month_is_the_fifteenth(text: str, expected: dict[str, object]) -> None:
    row = _row("donbas", text, "6,116", "2015-06-01")
    assert _fields(row, expected) == expected, row["note"]


_LEDE_AND_TOTAL = (
    "Gaddafi forces shelled a building in Misrata on Friday, killing 22 people, police said.\n"
    "More than 5,000 people have been killed in Libya since the uprising began.\n"
    "Rockets also wounded 40 people in Misrata."
)


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        # a running total after the lede's incident holds on the day of the text, no incident
        ("More than 5,000", {"as_of": "2011-06-11", "kind": "cumulative"}),
        # a later figure of the incident keeps its day, as before
        ("40", {"as_of": "2011-06-10", "kind": "incident"}),
    ],
)
def test_a_running_total_takes_no_day_of_the_ledes_incident(
    figure: str, expected: dict[str, object]
) -> None:
    row = _row("libya11", _LEDE_AND_TOTAL, figure, "2011-06-11")
    assert _fields(row, expected) == expected, row["note"]


_AMBUSH = (
    "Thirteen people were killed in an ambush on Monday in Brega, according to local "
    "authorities.\n"
    "The ministry initially tweeted that 14 people had been killed, but the security ministry "
    "later confirmed that the death toll was in fact 13.\n"
    "A doctor said 40 people were wounded in Brega.\n"
    "Separately, 12 people were killed in Brega.\n"
    "Last week 9 people were killed in Brega, a doctor said.\n"
    "Five people were killed in Misrata, the police said."
)


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        # another speaker's toll that points back to the incident ("the death toll")
        ("14", {"kind": "incident", "as_of": "2011-06-13", "region": "brega"}),
        # another speaker's toll at the incident's place
        ("40", {"kind": "incident", "as_of": "2011-06-13"}),
        # another event set beside it
        ("12", {"kind": "cumulative", "as_of": "2011-06-15"}),
        # a time of its own
        ("9", {"kind": "cumulative", "as_of": "2011-06-15"}),
        # another place, off the incident's chain
        ("Five", {"kind": "cumulative", "as_of": "2011-06-15"}),
    ],
)
def test_the_incident_a_text_opens_with_gives_its_day_to_any_speakers_later_tolls(
    figure: str, expected: dict[str, object]
) -> None:
    row = _row("libya11", _AMBUSH, figure, "2011-06-15")
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        (  # the day is the new deaths'; the total and its parts hold when it is told
            "The army said five soldiers were killed on Friday, bringing its toll to 20 "
            "\u2014including 14 civilians and six soldiers.",
            "20",
            {"as_of": "2011-06-11", "kind": "cumulative"},
        ),
        (
            "The army said five soldiers were killed on Friday, bringing its toll to 20 "
            "\u2014including 14 civilians and six soldiers.",
            "14",
            {"as_of": "2011-06-11"},
        ),
        (  # a day inside the phrase starts the siege, it is not the total's day
            "The discovery brought the death toll in the siege of Misrata, which was launched "
            "May 23, to more than a thousand people.",
            "more than a thousand",
            {"as_of": "2011-06-11", "kind": "cumulative"},
        ),
        (  # the increment keeps its day
            "The army said five soldiers were killed on Friday, bringing its toll to 20.",
            "five",
            {"as_of": "2011-06-10"},
        ),
        (  # a day after the total is the total's
            "Five soldiers were killed, bringing the toll to 20 on Friday.",
            "20",
            {"as_of": "2011-06-10"},
        ),
    ],
)
def test_a_total_brought_to_holds_when_it_is_told(
    text: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row("libya11", text, figure, "2011-06-11")
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "published", "figure", "expected"),
    [
        (  # the "as of" of the sentence before, which counted things, in the same paragraph
            "As of April 5, the Azerbaijani side has lost 26 tanks. The Azerbaijani side has "
            "admitted the loss of 31 fighters.",
            "2016-04-08",
            "31",
            {"as_of": "2016-04-05"},
        ),
        (  # ... which counted casualties: the same speaker going on (read by the continued
            # statement before this rule too; kept so that the rule's speaker check keeps it)
            "According to the ombudsman, as of April 5, 20 civilians were killed. In addition, "
            "93 people were injured.",
            "2016-04-08",
            "93",
            {"as_of": "2016-04-05"},
        ),
    ],
)
def test_as_of_the_sentence_before(
    text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row("karabakh16", text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


@pytest.mark.parametrize(
    ("text", "published", "figure", "expected"),
    [
        (  # another speaker's statement after a count "as of" a day keeps its own day
            "As of Thursday, the Armenian defense ministry has reported 1,166 of its soldiers "
            "killed. Dozens of civilians have been killed on both sides.",
            "2016-04-08",
            "Dozens",
            {"as_of": "2016-04-08"},
        ),
        (  # another paragraph
            "As of April 5, the Azerbaijani side has lost 26 tanks.\nThe Azerbaijani side has "
            "admitted the loss of 31 fighters.",
            "2016-04-08",
            "31",
            {"as_of": "2016-04-08"},
        ),
        (  # a day of its own
            "As of April 5, the Azerbaijani side has lost 26 tanks. On Thursday it admitted the "
            "loss of 31 fighters.",
            "2016-04-08",
            "31",
            {"as_of": "2016-04-07"},
        ),
    ],
)
def test_what_as_of_the_sentence_before_leaves_alone(
    text: str, published: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row("karabakh16", text, figure, published)
    assert _fields(row, expected) == expected, row["note"]


def test_as_well_as_goes_on_with_a_list_of_casualties() -> None:
    # Fails if "as well as" ends the list (the 59 militants were refused as a count of
    # fighters) or if "one immigration officer" counts no people.
    text = (
        "Attacks on Friday left at least 71 dead, including 10 policemen, one soldier, and one "
        "immigration officer as well as 59 suspected militants, officials said."
    )
    row = _row("rakhine", text, "59", "2017-08-25")
    expected = {"outcome": "killed", "category": "military"}
    assert _fields(row, expected) == expected, row["note"]


def test_as_well_as_after_fighters_counts_no_casualty() -> None:
    text = "Some 150 militants as well as 59 fighters attacked the posts, officials said."
    result = extract(text, published="2017-08-25", war=WARS["rakhine"], debug=True)
    assert len(result.claims) == 0


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        (  # a side speaks, and admitting a loss is saying it
            "The Azerbaijani side has admitted the loss of 31 fighters.",
            "31",
            {"source": "azerbaijani-side", "party": "azerbaijan"},
        ),
        (
            "The Armenian side acknowledged that 12 soldiers were killed.",
            "12",
            {"source": "armenian-side"},
        ),
        (  # informing a court is saying
            "The state government informed the Supreme Court that 142 people had been killed.",
            "142",
            {"source": "state-government"},
        ),
        (  # "admitted to hospital" is no speech
            "Twelve wounded people were admitted to hospital.",
            "Twelve",
            {"source": "unattributed"},
        ),
        (  # "on the Armenian side" is a place of the dead, not a speaker
            "Four soldiers were killed on the Armenian side, officials said.",
            "Four",
            {"source": "officials"},
        ),
    ],
)
def test_sides_that_admit_and_bodies_that_inform_speak(
    text: str, figure: str, expected: dict[str, object]
) -> None:
    row = _row("karabakh16", text, figure, "2016-04-08")
    assert _fields(row, expected) == expected, row["note"]
