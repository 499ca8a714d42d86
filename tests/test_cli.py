"""The command line: the demo prints the reconcile_all table of the seeds, explained."""

from __future__ import annotations

from pathlib import Path

import pytest

import karabakh_tolls as kt
from karabakh_tolls.cli import build_parser, main


def test_demo_prints_reference_ranges(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "killed/civilian " in out and "[48, " in out
    assert "killed/military/party=nagorno-karabakh" in out and "[1166, 1166]" in out
    assert "killed/civilian ≥ 48 on 2020-10-06 = 19 (Artak Beglaryan" in out
    assert "killed/civilian ≤ 101 on 2020-10-06 = 146 (Amnesty International, c07)" in out
    assert "set aside" not in out


def test_demo_names_what_it_sets_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], contested_ganja: kt.ClaimSet
) -> None:
    path = tmp_path / "contested.csv"
    (kt.load_seed_claims() + contested_ganja).to_csv(path)
    assert main(["reconcile", str(path)]) == 0
    assert "set aside to restore consistency: c90" in capsys.readouterr().out


def test_reconcile_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "claims.csv"
    kt.load_seed_claims().to_csv(path)
    assert main(["reconcile", str(path)]) == 0
    assert "[6001, open]" in capsys.readouterr().out


def test_all_rows_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reconcile", "--all"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 100


def test_bad_file_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("claim_id,low\nx,-1\n", encoding="utf-8")
    assert main(["reconcile", str(path)]) == 2
    assert "karabakh-tolls:" in capsys.readouterr().err


def test_parser_keeps_subcommands() -> None:
    assert build_parser().parse_args(["reconcile"]).command == "reconcile"
