"""Best estimates: ``kt.estimate``, learned trust, ``reconcile_all(..., estimate=True)``.

Worked examples on the seed claims and on small hand-made sets, and properties on random
instances with a hidden truth: the hard range of true claims is unchanged and holds the truth,
the estimate lies inside the hard range, is invariant to claim order and to echoes, a sub-scope's
best never exceeds its scope's, a running total's best never falls, and a source that always
tells the truth gets the smallest spread.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.estimates import ESTIMATE_COLUMNS, TRUST_FLOOR
from karabakh_tolls.reconcile import COLUMNS
from karabakh_tolls.synthetic import gazetteer, generate, peers_workload
from karabakh_tolls.testing.instances import Instance, instances, small_trees, to_frame

EXAMPLES = settings.default.max_examples

SEED_KEYS = [
    ("killed/civilian", "2020-10-06"),
    ("killed/civilian", "2021-01-14"),
    ("killed", "2020-10-30"),
    ("killed", "2021-01-14"),
    ("killed/military/party=nagorno-karabakh", "2020-10-06"),
    ("killed/military/party=nagorno-karabakh", "2020-10-15"),
    ("killed/military/party=nagorno-karabakh", "2020-10-29"),
    ("killed/civilian/party=nagorno-karabakh", "2020-10-06"),
    ("wounded/civilian/party=nagorno-karabakh", "2020-10-06"),
    ("displaced/party=nagorno-karabakh/region=nagorno-karabakh", "2020-10-06"),
]


@pytest.fixture(scope="module")
def seeds() -> kt.ClaimSet:
    return kt.load_seed_claims()


@pytest.fixture(scope="module")
def seed_table(seeds: kt.ClaimSet) -> pd.DataFrame:
    return kt.reconcile_all(seeds, estimate=True)


def _row(table: pd.DataFrame, scope: kt.Scope, day: str) -> pd.Series:
    mask = (table["as_of"] == pd.Timestamp(day)).to_numpy().copy()
    for d in ("outcome", "category", "party", "perpetrator", "region"):
        mask &= (table[d] == getattr(scope, d)).to_numpy()
    assert mask.sum() == 1
    return table[mask].iloc[0]


# --- the seed claims -----------------------------------------------------------------------------


@pytest.mark.parametrize(("scope", "day"), SEED_KEYS)
def test_seed_best_values_lie_inside_the_range_the_claims_imply(
    seeds: kt.ClaimSet, scope: str, day: str
) -> None:
    e = kt.estimate(seeds, scope, day)
    r = kt.reconcile(seeds, scope, day)
    assert (e.hard_low, e.hard_high) == (r.low, r.high)
    if e.best is None:
        assert e.high is None and e.hard_high is None and e.low == e.hard_low
    else:
        assert e.high is not None and e.low <= e.best <= e.high
        assert e.hard_low <= e.best and (e.hard_high is None or e.best <= e.hard_high)
    assert e.status == "consistent" and e.level == 0.9


def test_a_lone_claim_is_never_presented_as_certain(seeds: kt.ClaimSet) -> None:
    # one exact figure of one source: the hard range is that figure (if the claim is true),
    # the best is that figure, and the credible interval allows for the source being wrong
    e = kt.estimate(seeds, "killed/military/party=nagorno-karabakh", "2020-10-29")
    assert (e.hard_low, e.hard_high, e.best) == (1166, 1166, 1166)
    assert e.high is not None and e.low < 1166 < e.high
    assert e.readings_low is not None and e.low <= e.readings_low
    assert e.readings_high is not None and e.readings_high <= e.high


def test_a_ceiling_alone_does_not_widen_the_floor_its_parts_give(seeds: kt.ClaimSet) -> None:
    # everyone killed by 30 October: at least 4,002 (the two sides' "more than 2,000"), and the
    # Russian government's "as high as 5,000" about that very count. That reading speaks to the
    # ceiling only: the interval's floor stays the structure's, not the prior's 1
    e = kt.estimate(seeds, "killed", "2020-10-30")
    assert (e.hard_low, e.hard_high) == (4002, 5000)
    assert e.readings_low is not None and e.readings_low < 100  # the readings say nothing low
    assert e.high is not None and 4002 <= e.low <= e.best <= e.high <= 5000


def test_seed_table_has_the_estimate_columns(seed_table: pd.DataFrame) -> None:
    assert list(seed_table.columns) == [*COLUMNS, *ESTIMATE_COLUMNS]
    for column in ("best", "best_low", "best_high"):
        assert str(seed_table[column].dtype) == "Int64"
    assert set(seed_table["status"]) <= {"consistent", "contested", "conflict"}
    plain = kt.reconcile_all(kt.load_seed_claims())
    pd.testing.assert_frame_equal(seed_table[list(COLUMNS)], plain)


def test_estimate_is_its_table_row(seeds: kt.ClaimSet, seed_table: pd.DataFrame) -> None:
    picked = seed_table[(seed_table["n_claims"] > 0) | (seed_table.index % 9 == 0)]
    assert len(picked) > 20
    for row in picked.itertuples(index=False):
        scope = kt.Scope(row.outcome, row.category, row.party, row.perpetrator, row.region)
        e = kt.estimate(seeds, scope, row.as_of.date())
        assert (row.low, None if pd.isna(row.high) else row.high) == (e.hard_low, e.hard_high)
        assert (None if pd.isna(row.best) else row.best) == e.best
        assert row.best_low == e.low
        assert (None if pd.isna(row.best_high) else row.best_high) == e.high
        assert row.status == e.status


@pytest.mark.parametrize(
    ("scope", "day", "sentence"),
    [
        (
            "killed/civilian",
            "2021-01-14",
            "Civilians killed by 14 January 2021: between 62 and 318, most likely 146 (90 % "
            "credible interval), mostly on figures from Amnesty International; the claims imply "
            "exactly 146.",
        ),
        (
            "killed",
            "2021-01-14",
            "People killed by 14 January 2021: at least 6,001; no claim puts a ceiling on the "
            "count, so there is no most likely figure.",
        ),
        (
            "killed/military/party=nagorno-karabakh",
            "2020-10-29",
            "Soldiers from Nagorno-Karabakh killed by 29 October 2020: between 493 and 2,644, "
            "most likely 1,166 (90 % credible interval), mostly on figures from the "
            "Nagorno-Karabakh Defense Ministry; the claims imply exactly 1,166.",
        ),
    ],
)
def test_cite_says_the_estimate_in_plain_words(
    seeds: kt.ClaimSet, scope: str, day: str, sentence: str
) -> None:
    assert kt.estimate(seeds, scope, day).cite() == sentence


@pytest.mark.parametrize(
    ("scope", "day"),
    [("killed/civilian", "2020-10-06"), ("killed/military/party=nagorno-karabakh", "2020-10-15")],
)
def test_cite_gives_between_and_most_likely(seeds: kt.ClaimSet, scope: str, day: str) -> None:
    e = kt.estimate(seeds, scope, day)
    assert e.best is not None and e.high is not None
    text = e.cite()
    fc = "{:,}".format
    assert f"between {fc(e.low)} and {fc(e.high)}, most likely {fc(e.best)}" in text
    assert f"the claims imply {fc(e.hard_low)} to {fc(e.hard_high)}" in text
    assert str(e) == text


def test_explain_names_readings_sources_and_bounds(seeds: kt.ClaimSet) -> None:
    text = kt.estimate(seeds, "killed/civilian/party=nagorno-karabakh", "2020-10-06").explain()
    assert "c09 19 by Artak Beglaryan" in text
    assert "weight 100%" in text and "trust" in text
    assert "judged off: none" in text
    assert "hard low 19 from c09; hard high 19 from c09" in text
    free = kt.estimate(seeds, "killed/civilian", "2020-10-06").explain()
    assert "no claim is about exactly this scope and date" in free


def test_to_frame_is_one_row_of_the_table_columns(seeds: kt.ClaimSet) -> None:
    e = kt.estimate(seeds, "killed/civilian", "2020-10-06")
    frame = e.to_frame()
    assert len(frame) == 1
    assert {"war", "low", "high", "best", "best_low", "best_high", "status"} <= set(frame)
    assert frame["best"].iloc[0] == e.best and frame["sentence"].iloc[0] == e.cite()
    assert frame["as_of"].iloc[0] == pd.Timestamp("2020-10-06")


def test_estimate_is_a_frozen_hashable_value(seeds: kt.ClaimSet) -> None:
    e = kt.estimate(seeds, "killed/civilian", "2020-10-06")
    assert e == kt.estimate(seeds, kt.Scope("killed", "civilian"), dt.date(2020, 10, 6))
    assert hash(e) == hash(kt.estimate(seeds, "killed/civilian", "2020-10-06"))
    with pytest.raises(AttributeError):
        e.best = 3  # type: ignore[misc]


def test_level_changes_the_interval_not_the_range(seeds: kt.ClaimSet) -> None:
    wide = kt.estimate(seeds, "killed/civilian", "2020-10-06", level=0.99)
    narrow = kt.estimate(seeds, "killed/civilian", "2020-10-06", level=0.5)
    assert narrow.high is not None and wide.high is not None
    assert wide.low <= narrow.low <= narrow.high <= wide.high
    assert (wide.hard_low, wide.hard_high) == (narrow.hard_low, narrow.hard_high)


def test_reliability_and_learned_trust(seeds: kt.ClaimSet) -> None:
    table = kt.reliability(seeds)
    assert table["source"].tolist() == sorted(set(seeds.frame["source"]))
    assert ((table["trust"] >= TRUST_FLOOR) & (table["trust"] <= 1)).all()
    policy = kt.learned_trust(seeds, kt.TrustPolicy("NGOs x3", kinds={"ngo": 3.0}))
    assert policy.kinds["ngo"] == 3.0
    amnesty = float(table.set_index("source").loc["amnesty-international", "trust"])
    assert policy.sources["amnesty-international"] == pytest.approx(amnesty)
    r = kt.reconcile(seeds, "killed/civilian", "2020-10-06", policy=policy)
    assert (r.low, r.high) == (48, 101)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: kt.estimate(c, "killed", "2020-10-06", level=1.0), kt.EstimationError),
        (lambda c: kt.estimate(c, "killed", "2020-10-06", level=0), kt.EstimationError),
        (lambda c: kt.estimate(c, "killed", "2020-10-06", level="high"), kt.EstimationError),
        (lambda c: kt.estimate(c, "killed/party=atlantis", "2020-10-06"), kt.UnknownTermError),
        (lambda c: kt.estimate(c, "killed", "2020-01-01"), kt.WarError),
        (lambda c: kt.estimate(c.frame, "killed", "2020-10-06"), kt.ArgumentTypeError),
        (lambda c: kt.estimate(c, 6, "2020-10-06"), kt.ArgumentTypeError),
        (lambda c: kt.estimate(c, "killed", "2020-10-06", policy="ngo"), kt.ArgumentTypeError),
        (lambda c: kt.reliability(c, policy={"a": 1}), kt.ArgumentTypeError),
        (lambda c: kt.reconcile_all(c, estimate=1.5), kt.EstimationError),
        (lambda c: kt.reconcile_all(c, estimate=None), kt.EstimationError),
        (lambda c: kt.learned_trust(c, tolerance=True), kt.EstimationError),
        (lambda c: kt.learned_trust(c, tolerance=-1), kt.EstimationError),
    ],
)
def test_bad_arguments_raise_the_library_errors(seeds: kt.ClaimSet, call, error) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error):
        call(seeds)
    assert issubclass(error, kt.KarabakhTollsError)


def test_a_scope_no_claim_touches_has_no_best(seeds: kt.ClaimSet) -> None:
    e = kt.estimate(seeds, "captured", "2020-10-06")
    assert (e.best, e.low, e.high, e.hard_low, e.hard_high) == (None, 0, None, 0, None)
    assert "no most likely figure" in e.cite()


def test_estimate_table_of_no_claims_has_every_column() -> None:
    empty = kt.ClaimSet.from_frame(kt.load_seed_claims().frame.iloc[:0])
    table = kt.reconcile_all(empty, estimate=True)
    assert len(table) == 0 and {*ESTIMATE_COLUMNS} <= set(table.columns)


# --- sources that disagree ----------------------------------------------------------------------


def _war(regions: int) -> kt.War:
    return kt.War("test-war", "A test war", "2001-01-01", trees=gazetteer(extra_regions=regions))


def _rec(cid: str, low: int, high: int, region: str, source: str) -> dict[str, object]:
    """One claim about a place of the test war, on 1 February 2001."""
    return {
        "claim_id": cid,
        "low": low,
        "high": high,
        "region": region,
        "as_of": "2001-02-01",
        "source": source,
    }


def _table(records: list[dict[str, object]], war: kt.War) -> kt.ClaimSet:
    frame = pd.DataFrame(records)
    frame["war"] = war.id
    frame["outcome"] = "killed"
    frame["document"] = "test"
    frame["source_name"] = frame["source"].str.upper()
    return kt.ClaimSet.from_frame(frame, wars=[war])


def _panel(
    truths: list[int], *, fabricator_factor: float, extra: list[dict[str, object]] = ()
) -> tuple[kt.ClaimSet, list[str]]:
    """Three sources say each place's true toll and a fourth says ``factor`` times it, except
    on the last place, where only the first and the fourth speak: one against one, under claim
    ids that sort the fourth's first (so that a tie-break by id sets aside the true claim)."""
    war = _war(len(truths) + 1)
    records: list[dict[str, object]] = list(extra)
    fabricated = []
    for i, truth in enumerate(truths):
        region = f"place-{i:05d}"
        last = i == len(truths) - 1
        for source in ("alpha",) if last else ("alpha", "beta", "gamma"):
            records.append(_rec(f"t{i:03d}{source}", truth, truth, region, source))
        wrong = max(round(truth * fabricator_factor), 0)
        if wrong == truth:
            wrong = truth + 3
        cid = f"a{i:03d}"
        fabricated.append(cid)
        records.append(_rec(cid, wrong, wrong, region, "omega"))
    return _table(records, war), fabricated


def test_conflicts_set_aside_the_unreliable_source_not_the_later_id() -> None:
    claims, fabricated = _panel([40, 120, 7, 300, 55, 900], fabricator_factor=0.5)
    plain = kt.reconcile_all(claims)
    assert "t005alpha" in plain.attrs["set_aside"]  # equal trust: the later id goes, a true one
    table = kt.reconcile_all(claims, estimate=True)
    assert set(table.attrs["set_aside"]) == set(fabricated)
    rel = kt.reliability(claims).set_index("source")
    assert rel.loc["omega", "trust"] < rel.loc[["alpha", "beta", "gamma"], "trust"].min()
    trees = claims.wars[0].trees
    place = _row(table, kt.Scope("killed", region="place-00001", trees=trees), "2001-02-01")
    assert (place["low"], place["high"]) == (120, 120)
    assert place["status"] == "conflict" and place["judged_off"] == fabricated[1]
    # in a conflict the kept claims are the engine's choice, not a fact: the estimate is what
    # every reading says once its source's bias is corrected (true count 120)
    assert abs(place["best"] - 120) <= 12 and place["best_low"] <= 120 <= place["best_high"]


def test_a_kept_claim_judged_off_makes_its_rows_contested() -> None:
    """Omega halves every toll; on one more place its range is compatible with the others'
    wide ranges, so it is kept, and the range's high rests on it: contested, and named."""
    extra = [
        _rec("x1", 60, 200, "place-00006", "alpha"),
        _rec("x2", 70, 250, "place-00006", "beta"),
        _rec("x3", 50, 75, "place-00006", "omega"),
    ]
    claims, _ = _panel([40, 120, 70, 300, 55, 900], fabricator_factor=0.5, extra=extra)
    bigger = claims.wars[0]
    table = kt.reconcile_all(claims, estimate=True)
    row = _row(table, kt.Scope("killed", region="place-00006", trees=bigger.trees), "2001-02-01")
    assert (row["low"], row["high"]) == (70, 75)
    assert row["status"] == "contested" and row["judged_off"] == "x3"
    e = kt.estimate(claims, "killed/region=place-00006", "2001-02-01")
    assert e.status == "contested" and e.judged_off == ("x3",)
    assert "x3 (OMEGA)" in e.explain() and "judges off x3" in e.cite()


@given(
    st.lists(st.integers(3, 5000), min_size=5, max_size=12),
    st.sampled_from([0.4, 0.5, 2.0, 2.5]),
)
def test_planted_false_claims_are_set_aside_before_true_ones(
    truths: list[int], factor: float
) -> None:
    claims, fabricated = _panel(truths, fabricator_factor=factor)
    table = kt.reconcile_all(claims, estimate=True)
    assert set(table.attrs["set_aside"]) == set(fabricated)
    assert not ((table["status"] == "consistent") & (table["n_claims"] > 0)).any() or all(
        c not in set(table["low_support"]) for c in fabricated
    )


@settings(max_examples=max(3, EXAMPLES // 10))  # a generated war and a full table per example
@given(st.integers(0, 10_000))
def test_generator_rows_are_never_consistent_while_excluding_the_truth(seed: int) -> None:
    claims, truth = generate(80, seed=seed, conflicts=2)
    table = kt.reconcile_all(claims, estimate=True)
    value = truth.values(table)
    high = table["high"].to_numpy(dtype=float, na_value=np.inf)
    excludes = (table["low"].to_numpy(dtype=float) > value) | (high < value)
    assert not (excludes & (table["status"] == "consistent").to_numpy()).any()
    best = table["best"].to_numpy(dtype=float, na_value=np.nan)
    has = ~np.isnan(best) & (table["status"] != "conflict").to_numpy()
    assert (best[has] >= table["low"].to_numpy(dtype=float)[has]).all()
    assert (best[has] <= high[has]).all()


# --- properties on random instances -------------------------------------------------------------


POOL = ("red", "green", "blue")


def _with_sources(instance: Instance, picks: list[int]) -> pd.DataFrame:
    frame = to_frame(instance)
    names = [POOL[picks[i % len(picks)]] for i in range(len(frame))]
    frame["source"] = names
    frame["source_name"] = [n.title() for n in names]
    return frame


def _claims(frame: pd.DataFrame, instance: Instance) -> kt.ClaimSet:
    return kt.ClaimSet.from_frame(frame, wars=[instance.war])


def _ordered(table: pd.DataFrame) -> pd.DataFrame:
    keys = ["war", "outcome", "category", "party", "perpetrator", "region", "as_of"]
    return table.sort_values(keys).reset_index(drop=True)


SOURCES = st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=8)


@given(instances(max_claims=8), SOURCES)
def test_true_claims_keep_their_hard_range_and_it_holds_the_truth(
    instance: Instance, picks: list[int]
) -> None:
    claims = _claims(_with_sources(instance, picks), instance)
    plain = kt.reconcile_all(claims)
    table = kt.reconcile_all(claims, estimate=True)
    pd.testing.assert_frame_equal(table[list(COLUMNS)], plain)
    assert "conflict" not in set(table["status"])
    days = pd.to_datetime(pd.Series(instance.days)).dt.date
    for row in table.itertuples(index=False):
        if row.outcome != "killed":
            continue
        day = row.as_of.date()
        if day not in set(days):
            continue
        true = instance.count(
            (row.category, row.party, row.perpetrator, row.region), instance.start, day
        )
        assert row.low <= true and (pd.isna(row.high) or true <= row.high)


def _check_order(table: pd.DataFrame, trees: kt.ScopeTrees) -> None:
    """No row's best above that of a row whose scope contains it (on the same day, or a later
    day for a running total)."""
    rows = table[table["best"].notna()]
    dims = ("category", "party", "perpetrator", "region")
    items = list(rows.itertuples(index=False))
    for a in items:
        for b in items:
            if a.war != b.war or a.outcome != b.outcome:
                continue
            later = b.as_of >= a.as_of if trees.is_cumulative(a.outcome) else b.as_of == a.as_of
            if not later:
                continue
            if all(trees[d].is_within(getattr(a, d), getattr(b, d)) for d in dims):
                assert a.best <= b.best, (a, b)


@given(instances(max_claims=7, lies=True), SOURCES)
def test_estimates_lie_inside_hard_ranges_and_respect_the_order(
    instance: Instance, picks: list[int]
) -> None:
    claims = _claims(_with_sources(instance, picks), instance)
    table = kt.reconcile_all(claims, estimate=True)
    best = table["best"].astype("Float64")
    has = best.notna()
    kept = has & (table["status"] != "conflict")  # in a conflict the readings decide
    assert (best[kept] >= table["low"][kept]).all()
    assert (table["high"][kept].isna() | (best[kept] <= table["high"][kept])).all()
    assert (table["best_low"][has] <= best[has]).all()
    assert (best[has] <= table["best_high"][has]).all()
    assert (table["best_low"][~has] == table["low"][~has]).all()
    assert table["best"].isna().eq(table["best_high"].isna()).all()
    _check_order(table, instance.trees)


@given(instances(max_claims=7, lies=True), SOURCES, st.data())
def test_estimates_of_any_scope_respect_the_order(
    instance: Instance, picks: list[int], data: st.DataObject
) -> None:
    claims = _claims(_with_sources(instance, picks), instance)
    trees = instance.trees
    dims = ("category", "party", "perpetrator", "region")
    nodes = list(itertools.product(*(trees[d].nodes for d in dims)))
    inner = data.draw(st.sampled_from(nodes))
    outer = tuple(
        data.draw(st.sampled_from(trees[d].ancestors(t)))
        for d, t in zip(("category", "party", "perpetrator", "region"), inner, strict=True)
    )
    first = data.draw(st.integers(0, len(instance.days) - 1))
    second = data.draw(st.integers(first, len(instance.days) - 1))
    a = kt.estimate(claims, kt.Scope("killed", *inner, trees=trees), instance.days[first])
    b = kt.estimate(claims, kt.Scope("killed", *outer, trees=trees), instance.days[second])
    for e in (a, b):
        if e.best is None:
            assert e.low == e.hard_low
        elif e.status != "conflict":
            assert e.hard_low <= e.best and (e.hard_high is None or e.best <= e.hard_high)
    if a.best is not None and b.best is not None:
        assert a.best <= b.best
    same_scope = kt.estimate(claims, kt.Scope("killed", *inner, trees=trees), instance.days[second])
    if a.best is not None and same_scope.best is not None:
        assert a.best <= same_scope.best


@given(instances(max_claims=7, lies=True), SOURCES, st.randoms(use_true_random=False))
def test_estimates_do_not_depend_on_claim_order(
    instance: Instance, picks: list[int], random: object
) -> None:
    frame = _with_sources(instance, picks)
    order = list(range(len(frame)))
    random.shuffle(order)  # type: ignore[attr-defined]
    one = kt.reconcile_all(_claims(frame, instance), estimate=True)
    two = kt.reconcile_all(
        _claims(frame.iloc[order].reset_index(drop=True), instance), estimate=True
    )
    pd.testing.assert_frame_equal(_ordered(one), _ordered(two))


@settings(max_examples=max(5, EXAMPLES // 3))  # two tables with estimates per example
@given(instances(max_claims=7), SOURCES, st.data())
def test_an_echo_through_another_outlet_changes_nothing(
    instance: Instance, picks: list[int], data: st.DataObject
) -> None:
    frame = _with_sources(instance, picks)
    k = data.draw(st.integers(0, len(frame) - 1))
    echo = frame.iloc[[k]].copy()
    echo["claim_id"] = "zz-echo"
    echo["outlet"] = "another-outlet"
    echo["document"] = "another-document"
    echo["via"] = "a-wire"
    one = kt.reconcile_all(_claims(frame, instance), estimate=True)
    two = kt.reconcile_all(
        _claims(pd.concat([frame, echo], ignore_index=True), instance), estimate=True
    )
    columns = [
        "war",
        "outcome",
        "category",
        "party",
        "perpetrator",
        "region",
        "as_of",
        "low",
        "high",
        "status",
        "best",
        "best_low",
        "best_high",
    ]
    pd.testing.assert_frame_equal(_ordered(one)[columns], _ordered(two)[columns])
    pd.testing.assert_frame_equal(
        kt.reliability(_claims(frame, instance))[["source", "bias", "spread", "trust"]],
        kt.reliability(_claims(pd.concat([frame, echo], ignore_index=True), instance))[
            ["source", "bias", "spread", "trust"]
        ],
    )


@given(
    st.integers(120, 160),
    st.lists(st.floats(0.3, 0.8), min_size=3, max_size=5),
    st.integers(0, 2**32 - 1),
)
def test_a_source_that_always_tells_the_truth_gets_the_smallest_spread(
    n_places: int, noise: list[float], seed: int
) -> None:
    """Enough places for the data to tell: with about 20, a source of noise 0.3 beside
    sources of 0.8 is as close to every other as the truthful one is (the differences that
    separate them, 0.09 against 0.64 on the log scale, are within one standard error), and
    about 2 % of such panels rank a lucky noisy source first whatever the model; at 120 places
    the separation is about three standard errors per other source (no failure in 1,000
    panels drawn as here)."""
    rng = np.random.default_rng(seed)
    war = _war(n_places)
    truths = np.rint(np.exp(rng.uniform(1.0, 8.0, n_places))).astype(int)
    records: list[dict[str, object]] = []
    for i, truth in enumerate(truths.tolist()):
        region = f"place-{i:05d}"
        records.append(_rec(f"h{i:03d}", truth, truth, region, "honest"))
        for j, sd in enumerate(noise):
            said = max(round(truth * float(np.exp(rng.normal(0.0, sd)))), 0)
            records.append(_rec(f"n{j}{i:03d}", said, said, region, f"noisy-{j}"))
    table = kt.reliability(_table(records, war)).set_index("source")
    honest = float(table.loc["honest", "spread"])
    assert honest < table.drop(index="honest")["spread"].min()
    assert float(table.loc["honest", "trust"]) > table.drop(index="honest")["trust"].max()


def test_small_trees_estimate_examples() -> None:
    """All civilians of the east are at least their two parts and the best follows."""
    trees = small_trees()
    day = dt.date(2001, 1, 1)
    instance = Instance(trees, (day,), np.zeros((1, 1), dtype=np.int64))
    records = [
        ("c1", ("civilian", "e1", "all", "all"), 30, 30, "red"),
        ("c2", ("civilian", "e2", "all", "all"), 12, 14, "green"),
        ("c3", ("civilian", "east", "all", "all"), 40, 80, "blue"),
    ]
    frame = pd.DataFrame(
        [
            {
                "claim_id": cid,
                "war": instance.war.id,
                "low": low,
                "high": high,
                "outcome": "killed",
                "category": t[0],
                "party": t[1],
                "perpetrator": t[2],
                "region": t[3],
                "as_of": day.isoformat(),
                "source": src,
                "document": "x",
            }
            for cid, t, low, high, src in records
        ]
    )
    claims = kt.ClaimSet.from_frame(frame, wars=[instance.war])
    east = kt.estimate(claims, kt.Scope("killed", "civilian", "east", trees=trees), day)
    assert east.hard_low == 42 and east.hard_high == 80
    assert east.best is not None and 42 <= east.best <= 80
    part = kt.estimate(claims, kt.Scope("killed", "civilian", "e2", trees=trees), day)
    assert part.best is not None and 12 <= part.best <= 14 and part.best <= east.best


def test_credible_intervals_hold_the_truth_at_their_level_when_every_source_is_noisy() -> None:
    """The truth-discovery workload as claims: every object has 3-8 noisy exact or hedged
    figures, so nearly every row is a conflict whose kept claims are one surviving figure. The
    90 % credible intervals must still hold the truth about 90 % of the time (they held it for
    12 % when they stayed inside the surviving claim's range), and the best values must be as
    good as those of ``kt.discover`` on the same table."""
    n = 10 * EXAMPLES
    w = peers_workload(n, seed=11, hedged_share=0.3)
    table = kt.reconcile_all(w.claims(), estimate=True)
    table = table[table["region"] != "all"]
    index = table["region"].str.removeprefix("object-").astype(int).to_numpy()
    truth = np.asarray(w.truth, dtype=float)[index]
    low = table["best_low"].to_numpy(float)
    high = table["best_high"].to_numpy(float, na_value=np.inf)
    held = (low <= truth) & (truth <= high)
    se = math.sqrt(0.9 * 0.1 / n)
    assert 0.85 - 3 * se <= held.mean() <= 0.95 + 3 * se, held.mean()
    found = kt.discover(w.table).estimates
    objects = found["object"].to_numpy(dtype=int)
    theirs = np.abs(found["best"].to_numpy(float) - np.asarray(w.truth, float)[objects])
    ours = np.abs(table["best"].to_numpy(float) - truth)
    # (objects with open figures only have no best: left out of both)
    assert np.nanmedian(ours / np.maximum(truth, 1)) <= 1.1 * np.nanmedian(
        theirs / np.maximum(np.asarray(w.truth, float)[objects], 1)
    )
