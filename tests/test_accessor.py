"""The df.tolls accessor: schema checked on the way in, input never modified."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings

import karabakh_tolls as kt
from karabakh_tolls.testing.tables import claim_frames


def test_round_trip_through_a_frame() -> None:
    claims = kt.load_seed_claims()
    frame = claims.to_frame()
    assert frame.tolls.claims() == claims
    assert kt.ClaimSet.from_frame(frame) == claims


def test_schema_is_checked_and_every_bad_row_named() -> None:
    frame = kt.load_seed_claims().to_frame()
    frame.loc[3, "low"] = -4
    frame.loc[7, "outcome"] = "kiled"
    with pytest.raises(kt.ClaimValidationError) as info:
        frame.tolls.claims()
    assert info.value.bad_rows == (3, 7)
    table = frame.tolls.validate()
    assert list(table["row"]) == [3, 7]
    assert not frame.tolls.is_valid
    kept = frame.tolls.claims(errors="report")
    assert len(kept) == 21 and {p.row for p in kept.rejected} == {3, 7}


def test_missing_required_column_is_named() -> None:
    frame = kt.load_seed_claims().to_frame().drop(columns=["as_of"])
    with pytest.raises(kt.ClaimValidationError, match="as_of"):
        frame.tolls.claims()


def test_reconcile_matches_the_function_and_leaves_the_frame_alone() -> None:
    claims = kt.load_seed_claims()
    frame = claims.to_frame()
    before = frame.copy()
    scope = "killed/civilian"
    r = frame.tolls.reconcile(scope, "2020-10-06")
    assert (r.low, r.high) == (
        kt.reconcile(claims, scope, "2020-10-06").low,
        kt.reconcile(claims, scope, "2020-10-06").high,
    )
    assert r.low >= 48
    frame.tolls.to_prov_json()
    pd.testing.assert_frame_equal(frame, before)


@settings(max_examples=max(5, settings.default.max_examples // 2))  # a slow round trip
@given(claim_frames())
def test_valid_frames_round_trip(frame: pd.DataFrame) -> None:
    before = frame.copy()
    claims = frame.tolls.claims()
    assert len(claims) == len(frame)
    assert claims.to_frame().tolls.claims() == claims
    pd.testing.assert_frame_equal(frame, before)


def test_reconcile_all_through_the_accessor_matches_the_function() -> None:
    frame = kt.load_seed_claims().to_frame()
    via_accessor = frame.tolls.reconcile_all(method="propagate")
    direct = kt.reconcile_all(kt.load_seed_claims(), method="propagate")
    pd.testing.assert_frame_equal(via_accessor, direct)
