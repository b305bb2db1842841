"""Namespaces from clusters: the namespace rule, names from the majority label, and the table
"identifier -> definiens (score, support)" of each namespace."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from definiens.namespaces.data import DocumentPairs, Namespace, TableRow
from definiens.namespaces.features import definiens_words
from definiens.namespaces.purity import (
    MIN_PURITY,
    MIN_SIZE,
    cluster_purity,
    is_namespace,
    majority_label,
)

__all__ = ["build_namespaces", "namespace_table"]


def namespace_table(documents: Sequence[DocumentPairs]) -> list[TableRow]:
    """The meanings of each identifier across these documents.

    A document supports a meaning (definiens compared by its lower-case words) with its best
    score; ``score`` sums those best scores, ``support`` counts the documents. Rows are sorted by
    identifier, then best meaning first; the surface form kept is the first one met.
    """
    best: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    surface: dict[tuple[str, str], str] = {}
    for doc in documents:
        for pair in doc.pairs:
            if not pair.definiens:
                continue
            norm = " ".join(definiens_words(pair.definiens)) or pair.definiens.lower().strip()
            key = (pair.identifier, norm)
            surface.setdefault(key, pair.definiens.strip())
            seen = best[key]
            seen[doc.doc_id] = max(seen.get(doc.doc_id, 0.0), pair.score)
    rows = [
        TableRow(ident, surface[(ident, norm)], round(sum(s.values()), 6), len(s))
        for (ident, norm), s in best.items()
    ]
    rows.sort(key=lambda r: (r.identifier, -r.score, -r.support, r.definiens))
    return rows


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name} ({n})"
        n += 1
    taken.add(candidate)
    return candidate


def build_namespaces(
    documents: Sequence[DocumentPairs],
    assignments: Mapping[str, int],
    label_names: Mapping[str, str],
    *,
    min_purity: float = MIN_PURITY,
    min_size: int = MIN_SIZE,
) -> list[Namespace]:
    """The clusters that pass the namespace rule, largest first, each named after its majority
    label ("Number theory", "Number theory (2)", …) with its table."""
    members: dict[int, list[DocumentPairs]] = defaultdict(list)
    for doc in documents:
        if doc.doc_id in assignments:
            members[assignments[doc.doc_id]].append(doc)
    ordered = sorted(members.items(), key=lambda item: (-len(item[1]), item[0]))
    spaces: list[Namespace] = []
    taken: set[str] = set()
    for cluster, docs in ordered:
        labels = [doc.labels for doc in docs]
        if not is_namespace(labels, min_purity=min_purity, min_size=min_size):
            continue
        label, _ = majority_label(labels)
        name = _unique(label_names.get(label, label) or f"cluster {cluster}", taken)
        spaces.append(
            Namespace(
                cluster=cluster,
                name=name,
                label=label,
                purity=cluster_purity(labels),
                documents=sorted(doc.doc_id for doc in docs),
                table=namespace_table(docs),
            )
        )
    return spaces
