"""The error tree: every exception a public function raises is the library's own.

Each test here either builds an error (fields, messages, pickling) or walks the public API: every
callable of ``karabakh_tolls.__all__`` is called with valid arguments in which one argument at a
time is replaced by a bad value, and whatever it raises must be a ``KarabakhTollsError`` that is
also the built-in a caller would catch.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import pickle
from collections.abc import Callable
from enum import Enum
from fractions import Fraction
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import karabakh_tolls as kt
from karabakh_tolls import errors
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimFileError,
    ClaimFileNotFoundError,
    ClaimValidationError,
    ConflictError,
    KarabakhTollsError,
    MissingExtraError,
    NotFoundError,
    OptionError,
    Problem,
    Reason,
    ReconciliationError,
    SolverError,
)
from karabakh_tolls.io import seed_path

matplotlib.use("Agg")

# --- the error values themselves -----------------------------------------------------------


def _examples() -> list[KarabakhTollsError]:
    problem = Problem(2, "low", Reason.NEGATIVE, "-1", "low=-1 is negative", line=4)
    return [
        errors.FigureParseError("1e400", Reason.TOO_LARGE, "above 2**63 - 1"),
        errors.ClaimError("as_of is not a date", field="as_of", value="x", claim_id="c1"),
        errors.ScopeError("cycle", dimension="region", term="ganja"),
        errors.UnknownTermError("outcome", "kiled", ["killed"], "killed"),
        NotFoundError("seed document", "999", ["000"]),
        ArgumentTypeError.of("text", "a str", 42),
        OptionError("errors", "ignore", ("raise", "report")),
        MissingExtraError("excel", "openpyxl", "Excel files"),
        ClaimValidationError([problem], 3, "claims.csv"),
        ClaimFileError("claims.csv", Reason.BAD_ENCODING, "byte 0xff", line=3, row=1),
        ClaimFileNotFoundError("gone.csv", Reason.NOT_FOUND, "no such file", errno=2),
        ConflictError("conflict", scope="killed", as_of="2020-10-17", conflicts=[("a", "b")]),
        SolverError("the LP failed", stage="bounds", status="Model error"),
        errors.WorkerMemoryError(("big-war",), (900_000,), (5_400_000_000,), 1_600_000_000),
    ]


@pytest.mark.parametrize("error", _examples(), ids=lambda e: type(e).__name__)
def test_every_error_pickles_with_its_fields(error: KarabakhTollsError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert vars(again) == vars(error)
    if isinstance(error, OSError):
        assert (again.errno, again.filename) == (error.errno, error.filename)


@pytest.mark.parametrize("error", _examples(), ids=lambda e: type(e).__name__)
def test_every_error_is_also_a_builtin(error: KarabakhTollsError) -> None:
    builtins = (ValueError, TypeError, KeyError, ImportError, OSError, RuntimeError)
    assert isinstance(error, builtins)


def test_reconciliation_errors_split_but_share_their_base() -> None:
    assert issubclass(ConflictError, ReconciliationError)
    assert issubclass(SolverError, ReconciliationError)
    assert issubclass(SolverError, RuntimeError)
    assert not issubclass(ConflictError, SolverError)
    assert issubclass(ReconciliationError, ValueError)


def test_messages_name_what_and_where() -> None:
    file_error = ClaimFileError("c.csv", Reason.BAD_FORMAT, "not CSV", line=7, column="low")
    assert (
        str(file_error)
        == "cannot read claims from 'c.csv' (line 7, column 'low'): not CSV (bad-format)"
    )
    problem = Problem(2, "low", Reason.NEGATIVE, "-1", "low=-1 is negative", line=4)
    assert str(problem).startswith("row 2 (line 4), column 'low'")
    validation = ClaimValidationError([problem], 3, "c.csv")
    assert str(validation).startswith("c.csv: 1 problem(s) in 1 of 3 row(s)")
    assert list(validation.failure_table()["line"]) == [4]
    assert "pip install 'karabakh_tolls[excel]'" in str(MissingExtraError("excel", "openpyxl", "x"))
    assert "did you mean 'killed'" in str(errors.UnknownTermError("outcome", "kiled", [], "killed"))
    assert str(NotFoundError("claim", "c99")) == "no claim 'c99'"


def test_a_long_text_is_abridged_in_the_message_but_kept_whole() -> None:
    text = "1" * 100_000
    error = errors.FigureParseError(text, Reason.TOO_LARGE)
    assert error.text == text
    assert len(str(error)) < 400


# --- walking the public API ----------------------------------------------------------------

BAD_VALUES: dict[str, object] = {
    "None": None,
    "True": True,
    "-1": -1,
    "2**64": 2**64,
    "1.5": 1.5,
    "nan": math.nan,
    "empty-str": "",
    "nonsense-str": "no-such-thing",
    "bytes": b"\xff\xfe",
    "list": [1, "a"],
    "dict": {"a": object()},
    "object": object(),
    "frame": pd.DataFrame({"x": [1]}),
}


def _ged() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [1],
            "date_start": ["2020-10-17"],
            "date_end": ["2020-10-17"],
            "country": ["Azerbaijan"],
            "side_a": ["Government of Armenia"],
            "side_b": ["Government of Azerbaijan"],
            "low": [10],
            "best": [12],
            "high": [15],
            "conflict_new_id": [388],
        }
    )


def _acled() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id_cnty": ["AZE1"],
            "event_date": ["17 October 2020"],
            "country": ["Azerbaijan"],
            "fatalities": [13],
        }
    )


def _peer_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "object": ["a", "a", "b", "b"],
            "source": ["s1", "s2", "s1", "s2"],
            "low": [10, 12, 100, 90],
            "high": [10, 15, 100, None],
        }
    )


_RANGES = {
    "war_id": "w",
    "sides": [{"name": "Armenian side", "military_killed": {"notes": "3,712 in 2020."}}],
}


def _resolution() -> kt.Resolution:
    return kt.reconcile(kt.load_seed_claims(), kt.Scope("killed", "civilian"), "2020-10-06")


def _fields(value: object) -> dict[str, object]:
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.init}  # type: ignore[arg-type]


def good_arguments(tmp: Path) -> dict[str, Callable[[], dict[str, object]]]:
    """For each public callable, a call that works (argument name -> value)."""
    seeds = kt.load_seed_claims()
    scope = kt.Scope("killed", "civilian")
    category = kt.default_trees()["category"]
    return {
        "Claim": lambda: {
            "id": "c1",
            "figure": kt.exact(1),
            "scope": scope,
            "as_of": "2020-10-06",
            "source": kt.Source("x"),
            "document": "d",
        },
        "ClaimKind": lambda: {"value": "cumulative"},
        "ClaimSet": lambda: {"claims": list(seeds)[:3]},
        "Conflict": lambda: {
            "reason": "infeasible",
            "claim_ids": ("a",),
            "set_aside": ("a",),
            "message": "m",
        },
        "Coverage": lambda: {"value": "partial"},
        "Figure": lambda: {"low": 1, "high": 2, "hedge": "range", "text": "1-2"},
        "Hedge": lambda: {"value": "exact"},
        "Resolution": lambda: _fields(_resolution()),
        "Role": lambda: {"value": next(iter(kt.Role)).value},
        "Rule": lambda: {"value": next(iter(kt.Rule)).value},
        "Scope": lambda: {"outcome": "killed", "category": "civilian", "region": "ganja"},
        "ScopeTree": lambda: _fields(category),
        "ScopeTrees": lambda: _fields(kt.default_trees()),
        "Share": lambda: {"low": Fraction(1, 3), "high": Fraction(1, 2)},
        "Source": lambda: {"id": "amnesty", "name": "Amnesty", "kind": "ngo"},
        "SourceKind": lambda: {"value": "ngo"},
        "Support": lambda: {"bound": 5, "claim_ids": ("c1",)},
        "TrustPolicy": lambda: {"name": "p", "sources": {"amnesty-international": 2.0}},
        "War": lambda: {"id": "hypo-2015", "name": "A hypothetical war", "start": "2015-01-01"},
        "bundled_wars": dict,
        "load_war": lambda: {"war_id": "karabakh-2020"},
        "at_least": lambda: {"n": 5},
        "at_most": lambda: {"n": 5},
        "between": lambda: {"a": 1, "b": 5},
        "default_trees": dict,
        "diff_releases": lambda: {"old": seeds[:3], "new": seeds[1:4]},
        "discover": lambda: {"table": _peer_table()},
        "Discovery": lambda: _fields(kt.discover(_peer_table())),
        "estimate": lambda: {"claims": seeds, "scope": scope, "as_of": "2020-10-06"},
        "Estimate": lambda: _fields(kt.estimate(seeds, scope, "2020-10-06")),
        "exact": lambda: {"n": 5},
        "extract": lambda: {
            "text": "Five civilians were killed in Ganja.",
            "published": "2020-10-06",
            "document": "d",
        },
        "fewer_than": lambda: {"n": 5},
        "from_acled": lambda: {"table": _acled()},
        "from_source_ranges": lambda: {"data": _RANGES},
        "from_ucdp_ged": lambda: {"table": _ged()},
        "learned_trust": lambda: {"claims": seeds},
        "load_seed_claims": dict,
        "more_than": lambda: {"n": 5},
        "plot_timeline": lambda: {
            "claims": seeds,
            "scope": "killed/military/party=nagorno-karabakh",
        },
        "range_history": lambda: {
            "claims": seeds,
            "scope": "killed/military/party=nagorno-karabakh",
            "as_of": "2020-10-29",
        },
        "read_claims": lambda: {"path": seed_path("claims.csv"), "engine": "pandas"},
        "reconcile": lambda: {"claims": seeds, "scope": scope, "as_of": "2020-10-06"},
        "reconcile_all": lambda: {"claims": seeds[:6], "engine": "pandas"},
        "reliability": lambda: {"claims": seeds},
        "seed_article": lambda: {"document": "003"},
        "sensitivity": lambda: {"claims": seeds, "scope": scope, "as_of": "2020-10-06"},
        "supersede": lambda: {"old": seeds[:3], "new": seeds[1:4]},
        "to_prov_json": lambda: {"claims": seeds[:3]},
        "write_prov": lambda: {"path": tmp / "prov.json", "claims": seeds[:3]},
    }


def public_callables() -> dict[str, Callable[..., object]]:
    out = {}
    for name in kt.__all__:
        value = getattr(kt, name)
        if not callable(value) or name.startswith("_"):
            continue
        if isinstance(value, type) and issubclass(value, BaseException):
            continue
        out[name] = value
    return out


# Public callables that still raise foreign errors for some bad arguments, because they live in
# modules that other engineers own. Each entry names the module and one reproducer; the test of
# the name is a strict xfail, so it starts failing (and the entry must go) once it is fixed.
STILL_FOREIGN: dict[str, str] = {}


def _foreign_errors(name: str, tmp: Path) -> list[str]:
    """Every call of ``name`` with one bad argument that raises an error not of the library."""
    function = public_callables()[name]
    good = good_arguments(tmp)[name]()
    found = []
    for argument in good:
        for label, bad in BAD_VALUES.items():
            if label == "frame" and isinstance(function, type) and issubclass(function, Enum):
                continue  # Python's enum lookup itself compares a DataFrame: out of our hands
            try:
                function(**dict(good, **{argument: bad}))
            except KarabakhTollsError:
                continue
            except Exception as error:
                found.append(f"{name}({argument}={label}): {type(error).__name__}: {error}"[:160])
            finally:
                plt.close("all")
    return found


def test_every_public_callable_has_a_valid_call(tmp_path: Path) -> None:
    goods = good_arguments(tmp_path)
    assert set(goods) == set(public_callables()), "add a valid call for each new public name"
    for name, function in public_callables().items():
        arguments = goods[name]()
        parameters = inspect.signature(function).parameters
        assert set(arguments) <= set(parameters), name
        function(**arguments)
        plt.close("all")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason=STILL_FOREIGN[name])]
            if name in STILL_FOREIGN
            else [],
        )
        for name in sorted(public_callables())
    ],
)
def test_every_bad_argument_raises_the_librarys_own_error(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a bad path that is a valid name (write_prov) lands here
    foreign = _foreign_errors(name, tmp_path)
    assert not foreign, "\n".join(foreign)
