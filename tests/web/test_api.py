"""The HTTP API in-process (Starlette's TestClient over the real app and worker process).

The tests that annotate load spaCy in the worker process, so they are marked slow.
"""

from __future__ import annotations

import os
import re
import signal

import pytest
from fastapi.testclient import TestClient

from definiens.web.app import STATIC


def annotate(client: TestClient, text: str, fmt: str = "markdown") -> dict:
    response = client.post("/api/annotate", json={"text": text, "format": fmt})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.slow
def test_annotate_finds_formulas_identifiers_and_meanings(
    client: TestClient, einstein: str
) -> None:
    doc = annotate(client, einstein)
    assert [f["tex"] for f in doc["formulas"]][:1] == ["E = mc^2"]
    first = doc["formulas"][0]
    assert {i["tex"] for i in first["identifiers"]} >= {"E", "m", "c"}
    assert {o["identifier"] for o in first["occurrences"]} >= {"E", "m", "c"}
    meanings = doc["definitions"]["E"]
    assert meanings[0]["text"].lower().endswith("energy")
    best = meanings[0]
    assert 0 <= best["score"] <= 1 and best["method"] and "energy" in best["sentence"]
    shown = doc["text"][best["text_start"] : best["text_end"]]
    assert shown.lower().endswith("energy")
    assert einstein[best["source_start"] : best["source_end"]] == shown


@pytest.mark.slow
def test_annotate_reads_wikitext_and_latex(client: TestClient) -> None:
    wiki = annotate(client, "The force <math>F = m a</math> where ''m'' is the mass.", "wikitext")
    assert wiki["formulas"] and wiki["formulas"][0]["tex"].strip() == "F = m a"
    latex = annotate(client, "Let $n$ be the number of nodes and \\(k\\) the degree.", "latex")
    assert [f["tex"] for f in latex["formulas"]] == ["n", "k"]


@pytest.mark.slow
def test_identical_requests_are_answered_from_the_cache(client: TestClient, einstein: str) -> None:
    pool = client.app.state.pool  # type: ignore[attr-defined]
    text = einstein + " Asked twice."
    first = client.post("/api/annotate", json={"text": text})
    assert first.status_code == 200 and pool.cached[0] >= 1
    (pid,) = pool.worker_pids
    os.kill(pid, signal.SIGKILL)  # from now on, a request that reaches the worker replaces it
    replaced = pool.replaced
    second = client.post("/api/annotate", json={"text": text})
    assert second.content == first.content
    assert pool.replaced == replaced  # the worker was not asked
    other = client.post("/api/annotate", json={"text": text + " Once more."})
    assert other.status_code == 200 and pool.replaced == replaced + 1  # ... and was dead


def test_bad_requests_get_422(client: TestClient) -> None:
    assert client.post("/api/annotate", json={"text": "x", "format": "html"}).status_code == 422
    assert client.post("/api/annotate", json={"format": "latex"}).status_code == 422
    response = client.post(
        "/api/annotate", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422


def test_openapi_is_served_and_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/annotate", "/api/define/{identifier}", "/api/documents/{doc}"} <= set(
        spec["paths"]
    )
    schema = spec["paths"]["/api/annotate"]["post"]
    assert "413" in schema["responses"] and "503" in schema["responses"]


def test_docs_page_uses_only_local_assets(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/redoc").status_code == 404


def test_no_page_or_script_loads_anything_from_another_host() -> None:
    for path in [*STATIC.glob("*.html"), *STATIC.glob("*.js"), *STATIC.glob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path
        assert "cdn" not in text.lower(), path


def test_katex_and_its_fonts_and_licence_are_served(client: TestClient) -> None:
    for name in ("katex.min.js", "katex.min.css", "LICENSE", "fonts/KaTeX_Main-Regular.woff2"):
        response = client.get(f"/static/vendor/katex/{name}")
        assert response.status_code == 200, name
    css = client.get("/static/vendor/katex/katex.min.css").text
    for font in re.findall(r"url\((fonts/[^)]+\.woff2)\)", css):
        assert (STATIC / "vendor" / "katex" / font).is_file(), font


def test_pages_have_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/namespaces").status_code == 200


def test_status_reports_workers_and_limits(client: TestClient) -> None:
    status = client.get("/api/status").json()
    assert status["workers"] == 1 and status["database"] is False
    assert status["max_body"] == 2 * 1024 * 1024


@pytest.mark.slow
def test_lone_surrogates_in_the_json_are_replaced_not_a_server_error(client: TestClient) -> None:
    for body in ('{"text": "a \\ud800 b"}', '{"text": "x", "title": "\\udfff"}'):
        response = client.post(
            "/api/annotate", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code == 200, response.text
        assert "\ufffd" in response.json()["text"] + response.json().get("title", "\ufffd")


def test_a_422_says_what_and_where_in_one_line(client: TestClient) -> None:
    response = client.post("/api/annotate", json={"text": "x", "format": "html"})
    detail = response.json()["detail"]
    assert response.status_code == 422 and isinstance(detail, str)
    assert "body.format" in detail and "\n" not in detail
