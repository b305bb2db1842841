"""Identifier extraction against the NTCIR-11 dev gold identifiers (copy in tests/data)."""

from __future__ import annotations

from pathlib import Path

from definiens.evaluate.gold import load_gold
from definiens.evaluate.identifier_accuracy import score_identifiers

GOLD = Path(__file__).parents[1] / "data" / "ntcir11" / "gold-dev.json"


def test_gold_identifiers_f1_at_least_098() -> None:
    score = score_identifiers(load_gold(GOLD))
    assert score.formulas == 50
    details = f"misses {score.misses}, extras {score.extras}"
    assert score.f1 >= 0.98, details
    assert score.precision >= 0.97, details
    assert score.recall >= 0.98, details


def test_score_counts_misses_and_extras() -> None:
    gold = load_gold(GOLD)
    formula = next(f for f in gold if f.qid == "1")  # W(2, k) > 2^k/k^\varepsilon
    formula.definitions = {"W": [], "q": []}
    score = score_identifiers([formula])
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 2, 1)
    assert score.misses == [("1", "q")]
    assert score.extras == [("1", "k"), ("1", "\\varepsilon")]
