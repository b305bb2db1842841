"""The token lists of a parsed sentence read what spaCy's token objects say, and the noun
chunker on them gives spaCy's own English noun chunks."""

from __future__ import annotations

from pathlib import Path

import pytest

from definiens.define.context import parse_sentences
from definiens.define.nlp import load_pipeline, noun_lemma
from definiens.define.words import Words, noun_chunks
from definiens.formulas import identify
from definiens.ingest import parse, read_inputs
from definiens.model import Document

SENTENCES = [
    "In physics, the kinetic energy FORMULA0 of a body is the energy it has due to its motion.",
    "Let FORMULA1 be a subgroup and FORMULA2 a point, and FORMULA3 the Boltzmann constant.",
    "The speed of light c, the mass m and the charges q1, q2 and q3 are constants.",
    "where FORMULA4 and FORMULA5 are the mean and variance of the sample of size FORMULA6.",
    "FORMULA7(FORMULA8 denotes the number of particles, respectively the volumes.",
    "  Leading spaces, then a list: apples, pears, and the Riemann zeta function.",
    "x",
]
PAGES = Path(__file__).parent.parent / "data" / "ntcir11" / "pages-dev-12.xml"


def _docs() -> list[object]:
    nlp = load_pipeline()
    docs = list(nlp.pipe(SENTENCES))
    items = read_inputs([str(PAGES)])
    for document in [identify(parse(i)) for i in items if isinstance(i, Document)][:4]:
        docs.extend(s.doc for s in parse_sentences(document, nlp) if s.doc is not None)
    return docs


pytestmark = pytest.mark.slow  # spaCy


@pytest.fixture(scope="module")
def docs() -> list[object]:
    return _docs()


def test_the_lists_hold_what_the_tokens_say(docs: list[object]) -> None:
    assert len(docs) > 100
    for doc in docs:
        words = Words(doc)
        tokens = list(doc)  # type: ignore[call-overload]
        assert len(words) == len(tokens)
        assert words.text == [t.text for t in tokens]
        assert words.lower == [t.lower_ for t in tokens]
        assert words.tag == [t.tag_ for t in tokens]
        assert words.pos == [t.pos_ for t in tokens]
        assert words.dep == [t.dep_ for t in tokens]
        assert words.heads == [t.head.i for t in tokens]
        assert words.ws == [t.whitespace_ for t in tokens]
        assert words.idx == [t.idx for t in tokens]
        assert [words.lemma(t.i) for t in tokens] == [noun_lemma(t.text, t.tag_) for t in tokens]
        assert [words.left_edge(t.i) for t in tokens] == [t.left_edge.i for t in tokens]
        assert words.length() == len(doc.text)  # type: ignore[attr-defined]


def test_a_plural_noun_reads_as_its_singular() -> None:
    assert noun_lemma("Sets", "NNS") == "set"
    assert noun_lemma("matrices", "NNS") == "matrix"
    assert noun_lemma("Sets", "VBZ") == "sets"  # a verb keeps its form
    assert noun_lemma("Gauss", "NNP") == "gauss"


def test_the_noun_chunks_are_spacys(docs: list[object]) -> None:
    chunks = 0
    for doc in docs:
        expected = [(c.start, c.end) for c in doc.noun_chunks]  # type: ignore[attr-defined]
        assert noun_chunks(Words(doc)) == expected
        chunks += len(expected)
    assert chunks > 300


def test_placeholders_are_formula_tokens_and_symbols() -> None:
    doc = load_pipeline()("where FORMULA4 is the mass and x(FORMULA5 the place")
    doc.user_data["definiens_symbols"] = {4: "m"}  # as if "mass" were a plain-text symbol
    words = Words(doc)
    assert [t for t, marked in enumerate(words.placeholder) if marked] == [1, 4, 6]
    assert words.symbols == {4: "m"}
