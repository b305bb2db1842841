"""A candidate meaning of an identifier: its text, the features gathered for it, its best evidence.

Candidates are built by :func:`definiens.define.build.build_candidates`; the ranker reads
:meth:`Candidate.vector`.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from definiens.define.context import Sentence
from definiens.define.feature_names import FEATURES
from definiens.define.mentions import Mention
from definiens.define.nlp import singular

__all__ = [
    "FUNCTION_WORDS",
    "PREPOSITIONS",
    "Candidate",
    "meaning_words",
    "normalise",
    "preposition_at",
    "stem_of",
]

#: The prepositions other than "of" that may follow a meaning's head noun ("rate constant for
#: electron transfer").
PREPOSITIONS = frozenset({"for", "in", "on", "at", "over", "with", "between", "under"})


def preposition_at(words: Sequence[str]) -> int | None:
    """The position of the first preposition after a meaning's first word, the one that ends
    its head noun ("speed of light": 1), or None."""
    return next(
        (k for k in range(1, len(words)) if words[k] == "of" or words[k] in PREPOSITIONS), None
    )


#: Words of a meaning that say nothing of what it is (compared meanings, initials).
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "for", "to", "and", "or", "with", "by", "its"}
)


@functools.lru_cache(maxsize=16)
def _getter(names: tuple[str, ...]) -> Any:
    return operator.itemgetter(*names)


def normalise(text: str) -> str:
    """A meaning as compared: lower case, single spaces."""
    return " ".join(text.lower().split())


@functools.lru_cache(maxsize=65536)
def meaning_words(key: str) -> frozenset[str]:
    """The words of a meaning (``Candidate.key``) that say what it is, singular: two meanings
    sharing one are variants of one ("time", "stopping time")."""
    return frozenset(singular(w) for w in key.split() if w not in FUNCTION_WORDS)


@dataclass
class Candidate:
    """A candidate meaning of an identifier with its aggregated features and best evidence.

    ``form`` is the meaning as written in the document (shown); ``key`` the same normalised
    (compared); ``variants`` the surface variants of mentions that gave it (``"phrase"``,
    ``"head"``, ``"link_anchor"``…, see :data:`~definiens.define.feature_names.VARIANTS`);
    ``places`` where in the text its pairs are (for the scope features of :mod:`.scoping`).
    """

    identifier: str
    form: str
    key: str
    variants: set[str] = field(default_factory=set)
    values: dict[str, float] = field(default_factory=dict)
    best: tuple[float, Mention, Sentence] | None = None
    #: Where its evidence is: (text offset of the sentence, whether the pair there states it
    #: for the identifier alone by a definitional pattern), one per pair.
    places: list[tuple[int, bool]] = field(default_factory=list)
    #: The sentences (start and end offsets) where a pattern states it of the identifier
    #: written by itself, neither in a larger formula nor with a power ("$s^2$") (for
    #: :func:`~.passages.passages`).
    statements: list[tuple[int, int]] = field(default_factory=list)
    #: A pattern states it of the identifier written alone ("where $s$ denotes …"), not only
    #: of a formula the identifier is written in ("the sample variance is $s^2 = …$").
    written_alone: bool = False

    def vector(self, names: Sequence[str] = FEATURES) -> list[float]:
        """The values of the features ``names`` (0.0 for any the candidate lacks)."""
        names = tuple(names)
        try:
            found = _getter(names)(self.values)
        except KeyError:
            return [self.values.get(name, 0.0) for name in names]
        return list(found) if len(names) != 1 else [found]

    @functools.cached_property
    def stem(self) -> str:
        """The meaning with its head noun and its last word in the singular: "bits" and "bit",
        "sections of the bundle" and "section of the bundle" are one meaning."""
        words = self.singular.split()
        return " ".join([*words[:-1], singular(words[-1])]) if words else self.key

    @functools.cached_property
    def singular(self) -> str:
        """The meaning with its head noun in the singular ("section of the bundle" for
        "sections of the bundle", "morphism of schemes" as it is)."""
        words = self.key.split()
        if not words:
            return self.key
        at = preposition_at(words)
        head = len(words) - 1 if at is None else at - 1
        return " ".join([*words[:head], singular(words[head]), *words[head + 1 :]])

    @property
    def method(self) -> str:
        if self.best is None:
            return "concept"
        if self.values.get("pattern_any"):
            return "pattern"
        if self.variants & {"link_anchor", "link_target"}:
            return "link"
        if self.variants & {"head", "compound"}:
            return "head_lemma"
        return "noun_phrase"


def stem_of(candidate: Candidate) -> str:
    """:attr:`Candidate.stem`, as a function (for :func:`definiens.define.ranker.choose`)."""
    return candidate.stem
