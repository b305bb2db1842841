"""Namespaces from clusters: the namespace rule (coherence and size), names from the clusters'
own words, the majority label and purity where documents carry labels, and the table
"identifier -> definiens (score, support)" of each namespace."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from definiens.namespaces.coherence import (
    MIN_COHERENCE,
    MIN_EVIDENCE,
    Coherence,
    MeaningCounts,
    cluster_coherence,
    is_coherent,
)
from definiens.namespaces.data import DocumentPairs, Namespace, TableRow
from definiens.namespaces.features import definiens_words
from definiens.namespaces.naming import WordCounts, name_of
from definiens.namespaces.purity import MIN_SIZE, cluster_purity, majority_label

__all__ = [
    "build_namespaces",
    "describe_clusters",
    "members_of",
    "namespace_table",
    "namespaces_of",
]


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


def members_of(
    documents: Sequence[DocumentPairs], assignments: Mapping[str, int]
) -> list[tuple[int, list[DocumentPairs]]]:
    """The documents of each cluster, largest cluster first (ties: lower number)."""
    members: dict[int, list[DocumentPairs]] = defaultdict(list)
    for doc in documents:
        if doc.doc_id in assignments:
            members[assignments[doc.doc_id]].append(doc)
    return sorted(members.items(), key=lambda item: (-len(item[1]), item[0]))


def _label(
    docs: Sequence[DocumentPairs], label_names: Mapping[str, str]
) -> tuple[str, float | None]:
    """The readable majority label of the documents and their purity (None: no labels)."""
    labels = [doc.labels for doc in docs]
    if not any(labels):
        return "", None
    label, _ = majority_label(labels)
    return label_names.get(label, label), cluster_purity(labels)


def describe_clusters(
    documents: Sequence[DocumentPairs],
    assignments: Mapping[str, int],
    label_names: Mapping[str, str],
) -> list[Namespace]:
    """Every cluster, largest first, described as a namespace would be: named after its
    characteristic words ("prime · divisor · congruence", "… (2)" if taken), with its
    coherence and agreeing pairs, its majority label and purity where documents carry labels
    (``label_names`` makes codes readable), and its table."""
    placed = [doc for doc in documents if doc.doc_id in assignments]
    meanings, words = MeaningCounts(placed), WordCounts(placed)
    described: list[Namespace] = []
    taken: set[str] = set()
    for cluster, docs in members_of(placed, assignments):
        value = cluster_coherence(docs, meanings)
        label, purity = _label(docs, label_names)
        described.append(
            Namespace(
                cluster=cluster,
                name=_unique(name_of(docs, words, f"cluster {cluster}"), taken),
                label=label,
                purity=purity,
                documents=sorted(doc.doc_id for doc in docs),
                table=namespace_table(docs),
                coherence=value.score,
                agreeing=value.agreeing,
            )
        )
    return described


def namespaces_of(
    clusters: Sequence[Namespace],
    *,
    min_coherence: float = MIN_COHERENCE,
    min_evidence: int = MIN_EVIDENCE,
    min_size: int = MIN_SIZE,
) -> list[Namespace]:
    """The described clusters that pass the namespace rule (see :func:`is_coherent`)."""
    return [
        space
        for space in clusters
        if is_coherent(
            Coherence(space.coherence, 0, space.agreeing),
            len(space.documents),
            min_coherence=min_coherence,
            min_evidence=min_evidence,
            min_size=min_size,
        )
    ]


def build_namespaces(
    documents: Sequence[DocumentPairs],
    assignments: Mapping[str, int],
    label_names: Mapping[str, str],
    *,
    min_coherence: float = MIN_COHERENCE,
    min_size: int = MIN_SIZE,
) -> list[Namespace]:
    """The clusters that pass the namespace rule (coherence >= ``min_coherence``, at least
    ``min_size`` documents), described as by :func:`describe_clusters`."""
    clusters = describe_clusters(documents, assignments, label_names)
    return namespaces_of(clusters, min_coherence=min_coherence, min_size=min_size)
