"""The cue lexicon of the extractor, read once from ``data/extract_lexicon.toml``.

Only this module knows the file's shape; the rest of the extractor sees a frozen
:class:`Lexicon` with compiled patterns. Hedge words and vague quantifiers come from the hedge
table of :mod:`karabakh_tolls.figures` so that detection and parsing never disagree.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from karabakh_tolls.figures import HEDGE_TABLE
from karabakh_tolls.sources import Source

__all__ = ["Lexicon", "SourceEntry", "lexicon", "words_pattern"]


def words_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any blank.

    >>> words_pattern(["a", "a b"])
    'a\\\\s+b|a'
    """
    unique = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in unique)


def _regex(pattern: str) -> str:
    """A lexicon regex with apostrophes matching both ' and the typographic one."""
    return pattern.replace("'", "['\u2019]")


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One source of the lexicon: the Source it names, its patterns and its anaphora."""

    source: Source
    pattern: re.Pattern[str]
    anaphora: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled cue words (see ``data/extract_lexicon.toml`` for what each one means)."""

    raw: Mapping[str, Any]
    max_chars: int
    mention: re.Pattern[str]
    outcome_after: tuple[tuple[str, re.Pattern[str]], ...]
    outcome_before: tuple[tuple[str, re.Pattern[str]], ...]
    people: Mapping[str, str]
    reject_nouns: Mapping[str, str]
    reject_units: Mapping[str, str]
    party_words: Mapping[str, str]
    sources: tuple[SourceEntry, ...]
    anaphora: re.Pattern[str]
    speech_after: re.Pattern[str]
    speech_before: re.Pattern[str]
    implicit: re.Pattern[str]
    implicit_passive: re.Pattern[str]
    child_nouns: frozenset[str]
    perpetrator: re.Pattern[str]
    other_event: re.Pattern[str]
    sides: re.Pattern[str]
    category_cues: tuple[tuple[str, re.Pattern[str]], ...]
    population_before: re.Pattern[str]
    speech_verbs: re.Pattern[str]

    def get(self, *path: str) -> Any:
        """A raw value of the lexicon file by its key path."""
        value: Any = self.raw
        for key in path:
            value = value[key]
        return value


def _number_pattern(data: Mapping[str, Any]) -> str:
    words = words_pattern(data["numbers"]["words"])
    scales = words_pattern(data["numbers"]["scales"])
    vague = words_pattern(re.sub(r"\s+of$", "", r.phrase) for r in HEDGE_TABLE if r.kind == "vague")
    prefixes = words_pattern(r.phrase for r in HEDGE_TABLE if r.kind == "prefix")
    numeral = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!,\d)"
    word_number = rf"\b(?:{words})(?:-(?:{words}))?\b"
    amount = (
        rf"(?:(?:{numeral}|{word_number})(?:\s+(?:{scales})\b)*"
        rf"|\b(?:{vague})\b(?:\s+(?:{scales})\b)?)"
    )
    suffix = r"(?:\s*\+|\s+or\s+(?:more|fewer|less|so)\b)?"
    ranged = rf"{amount}(?:\s*[-\u2013]\s*{amount}|\s+to\s+{amount})?"
    body = rf"(?:between\s+{amount}\s+and\s+{amount}|{ranged})"
    return rf"(?:\b(?:{prefixes})\s+)?{body}{suffix}"


def _build(data: Mapping[str, Any]) -> Lexicon:
    flags = re.IGNORECASE
    outcome_after = []
    outcome_before = []
    for outcome, cues in data["outcome"].items():
        if cues["after"]:
            outcome_after.append(
                (outcome, re.compile(rf"\b(?:{words_pattern(cues['after'])})\b", flags))
            )
        if cues["before"]:
            outcome_before.append(
                (outcome, re.compile(rf"\b(?:{words_pattern(cues['before'])})\b", flags))
            )
    people = {w: cat for cat, ws in data["people"].items() for w in ws}
    reject_nouns = {w: why for why, ws in data["reject"]["nouns"].items() for w in ws}
    reject_units = {w: why for why, ws in data["reject"]["units"].items() for w in ws}
    sources = []
    for entry in data["source"]:
        pattern = "|".join(_regex(p) for p in entry["patterns"])
        sources.append(
            SourceEntry(
                Source(entry["id"], entry["name"], entry["kind"], entry["affiliation"]),
                re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags),
                tuple(a.lower() for a in entry["anaphora"]),
            )
        )
    anaphora_words = {a for entry in data["source"] for a in entry["anaphora"]}
    speech = words_pattern(data["speech"]["verbs"])
    according = words_pattern(data["speech"]["according"])
    implicit = data["implicit"]
    persons = words_pattern([*implicit["child"], *implicit["other"]])
    det = words_pattern(implicit["determiners"])
    number_words = words_pattern(data["numbers"]["words"])
    item = (
        rf"(?:(?:(?:{det})\s+)?(?:[\w]+-year-old\s+|\d+-year-old\s+)?"
        rf"(?:(?:{number_words}|\d+)\s+(?:of\s+(?:his|her|their)\s+)?)?(?:{persons}))"
    )
    phrase = rf"(?P<phrase>{item}(?:\s*,\s*{item})*(?:,?\s+and\s+{item})?)\b"
    verbs = words_pattern(implicit["verbs"])
    passives = words_pattern(implicit["passives"])
    perp = data["perpetrator"]
    side = words_pattern(perp["words"])
    forces = words_pattern(perp["force_nouns"])
    fire = words_pattern(perp["fire_verbs"])
    perpetrator = (
        rf"\b(?:by|from|with)\s+(?:the\s+)?(?P<a>{side})\s+(?:{forces})\b"
        rf"|\b(?P<b>{side})\s+(?:forces|troops|army|military)\s+(?:{fire})\b"
        rf"|\b(?P<c>{side})\s+(?:shelling|strikes?|missiles?|rockets?|artillery|bombardment)\b"
    )
    category_cues = tuple(
        (cat, re.compile(rf"\b(?:{words_pattern(ws)})\b", flags))
        for cat, ws in data["category_cues"].items()
    )
    return Lexicon(
        raw=data,
        max_chars=int(data["limits"]["max_chars"]),
        mention=re.compile(_number_pattern(data), flags),
        outcome_after=tuple(outcome_after),
        outcome_before=tuple(outcome_before),
        people=people,
        reject_nouns=reject_nouns,
        reject_units=reject_units,
        party_words={k.lower(): v for k, v in data["party_words"].items()},
        sources=tuple(sources),
        anaphora=re.compile(rf"(?<![\w-])(?:{words_pattern(anaphora_words)})(?![\w-])", flags),
        speech_after=re.compile(
            rf"\s*(?:,[^,.;]{{0,60}},\s*)?(?:[\w'\u2019]+\s+){{0,4}}?(?P<verb>{speech})\b", flags
        ),
        speech_before=re.compile(
            rf"\b(?:(?P<verb>{words_pattern(data['speech']['inverted'])})|{according})"
            r"\s+(?:the\s+)?$",
            flags,
        ),
        implicit=re.compile(rf"\b(?P<verb>{verbs})\s+{phrase}", flags),
        implicit_passive=re.compile(
            rf"{phrase}\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?P<verb>{passives})\b",
            flags,
        ),
        child_nouns=frozenset(w.lower() for w in implicit["child"]),
        perpetrator=re.compile(perpetrator, flags),
        other_event=re.compile(
            rf"\b(?:{words_pattern(data['reject']['other_event']['cues'])})\b", flags
        ),
        sides=re.compile(rf"\b(?:{words_pattern(data['sides']['phrases'])})\b", flags),
        category_cues=category_cues,
        speech_verbs=re.compile(
            rf"\b(?:{speech})\s+(?:(?:late|early|earlier|later)\s+)?(?:on\s+|last\s+)?$", flags
        ),
        population_before=re.compile(
            rf"\b(?:{words_pattern(data['reject']['population']['before'])})\s*$", flags
        ),
    )


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon (read and compiled once)."""
    text = (
        resources.files("karabakh_tolls")
        .joinpath("data/extract_lexicon.toml")
        .read_text(encoding="utf-8")
    )
    return _build(tomllib.loads(text))
