"""Real phrasings that extraction got wrong, each a row of a table; the review loop; the dev set."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

import pandas as pd
import pytest

import karabakh_tolls as kt
from karabakh_tolls.cli import main
from karabakh_tolls.extract import (
    ExtractionError,
    MissingExtraError,
    extract,
    extract_debug,
    review,
)

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
        (  # a speaker the table does not know is kept as text
            "Russian shelling killed five people on Monday, the regional governor said.",
            [("five", "cumulative", "all", "regional-governor")],
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
    assert set(frame["part"]) == {"dev", "holdout", "holdout2"}
    assert frame["war"].nunique() >= 4
    for row in frame.itertuples():
        text = (REAL / row.part / f"{row.document}.txt").read_text(encoding="utf-8")
        assert text[int(row.span_start) : int(row.span_end)] == row.quote
        assert text[int(row.figure_start) : int(row.figure_end)] == row.figure
