"""Namespace discovery end to end: documents in, clusters, namespaces and figures out."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from definiens.errors import UsageError
from definiens.namespaces.cluster import METHODS, Method, cluster_vectors
from definiens.namespaces.data import Clustering, DocumentPairs, Namespace, Summary
from definiens.namespaces.embed import embed, has_tokens
from definiens.namespaces.purity import group_clusters, is_namespace, overall_purity
from definiens.namespaces.tables import describe_clusters, namespaces_of

__all__ = ["SEED", "discover", "summarise"]

logger = logging.getLogger(__name__)

SEED = 0


def _weighted_coherence(namespaces: list[Namespace]) -> float:
    size = sum(len(space.documents) for space in namespaces)
    if not size:
        return 0.0
    return sum(space.coherence * len(space.documents) for space in namespaces) / size


def summarise(
    method: str,
    documents: list[DocumentPairs],
    assignments: Mapping[str, int],
    namespaces: list[Namespace],
) -> Summary:
    """The figures of a clustering (see :class:`Summary`)."""
    labels = {doc.doc_id: doc.labels for doc in documents}
    groups = group_clusters(assignments, labels)
    inside = {space.cluster for space in namespaces}
    covered = sum(len(space.documents) for space in namespaces)
    clustered = len(assignments)
    pure = [members for members in groups.values() if is_namespace(members)]
    return Summary(
        method=method,
        documents=len(documents),
        clustered=clustered,
        clusters=len(groups),
        namespaces=len(namespaces),
        covered=covered,
        coverage=covered / len(documents) if documents else 0.0,
        coverage_clustered=covered / clustered if clustered else 0.0,
        purity=overall_purity(groups),
        namespace_purity=overall_purity({c: m for c, m in groups.items() if c in inside}),
        coherence=round(_weighted_coherence(namespaces), 6),
        labelled=sum(bool(doc.labels) for doc in documents),
        pure_clusters=len(pure),
        pure_covered=sum(len(members) for members in pure),
    )


def discover(
    documents: Iterable[DocumentPairs],
    method: str | Method = "ours",
    *,
    label_names: Mapping[str, str] | None = None,
    seed: int = SEED,
) -> Clustering:
    """Cluster the documents that have pairs with ``method`` (``thesis`` or ``ours``), keep the
    coherent clusters as namespaces and name them by their words (``label_names`` maps labels
    such as MSC codes to readable names, for the majority label shown beside). ``method``
    may also be a :class:`Method` with other settings. Deterministic for a given ``seed``."""
    if isinstance(method, str):
        if method not in METHODS:
            known = ", ".join(METHODS)
            raise UsageError(f"unknown namespace method {method!r} (known: {known})")
        method = METHODS[method]
    docs = list(documents)
    placed = [doc for doc in docs if has_tokens(doc, method)]
    vectors, plane = embed(placed, method, seed) if placed else (None, None)
    assignments: dict[str, int] = {}
    coordinates: dict[str, tuple[float, float]] = {}
    if vectors is not None and plane is not None:
        numbers = cluster_vectors(vectors, method, seed)
        for doc, number, point in zip(placed, numbers, plane, strict=True):
            assignments[doc.doc_id] = int(number)
            coordinates[doc.doc_id] = (float(point[0]), float(point[1]))
    clusters = describe_clusters(placed, assignments, label_names or {})
    namespaces = namespaces_of(clusters)
    summary = summarise(method.name, docs, assignments, namespaces)
    logger.info("%s: %d namespaces, coverage %.3f", method.name, len(namespaces), summary.coverage)
    return Clustering(method.name, docs, assignments, namespaces, summary, coordinates, clusters)
