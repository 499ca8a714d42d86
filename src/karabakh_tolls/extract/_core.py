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

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from karabakh_tolls.errors import FigureParseError
from karabakh_tolls.figures import Figure, Hedge
from karabakh_tolls.scopes import ROOT, ScopeTree, ScopeTrees
from karabakh_tolls.sources import INDEPENDENT, Source, SourceKind
from karabakh_tolls.wars import default_war

from ._lexicon import Lexicon, SourceEntry, lexicon
from ._text import (
    DateMention,
    Sentence,
    date_mentions,
    dateline,
    normalise,
    quote_regions,
    sentences,
)

__all__ = ["Candidate", "Rejection", "run"]

_MAX_COUNT = 10_000_000_000
# (a dotted abbreviation such as "U.S." is one token)
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'-]*|%|[^\s\w]|\d+")
# "since the September 27 outbreak", "the siege, which was launched May 23": the day a count
# starts, not the day of an incident
_SINCE = re.compile(
    r"\b(?:since|(?:began|erupted|started)(?:\s+on)?|(?:was|were|been)\s+launched(?:\s+on)?|from)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at)\s+$", re.IGNORECASE)
_SPEECH_GAP = re.compile(
    r"\s*(?:in\s+a\s+(?:statement|post|report|briefing)(?:\s+\w+){0,4}?\s+)?"
    r"(?:(?:late|early|earlier|later)\s+)?(?:on\s+|last\s+)?$",
    re.I,
)
_STATEMENT = re.compile(r"\bin\s+a\s+statement\s+(?:issued\s+)?(?:late\s+)?on\s+$", re.I)
# (", and Iraq struck back with an air raid in western Iran that killed 12": a named side's
# answer is a clause of its own, with its own place and attacker)
_CLAUSE = re.compile(
    r";|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+|,\s+and\s+(?=(?-i:[A-Z])[\w-]+\s+"
    r"(?:struck\s+back|hit\s+back|retaliated|responded|fired|launched|shelled|bombed)\b)",
    re.IGNORECASE,
)
# "brought up to 881", "went up to 50": "up to" after a verb of rising is the total reached.
_UP_TO = re.compile(r"up\s+to\s+", re.I)
_MIXED_OUTCOME = re.compile(
    r"\b(?:killed|dead|died|deaths?)\s+or\s+(?:were\s+)?(?:injured|wounded|hurt|maimed)\b"
    r"|\b(?:injured|wounded|hurt|maimed)\s+or\s+(?:were\s+)?(?:killed|dead|died)\b",
    re.I,
)
# "have killed and wounded several soldiers": the count right after both verbs is of both
_MIXED_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|kill)\s+(?:and|or)\s+(?:injured|wounded|injuring|wounding|"
    r"injures|wounds|injure|wound|maimed)\s+$",
    re.I,
)
# "killed, wounded or captured 7,800", "the number of dead and wounded had reached 1,481", "7,800
# were killed, wounded or captured": words of two or more outcomes joined into one count
_OUTCOME_WORD = (
    r"(?:killed|killing|kills|kill|dead|died|deaths?|wounded|wounding|wounds|wound|injured|"
    r"injuring|injures|injure|hurt|maimed|captured|capturing|abducted|kidnapped|missing|"
    r"displaced|taken\s+(?:captive|prisoner|hostage))"
)
_MIXED_LIST = re.compile(
    rf"\b{_OUTCOME_WORD}(?:\s*,\s*{_OUTCOME_WORD})*\s*,?\s+(?:and|or)\s+(?:were\s+)?"
    rf"{_OUTCOME_WORD}\b",
    re.I,
)
_REACHED = re.compile(
    r"\b(?:brought|bring|brings|bringing|went|goes|gone|going|climbed|climbing|rose|risen|"
    r"rising|jumped|pushed|pushing|took|taken|taking)\s+$",
    re.I,
)
# Pronouns are never a speaker's name ("He reports 23 dead" with no antecedent found).
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"})
# Heads that name any body of their kind ("the group" for the last NGO that spoke).
_GENERIC_HEADS = frozenset(
    {"group", "organisation", "organization", "agency", "watchdog", "monitor", "body", "ngo"}
)
# "its forces had killed": the speaker's own side did it.
_OWN_FORCES = re.compile(
    r"\b(?:its|our)\s+(?:own\s+)?(?:forces|troops|army|military|units|aviation|artillery)\s+"
    r"(?:have\s+|had\s+|has\s+)?(?:killed|destroyed|eliminated|wounded|struck|hit)\b",
    re.I,
)
# "29 more of its soldiers": the persons after "of" are counted by the number before.
_COUNTED_BEFORE = re.compile(
    r"(?:\d|\b(?:more|others?|many|dozens|hundreds|scores))\s+of\s+$", re.I
)
# ", and another 23 people": a second object of the clause's verb.
_COORDINATED = re.compile(
    r"(?:,\s*and|\band)\s+(?:another|a\s+further|an?\s+additional)\s+$|,\s*and\s+$", re.I
)
# "Of these, 4,731 were killed": a sentence that opens on a part of the figure before.
_OPENER = re.compile(
    r"\s*(?:of\s+(?:these|them|those|whom)|among\s+(?:them|these|those|the\s+dead|the\s+victims)"
    r"|(?:the\s+dead|those\s+killed|the\s+victims|the\s+wounded|the\s+injured)\s+"
    r"(?:included|include|were|are)|(?:these|those|they)\s+(?:included|include))\b,?",
    re.I,
)
_DECADE = re.compile(r"\b(1[5-9]\d0|20[0-2]0)s\b")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.I)
_WITNESS = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\s+told\s+")
_NAME_WORD = r"(?:(?:al|el|ad|as|ash|ibn|bin|abu|de|da|di|van|von|der|le|la)[- ])?[A-Z][\w'-]*"
_NAME = re.compile(rf"(?:{_NAME_WORD}\.?\s+){{0,3}}{_NAME_WORD}$")
# "regional governor Oleh Synehubov", "Kyiv mayor Vitali Klitschko": a title, then a name.
_TITLED = re.compile(rf"(?P<title>.*?)\s*\b(?P<name>[A-Z][\w'-]*(?:\s+{_NAME_WORD}){{1,3}})$")
_SLUG = re.compile(r"[^\w]+")
_GLUED_COMPOUND = re.compile(
    r"-(?:[^\W\d_]+-)*(?:old|hour|day|week|month|year|strong|long)\b", re.I
)
_AUXILIARY_HEAD = re.compile(
    r"^[\s,]*(?:(?:was|were|had\s+been|has\s+been|have\s+been|also|reportedly)\s+)*", re.I
)
_CHAIN_GAP = 40
_NUMBER_OF = re.compile(r"\b(?:number|toll|count|tally)\s+of\s+(?:the\s+)?$", re.I)
_STATEMENT_LEAD = re.compile(
    r"(?:in|on)\s+(?:a\s+|an\s+|its\s+|the\s+|their\s+)?(?:\w+\s+)?"
    r"(?:statement|report|press\s+release|post|briefing)\s*,?\s+",
    re.I,
)
# Titles that name one office holder in both a bare and a named mention of the same speaker.
_SPEAKER_TITLES = frozenset(
    {
        "governor",
        "mayor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "ombudsman",
        "official",
        "head",
        "chief",
        "commander",
        "prosecutor",
    }
)
_RUNNING_TOTAL = re.compile(r"\b(?:since|toll|total|tally|so\s+far|number\s+of)\b", re.I)
# an incident named by a noun ("The fighting ... occurred in Bor South", "clashes ... took place
# in Eastern Lakes State"), for a place a later sentence gives
_INCIDENT_NOUNS = (
    r"explosion|blast|strikes?|airstrikes?|attacks?|shelling|raids?|massacre|bombing|ambush|"
    r"clash(?:es)?|fighting"
)
_INCIDENT_NOUN = re.compile(rf"\b(?:{_INCIDENT_NOUNS})\b", re.I)
# a sentence or clause telling an incident, by a noun or a verb (for a day a later sentence
# gives it)
_TOLD_INCIDENT = re.compile(
    rf"\b(?:{_INCIDENT_NOUNS}|attacked|bombs?|gunmen|stormed|storming|ambushed)\b", re.I
)
# "in Ganja, as well as other towns": not one place
_OTHER_PLACES = re.compile(
    r"\bother\s+(?:towns|cities|villages|areas|regions|places|districts|parts|provinces)\b", re.I
)
_QUOTE_MARKS = frozenset("\"\u201c\u201d\u00ab'")
# a sentence telling the incident and where, for the figures told before it: an incident noun,
# "The incident occurred in Tillaberi", or an attack verb ("Separatists on Sunday attacked the
# village of Obonyi II", "a military unit was attacked by several hundred terrorists in
# Kandadji")
_PLACE_CUE = re.compile(
    rf"\b(?:{_INCIDENT_NOUNS}|incident|attacked|bombed|raided|stormed|ambushed)\b", re.I
)
# "on the road between the towns of Tibu and Salazar de las Palmas in Norte de Santander": the
# two ends of a stretch name no place of the incident by themselves (the place holding them
# does)
_BETWEEN_PLACES = re.compile(
    r"\bbetween\s+(?:the\s+(?:towns?|villages?|cities|city|areas?|districts?)\s+of\s+)?"
    r"[^,.;]{1,60}?\s+and\s+[^,.;]{1,60}?(?=\s+in\s|\s*[,.;]|$)",
    re.I,
)
# "bordered by the jihadist-invaded nations of Burkina Faso and Mali", "near the border with
# Nigeria": places named as neighbours, not as the place of the incident
_NEIGHBOUR_BEFORE = re.compile(
    r"\b(?:border(?:ed|ing|s)?|near|neighbou?ring|adjoining)\b[^,.;]{0,45}$", re.I
)
# "The toll is 24 dead", "The attack was confirmed by ...": a figure telling the same incident
# again
_BACK_TO_INCIDENT = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:death|casualty)\s+)?toll\b|"
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|airstrike|blast|explosion|"
    r"bombing|shelling|raid|massacre|assault|ambush|incident)\b",
    re.I,
)
# "in an earlier announcement late Sunday": the day of a statement, not of the incident
_STATEMENT_BEFORE = re.compile(
    r"\b(?:announcement|statement|press\s+conference|briefing|report)\s+"
    r"(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$",
    re.I,
)
_LOOK_AHEAD = 2  # sentences back that a later "the attack was carried out by X" reaches
# "the complex attack", "the strike": an incident told before, named again
_LATER_INCIDENT = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|airstrike|blast|explosion|"
    r"bombing|shelling|raid|massacre|assault)\b",
    re.I,
)
_LOOK_BACK = 12  # figures a verbless "All civilians" may give its category to
_REPEAT_WINDOW = 3  # sentences within which the same number is the same count
_REPEAT_MIN = 3  # below this, a repeated value is no evidence of the same count
_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][\w'-]+")
# "five Boko Haram fighters killed", "dozens of M23 rebels killed": the actor is counted.
# "have been killed in attacks, largely carried out by the TTP": an attacker of some of them
_LARGELY_BEFORE = re.compile(
    r"\b(?:largely|mostly|mainly|partly|partially|chiefly|primarily|in\s+part)\s+"
    r"(?:[\w-]+\s+){0,3}?$",
    re.I,
)
# "no militant group claimed responsibility", "No armed group has claimed": an actor denied
_NO_ACTOR = re.compile(r"\b(?:no|not\s+any|neither)\s+(?:[\w-]+\s+)?$", re.I)
# a force phrase ending in a noun of people ("Myanmar government troops"; not "13 Russian
# missiles", which are counted and do the killing)
_COUNTED_PEOPLE = re.compile(
    r"\b(?:troops|soldiers|forces|military|army|personnel|servicemen|units|fighters|militias|"
    r"paramilitaries|members)\W*$",
    re.I,
)
# "12 members of Egypt's military", "three of Russia's soldiers": a count of a force's people
_COUNTED_OF = re.compile(
    r"(?:\d[\d,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|hundreds|several|many))"
    r"\s+(?:[\w-]+\s+){0,2}?of\s+(?:the\s+)?$",
    re.I,
)
_COUNTED_ACTOR = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?|"
    r"scores|several|many|some|more|other|of|including))[\s,]*$",
    re.I,
)
# "Agency spokesman Mahmud Bassal", "a UN spokesman": a body's spokesman, named or not.
_SPOKESMAN_OF = re.compile(
    rf"(?:(?:the|a|an)\s+)?(?P<body>[\w'.-]+(?:\s+[\w'.-]+){{0,5}}?)\s+"
    rf"(?:(?:chief|deputy|official|press)\s+)?spokes(?:man|woman|person)"
    rf"(?:\s+(?P<person>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}))?$",
    re.I,
)
# ", the Chief Spokesman for UN Secretary-General Antonio Guterres": an apposition naming the
# body a named spokesman speaks for.
_SPOKESMAN_FOR = re.compile(
    r"\s*,\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?spokes(?:man|woman|person)\s+(?:for|of)\s+"
    r"(?:the\s+)?(?P<body>[^,.;]{1,80})",
    re.I,
)
# "Last week Iraqi police said", "On Monday the ministry said": a time before a speaker.
_LEADING_TIME = re.compile(
    r"^\s*(?:(?:last|this|earlier\s+this|late\s+last)\s+(?:week|month|year|night|weekend)"
    r"|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|earlier|later)"
    r"\s*,?\s+(?=\S)",
    re.I,
)
_MINISTRY = re.compile(r"\b(?:ministry|health\s+(?:department|authorit\w+|minister))\b", re.I)
# "For the six months from January to June", "from January to 15 March": a period of months,
# whose count holds at the period's end
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH_PERIOD = re.compile(
    rf"\b(?:from|between)\s+(?:{_MONTHS})(?:\s+\d{{4}})?\s+(?:to|and|until|through)\s+"
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTHS})(?!\s+\d{{1,2}}\b)(?:\s+(?P<year>\d{{4}}))?\b",
    re.I,
)
# "a government statement", "a military communique": a body's statement with no name.
_ISSUED_BY = re.compile(
    r"(?P<body>[\w-]+(?:\s+[\w-]+)?)\s+(?:statement|communique|communiqué|press\s+release)",
    re.I,
)
# "a medical source at the Al-Awda hospital", "a security source in Maiduguri": an unnamed
# source placed by where it works.
_SITUATED_SOURCE = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?P<noun>source|sources|official|officials|doctor|doctors|medic|medics)"
    r"\s+(?:at|in|from|with)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}",
    re.I,
)
_LEADING_CONJUNCTIONS = frozenset({"while", "whereas", "but", "and", "meanwhile", "as"})
# "spokesperson Marta Hurtado": a spokesperson named without the body spoken for
_BARE_SPOKESMAN = re.compile(
    rf"(?:(?:the|a|an)\s+)?(?:(?:chief|deputy|official|press)\s+)?spokes(?:man|woman|person)"
    rf"\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}",
    re.I,
)
# a parenthesis ending the phrase before a speech verb, and a quoted name ending it
_TRAILING_PAREN = re.compile(r"\s*\([^()]{0,100}\)\s*$")
_TRAILING_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]{2,60}[\"\u201d]\s*$")
# a quoted name heading a speaker phrase, and correspondents speaking for their outlet
# (a name: capitalised, at most six words, no digits and no punctuation of a quoted sentence)
_QUOTED_NAME = re.compile(
    r"^(?:the\s+)?[\"\u201c](?P<name>[A-Z][^\"\u201c\u201d\d,.;:!?]{1,50}?)[\"\u201d](?!\w)"
)
_CORRESPONDENTS = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:correspondents?|reporters?|journalists?)\s+(?:for|of|from|with)\s+"
    r"(?:the\s+)?[\"\u201c]?(?P<name>[^\"\u201c\u201d,]{2,60}?)[\"\u201d]?$",
    re.I,
)
_BORDER_AFTER = re.compile(r"\s+(?:border|borders|frontier)\b", re.I)
_MAINLY_BEFORE = re.compile(
    r"\b(?:mainly|mostly|largely|primarily|chiefly|partly|particularly|especially)\s+"
    r"(?:in|on|at|around)\s+(?:the\s+)?(?:[\w'-]+(?:,\s*|\s+))?(?:of\s+)?$",
    re.I,
)
# "at least nine soldiers", "Eight police officers", "six law enforcers": a count of a state's
# forces (the words between the figure and the noun: no party word, no "and", no people noun)
_STATE_FORCES = re.compile(
    r"\s+(?:(?!(?:and|or|people|civilians?|of)\b)[a-z-]+\s+){0,2}?"
    r"(?:soldiers?|troops|servicemen|service\s+members|policemen|police\s+officers?|"
    r"police\s+personnel|security\s+personnel|security\s+forces|law\s+enforcers|"
    r"security\s+guards|paramilitary\s+troops|rangers?|ranger\s+volunteers|jawans|troopers|"
    r"guardsmen|personnel|officers?|law\s+enforcement\s+(?:officials|officers|personnel))\b",
    re.I,
)
_POLICE_NOUN = re.compile(r"\b(?:policemen|police)\b", re.I)
# "The attack comes two weeks after al-Shabaab ... besieged a hotel in Mogadishu": a sentence
# that sets another event in time beside the incident told before
_ANOTHER_TIME = re.compile(
    r"\b(?:after|before|since|earlier|previous|previously|ago|last\s+(?:week|month|year))\b",
    re.I,
)
# "between July 4 and 10", "from March 3 to 9": the second number ends a range of days
_DAY_RANGE_END = re.compile(
    r"\b(?:between|from)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}\s+(?:and|to|until|through|-)\s+$",
    re.I,
)
# "the dead included a woman": the words before the person name the dead
_DEAD_INCLUDED = re.compile(r"\b(?:dead|killed)\b", re.I)
# "killed seven troops and six militants": a second item of a list right after a casualty verb
# and its first item shares that verb
_SHARED_VERB = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring)\s+"
    r"(?:(?:at\s+least|more\s+than|some|about|around|over)\s+)?[\w,.-]+\s+"
    r"(?:[\w-]+\s+){0,2}?and\s+$",
    re.I,
)
# a number of days, hours... ("over the past 12 days"): a duration, which counts no one
_DURATION_AFTER = re.compile(r"[\s-]+(?:days?|hours?|weeks?|months?|years?)\b", re.I)
# "quoted the ministry as saying": the speaker quoted
_QUOTED_AS = re.compile(r"\s+(?P<who>(?:[\w'.-]+\s+){0,6}?[\w'.-]+)\s+as\s+(?:saying|stating)\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|this|that)\s+$", re.I)
# A party name that names an armed actor ("rapid support forces", "saudi led coalition").
_ACTOR_NAME = re.compile(r"\b(?:forces|coalition|army|junta|militia|brigades?|front)$")
_INCIDENT = re.compile(
    r"\b(?:explosion|blast|strike|strikes|airstrikes?|attacks?|shelling|raid|raids|massacre|"
    r"bombing|ambush|"
    # "when shells hit a market", "a rocket slammed into": a projectile's hit is one incident
    r"(?:shells?|rockets?|missiles?|mortars?|bombs?|drones?|grenades?)\s+"
    r"(?:hit|struck|landed|fell|exploded|slammed)|"
    r"(?:mortar|rocket|missile|artillery|drone)\s+fire)\b",
    re.I,
)
# "injured in the blast", "The air raids on Sunday": an incident told before.
_INCIDENT_ANAPHOR = re.compile(
    r"\b(?:the|\w+day's)\s+(?:(?:air|missile|drone|rocket|artillery|deadly|latest)\s+)?"
    r"(?:blast|explosion|strikes?|airstrikes?|attacks?|shelling|raids?|bombing|massacre)\b",
    re.I,
)
# "the previous estimate of 68 deaths", "up from 56": an earlier count of the same scope.
_EARLIER = re.compile(
    r"\b(?:(?:previous|earlier|initial|preliminary|prior)\s+(?:estimate|toll|count|figure|tally)"
    r"\s+of|up\s+from|a\s+rise\s+from|rise\s+from|rose\s+from)\s+$",
    re.I,
)

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
    spokesman: str | None = None  # the spokesman through whom the body speaks, as written


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
    said_by: str | None = None  # id of the speaker as found, before any resolution
    dated: bool = False  # as_of comes from a day the text gives (not the publication date)
    incident_cue: bool = False  # the clause tells of a strike, blast, attack...
    anaphoric: bool = False  # the clause names an incident told before ("the air raids")
    party_named: bool = False  # the party comes from the figure's own words ("Karabakh civilians")
    date_how: str = ""
    subject: str | None = None  # the document's subject place when the figure was read
    place_item: bool = False  # an item of a breakdown by place ("... and 29 in Israel")
    breakdown: str | None = None  # for the last item of one, the common ancestor of its places


@dataclass(slots=True)
class _NounPhrase:
    head: str | None = None  # category of a people noun, or "inherit"
    reject: str | None = None
    noun: str = ""
    parties: list[str] = field(default_factory=list)
    speaker_side: bool = False
    increment: bool = False
    elliptic_more: bool = False  # "931 more" with no noun after "more"
    population: bool = False
    part_of: bool = False  # "Two of the dead"
    end: int = 0


@dataclass(slots=True)
class _Context:
    text: str
    norm: str
    published: dt.date
    outlet: str | None
    trees: ScopeTrees
    war_start: dt.date
    lex: Lexicon
    party_words: dict[str, str]
    perpetrator: re.Pattern[str]
    gazetteer: re.Pattern[str]
    adjective_places: re.Pattern[str]
    there: re.Pattern[str]
    speakers: list[Speaker] = field(default_factory=list)
    speaker_starts: list[int] = field(default_factory=list)
    mask: list[tuple[int, int]] = field(default_factory=list)
    quotes: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    clause_cache: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    last: Candidate | None = None  # the last candidate of the previous sentence
    last_sentence: int = -2
    all_places: list[tuple[int, str]] = field(default_factory=list)  # every place, in order
    all_place_starts: list[int] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    subject_node: str | None = None  # common ancestor of the places of earlier sentences
    sentence_places: tuple[int, list[int], list[str | None]] | None = None
    events: dict[int, dt.date | None] = field(default_factory=dict)
    lede_place: bool = False  # the first sentence names a place (the text has a subject place)
    last_cue: Candidate | None = None  # the last claim told with an incident cue
    last_cue_sentence: int = -9
    shadow: Candidate | None = None  # a figure of people without an outcome ("casualties")
    shadow_sentence: int = -9
    dateline: dt.date | None = None  # the day of the text's dateline
    dateline_end: int = 0
    dateline_place: str | None = None  # the place of the text's dateline, as written
    lead_day: dt.date | None = None  # the one day the lead paragraph's relative words name
    lead_day_sentence: int = -1  # the sentence that names it
    continuing: re.Pattern[str] = re.compile(r"(?!x)x")
    # ", however," between a speaker and its verb (the lexicon's interjections)
    interjection: re.Pattern[str] = re.compile(r"(?!x)x")
    since_words: re.Pattern[str] = re.compile(r"(?!x)x")  # the lexicon's "since" words
    whole_war: re.Pattern[str] = re.compile(r"(?!x)x")
    sentence_starts: list[int] = field(default_factory=list)
    # "four of their gunmen", "Fifteen jihadists": a count of the lexicon's generic actors
    generic_counted: re.Pattern[str] = re.compile(r"(?!x)x")
    # the narrowest place of each sentence whose places lie on one chain (`_sentence_chain`)
    sentence_chains: dict[int, str | None] = field(default_factory=dict)
    # bodies named without speaking ("Iraq Body Count, a group that ..."), see `_bodies`
    bodies: list[tuple[int, str, Source]] = field(default_factory=list)
    body_starts: list[int] = field(default_factory=list)
    # figures without an outcome that a neighbouring sentence may give one: (kind, the claims
    # built for them, their rejection)
    deferred: list[tuple[str, list[Candidate], Rejection]] = field(default_factory=list)


def _in_sorted_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, non-overlapping): a bisection."""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted and merged where they overlap (for :func:`_in_sorted_spans`)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-") or "unnamed"


# --- parties and places ------------------------------------------------------------------------


def _party_words(trees: ScopeTrees, lex: Lexicon) -> dict[str, str]:
    """Words naming a party: the lexicon's, then the war's party tree (node ids and aliases)."""
    tree = trees["party"]
    words: dict[str, str] = {}
    for word, party in lex.get("party_words").items():
        if party in tree:
            words[word.lower()] = tree.resolve(party)
    for node in tree.nodes:
        if node != ROOT:
            words.setdefault(node.replace("-", " "), node)
    for alias, node in tree.aliases.items():
        words.setdefault(alias.replace("-", " "), node)
    # a plural name used as a noun adjunct is singular ("gangs" -> "Gang violence", "insurgents"
    # -> "an insurgent attack")
    for word, node in list(words.items()):
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and " " not in word:
            words.setdefault(word[:-1], node)
    return words


def _party_of_word(ctx: _Context, word: str) -> str | None:
    key = word.lower().removesuffix("'s").removesuffix("'")
    found = ctx.party_words.get(key)
    if found is None and "." in key:
        found = ctx.party_words.get(" ".join(key.replace(".", " ").split()))  # "U.S.
    if found is None and "-" in key:
        found = ctx.party_words.get(" ".join(key.replace("-", " ").split()))  # "Saudi-led"
    if found is None and ctx.lex.stems:
        stems = [s for s in ctx.party_words if key.startswith(s)]
        if stems:
            found = ctx.party_words[max(stems, key=len)]
    return found


def _actor_words(ctx_words: dict[str, str], trees: ScopeTrees, lex: Lexicon) -> list[str]:
    """Party words that name an armed actor by themselves: a name ending in forces, coalition,
    army...; one of the lexicon's `actor_words`; or a party of the war that holds no territory
    (no node of the region tree: "Boko Haram", "M23", "extremists")."""
    perp = lex.get("perpetrator")
    region = trees["region"]
    adjectives = set(lex.get("party_words"))
    out = []
    for word in sorted(ctx_words, key=len, reverse=True):
        node = ctx_words[word]
        named = _ACTOR_NAME.search(word) is not None or word in perp.get("actor_words", [])
        landless = word not in adjectives and node != ROOT and node not in region
        if named or landless:
            out.append(word)
    return out


def _lone_actor(trees: ScopeTrees) -> str | None:
    """The one party of the war's tree (a child of its root) that holds no territory and is no
    government side ("insurgents", "gangs", "al-shabaab"), or None when there are none or
    several: who a generic "gunmen", "a terrorist gang" of the text are."""
    party, region = trees["party"], trees["region"]
    landless = [
        node for node in party.children[ROOT] if node not in region and "government" not in node
    ]
    return landless[0] if len(landless) == 1 else None


def _state_side(trees: ScopeTrees) -> str | None:
    """The state's party in a war of one armed group against the state: the root of the
    party tree has exactly two children, one of them the lone armed group (`_lone_actor`) and
    the other holding territory or named a government side ("colombia" against "eln",
    "somali-government-side" against "al-shabaab"). None in any other war (two states, several
    armed groups)."""
    lone = _lone_actor(trees)
    if lone is None:
        return None
    others = [n for n in trees["party"].children[ROOT] if n != lone]
    if len(others) != 1:
        return None
    state = others[0]
    return state if state in trees["region"] or "government" in state else None


# "Armed anglophone separatists early Tuesday killed nine villagers": a time between an actor
# and its verb
_WHEN_WORDS = (
    r"early|late|on|overnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"morning|afternoon|evening|night"
)


def _perpetrator_pattern(
    ctx_words: dict[str, str], lex: Lexicon, stems: bool, trees: ScopeTrees | None = None
) -> re.Pattern[str]:
    perp = lex.get("perpetrator")
    generic = (
        words_of(perp.get("generic_actors", []))
        if trees is not None and _lone_actor(trees) is not None
        else ""
    )
    words = sorted(ctx_words, key=len, reverse=True)
    # "saudi led" (the alias saudi-led) matches "Saudi-led" and "Saudi led"
    side = "|".join(re.escape(w).replace(r"\ ", "[- ]") for w in words) or "(?!x)x"
    if stems:
        side = rf"(?:{side})\w*"
    # party words that are names of armed actors themselves ("Rapid Support Forces", "junta",
    # "Saudi-led coalition"): after "by" they name the perpetrator with no force noun
    if trees is not None:
        actors = _actor_words(ctx_words, trees, lex)
    else:
        actors = [w for w in words if _ACTOR_NAME.search(w) or w in perp.get("actor_words", [])]
    actor = "|".join(re.escape(w).replace(r"\ ", "[- ]") for w in actors) or "(?!x)x"
    forces = words_of(perp["force_nouns"])
    subject_nouns = words_of(perp.get("subject_nouns", []))
    subject_verbs = words_of(perp.get("subject_verbs", []))
    aggression = words_of(perp.get("aggression_of", []))
    force_of = words_of(perp.get("force_of", []))
    fire = words_of(perp["fire_verbs"])
    parts = [
        rf"\b(?:by|from|with)\s+(?:the\s+)?(?P<a>{side})\s+(?:[\w'-]+\s+){{0,2}}?(?:{forces})\b",
        rf"\b(?P<b>{side})(?:'s)?\s+(?:[\w'-]+\s+){{0,2}}?(?:{forces})\b",
        rf"\b(?P<c>{side})\s+(?:forces|troops|army|military)\s+(?:{fire})\b",
        rf"\b(?:{forces})\s+(?:с\s+)?(?P<d>{side})\b",
        rf"\bby\s+(?:the\s+)?(?:[\w'-]+\s+)?(?P<f>{actor})(?![\w-])",
        # "M23 rebels killed", "Boko Haram has so far killed", "the Islamist sect, Boko Haram,
        # attacked": an actor as the subject of an active casualty verb
        rf"(?<![\w-])(?P<g>{actor})\s*,?\s+(?:(?:{subject_nouns})\s+)?"
        rf"(?:(?:has|have|had|reportedly|allegedly|also|first|then|so\s+far|{_WHEN_WORDS})\s+){{0,3}}"
        rf"(?:{subject_verbs})\b(?!\s+(?:in|by|on|at(?!\s+least)|during|when|while|after|as|near|and|or)\b)",
        # "the new aggression of Armenia", "the missile strike on Ganja by Armenia"
        rf"\b(?:{aggression})\s+(?:the\s+)?(?P<h>{side})(?![\w-])(?!'s)",
        # "an ambush by some \u201carmed terrorists\u201d", "an attack by suspected jihadists": a
        # hedge word and a quotation mark before the attacker's word
        rf"\b(?:{aggression})\s+(?:(?:some|suspected|alleged|presumed)\s+)?[\"\u201c']"
        rf"(?:[\w-]+\s+)?(?P<r>{side})(?![\w-])(?!'s)",
        rf"\b(?:strike|attack|shelling|strikes|attacks)\s+on\s+(?:[\w'-]+\s+){{1,4}}?by\s+"
        rf"(?:the\s+)?(?P<k>{side})(?![\w-])(?!'s)",
        # "An attack blamed on jihadists", "had blamed the attack on \u201cterrorists\u201d"
        rf"\bblamed\s+(?:(?:the|it|them|this|these|[\w-]+)\s+){{0,3}}?on\s+(?:the\s+)?"
        rf"[\"\u201c']?(?P<m>{side})(?![\w-])(?!'s)",
        # "the attacks launched by the Israeli entity", "attacks and aggressions\u201d by Israel"
        rf"\b(?:{forces}|aggressions?)(?:\s+and\s+[\w'-]+)?[\"\u201d]?\s+"
        rf"(?:(?:launched|carried\s+out|conducted|waged|committed|perpetrated)\s+)?by\s+"
        rf"(?:the\s+)?(?P<n>{side})(?![\w-])(?!'s)",
        # "the attack was apparently carried out by the “La Linea” gang", "in an attack
        # attributed to the ADF rebel group": the attacker of an incident told in the passive
        rf"\b(?:(?:carried\s+out|perpetrated|committed)\s+by|attributed\s+to)\s+(?:the\s+)?"
        rf"(?:(?:so-called|suspected|alleged|presumed)\s+)?[\"\u201c']?(?P<v>{side})(?![\w-])(?!'s)",
        # "in gang-related incidents", "ISIS-linked attacks": incidents of that actor
        rf"(?<![\w-])(?P<w>{side})-(?:related|linked|led)\s+(?:incidents?|violence|attacks?|"
        rf"killings?|bombings?|raids?)\b",
        # "an attack by the Islamic State in the Greater Sahara (ISGS) group": the name a
        # parenthesised abbreviation stands for
        rf"\bby\s+(?:the\s+)?(?:[\w'-]+\s+){{1,8}}?\((?P<p>{side})\)",
    ]
    if generic:
        # "A terrorist gang attacked ..., killing": a generic armed actor as the subject of an
        # attack is the war's one party that holds no territory
        parts.append(
            rf"(?<![\w-])(?P<q>{generic})\s*,?\s+"
            rf"(?:(?:has|have|had|reportedly|allegedly|also|first|then|so\s+far|{_WHEN_WORDS})\s+){{0,3}}"
            rf"(?:{subject_verbs})\b(?!\s+(?:in|by|on|at(?!\s+least)|during|when|while|after|as|and|or)\b)"
        )
        # "gunmen who ambushed a convoy", "ambushed by more than 30 armed individuals",
        # "ambushed by a presumed drug gang": the generic actor of a relative clause or after
        # "by", past a count or a hedge
        parts.append(
            rf"(?<![\w-])(?P<t>{generic})\s*,?\s+(?:who|that|which)\s+"
            rf"(?:(?:had|have|has|reportedly|allegedly|then|{_WHEN_WORDS})\s+){{0,2}}"
            rf"(?:{subject_verbs})\b"
            rf"|\b(?:{subject_verbs})\s+by\s+(?:(?:a|an|the|some|more|than|at|least|about|"
            rf"around|over|nearly|[\d,]+|presumed|suspected|alleged|unknown|unidentified|heavily|"
            rf"armed)\s+){{0,5}}(?P<u>{generic})(?![\w-])"
        )
    # "Iraq struck back with an air raid in western Iran that killed 12 people", "Iraq
    # responded with an air raid into western Iran, killing": a side answering with a force
    parts.append(
        rf"(?<![\w-])(?P<x>{side})\s+(?:struck\s+back|hit\s+back|retaliated|responded)\s+"
        rf"(?:with|by)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{forces})\b"
    )
    # "came under heavy fire from the holed militants": the party firing
    parts.append(rf"\bfire\s+from\s+(?:the\s+)?(?:[\w'-]+\s+)?(?P<s>{side})(?![\w-])(?!'s)")
    if force_of != "(?!x)x":
        parts.append(rf"\b(?:{force_of})\s+(?:the\s+)?(?P<e>{side})\b")
    return re.compile("|".join(parts), re.IGNORECASE)


def words_of(phrases: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first (never-matching when empty)."""
    unique = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in unique) or "(?!x)x"


def _place_names(trees: ScopeTrees, lex: Lexicon) -> str:
    tree = trees["region"]
    names = [n for n in tree.nodes if n != ROOT] + list(tree.aliases)
    names += list(lex.get("region").get("names", {}))
    return "|".join(
        re.escape(n).replace(r"\-", "[- ]") for n in sorted(set(names), key=len, reverse=True)
    )


def _gazetteer(trees: ScopeTrees, lex: Lexicon) -> re.Pattern[str]:
    """Place names after a locative preposition (group ``name``) or before a place noun such as
    "district" (group ``bare``)."""
    alternatives = _place_names(trees, lex)
    preps = words_of(lex.get("region", "prepositions"))
    nouns = words_of(lex.get("region", "place_nouns"))
    after = words_of(lex.get("region").get("after_nouns", []))
    return re.compile(
        # ("in the city of Ganja"; "in the capital, Port-au-Prince": a noun and its apposition)
        rf"\b(?:{preps})\s+(?:the\s+)?(?:[\w'-]+\s+)??(?:(?:{nouns})(?:\s+of|,)?\s+)?"
        rf"(?P<name>{alternatives})(?![\w-])"
        rf"(?:'s\s+(?:[\w-]+\s+){{0,2}}?(?P<held>{alternatives})(?![\w-]))?"
        rf"|(?<![\w-])(?P<bare>{alternatives})\s+(?:{after})\b"
        # "eastern Ukraine's Kramatorsk railway station", "Kabul's airport": a possessive place
        # and the place it holds, with no preposition
        rf"|(?<![\w-])(?P<poss>{alternatives})'s\s+"
        rf"(?:(?:[\w-]+\s+){{0,2}}?(?P<inner>{alternatives})(?![\w-]))?",
        re.IGNORECASE,
    )


def _adjective_places(ctx_words: dict[str, str], lex: Lexicon) -> re.Pattern[str]:
    """A party adjective before a place noun ("Armenian villages", "Azerbaijani cities")."""
    words = sorted(ctx_words, key=len, reverse=True)
    side = "|".join(re.escape(w) for w in words) or "(?!x)x"
    nouns = words_of(lex.get("region").get("adjective_nouns", []))
    return re.compile(rf"\b(?P<adj>{side})\s+(?:{nouns})\b", re.IGNORECASE)


def _there(lex: Lexicon) -> re.Pattern[str]:
    """ "there" as a place ("killed there"), not the existential "there were"."""
    words = words_of(lex.get("region").get("there", []))
    return re.compile(
        rf"(?<![\w-])(?:{words})\b(?!\s+(?:is|are|was|were|have|has|had|will|would|could|may|"
        r"might|must|seems?|appears?|remains?|and\s+(?:here|back))\b)",
        re.IGNORECASE,
    )


_WHOSE_TITLE = re.compile(
    r"(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}?(?:leader|president|prime\s+minister|premier|"
    r"government|foreign\s+minister|defen[cs]e\s+minister|minister|spokes(?:man|woman|person)|"
    r"army\s+chief|military\s+chief|commander-in-chief)\b",
    re.I,
)


def _place_matches(ctx: _Context, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, node) of every gazetteer place in ``norm[start:end]``, masked or not."""
    out = []
    party = ctx.trees["party"]
    for match in ctx.gazetteer.finditer(ctx.norm, start, end):
        if match.group("poss") is not None:
            # a party's possessive ("Ukraine's", "Russia's") names whose, not where; a place
            # that no party holds ("Kabul's airport") is a place, and so is the place after it
            for group in ("poss", "inner"):
                if match.group(group) is None:
                    continue
                node = _resolve_place(ctx, match.group(group))
                if node is None:
                    continue
                if group == "poss" and (
                    node in party
                    or ctx.norm[match.end("poss") + 3 : match.end("poss") + 4].isupper()
                ):
                    continue  # "Yemen's Iran-aligned Houthis": whose actor, not where
                out.append((match.start(group), match.end(group), node))
            continue
        group = "name" if match.group("name") is not None else "bare"
        node = _resolve_place(ctx, match.group(group))
        if node is not None and _WHOSE_TITLE.match(ctx.norm, match.end(group)):
            node = None  # "the office of Myanmar's de-facto leader": whose office, not where
        if node is not None:
            out.append((match.start(group), match.end(group), node))
        held = _resolve_place(ctx, match.group("held")) if match.group("held") else None
        if held is not None:  # "on eastern Ukraine's Kramatorsk railway station"
            out.append((match.start("held"), match.end("held"), held))
    return out


# "about 41 km south of Srinagar city", "50 km southeast of the regional capital": a distance
# and a direction from a landmark
_DISTANCE_BEFORE = re.compile(
    r"\b\d[\d,.]*\s*(?:km|kilometres?|kilometers?|miles?)\s+(?:\([^)]{0,24}\)\s+)?"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of|from)\s+(?:the\s+)?"
    r"(?:[\w-]+,?\s+){0,3}?$",
    re.I,
)
# "Today's attack followed bombings in Songkhla": another event set beside the incident
_FOLLOWED = re.compile(r"\bfollow(?:ed|s|ing)\b", re.I)
# "have been killed", "have claimed more than 6,000 lives": a summary, not the incident told
_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:been\s+|so\s+far\s+)?(?:killed|claimed|died|left)\b", re.I
)


def _landmark(ctx: _Context, at: int) -> bool:
    """Whether the place named at ``at`` is a landmark measured from ("Tral town ..., about 41
    km south of Srinagar city", "40 kilometers (25 miles) from the town of Bir al-Abd"): a
    distance and a direction or "from" before it."""
    return _DISTANCE_BEFORE.search(ctx.norm, max(0, at - 70), at) is not None


def _resolve_place(ctx: _Context, name: str) -> str | None:
    tree = ctx.trees["region"]
    local = {k.lower(): v for k, v in ctx.lex.get("region").get("names", {}).items()}
    key = re.sub(r"\s+", " ", name.lower())
    if key in local:
        key = local[key]
    try:
        return tree.resolve(key.replace(" ", "-"))
    except KeyError:
        return None


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


def _figure_places(
    norm: str, facts: dict[str, Any], anchor: int, mains: Sequence[int]
) -> list[str]:
    """The places of the figure at ``anchor`` among the clause's places.

    With one figure in the clause, all of them. With several ("killed 19 people outside
    Saraqeb, and another 23 in Ehsim"), each place belongs to the figure it follows, or to the
    figure right after it when nothing lies between ("and in Kyiv 3 were wounded"); a figure
    that owns none shares the next figure's ("killed 5 and wounded 10 in Kharkiv"), else the
    previous one's ("in Martuni killed a girl and injured her brother"). A named
    place wins over a party adjective ("the Armenian city of Martuni"); "there" counts only when
    no place is named.
    """
    named = facts["places"] or facts["there"] or facts["adjective_places"]
    if len(mains) <= 1 or not named:
        return [node for _, _, node in named]
    if "owners" not in facts:  # once per clause: its figures never change
        ordered = sorted(mains)
        facts["owners"] = (ordered, _place_owners(norm, named, ordered))
    ordered, owners = facts["owners"]
    chosen = owners.get(anchor, [])
    i = bisect.bisect_right(ordered, anchor)
    if not chosen and i < len(ordered):  # "killed 5 and wounded 10 in Kharkiv": the next one's
        chosen = owners.get(ordered[i], [])
    if not chosen and i >= 2:  # "In Martuni, strikes killed a girl and injured her brother"
        chosen = owners.get(ordered[i - 2], [])
    return [node for _, _, node in chosen]


def _place_owners(
    norm: str, named: Sequence[tuple[int, int, str]], mains: Sequence[int]
) -> dict[int, list[tuple[int, int, str]]]:
    """Which figure (by start) each place of a clause belongs to (see :func:`_figure_places`)."""
    owners: dict[int, list[tuple[int, int, str]]] = {}
    for a, b, node in named:
        i = bisect.bisect_right(mains, a)
        later = mains[i] if i < len(mains) else None
        if later is not None and later - b <= 3 and not norm[b:later].strip():
            owner = later  # "and in Kyiv 3 were wounded": a place right before its figure
        else:
            owner = mains[i - 1] if i > 0 else mains[0]
        owners.setdefault(owner, []).append((a, b, node))
    return owners


def _sole_state(trees: ScopeTrees) -> str | None:
    """The one party of the war's tree (a child of its root) that holds territory, when every
    other child of the root holds none and there is at least one such other ("iraq" against
    "insurgents" and a "multinational-force"; "india" against two communities' groups): a war
    fought inside one state by armed groups and forces without land of their own. None in a war
    of two states, or of parties none of which holds territory."""
    party, region = trees["party"], trees["region"]
    children = party.children[ROOT]
    held = [node for node in children if node in region]
    if len(held) != 1 or len(children) < 2:
        return None
    return held[0]


def _party_of_place(trees: ScopeTrees, region: str, attacker: str | None = None) -> str | None:
    """The party whose territory holds ``region``. None in a war fought inside one state by
    parties holding no territory (an insurgency, a gang war, an occupation's insurgency: the
    tree's root has one child that holds territory, `_sole_state`), or of one armed group
    against the state (`_state_side`): the people killed in the state's territory are no side of
    it, so a place names no party there.

    In a war of several states beside one armed group that holds no territory (Iran and Iraq
    with the Iraqi rebels; Ukraine and Russia with the Donbas separatists) a place names its
    state only for a count whose ``attacker`` is another state that holds territory of its own
    ("An Iranian missile hit ... killing 21 civilians" in Baghdad: Iraq's); with no such
    attacker the place may be ground the armed group holds, and names no party.

    A war's territory table (:meth:`ScopeTrees.territory_of`) comes first: it says whose
    people the dead of a place are ("Sarajevo" -> the government side), ``all`` for a place it
    leaves contested."""
    owner = trees.territory_of(region)
    if owner is not None:
        return None if owner == ROOT else owner
    if _sole_state(trees) is not None or _state_side(trees) is not None:
        return None
    party = trees["party"]
    several = _lone_actor(trees) is not None
    if several and (attacker is None or attacker == ROOT or attacker not in trees["region"]):
        return None
    for node in trees["region"].ancestors(region):
        if node != ROOT and node in party:
            owner = party.resolve(node)
            if several and attacker is not None and party.is_within(attacker, owner):
                return None
            return owner
    return None


_SPEECH_PLACE = re.compile(
    r"\b(?:briefings?|(?:news|press)\s+conferences?|told\s+(?:reporters|journalists)|"
    r"speaking\s+to\s+(?:reporters|journalists))\s+in\s+(?:the\s+)?$",
    re.I,
)


def _clause_facts(ctx: _Context, clause: tuple[int, int]) -> dict[str, Any]:
    """Places, perpetrator and cues of one clause, computed once per clause."""
    cached = ctx.clause_cache.get(clause)
    if cached is not None:
        return cached
    start, end = clause
    places: list[tuple[int, int, str]] = [
        (a, b, node)
        for a, b, node in _place_matches(ctx, start, end)
        if not _in_sorted_spans(a, ctx.mask)
        # "near the Burkina Faso border": the border area, not the country; "mainly in the
        # capital": not only there
        and not _BORDER_AFTER.match(ctx.norm, b)
        and not _MAINLY_BEFORE.search(ctx.norm, max(start, a - 40), a)
        # "he said at a press briefing in Kyiv": where the speaker spoke, not where anyone died
        and not _SPEECH_PLACE.search(ctx.norm, max(start, a - 40), a)
    ]
    region_tree = ctx.trees["region"]
    adjective: list[tuple[int, int, str]] = []
    for match in ctx.adjective_places.finditer(ctx.norm, start, end):
        party = _party_of_word(ctx, match.group("adj"))
        if (
            party is not None
            and party in region_tree
            and not _in_sorted_spans(match.start(), ctx.mask)
        ):
            adjective.append((match.start(), match.end(), region_tree.resolve(party)))
    there: list[tuple[int, int, str]] = []
    for match in ctx.there.finditer(ctx.norm, start, end):
        i = bisect.bisect_left(ctx.all_place_starts, match.start()) - 1
        if i >= 0:
            there.append((match.start(), match.end(), ctx.all_places[i][1]))
    since_spans = []
    for word in ctx.lex.get("perpetrator").get("since_phrase", []):
        for match in re.finditer(rf"\b{re.escape(word)}\b", ctx.norm[start:end], re.IGNORECASE):
            stop = re.search(r"[,;]", ctx.norm[start + match.end() : end])
            since_spans.append(
                (start + match.start(), start + match.end() + stop.start() if stop else end)
            )
    perpetrator = None
    sides = {k.lower(): v for k, v in ctx.lex.get("perpetrator", "words").items()}
    # (the attacker alone of "the missile strike on Azerbaijan's Ganja city by Armenia")
    forces = [
        (m.start("k"), m.end("k")) if m.group("k") else (m.start(), m.end())
        for m in ctx.perpetrator.finditer(ctx.norm, start, end)
    ]
    # "the armed forces of Armenia": a party named in a force phrase is no location
    places = [p for p in places if not _in_sorted_spans(p[0], forces)]
    since_spans = _merged(since_spans)
    # every attacker the clause names, in order; the perpetrator is the first (a generic
    # actor ends the search for it, naming the lone armed group or no one)
    named: list[str] = []
    settled = False
    for match in ctx.perpetrator.finditer(ctx.norm, start, end):
        if _in_sorted_spans(match.start(), since_spans):
            continue
        if _in_sorted_spans(match.start(), ctx.mask):
            continue  # "Mali's army said": a force in a speaker's name speaks, it kills no one
        if _NO_ACTOR.search(ctx.norm, max(start, match.start() - 24), match.start()):
            continue  # "no militant group claimed responsibility": no one named
        if _LARGELY_BEFORE.search(ctx.norm, max(start, match.start() - 40), match.start()):
            continue  # "in attacks, largely carried out by the TTP": not all of them its own
        if any(match.groupdict().get(g) is not None for g in ("q", "t", "u")):
            if _COUNTED_ACTOR.search(ctx.norm, max(start, match.start() - 30), match.start()):
                continue
            lone = _lone_actor(ctx.trees)
            if not settled:
                perpetrator, settled = lone, True
            if lone is not None and lone not in named:
                named.append(lone)
            continue
        if match.group("g") is not None and _COUNTED_ACTOR.search(
            ctx.norm, max(start, match.start() - 30), match.start()
        ):
            continue  # "five Boko Haram fighters killed": the actor counted, not killing
        word = next(g for g in match.groups() if g).lower()
        side = sides.get(word) or next(
            (v for k, v in sides.items() if ctx.lex.stems and word.startswith(k)), None
        )
        found = side if side is not None and side in ctx.trees["party"] else None
        if found is None:
            found = _party_of_word(ctx, word)
        if found is None:
            continue
        if _COUNTED_PEOPLE.search(match.group(0)) and _COUNTED_ACTOR.search(
            ctx.norm, max(start, match.start() - 30), match.start()
        ):
            continue  # "including 12 Myanmar government troops": the dead counted, not killing
        if not settled:
            perpetrator, settled = found, True
        if found not in named and not _COUNTED_OF.search(
            ctx.norm, max(start, match.start() - 40), match.start()
        ):
            named.append(found)  # ("killed 12 members of Egypt's military": the dead, counted)
    text = ctx.norm[start:end].lower()
    carry_back = any(w in text for w in ctx.lex.get("perpetrator", "carry_back"))
    facts = {
        "places": places,
        "adjective_places": adjective,
        "there": there,
        "perpetrator": perpetrator,
        "perpetrators": named,
        "carry_back": carry_back,
        "increment_span": ctx.lex.increment_span.search(ctx.norm, start, end) is not None,
        "incident_cue": _INCIDENT.search(ctx.norm, start, end),
        "anaphor": _INCIDENT_ANAPHOR.search(ctx.norm, start, end),
        "whole_war": ctx.whole_war.search(ctx.norm, start, end) is not None,
    }
    ctx.clause_cache[clause] = facts
    return facts


# --- sources -------------------------------------------------------------------------------------


def _speech_end(ctx: _Context, start: int, end: int) -> int | None:
    after = ctx.lex.speech_after.match(ctx.norm, end, min(len(ctx.norm), end + 90))
    if after is not None:
        return after.end()
    if ctx.lex.speech_before.search(ctx.norm, max(0, start - 30), start) is not None:
        return start
    return None


def _table_source(ctx: _Context, phrase: str) -> Source | None:
    """The source of the table named inside ``phrase`` (the longest match), if any."""
    best: tuple[int, Source] | None = None
    for entry in ctx.lex.sources:
        match = entry.pattern.search(phrase)
        if match is not None and (best is None or match.end() - match.start() > best[0]):
            best = (match.end() - match.start(), entry.source)
    return best[1] if best is not None else None


_OWNED = re.compile(r"(?:'s|')\s+")
_OWNED_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class _Owned:
    start: int  # where the owned body's words start
    end: int  # the end of its head noun
    head: str


def _owned_body(ctx: _Context, text: str, end: int) -> _Owned | None:
    """The body a table name owns right after ``end`` ("Moscow's defence ministry", "Russia's
    top investigation committee"): the body speaks, not the state the name stands for. Its head
    is the last speaker head of the first run of them within five words."""
    owned = _OWNED.match(text, end, min(len(text), end + 4))
    if owned is None:
        return None
    best: tuple[int, str] | None = None
    at = owned.end()
    for _ in range(5):
        word = _OWNED_WORD.match(text, at)
        if word is None:
            break
        lowered = word.group(0).lower()
        if lowered in ctx.lex.stop_words or ctx.lex.speech_any.fullmatch(lowered):
            break
        if lowered in ctx.lex.speaker_heads:
            best = (word.end(), lowered)
        elif best is not None:
            break
        at = word.end()
        while at < len(text) and text[at] == " ":
            at += 1
    if best is None:
        return None
    return _Owned(owned.end(), best[0], best[1])


def _state_name(ctx: _Context, source: Source, matched: str) -> bool:
    """Whether a table match is a state's name standing for its government ("Moscow",
    "Russia"), not a body's name ("the UN", "Amnesty"): a government source matched by words
    that hold no speaker head."""
    if source.kind is not SourceKind.GOVERNMENT:
        return False
    return not any(w.lower().strip("'.") in ctx.lex.speaker_heads for w in matched.split())


def _owner_source(ctx: _Context, phrase: str) -> Source | None:
    """The source of the table named in ``phrase``; when that name owns a body ("Moscow's
    defence ministry"), the body kept as text, with the owner's affiliation."""
    best: tuple[int, re.Match[str], Source] | None = None
    for entry in ctx.lex.sources:
        match = entry.pattern.search(phrase)
        if match is not None and (best is None or match.end() - match.start() > best[0]):
            best = (match.end() - match.start(), match, entry.source)
    if best is None:
        return None
    _, match, owner = best
    if not _state_name(ctx, owner, match.group(0)):
        return owner
    owned = _owned_body(ctx, phrase, match.end())
    if owned is None or owned.end != len(phrase.rstrip()):
        return owner
    name = " ".join(phrase[match.start() : owned.end].split())
    kind = ctx.lex.speaker_heads[owned.head]
    return Source(
        _slug(name),
        name,
        SourceKind.GOVERNMENT if kind == "government" else SourceKind.OTHER,
        owner.affiliation if kind == "government" else INDEPENDENT,
    )


def _text_source(ctx: _Context, phrase: str) -> Source | None:
    """A source kept as text: a person's name, or a phrase ending in a speaker head noun."""
    # "Last week Iraqi police said": a day or a time before the speaker is no part of it
    phrase = _LEADING_TIME.sub("", phrase)
    words = phrase.split()
    while words and words[0].lower() in _LEADING_CONJUNCTIONS:
        words = words[1:]  # "while the International Organization for Migration reports"
    indefinite = bool(words) and words[0].lower() in ("a", "an")
    while words and words[0].lower() in ("the", "and", "a", "an"):
        words = words[1:]
    if not words or len(words) > 10:
        return None
    name = " ".join(words)
    if name.lower() in _PRONOUNS:
        return None
    head = words[-1].lower().strip(",.'\u2019")
    kind = ctx.lex.speaker_heads.get(head)
    heads_inside = [
        ctx.lex.speaker_heads[w.lower().strip(",")]
        for w in words
        if w.lower().strip(",") in ctx.lex.speaker_heads
    ]
    if kind is None and heads_inside and re.search(r"\s(?:of|in|for)\s|,", f" {name.lower()} "):
        kind = heads_inside[0]  # "the health ministry in the Hamas-run enclave"
    titled = _TITLED.fullmatch(name)
    if kind is None and heads_inside and titled is not None and titled.group("title"):
        kind = heads_inside[0]  # "regional governor Oleh Synehubov"
    if (
        kind is None
        and len(words) >= 2
        and words[-2].islower()
        and words[-2].strip(",") in ctx.lex.speaker_heads
        and re.fullmatch(r"[A-Z][\w.'-]*", words[-1])
    ):
        # "Indian news agency ANI", "the newspaper Haaretz": a body named after its kind noun
        kind = ctx.lex.speaker_heads[words[-2].strip(",")]
    situated = _SITUATED_SOURCE.match(name) if indefinite else None
    if situated is not None and len(words) <= 8:
        # "a medical source at the Al-Awda hospital": an unnamed source, kept as text
        noun = situated.group("noun").lower()
        kind_of = ctx.lex.speaker_heads.get(noun, SourceKind.OTHER.value)
        chosen_kind = (
            SourceKind.GOVERNMENT if kind_of == SourceKind.GOVERNMENT.value else SourceKind.OTHER
        )
        return Source(_slug(name), name, chosen_kind, INDEPENDENT)
    issued = _ISSUED_BY.fullmatch(name) if indefinite else None
    if issued is not None and issued.group("body").split()[-1].lower() in ctx.lex.speaker_heads:
        # "according to a government statement": the body's statement, kept as text
        body_kind = ctx.lex.speaker_heads[issued.group("body").split()[-1].lower()]
        parties = [p for p in (_party_of_word(ctx, w) for w in words) if p is not None]
        return Source(
            _slug(name),
            name,
            SourceKind.GOVERNMENT if body_kind == "government" else SourceKind.OTHER,
            parties[0] if parties and body_kind == "government" else INDEPENDENT,
        )
    if indefinite and (
        ctx.lex.speaker_heads.get(head) is None
        or len(words) > 8
        or any(w.lower() in ctx.lex.stop_words for w in words)
    ):
        # "a statement said", "a list released by the ministry": no speaker of its own; "a Pale
        # Township people's administration spokesman" is one
        return None
    if kind is None:
        if _NAME.fullmatch(name) and not any(w.lower() in ctx.lex.stop_words for w in words):
            tree = ctx.trees["party"]
            key = name.lower().replace(" ", "-")
            if key in tree.nodes and key != ROOT:
                # "Ukraine says": the party's government
                return Source(f"{key}-government", name, SourceKind.GOVERNMENT, key)
            party = _party_of_word(ctx, name) or ctx.party_words.get(name.lower())
            if party is not None and len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
                # "said the HPG", "ISIS said": an armed group's acronym (an alias of its party in
                # the war's tree) speaks for the group; never a territory's name
                region = ctx.trees["region"]
                if key not in region.nodes and party != ROOT and party not in region.nodes:
                    return Source(_slug(name), name, SourceKind.OTHER, party)
            if party is not None:
                return None
            return Source(_slug(name), name, SourceKind.INDIVIDUAL, INDEPENDENT)
        return None
    affiliation = INDEPENDENT
    if kind == "government":
        parties = [p for p in (_party_of_word(ctx, w) for w in words) if p is not None]
        if parties:
            affiliation = parties[0]
    chosen = kind if kind in {k.value for k in SourceKind} else SourceKind.OTHER.value
    if chosen != "government":
        chosen = SourceKind.OTHER.value
    return Source(_slug(name), name, SourceKind(chosen), affiliation)


def _subject_before(ctx: _Context, sentence_start: int, verb_start: int) -> tuple[int, str] | None:
    """The phrase right before a speech verb, back to the clause start (a comma, quote...)."""
    floor = max(sentence_start, verb_start - 120)
    chunk = ctx.norm[floor:verb_start]
    aside = ctx.interjection.search(chunk)
    if aside is not None and aside.start() > 0:
        # "the Peoples Defence Force (HPG) however, said": an adverb set off by commas is no
        # clause boundary
        return _subject_before(ctx, sentence_start, floor + aside.start())
    paren = _TRAILING_PAREN.search(chunk)
    if paren is not None and paren.start() > 0:
        # "Correspondents for the Bulletin (published by the NGO CIP) speak of": the phrase
        # before the parenthesis
        return _subject_before(ctx, sentence_start, floor + paren.start())
    quoted = _TRAILING_QUOTED.search(chunk)
    # a quoted name ("Sala da Paz" puts the toll at) is no clause boundary
    scan = chunk[: quoted.start()] if quoted is not None else chunk
    cut = max(
        scan.rfind(c)
        for c in (",", ";", ":", '"', "\u201c", "\u201d", "(", ")", "\u2013", "\u2014")
    )
    lowered = chunk.lower()
    for word in (" that ", " who ", " which ", " when ", " where ", " while ", " whereas "):
        at = lowered.rfind(word)
        cut = max(cut, at + len(word) - 1 if at >= 0 else -1)
    start = floor + cut + 1
    words = ctx.norm[start:verb_start].split()
    while words and words[-1].lower() in ctx.lex.auxiliaries:
        words.pop()
    if not words and cut >= 0 and chunk[cut] == ",":
        # "Oleh Synehubov, the governor of the Kharkiv region, said": a name and its apposition
        inner = chunk[:cut]
        first = inner.rfind(",")
        if first >= 0:
            head_part = inner[:first]
            # '"Sala da Paz" ("Peace Room"), a coalition of ...': the name without its gloss
            gloss = _TRAILING_PAREN.search(head_part)
            named_end = gloss.start() if gloss is not None and gloss.start() > 0 else first
            head_part = inner[:named_end]
            name_quoted = _TRAILING_QUOTED.search(head_part)
            scan_head = head_part[: name_quoted.start()] if name_quoted is not None else head_part
            begin = max(
                scan_head.rfind(c) for c in (",", ";", ":", '"', "\u201c", "\u201d", "(", ")")
            )
            lowered_head = scan_head.lower()
            for word in (" that ", " who ", " which ", " when "):
                at = lowered_head.rfind(word)
                begin = max(begin, at + len(word) - 1 if at >= 0 else -1)
            lead = len(chunk[begin + 1 :]) - len(chunk[begin + 1 :].lstrip())
            if _RELATIVE_ASIDE.match(chunk, first + 1, cut):
                # "The commander, whose claim could not immediately be verified, also said": a
                # relative clause set off by commas describes the speaker, it names no other
                head_only = " ".join(chunk[begin + 1 : named_end].split())
                if head_only and len(head_only.split()) <= 8:
                    return floor + begin + 1 + lead, head_only
                return None
            phrase = " ".join((chunk[begin + 1 : named_end] + chunk[first:cut]).split())
            if phrase and len(phrase.split()) <= 12 and "," in phrase:
                return floor + begin + 1 + (
                    len(chunk[begin + 1 :]) - len(chunk[begin + 1 :].lstrip())
                ), phrase
        return None
    if not words:
        return None
    text = " ".join(words)
    return ctx.norm.index(words[0], start), text


_RELATIVE_ASIDE = re.compile(r"\s*(?:who|whose|whom|which)\b", re.I)
# "A doctor who gave his name as Ramadan told Reuters": a speaker noun phrase with a relative
# clause right before the verb (the phrase after "who" names no speaker of its own)
_RELATIVE_SPEAKER = re.compile(
    r"(?:^|(?<=[\s,;:\"\u201c(]))(?P<np>(?:an?|the)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+who\s+"
    r"(?P<rel>(?:[\w'.-]+\s+){0,8}?[\w'.-]+)\s*$",
    re.I,
)


_TIME_WORD = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|late|early|earlier|"
    r"later|last|this|morning|afternoon|evening|night|overnight|week|weekend",
    re.I,
)


_TITLE_STOP = re.compile(
    r"\b(Capt|Maj|Brig|Col|Lt|Gen|Sgt|Cpl|Pvt|Adm|Gov|Insp|Supt|Prof|Rev|Dr|Mr|Mrs|Ms)\."
)


def _subject_after(ctx: _Context, verb_end: int, limit: int) -> tuple[int, str] | None:
    """The phrase right after an inverted speech verb (", said Rosemary DiCarlo, the ...")."""
    chunk = ctx.norm[verb_end : min(limit, verb_end + 100)]
    platforms = words_of(ctx.lex.get("speech").get("platforms", []))
    posted = re.match(
        rf"\s*(?:on|in)\s+(?:{platforms})(?:\s+(?:messaging|channel|app|page|account))?\s+",
        chunk,
        re.I,
    )
    if posted is not None:  # ", wrote on Telegram messaging Pavlo Kirilenko"
        verb_end += posted.end()
        chunk = chunk[posted.end() :]
    stop = len(chunk)
    # ", said Capt. Muthanna Ahmed": a title's full stop ends no speaker
    plain = _TITLE_STOP.sub(lambda m: m.group(1) + " ", chunk)
    for c in (",", ".", ";", "(", " on ", " in ", " that "):
        at = plain.find(c)
        if at >= 0:
            stop = min(stop, at)
    words = chunk[:stop].split()
    while len(words) > 1 and _TITLE_STOP.fullmatch(words[0]):
        offset = chunk.index(words[1], chunk.index(words[0]) + len(words[0]))
        verb_end += offset
        chunk = chunk[offset:]
        words = words[1:]
    if not words or all(_TIME_WORD.fullmatch(w) for w in words):
        return None  # "..., reports from both sides of the conflict said Thursday": a day
    return verb_end + chunk.index(words[0]), " ".join(words)


def _relative_speaker(ctx: _Context, sentence_start: int, match: re.Match[str]) -> Speaker | None:
    """ "A doctor who gave his name as Ramadan told Reuters": a speaker noun phrase (a head noun
    of `[speaker_heads]` after an article) whose relative clause runs up to the verb speaks; the
    phrase is kept whole, clause and all, as the speaker's name. A bounded window before the
    verb."""
    floor = max(sentence_start, match.start() - 120)
    chunk = ctx.norm[floor : match.start()]
    relative = _RELATIVE_SPEAKER.search(chunk)
    if relative is None:
        return None
    clause = relative.group("rel")
    if ctx.lex.speech_any.search(clause) or any(w.lower() in _PRONOUNS for w in clause.split()[:1]):
        return None  # "a doctor who said ...": the clause's own verb speaks
    head = _text_source(ctx, relative.group("np"))
    if head is None or head.kind is SourceKind.INDIVIDUAL:
        return None
    name = " ".join(f"{relative.group('np')} who {clause}".split())
    start = floor + relative.start("np")
    source = Source(_slug(name), name, head.kind, head.affiliation)
    return Speaker(start, floor + relative.end("rel"), source, match.end())


def _structural_speakers(ctx: _Context, sentences_: Sequence[Sentence]) -> list[Speaker]:
    """Speakers found from reporting structures, whether or not the source table knows them."""
    lex, norm = ctx.lex, ctx.norm
    out: list[Speaker] = []
    according = lex.get("speech", "according")
    inverted = {w.lower() for w in lex.get("speech", "inverted")}
    pronoun_pattern = lex.pronoun_before
    relayed_words = lex.get("speech").get("relayed", [])
    relayed = (
        re.compile(rf"\s*,?\s*(?:{words_of(relayed_words)})\b", re.I) if relayed_words else None
    )
    participles = {w.lower() for w in lex.get("speech").get("participles", [])}
    previous: Speaker | None = None
    for sentence in sentences_:
        for match in lex.speech_any.finditer(norm, sentence.start, sentence.end):
            verb = match.group(0).lower()
            if relayed is not None and relayed.match(norm, match.end(), sentence.end):
                continue  # "Trend reports with reference to X": X speaks, Trend relays
            if _DETERMINER_BEFORE.search(
                norm, max(sentence.start, match.start() - 8), match.start()
            ):
                continue  # "an updated toll", "the reported figure": an adjective, not a verb
            found: Speaker | None = None
            if verb in participles:
                found = _participle_speaker(ctx, sentence, match, out, previous)
                if found is not None:
                    out.append(found)
                    previous = found
                continue
            if verb == "quoted":
                quoted = _QUOTED_AS.match(norm, match.end(), sentence.end)
                if quoted is None:
                    continue
                # "the semi-official Mehr News Agency quoted the ministry as saying": the one
                # quoted speaks, the one quoting relays
                relayer = _subject_before(ctx, sentence.start, match.start())
                said = _speaker_from_phrase(
                    ctx, (quoted.start("who"), quoted.group("who")), quoted.end(), previous
                )
                if said is not None:
                    source = (
                        _table_source(ctx, relayer[1]) or _text_source(ctx, relayer[1])
                        if relayer is not None
                        else None
                    )
                    found = Speaker(
                        said.start,
                        said.end,
                        said.source,
                        said.verb_end,
                        source.id if source is not None else said.via,
                        said.resolved,
                        said.spokesman,
                    )
                    out.append(found)
                    previous = found
                continue
            # the window reaches one character before the sentence so that a pronoun opening
            # it ("It also said ...") has the blank its pattern needs before it
            if previous is not None and pronoun_pattern.search(
                norm, max(sentence.start - 1, 0, match.start() - 30), match.start()
            ):
                found = Speaker(
                    match.start(), match.start(), previous.source, match.end(), previous.via, True
                )
            if (
                found is None
                and previous is None
                and _PERSONAL_PRONOUN.search(
                    norm, max(sentence.start - 1, 0, match.start() - 30), match.start()
                )
            ):
                # "Dr. Mohammed Abdulkarim ... keeps the casualty figures in his head. ... 'One
                # dead Thursday,' he said": the person named opening a sentence before
                person = _anaphor(ctx, _PERSON, [], at=match.start())
                if person is not None:
                    found = Speaker(match.start(), match.start(), person, match.end(), None, True)
            if found is None:
                subject = _subject_before(ctx, sentence.start, match.start())
                if subject is not None:
                    found = _speaker_from_phrase(ctx, subject, match.end(), previous)
            if found is None:
                found = _relative_speaker(ctx, sentence.start, match)
            if found is None and verb in inverted:
                subject = _subject_after(ctx, match.end(), sentence.end)
                if (
                    subject is not None
                    and previous is not None
                    and subject[1].lower() in lex.get("speech", "pronouns")
                ):
                    # ", says the report": the last speaker's report
                    found = Speaker(
                        subject[0],
                        subject[0] + len(subject[1]),
                        previous.source,
                        match.end(),
                        previous.via,
                        True,
                    )
                elif subject is not None:
                    found = _speaker_from_phrase(ctx, subject, match.end(), previous)
                if found is not None and found.source.kind is SourceKind.INDIVIDUAL:
                    # "said Stephane Dujarric, the Chief Spokesman for UN Secretary-General ...":
                    # the body he speaks for
                    role = _SPOKESMAN_FOR.match(norm, found.end, sentence.end)
                    body = _table_source(ctx, role.group("body")) if role else None
                    if body is not None:
                        found = Speaker(
                            found.start,
                            found.end,
                            body,
                            found.verb_end,
                            found.via,
                            True,
                            found.source.name,
                        )
            if found is not None:
                out.append(found)
                previous = found
        lowered = norm[sentence.start : sentence.end].lower()
        for phrase in according:
            at = lowered.find(phrase.lower())
            while at >= 0:
                begin = sentence.start + at + len(phrase)
                subject = _subject_after(ctx, begin, sentence.end)
                if subject is not None:
                    subject = _posted_on(ctx, subject, sentence.end)
                    found = _speaker_from_phrase(ctx, subject, begin, previous)
                    if found is not None:
                        via = found.via or _relayer(ctx, sentence.start, sentence.start + at)
                        found = Speaker(sentence.start + at, found.end, found.source, begin, via)
                        out.append(found)
                        previous = found
                at = lowered.find(phrase.lower(), at + 1)
        for match in lex.possessive_count.finditer(norm, sentence.start, sentence.end):
            words = match.group("who").split()
            cuts = [
                i
                for i, w in enumerate(words)
                if w.lower() in ("from", "of", "to", "in", "by", "on", "at", "with")
            ]
            if cuts:
                words = words[cuts[-1] + 1 :]
            phrase = " ".join(words)
            source = _table_source(ctx, phrase) or _text_source(ctx, phrase)
            if source is None and words and words[-1].lower() in lex.speaker_heads:
                source = _anaphor(ctx, words[-1].lower(), out, at=match.start())
            if source is not None:
                out.append(
                    Speaker(match.start("who"), match.end(), source, match.end(), None, False)
                )
    out.sort(key=lambda s: s.start)
    return out


_WITH_BEFORE = re.compile(r"(?:^|[\s,])with\s+(?P<who>[^,;:()\"]{2,100}?)\s+$", re.I)
_COMMA_BEFORE = re.compile(r",\s*$")
_SUBJECT_STOP = frozenset(
    {"at", "in", "on", "of", "from", "with", "who", "which", "that", "near", "for", "to", "by"}
)


def _clause_subject(ctx: _Context, start: int, limit: int) -> tuple[int, str] | None:
    """The noun phrase opening a sentence, up to its last speaker head before a preposition or
    a verb ("A US military officer at the scene gave ..." -> "A US military officer")."""
    chunk = ctx.norm[start:limit]
    lead = _LEADING_TIME.match(chunk)
    offset = lead.end() if lead is not None else 0
    words = list(re.finditer(r"[^\s,;:]+", chunk[offset:]))[:8]
    best: int | None = None
    for i, word in enumerate(words):
        text = word.group(0).lower()
        if text in _SUBJECT_STOP or text in ctx.lex.stop_words:
            break
        if text.strip("'") in ctx.lex.speaker_heads:
            best = i
        elif best is not None:
            break  # the head noun ended the phrase: "officer gave", not "officer ... gave"
    if best is None:
        return None
    begin = start + offset + words[0].start()
    return begin, ctx.norm[begin : start + offset + words[best].end()]


def _participle_speaker(
    ctx: _Context,
    sentence: Sentence,
    match: re.Match[str],
    found: Sequence[Speaker],
    previous: Speaker | None,
) -> Speaker | None:
    """The speaker of a participle of speech: "with the ICRC saying ..." (the phrase after
    "with"), "..., saying" (the sentence's speaker before it, else the subject opening it)."""
    before = ctx.norm[max(sentence.start, match.start() - 110) : match.start()]
    with_ = _WITH_BEFORE.search(before)
    if with_ is not None:
        at = match.start() - len(before) + with_.start("who")
        return _speaker_from_phrase(ctx, (at, with_.group("who")), match.end(), previous)
    if _COMMA_BEFORE.search(before) is None:
        return None  # "quoted the ministry as saying": the verb "quoted" names the speaker
    own = [s for s in found if sentence.start <= s.start < match.start()]
    if own:
        # "..., officials said, adding that": the sentence's speaker goes on
        last = own[-1]
        return Speaker(match.start(), match.start(), last.source, match.end(), last.via, True)
    subject = _clause_subject(ctx, sentence.start, match.start())
    if subject is None:
        return None
    return _speaker_from_phrase(ctx, subject, match.end(), previous)


def _relayer(ctx: _Context, sentence_start: int, at: int) -> str | None:
    """The outlet relaying an originator: "Trend reports with reference to X" -> ``trend``."""
    words = ctx.lex.get("speech").get("relayed", [])
    if not words:
        return None
    floor = max(sentence_start, at - 60)
    verbs = words_of(ctx.lex.get("speech", "verbs"))
    match = re.search(
        rf"(?P<who>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,3}})\s+(?:{verbs})\s*,?\s*$",
        ctx.norm[floor:at],
    )
    if match is None or not re.match(rf"\s*(?:{words_of(words)})\b", ctx.norm[at : at + 30], re.I):
        return None
    who = match.group("who")
    table = _table_source(ctx, who)
    return table.id if table is not None else _slug(who)


def _anaphor(
    ctx: _Context, head: str, earlier: Sequence[Speaker], at: int | None = None
) -> Source | None:
    """The last earlier speaker whose name holds ``head`` ("the ministry" -> a ministry); given
    the position ``at``, else the last body named before it that did not speak (`_bodies`)."""
    for speaker in reversed(earlier):
        if head in speaker.source.name.lower().split() or head in speaker.source.id.split("-"):
            return speaker.source
    kind = ctx.lex.speaker_heads.get(head)
    if head in _GENERIC_HEADS:
        for speaker in reversed(earlier[-3:]):
            if kind is not None and speaker.source.kind.value == kind:
                return speaker.source
    if at is None:
        return None
    i = bisect.bisect_left(ctx.body_starts, at)
    for pos, head_of, source in reversed(ctx.bodies[max(0, i - _BODY_BACK) : i]):
        if at - pos > _BODY_REACH:
            break
        if head_of == head:
            return source
    return None  # "the mayor" is no earlier "officials"


_BODY_BACK = 3  # bodies named before an anaphor that it may refer to
_BODY_REACH = 1500  # characters back
_APPOSED_BODY = re.compile(
    r"(?P<name>[A-Z][\w.'-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w.'-]*){0,5}),\s+"
    r"(?:a|an)\s+(?P<words>(?:[\w-]+\s+){0,3}?)(?P<head>[\w-]+)(?=\s+(?:that|which|who)\b|[,.])"
)


_PERSON = "<person>"  # the head of a person named opening a sentence, for "he said"
# "Dr. Mohammed Abdulkarim, rushing from one wounded rebel to the next, keeps ...": a person's
# name (two to four capitalised words, an honorific before them) opening a sentence, followed by
# an apposition or a verb
_PERSON_OPENING = re.compile(
    rf"(?:(?P<name>(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+[A-Z][\w'-]+(?:\s+{_NAME_WORD}){{0,3}})"
    r"(?=\s*,\s+[a-z]|\s+[a-z]+\b)"
    rf"|(?P<bare>[A-Z][\w'-]+(?:\s+{_NAME_WORD}){{1,3}})(?=\s*,\s+[a-z]))"
)
# words of place names, never of a person's ("Port Brega, a key oil town, ...")
_PLACE_NAME_WORDS = frozenset(
    {"port", "mount", "fort", "lake", "camp", "river", "north", "south", "east", "west", "new"}
)
_PERSONAL_PRONOUN = re.compile(r"(?:^|[\s,\"\u201c\u201d])(?:he|she)\s+(?:[a-z]+\s+)?$", re.I)


def _bodies(ctx: _Context, sentences_: Sequence[Sentence]) -> list[tuple[int, str, Source]]:
    """Bodies the text names without their speaking, that a later "the group's data", "The
    ministry initially tweeted" may refer to: a name and its apposition ("Iraq Body Count, a
    group that has sought to track ...") and a named body opening a sentence ("Mexico's security
    ministry condemned the attack"). Each with its head noun, in text order."""
    out: list[tuple[int, str, Source]] = []
    norm, heads = ctx.norm, ctx.lex.speaker_heads
    for match in _APPOSED_BODY.finditer(norm, ctx.dateline_end):
        head = match.group("head").lower()
        if head not in heads:
            continue
        name = match.group("name")
        source = _table_source(ctx, name) or Source(
            _slug(name),
            name,
            SourceKind.GOVERNMENT if heads[head] == "government" else SourceKind.OTHER,
            INDEPENDENT,
        )
        out.append((match.start(), head, source))
    for sentence in sentences_:
        subject = _clause_subject(ctx, sentence.start, min(sentence.end, sentence.start + 120))
        if (
            subject is None
            or not subject[1][:1].isupper()
            or subject[1].split()[0]
            in ("The", "A", "An", "This", "That", "Its", "Their", "His", "Her")
        ):
            continue  # "The ministry condemned": no name, nothing to refer to
        after = norm[subject[0] + len(subject[1]) : sentence.end]
        if ctx.lex.speech_after.match(after) is not None:
            continue  # a speaker: found with the speakers
        named = _owner_source(ctx, subject[1]) or _text_source(ctx, subject[1])
        if named is not None:
            out.append((subject[0], subject[1].split()[-1].lower().strip("'"), named))
    lex_places = frozenset(
        (
            *ctx.lex.get("region").get("place_nouns", []),
            *ctx.lex.get("region").get("after_nouns", []),
        )
    )
    for sentence in sentences_:
        person = _PERSON_OPENING.match(norm, sentence.start, sentence.end)  # a bounded match
        if person is None:
            continue
        name = person.group("name") or person.group("bare")
        opened = _text_source(ctx, name)
        if (
            any(w.lower() in _PLACE_NAME_WORDS or w.lower() in lex_places for w in name.split())
            or opened is None
            or opened.kind is not SourceKind.INDIVIDUAL
            or _table_source(ctx, name) is not None
            or ctx.gazetteer.search(name) is not None
            or ctx.lex.speech_after.match(norm, person.end(), sentence.end) is not None
        ):
            continue  # a place, a party, a known body, or a speaker found with the speakers
        out.append((person.start(), _PERSON, opened))
    out.sort(key=lambda b: b[0])
    return out


_DOC_OWNED = re.compile(r"^(?P<body>.+?)(?:'s|')\s+(?:[a-z-]+\s+){0,2}?(?P<doc>[\w-]+)$")
_DOC_OF = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}?(?P<doc>[\w-]+)\s+(?:of|by|from)\s+"
    r"(?P<body>(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,5}?)"
    r"(?=\s+(?:for|on|in|made|released|issued|published|dated|covering)\b|$)",
    re.I,
)
_DOC_ADJUNCT = re.compile(
    r"^(?P<body>(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?P<doc>[\w-]+)"
    r"(?:\s+(?:from|of|by|on)\s+.*)?$"
)


# "a statement on the Facebook page of the Commander-in-Chief": where a document was posted
_POSTED_ON = re.compile(
    r"\s+(?:on|in)\s+(?:the|his|her|its|their)\s+(?:official\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:page|account|channel|website|web\s+site|site|feed)\s+of\s+",
    re.I,
)
# "a statement issued by the office of ...": the document of a body named after it
_DOC_BY = re.compile(
    r"^(?P<lead>(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}?(?P<doc>[\w-]+)\s+"
    r"(?:(?:issued|released|published|posted|put\s+out|sent\s+out|made\s+public)\s+by|"
    r"(?:on|in)\s+(?:the|his|her|its|their)\s+(?:official\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:page|account|channel|website|web\s+site|site|feed)\s+of)\s+)(?P<body>.+)$",
    re.I,
)
# "a State Counselor's Office statement released Friday afternoon": when, not who
_DOC_WHEN = re.compile(
    r"\s+(?:issued|released|published|posted|dated|made\s+available)(?:\s+(?!by\b|from\b).*)?$",
    re.I,
)


def _posted_on(ctx: _Context, subject: tuple[int, str], limit: int) -> tuple[int, str]:
    """A bare document after "according to" ("a statement") that goes on with where it was
    posted ("on the Facebook page of the Commander-in-Chief Min Aung Hlaing"): the phrase
    reaches the one whose page it is (`_subject_after` stops at "on")."""
    start, phrase = subject
    documents = {w.lower() for w in ctx.lex.get("speech").get("documents", [])}
    words = phrase.split()
    if not 1 <= len(words) <= 3 or words[-1].lower() not in documents:
        return subject
    posted = _POSTED_ON.match(ctx.norm, start + len(phrase), limit)
    if posted is None:
        return subject
    owner = _subject_after(ctx, posted.end(), limit)
    if owner is None:
        return subject
    return start, ctx.norm[start : owner[0] + len(owner[1])]


def _document_body(ctx: _Context, phrase: str) -> tuple[int, str] | None:
    """The body whose document a speaker phrase names, and its offset in the phrase: "the Home
    Ministry's annual report", "The report of the ministry for 2018-19", "BenarNews figures from
    police and military", "the defence ministry statement", "police reports". The body must end
    in a speaker head or be a name."""
    documents = {w.lower() for w in ctx.lex.get("speech").get("documents", [])}
    text = " ".join(phrase.split())
    if text != phrase.strip():
        return None  # offsets would not hold; such phrases are rare
    lead = len(phrase) - len(phrase.lstrip())
    by = _DOC_BY.match(text)
    if by is not None and by.group("doc").lower() in documents:
        # "a statement issued by the office of Myanmar's de-facto leader", "a statement on the
        # Facebook page of the Commander-in-Chief": the body named after its document
        body = by.group("body")
        bare = [w for w in body.split() if w.lower() not in ("the", "a", "an")]
        if bare and not any(w.lower() in ctx.lex.stop_words for w in bare):
            return lead + by.start("body"), body
        return None
    when = _DOC_WHEN.search(text)
    if when is not None and when.start() > 0:
        text = text[: when.start()]  # "... statement released Friday afternoon"
    if not text:
        return None
    if text.split()[0].lower() in ("a", "an"):
        owned = _DOC_ADJUNCT.match(text) or _DOC_OWNED.match(text)
        body_words = owned.group("body").split()[1:] if owned is not None else []
        if (
            owned is None
            or owned.group("doc").lower() not in documents
            or not body_words
            or not all(w[:1].isupper() for w in body_words)
        ):
            return None  # "according to a government statement": an unnamed source of its own
        # "a State Counselor's Office statement", "a Defence Ministry statement": the article
        # goes with the document; the body is a name
        return lead + owned.start("body") + len(owned.group("body").split()[0]) + 1, " ".join(
            body_words
        )
    for pattern in (_DOC_OWNED, _DOC_OF, _DOC_ADJUNCT):
        match = pattern.match(text)
        if match is None or match.group("doc").lower() not in documents:
            continue
        body = match.group("body")
        words = body.split()
        bare = [w for w in words if w.lower() not in ("the", "a", "an")]
        if not bare or bare[-1].lower() in documents:
            continue
        stops = ctx.lex.stop_words
        if any(w.lower() in stops or (w.islower() and w[-3:] == "ing") for w in bare):
            continue  # "adding up official figures puts them at": no body, a clause
        named = all(w[:1].isupper() for w in bare) and len(bare) <= 4
        if bare[-1].lower().strip("'") in ctx.lex.speaker_heads or named:
            return lead + match.start("body"), body
    return None


def _speaker_from_phrase(
    ctx: _Context, subject: tuple[int, str], verb_end: int, previous: Speaker | None
) -> Speaker | None:
    start, phrase = subject
    lead = _STATEMENT_LEAD.match(phrase)
    if lead is not None and lead.end() < len(phrase):
        # "In statement the ministry said": the speaker follows the statement phrase
        start, phrase = start + lead.end(), phrase[lead.end() :]
    via = None
    told = re.search(r"\s+told\s+(?P<listener>.+)$", phrase)
    if told is not None:
        listener = _table_source(ctx, told.group("listener"))
        via = listener.id if listener is not None else None
        phrase = phrase[: told.start()]
    document = _document_body(ctx, phrase) if _table_source(ctx, phrase) is None else None
    named_after = document is not None and _DOC_BY.match(" ".join(phrase.split())) is not None
    if document is not None:
        # "the Home Ministry's annual report said", "according to BenarNews figures from police",
        # "the defence ministry statement said": the body whose document it is speaks
        start, phrase = start + document[0], document[1]
    # "the TV report said" with no TV before: the document of a body the text never named
    unnamed_document = (
        document is not None
        and not named_after  # "a statement released by the police" names its body
        and len(phrase.split()) <= 3
        and phrase.split()[0].lower() == "the"
        and all(w.islower() or w.lower() in ctx.lex.speaker_heads for w in phrase.split()[1:])
    )
    source = _owner_source(ctx, phrase)
    if source is None:
        named = _CORRESPONDENTS.match(phrase.split(",")[0]) or _QUOTED_NAME.match(phrase)
        if named is not None and len(named.group("name").split()) <= 6:
            # 'Correspondents for the "Mozambique Political Process Bulletin"', '"Sala da
            # Paz", a coalition of ...': the outlet, the body named in quotation marks
            name = " ".join(named.group("name").split())
            source = _table_source(ctx, name) or Source(
                _slug(name), name, SourceKind.OTHER, INDEPENDENT
            )
            if named.re is _QUOTED_NAME:
                # the speaker starts after the quoted name, which is no quotation of its own
                start, phrase = start + named.end(), phrase[named.end() :]
    resolved = False
    if source is None and _BARE_SPOKESMAN.fullmatch(" ".join(phrase.split())):
        # "According to the statement released by the OHCHR, spokesperson Marta Hurtado said":
        # a spokesperson of no named body speaks for the body named before in the sentence
        i = bisect.bisect_left(ctx.mask, (start, -1)) - 1
        if i >= 0 and start - ctx.mask[i][1] <= 150:
            between = ctx.norm[ctx.mask[i][1] : start]
            if not re.search(r"[.!?]\s", between):
                spoken_for = _table_source(ctx, ctx.norm[ctx.mask[i][0] : ctx.mask[i][1]])
                if spoken_for is not None:
                    return Speaker(
                        start, start + len(phrase), spoken_for, verb_end, via, True,
                        " ".join(phrase.split()),
                    )  # fmt: skip
    inner = re.search(
        r"\b(?:for|of|at|from)\s+the\s+(?:[\w-]+\s+)?(?P<head>[\w-]+)$", phrase.split(",")[0]
    )
    if (
        source is None
        and inner is not None
        and inner.group("head").lower() in ctx.lex.speaker_heads
    ):
        # "a spokesman for the ministry, Ashraf al-Qudra": the body spoken for
        earlier = [s for s in ctx.speakers if s.start < start]
        if previous is not None:
            earlier = [*earlier, previous]
        source = _anaphor(ctx, inner.group("head").lower(), earlier)
        resolved = source is not None
    note = None
    spokesman = _SPOKESMAN_OF.match(phrase.split(",")[0]) if source is None else None
    if spokesman is not None:
        # "Agency spokesman Mahmud Bassal", "a UN spokesman": the body speaks through him
        body = spokesman.group("body")
        earlier = [s for s in ctx.speakers if s.start < start]
        if previous is not None:
            earlier = [*earlier, previous]
        found = _table_source(ctx, body) or _anaphor(ctx, body.split()[-1].lower(), earlier)
        if (
            found is None
            and len(body.split()) > 1
            and body.split()[-1].lower() in ctx.lex.speaker_heads
            and spokesman.group("person") is None
        ):
            # "a Pale Township people's administration spokesman": an unnamed spokesman speaks
            # for the body; a named one of a body neither the table nor the text knows
            # ("Ukrainian presidential administration spokesman Andriy Lysenko") is the
            # person, title and all (below)
            found = _text_source(ctx, body)
        if found is not None:
            source, resolved = found, True
            note = " ".join(phrase.split())
    if source is None:
        words = phrase.split()
        if 1 <= len(words) <= 4 and words[0].lower() in ("the", "this", "that"):
            head = words[-1].lower()
            earlier = ctx.speakers if ctx.speakers else []
            candidates = [s for s in earlier if s.start < start]
            if previous is not None:
                candidates = [*candidates, previous]
            source = _anaphor(ctx, head, candidates, at=start)
            resolved = source is not None
            if source is None and unnamed_document:
                return None
    if source is None:
        source = _text_source(ctx, phrase)
    if source is None and "," in phrase:
        # "A spokesman for the ministry, Ashraf al-Qudra": either part of the apposition
        parts = [p.strip() for p in phrase.split(",") if p.strip()]
        source = next((s for s in (_text_source(ctx, p) for p in parts) if s is not None), None)
    if source is None:
        return None
    return Speaker(start, start + len(phrase), source, verb_end, via, resolved, note)


def _find_speakers(ctx: _Context, sentences_: Sequence[Sentence]) -> list[Speaker]:
    norm, lex = ctx.norm, ctx.lex
    ctx.bodies = _bodies(ctx, sentences_)
    ctx.body_starts = [b[0] for b in ctx.bodies]
    found: list[tuple[int, int, int, SourceEntry]] = []
    for order, entry in enumerate(lex.sources):
        for match in entry.pattern.finditer(norm, ctx.dateline_end):
            found.append((match.start(), match.end(), order, entry))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    named: list[tuple[int, int, SourceEntry]] = []
    last_end = -1
    for start, end, _, entry in found:
        if start >= last_end:
            last_end = end
            if _state_name(ctx, entry.source, norm[start:end]) and _owned_body(ctx, norm, end):
                continue  # "Moscow's defence ministry said": the body speaks (found below)
            named.append((start, end, entry))
    ctx.mask = sorted((s, e) for s, e, _ in named)
    mentions: list[tuple[int, int, Source, bool, str | None]] = [
        (s, e, entry.source, False, None) for s, e, entry in named
    ]
    # anaphora: the last named source whose entry lists the phrase (one pass, in text order)
    last_by_phrase: dict[str, SourceEntry] = {}
    events: list[tuple[int, int, Any]] = [(s, 0, (s, e, entry)) for s, e, entry in named]
    events += [(m.start(), 1, m) for m in lex.anaphora.finditer(norm)]
    events.sort(key=lambda x: (x[0], x[1]))
    for _, what, item in events:
        if what == 0:
            for phrase in item[2].anaphora:
                last_by_phrase[phrase] = item[2]
            continue
        if _in_sorted_spans(item.start(), ctx.mask):
            continue
        phrase = re.sub(r"\s+", " ", item.group(0).lower())
        antecedent = last_by_phrase.get(phrase)
        if antecedent is not None:
            mentions.append((item.start(), item.end(), antecedent.source, True, None))
    by_start = {s: entry for s, _, entry in named}
    for match in _WITNESS.finditer(norm):
        name = match.group("name")
        listener = by_start.get(match.end())
        if _table_source(ctx, name) is not None:
            continue
        source = Source(_slug(name), name, SourceKind.INDIVIDUAL, INDEPENDENT)
        via = listener.source.id if listener is not None else None
        mentions.append((match.start(), match.end(), source, False, via))
    speakers = []
    for start, end, source, resolved, via in mentions:
        if source.kind is SourceKind.INDIVIDUAL and end > start + len(source.name):
            speakers.append(Speaker(start, start + len(source.name), source, end, via))
            continue
        verb_end = _speech_end(ctx, start, end)
        if verb_end is not None:
            speakers.append(Speaker(start, end, source, verb_end, via, resolved))
    structural = _structural_speakers(ctx, sentences_)
    taken = [(s.start, s.verb_end) for s in speakers]
    for speaker in structural:
        # a table mention already speaking with the same verb wins
        if any(a <= speaker.start < b or a < speaker.verb_end <= b for a, b in taken):
            continue
        speakers.append(speaker)
    speakers.sort(key=lambda s: (s.start, s.end))
    speakers = _link_surnames(ctx, speakers)
    ctx.mask = sorted(
        (s.start, s.end) for s in speakers if s.source.kind is not SourceKind.INDIVIDUAL
    )
    return speakers


def _link_surnames(ctx: _Context, speakers: Sequence[Speaker]) -> list[Speaker]:
    """A speaker named by one word ("Al-Qudra told a press conference") after a full mention
    ("Gaza Health Ministry spokesman Ashraf Al-Qudra said") is that mention's source: one pass
    in text order, each speaker's words remembered once."""
    seen: dict[str, Source] = {}
    out = []
    for speaker in speakers:
        source = speaker.source
        key = source.name.strip().lower()
        if source.kind is SourceKind.INDIVIDUAL and " " not in key and key in seen:
            earlier = seen[key]
            if earlier != source:
                speaker = Speaker(
                    speaker.start, speaker.end, earlier, speaker.verb_end, speaker.via, True
                )
        else:
            stop = min(max(speaker.end, speaker.verb_end), speaker.start + 160)
            for word in _CAPITALISED.findall(ctx.norm, speaker.start, stop):
                seen[word.lower()] = source
        out.append(speaker)
    return out


# --- detection ---------------------------------------------------------------------------------


def _scan_noun_phrase(ctx: _Context, start: int, end: int, part_of: bool = False) -> _NounPhrase:
    lex = ctx.lex
    np = _NounPhrase(end=start, part_of=part_of)
    part = lex.part_of.match(ctx.norm, start, min(end, start + 40))
    if part is not None:
        np.part_of = True
        start = part.end()
    tokens = list(_TOKEN.finditer(ctx.norm, start, min(end, start + 120)))
    unknown = 0
    i = 0
    while i < len(tokens) and i < 9:
        token = tokens[i]
        word = token.group(0).lower()
        if word.endswith("'s"):
            word = word[:-2]
        nxt = tokens[i + 1].group(0).lower() if i + 1 < len(tokens) else ""
        pair = f"{word} {nxt}" if nxt else ""
        if not (word[0].isalpha() or word == "%"):
            break
        np.end = token.end()
        if pair in lex.people or pair in lex.reject_nouns:
            word = pair
            i += 1
            np.end = tokens[i].end()  # the phrase ends after the pair's second word
        elif pair in ctx.party_words and nxt[:1].isalpha():
            word = pair  # "Fourteen Burkina Faso soldiers": a party of two words
            i += 1
        if np.part_of and word in ("were", "was"):
            if nxt in lex.people:
                np.head, np.noun = lex.people[nxt], nxt
            break
        if word in lex.people:
            np.head, np.noun = lex.people[word], word
            if np.head == "inherit" and word in ("more", "ещё", "еще"):
                np.head = None
                follow = tokens[i + 1 : i + 4]
                if (
                    len(follow) >= 3
                    and follow[0].group(0).lower() == "of"
                    and follow[1].group(0).lower() in ("its", "their", "the", "his", "her")
                ):
                    follow = follow[2:]
                if (follow and follow[0].group(0).lower() in lex.people) or (
                    follow and follow[0].group(0).lower() in lex.party_words
                ):
                    np.increment = True
                else:
                    np.elliptic_more = True
                i += 1
                continue
            rest = tokens[i + 1 : i + 5]
            if rest and rest[0].group(0).lower() in lex.get("reject", "population", "after_noun"):
                np.population = True
            if rest and rest[0].group(0).lower() in ("of", "from"):
                for tok in rest[1:]:
                    party = _party_of_word(ctx, tok.group(0))
                    if party is not None:
                        np.parties.append(party)
            if word in lex.body_nouns and rest and rest[0].group(0).lower() == "of":
                # "22 bodies of suspected militants": the persons' category
                for tok in rest[1:]:
                    named = tok.group(0).lower()
                    if named in lex.combatants or lex.people.get(named) in ("military", "civilian"):
                        np.head = "military" if named in lex.combatants else lex.people[named]
                        break
            if rest and rest[0].group(0).lower() == "among":
                among = " ".join(t.group(0).lower() for t in rest[1:3])
                if among.split()[-1:] and among.split()[-1] in (
                    "military",
                    "troops",
                    "forces",
                    "soldiers",
                    "servicemen",
                ):
                    np.head = "military"
                if among.startswith("its"):
                    np.speaker_side = True
            break
        if word in lex.reject_nouns:
            np.reject, np.noun = lex.reject_nouns[word], word
            break
        party = _party_of_word(ctx, word)
        if party is not None:
            np.parties.append(party)
            if word.endswith("s") and word in ctx.party_words and nxt not in lex.people:
                np.head, np.noun = "all", word
                break
        elif word in ("additional", "new"):
            np.increment = True
        elif word in ("its", "своих"):
            np.speaker_side = True
        elif word in lex.skip_words:
            pass
        elif word in lex.stop_words:
            break
        else:
            unknown += 1
            if unknown > 2:
                break
        i += 1
    return np


@dataclass(slots=True)
class _SentenceView:
    """Per-sentence facts computed once: clauses, dates, mentions, history and event cues."""

    sentence: Sentence
    clause_starts: list[int]
    clause_ends: list[int]
    dates: list[DateMention]
    date_spans: list[tuple[int, int]]
    blockers: list[int]
    history: str | None
    other_event: bool
    last_month: tuple[int, str] | None = None
    history_at: int = -1  # where the year or decade that dates the sentence is
    brought: list[tuple[int, int]] | None = None  # "bringing its toll to" spans, found once

    def clause(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.clause_starts, pos) - 1
        i = max(i, 0)
        return self.clause_starts[i], self.clause_ends[i]

    def next_blocker(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.blockers, pos)
        return self.blockers[i] if i < len(self.blockers) else None

    def previous_blocker(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.blockers, pos) - 1
        return self.blockers[i] if i >= 0 else None


def _view(ctx: _Context, sentence: Sentence, mentions: Sequence[tuple[int, int]]) -> _SentenceView:
    norm = ctx.norm
    starts, ends = [sentence.start], []
    for match in _CLAUSE.finditer(norm, sentence.start, sentence.end):
        ends.append(match.start())
        starts.append(match.end())
    ends.append(sentence.end)
    dates = date_mentions(norm, sentence.start, sentence.end, ctx.published, ctx.lex.code)
    spans = sorted((d.start, d.end) for d in dates)
    # a number glued into a compound ("a 19-day-old offensive", "a 12-hour truce") counts
    # nothing, so an outcome search passes over it
    households = ctx.lex.households
    blockers = [
        s
        for s, e in mentions
        if not _in_sorted_spans(s, spans)
        and not _GLUED_COMPOUND.match(norm, e)
        and not households.match(norm, e)
        and not _DURATION_AFTER.match(norm, e)  # "over the past 12 days has reached 606"
    ]
    history = None
    history_at = -1
    year_words = {w.lower() for w in ctx.lex.get("reject", "other_event").get("year_words", [])}
    for match in _DECADE.finditer(norm, sentence.start, sentence.end):
        if int(match.group(1)) + 9 < ctx.war_start.year:
            history = f"the sentence is about the {match.group(0)}, before the war's start"
            history_at = match.start()
            break
    if history is None:
        for match in _YEAR.finditer(norm, sentence.start, sentence.end):
            year = int(match.group(1))
            if year >= ctx.war_start.year or _in_sorted_spans(match.start(), spans):
                continue
            before = norm[max(sentence.start, match.start() - 12) : match.start()].split()
            if before and before[-1].lower() in year_words:
                history = f"the sentence is about {year}, before the war's start"
                history_at = match.start()
                break
    other = ctx.lex.other_event.search(norm, sentence.start, sentence.end) is not None
    last_month = _last_month_before_war(ctx, sentence.start, sentence.end)
    return _SentenceView(
        sentence, starts, ends, dates, spans, blockers, history, other, last_month, history_at
    )


# "began about 10 a.m. local time": a time of day, not a count
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o'clock\b)", re.I)
# "rushing from one wounded rebel to the next": an idiom of going round, not a count
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_THE_NEXT = re.compile(r"[^,.;:]{0,40}?\bto\s+(?:the\s+next|another)\b", re.I)
# "since fighting ... erupted last October, killing nine policemen", "in October last year"
_LAST_MONTH = re.compile(
    r"\blast\s+(?P<a>january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b|\bin\s+(?P<b>january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+last\s+year\b",
    re.I,
)


def _last_month_before_war(ctx: _Context, start: int, end: int) -> tuple[int, str] | None:
    """Where a sentence names "last October" (a month without a year, ending before the war's
    start), and why a figure after it is about an earlier event; else ``None``."""
    for match in _LAST_MONTH.finditer(ctx.norm, start, end):
        name = (match.group("a") or match.group("b")).lower()
        month = [m.lower() for m in calendar.month_name].index(name)
        year = ctx.published.year - 1
        if match.group("a") and month < ctx.published.month:
            year = ctx.published.year
        last_day = dt.date(year, month, calendar.monthrange(year, month)[1])
        if last_day < ctx.war_start:
            why = f"the sentence is about {match.group(0)!r}, before the war's start"
            return match.start(), why
    return None


def _quoted_apart(ctx: _Context, view: _SentenceView, start: int) -> bool:
    """Whether the figure at ``start`` is inside a quotation and the year that dates its
    sentence outside it ('"Currently five police officers have been killed ...," it added,
    using a government description for the militants who emerged as a force in 2016'): the
    reporter's words after the quotation date no figure the speaker gave."""
    if view.history_at < 0:
        return False
    regions = _quote_regions(ctx, view.sentence)
    inside = next(((a, b) for a, b in regions if a <= start < b), None)
    return inside is not None and not inside[0] <= view.history_at < inside[1]


def _classify(
    ctx: _Context, view: _SentenceView, start: int, end: int, implicit: Sequence[tuple[int, int]]
) -> tuple[str, str] | None:
    """The reason a numeric mention is not a figure, or ``None``."""
    norm, lex = ctx.norm, ctx.lex
    sentence = view.sentence
    text = norm[start:end]
    after = norm[end : min(len(norm), end + 40)]
    before = norm[max(sentence.start, start - 40) : start]
    if _in_sorted_spans(start, view.date_spans):
        return "date", "part of a date"
    if _DAY_RANGE_END.search(before) and re.fullmatch(r"(?:[1-9]|[12]\d|3[01])", text):
        return "date", "the end of a range of days ('between July 4 and 10')"
    if re.match(r"(?:st|nd|rd|th)\b", after, re.I):
        return "ordinal", "an ordinal (a rank or a day)"
    if re.match(r"s\b", after) and re.fullmatch(r"\d{4}", text):
        return "year", "a decade"
    if re.match(r"[- ](?:years?|months?|weeks?|days?)[- ]old\b", after, re.I) or re.search(
        r"\baged\s+(?:\d+\s+and\s+)?$", before, re.I
    ):
        return "age", "an age"
    if re.match(r"\s+and\s+\d+\s+respectively", after) or re.search(
        r"\baged\s+\d+\s+and\s+$", before
    ):
        return "age", "an age"
    if _in_sorted_spans(start, implicit):
        return "implicit-part", "counted inside an implicit figure"
    if _CLOCK_AFTER.match(after):
        return "time", "a time of day ('about 10 a.m.')"
    if text.lower() == "one" and _FROM_BEFORE.search(before) and _TO_THE_NEXT.match(after):
        return "idiom", "'from one ... to the next': no count"
    if view.last_month is not None and view.last_month[0] < start:
        return "history", view.last_month[1]
    # "the \u201cfive-day war\u201d": a unit glued by a hyphen too
    unit = re.match(r"(?:\s*|-)(per\s+cent|%|[^\W\d_]+\.?)", after, re.I)
    if unit is not None:
        word = re.sub(r"\s+", " ", unit.group(1).lower())
        glued = unit.start(1) == 0
        if word not in lex.reject_units:
            word = word.rstrip(".")
        if word in lex.reject_units and (glued or word not in ("m",)):
            return lex.reject_units[word], f"followed by {word!r}"
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", text):
        first = re.match(r"\s*([^\W\d_]+)", after)
        if first is None or first.group(1).lower() not in lex.people:
            return "year", "a year"
    if view.history is not None and not _quoted_apart(ctx, view, start):
        return "history", view.history
    if view.other_event:
        return "other-event", "the sentence is about another event"
    clause = view.clause(start)
    if lex.negation.search(norm, max(clause[0], start - 200), start):
        return "negated", "the clause denies the figure"
    return None


def _outcome(ctx: _Context, view: _SentenceView, start: int, end: int) -> tuple[str, float] | None:
    """The outcome governing the figure at ``[start, end)`` and a confidence."""
    norm, lex = ctx.norm, ctx.lex
    c_start, c_end = view.clause(start)
    if lex.fate_before.search(norm, max(c_start, start - 30), start):
        # "the fate of 150 persons is not known": missing, when both parts frame the figure
        after = view.next_blocker(end)
        stop = min(c_end, end + 80, after if after is not None else c_end)
        if lex.fate_after.search(norm, end, stop):
            return "missing", 0.95
    best: tuple[int, str] | None = None
    for outcome, pattern in lex.outcome_before:
        for match in pattern.finditer(norm, max(c_start, start - 60), start):
            gap = norm[match.end() : start].lower().split()
            if (
                all(w in lex.gap_words or w in lex.verb_hedges for w in gap)
                and (best is None or match.end() > best[0])
                # "Risking the lives of 100 hostages", "saved the lives of 300 people"
                and not lex.risk_before.search(
                    norm, max(c_start, match.start() - 20), match.start()
                )
            ):
                best = (match.end(), outcome)
    if best is not None:
        return best[1], 0.95
    following = view.next_blocker(end)
    reach = end + 90
    while (
        following is not None
        and "," in norm[end:following]
        and (
            lex.including.search(norm, max(end, following - 30), following)
            # "another 34 civilians, 16 of them women and 6 minors, were severely wounded"
            or (
                re.search(r",\s*$", norm[end:following]) is not None
                and (number := lex.mention.match(norm, following)) is not None
                and lex.part_of.match(norm, number.end(), c_end) is not None
            )
        )
    ):
        # "138 people, including 29 civilians, had been wounded": past the inserted part
        close = norm.find(",", following, c_end)
        if close < 0:
            break
        reach = max(reach, close + 60)
        following = view.next_blocker(close)
    if (
        following is not None
        and following - end <= 30
        and "," not in norm[end:following]
        and lex.including.search(norm, end, following)
    ):
        # "30 others including seven paramilitary troopers wounded": the part has no commas,
        # its verb is the whole's too
        reach = max(reach, following + 60)
        following = view.next_blocker(following + 1)
    limit = min(c_end, reach, following if following is not None else c_end)
    # "one of the wounded ... died": the outcome after the part-of phrase, when there is one
    part = lex.part_of.match(norm, end, min(limit, end + 40))
    after_part = _first_after(ctx, part.end(), limit) if part is not None else None
    first = after_part or _first_after(ctx, end, limit)
    if first is not None:
        return first[1], 0.9
    listed = _list_verb(ctx, view, end, following, c_end)
    if listed is not None:
        return listed, 0.9
    if _own_verb(ctx, view, end, c_end):
        return None
    preceding = view.previous_blocker(start)
    floor = max(c_start, start - 120, preceding if preceding is not None else c_start)
    last: tuple[int, str] | None = None
    for outcome, pattern in (*lex.outcome_after, *lex.outcome_before):
        for match in pattern.finditer(norm, floor, start):
            if (
                (last is None or match.start() > last[0])
                and not lex.risk_before.search(norm, max(floor, match.start() - 20), match.start())
                # "28 displaced civilians, including 19 children": an adjective of another
                # figure's noun is no verb of this figure
                and not _adjective_of_figure(ctx, view, match.start())
            ):
                last = (match.start(), outcome)
    if last is not None:
        return last[1], 0.7
    return None


# "to help the wounded", "treating the injured": an outcome word as a noun of other people
# (not "among the dead", "of the wounded", "were the injured")
_CUE_AS_NOUN = re.compile(
    r"(?<!\bamong\s)(?<!\bof\s)(?<!\bincluding\s)(?<!\bwere\s)(?<!\bare\s)"
    r"(?<!\bwas\s)(?<!\bis\s)\bthe\s+$",
    re.I,
)
# a passive verb after a figure's noun phrase ("... were raped", "were arrested")
_OWN_VERB = re.compile(
    r"\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?"
    r"(?P<participle>[a-z]+(?:ed|en))\b",
    re.I,
)


def _counted_by_number(norm: str, mentions: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether a person phrase at ``at`` is the noun of a number phrase, not a count of one: it
    starts inside one ("about a dozen soldiers") or right after one and "of" ("two of its
    soldiers were killed")."""
    i = bisect.bisect_right(mentions, (at, len(norm))) - 1
    if i < 0:
        return False
    start, end = mentions[i]
    return start <= at < end or re.fullmatch(r"\s+of\s+", norm[end:at]) is not None


def _lumped(
    ctx: _Context, view: _SentenceView, start: int, end: int, clause: tuple[int, int]
) -> bool:
    """Whether the figure is one count of several outcomes: words of two outcomes or more joined
    right before it ("killed, wounded or captured 7,800 troops", "the total number of dead and
    wounded had reached 1,481") or after it, before the next figure ("7,800 were killed, wounded
    or captured")."""
    norm, lex = ctx.norm, ctx.lex
    for found in _MIXED_LIST.finditer(norm, max(clause[0], start - 80), start):
        gap = norm[found.end() : start].split()
        if _outcomes_of(ctx, found.group(0)) and all(w.lower() in lex.gap_words for w in gap):
            return True
    following = view.next_blocker(end)
    stop = min(clause[1], end + 90, following if following is not None else clause[1])
    return any(_outcomes_of(ctx, f.group(0)) for f in _MIXED_LIST.finditer(norm, end, stop))


def _outcomes_of(ctx: _Context, phrase: str) -> bool:
    """Whether the outcome words of ``phrase`` name two outcomes or more."""
    named = set()
    for word in re.findall(_OUTCOME_WORD, phrase, re.I):
        for outcome, pattern in (*ctx.lex.outcome_after, *ctx.lex.outcome_before):
            if pattern.fullmatch(word):
                named.add(outcome)
                break
    return len(named) >= 2


def _held(ctx: _Context, view: _SentenceView, start: int, end: int, np: _NounPhrase) -> str | None:
    """How a figure counts people held: ``"released"`` when a verb of release governs it ("freed
    12 hostages", "Nine hostages were freed", "33 missing soldiers had been found alive"),
    ``"hostage"`` when its noun phrase is followed by a hostage noun ("holding two soldiers
    hostage"), ``"hostages"`` when it counts hostages ("seized up to 3,000 hostages"), else
    ``None``."""
    norm, lex = ctx.norm, ctx.lex
    c_start, c_end = view.clause(start)
    following = view.next_blocker(end)
    stop = min(c_end, end + 80, following if following is not None else c_end)
    before = list(lex.release.finditer(norm, max(c_start, start - 25), start))
    if before and all(w in lex.gap_words for w in norm[before[-1].end() : start].split()):
        return "released"  # "freed 12 hostages"
    after = lex.release.search(norm, end, stop)
    if after is not None:
        cue = _first_after(ctx, end, after.start())
        if cue is None or _adjectival(ctx, cue[0]):
            return "released"
    for token in list(_TOKEN.finditer(norm, end, stop))[:4]:
        word = token.group(0).lower()
        if word in lex.hostage_nouns:
            # a singular after the count is a predicate ("holding three engineers hostage")
            return "hostage" if word in ("hostage", "captive") else "hostages"
        if not word.isalpha() or word in lex.stop_words:
            break
    return "hostages" if np.noun in lex.hostage_nouns else None


def _adjective_of_figure(ctx: _Context, view: _SentenceView, pos: int) -> bool:
    """Whether the cue at ``pos`` is an adjective right after a number ("28 displaced
    civilians"), not one of a noun phrase without a number ("the number of injured people rose
    to 42,000")."""
    number = view.previous_blocker(pos)
    if number is None:
        return False
    mention = ctx.lex.mention.match(ctx.norm, number)
    return (
        mention is not None and not ctx.norm[mention.end() : pos].strip() and _adjectival(ctx, pos)
    )


def _adjectival(ctx: _Context, pos: int) -> bool:
    """Whether the outcome cue at ``pos`` is an adjective of a noun of persons right after it
    ("28 displaced civilians", "33 missing soldiers"), not a verb."""
    word = re.match(r"[\w'-]+", ctx.norm[pos : pos + 40])
    if word is None:
        return False
    tokens = list(_TOKEN.finditer(ctx.norm, pos + word.end(), pos + word.end() + 40))[:2]
    return bool(tokens) and tokens[0].group(0).lower() in ctx.lex.people


def _own_verb(ctx: _Context, view: _SentenceView, end: int, c_end: int) -> bool:
    """Whether the figure ending at ``end`` (or the list it ends) has a passive verb of its own
    that is no casualty cue ("60 people were abducted and at least 22 women and five girls were
    raped", "14 were arrested"): then no cue before it, and no verb of a list it continues, is
    its outcome. A verb of a relative clause ("children who were taken to hospital") or of
    another figure that is no item of its list ("three of them seriously, and one terrorist was
    arrested") is not the figure's own."""
    norm = ctx.norm
    own = _OWN_VERB.search(norm, end, min(c_end, end + 90))
    if own is None or _RELATIVE.search(norm, end, own.start()):
        return False
    word = own.group("participle").lower()
    if word in ctx.lex.people or word in ctx.lex.child_nouns:
        return False  # "330 were children", "two were women": a noun, no verb
    following = view.next_blocker(end)
    if following is not None and following < own.start():
        gap = _LIST_GAP.fullmatch(norm, end, following)
        if gap is None or any(w.lower() in _NOT_IN_ITEM for w in norm[end:following].split()):
            return False
    cue = _first_after(ctx, end, min(c_end, own.end() + 20))
    return cue is None or cue[0] >= own.end()


_RELATIVE = re.compile(r"\b(?:who|whom|which|that|whose)\b", re.I)
_LIST_GAP = re.compile(r"\s*[^\W\d_][\w'()\-\s]{0,60}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")
_NOT_IN_ITEM = frozenset(
    ("were", "was", "are", "is", "had", "have", "has", "been", "be", "while", "as", "after",
     "when", "in", "on", "at", "by", "said", "including", "of", "from", "with")
)  # fmt: skip


def _list_verb(
    ctx: _Context, view: _SentenceView, end: int, following: int | None, c_end: int
) -> str | None:
    """The outcome of a list whose verb follows its last item, for an item before the last
    ("The governor, two bodyguards and two suspected assailants died", "257 terrorists and 91
    security personnel were killed"); ``None`` unless the figure's noun phrase runs straight
    into the next item ("Three policemen and three civilians were injured")."""
    norm = ctx.norm
    pos = end
    for _ in range(6):
        if following is None:
            return None
        gap = _LIST_GAP.fullmatch(norm, pos, following)
        if gap is None or any(w.lower() in _NOT_IN_ITEM for w in norm[pos:following].split()):
            return None
        if _first_after(ctx, pos, following) is not None:
            return None
        after = view.next_blocker(following + 1)
        limit = min(c_end, after if after is not None else c_end, following + 90)
        cue = _first_after(ctx, following, limit)
        if cue is not None:
            return cue[1]
        pos, following = following, after
        # the next item's own noun phrase: from its number to the next connector
        connector = re.search(r",|\band\b", norm[pos : following or c_end])
        if connector is None:
            return None
        pos += connector.start()
        pos = norm.rfind(" ", 0, pos) if norm[pos] != "," else pos
    return None


def _first_after(ctx: _Context, start: int, limit: int) -> tuple[int, str] | None:
    """The first outcome cue in ``norm[start:limit]``, passing over one that names the next
    figure ("risen to 16, the number of injured to 34": "injured" is the 34's) and one used as
    a noun of other people ("Thousands of residents scrambled ... to help the wounded"); an
    adjective of the counted noun ("19 displaced children were killed") gives way to a verb after
    it."""
    norm = ctx.norm
    first: tuple[int, str, int] | None = None
    for outcome, pattern in ctx.lex.outcome_after:
        for found in pattern.finditer(norm, start, limit):
            if _NUMBER_OF.search(norm, max(start, found.start() - 20), found.start()):
                continue
            if _CUE_AS_NOUN.search(norm, max(start, found.start() - 30), found.start()):
                continue  # "to help the wounded": other people
            if first is None or found.start() < first[0]:
                first = (found.start(), outcome, found.end())
            break
    if first is None:
        return None
    if _adjectival(ctx, first[0]):
        verb = _first_after(ctx, first[2], limit)
        if verb is not None and verb[1] == "killed":
            return verb  # "12 wounded soldiers later died" (not "wounded men ... evacuated")
    return first[0], first[1]


def _listed_persons(
    ctx: _Context,
    accepted: Sequence[dict[str, Any]],
    implicit: list[tuple[int, int, str, int, str, str]],
    mentions: Sequence[tuple[int, int]],
) -> list[tuple[int, int, str, int, str, str]]:
    """Implicit counts of one named as a later item of a list of figures: "killed 63 civilians
    and a Hizbollah fighter", "two adult civilians and a girl were slightly injured", "10
    policemen, a deputy township officer and 59 militants": the person shares the list's outcome
    (a part when the figure is a part)."""
    taken = sorted([(a, b) for a, b, *_ in implicit] + list(mentions))
    out = list(implicit)
    for item in accepted:
        found = ctx.lex.implicit_listed.match(ctx.norm, item["np"].end)
        if found is None or item["np"].head in (None, "inherit"):
            continue
        a, b = found.span("phrase")
        if any(x < b and a < y for x, y in taken):
            continue  # a person already counted
        if re.match(r"\s+(?:was|were|is|are|has|have|had)\b", ctx.norm[b : b + 10], re.I):
            # a verb after the person: the list's only when it tells the list's outcome ("two
            # adult civilians and a girl were slightly injured"), not "a journalist was freed"
            verb = _first_after(ctx, b, min(len(ctx.norm), b + 40))
            if verb is None or verb[1] != item["outcome"]:
                continue
        noun = found.group("phrase").split()[-1].lower()
        category = _persons_category(ctx.lex, [noun])
        how = "part" if item["part"] else "listed"
        out.append((a, b, str(item["outcome"]), 1, category, how))
    out.sort()
    return out


def _persons_category(lex: Lexicon, nouns: Sequence[str]) -> str:
    """The category of persons named one by one: civilian when all are (children, "a farmer"),
    military when all are soldiers or fighters ("A paramilitary ranger", "a rebel")."""
    if all(n in lex.child_nouns or lex.people.get(n) == "civilian" for n in nouns):
        return "civilian"
    if all(lex.people.get(n) == "military" or f"{n}s" in lex.combatants for n in nouns):
        return "military"
    return ROOT


def _implicit(ctx: _Context, sentence: Sentence) -> list[tuple[int, int, str, int, str, str]]:
    """Implicit counts: (start, end, outcome, count, category, how) of each person phrase."""
    out = []
    lex = ctx.lex
    norm = ctx.norm
    verbs = {k.lower(): v for k, v in lex.get("implicit", "verbs").items()}
    passives = {k.lower(): v for k, v in lex.get("implicit", "passives").items()}
    determiners = tuple(d.lower() for d in lex.get("implicit", "determiners"))
    for pattern, table in ((lex.implicit, verbs), (lex.implicit_passive, passives)):
        if not table:
            continue
        for match in pattern.finditer(norm, sentence.start, sentence.end):
            phrase = match.group("phrase")
            if phrase.split()[0].lower() not in determiners:
                continue
            if _COUNTED_BEFORE.search(
                norm, max(sentence.start, match.start("phrase") - 20), match.start("phrase")
            ):
                continue  # "29 more of its soldiers": counted by the number before
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
            category = _persons_category(lex, nouns)
            out.append(
                (match.start("phrase"), match.end("phrase"), outcome, count, category, "persons")
            )
    # "Chechen military commander Aslan Maskhadov had indeed been wounded": one person, named by
    # title and name
    for match in lex.implicit_titled.finditer(norm, sentence.start, sentence.end):
        outcome = passives.get(match.group("verb").lower())
        if outcome is None:
            continue
        start = match.start("phrase")
        for word in re.finditer(r"\S+", match.group("phrase")):
            if word.group(0).lower() in lex.stop_words or word.group(0).lower() in ("told",):
                start = match.start("phrase") + word.end() + 1  # "Officials said rebel ..."
        words = norm[start : match.end("phrase")].split()
        title = next(w.lower() for w in reversed(words) if w[:1].islower())
        category = _persons_category(lex, [title]) if lex.people.get(title) else ROOT
        out.append((start, match.end("phrase"), outcome, 1, category, "persons"))
    # "Three women and seven men, including a monk, were killed": a person named as a part of
    # the figure before, with the outcome that follows (or the clause's verb before it)
    for match in lex.implicit_including.finditer(norm, sentence.start, sentence.end):
        phrase = match.group("phrase")
        if phrase.split()[0].lower() not in ("a", "an"):
            continue
        tail = norm[match.end() : min(sentence.end, match.end() + 40)]
        verb = _AUXILIARY_HEAD.sub("", tail)
        outcome = next((n for n, p in lex.outcome_after if p.match(verb)), None)
        if outcome is None and not re.match(r"\s*,", tail):
            # "four others including a sub-inspector of the police sustained injuries": the
            # verb after the person's own modifiers, before any other number
            stop = re.search(r"\d|,|;", tail)
            first = _first_after(ctx, match.end(), match.end() + (stop.start() if stop else 40))
            outcome = first[1] if first is not None else None
        if outcome is None and _DEAD_INCLUDED.search(norm, match.start(), match.start("phrase")):
            outcome = "killed"  # "the dead included a woman", "among the dead was a boy"
        if outcome is None and not re.match(r"\s*,", tail):
            # "killing 26 people, including a boy": the nearest verb before
            floor = max(sentence.start, match.start() - 120)
            nearest = [
                (found.start(), n)
                for n, p in (*lex.outcome_before, *lex.outcome_after)  # "Five people died, ..."
                for found in p.finditer(norm, floor, match.start())
            ]
            outcome = max(nearest)[1] if nearest else None
        if outcome is None:
            continue
        # "including an old person and a child": each person is a part of its own
        at, cut = match.start("phrase"), 0
        persons: list[tuple[int, int, str]] = []
        for gap in [*re.finditer(r"\s*,\s*(?:and\s+)?|\s+and\s+", phrase), None]:
            a, b = cut, gap.start() if gap is not None else len(phrase)
            cut = gap.end() if gap is not None else len(phrase)
            words = phrase[a:b].split()
            if words and (a == 0 or words[0].lower() in ("a", "an")):
                persons.append((at + a, at + b, words[-1].lower()))
        nouns = [noun for _, _, noun in persons]
        # a breakdown by age and sex ("an old person and a child") is of one category, as a
        # list of figures is (`_mark_lists`)
        breakdown = len(nouns) >= 2 and all(n in lex.demographic for n in nouns)
        for a, b, noun in persons:
            civilian = noun in lex.child_nouns or lex.people.get(noun) == "civilian"
            if breakdown:
                civilian = any(
                    n in lex.child_nouns or lex.people.get(n) == "civilian" for n in nouns
                )
            out.append((a, b, outcome, 1, "civilian" if civilian else ROOT, "part"))
    # "Mr. Gurbanov and 4 members of his family": the person and the relatives
    for match in lex.family.finditer(norm, sentence.start, sentence.end):
        try:
            n = Figure.parse(match.group("n")).low
        except FigureParseError:
            continue
        outcome = None
        tail = norm[match.end() : min(sentence.end, match.end() + 60)]
        for name, pattern in lex.outcome_after:
            if pattern.search(tail):
                outcome = name
                break
        if outcome is None:
            continue
        category = "civilian"  # a family
        if match.group("others") is not None:
            noun = match.group("others").split()[-1].lower()
            category = lex.people.get(noun, ROOT) if noun != "personnel" else ROOT
        out.append((match.start(), match.end(), outcome, n + 1, category, "family"))
    # "no one was killed": a count of zero
    for match in lex.zero.finditer(norm, sentence.start, sentence.end):
        outcome = {k.lower(): v for k, v in lex.get("negation", "zero_verbs").items()}.get(
            match.group("verb").lower()
        )
        if outcome is None:
            continue
        subject = match.group("subject").lower()
        category = "civilian" if "civilian" in subject or "resident" in subject else ROOT
        if "soldier" in subject or "servicem" in subject:
            category = "military"
        out.append((match.start(), match.end("subject"), outcome, 0, category, "zero"))
    out.sort()
    kept: list[tuple[int, int, str, int, str, str]] = []
    for item in out:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


# --- assembling --------------------------------------------------------------------------------


_OPENING_MARKS = frozenset('"\u201c\u00ab')
_CLOSING_MARKS = frozenset('"\u201d\u00bb')


def _neighbour_paragraph(ctx: _Context, sentence: Sentence, step: int) -> Sentence | None:
    """A sentence of the paragraph before (``step`` -1: its last) or after (+1: its first)."""
    i = _sentence_index(ctx, sentence.paragraph_start if step < 0 else sentence.paragraph_end)
    if step < 0:
        i = _sentence_index(ctx, sentence.paragraph_start) - 1
    elif i < len(ctx.sentences) and ctx.sentences[i].paragraph_start == sentence.paragraph_start:
        i += 1
    if not 0 <= i < len(ctx.sentences):
        return None
    other = ctx.sentences[i]
    return None if other.paragraph_start == sentence.paragraph_start else other


def _ends_open(ctx: _Context, sentence: Sentence) -> bool:
    """The paragraph of ``sentence`` ends inside a quotation it opened (a quotation the next
    paragraph continues: no closing mark before the paragraph's end)."""
    regions = quote_regions(ctx.text, sentence.paragraph_start, sentence.paragraph_end)
    if not regions or regions[-1][1] != sentence.paragraph_end:
        return False
    tail = ctx.text[regions[-1][0] + 1 : sentence.paragraph_end].rstrip()
    return bool(tail) and tail[-1] not in _CLOSING_MARKS


def _quote_regions(ctx: _Context, sentence: Sentence) -> list[tuple[int, int]]:
    regions = ctx.quotes.get(sentence.paragraph_start)
    if regions is None:
        start, end = sentence.paragraph_start, sentence.paragraph_end
        head = ctx.text[start:end].lstrip()
        before = _neighbour_paragraph(ctx, sentence, -1) if head[:1] not in _OPENING_MARKS else None
        close = None
        if before is not None and _ends_open(ctx, before):
            # a quotation the paragraph before opened and left open, closed here with no
            # opening mark of its own ('... 20 women.\n\nAnother 900 were injured," X said')
            close = next((i for i in range(start, end) if ctx.text[i] in _CLOSING_MARKS), None)
        if close is not None:
            regions = [(start, close + 1), *quote_regions(ctx.text, close + 1, end)]
        else:
            regions = quote_regions(ctx.text, start, end)
        ctx.quotes[sentence.paragraph_start] = regions
    return regions


def _continued_quotation(
    ctx: _Context, sentence: Sentence, inside: tuple[int, int]
) -> Speaker | None:
    """The speaker of a quotation that runs over a paragraph break: a quotation left open at
    its paragraph's end is the speaker's who follows its close in the next paragraph; a
    paragraph that is one quotation and no more, after a paragraph quoting a speaker, is that
    speaker's. One paragraph either way."""
    text = ctx.text
    if inside[1] == sentence.paragraph_end and _ends_open(ctx, sentence):
        after = _neighbour_paragraph(ctx, sentence, 1)
        if after is not None:
            regions = _quote_regions(ctx, after)
            if regions and regions[0][0] == after.paragraph_start:
                close = regions[0][1]
                end = next((s.end for s in ctx.sentences[after.index :] if s.end > close), close)
                spoken = [
                    s
                    for s in _speakers_between(ctx, close, end)
                    if not _in_sorted_spans(s.start, regions)
                ]
                if spoken:
                    return spoken[0]
    body = text[sentence.paragraph_start : sentence.paragraph_end]
    first = sentence.paragraph_start + len(body) - len(body.lstrip())
    last = sentence.paragraph_start + len(body.rstrip())
    if inside[0] == first and inside[1] >= last and text[last - 1] in _CLOSING_MARKS:
        before = _neighbour_paragraph(ctx, sentence, -1)
        if before is not None:
            regions = _quote_regions(ctx, before)
            if regions:
                spoken = [
                    s
                    for s in _speakers_between(ctx, before.paragraph_start, before.paragraph_end)
                    if not _in_sorted_spans(s.start, regions)
                ]
                if spoken:
                    return spoken[-1]
    return None


def _speakers_between(ctx: _Context, start: int, end: int) -> list[Speaker]:
    lo = bisect.bisect_left(ctx.speaker_starts, start)
    hi = bisect.bisect_left(ctx.speaker_starts, end)
    return ctx.speakers[lo:hi]


_HEADING = re.compile(
    r"\s*(?:(?:and|but|also)\s+)?(?:the|its|his|her|their)\s+(?:[a-z-]+\s+){0,3}?[a-z-]+:\s",
    re.I,
)


def _speaker_for(
    ctx: _Context, sentence: Sentence, start: int, end: int
) -> tuple[Speaker | None, float, str]:
    regions = _quote_regions(ctx, sentence)
    inside = next(((a, b) for a, b in regions if a <= start < b), None) if regions else None
    if inside is not None:
        nearby = [
            s
            for s in _speakers_between(
                ctx,
                max(sentence.paragraph_start, inside[0] - 300),
                min(sentence.paragraph_end, inside[1] + 300),
            )
            if not _in_sorted_spans(s.start, regions)
        ]
        own = [s for s in nearby if sentence.start <= s.start < sentence.end]
        if own:
            # '"...," the agency quoted the ministry as saying': the quotation's own sentence
            # names its speaker, whoever spoke in the sentence before
            nearby = own
        if nearby:
            # a speaker before the quotation is as near as its verb ('X announced "..."')
            nearest = min(
                nearby,
                key=lambda s: min(
                    abs(s.start - inside[1]), abs(max(s.end, s.verb_end) - inside[0])
                ),
            )
            return nearest, 0.75, "speaker of the quotation"
        continued = _continued_quotation(ctx, sentence, inside)
        if continued is not None:
            return continued, 0.7, "speaker of the quotation continued over a paragraph break"
    here = [
        s
        for s in _speakers_between(ctx, sentence.start, sentence.end)
        if inside is not None or not _in_sorted_spans(s.start, regions)
    ]
    if here:
        before = [s for s in here if s.end <= start]
        after = [s for s in here if s.start >= end]
        options = ([before[-1]] if before else []) + ([after[0]] if after else [])
        if not options:
            options = here[:1]

        def distance(s: Speaker) -> int:
            return start - s.end if s.end <= start else max(0, s.start - end)

        nearest = min(options, key=distance)
        how = "antecedent of an anaphor" if nearest.resolved else "speaker in the sentence"
        return nearest, (0.75 if nearest.resolved else 0.9), how
    last = ctx.last if ctx.last_sentence == sentence.index - 1 else None
    if last is None and ctx.shadow_sentence == sentence.index - 1:
        last = ctx.shadow
    if (
        last is not None
        and last.source is not None
        and ctx.lex.speech_any.search(ctx.norm, sentence.start, sentence.end) is None
        and (
            ctx.lex.carry_opener.match(ctx.norm, sentence.start) is not None
            or (
                # "And the daily wounded: 14, 86, 83, 63.", "The totals: 24 dead ...": a
                # verbless heading and a colon go on with the statement before, in its paragraph
                _HEADING.match(ctx.norm, sentence.start, sentence.end) is not None
                and last.sentence.paragraph_start == sentence.paragraph_start
            )
        )
    ):
        carried = last.source
        return (
            Speaker(start, start, carried, start, last.via, True),
            0.6,
            ("speaker of the previous sentence carried forward"),
        )
    return None, 0.4, "no speaker found: the outlet's own statement"


def _dates(
    ctx: _Context, view: _SentenceView, speaker: Speaker | None, start: int
) -> tuple[dt.date | None, dt.date | None, dt.date | None, str]:
    """(as_of, since, event date, how) read from the sentence."""
    norm = ctx.norm
    sentence = view.sentence
    as_of = since = event = None
    how = ""
    statement: DateMention | None = None
    verbs = ctx.lex.speech_verbs
    # the dateline's day ("ISLAMABAD, Nov 17 (KUNA) --") is the day the text is read against,
    # no day of the sentence
    dates = [d for d in view.dates if d.start >= ctx.dateline_end]
    # "killed ... last year", "this year", "over the weekend", "the past week": a calendar
    # period of the count (`_calendar_period`); the relative day read inside it is no day
    calendar_span = _CALENDAR_PERIOD.search(norm, sentence.start, sentence.end)
    if calendar_span is not None:
        a = calendar_span.start()
        between = view.next_blocker(start + 1) if a > start else view.previous_blocker(start)
        if between is not None and not (start < between < a or a < between < start):
            between = None
        if (
            # another figure between, and a clause boundary between the period (or that
            # figure, when the period comes first) and this one
            (
                between is not None
                and _CLAUSE_GAP.search(norm, *((start, a) if a > start else (between, start)))
                is not None
            )
            or _MONTH_BEFORE.search(norm, max(0, a - 12), a)  # "in August last year"
        ):
            calendar_span = None  # another figure's period, or a month's year
    period_of: tuple[dt.date | None, dt.date] | None = None
    if calendar_span is not None:
        period_of = _calendar_period(calendar_span, ctx.published)
        a, b = calendar_span.span()
        dates = [d for d in dates if not (a <= d.start < b or d.start <= a < d.end)]
    until: DateMention | None = None
    for i, d in enumerate(dates):
        lead = norm[max(sentence.start, d.start - 14) : d.start]
        if _AS_OF.search(lead) or re.search(r"\b(?:по\s+состоянию\s+на|на)\s+$", lead, re.I):
            as_of, how = d.date, "as of"
        elif i > 0 and (
            re.search(r"\b(?:to|until|through|till|по)\s+$", lead, re.I)
            or (
                re.search(r"\band\s+$", lead, re.I)
                and re.search(
                    r"\bbetween\s+$",
                    norm[max(sentence.start, dates[i - 1].start - 10) : dates[i - 1].start],
                    re.I,
                )
            )
        ):
            until = d  # "from 24 February to 15 May", "between February 24 and June 26"
        elif (
            speaker is not None
            and 0 <= d.start - speaker.verb_end <= 40
            and _SPEECH_GAP.match(norm, speaker.verb_end, d.start)
        ):
            statement = d
        elif (
            speaker is not None
            and speaker.verb_end <= speaker.start
            and 0 <= d.start - speaker.end <= 20
            and _SPEECH_GAP.match(norm, speaker.end, d.start)
        ):
            statement = d  # "..., said the military on Sunday": the inverted speaker's day
        elif _STATEMENT.search(norm, max(sentence.start, d.start - 40), d.start) or (
            speaker is None and verbs.search(norm, max(sentence.start, d.start - 24), d.start)
        ):
            statement = statement or d
    if as_of is None and until is not None:
        as_of, how = until.date, "end of a dated range"
    if as_of is None:
        period = _MONTH_PERIOD.search(norm, sentence.start, sentence.end)
        end = _period_end(period, ctx.published) if period is not None else None
        if end is not None:
            as_of, how = end, "end of a period of months"
    if period_of is not None:
        ends = period_of[0]
        if as_of is None and ends is not None:
            as_of, how = ends, "end of a calendar period ('last year', 'over the weekend')"
    for d in dates:
        if d is statement or d is until or (as_of is not None and d.date == as_of):
            continue
        lead = norm[max(sentence.start, d.start - 60) : d.start]
        since_at = max(lead.lower().rfind("since "), lead.lower().rfind("с начала "))
        gap = lead[since_at:] if since_at >= 0 else ""
        if (
            _SINCE.search(lead)
            or ctx.since_words.search(lead)
            or (since_at >= 0 and "," not in gap and len(gap.split()) <= 8)
            or (until is not None and d.end <= until.start)
        ):
            since = d.date
        elif event is None and (
            not d.relative_span or _ONE_DAY_RELATIVE.fullmatch(norm, d.start, d.end)
        ):
            event = d.date  # "killed Sunday", "shelled the town yesterday": the day it happened
    if as_of is None:
        # "One dead Thursday, 10 Friday, nine Saturday": a weekday written right after the
        # figure is its own day; "one of its soldiers died late on Thursday" (said on Friday):
        # the deaths' day, told by the figure's outcome verb, is the day the count holds
        for d in dates:
            if d is statement or not d.weekday or not 0 < d.start - start <= 60:
                continue  # (bounded: the figure's own words only, so reading stays linear)
            gap = norm[start : d.start]
            if _OWN_DAY.fullmatch(gap):
                as_of, how = d.date, _DAY_AFTER_FIGURE
                break
            if (
                statement is not None
                and d.date < statement.date
                and _DEATHS_DAY.search(gap)
                and not re.search(r"[,;.]", gap)
            ):
                as_of, how = d.date, "the day of the deaths the outcome verb gives"
                break
    if as_of is None and statement is not None:
        as_of, how = statement.date, "day of the statement"
    if period_of is not None and since is None:
        since = max(period_of[1], ctx.war_start)
    if period_of is not None and period_of[0] is not None and as_of == period_of[0]:
        event = None  # a count over the period, not an incident of another day told with it
    return as_of, since, event, how


_OWN_DAY = re.compile(r"[\w,.-]+(?:\s+(?:dead|killed|wounded|injured))?\s+(?:on\s+)?", re.I)
_DEATHS_DAY = re.compile(
    r"\b(?:died|killed|dead|wounded|injured)\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.I
)
# "..., the latest in a spate of attacks that claimed six lives over the weekend": a figure
# between, past a comma or a relative clause, owns the period
_CLAUSE_GAP = re.compile(r"[,;]|\b(?:that|which|who)\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\s+$", re.I)
_CALENDAR_PERIOD = re.compile(
    r"\b(?P<last_year>last\s+year)\b(?!\s*(?:'s|\u2019s))"
    r"|\b(?P<this_year>(?:so\s+far\s+)?this\s+year)\b"
    r"|\b(?P<weekend>(?:over|during|at)\s+the\s+weekend|last\s+weekend)\b"
    r"|\b(?P<week>(?:the|over\s+the|in\s+the)\s+(?:past|last)\s+week)\b"
    r"|\b(?P<this_month>(?:earlier\s+)?this\s+month)\b"
    r"|\b(?P<this_week>(?:earlier\s+)?this\s+week)\b",
    re.I,
)


def _calendar_period(match: re.Match[str], published: dt.date) -> tuple[dt.date | None, dt.date]:
    """(end or None, start) of a calendar period read against the day of the text: "last year"
    (the whole of the year before), "this year" (from January 1; it holds on the day of the
    statement), "over the weekend" (the last Saturday and Sunday on or before the day),
    "the past week" (the seven days before; it holds on the day of the statement), "earlier
    this month" / "this week" (from the month's first day or the week's Monday; on the day of
    the statement)."""
    if match.group("last_year"):
        year = published.year - 1
        return dt.date(year, 12, 31), dt.date(year, 1, 1)
    if match.group("this_year"):
        return None, dt.date(published.year, 1, 1)
    if match.group("weekend"):
        sunday = published - dt.timedelta(days=(published.weekday() + 1) % 7)
        return sunday, sunday - dt.timedelta(days=1)
    if match.group("this_month"):  # "earlier this month": from the 1st, on the day of speech
        return None, published.replace(day=1)
    if match.group("this_week"):  # "earlier this week": from Monday
        return None, published - dt.timedelta(days=published.weekday())
    return None, published - dt.timedelta(days=7)


def _period_end(period: re.Match[str], published: dt.date) -> dt.date | None:
    """The last day of a period of months ("from January to June" -> June 30, the latest such
    day on or before publication; "to 15 March" -> March 15)."""
    month = _MONTHS.split("|").index(period.group("month").lower()) + 1
    year = int(period.group("year")) if period.group("year") else published.year
    last = calendar.monthrange(year, month)[1]
    day = int(period.group("day")) if period.group("day") else last
    if not 1 <= day <= last:
        return None
    end = dt.date(year, month, day)
    if end > published and not period.group("year"):
        end = dt.date(year - 1, month, min(day, calendar.monthrange(year - 1, month)[1]))
    return end if end <= published else None


def _inherit(c: Candidate, previous: Candidate) -> None:
    c.category = previous.category if c.category == ROOT else c.category
    c.party = previous.party
    c.region = previous.region
    c.perpetrator = previous.perpetrator


def _category_compatible(a: str, b: str) -> bool:
    return a == b or ROOT in (a, b)


def _parties_compatible(tree: ScopeTree, a: str | None, b: str) -> bool:
    """Whether party ``a`` (``None``: unknown) may hold the people of party ``b``."""
    if a is None or b == ROOT:
        return True
    return tree.is_within(a, b) or tree.is_within(b, a)


def _continued(
    ctx: _Context, sentence: Sentence, speaker: Speaker | None, clause: tuple[int, int]
) -> Candidate | None:
    """The last claim of the previous sentence when this sentence continues its statement.

    A continuation is the same speaker going on ("Stepanyan added later that...", "the ministry
    added", "he said") in the next sentence, or, for statements of no named speaker, the next
    sentence of the same paragraph. A figure of the whole war ("in the conflict") continues no
    incident.
    """
    last = ctx.last
    if last is None or ctx.last_sentence != sentence.index - 1:
        return None
    if last.kind == "incident" and _clause_facts(ctx, clause)["whole_war"]:
        return None
    said_by = speaker.source.id if speaker is not None else None
    if speaker is not None and last.said_by == said_by:
        near = ctx.norm[max(sentence.start, speaker.start - 40) : speaker.verb_end + 12]
        same_paragraph = last.sentence.paragraph_start == sentence.paragraph_start
        if (speaker.resolved and same_paragraph) or ctx.continuing.search(near):
            return last
        return None
    if (
        said_by is None
        and last.said_by is None
        and last.sentence.paragraph_start == sentence.paragraph_start
    ):
        return last
    return None


def _previous_sentence(ctx: _Context, sentence: Sentence) -> Sentence | None:
    """The sentence before ``sentence`` in its paragraph."""
    if sentence.index == 0:
        return None
    before = ctx.sentences[sentence.index - 1]
    return before if before.paragraph_start == sentence.paragraph_start else None


def _event_of(ctx: _Context, sentence: Sentence) -> dt.date | None:
    """The first day of a sentence that is neither a start ("since...") nor relative."""
    if sentence.index in ctx.events:
        return ctx.events[sentence.index]
    ctx.events[sentence.index] = None
    view = _view(ctx, sentence, [])
    for d in view.dates:
        lead = ctx.norm[max(sentence.start, d.start - 60) : d.start].lower()
        if (
            not d.relative_span
            and not _SINCE.search(lead)
            and not ctx.since_words.search(lead)
            and "since " not in lead[-20:]
        ):
            ctx.events[sentence.index] = d.date
            return d.date
    return None


def _group_by_alias(ctx: _Context, source: Source | None) -> bool:
    """Whether ``source`` is an armed group named by its alias in the war's party tree (a
    speaker the source table does not know, of kind ``other``, with a party)."""
    return (
        source is not None
        and source.kind is SourceKind.OTHER
        and source.affiliation != INDEPENDENT
        and not any(entry.source.id == source.id for entry in ctx.lex.sources)
    )


def _resolve_by_party(ctx: _Context, source: Source, party: str) -> Source | None:
    """The source-table body that a bare institutional speaker ("the Health Ministry", "the
    authorities") must be, from the party whose dead it counts: the only table entry of that
    party whose name holds every word of the phrase."""
    if party == ROOT:
        return None
    tree = ctx.trees["party"]
    if source.affiliation != INDEPENDENT and (
        source.affiliation not in tree or tree.resolve(source.affiliation) != party
    ):
        return None
    if any(entry.source.id == source.id for entry in ctx.lex.sources):
        return None
    head_group = re.split(r"\s+(?:of|in|for)\s+|,", source.name.lower())[0]
    words = [w for w in re.findall(r"[\w'\u2019-]+", head_group) if w not in ("the", "a", "an")]
    # "the Palestinian Health Ministry" (a word of the counted party), "the enclave's health
    # ministry" (a place noun's possessive), "a ministry statement" (the body's document): the
    # body's own words are what is left
    generic = {w.lower() for w in ctx.lex.get("speech").get("place_nouns", [])}
    documents = {w.lower() for w in ctx.lex.get("speech").get("documents", [])}
    words = [
        w
        for w in words
        if _party_of_word(ctx, w) != party
        and not (re.sub(r"['\u2019]s$", "", w) in generic and re.search(r"['\u2019]s$", w))
    ]
    while len(words) > 1 and words[-1] in documents:
        words.pop()
    if not words or len(words) > 3 or words[-1] not in ctx.lex.speaker_heads:
        return None
    found = []
    for entry in ctx.lex.sources:
        affiliation = entry.source.affiliation
        if affiliation not in tree or tree.resolve(affiliation) != party:
            continue
        name = set(re.findall(r"[\w-]+", entry.source.name.lower()))
        if all(w in name for w in words):
            found.append(entry.source)
    return found[0] if len(found) == 1 else None


def _sentence_chain(ctx: _Context, sentence: Sentence) -> str | None:
    """The narrowest place named in ``sentence`` (outside speakers' titles) when all its places
    lie on one chain, else None (and None when it names none). Computed once per sentence."""
    if sentence.index not in ctx.sentence_chains:
        lo = bisect.bisect_left(ctx.all_place_starts, sentence.start)
        hi = bisect.bisect_left(ctx.all_place_starts, sentence.end)
        nodes = [n for a, n in ctx.all_places[lo:hi] if not _in_sorted_spans(a, ctx.mask)]
        tree = ctx.trees["region"]
        narrowest = _narrowest(tree, nodes) if nodes else None
        if narrowest is not None and not all(tree.is_within(narrowest, n) for n in nodes):
            narrowest = None
        ctx.sentence_chains[sentence.index] = narrowest
    return ctx.sentence_chains[sentence.index]


def _build(
    ctx: _Context,
    view: _SentenceView,
    start: int,
    end: int,
    figure: Figure,
    outcome: str,
    outcome_confidence: float,
    np: _NounPhrase | None,
    previous: Candidate | None,
    clause_rejects: Sequence[str],
    figure_confidence: float,
    part: bool = False,
    mains: Sequence[int] = (),
    anchor: int | None = None,
) -> list[Candidate]:
    trees = ctx.trees
    region_tree, party_tree = trees["region"], trees["party"]
    sentence = view.sentence
    clause = view.clause(start)
    facts = _clause_facts(ctx, clause)
    norm = ctx.norm
    c = Candidate(start, end, ctx.text[start:end], figure, sentence, outcome)
    notes = c.notes
    scope_conf = 0.9
    elliptic = np is None or np.head in (None, "inherit")
    inherit = previous is not None and (
        part
        or (
            np is not None
            and (np.head == "inherit" or np.elliptic_more or (np.head is None and not np.parties))
        )
    )
    last_here = ctx.last if ctx.last_sentence == sentence.index - 1 else None
    part_of_last = np is not None and np.part_of and last_here is not None and previous is None
    c.incident_cue = facts["incident_cue"] is not None
    # an earlier figure of the same count ("the authorities' previous estimate of 68 deaths",
    # "up from 56"): the scope and the incident of the figure before
    earlier = None
    if _EARLIER.search(norm, max(sentence.start, start - 60), start):
        earlier = previous or last_here
    # "injured in the blast", "The air raids on Sunday killed...": the incident told before
    anaphor = facts["anaphor"]
    incident_before = None
    if (
        anaphor is not None
        and ctx.last_cue is not None
        and ctx.last_cue is not previous
        and 0 < sentence.index - ctx.last_cue_sentence <= 2
    ):
        incident_before = ctx.last_cue
    # speaker
    speaker, source_conf, how = _speaker_for(ctx, sentence, start, end)
    if speaker is not None:
        c.source, c.via = speaker.source, speaker.via
        c.said_by = speaker.source.id
    notes.append(f"source: {how}")
    if speaker is not None and speaker.spokesman:
        notes.append(f"spoken through {speaker.spokesman!r}")
    continued = _continued(ctx, sentence, speaker, clause) if not part_of_last else None
    # category (a part "of these 4,731 people" keeps the whole's category unless it names one)
    if np is not None and np.head not in (None, "inherit", ROOT if part else "-"):
        c.category = np.head
    elif inherit and previous is not None:
        c.category = previous.category
        scope_conf -= 0.1
        notes.append("scope shared with the previous figure")
    elif part_of_last and last_here is not None:
        c.category = last_here.category
        notes.append("category of the figure it is a part of (previous sentence)")
    else:
        for category, pattern in ctx.lex.category_cues:
            if pattern.search(norm, max(clause[0], start - 200), start):
                c.category = category
                notes.append(f"category from a clause cue ({category})")
                break
    if earlier is not None and c.category == ROOT:
        c.category = earlier.category
    # region: the figure's own places, else those of the figure it belongs to
    places = _figure_places(norm, facts, start if anchor is None else anchor, mains)
    if places:
        c.region = _narrowest(region_tree, places)
    elif inherit and previous is not None:
        # (after a breakdown by place, the places together: "six died in Sisaket, two in
        # Surin and one in Ubon. At least 17 other people ...")
        c.region = previous.breakdown or previous.region
    elif part_of_last and last_here is not None:
        c.region = last_here.region
    before = _previous_sentence(ctx, sentence) if facts["carry_back"] else None
    before_facts = _clause_facts(ctx, (before.start, before.end)) if before is not None else None
    if c.region == ROOT and before_facts is not None:
        back = _figure_places(norm, before_facts, 0, ())
        if back:
            c.region = _narrowest(region_tree, back)
            notes.append("place from the previous sentence ('as a result')")
    for antecedent, why in ((earlier, "an earlier count of"), (incident_before, "the incident of")):
        if c.region == ROOT and antecedent is not None and antecedent.region != ROOT:
            c.region = antecedent.region
            notes.append(f"place of {why} the figure before")
    if (
        incident_before is not None
        and c.region != ROOT
        and places
        and (
            incident_before.region == ROOT
            or (
                incident_before.region != c.region
                and region_tree.is_within(c.region, incident_before.region)
                and (chain := _sentence_chain(ctx, sentence)) is not None
                and region_tree.is_within(c.region, chain)
                and _ANOTHER_TIME.search(norm, sentence.start, sentence.end) is None
            )
        )
    ):
        # "A ... airstrike has killed 26 people. ... Wednesday's airstrike wounded nine others
        # after it struck a hotel in Saada": the incident told before happened there too; so
        # too below the place it had ("... in an attack on an army base in northeast Colombia.
        # Another nine soldiers were injured in the attack that took place in the rural part of
        # El Carmen")
        incident_before.region = c.region
        if incident_before.event is not None and incident_before.kind == "incident":
            incident_before.event = f"{c.region}-{incident_before.as_of.isoformat()}"
        incident_before.notes.append("place named by the next sentence on the same incident")
    if (
        c.region == ROOT
        and continued is not None
        and continued.region != ROOT
        and _category_compatible(c.category, continued.category)
    ):
        c.region = continued.breakdown or continued.region
        notes.append("place of the statement it continues")
        scope_conf -= 0.1
    # perpetrator
    perpetrator = facts["perpetrator"]
    if perpetrator is None and before_facts is not None:
        perpetrator = before_facts["perpetrator"]
        if perpetrator is not None:
            notes.append("perpetrator from the previous sentence ('as a result')")
    if perpetrator is None and facts["carry_back"] and last_here is not None:
        perpetrator = last_here.perpetrator if last_here.perpetrator != ROOT else None
    if perpetrator is None and inherit and previous is not None:
        perpetrator = previous.perpetrator
    for antecedent in (earlier, incident_before):
        if perpetrator is None and antecedent is not None and antecedent.perpetrator != ROOT:
            perpetrator = antecedent.perpetrator
            notes.append("perpetrator of the incident told before")
    if (
        perpetrator is None
        and c.source is not None
        and c.source.affiliation in party_tree
        and c.source.affiliation != ROOT
        and _OWN_FORCES.search(norm, max(clause[0], start - 150), start)
    ):
        # "Russia's defence ministry said its forces had killed 200 soldiers"
        perpetrator = party_tree.resolve(c.source.affiliation)
        notes.append("perpetrator = the speaker's side ('its forces')")
    c.perpetrator = perpetrator or ROOT
    # one claim per side ("on both sides"): read before the place can name a party
    following = view.next_blocker(start + 1)
    limit = min(clause[1], following if following is not None else clause[1])
    sides = ctx.lex.sides.search(norm, end, max(end, limit))
    # the document's subject place: named in earlier sentences, carried to a figure that names
    # none (not to a party's military toll: soldiers fall wherever the front runs)
    subject = _subject_place(ctx, sentence, start)
    # party
    affiliation = c.source.affiliation if c.source is not None else INDEPENDENT
    clause_parties = []
    toll = re.search(
        r"\b(?P<adj>[\w-]+)\s+(?:military\s+|civilian\s+)?(?:death\s+toll|toll|casualties|dead)\b",
        norm[max(clause[0], start - 80) : start],
        re.I,
    )
    if toll is not None:
        found = _party_of_word(ctx, toll.group("adj"))
        if found is not None:
            clause_parties.append(found)
    c.party_named = bool(np is not None and np.parties) or bool(
        inherit and previous is not None and previous.party_named
    )
    if np is not None and np.parties:
        c.party = _narrowest(party_tree, np.parties)
    elif np is not None and np.speaker_side and affiliation in party_tree and affiliation != ROOT:
        c.party = party_tree.resolve(affiliation)
        notes.append("party = the speaker's side ('its')")
        scope_conf -= 0.1
    elif (lone := _lone_actor(ctx.trees)) is not None and ctx.generic_counted.match(
        ctx.norm, c.end, min(len(ctx.norm), c.end + 60)
    ):
        # "four of their gunmen were also killed": the war's one armed group's fighters
        c.party, c.category = lone, "military"
        notes.append("party = the war's one armed group (generic fighters counted)")
        scope_conf -= 0.1
    elif clause_parties:
        c.party = _narrowest(party_tree, clause_parties)
    elif inherit and previous is not None and previous.party != ROOT:
        c.party = previous.party
    elif part_of_last and last_here is not None:
        c.party = last_here.party
        c.perpetrator = c.perpetrator if c.perpetrator != ROOT else last_here.perpetrator
    elif earlier is not None and earlier.party != ROOT:
        c.party = earlier.party
    elif (
        c.category == "military"
        and affiliation in party_tree
        and affiliation != ROOT
        and not _group_by_alias(ctx, c.source)
    ):
        # (an armed group named by its alias, "said the HPG", claims its enemy's dead as often
        # as its own: no side from it)
        c.party = party_tree.resolve(affiliation)
        notes.append("party = the speaker's side (military toll reported by a party)")
        scope_conf -= 0.3
    own = [p for p in (_party_of_place(trees, r, c.perpetrator) for r in places) if p is not None]
    if c.party == ROOT and own and c.category != "military" and sides is None:
        c.party = _narrowest(party_tree, own)
        notes.append("party inferred from the place")
        scope_conf -= 0.2
    if (
        c.party == ROOT
        and not places
        and c.category != "military"
        and sides is None
        and c.source is not None
        and c.source.kind is SourceKind.GOVERNMENT
        and _MINISTRY.search(c.source.name)
        and c.outcome in ("killed", "wounded")
        and not facts["whole_war"]
        and affiliation in party_tree
        and affiliation != ROOT
    ):
        # "Kyrgyzstan's Health Ministry said at least 36 people died": a ministry counts its
        # own country's dead and wounded when the count names no party and no place (not a
        # count of the whole war, nor of those displaced into the country)
        c.party = party_tree.resolve(affiliation)
        notes.append("party = the speaker's country (a government's count of people)")
        scope_conf -= 0.3
    if (
        c.party == ROOT
        and continued is not None
        and continued.party != ROOT
        and _category_compatible(c.category, continued.category)
    ):
        c.party = continued.party
        notes.append("party of the statement it continues")
        scope_conf -= 0.1
    if (
        c.region == ROOT
        and subject is not None
        and sides is None
        and not c.party_named
        and not facts["whole_war"]
        and _parties_compatible(party_tree, _party_of_place(trees, subject), c.party)
    ):
        c.subject = subject  # (a military toll may take it once its kind is read)
    if (
        c.region == ROOT
        and subject is not None
        and sides is None
        and c.category != "military"
        and not c.party_named
        and not facts["whole_war"]  # "died in the war": anywhere
        and _parties_compatible(party_tree, _party_of_place(trees, subject), c.party)
    ):
        c.region = subject
        notes.append("place = the document's subject place (named earlier)")
        scope_conf -= 0.15
    if c.party == ROOT and c.region != ROOT and c.category != "military" and sides is None:
        inferred = _party_of_place(trees, c.region, c.perpetrator)
        if inferred is not None and inferred != ROOT:
            c.party = inferred
            notes.append("party inferred from the place")
            scope_conf -= 0.2
    if elliptic and not inherit:
        scope_conf -= 0.1
    scope_conf = min(scope_conf, outcome_confidence)
    # a bare institutional speaker resolved by whose dead it counts ("the Health Ministry" of a
    # count of Gaza's dead is Gaza's): only when the text gives the party, and not for military
    # tolls (a ministry often counts its enemy's soldiers)
    if c.source is not None and c.category != "military":
        body = _resolve_by_party(ctx, c.source, c.party)
        if body is not None:
            notes.append(
                f"speaker {c.source.name!r} read as {body.name} (the count is of its side)"
            )
            c.source = body
            source_conf = min(source_conf, 0.6)
    # dates and kind
    as_of, since, event, date_how = _dates(ctx, view, speaker, start)
    date_conf = 0.9
    if event is not None:
        if view.brought is None:
            view.brought = [
                m.span() for m in _BROUGHT_TO.finditer(norm, sentence.start, sentence.end)
            ]
        brought = view.brought[0] if view.brought and view.brought[0][1] <= start else None
        if brought is not None and any(d.date == event and d.end <= brought[1] for d in view.dates):
            # "five soldiers were killed on Friday, bringing its toll to 20 - including 14
            # civilians": the day is the new deaths', the total (and its parts) holds when it is
            # told; so too a day inside the phrase ("brought the death toll in the siege, which
            # was launched May 23, to more than a thousand"). One search per figure, bounded by
            # its sentence's start
            event = None
    increment = (np is not None and np.increment) or facts["increment_span"]
    if not increment and re.search(
        rf"(?<!\w)(?:{words_of(ctx.lex.get('increment', 'before'))})\s+$",
        norm[max(sentence.start, start - 20) : start],
        re.I,
    ):
        listed = previous is not None and (
            re.search(
                r"\band\s+(?:another|a\s+further)\s+$",
                norm[max(sentence.start, start - 25) : start],
                re.I,
            )
            or previous.outcome != outcome  # "Another 5,800 were injured": a second count
            or (c.region != ROOT and c.region != previous.region)  # "another 300 in Bucha"
        )
        increment = not listed
    incident_cue = facts["incident_cue"]
    if event is None and as_of is None and before is not None and c.region != ROOT:
        event = _event_of(ctx, before)
        if event is not None:
            incident_cue = incident_cue or _INCIDENT.search(norm, before.start, before.end)
    antecedent = next(
        (a for a in (earlier, incident_before) if a is not None and a.kind == "incident"), None
    )
    if event is not None and (
        (c.region != ROOT and region_tree.depth(c.region) >= 2)
        or (incident_cue is not None and (c.region != ROOT or not increment))
    ):
        c.kind, c.since, c.as_of = "incident", event, event
        c.event = f"{c.region}-{event.isoformat()}"
        date_how = "day of the incident"
        date_conf = 0.8
        c.dated = True
    elif (part or inherit) and previous is not None and previous.kind == "incident":
        c.kind, c.since, c.as_of, c.event = (
            "incident",
            previous.since,
            previous.as_of,
            previous.event,
        )
        date_how = "day of the incident (a part of the figure before)"
        c.dated = previous.dated
    elif antecedent is not None and as_of is None and event is None and not increment:
        c.kind, c.since, c.as_of, c.event = (
            "incident",
            antecedent.since,
            antecedent.as_of,
            antecedent.event,
        )
        date_how = "day of the incident told before"
        date_conf, c.dated = 0.7, antecedent.dated
    else:
        if as_of is not None:
            c.dated = True
        elif event is not None:
            as_of, date_how, c.dated = (
                event,
                "the day the text gives (no day of the statement)",
                True,
            )
            date_conf = 0.7
            if (
                since is None
                and not increment
                and not facts["whole_war"]
                and _DAY_COUNT.match(norm, c.end, min(clause[1], c.end + 120))
                and not _RUNNING_CUE.search(norm, clause[0], clause[1])
            ):
                # "Fourteen civilians were killed on Sunday": a count of that day, not the
                # war's running total held that day
                since = event
                notes.append("a count of that day ('killed on Sunday'): since = as_of = the day")
        elif continued is not None and continued.dated:
            as_of, date_how, c.dated = continued.as_of, "day of the statement it continues", True
            date_conf = 0.7
        elif part_of_last and last_here is not None and last_here.dated:
            as_of, date_how, c.dated = last_here.as_of, "day of the figure it is a part of", True
            date_conf = 0.7
        elif ctx.dateline is not None:
            as_of, date_how, date_conf = ctx.dateline, "day of the dateline", 0.6
        else:
            as_of, date_how, date_conf = (
                ctx.published,
                "publication date (no date in the text)",
                0.5,
            )
        if increment:
            c.kind, c.since, c.as_of = "increment", as_of, as_of
            notes.append("increment: since = as_of = the day it was announced")
            date_conf = min(date_conf, 0.6)
        else:
            c.as_of = as_of
            c.since = since if since is not None and since <= as_of else ctx.war_start
            if c.since > c.as_of:
                c.since = c.as_of
    notes.append(f"as_of: {date_how}")
    c.date_how, c.anaphoric = date_how, anaphor is not None
    if c.kind != "incident" and any(
        r in clause_rejects for r in ctx.lex.get("coverage", "partial_when_reject")
    ):
        c.coverage = "partial"
        notes.append("partial: the count covers only the strikes or attacks named")
    c.confidence = {
        "figure": round(figure_confidence, 2),
        "scope": round(max(0.1, scope_conf), 2),
        "source": source_conf,
        "date": date_conf,
    }
    if sides is not None and c.party == ROOT:
        out = []
        for side in ctx.lex.get("sides", "split"):
            if side not in party_tree:
                continue
            copy = Candidate(**{name: getattr(c, name) for name in Candidate.__slots__})
            copy.party = side
            copy.notes = [*c.notes, f"'{sides.group(0)}' read as each side: one claim per side"]
            copy.confidence = dict(c.confidence, scope=round(max(0.1, scope_conf - 0.2), 2))
            out.append(copy)
        if out:
            return out
    return [c]


def _subject_place(ctx: _Context, sentence: Sentence, start: int) -> str | None:
    """The common ancestor of every place named before ``start`` (outside speakers' titles):
    the place the document is about, or ``None`` when it names none or only the root."""
    if not ctx.lede_place:
        return None
    here = ctx.sentence_places
    if here is None or here[0] != sentence.index:
        named = [
            (a, node)
            for a, _, node in _place_matches(ctx, sentence.start, sentence.end)
            if not _in_sorted_spans(a, ctx.mask)
        ]
        prefix: list[str | None] = []
        common = ctx.subject_node
        for _, node in named:
            common = (
                node if common is None else _common_ancestor(ctx.trees["region"], [common, node])
            )
            prefix.append(common)
        here = (sentence.index, [a for a, _ in named], prefix)
        ctx.sentence_places = here
    i = bisect.bisect_left(here[1], start)
    common = here[2][i - 1] if i > 0 else ctx.subject_node
    return None if common is None or common == ROOT else common


def _common_ancestor(tree: ScopeTree, nodes: Sequence[str]) -> str:
    common = set(tree.ancestors(nodes[0]))
    for node in nodes[1:]:
        common &= set(tree.ancestors(node))
    return max(common, key=tree.depth)


def _figure_of(ctx: _Context, view: _SentenceView, start: int, end: int) -> Figure:
    """Read a mention with Figure.parse: hedge verbs before it, a language's hedge words."""
    lex = ctx.lex
    phrase = ctx.text[start:end]
    english = phrase
    if lex.code != "en":
        english = _to_english(lex, phrase)
    reached = _UP_TO.match(english)
    if reached and _REACHED.search(ctx.norm, max(view.sentence.start, start - 20), start):
        english = english[reached.end() :]  # "brought up to 881 the number": a total reached
    verb = lex.verb_hedge.search(ctx.norm, max(view.sentence.start, start - 20), start)
    if verb is not None and not re.match(
        r"\s*(?:more|fewer|less|at|about|some|around|nearly|almost|over|up)\b", english, re.I
    ):
        english = f"{lex.verb_hedges[verb.group('verb').lower()]} {english}"
    return Figure.parse(english).evolve(text=phrase)


def _to_english(lex: Lexicon, phrase: str) -> str:
    """A figure phrase of another language in the English the hedge table reads."""
    text = phrase
    for sep in lex.group_separators:
        text = re.sub(rf"(?<=\d){re.escape(sep)}(?=\d{{3}}\b)", "", text)
    lowered = text.lower()
    for word, english in sorted(lex.hedge_words.items(), key=lambda kv: -len(kv[0])):
        if lowered.startswith(word + " ") or lowered == word:
            rest = text[len(word) :].strip()
            if english.endswith(" of") or english == "several":
                return english.removesuffix(" of")
            return f"{english} {_number_words(lex, rest)}"
    return _number_words(lex, text)


def _number_words(lex: Lexicon, text: str) -> str:
    if re.fullmatch(r"[\d.,]+", text.strip()):
        return text.strip()
    try:
        from number_parser import parse_number  # type: ignore[import-untyped]  # extra
    except ImportError:  # pragma: no cover - exercised only without the extra
        return text
    value = parse_number(text, language=lex.code)
    return str(value) if value is not None else text


_PLACE_PREPOSITIONS = frozenset(("in", "during", "by", "from", "after", "at"))


def _part_of_no_count(
    ctx: _Context, start: int, np: _NounPhrase, rejected: list[Rejection]
) -> tuple[str, str] | None:
    """Why a part ("three of them") counts no casualties, or None: a part of a count of
    things is a thing too ("four vehicles, three of them booby-trapped")."""
    norm = ctx.norm
    if np.part_of and rejected:
        before = rejected[-1]
        things = before.reason in ctx.lex.reject_nouns.values() and before.reason not in (
            "fighters",
            "households",
        )
        if things and 0 <= start - before.end <= 30 and "." not in norm[before.end : start]:
            return before.reason, f"a part of the count of things '{before.text}' before it"
    if np.part_of:
        # "their vehicles shot up and two of them on fire": the nearest plural noun before the
        # part, when nothing counted comes between, is what the part counts
        tokens = list(_TOKEN.finditer(norm, max(0, start - 40), start))
        for i in range(len(tokens) - 1, -1, -1):
            word = tokens[i].group(0).lower()
            if word in ctx.lex.people or word.isdigit() or word in ".;":
                break
            reason = ctx.lex.reject_nouns.get(word)
            if reason is not None and reason not in ("fighters", "households"):
                # "Eleven people were injured in the attacks, three of them seriously": a noun
                # of things behind a preposition is where they were hurt, not what is counted
                ahead = [t.group(0).lower() for t in tokens[max(0, i - 2) : i]]
                ahead = [w for w in ahead if w not in ("the", "these", "those")]
                if ahead and ahead[-1] in _PLACE_PREPOSITIONS:
                    continue
                return reason, f"a part of the {word!r} before it"
    return None


def _sentence_candidates(
    ctx: _Context, sentence: Sentence
) -> tuple[list[Candidate], list[Rejection]]:
    norm = ctx.norm
    mentions = [
        (m.start(), m.end()) for m in ctx.lex.mention.finditer(norm, sentence.start, sentence.end)
    ]
    view = _view(ctx, sentence, mentions)
    implicit = [i for i in _implicit(ctx, sentence) if not _counted_by_number(norm, mentions, i[0])]
    implicit_spans = [(a, b) for a, b, *_ in implicit]
    rejected: list[Rejection] = []
    accepted: list[dict[str, Any]] = []
    reasons_by_clause: dict[tuple[int, int], list[str]] = {}
    pending: list[dict[str, Any]] = []  # readable figures still without an outcome
    opener = _OPENER.match(norm, sentence.start)
    antecedent = None
    if opener is not None:  # "Of these, 4,731 were killed": a part of the sentence before's figure
        if ctx.last is not None and ctx.last_sentence == sentence.index - 1:
            antecedent = ctx.last
        elif ctx.shadow is not None and ctx.shadow_sentence == sentence.index - 1:
            antecedent = ctx.shadow
    opened = next((m for m in mentions if opener is not None and m[0] <= opener.end() + 2), None)
    phrases = {
        m: _scan_noun_phrase(
            ctx, m[1], view.clause(m[0])[1], part_of=m == opened and bool(antecedent)
        )
        for m in mentions
    }
    populations = {m for m in mentions if _is_population(ctx, sentence, m, phrases[m])}
    # "The death toll in two jihadist attacks ... has risen to 38": a count of attacks is no
    # figure of people either
    things = {m for m in mentions if phrases[m].reject == "strike-count"}
    if populations or things:  # no figure of its own: an outcome search passes over it
        starts = {a for a, _ in populations | things}
        view.blockers = [b for b in view.blockers if b not in starts]
    for start, end in mentions:
        phrase = ctx.text[start:end]
        clause = view.clause(start)
        why = _classify(ctx, view, start, end, implicit_spans)
        np = phrases[(start, end)]
        if why is None:
            why = _part_of_no_count(ctx, start, np, rejected)
        if (
            why is None
            and np.noun in ctx.lex.combatants
            and (
                ((governed := _outcome(ctx, view, start, end)) is not None and governed[1] >= 0.9)
                or _SHARED_VERB.search(ctx.norm, max(sentence.start, start - 80), start)
                # "Among the dead were ... 10 policemen and 59 militants": a later item of a
                # list of casualties counts casualties too
                or (
                    bool(accepted)
                    and _listed(norm, accepted[-1], {"start": start, "clause": clause})
                )
            )
        ):
            # "killed hundreds of militants", "four militants were killed", "killed seven
            # troops and six militants" (the second item shares the verb of the first):
            # fighters counted as dead or wounded are military casualties; a bare count of
            # fighters is not
            np.reject, np.head = None, "military"
        if why is None and np.reject is not None:
            why = (np.reject, f"counts {np.noun!r}, not people")
        if why is None and (start, end) in populations:
            why = ("population", "a population, not a toll")
        if why is None:
            ahead = max(sentence.start, start - 25)
            for reason, cue in ctx.lex.reject_before:
                if cue.search(ctx.norm, ahead, start):
                    why = (reason, f"{reason} right before the figure: not a toll")
                    break
        figure: Figure | None = None
        if why is None:
            try:
                figure = _figure_of(ctx, view, start, end)
            except FigureParseError as error:
                why = (f"unreadable-{error.reason.value}", str(error))
            except (ValueError, TypeError, ArithmeticError) as error:  # pragma: no cover
                why = ("unreadable", str(error))
        if why is None and figure is not None:
            if figure.hedge is Hedge.SHARE:
                why = ("share-without-base", "a share of an unstated population")
            elif figure.low > _MAX_COUNT or (figure.high or 0) > _MAX_COUNT:
                why = ("implausible", "larger than any population")
        if why is not None or figure is None:
            reason, detail = why or ("unreadable", "")
            rejected.append(Rejection(start, end, phrase, reason, detail, sentence))
            reasons_by_clause.setdefault(clause, []).append(reason)
            continue
        including = (
            ctx.lex.including.search(norm, max(sentence.start, start - 30), start) is not None
        )
        item = {
            "start": start,
            "end": end,
            "figure": figure,
            "np": np,
            "part": including or np.part_of,
            "clause": clause,
        }
        if np.head is not None and np.head in ("casualties",):
            pass
        outcome = _outcome(ctx, view, start, end)
        if outcome is not None and (
            _MIXED_OUTCOME.search(norm, max(clause[0], start - 60), min(clause[1], end + 90))
            or _MIXED_BEFORE.search(norm, max(clause[0], start - 40), start)
            or _lumped(ctx, view, start, end, clause)
        ):
            # "killed or injured at least 234 people": one count of two outcomes, of neither
            rejected.append(
                Rejection(
                    start,
                    end,
                    ctx.text[start:end],
                    "mixed-outcome",
                    "one count of two outcomes (killed or injured): how many of each is not said",
                    sentence,
                )
            )
            continue
        held = _held(ctx, view, start, end, np)
        if held == "released" and (
            outcome is None
            or outcome[0] in ("captured", "missing")
            or np.noun in ctx.lex.hostage_nouns
        ):
            # "Nine hostages were freed", "33 missing soldiers had been found alive"
            rejected.append(
                Rejection(
                    start,
                    end,
                    ctx.text[start:end],
                    "released",
                    "people freed, rescued or found alive: no longer held or missing",
                    sentence,
                )
            )
            continue
        if held == "hostage" or (held == "hostages" and (outcome is None or outcome[1] < 0.9)):
            # "is holding two soldiers hostage", "seized up to 3,000 hostages"
            outcome = ("captured", 0.9)
        if np.noun == "casualties" and outcome is not None and outcome[1] < 0.9:
            outcome = None
        if (
            np.noun in ctx.lex.body_nouns
            and (outcome is None or outcome[1] < 0.9)
            and re.match(rf"\s+{np.noun}\b", norm[end : end + 20], re.I)
        ):
            # "At least 15 bodies lay in the streets", "we buried 38 bodies": the dead (the
            # noun right after the number: "12 aid bodies" are organisations)
            outcome = ("killed", 0.85)
        if outcome is None and _own_verb(ctx, view, end, clause[1]):
            # a verb of its own that is no casualty cue: no list or part lends it one
            pending.append(item)
            continue
        if outcome is None and item["part"] and accepted:
            outcome = (accepted[-1]["outcome"], 0.8)
        if outcome is None and accepted and _listed(norm, accepted[-1], item):
            # "killed 316 children and 790 women": a later item of the list the verb governs;
            # "including one girl, seven women and 12 men": every item is a part
            outcome = (accepted[-1]["outcome"], 0.8)
            item["part"] = accepted[-1]["part"]
        if outcome is None and accepted and _elliptic_item(ctx, accepted[-1], item):
            # "One dead Thursday, 10 Friday, nine Saturday", "the daily wounded: 14, 86, 83":
            # an item with no noun of its own after a figure with none shares its outcome
            outcome = (accepted[-1]["outcome"], 0.75)
            item["part"] = accepted[-1]["part"]
        if (
            (outcome is None or outcome[1] < 0.9)
            and accepted
            and np.head is None
            and not np.parties
            and accepted[-1]["clause"] == clause
            and _PARALLEL_GAP.fullmatch(norm, int(accepted[-1]["end"]), start)
            and _PARALLEL_AFTER.match(norm, end)
        ):
            # "killed at least 299 people in Lebanon and 29 in Israel": a figure without a
            # noun after the figure before and its place, with a place of its own, counts the
            # same people elsewhere (their category, its own place)
            outcome = (accepted[-1]["outcome"], 0.8)
            item["part"] = accepted[-1]["part"]
            item["place_item"] = True
            np.head = accepted[-1]["np"].head
        if (
            outcome is None
            and np.head not in (None, "inherit")
            and _COORDINATED.search(norm, max(clause[0], start - 40), start)
        ):
            # "killed 19 people ..., and another 23 people": the verb of the earlier object
            same = [a for a in accepted if a["clause"] == clause and not a["part"]]
            if same:
                outcome = (same[-1]["outcome"], 0.75)
        if (
            outcome is None
            and np.part_of
            and ctx.last is not None
            and ctx.last_sentence == sentence.index - 1
        ):
            outcome = (ctx.last.outcome, 0.7)
        if outcome is None and np.part_of and antecedent is not None and antecedent.outcome != ROOT:
            outcome = (antecedent.outcome, 0.7)
        if outcome is None:
            pending.append(item)
            continue
        item["outcome"], item["o_conf"] = outcome
        conf = 0.95 if np.head not in (None, "inherit") else 0.85
        if figure.hedge is Hedge.VAGUE:
            conf -= 0.15
        item["f_conf"] = min(conf, outcome[1])
        # a list: earlier figures of people without an outcome, joined by commas or "and"
        anchor = item
        while pending and _listed(norm, pending[-1], anchor):
            head = pending.pop()
            head.update(outcome=item["outcome"], o_conf=0.8, f_conf=0.8, listed=True)
            accepted.append(head)
            anchor = head
        accepted.append(item)
    shadow = next((i for i in reversed(pending) if i["np"].head not in (None, "inherit")), None)
    for item in pending:
        a, b = int(str(item["start"])), int(str(item["end"]))
        refused = Rejection(
            a,
            b,
            ctx.text[a:b],
            "no-casualty-outcome",
            "no word of killing, wounding, displacement...",
            sentence,
        )
        item["rejection"] = refused
        rejected.append(refused)
    accepted.sort(key=lambda a: a["start"])
    implicit = _listed_persons(ctx, accepted, implicit, mentions)
    _mark_lists(norm, accepted, ctx.lex.demographic)
    items: list[tuple[int, Any]] = [(a["start"], ("figure", a)) for a in accepted]
    items += [(i[0], ("implicit", i)) for i in implicit]
    items.sort(key=lambda x: x[0])
    candidates: list[Candidate] = []
    previous: Candidate | None = None
    mains: dict[tuple[int, int], list[int]] = {}
    for _, (what, item) in items:
        if (what == "implicit" and item[5] != "listed") or (what == "figure" and not item["part"]):
            # (a person named in a list of figures shares its figure's place: no main of its own)
            mains.setdefault(
                view.clause(item[0] if what == "implicit" else item["start"]), []
            ).append(item[0] if what == "implicit" else item["start"])
    main_start: int | None = None
    for _, (what, item) in items:
        if what == "figure":
            start, end, figure, np = item["start"], item["end"], item["figure"], item["np"]
            outcome, o_conf, f_conf = item["outcome"], item["o_conf"], item["f_conf"]
            part = bool(item["part"])
        else:
            start, end, outcome, count, category, how = item
            figure = Figure(
                count, count, Hedge.IMPLICIT if how != "zero" else Hedge.EXACT, ctx.text[start:end]
            )
            np = _NounPhrase(head=category if category != ROOT else "all")
            # "an Iraqi police officer", "a US soldier": a party adjective inside the phrase
            words = _TOKEN.findall(ctx.norm, start, end)
            np.parties = [p for p in (_party_of_word(ctx, w) for w in words[:-1]) if p]
            if (
                category == ROOT
                and how != "family"
                and words
                and ctx.lex.people.get(words[-1].lower()) == "military"
            ):
                category = "military"
                np.head = category
            o_conf, f_conf, part = 0.85, 0.7, how == "part"
        if (
            what == "figure"
            and previous is None
            and antecedent is not None
            and opener is not None
            and start <= opener.end() + 2
        ):
            previous, part = antecedent, True
            item["part"] = True
        if (
            what == "figure"
            and previous is None
            and not part
            and (np.head in (None, "inherit") or np.elliptic_more)
            and not np.parties
            and len(norm[sentence.start : start].split()) <= 1
            and ctx.last is not None
            and ctx.last_sentence == sentence.index - 1
            and ctx.last.sentence.paragraph_start == sentence.paragraph_start
        ):
            previous = ctx.last  # "Two more were wounded.": the scope of the sentence before's
        listed = what == "implicit" and item[5] == "listed"
        if not part and not listed:
            main_start = start
        built = _build(
            ctx,
            view,
            start,
            end,
            figure,
            outcome,
            o_conf,
            np,
            previous,
            reasons_by_clause.get(view.clause(start), []),
            f_conf,
            part,
            mains.get(view.clause(start), ()),
            main_start if (part or listed) and main_start is not None else start,
        )
        if what == "implicit":
            for c in built:
                c.category = np.head or item[4]
                c.notes.append(
                    {
                        "family": "a person and the relatives named with them",
                        "zero": "a count of zero ('no one was killed')",
                    }.get(item[5], "implicit count of the persons named")
                )
        elif item.get("list_note"):
            for c in built:
                c.notes.append(item["list_note"])
        if what == "figure" and item.get("place_item"):
            for c in built:
                c.place_item = True
                c.notes.append("an item of a breakdown by place: the outcome of the figure before")
        if what == "figure" and item.get("list_category"):
            for c in built:
                if c.category == ROOT:
                    c.category = item["list_category"]
                    c.notes.append("category of the list it belongs to (a breakdown of civilians)")
        if part and previous is not None:
            for c in built:
                c.notes.append("a part of the figure before it ('including', 'of them')")
        candidates.extend(built)
        if not part:
            previous = built[-1]
    _mark_breakdowns(ctx, candidates)
    for waiting in pending:
        # a count of casualties or of people without an outcome, which the sentences around it
        # may give one (`_resolve_deferred`)
        deferred = _deferred_kind(ctx, sentence, waiting)
        if deferred is not None and not view.history and not view.other_event:
            a = int(str(waiting["start"]))
            built = _build(
                ctx,
                view,
                a,
                int(str(waiting["end"])),
                waiting["figure"],
                ROOT,
                0.6,
                waiting["np"],
                None,
                reasons_by_clause.get(view.clause(a), []),
                0.6,
                mains=mains.get(view.clause(a), ()),
            )
            ctx.deferred.append((deferred, built, waiting["rejection"]))
    if not candidates and shadow is not None:
        # a figure of people without an outcome ("10,631 civilian casualties") is no claim,
        # but "Of these, 4,731 were killed" in the next sentence is a part of it
        a = int(str(shadow["start"]))
        ctx.shadow = _build(
            ctx,
            view,
            a,
            int(str(shadow["end"])),
            shadow["figure"],
            ROOT,
            0.5,
            shadow["np"],
            None,
            [],
            0.5,
            mains=mains.get(view.clause(a), ()),
        )[0]
        ctx.shadow_sentence = sentence.index
    if view.history is None and not view.other_event:
        named = [
            (a, b, node)
            for a, b, node in _place_matches(ctx, sentence.start, sentence.end)
            if not _in_sorted_spans(a, ctx.mask)
        ]
        for node in _place_chains(ctx.trees["region"], named):
            ctx.subject_node = (
                node
                if ctx.subject_node is None
                else _common_ancestor(ctx.trees["region"], [ctx.subject_node, node])
            )
        if sentence.index == 0 and named:
            ctx.lede_place = True
    return candidates, rejected


# "11 civilian victims", "Ethiopian casualties at Tsorona at least 10,000", "The number of
# casualties of missile strikes on Ganja has reached 12": a count of casualties
_CASUALTIES_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:casualties|victims)\b", re.I)
_CASUALTIES_BEFORE = re.compile(
    r"\b(?:casualt(?:y|ies)|victims)\b(?:\s+[^\s.;:,\d]+){0,7}?\s+$", re.I
)
# "All passengers and crew members died": a sentence opening on all of those counted
_ALL_OF_THEM = re.compile(r"\s*[\"\u201c]?\s*All\b", re.I)


def _deferred_kind(ctx: _Context, sentence: Sentence, item: dict[str, Any]) -> str | None:
    """Why a figure without an outcome may still get one from the sentences around it: it
    counts casualties or victims (``"casualties"``), or people (``"people"``); else None."""
    a, b = int(str(item["start"])), int(str(item["end"]))
    if _CASUALTIES_AFTER.match(ctx.norm, b, b + 60) or _CASUALTIES_BEFORE.search(
        ctx.norm, max(sentence.start, a - 80), a
    ):
        return "casualties"
    if item["np"].head not in (None, "inherit"):
        return "people"
    return None


def _resolve_deferred(
    ctx: _Context, candidates: list[Candidate], rejected: list[Rejection]
) -> tuple[list[Candidate], list[Rejection]]:
    """Give a figure without an outcome the one its neighbours tell (bounded: its sentence, the
    next one and the three before it):

    - casualties or victims counted beside a count of the wounded, in the sentence or in the
      next one of the same speaker, with no count of the dead in either, are the dead ("The
      number of casualties ... has reached 12; and more than 40 civilians have been wounded",
      "there are 11 civilian victims to date. 'There are more than 60 wounded persons ...'");
    - casualties of the same number as a count of the dead told in the three sentences before
      are that count told again ("its army killed at least 10,000 Ethiopian troops ... puts
      Ethiopian casualties at Tsorona at least 10,000");
    - people counted without an outcome, when the next sentence of the paragraph opens on all
      of them with an outcome ("the helicopter was carrying around 40 people ... All passengers
      and crew members died").
    """
    if not ctx.deferred:
        return candidates, rejected
    by_sentence = _by_sentence(candidates)
    found: list[Candidate] = []
    dropped: set[int] = set()
    for kind, built, rejection in ctx.deferred:
        c = built[0]
        i = c.sentence.index
        here = by_sentence.get(i, [])
        after = [x for x in by_sentence.get(i + 1, []) if x.said_by == c.said_by]
        outcome, why = None, ""
        if kind == "casualties" and not any(x.outcome == "killed" for x in (*here, *after)):
            # (a next sentence counting the dead too breaks the casualties down: "... 10,631
            # civilian casualties ... Of these 4,731 people were killed, while 5,901 others were
            # injured")
            if any(x.outcome == "wounded" for x in (*here, *after)):
                outcome, why = "killed", "casualties beside a count of the wounded read as the dead"
            elif any(
                x.outcome == "killed"
                and (x.figure.low, x.figure.high) == (c.figure.low, c.figure.high)
                for j in range(max(0, i - _REPEAT_WINDOW), i)
                for x in by_sentence.get(j, [])
            ):
                outcome, why = "killed", "casualties told before as the same count of the dead"
        if outcome is None and i + 1 < len(ctx.sentences):
            nxt = ctx.sentences[i + 1]
            opens = _ALL_OF_THEM.match(ctx.norm, nxt.start, nxt.end)
            if opens is not None and nxt.paragraph_start == c.sentence.paragraph_start:
                cue = _first_after(ctx, opens.end(), min(nxt.end, opens.end() + 60))
                if cue is not None and not re.search(r"[\d,;]", ctx.norm[opens.end() : cue[0]]):
                    outcome, why = cue[1], "the outcome of all of them, told in the next sentence"
        if outcome is None:
            continue
        for x in built:
            x.outcome = outcome
            x.notes.append(f"outcome: {why}")
            x.confidence["figure"] = min(x.confidence.get("figure", 0.6), 0.6)
        found.extend(built)
        dropped.add(id(rejection))
    if not found:
        return candidates, rejected
    merged = sorted([*candidates, *found], key=lambda x: x.start)
    return merged, [r for r in rejected if id(r) not in dropped]


def _mark_breakdowns(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """Give each item of a breakdown by place ("six died in Sisaket province, two in Surin
    province and one in Ubon Ratchathani province") the common ancestor of the breakdown's
    places, which a figure after it that shares its scope takes (one place is not theirs)."""
    group: list[Candidate] = []
    for c in candidates:
        if c.place_item and group:
            group.append(c)
            regions = [g.region for g in group if g.region != ROOT]
            if regions:
                c.breakdown = _common_ancestor(ctx.trees["region"], regions)
        else:
            group = [c]


def _place_chains(tree: ScopeTree, named: Sequence[tuple[int, int, str]]) -> list[str]:
    """Places named together ("Ukraine's central region of Kirovohrad", "Pale Township, Sagaing
    Region": at most 40 characters apart) as one place, the narrowest when they lie on one
    chain; places named apart stay apart."""
    out: list[str] = []
    group: list[str] = []
    last_end = -(1 << 30)
    for a, b, node in named:
        if group and a - last_end > _CHAIN_GAP:
            out.append(_narrowest(tree, group))
            group = []
        group.append(node)
        last_end = b
    if group:
        out.append(_narrowest(tree, group))
    return out


def _is_population(
    ctx: _Context, sentence: Sentence, mention: tuple[int, int], np: _NounPhrase
) -> bool:
    """Whether a mention counts a population ("100,000 people live", "the territory's estimated
    120,000 ethnic Armenians"), not a toll."""
    start = mention[0]
    before = ctx.norm[max(sentence.start, start - 30) : start]
    return bool(
        np.population
        or ctx.lex.population_before.search(ctx.norm, max(sentence.start, start - 25), start)
        or re.search(r"'s\s+(?:estimated|total|entire)\s+$", before)
        or (
            re.search(r"'s\s+$", before)
            and re.match(r"(?:estimated|total|entire)\b", ctx.norm[start : mention[1]], re.I)
        )
    )


def _listed(norm: str, earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    """Whether two figures are items of one list ("95 girls, 98 boys and 985 women"; "10
    policemen, a deputy township officer and 59 militants": a person named between)."""
    gap = norm[earlier["np"].end : later["start"]]
    if earlier["np"].head in (None, "inherit") or earlier["clause"] != later["clause"]:
        return False
    if re.fullmatch(
        r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+и\s+|,?\s+as\s+well\s+as\s+)(?:at\s+least\s+)?",
        gap,
    ):
        return True
    person = _PERSON_BETWEEN.fullmatch(gap)
    return person is not None and not any(
        w.lower() in _NOT_IN_ITEM for w in person.group("person").split()
    )


# "299 people in Lebanon and 29 in Israel", "six had died in Sisaket province, two in Surin
# province": the figure before, its noun, its place, then the next figure and its place
_PARALLEL_GAP = re.compile(
    r"(?:\s+[^\W\d_][\w'-]*){0,3}?\s+(?:in|at|on|near)\s+(?:the\s+)?[^\W\d_][^,;.\d]{0,60}?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:another\s+)?",
    re.I,
)
_PARALLEL_AFTER = re.compile(r"\s+(?:in|at|on|near)\s+(?:the\s+)?[^\W\d_]", re.I)
# "10 policemen, a deputy township officer and 59 militants": one person between two figures
_PERSON_BETWEEN = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<person>(?:a|an)\s+(?:[^\W\d_][\w'-]*\s+){0,3}"
    r"[^\W\d_][\w'-]*)(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:at\s+least\s+)?",
    re.I,
)


_DAY_WORD = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)"
# between two items of a list of bare counts: the first's outcome word and day, then a comma
_ELLIPTIC_GAP = re.compile(
    rf"(?:\s+(?:dead|killed|wounded|injured))?(?:\s+(?:on\s+)?{_DAY_WORD})?\s*,\s*(?:and\s+)?",
    re.I,
)
# after an item: its day, or the list going on or ending
_ELLIPTIC_AFTER = re.compile(rf"(?:\s+(?:on\s+)?{_DAY_WORD}\b|\s*(?:[,.;:\"\u201d]|and\b|$))", re.I)


def _elliptic_item(ctx: _Context, earlier: dict[str, Any], later: dict[str, Any]) -> bool:
    """Whether ``later`` is an item of a list of bare counts that ``earlier`` opens or goes on
    with ("One dead Thursday, 10 Friday, nine Saturday, four Sunday"; "the daily wounded: 14,
    86, 83, 63"): neither names a noun of people, they are in one clause, and only the earlier
    one's outcome word and day and a comma lie between them."""
    if earlier["np"].noun or later["np"].noun or earlier["clause"] != later["clause"]:
        return False
    norm = ctx.norm
    if _ELLIPTIC_GAP.fullmatch(norm, earlier["end"], later["start"]) is None:
        return False
    return _ELLIPTIC_AFTER.match(norm, later["end"], later["clause"][1]) is not None


def _mark_lists(norm: str, accepted: list[dict[str, Any]], demographic: frozenset[str]) -> None:
    """Note on each item of a list of figures its place and the list's sum.

    A list that breaks one population down by sex and age ("95 girls, 98 boys, 985 women, 1,519
    men and 1,227 persons") is of one category: civilian when any of its items is.
    """
    run: list[dict[str, Any]] = []

    def flush() -> None:
        nouns = {x["np"].noun for x in run}
        if len(run) >= 2 and nouns <= demographic and any(x["np"].head == "civilian" for x in run):
            for x in run:
                x["list_category"] = "civilian"
        if len(run) >= 3:
            total = sum(int(x["figure"].low) for x in run)
            for i, x in enumerate(run, start=1):
                x["list_note"] = (
                    f"item {i} of a list of {len(run)} (the items' low bounds sum to {total:,})"
                )
        run.clear()

    for item in accepted:
        if run and (item["outcome"] != run[-1]["outcome"] or not _listed(norm, run[-1], item)):
            flush()
        run.append(item)
    flush()


def run(
    text: str,
    published: dt.date,
    outlet: str | None,
    trees: ScopeTrees,
    war_start: dt.date,
    language: str = "en",
) -> tuple[list[Candidate], list[Rejection]]:
    """Every candidate claim and every rejected numeric mention of ``text``."""
    lex = lexicon(language)
    norm = normalise(text)
    words = _party_words(trees, lex)
    ctx = _Context(
        text,
        norm,
        published,
        outlet,
        trees,
        war_start,
        lex,
        words,
        _perpetrator_pattern(words, lex, lex.stems, trees),
        _gazetteer(trees, lex),
        _adjective_places(words, lex),
        _there(lex),
    )
    generic = words_of(lex.get("perpetrator").get("generic_actors", []))
    ctx.generic_counted = re.compile(
        rf"\s+(?:of\s+(?:their|its|the)\s+)?(?:[\w-]+\s+)?(?:{generic})\b", re.I
    )
    speech = lex.get("speech")
    ctx.continuing = re.compile(rf"\b(?:{words_of(speech.get('continuing', []))})\b", re.I)
    asides = speech.get("interjections", [])
    if asides:
        between = words_of(speech.get("auxiliaries", []))
        ctx.interjection = re.compile(
            rf",?\s+(?:{words_of(asides)})\s*,?\s*(?:(?:{between})\s+)?$", re.I
        )
    ctx.whole_war = re.compile(rf"\b(?:{words_of(speech.get('whole_war', []))})\b", re.I)
    # a start word of the lexicon before a day (Russian "s 27 sentyabrya"): a start, not the day
    ctx.since_words = re.compile(
        rf"(?<!\w)(?:{words_of(lex.get('dates').get('since', []))})\s+$", re.I
    )
    line = dateline(text, published)
    if line is not None:
        ctx.dateline_end = line.end
        ctx.dateline_place = line.place
        if line.date is not None:
            ctx.dateline = ctx.published = line.date
    all_sentences = sentences(text)
    ctx.sentences = all_sentences
    ctx.lead_day, ctx.lead_day_sentence = _lead_day(ctx, all_sentences)
    ctx.all_places = [(a, node) for a, _, node in _place_matches(ctx, 0, len(norm))]
    ctx.all_place_starts = [a for a, _ in ctx.all_places]
    ctx.speakers = _find_speakers(ctx, all_sentences)
    ctx.speaker_starts = [s.start for s in ctx.speakers]
    candidates: list[Candidate] = []
    rejected: list[Rejection] = []
    before: list[Candidate] = []
    for sentence in all_sentences:
        found, refused = _sentence_candidates(ctx, sentence)
        candidates.extend(found)
        rejected.extend(refused)
        _date_incident_told_before(found, before)
        if found:
            ctx.last, ctx.last_sentence = found[-1], sentence.index
            cue = [c for c in found if c.incident_cue]
            if cue:
                ctx.last_cue, ctx.last_cue_sentence = cue[-1], sentence.index
        before = found
    candidates, rejected = _resolve_deferred(ctx, candidates, rejected)
    _daily_counts(ctx, candidates)
    _as_of_before(ctx, candidates)
    _category_told_after(ctx, candidates)
    _perpetrator_told_after(ctx, candidates)
    _day_told_after(ctx, candidates)
    _place_told_after(ctx, candidates)
    _sentence_place(ctx, candidates)
    _state_forces(ctx, candidates)
    _repeated_counts(ctx, candidates)
    _subject_incident(ctx, candidates)
    _lede_day(ctx, candidates)
    _own_side_perpetrator(ctx, candidates)
    _exchange_of_fire(ctx, candidates)
    _the_texts_attacker(ctx, candidates)
    _group_dead_to_state(ctx, candidates)
    _month_before_war(ctx, candidates)
    _soldiers_at_the_subject_place(ctx, candidates)
    _leads_day(ctx, candidates)
    _dateline_place(ctx, candidates)
    return candidates, rejected


# a running total: "since the conflict began in September, 1980", "have been killed since the
# fighting resumed", "88,780 ... have fled so far" (not "so far as we can tell")
_SINCE_WAR = re.compile(r"\bsince\b|\bso\s+far\b(?!\s+as\b)", re.I)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+$", re.I)
# a relative phrase that names one day ("yesterday", "last night"), not a week or a month
_ONE_DAY_RELATIVE = re.compile(
    r"(?:the\s+day\s+before\s+)?yesterday|last\s+night|the\s+previous\s+day|вчера|позавчера",
    re.I,
)


# a sentence that sets its count apart from the news of the lead's day
_APART_FROM_LEAD = re.compile(
    r"\b(?:separately|meanwhile|earlier|previous(?:ly)?|ago|last\s+(?:week|month|year))\b", re.I
)
_UNDATED = ("publication date (no date in the text)", "day of the dateline")


def _leads_day(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "Eritrea and Ethiopia unleashed bombing raids against each other yesterday. ...
    Eritrean aircraft bombed the northern Ethiopian town of Mekele twice, witnesses said,
    killing dozens": a count that no rule dated, outside the sentence naming the lead's day
    (`_lead_day`), holds on that day rather than on the day of publication. Never a running
    total ("since ...", "so far") or a count of the whole war, never a sentence that sets itself
    apart ("Separately", "last week"), and not at all when the text opens with an incident of
    one day at a place (`_lede_day` dates what belongs to it; the rest is other news). Each
    sentence searched once."""
    if ctx.lead_day is None or not candidates:
        return
    first = candidates[0].sentence.index
    if first <= 1 and any(
        c.kind == "incident" and c.dated and c.region != ROOT
        for c in candidates
        if c.sentence.index == first
    ):
        return
    apart: dict[int, bool] = {}
    totals: dict[int, bool] = {}
    wars: dict[int, bool] = {}
    for c in candidates:
        if c.dated or c.date_how not in _UNDATED or c.sentence.index == ctx.lead_day_sentence:
            continue
        if c.kind not in ("cumulative", "increment"):
            continue
        index = c.sentence.index
        if (
            _sentence_test(ctx, apart, index, _APART_FROM_LEAD)
            or _sentence_test(ctx, totals, index, _SINCE_WAR)
            or _sentence_test(ctx, wars, index, ctx.whole_war)
        ):
            continue
        c.as_of = ctx.lead_day
        if c.kind == "increment" or c.since > c.as_of:
            c.since = c.as_of
        c.date_how = "the lead's day (no day of its own)"
        c.notes = [n for n in c.notes if not n.startswith("as_of: ")]
        c.notes.append(f"as_of: {c.date_how}")
        c.confidence["date"] = 0.6


def _lead_day(ctx: _Context, all_sentences: Sequence[Sentence]) -> tuple[dt.date | None, int]:
    """The lead's day: wire copy tells its news in the first paragraph with a relative day
    ("Eritrea and Ethiopia unleashed bombing raids against each other yesterday", "... were
    killed Sunday in mortar and sniper attacks"), read against the dateline or the publication
    date; a count later in the text that gives no day of its own holds on that day, not on the
    day the paper came out. Only weekdays and one-day relative words ("yesterday", "last
    night") of the lead (the first paragraph's first two sentences, after the dateline), never
    a start ("since Sunday"), "as of", the end of a range, a possessive ("Friday's attacks"),
    an agent's act ("condemned by the minister last night") or the day a speaker spoke ("the
    ministry said on Sunday": another speaker's later count need not hold then), and only when
    they all name one day. Returns
    the day and the index of the sentence naming it (whose own figures the sentence's rules
    date). The lead is read once."""
    first = next((s for s in all_sentences if s.end > ctx.dateline_end), None)
    if first is None:
        return None, -1
    start = max(first.paragraph_start, ctx.dateline_end)
    # the lead is the paragraph's first two sentences (a text on one line has no first paragraph)
    lead_sentences = [
        s
        for s in all_sentences[first.index : first.index + 2]
        if s.paragraph_start == first.paragraph_start
    ]
    stop = min(first.paragraph_end, lead_sentences[-1].end)
    days: set[dt.date] = set()
    where = -1
    norm = ctx.norm
    for d in date_mentions(norm, start, stop, ctx.published, ctx.lex.code):
        phrase = norm[d.start : d.end]
        if not (d.weekday or (d.relative_span and _ONE_DAY_RELATIVE.fullmatch(phrase))):
            continue
        lead = norm[max(start, d.start - 40) : d.start]
        if _SINCE.search(lead) or ctx.since_words.search(lead) or _AS_OF.search(lead):
            continue
        if norm.startswith(("'s", "\u2019s"), d.end):
            continue  # "the death toll in Friday's attacks has risen to 89": a day of the past
        if re.search(r"\b(?:until|till|through|to|before|after)\s+$", lead, re.I):
            continue
        if ctx.lex.speech_verbs.search(norm, max(start, d.start - 30), d.start) or (
            _STATEMENT.search(norm, max(start, d.start - 40), d.start)
        ):
            continue  # "the ministry said on Sunday": one speaker's day, not the news's
        if _AGENT_BEFORE.search(lead):
            continue  # "was condemned by the minister last night": the agent's act, later
        days.add(d.date)
        if where < 0:
            i = bisect.bisect_right([s.start for s in all_sentences], d.start) - 1
            where = all_sentences[i].index if i >= 0 else -1
    return (days.pop(), where) if len(days) == 1 else (None, -1)


def _as_of_before(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "As of April 5, the Azerbaijani side has lost 26 tanks ... The Azerbaijani side has
    admitted the loss of 31 fighters": figures with no day or time of their own, in the sentence
    right after one that says "as of <day>" in the same paragraph (whatever it counted: tanks,
    attacks on clinics), hold on that day; when that sentence counted casualties, only for the
    same speaker going on ("According to the Ombudsman, as of October 7, ... In addition, 93
    people were injured"). Each sentence and the one before it read once."""
    by_sentence = _by_sentence(candidates)
    for index, found in by_sentence.items():
        if index == 0:
            continue
        before = ctx.sentences[index - 1]
        sentence = found[0].sentence
        if before.paragraph_start != sentence.paragraph_start:
            continue
        if _OTHER_TIME.search(ctx.norm, sentence.start, sentence.end):
            continue  # a day or a time of its own
        day = next(
            (
                d.date
                for d in date_mentions(ctx.norm, before.start, before.end, ctx.published)
                if _AS_OF.search(ctx.norm, max(before.start, d.start - 10), d.start)
            ),
            None,
        )
        if day is None:
            continue
        told = by_sentence.get(index - 1)
        for c in found:
            if c.dated or c.kind != "cumulative" or day < c.since:
                continue
            if told and (c.source is None or c.source != told[-1].source):
                continue  # the figures of "as of" were another speaker's: a statement of its own
            c.as_of, c.dated, c.date_how = day, True, "as of the day the sentence before gives"
            c.confidence["date"] = 0.6
            c.notes.append("as_of: the 'as of' day of the sentence before, in its paragraph")


_DAILY = re.compile(r"\b(?:daily|each\s+day|per\s+day|a\s+day|day[\s-]by[\s-]day)\b", re.I)
_DAY_AFTER_FIGURE = "the day written after the figure"


def _daily_counts(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "One dead Thursday, 10 Friday, nine Saturday, four Sunday," he said. And the daily
    wounded: 14, 86, 83, 63.": a sentence that says its counts are daily ("daily", "each day",
    "a day") and holds as many counts, none with a day of its own, as the sentence right before
    it in its paragraph, each of whose counts has its day written after it, gives its counts
    those days in order. One look at each sentence and the one before."""
    by_sentence = _by_sentence(candidates)
    for index, found in by_sentence.items():
        before = by_sentence.get(index - 1)
        if before is None or len(found) < 2 or len(before) != len(found):
            continue
        sentence = found[0].sentence
        if before[0].sentence.paragraph_start != sentence.paragraph_start:
            continue
        if not all(c.date_how == _DAY_AFTER_FIGURE for c in before):
            continue
        if any(c.date_how == _DAY_AFTER_FIGURE or c.kind != "cumulative" for c in found):
            continue
        if _DAILY.search(ctx.norm, sentence.start, sentence.end) is None:
            continue
        for position, (c, day) in enumerate(zip(found, before, strict=True), start=1):
            c.as_of, c.dated, c.date_how = day.as_of, True, "the day of its place in a daily list"
            c.since = min(c.since, c.as_of)
            c.confidence["date"] = 0.6
            c.notes.append(
                f"as_of: the day of item {position} of the daily counts before ({day.phrase!r})"
            )


def _exchange_of_fire(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "Two soldiers and four militants were killed in an exchange of fire between extremists
    and Indian security forces", "two militants ... have been killed" in "another encounter":
    in a war of one armed group against the state (`_state_side`), a side's dead and wounded
    in a fight between the two ("in", "during" or "amid" one of the lexicon's
    `perpetrator.exchange_nouns`, in the figure's sentence) fell to the other side, when the
    sentence names no perpetrator of its own. Never a figure of no side (civilians in
    crossfire), never in a war of two states or of several armed groups (a third party may have
    fired). One search per sentence."""
    state = _state_side(ctx.trees)
    lone = _lone_actor(ctx.trees)
    nouns = ctx.lex.get("perpetrator").get("exchange_nouns", [])
    if state is None or lone is None or not nouns:
        return
    pattern = re.compile(
        rf"\b(?:in|during|amid)\s+(?:[\w'-]+\s+){{0,3}}?(?:{words_of(nouns)})\b", re.I
    )
    tree = ctx.trees["party"]
    found: dict[int, bool] = {}
    for c in candidates:
        if c.perpetrator != ROOT or c.party == ROOT or c.party not in tree:
            continue
        if c.outcome not in ("killed", "wounded"):
            continue
        chain = tree.ancestors(c.party)
        top = chain[-2] if len(chain) >= 2 else c.party
        other = lone if top == state else state if top == lone else None
        if other is None:
            continue
        key = c.sentence.start
        if key not in found:
            found[key] = pattern.search(ctx.norm, c.sentence.start, c.sentence.end) is not None
        if found[key]:
            c.perpetrator = other
            c.notes.append("perpetrator: the other side of the fight it fell in")
            _doubt_scope(c)


# "In another incident", "in separate attacks", "in the same period": a sentence that sets
# another event (or a period) beside the one the text tells; `_OTHER_EVENT_HEAD` at its start
# ("Earlier last week", "Last month", "In September", "Meanwhile")
_OTHER_EVENT = re.compile(
    rf"\b(?:another|separate|earlier|previous|prior|other)\s+(?:[\w-]+\s+)?"
    rf"(?:{_INCIDENT_NOUNS}|incidents?|bombings?|ambush(?:es)?|killings?|operations?)\b"
    r"|\b(?:during|in|over)\s+(?:this|that|the\s+same)\s+period\b"
    # "militant attacks ..., many of which have been claimed by": attacks in general
    r"|\b(?:many|most|some|several|all)\s+of\s+(?:which|them)\s+(?:have|had|were|was)\b",
    re.I,
)
_OTHER_EVENT_HEAD = re.compile(
    rf"\W*(?:earlier|meanwhile|elsewhere|last\s+(?:week|month|year|{_MONTHS})|"
    rf"(?:in\s+)?(?:(?:late|early|mid)[\s-]+)?(?:{_MONTHS})(?!\s+\d))\b",
    re.I,
)
# "the war between Russia and Georgia", "clashes between Azeri and Armenian-backed forces":
# two sides named together, neither the attacker
_BETWEEN_SIDES = re.compile(r"\bbetween\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+and\s+", re.I)
# "brought the death toll in the siege, which was launched May 23, to", "bringing the military
# death toll to 633": a running total
_TOLL_RAISED = re.compile(
    r"\b(?:brought|bringing|brings|raised|raising|pushed|pushing|took|taking)\s+the\s+"
    r"(?:[\w-]+\s+){0,2}?toll\b",
    re.I,
)
# "It did not say who carried out the strike": the text says the attacker is not known
_WHO_UNKNOWN = re.compile(
    r"\b(?:(?:did|does|do)\s+not|didn't|doesn't)\s+say\s+who\b|\b(?:unclear|not\s+known|"
    r"unknown)\s+who\b",
    re.I,
)
# "Vladimir Rogov claims that 23 civilians died": a contested account, whose attacker (if any)
# is its speaker's to say
_CLAIMS_THAT = re.compile(r"\b(?:claims|claimed|claiming|alleges|alleged|alleging)\s+that\b", re.I)
# "Police believe the bombings were organized by ...": an attacker believed, not found
_BELIEVED = re.compile(
    r"\b(?:believes?|believed|may\s+have\s+been|might\s+have\s+been|could\s+have\s+been|"
    r"possibly|probably|perhaps)\b",
    re.I,
)


def _the_texts_attacker(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "Armed anglophone separatists early Tuesday killed nine villagers" then "A local
    association ... said three shopkeepers ... were killed"; "Suspected militants threw a
    grenade" told between the tolls of the attack; "The attackers, in five vehicles, opened
    fire" after "Thirteen police officers were killed in an ambush": when every attacker the text
    names lies on one chain of the party tree, a figure that names none is that attacker's
    doing, at its narrowest ("Islamist militants killed 12" and "ISIS claimed responsibility for
    the incident": the ISIS node below the militants).

    An attacker counts when its sentence tells an incident or counts casualties and does not set
    another event beside the text's (nor continue one: "Last July, ... The attack was ... later
    claimed by"), name two sides together ("an exchange of fire between extremists and Indian
    security forces") or only believe it ("Police believe the bombings were organized by").
    Never the counted party's own side or counted attackers ("two suspected assailants died"),
    nor the displaced; never a running total, a count as of a day, of a dated period or of the
    whole war, an increment (a day's count of a war), a figure of a sentence that sets another
    event beside the text's ("In another incident", "Last month", "in separate attacks"), tells
    a fight of two sides ("Fierce clashes left", "the war between Russia and Georgia", "in
    crossfire": the lexicon's `perpetrator.two_sided_nouns`), tells a contested account ("Rogov
    claims that 23 civilians died") or whose attacker the text says is not known ("It did not
    say who carried out the strike"), nor the statement that continues a figure so refused. One
    search per sentence."""
    if not candidates:
        return
    tree = ctx.trees["party"]
    with_figures = {c.sentence.index for c in candidates}
    verbs = words_of(ctx.lex.get("perpetrator").get("subject_verbs", []))
    # a sentence telling an attack: an incident noun or an attacker's verb ("threw a grenade")
    attack = re.compile(rf"{_TOLD_INCIDENT.pattern}|\b(?:{verbs})\b", re.I)
    other: dict[int, bool] = {}
    named: list[str] = []
    for sentence in ctx.sentences:
        found = [
            p
            for p in _clause_facts(ctx, (sentence.start, sentence.end))["perpetrators"]
            if p in tree and p not in named
        ]
        if not found:
            continue
        if sentence.index not in with_figures and not attack.search(
            ctx.norm, sentence.start, sentence.end
        ):
            continue  # "has long been dominated by the violent Northeast cartel"
        if (
            _other_event(ctx, other, sentence)
            or _BELIEVED.search(ctx.norm, sentence.start, sentence.end)
            or _BETWEEN_SIDES.search(ctx.norm, sentence.start, sentence.end)
        ):
            continue
        named.extend(found)
    chain = _one_chain(tree, named)
    if chain is None:
        return
    attacker = max(chain, key=tree.depth)
    nouns = ctx.lex.get("perpetrator").get("two_sided_nouns", [])
    two_sided = re.compile(rf"\b(?:{words_of(nouns)})\b|{_BETWEEN_SIDES.pattern}", re.I)
    totals: dict[int, bool] = {}
    fights: dict[int, bool] = {}
    unknown: dict[int, bool] = {}
    raised: dict[int, bool] = {}
    contested: dict[int, bool] = {}
    refused: set[int] = set()
    for c in candidates:
        if c.outcome not in ("killed", "wounded", "missing", "captured"):
            continue
        if c.perpetrator == attacker or (
            c.perpetrator != ROOT and not tree.is_within(attacker, c.perpetrator)
        ):
            continue  # a perpetrator of its own, or one off the chain
        own = c.party if c.party != ROOT and c.party in tree else None
        if own is not None and (tree.is_within(attacker, own) or tree.is_within(own, attacker)):
            continue
        speaker = c.source.affiliation if c.source is not None else None
        if c.category != "military" and speaker is not None and speaker in tree:
            # "Russia said that 2,000 people had been killed": a side counting people (not
            # enemy soldiers, which it claims: "ISIS said it killed more than 20 soldiers")
            # does not count its own doing
            side = tree.resolve(speaker)
            if side != ROOT and (tree.is_within(attacker, side) or tree.is_within(side, attacker)):
                continue
        index = c.sentence.index
        following = index + 1 < len(ctx.sentences)
        if (
            c.kind == "increment"
            or c.date_how.startswith(("as of", "end of"))
            or _total_or_war_strict(ctx, totals, c.sentence)
            or _sentence_test(ctx, raised, index, _TOLL_RAISED)
            or _other_event(ctx, other, c.sentence)
            or _sentence_test(ctx, fights, index, two_sided)
            or _sentence_test(ctx, unknown, index, _WHO_UNKNOWN)
            or _sentence_test(ctx, contested, index, _CLAIMS_THAT)
            or (following and _sentence_test(ctx, unknown, index + 1, _WHO_UNKNOWN))
            or ("continues" in c.date_how and index - 1 in refused)
        ):
            refused.add(index)
            continue
        if c.perpetrator == ROOT and ctx.generic_counted.match(ctx.norm, c.end):
            continue  # "two suspected assailants died": the attackers counted
        wider = c.perpetrator != ROOT
        c.perpetrator = attacker
        c.notes.append(
            "perpetrator: the one attacker the text names, at its narrowest"
            if wider
            else "perpetrator: the one attacker the text names (in another sentence)"
        )
        _doubt_scope(c)


def _other_event(ctx: _Context, memo: dict[int, bool], sentence: Sentence) -> bool:
    """Whether a sentence sets another event beside the text's, or continues the sentence before
    it in its paragraph that does ("Last July, ... The attack was carried out on July 7 and was
    later claimed by ..."), searched once."""
    if sentence.index not in memo:
        memo[sentence.index] = False  # (no recursion past one sentence)
        found = bool(
            _OTHER_EVENT.search(ctx.norm, sentence.start, sentence.end)
            or _OTHER_EVENT_HEAD.match(ctx.norm, sentence.start)
        )
        if not found and sentence.index > 0 and _BACK_TO_INCIDENT.match(ctx.norm, sentence.start):
            before = ctx.sentences[sentence.index - 1]
            found = before.paragraph_start == sentence.paragraph_start and bool(
                _OTHER_EVENT.search(ctx.norm, before.start, before.end)
                or _OTHER_EVENT_HEAD.match(ctx.norm, before.start)
            )
        memo[sentence.index] = found
    return memo[sentence.index]


def _group_dead_to_state(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "Fifteen jihadists were killed in the raids, according to government figures", "All
    the four militants were also killed as the security forces destroyed the house", "adding
    that it killed 15 militants in return": in a war of one armed group against the state
    (`_state_side`), the group's own dead and wounded that the sentence gives no killer fell to
    the state, the only other side of the war. Never when the sentence names an attacker (even
    the group itself: "the Shebab have claimed responsibility for the attack, in which four of
    their gunmen were also killed"), never a running total, a count of the whole war or of a
    calendar period ("257 terrorists and 91 security personnel were killed ... last year"),
    which count what both sides did. One search per sentence."""
    state = _state_side(ctx.trees)
    lone = _lone_actor(ctx.trees)
    if state is None or lone is None:
        return
    tree = ctx.trees["party"]
    wars: dict[int, bool] = {}
    named: dict[int, bool] = {}
    for c in candidates:
        if c.perpetrator != ROOT or c.party == ROOT or c.party not in tree:
            continue
        if not tree.is_within(c.party, lone) or c.outcome not in ("killed", "wounded"):
            continue
        if _whole_war(ctx, wars, c.sentence) or "period" in c.date_how or "range" in c.date_how:
            continue
        key = c.sentence.index
        if key not in named:
            facts = _clause_facts(ctx, (c.sentence.start, c.sentence.end))
            named[key] = facts["perpetrator"] is not None
        if named[key]:
            continue
        c.perpetrator = state
        c.notes.append("perpetrator: the state, the other side of a war against one armed group")
        _doubt_scope(c)


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_IN_MONTH = re.compile(
    rf"\bin\s+(?P<month>{'|'.join(m.capitalize() for m in _MONTH_NAMES)})\b(?!\s+\d{{1,2}}\b)"
    r"(?:\s+(?P<year>\d{4}))?"
)


def _month_before_war(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """A figure the text dates only by a month that ended before the war began ("following the
    death of a Cambodian soldier in a border skirmish in May", in a war of July) counts an
    earlier event: its count starts in that month, so it is refused as outside the war."""
    if ctx.lex.code != "en":
        return
    months: dict[int, re.Match[str] | None] = {}  # one search per sentence: linear
    for c in candidates:
        if c.dated:
            continue
        if c.sentence.start not in months:
            months[c.sentence.start] = _IN_MONTH.search(ctx.norm, c.sentence.start, c.sentence.end)
        found = months[c.sentence.start]
        if found is None:
            continue
        month = _MONTH_NAMES.index(found.group("month").lower()) + 1
        year = int(found.group("year")) if found.group("year") else ctx.published.year
        if not found.group("year") and month > ctx.published.month:
            year -= 1  # "in December" read in January: last year's
        ends = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        if ends < ctx.war_start:
            c.since = c.as_of = ends.replace(day=1)
            c.notes.append(f"dated only by {found.group(0)!r}, a month before the war's start")


def _own_side_perpetrator(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """A party's dead are not its own doing: "35 bodies of LTTE terrorists killed in fighting"
    (a participle, not LTTE killing) keeps no perpetrator when it is the counted party (or a
    party above or below it in the tree)."""
    tree = ctx.trees["party"]
    for c in candidates:
        p, q = c.party, c.perpetrator
        if ROOT in (p, q) or p not in tree or q not in tree:
            continue
        if p == q or q in tree.ancestors(p) or p in tree.ancestors(q):
            c.perpetrator = ROOT
            c.notes.append("perpetrator dropped: the counted party itself")


def _category_told_after(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "So far, 23 dead and 28 wounded. All civilians": a verbless "all civilians" right
    after figures (in their sentence, or as the next sentence of their paragraph) gives them
    its category when they name none. One bisection per cue."""
    starts = [c.start for c in candidates]
    for match in ctx.lex.all_category.finditer(ctx.norm):
        category = ctx.lex.people.get(match.group("noun").lower())
        if category is None or category not in ctx.trees["category"]:
            continue
        i = bisect.bisect_left(starts, match.start())
        j = i - 1
        while j >= 0 and i - j <= _LOOK_BACK:
            c = candidates[j]
            if (
                c.sentence.paragraph_start > match.start()
                or c.sentence.paragraph_end < match.start()
                or c.sentence.index < _sentence_index(ctx, match.start()) - 1
            ):
                break
            if c.category == ROOT:
                c.category = category
                c.notes.append(f"category told right after the figure ({match.group(0).strip()!r})")
            j -= 1


def _perpetrator_told_after(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """A sentence naming an incident told before ("the complex attack", "the strike") and who
    did it ("was believed to have been carried out by the Islamic State group", "after the
    strike of Russian occupation troops") gives that perpetrator to the figures of up to
    ``_LOOK_AHEAD`` sentences before it (and its own) that name none: those of its paragraph,
    and those of an earlier paragraph told with an incident cue. Never to a running total or a
    count of the whole war, nor to the perpetrator's own side. One search per sentence."""
    if not candidates:
        return
    by_sentence = _by_sentence(candidates)
    totals: dict[int, bool] = {}
    party_tree = ctx.trees["party"]
    for sentence in ctx.sentences:
        if _LATER_INCIDENT.search(ctx.norm, sentence.start, sentence.end) is None:
            continue
        perpetrator = _clause_facts(ctx, (sentence.start, sentence.end))["perpetrator"]
        if perpetrator is None:
            continue
        for index in range(max(0, sentence.index - _LOOK_AHEAD), sentence.index + 1):
            for c in by_sentence.get(index, []):
                if c.perpetrator != ROOT:
                    continue
                if c.sentence.paragraph_start != sentence.paragraph_start and not c.incident_cue:
                    continue
                if _total_or_war(ctx, totals, c.sentence):
                    continue
                if c.party != ROOT and (
                    party_tree.is_within(c.party, perpetrator)
                    or party_tree.is_within(perpetrator, c.party)
                ):
                    continue
                c.perpetrator = perpetrator
                c.notes.append("perpetrator named with the incident in a later sentence")
                _doubt_scope(c)


def _by_sentence(candidates: Sequence[Candidate]) -> dict[int, list[Candidate]]:
    """The candidates of each sentence, by sentence index, in their order."""
    out: dict[int, list[Candidate]] = {}
    for c in candidates:
        out.setdefault(c.sentence.index, []).append(c)
    return out


def _doubt_scope(c: Candidate) -> None:
    """A scope read from another sentence: its confidence at most 0.6 (and at least 0.1)."""
    c.confidence["scope"] = round(max(0.1, min(c.confidence.get("scope", 0.9), 0.6)), 2)


def _sentence_test(
    ctx: _Context, memo: dict[int, bool], index: int, pattern: re.Pattern[str]
) -> bool:
    """Whether sentence ``index`` matches ``pattern``, each sentence searched once."""
    if index not in memo:
        sentence = ctx.sentences[index]
        memo[index] = pattern.search(ctx.norm, sentence.start, sentence.end) is not None
    return memo[index]


# a running total by its own words ("the death toll since ... has reached", "so far", "the
# number of"): "The toll is 24 dead" and "the death toll could go up" are none
_RUNNING_TOTAL_WORDS = re.compile(
    r"\b(?:since|total|tally|so\s+far|number\s+of|(?:rose|risen|climbed|jumped|reached|"
    r"brings?|bringing|brought|pushing|pushed|raising|raised)\s+(?:\w+\s+){0,3}?to)\b"
    # ("30 others brought to hospital": taken somewhere, no total)
    r"(?!\s+(?:the\s+|a\s+)?(?:hospitals?|safety|justice)\b)",
    re.I,
)


def _total_or_war_strict(ctx: _Context, memo: dict[int, bool], sentence: Sentence) -> bool:
    """Whether a sentence tells a running total by its own words or a count of the whole war
    (searched once): the word "toll" alone is neither."""
    if sentence.index not in memo:
        memo[sentence.index] = bool(
            _RUNNING_TOTAL_WORDS.search(ctx.norm, sentence.start, sentence.end)
            or ctx.whole_war.search(ctx.norm, sentence.start, sentence.end)
        )
    return memo[sentence.index]


def _whole_war(ctx: _Context, memo: dict[int, bool], sentence: Sentence) -> bool:
    """Whether a sentence counts the whole war ("in the conflict", searched once)."""
    if sentence.index not in memo:
        memo[sentence.index] = bool(ctx.whole_war.search(ctx.norm, sentence.start, sentence.end))
    return memo[sentence.index]


def _total_or_war(ctx: _Context, memo: dict[int, bool], sentence: Sentence) -> bool:
    """Whether a sentence tells a running total or a count of the whole war (searched once)."""
    if sentence.index not in memo:
        memo[sentence.index] = bool(
            _RUNNING_TOTAL.search(ctx.norm, sentence.start, sentence.end)
            or ctx.whole_war.search(ctx.norm, sentence.start, sentence.end)
        )
    return memo[sentence.index]


def _day_told_after(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "At least 19 people were killed when gunmen stormed a restaurant, police said Friday.
    ... gunmen burst into the restaurant on Thursday evening": a sentence without figures that
    tells the incident (an incident cue) and its day makes the tolls of up to ``_LOOK_AHEAD``
    sentences before it, told with an incident cue, at a place and holding no "as of" day, an
    incident of that day; so too the figures of the next sentence that point back to it ("the
    attack, in which four of their gunmen were also killed"). The day is never one next to a
    speech verb or a statement ("said late Monday", "in an earlier announcement late Sunday"),
    never a start ("since Sunday"), never after the tolls' own day; a relative day ("last
    night", "yesterday") only when it heads the sentence ("Last night, a group of terrorists
    attacked ..."). One search per sentence."""
    if not candidates:
        return
    by_sentence = _by_sentence(candidates)
    told: dict[int, bool] = {}  # each sentence searched once
    totals: dict[int, bool] = {}
    periods: dict[int, bool] = {}
    for sentence in ctx.sentences:
        if sentence.index in by_sentence:
            day = _day_of_incident_told_again(ctx, sentence, by_sentence[sentence.index])
            if day is not None:
                _date_earlier_tolls(ctx, sentence, day, by_sentence, told, totals, [], periods)
            continue
        if _TOLD_INCIDENT.search(ctx.norm, sentence.start, sentence.end) is None:
            continue
        if _PLUPERFECT.search(ctx.norm, sentence.start, sentence.end) and not (
            ctx.lex.speech_any.search(ctx.norm, sentence.start, sentence.end)
        ):
            continue  # "Gadhafi forces had renewed their shelling ... on Wednesday": before
        day = None
        for d in _view(ctx, sentence, []).dates:
            lead = ctx.norm[max(sentence.start, d.start - 40) : d.start]
            # "Last night, a group of terrorists attacked ...": a relative day heading the
            # sentence that tells the incident is the incident's, not a day of speech
            heading = not ctx.norm[sentence.start : d.start].strip(" \"'\u201c\u2018")
            if (d.relative_span and not heading) or _SINCE.search(lead):
                continue
            if ctx.since_words.search(lead):
                continue
            if ctx.lex.speech_verbs.search(lead) or _STATEMENT_BEFORE.search(lead):
                continue
            day = d.date
            break
        if day is None:
            continue
        later = [c for c in by_sentence.get(sentence.index + 1, []) if c.anaphoric]
        _date_earlier_tolls(ctx, sentence, day, by_sentence, told, totals, later, periods)


# "Fourteen civilians were killed on Sunday", "died Friday", "wounded yesterday": the figure's
# own verb, then the day it happened (one bounded search after the figure)
_DAY_COUNT = re.compile(
    r"[^.;:!?]{0,80}?\b(?:were|was|have\s+been|had\s+been)?\s*"
    r"(?:killed|died|dead|wounded|injured|hurt|slain)\s+(?:(?:on|early|late|last)\s+){0,2}"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b",
    re.I,
)
# a clause telling a running total or a period, whose day is the day it holds, not of the deaths
_RUNNING_CUE = re.compile(
    r"\b(?:toll|total|tally|so\s+far|since|bringing|brought|risen|rose|reached|in\s+all|"
    r"overall|altogether|in\s+(?:the\s+)?(?:past|last)|during|days|weeks|months)\b",
    re.I,
)
_BROUGHT_TO = re.compile(
    r"\b(?:bringing|pushing|raising|taking|brought|pushed|raised|took)\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?(?:toll|total|tally|number)"
    r"\b[^.;]{0,60}?\bto\b",
    re.I,
)
_DEFINITE_COUNT = re.compile(r"\bthe\s+$", re.I)
# "had renewed", "had been shelled": the narrator's past perfect tells of a time before the story
_PLUPERFECT = re.compile(
    r"\bhad\s+(?:(?:already|earlier|also|previously)\s+)?(?:been\s+)?[a-z]+ed\b", re.I
)


def _day_of_incident_told_again(
    ctx: _Context, sentence: Sentence, found: Sequence[Candidate]
) -> dt.date | None:
    """The day a sentence with figures gives the incident told before: its figures are all
    dated by one day of their own sentence (no statement's, no "as of"), and it points back to
    that incident with a definite count ("The killing of the 13 law enforcement officers
    Thursday sparked a huge search") or a definite incident noun ("the attack"), setting no
    other event beside it ("another", "separate", "earlier")."""
    own = [
        c
        for c in found
        if c.kind != "increment"
        and c.dated
        and not c.date_how.startswith(("day of the statement", "as of", "end of", "day of the d"))
    ]
    days = {c.as_of for c in own}
    if len(days) != 1 or len(own) != len(found):
        return None
    if _ANOTHER_INCIDENT.search(ctx.norm, sentence.start, sentence.end) is not None:
        return None
    definite = any(
        _DEFINITE_COUNT.search(ctx.norm, max(sentence.start, c.start - 5), c.start) for c in found
    )
    if not definite and _BACK_TO_INCIDENT.search(ctx.norm, sentence.start, sentence.end) is None:
        return None
    return next(iter(days))


def _date_earlier_tolls(
    ctx: _Context,
    sentence: Sentence,
    day: dt.date,
    by_sentence: Mapping[int, list[Candidate]],
    told: dict[int, bool],
    totals: dict[int, bool],
    later: Sequence[Candidate],
    periods: dict[int, bool],
) -> None:
    """Make the tolls of up to ``_LOOK_AHEAD`` sentences before ``sentence`` (told with an
    incident cue, at a place, with no day of their own) and ``later`` an incident of ``day``."""
    earlier = [
        c
        for index in range(max(0, sentence.index - _LOOK_AHEAD), sentence.index)
        if _sentence_test(ctx, told, index, _TOLD_INCIDENT)
        for c in by_sentence.get(index, [])
    ]
    for c in [*earlier, *later]:
        if c.kind != "cumulative" or c.date_how.startswith("as of") or day > c.as_of:
            continue
        if _sentence_test(ctx, periods, c.sentence.index, _CALENDAR_PERIOD):
            continue  # "Dozens died ... earlier this month": the count's own period
        if c.region == ROOT:
            continue  # an incident has a place (its event id names it)
        if _total_or_war(ctx, totals, c.sentence):
            continue
        c.kind, c.since, c.as_of = "incident", day, day
        c.event = f"{c.region}-{day.isoformat()}"
        c.dated = True
        c.notes.append("as_of: day of the incident, given in a later sentence")
        c.confidence["date"] = round(min(c.confidence.get("date", 0.9), 0.6), 2)


def _place_told_after(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "At least 22 people were killed in inter-clan clashes in South Sudan. The fighting ...
    occurred in Bor South, which is located in Jonglei state": a sentence with no figures of its
    own and no quotation, right after figures, tells the incident (an incident noun, "The
    incident occurred in ...", or an attack verb: "The gunmen attacked the village of Egbekaw")
    and names places after that cue; the first of them, narrowed by the places on its chain, is
    the figures' place when it lies below theirs. Places named as neighbours ("bordered by ...
    Burkina Faso and Mali", "near the border with Nigeria") and the two ends of a stretch
    ("the road between the towns of Tibu and Salazar de las Palmas in Norte de Santander") are
    not the incident's; another place apart from the first gives no place. The figures it
    reaches: those of the sentence right before; of the one before that too when the sentence
    right before points back to their incident ("in the attack on Friday"); and those of the
    next two sentences that point back to it ("The toll is 24 dead", "The attack was confirmed
    by ... who gave a death toll of at least 15"). Never a running total or a count of the
    whole war. One search per sentence."""
    if not candidates:
        return
    tree = ctx.trees["region"]
    by_sentence = _by_sentence(candidates)
    totals: dict[int, bool] = {}
    back: dict[int, bool] = {}
    carried: tuple[int, str] | None = None  # (sentence, place) of the last incident placed
    for sentence in ctx.sentences:
        if carried is not None and carried[0] != sentence.index:
            carried = _carry_incident_place(ctx, by_sentence, totals, sentence, carried)
        if sentence.index in by_sentence:
            continue
        # the figures told right before, or two sentences back past a sentence without any
        # ("A suicide car bomb killed 25 people ... Iraqi police were among the casualties. The
        # explosion -- in the Jadida neighborhood ...")
        told = sentence.index - 1 if sentence.index - 1 in by_sentence else sentence.index - 2
        cue = _PLACE_CUE.search(ctx.norm, sentence.start, sentence.end)
        if cue is None or _OTHER_PLACES.search(ctx.norm, sentence.start, sentence.end):
            continue
        if ctx.norm[sentence.start : sentence.start + 1] in _QUOTE_MARKS:
            continue  # a quoted statement tells its speaker's account, not this incident
        if _ANOTHER_TIME.search(ctx.norm, sentence.start, sentence.end) or _FOLLOWED.search(
            ctx.norm, sentence.start, sentence.end
        ):
            continue  # "Today's attack followed bombings in Songkhla": another event
        stretches = [m.span() for m in _BETWEEN_PLACES.finditer(ctx.norm, cue.end(), sentence.end)]
        # the places told after the incident cue ("clashes ... took place in Eastern Lakes
        # State"), not those of a speaker's title before it ("The Nyang county commissioner")
        named = [
            (a, node)
            for a, _, node in _clause_facts(ctx, (sentence.start, sentence.end))["places"]
            if a > cue.start()
            and not _in_sorted_spans(a, ctx.mask)
            and not any(x <= a < y for x, y in stretches)
            and _NEIGHBOUR_BEFORE.search(ctx.norm, max(sentence.start, a - 60), a) is None
        ]
        # "in Tral town of Pulwama district, about 41 km south of Srinagar city", "took place 40
        # kilometers (25 miles) from the town of Bir al-Abd": a landmark measured from is not
        # the incident's place
        chain = _one_chain(tree, [node for a, node in named if not _landmark(ctx, a)])
        if chain is None:
            continue  # no place, or places apart: no one place
        place = _narrowest(tree, chain)
        carried = (sentence.index, place)
        reached = list(by_sentence.get(told, []))
        if (
            told == sentence.index - 1
            and sentence.index - 2 in by_sentence
            and _sentence_test(ctx, back, sentence.index - 1, _BACK_TO_INCIDENT)
        ):
            reached = by_sentence[sentence.index - 2] + reached
        for index in (sentence.index + 1, sentence.index + 2):
            if index not in by_sentence:
                if index == sentence.index + 1:
                    continue
                break
            if not _sentence_test(ctx, back, index, _BACK_TO_INCIDENT):
                break
            reached += by_sentence[index]
        for c in reached:
            if c.region == place or not tree.is_within(place, c.region):
                continue
            if _total_or_war_strict(ctx, totals, c.sentence):
                continue
            c.region = place
            if c.event is not None and c.kind == "incident":
                c.event = f"{place}-{c.as_of.isoformat()}"
            elif (
                c.kind == "cumulative"
                and tree.depth(place) >= 2
                and _event_of(ctx, c.sentence) == c.as_of
            ):
                # the day its sentence gives, now at a place below a country: an incident (as
                # the sentence would have read with the place in it)
                c.kind, c.since = "incident", c.as_of
                c.event = f"{place}-{c.as_of.isoformat()}"
            where = "before" if c.sentence.index > sentence.index else "after"
            c.notes.append(f"place named with the incident in a sentence {where} it")
            _doubt_scope(c)


def _sentence_place(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "Islamist militants killed 12 members of Egypt's military in North Sinai province ...,
    the military said, adding that it killed 15 militants in return": a figure that no rule
    placed takes the place of the figure before it in its sentence, read from that figure's own
    words (not inherited), and, told of the same day, is an incident there too. Never a figure
    with places of its own (which may lie apart: "in northern Israel, the Golan Heights, and in
    combat in southern Lebanon"), a running total or a count of the whole war. One bisection per
    figure."""
    totals: dict[int, bool] = {}
    previous: Candidate | None = None
    for c in candidates:
        before, previous = previous, c
        if before is None or before.sentence.index != c.sentence.index or c.region != ROOT:
            continue
        if before.region == ROOT or any(
            n.startswith(("place =", "place of", "place from", "place named")) for n in before.notes
        ):
            continue
        if _total_or_war_strict(ctx, totals, c.sentence):
            continue
        i = bisect.bisect_right(ctx.all_place_starts, before.end)
        if i < len(ctx.all_place_starts) and ctx.all_place_starts[i] < c.sentence.end:
            continue  # places of its own after the figure before ("... in southern Lebanon")
        c.region = before.region
        c.notes.append("place of the figure before it in its sentence")
        if before.kind == "incident" and c.kind == "cumulative" and c.as_of == before.as_of:
            c.kind, c.since, c.event = "incident", before.since, before.event
        _doubt_scope(c)


# "as the fighting here entered its 45th day": the place the text is filed from
_HERE = re.compile(r"\b(?:here|in\s+this\s+(?:city|town))\b(?!\s+(?:is|are)\b)", re.I)


def _dateline_place(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "KABUL ... An Afghan official says at least 60 Afghans were killed", "MARAWI CITY - The
    military's death toll has climbed to 85 ..., as the fighting here entered its 45th day": the
    place of the text's dateline is the place of the figures no rule placed, when every place
    the text names (outside speakers' names) lies on one chain with it. A text that names places
    apart from it ("BAGHDAD -" over a bomb in Babil province, "MEXICO CITY -" over an ambush in
    Chihuahua) is filed from a capital, not from where the dead were. Never a count of the whole
    war, nor a side's running military toll or its increment ("29 more of its soldiers ...,
    bringing the military death toll to 633": soldiers fall wherever the front runs) unless its
    sentence says "here". Linear: one pass over the text's places."""
    if ctx.dateline_place is None:
        return
    tree = ctx.trees["region"]
    place = _resolve_place(ctx, ctx.dateline_place)
    if place is None or place == ROOT:
        return
    named = [node for a, node in ctx.all_places if not _in_sorted_spans(a, ctx.mask)]
    if _one_chain(tree, [place, *named]) is None:
        return
    wars: dict[int, bool] = {}
    totals: dict[int, bool] = {}
    raised: dict[int, bool] = {}
    here: dict[int, bool] = {}
    for c in candidates:
        if c.region != ROOT or _whole_war(ctx, wars, c.sentence):
            continue
        if (
            c.category == "military"
            and c.party != ROOT
            and (
                c.kind == "increment"
                or _total_or_war_strict(ctx, totals, c.sentence)
                or _sentence_test(ctx, raised, c.sentence.index, _TOLL_RAISED)
            )
            and not _sentence_test(ctx, here, c.sentence.index, _HERE)
        ):
            continue  # a side's running military toll: soldiers fall wherever the front runs
        c.region = place
        c.notes.append(f"place of the dateline ({ctx.dateline_place})")
        _doubt_scope(c)


def _soldiers_at_the_subject_place(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "Two soldiers and four militants were killed in an exchange of fire ... in Chowkibal
    area" then "the militants started firing ..., resulting in the death of two soldiers": a
    military toll told with an incident or a fight (an incident noun or verb, a two-sided noun,
    "firing", "operation") is at the document's subject place, as other figures are. Never a
    military toll told without one ("Later, 12 soldiers were killed, the army said"), a side's
    running toll or its increment ("29 more of its soldiers ..., bringing the military death
    toll to 633": soldiers fall wherever the front runs), a count of the whole war, a figure
    whose own words name its party ("18 Armenian troops") or told of both sides. One search per
    sentence."""
    nouns = ctx.lex.get("perpetrator").get("two_sided_nouns", [])
    fight = re.compile(
        rf"{_TOLD_INCIDENT.pattern}|\b(?:{words_of(nouns)}|firing|fired|shooting|operations?)\b",
        re.I,
    )
    totals: dict[int, bool] = {}
    raised: dict[int, bool] = {}
    told: dict[int, bool] = {}
    for c in candidates:
        if c.region != ROOT or c.subject is None or c.category != "military":
            continue
        if c.kind == "increment" or _total_or_war_strict(ctx, totals, c.sentence):
            continue
        if not (
            c.incident_cue or c.anaphoric or _sentence_test(ctx, told, c.sentence.index, fight)
        ):
            continue  # "Later, 12 soldiers were killed, the army said": anywhere on the front
        if _sentence_test(ctx, raised, c.sentence.index, _TOLL_RAISED):
            continue
        c.region = c.subject
        c.notes.append("place = the document's subject place (named earlier; a military toll)")
        _doubt_scope(c)


def _one_chain(tree: ScopeTree, places: Sequence[str]) -> list[str] | None:
    """``places`` when they lie on one chain of the tree (the first's ancestors and
    descendants), else None (or when there are none)."""
    if not places:
        return None
    first = places[0]
    chain = [n for n in places if tree.is_within(n, first) or tree.is_within(first, n)]
    return chain if len(chain) == len(places) else None


_CARRY_SENTENCES = 5  # sentences after an incident's place that its figures may follow
# "Meanwhile, three people were killed ...", "In a separate incident", "Earlier Sunday": another
# incident
_ANOTHER_INCIDENT = re.compile(
    r"\b(?:meanwhile|separate|another|other|earlier|elsewhere|also\s+on|in\s+addition)\b", re.I
)


def _carry_incident_place(
    ctx: _Context,
    by_sentence: dict[int, list[Candidate]],
    totals: dict[int, bool],
    sentence: Sentence,
    carried: tuple[int, str],
) -> tuple[int, str] | None:
    """ "The grenade attack was carried out in Tral town ... Health officials said three
    civilians were killed": figures after the sentence that placed the incident, up to
    `_CARRY_SENTENCES` sentences on, that were given only the document's subject place take the
    incident's place when it lies below it. It ends at a sentence naming a place off its chain
    or telling another incident ("Meanwhile", "In a separate incident", "Earlier"). Returns
    what is carried on (None once ended)."""
    told, place = carried
    if sentence.index - told > _CARRY_SENTENCES:
        return None
    tree = ctx.trees["region"]
    if _ANOTHER_INCIDENT.search(ctx.norm, sentence.start, sentence.end):
        return None
    i = bisect.bisect_left(ctx.all_place_starts, sentence.start)
    while i < len(ctx.all_places) and ctx.all_places[i][0] < sentence.end:
        node = ctx.all_places[i][1]
        if not (tree.is_within(node, place) or tree.is_within(place, node)):
            return None
        i += 1
    moved: tuple[Candidate, str] | None = None  # the figure moved last, and from where
    for c in by_sentence.get(sentence.index, []):
        shared = (
            moved is not None
            and "scope shared with the previous figure" in c.notes
            and c.region == moved[1]
        )
        if "place = the document's subject place (named earlier)" not in c.notes and not shared:
            continue
        if c.region == place or not tree.is_within(place, c.region):
            continue
        if _total_or_war_strict(ctx, totals, c.sentence):
            continue
        if _PERFECT.search(ctx.norm, c.sentence.start, c.sentence.end):
            continue
        moved = (c, c.region)
        c.region = place
        c.notes.append("place of the incident placed in a sentence before it")
        _doubt_scope(c)
    return carried


def _state_forces(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "ELN guerrillas killed at least nine soldiers in an attack on an army base in northeast
    Colombia": in a war of one armed group against the state (`_state_side`), soldiers,
    troops and police that the text counts without naming whose are the state's. Never when a
    capitalised word stands between the figure and the noun ("five French soldiers": another
    force the war's tree does not name), never a figure whose party is already read. One match
    at each figure's end."""
    state = _state_side(ctx.trees)
    # police serve the state whose land they police: in a war fought inside one state
    # (`_sole_state`) they are its own even when foreign forces fight there too
    police_state = state or _sole_state(ctx.trees)
    if police_state is None:
        return
    for c in candidates:
        if c.party != ROOT or c.category not in (ROOT, "military"):
            continue
        m = _STATE_FORCES.match(ctx.norm, c.end)
        if m is None:
            continue
        side = state
        if side is None:
            if _POLICE_NOUN.search(ctx.norm, c.end, m.end()) is None:
                continue
            side = police_state
        written = ctx.text[c.end : m.end()].split()
        if any(w[:1].isupper() for w in written[:-1]):
            continue  # "five French soldiers", "two UN peacekeepers"
        c.party = side
        c.notes.append(
            "party: the state's forces (one armed group against the state)"
            if state is not None
            else "party: the state's police (a war inside one state)"
        )
        c.confidence["scope"] = round(min(c.confidence.get("scope", 0.9), 0.7), 2)


def _sentence_index(ctx: _Context, pos: int) -> int:
    starts = [s.start for s in ctx.sentences] if not ctx.sentence_starts else ctx.sentence_starts
    ctx.sentence_starts = starts
    return bisect.bisect_right(starts, pos) - 1


def _defaulted_source(c: Candidate) -> bool:
    return c.said_by is None or c.confidence.get("source", 1.0) <= 0.4


def _same_speaker(
    a: Candidate, b: Candidate, loose: bool = False, media: frozenset[str] = frozenset()
) -> bool:
    """Whether two statements may be one speaker's: the same source, one without a speaker, or
    one speaker's name inside the other's ("the regional governor" and "Oleksandr Starukh, the
    Zaporizhzhia regional governor"); ``loose``: or one title in both ("governor"). Two media
    that relay a count ("local media reported", "Indian news agency ANI said": a head noun of
    ``media`` in both names) count nothing of their own, so they are one telling."""
    if _defaulted_source(a) or _defaulted_source(b) or a.source is None or b.source is None:
        return True
    if a.source.id == b.source.id:
        return True
    x, y = (re.sub(r"^(?:the|a|an)\s+", "", s.name.lower()) for s in (a.source, b.source))
    if not (x and y):
        return False
    if x in y or y in x:
        return True
    if media and all(any(w.strip(",") in media for w in n.split()) for n in (x, y)):
        return True
    if not loose:
        return False
    # "the regional governor" and "Governor Andriy Raikovych": one head noun of a speaker
    heads = {w for w in (*x.split(), *y.split()) if w.strip(",") in _SPEAKER_TITLES}
    return any(h in x.split() and h in y.split() for h in heads)


def _repeated_counts(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """A count told again ("At least 23 people were killed and 28 wounded ..., the regional
    governor said." then "So far, 23 dead and 28 wounded. All civilians," the governor wrote):
    the same number and outcome within a few sentences, from the same speaker (or one without
    a speaker), with no field that disagrees, is one count; each telling gives the other the
    fields it leaves open (scope and day; never the speaker: a figure the text does not
    attribute stays the outlet's). One dictionary look-up per figure."""
    last: dict[tuple[int, str], Candidate] = {}
    scope_fields = ("category", "party", "perpetrator", "region")
    media = frozenset(w.lower() for w in ctx.lex.get("speaker_heads").get("media", []))
    for c in candidates:
        value = c.figure.high if c.figure.high is not None else c.figure.low
        key = (int(value), c.outcome)  # "As many as 266" and "266"; "At least 23" and "23"
        e = last.get(key)
        last[key] = c
        if e is None or e is c or not 0 < c.sentence.index - e.sentence.index <= _REPEAT_WINDOW:
            continue
        if int(value) < _REPEAT_MIN and c.phrase.lower() != e.phrase.lower():
            continue  # "two", "one": too common to be the same count by value alone
        if not _same_speaker(c, e, media=media):
            continue
        if any(
            ROOT not in (getattr(c, f), getattr(e, f)) and getattr(c, f) != getattr(e, f)
            for f in scope_fields
        ):
            continue
        if c.dated and e.dated and c.as_of != e.as_of:
            continue
        for a, b in ((c, e), (e, c)):
            filled = [f for f in scope_fields if getattr(a, f) == ROOT and getattr(b, f) != ROOT]
            for f in filled:
                setattr(a, f, getattr(b, f))
            if filled:
                a.confidence["scope"] = round(max(0.1, min(a.confidence.get("scope", 0.9), 0.7)), 2)
            if not a.dated and b.dated:
                a.as_of, a.dated = b.as_of, True
                a.since = min(a.since, a.as_of)
                if a.kind == "increment":
                    a.since = a.as_of
                a.confidence["date"] = 0.6
                filled.append("as_of")
            if filled:
                told = ", ".join(filled)
                a.notes.append(
                    f"the same count told again nearby ({b.phrase!r}): {told} from there"
                )


def _unnamed_witness(ctx: _Context, source: Source | None) -> bool:
    """Whether a source is an unnamed person who reports what they saw or treated ("a doctor",
    "a resident", "a rebel military commander"): kind `other`, an indefinite phrase whose head
    noun is of the `other` speaker heads."""
    if source is None or source.kind is not SourceKind.OTHER:
        return False
    words = source.name.split()
    if words and words[0].lower() in ("a", "an"):
        words = words[1:]
    if "who" in words:
        words = words[: words.index("who")]  # "A doctor who gave his name as Ramadan"
    if not words or len(words) > 4 or any(not w.islower() for w in words):
        return False  # a name: "Hamed al-Hafi", "Iraq Body Count"
    others = {w.lower() for w in ctx.lex.get("speaker_heads").get("other", [])}
    return words[-1] in others


def _subject_incident(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """A text whose first figures tell one incident with its perpetrator ("Three people were
    killed when 13 Russian missiles hit ...") is about that incident: a later figure that names
    no perpetrator, counts no whole war and not the perpetrator's own side keeps it. A running
    total ("the death toll climbed to 23,210 ... since Oct. 7") is no incident."""
    if not candidates:
        return
    first = candidates[0].sentence.index
    if first > 1:
        return
    lede = [c for c in candidates if c.sentence.index == first]
    told = [
        c
        for c in lede
        if (c.incident_cue or c.kind == "incident")
        and c.perpetrator != ROOT
        and not c.anaphoric
        and not _RUNNING_TOTAL.search(ctx.norm, c.sentence.start, c.sentence.end)
    ]
    if not told or len({c.perpetrator for c in told}) != 1:
        return
    perpetrator = told[0].perpetrator
    day = next((c for c in told if c.kind == "incident" and c.dated), None)
    # a lede told through an unnamed witness ("..., a hospital physician said", "a resident
    # said"): the reporter's own account of the incident, which later speakers go on telling
    witness_lede = _unnamed_witness(ctx, told[0].source)
    whole_war: dict[int, bool] = {}
    totals: dict[int, bool] = {}
    party_tree = ctx.trees["party"]
    for c in candidates:
        if c.sentence.index == first or c.perpetrator not in (ROOT, perpetrator):
            continue
        if not witness_lede and not _same_speaker(c, told[0], loose=True):
            continue  # another speaker's account ("Rogov claims that ...") is not the lede's
        index = c.sentence.index
        if index not in whole_war:  # once per sentence: a long sentence is searched once
            whole_war[index] = bool(
                ctx.whole_war.search(ctx.norm, c.sentence.start, c.sentence.end)
            )
        if whole_war[index]:
            continue
        if c.party != ROOT and (
            party_tree.is_within(c.party, perpetrator) or party_tree.is_within(perpetrator, c.party)
        ):
            continue
        if c.perpetrator == ROOT:
            c.perpetrator = perpetrator
            c.notes.append("perpetrator of the incident the text is about (its first figures)")
            _doubt_scope(c)
        if (
            day is not None
            and not c.dated
            and c.kind != "increment"
            and not _total_or_war_strict(ctx, totals, c.sentence)
        ):
            # "killing 10 villagers", told after "... were killed on Tuesday in two airstrikes";
            # never a running total ("More than 5,000 people have been killed ... since an
            # Islamic insurgency erupted in 2004", "claiming more than 5,300 lives")
            c.kind, c.since, c.as_of, c.dated = "incident", day.since, day.as_of, True
            c.event = day.event if c.region == day.region else f"{c.region}-{day.as_of}"
            c.notes.append("as_of: day of the incident the text is about (its first figures)")
            c.confidence["date"] = 0.6


# a time of its own in a later sentence (a day, a relative day, a time counted from another),
# or another event set beside the incident ("Separately, ...")
_OTHER_TIME = re.compile(
    r"\b(?:separately|after|before|since|earlier|previous|previously|ago|follow(?:ed|s|ing)|last|yesterday|"
    r"today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|month|year|"
    r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
)


_SUMMARY_UP_TO = re.compile(r"\b(?:has|have)\s+claimed\b|\b(?:till|until|up\s+to)\s+\w", re.I)


def _lede_day(ctx: _Context, candidates: Sequence[Candidate]) -> None:
    """ "Thirteen Mexican police officers were killed in an ambush Monday in Michoacan, ..."
    then "The ministry initially tweeted that 14 officers had been killed, but ... the death
    toll was in fact 13": a text whose first figures tell one incident of one day at a place is
    about that incident, whoever tells its later tolls; a later figure with no day of its own
    that points back to the incident ("the attack", "the death toll") or lies at its place (on
    its chain) is an incident of that day. Never a running total or a count of the whole war,
    never a sentence that sets another event beside it ("another", "separate", "earlier"), never
    an increment. (The perpetrator is left to `_subject_incident`, which wants one speaker.)
    Each sentence searched once."""
    if not candidates:
        return
    first = candidates[0].sentence.index
    if first > 1:
        return
    lede = [c for c in candidates if c.sentence.index == first]
    told = [
        c
        for c in lede
        if c.kind == "incident" and c.dated and not c.anaphoric and c.region != ROOT
    ]  # fmt: skip
    if not told or len({(c.as_of, c.region) for c in told}) != 1:
        return
    if _RUNNING_TOTAL.search(ctx.norm, told[0].sentence.start, told[0].sentence.end) or (
        _SUMMARY_UP_TO.search(ctx.norm, told[0].sentence.start, told[0].sentence.end)
    ):
        return  # "The violence has claimed 142 lives till July 4": a summary, no incident
    day = told[0]
    tree = ctx.trees["region"]
    totals: dict[int, bool] = {}
    others: dict[int, bool] = {}
    times: dict[int, bool] = {}
    back: dict[int, bool] = {}
    for c in candidates:
        if c.sentence.index == first or c.dated or c.kind != "cumulative":
            continue
        if _total_or_war_strict(ctx, totals, c.sentence):
            continue
        if _sentence_test(ctx, others, c.sentence.index, _ANOTHER_INCIDENT):
            continue
        if _sentence_test(ctx, times, c.sentence.index, _OTHER_TIME):
            continue  # "Last week Iraqi police said", "In the days following the attack"
        on_chain = c.region != ROOT and (
            tree.is_within(c.region, day.region) or tree.is_within(day.region, c.region)
        )
        if not on_chain and not (
            c.region == ROOT and _sentence_test(ctx, back, c.sentence.index, _BACK_TO_INCIDENT)
        ):
            continue
        region = c.region if c.region != ROOT else day.region
        c.kind, c.since, c.as_of, c.dated = "incident", day.since, day.as_of, True
        c.event = day.event if region == day.region else f"{region}-{day.as_of.isoformat()}"
        c.notes.append("as_of: day of the incident the text opens with")
        c.confidence["date"] = round(min(c.confidence.get("date", 0.9), 0.6), 2)


def _date_incident_told_before(found: Sequence[Candidate], before: Sequence[Candidate]) -> None:
    """ "Air strikes killed 42 people in Idlib, the monitor said on Monday. The air raids on
    Sunday killed...": the day the second sentence gives makes the first one's tolls an incident
    of that day (unless they hold "as of" a day of their own)."""
    dated = next((c for c in found if c.anaphoric and c.kind == "incident"), None)
    if dated is None:
        return
    for c in before:
        if (
            c.kind == "cumulative"
            and c.incident_cue
            and c.region != ROOT
            and not c.date_how.startswith("as of")
        ):
            c.kind, c.since, c.as_of = "incident", dated.as_of, dated.as_of
            c.event = f"{c.region}-{dated.as_of.isoformat()}"
            c.dated = True
            c.notes.append("as_of: day of the incident, given in the next sentence")
