"""Fuzzing the readers, the importers and ``extract`` with hostile input.

Every test here feeds mutated cells or mutated whole files and asserts the two promises of the
library: the result is a valid claim set or the library's own error (never a reader's, parser's
or solver's), and no row is lost -- the data rows in equal the valid claims plus the rows
reported bad. The tests are marked ``fuzz``: ``make test`` leaves them out, ``make fuzz`` runs
them with the many examples of the ``fuzz`` profile and CI with the bounded ``ci`` profile.
"""

from __future__ import annotations

import json
import re
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import ClaimValidationError, KarabakhTollsError, KarabakhTollsWarning
from karabakh_tolls.figures import MAX_COUNT
from karabakh_tolls.io import write_csv, write_excel, write_jsonl, write_parquet
from karabakh_tolls.testing.tables import claim_frames

pytestmark = [
    pytest.mark.fuzz,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]
_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Cells a hostile or careless table may hold: numbers beyond every limit, float spellings,
# formula text, quoting and line-break characters, dates with zones, terms of the trees.
HOSTILE_TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "nan",
            "NaN",
            "inf",
            "-inf",
            "Infinity",
            "1e400",
            "1e20",
            "1e-400",
            "2^63",
            str(2**63),
            str(2**63 - 1),
            str(2**53 + 1),
            "9" * 30,
            "3.0000000000000001",
            "-0",
            "+5",
            "1,166",
            "1,2,3",
            "0x10",
            "1_000",
            "=1+1",
            "@SUM(A1)",
            "-5",
            "'quoted",
            '"',
            '""',
            "a,b",
            "line\nbreak",
            "\r",
            "\t",
            "\x00",
            "\ufeff",
            "2020-02-30",
            "2020-10-06T23:30:00-05:00",
            "2020-10-06",
            "10/06/2020",
            "killed",
            "all",
            "civilian",
            "nagorno-karabakh",
            "incident",
            "partial",
        ]
    ),
    st.integers(-(2**70), 2**70).map(str),
    st.text(max_size=12),
)

# Values a JSON Lines cell may hold: any JSON type, numbers past every limit.
HOSTILE_JSON = st.one_of(
    HOSTILE_TEXT,
    st.none(),
    st.booleans(),
    st.integers(-(2**80), 2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.integers(0, 9), max_size=2),
    st.dictionaries(st.sampled_from(["a", "low"]), st.integers(0, 9), max_size=1),
)

HOSTILE_BYTES = st.sampled_from(
    [b'"', b",", b"\n", b"\r", b"\r\n", b"\xff", b"\x00", b"{", b"}", b"[", b"'", b"\xef\xbb\xbf"]
) | st.binary(min_size=1, max_size=3)


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _valid(claims: kt.ClaimSet) -> None:
    """Every claim of a set read from a file is a valid claim with exact bounds."""
    frame = claims.to_frame()
    assert frame["low"].notna().all()
    assert ((frame["low"] >= 0) & (frame["low"] <= MAX_COUNT)).all()
    high = frame["high"].dropna()
    assert (high >= frame.loc[high.index, "low"]).all() and (high <= MAX_COUNT).all()
    again = kt.ClaimSet.from_frame(frame, wars=claims.wars or None)
    assert again == claims


def check_reading(path: Path, n_rows: int | None = None) -> kt.ClaimSet | None:
    """Read ``path`` in both modes and check they agree and lose no row.

    Returns the claims read in report mode, or ``None`` when the file is refused as a whole
    (which must then be the library's own error in both modes).
    """
    try:
        report = kt.read_claims(path, errors="report")
    except KarabakhTollsError:
        with pytest.raises(KarabakhTollsError):
            kt.read_claims(path)
        return None
    _valid(report)
    assert all(p.row is not None for p in report.rejected)  # a whole-table problem raises
    bad_rows = {p.row for p in report.rejected}
    if n_rows is not None:
        assert len(report) + len(bad_rows) == n_rows
        assert bad_rows <= set(range(n_rows))
    if report.rejected:
        with pytest.raises(ClaimValidationError) as info:
            kt.read_claims(path)
        assert info.value.problems == report.rejected
        assert info.value.n_rows == len(report) + len(bad_rows)
    else:
        assert kt.read_claims(path) == report
    return report


def _plain(claims: kt.ClaimSet) -> pd.DataFrame:
    """The claim table with every cell as text (what a CSV file holds)."""
    frame = claims.to_frame()
    for column in frame.columns:
        if str(frame[column].dtype).startswith("datetime"):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return frame.astype(object).where(frame.notna(), None)


@st.composite
def cell_mutations(
    draw: st.DrawFn, frame: pd.DataFrame, values: st.SearchStrategy[Any]
) -> pd.DataFrame:
    """``frame`` with a few cells replaced by hostile values."""
    out = frame.copy()
    if len(out) == 0:
        return out
    for _ in range(draw(st.integers(1, 6))):
        row = draw(st.integers(0, len(out) - 1))
        column = draw(st.sampled_from(list(out.columns)))
        out.at[row, column] = draw(values)
    return out


def _byte_mutations(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for position, action, chunk in edits:
        at = position % (len(out) + 1)
        if action == 0:
            out[at:at] = chunk
        elif action == 1:
            del out[at : at + len(chunk)]
        else:
            out[at : at + len(chunk)] = chunk
    return bytes(out)


_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # .xlsx cannot store these
EDITS = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 2), HOSTILE_BYTES), min_size=1, max_size=6
)
TABLES = claim_frames(max_rows=5).map(kt.ClaimSet.from_frame)


# --- read_claims -----------------------------------------------------------------------------


@_SETTINGS
@given(st.data(), TABLES)
def test_csv_with_mutated_cells_is_read_or_refused_and_loses_no_row(
    data: st.DataObject, claims: kt.ClaimSet
) -> None:
    frame = data.draw(cell_mutations(_plain(claims), HOSTILE_TEXT))
    with _folder() as folder:
        path = folder / "c.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        n_rows = len(pd.read_csv(path, dtype=str, keep_default_na=False, index_col=False))
        check_reading(path, n_rows)


@_SETTINGS
@given(TABLES, EDITS)
def test_csv_with_mutated_bytes_is_read_or_refused(
    claims: kt.ClaimSet, edits: list[tuple[int, int, bytes]]
) -> None:
    with _folder() as folder:
        path = folder / "c.csv"
        write_csv(claims.to_frame(), path)
        path.write_bytes(_byte_mutations(path.read_bytes(), edits))
        check_reading(path)


@_SETTINGS
@given(st.data(), TABLES)
def test_jsonl_with_mutated_values_is_read_or_refused_and_loses_no_row(
    data: st.DataObject, claims: kt.ClaimSet
) -> None:
    frame = data.draw(cell_mutations(_plain(claims), HOSTILE_JSON))
    lines = [json.dumps(record, default=str) for record in frame.to_dict(orient="records")]
    extra = data.draw(
        st.lists(st.sampled_from(["", "  ", "null", "[1]", "{", '"x"', "{}"]), max_size=3)
    )
    for line in extra:
        lines.insert(data.draw(st.integers(0, len(lines))), line)
    with _folder() as folder:
        path = folder / "c.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        check_reading(path, sum(1 for line in lines if line.strip()))


@_SETTINGS
@given(TABLES, EDITS)
def test_jsonl_with_mutated_bytes_is_read_or_refused(
    claims: kt.ClaimSet, edits: list[tuple[int, int, bytes]]
) -> None:
    with _folder() as folder:
        path = folder / "c.jsonl"
        write_jsonl(claims.to_frame(), path)
        path.write_bytes(_byte_mutations(path.read_bytes(), edits))
        check_reading(path)


PARQUET_COLUMNS = st.sampled_from(
    ["low", "high", "span_start", "as_of", "since", "claim_id", "outcome"]
)
PARQUET_VALUES = st.one_of(
    st.lists(st.integers(-(2**63), 2**63 - 1), min_size=1).map(
        lambda v: pd.array(v, dtype="Int64")
    ),
    st.lists(st.integers(0, 2**64 - 1), min_size=1).map(lambda v: pd.array(v, dtype="UInt64")),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1).map(np.array),
    st.lists(HOSTILE_TEXT, min_size=1).map(lambda v: pd.array(v, dtype="string")),
    st.lists(st.booleans(), min_size=1).map(np.array),
    st.lists(st.datetimes(), min_size=1).map(lambda v: pd.to_datetime(v).tz_localize("UTC")),
)


@_SETTINGS
@given(st.data(), TABLES)
def test_parquet_with_retyped_columns_is_read_or_refused_and_loses_no_row(
    data: st.DataObject, claims: kt.ClaimSet
) -> None:
    frame = claims.to_frame()
    assume(len(frame) > 0)
    for _ in range(data.draw(st.integers(1, 3))):
        column = data.draw(PARQUET_COLUMNS)
        values = data.draw(PARQUET_VALUES)
        cycled = [values[i % len(values)] for i in range(len(frame))]
        frame[column] = pd.Series(cycled, dtype=values.dtype)
    with _folder() as folder:
        path = folder / "c.parquet"
        try:
            frame.to_parquet(path, index=False)
        except Exception:
            assume(False)
        check_reading(path, len(frame))


@_SETTINGS
@given(TABLES, EDITS)
def test_parquet_with_mutated_bytes_is_read_or_refused(
    claims: kt.ClaimSet, edits: list[tuple[int, int, bytes]]
) -> None:
    with _folder() as folder:
        path = folder / "c.parquet"
        write_parquet(claims.to_frame(), path)
        path.write_bytes(_byte_mutations(path.read_bytes(), edits))
        check_reading(path)


@_SETTINGS
@given(st.data(), TABLES)
def test_excel_with_mutated_cells_is_read_or_refused_and_loses_no_row(
    data: st.DataObject, claims: kt.ClaimSet
) -> None:
    pytest.importorskip("openpyxl")
    storable = HOSTILE_TEXT.filter(lambda s: not _XLSX_ILLEGAL.search(s))
    frame = data.draw(cell_mutations(_plain(claims), storable))
    with _folder() as folder:
        path = folder / "c.xlsx"
        write_excel(frame, path)
        check_reading(path, len(frame))


# --- importers -------------------------------------------------------------------------------

ACLED = pd.DataFrame(
    {
        "event_id_cnty": ["AZE1", "AZE2", "AZE3"],
        "event_date": ["17 October 2020", "2020-10-11", "4 Oct 2020"],
        "event_type": ["Explosions/Remote violence", "Violence against civilians", "Battles"],
        "actor1": ["Military Forces of Armenia", "Military Forces of Azerbaijan", ""],
        "country": ["Azerbaijan", "Azerbaijan", "Armenia"],
        "admin1": ["Ganja-Gazakh", "", "Syunik"],
        "fatalities": ["13", "2", "0"],
        "source": ["Trend", "APA", ""],
    }
)
GED = pd.DataFrame(
    {
        "id": ["1", "2", "3"],
        "date_start": ["2020-10-17", "2020-10-04", "2020-09-27"],
        "date_end": ["2020-10-17", "2020-10-05", "2020-09-27"],
        "country": ["Azerbaijan", "Azerbaijan", "Armenia"],
        "adm_1": ["Ganja", "", "Syunik"],
        "type_of_violence": ["1", "3", "1"],
        "side_a": ["Government of Armenia", "Government of Azerbaijan", "Government of Armenia"],
        "side_b": ["Government of Azerbaijan", "Civilians", "Government of Azerbaijan"],
        "deaths_a": ["1", "0", "2"],
        "deaths_b": ["2", "0", "1"],
        "deaths_civilians": ["10", "4", "0"],
        "deaths_unknown": ["0", "0", "0"],
        "low": ["10", "3", "3"],
        "best": ["13", "4", "3"],
        "high": ["15", "6", "3"],
        "conflict_new_id": ["388", "388", "388"],
    }
)
# The UCDP split adds (high - best) to a part: with counts near 2**63 the sum passes the largest
# count and the importer raises instead of reporting the row (its owner is told), so the fuzzed
# cells stay below 2**62 here.
# ASCII digits only: str.isdigit() is also true of '²', which int() refuses.
_INTEGER = re.compile(r"[+-]?[0-9]+")
IMPORT_TEXT = HOSTILE_TEXT.filter(lambda s: not _INTEGER.fullmatch(s) or abs(int(s)) < 2**62)


def _rows_accounted(claims: kt.ClaimSet, ids: list[str], prefix: str) -> None:
    reported = {p.row for p in claims.rejected if p.row is not None}
    for row, event in enumerate(ids):
        assert f"{prefix}{event}" in claims.ids or row in reported, (row, event)


@_SETTINGS
@given(st.data())
def test_acled_with_mutated_cells_imports_or_names_every_row(data: st.DataObject) -> None:
    frame = data.draw(cell_mutations(ACLED, IMPORT_TEXT))
    assume(frame["event_id_cnty"].is_unique)
    try:
        claims = kt.from_acled(frame, errors="report")
    except KarabakhTollsError:
        return
    _valid(claims)
    _rows_accounted(claims, [str(e).strip() for e in frame["event_id_cnty"]], "acled-")


@_SETTINGS
@given(st.data())
def test_ucdp_with_mutated_cells_imports_or_names_every_row(data: st.DataObject) -> None:
    frame = data.draw(cell_mutations(GED, IMPORT_TEXT))
    assume(frame["id"].is_unique)
    try:
        claims = kt.from_ucdp_ged(frame, errors="report")
    except KarabakhTollsError:
        return
    _valid(claims)
    _rows_accounted(claims, [str(e).strip() for e in frame["id"]], "ucdp-")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | HOSTILE_TEXT,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["name", "notes", "sources", "low", "high", "year", "perpetrator", "victims_group"]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)
SIDE = st.fixed_dictionaries(
    {"name": st.sampled_from(["Armenian / Artsakh side", "Azerbaijani side", "x"]) | JSON_VALUES},
    optional={
        "military_killed": st.fixed_dictionaries(
            {},
            optional={
                "notes": st.sampled_from(
                    ["3,712 servicemen in 2020.", "at least 94 in 2020; 100 for 2020", ""]
                )
                | JSON_VALUES,
                "sources": JSON_VALUES,
            },
        )
        | JSON_VALUES,
        "civilians_killed_directly": JSON_VALUES,
    },
)
RANGES = st.fixed_dictionaries(
    {"war_id": JSON_VALUES},
    optional={
        "sides": st.lists(SIDE | JSON_VALUES, max_size=3) | JSON_VALUES,
        "key_atrocities": JSON_VALUES,
        "totals": JSON_VALUES,
        "sources": JSON_VALUES,
    },
)


@_SETTINGS
@given(RANGES)
def test_source_ranges_from_any_json_import_or_raise_our_error(document: dict[str, Any]) -> None:
    try:
        claims = kt.from_source_ranges(document, errors="report")
    except KarabakhTollsError:
        return
    _valid(claims)


# --- extract ---------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "more than ",
        "at least ",
        "some ",
        "nearly ",
        "dozens of ",
        "between 3 and 5 ",
        "1,166 ",
        "19 ",
        "2020 ",
        str(2**63) + " ",
        "9" * 25 + " ",
        "1e400 ",
        "civilians ",
        "servicemen ",
        "were killed ",
        "wounded ",
        "in Ganja ",
        "Azerbaijan said ",
        "according to the ombudsman, ",
        "on October 6, ",
        "300mm ",
        "50 percent ",
        ". ",
        "; ",
        "\n",
        "\u00a0",
        "\u2013",
        '"',
        ",,,,",
        "1" + "," * 50 + "a ",
    ]
)
TEXTS = st.lists(FRAGMENTS | st.text(max_size=8), max_size=40).map("".join)


@_SETTINGS
@given(TEXTS)
def test_extract_from_any_text_gives_valid_claims_or_our_error(text: str) -> None:
    try:
        with warnings.catch_warnings():  # e.g. "the text looks Italian": a warning, not an error
            warnings.simplefilter("ignore", KarabakhTollsWarning)
            claims = kt.extract(text, published="2020-10-06", document="fz")
    except KarabakhTollsError:
        return
    _valid(claims)
    for claim in claims:
        assert claim.span is not None and text[claim.span[0] : claim.span[1]] == claim.quote
