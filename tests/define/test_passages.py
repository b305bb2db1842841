"""Passages (``define.passages``): a letter restated with another meaning without a heading
between reads, at each occurrence, the meaning stated nearest."""

from __future__ import annotations

import pytest

from definiens.api import annotate
from definiens.define.candidate import Candidate
from definiens.define.passages import (
    PASSAGE,
    PASSAGE_DEPTH,
    PASSAGE_LEVEL,
    is_passage,
    passage_ranking,
    passages,
)
from definiens.model import Document, Scope


def _stated(form: str, *sentences: tuple[int, int]) -> Candidate:
    candidate = Candidate("x", form, form.lower())
    candidate.statements = list(sentences)
    candidate.places = [(start, True) for start, _ in sentences]
    return candidate


def test_passages_cut_halfway_between_the_sentences_that_state_two_meanings() -> None:
    level = _stated("significance level", (0, 50))
    intercept = _stated("intercept", (100, 140))
    parts = passages([intercept, level], 500)
    assert [(p.kind, p.level, p.start, p.end) for p in parts] == [
        (PASSAGE, PASSAGE_LEVEL, 0, 75),
        (PASSAGE, PASSAGE_LEVEL, 75, 500),
    ]
    assert "significance level" in parts[0].title and "intercept" in parts[1].title
    # a third statement of the first meaning opens a third passage
    again = _stated("level of significance", (300, 320))
    assert len(passages([level, intercept, again], 500)) == 3


def test_statements_sharing_a_word_or_a_sentence_make_no_passage() -> None:
    assert passages([_stated("energy", (0, 10)), _stated("kinetic energy", (200, 230))], 500) == []
    # "the coefficient of determination $R^2$ gives the proportion …": one sentence, no cut
    one = [_stated("proportion", (50, 90)), _stated("coefficient", (50, 90))]
    assert passages(one, 99) == []


def test_a_statement_that_holds_in_its_lemma_makes_no_passage() -> None:
    prime = _stated("prime", (10, 40))
    size = _stated("sample size", (200, 240))
    assert len(passages([prime, size], 500)) == 2
    assert passages([prime, size], 500, local=lambda start: start < 100) == []


def test_a_passage_ranking_holds_for_another_meaning_stated_there_near_the_top() -> None:
    passage = Scope(PASSAGE, "p", PASSAGE_LEVEL, 0, 100)
    level = _stated("significance level", (10, 40))
    intercept = _stated("intercept", (150, 190))
    other = _stated("statistic", (300, 340))
    document = [(0.3, intercept), (0.1, level), (0.05, other)]
    shown = [(0.5, level), (0.2, intercept)]
    assert passage_ranking(shown, document, passage, 0.2) == shown
    assert passage_ranking(shown, document, passage, 0.6) is None  # below the threshold
    # the document's first meaning, or a variant of it, is no other meaning
    assert passage_ranking([(0.5, intercept)], document, passage, 0.2) is None
    time, stopping = _stated("time", (10, 40)), _stated("stopping time", (150, 190))
    assert passage_ranking([(0.5, time)], [(0.4, stopping), (0.3, time)], passage, 0.2) is None
    # not stated in the passage, or too far down the document's ranking
    assert passage_ranking([(0.5, other)], document, passage, 0.2) is None
    deep = [(0.3, intercept), *[(0.1, other)] * PASSAGE_DEPTH, (0.01, level)]
    assert passage_ranking(shown, deep, passage, 0.2) is None


def test_a_reader_environment_named_passage_is_not_a_passage() -> None:
    assert is_passage(Scope(PASSAGE, "p", PASSAGE_LEVEL, 0, 10))
    assert not is_passage(Scope("passage", "Passage", 2, 0, 10))
    assert not is_passage(None)


def _first_meanings(document: Document, tex: str) -> list[tuple[str, str]]:
    found = []
    for formula in document.formulas:
        for identifier in formula.identifiers:
            if identifier.tex == tex:
                meanings = document.meanings(identifier)
                found.append((formula.tex, meanings[0].text if meanings else ""))
    return found


RESTATED = """We reject $H_0$ at significance level $\\alpha$ when $|t|$ exceeds the critical value.

The test is two-sided, so both tails count.

Turning to regression, we model $y = \\alpha + \\beta x$, where $\\alpha$ and $\\beta$ are the \
intercept and slope, respectively.
"""


@pytest.mark.slow
def test_a_letter_restated_without_a_heading_reads_the_nearest_statement() -> None:
    """ "At significance level $\\alpha$" holds until "$\\alpha$ and $\\beta$ are the intercept
    and slope" two paragraphs on."""
    assert _first_meanings(annotate(RESTATED, "markdown"), "\\alpha") == [
        ("\\alpha", "significance level"),
        ("y = \\alpha + \\beta x", "intercept"),
        ("\\alpha", "intercept"),
    ]


@pytest.mark.slow
def test_the_rest_of_a_stating_sentence_reads_its_statement() -> None:
    text = (
        "Here $\\alpha$ is the significance level, and throughout the experiments that follow "
        "in this study we keep $\\alpha$ fixed.\n\nFor the line $y = \\alpha + \\beta x$, "
        "$\\alpha$ is the intercept."
    )
    found = _first_meanings(annotate(text, "markdown"), "\\alpha")
    assert [meaning for _, meaning in found] == [
        "significance level",
        "significance level",
        "intercept",
        "intercept",
    ]


@pytest.mark.slow
def test_a_lemmas_statement_does_not_hold_after_it() -> None:
    text = r"""\documentclass{article}\begin{document}
Let $n$ denote the sample size of the survey, and let the sample size $n$ be large.
\begin{lemma} Let $n$ be a prime. Then $n$ divides $n^2$. \end{lemma}
As the sample size grows, the error falls like $1/\sqrt{n}$.
\end{document}"""
    document = annotate(text, "latex")
    assert not [s for s in document.scopes if is_passage(s)]
    last = _first_meanings(document, "n")[-1]
    assert last == ("1/\\sqrt{n}", "sample size")


@pytest.mark.slow
def test_agreeing_statements_make_no_passages() -> None:
    text = (
        "Here $E$ is the energy of the system.\n\n"
        "In the second part, $E$ is the kinetic energy of the body, and $E = \\frac12 mv^2$."
    )
    assert not [s for s in annotate(text, "markdown").scopes if is_passage(s)]


@pytest.mark.slow
def test_passages_no_occurrence_reads_are_not_kept() -> None:
    document = annotate(RESTATED, "markdown")
    read = {i.scope for f in document.formulas for i in f.identifiers}
    for index, scope in enumerate(document.scopes):
        if is_passage(scope):
            assert index in read
    assert all(index in read for index in document.scoped)
