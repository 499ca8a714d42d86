"""``discover``: best estimates and source reliabilities from any plain table of interval claims.

:func:`discover` takes a table with one row per claim -- which object it is about, which source
made it, and the claimed interval ``[low, high]`` (``high`` missing: open above; ``low ==
high``: an exact figure) -- and fits the model of :mod:`karabakh_tolls.disagreement` to it:
every source gets a bias and a spread learned from all its claims, every object a best value
(the posterior median) and a credible interval. It is the same method the best estimates of
reconciliation use, without scopes or dates, so that it can be compared with truth-discovery
methods on their own ground and used on tables that are not casualty claims at all.

This module imports :mod:`karabakh_tolls.disagreement`, :mod:`karabakh_tolls.errors`, numpy and
pandas.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame(
...     {
...         "object": ["ganja", "ganja", "ganja", "barda", "barda", "barda"],
...         "source": ["a", "b", "c", "a", "b", "c"],
...         "low": [21, 25, 20, 27, 30, 25],
...         "high": [21, 25, 20, 27, 30, 25],
...     }
... )
>>> d = discover(table)
>>> list(d.estimates.columns)
['object', 'best', 'low', 'high', 'n_sources']
>>> list(d.sources.columns)
['source', 'bias', 'spread', 'n_claims']
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from karabakh_tolls import disagreement
from karabakh_tolls.disagreement import Convergence, Settings
from karabakh_tolls.errors import ClaimValidationError, EstimationError, Problem, Reason

__all__ = ["Discovery", "discover"]


@dataclass(frozen=True, slots=True, eq=False)
class Discovery:
    """What :func:`discover` found. Read-only: the tables are handed out as copies.

    Attributes
    ----------
    estimates:
        One row per object (sorted): ``object``, ``best`` (the posterior median, a whole count;
        missing where no claim puts a ceiling on the count), ``low`` and ``high`` (the credible
        interval at :attr:`level`; ``high`` missing where open) and ``n_sources`` (distinct
        sources with a claim about it).
    sources:
        One row per source (sorted): ``source``, ``bias`` (the factor by which it states counts
        relative to the typical source: 1 is unbiased, 2 doubles), ``spread`` (the standard
        deviation of its readings on the ``log(count + 1)`` scale, about its relative error)
        and ``n_claims`` (distinct statements, echoes once).
    convergence:
        Iterations, last change, whether the fit converged, log likelihood.
    level:
        The credible level of ``low`` and ``high``.
    fit:
        The fitted model (:class:`karabakh_tolls.disagreement.Fit`): posteriors and priors.
    """

    _estimates: pd.DataFrame
    _sources: pd.DataFrame
    convergence: Convergence
    level: float
    fit: disagreement.Fit

    @property
    def estimates(self) -> pd.DataFrame:
        """Per object: object, best, low, high, n_sources (a copy)."""
        return self._estimates.copy()

    @property
    def sources(self) -> pd.DataFrame:
        """Per source: source, bias, spread, n_claims (a copy)."""
        return self._sources.copy()

    def __repr__(self) -> str:
        c = self.convergence
        state = "converged" if c.converged else "NOT converged"
        return (
            f"<Discovery: {len(self._estimates)} objects, {len(self._sources)} sources, "
            f"level {self.level:g}, {state} after {c.iterations} iterations>"
        )


def _codes(values: pd.Series) -> tuple[npt.NDArray[np.int64], list[Hashable]]:
    """Integer codes of labels, numbered in sorted label order (so row order cannot matter)."""
    try:
        codes, uniques = pd.factorize(values, sort=True)
        return codes.astype(np.int64), list(uniques)
    except TypeError:  # labels of mixed types: order by type name, then text
        codes, uniques = pd.factorize(values, sort=False)
        labels = list(uniques)
        order = sorted(range(len(labels)), key=lambda i: (type(labels[i]).__name__, str(labels[i])))
        rank = np.empty(len(labels), np.int64)
        rank[order] = np.arange(len(labels))
        return rank[codes], [labels[i] for i in order]


def _counts(
    table: pd.DataFrame, column: str, *, missing_ok: bool, problems: list[Problem]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """A column of whole counts as floats (NaN where missing) and a mask of valid rows."""
    raw = table[column]
    missing = raw.isna().to_numpy()
    numeric = pd.to_numeric(raw.where(~raw.isna(), None), errors="coerce")
    values = numeric.to_numpy(dtype=np.float64, na_value=np.nan)
    bad_text = np.isnan(values) & ~missing
    with np.errstate(invalid="ignore"):
        negative = values < 0
        fraction = np.isfinite(values) & (values != np.floor(values))
        huge = values > float(disagreement.MAX_COUNT)
    infinite = np.isinf(values)
    checks = [
        (bad_text | infinite, Reason.NOT_A_NUMBER, "is not a number"),
        (negative, Reason.NEGATIVE, "is negative"),
        (fraction, Reason.NOT_INTEGER, "is not a whole count"),
        (huge, Reason.BAD_VALUE, "is above 2**63-1"),
    ]
    if not missing_ok:
        checks.append((missing, Reason.MISSING_VALUE, "is missing"))
    bad = np.zeros(len(values), bool)
    for mask, reason, text in checks:
        for row in np.flatnonzero(mask & ~bad):
            problems.append(
                Problem(int(row), column, reason, str(raw.iloc[row]), f"{column} {text}")
            )
        bad |= mask
    return values, ~bad


def discover(
    table: pd.DataFrame,
    object: str = "object",
    source: str = "source",
    low: str = "low",
    high: str = "high",
    *,
    level: float = 0.9,
    evidence: str | None = None,
    weight: str | None = None,
    settings: Settings | None = None,
) -> Discovery:
    """Learn each source's reliability and each object's best estimate from interval claims.

    Each row is one claim: ``source`` says the count of ``object`` lies in ``[low, high]``.
    Every claim is read as a noisy, possibly censored reading of the true count by its source
    ("more than 6,000" is ``low=6001`` with ``high`` missing; "as high as 5,000" is ``low=0,
    high=5000``; "dozens" is ``[24, 99]``; an exact figure has ``low == high``). Each source's
    bias and spread are learned from all of its claims, shrunk toward the typical source when
    it made few; rows that carry one statement count once (see ``evidence``).

    Parameters
    ----------
    table:
        A :class:`pandas.DataFrame`, one row per claim. It is not modified.
    object, source, low, high:
        Column names. ``object`` and ``source`` hold any labels; ``low`` whole counts;
        ``high`` whole counts or missing (open above).
    level:
        Credible level of the intervals, strictly between 0 and 1 (default 0.9).
    evidence:
        Optional column of evidence-group ids: rows of one object with the same id carry one
        statement (the same report through several outlets) and together weigh as one claim.
        Without it (or where it is missing) rows with the same object, source, low and high
        are one statement.
    weight:
        Optional column of positive trust weights (1 by default).
    settings:
        Priors and numerical settings (:class:`karabakh_tolls.disagreement.Settings`).

    Returns
    -------
    Discovery
        ``.estimates``, ``.sources``, ``.convergence``.

    Raises
    ------
    ClaimValidationError
        Listing every bad row (row number, column, value, reason) or missing column at once.
    EstimationError
        For a ``level`` outside (0, 1).

    Notes
    -----
    The model assumes that the typical source is unbiased (biases are measured relative to the
    median source), that a source's errors are multiplicative and independent from claim to
    claim, and that sources do not copy each other except where ``evidence`` says so. A best
    estimate is a statement about what is most likely, never a count of named dead: it can
    lie above every figure a careful list supports. See ``docs/estimate.md``.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = [
    ...     ("strike-1", "ngo", 21, 21),
    ...     ("strike-1", "ministry", 30, 30),
    ...     ("strike-1", "press", 20, None),  # "more than 19"
    ...     ("strike-2", "ngo", 10, 10),
    ...     ("strike-2", "ministry", 15, 15),
    ...     ("strike-2", "press", 0, 12),  # "up to 12"
    ... ]
    >>> table = pd.DataFrame(rows, columns=["object", "source", "low", "high"])
    >>> d = discover(table, level=0.9)
    >>> d.convergence.converged
    True
    >>> e = d.estimates.set_index("object")
    >>> bool(e.loc["strike-1", "low"] <= e.loc["strike-1", "best"] <= e.loc["strike-1", "high"])
    True
    >>> int(e.loc["strike-2", "n_sources"])
    3
    """
    if not (isinstance(level, float | int) and not isinstance(level, bool) and 0 < level < 1):
        raise EstimationError(f"level={level!r} must lie strictly between 0 and 1")
    if not isinstance(table, pd.DataFrame):
        raise ClaimValidationError(
            [
                Problem(
                    None,
                    None,
                    Reason.BAD_VALUE,
                    type(table).__name__,
                    "discover needs a pandas DataFrame with one row per claim",
                )
            ]
        )
    columns = {"object": object, "source": source, "low": low, "high": high}
    if evidence is not None:
        columns["evidence"] = evidence
    if weight is not None:
        columns["weight"] = weight
    problems: list[Problem] = []
    for role, name in columns.items():
        if name not in table.columns:
            problems.append(
                Problem(None, name, Reason.MISSING_COLUMN, name, f"no {role} column {name!r}")
            )
    if problems:
        raise ClaimValidationError(problems, len(table))

    n_rows = len(table)
    for name in (object, source):
        for row in np.flatnonzero(table[name].isna().to_numpy()):
            problems.append(Problem(int(row), name, Reason.MISSING_VALUE, "", f"{name} is missing"))
    lo, lo_ok = _counts(table, low, missing_ok=False, problems=problems)
    hi, hi_ok = _counts(table, high, missing_ok=True, problems=problems)
    with np.errstate(invalid="ignore"):
        crossed = lo_ok & hi_ok & (hi < lo)
    for row in np.flatnonzero(crossed):
        problems.append(
            Problem(
                int(row),
                high,
                Reason.LOW_ABOVE_HIGH,
                str(table[high].iloc[row]),
                f"{high}={table[high].iloc[row]} is below {low}={table[low].iloc[row]}",
            )
        )
    w: npt.NDArray[np.float64] | None = None
    if weight is not None:
        w = pd.to_numeric(table[weight], errors="coerce").to_numpy(np.float64, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            bad_w = ~(np.isfinite(w) & (w > 0))
        for row in np.flatnonzero(bad_w):
            problems.append(
                Problem(
                    int(row),
                    weight,
                    Reason.BAD_VALUE,
                    str(table[weight].iloc[row]),
                    f"{weight} must be a positive number",
                )
            )
    if problems:
        problems.sort(key=lambda p: (p.row if p.row is not None else -1, p.column or ""))
        raise ClaimValidationError(problems, n_rows)

    obj_codes, obj_labels = _codes(table[object])
    src_codes, src_labels = _codes(table[source])
    group: npt.NDArray[np.int64] | None = None
    if evidence is not None:
        ev = table[evidence]
        present = ~ev.isna().to_numpy()
        codes = np.full(n_rows, -1, np.int64)
        if present.any():
            codes[present], _ = _codes(ev[present])
        group = codes
    claims = disagreement.prepare(
        obj_codes,
        src_codes,
        lo,
        np.where(np.isnan(hi), np.inf, hi),
        group=group,
        weight=w,
        n_objects=len(obj_labels),
        n_sources=len(src_labels),
    )
    result = disagreement.fit(claims, settings=settings)
    summary = disagreement.summarise(result.posterior, level=float(level))
    n_sources = _distinct_sources(claims, len(obj_labels))
    estimates = pd.DataFrame(
        {
            "object": _labels(obj_labels),
            "best": pd.array(np.where(summary.has_best, summary.best, 0), dtype="Int64"),
            "low": pd.array(summary.low, dtype="Int64"),
            "high": pd.array(np.where(summary.has_best, summary.high, 0), dtype="Int64"),
            "n_sources": n_sources,
        }
    )
    estimates.loc[~summary.has_best, ["best", "high"]] = pd.NA
    rel = result.reliability
    sources = pd.DataFrame(
        {
            "source": _labels(src_labels),
            "bias": np.exp(rel.bias),
            "spread": rel.spread,
            "n_claims": rel.n_statements,
        }
    )
    return Discovery(estimates, sources, result.convergence, float(level), result)


def _labels(labels: list[Hashable]) -> pd.Series:
    out = np.empty(len(labels), dtype=object)
    out[:] = labels
    series: pd.Series = pd.Series(out, dtype=_label_dtype(labels))
    return series


def _label_dtype(labels: list[Any]) -> Any:
    kinds = {type(v) for v in labels}
    if kinds and all(issubclass(k, int | np.integer) and not issubclass(k, bool) for k in kinds):
        return np.int64
    return object


def _distinct_sources(claims: disagreement.Claims, n: int) -> npt.NDArray[np.int64]:
    pairs = np.unique(claims.obj * np.int64(max(claims.n_sources, 1)) + claims.src)
    return np.bincount(pairs // max(claims.n_sources, 1), minlength=n).astype(np.int64)
