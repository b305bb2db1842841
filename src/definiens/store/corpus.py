"""What the namespaces step reads from and writes to a results database, as plain data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from definiens.store import statements as sql
from definiens.store.connection import Connection
from definiens.store.documents import entry_of
from definiens.store.entries import DocumentEntry, NamespaceEntry, NamespaceTable

__all__ = ["CorpusReading"]

Pair = tuple[str, str, float]


def _entries(rows: Sequence[Any]) -> list[NamespaceEntry]:
    return [NamespaceEntry(r[0], r[1], float(r[2]), int(r[3])) for r in rows]


class CorpusReading(Connection):
    """Readers of a corpus as the namespaces step sees it, and of its namespaces."""

    def corpus_documents(self) -> list[DocumentEntry]:
        """Every document that was not a failure (processed or skipped), in ``doc`` order."""
        return [entry_of(row) for row in self.execute(sql.CORPUS_DOCUMENTS)]

    def corpus_pairs(self, ranks: int = 1) -> dict[int, list[Pair]]:
        """The best ``ranks`` meanings of each identifier of each document, by ``doc``: tuples
        ``(identifier, definiens, score)``."""
        pairs: dict[int, list[Pair]] = {}
        for doc, identifier, definiens, score in self.execute(sql.PAIRS, {"ranks": ranks}):
            pairs.setdefault(doc, []).append((identifier, definiens, float(score)))
        return pairs

    def identifier_uses(self) -> dict[int, list[str]]:
        """The identifiers each document's formulas use, by ``doc``."""
        return self._lists(sql.IDENTIFIER_USES)

    def running_indices(self) -> dict[int, list[str]]:
        """The identifiers each document reads only as running indices inside others (the i
        of x_i), by ``doc``."""
        return self._lists(sql.RUNNING_INDICES)

    def definition_sentences(self) -> dict[int, list[str]]:
        """The sentences each document's meanings were read from, by ``doc``."""
        return self._lists(sql.SENTENCES)

    def formula_tex(self) -> dict[int, list[str]]:
        """The TeX of each document's formulas, in order, by ``doc``."""
        return self._lists(sql.FORMULA_TEX)

    def _lists(self, query: str) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for doc, value in self.execute(query):
            found.setdefault(doc, []).append(value)
        return found

    def namespace_names(self) -> list[str]:
        """The names of the namespaces, sorted."""
        return [row["name"] for row in self.execute(sql.NAMESPACES)]

    def namespace_tables(self) -> list[NamespaceTable]:
        """Every namespace with its table (not its documents), label, purity and coherence, by
        name."""
        tables = []
        for row in self.execute(sql.NAMESPACES):
            known = dict(row)
            tables.append(
                NamespaceTable(
                    known["name"],
                    known["description"],
                    _entries(self.execute(sql.NAMESPACE_TABLE, (known["namespace"],))),
                    label=known.get("label") or "",
                    purity=known.get("purity"),
                    coherence=float(known.get("coherence") or 0.0),
                )
            )
        return tables

    def namespace_definitions(self, identifier: str, namespace: str) -> list[NamespaceEntry]:
        """The meanings of ``identifier`` in the namespace named ``namespace``, best first."""
        return _entries(self.execute(sql.IN_NAMESPACE, (identifier, namespace)))
