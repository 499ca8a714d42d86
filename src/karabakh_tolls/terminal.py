"""The terminal view of the command line: the report table and progress bars, drawn by rich.

Needs the ``cli`` extra (``pip install 'karabakh_tolls[cli]'``); :mod:`karabakh_tolls.cli`
imports this module only when a table or a progress bar is shown, and names the extra when
``rich`` is missing.

:func:`report` prints, in one screen of a 120-column terminal for the seed claims: a heading,
one row per range (what is counted, by when, the range, its status, and whether a source states
it or which rules derive it), a legend of those rules in plain words, then for every derived
range the sentence to quote and how each bound adds up. Colour only where asked (the command
asks only on a terminal); the text is the same without it.

This module imports rich and the package's ``cite`` and ``report``.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Final

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from karabakh_tolls import cite
from karabakh_tolls.report import Row

__all__ = ["progress", "range_text", "report"]

#: The rules in the order the legend numbers them (a source's own figure is "stated").
RULE_ORDER: Final = tuple(name for name in cite.RULES if name != "claim")
_STATUS_STYLE: Final = {"consistent": "green", "conflict": "bold red", "contested": "yellow"}


@contextmanager
def progress(stream: IO[str], *, colour: bool = True) -> Iterator[Callable[..., object]]:
    """Progress bars on ``stream`` (cleared when done).

    Yields ``start(description, total)``, which adds a task and returns ``advance(n)``;
    ``total=None`` draws a spinner for a step whose length is not known.
    """
    console = Console(file=stream, no_color=not colour, highlight=False)
    bars = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )

    def start(description: str, total: int | None) -> Callable[[int], None]:
        task = bars.add_task(description, total=total)

        def advance(n: int) -> None:
            bars.advance(task, n)

        return advance

    with bars:
        yield start


def range_text(low: int, high: int | None) -> str:
    """A range in words and digits: "48 to 101", "1,166", "6,001 or more", "up to 5,000"."""
    if high is None:
        return "unknown" if low == 0 else f"{cite.format_count(low)} or more"
    if low == high:
        return cite.format_count(low)
    if low == 0:
        return f"up to {cite.format_count(high)}"
    return f"{cite.format_count(low)} to {cite.format_count(high)}"


def _short_date(row: Row) -> str:
    return f"{row.as_of.day} {row.as_of:%b %Y}"


def _how(row: Row) -> str:
    if row.stated:
        return "stated"
    numbers = [RULE_ORDER.index(r) + 1 for r in RULE_ORDER if r in row.rules]
    unknown = [r for r in row.rules if r not in RULE_ORDER and r != "claim"]
    if not numbers and not unknown:
        return "claims" if row.low_support or row.high_support else "none"
    return ",".join([*_runs(numbers), *unknown])


def _runs(numbers: Sequence[int]) -> list[str]:
    """Runs of three or more consecutive numbers shortened: [1, 2, 3, 5] -> ["1-3", "5"]."""
    groups: list[list[int]] = []
    for n in sorted(numbers):
        if groups and n == groups[-1][-1] + 1:
            groups[-1].append(n)
        else:
            groups.append([n])
    out: list[str] = []
    for group in groups:
        if len(group) >= 3:
            out.append(f"{group[0]}-{group[-1]}")
        else:
            out.extend(str(n) for n in group)
    return out


def report(
    rows: Sequence[Row],
    heading: str,
    file: IO[str],
    *,
    colour: bool = False,
    width: int | None = None,
) -> None:
    """Print the report of ``rows`` to ``file``; ``width=None`` uses the terminal's width.

    Without colour, trailing blanks are trimmed from every line.
    """
    buffer = io.StringIO()
    columns = width if width is not None else shutil.get_terminal_size().columns
    console = Console(
        file=buffer,
        no_color=not colour,
        force_terminal=colour or None,
        color_system="auto" if colour else None,
        width=columns,
        highlight=False,
        emoji=False,
        markup=False,
    )
    all_consistent = all(row.status == "consistent" for row in rows)
    title = Text("What the claims imply: ", style="bold")
    title.append(heading)
    if rows and all_consistent and columns < NARROW:
        title.append("; no claims contradict each other")
    console.print(title)
    if not rows:
        console.print("No claims: nothing to reconcile.")
    else:
        console.print(_table(rows, narrow=columns < NARROW, status=not all_consistent))
        head = Text("Rules: ", style="bold")
        head.append("stated = a source's own figure for this count and date; numbers = the ")
        head.append("rules that derive it:")
        console.print(head)
        console.print(_legend(rows))
        derived = [(n, row) for n, row in enumerate(rows, start=1) if row.derivations]
        if derived:
            console.print()
            console.print(
                Text("How each derived range adds up, with the sentence to quote", "bold")
            )
            console.print(_derivations(derived))
    _flush(buffer, file, colour)


#: Below this width the table leaves out what it can (the status column when every row is
#: consistent) and lets the rule numbers wrap, so that what is counted stays readable.
NARROW: Final = 100


def _table(rows: Sequence[Row], *, narrow: bool, status: bool) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        header_style="bold",
        padding=(0, 1),
    )
    several_wars = len({row.war for row in rows}) > 1
    table.add_column("#", justify="right", no_wrap=True)
    if several_wars:
        table.add_column("War", no_wrap=True)
    table.add_column("What is counted", overflow="fold", min_width=24)
    table.add_column("By", no_wrap=True)
    table.add_column("Range", justify="right", no_wrap=True, style="bold")
    show_status = status or not narrow
    if show_status:
        table.add_column("Status", no_wrap=True)
    table.add_column("Rules", no_wrap=not narrow, max_width=9 if narrow else None)
    for number, row in enumerate(rows, start=1):
        cells: list[str | Text] = [str(number)]
        if several_wars:
            cells.append(row.war)
        cells += [
            cite.describe(row.scope),
            _short_date(row),
            range_text(row.low, row.high),
        ]
        if show_status:
            cells.append(Text(row.status, style=_STATUS_STYLE.get(row.status, "")))
        cells.append(_how(row))
        table.add_row(*cells)
    return table


def _legend(rows: Sequence[Row]) -> Table:
    used = [r for r in RULE_ORDER if any(r in row.rules for row in rows)]
    extra = sorted({r for row in rows for r in row.rules if r not in RULE_ORDER} - {"claim"})
    legend = Table.grid(padding=(0, 1), pad_edge=True)
    legend.add_column(justify="right", no_wrap=True)
    legend.add_column(overflow="fold")
    for name in [*used, *extra]:
        key = str(RULE_ORDER.index(name) + 1) if name in RULE_ORDER else name
        legend.add_row(f"{key}.", cite.rule_words(name))
    return legend


def _derivations(derived: Sequence[tuple[int, Row]]) -> Table:
    entries = Table.grid(padding=(0, 1))
    entries.add_column(justify="right", no_wrap=True, style="bold")
    entries.add_column(overflow="fold")
    for number, row in derived:
        entries.add_row(str(number), Text(row.sentence))
        for derivation in row.derivations:
            entries.add_row("", Padding(Text(derivation, style="dim"), (0, 0, 0, 2)))
    return entries


def _flush(buffer: io.StringIO, file: IO[str], colour: bool) -> None:
    text = buffer.getvalue()
    if not colour:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    file.write(text)
    file.flush()
