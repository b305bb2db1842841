"""Costs per page, measured in CPU seconds, and what they mean for the whole English Wikipedia.

    .venv/bin/python benchmarks/estimate.py [--data ../shared/data]

CPU seconds vary much less than wall time on a shared machine, so the estimate is built from
them: decompressing the dump (lbzip2 alone), reading it (``read_inputs``: XML and the no-math
scan, in the main process), and running the stages on a page with mathematics (after spaCy is
loaded). It prints each figure and the arithmetic of the estimate.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dumpgen import build_dump, real_pages

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
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


def reader_cpu(dump: Path) -> tuple[int, float]:
    """Pages read and CPU seconds of this process reading them (decompression excluded)."""
    from definiens.ingest import read_inputs

    before = _cpu(resource.RUSAGE_SELF)
    pages = sum(1 for _ in read_inputs([dump]))
    return pages, _cpu(resource.RUSAGE_SELF) - before


def stage_cpu(data: Path) -> tuple[int, dict[str, float]]:
    """CPU seconds per stage over the real pages with mathematics, spaCy already loaded."""
    from definiens.api import default_stages
    from definiens.model import Document
    from definiens.pipeline import run_stages

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
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    dump = build_dump(args.data, OUT)
    wall, decompress = lbzip2_cpu(dump)
    pages, read = reader_cpu(dump)
    n_math, stages = stage_cpu(args.data)
    per_math = sum(stages.values()) / n_math
    print(f"lbzip2 -dc: {wall:.2f} s wall, {decompress:.2f} CPU-s for {pages} pages")
    print(f"reader: {read:.2f} CPU-s for {pages} pages ({1e3 * read / pages:.3f} ms/page)")
    print(
        f"stages on {n_math} math pages: "
        + ", ".join(f"{k} {v / n_math:.4f}" for k, v in stages.items())
        + f" CPU-s/page; total {per_math:.3f} CPU-s/page"
    )
    scale = PAGES / pages
    d, r, m = decompress * scale, read * scale, MATH_PAGES * per_math
    print(
        f"English Wikipedia, {PAGES:,} pages of which {MATH_PAGES:,} with math "
        f"(x{scale:.1f} this dump):"
    )
    print(
        f"  decompress {decompress:.2f} x {scale:.1f} = {d:,.0f} CPU-s; "
        f"read {read:.2f} x {scale:.1f} = {r:,.0f} CPU-s; "
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
