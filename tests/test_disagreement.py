"""The model of disagreement: invariances, echoes, hard ranges, reliabilities and calibration."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_tolls import disagreement as d
from karabakh_tolls.errors import EstimationError, KarabakhTollsError
from karabakh_tolls.testing.workloads import disagreement_workload

EXAMPLES = settings.default.max_examples
"""Sizes scale with the hypothesis profile: 50 examples under ``dev``, 200 under ``ci``."""


@st.composite
def tables(draw: st.DrawFn, min_rows: int = 1) -> dict[str, np.ndarray]:
    """A small table of claims: points, "more than", "up to" and ranges around a truth."""
    n_obj = draw(st.integers(1, 5))
    n_src = draw(st.integers(1, 4))
    truth = draw(st.lists(st.integers(0, 5000), min_size=n_obj, max_size=n_obj))
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, n_obj - 1),
                st.integers(0, n_src - 1),
                st.sampled_from(["point", "more", "upto", "range", "none"]),
                st.floats(0.3, 3.0),
                st.floats(1.0, 2.0),
            ),
            min_size=min_rows,
            max_size=14,
        )
    )
    obj, src, low, high = [], [], [], []
    for o, s, kind, factor, width in rows:
        v = round(truth[o] * factor)
        lo, hi = {
            "point": (v, v),
            "more": (v + 1, math.inf),
            "upto": (0, v),
            "range": (v, round(v * width) + 1),
            "none": (0, math.inf),
        }[kind]
        obj.append(o)
        src.append(s)
        low.append(lo)
        high.append(hi)
    return {
        "obj": np.array(obj, np.int64),
        "src": np.array(src, np.int64),
        "low": np.array(low, np.float64),
        "high": np.array(high, np.float64),
        "n_objects": np.array(n_obj),
        "n_sources": np.array(n_src),
    }


def _prepare(t: dict[str, np.ndarray], order: np.ndarray | None = None, **kw: object) -> d.Claims:
    idx = np.arange(len(t["obj"])) if order is None else order
    return d.prepare(
        t["obj"][idx],
        t["src"][idx],
        t["low"][idx],
        t["high"][idx],
        n_objects=int(t["n_objects"]),
        n_sources=int(t["n_sources"]),
        **kw,  # type: ignore[arg-type]
    )


FAST = d.Settings(max_iter=200)


# --- order, echoes ----------------------------------------------------------------------------


@given(tables(), st.randoms(use_true_random=False))
def test_estimate_is_invariant_to_row_order(t: dict[str, np.ndarray], rnd: object) -> None:
    order = np.arange(len(t["obj"]))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    a = d.fit(_prepare(t), settings=FAST)
    b = d.fit(_prepare(t, order), settings=FAST)
    assert np.array_equal(a.reliability.bias, b.reliability.bias)
    assert np.array_equal(a.reliability.spread, b.reliability.spread)
    assert np.array_equal(a.posterior.mass, b.posterior.mass)
    sa, sb = d.summarise(a.posterior), d.summarise(b.posterior)
    assert np.array_equal(sa.best, sb.best)
    assert np.array_equal(sa.low, sb.low)
    assert np.array_equal(sa.high, sb.high)


def _close(a: d.Fit, b: d.Fit) -> None:
    # EM stops at a tolerance of 1e-4 on log bias and log spread, so two fits that differ
    # only in rounding agree to about that.
    assert np.allclose(a.reliability.bias, b.reliability.bias, atol=2e-3)
    assert np.allclose(np.log(a.reliability.spread), np.log(b.reliability.spread), atol=2e-3)
    for q in (0.05, 0.5, 0.95):
        assert np.allclose(a.posterior.quantile(q), b.posterior.quantile(q), atol=2e-3)


@given(tables(), st.data())
def test_echo_through_another_outlet_changes_nothing(
    t: dict[str, np.ndarray], data: st.DataObject
) -> None:
    n = len(t["obj"])
    row = data.draw(st.integers(0, n - 1))
    copies = data.draw(st.integers(1, 3))
    # Each row its own evidence group; the echoes repeat the group of the row they echo.
    group = np.arange(n)
    echoed = np.concatenate([np.arange(n), np.full(copies, row)])
    base = d.fit(_prepare(t, group=group), settings=FAST)
    echo = d.fit(_prepare(t, echoed, group=group[echoed]), settings=FAST)
    _close(base, echo)
    assert np.array_equal(base.reliability.n_statements, echo.reliability.n_statements)


@given(tables(), st.data())
def test_repeating_a_statement_without_a_group_counts_once(
    t: dict[str, np.ndarray], data: st.DataObject
) -> None:
    row = data.draw(st.integers(0, len(t["obj"]) - 1))
    base = d.fit(_prepare(t), settings=FAST)
    echo = d.fit(_prepare(t, np.r_[np.arange(len(t["obj"])), row, row]), settings=FAST)
    _close(base, echo)


def test_weights_of_echoes_sum_to_one_statement() -> None:
    c = d.prepare([0, 0, 0, 0], [0, 0, 1, 2], [5, 5, 9, 9], [5, 5, 9, 9], group=[-1, -1, 4, 4])
    assert c.weight.tolist() == [0.5, 0.5, 0.5, 0.5]
    assert c.n_statements.tolist() == [1, 1, 1]


# --- hard ranges --------------------------------------------------------------------------------


@st.composite
def hard_ranges(draw: st.DrawFn, n: int) -> d.Bounds:
    lows, highs = [], []
    for _ in range(n):
        lo = draw(st.integers(0, 20_000))
        hi = draw(st.one_of(st.none(), st.integers(lo, lo + draw(st.integers(0, 30_000)))))
        lows.append(lo)
        highs.append(hi)
    return d.Bounds.from_arrays(lows, highs)


@given(tables(), st.data(), st.floats(0.5, 0.99))
def test_every_estimate_lies_inside_its_hard_range(
    t: dict[str, np.ndarray], data: st.DataObject, level: float
) -> None:
    bounds = data.draw(hard_ranges(int(t["n_objects"])))
    c = _prepare(t)
    f = d.fit(c, bounds=bounds, settings=FAST)
    s = d.summarise(f.posterior, level=level, bounds=bounds)
    assert np.all(bounds.low <= s.low)
    assert np.all(s.low <= s.best)
    assert np.all(s.best <= s.high)
    assert np.all(s.high <= bounds.high)
    closed = ~bounds.open_high
    assert np.all(s.has_best[closed])
    # the posterior itself never leaves the range
    for q in (0.0, 0.5, 1.0):
        theta = f.posterior.quantile(q)
        assert np.all(theta >= np.log1p(bounds.low.astype(float)) - 1e-9)
        assert np.all(theta[closed] <= np.log1p(bounds.high[closed].astype(float)) + 1e-9)
    # recomputing the posterior for other ranges with the learned sources keeps inside them too
    other = data.draw(hard_ranges(int(t["n_objects"])))
    p = d.posterior(c, f.reliability, f.prior, bounds=other)
    s2 = d.summarise(p, level=level, bounds=other)
    assert np.all((other.low <= s2.low) & (s2.high <= other.high))


def test_a_point_range_pins_the_estimate() -> None:
    c = d.prepare([0, 0, 0], [0, 1, 2], [10, 900, 50], [10, 900, 50])
    b = d.Bounds.from_arrays([77], [77])
    s = d.summarise(d.fit(c, bounds=b).posterior, bounds=b)
    assert (int(s.low[0]), int(s.best[0]), int(s.high[0])) == (77, 77, 77)


def test_estimate_hugs_the_hard_edge_the_claims_lie_beyond() -> None:
    c = d.prepare([0, 0, 0], [0, 1, 2], [1000, 1100, 950], [1000, 1100, 950])
    b = d.Bounds.from_arrays([0], [500])
    s = d.summarise(d.fit(c, bounds=b).posterior, bounds=b)
    # the claims say about 1,000; the truncated posterior decays from the edge at 500
    assert int(s.low[0]) < 450 <= int(s.best[0]) < 490 <= int(s.high[0]) <= 500


def test_the_quantile_function_and_cdf_agree() -> None:
    c = d.prepare([0, 0, 0, 1, 1], [0, 1, 2, 0, 1], [40, 60, 50, 7, 9], [40, 60, 50, 7, 9])
    p = d.fit(c).posterior
    for q in (0.05, 0.25, 0.5, 0.9):
        assert np.allclose(p.cdf(p.count_quantile(q)), q, atol=1e-9)


# --- what the sources learn ---------------------------------------------------------------------


@settings(max_examples=max(10, EXAMPLES // 2))
@given(st.integers(0, 2**32 - 1), st.integers(50, 100), st.integers(6, 10))
def test_a_source_that_always_tells_the_truth_gets_the_smallest_spread(
    seed: int, n_obj: int, n_noisy: int
) -> None:
    # The noisy sources are off by at least 25 % (log sd 0.25 to 0.8) and there are enough of
    # them and of objects for the data to tell an exact source from a precise one: with three
    # noisy sources and a dozen objects a source right to within 10 % fits the claims as well
    # as an exact one, and the fit rightly cannot rank them.
    rng = np.random.default_rng(seed)
    truth = np.rint(np.exp(rng.uniform(1.0, 8.0, n_obj))).astype(np.int64)
    obj, src, val = list(range(n_obj)), [0] * n_obj, list(truth)  # source 0 tells the truth
    for s in range(1, n_noisy + 1):
        bias = np.exp(rng.normal(0.0, 0.3))
        sd = rng.uniform(0.25, 0.8)
        for o in np.flatnonzero(rng.random(n_obj) < 0.7):
            obj.append(int(o))
            src.append(s)
            val.append(int(np.rint(truth[o] * bias * np.exp(sd * rng.normal()))))
    f = d.fit(d.prepare(obj, src, val, val))
    assert f.convergence.converged
    assert int(np.argmin(f.reliability.spread)) == 0


def test_learned_bias_and_spread_match_the_workload() -> None:
    w = disagreement_workload(40 * EXAMPLES, seed=5, n_sources=20, partisans=4)
    table = w.table
    src = table["source"].str[1:].astype(int).to_numpy()
    c = d.prepare(
        table["object"].to_numpy(), src, table["low"].to_numpy(float), table["high"].to_numpy(float)
    )
    f = d.fit(c)
    assert f.convergence.converged
    # biases are relative to the median source: compare after removing that offset
    true_bias = np.log(w.bias)
    offset = np.median(f.reliability.bias - true_bias)
    assert np.max(np.abs(f.reliability.bias - true_bias - offset)) < 0.15
    assert np.corrcoef(f.reliability.spread, w.spread)[0, 1] > 0.9


def test_calibration_on_a_small_workload() -> None:
    n = 20 * EXAMPLES
    for hedged in (0.0, 0.3):
        w = disagreement_workload(n, seed=17, hedged=hedged)
        table = w.table
        src = table["source"].str[1:].astype(int).to_numpy()
        c = d.prepare(
            table["object"].to_numpy(),
            src,
            table["low"].to_numpy(float),
            table["high"].to_numpy(float, na_value=np.inf),
        )
        s = d.summarise(d.fit(c).posterior, level=0.9)
        held = (s.low <= w.truth) & (~s.has_best | (w.truth <= s.high))
        se = math.sqrt(0.9 * 0.1 / n)
        # 85-95 % is the target band of 90 % intervals of whole counts; 3 standard errors of
        # binomial noise on top (the workload is drawn once).
        assert 0.85 - 3 * se <= held.mean() <= 0.95 + 3 * se, held.mean()


def test_an_open_claim_alone_gives_no_best_value() -> None:
    c = d.prepare([0, 0, 1], [0, 1, 0], [6001, 100, 50], [math.inf, 100, 50])
    s = d.summarise(d.fit(c).posterior)
    # object 0 has a point claim, so it is capped; make one that is not
    c2 = d.prepare([0, 1], [0, 0], [6001, 50], [math.inf, 50])
    s2 = d.summarise(d.fit(c2).posterior)
    assert s.has_best.tolist() == [True, True]
    assert s2.has_best.tolist() == [False, True]
    assert int(s2.low[0]) > 0


def test_convergence_is_reported() -> None:
    c = d.prepare([0, 0, 1, 1], [0, 1, 0, 1], [10, 12, 100, 130], [10, 12, 100, 130])
    few = d.fit(c, settings=d.Settings(max_iter=1))
    assert few.convergence.iterations == 1
    assert not few.convergence.converged
    full = d.fit(c)
    assert full.convergence.converged
    assert full.convergence.change < full.settings.tol
    assert math.isfinite(full.convergence.log_likelihood)


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({"obj": [0, -1]}, "object[1]=-1 is negative"),
        ({"low": [5, -2]}, "low[1]"),
        ({"high": [5, 3], "low": [5, 4]}, "row 1: high=3 is below low=4"),
        ({"src": [0]}, "source has 1 rows"),
        ({"weight": [1.0, 0.0]}, "weight[1]=0 must be a positive number"),
        ({"obj": [0.5, 1.0]}, "object must hold whole numbers"),
    ],
)
def test_bad_columns_are_refused_by_name_and_row(kwargs: dict[str, object], text: str) -> None:
    args: dict[str, object] = {"obj": [0, 1], "src": [0, 1], "low": [5, 6], "high": [5, 6]}
    args.update(kwargs)
    with pytest.raises(EstimationError, match=re.escape(text)) as info:
        d.prepare(**args)  # type: ignore[arg-type]
    assert isinstance(info.value, KarabakhTollsError)
    assert isinstance(info.value, ValueError)


def test_bad_settings_and_bounds_are_refused() -> None:
    with pytest.raises(EstimationError, match="bias_scale"):
        d.Settings(bias_scale=0.0)
    with pytest.raises(EstimationError, match="hard_high=3 is below hard_low=5"):
        d.Bounds.from_arrays([5], [3])
    with pytest.raises(EstimationError, match="level"):
        d.summarise(d.fit(d.prepare([0], [0], [1], [1])).posterior, level=1.0)
