"""Document vectors for clustering: TF-IDF blocks, optional neighbourhood smoothing, LSA.

The thesis's method and our old one use one block, the tokens of the pairs. Our method adds
text blocks (:mod:`definiens.namespaces.text`), each TF-IDF weighted and L2-normalised on its
own, then scaled by its weight and stacked. Each document's vector is then *smoothed* with its
nearest neighbours (cosine on the stacked blocks): ``x + smooth * mean(x of its k neighbours)``,
which pulls documents of one field together before the (lossy) SVD. Rows are unit length.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from definiens.namespaces.data import DocumentPairs
from definiens.namespaces.text import TEXT_BLOCKS

if TYPE_CHECKING:
    from definiens.namespaces.cluster import Method

__all__ = ["block_tokens", "embed", "has_tokens", "neighbours", "tfidf_block"]

_CHUNK = 1000


def block_tokens(doc: DocumentPairs, method: Method) -> list[list[str]]:
    """The document's tokens, one list per block of ``method`` (pairs first)."""
    blocks = [method.tokens(doc.pairs)]
    blocks.extend(TEXT_BLOCKS[name](doc) for name, _ in method.blocks)
    return blocks


def has_tokens(doc: DocumentPairs, method: Method) -> bool:
    """Whether ``method`` can place the document (it has a token in some block)."""
    return any(block_tokens(doc, method))


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def tfidf_block(docs: Sequence[list[str]], *, min_df: int = 2, max_df: float = 1.0) -> csr_matrix:
    """The TF-IDF matrix (sublinear tf, unit rows) of token lists; tokens in fewer than
    ``min_df`` documents or in more than the share ``max_df`` are dropped unless that leaves
    nothing (a tiny corpus), then every token is kept."""
    for low, high in ((min(min_df, len(docs)), max_df), (1, 1.0)):
        vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=low, max_df=high)
        try:
            return csr_matrix(vectorizer.fit_transform(docs))
        except ValueError:
            continue
    return csr_matrix((len(docs), 1))


def neighbours(matrix: csr_matrix, k: int) -> csr_matrix:
    """Each row's ``k`` most similar other rows (dot product, ties by lower index) with their
    similarity as weight, rows summing to 1."""
    n = matrix.shape[0]
    k = min(k, n - 1)
    rows, cols, weights = [], [], []
    for start in range(0, n, _CHUNK):
        sims = np.asarray((matrix[start : start + _CHUNK] @ matrix.T).todense())
        np.fill_diagonal(sims[:, start:], -np.inf)
        best = np.argsort(-sims, axis=1, kind="stable")[:, :k]
        rows.append(np.repeat(np.arange(start, start + len(sims)), k))
        cols.append(best.ravel())
        weights.append(np.maximum(np.take_along_axis(sims, best, axis=1).ravel(), 0.0))
    graph = csr_matrix(
        (np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    )
    return csr_matrix(normalize(graph, norm="l1"))


def _stack(documents: Sequence[DocumentPairs], method: Method) -> csr_matrix:
    tokens = [block_tokens(doc, method) for doc in documents]
    if not method.blocks:  # one block: the pairs' TF-IDF as it is (the thesis's method)
        return tfidf_block([t[0] for t in tokens])
    weights = [1.0] + [weight for _, weight in method.blocks]
    parts = [
        normalize(tfidf_block([t[i] for t in tokens], max_df=method.max_df)) * weight
        for i, weight in enumerate(weights)
    ]
    return csr_matrix(normalize(hstack(parts).tocsr()))


def _reduce(matrix: csr_matrix, dimensions: int, seed: int) -> np.ndarray:
    n_rows, n_cols = matrix.shape
    dims = max(1, min(dimensions, n_cols - 1, n_rows - 1))
    if dims < 2 or n_cols < 3:
        return np.asarray(normalize(matrix.toarray()))
    svd = TruncatedSVD(n_components=dims, random_state=seed)
    return np.asarray(normalize(svd.fit_transform(matrix)))


def embed(
    documents: Sequence[DocumentPairs], method: Method, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """LSA vectors of the documents (unit length) and 2-D coordinates for plots."""
    matrix = _stack(documents, method)
    if method.neighbours and method.smooth and len(documents) > 2:
        graph = neighbours(matrix, method.neighbours)
        matrix = csr_matrix(normalize(matrix + method.smooth * (graph @ matrix)))
    dense = _reduce(matrix, method.dimensions, seed)
    return dense, _plane(dense, seed)


def _plane(vectors: np.ndarray, seed: int) -> np.ndarray:
    if vectors.shape[1] < 2 or vectors.shape[0] < 3:
        out = np.zeros((vectors.shape[0], 2))
        out[:, : vectors.shape[1]] = vectors[:, :2]
        return out
    return np.asarray(TruncatedSVD(n_components=2, random_state=seed).fit_transform(vectors))
