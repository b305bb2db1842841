"""Identifier namespaces: groups of documents that share a notation (Grigorev 2015; Schubotz,
Grigorev et al., SIGIR 2016).

:func:`discover` clusters documents given as identifier–definiens pairs
(:class:`DocumentPairs`) with the thesis's method or ours and keeps the coherent clusters (their
documents give an identifier the same meaning more consistently than the rest of the corpus,
>= 5 documents; no labels needed) as namespaces, each named by its characteristic words, with
its majority label and purity where documents carry labels (the thesis's rule, purity >= 0.8,
is kept as a figure), and a table "identifier -> definiens (score, support)". :func:`rerank` uses a
namespace's table to re-rank a document's meanings. The package works on plain data;
:mod:`definiens.run.namespaces` reads pairs from and writes namespaces to a results database.
"""

from __future__ import annotations

from definiens.namespaces.cluster import METHODS, Method
from definiens.namespaces.coherence import (
    MIN_COHERENCE,
    Coherence,
    MeaningCounts,
    cluster_coherence,
    is_coherent,
)
from definiens.namespaces.data import (
    Clustering,
    DocumentPairs,
    Namespace,
    Pair,
    Summary,
    TableRow,
)
from definiens.namespaces.discover import SEED, discover, summarise
from definiens.namespaces.documents import from_document
from definiens.namespaces.naming import WordCounts, characteristic_words, name_of
from definiens.namespaces.purity import (
    MIN_PURITY,
    MIN_SIZE,
    cluster_purity,
    is_namespace,
    overall_purity,
)
from definiens.namespaces.rerank import rerank
from definiens.namespaces.tables import build_namespaces, namespace_table

__all__ = [
    "METHODS",
    "MIN_COHERENCE",
    "MIN_PURITY",
    "MIN_SIZE",
    "SEED",
    "Clustering",
    "Coherence",
    "DocumentPairs",
    "MeaningCounts",
    "Method",
    "Namespace",
    "Pair",
    "Summary",
    "TableRow",
    "WordCounts",
    "build_namespaces",
    "characteristic_words",
    "cluster_coherence",
    "cluster_purity",
    "discover",
    "from_document",
    "is_coherent",
    "is_namespace",
    "name_of",
    "namespace_table",
    "overall_purity",
    "rerank",
    "summarise",
]
