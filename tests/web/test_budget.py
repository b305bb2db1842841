"""The server's budget: what one request makes a worker read, and the too-complex problems
that say where it stopped."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from definiens.ingest import from_text, parse
from definiens.web import create_app
from definiens.web.budget import Budget, annotate_within, within
from scaling import pathological


def _stages(budget: Budget) -> dict[str, object]:
    return {stage.__name__: stage for stage in within(budget)}  # type: ignore[attr-defined]


def test_the_budget_runs_the_three_stages_in_order() -> None:
    assert list(_stages(Budget())) == ["parse", "identify", "define"]


def test_reading_stops_after_max_formulas() -> None:
    parse_stage = _stages(Budget(max_formulas=2))["parse"]
    doc = parse_stage(from_text("Let $a$, $b$\nand $c$ be.\n"))  # type: ignore[operator]
    assert [f.tex for f in doc.formulas] == ["a", "b"]
    (problem,) = doc.problems
    assert problem.kind == "too-complex" and problem.location.endswith("line 2")


def test_only_the_first_max_scopes_sections_are_scopes() -> None:
    source = "\\section{A}\n\\begin{lemma}x\\end{lemma}\n\\section{B}\ny\n\\section{C}\nz\n"
    whole = parse(from_text(source, "latex"))
    doc = _stages(Budget(max_scopes=2))["parse"](from_text(source, "latex"))  # type: ignore[operator]
    assert [s.title for s in whole.scopes] == ["A", "Lemma", "B", "C"]
    assert doc.scopes == whole.scopes[:2]  # the first two in the source, not both sections
    (problem,) = doc.problems
    assert problem.kind == "too-complex" and "the first 2 are kept" in problem.message


def test_a_formula_longer_than_the_budget_is_flagged_not_analysed() -> None:
    identify_stage = _stages(Budget(max_formula_chars=10))["identify"]
    doc = parse(from_text("Let $x_1 + x_2 + x_3$ and $y$ be."))
    identify_stage(doc)  # type: ignore[operator]
    long, short = doc.formulas
    assert (long.identifiers, long.flags) == ([], ["too_complex"])
    assert [i.tex for i in short.identifiers] == ["y"]
    (problem,) = doc.problems
    assert problem.kind == "too-complex" and problem.location.endswith("formula 0")
    assert "15 characters" in problem.message and "(10)" in problem.message


@pytest.mark.slow
def test_meanings_are_looked_for_in_the_first_characters_only() -> None:
    sentence = "Here $E$ is the energy of the body. "
    text = sentence * 10 + "Later $m$ is the mass of the body. " * 10
    doc = annotate_within(text, "markdown", "t", Budget(max_define_chars=len(sentence) * 10))
    assert list(doc.definitions) == ["E"]
    (problem,) = doc.problems
    assert problem.kind == "too-complex" and "meanings are looked for" in problem.message


@pytest.mark.slow
def test_a_2_mb_request_of_formulas_is_answered_with_a_too_complex_problem() -> None:
    family = next(
        f
        for f in pathological().FAMILIES
        if (f.target, f.name) == ("markdown", "many formulas per sentence")
    )
    text = family.make(280_000)
    body = json.dumps({"text": text, "format": "markdown"}).encode()
    assert 1_900_000 < len(body) < 2 * 1024 * 1024
    with TestClient(create_app(workers=1, time_limit=120.0, warm_up=False)) as client:
        response = client.post(
            "/api/annotate", content=body, headers={"content-type": "application/json"}
        )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert len(answer["formulas"]) == Budget().max_formulas
    assert [p["kind"] for p in answer["problems"]] == ["too-complex"]
    assert "more than 1000 formulas" in answer["problems"][0]["message"]
