"""The synthetic generator: reproducible, valid, true claims, planted conflicts flagged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.synthetic import (
    FIRST_DAY,
    HORIZON,
    PEERS_WAR,
    WarsTruth,
    gazetteer,
    generate,
    generate_wars,
    peers_workload,
    read_wars,
    write_wars,
)
from karabakh_tolls.testing.workloads import disagreement_workload


def test_same_seed_same_claims() -> None:
    a, _ = generate(300, seed=11, conflicts=2)
    b, _ = generate(300, seed=11, conflicts=2)
    c, _ = generate(300, seed=12, conflicts=2)
    assert a == b and a != c


@settings(max_examples=max(5, settings.default.max_examples // 2))  # generation and a solve
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


# --- many wars ---------------------------------------------------------------------------------

wars_args = st.tuples(
    st.integers(0, 2**32 - 1),  # seed
    st.integers(200, 2_500),  # true claims
    st.integers(1, 6),  # wars
    st.integers(0, 4),  # planted conflicts
)


def _wars(seed: int, n: int, n_wars: int, k: int) -> tuple[kt.ClaimSet, WarsTruth]:
    return generate_wars(n, seed=seed, n_wars=n_wars, conflicts=min(k, n // 200))


@given(wars_args)
def test_wars_only_planted_claims_are_false(args: tuple[int, int, int, int]) -> None:
    claims, truth = _wars(*args)
    frame = claims.frame
    ok = truth.contains(frame).to_numpy()
    assert set(frame.loc[~ok, "claim_id"]) == set(truth.planted)
    assert len(claims) == args[1] + len(truth.planted)


@given(wars_args)
def test_wars_validation_keeps_every_row(args: tuple[int, int, int, int]) -> None:
    claims, _ = _wars(*args)
    again = kt.ClaimSet.from_frame(claims.to_frame(), wars=claims.wars, errors="report")
    assert again.rejected == ()
    assert again == claims


@given(wars_args)
def test_wars_figures_read_back_to_their_intervals(args: tuple[int, int, int, int]) -> None:
    claims, _ = _wars(*args)
    frame = claims.frame
    complete = frame[frame["coverage"] == "complete"].head(400)
    for text, low, high in zip(complete["figure"], complete["low"], complete["high"], strict=True):
        figure = kt.Figure.parse(text)
        assert (figure.low, figure.high) == (int(low), None if high is pd.NA else int(high))
    partial = frame[frame["coverage"] == "partial"]
    assert (partial["low"] == partial["high"]).all()  # a counted part: a lower bound


@given(wars_args)
def test_planted_claims_each_clash_with_two_agreeing_witnesses(
    args: tuple[int, int, int, int],
) -> None:
    claims, truth = _wars(*args)
    frame = claims.frame.set_index("claim_id", drop=False)
    for planted, (first, second) in truth.witnesses.items():
        rows = frame.loc[[planted, first, second]]
        assert rows["source"].nunique() == 3  # three sources: no witness echoes another
        assert rows["war"].nunique() == 1
        assert truth.contains(rows.loc[[first, second]]).all()
        for witness in (first, second):
            pair = claims[claims.frame["claim_id"].isin([planted, witness]).to_numpy()]
            p = pair[planted]
            resolution = kt.reconcile(pair, p.scope, p.as_of, war=p.war.id)
            assert resolution.status == "conflict", (planted, witness)
    assert set(truth.witnesses) == set(truth.planted)


def test_wars_deterministic_per_seed() -> None:
    a, ta = generate_wars(1_500, seed=11, n_wars=4, conflicts=2)
    b, tb = generate_wars(1_500, seed=11, n_wars=4, conflicts=2)
    c, _ = generate_wars(1_500, seed=12, n_wars=4, conflicts=2)
    assert a == b and a != c
    assert ta.planted == tb.planted and ta.witnesses == tb.witnesses


def test_wars_layout_like_a_global_dataset() -> None:
    claims, truth = generate_wars(20_000, seed=3, n_wars=40)
    sizes = claims.frame.groupby("war").size()
    assert len(sizes) == 40 and sizes.min() >= 8
    assert sizes.max() >= 5 * sizes.median()  # a few huge wars, most small
    starts = [w.start for w in claims.wars]
    assert min(starts) >= FIRST_DAY and max(starts) <= HORIZON
    assert max(starts).year - min(starts).year >= 40  # decades apart
    assert any(w.end is None for w in claims.wars) and any(w.end for w in claims.wars)
    assert claims.frame["as_of"].max() <= pd.Timestamp(HORIZON)
    assert claims.frame["published"].max() <= pd.Timestamp(HORIZON)
    assert len({w.trees["region"].nodes for w in claims.wars}) > 1  # each war its own gazetteer
    assert all(5 <= len(w.trees["region"].nodes) <= 60 for w in claims.wars)
    assert truth.wars == claims.wars


def test_wars_claims_of_every_kind() -> None:
    claims, _ = generate_wars(20_000, seed=4, n_wars=10)
    f = claims.frame
    assert set(f["kind"]) == {"cumulative", "increment", "incident"}
    assert set(f["outcome"]) == {"killed", "wounded", "missing", "displaced", "captured"}
    wanted = {"exact", "at-least", "more-than", "at-most", "fewer-than", "nearly", "approximate"}
    assert wanted | {"range", "vague"} <= set(f["hedge"])
    assert f["high"].isna().any() and (f["coverage"] == "partial").any()
    assert f["via"].notna().any()  # echoes carried by another outlet
    assert {"ngo", "government", "media", "intergovernmental"} <= set(f["source_kind"])
    assert "independent" in set(f["source_affiliation"]) and f["source_affiliation"].nunique() > 5
    root = (f[["category", "party", "perpetrator", "region"]] == "all").all(axis=1)
    ends = {w.id: w.end for w in claims.wars}
    end = pd.to_datetime(f["war"].map(lambda w: ends[w]))
    assert (root & (f["as_of"] >= end)).any()  # claims about the whole war
    assert (f["as_of"] > end).any()  # revised after the war's end
    incidents = f[f["kind"] == "incident"]
    assert incidents["event"].notna().all() and (incidents["since"] == incidents["as_of"]).all()
    assert (f["as_of"] <= f["published"]).all()


@given(st.integers(0, 2**32 - 1), st.data())
def test_truth_obeys_the_rules(seed: int, data: st.DataObject) -> None:
    """Sub-scopes never exceed their scope, children add up to at most their parent (exactly
    when exhaustive), cumulative counts never fall."""
    _, truth = generate_wars(300, seed=seed, n_wars=2)
    war = data.draw(st.sampled_from(truth.wars))
    trees = war.trees
    outcome = data.draw(st.sampled_from(["killed", "wounded", "missing"]))
    dimension = data.draw(st.sampled_from(["category", "party", "region"]))
    tree = trees[dimension]
    parent = data.draw(st.sampled_from([n for n in tree.nodes if tree.children[n]]))
    day = war.start + dt.timedelta(days=data.draw(st.integers(0, 400)))
    later = day + dt.timedelta(days=data.draw(st.integers(0, 400)))

    def at(node: str, when: dt.date) -> int:
        scope = kt.Scope(outcome, trees=trees, **{dimension: node})
        return truth.value(war, scope, when)

    whole = at(parent, day)
    parts = [at(child, day) for child in tree.children[parent]]
    assert all(part <= whole for part in parts)
    assert sum(parts) <= whole
    if tree.is_exhaustive(parent):
        assert sum(parts) == whole
    assert at(parent, day) <= at(parent, later)


def test_truth_values_of_a_reconcile_table_shape() -> None:
    """``values`` reads any table with war, outcome, dimensions and as_of (no kind column)."""
    claims, truth = generate_wars(400, seed=8, n_wars=2)
    keys = claims.frame[["war", "outcome", "category", "party", "perpetrator", "region", "as_of"]]
    cumulative = claims.frame["kind"].eq("cumulative").to_numpy()
    assert (truth.values(keys)[cumulative] == truth.values(claims.frame)[cumulative]).all()
    with pytest.raises(kt.WarError, match="no war"):
        truth.values(keys.assign(war="nowhere"))
    with pytest.raises(kt.UnknownTermError, match="unknown region"):
        truth.values(keys.assign(region="atlantis"))


def test_write_wars_streams_the_same_claims(tmp_path: Path) -> None:
    truth = write_wars(tmp_path, 6_000, seed=5, n_wars=12, conflicts=3, rows_per_file=1_500)
    files = sorted(tmp_path.glob("part-*.parquet"))
    assert len(files) >= 2
    wars = read_wars(tmp_path)
    parts = [kt.read_claims(f, wars=wars) for f in files]
    assert all(len(p) >= 1_500 for p in parts[:-1])
    seen: set[str] = set()
    for part in parts:  # every war lies whole in one file
        ids = set(part.frame["war"])
        assert not ids & seen
        seen |= ids
    frame = pd.concat([p.frame for p in parts], ignore_index=True)
    claims, same = generate_wars(6_000, seed=5, n_wars=12, conflicts=3)
    assert frame.equals(claims.frame)
    assert wars == claims.wars and same.planted == truth.planted
    with pytest.raises(FileExistsError):
        write_wars(tmp_path, 100, seed=1, n_wars=1)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_claims": 0}, "n_claims"),
        ({"n_claims": 20, "n_wars": 5}, "too few"),
        ({"n_claims": 100, "n_wars": 1, "conflicts": 90}, "too many"),
        ({"n_claims": 100, "conflicts": -1}, "conflicts"),
        ({"n_claims": 100, "outcomes": ["eaten"]}, "outcomes"),
        ({"n_claims": 100, "incident_share": 1.5}, "incident_share"),
    ],
)
def test_wars_bad_arguments(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        generate_wars(seed=0, **kwargs)  # type: ignore[arg-type]


# --- the truth-discovery peers' workload -------------------------------------------------------


@given(st.integers(0, 2**32 - 1), st.integers(1, 400), st.sampled_from([0.0, 0.3, 1.0]))
def test_peers_workload_shape(seed: int, n: int, hedged: float) -> None:
    w = peers_workload(n, seed=seed, hedged_share=hedged)
    t = w.table
    per_object = t.groupby("object")
    assert per_object.size().between(3, 8).all() and t["object"].nunique() == n
    assert (per_object["source"].nunique() == per_object.size()).all()  # without replacement
    assert ((w.truth >= 2) & (w.truth <= round(np.exp(8)) + 1)).all()
    assert len(w.bias) == len(w.spread) == 200 and ((w.spread >= 0.05) & (w.spread <= 0.8)).all()
    for text, low, high in zip(t["text"], t["low"], t["high"], strict=True):
        figure = kt.Figure.parse(text)
        assert (figure.low, figure.high) == (int(low), None if high is pd.NA else int(high))
    exact = (t["low"] == t["high"]).fillna(False)
    if hedged == 0.0:
        assert exact.all()
    if hedged == 1.0:
        assert not t["text"].str.fullmatch(r"[\d,]+").any()


def test_peers_workload_is_the_best_estimate_benchmarks_workload() -> None:
    """One draw for both benchmarks: the same seed gives the same claims."""
    mine = peers_workload(200, seed=4, hedged_share=0.3)
    theirs = disagreement_workload(200, seed=4, hedged=0.3)
    columns = ["object", "low", "high", "value"]
    assert mine.table[columns].equals(theirs.table[columns])
    assert (mine.truth == theirs.truth).all()


def test_peers_workload_deterministic_and_as_claims() -> None:
    a = peers_workload(300, seed=9, hedged_share=0.3)
    b = peers_workload(300, seed=9, hedged_share=0.3)
    assert a.table.equals(b.table) and (a.truth == b.truth).all()
    assert not a.table.equals(peers_workload(300, seed=10, hedged_share=0.3).table)
    claims = a.claims()
    f = claims.frame
    assert len(claims) == len(a.table) and claims.rejected == ()
    assert claims.wars[0].id == PEERS_WAR.id and f["as_of"].nunique() == 1
    assert f["region"].nunique() == 300  # one place per object
    assert (f["low"].to_numpy() == a.table["low"].to_numpy()).all()
    assert f["source"].tolist() == a.table["source"].tolist()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_objects": 0}, "n_objects"),
        ({"n_objects": 5, "hedged_share": 2.0}, "hedged_share"),
        ({"n_objects": 5, "claims_per_object": (5, 3)}, "claims_per_object"),
        ({"n_objects": 5, "partisans": 300}, "partisans"),
    ],
)
def test_peers_bad_arguments(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        peers_workload(seed=0, **kwargs)  # type: ignore[arg-type]
