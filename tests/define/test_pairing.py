"""Pairing a symbol with a phrase of its sentence, on parses written out by hand (the parser's
output for these sentences, so that a model update cannot hide a change of the rules), and on a
few whole sentences through the parser."""

from __future__ import annotations

import pytest

from definiens.define.mention import Mention
from definiens.define.pairing import Occurrence, Tokens, measure_pair
from definiens.define.stage import Definer
from definiens.formulas import identify
from definiens.ingest import from_text, parse


def _tokens(words: str, heads: list[int], deps: str, tags: str) -> Tokens:
    lower = words.lower().split()
    marks = [(i, 7) for i, word in enumerate(lower) if word.startswith("formula")]
    placeholders, seen = [], 0
    for i in range(len(lower) + 1):
        placeholders.append(seen)
        seen += any(at == i for at, _ in marks)
    return Tokens(
        lower=lower,
        heads=heads,
        placeholders=placeholders,
        marks=marks,
        symbols=[],
        tags=tags.split(),
        conj=[dep == "conj" for dep in deps.split()],
        left=list(range(len(lower))),
        deps=deps.split(),
    )


def _mention(first: int, last: int) -> Mention:
    return Mention("phrase", first, last, 0, 0, "phrase")


def test_a_symbol_parsed_as_a_second_subject_right_after_the_first_is_its_apposition() -> None:
    # "The numbers $p_{ij}$ are the transition probabilities of the chain."
    tokens = _tokens(
        "The numbers FORMULA7 are the transition probabilities of the chain .",
        [1, 3, 3, 3, 6, 6, 3, 6, 9, 7, 3],
        "det nsubj nsubj ROOT det compound attr prep det pobj punct",
        "DT NNS NNP VBP DT NN NNS IN DT NN .",
    )
    measured = measure_pair(tokens, Occurrence("p_{ij}", 2, True), _mention(5, 6))
    assert measured is not None
    assert "copula" in measured["patterns"]


def test_a_symbol_in_the_subjects_modifier_is_not_what_the_subject_is() -> None:
    # "The degree of a vertex $v$ is the number of edges."
    tokens = _tokens(
        "The degree of a vertex FORMULA7 is the number of edges .",
        [1, 6, 1, 4, 2, 4, 6, 8, 6, 8, 9, 6],
        "det nsubj prep det pobj appos ROOT det attr prep pobj punct",
        "DT NN IN DT NN NNP VBZ DT NN IN NNS .",
    )
    measured = measure_pair(tokens, Occurrence("v", 5, True), _mention(8, 8))
    assert measured is None or "copula" not in measured["patterns"]


def _stated(text: str, identifier: str) -> dict[str, bool]:
    """Each candidate phrase of ``identifier`` in a Markdown ``text``: whether a definitional
    pattern pairs it with the identifier."""
    document = identify(parse(from_text(text, "markdown", title="t")))
    _, candidates = Definer().candidates(document)
    return {c.form: c.values["pattern_any"] > 0 for c in candidates[identifier]}


@pytest.mark.slow
def test_the_object_of_a_preposition_takes_no_called_pattern() -> None:
    stated = _stated("The set of all probe functions is denoted by $\\mathbb{F}$.", "\\mathbb{F}")
    assert stated["set of all probe functions"]
    assert not stated["probe function"]
