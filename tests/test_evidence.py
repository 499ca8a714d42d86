"""Evidence groups: echoes of one statement are one group, whatever outlet or row order."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.evidence import EVIDENCE_KEY, evidence_groups, evidence_table, group_weights
from karabakh_tolls.testing.tables import claim_frames

SEEDS = kt.load_seed_claims()


def partition(frame: pd.DataFrame, groups: pd.Series) -> set[frozenset[str]]:
    """The groups as sets of claim ids (independent of the names the groups got)."""
    by_group: dict[str, set[str]] = {}
    for cid, group in zip(frame["claim_id"], groups, strict=True):
        by_group.setdefault(str(group), set()).add(str(cid))
    return {frozenset(v) for v in by_group.values()}


def with_echo(
    claims: kt.ClaimSet, original: str, echo_id: str = "c90", **changes: object
) -> kt.ClaimSet:
    echo = claims[original].evolve(
        id=echo_id, outlet="trend-az", document="trend-1", quote=None, span=None, **changes
    )
    return claims + kt.ClaimSet([echo])


# --- examples ----------------------------------------------------------------------------------


def test_every_seed_claim_is_its_own_statement() -> None:
    # Fails if the key is too coarse (e.g. the party or the figure left out): the 'dozens on
    # each side' rows c19/c20, or c09/c10 (killed vs wounded), would be merged.
    groups = SEEDS.evidence_groups
    assert groups.tolist() == list(SEEDS.ids)
    assert groups.name == "evidence"


def test_an_echo_through_another_outlet_joins_its_original() -> None:
    claims = with_echo(SEEDS, "c12")
    groups = dict(zip(claims.ids, claims.evidence_groups, strict=True))
    assert groups["c90"] == groups["c12"] == "c12"
    assert sum(1 for g in groups.values() if g == "c12") == 2
    assert len(set(groups.values())) == len(SEEDS)


def test_a_via_chain_and_a_reworded_hedge_are_still_one_statement() -> None:
    # the same figure relayed by an intermediary, written "some 27" by the outlet, same interval
    claims = with_echo(SEEDS, "c12", via="anadolu", figure=kt.exact(27, text="27 civilians"))
    assert claims.evidence_groups.iloc[-1] == "c12"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"source": kt.Source("other", "Another source", "media")}, "another originator"),
        ({"figure": kt.exact(28)}, "another figure"),
        ({"as_of": "2020-10-07", "published": "2020-10-07"}, "another date"),
        ({"scope": kt.Scope("killed", "civilian", party="azerbaijan")}, "another scope"),
        ({"coverage": "partial"}, "a partial count"),
    ],
)
def test_a_different_statement_is_not_an_echo(change: dict[str, object], why: str) -> None:
    claims = with_echo(SEEDS, "c12", **change)
    assert claims.evidence_groups.iloc[-1] == "c90", why


def test_an_implicit_count_is_not_an_echo_of_an_exact_one() -> None:
    # "her daughter and three of her children" is a lower bound; "4 killed" is exact
    exact_four = SEEDS["c05"].evolve(
        id="c90", figure=kt.exact(4), source=SEEDS["c05"].source, outlet="trend-az"
    )
    claims = SEEDS + kt.ClaimSet([exact_four])
    assert claims.evidence_groups.iloc[-1] == "c90"


def test_an_evidence_cell_naming_a_claim_joins_that_claims_group() -> None:
    # an outlet that rounded c12's 27 to "nearly 30": detection cannot see it, the user can
    reworded = with_echo(SEEDS, "c12", figure=kt.between(27, 30), evidence="c12")
    groups = reworded.evidence_groups
    assert groups.iloc[-1] == "c12" and (groups == "c12").sum() == 2


def test_evidence_cells_split_what_detection_joins_and_name_their_group() -> None:
    frame = with_echo(SEEDS, "c12").to_frame()
    frame.loc[frame.claim_id == "c90", "evidence"] = "second-statement"
    frame.loc[frame.claim_id == "c11", "evidence"] = "azatutyun-pair"
    frame.loc[frame.claim_id == "c09", "evidence"] = "azatutyun-pair"
    groups = dict(zip(frame.claim_id, evidence_groups(frame), strict=True))
    assert groups["c90"] == "second-statement" and groups["c12"] == "c12"
    assert groups["c11"] == groups["c09"] == "azatutyun-pair"


def test_labels_chain_through_claim_ids() -> None:
    frame = SEEDS.to_frame()
    frame.loc[frame.claim_id == "c21", "evidence"] = "c22"
    frame.loc[frame.claim_id == "c22", "evidence"] = "russia-2020-10-30"
    frame.loc[frame.claim_id == "c23", "evidence"] = "russia-2020-10-30"
    groups = dict(zip(frame.claim_id, evidence_groups(frame), strict=True))
    # the group is named by its smallest label: 'c22' (a claim id used as a label)
    assert groups["c21"] == groups["c22"] == groups["c23"] == "c22"


def test_evidence_table_lists_every_outlet() -> None:
    claims = with_echo(with_echo(SEEDS, "c12"), "c12", echo_id="c91", via="anadolu")
    table = claims.evidence_table().set_index("evidence")
    row = table.loc["c12"]
    assert row.n_claims == 3
    assert row.claim_ids == ("c12", "c90", "c91")
    assert row.outlets == ("anadolu", "azatutyun", "trend-az")
    assert row.documents == ("001", "trend-1")
    assert len(table) == len(SEEDS)


def test_group_weight_is_counted_once() -> None:
    groups = pd.Series(["c12", "c12", "c12", "c07"])
    weights = group_weights(groups, [1.0, 1.0, 0.5, 1.0])
    assert weights.to_dict() == {"c07": 1.0, "c12": 1.0}
    with pytest.raises(ValueError, match="align"):
        group_weights(groups, [1.0])


def test_groups_are_cached_and_returned_as_copies() -> None:
    claims = with_echo(SEEDS, "c12")
    first = claims.evidence_groups
    first.iloc[0] = "tampered"
    assert claims.evidence_groups.iloc[0] == "c01"
    assert "evidence" in claims.cache


def test_evidence_column_round_trips(tmp_path: object) -> None:
    claims = with_echo(SEEDS, "c12", evidence="c12")
    path = f"{tmp_path}/claims.csv"
    claims.to_csv(path)
    again = kt.read_claims(path)
    assert again == claims and again["c90"].evidence == "c12"


def test_an_echo_of_c12_leaves_the_seed_table_unchanged() -> None:
    # the seeds' own conflicts, with c12 (27 civilians, Azerbaijan's prosecutor) carried by a
    # second outlet: the same claims are set aside, and every range is the same
    plain = kt.reconcile_all(SEEDS)
    echoed = kt.reconcile_all(with_echo(SEEDS, "c12"))
    assert echoed.attrs["set_aside"] == plain.attrs["set_aside"]
    pd.testing.assert_series_equal(echoed["low"], plain["low"])
    pd.testing.assert_series_equal(echoed["high"], plain["high"])


def test_an_echo_does_not_change_what_is_set_aside(contested_ganja: kt.ClaimSet) -> None:
    claims = SEEDS + contested_ganja
    scope = kt.Scope("killed", "civilian", party="azerbaijan", region="ganja")
    plain = kt.reconcile(claims, scope, "2020-10-17")
    assert plain.status == "conflict"
    echoed = kt.reconcile(with_echo(claims, "c90", echo_id="c91"), scope, "2020-10-17")
    assert set(echoed.set_aside) - {"c91"} == set(plain.set_aside)
    assert ("c90" in echoed.set_aside) == ("c91" in echoed.set_aside)


# --- properties --------------------------------------------------------------------------------


@st.composite
def labelled_frames(draw: st.DrawFn) -> pd.DataFrame:
    """Valid claim tables, some rows duplicated through other outlets, some with labels."""
    frame = draw(claim_frames(max_rows=7))
    if len(frame) and draw(st.booleans()):
        copies = draw(st.lists(st.integers(0, len(frame) - 1), max_size=3))
        extra = frame.iloc[copies].copy()
        extra["claim_id"] = [f"d{i}" for i in range(len(extra))]
        extra["outlet"] = "another-outlet"
        frame = pd.concat([frame, extra], ignore_index=True)
    labels = st.one_of(st.none(), st.sampled_from(["g1", "g2", "c0", "c1", "d0"]))
    frame["evidence"] = [draw(labels) for _ in range(len(frame))]
    return frame


@given(labelled_frames(), st.data())
def test_an_echo_joins_its_original_and_changes_no_other_group(
    frame: pd.DataFrame, data: st.DataObject
) -> None:
    # Fails if the echo's outlet, via, document or id enters the key, or if adding a row can
    # merge or split the groups of the rows already there.
    claims = kt.ClaimSet.from_frame(frame)
    if not len(claims):
        return
    original = claims[data.draw(st.integers(0, len(claims) - 1))]
    via = data.draw(st.one_of(st.none(), st.just("relay")))
    echo = original.evolve(id="echo", outlet="new-outlet", document="new-doc", via=via)
    both = claims + kt.ClaimSet([echo])
    before = partition(claims.frame, claims.evidence_groups)
    after = partition(both.frame, both.evidence_groups)
    restricted = {g - {"echo"} for g in after} - {frozenset()}
    assert restricted == before
    assert any({"echo", original.id} <= g for g in after)


@given(labelled_frames(), st.randoms())
def test_groups_do_not_depend_on_row_order(frame: pd.DataFrame, rng: object) -> None:
    claims = kt.ClaimSet.from_frame(frame)
    order = list(range(len(claims)))
    rng.shuffle(order)  # type: ignore[attr-defined]
    shuffled = claims.frame.iloc[order].reset_index(drop=True)
    a = dict(zip(claims.ids, claims.evidence_groups, strict=True))
    b = dict(zip(shuffled["claim_id"], evidence_groups(shuffled), strict=True))
    assert a == b


@given(labelled_frames())
def test_detected_groups_share_their_statement(frame: pd.DataFrame) -> None:
    # Fails if detection joins claims that say different things, or names a group by
    # anything but a member's id or a label.
    claims = kt.ClaimSet.from_frame(frame)
    table = claims.frame
    groups = claims.evidence_groups
    labels = set(table["evidence"].dropna())
    for name, members in table.groupby(groups.to_numpy()):
        assert name in set(members["claim_id"]) | labels
        if members["evidence"].isna().all():
            key = members[list(EVIDENCE_KEY)].astype(str).drop_duplicates()
            assert len(key) == 1, name
        else:
            assert name in labels


def test_empty_and_labelless_tables() -> None:
    empty = kt.ClaimSet([], wars=["karabakh-2020"])
    assert evidence_groups(empty.frame).empty
    assert evidence_table(empty.frame).empty
