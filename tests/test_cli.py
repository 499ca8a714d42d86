"""The command line: a report a person reads, machine formats, one-line errors, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import karabakh_tolls as kt
from karabakh_tolls import cli
from karabakh_tolls.cli import EXIT_CODES, build_parser, main
from karabakh_tolls.report import report_rows, select

JARGON = ("subscope", "disjoint-sum", "exhaustive", "monotone", "[", "killed/", "party=")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def demo120() -> str:
    code, out, err = _run("--width", "120")
    assert code == 0, err
    return out


def _table_part(text: str) -> list[str]:
    """The heading, the table and the legend: everything before the derivations."""
    return text.split("\n\nHow each derived range")[0].splitlines()


def test_demo_reads_as_a_report(demo120: str) -> None:
    lines = demo120.splitlines()
    assert lines[0].startswith("What the claims imply: 23 claims, 9 sources")
    header = next(line for line in lines if "What is counted" in line)
    for column in ("#", "By", "Range", "Status", "Rules"):
        assert column in header
    assert any(
        "civilians killed" in line and "6 Oct 2020" in line and "48 to 101" in line
        for line in lines
    )
    assert any(
        "soldiers from Nagorno-Karabakh killed" in line and "1,166" in line and "stated" in line
        for line in lines
    )
    assert any("people killed" in line and "6,001 or more" in line for line in lines)
    assert "a part never exceeds its whole" in demo120
    assert "Between 48 and 101 civilians were killed by 6 October 2020" in demo120
    assert "at least 48 = 19 (Artak Beglaryan, Nagorno-Karabakh human rights ombudsman, c09)" in (
        " ".join(demo120.split())
    )
    assert "set aside" not in demo120


def test_demo_table_has_no_jargon(demo120: str) -> None:
    table = "\n".join(_table_part(demo120))
    for word in JARGON:
        assert word not in table, word


def test_demo_table_fits_one_screen_of_120_columns(demo120: str) -> None:
    assert max(len(line) for line in demo120.splitlines()) <= 120
    assert len(_table_part(demo120)) <= 50
    assert all(line == line.rstrip() for line in demo120.splitlines())


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_every_line_fits_the_width(width: int) -> None:
    code, out, _ = _run("--width", str(width))
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= width
    assert "civilians killed" in out  # what is counted stays readable when narrow
    if width < 100:
        heading = " ".join(out.split("#")[0].split())
        assert "no claims contradict each other" in heading


def test_rows_are_the_ones_a_reader_needs() -> None:
    table = kt.reconcile_all(kt.load_seed_claims())
    kept = select(table)
    assert (kept["n_claims"] > 0).sum() == (table["n_claims"] > 0).sum()
    assert len(kept) < len(table) / 4
    civilians = kept[
        (kept.category == "civilian")
        & (kept.party == "all")
        & (kept.region == "all")
        & (kept.outcome == "killed")
    ]
    assert "2020-10-06" in set(civilians["as_of"].astype(str).str[:10])


def test_progress_is_reported_for_each_step() -> None:
    seen: list[tuple[str, int | None]] = []
    steps: list[int] = []

    def progress(description: str, total: int | None):  # type: ignore[no-untyped-def]
        seen.append((description, total))
        return steps.append

    rows = report_rows(kt.load_seed_claims(), progress=progress)
    assert seen[0] == ("Reconciling 23 claims", None)
    assert seen[1] == ("Explaining each range", len(rows))
    assert sum(steps) == 1 + len(rows)


def test_no_progress_and_no_colour_off_a_terminal() -> None:
    code, out, err = _run()
    assert code == 0 and err == ""
    assert "\x1b[" not in out


def test_version() -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["--version"])
    assert exit_.value.code == 0
    out = subprocess.run(
        [sys.executable, "-m", "karabakh_tolls.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == f"karabakh-tolls {kt.__version__}"


def test_csv_json_and_parquet(tmp_path: Path) -> None:
    code, out, _ = _run("--format", "csv")
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    row = table[
        (table.category == "civilian") & (table.as_of == "2020-10-06") & (table.party == "all")
    ].iloc[0]
    assert (row.low, row.high) == (48, 101)
    assert row.sentence.startswith("Between 48 and 101 civilians were killed")
    code, out, _ = _run("--format", "json")
    records = json.loads(out)
    assert len(records) == len(table) and records[0]["as_of"] == "2020-10-05"
    target = tmp_path / "rows.parquet"
    code, _, err = _run("-o", str(target))  # the format follows the suffix
    assert code == 0 and "written to" in err
    assert pd.read_parquet(target)["low"].tolist() == table["low"].tolist()


def test_table_to_a_file_is_plain_text(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    assert _run("-o", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("What the claims imply") and "\x1b[" not in text


def test_reconcile_a_file_with_a_policy(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    kt.load_seed_claims().to_csv(path)
    code, out, _ = _run("reconcile", str(path), "--policy", "independent", "--width", "120")
    assert code == 0
    assert "independent sources only" in " ".join(out.split("#")[0].split())
    assert "Azerbaijani authorities in Baku" not in out


def test_conflicts_show_what_was_set_aside(tmp_path: Path, contested_ganja: kt.ClaimSet) -> None:
    path = tmp_path / "contested.csv"
    (kt.load_seed_claims() + contested_ganja).to_csv(path)
    code, out, _ = _run("reconcile", str(path), "--width", "120")
    assert code == 0  # a conflict is a result
    assert "conflict" in out
    flat = " ".join(out.split())
    assert "set aside c90: it cannot be true together with c06" in flat


def test_all_rows_flag() -> None:
    code, out, _ = _run("reconcile", "--all", "--format", "csv")
    assert code == 0
    assert len(pd.read_csv(io.StringIO(out))) == len(kt.reconcile_all(kt.load_seed_claims()))


def test_missing_file_is_one_line_exit_3() -> None:
    code, out, err = _run("reconcile", "no/such/file.csv")
    assert code == 3 and out == ""
    assert err.splitlines() == [
        "karabakh-tolls: error: cannot read 'no/such/file.csv': No such file or directory"
    ]


def test_bad_table_is_one_line_and_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("claim_id,low\nx,-1\n", encoding="utf-8")
    code, _, err = _run("reconcile", str(path))
    assert code == 3
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "missing-column" in err and "--debug" in err
    code, _, err = _run("reconcile", str(path), "--debug")
    assert code == 3 and "Traceback (most recent call last)" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-option"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err
    assert main(["reconcile", "--format", "xlsx"]) == 2


def test_unexpected_errors_are_one_line_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(cli, "report_rows", broken)
    code, _, err = _run()
    assert code == 1
    assert err.splitlines() == [
        "karabakh-tolls: internal error: ZeroDivisionError: boom (a bug; --debug shows the "
        "traceback)"
    ]


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_is_quiet() -> None:
    err = io.StringIO()
    assert main([], stdout=_ClosedPipe(), stderr=err) == 141
    assert err.getvalue() == ""


def test_a_closed_pipe_in_a_real_process_prints_nothing() -> None:
    """``karabakh-tolls | head -0``: the reader is gone before the first write."""
    with subprocess.Popen(
        [sys.executable, "-m", "karabakh_tolls.cli"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        err = process.stderr.read().decode()
        assert process.wait() == 141
    assert "BrokenPipeError" not in err and "Traceback" not in err


def test_missing_extra_names_it_and_machine_formats_still_work() -> None:
    code = (
        "import sys; sys.modules['rich'] = None\n"
        "from karabakh_tolls.cli import main\n"
        "print('table', main([]))\n"
        "print('csv', main(['--format', 'csv']) )\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "table 4" in done.stdout and "csv 0" in done.stdout
    assert "pip install 'karabakh_tolls[cli]'" in done.stderr


def test_exit_codes_are_documented() -> None:
    assert set(EXIT_CODES) == {0, 1, 2, 3, 4, 130, 141}
    help_text = build_parser().format_help()
    for code in EXIT_CODES:
        assert f"  {code:>3}  " in help_text
    assert cli.__doc__ is not None and all(f"\n{code}\n" in cli.__doc__ for code in EXIT_CODES)


def test_colour_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["--width", "120", "-q"], stdout=out, stderr=io.StringIO()) == 0
    assert "\x1b[" in out.getvalue()
    plain = Terminal()
    assert main(["--plain", "--width", "120", "-q"], stdout=plain, stderr=io.StringIO()) == 0
    assert "\x1b[" not in plain.getvalue()


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("karabakh-tolls")
    if not script.exists():  # pragma: no cover - only outside a virtual environment
        pytest.skip("console script not installed next to this interpreter")
    done = subprocess.run(
        [str(script), "--format", "csv"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=True,
    )
    assert done.stdout.startswith("war,outcome,category,party")


# --- extract: many articles ----------------------------------------------------------------------


def _articles(folder: Path) -> list[Path]:
    texts = {
        "001_a.txt": "Amnesty said 146 civilians died and 12 soldiers were wounded.",
        "002_b.txt": "Authorities in Baku said on Tuesday that 27 Azerbaijani civilians have died.",
        "003_c.txt": "No figure here.",
    }
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_extract_many_articles_into_one_csv(tmp_path: Path) -> None:
    paths = _articles(tmp_path)
    target = tmp_path / "out.csv"
    code, _, err = _run("extract", *map(str, paths), "--published", "2020-10-06", "-o", str(target))
    assert code == 0, err
    frame = kt.read_claims(target).to_frame()
    assert list(frame["document"]) == ["001", "001", "002"]
    assert "3 claim(s) written" in err


def test_extract_reports_progress_per_article(tmp_path: Path) -> None:
    seen: list[tuple[str, int | None]] = []
    steps: list[int] = []

    def progress(description: str, total: int | None):  # type: ignore[no-untyped-def]
        seen.append((description, total))
        return steps.append

    claims = cli.extract_articles(_articles(tmp_path), published="2020-10-06", progress=progress)
    assert seen == [("Extracting 3 article(s)", 3)] and steps == [1, 1, 1]
    assert len(claims) == 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--document", "x"], "--document names one article"),
        (["--review", "-o", "r.csv"], "the option --review reads one article at a time"),
    ],
)
def test_extract_many_articles_refuses_single_article_options(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    paths = _articles(tmp_path)
    code, _, err = _run("extract", *map(str, paths[:2]), "--published", "2020-10-06", *extra)
    assert code == 2 and message in err


def test_extract_refuses_two_articles_of_one_document_id(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    one, two = tmp_path / "x" / "005_a.txt", tmp_path / "y" / "005_b.txt"
    one.write_text("5 died.", "utf-8")
    two.write_text("6 died.", "utf-8")
    code, _, err = _run("extract", str(one), str(two), "--published", "2020-10-06")
    assert code == 2 and "document id '005'" in err


def test_extract_names_the_file_it_cannot_read(tmp_path: Path) -> None:
    paths = _articles(tmp_path)
    code, _, err = _run(
        "extract", str(paths[0]), str(tmp_path / "missing.txt"), "--published", "2020-10-06"
    )
    assert code == 3 and "missing.txt" in err


_OTHER_WAR = """\
id = "harbour-war-2031"
name = "Harbour war"
start = 2031-03-01
"""


def test_extract_and_reconcile_another_war_named_by_its_file(tmp_path: Path) -> None:
    war = tmp_path / "harbour.toml"
    war.write_text(_OTHER_WAR, "utf-8")
    article = tmp_path / "h1.txt"
    article.write_text(
        "The health office said on Monday that 1,204 people had been killed.", "utf-8"
    )
    claims = tmp_path / "claims.csv"
    code, _, err = _run(
        "extract", str(article), "--published", "2031-05-07", "--war", str(war), "-o", str(claims)
    )
    assert code == 0, err
    assert "outside the war" not in err
    frame = kt.read_claims(claims, wars=[kt.War.from_toml(war)]).to_frame()
    assert list(frame["war"]) == ["harbour-war-2031"] and list(frame["low"]) == [1204]
    assert frame["as_of"].iloc[0].date().isoformat() == "2031-05-05"  # Monday before 7 May
    code, out, err = _run("reconcile", str(claims), "--war", str(war), "--width", "100")
    assert code == 0, err
    assert "Harbour war" in out and "1,204" in out and "1 claim, 1 source " in out
    # without the war's file the claims name a war the command does not know: a loud error
    code, _, err = _run("reconcile", str(claims))
    assert code == 3 and "harbour-war-2031" in err


def test_extract_says_when_figures_fall_outside_the_default_war(tmp_path: Path) -> None:
    article = tmp_path / "g1.txt"
    article.write_text("The ministry said 23,210 people had been killed since October 7.", "utf-8")
    code, out, err = _run("extract", str(article), "--published", "2024-01-09")
    assert code == 0
    assert len(out.strip().splitlines()) == 1  # the header alone: no claim
    assert "1 figure(s) refused as outside the war's dates (the default, karabakh-2020)" in err
    assert "'23,210' (g1)" in err and "--war" in err
    code, _, err = _run("extract", str(article), "--published", "2024-01-09", "-q")
    assert err == ""


def test_extract_names_a_war_it_does_not_know(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("5 died.", "utf-8")
    code, _, err = _run("extract", str(article), "--published", "2020-10-06", "--war", "nope")
    assert code == 3 and "no bundled war 'nope'" in err
    code, _, err = _run(
        "extract", str(article), "--published", "2020-10-06", "--war", str(tmp_path / "x.toml")
    )
    assert code == 3 and "x.toml" in err
