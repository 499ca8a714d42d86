"""Shared test configuration: hypothesis profiles.

``dev`` (the default) is fast for local runs, ``ci`` has more examples and is derandomised, and
``fuzz`` (``make fuzz``) runs the fuzz tests of ``test_fuzz.py`` with many examples. Choose one
with ``HYPOTHESIS_PROFILE``; test sizes come only from these profiles.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import karabakh_tolls as kt

# tests/data holds data and the scripts that built it, not tests (two of them share the name
# build_reference.py, which pytest cannot import side by side).
collect_ignore_glob = ["data/*"]

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=75,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def contested_ganja() -> kt.ClaimSet:
    """One extra claim that disagrees with Amnesty's 21 about the Ganja strike of 2020-10-17."""
    amnesty = kt.load_seed_claims()["c06"]
    prosecutor = kt.Source(
        "azerbaijan-prosecutor", "Prosecutor General of Azerbaijan", "government", "azerbaijan"
    )
    return kt.ClaimSet(
        [
            amnesty.evolve(
                id="c90",
                figure=kt.exact(25, text="25"),
                source=prosecutor,
                document="synthetic",
                quote=None,
                span=None,
                via=None,
            )
        ]
    )
