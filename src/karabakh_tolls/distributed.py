"""Reconciliation on a Dask cluster, and claim sets read lazily from many files.

:class:`LazyClaims` is a claim set that stays in its files (one Dask partition per file) until
it is reconciled; :func:`karabakh_tolls.read_claims` with ``engine="dask"`` returns one.
:func:`reconcile_partitions` runs a per-war reconciliation on every war of a claim set, lazy or
in memory, as one Dask computation: the claims are shuffled on their ``war`` so that each war
lands whole in one partition, and each partition reconciles its wars one at a time with the
same in-process function. The key is the war, not a component, because the engine's
components are nested in wars (claims of different wars never bear on each other), so a war
whole on one worker carries all its components with it.

Before anything is sent, every file is read and validated once (in parallel) to name every bad
row with its file and row, to find claim ids used twice across files, and to count the claims
of each war; with a ``distributed.Client`` active whose workers have memory limits, a war whose
estimated size (:data:`BYTES_PER_CLAIM` per claim) does not fit one worker is named in a
:class:`~karabakh_tolls.errors.WorkerMemoryError` instead of stopping a worker. The
provenance of a war (its support columns) grows as rows times claims, which the claim count
does not tell: while a war is reconciled, its support pairs are counted before they are built,
and a war whose pairs would not fit beside what the worker holds is named in the same error.

This module imports numpy, pandas, the standard library and the package's ``claimset``,
``engine.solve`` (the support budget), ``errors``, ``frame`` and ``wars`` modules; dask and
distributed (the optional extra ``dask``) only inside its functions, when a lazy claim set is
computed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import functools
import gc
import glob
import importlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, cast

import numpy as np
import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.engine.solve import SupportTooLarge, support_budget
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimFileNotFoundError,
    ClaimValidationError,
    MissingExtraError,
    OptionError,
    Problem,
    Reason,
    WarError,
    WorkerMemoryError,
)
from karabakh_tolls.frame import COLUMNS, WarRegistry, coerce_frame, empty_frame, war_registry
from karabakh_tolls.scopes import ScopeTrees
from karabakh_tolls.wars import War, resolve_wars

__all__ = [
    "BYTES_PER_CLAIM",
    "ENGINES",
    "WARS_FILE",
    "Engine",
    "LazyClaims",
    "check_engine",
    "check_memory",
    "lazy_claims",
    "reconcile_partitions",
]

Engine = Literal["pandas", "dask"]
ENGINES: Final = ("pandas", "dask")

BYTES_PER_CLAIM: Final = 22_000
"""Memory one claim of a war takes while the in-process engine reconciles the war, in bytes.

Measured as the peak resident memory of ``reconcile_all`` on 20,020 synthetic claims
(``synthetic.generate_wars(20_000, seed=7)``: two wars, the larger of 19,562 claims) minus the
memory before the call, divided by the claims of the larger war (the engine works war by war):
21,403 bytes, rounded up (``benchmarks/bench_dask.py``, the in-process case). Since the engine
asks a component's rows in bounded chunks, the same measure on ``generate_wars(100_000,
seed=7)`` (largest war 58,418 claims) gives 14,295 bytes; the factor stays at 22,000 as a margin,
because a war's memory depends on how its claims tie its cells together, not only on their
number. It is the factor of the memory check of :func:`reconcile_partitions`."""

WARS_FILE: Final = "wars.json"
"""The file of a claims folder that describes its wars (as ``synthetic.write_wars`` writes)."""

_ORDER: Final = ("_part", "_row")  # where each claim came from: file (or chunk) and row

Reader = Callable[..., ClaimSet]
"""Reads and validates one file: ``reader(path, wars)`` -> a claim set built with
``errors="report"``, its bad rows in ``rejected`` (``karabakh_tolls.io`` supplies it)."""


def _dask() -> Any:
    """The ``dask.dataframe`` module, or the error naming the extra to install."""
    try:
        import dask.dataframe as dd
    except ImportError:
        raise MissingExtraError("dask", "dask", "Lazy claim sets and engine='dask'") from None
    return dd


def _module(name: str) -> Any:
    """An installed module of the extra (untyped, so held as ``Any``)."""
    return importlib.import_module(name)


def _shared(value: object) -> Any:
    """``value`` as one key of the task graph, for every task that needs it.

    A plain argument is copied into every task that takes it: the scheduler keeps each copy
    (pickled), and a worker unpickles one per task it holds, waiting or running. A registry of
    500 wars is 1 MB pickled and about 7 MB in memory, so 264 waiting shuffle outputs held
    close to 2 GB on one worker and paused it for good. As one key, each worker holds it once.
    """
    return _module("dask").delayed(value, traverse=False, pure=False)


def _client() -> Any:
    """The active ``distributed.Client``, or ``None`` (then dask's default scheduler runs)."""
    try:
        distributed = _module("distributed")
    except ImportError:  # dask without distributed: no cluster can be active
        return None
    try:
        return distributed.default_client()
    except ValueError:
        return None


# --- the files of a lazy claim set -----------------------------------------------------------


def _files(path: str | os.PathLike[str]) -> tuple[tuple[str, ...], Path]:
    """The files a path names (a folder: its Parquet files; else a glob pattern or one file),
    in name order, and the folder that may hold ``wars.json``."""
    text = os.fspath(path)
    if Path(text).is_dir():
        folder = Path(text)
        found = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in (".parquet", ".pq"))
    else:
        folder = Path(text).parent
        found = sorted(glob.glob(text))
    if not found:
        raise ClaimFileNotFoundError(
            text, Reason.NOT_FOUND, "no claims file matches this path or pattern", errno=2
        )
    return tuple(found), folder


def _folder_wars(folder: Path) -> tuple[War, ...]:
    """The wars described by the folder's ``wars.json``, or none when it has no such file."""
    path = folder / WARS_FILE
    if not path.is_file():
        return ()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple(War.from_dict(entry) for entry in data["wars"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise WarError(
            f"cannot read the wars of {str(folder)!r} from {WARS_FILE}: {error}"
        ) from None


@dataclass(frozen=True)
class _Checked:
    """What reading and validating every file once found."""

    problems: tuple[Problem, ...]
    n_rows: int
    per_war: Mapping[str, int]
    drop: Mapping[int, frozenset[int]]  # rows to leave out, by file: duplicates across files


def _valid_rows(claims: ClaimSet, n_bad: set[int]) -> np.ndarray:
    """The 0-based file rows of a file's valid claims (every other row is a problem)."""
    n_rows = len(claims) + len(n_bad)
    return np.setdiff1d(np.arange(n_rows, dtype=np.int64), np.fromiter(n_bad, dtype=np.int64))


def _check_file(read: Reader, wars: tuple[War, ...], path: str) -> tuple[Any, ...]:
    """One file's problems (with the file named), rows, claims per war and claim-id hashes."""
    claims = read(path, wars)
    problems = tuple(dataclasses.replace(p, file=path) for p in claims.rejected)
    bad = {p.row for p in problems if p.row is not None}
    frame = claims.frame
    counts = frame["war"].value_counts(sort=False)
    per_war = {str(k): int(v) for k, v in counts.items()}
    hashes = pd.util.hash_array(frame["claim_id"].to_numpy(dtype=object))
    return problems, len(claims) + len(bad), per_war, hashes


def _ids_at(read: Reader, wars: tuple[War, ...], path: str, hashes: np.ndarray) -> pd.DataFrame:
    """The valid claims of a file whose id hash is one of ``hashes``: id and file row."""
    claims = read(path, wars)
    bad = {p.row for p in claims.rejected if p.row is not None}
    ids = claims.frame["claim_id"].to_numpy(dtype=object)
    rows = _valid_rows(claims, bad)
    keep = np.isin(pd.util.hash_array(ids), hashes)
    return pd.DataFrame({"claim_id": ids[keep], "row": rows[keep]})


def _partition(
    item: tuple[int, str],
    read: Reader,
    wars: tuple[War, ...],
    drop: Any,
    exclude: frozenset[str] = frozenset(),
) -> Any:
    """One file's valid claims in schema form, with the file's index and each claim's row
    (rows in ``drop`` and claims of the wars in ``exclude`` left out)."""
    index, path = item
    claims = read(path, wars)
    bad = {p.row for p in claims.rejected if p.row is not None}
    frame = claims.frame.loc[:, list(COLUMNS)].reset_index(drop=True)
    rows = _valid_rows(claims, bad)
    frame = frame.assign(_part=np.int64(index), _row=rows)
    keep = np.ones(len(frame), dtype=bool)
    left_out = drop.get(index)
    if left_out:
        keep &= ~np.isin(rows, list(left_out))
    if exclude:
        keep &= ~frame["war"].isin(list(exclude)).to_numpy(dtype=bool, na_value=False)
    return frame if keep.all() else frame.loc[keep].reset_index(drop=True)


def _partition_meta() -> pd.DataFrame:
    return empty_frame().assign(
        _part=pd.Series([], dtype=np.int64), _row=pd.Series([], dtype=np.int64)
    )


@dataclass(frozen=True)
class LazyClaims:
    """A claim set that stays in its files until it is reconciled: one Dask partition a file.

    Build one with :func:`karabakh_tolls.read_claims` and ``engine="dask"``; reconcile it
    with ``karabakh_tolls.reconcile_all(lazy, engine="dask")``. Nothing is read when it is
    built. Each file is validated on its own, exactly as ``read_claims`` validates one file;
    :meth:`validate` (which ``reconcile_all`` calls) reports every bad row of every file, with
    the file and the row within it, and every claim id used again in a later file.

    Attributes
    ----------
    files:
        The files, in name order.
    given:
        The wars given (``wars=`` or the folder's ``wars.json``); rows may also name bundled
        wars, and a file without a ``war`` column belongs to the one war given (by default the
        bundled 2020 war).
    trees:
        Scope trees replacing those of that one war, if any.
    errors:
        ``"raise"``: a bad row anywhere is an error. ``"report"``: bad rows are left out and
        :meth:`rejected` names them.
    excluded:
        Ids of wars whose claims are left out (see :meth:`without_wars`).

    Examples
    --------
    >>> import tempfile, pathlib, dask
    >>> import karabakh_tolls as kt
    >>> from karabakh_tolls.synthetic import write_wars
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_wars(tmp, 300, seed=4, n_wars=3, rows_per_file=100)
    ...     lazy = kt.read_claims(f"{tmp}/*.parquet", engine="dask")
    ...     with dask.config.set(scheduler="synchronous"):
    ...         counts = lazy.validate()
    >>> len(counts), int(counts.sum())
    (3, 300)
    """

    files: tuple[str, ...]
    given: tuple[War, ...]
    trees: ScopeTrees | None
    errors: Literal["raise", "report"]
    read: Reader = field(repr=False, compare=False)
    excluded: frozenset[str] = frozenset()
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def without_wars(self, *wars: str) -> LazyClaims:
        """The same files without the claims of some wars (by id), for instance the wars a
        :class:`~karabakh_tolls.errors.WorkerMemoryError` named, to reconcile them elsewhere.

        Examples
        --------
        >>> import tempfile, dask
        >>> import karabakh_tolls as kt
        >>> from karabakh_tolls.synthetic import write_wars
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     _ = write_wars(tmp, 300, seed=4, n_wars=3)
        ...     lazy = kt.read_claims(tmp, engine="dask")
        ...     with dask.config.set(scheduler="synchronous"):
        ...         rest = lazy.without_wars("syn-0000").validate()
        >>> list(rest.index)
        ['syn-0001', 'syn-0002']
        """
        for war in wars:
            if not isinstance(war, str):
                raise ArgumentTypeError.of("wars", "war ids (str)", war)
        excluded = self.excluded | frozenset(wars)
        return dataclasses.replace(self, excluded=excluded, _cache=self._cache)

    @property
    def registry(self) -> WarRegistry:
        """Every war the files may name (given, then bundled)."""
        return war_registry(self.given or None, self.trees)

    @property
    def wars(self) -> tuple[War, ...]:
        """The wars the files may name: those given, then the bundled ones."""
        return self.registry.wars

    def _check(self) -> _Checked:
        """Read and validate every file once (cached: the value is immutable)."""
        cached = self._cache.get("checked")
        if isinstance(cached, _Checked):
            return cached
        _dask()
        dask = _module("dask")
        wars = _shared(self.given)
        found = dask.compute(
            *[dask.delayed(_check_file, pure=True)(self.read, wars, f) for f in self.files]
        )
        problems: list[Problem] = []
        per_war: dict[str, int] = {}
        for file_problems, _, counts, _ in found:
            problems.extend(file_problems)
            for war, n in counts.items():
                per_war[war] = per_war.get(war, 0) + n
        n_rows = sum(int(f[1]) for f in found)
        drop: dict[int, frozenset[int]] = {}
        hashes = np.concatenate([f[3] for f in found]) if found else np.empty(0, np.uint64)
        values, counts_of = np.unique(hashes, return_counts=True)
        repeated = values[counts_of > 1]
        if len(repeated):
            seen = dask.compute(
                *[
                    dask.delayed(_ids_at, pure=True)(self.read, wars, f, repeated)
                    for f in self.files
                ]
            )
            extra, drop, moved = self._duplicates(seen)
            problems.extend(extra)
            for war, n in moved.items():
                per_war[war] -= n
        problems.sort(key=lambda p: (self.files.index(p.file or ""), p.row is not None, p.row))
        checked = _Checked(tuple(problems), n_rows, per_war, drop)
        self._cache["checked"] = checked
        return checked

    def _duplicates(
        self, seen: Sequence[pd.DataFrame]
    ) -> tuple[list[Problem], dict[int, frozenset[int]], dict[str, int]]:
        """Claim ids used again in a later file: a problem each (the first use is kept)."""
        located = pd.concat(
            [s.assign(part=i) for i, s in enumerate(seen)], ignore_index=True
        ).sort_values(["part", "row"], kind="stable")
        again = located.loc[located["claim_id"].duplicated(keep="first")]
        first = located.drop_duplicates("claim_id").set_index("claim_id")
        problems = []
        drop: dict[int, set[int]] = {}
        for cid, part, row in again.loc[:, ["claim_id", "part", "row"]].itertuples(index=False):
            where = first.loc[cid]
            problems.append(
                Problem(
                    int(row),
                    "claim_id",
                    Reason.DUPLICATE_ID,
                    str(cid),
                    f"id {cid!r} is used before, in {self.files[int(where['part'])]} "
                    f"row {int(where['row'])}",
                    file=self.files[int(part)],
                )
            )
            drop.setdefault(int(part), set()).add(int(row))
        # the wars of the rows left out, to keep the counts per war true
        moved: dict[str, int] = {}
        for part, rows in drop.items():
            frame = _partition((part, self.files[part]), self.read, self.given, {})
            wars = frame.loc[np.isin(frame["_row"].to_numpy(), list(rows)), "war"]
            for war, n in wars.value_counts().items():
                moved[str(war)] = moved.get(str(war), 0) + int(n)
        return problems, {k: frozenset(v) for k, v in drop.items()}, moved

    def validate(self) -> pd.Series:
        """Read and validate every file once; the number of valid claims of each war.

        The files are read in parallel by the active scheduler (a ``distributed.Client`` if
        one is active). The result is kept: a second call reads nothing.

        Returns
        -------
        pandas.Series
            Claims per war id (``int64``), in order of war id.

        Raises
        ------
        ClaimValidationError
            With ``errors="raise"``, when any row of any file is bad: every problem, each
            naming its file (``Problem.file``), its 0-based row in that file and its column.
        ClaimFileError
            A file that cannot be read as a table at all.

        Examples
        --------
        See :class:`LazyClaims`.
        """
        checked = self._check()
        if checked.problems and self.errors == "raise":
            raise ClaimValidationError(checked.problems, checked.n_rows)
        counts = pd.Series(checked.per_war, dtype=np.int64, name="claims")
        counts = counts.loc[(counts > 0) & ~counts.index.isin(list(self.excluded))]
        return counts.sort_index()

    def rejected(self) -> tuple[Problem, ...]:
        """Every bad row of every file (empty when all are good); reads the files once."""
        return self._check().problems

    def to_dask(self) -> Any:
        """The valid claims as a Dask DataFrame, one partition a file, in schema form.

        Rows are in file order within each partition; two columns are added: ``_part`` (the
        file's position in :attr:`files`) and ``_row`` (the claim's 0-based row in its file).
        Bad rows (and the wars of :meth:`without_wars`) are left out, so call :meth:`validate`
        first to have them named.
        """
        dd = _dask()
        dask = _module("dask")
        drop = self._check().drop
        wars = _shared(self.given)
        read = dask.delayed(_partition, pure=True)
        parts = [
            read((i, f), self.read, wars, drop, self.excluded) for i, f in enumerate(self.files)
        ]
        return dd.from_delayed(parts, meta=_partition_meta(), verify_meta=False)


def lazy_claims(
    path: str | os.PathLike[str],
    read: Reader,
    *,
    wars: Any = None,
    trees: ScopeTrees | None = None,
    errors: Literal["raise", "report"] = "raise",
) -> LazyClaims:
    """A :class:`LazyClaims` of the files a folder, glob pattern or file names.

    ``wars`` default to the folder's ``wars.json`` when it has one (the folder of the files,
    for a glob pattern), else to the bundled wars. ``read`` reads and validates one file.
    Nothing is read but ``wars.json``.
    """
    _dask()
    files, folder = _files(path)
    given = resolve_wars(wars) if wars is not None else _folder_wars(folder)
    if trees is not None and not isinstance(trees, ScopeTrees):
        raise ArgumentTypeError.of("trees", "a ScopeTrees or None", trees)
    war_registry(given or None, trees)  # a bad combination is an error now, not on a worker
    return LazyClaims(files, given, trees, errors, read)


# --- reconciling every war -------------------------------------------------------------------


def _in_memory(claims: ClaimSet, partitions: int) -> Any:
    """A claim set in memory as a Dask DataFrame of about ``partitions`` chunks of wars."""
    dd = _dask()
    frame = claims.frame.loc[:, list(COLUMNS)].reset_index(drop=True)
    frame = frame.assign(_part=np.int64(0), _row=np.arange(len(frame), dtype=np.int64))
    return dd.from_pandas(frame, npartitions=max(1, partitions), sort=False)


def _reconcile_partition(
    part: pd.DataFrame,
    registry: WarRegistry,
    per_war: Callable[[ClaimSet], pd.DataFrame],
    dtypes: Mapping[str, Any],
    usable: int | None = None,
) -> pd.DataFrame:
    """Reconcile every war of one partition, each alone, in war-id order.

    The rows were validated when they were read, so each war's claims become a claim set
    without validating again; the shuffle may reorder rows, so they are put back in file order
    first and their dtypes back in schema form. With ``usable`` bytes per worker, a war whose
    support pairs (:data:`~karabakh_tolls.engine.solve.PAIR_BYTES` each) would not fit beside
    its claims raises :class:`~karabakh_tolls.errors.WorkerMemoryError` naming it.
    """
    if not len(part):
        return pd.DataFrame({name: pd.Series([], dtype=d) for name, d in dtypes.items()})
    ordered = part.sort_values(list(_ORDER), kind="stable")
    frame = coerce_frame(ordered.loc[:, list(COLUMNS)])
    wars = frame["war"].to_numpy(dtype=object)
    tables = []
    for war in sorted(set(wars.tolist())):
        rows = frame.loc[wars == war].reset_index(drop=True)
        # the claims were checked to fit before the shuffle; what the provenance takes on top
        # is known only once the war is solved: its pairs may take what the worker may use less
        # what it holds as the war starts, and a war whose pairs would not is named, not
        # crashed on
        try:
            with support_budget(None if usable is None else _room(usable)):
                tables.append(per_war(ClaimSet._wrap(rows, registry)))
        except SupportTooLarge as error:
            raise WorkerMemoryError(
                [str(war)],
                [len(rows)],
                [usable - error.budget + error.needed if usable is not None else error.needed],
                int(usable or 0),
                pairs=[error.pairs],
            ) from None
        finally:
            _release_memory()
    out = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    return out.loc[:, list(dtypes)].astype(dict(dtypes))


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` (None where the C library has none, as on macOS or musl)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        function = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    return cast(Callable[[int], int], function)


def _room(usable: int) -> int:
    """Bytes this worker may still take: ``usable`` less its resident memory now (psutil, a
    dependency of distributed)."""
    rss = int(_module("psutil").Process().memory_info().rss)
    return usable - rss


def _release_memory() -> None:
    """Give the memory of a reconciled war back to the system.

    glibc keeps freed memory in its heap, and Dask counts it as the worker's unmanaged memory;
    after a large war that can be most of a worker's limit, so a later task (the concatenation
    ``.compute()`` makes on one worker) would stop the worker. Dask's advice is to trim the
    heap, as here, after the work that freed it."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _usable_memory(client: Any) -> int | None:
    """Bytes the smallest worker may use before Dask pauses it (None: no limit is set).

    The shuffle decides where a war lands, so every war must fit the smallest worker."""
    dask = _module("dask")
    try:
        workers = client.scheduler_info(n_workers=-1)["workers"]
    except TypeError:  # older distributed: every worker is listed
        workers = client.scheduler_info()["workers"]
    limits = [int(w.get("memory_limit") or 0) for w in workers.values()]
    limits = [limit for limit in limits if limit > 0]
    if not limits:
        return None
    pause = dask.config.get("distributed.worker.memory.pause", 0.8)
    share = float(pause) if pause else 1.0
    return int(min(limits) * share)


def check_memory(per_war: Mapping[str, int], usable: int | None) -> None:
    """Raise :class:`~karabakh_tolls.errors.WorkerMemoryError` naming every war whose claims
    (:data:`BYTES_PER_CLAIM` each) need more than ``usable`` bytes; ``None`` checks nothing.

    Examples
    --------
    >>> check_memory({"small": 10, "big": 1_000_000}, 100_000_000)
    Traceback (most recent call last):
    ...
    karabakh_tolls.errors.WorkerMemoryError: 1 war(s) too large for one worker (0.1 GB usable...
    """
    if usable is None:
        return
    large = sorted(
        ((n, w) for w, n in per_war.items() if n * BYTES_PER_CLAIM > usable), reverse=True
    )
    if large:
        raise WorkerMemoryError(
            [w for _, w in large],
            [n for n, _ in large],
            [n * BYTES_PER_CLAIM for n, _ in large],
            usable,
        )


def reconcile_partitions(
    claims: ClaimSet | LazyClaims,
    per_war: Callable[[ClaimSet], pd.DataFrame],
    meta: pd.DataFrame,
) -> Any:
    """``per_war`` applied to the claims of every war, each war whole in one partition.

    The claims are validated first (a lazy set reads its files once; see
    :meth:`LazyClaims.validate`) and, with a ``distributed.Client`` active whose workers have a
    memory limit, every war must fit one worker; then the claims are shuffled on ``war`` and
    each partition runs ``per_war`` on each of its wars. Nothing else is computed: the result
    is a lazy Dask DataFrame with the columns and dtypes of ``meta``.

    Raises
    ------
    ClaimValidationError
        Bad rows of a lazy claim set read with ``errors="raise"``.
    WorkerMemoryError
        Wars too large for one worker.
    MissingExtraError
        Without dask (``pip install 'karabakh_tolls[dask]'``).
    """
    _dask()
    client = _client()
    if isinstance(claims, LazyClaims):
        counts = claims.validate()
        frame = claims.to_dask()
        registry = claims.registry
    elif isinstance(claims, ClaimSet):
        counts = claims.frame["war"].value_counts()
        workers = len(client.scheduler_info().get("workers", {})) if client is not None else 0
        chunks = min(len(counts), max(2 * workers, os.cpu_count() or 1))
        frame = _in_memory(claims, chunks)
        registry = claims.registry
    else:
        raise ArgumentTypeError.of(
            "claims", "a ClaimSet or LazyClaims (kt.read_claims(..., engine='dask'))", claims
        )
    usable = _usable_memory(client) if client is not None else None
    check_memory({str(w): int(n) for w, n in counts.items()}, usable)
    if not len(counts):
        dd = _dask()
        return dd.from_pandas(meta, npartitions=1)
    # dask's own choice on a cluster (p2p), else the task shuffle that every scheduler runs
    chosen = _module("dask").config.get("scheduler", None)
    method = None if client is not None and chosen in (None, "dask.distributed") else "tasks"
    # one partition per war: each war gets its own number, and the numbers are the divisions,
    # so a partition never holds two wars (the memory check is per war)
    numbers = {str(w): i for i, w in enumerate(sorted(str(w) for w in counts.index))}
    numbered = frame.assign(_war_number=frame["war"].map(numbers, meta=("war", "int64")))
    shuffled = numbered.set_index(
        "_war_number",
        divisions=list(range(len(numbers) + 1)),
        shuffle_method=method,
    )
    return shuffled.map_partitions(
        _reconcile_partition,
        _shared(registry),
        per_war,
        meta.dtypes.to_dict(),
        usable,
        meta=meta,
        enforce_metadata=False,
    )


def check_engine(engine: object) -> Engine:
    """The engine named, or :class:`~karabakh_tolls.errors.OptionError`."""
    if isinstance(engine, str) and engine == "pandas":
        return "pandas"
    if isinstance(engine, str) and engine == "dask":
        return "dask"
    raise OptionError("engine", engine, ENGINES)
