"""Wikitext → text: formulas, links, dropped markup and the offset map."""

from __future__ import annotations

import pytest

from definiens.ingest import from_text, parse
from definiens.model import Document, placeholder


def wiki(text: str) -> Document:
    return parse(from_text(text, "wikitext", title="Page"))


def check_spans(doc: Document) -> None:
    """Every placeholder sits at its span and maps back to its source span."""
    for formula in doc.formulas:
        assert doc.text[formula.text_start : formula.text_end] == formula.placeholder
        assert doc.offsets.span_to_source(formula.text_start, formula.text_end) == (
            formula.source_start,
            formula.source_end,
        )


def test_math_tag_becomes_placeholder_with_spans() -> None:
    doc = wiki("The energy <math>E = mc^2</math> of a body.")
    assert doc.text == f"The energy {placeholder(0)} of a body."
    (formula,) = doc.formulas
    assert (formula.tex, formula.markup, formula.display) == ("E = mc^2", "math", False)
    assert doc.source_text[formula.source_start : formula.source_end] == "<math>E = mc^2</math>"
    check_spans(doc)


def test_prose_maps_back_to_source() -> None:
    doc = wiki("'''Bold''' and [[Integer|whole numbers]] here.")
    assert doc.text == "Bold and whole numbers here."
    start = doc.text.index("whole")
    source_start, source_end = doc.offsets.span_to_source(start, start + len("whole numbers"))
    assert doc.source_text[source_start:source_end] == "whole numbers"


def test_display_math_block_and_indented() -> None:
    doc = wiki('a\n:<math>x^2</math>\nb <math display="block">y</math> c <math>z</math> d')
    assert [f.display for f in doc.formulas] == [True, True, False]


def test_escaped_math_form() -> None:
    doc = wiki("value &lt;math&gt;a &lt; b&lt;/math&gt; holds")
    (formula,) = doc.formulas
    assert formula.tex == "a < b"
    assert doc.text == f"value {placeholder(0)} holds"


def test_math_and_mvar_templates() -> None:
    doc = wiki("Let {{math|''x''<sup>2</sup> &minus; 1}} and {{mvar|α}} and {{math|1=a{{=}}b}}.")
    assert [f.tex for f in doc.formulas] == ["x^{2} - 1", r"\alpha", "a=b"]
    assert {f.markup for f in doc.formulas} == {"template"}
    check_spans(doc)


def test_italic_single_letters_are_formulas() -> None:
    doc = wiki(
        "integers ''r'' and ''k'', the ''α'' and ''x''<sub>''i''</sub>, ''H<sub>FL</sub>'', "
        "but ''word''"
    )
    assert [f.tex for f in doc.formulas] == ["r", "k", r"\alpha", "x_{i}", "H_{FL}"]
    assert {f.markup for f in doc.formulas} == {"italic"}
    assert doc.text.endswith("but word")
    check_spans(doc)


def test_links_keep_anchor_target_and_trail() -> None:
    doc = wiki("positive [[integer]]s and [[Ramsey theory|Ramsey's theory]] and [[Group (maths)|]]")
    assert [(link.target, link.anchor) for link in doc.links] == [
        ("integer", "integers"),
        ("Ramsey theory", "Ramsey's theory"),
        ("Group (maths)", "Group"),
    ]
    for link in doc.links:
        assert doc.text[link.start : link.end] == link.anchor


def test_non_prose_is_dropped_with_its_math() -> None:
    doc = wiki(
        "A<!-- <math>c</math> --> B<ref>{{cite|x}}</ref> C<nowiki><math>n</math></nowiki> D"
        "{{Infobox|name=t}} E [[Category:Algebra]] [[de:Satz]] F"
    )
    assert doc.text.split() == ["A", "B", "C", "D", "E", "F"]
    assert doc.formulas == []
    assert doc.metadata["categories"] == ["Algebra"]


def test_math_in_template_arguments_is_kept_as_paragraphs() -> None:
    doc = wiki(
        "a {{NumBlk|:|<math>y = |x|</math>|{{EquationRef|1}}}} b "
        "{{Infobox|name=N|pdf = <math>p(x)}}</math>}} c {{nowrap|width ''w'' &minus; 1}}"
    )
    assert doc.text == "a \nFORMULA0\n b \n FORMULA1\n c width FORMULA2 − 1"
    assert [(f.tex, f.flags) for f in doc.formulas] == [
        ("y = |x|", ["template"]),
        ("p(x)}}", ["template"]),
        ("w", []),
    ]


def test_ref_math_goes_to_footnotes_flagged() -> None:
    doc = wiki("See<ref>where <math>x</math> is real</ref> this.")
    assert doc.text.startswith("See this.")
    (formula,) = doc.formulas
    assert formula.flags == ["ref"]
    assert doc.text.rstrip().endswith(f"where {placeholder(0)} is real")


def test_image_caption_kept_as_own_line() -> None:
    doc = wiki("[[File:A.svg|thumb|right|Curve of <math>f</math>]]Text")
    assert doc.text == f"\nCurve of {placeholder(0)}\nText"
    assert doc.formulas[0].flags == ["caption"]


def test_headings_become_own_paragraph() -> None:
    doc = wiki("Intro text\n== Definition ==\nLet ''x'' be")
    assert "\nDefinition\n\n" in doc.text
    assert "==" not in doc.text


def test_table_cells_are_text() -> None:
    doc = wiki(
        '{| class="wikitable"\n|-\n! Symbol !! Meaning\n'
        "|-\n| <math>T</math> || temperature\n|}\nEnd"
    )
    assert "Symbol" in doc.text and "temperature" in doc.text
    assert "wikitable" not in doc.text and "|" not in doc.text
    assert [f.tex for f in doc.formulas] == ["T"]


def test_unclosed_math_is_reported_with_line() -> None:
    doc = wiki("first line\nsecond <math>x + y\nthird line")
    assert len(doc.problems) == 1
    assert "line 2" in str(doc.problems[0]) and "Page" in str(doc.problems[0])
    assert doc.formulas[0].tex == "x + y"
    assert "third line" in doc.text


@pytest.mark.parametrize(
    "source",
    [
        ':{| class="wikitable"\n|-\n! Name\n|| <math>T</math> || temperature\n|}\nEnd',
        '<!--S-->{| class="wikitable"\n|-\n! Name\n| <math>T</math> || temperature\n|}\nEnd',
        ' {| class="wikitable"\n |-\n ! Name\n | <math>T</math> || temperature\n |}\nEnd',
    ],
    ids=["indented", "after-comment", "leading-spaces"],
)
def test_table_variants_leave_no_markup(source: str) -> None:
    doc = wiki(source)
    assert doc.text.split() == ["Name", "FORMULA0", "temperature", "End"]


def test_heading_with_trailing_comment() -> None:
    doc = wiki("a\n==Head== <!-- note\nmore -->\ntext")
    assert doc.text.split() == ["a", "Head", "text"]
