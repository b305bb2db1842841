"""Turn a processed :class:`~definiens.model.Document` into the JSON the HTTP API answers.

The payload is what the page needs to draw the text: the plain text with formula placeholders,
each formula with every occurrence of its identifiers (:mod:`definiens.web.occurrences`), and
each identifier's ranked meanings with provenance: the sentence, its span in the source and the
same span mapped into the plain text (``text_start``/``text_end``), so the page can highlight it.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import asdict
from typing import Any

from definiens.model import Definiens, Document, Formula, OffsetMap
from definiens.web.occurrences import find_occurrences

__all__ = ["document_payload", "occurrence_records", "payload_json", "source_to_text"]


def source_to_text(offsets: OffsetMap, position: int) -> int:
    """The offset of ``Document.text`` that source offset ``position`` maps to, or -1.

    A source offset that no text offset comes from (markup, a formula) maps to the start of the
    next text segment, so a span of source maps to the text written inside it.
    """
    if position < 0:
        return -1
    segments = sorted(offsets.segments, key=lambda seg: seg[1])
    if not segments:
        return position
    starts = [seg[1] for seg in segments]
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0:
        text_start, source_start, length = segments[i]
        if position < source_start + length:
            return text_start + position - source_start
    if i + 1 < len(segments):
        return segments[i + 1][0]
    text_start, _, length = segments[-1]
    return text_start + length


def occurrence_records(formula: Formula) -> list[dict[str, Any]]:
    """Every occurrence of the formula's identifiers, as ``{identifier, start, end}`` dicts."""
    return [asdict(o) for o in find_occurrences(formula)]


def _formula(formula: Formula) -> dict[str, Any]:
    record = asdict(formula)
    record["occurrences"] = occurrence_records(formula)
    return record


def _definiens(item: Definiens, document: Document) -> dict[str, Any]:
    record = asdict(item)
    start = source_to_text(document.offsets, item.source_start)
    end = source_to_text(document.offsets, item.source_end) if item.source_end >= 0 else -1
    if document.text and start >= 0 and end > start:
        record["text_start"], record["text_end"] = start, min(end, len(document.text))
    else:
        record["text_start"], record["text_end"] = -1, -1
    return record


def document_payload(document: Document) -> dict[str, Any]:
    """The JSON-ready answer for one processed document."""
    return {
        "id": document.id,
        "title": document.title,
        "format": document.format,
        "text": document.text,
        "formulas": [_formula(f) for f in document.formulas],
        "links": [asdict(link) for link in document.links],
        "definitions": {
            ident: [_definiens(d, document) for d in items]
            for ident, items in document.definitions.items()
        },
        "problems": [asdict(p) for p in document.problems],
    }


def payload_json(document: Document) -> bytes:
    """:func:`document_payload` as compact UTF-8 JSON."""
    return json.dumps(document_payload(document), ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )
