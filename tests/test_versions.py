"""Knowledge dates and current claims: what was known on a day, which version of a claim holds."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import ClaimValidationError
from karabakh_tolls.testing.tables import claim_frames
from karabakh_tolls.versions import (
    LEFT_OUT_COLUMNS,
    Omission,
    current_frame,
    known_on_frame,
)

SEEDS = kt.load_seed_claims()
MILITARY_NK = kt.Scope("killed", "military", party="nagorno-karabakh")


def chain(*published: str | None, low: int = 280) -> kt.ClaimSet:
    """Versions of c14 (one per release), each replaced by the next: v0 -> v1 -> ... -> c14."""
    base = SEEDS["c14"]
    n = len(published)
    names = [f"c14@v{i}" for i in range(n - 1)] + ["c14"]
    claims = [
        base.evolve(
            id=names[i],
            figure=kt.exact(low + 10 * i),
            release=f"v{i}",
            published=published[i],
            superseded_by=names[i + 1] if i + 1 < n else None,
        )
        for i in range(n)
    ]
    return kt.ClaimSet(claims)


# --- knowledge dates ---------------------------------------------------------------------------


def test_known_on_10_october_keeps_the_three_documents_published_by_then() -> None:
    view = SEEDS.known_on("2020-10-10")
    assert set(view.frame["document"]) == {"001", "002", "003"}
    left = view.left_out
    assert tuple(left.columns) == LEFT_OUT_COLUMNS
    assert set(left["reason"]) == {Omission.PUBLISHED_LATER.value}
    assert set(left["claim_id"]) | set(view.ids) == set(SEEDS.ids)
    assert "published 2020-10-30, after 2020-10-10" in set(left["detail"])
    # a date string or a date, the same view (and computed once)
    assert SEEDS.known_on(dt.date(2020, 10, 10)) is view


def test_reconciling_what_was_known_uses_only_those_claims() -> None:
    r = kt.reconcile(
        SEEDS.current(known_on="2020-10-10"), kt.Scope("killed", "civilian"), "2020-10-06"
    )
    known = set(SEEDS.known_on("2020-10-10").ids)
    assert set(r.roles) == known
    assert (r.low, r.high) == (48, None)  # the civilian total of 146 was not yet published
    later = kt.reconcile(SEEDS, kt.Scope("killed", "civilian"), "2020-10-06")
    assert later.high is not None


def test_known_on_before_every_publication_is_empty_and_names_every_claim() -> None:
    view = SEEDS.known_on("2020-09-30")
    assert len(view) == 0
    assert [w.id for w in view.wars] == ["karabakh-2020"]
    assert sorted(view.left_out["claim_id"]) == sorted(SEEDS.ids)
    r = kt.reconcile(view.current(), MILITARY_NK, "2020-10-29")
    assert (r.low, r.high) == (0, None)
    assert r.roles == {}


def test_undated_claims_are_left_out_unless_asked_for_at_their_earliest() -> None:
    undated = SEEDS["c14"].evolve(id="u1", published=None, document="leaflet")
    late = SEEDS["c18"].evolve(id="u2", published=None, document="leaflet")
    claims = SEEDS + kt.ClaimSet([undated, late])
    view = claims.known_on("2020-10-10")
    reasons = dict(zip(view.left_out["claim_id"], view.left_out["reason"], strict=True))
    assert reasons["u1"] == reasons["u2"] == "undated"
    earliest = claims.known_on("2020-10-10", undated="earliest")
    assert "u1" in earliest.ids and "u2" not in earliest.ids
    detail = earliest.left_out.set_index("claim_id").loc["u2"]
    assert detail.reason == "published-later" and "2020-10-29" in detail.detail
    with pytest.raises(ValueError, match="undated"):
        claims.known_on("2020-10-10", undated="never")  # type: ignore[arg-type]


def test_bad_knowledge_date_is_named() -> None:
    with pytest.raises(kt.ClaimError, match="known_on"):
        SEEDS.known_on("10/10/2020")


@given(claim_frames(max_rows=8), st.dates(dt.date(2020, 9, 1), dt.date(2021, 2, 1)))
def test_known_on_splits_the_set_and_names_every_claim_it_leaves_out(
    frame: pd.DataFrame, day: dt.date
) -> None:
    # Fails if a claim vanishes without a reason, or a later or undated claim slips in.
    claims = kt.ClaimSet.from_frame(frame)
    view = claims.known_on(day)
    kept, left = set(view.ids), set(view.left_out["claim_id"])
    assert kept.isdisjoint(left) and kept | left == set(claims.ids)
    published = view.frame["published"]
    assert published.notna().all() and (published <= pd.Timestamp(day)).all()
    later = claims.known_on(day + dt.timedelta(days=30))
    assert kept <= set(later.ids)


@given(claim_frames(max_rows=8))
def test_known_on_before_every_publication_is_empty(frame: pd.DataFrame) -> None:
    claims = kt.ClaimSet.from_frame(frame)
    view = claims.known_on("2020-09-01")
    assert len(view) == 0
    assert sorted(view.left_out["claim_id"]) == sorted(claims.ids)
    undated = set(claims.frame.loc[claims.frame["published"].isna(), "claim_id"])
    reasons = dict(zip(view.left_out["claim_id"], view.left_out["reason"], strict=True))
    assert {k for k, v in reasons.items() if v == "undated"} == undated


# --- current claims and knowledge of replacements ----------------------------------------------


def test_current_leaves_out_replaced_versions_and_says_by_what() -> None:
    claims = chain("2020-10-06", "2020-10-07", "2020-10-08")
    current = claims.current()
    assert current.ids == ("c14",)
    left = current.left_out.set_index("claim_id")
    assert left.loc["c14@v0", "detail"] == "superseded by c14@v1 (release v1)"
    assert set(left["reason"]) == {"superseded"}
    assert claims.superseded().ids == ("c14@v0", "c14@v1")
    assert SEEDS.current() is SEEDS  # nothing replaced: the set itself


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2020-10-05", ()),
        ("2020-10-06", ("c14@v0",)),
        ("2020-10-07", ("c14@v1",)),
        ("2020-10-20", ("c14",)),
    ],
)
def test_on_each_day_the_latest_published_version_is_current(
    day: str, expected: tuple[str, ...]
) -> None:
    claims = chain("2020-10-06", "2020-10-07", "2020-10-08")
    assert claims.current(known_on=day).ids == expected


@given(
    st.lists(st.integers(0, 20), min_size=1, max_size=4),
    st.integers(0, 25),
    st.sampled_from(["exclude", "earliest"]),
)
def test_exactly_one_version_is_current_once_any_is_known(
    offsets: list[int], at: int, undated: str
) -> None:
    # Fails if two versions of one figure count at once (a revived old version beside its
    # known replacement) or if a known version is lost. Publication days may come out of
    # order; a version's replacement replaces it only once it is known.
    start = dt.date(2020, 10, 6)
    published = [(start + dt.timedelta(days=o)).isoformat() for o in offsets]
    claims = chain(*published)
    day = start + dt.timedelta(days=at)
    current = claims.current(known_on=day, undated=undated)  # type: ignore[arg-type]
    known = [i for i, o in enumerate(offsets) if o <= at]
    if not known:
        assert len(current) == 0
        return
    assert len(current) == 1
    names = [f"c14@v{i}" for i in range(len(offsets) - 1)] + ["c14"]
    # the current one is the known version none of whose later versions is known
    assert current.ids[0] == names[max(known)]


def test_a_replacement_outside_the_set_still_replaces() -> None:
    claims = chain("2020-10-06", "2020-10-07")
    alone = claims[claims.frame["claim_id"] == "c14@v0"]
    assert len(alone.current()) == 0
    # ...unless that release is asked for as it was published
    assert claims.release("v0").current().ids == ("c14@v0",)
    with pytest.raises(KeyError, match="v0, v1"):
        claims.release("v9")
    assert claims.releases == ("v0", "v1")


def test_views_chain_their_left_out_claims() -> None:
    claims = SEEDS[(SEEDS.frame["claim_id"] != "c14").to_numpy()] + chain(
        "2020-10-06", "2020-10-20"
    )
    view = claims.current(known_on="2020-10-25")
    reasons = dict(zip(view.left_out["claim_id"], view.left_out["reason"], strict=True))
    assert reasons["c14@v0"] == "superseded" and reasons["c01"] == "published-later"
    assert set(reasons) | set(view.ids) == set(claims.ids)
    # on 10 October the revision was not out: the first version was still the count
    earlier = claims.current(known_on="2020-10-10")
    assert "c14@v0" in earlier.ids and "c14" not in earlier.ids
    assert earlier.frame.set_index("claim_id").loc["c14@v0", "superseded_by"] is pd.NA
    assert claims.frame.set_index("claim_id").loc["c14@v0", "superseded_by"] == "c14"


def test_frame_functions_do_not_modify_their_input() -> None:
    claims = chain("2020-10-06", "2020-10-07", "2020-10-08")
    frame = claims.to_frame()
    before = frame.copy()
    known_on_frame(frame, dt.date(2020, 10, 6))
    current_frame(frame)
    pd.testing.assert_frame_equal(frame, before)


# --- validation of replacements ----------------------------------------------------------------


def test_a_claim_cannot_replace_itself() -> None:
    with pytest.raises(kt.ClaimError, match="supersede itself"):
        SEEDS["c14"].evolve(superseded_by="c14")
    frame = SEEDS.to_frame()
    frame.loc[frame.claim_id == "c14", "superseded_by"] = "c14"
    with pytest.raises(ClaimValidationError, match="cannot supersede itself"):
        kt.ClaimSet.from_frame(frame)


def test_a_circle_of_replacements_is_refused_row_by_row() -> None:
    frame = SEEDS.to_frame()
    frame.loc[frame.claim_id == "c14", "superseded_by"] = "c18"
    frame.loc[frame.claim_id == "c18", "superseded_by"] = "c15"
    frame.loc[frame.claim_id == "c15", "superseded_by"] = "c14"
    frame.loc[frame.claim_id == "c09", "superseded_by"] = "c14"  # runs into the circle
    frame.loc[frame.claim_id == "c10", "superseded_by"] = "elsewhere"  # outside: allowed
    claims = kt.ClaimSet.from_frame(frame, errors="report")
    bad = {p.row for p in claims.rejected}
    rows = {cid: i for i, cid in enumerate(frame.claim_id)}
    assert bad == {rows["c14"], rows["c18"], rows["c15"], rows["c09"]}
    assert all("circle" in p.message for p in claims.rejected)
    assert "c10" in claims.ids


# --- the queries' known_on -----------------------------------------------------------------------


def test_reconcile_known_on_uses_only_the_first_three_documents() -> None:
    r = kt.reconcile(SEEDS, kt.Scope("killed", "civilian"), "2020-10-06", known_on="2020-10-10")
    used = {cid for cid, role in r.roles.items() if role is not kt.Role.UNPUBLISHED}
    documents = set(SEEDS.frame.set_index("claim_id").loc[sorted(used), "document"])
    assert documents <= {"001", "002", "003"}
    # every claim is named: the later ones as not yet published
    assert set(r.roles) == set(SEEDS.ids)
    later = set(SEEDS.ids) - set(SEEDS.known_on("2020-10-10").ids)
    assert {cid for cid, role in r.roles.items() if role is kt.Role.UNPUBLISHED} == later
    same = kt.reconcile(
        SEEDS.current(known_on="2020-10-10"), kt.Scope("killed", "civilian"), "2020-10-06"
    )
    assert (r.low, r.high, r.status) == (same.low, same.high, same.status)


def test_known_on_before_every_publication_is_the_empty_answer_in_every_query() -> None:
    r = kt.reconcile(SEEDS, MILITARY_NK, "2020-10-29", known_on="2020-09-30")
    assert (r.low, r.high, r.status) == (0, None, "consistent")
    assert set(r.roles.values()) == {kt.Role.UNPUBLISHED} and set(r.roles) == set(SEEDS.ids)
    table = kt.reconcile_all(SEEDS, known_on="2020-09-30")
    assert table.empty and len(table.attrs["left_out"]) == len(SEEDS)
    e = kt.estimate(SEEDS, "killed/civilian", "2020-10-06", known_on="2020-09-30")
    assert (e.hard_low, e.hard_high, e.best) == (0, None, None)
    assert len(e.left_out) == len(SEEDS)


def test_superseded_claims_are_left_out_of_every_query_by_default() -> None:
    old = SEEDS["c14"].evolve(
        id="c14@draft", figure=SEEDS["c14"].figure.evolve(low=9000, high=9000), superseded_by="c14"
    )
    claims = SEEDS + kt.ClaimSet([old])
    scope = SEEDS["c14"].scope
    day = SEEDS["c14"].as_of
    r = kt.reconcile(claims, scope, day)
    plain = kt.reconcile(SEEDS, scope, day)
    assert (r.low, r.high, r.status) == (plain.low, plain.high, plain.status)
    assert r.roles["c14@draft"] is kt.Role.SUPERSEDED
    table = kt.reconcile_all(claims)
    pd.testing.assert_frame_equal(table, kt.reconcile_all(SEEDS))
    assert table.attrs["left_out"] == (("c14@draft", "superseded"),)
    e = kt.estimate(claims, scope, day)
    assert e.left_out == (("c14@draft", "superseded"),)
    assert e.best == kt.estimate(SEEDS, scope, day).best
