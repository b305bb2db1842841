"""The subject of a formula (:func:`definiens.formulas.roles.named`): golden cases, and the
tokens outside the identifiers read as their plain definition says, on any formula."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.formulas import extract_identifiers, tokenize
from definiens.formulas.roles import _rest, named, names_a_map
from definiens.model import Formula

_PIECES = [
    "x", "y", "f", "H", "G", "x_1", "x_n", "\\sigma", "\\bar X_n", "0", "2", "+", "=", "<",
    "(", ")", "{", "}", "^", "_", ",", "\\ldots", "\\in", "\\subseteq", "\\frac", "\\sum",
    "\\mathbb{R}", "\\to", "\\,", "\u03b1", "x\u2082", "\u00b2",
]  # fmt: skip


def _formula(tex: str) -> Formula:
    formula = Formula(index=0, tex=tex)
    formula.identifiers = extract_identifiers(tex).identifiers
    return formula


@pytest.mark.parametrize(
    ("tex", "expected"),
    [
        ("H \\subseteq G", {"H"}),
        ("f(x) = x^2", {"f"}),
        ("\\sigma^2", {"\\sigma"}),
        ("b, c", {"b", "c"}),
        ("x + y = z", set()),
        ("x^2 + 1", set()),
        # an identifier applied to arguments, and nothing more: the function
        ("\\chi(G)", {"\\chi"}),
        ("h[n]", {"h"}),
        ("x_i(t_j)", {"x_{i}"}),
        ("f(x)(y)", set()),
        ("f(x) + g(x)", set()),
        ("|H|", set()),
        # an arrow first names the map, none of its sides; a colon before it names the map
        ("X \\to S", set()),
        ("M \\mapsto \\widetilde{M}", set()),
        ("f : X \\to Y", {"f"}),
        ("\\phi \\colon A \\rightarrow B", {"\\phi"}),
        # a list of identifiers before the relation: each is named
        ("C, D \\subset X", {"C", "D"}),
        ("x, y \\in B'", {"x", "y"}),
        ("x + y, z \\in B", set()),
        ("u^\\mu u_\\mu = c^2", set()),
        # a running index read in a subscript is never the subject
        ("\\bar X_n = \\frac1n \\sum_i X_i", {"\\bar{X}_{n}"}),
        ("x_1, \\ldots, x_n", {"x_{1}", "x_{n}"}),
        ("y_{i,j}", {"y_{i,j}"}),
    ],
)
def test_the_named_identifier(tex: str, expected: set[str]) -> None:
    assert named(_formula(tex)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join))
def test_the_rest_is_every_token_outside_the_identifiers(tex: str) -> None:
    formula = _formula(tex)
    taken = [s for i in formula.identifiers for s in (i.spans or [(i.start, i.end)])]
    stream = tokenize(tex)
    expected = [
        text
        for text, start in zip(stream.texts, stream.starts, strict=True)
        if not any(s <= start < e for s, e in taken)
    ]
    assert _rest(formula, stream) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join))
def test_a_name_is_one_of_the_formulas_identifiers(tex: str) -> None:
    formula = _formula(tex)
    assert named(formula) <= {i.tex for i in formula.identifiers}


@pytest.mark.parametrize(
    ("tex", "expected"),
    [("X \\to S", True), ("M \\mapsto \\widetilde{M}", True), ("f : X \\to Y", False),
     ("x_n \\to 0", True), ("H \\subseteq G", False), ("x + y \\to z", False)],
)  # fmt: skip
def test_a_formula_whose_first_relation_is_an_arrow_names_a_map(tex: str, expected: bool) -> None:
    assert names_a_map(_formula(tex)) is expected
