"""The public namespace: ``__all__`` is exactly the public names, and the names outside checks
call work as documented."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from pathlib import Path

import pandas as pd
import pytest

import karabakh_tolls as kt

INIT = Path(kt.__file__)


def _names_defined_in_init() -> set[str]:
    """Every public name ``karabakh_tolls/__init__.py`` binds: imports, assignments, functions,
    and the names its module ``__getattr__`` loads lazily."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            for alias in node.names:
                names.add(alias.asname or alias.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.FunctionDef) and node.name == "__getattr__":
            names |= {
                c.value
                for c in ast.walk(node)
                if isinstance(c, ast.Constant)
                and isinstance(c.value, str)
                and c.value.isidentifier()
            }
    modules = {name for name in names if inspect.ismodule(getattr(kt, name, None))}
    return {n for n in names - modules if not n.startswith("_") or n == "__version__"} - {"__all__"}


def test_all_is_exactly_the_public_names_of_the_package() -> None:
    assert len(kt.__all__) == len(set(kt.__all__))
    assert set(kt.__all__) == _names_defined_in_init()


def test_every_name_in_all_resolves_and_nothing_else_does() -> None:
    for name in kt.__all__:
        assert getattr(kt, name) is not None, name
    with pytest.raises(AttributeError):
        kt.no_such_name  # noqa: B018


# --- the names outside checks call, each called as documented ----------------------------------


def test_figure_parse_and_its_error() -> None:
    figure = kt.Figure.parse("more than 6,000")
    assert (figure.low, figure.high, figure.hedge) == (6001, None, kt.Hedge.MORE_THAN)
    with pytest.raises(kt.FigureParseError) as info:
        kt.Figure.parse("300mm")
    assert isinstance(info.value, ValueError) and info.value.text == "300mm"


def test_scope_defaults_omitted_dimensions_to_all() -> None:
    scope = kt.Scope(outcome="killed", category="civilian", party="azerbaijan")
    assert (scope.perpetrator, scope.region) == ("all", "all")


def test_seed_claims_read_claims_and_to_frame(tmp_path: Path) -> None:
    claims = kt.load_seed_claims()
    frame = claims.to_frame()
    assert len(claims) == len(frame) > 0
    path = tmp_path / "claims.csv"
    claims.to_csv(path)
    assert kt.read_claims(path) == claims


def test_reconcile_and_the_resolution_fields() -> None:
    claims = kt.load_seed_claims()
    r = kt.reconcile(claims, kt.Scope("killed", "civilian"), as_of="2020-10-06")
    assert (r.low, r.status, r.spread) == (48, "consistent", None)  # no claim about this scope
    assert r.high is not None and r.high >= r.low
    assert set(r.low_support.claim_ids) == {"c09", "c11", "c12"}  # 19 + 2 + 27
    assert "19" in r.explain() and "27" in r.explain() and r.high_support.claim_ids
    direct = kt.reconcile(claims, "killed/military/party=nagorno-karabakh", dt.date(2020, 10, 6))
    assert (direct.low, direct.high, direct.spread) == (280, 280, kt.exact(280))


def test_reconcile_all_is_a_table() -> None:
    table = kt.reconcile_all(kt.load_seed_claims())
    assert isinstance(table, pd.DataFrame) and len(table) > 0
    assert {"low", "high", "status"} <= set(table.columns)


def test_extract_gives_candidate_claims() -> None:
    text = "According to Beglarian, 19 Karabakh civilians have been killed."
    claims = kt.extract(text, published="2020-10-06", document="003")
    assert isinstance(claims, kt.ClaimSet) and [c.low for c in claims] == [19]
