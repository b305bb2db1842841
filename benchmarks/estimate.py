"""Costs per page, measured in CPU seconds, and what they mean for the whole English Wikipedia.

    .venv/bin/python benchmarks/estimate.py [--data ../shared/data]

CPU seconds vary much less than wall time on a shared machine, so the estimate is built from
them (each the least of ``--repeat`` runs: load on the machine only adds): decompressing the dump
(lbzip2 alone), reading it (``read_inputs``: cutting pages, settling those without math from
their bytes, XML for the rest, in the main process), writing its rows (``Database``, main
process), and running the stages on a page with mathematics (after spaCy is loaded). It prints
each figure and the arithmetic of the estimate.

Data: ``ntcir11-wiki/pages-dev.xml`` and ``enwiki-sample-31.xml`` (the real pages the dump is
built from) in the shared data folder (``--data``, default ``../shared/data`` beside the
repository; see benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from dumpgen import build_dump, real_pages
from shared_data import add_data_option, require

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
FILES = ("ntcir11-wiki/pages-dev.xml", "enwiki-sample-31.xml")
PAGES, MATH_PAGES = 6_700_000, 30_000
CORES = 2


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def lbzip2_cpu(dump: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``lbzip2 -dc DUMP > /dev/null``."""
    before, start = _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(["lbzip2", "-dc", str(dump)], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start, _cpu(resource.RUSAGE_CHILDREN) - before


def reader_cpu(dump: Path) -> tuple[list[Any], float]:
    """The items read and CPU seconds of this process reading them (decompression excluded)."""
    from definiens.ingest import read_inputs

    before = _cpu(resource.RUSAGE_SELF)
    items = list(read_inputs([dump]))
    return items, _cpu(resource.RUSAGE_SELF) - before


def writer_cpu(items: list[Any]) -> float:
    """CPU seconds of writing the documents rows of ``items`` (as a run does, in batches)."""
    from definiens.model import Document
    from definiens.store import Database
    from definiens.store.records import record_of, skipped_record

    records = [record_of(i) if isinstance(i, Document) else skipped_record(i) for i in items]
    with tempfile.TemporaryDirectory() as tmp, Database(Path(tmp) / "w.db") as db:
        run = db.begin_run({})
        before = _cpu(resource.RUSAGE_SELF)
        for start in range(0, len(records), 2000):
            db.write_documents(records[start : start + 2000], run)
        return _cpu(resource.RUSAGE_SELF) - before


def stage_cpu(data: Path) -> tuple[int, dict[str, float]]:
    """CPU seconds per stage over the real pages with mathematics, spaCy already loaded."""
    from definiens.model import Document
    from definiens.pipeline import default_stages, run_stages

    stages = default_stages()
    docs = [
        Document(id=str(i), title=title, source="bench", format="wikitext", source_text=text)
        for i, (title, text) in enumerate(real_pages(data))
    ]
    run_stages(docs[0], stages)  # loads the spaCy pipeline and the ranker
    cost = {getattr(stage, "__name__", "stage"): 0.0 for stage in stages}
    for doc in docs[1:]:
        for stage in stages:
            before = _cpu(resource.RUSAGE_SELF)
            doc = stage(doc)
            cost[getattr(stage, "__name__", "stage")] += _cpu(resource.RUSAGE_SELF) - before
    return len(docs) - 1, cost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, *FILES)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    args = parser.parse_args()
    require(parser, *(args.data / name for name in FILES))
    dump = build_dump(args.data, OUT)
    wall, decompress = min(lbzip2_cpu(dump) for _ in range(args.repeat))
    read, items = math.inf, []
    for _ in range(args.repeat):
        items, seconds = reader_cpu(dump)
        read = min(read, seconds)
    pages = len(items)
    write = min(writer_cpu(items) for _ in range(args.repeat))
    n_math, stages = stage_cpu(args.data)
    per_math = sum(stages.values()) / n_math
    define = stages.get("define", 0.0) / n_math
    print(f"lbzip2 -dc: {wall:.2f} s wall, {decompress:.2f} CPU-s for {pages} pages")
    print(f"reader: {read:.2f} CPU-s for {pages} pages ({1e3 * read / pages:.3f} ms/page)")
    print(f"writer: {write:.2f} CPU-s for {pages} pages ({1e3 * write / pages:.3f} ms/page)")
    print(
        f"stages on {n_math} math pages: "
        + ", ".join(f"{k} {v / n_math:.4f}" for k, v in stages.items())
        + f" CPU-s/page; total {per_math:.3f} CPU-s/page (define {define:.3f})"
    )
    print(f"(load average now {os.getloadavg()[0]:.2f})")
    read += write  # the main process does both
    scale = PAGES / pages
    d, r, m = decompress * scale, read * scale, MATH_PAGES * per_math
    print(
        f"English Wikipedia, {PAGES:,} pages of which {MATH_PAGES:,} with math "
        f"(x{scale:.1f} this dump):"
    )
    print(
        f"  decompress {decompress:.2f} x {scale:.1f} = {d:,.0f} CPU-s; "
        f"read + write {read:.2f} x {scale:.1f} = {r:,.0f} CPU-s; "
        f"math {MATH_PAGES:,} x {per_math:.3f} = {m:,.0f} CPU-s"
    )
    one = max((d + r + m) / CORES, r)
    print(
        f"  one {CORES}-core machine: max(({d:,.0f} + {r:,.0f} + {m:,.0f}) / {CORES}, {r:,.0f})"
        f" = {one:,.0f} s = {one / 3600:.2f} h"
    )
    client = max((d + r) / CORES, r)
    for n in (1, 2, 4, 8, 16):
        cluster = max(client, m / (CORES * n))
        print(
            f"  Dask, {n:2} worker machines: max(client reading {client:,.0f} s, "
            f"math {m:,.0f} / {CORES * n} cores = {m / (CORES * n):,.0f} s) "
            f"= {cluster / 60:.0f} min"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
