"""Evidence groups: claims that carry one statement count as one piece of evidence.

A ministry's figure carried by ten outlets is one statement, not ten. Two claims carry the same
statement when they say the same thing, from the same originator, about the same count:

* the same originating ``source`` (who asserts the figure; the outlet that published it and
  the ``via`` intermediary that relayed it do not matter),
* the same ``war``, scope (``outcome``, ``category``, ``party``, ``perpetrator``, ``region``)
  and figure (``low``, ``high``; the hedge word does not matter, except that an *implicit*
  count such as "his daughter and three of her children" is a lower bound, like a ``partial``
  claim),
* the same ``kind``, ``since``, ``as_of``, ``event`` and ``coverage``.

:func:`evidence_groups` gives every claim the id of its group: the smallest claim id of the
group, so a claim that nobody echoes is its own group, named by its own id. An ``evidence``
cell overrides the detection for its row: all rows with the same cell are one group (named by
that cell), and a cell that names a claim id joins the group of that claim, so writing
``c12`` in the ``evidence`` cell of an echo that reworded c12's figure joins the echo to c12.
Give rows distinct cells to keep apart claims that detection would join. Groups are computed
from the claims of the table alone, deterministically and independently of row order.

**The contract for the engine.** Every claim belongs to exactly one group, and a group is one
piece of evidence:

* it is kept or set aside as a whole, and its trust weight is counted once: the largest weight
  of its members (:func:`group_weights`), never their sum, so an echoed statement does not
  outvote an independent one;
* its members constrain the counts together: the members of a detected group have the same
  figure, scope and dates, so they are one constraint; the members of a group given by hand
  may differ (a reworded or rounded echo), and then every member's interval applies;
* a best estimate counts it as one observation of its originator;
* provenance names every member claim, its outlet and document: the result lists all the
  outlets that carried the statement, and each member claim gets the role of its group.

This module imports numpy, pandas, scipy and the package's ``errors``.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from karabakh_tolls.errors import OptionError

__all__ = ["EVIDENCE_KEY", "evidence_groups", "evidence_table", "group_weights"]

EVIDENCE_KEY: Final[tuple[str, ...]] = (
    "war",
    "source",
    "outcome",
    "category",
    "party",
    "perpetrator",
    "region",
    "low",
    "high",
    "kind",
    "coverage",
    "since",
    "as_of",
    "event",
)
"""The columns two claims must share to carry one statement (with the lower-bound-only flag
of an implicit count); outlet, ``via``, document, quote and publication date are not among
them."""


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes, equal exactly for equal cells (missing cells share one code)."""
    codes, _ = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64)


def _key_codes(frame: pd.DataFrame) -> np.ndarray:
    """One integer per row, equal exactly when two rows agree on every key column."""
    n = len(frame)
    combined = np.zeros(n, dtype=np.int64)
    columns = [
        frame[c] if c in frame.columns else pd.Series(pd.NA, index=frame.index)
        for c in EVIDENCE_KEY
    ]
    implicit = frame["hedge"] == "implicit" if "hedge" in frame.columns else None
    if implicit is not None:
        columns.append(implicit.fillna(False).astype(bool))
    for column in columns:
        codes = _codes(column)
        width = int(codes.max()) + 1 if n else 1
        # re-factorise after each column, so the combined code stays below n * width
        combined, _ = pd.factorize(combined * width + codes)
        combined = combined.astype(np.int64)
    return combined


def _least(groups: np.ndarray, values: np.ndarray, n_groups: int | None = None) -> np.ndarray:
    """Per group code ``0..n_groups-1``, the least value (int64 max for an empty group)."""
    size = int(groups.max()) + 1 if n_groups is None else n_groups
    out = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)
    if len(groups):
        least = pd.Series(values.astype(np.int64)).groupby(groups, sort=False).min()
        out[least.index.to_numpy(dtype=np.int64)] = least.to_numpy(dtype=np.int64)
    return out


def _explicit(frame: pd.DataFrame) -> pd.Series:
    """The hand-given ``evidence`` cells, stripped; blank cells are missing."""
    if "evidence" not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    text = frame["evidence"].astype("string").str.strip()
    return text.mask(text == "", pd.NA)


def evidence_groups(frame: pd.DataFrame) -> pd.Series:
    """The evidence group of every claim of a claim table (one id per row, aligned with it).

    Claims carrying the same statement (same originating source, war, scope, figure, kind,
    dates, event and coverage, through any outlet or ``via`` chain) share a group, named by the
    smallest claim id among them; an ``evidence`` cell overrides the detection for its row (see
    the module documentation). The result depends only on the rows, not on their order, and
    the frame is not modified. Vectorised: a few factorisations per key column, plus one
    connected-components pass over a sparse graph when some rows have an ``evidence`` cell.

    Parameters
    ----------
    frame : pandas.DataFrame
        A valid claim table in schema form (as ``ClaimSet.frame``): unique claim ids.

    Returns
    -------
    pandas.Series
        Strings named ``"evidence"``, with the index of ``frame``.

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> seeds = load_seed_claims().to_frame()
    >>> echo = seeds[seeds.claim_id == "c12"].assign(claim_id="c90", outlet="trend-az")
    >>> groups = evidence_groups(pd.concat([seeds, echo], ignore_index=True))
    >>> groups.iloc[-1], groups[groups == "c12"].size, groups.nunique()
    ('c12', 2, 23)
    """
    n = len(frame)
    ids = frame["claim_id"].astype("string")
    if n == 0:
        return pd.Series([], index=frame.index, dtype="string", name="evidence")
    key = _key_codes(frame)
    explicit = _explicit(frame)
    labelled = explicit.notna().to_numpy()
    # claim ids ranked in sorted order: the smallest id of a set is its least rank
    id_rank, sorted_ids = pd.factorize(ids, sort=True)
    sorted_id_values = np.asarray(sorted_ids, dtype=object)
    if not labelled.any():
        values = sorted_id_values[_least(key, id_rank)[key]]
        return pd.Series(values, index=frame.index, dtype="string", name="evidence")

    # rows, detected groups and hand-given labels are the nodes of one undirected graph
    n_keys = int(key.max()) + 1
    label_code, labels = pd.factorize(explicit.to_numpy(dtype=object)[labelled], sort=True)
    n_labels = len(labels)
    rows = np.arange(n, dtype=np.int64)
    unlabelled = np.flatnonzero(~labelled)
    heads = [unlabelled, np.flatnonzero(labelled)]
    tails = [n + key[unlabelled], n + n_keys + label_code.astype(np.int64)]
    # a label that is a claim id joins that claim (the first row of the id, were it repeated)
    first = ~ids.duplicated(keep="first").to_numpy()
    named = pd.Index(ids.to_numpy(dtype=object)[first]).get_indexer(
        np.asarray(labels, dtype=object)
    )
    hit = named >= 0
    heads.append(np.flatnonzero(first)[named[hit]].astype(np.int64))
    tails.append(n + n_keys + np.flatnonzero(hit).astype(np.int64))
    head = np.concatenate(heads)
    tail = np.concatenate(tails)
    size = n + n_keys + n_labels
    graph = coo_matrix((np.ones(len(head), dtype=np.int8), (head, tail)), shape=(size, size))
    _, component = connected_components(graph, directed=False)
    component = component.astype(np.int64)
    n_components = int(component.max()) + 1
    big = np.iinfo(np.int64).max
    least_id = _least(component[rows], id_rank, n_components)
    label_nodes = component[n + n_keys :]
    least_label = _least(label_nodes, np.arange(n_labels, dtype=np.int64), n_components)
    own = component[rows]
    has_label = least_label[own] != big
    label_values = np.asarray(labels, dtype=object)
    values = np.where(
        has_label,
        label_values[np.where(has_label, least_label[own], 0)],
        sorted_id_values[least_id[own]],
    )
    return pd.Series(values, index=frame.index, dtype="string", name="evidence")


def evidence_table(frame: pd.DataFrame, groups: pd.Series | None = None) -> pd.DataFrame:
    """One row per evidence group: its members, sources, outlets and documents.

    Parameters
    ----------
    frame : pandas.DataFrame
        A valid claim table in schema form.
    groups : pandas.Series, optional
        The groups of ``frame`` when already computed (:func:`evidence_groups`).

    Returns
    -------
    pandas.DataFrame
        Columns ``evidence``, ``n_claims``, ``claim_ids``, ``sources``, ``outlets`` (the
        outlets and ``via`` intermediaries that carried it) and ``documents``, each a sorted
        tuple of distinct values; rows sorted by group id.

    Examples
    --------
    >>> from karabakh_tolls import load_seed_claims
    >>> seeds = load_seed_claims().to_frame()
    >>> echo = seeds[seeds.claim_id == "c12"].assign(claim_id="c90", outlet="trend-az")
    >>> table = evidence_table(pd.concat([seeds, echo], ignore_index=True))
    >>> row = table.set_index("evidence").loc["c12"]
    >>> int(row.n_claims), row.claim_ids, row.outlets
    (2, ('c12', 'c90'), ('azatutyun', 'trend-az'))
    """
    if groups is None:
        groups = evidence_groups(frame)

    def distinct(values: pd.Series) -> tuple[str, ...]:
        return tuple(sorted({str(v) for v in values if not pd.isna(v)}))

    carriers = pd.concat(
        [
            pd.DataFrame({"evidence": groups.to_numpy(), "carrier": frame["outlet"].to_numpy()}),
            pd.DataFrame({"evidence": groups.to_numpy(), "carrier": frame["via"].to_numpy()}),
        ],
        ignore_index=True,
    )
    by_group = pd.DataFrame(
        {
            "evidence": groups.to_numpy(),
            "claim_id": frame["claim_id"].to_numpy(),
            "source": frame["source"].to_numpy(),
            "document": frame["document"].to_numpy(),
        }
    ).groupby("evidence", sort=True)
    table = pd.DataFrame(
        {
            "n_claims": by_group.size(),
            "claim_ids": by_group["claim_id"].agg(distinct),
            "sources": by_group["source"].agg(distinct),
            "outlets": carriers.groupby("evidence", sort=True)["carrier"].agg(distinct),
            "documents": by_group["document"].agg(distinct),
        }
    )
    table.index.name = "evidence"
    return table.reset_index()


def group_weights(groups: pd.Series, weights: pd.Series | np.ndarray) -> pd.Series:
    """The trust weight of each evidence group: the largest weight of its members.

    A group is one statement, so its weight is counted once, never summed over the outlets
    that carried it. ``weights`` are the per-claim weights of a trust policy, aligned with
    ``groups``.

    Returns
    -------
    pandas.Series
        Float weights indexed by group id, sorted by it.

    Examples
    --------
    >>> group_weights(pd.Series(["c1", "c1", "c3"]), pd.Series([1.0, 1.0, 0.5])).to_dict()
    {'c1': 1.0, 'c3': 0.5}
    """
    values = np.asarray(weights, dtype=float)
    if len(values) != len(groups):
        raise OptionError(
            "weights", f"{len(values)} weights", (), f"{len(groups)} claims: align them"
        )
    out = pd.Series(values, index=groups.to_numpy()).groupby(level=0, sort=True).max()
    out.index.name = "evidence"
    return out
