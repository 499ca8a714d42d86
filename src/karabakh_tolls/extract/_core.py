"""The extraction pipeline: numeric mentions -> accepted figures -> scoped, attributed rows.

Rules, in the order they run for each sentence:

1. *Detection.* Every number phrase (digits, number words, hedged phrases of the hedge table,
   ranges, vague quantifiers) is a mention; implicit counts ("killed an eight-year-old girl")
   are found by an outcome verb followed by a noun phrase of persons.
2. *Rejection.* A mention is refused, with a reason, when it is part of a date, an ordinal, an
   age, a measure (calibre, distance, duration, share), a year, the toll of another event, a
   count of things (strikes, munitions, sites, countries, fighters...), a population, not
   readable by ``Figure.parse``, or has no casualty outcome within its clause.
3. *Scope.* Outcome from the nearest cue that governs the figure; category from the counted
   noun (or a clause cue such as "military death toll"); party from adjectives of the noun
   phrase, "of its" (the speaker's side), "on both sides" (one claim per side), the previous
   figure of the sentence for elliptic figures ("and 80 others wounded"), or the place; region
   from gazetteer names after a locative preposition; perpetrator from "by Armenian forces".
4. *Attribution.* The nearest speaker of the sentence ("Amnesty said", "according to X",
   "the group said" resolved to its antecedent, "X told Amnesty"), or, inside a quotation, the
   speaker of the quotation; else the outlet itself.
5. *Dates.* ``as_of`` = "as of <day>", else the day next to the speech verb ("said on
   Tuesday"), else the publication date; another date in the sentence with a place makes an
   incident; "since <date>" sets ``since``; "N more" makes an increment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from karabakh_tolls.errors import FigureParseError
from karabakh_tolls.figures import Figure, Hedge
from karabakh_tolls.scopes import ROOT, ScopeTree, ScopeTrees
from karabakh_tolls.sources import INDEPENDENT, Source, SourceKind
from karabakh_tolls.wars import default_war

from ._lexicon import Lexicon, SourceEntry, lexicon
from ._text import DateMention, Sentence, date_mentions, normalise, quote_regions, sentences

__all__ = ["Candidate", "Rejection", "run"]

_MAX_COUNT = 10_000_000_000
_GAP_WORDS = frozenset(
    [
        "to",
        "of",
        "the",
        "at",
        "had",
        "has",
        "have",
        "risen",
        "rose",
        "reached",
        "stood",
        "stands",
        "now",
        "is",
        "was",
        "climbed",
        "increased",
        "a",
        "total",
        "than",
        "up",
    ]
)
_STOP_WORDS = frozenset(
    [
        "have",
        "has",
        "had",
        "were",
        "was",
        "are",
        "is",
        "been",
        "be",
        "being",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "in",
        "on",
        "at",
        "by",
        "with",
        "since",
        "during",
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "as",
        "to",
        "for",
        "from",
        "after",
        "before",
        "when",
        "where",
        "while",
        "said",
        "says",
        "say",
        "according",
        "than",
        "killed",
        "wounded",
        "injured",
        "died",
        "displaced",
        "missing",
        "captured",
        "received",
        "left",
        "reported",
    ]
)
_SKIP_WORDS = frozenset(["of", "the", "those", "these", "his", "her", "their", "a", "an"])
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f%][\w'-]*|%|[^\sA-Za-z]")
_SINCE = re.compile(
    r"\b(?:since|began\s+on|erupted\s+on|started\s+on|from)\s+(?:the\s+)?$", re.IGNORECASE
)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at)\s+$", re.IGNORECASE)
_SPEECH_GAP = re.compile(r"\s*(?:(?:late|early|earlier|later)\s+)?(?:on\s+|last\s+)?$", re.I)
_STATEMENT = re.compile(r"\bin\s+a\s+statement\s+(?:issued\s+)?(?:late\s+)?on\s+$", re.I)
_CLAUSE = re.compile(r";|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+", re.IGNORECASE)
_OLD_YEAR = re.compile(r"\b(?:in|between|from|during)\s+(1[5-9]\d\d)\b", re.IGNORECASE)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.I)
_WITNESS = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\s+told\s+")

WAR_START = default_war().start  # the bundled war's start; extraction will take a war


@dataclass(frozen=True, slots=True)
class Rejection:
    """A numeric mention that did not become a claim, and why."""

    start: int
    end: int
    text: str
    reason: str
    detail: str
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source mention with a speech verb: who says what follows or precedes it."""

    start: int
    end: int
    source: Source
    verb_end: int
    via: str | None = None
    resolved: bool = False


@dataclass(slots=True)
class Candidate:
    """A figure accepted as a casualty claim, with everything read about it."""

    start: int
    end: int
    phrase: str
    figure: Figure
    sentence: Sentence
    outcome: str
    category: str = ROOT
    party: str = ROOT
    perpetrator: str = ROOT
    region: str = ROOT
    kind: str = "cumulative"
    since: dt.date = dt.date.min
    as_of: dt.date = dt.date.min
    event: str | None = None
    coverage: str = "complete"
    source: Source | None = None
    via: str | None = None
    notes: list[str] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class _NounPhrase:
    head: str | None = None  # category of a people noun, or "inherit"
    reject: str | None = None
    noun: str = ""
    parties: list[str] = field(default_factory=list)
    speaker_side: bool = False
    increment: bool = False
    population: bool = False
    end: int = 0


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    norm: str
    published: dt.date
    outlet: str | None
    trees: ScopeTrees
    war_start: dt.date
    lex: Lexicon
    speakers: tuple[Speaker, ...]
    gazetteer: re.Pattern[str]
    mask: tuple[tuple[int, int], ...]  # spans of source mentions (not places)


# --- sources -------------------------------------------------------------------------------------


def _speech_end(ctx: _Context, start: int, end: int) -> int | None:
    after = ctx.lex.speech_after.match(ctx.norm, end, min(len(ctx.norm), end + 90))
    if after is not None:
        return after.end()
    if ctx.lex.speech_before.search(ctx.norm, max(0, start - 30), start) is not None:
        return start
    return None


def _find_speakers(norm: str, lex: Lexicon, partial: _Context) -> tuple[Speaker, ...]:
    found: list[tuple[int, int, int, SourceEntry]] = []
    for order, entry in enumerate(lex.sources):
        for match in entry.pattern.finditer(norm):
            found.append((match.start(), match.end(), order, entry))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    named: list[tuple[int, int, SourceEntry]] = []
    last_end = -1
    for start, end, _, entry in found:
        if start >= last_end:
            named.append((start, end, entry))
            last_end = end
    mentions: list[tuple[int, int, Source, bool, str | None]] = [
        (s, e, entry.source, False, None) for s, e, entry in named
    ]
    for match in lex.anaphora.finditer(norm):
        if any(s <= match.start() < e for s, e, _ in named):
            continue
        phrase = re.sub(r"\s+", " ", match.group(0).lower())
        antecedent = next(
            (
                entry
                for s, _, entry in reversed(named)
                if s < match.start() and phrase in entry.anaphora
            ),
            None,
        )
        if antecedent is not None:
            mentions.append((match.start(), match.end(), antecedent.source, True, None))
    for match in _WITNESS.finditer(norm):
        name = match.group("name")
        listener = next((entry for s, _, entry in named if s == match.end()), None)
        ident = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        source = Source(ident, name, SourceKind.INDIVIDUAL, INDEPENDENT)
        via = listener.source.id if listener is not None else None
        mentions.append((match.start(), match.start() + len(name), source, False, via))
        mentions.append((match.start(), match.end(), source, False, via))
    speakers = []
    for start, end, source, resolved, via in mentions:
        if source.kind is SourceKind.INDIVIDUAL and end > start + len(source.name):
            speakers.append(Speaker(start, start + len(source.name), source, end, via))
            continue
        verb_end = _speech_end(partial, start, end)
        if verb_end is not None and source.kind is not SourceKind.INDIVIDUAL:
            speakers.append(Speaker(start, end, source, verb_end, via, resolved))
    speakers.sort(key=lambda s: s.start)
    return tuple(speakers)


# --- places and parties ----------------------------------------------------------------------


def _gazetteer(trees: ScopeTrees, lex: Lexicon) -> re.Pattern[str]:
    tree = trees["region"]
    names = [n for n in tree.nodes if n != ROOT] + list(tree.aliases)
    alternatives = "|".join(
        re.escape(n).replace(r"\-", "[- ]") for n in sorted(names, key=len, reverse=True)
    )
    preps = "|".join(lex.get("region", "prepositions"))
    nouns = "|".join(lex.get("region", "place_nouns"))
    return re.compile(
        rf"\b(?:{preps})\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:(?:{nouns})\s+(?:of\s+)?)?"
        rf"(?P<name>{alternatives})(?![\w-])",
        re.IGNORECASE,
    )


def _narrowest(tree: ScopeTree, nodes: Sequence[str]) -> str:
    """The deepest node when all lie on one chain, else their lowest common ancestor."""
    unique = list(dict.fromkeys(nodes))
    if not unique:
        return ROOT
    deepest = max(unique, key=tree.depth)
    if all(tree.is_within(deepest, n) for n in unique):
        return deepest
    common = set(tree.ancestors(unique[0]))
    for node in unique[1:]:
        common &= set(tree.ancestors(node))
    return max(common, key=tree.depth)


def _places(ctx: _Context, start: int, end: int) -> list[str]:
    tree = ctx.trees["region"]
    out = []
    for match in ctx.gazetteer.finditer(ctx.norm, start, end):
        s = match.start("name")
        if any(a <= s < b for a, b in ctx.mask):
            continue
        out.append(tree.resolve(match.group("name")))
    return out


def _party_of_place(trees: ScopeTrees, region: str) -> str | None:
    party = trees["party"]
    for node in trees["region"].ancestors(region):
        if node != ROOT and node in party:
            return party.resolve(node)
    return None


# --- detection ---------------------------------------------------------------------------------


def _scan_noun_phrase(ctx: _Context, start: int, end: int) -> _NounPhrase:
    lex = ctx.lex
    np = _NounPhrase(end=start)
    tokens = list(_TOKEN.finditer(ctx.norm, start, min(end, start + 120)))
    unknown = 0
    i = 0
    while i < len(tokens) and i < 9:
        token = tokens[i]
        word = token.group(0).lower()
        if word.endswith("'s"):
            word = word[:-2]
        pair = f"{word} {tokens[i + 1].group(0).lower()}" if i + 1 < len(tokens) else ""
        if not (word[0].isalpha() or word == "%"):
            break
        np.end = token.end()
        if pair in lex.people or pair in lex.reject_nouns:
            word = pair
            i += 1
        if word in lex.people:
            np.head, np.noun = lex.people[word], word
            if np.head == "inherit" and word in ("more",):
                np.increment = True
                np.head = None
                i += 1
                continue
            rest = tokens[i + 1 : i + 5]
            if rest and rest[0].group(0).lower() in lex.get("reject", "population", "after_noun"):
                np.population = True
            if rest and rest[0].group(0).lower() in ("of", "from"):
                for tok in rest[1:]:
                    w = tok.group(0).lower()
                    if w in lex.party_words:
                        np.parties.append(lex.party_words[w])
            break
        if word in lex.reject_nouns:
            np.reject, np.noun = lex.reject_nouns[word], word
            break
        if word in lex.party_words:
            np.parties.append(lex.party_words[word])
        elif word in ("additional", "new"):
            np.increment = True
        elif word == "its":
            np.speaker_side = True
        elif word in _SKIP_WORDS:
            pass
        elif word in _STOP_WORDS:
            break
        else:
            unknown += 1
            if unknown > 2:
                break
        i += 1
    return np


def _in_span(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _classify(
    ctx: _Context,
    sentence: Sentence,
    start: int,
    end: int,
    dates: Sequence[DateMention],
    implicit: Sequence[tuple[int, int]],
) -> tuple[str, str] | None:
    """The reason a numeric mention is not a figure, or ``None``."""
    norm, lex = ctx.norm, ctx.lex
    text = norm[start:end]
    after = norm[end : min(len(norm), end + 40)]
    before = norm[max(sentence.start, start - 40) : start]
    if _in_span(start, [(d.start, d.end) for d in dates]):
        return "date", "part of a date"
    if re.match(r"(?:st|nd|rd|th)\b", after, re.I):
        return "ordinal", "an ordinal (a rank or a day)"
    if re.match(r"s\b", after) and re.fullmatch(r"\d{4}", text):
        return "year", "a decade"
    if re.match(r"[- ](?:years?|months?|weeks?)[- ]old\b", after, re.I) or re.search(
        r"\baged\s+$", before, re.I
    ):
        return "age", "an age"
    if _in_span(start, implicit):
        return "implicit-part", "counted inside an implicit figure"
    unit = re.match(r"\s*(per\s+cent|%|[a-z]+)", after, re.I)
    if unit is not None:
        word = re.sub(r"\s+", " ", unit.group(1).lower())
        glued = unit.start(1) == 0
        if word in lex.reject_units and (glued or word not in ("m",)):
            return lex.reject_units[word], f"followed by {word!r}"
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", text):
        first = re.match(r"\s*([a-z]+)", after, re.I)
        if first is None or first.group(1).lower() not in lex.people:
            return "year", "a year"
    if lex.other_event.search(norm, sentence.start, sentence.end) or any(
        int(m.group(1)) < ctx.war_start.year
        for m in _OLD_YEAR.finditer(norm, sentence.start, sentence.end)
    ):
        return "other-event", "the sentence is about another event (an earlier year)"
    return None


def _outcome(
    ctx: _Context, start: int, end: int, clause: tuple[int, int], blockers: Sequence[int]
) -> tuple[str, float] | None:
    """The outcome governing the figure at ``[start, end)`` and a confidence."""
    norm, lex = ctx.norm, ctx.lex
    c_start, c_end = clause
    best: tuple[int, str] | None = None
    for outcome, pattern in lex.outcome_before:
        for match in pattern.finditer(norm, max(c_start, start - 60), start):
            gap = norm[match.end() : start].lower().split()
            if all(w in _GAP_WORDS for w in gap) and (best is None or match.end() > best[0]):
                best = (match.end(), outcome)
    if best is not None:
        return best[1], 0.95
    limit = min([c_end, end + 90, *[b for b in blockers if b >= end]])
    first: tuple[int, str] | None = None
    for outcome, pattern in lex.outcome_after:
        found = pattern.search(norm, end, limit)
        if found is not None and (first is None or found.start() < first[0]):
            first = (found.start(), outcome)
    if first is not None:
        return first[1], 0.9
    floor = max([c_start, start - 120, *[b for b in blockers if b < start]])
    last: tuple[int, str] | None = None
    for outcome, pattern in (*lex.outcome_after, *lex.outcome_before):
        for match in pattern.finditer(norm, floor, start):
            if last is None or match.start() > last[0]:
                last = (match.start(), outcome)
    if last is not None:
        return last[1], 0.7
    return None


def _clause(ctx: _Context, sentence: Sentence, pos: int) -> tuple[int, int]:
    start = sentence.start
    for match in _CLAUSE.finditer(ctx.norm, sentence.start, sentence.end):
        if match.start() >= pos:
            return start, match.start()
        start = match.end()
    return start, sentence.end


def _implicit(ctx: _Context, sentence: Sentence) -> list[tuple[int, int, str, int, str]]:
    """Implicit counts: (start, end, outcome, count, category) of each person phrase."""
    out = []
    lex = ctx.lex
    verbs = {k.lower(): v for k, v in lex.get("implicit", "verbs").items()}
    passives = {k.lower(): v for k, v in lex.get("implicit", "passives").items()}
    determiners = tuple(d.lower() for d in lex.get("implicit", "determiners"))
    for pattern, table in ((lex.implicit, verbs), (lex.implicit_passive, passives)):
        for match in pattern.finditer(ctx.norm, sentence.start, sentence.end):
            phrase = match.group("phrase")
            if phrase.split()[0].lower() not in determiners:
                continue
            outcome = table[re.sub(r"\s+", " ", match.group("verb").lower())]
            items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", phrase)
            count = 0
            nouns: list[str] = []
            for item in items:
                words = [w for w in item.split() if not w.lower().endswith("-year-old")]
                nouns.append(words[-1].lower() if words else "")
                number = next(
                    (w for w in words[:3] if w.lower() not in determiners and w.lower() != "of"),
                    None,
                )
                value = 1
                if number is not None and number.lower() != words[-1].lower():
                    try:
                        value = Figure.parse(number).low
                    except FigureParseError:
                        value = 1
                count += value
            category = "civilian" if all(n in lex.child_nouns for n in nouns) else ROOT
            out.append((match.start("phrase"), match.end("phrase"), outcome, count, category))
    out.sort()
    return out


# --- assembling --------------------------------------------------------------------------------


def _speaker_for(
    ctx: _Context, sentence: Sentence, start: int, end: int
) -> tuple[Speaker | None, float, str]:
    regions = quote_regions(ctx.text, sentence.paragraph_start, sentence.paragraph_end)
    inside = next(((a, b) for a, b in regions if a <= start < b), None)
    if inside is not None:
        outside = [
            s
            for s in ctx.speakers
            if sentence.paragraph_start <= s.start < sentence.paragraph_end
            and not _in_span(s.start, regions)
        ]
        if outside:
            nearest = min(
                outside, key=lambda s: min(abs(s.start - inside[1]), abs(s.end - inside[0]))
            )
            return nearest, 0.75, "speaker of the quotation"
    here = [
        s
        for s in ctx.speakers
        if sentence.start <= s.start < sentence.end
        and (inside is not None or not _in_span(s.start, regions))
    ]
    if here:

        def distance(s: Speaker) -> int:
            return start - s.end if s.end <= start else max(0, s.start - end)

        nearest = min(here, key=distance)
        how = "antecedent of an anaphor" if nearest.resolved else "speaker in the sentence"
        return nearest, (0.75 if nearest.resolved else 0.9), how
    return None, 0.4, "no speaker found: the outlet's own statement"


def _dates(
    ctx: _Context, sentence: Sentence, speaker: Speaker | None, dates: Sequence[DateMention]
) -> tuple[dt.date | None, dt.date | None, dt.date | None, str]:
    """(as_of, since, event date, how) read from the sentence."""
    norm = ctx.norm
    as_of = since = event = None
    how = ""
    statement: DateMention | None = None
    verbs = ctx.lex.speech_verbs
    for d in dates:
        if _AS_OF.search(norm, max(sentence.start, d.start - 12), d.start):
            as_of, how = d.date, "as of"
        elif (
            speaker is not None
            and 0 <= d.start - speaker.verb_end <= 14
            and _SPEECH_GAP.match(norm, speaker.verb_end, d.start)
        ):
            statement = d
        elif _STATEMENT.search(norm, max(sentence.start, d.start - 40), d.start) or (
            speaker is None and verbs.search(norm, max(sentence.start, d.start - 24), d.start)
        ):
            statement = statement or d
    for d in dates:
        if d is statement or (as_of is not None and d.date == as_of):
            continue
        if _SINCE.search(norm, max(sentence.start, d.start - 20), d.start):
            since = d.date
        elif event is None:
            event = d.date
    if as_of is None and statement is not None:
        as_of, how = statement.date, "day of the statement"
    return as_of, since, event, how


def _perpetrator(ctx: _Context, start: int, end: int) -> str | None:
    words = {k.lower(): v for k, v in ctx.lex.get("perpetrator", "words").items()}
    for match in ctx.lex.perpetrator.finditer(ctx.norm, start, end):
        side = next(g for g in (match.group("a"), match.group("b"), match.group("c")) if g)
        return str(words[side.lower()])
    return None


def _build(
    ctx: _Context,
    sentence: Sentence,
    start: int,
    end: int,
    figure: Figure,
    outcome: str,
    outcome_confidence: float,
    np: _NounPhrase | None,
    previous: Candidate | None,
    dates: Sequence[DateMention],
    clause_rejects: Sequence[str],
    figure_confidence: float,
    blockers: Sequence[int],
) -> list[Candidate]:
    trees = ctx.trees
    clause = _clause(ctx, sentence, start)
    c = Candidate(start, end, ctx.text[start:end], figure, sentence, outcome)
    notes = c.notes
    scope_conf = 0.9
    elliptic = np is None or np.head in (None, "inherit")
    inherit = previous is not None and (
        np is not None and (np.head == "inherit" or (np.head is None and not np.parties))
    )
    # speaker
    speaker, source_conf, how = _speaker_for(ctx, sentence, start, end)
    if speaker is not None:
        c.source, c.via = speaker.source, speaker.via
    notes.append(f"source: {how}")
    # category
    if np is not None and np.head not in (None, "inherit"):
        c.category = np.head
    elif inherit and previous is not None:
        c.category = previous.category
        scope_conf -= 0.1
        notes.append("scope shared with the previous figure of the sentence")
    else:
        for category, pattern in ctx.lex.category_cues:
            if pattern.search(ctx.norm, clause[0], start):
                c.category = category
                notes.append(f"category from a clause cue ({category})")
                break
    # region
    places = _places(ctx, clause[0], clause[1])
    if places:
        c.region = _narrowest(trees["region"], places)
    elif inherit and previous is not None:
        c.region = previous.region
    # perpetrator
    perpetrator = _perpetrator(ctx, clause[0], clause[1])
    if (
        perpetrator is None
        and re.search(
            "|".join(re.escape(w) for w in ctx.lex.get("perpetrator", "carry_back")),
            ctx.norm[clause[0] : clause[1]],
            re.I,
        )
        and sentence.start > sentence.paragraph_start
    ):
        perpetrator = _perpetrator(ctx, sentence.paragraph_start, sentence.start)
        if perpetrator is not None:
            notes.append("perpetrator from the previous sentence ('as a result')")
    if perpetrator is None and inherit and previous is not None:
        perpetrator = previous.perpetrator
    c.perpetrator = perpetrator or ROOT
    # party
    party_tree = trees["party"]
    affiliation = c.source.affiliation if c.source is not None else INDEPENDENT
    if np is not None and np.parties:
        c.party = _narrowest(party_tree, np.parties)
    elif np is not None and np.speaker_side and affiliation in party_tree:
        c.party = party_tree.resolve(affiliation)
        notes.append("party = the speaker's side ('its')")
        scope_conf -= 0.1
    elif inherit and previous is not None and previous.party != ROOT:
        c.party = previous.party
    elif c.category == "military" and affiliation in party_tree and affiliation != ROOT:
        c.party = party_tree.resolve(affiliation)
        notes.append("party = the speaker's side (military toll reported by a party)")
        scope_conf -= 0.3
    elif places and c.category != "military":
        inferred = [p for p in (_party_of_place(trees, r) for r in places) if p is not None]
        if inferred:
            c.party = _narrowest(party_tree, inferred)
            notes.append("party inferred from the place")
            scope_conf -= 0.2
    if elliptic and not inherit:
        scope_conf -= 0.1
    scope_conf = min(scope_conf, outcome_confidence)
    # dates and kind
    as_of, since, event, date_how = _dates(ctx, sentence, speaker, dates)
    date_conf = 0.9
    if as_of is None:
        as_of, date_how, date_conf = ctx.published, "publication date (no date in the text)", 0.5
    increment = (np is not None and np.increment) or bool(
        _INCREMENT_BEFORE.search(ctx.norm, max(sentence.start, start - 20), start)
    )
    if event is not None and c.region != ROOT and trees["region"].depth(c.region) >= 2:
        c.kind, c.since, c.as_of = "incident", event, event
        c.event = f"{c.region}-{event.isoformat()}"
        date_how = "day of the incident"
        date_conf = 0.8
    elif increment:
        c.kind, c.since, c.as_of = "increment", as_of, as_of
        notes.append("increment ('more'): since = as_of, previous report assumed the day before")
        date_conf = min(date_conf, 0.6)
    else:
        c.as_of = as_of
        c.since = since if since is not None and since <= as_of else ctx.war_start
        if c.since > c.as_of:
            c.since = c.as_of
    notes.append(f"as_of: {date_how}")
    if c.kind != "incident" and any(
        r in clause_rejects for r in ctx.lex.get("coverage", "partial_when_reject")
    ):
        c.coverage = "partial"
        notes.append("partial: the count covers only the strikes named in the clause")
    c.confidence = {
        "figure": round(figure_confidence, 2),
        "scope": round(max(0.1, scope_conf), 2),
        "source": source_conf,
        "date": date_conf,
    }
    # one claim per side
    following = [b for b in blockers if b > start]
    sides = ctx.lex.sides.search(ctx.norm, end, min([clause[1], *following]))
    if sides is not None and c.party == ROOT:
        out = []
        for side in ctx.lex.get("sides", "split"):
            copy = Candidate(**{name: getattr(c, name) for name in Candidate.__slots__})
            copy.party = side
            copy.notes = [*c.notes, f"'{sides.group(0)}' read as each side: one claim per side"]
            copy.confidence = dict(c.confidence, scope=round(max(0.1, scope_conf - 0.2), 2))
            out.append(copy)
        return out
    return [c]


def _sentence_candidates(
    ctx: _Context, sentence: Sentence
) -> tuple[list[Candidate], list[Rejection]]:
    norm = ctx.norm
    dates = date_mentions(norm, sentence.start, sentence.end, ctx.published)
    implicit = _implicit(ctx, sentence)
    implicit_spans = [(a, b) for a, b, *_ in implicit]
    mentions = [
        (m.start(), m.end()) for m in ctx.lex.mention.finditer(norm, sentence.start, sentence.end)
    ]
    blockers = [s for s, _ in mentions if not _in_span(s, [(d.start, d.end) for d in dates])]
    rejected: list[Rejection] = []
    accepted: list[tuple[int, int, Figure, str, float, _NounPhrase, float]] = []
    reasons_by_clause: dict[tuple[int, int], list[str]] = {}
    for start, end in mentions:
        phrase = ctx.text[start:end]
        why = _classify(ctx, sentence, start, end, dates, implicit_spans)
        clause = _clause(ctx, sentence, start)
        np = _scan_noun_phrase(ctx, end, clause[1])
        if why is None and np.reject is not None:
            why = (np.reject, f"counts {np.noun!r}, not people")
        if why is None and (
            np.population
            or ctx.lex.population_before.search(norm, max(sentence.start, start - 25), start)
        ):
            why = ("population", "a population, not a toll")
        figure: Figure | None = None
        if why is None:
            try:
                figure = Figure.parse(phrase).evolve(text=phrase)
            except FigureParseError as error:
                why = (f"unreadable-{error.reason.value}", str(error))
            except (ValueError, TypeError, ArithmeticError) as error:  # pragma: no cover
                why = ("unreadable", str(error))
        if why is None and figure is not None:
            if figure.hedge is Hedge.SHARE:
                why = ("share-without-base", "a share of an unstated population")
            elif figure.low > _MAX_COUNT or (figure.high or 0) > _MAX_COUNT:
                why = ("implausible", "larger than any population")
        outcome = None
        if why is None:
            outcome = _outcome(ctx, start, end, clause, [b for b in blockers if b != start])
            if outcome is None:
                why = ("no-casualty-outcome", "no word of killing, wounding, displacement...")
        if why is not None or figure is None or outcome is None:
            reason, detail = why or ("unreadable", "")
            rejected.append(Rejection(start, end, phrase, reason, detail, sentence))
            reasons_by_clause.setdefault(clause, []).append(reason)
            continue
        conf = 0.95 if np.head not in (None, "inherit") else 0.85
        if figure.hedge is Hedge.VAGUE:
            conf -= 0.15
        accepted.append((start, end, figure, outcome[0], outcome[1], np, min(conf, outcome[1])))
    items: list[tuple[int, Any]] = [(a[0], ("figure", a)) for a in accepted]
    items += [(i[0], ("implicit", i)) for i in implicit]
    items.sort(key=lambda x: x[0])
    candidates: list[Candidate] = []
    previous: Candidate | None = None
    for _, (what, item) in items:
        if what == "figure":
            start, end, figure, outcome, o_conf, np, f_conf = item
        else:
            start, end, outcome, count, category = item
            figure = Figure(count, count, Hedge.IMPLICIT, ctx.text[start:end])
            np = _NounPhrase(head=category if category != ROOT else "all")
            o_conf, f_conf = 0.85, 0.7
        clause = _clause(ctx, sentence, start)
        built = _build(
            ctx,
            sentence,
            start,
            end,
            figure,
            outcome,
            o_conf,
            np,
            previous,
            dates,
            reasons_by_clause.get(clause, []),
            f_conf,
            blockers,
        )
        if what == "implicit":
            for c in built:
                c.category = item[4]
                c.notes.append("implicit count of the persons named")
        candidates.extend(built)
        previous = built[-1]
    return candidates, rejected


def run(
    text: str, published: dt.date, outlet: str | None, trees: ScopeTrees, war_start: dt.date
) -> tuple[list[Candidate], list[Rejection]]:
    """Every candidate claim and every rejected numeric mention of ``text``."""
    lex = lexicon()
    norm = normalise(text)
    partial = _Context(
        text, norm, published, outlet, trees, war_start, lex, (), re.compile(""), ()
    )
    speakers = _find_speakers(norm, lex, partial)
    ctx = _Context(
        text,
        norm,
        published,
        outlet,
        trees,
        war_start,
        lex,
        speakers,
        _gazetteer(trees, lex),
        tuple((s.start, s.end) for s in speakers),
    )
    candidates: list[Candidate] = []
    rejected: list[Rejection] = []
    for sentence in sentences(text):
        found, refused = _sentence_candidates(ctx, sentence)
        candidates.extend(found)
        rejected.extend(refused)
    return candidates, rejected
