"""The namespaces step over a results database: read the documents' pairs and text, write the
namespaces, and answer "what does this identifier mean in that namespace".

This is the glue between :mod:`definiens.namespaces` (which works on plain data) and
:class:`definiens.store.Database` (which owns the SQL): every document comes with the text the
run kept of it, so no input is read again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from definiens.model import Document
from definiens.namespaces.data import Clustering, DocumentPairs, Namespace, Pair
from definiens.namespaces.documents import (
    document_id,
    labels_of,
    names_of,
    namespace_names,
    plain_text,
)
from definiens.namespaces.rerank import rerank
from definiens.store import Database, NamespaceEntry, NamespaceTable

__all__ = [
    "define_in_namespace",
    "describe",
    "load_documents",
    "rank_in_namespaces",
    "save_namespaces",
]


def _pairs(database: Database, ranks: int, uses: bool) -> dict[int, list[Pair]]:
    # a running index (the i of x_i) is no notation of a field: left out
    indices = {(doc, i) for doc, found in database.running_indices().items() for i in found}
    pairs = {
        doc: [Pair(*row) for row in rows if (doc, row[0]) not in indices]
        for doc, rows in database.corpus_pairs(ranks).items()
    }
    if uses:
        defined = {(doc, p.identifier) for doc, items in pairs.items() for p in items}
        for doc, identifiers in database.identifier_uses().items():
            for identifier in identifiers:
                if (doc, identifier) not in defined and (doc, identifier) not in indices:
                    pairs.setdefault(doc, []).append(Pair(identifier, "", 0.0))
    return pairs


def load_documents(
    database: Database,
    *,
    ranks: int = 1,
    uses: bool = True,
    text: bool = True,
    full_text: bool = True,
) -> tuple[list[DocumentPairs], dict[str, str]]:
    """The processed documents of a database with their best ``ranks`` definiens per
    identifier, and the label names (see :func:`namespace_names`). With ``uses``, every
    identifier a document uses without a definiens is a pair with an empty definiens. With
    ``text``, each document also gets its names, the sentences of its definiens and the TeX of
    its formulas (never its folder or classes: those are labels). With ``full_text`` as well,
    each document gets its whole text as the run kept it, and the documents the run skipped (no
    formula) join, with their names and text, when they have a text."""
    entries = database.corpus_documents()
    if not (text and full_text):
        entries = [entry for entry in entries if entry.status == "processed"]
    pairs = _pairs(database, ranks, uses)
    sentences = database.definition_sentences() if text else {}
    formulas = database.formula_tex() if text else {}
    bodies = database.texts() if text and full_text else {}
    documents, metadatas, seen = [], [], set()
    for entry in entries:
        body = plain_text(bodies.get(entry.doc, ""))
        if entry.status != "processed" and not body.strip():
            continue
        metadatas.append(entry.metadata)
        name = document_id(entry.id, entry.title, entry.format)
        if name in seen:  # the same title or path in two inputs: keep both apart
            name = f"{name} [{entry.doc}]"
        seen.add(name)
        document = DocumentPairs(
            name, labels_of(entry.metadata), pairs.get(entry.doc, []), key=entry.doc
        )
        if text:
            document.names = names_of(entry.title, entry.metadata)
            document.sentences = tuple(sentences.get(entry.doc, ()))
            document.formulas = tuple(formulas.get(entry.doc, ()))
            document.text = body
        documents.append(document)
    return documents, namespace_names(metadatas)


def describe(space: Namespace, labels: bool = True) -> str:
    """One line on a namespace: size, coherence, and (``labels``) label and purity where its
    documents carry labels."""
    text = f"{len(space.documents)} documents, coherence {space.coherence:.2f}"
    if labels and space.purity is not None:
        text += f"; label {space.label}, purity {space.purity:.2f}"
    return text


def _table(space: Namespace, keys: dict[str, int | None]) -> NamespaceTable:
    return NamespaceTable(
        name=space.name,
        description=describe(space, labels=False),
        entries=[
            NamespaceEntry(row.identifier, row.definiens, row.score, row.support)
            for row in space.table
        ],
        documents=[(key, 1.0) for d in space.documents if (key := keys.get(d)) is not None],
        label=space.label,
        purity=space.purity,
        coherence=space.coherence,
    )


def save_namespaces(database: Database, clustering: Clustering) -> int:
    """Replace the namespaces stored in the database with those of ``clustering``."""
    keys = {doc.doc_id: doc.key for doc in clustering.documents}
    return database.replace_namespaces([_table(s, keys) for s in clustering.namespaces])


def define_in_namespace(
    database: Database, identifier: str, namespace: str
) -> list[dict[str, Any]]:
    """The meanings of ``identifier`` in the namespace named ``namespace``, best first:
    dicts with ``definiens``, ``score`` and ``support`` (documents of the namespace)."""
    return [
        {"definiens": e.definiens, "score": e.score, "support": e.documents}
        for e in database.namespace_definitions(identifier, namespace)
    ]


def rank_in_namespaces(
    documents: Iterable[Document], clustering: Clustering, ids: Mapping[str, str] | None = None
) -> list[Document]:
    """The documents, each inside a namespace of ``clustering`` re-ranked with its table
    (:func:`definiens.namespaces.rerank`: an identifier its text gives no meaning inherits the
    namespace's best one, a meaning the namespace also gives gains); the others as they are
    (the same objects). A document is found in the clustering by its id, or by ``ids[its id]``
    (e.g. its path relative to the folder the clustered corpus was read from)."""
    ranked = []
    for document in documents:
        key = (ids or {}).get(document.id, document.id)
        space = clustering.namespace_of(key)
        ranked.append(rerank(document, space) if space is not None else document)
    return ranked
