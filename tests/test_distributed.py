"""The Dask engine: lazy claim sets of many files and reconcile_all(..., engine="dask").

The cluster tests start one ``distributed.LocalCluster`` of two worker processes for the
module; the property runs on dask's synchronous scheduler, in this process.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import dask
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster
from hypothesis import given, settings
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls import distributed as kd
from karabakh_tolls.engine.solve import PAIR_BYTES
from karabakh_tolls.errors import (
    ClaimValidationError,
    MissingExtraError,
    OptionError,
    Reason,
    WorkerMemoryError,
)
from karabakh_tolls.reconcile import COLUMNS
from karabakh_tolls.synthetic import WarsTruth, generate_wars, read_wars, write_wars

pytestmark = pytest.mark.dask

KEYS = ["war", "outcome", "category", "party", "perpetrator", "region", "as_of"]
EXAMPLES = settings.default.max_examples
WORKER_MEMORY = 1_500_000_000


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values(KEYS, kind="stable").reset_index(drop=True)


def _whole(folder: Path) -> kt.ClaimSet:
    """Every file of a folder as one claim set in memory, the files in name order."""
    files = sorted(folder.glob("*.parquet"))
    frame = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    return kt.ClaimSet.from_frame(frame, wars=read_wars(folder))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    with warnings.catch_warnings():
        # distributed's advice about a slow disk (it times the making of its scratch folders,
        # which a loaded machine can slow past its 1 s threshold): not a defect of this library
        warnings.filterwarnings(
            "ignore", message="Creating scratch directories is taking a surprisingly long time"
        )
        cluster = LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            memory_limit=WORKER_MEMORY,
            dashboard_address=":0",  # a free port: another cluster may hold 8787
            local_directory=str(tmp_path_factory.mktemp("dask-scratch")),
        )
    with cluster, Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, WarsTruth]:
    """Synthetic claims of several wars with planted conflicts, in four Parquet files."""
    path = tmp_path_factory.mktemp("wars")
    truth = write_wars(path, 800, seed=3, n_wars=6, conflicts=3, rows_per_file=200)
    return path, truth


# --- on the cluster ------------------------------------------------------------------------------


def test_the_cluster_table_equals_the_in_process_table_row_for_row(
    client: Client, folder: tuple[Path, WarsTruth]
) -> None:
    path, truth = folder
    expected = kt.reconcile_all(_whole(path))
    lazy = kt.read_claims(str(path / "*.parquet"), engine="dask")
    assert len(lazy.files) > 1
    result = kt.reconcile_all(lazy, engine="dask")
    assert list(result.columns) == list(COLUMNS)
    got = result.compute()
    pd.testing.assert_frame_equal(_sorted(got), _sorted(expected))
    aside = {c for cell in got["set_aside"] for c in cell.split(";") if c}
    assert aside == set(truth.planted)  # the planted conflicts are found, and only they


def test_the_task_graph_holds_the_wars_once_however_many_files_and_wars(
    folder: tuple[Path, WarsTruth],
) -> None:
    # A plain argument is copied into every task: with 500 wars, each waiting shuffle output
    # held its own unpickled registry (about 7 MB) and a 2 GB worker paused for good. The wars
    # must be one key of the graph that the tasks refer to.
    path, truth = folder
    lazy = kt.read_claims(str(path / "*.parquet"), engine="dask")
    with dask.config.set(scheduler="synchronous"):
        result = kt.reconcile_all(lazy, engine="dask")
    graph = dict(result.__dask_graph__())
    holding = [key for key, task in graph.items() if b"ScopeTree" in pickle.dumps(task)]
    n_files_and_wars = len(truth.wars) + len(lazy.files)
    assert len(graph) > n_files_and_wars  # tasks per file and per war, each of which needs them
    assert 1 <= len(holding) <= 2  # the registry, and the wars the files are read with


def test_a_claim_set_in_memory_reconciles_on_the_cluster_and_writes_parquet(
    client: Client, folder: tuple[Path, WarsTruth], tmp_path: Path
) -> None:
    claims = _whole(folder[0])
    few = claims._subset(claims.frame.loc[claims.frame["war"].isin(["syn-0001", "syn-0004"])])
    expected = kt.reconcile_all(few, supports=False)
    kt.reconcile_all(few, engine="dask", supports=False).to_parquet(tmp_path / "out")
    back = pd.read_parquet(tmp_path / "out")
    pd.testing.assert_frame_equal(_sorted(back), _sorted(expected), check_dtype=False)
    assert set(back["war"]) == {"syn-0001", "syn-0004"}


def test_a_war_too_large_for_one_worker_is_named_before_anything_runs(
    client: Client, folder: tuple[Path, WarsTruth]
) -> None:
    lazy = kt.read_claims(folder[0], engine="dask")
    counts = lazy.validate()
    assert kd._usable_memory(client) == int(WORKER_MEMORY * 0.8)  # dask pauses a worker at 80 %
    # an artificial limit: a worker may use what the median war needs
    median = int(counts.median())
    pause = median * kd.BYTES_PER_CLAIM / WORKER_MEMORY
    large = counts.loc[counts * kd.BYTES_PER_CLAIM > int(WORKER_MEMORY * pause)]
    assert 0 < len(large) < len(counts)
    with (
        dask.config.set({"distributed.worker.memory.pause": pause}),
        pytest.raises(WorkerMemoryError) as caught,
    ):
        kt.reconcile_all(lazy, engine="dask")
    error = caught.value
    assert set(error.wars) == set(large.index)
    assert list(error.claims) == sorted(large.tolist(), reverse=True)
    assert all(w in str(error) for w in large.index)
    rest = lazy.without_wars(*error.wars)
    with dask.config.set({"distributed.worker.memory.pause": pause}):
        kt.reconcile_all(rest, engine="dask")  # the check lets the rest through
    # (run under the workers' real limit: under the artificial one, a worker already holds more
    # than it may use, so the provenance of every war would be refused while it runs)
    result = kt.reconcile_all(rest, engine="dask")
    assert set(result["war"].unique().compute()) == set(counts.index) - set(large.index)


def test_a_war_whose_provenance_does_not_fit_is_named_not_crashed_on(client: Client) -> None:
    # Fails if the support pairs (rows x claims, which the claim count does not tell) are built
    # past a worker's memory: the war must be named in a WorkerMemoryError with its pairs.
    seeds = kt.load_seed_claims()
    # the claims fit (the check before the shuffle), but a worker holds more than this already,
    # so as the war starts there is no room for any support pair
    room = len(seeds) * kd.BYTES_PER_CLAIM + PAIR_BYTES
    with dask.config.set({"distributed.worker.memory.pause": room / WORKER_MEMORY}):
        with pytest.raises(WorkerMemoryError) as caught:
            kt.reconcile_all(seeds, engine="dask").compute()
        bare = kt.reconcile_all(seeds, engine="dask", supports=False).compute()
    error = caught.value
    assert error.wars == ("karabakh-2020",) and error.claims == (len(seeds),)
    assert error.pairs[0] > 1 and error.needed[0] > room
    assert "supports=False" in str(error)
    expected = kt.reconcile_all(seeds, supports=False)
    assert len(bare) == len(expected) and set(bare["status"]) == {"consistent"}


# --- validation of many files --------------------------------------------------------------------


def _two_bad_files(tmp_path: Path) -> Path:
    frame = kt.load_seed_claims().to_frame()
    a, b = frame.iloc[:10].copy(), frame.iloc[10:].copy()
    a["low"] = a["low"].astype(object)
    a.loc[a.index[3], "low"] = -4
    b["outcome"] = b["outcome"].astype(object)
    b.loc[b.index[0], "outcome"] = "kiled"
    b.loc[b.index[5], "as_of"] = pd.NaT
    folder = tmp_path / "claims"
    folder.mkdir()
    a.to_parquet(folder / "a.parquet")
    b.to_parquet(folder / "b.parquet")
    return folder


def test_bad_rows_of_two_files_are_each_named_with_their_file_and_row(tmp_path: Path) -> None:
    folder = _two_bad_files(tmp_path)
    lazy = kt.read_claims(str(folder / "*.parquet"), engine="dask")
    with dask.config.set(scheduler="synchronous"):
        with pytest.raises(ClaimValidationError) as caught:
            lazy.validate()
        with pytest.raises(ClaimValidationError):
            kt.reconcile_all(lazy, engine="dask")
    found = {(Path(p.file or "").name, p.row, p.column) for p in caught.value.problems}
    assert found == {
        ("a.parquet", 3, "low"),
        ("b.parquet", 0, "outcome"),
        ("b.parquet", 5, "as_of"),
    }
    assert "a.parquet: row 3, column 'low'" in str(caught.value)
    assert "3 problem(s) in 3 of 23 row(s)" in str(caught.value)
    assert list(caught.value.failure_table()["file"].map(lambda f: Path(f).name)) == [
        "a.parquet",
        "b.parquet",
        "b.parquet",
    ]


def test_with_errors_report_the_good_rows_are_reconciled_and_the_bad_named(
    tmp_path: Path,
) -> None:
    folder = _two_bad_files(tmp_path)
    lazy = kt.read_claims(folder, engine="dask", errors="report")
    good = pd.concat(
        [kt.read_claims(f, errors="report").frame for f in sorted(folder.glob("*.parquet"))],
        ignore_index=True,
    )
    with dask.config.set(scheduler="synchronous"):
        assert len(lazy.rejected()) == 3
        got = kt.reconcile_all(lazy, engine="dask").compute()
    expected = kt.reconcile_all(kt.ClaimSet.from_frame(good))
    pd.testing.assert_frame_equal(_sorted(got), _sorted(expected))


def test_a_claim_id_used_again_in_a_later_file_is_named(tmp_path: Path) -> None:
    frame = kt.load_seed_claims().to_frame()
    frame.iloc[:8].to_parquet(tmp_path / "a.parquet")
    frame.iloc[5:].to_parquet(tmp_path / "b.parquet")  # c06, c07, c08 again
    lazy = kt.read_claims(tmp_path, engine="dask")
    with dask.config.set(scheduler="synchronous"), pytest.raises(ClaimValidationError) as caught:
        lazy.validate()
    problems = caught.value.problems
    assert [(Path(p.file or "").name, p.row, p.value) for p in problems] == [
        ("b.parquet", 0, "c06"),
        ("b.parquet", 1, "c07"),
        ("b.parquet", 2, "c08"),
    ]
    assert all(p.reason is Reason.DUPLICATE_ID and "a.parquet row" in p.message for p in problems)


def test_no_file_and_bad_options_are_the_librarys_errors(tmp_path: Path) -> None:
    with pytest.raises(kt.ClaimFileNotFoundError):
        kt.read_claims(str(tmp_path / "*.parquet"), engine="dask")
    with pytest.raises(OptionError, match="engine"):
        kt.read_claims(str(tmp_path), engine="spark")  # type: ignore[call-overload]
    with pytest.raises(OptionError, match="reliability"):
        kt.reconcile_all(kt.load_seed_claims(), engine="dask", estimate=True)
    (tmp_path / "wars.json").write_text("{not json")
    kt.load_seed_claims().to_parquet(tmp_path / "a.parquet")
    with pytest.raises(kt.WarError, match=r"wars\.json"):
        kt.read_claims(tmp_path, engine="dask")
    lazy = kt.read_claims(tmp_path, engine="dask", wars="karabakh-2020")
    with pytest.raises(kt.ArgumentTypeError, match="engine='dask'"):
        kt.reconcile_all(lazy)  # type: ignore[call-overload]


# --- the optional extra ---------------------------------------------------------------------


def test_importing_the_package_never_imports_dask() -> None:
    code = (
        "import sys, karabakh_tolls, karabakh_tolls.distributed\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_without_dask_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kt.load_seed_claims().to_parquet(tmp_path / "a.parquet")
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    for call in (
        lambda: kt.read_claims(tmp_path, engine="dask"),
        lambda: kt.reconcile_all(kt.load_seed_claims(), engine="dask"),
    ):
        with pytest.raises(MissingExtraError) as caught:
            call()
        assert "pip install 'karabakh_tolls[dask]'" in str(caught.value)
        assert isinstance(caught.value, ImportError)


# --- the same answer, whatever the wars ------------------------------------------------------


@settings(max_examples=max(5, EXAMPLES // 10), deadline=None)
@given(
    n_wars=st.integers(2, 4),
    per_war=st.integers(8, 16),
    seed=st.integers(0, 2**20),
    method=st.sampled_from(["auto", "propagate"]),
    order=st.randoms(use_true_random=False),
)
def test_dask_equals_in_process_on_random_sets_of_wars(
    n_wars: int, per_war: int, seed: int, method: str, order: object
) -> None:
    claims, _ = generate_wars(n_wars * per_war, seed=seed, n_wars=n_wars)
    expected = kt.reconcile_all(claims, method=method)  # type: ignore[arg-type]
    rows = np.arange(len(claims))
    order.shuffle(rows)  # type: ignore[attr-defined]
    shuffled = claims._subset(claims.frame.iloc[rows])  # the rows in another order
    with dask.config.set(scheduler="synchronous"):
        got = kt.reconcile_all(shuffled, engine="dask", method=method).compute()  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(_sorted(got), _sorted(expected))
