"""The Database: whole-document transactions, replacement without duplicates, read-only
readers, schema checks, and the meanings query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from definiens.errors import StoreError
from definiens.ingest import parse
from definiens.store import Database, NamespaceEntry, NamespaceTable
from definiens.store.records import DocumentRecord, record_of, skipped_record

from .helpers import raw_pages


def _records() -> list[DocumentRecord]:
    return [record_of(parse(doc)) for doc in raw_pages()]


def _count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT COUNT(*) FROM {table}")[0][0])


def test_writing_twice_replaces_without_duplicates(db_path: Path) -> None:
    records = _records()
    with Database(db_path) as db:
        db.write_documents(records, None)
        first = {t: _count(db, t) for t in ("documents", "formulas", "identifiers")}
        doc_numbers = db.execute("SELECT source, id, doc FROM documents ORDER BY doc")
        db.write_documents(records, None)
        assert {t: _count(db, t) for t in first} == first
        assert db.execute("SELECT source, id, doc FROM documents ORDER BY doc") == doc_numbers
    assert first["documents"] == len(records)
    assert first["formulas"] == sum(len(r.formulas) for r in records) > 0


def test_a_failing_write_leaves_no_part_of_the_batch(db_path: Path) -> None:
    good, victim = _records()[0], _records()[2]
    assert victim.formulas
    # an identifier of a formula that does not exist breaks a foreign key mid-transaction
    broken = victim._replace(identifiers=[*victim.identifiers, (10_000, "x", 0, 1, 1)])
    with Database(db_path) as db:
        with pytest.raises(StoreError, match="write failed"):
            db.write_documents([good, broken], None)
        assert _count(db, "documents") == 0
        assert _count(db, "formulas") == 0


def test_a_document_that_became_skipped_loses_its_formulas(db_path: Path) -> None:
    record = next(r for r in _records() if r.formulas)
    with Database(db_path) as db:
        db.write_documents([record], None)
        skipped = skipped_record(record._replace(reason="no math"))
        db.write_documents([skipped], None)
        assert _count(db, "formulas") == _count(db, "identifiers") == 0
        assert db.stats()["skipped"] == 1


def test_bulk_skipped_rows_clear_only_their_own_earlier_children(db_path: Path) -> None:
    processed = [r for r in _records() if r.formulas]
    assert len(processed) >= 2
    kept, replaced = processed[0], processed[1]
    fillers = [
        skipped_record(replaced._replace(id=f"page-{k}", source=f"dump-{k % 2}", reason="no math"))
        for k in range(1200)  # more keys than one IN (...) query takes, from two sources
    ]
    with Database(db_path) as db:
        db.write_documents([kept, replaced], None)
        doc = db.execute("SELECT doc FROM documents WHERE id = ?", (replaced.id,))[0][0]
        now_skipped = skipped_record(replaced._replace(reason="no math"))
        db.write_documents([*fillers[:700], now_skipped, *fillers[700:]], None)
        assert db.load_document(doc).formulas == []
        assert db.load_document(doc).text == ""
        assert db.execute("SELECT doc FROM documents WHERE id = ?", (replaced.id,))[0][0] == doc
        assert _count(db, "formulas") == len(kept.formulas)
        assert db.stats()["skipped"] == 1201 and db.stats()["processed"] == 1


def test_committed_keys(db_path: Path) -> None:
    records = _records()
    with Database(db_path) as db:
        db.write_documents(records[:3], None)
        keys = [r.key for r in records]
        assert db.committed(keys) == {r.key for r in records[:3]}


def test_readers_cannot_write(db_path: Path) -> None:
    Database(db_path).close()
    with Database(db_path, readonly=True) as db:
        with pytest.raises(StoreError):
            db.execute("INSERT INTO namespaces (name) VALUES ('x')")
        with pytest.raises(StoreError, match="read-only"):
            db.write_documents(_records()[:1], None)
        assert db.stats()["pages"] == 0


def test_missing_and_foreign_databases_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such results database"):
        Database(tmp_path / "missing.db", readonly=True)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '99')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema"):
        Database(other, readonly=True)
    with pytest.raises(StoreError, match="schema version"):
        Database(other)


def test_a_database_of_another_program_is_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "app.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE accounts (name TEXT)")
    conn.commit()
    conn.close()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path in (other, empty):
        with pytest.raises(StoreError, match="not a definiens results database"):
            Database(path, readonly=True)
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not a definiens results database"):
        Database(other)
    assert other.read_bytes() == before  # not even switched to WAL mode
    tables = sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("accounts",)]


def _with_definitions(record: DocumentRecord, rows: list[tuple[str, str, float]]) -> DocumentRecord:
    definitions = [
        (ident, rank, text, score, "pattern", f"{ident} is the {text}", -1, -1, None)
        for rank, (ident, text, score) in enumerate(rows)
    ]
    return record._replace(definitions=definitions)


def test_meanings_rank_by_summed_best_score_per_document(db_path: Path) -> None:
    a, b, c = [r for r in _records() if r.formulas][:3]
    records = [
        _with_definitions(a, [("E", "energy", 0.5), ("E", "Energy", 0.4)]),
        _with_definitions(b, [("E", "energy", 0.5)]),
        _with_definitions(c, [("E", "elasticity", 0.9), ("x", "position", 0.7)]),
    ]
    with Database(db_path) as db:
        db.write_documents(records, None)
        meanings = db.meanings("E")
        assert [m["meaning"] for m in meanings] == ["energy", "elasticity"]
        assert [m["documents"] for m in meanings] == [2, 1]
        assert meanings[0]["weight"] == pytest.approx(1.0)
        assert {e["title"] for e in meanings[0]["examples"]} == {a.title, b.title}
        only_c = db.meanings("E", title=c.title)
        assert [m["meaning"] for m in only_c] == ["elasticity"]
        assert db.meanings("E", namespace="physics") == []


def test_meanings_keep_their_case_and_are_compared_without_it(db_path: Path) -> None:
    a, b = [r for r in _records() if r.formulas][:2]
    records = [
        _with_definitions(a, [("S", "Riemann surface", 0.8)]),
        _with_definitions(b, [("S", "riemann surface", 0.3)]),
    ]
    with Database(db_path) as db:
        db.write_documents(records, None)
        (meaning,) = db.meanings("S")
        assert meaning["meaning"] == "Riemann surface" and meaning["documents"] == 2
        assert {e["definiens"] for e in meaning["examples"]} == {
            "Riemann surface",
            "riemann surface",
        }
        surface = NamespaceEntry("S", "Riemann surface", 0.8, 2)
        db.replace_namespaces([NamespaceTable("geometry", entries=[surface])])
        assert [m["meaning"] for m in db.meanings("S", namespace="geometry")] == ["Riemann surface"]


def test_namespaces_are_replaced_whole_and_queried(db_path: Path) -> None:
    records = [r for r in _records() if r.formulas][:2]
    with Database(db_path) as db:
        db.write_documents(records, None)
        docs = [row[0] for row in db.execute("SELECT doc FROM documents ORDER BY doc")]
        physics = NamespaceTable(
            "physics",
            entries=[
                NamespaceEntry("E", "energy", 0.8, 2),
                NamespaceEntry("E", "electric field", 0.3, 1),
            ],
            documents=[(doc, 1.0) for doc in docs],
        )
        assert db.replace_namespaces([physics, NamespaceTable("algebra")]) == 2
        assert db.replace_namespaces([physics]) == 1
        meanings = db.meanings("E", namespace="physics")
        assert [m["meaning"] for m in meanings] == ["energy", "electric field"]
        assert [m["documents"] for m in meanings] == [2, 1]
        assert _count(db, "namespaces") == 1
        assert _count(db, "namespace_documents") == len(docs)


def test_two_documents_of_one_run_with_one_id_are_both_kept(db_path: Path) -> None:
    first, second, third = (r._replace(id="12") for r in _records()[2:5])
    assert first.formulas and len({first.title, second.title, third.title}) == 3
    bare = skipped_record(_records()[0]._replace(id="7", reason="no math"))
    twin = bare._replace(title="Twin")
    with Database(db_path) as db:
        run = db.begin_run({})
        db.write_documents([first, bare], run)
        db.write_documents([second, twin, third._replace(title=second.title)], run)
        rows = db.execute("SELECT id, title FROM documents")
        assert sorted(tuple(r) for r in rows) == sorted(
            [
                ("12", first.title),
                ("7", bare.title),
                (f"12|{second.title}", second.title),
                ("7|Twin", "Twin"),
                (f"12|{second.title}|2", second.title),
            ]
        )
        problems = db.execute("SELECT kind, message FROM problems WHERE kind = 'duplicate-id'")
        assert len(problems) == 3
        assert any(
            f"also the id of {first.title!r}" in m and "kept as id '12|" in m for _, m in problems
        )
        # the next run replaces the rows, one for one
        again = db.begin_run({})
        db.write_documents([first, bare, second, twin], again)
        assert _count(db, "documents") == 5
        assert db.execute("SELECT COUNT(*) FROM documents WHERE run = ?", (again,))[0][0] == 4


def test_running_indices_are_the_identifiers_read_only_inside_others(db_path: Path) -> None:
    from definiens.formulas import identify
    from definiens.ingest import from_text

    text = "<math>x_i + y_{j}</math> and <math>\\sum_{j=1}^n z_j</math> and <math>a_k</math>"
    document = identify(parse(from_text(text, "wikitext", title="Indices")))
    with Database(db_path) as db:
        db.write_documents([record_of(document)], None)
        found = db.running_indices()
        uses = db.identifier_uses()
    # i and k are read only in subscripts; j is written on its own in the second formula
    assert [sorted(names) for names in found.values()] == [["i", "k"]]
    assert {"i", "j", "k", "n"} <= set(next(iter(uses.values())))
