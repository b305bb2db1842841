"""Use a namespace: re-rank a document's definiens with its namespace's table.

A candidate that the namespace also gives for that identifier gains ``weight`` times the
meaning's share of the identifier's table score; an identifier of the document's formulas that
its text leaves undefined inherits the namespace's best meaning, with method ``namespace`` and
score ``inherit`` times that share.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from definiens.formulas.spans import outer
from definiens.model import Definiens, Document
from definiens.namespaces.data import Namespace, TableRow
from definiens.namespaces.features import definiens_words

__all__ = ["rerank"]


def _key(text: str) -> str:
    return " ".join(definiens_words(text)) or text.lower().strip()


def _shares(table: Iterable[TableRow]) -> dict[str, list[tuple[str, str, float]]]:
    """Per identifier: (normalised meaning, surface, share of the identifier's score)."""
    rows: dict[str, list[TableRow]] = defaultdict(list)
    for row in table:
        rows[row.identifier].append(row)
    shares: dict[str, list[tuple[str, str, float]]] = {}
    for identifier, items in rows.items():
        total = sum(max(r.score, 0.0) for r in items) or 1.0
        ranked = sorted(items, key=lambda r: (-r.score, -r.support, r.definiens))
        shares[identifier] = [(_key(r.definiens), r.definiens, r.score / total) for r in ranked]
    return shares


def _identifiers(document: Document) -> list[str]:
    """The identifiers of the document's formulas, but a running index read only inside
    others (the i of $a_{ij}$: no notation of a field to inherit)."""
    seen: dict[str, None] = {}
    for formula in document.formulas:
        for ident in outer(formula.identifiers):
            seen.setdefault(ident.tex, None)
    return list(seen)


def rerank(
    document: Document,
    table: Namespace | Iterable[TableRow],
    *,
    weight: float = 0.5,
    inherit: float = 0.5,
    min_support: int = 2,
    min_share: float = 0.0,
) -> Document:
    """A copy of ``document`` whose definiens are re-ranked with a namespace's table.

    Only table rows supported by at least ``min_support`` documents count (a meaning seen in
    one document is no convention); an identifier inherits a meaning only when it holds at
    least ``min_share`` of the identifier's table score. The document itself is not changed.
    """
    rows = table.table if isinstance(table, Namespace) else list(table)
    shares = _shares(r for r in rows if r.support >= min_support)
    definitions: dict[str, list[Definiens]] = {}
    for identifier, candidates in document.definitions.items():
        prior = {key: share for key, _, share in shares.get(identifier, [])}
        rescored = [
            dataclasses.replace(c, score=c.score + weight * prior.get(_key(c.text), 0.0))
            for c in candidates
        ]
        definitions[identifier] = sorted(rescored, key=lambda c: -c.score)
    for identifier in _identifiers(document):
        if definitions.get(identifier) or identifier not in shares:
            continue
        _, surface, share = shares[identifier][0]
        if share < min_share:
            continue
        definitions[identifier] = [Definiens(identifier, surface, inherit * share, "namespace")]
    return dataclasses.replace(document, definitions=definitions)
