"""Namespace tables, names, token features and re-ranking with a namespace."""

from __future__ import annotations

import dataclasses

from definiens.model import Definiens, Document, Formula, Identifier
from definiens.namespaces import DocumentPairs, Pair, TableRow, namespace_table, rerank
from definiens.namespaces.features import (
    definiens_head,
    ours_tokens,
    strong_tokens,
    weak_tokens,
)
from definiens.namespaces.tables import build_namespaces, describe_clusters


def test_weak_and_strong_association() -> None:
    pairs = [Pair("E", "the energy"), Pair("H", "Hilbert space of states"), Pair("x", "")]
    assert weak_tokens(pairs) == ["id:E", "w:energy", "id:H", "w:hilbert", "w:space", "w:states"]
    assert strong_tokens(pairs) == ["E=energy", "H=hilbert space states"]
    assert ours_tokens(pairs)[-3:] == ["id:x", "E^energy", "H^space"]


def test_definiens_head() -> None:
    assert definiens_head("number of elements") == "number"
    assert definiens_head("a Hilbert space") == "space"
    assert definiens_head("of") == ""


def test_table_sums_best_scores_per_document() -> None:
    docs = [
        DocumentPairs("a", ("05",), [Pair("G", "graph", 0.5), Pair("G", "Graph", 0.7)]),
        DocumentPairs("b", ("05",), [Pair("G", "the graph", 0.4), Pair("G", "group", 0.9)]),
        DocumentPairs("c", ("05",), [Pair("V", "", 0.0)]),
    ]
    assert namespace_table(docs) == [
        TableRow("G", "graph", 1.1, 2),
        TableRow("G", "group", 0.9, 1),
    ]


def test_names_are_unique_and_labels_readable() -> None:
    docs = [DocumentPairs(f"d{i}", ("11",), [Pair("p", "prime")]) for i in range(10)]
    assignments = {d.doc_id: i // 5 for i, d in enumerate(docs)}
    clusters = describe_clusters(docs, assignments, {"11": "Number theory"})
    assert [(s.name, s.label) for s in clusters] == [
        ("prime", "Number theory"),
        ("prime (2)", "Number theory"),
    ]
    assert [s.label for s in describe_clusters(docs, assignments, {})] == ["11", "11"]
    # both halves give "p" the meaning the other half gives it: nothing of their own
    assert [s.coherence for s in clusters] == [0.0, 0.0]
    assert build_namespaces(docs, assignments, {}) == []


def _document() -> Document:
    formula = Formula(0, "p + q", identifiers=[Identifier("p"), Identifier("q")])
    doc = Document("d", "D", "test", "latex", "", formulas=[formula])
    doc.definitions = {
        "p": [Definiens("p", "point", 0.5, "pattern"), Definiens("p", "prime", 0.4, "pattern")]
    }
    return doc


TABLE = [
    TableRow("p", "prime number", 3.0, 6),
    TableRow("p", "point", 1.0, 1),
    TableRow("q", "prime", 2.0, 4),
]


def test_rerank_prefers_the_namespace_meaning_and_fills_gaps() -> None:
    doc = _document()
    out = rerank(doc, TABLE, weight=0.5, inherit=0.5)
    assert [d.text for d in out.definitions["p"]] == ["point", "prime"]  # "prime" != "prime number"
    table = [TableRow("p", "prime", 3.0, 6), *TABLE[1:]]
    out = rerank(doc, table, weight=0.5, inherit=0.5)
    assert [d.text for d in out.definitions["p"]] == ["prime", "point"]
    assert out.definitions["p"][0].score == 0.4 + 0.5  # "point" has support 1: ignored
    inherited = out.definitions["q"]
    assert [(d.text, d.method, d.score) for d in inherited] == [("prime", "namespace", 0.5)]
    assert [d.text for d in doc.definitions["p"]] == ["point", "prime"]  # input unchanged
    assert "q" not in doc.definitions


def test_documents_inside_a_namespace_are_ranked_with_its_table() -> None:
    from definiens.namespaces import Clustering, Namespace, Summary
    from definiens.run.namespaces import rank_in_namespaces

    space = Namespace(0, "prime · divisor", "", None, ["nt/a.tex"], TABLE, coherence=0.5)
    summary = Summary("ours", 2, 2, 2, 1, 1, 0.5, 0.5, 0.0, 0.0)
    clustering = Clustering("ours", [], {"nt/a.tex": 0, "other": 1}, [space], summary)
    inside, outside = _document(), dataclasses.replace(_document(), id="other")
    ranked = rank_in_namespaces([inside, outside], clustering, {"d": "nt/a.tex"})
    assert [d.text for d in ranked[0].definitions["q"]] == ["prime"]  # inherited
    assert ranked[1] is outside and "q" not in outside.definitions
