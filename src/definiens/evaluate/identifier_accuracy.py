"""How well the extracted identifiers match a gold standard's (precision, recall, F1).

The NTCIR-11 gold lists essentially all identifiers of each formula (the keys of its
``definitions``); identifiers are compared as canonical TeX without whitespace, and the counts
are pooled over all formulas (micro average).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from definiens.evaluate.gold import GoldFormula, normalise_identifier
from definiens.formulas.identifiers import extract_identifiers

__all__ = ["IdentifierScore", "score_identifiers"]


@dataclass
class IdentifierScore:
    """Pooled counts, with the misses and extras as ``(qID, identifier)`` pairs."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    formulas: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_identifiers(gold: Iterable[GoldFormula], indices: bool = False) -> IdentifierScore:
    """Extract the identifiers of each gold formula and compare them with the gold ones.

    ``indices``: count the running indices read only inside subscripts (the ``i`` of
    ``x_{i}``); the NTCIR-11 gold never lists them, so they are left out by default.
    """
    score = IdentifierScore()
    for formula in gold:
        expected = set(formula.definitions)
        read = extract_identifiers(formula.tex, indices=indices).tex
        found = [normalise_identifier(t) for t in read]
        score.formulas += 1
        score.true_positives += len(expected.intersection(found))
        extras = [t for t in found if t not in expected]
        misses = sorted(expected.difference(found))
        score.false_positives += len(extras)
        score.false_negatives += len(misses)
        score.extras += [(formula.qid, t) for t in extras]
        score.misses += [(formula.qid, t) for t in misses]
    return score
