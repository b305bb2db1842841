"""Coherence of a cluster: how consistently its documents give an identifier the same meaning,
compared with the documents outside it. No label is read.

For an identifier ``i`` defined by ``n`` documents of the cluster and ``N`` documents outside
it, with ``c_m`` and ``o_m`` of them giving meaning ``m`` inside and outside:

* agreement inside ``a_in(i) = sum_m c_m (c_m - 1) / (n (n - 1))``: the chance that two
  documents of the cluster that define ``i`` give it the same meaning;
* agreement with the outside ``a_out(i) = sum_m c_m o_m / (n N)``: the chance that a document
  of the cluster and one outside it give ``i`` the same meaning (0 when no document outside
  defines ``i``: its meanings are the cluster's own).

The coherence of the cluster is the mean of ``a_in - a_out`` over its identifiers defined by
at least two of its documents, each weighted by its pairs of documents ``n (n - 1) / 2``; it
lies in [-1, 1] and is about 0 for a group of documents drawn at random. A cluster whose
documents share a notation of their own ("G" is a graph here, a group elsewhere) scores high;
one whose documents agree only on conventions everyone shares ("n" a natural number) scores
near 0, and one whose documents disagree scores below 0. Meanings are compared by their head
noun, crudely singular ("the primes" = "prime", "a finite group" = "group").

On PlanetMath (9,541 documents, 1,205 clusters of method ``ours``), groups of 8 documents
drawn at random score -0.02 in the median, 0.16 at the 90th and 0.21 at the 95th percentile:
hence the threshold 0.2 (docs/namespaces.md has the figures).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from definiens.namespaces.data import DocumentPairs
from definiens.namespaces.features import definiens_head
from definiens.namespaces.purity import MIN_SIZE
from definiens.namespaces.text import singular

__all__ = [
    "MIN_COHERENCE",
    "MIN_EVIDENCE",
    "Coherence",
    "MeaningCounts",
    "cluster_coherence",
    "is_coherent",
    "meaning_key",
]

# A cluster is a namespace when its coherence reaches this (about the 95th percentile of random
# groups on PlanetMath) and at least MIN_EVIDENCE pairs of its documents agree on a meaning.
MIN_COHERENCE = 0.2
MIN_EVIDENCE = 2


def meaning_key(definiens: str) -> str:
    """A meaning as compared: its head noun, lower case and singular ("a finite group" and
    "groups" are one meaning; modifiers vary more between documents than the notion does)."""
    head = definiens_head(definiens)
    return singular(head) if head else definiens.lower().strip()


def _meanings(doc: DocumentPairs) -> set[tuple[str, str]]:
    return {(p.identifier, meaning_key(p.definiens)) for p in doc.pairs if p.definiens}


class MeaningCounts:
    """How many documents of a corpus give each identifier each meaning (a document counts
    once per identifier–meaning pair)."""

    def __init__(self, documents: Iterable[DocumentPairs]) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        for doc in documents:
            for identifier, meaning in _meanings(doc):
                self.counts[identifier][meaning] += 1

    def outside(self, identifier: str, inside: Counter[str]) -> Counter[str]:
        """The documents giving each meaning of ``identifier`` outside a cluster whose
        documents give it the meanings ``inside`` (the corpus must hold the cluster)."""
        return self.counts.get(identifier, Counter()) - inside


@dataclass(frozen=True)
class Coherence:
    """The coherence of a cluster (see the module), the identifiers it was measured on, and
    ``agreeing``: the pairs of its documents that give an identifier the same meaning."""

    score: float
    identifiers: int
    agreeing: int


def cluster_coherence(cluster: Sequence[DocumentPairs], counts: MeaningCounts) -> Coherence:
    """The coherence of the documents of one cluster against the corpus of ``counts`` (which
    should hold them)."""
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in cluster:
        for identifier, meaning in _meanings(doc):
            inside[identifier][meaning] += 1
    total = weight = 0.0
    measured = agreeing = 0
    for identifier, here in inside.items():
        n = sum(here.values())
        if n < 2:
            continue
        same = sum(c * (c - 1) for c in here.values())
        there = counts.outside(identifier, here)
        out_n = sum(there.values())
        cross = sum(c * there[m] for m, c in here.items()) / (n * out_n) if out_n else 0.0
        pairs = n * (n - 1) / 2
        total += pairs * (same / (n * (n - 1)) - cross)
        weight += pairs
        measured += 1
        agreeing += same // 2
    score = total / weight if weight else 0.0
    return Coherence(round(score, 6), measured, agreeing)


def is_coherent(
    value: Coherence,
    size: int,
    *,
    min_coherence: float = MIN_COHERENCE,
    min_evidence: int = MIN_EVIDENCE,
    min_size: int = MIN_SIZE,
) -> bool:
    """The namespace rule: large enough, coherent enough, on enough agreeing pairs."""
    return size >= min_size and value.score >= min_coherence and value.agreeing >= min_evidence
