"""Plots: a scope's resolved range over time, with every claim made about it.

Needs matplotlib (the ``plot`` extra: ``pip install 'karabakh_tolls[plot]'``); it is imported
when this module is, and this module only when :func:`plot_timeline` is first used.

Artists carry ``gid``\\ s so that tests and users can find them: ``kt-band`` (the resolved
range), ``kt-open`` (the band's open top), ``kt-claims`` (one marker collection per source),
``kt-intervals`` (each claim's interval as an error bar), ``kt-open-claim`` (an arrow for each
claim with no upper bound), ``kt-conflicts`` (dates whose claims cannot all be true) and
``kt-set-aside`` (rings around claims set aside there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

try:
    import matplotlib
    import matplotlib.pyplot as plt
except ImportError as error:  # pragma: no cover - exercised only without matplotlib
    raise ImportError(
        "karabakh_tolls.plotting needs matplotlib: pip install 'karabakh_tolls[plot]'"
    ) from error

from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.reconcile import reconcile
from karabakh_tolls.resolution import Resolution
from karabakh_tolls.scopes import DIMENSIONS, Scope
from karabakh_tolls.wars import War

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from karabakh_tolls.policies import TrustPolicy

__all__ = ["plot_timeline", "timeline"]

_MARKERS = {"cumulative": "o", "incident": "D", "increment": "s"}


def _x(days: Sequence[dt.date]) -> np.ndarray:
    """Dates as a datetime64[D] array (what matplotlib's date axis reads)."""
    return np.array(days, dtype="datetime64[D]")


def _direct(claims: ClaimSet, scope: Scope) -> pd.DataFrame:
    frame = claims.frame
    mask = pd.Series(True, index=frame.index)
    for dimension in DIMENSIONS:
        mask &= frame[dimension] == getattr(scope, dimension)
    return frame.loc[mask.fillna(False).to_numpy(dtype=bool)]


def timeline(
    claims: ClaimSet,
    scope: Scope | str,
    *,
    policy: TrustPolicy | None = None,
    freq: str | None = "D",
    dates: Sequence[dt.date | str] | None = None,
    war: War | str | None = None,
) -> tuple[Resolution, ...]:
    """The resolutions of ``scope`` at every date of its claims plus a ``freq`` grid between.

    ``dates`` replaces that choice with dates of your own. Raises ``ValueError`` when no claim
    is made about ``scope`` and no ``dates`` are given.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> rs = timeline(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh", freq=None)
    >>> [(str(r.as_of), r.low, r.high) for r in rs]
    [('2020-10-06', 280, 280), ('2020-10-29', 1166, 1166)]
    """
    claims = claims.for_war(war)
    chosen = scope if isinstance(scope, Scope) else Scope.parse(scope, claims.trees)
    if dates is not None:
        days = sorted({as_date(d, "dates") for d in dates})
    else:
        direct = _direct(claims, chosen)
        if direct.empty:
            raise ValueError(f"no claim is made about scope {str(chosen)!r}; pass dates=")
        marks = {ts.date() for ts in pd.to_datetime(direct["as_of"])}
        if freq is not None:
            grid = pd.date_range(min(marks), max(marks), freq=freq)
            marks |= {ts.date() for ts in grid}
        days = sorted(marks)
    options: dict[str, Any] = {} if policy is None else {"policy": policy}
    return tuple(reconcile(claims, chosen, day, **options) for day in days)


def plot_timeline(
    claims: ClaimSet,
    scope: Scope | str,
    *,
    ax: Axes | None = None,
    policy: TrustPolicy | None = None,
    freq: str | None = "D",
    title: str | None = None,
    war: War | str | None = None,
) -> Axes:
    """Draw a scope's resolved range over time as a band, with every claim about it.

    The band is :func:`~karabakh_tolls.reconcile` of ``scope`` at each date of its claims and on
    a ``freq`` grid (daily by default; ``None``: claim dates only) between them; where the
    range is open above, the band runs to the top of the plot under a dashed line. Each claim
    made directly about ``scope`` is a marker coloured by source (circle: cumulative total,
    diamond: incident, square: increment) at the middle of its interval, with the interval
    as an error bar; a claim with no upper bound is an arrow up from its low. Dates where the
    claims conflict are marked with a red cross, and the claims set aside there are ringed.

    Parameters
    ----------
    claims:
        The claim set.
    scope:
        The scope (or its text form) to plot.
    ax:
        Axes to draw on; a new figure's when omitted.
    policy:
        Trust policy passed to :func:`~karabakh_tolls.reconcile`.
    freq:
        pandas frequency of the date grid between claims (``"D"``, ``"W"``...), or ``None``.
    title:
        Axes title; default the scope.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import karabakh_tolls as kt
    >>> ax = plot_timeline(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh",
    ...                    freq="W")
    >>> sum(len(c.get_offsets()) for c in ax.collections if c.get_gid() == "kt-claims")
    3
    """
    claims = claims.for_war(war)
    chosen = scope if isinstance(scope, Scope) else Scope.parse(scope, claims.trees)
    resolutions = timeline(claims, chosen, policy=policy, freq=freq)
    direct = _direct(claims, chosen)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.5))

    finite = [r.low for r in resolutions] + [r.high for r in resolutions if r.high is not None]
    finite += [int(v) for v in direct["low"]] + [int(v) for v in direct["high"].dropna()]
    top = max(finite, default=1) * 1.15 or 1.0
    days = [r.as_of for r in resolutions]
    lows = [r.low for r in resolutions]
    highs = [top if r.high is None else r.high for r in resolutions]
    band = ax.fill_between(
        _x(days),
        lows,
        highs,
        alpha=0.25,
        color="tab:gray",
        step=None,
        label="resolved range",
        linewidth=0,
    )
    band.set_gid("kt-band")
    open_days = [r.as_of for r in resolutions if r.high is None]
    if open_days:
        (line,) = ax.plot(
            _x(open_days),
            [top] * len(open_days),
            linestyle="--",
            color="tab:gray",
            label="open above",
        )
        line.set_gid("kt-open")

    colours = matplotlib.colormaps["tab10"]
    for number, (source, rows) in enumerate(direct.groupby("source_name", sort=False)):
        colour = colours(number % 10)
        x = [ts.date() for ts in pd.to_datetime(rows["as_of"])]
        low = [int(v) for v in rows["low"]]
        high = [None if v is pd.NA else int(v) for v in rows["high"]]
        y = [lo if hi is None else (lo + hi) / 2 for lo, hi in zip(low, high, strict=True)]
        kinds = list(rows["kind"])
        for kind in dict.fromkeys(kinds):
            pick = [i for i, k in enumerate(kinds) if k == kind]
            markers = ax.scatter(
                _x([x[i] for i in pick]),
                [y[i] for i in pick],
                color=colour,
                marker=_MARKERS.get(kind, "o"),
                zorder=3,
                label=str(source) if kind == kinds[0] else None,
            )
            markers.set_gid("kt-claims")
        closed = [i for i, hi in enumerate(high) if hi is not None and hi != low[i]]
        if closed:
            bars = ax.vlines(
                _x([x[i] for i in closed]),
                [low[i] for i in closed],
                [int(high[i] or 0) for i in closed],
                color=colour,
                linewidth=2,
                zorder=2,
            )
            bars.set_gid("kt-intervals")
        for i, hi in enumerate(high):
            if hi is None:
                arrow = ax.annotate(
                    "",
                    xy=(x[i], top),
                    xytext=(x[i], low[i]),
                    arrowprops={"arrowstyle": "->", "color": colour},
                )
                arrow.set_gid("kt-open-claim")

    conflicted = [r for r in resolutions if r.status == "conflict"]
    if conflicted:
        crosses = ax.scatter(
            _x([r.as_of for r in conflicted]),
            [r.low for r in conflicted],
            marker="x",
            color="tab:red",
            s=80,
            zorder=4,
            label="conflict",
        )
        crosses.set_gid("kt-conflicts")
        aside = {cid for r in conflicted for cid in r.set_aside}
        rows = direct.loc[direct["claim_id"].isin(aside)]
        if not rows.empty:
            rings = ax.scatter(
                _x([ts.date() for ts in pd.to_datetime(rows["as_of"])]),
                [int(v) for v in rows["low"]],
                s=160,
                facecolors="none",
                edgecolors="tab:red",
                zorder=4,
                label="set aside",
            )
            rings.set_gid("kt-set-aside")

    ax.set_ylim(bottom=0, top=top * 1.05)
    ax.set_ylabel("people")
    ax.set_title(title if title is not None else str(chosen))
    ax.legend(loc="upper left", fontsize="small")
    ax.figure.autofmt_xdate()
    return ax
