"""Corpus-run benchmarks: a Wikipedia-like dump against lbzip2, peak memory, PlanetMath speed-up.

    .venv/bin/python benchmarks/bench_corpus.py [--data ../shared/data] [--scales 1 4]

1. Builds (once, cached in benchmarks/out/) a bz2 dump of 16,000 pages, one in 200 with
   mathematics (benchmarks/dumpgen.py), and the same at 4x the size.
2. Times ``lbzip2 -dc DUMP > /dev/null`` and ``definiens run DUMP --db …`` in the same run and
   prints the ratio (target <= 2.0), with the peak RSS of the whole process tree and its CPU
   seconds by part (main process, decompressor, pool workers); all stages at every scale,
   then without the definitions stage at the first scale; with ``--long-math K`` also a dump
   of the same size whose math pages are the K longest real pages (all stages, first scale).
3. Runs ``definiens run`` over PlanetMath LaTeX files (extracted to /tmp) with 1 and 2 workers
   and prints documents per second and the speed-up (target >= 1.8 on 2 cores).

Figures are printed and written to benchmarks/out/bench_corpus.json.

Data: ``ntcir11-wiki/pages-dev.xml`` and ``enwiki-sample-31.xml`` (the real pages of the dump)
and ``planetmath-tex.tar.gz``, from the shared data folder (``--data``, default
``../shared/data`` beside the repository; see benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).parent))
from dumpgen import build_dump
from shared_data import add_data_option, require

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
PAGES = ["ntcir11-wiki/pages-dev.xml", "enwiki-sample-31.xml"]
PLANETMATH = "planetmath-tex.tar.gz"
DEFINIENS = [
    sys.executable,
    "-c",
    "import sys; from definiens.cli.main import main; sys.exit(main())",
]


DECOMPRESSORS = ("lbzip2", "pbzip2")


def _kind(member: psutil.Process, root: int) -> str:
    """Which part of the run a process is: main, decompress, or workers (pool processes)."""
    if member.pid == root:
        return "main"
    return "decompress" if member.name() in DECOMPRESSORS else "workers"


def _sample(proc: psutil.Process, cpu: dict[int, tuple[str, float]]) -> int:
    """The RSS of ``proc`` and all its descendants; their CPU seconds so far go into ``cpu``
    (by pid, with the part of the run each process is).

    CPU is read per process because pool workers are children of the forkserver, which the
    rusage of waited-for children does not cover.
    """
    total = 0
    try:
        members = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied), member.oneshot():
            total += member.memory_info().rss
            times = member.cpu_times()
            cpu[member.pid] = (_kind(member, proc.pid), times.user + times.system)
    return total


def measure(command: list[str], stdout: Any = subprocess.PIPE) -> dict[str, Any]:
    """Run ``command``; return its wall time, CPU seconds (in all and per part) and peak RSS of
    its whole process tree (sampled every 20 ms), the load average, and its output."""
    start = time.perf_counter()
    popen = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, text=True)
    proc, peak = psutil.Process(popen.pid), 0
    cpu: dict[int, tuple[str, float]] = {}
    while popen.poll() is None:
        peak = max(peak, _sample(proc, cpu))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    out, err = popen.communicate()
    if popen.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({popen.returncode}): {err[-2000:]}")
    parts: dict[str, float] = {}
    for kind, seconds in cpu.values():
        parts[kind] = round(parts.get(kind, 0.0) + seconds, 2)
    return {
        "seconds": round(wall, 2),
        "cpu_seconds": round(sum(seconds for _, seconds in cpu.values()), 2),
        "cpu_parts": parts,
        "load_average": round(os.getloadavg()[0], 2),
        "peak_rss_mb": round(peak / 2**20, 1),
        "stdout": out,
    }


def _run_definiens(inputs: list[Path], workers: int, extra: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-db-") as tmp:
        db = Path(tmp) / "results.db"
        cmd = [*DEFINIENS, "run", *map(str, inputs), "--db", str(db), "--no-progress"]
        result = measure([*cmd, "--workers", str(workers), *extra])
        result["counts"] = json.loads(result.pop("stdout").strip().splitlines()[-1])
        result["db_mb"] = round(db.stat().st_size / 2**20, 1)
    return result


def bench_dump(
    data: Path, scale: int, workers: int, extra: list[str], longest: int = 0
) -> dict[str, Any]:
    pages = 16_000 * scale
    dump = build_dump(data, OUT, pages=pages, target_mb=290 * scale, longest=longest)
    with open("/dev/null", "w") as null:
        lbzip2 = measure(["lbzip2", "-dc", str(dump)], stdout=null)
    run = _run_definiens([dump], workers, extra)
    ratio = run["seconds"] / lbzip2["seconds"]
    cpu_ratio = run["cpu_seconds"] / max(lbzip2["cpu_seconds"], 1e-9)
    kind = f", math pages the {longest} longest real pages" if longest else ""
    print(f"dump x{scale}{kind}: {pages} pages, {dump.stat().st_size / 2**20:.1f} MB bz2")
    print(
        f"  lbzip2 -dc        {lbzip2['seconds']:8.2f} s  cpu {lbzip2['cpu_seconds']:.2f} s"
        f"  (load average {lbzip2['load_average']})"
    )
    print(
        f"  definiens run     {run['seconds']:8.2f} s  cpu {run['cpu_seconds']:.2f} s"
        f"  (load average {run['load_average']})  {workers} workers"
    )
    print(
        f"  ratio {ratio:.2f} (wall), {cpu_ratio:.2f} (cpu)  peak RSS {run['peak_rss_mb']:.0f} MB"
        f"  counts {run['counts']}"
    )
    parts = ", ".join(f"{k} {v:.2f}" for k, v in sorted(run["cpu_parts"].items()))
    print(f"  definiens CPU-s by part: {parts}")
    return {
        "extra": extra,
        "pages": pages,
        "dump": str(dump),
        "bz2_mb": round(dump.stat().st_size / 2**20, 1),
        "lbzip2": lbzip2,
        "definiens": run,
        "ratio": round(ratio, 2),
        "cpu_ratio": round(cpu_ratio, 2),
    }


def planetmath_files(data: Path, limit: int) -> Path:
    """Extract PlanetMath to /tmp once and link every k-th file into a subset folder."""
    root = Path(tempfile.gettempdir()) / "definiens-planetmath"
    if not (root / "planetmath").is_dir():
        root.mkdir(exist_ok=True)
        with tarfile.open(data / "planetmath-tex.tar.gz") as tar:
            tar.extractall(root, filter="data")
    files = sorted((root / "planetmath").rglob("*.tex"))
    if not limit or limit >= len(files):
        return root / "planetmath"
    subset = root / f"subset-{limit}"
    if not subset.is_dir():
        tmp = root / f"subset-{limit}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        step = len(files) / limit
        for k in range(limit):
            src = files[int(k * step)]
            (tmp / src.parent.name).mkdir(exist_ok=True)
            shutil.copy(src, tmp / src.parent.name / src.name)
        tmp.rename(subset)
    return subset


def bench_planetmath(data: Path, limit: int, extra: list[str]) -> dict[str, Any]:
    folder = planetmath_files(data, limit)
    result: dict[str, Any] = {"folder": str(folder), "files": sum(1 for _ in folder.rglob("*.tex"))}
    for workers in (1, 2):
        run = _run_definiens([folder], workers, extra)
        docs = run["counts"]["pages"]
        run["docs_per_second"] = round(docs / run["seconds"], 2)
        result[f"workers_{workers}"] = run
        print(
            f"planetmath {result['files']} files, {workers} worker(s): {run['seconds']:.1f} s, "
            f"{run['docs_per_second']:.2f} docs/s, peak RSS {run['peak_rss_mb']:.0f} MB, "
            f"counts {run['counts']}"
        )
    speedup = result["workers_2"]["docs_per_second"] / result["workers_1"]["docs_per_second"]
    result["speedup"] = round(speedup, 2)
    print(f"planetmath speed-up 1 -> 2 workers: {speedup:.2f}x")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, *PAGES, PLANETMATH)
    parser.add_argument(
        "--scales",
        type=int,
        nargs="*",
        default=[1, 4],
        help="dump sizes to run, in multiples of 16,000 pages",
    )
    parser.add_argument(
        "--long-math",
        type=int,
        default=0,
        metavar="K",
        help="also run (all stages, first scale) a dump whose math pages are the K longest "
        "real pages (e.g. 10; default 0 = skip)",
    )
    parser.add_argument("--workers", type=int, default=psutil.cpu_count() or 1)
    parser.add_argument(
        "--planetmath",
        type=int,
        default=1000,
        metavar="N",
        help="PlanetMath files to run (spread over all; 0 = all 9,477; -1 = skip)",
    )
    parser.add_argument(
        "--no-definitions",
        action="store_true",
        help="only run without the definitions stage (default: all stages at every scale, "
        "then without definitions at the first scale)",
    )
    args = parser.parse_args()
    needed = [*PAGES, PLANETMATH] if args.planetmath >= 0 else PAGES
    require(parser, *(args.data / name for name in needed))
    nodef = ["--no-definitions"]
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "cpus": psutil.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    if not args.no_definitions:
        for scale in args.scales:
            results[f"dump_x{scale}"] = bench_dump(args.data, scale, args.workers, [])
    scale = args.scales[0] if args.scales else 1
    if args.long_math and not args.no_definitions:
        results[f"dump_x{scale}_longest{args.long_math}"] = bench_dump(
            args.data, scale, args.workers, [], longest=args.long_math
        )
    print("without the definitions stage:")
    results[f"dump_x{scale}_no_definitions"] = bench_dump(args.data, scale, args.workers, nodef)
    if args.planetmath >= 0:
        extra = nodef if args.no_definitions else []
        results["planetmath"] = bench_planetmath(args.data, args.planetmath, extra)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_corpus.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
