"""Source policies: trust weights, independent-only selection, leave-one-source-out."""

from __future__ import annotations

import pandas as pd
import pytest

import karabakh_tolls as kt
from karabakh_tolls.policies import Weights
from karabakh_tolls.resolution import Role


def test_weights_are_immutable_hashable_values() -> None:
    a = kt.TrustPolicy("p", sources={"x": 2})
    b = kt.TrustPolicy("p", sources={"x": 2.0})
    assert a == b and hash(a) == hash(b)
    assert a.sources == Weights({"x": 2.0})
    with pytest.raises(kt.OptionError, match=r"'x'.*-1"):
        kt.TrustPolicy(sources={"x": -1})
    with pytest.raises(kt.OptionError, match="finite"):
        kt.TrustPolicy(kinds={"ngo": float("inf")})
    with pytest.raises(kt.ArgumentTypeError, match="mapping"):
        kt.TrustPolicy(sources=5)  # type: ignore[arg-type]


def test_weight_multiplies_source_kind_and_affiliation() -> None:
    p = kt.TrustPolicy(sources={"s": 2.0}, kinds={"ngo": 3.0}, affiliations={"armenia": 0.5})
    assert p.weight("s", "ngo", "armenia") == 3.0
    assert p.weight("t", "media", "independent") == 1.0
    assert kt.INDEPENDENT_ONLY.weight("t", "media", "armenia") == 0.0
    assert kt.ALL_SOURCES.weight("t", "media", "armenia") == 1.0


def test_independent_only_excludes_partisan_claims_by_name() -> None:
    seeds = kt.load_seed_claims()
    r = kt.reconcile(seeds, "killed/civilian", "2020-10-06", policy=kt.INDEPENDENT_ONLY)
    assert r.policy == "independent sources only"
    assert r.roles["c09"] is Role.EXCLUDED and r.roles["c12"] is Role.EXCLUDED
    # without the ombudsman and Baku: the 2 villagers and Amnesty's girl killed in Martuni
    assert r.low == 3
    assert r.low_support.claim_ids == ("c03", "c11")
    assert set(r.roles) == set(seeds.ids)


def test_trust_decides_which_claim_is_set_aside() -> None:
    frame = pd.DataFrame(
        {
            "claim_id": ["gov", "ngo"],
            "low": [5, 7],
            "high": [5, 7],
            "outcome": "killed",
            "as_of": "2020-10-06",
            "source": ["g", "n"],
            "source_kind": ["government", "ngo"],
            "document": "d",
        }
    )
    claims = kt.ClaimSet.from_frame(frame)
    default = kt.reconcile(claims, kt.Scope(), "2020-10-06")
    assert default.set_aside == ("ngo",)  # equal trust: the later id goes
    ngo_first = kt.TrustPolicy("NGOs first", kinds={"ngo": 2.0})
    r = kt.reconcile(claims, kt.Scope(), "2020-10-06", policy=ngo_first)
    assert r.set_aside == ("gov",) and (r.low, r.high) == (7, 7)


def test_sensitivity_leaves_one_source_out() -> None:
    seeds = kt.load_seed_claims()
    table = kt.sensitivity(seeds, kt.Scope("killed", "civilian"), "2020-10-06")
    assert list(table.columns) == [
        "source",
        "source_name",
        "n_claims",
        "low",
        "high",
        "delta_low",
        "delta_high",
        "status",
    ]
    assert len(table) == seeds.frame["source"].nunique()
    assert table.attrs["baseline"] == {"low": 48, "high": 101, "status": "consistent"}
    by_source = table.set_index("source")
    # without the ombudsman's 19, Amnesty's girl of Martuni still counts for Karabakh
    assert by_source.loc["karabakh-ombudsman", "delta_low"] == -18
    assert by_source.loc["azatutyun", "delta_low"] == -2
    assert by_source.loc["russian-government", "delta_low"] == 0
    before = seeds.to_frame()
    kt.sensitivity(seeds, "killed/civilian", "2020-10-06")
    pd.testing.assert_frame_equal(seeds.frame, before)
