"""Text plumbing of the extractor: input checks, sentences, quotations and dates.

Every function here works on character offsets into the original text, so spans stay exact.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

__all__ = [
    "DateMention",
    "Dateline",
    "Sentence",
    "date_mentions",
    "dateline",
    "normalise",
    "quote_regions",
    "sentences",
]

_WEEKDAYS = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_RU_MONTH = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_RU_WEEKDAYS = {
    "понедельник": "monday",
    "вторник": "tuesday",
    "среду": "wednesday",
    "среда": "wednesday",
    "четверг": "thursday",
    "пятницу": "friday",
    "пятница": "friday",
    "субботу": "saturday",
    "суббота": "saturday",
    "воскресенье": "sunday",
}
_RELATIVE = (
    r"yesterday|the\s+day\s+before\s+yesterday|last\s+(?:week|night|month)|earlier\s+this\s+week"
    r"|(?:one|two|three|four|five|six|\d)\s+days?\s+ago|a\s+week\s+ago|the\s+previous\s+day"
    r"|вчера|позавчера|на\s+прошлой\s+неделе"
)
_DATE = re.compile(
    rf"\b(?P<md>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)(?!\d)"
    rf"|\b(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?)\b"
    rf"|(?<![\w/])(?P<num>\d{{1,2}}/\d{{1,2}}/\d{{4}})(?![\w/])"
    rf"|(?<!\w)(?P<ru>\d{{1,2}}\s+{_RU_MONTH}(?:\s+\d{{4}}\s*(?:года|г\.)?)?)(?!\w)"
    r"|\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    rf"|(?<!\w)(?P<ruwd>{'|'.join(_RU_WEEKDAYS)})(?!\w)"
    rf"|\b(?P<rel>{_RELATIVE})\b"
    rf"|\bmid-?\s?(?P<mid>{_MONTH}(?:\s+\d{{4}})?)\b",
    re.IGNORECASE,
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|st|gen|col|lt|sgt|jan|feb|aug|sept|sep|oct|nov|dec|no|vs|approx|"
    r"capt|maj|brig|cpl|pvt|adm|gov|insp|supt|prof|rev|"
    r"c|u\.s|u\.n|e\.g|i\.e)|\b[A-Z])\.$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9\u0400-\u04ff])")


def normalise(text: str) -> str:
    """The text with typographic apostrophes made plain; same length, same offsets.

    >>> normalise("Karabakh\u2019s")
    "Karabakh's"
    """
    return text.replace("\u2019", "'").replace("\u2018", "'")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the document and the span of its paragraph (a line)."""

    start: int
    end: int
    paragraph_start: int
    paragraph_end: int
    index: int


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (paragraph = line), with exact offsets.

    >>> [text[s.start:s.end] for text in ["Amnesty said 5. Baku said 7.\\nNo."]
    ...  for s in sentences(text)]
    ['Amnesty said 5.', 'Baku said 7.', 'No.']
    """
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        p_start, p_end = line.start(), line.end()
        start = p_start
        for boundary in _BOUNDARY.finditer(text, p_start, p_end):
            head = text[max(p_start, boundary.start() - 8) : boundary.start() + 1]
            if _ABBREVIATIONS.search(head):
                continue
            out.extend(_trimmed(text, start, boundary.end(), p_start, p_end, len(out)))
            start = boundary.end()
        out.extend(_trimmed(text, start, p_end, p_start, p_end, len(out)))
    return out


def _trimmed(
    text: str, start: int, end: int, p_start: int, p_end: int, index: int
) -> list[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Sentence(start, end, p_start, p_end, index)] if end > start else []


def quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quotations inside ``text[start:end]`` (curly pairs or straight toggles).

    An unclosed quotation runs to ``end``.

    >>> quote_regions('He said "x" and \u201cy\u201d.', 0, 21)
    [(8, 11), (16, 19)]
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    straight = False
    for i in range(start, min(end, len(text))):
        ch = text[i]
        if ch == "\u201c" and open_at is None:
            open_at, straight = i, False
        elif ch == "\u201d" and open_at is not None and not straight:
            regions.append((open_at, i + 1))
            open_at = None
        elif ch == '"':
            if open_at is None:
                open_at, straight = i, True
            elif straight:
                regions.append((open_at, i + 1))
                open_at = None
    if open_at is not None:
        regions.append((open_at, end))
    return regions


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase of the text and the day it means, resolved against the publication date."""

    start: int
    end: int
    date: dt.date
    weekday: bool
    relative_span: bool = False
    """A relative phrase ("yesterday", "last week"): a day of speech, never an event's id."""


def resolve_date(phrase: str, published: dt.date) -> dt.date | None:
    """The day a phrase means, never after ``published``.

    A weekday is the latest such day on or before publication; a month and day without a year is
    the latest such day on or before publication.

    >>> resolve_date("Tuesday", dt.date(2020, 10, 6))
    datetime.date(2020, 10, 6)
    >>> resolve_date("October 17", dt.date(2021, 1, 14))
    datetime.date(2020, 10, 17)
    """
    key = phrase.strip().lower()
    if key in _WEEKDAYS:
        day: dt.date = published + relativedelta(weekday=_WEEKDAYS[key](-1))
        return day
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", phrase).replace(".", " ")
    try:
        parsed: dt.date = date_parser.parse(
            cleaned, default=dt.datetime(published.year, 1, 1), fuzzy=False
        ).date()
    except (ValueError, OverflowError, date_parser.ParserError):
        return None
    if re.search(r"\d{4}", phrase):
        return parsed if parsed <= published else None
    if parsed > published:
        try:
            parsed = parsed.replace(year=parsed.year - 1)
        except ValueError:
            return None
    return parsed


def resolve_relative(phrase: str, published: dt.date) -> dt.date | None:
    """The day a relative phrase ("yesterday", "last week", "two days ago") means.

    Read with the ``dateparser`` library against ``published``; never after it.

    >>> resolve_relative("yesterday", dt.date(2020, 10, 6))
    datetime.date(2020, 10, 5)
    >>> resolve_relative("last week", dt.date(2020, 10, 6))
    datetime.date(2020, 9, 29)
    """
    dateparser = _dateparser()
    settings = {
        "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day, 12),
        "PREFER_DATES_FROM": "past",
    }
    parsed = dateparser.parse(
        re.sub(r"\s+", " ", phrase), languages=["en", "ru"], settings=settings
    )
    if parsed is None:
        return None
    day: dt.date = parsed.date()
    return day if day <= published else None


def _dateparser() -> Any:
    try:
        import dateparser  # type: ignore[import-untyped]  # optional extra `extract`
    except ImportError:  # pragma: no cover - exercised only without the extra
        from karabakh_tolls.extract._extra import missing_extra

        raise missing_extra("dateparser") from None
    return dateparser


def _resolve_ru(phrase: str, published: dt.date) -> dt.date | None:
    dateparser = _dateparser()
    parsed = dateparser.parse(
        phrase,
        languages=["ru"],
        settings={
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
        },
    )
    if parsed is None:
        return None
    day: dt.date = parsed.date()
    if re.search(r"\d{4}", phrase):
        return day if day <= published else None
    while day > published:
        day = day.replace(year=day.year - 1)
    return day


def date_mentions(
    text: str, start: int, end: int, published: dt.date, language: str = "en"
) -> list[DateMention]:
    """Every resolvable date phrase in ``text[start:end]``."""
    out = []
    for match in _DATE.finditer(text, start, end):
        phrase = match.group(0)
        relative = False
        if match.group("rel"):
            day = resolve_relative(phrase, published)
            relative = True
        elif match.group("ruwd"):
            day = resolve_date(_RU_WEEKDAYS[phrase.lower()], published)
        elif match.group("ru"):
            day = _resolve_ru(phrase, published)
        elif match.group("mid"):
            # "in mid-April": the month's 15th, read as a month-day ("April 15")
            month, _, year = match.group("mid").partition(" ")
            day = resolve_date(f"{month.rstrip('.')} 15 {year}".strip(), published)
        elif match.group("num"):
            d, m, y = (int(x) for x in phrase.split("/"))
            try:
                day = dt.date(y, m, d)
            except ValueError:
                day = None
            day = day if day is not None and day <= published else None
        else:
            day = resolve_date(phrase, published)
        if day is not None:
            weekday = bool(match.group("wd") or match.group("ruwd"))
            out.append(DateMention(match.start(), match.end(), day, weekday, relative))
    return out


_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"(?:,\s+(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*[(,]))?"
    rf"(?:,?\s+(?P<date>(?i:{_MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?i:{_MONTH}))(?:,?\s+\d{{4}})?\.?)?"
    r"\s*(?P<agency>\([^()\n]{1,40}\)|/[A-Za-z-]{2,12}/\.?)?"
    r"\s*(?P<dash>--|-|\u2014|\u2013|:)?",
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The opening "PLACE, Month Day (Agency) -" of a wire story: its end and its day."""

    end: int
    place: str
    date: dt.date | None


def dateline(text: str, published: dt.date) -> Dateline | None:
    """The dateline that opens ``text``, if any, with the day it gives (never after
    ``published``, and at most a month before it).

    A dateline is a place in capitals or a capitalised name, an optional country and day, then
    an agency in brackets or slashes and/or a dash or colon.

    >>> line = dateline("GAZA, Jan 14 (Reuters) - The toll rose.", dt.date(2009, 1, 14))
    >>> line.place, line.date, line.end
    ('GAZA', datetime.date(2009, 1, 14), 25)
    >>> dateline("BAKU, October 11. /TASS/. A total of 41...", dt.date(2020, 10, 11)).date
    datetime.date(2020, 10, 11)
    >>> dateline("Authorities in Baku said on Tuesday", dt.date(2020, 10, 6)) is None
    True
    """
    match = _DATELINE.match(text[:200])
    if match is None or not (match.group("agency") or match.group("dash")):
        return None
    place = match.group("place")
    if not match.group("agency") and not place.isupper() and match.group("dash") != ":":
        return None
    day = None
    if match.group("date"):
        day = resolve_date(match.group("date").replace(".", ""), published)
        if day is not None and (published - day).days > 31:
            day = None
    end = match.end()
    while end < len(text) and text[end].isspace():
        end += 1
    return Dateline(end, place, day)
