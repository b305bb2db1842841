"""Clustering documents into namespaces: the thesis's method and ours, side by side.

Both are unsupervised: the documents' labels are only read afterwards, by the namespace rule
(:mod:`definiens.namespaces.purity`) and to name namespaces.

* ``thesis`` (Grigorev 2015; Schubotz, Grigorev et al. 2016): weak-association tokens,
  TF-IDF, truncated SVD (LSA, 150 dimensions), MiniBatchKMeans with many clusters.
* ``ours``: the pairs' tokens (weak + strong + identifier=head, plus the identifiers a document
  uses without defining them) and four text blocks — the document's names (title, defined
  terms), the sentences its definiens came from, its formulas' TeX commands, the words of its
  whole text — each TF-IDF on its own, weighted and stacked; every vector is mixed with its
  nearest neighbours', LSA (300 dimensions), unit-length rows, then a Ward dendrogram cut
  top-down by size alone into groups of about ``max_size`` documents, keeping splinters smaller
  than the namespace size with their sibling; the documents of a group still smaller than that
  then join the nearest larger group (for more than ``TREE_LIMIT`` documents: k-means, then
  large clusters are clustered again by themselves);
* ``pairs``: our first method, the same tree on the pairs' tokens alone (150 dimensions).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans, MiniBatchKMeans

from definiens.namespaces.data import Pair
from definiens.namespaces.features import ours_tokens, weak_tokens

__all__ = ["METHODS", "TREE_LIMIT", "Method", "absorb_splinters", "cluster_vectors"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Method:
    """A clustering method: how documents become vectors, and how vectors become clusters.

    ``tree`` methods cut a Ward dendrogram top-down: a node larger than ``max_size`` is split
    into its two children unless one child has fewer than ``min_piece`` documents and the node
    has at most ``slack`` times ``max_size`` (so small splinters stay with their sibling); with
    ``absorb``, the documents of a group still smaller than ``min_piece`` then join the nearest
    larger group (:func:`absorb_splinters`).
    Other methods run (MiniBatch)KMeans with one cluster per ``docs_per_cluster`` documents.

    ``blocks`` names text blocks (:data:`definiens.namespaces.text.TEXT_BLOCKS`) added to the
    pairs' tokens with their weights; ``max_df`` then drops tokens found in more than that share
    of the documents; ``neighbours`` and ``smooth`` mix each vector with its nearest neighbours
    before the SVD (see :mod:`definiens.namespaces.embed`).
    """

    name: str
    tokens: Callable[[Sequence[Pair]], list[str]]
    dimensions: int
    docs_per_cluster: float
    tree: bool = False
    max_size: int = 8
    min_piece: int = 5
    slack: int = 3
    blocks: tuple[tuple[str, float], ...] = ()
    max_df: float = 1.0
    neighbours: int = 0
    smooth: float = 0.0
    absorb: bool = True


METHODS: dict[str, Method] = {
    "thesis": Method("thesis", weak_tokens, 150, 10.0),
    "ours": Method(
        "ours",
        ours_tokens,
        300,
        8.0,
        tree=True,
        slack=2,
        blocks=(("names", 1.0), ("sentences", 1.0), ("formulas", 0.5), ("text", 2.0)),
        max_df=0.5,
        neighbours=5,
        smooth=0.5,
    ),
    "pairs": Method("pairs", ours_tokens, 150, 8.0, tree=True),
}

# Above this many documents the Ward tree (quadratic memory) gives way to k-means whose large
# clusters are clustered again by themselves.
TREE_LIMIT = 20_000


def _kmeans(vectors: np.ndarray, k: int, seed: int, minibatch: bool) -> np.ndarray:
    k = max(1, min(k, len(np.unique(vectors, axis=0))))
    if k == 1:
        return np.zeros(len(vectors), dtype=int)
    if minibatch:
        model: KMeans | MiniBatchKMeans = MiniBatchKMeans(
            n_clusters=k, random_state=seed, n_init=3, batch_size=2048
        )
    else:
        model = KMeans(n_clusters=k, random_state=seed, n_init=1)
    return np.asarray(model.fit_predict(vectors), dtype=int)


def _split_large(vectors: np.ndarray, labels: np.ndarray, method: Method, seed: int) -> np.ndarray:
    """Re-cluster every cluster larger than ``slack * max_size`` by itself (size only)."""
    labels = labels.copy()
    pending = [int(c) for c in np.unique(labels)]
    next_label = int(labels.max()) + 1
    while pending:
        members = np.flatnonzero(labels == pending.pop())
        if len(members) <= method.slack * method.max_size:
            continue
        sub = _kmeans(vectors[members], math.ceil(len(members) / method.max_size), seed, False)
        for part in np.unique(sub)[1:]:
            labels[members[sub == part]] = next_label
            pending.append(next_label)
            next_label += 1
    return labels


def _tree_cut(vectors: np.ndarray, method: Method) -> np.ndarray:
    """Cut a Ward dendrogram of the vectors by size alone (see :class:`Method`)."""
    n = len(vectors)
    children = (
        AgglomerativeClustering(n_clusters=1, linkage="ward", compute_full_tree=True)
        .fit(vectors)
        .children_
    )
    size = np.ones(2 * n - 1, dtype=int)
    for i, (a, b) in enumerate(children):
        size[n + i] = size[a] + size[b]
    labels = np.zeros(n, dtype=int)
    stack, cluster = [2 * n - 2], 0
    while stack:
        node = stack.pop()
        if node >= n and size[node] > method.max_size:
            a, b = children[node - n]
            small = min(size[a], size[b]) < method.min_piece
            if not small or size[node] > method.slack * method.max_size:
                stack.extend((int(a), int(b)))
                continue
        labels[_leaves(node, children, n)] = cluster
        cluster += 1
    return labels


def _leaves(node: int, children: np.ndarray, n: int) -> list[int]:
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        if current < n:
            found.append(current)
        else:
            stack.extend(int(c) for c in children[current - n])
    return found


def absorb_splinters(vectors: np.ndarray, labels: np.ndarray, min_size: int) -> np.ndarray:
    """The documents of clusters smaller than ``min_size`` join the cluster of at least that
    size whose mean vector is nearest (cosine); unchanged when no cluster is that large."""
    numbers, sizes = np.unique(labels, return_counts=True)
    large = numbers[sizes >= min_size]
    small = np.flatnonzero(np.isin(labels, numbers[sizes < min_size]))
    if not len(large) or not len(small):
        return labels
    centres = np.stack([vectors[labels == number].mean(axis=0) for number in large])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    labels = labels.copy()
    labels[small] = large[np.argmax(vectors[small] @ centres.T, axis=1)]
    return labels


def cluster_vectors(vectors: np.ndarray, method: Method, seed: int) -> np.ndarray:
    """A cluster number for each row of ``vectors`` (numbers are dense from 0)."""
    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=int)
    if method.tree and len(vectors) <= TREE_LIMIT:
        labels = _tree_cut(vectors, method)
        if method.absorb:
            labels = absorb_splinters(vectors, labels, method.min_piece)
    else:
        k = math.ceil(len(vectors) / method.docs_per_cluster)
        labels = _kmeans(vectors, k, seed, minibatch=not method.tree)
        if method.tree:
            labels = _split_large(vectors, labels, method, seed)
    _, dense = np.unique(labels, return_inverse=True)
    logger.info("%s: %d documents in %d clusters", method.name, len(vectors), dense.max() + 1)
    return np.asarray(dense, dtype=int)
