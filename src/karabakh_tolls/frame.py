"""The column schema of a claim table, and pure pandas functions over it.

One row is one claim. :data:`SCHEMA` names every column, its dtype and meaning; it is the
contract of ``ClaimSet.to_frame()`` and of the CSV, JSON Lines and Parquet files. The functions
here never mutate the frame they are given.

:func:`validate_frame` checks a whole table in vectorised passes and returns the clean rows and
*every* problem found (row, column, reason, value), so the caller can raise one error listing
them all or keep the good rows and report the rest: no row is ever dropped without being named.
Each row is read against its war (the ``war`` column): its scope terms against that war's trees,
its dates against that war's start and end.

This module imports pandas, numpy and the package's ``errors``, ``figures``, ``scopes``,
``sources``, ``wars`` and ``claims`` (for the ``ClaimKind`` and ``Coverage`` vocabularies).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Final

import numpy as np
import pandas as pd

from karabakh_tolls.claims import ClaimKind, Coverage
from karabakh_tolls.errors import FigureParseError, Problem, Reason, WarError
from karabakh_tolls.figures import MAX_COUNT, Figure, Hedge
from karabakh_tolls.scopes import DIMENSIONS, ScopeTrees, normalise_term
from karabakh_tolls.sources import INDEPENDENT, SourceKind
from karabakh_tolls.wars import War, bundled_wars, default_war, resolve_wars

__all__ = [
    "REVIEW_STATUSES",
    "SCHEMA",
    "Column",
    "WarRegistry",
    "absent_required",
    "coerce_frame",
    "empty_frame",
    "read_count",
    "supersession_problems",
    "validate_frame",
    "war_registry",
]


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
    >>> column = SCHEMA[3]
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
    Column("war", _TEXT, False, "Id of the war the claim is about (default: the one war given)."),
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
    Column("reviewed", _TEXT, False, "Review status: accepted, corrected, rejected, or empty."),
    Column(
        "evidence",
        _TEXT,
        False,
        "Evidence group: claims with the same value carry one statement (default: detected).",
    ),
    Column("release", _TEXT, False, "Dataset release the claim was imported from, e.g. 19.1."),
    Column("superseded_by", _TEXT, False, "Id of the claim of a newer release that replaces it."),
)

"""Every column of the claim table, in order: the contract of ``ClaimSet.to_frame()`` and of
the CSV, JSON Lines and Parquet files."""

REVIEW_STATUSES: Final = ("accepted", "corrected", "rejected")
"""Values of the ``reviewed`` column (empty: not reviewed)."""

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
    ['claim_id', 'war', 'figure', 'low']
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
    (['claim_id', 'war', 'figure'], ['tag'], 'Int64', 'a')
    """
    return _coerce(frame, clean_text=True)


def _coerce(frame: pd.DataFrame, *, clean_text: bool) -> pd.DataFrame:
    """:func:`coerce_frame`; ``clean_text=False`` keeps text columns that are already of the
    schema's text dtype as they are (validation has stripped them: no second copy)."""
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    for column in SCHEMA:
        values = frame.get(column.name)
        if values is None:
            out[column.name] = pd.Series(pd.NA, index=out.index, dtype=column.dtype)
        elif column.dtype == _TEXT and not clean_text and values.dtype == _TEXT:
            out[column.name] = values.set_axis(out.index)
        elif column.dtype == _TEXT:
            out[column.name] = _as_text(values).set_axis(out.index)  # no trip through objects
        elif column.dtype == _INT:
            out[column.name] = _exact_ints(values)
        else:
            out[column.name] = pd.to_datetime(values.to_numpy()).astype(_DATE)
    for extra in frame.columns:
        if extra not in _BY_NAME:
            out[extra] = frame[extra].to_numpy()
    return out


# --- validation --------------------------------------------------------------------------------


class _Days:
    """ISO text of a column of dates, formatted only where asked (``iloc[pos]``); a problem
    names a few rows, so a million dates are not formatted to report none."""

    def __init__(self, values: pd.Series) -> None:
        self._values = values

    @property
    def iloc(self) -> _Days:
        return self

    def __getitem__(self, pos: int | np.integer) -> str:
        value = self._values.iloc[int(pos)]
        if pd.isna(value):
            return ""
        try:
            return pd.Timestamp(value).strftime("%Y-%m-%d")
        except (ValueError, OverflowError, NotImplementedError):  # beyond the calendar
            return str(value)


class _Collector:
    """Gathers problems while the vectorised checks run."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def flag(
        self,
        mask: pd.Series,
        column: str | None,
        reason: Reason,
        values: pd.Series | _Days,
        message: Callable[[str], str],
    ) -> None:
        positions = np.flatnonzero(mask.to_numpy(dtype=bool, na_value=False))
        labels = mask.index
        for pos in positions:
            raw = values.iloc[pos]
            shown = "" if raw is None or raw is pd.NA or raw is pd.NaT else str(raw)
            if isinstance(raw, float) and np.isnan(raw):
                shown = ""
            row = int(labels[int(pos)])  # frames are validated with a RangeIndex: label = row
            self.problems.append(Problem(row, column, reason, shown, message(shown)))


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
    """Map terms through ``allowed`` (normalised term -> canonical); flag unknown ones.

    Each distinct term is looked up once, so the work per row is a table take.
    """
    text = _as_text(raw)
    if default is not None:
        text = text.fillna(default)
    codes, uniques = pd.factorize(text)
    canonical = [allowed.get(normalise_term(str(u))) for u in uniques]
    table = pd.array([pd.NA if c is None else c for c in canonical], dtype="string")
    mapped = pd.Series(table.take(codes, allow_fill=True), index=text.index, dtype="string")
    known = np.array([c is not None for c in canonical] + [True], dtype=bool)
    unknown = pd.Series(~known[codes], index=text.index)  # code -1 (missing) picks the last
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


@dataclass(frozen=True, slots=True)
class WarRegistry:
    """The wars a claim table may name, and the war of rows that name none.

    ``wars`` are the wars given by the caller, then every bundled war whose id none of them
    takes; ``default`` is the war of a row without a ``war`` value (``None`` when the caller
    gave several wars, so such a row is a problem). Build it with :func:`war_registry`.
    """

    wars: tuple[War, ...]
    default: War | None

    def get(self, war_id: str) -> War | None:
        """The war with that id, or ``None``."""
        for war in self.wars:
            if war.id == war_id:
                return war
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        """The known war ids, in order."""
        return tuple(w.id for w in self.wars)


def war_registry(
    wars: Iterable[War | str] | War | str | None = None, trees: ScopeTrees | None = None
) -> WarRegistry:
    """The wars a table may name, from the caller's ``wars`` and optional ``trees``.

    With no wars, rows without a ``war`` belong to the bundled default war; with one war, to
    that war; with several, every row must name its war. ``trees`` (a shorthand kept for
    tables of one war) replaces the trees of that default war.

    Examples
    --------
    >>> r = war_registry([War("hypo-2015", "A hypothetical war", start="2015-01-01")])
    >>> r.default.id, r.ids[:2]
    ('hypo-2015', ('hypo-2015', 'karabakh-1988'))
    """
    given = resolve_wars(wars)
    if trees is not None and len(given) > 1:
        raise WarError("trees= applies to a table of one war; give each War its own trees")
    default: War | None
    if not given:
        default = default_war()
        if trees is not None:
            default = default.evolve(trees=trees)
        given = (default,)
    elif len(given) == 1:
        default = given[0] if trees is None else given[0].evolve(trees=trees)
        given = (default,)
    else:
        default = None
    taken = {w.id for w in given}
    rest = tuple(w for w in bundled_wars() if w.id not in taken)
    return WarRegistry(given + rest, default)


def _war_column(
    frame: pd.DataFrame, registry: WarRegistry, collect: _Collector
) -> tuple[pd.Series, dict[str, War]]:
    """Each row's war id (NA where unknown) and the wars the rows name."""
    n = len(frame)
    if "war" in frame.columns:
        raw = frame["war"]
        text = _as_text(raw).str.lower()
    else:
        raw = pd.Series([pd.NA] * n, dtype="object")
        text = pd.Series([pd.NA] * n, dtype="string")
    if registry.default is not None:
        text = text.fillna(registry.default.id)
    elif "war" not in frame.columns:
        collect.problems.append(
            Problem(
                None,
                "war",
                Reason.MISSING_COLUMN,
                "",
                f"the table has no 'war' column, and several wars were given "
                f"({', '.join(registry.ids[:8])}): say which war each row is about",
            )
        )
    else:
        collect.flag(
            text.isna(),
            "war",
            Reason.MISSING_VALUE,
            raw,
            lambda v: "war is empty, and several wars were given: name the row's war",
        )
    codes, uniques = pd.factorize(text)
    known = {str(u): registry.get(str(u)) for u in uniques}
    missing_war = np.array([known[str(u)] is None for u in uniques] + [False], dtype=bool)
    unknown = pd.Series(missing_war[codes], index=text.index)  # code -1 (empty) is not unknown
    shown = ", ".join(registry.ids[:12])
    collect.flag(
        unknown,
        "war",
        Reason.UNKNOWN_WAR,
        raw,
        lambda v: f"unknown war {v!r} (known: {shown}); pass it with wars=[kt.War(...)]",
    )
    ids = text.mask(unknown, pd.NA).astype("string")
    used = {str(k): w for k, w in known.items() if w is not None}
    return ids, used


def _war_rows(ids: pd.Series) -> tuple[list[str], list[np.ndarray]]:
    """The distinct war ids of the rows and, for each, the positions of its rows (in order).

    One sort of the war codes: the work does not grow with the number of wars.
    """
    codes, uniques = pd.factorize(ids)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    return [str(u) for u in uniques], [
        order[bounds[i] : bounds[i + 1]] for i in range(len(uniques))
    ]


def _per_war(ids: pd.Series, used: Mapping[str, War]) -> list[tuple[ScopeTrees, np.ndarray]]:
    """Row positions grouped by the scope trees of their war (wars sharing one trees object
    together), each group in row order."""
    groups: dict[int, tuple[ScopeTrees, list[np.ndarray]]] = {}
    for war_id, rows in zip(*_war_rows(ids), strict=True):
        war = used.get(war_id)
        if war is not None:
            groups.setdefault(id(war.trees), (war.trees, []))[1].append(rows)
    return [(trees, np.sort(np.concatenate(parts))) for trees, parts in groups.values()]


def _vocabularies(
    col: Callable[[str], pd.Series],
    groups: Sequence[tuple[ScopeTrees, np.ndarray]],
    n: int,
    collect: _Collector,
) -> dict[str, pd.Series]:
    """Scope terms and affiliations, each row read against the trees of its war.

    Each column is cleaned and factorised once; a war's rows are then mapped through the
    distinct terms they use, so the work does not grow with the number of wars.
    """
    out: dict[str, pd.Series] = {}
    for name in (*DIMENSIONS, "source_affiliation"):
        raw = col(name)
        text = _as_text(raw)
        default = {"outcome": None, "source_affiliation": INDEPENDENT}.get(name, "all")
        if default is not None:
            text = text.fillna(default)
        codes, uniques = pd.factorize(text)
        terms = [str(u) for u in uniques]
        vocabulary: dict[str, int] = {}
        result = np.full(n, -1, dtype=np.int64)
        for trees, rows in groups:
            if not len(rows):
                continue
            if name == "source_affiliation":
                allowed = _tree_terms(trees, "party") | {INDEPENDENT: INDEPENDENT}
                hint = _unknown_term_hint(trees, "party")
            else:
                allowed = _tree_terms(trees, name)
                hint = _unknown_term_hint(trees, name)
            used = codes[rows]
            lookup = np.full(len(terms) + 1, -1, dtype=np.int64)  # the last entry: missing
            unknown_term = np.zeros(len(terms) + 1, dtype=bool)
            for u in np.unique(used[used >= 0]).tolist():
                canonical = allowed.get(normalise_term(terms[u]))
                if canonical is None:
                    unknown_term[u] = True
                else:
                    lookup[u] = vocabulary.setdefault(canonical, len(vocabulary))
            result[rows] = lookup[used]
            bad = unknown_term[used]
            if bad.any():
                mask = np.zeros(n, dtype=bool)
                mask[rows[bad]] = True
                collect.flag(pd.Series(mask), name, Reason.UNKNOWN_TERM, raw, hint)
        table = pd.array(list(vocabulary), dtype="string")
        out[name] = pd.Series(table.take(result, allow_fill=True), index=pd.RangeIndex(n))
    return out


def _war_dates(ids: pd.Series, used: Mapping[str, War]) -> tuple[pd.Series, pd.Series]:
    """Per row, the start and the end (NaT when open) of its war."""
    codes, uniques = pd.factorize(ids)
    wars = [used.get(str(u)) for u in uniques]
    nat = np.datetime64("NaT", "s")
    starts = np.array(
        [nat if w is None else np.datetime64(w.start, "s") for w in wars] + [nat],
        dtype="datetime64[s]",
    )
    ends = np.array(
        [nat if w is None or w.end is None else np.datetime64(w.end, "s") for w in wars] + [nat],
        dtype="datetime64[s]",
    )
    index = ids.index
    return pd.Series(starts[codes], index=index), pd.Series(ends[codes], index=index)


def absent_required(columns: Iterable[object]) -> list[str]:
    """The required columns of :data:`SCHEMA` that ``columns`` lack (``low`` is not required
    of a table with a ``figure`` column: the phrase gives the bounds)."""
    present = set(columns)
    return [
        c.name
        for c in SCHEMA
        if c.required and c.name not in present and not (c.name == "low" and "figure" in present)
    ]


def _bounds_from_figures(frame: pd.DataFrame, collect: _Collector) -> pd.DataFrame:
    """Rows with neither ``low`` nor ``high`` but a ``figure`` phrase take the bounds the phrase
    says (:meth:`Figure.parse`: "more than 6,000" is ``[6001, open)``), and its hedge where the
    row names none. A phrase that is not a count of people, or a share, is the row's problem in
    column ``figure`` (its bounds stay missing). Each distinct phrase is read once."""
    if "figure" not in frame.columns:
        return frame

    def absent(name: str) -> pd.Series:
        if name not in frame.columns:
            return pd.Series(True, index=frame.index)
        return _as_text(frame[name]).isna()

    text = _as_text(frame["figure"])
    wanted = (absent("low") & absent("high") & text.notna()).to_numpy(dtype=bool)
    if not wanted.any():
        return frame
    read: dict[str, Figure | FigureParseError] = {}
    for phrase in pd.unique(text[wanted]).tolist():
        try:
            figure = Figure.parse(str(phrase))
        except FigureParseError as error:
            read[phrase] = error
            continue
        if figure.share is not None:
            read[phrase] = FigureParseError(
                phrase, Reason.NOT_PEOPLE, "a share says nothing about a count by itself"
            )
            continue
        read[phrase] = figure
    columns = {
        name: (
            frame[name].astype(object)
            if name in frame.columns
            else pd.Series(None, index=frame.index, dtype=object)
        ).tolist()
        for name in ("low", "high", "hedge")
    }
    no_hedge = absent("hedge").to_numpy(dtype=bool)
    for pos in np.flatnonzero(wanted).tolist():
        phrase = text.iloc[pos]
        found = read[phrase]
        if isinstance(found, FigureParseError):
            detail = f": {found.detail}" if found.detail else ""
            collect.problems.append(
                Problem(
                    pos,
                    "figure",
                    found.reason,
                    str(phrase),
                    f"figure {phrase!r} gives no bounds (no low or high given){detail}",
                )
            )
            continue
        columns["low"][pos] = found.low
        columns["high"][pos] = found.high
        if no_hedge[pos]:
            columns["hedge"][pos] = found.hedge.value
    out = frame.copy()
    for name, values in columns.items():
        out[name] = pd.Series(values, index=frame.index, dtype=object)
    return out


def validate_frame(
    frame: pd.DataFrame,
    trees: ScopeTrees | None = None,
    *,
    wars: Iterable[War | str] | War | str | None = None,
) -> tuple[pd.DataFrame, tuple[Problem, ...]]:
    """Check a table of claims; return its good rows (coerced to the schema) and all problems.

    The returned frame holds exactly the rows with no problem, in input order, with a fresh
    index; every other input row is named at least once in the problems, with its 0-based
    position, the column and the reason. A missing required column is one problem with no row,
    and then no row is kept. A row with neither ``low`` nor ``high`` takes its bounds (and its
    hedge, when it names none) from its ``figure`` phrase, read by :meth:`Figure.parse`; a table
    with a ``figure`` column need not have a ``low`` column. Empty optional cells take their
    defaults (``kind`` cumulative, ``since`` the start of the row's war, scope terms ``all``,
    ...). The input is not modified.

    Each row belongs to the war its ``war`` cell names (a war given in ``wars`` or a bundled
    one); a table without the column belongs to the one war given (by default the bundled
    2020 Nagorno-Karabakh war). A row is read against its war: scope terms against the war's
    trees; ``since`` and ``as_of`` must not fall before the war's start, and a window that
    starts after the war's end (or an incident after it) is refused.

    Parameters
    ----------
    frame : pandas.DataFrame
        The raw table, one claim per row, with columns named as in :data:`SCHEMA`; cells may be
        text (as read from a CSV file).
    trees : ScopeTrees, optional
        Scope trees for a table of one war: they replace the trees of the war rows default to.
    wars : sequence of War or war ids, optional
        The wars the ``war`` column may name, besides the bundled ones.

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
    >>> hypo = War("hypo-2015", "A hypothetical war", start="2015-01-01")
    >>> good, problems = validate_frame(raw.assign(low=20, as_of="2014-10-15"), wars=[hypo])
    >>> problems[0].reason.value, problems[0].message[:61]
    ('outside-war', "as_of=2014-10-15 is before the start of war 'hypo-2015' (2015")
    """
    registry = war_registry(wars, trees)
    collect = _Collector()
    n = len(frame)
    frame = frame.reset_index(drop=True)
    if n == 0:
        return coerce_frame(frame), ()
    frame = _bounds_from_figures(frame, collect)
    missing_columns = absent_required(frame.columns)
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
    war_ids, used_wars = _war_column(frame, registry, collect)
    out["war"] = war_ids
    out["figure"] = _as_text(col("figure"))

    low = _integers(col("low"), "low", collect, required=True)
    high = _integers(col("high"), "high", collect, required=False)
    inverted = (low > high).fillna(False)
    for pos in np.flatnonzero(inverted.to_numpy()):
        collect.problems.append(
            Problem(
                int(pos),
                "high",
                Reason.LOW_ABOVE_HIGH,
                f"{low[pos]}..{high[pos]}",
                f"high={high[pos]} is below low={low[pos]}",
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

    out.update(_vocabularies(col, _per_war(war_ids, used_wars), n, collect))
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
    since = _dates(col("since"), "since", collect, required=False)
    war_start, war_end = _war_dates(war_ids, used_wars)
    since = since.fillna(war_start).astype(_DATE)
    published = _dates(col("published"), "published", collect, required=False)
    _check_dates(out, war_ids, as_of, since, published, war_start, war_end, collect)
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
    for name in ("via", "outlet", "document", "quote", "note", "evidence", "release"):
        out[name] = _as_text(col(name))
    statuses = {s: s for s in REVIEW_STATUSES}
    out["reviewed"] = _vocabulary(
        col("reviewed"),
        "reviewed",
        statuses,
        collect,
        default=None,
        hint=lambda v: f"reviewed {v!r} is not one of {sorted(statuses)} (or empty)",
    )
    out["superseded_by"] = _as_text(col("superseded_by"))
    _check_supersession(ids, out["superseded_by"], collect)

    start = _integers(col("span_start"), "span_start", collect, required=False)
    end = _integers(col("span_end"), "span_end", collect, required=False)
    half = start.isna() != end.isna()
    collect.flag(
        half,
        "span_end",
        Reason.BAD_SPAN,
        end.astype("string"),
        lambda v: "span_start and span_end go together",
    )
    backwards = (end <= start).fillna(False)
    collect.flag(
        backwards,
        "span_end",
        Reason.BAD_SPAN,
        end.astype("string"),
        lambda v: f"span_end={v} is not after span_start",
    )
    quote_len = out["quote"].str.len()
    wrong_len = ((end - start) != quote_len).fillna(False) & ~backwards
    collect.flag(
        wrong_len,
        "quote",
        Reason.BAD_SPAN,
        out["quote"],
        lambda v: f"quote of {len(v)} characters does not fill its span",
    )
    out["span_start"], out["span_end"] = start, end

    built = pd.DataFrame({name: out[name] for name in COLUMNS if name in out})
    for extra in frame.columns:
        if extra not in _BY_NAME:
            built[extra] = frame[extra].to_numpy()
    bad = sorted({p.row for p in collect.problems if p.row is not None})
    keep = np.ones(n, dtype=bool)
    keep[bad] = False
    if any(p.row is None for p in collect.problems):
        keep[:] = False
    kept = built if keep.all() else built.loc[keep].reset_index(drop=True)
    good = _coerce(kept, clean_text=False)
    problems = tuple(sorted(collect.problems, key=lambda p: p.row if p.row is not None else -1))
    return good, problems


def supersession_problems(ids: pd.Series, successor: pd.Series) -> tuple[Problem, ...]:
    """Problems of a table's ``superseded_by`` column: a claim replacing itself, or a chain of
    replacements that runs in a circle (one problem per row concerned).

    ``ids`` and ``successor`` are the ``claim_id`` and ``superseded_by`` columns of a table
    with a ``RangeIndex``; :func:`validate_frame` runs the same check.

    Examples
    --------
    >>> ids = pd.Series(["a", "b", "c"], dtype="string")
    >>> [p.row for p in supersession_problems(ids, pd.Series(["b", "a", None], dtype="string"))]
    [0, 1]
    """
    collect = _Collector()
    _check_supersession(ids, successor, collect)
    return tuple(collect.problems)


def _check_supersession(ids: pd.Series, successor: pd.Series, collect: _Collector) -> None:
    """Flag a claim that replaces itself, or whose chain of replacements runs in a circle.

    ``superseded_by`` may name a claim outside the table (the replacement was left out of
    this table); such a claim stays superseded. Pointer doubling follows every chain for at
    least as many steps as there are rows, so whatever has not reached its end is on a cycle or
    runs into one; linear in rows times the logarithm of the longest chain.
    """
    named = successor.notna().to_numpy()
    if not named.any():
        return
    collect.flag(
        pd.Series(successor == ids).fillna(False),
        "superseded_by",
        Reason.BAD_VALUE,
        successor,
        lambda v: f"claim {v!r} cannot supersede itself",
    )
    known = ids.notna().to_numpy() & ~ids.duplicated(keep="first").to_numpy()
    index = pd.Index(ids.to_numpy(dtype=object)[known])
    pointer = np.full(len(ids), -1, dtype=np.int64)
    found = index.get_indexer(successor.to_numpy(dtype=object)[named])
    rows = np.flatnonzero(known)
    pointer[np.flatnonzero(named)] = np.where(found >= 0, rows[np.maximum(found, 0)], -1)
    pointer[pointer == np.arange(len(ids))] = -1  # self-reference: flagged above
    steps = 1
    jump = pointer.copy()
    while steps < len(ids) and (jump >= 0).any():
        jump = np.where(jump >= 0, jump[np.maximum(jump, 0)], -1)
        steps *= 2
    collect.flag(
        pd.Series(jump >= 0, index=successor.index),
        "superseded_by",
        Reason.BAD_VALUE,
        successor,
        lambda v: f"superseded_by={v!r} starts a chain of replacements that runs in a circle",
    )


def _check_dates(
    out: Mapping[str, pd.Series],
    war_ids: pd.Series,
    as_of: pd.Series,
    since: pd.Series,
    published: pd.Series,
    war_start: pd.Series,
    war_end: pd.Series,
    collect: _Collector,
) -> None:
    """Flag windows that run backwards, outside their war, or past their document's date."""
    day = _Days(as_of)
    before_war = pd.Series(as_of < war_start).fillna(False)
    collect.flag(
        pd.Series(as_of < since).fillna(False) & ~before_war,  # else the war's start explains it
        "as_of",
        Reason.DATE_ORDER,
        day,
        lambda v: f"as_of={v} is before since",
    )
    collect.flag(
        pd.Series(as_of > published).fillna(False),
        "as_of",
        Reason.DATE_ORDER,
        day,
        lambda v: f"as_of={v} is after the document was published",
    )
    names = war_ids.fillna("").astype(str)
    starts, ends = _Days(war_start), _Days(war_end)
    for column, values in (("as_of", as_of), ("since", since)):
        early = pd.Series(values < war_start).fillna(False)
        shown = _Days(values)
        positions = np.flatnonzero(early.to_numpy(dtype=bool))
        for pos in positions:
            collect.problems.append(
                Problem(
                    int(pos),
                    column,
                    Reason.OUTSIDE_WAR,
                    shown.iloc[pos],
                    f"{column}={shown.iloc[pos]} is before the start of war {names.iloc[pos]!r} "
                    f"({starts.iloc[pos]}): a count of that war cannot hold then",
                )
            )
    incident = (out["kind"] == ClaimKind.INCIDENT.value).fillna(False)
    first_counted = since.where(~incident, as_of)
    late = pd.Series(first_counted > war_end).fillna(False)
    counted = _Days(first_counted)
    for pos in np.flatnonzero(late.to_numpy(dtype=bool)):
        what = "the incident is dated" if bool(incident.iloc[pos]) else "the count starts"
        when = counted.iloc[pos]
        collect.problems.append(
            Problem(
                int(pos),
                "as_of" if bool(incident.iloc[pos]) else "since",
                Reason.OUTSIDE_WAR,
                str(when),
                f"{what} {when}, after the end of war {names.iloc[pos]!r} ({ends.iloc[pos]})",
            )
        )
