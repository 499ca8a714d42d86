"""The ``df.tolls`` pandas accessor: a claim table's functions where the table is.

Registered when :mod:`karabakh_tolls` is imported. It is thin: every method validates the frame
into a :class:`~karabakh_tolls.claims.ClaimSet` (the schema is checked on the way in; the frame is
never modified) and calls the package function of the same name.

This module imports pandas and the package's ``claims``, ``errors``, ``frame`` and ``scopes``.

Examples
--------
>>> import karabakh_tolls as kt
>>> df = kt.load_seed_claims().to_frame()
>>> df.tolls.claims()
<ClaimSet: 23 claim(s) from 9 source(s)>
>>> r = df.tolls.reconcile("killed/military/party=nagorno-karabakh", "2020-10-29")
>>> (r.low, r.high)
(1166, 1166)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import ClaimValidationError
from karabakh_tolls.frame import validate_frame
from karabakh_tolls.prov import to_prov_json
from karabakh_tolls.reconcile import reconcile, reconcile_all
from karabakh_tolls.scopes import Scope, ScopeTrees

if TYPE_CHECKING:
    from karabakh_tolls.resolution import Resolution

__all__ = ["TollsAccessor"]


@pd.api.extensions.register_dataframe_accessor("tolls")
class TollsAccessor:
    """``df.tolls``: read a DataFrame (one row a claim) as claims and work on it.

    Every method takes ``trees=`` (the scope trees to read terms against; default the bundled
    trees, or those given to the accessor call) and never modifies the frame.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def claims(
        self,
        *,
        trees: ScopeTrees | None = None,
        errors: Literal["raise", "report"] = "raise",
    ) -> ClaimSet:
        """The frame as a validated ClaimSet (see :meth:`ClaimSet.from_frame`).

        Examples
        --------
        >>> import pandas as pd
        >>> bad = pd.DataFrame({"claim_id": ["a"], "low": [-1], "outcome": ["killed"],
        ...                     "as_of": ["2020-10-06"], "source": ["x"], "document": ["d"]})
        >>> bad.tolls.claims()
        Traceback (most recent call last):
        ...
        karabakh_tolls.errors.ClaimValidationError: 1 problem(s) in 1 of 1 row(s):
          - row 0, column 'low': low=-1 is negative (value '-1'; negative)
        """
        return ClaimSet.from_frame(self._frame, trees=trees, errors=errors)

    def validate(self, *, trees: ScopeTrees | None = None) -> pd.DataFrame:
        """Every problem of the table, one row each (row, column, reason, value, message);
        empty when the table is valid.

        Examples
        --------
        >>> import karabakh_tolls as kt
        >>> len(kt.load_seed_claims().to_frame().tolls.validate())
        0
        """
        _, problems = validate_frame(self._frame, trees)
        table: pd.DataFrame = ClaimValidationError(problems).failure_table()
        return table

    @property
    def is_valid(self) -> bool:
        """True when every row is a valid claim (against the bundled trees)."""
        _, problems = validate_frame(self._frame)
        return not problems

    def reconcile(
        self,
        scope: Scope | str,
        as_of: dt.date | str,
        *,
        trees: ScopeTrees | None = None,
        **options: Any,
    ) -> Resolution:
        """:func:`karabakh_tolls.reconcile` over the table's claims (options passed on)."""
        return reconcile(self.claims(trees=trees), scope, as_of, **options)

    def reconcile_all(self, *, trees: ScopeTrees | None = None, **options: Any) -> pd.DataFrame:
        """:func:`karabakh_tolls.reconcile_all` over the table's claims (options passed on).

        Examples
        --------
        >>> import karabakh_tolls as kt
        >>> table = kt.load_seed_claims().to_frame().tolls.reconcile_all()
        >>> int(table["n_claims"].sum()) > 0
        True
        """
        table: pd.DataFrame = reconcile_all(self.claims(trees=trees), **options)
        return table

    def plot_timeline(
        self, scope: Scope | str, *, trees: ScopeTrees | None = None, **options: Any
    ) -> Any:
        """:func:`karabakh_tolls.plotting.plot_timeline` of the table's claims; returns the Axes."""
        from karabakh_tolls.plotting import plot_timeline

        return plot_timeline(self.claims(trees=trees), scope, **options)

    def to_prov_json(self, *, trees: ScopeTrees | None = None, **options: Any) -> dict[str, Any]:
        """:func:`karabakh_tolls.prov.to_prov_json` of the table's claims."""
        return to_prov_json(self.claims(trees=trees), **options)
