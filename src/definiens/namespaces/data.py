"""The data of namespace discovery: what goes in (documents as identifier–definiens pairs) and
what comes out (clusters, namespaces with their tables, summary figures).

The clustering never sees where the pairs came from: a results database
(:mod:`definiens.namespaces.storage`), documents in memory, or a benchmark's cache all become
:class:`DocumentPairs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Clustering",
    "DocumentPairs",
    "Namespace",
    "Pair",
    "Summary",
    "TableRow",
]


@dataclass(frozen=True)
class Pair:
    """One identifier–definiens relation of a document, with the extractor's score; an empty
    ``definiens`` records that the document uses the identifier without defining it."""

    identifier: str
    definiens: str
    score: float = 1.0


@dataclass
class DocumentPairs:
    """A document as the clustering sees it.

    ``labels`` are its categories (wiki ``[[Category:…]]``) or top-level MSC classes
    (PlanetMath): they are only used to judge clusters (purity) and to name namespaces, never to
    form clusters. ``key`` is an optional handle of the caller (the database's ``documents.doc``).
    Our method also reads the document's text, when given: ``names`` (its title and the terms it
    defines), ``sentences`` (those its definiens came from), ``formulas`` (TeX) and ``text`` (its
    whole running text, without formulas).
    """

    doc_id: str
    labels: tuple[str, ...]
    pairs: list[Pair]
    key: int | None = None
    names: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    formulas: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class TableRow:
    """A meaning of an identifier inside a namespace: ``score`` sums the documents' scores,
    ``support`` counts the documents of the namespace that give this meaning."""

    identifier: str
    definiens: str
    score: float
    support: int


@dataclass
class Namespace:
    """A coherent cluster (see :mod:`definiens.namespaces.coherence`): its name made of its own
    words, its coherence and the pairs of its documents that agree on a meaning (``agreeing``),
    and where its documents carry labels, its majority label (readable) and its purity (None
    when none of them has a label), with its table. Clusters that are no namespace are
    described the same way (:attr:`Clustering.clusters`)."""

    cluster: int
    name: str
    label: str
    purity: float | None
    documents: list[str]
    table: list[TableRow] = field(default_factory=list)
    coherence: float = 0.0
    agreeing: int = 0

    def meanings(self, identifier: str) -> list[TableRow]:
        """The rows of ``identifier``, best first."""
        return [row for row in self.table if row.identifier == identifier]


@dataclass(frozen=True)
class Summary:
    """The figures of one clustering.

    ``documents`` counts every document given, ``clustered`` those the method could place (that
    have tokens for it); ``namespaces`` counts the coherent clusters, ``coverage`` is the share
    of all the documents given that fall inside one (``coverage_clustered``: of the clustered
    ones) and ``coherence`` their mean coherence, weighted by size. Where documents carry labels
    (``labelled`` of them), ``purity`` is the overall purity of the whole clustering (every
    cluster, weighted by size), ``namespace_purity`` the same over the namespaces only, and
    ``pure_clusters`` / ``pure_covered`` count the clusters that pass the thesis's rule (purity
    >= 0.8, >= 5 documents) and their documents, as a figure.
    """

    method: str
    documents: int
    clustered: int
    clusters: int
    namespaces: int
    covered: int
    coverage: float
    coverage_clustered: float
    purity: float
    namespace_purity: float
    coherence: float = 0.0
    labelled: int = 0
    pure_clusters: int = 0
    pure_covered: int = 0


@dataclass
class Clustering:
    """The result of one method: a cluster number per clustered document, the namespaces, and
    every cluster described as a namespace would be (``clusters``, largest first)."""

    method: str
    documents: list[DocumentPairs]
    assignments: dict[str, int]
    namespaces: list[Namespace]
    summary: Summary
    coordinates: dict[str, tuple[float, float]] = field(default_factory=dict)
    clusters: list[Namespace] = field(default_factory=list)

    def namespace_of(self, doc_id: str) -> Namespace | None:
        """The namespace a document belongs to, if any."""
        cluster = self.assignments.get(doc_id)
        for space in self.namespaces:
            if space.cluster == cluster:
                return space
        return None
