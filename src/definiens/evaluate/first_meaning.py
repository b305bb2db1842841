"""First-meaning scoring: is the first meaning a reader is shown the right one?

What a reader sees when hovering an identifier is its first meaning. For every gold (formula,
identifier) pair the first row written for that pair (in file order) is the answer: right when
it equals an accepted meaning (compared as in :func:`~definiens.evaluate.gold.normalise_definiens`),
missing when there is no row. A gold key with no row of its own is answered by the first row of
an identifier with the same base symbol (the part before ``_`` or ``^``) that the gold does not
list for that formula (index conventions differ: ``g`` and ``g_{j}``); rows for identifiers the
gold does not list are otherwise ignored. Precision is right / answered, recall right / gold
pairs; both are given for the meanings the text states (``stated``), the inferred ones and all
(the protocol of the shared data's ``docs/evaluation.md``, last section).

>>> from definiens.evaluate.gold import GoldFormula
>>> from definiens.evaluate.scoring import IdentRow
>>> gold = GoldFormula("q1", "Energy", "E = mc^2", definitions={"E": [{"energy"}], "m": [{"mass"}]},
...                    stated={"E": True, "m": True})
>>> rows = [IdentRow("q1", "Energy", "E", "energy"), IdentRow("q1", "Energy", "E", "power"),
...         IdentRow("q1", "Energy", "m", "speed")]
>>> result = score_first_meaning([gold], rows)
>>> result.parts["stated"].precision, result.parts["stated"].recall
(0.5, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from definiens.evaluate.gold import GoldFormula, normalise_definiens, normalise_identifier
from definiens.evaluate.scoring import IdentRow, harmonic_mean, ratio

__all__ = ["Answer", "FirstMeaningScore", "Part", "base_symbol", "score_first_meaning"]

PARTS = ("stated", "inferred", "all")


def base_symbol(identifier: str) -> str:
    """The part of an identifier before its first subscript or superscript (``g_{j}`` -> ``g``)."""
    for position, char in enumerate(identifier):
        if char in "_^":
            return identifier[:position]
    return identifier


@dataclass
class Part:
    """Counts of one part (stated, inferred or all) and their precision, recall and F1."""

    gold: int = 0
    answered: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.right, self.answered)

    @property
    def recall(self) -> float:
        return ratio(self.right, self.gold)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def summary(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "right": self.right,
            "answered": self.answered,
            "gold_pairs": self.gold,
        }


@dataclass
class Answer:
    """The first answer for one gold (formula, identifier) pair, and whether it is right."""

    qid: str
    identifier: str
    stated: bool | None
    answer: str | None
    right: bool
    accepted: list[str] = field(default_factory=list)


@dataclass
class FirstMeaningScore:
    """The three parts and the answer of every gold pair."""

    parts: dict[str, Part]
    answers: list[Answer]

    def summary(self) -> dict[str, Any]:
        return {name: part.summary() for name, part in self.parts.items()}


def _first_rows(rows: Iterable[IdentRow]) -> dict[str, dict[str, str]]:
    """The first definiens of every (query, identifier), in file order."""
    first: dict[str, dict[str, str]] = {}
    for row in rows:
        by_identifier = first.setdefault(row.qid, {})
        by_identifier.setdefault(normalise_identifier(row.identifier), row.definiens)
    return first


def _answer(key: str, gold: GoldFormula, written: dict[str, str]) -> str | None:
    if key in written:
        return written[key]
    base = base_symbol(key)
    for identifier, definiens in written.items():
        if identifier not in gold.definitions and base_symbol(identifier) == base:
            return definiens
    return None


def score_first_meaning(gold: Sequence[GoldFormula], rows: Iterable[IdentRow]) -> FirstMeaningScore:
    """Score the first row of every gold (formula, identifier) pair (module docstring)."""
    first = _first_rows(rows)
    parts = {name: Part() for name in PARTS}
    answers: list[Answer] = []
    for formula in gold:
        written = first.get(formula.qid, {})
        for key in formula.definitions:
            answer = _answer(key, formula, written)
            right = answer is not None and normalise_definiens(answer) in formula.accepted(key)
            stated = formula.stated.get(key)
            names = ["all"] + (["stated" if stated else "inferred"] if stated is not None else [])
            for name in names:
                part = parts[name]
                part.gold += 1
                part.answered += answer is not None
                part.right += right
            accepted = formula.labels.get(key, [])
            answers.append(Answer(formula.qid, key, stated, answer, right, accepted))
    return FirstMeaningScore(parts, answers)
