"""The public namespace: __all__ is exactly the public names, and they all resolve."""

from __future__ import annotations

import types

import karabakh_tolls as kt


def test_all_lists_every_public_name_exactly_once() -> None:
    assert len(kt.__all__) == len(set(kt.__all__))
    for name in kt.__all__:
        assert getattr(kt, name) is not None, name


def test_no_public_name_is_left_out_of_all() -> None:
    public = {
        name
        for name, value in vars(kt).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    public -= {"annotations"}
    assert public <= set(kt.__all__), public - set(kt.__all__)


def test_spec_names_exist() -> None:
    for name in (
        "Figure",
        "FigureParseError",
        "Scope",
        "load_seed_claims",
        "read_claims",
        "reconcile",
        "ClaimSet",
    ):
        assert name in kt.__all__
