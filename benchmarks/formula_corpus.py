"""Formulas of the shared data, for the identifier benchmarks and the robustness run.

A deliberately simple reader, independent of ``definiens.ingest``: ``<math>…</math>`` of the
wiki XML after HTML unescaping, and ``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]`` and display
environments of the PlanetMath LaTeX files (read straight from the tarball).
"""

from __future__ import annotations

import html
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["DEFAULT_DATA", "planetmath_formulas", "wiki_formulas"]

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

_MATH_TAG = re.compile(r"<math[^>]*>(.*?)</math\s*>", re.S | re.I)
_LATEX_MATH = re.compile(
    r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$|\\\[(.+?)\\\]|\\\((.+?)\\\)"
    r"|\\begin\{(equation|align|eqnarray|gather|multline|displaymath|math)(\*?)\}(.+?)"
    r"\\end\{\5\6\}",
    re.S,
)
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")


def wiki_formulas(path: Path) -> Iterator[str]:
    """The TeX of every ``<math>`` element of a MediaWiki XML file."""
    text = html.unescape(path.read_text(encoding="utf-8"))
    for match in _MATH_TAG.finditer(text):
        yield match.group(1)


def latex_formulas(source: str) -> Iterator[str]:
    """The formulas of one LaTeX document (body only, comments removed)."""
    body = source.split("\\begin{document}", 1)[-1]
    body = _COMMENT.sub("", body)
    for match in _LATEX_MATH.finditer(body):
        yield next(
            g
            for g in (
                match.group(1),
                match.group(2),
                match.group(3),
                match.group(4),
                match.group(7),
            )
            if g is not None
        )


def planetmath_formulas(tarball: Path) -> Iterator[str]:
    """The formulas of every ``.tex`` file of the PlanetMath tarball."""
    with tarfile.open(tarball) as archive:
        for member in archive:
            if not member.name.endswith(".tex"):
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            yield from latex_formulas(handle.read().decode("utf-8", errors="replace"))
