"""Every place an identifier occurs in a formula's TeX (``Identifier.spans``): the places the
parser read it, or, for identifiers known without them, every place it is written; always whole
tokens, balanced in braces, disjoint, never inside a text argument."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.formulas import extract_identifiers, find_spans, tokenize
from definiens.formulas.collect import INDEX_LETTERS
from definiens.formulas.macros import Macro
from definiens.formulas.spans import inner, outer
from definiens.model import Identifier


def marked(tex: str, identifiers: list[Identifier]) -> list[tuple[str, str]]:
    """(identifier, text) of every span, left to right."""
    found = [(i.tex, start, end) for i in identifiers for start, end in i.spans]
    return [(name, tex[start:end]) for name, start, end in sorted(found, key=lambda f: f[1])]


def spans(tex: str, *identifiers: Identifier) -> list[tuple[str, str]]:
    """The spans :func:`find_spans` gives identifiers made by hand."""
    find_spans(tex, identifiers)
    return marked(tex, list(identifiers))


def read(tex: str, macros: dict[str, Macro] | None = None) -> list[tuple[str, str]]:
    """The spans the identify stage stores: those of :func:`extract_identifiers`."""
    return marked(tex, extract_identifiers(tex, macros).identifiers)


# -- identifiers made by hand: every place each is written ---------------------------------


def test_every_occurrence_is_found_not_only_the_first() -> None:
    assert spans("E = mc^2 + E_0 E", Identifier("E", 0, 1), Identifier("m", 4, 5)) == [
        ("E", "E"),
        ("m", "m"),
        ("E", "E"),
        ("E", "E"),
    ]


def test_letters_inside_control_words_are_not_identifiers() -> None:
    assert spans("\\alpha + a \\cdot \\sin a", Identifier("a", 9, 10)) == [("a", "a"), ("a", "a")]


def test_the_longest_identifier_wins_at_a_place() -> None:
    found = spans("x_i + x", Identifier("x_i", 0, 3), Identifier("x", 6, 7))
    assert found == [("x_i", "x_i"), ("x", "x")]


def test_written_form_and_canonical_form_both_match() -> None:
    found = spans("x_i + x_{i}", Identifier("x_{i}", 0, 3))
    assert found == [("x_{i}", "x_i"), ("x_{i}", "x_{i}")]


def test_text_arguments_are_skipped() -> None:
    found = spans("x \\text{ for all x} \\operatorname{x} + x", Identifier("x", 0, 1))
    assert found == [("x", "x"), ("x", "x")]


def test_every_text_argument_of_the_vocabulary_is_skipped() -> None:
    tex = "x \\operatorname*{x} \\color{x} \\rule[x]{x}{x} \\begin{array}{x} x \\end{array}"
    assert spans(tex, Identifier("x", 0, 1)) == [("x", "x"), ("x", "x")]


def test_a_span_that_cuts_a_group_is_not_used() -> None:
    # the first-occurrence span "{a" is unbalanced: only the canonical form is looked for
    found = spans("{a}+a", Identifier("a", 0, 2))
    assert found == [("a", "a"), ("a", "a")]


def test_no_identifiers_no_occurrences() -> None:
    assert spans("1 + 1") == []
    assert tokenize("  ").texts == []


def test_a_first_span_that_cuts_a_group_still_marks_its_head() -> None:
    tex = "{R^{\\mu}}_{\\alpha} + 1"
    found = spans(tex, Identifier("R_{\\alpha}^{\\mu}", 1, 17))
    assert found == [("R_{\\alpha}^{\\mu}", "R^{\\mu}")]


def test_a_first_span_inside_a_text_command_is_marked() -> None:
    assert spans("\\mathrm{D+A}", Identifier("\\mathrm{D}", 8, 9)) == [("\\mathrm{D}", "D")]


def test_the_size_of_a_line_break_is_not_mathematics() -> None:
    tex = "a &= b \\\\[.5em] e &= m"
    found = spans(tex, Identifier("e", 17, 18), Identifier("m", 22, 23))
    assert found == [("e", "e"), ("m", "m")]


def test_a_command_is_never_cut_from_its_argument() -> None:
    # the first span "\mathbf{v_i" is unbalanced and its only balanced head, "\mathbf", is not
    # a whole identifier: no mark rather than a broken formula
    assert spans("\\mathbf{v_i}", Identifier("\\mathbf{v}_{i}", 0, 11)) == []


def test_letters_of_a_line_break_size_are_never_marked() -> None:
    tex = "a = 0 \\\\[.5em] b = 1"
    assert spans(tex, Identifier("e", 11, 12), Identifier("m", 12, 13)) == []


def test_spans_found_again_are_the_same() -> None:
    identifiers = [Identifier("x_{i}", 0, 3), Identifier("x", 6, 7)]
    find_spans("x_i + x + x_{i}", identifiers)
    first = [list(i.spans) for i in identifiers]
    find_spans("x_i + x + x_{i}", identifiers)
    assert [i.spans for i in identifiers] == first == [[(0, 3), (10, 15)], [(6, 7)]]


# -- extracted identifiers: the places the parser read them ---------------------------------


def test_extraction_gives_every_place_an_identifier_is_read() -> None:
    assert read("E = mc^2 + E_0 E") == [
        ("E", "E"),
        ("m", "m"),
        ("c", "c"),
        ("E_{0}", "E_0"),
        ("E", "E"),
    ]


def test_an_identifier_is_marked_as_often_as_it_is_counted() -> None:
    for identifier in extract_identifiers("x_i + x_{i} + \\frac{d}{dx} x^2 + d").identifiers:
        assert len(identifier.spans) == identifier.count


def test_a_differential_is_not_an_occurrence_of_the_letter() -> None:
    assert read("\\frac{d}{dx} f + d") == [("x", "x"), ("f", "f"), ("d", "d")]


def test_a_letter_of_a_text_argument_is_not_read() -> None:
    assert read("x \\text{ for all x} + \\operatorname{x} y") == [("x", "x"), ("y", "y")]


def test_a_script_on_a_group_falls_back_to_the_written_forms() -> None:
    # read as one identifier from R to the subscript, a span that cuts the group {R^{\mu}}
    assert read("{R^{\\mu}}_{\\alpha} + 1") == [("R_{\\alpha}^{\\mu}", "R^{\\mu}")]


def test_identifiers_read_at_one_macro_call_are_looked_for_where_written() -> None:
    macros = {"\\pdiff": Macro(2, "\\frac{\\partial #1}{\\partial #2}")}
    # both are read at the call \pdiff{f}{x}: places that overlap, so the written forms are
    # looked for instead; f was first written as the whole call, x is found after it
    assert read("\\pdiff{f}{x} + x", macros) == [("f", "\\pdiff{f}{x}"), ("x", "x")]


def test_a_running_index_is_read_inside_its_symbol() -> None:
    identifiers = extract_identifiers("x_i + y_{i,j} + n").identifiers
    assert read("x_i + y_{i,j} + n") == [
        ("x_{i}", "x_i"),
        ("i", "i"),
        ("y_{i,j}", "y_{i,j}"),
        ("i", "i"),
        ("j", "j"),
        ("n", "n"),
    ]
    assert inner(identifiers) == {"i", "j"}
    assert [i.tex for i in outer(identifiers)] == ["x_{i}", "y_{i,j}", "n"]


def test_an_index_in_braces_or_a_macro_argument_is_read() -> None:
    assert read("x_{{i}}") == [("x_{i}", "x_{{i}}"), ("i", "i")]
    macros = {"\\el": Macro(1, "e_{#1}")}
    assert [tex for tex, _ in read("\\el{i} + \\el{j}", macros)] == ["e_{i}", "i", "e_{j}", "j"]


def test_an_index_written_alone_too_is_an_identifier_like_any() -> None:
    identifiers = extract_identifiers("\\sum_{n=1}^N x_n").identifiers
    assert read("\\sum_{n=1}^N x_n") == [("n", "n"), ("N", "N"), ("x_{n}", "x_n")]
    assert inner(identifiers) == set()


def test_a_split_number_script_ends_at_its_digit() -> None:
    assert read("x_12") == [("x_{1}", "x_1")]


def test_letters_of_a_line_break_size_are_not_read() -> None:
    assert read("a &= b \\\\[.5em] e &= m") == [("a", "a"), ("b", "b"), ("e", "e"), ("m", "m")]


# -- properties -----------------------------------------------------------------------------


TEX = st.text(alphabet="xyab_^{}\\ +=()12 \\alpha", max_size=40)


def assert_markable(tex: str, identifiers: list[Identifier]) -> None:
    """Inside the TeX, in order, complete (balanced in braces, not ending in a bare ``_`` or
    ``^``), and disjoint across identifiers, but for the running indices (``i`` of ``x_i``),
    each inside a span of another identifier."""
    shown = outer(identifiers)
    places = []
    for identifier in identifiers:
        if identifier not in shown:
            assert identifier.spans and identifier.tex in INDEX_LETTERS, (tex, identifier)
            continue
        assert identifier.spans == sorted(identifier.spans)
        for start, end in identifier.spans:
            assert 0 <= start < end <= len(tex)
            inside = tokenize(tex[start:end]).texts
            depth = 0
            for text in inside:
                depth += (text == "{") - (text == "}")
                assert depth >= 0, tex[start:end]
            assert depth == 0, tex[start:end]
            assert inside[-1] not in ("_", "^"), tex[start:end]
            places.append((start, end))
    places.sort()
    for (_, end), (start, _) in pairwise(places):
        assert end <= start, (tex, places)


@given(tex=TEX, names=st.lists(st.sampled_from(["x", "y", "a_b", "\\alpha", "{x}", "x}"])))
def test_found_spans_are_in_bounds_balanced_and_disjoint(tex: str, names: list[str]) -> None:
    identifiers = [Identifier(name) for name in names]
    find_spans(tex, identifiers)
    assert_markable(tex, identifiers)


_PIECES = [
    "x", "y", "d", "e", "ab", "i", "n", "12", "+", "=", "(", ")", "{", "}", "^", "_", "'", "&", ",",
    "\\\\", "[", "]", ".5em", "\\alpha", "\\mu", "\\frac", "\\hat", "\\mathbf", "\\mathrm",
    "\\rm", "\\text", "\\operatorname", "\\left(", "\\right)", "\\sum", "\\begin{array}",
    "\\end{array}", "\\foo", "\\,", "\\R", "\\prime", "*", "\\sin", "\\pd", "α", "%", "\n",
]  # fmt: skip
_MACROS = {"\\pd": Macro(2, "\\frac{\\partial #1}{\\partial #2}")}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_stored_spans_are_in_bounds_balanced_and_disjoint(tex: str) -> None:
    assert_markable(tex, extract_identifiers(tex, _MACROS).identifiers)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_spans_of_any_text_are_in_bounds_balanced_and_disjoint(tex: str) -> None:
    assert_markable(tex, extract_identifiers(tex).identifiers)
