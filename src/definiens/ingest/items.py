"""What reading yields for each page or file: a :class:`Document`, :class:`Skipped` or
:class:`Failed`, and the cheap test for mathematics that decides which pages are parsed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from definiens.model import Document, Problem

__all__ = ["Failed", "Item", "Skipped", "has_math"]

#: ``<math``, ``&lt;math``, ``{{math``, ``{{mvar`` (a space may follow the braces), any case.
_MATH_MARKER = re.compile(r"<math|&lt;math|\{\{ ?(?:math|mvar)", re.IGNORECASE)


@dataclass
class Skipped:
    """A page read and deliberately left out (a redirect, another namespace, no math)."""

    source: str
    id: str
    title: str
    reason: str


@dataclass
class Failed:
    """A page or file that is damaged beyond reading; ``problem`` says where and why."""

    source: str
    id: str
    title: str
    problem: Problem


Item = Document | Skipped | Failed


def has_math(text: str) -> bool:
    """Whether wikitext may contain a formula (``<math``, ``{{math``, ``{{mvar``; any case).

    It runs on every page of a dump before any parsing: one case-insensitive regex search,
    no copy of the text (lowercasing each page first cost about twice as much).
    """
    return _MATH_MARKER.search(text) is not None
