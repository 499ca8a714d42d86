"""How ``kt.extract`` time grows with the length of the text (it should grow linearly).

Usage: ``.venv/bin/python benchmarks/bench_text_scaling.py [--max-kb 1024]``.

Three texts are repeated to 10 kB ... 1 MB: a news paragraph, ``"1 "`` repeated (every token a
number), and one long sentence of figures (no sentence break at all). For each size it prints
the time and the ratio to the previous size; a linear extractor shows ratios near the size
ratio (2x), a quadratic one near 4x.
"""

from __future__ import annotations

import sys
import time
import warnings

from karabakh_tolls.extract import extract

PARAGRAPH = (
    "Azerbaijan's Prosecutor General's Office said on Monday that 42 Azerbaijani civilians had "
    "been killed and 206 wounded since the fighting began on September 27. A missile strike on "
    "the city of Ganja on Sunday killed nine people and wounded 34 others, the office said.\n"
)
TEXTS = {
    "news paragraphs": PARAGRAPH,
    '"1 " repeated': "1 ",
    "one sentence of figures": "12 civilians were killed, ",
}


def main() -> None:
    """Print the time of each text at each size."""
    max_kb = int(sys.argv[sys.argv.index("--max-kb") + 1]) if "--max-kb" in sys.argv else 1024
    sizes = [10 * 2**i for i in range(12) if 10 * 2**i <= max_kb]
    for name, unit in TEXTS.items():
        print(f"== {name}")
        previous = None
        for kb in sizes:
            text = unit * (kb * 1024 // len(unit))
            began = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                claims = extract(text, published="2020-10-12", document="b")
            elapsed = time.perf_counter() - began
            ratio = f"{elapsed / previous:4.1f}x" if previous else "   -"
            print(f"  {kb:>5} kB  {elapsed:8.3f} s  {ratio}  ({len(claims)} claims)")
            previous = elapsed


if __name__ == "__main__":
    main()
