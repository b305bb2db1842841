"""The size cut of our clustering leaves no group smaller than a namespace beside larger ones."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.namespaces import METHODS
from definiens.namespaces.cluster import absorb_splinters, cluster_vectors


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_splinters_join_the_nearest_large_cluster() -> None:
    vectors = _unit(
        np.array(
            [
                [1, 0],
                [1, 0.1],
                [1, 0.2],
                [1, -0.1],
                [1, -0.2],
                [0.1, 1],
                [0, 1],
                [0.2, 1],
                [-0.1, 1],
                [0.05, 1],
                [0.9, 0.3],
                [0.2, 0.9],
            ]
        )
    )
    labels = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 3])
    joined = absorb_splinters(vectors, labels, 5)
    assert joined[:10].tolist() == labels[:10].tolist()
    assert joined[10] == 0 and joined[11] == 1


def test_nothing_moves_without_a_large_cluster() -> None:
    vectors = _unit(np.eye(3) + 0.1)
    labels = np.array([0, 1, 1])
    assert absorb_splinters(vectors, labels, 5).tolist() == [0, 1, 1]


def _blobs(seed: int, blobs: int, outliers: int) -> np.ndarray:
    """Groups of 20-40 close points and a few lone points far from them (which a size cut of
    a Ward tree leaves as groups of one)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(blobs, 8)) * 3
    rows = [c + rng.normal(scale=0.3, size=(rng.integers(20, 40), 8)) for c in centres]
    rows.append(rng.normal(size=(outliers, 8)) * 6)
    return _unit(np.vstack(rows))


@settings(max_examples=20, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=1, max_value=3),
)
def test_tree_cut_leaves_no_group_below_the_namespace_size(
    seed: int, blobs: int, outliers: int
) -> None:
    labels = cluster_vectors(_blobs(seed, blobs, outliers), METHODS["ours"], seed=0)
    sizes = np.bincount(labels)
    assert sizes.min() >= METHODS["ours"].min_piece
    assert labels.max() + 1 == len(sizes)
