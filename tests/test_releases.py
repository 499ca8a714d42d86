"""Releases as versions: supersede keeps old claims as history, never counts a figure twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import ArgumentTypeError, ClaimValidationError, OptionError
from karabakh_tolls.testing.tables import claim_frames

DATA = Path(__file__).parent / "data" / "real"
UCDP = DATA / "ucdp_ged191_myanmar_bangladesh_cut.csv"
SEEDS = kt.load_seed_claims()
FORMATS = ("csv", "jsonl", "parquet")


@pytest.fixture(scope="module")
def ucdp_raw() -> pd.DataFrame:
    return pd.read_csv(UCDP, dtype="string", keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def ged191(ucdp_raw: pd.DataFrame) -> kt.ClaimSet:
    return kt.from_ucdp_ged(ucdp_raw, errors="report", release="19.1", published="2019-06-18")


def figures(claims: kt.ClaimSet) -> dict[str, tuple[int, int | None]]:
    return {c.id: (c.low, c.high) for c in claims}


def sorted_frame(claims: kt.ClaimSet) -> pd.DataFrame:
    return claims.frame.sort_values("claim_id").reset_index(drop=True)


# --- importers record their release ------------------------------------------------------------


def test_ucdp_claims_carry_their_release_and_its_date(ged191: kt.ClaimSet) -> None:
    assert ged191.releases == ("UCDP GED 19.1",)
    assert (ged191.frame["published"] == pd.Timestamp("2019-06-18")).all()
    assert ged191.frame["document"].str.startswith("ucdp-ged-19.1:").all()
    # known on the release day, not before
    assert len(ged191.known_on("2019-06-17")) == 0
    assert len(ged191.known_on("2019-06-18")) == len(ged191)


def test_an_acled_export_is_named_and_dated_by_its_day() -> None:
    acled = pd.DataFrame(
        {
            "event_id_cnty": ["AZE1"],
            "event_date": ["17 October 2020"],
            "country": ["Azerbaijan"],
            "fatalities": [13],
        }
    )
    claims = kt.from_acled(acled, release="2020-11-02")
    assert claims.releases == ("ACLED export 2020-11-02",)
    assert claims[0].published == dt.date(2020, 11, 2)
    labelled = kt.from_acled(acled, release="weekly", published=dt.date(2020, 11, 3))
    assert labelled[0].release == "weekly" and labelled[0].published == dt.date(2020, 11, 3)
    assert kt.from_acled(acled)[0].release is None
    with pytest.raises(ValueError, match="not a date"):
        kt.from_acled(acled, published="soon")
    with pytest.raises(TypeError, match="release"):
        kt.from_acled(acled, release=19.1)  # type: ignore[arg-type]


# --- supersede ---------------------------------------------------------------------------------


def test_reimporting_the_cut_as_a_newer_release_leaves_the_table_unchanged(
    ucdp_raw: pd.DataFrame, ged191: kt.ClaimSet
) -> None:
    # Fails if a re-import doubles or drops claims the engine sees: the reconciled table of
    # the combined releases must equal that of either release alone.
    ged201 = kt.from_ucdp_ged(ucdp_raw, errors="report", release="20.1", wars=ged191.wars)
    both = kt.supersede(ged191, ged201)
    assert len(both) == 2 * len(ged191)
    assert len(both.superseded()) == len(ged191)
    current = both.current()
    assert figures(current) == figures(ged191)
    before = kt.reconcile_all(ged191, method="propagate")
    after = kt.reconcile_all(current, method="propagate")
    pd.testing.assert_frame_equal(before, after)
    assert kt.diff_releases(ged191, ged201).empty


def test_a_revised_event_replaces_the_old_figure_and_the_diff_lists_it(
    ucdp_raw: pd.DataFrame, ged191: kt.ClaimSet
) -> None:
    revised = ucdp_raw.copy()
    revised.loc[0, ["low", "best", "high"]] = ["3", "4", "40"]
    event = revised.loc[0, "id"]
    dropped = revised.loc[1, "id"]
    revised = revised.drop(index=1)
    ged201 = kt.from_ucdp_ged(revised, errors="report", release="20.1", wars=ged191.wars)
    both = kt.supersede(ged191, ged201)
    total = f"ucdp-{event}"
    assert both[total].figure.low == 3 and both[total].figure.high == 40
    old = both[f"{total}@UCDP GED 19.1"]
    assert old.superseded_by == total and old.release == "UCDP GED 19.1"
    assert f"{total}@UCDP GED 19.1" not in both.current()
    # the event 20.1 lacks is not retracted silently: it stays current and the diff says so
    assert f"ucdp-{dropped}" in both.current()
    diff = kt.diff_releases(ged191, ged201).set_index("claim_id")
    assert diff.loc[total, "change"] == "revised"
    assert diff.loc[total, "changed"] == "low,high"
    assert (diff.loc[total, "old_low"], diff.loc[total, "new_low"]) == (
        ged191[total].low,
        3,
    )
    assert diff.loc[total, "new_release"] == "UCDP GED 20.1"
    assert diff.loc[f"ucdp-{dropped}", "change"] == "removed"


def test_a_newer_release_with_other_wars_reads_the_old_claims_against_them(
    ucdp_raw: pd.DataFrame,
) -> None:
    # each import makes its wars from its own rows: the newer release's war is used, and
    # the older claims must fit it (here the newer table names every party of the older)
    old = kt.from_ucdp_ged(ucdp_raw.iloc[:5], errors="report", release="19.1")
    new = kt.from_ucdp_ged(ucdp_raw.iloc[:40], errors="report", release="20.1")
    assert old.wars != new.wars
    both = kt.supersede(old, new)
    assert len(both.current()) == len(new) and len(both.superseded()) == len(old)
    # the other way round the older claims name places the newer war lacks: refused, with advice
    with pytest.raises(ClaimValidationError) as refused:
        kt.supersede(new, old)
    assert any("wars=old.wars" in note for note in refused.value.__notes__)


def test_superseding_with_the_same_release_changes_nothing() -> None:
    assert kt.supersede(SEEDS, SEEDS) == SEEDS


def test_three_releases_chain_and_keep_every_version() -> None:
    def release(low: int, label: str) -> kt.ClaimSet:
        claim = SEEDS["c14"].evolve(figure=kt.exact(low), release=label)
        return kt.ClaimSet([claim])

    a, b, c = release(280, "r1"), release(281, "r2"), release(282, "r3")
    left = kt.supersede(kt.supersede(a, b), c)
    right = kt.supersede(a, kt.supersede(b, c))
    assert figures(left.current()) == figures(right.current()) == {"c14": (282, 282)}
    assert len(left) == len(right) == 3
    # each version points to the one that replaced it, even after renames
    pointers = dict(zip(left.ids, left.frame["superseded_by"].fillna(""), strict=True))
    assert pointers == {"c14@r1": "c14@r2", "c14@r2": "c14", "c14": ""}
    # on the day of the second release's knowledge, it is the count
    assert left.release("r2").current().ids == ("c14@r2",)


def test_a_taken_versioned_name_gets_a_counter() -> None:
    # the older set already holds a claim named like the version it must create
    squatter = SEEDS["c18"].evolve(id="c14@r1")
    old = kt.ClaimSet([SEEDS["c14"].evolve(release="r1"), squatter])
    new = kt.ClaimSet([SEEDS["c14"].evolve(figure=kt.exact(290), release="r2")])
    both = kt.supersede(old, new)
    assert set(both.ids) == {"c14@r1", "c14@r1~2", "c14"}
    assert both["c14@r1~2"].superseded_by == "c14" and both["c14@r1~2"].low == 280


def test_matching_by_other_columns_keeps_new_ids() -> None:
    old = kt.ClaimSet([SEEDS["c14"].evolve(release="r1")])
    new = kt.ClaimSet([SEEDS["c14"].evolve(id="nk-mod-1", figure=kt.exact(290), release="r2")])
    both = kt.supersede(old, new, on=("source", "as_of", "outcome", "category", "party"))
    assert both["c14"].superseded_by == "nk-mod-1"  # no clash: the old id stays
    diff = kt.diff_releases(old, new, on=("source", "as_of"))
    assert diff[["old_claim_id", "new_claim_id", "change"]].values.tolist() == [
        ["c14", "nk-mod-1", "revised"]
    ]


def test_ambiguous_matches_and_clashing_ids_are_refused() -> None:
    with pytest.raises(ClaimValidationError, match="ambiguous"):
        kt.supersede(SEEDS, SEEDS, on="source")
    old = kt.ClaimSet([SEEDS["c14"]])
    other = kt.ClaimSet([SEEDS["c18"].evolve(id="c14")])
    with pytest.raises(ClaimValidationError, match="names different claims"):
        kt.supersede(old, other, on="as_of")
    with pytest.raises(OptionError, match="not a column of the claim table"):
        kt.supersede(old, other, on="colour")
    with pytest.raises(ArgumentTypeError, match="on"):
        kt.supersede(old, other, on=5)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="ClaimSet"):
        kt.diff_releases(old.frame, other)  # type: ignore[arg-type]


def test_supersede_does_not_modify_its_inputs() -> None:
    old = kt.ClaimSet([SEEDS["c14"].evolve(release="r1")])
    new = kt.ClaimSet([SEEDS["c14"].evolve(figure=kt.exact(290), release="r2")])
    before_old, before_new = old.to_frame(), new.to_frame()
    kt.supersede(old, new)
    pd.testing.assert_frame_equal(old.frame, before_old)
    pd.testing.assert_frame_equal(new.frame, before_new)


# --- properties --------------------------------------------------------------------------------


@st.composite
def releases(draw: st.DrawFn) -> tuple[kt.ClaimSet, kt.ClaimSet]:
    """An older release and a newer one revising, keeping, dropping and adding claims."""
    frame = draw(claim_frames(max_rows=6))
    old = frame.assign(release="r1")
    new = old.assign(release="r2")
    if len(new):
        revise = draw(st.lists(st.integers(0, len(new) - 1), max_size=3, unique=True))
        for i in revise:
            low = draw(st.integers(0, 1000))
            new.loc[i, "low"] = low
            new.loc[i, "high"] = low if draw(st.booleans()) else None
            new.loc[i, "hedge"] = "exact" if new.loc[i, "high"] == low else "at-least"
        keep = draw(st.lists(st.booleans(), min_size=len(new), max_size=len(new)))
        new = new.loc[keep]
    added = draw(claim_frames(max_rows=2))
    added["claim_id"] = [f"n{i}" for i in range(len(added))]
    new = pd.concat([new, added.assign(release="r2")], ignore_index=True)
    return kt.ClaimSet.from_frame(old), kt.ClaimSet.from_frame(new)


@given(releases())
def test_supersede_is_idempotent_and_counts_each_claim_once(
    pair: tuple[kt.ClaimSet, kt.ClaimSet],
) -> None:
    # Fails if a figure is counted twice (an old version still current beside its
    # replacement) or lost (a claim of either release missing from the current set), or if
    # superseding again with the same release adds anything.
    old, new = pair
    once = kt.supersede(old, new)
    assert kt.supersede(once, new) == once
    assert kt.supersede(once, once) == once
    # the combined set is what validating its table gives
    assert kt.ClaimSet.from_frame(once.to_frame()) == once
    current = figures(once.current())
    expected = {cid: f for cid, f in figures(old).items() if cid not in set(new.ids)}
    expected |= figures(new)
    assert current == expected
    assert len(once) == len(current) + len(once.superseded())


@given(releases(), st.randoms())
def test_supersede_does_not_depend_on_row_order(
    pair: tuple[kt.ClaimSet, kt.ClaimSet], rng: object
) -> None:
    old, new = pair

    def shuffled(claims: kt.ClaimSet) -> kt.ClaimSet:
        order = list(range(len(claims)))
        rng.shuffle(order)  # type: ignore[attr-defined]
        return kt.ClaimSet.from_frame(claims.frame.iloc[order])

    a = kt.supersede(old, new)
    b = kt.supersede(shuffled(old), shuffled(new))
    pd.testing.assert_frame_equal(sorted_frame(a), sorted_frame(b))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(releases())
def test_releases_round_trip_through_every_format(
    tmp_path: Path, pair: tuple[kt.ClaimSet, kt.ClaimSet]
) -> None:
    both = kt.supersede(*pair)
    for fmt in FORMATS:
        path = tmp_path / f"releases.{fmt}"
        getattr(both, f"to_{fmt}")(path)
        again = kt.read_claims(path)
        pd.testing.assert_frame_equal(again.frame, both.frame, obj=fmt)
        assert figures(again.current()) == figures(both.current())
