"""The full text of a database's documents, read again from their source files.

A results database keeps a document's formulas, identifiers, definiens and the sentences they
came from, not its running text; yet the words of the whole text say best which field a document
belongs to. :func:`source_texts` reads each document's source again with the ingest stage's
readers and parsers (the same text ``definiens run`` analysed: formulas become placeholders,
LaTeX metadata such as ``\\pmclassification`` and wiki ``[[Category:…]]`` links are not part of
it) and returns the plain text, without the formula placeholders.

Sources that are gone or unreadable are left out (the caller falls back to what the database
holds); nothing here reads a document's labels.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from definiens.errors import DefiniensError
from definiens.ingest import file_kind, parse, read_inputs
from definiens.model import PLACEHOLDER_PREFIX, Document
from definiens.namespaces.data import DocumentPairs, Pair

__all__ = ["from_document", "plain_text", "source_texts"]

logger = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}\d+")


def plain_text(document: Document) -> str:
    """The parsed text of a document without its formula placeholders."""
    return _PLACEHOLDER.sub(" ", parse(document).text)


def _read(source: str, wanted: set[str]) -> dict[str, str]:
    """The texts of the documents of one source, by document id; a file holding one document
    (LaTeX, Markdown, wikitext) gives it under the id ``""``."""
    path = Path(source)
    single = file_kind(path) not in (None, "mediawiki")
    texts: dict[str, str] = {}
    try:
        for item in read_inputs([path]):
            if not isinstance(item, Document) or not (single or item.id in wanted):
                continue
            try:
                texts["" if single else item.id] = plain_text(item)
            except DefiniensError as exc:
                logger.debug("%s: %s: cannot parse: %s", source, item.id, exc)
    except DefiniensError as exc:
        logger.debug("%s: cannot read: %s", source, exc)
    return texts


def source_texts(documents: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The plain text of each ``(source, id)`` document whose source can still be read."""
    wanted: dict[str, set[str]] = {}
    for source, doc_id in documents:
        wanted.setdefault(source, set()).add(doc_id)
    texts: dict[tuple[str, str], str] = {}
    missing = 0
    for source, ids in wanted.items():
        if not Path(source).is_file():
            missing += len(ids)
            continue
        found = _read(source, ids)
        for doc_id in ids:
            text = found.get(doc_id, found.get(""))
            if text is not None:
                texts[(source, doc_id)] = text
    if missing:
        logger.warning("%d documents: source file not found, their text is not read", missing)
    return texts


def from_document(document: Document, labels: tuple[str, ...] = ()) -> DocumentPairs:
    """A document of the pipeline (after the define stage) as the clustering sees it: the best
    meaning of each identifier, the identifiers of its formulas it leaves undefined as uses, its
    title, the sentences of its meanings, its formulas' TeX and its text."""
    pairs = [
        Pair(identifier, items[0].text, items[0].score)
        for identifier, items in document.definitions.items()
        if items
    ]
    defined = {pair.identifier for pair in pairs}
    used = dict.fromkeys(i.tex for f in document.formulas for i in f.identifiers)
    pairs += [Pair(identifier, "", 0.0) for identifier in used if identifier not in defined]
    sentences = {d.sentence for items in document.definitions.values() for d in items}
    return DocumentPairs(
        document.title if document.format == "wikitext" else document.id,
        labels,
        pairs,
        names=(document.title,),
        sentences=tuple(sorted(s for s in sentences if s)),
        formulas=tuple(f.tex for f in document.formulas),
        text=_PLACEHOLDER.sub(" ", document.text),
    )
