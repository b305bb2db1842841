"""Plain data the :class:`~definiens.store.Database` readers return and its writers take.

They hold no SQL and no connection: the layers above (the web page, the namespaces step, the
CLI) work on them without knowing the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["DocumentEntry", "NamespaceEntry", "NamespaceTable"]


@dataclass(frozen=True)
class DocumentEntry:
    """One row of ``documents``: a document's key, names, status and metadata."""

    doc: int
    source: str
    id: str
    title: str
    format: str
    status: str
    reason: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class NamespaceEntry:
    """One row of a namespace's table: a meaning of an identifier, its score and support."""

    identifier: str
    definiens: str
    score: float
    documents: int


@dataclass
class NamespaceTable:
    """A namespace: its name, description, table, and its documents as ``(doc, weight)``;
    ``label`` is the majority label of its documents ('' when they have none), ``purity`` the
    share carrying it (None without labels), ``coherence`` how consistently its documents give
    an identifier the same meaning (see :mod:`definiens.namespaces.coherence`)."""

    name: str
    description: str = ""
    entries: list[NamespaceEntry] = field(default_factory=list)
    documents: list[tuple[int, float]] = field(default_factory=list)
    label: str = ""
    purity: float | None = None
    coherence: float = 0.0
