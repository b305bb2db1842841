"""The ``parse`` stage: a freshly read document (``source_text`` and ``format`` set) becomes
plain text with formula placeholders, formulas, links and the offset map, by its format."""

from __future__ import annotations

import logging
from collections.abc import Callable

from definiens.errors import DefiniensError, ParseError
from definiens.ingest.latex import parse_latex
from definiens.ingest.markdown import parse_markdown
from definiens.ingest.scopes import find_scopes
from definiens.ingest.wikitext import parse_wikitext
from definiens.memory import collector_paused
from definiens.model import Document

__all__ = ["FORMATS", "parse"]

logger = logging.getLogger(__name__)


_PARSERS: dict[str, Callable[..., Document]] = {
    "wikitext": parse_wikitext,
    "latex": parse_latex,
    "markdown": parse_markdown,
}
FORMATS = tuple(_PARSERS)


def parse(
    document: Document, *, max_formulas: int | None = None, max_scopes: int | None = None
) -> Document:
    """Fill ``text``, ``offsets``, ``formulas`` and ``links`` of ``document`` from its source.

    Damaged pieces (an unclosed ``<math>``, an unbalanced ``$``) are reported on the document
    (at most :data:`~definiens.ingest.builder.MAX_REPORTED` of each kind listed) and parsed best
    effort; :class:`~definiens.errors.ParseError` only when the document cannot be parsed at
    all. With ``max_formulas``, reading stops before the formula after that many, with a
    ``too-complex`` problem (the web server reads requests so); with ``max_scopes``, only the
    first so many sections and environments are scopes (the others reported so).
    """
    parser = _PARSERS.get(document.format)
    location = f"{document.source}: {document.title}"
    if parser is None:
        raise ParseError(f"unknown document format {document.format!r}", location=location)
    try:
        with collector_paused():  # tokens, formulas, offsets: many objects, no cycles
            document = parser(document, max_formulas=max_formulas)
            document.scopes = find_scopes(document, max_scopes)
        return document
    except DefiniensError:
        raise
    except (ValueError, IndexError, RecursionError) as exc:
        raise ParseError(f"cannot parse: {type(exc).__name__}: {exc}", location=location) from exc
