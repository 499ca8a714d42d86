"""range_history: the range of one scope and day after each publication date."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.history import HISTORY_COLUMNS
from karabakh_tolls.testing.instances import Instance, instances, small_trees, to_frame

SEEDS = kt.load_seed_claims()
MILITARY_NK = kt.Scope("killed", "military", party="nagorno-karabakh")


def test_the_karabakh_military_toll_closed_when_the_count_of_that_day_came_out() -> None:
    history = kt.range_history(SEEDS, MILITARY_NK, "2020-10-29")
    assert tuple(history.columns) == HISTORY_COLUMNS
    assert history["published"].tolist() == [
        pd.Timestamp("2020-10-06"),
        pd.Timestamp("2020-10-30"),
        pd.Timestamp("2021-01-14"),
    ]
    # on 6 October only the 280 of that day was out: a lower bound, nothing above
    assert history.loc[0, "low"] == 280 and pd.isna(history.loc[0, "high"])
    assert (history.loc[1, "low"], history.loc[1, "high"]) == (1166, 1166)
    assert set(history["status"]) == {"consistent"}
    assert history["n_claims"].tolist() == [8, 15, 23]
    assert history.loc[1, "new_claims"] == tuple(f"c{i}" for i in range(17, 24))
    # the last row is what reconcile says with every claim
    final = kt.reconcile(SEEDS, MILITARY_NK, "2020-10-29")
    assert (history["low"].iloc[-1], history["high"].iloc[-1]) == (final.low, final.high)


def test_each_row_is_reconcile_on_what_was_known() -> None:
    history = kt.range_history(SEEDS, kt.Scope("killed", "civilian"), "2020-10-06")
    for row in history.itertuples():
        r = kt.reconcile(
            SEEDS.current(known_on=row.published.date()),
            kt.Scope("killed", "civilian"),
            "2020-10-06",
        )
        assert (row.low, None if pd.isna(row.high) else row.high) == (r.low, r.high)


def test_undated_claims_come_last_or_on_their_day() -> None:
    leaflet = SEEDS["c18"].evolve(
        id="u1", published=None, document="leaflet", figure=kt.exact(1166)
    )
    claims = SEEDS.filter(document="003") + kt.ClaimSet([leaflet])
    history = kt.range_history(claims, MILITARY_NK, "2020-10-29")
    assert pd.isna(history["published"].iloc[-1])
    assert history["new_claims"].iloc[-1] == ("u1",)
    assert pd.isna(history["high"].iloc[0]) and history["high"].iloc[-1] == 1166
    earliest = kt.range_history(claims, MILITARY_NK, "2020-10-29", undated="earliest")
    assert earliest["published"].tolist() == [
        pd.Timestamp("2020-10-06"),
        pd.Timestamp("2020-10-29"),
    ]
    assert earliest["new_claims"].iloc[-1] == ("u1",)


def test_a_revision_moves_the_range_only_from_its_publication() -> None:
    old = SEEDS["c18"].evolve(release="r1")
    new = SEEDS["c18"].evolve(
        figure=kt.exact(1200), release="r2", published="2020-11-20", document="revision"
    )
    claims = kt.supersede(SEEDS.filter(document="003") + kt.ClaimSet([old]), kt.ClaimSet([new]))
    history = kt.range_history(claims, MILITARY_NK, "2020-10-29")
    by_day = {row.published.date(): (row.low, row.high) for row in history.itertuples()}
    assert by_day[dt.date(2020, 10, 30)] == (1166, 1166)
    assert by_day[dt.date(2020, 11, 20)] == (1200, 1200)


def test_a_war_of_its_own_and_no_claims() -> None:
    war = kt.War("hypo-2015", "A hypothetical war", start="2015-01-01")
    frame = pd.DataFrame(
        {
            "claim_id": ["a"],
            "low": [5],
            "high": [5],
            "outcome": "killed",
            "as_of": "2015-02-01",
            "published": "2015-02-03",
            "source": "s",
            "document": "d",
        }
    )
    claims = kt.ClaimSet.from_frame(frame, wars=[war])
    history = kt.range_history(claims, "killed", "2015-02-01")
    assert history[["low", "high"]].values.tolist() == [[5, 5]]
    empty = kt.range_history(claims.known_on("2015-01-01"), "killed", "2015-02-01")
    assert empty.empty and tuple(empty.columns) == HISTORY_COLUMNS


@given(instances(small_trees(), max_claims=5, incidents=False), st.data())
def test_knowledge_only_narrows_and_every_row_holds_the_truth(
    instance: Instance, data: st.DataObject
) -> None:
    # Fails if a row uses a claim not yet published (a later row would not be inside it) or
    # loses one: with true claims every row holds the truth and the rows only narrow.
    frame = to_frame(instance)
    delays = data.draw(st.lists(st.integers(0, 3), min_size=len(frame), max_size=len(frame)))
    frame["published"] = [
        (dt.date.fromisoformat(a) + dt.timedelta(days=d)).isoformat()
        for a, d in zip(frame["as_of"], delays, strict=True)
    ]
    claims = kt.ClaimSet.from_frame(frame, wars=[instance.war])
    day = data.draw(st.sampled_from(instance.days))
    history = kt.range_history(claims, kt.Scope("killed", trees=instance.trees), day)
    truth = instance.count(("all", "all", "all", "all"), instance.start, day)
    previous: tuple[int, int | None] = (0, None)
    for row in history.itertuples():
        high = None if pd.isna(row.high) else int(row.high)
        assert row.low <= truth and (high is None or truth <= high)
        assert previous[0] <= row.low
        assert previous[1] is None or (high is not None and high <= previous[1])
        previous = (int(row.low), high)
