"""From article text to candidate claims: figures with scope, source, date and span.

:func:`extract` reads an English news text and returns a :class:`~karabakh_tolls.ClaimSet` of
*candidate* claims for a person to review: one row per casualty figure, with its interval read
by :meth:`Figure.parse <karabakh_tolls.figures.Figure.parse>`, its scope (outcome, category,
party, perpetrator, region), who says it, the date it holds, the exact quote and a confidence per
field. :func:`extract_debug` returns the same claims together with every numeric mention that was
*not* made a claim and the reason (an age, a calibre, a year, a count of strikes, the toll of
another event...).

Conventions
-----------
- ``quote`` is the whole sentence carrying the figure and ``span_start``/``span_end`` are its
  offsets in ``text`` (so ``text[span_start:span_end] == quote``); the figure phrase itself is at
  ``figure_start``/``figure_end`` (extra columns).
- ``confidence_figure``, ``confidence_scope``, ``confidence_source`` and ``confidence_date`` are
  floats in ``[0, 1]``: low values tell a reviewer what to check first. ``note`` says how each
  field was read.
- The rules and the cue words are data: ``data/extract_lexicon.toml``. No model, no network.
- Texts longer than :data:`MAX_CHARS` characters are refused with :class:`ExtractionError`.

>>> import karabakh_tolls as kt
>>> text = ("Authorities in Baku said on Tuesday that 27 Azerbaijani civilians have died. "
...         "The 300mm rockets flew 100 km.")
>>> claims = kt.extract(text, published="2020-10-06", document="d1")
>>> row = claims.to_frame().iloc[0]
>>> row["figure"], row["outcome"], row["category"], row["party"], row["source"]
('27', 'killed', 'civilian', 'azerbaijan', 'azerbaijani-authorities')
>>> sorted(extract_debug(text, "2020-10-06").rejected["reason"])
['calibre', 'distance']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import warnings
from dataclasses import dataclass
from typing import Any, Final, Literal, Protocol, overload

import pandas as pd

from karabakh_tolls.claims import as_date
from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import (
    ArgumentTypeError,
    ClaimError,
    KarabakhTollsError,
    KarabakhTollsWarning,
    WarError,
)
from karabakh_tolls.frame import COLUMNS
from karabakh_tolls.scopes import ROOT, ScopeTrees
from karabakh_tolls.sources import SourceKind
from karabakh_tolls.wars import War, default_war, load_war

from ._core import Candidate, Rejection, run
from ._extra import MissingExtraError, require_extra
from ._language import detect, language_name
from ._lexicon import LANGUAGES, lexicon
from ._review import Review, review

__all__ = [
    "DEFAULT_WAR",
    "LANGUAGES",
    "MAX_CHARS",
    "Extraction",
    "ExtractionError",
    "ExtractionWarning",
    "MissingExtraError",
    "Review",
    "WarLike",
    "extract",
    "extract_debug",
    "review",
]

MAX_CHARS: Final[int] = lexicon().max_chars
"""Largest text :func:`extract` reads (characters); longer texts raise :class:`ExtractionError`."""

CONFIDENCE_COLUMNS: Final = (
    "confidence_figure",
    "confidence_scope",
    "confidence_source",
    "confidence_date",
)
REJECTED_COLUMNS: Final = ("text", "start", "end", "reason", "detail", "sentence")


class ExtractionError(KarabakhTollsError, ValueError):
    """A text cannot be read at all (not text, too large); ``reason`` says which.

    >>> ExtractionError("too-large", "text has 6000000 characters; the limit is 5000000")
    ExtractionError('too-large', 'text has 6000000 characters; the limit is 5000000')
    """

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(reason, detail)

    def __str__(self) -> str:
        return f"cannot extract claims ({self.reason}): {self.detail}"


class ExtractionWarning(KarabakhTollsWarning):
    """The text is not in a language the extractor reads well (or at all).

    ``language`` is the detected code (``"ru"``, ``"hy"``...), ``supported`` whether a lexicon
    for it is bundled (then figures were read with it).

    >>> w = ExtractionWarning("hy", supported=False)
    >>> str(w).startswith("the text looks Armenian (hy), and no lexicon for it is bundled")
    True
    """

    def __init__(self, language: str, *, supported: bool) -> None:
        self.language = language
        self.supported = supported
        super().__init__(language, supported)

    def __str__(self) -> str:
        name = language_name(self.language)
        if self.supported:
            return (
                f"the text looks {name} ({self.language}): read with the bundled {name} "
                "lexicon, which knows fewer phrasings than the English one; review every claim"
            )
        return (
            f"the text looks {name} ({self.language}), and no lexicon for it is bundled: no "
            f"claims can be read from it (translate it, or add "
            f"data/extract_lexicon_{self.language}.toml)"
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result of :func:`extract_debug`: candidate claims and the refused numbers.

    ``claims`` is a validated :class:`~karabakh_tolls.ClaimSet`; :attr:`rejected` is a table
    with one row per numeric mention that is not a claim (columns ``text, start, end, reason,
    detail, sentence``).
    """

    claims: ClaimSet
    _rejected: pd.DataFrame
    language: str = "en"
    """Code of the language the text was read as (``"en"``, ``"ru"``...)."""

    @property
    def rejected(self) -> pd.DataFrame:
        """A copy of the table of refused mentions, in text order."""
        return self._rejected.copy()

    def __repr__(self) -> str:
        return f"<Extraction: {len(self.claims)} claim(s), {len(self._rejected)} rejected>"


def _check_text(text: object) -> str:
    if isinstance(text, bytes | bytearray | memoryview):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ExtractionError(
                "not-text", f"the bytes are not UTF-8 text (byte {error.start})"
            ) from None
    if not isinstance(text, str):
        raise ArgumentTypeError.of("text", "a str", text)
    if len(text) > MAX_CHARS:
        raise ExtractionError(
            "too-large",
            f"text has {len(text)} characters; the limit is {MAX_CHARS} "
            "(split the document and extract each part)",
        )
    if "\x00" in text:
        raise ExtractionError("not-text", "the text contains NUL characters (binary data?)")
    return text


class WarLike(Protocol):
    """What :func:`extract` reads of a war: its id, its first day and its scope trees."""

    @property
    def id(self) -> str: ...

    @property
    def start(self) -> dt.date: ...

    @property
    def trees(self) -> ScopeTrees: ...


DEFAULT_WAR: Final = "karabakh-2020"  # the id of default_war()
"""Id of the bundled war that :func:`extract` assumes when given none."""


def _war_start(war: War | WarLike | str | None) -> War:
    """The war of an extraction: a War, a bundled war id, another war-like object, or None."""
    if war is None:
        return default_war()
    if isinstance(war, War):
        return war
    if isinstance(war, str):
        try:
            return load_war(war)
        except WarError as error:
            raise ExtractionError("unknown-war", str(error)) from None
    try:
        ident, start, trees = str(war.id), war.start, war.trees
        name = str(getattr(war, "name", ident))
    except AttributeError as error:
        raise ExtractionError(
            "bad-war", f"war must have .id, .start and .trees ({error})"
        ) from None
    if not isinstance(trees, ScopeTrees):
        raise ExtractionError("bad-war", f"war {ident!r}: .trees is not a ScopeTrees")
    try:
        return War(ident, name, start=_date(start, "war start"), trees=trees)
    except WarError as error:
        raise ExtractionError("bad-war", str(error)) from None


def _date(value: object, name: str) -> dt.date:
    try:
        return as_date(value, name)
    except ClaimError as error:
        raise ExtractionError("bad-date", str(error)) from None


def _language(text: str, given: str | None) -> str:
    if given is not None:
        code = str(given).strip().lower()
        if not code:
            raise ExtractionError("bad-language", "language must be a code such as 'en'")
        return code
    return detect(text) or "en"


QUOTE_WINDOW: Final = 300
"""A sentence longer than ``4 * QUOTE_WINDOW`` characters is quoted from this many characters
before its figure to this many after (so that output stays linear in the text's length)."""


def _window(start: int, end: int, figure_start: int, figure_end: int) -> tuple[int, int]:
    if end - start <= 4 * QUOTE_WINDOW:
        return start, end
    return max(start, figure_start - QUOTE_WINDOW), min(end, figure_end + QUOTE_WINDOW)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without blanks at either end (quotes are stored stripped)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _record(
    c: Candidate, number: int, document: str, outlet: str | None, published: dt.date, war: str
) -> dict[str, Any]:
    sentence = c.sentence
    if c.source is not None:
        source_id, name = c.source.id, c.source.name
        kind, affiliation = c.source.kind.value, c.source.affiliation
    else:
        source_id = outlet or "unattributed"
        name = outlet or "unattributed (the document's own statement)"
        kind = SourceKind.MEDIA.value if outlet else SourceKind.OTHER.value
        affiliation = "independent"
    return {
        "claim_id": f"{document}-x{number:02d}",
        "figure": c.figure.text or c.phrase,
        "low": c.figure.low,
        "high": c.figure.high,
        "hedge": c.figure.hedge.value,
        "outcome": c.outcome,
        "category": c.category,
        "party": c.party,
        "perpetrator": c.perpetrator,
        "region": c.region,
        "kind": c.kind,
        "since": c.since,
        "as_of": c.as_of,
        "event": c.event,
        "coverage": c.coverage,
        "source": source_id,
        "source_name": name,
        "source_kind": kind,
        "source_affiliation": affiliation,
        "via": c.via,
        "outlet": outlet,
        "document": document,
        "published": published,
        "quote": None,
        "span_start": _window(sentence.start, sentence.end, c.start, c.end)[0],
        "span_end": _window(sentence.start, sentence.end, c.start, c.end)[1],
        "note": "; ".join(c.notes),
        "figure_start": c.start,
        "figure_end": c.end,
        "war": war,
        **{f"confidence_{k}": float(v) for k, v in c.confidence.items()},
    }


# "attacks ... on Thursday night and Friday left at least 71 dead" in a war whose first day is
# that Friday (the attacks began about 1 a.m.): a night crosses midnight, and dates are days
_NIGHT = re.compile(r"\b(?:night|overnight)\b", re.I)


def _inside_war(
    candidates: list[Candidate], war: War, text: str
) -> tuple[list[Candidate], list[Rejection]]:
    """Candidates whose counted days lie in the war, and a rejection for each other one: a count
    that starts before the war ("since 2014" in a war of 2022) or only after its end. A count
    that starts on the day before the war's first day, in a sentence that tells of a night ("on
    Thursday night and Friday"), starts on the war's first day (and is held there when it was
    held on that eve), with a note and the day's confidence lowered: the night of the war's first
    hours crosses midnight."""
    kept: list[Candidate] = []
    out: list[Rejection] = []
    eve = war.start - dt.timedelta(days=1)
    for c in candidates:
        if c.since == eve and _NIGHT.search(text, c.sentence.start, c.sentence.end):
            c.since = war.start
            if c.as_of == eve:
                c.as_of = war.start
            c.notes.append(
                f"date: the night before {war.id}'s first day read as that day ({war.start})"
            )
            c.confidence["date"] = round(min(c.confidence.get("date", 0.9), 0.6), 2)
        if c.since < war.start:
            why = f"the count starts {c.since}, before the start of {war.id} ({war.start})"
        elif war.end is not None and c.since > war.end:
            why = f"the count starts {c.since}, after the end of {war.id} ({war.end})"
        else:
            kept.append(c)
            continue
        out.append(Rejection(c.start, c.end, c.phrase, "outside-war", why, c.sentence))
    return kept, out


def _rejected_frame(text: str, rejected: list[Rejection]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": pd.Series([r.text for r in rejected], dtype="string"),
            "start": pd.Series([r.start for r in rejected], dtype="int64"),
            "end": pd.Series([r.end for r in rejected], dtype="int64"),
            "reason": pd.Series([r.reason for r in rejected], dtype="string"),
            "detail": pd.Series([r.detail for r in rejected], dtype="string"),
            "sentence": pd.Series(
                [
                    text[slice(*_window(r.sentence.start, r.sentence.end, r.start, r.end))]
                    for r in rejected
                ],
                dtype="string",
            ),
        }
    )


def extract_debug(
    text: str | bytes,
    published: str | dt.date,
    document: str = "doc",
    *,
    outlet: str | None = None,
    trees: ScopeTrees | None = None,
    war: War | WarLike | str | None = None,
    language: str | None = None,
) -> Extraction:
    """Extract candidate claims and keep every refused numeric mention with its reason.

    Parameters are those of :func:`extract`. The claims are the same as ``extract`` returns;
    :attr:`Extraction.rejected` lists each number of the text that is not a claim.

    >>> result = extract_debug("Hundreds of radicals arrived in 2020.", "2020-10-06")
    >>> len(result.claims), list(result.rejected["reason"])
    (0, ['fighters', 'year'])
    """
    require_extra()
    body = _check_text(text)
    day = _date(published, "published")
    doc = str(document).strip() or "doc"
    the_war = _war_start(war)
    if trees is not None and trees is not the_war.trees:
        the_war = dataclasses.replace(the_war, trees=trees)
    war_id, war_start, chosen = the_war.id, the_war.start, the_war.trees
    outlet_id = outlet.strip() if outlet is not None and outlet.strip() else None
    if not body.strip():
        return Extraction(ClaimSet(wars=[the_war], trees=chosen), _rejected_frame(body, []))
    code = _language(body, language)
    if code not in LANGUAGES:
        warnings.warn(ExtractionWarning(code, supported=False), stacklevel=3)
        return Extraction(ClaimSet(wars=[the_war], trees=chosen), _rejected_frame(body, []), code)
    if code != "en":
        warnings.warn(ExtractionWarning(code, supported=True), stacklevel=3)
    candidates, rejected = run(body, day, outlet_id, chosen, war_start, code)
    candidates, outside = _inside_war(candidates, the_war, body)
    rejected = sorted([*rejected, *outside], key=lambda r: r.start)
    records = [
        _record(c, i, doc, outlet_id, day, war_id) for i, c in enumerate(candidates, start=1)
    ]
    party_tree = chosen["party"]
    for record in records:
        record["span_start"], record["span_end"] = _trim(
            body, record["span_start"], record["span_end"]
        )
        record["quote"] = body[record["span_start"] : record["span_end"]]
        affiliation = record["source_affiliation"]
        if affiliation != "independent" and affiliation not in party_tree:
            record["source_affiliation"] = ROOT
            record["note"] += (
                f"; source affiliation {affiliation!r} is not in this war's party tree"
            )
    if records:
        frame = pd.DataFrame.from_records(
            records,
            columns=[
                *COLUMNS,
                *(["war"] if "war" not in COLUMNS else []),
                "figure_start",
                "figure_end",
                *CONFIDENCE_COLUMNS,
            ],
        )
        claims = ClaimSet.from_frame(frame, wars=[the_war], trees=chosen)
    else:
        claims = ClaimSet(wars=[the_war], trees=chosen)
    return Extraction(claims, _rejected_frame(body, rejected), code)


@overload
def extract(
    text: str | bytes,
    published: str | dt.date,
    document: str = ...,
    *,
    outlet: str | None = ...,
    trees: ScopeTrees | None = ...,
    war: War | WarLike | str | None = ...,
    debug: Literal[False] = ...,
) -> ClaimSet: ...


@overload
def extract(
    text: str | bytes,
    published: str | dt.date,
    document: str = ...,
    *,
    outlet: str | None = ...,
    trees: ScopeTrees | None = ...,
    war: War | WarLike | str | None = ...,
    debug: Literal[True],
) -> Extraction: ...


def extract(
    text: str | bytes,
    published: str | dt.date,
    document: str = "doc",
    *,
    outlet: str | None = None,
    trees: ScopeTrees | None = None,
    war: War | WarLike | str | None = None,
    debug: bool = False,
) -> ClaimSet | Extraction:
    """Read an English article and return its casualty figures as candidate claims.

    Parameters
    ----------
    text:
        The article (``str``, or UTF-8 ``bytes``). At most :data:`MAX_CHARS` characters.
    published:
        Publication date (ISO string or ``datetime.date``): weekday and month-day phrases are
        resolved against it, and undated statements hold on it.
    document:
        Id of the document; claim ids are ``"<document>-x01"``, ``"<document>-x02"``...
    outlet:
        Publisher id; it is the ``outlet`` of every claim and the source of unattributed
        statements.
    trees:
        Scope trees (default: the bundled trees of the 2020 war); the gazetteer of ``region``
        is read from them.
    debug:
        With ``True``, return an :class:`Extraction` (claims plus refused mentions) instead.

    Returns
    -------
    ClaimSet
        Candidate claims in text order, validated, with extra columns ``figure_start``,
        ``figure_end`` and ``confidence_*``. Empty text gives an empty set.

    Raises
    ------
    ExtractionError
        Bytes that are not UTF-8, text with NUL characters (binary data), text above
        :data:`MAX_CHARS` characters, or a bad ``published`` date.

    Examples
    --------
    >>> import karabakh_tolls as kt
    >>> text = ("According to Beglarian, 19 Karabakh civilians have been killed "
    ...         "and 80 others wounded.")
    >>> frame = kt.extract(text, published="2020-10-06", document="001").to_frame()
    >>> print(frame[["claim_id", "figure", "outcome", "party", "source"]].to_string(index=False))
    claim_id figure outcome            party             source
     001-x01     19  killed nagorno-karabakh karabakh-ombudsman
     001-x02     80 wounded nagorno-karabakh karabakh-ombudsman
    """
    result = extract_debug(text, published, document, outlet=outlet, trees=trees, war=war)
    return result if debug else result.claims
