"""The ``parse`` stage and helpers built on it: :func:`parse`, :func:`from_text`,
:func:`find_formula`.

``parse`` turns a freshly read document (``source_text`` and ``format`` set) into plain text
with formula placeholders, formulas, links and the offset map, dispatching on the format.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from definiens.errors import DefiniensError, ParseError, UsageError
from definiens.ingest.latex import latex_metadata, parse_latex
from definiens.ingest.markdown import parse_markdown
from definiens.ingest.wikisyntax import categories
from definiens.ingest.wikitext import parse_wikitext
from definiens.model import Document, Formula

__all__ = ["FORMATS", "find_formula", "from_text", "parse"]

logger = logging.getLogger(__name__)


_PARSERS: dict[str, Callable[[Document], Document]] = {
    "wikitext": parse_wikitext,
    "latex": parse_latex,
    "markdown": parse_markdown,
}
FORMATS = tuple(_PARSERS)


def parse(document: Document) -> Document:
    """Fill ``text``, ``offsets``, ``formulas`` and ``links`` of ``document`` from its source.

    Damaged pieces (an unclosed ``<math>``, an unbalanced ``$``) are reported on the document
    and parsed best effort; :class:`~definiens.errors.ParseError` only when the document
    cannot be parsed at all.
    """
    parser = _PARSERS.get(document.format)
    location = f"{document.source}: {document.title}"
    if parser is None:
        raise ParseError(f"unknown document format {document.format!r}", location=location)
    try:
        return parser(document)
    except DefiniensError:
        raise
    except (ValueError, IndexError, RecursionError) as exc:
        raise ParseError(f"cannot parse: {type(exc).__name__}: {exc}", location=location) from exc


def from_text(
    text: str, format: str = "markdown", *, title: str = "text", id: str = "text"
) -> Document:
    """A parsed document made from a string of wikitext, LaTeX or Markdown."""
    if format not in _PARSERS:
        raise UsageError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    document = Document(id=id, title=title, source="<text>", format=format, source_text=text)
    if format == "wikitext":
        document.metadata["categories"] = categories(text)
    elif format == "latex":
        document.metadata.update(latex_metadata(text))
    return parse(document)


_SPACING = re.compile(r"\\[,;:! ]|\\(?:displaystyle|textstyle|scriptstyle)\b|\s+")
_TRAILING = re.compile(r"[.,;:\\]+$")


def _tight(tex: str) -> str:
    return re.sub(r"\s+", "", tex)


def _loose(tex: str) -> str:
    tex = _SPACING.sub("", tex)
    tex = re.sub(r"\{([^{}])\}", r"\1", tex)
    return _TRAILING.sub("", tex)


def find_formula(document: Document, tex: str, fid: int | None = None) -> Formula | None:
    """The formula of ``document`` written ``tex`` (whitespace-insensitive), or None.

    ``fid`` is the formula's index among the page's ``<math>`` formulas (as the NTCIR /
    mathosphere gold counts them); when several formulas have the same TeX it picks the one
    nearest to it. If no formula matches exactly, spacing commands, braces around single
    characters and trailing punctuation are ignored; then a formula containing ``tex``, or
    contained in it, is accepted.
    """
    maths = sorted(
        (f for f in document.formulas if f.markup == "math"), key=lambda f: f.source_start
    )
    math_rank = {id(f): rank for rank, f in enumerate(maths)}

    def position(formula: Formula) -> int:
        return math_rank.get(id(formula), formula.index)

    def best(candidates: list[Formula]) -> Formula | None:
        if not candidates:
            return None
        if fid is None:
            return candidates[0]
        return min(candidates, key=lambda f: (abs(position(f) - fid), f.markup != "math"))

    for key in (_tight, _loose):
        wanted = key(tex)
        found = best([f for f in document.formulas if key(f.tex) == wanted])
        if found is not None:
            return found
    wanted = _loose(tex)
    if len(wanted) < 3:
        return None
    return best([f for f in document.formulas if _overlaps(_loose(f.tex), wanted)])


def _overlaps(have: str, wanted: str) -> bool:
    """One TeX contains the other, and the shorter is at least half the longer."""
    short, long = sorted((have, wanted), key=len)
    return len(short) * 2 >= len(long) and short in long
