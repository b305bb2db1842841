"""Identifiers written as plain letters in the text: which words are symbols, and their meanings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from definiens.define import Definer, define
from definiens.define.context import parse_sentences
from definiens.define.symbols import find_symbols, text_forms
from definiens.formulas import identify
from definiens.ingest import from_text, parse

FORMS = text_forms(["c", "f", "x", "A", "B", "V", "m", "\\beta", "\\alpha_{1}", "x_{2}", "E_{k}"])


def _found(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in find_symbols(text, FORMS)]


def test_letters_greek_letters_and_numbered_forms_read_as_symbols() -> None:
    assert FORMS["c"] == "c"
    assert FORMS["\u03b2"] == "\\beta"
    assert FORMS["\u03b11"] == "\\alpha_{1}"
    assert FORMS["x2"] == "x_{2}"
    assert FORMS["\u0192"] == "f"  # "an integrable function ƒ": the florin sign Wikipedia uses


def test_english_one_letter_words_and_named_subscripts_are_not_symbols() -> None:
    assert "A" not in FORMS
    assert "Ek" not in FORMS and "E" not in FORMS


def test_symbols_in_running_text() -> None:
    text = "where c is the speed of light, \u03b2 the inverse temperature and \u03b11, x2 sections"
    assert _found(text) == ["c", "\u03b2", "\u03b11", "x2"]
    assert find_symbols(text, FORMS)[0] == (6, 7, "c")


def test_initials_units_abbreviations_and_word_parts_are_not_symbols() -> None:
    assert _found("by B. L. van der Waerden and Daniel V. Thermal") == []
    assert _found("it moves at 10 m/s, e.g. here; the x-axis; Fermat's c.d") == []
    assert _found("in the set B. Then B is open") == ["B"]


def test_a_document_without_identifiers_has_no_forms() -> None:
    assert text_forms([]) == {}
    assert find_symbols("where c is the speed of light", {}) == []


@given(st.text(alphabet="cxmBV\u03b2\u03b11 .,;:'-/()0123456789aAe", max_size=60))
def test_symbols_are_spans_of_their_forms(text: str) -> None:
    for start, end, tex in find_symbols(text, FORMS):
        assert 0 <= start < end <= len(text)
        assert FORMS[text[start:end]] == tex


@pytest.mark.slow
def test_a_plain_letter_gets_its_meaning() -> None:
    passage = (
        "The energy of a body at rest is <math>E = mc^2</math>.\n\n"
        "Here c is the [[speed of light]] in vacuum, a constant."
    )
    document = identify(parse(from_text(passage, "wikitext", title="passage")))
    sentences = parse_sentences(document, Definer().nlp)
    assert [s.doc is not None for s in sentences] == [True, True]
    at = document.text.index("c is")
    assert sentences[1].symbols == [(at, at + 1, "c")]
    meaning = define(document).definitions["c"][0]
    assert meaning.text == "speed of light"
    assert document.source_text[meaning.source_start : meaning.source_end] == "speed of light"
    assert meaning.sentence.startswith("Here c is the speed of light")
