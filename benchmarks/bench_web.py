"""Benchmark the HTTP API: concurrent clients annotating a 20 KB wikitext page.

Starts ``definiens serve`` on a free port (a real uvicorn server with its worker processes),
then runs ``--clients`` threads that POST /api/annotate in a loop for ``--duration`` seconds and
prints p50/p99 latency and throughput. By default every request sends the same page (answered
from the server's cache after the first); ``--distinct`` makes each request's text unique (one
sentence appended), so every request runs the whole pipeline.

    .venv/bin/python benchmarks/bench_web.py                 # 8 clients, 30 s, same page
    .venv/bin/python benchmarks/bench_web.py --distinct      # every request computed

Data: the 20 KB wikitext page ``tests/data/web/page.wiki`` of the repository (``--page``).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx2

from shared_data import require

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "tests" / "data" / "web" / "page.wiki"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        epilog="Data: the 20 KB wikitext page tests/data/web/page.wiki of the repository.",
    )
    parser.add_argument("--page", type=Path, default=PAGE, help="a wikitext page (default: 20 KB)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--distinct", action="store_true", help="a unique text per request")
    parser.add_argument("--time-limit", type=float, default=60.0, help="server time limit")
    args = parser.parse_args()
    require(parser, args.page, hint="pass --page with a wikitext file")
    return args


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(workers: int, time_limit: float) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    entry = "import sys; from definiens.cli.main import main; sys.exit(main())"
    command = [sys.executable, "-c", entry, "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--time-limit", str(time_limit)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx2.get(f"{url}/api/status", timeout=2)
            return url, process
        except httpx2.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start within 60 s")


def client_loop(
    url: str, text: str, distinct: bool, deadline: float, results: list[tuple[float, int]]
) -> None:
    with httpx2.Client(timeout=300) as client:
        n = 0
        while time.monotonic() < deadline:
            body = text + (f"\n\nRequest {threading.get_ident()}-{n}." if distinct else "")
            n += 1
            started = time.perf_counter()
            response = client.post(f"{url}/api/annotate", json={"text": body, "format": "wikitext"})
            results.append((time.perf_counter() - started, response.status_code))


def cpu_seconds(pid: int) -> dict[str, float]:
    """CPU seconds so far of the server's main process, its workers, and this process."""
    import psutil

    server = psutil.Process(pid)
    times = server.cpu_times()
    workers = 0.0
    for child in server.children(recursive=True):
        try:
            child_times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        workers += child_times.user + child_times.system
    own = psutil.Process().cpu_times()
    return {
        "main": times.user + times.system,
        "workers": workers,
        "clients": own.user + own.system,
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    args = parse_args()
    text = args.page.read_text(encoding="utf-8")
    url, process = start_server(args.workers, args.time_limit)
    try:
        started = time.perf_counter()
        warm = httpx2.post(
            f"{url}/api/annotate", json={"text": text, "format": "wikitext"}, timeout=300
        )
        warm.raise_for_status()
        print(f"first request (pipeline load + page): {time.perf_counter() - started:.2f} s")
        results: list[tuple[float, int]] = []
        deadline = time.monotonic() + args.duration
        threads = [
            threading.Thread(target=client_loop, args=(url, text, args.distinct, deadline, results))
            for _ in range(args.clients)
        ]
        before = cpu_seconds(process.pid)
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        used = {k: v - before[k] for k, v in cpu_seconds(process.pid).items()}
    finally:
        process.terminate()
        process.wait(15)
    latencies = [t for t, status in results if status == 200]
    errors = len(results) - len(latencies)
    size = len(text.encode()) / 1024
    mode = "distinct texts (no cache hits)" if args.distinct else "same page (cached)"
    print(f"page {args.page.name}: {size:.1f} KB; {args.clients} clients, {args.workers} workers,")
    print(f"{mode}, {elapsed:.1f} s: {len(results)} requests, {errors} errors")
    if latencies:
        print(f"latency p50 {percentile(latencies, 0.5) * 1000:.0f} ms")
        print(f"latency p99 {percentile(latencies, 0.99) * 1000:.0f} ms")
        print(f"latency max {max(latencies) * 1000:.0f} ms")
        print(f"mean {statistics.mean(latencies) * 1000:.0f} ms")
        print(f"throughput {len(latencies) / elapsed:.2f} requests/s")
        per = {k: round(v / len(results), 3) for k, v in used.items()}
        print(
            f"CPU-s per request: server main {per['main']}, workers {per['workers']}, "
            f"benchmark clients {per['clients']}"
        )
    return 0 if latencies and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
