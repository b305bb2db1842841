"""Fixtures for the web tests: an in-process app, a real results database, a real uvicorn
server started by ``definiens serve`` on a free port, and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
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

from definiens.model import Definiens, Document
from definiens.store.database import Database
from definiens.store.records import record_of
from definiens.web import create_app

EINSTEIN = (
    "By Einstein, $E = mc^2$, where $E$ is the energy of the body, $m$ is its mass "
    "and $c$ is the speed of light."
)
# `python -m definiens.cli.main` warns (cli/__init__ imports main); run the entry point itself.
SERVE = "import sys; from definiens.cli.main import main; sys.exit(main())"
DATA = Path(__file__).resolve().parents[1] / "data" / "web"
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
    """The app in-process, with one annotate worker process, which loads spaCy only at the
    first annotate request (so the tests that annotate nothing stay in the fast lane)."""
    with TestClient(create_app(workers=1, time_limit=120.0, warm_up=False)) as test_client:
        yield test_client


def _stored_document() -> Document:
    """A small processed document: parsed and identified by the real stages, with meanings."""
    from definiens.formulas import identify
    from definiens.ingest import parse

    text = "The kinetic energy is $K = \\frac{1}{2} m v^2$ where $m$ is the mass."
    document = identify(
        parse(
            Document(
                id="1",
                title="Kinetic energy",
                source="kinetic.md",
                format="markdown",
                source_text=text,
            )
        )
    )
    where = text.index("where")
    mass = Definiens("m", "mass", 0.91, "pattern", "where $m$ is the mass.", where, len(text))
    document.definitions = {
        "m": [mass],
        "K": [Definiens("K", "kinetic energy", 0.7, "noun_phrase")],
    }
    return document


def _stored_chapter() -> Document:
    """The LaTeX chapter of tests/data/web, parsed and identified, with meanings of every kind
    of certainty (the database keeps its text, not its source)."""
    from definiens.formulas import identify
    from definiens.ingest import from_text, parse

    source = (DATA / "chapter.tex").read_text(encoding="utf-8")
    document = from_text(source, "latex", title="Groups", id="chapter.tex")
    document.source = "chapter.tex"
    document = identify(parse(document))
    sentence = "Here $e$ denotes the identity element of $G$."
    where = source.index("the identity element")
    document.definitions = {
        "e": [Definiens("e", "identity element", 0.92, "pattern", sentence, where, where + 20)],
        "G": [Definiens("G", "group", 0.26, "noun_phrase", "A group $G$ is commutative", -1, -1)],
        "n": [Definiens("n", "modulus", 0.55, "pattern", "", -1, -1)],
    }
    return document


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
    """A real results database written by the store, with two documents (1: a Markdown text,
    2: a LaTeX chapter) and one namespace."""
    path = tmp_path_factory.mktemp("db") / "results.sqlite"
    with Database(path) as database:
        database.write_documents(
            [record_of(_stored_document()), record_of(_stored_chapter())], None
        )
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


def _launch(playwright: Any) -> Any:
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = _launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """A desktop window of 1100 x 760 pixels, with a fresh profile."""
    context = browser.new_context(viewport={"width": 1100, "height": 760})
    yield context
    context.close()


def guarded_page(context: Any, server: str) -> Any:
    """A fresh tab; any request that leaves the test server is refused and remembered."""
    tab = context.new_page()
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(server) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    tab.route("**/*", guard)
    tab.outside_requests = outside
    return tab


@pytest.fixture
def page(browser_context: Any, server: str) -> Iterator[Any]:
    """A fresh tab; any request that leaves the test server fails the test."""
    tab = guarded_page(browser_context, server)
    yield tab
    tab.close()
    assert not tab.outside_requests, f"the page tried to reach outside: {tab.outside_requests}"


@pytest.fixture
def phone(browser: Any, server: str) -> Iterator[Any]:
    """A tab on a touch screen the size of a phone (390 x 844 CSS pixels)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    tab = guarded_page(context, server)
    yield tab
    context.close()
    assert not tab.outside_requests, f"the page tried to reach outside: {tab.outside_requests}"


def screenshot(tab: Any, tmp_path: Path, name: str, **options: Any) -> Path:
    """Save a screenshot under the test's output (its tmp_path); with DEFINIENS_SHOTS=DIR set,
    a copy goes to DIR as well, to look at."""
    path = tmp_path / f"{name}.png"
    tab.screenshot(path=str(path), **options)
    folder = os.environ.get("DEFINIENS_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(folder) / path.name)
    return path
