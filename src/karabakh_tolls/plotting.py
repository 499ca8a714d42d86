"""Charts: a scope's resolved range over time, with every claim made about it.

Needs matplotlib (the ``plot`` extra: ``pip install 'karabakh_tolls[plot]'``); it is imported
when this module is, and this module only when :func:`plot_timeline` is first used.

How the chart reads. The range is known exactly at the dates of the evidence and is drawn as
steps between them, never as slanted lines: for a running total (killed, wounded, missing) the
count between two dates is at least the earlier lower bound and at most the later upper bound,
so the band's floor steps up after each date and its ceiling before it; after the last date
the ceiling is open. For a count that can fall (displaced, captured) only the evidence dates
are known, and each is a bar. An open bound runs to the frame and ends in an arrow. A claim
is drawn as what it says: an exact figure as a point, a range as a bar between its ends ("as
high as 5,000" is a bar from 0 to 5,000, never a point at 2,500), an open claim ("more than
6,000") as a bar up to the frame with an arrow, a floor (one incident, or a count of part of
the scope) as a triangle pointing up; an increment ("40 more") is a note at its date, not a
point on the toll's axis. The title is in words, the subtitle gives the date span, and a
source line under the chart names the sources and the trust policy. Colours are the
Okabe-Ito palette, which readers with colour-blindness can tell apart.

Text from the data (source names, scope terms) is drawn literally: a dollar sign never starts
mathematical notation.

Artists carry ``gid``\\ s so that tests and users can find them: ``kt-band`` (the resolved
range), ``kt-open`` (where it is open above), ``kt-open-arrow``, ``kt-claims`` (one marker
collection per source and shape), ``kt-intervals`` (claims that are ranges),
``kt-open-claim`` (arrows of claims with no upper bound), ``kt-floors``, ``kt-increments``,
``kt-conflicts`` (dates whose claims cannot all be true), ``kt-set-aside``, ``kt-best``,
``kt-best-band``, ``kt-subtitle`` and ``kt-source-line``.

This module imports matplotlib, numpy, pandas and the package's ``reconcile``, ``cite``,
``claims``, ``policies``, ``reconcile`` and ``scopes``.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

try:
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter
except ImportError as error:  # pragma: no cover - exercised only without matplotlib
    raise ImportError(
        "karabakh_tolls.plotting needs matplotlib: pip install 'karabakh_tolls[plot]'"
    ) from error

from karabakh_tolls import cite
from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import ArgumentTypeError
from karabakh_tolls.policies import ALL_SOURCES
from karabakh_tolls.reconcile import reconcile, reconcile_all
from karabakh_tolls.resolution import Resolution
from karabakh_tolls.scopes import DIMENSIONS, Scope
from karabakh_tolls.wars import War

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from karabakh_tolls.policies import TrustPolicy

__all__ = ["OKABE_ITO", "Band", "band", "plot_timeline", "timeline"]

OKABE_ITO: Final = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
"""The colour-blind-safe palette of Okabe and Ito (2008), in the order sources get it."""

_BAND: Final = "#BBBBBB"
_BEST: Final = "#000000"
_ALERT: Final = "#D55E00"

#: Up to this many claims each evidence date is solved exactly; above it the chart reads the
#: rows of :func:`~karabakh_tolls.reconcile_all`, which are sound (never narrower than exact).
EXACT_CLAIMS_LIMIT: Final = 100


@dataclass(frozen=True)
class Band:
    """A scope's range at its evidence dates, ready to draw."""

    scope: Scope
    dates: tuple[dt.date, ...]
    low: tuple[int, ...]
    high: tuple[int | None, ...]
    status: tuple[str, ...]
    set_aside: tuple[str, ...]
    sources: tuple[str, ...]
    """Names of the sources behind the bounds, in order of first use."""
    cumulative: bool
    policy: str
    war: str = ""
    """The name of the war the count belongs to."""


def _literal(text: str) -> str:
    """Text matplotlib draws as written (a ``$`` never opens mathematical notation)."""
    return text.replace("$", r"\$")


def _plain(artist: Text) -> Text:
    artist.set_parse_math(False)
    return artist


def _within(claims: ClaimSet, scope: Scope) -> np.ndarray:
    """Claims of the scope's outcome whose scope lies within or contains ``scope``."""
    frame = claims.frame
    trees = claims.trees
    mask = (frame["outcome"] == scope.outcome).to_numpy(dtype=bool)
    related = np.ones(len(frame), dtype=bool)
    for dimension in DIMENSIONS[1:]:
        tree = trees[dimension]
        term = getattr(scope, dimension)
        near = set(tree.ancestors(term)) | set(tree.descendants(term))
        related &= frame[dimension].isin(near).to_numpy(dtype=bool)
    return mask & related


def _evidence_dates(claims: ClaimSet, scope: Scope) -> list[dt.date]:
    """The dates where the range of ``scope`` can change: those of claims of its outcome."""
    frame = claims.frame
    same = frame.loc[(frame["outcome"] == scope.outcome).to_numpy(dtype=bool)]
    days = set(pd.to_datetime(same["as_of"]).dt.date)
    increments = same.loc[same["kind"] == "increment", "since"]
    days |= {d - dt.timedelta(days=1) for d in pd.to_datetime(increments).dt.date}
    return sorted(days)


def timeline(
    claims: ClaimSet,
    scope: Scope | str,
    *,
    policy: TrustPolicy | None = None,
    dates: Sequence[dt.date | str] | None = None,
    war: War | str | None = None,
) -> tuple[Resolution, ...]:
    """The exact resolutions of ``scope`` at the evidence dates (or at ``dates``).

    The evidence dates are those of the claims of the scope's outcome (and the day before an
    increment's first day): between them a running total's range changes only by the rules
    the chart draws as steps. Raises ``ValueError`` when no claim bears on ``scope`` and no
    ``dates`` are given. ``war`` names the war when the set holds several.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> rs = timeline(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh",
    ...               dates=["2020-10-06", "2020-10-29"])
    >>> [(str(r.as_of), r.low, r.high) for r in rs]
    [('2020-10-06', 280, 280), ('2020-10-29', 1166, 1166)]
    """
    claims = claims.for_war(war)
    chosen = scope if isinstance(scope, Scope) else Scope.parse(scope, claims.trees)
    if dates is not None:
        days = sorted({as_date(d, "dates") for d in dates})
    else:
        if not _within(claims, chosen).any():
            raise ValueError(f"no claim bears on scope {str(chosen)!r}; pass dates=")
        days = _evidence_dates(claims, chosen)
    options: dict[str, Any] = {} if policy is None else {"policy": policy}
    return tuple(reconcile(claims, chosen, day, **options) for day in days)


def band(
    claims: ClaimSet,
    scope: Scope | str,
    *,
    policy: TrustPolicy | None = None,
    dates: Sequence[dt.date | str] | None = None,
    war: War | str | None = None,
) -> Band:
    """The range of ``scope`` at its evidence dates, as drawn by :func:`plot_timeline`.

    Up to :data:`EXACT_CLAIMS_LIMIT` claims (or with ``dates`` given) each date is solved
    exactly by :func:`~karabakh_tolls.reconcile`; above it the rows of
    :func:`~karabakh_tolls.reconcile_all` for ``scope`` are read (sound: never narrower than
    the exact range), so a chart of a large table costs one reconciliation, not one per day.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> b = band(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh")
    >>> [(str(d), lo, hi) for d, lo, hi in zip(b.dates, b.low, b.high)][2:6]
    [('2020-10-06', 280, 280), ('2020-10-17', 280, 1166), ('2020-10-28', 280, 1166),
     ('2020-10-29', 1166, 1166)]
    """
    claims = claims.for_war(war)
    chosen = scope if isinstance(scope, Scope) else Scope.parse(scope, claims.trees)
    cumulative = claims.trees.is_cumulative(chosen.outcome)
    name = (policy or ALL_SOURCES).name
    if dates is not None or len(claims) <= EXACT_CLAIMS_LIMIT:
        rs = timeline(claims, chosen, policy=policy, dates=dates)
        names: dict[str, None] = {}
        for r in rs:
            for _, _, source in (*r.low_support.terms, *r.high_support.terms):
                names.setdefault(source, None)
        return Band(
            chosen,
            tuple(r.as_of for r in rs),
            tuple(r.low for r in rs),
            tuple(r.high for r in rs),
            tuple(str(r.status) for r in rs),
            tuple(sorted({c for r in rs for c in r.set_aside})),
            tuple(n for n in names if n),
            cumulative,
            name,
            claims.war().name,
        )
    table = reconcile_all(claims, policy=policy)
    mask = np.ones(len(table), dtype=bool)
    for dimension in DIMENSIONS:
        mask &= (table[dimension] == getattr(chosen, dimension)).to_numpy(dtype=bool)
    rows = table.loc[mask].sort_values("as_of")
    if rows.empty:
        raise ValueError(f"no claim bears on scope {str(chosen)!r}; pass dates=")
    frame = claims.frame
    by_id = dict(zip(frame["claim_id"], frame["source_name"].fillna(""), strict=True))
    ids = [
        c
        for column in ("low_support", "high_support")
        for text in rows[column].fillna("").astype(str)
        for c in text.split(";")
        if c
    ]
    aside = {c for text in rows["set_aside"].astype(str) for c in text.split(";") if c}
    return Band(
        chosen,
        tuple(pd.to_datetime(rows["as_of"]).dt.date),
        tuple(int(v) for v in rows["low"]),
        tuple(None if pd.isna(v) else int(v) for v in rows["high"]),
        tuple(str(s) for s in rows["status"]),
        tuple(sorted(aside)),
        tuple(dict.fromkeys(by_id[c] for c in ids if by_id.get(c))),
        cumulative,
        name,
        claims.war().name,
    )


def _direct(claims: ClaimSet, scope: Scope) -> pd.DataFrame:
    frame = claims.frame
    mask = np.ones(len(frame), dtype=bool)
    for dimension in DIMENSIONS:
        mask &= (frame[dimension] == getattr(scope, dimension)).to_numpy(dtype=bool)
    return frame.loc[mask]


def _num(day: dt.date) -> float:
    """A date as matplotlib's date number."""
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def _x(days: Sequence[dt.date]) -> np.ndarray:
    """Dates as a datetime64[D] array (what matplotlib's date axis reads)."""
    return np.array(days, dtype="datetime64[D]")


def _best_frame(best: pd.Series | pd.DataFrame) -> pd.DataFrame:
    """``best`` as columns as_of, best (and best_low, best_high when given)."""
    if isinstance(best, pd.Series):
        frame = pd.DataFrame({"as_of": pd.to_datetime(best.index), "best": best.to_numpy()})
    else:
        if "as_of" not in best.columns or "best" not in best.columns:
            raise ValueError(
                "best= needs columns 'as_of' and 'best' (and optionally best_low, "
                "best_high), or a Series indexed by date"
            )
        columns = [c for c in ("as_of", "best", "best_low", "best_high") if c in best.columns]
        frame = best.loc[:, columns].copy()
        frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame.dropna(subset=["best"]).sort_values("as_of")


def _count_axis(value: float, _: object) -> str:
    return f"{value:,.0f}"


def _span(days: Sequence[dt.date]) -> str:
    if not days:
        return ""
    first, last = min(days), max(days)
    if first == last:
        return f"On {cite.format_date(first)}"
    return f"{cite.format_date(first)} to {cite.format_date(last)}"


def plot_timeline(
    claims: ClaimSet,
    scope: Scope | str,
    *,
    ax: Axes | None = None,
    policy: TrustPolicy | None = None,
    dates: Sequence[dt.date | str] | None = None,
    best: pd.Series | pd.DataFrame | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    source_line: bool = True,
    war: War | str | None = None,
) -> Axes:
    """Draw a scope's resolved range over time, with every claim made about it.

    See the module's description for how each element reads.

    Parameters
    ----------
    claims:
        The claim set.
    scope:
        The scope (or its text form) to plot.
    ax:
        Axes to draw on; a new figure's (10 x 5.6 inches, room for the legend and the source
        line) when omitted.
    policy:
        Trust policy of the reconciliation; named in the source line.
    dates:
        Dates to solve at instead of the evidence dates.
    best:
        A best estimate to draw as a line: a Series of values indexed by date, or a DataFrame
        with columns ``as_of`` and ``best`` and optionally ``best_low``/``best_high`` (a
        credible interval, drawn as a lighter band), such as the rows of ``reconcile_all``
        with estimates.
    title:
        Title; default the scope in words ("Civilians killed, all parties").
    subtitle:
        Subtitle; default the date span of the evidence.
    source_line:
        Write the sources and the trust policy under the chart.
    war:
        The war (or its id) of the count, needed only when the set holds several.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import karabakh_tolls as kt
    >>> ax = plot_timeline(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh")
    >>> ax.get_title(loc="left")
    'Soldiers killed, Nagorno-Karabakh'
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "kt-increments"]
    ['+40 by 6 Oct 2020\\n(Nagorno-Karabakh Defense\\nMinistry)']
    """
    if not isinstance(claims, ClaimSet):
        raise ArgumentTypeError.of("claims", "a ClaimSet", claims)
    claims = claims.for_war(war)
    chosen = scope if isinstance(scope, Scope) else Scope.parse(scope, claims.trees)
    drawn = band(claims, chosen, policy=policy, dates=dates)
    direct = _direct(claims, chosen)
    best_rows = _best_frame(best) if best is not None else None
    own_figure = ax is None
    if ax is None:
        figure = plt.figure(figsize=(10, 5.6))
        ax = figure.add_axes((0.08, 0.22, 0.64, 0.62))
    assert ax is not None

    counts: list[float] = [*drawn.low, *(h for h in drawn.high if h is not None)]
    counts += [int(v) for v in direct["low"]] + [int(v) for v in direct["high"].dropna()]
    if best_rows is not None:
        values = best_rows.drop(columns="as_of").to_numpy(dtype=float).ravel()
        counts += [float(v) for v in values if np.isfinite(v)]
    top = max(max(counts, default=1) * 1.18, 1.0)

    _draw_band(ax, drawn, top)
    _draw_claims(ax, direct, drawn, top)
    if best_rows is not None:
        _draw_best(ax, best_rows)
    _draw_conflicts(ax, drawn, direct, top)

    days = [*drawn.dates, *(ts.date() for ts in pd.to_datetime(direct["as_of"]))]
    first, last = min(days), max(days)
    margin = max((last - first).days * 0.04, 3)
    ax.set_xlim(
        _num(first - dt.timedelta(days=margin)),
        _num(last + dt.timedelta(days=margin * 2)),
    )
    ax.set_ylim(0, top)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    )
    ax.yaxis.set_major_formatter(FuncFormatter(_count_axis))
    ax.set_ylabel(_literal(cite.describe(chosen, tail=False)))
    ax.set_xlabel("date the count holds")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)

    ax.set_title(
        _literal(title if title is not None else cite.title(chosen)),
        loc="left",
        fontweight="bold",
        fontsize="large",
        pad=24,
    )
    words = subtitle if subtitle is not None else _subtitle(drawn)
    _plain(
        ax.text(0, 1.02, words, transform=ax.transAxes, va="bottom", ha="left", gid="kt-subtitle")
    )
    legend = ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        frameon=False,
        fontsize="small",
    )
    for text in legend.get_texts():
        _plain(text)
    if source_line:
        width = ax.figure.bbox.width / ax.figure.dpi
        width = width if own_figure else width * ax.get_position().width
        chars = max(int(width * 72 / 5.2), 40)
        line = textwrap.fill(_source_text(drawn, direct), chars)
        _plain(
            ax.annotate(
                line,
                xy=(0, 0),
                xycoords="axes fraction",
                xytext=(0, -34),
                textcoords="offset points",
                va="top",
                ha="left",
                fontsize="x-small",
                color="#444444",
                gid="kt-source-line",
            )
        )
    return ax


def _subtitle(drawn: Band) -> str:
    span = _span(drawn.dates)
    return f"{drawn.war}, {span[:1].lower()}{span[1:]}" if drawn.war else span


def _source_text(drawn: Band, direct: pd.DataFrame) -> str:
    names = list(drawn.sources)
    names += [n for n in direct["source_name"].dropna().astype(str) if n not in names]
    listed = "; ".join(names) if names else "none"
    return f"Sources: {listed}. Trust policy: {drawn.policy}. Chart: karabakh_tolls."


def _draw_band(ax: Axes, drawn: Band, top: float) -> None:
    days = list(drawn.dates)
    if not days:
        return
    if not drawn.cumulative:  # a stock: known only at its dates
        tops = [top if h is None else h for h in drawn.high]
        bars = ax.vlines(
            _x(days), drawn.low, tops, color=_BAND, linewidth=9, label="range the claims imply"
        )
        bars.set_gid("kt-band")
        for day, low, high in zip(days, drawn.low, drawn.high, strict=True):
            if high is None:
                _arrow(ax, day, low, top, _BAND, "kt-open-arrow")
        return
    # a running total: floor steps up after each date, ceiling before it; open after the last
    end = days[-1] + dt.timedelta(days=max((days[-1] - days[0]).days * 0.08, 6))
    edges = [*days, end]
    xs: list[dt.date] = []
    lows: list[float] = []
    highs: list[float] = []
    opens: list[bool] = []
    for k, start in enumerate(days):
        ceiling = drawn.high[k + 1] if k + 1 < len(days) else None
        xs += [start, edges[k + 1]]
        lows += [drawn.low[k]] * 2
        highs += [top if ceiling is None else ceiling] * 2
        opens += [ceiling is None] * 2
    x = _x(xs)
    filled = ax.fill_between(
        x, lows, highs, color=_BAND, alpha=0.55, linewidth=0, label="range the claims imply"
    )
    filled.set_gid("kt-band")
    is_open = np.array(opens)
    if is_open.any():
        hatched = ax.fill_between(
            x,
            lows,
            highs,
            where=is_open,
            facecolor="none",
            edgecolor="#888888",
            hatch="///",
            linewidth=0,
            label="no upper bound",
        )
        hatched.set_gid("kt-open")
        runs: list[list[int]] = []  # one arrow per stretch that is open above
        for k in range(0, len(xs), 2):
            if opens[k] and runs and runs[-1][-1] == k - 2:
                runs[-1].append(k)
            elif opens[k]:
                runs.append([k])
        for run in runs:  # at the middle of the stretch, from the floor there
            start, stop = xs[run[0]], xs[run[-1] + 1]
            middle = start + (stop - start) / 2
            k = max(k for k in run if xs[k] <= middle)
            _arrow(ax, middle, lows[k], top, "#888888", "kt-open-arrow")
    (edge,) = ax.step(x, lows, where="post", color="#777777", linewidth=0.8)
    edge.set_gid("kt-band-edge")


def _arrow(ax: Axes, day: dt.date, low: float, top: float, colour: str, gid: str) -> None:
    arrow = ax.annotate(
        "",
        xy=(_num(day), top),
        xytext=(_num(day), low),
        xycoords="data",
        arrowprops={
            "arrowstyle": "-|>",
            "color": colour,
            "linewidth": 1.2,
            "shrinkA": 0,
            "shrinkB": 0,
        },
        annotation_clip=False,
    )
    arrow.set_gid(gid)


def _draw_claims(ax: Axes, direct: pd.DataFrame, drawn: Band, top: float) -> None:
    sources = list(dict.fromkeys(direct["source_name"].fillna("").astype(str)))
    colour_of = {s: OKABE_ITO[i % len(OKABE_ITO)] for i, s in enumerate(sources)}
    increments = []
    labelled: set[str] = set()
    for record in direct.to_dict("records"):
        source = str(record["source_name"] or "")
        colour = colour_of[source]
        day = pd.Timestamp(record["as_of"]).date()
        low = int(record["low"])
        high = None if pd.isna(record["high"]) else int(record["high"])
        label = None if source in labelled else _literal(textwrap.fill(source, 30))
        if record["kind"] == "increment":
            increments.append((day, low, high, source, colour))
            continue
        labelled.add(source)
        floor = record["kind"] == "incident" or record["coverage"] == "partial"
        x = _x([day])
        if floor:
            marks = ax.scatter(x, [low], marker="^", s=46, color=colour, zorder=4, label=label)
            marks.set_gid("kt-floors")
            continue
        if high == low:
            marks = ax.scatter(x, [low], marker="o", s=36, color=colour, zorder=4, label=label)
            marks.set_gid("kt-claims")
            continue
        end = top if high is None else high
        bar = ax.vlines(x, [low], [end], color=colour, linewidth=2.2, zorder=3, label=label or "_")
        bar.set_gid("kt-intervals" if high is not None else "kt-open-claim")
        caps = ax.scatter(
            _x([day] * (1 if high is None else 2)),
            [low] if high is None else [low, high],
            marker="_",
            s=90,
            color=colour,
            zorder=4,
        )
        caps.set_gid("kt-claims")
        if high is None:
            _arrow(ax, day, low, top, colour, "kt-open-claim")
    for n, (day, low, high, source, colour) in enumerate(increments):
        amount = (
            cite.format_count(low)
            if high in (low, None)
            else (f"{cite.format_count(low)} to {cite.format_count(high)}")
        )
        plus = f"+{amount}" + (" or more" if high is None else "")
        note = ax.annotate(
            _literal(f"{plus} by {day.day} {day:%b %Y}\n({textwrap.fill(source, 30)})"),
            xy=(_num(day), 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, 10 + 24 * (n % 3)),
            textcoords="offset points",
            fontsize="x-small",
            color=colour,
            ha="left",
            va="bottom",
            bbox={
                "boxstyle": "round,pad=0.2",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.85,
            },
            gid="kt-increments",
        )
        tick = ax.axvline(
            _num(day), ymax=0.05 + 0.07 * (n % 3), color=colour, linestyle=":", linewidth=1.2
        )
        tick.set_gid("kt-increments")
        _plain(note)


def _draw_best(ax: Axes, rows: pd.DataFrame) -> None:
    x = rows["as_of"].to_numpy(dtype="datetime64[D]")
    if {"best_low", "best_high"} <= set(rows.columns):
        shade = ax.fill_between(
            x,
            rows["best_low"].to_numpy(dtype=float),
            rows["best_high"].to_numpy(dtype=float),
            step="post",
            color=OKABE_ITO[0],
            alpha=0.18,
            linewidth=0,
            label="credible interval of the best estimate",
        )
        shade.set_gid("kt-best-band")
    (line,) = ax.step(
        x,
        rows["best"].to_numpy(dtype=float),
        where="post",
        color=_BEST,
        linestyle="--",
        linewidth=1.4,
        label="best estimate",
        zorder=5,
    )
    line.set_gid("kt-best")


def _draw_conflicts(ax: Axes, drawn: Band, direct: pd.DataFrame, top: float) -> None:
    conflicted = [d for d, s in zip(drawn.dates, drawn.status, strict=True) if s == "conflict"]
    if conflicted:
        lines = ax.vlines(
            _x(conflicted),
            0,
            top,
            color=_ALERT,
            linestyle=":",
            linewidth=1.2,
            label="claims that cannot all be true",
        )
        lines.set_gid("kt-conflicts")
    rows = direct.loc[direct["claim_id"].isin(drawn.set_aside)]
    if not rows.empty:
        rings = ax.scatter(
            _x([ts.date() for ts in pd.to_datetime(rows["as_of"])]),
            [int(v) for v in rows["low"]],
            s=150,
            facecolors="none",
            edgecolors=_ALERT,
            linewidths=1.4,
            zorder=5,
            label="set aside",
        )
        rings.set_gid("kt-set-aside")
