"""The column schema of a claim table, and pure pandas functions over it.

One row is one claim. :data:`SCHEMA` names every column, its dtype and meaning; it is the
contract of ``ClaimSet.to_frame()`` and of the CSV, JSON Lines and Parquet files. The functions
here never mutate the frame they are given.

:func:`validate_frame` checks a whole table in vectorised passes and returns the clean rows and
*every* problem found (row, column, reason, value), so the caller can raise one error listing
them all or keep the good rows and report the rest: no row is ever dropped without being named.

This module imports pandas, numpy and :mod:`karabakh_tolls.errors`, ``figures``, ``scopes`` and
``sources``.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Final

import numpy as np
import pandas as pd

from karabakh_tolls.errors import Problem, Reason
from karabakh_tolls.figures import MAX_COUNT, Hedge
from karabakh_tolls.scopes import DIMENSIONS, ScopeTrees, default_trees, normalise_term
from karabakh_tolls.sources import INDEPENDENT, SourceKind

__all__ = [
    "SCHEMA",
    "WAR_START",
    "ClaimKind",
    "Column",
    "Coverage",
    "coerce_frame",
    "empty_frame",
    "read_count",
    "validate_frame",
]

WAR_START: Final = dt.date(2020, 9, 27)
"""First day of the 2020 war; the default ``since`` of a cumulative claim."""


class ClaimKind(enum.StrEnum):
    """How a claim's count relates to time (the ``kind`` column).

    Examples
    --------
    >>> ClaimKind("incident") is ClaimKind.INCIDENT
    True
    """

    CUMULATIVE = "cumulative"
    """A running total over ``[since, as_of]`` (since defaults to the war's start)."""
    INCREMENT = "increment"
    """The change over ``[since, as_of]``: "40 more servicemen"."""
    INCIDENT = "incident"
    """The toll of one ``event`` on the day ``as_of``: part of every total covering it."""


class Coverage(enum.StrEnum):
    """Whether a figure counts its whole scope or only part of it (the ``coverage`` column).

    Examples
    --------
    >>> Coverage("partial") is Coverage.PARTIAL
    True
    """

    COMPLETE = "complete"
    """The figure counts its whole scope (the default)."""
    PARTIAL = "partial"
    """Only part of the scope was counted (e.g. the strikes a study analysed): a lower bound."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the claim table.

    Attributes
    ----------
    name : str
        The column name, e.g. ``"low"``.
    dtype : str
        The pandas dtype of the column in schema form: ``"string"``, ``"Int64"`` or
        ``"datetime64[s]"``.
    required : bool
        Whether a table must have the column: :func:`validate_frame` rejects a table without it.
    description : str
        What the column holds, in one sentence.

    Examples
    --------
    >>> column = SCHEMA[2]
    >>> column.name, column.dtype, column.required
    ('low', 'Int64', True)
    """

    name: str
    dtype: str
    required: bool
    description: str


_TEXT: Final = "string"
_INT: Final = "Int64"
_DATE: Final = "datetime64[s]"

SCHEMA: Final[tuple[Column, ...]] = (
    Column("claim_id", _TEXT, True, "Unique id of the claim."),
    Column("figure", _TEXT, False, "The figure phrase as written, e.g. 'more than 6,000'."),
    Column("low", _INT, True, "Lower bound of the count (integer, >= 0)."),
    Column("high", _INT, False, "Upper bound of the count; empty means open above."),
    Column("hedge", _TEXT, False, "Hedge that produced the interval (see Hedge)."),
    Column("outcome", _TEXT, True, "killed, wounded, missing, captured or displaced."),
    Column("category", _TEXT, False, "civilian, military, unknown or all."),
    Column("party", _TEXT, False, "Whose dead: a node of the party tree."),
    Column("perpetrator", _TEXT, False, "Who caused them: a node of the party tree."),
    Column("region", _TEXT, False, "Where: a node of the gazetteer."),
    Column("kind", _TEXT, False, "cumulative, increment or incident."),
    Column("since", _DATE, False, "First day counted (default: the war's start)."),
    Column("as_of", _DATE, True, "Last day counted: the date the count holds."),
    Column("event", _TEXT, False, "Incident id, for kind=incident."),
    Column("coverage", _TEXT, False, "complete, or partial (a lower bound for the scope)."),
    Column("source", _TEXT, True, "Id of who asserts the figure."),
    Column("source_name", _TEXT, False, "Human name of the source."),
    Column("source_kind", _TEXT, False, "ngo, government, de-facto-authority, media, ..."),
    Column("source_affiliation", _TEXT, False, "A party id, or 'independent'."),
    Column("via", _TEXT, False, "Id of an intermediary that relayed the figure."),
    Column("outlet", _TEXT, False, "Publisher of the document."),
    Column("document", _TEXT, False, "Id of the document the claim was read from."),
    Column("published", _DATE, False, "Publication date of the document."),
    Column("quote", _TEXT, False, "Exact text of the figure in the document."),
    Column("span_start", _INT, False, "Character offset where the quote starts."),
    Column("span_end", _INT, False, "Character offset where the quote ends (exclusive)."),
    Column("note", _TEXT, False, "Free text for reviewers."),
)

"""Every column of the claim table, in order: the contract of ``ClaimSet.to_frame()`` and of
the CSV, JSON Lines and Parquet files."""

COLUMNS: Final = tuple(c.name for c in SCHEMA)
"""The names of :data:`SCHEMA`, in order."""
_BY_NAME: Final = {c.name: c for c in SCHEMA}


def empty_frame() -> pd.DataFrame:
    """An empty claim table with every schema column and dtype.

    Returns
    -------
    pandas.DataFrame
        No rows; the columns of :data:`SCHEMA`, in order, each with its dtype.

    Examples
    --------
    >>> list(empty_frame().columns)[:4]
    ['claim_id', 'figure', 'low', 'high']
    """
    return pd.DataFrame({c.name: pd.Series([], dtype=c.dtype) for c in SCHEMA})


def _as_text(values: pd.Series) -> pd.Series:
    """Strings with surrounding blanks stripped; empty and missing become NA."""
    text = values.astype("string").str.strip()
    return text.mask(text == "", pd.NA)


def coerce_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of an already valid claim frame with schema column order and dtypes.

    It converts and does not check: give it cells that :func:`validate_frame` accepted. Schema
    columns absent from ``frame`` are added empty, text is stripped (a blank cell becomes
    missing) and columns outside the schema are kept, after the schema columns. ``frame`` is not
    modified.

    Parameters
    ----------
    frame : pandas.DataFrame
        A claim table whose cells are already valid for their columns.

    Returns
    -------
    pandas.DataFrame
        A new frame with a fresh ``RangeIndex``: the columns of :data:`SCHEMA` in order and with
        their dtypes, then the other columns of ``frame``.

    Examples
    --------
    >>> raw = pd.DataFrame({"tag": ["x"], "low": [146], "claim_id": [" a "]})
    >>> out = coerce_frame(raw)
    >>> list(out.columns[:3]), list(out.columns[-1:]), str(out["low"].dtype), out["claim_id"][0]
    (['claim_id', 'figure', 'low'], ['tag'], 'Int64', 'a')
    """
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    for column in SCHEMA:
        values = frame.get(column.name)
        if values is None:
            out[column.name] = pd.Series(pd.NA, index=out.index, dtype=column.dtype)
        elif column.dtype == _TEXT:
            out[column.name] = pd.Series(_as_text(values).to_numpy(), dtype=_TEXT)
        elif column.dtype == _INT:
            out[column.name] = _exact_ints(values)
        else:
            out[column.name] = pd.to_datetime(values.to_numpy()).astype(_DATE)
    for extra in frame.columns:
        if extra not in _BY_NAME:
            out[extra] = frame[extra].to_numpy()
    return out


# --- validation --------------------------------------------------------------------------------


class _Collector:
    """Gathers problems while the vectorised checks run."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def flag(
        self,
        mask: pd.Series,
        column: str | None,
        reason: Reason,
        values: pd.Series,
        message: Callable[[str], str],
    ) -> None:
        positions = np.flatnonzero(mask.to_numpy(dtype=bool, na_value=False))
        for pos in positions:
            raw = values.iloc[pos]
            shown = "" if raw is None or raw is pd.NA or raw is pd.NaT else str(raw)
            if isinstance(raw, float) and np.isnan(raw):
                shown = ""
            self.problems.append(Problem(int(pos), column, reason, shown, message(shown)))


_PLAIN_INT: Final = r"\+?\d{1,18}"  # fits int64 whatever the digits: the vectorised path
_THOUSANDS: Final = r"\+?\d{1,3}(?:,\d{3}){1,5}"  # "1,166": up to 18 digits as well
# Any other number a count cell may hold, read exactly with Decimal: signs, thousands commas,
# decimals and exponents ("5.0", "1e3"). No two quantifiers share characters: linear time.
_NUMBER_TEXT: Final = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?(?:[eE][+-]?\d+)?")
_NOT_FINITE: Final = frozenset({"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"})
_FLOAT_EXACT: Final = 2**53
_Verdict = tuple[Reason, str]


def _text_count(text: str, column: str) -> int | _Verdict:
    """One count cell's text read exactly: the integer, or why it is not a count."""
    lowered = text.lower()
    if lowered in _NOT_FINITE:
        return Reason.NOT_A_NUMBER, f"{column}={text!r} is infinite, not a count"
    if lowered in ("nan", "+nan", "-nan"):
        return Reason.NOT_A_NUMBER, f"{column}={text!r} is not a number"
    if _NUMBER_TEXT.fullmatch(text) is None:
        return Reason.NOT_A_NUMBER, f"{text!r} is not a number"
    return _decimal_count(Decimal(text.replace(",", "")), text, column)


def _decimal_count(value: Decimal, shown: str, column: str) -> int | _Verdict:
    """An exact decimal as a count; the magnitude is checked before any integer is built."""
    if not value.is_finite():
        return Reason.NOT_A_NUMBER, f"{column}={shown} is not a finite number"
    if value.is_zero():
        return 0
    if value < 0:
        return Reason.NEGATIVE, f"{column}={shown} is negative"
    if value.adjusted() >= len(str(MAX_COUNT)):
        return Reason.TOO_LARGE, f"{column}={shown} is above 2**63 - 1 = {MAX_COUNT}"
    if value.adjusted() < 0 or value != value.to_integral_value():
        return Reason.NOT_INTEGER, f"{shown} is not a whole number"
    number = int(value)
    if number > MAX_COUNT:
        return Reason.TOO_LARGE, f"{column}={shown} is above 2**63 - 1 = {MAX_COUNT}"
    return number


def _object_count(value: object, column: str) -> int | _Verdict | None:
    """One cell of any Python type as a count; ``None`` when the cell is empty."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool | np.bool_):
        return Reason.BAD_TYPE, f"{column}={value!r} is a truth value, not a count"
    if isinstance(value, str):
        text = value.strip()
        return None if not text else _text_count(text, column)
    if isinstance(value, int | np.integer):
        number = int(value)
        if number < 0:
            return Reason.NEGATIVE, f"{column}={number} is negative"
        if number > MAX_COUNT:
            return Reason.TOO_LARGE, f"{column} is above 2**63 - 1 = {MAX_COUNT}"
        return number
    if isinstance(value, Decimal):
        return None if value.is_nan() else _decimal_count(value, str(value), column)
    if isinstance(value, Fraction):
        if value.denominator != 1:
            return Reason.NOT_INTEGER, f"{value} is not a whole number"
        return _object_count(value.numerator, column)
    if isinstance(value, float | np.floating):
        real = float(value)
        if math.isnan(real):
            return None
        if not math.isfinite(real):
            return Reason.NOT_A_NUMBER, f"{column}={real} is infinite, not a count"
        if not real.is_integer():
            return Reason.NOT_INTEGER, f"{real!r} is not a whole number"
        if abs(real) >= _FLOAT_EXACT:
            return (
                Reason.INEXACT,
                f"{column}={real!r} is a float of 2**53 or more, which may have been rounded; "
                "write the count as an integer",
            )
        return _object_count(int(real), column)
    return Reason.BAD_TYPE, f"{column} holds a {type(value).__name__}, not a count"


class _Counts:
    """The exact counts of one column being read, and why the other cells are not counts."""

    def __init__(self, n: int, missing: np.ndarray) -> None:
        self.values = np.zeros(n, dtype=np.int64)
        self.known = np.zeros(n, dtype=bool)
        self.missing = missing.copy()
        self.verdicts: dict[int, _Verdict] = {}

    def take(self, positions: np.ndarray, values: np.ndarray) -> None:
        self.values[positions] = values
        self.known[positions] = True

    def one(self, pos: int, verdict: int | _Verdict | None) -> None:
        if verdict is None:
            self.missing[pos] = True
        elif isinstance(verdict, tuple):
            self.verdicts[pos] = verdict
        else:
            self.values[pos] = verdict
            self.known[pos] = True

    def text(self, positions: np.ndarray, text: pd.Series, column: str) -> None:
        """Read stripped strings (``text``, a ``string`` Series) at ``positions``."""
        blank = (text == "").to_numpy(dtype=bool, na_value=True)
        self.missing[positions[blank]] = True
        plain = text.str.fullmatch(_PLAIN_INT).to_numpy(dtype=bool, na_value=False)
        commas = ~plain & text.str.fullmatch(_THOUSANDS).to_numpy(dtype=bool, na_value=False)
        fast = plain | commas
        if fast.any():
            digits = text[fast].str.replace(",", "", regex=False).str.lstrip("+")
            self.take(positions[fast], digits.astype("int64").to_numpy())
        for local in np.flatnonzero(~fast & ~blank):
            self.one(int(positions[local]), _text_count(str(text.iloc[local]), column))


def read_count(value: object, column: str = "count") -> int | tuple[Reason, str] | None:
    """One cell read as a count, exactly as table validation reads it.

    Returns the count (an ``int`` from 0 to 2**63 - 1), ``None`` for an empty cell, or the
    :class:`~karabakh_tolls.errors.Reason` and message why the cell is not a count.

    Examples
    --------
    >>> read_count("1,166"), read_count(" "), read_count("9007199254740993")
    (1166, None, 9007199254740993)
    >>> [str(read_count(text)[0]) for text in ("inf", str(2**63), "2.5")]
    ['not-a-number', 'too-large', 'not-integer']
    """
    return _object_count(value, column)


def _integers(raw: pd.Series, column: str, collect: _Collector, *, required: bool) -> pd.Series:
    """Read a column of counts exactly; flag what is missing or not a count in ``0..2**63-1``.

    Counts are exact integers: text is read digit by digit (never through float64, so
    ``9007199254740993`` stays itself and ``3.0000000000000001`` is not whole), integer dtypes
    as they are, floats only while they are exact (below 2**53). ``inf``, ``nan`` text,
    fractions, negatives and values above 2**63 - 1 are each a named problem, never wrapped.
    """
    n = len(raw)
    dtype = raw.dtype
    counts = _Counts(n, np.asarray(raw.isna().to_numpy(dtype=bool, na_value=True), dtype=bool))
    present = ~counts.missing
    everywhere = np.arange(n)
    if pd.api.types.is_bool_dtype(dtype):
        for pos in np.flatnonzero(present):
            counts.one(int(pos), (Reason.BAD_TYPE, f"{column} holds a truth value, not a count"))
    elif pd.api.types.is_unsigned_integer_dtype(dtype):
        unsigned = raw.to_numpy(dtype=np.uint64, na_value=0)
        big = present & (unsigned > np.uint64(MAX_COUNT))
        for pos in np.flatnonzero(big):
            counts.one(int(pos), _object_count(int(unsigned[pos]), column))
        ok = present & ~big
        counts.take(everywhere[ok], unsigned[ok].astype(np.int64))
    elif pd.api.types.is_integer_dtype(dtype):
        signed = raw.to_numpy(dtype=np.int64, na_value=0)
        negative = present & (signed < 0)
        for pos in np.flatnonzero(negative):
            counts.one(int(pos), (Reason.NEGATIVE, f"{column}={signed[pos]} is negative"))
        ok = present & ~negative
        counts.take(everywhere[ok], signed[ok])
    elif pd.api.types.is_float_dtype(dtype):
        floats = raw.to_numpy(dtype=np.float64, na_value=np.nan)
        finite = np.isfinite(floats)
        whole = np.where(finite, floats, -1.0)
        exact = finite & (whole == np.floor(whole)) & (whole >= 0) & (whole < _FLOAT_EXACT)
        counts.take(everywhere[exact], whole[exact].astype(np.int64))
        for pos in np.flatnonzero(present & ~exact):
            counts.one(int(pos), _object_count(float(floats[pos]), column))
    elif isinstance(dtype, pd.StringDtype):  # text as read from CSV: vectorised
        text = raw.reset_index(drop=True).str.strip()
        counts.text(everywhere[present], text[present].reset_index(drop=True), column)
    else:  # objects of any Python type (JSON values, a user's frame)
        objects = np.asarray(raw.astype("object").to_numpy(), dtype=object)
        is_int = np.fromiter((type(v) is int for v in objects), dtype=bool, count=n)
        is_str = np.fromiter((type(v) is str for v in objects), dtype=bool, count=n)
        ints = everywhere[is_int & present]
        try:
            signed = objects[ints].astype(np.int64)
        except OverflowError:  # some beyond int64: read one by one
            for pos in ints:
                counts.one(int(pos), _object_count(objects[pos], column))
        else:
            negative = signed < 0
            for pos in ints[negative]:
                counts.one(int(pos), _object_count(objects[pos], column))
            counts.take(ints[~negative], signed[~negative])
        strings = everywhere[is_str & present]
        if len(strings):
            text = pd.Series(objects[strings], dtype="string").str.strip()
            counts.text(strings, text, column)
        for pos in np.flatnonzero(present & ~is_int & ~is_str):
            counts.one(int(pos), _object_count(objects[pos], column))
    shown = raw.astype("object")
    for row, (reason, message) in sorted(counts.verdicts.items()):
        cell = shown.iloc[row]
        text_value = "" if cell is None or cell is pd.NA else str(cell)
        collect.problems.append(Problem(row, column, reason, _abridged(text_value), message))
    if required:
        collect.flag(
            pd.Series(counts.missing),
            column,
            Reason.MISSING_VALUE,
            raw.reset_index(drop=True),
            lambda v: f"{column} is empty",
        )
    return pd.Series(pd.arrays.IntegerArray(counts.values, ~counts.known), dtype=_INT)


def _exact_ints(values: pd.Series) -> pd.Series:
    """Valid counts as an ``Int64`` column, never through float64 (which rounds above 2**53)."""
    if isinstance(values.dtype, pd.Int64Dtype):
        return pd.Series(values.array, dtype=_INT).reset_index(drop=True)
    return pd.Series(pd.array(values.to_numpy(dtype=object), dtype=_INT))


def _abridged(text: str) -> str:
    """A cell's text for a problem report: whole when short, abridged in the middle if not."""
    return text if len(text) <= 60 else f"{text[:30]}...{text[-20:]} ({len(text)} characters)"


def _dates(raw: pd.Series, column: str, collect: _Collector, *, required: bool) -> pd.Series:
    """Read a column of ISO dates; flag missing, malformed and impossible dates."""
    if pd.api.types.is_datetime64_any_dtype(raw):
        parsed = pd.Series(raw.to_numpy(), index=raw.index)
        missing = parsed.isna()
    else:
        text = raw.astype("string").str.strip()
        missing = raw.isna() | (text == "")
        parsed = pd.to_datetime(text.mask(missing, None), errors="coerce", format="ISO8601")
        collect.flag(
            parsed.isna() & ~missing,
            column,
            Reason.BAD_DATE,
            raw,
            lambda v: f"{v!r} is not a real date (write YYYY-MM-DD)",
        )
    if required:
        collect.flag(missing, column, Reason.MISSING_VALUE, raw, lambda v: f"{column} is empty")
    return parsed.dt.normalize().astype(_DATE)


def _vocabulary(
    raw: pd.Series,
    column: str,
    allowed: Mapping[str, str],
    collect: _Collector,
    *,
    default: str | None,
    hint: Callable[[str], str],
) -> pd.Series:
    """Map terms through ``allowed`` (normalised term -> canonical); flag unknown ones."""
    text = _as_text(raw)
    if default is not None:
        text = text.fillna(default)
    uniques = pd.unique(text.dropna().to_numpy())
    mapping = {u: allowed.get(normalise_term(str(u))) for u in uniques}
    mapped = text.map(mapping, na_action="ignore").astype("string")
    unknown = text.notna() & mapped.isna()
    collect.flag(unknown, column, Reason.UNKNOWN_TERM, raw, hint)
    return mapped


def _tree_terms(trees: ScopeTrees, dimension: str) -> dict[str, str]:
    tree = trees[dimension]
    return {node: node for node in tree.nodes} | dict(tree.aliases)


def _unknown_term_hint(trees: ScopeTrees, dimension: str) -> Callable[[str], str]:
    tree = trees[dimension]

    def hint(value: str) -> str:
        try:
            tree.resolve(value)
        except KeyError as error:
            return str(error)
        return f"unknown {dimension} {value!r}"  # pragma: no cover - resolve succeeded

    return hint


def validate_frame(
    frame: pd.DataFrame, trees: ScopeTrees | None = None
) -> tuple[pd.DataFrame, tuple[Problem, ...]]:
    """Check a table of claims; return its good rows (coerced to the schema) and all problems.

    The returned frame holds exactly the rows with no problem, in input order, with a fresh
    index; every other input row is named at least once in the problems, with its 0-based
    position, the column and the reason. A missing required column is one problem with no row,
    and then no row is kept. Empty optional cells take their defaults (``kind`` cumulative,
    ``since`` the war's start, scope terms ``all``, ...). The input is not modified.

    Parameters
    ----------
    frame : pandas.DataFrame
        The raw table, one claim per row, with columns named as in :data:`SCHEMA`; cells may be
        text (as read from a CSV file).
    trees : ScopeTrees, optional
        The scope trees that outcome, category, party, perpetrator, region and
        source_affiliation terms are read against; by default the bundled ones
        (``default_trees()``).

    Returns
    -------
    good : pandas.DataFrame
        The rows without any problem, in schema form (see :func:`coerce_frame`).
    problems : tuple of Problem
        Every problem found, ordered by row (problems with no row first).

    Examples
    --------
    >>> raw = pd.DataFrame({"claim_id": ["a", "b"], "low": [3, -1], "outcome": "killed",
    ...                     "as_of": "2020-10-06", "source": "x", "document": "d"})
    >>> good, problems = validate_frame(raw)
    >>> len(good), [str(p) for p in problems]
    (1, ["row 1, column 'low': low=-1 is negative (value '-1'; negative)"])
    """
    chosen = trees if trees is not None else default_trees()
    collect = _Collector()
    n = len(frame)
    frame = frame.reset_index(drop=True)
    if n == 0:
        return coerce_frame(frame), ()
    missing_columns = [c.name for c in SCHEMA if c.required and c.name not in frame.columns]
    for name in missing_columns:
        collect.problems.append(
            Problem(None, name, Reason.MISSING_COLUMN, "", f"required column {name!r} is absent")
        )
    if missing_columns:
        return empty_frame(), tuple(collect.problems)

    def col(name: str) -> pd.Series:
        if name in frame.columns:
            return frame[name]
        return pd.Series([pd.NA] * n, dtype="object")

    out: dict[str, pd.Series] = {}

    ids = _as_text(col("claim_id"))
    collect.flag(
        ids.isna(), "claim_id", Reason.MISSING_VALUE, col("claim_id"), lambda v: "empty id"
    )
    duplicate = ids.notna() & ids.duplicated(keep="first")
    collect.flag(
        duplicate, "claim_id", Reason.DUPLICATE_ID, ids, lambda v: f"id {v!r} is used before"
    )
    out["claim_id"] = ids
    out["figure"] = _as_text(col("figure"))

    low = _integers(col("low"), "low", collect, required=True)
    high = _integers(col("high"), "high", collect, required=False)
    inverted = (low > high).fillna(False)
    pair = (
        pd.Series(
            [f"high={h} is below low={lo}" for lo, h in zip(low, high, strict=True)], dtype="object"
        )
        if bool(inverted.any())
        else pd.Series([""] * n, dtype="object")
    )
    messages = pair.tolist()
    for pos in np.flatnonzero(inverted.to_numpy()):
        collect.problems.append(
            Problem(
                int(pos),
                "high",
                Reason.LOW_ABOVE_HIGH,
                f"{low[pos]}..{high[pos]}",
                messages[pos],
            )
        )
    out["low"], out["high"] = low, high

    hedges = {h.value: h.value for h in Hedge}
    derived_hedge = np.where(
        high.isna().to_numpy(),
        Hedge.AT_LEAST.value,
        np.where(
            (low == high).to_numpy(dtype=bool, na_value=False), Hedge.EXACT.value, Hedge.RANGE.value
        ),
    )
    hedge_text = _as_text(col("hedge")).fillna(pd.Series(derived_hedge, dtype="string"))
    out["hedge"] = _vocabulary(
        hedge_text,
        "hedge",
        hedges,
        collect,
        default=None,
        hint=lambda v: f"hedge {v!r} is not one of {sorted(hedges)}",
    )

    for dimension in DIMENSIONS:
        out[dimension] = _vocabulary(
            col(dimension),
            dimension,
            _tree_terms(chosen, dimension),
            collect,
            default=None if dimension == "outcome" else "all",
            hint=_unknown_term_hint(chosen, dimension),
        )
    collect.flag(
        _as_text(col("outcome")).isna(),
        "outcome",
        Reason.MISSING_VALUE,
        col("outcome"),
        lambda v: "outcome is empty",
    )

    kinds = {k.value: k.value for k in ClaimKind}
    out["kind"] = _vocabulary(
        col("kind"),
        "kind",
        kinds,
        collect,
        default=ClaimKind.CUMULATIVE.value,
        hint=lambda v: f"kind {v!r} is not one of {sorted(kinds)}",
    )
    coverages = {c.value: c.value for c in Coverage}
    out["coverage"] = _vocabulary(
        col("coverage"),
        "coverage",
        coverages,
        collect,
        default=Coverage.COMPLETE.value,
        hint=lambda v: f"coverage {v!r} is not one of {sorted(coverages)}",
    )

    as_of = _dates(col("as_of"), "as_of", collect, required=True)
    since_raw = col("since")
    since = _dates(since_raw, "since", collect, required=False)
    since = since.fillna(pd.Timestamp(WAR_START)).astype(_DATE)
    published = _dates(col("published"), "published", collect, required=False)
    early = pd.Series(as_of < since).fillna(False)
    collect.flag(
        early,
        "as_of",
        Reason.DATE_ORDER,
        as_of.dt.strftime("%Y-%m-%d"),
        lambda v: f"as_of={v} is before since",
    )
    late = pd.Series(as_of > published).fillna(False)
    collect.flag(
        late,
        "as_of",
        Reason.DATE_ORDER,
        as_of.dt.strftime("%Y-%m-%d"),
        lambda v: f"as_of={v} is after the document was published",
    )
    out["since"], out["as_of"], out["published"] = since, as_of, published

    out["event"] = _as_text(col("event"))
    incident = out["kind"] == ClaimKind.INCIDENT.value
    collect.flag(
        pd.Series(incident.fillna(False) & out["event"].isna()),
        "event",
        Reason.MISSING_VALUE,
        col("event"),
        lambda v: "an incident claim needs an event id",
    )

    source = _as_text(col("source"))
    collect.flag(
        source.isna(),
        "source",
        Reason.MISSING_VALUE,
        col("source"),
        lambda v: "missing provenance: no source",
    )
    out["source"] = source
    out["source_name"] = _as_text(col("source_name")).fillna(source)
    source_kinds = {k.value: k.value for k in SourceKind}
    out["source_kind"] = _vocabulary(
        col("source_kind"),
        "source_kind",
        source_kinds,
        collect,
        default=SourceKind.OTHER.value,
        hint=lambda v: f"source_kind {v!r} is not one of {sorted(source_kinds)}",
    )
    affiliations = _tree_terms(chosen, "party") | {INDEPENDENT: INDEPENDENT}
    out["source_affiliation"] = _vocabulary(
        col("source_affiliation"),
        "source_affiliation",
        affiliations,
        collect,
        default=INDEPENDENT,
        hint=_unknown_term_hint(chosen, "party"),
    )
    for name in ("via", "outlet", "document", "quote", "note"):
        out[name] = _as_text(col(name))
    collect.flag(
        out["outlet"].isna() & out["document"].isna(),
        "document",
        Reason.MISSING_VALUE,
        col("document"),
        lambda v: "missing provenance: neither document nor outlet",
    )

    start = _integers(col("span_start"), "span_start", collect, required=False)
    end = _integers(col("span_end"), "span_end", collect, required=False)
    start_s, end_s = start, end
    half = start_s.isna() != end_s.isna()
    collect.flag(
        half,
        "span_end",
        Reason.BAD_SPAN,
        end_s.astype("string"),
        lambda v: "span_start and span_end go together",
    )
    backwards = (end_s <= start_s).fillna(False)
    collect.flag(
        backwards,
        "span_end",
        Reason.BAD_SPAN,
        end_s.astype("string"),
        lambda v: f"span_end={v} is not after span_start",
    )
    quote_len = out["quote"].str.len()
    wrong_len = ((end_s - start_s) != quote_len).fillna(False) & ~backwards
    collect.flag(
        wrong_len,
        "quote",
        Reason.BAD_SPAN,
        out["quote"],
        lambda v: f"quote of {len(v)} characters does not fill its span",
    )
    out["span_start"], out["span_end"], out["note"] = start_s, end_s, out["note"]

    built = pd.DataFrame({name: out[name] for name in COLUMNS})
    for extra in frame.columns:
        if extra not in _BY_NAME:
            built[extra] = frame[extra].to_numpy()
    bad = sorted({p.row for p in collect.problems if p.row is not None})
    keep = np.ones(n, dtype=bool)
    keep[bad] = False
    good = coerce_frame(built.loc[keep].reset_index(drop=True))
    problems = tuple(sorted(collect.problems, key=lambda p: p.row if p.row is not None else -1))
    return good, problems
