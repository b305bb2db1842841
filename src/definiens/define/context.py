"""The sentences that can hold a definition: those that mention an identifier.

``Document.text`` is split into sentences by a cheap rule (end punctuation followed by a capital,
a blank line, a line break after end punctuation or before a list marker; other line breaks are
soft wraps); only the sentences that contain a formula placeholder whose formula has identifiers
or a plain-text symbol (``symbols.py``) are parsed by spaCy, in one ``nlp.pipe`` batch. The rest
of the page is never parsed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from definiens.define.nlp import one_blas_thread
from definiens.define.symbols import Symbol, find_symbols, mark_symbols, text_forms
from definiens.model import PLACEHOLDER_PREFIX, Document, Formula

__all__ = ["Sentence", "parse_many", "parse_sentences", "split_sentences"]

logger = logging.getLogger(__name__)

#: A sentence ends at end punctuation before a capital, at a blank line (paragraph), at a line
#: break after end punctuation or before a list marker; other line breaks are soft wraps (LaTeX,
#: Markdown and wikitext sources wrap their paragraphs).
_BOUNDARY = re.compile(
    r"(?<=[.!?;:])\s+(?=[\"'(\[]?[A-Z])|[ \t]*\n[ \t]*\n\s*|(?<=[.!?;:])[ \t]*\n\s*"
    r"|[ \t]*\n[ \t]*(?=[*#\u2022|>-])"
)
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER_PREFIX}(\d+)\b")
_WORDS = re.compile(r"[A-Za-z]{2,}")
_GLOSSARY = re.compile(rf"{PLACEHOLDER_PREFIX}\d+\s*[=:]\s*[A-Za-z]")
#: Sentences longer than this many characters are cut (tables, lists run together).
MAX_SENTENCE_CHARS = 1500


@dataclass
class Sentence:
    """A sentence of ``Document.text``: its ordinal, span, formulas and (once parsed) tokens."""

    index: int
    start: int
    end: int
    formulas: list[int] = field(default_factory=list)
    doc: Any = None
    symbols: list[Symbol] = field(default_factory=list)

    @property
    def mentions_identifier(self) -> bool:
        """Whether the sentence mentions an identifier (in a formula or as a plain symbol)."""
        return bool(self.formulas or self.symbols)

    def text_of(self, document: Document) -> str:
        return document.text[self.start : self.end]


#: In wikitext a paragraph is one line: a line break ends a sentence (list items), but for a
#: soft wrap inside a paragraph, which MediaWiki shows as a space (:func:`_line_breaks`).
_LINE = re.compile(r"[ \t]*\n\s*")


def split_sentences(
    text: str, lines: bool = False, item: Callable[[int], bool] | None = None
) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (empty ones dropped); with ``lines``, a
    line break ends one too (wikitext, where a line is a paragraph or a list item), but for a
    soft wrap (:func:`_line_breaks`; ``item(offset)``: whether the line at that text offset is
    a list item or a table row in the source, whose marker the text has lost)."""
    spans = []
    position = 0
    boundaries = list(_BOUNDARY.finditer(text))
    if lines:
        boundaries = _merged(boundaries, _line_breaks(text, item))
    for match in boundaries:
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    result = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            result.append((start, cut))
            start = cut + 1
        if text[start:end].strip():
            result.append((start, end))
    return result


def _formula_indices(text: str, formulas: dict[int, Formula]) -> list[int]:
    found = []
    for match in _PLACEHOLDER.finditer(text):
        index = int(match.group(1))
        if index in formulas and formulas[index].identifiers:
            found.append(index)
    return found


def _formula_only(text: str) -> bool:
    """A line that is (almost) only formulas, like a displayed equation."""
    words = _WORDS.findall(_PLACEHOLDER.sub(" ", text))
    glossary = _GLOSSARY.search(text) is not None  # "FORMULA3 = pressure": a list item
    return bool(_PLACEHOLDER.search(text)) and len(words) < 2 and not glossary


#: The end of a displayed formula that ends its sentence: a full stop (not the empty delimiter
#: of ``\\right.`` or ``\\bigr.``, not an ellipsis), maybe followed by spacing, braces, a
#: label or a tag ("E = mc^2 .", "x = 1.\\,", "F = ma. \\label{eq:newton}").
_FULL_STOP = re.compile(
    r"(?<!\\right)(?<!\\middle)(?<!\\bigr)(?<!\\Bigr)(?<!\\biggr)(?<!\\Biggr)(?<!\.)\."
    r"(?:\s|\\[,;:! ]|\\q?quad|\\(?:nonumber|notag)|\\(?:label|tag)\{[^{}]*\}|[{}])*$"
)


def _closes(text: str, formulas: dict[int, Formula]) -> bool:
    """A formula-only span ends its sentence when its last formula ends with a full stop, or a
    full stop follows it ("$$F = ma$$.")."""
    numbers = list(_PLACEHOLDER.finditer(text))
    if not numbers:
        return False
    if text[numbers[-1].end() :].strip().startswith("."):
        return True
    formula = formulas.get(int(numbers[-1].group(1)))
    return formula is not None and _FULL_STOP.search(formula.tex) is not None


#: What starts a new sentence after a formula that ends with a full stop.
_NEXT_SENTENCE = re.compile(r"\s+[\"'(\[]?[A-Z]")


def _cut_after_stops(
    text: str, spans: list[tuple[int, int]], formulas: dict[int, Formula]
) -> list[tuple[int, int]]:
    """Each span cut after a formula whose TeX ends with a full stop when a capital follows:
    a display within a paragraph ("… as\n$$W = Q_h - Q_c.$$\nThe efficiency …")."""
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        for match in _PLACEHOLDER.finditer(text, start, end):
            formula = formulas.get(int(match.group(1)))
            if formula is None or _FULL_STOP.search(formula.tex) is None:
                continue
            if _NEXT_SENTENCE.match(text, match.end(), end) is None:
                continue
            cut.append((start, match.end()))
            start = match.end()
            while start < end and text[start].isspace():
                start += 1
        cut.append((start, end))
    return cut


def _merge_displays(
    text: str, spans: list[tuple[int, int]], formulas: dict[int, Formula] | None = None
) -> list[tuple[int, int]]:
    """Join each formula-only span to the sentence before it and, unless its formula ends with
    a full stop ("$$t = \\frac{…}{…}.$$ Under the null hypothesis…"), to the one after it."""
    merged: list[tuple[int, int]] = []
    join_next = False
    for start, end in spans:
        only = _formula_only(text[start:end])
        if merged and (only or join_next):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
        join_next = only and not _closes(text[start:end], formulas or {})
    return merged


def _line_breaks(text: str, item: Callable[[int], bool] | None = None) -> Iterator[re.Match[str]]:
    """The line breaks of wikitext that end a sentence: not a soft wrap, a break between a word
    or a comma and a line that goes on in lower case ("… $x(t)$ is the\\nsystem state vector,
    …"), which MediaWiki joins into one paragraph; a display line and a list item (``item``)
    stay apart."""
    for match in _LINE.finditer(text):
        start = match.start()
        before = text[start - 1] if start else ""
        newline = text.index("\n", start)
        after = text[newline + 1 : newline + 2]
        if (before.islower() or before == ",") and after.islower():
            line = text[text.rfind("\n", 0, start) + 1 : start]
            if not _formula_only(line) and not (item is not None and item(newline + 1)):
                continue
        yield match


def _list_items(document: Document) -> Callable[[int], bool]:
    """Whether the line at a text offset of ``document`` starts with a list or table marker in
    its source (``*``, ``#``, ``:``, ``;``, ``|``, ``!``)."""
    source = document.source_text

    def item(offset: int) -> bool:
        at = document.offsets.span_to_source(offset, offset + 1)[0]
        return source[source.rfind("\n", 0, at) + 1 : at + 1][:1] in _MARKERS

    return item


_MARKERS = frozenset("*#:;|!")


def _merged(first: Iterable[re.Match[str]], second: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """The boundaries of both, in order, without overlaps."""
    merged: list[re.Match[str]] = []
    for match in sorted([*first, *second], key=lambda m: (m.start(), -m.end())):
        if not merged or match.start() >= merged[-1].end():
            merged.append(match)
    return merged


def select_sentences(document: Document) -> list[Sentence]:
    """Every sentence of the document, with the formulas (having identifiers) and the plain-text
    symbols it mentions."""
    formulas = {f.index: f for f in document.formulas}
    lines = document.format == "wikitext"
    spans = split_sentences(document.text, lines, _list_items(document) if lines else None)
    spans = _merge_displays(
        document.text, _cut_after_stops(document.text, spans, formulas), formulas
    )
    forms = text_forms({i.tex for f in document.formulas for i in f.identifiers})
    symbols = iter(find_symbols(document.text, forms))
    symbol = next(symbols, None)
    sentences = []
    for ordinal, (start, end) in enumerate(spans):
        indices = _formula_indices(document.text[start:end], formulas)
        sentence = Sentence(ordinal, start, end, indices)
        while symbol is not None and symbol[0] < end:
            if symbol[0] >= start:
                sentence.symbols.append(symbol)
            symbol = next(symbols, None)
        sentences.append(sentence)
    return sentences


#: Characters of text in one spaCy batch, at most: the model's working memory grows with the
#: tokens of a batch (a batch of 256 sentences of 1,500 characters took about 1 GB).
MAX_BATCH_CHARS = 40_000


def _batches(texts: Sequence[str], size: int) -> list[tuple[int, int]]:
    """Spans of ``texts`` holding at most ``size`` texts and :data:`MAX_BATCH_CHARS`
    characters each (a longer text alone)."""
    spans: list[tuple[int, int]] = []
    start = chars = 0
    for index, text in enumerate(texts):
        if index > start and (index - start >= size or chars + len(text) > MAX_BATCH_CHARS):
            spans.append((start, index))
            start, chars = index, 0
        chars += len(text)
    if start < len(texts):
        spans.append((start, len(texts)))
    return spans


def parse_sentences(document: Document, nlp: Any, batch_size: int = 256) -> list[Sentence]:
    """Every sentence; those that mention an identifier are parsed by ``nlp`` (only those)."""
    return parse_many([document], nlp, batch_size)[0]


def parse_many(
    documents: Sequence[Document], nlp: Any, batch_size: int = 256
) -> list[list[Sentence]]:
    """:func:`parse_sentences` for several documents, their sentences in one ``nlp.pipe`` stream
    (spaCy works faster on long streams than on a few sentences at a time)."""
    every = [select_sentences(document) for document in documents]
    pairs = zip(documents, every, strict=True)
    chosen = [(s, d) for d, ss in pairs for s in ss if s.mentions_identifier]
    # soft line wraps become spaces (same length: character offsets stay valid)
    texts = [s.text_of(d).replace("\n", " ") for s, d in chosen]
    with one_blas_thread():
        for start, end in _batches(texts, batch_size):
            docs = nlp.pipe(texts[start:end], batch_size=end - start)
            for (sentence, _), doc in zip(chosen[start:end], docs, strict=True):
                mark_symbols(doc, sentence.start, sentence.symbols)
                sentence.doc = doc
    logger.debug("parsed %d sentences of %d documents", len(chosen), len(documents))
    return every
