"""plot_timeline renders to PNG with the Agg backend; the artists drawn are checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import karabakh_tolls as kt

NK_MILITARY = "killed/military/party=nagorno-karabakh"


def _by_gid(ax: plt.Axes, gid: str) -> list[object]:
    artists = [*ax.collections, *ax.lines, *ax.texts]
    return [a for a in artists if a.get_gid() == gid]


@pytest.fixture(autouse=True)
def _close() -> object:
    yield
    plt.close("all")


def test_nk_military_timeline(tmp_path: Path) -> None:
    claims = kt.load_seed_claims()
    ax = kt.plot_timeline(claims, NK_MILITARY, freq="W")
    direct = claims.filter(outcome="killed", category="military", party="nagorno-karabakh")
    markers = sum(len(c.get_offsets()) for c in _by_gid(ax, "kt-claims"))  # type: ignore[attr-defined]
    assert markers == len(direct) == 3
    (band,) = _by_gid(ax, "kt-band")
    verts = band.get_paths()[0].vertices  # type: ignore[attr-defined]
    assert verts[:, 1].min() >= 280 - 1e-9 and verts[:, 1].max() <= 1166 + 1e-9
    assert ax.get_title() == NK_MILITARY
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    assert "Nagorno-Karabakh Defense Ministry" in labels
    path = tmp_path / "nk.png"
    ax.figure.savefig(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_open_claims_are_arrows_and_colours_follow_sources() -> None:
    claims = kt.load_seed_claims()
    ax = kt.plot_timeline(claims, "killed", freq=None)
    direct = claims.filter(
        outcome="killed", category="all", party="all", region="all", perpetrator="all"
    )
    open_claims = [c for c in direct if c.high is None]
    assert len(_by_gid(ax, "kt-open-claim")) == len(open_claims) == 1
    assert len(_by_gid(ax, "kt-intervals")) == 1  # as high as 5,000: [0, 5000]
    collections = _by_gid(ax, "kt-claims")
    colours = {tuple(c.get_facecolor()[0]) for c in collections}  # type: ignore[attr-defined]
    assert len(colours) == len({c.source.id for c in direct})


def test_conflicts_are_marked() -> None:
    claims = kt.load_seed_claims() + kt.from_source_ranges(
        Path(__file__).parent / "data" / "real" / "csa81_nagorno_karabakh_wars.json"
    )
    ax = kt.plot_timeline(
        claims, "killed/military/party=armenian-side", freq=None, war="karabakh-2020"
    )
    assert _by_gid(ax, "kt-conflicts")
    assert _by_gid(ax, "kt-set-aside")


def test_given_axes_are_used_and_bad_scope_refused() -> None:
    _, ax = plt.subplots()
    assert kt.plot_timeline(kt.load_seed_claims(), NK_MILITARY, ax=ax, freq=None) is ax
    with pytest.raises(ValueError, match="no claim"):
        kt.plot_timeline(kt.load_seed_claims(), "captured/civilian", freq=None)


def test_missing_matplotlib_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import karabakh_tolls as kt\n"
        "try:\n    kt.plot_timeline\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "karabakh_tolls[plot]" in out.stdout
