"""The synthetic generator: reproducible, valid, true claims, planted conflicts flagged."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_tolls.synthetic import gazetteer, generate


def test_same_seed_same_claims() -> None:
    a, _ = generate(300, seed=11, conflicts=2)
    b, _ = generate(300, seed=11, conflicts=2)
    c, _ = generate(300, seed=12, conflicts=2)
    assert a == b and a != c


@settings(max_examples=20)
@given(st.integers(0, 10_000), st.integers(1, 500), st.integers(0, 5))
def test_only_planted_claims_are_false(seed: int, n: int, k: int) -> None:
    k = min(k, n)
    claims, truth = generate(n, seed=seed, conflicts=k)
    frame = claims.frame
    assert len(claims) == n + len(truth.planted)
    ok = truth.contains(frame)
    false_ids = set(frame.loc[~ok.to_numpy(), "claim_id"])
    assert false_ids == set(truth.planted)


def test_realistic_mix() -> None:
    claims, _ = generate(5000, seed=1)
    frame = claims.frame
    assert set(frame["kind"]) == {"cumulative", "increment", "incident"}
    assert {"exact", "at-least", "at-most", "range"} <= set(frame["hedge"])
    assert (frame["coverage"] == "partial").any()
    assert frame["source_affiliation"].nunique() >= 5
    assert frame["as_of"].max() - frame["as_of"].min() <= pd.Timedelta(days=44)
    incidents = frame[frame["kind"] == "incident"]
    assert incidents["event"].notna().all()


def test_larger_gazetteer() -> None:
    claims, truth = generate(500, seed=2, extra_regions=200)
    assert len(truth.trees["region"]) >= 200
    assert claims.frame["region"].str.startswith("place-").any()
    assert len(gazetteer()["region"]) + 200 == len(truth.trees["region"])


def test_truth_values_match_claim_truth() -> None:
    claims, truth = generate(200, seed=3)
    frame = claims.frame
    cumulative = frame[(frame["kind"] == "cumulative")]
    values = truth.values(cumulative)
    expected = truth.claim_truth.reindex(cumulative["claim_id"]).to_numpy()
    assert (values == expected).all()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_claims": 0}, "n_claims"),
        ({"n_claims": 5, "conflicts": 9}, "conflicts"),
        ({"n_claims": 5, "incident_share": 0.8, "increment_share": 0.5}, "incident_share"),
    ],
)
def test_bad_arguments(kwargs: dict[str, int], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        generate(seed=0, **kwargs)  # type: ignore[arg-type]
