"""The model of disagreement: claims as noisy, censored readings by sources of learned reliability.

This module is the numerical core behind :func:`karabakh_tolls.discover` and the best estimates
of reconciliation. It works on plain columnar arrays (object index, source index, low, high),
imports only numpy, scipy and :mod:`karabakh_tolls.errors`, and knows nothing of scopes, dates
or claim sets: a caller turns those into objects (one per quantity to estimate) first.

The model
---------
Every object ``i`` has an unknown true count ``T_i``; the model works on
``theta_i = log(T_i + 1)``. Every source ``s`` reads that count with a *bias* ``b_s`` and a
*spread* ``sigma_s`` on the same scale: its reading is ``x = theta_i + b_s + sigma_s * z`` with
``z`` standard normal, so ``exp(b_s)`` is the factor by which it over- or understates and
``sigma_s`` is roughly its relative error (0.1: about 10 %). A claim says where ``x`` lies:

* a point ``y`` (``low == high``): ``x = log(y + 1)``, rounded to a whole count -- a normal
  density of variance ``sigma_s^2 + 1 / (12 (y + 1)^2)`` (the second term is the rounding);
* an interval ``[low, high]``: ``log(low + 1) <= x <= log(high + 1)`` -- a censored reading
  ("more than N" is ``[N + 1, open)``, "as high as N" is ``[0, N]``, "dozens" ``[24, 99]``);
  ``low == 0`` puts no floor on ``x`` and an open ``high`` no ceiling.

Rows that carry one statement (the same source, object and figure through several outlets, or
rows sharing an explicit evidence group) are *echoes*: their weights are divided by the size of
their group, so the statement counts once however often it is repeated.

Priors. ``theta_i`` has a prior density learned from all objects (a smoothed histogram on
``[0, top]``, ``top = log(10 x the largest finite figure or hard bound + 1)``, mixed with a
flat component worth :attr:`Settings.prior_objects` objects, so that a table of five objects
leans on the flat part and a table of 100,000 on its own histogram). Biases have a normal prior
of scale :attr:`Settings.bias_scale` around the typical source, and after every update they are
shifted so that their (smoothed) median over sources, weighted by claims, is 0: *the
typical source is taken to be unbiased*, which is what makes bias measurable at all without a
ground truth. Log spreads have a normal prior of scale :attr:`Settings.spread_prior` around the
log of the pooled spread, itself shrunk toward :attr:`Settings.pool_spread`, so a source with
one claim gets about the pooled spread rather than zero.

Fitting. Expectation-maximisation, vectorised over objects and claims (no Python loop per
object). The E-step computes each object's posterior on its own grid of cells of ``theta``
(piecewise-constant density): the point claims of an object combine in closed form into one
Gaussian factor, the interval claims add ``log(Phi(b) - Phi(a))`` per cell, the prior adds its
log density. Objects with point claims only get a grid around their point evidence; the others
are first placed on a coarse grid over all their evidence, then on a fine grid where the coarse
posterior lies, and later iterations place it where the last posterior was. The M-step scores
each exact figure against its *cavity* (the object's posterior with the factors of the claim's
own statement divided out: its likelihood given the other claims) and each interval claim by
the moments of its truncated residual, then updates biases (weighted means under their prior,
then centred), log spreads (Newton steps) and the prior histogram. SQUAREM extrapolation
(Varadhan and Roland 2008) speeds it up; a large table is first fitted on a subset of its
objects. It stops when no log bias or log spread moves by more than :attr:`Settings.tol`;
:class:`Convergence` reports the iterations, the last change, the flag and the log marginal
likelihood.

Hard ranges. Optional per-object bounds ``[hard_low, hard_high]`` (what hard rules imply)
truncate the prior: every posterior, and so every best value and credible interval, lies inside
them. :func:`posterior` recomputes posteriors for new bounds with the learned reliabilities,
and :class:`Posterior` exposes each object's grid, quantile function and CDF, so that a later
stage can, for example, keep a sub-scope's best value below its scope's.

Summaries. ``best`` is the posterior *median* of the count: a median is unchanged by the
monotone map between ``T`` and ``theta``, it minimises the expected absolute error on the log
scale, and unlike a mode it does not jump between the peaks of a posterior split by conflicting
claims. The credible interval is equal-tailed at ``level``; all three are rounded to whole
counts (the quantiles of the rounded count). An object whose evidence sets no upper limit at all
(only open claims, no finite hard bound) gets no best value and an open credible high: the
model will not make an upper figure up.

Internal use. The constraint stage of reconciliation calls :func:`prepare` (one object per
scope and date), :func:`fit` with the hard ranges as :class:`Bounds`, :func:`summarise`, and
:func:`posterior` to recompute posteriors when the hard ranges change.

Examples
--------
>>> import numpy as np
>>> claims = prepare(
...     obj=[0, 0, 0, 1, 1, 1],
...     src=[0, 1, 2, 0, 1, 2],
...     low=[100, 120, 90, 1000, 1300, 950],
...     high=[100, 120, 90, 1000, 1300, 950],
... )
>>> result = fit(claims)
>>> result.convergence.converged
True
>>> summary = summarise(result.posterior, level=0.9)
>>> bool(np.all((summary.low <= summary.best) & (summary.best <= summary.high)))
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt
from scipy import special

from karabakh_tolls.errors import EstimationError

__all__ = [
    "Bounds",
    "Claims",
    "Convergence",
    "Fit",
    "Posterior",
    "Prior",
    "Reliability",
    "Settings",
    "Summary",
    "fit",
    "posterior",
    "prepare",
    "summarise",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

MAX_COUNT: Final = 2**63 - 1
_LOG_SQRT_2PI: Final = 0.5 * math.log(2.0 * math.pi)
_TAIL: Final = 1e-9
"""Posterior mass left out on each side when a coarse grid decides where the fine grid goes."""
_WINDOW_SD: Final = 6.0
"""Half-width, in standard deviations, of the grid around an object's point evidence."""
_EDGE: Final = 1e-6
"""Mass in the outermost cell of a grid above which the next grid reaches further out."""


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Settings:
    """The knobs of the model and of its fit; every default is documented in ``docs/estimate.md``.

    Attributes
    ----------
    bias_scale:
        Standard deviation of the prior of a source's log bias around the typical source (0.5:
        a source is a priori within a factor ``exp(0.5) = 1.65`` of it about two times in three).
    spread_prior:
        Standard deviation of the prior of a source's log spread around the pooled spread
        (0.5: a source with few claims keeps a spread within a factor 1.65 of the pool).
    pool_spread, pool_claims:
        The pooled spread itself is shrunk toward ``pool_spread`` as if ``pool_claims``
        statements had that spread, so that a small table whose few claims happen to agree
        does not conclude that its sources are precise.
    prior_objects:
        How many objects' worth of a flat density the learned prior of true counts is mixed
        with.
    prior_bins:
        Number of histogram bins of that prior on ``[0, top]``.
    top_factor:
        ``top = log((largest finite figure or hard bound) * top_factor + 1)``: counts above it
        have no prior mass.
    min_spread:
        The smallest spread a source can get (on the log scale).
    initial_spread:
        Every source's spread before the first M-step.
    cells, coarse_cells:
        Grid cells per object for the final posteriors, and of the coarse grid that first
        finds where an object with interval claims lies.
    fit_cells, fit_point_cells:
        Grid cells per object during the fit, for objects with interval claims and for those
        with point claims only (a grid about 12 standard deviations wide: the midpoint rule
        integrates a Gaussian factor on 10 cells to about 1e-6).
    tol:
        The fit stops when no log bias and no log spread moves by more than ``tol`` in an
        iteration (1e-3: 0.1 % of a bias factor or a spread, well below what a source's claims
        can tell about it).
    max_iter:
        Upper limit of EM iterations.
    warm_objects:
        A table with at least twice as many objects is first fitted on every ``k``-th object
        (about ``warm_objects`` of them), and the fit on all objects starts from there: the
        sources are learned well from a fraction of a large table, so the full-size iterations
        only polish. 0 turns this off. The result is the same fixed point, to ``tol``.

    Examples
    --------
    >>> Settings().bias_scale
    0.5
    """

    bias_scale: float = 0.5
    spread_prior: float = 0.5
    pool_spread: float = 0.5
    pool_claims: float = 20.0
    prior_objects: float = 20.0
    prior_bins: int = 96
    top_factor: float = 10.0
    min_spread: float = 0.01
    initial_spread: float = 0.5
    cells: int = 64
    coarse_cells: int = 32
    fit_cells: int = 12
    fit_point_cells: int = 10
    tol: float = 1e-3
    max_iter: int = 500
    warm_objects: int = 20_000

    def __post_init__(self) -> None:
        for name in (
            "bias_scale",
            "spread_prior",
            "pool_spread",
            "pool_claims",
            "prior_objects",
            "min_spread",
            "tol",
        ):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise EstimationError(f"{name}={value!r} must be a positive finite number")
        if not (self.top_factor >= 1 and math.isfinite(self.top_factor)):
            raise EstimationError(f"top_factor={self.top_factor!r} must be at least 1")
        if not self.initial_spread >= self.min_spread:
            raise EstimationError(
                f"initial_spread={self.initial_spread!r} is below min_spread={self.min_spread!r}"
            )
        for name in ("prior_bins", "cells", "coarse_cells", "fit_cells", "fit_point_cells"):
            value = getattr(self, name)
            if not (isinstance(value, int) and value >= 4):
                raise EstimationError(f"{name}={value!r} must be a whole number >= 4")
        if not (isinstance(self.warm_objects, int) and self.warm_objects >= 0):
            raise EstimationError(f"warm_objects={self.warm_objects!r} must be a whole number >= 0")
        if not (isinstance(self.max_iter, int) and self.max_iter >= 1):
            raise EstimationError(f"max_iter={self.max_iter!r} must be a whole number >= 1")


@dataclass(frozen=True, slots=True, eq=False)
class Claims:
    """Claims as columns, in a canonical order, with echoes folded into weights.

    Build it with :func:`prepare`. Rows are sorted by (object, source, low, high, group,
    weight), so everything computed from them is independent of the caller's row order.

    Attributes
    ----------
    obj, src:
        Object and source index of every row (``0 <= obj < n_objects``).
    low, high:
        The claimed interval on the count scale (``high = inf``: open above).
    weight:
        Likelihood weight of every row: the caller's weight divided by the number of rows that
        carry the same statement.
    n_statements:
        Per source, the number of distinct statements it made (echoes once).
    """

    obj: IntArray
    src: IntArray
    low: FloatArray
    high: FloatArray
    weight: FloatArray
    n_objects: int
    n_sources: int
    n_statements: IntArray
    point: BoolArray = field(repr=False)
    y: FloatArray = field(repr=False)
    """Point claims: ``log(y + 1)``; other rows: NaN."""
    lo: FloatArray = field(repr=False)
    """Interval claims: ``log(low + 1)``, ``-inf`` where ``low == 0``; points: NaN."""
    hi: FloatArray = field(repr=False)
    """Interval claims: ``log(high + 1)``, ``inf`` where open; points: NaN."""
    statement: IntArray = field(repr=False)
    """The statement each row carries (rows of one statement are echoes of each other)."""
    round_var: FloatArray = field(repr=False)
    """Point claims: the variance on the log scale of rounding the reading to a whole count,
    ``1 / (12 (y + 1)^2)``; interval claims: 0."""

    def __len__(self) -> int:
        return len(self.obj)


def _as_index(name: str, values: npt.ArrayLike, n: int | None) -> tuple[IntArray, int]:
    arr = np.asarray(values)
    if arr.ndim != 1:
        raise EstimationError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise EstimationError(f"{name} must hold whole numbers, got dtype {arr.dtype}")
    out = arr.astype(np.int64, copy=True)
    if out.size and out.min() < 0:
        row = int(np.argmax(out < 0))
        raise EstimationError(f"{name}[{row}]={int(out[row])} is negative")
    top = int(out.max()) + 1 if out.size else 0
    if n is None:
        n = top
    elif n < top:
        raise EstimationError(f"{name} holds index {top - 1} but n_{name}s={n}")
    return out, n


def _show(value: float) -> str:
    """A number as a message shows it: whole numbers without a decimal point."""
    v = float(value)
    return str(int(v)) if v.is_integer() else repr(v)


def _as_count_array(name: str, values: npt.ArrayLike, size: int, open_ok: bool) -> FloatArray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.shape != (size,):
        raise EstimationError(f"{name} has shape {arr.shape}, expected ({size},)")
    if open_ok:
        arr = np.where(np.isnan(arr), np.inf, arr)
    bad = ~np.isfinite(arr) if not open_ok else np.isneginf(arr)
    bad |= arr < 0
    if bad.any():
        row = int(np.argmax(bad))
        raise EstimationError(f"{name}[{row}]={_show(arr[row])} is not a count (a number >= 0)")
    return arr


def prepare(
    obj: npt.ArrayLike,
    src: npt.ArrayLike,
    low: npt.ArrayLike,
    high: npt.ArrayLike,
    *,
    group: npt.ArrayLike | None = None,
    weight: npt.ArrayLike | None = None,
    n_objects: int | None = None,
    n_sources: int | None = None,
) -> Claims:
    """Check claim columns, put them in canonical order and fold echoes into weights.

    Parameters
    ----------
    obj, src:
        Object and source index of each claim (non-negative integers).
    low, high:
        The claimed interval of counts; ``high`` is ``inf`` or NaN where open, and
        ``low == high`` for an exact figure.
    group:
        Optional evidence-group id per claim (an integer, negative for none). Rows of one object
        that share a group carry one statement. Rows without a group carry one statement per
        distinct (object, source, low, high).
    weight:
        Optional positive weight per claim (a trust weight); 1 by default.
    n_objects, n_sources:
        Totals, when some objects or sources have no claims.

    Returns
    -------
    Claims

    Raises
    ------
    EstimationError
        Naming the column and the first bad row.

    Examples
    --------
    >>> c = prepare([0, 0, 0], [0, 1, 1], [5, 7, 7], [5, 7, 7])
    >>> c.weight.tolist()  # source 1 said 7 twice: one statement
    [1.0, 0.5, 0.5]
    >>> c.n_statements.tolist()
    [1, 1]
    """
    o, n_obj = _as_index("object", obj, n_objects)
    s, n_src = _as_index("source", src, n_sources)
    n = len(o)
    if len(s) != n:
        raise EstimationError(f"source has {len(s)} rows, object has {n}")
    lo_c = _as_count_array("low", low, n, open_ok=False)
    hi_c = _as_count_array("high", high, n, open_ok=True)
    crossed = hi_c < lo_c
    if crossed.any():
        row = int(np.argmax(crossed))
        raise EstimationError(f"row {row}: high={_show(hi_c[row])} is below low={_show(lo_c[row])}")
    if weight is None:
        w = np.ones(n)
    else:
        w = np.asarray(weight, dtype=np.float64)
        if w.shape != (n,):
            raise EstimationError(f"weight has shape {w.shape}, expected ({n},)")
        bad = ~(np.isfinite(w) & (w > 0))
        if bad.any():
            row = int(np.argmax(bad))
            raise EstimationError(f"weight[{row}]={_show(w[row])} must be a positive number")
    if group is None:
        g = np.full(n, -1, dtype=np.int64)
    else:
        garr = np.asarray(group)
        if garr.shape != (n,) or (garr.size and not np.issubdtype(garr.dtype, np.integer)):
            raise EstimationError(f"group must be {n} whole numbers, got {garr.dtype} {garr.shape}")
        g = np.where(garr < 0, -1, garr).astype(np.int64)

    order = _canonical_order(o, s, lo_c, hi_c, g, w, n_src)
    o, s, lo_c, hi_c, w, g = o[order], s[order], lo_c[order], hi_c[order], w[order], g[order]

    # One statement = (object, group) for grouped rows, (object, source, low, high) otherwise.
    statement, n_statements = _statements(o, s, lo_c, hi_c, g, n_src)
    size = np.bincount(statement)
    w = w / size[statement]

    point = lo_c == hi_c
    with np.errstate(divide="ignore"):
        y = np.where(point, np.log1p(lo_c), np.nan)
        lo_l = np.where(point, np.nan, np.where(lo_c > 0, np.log1p(lo_c), -np.inf))
        hi_l = np.where(point, np.nan, np.log1p(hi_c))
    return Claims(
        obj=o,
        src=s,
        low=lo_c,
        high=hi_c,
        weight=w,
        n_objects=n_obj,
        n_sources=n_src,
        n_statements=n_statements,
        point=point,
        y=y,
        lo=lo_l,
        hi=hi_l,
        statement=statement,
        round_var=np.where(point, 1.0 / (12.0 * (lo_c + 1.0) ** 2), 0.0),
    )


def _canonical_order(
    o: IntArray,
    s: IntArray,
    lo: FloatArray,
    hi: FloatArray,
    g: IntArray,
    w: FloatArray,
    n_src: int,
) -> IntArray:
    """The row order by (object, source, low, high, group, weight): one integer sort when no
    (object, source) pair repeats, the full sort on all six keys otherwise."""
    if len(o) and (int(o.max()) + 1) * max(n_src, 1) < 2**62:
        key = o * np.int64(max(n_src, 1)) + s
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        if not np.any(ordered[1:] == ordered[:-1]):
            return order.astype(np.int64)
    return np.lexsort((w, g, hi, lo, s, o)).astype(np.int64)


def _runs(*keys: npt.NDArray[np.generic]) -> IntArray:
    """Run number of every row of rows sorted by ``keys`` (a new run where any key changes)."""
    n = len(keys[0])
    if n == 0:
        return np.zeros(0, np.int64)
    change = np.zeros(n, bool)
    change[0] = True
    for k in keys:
        change[1:] |= k[1:] != k[:-1]
    return np.cumsum(change, dtype=np.int64) - 1


def _statements(
    o: IntArray, s: IntArray, lo: FloatArray, hi: FloatArray, g: IntArray, n_src: int
) -> tuple[IntArray, IntArray]:
    """Statement id of every row (rows sorted by object, source, low, high, group) and the
    number of distinct statements of every source."""
    n = len(o)
    statement = np.zeros(n, np.int64)
    free = np.flatnonzero(g < 0)
    # Ungrouped rows are already sorted by (object, source, low, high): runs are statements.
    runs = _runs(o[free], s[free], lo[free], hi[free])
    statement[free] = runs
    first = int(runs[-1]) + 1 if runs.size else 0
    run_start = np.ones(len(runs), bool)
    run_start[1:] = runs[1:] != runs[:-1]
    counted = np.bincount(s[free][run_start], minlength=n_src)
    tied = np.flatnonzero(g >= 0)
    if tied.size:
        order = tied[np.lexsort((s[tied], g[tied], o[tied]))]
        runs = _runs(o[order], g[order])
        statement[order] = first + runs
        # a source counts a grouped statement once however many of its rows carry it
        pair = _runs(o[order], g[order], s[order])
        starts = np.r_[True, pair[1:] != pair[:-1]]
        counted = counted + np.bincount(s[order][starts], minlength=n_src)
    return statement, counted.astype(np.int64)


@dataclass(frozen=True, slots=True, eq=False)
class Bounds:
    """Hard per-object ranges ``[low, high]`` of the true count; ``open_high`` marks no ceiling.

    Examples
    --------
    >>> b = Bounds.from_arrays([0, 10], [None, 20])
    >>> b.open_high.tolist(), b.high.tolist()
    ([True, False], [9223372036854775807, 20])
    """

    low: IntArray
    high: IntArray
    open_high: BoolArray

    @classmethod
    def from_arrays(
        cls, low: npt.ArrayLike, high: npt.ArrayLike | None = None, n: int | None = None
    ) -> Bounds:
        """Bounds from a column of lows and a column of highs (``None``, NaN or inf: open)."""
        lo = np.asarray(low, dtype=object)
        size = len(lo) if n is None else n
        if lo.shape != (size,):
            raise EstimationError(f"hard_low has shape {lo.shape}, expected ({size},)")
        lo_i = np.array([_exact_count("hard_low", i, v) for i, v in enumerate(lo)], dtype=np.int64)
        if high is None:
            hi_vals: list[object] = [None] * size
        else:
            hi_arr = np.asarray(high, dtype=object)
            if hi_arr.shape != (size,):
                raise EstimationError(f"hard_high has shape {hi_arr.shape}, expected ({size},)")
            hi_vals = list(hi_arr)
        open_high = np.array([_is_open(v) for v in hi_vals], dtype=bool)
        hi_i = np.array(
            [
                MAX_COUNT if op else _exact_count("hard_high", i, v)
                for i, (v, op) in enumerate(zip(hi_vals, open_high, strict=True))
            ],
            dtype=np.int64,
        )
        crossed = hi_i < lo_i
        if crossed.any():
            row = int(np.argmax(crossed))
            raise EstimationError(
                f"object {row}: hard_high={int(hi_i[row])} is below hard_low={int(lo_i[row])}"
            )
        return cls(lo_i, hi_i, open_high)

    @classmethod
    def none(cls, n: int) -> Bounds:
        """No hard range for any of ``n`` objects: ``[0, open)``."""
        return cls(np.zeros(n, np.int64), np.full(n, MAX_COUNT, np.int64), np.ones(n, bool))

    def __len__(self) -> int:
        return len(self.low)


def _is_open(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float | np.floating):
        return bool(np.isnan(value) or np.isposinf(value))
    return False


def _exact_count(name: str, row: int, value: object) -> int:
    if isinstance(value, bool | np.bool_) or value is None:
        raise EstimationError(f"{name}[{row}]={value!r} is not a count")
    if isinstance(value, float | np.floating):
        if not (math.isfinite(value) and float(value).is_integer()):
            raise EstimationError(f"{name}[{row}]={value!r} is not a whole count")
        value = int(value)
    if not isinstance(value, int | np.integer) or not 0 <= int(value) <= MAX_COUNT:
        raise EstimationError(f"{name}[{row}]={value!r} is not a count between 0 and 2**63-1")
    return int(value)


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Reliability:
    """What the fit learned about every source (arrays indexed by source).

    Attributes
    ----------
    bias:
        Log bias ``b_s``: the source states ``exp(b_s)`` times the count, relative to the
        typical source.
    spread:
        ``sigma_s``, the standard deviation of its readings on the ``log(count + 1)`` scale.
    n_statements:
        Distinct statements it made (echoes once).
    weight:
        Total likelihood weight of its claims.
    """

    bias: FloatArray
    spread: FloatArray
    n_statements: IntArray
    weight: FloatArray


@dataclass(frozen=True, slots=True, eq=False)
class Prior:
    """The learned prior density of ``theta = log(T + 1)`` on ``[0, top]``."""

    top: float
    log_density: FloatArray
    """Log density at the centres of ``len(log_density)`` equal bins of ``[0, top]``."""

    def centres(self) -> FloatArray:
        """Bin centres on the ``theta`` scale."""
        n = len(self.log_density)
        return np.asarray((np.arange(n) + 0.5) * (self.top / n), dtype=np.float64)

    def log_pdf(self, theta: FloatArray) -> FloatArray:
        """Log density at ``theta`` (linear between bin centres, constant beyond the outer
        ones)."""
        return np.asarray(np.interp(theta, self.centres(), self.log_density), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Convergence:
    """How the EM fit ended.

    Attributes
    ----------
    iterations:
        EM iterations run.
    change:
        Largest move of a log bias or log spread in the last iteration.
    converged:
        Whether ``change`` fell below the tolerance before ``max_iter``.
    log_likelihood:
        Log marginal likelihood of the claims (plus the log priors of biases and spreads) at the
        end, on the final grids.
    warm_iterations:
        Iterations of the warm start on a subset of objects (0 when the table was small).
    """

    iterations: int
    change: float
    converged: bool
    log_likelihood: float
    warm_iterations: int = 0


@dataclass(frozen=True, slots=True, eq=False)
class Posterior:
    """Each object's posterior of ``theta = log(T + 1)`` on its own grid of equal cells.

    Object ``i`` has ``K`` cells of width ``width[i]`` starting at ``start[i]``; ``mass[i, k]``
    is the posterior probability of cell ``k`` and the density is constant within a cell, so the
    CDF is piecewise linear and every quantile lies in ``[start, start + K * width]`` -- inside
    the object's hard range when one was given.

    Examples
    --------
    >>> c = prepare([0, 0], [0, 1], [99, 120], [99, 120])
    >>> p = fit(c).posterior
    >>> 99 <= int(p.count_quantile(0.5)[0]) <= 120
    True
    """

    start: FloatArray
    width: FloatArray
    mass: FloatArray
    bounded_above: BoolArray
    """False where no claim and no hard bound puts a ceiling on the count."""

    def __len__(self) -> int:
        return len(self.start)

    @property
    def cells(self) -> int:
        """Cells per object."""
        return int(self.mass.shape[1])

    def centres(self) -> FloatArray:
        """Cell centres, shape ``(n_objects, cells)``, on the ``theta`` scale."""
        k = np.arange(self.cells) + 0.5
        return self.start[:, None] + self.width[:, None] * k[None, :]

    def quantile(self, q: float) -> FloatArray:
        """The ``q`` quantile of every object's ``theta`` (0 <= q <= 1)."""
        if not 0.0 <= q <= 1.0:
            raise EstimationError(f"quantile q={q!r} must lie in [0, 1]")
        cum = np.cumsum(self.mass, axis=1)
        cells = self.cells
        j = np.minimum((cum < q).sum(axis=1), cells - 1)
        rows = np.arange(len(self))
        mj = self.mass[rows, j]
        left = cum[rows, j] - mj
        with np.errstate(invalid="ignore", divide="ignore"):
            frac = np.where(mj > 0, (q - left) / mj, 0.5)
        frac = np.clip(frac, 0.0, 1.0)
        return np.asarray(self.start + self.width * (j + frac), dtype=np.float64)

    def count_quantile(self, q: float) -> FloatArray:
        """The ``q`` quantile of every object's count ``T`` (a real number; not rounded)."""
        return np.expm1(self.quantile(q))

    def cdf(self, count: npt.ArrayLike) -> FloatArray:
        """``P(T <= count)`` per object (continuous: the count is ``exp(theta) - 1``)."""
        theta = np.log1p(np.asarray(count, dtype=np.float64))
        with np.errstate(invalid="ignore", divide="ignore"):
            pos = np.where(self.width > 0, (theta - self.start) / self.width, np.inf)
        pos = np.where((self.width == 0) & (theta < self.start), -np.inf, pos)
        pos = np.clip(pos, 0.0, float(self.cells))
        whole = np.floor(pos).astype(np.int64)
        cum = np.concatenate([np.zeros((len(self), 1)), np.cumsum(self.mass, axis=1)], axis=1)
        rows = np.arange(len(self))
        below = cum[rows, whole]
        part = np.where(
            whole < self.cells,
            self.mass[rows, np.minimum(whole, self.cells - 1)] * (pos - whole),
            0.0,
        )
        return np.asarray(np.clip(below + part, 0.0, 1.0), dtype=np.float64)

    def mean_var(self) -> tuple[FloatArray, FloatArray]:
        """Posterior mean and variance of ``theta`` per object."""
        return _moments(self.start, self.width, self.mass)


@dataclass(frozen=True, slots=True, eq=False)
class Summary:
    """Best values and credible intervals of every object, as whole counts.

    ``best`` is the posterior median rounded to a whole count; ``low`` and ``high`` bound the
    equal-tailed credible interval at ``level``, both rounded to whole counts (the quantiles of
    the rounded count, so the interval holds at least ``level``). Where ``has_best`` is False
    (nothing puts a ceiling on the count) ``best`` and ``high`` are meaningless and must be read
    as missing. All three lie inside the hard range given to the posterior.
    """

    best: IntArray
    low: IntArray
    high: IntArray
    has_best: BoolArray
    level: float


@dataclass(frozen=True, slots=True, eq=False)
class Fit:
    """The fitted model: source reliabilities, prior, final posteriors and convergence."""

    reliability: Reliability
    prior: Prior
    posterior: Posterior
    convergence: Convergence
    settings: Settings


# ---------------------------------------------------------------------------------------------
# Numerics
# ---------------------------------------------------------------------------------------------


def _log_ndtr_diff(a: FloatArray, b: FloatArray) -> FloatArray:
    """``log(Phi(b) - Phi(a))`` for ``a <= b``, accurate in both tails (``a`` may be -inf)."""
    flip = a > 0
    lo = np.where(flip, -b, a)
    hi = np.where(flip, -a, b)
    lh = special.log_ndtr(hi)
    ll = special.log_ndtr(lo)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = lh + np.log1p(-np.exp(ll - lh))
    return np.where(np.isnan(out), -np.inf, out)


def _moments(
    start: FloatArray, width: FloatArray, mass: FloatArray, *, within: bool = True
) -> tuple[FloatArray, FloatArray]:
    """Mean and variance of ``theta`` per object; ``within`` adds the variance inside each
    cell (exact for the piecewise-constant density; without it, the midpoint-rule estimate,
    which is the more accurate one for a smooth posterior)."""
    k = np.arange(mass.shape[1]) + 0.5
    m1 = (mass * k).sum(axis=1)
    m2 = (mass * (k * k)).sum(axis=1)
    mean = start + width * m1
    spread = np.maximum(m2 - m1 * m1, 0.0) + (1.0 / 12.0 if within else 0.0)
    return mean, width * width * spread


def _sum_by(index: IntArray, values: FloatArray, n: int) -> FloatArray:
    """Sum of ``values`` per value of ``index`` (``0 <= index < n``)."""
    return np.asarray(np.bincount(index, values, minlength=n), dtype=np.float64)


def _segments(obj: IntArray) -> tuple[IntArray, IntArray]:
    """Starts of the runs of equal values in a sorted index array, and the value of each run."""
    if obj.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.concatenate([[True], obj[1:] != obj[:-1]])).astype(np.int64)
    return starts, obj[starts]


@dataclass(frozen=True, slots=True, eq=False)
class _Block:
    """Interval claims of one shape, sorted by object: ``kind`` 0 has only a floor (an open
    high), 1 only a ceiling (``low == 0``), 2 both."""

    kind: int
    row: IntArray  # row in Claims
    obj: IntArray
    src: IntArray
    weight: FloatArray
    lo: FloatArray
    hi: FloatArray


def _blocks(c: Claims) -> tuple[_Block, ...]:
    floor = ~c.point & np.isfinite(c.lo)
    ceiling = ~c.point & np.isfinite(c.hi)
    kinds = ((floor & ~ceiling), (~floor & ceiling), (floor & ceiling))
    out = []
    for kind, mask in enumerate(kinds):
        row = np.flatnonzero(mask).astype(np.int64)
        if row.size:
            out.append(
                _Block(kind, row, c.obj[row], c.src[row], c.weight[row], c.lo[row], c.hi[row])
            )
    return tuple(out)


def _block_terms(
    block: _Block,
    rows: IntArray,
    start: FloatArray,
    width: FloatArray,
    cells: int,
    bias: FloatArray,
    sd: FloatArray,
    *,
    moments: bool,
) -> tuple[FloatArray, FloatArray | None, FloatArray | None]:
    """For rows ``rows`` of a block, on the grid of their objects (``start``, ``width`` per
    claim): ``log P(reading in the claim | theta)`` per cell and, if asked, the moments of the
    residual ``e = x - theta - b`` given the claim (a truncated normal) in units of the spread:
    ``E[e] / sd`` and ``E[e^2] / sd^2``."""
    k = np.arange(cells) + 0.5
    step = (width / sd)[:, None] * k[None, :]  # (theta - start) / sd per cell
    za = zb = None
    if block.kind == 0:
        zlow = ((start + bias - block.lo[rows]) / sd)[:, None] + step  # = -za
        logz = special.log_ndtr(zlow)
    elif block.kind == 1:
        zb = ((block.hi[rows] - bias - start) / sd)[:, None] - step
        logz = special.log_ndtr(zb)
    else:
        za = ((block.lo[rows] - bias - start) / sd)[:, None] - step
        zb = ((block.hi[rows] - bias - start) / sd)[:, None] - step
        logz = _log_ndtr_diff(za, zb)
    if not moments:
        return logz, None, None
    safe = np.where(np.isfinite(logz), logz, np.inf)  # no probability there: no weight either
    if block.kind == 0:
        ra = np.exp(-0.5 * zlow * zlow - _LOG_SQRT_2PI - safe)
        return logz, ra, 1.0 - zlow * ra
    if block.kind == 1:
        assert zb is not None
        rb = np.exp(-0.5 * zb * zb - _LOG_SQRT_2PI - safe)
        return logz, -rb, 1.0 - zb * rb
    assert za is not None and zb is not None
    ra = np.exp(-0.5 * za * za - _LOG_SQRT_2PI - safe)
    rb = np.exp(-0.5 * zb * zb - _LOG_SQRT_2PI - safe)
    return logz, ra - rb, 1.0 + za * ra - zb * rb


@dataclass(frozen=True, slots=True, eq=False)
class _PointEvidence:
    prec: FloatArray  # sum of w / sigma^2 per object
    mean: FloatArray  # precision-weighted mean of y - b per object (0 without points)
    const: FloatArray  # log of the point likelihoods' constant factor per object


def _point_evidence(c: Claims, bias: FloatArray, spread: FloatArray) -> _PointEvidence:
    p = c.point
    o = c.obj[p]
    s = c.src[p]
    w = c.weight[p]
    var = spread[s] ** 2 + c.round_var[p]
    r = c.y[p] - bias[s]
    prec_c = w / var
    prec = _sum_by(o, prec_c, c.n_objects)
    total = _sum_by(o, prec_c * r, c.n_objects)
    has = prec > 0
    mean = np.divide(total, prec, out=np.zeros_like(total), where=has)
    const_c = w * (-0.5 * np.log(2.0 * np.pi * var)) - 0.5 * prec_c * r * r
    const = _sum_by(o, const_c, c.n_objects) + 0.5 * prec * mean * mean
    return _PointEvidence(prec, mean, const)


@dataclass(frozen=True, slots=True, eq=False)
class _Context:
    """What stays fixed during a fit: the interval blocks, each object's hard range on the
    ``theta`` scale, and which objects need the coarse grid."""

    claims: Claims
    blocks: tuple[_Block, ...]
    floor: FloatArray  # log1p(hard low)
    ceil: FloatArray  # min(top, log1p(hard high))
    bounded_above: BoolArray
    tracked: IntArray  # objects with interval claims or without point claims
    untracked: IntArray  # objects with point claims only
    informative: BoolArray  # rows the sources learn from (points and blocks of objects with at
    # least two statements)


def _statements_per_object(c: Claims) -> IntArray:
    """How many distinct statements each object has (echoes once)."""
    if not len(c):
        return np.zeros(c.n_objects, np.int64)
    pairs = np.unique(np.stack([c.obj, c.statement], axis=1), axis=0)
    return np.bincount(pairs[:, 0], minlength=c.n_objects).astype(np.int64)


def _context(c: Claims, bounds: Bounds, top: float) -> _Context:
    blocks = _blocks(c)
    floor = np.log1p(bounds.low.astype(np.float64))
    ceil = np.where(bounds.open_high, top, np.log1p(bounds.high.astype(np.float64)))
    ceil = np.minimum(ceil, top)
    floor = np.minimum(floor, ceil)
    has_point = np.bincount(c.obj[c.point], minlength=c.n_objects) > 0
    has_iv = np.zeros(c.n_objects, bool)
    informative = c.point.copy()
    for b in blocks:
        has_iv[b.obj] = True
        informative[b.row] = True
    # A source learns only from objects where another statement says something too: with one
    # statement an object's posterior is that reading, shifted by its source's bias, whatever
    # the spread, and its moments would only feed the spread back to itself.
    informative &= _statements_per_object(c)[c.obj] >= 2
    finite_high = np.zeros(c.n_objects, bool)
    finite_high[c.obj[np.isfinite(c.high)]] = True
    return _Context(
        claims=c,
        blocks=blocks,
        floor=floor,
        ceil=ceil,
        bounded_above=finite_high | ~bounds.open_high,
        tracked=np.flatnonzero(has_iv | ~has_point).astype(np.int64),
        untracked=np.flatnonzero(~(has_iv | ~has_point)).astype(np.int64),
        informative=informative,
    )


def _top(c: Claims, bounds: Bounds, factor: float) -> float:
    finite = [c.low[c.low > 0], c.high[np.isfinite(c.high)]]
    hard = bounds.high[~bounds.open_high].astype(np.float64)
    values = np.concatenate([*finite, hard, bounds.low.astype(np.float64), [1.0]])
    return float(np.log1p(values.max() * factor))


def _clip_window(
    lo: FloatArray, hi: FloatArray, floor: FloatArray, ceil: FloatArray, reach: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Intersect ``[lo, hi]`` with ``[floor, ceil]``; where they miss, keep a band at the edge."""
    a = np.clip(lo, floor, ceil)
    b = np.clip(hi, floor, ceil)
    below = hi < floor  # all evidence under the hard floor: the posterior hugs the floor
    above = lo > ceil
    a = np.where(above, np.maximum(floor, ceil - reach), a)
    b = np.where(below, np.minimum(ceil, floor + reach), b)
    return a, b


def _evidence_window(
    ctx: _Context, sel: IntArray, bias: FloatArray, spread: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """For the objects ``sel``: the span of ``theta`` any of their claims gives weight to."""
    c = ctx.claims
    n = c.n_objects
    sd = spread[c.src]
    lo_c = np.where(c.point, c.y, c.lo) - bias[c.src] - _WINDOW_SD * sd
    hi_c = np.where(c.point, c.y, c.hi) - bias[c.src] + _WINDOW_SD * sd
    lo = np.full(n, np.inf)
    hi = np.full(n, -np.inf)
    starts, run = _segments(c.obj)
    if starts.size:
        lo[run] = np.minimum.reduceat(lo_c, starts)
        hi[run] = np.maximum.reduceat(hi_c, starts)
    lo, hi = lo[sel], hi[sel]
    floor, ceil = ctx.floor[sel], ctx.ceil[sel]
    lo = np.where(np.isfinite(lo), lo, floor)
    hi = np.where(np.isfinite(hi), hi, ceil)
    reach = np.maximum(hi - lo, 1.0)
    return _clip_window(lo, hi, floor, ceil, reach)


def _grid_logpost(
    ctx: _Context,
    sel: IntArray | None,
    start: FloatArray,
    width: FloatArray,
    cells: int,
    bias: FloatArray,
    spread: FloatArray,
    pe: _PointEvidence,
    prior: Prior,
    *,
    coarse: bool,
    moments: bool,
) -> tuple[FloatArray, list[tuple[_Block, IntArray, FloatArray, FloatArray]]]:
    """Unnormalised log posterior per cell of the objects ``sel`` (all when ``None``).

    A coarse grid smooths every factor over its cells (a Gaussian of variance ``s^2`` becomes
    one of ``s^2 + width^2 / 12``), so that a narrow posterior is seen wherever it falls within
    a cell. With ``moments``, also returns per block the rows used and the residual moments
    per claim and cell.
    """
    k = np.arange(cells) + 0.5
    theta = start[:, None] + width[:, None] * k[None, :]
    logpost = prior.log_pdf(theta)
    prec = pe.prec if sel is None else pe.prec[sel]
    mean = pe.mean if sel is None else pe.mean[sel]
    if coarse:
        with np.errstate(divide="ignore"):
            prec = np.where(prec > 0, 1.0 / (1.0 / prec + width * width / 12.0), 0.0)
    logpost -= 0.5 * prec[:, None] * (theta - mean[:, None]) ** 2
    if sel is None:
        local = None
    else:
        local = np.full(ctx.claims.n_objects, -1, np.int64)
        local[sel] = np.arange(len(sel))
    out: list[tuple[_Block, IntArray, FloatArray, FloatArray]] = []
    for block in ctx.blocks:
        if local is None:
            rows = np.arange(len(block.row), dtype=np.int64)
            li = block.obj
        else:
            rows = np.flatnonzero(local[block.obj] >= 0).astype(np.int64)
            if not rows.size:
                continue
            li = local[block.obj[rows]]
        src = block.src[rows]
        sd = spread[src]
        if coarse:
            sd = np.sqrt(sd * sd + width[li] ** 2 / 12.0)
        logz, m1, m2 = _block_terms(
            block, rows, start[li], width[li], cells, bias[src], sd, moments=moments
        )
        starts, run = _segments(li)
        logz *= block.weight[rows][:, None]
        logpost[run] += np.add.reduceat(logz, starts, axis=0)
        if moments and m1 is not None and m2 is not None:
            out.append((block, rows, m1, m2))
    return logpost, out


def _normalise(logpost: FloatArray) -> tuple[FloatArray, FloatArray]:
    top = logpost.max(axis=1)
    top = np.where(np.isfinite(top), top, 0.0)
    p = np.exp(logpost - top[:, None])
    total = p.sum(axis=1)
    empty = total <= 0
    if empty.any():  # no cell has any probability (cannot happen with a valid window)
        p[empty] = 1.0
        total = np.where(empty, p.shape[1], total)
    p /= total[:, None]
    return p, top + np.log(total)


def _window_from(
    start: FloatArray, width: FloatArray, mass: FloatArray, floor: FloatArray, ceil: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Where a posterior on a grid lies: its central ``1 - 2 * _TAIL`` plus a cell each side;
    a side whose outermost cell still holds mass (and is not a hard edge) grows by the span."""
    cum = np.cumsum(mass, axis=1)
    cells = mass.shape[1]
    first = np.minimum((cum < _TAIL).sum(axis=1), cells - 1)
    last = np.minimum((cum < 1.0 - _TAIL).sum(axis=1), cells - 1)
    a = start + width * np.maximum(first - 1, 0)
    b = start + width * np.minimum(last + 2, cells)
    span = b - a
    stop = start + width * cells
    a = np.where((mass[:, 0] > _EDGE) & (start > floor), a - span, a)
    b = np.where((mass[:, -1] > _EDGE) & (stop < ceil), b + span, b)
    return np.clip(a, floor, ceil), np.clip(b, floor, ceil)


@dataclass(frozen=True, slots=True, eq=False)
class _Group:
    """Posteriors of a subset of objects on a grid of ``mass.shape[1]`` cells."""

    sel: IntArray
    start: FloatArray
    width: FloatArray
    mass: FloatArray


@dataclass(frozen=True, slots=True, eq=False)
class _EStep:
    points: _Group  # objects with point claims only
    tracked: _Group  # the others, whose grids follow the previous posterior
    log_marginal: float
    e1: FloatArray  # E[x - theta - b] per claim row (0 for uninformative rows)
    e2: FloatArray  # E[(x - theta - b)^2] per claim row
    cavity_mean: FloatArray  # the object's other exact figures, combined (point rows: without
    # the claim's own statement; interval rows: all of them)
    cavity_var: FloatArray  # their variance (inf where there are none)

    def posterior(self, n: int, bounded_above: BoolArray) -> Posterior:
        """Both groups as one :class:`Posterior` (they must have the same number of cells)."""
        cells = self.points.mass.shape[1]
        if self.tracked.mass.shape[1] != cells:
            raise EstimationError("groups with different grids cannot form one posterior")
        start = np.zeros(n)
        width = np.zeros(n)
        mass = np.zeros((n, cells))
        for g in (self.points, self.tracked):
            start[g.sel] = g.start
            width[g.sel] = g.width
            mass[g.sel] = g.mass
        return Posterior(start, width, mass, bounded_above)


def _e_step(
    ctx: _Context,
    bias: FloatArray,
    spread: FloatArray,
    prior: Prior,
    *,
    point_cells: int,
    cells: int,
    coarse: int,
    previous: _Group | None,
    moments: bool,
    points: bool = True,
) -> _EStep:
    """Posteriors of all objects. Objects with point claims only get a grid of
    ``point_cells`` around their point evidence; the others (``ctx.tracked``) a grid of
    ``cells`` placed by ``previous`` (their last posterior) or else by a coarse pass.
    ``points=False`` leaves the first group out (its posteriors come out empty)."""
    c = ctx.claims
    pe = _point_evidence(c, bias, spread)
    groups = []
    total = 0.0
    # Objects with point claims only: the posterior is the prior times one Gaussian factor.
    p = ctx.untracked if points else ctx.untracked[:0]
    sdp = 1.0 / np.sqrt(pe.prec[p])
    mean = pe.mean[p]
    floor, ceil = ctx.floor[p], ctx.ceil[p]
    # Where the hard range misses the point evidence, the truncated posterior hugs the nearer
    # edge and decays from it over about 1 / (distance * precision): a band of 30 such lengths.
    distance = np.maximum(floor - mean, mean - ceil)
    with np.errstate(divide="ignore"):
        decay = np.where(distance > 0, 30.0 / (distance * pe.prec[p]), np.inf)
    a, b = _clip_window(
        mean - _WINDOW_SD * sdp,
        mean + _WINDOW_SD * sdp,
        floor,
        ceil,
        np.minimum(_WINDOW_SD * sdp, decay),
    )
    groups.append((p, a, b, point_cells))
    t = ctx.tracked
    floor, ceil = ctx.floor[t], ctx.ceil[t]
    if previous is None:
        a, b = _evidence_window(ctx, t, bias, spread)
        w = (b - a) / coarse
        lp, _ = _grid_logpost(
            ctx, t, a, w, coarse, bias, spread, pe, prior, coarse=True, moments=False
        )
        mass, _ = _normalise(lp)
        a, b = _window_from(a, w, mass, floor, ceil)
    else:
        a, b = _window_from(previous.start, previous.width, previous.mass, floor, ceil)
    groups.append((t, a, b, cells))

    e1 = np.zeros(len(c))
    e2 = np.zeros(len(c))
    cav_mean = np.zeros(len(c))
    cav_var = np.full(len(c), np.inf)
    done: list[_Group] = []
    for sel, a, b, k in groups:
        width = np.maximum(b - a, 0.0) / k
        lp, terms = _grid_logpost(
            ctx, sel, a, width, k, bias, spread, pe, prior, coarse=False, moments=moments
        )
        mass, lse = _normalise(lp)
        total += float(np.sum(lse + np.log(np.where(width > 0, width, 1.0)) + pe.const[sel]))
        group = _Group(sel, a, width, mass)
        done.append(group)
        if not moments:
            continue
        local = np.full(c.n_objects, -1, np.int64)
        local[sel] = np.arange(len(sel))
        mu, var = _moments(a, width, mass, within=False)
        rows = np.flatnonzero(c.point & (local[c.obj] >= 0))
        lo = local[c.obj[rows]]
        r = c.y[rows] - mu[lo] - bias[c.src[rows]]
        e1[rows] = r
        e2[rows] = r * r + var[lo]
        # The cavity: the Gaussian of the object's other exact figures (the factors of the
        # claim's whole statement, the row and its echoes, left out), in closed form.
        stmt = c.statement[rows]
        n_stmt = int(stmt.max()) + 1 if stmt.size else 0
        own_row = c.weight[rows] / (spread[c.src[rows]] ** 2 + c.round_var[rows])
        own = _sum_by(stmt, own_row, n_stmt)[stmt]
        own_num = _sum_by(stmt, own_row * (c.y[rows] - bias[c.src[rows]]), n_stmt)[stmt]
        obj_rows = c.obj[rows]
        all_prec = pe.prec[obj_rows]
        all_num = all_prec * pe.mean[obj_rows]
        with np.errstate(divide="ignore", invalid="ignore"):
            cav_prec = all_prec - own
            ok = cav_prec > 1e-9 * all_prec
            cav_var[rows] = np.where(ok, 1.0 / cav_prec, np.inf)
            cav_mean[rows] = np.where(ok, (all_num - own_num) / cav_prec, 0.0)
        for block, brows, m1, m2 in terms:
            obj_b = block.obj[brows]
            has = pe.prec[obj_b] > 0
            with np.errstate(divide="ignore"):
                cav_var[block.row[brows]] = np.where(has, 1.0 / pe.prec[obj_b], np.inf)
            cav_mean[block.row[brows]] = np.where(has, pe.mean[obj_b], 0.0)
            pm = mass[local[obj_b]]
            sd = spread[block.src[brows]]
            e1[block.row[brows]] = sd * np.einsum("ij,ij->i", pm, m1)
            e2[block.row[brows]] = sd * sd * np.maximum(np.einsum("ij,ij->i", pm, m2), 0.0)
    return _EStep(done[0], done[1], total, e1, e2, cav_mean, cav_var)


_MEDIAN_BANDWIDTH: Final = 0.1
"""Bandwidth, on the log scale, of the smoothed median that centres the biases."""


def _weighted_median(values: FloatArray, weights: FloatArray) -> float:
    """The median of the weighted values smoothed by a normal kernel of width 0.1: the ``m``
    where ``sum(w * Phi((m - v) / 0.1)) = sum(w) / 2``. Unlike a plain weighted median it moves
    continuously with the values and the weights (a plain one jumps when two values of unequal
    weight trade places, and an iteration built on it can flip between two centrings), and,
    unlike a mean, a few values far off barely move it."""
    keep = weights > 0
    if not keep.any():
        return 0.0
    v, w = values[keep], weights[keep] / weights[keep].sum()
    lo = float(v.min()) - 8.0 * _MEDIAN_BANDWIDTH
    hi = float(v.max()) + 8.0 * _MEDIAN_BANDWIDTH
    for _ in range(60):  # bisection: F is increasing; 60 halvings reach machine precision
        mid = 0.5 * (lo + hi)
        if float(np.dot(w, special.ndtr((mid - v) / _MEDIAN_BANDWIDTH))) < 0.5:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def _interval_score(
    lo: FloatArray, hi: FloatArray, s2: FloatArray, cav: FloatArray, shapes: list[IntArray]
) -> FloatArray:
    """d/du of ``log(Phi(beta) - Phi(alpha))``, ``u = log sigma``, for readings of variance
    ``sigma^2 + cav`` centred on 0 and claims ``[lo, hi]``; ``shapes`` holds the rows that have
    only a floor, only a ceiling, and both."""
    sd = np.sqrt(s2 + cav)
    q = s2 / (s2 + cav)
    out = np.zeros_like(sd)
    for kind, rows in enumerate(shapes):
        if not rows.size:
            continue
        if kind == 0:  # "more than": log(1 - Phi(alpha))
            alpha = lo[rows] / sd[rows]
            logz = special.log_ndtr(-alpha)
            term = alpha * np.exp(-0.5 * alpha * alpha - _LOG_SQRT_2PI - logz)
        elif kind == 1:  # "up to": log Phi(beta)
            beta = hi[rows] / sd[rows]
            logz = special.log_ndtr(beta)
            term = -beta * np.exp(-0.5 * beta * beta - _LOG_SQRT_2PI - logz)
        else:
            alpha = lo[rows] / sd[rows]
            beta = hi[rows] / sd[rows]
            logz = _log_ndtr_diff(alpha, beta)
            safe = np.where(np.isfinite(logz), logz, np.inf)
            term = alpha * np.exp(-0.5 * alpha * alpha - _LOG_SQRT_2PI - safe) - beta * np.exp(
                -0.5 * beta * beta - _LOG_SQRT_2PI - safe
            )
        out[rows] = q[rows] * term
    return np.asarray(np.where(np.isfinite(out), out, 0.0), dtype=np.float64)


def _m_step(
    ctx: _Context,
    e: _EStep,
    bias: FloatArray,
    spread: FloatArray,
    settings: Settings,
) -> tuple[FloatArray, FloatArray]:
    """New biases and spreads.

    The bias is the EM update: the precision-weighted mean of each claim's expected residual
    under the posterior (``r^2`` in the weights is the rounding variance of a whole count),
    under its normal prior; then all biases are shifted so that their smoothed median over
    sources (weighted by claims) is 0. For the spread, an exact figure ``y`` is scored by its
    likelihood given the other exact figures of its object: with their combination ``N(m, C)``
    (the cavity: the object's point evidence without the factors of the claim's statement),
    ``y - b - m ~ N(0, sigma^2 + r^2 + C)``; an interval claim on an object with exact figures
    by ``log(Phi(beta) - Phi(alpha))`` for a reading of variance ``sigma^2 + C``, and one on an
    object without any by the expected moments of its truncated residual (EM). The log spread
    maximises the sum under a normal prior around the log of the pooled spread (a few Newton
    steps per source). Scoring a dominant source against the cavity rather than a posterior it
    shaped itself is what lets a precise source become precise in a few iterations.
    """
    c = ctx.claims
    ns = c.n_sources
    w = np.where(ctx.informative, c.weight, 0.0)
    wsum = _sum_by(c.src, w, ns)
    src = c.src
    p = c.point & (w > 0)
    pr = np.flatnonzero(p)
    ir = np.flatnonzero(ctx.informative & ~c.point)
    # Bias: the EM update (expected residuals under the posterior, precision-weighted).
    var_c = spread[src] ** 2 + c.round_var
    wv = w / var_c
    num = _sum_by(src, wv * (e.e1 + bias[src]), ns)
    new_bias = num / (_sum_by(src, wv, ns) + 1.0 / settings.bias_scale**2)
    new_bias -= _weighted_median(new_bias, wsum)
    # points against their cavity: residual and extra variance a = r^2_round + C
    extra = np.where(np.isfinite(e.cavity_var[pr]), c.round_var[pr] + e.cavity_var[pr], np.inf)
    resid = c.y[pr] - e.cavity_mean[pr]  # = bias + noise

    # pooled spread (EM moments of every claim), shrunk toward pool_spread
    d = bias[src] - new_bias[src]
    second = e.e2 + 2.0 * e.e1 * d + d * d
    k = spread[src] ** 2 / (spread[src] ** 2 + c.round_var)
    ss_all = _sum_by(src, w * (k * k * second + k * c.round_var), ns)
    pool = settings.pool_claims
    pooled = (pool * settings.pool_spread**2 + float(ss_all.sum())) / (pool + float(wsum.sum()))
    centre = 0.5 * math.log(pooled)
    inv = 1.0 / settings.spread_prior**2

    # log spread: Newton on the cavity likelihood of exact figures and of intervals on objects
    # with exact figures, the EM term of the other intervals, and the prior
    ep2 = (resid - new_bias[src[pr]]) ** 2
    wpt = np.where(np.isfinite(extra), w[pr], 0.0)
    a = np.where(np.isfinite(extra), extra, 0.0)
    cav = np.isfinite(e.cavity_var[ir])
    ic = ir[cav]  # intervals scored against their object's exact figures
    ie = ir[~cav]  # intervals on objects without exact figures: EM moments
    ss_int = _sum_by(src[ie], w[ie] * second[ie], ns)
    w_int = _sum_by(src[ie], w[ie], ns)
    c_lo = c.lo[ic] - e.cavity_mean[ic] - new_bias[src[ic]]
    c_hi = c.hi[ic] - e.cavity_mean[ic] - new_bias[src[ic]]
    c_var = e.cavity_var[ic]
    floor, ceil = np.isfinite(c_lo), np.isfinite(c_hi)
    shapes = [np.flatnonzero(m) for m in (floor & ~ceil, ~floor & ceil, floor & ceil)]
    u = np.log(spread)
    # A few Newton steps from the current spreads: the M-step need not be solved exactly, only
    # move uphill, and EM repeats it.
    for _ in range(4):
        s2 = np.exp(2.0 * u)
        v = s2[src[pr]] + a
        q = s2[src[pr]] / v
        ratio = ep2 / v
        g = _sum_by(src[pr], wpt * q * (ratio - 1.0), ns)
        h = _sum_by(src[pr], wpt * (2.0 * q * (1.0 - q) * (ratio - 1.0) - 2.0 * q * q * ratio), ns)
        if ic.size:
            gi = _interval_score(c_lo, c_hi, s2[src[ic]], c_var, shapes)
            g += _sum_by(src[ic], w[ic] * gi, ns)
            h -= _sum_by(src[ic], w[ic] * gi * gi, ns)  # outer-product curvature
        g += -w_int + ss_int / s2 - (u - centre) * inv
        h += -2.0 * ss_int / s2 - inv
        step = g / np.maximum(-h, inv)
        u += np.clip(step, -0.5, 0.5)
        if np.max(np.abs(step), initial=0.0) < 1e-6:
            break
    new_spread = np.maximum(np.exp(u), settings.min_spread)
    return new_bias, new_spread


def _update_prior(prior: Prior, e: _EStep, settings: Settings) -> Prior:
    """The prior histogram from the posterior mass of all objects, plus a flat part worth
    ``prior_objects`` objects, smoothed over neighbouring bins."""
    bins = len(prior.log_density)
    bw = prior.top / bins
    counts = np.full(bins, settings.prior_objects / bins)
    for g in (e.points, e.tracked):
        k = np.arange(g.mass.shape[1]) + 0.5
        # split each cell's mass between the two nearest bin centres (linear in its position,
        # so that the update moves smoothly as posteriors move)
        pos = np.clip((g.start[:, None] + g.width[:, None] * k[None, :]) / bw - 0.5, 0, bins - 1)
        left = np.minimum(pos.astype(np.int64), bins - 2)
        frac = (pos - left).ravel()
        mass = g.mass.ravel()
        counts += _sum_by(left.ravel(), mass * (1.0 - frac), bins)
        counts += _sum_by(left.ravel() + 1, mass * frac, bins)
    padded = np.concatenate([counts[:1], counts, counts[-1:]])
    smooth = 0.25 * padded[:-2] + 0.5 * padded[1:-1] + 0.25 * padded[2:]
    density = smooth / (smooth.sum() * bw)
    return Prior(prior.top, np.log(density))


def _flat_prior(top: float, bins: int) -> Prior:
    return Prior(top, np.full(bins, -math.log(top)))


def _objective(e: _EStep, bias: FloatArray, spread: FloatArray, settings: Settings) -> float:
    lp_bias = -0.5 * float(np.sum((bias / settings.bias_scale) ** 2))
    return e.log_marginal + lp_bias - float(np.log(spread).sum())


def _final_posterior(
    ctx: _Context, bias: FloatArray, spread: FloatArray, prior: Prior, settings: Settings
) -> _EStep:
    """A fresh coarse pass over all the evidence, a fine grid, then a finer one where it lies."""
    first = _e_step(
        ctx,
        bias,
        spread,
        prior,
        point_cells=settings.cells,
        cells=settings.cells,
        coarse=settings.coarse_cells,
        previous=None,
        moments=False,
        points=False,
    )
    return _e_step(
        ctx,
        bias,
        spread,
        prior,
        point_cells=settings.cells,
        cells=settings.cells,
        coarse=settings.coarse_cells,
        previous=first.tracked,
        moments=False,
    )


@dataclass(frozen=True, slots=True, eq=False)
class _State:
    bias: FloatArray
    spread: FloatArray
    prior: Prior
    last: _Group | None  # where the tracked objects' posteriors were


def _em_step(ctx: _Context, state: _State, settings: Settings) -> tuple[_State, float]:
    """One EM iteration from ``state``; also the objective at ``state`` (from its E-step)."""
    e = _e_step(
        ctx,
        state.bias,
        state.spread,
        state.prior,
        point_cells=settings.fit_point_cells,
        cells=settings.fit_cells,
        coarse=settings.fit_cells,
        previous=state.last,
        moments=True,
    )
    bias, spread = _m_step(ctx, e, state.bias, state.spread, settings)
    prior = _update_prior(state.prior, e, settings)
    return _State(bias, spread, prior, e.tracked), _objective(e, state.bias, state.spread, settings)


def _distance(a: _State, b: _State) -> float:
    """Largest move of a log bias or a log spread between two states."""
    return float(
        max(
            np.max(np.abs(b.bias - a.bias), initial=0.0),
            np.max(np.abs(np.log(b.spread / a.spread)), initial=0.0),
        )
    )


def _extrapolate(s0: _State, s1: _State, s2: _State, settings: Settings) -> _State:
    """The SQUAREM step (Varadhan and Roland 2008, scheme S3) on (bias, log spread)."""
    x0 = np.concatenate([s0.bias, np.log(s0.spread)])
    x1 = np.concatenate([s1.bias, np.log(s1.spread)])
    x2 = np.concatenate([s2.bias, np.log(s2.spread)])
    r = x1 - x0
    v = x2 - 2.0 * x1 + x0
    nv = float(np.linalg.norm(v))
    alpha = -float(np.linalg.norm(r)) / nv if nv > 0 else -1.0
    alpha = min(alpha, -1.0)
    x = x0 - 2.0 * alpha * r + alpha * alpha * v
    ns = len(s0.bias)
    spread = np.maximum(np.exp(x[ns:]), settings.min_spread)
    return _State(x[:ns], spread, s2.prior, s2.last)


@dataclass(frozen=True, slots=True, eq=False)
class _Run:
    state: _State
    iterations: int
    change: float
    converged: bool


def _em(ctx: _Context, state: _State, settings: Settings, max_iter: int) -> _Run:
    """EM with SQUAREM acceleration from ``state`` until no parameter moves by ``tol``."""
    change = math.inf
    iterations = 0
    while iterations < max_iter:
        # One SQUAREM cycle: two EM steps, an extrapolation along them, one EM step from there.
        one, objective0 = _em_step(ctx, state, settings)
        iterations += 1
        change = _distance(state, one)
        if change < settings.tol:
            return _Run(one, iterations, change, True)
        if iterations + 2 > max_iter:
            state = one
            continue
        two, _ = _em_step(ctx, one, settings)
        jump = _extrapolate(state, one, two, settings)
        three, objective_jump = _em_step(ctx, jump, settings)
        iterations += 2
        # Keep the extrapolation only when it did not lower the objective (EM never does).
        state = three if objective_jump >= objective0 else two
    return _Run(state, iterations, change, False)


def _every(claims: Claims, bounds: Bounds, step: int) -> tuple[Claims, Bounds]:
    """The claims and bounds of objects ``0, step, 2 step, ...``, renumbered."""
    rows = np.flatnonzero(claims.obj % step == 0)
    keep = np.arange(0, claims.n_objects, step)

    sub = Claims(
        obj=claims.obj[rows] // step,
        src=claims.src[rows],
        low=claims.low[rows],
        high=claims.high[rows],
        weight=claims.weight[rows],
        n_objects=len(keep),
        n_sources=claims.n_sources,
        n_statements=claims.n_statements,
        point=claims.point[rows],
        y=claims.y[rows],
        lo=claims.lo[rows],
        hi=claims.hi[rows],
        statement=claims.statement[rows],
        round_var=claims.round_var[rows],
    )
    return sub, Bounds(bounds.low[keep], bounds.high[keep], bounds.open_high[keep])


def fit(claims: Claims, *, bounds: Bounds | None = None, settings: Settings | None = None) -> Fit:
    """Learn every source's bias and spread and every object's posterior from the claims.

    Parameters
    ----------
    claims:
        From :func:`prepare`.
    bounds:
        Optional hard range per object; posteriors are truncated to it during the fit too.
    settings:
        Priors and grid sizes (:class:`Settings`).

    Returns
    -------
    Fit
        ``reliability`` (per source), ``prior``, ``posterior`` (per object, on the final fine
        grid) and ``convergence``.

    Examples
    --------
    >>> c = prepare([0, 0, 1, 1], [0, 1, 0, 1], [10, 30, 100, 300], [10, 30, 100, 300])
    >>> f = fit(c)
    >>> f.convergence.converged, f.reliability.spread.shape
    (True, (2,))
    """
    settings = settings or Settings()
    n = claims.n_objects
    if bounds is None:
        bounds = Bounds.none(n)
    elif len(bounds) != n:
        raise EstimationError(f"bounds cover {len(bounds)} objects, the claims {n}")
    top = _top(claims, bounds, settings.top_factor)
    ns = claims.n_sources
    state = _State(
        np.zeros(ns),
        np.full(ns, settings.initial_spread),
        _flat_prior(top, settings.prior_bins),
        None,
    )
    warm = 0
    step = n // settings.warm_objects if settings.warm_objects else 0
    if step >= 2:
        # Learn the sources first on every step-th object, then go on with all of them.
        sub_claims, sub_bounds = _every(claims, bounds, step)
        sub = _em(_context(sub_claims, sub_bounds, top), state, settings, settings.max_iter)
        warm = sub.iterations
        state = _State(sub.state.bias, sub.state.spread, sub.state.prior, None)
    ctx = _context(claims, bounds, top)
    run = _em(ctx, state, settings, settings.max_iter)
    state, iterations, change, converged = run.state, run.iterations, run.change, run.converged
    bias, spread, prior = state.bias, state.spread, state.prior
    final = _final_posterior(ctx, bias, spread, prior, settings)
    wsum = _sum_by(claims.src, claims.weight, ns)
    return Fit(
        reliability=Reliability(bias, spread, claims.n_statements, wsum),
        prior=prior,
        posterior=final.posterior(n, ctx.bounded_above),
        convergence=Convergence(
            iterations, change, converged, _objective(final, bias, spread, settings), warm
        ),
        settings=settings,
    )


def posterior(
    claims: Claims,
    reliability: Reliability,
    prior: Prior,
    *,
    bounds: Bounds | None = None,
    settings: Settings | None = None,
) -> Posterior:
    """Every object's posterior for given reliabilities and prior, within optional hard ranges.

    One E-step, no learning: use it after :func:`fit` when the hard ranges become known (or
    change), without refitting the sources.

    Examples
    --------
    >>> c = prepare([0, 0, 0], [0, 1, 2], [40, 60, 50], [40, 60, 50])
    >>> f = fit(c)
    >>> p = posterior(c, f.reliability, f.prior, bounds=Bounds.from_arrays([55], [58]))
    >>> s = summarise(p, bounds=Bounds.from_arrays([55], [58]))
    >>> 55 <= int(s.low[0]) <= int(s.best[0]) <= int(s.high[0]) <= 58
    True
    """
    settings = settings or Settings()
    n = claims.n_objects
    if bounds is None:
        bounds = Bounds.none(n)
    elif len(bounds) != n:
        raise EstimationError(f"bounds cover {len(bounds)} objects, the claims {n}")
    if len(reliability.bias) != claims.n_sources:
        raise EstimationError(
            f"reliability covers {len(reliability.bias)} sources, the claims {claims.n_sources}"
        )
    top = max(prior.top, _top(claims, bounds, 1.0))
    if top > prior.top:  # a hard bound beyond the learned prior: extend it flat at its last value
        bins = len(prior.log_density)
        extra = math.ceil(bins * (top / prior.top - 1.0))
        dens = np.concatenate([prior.log_density, np.full(extra, prior.log_density[-1])])
        prior = Prior(prior.top * (bins + extra) / bins, dens)
    ctx = _context(claims, bounds, prior.top)
    final = _final_posterior(ctx, reliability.bias, reliability.spread, prior, settings)
    return final.posterior(n, ctx.bounded_above)


def summarise(post: Posterior, *, level: float = 0.9, bounds: Bounds | None = None) -> Summary:
    """Best value (posterior median) and equal-tailed credible interval of every object.

    Parameters
    ----------
    post:
        Posteriors from :func:`fit` or :func:`posterior`.
    level:
        Credible level, strictly between 0 and 1.
    bounds:
        The hard ranges the posterior was computed with; the whole counts are clipped to them
        (rounding can otherwise step one count outside).

    Examples
    --------
    >>> c = prepare([0, 0, 0], [0, 1, 2], [200, 210, 190], [200, 210, 190])
    >>> s = summarise(fit(c).posterior, level=0.9)
    >>> int(s.low[0]) <= int(s.best[0]) <= int(s.high[0]), s.level
    (True, 0.9)
    """
    if not (isinstance(level, float | int) and 0.0 < level < 1.0):
        raise EstimationError(f"level={level!r} must lie strictly between 0 and 1")
    n = len(post)
    if bounds is None:
        bounds = Bounds.none(n)
    lo_b = bounds.low.astype(np.float64)
    hi_b = np.where(bounds.open_high, float(MAX_COUNT), bounds.high.astype(np.float64))
    tail = (1.0 - float(level)) / 2.0

    def whole(x: FloatArray) -> IntArray:
        r = np.clip(np.rint(x), lo_b, hi_b)
        big = r >= float(MAX_COUNT)  # float(2**63 - 1) is 2**63: no int64 holds it
        out = np.where(big, 0.0, r).astype(np.int64)
        out = np.where(big, MAX_COUNT, out)
        return np.clip(out, bounds.low, bounds.high)

    best = whole(post.count_quantile(0.5))
    low = whole(post.count_quantile(tail))
    high = whole(post.count_quantile(1.0 - tail))
    has_best = post.bounded_above.copy()
    high = np.where(has_best, high, bounds.high)
    best = np.where(has_best, best, low)
    return Summary(best, low, high, has_best, float(level))
