"""Documents as the clustering sees them (:class:`DocumentPairs`), from plain data.

The namespaces package works on plain data only: :func:`from_document` takes a document of the
pipeline, and :mod:`definiens.run.namespaces` builds the documents of a results database from
what :class:`definiens.store.Database` reads (its names, labels, pairs and stored text) with
the helpers here. The text of a document is its plain text without the formula placeholders
(LaTeX metadata such as ``\\pmclassification`` and wiki ``[[Category:…]]`` links are never part
of it); nothing here reads a document's labels into its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from definiens.formulas.spans import nested_and_written
from definiens.model import PLACEHOLDER_PREFIX, Document
from definiens.namespaces.data import DocumentPairs, Pair

__all__ = [
    "document_id",
    "from_document",
    "labels_of",
    "names_of",
    "namespace_names",
    "plain_text",
]

_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}\d+")


def plain_text(text: str) -> str:
    """A document's text (``Document.text``) without its formula placeholders."""
    return _PLACEHOLDER.sub(" ", text)


def document_id(doc_id: str, title: str, fmt: str) -> str:
    """The id a person knows a document by: the title of a wiki page, else the reader's id
    (for LaTeX files, the path relative to the input folder)."""
    return title if fmt == "wikitext" else doc_id


def labels_of(metadata: dict[str, Any]) -> tuple[str, ...]:
    """A document's labels: its top-level MSC classes if it has any, else its categories."""
    labels = metadata.get("msc_top") or metadata.get("categories") or ()
    return tuple(str(label) for label in labels)


def namespace_names(metadatas: Iterable[dict[str, Any]]) -> dict[str, str]:
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


def names_of(title: str, metadata: dict[str, Any]) -> tuple[str, ...]:
    """A document's names: its title and the terms it defines (PlanetMath ``defines`` and
    ``synonyms``)."""
    terms: list[str] = []
    for key in ("defines", "synonyms"):
        value = metadata.get(key) or ()
        terms.extend([value] if isinstance(value, str) else [str(term) for term in value])
    return (title, *terms)


def from_document(document: Document, labels: tuple[str, ...] = ()) -> DocumentPairs:
    """A document of the pipeline (after the define stage) as the clustering sees it: the best
    meaning of each identifier, the identifiers of its formulas it leaves undefined as uses, its
    title, the sentences of its meanings, its formulas' TeX and its text."""
    nested_in, used = nested_and_written(document.formulas)
    indices = set().union(*nested_in) - used.keys()  # read only inside others
    pairs = [  # a running index (the i of x_i) is no notation of a field
        Pair(identifier, items[0].text, items[0].score)
        for identifier, items in document.definitions.items()
        if items and identifier not in indices
    ]
    defined = {pair.identifier for pair in pairs}
    pairs += [Pair(identifier, "", 0.0) for identifier in used if identifier not in defined]
    sentences = {d.sentence for items in document.definitions.values() for d in items}
    return DocumentPairs(
        document_id(document.id, document.title, document.format),
        labels,
        pairs,
        names=(document.title,),
        sentences=tuple(sorted(s for s in sentences if s)),
        formulas=tuple(f.tex for f in document.formulas),
        text=plain_text(document.text),
    )
