"""Property tests: the parsers and readers never raise anything but our own errors, and the
text they build is consistent with the source whatever the input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from definiens.errors import DefiniensError
from definiens.ingest import FORMATS, Failed, from_text, parse, read_inputs
from definiens.model import Document

# Pieces of markup of every format, so that random text hits the parsers' corner cases.
MARKUP = [
    "<math>", "</math>", "&lt;math&gt;", "&lt;/math&gt;", '<math display="block">', "{{", "}}",
    "{{math|", "{{mvar|", "[[", "]]", "|", "''", "'''", "<ref>", "</ref>", "<ref/>", "<!--",
    "-->", "<nowiki>", "{|", "|}", "|-", "==", "\n", ":", "*", "&amp;", "&nbsp;", "[[File:",
    "[[Category:", "$", "$$", "\\$", "`", "```", "\\(", "\\)", "\\[", "\\]", "\\begin{equation}",
    "\\end{equation}", "\\begin{align*}", "\\section{", "\\emph{", "{", "}", "%", "\\",
    "\\PMlinkname{", "\\begin{document}", "x", "a b", "α", "<sup>", "</sub>",
]  # fmt: skip
SOURCES = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=5)), max_size=40).map(
    "".join
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(doc: Document) -> None:
    for formula in doc.formulas:
        assert doc.text[formula.text_start : formula.text_end] == formula.placeholder
        assert 0 <= formula.source_start <= formula.source_end <= len(doc.source_text)
    for link in doc.links:
        assert doc.text[link.start : link.end] == link.anchor
    for start, source_start, length in doc.offsets.segments:
        assert source_start >= 0 and source_start + length <= len(doc.source_text)
        assert start + length <= len(doc.text)


@pytest.mark.parametrize("format", FORMATS)
@SETTINGS
@given(source=SOURCES)
def test_parse_only_raises_our_errors(format: str, source: str) -> None:
    try:
        doc = parse(from_text(source, format))
    except DefiniensError:
        return
    _check(doc)


WORDS = st.text(alphabet="abcdefghij .,", min_size=1, max_size=12)
TEXES = st.text(alphabet="xyz+-^_ 0123{}", min_size=1, max_size=8).filter(lambda t: t.strip())


@SETTINGS
@given(pieces=st.lists(st.tuples(st.booleans(), WORDS, TEXES), max_size=12))
def test_prose_and_formulas_map_back_exactly(pieces: list[tuple[bool, str, str]]) -> None:
    source, expected, words = "", "", []
    for is_formula, word, tex in pieces:
        if is_formula:
            source += f"<math>{tex}</math>"
            expected += f"FORMULA{expected.count('FORMULA')}"
        else:
            words.append((len(expected), len(source), word))
            source += word
            expected += word
    doc = parse(from_text(source, "wikitext"))
    assert doc.text == expected
    assert [f.tex for f in doc.formulas] == [t.strip() for f, _, t in pieces if f]
    for text_start, source_start, word in words:
        assert doc.offsets.span_to_source(text_start, text_start + len(word)) == (
            source_start,
            source_start + len(word),
        )


@pytest.mark.parametrize("suffix", [".xml", ".xml.bz2", ".md", ".tex", ".wiki"])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=300), SOURCES.map(str.encode)))
def test_reading_any_bytes_only_raises_our_errors(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        for item in read_inputs([path]):
            if isinstance(item, Document):
                _check(parse(item))
            else:
                assert isinstance(item, Failed) or item.reason
    except DefiniensError:
        return
