"""Purity of clusters with respect to the documents' labels, the namespace rule, and coverage.

A document may carry several labels (several categories, several MSC classes): the purity of a
cluster is the largest share of its documents that carry one same label (Grigorev 2015, §4.2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

__all__ = [
    "MIN_PURITY",
    "MIN_SIZE",
    "cluster_purity",
    "group_clusters",
    "is_namespace",
    "majority_label",
    "overall_purity",
]

MIN_PURITY = 0.8
MIN_SIZE = 5


def majority_label(labels: Sequence[Sequence[str]]) -> tuple[str, int]:
    """The label carried by most of these documents, and by how many (ties: smallest label)."""
    counts: Counter[str] = Counter()
    for doc_labels in labels:
        counts.update(set(doc_labels))
    if not counts:
        return "", 0
    label, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return label, count


def cluster_purity(labels: Sequence[Sequence[str]]) -> float:
    """The share of the documents carrying the majority label (0.0 for an empty cluster)."""
    if not labels:
        return 0.0
    return majority_label(labels)[1] / len(labels)


def is_namespace(
    labels: Sequence[Sequence[str]],
    *,
    min_purity: float = MIN_PURITY,
    min_size: int = MIN_SIZE,
) -> bool:
    """The thesis's rule: a cluster is a namespace when it is pure enough and large enough."""
    return len(labels) >= min_size and cluster_purity(labels) >= min_purity


def group_clusters(
    assignments: Mapping[str, int], labels: Mapping[str, Sequence[str]]
) -> dict[int, list[Sequence[str]]]:
    """The labels of the documents of each cluster."""
    groups: dict[int, list[Sequence[str]]] = {}
    for doc_id, cluster in assignments.items():
        groups.setdefault(cluster, []).append(labels.get(doc_id, ()))
    return groups


def overall_purity(groups: Mapping[int, Sequence[Sequence[str]]]) -> float:
    """Purity of a whole clustering: majority counts summed over clusters, over all documents."""
    total = sum(len(members) for members in groups.values())
    if total == 0:
        return 0.0
    return sum(majority_label(members)[1] for members in groups.values()) / total
