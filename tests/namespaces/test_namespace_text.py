"""Our method's text blocks, the neighbourhood smoothing, and that labels never shape clusters."""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from definiens.namespaces import DocumentPairs, Pair, discover
from definiens.namespaces.cluster import METHODS
from definiens.namespaces.embed import has_tokens, neighbours
from definiens.namespaces.text import (
    body_tokens,
    formula_tokens,
    name_tokens,
    sentence_tokens,
    text_words,
)


def test_text_words_drop_stop_words_and_plurals() -> None:
    assert text_words("The Hilbert spaces of all functions, by Gauss") == [
        "hilbert",
        "space",
        "function",
        "gauss",
    ]
    assert text_words("a basis of the calculus; families") == ["basis", "calculus", "family"]


def test_blocks_of_a_document() -> None:
    doc = DocumentPairs(
        "d",
        ("46",),
        [],
        names=("Hilbert space", "inner product"),
        sentences=("Let H be a Hilbert space.",),
        formulas=(r"\mathbb{C} \times \int_0^1 f", r"\operatorname{Hom}(V, W)"),
        text="Every Hilbert space is a Banach space.",
    )
    assert name_tokens(doc) == [
        "hilbert",
        "space",
        "hilbert_space",
        "inner",
        "product",
        "inner_product",
    ]
    assert sentence_tokens(doc) == ["hilbert", "space"]
    assert formula_tokens(doc) == [r"\mathbb", r"\times", r"\int", "F:C", r"\operatorname", "F:Hom"]
    assert body_tokens(doc) == ["hilbert", "space", "banach", "space"]
    assert has_tokens(doc, METHODS["ours"]) and not has_tokens(doc, METHODS["thesis"])


def test_neighbours_are_the_most_similar_other_rows() -> None:
    rows = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]])
    graph = neighbours(csr_matrix(rows / np.linalg.norm(rows, axis=1, keepdims=True)), 1)
    assert graph.toarray().argmax(axis=1).tolist() == [1, 0, 3, 2]
    assert np.allclose(graph.sum(axis=1), 1.0)
    assert graph.diagonal().sum() == 0


def _corpus(labels: list[str]) -> list[DocumentPairs]:
    fields = [
        ("graph", "vertex edge colouring", r"\chi(G) \leq \Delta"),
        ("prime", "divisor congruence residue", r"\pmod{p} \mid \mathbb{Z}"),
        ("probability", "random variable expectation", r"\mathbb{E} \Pr \sigma"),
    ]
    docs = []
    for i, label in enumerate(labels):
        topic, words, tex = fields[i % 3]
        docs.append(
            DocumentPairs(
                f"doc{i}",
                (label,),
                [Pair("x", f"{topic} number {i % 5}")],
                names=(f"{topic} {words.split()[i % 3]}",),
                sentences=(f"Let x be the {topic} {words}.",),
                formulas=(tex,),
            )
        )
    return docs


def test_labels_never_shape_the_clusters() -> None:
    labels = [str(i % 3) for i in range(30)]
    first = discover(_corpus(labels), "ours")
    scrambled = discover(_corpus(labels[::-1][:7] + ["x"] * 23), "ours")
    assert first.assignments == scrambled.assignments
    # nor which clusters are namespaces, nor their names: labels only give purity figures
    assert [(s.name, s.coherence) for s in first.clusters] == [
        (s.name, s.coherence) for s in scrambled.clusters
    ]
    assert first.summary.coverage == scrambled.summary.coverage
    assert first.summary.purity == 1.0 and first.summary.pure_covered == 30
    assert scrambled.summary.purity < 1.0 and scrambled.summary.pure_covered < 30
