"""Property tests: any input is read without error; whitespace and canonical forms are stable."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from definiens.formulas import extract_identifiers, tokenize
from definiens.formulas.macros import Macro
from definiens.formulas.vocabulary import GREEK_LOWER, INDEX_GREEK

_PIECES = [
    "x", "y", "d", "D", "e", "i", "ab", "seqs", "sin", "0", "12", "2.5", "+", "-", "=", "(", ")",
    "[", "]", "|", "{", "}", "^", "_", "'", "&", ",", "\\\\", "\\alpha", "\\mu", "\\pi",
    "\\Delta", "\\partial", "\\frac", "\\over", "\\sqrt", "\\hat", "\\bar", "\\mathbf",
    "\\mathrm", "\\rm", "\\text", "\\operatorname", "\\left(", "\\right)", "\\sum", "\\int",
    "\\begin{cases}", "\\end{cases}", "\\begin{array}", "\\end{array}", "\\foo", "\\,", "\\ ",
    "\\R", "\\prime", "*", "\\mathrm{d}", "\\sin", "\\log", "\\lim", "\\to", "%", "\\",
]  # fmt: skip

tex_like = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
_CONTEXT_INDICES = ["^{" + letter for letter in GREEK_LOWER - INDEX_GREEK]
#: A star makes another object only beside the same symbol without it (x^{*} beside x).
_CONTEXT_STARS = ("^{*", "^{\\ast", "^{\\star")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
@example("{" * 5000 + "x" + "}" * 5000)
@example("\\hat" * 3000 + "x")
@example("x" + "^{" * 3000)
@example("\\begin{a}" * 2000)
@example("\\rm x" * 3000)
@example("a \\over " * 3000)
@example("\\sqrt[" * 3000)
@example("\\frac" * 3000)
@example("x_" * 3000)
@example("{}^" * 3000)
def test_any_text_gives_a_result(text: str) -> None:
    result = extract_identifiers(text)
    assert all(isinstance(flag, str) for flag in result.flags)
    for identifier in result.identifiers:
        assert 0 <= identifier.start <= identifier.end <= len(text)
        assert identifier.count >= 1


@settings(max_examples=400, deadline=None)
@given(tex_like)
def test_tex_like_input_gives_a_result(tex: str) -> None:
    extract_identifiers(tex)


@settings(max_examples=300, deadline=None)
@given(tex_like, st.randoms(use_true_random=False))
def test_stable_under_whitespace_between_tokens(tex: str, rnd: object) -> None:
    tokens = tokenize(tex)
    pieces = [tex[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]
    spaced = " ".join(p + (" " if p.startswith("\\") and p[-1:].isalpha() else "") for p in pieces)
    assert extract_identifiers(spaced).tex == extract_identifiers(tex).tex


@settings(max_examples=300, deadline=None)
@given(tex_like)
@example("\\hat \\begin{array} x x ^ \\sqrt")  # an empty superscript inside an accent
@example("x x ^ *")  # x^{*} is another object than x only beside it
def test_canonical_identifiers_are_fixed_points(tex: str) -> None:
    # a running index (the i of x_{i}) is read beside its symbol: left out when it is read alone
    for identifier in extract_identifiers(tex, indices=False).tex:
        if any(index in identifier for index in _CONTEXT_INDICES):
            continue  # u^{\alpha} is an index only among Greek subscripts (docs/identifiers.md)
        if any(star in identifier for star in _CONTEXT_STARS):
            # alone, x^{*} is x: the star is kept only beside x (docs/identifiers.md)
            base = re.sub(r"\^\{(?:\*+|\\ast|\\star)\}", "", identifier, count=1)
            assert extract_identifiers(identifier, indices=False).tex == [base], identifier
            continue
        assert extract_identifiers(identifier, indices=False).tex == [identifier], identifier


def test_tokens_tile_the_input() -> None:
    tex = "\\frac{a}{b} % note\n + \\alpha_1'"
    tokens = tokenize(tex)
    assert tokens.texts == ["\\frac", "{", "a", "}", "{", "b", "}", "+", "\\alpha", "_", "1", "'"]
    covered = "".join(tex[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True))
    assert re.sub(r"\s+|%[^\n]*", "", tex) == covered


_MACROS = {
    "\\a": Macro(0, "\\a\\a x"),
    "\\b": Macro(2, "\\frac{#1}{#2}\\b"),
    "\\c": Macro(1, "{#1"),
    "\\d": Macro(0, "\\end{cases}}"),
}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, *_MACROS]), max_size=40).map(" ".join))
def test_document_macros_never_break_the_reader(tex: str) -> None:
    result = extract_identifiers(tex, _MACROS)
    for identifier in result.identifiers:
        assert 0 <= identifier.start <= identifier.end <= len(tex)
