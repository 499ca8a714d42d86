"""reconcile_all: columns, exact rows equal reconcile(), propagated rows contain them,
conflicts named, policies."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.policies import INDEPENDENT_ONLY, TrustPolicy
from karabakh_tolls.reconcile import COLUMNS, reconcile, reconcile_all
from karabakh_tolls.scopes import DIMENSIONS, Scope
from karabakh_tolls.synthetic import generate
from karabakh_tolls.testing.instances import Instance, instances, to_frame


@pytest.fixture(scope="module")
def seeds() -> ClaimSet:
    return kt.load_seed_claims()


@pytest.fixture(scope="module")
def table(seeds: ClaimSet) -> pd.DataFrame:
    return reconcile_all(seeds)


def _row(table: pd.DataFrame, scope: str, day: str) -> pd.Series:
    s = Scope.parse(scope)
    mask = table["as_of"] == pd.Timestamp(day)
    for d in DIMENSIONS:
        mask &= table[d] == getattr(s, d)
    assert mask.sum() == 1
    return table[mask].iloc[0]


def test_columns_and_dtypes(table: pd.DataFrame) -> None:
    assert tuple(table.columns) == COLUMNS
    assert str(table["low"].dtype) == "Int64" and str(table["high"].dtype) == "Int64"
    assert set(table["method"]) == {"exact"}
    assert set(table["war"]) == {"karabakh-2020"}
    assert not table.duplicated(["war", *DIMENSIONS, "as_of"]).any()


def test_every_claim_key_and_its_ancestors_are_rows(seeds: ClaimSet, table: pd.DataFrame) -> None:
    for claim in seeds:
        if claim.kind.value != "cumulative":
            continue
        for scope in claim.scope.ancestors():
            _row(table, str(scope), str(claim.as_of))


def test_seed_reference_ranges(table: pd.DataFrame) -> None:
    civ = _row(table, "killed/civilian", "2020-10-06")
    assert civ["low"] == 48 and civ["low_support"] == "c09;c11;c12"
    assert _row(table, "killed/civilian", "2021-01-14")["status"] == "consistent"
    total = _row(table, "killed", "2021-01-14")
    assert total["low"] == 6001 and pd.isna(total["high"]) and total["high_support"] == ""
    nk = _row(table, "killed/military/party=nagorno-karabakh", "2020-10-29")
    assert (nk["low"], nk["high"], nk["n_claims"], nk["spread_low"]) == (1166, 1166, 1, 1166)


@pytest.fixture(scope="module")
def contested(seeds: ClaimSet, contested_ganja: ClaimSet) -> ClaimSet:
    """The seeds plus a second, disagreeing toll of the Ganja strike of 2020-10-17."""
    return seeds + contested_ganja


def test_seeds_have_no_conflict(table: pd.DataFrame) -> None:
    assert table.attrs["set_aside"] == ()
    assert set(table["status"]) == {"consistent"}


@pytest.mark.parametrize("method", ["auto", "propagate"])
def test_event_conflict_sets_aside_one_claim_and_names_it(contested: ClaimSet, method: str) -> None:
    out = reconcile_all(contested, method=method)  # type: ignore[arg-type]
    assert out.attrs["set_aside"] == ("c90",)
    ganja = _row(out, "killed/civilian/party=azerbaijan/region=ganja", "2020-10-17")
    assert ganja["status"] == "conflict" and ganja["set_aside"] == "c90"


@pytest.mark.parametrize("method", ["auto", "propagate"])
def test_trust_weights_choose_what_is_set_aside(contested: ClaimSet, method: str) -> None:
    policy = TrustPolicy("trust the prosecutor", sources={"azerbaijan-prosecutor": 5.0})
    out = reconcile_all(contested, method=method, policy=policy)  # type: ignore[arg-type]
    assert out.attrs["set_aside"] == ("c06",)


def test_independent_only_drops_partisan_claims(seeds: ClaimSet) -> None:
    out = reconcile_all(seeds, policy=INDEPENDENT_ONLY)
    nk = _row(out, "killed/military/party=nagorno-karabakh", "2020-10-29")
    assert nk["n_claims"] == 0 and nk["low"] == 0


def _proves_low(claims: ClaimSet, ids: list[str], scope: Scope, record: Any) -> None:
    """The claims ``ids`` alone give the row's low (fewer claims can only loosen it)."""
    ids = [i for i in ids if i]
    if not ids:
        assert record.low == 0, record  # no claim: nothing above zero is proven
        return
    frame = claims.to_frame()
    alone = ClaimSet.from_frame(frame[frame["claim_id"].isin(ids)], wars=claims.wars)
    war = claims.war(record.war)
    day = pd.Timestamp(record.as_of).date()
    assert reconcile(alone, scope, day, war=war).low == record.low, (ids, record)


def _equal_to_reconcile(claims: ClaimSet, table: pd.DataFrame) -> None:
    for record in table.itertuples(index=False):
        war = claims.war(record.war)
        scope = Scope(*(getattr(record, d) for d in DIMENSIONS), trees=war.trees)
        r = reconcile(claims, scope, pd.Timestamp(record.as_of).date(), war=war)
        if record.method == "exact":
            assert record.low == r.low, record
            assert (pd.isna(record.high) and r.high is None) or record.high == r.high, record
            assert record.status == r.status
            if record.low_support != ";".join(sorted(r.low_support.claim_ids)):
                # a row the table certified by witnesses names the claims of the propagated
                # derivation rather than the program's multipliers: they alone must prove it
                _proves_low(claims, record.low_support.split(";"), scope, record)
        else:
            assert record.low <= r.low
            assert pd.isna(record.high) or (r.high is not None and r.high <= record.high)


def test_exact_rows_equal_reconcile_on_the_seeds(seeds: ClaimSet, table: pd.DataFrame) -> None:
    # the table answers every row of a component at once (its distinct objectives solved once);
    # reconcile answers one box: two paths through the engine that must agree
    _equal_to_reconcile(seeds, table)


@given(instances(max_claims=6, lies=True))
def test_exact_rows_equal_reconcile_on_random_wars(instance: Instance) -> None:
    claims = ClaimSet.from_frame(to_frame(instance), wars=[instance.war])
    _equal_to_reconcile(claims, reconcile_all(claims))


@given(instances(max_claims=6))
def test_propagated_rows_contain_the_exact_ones(instance: Instance) -> None:
    # Fails if the fallback is unsound for some row: every propagated range must contain the
    # exact range of the same row.
    claims = ClaimSet.from_frame(to_frame(instance), wars=[instance.war])
    exact = reconcile_all(claims)
    fast = reconcile_all(claims, method="propagate")
    assert set(exact["method"]) == {"exact"}
    keys = ["war", *DIMENSIONS, "as_of"]
    both = exact.merge(fast, on=keys, suffixes=("", "_fast"))
    assert len(both) == len(exact) == len(fast)
    assert (both["low_fast"] <= both["low"]).all()
    finite = both["high_fast"].notna()
    assert both.loc[finite, "high"].notna().all()
    assert (both.loc[finite, "high_fast"] >= both.loc[finite, "high"]).all()


@given(instances(max_claims=6, lies=True), st.integers(1, 4))
def test_support_ids_joined_in_slices_give_the_table_joined_at_once(
    instance: Instance, pairs: int
) -> None:
    # Fails if a slice boundary drops or repeats a row's claims: the support and set-aside
    # columns are joined a few (row, claim) pairs at a time to bound memory.
    claims = ClaimSet.from_frame(to_frame(instance), wars=[instance.war])
    whole = reconcile_all(claims)
    with mock.patch("karabakh_tolls.reconcile._JOIN_PAIRS", pairs):
        sliced = reconcile_all(claims)
    pd.testing.assert_frame_equal(whole, sliced)


def _same_but_supports(claims: ClaimSet, method: str = "auto") -> None:
    full = reconcile_all(claims, method=method)
    bare = reconcile_all(claims, supports=False, method=method)
    assert bare["low_support"].isna().all() and bare["high_support"].isna().all()
    rest = [c for c in COLUMNS if c not in ("low_support", "high_support")]
    pd.testing.assert_frame_equal(full[rest], bare[rest])
    assert bare.attrs["set_aside"] == full.attrs["set_aside"]


@pytest.mark.parametrize("method", ["auto", "propagate"])
def test_without_supports_a_conflict_is_still_a_conflict(contested: ClaimSet, method: str) -> None:
    # Fails if leaving out the provenance also leaves out what is set aside: the rows of the
    # contested Ganja toll read "consistent" with supports=False until the set-aside pairs
    # were built either way.
    _same_but_supports(contested, method)
    bare = reconcile_all(contested, supports=False, method=method)
    assert bare.attrs["set_aside"] == ("c90",)
    assert (bare["status"] == "conflict").any()


@given(instances(max_claims=6, lies=True))
def test_without_supports_only_the_support_columns_are_empty(instance: Instance) -> None:
    _same_but_supports(ClaimSet.from_frame(to_frame(instance), wars=[instance.war]))


def test_planted_conflicts_are_set_aside() -> None:
    claims, truth = generate(400, seed=5, conflicts=3)
    out = reconcile_all(claims)
    aside = set(out.attrs["set_aside"])
    frame = claims.frame
    keys = [*DIMENSIONS, "as_of"]
    for planted in truth.planted:
        row = frame[frame["claim_id"] == planted].iloc[0]
        same = (frame[keys] == row[keys]).all(axis=1)
        partners = set(frame.loc[same, "claim_id"])
        assert partners & aside, planted
    assert (out["status"] == "conflict").any()
    # every claim set aside is a planted one or a true claim tied with it at equal weight
    assert len(aside) <= 2 * len(truth.planted)


def test_bad_arguments(seeds: ClaimSet) -> None:
    with pytest.raises(kt.OptionError, match="method='fast'"):
        reconcile_all(seeds, method="fast")  # type: ignore[arg-type]
    with pytest.raises(kt.ArgumentTypeError, match="ClaimSet"):
        reconcile_all(seeds.frame)  # type: ignore[arg-type]


def test_input_not_modified(seeds: ClaimSet) -> None:
    before = seeds.to_frame()
    reconcile_all(seeds, method="propagate")
    reconcile_all(seeds)
    pd.testing.assert_frame_equal(before, seeds.frame)
