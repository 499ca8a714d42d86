"""Claims, ClaimSet and table validation: every bad row is named, no row is lost."""

from __future__ import annotations

import datetime as dt
import pickle

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import ClaimValidationError, Reason
from karabakh_tolls.frame import COLUMNS, SCHEMA, validate_frame
from karabakh_tolls.testing.tables import BAD_ROW_KINDS, bad_records, claim_frames, claim_records

AMNESTY = kt.Source("amnesty-international", "Amnesty International", "ngo")


def make_claim(claim_id: str = "c1", low: int = 146, **changes: object) -> kt.Claim:
    base = kt.Claim(
        claim_id,
        kt.exact(low),
        kt.Scope("killed", "civilian"),
        "2021-01-14",
        AMNESTY,
        document="000",
    )
    return base.evolve(**changes) if changes else base


def good_row(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "claim_id": "c1",
        "low": 3,
        "high": 5,
        "outcome": "killed",
        "as_of": "2020-10-06",
        "source": "x",
        "document": "d",
    }
    row.update(changes)
    return row


def test_claim_normalises_dates_and_defaults() -> None:
    claim = make_claim()
    assert claim.as_of == dt.date(2021, 1, 14)
    assert claim.since == kt.load_war("karabakh-2020").start
    assert claim.kind is kt.ClaimKind.CUMULATIVE and claim.coverage is kt.Coverage.COMPLETE


def test_claim_is_immutable_hashable_and_picklable() -> None:
    claim = make_claim()
    with pytest.raises(AttributeError):
        claim.id = "other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(claim)) == claim
    assert hash(claim) == hash(make_claim())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"as_of": "2020-09-01"}, "before since"),
        ({"as_of": "2020-02-30"}, "not an ISO date"),
        ({"kind": "incident"}, "needs an event"),
        ({"span": (5, 5)}, "start < end"),
    ],
)
def test_bad_claims_are_refused_with_the_value(changes: dict[str, object], message: str) -> None:
    with pytest.raises(kt.ClaimError, match=message):
        make_claim(**changes)


def test_claimset_round_trips_claims() -> None:
    claims = [
        make_claim("c1"),
        make_claim("c2", 19, scope=kt.Scope("killed", "civilian", party="karabakh")),
    ]
    claim_set = kt.ClaimSet(claims)
    assert len(claim_set) == 2
    assert list(claim_set) == claims
    assert claim_set["c2"].scope.party == "nagorno-karabakh"
    assert claim_set[-1] == claims[1]
    assert "c1" in claim_set and claims[0] in claim_set
    with pytest.raises(KeyError, match="no claim with id"):
        claim_set["nope"]


def test_to_frame_has_the_schema_and_is_a_copy() -> None:
    claim_set = kt.ClaimSet([make_claim()])
    frame = claim_set.to_frame()
    assert tuple(frame.columns) == COLUMNS
    for column in SCHEMA:
        assert str(frame[column.name].dtype) == column.dtype, column.name
    frame.loc[0, "low"] = 999
    assert claim_set["c1"].low == 146


def test_validation_never_mutates_its_input() -> None:
    raw = pd.DataFrame([good_row(party=" Azeri ")])
    before = raw.copy()
    validate_frame(raw)
    pd.testing.assert_frame_equal(raw, before)


def test_every_bad_row_is_reported_at_once() -> None:
    raw = pd.DataFrame(
        [
            good_row(claim_id="a"),
            good_row(claim_id="b", low=-4),
            good_row(claim_id="c", low=9, high=2),
            good_row(claim_id="d", region="Ganjaa"),
            good_row(claim_id="e", as_of="2020-02-30"),
            good_row(claim_id="a"),
            good_row(claim_id="g", source=None),
            good_row(claim_id="h", low="2.5"),
            good_row(claim_id="i", since="2020-10-09"),
            good_row(claim_id="j", source=" "),
        ]
    )
    with pytest.raises(ClaimValidationError) as info:
        kt.ClaimSet.from_frame(raw)
    error = info.value
    reasons = {(p.row, p.reason) for p in error.problems}
    assert (1, Reason.NEGATIVE) in reasons
    assert (2, Reason.LOW_ABOVE_HIGH) in reasons
    assert (3, Reason.UNKNOWN_TERM) in reasons
    assert (4, Reason.BAD_DATE) in reasons
    assert (5, Reason.DUPLICATE_ID) in reasons
    assert (6, Reason.MISSING_VALUE) in reasons
    assert (7, Reason.NOT_INTEGER) in reasons
    assert (8, Reason.DATE_ORDER) in reasons
    assert (9, Reason.MISSING_VALUE) in reasons
    assert error.bad_rows == (1, 2, 3, 4, 5, 6, 7, 8, 9)
    message = str(error)
    assert "high=2 is below low=9" in message and "did you mean 'ganja'" in message
    table = error.failure_table()
    assert list(table.columns) == ["row", "column", "reason", "value", "message", "line", "file"]
    assert len(table) == len(error.problems)
    assert pickle.loads(pickle.dumps(error)).problems == error.problems


def test_a_claim_without_document_or_outlet_is_a_statement_of_its_own() -> None:
    # A data team's table of (source, figure, scope, date) needs no document column; echoes are
    # found by source, scope, date and figure, so two such rows of one source are one statement.
    raw = pd.DataFrame(
        [good_row(claim_id="a", document=None), good_row(claim_id="b", document=None)]
    )
    claims = kt.ClaimSet.from_frame(raw)
    assert claims.ids == ("a", "b")
    frame = claims.to_frame()
    assert frame["document"].isna().all() and frame["outlet"].isna().all()
    assert len(claims.evidence_table()) == 1


def test_report_mode_keeps_good_rows_and_names_the_rest() -> None:
    raw = pd.DataFrame([good_row(claim_id="a"), good_row(claim_id="b", outcome="eaten")])
    claim_set = kt.ClaimSet.from_frame(raw, errors="report")
    assert claim_set.ids == ("a",)
    assert [p.row for p in claim_set.rejected] == [1]
    assert claim_set.rejected_frame().loc[0, "column"] == "outcome"


def test_missing_required_column_is_a_table_problem() -> None:
    raw = pd.DataFrame([{"claim_id": "a", "low": 1}])
    with pytest.raises(ClaimValidationError) as info:
        kt.ClaimSet.from_frame(raw)
    missing = {p.column for p in info.value.problems if p.reason is Reason.MISSING_COLUMN}
    assert missing == {"outcome", "as_of", "source"}


def test_quote_must_fill_its_span() -> None:
    raw = pd.DataFrame([good_row(quote="19 killed", span_start=10, span_end=12)])
    with pytest.raises(ClaimValidationError, match="does not fill its span"):
        kt.ClaimSet.from_frame(raw)


def test_extra_columns_are_kept() -> None:
    raw = pd.DataFrame([good_row(confidence=0.7)])
    frame = kt.ClaimSet.from_frame(raw).to_frame()
    assert frame.columns[-1] == "confidence" and frame.loc[0, "confidence"] == 0.7


def test_adding_sets_checks_duplicate_ids() -> None:
    one = kt.ClaimSet([make_claim("c1")])
    assert len(one + kt.ClaimSet([make_claim("c2")])) == 2
    with pytest.raises(ClaimValidationError, match="used before"):
        one + one


@given(claim_frames())
def test_valid_frames_validate_without_problems(raw: pd.DataFrame) -> None:
    good, problems = validate_frame(raw)
    assert problems == ()
    assert len(good) == len(raw)


@given(st.data(), st.integers(0, 6), st.integers(0, 6))
def test_validation_never_loses_a_row(data: st.DataObject, n_good: int, n_bad: int) -> None:
    """valid rows + reported bad rows == input rows, and each planted defect is found."""
    rows = [data.draw(claim_records(f"g{i}")) for i in range(n_good)]
    planted = [data.draw(bad_records(f"b{i}")) for i in range(n_bad)]
    order = data.draw(st.permutations(range(n_good + n_bad)))
    everything = rows + [record for record, _ in planted]
    raw = pd.DataFrame.from_records([everything[i] for i in order])
    good, problems = validate_frame(raw)
    bad_rows = {p.row for p in problems}
    assert len(good) + len(bad_rows) == len(raw)
    if raw.empty:
        assert problems == ()
        return
    assert set(good["claim_id"]) | set(raw.loc[sorted(bad_rows), "claim_id"]) == set(
        raw["claim_id"]
    )
    assert set(good["claim_id"]) == {f"g{i}" for i in range(n_good)}
    assert {kind for _, kind in planted} <= set(BAD_ROW_KINDS)


@given(claim_frames(max_rows=5))
def test_claims_survive_frame_round_trip(raw: pd.DataFrame) -> None:
    claim_set = kt.ClaimSet.from_frame(raw)
    again = kt.ClaimSet(list(claim_set))
    assert again == claim_set
