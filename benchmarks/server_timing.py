"""Time 2 MB requests of pathological input against a real server (``definiens serve``).

Used by ``bench_scaling.py --server``: starts the server (one worker, its default budget) on a
free port, waits for it to answer a small request (the worker has loaded spaCy), then posts a
body of just under 2 MB for each family and prints the wall time until the answer is received
(read whole; decoding it is the client's work, left out), the CPU time the server and its
worker spent meanwhile (a measure that a busy machine disturbs less; it may include the worker's
garbage collection just after the answer), the status and the ``too-complex`` problems of the
answer. With ``repeat``, the best of so many requests (each with another title: none is
answered from the cache).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable

import psutil

from pathological import Family

BODY_BYTES = 2_000_000  # the server refuses bodies over 2 MiB
_SERVE = "from definiens.cli.main import main; import sys; sys.exit(main(sys.argv[1:]))"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _post(url: str, body: bytes, timeout: float = 300) -> tuple[int, bytes]:
    """The status and the body of the answer (read whole, not decoded)."""
    request = urllib.request.Request(
        f"{url}/api/annotate", data=body, headers={"content-type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read() or b"{}"


def _body(family: Family, run: int = 0) -> bytes:
    """A JSON request of the family's input, as large as fits in :data:`BODY_BYTES` (``run``
    makes the title differ, so that no answer comes from the server's cache)."""
    fmt = family.target if family.target in ("wikitext", "latex", "markdown") else "markdown"

    def encoded(n: int) -> bytes:
        text = family.make(n)
        if family.target == "identifiers":
            text = f"${text}$"
        title = f"{family.label} ({run})"
        return json.dumps({"text": text, "format": fmt, "title": title}).encode()

    low, high = 1, 1
    while len(encoded(high)) < BODY_BYTES:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if len(encoded(middle)) < BODY_BYTES else (low, middle)
    return encoded(low)


def _start() -> tuple[str, subprocess.Popen[bytes]]:
    port = _free_port()
    command = [sys.executable, "-c", _SERVE, "serve", "--port", str(port), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            status, _ = _post(url, json.dumps({"text": "Let $x$ be the mass."}).encode(), 60)
            if status == 200:
                return url, process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("definiens serve did not answer within 120 s")


def _cpu_seconds(server: psutil.Process) -> float:
    """The CPU time the server and its workers have used so far (user and system)."""
    total = 0.0
    for process in (server, *server.children(recursive=True)):
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def time_server(families: Iterable[Family], repeat: int = 1) -> None:
    """Post a 2 MB body of each family to a fresh server and print what it took (the best of
    ``repeat`` requests, each with another title: none is answered from the cache)."""
    url, process = _start()
    server = psutil.Process(process.pid)
    try:
        print(f"\n{'2 MB request to the server':<52} {'MB':>5} {'seconds':>8} {'CPU s':>6}  status")
        for family in families:
            if family.target in ("xmldump",):
                continue  # the server reads text, not dump files
            seconds = cpu = float("inf")
            for run in range(repeat):
                body = _body(family, run)
                used = _cpu_seconds(server)
                started = time.monotonic()
                status, answer = _post(url, body)
                seconds = min(seconds, time.monotonic() - started)
                cpu = min(cpu, _cpu_seconds(server) - used)
            problems = json.loads(answer).get("problems", [])  # decoded out of the time
            complex_ = [p for p in problems if "too-complex" in str(p)]
            note = f"  too-complex: {len(complex_)}" if complex_ else ""
            size = len(body) / 1e6
            line = f"{family.label:<52} {size:5.2f} {seconds:8.2f} {cpu:6.2f}  {status}{note}"
            print(line, flush=True)
    finally:
        process.terminate()
        process.wait(30)
