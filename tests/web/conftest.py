"""Fixtures for the web tests: an in-process app, a real results database, a real uvicorn
server started by ``definiens serve`` on a free port, and a real headless Chromium."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from definiens.model import Definiens, Document, Formula, Identifier
from definiens.store.database import Database
from definiens.store.records import record_of
from definiens.web import create_app

EINSTEIN = (
    "By Einstein, $E = mc^2$, where $E$ is the energy of the body, $m$ is its mass "
    "and $c$ is the speed of light."
)
# `python -m definiens.cli.main` warns (cli/__init__ imports main); run the entry point itself.
SERVE = "import sys; from definiens.cli.main import main; sys.exit(main())"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def einstein() -> str:
    return EINSTEIN


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The app in-process, with one annotate worker process."""
    with TestClient(create_app(workers=1, time_limit=120.0)) as test_client:
        yield test_client


def _stored_document() -> Document:
    """A small processed document, built from the real model classes."""
    text = "The kinetic energy is $K = \\frac{1}{2} m v^2$ where $m$ is the mass."
    formula = Formula(
        index=0,
        tex="K = \\frac{1}{2} m v^2",
        source_start=22,
        source_end=45,
        identifiers=[
            Identifier("K", 0, 1, spans=[(0, 1)]),
            Identifier("m", 16, 17, spans=[(16, 17)]),
            Identifier("v", 18, 19, spans=[(18, 19)]),
        ],
    )
    mass = Definiens("m", "mass", 0.91, "pattern", "where m is the mass.", 46, 66)
    return Document(
        id="1",
        title="Kinetic energy",
        source="kinetic.md",
        format="markdown",
        source_text=text,
        formulas=[formula],
        definitions={"m": [mass], "K": [Definiens("K", "kinetic energy", 0.7, "noun_phrase")]},
    )


def _add_namespace(path: Path) -> None:
    """Namespace rows as the namespaces stage writes them (plain SQL on the real file)."""
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO namespaces (name, description) VALUES (?, ?)", ("mechanics", ""))
        conn.executemany(
            "INSERT INTO namespace_definitions VALUES (1, ?, ?, ?, ?)",
            [("m", "mass", 0.9, 3), ("v", "velocity", 0.8, 2), ("<b>x</b>", "<i>y</i>", 0.1, 1)],
        )


@pytest.fixture(scope="session")
def results_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real results database written by the store, with one document and one namespace."""
    path = tmp_path_factory.mktemp("db") / "results.sqlite"
    with Database(path) as database:
        database.write_documents([record_of(_stored_document())], None)
    _add_namespace(path)
    return path


@pytest.fixture(scope="module")
def db_client(results_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db=results_db, workers=1, warm_up=False)) as test_client:
        yield test_client


def _wait_ready(url: str, process: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"definiens serve exited with status {process.returncode}")
        try:
            if httpx2.get(f"{url}/api/status", timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            time.sleep(0.2)
    raise RuntimeError("definiens serve did not answer within 60 s")


def start_server(*options: str) -> tuple[str, subprocess.Popen[bytes]]:
    """Start ``definiens serve`` (the real CLI, uvicorn) on a free port; return its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "serve", "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, process, time.monotonic() + 60)
    except RuntimeError:
        process.kill()
        _, err = process.communicate()
        raise RuntimeError(err.decode(errors="replace")[-2000:]) from None
    return url, process


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
    if process.stderr is not None:
        process.stderr.close()


@pytest.fixture(scope="session")
def servers() -> SimpleNamespace:
    """``servers.start(*options)`` and ``servers.stop(process)`` for a test's own server."""
    return SimpleNamespace(start=start_server, stop=stop_server)


@pytest.fixture(scope="session")
def server_without_db() -> Iterator[str]:
    """A real server started with no database."""
    url, process = start_server("--workers", "1")
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def server(results_db: Path) -> Iterator[str]:
    """A real uvicorn server (``definiens serve --db …``) on 127.0.0.1 and a free port."""
    url, process = start_server("--db", str(results_db), "--workers", "1")
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's Chromium, headless, with a fresh profile, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1100, "height": 760},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context: Any, server: str) -> Iterator[Any]:
    """A fresh tab; any request that leaves the test server fails the test."""
    tab = browser_context.new_page()
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    tab.outside_requests = outside
    yield tab
    tab.close()
    assert not outside, f"the page tried to reach outside the server: {outside}"
