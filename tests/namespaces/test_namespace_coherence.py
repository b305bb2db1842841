"""Coherence of clusters (no labels read) and names made of the clusters' own words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from definiens.namespaces import (
    MIN_COHERENCE,
    DocumentPairs,
    MeaningCounts,
    Pair,
    cluster_coherence,
)
from definiens.namespaces.coherence import is_coherent, meaning_key
from definiens.namespaces.naming import WordCounts, characteristic_words, name_of


def _doc(doc_id: str, *pairs: tuple[str, str], text: str = "") -> DocumentPairs:
    return DocumentPairs(doc_id, (), [Pair(i, d) for i, d in pairs], text=text)


GRAPHS = [_doc(f"g{i}", ("G", "a graph"), ("V", "vertex set")) for i in range(4)]
GROUPS = [_doc(f"h{i}", ("G", "finite group"), ("e", "identity")) for i in range(4)]


def test_a_notation_of_its_own_is_coherent_a_shared_one_is_not() -> None:
    counts = MeaningCounts(GRAPHS + GROUPS)
    graphs = cluster_coherence(GRAPHS, counts)
    # G: the 4 inside agree (1), no document outside gives "graph" (0); V: nobody outside
    # defines it (0); each weighs its 6 pairs of documents
    assert (graphs.score, graphs.identifiers, graphs.agreeing) == (1.0, 2, 12)
    mixed = cluster_coherence(GRAPHS[:2] + GROUPS[:2], counts)
    # G: 2 of the 6 pairs agree inside, a document inside and one outside half the time;
    # V and e: the 2 inside agree, and so does every document outside with them
    assert mixed.score == pytest.approx((6 * (1 / 3 - 1 / 2) + 1 * (1 - 1) + 1 * (1 - 1)) / 8)
    assert mixed.score < 0 < MIN_COHERENCE < graphs.score
    everyone = [_doc(f"n{i}", ("n", "natural number")) for i in range(8)]
    assert cluster_coherence(everyone[:4], MeaningCounts(everyone)).score == 0.0


def test_meanings_are_compared_by_their_head() -> None:
    assert meaning_key("a finite group") == meaning_key("groups") == "group"
    assert meaning_key("the number of vertices") == "number"
    assert meaning_key("of") == "of"


def test_the_rule_needs_size_coherence_and_evidence() -> None:
    value = cluster_coherence(GRAPHS, MeaningCounts(GRAPHS + GROUPS))
    assert not is_coherent(value, len(GRAPHS))  # 4 documents: too few
    assert is_coherent(value, len(GRAPHS), min_size=4)
    lone = cluster_coherence([_doc("a", ("x", "point"))] * 5, MeaningCounts([]))
    assert lone.agreeing == 10 and is_coherent(lone, 5)
    none = cluster_coherence([_doc(f"d{i}") for i in range(5)], MeaningCounts([]))
    assert none.score == 0.0 and not is_coherent(none, 5)


@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from("GHxy"), st.sampled_from(["graph", "group", "set"])),
            max_size=4,
        ),
        min_size=2,
        max_size=12,
    ),
    st.integers(min_value=1, max_value=11),
)
def test_coherence_lies_between_minus_one_and_one(
    pairs: list[list[tuple[str, str]]], cut: int
) -> None:
    docs = [_doc(str(i), *items) for i, items in enumerate(pairs)]
    value = cluster_coherence(docs[:cut], MeaningCounts(docs))
    assert -1.0 <= value.score <= 1.0
    assert value.agreeing >= 0 and value.identifiers <= 4


def test_names_are_the_clusters_characteristic_words() -> None:
    graphs = [
        _doc(f"g{i}", ("G", "graph"), text=f"The vertices and edges of a graph {i} theorem.")
        for i in range(4)
    ]
    groups = [
        _doc(f"h{i}", ("G", "group"), text="A subgroup of a group; theorem.") for i in range(4)
    ]
    counts = WordCounts(graphs + groups)
    # "theorem" is in every document; "graph" is also a meaning (it counts twice)
    assert characteristic_words(graphs, counts) == ["graph", "edges", "vertices"]
    assert name_of(groups, counts, "cluster 1") == "group · subgroup"
    assert name_of([_doc("x")], counts, "cluster 7") == "cluster 7"
