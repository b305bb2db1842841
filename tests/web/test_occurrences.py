"""Every occurrence of an identifier in a formula's TeX, token-aligned and balanced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from definiens.model import Formula, Identifier
from definiens.web.occurrences import find_occurrences, tokenize


def spans(tex: str, *identifiers: Identifier) -> list[tuple[str, str]]:
    formula = Formula(index=0, tex=tex, identifiers=list(identifiers))
    return [(o.identifier, tex[o.start : o.end]) for o in find_occurrences(formula)]


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


def test_a_span_that_cuts_a_group_is_not_used() -> None:
    # the first-occurrence span "{a" is unbalanced: only the canonical form is looked for
    found = spans("{a}+a", Identifier("a", 0, 2))
    assert found == [("a", "a"), ("a", "a")]


def test_no_identifiers_no_occurrences() -> None:
    assert spans("1 + 1") == []
    assert tokenize("  ") == []


TEX = st.text(alphabet="xyab_^{}\\ +=()12 \\alpha", max_size=40)


@given(tex=TEX, names=st.lists(st.sampled_from(["x", "y", "a_b", "\\alpha", "{x}", "x}"])))
def test_occurrences_are_in_bounds_ordered_and_disjoint(tex: str, names: list[str]) -> None:
    formula = Formula(index=0, tex=tex, identifiers=[Identifier(n) for n in names])
    previous_end = 0
    for occurrence in find_occurrences(formula):
        assert previous_end <= occurrence.start < occurrence.end <= len(tex)
        inside = tex[occurrence.start : occurrence.end]
        assert inside.count("{") == inside.count("}")
        previous_end = occurrence.end


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
