"""Writing claim tables: CSV, JSON Lines, Parquet and Excel, and formula-cell safety.

Pure functions from a claim table in schema form (``ClaimSet.to_frame()``) to a file; the
readers are in :mod:`karabakh_tolls.io`. Writing and reading back gives an equal claim set in
every format.

**Formula cells.** A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some also after a tab or carriage return) as a formula, which is how a hostile source
name can run code on a reviewer's machine. :func:`write_excel` never writes a formula: every
text cell is stored as text, and one that starts with such a character also carries Excel's
own "text, typed with a leading apostrophe" flag, so the file reads back exactly.
:func:`write_csv` writes cells unchanged by default (an exact, machine-readable round trip);
with ``spreadsheet=True`` it prefixes such cells, and every cell starting with an apostrophe,
with one apostrophe, which ``read_claims(path, spreadsheet=True)`` removes again.

This module imports pandas, the standard library and the package's ``errors`` and ``frame``;
openpyxl (the optional extra ``excel``) only when an Excel file is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

import numpy as np
import pandas as pd

from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimFileAccessError,
    ClaimFileError,
    ClaimFileNotFoundError,
    MissingExtraError,
    Reason,
)
from karabakh_tolls.frame import SCHEMA

__all__ = [
    "FORMULA_PREFIXES",
    "neutralise_formulas",
    "restore_formulas",
    "write_csv",
    "write_excel",
    "write_jsonl",
    "write_parquet",
]

_DATE_COLUMNS: Final = tuple(c.name for c in SCHEMA if c.dtype.startswith("datetime"))

FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def _check_path(path: object) -> str | os.PathLike[str]:
    if isinstance(path, str | os.PathLike):
        return path
    raise ArgumentTypeError.of("path", "a str or os.PathLike path", path)


def _open_error(
    path: str | os.PathLike[str], error: OSError, action: str = "read claims from"
) -> ClaimFileError:
    detail = error.strerror or str(error)
    if isinstance(error, FileNotFoundError):
        return ClaimFileNotFoundError(
            path, Reason.NOT_FOUND, detail, errno=error.errno, action=action
        )
    reason = Reason.UNREADABLE if action.startswith("read") else Reason.UNWRITABLE
    return ClaimFileAccessError(path, reason, detail, errno=error.errno, action=action)


_QUOTE: Final = "'"


_XLSX_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not storable in .xlsx


_EXCEL_EXACT: Final = 10**15 - 1  # Excel keeps 15 significant digits; larger counts go as text


@contextmanager
def _writing(path: object) -> Iterator[Any]:
    """Check ``path`` (a path, or an open writable file) and turn the operating system's
    refusal to write it into our error."""
    if hasattr(path, "write"):  # an open file or buffer, e.g. sys.stdout
        yield path
        return
    checked = _check_path(path)
    try:
        yield checked
    except OSError as error:
        if isinstance(error, ClaimFileError):
            raise
        raise _open_error(checked, error, "write") from None


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError("excel", "openpyxl", "Excel files") from None
    return openpyxl


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas.

    A text cell starting with one of :data:`FORMULA_PREFIXES` (``=``, ``+``, ``-``, ``@``, tab,
    carriage return) or with an apostrophe gets one apostrophe in front: spreadsheets show such
    a cell as text, and :func:`restore_formulas` turns it back exactly. Counts and dates are
    not text and are left alone. ``frame`` is not modified.

    Examples
    --------
    >>> frame = pd.DataFrame({"note": ["=HYPERLINK(\\"http://x\\")", "'quoted", "plain"]})
    >>> neutralise_formulas(frame)["note"].tolist()
    ['\\'=HYPERLINK("http://x")', "''quoted", 'plain']
    >>> restore_formulas(neutralise_formulas(frame)).equals(frame)
    True
    """
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            out[name] = column.map(_neutral, na_action="ignore").astype(column.dtype)
    return out


def restore_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`neutralise_formulas`: one leading apostrophe is removed from text cells.

    Examples
    --------
    >>> restore_formulas(pd.DataFrame({"note": ["'=1+1", "plain"]}))["note"].tolist()
    ['=1+1', 'plain']
    """
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            out[name] = column.map(_restored, na_action="ignore").astype(column.dtype)
    return out


def _neutral(value: object) -> object:
    if isinstance(value, str) and value[:1] in (*FORMULA_PREFIXES, _QUOTE) and value:
        return _QUOTE + value
    return value


def _restored(value: object) -> object:
    if isinstance(value, str) and value.startswith(_QUOTE):
        return value[1:]
    return value


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO strings, everything else as is: the text form written to files."""
    out = frame.copy()
    for name in _DATE_COLUMNS:
        out[name] = out[name].dt.strftime("%Y-%m-%d").astype("string")
    return out


def write_csv(
    frame: pd.DataFrame, path: str | os.PathLike[str], *, spreadsheet: bool = False
) -> None:
    """Write a claim table as UTF-8 CSV: ISO dates, open bounds and missing values empty.

    Parameters
    ----------
    frame : pandas.DataFrame
        A claim table in schema form (``ClaimSet.to_frame()``).
    path : str, os.PathLike or an open text file
        Where to write.
    spreadsheet : bool, default False
        ``False`` writes every cell as it is: the exact round trip for programs. ``True`` is for
        files people open in a spreadsheet: text cells that a spreadsheet would run as a formula
        (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return), and cells starting
        with an apostrophe, get one leading apostrophe (see :func:`neutralise_formulas`), and
        the file starts with a UTF-8 byte-order mark so spreadsheets detect the encoding. Read
        it back with ``read_claims(path, spreadsheet=True)``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from karabakh_tolls import load_seed_claims, read_claims
    >>> frame = load_seed_claims().to_frame().head(1).assign(note="=1+1")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "claims.csv"
    ...     write_csv(frame, path, spreadsheet=True)
    ...     "'=1+1" in path.read_text(encoding="utf-8-sig")
    ...     read_claims(path, spreadsheet=True).to_frame()["note"][0]
    True
    '=1+1'
    """
    plain = _plain(frame)
    if spreadsheet:
        plain = neutralise_formulas(plain)
    encoding = "utf-8-sig" if spreadsheet else "utf-8"
    with _writing(path) as target:
        plain.to_csv(target, index=False, lineterminator="\n", encoding=encoding)


def write_jsonl(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a claim table as JSON Lines: one object a claim, missing values ``null``."""
    plain = _plain(frame).astype(object)
    plain = plain.where(plain.notna(), None)
    lines = [
        json.dumps(
            {k: (int(v) if hasattr(v, "__index__") else v) for k, v in record.items()},
            ensure_ascii=False,
        )
        + "\n"
        for record in plain.to_dict(orient="records")
    ]
    with _writing(path) as target:
        if hasattr(target, "write"):
            target.writelines(lines)
        else:
            with open(target, "w", encoding="utf-8") as handle:
                handle.writelines(lines)


def write_parquet(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a claim table as Parquet with the schema's dtypes."""
    with _writing(path) as target:
        frame.to_parquet(target, index=False)


def write_excel(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a claim table as an Excel workbook (``.xlsx``) with one sheet, ``claims``.

    Needs the optional extra ``excel`` (openpyxl). No cell is ever a formula: text is stored
    as text, and text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return also
    carries Excel's leading-apostrophe flag, so editing the cell in Excel keeps it text.
    Nothing is added to the text itself, so :func:`read_claims` reads the file back exactly.
    Dates are date cells; counts are numbers up to 10**15 - 1 (Excel keeps 15 significant
    digits) and text beyond, so that no count is ever rounded.

    Parameters
    ----------
    frame : pandas.DataFrame
        A claim table in schema form (``ClaimSet.to_frame()``).
    path : str or os.PathLike
        Where to write.

    Raises
    ------
    MissingExtraError
        Without openpyxl: ``pip install 'karabakh_tolls[excel]'``.
    ClaimFileError
        Text holding a control character (U+0000 to U+001F but tab, line feed and carriage
        return), which the .xlsx format cannot store; the error names the row and column.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from karabakh_tolls import load_seed_claims, read_claims
    >>> claims = load_seed_claims()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "claims.xlsx"
    ...     write_excel(claims.to_frame(), path)
    ...     read_claims(path) == claims
    True
    """
    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell

    _check_storable(frame, path)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("claims")
    columns = [str(c) for c in frame.columns]
    sheet.append(columns)
    dates = set(_DATE_COLUMNS)
    for values in frame.itertuples(index=False, name=None):
        row: list[Any] = []
        for name, value in zip(columns, values, strict=True):
            if value is None or value is pd.NA or value is pd.NaT:
                row.append(None)
                continue
            if isinstance(value, float) and value != value:
                row.append(None)
                continue
            cell = WriteOnlyCell(sheet)
            if name in dates and isinstance(value, pd.Timestamp | dt.date):
                cell.value = pd.Timestamp(value).date()
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
                number = int(value)
                cell.value = number if abs(number) <= _EXCEL_EXACT else str(number)
                if abs(number) > _EXCEL_EXACT:
                    cell.data_type = "s"
            elif isinstance(value, float | np.floating | bool | np.bool_):
                cell.value = value.item() if isinstance(value, np.generic) else value
            else:
                text = str(value)
                cell.value = text
                cell.data_type = "s"  # text, never a formula
                if text[:1] in FORMULA_PREFIXES:
                    cell.quotePrefix = True
            row.append(cell)
        sheet.append(row)
    with _writing(path) as target:
        book.save(target if hasattr(target, "write") else os.fspath(target))


def _check_storable(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Refuse, before writing anything, text that an .xlsx file cannot hold."""
    for name in frame.columns:
        column = frame[name]
        if not (column.dtype == object or isinstance(column.dtype, pd.StringDtype)):
            continue
        for position, value in enumerate(column.to_numpy()):
            bad = _XLSX_ILLEGAL.search(value) if isinstance(value, str) else None
            if bad:
                raise ClaimFileError(
                    path,
                    Reason.BAD_VALUE,
                    f"the text holds the control character U+{ord(bad.group()):04X}, "
                    "which an .xlsx file cannot store (write CSV, JSON Lines or Parquet)",
                    row=position,
                    column=str(name),
                    action="write",
                )
