"""Notebook display: compact HTML for claims, claim sets and resolutions.

Each object's ``_repr_html_`` calls one function here. The table shows what a reader scans
(figure, interval, scope, date, source); the provenance (outlet, document, quote, span, note;
for a resolution the claims and rules behind each bound, and any conflict) sits in a
``<details>`` element, one click away. All text is HTML-escaped.

This module imports only the standard library and pandas; it receives the objects to render.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from karabakh_tolls.claims import Claim
    from karabakh_tolls.resolution import Resolution

__all__ = ["claim_html", "claims_html", "resolution_html"]

_STYLE = (
    "<style>.kt-table td,.kt-table th{padding:2px 8px;text-align:left;vertical-align:top}"
    ".kt-table details summary{cursor:pointer;color:#555}</style>"
)
_DIMENSIONS = ("category", "party", "perpetrator", "region")


def _cell(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return html.escape(str(value))


def _details(summary: str, items: Iterable[tuple[str, object]]) -> str:
    rows = "".join(
        f"<tr><th>{html.escape(key)}</th><td>{_cell(value)}</td></tr>"
        for key, value in items
        if _cell(value)
    )
    if not rows:
        return ""
    return f"<details><summary>{html.escape(summary)}</summary><table>{rows}</table></details>"


def _scope_text(row: Any) -> str:
    parts = [str(row["outcome"])]
    if row["category"] != "all":
        parts.append(str(row["category"]))
    parts += [f"{d}={row[d]}" for d in _DIMENSIONS[1:] if row[d] != "all"]
    return "/".join(parts)


def claims_html(frame: pd.DataFrame, header: str, *, limit: int = 50) -> str:
    """A claim table (schema of :mod:`karabakh_tolls.frame`) as compact HTML.

    >>> import karabakh_tolls as kt
    >>> page = claims_html(kt.load_seed_claims().frame, "seed claims")
    >>> page.count("<details>")
    23
    """
    body = []
    for _, row in frame.head(limit).iterrows():
        high = "open" if row["high"] is pd.NA else row["high"]
        span = "" if row["span_start"] is pd.NA else f"{row['span_start']}-{row['span_end']}"
        provenance = _details(
            "provenance",
            (
                (
                    "source",
                    f"{row['source_name']} ({row['source_kind']}, {row['source_affiliation']})",
                ),
                ("via", row["via"]),
                ("outlet", row["outlet"]),
                ("document", row["document"]),
                ("published", row["published"]),
                ("quote", row["quote"]),
                ("span", span),
                ("kind", row["kind"]),
                ("since", row["since"]),
                ("event", row["event"]),
                ("coverage", row["coverage"]),
                ("note", row["note"]),
            ),
        )
        cells = (
            _cell(row["claim_id"]),
            _cell(row["figure"]),
            f"[{_cell(row['low'])}, {_cell(high)}]",
            html.escape(_scope_text(row)),
            _cell(row["as_of"]),
            _cell(row["source_name"]),
        )
        body.append(
            "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + f"<td>{provenance}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("id", "figure", "interval", "scope", "as of", "source", "provenance")
    )
    more = "" if len(frame) <= limit else f"<p>... {len(frame) - limit} more claim(s)</p>"
    return (
        f"{_STYLE}<div><p>{html.escape(header)}</p><table class='kt-table'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}</div>"
    )


def claim_html(claim: Claim) -> str:
    """One claim as a one-row table with its provenance one click away."""
    frame = pd.DataFrame([claim.to_record()])
    for column in ("high", "span_start", "span_end"):
        frame[column] = frame[column].astype("Int64")
    return claims_html(frame, str(claim))


def resolution_html(resolution: Resolution) -> str:
    """A resolution as a compact table; the support of each bound and any conflict in a
    ``<details>`` element.

    >>> import karabakh_tolls as kt
    >>> r = kt.reconcile(kt.load_seed_claims(), "killed/military/party=nagorno-karabakh",
    ...                  "2020-10-15")
    >>> page = resolution_html(r)
    >>> "[280, 1166]" in page, "c14" in page and "c18" in page, "<details>" in page
    (True, True, True)
    """
    high = "open" if resolution.high is None else str(resolution.high)
    summary = (
        ("scope", resolution.label),
        ("as of", str(resolution.as_of)),
        ("range", f"[{resolution.low}, {high}]"),
        ("status", resolution.status),
        ("spread", "" if resolution.spread is None else str(resolution.spread)),
    )
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in summary
    )
    low, up = resolution.low_support, resolution.high_support
    items: list[tuple[str, object]] = [
        ("low because", low.sentence),
        ("low rests on", ", ".join(low.claim_ids)),
        ("low rules", ", ".join(r.value for r in low.rules)),
        ("high because", up.sentence),
        ("high rests on", ", ".join(up.claim_ids)),
        ("high rules", ", ".join(r.value for r in up.rules)),
        ("claims about this scope and date", ", ".join(resolution.direct)),
        ("set aside", ", ".join(resolution.set_aside)),
        ("policy", resolution.policy),
    ]
    items += [(f"conflict ({c.reason})", c.message) for c in resolution.conflicts]
    provenance = _details("provenance", items)
    return f"{_STYLE}<div><table class='kt-table'>{rows}</table>{provenance}</div>"
