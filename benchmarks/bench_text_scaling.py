"""How the text readers' time grows with input length, on pathological inputs.

Run ``.venv/bin/python benchmarks/bench_text_scaling.py [--sizes 10000 100000 1000000]
[--max-kb K] [--only NAME] [--repeat R]`` (``--max-kb K``: sizes 10 kB, 20 kB, 40 kB ... up to
``K`` kB instead of ``--sizes``).

Each *entry* is one function of the library that reads text, with the inputs that once made it
slow (runs of commas, huge numerals, chains of scale words, long words, deep brackets...). For
each entry, input and size (in characters) the script prints the best of ``R`` timings and, at
the end of the row, the growth from the smallest to the largest size against linear growth: a
linear reader grows by about the size ratio (100 from 10 kB to 1 MB), a quadratic one by its
square. A call that raises the library's own error is timed like one that succeeds (refusing
quickly is the point); any other exception stops the script.

To add a function, add one ``Entry`` to ``ENTRIES``: a name, a callable taking the text, the
inputs (a name and a function from a size to a text of that many characters) and, for a slow
function, how many timings to take at most.

``extract`` is timed on three texts repeated to the size: news paragraphs, ``"1 "`` repeated
(every token a number) and one long sentence of figures with no full stop.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import karabakh_tolls as kt
from karabakh_tolls.errors import KarabakhTollsError


@dataclass(frozen=True)
class Entry:
    """One text-reading function and the pathological inputs it is timed on."""

    name: str
    run: Callable[[str], object]
    inputs: dict[str, Callable[[int], str]]
    repeat: int | None = None  # at most this many timings (None: --repeat)


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """``head + unit * k + tail`` cut or padded to exactly ``size`` characters."""
    body = unit * max(1, (size - len(head) - len(tail)) // len(unit) + 1)
    text = head + body
    return text[: size - len(tail)] + tail


def _parse(text: str) -> object:
    try:
        return kt.Figure.parse(text)
    except KarabakhTollsError as error:  # a quick refusal is a result too
        return error


PARSE_INPUTS: dict[str, Callable[[int], str]] = {
    "1,,,,...,a": lambda n: _fill(",", n, "1", "a"),
    "digits": lambda n: _fill("1", n),
    "1.5555...": lambda n: _fill("5", n, "1."),
    "1 thousand thousand...": lambda n: _fill(" thousand", n, "1"),
    "more than 6,000....": lambda n: _fill(".", n, "more than 6,000"),
    "((((146))))": lambda n: _fill("(", n // 2, "") + "146" + _fill(")", n - n // 2 - 3),
    "5 people people...": lambda n: _fill(" people", n, "5"),
    "aaaa (one word)": lambda n: _fill("a", n),
    "one one one...": lambda n: _fill("one ", n),
    "1-----2": lambda n: _fill("-", n, "1", "2"),
    "spaces": lambda n: _fill(" ", n, "more than", "5"),
}


def _extract(text: str) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return kt.extract(text, published="2020-10-12", document="b")
        except KarabakhTollsError as error:
            return error


PARAGRAPH = (
    "Azerbaijan's Prosecutor General's Office said on Monday that 42 Azerbaijani civilians had "
    "been killed and 206 wounded since the fighting began on September 27. A missile strike on "
    "the city of Ganja on Sunday killed nine people and wounded 34 others, the office said.\n"
)
EXTRACT_INPUTS: dict[str, Callable[[int], str]] = {
    "news paragraphs": lambda n: _fill(PARAGRAPH, n),
    '"1 " repeated': lambda n: _fill("1 ", n),
    "one sentence of figures": lambda n: _fill("12 civilians were killed, ", n),
}

ENTRIES: tuple[Entry, ...] = (
    Entry("Figure.parse", _parse, PARSE_INPUTS),
    Entry("extract", _extract, EXTRACT_INPUTS, repeat=1),
)


def _best(run: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--max-kb", type=int, help="sizes 10 kB, 20 kB, ... up to this")
    parser.add_argument("--only", help="time only the entry of this name")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    if args.max_kb:
        sizes = [10 * 2**i * 1024 for i in range(20) if 10 * 2**i <= args.max_kb]
    kt.Figure.parse("5 people")  # load the hedge table and pint once, outside the timings
    head = f"{'function':<14} {'input':<24}" + "".join(f"{f'{n:,} ch':>14}" for n in sizes)
    print(head + f"{'growth':>10}{'linear':>9}")
    for entry in ENTRIES:
        if args.only and entry.name != args.only:
            continue
        for label, make in entry.inputs.items():
            times = []
            for size in sizes:
                text = make(size)
                assert len(text) == size, (label, size, len(text))
                times.append(_best(entry.run, text, min(args.repeat, entry.repeat or args.repeat)))
            growth = times[-1] / max(times[0], 1e-9)
            cells = "".join(f"{t * 1000:>11.2f} ms" for t in times)
            print(
                f"{entry.name:<14} {label:<24}{cells}{growth:>9.0f}x{sizes[-1] / sizes[0]:>8.0f}x"
            )
            sys.stdout.flush()


if __name__ == "__main__":
    main()
