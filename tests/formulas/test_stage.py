"""The identify stage on documents read by the real readers (tests/data/ingest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from definiens.formulas import identify
from definiens.ingest import from_text, parse, read_inputs
from definiens.model import Document
from definiens.pipeline import run_stages

INGEST_DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def read_documents(path: Path) -> list[Document]:
    return [parse(item) for item in read_inputs([path]) if isinstance(item, Document)]


def test_fills_identifiers_and_flags_of_every_kind_of_formula() -> None:
    wikitext = (
        "The energy <math>E_\\text{k} = \\tfrac12 m v^2</math> of a body of mass ''m'' "
        "moving at {{math|''v''<sub>0</sub>}} is kinetic."
    )
    document = identify(parse(from_text(wikitext, "wikitext", title="Kinetic energy")))
    found = {f.markup: [i.tex for i in f.identifiers] for f in document.formulas}
    assert found == {"math": ["E_{\\mathrm{k}}", "m", "v"], "italic": ["m"], "template": ["v_{0}"]}
    assert all(f.flags == [] for f in document.formulas)
    assert document.problems == []


def test_a_page_that_writes_tensor_indices_reads_a_lone_greek_superscript_as_one() -> None:
    text = (
        "The trace is $T = -u_{\\alpha} u^{\\alpha} T$, where $u^{\\alpha}$ is the 4-velocity; "
        "the growth $e^{\\alpha}$ and $x^{\\beta}$ stay powers."
    )
    document = identify(parse(from_text(text, "markdown", title="t")))
    found = [[i.tex for i in f.identifiers] for f in document.formulas]
    assert found[1] == ["u^{\\alpha}"]
    assert found[2:] == [["e", "\\alpha"], ["x", "\\beta"]]
    plain = identify(parse(from_text(text.split(", where")[1], "markdown", title="t")))
    assert [i.tex for i in plain.formulas[0].identifiers] == ["u", "\\alpha"]
    # indices only up, as a sum over multi-indices writes powers: no tensor notation
    sums = "The series $\\sum_\\alpha c_\\alpha x^\\alpha$ and the power law $y = C x^{\\alpha}$."
    read = identify(parse(from_text(sums, "markdown", title="t")))
    assert [i.tex for i in read.formulas[1].identifiers] == ["y", "C", "x", "\\alpha"]


def test_identifier_spans_point_into_the_formula_tex() -> None:
    document = identify(parse(from_text("Let $x_0 + \\alpha x_0$ hold.", "markdown", title="t")))
    (formula,) = document.formulas
    first, alpha = formula.identifiers
    assert formula.tex[first.start : first.end] == "x_0"
    assert (first.tex, first.count) == ("x_{0}", 2)
    assert formula.tex[alpha.start : alpha.end] == "\\alpha"


def test_the_stage_stores_the_span_of_every_occurrence() -> None:
    document = identify(
        parse(from_text("Let $x_0 + \\alpha x_0 + \\text{x_0}$ hold.", "markdown", title="t"))
    )
    (formula,) = document.formulas
    first, alpha = formula.identifiers
    assert [formula.tex[s:e] for s, e in first.spans] == ["x_0", "x_0"]
    assert alpha.spans == [(alpha.start, alpha.end)]


def test_damaged_tex_is_flagged_and_reported_not_raised() -> None:
    text = "Here $\\frac{a}{b$ and $\\begin{cases} y$ and $\\foo z$ end."
    document = run_stages(from_text(text, "markdown", title="Broken"), [parse, identify])
    flags = [f.flags for f in document.formulas]
    assert flags == [["unbalanced_braces"], ["unclosed_environment"], ["unknown_macro:\\foo"]]
    assert [[i.tex for i in f.identifiers] for f in document.formulas] == [["a", "b"], ["y"], ["z"]]
    assert [p.kind for p in document.problems] == ["tex", "tex"]  # an unknown macro is no damage
    assert "formula 0" in document.problems[0].location
    assert "unbalanced_braces" in document.problems[0].message


@pytest.mark.parametrize("name", ["pages-dev-5.xml", "enwiki-sample-31.xml", "planetmath"])
def test_every_formula_of_real_inputs_goes_through(name: str) -> None:
    documents = [identify(document) for document in read_documents(INGEST_DATA / name)]
    formulas = [f for document in documents for f in document.formulas]
    assert len(formulas) > 50
    with_identifiers = [f for f in formulas if f.identifiers]
    assert len(with_identifiers) > 0.7 * len(formulas)
    for formula in with_identifiers:
        for identifier in formula.identifiers:
            assert 0 <= identifier.start < identifier.end <= len(formula.tex)


@pytest.mark.parametrize(
    ("tex", "identifiers", "flags"),
    [
        ("{" * 5000 + "x" + "}" * 5000, ["x"], ["too_deep"]),
        ("\\frac{a}{" * 100 + "b" + "}" * 100, ["a", "b"], ["too_deep"]),
        ("{" * 100 + "x" + "}" * 100 + "+y}", ["x", "y"], ["too_deep", "unbalanced_braces"]),
    ],
)
def test_nesting_too_deep_is_read_flat_without_false_damage(
    tex: str, identifiers: list[str], flags: list[str]
) -> None:
    from definiens.formulas import extract_identifiers

    result = extract_identifiers(tex)
    assert [str(i) for i in result.tex] == identifiers and result.flags == flags
