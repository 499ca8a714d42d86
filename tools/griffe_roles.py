"""Render the numpydoc cross-reference roles of the docstrings as links in the docs site.

The docstrings are written for Python's help and IDEs, with roles such as
``:func:`~karabakh_tolls.reconcile``` and ``:class:`Resolution```. mkdocstrings shows such
roles as raw text, so this Griffe extension (loaded by ``mkdocs.yml``) rewrites every role,
once the package is loaded, into a cross-reference to the object it names: relative names are
resolved in the scope of the docstring's object, ``~`` shows only the last part of the name.
A reference to an object that no reference page renders becomes plain code, never a broken
link. Doctest blocks outside an ``Examples`` section (a ``>>>`` paragraph in the text) become
fenced ``pycon`` code, so they render as code rather than as Markdown quotes.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(func|class|meth|mod|data|attr|exc|obj|const):`(~?)\.?([^`]+?)`")


def _path(obj: griffe.Object, name: str) -> str:
    head, _, rest = name.partition(".")
    package = obj.package.name
    if head == package:
        return name
    for scope in (obj, obj.module):
        try:
            resolved = scope.resolve(head)
        except Exception:  # griffe raises several kinds; any means "not here"
            continue
        return f"{resolved}.{rest}" if rest else resolved
    return f"{package}.{name}"


def _rewrite(obj: griffe.Object, text: str) -> str:
    def link(match: re.Match[str]) -> str:
        role, short, name = match.groups()
        shown = name.rsplit(".", 1)[-1] if short else name
        if role in ("func", "meth"):
            shown += "()"
        target = _path(obj, name)
        return f'<autoref identifier="{target}" optional><code>{shown}</code></autoref>'

    return ROLE.sub(link, text)


def _fence_doctests(text: str) -> str:
    """Wrap every paragraph that opens with ``>>>`` in a ``pycon`` fence (not inside a fence)."""
    out: list[str] = []
    out_indent = ""
    fenced = in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_block and not stripped:
            out.append(out_indent + "```")
            in_block = False
        elif not in_block and not fenced and stripped.startswith(">>>"):
            out_indent = line[: len(line) - len(line.lstrip())]
            out.append(out_indent + "```pycon")
            in_block = True
        elif not in_block and stripped.startswith("```"):
            fenced = not fenced
        out.append(line)
    if in_block:
        out.append(out_indent + "```")
    return "\n".join(out)


def _walk(obj: griffe.Object) -> None:
    if obj.docstring is not None:
        obj.docstring.value = _fence_doctests(_rewrite(obj, obj.docstring.value))
    for member in obj.members.values():
        if not member.is_alias:
            _walk(member)  # type: ignore[arg-type]


class SphinxRoles(griffe.Extension):
    """Turn ``:func:`x``` and its kin into cross-references."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the docstrings of the whole package once it is loaded."""
        _walk(pkg)
