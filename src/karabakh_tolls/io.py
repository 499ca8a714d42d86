"""Reading and writing claim tables: CSV, JSON Lines and Parquet, and the bundled seed set.

Every reader validates (see :func:`karabakh_tolls.frame.validate_frame`): a file with bad rows
raises one :class:`~karabakh_tolls.errors.ClaimValidationError` naming every bad row, or, with
``errors="report"``, yields the good rows and names the others in ``ClaimSet.rejected``. Writing
and reading back gives an equal :class:`~karabakh_tolls.claims.ClaimSet` in all three formats.

This module imports pandas, the standard library and the package's ``claims``, ``frame``,
``scopes`` and ``errors`` modules.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import ClaimValidationError, Problem, Reason
from karabakh_tolls.frame import SCHEMA
from karabakh_tolls.scopes import ScopeTrees
from karabakh_tolls.wars import War

__all__ = [
    "load_seed_claims",
    "read_claims",
    "seed_article",
    "seed_documents",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

Format = Literal["csv", "jsonl", "parquet"]
_SUFFIXES: dict[str, Format] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_DATE_COLUMNS = tuple(c.name for c in SCHEMA if c.dtype.startswith("datetime"))


def _format_of(path: str | os.PathLike[str], given: Format | None) -> Format:
    if given is not None:
        return given
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise ValueError(
            f"cannot tell the format of {os.fspath(path)!r} from its suffix {suffix!r}; "
            f"pass format= one of 'csv', 'jsonl', 'parquet'"
        ) from None


def _read_raw(path: str | os.PathLike[str], fmt: Format) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    if fmt == "parquet":
        return pd.read_parquet(path)
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                problem = Problem(
                    number, None, Reason.BAD_VALUE, line[:80], f"line is not JSON: {error.msg}"
                )
                raise ClaimValidationError([problem]) from None
            if not isinstance(record, dict):
                problem = Problem(
                    number, None, Reason.BAD_VALUE, line[:80], "line is not a JSON object"
                )
                raise ClaimValidationError([problem])
            records.append(record)
    return pd.DataFrame.from_records(records)


def read_claims(
    path: str | os.PathLike[str],
    *,
    wars: Iterable[War | str] | War | str | None = None,
    format: Format | None = None,
    trees: ScopeTrees | None = None,
    errors: Literal["raise", "report"] = "raise",
) -> ClaimSet:
    """Read and validate a claim table from CSV, JSON Lines or Parquet.

    The format follows the file suffix (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``) unless
    ``format`` is given. Row numbers in errors are 0-based positions among the data rows.

    The ``war`` column names each claim's war by id: a war of ``wars`` or a bundled one. A file
    without that column belongs to the one war given (by default the bundled 2020
    Nagorno-Karabakh war); with several wars given, every row must name its war. ``trees``
    replaces the scope trees of that one war.

    Examples
    --------
    >>> claims = read_claims(seed_path("claims.csv"))
    >>> claims.ids[:2], claims.wars[0].id
    (('c01', 'c02'), 'karabakh-2020')
    """
    fmt = _format_of(path, format)
    raw = _read_raw(path, fmt)
    return ClaimSet.from_frame(raw, wars=wars, trees=trees, errors=errors)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO strings, everything else as is: the text form written to files."""
    out = frame.copy()
    for name in _DATE_COLUMNS:
        out[name] = out[name].dt.strftime("%Y-%m-%d").astype("string")
    return out


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a claim table as UTF-8 CSV: ISO dates, open bounds and missing values empty."""
    _plain(frame).to_csv(path, index=False, lineterminator="\n")


def write_jsonl(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a claim table as JSON Lines: one object a claim, missing values ``null``."""
    plain = _plain(frame).astype(object)
    plain = plain.where(plain.notna(), None)
    with open(path, "w", encoding="utf-8") as handle:
        for record in plain.to_dict(orient="records"):
            clean = {k: (int(v) if hasattr(v, "__index__") else v) for k, v in record.items()}
            handle.write(json.dumps(clean, ensure_ascii=False) + "\n")


def write_parquet(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a claim table as Parquet with the schema's dtypes."""
    frame.to_parquet(path, index=False)


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

    Examples
    --------
    >>> seed_article("003").count("280")
    1
    """
    documents = seed_documents()
    try:
        name = documents[document]
    except KeyError:
        raise KeyError(f"no seed document {document!r}; known: {sorted(documents)}") from None
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
