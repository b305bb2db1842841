"""Reader speed on a bz2 dump built from the real pages: pages/s and MB/s.

Builds a multistream ``.xml.bz2`` MediaWiki dump (100 pages per stream, as Wikipedia's are)
from ``ntcir11-wiki/pages-dev.xml`` and ``enwiki-sample-31.xml``, repeated up to ``--size-mb``
of XML, in a temporary folder. With ``--math-share 0.005`` all but one page in 200 have their
math tags renamed, as on a real English Wikipedia dump, so that the cheap no-math check sets the
speed. It then times, in the same run:

* bz2 decompression alone (Python's :mod:`bz2`, and the reader's decompressor, lbzip2 when
  installed);
* ``read_inputs`` alone (pages streamed, no-math pages skipped, documents left raw);
* ``read_inputs`` + ``parse`` (wikitext → text, formulas, links);

and the peak memory of a fresh process reading the dump (constant whatever the dump size).

Usage: ``.venv/bin/python benchmarks/bench_readers.py [--data ../shared/data] [--size-mb 40]``

Data: ``ntcir11-wiki/pages-dev.xml`` and ``enwiki-sample-31.xml`` from the shared data folder
(``--data``, default ``../shared/data`` beside the repository; see benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import bz2
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from definiens.ingest import parse, read_inputs
from definiens.ingest.decompress import decompressor, open_binary
from definiens.model import Document
from shared_data import add_data_option, require

REPO = Path(__file__).resolve().parent.parent
PAGE = re.compile(r"[ \t]*<page>.*?</page>", re.S)
MATH = re.compile(r"&lt;(/?)math|\{\{(math|mvar)", re.I)
FILES = ("ntcir11-wiki/pages-dev.xml", "enwiki-sample-31.xml")


def _real_pages(data: Path) -> tuple[str, list[str]]:
    dev = (data / "ntcir11-wiki" / "pages-dev.xml").read_text(encoding="utf-8")
    sample = (data / "enwiki-sample-31.xml").read_text(encoding="utf-8")
    header = dev[: dev.index("<page>")]
    return header[: header.rindex("\n") + 1], PAGE.findall(dev) + PAGE.findall(sample)


def _without_math(page: str) -> str:
    return MATH.sub(lambda m: f"&lt;{m.group(1)}span" if m.group(0)[0] == "&" else "{{nowrap", page)


def build_dump(data: Path, folder: Path, size_mb: float, math_share: float) -> tuple[Path, int]:
    """Write the multistream dump; return its path and its uncompressed size in bytes."""
    header, pages = _real_pages(data)
    rng = random.Random(7)
    target = int(size_mb * 1e6)
    chosen: list[str] = []
    total = len(header)
    page_id = 0
    while total < target:
        page = pages[page_id % len(pages)]
        if rng.random() >= math_share:
            page = _without_math(page)
        page = re.sub(r"<id>\d+</id>", f"<id>{page_id + 1}</id>", page, count=1)
        chosen.append(page + "\n")
        total += len(page.encode()) + 1
        page_id += 1
    footer = "</mediawiki>\n"
    streams = [bz2.compress(header.encode())]
    for start in range(0, len(chosen), 100):
        streams.append(bz2.compress("".join(chosen[start : start + 100]).encode()))
    streams.append(bz2.compress(footer.encode()))
    path = folder / "bench-dump.xml.bz2"
    path.write_bytes(b"".join(streams))
    return path, total + len(footer)


def _timed(label: str, run: Callable[[], int], size: int) -> None:
    """Print wall-clock speed and, less sensitive to a busy machine, this process's CPU time
    (a decompressor child process is not counted in it)."""
    start, cpu_start = time.perf_counter(), time.process_time()
    pages = run()
    seconds = time.perf_counter() - start
    cpu = max(time.process_time() - cpu_start, 1e-9)
    rate = f"{pages / seconds:8.0f} pages/s" if pages else " " * 15
    print(
        f"{label:<34} {seconds:6.2f} s {rate} {size / 1e6 / seconds:7.1f} MB/s"
        f" | CPU {cpu:6.2f} s {size / 1e6 / cpu:7.1f} MB/CPU-s"
    )


def _decompress_python(path: Path) -> int:
    with bz2.open(path, "rb") as stream:
        while stream.read(1 << 20):
            pass
    return 0


def _decompress_reader(path: Path) -> int:
    with open_binary(path) as stream:
        while stream.read(1 << 20):
            pass
    return 0


def _read(path: Path) -> int:
    return sum(1 for _ in read_inputs([path]))


def _read_parse(path: Path) -> int:
    count = 0
    for item in read_inputs([path]):
        if isinstance(item, Document):
            parse(item)
        count += 1
    return count


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork + exec.
_PEAK = """
import sys
from definiens.ingest import read_inputs
pages = sum(1 for _ in read_inputs([sys.argv[1]]))
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(int(status.split()[0]) // 1024)
"""


def peak_memory_mb(path: Path) -> int:
    """Peak resident memory (MB) of a fresh process that reads the whole dump."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True
    )
    return int(result.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, *FILES)
    parser.add_argument("--size-mb", type=float, default=40.0, help="XML size of the dump")
    parser.add_argument(
        "--math-share", type=float, default=1.0, help="share of pages that keep their math"
    )
    args = parser.parse_args(argv)
    require(parser, *(args.data / name for name in FILES))
    with tempfile.TemporaryDirectory() as tmp:
        path, size = build_dump(args.data, Path(tmp), args.size_mb, args.math_share)
        documents = sum(isinstance(item, Document) for item in read_inputs([path]))
        pages = _read(path)
        print(
            f"dump: {pages} pages ({documents} with math), {size / 1e6:.1f} MB of XML, "
            f"{path.stat().st_size / 1e6:.1f} MB bz2 multistream; "
            f"decompressor: {decompressor() or 'python bz2'}"
        )
        _timed("bz2 decompression (python bz2)", lambda: _decompress_python(path), size)
        _timed("decompression (reader's stream)", lambda: _decompress_reader(path), size)
        _timed("read_inputs", lambda: _read(path), size)
        _timed("read_inputs + parse", lambda: _read_parse(path), size)
        print(f"peak memory of a process running read_inputs over it: {peak_memory_mb(path)} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
