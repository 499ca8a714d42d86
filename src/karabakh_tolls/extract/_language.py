"""Which language a text is in, from its script and its commonest words (data/languages.toml).

Only this module knows the file; the extractor asks :func:`detect` for a code and reads its
lexicon when one is bundled.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["detect", "language_name"]

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _languages() -> dict[str, Any]:
    text = resources.files("karabakh_tolls").joinpath("data/languages.toml").read_text("utf-8")
    return tomllib.loads(text)


def language_name(code: str) -> str:
    """The English name of a language code of the table (the code itself when unknown).

    >>> language_name("hy")
    'Armenian'
    """
    return str(_languages().get(code, {}).get("name", code))


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "ARMENIAN", "ARABIC", "HEBREW", "GREEK", "GEORGIAN"):
        if name.startswith(script):
            return script.lower()
    return "other"


def detect(text: str, sample: int = 20_000) -> str | None:
    """The code of the language ``text`` is written in, or ``None`` when it has too few words.

    The first ``sample`` characters are read: the script of most letters, then among the
    languages of that script the one whose common words are most frequent.

    >>> detect("Authorities said 27 civilians were killed in the city.")
    'en'
    >>> detect("Погибли 19 мирных жителей, заявил омбудсмен.")
    'ru'
    >>> detect("19 ") is None
    True
    """
    head = text[:sample]
    words = [w.lower() for w in _WORD.findall(head)]
    if not words or (len(words) < 3 and all(_script(w[0]) == "latin" for w in words)):
        return None
    counts: dict[str, int] = {}
    for word in words:
        script = _script(word[0])
        counts[script] = counts.get(script, 0) + 1
    script = max(counts, key=lambda k: counts[k])
    table = _languages()
    options = {code: spec for code, spec in table.items() if spec["script"] == script}
    if not options:
        return None
    if len(options) == 1:
        return next(iter(options))
    present = set(words)
    freq: dict[str, int] = {}
    for word in words:
        freq[word] = freq.get(word, 0) + 1

    def hits(code: str) -> float:
        vocabulary = {str(w) for w in options[code]["words"]}
        found = sum(freq[w] for w in present & vocabulary)
        scale: float = max(1, len(vocabulary)) ** 0.5
        return found / scale

    best = max(options, key=hits)
    if hits(best) == 0:
        return "en" if script == "latin" else best
    return best
