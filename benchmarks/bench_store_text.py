"""What keeping each document's text costs a results database (docs/schema.md, table ``texts``).

    .venv/bin/python benchmarks/bench_store_text.py [INPUT...] [--workers 2] [--db RESULTS]

Runs ``definiens run INPUT... --no-progress`` (unless ``--db`` names a database already made;
with no INPUT, the 31-page dump fragment ``enwiki-sample-31.xml`` of the shared data folder)
and prints: the database size; the bytes the ``texts`` table stores (zlib-compressed text and
offset map) and what they would be uncompressed; and the sizes of two vacuumed copies of the
database, with and without the rows of the table (the second is the database as it was before
it kept the text), and what the text adds. The run
time with and without the table was measured by running the code before and after the change
one after the other (see docs/schema.md); this script measures the size without old code.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from shared_data import add_data_option, require

DEFINIENS = [
    sys.executable,
    "-c",
    "import sys; from definiens.cli.main import main; sys.exit(main())",
]


def _run(inputs: list[str], db: Path, workers: int) -> float:
    started = time.monotonic()
    command = [*DEFINIENS, "run", *inputs, "--db", str(db), "--no-progress"]
    subprocess.run([*command, "--workers", str(workers)], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def _text_bytes(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = raw = count = 0
    for text, layout in conn.execute("SELECT text, layout FROM texts"):
        stored += len(text) + len(layout)
        raw += len(zlib.decompress(text)) + len(zlib.decompress(layout))
        count += 1
    conn.close()
    return {"documents": count, "stored_bytes": stored, "uncompressed_bytes": raw}


def _vacuumed(db: Path, *, texts: bool) -> int:
    """The size of a vacuumed copy of ``db``, with or without the rows of ``texts``."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(db, copy)
        conn = sqlite3.connect(copy)
        if not texts:
            conn.execute("DELETE FROM texts")
            conn.commit()
        conn.execute("VACUUM")
        conn.close()
        return copy.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="what to run over")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, help="measure this database instead of running")
    add_data_option(parser, "enwiki-sample-31.xml (when no INPUT is given)")
    args = parser.parse_args()
    if not args.db and not args.inputs:
        sample = args.data / "enwiki-sample-31.xml"
        require(parser, sample)
        args.inputs = [str(sample)]
    require(parser, *(Path(p) for p in args.inputs), hint="give files or folders to run over")
    with tempfile.TemporaryDirectory(prefix="bench-text-") as tmp:
        db = args.db or Path(tmp) / "results.db"
        seconds = None if args.db else round(_run(args.inputs, db, args.workers), 1)
        size = db.stat().st_size
        result = {
            "seconds": seconds,
            "db_bytes": size,
            **_text_bytes(db),
            "vacuumed": _vacuumed(db, texts=True),
            "vacuumed_without_texts": _vacuumed(db, texts=False),
        }
    result["added"] = round(result["vacuumed"] / result["vacuumed_without_texts"] - 1, 3)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
