"""karabakh_tolls: contradictory casualty figures in, honest ranges with provenance out.

Examples
--------
>>> import karabakh_tolls as kt
>>> kt.Figure.parse("more than 6,000")
more_than(6000)
"""

from __future__ import annotations

from karabakh_tolls import accessor as accessor  # registers the df.tolls accessor
from karabakh_tolls.claims import Claim, ClaimKind, Coverage
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.discovery import Discovery, discover
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimError,
    ClaimFileError,
    ClaimFileNotFoundError,
    ClaimValidationError,
    ConflictError,
    EstimationError,
    FigureParseError,
    KarabakhTollsError,
    MissingExtraError,
    NotFoundError,
    OptionError,
    ReconciliationError,
    ScopeError,
    SolverError,
    UnknownTermError,
    WarError,
)
from karabakh_tolls.estimates import Estimate, estimate, learned_trust, reliability
from karabakh_tolls.extract import extract
from karabakh_tolls.figures import (
    MAX_COUNT,
    Figure,
    Hedge,
    Share,
    at_least,
    at_most,
    between,
    exact,
    fewer_than,
    more_than,
)
from karabakh_tolls.frame import SCHEMA
from karabakh_tolls.history import range_history
from karabakh_tolls.importers import from_acled, from_source_ranges, from_ucdp_ged
from karabakh_tolls.io import load_seed_claims, read_claims, seed_article
from karabakh_tolls.policies import ALL_SOURCES, INDEPENDENT_ONLY, TrustPolicy
from karabakh_tolls.prov import to_prov_json, write_prov
from karabakh_tolls.reconcile import reconcile, reconcile_all, sensitivity
from karabakh_tolls.releases import diff_releases, supersede
from karabakh_tolls.resolution import Conflict, Resolution, Role, Rule, Support
from karabakh_tolls.scopes import Scope, ScopeTree, ScopeTrees, default_trees
from karabakh_tolls.sources import Source, SourceKind
from karabakh_tolls.wars import War, bundled_wars, load_war

__version__ = "0.1.0"

__all__ = [
    "ALL_SOURCES",
    "INDEPENDENT_ONLY",
    "MAX_COUNT",
    "SCHEMA",
    "ArgumentTypeError",
    "Claim",
    "ClaimError",
    "ClaimFileError",
    "ClaimFileNotFoundError",
    "ClaimKind",
    "ClaimSet",
    "ClaimValidationError",
    "Conflict",
    "ConflictError",
    "Coverage",
    "Discovery",
    "Estimate",
    "EstimationError",
    "Figure",
    "FigureParseError",
    "Hedge",
    "KarabakhTollsError",
    "MissingExtraError",
    "NotFoundError",
    "OptionError",
    "ReconciliationError",
    "Resolution",
    "Role",
    "Rule",
    "Scope",
    "ScopeError",
    "ScopeTree",
    "ScopeTrees",
    "Share",
    "SolverError",
    "Source",
    "SourceKind",
    "Support",
    "TrustPolicy",
    "UnknownTermError",
    "War",
    "WarError",
    "__version__",
    "at_least",
    "at_most",
    "between",
    "bundled_wars",
    "default_trees",
    "diff_releases",
    "discover",
    "estimate",
    "exact",
    "extract",
    "fewer_than",
    "from_acled",
    "from_source_ranges",
    "from_ucdp_ged",
    "learned_trust",
    "load_seed_claims",
    "load_war",
    "more_than",
    "plot_timeline",
    "range_history",
    "read_claims",
    "reconcile",
    "reconcile_all",
    "reliability",
    "seed_article",
    "sensitivity",
    "supersede",
    "to_prov_json",
    "write_prov",
]


def __getattr__(name: str) -> object:
    """Load optional parts on first use: ``plot_timeline`` imports matplotlib."""
    if name == "plot_timeline":
        from karabakh_tolls.plotting import plot_timeline

        return plot_timeline
    raise AttributeError(f"module 'karabakh_tolls' has no attribute {name!r}")
