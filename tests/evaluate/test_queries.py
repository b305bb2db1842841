"""Query formulas to ident rows, and the ident CSV writer."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from definiens.api import annotate, from_text
from definiens.evaluate import IdentRow, load_ident_csv, load_queries, query_rows, write_ident_csv
from definiens.evaluate.gold import GoldFormula
from definiens.evaluate.queries import page_key, query_identifiers
from definiens.pipeline import default_stages, run_stages


def _queries(tmp_path: Path, *formulas: tuple[str, str, str]) -> Path:
    """A queries file of ``(qID, TeX, title)`` formulas (by default one of a page given and
    one of a page absent)."""
    default = (("7", "E = m c^2", "Mass–energy_equivalence"), ("8", "x", "Absent_page"))
    formulas = formulas or default
    entries = [
        {"formula": {"qID": qid, "oldId": "1", "fid": "0", "math_inputtex": tex, "title": title}}
        for qid, tex, title in formulas
    ]
    path = tmp_path / "queries.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


@pytest.mark.slow
def test_query_rows_come_from_the_named_page(tmp_path: Path) -> None:
    text = (
        "The formula <math>E = mc^2</math> holds, where <math>E</math> is the energy, "
        "<math>m</math> is the mass and <math>c</math> is the [[speed of light]]."
    )
    document = annotate(text, "wikitext", title="Mass–energy equivalence")
    rows = query_rows(load_queries(_queries(tmp_path)), {page_key(document.title): document})
    assert {(r.qid, r.identifier, r.definiens) for r in rows} >= {
        ("7", "E", "energy"),
        ("7", "m", "mass"),
        ("7", "c", "speed of light"),
    }
    assert all(r.qid == "7" and r.title == "Mass–energy_equivalence" for r in rows)
    twice = load_queries(_queries(tmp_path)) * 2  # a query listed twice: its rows once
    assert query_rows(twice, {page_key(document.title): document}) == rows


@pytest.mark.slow
def test_running_indices_get_rows_unless_left_out(tmp_path: Path) -> None:
    text = (
        "For each natural number <math>n</math>, the term <math>x_n</math> is the position "
        "of the walker after <math>n</math> steps."
    )
    document = annotate(text, "wikitext", title="Walk")
    path = _queries(tmp_path, ("1", "x_n", "Walk"))
    pages = {page_key(document.title): document}
    rows = query_rows(load_queries(path), pages)
    assert ("x_{n}", "position of the walker") in {(r.identifier, r.definiens) for r in rows}
    assert ("n", "natural number") in {(r.identifier, r.definiens) for r in rows}
    left_out = query_rows(load_queries(path), pages, indices=False)
    assert left_out == [r for r in rows if r.identifier != "n"] != rows


def test_query_identifiers_read_the_pages_own_macros() -> None:
    source = (
        "\\documentclass{article}\n\\newcommand{\\kfield}{\\mathbb{K}}\n\\begin{document}\n"
        "Let $\\kfield$ be a field and $p = x^2 + a_1$ with $a_1 \\in \\kfield$.\n"
        "\\end{document}\n"
    )
    document = run_stages(
        from_text(source, "latex", title="discriminant"), default_stages(definitions=False)
    )
    query = GoldFormula("1", "discriminant", "a_1 \\in \\kfield", fid="2")
    assert query_identifiers(query, document) == ["a_{1}", "\\mathbb{K}"]
    # the same TeX on a page that defines nothing: an unknown macro names no identifier
    plain = run_stages(from_text("$x$", "latex", title="other"), default_stages(definitions=False))
    assert query_identifiers(query, plain) == ["a_{1}"]


def test_page_keys_match_underscores_and_case() -> None:
    assert page_key("Van_der_Waerden's_theorem") == page_key("Van der Waerden's theorem")
    assert page_key("Orbit portrait") == page_key("orbit_Portrait")


def test_ident_csv_round_trips_commas_and_quotes(tmp_path: Path) -> None:
    rows = [IdentRow("1", 'A,"B"', "x_{1}", "set, finite"), IdentRow("2", "C", "\\alpha", "q12")]
    buffer = io.StringIO()
    assert write_ident_csv(rows, buffer) == 2
    path = tmp_path / "out.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    assert load_ident_csv(path) == rows
