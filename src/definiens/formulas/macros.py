"""Macros a LaTeX document defines for itself, so its formulas can be read through them.

PlanetMath entries, like most LaTeX papers, define shorthands in the preamble
(``\\newcommand{\\R}{\\mathbb{R}}``, ``\\DeclareMathOperator{\\Hom}{Hom}``,
``\\newcommand{\\pdiff}[2]{\\frac{\\partial #1}{\\partial #2}}``). :func:`find_macros` collects
them; the reader expands them in place of flagging ``unknown_macro``. :func:`page_macros`
says which macros a document's formulas are read through.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from definiens.model import Document

__all__ = ["Macro", "expand", "find_macros", "page_macros"]

_DEFINITION = re.compile(
    r"\\(?:(?:re|provide)?newcommand\*?\s*\{?\s*(\\[A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?"
    r"|(DeclareMathOperator)\*?\s*\{?\s*(\\[A-Za-z]+)\s*\}?"
    r"|def\s*(\\[A-Za-z]+)((?:#\d)*))\s*(?=\{)"
)


_INTERNAL = re.compile(r"\\[A-Za-z]*@")


class Macro(NamedTuple):
    """A macro with ``arguments`` parameters (``#1``…) and its replacement text."""

    arguments: int
    body: str


def _group(source: str, start: int) -> tuple[str, int] | None:
    """The content of the balanced ``{…}`` opening at ``start``, and the offset after it."""
    level = 0
    i = start
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            level += 1
        elif char == "}":
            level -= 1
            if level == 0:
                return source[start + 1 : i], i + 1
        i += 1
    return None


def page_macros(document: Document) -> dict[str, Macro] | None:
    """The macros the formulas of ``document`` are read through: those a LaTeX document
    defines in its source (None for other formats). The identify stage and the query formulas
    of an evaluation read a page the same way; the last few sources' macros are kept (an
    evaluation asks once per query formula), and must not be changed by the caller."""
    if document.format != "latex":
        return None
    return _source_macros(document.source_text)


@functools.lru_cache(maxsize=8)
def _source_macros(source: str) -> dict[str, Macro]:
    return find_macros(source)


def find_macros(source: str) -> dict[str, Macro]:
    """The macros defined in a LaTeX document (later definitions win)."""
    macros: dict[str, Macro] = {}
    for match in _DEFINITION.finditer(source):
        found = _group(source, match.end())
        if found is None:
            continue
        body = found[0]
        name = match.group(1) or match.group(4) or match.group(5)
        if _INTERNAL.search(body) or re.search(re.escape(name) + r"(?![A-Za-z])", body):
            continue  # LaTeX internals (\@ifnextchar) or a macro that calls itself
        if match.group(1):
            macros[match.group(1)] = Macro(int(match.group(2) or 0), body)
        elif match.group(4):
            macros[match.group(4)] = Macro(0, "\\operatorname{" + body + "}")
        elif match.group(5):
            macros[match.group(5)] = Macro(len(match.group(6) or "") // 2, body)
    return macros


def expand(macro: Macro, arguments: list[str]) -> str:
    """The replacement text of ``macro`` with its parameters replaced by ``arguments``."""
    if not macro.arguments:
        return macro.body
    return re.sub(
        r"#([1-9])",
        lambda m: (
            "{" + arguments[int(m.group(1)) - 1] + "}" if int(m.group(1)) <= len(arguments) else ""
        ),
        macro.body,
    )
