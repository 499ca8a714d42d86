"""The exception tree of karabakh_tolls.

Every error the library raises derives from :class:`KarabakhTollsError` and also from the
built-in exception a caller would naturally catch (``ValueError``, ``KeyError``, ...). Errors
carry structured fields (the offending text, its span, the row and column of a table, a
:class:`Reason` code) and build their message from them, so a message always names what was
wrong and where. Every error pickles intact, so it survives a trip between worker processes.

This module imports nothing from the rest of the package.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ClaimError",
    "ClaimValidationError",
    "EstimationError",
    "FigureParseError",
    "KarabakhTollsError",
    "KarabakhTollsWarning",
    "Problem",
    "Reason",
    "ReconciliationError",
    "ScopeError",
    "UnknownTermError",
    "WarError",
]


class Reason(enum.StrEnum):
    """Closed vocabulary of reasons an input is refused."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not-a-number"
    NOT_PEOPLE = "not-people"
    """The text measures something other than people (a calibre, a distance, a duration...)."""
    YEAR = "year"
    NEGATIVE = "negative"
    NOT_INTEGER = "not-integer"
    LOW_ABOVE_HIGH = "low-above-high"
    UNKNOWN_TERM = "unknown-term"
    BAD_DATE = "bad-date"
    DATE_ORDER = "date-order"
    DUPLICATE_ID = "duplicate-id"
    MISSING_VALUE = "missing-value"
    MISSING_COLUMN = "missing-column"
    BAD_VALUE = "bad-value"
    BAD_SPAN = "bad-span"
    UNKNOWN_WAR = "unknown-war"
    OUTSIDE_WAR = "outside-war"
    """A date falls before the start of the claim's war, or its counted days after its end."""


class KarabakhTollsError(Exception):
    """Base class of every error raised by karabakh_tolls."""


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
    """

    def __init__(self, text: str, reason: Reason = Reason.NOT_A_NUMBER, detail: str = "") -> None:
        self.text = text
        self.reason = Reason(reason)
        self.detail = detail
        message = f"cannot read {text!r} as a count of people ({self.reason.value})"
        if detail:
            message += f": {detail}"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.text, self.reason, self.detail))


class ClaimError(KarabakhTollsError, ValueError):
    """A single claim or source was built from a bad value; the message names field and value."""


class WarError(KarabakhTollsError, ValueError):
    """A war is malformed, unknown, or a query does not say which war it asks about."""


class ScopeError(KarabakhTollsError, ValueError):
    """A scope or a scope tree is malformed."""


class UnknownTermError(KarabakhTollsError, KeyError):
    """A scope term is not a node of its dimension's tree.

    The message lists the known terms and, where one is close, suggests it.
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

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.dimension, self.term, self.known, self.suggestion))


@dataclass(frozen=True, slots=True)
class Problem:
    """One failure found while validating a table of claims.

    ``row`` is the 0-based position of the row in the input (``None`` for a problem with the
    whole table, such as a missing column).
    """

    row: int | None
    column: str | None
    reason: Reason
    value: str
    message: str

    def __str__(self) -> str:
        where = "table" if self.row is None else f"row {self.row}"
        if self.column:
            where += f", column {self.column!r}"
        return f"{where}: {self.message} (value {self.value!r}; {self.reason.value})"


class ClaimValidationError(KarabakhTollsError, ValueError):
    """A table of claims has one or more bad rows; all of them are listed in :attr:`problems`.

    :meth:`failure_table` returns the problems as a DataFrame with one row per problem.
    """

    def __init__(self, problems: Sequence[Problem], n_rows: int = 0) -> None:
        self.problems = tuple(problems)
        self.n_rows = n_rows
        bad_rows = sorted({p.row for p in self.problems if p.row is not None})
        head = (
            f"{len(self.problems)} problem(s) in {len(bad_rows)} of {n_rows} row(s)"
            if n_rows
            else f"{len(self.problems)} problem(s)"
        )
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = f"\n  ... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{head}:\n{shown}{more}")

    @property
    def bad_rows(self) -> tuple[int, ...]:
        """The 0-based input rows that failed, sorted, each once."""
        return tuple(sorted({p.row for p in self.problems if p.row is not None}))

    def failure_table(self) -> Any:
        """The problems as a :class:`pandas.DataFrame` (columns row, column, reason, value,
        message)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "row": pd.array([p.row for p in self.problems], dtype="Int64"),
                "column": [p.column for p in self.problems],
                "reason": [p.reason.value for p in self.problems],
                "value": [p.value for p in self.problems],
                "message": [p.message for p in self.problems],
            }
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.n_rows))


class EstimationError(KarabakhTollsError, ValueError):
    """A best estimate was asked for with bad settings or arrays (a level outside (0, 1), a
    hard range whose high is below its low, columns of different lengths...); the message names
    the argument, its value and, for columns, the first bad row."""


class ReconciliationError(KarabakhTollsError, ValueError):
    """Raised by ``reconcile(..., strict=True)`` when the claims cannot all be true."""
