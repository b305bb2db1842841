"""Kind-of-object evidence from TeX and text: indices, number sets, functions, type words."""

from __future__ import annotations

from definiens.define.object_types import TypeEvidence, type_evidence
from definiens.formulas import identify
from definiens.ingest import from_text, parse

PASSAGE = (
    "For every positive integer <math>n</math>, let <math>f(x) = \\sum_{i=1}^{n} a_i x^i</math> "
    "with <math>x \\in \\mathbb{R}</math>, and <math>F = \\int_0^1 g(t)\\,dt</math>. "
    "The polynomial <math>p(x) = x^2 + 1</math> has no real root; <math>q</math> is a prime."
)


def _evidence() -> dict[str, dict[str, float]]:
    found = type_evidence(identify(parse(from_text(PASSAGE, "wikitext", title="passage"))))
    return {tex: {k: e.features(k)["kind_share"] for k in e.types()} for tex, e in found.items()}


def test_tex_evidence_names_indices_sets_functions_and_variables() -> None:
    types = _evidence()
    assert "index" in types["i"]
    assert "real number" in types["x"]
    assert "variable" in types["x"]
    assert "indeterminate" in types["x"]
    assert "function" in types["f"]
    assert "variable" in types["t"]


def test_type_words_beside_or_after_a_symbol_name_its_kind() -> None:
    types = _evidence()
    assert "integer" in types["n"]
    assert "prime number" in types["q"]


def test_features_mark_the_best_supported_kind() -> None:
    found = type_evidence(identify(parse(from_text(PASSAGE, "wikitext", title="passage"))))
    features = found["i"].features("index")
    assert features["kind_cand"] == 1.0
    assert features["kind_top"] == 1.0
    assert features["kind_tex"] >= 1.0
    assert found["i"].features("integer")["kind_prior"] == 1.0


def test_the_power_of_a_number_space_is_a_dimension_and_an_upper_limit_an_integer() -> None:
    passage = (
        "For <math>x \\in \\mathbb{R}^n</math> and <math>y \\in \\R^{m}</math>, "
        "<math>n = \\prod_{i=1}^r p_i^{a_i}</math>."
    )
    found = type_evidence(identify(parse(from_text(passage, "wikitext", title="passage"))))
    assert found["n"].tex["dimension"] == 1
    assert found["m"].tex["dimension"] == 1
    assert found["r"].tex["integer"] == 1
    assert "dimension" not in found["x"].tex
    assert found["i"].tex["integer"] == 0.5  # as a product index, not as a limit


def test_a_number_set_used_as_an_identifier_is_that_kind_of_number() -> None:
    passage = "<math>\\int_{\\mathbb{R}^n} f\\,dx</math> and <math>z \\in \\mathbb{C}</math>."
    found = type_evidence(identify(parse(from_text(passage, "wikitext", title="passage"))))
    assert set(found["\\mathbb{R}"].tex) == {"real number"}
    assert found["z"].tex["complex number"] == 1


def test_a_coordinate_letter_as_a_subscript_is_a_direction_not_an_index() -> None:
    passage = "<math>p_x + p_y = a_k k x + y</math>"
    found = type_evidence(identify(parse(from_text(passage, "wikitext", title="passage"))))
    assert "index" not in found.get("x", TypeEvidence()).tex
    assert "index" not in found.get("y", TypeEvidence()).tex
    assert found["k"].tex["index"] == 1


def test_only_an_application_to_symbols_makes_a_function() -> None:
    passage = "<math>f(x, y_1) = 2g(y - y_0) + h(x+1)</math>"
    found = type_evidence(identify(parse(from_text(passage, "wikitext", title="passage"))))
    assert found["f"].tex["function"] == 1
    assert "function" not in found.get("g", TypeEvidence()).tex
    assert "function" not in found.get("h", TypeEvidence()).tex
