"""The define stage on real passages: the meanings it finds, their provenance and spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.api import annotate
from definiens.define import Definer, load_model
from definiens.define.context import parse_sentences
from definiens.define.feature_names import FEATURES
from definiens.formulas import identify
from definiens.ingest import from_text, parse
from definiens.model import Document

EINSTEIN = (
    "By Einstein, <math>E = mc^2</math>, where <math>E</math> is the energy of the body "
    "and <math>c</math> is the [[speed of light]]."
)


def _defined(text: str, format: str) -> Document:
    return annotate(text, format, title="passage")


def _best(document: Document, identifier: str) -> str:
    return document.definitions[identifier][0].text


@pytest.fixture(scope="module")
def einstein() -> Document:
    return _defined(EINSTEIN, "wikitext")


@pytest.mark.slow
def test_where_e_is_the_energy(einstein: Document) -> None:
    meaning = einstein.definitions["E"][0]
    assert meaning.text == "energy"
    assert meaning.method == "pattern"
    assert einstein.source_text[meaning.source_start : meaning.source_end] == "energy"
    assert "$E$ is the energy" in meaning.sentence
    assert 0.0 < meaning.score <= 1.0


@pytest.mark.slow
def test_a_wikipedia_link_is_the_meaning(einstein: Document) -> None:
    meaning = einstein.definitions["c"][0]
    assert meaning.text == "speed of light"
    assert einstein.source_text[meaning.source_start : meaning.source_end] == "speed of light"


@pytest.mark.slow
def test_let_g_be_a_group() -> None:
    document = _defined("Let $G$ be a group and let $H$ be a subgroup of $G$.", "markdown")
    assert _best(document, "G") == "group"
    assert _best(document, "H") == "subgroup"


@pytest.mark.slow
def test_a_definition_across_a_soft_line_wrap() -> None:
    document = _defined(
        "Here $m$ is the mass of the body and $v$ is the\nvelocity of the body.", "markdown"
    )
    assert _best(document, "v") == "velocity"
    meaning = document.definitions["v"][0]
    assert document.source_text[meaning.source_start : meaning.source_end] == "velocity"


@pytest.mark.slow
def test_a_linked_constant_before_its_symbol() -> None:
    document = _defined(
        "In quantum mechanics the [[Planck constant]] <math>h</math> is fundamental.", "wikitext"
    )
    assert _best(document, "h") == "Planck constant"


@pytest.mark.slow
def test_text_without_formulas_has_no_definitions() -> None:
    document = _defined("Nothing to define here. Just words.", "markdown")
    assert document.definitions == {}


@pytest.mark.slow
def test_only_sentences_with_identifiers_are_parsed() -> None:
    text = "Plain words. " * 20 + "Let $G$ be a group. " + "More plain words. " * 20
    document = identify(parse(from_text(text, "markdown", title="t")))
    sentences = parse_sentences(document, Definer().nlp)
    parsed = [s for s in sentences if s.doc is not None]
    assert len(parsed) == 1 and len(sentences) > 40


@pytest.mark.slow
def test_mlp_method_ranks_by_the_baseline_alone(einstein: Document) -> None:
    document = Definer(method="mlp")(identify(parse(from_text(EINSTEIN, "wikitext", title="t"))))
    assert document.definitions
    assert all(len(items) == 1 for items in document.definitions.values())
    assert all(d.score >= 0.4 for items in document.definitions.values() for d in items)


def test_the_shipped_model_loads_and_uses_known_features() -> None:
    model = load_model()
    assert set(model.features) <= set(FEATURES)
    assert 0.0 < model.threshold < 1.0
    assert model.max_per_identifier >= 1


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Let", "$x$", "be", "a", "the", "set", "where", "$E=mc^2$", "is", ",",
                         ".", "\n\n", "$$\\sum_i a_i$$", "energy", "(", ")", "of", "[[", "]]"]),
        max_size=40,
    )
)  # fmt: skip
def test_define_never_fails_on_odd_text(words: list[str]) -> None:
    document = annotate(" ".join(words), "markdown", title="odd")
    for ident, meanings in document.definitions.items():
        assert ident and meanings
        assert all(
            -1 <= m.source_start <= m.source_end <= len(document.source_text) for m in meanings
        )


@pytest.mark.slow
def test_a_symbol_applied_to_italic_arguments_is_paired() -> None:
    # spaCy keeps "FORMULA1(FORMULA2" as one token: every placeholder in it is a mention
    document = _defined(
        "The least such ''N'' is the Van der Waerden number ''W''(''r'', ''k'').", "wikitext"
    )
    assert _best(document, "W") == "Van der Waerden number"


@pytest.mark.slow
def test_a_head_noun_repeating_a_longer_meaning_is_marked() -> None:
    document = identify(
        parse(
            from_text("Here <math>g_j</math> is the degeneracy factor, a whole number.", "wikitext")
        )
    )
    _, candidates = Definer().candidates(document)
    values = {c.key: c.values["shadowed"] for c in candidates["g_{j}"]}
    assert values["factor"] == 1.0
    assert values["degeneracy factor"] == 0.0
    assert values["whole number"] == 0.0


@pytest.mark.slow
def test_a_symbol_before_a_plural_noun_counts_it() -> None:
    document = identify(
        parse(from_text("The model considers <math>N</math> particles in two boxes.", "wikitext"))
    )
    _, candidates = Definer().candidates(document)
    counts = [c.key for c in candidates["N"] if "count" in c.variants]
    assert counts == ["number of particles"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "As <math>n</math> increases, the sum grows.",
        "The sequence <math>f</math> satisfies the recurrence.",
        "Here <math>a+b</math> terms are added.",
    ],
)
def test_a_symbol_as_a_subject_or_inside_a_formula_counts_nothing(text: str) -> None:
    _, candidates = Definer().candidates(identify(parse(from_text(text, "wikitext"))))
    assert not [c.key for items in candidates.values() for c in items if "count" in c.variants]
