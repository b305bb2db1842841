"""``definiens train`` and ``definiens extract --format ident`` on 12 real dev pages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from definiens.cli.main import main
from definiens.define import Definer, load_model
from definiens.formulas import identify
from definiens.ingest import from_text, parse

DATA = Path(__file__).parent.parent / "data" / "ntcir11"
PAGES = DATA / "pages-dev-12.xml"
GOLD = DATA / "gold-dev-12.json"
GROUP = "Let $G$ be a group."
EINSTEIN = "By Einstein, $E = mc^2$, where $E$ is the energy of the body."


@pytest.mark.slow
def test_train_writes_a_model_that_the_stage_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ranker.json"
    status = main(["train", "--gold", str(GOLD), "--pages", str(PAGES), "-o", str(out),
                   "--folds", "3"])  # fmt: skip
    assert status == 0
    assert "trained on 12 formulas" in capsys.readouterr().out
    model = load_model(out)
    definer = Definer(model=model, min_score=0.0)  # a model of 12 formulas: any score
    group = definer(identify(parse(from_text(GROUP, "markdown", title="t"))))
    assert group.definitions["G"][0].text == "group"
    shipped = Definer()(identify(parse(from_text(GROUP, "markdown", title="t"))))
    assert group.definitions["G"][0].score != shipped.definitions["G"][0].score  # our model's
    _, candidates = definer.candidates(identify(parse(from_text(EINSTEIN, "markdown", title="t"))))
    scores = model.probabilities([c.vector(model.features) for c in candidates["E"]])
    assert len(candidates["E"]) > 2 and candidates["E"][int(scores.argmax())].form == "energy"
    again = tmp_path / "again.json"
    main(["train", "--gold", str(GOLD), "--pages", str(PAGES), "-o", str(again), "--folds", "3"])
    assert again.read_text() == out.read_text()  # reproducible: fixed seeds


@pytest.mark.slow
def test_extract_ident_rows_score_by_evaluate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    status = main(["-q", "extract", str(PAGES), "--queries", str(GOLD), "--format", "ident",
                   "-o", str(out)])  # fmt: skip
    assert status == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows and all(len(row) == 4 for row in rows)
    queries = {entry["formula"]["qID"] for entry in json.loads(GOLD.read_text(encoding="utf-8"))}
    assert {row[0] for row in rows} <= queries
    assert len({(r[0], r[2], r[3].lower()) for r in rows}) == len(rows)
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(GOLD), str(out)]) == 0
    assert "precision" in capsys.readouterr().out


def test_extract_ident_needs_queries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["-q", "extract", str(PAGES), "--format", "ident", "-o", str(tmp_path / "o")])
    assert status == 1
    assert "--queries" in capsys.readouterr().err
