"""The review loop: a person accepts, corrects or rejects each candidate claim.

:func:`review` shows each candidate with its sentence (the figure between ``>>`` and ``<<``),
asks for a decision on ``input`` and writes prompts to ``output``, so it runs in a terminal and
in tests alike. Corrections are typed as ``field=value`` (for example ``party=armenia`` or
``low=40``), one or several separated by ``;``, and validated like any claim file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

import pandas as pd

from karabakh_tolls.claimset import ClaimSet
from karabakh_tolls.errors import ClaimValidationError

__all__ = ["FIELDS_SHOWN", "Review", "review"]

FIELDS_SHOWN = (
    "figure", "low", "high", "outcome", "category", "party", "perpetrator", "region", "kind",
    "since", "as_of", "source", "via",
)  # fmt: skip
_HELP = (
    "  a = accept, r = reject, c = correct (then field=value; field=value), "
    "s = skip (leave unreviewed), q = quit (the rest stays unreviewed), ? = help"
)


@dataclass(frozen=True, slots=True)
class Review:
    """The outcome of a review: the kept claims (accepted or corrected) and the rejected ones.

    Both are validated claim sets with the ``reviewed`` column filled in; ``unreviewed`` counts
    the candidates skipped or left when the reviewer quit (they are in neither set).
    """

    claims: ClaimSet
    rejected: ClaimSet
    unreviewed: int


def _show(row: pd.Series, text: str | None, position: int, total: int, out: TextIO) -> None:
    out.write(f"\n[{position}/{total}] {row['claim_id']}\n")
    quote = str(row["quote"]) if not pd.isna(row["quote"]) else ""
    if text is not None and "figure_start" in row.index and not pd.isna(row["figure_start"]):
        a, b = int(row["span_start"]), int(row["span_end"])
        fa, fb = int(row["figure_start"]), int(row["figure_end"])
        quote = f"{text[a:fa]}>>{text[fa:fb]}<<{text[fb:b]}"
    out.write(f"  {quote}\n")
    for name in FIELDS_SHOWN:
        value = row[name]
        shown = (
            "" if pd.isna(value) else (value.date() if isinstance(value, pd.Timestamp) else value)
        )
        out.write(f"  {name:>12}: {shown}\n")


def _corrections(line: str) -> dict[str, str] | str:
    changes: dict[str, str] = {}
    for part in line.split(";"):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        if not sep or not name.strip():
            return f"cannot read {part.strip()!r}: write field=value"
        changes[name.strip()] = value.strip()
    return changes or "no correction given"


def review(
    claims: ClaimSet,
    text: str | None = None,
    *,
    input: TextIO | None = None,
    output: TextIO | None = None,
    fields: Sequence[str] = FIELDS_SHOWN,
) -> Review:
    """Ask a person about each candidate claim; return what they kept and what they rejected.

    Parameters
    ----------
    claims:
        Candidate claims, e.g. from :func:`~karabakh_tolls.extract.extract`.
    text:
        The document the claims were read from; with it the figure is highlighted in its
        sentence (``>>figure<<``), else the quote is shown as it is.
    input, output:
        Where answers are read and prompts written (default: standard input and output).
    fields:
        The fields a correction may change (default: those shown).

    Returns
    -------
    Review
        ``claims`` (accepted and corrected, ``reviewed`` set), ``rejected`` and the number left
        unreviewed. Write ``review(...).claims.to_csv(path)``: ``read_claims`` validates it.

    Examples
    --------
    >>> import io
    >>> import karabakh_tolls as kt
    >>> text = "Amnesty said 146 civilians died and 12 soldiers were wounded."
    >>> found = kt.extract(text, published="2021-01-14", document="d")
    >>> answers = io.StringIO("a\\nc\\ncategory=military; party=armenia\\n")
    >>> result = review(found, text, input=answers, output=io.StringIO())
    >>> frame = result.claims.to_frame()
    >>> list(frame["reviewed"]), list(frame["party"])
    (['accepted', 'corrected'], ['all', 'armenia'])
    """
    source = input if input is not None else sys.stdin
    out = output if output is not None else sys.stdout
    frame = claims.to_frame()
    allowed = set(fields)
    kept: list[dict[str, object]] = []
    dropped: list[dict[str, object]] = []
    left = 0
    total = len(frame)
    out.write(f"{total} candidate claim(s) to review.\n{_HELP}\n")
    for position, (_, row) in enumerate(frame.iterrows(), start=1):
        _show(row, text, position, total, out)
        record: dict[str, object] = {str(k): v for k, v in row.to_dict().items()}
        decided = False
        while not decided:
            out.write("  [a]ccept [c]orrect [r]eject [s]kip [q]uit > ")
            out.flush()
            answer = source.readline()
            if not answer:
                left += total - position + 1
                return _finish(claims, kept, dropped, left)
            choice = answer.strip().lower()[:1]
            if choice == "a":
                record["reviewed"] = "accepted"
                kept.append(record)
                decided = True
            elif choice == "r":
                record["reviewed"] = "rejected"
                dropped.append(record)
                decided = True
            elif choice == "s":
                left += 1
                decided = True
            elif choice == "q":
                left += total - position + 1
                return _finish(claims, kept, dropped, left)
            elif choice == "c":
                out.write("  field=value; field=value > ")
                out.flush()
                changes = _corrections(source.readline())
                if isinstance(changes, str):
                    out.write(f"  {changes}\n")
                    continue
                unknown = sorted(set(changes) - allowed)
                if unknown:
                    out.write(f"  cannot correct {unknown}; fields: {', '.join(fields)}\n")
                    continue
                trial: dict[str, object] = {**record, **changes, "reviewed": "corrected"}
                try:
                    ClaimSet.from_frame(pd.DataFrame([trial]), wars=claims.wars, trees=claims.trees)
                except ClaimValidationError as error:
                    out.write(f"  not a valid claim: {error}\n")
                    continue
                kept.append(trial)
                decided = True
            else:
                out.write(f"{_HELP}\n")
    return _finish(claims, kept, dropped, left)


def _finish(
    claims: ClaimSet, kept: list[dict[str, object]], dropped: list[dict[str, object]], left: int
) -> Review:
    columns = list(claims.to_frame().columns)
    if "reviewed" not in columns:
        columns.append("reviewed")

    def build(records: list[dict[str, object]]) -> ClaimSet:
        if not records:
            return ClaimSet(wars=claims.wars, trees=claims.trees)
        return ClaimSet.from_frame(
            pd.DataFrame(records, columns=columns), wars=claims.wars, trees=claims.trees
        )

    return Review(build(kept), build(dropped), left)
