"""Input that once exhausted the stack or made endless lists: deep nesting is read flat with
one problem, a damaged page lists at most 100 problems of a kind, and a reader asked for at
most so many formulas stops with a problem naming the line."""

from __future__ import annotations

import pytest

from definiens.ingest import from_text, parse
from definiens.ingest.builder import MAX_REPORTED


def test_thousands_of_nested_wikilinks_are_read_only_the_innermost_a_link() -> None:
    doc = parse(from_text("[[a|" * 5000 + "b" + "]]" * 5000, "wikitext"))
    assert [(link.target, link.anchor) for link in doc.links] == [("a", "b")]
    assert doc.text == "[[a|" * 4999 + "b" + "]]" * 4999 and doc.problems == []


def test_a_link_whose_anchor_holds_a_link_is_text_as_in_mediawiki() -> None:
    doc = parse(from_text("[[a|b [[c|d]] e]] and [[File:x.png|thumb|A [[link]].]]", "wikitext"))
    assert [(link.target, link.anchor) for link in doc.links] == [("c", "d"), ("link", "link")]
    assert doc.text == "[[a|b d e]] and \nA link.\n"


def test_templates_nested_past_the_limit_are_read_as_text() -> None:
    source = "{{nowrap|" * 1000 + "<math>x</math>" + "}}" * 1000
    doc = parse(from_text(source, "wikitext"))
    assert [f.tex for f in doc.formulas] == ["x"]
    (problem,) = doc.problems
    assert problem.kind == "too-deep" and "line 1" in problem.location


@pytest.mark.parametrize("opening", ["\\section{", "\\PMlinkname{", "\\emph{"])
def test_latex_nested_past_the_limit_is_read_flat(opening: str) -> None:
    doc = parse(from_text(opening * 3000 + "$x$" + "}" * 3000, "latex"))
    assert [f.tex for f in doc.formulas] == ["x"]
    assert {p.kind for p in doc.problems} <= {"too-deep"}


@pytest.mark.parametrize(
    ("format", "piece", "kind"),
    [
        ("latex", "\\( a\n", "unbalanced-math"),
        ("markdown", "$$ a\n\n", "unbalanced-dollar"),
        ("wikitext", "&lt;math&gt;x\n", "unclosed-math"),
    ],
)
def test_a_page_lists_at_most_100_problems_of_a_kind(format: str, piece: str, kind: str) -> None:
    doc = parse(from_text(piece * 500, format))
    assert len(doc.problems) == MAX_REPORTED + 1 and {p.kind for p in doc.problems} == {kind}
    lines = piece.count("\n")
    assert doc.problems[0].location.endswith("line 1")
    assert doc.problems[MAX_REPORTED - 1].location.endswith(f"line {lines * 99 + 1}")
    assert doc.problems[-1].message == "400 more problems of this kind, not listed"


@pytest.mark.parametrize(
    ("format", "source"),
    [
        ("markdown", "Let $a$ be.\nThen $b$, $c$\nand $d$."),
        ("latex", "Let $a$ be.\nThen \\(b\\), $c$\nand $d$."),
        ("wikitext", "Let <math>a</math> be.\nThen {{math|b}}, ''c''\nand <math>d</math>."),
    ],
)
def test_a_reader_asked_for_three_formulas_stops_at_the_fourth(format: str, source: str) -> None:
    doc = parse(from_text(source, format), max_formulas=3)
    assert [f.tex for f in doc.formulas] == ["a", "b", "c"]
    assert doc.text.endswith("FORMULA2\nand ")
    (problem,) = doc.problems
    assert problem.kind == "too-complex" and problem.location.endswith("line 3")
    assert "more than 3 formulas" in problem.message
