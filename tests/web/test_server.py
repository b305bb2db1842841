"""The real server: ``definiens serve`` runs uvicorn on 127.0.0.1 and a free port."""

from __future__ import annotations

import concurrent.futures
import socket
import time
from pathlib import Path
from typing import Any

import httpx2
import pytest

from definiens.cli.main import build_parser, main


def test_serve_binds_loopback_by_default() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, None)


@pytest.mark.slow
def test_server_answers_status_and_pages(server: str) -> None:
    status = httpx2.get(f"{server}/api/status").json()
    assert status["database"] is True and status["workers"] == 1
    page = httpx2.get(f"{server}/")
    assert page.status_code == 200 and "katex.min.js" in page.text


@pytest.mark.slow
def test_server_annotates_concurrent_requests(server: str, einstein: str) -> None:
    texts = [f"{einstein} Sentence {i}." for i in range(4)]

    def post(text: str) -> httpx2.Response:
        return httpx2.post(f"{server}/api/annotate", json={"text": text}, timeout=120)

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(post, texts))
    assert [r.status_code for r in responses] == [200] * 4
    assert all(r.json()["definitions"]["E"] for r in responses)


@pytest.mark.slow
def test_server_refuses_a_large_body_with_413(server: str) -> None:
    body = b'{"text": "' + b"a" * (3 * 1024 * 1024) + b'"}'
    response = httpx2.post(
        f"{server}/api/annotate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


@pytest.mark.slow
def test_server_reads_the_database(server: str) -> None:
    meanings = httpx2.get(f"{server}/api/define/m").json()["meanings"]
    assert meanings[0]["meaning"] == "mass"


def _own_addresses() -> set[str]:
    """This machine's non-loopback IPv4 addresses (no packet is sent)."""
    found = set()
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        found |= {str(info[4][0]) for info in infos}
    except socket.gaierror:
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            found.add(probe.getsockname()[0])
        except OSError:
            pass
    return {a for a in found if not a.startswith("127.") and a != "0.0.0.0"}


@pytest.mark.slow
def test_server_is_not_reachable_on_other_addresses(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    addresses = _own_addresses()
    if not addresses:
        pytest.skip("this machine has no non-loopback address to try")
    for address in addresses:
        with socket.socket() as sock:
            sock.settimeout(2)
            assert sock.connect_ex((address, port)) != 0, address


def test_serve_with_a_missing_database_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["serve", "--db", str(tmp_path / "none.sqlite"), "--port", "0"])
    assert status == 1
    err = capsys.readouterr().err
    assert "no such results database" in err and "none.sqlite" in err
    assert len(err.strip().splitlines()) == 1


def test_serve_refuses_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--workers", "0"]) == 1
    assert "--workers" in capsys.readouterr().err


@pytest.mark.slow
def test_a_slow_upload_answers_503_at_the_time_limit(servers: Any) -> None:
    url, process = servers.start("--workers", "1", "--time-limit", "1")
    try:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            head = (
                "POST /api/annotate HTTP/1.1\r\nHost: localhost\r\n"
                "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
            )
            sock.sendall(head.encode() + b'{"text": "')  # and then nothing more
            started = time.monotonic()
            chunks = [sock.recv(4096)]
            elapsed = time.monotonic() - started
            while chunks[-1]:  # the server closes the connection after its answer
                chunks.append(sock.recv(4096))
            answer = b"".join(chunks).decode()
    finally:
        servers.stop(process)
    assert answer.startswith("HTTP/1.1 503"), answer
    assert "time limit" in answer
    assert 1.0 <= elapsed < 8
