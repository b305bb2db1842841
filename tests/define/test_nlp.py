"""The define stage's spaCy pipeline: numpy matrix products, one BLAS thread while parsing."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info

from definiens.define.nlp import MODEL_NAMES, load_pipeline, one_blas_thread

TEXT = (
    "In physics, the mass-energy equivalence states that E = mc2, where E is the energy of a "
    "body at rest, m is its mass and c is the speed of light in vacuum. Let G be a group and "
    "let H be a normal subgroup of G; the quotient G/H is the set of cosets of H in G."
)


def _analysis(nlp: object) -> list[tuple[str, str, int]]:
    doc = nlp(TEXT)  # type: ignore[operator]
    return [(t.tag_, t.dep_, t.head.i) for t in doc]


@pytest.mark.slow
def test_numpy_matrix_products_give_the_same_tags_and_parses_as_blis() -> None:
    import spacy

    ours = load_pipeline()
    name = next(n for n in MODEL_NAMES if n in spacy.util.get_installed_models())
    default = spacy.load(name, exclude=["ner", "attribute_ruler", "lemmatizer"])
    assert ours.get_pipe("tok2vec").model.ops.use_blis is False
    assert default.get_pipe("tok2vec").model.ops.use_blis is True
    assert _analysis(ours) == _analysis(default)


def test_blas_runs_on_one_thread_inside_the_block_only() -> None:
    def blas_threads() -> set[int]:
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    before = blas_threads()
    with one_blas_thread():
        assert blas_threads() == {1}
    assert blas_threads() == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "word", "tag"),
    [
        ("Here FORMULA0 is the time constant.", "constant", "NN"),
        ("Here FORMULA0 is Planck's constant.", "constant", "NN"),
        ("Let FORMULA0 be the vector orthogonal to FORMULA1.", "orthogonal", "JJ"),
        ("For FORMULA0 odd the sum vanishes.", "odd", "JJ"),
        ("The elements equal to zero form an ideal.", "equal", "JJ"),
        # an adjective tag on the noun that names the formula right after it
        ("Where FORMULA0, the principal normal FORMULA1 is defined by FORMULA2.", "normal", "NN"),
        ("A single reactant FORMULA0 is converted into products.", "reactant", "NN"),
        ("For an even FORMULA0 the sum vanishes.", "even", "JJ"),
        ("Then for a positive FORMULA0 the series converges.", "positive", "JJ"),
        ("The true FORMULA0 is unknown.", "true", "JJ"),
        ("Thus for any open FORMULA0 of FORMULA1 there is a set FORMULA2.", "open", "NN"),
        # a verb in the plural cannot follow a singular noun it would agree with
        ("and FORMULA2 the value of the population mean under the null hypothesis.", "mean", "NN"),
        ("The points lie on the line FORMULA0.", "lie", "VBP"),
        ("We say that the sequences converge to FORMULA0.", "converge", "VBP"),
        ("The values of the function are positive.", "are", "VBP"),
        ("Position and momentum do not commute.", "do", "VBP"),
    ],
)
def test_a_misread_tag_is_mended(sentence: str, word: str, tag: str) -> None:
    doc = load_pipeline()(sentence)
    assert next(t.tag_ for t in doc if t.text == word) == tag


@pytest.mark.slow
def test_a_verb_tag_on_a_noun_written_again_before_a_formula_is_mended() -> None:
    doc = load_pipeline()("The chain moves from state FORMULA0 to state FORMULA1 in one step.")
    assert [t.tag_ for t in doc if t.text == "state"] == ["NN", "NN"]


@pytest.mark.slow
def test_a_main_verb_repeating_a_noun_stays_a_verb() -> None:
    doc = load_pipeline()("Using the test FORMULA0, we test FORMULA1 at level FORMULA2.")
    assert [t.tag_ for t in doc if t.text == "test"][1].startswith("VB")


@pytest.mark.slow
def test_a_lower_case_word_tagged_as_a_name_is_a_common_noun() -> None:
    doc = load_pipeline()("FORMULA6776 for all closed subschemes FORMULA6777 of dimension zero.")
    assert [(t.tag_, t.pos_) for t in doc if t.text == "subschemes"] == [("NNS", "NOUN")]
    assert [t.tag_ for t in doc if t.text.startswith("FORMULA")] == ["NNP", "NNP"]
