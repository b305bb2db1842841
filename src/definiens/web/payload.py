"""Turn a processed :class:`~definiens.model.Document` into the JSON the HTTP API answers.

The payload is the one document record (:mod:`definiens.serial`: the plain text with formula
placeholders, its offset map, formulas, definitions, problems) with what the page adds to draw
it: each formula with every occurrence of its identifiers (the ``Identifier.spans`` the identify
stage stored), each meaning's span mapped into the plain text (``text_start``/``text_end``) and
the span of its sentence there, so the page can highlight it, and the ``layout`` of the text
(headings, paragraphs, environments, lists: :mod:`definiens.web.layout`).
``serial.from_record`` reads it back.
"""

from __future__ import annotations

import json
import re
from typing import Any

from definiens import serial
from definiens.model import Definiens, Document, Formula, OffsetMap
from definiens.web.layout import layout_record
from definiens.web.positions import TextPositions

__all__ = [
    "document_payload",
    "occurrence_records",
    "payload_json",
    "sentence_span",
    "source_to_text",
]

# The define stage shows each formula of a sentence as ``$tex$``; in the text it is a placeholder.
_SHOWN_FORMULA = re.compile(r"(\$[^$]*\$)")
_BOUNDARY = re.compile(r"[.!?](?=\s)|\n\s*\n")


def source_to_text(offsets: OffsetMap, position: int) -> int:
    """The offset of ``Document.text`` that source offset ``position`` maps to, or -1.

    A source offset that no text offset comes from (markup, a formula) maps to the start of the
    next text segment, so a span of source maps to the text written inside it. (For many
    look-ups, make one :class:`~definiens.web.positions.TextPositions` instead.)
    """
    text_length = max((t + n for t, _, n in offsets.segments), default=position)
    return TextPositions(offsets, text_length).after(position)


def occurrence_records(formula: Formula) -> list[dict[str, Any]]:
    """Every occurrence of the formula's identifiers, as ``{identifier, start, end, scope}``
    dicts in order: the ``spans`` the identify stage stored on each identifier, serialised,
    with the identifier's ``scope`` (where its meanings are read there; -1: the document's)."""
    records = [
        {"identifier": identifier.tex, "start": start, "end": end, "scope": identifier.scope}
        for identifier in formula.identifiers
        for start, end in identifier.spans
    ]
    return sorted(records, key=lambda record: record["start"])


def _sentence_pattern(sentence: str) -> re.Pattern[str]:
    parts = []
    for piece in _SHOWN_FORMULA.split(sentence):
        if _SHOWN_FORMULA.fullmatch(piece):
            parts.append(r"FORMULA\d+")
        elif piece.strip():
            parts.append(r"\s*" + r"\s+".join(map(re.escape, piece.split())) + r"\s*")
    return re.compile("".join(parts))


#: How far before a mention the start of its sentence is looked for.
_SENTENCE_REACH = 4000


def _nearest_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span between the sentence boundaries around ``[start, end)`` (looked for at most
    :data:`_SENTENCE_REACH` characters away, so that many meanings of a long text do not read
    it again each)."""
    low = max(0, start - _SENTENCE_REACH)
    before = [m.end() for m in _BOUNDARY.finditer(text, low, start)]
    high = min(len(text), end + _SENTENCE_REACH)
    after = _BOUNDARY.search(text, end, high)
    left = before[-1] if before else low
    right = after.end() if after else high
    while left < start and text[left].isspace():
        left += 1
    return left, right


def sentence_span(text: str, sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span in ``text`` of the sentence (formulas as ``$tex$``) around ``[start, end)``.

    The sentence is looked for near the mention; if it is not found as written, the span
    between the sentence boundaries around the mention is used.
    """
    if start < 0 or end <= start:
        return -1, -1
    if sentence.strip():
        window = len(sentence) * 2 + 200
        low = max(0, start - window)
        for match in _sentence_pattern(sentence).finditer(text, low, min(len(text), end + window)):
            if match.start() <= start and end <= match.end():
                return match.start(), match.end()
    return _nearest_sentence(text, start, end)


def _definiens(item: Definiens, document: Document, positions: TextPositions) -> dict[str, Any]:
    record = serial.definiens_record(item)
    start = positions.after(item.source_start)
    end = positions.after(item.source_end) if item.source_end >= 0 else -1
    if document.text and start >= 0 and end > start:
        record["text_start"], record["text_end"] = start, min(end, len(document.text))
    else:
        record["text_start"], record["text_end"] = -1, -1
    span = sentence_span(document.text, item.sentence, record["text_start"], record["text_end"])
    record["sentence_start"], record["sentence_end"] = span
    return record


def document_payload(document: Document) -> dict[str, Any]:
    """The JSON-ready answer for one processed document, with its ``layout`` for the page."""
    record = serial.to_record(document)
    for formula, formula_record in zip(document.formulas, record["formulas"], strict=True):
        formula_record["occurrences"] = occurrence_records(formula)
    positions = TextPositions(document.offsets, len(document.text))
    record["definitions"] = _definitions(document.definitions, document, positions)
    record["scoped"] = {
        str(scope): _definitions(meanings, document, positions)
        for scope, meanings in document.scoped.items()
    }
    record["layout"] = layout_record(document, positions)
    return record


def _definitions(
    definitions: dict[str, list[Definiens]], document: Document, positions: TextPositions
) -> dict[str, list[dict[str, Any]]]:
    return {
        ident: [_definiens(d, document, positions) for d in items]
        for ident, items in definitions.items()
    }


def payload_json(document: Document) -> bytes:
    """:func:`document_payload` as compact UTF-8 JSON."""
    return json.dumps(document_payload(document), ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )
