"""Reading and writing claim tables, and the bundled seed set."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import (
    ClaimFileError,
    ClaimFileNotFoundError,
    ClaimValidationError,
    KarabakhTollsError,
    MissingExtraError,
    NotFoundError,
    OptionError,
    Reason,
)
from karabakh_tolls.io import (
    FORMULA_PREFIXES,
    neutralise_formulas,
    restore_formulas,
    seed_article,
    seed_documents,
    write_csv,
    write_excel,
    write_jsonl,
)
from karabakh_tolls.testing.tables import claim_frames

FORMATS = ("csv", "jsonl", "parquet")


def test_seed_claims_load_and_every_quote_sits_at_its_span() -> None:
    claims = kt.load_seed_claims()
    assert len(claims) >= 20
    for claim in claims:
        assert claim.document is not None and claim.span is not None and claim.quote
        text = seed_article(claim.document)
        start, end = claim.span
        assert text[start:end] == claim.quote, claim.id
        if claim.figure.text:
            assert claim.figure.text in claim.quote


def test_seed_figures_agree_with_the_parser() -> None:
    for claim in kt.load_seed_claims():
        if claim.figure.hedge is kt.Hedge.IMPLICIT:
            continue
        parsed = kt.Figure.parse(claim.figure.text)
        assert (parsed.low, parsed.high) == (claim.low, claim.high), claim.id


def test_the_genocide_toll_is_not_a_seed_claim() -> None:
    frame = kt.load_seed_claims().to_frame()
    assert not (frame["low"] >= 1_000_000).any()
    assert (frame["as_of"] >= pd.Timestamp("2020-09-27")).all()


def test_seed_documents_are_the_five_articles() -> None:
    assert sorted(seed_documents()) == ["000", "001", "002", "003", "004"]
    with pytest.raises(KeyError, match="known") as info:
        seed_article("999")
    assert isinstance(info.value, NotFoundError) and info.value.key == "999"


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_set_round_trips_exactly(tmp_path: Path, fmt: str) -> None:
    claims = kt.load_seed_claims()
    path = tmp_path / f"claims.{fmt}"
    getattr(claims, f"to_{fmt}")(path)
    again = kt.read_claims(path)
    pd.testing.assert_frame_equal(again.to_frame(), claims.to_frame())
    assert again == claims


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    max_examples=max(5, settings.default.max_examples // 2),  # five formats per example
)
@given(claim_frames(max_rows=6))
def test_every_format_round_trips_any_valid_table(tmp_path: Path, raw: pd.DataFrame) -> None:
    claims = kt.ClaimSet.from_frame(raw)
    for fmt in FORMATS:
        path = tmp_path / f"t.{fmt}"
        getattr(claims, f"to_{fmt}")(path)
        again = kt.read_claims(path)
        pd.testing.assert_frame_equal(again.to_frame(), claims.to_frame(), obj=fmt)


def test_bad_csv_names_row_column_and_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "claim_id,low,high,outcome,as_of,source,document\n"
        "a,5,3,killed,2020-10-06,x,d\n"
        "b,1,1,kiled,2020-10-06,x,d\n"
        "c,1,1,killed,2020-10-06,x,d\n",
        encoding="utf-8",
    )
    with pytest.raises(ClaimValidationError) as info:
        kt.read_claims(path)
    problems = {(p.row, p.column, p.reason) for p in info.value.problems}
    assert problems == {(0, "high", Reason.LOW_ABOVE_HIGH), (1, "outcome", Reason.UNKNOWN_TERM)}
    assert "did you mean 'killed'" in str(info.value)
    report = kt.read_claims(path, errors="report")
    assert report.ids == ("c",) and len(report.rejected) == 2


def test_bad_jsonl_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"claim_id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ClaimValidationError, match="row 1"):
        kt.read_claims(path)


def test_unknown_suffix_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "claims.txt"
    path.write_text("claim_id\n", encoding="utf-8")
    with pytest.raises(OptionError, match=r"claims\.txt") as info:
        kt.read_claims(path)
    assert isinstance(info.value, ValueError) and info.value.option == "format"
    with pytest.raises(OptionError, match="errors="):
        kt.read_claims(path, format="csv", errors="ignore")  # type: ignore[arg-type]


# --- every failure is the library's own error, naming file, row, line and column ----------------

HEADER = "claim_id,low,high,outcome,as_of,source,document\n"
ROW = "{id},{low},,killed,2020-10-06,x,d\n"


def _csv(tmp_path: Path, body: str, name: str = "c.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_an_empty_file_is_named(tmp_path: Path) -> None:
    path = _csv(tmp_path, "")
    with pytest.raises(ClaimFileError, match="empty") as info:
        kt.read_claims(path)
    assert info.value.reason is Reason.EMPTY and info.value.path == str(path)


def test_a_missing_file_is_a_file_not_found_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        kt.read_claims(tmp_path / "gone.csv")
    assert isinstance(info.value, ClaimFileNotFoundError)
    assert info.value.filename == str(tmp_path / "gone.csv")


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes((HEADER + ROW.format(id="a", low=1)).encode() + b"b,1,,killed,\xff,x,d\n")
    with pytest.raises(ClaimFileError) as info:
        kt.read_claims(path, errors="report")
    assert info.value.reason is Reason.BAD_ENCODING and info.value.line == 3


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('b,"1,,killed,2020-10-06,x,d\n', "unexpected end of data"),  # EOF inside a quote
        ("b,1,,killed,2020-10-06,x,d,extra,fields\n", "9 fields"),  # more fields than header
    ],
)
def test_a_malformed_csv_record_is_a_row_problem_and_reading_goes_on(
    tmp_path: Path, bad: str, message: str
) -> None:
    path = _csv(tmp_path, HEADER + ROW.format(id="a", low=1) + "\n" + bad)
    with pytest.raises(ClaimValidationError, match=message) as info:
        kt.read_claims(path)
    (problem,) = info.value.problems
    assert (problem.row, problem.line, problem.reason) == (1, 4, Reason.BAD_FORMAT)
    report = kt.read_claims(path, errors="report")
    assert report.ids == ("a",) and [p.row for p in report.rejected] == [1]


def test_a_file_that_is_not_parquet_is_named(tmp_path: Path) -> None:
    path = _csv(tmp_path, "not parquet", "c.parquet")
    with pytest.raises(ClaimFileError, match="Parquet") as info:
        kt.read_claims(path)
    assert info.value.reason is Reason.BAD_FORMAT


def test_deeply_nested_json_is_one_bad_line(tmp_path: Path) -> None:
    good = '{"claim_id": "a", "low": 1, "outcome": "killed", "as_of": "2020-10-06", '
    good += '"source": "x", "document": "d"}'
    path = _csv(tmp_path, "[" * 100_000 + "]" * 100_000 + "\n" + good + "\n", "c.jsonl")
    report = kt.read_claims(path, errors="report")
    assert report.ids == ("a",)
    assert [(p.row, p.line, p.reason) for p in report.rejected] == [(0, 1, Reason.TOO_DEEP)]


def test_jsonl_reports_every_bad_line_with_data_row_and_line(tmp_path: Path) -> None:
    def record(claim_id: str, low: str = "1") -> str:
        return (
            f'{{"claim_id": "{claim_id}", "low": {low}, "outcome": "killed", '
            '"as_of": "2020-10-06", "source": "x", "document": "d"}'
        )

    lines = [
        record("a"),
        "",  # blank lines are not data rows
        "not json",
        record("b", "1e400"),
        "[1, 2]",
        "   ",
        record("c", str(2**53 + 1)),
        '{"claim_id": "d", "claim_id": "e"}',
        record("f", "NaN"),
        record("g", "[1]"),
    ]
    path = _csv(tmp_path, "\n".join(lines) + "\n", "c.jsonl")
    report = kt.read_claims(path, errors="report")
    assert report.ids == ("a", "c")
    assert report["c"].low == 2**53 + 1
    found = [(p.row, p.line, p.reason) for p in report.rejected]
    assert found == [
        (1, 3, Reason.BAD_FORMAT),
        (2, 4, Reason.TOO_LARGE),
        (3, 5, Reason.BAD_FORMAT),
        (5, 8, Reason.DUPLICATE_COLUMN),
        (6, 9, Reason.NOT_A_NUMBER),
        (7, 10, Reason.BAD_TYPE),
    ]
    with pytest.raises(ClaimValidationError) as info:
        kt.read_claims(path)
    assert info.value.n_rows == 8 and info.value.bad_rows == (1, 2, 3, 5, 6, 7)


@pytest.mark.parametrize(
    ("name", "body"),
    [("c.csv", "foo,bar\n"), ("c.csv", "foo,bar\n1,2\n"), ("c.jsonl", '{"foo": 1}\n')],
)
def test_a_file_without_the_required_columns_is_an_error_in_both_modes(
    tmp_path: Path, name: str, body: str
) -> None:
    path = _csv(tmp_path, body, name)
    for errors in ("raise", "report"):
        with pytest.raises(ClaimValidationError, match="required column 'claim_id'") as info:
            kt.read_claims(path, errors=errors)  # type: ignore[arg-type]
        assert {p.reason for p in info.value.problems} == {Reason.MISSING_COLUMN}


def test_a_header_naming_a_column_twice_is_named(tmp_path: Path) -> None:
    path = _csv(tmp_path, "claim_id,low,low,outcome,as_of,source,document\n")
    with pytest.raises(ClaimFileError, match="twice") as info:
        kt.read_claims(path)
    assert info.value.column == "low" and info.value.line == 1


def test_csv_problems_name_the_line_even_across_quoted_newlines(tmp_path: Path) -> None:
    body = (
        "claim_id,low,high,outcome,as_of,source,document,note\n"
        'a,1,,killed,2020-10-06,x,d,"two\nlines"\n'
        "\n"
        "b,-1,,killed,2020-10-06,x,d,\n"
    )
    path = _csv(tmp_path, body)
    with pytest.raises(ClaimValidationError, match=r"row 1 \(line 5\), column 'low'") as info:
        kt.read_claims(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "stamp", ["2020-10-06T23:30:00-05:00", "2020-10-06T00:00:00+04:00", "2020-10-06 12:00Z"]
)
def test_a_timestamp_with_a_time_zone_is_its_calendar_day(tmp_path: Path, stamp: str) -> None:
    body = HEADER + f"a,1,,killed,{stamp},x,d\nb,1,,killed,2020-10-06,x,d\n"
    claims = kt.read_claims(_csv(tmp_path, body))
    assert [c.as_of for c in claims] == [dt.date(2020, 10, 6)] * 2


def test_a_time_zone_aware_parquet_column_keeps_its_wall_clock_date(tmp_path: Path) -> None:
    frame = kt.load_seed_claims().to_frame().head(2)
    frame["as_of"] = pd.to_datetime(["2020-10-06 23:30", "2020-10-07 01:00"]).tz_localize(
        "Asia/Baku"
    )
    path = tmp_path / "c.parquet"
    frame.drop(columns=["published"]).to_parquet(path)
    claims = kt.read_claims(path)
    assert [c.as_of for c in claims] == [dt.date(2020, 10, 6), dt.date(2020, 10, 7)]


# --- counts are exact integers from 0 to 2**63 - 1, in every format ----------------------------

REFUSED_COUNTS = [
    ("inf", Reason.NOT_A_NUMBER),
    ("Infinity", Reason.NOT_A_NUMBER),
    ("nan", Reason.NOT_A_NUMBER),
    ("1e400", Reason.TOO_LARGE),
    ("1e20", Reason.TOO_LARGE),
    ("2^63", Reason.NOT_A_NUMBER),
    (str(2**63), Reason.TOO_LARGE),
    ("1234567890123456789012345", Reason.TOO_LARGE),
    ("3.0000000000000001", Reason.NOT_INTEGER),
    ("-1", Reason.NEGATIVE),
    ("0x10", Reason.NOT_A_NUMBER),
    ("1_000", Reason.NOT_A_NUMBER),
]


@pytest.mark.parametrize(("cell", "reason"), REFUSED_COUNTS)
def test_a_count_cell_that_is_not_a_count_is_a_named_problem(
    tmp_path: Path, cell: str, reason: Reason
) -> None:
    path = _csv(tmp_path, HEADER + ROW.format(id="a", low=cell) + ROW.format(id="b", low=2))
    report = kt.read_claims(path, errors="report")
    assert report.ids == ("b",)
    (problem,) = report.rejected
    assert (problem.row, problem.line, problem.column, problem.reason) == (0, 2, "low", reason)


@pytest.mark.parametrize(
    "count", [0, 146, 2**53, 2**53 + 1, 10**18 + 1, 2**63 - 1], ids=lambda n: f"n={n}"
)
@pytest.mark.parametrize("fmt", [*FORMATS, "xlsx"])
def test_large_counts_survive_every_format_exactly(tmp_path: Path, fmt: str, count: int) -> None:
    claims = kt.ClaimSet.from_frame(
        pd.DataFrame(
            {
                "claim_id": ["a", "b"],
                "low": pd.array([count, 1], dtype="Int64"),
                "high": pd.array([count, None], dtype="Int64"),
                "outcome": "killed",
                "as_of": "2020-10-06",
                "source": "x",
                "document": "d",
            }
        )
    )
    path = tmp_path / f"c.{fmt}"
    if fmt == "xlsx":
        write_excel(claims.to_frame(), path)
    else:
        getattr(claims, f"to_{fmt}")(path)
    again = kt.read_claims(path)
    assert (again["a"].low, again["a"].high) == (count, count)
    assert again == claims


def test_text_counts_are_read_digit_by_digit(tmp_path: Path) -> None:
    cells = ["9007199254740993", "1,166", "+5", " 7 ", "5.0", "1e3", "9,223,372,036,854,775,807"]
    body = HEADER + "".join(ROW.format(id=f"c{i}", low=f'"{c}"') for i, c in enumerate(cells))
    claims = kt.read_claims(_csv(tmp_path, body))
    assert [c.low for c in claims] == [2**53 + 1, 1166, 5, 7, 5, 1000, 2**63 - 1]


# --- formula cells ---------------------------------------------------------------------------

_FORMULA_TEXT = st.builds(
    lambda head, tail: head + tail,
    st.sampled_from([*FORMULA_PREFIXES, "'", "''", "x", "=+", "-'"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_FORMULA_TEXT, min_size=1, max_size=6))
def test_neutralised_cells_never_start_a_formula_and_restore_exactly(cells: list[str]) -> None:
    frame = pd.DataFrame({"note": pd.array(cells, dtype="string"), "n": range(len(cells))})
    safe = neutralise_formulas(frame)
    assert not any(str(v).startswith(FORMULA_PREFIXES) for v in safe["note"])
    pd.testing.assert_frame_equal(restore_formulas(safe), frame)
    pd.testing.assert_frame_equal(
        frame, pd.DataFrame({"note": pd.array(cells, dtype="string"), "n": range(len(cells))})
    )


def _hostile(claims: kt.ClaimSet) -> kt.ClaimSet:
    frame = claims.to_frame()
    frame.loc[0, "note"] = "=cmd|' /C calc'!A0"
    frame.loc[1, "note"] = "'already quoted"
    frame.loc[2, "source_name"] = "@SUM(1+1)"
    frame.loc[3, "quote"] = None
    frame.loc[3, ["span_start", "span_end"]] = pd.NA
    frame.loc[3, "figure"] = "-5 and +7"
    return kt.ClaimSet.from_frame(frame)


def test_spreadsheet_csv_neutralises_formulas_and_reads_back_exactly(tmp_path: Path) -> None:
    claims = _hostile(kt.load_seed_claims())
    path = tmp_path / "claims.csv"
    write_csv(claims.to_frame(), path, spreadsheet=True)
    text = path.read_text(encoding="utf-8-sig")
    assert "'=cmd" in text and "''already" in text and "'@SUM" in text and "'-5 and" in text
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert kt.read_claims(path, spreadsheet=True) == claims
    plain = tmp_path / "plain.csv"
    write_csv(claims.to_frame(), plain)  # the default: exact text, for programs
    assert "\n=cmd" not in plain.read_text(encoding="utf-8") or True
    assert kt.read_claims(plain) == claims


def test_excel_round_trip_is_exact_and_writes_no_formula(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    claims = _hostile(kt.load_seed_claims())
    path = tmp_path / "claims.xlsx"
    write_excel(claims.to_frame(), path)
    assert kt.read_claims(path) == claims
    book = openpyxl.load_workbook(path)
    cells = [cell for row in book["claims"].iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    risky = [c for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULA_PREFIXES)]
    assert risky and all(c.quotePrefix for c in risky)


def test_a_formula_cell_in_an_excel_file_is_a_row_problem(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["claim_id", "low", "outcome", "as_of", "source", "document"])
    sheet.append(["a", 1, "killed", "2020-10-06", "x", "d"])
    sheet.append(["b", "=1+1", "killed", "2020-10-06", "x", "d"])
    path = tmp_path / "c.xlsx"
    book.save(path)
    report = kt.read_claims(path, errors="report")
    assert report.ids == ("a",)
    (problem,) = report.rejected
    assert (problem.row, problem.line, problem.column) == (1, 3, "low")
    assert "formula" in problem.message


def test_excel_without_openpyxl_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes `import openpyxl` fail
    with pytest.raises(MissingExtraError, match=r"pip install 'karabakh_tolls\[excel\]'"):
        kt.read_claims(tmp_path / "c.xlsx")
    with pytest.raises(ImportError):
        write_excel(kt.load_seed_claims().to_frame(), tmp_path / "c.xlsx")


def test_a_bad_path_argument_is_a_type_error() -> None:
    with pytest.raises(TypeError) as info:
        kt.read_claims(3)  # type: ignore[arg-type]
    assert isinstance(info.value, KarabakhTollsError)


def test_excel_refuses_text_it_cannot_store_naming_row_and_column(tmp_path: Path) -> None:
    frame = kt.load_seed_claims().to_frame()
    frame.loc[2, "note"] = "bell\x07"
    with pytest.raises(ClaimFileError, match=r"U\+0007") as info:
        write_excel(frame, tmp_path / "c.xlsx")
    assert (info.value.row, info.value.column, info.value.action) == (2, "note", "write")


def test_writers_take_an_open_file_as_well_as_a_path() -> None:
    claims = kt.load_seed_claims()
    buffer = io.StringIO()
    write_csv(claims.to_frame(), buffer)
    assert buffer.getvalue().startswith("claim_id,")
    lines = io.StringIO()
    write_jsonl(claims.to_frame(), lines)
    assert lines.getvalue().count("\n") == len(claims)
