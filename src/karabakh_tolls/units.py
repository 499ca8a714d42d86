"""The one pint unit registry of karabakh_tolls.

The registry defines a ``person`` unit with a dimension of its own, ``[people]``, so that a count
of people can never be confused with a percentage (dimensionless), a calibre or a distance
(``[length]``) or a duration (``[time]``). :func:`is_people` is the one test the rest of the
package uses to decide whether a quantity counts people.

This module imports only pint and :mod:`karabakh_tolls.errors`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pint

__all__ = ["PEOPLE", "Quantity", "is_people", "people", "registry"]

PEOPLE = "[people]"

Quantity = pint.Quantity


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """Return the package's unit registry (built once, on first use).

    Examples
    --------
    >>> ureg = registry()
    >>> str(ureg.Quantity(146, "person").dimensionality)
    '[people]'
    """
    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.define("person = [people] = people = persons")
    # Words the press uses for people; each is exactly one person.
    for word in ("civilian", "soldier", "serviceman", "victim", "resident", "casualty"):
        ureg.define(f"{word} = person")
    return ureg


def people(n: int) -> Any:
    """A pint quantity of ``n`` people.

    Examples
    --------
    >>> people(3)
    <Quantity(3, 'person')>
    """
    return registry().Quantity(n, "person")


def is_people(quantity: Any) -> bool:
    """True when ``quantity`` (a pint quantity or a unit expression) counts people.

    Examples
    --------
    >>> is_people(people(2))
    True
    >>> is_people(registry()("300 mm"))
    False
    >>> is_people(registry()("50 percent"))
    False
    """
    ureg = registry()
    if isinstance(quantity, str):
        try:
            quantity = ureg(quantity)
        except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
            return False
    dimensionality = getattr(quantity, "dimensionality", None)
    return dimensionality is not None and dict(dimensionality) == {PEOPLE: 1}
