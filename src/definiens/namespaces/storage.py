"""Namespaces and the results database: read the documents' pairs, write the namespaces, and
answer "what does this identifier mean in that namespace".

Reads and writes go through :class:`definiens.store.Database` (its ``namespaces``,
``namespace_definitions`` and ``namespace_documents`` tables, see docs/schema.md).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

from definiens.errors import StoreError
from definiens.namespaces.data import Clustering, DocumentPairs, Namespace, Pair
from definiens.namespaces.sources import source_texts
from definiens.store import Database

__all__ = [
    "define_in_namespace",
    "document_id",
    "labels_of",
    "load_documents",
    "names_of",
    "namespace_names",
    "save_namespaces",
]

logger = logging.getLogger(__name__)

_DOCUMENTS = "SELECT doc, id, title, format, metadata, source, status FROM documents ORDER BY doc"
_PAIRS = "SELECT doc, identifier, definiens, score FROM definitions WHERE rank < :ranks"
_USES = "SELECT DISTINCT doc, identifier FROM identifiers"
_SENTENCES = (
    "SELECT DISTINCT doc, sentence FROM definitions WHERE sentence != '' ORDER BY doc, sentence"
)
_FORMULAS = "SELECT doc, tex FROM formulas ORDER BY doc, formula"
_IN_NAMESPACE = """
SELECT nd.definiens, nd.score, nd.documents
FROM namespace_definitions AS nd JOIN namespaces AS n ON n.namespace = nd.namespace
WHERE nd.identifier = ? AND n.name = ?
ORDER BY nd.score DESC, nd.documents DESC, nd.definiens
"""


def document_id(doc_id: str, title: str, fmt: str) -> str:
    """The id a person knows a document by: the title of a wiki page, else the reader's id
    (for LaTeX files, the path relative to the input folder)."""
    return title if fmt == "wikitext" else doc_id


def labels_of(metadata: dict[str, Any]) -> tuple[str, ...]:
    """A document's labels: its top-level MSC classes if it has any, else its categories."""
    labels = metadata.get("msc_top") or metadata.get("categories") or ()
    return tuple(str(label) for label in labels)


def namespace_names(metadatas: list[dict[str, Any]]) -> dict[str, str]:
    """Readable names of MSC top-level classes, from PlanetMath folder names
    (``39_Difference_and_functional_equations`` -> ``39`` is "Difference and functional
    equations"). Categories name themselves and need no entry."""
    names: dict[str, str] = {}
    for metadata in metadatas:
        folder = str(metadata.get("folder", ""))
        code, _, rest = folder.partition("_")
        if code.isdigit() and rest:
            names.setdefault(code, rest.replace("_", " "))
    return names


def _pairs(database: Database, ranks: int, uses: bool) -> dict[int, list[Pair]]:
    pairs: dict[int, list[Pair]] = {}
    for doc, identifier, definiens, score in database.execute(_PAIRS, {"ranks": ranks}):
        pairs.setdefault(doc, []).append(Pair(identifier, definiens, float(score)))
    if uses:
        defined = {(doc, p.identifier) for doc, items in pairs.items() for p in items}
        for doc, identifier in database.execute(_USES):
            if (doc, identifier) not in defined:
                pairs.setdefault(doc, []).append(Pair(identifier, "", 0.0))
    return pairs


def _texts(database: Database, query: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for doc, text in database.execute(query):
        found.setdefault(doc, []).append(text)
    return found


def names_of(title: str, metadata: dict[str, Any]) -> tuple[str, ...]:
    """A document's names: its title and the terms it defines (PlanetMath ``defines`` and
    ``synonyms``)."""
    terms: list[str] = []
    for key in ("defines", "synonyms"):
        value = metadata.get(key) or ()
        terms.extend([value] if isinstance(value, str) else [str(term) for term in value])
    return (title, *terms)


def load_documents(
    database: Database,
    *,
    ranks: int = 1,
    uses: bool = True,
    text: bool = True,
    sources: bool = True,
) -> tuple[list[DocumentPairs], dict[str, str]]:
    """The processed documents of a database with their best ``ranks`` definiens per
    identifier, and the label names (see :func:`namespace_names`). With ``uses``, every
    identifier a document uses without a definiens is a pair with an empty definiens. With
    ``text``, each document also gets its names, the sentences of its definiens and the TeX of
    its formulas (never its folder or classes: those are labels). With ``sources`` as well, each
    document whose source file can still be read gets its whole text
    (:func:`~definiens.namespaces.sources.source_texts`), and the documents the run skipped (no
    formula) join, with their names and text, when they have a text."""
    rows = [row for row in database.execute(_DOCUMENTS) if row[6] != "failed"]
    if not (text and sources):
        rows = [row for row in rows if row[6] == "processed"]
    pairs = _pairs(database, ranks, uses)
    sentences = _texts(database, _SENTENCES) if text else {}
    formulas = _texts(database, _FORMULAS) if text else {}
    bodies = source_texts((row[5], row[1]) for row in rows) if text and sources else {}
    documents, metadatas, seen = [], [], set()
    for doc, doc_id, title, fmt, metadata_text, source, status in rows:
        body = bodies.get((source, doc_id), "")
        if status != "processed" and not body.strip():
            continue
        metadata = _metadata(metadata_text, database, doc_id)
        metadatas.append(metadata)
        name = document_id(doc_id, title, fmt)
        if name in seen:  # the same title or path in two inputs: keep both apart
            name = f"{name} [{doc}]"
        seen.add(name)
        document = DocumentPairs(name, labels_of(metadata), pairs.get(doc, []), key=doc)
        if text:
            document.names = names_of(title, metadata)
            document.sentences = tuple(sentences.get(doc, ()))
            document.formulas = tuple(formulas.get(doc, ()))
            document.text = body
        documents.append(document)
    return documents, namespace_names(metadatas)


def _metadata(text: str, database: Database, doc_id: str) -> dict[str, Any]:
    try:
        metadata = json.loads(text)
    except json.JSONDecodeError:
        logger.warning("%s: document %s: metadata is not JSON", database.path, doc_id)
        return {}
    return metadata if isinstance(metadata, dict) else {}


def _rows(space: Namespace, keys: dict[str, int | None]) -> dict[str, Any]:
    description = (
        f"cluster {space.cluster}; label {space.label}; purity {space.purity:.2f}; "
        f"{len(space.documents)} documents"
    )
    return {
        "name": space.name,
        "description": description,
        "definitions": [
            (row.identifier, row.definiens, row.score, row.support) for row in space.table
        ],
        "documents": [(keys[d], 1.0) for d in space.documents if keys.get(d) is not None],
    }


def save_namespaces(database: Database, clustering: Clustering) -> int:
    """Replace the namespaces stored in the database with those of ``clustering``."""
    keys = {doc.doc_id: doc.key for doc in clustering.documents}
    try:
        return database.replace_namespaces([_rows(s, keys) for s in clustering.namespaces])
    except sqlite3.Error as exc:
        raise StoreError(f"{database.path}: cannot write namespaces: {exc}") from exc


def define_in_namespace(
    store_or_conn: Database | sqlite3.Connection, identifier: str, namespace: str
) -> list[dict[str, Any]]:
    """The meanings of ``identifier`` in the namespace named ``namespace``, best first:
    dicts with ``definiens``, ``score`` and ``support`` (documents of the namespace)."""
    try:
        if isinstance(store_or_conn, Database):
            rows = store_or_conn.execute(_IN_NAMESPACE, (identifier, namespace))
        else:
            rows = store_or_conn.execute(_IN_NAMESPACE, (identifier, namespace)).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read namespace {namespace!r}: {exc}") from exc
    return [{"definiens": d, "score": float(s), "support": int(n)} for d, s, n in rows]
