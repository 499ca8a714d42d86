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

__all__ = ["LANGUAGES", "Lexicon", "SourceEntry", "lexicon", "words_pattern"]

LANGUAGES = ("en", "ru")
"""Languages with a bundled lexicon: ``data/extract_lexicon.toml`` (English) and
``data/extract_lexicon_<code>.toml`` for the others."""


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
    implicit_including: re.Pattern[str]
    implicit_listed: re.Pattern[str]
    implicit_titled: re.Pattern[str]
    """A person named by title and name, then a passive ("Chechen military commander Aslan
    Maskhadov had indeed been wounded")."""
    """A person with "a"/"an" as a later item of a list of figures ("63 civilians and a
    fighter"), matched right after the figure's noun phrase."""
    child_nouns: frozenset[str]
    perpetrator: re.Pattern[str]
    other_event: re.Pattern[str]
    sides: re.Pattern[str]
    category_cues: tuple[tuple[str, re.Pattern[str]], ...]
    population_before: re.Pattern[str]
    reject_before: tuple[tuple[str, re.Pattern[str]], ...]
    """Words right before a figure that make it no toll ("saved 300 lives"), by reason."""
    speech_verbs: re.Pattern[str]
    code: str
    gap_words: frozenset[str]
    stop_words: frozenset[str]
    skip_words: frozenset[str]
    stems: bool
    verb_hedge: re.Pattern[str]
    verb_hedges: Mapping[str, str]
    hedge_words: Mapping[str, str]
    including: re.Pattern[str]
    part_of: re.Pattern[str]
    increment_span: re.Pattern[str]
    negation: re.Pattern[str]
    zero: re.Pattern[str]
    speech_any: re.Pattern[str]
    pronoun_before: re.Pattern[str]
    possessive_count: re.Pattern[str]
    speaker_heads: Mapping[str, str]
    auxiliaries: frozenset[str]
    family: re.Pattern[str]
    group_separators: tuple[str, ...]
    carry_opener: re.Pattern[str]
    demographic: frozenset[str]
    combatants: frozenset[str]
    body_nouns: frozenset[str]
    hostage_nouns: frozenset[str]
    release: re.Pattern[str]
    """A verb saying people are held or missing no longer ("freed", "found alive")."""
    risk_before: re.Pattern[str]
    """A word right before an outcome cue that says it did not happen ("risking the lives of")."""
    households: re.Pattern[str]
    all_category: re.Pattern[str]
    fate_before: re.Pattern[str]
    """"the fate of", "the whereabouts of" right before a figure (see `fate_after`)."""
    fate_after: re.Pattern[str]
    """"is not known", "remain unknown" after it: the persons counted are missing."""

    def get(self, *path: str) -> Any:
        """A raw value of the lexicon file by its key path."""
        value: Any = self.raw
        for key in path:
            value = value[key]
        return value


def _number_pattern(data: Mapping[str, Any]) -> str:
    words = words_pattern(data["numbers"]["words"])
    scales = words_pattern(data["numbers"]["scales"])
    own = data.get("hedges", {})
    vague = words_pattern(
        [re.sub(r"\s+of$", "", r.phrase) for r in HEDGE_TABLE if r.kind == "vague"]
        + [w for w, e in own.items() if e.endswith(" of") or e in ("several",)]
    )
    prefixes = words_pattern(
        [r.phrase for r in HEDGE_TABLE if r.kind == "prefix"]
        + [w for w, e in own.items() if not e.endswith(" of") and e != "several"]
    )
    groups = "".join(re.escape(g) for g in data["numbers"].get("group_separators", []))
    grouped = r"\d{1,3}(?:,\d{3})+" + (rf"|\d{{1,3}}(?:[{groups}]\d{{3}})+" if groups else "")
    numeral = rf"(?<![\w.,])(?:{grouped}|\d+)(?:\.\d+)?(?!,\d)"
    word_number = rf"(?:{words})(?:-(?:{words}))?"
    tens = words_pattern(data["numbers"].get("tens", []))
    units = words_pattern(data["numbers"].get("units", []))
    if tens and units:  # "Twenty seven": a tens word and a units word written apart
        word_number = rf"(?:{tens})\s+(?:{units})|{word_number}"
    word_number = rf"\b(?:{word_number})\b"
    amount = (
        rf"(?:(?:{numeral}|{word_number})(?:\s+(?:{scales})\b)*"
        rf"|\b(?:{vague})\b(?:\s+(?:{scales}|dozen)\b)?)"  # "Several dozen terrorists"
    )
    suffix = r"(?:\s*\+|\s+or\s+(?:more|fewer|less|so)\b)?"
    ranged = rf"{amount}(?:\s*[-\u2013]\s*{amount}|\s+(?:to|or)\s+{amount})?"
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
    # "have claimed responsibility", "claimed the lives of": a speech verb that says no count
    not_speech = words_pattern(data["speech"].get("not_after", []))
    speech = words_pattern(data["speech"]["verbs"])
    if not_speech:
        speech = rf"(?:{speech})(?!\s+(?:{not_speech})\b)"
    according = words_pattern(data["speech"]["according"])
    implicit = data["implicit"]
    persons = words_pattern([*implicit["child"], *implicit["other"]])
    det = words_pattern(implicit["determiners"])
    number_words = words_pattern(data["numbers"]["words"])
    # "a female Kyar Si villager": up to three words between the determiner and the person
    verbs_all = words_pattern([*implicit["verbs"], *implicit["passives"]])
    modifiers = (
        rf"(?:(?!(?:and|or|of|in|at|on|by|with|when|who|whom|that|which|where|whose|"
        rf"{number_words}|{det}|{verbs_all})\s)(?!\d)[\w'-]+\s+){{1,3}}?"
    )
    item = (
        rf"(?:(?:(?:{det})\s+)?(?:[\w]+-year-old\s+|\d+-year-old\s+)?"
        rf"(?:(?:{number_words}|\d+)\s+(?:of\s+(?:his|her|their)\s+)?|{modifiers})?"
        rf"(?:{persons}))"
    )
    phrase = rf"(?<![\w-])(?P<phrase>{item}(?:\s*,\s*{item})*(?:,?\s+and\s+{item})?)\b"
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
    grammar = data["grammar"]
    verb_hedges = {w.lower(): hedge for hedge, ws in data["verb_hedges"].items() for w in ws}
    speech_cfg = data["speech"]
    heads = {w.lower(): kind for kind, ws in data["speaker_heads"].items() for w in ws}
    negation = data["negation"]
    zero_verbs = words_pattern(negation["zero_verbs"])
    number_words = words_pattern(data["numbers"]["words"]) or r"(?!x)x"
    missing = data["outcome"].get("missing", {})
    captured = data["outcome"].get("captured", {})
    return Lexicon(
        code=str(data["language"]["code"]),
        gap_words=frozenset(w.lower() for w in grammar["gap_words"]),
        stop_words=frozenset(w.lower() for w in grammar["stop_words"]),
        skip_words=frozenset(w.lower() for w in grammar["skip_words"]),
        stems=bool(grammar.get("stems", False)),
        verb_hedge=re.compile(rf"\b(?P<verb>{words_pattern(verb_hedges)})\s+$", flags),
        verb_hedges=verb_hedges,
        hedge_words={k.lower(): v for k, v in data.get("hedges", {}).items()},
        including=re.compile(rf"\b(?:{words_pattern(grammar['including'])})\s*$", flags),
        part_of=re.compile(rf"\s+(?:{words_pattern(grammar['part_of'])})\b", flags),
        increment_span=re.compile(
            rf"\b(?:{words_pattern(data['increment'].get('spans', []) or ['(?!x)x'])})\b", flags
        )
        if data["increment"].get("spans")
        else re.compile(r"(?!x)x"),
        negation=re.compile(rf"\b(?:{words_pattern(negation['before'])})\b", flags),
        zero=re.compile(
            rf"(?<![\w-])(?P<subject>{words_pattern(negation['zero_subjects'])})\s+"
            rf"(?:(?:was|were|had\s+been|has\s+been|have\s+been|got)\s+)?"
            rf"(?P<verb>{zero_verbs})\b",
            flags,
        ),
        speech_any=re.compile(rf"\b(?:{speech})\b", flags),
        pronoun_before=re.compile(
            rf"(?:^|[\s,])(?:{words_pattern(speech_cfg['pronouns'])})\s+"
            rf"(?:(?:{words_pattern(speech_cfg['auxiliaries'])})\s+)?$",
            flags,
        ),
        possessive_count=re.compile(
            rf"(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+){{0,3}}?)(?:'s|')\s+"
            rf"(?:(?:previous|earlier|latest|new|last|own|official|initial)\s+)?"
            rf"(?:{words_pattern(speech_cfg['count_nouns']) or '(?!x)x'})\s+(?:of\s+)?",
            flags,
        ),
        speaker_heads=heads,
        auxiliaries=frozenset(w.lower() for w in speech_cfg["auxiliaries"]),
        family=re.compile(
            r"(?P<head>(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Dd]r)\.?\s+)?[A-Z][\w'-]+)\s+"
            rf"(?:and|along\s+with|together\s+with)\s+(?P<n>\d+|{number_words})\s+"
            r"(?:(?:other\s+)?(?:members\s+of\s+(?:his|her|their|the)\s+family|family\s+members"
            r"|relatives|of\s+(?:his|her|their)\s+(?:children|relatives|family))"
            # "Iqbal Mohmand along with three other police personnel": the person and the others
            r"|(?P<others>other\s+(?:police\s+|security\s+)?(?:personnel|policemen|officers|"
            r"soldiers|troops|servicemen|people|persons|civilians)))\b",
        ),
        group_separators=tuple(data["numbers"].get("group_separators", [])),
        carry_opener=re.compile(
            rf"\s*(?:{words_pattern(speech_cfg.get('carry_openers', [])) or '(?!x)x'})\b", flags
        ),
        demographic=frozenset(w.lower() for w in grammar.get("demographic", [])),
        combatants=frozenset(w.lower() for w in grammar.get("combatants", [])),
        body_nouns=frozenset(w.lower() for w in grammar.get("body_nouns", [])),
        hostage_nouns=frozenset(w.lower() for w in captured.get("hostage_nouns", [])),
        release=re.compile(
            rf"\b(?:{words_pattern(captured.get('release', [])) or '(?!x)x'})\b", flags
        ),
        risk_before=re.compile(
            rf"\b(?:{words_pattern(grammar.get('risk_before', [])) or '(?!x)x'})\s+(?:the\s+)?$",
            flags,
        ),
        all_category=re.compile(
            rf"(?:^|(?<=[.;:!?\"“”])|(?<=[.;:!?]\s))\s*[\"“]?\s*"
            rf"(?:{words_pattern(grammar.get('all_of', [])) or '(?!x)x'})\s+"
            rf"(?P<noun>{words_pattern(grammar.get('all_of_nouns', [])) or '(?!x)x'})\b",
            flags | re.MULTILINE,
        ),
        fate_before=re.compile(
            rf"\b(?:{words_pattern(missing.get('fate_before', [])) or '(?!x)x'})\s+$", flags
        ),
        fate_after=re.compile(
            rf"\b(?:{words_pattern(missing.get('fate_after', [])) or '(?!x)x'})\b", flags
        ),
        households=re.compile(
            rf"\s+(?:{words_pattern(data['reject']['nouns'].get('households', [])) or '(?!x)x'})\b",
            flags,
        ),
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
        implicit_titled=re.compile(
            rf"(?<![\w'-])(?P<phrase>(?-i:(?:[A-Z][\w'-]+\s+)?(?:[a-z][\w-]*\s+){{0,2}}?)"
            rf"(?<![\w'-])(?-i:{persons})\s+(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,2}}))"
            rf"\s+(?:was|were|had(?:\s+[a-z]+)?\s+been|has(?:\s+[a-z]+)?\s+been)"
            rf"(?:\s+[a-z]+ly)?\s+(?P<verb>{passives})\b",
            flags,
        ),
        implicit_listed=re.compile(
            rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<phrase>(?:a|an)\s+(?:{modifiers})?(?:{persons}))"
            rf"(?![\w-])",
            flags,
        ),
        implicit_including=re.compile(
            rf"\b(?:{words_pattern(grammar.get('including', [])) or '(?!x)x'})\s+{phrase}", flags
        ),
        implicit_passive=re.compile(
            rf"{phrase}(?:\s+(?:in|from|of)\s+(?-i:(?:[A-Z][\w'-]*\s+){{0,2}}[A-Z][\w'-]*))?"
            # "an old woman was, according to the ombudsman, killed": an aside between
            rf"\s+(?:was|were|had\s+been|has\s+been|have\s+been)(?:\s*,[^,.;]{{1,60}},)?"
            rf"\s+(?P<verb>{passives})\b",
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
        reject_before=tuple(
            (reason, re.compile(rf"\b(?:{words_pattern(words)})\s+$", flags))
            for reason, words in data["reject"].get("before", {}).items()
        ),
    )


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` laid on ``base``: tables merge key by key, other values (lists) replace."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), Mapping):
            out[key] = _merge(base[key], value)
        else:
            out[key] = value
    return out


def _read(name: str) -> dict[str, Any]:
    text = resources.files("karabakh_tolls").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def lexicon(language: str = "en") -> Lexicon:
    """The bundled lexicon of ``language`` (read and compiled once per language)."""
    data = _read("extract_lexicon.toml")
    if language != "en":
        if language not in LANGUAGES:
            raise KeyError(language)
        data = _merge(data, _read(f"extract_lexicon_{language}.toml"))
    return _build(data)
