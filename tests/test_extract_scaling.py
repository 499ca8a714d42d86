"""Extraction work grows linearly with the text: Python line events are counted, not timed."""

from __future__ import annotations

import sys
import warnings
from types import FrameType
from typing import Any

import pytest

from karabakh_tolls.extract import extract

PATHOLOGICAL = {
    "every token a number": "1 ",
    "one sentence of figures": "12 civilians were killed, ",
    "news": "The ministry said on Monday that 42 civilians had been killed in Ganja. ",
    "commas after a digit": "1,",
    "capitalised words": "Aa ",
    # one clause holding many figures and places: each place is given to one figure
    "places of one clause": "12 people were killed in Ganja and 3 in Barda, ",
    # document context: subject places, continued statements, "there", the incident told before
    "continued statements": "In Ganja, the ministry added that 5 died there in the blast. ",
    "parts of the sentence before": "Of them, 3 were children, the ombudsman said. ",
}


def _steps(text: str) -> int:
    """Line events executed inside karabakh_tolls while extracting ``text``."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if "karabakh_tolls" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    extract("warm up: 5 died.", published="2020-10-06")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sys.settrace(tracer)
        try:
            extract(text, published="2020-10-06")
        finally:
            sys.settrace(None)
    return count


@pytest.mark.parametrize("unit", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_work_grows_linearly_with_the_text(unit: str) -> None:
    small = _steps(unit * (1500 // len(unit)))
    large = _steps(unit * (6000 // len(unit)))
    # four times the text: at most about four times the work (a quadratic scan gives ~16x)
    assert large <= 5 * small, (small, large)
