"""kt.discover on plain tables: columns, validation, echoes, order, open claims, calibration."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.testing.workloads import disagreement_workload

EXAMPLES = settings.default.max_examples


def _table() -> pd.DataFrame:
    rows = [
        ("ganja", "ngo", 21, 21),
        ("ganja", "ministry", 25, 25),
        ("ganja", "press", 20, None),  # "more than 19"
        ("barda", "ngo", 21, 21),
        ("barda", "ministry", 27, 27),
        ("barda", "press", 0, 30),  # "up to 30"
        ("tartar", "ministry", 4, 4),
        ("tartar", "press", 3, 9),  # "several"
    ]
    return pd.DataFrame(rows, columns=["object", "source", "low", "high"])


def test_discover_is_exported() -> None:
    assert "discover" in kt.__all__
    assert "Discovery" in kt.__all__


def test_tables_have_the_documented_columns_and_types() -> None:
    d = kt.discover(_table())
    e, s = d.estimates, d.sources
    assert list(e.columns) == ["object", "best", "low", "high", "n_sources"]
    assert list(s.columns) == ["source", "bias", "spread", "n_claims"]
    assert e["object"].tolist() == ["barda", "ganja", "tartar"]  # sorted
    assert s["source"].tolist() == ["ministry", "ngo", "press"]
    assert str(e["best"].dtype) == "Int64"
    assert e.set_index("object")["n_sources"].to_dict() == {"barda": 3, "ganja": 3, "tartar": 2}
    assert s.set_index("source")["n_claims"].to_dict() == {"ministry": 3, "ngo": 2, "press": 3}
    assert (e["low"] <= e["best"]).all()
    assert (e["best"] <= e["high"]).all()
    assert (s["spread"] > 0).all()
    assert (s["bias"] > 0).all()
    assert d.level == 0.9
    assert d.convergence.converged
    assert "3 objects" in repr(d)


def test_results_are_copies_and_the_input_is_untouched() -> None:
    table = _table()
    before = table.copy()
    d = kt.discover(table)
    pd.testing.assert_frame_equal(table, before)
    e = d.estimates
    e.loc[0, "best"] = -5
    assert int(d.estimates.loc[0, "best"]) != -5
    with pytest.raises(AttributeError):
        d.level = 0.5  # type: ignore[misc]


def test_other_column_names_and_a_level() -> None:
    table = _table().rename(
        columns={"object": "strike", "source": "who", "low": "lo", "high": "hi"}
    )
    wide = kt.discover(table, "strike", "who", "lo", "hi", level=0.99).estimates
    narrow = kt.discover(table, "strike", "who", "lo", "hi", level=0.5).estimates
    assert (wide["low"] <= narrow["low"]).all()
    assert (narrow["high"] <= wide["high"]).all()


def test_an_object_with_only_open_claims_has_no_best_value() -> None:
    table = pd.DataFrame(
        {
            "object": ["total", "total", "ganja", "ganja"],
            "source": ["a", "b", "a", "b"],
            "low": [6001, 5000, 21, 25],
            "high": [None, None, 21, 25],
        }
    )
    e = kt.discover(table).estimates.set_index("object")
    assert pd.isna(e.loc["total", "best"])
    assert pd.isna(e.loc["total", "high"])
    assert int(e.loc["total", "low"]) > 0
    assert not pd.isna(e.loc["ganja", "best"])


def test_a_source_far_off_is_judged_biased() -> None:
    w = disagreement_workload(20 * EXAMPLES, seed=3, n_sources=12, partisans=0)
    table = w.table.copy()
    loud = table["source"] == "s00"
    table.loc[loud, ["low", "high"]] = table.loc[loud, ["low", "high"]] * 3
    sources = kt.discover(table).sources.set_index("source")
    others = sources.drop(index="s00")["bias"]
    ratio = sources.loc["s00", "bias"] / others.median()
    true_ratio = 3 * w.bias[0] / np.median(w.bias[1:])
    assert abs(math.log(ratio / true_ratio)) < 0.15


@given(st.randoms(use_true_random=False))
def test_row_order_does_not_change_anything(rnd: object) -> None:
    table = _table()
    order = list(range(len(table)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    a = kt.discover(table)
    b = kt.discover(table.iloc[order].reset_index(drop=True))
    pd.testing.assert_frame_equal(a.estimates, b.estimates)
    pd.testing.assert_frame_equal(a.sources, b.sources)


@settings(max_examples=max(10, EXAMPLES // 2))
@given(st.integers(0, 7), st.integers(1, 3), st.sampled_from(["AFP", "Reuters", None]))
def test_echoing_a_claim_through_another_outlet_changes_nothing(
    row: int, copies: int, outlet: str | None
) -> None:
    table = _table().assign(evidence=[f"e{i}" for i in range(8)], outlet="original")
    echo = pd.concat([table, table.iloc[[row] * copies].assign(outlet=outlet)], ignore_index=True)
    a = kt.discover(table, evidence="evidence")
    b = kt.discover(echo, evidence="evidence")
    ea, eb = a.estimates, b.estimates
    assert ea["n_sources"].tolist() == eb["n_sources"].tolist()
    assert a.sources["n_claims"].tolist() == b.sources["n_claims"].tolist()
    for col in ("best", "low", "high"):
        # EM stops at a tolerance; whole counts may differ by the rounding of that tolerance
        assert (ea[col] - eb[col]).abs().max() <= 1
    assert np.allclose(a.sources["spread"], b.sources["spread"], rtol=5e-3)


def test_rows_with_the_same_statement_and_no_group_count_once() -> None:
    table = _table()
    repeated = pd.concat([table, table.iloc[[0, 0, 3]]], ignore_index=True)
    a, b = kt.discover(table), kt.discover(repeated)
    assert a.sources["n_claims"].tolist() == b.sources["n_claims"].tolist()
    assert (a.estimates["best"] - b.estimates["best"]).abs().max() <= 1


def test_trust_weights_pull_the_estimate_toward_the_trusted_source() -> None:
    table = pd.DataFrame(
        {
            "object": ["x", "x"],
            "source": ["a", "b"],
            "low": [100, 400],
            "high": [100, 400],
            "trust": [10.0, 1.0],
        }
    )
    plain = kt.discover(table).estimates["best"].iloc[0]
    trusted = kt.discover(table, weight="trust").estimates["best"].iloc[0]
    assert trusted < plain


def test_calibration_of_discover_on_a_small_workload() -> None:
    n = 20 * EXAMPLES
    w = disagreement_workload(n, seed=29, hedged=0.3)
    e = kt.discover(w.table[["object", "source", "low", "high"]]).estimates
    low = e["low"].to_numpy(float)
    high = e["high"].to_numpy(float, na_value=np.inf)
    held = (low <= w.truth) & (w.truth <= high)
    se = math.sqrt(0.9 * 0.1 / n)
    assert 0.85 - 3 * se <= held.mean() <= 0.95 + 3 * se


# --- bad input ----------------------------------------------------------------------------------


def test_every_bad_row_is_reported_at_once() -> None:
    table = _table()
    table["low"] = table["low"].astype(object)
    table.loc[1, "low"] = "many"
    table.loc[2, "low"] = -3
    table.loc[4, "low"] = 2.5
    table.loc[6, "high"] = 1  # below low = 4
    table.loc[7, "object"] = None
    with pytest.raises(kt.ClaimValidationError) as info:
        kt.discover(table)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.bad_rows == (1, 2, 4, 6, 7)
    reasons = {(p.row, p.column): p.reason.value for p in err.problems}
    assert reasons == {
        (1, "low"): "not-a-number",
        (2, "low"): "negative",
        (4, "low"): "not-integer",
        (6, "high"): "low-above-high",
        (7, "object"): "missing-value",
    }
    assert "row 6, column 'high'" in str(err)


def test_missing_columns_are_named() -> None:
    with pytest.raises(kt.ClaimValidationError, match="no high column 'upper'") as info:
        kt.discover(_table(), high="upper", evidence="group")
    assert {p.column for p in info.value.problems} == {"upper", "group"}


@pytest.mark.parametrize("level", [0, 1, 1.5, -0.1, True])
def test_a_level_outside_zero_and_one_is_refused(level: object) -> None:
    with pytest.raises(kt.EstimationError, match="level"):
        kt.discover(_table(), level=level)  # type: ignore[arg-type]


def test_a_table_that_is_not_a_dataframe_is_refused() -> None:
    with pytest.raises(kt.ClaimValidationError, match="pandas DataFrame"):
        kt.discover([("x", "a", 1, 1)])  # type: ignore[arg-type]


def test_bad_weights_are_reported_by_row() -> None:
    table = _table().assign(trust=[1.0, 0.0, 1.0, -1.0, 1.0, 1.0, 1.0, float("nan")])
    with pytest.raises(kt.ClaimValidationError) as info:
        kt.discover(table, weight="trust")
    assert info.value.bad_rows == (1, 3, 7)


def test_the_how_to_page_runs() -> None:
    page = Path(__file__).parents[1] / "docs" / "howto" / "discover.md"
    namespace: dict[str, object] = {}
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(), re.S)
    assert blocks
    for block in blocks:
        exec(block, namespace)
    d = namespace["d"]
    assert isinstance(d, kt.Discovery)
    assert d.convergence.converged


def test_an_empty_table_gives_empty_results() -> None:
    d = kt.discover(pd.DataFrame({"object": [], "source": [], "low": [], "high": []}))
    assert d.estimates.empty
    assert d.sources.empty
    assert list(d.estimates.columns) == ["object", "best", "low", "high", "n_sources"]


def test_a_single_claim_keeps_a_wide_interval() -> None:
    one = pd.DataFrame({"object": ["x"], "source": ["a"], "low": [10], "high": [10]})
    e = kt.discover(one).estimates.iloc[0]
    # one source, nothing to judge it by: the typical spread, not certainty
    assert int(e["low"]) < 10 == int(e["best"]) < int(e["high"])
