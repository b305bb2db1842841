"""Identifier namespaces: groups of documents that share a notation (Grigorev 2015; Schubotz,
Grigorev et al., SIGIR 2016).

:func:`discover` clusters documents given as identifier–definiens pairs
(:class:`DocumentPairs`) with the thesis's method or ours and keeps the clusters that are pure
with respect to the documents' categories (purity >= 0.8, >= 5 documents) as namespaces, each
with a name and a table "identifier -> definiens (score, support)". :func:`rerank` uses a
namespace's table to re-rank a document's meanings. The package works on plain data;
:mod:`definiens.run.namespaces` reads pairs from and writes namespaces to a results database.
"""

from __future__ import annotations

from definiens.namespaces.cluster import METHODS, Method
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
    "MIN_PURITY",
    "MIN_SIZE",
    "SEED",
    "Clustering",
    "DocumentPairs",
    "Method",
    "Namespace",
    "Pair",
    "Summary",
    "TableRow",
    "build_namespaces",
    "cluster_purity",
    "discover",
    "from_document",
    "is_namespace",
    "namespace_table",
    "overall_purity",
    "rerank",
    "summarise",
]
