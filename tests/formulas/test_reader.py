"""The reader's own rules, seen through the identifiers and their first spans."""

from __future__ import annotations

from definiens.formulas import extract_identifiers


def test_the_size_of_a_line_break_holds_no_identifiers() -> None:
    assert extract_identifiers("a \\\\[2pt] b \\\\[-.5em] c").tex == ["a", "b", "c"]


def test_brackets_after_a_line_break_that_are_no_size_are_mathematics() -> None:
    assert extract_identifiers("a \\\\ [x, y]").tex == ["a", "x", "y"]


def test_a_script_cut_from_a_number_ends_at_its_digit() -> None:
    (identifier,) = extract_identifiers("x_12").identifiers
    assert (identifier.tex, identifier.start, identifier.end) == ("x_{1}", 0, 3)


def test_url_arguments_are_not_mathematics() -> None:
    result = extract_identifiers("\\url{http://x.org} + y")
    assert (result.tex, result.flags) == (["y"], [])
