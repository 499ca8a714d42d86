"""PROV-JSON export: structure checked against the PROV-JSON shape, every reference resolves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import karabakh_tolls as kt

# PROV-JSON (W3C Member Submission 2013): top-level keys and, per relation, its required and
# allowed attribute keys.
RELATIONS: dict[str, tuple[set[str], set[str]]] = {
    "wasAttributedTo": ({"prov:entity", "prov:agent"}, set()),
    "wasDerivedFrom": (
        {"prov:generatedEntity", "prov:usedEntity"},
        {"prov:activity", "prov:generation", "prov:usage", "prov:type"},
    ),
    "wasGeneratedBy": ({"prov:entity"}, {"prov:activity", "prov:time"}),
    "used": ({"prov:activity"}, {"prov:entity", "prov:time"}),
    "wasAssociatedWith": ({"prov:activity"}, {"prov:agent", "prov:plan"}),
    "wasInfluencedBy": ({"prov:influencee", "prov:influencer"}, set()),
}
NODES = {"entity", "agent", "activity"}


def check_prov_json(doc: dict[str, Any]) -> None:
    assert set(doc) <= {"prefix", *NODES, *RELATIONS}
    prefixes = set(doc["prefix"]) | {"prov", "xsd"}
    ids: dict[str, str] = {}
    for kind in NODES:
        for ident, attrs in doc.get(kind, {}).items():
            assert ident.split(":", 1)[0] in prefixes, ident
            assert ident not in ids, f"{ident} is both {ids[ident]} and {kind}"
            ids[ident] = kind
            for key, value in attrs.items():
                assert key.split(":", 1)[0] in prefixes, key
                if isinstance(value, dict):
                    assert set(value) == {"$", "type"}, value
    targets = {
        "prov:entity": "entity",
        "prov:agent": "agent",
        "prov:activity": "activity",
        "prov:generatedEntity": "entity",
        "prov:usedEntity": "entity",
        "prov:influencee": None,
        "prov:influencer": None,
    }
    for relation, (required, allowed) in RELATIONS.items():
        for ident, record in doc.get(relation, {}).items():
            assert ident.startswith("_:"), ident
            assert required <= set(record) <= required | allowed, (relation, record)
            for key, value in record.items():
                if key in targets and key != "prov:type":
                    assert value in ids, f"{relation} {ident}: {value} is not declared"
                    if targets[key] is not None:
                        assert ids[value] == targets[key], (relation, key, value)


def test_seed_claims_export() -> None:
    claims = kt.load_seed_claims()
    doc = kt.to_prov_json(claims)
    check_prov_json(doc)
    claim_entities = [e for e, a in doc["entity"].items() if a["prov:type"]["$"] == "kt:Claim"]
    assert len(claim_entities) == len(claims) == 23
    documents = [e for e, a in doc["entity"].items() if a["prov:type"]["$"] == "kt:Document"]
    assert sorted(documents) == [f"doc:00{i}" for i in range(5)]
    assert len(doc["wasAttributedTo"]) == 23
    agents = {a for a in doc["agent"] if a.startswith("src:")}
    assert {c.source.id for c in claims} <= {a.removeprefix("src:") for a in agents}
    c05 = doc["wasInfluencedBy"]["_:via-c05"]
    assert c05 == {"prov:influencee": "claim:c05", "prov:influencer": "src:amnesty-international"}
    assert doc["entity"]["claim:c08"]["kt:low"] == 6001
    assert "kt:high" not in doc["entity"]["claim:c08"]


def test_resolutions_are_derived_from_their_support() -> None:
    claims = kt.load_seed_claims()
    resolutions = [
        kt.reconcile(claims, "killed/military/party=nagorno-karabakh", "2020-10-15"),
        kt.reconcile(claims, "killed/civilian", "2020-10-06"),
    ]
    doc = kt.to_prov_json(claims, resolutions)
    check_prov_json(doc)
    for number, r in enumerate(resolutions):
        res = [
            e
            for e, a in doc["entity"].items()
            if a["prov:type"]["$"] == "kt:Resolution" and a["kt:scope"] == str(r.scope)
        ]
        assert len(res) == 1
        derived = {
            d["prov:usedEntity"]
            for d in doc["wasDerivedFrom"].values()
            if d["prov:generatedEntity"] == res[0]
        }
        support = set(r.low_support.claim_ids) | set(r.high_support.claim_ids)
        assert derived == {f"claim:{c}" for c in support}
        assert doc["wasGeneratedBy"][f"_:gen-{number}"]["prov:entity"] == res[0]
    assert {"claim:c14", "claim:c18"} <= {
        d["prov:usedEntity"]
        for d in doc["wasDerivedFrom"].values()
        if d["prov:generatedEntity"].startswith("res:")
    }


def test_missing_supporting_claim_is_refused() -> None:
    claims = kt.load_seed_claims()
    r = kt.reconcile(claims, "killed/military/party=nagorno-karabakh", "2020-10-29")
    with pytest.raises(ValueError, match="c18"):
        kt.to_prov_json(claims.filter(source="amnesty-international"), [r])


def test_write_prov_is_json(tmp_path: Path) -> None:
    path = tmp_path / "seed.prov.json"
    kt.write_prov(path, kt.load_seed_claims())
    check_prov_json(json.loads(path.read_text(encoding="utf-8")))


def test_imported_claims_export(tmp_path: Path) -> None:
    data = Path(__file__).parent / "data" / "real" / "csa81_nagorno_karabakh_wars.json"
    check_prov_json(kt.to_prov_json(kt.from_source_ranges(data)))
