"""Plain words for results: the sentence a journalist can quote, and the names of things.

Everything here turns values into English for readers who never see a scope path or a rule
name: :func:`describe` says what a scope counts ("civilians from Azerbaijan killed by the
Armenian side"), :func:`title` gives a chart title ("Civilians killed, all parties"),
:func:`sentence` writes one quotable sentence for a range with the sources of each bound, and
:data:`RULES` explains each reasoning rule in a line. The functions take plain values (numbers,
dates, scope terms, source names), so that a :class:`~karabakh_tolls.resolution.Resolution`, a
row of :func:`~karabakh_tolls.reconcile.reconcile_all` or a chart can all use them.

Tree terms become words by a fixed, documented rule, because trees are data and this module
knows no war: ``x-side`` reads "the X side", ``other`` "other parties", ``unknown`` "of unknown
status"; any other term is capitalised part by part ("nagorno-karabakh" reads
"Nagorno-Karabakh", "ganja" "Ganja").

This module imports only the standard library, ``errors`` and ``scopes``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Final

from karabakh_tolls.errors import KarabakhTollsError
from karabakh_tolls.scopes import ROOT, Scope, default_trees

__all__ = [
    "RULES",
    "derivation",
    "describe",
    "format_count",
    "format_date",
    "join_names",
    "rule_words",
    "sentence",
    "source_phrase",
    "term_words",
    "title",
]

#: Each reasoning rule in plain words, keyed by its name (the values of
#: :class:`~karabakh_tolls.resolution.Rule`), in the order a legend lists them.
RULES: Final[dict[str, str]] = {
    "claim": "a source's own figure for exactly this count and date",
    "subscope": "a part never exceeds its whole (civilians never outnumber all the dead)",
    "disjoint-sum": "parts that cannot overlap add up: the whole is at least their sum",
    "exhaustive": "where the parts make up the whole, the whole is their sum, so one part is "
    "the whole minus the others",
    "monotone": "tolls of the dead, wounded and missing never fall: a later total caps an "
    "earlier one",
    "incident": "the toll of one attack is part of every running total that covers its place, "
    "party and date",
    "partial": "a figure that covers only part of the count (some strikes, some towns) is a "
    "floor, not the total",
    "increment": 'a figure for new deaths ("40 more") links the totals of two dates',
}

_NOUNS: Final = {
    ROOT: ("people", "person"),
    "civilian": ("civilians", "civilian"),
    "military": ("soldiers", "soldier"),
    "unknown": ("people of unknown status", "person of unknown status"),
}
_PARTICIPLES: Final = {
    "killed": "killed",
    "wounded": "wounded",
    "missing": "missing",
    "captured": "captured",
    "displaced": "displaced",
    ROOT: "killed, wounded, missing, captured or displaced",
}
_VERB_PHRASES: Final = {  # what follows "were" / "was"
    "missing": "reported missing",
    ROOT: "killed, wounded, missing, captured or displaced",
}
_BY_PERPETRATOR: Final = {"killed", "wounded", "captured", "displaced"}
_FALLBACK_CUMULATIVE: Final = frozenset({"killed", "wounded", "missing"})
_IDENTIFIER: Final = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)+")
"""A source id used as its name ("defence-ministry"): no article."""
_INSTITUTIONS: Final = re.compile(
    r"\b(government|ministry|authorities|office|commission|commissioner|committee|ombudsman|"
    r"army|forces|service|council|department|prosecutor|presidency|administration)\b",
    re.IGNORECASE,
)


def term_words(term: str, dimension: str = "party") -> str:
    """A tree term as words: ``armenian-side`` -> "the Armenian side", ``ganja`` -> "Ganja".

    Examples
    --------
    >>> term_words("armenian-side"), term_words("nagorno-karabakh"), term_words("other")
    ('the Armenian side', 'Nagorno-Karabakh', 'other parties')
    """
    if term == ROOT:
        return "all parties" if dimension in ("party", "perpetrator") else "everywhere"
    if term == "other" and dimension in ("party", "perpetrator"):
        return "other parties"
    if term.endswith("-side"):
        return f"the {_capitalise(term.removesuffix('-side'))} side"
    return _capitalise(term)


def _capitalise(term: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in term.split("-"))


def describe(scope: Scope, *, plural: bool = True, outcome: bool = True, tail: bool = True) -> str:
    """What a scope counts, as a noun phrase.

    ``outcome=False`` leaves out the participle ("killed"), ``tail=False`` the perpetrator and
    the region, for a sentence that puts them after its verb.

    Examples
    --------
    >>> describe(Scope("killed", "civilian", party="azerbaijan", perpetrator="armenian-side",
    ...                region="azerbaijan"))
    'civilians from Azerbaijan killed by the Armenian side in Azerbaijan'
    >>> describe(Scope("wounded", party="armenian-side"), plural=False)
    'person on the Armenian side wounded'
    """
    words = [_noun(scope.category, plural)]
    words.extend(_party_phrase(scope.party))
    if outcome:
        words.append(_PARTICIPLES.get(scope.outcome, scope.outcome))
    if tail:
        words.extend(_tail(scope))
    return " ".join(w for w in words if w)


def _noun(category: str, plural: bool) -> str:
    forms = _NOUNS.get(category)
    if forms is None:
        return f"{'people' if plural else 'person'} ({term_words(category, 'category')})"
    return forms[0] if plural else forms[1]


def _party_phrase(party: str) -> list[str]:
    if party == ROOT:
        return []
    words = term_words(party, "party")
    return [f"on {words}" if party.endswith("-side") else f"from {words}"]


def _tail(scope: Scope) -> list[str]:
    out = []
    if scope.perpetrator != ROOT:
        word = "by" if scope.outcome in _BY_PERPETRATOR else "attributed to"
        out.append(f"{word} {term_words(scope.perpetrator, 'perpetrator')}")
    if scope.region != ROOT:
        out.append(f"in {term_words(scope.region, 'region')}")
    return out


def title(scope: Scope) -> str:
    """A chart title for a scope: "Civilians killed, all parties".

    Examples
    --------
    >>> title(Scope("killed", "civilian"))
    'Civilians killed, all parties'
    >>> title(Scope("killed", "military", party="nagorno-karabakh"))
    'Soldiers killed, Nagorno-Karabakh'
    """
    head = f"{_noun(scope.category, True)} {_PARTICIPLES.get(scope.outcome, scope.outcome)}"
    parts = [head[:1].upper() + head[1:], term_words(scope.party, "party")]
    return ", ".join([*parts, *_tail(scope)])


def format_count(n: int) -> str:
    """A count with thousands separators: 6001 -> "6,001"."""
    return f"{n:,}"


def format_date(day: dt.date) -> str:
    """A date as people write it: "6 October 2020"."""
    return f"{day.day} {day:%B %Y}"


def source_phrase(name: str) -> str:
    """A source name as it reads after "according to".

    A name of the form "Person, role" becomes "Person (role)" so that a list of sources stays
    readable; a name of an institution (government, ministry, authorities, office...) that does
    not start with "the" gets one.

    Examples
    --------
    >>> source_phrase("Artak Beglaryan, Nagorno-Karabakh human rights ombudsman")
    'Artak Beglaryan (Nagorno-Karabakh human rights ombudsman)'
    >>> source_phrase("Russian government"), source_phrase("Amnesty International")
    ('the Russian government', 'Amnesty International')
    >>> source_phrase("defence-ministry")  # a source id, not a name: as it is
    'defence-ministry'
    """
    text = " ".join(str(name).split())
    head, comma, rest = text.partition(", ")
    if comma and "(" not in rest and ")" not in rest:
        return f"{head} ({rest})"
    if comma:
        return text
    bare = re.sub(r"\(.*?\)", "", head)
    if (
        _INSTITUTIONS.search(bare)
        and not head.lower().startswith("the ")
        and not _IDENTIFIER.fullmatch(text)
    ):
        return f"the {text}"
    return text


def join_names(names: Iterable[str]) -> str:
    """Names in a list: "A", "A and B", "A, B and C" (duplicates dropped, order kept)."""
    unique = list(dict.fromkeys(n for n in names if n))
    if len(unique) <= 1:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def rule_words(rule: str) -> str:
    """A rule's name in plain words (the name itself when it is not known)."""
    return RULES.get(str(rule), str(rule))


def _according(low_names: Sequence[str], high_names: Sequence[str]) -> str:
    """ ", according to A (lower bound) and B (upper bound)", sources of both bounds once."""
    both = [n for n in low_names if n in high_names]
    only_low = [n for n in low_names if n not in both]
    only_high = [n for n in high_names if n not in both]
    if not only_low and not only_high:
        return f", according to {join_names(both)}" if both else ""
    groups = [
        f"{join_names(names)} ({label})"
        for names, label in (
            (only_low, "lower bound"),
            (only_high, "upper bound"),
            (both, "both bounds"),
        )
        if names
    ]
    if len(groups) == 1:
        return f", according to {groups[0]}"
    return f", according to {', '.join(groups[:-1])} and {groups[-1]}"


def _number(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return format_count(round(value))
    return f"{value:,.4g}"


def derivation(
    which: str,
    bound: int | None,
    terms: Sequence[tuple[float, str, str]],
    multipliers: Sequence[float] = (),
) -> str:
    """How a bound adds up from claims: "at least 48 = 19 (Ombudsman, c09) + 29 (...)".

    ``which`` is ``"low"`` or ``"high"``; ``terms`` are ``(value, claim id, source name)``
    with subtracted claims negative, as in :class:`~karabakh_tolls.resolution.Support`;
    ``multipliers`` (default 1 each) show where a claim counts only in part.

    Examples
    --------
    >>> derivation("high", 101, [(146, "c07", "Amnesty International"),
    ...                          (27, "c12", "Azerbaijani authorities"),
    ...                          (-72, "c01", "Amnesty International")])
    'at most 101 = 146 (Amnesty International, c07) + 27 (Azerbaijani authorities, c12) - 72 (Amnesty International, c01)'
    >>> derivation("high", None, [])
    'no upper bound: no claim bounds it from above'
    """  # noqa: E501
    word = "at least" if which == "low" else "at most"
    if bound is None:
        return "no upper bound: no claim bounds it from above"
    if not terms:
        return f"{word} {format_count(bound)}: " + (
            "nothing raises it" if which == "low" else "nothing lowers it"
        )
    pieces = []
    factors = list(multipliers) or [1.0] * len(terms)
    for k, ((value, claim_id, name), y) in enumerate(zip(terms, factors, strict=False)):
        sign = "-" if value < 0 else "+"
        amount = _number(abs(value))
        if abs(y - 1) > 1e-9 and y:
            amount = f"{_number(y)} of {_number(abs(value) / y)}"
        label = f"{name}, {claim_id}" if name else claim_id
        text = f"{amount} ({label})"
        pieces.append(text if k == 0 and sign == "+" else f"{sign} {text}")
    total = sum(v for v, _, _ in terms)
    text = f"{word} {format_count(bound)} = {' '.join(pieces)}"
    if abs(total - bound) > 1e-6:
        text += f" (= {_number(total)}, rounded to whole people)"
    return text


def _cumulative(outcome: str) -> bool:
    try:
        return default_trees().is_cumulative(outcome)
    except KarabakhTollsError:
        return outcome in _FALLBACK_CUMULATIVE


def sentence(
    scope: Scope,
    as_of: dt.date,
    low: int,
    high: int | None,
    *,
    low_sources: Sequence[str] = (),
    high_sources: Sequence[str] = (),
    status: str = "consistent",
    set_aside: Sequence[str] = (),
    conflicting: Sequence[str] = (),
    policy: str = "",
    what: str | None = None,
    cumulative: bool | None = None,
) -> str:
    """One plain sentence for a range, naming the sources of each bound.

    Parameters
    ----------
    scope, as_of, low, high:
        The range: ``high=None`` when no claim bounds the count from above.
    low_sources, high_sources:
        Names of the sources behind the lower and the upper bound.
    status:
        ``"consistent"``, ``"contested"`` or ``"conflict"`` (any other word is quoted).
    set_aside, conflicting:
        Ids of the claims set aside to restore consistency, and of the claims they contradict.
    policy:
        The source policy, named when it is not the default (all sources, equal trust).
    what:
        The noun phrase counted, when it is not ``scope`` (a complement or a sum of scopes).
    cumulative:
        Whether the count is a running total ("by" a date) or a stock ("on" a date); default:
        the outcome's kind in the bundled trees.

    Examples
    --------
    >>> import datetime as dt
    >>> sentence(Scope("killed"), dt.date(2021, 1, 14), 6001, None,
    ...          low_sources=["Amnesty International"])
    'At least 6,001 people were killed by 14 January 2021, according to Amnesty International; no source gives an upper bound.'
    """  # noqa: E501
    running = _cumulative(scope.outcome) if cumulative is None else cumulative
    when = f"{'by' if running else 'on'} {format_date(as_of)}"
    singular = (low == high == 1) or (high is None and low == 1)
    noun = (
        what
        if what is not None
        else describe(scope, plural=not singular, outcome=False, tail=False)
    )
    verb = _VERB_PHRASES.get(scope.outcome, _PARTICIPLES.get(scope.outcome, scope.outcome))
    be = "was" if singular else "were"
    low_names = list(dict.fromkeys(source_phrase(n) for n in low_sources if n))
    high_names = list(dict.fromkeys(source_phrase(n) for n in high_sources if n))
    has_low = low > 0 or bool(low_names)
    tail = "" if what is not None else " ".join(_tail(scope))
    tail = f" {tail}" if tail else ""

    if not has_low and high is None:
        text = f"No source gives a figure for the {noun} {verb}{tail} {when}."
    else:
        if high is None:
            amount = f"At least {format_count(low)}"
        elif not has_low:
            amount = f"At most {format_count(high)}"
        elif low == high:
            amount = format_count(low)
        else:
            amount = f"Between {format_count(low)} and {format_count(high)}"
        text = f"{amount} {noun} {be} {verb}{tail} {when}"
        if high is None:
            text += f", according to {join_names(low_names)}" if low_names else ""
            text += "; no source gives an upper bound."
        elif not has_low:
            text += f", according to {join_names(high_names)}" if high_names else ""
            text += "; no source gives a lower bound."
        else:
            text += _according(low_names, high_names) + "."
    text = text[:1].upper() + text[1:]
    if set_aside:
        ids = join_names(set_aside)
        claim = "claim" if len(set_aside) == 1 else "claims"
        was = "was" if len(set_aside) == 1 else "were"
        others = [c for c in dict.fromkeys(conflicting) if c not in set_aside]
        against = f" (it cannot be true together with {join_names(others)})" if others else ""
        if len(set_aside) > 1 and others:
            against = f" (they cannot all be true together with {join_names(others)})"
        text += (
            f" Some figures contradict each other: {claim} {ids} {was} set aside{against}, "
            "and the range leaves it out."
            if len(set_aside) == 1
            else f" Some figures contradict each other: {claim} {ids} {was} set aside{against}, "
            "and the range leaves them out."
        )
    elif status == "conflict":
        text += " Some figures contradict each other."
    if status == "contested":
        text += " The sources disagree by more than their own stated precision."
    elif status not in ("consistent", "conflict"):
        text += f" (Status: {status}.)"
    if policy and policy != "all sources, equal trust":
        text += f" Sources counted: {policy}."
    return text
