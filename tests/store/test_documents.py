"""Documents read back whole from a real database file: text, offset map, formulas,
identifiers, definitions and problems; the text is kept compressed; old databases are refused
with a message that says what to do."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

from definiens import serial
from definiens.errors import StoreError
from definiens.formulas import identify
from definiens.ingest import parse
from definiens.model import Document
from definiens.store import Database, record_of
from definiens.store.export import export
from strategies import documents

from .helpers import raw_pages


@settings(max_examples=40, deadline=None)
@given(documents())
def test_a_written_document_loads_back_equal(document: Document) -> None:
    with tempfile.TemporaryDirectory() as tmp, Database(Path(tmp) / "r.db") as db:
        db.write_documents([record_of(document)], None)
        (entry,) = [entry for entry, _ in db.documents()]
        assert db.load_document(entry.doc) == document
        assert db.document_entry(entry.doc) == entry


def test_real_pages_load_back_with_their_text(db_path: Path) -> None:
    pages = [identify(parse(doc)) for doc in raw_pages()]
    with Database(db_path) as db:
        db.write_documents([record_of(doc) for doc in pages], None)
        loaded = {(doc.source, doc.id): doc for _, doc in db.documents()}
    for page in pages:
        page.source_text, page.links = "", []
        assert loaded[(page.source, page.id)] == page


def test_the_text_is_stored_compressed(db_path: Path) -> None:
    page = parse(raw_pages()[0])
    with Database(db_path) as db:
        db.write_documents([record_of(page)], None)
        (stored,) = db.execute("SELECT text FROM texts")
    assert isinstance(stored[0], bytes) and len(stored[0]) < len(page.text.encode())


def test_export_jsonl_reads_back_with_serial(db_path: Path, tmp_path: Path) -> None:
    pages = [identify(parse(doc)) for doc in raw_pages()]
    with Database(db_path) as db:
        db.write_documents([record_of(doc) for doc in pages], None)
        export(db, "jsonl", tmp_path / "out.jsonl")
        loaded = [doc for _, doc in db.documents()]
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [serial.loads(line) for line in lines] == loaded


def test_an_older_database_is_refused_with_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.commit()
    conn.close()
    for readonly in (True, False):
        with pytest.raises(StoreError, match=r"earlier definiens.*definiens run"):
            Database(old, readonly=readonly)


def test_a_missing_document_is_a_store_error(db_path: Path) -> None:
    with Database(db_path) as db:
        assert db.document_entry(1) is None
        with pytest.raises(StoreError, match="no document 1"):
            db.load_document(1)
