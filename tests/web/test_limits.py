"""Safety limits with real inputs: 413 over 2 MB, 503 past the time limit (and recovery)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from definiens.web import create_app
from definiens.web.budget import Budget

DATA = Path(__file__).parent.parent / "data" / "web"


#: A budget that reads all of :func:`slow_text` (the server's own stops at 1,000 formulas).
WHOLE = Budget(max_formulas=100_000, max_define_chars=10_000_000)


def slow_text() -> str:
    """A long real wikitext page (about 400 KB): many seconds of NLP work, read whole by a
    server with the budget :data:`WHOLE`."""
    page = (DATA / "page.wiki").read_text(encoding="utf-8")
    return "\n\n".join([page] * max(1, 400_000 // len(page)))


def test_body_over_2_mb_gets_413_by_content_length(client: TestClient) -> None:
    body = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    response = client.post(
        "/api/annotate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_body_over_2_mb_gets_413_when_streamed_without_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"a" * 100_000
        yield b'"}'

    response = client.post(
        "/api/annotate", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_body_just_under_the_limit_is_read(client: TestClient) -> None:
    response = client.post("/api/annotate", json={"text": "x", "format": "nonsense"})
    assert response.status_code == 422  # read and parsed, not refused for its size


@pytest.mark.slow
def test_a_request_over_a_tiny_time_limit_answers_503() -> None:
    with TestClient(create_app(workers=1, time_limit=0.5, warm_up=False, budget=WHOLE)) as client:
        started = time.monotonic()
        response = client.post("/api/annotate", json={"text": slow_text(), "format": "wikitext"})
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "time limit" in response.json()["detail"]
    assert elapsed < 10


@pytest.mark.slow
def test_the_overrunning_worker_is_replaced_and_the_server_goes_on(einstein: str) -> None:
    app = create_app(workers=1, time_limit=120.0, budget=WHOLE)
    with TestClient(app) as client:
        assert client.post("/api/annotate", json={"text": einstein}).status_code == 200
        app.state.pool.time_limit = 1.0
        slow = client.post("/api/annotate", json={"text": slow_text(), "format": "wikitext"})
        assert slow.status_code == 503
        app.state.pool.time_limit = 120.0
        again = client.post("/api/annotate", json={"text": einstein + " Again."})
        assert again.status_code == 200, again.text
        assert app.state.pool.replaced == 1
        assert client.get("/api/status").json()["workers"] == 1


@pytest.mark.slow
def test_a_worker_killed_from_outside_is_replaced_without_failing_a_request(
    einstein: str,
) -> None:
    app = create_app(workers=1, time_limit=120.0)
    with TestClient(app) as client:
        assert client.post("/api/annotate", json={"text": einstein}).status_code == 200
        pool = app.state.pool
        (pid,) = pool.worker_pids
        os.kill(pid, signal.SIGKILL)
        response = client.post("/api/annotate", json={"text": einstein + " Once more."})
        assert response.status_code == 200, response.text
        assert pool.replaced == 1 and pool.worker_pids != [pid]


@pytest.mark.slow
def test_the_cache_keeps_at_most_its_size_in_answers(einstein: str) -> None:
    app = create_app(workers=1, cache_size=2, time_limit=120.0)
    with TestClient(app) as client:
        for i in range(4):
            response = client.post("/api/annotate", json={"text": f"{einstein} Take {i}."})
            assert response.status_code == 200
        count, size = app.state.pool.cached
        assert count == 2 and 2 * 1000 < size < 2 * 100_000
    with TestClient(app) as client:  # the app starts again after a stop
        assert client.post("/api/annotate", json={"text": einstein}).status_code == 200


def test_a_worker_killed_from_two_threads_at_once_closes_once() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from definiens.web.workers import _start_worker

    worker = _start_worker(False)
    with ThreadPoolExecutor(2) as threads:
        results = list(threads.map(lambda _: worker.kill(), range(2)))
    assert results == [None, None]
    assert not worker.process.is_alive()
    assert worker.conn.closed
    worker.kill()  # and once more, later


@pytest.mark.slow
def test_shutting_down_while_an_overrunning_worker_is_replaced() -> None:
    app = create_app(workers=1, time_limit=0.5, warm_up=False, budget=WHOLE)
    with TestClient(app) as client:
        response = client.post("/api/annotate", json={"text": slow_text(), "format": "wikitext"})
        assert response.status_code == 503
    # leaving the client stops the pool while the replacement may still run: no error, and
    # no worker left behind
    assert app.state.pool.alive == 0
