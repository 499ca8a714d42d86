"""The optional extra of the extractor: what to install when a library of it is missing."""

from __future__ import annotations

from karabakh_tolls.errors import KarabakhTollsError

__all__ = ["MissingExtraError", "missing_extra", "require_extra"]

EXTRA = "extract"
LIBRARIES = ("dateparser", "number_parser")


class MissingExtraError(KarabakhTollsError, ImportError):
    """A library of an optional extra is not installed; the message names the extra.

    >>> "pip install 'karabakh_tolls[extract]'" in str(MissingExtraError("dateparser"))
    True
    """

    def __init__(self, library: str, extra: str = EXTRA) -> None:
        self.library = library
        self.extra = extra
        super().__init__(library, extra)

    def __str__(self) -> str:
        return (
            f"karabakh_tolls.extract needs {self.library!r}, part of the optional extra "
            f"{self.extra!r}: pip install 'karabakh_tolls[{self.extra}]'"
        )


def missing_extra(library: str) -> MissingExtraError:
    """The error raised when ``library`` of the extra cannot be imported."""
    return MissingExtraError(library)


def require_extra() -> None:
    """Raise :class:`MissingExtraError` unless every library of the extra imports."""
    import importlib.util

    for library in LIBRARIES:
        if importlib.util.find_spec(library) is None:
            raise MissingExtraError(library.replace("_", "-"))
