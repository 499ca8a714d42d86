"""The exception tree of karabakh_tolls.

Every error the library raises derives from :class:`KarabakhTollsError` and also from the
built-in exception a caller would naturally catch (``ValueError``, ``TypeError``, ``KeyError``,
``ImportError``, ``FileNotFoundError``...), so ``except ValueError`` keeps working and
``except KarabakhTollsError`` catches everything the library refuses. Errors carry structured
fields (the offending text, the file, line, row and column of a table, a :class:`Reason` code)
and build their message from them, so a message always names what was wrong and where. Every
error pickles intact, so it survives a trip between worker processes.

The tree::

    KarabakhTollsError
    ├── FigureParseError         (ValueError)   a text or value is not a count of people
    ├── ClaimError               (ValueError)   one claim or source built from a bad value
    ├── ClaimValidationError     (ValueError)   a table of claims with bad rows, all listed
    ├── ClaimFileError           (ValueError)   a claims file that cannot be read at all
    │   └── ClaimFileAccessError (OSError)      ... because it cannot be opened
    │       └── ClaimFileNotFoundError (FileNotFoundError)
    ├── ScopeError               (ValueError)   a malformed scope or scope tree
    ├── WarError                 (ValueError)   a malformed or unknown war, or no war named
    ├── UnknownTermError         (KeyError)     a term that is not a node of its tree
    ├── NotFoundError            (KeyError)     no item of that name (seed document, claim...)
    ├── ArgumentTypeError        (TypeError)    an argument of the wrong type
    ├── OptionError              (ValueError)   an option outside its allowed values
    ├── MissingExtraError        (ImportError)  an optional extra is not installed
    └── ReconciliationError      (ValueError)   reconciliation could not answer
        ├── ConflictError                       strict mode: the claims cannot all be true
        ├── SolverError          (RuntimeError) the solver itself failed
        └── WorkerMemoryError    (MemoryError)  a war too large for one Dask worker

This module imports nothing from the rest of the package.

Examples
--------
>>> error = OptionError("errors", "ignore", ("raise", "report"))
>>> isinstance(error, ValueError), str(error)
(True, "errors='ignore' is not one of 'raise', 'report'")
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ArgumentTypeError",
    "ClaimError",
    "ClaimFileAccessError",
    "ClaimFileError",
    "ClaimFileNotFoundError",
    "ClaimValidationError",
    "ConflictError",
    "EstimationError",
    "FigureParseError",
    "KarabakhTollsError",
    "KarabakhTollsWarning",
    "MissingExtraError",
    "NotFoundError",
    "OptionError",
    "Problem",
    "Reason",
    "ReconciliationError",
    "ScopeError",
    "SolverError",
    "UnknownTermError",
    "WarError",
    "WorkerMemoryError",
    "unknown_member",
]


class Reason(enum.StrEnum):
    """Closed vocabulary of reasons an input is refused.

    Examples
    --------
    >>> Reason("too-large") is Reason.TOO_LARGE
    True
    """

    EMPTY = "empty"
    NOT_A_NUMBER = "not-a-number"
    NOT_PEOPLE = "not-people"
    """The text measures something other than people (a calibre, a distance, a duration...)."""
    YEAR = "year"
    NEGATIVE = "negative"
    NOT_INTEGER = "not-integer"
    TOO_LARGE = "too-large"
    """A count above 2**63 - 1, the largest count the library stores exactly."""
    INEXACT = "inexact"
    """A floating-point value too large to be known exactly (2**53 or more): pass an integer."""
    LOW_ABOVE_HIGH = "low-above-high"
    UNKNOWN_TERM = "unknown-term"
    BAD_DATE = "bad-date"
    DATE_ORDER = "date-order"
    DUPLICATE_ID = "duplicate-id"
    MISSING_VALUE = "missing-value"
    MISSING_COLUMN = "missing-column"
    DUPLICATE_COLUMN = "duplicate-column"
    BAD_VALUE = "bad-value"
    BAD_TYPE = "bad-type"
    """A value of the wrong type (a list where a count belongs, a bool...)."""
    BAD_SPAN = "bad-span"
    UNKNOWN_WAR = "unknown-war"
    OUTSIDE_WAR = "outside-war"
    """A date falls before the start of the claim's war, or its counted days after its end."""
    BAD_ENCODING = "bad-encoding"
    """Bytes that are not UTF-8 text."""
    BAD_FORMAT = "bad-format"
    """A file that is not well-formed in its format (CSV quoting, JSON, Parquet)."""
    TOO_DEEP = "too-deep"
    """JSON nested too deeply to read."""
    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"
    """A file that exists but cannot be opened (a directory, no permission)."""
    UNWRITABLE = "unwritable"
    """A file that cannot be written (no such folder, no permission)."""

    @classmethod
    def _missing_(cls, value: object) -> Reason:
        raise unknown_member(cls, value)


def _shown(value: object, limit: int = 60) -> str:
    """A short description of a value: its type and a truncated repr."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{type(value).__name__} {text}"


class KarabakhTollsError(Exception):
    """Base class of every error raised by karabakh_tolls.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> try:
    ...     kt.Figure.parse("300mm")
    ... except kt.KarabakhTollsError as error:
    ...     print(type(error).__name__, error.reason)
    FigureParseError not-people
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild from the message arguments and the structured fields, without calling
        # ``__init__`` again: every subclass pickles intact whatever its signature.
        state = dict(self.__dict__)
        if isinstance(self, OSError):  # errno, strerror and filename live outside __dict__
            state["_os_fields"] = (self.errno, self.strerror, self.filename)
        return (_restore, (type(self), self.args, state))


def _restore(
    cls: type[KarabakhTollsError], args: tuple[Any, ...], state: dict[str, Any]
) -> KarabakhTollsError:
    make = OSError.__new__ if issubclass(cls, OSError) else Exception.__new__
    error = make(cls, *args)
    error.args = args
    os_fields = state.pop("_os_fields", None)
    error.__dict__.update(state)
    if isinstance(error, OSError) and os_fields is not None:
        error.errno, error.strerror, error.filename = os_fields
    return error


class KarabakhTollsWarning(UserWarning):
    """Base class of every warning karabakh_tolls gives (filter them all with this class)."""


class FigureParseError(KarabakhTollsError, ValueError):
    """A text could not be read as a count of people.

    Attributes
    ----------
    text:
        The text that was refused, exactly as given.
    reason:
        Why it was refused.
    detail:
        A human sentence with more context (may be empty).

    Examples
    --------
    >>> FigureParseError("1e400", Reason.TOO_LARGE, "above 2**63 - 1").reason
    <Reason.TOO_LARGE: 'too-large'>
    """

    def __init__(self, text: str, reason: Reason = Reason.NOT_A_NUMBER, detail: str = "") -> None:
        self.text = text
        self.reason = Reason(reason)
        self.detail = detail
        shown = text if len(text) <= 200 else text[:100] + " ... " + text[-50:]
        message = f"cannot read {shown!r} as a count of people ({self.reason.value})"
        if detail:
            message += f": {detail}"
        super().__init__(message)


class ClaimError(KarabakhTollsError, ValueError):
    """A single claim or source was built from a bad value; the message names field and value.

    Attributes
    ----------
    field:
        The field that was refused (``"as_of"``, ``"span"``, ``"kind"``...), when known.
    value:
        The refused value as text, when known.
    claim_id:
        The id of the claim (or source) being built, when known.

    Examples
    --------
    >>> error = ClaimError("as_of='06/10' is not a date", field="as_of", value="06/10")
    >>> error.field, str(error)
    ('as_of', "as_of='06/10' is not a date")
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: str | None = None,
        claim_id: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.claim_id = claim_id
        super().__init__(message)


class WarError(KarabakhTollsError, ValueError):
    """A war is malformed, unknown, or a query does not say which war it asks about."""


class ScopeError(KarabakhTollsError, ValueError):
    """A scope or a scope tree is malformed.

    Attributes
    ----------
    dimension:
        The dimension concerned (``"region"``...), when known.
    term:
        The offending term or node, when known.

    Examples
    --------
    >>> ScopeError("region: cycle through 'ganja'", dimension="region", term="ganja").term
    'ganja'
    """

    def __init__(
        self, message: str, *, dimension: str | None = None, term: str | None = None
    ) -> None:
        self.dimension = dimension
        self.term = term
        super().__init__(message)


class UnknownTermError(KarabakhTollsError, KeyError):
    """A scope term is not a node of its dimension's tree.

    The message lists the known terms and, where one is close, suggests it.

    Examples
    --------
    >>> print(UnknownTermError("outcome", "kiled", ["killed", "wounded"], "killed"))
    unknown outcome 'kiled'; did you mean 'killed'? (known: killed, wounded)
    """

    def __init__(
        self, dimension: str, term: str, known: Sequence[str], suggestion: str | None = None
    ) -> None:
        self.dimension = dimension
        self.term = term
        self.known = tuple(known)
        self.suggestion = suggestion
        super().__init__(dimension, term, self.known, suggestion)

    def __str__(self) -> str:
        hint = f"; did you mean {self.suggestion!r}?" if self.suggestion else ""
        shown = ", ".join(self.known[:40]) + (" ..." if len(self.known) > 40 else "")
        return f"unknown {self.dimension} {self.term!r}{hint} (known: {shown})"


class NotFoundError(KarabakhTollsError, KeyError):
    """No item of that name: a seed document, a claim id, a column.

    Attributes
    ----------
    kind:
        What was looked up (``"seed document"``, ``"claim"``, ``"column"``).
    key:
        The name asked for.
    known:
        The names that exist (possibly abridged).

    Examples
    --------
    >>> print(NotFoundError("seed document", "999", ["000", "001"]))
    no seed document '999' (known: 000, 001)
    """

    def __init__(self, kind: str, key: str, known: Sequence[str] = ()) -> None:
        self.kind = kind
        self.key = key
        self.known = tuple(known)
        super().__init__(kind, key, self.known)

    def __str__(self) -> str:
        shown = ", ".join(self.known[:40]) + (" ..." if len(self.known) > 40 else "")
        return f"no {self.kind} {self.key!r}" + (f" (known: {shown})" if shown else "")


class ArgumentTypeError(KarabakhTollsError, TypeError):
    """An argument of the wrong type.

    Attributes
    ----------
    argument:
        The parameter's name.
    expected:
        What it must be, in words (``"a str"``, ``"a whole number of people"``).
    got:
        What was given: its type and a short repr.

    Examples
    --------
    >>> error = ArgumentTypeError.of("text", "a str", 42)
    >>> isinstance(error, TypeError), str(error)
    (True, 'text must be a str, got int 42')
    """

    def __init__(self, argument: str, expected: str, got: str, detail: str = "") -> None:
        self.argument = argument
        self.expected = expected
        self.got = got
        self.detail = detail
        if expected:
            message = f"{argument} must be {expected}, got {got}"
            message += f" ({detail})" if detail else ""
        else:  # a misuse that is not about one argument's type
            message = detail
        super().__init__(message)

    @classmethod
    def of(cls, argument: str, expected: str, value: object, detail: str = "") -> ArgumentTypeError:
        """The error for ``value`` given as ``argument``, described by type and repr."""
        return cls(argument, expected, _shown(value), detail)


class OptionError(KarabakhTollsError, ValueError):
    """An option outside its allowed values (``errors="ignore"``, ``format="xls"``).

    Attributes
    ----------
    option:
        The parameter's name.
    value:
        The value given, as its repr.
    allowed:
        The values allowed.

    Examples
    --------
    >>> OptionError("format", "xls", ("csv", "jsonl")).allowed
    ('csv', 'jsonl')
    """

    def __init__(
        self, option: str, value: object, allowed: Sequence[str] = (), detail: str = ""
    ) -> None:
        self.option = option
        self.value = value if isinstance(value, str) else repr(value)
        self.allowed = tuple(allowed)
        self.detail = detail
        message = f"{option}={self.value if not isinstance(value, str) else repr(value)}"
        if self.allowed:
            message += " is not one of " + ", ".join(repr(a) for a in self.allowed)
        if detail:
            message += f"{'; ' if self.allowed else ': '}{detail}"
        super().__init__(message)


def unknown_member(vocabulary: type[enum.Enum], value: object) -> OptionError:
    """The error for a value that names no member of a closed vocabulary (an enum).

    Enums of the package raise it from ``_missing_``, so ``Hedge("nope")`` is an
    :class:`OptionError` listing the allowed values.

    Examples
    --------
    >>> Reason("nope")
    Traceback (most recent call last):
    ...
    karabakh_tolls.errors.OptionError: Reason='nope' is not one of 'empty', ...
    """
    return OptionError(vocabulary.__name__, value, tuple(str(m.value) for m in vocabulary))


class MissingExtraError(KarabakhTollsError, ImportError):
    """An optional extra of the package is not installed.

    Attributes
    ----------
    extra:
        The extra to install (``"excel"``, ``"plot"``).
    module:
        The missing module (``"openpyxl"``).
    feature:
        What needed it (``"Excel files"``).

    Examples
    --------
    >>> print(MissingExtraError("excel", "openpyxl", "Excel files"))
    Excel files need openpyxl, which is not installed: pip install 'karabakh_tolls[excel]'
    """

    def __init__(self, extra: str, module: str, feature: str) -> None:
        self.extra = extra
        self.module = module
        self.feature = feature
        super().__init__(
            f"{feature} need {module}, which is not installed: "
            f"pip install 'karabakh_tolls[{extra}]'",
            name=module,
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """One failure found while validating a table of claims.

    ``row`` is the 0-based position of the row among the data rows of the input (``None`` for a
    problem with the whole table, such as a missing column); ``line``, when the input was a text
    file, is the 1-based line of the file where the row starts; ``file``, when the input was
    many files read as one claim set, is the file the row is in (``row`` and ``line`` are then
    counted within that file).

    Examples
    --------
    >>> print(Problem(2, "low", Reason.NEGATIVE, "-1", "low=-1 is negative", line=4))
    row 2 (line 4), column 'low': low=-1 is negative (value '-1'; negative)
    >>> print(Problem(0, "low", Reason.NEGATIVE, "-1", "low=-1 is negative", file="b.parquet"))
    b.parquet: row 0, column 'low': low=-1 is negative (value '-1'; negative)
    """

    row: int | None
    column: str | None
    reason: Reason
    value: str
    message: str
    line: int | None = None
    file: str | None = None

    def __str__(self) -> str:
        where = "table" if self.row is None else f"row {self.row}"
        if self.file is not None:
            where = f"{self.file}: {where}"
        if self.line is not None:
            where += f" (line {self.line})"
        if self.column:
            where += f", column {self.column!r}"
        value = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        return f"{where}: {self.message} (value {value!r}; {self.reason.value})"


class ClaimValidationError(KarabakhTollsError, ValueError):
    """A table of claims has one or more bad rows; all of them are listed in :attr:`problems`.

    :meth:`failure_table` returns the problems as a DataFrame with one row per problem.

    Attributes
    ----------
    problems:
        Every problem, ordered by row.
    n_rows:
        The number of data rows in the input (0 when unknown).
    path:
        The file the table was read from, when it was.

    Examples
    --------
    >>> error = ClaimValidationError([Problem(0, "low", Reason.NEGATIVE, "-1", "negative")], 3)
    >>> error.bad_rows, str(error).splitlines()[0]
    ((0,), '1 problem(s) in 1 of 3 row(s):')
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        n_rows: int = 0,
        path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.problems = tuple(problems)
        self.n_rows = n_rows
        self.path = None if path is None else os.fspath(path)
        # rows are counted within their file when the table was read from many files
        bad_rows = {(p.file, p.row) for p in self.problems if p.row is not None}
        head = (
            f"{len(self.problems)} problem(s) in {len(bad_rows)} of {n_rows} row(s)"
            if n_rows
            else f"{len(self.problems)} problem(s)"
        )
        if self.path is not None:
            head = f"{self.path}: {head}"
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = f"\n  ... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{head}:\n{shown}{more}")

    @property
    def bad_rows(self) -> tuple[int, ...]:
        """The 0-based input rows that failed, sorted, each once."""
        return tuple(sorted({p.row for p in self.problems if p.row is not None}))

    def failure_table(self) -> Any:
        """The problems as a :class:`pandas.DataFrame` (columns row, column, reason, value,
        message, line, file)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "row": pd.array([p.row for p in self.problems], dtype="Int64"),
                "column": [p.column for p in self.problems],
                "reason": [p.reason.value for p in self.problems],
                "value": [p.value for p in self.problems],
                "message": [p.message for p in self.problems],
                "line": pd.array([p.line for p in self.problems], dtype="Int64"),
                "file": [p.file for p in self.problems],
            }
        )


class ClaimFileError(KarabakhTollsError, ValueError):
    """A claims file cannot be read at all: empty, not UTF-8, malformed, an unknown format.

    Rows that can be read but are invalid are not this error: they are
    :class:`ClaimValidationError` problems. This one means no table could be read.

    Attributes
    ----------
    path:
        The file.
    reason:
        Why it cannot be read.
    detail:
        A human sentence with more context.
    line:
        The 1-based line of the file where the failure is, when known.
    row:
        The 0-based data row, when known.
    column:
        The column, when known.
    action:
        What failed, as the message says it: ``"read claims from"`` (the default) or
        ``"write"``.

    Examples
    --------
    >>> print(ClaimFileError("claims.csv", Reason.BAD_ENCODING, "byte 0xff is not UTF-8",
    ...                      line=3))
    cannot read claims from 'claims.csv' (line 3): byte 0xff is not UTF-8 (bad-encoding)
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        reason: Reason,
        detail: str,
        *,
        line: int | None = None,
        row: int | None = None,
        column: str | None = None,
        action: str = "read claims from",
    ) -> None:
        self.path = os.fspath(path)
        self.reason = Reason(reason)
        self.detail = detail
        self.line = line
        self.row = row
        self.column = column
        where = [f"line {line}"] if line is not None else []
        where += [f"row {row}"] if row is not None else []
        where += [f"column {column!r}"] if column is not None else []
        place = f" ({', '.join(where)})" if where else ""
        self.action = action
        self.message = f"cannot {action} {self.path!r}{place}: {detail} ({self.reason.value})"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ClaimFileAccessError(ClaimFileError, OSError):
    """A claims file cannot be opened (a directory, no permission); also an ``OSError``.

    ``errno`` and ``filename`` are those of the operating system's error.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        reason: Reason,
        detail: str,
        *,
        errno: int | None = None,
        action: str = "read claims from",
    ) -> None:
        ClaimFileError.__init__(self, path, reason, detail, action=action)
        self.filename = self.path
        self.errno = errno
        self.strerror = detail


class ClaimFileNotFoundError(ClaimFileAccessError, FileNotFoundError):
    """A claims file does not exist; also a ``FileNotFoundError``."""


class EstimationError(KarabakhTollsError, ValueError):
    """A best estimate was asked for with bad settings or arrays (a level outside (0, 1), a
    hard range whose high is below its low, columns of different lengths...); the message names
    the argument, its value and, for columns, the first bad row."""


class GeneratorError(KarabakhTollsError, ValueError):
    """A synthetic-data generator was given arguments it cannot honour (the message names the
    argument and its value)."""


class FolderNotEmptyError(KarabakhTollsError, FileExistsError):
    """A writer was pointed at a folder that already holds files it would overwrite."""


class ReconciliationError(KarabakhTollsError, ValueError):
    """Reconciliation could not give an answer: the base of :class:`ConflictError` (strict mode
    found claims that cannot all be true) and :class:`SolverError` (the solver failed).

    Examples
    --------
    >>> issubclass(ConflictError, ReconciliationError), issubclass(SolverError, RuntimeError)
    (True, True)
    """


class ConflictError(ReconciliationError):
    """Raised by ``reconcile(..., strict=True)`` when the claims cannot all be true.

    Attributes
    ----------
    scope:
        The scope asked about, as text.
    as_of:
        The date asked about, ISO text.
    conflicts:
        Each smallest set of claim ids that cannot all be true.
    set_aside:
        The claim ids that a non-strict reconcile would set aside.

    Examples
    --------
    >>> error = ConflictError("claims conflict", scope="killed/civilian",
    ...                       as_of="2020-10-17", conflicts=[("c06", "c90")])
    >>> error.conflicts
    (('c06', 'c90'),)
    """

    def __init__(
        self,
        message: str,
        *,
        scope: str | None = None,
        as_of: str | None = None,
        conflicts: Sequence[Sequence[str]] = (),
        set_aside: Sequence[str] = (),
    ) -> None:
        self.scope = scope
        self.as_of = as_of
        self.conflicts = tuple(tuple(ids) for ids in conflicts)
        self.set_aside = tuple(set_aside)
        super().__init__(message)


class SolverError(ReconciliationError, RuntimeError):
    """The linear-programming solver failed or could not represent a bound exactly.

    Attributes
    ----------
    stage:
        What was being solved (``"bounds"``, ``"feasibility"``, ``"set-aside"``).
    status:
        The solver's own status message.

    Examples
    --------
    >>> SolverError("the LP solver failed", stage="bounds", status="Model error").stage
    'bounds'
    """

    def __init__(
        self, message: str, *, stage: str | None = None, status: str | None = None
    ) -> None:
        self.stage = stage
        self.status = status
        super().__init__(message)


class WorkerMemoryError(ReconciliationError, MemoryError):
    """Wars too large for the memory of one Dask worker, named instead of stopping a worker.

    ``reconcile_all(..., engine="dask")`` reconciles each war whole on one worker, so a war
    whose claims need more memory than a worker may use would stop that worker. Before any work
    is sent, every war whose claims are estimated not to fit is named; while a war is
    reconciled, one whose provenance (the ``(row, claim)`` pairs behind the ``low_support`` and
    ``high_support`` columns, which grow as rows times claims) would not fit is named with its
    number of pairs (``pairs``), counted before the pairs are made.

    Attributes
    ----------
    wars:
        The ids of the wars that do not fit, largest first.
    claims:
        The number of claims of each of them.
    needed:
        The estimated bytes each of them needs on a worker.
    usable:
        The bytes one worker may use (the smallest worker's memory limit times the share at
        which Dask pauses a worker).
    pairs:
        For a war stopped before making its provenance, the support pairs it would have made;
        empty when the claims alone do not fit.

    Examples
    --------
    >>> error = WorkerMemoryError(("big-war",), (900_000,), (4_500_000_000,), 1_600_000_000)
    >>> print(str(error).splitlines()[0])
    1 war(s) too large for one worker (1.6 GB usable per worker):
    >>> isinstance(error, MemoryError), error.wars
    (True, ('big-war',))
    >>> error = WorkerMemoryError(("w",), (5_556,), (2_100_000_000,), 1_600_000_000,
    ...                           pairs=(20_000_000,))
    >>> print(str(error).splitlines()[1])
      - w: 5,556 claims whose provenance has 20,000,000 support pairs, about 2.1 GB
    """

    def __init__(
        self,
        wars: Sequence[str],
        claims: Sequence[int],
        needed: Sequence[int],
        usable: int,
        *,
        pairs: Sequence[int] = (),
    ) -> None:
        self.wars = tuple(wars)
        self.claims = tuple(claims)
        self.needed = tuple(needed)
        self.usable = usable
        self.pairs = tuple(pairs)
        counted = self.pairs or (None,) * len(self.wars)
        listed = "\n".join(
            f"  - {w}: {n:,} claims"
            + ("" if p is None else f" whose provenance has {p:,} support pairs")
            + f", about {b / 1e9:.1f} GB"
            for w, n, b, p in zip(self.wars[:50], self.claims, self.needed, counted, strict=False)
        )
        more = f"\n  ... and {len(self.wars) - 50} more" if len(self.wars) > 50 else ""
        fewer = (
            " or leave out the provenance, which needs far less (reconcile_all(..., "
            "supports=False): the support columns are then empty)"
            if self.pairs
            else ""
        )
        super().__init__(
            f"{len(self.wars)} war(s) too large for one worker ({usable / 1e9:.1f} GB usable "
            f"per worker):\n{listed}{more}\nGive the workers more memory (LocalCluster("
            "memory_limit=...), dask worker --memory-limit) or reconcile these wars in process "
            f"on a machine that holds them (reconcile_all(claims.for_war(war))){fewer}."
        )
