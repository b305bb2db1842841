"""``definiens run``, ``stats``, ``define`` and ``export`` through the real command entry point,
on a real database made from real pages with the default stages."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from definiens import serial
from definiens.cli.main import main
from definiens.ingest import read_inputs
from definiens.store import TABLES, Database

DATA = Path(__file__).parents[1] / "data" / "store"
INPUTS = [DATA / "pages.xml", DATA / "planetmath"]

pytestmark = pytest.mark.slow  # the default stages load spaCy


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "results.db"
    status = main(["run", *map(str, INPUTS), "--db", str(db), "--workers", "1", "--no-progress"])
    assert status == 0
    return db


def _count(db: Path, sql: str, *params: object) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    finally:
        conn.close()


def _stats(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    capsys.readouterr()
    assert main(["stats", "--db", str(db)]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_stats_account_for_every_page(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stats = _stats(corpus_db, capsys)
    assert stats["pages"] == sum(1 for _ in read_inputs(INPUTS))
    assert stats["pages"] == stats["processed"] + stats["skipped"] + stats["failed"]
    for key, table in (
        ("formulas", "formulas"),
        ("identifiers", "identifiers"),
        ("definitions", "definitions"),
    ):
        assert stats[key] == _count(corpus_db, f"SELECT COUNT(*) FROM {table}") > 0


def test_define_ranks_meanings_with_their_support(
    corpus_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(corpus_db)
    identifier, n_docs = conn.execute(
        "SELECT identifier, COUNT(DISTINCT doc) AS n FROM definitions "
        "GROUP BY identifier ORDER BY n DESC, identifier LIMIT 1"
    ).fetchone()
    conn.close()
    capsys.readouterr()
    assert main(["define", identifier, "--db", str(corpus_db), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    meanings = result["meanings"]
    assert meanings and result["identifier"] == identifier
    weights = [m["weight"] for m in meanings]
    assert weights == sorted(weights, reverse=True)
    assert all(1 <= m["documents"] <= n_docs for m in meanings)
    assert all(m["examples"] for m in meanings)
    assert main(["define", identifier, "--db", str(corpus_db)]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"{identifier}: {len(meanings)} meaning")
    assert meanings[0]["meaning"] in text.splitlines()[1]


def test_define_in_one_document_and_unknown_title(
    corpus_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(corpus_db)
    identifier, title = conn.execute(
        "SELECT d.identifier, doc.title FROM definitions d JOIN documents doc USING (doc) "
        "ORDER BY d.score DESC LIMIT 1"
    ).fetchone()
    conn.close()
    capsys.readouterr()
    assert main(["define", identifier, "--db", str(corpus_db), "--doc", title, "--json"]) == 0
    meanings = json.loads(capsys.readouterr().out)["meanings"]
    assert {e["title"] for m in meanings for e in m["examples"]} == {title}
    assert main(["define", identifier, "--db", str(corpus_db), "--doc", title + " (none)"]) == 1
    assert "no document titled" in capsys.readouterr().err


def test_export_parquet_and_csv_hold_every_row(
    corpus_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("parquet", "csv"):
        out = tmp_path / fmt
        assert main(["export", "--db", str(corpus_db), "--format", fmt, "-o", str(out)]) == 0
        for table in TABLES:
            expected = _count(corpus_db, f"SELECT COUNT(*) FROM {table}")
            path = out / f"{table}.{fmt}"
            if fmt == "parquet":
                assert pq.read_table(path).num_rows == expected
            else:
                with path.open(encoding="utf-8", newline="") as f:
                    assert sum(1 for _ in csv.reader(f)) == expected + 1


def test_export_jsonl_nests_each_document(
    corpus_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "corpus.jsonl"
    assert main(["export", "--db", str(corpus_db), "--format", "jsonl", "-o", str(out)]) == 0
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(documents) == _count(corpus_db, "SELECT COUNT(*) FROM documents")
    formulas = sum(len(d["formulas"]) for d in documents)
    assert formulas == _count(corpus_db, "SELECT COUNT(*) FROM formulas")
    identifiers = sum(len(f["identifiers"]) for d in documents for f in d["formulas"])
    assert identifiers == _count(corpus_db, "SELECT COUNT(*) FROM identifiers")
    assert sum(len(items) for d in documents for items in d["definitions"].values()) == _count(
        corpus_db, "SELECT COUNT(*) FROM definitions"
    )
    # the one document record form: each line reads back as the document the database holds
    with Database(corpus_db, readonly=True) as database:
        held = [document for _, document in database.documents()]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [serial.loads(line) for line in lines] == held
    processed = [d for d in documents if d["status"] == "processed"]
    assert processed and all("FORMULA0" in d["text"] and d["offsets"] for d in processed)


def test_bad_options_and_missing_databases_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "results.db")
    cases = [
        ["run", str(INPUTS[0]), "--db", db, "--workers", "0"],
        ["run", str(INPUTS[0]), "--db", db, "--workers", "2", "--scheduler", "tcp://x:1"],
        ["run", str(tmp_path / "missing.xml"), "--db", db, "--workers", "1"],
        ["stats", "--db", str(tmp_path / "missing.db")],
        ["define", "x", "--db", str(tmp_path / "missing.db")],
    ]
    for argv in cases:
        capsys.readouterr()
        assert main(argv) == 1, argv
        err = capsys.readouterr().err.strip()
        assert err.startswith("definiens: error:") and "\n" not in err, err
