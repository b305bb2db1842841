"""What reading yields for each page or file: a :class:`Document`, :class:`Skipped` or
:class:`Failed`, and the cheap test for mathematics that decides which pages are parsed."""

from __future__ import annotations

from dataclasses import dataclass

from definiens.model import Document, Problem

__all__ = ["Failed", "Item", "Skipped", "has_math"]

_MATH_MARKERS = ("<math", "&lt;math", "{{math", "{{mvar", "{{ math", "{{ mvar")


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

    It runs on every page of a dump before any parsing, so it only lowercases and searches.
    """
    lowered = text.lower()
    return any(marker in lowered for marker in _MATH_MARKERS)
