"""The database endpoints over a real results database written by the store."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from definiens import serial
from definiens.errors import StoreError
from definiens.web import create_app
from definiens.web.results import Results


def test_define_reads_meanings_across_the_corpus(db_client: TestClient) -> None:
    answer = db_client.get("/api/define/m").json()
    assert answer["identifier"] == "m"
    assert [m["meaning"] for m in answer["meanings"]] == ["mass"]
    assert answer["meanings"][0]["examples"][0]["title"] == "Kinetic energy"


def test_define_reads_a_namespace(db_client: TestClient) -> None:
    answer = db_client.get("/api/define/v", params={"namespace": "mechanics"}).json()
    assert [m["meaning"] for m in answer["meanings"]] == ["velocity"]
    assert db_client.get("/api/define/v", params={"namespace": "none"}).json()["meanings"] == []


def test_define_takes_tex_with_slashes_and_braces(db_client: TestClient) -> None:
    response = db_client.get("/api/define/" + quote("\\frac{a}{b}", safe=""))
    assert response.status_code == 200
    assert response.json()["identifier"] == "\\frac{a}{b}"


def test_documents_list_and_one_document(db_client: TestClient) -> None:
    listed = db_client.get("/api/documents", params={"q": "kinetic"}).json()["documents"]
    assert [d["title"] for d in listed] == ["Kinetic energy"]
    doc = db_client.get(f"/api/documents/{listed[0]['doc']}").json()
    assert doc["formulas"][0]["tex"] == "K = \\frac{1}{2} m v^2"
    occurrences = {o["identifier"] for o in doc["formulas"][0]["occurrences"]}
    assert occurrences == {"K", "m", "v"}
    assert doc["definitions"]["m"][0]["text"] == "mass"
    assert db_client.get("/api/documents/9999").status_code == 404


def test_a_database_document_has_its_text_in_the_one_record_form(db_client: TestClient) -> None:
    (listed,) = db_client.get("/api/documents", params={"q": "kinetic"}).json()["documents"]
    answer = db_client.get(f"/api/documents/{listed['doc']}").json()
    assert answer["text"] == "The kinetic energy is FORMULA0 where FORMULA1 is the mass."
    assert (answer["doc"], answer["status"], answer["reason"]) == (listed["doc"], "processed", None)
    mass = answer["definitions"]["m"][0]
    assert answer["text"][mass["text_start"] : mass["text_end"]] == "where FORMULA1 is the mass."
    document = serial.from_record(answer)
    assert document.text == answer["text"]
    assert [f.markup for f in document.formulas] == ["dollar", "dollar"]
    assert document.offsets.to_source(answer["text"].index("where")) == mass["source_start"]


def test_namespaces_with_their_tables(db_client: TestClient) -> None:
    (namespace,) = db_client.get("/api/namespaces").json()["namespaces"]
    assert namespace["name"] == "mechanics"
    # written without a label (as for an unlabelled corpus): none, no purity, coherence 0
    assert (namespace["label"], namespace["purity"], namespace["coherence"]) == ("", None, 0.0)
    assert {row["identifier"] for row in namespace["identifiers"]} == {"m", "v", "<b>x</b>"}


def test_without_a_database_the_endpoints_say_so(client: TestClient) -> None:
    for path in ("/api/define/x", "/api/documents/1", "/api/documents", "/api/namespaces"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert "--db" in response.json()["detail"]


def test_the_server_opens_the_database_read_only(results_db: Path) -> None:
    database = Results(results_db)
    try:
        with pytest.raises(StoreError):
            database.store.execute("DELETE FROM documents")
        assert database.stats()["processed"] == 2
    finally:
        database.close()


def test_a_missing_database_fails_before_serving(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such results database"):
        create_app(db=tmp_path / "missing.sqlite")


def test_define_reads_identifiers_as_the_cli_does(db_client: TestClient) -> None:
    for written in ("{m}", "$m$", " m "):
        answer = db_client.get("/api/define/" + quote(written, safe="")).json()
        assert answer["identifier"] == "m" and answer["meanings"][0]["meaning"] == "mass"


def test_odd_document_queries_are_answered_not_failed(db_client: TestClient) -> None:
    for wildcard in ("%", "_"):  # literal characters, not LIKE wildcards
        assert db_client.get("/api/documents", params={"q": wildcard}).json()["documents"] == []
    assert db_client.get("/api/documents", params={"q": "x" * 50_000}).status_code == 422
    for doc in ("99999999999999999999999999", "9223372036854775808", "0"):
        assert db_client.get(f"/api/documents/{doc}").status_code == 422
