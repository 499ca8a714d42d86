"""Charts: what each artist says, literal text, the real UCDP cut, and reference images.

The reference images in ``docs/gallery/`` (shown by the docs' gallery page) were rendered by
this module and looked at by a person before they were committed;
``test_seed_charts_match_their_reference_images`` redraws
them and compares with a tolerance. To renew one after an intended change, run
``python tests/test_plotting.py`` (it rewrites them) and look at each before committing.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import itertools

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.testing.compare import compare_images

import karabakh_tolls as kt
from karabakh_tolls.plotting import OKABE_ITO, band

DATA = Path(__file__).parent / "data"
IMAGES = Path(__file__).parents[1] / "docs" / "gallery"  # shown by the docs gallery too
NK_MILITARY = "killed/military/party=nagorno-karabakh"
REFERENCE_CHARTS = {
    "civilians_killed": "killed/civilian",
    "people_killed": "killed",
    "nk_soldiers_killed": NK_MILITARY,
}
SEEDS = kt.load_seed_claims()


def _by_gid(ax: plt.Axes, gid: str) -> list[object]:
    artists = [*ax.collections, *ax.lines, *ax.texts, *ax.patches]
    return [a for a in artists if a.get_gid() == gid]


@pytest.fixture(autouse=True)
def _close() -> object:
    yield
    plt.close("all")


def _render(scope: str, path: Path) -> None:
    with plt.style.context("default"):
        ax = kt.plot_timeline(SEEDS, scope)
        ax.figure.savefig(path, dpi=80)


@pytest.mark.parametrize("name", sorted(REFERENCE_CHARTS))
def test_seed_charts_match_their_reference_images(name: str, tmp_path: Path) -> None:
    actual = tmp_path / f"{name}.png"
    _render(REFERENCE_CHARTS[name], actual)
    assert compare_images(str(IMAGES / f"{name}.png"), str(actual), tol=3) is None


def test_band_is_steps_between_evidence_dates() -> None:
    """Between two dates a running total is at least the earlier floor, at most the later
    ceiling: the band's vertices only move vertically at evidence dates."""
    ax = kt.plot_timeline(SEEDS, NK_MILITARY)
    (filled,) = _by_gid(ax, "kt-band")
    vertices = filled.get_paths()[0].vertices  # type: ignore[attr-defined]
    days = {mdates.date2num(d) for d in band(SEEDS, NK_MILITARY).dates}
    for (x0, y0), (x1, y1) in itertools.pairwise(vertices):
        assert x0 == x1 or y0 == y1, "a slanted edge"
        if x0 == x1 and y0 != y1:
            assert x0 in days or x0 == vertices[:, 0].max()
    floor = {round(y) for x, y in vertices if mdates.num2date(x).date() == dt.date(2020, 10, 17)}
    assert 280 in floor  # 6 Oct (280) to 29 Oct (1,166): the floor is 280


def test_open_bounds_are_arrows_to_the_frame_never_midpoints() -> None:
    ax = kt.plot_timeline(SEEDS, "killed")
    top = ax.get_ylim()[1]
    direct = SEEDS.filter(
        outcome="killed", category="all", party="all", region="all", perpetrator="all"
    )
    # "as high as 5,000" is a bar from 0 to 5,000, not a point at 2,500
    (bar,) = _by_gid(ax, "kt-intervals")
    (segment,) = bar.get_segments()  # type: ignore[attr-defined]
    assert sorted(segment[:, 1]) == [0, 5000]
    points = [p for c in _by_gid(ax, "kt-claims") for p in c.get_offsets()]  # type: ignore[attr-defined]
    assert all(round(y) != 2500 for _, y in points)
    # "more than 6,000" runs from 6,001 to the frame, with an arrow
    open_claims = [c for c in direct if c.high is None]
    arrows = [a for a in _by_gid(ax, "kt-open-claim") if hasattr(a, "xy")]
    assert len(arrows) == len(open_claims) == 1
    assert arrows[0].xy[1] == pytest.approx(top)  # type: ignore[attr-defined]
    assert _by_gid(ax, "kt-open") and _by_gid(ax, "kt-open-arrow")


def test_increments_are_notes_not_points_on_the_toll_axis() -> None:
    ax = kt.plot_timeline(SEEDS, NK_MILITARY)
    notes = [t for t in _by_gid(ax, "kt-increments") if hasattr(t, "get_text")]
    assert [n.get_text() for n in notes] == [  # type: ignore[attr-defined]
        "+40 by 6 Oct 2020\n(Nagorno-Karabakh Defense\nMinistry)"
    ]
    points = [p for c in _by_gid(ax, "kt-claims") for p in c.get_offsets()]  # type: ignore[attr-defined]
    assert sorted(round(y) for _, y in points) == [280, 1166]  # no point at 40


def test_title_subtitle_labels_and_source_line() -> None:
    ax = kt.plot_timeline(SEEDS, "killed/civilian", policy=kt.INDEPENDENT_ONLY)
    assert ax.get_title(loc="left") == "Civilians killed, all parties"
    (subtitle,) = _by_gid(ax, "kt-subtitle")
    assert subtitle.get_text() == (  # type: ignore[attr-defined]
        "2020 Nagorno-Karabakh war, 27 September 2020 to 14 January 2021"
    )
    assert ax.get_ylabel() == "civilians killed" and ax.get_xlabel()
    (source,) = _by_gid(ax, "kt-source-line")
    text = " ".join(source.get_text().split())  # type: ignore[attr-defined]
    assert "Amnesty International" in text
    assert "Trust policy: independent sources only." in text
    assert "Azerbaijani authorities" not in text
    legend = ax.get_legend()
    assert legend.get_bbox_to_anchor().x0 >= ax.get_window_extent().x1  # outside the data
    formatter = ax.xaxis.get_major_formatter()
    assert isinstance(formatter, mdates.ConciseDateFormatter)


def test_sources_get_the_colour_blind_safe_palette() -> None:
    ax = kt.plot_timeline(SEEDS, "killed")
    colours = {
        tuple(np.round(c.get_facecolor()[0][:3], 3))  # type: ignore[attr-defined]
        for c in _by_gid(ax, "kt-claims")
    }
    palette = {tuple(np.round(matplotlib.colors.to_rgb(c), 3)) for c in OKABE_ITO}
    assert colours and colours <= palette
    assert len(colours) == 2  # Amnesty International and the Russian government


def test_best_estimate_line_when_given() -> None:
    best = pd.DataFrame(
        {
            "as_of": pd.to_datetime(["2020-10-06", "2020-10-29"]),
            "best": [280, 1166],
            "best_low": [270, 1100],
            "best_high": [300, 1200],
        }
    )
    ax = kt.plot_timeline(SEEDS, NK_MILITARY, best=best)
    (line,) = _by_gid(ax, "kt-best")
    assert list(line.get_ydata()) == [280, 1166]  # type: ignore[attr-defined]
    assert _by_gid(ax, "kt-best-band")
    series = pd.Series([300.0], index=pd.to_datetime(["2020-10-06"]))
    ax = kt.plot_timeline(SEEDS, NK_MILITARY, best=series)
    assert _by_gid(ax, "kt-best") and not _by_gid(ax, "kt-best-band")
    assert not _by_gid(kt.plot_timeline(SEEDS, NK_MILITARY), "kt-best")
    with pytest.raises(ValueError, match="as_of"):
        kt.plot_timeline(SEEDS, NK_MILITARY, best=pd.DataFrame({"value": [1]}))


@pytest.mark.parametrize("name", [r"$\foo$", "$5 and $10", r"50% \n $x^2$ {braces}"])
def test_source_names_are_drawn_literally(name: str, tmp_path: Path) -> None:
    source = kt.Source("odd", name, "media")
    claims = kt.ClaimSet([c.evolve(source=source) for c in SEEDS])
    ax = kt.plot_timeline(claims, "killed/civilian")
    ax.figure.savefig(tmp_path / "odd.png")  # drawing must not raise (no mathtext)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(name.replace("$", r"\$") in t or name in t for t in texts)
    for text in (*ax.get_legend().get_texts(), *_by_gid(ax, "kt-source-line")):
        assert not text.get_parse_math() or "$" not in text.get_text().replace(r"\$", "")  # type: ignore[attr-defined]


def test_conflicts_are_marked() -> None:
    claims = SEEDS + kt.from_source_ranges(DATA / "real" / "csa81_nagorno_karabakh_wars.json")
    ax = kt.plot_timeline(claims, "killed/military/party=armenian-side", war="karabakh-2020")
    assert _by_gid(ax, "kt-conflicts")
    assert _by_gid(ax, "kt-set-aside")


def test_a_count_that_can_fall_is_bars_at_its_dates() -> None:
    ax = kt.plot_timeline(SEEDS, "displaced/party=nagorno-karabakh/region=nagorno-karabakh")
    (bars,) = _by_gid(ax, "kt-band")
    (segment,) = bars.get_segments()  # type: ignore[attr-defined]
    assert sorted(segment[:, 1]) == [70000, 75000]


def test_real_ucdp_cut_is_sampled_at_evidence_dates() -> None:
    claims = kt.from_ucdp_ged(
        DATA / "real" / "ucdp_ged191_myanmar_bangladesh_cut.csv", errors="report"
    )
    karen = claims.war("ucdp-221")  # Myanmar (Burma): Karen
    drawn = band(claims, "killed", war=karen)
    frame = claims.for_war(karen).frame
    assert len(drawn.dates) <= frame["as_of"].nunique() + frame["since"].nunique()
    assert drawn.war == "Myanmar (Burma): Karen"
    ax = kt.plot_timeline(claims, "killed/region=kayin-state", war=karen)
    assert _by_gid(ax, "kt-floors")  # UCDP events are incidents: floors of the total
    assert "UCDP" in _by_gid(ax, "kt-source-line")[0].get_text()  # type: ignore[attr-defined]
    assert ax.get_title(loc="left") == "People killed, all parties, in Kayin-State"


def test_given_axes_are_used_and_bad_scope_refused() -> None:
    _, ax = plt.subplots()
    assert kt.plot_timeline(SEEDS, NK_MILITARY, ax=ax) is ax
    with pytest.raises(ValueError, match="no claim"):
        kt.plot_timeline(SEEDS, "captured/civilian")


@given(st.sampled_from(sorted({str(c.scope) for c in SEEDS if c.kind.value != "increment"})))
def test_every_seed_scope_draws_inside_its_frame(scope: str) -> None:
    ax = kt.plot_timeline(SEEDS, scope)
    top = ax.get_ylim()[1]
    for collection in _by_gid(ax, "kt-band"):
        for path in collection.get_paths():  # type: ignore[attr-defined]
            assert path.vertices[:, 1].min() >= 0 and path.vertices[:, 1].max() <= top + 1e-9
    plt.close("all")


def test_missing_matplotlib_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import karabakh_tolls as kt\n"
        "try:\n    kt.plot_timeline\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "karabakh_tolls[plot]" in out.stdout


if __name__ == "__main__":  # renew the reference images (then look at each one)
    IMAGES.mkdir(parents=True, exist_ok=True)
    for image, chart in REFERENCE_CHARTS.items():
        _render(chart, IMAGES / f"{image}.png")
        print(IMAGES / f"{image}.png")
