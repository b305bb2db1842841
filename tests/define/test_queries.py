"""Query formulas to ident rows, the CSV writer, and the ranker's decision settings."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from definiens.define import define, load_queries, query_rows, write_ident_csv
from definiens.define.evaluation import IdentRow, load_ident_csv
from definiens.define.queries import page_key
from definiens.define.ranker import RankerModel, Settings, choose, load_model
from definiens.errors import ModelError
from definiens.formulas import identify
from definiens.ingest import from_text


def _queries(tmp_path: Path) -> Path:
    entries = [
        {"formula": {"qID": "7", "oldId": "1", "fid": "0", "math_inputtex": "E = m c^2",
                     "title": "Mass–energy_equivalence"}},
        {"formula": {"qID": "8", "oldId": "2", "fid": "0", "math_inputtex": "x",
                     "title": "Absent_page"}},
    ]  # fmt: skip
    path = tmp_path / "queries.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


@pytest.mark.slow
def test_query_rows_come_from_the_named_page(tmp_path: Path) -> None:
    text = (
        "The formula <math>E = mc^2</math> holds, where <math>E</math> is the energy, "
        "<math>m</math> is the mass and <math>c</math> is the [[speed of light]]."
    )
    document = define(identify(from_text(text, "wikitext", title="Mass–energy equivalence")))
    rows = query_rows(load_queries(_queries(tmp_path)), {page_key(document.title): document})
    assert {(r.qid, r.identifier, r.definiens) for r in rows} >= {
        ("7", "E", "energy"),
        ("7", "m", "mass"),
        ("7", "c", "speed of light"),
    }
    assert all(r.qid == "7" and r.title == "Mass–energy_equivalence" for r in rows)
    twice = load_queries(_queries(tmp_path)) * 2  # a query listed twice: its rows once
    assert query_rows(twice, {page_key(document.title): document}) == rows


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


def test_choose_keeps_the_best_above_threshold() -> None:
    scored = [(0.2, "a"), (0.9, "b"), (0.8, "c"), (0.3, "d")]
    assert choose(scored, Settings(0.5, 1, 1.0)) == [(0.9, "b")]
    assert choose(scored, Settings(0.5, 2, 0.8)) == [(0.9, "b"), (0.8, "c")]
    assert choose(scored, Settings(0.95, 2, 0.8)) == []


def test_a_damaged_model_file_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="model"):
        load_model(path)
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "absent.json")


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    model = RankerModel(["mlp", "dist"], [0.5, 1.0], [0.1, 2.0], [1.0, -1.0], 0.25)
    model.save(tmp_path / "m.json")
    again = load_model(tmp_path / "m.json")
    assert again == model
    assert again.probability([0.5, 1.0]) == pytest.approx(1 / (1 + pow(2.718281828, -0.25)))
