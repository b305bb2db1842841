"""Flat, picklable records of documents: what a worker sends back and the writer stores.

A :class:`DocumentRecord` holds plain tuples in the column order of the tables of
:mod:`definiens.store.schema`, so it crosses process (and network) boundaries cheaply and the
writer inserts it without further work. The plain text and its layout (offset map, formula
placeholder spans) are kept compressed (:mod:`definiens.store.texts`); the source text is not
kept: spans point into the input.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from definiens.model import Definiens, Document
from definiens.store.texts import pack_layout, pack_text

__all__ = [
    "FAILED",
    "PROCESSED",
    "SKIPPED",
    "DocumentRecord",
    "failed_record",
    "record_of",
    "skipped_record",
]

PROCESSED = "processed"
SKIPPED = "skipped"
FAILED = "failed"
NO_FORMULAS = "no formulas found when parsing"


class DocumentRecord(NamedTuple):
    """One document as rows: the ``documents`` row and the rows of its child tables."""

    source: str
    id: str
    title: str
    format: str
    metadata: str
    status: str
    reason: str | None
    formulas: list[tuple[Any, ...]]
    identifiers: list[tuple[Any, ...]]
    definitions: list[tuple[Any, ...]]
    problems: list[tuple[str, str, str]]
    text: bytes | None = None
    layout: bytes | None = None
    scopes: tuple[tuple[Any, ...], ...] = ()
    scoped: tuple[tuple[Any, ...], ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.source, self.id


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record_of(document: Document) -> DocumentRecord:
    """The record of a document that went through the stages.

    A document in which parsing found no formula at all is recorded as skipped (no math); its
    text is kept all the same (the namespaces step places such documents by their words).
    """
    formulas = [
        (
            f.index,
            f.tex,
            int(f.display),
            f.markup,
            f.source_start,
            f.source_end,
            _json(f.flags),
        )
        for f in document.formulas
    ]
    identifiers = [
        (f.index, i.tex, i.start, i.end, i.count, seq, _json([list(p) for p in i.spans]), i.scope)
        for f in document.formulas
        for seq, i in enumerate(f.identifiers)
    ]
    definitions = _definition_rows(document.definitions)
    scopes = [
        (k, s.kind, s.title, s.level, s.start, s.end, s.source_start, s.source_end)
        for k, s in enumerate(document.scopes)
    ]
    scoped = [
        (index, *row)
        for index, meanings in sorted(document.scoped.items())
        for row in _definition_rows(meanings)
    ]
    problems = [(p.kind, p.message, p.location) for p in document.problems]
    status, reason = (PROCESSED, None) if formulas else (SKIPPED, NO_FORMULAS)
    has_text = bool(document.text or document.offsets.segments or document.formulas)
    spans = [(f.text_start, f.text_end) for f in document.formulas]
    return DocumentRecord(
        source=document.source,
        id=str(document.id),
        title=document.title,
        format=document.format,
        metadata=_json(document.metadata),
        status=status,
        reason=reason,
        formulas=formulas,
        identifiers=identifiers,
        definitions=definitions,
        problems=problems,
        text=pack_text(document.text) if has_text else None,
        layout=pack_layout(document.offsets.segments, spans) if has_text else None,
        scopes=tuple(scopes),
        scoped=tuple(scoped),
    )


def _definition_rows(definitions: dict[str, list[Definiens]]) -> list[tuple[Any, ...]]:
    return [
        (
            ident,
            rank,
            d.text,
            float(d.score),
            d.method,
            d.sentence,
            d.source_start,
            d.source_end,
            d.link_target,
        )
        for ident, items in definitions.items()
        for rank, d in enumerate(items)
    ]


def failed_record(document: Document | Any, reason: str) -> DocumentRecord:
    """The record of a document (or a reader's ``Failed`` item) that could not be processed."""
    metadata = getattr(document, "metadata", None) or {}
    return DocumentRecord(
        source=str(document.source),
        id=str(document.id),
        title=str(document.title),
        format=str(getattr(document, "format", "") or ""),
        metadata=_json(metadata),
        status=FAILED,
        reason=reason,
        formulas=[],
        identifiers=[],
        definitions=[],
        problems=[],
    )


def skipped_record(item: Any) -> DocumentRecord:
    """The record of a reader's ``Skipped`` item (a page without mathematics)."""
    return DocumentRecord(
        source=str(item.source),
        id=str(item.id),
        title=str(item.title),
        format=str(getattr(item, "format", "") or ""),
        metadata="{}",
        status=SKIPPED,
        reason=str(item.reason),
        formulas=[],
        identifiers=[],
        definitions=[],
        problems=[],
    )
