"""Reading and writing claim tables: CSV, JSON Lines, Parquet and Excel, and the bundled seeds.

Every reader validates (see :func:`karabakh_tolls.frame.validate_frame`): a file with bad rows
raises one :class:`~karabakh_tolls.errors.ClaimValidationError` naming every bad row (its
0-based position among the data rows, the line of the file where it starts, the column and the
reason), or, with ``errors="report"``, yields the good rows and names the others in
``ClaimSet.rejected``: every data row is either a claim or a reported problem. A file that
cannot be read as a table at all (missing, empty, not UTF-8, not Parquet, without the required
columns) raises :class:`~karabakh_tolls.errors.ClaimFileError` or, for a missing required
column, a ``ClaimValidationError`` -- never a reader's own exception, and never "0 claims".
Writing and reading back gives an equal :class:`~karabakh_tolls.claims.ClaimSet` in every
format.

**Formula cells.** A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some also after a tab or carriage return) as a formula, which is how a hostile source
name can run code on a reviewer's machine. :func:`write_excel` never writes a formula: every
text cell is stored as text, and one that starts with such a character also carries Excel's
own "text, typed with a leading apostrophe" flag, so the file reads back exactly.
:func:`write_csv` writes cells unchanged by default (an exact, machine-readable round trip);
with ``spreadsheet=True`` it prefixes such cells, and every cell starting with an apostrophe,
with one apostrophe, which ``read_claims(path, spreadsheet=True)`` removes again.

With ``engine="dask"``, :func:`read_claims` reads nothing yet: it returns a
:class:`~karabakh_tolls.distributed.LazyClaims` of every file a folder or glob pattern names,
each file read and validated as above (one Dask partition a file) when the set is reconciled.

This module imports pandas, numpy, pyarrow, the standard library and the package's ``claims``,
``claimset``, ``distributed``, ``errors``, ``frame``, ``scopes``, ``wars`` and ``writers``
modules; openpyxl (the optional extra ``excel``) only when an Excel file is read or written.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, partial
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, Literal, overload

import numpy as np
import pandas as pd
import pyarrow as pa

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.distributed import Engine, LazyClaims, check_engine, lazy_claims
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimFileError,
    ClaimValidationError,
    NotFoundError,
    OptionError,
    Problem,
    Reason,
)
from karabakh_tolls.frame import SCHEMA, absent_required
from karabakh_tolls.scopes import ScopeTrees
from karabakh_tolls.wars import War
from karabakh_tolls.writers import (
    FORMULA_PREFIXES,
    _check_path,
    _open_error,
    _openpyxl,
    neutralise_formulas,
    restore_formulas,
    write_csv,
    write_excel,
    write_jsonl,
    write_parquet,
)

__all__ = [
    "FORMULA_PREFIXES",
    "load_seed_claims",
    "neutralise_formulas",
    "read_claims",
    "read_csv_table",
    "restore_formulas",
    "seed_article",
    "seed_documents",
    "write_csv",
    "write_excel",
    "write_jsonl",
    "write_parquet",
]

Format = Literal["csv", "jsonl", "parquet", "excel"]
Errors = Literal["raise", "report"]
_FORMATS: Final = ("csv", "jsonl", "parquet", "excel")
_SUFFIXES: dict[str, Format] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "excel",
}
_DATE_COLUMNS = tuple(c.name for c in SCHEMA if c.dtype.startswith("datetime"))
_COUNT_COLUMNS = tuple(c.name for c in SCHEMA if c.dtype == "Int64")
_MAX_JSON_INT_DIGITS: Final = 19


# --- the table read from a file, before validation --------------------------------------------


@dataclass
class _Table:
    """A file's data rows as a frame, with where each row came from and the rows refused."""

    frame: pd.DataFrame
    rows: np.ndarray  # data-row position of each frame row
    lines: np.ndarray | None  # 1-based line (or sheet row) where each frame row starts
    n_rows: int  # data rows in the file, refused ones included
    problems: list[Problem] = field(default_factory=list)


def _format_of(path: str | os.PathLike[str], given: Format | None) -> Format:
    if given is not None:
        if given not in _FORMATS:
            raise OptionError("format", given, _FORMATS)
        return given
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise OptionError(
            "format",
            None,
            (),
            f"cannot tell the format of {os.fspath(path)!r} from its suffix {suffix!r}; "
            f"pass format= one of {', '.join(map(repr, _FORMATS))}",
        ) from None


def _encoding_error(path: str | os.PathLike[str]) -> ClaimFileError:
    """The file's first byte that is not UTF-8, with its line."""
    data = Path(path).read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex()
        return ClaimFileError(
            path,
            Reason.BAD_ENCODING,
            f"byte 0x{byte} at offset {error.start} is not UTF-8 text (save the file as UTF-8)",
            line=line,
        )
    return ClaimFileError(path, Reason.BAD_ENCODING, "the file is not UTF-8 text")


def _text_frame(header: Sequence[str], rows: Sequence[Sequence[object]]) -> pd.DataFrame:
    """Columns of Python objects (``None`` where missing), never guessed into floats."""
    width = len(header)
    columns: dict[str, list[object]] = {name: [None] * len(rows) for name in header}
    for i, row in enumerate(rows):
        for j, name in enumerate(header):
            if j < len(row):
                columns[name][i] = row[j]
    frame = pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in columns.items()}
    )
    if width == 0:
        frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    return frame


def _duplicates(names: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    return [n for n in names if n in seen or seen.add(n)]  # type: ignore[func-returns-value]


# --- CSV ---------------------------------------------------------------------------------------


@contextmanager
def _unlimited_fields() -> Iterator[None]:
    """Let the csv module read fields of any length (its default stops at 128 kB)."""
    previous = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_header(path: str | os.PathLike[str]) -> list[str] | None:
    """The header record exactly as written (``None`` for an empty file)."""
    with _unlimited_fields(), open(path, encoding="utf-8-sig", newline="") as handle:
        for record in csv.reader(handle):
            if record and any(cell.strip() for cell in record):
                return record
    return None


def _record_lines(path: str | os.PathLike[str], n_rows: int) -> np.ndarray | None:
    """The 1-based line where each data record of a CSV file starts, or ``None`` if unsure.

    A newline ends a record when an even number of quote characters comes before it; records
    with nothing but blanks are skipped, as the reader skips them. When the count of records
    found differs from ``n_rows`` (an unusual dialect), no lines are given rather than wrong ones.
    """
    data = np.frombuffer(Path(path).read_bytes(), dtype=np.uint8)
    newlines = np.flatnonzero(data == ord("\n"))
    quotes = np.flatnonzero(data == ord('"'))
    ends = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(data)]))
    blank = set(b" \t\r\n\x0b\x0c")
    raw = data.tobytes()
    kept = [
        int(start)
        for start, stop in zip(starts, stops, strict=True)
        if start < stop and not set(raw[start:stop]) <= blank
    ]
    if len(kept) != n_rows + 1:  # the header is the first record
        return None
    line_of = np.searchsorted(newlines, np.asarray(kept[1:], dtype=np.int64)) + 1
    return np.asarray(line_of, dtype=np.int64)


def _read_csv(path: str | os.PathLike[str]) -> _Table:
    try:
        header = _csv_header(path)
    except UnicodeDecodeError:
        raise _encoding_error(path) from None
    except csv.Error as error:
        raise ClaimFileError(path, Reason.BAD_FORMAT, f"the header is not CSV: {error}") from None
    if header is None:
        raise ClaimFileError(path, Reason.EMPTY, "the file is empty: no header line", line=1)
    for name in _duplicates(header):
        raise ClaimFileError(
            path,
            Reason.DUPLICATE_COLUMN,
            f"the header names column {name!r} twice",
            line=1,
            column=name,
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                path,
                dtype="string",
                keep_default_na=False,
                na_values=[""],
                index_col=False,
                encoding="utf-8",
            )
    except UnicodeDecodeError:
        raise _encoding_error(path) from None
    except (pd.errors.ParserError, pd.errors.ParserWarning):
        return _read_csv_records(path, header)
    except pd.errors.EmptyDataError:
        raise ClaimFileError(path, Reason.EMPTY, "the file has no header line", line=1) from None
    n = len(frame)
    return _Table(frame, np.arange(n), None, n)


def _read_csv_records(path: str | os.PathLike[str], header: list[str]) -> _Table:
    """The careful reader for a malformed CSV file: each bad record is a problem, and reading
    goes on after it."""
    rows: list[list[str]] = []
    positions: list[int] = []
    lines: list[int] = []
    problems: list[Problem] = []
    count = 0
    with _unlimited_fields(), open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        start = 1
        seen_header = False
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                problems.append(
                    Problem(count, None, Reason.BAD_FORMAT, "", f"not CSV: {error}", line=start)
                )
                count += 1
                start = reader.line_num + 1
                continue
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if not seen_header:
                seen_header = True
                continue
            if len(record) > len(header):
                problems.append(
                    Problem(
                        count,
                        None,
                        Reason.BAD_FORMAT,
                        ",".join(record)[:80],
                        f"the row has {len(record)} fields; the header has {len(header)}",
                        line=line,
                    )
                )
            else:
                rows.append([cell if cell != "" else None for cell in record])  # type: ignore[misc]
                positions.append(count)
                lines.append(line)
            count += 1
    frame = _text_frame(header, rows).astype("string")
    return _Table(frame, np.asarray(positions, dtype=np.int64), np.asarray(lines), count, problems)


# --- JSON Lines --------------------------------------------------------------------------------


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in pairs:
        if key in record:
            raise _DuplicateKeyError(key)
        record[key] = value
    return record


def _json_int(text: str) -> int | Decimal:
    # Python refuses to convert very long digit strings to int; a Decimal holds them exactly
    # and validation then names the count as too large.
    return int(text) if len(text.lstrip("-")) <= _MAX_JSON_INT_DIGITS else Decimal(text)


def _json_constant(text: str) -> str:
    return text  # NaN, Infinity, -Infinity: kept as text, which validation refuses as a count


def _read_jsonl(path: str | os.PathLike[str]) -> _Table:
    records: list[dict[str, Any]] = []
    positions: list[int] = []
    lines: list[int] = []
    problems: list[Problem] = []
    count = 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            row, count = count, count + 1
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                message = f"byte {error.start + 1} of the line is not UTF-8"
                problems.append(Problem(row, None, Reason.BAD_ENCODING, "", message, line=number))
                continue
            refused = _json_record(text)
            if isinstance(refused, list):
                problems += [Problem(row, c, r, v, m, line=number) for c, r, v, m in refused]
                continue
            records.append(refused)
            positions.append(row)
            lines.append(number)
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = [[record.get(key) for key in header] for record in records]
    frame = _text_frame(header, rows)
    return _Table(frame, np.asarray(positions, dtype=np.int64), np.asarray(lines), count, problems)


def _json_record(text: str) -> dict[str, Any] | list[tuple[str | None, Reason, str, str]]:
    """One line's object, or its problems as (column, reason, value, message)."""
    shown = text.strip()[:80]
    try:
        record = json.loads(
            text,
            parse_int=_json_int,
            parse_float=Decimal,
            parse_constant=_json_constant,
            object_pairs_hook=_no_duplicates,
        )
    except _DuplicateKeyError as error:
        key = str(error.args[0])
        return [(key, Reason.DUPLICATE_COLUMN, shown, f"key {key!r} appears twice")]
    except json.JSONDecodeError as error:
        message = f"not JSON: {error.msg} at character {error.pos + 1}"
        return [(None, Reason.BAD_FORMAT, shown, message)]
    except RecursionError:
        return [(None, Reason.TOO_DEEP, shown, "the JSON is nested too deeply to read")]
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        return [(None, Reason.BAD_FORMAT, shown, f"a JSON {kind}, not an object")]
    nested = [
        (key, Reason.BAD_TYPE, shown, f"{key} holds a JSON {_JSON_KINDS[type(value)]}, not a value")
        for key, value in record.items()
        if isinstance(value, dict | list)
    ]
    return nested or record


_JSON_KINDS: Final = {
    dict: "object",
    list: "array",
    str: "string",
    Decimal: "number",
    int: "number",
}


# --- Parquet -----------------------------------------------------------------------------------


def _read_parquet(path: str | os.PathLike[str]) -> _Table:
    try:
        frame = pd.read_parquet(path)
    except (pa.ArrowException, ValueError, TypeError, OverflowError) as error:
        raise ClaimFileError(
            path, Reason.BAD_FORMAT, f"not a readable Parquet file: {error}"
        ) from None
    names = [str(c) for c in frame.columns]
    for name in _duplicates(names):
        raise ClaimFileError(
            path, Reason.DUPLICATE_COLUMN, f"column {name!r} appears twice", column=name
        )
    frame = frame.set_axis(names, axis=1).reset_index(drop=True)
    n = len(frame)
    table = _Table(frame, np.arange(n), None, n)
    _refuse_nested(table)
    return table


def _refuse_nested(table: _Table) -> None:
    """Cells holding lists, arrays or mappings are problems: a cell holds one value."""
    frame = table.frame
    bad = np.zeros(len(frame), dtype=bool)
    for name in frame.columns:
        column = frame[name]
        if column.dtype != object:
            continue
        nested = np.fromiter(
            (isinstance(v, list | tuple | dict | np.ndarray) for v in column.to_numpy()),
            dtype=bool,
            count=len(frame),
        )
        for pos in np.flatnonzero(nested):
            table.problems.append(
                Problem(
                    int(table.rows[pos]),
                    str(name),
                    Reason.BAD_TYPE,
                    repr(column.iloc[pos])[:80],
                    f"{name} holds a {type(column.iloc[pos]).__name__}; a cell holds one value",
                )
            )
        bad |= nested
    if bad.any():
        table.frame = frame.loc[~bad].reset_index(drop=True)
        table.rows = table.rows[~bad]


# --- Excel -------------------------------------------------------------------------------------


def _read_excel(path: str | os.PathLike[str]) -> _Table:
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except OSError:
        raise
    except Exception as error:  # zip, XML and openpyxl's own errors: not an Excel file
        raise ClaimFileError(
            path, Reason.BAD_FORMAT, f"not a readable .xlsx file: {type(error).__name__}: {error}"
        ) from None
    try:
        sheet = book["claims"] if "claims" in book.sheetnames else book.worksheets[0]
        header: list[str] | None = None
        rows: list[list[object]] = []
        positions: list[int] = []
        lines: list[int] = []
        problems: list[Problem] = []
        count = 0
        for cells in sheet.iter_rows():
            values = [cell.value for cell in cells]
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            number = int(next(c.row for c in cells if getattr(c, "row", None)))
            if header is None:
                header = _excel_header(path, values, number)
                continue
            row, count = count, count + 1
            here = []
            for j, cell in enumerate(cells):
                name = header[j] if j < len(header) else None
                if cell.value is None:
                    continue
                if name is None:
                    here.append(
                        Problem(
                            row,
                            None,
                            Reason.BAD_FORMAT,
                            str(cell.value)[:80],
                            f"a value in column {j + 1}, which has no header",
                            line=number,
                        )
                    )
                elif cell.data_type == "f":
                    here.append(
                        Problem(
                            row,
                            name,
                            Reason.BAD_VALUE,
                            str(cell.value)[:80],
                            "the cell holds a formula; a claims sheet holds values only",
                            line=number,
                        )
                    )
            if here:
                problems.extend(here)
                continue
            rows.append(values[: len(header)])
            positions.append(row)
            lines.append(number)
    finally:
        book.close()
    if header is None:
        raise ClaimFileError(path, Reason.EMPTY, "the sheet is empty: no header row")
    frame = _text_frame(header, rows)
    return _Table(frame, np.asarray(positions, dtype=np.int64), np.asarray(lines), count, problems)


def _excel_header(path: str | os.PathLike[str], values: list[object], number: int) -> list[str]:
    while values and values[-1] is None:
        values = values[:-1]
    header = [str(v).strip() if v is not None else f"column {j + 1}" for j, v in enumerate(values)]
    for name in _duplicates(header):
        raise ClaimFileError(
            path,
            Reason.DUPLICATE_COLUMN,
            f"the header names column {name!r} twice",
            line=number,
            column=name,
        )
    return header


# --- dates written with a time or a time zone --------------------------------------------------

_TIMESTAMP: Final = re.compile(
    r"\s*(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*"
)


def _calendar_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """Timestamps in date columns become the calendar day they name on their own clock.

    ``2020-10-06T23:30:00-05:00`` is 2020-10-06 where it was written, whatever the hour is in
    UTC; a time-zone-aware column keeps its wall-clock dates. The frame is not modified.
    """
    out = frame
    for name in _DATE_COLUMNS:
        if name not in frame.columns:
            continue
        column = frame[name]
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            fixed = column.dt.tz_localize(None)
        elif column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            fixed = column.map(_calendar_day, na_action="ignore")
        else:
            continue
        if out is frame:
            out = frame.copy()
        out[name] = fixed
    return out


def _calendar_day(value: object) -> object:
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, str):
        match = _TIMESTAMP.fullmatch(value)
        if match:
            return match.group(1)
    return value


# --- formula cells -----------------------------------------------------------------------------


# --- reading -----------------------------------------------------------------------------------


@overload
def read_claims(
    path: str | os.PathLike[str],
    *,
    wars: Iterable[War | str] | War | str | None = ...,
    format: Format | None = ...,
    trees: ScopeTrees | None = ...,
    errors: Errors = ...,
    spreadsheet: bool = ...,
    engine: Literal["pandas"] = ...,
) -> ClaimSet: ...


@overload
def read_claims(
    path: str | os.PathLike[str],
    *,
    wars: Iterable[War | str] | War | str | None = ...,
    format: Format | None = ...,
    trees: ScopeTrees | None = ...,
    errors: Errors = ...,
    spreadsheet: bool = ...,
    engine: Literal["dask"],
) -> LazyClaims: ...


def read_claims(
    path: str | os.PathLike[str],
    *,
    wars: Iterable[War | str] | War | str | None = None,
    format: Format | None = None,
    trees: ScopeTrees | None = None,
    errors: Errors = "raise",
    spreadsheet: bool = False,
    engine: Engine = "pandas",
) -> ClaimSet | LazyClaims:
    """Read and validate a claim table from CSV, JSON Lines, Parquet or Excel.

    The format follows the file suffix (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``/``.pq``,
    ``.xlsx``) unless ``format`` is given. Counts are read exactly (never through floats): a
    count that is not a whole number from 0 to 2**63 - 1 is a named problem. A date written
    with a time or a time zone is the calendar day it names on its own clock.

    The ``war`` column names each claim's war by id: a war of ``wars`` or a bundled one. A file
    without that column belongs to the one war given (by default the bundled 2020
    Nagorno-Karabakh war); with several wars given, every row must name its war. ``trees``
    replaces the scope trees of that one war.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    wars : War, war id, or a sequence of them, optional
        The wars the ``war`` column may name, besides the bundled ones.
    format : {"csv", "jsonl", "parquet", "excel"}, optional
        The format, when the suffix does not tell it.
    trees : ScopeTrees, optional
        Scope trees for a file of one war (they replace that war's trees).
    errors : {"raise", "report"}, default "raise"
        ``"raise"``: any bad row raises one error listing every problem. ``"report"``: the good
        rows are kept and every other data row is named in ``ClaimSet.rejected``; a JSON Lines
        line or CSV record that cannot be parsed is one such problem and reading goes on.
    spreadsheet : bool, default False
        Remove the apostrophe that ``write_csv(..., spreadsheet=True)`` put before text cells
        (see :func:`neutralise_formulas`). Excel files never need it.
    engine : {"pandas", "dask"}, default "pandas"
        ``"dask"`` (the optional extra ``dask``): ``path`` is a folder (its Parquet files), a
        glob pattern (``"claims/*.parquet"``) or one file, and a lazy claim set of those files
        is returned without reading them; each file is read and validated as above when the set
        is reconciled (``reconcile_all(lazy, engine="dask")``) or validated
        (``lazy.validate()``), and every problem names its file. Without ``wars``, a
        ``wars.json`` in the folder (as ``synthetic.write_wars`` writes) gives the wars.

    Returns
    -------
    ClaimSet or LazyClaims
        The valid claims, in file order; with ``engine="dask"`` a
        :class:`~karabakh_tolls.distributed.LazyClaims`.

    Raises
    ------
    ClaimValidationError
        Bad rows (with ``errors="raise"``), or a required column absent (always: no row could be
        read). Each problem names the 0-based data row, the file's 1-based line (the sheet row
        for Excel), the column and the reason.
    ClaimFileError
        The file cannot be read as a table: empty, not UTF-8, malformed Parquet or Excel, a
        duplicated column. ``ClaimFileNotFoundError`` (also a ``FileNotFoundError``) when it
        does not exist.
    OptionError
        An unknown ``format`` or suffix, or ``errors`` other than ``"raise"``/``"report"``.
    MissingExtraError
        An Excel file without openpyxl (``pip install 'karabakh_tolls[excel]'``), or
        ``engine="dask"`` without dask (``pip install 'karabakh_tolls[dask]'``).

    Examples
    --------
    >>> claims = read_claims(seed_path("claims.csv"))
    >>> claims.ids[:2], claims.wars[0].id
    (('c01', 'c02'), 'karabakh-2020')

    A folder of Parquet files, read lazily (see :class:`~karabakh_tolls.distributed.LazyClaims`):

    >>> import tempfile
    >>> from karabakh_tolls.synthetic import write_wars
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_wars(tmp, 200, seed=1, n_wars=2, rows_per_file=100)
    ...     lazy = read_claims(f"{tmp}/*.parquet", engine="dask")
    >>> lazy.files[0].endswith("part-00000.parquet"), [w.id for w in lazy.given]
    (True, ['syn-0000', 'syn-0001'])
    """
    path = _check_path(path)
    if errors not in ("raise", "report"):
        raise OptionError("errors", errors, ("raise", "report"))
    if trees is not None and not isinstance(trees, ScopeTrees):
        raise ArgumentTypeError.of("trees", "a ScopeTrees or None", trees)
    if check_engine(engine) == "dask":
        if format is not None:
            _format_of(path, format)
        if not isinstance(spreadsheet, bool):
            raise ArgumentTypeError.of("spreadsheet", "True or False", spreadsheet)
        read = partial(_read_part, format=format, trees=trees, spreadsheet=spreadsheet)
        return lazy_claims(path, read, wars=wars, trees=trees, errors=errors)
    fmt = _format_of(path, format)
    try:
        table = _READERS[fmt](path)
    except OSError as error:
        if isinstance(error, ClaimFileError):
            raise
        raise _open_error(path, error) from None
    if spreadsheet:
        table.frame = restore_formulas(table.frame)
    # A file whose header (or, for JSON Lines, whose every readable line) lacks a required
    # column is an error in both modes: not one row of it could be a claim.
    absent = absent_required(table.frame.columns)
    if absent and (len(table.frame) or fmt != "jsonl"):
        problems = [
            Problem(None, name, Reason.MISSING_COLUMN, "", f"required column {name!r} is absent")
            for name in absent
        ]
        raise ClaimValidationError([*problems, *table.problems], table.n_rows, path)
    frame = _calendar_dates(table.frame)
    claims = ClaimSet.from_frame(frame, wars=wars, trees=trees, errors="report")
    found = claims.rejected
    lines = table.lines
    if found and lines is None and fmt == "csv" and len(table.rows) == table.n_rows:
        lines = _record_lines(path, table.n_rows)
    located = [
        p
        if p.row is None
        else dataclasses.replace(
            p,
            row=int(table.rows[p.row]),
            line=None if lines is None else int(lines[p.row]),
        )
        for p in found
    ]
    problems = sorted([*table.problems, *located], key=lambda p: -1 if p.row is None else p.row)
    if problems and errors == "raise":
        raise ClaimValidationError(problems, table.n_rows, path)
    claims._rejected = tuple(problems)
    return claims


def _read_part(
    path: str,
    wars: tuple[War, ...],
    *,
    format: Format | None,
    trees: ScopeTrees | None,
    spreadsheet: bool,
) -> ClaimSet:
    """One file of a lazy claim set, its bad rows reported in ``rejected``."""
    return read_claims(
        path,
        wars=wars or None,
        format=format,
        trees=trees,
        errors="report",
        spreadsheet=spreadsheet,
    )


def read_csv_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A CSV file as a frame of text cells (``NA`` where empty), read as :func:`read_claims`
    reads CSV, for the importers: one row a data row, blank lines skipped.

    Raises
    ------
    ClaimFileError
        An empty, unreadable or non-UTF-8 file (``ClaimFileNotFoundError`` when missing).
    ClaimValidationError
        Records that are not well-formed CSV, each named with its row and line.

    Examples
    --------
    >>> read_csv_table(seed_path("claims.csv"))["claim_id"].iloc[0]
    'c01'
    """
    path = _check_path(path)
    try:
        table = _read_csv(path)
    except OSError as error:
        if isinstance(error, ClaimFileError):
            raise
        raise _open_error(path, error) from None
    if table.problems:
        raise ClaimValidationError(table.problems, table.n_rows, path)
    return table.frame


_READERS: Final = {
    "csv": _read_csv,
    "jsonl": _read_jsonl,
    "parquet": _read_parquet,
    "excel": _read_excel,
}


# --- writing -----------------------------------------------------------------------------------


# --- the bundled seed articles -----------------------------------------------------------------


def _seeds() -> Traversable:
    return resources.files("karabakh_tolls").joinpath("data/seeds")


def seed_path(name: str) -> Any:
    """A path-like to a file of the bundled seed folder (articles and ``claims.csv``)."""
    return _seeds().joinpath(name)


def seed_documents() -> dict[str, str]:
    """Map each seed document id (``"000"`` ... ``"004"``) to its file name."""
    names = sorted(p.name for p in _seeds().iterdir() if p.name.endswith(".txt"))
    return {name.split("_", 1)[0]: name for name in names}


def seed_article(document: str) -> str:
    """The text of one seed article, by document id (``"000"`` ... ``"004"``).

    Raises :class:`~karabakh_tolls.errors.NotFoundError` (a ``KeyError``) naming the known ids.

    Examples
    --------
    >>> seed_article("003").count("280")
    1
    """
    if not isinstance(document, str):
        raise ArgumentTypeError.of("document", "a seed document id (str)", document)
    documents = seed_documents()
    try:
        name = documents[document]
    except KeyError:
        raise NotFoundError("seed document", document, sorted(documents)) from None
    return str(_seeds().joinpath(name).read_text(encoding="utf-8"))


@cache
def _seed_claims() -> ClaimSet:
    with resources.as_file(seed_path("claims.csv")) as path:
        return read_claims(path)


def load_seed_claims() -> ClaimSet:
    """The claims read by hand from the five seed articles of the 2020 war.

    Examples
    --------
    >>> claims = load_seed_claims()
    >>> "146" in set(claims.to_frame()["figure"])
    True
    """
    return _seed_claims()
