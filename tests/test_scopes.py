"""Scopes and scope trees: normalisation, relations, errors, user trees."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import karabakh_tolls as kt
from karabakh_tolls.errors import ScopeError, UnknownTermError
from karabakh_tolls.scopes import DIMENSIONS, ScopeTree, ScopeTrees, default_trees

TREES = default_trees()


def test_omitted_dimensions_are_all_and_outcome_defaults_to_killed() -> None:
    scope = kt.Scope(category="civilian")
    assert scope.as_dict() == {
        "outcome": "killed",
        "category": "civilian",
        "party": "all",
        "perpetrator": "all",
        "region": "all",
    }


@pytest.mark.parametrize(
    ("given_term", "dimension", "expected"),
    [
        ("Azerbaijani", "party", "azerbaijan"),
        ("Nagorno Karabakh", "party", "nagorno-karabakh"),
        ("ARTSAKH", "region", "nagorno-karabakh"),
        ("Khankendi", "region", "stepanakert"),
        ("Shusha", "region", "shushi"),
        ("civilians", "category", "civilian"),
        ("deaths", "outcome", "killed"),
    ],
)
def test_terms_are_normalised_through_aliases(
    given_term: str, dimension: str, expected: str
) -> None:
    assert TREES[dimension].resolve(given_term) == expected


def test_unknown_term_lists_known_terms_and_suggests() -> None:
    with pytest.raises(UnknownTermError) as info:
        kt.Scope(region="Ganjaa")
    message = str(info.value)
    assert "'ganja'" in message and "did you mean" in message and "barda" in message
    assert isinstance(info.value, KeyError)


def test_unknown_dimension_in_parse() -> None:
    with pytest.raises(UnknownTermError, match="dimension"):
        kt.Scope.parse("killed/colour=red")


@pytest.mark.parametrize(
    "text",
    [
        "killed/civilian/party=azerbaijan/region=ganja",
        "wounded",
        "displaced/region=stepanakert",
        "killed/military/party=nagorno-karabakh/perpetrator=azerbaijani-side",
    ],
)
def test_parse_and_str_round_trip(text: str) -> None:
    scope = kt.Scope.parse(text)
    assert str(scope) == text
    assert kt.Scope.parse(str(scope)) == scope


def test_parse_rejects_two_bare_terms_after_category() -> None:
    with pytest.raises(ScopeError, match="dimension=term"):
        kt.Scope.parse("killed/civilian/ganja")


def test_containment_and_disjointness() -> None:
    civilians = kt.Scope("killed", "civilian")
    az_civilians = kt.Scope("killed", "civilian", party="azerbaijan")
    nk_civilians = kt.Scope("killed", "civilian", party="nagorno-karabakh")
    ganja = kt.Scope("killed", region="ganja")
    assert civilians.contains(az_civilians)
    assert az_civilians.is_within(civilians)
    assert not az_civilians.contains(civilians)
    assert az_civilians.disjoint(nk_civilians)
    assert not civilians.disjoint(ganja)
    assert kt.Scope("killed").disjoint(kt.Scope("wounded"))


def test_ancestors_keep_the_outcome() -> None:
    ancestors = kt.Scope("wounded", "civilian", region="ganja").ancestors()
    assert {a.outcome for a in ancestors} == {"wounded"}
    assert kt.Scope("wounded") in ancestors
    assert len(ancestors) == 2 * 3  # category chain 2 x region chain 3


def test_default_gazetteer_is_neutral() -> None:
    region = TREES["region"]
    assert region.parent["nagorno-karabakh"] == "all"
    assert region.ancestors("stepanakert") == ("stepanakert", "nagorno-karabakh", "all")


def test_user_can_reparent_and_extend() -> None:
    trees = TREES.reparent("region", "nagorno-karabakh", "azerbaijan")
    assert trees["region"].is_within("martuni", "azerbaijan")
    assert not TREES["region"].is_within("martuni", "azerbaijan")  # the default is untouched
    trees = trees.with_node("region", "tovuz", "azerbaijan", aliases=["Tovuz city"])
    scope = kt.Scope(region="tovuz city", trees=trees)
    assert scope.region == "tovuz"
    with pytest.raises(UnknownTermError):
        kt.Scope(region="tovuz")


def test_party_changes_follow_to_perpetrator() -> None:
    trees = TREES.with_node("party", "syria", "other")
    assert "syria" in trees["perpetrator"]


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"all": ["a", "b"], "b": ["a"]}, "two parents"),
        ({"all": ["a"], "x": ["y"]}, "not under"),
        ({"all": ["all"]}, "cannot be a child"),
    ],
)
def test_malformed_trees_are_refused(mapping: dict[str, list[str]], message: str) -> None:
    with pytest.raises(ScopeError, match=message):
        ScopeTree.from_mapping("party", mapping)


def test_reparent_under_own_descendant_is_refused() -> None:
    with pytest.raises(ScopeError, match="descendant"):
        TREES["region"].reparent("azerbaijan", "ganja")


def test_trees_round_trip_through_dict_and_toml(tmp_path: object) -> None:
    data = {d: TREES[d].to_dict() for d in DIMENSIONS}
    data["outcome"]["cumulative"] = sorted(TREES.cumulative_outcomes)
    rebuilt = ScopeTrees.from_dict(data)
    for dimension in DIMENSIONS:
        assert rebuilt[dimension].parent == TREES[dimension].parent
        assert rebuilt[dimension].exhaustive == TREES[dimension].exhaustive
    assert rebuilt.cumulative_outcomes == TREES.cumulative_outcomes


def test_scope_is_hashable_and_picklable() -> None:
    scope = kt.Scope("killed", "civilian", party="azerbaijan")
    assert pickle.loads(pickle.dumps(scope)) == scope
    assert len({scope, kt.Scope("killed", "civilians", party="azeri")}) == 1


def test_unknown_term_error_pickles() -> None:
    error = UnknownTermError("region", "x", ("all",), "all")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)


scopes = st.builds(
    kt.Scope,
    outcome=st.sampled_from(TREES["outcome"].nodes[1:]),
    category=st.sampled_from(TREES["category"].nodes),
    party=st.sampled_from(TREES["party"].nodes),
    perpetrator=st.sampled_from(TREES["perpetrator"].nodes),
    region=st.sampled_from(TREES["region"].nodes),
)


@given(scopes)
def test_parse_str_round_trip_for_every_scope(scope: kt.Scope) -> None:
    assert kt.Scope.parse(str(scope)) == scope


@given(scopes, scopes)
def test_containment_is_antisymmetric_and_excludes_disjointness(a: kt.Scope, b: kt.Scope) -> None:
    if a.contains(b) and b.contains(a):
        assert a == b
    if a.contains(b):
        assert not a.disjoint(b)
    assert a.disjoint(b) == b.disjoint(a)


@given(scopes)
def test_every_ancestor_contains_the_scope(scope: kt.Scope) -> None:
    for ancestor in scope.ancestors():
        assert ancestor.contains(scope)
