"""Provenance export: claims and resolutions as a W3C PROV-JSON document.

The mapping (PROV-DM terms in brackets):

* each document a claim was read from → an entity ``doc:<id>`` (type ``kt:Document``, with its
  outlet and publication date);
* each source and each intermediary (``via``) → an agent ``src:<id>`` (``prov:Organization``,
  or ``prov:Person`` for an individual), with its name, kind and affiliation;
* each claim → an entity ``claim:<id>`` (type ``kt:Claim``: figure, interval, scope, dates,
  quote) that ``wasAttributedTo`` its source, ``wasDerivedFrom`` its document (a
  ``prov:Quotation`` when a quote is recorded) and ``wasInfluencedBy`` its intermediary;
* each resolution → an entity ``res:<scope>@<date>`` (type ``kt:Resolution``: range, status,
  explanation) ``wasGeneratedBy`` a ``kt:Reconciliation`` activity that ``used`` the claims
  supporting its bounds, ``wasAssociatedWith`` the software agent ``kt:karabakh_tolls``, and
  ``wasDerivedFrom`` each supporting claim.

The output follows the PROV-JSON serialisation (W3C Member Submission, 2013): a top-level
object keyed by ``prefix``, ``entity``, ``agent``, ``activity`` and the relation names, each
relation record keyed by a blank-node id. No third-party PROV library is needed.

This module imports only the standard library and the package's ``claims``, ``errors`` and
``resolution``.

Examples
--------
>>> import karabakh_tolls as kt
>>> doc = to_prov_json(kt.load_seed_claims())
>>> sorted(doc)[:4]
['activity', 'agent', 'entity', 'prefix']
>>> doc["wasAttributedTo"]["_:attr-c14"]
{'prov:entity': 'claim:c14', 'prov:agent': 'src:nk-defense-ministry'}
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from karabakh_tolls.claims import Claim
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimError,
    ClaimFileAccessError,
    ClaimFileNotFoundError,
    Reason,
)
from karabakh_tolls.resolution import Resolution

__all__ = ["KT_NAMESPACE", "to_prov_json", "write_prov"]

KT_NAMESPACE = "https://karabakh-tolls.readthedocs.io/ns#"
"""Namespace of the ``kt:`` terms (types and attributes) used in the export."""

_LOCAL = re.compile(r"[^0-9A-Za-z_.-]+")


def _local(text: str) -> str:
    """A PROV qualified-name local part: letters, digits, '_', '.', '-' only."""
    return _LOCAL.sub("_", text).strip("_") or "_"


def _qname(name: str) -> dict[str, str]:
    return {"$": name, "type": "prov:QUALIFIED_NAME"}


def _date(day: dt.date) -> dict[str, str]:
    return {"$": day.isoformat(), "type": "xsd:date"}


def _resolution_id(resolution: Resolution) -> str:
    return f"res:{_local(str(resolution.scope))}_{resolution.as_of.isoformat()}"


def _claim_entity(claim: Claim) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "prov:type": _qname("kt:Claim"),
        "prov:label": str(claim),
        "kt:figure": claim.figure.text or str(claim.figure),
        "kt:low": claim.low,
        "kt:scope": str(claim.scope),
        "kt:kind": claim.kind.value,
        "kt:coverage": claim.coverage.value,
        "kt:since": _date(claim.since),
        "kt:as_of": _date(claim.as_of),
        "kt:hedge": claim.figure.hedge.value,
    }
    if claim.high is not None:
        attributes["kt:high"] = claim.high
    optional = {"kt:event": claim.event, "kt:quote": claim.quote, "kt:note": claim.note}
    attributes.update({key: value for key, value in optional.items() if value})
    if claim.span is not None:
        attributes["kt:span_start"], attributes["kt:span_end"] = claim.span
    return attributes


def to_prov_json(
    claims: ClaimSet | Iterable[Claim], resolutions: Iterable[Resolution] = ()
) -> dict[str, Any]:
    """The claims (and resolutions derived from them) as a PROV-JSON document (a dict).

    Parameters
    ----------
    claims:
        The claims to export.
    resolutions:
        Resolutions computed from these claims; each becomes an entity derived from the claims
        that support its bounds. A supporting claim missing from ``claims`` raises
        :class:`~karabakh_tolls.errors.ClaimError` (a ``ValueError``) naming it, so that the
        document never points at nothing; values that are not claims or resolutions raise
        :class:`~karabakh_tolls.errors.ArgumentTypeError`.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> claims = kt.load_seed_claims()
    >>> r = kt.reconcile(claims, "killed/military/party=nagorno-karabakh", "2020-10-29")
    >>> doc = to_prov_json(claims, [r])
    >>> derived = [d["prov:usedEntity"] for d in doc["wasDerivedFrom"].values()
    ...            if d["prov:generatedEntity"].startswith("res:")]
    >>> derived
    ['claim:c18']
    """
    entities: dict[str, dict[str, Any]] = {}
    agents: dict[str, dict[str, Any]] = {
        "kt:karabakh_tolls": {
            "prov:type": _qname("prov:SoftwareAgent"),
            "prov:label": "karabakh_tolls",
        }
    }
    activities: dict[str, dict[str, Any]] = {}
    relations: dict[str, dict[str, dict[str, Any]]] = {
        name: {}
        for name in (
            "wasAttributedTo",
            "wasDerivedFrom",
            "wasInfluencedBy",
            "wasGeneratedBy",
            "used",
            "wasAssociatedWith",
        )
    }
    known: set[str] = set()
    claims = _items("claims", claims, Claim, "a ClaimSet or an iterable of Claim")
    resolutions = _items("resolutions", resolutions, Resolution, "an iterable of Resolution")
    for claim in claims:
        claim_id = f"claim:{_local(claim.id)}"
        known.add(claim.id)
        entities[claim_id] = _claim_entity(claim)
        source_id = f"src:{_local(claim.source.id)}"
        agents.setdefault(
            source_id,
            {
                "prov:type": _qname(
                    "prov:Person"
                    if claim.source.kind.value == "individual"
                    else "prov:Organization"
                ),
                "prov:label": claim.source.name,
                "kt:kind": claim.source.kind.value,
                "kt:affiliation": claim.source.affiliation,
            },
        )
        relations["wasAttributedTo"][f"_:attr-{_local(claim.id)}"] = {
            "prov:entity": claim_id,
            "prov:agent": source_id,
        }
        document = claim.document or claim.outlet
        if document:
            doc_id = f"doc:{_local(document)}"
            doc = entities.setdefault(
                doc_id, {"prov:type": _qname("kt:Document"), "prov:label": document}
            )
            if claim.outlet:
                doc.setdefault("kt:outlet", claim.outlet)
            if claim.published is not None:
                doc.setdefault("kt:published", _date(claim.published))
            derivation: dict[str, Any] = {
                "prov:generatedEntity": claim_id,
                "prov:usedEntity": doc_id,
            }
            if claim.quote:
                derivation["prov:type"] = _qname("prov:Quotation")
            relations["wasDerivedFrom"][f"_:from-{_local(claim.id)}"] = derivation
        if claim.via:
            via_id = f"src:{_local(claim.via)}"
            agents.setdefault(via_id, {"prov:type": _qname("prov:Agent"), "prov:label": claim.via})
            relations["wasInfluencedBy"][f"_:via-{_local(claim.id)}"] = {
                "prov:influencee": claim_id,
                "prov:influencer": via_id,
            }
    for number, resolution in enumerate(resolutions):
        res_id = _resolution_id(resolution)
        activity_id = f"kt:reconcile-{number}"
        supporting = dict.fromkeys(
            [*resolution.low_support.claim_ids, *resolution.high_support.claim_ids]
        )
        missing = [cid for cid in supporting if cid not in known]
        if missing:
            raise ClaimError(
                f"resolution {resolution} rests on claim(s) {missing} that are not among the "
                "exported claims",
                field="resolutions",
                claim_id=missing[0],
            )
        entity: dict[str, Any] = {
            "prov:type": _qname("kt:Resolution"),
            "prov:label": str(resolution),
            "kt:scope": str(resolution.scope),
            "kt:as_of": _date(resolution.as_of),
            "kt:low": resolution.low,
            "kt:status": resolution.status,
            "kt:explanation": resolution.explain(),
        }
        if resolution.high is not None:
            entity["kt:high"] = resolution.high
        if resolution.set_aside:
            entity["kt:set_aside"] = ", ".join(resolution.set_aside)
        entities[res_id] = entity
        activities[activity_id] = {
            "prov:type": _qname("kt:Reconciliation"),
            "prov:label": f"reconcile {resolution.scope} on {resolution.as_of}",
        }
        relations["wasGeneratedBy"][f"_:gen-{number}"] = {
            "prov:entity": res_id,
            "prov:activity": activity_id,
        }
        relations["wasAssociatedWith"][f"_:assoc-{number}"] = {
            "prov:activity": activity_id,
            "prov:agent": "kt:karabakh_tolls",
        }
        for claim_id in supporting:
            local = _local(claim_id)
            relations["used"][f"_:use-{number}-{local}"] = {
                "prov:activity": activity_id,
                "prov:entity": f"claim:{local}",
            }
            relations["wasDerivedFrom"][f"_:derive-{number}-{local}"] = {
                "prov:generatedEntity": res_id,
                "prov:usedEntity": f"claim:{local}",
                "prov:activity": activity_id,
            }
    document_out: dict[str, Any] = {
        "prefix": {
            "kt": KT_NAMESPACE,
            "claim": KT_NAMESPACE + "claim/",
            "src": KT_NAMESPACE + "source/",
            "doc": KT_NAMESPACE + "document/",
            "res": KT_NAMESPACE + "resolution/",
        },
        "entity": entities,
        "agent": agents,
        "activity": activities,
    }
    document_out.update({name: records for name, records in relations.items() if records})
    return document_out


def write_prov(
    path: str | os.PathLike[str],
    claims: ClaimSet | Iterable[Claim],
    resolutions: Iterable[Resolution] = (),
) -> None:
    """Write :func:`to_prov_json` to ``path`` as UTF-8 JSON (indented, keys in order).

    Examples
    --------
    >>> import tempfile, pathlib, karabakh_tolls as kt
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "prov.json"
    ...     write_prov(path, kt.load_seed_claims()[:2])
    ...     path.read_text(encoding="utf-8").count("kt:Claim")
    2
    """
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError.of("path", "a str or os.PathLike path", path)
    document = to_prov_json(claims, resolutions)
    try:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    except OSError as error:
        kind = (
            ClaimFileNotFoundError if isinstance(error, FileNotFoundError) else ClaimFileAccessError
        )
        raise kind(
            path,
            Reason.UNWRITABLE,
            str(error.strerror or error),
            errno=error.errno,
            action="write",
        ) from None


def _items(name: str, values: object, kind: type[Any], expected: str) -> list[Any]:
    """``values`` as a list of ``kind``; anything else is an ArgumentTypeError naming it."""
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise ArgumentTypeError.of(name, expected, values)
    items = list(values)
    for item in items:
        if not isinstance(item, kind):
            raise ArgumentTypeError.of(f"each of {name}", f"a {kind.__name__}", item)
    return items
