"""Purity, the namespace rule and coverage on hand-made clusters."""

from __future__ import annotations

import pytest

from definiens.namespaces import (
    DocumentPairs,
    Pair,
    cluster_purity,
    is_namespace,
    overall_purity,
    summarise,
)
from definiens.namespaces.purity import group_clusters, majority_label
from definiens.namespaces.tables import build_namespaces


def test_purity_is_the_share_of_the_majority_label() -> None:
    assert cluster_purity([("11",), ("11",), ("11",), ("05",)]) == 0.75
    assert cluster_purity([]) == 0.0
    assert cluster_purity([(), ()]) == 0.0


def test_a_document_with_several_labels_counts_for_each() -> None:
    labels = [("11", "05"), ("05",), ("11",), ("05", "60")]
    assert majority_label(labels) == ("05", 3)
    assert cluster_purity(labels) == 0.75


def test_ties_go_to_the_smallest_label() -> None:
    assert majority_label([("60",), ("05",)]) == ("05", 1)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([("a",)] * 5, True),
        ([("a",)] * 4, False),  # too small
        ([("a",)] * 4 + [("b",)], True),  # purity exactly 0.8
        ([("a",)] * 3 + [("b",)] * 2, False),  # purity 0.6
        ([("a",)] * 7 + [("b",)] * 2, False),  # 0.78 < 0.8
        ([("a",)] * 8 + [("b",)] * 2, True),
    ],
)
def test_the_namespace_rule(labels: list[tuple[str, ...]], expected: bool) -> None:
    assert is_namespace(labels) is expected


def test_overall_purity_weights_clusters_by_size() -> None:
    groups = {0: [("a",)] * 4 + [("b",)], 1: [("c",), ("d",)]}
    assert overall_purity(groups) == pytest.approx(5 / 7)
    assert overall_purity({}) == 0.0


def _doc(doc_id: str, label: str, *pairs: tuple[str, str]) -> DocumentPairs:
    return DocumentPairs(doc_id, (label,), [Pair(i, d, 0.5) for i, d in pairs])


def test_summary_counts_coverage_over_all_documents() -> None:
    docs = [_doc(f"g{i}", "05", ("G", "graph")) for i in range(5)]
    docs += [_doc(f"n{i}", "11" if i < 2 else "60", ("p", "prime")) for i in range(5)]
    docs.append(_doc("lonely", "11"))  # no pair: not clustered
    assignments = {d.doc_id: (0 if d.doc_id.startswith("g") else 1) for d in docs[:10]}
    assert (
        group_clusters(assignments, {d.doc_id: d.labels for d in docs})[1]
        == [("11",)] * 2 + [("60",)] * 3
    )
    spaces = build_namespaces(docs, assignments, {"05": "Combinatorics"})
    # both clusters are coherent (each gives its identifier one meaning of its own); purity
    # is only reported: the second one's majority label holds 3 of its 5 documents
    assert [(s.name, s.cluster, s.label, s.purity, s.coherence) for s in spaces] == [
        ("graph", 0, "Combinatorics", 1.0, 1.0),
        ("prime", 1, "60", 0.6, 1.0),
    ]
    summary = summarise("x", docs, assignments, spaces)
    assert (summary.documents, summary.clustered, summary.clusters) == (11, 10, 2)
    assert (summary.namespaces, summary.covered) == (2, 10)
    assert summary.coverage == pytest.approx(10 / 11)
    assert summary.coverage_clustered == pytest.approx(1.0)
    assert summary.purity == pytest.approx(0.8)
    assert summary.namespace_purity == pytest.approx(0.8)
    assert (summary.coherence, summary.labelled) == (1.0, 11)
    assert (summary.pure_clusters, summary.pure_covered) == (1, 5)  # the thesis's rule
