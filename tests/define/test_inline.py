"""Formulas written inside a phrase ("an invertible $\\mathcal{O}_X$-module"): the phrase keeps
them as plain text, and never names them; a formula between an article and its noun ("an
$n \\times n$ matrix") does not hide the noun."""

from __future__ import annotations

import pytest

from definiens.api import annotate
from definiens.define.inline import plain_formula, with_formulas
from definiens.define.mention import Mention
from definiens.model import Formula


@pytest.mark.parametrize(
    ("tex", "plain"),
    [
        ("k", "k"),
        ("\\mathcal{O}_X", "O_X"),
        ("\\mathcal{O}_{X}", "O_X"),
        (" R ", "R"),
        ("\\mathbf{Z}", "Z"),
        ("n", "n"),
        ("\\alpha", None),
        ("x + y", None),
        ("\\mathcal{O}_{X, x}", None),
        ("", None),
    ],
)
def test_a_formula_as_a_reader_copies_it(tex: str, plain: str | None) -> None:
    assert plain_formula(tex) == plain


def _mention(text: str) -> Mention:
    return Mention(text, 0, 2, 0, len(text), "module", variants=[("phrase", text)])


def test_placeholders_are_written_or_the_form_dropped() -> None:
    formulas = {1: Formula(index=1, tex="\\mathcal{O}_X"), 2: Formula(index=2, tex="x + y")}
    kept = with_formulas(
        [_mention("invertible FORMULA1-module"), _mention("FORMULA2-module"), _mention("ring")],
        formulas,
    )
    assert [(m.text, m.variants) for m in kept] == [
        ("invertible O_X-module", [("phrase", "invertible O_X-module")]),
        ("ring", [("phrase", "ring")]),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "identifier", "meaning"),
    [
        ("Let $\\mathcal{L}$ be an invertible $\\mathcal{O}_X$-module.", "\\mathcal{L}",
         "invertible O_X-module"),
        ("Let $X$ be a locally algebraic $k$-scheme.", "X", "locally algebraic k-scheme"),
        ("Let $H_n$ be the $n$-th harmonic number.", "H_{n}", "n-th harmonic number"),
    ],
)  # fmt: skip
def test_a_phrase_keeps_the_formula_it_is_written_with(
    text: str, identifier: str, meaning: str
) -> None:
    document = annotate(text, "markdown", top=3, min_score=0.0)
    assert meaning in [m.text for m in document.definitions[identifier]]
    # the formula inside the phrase is not what it names
    inner = {tex for tex, items in document.definitions.items() for m in items if m.text == meaning}
    assert inner == {identifier}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "identifier", "meaning"),
    [
        ("Let $A$ be an $n \\times n$ matrix with real entries.", "A", "matrix"),
        ("Here $I_n$ is the $n \\times n$ identity matrix.", "I_{n}", "identity matrix"),
        # a formula that cannot be written plainly leaves the rest of the phrase
        ("Let $\\mathcal{F}$ be a $\\sigma$-algebra on $\\Omega$.", "\\mathcal{F}", "algebra"),
    ],
)
def test_a_formula_between_article_and_noun_keeps_the_statement(
    text: str, identifier: str, meaning: str
) -> None:
    assert annotate(text, "markdown").definitions[identifier][0].text == meaning
