"""Addresses of documents, compressed answers, and the answers the server keeps."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from definiens.web.results import Results


def test_a_document_has_an_address(db_client: TestClient) -> None:
    page = db_client.get("/doc/2")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/static/reader.js" in page.text and "/static/boot.js" in page.text
    assert db_client.get("/doc/abc").status_code == 422
    assert db_client.get("/doc/0").status_code == 422


def test_a_long_answer_is_compressed(db_client: TestClient) -> None:
    answer = db_client.get("/api/documents/2", headers={"accept-encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.json()["layout"]["kind"] == "blocks"
    assert db_client.get("/api/status").headers.get("content-encoding") is None  # too short


def test_answers_are_kept_until_the_database_changes(results_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "results.sqlite"
    shutil.copyfile(results_db, copy)
    results = Results(copy)
    try:
        first = results.document_json(2)
        assert first is not None and results.document_json(2) is first
        stat = copy.stat()
        os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        again = results.document_json(2)
        assert again is not first and again == first
        assert results.document_json(99) is None
    finally:
        results.close()
