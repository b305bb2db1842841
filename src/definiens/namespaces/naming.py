"""Readable names of namespaces from their own content, without labels.

A namespace is named by its most characteristic words, e.g. "scheme · morphism · sheaf": words
of its documents' meanings and names (title, defined terms) count twice, words of their text
once; a word scores by that count over the namespace's documents times its inverse document
frequency in the whole corpus, so words every document uses ("theorem") lose to words
of this namespace. A word is shown in the form its documents use most ("spaces" and "space"
count as one word, shown as the more frequent form).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from definiens.namespaces.data import DocumentPairs
from definiens.namespaces.text import STOP, singular

__all__ = ["NAME_WORDS", "WordCounts", "characteristic_words", "name_of"]

NAME_WORDS = 3
SEPARATOR = " · "
# Function words the clustering's stop list keeps (they weigh little there) but a name must not
# show: a biography cluster is "born · mathematician", not "his · born".
_NOT_IN_NAMES = """he his him she her hers they them was were been being who whom whose what
how why would should could may might must shall will does did done very much many most"""
_NAME_STOP = STOP | frozenset(_NOT_IN_NAMES.split())
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|-)*[^\W\d_]")  # letters of any script ("kähler")


def _words(texts: Iterable[str]) -> dict[str, str]:
    """Content words of texts, by singular key, with the first surface form met."""
    found: dict[str, str] = {}
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if len(word) > 2 and word not in _NAME_STOP:
                found.setdefault(singular(word), word)
    return found


def _salient(doc: DocumentPairs) -> dict[str, str]:
    return _words([*doc.names, *(p.definiens for p in doc.pairs if p.definiens)])


def _text(doc: DocumentPairs) -> dict[str, str]:
    return _words([doc.text])


class WordCounts:
    """In how many documents of a corpus each word (singular key) occurs."""

    def __init__(self, documents: Iterable[DocumentPairs]) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()
        for doc in documents:
            self.documents += 1
            self.frequency.update(set(_salient(doc)) | set(_text(doc)))

    def idf(self, key: str) -> float:
        """Smoothed inverse document frequency of a word key (0 for a word of every
        document)."""
        return math.log((self.documents + 1) / (self.frequency.get(key, 0) + 1))


def characteristic_words(
    cluster: Sequence[DocumentPairs], counts: WordCounts, count: int = NAME_WORDS
) -> list[str]:
    """The ``count`` most characteristic words of a cluster (see the module), best first;
    a word must occur in two of its documents (in one, for a one-document cluster). Words of
    every document of the corpus are not characteristic; when the cluster has no other (it is
    the whole corpus), its most frequent words are."""
    weight: Counter[str] = Counter()
    present: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    for doc in cluster:
        salient, text = _salient(doc), _text(doc)
        for key in set(salient) | set(text):
            weight[key] += 2 * (key in salient) + (key in text)
            present[key] += 1
            surfaces.setdefault(key, Counter())[salient.get(key) or text[key]] += 1
    floor = min(2, len(cluster))
    kept = [key for key in weight if present[key] >= floor]
    scored = [(weight[key] * counts.idf(key), key) for key in kept]
    if not any(score > 0 for score, _ in scored):
        scored = [(float(weight[key]), key) for key in kept]
    scored = [item for item in scored if item[0] > 0]
    best = sorted(scored, key=lambda item: (-item[0], item[1]))[:count]
    return [min(surfaces[key].items(), key=lambda s: (-s[1], s[0]))[0] for _, key in best]


def name_of(cluster: Sequence[DocumentPairs], counts: WordCounts, fallback: str) -> str:
    """The name of a cluster: its characteristic words joined by " · " (``fallback`` if it
    has none)."""
    return SEPARATOR.join(characteristic_words(cluster, counts)) or fallback
